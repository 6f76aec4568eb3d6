"""The enforcement ledger's registers (fazhi.core.registers): organs, officers (ID numbers masked
unless the role may read them, full views audited), certificates, renewals, law exams, rubrics,
evaluations, case files and their problems, statistics, review lists, decisions, complaints."""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from fazhi.core.registers import Register
from fazhi.enforcement import forms, services
from fazhi.enforcement import models as m
from fazhi.timelimits.selectors import deadlines_for


def _officer_related(officer, request):
    return {
        "certificates": CERTIFICATES.selector(request.user).filter(officer=officer),
        "exams": officer.exams.select_related("sitting").order_by("-sitting__held_on"),
        "caseloads": officer.caseloads.order_by("-year"),
        "case_files": CASE_FILES.selector(request.user).filter(officers=officer),
    }


def _certificate_related(certificate, request):
    from fazhi.enforcement.forms import CertificateReviewForm
    from fazhi.timelimits.selectors import today

    return {
        "reviews": certificate.reviews.order_by("-year"),
        "review_form": CertificateReviewForm(
            initial={"year": today().year, "reviewed_on": today()}
        ),
        "can_review": request.user.has_perm("enforcement.change_certificate"),
    }


def _rubric_related(rubric, request):
    from fazhi.enforcement.forms import RubricCopyForm, RubricItemForm

    items = list(rubric.items.order_by("position", "pk"))
    return {
        "items": items,
        "total": sum((i.points for i in items if i.parent_id), 0),
        "in_use": services.rubric_in_use(rubric),
        "item_form": RubricItemForm(),
        "copy_form": RubricCopyForm(),
        "can_change": request.user.has_perm("enforcement.change_rubric"),
    }


def _campaign_related(campaign, request):
    files = CASE_FILES.selector(request.user).filter(campaign=campaign)
    grades = [name for name, _low in services.grade_scale(campaign.grades)]
    counts = dict(files.values_list("grade").annotate(n=Count("pk")).values_list("grade", "n"))
    organs = (
        files.values("organ", "organ__unit__name")
        .annotate(n=Count("pk"), scored=Count("pk", filter=Q(score__isnull=False)))
        .order_by("organ__unit__path")
    )
    return {
        "case_files": files.order_by("organ__unit__path", "case_number"),
        "grade_counts": [(g, counts.get(g, 0)) for g in grades],
        "organs": organs,
        "evaluators": campaign.evaluators.order_by("username"),
        "can_score": services.may_score(request.user, campaign),
    }


def _case_file_related(case_file, request):
    from fazhi.enforcement.workflow import CASE_FILE

    return {
        "officers": case_file.officers.select_related("unit"),
        "deductions": case_file.deductions.select_related("item", "evaluator"),
        "problems": PROBLEMS.selector(request.user).filter(case_file=case_file),
        "steps": CASE_FILE.offered(request, case_file),
        "can_score": services.may_score(request.user, case_file.campaign)
        and not case_file.submitted_onward,
    }


def _problem_related(problem, request):
    from fazhi.enforcement.workflow import PROBLEM

    return {"deadlines": deadlines_for(problem), "steps": PROBLEM.offered(request, problem)}


def _decision_related(decision, request):
    return {"deadlines": deadlines_for(decision)}


def _complaint_related(complaint, request):
    """The complainant's contact only to those who handle complaints, each view on the audit
    trail."""
    from fazhi.core.audit import log_personal_data_viewed
    from fazhi.enforcement.workflow import COMPLAINT

    contact = ""
    if complaint.contact and request.user.has_perm("enforcement.handle_complaint"):
        contact = complaint.contact
        log_personal_data_viewed(
            request.user,
            m.Complaint,
            [(complaint.pk, str(complaint))],
            what=_("the complainant's contact"),
            via=_("record page"),
        )
    from fazhi.timelimits.models import Extension

    return {
        "deadlines": deadlines_for(complaint),
        "steps": COMPLAINT.offered(request, complaint),
        "contact": contact,
        "extensions": Extension.objects.filter(deadline__in=deadlines_for(complaint)).order_by(
            "approved_on", "pk"
        ),
    }


def _renewal_related(batch, request):
    return {"certificates": CERTIFICATES.selector(request.user).filter(renewal=batch)[:500]}


def _exam_related(sitting, request):
    from fazhi.enforcement.forms import ExamResultForm

    candidates = m.ExamCandidate.objects.visible_to(request.user).filter(sitting=sitting)
    return {
        "candidates": candidates.select_related("officer__unit").order_by("-score", "pk"),
        "result_form": ExamResultForm(viewer=request.user),
        "can_record": request.user.has_perm("enforcement.change_examsitting"),
    }


ORGANS = Register(
    model=m.Organ,
    form=forms.OrganForm,
    heading=_("Enforcement organs"),
    add_label=_("Add an organ"),
    columns=("unit", "penalty", "compulsion", "inspection", "licensing"),
    search=("unit__name", "legal_basis"),
    date_field="created_at",
    year_filter=False,
    save=services.organ_save,
    select_related=("unit",),
    ordering=("unit__path",),
)
OFFICERS = Register(
    model=m.Officer,
    form=forms.OfficerForm,
    heading=_("Enforcement officers"),
    add_label=_("Add an officer"),
    columns=("name", "id_number", "unit", "post", "staff_status", "legal_qualification"),
    search=("name", "post"),
    date_field="created_at",
    year_filter=False,
    filters=("staff_status",),
    save=services.officer_save,
    select_related=("unit",),
    ordering=("unit__path", "name", "pk"),
    id_fields=("id_number",),
    id_permission="enforcement.view_id_numbers",
    ledger="enforcement.officers",
    related=_officer_related,
    extra_template="enforcement/_officer_extra.html",
)
CERTIFICATES = Register(
    model=m.Certificate,
    form=forms.CertificateForm,
    heading=_("Enforcement certificates"),
    add_label=_("Register a certificate"),
    columns=("number", "officer", "kind", "issued_on", "expires_on", "state"),
    labels={"state": _("status")},
    search=("number", "officer__name", "issued_by"),
    date_field="issued_on",
    filters=("kind", "status"),
    save=services.certificate_save,
    select_related=("officer__unit",),
    related=_certificate_related,
    extra_template="enforcement/_certificate_extra.html",
)
RENEWALS = Register(
    model=m.RenewalBatch,
    form=forms.RenewalForm,
    heading=_("Certificate renewals"),
    add_label=_("Add a renewal"),
    columns=("title", "renewed_on"),
    search=("title",),
    date_field="renewed_on",
    save=services.renewal_save,
    related=_renewal_related,
    extra_template="enforcement/_renewal_extra.html",
)
EXAMS = Register(
    model=m.ExamSitting,
    form=forms.ExamSittingForm,
    heading=_("Law exams"),
    add_label=_("Add an exam"),
    columns=("title", "kind", "held_on", "pass_line"),
    search=("title",),
    date_field="held_on",
    filters=("kind",),
    save=services.exam_sitting_save,
    related=_exam_related,
    extra_template="enforcement/_exam_extra.html",
)
RUBRICS = Register(
    model=m.Rubric,
    form=forms.RubricForm,
    heading=_("Scoring rubrics"),
    add_label=_("Add a rubric"),
    columns=("title", "kind", "edition", "adopted_on"),
    search=("title", "edition"),
    date_field="adopted_on",
    filters=("kind",),
    save=services.rubric_save,
    related=_rubric_related,
    extra_template="enforcement/_rubric_extra.html",
)
CAMPAIGNS = Register(
    model=m.Campaign,
    form=forms.CampaignForm,
    heading=_("Case-file evaluations"),
    add_label=_("Start an evaluation"),
    columns=("title", "started_on", "ended_on", "files_per_organ"),
    search=("title", "scope"),
    date_field="started_on",
    save=services.campaign_save,
    related=_campaign_related,
    detail_template="enforcement/campaign_detail.html",
    extra_template="enforcement/_campaign_extra.html",
    detail_fields=(
        "title",
        "unit",
        "started_on",
        "ended_on",
        "scope",
        "files_per_organ",
        "rubrics",
        "grades",
        "rectify_days",
        "notice_number",
        "notice_issued_on",
    ),
)
CASE_FILES = Register(
    model=m.CaseFile,
    form=forms.CaseFileForm,
    heading=_("Evaluated case files"),
    add_label=_("Draw a case file"),
    columns=("case_number", "title", "organ", "kind", "score", "grade", "submitted_onward"),
    search=("case_number", "title", "organ__unit__name"),
    date_field="decided_on",
    filters=("kind", "certificate_shortfall", "submitted_onward"),
    save=services.case_file_save,
    related=_case_file_related,
    detail_template="enforcement/casefile_detail.html",
    extra_template="enforcement/_casefile_extra.html",
    select_related=("organ__unit", "campaign"),
    ordering=("-campaign__started_on", "organ__unit__path", "case_number"),
    ledger="enforcement.case_file_scores",
    detail_fields=(
        "campaign",
        "organ",
        "case_number",
        "title",
        "kind",
        "decided_on",
        "rubric",
        "certificate_shortfall",
        "score",
        "grade",
        "scored_on",
        "submitted_onward",
        "submitted_on",
    ),
)
PROBLEMS = Register(
    model=m.Problem,
    form=forms.ProblemForm,
    heading=_("Case-file problems"),
    add_label=_("Record a problem"),
    columns=("description", "case_file", "due_on", "status", "reported_on"),
    search=("description", "case_file__case_number"),
    date_field="found_on",
    filters=("status",),
    save=services.problem_save,
    related=_problem_related,
    select_related=("case_file__organ__unit",),
    clocks=True,
    detail_fields=(
        "case_file",
        "description",
        "found_on",
        "due_on",
        "status",
        "rectification",
        "reported_on",
        "accepted_on",
        "returned_reason",
    ),
)
STATISTICS = Register(
    model=m.EnforcementReturn,
    form=forms.StatisticsForm,
    heading=_("Enforcement statistics"),
    add_label=_("Enter an organ's statistics"),
    columns=(
        "organ",
        "year",
        "penalty_cases",
        "penalty_amount",
        "compulsion_cases",
        "inspections",
        "licensing_cases",
    ),
    search=("organ__unit__name",),
    date_field="year",
    year_is_number=True,
    save=services.return_save,
    select_related=("organ__unit",),
    ordering=("-year", "organ__unit__path"),
    ledger="enforcement.statistics",
)
REVIEW_LISTS = Register(
    model=m.ReviewListEntry,
    form=forms.ReviewListForm,
    heading=_("Legality review lists"),
    add_label=_("Add a matter"),
    columns=("matter", "organ", "ground", "listed_on"),
    search=("matter", "organ__unit__name", "basis"),
    date_field="listed_on",
    year_filter=False,
    filters=("ground",),
    save=services.review_list_save,
    select_related=("organ__unit",),
    ordering=("organ__unit__path", "pk"),
)
DECISIONS = Register(
    model=m.Decision,
    form=forms.DecisionForm,
    heading=_("Enforcement decisions"),
    add_label=_("Record a decision"),
    columns=("number", "organ", "kind", "decided_on", "published_on", "review_ground"),
    search=("number", "subject", "organ__unit__name"),
    date_field="decided_on",
    filters=("kind", "review_ground"),
    save=services.decision_save,
    related=_decision_related,
    select_related=("organ__unit",),
    clocks=True,
)
COMPLAINTS = Register(
    model=m.Complaint,
    form=forms.ComplaintForm,
    heading=_("Supervision complaints"),
    add_label=_("Register a complaint"),
    columns=("subject", "organ", "received_on", "status", "outcome"),
    search=("subject", "complainant", "content"),
    date_field="received_on",
    filters=("status", "channel", "outcome"),
    save=services.complaint_save,
    related=_complaint_related,
    detail_template="enforcement/complaint_detail.html",
    extra_template="enforcement/_complaint_extra.html",
    select_related=("organ__unit",),
    clocks=True,
    detail_fields=(
        "unit",
        "received_on",
        "channel",
        "complainant",
        "organ",
        "subject",
        "content",
        "status",
        "accepted_on",
        "concluded_on",
        "outcome",
        "outcome_text",
        "notice_number",
        "notice_issued_on",
    ),
)

ALL = [
    ("organs/", ORGANS),
    ("officers/", OFFICERS),
    ("certificates/", CERTIFICATES),
    ("renewals/", RENEWALS),
    ("exams/", EXAMS),
    ("rubrics/", RUBRICS),
    ("evaluations/", CAMPAIGNS),
    ("case-files/", CASE_FILES),
    ("problems/", PROBLEMS),
    ("statistics/", STATISTICS),
    ("review-lists/", REVIEW_LISTS),
    ("decisions/", DECISIONS),
    ("complaints/", COMPLAINTS),
]
