"""In a real browser: a department liaison submits a normative document for review with its
draft; the bureau's reviewer starts the review, records two opinions and issues the numbered
letter; the letter opens in Word format with those opinions."""

from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from docx import Document
from playwright.sync_api import expect

from fazhi.core.tests.test_browser import log_in
from fazhi.legality.models import ReviewRequest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SCREENSHOTS = Path(settings.BASE_DIR) / "test-artifacts"


def test_liaison_submits_reviewer_records_opinions_and_issues_the_numbered_letter(
    legality, page, settings, tmp_path, today_is
):
    settings.MEDIA_ROOT = tmp_path
    today_is(date(2019, 11, 4))  # the day the department submits: the request is received
    SCREENSHOTS.mkdir(exist_ok=True)
    log_in(page, "liaison")
    nav = page.get_by_role("navigation", name="导航")
    nav.get_by_role("link", name="合法性审查", exact=True).click()
    page.get_by_test_id("submit-request").click()
    page.get_by_label("类型").select_option(label="规范性文件")
    page.get_by_label("送审单位").select_option(label="区市场监督管理局")
    page.get_by_label("名称").fill("关于规范户外广告设置的通知（送审稿）")
    page.locator("#id_files").set_input_files(
        files=[{"name": "送审稿.docx", "mimeType": "application/octet-stream", "buffer": b"PK"}]
    )
    page.get_by_test_id("save").click()

    expect(page.get_by_test_id("status")).to_have_text("已受理")
    expect(page.get_by_test_id("attachments")).to_contain_text("送审稿.docx")
    expect(page.get_by_test_id("deadlines")).to_contain_text("2019-11-25")  # 15 working days
    page.screenshot(path=SCREENSHOTS / "legality-submitted.png", full_page=True)
    submitted = ReviewRequest.objects.get(title="关于规范户外广告设置的通知（送审稿）")

    today_is(date(2019, 11, 20))
    page.context.clear_cookies()
    log_in(page, "shencha")
    page.goto(page.base_url + submitted.get_absolute_url())
    page.get_by_test_id("step-start").locator("summary").click()  # one of several steps
    page.get_by_test_id("start-form").get_by_role("button").click()
    expect(page.get_by_test_id("status")).to_have_text("审查中")
    page.get_by_test_id("opinion-link").click()
    page.get_by_label("出具日期").fill("2019-11-15")
    page.locator("#id_item-0-category").select_option(label="法律依据与权限")
    page.locator("#id_item-0-text").fill("第五条设定的罚款无上位法依据，建议删除。")
    page.locator("#id_item-1-category").select_option(label="程序")
    page.locator("#id_item-1-text").fill("建议向社会公开征求意见不少于30日。")
    page.get_by_test_id("opinion-submit").click()

    expect(page.get_by_test_id("status")).to_have_text("已出具意见")
    expect(page.get_by_test_id("letter-number")).to_have_text("游司审〔2019〕1号")
    expect(page.get_by_test_id("items")).to_contain_text("第五条设定的罚款无上位法依据")
    expect(page.get_by_test_id("deadlines")).to_contain_text("2019-11-15")  # completed
    page.screenshot(path=SCREENSHOTS / "legality-letter-issued.png", full_page=True)
    with page.expect_download() as download:
        page.get_by_test_id("letter").click()
    letter = Document(download.value.path())
    text = "\n".join(p.text for p in letter.paragraphs)
    assert "合法性审查意见书" in text and "游司审〔2019〕1号" in text
    assert "第五条设定的罚款无上位法依据，建议删除。" in text
    assert "建议向社会公开征求意见不少于30日。" in text
