"""Sending messages. A line of work calls `notify` when something waits for someone:
`notify(users_with_perm_over("legality.change_reviewrequest", unit), kind=…, title=…, url=…)`."""

from collections.abc import Iterable
from datetime import date

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from fazhi.core.services import is_loading_history
from fazhi.inbox.models import Message


def notify(
    recipients: Iterable, *, kind: str, title: str, url: str = "", body: str = "", key: str = ""
) -> int:
    """One message to each recipient (once per `key`, when given); sent when the surrounding
    transaction commits, so a refused step notifies no one; none while history is loaded (the
    demo). Returns how many were written."""
    if is_loading_history():
        return 0
    rows = [
        Message(recipient=user, kind=kind, title=title[:200], url=url, body=body, key=key)
        for user in {u.pk: u for u in recipients if u.is_active}.values()
    ]
    if not rows:
        return 0

    def send():
        Message.objects.bulk_create(rows, ignore_conflicts=bool(key))

    transaction.on_commit(send)
    return len(rows)


def users_with_perm_over(perm: str, unit) -> list:
    """The active users granted `perm` (by role, not as superusers) whose data scope covers
    `unit`: who should act on a record of that unit."""
    from fazhi.org.models import Unit

    app_label, codename = perm.split(".")
    users = (
        get_user_model()
        .objects.filter(
            is_active=True,
            roles__permissions__content_type__app_label=app_label,
            roles__permissions__codename=codename,
        )
        .distinct()
    )
    return [user for user in users if Unit.objects.visible_to(user).filter(pk=unit.pk).exists()]


def mark_read(message: Message) -> None:
    if message.read_at is None:
        Message.objects.filter(pk=message.pk, read_at__isnull=True).update(read_at=timezone.now())


def mark_all_read(user) -> int:
    return Message.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def notify_clocks(on: date) -> int:
    """Each active user's due-soon and overdue clocks (as their 工作台 shows them), a message
    per clock and state: a clock that turns overdue notifies again, once."""
    from fazhi.timelimits.selectors import deadlines_needing_attention

    sent = 0
    for user in get_user_model().objects.filter(is_active=True):
        for deadline in deadlines_needing_attention(viewer=user, on=on):
            overdue = deadline.due_date < on
            kind = Message.Kind.CLOCK_OVERDUE if overdue else Message.Kind.CLOCK_DUE_SOON
            record = deadline.record
            flag = "已逾期" if overdue else "即将到期"
            sent += _create_once(
                user,
                kind=kind,
                title=f"【{flag}】{deadline.label}：{record}"
                if record
                else f"【{flag}】{deadline.label}",
                body=f"届满日 {deadline.due_date:%Y-%m-%d}；{deadline.rule.basis}",
                url=record.get_absolute_url() if record is not None else "",
                key=f"deadline:{deadline.pk}:{kind}",
            )
    return sent


def _create_once(user, **fields) -> int:
    _message, created = Message.objects.get_or_create(
        recipient=user, key=fields.pop("key"), defaults=fields
    )
    return int(created)
