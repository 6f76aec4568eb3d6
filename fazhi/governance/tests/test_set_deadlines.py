"""A deadline set when the work is assigned (a task's, a rectification's): a row of the rule
table all the same, but its due date is the one given, never counted, moved only on purpose;
the calculator does not offer it."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from fazhi.timelimits import services
from fazhi.timelimits.forms import CalculatorForm
from fazhi.timelimits.models import Rule

pytestmark = pytest.mark.django_db


def test_the_due_date_is_the_one_given_and_stays_when_the_start_is_corrected(office):
    task = office["assign"](office["market"], "任务", date(2019, 10, 1))  # a National Day
    clock = services.clock_of(task, "governance.task")
    assert clock.due_date == date(2019, 10, 1)  # not moved past the holiday: it was set so
    services.deadline_restart(deadline=clock, start=date(2019, 3, 25))
    assert clock.due_date == date(2019, 10, 1)
    services.deadline_set_due(deadline=clock, due_on=date(2019, 11, 15))
    clock.refresh_from_db()
    assert clock.due_date == date(2019, 11, 15)
    with pytest.raises(ValidationError):
        services.deadline_set_due(deadline=clock, due_on=date(2019, 1, 1))


def test_such_a_clock_needs_its_due_date_and_a_counted_one_refuses_one(office):
    task = office["market_task"]
    with pytest.raises(ValueError):
        services.deadline_open(
            record=task, rule_code="governance.task", start=date(2019, 3, 1), unit=office["market"]
        )
    with pytest.raises(ValueError):
        services.deadline_open(
            record=task,
            rule_code="litigation.defence",
            start=date(2019, 3, 1),
            unit=office["market"],
            due_on=date(2019, 4, 1),
        )


def test_the_calculator_offers_only_counted_rules(seeded):
    offered = {
        code
        for _law, choices in CalculatorForm().fields["rule"].choices[1:]
        for code, _t in choices
    }
    assert "governance.task" not in offered and "governance.rectification" not in offered
    assert Rule.objects.filter(code="governance.task").exists()
    assert "交办时确定的期限" in Rule.objects.get(code="governance.task").basis


def test_a_distinct_count_and_a_whole_number_sum(office):
    """Two kinds of figure the kit gained for this line of work: units counted once however
    often named, and a sum of whole numbers printed without decimals."""
    from fazhi.governance import services as governance
    from fazhi.indicators.registry import Period, compute, format_value, get_indicator
    from fazhi.org.models import Unit

    for n in range(2):
        governance.notice_save(
            user=None,
            unit=office["unit"],
            issued_on=date(2019, 10, 1 + n),
            title=f"通报{n}",
            document_number="",
            tone="CRITICISM",
            inspection=None,
            named_units=[office["market"]],
        )
        governance.innovation_entry_save(
            user=None,
            unit=office["market"],
            title=f"作品{n}",
            contest="大赛",
            awarded_on=date(2019, 12, 6),
            result="AWARD",
            page_views=1000,
            likes=7,
        )
    keys = ["governance.criticised_units", "governance.innovation.page_views"]
    values = compute(
        unit=Unit.objects.get(code="510704"),
        period=Period.year(2019),
        viewer=office["users"]["yifa"],
        keys=keys,
    )
    assert values == {"governance.criticised_units": 1, "governance.innovation.page_views": 2000}
    assert format_value(get_indicator("governance.innovation.page_views"), 2000) == "2,000人次"


def test_the_calculator_refuses_a_deadline_set_when_assigned(seeded, client, district):
    from django.urls import reverse

    client.force_login(district["yifa"])
    for params in [
        {"start": "2019-03-01", "rule": "governance.task"},
        {"start": "2019-03-01", "amount": 5, "unit": "set_by_decision"},
    ]:
        response = client.get(reverse("due-date-list"), params)
        assert response.status_code in (400, 422), params  # refused, not a server error
