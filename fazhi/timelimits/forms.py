from django import forms
from django.utils.translation import gettext_lazy as _

from fazhi.timelimits.models import COUNTED_UNITS, CalendarDay, Rule


class CalculatorForm(forms.Form):
    start = forms.DateField(
        label=_("Clock started on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    rule = forms.ChoiceField(label=_("Rule"), required=False)
    amount = forms.IntegerField(label=_("Amount"), required=False, min_value=1, max_value=3650)
    unit = forms.ChoiceField(
        label=_("Counted in"), required=False, choices=[("", "—"), *COUNTED_UNITS]
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # One choice per rule code (the version in force on the start date is applied), by
        # its title, under the law it comes from.
        latest = {}
        counted = Rule.objects.exclude(unit=Rule.Unit.SET_BY_DECISION)
        for code, title, law in counted.order_by("code", "effective_from").values_list(
            "code", "title", "law"
        ):
            latest[code] = (title, law)
        by_law: dict[str, list] = {}
        for code, (title, law) in latest.items():
            by_law.setdefault(law, []).append((code, title))
        self.fields["rule"].widget.attrs["class"] = "form-select form-select-sm"
        self.fields["rule"].choices = [("", _("— or enter an amount and a unit —"))] + [
            (law, sorted(choices, key=lambda choice: choice[1]))
            for law, choices in sorted(by_law.items())
        ]

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("rule") and not (cleaned.get("amount") and cleaned.get("unit")):
            raise forms.ValidationError(_("Choose a rule, or enter both an amount and a unit."))
        return cleaned


class CalendarDayForm(forms.Form):
    day = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[("", _("ordinary day (weekday pattern)")), *CalendarDay.Kind.choices],
        required=False,
    )
    name = forms.CharField(label=_("Holiday"), max_length=60, required=False)


class CalendarYearForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    notice = forms.CharField(label=_("State Council notice"), max_length=200, required=False)
