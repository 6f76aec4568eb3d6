"""The 依法治区 ledger's registers: each kind of record with its list, page and form
(fazhi.core.registers). Tasks and findings add their steps and clocks on their pages."""

from django.utils.translation import gettext_lazy as _

from fazhi.core.registers import Register
from fazhi.governance import forms, services
from fazhi.governance import models as m
from fazhi.timelimits.selectors import deadlines_for


def _body_related(body, request):
    from fazhi.governance.forms import BodyMemberForm

    meetings = MEETINGS.selector(request.user).filter(body=body).order_by("-held_on")
    return {
        "member_form": BodyMemberForm(viewer=request.user),
        "can_change": request.user.has_perm("governance.change_body"),
        "members": body.members.select_related("member_unit"),
        "meetings": meetings[:20] if request.user.has_perm("governance.view_meeting") else [],
    }


def _meeting_related(meeting, request):
    return {
        "tasks": TASKS.selector(request.user).filter(meeting=meeting).order_by("number", "pk"),
        "can_assign": request.user.has_perm("governance.add_task"),
    }


def _workplan_related(plan, request):
    return {"tasks": TASKS.selector(request.user).filter(plan=plan).order_by("number", "pk")}


def _task_related(task, request):
    from fazhi.governance.workflow import TASK

    return {
        "progress": task.progress.all(),
        "deadlines": deadlines_for(task),
        "steps": TASK.offered(request, task),
    }


def _inspection_related(inspection, request):
    return {
        "findings": FINDINGS.selector(request.user).filter(inspection=inspection),
        "notices": (
            NOTICES.selector(request.user).filter(inspection=inspection)
            if request.user.has_perm("governance.view_notice")
            else []
        ),
    }


def _finding_related(finding, request):
    from fazhi.governance.workflow import FINDING

    return {"deadlines": deadlines_for(finding), "steps": FINDING.offered(request, finding)}


def _notice_related(notice, request):
    return {"mentions": notice.mentions.select_related("named_unit")}


def _scheme_related(scheme, request):
    from fazhi.governance.forms import AssessmentItemForm

    results = ASSESSMENT_RESULTS_FOR(request.user).filter(scheme=scheme).select_related("unit")
    return {
        "items": scheme.items.all(),
        "results": results.order_by("rank", "unit__path"),
        "item_form": AssessmentItemForm(),
        "can_score": request.user.has_perm("governance.change_assessmentscheme"),
    }


def ASSESSMENT_RESULTS_FOR(viewer):  # noqa: N802 - read like the registers
    return m.AssessmentResult.objects.visible_to(viewer)


def _village_related(village, request):
    from fazhi.governance.workflow import VILLAGE

    return {"steps": VILLAGE.offered(request, village)}


def _application_related(application, request):
    work = {w.indicator_id: w for w in application.indicator_work.prefetch_related("lead_units")}
    indicators = application.edition.indicators.all() if application.edition_id else []
    return {
        "participants": application.participants.select_related("participant"),
        "indicators": [(indicator, work.get(indicator.pk)) for indicator in indicators],
        "can_change": request.user.has_perm("governance.change_demonstrationapplication"),
    }


BODIES = Register(
    model=m.Body,
    form=forms.BodyForm,
    heading=_("Committee, office and groups"),
    add_label=_("Add a body"),
    columns=("name", "kind", "established_on", "dissolved_on"),
    search=("name",),
    date_field="established_on",
    filters=("kind",),
    save=services.body_save,
    related=_body_related,
    extra_template="governance/_body_extra.html",
)
MEETINGS = Register(
    model=m.Meeting,
    form=forms.MeetingForm,
    heading=_("Meetings"),
    add_label=_("Record a meeting"),
    columns=("title", "kind", "body", "held_on"),
    search=("title", "topics", "decisions"),
    date_field="held_on",
    filters=("kind",),
    save=services.meeting_save,
    select_related=("body",),
    related=_meeting_related,
    extra_template="governance/_meeting_extra.html",
)
WORKPLANS = Register(
    model=m.WorkPlan,
    form=forms.WorkPlanForm,
    heading=_("Work points"),
    add_label=_("Add the year's work points"),
    columns=("title", "year", "document_number", "issued_on"),
    search=("title", "document_number"),
    date_field="issued_on",
    save=services.workplan_save,
    related=_workplan_related,
    detail_template="governance/workplan_detail.html",
    extra_template="governance/_workplan_extra.html",
)
TASKS = Register(
    model=m.Task,
    form=forms.TaskForm,
    heading=_("Task ledger"),
    add_label=_("Assign a task"),
    columns=("title", "lead_unit", "due_on", "status", "percent", "completed_on"),
    search=("title", "number", "leader"),
    date_field="due_on",
    filters=("status",),
    save=services.task_save,
    ledger="governance.tasks",
    related=_task_related,
    extra_template="governance/_task_extra.html",
    select_related=("lead_unit",),
    detail_fields=(
        "plan",
        "meeting",
        "number",
        "title",
        "lead_unit",
        "co_units",
        "leader",
        "assigned_on",
        "due_on",
        "status",
        "percent",
        "completed_on",
        "confirmed_on",
    ),
    clocks=True,
)
INSPECTIONS = Register(
    model=m.Inspection,
    form=forms.InspectionForm,
    heading=_("Inspections"),
    add_label=_("Register an inspection"),
    columns=("title", "kind", "started_on", "ended_on"),
    search=("title", "document_number"),
    date_field="started_on",
    filters=("kind",),
    save=services.inspection_save,
    related=_inspection_related,
    detail_template="governance/inspection_detail.html",
    extra_template="governance/_inspection_extra.html",
)
FINDINGS = Register(
    model=m.Finding,
    form=forms.FindingForm,
    heading=_("Inspection findings"),
    add_label=_("Record a finding"),
    columns=("problem", "unit", "due_on", "status", "reported_on"),
    search=("problem", "basis"),
    date_field="found_on",
    filters=("status",),
    save=services.finding_save,
    ledger="governance.findings",
    related=_finding_related,
    detail_template="governance/finding_detail.html",
    select_related=("unit", "inspection"),
    detail_fields=(
        "inspection",
        "unit",
        "problem",
        "basis",
        "found_on",
        "due_on",
        "status",
        "rectification",
        "evidence",
        "reported_on",
        "accepted_on",
        "returned_reason",
        "notice_number",
    ),
    clocks=True,
)
NOTICES = Register(
    model=m.Notice,
    form=forms.NoticeForm,
    heading=_("Notices"),
    add_label=_("Record a notice"),
    columns=("title", "tone", "document_number", "issued_on"),
    search=("title", "document_number"),
    date_field="issued_on",
    filters=("tone",),
    save=services.notice_save,
    related=_notice_related,
    extra_template="governance/_notice_extra.html",
)
HONOURS = Register(
    model=m.Honour,
    form=forms.HonourForm,
    heading=_("Honours"),
    add_label=_("Record an honour"),
    columns=("honoured", "title", "level", "conferred_by", "conferred_on"),
    search=("honoured", "title", "conferred_by", "document_number"),
    date_field="conferred_on",
    filters=("level",),
    save=services.honour_save,
    ledger="governance.honours",
)
INNOVATION = Register(
    model=m.InnovationEntry,
    form=forms.InnovationEntryForm,
    heading=_("Innovation contest"),
    add_label=_("Record an entry"),
    columns=("title", "unit", "result", "page_views", "likes"),
    search=("title", "contest"),
    date_field="awarded_on",
    filters=("result",),
    save=services.innovation_entry_save,
    select_related=("unit",),
)
MEDIA = Register(
    model=m.MediaReport,
    form=forms.MediaReportForm,
    heading=_("Media reports"),
    add_label=_("Record a media report"),
    columns=("headline", "outlet", "subject", "published_on"),
    search=("headline", "outlet"),
    date_field="published_on",
    filters=("subject",),
    save=services.media_report_save,
)
RESEARCH = Register(
    model=m.ResearchTopic,
    form=forms.ResearchTopicForm,
    heading=_("Research topics"),
    add_label=_("Add a research topic"),
    columns=("title", "unit", "started_on", "finished_on"),
    search=("title", "result"),
    date_field="started_on",
    save=services.research_topic_save,
    select_related=("unit",),
)
TOPIC_REPORTS = Register(
    model=m.TopicReport,
    form=forms.TopicReportForm,
    heading=_("Reports to the party secretary"),
    add_label=_("Record a report"),
    columns=("title", "kind", "recipient", "reported_on"),
    search=("title", "recipient", "instruction"),
    date_field="reported_on",
    filters=("kind",),
    save=services.topic_report_save,
)
DEMONSTRATION = Register(
    model=m.DemonstrationApplication,
    form=forms.DemonstrationForm,
    heading=_("Demonstration creation"),
    add_label=_("Add an application"),
    columns=("title", "kind", "status", "started_on", "submitted_on"),
    search=("title",),
    date_field="started_on",
    filters=("kind", "status"),
    save=services.demonstration_save,
    related=_application_related,
    extra_template="governance/_demonstration_extra.html",
)

ASSESSMENTS = Register(
    model=m.AssessmentScheme,
    form=forms.AssessmentSchemeForm,
    heading=_("Rule-of-law assessment"),
    add_label=_("Add the year's assessment"),
    columns=("title", "year", "pass_line", "city_score"),
    search=("title", "document_number"),
    date_field="year",
    save=services.assessment_scheme_save,
    related=_scheme_related,
    extra_template="governance/_scheme_extra.html",
    year_is_number=True,
)
LEADER_DUTIES = Register(
    model=m.LeaderDuty,
    form=forms.LeaderDutyForm,
    heading=_("Principal leaders' duties"),
    add_label=_("Record a leader's duties"),
    columns=(
        "unit",
        "year",
        "leader_name",
        "study_sessions",
        "agenda_items",
        "report_form",
        "evaluation_score",
    ),
    search=("leader_name", "unit__name"),
    date_field="year",
    filters=("report_form",),
    save=services.leader_duty_save,
    select_related=("unit",),
    year_is_number=True,
    ordering=("-year", "unit__path"),
)
UNIT_REPORTS = Register(
    model=m.UnitReport,
    form=forms.UnitReportForm,
    heading=_("Units' annual reports"),
    add_label=_("Track a unit's report"),
    columns=("unit", "year", "sending", "sent_on", "published_on", "has_required_parts"),
    labels={"sending": _("sent")},
    ordering=("-year", "unit__path"),
    search=("unit__name", "published_at"),
    date_field="year",
    save=services.unit_report_save,
    select_related=("unit",),
    year_is_number=True,
    list_template="governance/unitreport_list.html",
)
VILLAGES = Register(
    model=m.ModelVillage,
    form=forms.ModelVillageForm,
    heading=_("Model villages"),
    add_label=_("Record a model village"),
    columns=("name", "unit", "level", "named_on", "status", "recheck_due_on"),
    search=("name", "named_by"),
    date_field="named_on",
    filters=("level", "status"),
    save=services.model_village_save,
    related=_village_related,
    select_related=("unit",),
    labels={"recheck_due_on": _("re-check due")},
    detail_fields=(
        "name",
        "unit",
        "level",
        "named_on",
        "named_by",
        "status",
        "last_checked_on",
        "recheck_due_on",
        "evidence",
    ),
)

ALL = [
    ("bodies/", BODIES),
    ("meetings/", MEETINGS),
    ("workplans/", WORKPLANS),
    ("tasks/", TASKS),
    ("inspections/", INSPECTIONS),
    ("findings/", FINDINGS),
    ("notices/", NOTICES),
    ("honours/", HONOURS),
    ("innovation/", INNOVATION),
    ("media/", MEDIA),
    ("research/", RESEARCH),
    ("reports/", TOPIC_REPORTS),
    ("demonstration/", DEMONSTRATION),
    ("assessments/", ASSESSMENTS),
    ("leaders/", LEADER_DUTIES),
    ("unit-reports/", UNIT_REPORTS),
    ("villages/", VILLAGES),
]
