"""Deadlines attached to case records: the service any module calls, the 工作台, `fazhi remind`."""

import io
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from fazhi.org.models import Unit
from fazhi.timelimits import services
from fazhi.timelimits.models import Deadline
from fazhi.timelimits.selectors import deadline_status, deadlines_needing_attention

pytestmark = pytest.mark.django_db


@pytest.fixture
def committee(district):
    # Any model instance can carry deadlines; a unit stands in for a module's case record here.
    return Unit.objects.get(name="新桥镇人民调解委员会")


def open_decision(record, start=date(2024, 8, 2)):
    return services.deadline_open(
        record=record,
        rule_code="reconsideration.decision",
        start=start,
        unit=record,
        label="复议决定（测试）",
    )


def test_a_deadline_is_attached_in_one_call_with_its_basis(committee):
    deadline = open_decision(committee)
    assert deadline.due_date == date(2024, 10, 8)
    assert deadline.suggested_internal_date == date(2024, 9, 30)
    assert deadline.rule.basis == "行政复议法（2023年修订）第62条：60日"
    assert deadline.record == committee


def test_suspension_stops_the_clock_and_resuming_moves_the_due_date(committee):
    deadline = open_decision(committee)
    services.deadline_suspend(
        deadline=deadline, start=date(2024, 8, 12), ground="申请人死亡，等待继承人"
    )
    assert deadline_status(deadline, on=date(2024, 8, 20)) == Deadline.Status.SUSPENDED
    services.deadline_resume(deadline=deadline, last_suspended_day=date(2024, 8, 21))
    # 10 days stopped: day 60 moves from 10-01 (a holiday) to 10-11, a working Friday.
    assert deadline.due_date == date(2024, 10, 11)
    assert deadline.suspensions.get().end == date(2024, 8, 21)


def test_resuming_a_clock_read_with_its_suspensions_prefetched_still_moves_the_due_date(
    committee,
):
    from fazhi.timelimits.selectors import deadlines_for

    open_decision(committee)
    services.deadline_suspend(
        deadline=deadlines_for(committee).get(), start=date(2024, 8, 12), ground="中止"
    )
    prefetched = deadlines_for(committee).get()  # as a case page reads it
    services.deadline_resume(deadline=prefetched, last_suspended_day=date(2024, 8, 21))
    assert Deadline.objects.get(pk=prefetched.pk).due_date == date(2024, 10, 11)


def test_an_extension_needs_the_law_and_stays_within_its_maximum(committee):
    deadline = open_decision(committee)
    services.deadline_extend(
        deadline=deadline,
        days=30,
        reason="案情复杂",
        approved_by="复议机构负责人",
        approved_on=date(2024, 9, 20),
    )
    assert deadline.due_date == date(2024, 11, 7)  # 30 days after the original end, 10-08
    with pytest.raises(ValidationError, match="最多延长 30 日"):
        services.deadline_extend(
            deadline=deadline, days=1, reason="再延", approved_by="x", approved_on=date(2024, 9, 21)
        )
    acceptance = services.deadline_open(
        record=committee,
        rule_code="reconsideration.acceptance",
        start=date(2024, 8, 2),
        unit=committee,
    )
    with pytest.raises(ValidationError, match="不能延长|未规定该期限可以延长"):
        services.deadline_extend(
            deadline=acceptance, days=1, reason="x", approved_by="x", approved_on=date(2024, 8, 3)
        )


def test_completion_records_on_time_or_late(committee):
    deadline = open_decision(committee)
    services.deadline_complete(deadline=deadline, on=date(2024, 10, 8))
    assert deadline_status(deadline) == Deadline.Status.DONE_ON_TIME
    late = open_decision(committee)
    services.deadline_complete(deadline=late, on=date(2024, 10, 9))
    assert deadline_status(late) == Deadline.Status.DONE_LATE


def test_the_workbench_lists_due_soon_and_overdue_deadlines_within_the_scope(
    district, login, committee
):
    on = date(2024, 10, 8)
    mine = open_decision(committee)  # due 2024-10-08: due today
    other = Unit.objects.get(name="小枧沟镇")
    theirs = open_decision(other)
    later = open_decision(committee, start=date(2024, 9, 20))  # due in November: not yet
    assert set(deadlines_needing_attention(viewer=district["xinqiao"], on=on)) == {mine}
    assert set(deadlines_needing_attention(viewer=district["leader"], on=on)) == {mine, theirs}
    assert later not in deadlines_needing_attention(viewer=district["leader"], on=on)
    home = login("xinqiao").get(reverse("home"))
    assert "复议决定（测试）" in home.text  # overdue by today's date
    assert home.text.count("复议决定（测试）") == 2  # mine and the later one are both past due now


def test_remind_prints_each_units_pending_deadlines(committee):
    open_decision(committee)
    out = io.StringIO()
    call_command("remind", stdout=out)
    assert "新桥镇人民调解委员会：1 项" in out.getvalue()
    assert "【逾期】2024-10-08 复议决定（测试）" in out.getvalue()


def test_a_record_page_shows_its_clocks_with_basis_and_internal_date(committee):
    from django.template.loader import render_to_string

    from fazhi.timelimits.selectors import deadlines_for

    deadline = open_decision(committee)
    assert list(deadlines_for(committee)) == [deadline]
    html = render_to_string("timelimits/_deadlines.html", {"deadlines": deadlines_for(committee)})
    assert "行政复议法（2023年修订）第62条：60日" in html
    assert "2024-10-08" in html and "建议内部完成日 2024-09-30" in html


def test_suspensions_cannot_overlap(committee):
    deadline = open_decision(committee)
    services.deadline_suspend(deadline=deadline, start=date(2024, 8, 12), ground="第一次中止")
    services.deadline_resume(deadline=deadline, last_suspended_day=date(2024, 8, 21))
    with pytest.raises(ValidationError, match="不能与上一次中止重叠"):
        services.deadline_suspend(deadline=deadline, start=date(2024, 8, 20), ground="重叠")


def test_the_law_in_force_when_the_case_was_received_chooses_the_version(committee):
    # Received in December 2023, the copy reaches the respondent in January 2024: the old law.
    deadline = services.deadline_open(
        record=committee,
        rule_code="reconsideration.reply",
        start=date(2024, 1, 3),
        unit=committee,
        law_date=date(2023, 12, 28),
    )
    assert deadline.rule.version.startswith("1999") and deadline.rule.unit == "calendar_days"


def test_remind_emails_each_user_only_what_their_scope_shows(committee, settings, mailoutbox):
    from fazhi.org.models import User

    settings.FAZHI_EMAIL_ENABLED = True
    start = date(2024, 8, 2)
    services.deadline_open(
        record=committee,
        rule_code="reconsideration.decision",
        start=start,
        unit=committee,
        label="新桥的复议决定",
    )
    other = Unit.objects.get(name="小枧沟镇")
    services.deadline_open(
        record=other,
        rule_code="reconsideration.decision",
        start=start,
        unit=other,
        label="小枧沟的复议决定",
    )
    for username in ["xinqiao", "xiaojiangou", "leader", "mediator"]:
        User.objects.filter(username=username).update(email=f"{username}@example.gov.cn")
    call_command("remind", stdout=io.StringIO())
    mail = {m.to[0].split("@")[0]: m.body for m in mailoutbox}
    assert set(mail) == {"xinqiao", "xiaojiangou", "leader", "mediator"}
    assert "新桥的复议决定" in mail["xinqiao"] and "小枧沟" not in mail["xinqiao"]
    assert "小枧沟的复议决定" in mail["xiaojiangou"] and "新桥的" not in mail["xiaojiangou"]
    assert "新桥的复议决定" in mail["leader"] and "小枧沟的复议决定" in mail["leader"]
    assert "新桥的复议决定" in mail["mediator"] and "小枧沟" not in mail["mediator"]


def test_the_workbench_warns_when_next_years_schedule_is_missing(district, login, monkeypatch):
    from fazhi.timelimits import selectors

    monkeypatch.setattr(selectors, "today", lambda: date(2026, 12, 1))
    assert selectors.unloaded_year_ahead(date(2026, 12, 1)) == 2027
    assert selectors.unloaded_year_ahead(date(2026, 6, 1)) is None
    # Weekends are assumed for 2027, and it is said: 3 working days from 12-30 reach 2027-01-04.
    assert selectors.due_soon_limit(date(2026, 12, 30)) == date(2027, 1, 4)
    home = login("xinqiao").get(reverse("home"))
    assert "2027 的节假日安排尚未载入" in home.text


def test_the_workbench_panel_costs_the_same_queries_for_one_deadline_or_many(district, login):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from fazhi.core.testing import page_statements

    client = login("leader")
    townships = list(Unit.objects.filter(kind=Unit.Kind.TOWNSHIP))

    def home_queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("home")).status_code == 200
        return len(page_statements(captured))

    open_decision(townships[0])
    one = home_queries()
    for township in townships[1:]:
        open_decision(township)
    assert home_queries() == one
