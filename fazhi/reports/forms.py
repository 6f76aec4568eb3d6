"""Forms of the report pages; the rules are the services' and the checks'."""

import difflib

from django import forms
from django.utils.translation import gettext_lazy as _

from fazhi.core.forms import StyledForm, put_errors  # noqa: F401 - for views
from fazhi.core.workflow import DATE, StepForm
from fazhi.indicators.registry import all_indicators
from fazhi.org.models import Unit
from fazhi.reports.models import AnnualReport, ReportParagraph, ReportSection
from fazhi.reports.references import malformed_references, references_in
from fazhi.reports.selectors import BODY_KINDS, bodies_for
from fazhi.timelimits.selectors import today


class IndentedUnitChoice(forms.ModelChoiceField):
    """Units shown as a tree: each indented by its depth."""

    def label_from_instance(self, obj):
        return "\u3000" * obj.depth + obj.name


class ReportCreateForm(StyledForm, forms.Form):
    unit = IndentedUnitChoice(queryset=Unit.objects.none(), label=_("reporting body"))
    scope = IndentedUnitChoice(
        queryset=Unit.objects.none(),
        label=_("figures cover"),
        required=False,
        help_text=_(
            "The unit whose records (with every unit under it) the figures count: the body "
            "itself or a unit it belongs to. Left empty: the whole district for the justice "
            "bureau, the body itself for any other."
        ),
    )
    year = forms.IntegerField(label=_("year reported on"), min_value=2000, max_value=2100)

    def __init__(self, *args, viewer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = bodies_for(viewer)
        self.fields["scope"].queryset = (
            Unit.objects.visible_to(viewer).filter(kind__in=BODY_KINDS).order_by("path")
        )
        if not self.is_bound:  # the usual case: the viewer's body, last year, in spring
            self.initial.setdefault("year", today().year - 1)
            own = bodies_for(viewer).filter(pk=viewer.unit_id).first()
            if own is None and viewer.unit_id:  # a bureau section reports as its bureau
                own = bodies_for(viewer).filter(pk=viewer.unit.parent_id).first()
            if own is not None:
                self.initial.setdefault("unit", own.pk)


class ReportSettingsForm(StyledForm, forms.ModelForm):
    version = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean_opening(self):
        return validate_references(self.cleaned_data["opening"])

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


def validate_references(text: str) -> str:
    """Refuse a reference that names no indicator (with the nearest keys as a hint) or that is
    mistyped, when it is saved rather than only at the checks."""
    keys = [i.key for i in all_indicators()]
    problems = []
    for piece in malformed_references(text):
        problems.append(
            _("“%(piece)s” is not a reference: write {{key}} or {{key|measure word}}.")
            % {"piece": piece}
        )
    for ref in references_in(text):
        if ref.key not in keys:
            near = difflib.get_close_matches(ref.key, keys, n=2)
            hint = _(" Did you mean %(keys)s?") % {"keys": "、".join(near)} if near else ""
            problems.append(_("%(ref)s names no indicator.") % {"ref": ref.text} + hint)
    if problems:
        raise forms.ValidationError(problems)
    return text


class ParagraphForm(StyledForm, forms.ModelForm):
    version = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean_text(self):
        return validate_references(self.cleaned_data["text"])

    def clean_heading(self):
        return validate_references(self.cleaned_data["heading"])

    class Meta:
        model = ReportParagraph
        fields = ["heading", "text"]
        widgets = {
            "text": forms.Textarea(
                attrs={"rows": 12, "class": "fz-reference-editor", "translate": "no"}
            )
        }


class SectionAddForm(StyledForm, forms.Form):
    kind = forms.ChoiceField(label=_("item"), choices=ReportSection.Kind.choices)


class PublishForm(StepForm):
    signed_on = forms.DateField(label=_("date signed"), widget=DATE, required=False)
    secrecy_reviewer = forms.CharField(
        label=_("secrecy review by"),
        max_length=40,
        required=False,
        help_text=_("Who checked the report for secrets before it goes public (保密审查)."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["signed_on"].initial = self.record.signature_date
