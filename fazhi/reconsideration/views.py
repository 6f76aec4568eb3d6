"""Pages of the reconsideration cases: thin views over selectors (reads) and services (writes)."""

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from fazhi.core.audit import history_for
from fazhi.core.documents import docx_response
from fazhi.core.pagination import page_of
from fazhi.core.rendering import bootstrap_filter, export_xlsx, list_context, render_list
from fazhi.reconsideration import documents, forms, selectors, services
from fazhi.timelimits.selectors import deadlines_for

PAGE_SIZE = 30


@dataclass(frozen=True)
class Step:
    """A workflow step as the pages offer it: its form, its service, what its button says and
    what the page says once it is done."""

    key: str  # in the address and as the form's prefix
    form: type[forms.StepForm]
    service: Any
    title: Any
    done: Any

    @property
    def attribute(self) -> str:  # its name in selectors.Steps
        return self.key.replace("-", "_")


STEPS = {
    step.key: step
    for step in [
        Step(
            "accept",
            forms.AcceptForm,
            services.case_accept,
            gettext_lazy("Accept"),
            gettext_lazy("The case is accepted."),
        ),
        Step(
            "not-accept",
            forms.NotAcceptForm,
            services.case_not_accept,
            gettext_lazy("Do not accept"),
            gettext_lazy("The application is not accepted."),
        ),
        Step(
            "request-supplement",
            forms.RequestSupplementForm,
            services.case_request_supplement,
            gettext_lazy("Request supplements"),
            gettext_lazy("The applicant is asked to supplement the materials."),
        ),
        Step(
            "supplement-received",
            forms.SupplementReceivedForm,
            services.case_supplement_received,
            gettext_lazy("Supplements received"),
            gettext_lazy("Supplements recorded: the review period runs anew."),
        ),
        Step(
            "copy-sent",
            forms.CopySentForm,
            services.case_copy_sent,
            gettext_lazy("Copy sent to the respondent"),
            gettext_lazy("Copy of the application recorded as sent."),
        ),
        Step(
            "reply-received",
            forms.ReplyReceivedForm,
            services.case_reply_received,
            gettext_lazy("Reply received"),
            gettext_lazy("The respondent's reply is recorded."),
        ),
        Step(
            "hearing",
            forms.HearingForm,
            services.case_hearing,
            gettext_lazy("Hearing held"),
            gettext_lazy("The hearing is recorded."),
        ),
        Step(
            "suspend",
            forms.SuspendForm,
            services.case_suspend,
            gettext_lazy("Suspend"),
            gettext_lazy("The case is suspended: the decision period stops."),
        ),
        Step(
            "resume",
            forms.ResumeForm,
            services.case_resume,
            gettext_lazy("Resume"),
            gettext_lazy("The case is resumed: the decision period runs again."),
        ),
        Step(
            "extend",
            forms.ExtendForm,
            services.case_extend,
            gettext_lazy("Extend the decision period"),
            gettext_lazy("The decision period is extended."),
        ),
        Step(
            "decide",
            forms.DecideForm,
            services.case_decide,
            gettext_lazy("Decide"),
            gettext_lazy("The decision is recorded."),
        ),
    ]
}

DOCUMENTS = {
    "acceptance-notice": (documents.acceptance_notice, documents.ACCEPTANCE_NOTICE),
    "not-accepted": (documents.not_accepted_decision, documents.NOT_ACCEPTED_DECISION),
    "decision": (documents.decision_document, documents.DECISION),
}


@login_required
@permission_required("reconsideration.view_case", raise_exception=True)
def case_list(request):
    filterset, cases = selectors.case_list(viewer=request.user, params=request.GET, request=request)
    if request.GET.get("export") == "xlsx":
        return export_xlsx(request, "reconsideration.cases", cases, "行政复议案件台账")
    context = {
        "filter": bootstrap_filter(filterset),
        "page": page_of(request, cases, PAGE_SIZE),
        **list_context(
            _("Reconsideration cases"),
            "reconsideration:case_list",
            "reconsideration/_case_rows.html",
            _("Applicant, act number or decision number"),
        ),
    }
    return render_list(request, "reconsideration/case_list.html", context["rows_template"], context)


@login_required
@permission_required("reconsideration.view_case", raise_exception=True)
def case_detail(request, pk):
    case = selectors.get_case_for_user(request.user, pk)
    clocks = list(deadlines_for(case))
    steps = selectors.steps_for(case, clocks)
    suspensions, extensions = selectors.decision_clock_events(clocks)
    step_forms = []
    if request.user.has_perm("reconsideration.change_case"):
        step_forms = [
            (step, step.form(case=case, prefix=step.key))
            for step in STEPS.values()
            if getattr(steps, step.attribute)
        ]
    context = {
        "case": case,
        "deadlines": clocks,
        "step_forms": step_forms,
        "deemed_accepted_since": selectors.deemed_accepted_since(case, clocks),
        "suspensions": suspensions,
        "extensions": extensions,
        "documents": documents.available(case),
        "history": history_for(case, request.user),
    }
    return render(request, "reconsideration/case_detail.html", context)


@login_required
@permission_required("reconsideration.add_case", raise_exception=True)
def case_create(request):
    form = forms.CaseForm(request.POST or None, viewer=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            case = services.case_register(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            forms.put_errors(form, error)
        else:
            messages.success(request, _("Application registered."))
            return redirect(case)
    return render(request, "reconsideration/case_form.html", {"form": form, "case": None})


@login_required
@permission_required("reconsideration.change_case", raise_exception=True)
def case_edit(request, pk):
    case = selectors.get_case_for_user(request.user, pk)
    form = forms.CaseEditForm(request.POST or None, instance=case)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        try:
            services.case_update(case=case, version=version, user=request.user, **data)
        except ValidationError as error:
            forms.put_errors(form, error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect(case)
    return render(request, "reconsideration/case_form.html", {"form": form, "case": case})


@login_required
@permission_required("reconsideration.change_case", raise_exception=True)
def case_step(request, pk, step):
    """One workflow step: its form on a page of its own (GET, or a refused POST with the
    reasons), or done and back to the case."""
    spec = STEPS.get(step)
    if spec is None:
        raise Http404
    case = selectors.get_case_for_user(request.user, pk)
    form = spec.form(request.POST or None, case=case, prefix=spec.key)
    if request.method == "POST" and form.is_valid():
        try:
            spec.service(case=case, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            forms.put_errors(form, error)
        else:
            messages.success(request, spec.done)
            return redirect(case)
    open_now = getattr(selectors.steps_for(case, list(deadlines_for(case))), spec.attribute)
    context = {"case": case, "step": spec, "form": form, "open_now": open_now}
    return render(request, "reconsideration/case_step.html", context)


@login_required
@permission_required("reconsideration.view_case", raise_exception=True)
def case_document(request, pk, kind):
    if kind not in DOCUMENTS:
        raise Http404
    case = selectors.get_case_for_user(request.user, pk)
    build, title = DOCUMENTS[kind]
    if kind == "decision":
        title = documents.decision_title(case)  # a mediated case's is its 调解书
    try:
        document = build(case)
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
        return redirect(case)
    return docx_response(document, documents.filename(case, title))
