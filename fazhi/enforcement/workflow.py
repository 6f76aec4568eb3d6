"""The steps of a case file (submitted onward as excellent), of a problem found in it (the
organ reports its rectification, the evaluating office accepts or returns it) and of a
supervision complaint (accepted or refused, extended, concluded)."""

from django.utils.translation import gettext_lazy as _

from fazhi.core.rectification import rectification_steps
from fazhi.core.workflow import Step, Workflow, dated
from fazhi.enforcement import forms, services
from fazhi.enforcement.models import CaseFile, Complaint, Problem
from fazhi.org.scope import acts_for


def organ_staff(perm: str):
    """The organ's own staff report on its case files (or a township's justice office)."""

    def allowed(user, problem) -> bool:
        return user.has_perm(perm) and (
            user.is_superuser or acts_for(user, problem.case_file.organ.unit)
        )

    return allowed


def evaluating_office(perm: str):
    """Only the office that ran the evaluation (its staff, in its sections) accepts or returns
    a rectification."""

    def allowed(user, problem) -> bool:
        return user.has_perm(perm) and (
            user.is_superuser or services.works_in(user, problem.case_file.campaign.unit)
        )

    return allowed


def _register(name):
    def get_for_user(user, pk):
        from fazhi.enforcement import registers

        return getattr(registers, name).get_for_user(user, pk)

    return get_for_user


CASE_FILE = Workflow(
    model=CaseFile,
    record_arg="case_file",
    get_for_user=_register("CASE_FILES"),
    url_name="enforcement:casefile_step",
    list_url_name="enforcement:casefile_list",
    list_title=_("Evaluated case files"),
    steps=[
        Step(
            "submit",
            _("Submit as an excellent case file"),
            dated(_("Submitted onward on")),
            services.case_file_submit,
            "enforcement.change_casefile",
            when=lambda s: (
                s.record.score is not None
                and not s.record.submitted_onward
                and not s.record.certificate_shortfall
                and s.record.grade_rank == 0
            ),
            confirm=_("Submit this case file to the province's selection? Its score then stays."),
            done=_("Submitted as an excellent case file."),
        ),
    ],
)

NOT_OWN_ORGAN = _("Only the organ's own staff report on its case files.")
NOT_THE_OFFICE = _("Only the office that ran the evaluation accepts or returns it.")

PROBLEM = Workflow(
    model=Problem,
    record_arg="problem",
    get_for_user=_register("PROBLEMS"),
    url_name="enforcement:problem_step",
    list_url_name="enforcement:problem_list",
    list_title=_("Case-file problems"),
    steps=rectification_steps(
        report=services.problem_report,
        accept=services.problem_accept,
        send_back=services.problem_return,
        report_form=forms.RectificationForm,
        send_back_form=forms.SendBackForm,
        reporter=organ_staff("enforcement.rectify_problem"),
        office=evaluating_office("enforcement.accept_problem"),
        not_reporter=NOT_OWN_ORGAN,
        not_office=NOT_THE_OFFICE,
        sent_back=_("Returned to the organ."),
    ),
)

HANDLE = "enforcement.handle_complaint"

COMPLAINT = Workflow(
    model=Complaint,
    record_arg="complaint",
    get_for_user=_register("COMPLAINTS"),
    url_name="enforcement:complaint_step",
    list_url_name="enforcement:complaint_list",
    list_title=_("Supervision complaints"),
    steps=[
        Step(
            "accept",
            _("Accept the complaint"),
            dated(_("Complaint accepted on")),
            services.complaint_accept,
            HANDLE,
            when=lambda s: s.record.status == Complaint.Status.RECEIVED,
            done=_("The complaint is accepted."),
        ),
        Step(
            "reject",
            _("Do not accept"),
            forms.ComplaintRejectForm,
            services.complaint_reject,
            HANDLE,
            when=lambda s: s.record.status == Complaint.Status.RECEIVED,
            done=_("The complaint is not accepted."),
            inline=False,
        ),
        Step(
            "extend",
            _("Extend the time limit"),
            forms.ComplaintExtendForm,
            services.complaint_extend,
            HANDLE,
            when=lambda s: s.record.status == Complaint.Status.ACCEPTED,
            done=_("The time limit is extended."),
            inline=False,
        ),
        Step(
            "conclude",
            _("Conclude"),
            forms.ComplaintConcludeForm,
            services.complaint_conclude,
            HANDLE,
            when=lambda s: s.record.status == Complaint.Status.ACCEPTED,
            done=_("The complaint is concluded."),
            inline=False,
        ),
    ],
)
