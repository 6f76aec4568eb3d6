"""The report's three outputs, for the pages and for `fazhi annual_report`."""

from django.core.cache import cache
from django.template.loader import render_to_string

from fazhi.core.documents import docx_bytes
from fazhi.indicators.dashboard import records_url
from fazhi.indicators.registry import Period
from fazhi.reports.pdf import docx_to_pdf
from fazhi.reports.render import layout
from fazhi.reports.word import report_document, title_lines


def docx(report):
    return report_document(layout(report))


def pdf(report) -> bytes:
    """The PDF; an approved or published report's is kept under its content hash (it cannot
    change), a draft's is made afresh."""
    if report.content_hash:
        key = f"reports:pdf:{report.content_hash}"
        found = cache.get(key)
        if found is None:
            found = _pdf(report)
            cache.set(key, found, 24 * 3600)
        return found
    return _pdf(report)


def _pdf(report) -> bytes:
    # Digits stay in the body font: LibreOffice lost a full stop that ended a line right
    # after a run in Times New Roman (the Word document keeps Times New Roman).
    return docx_to_pdf(docx_bytes(report_document(layout(report), latin_font=None)))


def linked_blocks(report, figures=None):
    """The report's blocks, every figure carrying the address of the records behind it."""
    period = Period.year(report.year)
    blocks = layout(report, figures)
    for block in blocks:
        for part in block.parts:
            if not isinstance(part, str) and not part.error:
                part.url = records_url(part.key, report.scope, period)
    return blocks


def html(report, request=None) -> str:
    """A page of its own (printable), every figure a link to the records behind it."""
    blocks = linked_blocks(report)
    return render_to_string(
        "reports/report_document.html",
        {"report": report, "blocks": blocks, "title_lines": title_lines(report.title)},
        request=request,
    )
