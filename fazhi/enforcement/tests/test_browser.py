"""An evaluator scores a case file on a phone in a real browser and sends it on as excellent;
the department's liaison reports the rectification of a problem found in its file, and the
office accepts it. Every page no wider than the screen. Elements are found by name, id and
test id."""

from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from playwright.sync_api import expect

from fazhi.core.tests.test_browser import log_in, log_out
from fazhi.enforcement.models import CaseFile, Problem

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SCREENSHOTS = Path(settings.BASE_DIR) / "test-artifacts"


def fits(page, url):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, (url, width)


def test_a_case_file_is_scored_sent_on_and_its_problem_rectified_on_a_phone(evaluation, page):
    SCREENSHOTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": 390, "height": 844})
    case_file, problem = evaluation["market_file"], evaluation["problem"]
    item = case_file.rubric.items.get(code="2.1")
    log_in(page, "zhifa")
    page.goto(page.base_url + case_file.get_absolute_url())
    page.get_by_test_id("score").click()
    fits(page, "score")
    form = page.get_by_test_id("score-form")
    form.locator(f"[name=points_{item.pk}]").fill("3")
    form.locator("[name=scored_on]").fill("2019-07-15")
    page.get_by_test_id("save").click()
    expect(form.locator(f"[name=reason_{item.pk}] ~ .invalid-feedback")).to_contain_text(
        "请填写扣分理由"
    )
    form.locator(f"[name=reason_{item.pk}]").fill("文书未编页码")
    page.get_by_test_id("save").click()
    fields = page.get_by_test_id("record-fields")
    expect(fields).to_contain_text("92")  # 100 - 5 - 3
    expect(fields).to_contain_text("优秀")
    expect(page.get_by_test_id("deductions")).to_contain_text("文书未编页码")
    page.locator("#step-submit-form [name=submit-on]").fill("2019-07-20")
    page.once("dialog", lambda dialog: dialog.accept())  # 确定上报？
    page.locator("#step-submit-submit").click()
    expect(page.locator("body")).to_contain_text("已上报优秀案卷")
    fits(page, "case file")
    assert CaseFile.objects.get(pk=case_file.pk).submitted_onward
    log_out(page)

    log_in(page, "liaison")
    expect(page.locator("body")).to_contain_text("案卷评查整改")  # on the 工作台
    page.goto(page.base_url + problem.get_absolute_url())
    page.locator("#step-rectify-link").click()
    step = page.locator("#step-rectify-form")
    step.locator("[name=rectify-on]").fill("2019-08-01")
    step.locator("[name=rectify-rectification]").fill("已补正处罚告知书。")
    page.locator("#step-rectify-submit").click()
    expect(page.get_by_test_id("record-fields")).to_contain_text("已补正处罚告知书。")
    fits(page, "problem")
    log_out(page)

    log_in(page, "zhifa")
    page.goto(page.base_url + problem.get_absolute_url())
    page.locator("#step-accept-form [name=accept-on]").fill("2019-08-05")
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("#step-accept-submit").click()
    expect(page.get_by_test_id("record-fields")).to_contain_text("已销号")
    assert Problem.objects.get(pk=problem.pk).status == Problem.Status.ACCEPTED
    for url in [
        reverse("enforcement:casefile_list"),
        evaluation["campaign"].get_absolute_url(),
        reverse("enforcement:decision_list"),
        reverse("enforcement:complaint_create"),
    ]:
        page.goto(page.base_url + url)
        fits(page, url)
    page.screenshot(path=SCREENSHOTS / "enforcement-problem.png", full_page=True)
