"""Reads of annual reports, always through the viewer's data scope (the reporting body)."""

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from fazhi.org.models import Unit
from fazhi.org.scope import get_visible_or_404, in_subtree
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


def open_reports(viewer, within=None) -> list[AnnualReport]:
    """Reports the viewer may see that are not published yet, the most urgent first; `within`:
    only those of reporting bodies in this unit's subtree."""
    reports = reports_for(viewer).exclude(status=AnnualReport.Status.PUBLISHED)
    if within is not None:
        reports = reports.filter(in_subtree("unit", within))
    return list(reports.order_by("report_due", "pk")[:10])


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
    raise Http404


def bodies_for(viewer) -> QuerySet:
    """Units that may report, within the viewer's scope."""
    return Unit.objects.visible_to(viewer).filter(kind__in=BODY_KINDS).order_by("path")
