"""The figures of people's mediation, as the annual report gives them.

A dispute counts in the period in which its mediation ended (closed_on), whatever the outcome:
"调处纠纷 N 件" counts mediations concluded, successful or not. Committees and mediators count
as they stood on the last day of the period.
"""

from django.db.models import Q
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from fazhi.indicators.registry import Indicator, register, register_total
from fazhi.mediation.models import Committee, Dispute, Mediator

MODULE = "mediation"


def committees_at_end(period) -> Q:
    return Q(is_active=True) & (Q(established_on__isnull=True) | Q(established_on__lte=period.end))


def mediators_at_end(period) -> Q:
    return Q(hired_on__lte=period.end) & (Q(left_on__isnull=True) | Q(left_on__gt=period.end))


def disputes_ended(period) -> Q:
    return Q(closed_on__gte=period.start, closed_on__lte=period.end)


FULL_TIME = Mediator.Employment.FULL_TIME

register(
    Indicator(
        key="mediation.organizations",
        label=_("Mediation organisations"),
        definition=_(
            "People's mediation committees of every type (village, township, industry, "
            "enterprise, other) that are active and established by the last day of the period."
        ),
        measure="个",
        module=MODULE,
        model=Committee,
        where=committees_at_end,
        order=10,
    ),
    Indicator(
        key="mediation.standard_rooms",
        label=_("Standardised mediation rooms"),
        definition=_(
            "Active committees counted above whose mediation room meets the standard "
            "(规范化调解室)."
        ),
        measure="个",
        module=MODULE,
        model=Committee,
        where=lambda p: committees_at_end(p) & Q(has_standard_room=True),
        order=20,
    ),
    Indicator(
        key="mediation.mediators",
        label=_("Mediators (full- and part-time)"),
        definition=_(
            "Mediators in post on the last day of the period: hired on or before it and not "
            "left by then."
        ),
        measure="人",
        module=MODULE,
        model=Mediator,
        where=mediators_at_end,
        order=30,
    ),
    Indicator(
        key="mediation.full_time_mediators",
        label=_("Full-time mediators"),
        definition=_("Full-time (专职) mediators in post on the last day of the period."),
        measure="人",
        module=MODULE,
        model=Mediator,
        where=lambda p: mediators_at_end(p) & Q(employment=FULL_TIME),
        order=40,
    ),
    Indicator(
        key="mediation.full_time_mediators_new",
        label=_("Full-time mediators newly hired"),
        definition=_("Full-time mediators whose hiring date falls within the period."),
        measure="人",
        module=MODULE,
        model=Mediator,
        where=lambda p: Q(employment=FULL_TIME, hired_on__gte=p.start, hired_on__lte=p.end),
        order=50,
    ),
    Indicator(
        key="mediation.disputes",
        label=_("Disputes mediated"),
        definition=_(
            "Disputes whose mediation ended within the period (closing date in the period), "
            "whether it succeeded, failed or was terminated."
        ),
        measure="件",
        module=MODULE,
        model=Dispute,
        where=disputes_ended,
        order=60,
        trend=True,
    ),
    Indicator(
        key="mediation.disputes_succeeded",
        label=_("Disputes mediated successfully"),
        definition=_(
            "Disputes counted above whose mediation succeeded (a written or oral agreement)."
        ),
        measure="件",
        module=MODULE,
        model=Dispute,
        where=lambda p: disputes_ended(p) & Q(status=Dispute.Status.SUCCEEDED),
        order=70,
    ),
    Indicator(
        key="mediation.success_rate",
        label=_("Mediation success rate"),
        definition=_("Disputes mediated successfully ÷ disputes mediated × 100."),
        measure="%",
        module=MODULE,
        numerator="mediation.disputes_succeeded",
        denominator="mediation.disputes",
        order=80,
    ),
    Indicator(
        key="mediation.disputes_by_full_time",
        label=_("Disputes mediated by full-time mediators"),
        definition=_("Disputes mediated (as above) whose lead mediator is full-time."),
        measure="件",
        module=MODULE,
        model=Dispute,
        where=lambda p: disputes_ended(p) & Q(lead_mediator__employment=FULL_TIME),
        order=90,
    ),
    Indicator(
        key="mediation.full_time_share",
        label=_("Share of disputes mediated by full-time mediators"),
        definition=_(
            "Disputes mediated by full-time mediators ÷ disputes mediated × 100, to two decimals."
        ),
        measure="%",
        module=MODULE,
        numerator="mediation.disputes_by_full_time",
        denominator="mediation.disputes",
        order=100,
    ),
    Indicator(
        key="mediation.agreement_amount",
        label=_("Amount involved in mediation agreements"),
        definition=_(
            "Sum of the amounts of the agreements of disputes mediated successfully within the "
            "period, in yuan."
        ),
        measure="元",
        module=MODULE,
        model=Dispute,
        where=lambda p: disputes_ended(p) & Q(status=Dispute.Status.SUCCEEDED),
        sum_field="agreement_amount",
        order=110,
    ),
)


def _breakdown(name: str, field: str, choices, order: int, label, definition):
    """One counting indicator per value of a closed list: mediation.disputes.<name>.<value>."""
    for position, (value, choice_label) in enumerate(choices):
        register(
            Indicator(
                key=f"mediation.disputes.{name}.{value.lower()}",
                label=format_lazy("{}：{}", label, choice_label),
                definition=definition,
                measure="件",
                module=MODULE,
                model=Dispute,
                where=lambda p, value=value: disputes_ended(p) & Q(**{field: value}),
                order=order + position,
                group=f"mediation.disputes.{name}",
            )
        )


_breakdown(
    "type",
    "dispute_type",
    Dispute.Type.choices,
    200,
    _("Disputes mediated by type"),
    _("Disputes mediated (as above) of this type of dispute."),
)
_breakdown(
    "source",
    "source",
    Dispute.Source.choices,
    300,
    _("Disputes mediated by source"),
    _("Disputes mediated (as above) that came from this source."),
)


# By definition: every dispute mediated has one type and one source.
register_total("mediation.disputes", group="mediation.disputes.type")
register_total("mediation.disputes", group="mediation.disputes.source")
