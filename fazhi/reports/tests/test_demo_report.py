"""The 2019 demo report: its figures equal the seed's (the full-time mediators' share corrected
to 45.20%), every figure of the generated text traced to an indicator, the checks, and the
Word document's GB/T 9704 layout read back from the file."""

import os
import re
import shutil
import subprocess
import tempfile
from datetime import date
from io import BytesIO, StringIO

import docx
import pytest
from django.core.management import call_command
from django.urls import reverse
from docx.shared import Pt

from fazhi.core.documents import docx_bytes
from fazhi.indicators.registry import Period, compute, get_indicator
from fazhi.org.models import Unit
from fazhi.reports import outputs
from fazhi.reports.checks import ERROR, run_checks
from fazhi.reports.figures import WholeScope, live_figures
from fazhi.reports.models import AnnualReport, ReportSection
from fazhi.reports.references import references_in, untraceable_numbers
from fazhi.reports.render import layout, plain_text

pytestmark = pytest.mark.django_db

# The seed's figures for the lines of work that exist, as the generated text prints them.
SEED = [
    "合法性审查172件",
    "审查重大经济合同65件",
    "审查规范性文件32件",
    "出具合法性审查意见书79份",
    "提出法律意见和建议297条",  # the seed: 近300条
    "报送备案规范性文件7件",
    "行政强制决定4件",
    "受理行政复议案件3件",
    "办结2件",
    "年末尚在办理1件",
    "决定维持1件",
    "决定不予受理1件",
    "承办行政应诉案件9件",
    "裁定驳回起诉2件",
    "等待宣判5件",
    "等待开庭2件",
    "规范化人民调解室142个",
    "人民调解组织346个",
    "专兼职人民调解员1769名",
    "调处矛盾纠纷2197件",
    "专职人民调解员17名",
    "新增7名",
    "调处纠纷993件",
    "45.20%",  # 993 / 2197; the seed printed 45.57%
    "1464余万元",
]


def _report():
    return AnnualReport.objects.select_related("unit", "scope").get(year=2019)


def test_the_demo_report_prints_the_seeds_figures_with_the_corrected_share(demo):
    report = _report()
    assert report.title == "绵阳市游仙区司法局2019年法治政府建设年度报告"
    assert report.scope.code == "510704"
    text = plain_text(layout(report))
    for figure in SEED:
        assert figure in text, figure
    assert "45.57" not in text
    assert text.rstrip().endswith("绵阳市游仙区司法局\n2020年3月9日")


def test_every_figure_of_the_generated_text_is_a_reference_to_an_indicator(demo):
    report = _report()
    measures = report.sections.get(kind=ReportSection.Kind.MEASURES)
    texts = [p.heading + p.text for p in measures.paragraphs.all()]
    assert all(untraceable_numbers(t) == [] for t in texts)
    refs = [r for t in texts for r in references_in(t)]
    assert len(refs) >= 25
    values = compute(
        unit=report.scope, period=Period.year(2019), viewer=WholeScope(), keys=[r.key for r in refs]
    )
    figures = live_figures(report)
    printed = plain_text(layout(report))
    for ref in refs:
        figure = figures[ref.name]
        assert not figure.error
        assert figure.key == get_indicator(ref.key).key
        assert figure.value == values[ref.key]
        assert figure.text in printed
    # and the page's figure links open exactly those records
    html = outputs.html(report)
    for ref in refs:
        assert f'href="/indicators/{ref.key}/records/?unit=510704&amp;start=2019-01-01' in html


def test_the_demo_report_passes_every_check_but_the_deadlines(demo):
    findings = run_checks(_report())
    assert [f for f in findings if f.level == ERROR] == []


def test_checks_find_figures_hidden_in_the_title_a_suffix_or_a_mistyped_reference(demo):
    report = _report()
    report.title = "游仙区司法局调处纠纷2197件的报告"
    report.opening += "另见{{nothing.here}}。"
    report.save()
    paragraph = report.sections.get(kind=ReportSection.Kind.MEASURES).paragraphs.get(
        source="theme:society"
    )
    paragraph.text += "共计{{mediation.disputes|00件}}，另{{Mediation.disputes}}，约二千一百件。"
    paragraph.save()
    messages = " ".join(f.message for f in run_checks(report) if f.level == ERROR)
    assert "“2197”为手工录入" in messages
    assert "{{nothing.here}} 没有对应的指标" in messages
    assert "{{mediation.disputes|00件}}" in messages and "{{Mediation.disputes}}" in messages
    assert "二千一百件" in messages


def test_a_total_that_disagrees_with_its_parts_is_reported(demo):
    from fazhi.indicators import registry

    rule = registry.Total("mediation.disputes", ("mediation.disputes_succeeded",))
    registry._totals.append(rule)
    try:
        messages = [f.message for f in run_checks(_report()) if f.level == ERROR]
    finally:
        registry._totals.remove(rule)
    assert any("调处矛盾纠纷为 2197，但各分项合计为 2124" in m for m in messages), messages


def test_checks_find_a_typed_figure_an_empty_section_and_a_broken_reference(demo):
    report = _report()
    paragraph = report.sections.get(kind=ReportSection.Kind.MEASURES).paragraphs.get(
        source="theme:society"
    )
    paragraph.text = paragraph.text.replace("{{mediation.full_time_share}}", "45.57%")
    paragraph.text += "另见{{mediation.no_such_figure}}。"
    paragraph.save()
    report.sections.get(kind=ReportSection.Kind.PLAN).paragraphs.all().delete()
    messages = [f.message for f in run_checks(report) if f.level == ERROR]
    assert any("45.57%" in m and "手工录入" in m for m in messages), messages
    assert any("{{mediation.no_such_figure}}" in m for m in messages), messages
    assert any("2020年度推进法治政府建设的主要安排" in m and "尚无内容" in m for m in messages), (
        messages
    )


def test_the_word_document_follows_gb_t_9704(demo):
    document = docx.Document(BytesIO(docx_bytes(outputs.docx(_report()))))
    section = document.sections[0]
    # A4 and the margins 37/35/28/26 mm, as Word stores them (twips, REPORT-FORMAT.md)
    assert (section.page_width.twips, section.page_height.twips) == (11906, 16838)
    margins = [section.top_margin, section.bottom_margin, section.left_margin, section.right_margin]
    assert [m.twips for m in margins] == [2098, 1984, 1587, 1474]
    assert round(section.top_margin.mm) == 37
    normal = document.styles["Normal"]
    assert normal.font.size == Pt(16)  # 三号
    assert normal.paragraph_format.line_spacing == Pt(28)  # fixed
    assert normal.element.rPr.rFonts.get(docx.oxml.ns.qn("w:eastAsia")) == "仿宋_GB2312"

    def east_asian(run):
        return run.element.rPr.rFonts.get(docx.oxml.ns.qn("w:eastAsia"))

    paragraphs = [p for p in document.paragraphs if p.text.strip()]
    title = paragraphs[0]
    assert title.text == "绵阳市游仙区司法局\n2019年法治政府建设年度报告"  # trapezoid
    assert title.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER
    assert {east_asian(r) for r in title.runs if r.text.strip()} == {"方正小标宋简体"}
    assert {r.font.size for r in title.runs if r.text.strip()} == {Pt(22)}  # 二号
    level1 = [p for p in paragraphs if re.match(r"^[一二三四五]、", p.text)]
    assert [p.text[:2] for p in level1] == ["一、", "二、", "三、", "四、"]
    assert all(east_asian(p.runs[-1]) == "黑体" for p in level1)
    level2 = [p for p in paragraphs if p.text.startswith("（一）")]
    assert level2 and all(east_asian(p.runs[1]) == "楷体_GB2312" and p.runs[1].bold for p in level2)
    body = paragraphs[1]
    assert body.paragraph_format.first_line_indent == Pt(32)  # two characters
    digits = next(r for p in paragraphs for r in p.runs if r.text == "2197")
    assert digits.font.name == "Times New Roman"
    organ, signed = paragraphs[-2:]
    assert (organ.text, signed.text) == ("绵阳市游仙区司法局", "2020年3月9日")
    assert organ.paragraph_format.right_indent == Pt(32)  # two characters from the right
    # the date begins two characters right of the organ's first character: 9 - 2 - 6 = 1
    assert signed.paragraph_format.right_indent == Pt(48)
    # page numbers: — 1 — at the right on odd pages, at the left on even pages
    assert document.settings.odd_and_even_pages_header_footer
    odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
    assert odd.text == even.text == "— 1 —"
    assert odd.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.RIGHT
    assert even.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.LEFT
    assert "PAGE" in section.footer._element.xml
    assert {r.font.size for r in odd.runs if r.text.strip()} == {Pt(14)}  # 四号


def test_a_date_longer_than_the_organ_sits_two_characters_from_the_right(demo):
    report = _report()
    report.signature_organ, report.signature_date = "司法局", date(2020, 12, 31)
    document = docx.Document(BytesIO(docx_bytes(outputs.docx(report))))
    organ, signed = [p for p in document.paragraphs if p.text.strip()][-2:]
    assert signed.paragraph_format.right_indent == Pt(2 * 16)
    # the organ (3 characters) starts two characters left of the date (7 characters wide)
    assert organ.paragraph_format.right_indent == Pt((2 + 7 + 2 - 3) * 16)


def test_a_failing_libreoffice_gives_a_message_not_an_error_page(
    demo, login, tmp_path, monkeypatch
):
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nexit 1\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}:{os.environ['PATH']}")
    response = login("leader").get(
        reverse("reports:report_document", args=[_report().pk, "pdf"]), follow=True
    )
    assert response.status_code == 200
    assert "LibreOffice 未能生成 PDF" in response.content.decode()


def test_the_command_writes_the_three_formats(demo, tmp_path):
    for fmt in ["docx", "html"]:
        target = tmp_path / f"report.{fmt}"
        out = StringIO()
        call_command(
            "annual_report", unit="510704-sfj", year=2019, format=fmt, output=target, stdout=out
        )
        assert target.stat().st_size > 5000
        assert "草稿" in out.getvalue()
    assert "2197件" in (tmp_path / "report.html").read_text()


PDF_TOOLS = {
    "office": shutil.which("soffice") or shutil.which("libreoffice"),
    "pdffonts": shutil.which("pdffonts"),
    "pdftotext": shutil.which("pdftotext"),
}


@pytest.mark.skipif(
    not all(PDF_TOOLS.values()) and os.environ.get("REQUIRE_BROWSER") != "1",
    reason="LibreOffice or poppler-utils not installed (CI installs them)",
)
def test_the_pdf_shows_every_character_of_the_report(demo):
    report = _report()
    with tempfile.NamedTemporaryFile(suffix=".pdf") as pdf:
        pdf.write(outputs.pdf(report))
        pdf.flush()
        fonts = subprocess.run(  # noqa: S603 - a fixed tool on our own file
            [PDF_TOOLS["pdffonts"], pdf.name], capture_output=True, text=True, check=True
        ).stdout
        printed = subprocess.run(  # noqa: S603
            [PDF_TOOLS["pdftotext"], pdf.name, "-"], capture_output=True, text=True, check=True
        ).stdout
    assert "CJK" in fonts
    expected = re.sub(r"\s", "", plain_text(layout(report)))
    got = re.sub(r"\s|—\d+—", "", printed)
    assert got == expected


def test_a_township_clerk_cannot_open_the_district_report(demo, login):
    report = _report()
    client = login("xinqiao")
    for name, args in [
        ("reports:report_detail", [report.pk]),
        ("reports:report_checks", [report.pk]),
        ("reports:report_document", [report.pk, "docx"]),
    ]:
        assert client.get(reverse(name, args=args)).status_code in (403, 404)
    assert client.get(reverse("reports:report_list")).status_code == 403


def test_a_user_without_the_reports_scope_gets_404_even_with_the_permission(demo, login):
    from fazhi.org.demo import grant
    from fazhi.org.models import Role

    grant(Role.objects.get(code="township_staff"), ["reports.view_annualreport"])
    client = login("xinqiao")
    report = _report()
    assert client.get(reverse("reports:report_list")).status_code == 200
    assert report.title not in client.get(reverse("reports:report_list")).content.decode()
    assert client.get(reverse("reports:report_detail", args=[report.pk])).status_code == 404
    assert (
        client.get(reverse("reports:report_document", args=[report.pk, "html"])).status_code == 404
    )
    assert Unit.objects.get(code="510704-sfj")  # the body exists; the clerk just cannot see it


def test_a_report_of_a_year_without_records_warns_of_its_zeros(demo):
    from fazhi.reports import services

    bureau = Unit.objects.get(code="510704-sfj")
    report = services.report_create(unit=bureau, year=2021)
    assert report.scope.code == "510704"  # the bureau reports for the whole district
    warnings = [f.message for f in run_checks(report) if f.level != ERROR]
    assert any("为零或无法计算" in m and "2021" in m for m in warnings), warnings


def test_a_body_cannot_report_the_figures_of_a_unit_it_does_not_belong_to(demo):
    from django.core.exceptions import ValidationError

    from fazhi.reports import services

    department = Unit.objects.get(short_name="区市场监管局")
    township = Unit.objects.get(code="510704101")
    with pytest.raises(ValidationError, match="不在"):
        services.report_create(unit=department, year=2019, scope=township)
    report = services.report_create(unit=department, year=2019)
    assert report.scope == department
