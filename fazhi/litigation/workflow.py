"""The steps of a lawsuit: the complaint copy, the defence, hearings, the judgment or ruling,
the appeal and closing (fazhi.core.workflow makes their pages, the lawsuit page's panel and the
API actions). The API keeps its earlier action names (complaint-received, hearings …). Their
days are given, never assumed to be today: the court's papers are recorded after they came."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from fazhi.core.workflow import Step, Workflow, dated
from fazhi.litigation import forms, rules, selectors, services
from fazhi.litigation.models import Lawsuit

CHANGE = "litigation.change_lawsuit"


def undecided(s) -> bool:
    """Open and without its judgment or ruling."""
    return not s.record.closed_on and not s.record.outcome


def decided(s) -> bool:
    return not s.record.closed_on and bool(s.record.outcome)


def _outcome_done(lawsuit) -> str:
    if rules.appeal_period(lawsuit):
        return _("Outcome recorded: the appeal period runs.")
    return _("Outcome recorded: it is final and cannot be appealed.")


LAWSUIT = Workflow(
    model=Lawsuit,
    record_arg="lawsuit",
    get_for_user=selectors.get_lawsuit_for_user,
    url_name="litigation:lawsuit_step",
    list_url_name="litigation:lawsuit_list",
    list_title=gettext_lazy("Lawsuits"),
    steps=[
        Step(
            "complaint",
            gettext_lazy("Complaint copy received"),
            dated(gettext_lazy("Complaint copy received on"), today=False),
            services.lawsuit_complaint_received,
            CHANGE,
            when=lambda s: undecided(s) and s.record.complaint_received_on is None,
            done=gettext_lazy("Complaint copy recorded: the defence is due in 15 days."),
            button=gettext_lazy("Record the complaint copy"),
            api_name="complaint-received",
        ),
        Step(
            "defence",
            gettext_lazy("Defence submitted"),
            dated(gettext_lazy("Defence submitted on"), today=False),
            services.lawsuit_defence_submitted,
            CHANGE,
            when=lambda s: (
                undecided(s)
                and s.record.complaint_received_on is not None
                and s.record.defence_submitted_on is None
            ),
            done=gettext_lazy("Defence recorded."),
            button=gettext_lazy("Record the defence"),
            api_name="defence-submitted",
        ),
        Step(
            "hearing",
            gettext_lazy("Record a hearing"),
            forms.HearingForm,
            services.hearing_record,
            "litigation.add_hearing",
            when=undecided,
            done=gettext_lazy("Hearing recorded."),
            button=gettext_lazy("Record the hearing"),
            api_name="hearings",  # the API answers the new hearing (litigation/api.py)
        ),
        Step(
            "outcome",
            gettext_lazy("Judgment or ruling"),
            forms.OutcomeForm,
            services.lawsuit_outcome,
            CHANGE,
            when=undecided,
            done=_outcome_done,
            button=gettext_lazy("Record the outcome"),
        ),
        Step(
            "appeal",
            gettext_lazy("Appeal"),
            forms.AppealForm,
            services.lawsuit_appeal,
            CHANGE,
            when=lambda s: (
                decided(s) and not s.record.appealed and rules.appeal_period(s.record) is not None
            ),
            done=gettext_lazy("Appeal recorded."),
            button=gettext_lazy("Record the appeal"),
        ),
        Step(
            "close",
            gettext_lazy("Close the lawsuit"),
            dated(gettext_lazy("Closed on"), today=False),
            services.lawsuit_close,
            CHANGE,
            when=decided,
            done=gettext_lazy("The lawsuit is closed."),
            button=gettext_lazy("Record the closing"),
        ),
    ],
)
