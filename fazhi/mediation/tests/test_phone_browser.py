"""Phones: a township clerk and the leader work at 390×844 — no page wider than the screen, the
menu folds away behind a button, a list's filters behind another; at 1440 px the sidebar stays."""

from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from fazhi.core.tests.test_browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SCREENSHOTS = Path(settings.BASE_DIR) / "test-artifacts"


def _tab(chromium, live_server, width, height):
    context = chromium.new_context(viewport={"width": width, "height": height}, locale="zh-CN")
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    tab.base_url = live_server.url
    return context, tab


def _assert_fits(tab, width, what):
    page_width = tab.evaluate("document.documentElement.scrollWidth")
    assert page_width <= width, f"{what} is {page_width} px wide on a {width} px screen"


BROKEN_DATES = r"""() => {
    const broken = [], walker = document.createTreeWalker(
        document.querySelector('main'), NodeFilter.SHOW_TEXT);
    for (let node; (node = walker.nextNode()); ) {
        for (const match of node.data.matchAll(/\d{4}-\d{2}-\d{2}/g)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
            if (lines.size > 1) broken.push(match[0]);
        }
    }
    return broken;
}"""


def _assert_no_date_broken(tab, what):
    broken = tab.evaluate(BROKEN_DATES)
    assert not broken, f"{what}: dates broken over two lines: {broken}"


@pytest.mark.parametrize("username", ["xinqiao", "leader"])
def test_every_kind_of_page_fits_a_phone_and_the_menu_opens_and_closes(
    ledger, chromium, live_server, username
):
    SCREENSHOTS.mkdir(exist_ok=True)
    context, tab = _tab(chromium, live_server, 390, 844)
    log_in(tab, username)
    nav = tab.get_by_test_id("navigation")  # a dialog while open on a phone
    dispute = ledger["xq_dispute"]
    pages = {
        "工作台": "/",
        "纠纷列表": "/mediation/disputes/",
        "纠纷详情": dispute.get_absolute_url(),
        "登记纠纷": "/mediation/disputes/new/",
        "驾驶舱": "/indicators/dashboard/",
    }
    for what, path in pages.items():
        tab.goto(tab.base_url + path)
        expect(tab.locator("main")).to_be_visible()
        _assert_fits(tab, 390, what)
        expect(nav).to_be_hidden()  # the menu does not cover the page
        _assert_no_date_broken(tab, what)
        tab.screenshot(
            path=SCREENSHOTS / f"phone-{username}-{path.strip('/').replace('/', '-') or 'home'}.png"
        )

    tab.get_by_test_id("menu-toggle").click()
    expect(nav).to_be_visible()
    expect(nav.get_by_role("link", name="矛盾纠纷")).to_be_visible()
    tab.get_by_test_id("menu-close").click()
    expect(nav).to_be_hidden()

    # The menu opened again leads to a page, and closes behind it.
    tab.get_by_test_id("menu-toggle").click()
    nav.get_by_role("link", name="矛盾纠纷").click()
    expect(tab.get_by_role("heading", name="矛盾纠纷")).to_be_visible()
    expect(nav).to_be_hidden()

    # The list shows its search box; the other filters open on demand and filter the rows.
    status = tab.get_by_label("状态")
    expect(tab.get_by_label("当事人或案号")).to_be_visible()
    expect(status).to_be_hidden()
    tab.get_by_test_id("filters-toggle").click()
    expect(status).to_be_visible()
    _assert_fits(tab, 390, "纠纷列表（展开筛选）")

    # The user menu holds the unit, the password change and the way out.
    tab.get_by_test_id("current-user").click()
    tab.get_by_role("button", name="退出登录").click()
    expect(tab.get_by_label("用户名")).to_be_visible()
    context.close()


def test_at_1440_the_sidebar_stays_and_there_is_no_menu_button(ledger, chromium, live_server):
    context, tab = _tab(chromium, live_server, 1440, 900)
    log_in(tab, "xinqiao")
    tab.goto(tab.base_url + "/mediation/disputes/")
    expect(tab.get_by_role("navigation", name="导航")).to_be_visible()
    expect(tab.get_by_test_id("menu-toggle")).to_be_hidden()
    expect(tab.get_by_test_id("filters-toggle")).to_be_hidden()
    expect(tab.get_by_label("状态")).to_be_visible()
    _assert_fits(tab, 1440, "纠纷列表")
    tab.goto(tab.base_url + ledger["xq_dispute"].get_absolute_url())
    expect(tab.get_by_test_id("deadlines")).to_be_visible()
    _assert_no_date_broken(tab, "纠纷详情")  # the clocks card is narrow beside the record
    context.close()
