"""The figures of administrative litigation. A lawsuit counts in the period it was filed; its
stage is read as it stood on the period's last day (heard, outcome served)."""

from django.db.models import Q
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from fazhi.indicators.registry import Indicator, register, register_total
from fazhi.litigation.models import Hearing, Lawsuit

MODULE = "litigation"


def filed(p) -> Q:
    return Q(filed_on__gte=p.start, filed_on__lte=p.end)


def no_outcome_by_end(p) -> Q:
    return Q(outcome_served_on__isnull=True) | Q(outcome_served_on__gt=p.end)


def served(p) -> Q:
    return Q(outcome_served_on__gte=p.start, outcome_served_on__lte=p.end)


def _lawsuits(key, label, definition, where, order, trend=False):
    return Indicator(
        key=key,
        label=label,
        definition=definition,
        measure="件",
        module=MODULE,
        model=Lawsuit,
        where=where,
        order=order,
        trend=trend,
    )


register(
    _lawsuits(
        "litigation.cases",
        _("Lawsuits handled"),
        _("Administrative lawsuits against the organs filed within the period."),
        filed,
        10,
        trend=True,
    ),
    _lawsuits(
        "litigation.dismissed",
        _("Suits dismissed by ruling"),
        _(
            "Lawsuits filed within the period that the court dismissed by ruling (裁定驳回起诉) by its last day."
        ),
        lambda p: (
            filed(p) & Q(outcome=Lawsuit.Outcome.SUIT_DISMISSED, outcome_served_on__lte=p.end)
        ),
        20,
    ),
    _lawsuits(
        "litigation.awaiting_judgment",
        _("Heard, awaiting judgment"),
        _(
            "Lawsuits filed within the period, heard by its last day, with no outcome served by then."
        ),
        lambda p: filed(p) & Q(first_hearing_on__lte=p.end) & no_outcome_by_end(p),
        30,
    ),
    _lawsuits(
        "litigation.awaiting_hearing",
        _("Awaiting hearing"),
        _("Lawsuits filed within the period, not yet heard and with no outcome by its last day."),
        lambda p: (
            filed(p)
            & (Q(first_hearing_on__isnull=True) | Q(first_hearing_on__gt=p.end))
            & no_outcome_by_end(p)
        ),
        40,
    ),
    _lawsuits(
        "litigation.concluded",
        _("Lawsuits concluded"),
        _("Lawsuits whose outcome (judgment or ruling) was served within the period."),
        served,
        50,
    ),
    _lawsuits(
        "litigation.lost",
        _("Lawsuits lost"),
        _(
            "Lawsuits concluded within the period by a judgment against the defendant (revoked, ordered to perform or pay, confirmed illegal or void, changed)."
        ),
        lambda p: served(p) & Q(outcome__in=Lawsuit.LOST),
        60,
    ),
    Indicator(
        key="litigation.loss_rate",
        label=_("Litigation loss rate"),
        definition=_("Lawsuits lost ÷ lawsuits concluded × 100."),
        measure="%",
        module=MODULE,
        numerator="litigation.lost",
        denominator="litigation.concluded",
        order=70,
    ),
    Indicator(
        key="litigation.hearings",
        label=_("Court hearings"),
        definition=_("Hearings held within the period in lawsuits against the organs."),
        measure="次",
        module=MODULE,
        model=Hearing,
        where=lambda p: Q(held_on__gte=p.start, held_on__lte=p.end),
        order=80,
    ),
    Indicator(
        key="litigation.hearings_with_head",
        label=_("Hearings attended by the head of the organ"),
        definition=_(
            "Hearings counted above at which the head, a deputy head or another responsible official of the defendant appeared."
        ),
        measure="次",
        module=MODULE,
        model=Hearing,
        where=lambda p: Q(
            held_on__gte=p.start, held_on__lte=p.end, appearance__in=Hearing.RESPONSIBLE
        ),
        order=90,
    ),
    Indicator(
        key="litigation.head_appearance_rate",
        label=_("Head-of-organ court-appearance rate"),
        definition=_("Hearings attended by the head of the organ ÷ court hearings × 100."),
        measure="%",
        module=MODULE,
        numerator="litigation.hearings_with_head",
        denominator="litigation.hearings",
        order=100,
    ),
)


for position, (value, label) in enumerate(Lawsuit.Outcome.choices):
    outcome = _lawsuits(
        f"litigation.outcomes.{value.lower()}",
        format_lazy("{}：{}", _("Judgments and rulings by type"), label),
        _("Lawsuits whose judgment or ruling of this type was served within the period."),
        lambda p, value=value: served(p) & Q(outcome=value),
        200 + position,
    )
    outcome.group = "litigation.outcomes"
    register(outcome)


# By definition: every concluded lawsuit has one judgment or ruling.
register_total("litigation.concluded", group="litigation.outcomes")
