"""One calculation shared by the calculator page, the API and the `due_date` command, so the
three always give the same answer."""

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from fazhi.timelimits.calendar import get_calendar
from fazhi.timelimits.engine import Result, due_date
from fazhi.timelimits.models import MEASURES, Rule
from fazhi.timelimits.selectors import RuleNotFound, rule_for

KIND_LABELS = {
    "work": "工作日",
    "weekend": "周末休息",
    "holiday": "法定节假日",
    "makeup": "调休上班日",
    "suspended": "中止期间",
}


@dataclass
class Calculation:
    result: Result
    rule: Rule | None

    @property
    def basis(self) -> str:
        if self.rule is not None:
            return self.rule.basis
        return f"{self.result.amount}{MEASURES[self.result.unit]}"

    def as_dict(self) -> dict:
        r = self.result
        return {
            "start": r.start.isoformat(),
            "amount": r.amount,
            "unit": str(r.unit),
            "rule": self.rule.code if self.rule else None,
            "basis": self.basis,
            "verified": self.rule.verified if self.rule else None,
            "nominal_end": r.nominal_end.isoformat(),
            "due_date": r.due.isoformat(),
            "suggested_internal_date": (
                r.suggested_internal.isoformat() if r.suggested_internal else None
            ),
            "assumed_years": r.assumed_years,
            "steps": [
                {
                    "date": s.day.isoformat(),
                    "kind": s.kind,
                    "kind_label": KIND_LABELS.get(s.kind, s.kind),
                    "holiday": s.name,
                    "counted": s.counted,
                    "note": s.note,
                }
                for s in r.steps
            ],
        }


def calculate(
    start: date,
    *,
    rule_code: str = "",
    amount: int | None = None,
    unit: str = "",
    assume_weekends: bool = False,
) -> Calculation:
    """Due date, basis and day-by-day explanation. Raises `YearNotLoaded` and `RuleNotFound`."""
    rule = rule_for(rule_code, start) if rule_code else None
    if rule is not None and rule.unit == Rule.Unit.SET_BY_DECISION:
        raise RuleNotFound(
            _("%(title)s: its deadline is set when the work is assigned; nothing to count.")
            % {"title": rule.title}
        )
    if rule is not None:
        amount, unit = rule.amount, rule.unit
    cal = get_calendar()
    if assume_weekends:
        cal = cal.with_assumed_weekends()
    return Calculation(due_date(cal, start, amount, unit, explain=True), rule)
