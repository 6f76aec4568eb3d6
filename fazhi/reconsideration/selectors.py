"""Reads of reconsideration cases, always through the viewer's data scope, and what a case's
page needs to know: whether silence made it accepted, the suspensions and extensions of its
decision period, who issues its documents (the steps open to it: workflow.py)."""

from datetime import date

from django.db.models import QuerySet

from fazhi.org.models import Unit
from fazhi.org.scope import get_visible_or_404
from fazhi.reconsideration.filters import CaseFilter
from fazhi.reconsideration.models import Case
from fazhi.reconsideration.services import (
    ACCEPTANCE_CLOCK,
    DECISION_CLOCKS,
    deemed_acceptance_day,
)
from fazhi.timelimits.selectors import today, with_next_due


def cases_for(viewer) -> QuerySet:
    return with_next_due(Case.objects.visible_to(viewer).select_related("respondent"))


def case_list(*, viewer, params, request=None) -> tuple[CaseFilter, QuerySet]:
    """The filter form (bound to `params`) and the cases it selects, newest first."""
    filterset = CaseFilter(params, queryset=cases_for(viewer), request=request)
    queryset = filterset.qs if filterset.is_valid() else cases_for(viewer).none()
    return filterset, queryset.order_by("-received_on", "-pk")


def get_case_for_user(user, pk) -> Case:
    return get_visible_or_404(cases_for(user), user, pk)


def deemed_accepted_since(case: Case, clocks, on: date | None = None) -> date | None:
    """The day an application not refused within the review period counts as accepted, once
    that period has passed with no decision on acceptance; None otherwise. Under the 2023 law
    (第30条第3款) the period's last day, under the 1999 law (第17条第2款) the day received
    (services.deemed_acceptance_day)."""
    if case.status != Case.Status.RECEIVED:
        return None
    clock = next(
        (c for c in clocks if c.rule.code == ACCEPTANCE_CLOCK and c.completed_on is None), None
    )
    if clock is None or clock.due_date >= (on or today()):
        return None
    return deemed_acceptance_day(case, clock)


def decision_clock_events(clocks) -> tuple[list, list]:
    """The suspensions and the extensions of the case's decision period, oldest first."""
    suspensions, extensions = [], []
    for clock in clocks:
        if clock.rule.code in DECISION_CLOCKS:
            suspensions += sorted(clock.suspensions.all(), key=lambda s: s.start)
            extensions += sorted(clock.extensions.all(), key=lambda e: (e.approved_on, e.pk))
    return suspensions, extensions


def issuing_organ(case: Case) -> str:
    """The reconsideration organ named on the case's documents: the people's government of
    the respondent's district (the root of the unit tree when no district is above it)."""
    units = list(case.respondent.ancestors()) + [case.respondent]
    district = next((u for u in units if u.kind == Unit.Kind.DISTRICT), units[0])
    return f"{district.name}人民政府"
