"""Writes of the 依法治区 ledger. Every write is one transaction, checks the version the user
saw (`lock_for_edit`) and the rules, and leaves an audit entry (auditlog)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from fazhi.core.rectification import (
    rectification_accept,
    rectification_report,
    rectification_return,
)
from fazhi.core.registers import save_record
from fazhi.core.services import lock_for_edit, not_in_future
from fazhi.core.versioning import StaleEdit
from fazhi.governance.models import (
    AssessmentDeduction,
    AssessmentItem,
    AssessmentResult,
    AssessmentScheme,
    Body,
    BodyMember,
    DemonstrationApplication,
    DemonstrationParticipant,
    Finding,
    Honour,
    IndicatorWork,
    InnovationEntry,
    Inspection,
    LeaderDuty,
    MediaReport,
    Meeting,
    ModelVillage,
    Notice,
    NoticeMention,
    ResearchTopic,
    Task,
    TaskProgress,
    TopicReport,
    UnitReport,
    WorkPlan,
    points_text,
)
from fazhi.inbox.models import Message
from fazhi.inbox.services import notify, users_with_perm_over
from fazhi.org.models import Unit
from fazhi.org.scope import acts_for
from fazhi.timelimits import services as deadlines

TASK_CLOCK = "governance.task"
RECTIFICATION_CLOCK = "governance.rectification"
REPORTER = {"task": "governance.report_task", "finding": "governance.rectify_finding"}
CONFIRMER = {"task": "governance.confirm_task", "finding": "governance.accept_finding"}


def office_of(record):
    """The unit that assigned the work: the work points' or the meeting's issuer for a task,
    the organiser for a finding's inspection (None: any office that may confirm)."""
    if isinstance(record, Finding):
        return record.inspection.unit
    if record.plan_id:
        return record.plan.unit
    return record.meeting.body.unit if record.meeting_id else None


def _tell_unit(record, kind, title, user):
    """Those who report for the record's unit (its liaison, its township staff)."""
    unit = record.lead_unit if isinstance(record, Task) else record.unit
    perm = REPORTER["task" if isinstance(record, Task) else "finding"]
    recipients = [u for u in users_with_perm_over(perm, unit) if u != user and acts_for(u, unit)]
    notify(recipients, kind=kind, title=title, url=record.get_absolute_url())


def _tell_office(record, kind, title, user):
    """Those of the assigning office who confirm or accept."""
    unit = record.lead_unit if isinstance(record, Task) else record.unit
    perm = CONFIRMER["task" if isinstance(record, Task) else "finding"]
    office = office_of(record)
    recipients = [
        u
        for u in users_with_perm_over(perm, unit)
        if u != user and (office is None or u.unit_id == office.pk)
    ]
    notify(recipients, kind=kind, title=title, url=record.get_absolute_url())


CLOCK_LABELS = {
    TASK_CLOCK: _("Task due: %(what)s"),
    RECTIFICATION_CLOCK: _("Rectification due: %(what)s"),
}


def _keep_deadline(record, code, start, due, unit, user) -> bool:
    """Open the record's clock with the deadline it was given, or move the one it has to the
    record's deadline and unit; True when the clock is new (the work was just assigned)."""
    clock = deadlines.clock_of(record, code)
    if clock is not None:
        clock.unit, clock.start_date = unit, start
        deadlines.deadline_set_due(deadline=clock, due_on=due, user=user)
        return False
    what = one_line(record.title if isinstance(record, Task) else record.problem, 40)
    deadlines.deadline_open(
        record=record,
        rule_code=code,
        start=start,
        due_on=due,
        unit=unit,
        label=str(CLOCK_LABELS[code]) % {"what": what},
        user=user,
    )
    return True


def one_line(text: str, length: int) -> str:
    """The start of a text for a label or a message title: one line."""
    return " ".join(text.split())[:length]


def check_year(year, field: str) -> None:
    """A year of records: from 2000 to next year (a plan drawn up in December)."""
    from fazhi.timelimits.selectors import today

    last = today().year + 1
    if year is not None and not 2000 <= year <= last:
        raise ValidationError({field: _("Give a year from 2000 to %(last)d.") % {"last": last}})


def _not_before(later, earlier, field: str, message: str) -> None:
    if later and earlier and later < earlier:
        raise ValidationError({field: message})


# --- bodies and meetings ----------------------------------------------------------------------


@transaction.atomic
def body_save(*, user, instance=None, version=None, **data) -> Body:
    not_in_future(data["established_on"], "established_on")
    _not_before(
        data.get("dissolved_on"),
        data["established_on"],
        "dissolved_on",
        _("A body cannot be dissolved before it was established."),
    )
    return save_record(Body, instance=instance, version=version, user=user, fields=data)


@transaction.atomic
def body_member_add(*, body: Body, member_unit, post: str, user=None) -> BodyMember:
    member = BodyMember(body=body, member_unit=member_unit, post=post)
    member.full_clean()
    member.save()
    return member


@transaction.atomic
def meeting_save(*, user, instance=None, version=None, **data) -> Meeting:
    not_in_future(data["held_on"], "held_on")
    body = data["body"]
    if data["held_on"] < body.established_on:
        raise ValidationError(
            {"held_on": _("The meeting cannot precede the body's establishment.")}
        )
    data["kind"] = Meeting.KIND_OF_BODY[body.kind]
    return save_record(Meeting, instance=instance, version=version, user=user, fields=data)


# --- work points and tasks ------------------------------------------------------------------


@transaction.atomic
def workplan_save(*, user, instance=None, version=None, **data) -> WorkPlan:
    check_year(data["year"], "year")
    not_in_future(data["issued_on"], "issued_on")
    return save_record(WorkPlan, instance=instance, version=version, user=user, fields=data)


@transaction.atomic
def task_save(*, user, instance=None, version=None, co_units=(), **data) -> Task:
    """Assign a task (its deadline starts a clock on the lead unit's 工作台) or change it (a
    moved deadline moves the clock)."""
    not_in_future(data["assigned_on"], "assigned_on")
    _not_before(
        data["due_on"],
        data["assigned_on"],
        "due_on",
        _("The deadline cannot be earlier than the day the task was assigned."),
    )
    if data["lead_unit"] in co_units:
        raise ValidationError({"co_units": _("The lead unit is not also a co-operating unit.")})
    moved = instance is not None and instance.lead_unit_id != data["lead_unit"].pk
    if moved and instance.status not in Task.OPEN:
        raise ValidationError({"lead_unit": _("A task reported done keeps its lead unit.")})
    task = save_record(
        Task,
        instance=instance,
        version=version,
        user=user,
        fields=data,
        many={"co_units": co_units},
    )
    new_unit = instance is not None and instance.lead_unit_id != task.lead_unit_id
    started = _keep_deadline(task, TASK_CLOCK, task.assigned_on, task.due_on, task.lead_unit, user)
    if started or new_unit:
        _tell_unit(
            task,
            Message.Kind.ASSIGNED,
            f"交办任务：{task.title}（{task.due_on:%Y-%m-%d}前完成）",
            user,
        )
    return task


@transaction.atomic
def task_report_progress(
    *, task: Task, version, on: date, text: str, percent: int, attachment=None, user=None
) -> Task:
    """The lead unit reports progress; at 100 % the task is reported done, its clock stops and
    the office is asked to confirm."""
    stored = lock_for_edit(Task, task.pk, version)
    if stored.status not in Task.OPEN:
        raise ValidationError(_("Progress is reported on a task still in progress."))
    not_in_future(on, "on")
    _not_before(on, stored.assigned_on, "on", _("The report cannot precede the assignment."))
    if percent < stored.percent and stored.status != Task.Status.RETURNED:
        raise ValidationError(
            {
                "percent": _("Progress cannot go back below %(percent)d%%.")
                % {"percent": stored.percent}
            }
        )
    TaskProgress.objects.create(
        task=stored,
        reported_on=on,
        text=text,
        percent=percent,
        attachment=attachment or "",
        reported_by=user,
    )
    stored.percent = percent
    if percent == 100:
        stored.status, stored.completed_on = Task.Status.REPORTED, on
        deadlines.clocks_complete(stored, on=on, user=user, codes=[TASK_CLOCK])
        _tell_office(
            stored,
            Message.Kind.TO_REVIEW,
            f"任务报告完成，待确认：{stored.title}（{stored.lead_unit.name}）",
            user,
        )
    stored.save()
    return stored


@transaction.atomic
def task_confirm(*, task: Task, version, on: date, user=None) -> Task:
    stored = lock_for_edit(Task, task.pk, version)
    if stored.status != Task.Status.REPORTED:
        raise ValidationError(_("Only a task reported done can be confirmed."))
    not_in_future(on, "on")
    _not_before(on, stored.completed_on, "on", _("Confirmation cannot precede the report."))
    stored.status, stored.confirmed_on = Task.Status.DONE, on
    stored.save()
    return stored


@transaction.atomic
def task_return(*, task: Task, version, reason: str, user=None) -> Task:
    """The office finds the task not done: it goes back to the lead unit and its clock runs
    again (a deadline passed meanwhile shows as overdue)."""
    stored = lock_for_edit(Task, task.pk, version)
    if stored.status != Task.Status.REPORTED:
        raise ValidationError(_("Only a task reported done can be returned."))
    TaskProgress.objects.create(
        task=stored,
        reported_on=stored.completed_on,
        text=_("Returned by the office: %(reason)s") % {"reason": reason},
        percent=stored.percent,
        reported_by=user,
    )
    stored.status, stored.completed_on = Task.Status.RETURNED, None
    stored.save()
    for clock in deadlines.deadlines_for(stored).filter(rule__code=TASK_CLOCK):
        deadlines.deadline_reopen(deadline=clock, user=user)
    _tell_unit(
        stored, Message.Kind.RETURNED, f"任务被退回：{stored.title}（{one_line(reason, 60)}）", user
    )
    return stored


# --- inspections, findings and rectification ------------------------------------------------


@transaction.atomic
def inspection_save(*, user, instance=None, version=None, inspected_units=(), **data):
    not_in_future(data["started_on"], "started_on")
    _not_before(
        data["ended_on"], data["started_on"], "ended_on", _("The inspection ends before it starts.")
    )
    return save_record(
        Inspection,
        instance=instance,
        version=version,
        user=user,
        fields=data,
        many={"inspected_units": inspected_units},
    )


@transaction.atomic
def finding_save(*, user, instance=None, version=None, **data) -> Finding:
    """A problem found in a unit, with the day it must be rectified by (a clock on that unit's
    工作台); changing the day moves the clock."""
    inspection = data["inspection"]
    if not inspection.inspected_units.filter(pk=data["unit"].pk).exists():
        raise ValidationError({"unit": _("This unit is not among the units inspected.")})
    not_in_future(data["found_on"], "found_on")
    _not_before(
        data["found_on"],
        inspection.started_on,
        "found_on",
        _("A problem cannot be found before the inspection started."),
    )
    _not_before(
        data["due_on"],
        data["found_on"],
        "due_on",
        _("The rectification deadline is before the day it was found."),
    )
    if instance is not None and instance.status != Finding.Status.OPEN:
        raise ValidationError(_("A finding whose rectification was reported is no longer edited."))
    finding = save_record(Finding, instance=instance, version=version, user=user, fields=data)
    new_unit = instance is not None and instance.unit_id != finding.unit_id
    started = _keep_deadline(
        finding, RECTIFICATION_CLOCK, finding.found_on, finding.due_on, finding.unit, user
    )
    if started or new_unit:
        problem = one_line(finding.problem, 40)
        _tell_unit(
            finding,
            Message.Kind.ASSIGNED,
            f"督察发现问题，请于{finding.due_on:%Y-%m-%d}前整改：{problem}",
            user,
        )
    return finding


@transaction.atomic
def finding_report(
    *, finding: Finding, version, on: date, rectification: str, evidence=None, user=None
) -> Finding:
    """The inspected unit reports what it rectified, with evidence: its clock stops."""
    stored = rectification_report(
        finding,
        version=version,
        on=on,
        rectification=rectification,
        clock=RECTIFICATION_CLOCK,
        user=user,
        evidence=evidence,
    )
    _tell_office(
        stored,
        Message.Kind.TO_REVIEW,
        f"整改情况待验收：{stored.unit.name}（{one_line(stored.problem, 30)}）",
        user,
    )
    return stored


@transaction.atomic
def finding_accept(*, finding: Finding, version, on: date, user=None) -> Finding:
    return rectification_accept(finding, version=version, on=on, user=user)


@transaction.atomic
def finding_return(*, finding: Finding, version, reason: str, user=None) -> Finding:
    """The rectification is not enough: back to the unit, whose clock runs again."""
    stored = rectification_return(
        finding, version=version, reason=reason, clock=RECTIFICATION_CLOCK, user=user
    )
    _tell_unit(
        stored,
        Message.Kind.RETURNED,
        f"整改被退回：{one_line(stored.problem, 30)}（{one_line(reason, 60)}）",
        user,
    )
    return stored


# --- notices, honours, the contest, research, reports, demonstration ------------------------


@transaction.atomic
def notice_save(*, user, instance=None, version=None, named_units=(), **data) -> Notice:
    not_in_future(data["issued_on"], "issued_on")
    if not named_units:
        raise ValidationError({"named_units": _("Name at least one unit.")})
    notice = save_record(Notice, instance=instance, version=version, user=user, fields=data)
    named = {u.pk for u in named_units}
    for gone in notice.mentions.exclude(named_unit__in=named):
        gone.delete()  # one by one: each on the audit trail
    kept = set(notice.mentions.values_list("named_unit", flat=True))
    for pk in sorted(named - kept):
        NoticeMention.objects.create(notice=notice, named_unit_id=pk)
    return notice


@transaction.atomic
def honour_save(*, user, instance=None, version=None, **data) -> Honour:
    not_in_future(data["conferred_on"], "conferred_on")
    return save_record(Honour, instance=instance, version=version, user=user, fields=data)


@transaction.atomic
def innovation_entry_save(*, user, instance=None, version=None, **data) -> InnovationEntry:
    not_in_future(data["awarded_on"], "awarded_on")
    return save_record(InnovationEntry, instance=instance, version=version, user=user, fields=data)


@transaction.atomic
def media_report_save(*, user, instance=None, version=None, **data) -> MediaReport:
    not_in_future(data["published_on"], "published_on")
    return save_record(MediaReport, instance=instance, version=version, user=user, fields=data)


@transaction.atomic
def research_topic_save(*, user, instance=None, version=None, **data) -> ResearchTopic:
    not_in_future(data["started_on"], "started_on")
    not_in_future(data.get("finished_on"), "finished_on")
    _not_before(
        data.get("finished_on"),
        data["started_on"],
        "finished_on",
        _("It cannot end before it started."),
    )
    return save_record(ResearchTopic, instance=instance, version=version, user=user, fields=data)


@transaction.atomic
def topic_report_save(*, user, instance=None, version=None, **data) -> TopicReport:
    not_in_future(data["reported_on"], "reported_on")
    not_in_future(data.get("instructed_on"), "instructed_on")
    _not_before(
        data.get("instructed_on"),
        data["reported_on"],
        "instructed_on",
        _("Instructions cannot precede the report."),
    )
    return save_record(TopicReport, instance=instance, version=version, user=user, fields=data)


@transaction.atomic
def demonstration_save(
    *, user, instance=None, version=None, participating_units=(), **data
) -> DemonstrationApplication:
    not_in_future(data["started_on"], "started_on")
    not_in_future(data.get("submitted_on"), "submitted_on")
    _not_before(
        data.get("submitted_on"),
        data["started_on"],
        "submitted_on",
        _("It cannot be submitted before it started."),
    )
    application = save_record(
        DemonstrationApplication, instance=instance, version=version, user=user, fields=data
    )
    wanted = {u.pk for u in participating_units}
    for gone in application.participants.exclude(participant__in=wanted):
        gone.delete()
    kept = set(application.participants.values_list("participant", flat=True))
    for pk in sorted(wanted - kept):
        DemonstrationParticipant.objects.create(application=application, participant_id=pk)
    return application


# --- assessment ------------------------------------------------------------------------------


@transaction.atomic
def assessment_scheme_save(*, user, instance=None, version=None, **data) -> AssessmentScheme:
    check_year(data["year"], "year")
    if data["pass_line"] < 0 or (data.get("city_score") is not None and data["city_score"] < 0):
        raise ValidationError(_("Points cannot be negative."))
    return save_record(AssessmentScheme, instance=instance, version=version, user=user, fields=data)


@transaction.atomic
def assessment_item_add(
    *, scheme: AssessmentScheme, name: str, points, user=None
) -> AssessmentItem:
    if points <= 0:
        raise ValidationError({"points": _("An item is worth more than 0 points.")})
    if scheme.results.exists():
        raise ValidationError(_("Units were scored already: the scheme's items are fixed."))
    position = scheme.items.count() + 1
    item = AssessmentItem(scheme=scheme, name=name, points=points, position=position)
    item.full_clean()
    item.save()
    return item


def deduction_problems(scheme: AssessmentScheme, deductions: dict) -> dict:
    """What is wrong with a unit's deductions ({item pk: (points, reason)}), by item pk: the
    rule the scoring page and the ledger share."""
    problems = {}
    items = {item.pk: item for item in scheme.items.all()}
    for pk, (points, reason) in deductions.items():
        item = items.get(pk)
        if item is None:
            problems[pk] = _("This item is not part of the assessment.")
        elif points < 0 or points > item.points:
            problems[pk] = _("Deduct between 0 and %(points)s points.") % {
                "points": points_text(item.points)
            }
        elif points and not reason.strip():
            problems[pk] = _("Give the reason for the deduction.")
    return problems


@transaction.atomic
def assessment_score(
    *, scheme: AssessmentScheme, unit, deductions: dict, version=None, user=None
) -> AssessmentResult:
    """A unit's deductions per item ({item pk: (points, reason)}): its total is the scheme's
    full points less them, and every unit's rank in the scheme is brought up to date. `version`
    is the unit's result as the scorer saw it ("" or None: not scored yet); another's save in
    between is refused, never overwritten."""
    problems = deduction_problems(scheme, deductions)
    if problems:
        raise ValidationError({f"item_{pk}": message for pk, message in problems.items()})
    if not scheme.items.exists():
        raise ValidationError(_("Add the assessment's items before scoring units."))
    # The scheme's row locked: scorings of one assessment (and their ranks) one at a time.
    scheme = AssessmentScheme.objects.select_for_update().get(pk=scheme.pk)
    total = scheme.full_points - sum((points for points, _reason in deductions.values()), 0)
    stored = AssessmentResult.objects.filter(scheme=scheme, unit=unit).first()
    if stored is None:
        if version not in (None, ""):
            raise StaleEdit(str(STALE_SCORE), code="stale")  # scored and removed meanwhile
        result = AssessmentResult(scheme=scheme, unit=unit, total=total, created_by=user)
    else:
        if version in (None, ""):
            raise StaleEdit(str(STALE_SCORE), code="stale")  # someone scored it first
        result = lock_for_edit(AssessmentResult, stored.pk, version)
        result.total = total
    result.full_clean()
    result.save()
    for old in result.deductions.all():
        old.delete()  # one by one: each on the audit trail
    for pk, (points, reason) in deductions.items():
        if points:
            AssessmentDeduction.objects.create(
                result=result, item_id=pk, deducted=points, reason=reason.strip()
            )
    _rank(scheme)
    result.refresh_from_db()
    return result


STALE_SCORE = gettext_lazy(
    "This unit was scored by someone else after you opened the page. Nothing was saved: open "
    "the unit again to see its deductions."
)


def _rank(scheme: AssessmentScheme) -> None:
    """Rank by total, highest first; equal totals share a rank (1, 2, 2, 4)."""
    results = list(scheme.results.order_by("-total", "pk"))
    for n, result in enumerate(results):
        if n and result.total == results[n - 1].total:
            result.rank = results[n - 1].rank
        else:
            result.rank = n + 1
    AssessmentResult.objects.bulk_update(results, ["rank"])


# --- the principal leaders' duties, units' annual reports, model villages --------------------


@transaction.atomic
def leader_duty_save(*, user, instance=None, version=None, **data) -> LeaderDuty:
    check_year(data["year"], "year")
    reported = data.get("report_form") not in (None, "", LeaderDuty.ReportForm.NONE)
    if reported and not data.get("reported_on"):
        raise ValidationError({"reported_on": _("Give the day of the report.")})
    if not reported and (data.get("reported_on") or data.get("evaluation_score") is not None):
        raise ValidationError(
            {"report_form": _("Choose how the leader reported, or leave the day and score empty.")}
        )
    not_in_future(data.get("reported_on"), "reported_on")
    score = data.get("evaluation_score")
    if score is not None and not 0 <= score <= 100:
        raise ValidationError({"evaluation_score": _("A score lies between 0 and 100.")})
    if (
        LeaderDuty.objects.filter(unit=data["unit"], year=data["year"])
        .exclude(pk=getattr(instance, "pk", None))
        .exists()
    ):
        raise ValidationError({"year": _("This unit's record of that year exists already.")})
    return save_record(LeaderDuty, instance=instance, version=version, user=user, fields=data)


def unit_report_problems(year, sent_on, published_on) -> dict:
    problems = {}
    if sent_on and sent_on.year < year + 1:
        problems["sent_on"] = _("A year's report is sent in the following year.")
    if published_on and sent_on and published_on < sent_on:
        problems["published_on"] = _("It cannot be published before it was sent.")
    return problems


@transaction.atomic
def unit_report_save(*, user, instance=None, version=None, **data) -> UnitReport:
    check_year(data["year"], "year")
    problems = unit_report_problems(data["year"], data.get("sent_on"), data.get("published_on"))
    if problems:
        raise ValidationError(problems)
    not_in_future(data.get("sent_on"), "sent_on")
    not_in_future(data.get("published_on"), "published_on")
    if (
        UnitReport.objects.filter(unit=data["unit"], year=data["year"])
        .exclude(pk=getattr(instance, "pk", None))
        .exists()
    ):
        raise ValidationError({"year": _("This unit's report of that year is tracked already.")})
    data["due_on"] = UnitReport.due_for(data["year"])
    return save_record(UnitReport, instance=instance, version=version, user=user, fields=data)


REPORTING_UNITS = [Unit.Kind.DEPARTMENT, Unit.Kind.TOWNSHIP]


@transaction.atomic
def unit_reports_open_year(*, year: int, viewer, user=None) -> int:
    """Track the year's reports of every department and township within the viewer's scope
    (one row each, none sent yet): a unit that never reports shows as missing."""
    check_year(year, "year")
    units = (
        Unit.objects.all() if viewer is None else Unit.objects.visible_to(viewer)
    )  # None: the demo
    units = units.filter(kind__in=REPORTING_UNITS, is_active=True)
    tracked = set(UnitReport.objects.filter(year=year).values_list("unit_id", flat=True))
    created = [
        UnitReport(unit=unit, year=year, due_on=UnitReport.due_for(year), created_by=user)
        for unit in units.order_by("path")
        if unit.pk not in tracked
    ]
    for report in created:
        report.save()  # one by one: each gets its audit entry
    return len(created)


@transaction.atomic
def model_village_save(*, user, instance=None, version=None, **data) -> ModelVillage:
    not_in_future(data["named_on"], "named_on")
    return save_record(ModelVillage, instance=instance, version=version, user=user, fields=data)


@transaction.atomic
def model_village_recheck(*, village: ModelVillage, version, on: date, outcome: str, user=None):
    """The two-yearly re-check: kept (保留), revoked (撤销) or cancelled (注销)."""
    stored = lock_for_edit(ModelVillage, village.pk, version)
    if stored.status not in (ModelVillage.Status.NAMED, ModelVillage.Status.RETAINED):
        raise ValidationError(_("A revoked or cancelled village is not re-checked."))
    not_in_future(on, "on")
    _not_before(on, stored.named_on, "on", _("A re-check cannot precede the naming."))
    stored.status, stored.last_checked_on = outcome, on
    stored.full_clean()
    stored.save()
    return stored


# --- the demonstration's indicators --------------------------------------------------------


@transaction.atomic
def indicator_work_save(
    *, application, indicator, lead_units=(), self_score=None, gaps="", evidence=None, user=None
) -> IndicatorWork:
    # One writer per application at a time (two first saves of one indicator would collide).
    application = DemonstrationApplication.objects.select_for_update().get(pk=application.pk)
    if application.edition_id != indicator.edition_id:
        raise ValidationError(_("This indicator is not of the application's indicator system."))
    if self_score is not None and (
        self_score < 0 or (indicator.points is not None and self_score > indicator.points)
    ):
        raise ValidationError({"self_score": _("Score between 0 and the indicator's points.")})
    work, _created = IndicatorWork.objects.get_or_create(
        application=application, indicator=indicator
    )
    work.self_score, work.gaps = self_score, gaps
    if evidence:
        work.evidence = evidence
    work.full_clean()
    work.save()
    work.lead_units.set(lead_units)
    return work
