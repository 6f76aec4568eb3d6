from django import forms
from django.utils.translation import gettext_lazy as _

from fazhi.core.forms import StyledForm
from fazhi.core.registers import RegisterForm
from fazhi.enforcement import models as m
from fazhi.org.models import Unit

DATE = forms.DateInput(attrs={"type": "date"})
# Who holds enforcement powers: departments and townships.
ENFORCING = (Unit.Kind.DEPARTMENT, Unit.Kind.TOWNSHIP, Unit.Kind.JUSTICE_BUREAU)


class EnforcementForm(RegisterForm):
    unit_kinds = ENFORCING


class OrganForm(EnforcementForm):
    class Meta:
        model = m.Organ
        fields = ["unit", "legal_basis", "penalty", "compulsion", "inspection", "licensing"]
        widgets = {"legal_basis": forms.Textarea(attrs={"rows": 3})}


class OfficerForm(EnforcementForm):
    class Meta:
        model = m.Officer
        fields = [
            "name",
            "id_number",
            "unit",
            "post",
            "staff_status",
            "legal_qualification",
            "entrusted_organisation",
            "training_hours",
        ]


class CertificateForm(EnforcementForm):
    class Meta:
        model = m.Certificate
        fields = [
            "officer",
            "kind",
            "number",
            "issued_by",
            "issued_on",
            "expires_on",
            "status",
            "renewal",
        ]
        widgets = {"issued_on": DATE, "expires_on": DATE}

    def __init__(self, *args, viewer, **kwargs):
        super().__init__(*args, viewer=viewer, **kwargs)
        self.fields["officer"].queryset = m.Officer.objects.visible_to(viewer).select_related(
            "unit"
        )
        self.fields["renewal"].queryset = m.RenewalBatch.objects.visible_to(viewer)


class RenewalForm(EnforcementForm):
    unit_kinds = (Unit.Kind.JUSTICE_BUREAU,)

    class Meta:
        model = m.RenewalBatch
        fields = ["title", "unit", "renewed_on"]
        widgets = {"renewed_on": DATE}


class ExamSittingForm(EnforcementForm):
    unit_kinds = (Unit.Kind.JUSTICE_BUREAU,)

    class Meta:
        model = m.ExamSitting
        fields = ["title", "kind", "unit", "held_on", "pass_line"]
        widgets = {"held_on": DATE}


class ExamResultForm(StyledForm, forms.Form):
    officer = forms.ModelChoiceField(label=_("officer"), queryset=m.Officer.objects.none())
    score = forms.IntegerField(label=_("score"), min_value=0, max_value=100)

    def __init__(self, *args, viewer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = m.Officer.objects.visible_to(viewer).select_related(
            "unit"
        )
