"""Login locks that an outsider cannot turn against a user: a username is locked only from the
address that kept failing, an address failing across usernames is throttled as a whole, the
page says until when, and a superuser sees and lifts locks in 系统管理, on the audit trail.
Login records are read-only to everyone."""

import re

import pytest
from auditlog.models import LogEntry
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
PASSWORD = "Fazhi-2019"


def attempt(address, username, password):
    return Client(REMOTE_ADDR=address).post(LOGIN, {"username": username, "password": password})


def test_failures_from_elsewhere_do_not_lock_the_owner_out(district):
    for _ in range(8):
        attempt("10.9.9.9", "leader", "guessing")
    assert attempt("10.9.9.9", "leader", PASSWORD).status_code == 429
    assert attempt("10.0.0.1", "leader", PASSWORD).status_code == 302


def test_an_address_failing_over_many_usernames_is_throttled_as_a_whole(district):
    # 20 failures over 20 usernames: none reaches five failures on its own; the 20th pauses
    # the address, as the fifth failure of one username locks it.
    for n in range(19):
        assert attempt("10.6.6.6", f"user{n}", "guessing").status_code == 200, n
    assert attempt("10.6.6.6", "user19", "guessing").status_code == 429
    throttled = attempt("10.6.6.6", "xinqiao", PASSWORD)
    assert throttled.status_code == 429
    text = throttled.content.decode()
    assert "这个地址" in text and "10.6.6.6" in text
    assert attempt("10.0.0.2", "xinqiao", PASSWORD).status_code == 302


def test_the_lock_page_says_until_when_in_chinese(district):
    for _ in range(5):
        response = attempt("10.9.9.8", "leader", "guessing")
    assert response.status_code == 429
    text = response.content.decode()
    assert re.search(r"\d\d:\d\d", text) and "分钟" in text and "其他电脑" in text


def test_a_superuser_sees_who_is_locked_and_unlocks_on_the_audit_trail(district, login):
    for _ in range(5):
        attempt("10.9.9.7", "leader", "guessing")
    admin = login("admin")
    changelist = reverse("admin:axes_accessattempt_changelist")
    page = admin.get(changelist).content.decode()
    assert "leader" in page and "10.9.9.7" in page and "锁定至" in page
    locked = AccessAttempt.objects.get(username="leader", ip_address="10.9.9.7")
    response = admin.post(
        changelist, {"action": "unlock", "_selected_action": [locked.pk]}, follow=True
    )
    assert response.status_code == 200
    assert not AccessAttempt.objects.filter(pk=locked.pk).exists()
    entry = LogEntry.objects.get(additional_data__unlocked="leader")
    assert entry.actor.username == "admin"
    assert AccessFailureLog.objects.filter(username="leader").count() == 5  # evidence kept
    assert attempt("10.9.9.7", "leader", PASSWORD).status_code == 302


def test_login_records_are_read_only_even_for_a_superuser(district, login):
    attempt("10.9.9.6", "leader", "guessing")
    attempt("10.9.9.6", "leader", PASSWORD)
    admin = login("admin")
    counts = AccessLog.objects.count(), AccessFailureLog.objects.count()
    for model, record in [
        ("accesslog", AccessLog.objects.first()),
        ("accessfailurelog", AccessFailureLog.objects.first()),
        ("accessattempt", None),
    ]:
        changelist = reverse(f"admin:axes_{model}_changelist")
        assert admin.get(changelist).status_code == 200
        if record is not None:
            assert (
                admin.get(reverse(f"admin:axes_{model}_delete", args=[record.pk])).status_code
                == 403
            )
            admin.post(
                changelist,
                {"action": "delete_selected", "_selected_action": [record.pk], "post": "yes"},
            )
    assert (AccessLog.objects.count(), AccessFailureLog.objects.count()) == counts
    entry = LogEntry.objects.first()
    if entry is not None:
        assert (
            admin.get(reverse("admin:auditlog_logentry_delete", args=[entry.pk])).status_code == 403
        )


def test_records_leave_the_database_only_through_the_archive_after_180_days(district, tmp_path):
    import gzip
    import json
    from datetime import timedelta
    from io import StringIO

    from django.core.management import CommandError, call_command
    from django.utils import timezone

    attempt("10.9.9.5", "leader", "guessing")
    attempt("10.9.9.5", "leader", PASSWORD)
    long_ago = timezone.now() - timedelta(days=200)
    AccessLog.objects.update(attempt_time=long_ago)
    AccessFailureLog.objects.update(attempt_time=long_ago)
    old_entries = list(LogEntry.objects.values_list("pk", flat=True)[:3])
    LogEntry.objects.filter(pk__in=old_entries).update(timestamp=long_ago)
    attempt("10.9.9.5", "leader", PASSWORD)  # a login of today stays

    too_recent = (timezone.localdate() - timedelta(days=170)).isoformat()
    with pytest.raises(CommandError, match="至少保存 180 天"):
        call_command("archive_records", before=too_recent, output=str(tmp_path / "x.jsonl.gz"))

    before = (timezone.localdate() - timedelta(days=181)).isoformat()
    target = tmp_path / "archive.jsonl.gz"
    out = StringIO()
    call_command("archive_records", before=before, output=str(target), stdout=out)
    with gzip.open(target, "rt", encoding="utf-8") as archive:
        rows = [json.loads(line) for line in archive]
    assert sorted({row["model"] for row in rows}) == [
        "auditlog.logentry",
        "axes.accessfailurelog",
        "axes.accesslog",
    ]
    assert not LogEntry.objects.filter(pk__in=old_entries).exists()
    assert AccessLog.objects.count() == 1  # today's login
    assert LogEntry.objects.filter(object_pk="archive").exists()  # the archiving is on the trail
    assert "已归档" in out.getvalue()
