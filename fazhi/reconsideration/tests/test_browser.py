"""The reconsideration clerk in a real browser: register an application received this year,
accept it, read its clocks, record the decision and download the decision document. Elements
are found by test ids, ids and field names (the Chinese of the new strings comes later)."""

from datetime import date, timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone
from docx import Document
from playwright.sync_api import expect

from fazhi.core.tests.test_browser import log_in
from fazhi.reconsideration.models import Case
from fazhi.timelimits.calendar import calendar_year_create
from fazhi.timelimits.selectors import deadlines_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SCREENSHOTS = Path(settings.BASE_DIR) / "test-artifacts"


def test_fuyi_registers_accepts_decides_and_downloads_the_decision(recon, page):
    SCREENSHOTS.mkdir(exist_ok=True)
    today = timezone.localdate()
    for year in (today.year - 1, today.year):  # years not yet in chinese-calendar: weekdays
        calendar_year_create(year=year)
    # No step may be dated in the future: received at least 20 days ago, so that the decision
    # (20 days later) is not; by 1 June at the latest, so that every clock ends this year.
    received = min(today - timedelta(days=20), date(today.year, 6, 1))
    accepted, decided = received + timedelta(days=1), received + timedelta(days=20)

    log_in(page, "fuyi")
    page.locator('nav a[href="/reconsideration/cases/"]').click()
    page.get_by_test_id("register").click()
    form = page.get_by_test_id("case-form")
    form.locator('[name="respondent"]').select_option(value=str(recon["market"].pk))
    form.locator('[name="applicants"]').fill("浏览器测试商贸有限公司")
    form.locator('[name="act_type"]').fill("行政处罚")
    form.locator('[name="act_number"]').fill(f"游市监罚〔{today.year}〕88号")
    form.locator('[name="received_on"]').fill(received.isoformat())
    form.get_by_test_id("save").click()

    expect(page.get_by_test_id("case-title")).to_contain_text("浏览器测试商贸有限公司")
    case = Case.objects.get(applicants="浏览器测试商贸有限公司")
    review = deadlines_for(case).get(rule__code="reconsideration.acceptance")
    expect(page.get_by_test_id("deadlines")).to_contain_text(review.due_date.isoformat())

    step = page.get_by_test_id("step-accept")
    step.locator("summary").click()
    step.locator('[name="accept-on"]').fill(accepted.isoformat())
    step.locator('[name="accept-procedure"]').select_option("ORDINARY")
    step.get_by_test_id("accept-submit").click()

    expect(page.get_by_test_id("step-decide")).to_be_visible()
    decision_clock = deadlines_for(case).get(rule__code="reconsideration.decision")
    deadlines = page.get_by_test_id("deadlines")
    expect(deadlines).to_contain_text(decision_clock.due_date.isoformat())
    expect(deadlines).to_contain_text("第62条：60日")  # the 2023 law's basis
    page.screenshot(path=SCREENSHOTS / "reconsideration-accepted.png", full_page=True)

    step = page.get_by_test_id("step-decide")
    step.locator("summary").click()
    options = step.locator('[name="decide-decision"] option')
    expect(options).to_have_count(len(Case.DECISIONS[case.law]) + 1)  # and the empty choice
    step.locator('[name="decide-decision"]').select_option("UPHELD")
    step.locator('[name="decide-on"]').fill(decided.isoformat())
    step.locator('[name="decide-number"]').fill(f"游府复决〔{today.year}〕7号")
    step.get_by_test_id("decide-submit").click()

    expect(page.get_by_test_id("decision")).to_contain_text(f"游府复决〔{today.year}〕7号")
    expect(page.get_by_test_id("steps")).to_have_count(0)
    page.screenshot(path=SCREENSHOTS / "reconsideration-decided.png", full_page=True)

    with page.expect_download() as download:
        page.get_by_test_id("document-decision").click()
    assert download.value.suggested_filename.endswith(".docx")
    text = "\n".join(p.text for p in Document(download.value.path()).paragraphs)
    assert "行政复议决定书" in text and "浏览器测试商贸有限公司" in text
    assert f"游府复决〔{today.year}〕7号" in text and "维持被申请人" in text
    assert "绵阳市游仙区人民政府" in text
