"""Reads of the mediation ledger, always through the viewer's data scope."""

from django.db.models import Prefetch, QuerySet

from fazhi.mediation.filters import CommitteeFilter, DisputeFilter, MediatorFilter
from fazhi.mediation.models import Committee, Dispute, Mediator, Party
from fazhi.org.scope import get_visible_or_404


def may_see_id_numbers(user) -> bool:
    return user.has_perm("mediation.view_id_numbers")


def disputes_for(viewer) -> QuerySet:
    return (
        Dispute.objects.visible_to(viewer)
        .select_related("committee__unit", "lead_mediator")
        .prefetch_related(Prefetch("parties", queryset=Party.objects.order_by("pk")))
    )


def dispute_list(*, viewer, params, request=None) -> tuple[DisputeFilter, QuerySet]:
    """The filter form (bound to `params`) and the disputes it selects."""
    filterset = DisputeFilter(params, queryset=disputes_for(viewer), request=request)
    queryset = filterset.qs if filterset.is_valid() else disputes_for(viewer).none()
    return filterset, queryset.order_by("-received_on", "-pk")


def get_dispute_for_user(user, pk) -> Dispute:
    return get_visible_or_404(disputes_for(user), user, pk)


def committees_for(viewer) -> QuerySet:
    return Committee.objects.visible_to(viewer).select_related("unit__parent")


def committee_list(*, viewer, params, request=None) -> tuple[CommitteeFilter, QuerySet]:
    filterset = CommitteeFilter(params, queryset=committees_for(viewer), request=request)
    queryset = filterset.qs if filterset.is_valid() else committees_for(viewer).none()
    return filterset, queryset.order_by("unit__path")


def get_committee_for_user(user, pk) -> Committee:
    return get_visible_or_404(committees_for(user), user, pk)


def mediators_for(viewer) -> QuerySet:
    return Mediator.objects.visible_to(viewer).select_related("committee__unit")


def mediator_list(*, viewer, params, request=None) -> tuple[MediatorFilter, QuerySet]:
    filterset = MediatorFilter(params, queryset=mediators_for(viewer), request=request)
    queryset = filterset.qs if filterset.is_valid() else mediators_for(viewer).none()
    return filterset, queryset.order_by("committee__unit__path", "name", "pk")


def get_mediator_for_user(user, pk) -> Mediator:
    return get_visible_or_404(mediators_for(user), user, pk)
