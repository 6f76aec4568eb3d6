"""Forms of the report pages; the rules are the services' and the checks'."""

from django import forms
from django.utils.translation import gettext_lazy as _

from fazhi.core.forms import StyledForm, put_errors  # noqa: F401 - for views
from fazhi.org.models import Unit
from fazhi.reports.models import AnnualReport, ReportParagraph, ReportSection
from fazhi.reports.selectors import bodies_for

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ReportCreateForm(StyledForm, forms.Form):
    unit = forms.ModelChoiceField(queryset=Unit.objects.none(), label=_("reporting body"))
    scope = forms.ModelChoiceField(
        queryset=Unit.objects.none(),
        label=_("figures cover"),
        help_text=_("The unit whose records (with every unit under it) the figures count."),
    )
    year = forms.IntegerField(label=_("year reported on"), min_value=2000, max_value=2100)

    def __init__(self, *args, viewer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = bodies_for(viewer)
        self.fields["scope"].queryset = Unit.objects.visible_to(viewer).order_by("path")
        if not self.is_bound:  # the usual case: last year's report, in its first quarter
            from fazhi.timelimits.selectors import today

            self.initial.setdefault("year", today().year - 1)


class ReportSettingsForm(StyledForm, forms.ModelForm):
    version = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = AnnualReport
        fields = [
            "title",
            "recipient",
            "opening",
            "signature_organ",
            "signature_date",
            "money_rule",
            "report_due",
            "publish_due",
        ]
        widgets = {
            "opening": forms.Textarea(attrs={"rows": 4}),
            "signature_date": DATE,
            "report_due": DATE,
            "publish_due": DATE,
        }


class ParagraphForm(StyledForm, forms.ModelForm):
    version = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = ReportParagraph
        fields = ["heading", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 12, "class": "fz-reference-editor"})}


class SectionAddForm(StyledForm, forms.Form):
    kind = forms.ChoiceField(label=_("item"), choices=ReportSection.Kind.choices)


class VersionForm(forms.Form):
    version = forms.CharField(required=False)


class PublishForm(StyledForm, forms.Form):
    version = forms.CharField(widget=forms.HiddenInput, required=False)
    signed_on = forms.DateField(label=_("date signed"), widget=DATE, required=False)
