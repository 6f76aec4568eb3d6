"""Reads of the litigation ledger, always through the viewer's data scope."""

from django.db.models import QuerySet

from fazhi.litigation.filters import LawsuitFilter
from fazhi.litigation.models import Hearing, Lawsuit
from fazhi.org.scope import get_visible_or_404
from fazhi.timelimits.selectors import with_next_due


def lawsuits_for(viewer) -> QuerySet:
    return with_next_due(Lawsuit.objects.visible_to(viewer).select_related("defendant"))


def lawsuit_list(*, viewer, params, request=None) -> tuple[LawsuitFilter, QuerySet]:
    """The filter form (bound to `params`) and the lawsuits it selects, newest first."""
    filterset = LawsuitFilter(params, queryset=lawsuits_for(viewer), request=request)
    queryset = filterset.qs if filterset.is_valid() else lawsuits_for(viewer).none()
    return filterset, queryset.order_by("-filed_on", "-pk")


def get_lawsuit_for_user(user, pk) -> Lawsuit:
    return get_visible_or_404(lawsuits_for(user), user, pk)


def hearings_for(viewer) -> QuerySet:
    """Hearings of the lawsuits the viewer may see, each with its lawsuit."""
    return Hearing.objects.visible_to(viewer).select_related("lawsuit")


def hearings_of(lawsuit: Lawsuit) -> QuerySet:
    """The hearings of a lawsuit already fetched through the viewer's scope."""
    return Hearing.objects.filter(lawsuit=lawsuit).order_by("held_on", "pk")
