"""The main path in a real browser: log in as the leader, find the way, log out."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

SCREENSHOTS = Path(settings.BASE_DIR) / "test-artifacts"


def log_out(page):
    """Through the user menu in the header (the user's name opens it)."""
    page.get_by_test_id("current-user").click()
    page.get_by_role("button", name="退出登录").click()
    expect(page).to_have_url(re.compile(r"/accounts/login/"))


def log_in(page, username, password="Fazhi-2019"):
    page.goto(page.base_url + "/")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()


def test_leader_logs_in_sees_the_workbench_and_navigation_in_chinese_and_logs_out(district, page):
    log_in(page, "leader")
    expect(page.get_by_role("heading", name="工作台")).to_be_visible()
    nav = page.get_by_role("navigation", name="导航")
    expect(nav.get_by_role("link", name="工作台")).to_be_visible()
    expect(nav.get_by_role("link", name="单位管理")).to_be_visible()
    expect(nav.get_by_role("link", name="用户管理")).to_be_visible()
    expect(page.get_by_test_id("current-user")).to_have_text("王局长")
    expect(page.get_by_test_id("panel-scope")).to_contain_text("全部数据")
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "workbench-leader.png")

    nav.get_by_role("link", name="单位管理").click()
    expect(page.get_by_role("heading", name="单位管理")).to_be_visible()
    page.get_by_label("类型").select_option(label="乡镇（街道）")
    expect(page.get_by_role("link", name="绵阳市游仙区司法局")).to_have_count(0)
    page.get_by_role("link", name="新桥镇", exact=True).click()
    expect(page.get_by_role("heading", name="新桥镇")).to_be_visible()
    expect(page.get_by_text("新桥镇司法所")).to_be_visible()

    log_out(page)
    page.goto(page.base_url + "/org/units/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next="))


def test_township_user_sees_only_the_own_township_in_the_browser(district, page):
    log_in(page, "xinqiao")
    expect(page.get_by_test_id("panel-scope")).to_contain_text("本单位及以下")
    page.get_by_role("navigation", name="导航").get_by_role("link", name="单位管理").click()
    rows = page.locator("#rows tbody tr")
    expect(rows).to_have_count(3)
    expect(page.locator("#rows")).not_to_contain_text("小枧沟")


def test_wrong_password_shows_a_chinese_error(district, page):
    log_in(page, "leader", "not-the-password")
    expect(page.get_by_role("alert")).to_contain_text("请输入一个正确的用户名和密码")


def test_no_page_makes_the_browser_leave_the_intranet(district, page):
    """Every request the browser makes, scripts and API docs included, goes to our own server."""
    own = page.base_url
    outside = []
    page.on(
        "request",
        lambda r: None if r.url.startswith((own, "data:", "blob:")) else outside.append(r.url),
    )
    log_in(page, "admin")
    for path in [
        "/",
        "/org/units/",
        "/org/users/",
        "/accounts/password/",
        "/api/v1/docs/",
        "/admin/",
    ]:
        page.goto(own + path)
        page.wait_for_load_state("networkidle")
    expect(page.get_by_text("法治工作平台 系统管理")).to_be_visible()
    assert outside == []
