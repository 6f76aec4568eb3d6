import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from fazhi.core.documents import docx_bytes
from fazhi.reports import outputs
from fazhi.reports.models import AnnualReport
from fazhi.reports.pdf import PdfUnavailable


class Command(BaseCommand):
    help = "Write a reporting body's annual report as DOCX, HTML or PDF."

    def add_arguments(self, parser):
        parser.add_argument("--unit", required=True, help="the reporting body's unit code")
        parser.add_argument("--year", required=True, type=int)
        parser.add_argument("--format", required=True, choices=["docx", "html", "pdf"])
        parser.add_argument("--output", required=True, help="file to write")

    def handle(self, *args, unit, year, format, output, **options):
        with translation.override(settings.LANGUAGE_CODE):
            self._write(unit, year, format, output)

    def _write(self, unit, year, format, output):
        report = (
            AnnualReport.objects.select_related("unit", "scope")
            .filter(unit__code=unit, year=year)
            .first()
        )
        if report is None:
            raise CommandError(f"单位 {unit} 没有 {year} 年的年度报告。")
        began = time.perf_counter()
        try:
            if format == "docx":
                content = docx_bytes(outputs.docx(report))
            elif format == "pdf":
                content = outputs.pdf(report)
            else:
                content = outputs.html(report).encode()
        except PdfUnavailable as error:
            raise CommandError(str(error)) from None
        Path(output).write_bytes(content)
        seconds = time.perf_counter() - began
        self.stdout.write(
            f"{report.title}（{report.get_status_display()}）→ {output}，"
            f"{len(content):,} 字节，用时 {seconds:.2f} 秒"
        )
