"""Login security: lockout, login logging, password rules, CSRF, session expiry, language."""

from datetime import timedelta

import pytest
from axes.models import AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"


def attempt(client, username, password):
    return client.post(LOGIN, {"username": username, "password": password})


def test_five_failures_lock_the_account_even_for_the_right_password(district):
    client = Client()
    for _ in range(5):
        response = attempt(client, "leader", "wrong-password")
    assert response.status_code == 429
    response = attempt(Client(), "leader", "Fazhi-2019")
    assert response.status_code == 429
    assert "登录失败次数过多" in response.text
    assert "15 分钟" in response.text


def test_four_failures_do_not_lock(district):
    client = Client()
    for _ in range(4):
        response = attempt(client, "leader", "wrong-password")
        assert response.status_code == 200
        assert "请输入一个正确的" in response.text  # Django's own message, in Chinese
    response = attempt(client, "leader", "Fazhi-2019")
    assert response.status_code == 302


def test_lockout_of_one_account_leaves_the_others_alone(district):
    client = Client()
    for _ in range(5):
        attempt(client, "leader", "wrong-password")
    assert attempt(client, "xinqiao", "Fazhi-2019").status_code == 302


def test_logins_logouts_and_failures_are_logged(district):
    client = Client()
    attempt(client, "leader", "wrong-password")
    assert AccessFailureLog.objects.filter(username="leader").count() == 1
    assert attempt(client, "leader", "Fazhi-2019").status_code == 302
    log = AccessLog.objects.get(username="leader")
    assert log.logout_time is None
    client.post(reverse("logout"))
    log.refresh_from_db()
    assert log.logout_time is not None


@pytest.mark.parametrize(
    ("password", "message"),
    [("ab12cd", "密码长度太短"), ("2019031512", "只包含数字"), ("password123", "太常见")],
)
def test_weak_passwords_are_refused_in_chinese(password, message):
    with translation.override("zh-hans"):
        with pytest.raises(ValidationError) as raised:
            validate_password(password)
        messages = [str(m) for m in raised.value.messages]
    assert any(message in m for m in messages), messages


def test_demo_password_meets_the_rules():
    validate_password("Fazhi-2019")


def test_login_without_csrf_token_is_refused(district):
    client = Client(enforce_csrf_checks=True)
    response = client.post(LOGIN, {"username": "leader", "password": "Fazhi-2019"})
    assert response.status_code == 403


def test_every_request_renews_the_session_for_thirty_minutes(district, login):
    client = login("leader")
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    # Twenty-five idle minutes have passed: five are left.
    Session.objects.filter(session_key=key).update(
        expire_date=timezone.now() + timedelta(minutes=5)
    )
    assert client.get(reverse("home")).status_code == 200
    session = Session.objects.get(session_key=client.cookies[settings.SESSION_COOKIE_NAME].value)
    remaining = session.expire_date - timezone.now()
    assert timedelta(minutes=29) < remaining <= timedelta(minutes=30)


def test_a_session_idle_for_thirty_minutes_is_over(district, login):
    client = login("leader")
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    Session.objects.filter(session_key=key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    response = client.get(reverse("home"))
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)


def test_pages_are_chinese_whatever_the_browser_language(district, login):
    response = login("leader").get(reverse("home"), headers={"Accept-Language": "en-US,en"})
    assert "工作台" in response.text
    assert '<html lang="zh-hans">' in response.text


def test_english_can_be_chosen(district, login):
    client = login("leader")
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert "Workbench" in client.get(reverse("home")).text


def test_password_change_applies_the_rules_in_chinese(district, login):
    client = login("xinqiao")
    form = {"old_password": "Fazhi-2019", "new_password1": "20190101", "new_password2": "20190101"}
    response = client.post(reverse("password_change"), form)
    assert response.status_code == 200 and "只包含数字" in response.text
    form["new_password1"] = form["new_password2"] = "Xinqiao-sfs-2019"
    assert client.post(reverse("password_change"), form).status_code == 302
    assert attempt(Client(), "xinqiao", "Xinqiao-sfs-2019").status_code == 302


def test_an_expired_form_gets_a_chinese_explanation(district, login):
    client = Client(enforce_csrf_checks=True)
    client.force_login(district["leader"])
    response = client.post(reverse("password_change"), {})
    assert response.status_code == 403
    assert "表单已失效" in response.text


def test_error_pages_are_chinese_and_inside_the_shell(district, login):
    client = login("liaison")
    not_found = client.get("/org/units/999999/")
    assert not_found.status_code == 404
    assert "页面不存在" in not_found.text and "退出登录" in not_found.text
    forbidden = client.get(reverse("org:user_list"))
    assert forbidden.status_code == 403 and "没有权限" in forbidden.text
