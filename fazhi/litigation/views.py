"""Pages of the litigation ledger: thin views over selectors (reads) and services (writes)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from fazhi.core.audit import history_for
from fazhi.core.pagination import page_of
from fazhi.core.rendering import bootstrap_filter, export_xlsx, list_context, render_list
from fazhi.litigation import rules, selectors, services
from fazhi.litigation.forms import (
    AppealForm,
    CloseForm,
    ComplaintForm,
    DefenceForm,
    HearingForm,
    LawsuitForm,
    OutcomeForm,
    put_errors,
)
from fazhi.timelimits.selectors import deadlines_for

PAGE_SIZE = 30


def _outcome_done(lawsuit) -> str:
    if rules.appeal_period(lawsuit):
        return _("Outcome recorded: the appeal period runs.")
    return _("Outcome recorded: it is final and cannot be appealed.")


class Step:
    """One step of a lawsuit as a form on its page: what it is called, what it says when done
    (a text, or a function of the lawsuit the service returned), its form, the service that
    records it and the permission it needs."""

    def __init__(self, key, title, button, done, form_class, service, permission):
        self.key, self.title, self.button, self.done = key, title, button, done
        self.form_class, self.service, self.permission = form_class, service, permission

    def form(self, lawsuit, data=None):
        return self.form_class(data, lawsuit=lawsuit, prefix=self.key)


STEPS = {
    step.key: step
    for step in [
        Step(
            rules.COMPLAINT,
            gettext_lazy("Complaint copy received"),
            gettext_lazy("Record the complaint copy"),
            gettext_lazy("Complaint copy recorded: the defence is due in 15 days."),
            ComplaintForm,
            services.lawsuit_complaint_received,
            "litigation.change_lawsuit",
        ),
        Step(
            rules.DEFENCE,
            gettext_lazy("Defence submitted"),
            gettext_lazy("Record the defence"),
            gettext_lazy("Defence recorded."),
            DefenceForm,
            services.lawsuit_defence_submitted,
            "litigation.change_lawsuit",
        ),
        Step(
            rules.HEARING,
            gettext_lazy("Record a hearing"),
            gettext_lazy("Record the hearing"),
            gettext_lazy("Hearing recorded."),
            HearingForm,
            services.hearing_record,
            "litigation.add_hearing",
        ),
        Step(
            rules.OUTCOME,
            gettext_lazy("Judgment or ruling"),
            gettext_lazy("Record the outcome"),
            _outcome_done,
            OutcomeForm,
            services.lawsuit_outcome,
            "litigation.change_lawsuit",
        ),
        Step(
            rules.APPEAL,
            gettext_lazy("Appeal"),
            gettext_lazy("Record the appeal"),
            gettext_lazy("Appeal recorded."),
            AppealForm,
            services.lawsuit_appeal,
            "litigation.change_lawsuit",
        ),
        Step(
            rules.CLOSE,
            gettext_lazy("Close the lawsuit"),
            gettext_lazy("Record the closing"),
            gettext_lazy("The lawsuit is closed."),
            CloseForm,
            services.lawsuit_close,
            "litigation.change_lawsuit",
        ),
    ]
}


@login_required
@permission_required("litigation.view_lawsuit", raise_exception=True)
def lawsuit_list(request):
    filterset, lawsuits = selectors.lawsuit_list(
        viewer=request.user, params=request.GET, request=request
    )
    if request.GET.get("export") == "xlsx":
        return export_xlsx(request, "litigation.lawsuits", lawsuits, "行政应诉台账")
    context = {
        "filter": bootstrap_filter(filterset),
        "page": page_of(request, lawsuits, PAGE_SIZE),
        **list_context(
            _("Lawsuits"),
            "litigation:lawsuit_list",
            "litigation/_lawsuit_rows.html",
            _("Plaintiff, case number or cause"),
        ),
    }
    return render_list(request, "litigation/lawsuit_list.html", context["rows_template"], context)


@login_required
@permission_required("litigation.view_lawsuit", raise_exception=True)
def lawsuit_detail(request, pk):
    lawsuit = selectors.get_lawsuit_for_user(request.user, pk)
    steps = [
        (STEPS[key], STEPS[key].form(lawsuit))
        for key in rules.next_steps(lawsuit)
        if request.user.has_perm(STEPS[key].permission)
    ]
    context = {
        "lawsuit": lawsuit,
        "hearings": selectors.hearings_of(lawsuit),
        "deadlines": deadlines_for(lawsuit),
        "history": history_for(lawsuit, request.user),
        "steps": steps,
    }
    return render(request, "litigation/lawsuit_detail.html", context)


@login_required
@permission_required("litigation.add_lawsuit", raise_exception=True)
def lawsuit_create(request):
    form = LawsuitForm(request.POST or None, viewer=request.user)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            lawsuit = services.lawsuit_register(user=request.user, **data)
        except ValidationError as error:
            put_errors(form, error)
        else:
            messages.success(request, _("Lawsuit %(number)s registered.") % {"number": lawsuit})
            return redirect(lawsuit)
    return render(request, "litigation/lawsuit_form.html", {"form": form, "lawsuit": None})


@login_required
@permission_required("litigation.change_lawsuit", raise_exception=True)
def lawsuit_edit(request, pk):
    lawsuit = selectors.get_lawsuit_for_user(request.user, pk)
    form = LawsuitForm(request.POST or None, instance=lawsuit, viewer=request.user)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        try:
            services.lawsuit_update(lawsuit=lawsuit, version=version, user=request.user, **data)
        except ValidationError as error:
            put_errors(form, error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect(lawsuit)
    return render(request, "litigation/lawsuit_form.html", {"form": form, "lawsuit": lawsuit})


def _step(request, pk, key):
    """A step's own page: the form (GET), or the step recorded (POST) and back to the lawsuit;
    a refused step comes back with its reason."""
    step = STEPS[key]
    lawsuit = selectors.get_lawsuit_for_user(request.user, pk)
    form = step.form(lawsuit, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            result = step.service(lawsuit=lawsuit, user=request.user, **form.service_arguments())
        except ValidationError as error:
            put_errors(form, error)
        else:
            done = step.done(result) if callable(step.done) else step.done
            messages.success(request, str(done))
            return redirect(lawsuit)
    context = {"lawsuit": lawsuit, "step": step, "form": form}
    return render(request, "litigation/lawsuit_step.html", context)


@login_required
@permission_required("litigation.change_lawsuit", raise_exception=True)
def lawsuit_complaint(request, pk):
    return _step(request, pk, rules.COMPLAINT)


@login_required
@permission_required("litigation.change_lawsuit", raise_exception=True)
def lawsuit_defence(request, pk):
    return _step(request, pk, rules.DEFENCE)


@login_required
@permission_required("litigation.add_hearing", raise_exception=True)
def lawsuit_hearing(request, pk):
    return _step(request, pk, rules.HEARING)


@login_required
@permission_required("litigation.change_lawsuit", raise_exception=True)
def lawsuit_outcome(request, pk):
    return _step(request, pk, rules.OUTCOME)


@login_required
@permission_required("litigation.change_lawsuit", raise_exception=True)
def lawsuit_appeal(request, pk):
    return _step(request, pk, rules.APPEAL)


@login_required
@permission_required("litigation.change_lawsuit", raise_exception=True)
def lawsuit_close(request, pk):
    return _step(request, pk, rules.CLOSE)
