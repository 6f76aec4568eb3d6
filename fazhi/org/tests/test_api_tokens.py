"""API tokens: issued by a superuser in 系统管理 and shown once, stored only as a digest, valid
until their expiry, revoked by deleting them; issuing and revoking are on the audit trail."""

from datetime import timedelta

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import timezone
from knox.models import AuthToken
from rest_framework.test import APIClient

from fazhi.org.models import User

pytestmark = pytest.mark.django_db


def api(key):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def issue(admin, user, days=30):
    expiry = timezone.localtime(timezone.now() + timedelta(days=days)).strftime("%Y-%m-%dT%H:%M")
    return admin.post(
        reverse("admin:org_apitoken_add"), {"user": user.pk, "expiry": expiry}, follow=True
    )


def test_a_superuser_issues_a_token_shown_once_and_stored_only_as_a_digest(district, login):
    leader = district["leader"]
    page = issue(login("admin"), leader).content.decode()
    key = page.split("请立即复制）：")[1].split("<")[0].strip()
    assert len(key) == 64
    token = AuthToken.objects.get(user=leader)
    assert key not in {token.digest, token.token_key} and token.token_key == key[:15]
    assert api(key).get("/api/v1/units/").status_code == 200
    entry = LogEntry.objects.get_for_object(token).get(action=LogEntry.Action.CREATE)
    assert entry.actor.username == "admin"
    # Never shown again: the token's own page shows its first characters only.
    detail = login("admin").get(reverse("admin:org_apitoken_change", args=[token.pk]))
    assert key not in detail.content.decode()


def test_an_expired_token_is_refused(district):
    _token, key = AuthToken.objects.create(user=district["leader"], expiry=timedelta(days=1))
    AuthToken.objects.update(expiry=timezone.now() - timedelta(minutes=1))
    response = api(key).get("/api/v1/units/")
    assert response.status_code == 401


def test_a_token_is_valid_for_a_year_at_most(district, login):
    page = issue(login("admin"), district["leader"], days=400).content.decode()
    assert "最长一年" in page
    assert not AuthToken.objects.exists()


def test_revoking_a_token_ends_it_and_is_audited(district, login):
    token, key = AuthToken.objects.create(user=district["leader"])
    admin = login("admin")
    response = admin.post(reverse("admin:org_apitoken_delete", args=[token.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert api(key).get("/api/v1/units/").status_code == 401
    entry = LogEntry.objects.filter(action=LogEntry.Action.DELETE, object_pk=token.pk).get()
    assert entry.actor == User.objects.get(username="admin")


def test_only_superusers_issue_tokens(district, login):
    assert login("leader").get(reverse("admin:org_apitoken_add")).status_code in (302, 403)
