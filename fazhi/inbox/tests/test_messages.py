"""站内消息: what waits for a user reaches their message centre — their scope's clocks (fed by
`fazhi remind`, once per clock and state), a request to review, a request returned — with an
unread count in the header; a message is its recipient's alone."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from fazhi.inbox.models import Message
from fazhi.legality import services
from fazhi.legality.models import ReviewRequest
from fazhi.org.models import Role, Unit, User

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(district, django_capture_on_commit_callbacks):
    """A normative document the market regulator's liaison submitted in 2019 (its review
    period has long run out)."""
    from fazhi.legality.demo import PERMISSIONS
    from fazhi.org.demo import grant

    for code, codenames in PERMISSIONS.items():
        grant(Role.objects.get(code=code), [f"legality.{c}" for c in codenames])
    with django_capture_on_commit_callbacks(execute=True):
        return services.request_submit(
            kind=ReviewRequest.Kind.NORMATIVE_DOCUMENT,
            submitting_unit=Unit.objects.get(short_name="区市场监管局"),
            title="关于规范农贸市场管理的通知（送审稿）",
            received_on=date(2019, 9, 27),
            user=User.objects.get(username="liaison"),
        )


def _of(username, kind=None):
    messages = Message.objects.filter(recipient__username=username)
    return messages.filter(kind=kind) if kind else messages


def test_a_submitted_request_reaches_its_reviewers_not_its_submitter(submitted):
    to_review = Message.objects.filter(kind=Message.Kind.TO_REVIEW)
    assert set(to_review.values_list("recipient__username", flat=True)) >= {"shencha"}
    assert not _of("liaison", Message.Kind.TO_REVIEW).exists()
    assert not _of("xinqiao").exists()  # a township has no part in it
    message = _of("shencha", Message.Kind.TO_REVIEW).get()
    assert message.title == "待审查：关于规范农贸市场管理的通知（送审稿）（区市场监督管理局）"
    assert message.url == submitted.get_absolute_url()


def test_remind_feeds_each_users_overdue_clocks_once(submitted):
    out = StringIO()
    call_command("remind", stdout=out)
    assert "站内消息：新发" in out.getvalue()
    overdue = Message.Kind.CLOCK_OVERDUE
    for username in ("shencha", "leader", "liaison"):
        message = _of(username, overdue).get()
        assert (
            message.title.startswith("【已逾期】") and message.url == submitted.get_absolute_url()
        )
    assert not _of("xinqiao", overdue).exists()  # outside the township's scope
    before = Message.objects.count()
    call_command("remind", stdout=StringIO())
    assert Message.objects.count() == before  # the same clock in the same state: not again


def test_the_header_counts_unread_and_opening_a_message_reads_it(submitted, login):
    client = login("shencha")
    page = client.get(reverse("home")).text
    assert 'data-testid="unread-count">1<' in page
    message = _of("shencha").get()
    response = client.get(reverse("inbox:open", args=[message.pk]))
    assert response.status_code == 302 and response.url == submitted.get_absolute_url()
    message.refresh_from_db()
    assert message.read_at is not None
    assert 'data-testid="unread-count"' not in client.get(reverse("home")).text
    inbox = client.get(reverse("inbox:inbox")).text
    assert "关于规范农贸市场管理的通知" in inbox


def test_a_message_is_its_recipients_alone(submitted, login):
    message = _of("shencha").get()
    other = login("leader")
    assert other.get(reverse("inbox:open", args=[message.pk])).status_code == 404
    message.refresh_from_db()
    assert message.read_at is None


def test_mark_all_read_needs_a_post_and_reads_only_ones_own(submitted, login):
    call_command("remind", stdout=StringIO())
    client = login("shencha")
    assert client.get(reverse("inbox:mark_all_read")).status_code == 405
    client.post(reverse("inbox:mark_all_read"))
    assert not _of("shencha").filter(read_at__isnull=True).exists()
    assert _of("leader").filter(read_at__isnull=True).exists()


def test_a_returned_request_reaches_its_liaison(submitted, django_capture_on_commit_callbacks):
    shencha = User.objects.get(username="shencha")
    with django_capture_on_commit_callbacks(execute=True):
        services.request_return(
            request=submitted, version=submitted.version, on=date(2019, 9, 30), user=shencha
        )
    returned = _of("liaison", Message.Kind.RETURNED).get()
    assert returned.title == "已退回补充材料：关于规范农贸市场管理的通知（送审稿）"
    assert not _of("shencha", Message.Kind.RETURNED).exists()


def test_a_refused_step_notifies_no_one(district):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.request_submit(
            kind=ReviewRequest.Kind.NORMATIVE_DOCUMENT,
            submitting_unit=Unit.objects.get(short_name="区市场监管局"),
            title="",
            received_on=date(2019, 9, 27),
        )
    assert not Message.objects.exists()
