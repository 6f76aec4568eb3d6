"""The annual report's outputs: the demo district's 2019 report as Word (against saving an
empty python-docx document) and as PDF (against LibreOffice converting that empty document),
each the median of a few runs. On the scale data the figures are computed on the whole
district's million disputes."""

import statistics
import time
from io import StringIO

from django.core.management import call_command

from fazhi.core.documents import docx_bytes, new_document
from fazhi.reports import outputs
from fazhi.reports.models import AnnualReport
from fazhi.reports.pdf import docx_to_pdf, office_binary

RUNS = 5


def _median(action, runs=RUNS) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        action()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def run() -> list[str]:
    report = AnnualReport.objects.filter(year=2019).select_related("unit", "scope").first()
    if report is None:
        call_command("demo", year=2019, stdout=StringIO())
        report = AnnualReport.objects.select_related("unit", "scope").get(year=2019)
    empty = _median(lambda: docx_bytes(new_document()))
    word = _median(lambda: docx_bytes(outputs.docx(report)))
    lines = [
        f"annual report as Word (figures computed, GB/T 9704 layout): {word * 1000:.0f} ms; "
        f"an empty document {empty * 1000:.1f} ms; ratio {word / empty:.0f}x"
    ]
    if office_binary() is None:
        return [*lines, "annual report as PDF: skipped (LibreOffice not installed)"]
    blank = docx_bytes(new_document())
    bare = _median(lambda: docx_to_pdf(blank), runs=3)
    pdf = _median(lambda: outputs.pdf(report), runs=3)
    lines.append(
        f"annual report as PDF (through LibreOffice): {pdf:.2f} s; LibreOffice converting an "
        f"empty document {bare:.2f} s; ratio {pdf / bare:.2f}x"
    )
    return lines
