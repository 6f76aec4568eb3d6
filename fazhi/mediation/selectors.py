"""Reads of the mediation ledger, always through the viewer's data scope."""

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _

from fazhi.core.audit import log_personal_data_viewed
from fazhi.mediation.filters import CommitteeFilter, DisputeFilter, MediatorFilter
from fazhi.mediation.models import Committee, Dispute, Mediator, Party
from fazhi.org.scope import get_visible_or_404
from fazhi.timelimits.calendar import get_calendar
from fazhi.timelimits.engine import YearNotLoaded, due_date
from fazhi.timelimits.selectors import rule_for, with_next_due


def may_see_id_numbers(user) -> bool:
    return user.has_perm("mediation.view_id_numbers")


def note_full_ids_shown(viewer, model, shown, *, via) -> None:
    """Put on the audit trail that `viewer` was shown the full ID numbers of these records
    ((pk, text) pairs of `model`), when the viewer's role shows them in full at all."""
    if viewer is not None and may_see_id_numbers(viewer):
        log_personal_data_viewed(viewer, model, shown, what=_("full resident ID numbers"), via=via)


def disputes_for(viewer) -> QuerySet:
    return with_next_due(
        Dispute.objects.visible_to(viewer)
        .select_related("committee__unit", "lead_mediator")
        .prefetch_related(Prefetch("parties", queryset=Party.objects.order_by("pk")))
    )


def dispute_list(*, viewer, params, request=None) -> tuple[DisputeFilter, QuerySet]:
    """The filter form (bound to `params`) and the disputes it selects."""
    filterset = DisputeFilter(params, queryset=disputes_for(viewer), request=request)
    queryset = filterset.qs if filterset.is_valid() else disputes_for(viewer).none()
    return filterset, queryset


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


def judicial_confirmation_due(dispute: Dispute):
    """The last day the parties may jointly apply for judicial confirmation (30 days from the
    agreement), for a successful mediation with a written agreement; None otherwise."""
    if dispute.status != Dispute.Status.SUCCEEDED or dispute.closed_on is None:
        return None
    if dispute.agreement_form != Dispute.AgreementForm.WRITTEN:
        return None
    rule = rule_for("mediation.judicial_confirmation", dispute.closed_on)
    try:
        return due_date(get_calendar(), dispute.closed_on, rule.amount, rule.unit).due
    except YearNotLoaded:
        return None
