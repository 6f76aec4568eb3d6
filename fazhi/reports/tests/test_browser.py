"""In a real browser: the staff edit a generated paragraph keeping its references, run the
checks and submit; the leader approves and publishes; the Word document downloads."""

import re
from io import BytesIO, StringIO
from pathlib import Path

import docx
import pytest
from django.conf import settings
from django.core.management import call_command
from playwright.sync_api import expect

from fazhi.core.tests.test_browser import log_in, log_out

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SCREENSHOTS = Path(settings.BASE_DIR) / "test-artifacts"


def test_edit_check_approve_publish_and_download_the_annual_report(seeded, page):
    call_command("demo", year=2019, stdout=StringIO())
    SCREENSHOTS.mkdir(exist_ok=True)
    log_in(page, "shencha")
    page.get_by_role("navigation", name="导航").get_by_role("link", name="年度报告").click()
    page.get_by_role("link", name="绵阳市游仙区司法局2019年法治政府建设年度报告").click()
    expect(page.get_by_test_id("status")).to_have_text("草稿")

    society = page.get_by_test_id("paragraph").filter(has_text="共同推进法治社会建设")
    society.get_by_test_id("paragraph-edit").click()
    text = page.get_by_label("正文")
    expect(text).to_have_value(re.compile(r"\{\{mediation\.disputes\}\}"))
    text.fill("全年各级人民调解组织共化解矛盾纠纷")
    page.get_by_test_id("figure-picker").locator('[data-insert="mediation.disputes"]').click()
    text.press("End")
    text.type(
        "，其中专职人民调解员调处{{mediation.disputes_by_full_time}}，"
        "占{{mediation.full_time_share}}。"
    )
    expect(text).to_have_value(re.compile(r"共化解矛盾纠纷\{\{mediation\.disputes\}\}，其中"))
    page.get_by_role("button", name="保存").click()
    edited = page.get_by_test_id("paragraph").filter(has_text="共化解矛盾纠纷")
    expect(edited.get_by_role("link", name="2197件")).to_have_attribute(
        "href", re.compile(r"/indicators/mediation\.disputes/records/\?unit=510704")
    )
    expect(edited.get_by_role("link", name="45.20%")).to_be_visible()

    page.get_by_role("link", name="重新运行检查").click()
    expect(page.get_by_role("heading", name="审定前检查")).to_be_visible()
    expect(page.get_by_test_id("finding-error")).to_have_count(0)
    page.get_by_role("link", name="返回报告").click()
    page.get_by_role("button", name="提交审核").click()
    expect(page.get_by_test_id("status")).to_have_text("审核中")
    expect(page.get_by_role("button", name="审定")).to_have_count(0)  # staff cannot approve
    log_out(page)

    log_in(page, "leader")
    page.get_by_role("navigation", name="导航").get_by_role("link", name="年度报告").click()
    page.get_by_role("link", name="绵阳市游仙区司法局2019年法治政府建设年度报告").click()
    page.get_by_role("button", name="审定").click()
    expect(page.get_by_test_id("status")).to_have_text("已审定")
    expect(page.get_by_label("成文日期")).to_have_value("2020-03-09")
    page.get_by_label("保密审查人").fill("张保密")
    page.once("dialog", lambda dialog: dialog.accept())  # publishing asks to confirm
    page.get_by_role("button", name="公开并固化").click()
    expect(page.get_by_test_id("status")).to_have_text("已公开")
    expect(page.get_by_test_id("published")).to_contain_text("王局长")
    page.screenshot(path=SCREENSHOTS / "report-published.png", full_page=True)

    with page.expect_download() as download:
        page.get_by_role("link", name="Word").click()
    assert download.value.suggested_filename.endswith(".docx")
    document = docx.Document(BytesIO(Path(download.value.path()).read_bytes()))
    body = "\n".join(p.text for p in document.paragraphs)
    assert "全年各级人民调解组织共化解矛盾纠纷2197件" in body and "占45.20%" in body

    page.get_by_role("link", name="今日数字与公开版本的差异").click()
    expect(page.get_by_test_id("no-differences")).to_be_visible()
