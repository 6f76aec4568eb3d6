"""Pages of legality review and filing: thin views over selectors (reads) and services (writes)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from fazhi.core.audit import history_for
from fazhi.core.documents import docx_response
from fazhi.core.forms import put_errors
from fazhi.core.pagination import page_of
from fazhi.core.rendering import bootstrap_filter, export_xlsx, list_context, render_list
from fazhi.legality import documents, selectors, services
from fazhi.legality.forms import AdvisorForm, FilingForm, RequestEditForm, RequestForm
from fazhi.legality.models import LegalAdvisor
from fazhi.legality.selectors import may_edit
from fazhi.legality.workflow import FILING, REVIEW
from fazhi.timelimits import selectors as timelimits
from fazhi.timelimits.selectors import deadlines_for, rule_for

PAGE_SIZE = 30


def _error_message(request, error: ValidationError) -> None:
    messages.error(request, "；".join(error.messages))


# --- review requests -----------------------------------------------------------------------


@login_required
@permission_required("legality.view_reviewrequest", raise_exception=True)
def request_list(request):
    filterset, reviews = selectors.request_list(
        viewer=request.user, params=request.GET, request=request
    )
    if request.GET.get("export") == "xlsx":
        return export_xlsx(request, "legality.requests", reviews, "合法性审查台账")
    context = {
        "filter": bootstrap_filter(filterset),
        "page": page_of(request, reviews, PAGE_SIZE),
        **list_context(
            _("Legality review"), "legality:request_list", "legality/_request_rows.html"
        ),
    }
    return render_list(request, "legality/request_list.html", context["rows_template"], context)


@login_required
@permission_required("legality.add_reviewrequest", raise_exception=True)
def request_create(request):
    form = RequestForm(request.POST or None, request.FILES or None, viewer=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            review = services.request_submit(
                kind=data["kind"],
                submitting_unit=data["submitting_unit"],
                title=data["title"],
                received_on=data.get("received_on") or timelimits.today(),
                files=data["files"],
                user=request.user,
            )
        except ValidationError as error:
            put_errors(form, error)
        else:
            messages.success(request, _("Request submitted for review."))
            return redirect(review)
    return render(request, "legality/request_form.html", {"form": form, "review": None})


@login_required
@permission_required("legality.view_reviewrequest", raise_exception=True)
def request_detail(request, pk):
    review = selectors.get_request_for_user(request.user, pk)
    context = {
        "review": review,
        "items": review.items.all(),
        "attachments": review.attachments.all(),
        "reviewers": review.reviewers.select_related("unit"),
        "deadlines": deadlines_for(review),
        "history": history_for(review, request.user),
        "may_edit": may_edit(request.user, review),
        "steps": REVIEW.offered(request, review),
    }
    return render(request, "legality/request_detail.html", context)


@login_required
@permission_required("legality.view_reviewrequest", raise_exception=True)
def request_edit(request, pk):
    review = selectors.get_request_for_user(request.user, pk)
    if not may_edit(request.user, review):
        raise PermissionDenied
    form = RequestEditForm(
        request.POST or None,
        request.FILES or None,
        initial={"title": review.title, "version": review.version},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.request_update(
                request=review,
                version=data["version"],
                title=data["title"],
                files=data["files"],
                user=request.user,
            )
        except ValidationError as error:
            put_errors(form, error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect(review)
    return render(request, "legality/request_form.html", {"form": form, "review": review})


@login_required
@permission_required("legality.view_reviewrequest", raise_exception=True)
def request_letter(request, pk):
    review = selectors.get_request_for_user(request.user, pk)
    try:
        document = documents.letter_document(
            review, issuer=selectors.reviewing_unit_for(request.user)
        )
    except ValidationError as error:
        _error_message(request, error)
        return redirect(review)
    return docx_response(document, documents.letter_filename(review))


@login_required
@permission_required("legality.view_reviewrequest", raise_exception=True)
def attachment_download(request, pk):
    attachment = selectors.get_attachment_for_user(request.user, pk)
    return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.name)


# --- filings -------------------------------------------------------------------------------


@login_required
@permission_required("legality.view_filing", raise_exception=True)
def filing_list(request):
    filterset, filings = selectors.filing_list(
        viewer=request.user, params=request.GET, request=request
    )
    if request.GET.get("export") == "xlsx":
        return export_xlsx(request, "legality.filings", filings, "备案审查台账")
    context = {
        "filter": bootstrap_filter(filterset),
        "page": page_of(request, filings, PAGE_SIZE),
        **list_context(_("Filings"), "legality:filing_list", "legality/_filing_rows.html"),
    }
    return render_list(request, "legality/filing_list.html", context["rows_template"], context)


def _filing_fields(data) -> dict:
    return {k: v for k, v in data.items() if k != "version"}


@login_required
@permission_required("legality.add_filing", raise_exception=True)
def filing_create(request):
    form = FilingForm(request.POST or None, viewer=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            fields = _filing_fields(form.cleaned_data)
            fields.setdefault("filed_on", timelimits.today())
            filing = services.filing_register(**fields, user=request.user)
        except ValidationError as error:
            put_errors(form, error)
        else:
            messages.success(request, _("Filing registered."))
            return redirect(filing)
    return render(request, "legality/filing_form.html", {"form": form, "filing": None})


@login_required
@permission_required("legality.view_filing", raise_exception=True)
def filing_detail(request, pk):
    filing = selectors.get_filing_for_user(request.user, pk)
    context = {
        "filing": filing,
        "filing_rule": rule_for(services.FILING_RULE, filing.published_on),
        "history": history_for(filing, request.user),
        "steps": FILING.offered(request, filing),
    }
    return render(request, "legality/filing_detail.html", context)


@login_required
@permission_required("legality.change_filing", raise_exception=True)
def filing_edit(request, pk):
    filing = selectors.get_filing_for_user(request.user, pk)
    form = FilingForm(request.POST or None, instance=filing, viewer=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.filing_update(
                filing=filing,
                version=form.cleaned_data["version"],
                **_filing_fields(form.cleaned_data),
            )
        except ValidationError as error:
            put_errors(form, error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect(filing)
    return render(request, "legality/filing_form.html", {"form": form, "filing": filing})


# --- legal advisors ------------------------------------------------------------------------


@login_required
@permission_required("legality.view_legaladvisor", raise_exception=True)
def advisor_list(request):
    filterset, advisors = selectors.advisor_list(
        viewer=request.user, params=request.GET, request=request
    )
    if request.GET.get("export") == "xlsx":
        return export_xlsx(request, "legality.advisors", advisors, "法律顾问台账")
    context = {
        "filter": bootstrap_filter(filterset),
        "page": page_of(request, advisors, PAGE_SIZE),
        **list_context(_("Legal advisors"), "legality:advisor_list", "legality/_advisor_rows.html"),
    }
    return render_list(request, "legality/advisor_list.html", context["rows_template"], context)


def _advisor_form(request, advisor: LegalAdvisor | None):
    form = AdvisorForm(request.POST or None, instance=advisor, viewer=request.user)
    if request.method == "POST" and form.is_valid():
        fields = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            if advisor is None:
                services.advisor_create(user=request.user, **fields)
            else:
                services.advisor_update(
                    advisor=advisor, version=form.cleaned_data["version"], **fields
                )
        except ValidationError as error:
            put_errors(form, error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect("legality:advisor_list")
    context = {
        "form": form,
        "advisor": advisor,
        "history": history_for(advisor, request.user) if advisor else [],
    }
    return render(request, "legality/advisor_form.html", context)


@login_required
@permission_required("legality.add_legaladvisor", raise_exception=True)
def advisor_create(request):
    return _advisor_form(request, None)


@login_required
@permission_required("legality.change_legaladvisor", raise_exception=True)
def advisor_edit(request, pk):
    return _advisor_form(request, selectors.get_advisor_for_user(request.user, pk))
