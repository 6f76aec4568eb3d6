"""The steps of a task (progress reported by the lead unit, confirmed or returned by the office)
and of a finding (rectification reported by the inspected unit, accepted or returned)."""

from django.utils.translation import gettext_lazy as _

from fazhi.core.rectification import rectification_steps
from fazhi.core.workflow import Step, Workflow, dated
from fazhi.governance import forms, services
from fazhi.governance.models import Finding, ModelVillage, Task
from fazhi.org.scope import acts_for


def _unit_of(record):
    return record.lead_unit if isinstance(record, Task) else record.unit


def reports_for_own_unit(perm: str):
    """A unit reports its own progress or rectification: its staff (or the justice office's,
    for a township), holding `perm`."""

    def allowed(user, record) -> bool:
        if not user.has_perm(perm):
            return False
        return user.is_superuser or (user.unit_id is not None and acts_for(user, _unit_of(record)))

    return allowed


def assigning_office(perm: str):
    """Only the office that assigned the work confirms, accepts or returns it."""

    def allowed(user, record) -> bool:
        if not user.has_perm(perm):
            return False
        office = services.office_of(record)
        return user.is_superuser or office is None or user.unit_id == office.pk

    return allowed


NOT_OWN_UNIT = _("Only the unit's own staff report on its work.")
NOT_THE_OFFICE = _("Only the office that assigned the work confirms or returns it.")


def _task_for(user, pk):
    from fazhi.governance.registers import TASKS

    return TASKS.get_for_user(user, pk)


def _finding_for(user, pk):
    from fazhi.governance.registers import FINDINGS

    return FINDINGS.get_for_user(user, pk)


TASK = Workflow(
    model=Task,
    record_arg="task",
    get_for_user=_task_for,
    url_name="governance:task_step",
    list_url_name="governance:task_list",
    list_title=_("Task ledger"),
    steps=[
        Step(
            "progress",
            _("Report progress"),
            forms.ProgressForm,
            services.task_report_progress,
            reports_for_own_unit("governance.report_task"),
            forbidden=NOT_OWN_UNIT,
            when=lambda s: s.record.status in Task.OPEN,
            done=_("Progress reported."),
            inline=False,
        ),
        Step(
            "confirm",
            _("Confirm done"),
            dated(_("Confirmed on")),
            services.task_confirm,
            assigning_office("governance.confirm_task"),
            forbidden=NOT_THE_OFFICE,
            when=lambda s: s.record.status == Task.Status.REPORTED,
            confirm=_("Confirm that the task is done? The lead unit can no longer report on it."),
            done=_("The task is confirmed done."),
        ),
        Step(
            "return",
            _("Return to the lead unit"),
            forms.ReturnForm,
            services.task_return,
            assigning_office("governance.confirm_task"),
            forbidden=NOT_THE_OFFICE,
            when=lambda s: s.record.status == Task.Status.REPORTED,
            done=_("Returned to the lead unit."),
            inline=False,
        ),
    ],
)

FINDING = Workflow(
    model=Finding,
    record_arg="finding",
    get_for_user=_finding_for,
    url_name="governance:finding_step",
    list_url_name="governance:finding_list",
    list_title=_("Inspection findings"),
    steps=rectification_steps(
        report=services.finding_report,
        accept=services.finding_accept,
        send_back=services.finding_return,
        report_form=forms.RectificationForm,
        send_back_form=forms.ReturnForm,
        reporter=reports_for_own_unit("governance.rectify_finding"),
        office=assigning_office("governance.accept_finding"),
        not_reporter=NOT_OWN_UNIT,
        not_office=NOT_THE_OFFICE,
        sent_back=_("Returned to the unit."),
    ),
)


def _village_for(user, pk):
    from fazhi.governance.registers import VILLAGES

    return VILLAGES.get_for_user(user, pk)


VILLAGE = Workflow(
    model=ModelVillage,
    record_arg="village",
    get_for_user=_village_for,
    url_name="governance:modelvillage_step",
    list_url_name="governance:modelvillage_list",
    list_title=_("Model villages"),
    steps=[
        Step(
            "recheck",
            _("Record the re-check"),
            forms.RecheckForm,
            services.model_village_recheck,
            "governance.change_modelvillage",
            when=lambda s: (
                s.record.status in (ModelVillage.Status.NAMED, ModelVillage.Status.RETAINED)
            ),
            done=_("Re-check recorded."),
            inline=False,
        ),
    ],
)
