"""The rule table with its versions, and the holiday calendar as editable data."""

import io
from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse

from fazhi.timelimits import calendar as cal_service
from fazhi.timelimits.calculation import calculate
from fazhi.timelimits.engine import YearNotLoaded
from fazhi.timelimits.models import CalendarDay, CalendarYear, Rule
from fazhi.timelimits.selectors import RuleNotFound, rule_for
from fazhi.timelimits.services import DueDates

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded")]


def test_every_year_of_the_package_is_seeded():
    years = set(CalendarYear.objects.values_list("year", flat=True))
    assert set(range(2004, 2027)) <= years
    national_day = CalendarDay.objects.get(day=date(2024, 10, 1))
    assert national_day.kind == CalendarDay.Kind.REST and national_day.name == "国庆节"
    assert CalendarDay.objects.get(day=date(2024, 9, 29)).kind == CalendarDay.Kind.WORK


def test_a_reconsideration_received_in_2019_follows_the_old_law():
    old = rule_for("reconsideration.reply", date(2019, 5, 6))
    new = rule_for("reconsideration.reply", date(2024, 5, 6))
    assert (old.unit, old.amount, old.article) == ("calendar_days", 10, "23")
    assert (new.unit, new.amount, new.article) == ("working_days", 10, "48")
    assert rule_for("reconsideration.reply", date(2023, 12, 31)) == old
    assert rule_for("reconsideration.reply", date(2024, 1, 1)) == new


def test_where_versions_overlap_the_dated_one_applies_on_every_database():
    """An administrator adds a version from 2025 while the undated one stays open: from 2025 a
    clock follows the new one — one by one and in an import alike (PostgreSQL once sorted the
    undated version first)."""
    common = {"title": "测试期限", "law": "测试法", "article": "1", "start_event": "收到"}
    Rule.objects.create(code="test.limit", version="旧", amount=10, unit="calendar_days", **common)
    Rule.objects.create(
        code="test.limit",
        version="新",
        effective_from=date(2025, 1, 1),
        amount=5,
        unit="working_days",
        **common,
    )
    assert rule_for("test.limit", date(2024, 6, 3)).version == "旧"
    assert rule_for("test.limit", date(2025, 6, 3)).version == "新"
    due = DueDates("test.limit")(date(2025, 6, 3))
    assert due.rule_id == rule_for("test.limit", date(2025, 6, 3)).pk


def test_the_basis_reads_like_the_law():
    rule = rule_for("reconsideration.acceptance", date(2024, 5, 6))
    assert rule.basis == "行政复议法（2023年修订）第30条：5个工作日"


def test_unknown_rules_and_dates_before_a_law_are_refused_in_chinese():
    with pytest.raises(RuleNotFound, match="没有编码为"):
        rule_for("no.such.rule", date(2024, 1, 1))
    with pytest.raises(RuleNotFound, match="没有有效版本"):
        rule_for("legalaid.decision", date(2021, 6, 1))  # the law came into force in 2022


def test_every_rule_of_time_limits_md_is_in_the_table():
    codes = set(Rule.objects.values_list("code", flat=True))
    for code in [
        "reconsideration.acceptance",
        "reconsideration.decision",
        "litigation.defence",
        "litigation.first_instance",
        "legalaid.decision",
        "mediation.judicial_confirmation",
        "mediation.mediate",
        "corrections.report",
        "legality.normative_document",
        "legality.major_decision",
        "penalty.decision",
        "filing.rules",
    ]:
        assert code in codes
    assert Rule.objects.filter(verified=False).exists()


def test_a_calendar_edit_takes_effect_immediately():
    start = date(2024, 11, 1)
    assert calculate(start, amount=5, unit="working_days").result.due == date(2024, 11, 8)
    cal_service.calendar_set_day(day=date(2024, 11, 4), kind=CalendarDay.Kind.REST, name="测试")
    assert calculate(start, amount=5, unit="working_days").result.due == date(2024, 11, 11)
    cal_service.calendar_set_day(day=date(2024, 11, 4), kind=None)
    assert calculate(start, amount=5, unit="working_days").result.due == date(2024, 11, 8)


def test_the_administrator_adds_next_years_schedule_in_the_ui(district, login):
    with pytest.raises(YearNotLoaded, match="2027"):
        calculate(date(2027, 1, 25), amount=5, unit="working_days")
    client = login("admin")
    response = client.post(
        reverse("timelimits:calendar_add_year"), {"year": 2027, "notice": "国办发明电〔2026〕7号"}
    )
    assert response.status_code == 302
    for day in ["2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10", "2027-02-11"]:
        client.post(
            reverse("timelimits:calendar_set_day"), {"day": day, "kind": "REST", "name": "春节"}
        )
    client.post(
        reverse("timelimits:calendar_set_day"),
        {"day": "2027-02-14", "kind": "WORK", "name": "春节"},
    )
    # 5 working days from 2027-02-03 (Wed): 02-04, then 02-12, 02-14 (make-up Sunday), 02-15, 02-16.
    assert calculate(date(2027, 2, 3), amount=5, unit="working_days").result.due == date(
        2027, 2, 16
    )
    grid = client.get(reverse("timelimits:calendar_year", args=[2027]))
    assert 'data-date="2027-02-14"' in grid.text and "fz-day-makeup" in grid.text


def test_only_administrators_edit_the_calendar(district, login):
    client = login("leader")
    response = client.post(
        reverse("timelimits:calendar_set_day"), {"day": "2024-11-04", "kind": "REST", "name": "x"}
    )
    assert response.status_code == 403
    assert not CalendarDay.objects.filter(day=date(2024, 11, 4)).exists()


def test_the_rules_page_shows_each_basis_and_the_unverified_ones(district, login):
    response = login("xinqiao").get(reverse("timelimits:rules"))
    assert "行政复议法（2023年修订）第30条：5个工作日" in response.text
    assert "行政复议法（1999年（2017年修正））第23条：10日" in response.text
    assert "待核实" in response.text


def test_sync_keeps_a_year_the_administrator_corrected():
    cal_service.calendar_set_day(day=date(2026, 3, 2), kind=CalendarDay.Kind.REST, name="地方调整")
    out = io.StringIO()
    call_command("holidays", "sync", stdout=out)
    assert "2026" in out.getvalue() and "未覆盖" in out.getvalue()
    assert CalendarDay.objects.filter(day=date(2026, 3, 2)).exists()
    call_command("holidays", "sync", "--replace-manual", stdout=io.StringIO())
    assert not CalendarDay.objects.filter(day=date(2026, 3, 2)).exists()
    assert CalendarDay.objects.get(day=date(2024, 10, 1)).name == "国庆节"


def test_a_new_year_without_days_is_flagged_on_the_calendar_page(district, login):
    cal_service.calendar_year_create(year=2027)
    page = login("admin").get(reverse("timelimits:calendar_year", args=[2027]))
    assert "尚未录入任何法定休息日或调休上班日" in page.text
