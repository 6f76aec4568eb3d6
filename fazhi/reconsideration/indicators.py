"""The figures of administrative reconsideration. A case counts as received by the day its
application arrived, and as concluded by the day of its decision or of the refusal to accept."""

from django.db.models import Q
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from fazhi.indicators.registry import Indicator, register, register_total
from fazhi.reconsideration.models import Case

MODULE = "reconsideration"


def received(p) -> Q:
    return Q(received_on__gte=p.start, received_on__lte=p.end)


def decided(p) -> Q:
    return Q(decided_on__gte=p.start, decided_on__lte=p.end)


def not_accepted(p) -> Q:
    return Q(not_accepted_on__gte=p.start, not_accepted_on__lte=p.end)


def open_at_end(p) -> Q:
    """Received by the end of the period and neither decided nor refused by then."""
    return (
        Q(received_on__lte=p.end)
        & (Q(decided_on__isnull=True) | Q(decided_on__gt=p.end))
        & (Q(not_accepted_on__isnull=True) | Q(not_accepted_on__gt=p.end))
    )


def _count(key, label, definition, where, order, trend=False):
    return Indicator(
        key=key,
        label=label,
        definition=definition,
        measure="件",
        module=MODULE,
        model=Case,
        where=where,
        order=order,
        trend=trend,
    )


register(
    _count(
        "reconsideration.applications",
        _("Reconsideration applications received"),
        _("Applications for administrative reconsideration received within the period."),
        received,
        10,
        trend=True,
    ),
    _count(
        "reconsideration.concluded",
        _("Reconsideration cases concluded"),
        _("Cases decided, or refused acceptance, within the period."),
        lambda p: decided(p) | not_accepted(p),
        20,
    ),
    _count(
        "reconsideration.pending",
        _("Reconsideration cases pending at the end of the period"),
        _(
            "Cases received within the period that were neither decided nor refused by its last day."
        ),
        lambda p: received(p) & open_at_end(p),
        30,
    ),
    _count(
        "reconsideration.upheld",
        _("Acts upheld"),
        _("Cases decided within the period whose decision upheld the act."),
        lambda p: decided(p) & Q(decision=Case.Decision.UPHELD),
        40,
    ),
    _count(
        "reconsideration.not_accepted",
        _("Applications not accepted"),
        _("Applications refused acceptance within the period."),
        not_accepted,
        50,
    ),
    _count(
        "reconsideration.decided",
        _("Reconsideration decisions"),
        _("Cases decided within the period, whatever the decision."),
        decided,
        60,
    ),
    _count(
        "reconsideration.corrected",
        _("Acts corrected"),
        _(
            "Cases decided within the period whose decision revoked, changed, confirmed illegal "
            "or void, or ordered the respondent to perform."
        ),
        lambda p: decided(p) & Q(decision__in=Case.CORRECTING),
        70,
    ),
    Indicator(
        key="reconsideration.correction_rate",
        label=_("Reconsideration correction rate"),
        definition=_("Acts corrected ÷ reconsideration decisions × 100."),
        measure="%",
        module=MODULE,
        numerator="reconsideration.corrected",
        denominator="reconsideration.decided",
        order=80,
    ),
)

for position, (value, label) in enumerate(Case.Decision.choices):
    indicator = _count(
        f"reconsideration.decisions.{value.lower()}",
        format_lazy("{}：{}", _("Reconsideration decisions by type"), label),
        _("Cases decided within the period with this decision."),
        lambda p, value=value: decided(p) & Q(decision=value),
        100 + position,
    )
    indicator.group = "reconsideration.decisions"
    register(indicator)


# By definition: a case concluded was either decided (one decision type) or not accepted.
register_total("reconsideration.decided", group="reconsideration.decisions")
register_total(
    "reconsideration.concluded", parts=("reconsideration.decided", "reconsideration.not_accepted")
)
