"""Pages of the reconsideration cases: thin views over selectors (reads) and services (writes)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from fazhi.core.audit import history_for
from fazhi.core.documents import docx_response
from fazhi.core.pagination import page_of
from fazhi.core.rendering import bootstrap_filter, export_xlsx, list_context, render_list
from fazhi.reconsideration import documents, forms, selectors, services
from fazhi.reconsideration.workflow import CASE
from fazhi.timelimits.selectors import deadlines_for

PAGE_SIZE = 30


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
    suspensions, extensions = selectors.decision_clock_events(clocks)
    context = {
        "case": case,
        "deadlines": clocks,
        "steps": CASE.offered(request, case, clocks),
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
