"""Forms of the litigation pages. They collect and type the input; the rules are the services'
(whose errors the views put back on the fields) and `rules.py`'s."""

from django import forms
from django.utils.translation import gettext_lazy as _

from fazhi.core.forms import StyledForm, put_errors  # noqa: F401 - for views
from fazhi.core.workflow import DATE, DatedStepForm, StepForm
from fazhi.litigation.models import Hearing, Lawsuit
from fazhi.litigation.rules import normalise_case_number, validate_case_number
from fazhi.org.models import Unit

# The organs that can be sued: the district government, its departments (the justice bureau
# among them) and the townships' governments.
DEFENDANT_KINDS = [
    Unit.Kind.DISTRICT,
    Unit.Kind.JUSTICE_BUREAU,
    Unit.Kind.DEPARTMENT,
    Unit.Kind.TOWNSHIP,
]


def defendants_for(viewer):
    return Unit.objects.visible_to(viewer).filter(kind__in=DEFENDANT_KINDS).order_by("path")


class LawsuitForm(StyledForm, forms.ModelForm):
    defendant = forms.ModelChoiceField(label=_("Defendant"), queryset=Unit.objects)
    # Text, not a number: any value that is not the stored version is refused as stale.
    version = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Lawsuit
        fields = [
            "case_number",
            "court",
            "instance",
            "defendant",
            "plaintiffs",
            "cause",
            "filed_on",
        ]
        widgets = {"filed_on": DATE}

    def __init__(self, *args, viewer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["defendant"].queryset = defendants_for(viewer)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version

    def clean_case_number(self):
        number = normalise_case_number(self.cleaned_data["case_number"])
        validate_case_number(number)
        return number

    def _post_clean(self):
        # The model's own validation (uniqueness among it) runs in the service.
        pass


class HearingForm(StepForm):
    held_on = forms.DateField(label=_("Held on"), widget=DATE)
    appearance = forms.ChoiceField(
        label=_("Appeared for the defendant"),
        choices=Hearing.Appearance.choices,
        widget=forms.RadioSelect,
    )
    official_name = forms.CharField(
        label=_("Official's name"),
        max_length=50,
        required=False,
        help_text=_("Required for the head, a deputy head or another responsible official."),
    )
    official_post = forms.CharField(
        label=_("Official's post"),
        max_length=50,
        required=False,
        help_text=_("e.g. director or deputy director of the bureau."),
    )

    def clean(self):
        data = super().clean()
        if data.get("appearance") in Hearing.RESPONSIBLE:
            if not (data.get("official_name") or "").strip():
                self.add_error("official_name", _("Name the official who appeared."))
            if not (data.get("official_post") or "").strip():
                self.add_error("official_post", _("Give the post of the official who appeared."))
        return data


def _grouped_outcomes():
    labels = dict(Lawsuit.Outcome.choices)
    return [
        ("", "—"),
        (_("Judgments"), [(value, labels[value]) for value in Lawsuit.JUDGMENTS]),
        (_("Rulings"), [(value, labels[value]) for value in Lawsuit.RULINGS]),
    ]


class OutcomeForm(StepForm):
    outcome = forms.ChoiceField(label=_("Judgment or ruling"), choices=_grouped_outcomes)
    served_on = forms.DateField(label=_("Served on"), widget=DATE)


class AppealForm(DatedStepForm):
    on_label = _("Appealed on")
    on_today = False
    appellant = forms.ChoiceField(
        label=_("Appellant"), choices=[("", "—"), *Lawsuit.Appellant.choices]
    )
