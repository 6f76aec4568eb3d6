"""The annual report's way to publication: draft → under review → approved → published, with
the staff's recall and the leader's return (fazhi.core.workflow makes the steps' pages and the
report page's buttons). Each service checks the permission its step needs as well."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from fazhi.core.workflow import Step, StepForm, Workflow
from fazhi.reports import forms, selectors, services
from fazhi.reports.models import AnnualReport

CHANGE = "reports.change_annualreport"
APPROVE = "reports.approve_annualreport"
S = AnnualReport.Status


def _to_the_checks(request, report, error):
    """Refused by the checks: the page that lists them."""
    if error.code != "checks":
        return None
    messages.error(request, " ".join(error.messages))
    return redirect("reports:report_checks", pk=report.pk)


REPORT = Workflow(
    model=AnnualReport,
    record_arg="report",
    user_arg="by",
    get_for_user=selectors.get_report_for_user,
    url_name="reports:report_step",
    list_url_name="reports:report_list",
    list_title=_("Annual reports"),
    steps=[
        Step(
            "submit",
            _("Submit for approval"),
            StepForm,
            services.report_submit,
            CHANGE,
            when=lambda s: s.record.status == S.DRAFT,
            done=_("Submitted for review."),
            refused=_to_the_checks,
        ),
        Step(
            "recall",
            _("Take back to draft"),
            StepForm,
            services.report_recall,
            CHANGE,
            # the leader, who may approve, returns it instead
            when=lambda s: (
                s.record.status == S.REVIEW and not (s.user and s.user.has_perm(APPROVE))
            ),
            done=_("Taken back to draft."),
        ),
        Step(
            "approve",
            _("Approve"),
            StepForm,
            services.report_approve,
            APPROVE,
            when=lambda s: s.record.status == S.REVIEW,
            done=_("Approved."),
            refused=_to_the_checks,
        ),
        Step(
            "return",
            _("Return to draft"),
            StepForm,
            services.report_return,
            APPROVE,
            when=lambda s: s.record.status in (S.REVIEW, S.APPROVED),
            done=_("Returned to draft."),
        ),
        Step(
            "publish",
            _("Publish and freeze"),
            forms.PublishForm,
            services.report_publish,
            "reports.publish_annualreport",
            when=lambda s: s.record.status == S.APPROVED,
            done=_("Published: the text and figures are frozen."),
            confirm=_("Publish the report? Its text and figures are then frozen for good."),
        ),
    ],
)
