"""Tasks and inspection findings: the deadline set when the work is assigned runs as a clock on
the lead (inspected) unit's 工作台; the unit reports progress or rectification for itself only,
the office confirms, accepts or returns it; the figures follow."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from fazhi.governance import services
from fazhi.governance.models import Finding, Task
from fazhi.indicators.registry import Period, compute
from fazhi.timelimits.selectors import open_deadlines
from fazhi.timelimits.services import clock_of

pytestmark = pytest.mark.django_db
YEAR = Period.year(2019)


def figures(keys, viewer):
    from fazhi.org.models import Unit

    return compute(unit=Unit.objects.get(code="510704"), period=YEAR, viewer=viewer, keys=keys)


def step(client, record, name, **fields):
    record.refresh_from_db()
    url = reverse(f"governance:{record._meta.model_name}_step", args=[record.pk, name])
    data = {f"{name}-version": record.version, **{f"{name}-{k}": v for k, v in fields.items()}}
    return client.post(url, data)


def test_an_assigned_task_runs_a_clock_due_on_its_deadline_for_the_lead_unit(office):
    task = office["market_task"]
    clock = clock_of(task, services.TASK_CLOCK)
    assert clock.due_date == date(2019, 9, 30)
    assert clock.unit == office["market"]
    assert "依法治区工作要点" in clock.rule.basis and "交办时确定" in clock.rule.basis
    liaison = office["users"]["liaison"]
    assert task.pk in {d.object_id for d in open_deadlines(viewer=liaison)}
    assert office["finance_task"].pk not in {d.object_id for d in open_deadlines(viewer=liaison)}


def test_a_moved_deadline_moves_the_clock(office):
    task = office["market_task"]
    services.task_save(
        user=None,
        instance=task,
        version=task.version,
        plan=task.plan,
        meeting=None,
        number="3",
        title=task.title,
        lead_unit=task.lead_unit,
        co_units=[office["finance"]],
        leader=task.leader,
        assigned_on=task.assigned_on,
        due_on=date(2019, 10, 31),
    )
    assert clock_of(task, services.TASK_CLOCK).due_date == date(2019, 10, 31)
    with pytest.raises(ValidationError) as refused:
        services.task_save(
            user=None,
            instance=task,
            version=task.version + 1,
            plan=None,
            meeting=None,
            number="",
            title=task.title,
            lead_unit=task.lead_unit,
            co_units=[],
            leader="",
            assigned_on=date(2019, 3, 20),
            due_on=date(2019, 3, 1),
        )
    assert "due_on" in refused.value.message_dict


def test_the_lead_units_liaison_reports_progress_and_the_office_confirms(office, login):
    task = office["market_task"]
    liaison = login("liaison")
    response = step(liaison, task, "progress", on="2019-06-01", text="已制定方案。", percent=40)
    assert response.status_code == 302
    task.refresh_from_db()
    assert (task.status, task.percent) == (Task.Status.ASSIGNED, 40)
    # progress cannot go back
    response = step(liaison, task, "progress", on="2019-06-02", text="重新统计。", percent=30)
    assert response.status_code == 200 and "40" in response.text
    step(liaison, task, "progress", on="2019-09-20", text="已完成。", percent=100)
    task.refresh_from_db()
    assert task.status == Task.Status.REPORTED and task.completed_on == date(2019, 9, 20)
    assert clock_of(task, services.TASK_CLOCK).completed_on == date(2019, 9, 20)
    # only the office confirms
    assert step(liaison, task, "confirm", on="2019-09-25").status_code == 403
    office_client = login("yifa")
    assert step(office_client, task, "confirm", on="2019-09-25").status_code == 302
    task.refresh_from_db()
    assert task.status == Task.Status.DONE
    values = figures(
        [
            "governance.tasks",
            "governance.tasks.done",
            "governance.tasks.done_on_time",
            "governance.tasks.overdue",
        ],
        office["users"]["yifa"],
    )
    # the finance task (due 30 June) was never reported: overdue
    assert values == {
        "governance.tasks": 2,
        "governance.tasks.done": 1,
        "governance.tasks.done_on_time": 1,
        "governance.tasks.overdue": 1,
    }


def test_a_returned_task_runs_its_clock_again(office, login):
    task = office["market_task"]
    step(login("liaison"), task, "progress", on="2019-09-20", text="已完成。", percent=100)
    response = step(login("yifa"), task, "return", reason="佐证材料不全")
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.status == Task.Status.RETURNED and task.completed_on is None
    assert clock_of(task, services.TASK_CLOCK, running=True) is not None
    assert "佐证材料不全" in task.progress.last().text


def test_a_liaison_sees_and_reports_only_their_own_units_tasks(office, login):
    client = login("liaison")
    other = office["finance_task"]
    assert client.get(reverse("governance:task_detail", args=[other.pk])).status_code == 404
    assert step(client, other, "progress", on="2019-05-01", text="x", percent=10).status_code == 404
    listed = client.get(reverse("governance:task_list")).text
    assert office["market_task"].title in listed and other.title not in listed
    # nor assign tasks
    assert client.get(reverse("governance:task_create")).status_code == 403


def test_a_finding_is_rectified_by_its_unit_and_accepted_or_returned_by_the_office(office, login):
    finding = services.finding_save(
        user=None,
        inspection=office["inspection"],
        unit=office["market"],
        problem="普法责任清单未公布",
        basis="谁执法谁普法",
        found_on=date(2019, 8, 10),
        due_on=date(2019, 10, 31),
    )
    assert clock_of(finding, services.RECTIFICATION_CLOCK).due_date == date(2019, 10, 31)
    liaison = login("liaison")
    response = step(liaison, finding, "rectify", on="2019-09-15", rectification="已公布清单。")
    assert response.status_code == 302
    finding.refresh_from_db()
    assert finding.status == Finding.Status.REPORTED
    office_client = login("yifa")
    step(office_client, finding, "return", reason="未见公布网址")
    finding.refresh_from_db()
    assert finding.status == Finding.Status.OPEN and finding.returned_reason == "未见公布网址"
    assert clock_of(finding, services.RECTIFICATION_CLOCK, running=True) is not None
    liaison = login("liaison")
    step(liaison, finding, "rectify", on="2019-09-30", rectification="已在门户网站公布。")
    office_client = login("yifa")
    step(office_client, finding, "accept", on="2019-10-08")
    finding.refresh_from_db()
    assert finding.status == Finding.Status.ACCEPTED
    values = figures(
        [
            "governance.findings",
            "governance.findings.rectified",
            "governance.findings.rectification_rate",
        ],
        office["users"]["yifa"],
    )
    assert values["governance.findings"] == 1 and values["governance.findings.rectified"] == 1
    assert str(values["governance.findings.rectification_rate"]) == "100.00"


def test_a_finding_names_only_a_unit_the_inspection_covered(office):
    from fazhi.org.models import Unit

    with pytest.raises(ValidationError) as refused:
        services.finding_save(
            user=None,
            inspection=office["inspection"],
            unit=Unit.objects.get(short_name="区民政局"),
            problem="问题",
            basis="",
            found_on=date(2019, 8, 10),
            due_on=date(2019, 10, 31),
        )
    assert "unit" in refused.value.message_dict


def test_the_unit_and_the_office_are_told_in_their_messages(
    office, login, django_capture_on_commit_callbacks
):
    from fazhi.inbox.models import Message

    with django_capture_on_commit_callbacks(execute=True):
        task = office["assign"](office["market"], "规范行政执法案卷", date(2019, 10, 31))
    told = Message.objects.filter(kind=Message.Kind.ASSIGNED, url=task.get_absolute_url())
    assert {m.recipient.username for m in told} == {"liaison"}
    assert "规范行政执法案卷" in told.get().title and "2019-10-31" in told.get().title
    with django_capture_on_commit_callbacks(execute=True):
        step(login("liaison"), task, "progress", on="2019-09-20", text="已完成。", percent=100)
    asked = Message.objects.filter(kind=Message.Kind.TO_REVIEW, url=task.get_absolute_url())
    # the office that issued the work points, not every section's staff
    assert {m.recipient.username for m in asked} == {"yifa"}
    with django_capture_on_commit_callbacks(execute=True):
        step(login("yifa"), task, "return", reason="佐证材料不全")
    returned = Message.objects.get(kind=Message.Kind.RETURNED, url=task.get_absolute_url())
    assert returned.recipient.username == "liaison" and "佐证材料不全" in returned.title


def test_a_task_whose_deadline_has_not_come_is_not_overdue(office):
    from fazhi.timelimits.selectors import today

    due = today() + timedelta(days=1)  # tomorrow, whatever today is (even 31 December)
    office["assign"](office["market"], "明天到期的任务", due, assigned=today())
    values = compute(
        unit=office["market"],
        period=Period.year(due.year),
        viewer=office["users"]["yifa"],
        keys=["governance.tasks.overdue"],
    )
    assert values["governance.tasks.overdue"] == 0


def test_only_the_unit_reports_and_only_the_assigning_office_confirms(office, login):
    task = office["market_task"]
    # the office's staff hold the right to report, but not for a department
    assert (
        step(login("yifa"), task, "progress", on="2019-06-01", text="代报", percent=100).status_code
        == 403
    )
    step(login("liaison"), task, "progress", on="2019-06-01", text="已完成。", percent=100)
    # a bureau section's staff hold the right to confirm, but did not assign the task
    assert step(login("shencha"), task, "confirm", on="2019-06-05").status_code == 403
    assert step(login("yifa"), task, "confirm", on="2019-06-05").status_code == 302


def test_a_task_moved_to_another_unit_tells_that_unit(office, django_capture_on_commit_callbacks):
    from fazhi.inbox.models import Message
    from fazhi.org.models import Unit

    task = office["market_task"]
    xinqiao = Unit.objects.get(name="新桥镇", kind="TOWNSHIP")
    with django_capture_on_commit_callbacks(execute=True):
        services.task_save(
            user=None,
            instance=task,
            version=task.version,
            plan=task.plan,
            meeting=None,
            number="",
            title=task.title,
            lead_unit=xinqiao,
            co_units=[],
            leader="",
            assigned_on=task.assigned_on,
            due_on=task.due_on,
        )
    told = Message.objects.filter(kind=Message.Kind.ASSIGNED, url=task.get_absolute_url())
    assert {m.recipient.username for m in told} == {"xinqiao"}
    assert clock_of(task, services.TASK_CLOCK).unit == xinqiao


def test_a_unit_sees_the_inspection_and_work_points_that_reached_it_and_no_other(office, login):
    from fazhi.governance.models import Inspection, WorkPlan

    services.finding_save(
        user=None,
        inspection=office["inspection"],
        unit=office["market"],
        problem="执法公示不全",
        basis="",
        found_on=date(2019, 8, 5),
        due_on=date(2019, 10, 1),
    )
    other = services.inspection_save(
        user=None,
        unit=office["unit"],
        kind="RANDOM",
        title="随机督察",
        document_number="",
        started_on=date(2019, 11, 1),
        ended_on=date(2019, 11, 5),
        inspected_units=[office["finance"]],
    )
    liaison = office["users"]["liaison"]
    assert list(Inspection.objects.visible_to(liaison)) == [office["inspection"]]
    assert list(WorkPlan.objects.visible_to(liaison)) == [office["plan"]]
    yifa = office["users"]["yifa"]  # the office sees all of them
    assert set(Inspection.objects.visible_to(yifa)) == {office["inspection"], other}
    xiaojiangou = office["users"]["xiaojiangou"]
    assert not Inspection.objects.visible_to(xiaojiangou).exists()
    # the finding's page names its inspection for the unit
    finding = office["inspection"].findings.get()
    client = login("liaison")
    assert "2019年法治建设专项督察" in client.get(finding.get_absolute_url()).text
