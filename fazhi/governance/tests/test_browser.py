"""The rule-of-law office assigns a task in a real browser; the lead department's liaison finds
it on their 工作台 with its deadline, reports it done with an attachment, and the office
confirms it. Then the task ledger on a phone: no wider than the screen. Elements are found by
name, id and test id."""

from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from playwright.sync_api import expect

from fazhi.core.tests.test_browser import log_in, log_out
from fazhi.governance.models import Task

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SCREENSHOTS = Path(settings.BASE_DIR) / "test-artifacts"


def test_a_task_goes_from_the_office_to_the_liaison_and_back(office, page, tmp_path):
    SCREENSHOTS.mkdir(exist_ok=True)
    log_in(page, "yifa")
    page.goto(page.base_url + reverse("governance:task_list"))
    page.get_by_test_id("add").click()
    form = page.locator("#register-form")
    form.locator("[name=title]").fill("落实行政执法公示制度")
    form.locator("[name=lead_unit]").select_option(str(office["market"].pk))
    form.locator(f"[name=co_units][value='{office['finance'].pk}']").check()
    form.locator("[name=assigned_on]").fill("2019-04-01")
    form.locator("[name=due_on]").fill("2019-06-30")
    page.locator("#save").click()
    expect(page.get_by_test_id("record-title")).to_contain_text("落实行政执法公示制度")
    expect(page.get_by_test_id("deadlines")).to_contain_text("2019-06-30")
    task = Task.objects.get(title="落实行政执法公示制度")
    log_out(page)

    log_in(page, "liaison")
    expect(page.locator("body")).to_contain_text("落实行政执法公示制度")  # on the 工作台
    page.goto(page.base_url + task.get_absolute_url())
    page.locator("#step-progress-link").click()
    step = page.locator("#step-progress-form")
    step.locator("[name=progress-on]").fill("2019-06-20")
    step.locator("[name=progress-text]").fill("公示平台已上线。")
    step.locator("[name=progress-percent]").fill("100")
    evidence = tmp_path / "公示截图.pdf"
    evidence.write_bytes(b"%PDF-1.4\n%%EOF\n")
    step.locator("[name=progress-attachment]").set_input_files(str(evidence))
    page.locator("#step-progress-submit").click()
    expect(page.get_by_test_id("progress")).to_contain_text("公示平台已上线。")
    expect(page.get_by_test_id("progress")).to_contain_text("公示截图")
    log_out(page)

    log_in(page, "yifa")
    page.goto(page.base_url + task.get_absolute_url())
    page.locator("#step-confirm-form [name=confirm-on]").fill("2019-06-25")
    page.once("dialog", lambda dialog: dialog.accept())  # 确认该任务已完成？
    page.locator("#step-confirm-submit").click()
    expect(page.get_by_test_id("record-fields")).to_contain_text("已完成")
    task.refresh_from_db()
    assert task.status == Task.Status.DONE and task.completed_on == date(2019, 6, 20)
    page.screenshot(path=SCREENSHOTS / "governance-task.png", full_page=True)


def test_the_task_ledger_and_a_task_fit_a_phone(office, page):
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, "yifa")
    for url in [
        reverse("governance:task_list"),
        office["market_task"].get_absolute_url(),
        reverse("governance:task_create"),
        office["inspection"].get_absolute_url(),
    ]:
        page.goto(page.base_url + url)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, (url, width)
