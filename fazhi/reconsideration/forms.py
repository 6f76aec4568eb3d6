"""Forms of the reconsideration pages. They only collect and type the input: the rules live in
the model and `services.py`, whose errors the views put back on the fields. The steps' forms
(fazhi.core.workflow) carry the version of the case their author saw."""

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from fazhi.core.forms import StyledForm, put_errors  # noqa: F401 - put_errors for views
from fazhi.core.workflow import DATE, DatedStepForm, StepForm
from fazhi.org.models import Unit
from fazhi.reconsideration.models import Case
from fazhi.reconsideration.selectors import deemed_accepted_since
from fazhi.timelimits.selectors import deadlines_for, today

# Who can be a respondent: the district's organs and township governments.
RESPONDENT_KINDS = [
    Unit.Kind.DISTRICT,
    Unit.Kind.PARTY_OFFICE,
    Unit.Kind.JUSTICE_BUREAU,
    Unit.Kind.DEPARTMENT,
    Unit.Kind.TOWNSHIP,
    Unit.Kind.OTHER,
]


class CaseForm(StyledForm, forms.ModelForm):
    """Registering an application (the law follows from the day received)."""

    class Meta:
        model = Case
        fields = [
            "respondent",
            "applicants",
            "agent",
            "act_type",
            "act_number",
            "act_date",
            "received_on",
        ]
        widgets = {"act_date": DATE, "received_on": DATE}
        help_texts = {
            "received_on": _(
                "Applications received from 1 January 2024 follow the 2023 revision of the law."
            )
        }

    def __init__(self, *args, viewer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["respondent"].queryset = (
            Unit.objects.visible_to(viewer).filter(kind__in=RESPONDENT_KINDS).order_by("path")
        )
        self.fields["received_on"].initial = today()

    def _post_clean(self):
        pass  # the model's own validation runs in the service


class CaseEditForm(StyledForm, forms.ModelForm):
    """The descriptive fields; the dates and the status change only through the steps."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Case
        fields = ["applicants", "agent", "act_type", "act_number", "act_date", "lawsuit_followed"]
        widgets = {"act_date": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = self.instance.version

    def _post_clean(self):
        pass


class AcceptForm(DatedStepForm):
    on_label = _("Accepted on")
    procedure = forms.ChoiceField(
        label=_("Procedure"),
        choices=Case.Procedure.choices,
        required=False,
    )
    api_defaults = {"procedure": Case.Procedure.ORDINARY}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Once the review period has passed with no decision, the law accepted the application
        # on a day of its own: offer that day (a later one is refused).
        deemed = deemed_accepted_since(self.record, list(deadlines_for(self.record)))
        if deemed is not None:
            self.fields["on"].initial = deemed
        if self.record.law != Case.Law.LAW_2023:
            # The simplified procedure came with the 2023 revision.
            self.fields["procedure"].choices = [
                (Case.Procedure.ORDINARY.value, Case.Procedure.ORDINARY.label)
            ]
        self.fields["procedure"].initial = Case.Procedure.ORDINARY

    def clean_procedure(self):
        return self.cleaned_data["procedure"] or Case.Procedure.ORDINARY


class SuspendForm(StepForm):
    start = forms.DateField(label=_("Suspended from"), widget=DATE)
    ground = forms.CharField(
        label=_("Ground"),
        max_length=200,
        help_text=_(
            "One of the statutory grounds, e.g. the applicant died and the heirs have not yet "
            "said whether they take part."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ground"].col = "col-md-8"  # read by core/_form_fields.html


class ResumeForm(StepForm):
    last_suspended_day = forms.DateField(
        label=_("Last day suspended"),
        widget=DATE,
        help_text=_("The period runs again from the next day."),
    )


class ExtendForm(StepForm):
    days = forms.IntegerField(label=_("Days"), min_value=1, max_value=30)
    reason = forms.CharField(label=_("Reason"), max_length=200)
    approved_by = forms.CharField(
        label=_("Approved by"),
        max_length=100,
        help_text=_("The head of the reconsideration body who approved the extension."),
    )
    approved_on = forms.DateField(label=_("Approved on"), widget=DATE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].col = "col-md-8"


class DecideForm(DatedStepForm):
    on_label = _("Decided on")
    decision = forms.ChoiceField(label=_("Decision"), choices=Case.Decision.choices)
    number = forms.CharField(
        label=_("Decision number"),
        max_length=40,
        required=False,
        help_text=format_lazy("{} 游府复决〔2024〕3号", _("e.g.")),
    )

    field_order = ["decision", "on", "number", "version"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Exactly the decisions the law of this case provides for.
        self.fields["decision"].choices = [("", "---------"), *self.record.decisions]
