"""Reads of legality review and filing, always through the viewer's data scope."""

from django.db.models import Count, QuerySet

from fazhi.legality.filters import AdvisorFilter, FilingFilter, ReviewRequestFilter
from fazhi.legality.models import Attachment, Filing, LegalAdvisor, OpinionItem, ReviewRequest
from fazhi.org.models import Unit
from fazhi.org.scope import get_visible_or_404
from fazhi.timelimits.selectors import with_next_due


def requests_for(viewer) -> QuerySet:
    return with_next_due(
        ReviewRequest.objects.visible_to(viewer)
        .select_related("submitting_unit")
        .annotate(item_count=Count("items"))
        .order_by("-received_on", "-pk")  # Meta.ordering does not apply to grouped queries
    )


def _filtered(filter_class, params, queryset, request):
    filterset = filter_class(params, queryset=queryset, request=request)
    return filterset, (filterset.qs if filterset.is_valid() else queryset.none())


def request_list(*, viewer, params, request=None):
    return _filtered(ReviewRequestFilter, params, requests_for(viewer), request)


def get_request_for_user(user, pk) -> ReviewRequest:
    return get_visible_or_404(
        ReviewRequest.objects.visible_to(user).select_related("submitting_unit", "created_by"),
        user,
        pk,
    )


def items_for(viewer) -> QuerySet:
    """Opinion items of the requests the viewer may see, each with its request."""
    return OpinionItem.objects.visible_to(viewer).select_related("request")


def get_attachment_for_user(user, pk) -> Attachment:
    return get_visible_or_404(Attachment.objects.visible_to(user), user, pk)


def filings_for(viewer) -> QuerySet:
    return Filing.objects.visible_to(viewer).select_related("filing_unit")


def filing_list(*, viewer, params, request=None):
    return _filtered(FilingFilter, params, filings_for(viewer), request)


def get_filing_for_user(user, pk) -> Filing:
    return get_visible_or_404(filings_for(user), user, pk)


def advisors_for(viewer) -> QuerySet:
    return LegalAdvisor.objects.visible_to(viewer).select_related("unit")


def advisor_list(*, viewer, params, request=None):
    return _filtered(AdvisorFilter, params, advisors_for(viewer), request)


def get_advisor_for_user(user, pk) -> LegalAdvisor:
    return get_visible_or_404(advisors_for(user), user, pk)


def reviewing_unit_for(user) -> Unit:
    """The justice bureau a reviewer works for (its numbering rule numbers the letters): the
    bureau above the user's section, else the district's bureau."""
    unit = user.unit
    while unit is not None and unit.kind != Unit.Kind.JUSTICE_BUREAU:
        unit = unit.parent
    if unit is None:
        unit = Unit.objects.filter(kind=Unit.Kind.JUSTICE_BUREAU).order_by("path").first()
    return unit


def may_edit(user, review: ReviewRequest) -> bool:
    """Reviewers edit any request; the submitting department corrects its own while open."""
    if user.has_perm("legality.change_reviewrequest"):
        return True
    return user.has_perm("legality.add_reviewrequest") and review.is_open
