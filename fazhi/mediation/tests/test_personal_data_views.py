"""Seeing a resident's full ID number is on the audit trail (PRODUCT.md): who saw which
record's, and how (page, edit page, agreement, API, export); a role shown masked numbers
leaves no such entry. 系统管理's audit trail shows it; the record's history keeps to changes."""

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from fazhi.mediation.models import Dispute

pytestmark = pytest.mark.django_db


def viewed(record, username):
    return LogEntry.objects.get_for_object(record).filter(
        action=LogEntry.Action.ACCESS, actor__username=username
    )


def test_each_way_of_seeing_a_disputes_full_id_numbers_is_logged(ledger, login):
    dispute = ledger["xq_dispute"]
    client = login("xinqiao")  # the township's clerk may see full ID numbers
    client.get(reverse("mediation:dispute_detail", args=[dispute.pk]))
    client.get(reverse("mediation:dispute_edit", args=[dispute.pk]))
    client.get(reverse("mediation-dispute-detail", args=[dispute.pk]))
    client.get(reverse("mediation-dispute-list"))
    export = client.get(reverse("mediation:dispute_list"), {"export": "xlsx"})
    b"".join(export.streaming_content)
    ways = sorted(e.additional_data["via"] for e in viewed(dispute, "xinqiao"))
    assert ways == sorted(["页面", "编辑页面", "接口", "接口", "导出"])
    assert all(e.additional_data["viewed"] == "完整身份证号码" for e in viewed(dispute, "xinqiao"))
    # The other township's dispute was in no answer: nothing logged for it.
    assert not viewed(ledger["xj_dispute"], "xinqiao").exists()


def test_the_audit_trail_shows_who_saw_the_full_numbers_and_the_history_stays_on_changes(
    ledger, login
):
    dispute = ledger["xq_dispute"]
    client = login("xinqiao")
    page = client.get(reverse("mediation:dispute_detail", args=[dispute.pk])).content.decode()
    assert "完整身份证号码" not in page  # the record's history lists changes only
    trail = login("admin").get(reverse("admin:auditlog_logentry_changelist"), {"action": 3})
    text = trail.content.decode()
    assert "完整身份证号码（页面）" in text and dispute.number in text


def test_a_role_shown_masked_numbers_leaves_no_viewing_entry(ledger, login):
    dispute = ledger["xq_dispute"]
    client = login("mediator")
    assert client.get(reverse("mediation:dispute_detail", args=[dispute.pk])).status_code == 200
    client.get(reverse("mediation-dispute-detail", args=[dispute.pk]))
    assert not LogEntry.objects.filter(action=LogEntry.Action.ACCESS).exists()


def test_a_mediators_full_id_number_seen_on_the_list_and_page_is_logged(ledger, login):
    mediator = ledger["xq_mediator"]
    client = login("xinqiao")
    client.get(reverse("mediation:mediator_list"))
    client.get(reverse("mediation:mediator_detail", args=[mediator.pk]))
    assert viewed(mediator, "xinqiao").count() == 2
    assert Dispute.objects.count() == 2  # nothing else changed
