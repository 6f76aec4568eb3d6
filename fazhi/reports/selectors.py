"""Reads of annual reports, always through the viewer's data scope (the reporting body)."""

from django.db.models import Prefetch, QuerySet

from fazhi.org.models import Unit
from fazhi.org.scope import get_visible_or_404
from fazhi.reports.models import AnnualReport, ReportParagraph, ReportSection

BODY_KINDS = [
    Unit.Kind.DISTRICT,
    Unit.Kind.JUSTICE_BUREAU,
    Unit.Kind.DEPARTMENT,
    Unit.Kind.TOWNSHIP,
]


def reports_for(viewer) -> QuerySet:
    return AnnualReport.objects.visible_to(viewer).select_related(
        "unit", "scope", "submitted_by", "approved_by", "published_by"
    )


def get_report_for_user(user, pk) -> AnnualReport:
    """The report with its sections and paragraphs, or 404 for an outsider."""
    sections = ReportSection.objects.order_by("position", "pk").prefetch_related(
        Prefetch("paragraphs", queryset=ReportParagraph.objects.order_by("position", "pk"))
    )
    queryset = reports_for(user).prefetch_related(Prefetch("sections", queryset=sections))
    return get_visible_or_404(queryset, user, pk)


def get_paragraph_for_user(user, report_pk, pk) -> ReportParagraph:
    report = get_report_for_user(user, report_pk)
    for section in report.sections.all():
        for paragraph in section.paragraphs.all():
            if paragraph.pk == int(pk):
                return paragraph
    from django.http import Http404

    raise Http404


def bodies_for(viewer) -> QuerySet:
    """Units that may report, within the viewer's scope."""
    return Unit.objects.visible_to(viewer).filter(kind__in=BODY_KINDS).order_by("path")
