"""The reconsideration-and-litigation clerk answers a lawsuit in a real browser: register it, the
complaint copy (the defence clock appears), a hearing the head of the organ attended, the
judgment (the appeal clock appears). Elements are found by id, test id and field name, so the
test holds whatever language the labels are in."""

from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from playwright.sync_api import expect

from fazhi.core.tests.test_browser import log_in, log_out
from fazhi.litigation.models import Hearing, Lawsuit
from fazhi.org.models import Unit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SCREENSHOTS = Path(settings.BASE_DIR) / "test-artifacts"


def test_fuyi_registers_a_lawsuit_and_records_its_steps_with_their_clocks(lawsuits, page):
    SCREENSHOTS.mkdir(exist_ok=True)
    market = Unit.objects.get(short_name="区市场监管局")
    log_in(page, "fuyi")
    page.goto(page.base_url + reverse("litigation:lawsuit_list"))
    page.get_by_test_id("register").click()

    form = page.locator("#lawsuit-form")
    form.locator("[name=case_number]").fill("(2019)川0704行初60号")  # half-width brackets
    form.locator("[name=court]").fill("绵阳市游仙区人民法院")
    form.locator("[name=instance]").select_option("FIRST")
    form.locator("[name=defendant]").select_option(str(market.pk))
    form.locator("[name=plaintiffs]").fill("绵阳某餐饮管理有限公司")
    form.locator("[name=cause]").fill("食品安全行政处罚")
    form.locator("[name=filed_on]").fill("2019-09-02")
    page.screenshot(path=SCREENSHOTS / "litigation-register.png", full_page=True)
    page.locator("#lawsuit-save").click()

    expect(page.get_by_test_id("case-number")).to_have_text("（2019）川0704行初60号")
    lawsuit = Lawsuit.objects.get(case_number="（2019）川0704行初60号")

    page.get_by_test_id("step-complaint").locator("summary").click()  # one of several steps
    complaint = page.locator("#step-complaint-form")
    complaint.locator("[name=complaint-on]").fill("2019-09-03")
    page.locator("#step-complaint-submit").click()
    deadlines = page.get_by_test_id("deadlines")
    expect(deadlines).to_contain_text("第67条：15日")
    expect(deadlines).to_contain_text("2019-09-18")  # 15 days after the copy arrived

    page.get_by_test_id("step-hearing").locator("summary").click()  # one of several steps
    hearing = page.locator("#step-hearing-form")
    hearing.locator("[name=hearing-held_on]").fill("2019-10-15")
    hearing.locator("[name=hearing-appearance][value=HEAD]").check()
    hearing.locator("[name=hearing-official_name]").fill("李某")
    hearing.locator("[name=hearing-official_post]").fill("局长")
    page.locator("#step-hearing-submit").click()
    expect(page.get_by_test_id("hearings")).to_contain_text("李某")
    expect(page.get_by_test_id("hearings")).to_contain_text("局长")

    page.get_by_test_id("step-outcome").locator("summary").click()  # one of several steps
    outcome = page.locator("#step-outcome-form")
    outcome.locator("[name=outcome-outcome]").select_option("CLAIM_REJECTED")
    outcome.locator("[name=outcome-served_on]").fill("2019-11-04")
    page.locator("#step-outcome-submit").click()
    expect(deadlines).to_contain_text("第85条：15日")
    expect(deadlines).to_contain_text("2019-11-19")  # 15 days to appeal a judgment
    expect(page.locator("#step-appeal-form")).to_be_visible()
    expect(page.locator("#step-outcome-form")).to_have_count(0)
    page.screenshot(path=SCREENSHOTS / "litigation-decided.png", full_page=True)

    lawsuit.refresh_from_db()
    assert lawsuit.stage == Lawsuit.Stage.DECIDED
    assert lawsuit.created_by.username == "fuyi"
    head = Hearing.objects.get(lawsuit=lawsuit)
    assert (head.appearance, head.official_name, head.official_post) == ("HEAD", "李某", "局长")

    # the market regulator's liaison opens its own lawsuit, not the finance bureau's
    other = lawsuits["finance_suit"]
    log_out(page)
    log_in(page, "liaison")
    assert page.goto(page.base_url + other.get_absolute_url()).status == 404
    assert page.goto(page.base_url + lawsuit.get_absolute_url()).status == 200
