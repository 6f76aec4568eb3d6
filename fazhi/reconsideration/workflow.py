"""The steps of a reconsideration case, from the application received to the decision, under
the law of the day it was received (fazhi.core.workflow makes their pages, the case page's
panel and the API actions)."""

from django.utils.translation import gettext_lazy as _

from fazhi.core.workflow import Step, Workflow, dated
from fazhi.reconsideration import forms, selectors, services
from fazhi.reconsideration.models import Case

CHANGE = "reconsideration.change_case"
S = Case.Status


def received(s) -> bool:
    return s.record.status == S.RECEIVED


def accepted(s) -> bool:
    return s.record.status == S.ACCEPTED


def _decision_clock(s):
    return s.running(*services.DECISION_CLOCKS)


def may_suspend(s) -> bool:
    clock = _decision_clock(s)
    return (
        accepted(s)
        and clock is not None
        and clock.suspended_since is None
        and clock.rule.suspension_allowed
    )


def suspended(s) -> bool:
    clock = _decision_clock(s)
    return accepted(s) and clock is not None and clock.suspended_since is not None


def may_extend(s) -> bool:
    clock = _decision_clock(s)
    return (
        accepted(s)
        and clock is not None
        and clock.suspended_since is None
        and clock.rule.extension_allowed
        and clock.extension_days < (clock.rule.extension_max_days or 10**6)
    )


CASE = Workflow(
    model=Case,
    record_arg="case",
    get_for_user=selectors.get_case_for_user,
    url_name="reconsideration:case_step",
    list_url_name="reconsideration:case_list",
    list_title=_("Reconsideration cases"),
    steps=[
        Step(
            "accept",
            _("Accept"),
            forms.AcceptForm,
            services.case_accept,
            CHANGE,
            when=received,
            done=_("The case is accepted."),
        ),
        Step(
            "not-accept",
            _("Do not accept"),
            dated(_("Refused on")),
            services.case_not_accept,
            CHANGE,
            when=received,
            done=_("The application is not accepted."),
        ),
        Step(
            "request-supplement",
            _("Request supplements"),
            dated(_("Notice to supplement sent on")),
            services.case_request_supplement,
            CHANGE,
            when=received,
            done=_("The applicant is asked to supplement the materials."),
        ),
        Step(
            "supplement-received",
            _("Supplements received"),
            dated(_("Supplement received on")),
            services.case_supplement_received,
            CHANGE,
            when=lambda s: s.record.status == S.AWAITING_SUPPLEMENT,
            done=_("Supplements recorded: the review period runs anew."),
        ),
        Step(
            "copy-sent",
            _("Copy sent to the respondent"),
            dated(_("Copy sent on")),
            services.case_copy_sent,
            CHANGE,
            when=lambda s: accepted(s) and s.record.copy_sent_on is None,
            done=_("Copy of the application recorded as sent."),
        ),
        Step(
            "reply-received",
            _("Reply received"),
            dated(_("Reply received on")),
            services.case_reply_received,
            CHANGE,
            when=lambda s: (
                accepted(s)
                and s.record.copy_sent_on is not None
                and s.record.reply_received_on is None
            ),
            done=_("The respondent's reply is recorded."),
        ),
        Step(
            "hearing",
            _("Hearing held"),
            dated(_("Hearing held on")),
            services.case_hearing,
            CHANGE,
            when=lambda s: accepted(s) and s.record.hearing_held_on is None,
            done=_("The hearing is recorded."),
        ),
        Step(
            "suspend",
            _("Suspend"),
            forms.SuspendForm,
            services.case_suspend,
            CHANGE,
            when=may_suspend,
            done=_("The case is suspended: the decision period stops."),
        ),
        Step(
            "resume",
            _("Resume"),
            forms.ResumeForm,
            services.case_resume,
            CHANGE,
            when=suspended,
            done=_("The case is resumed: the decision period runs again."),
        ),
        Step(
            "extend",
            _("Extend the decision period"),
            forms.ExtendForm,
            services.case_extend,
            CHANGE,
            when=may_extend,
            done=_("The decision period is extended."),
        ),
        Step(
            "decide",
            _("Decide"),
            forms.DecideForm,
            services.case_decide,
            CHANGE,
            when=accepted,
            done=_("The decision is recorded."),
        ),
    ],
)
