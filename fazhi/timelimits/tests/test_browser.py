"""The calculator in a real browser: a clerk computes a statutory deadline with its basis."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from fazhi.core.tests.test_browser import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_a_clerk_computes_a_reconsideration_deadline_with_its_explanation(district, page):
    log_in(page, "xinqiao")
    page.get_by_role("navigation", name="导航").get_by_role("link", name="期限计算器").click()
    expect(page.get_by_role("heading", name="期限计算器")).to_be_visible()
    page.get_by_label("起算日").fill("2024-09-27")
    page.get_by_label("期限规则").select_option(value="reconsideration.acceptance")
    page.get_by_role("button", name="计算").click()
    expect(page).to_have_url(re.compile(r"rule=reconsideration.acceptance"))
    expect(page.get_by_test_id("due-date")).to_have_text("2024-10-10")
    expect(page.get_by_test_id("result")).to_contain_text(
        "行政复议法（2023年修订）第30条：5个工作日"
    )
    steps = page.get_by_test_id("steps")
    expect(steps.get_by_role("row").filter(has_text="2024-09-29")).to_contain_text("调休上班日")
    expect(steps.get_by_role("row").filter(has_text="2024-10-01")).to_contain_text("国庆节")
    shots = Path(settings.BASE_DIR) / "test-artifacts"
    shots.mkdir(exist_ok=True)
    page.screenshot(path=shots / "calculator.png", full_page=True)

    page.get_by_label("期限规则").select_option(value="")
    page.get_by_label("起算日").fill("2024-08-02")
    page.get_by_label("期限数值").fill("60")
    page.get_by_label("计算单位").select_option(value="calendar_days")
    page.get_by_role("button", name="计算").click()
    expect(page.get_by_test_id("due-date")).to_have_text("2024-10-08")
    expect(page.get_by_test_id("result")).to_contain_text("2024-09-30")
