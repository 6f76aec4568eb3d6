"""Pages of legality review and filing: thin views over selectors (reads) and services (writes)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fazhi.core.audit import history_for
from fazhi.core.documents import docx_response
from fazhi.core.forms import put_errors
from fazhi.core.pagination import page_of
from fazhi.core.rendering import bootstrap_filter, export_xlsx, list_context, render_list
from fazhi.legality import documents, selectors, services
from fazhi.legality.forms import (
    AdoptionForm,
    AdvisorForm,
    ConcludeForm,
    FilingForm,
    FilingReviewForm,
    ItemFormSet,
    OpinionForm,
    RequestEditForm,
    RequestForm,
    StartReviewForm,
)
from fazhi.legality.models import LegalAdvisor, ReviewRequest
from fazhi.legality.selectors import may_edit
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
    items = list(review.items.all())
    may_change = request.user.has_perm("legality.change_reviewrequest")
    context = {
        "review": review,
        "items": items,
        "attachments": review.attachments.all(),
        "reviewers": review.reviewers.select_related("unit"),
        "deadlines": deadlines_for(review),
        "history": history_for(review, request.user),
        "may_change": may_change,
        "may_edit": may_edit(request.user, review),
        "start_form": StartReviewForm(viewer=request.user, initial={"version": review.version})
        if may_change and review.status == ReviewRequest.Status.RECEIVED
        else None,
        "conclude_form": ConcludeForm(initial={"version": review.version}),
        "adoption_form": AdoptionForm(items=items, initial={"version": review.version})
        if may_change and items and review.status == ReviewRequest.Status.OPINION_ISSUED
        else None,
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


@require_POST
@login_required
@permission_required("legality.change_reviewrequest", raise_exception=True)
def request_start(request, pk):
    review = selectors.get_request_for_user(request.user, pk)
    form = StartReviewForm(request.POST, viewer=request.user)
    if not form.is_valid():
        messages.error(request, _("Choose the reviewers from the list."))
        return redirect(review)
    try:
        services.request_start_review(
            request=review,
            version=form.cleaned_data["version"],
            reviewers=form.cleaned_data["reviewers"],
            user=request.user,
        )
    except ValidationError as error:
        _error_message(request, error)
    else:
        messages.success(request, _("The review has started."))
    return redirect(review)


@login_required
@permission_required("legality.change_reviewrequest", raise_exception=True)
def request_opinion(request, pk):
    """Record the opinions and conclude: a numbered letter or a signed opinion."""
    review = selectors.get_request_for_user(request.user, pk)
    if not review.is_open:
        messages.info(request, _("This request is no longer open."))
        return redirect(review)
    form = OpinionForm(request.POST or None, request=review, initial={"version": review.version})
    items = ItemFormSet(request.POST or None, prefix="item")
    if request.method == "POST" and form.is_valid() and items.is_valid():
        data = form.cleaned_data
        written = [f.cleaned_data for f in items if f.cleaned_data.get("text", "").strip()]
        try:
            review = services.request_issue_opinion(
                request=review,
                version=data["version"],
                on=data["on"],
                reviewing_unit=selectors.reviewing_unit_for(request.user),
                items=written,
                signed_opinion=data["signed_opinion"],
                with_letter=data["with_letter"],
                user=request.user,
            )
        except ValidationError as error:
            put_errors(form, error)
        else:
            if review.letter_number:
                messages.success(
                    request,
                    _("Opinion letter %(number)s issued.") % {"number": review.letter_number},
                )
            else:
                messages.success(request, _("The signed opinion is recorded."))
            return redirect(review)
    context = {"form": form, "items": items, "review": review}
    return render(request, "legality/request_opinion.html", context)


def _conclude(request, pk, service, done: str):
    review = selectors.get_request_for_user(request.user, pk)
    form = ConcludeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give a valid date."))
        return redirect(review)
    try:
        service(
            request=review,
            version=form.cleaned_data["version"],
            on=form.cleaned_data["on"],
            user=request.user,
        )
    except ValidationError as error:
        _error_message(request, error)
    else:
        messages.success(request, done)
    return redirect(review)


@require_POST
@login_required
@permission_required("legality.change_reviewrequest", raise_exception=True)
def request_return(request, pk):
    return _conclude(request, pk, services.request_return, _("Returned for supplement."))


@require_POST
@login_required
@permission_required("legality.view_reviewrequest", raise_exception=True)
def request_withdraw(request, pk):
    review = selectors.get_request_for_user(request.user, pk)
    if not may_edit(request.user, review):
        raise PermissionDenied
    return _conclude(request, pk, services.request_withdraw, _("The request is withdrawn."))


@require_POST
@login_required
@permission_required("legality.change_reviewrequest", raise_exception=True)
def request_adoption(request, pk):
    review = selectors.get_request_for_user(request.user, pk)
    form = AdoptionForm(request.POST, items=review.items.all())
    if not form.is_valid():
        messages.error(request, _("Choose how each opinion was taken."))
        return redirect(review)
    try:
        services.items_record_adoption(
            request=review,
            version=form.cleaned_data["version"],
            adoption=form.adoption(),
            user=request.user,
        )
    except ValidationError as error:
        _error_message(request, error)
    else:
        messages.success(request, _("Adoption recorded."))
    return redirect(review)


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
        "review_form": FilingReviewForm(initial={"version": filing.version})
        if request.user.has_perm("legality.change_filing")
        else None,
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


@require_POST
@login_required
@permission_required("legality.change_filing", raise_exception=True)
def filing_review(request, pk):
    filing = selectors.get_filing_for_user(request.user, pk)
    form = FilingReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose the result and give its date."))
        return redirect(filing)
    try:
        services.filing_review(
            filing=filing,
            version=form.cleaned_data["version"],
            result=form.cleaned_data["result"],
            on=form.cleaned_data["on"],
            user=request.user,
        )
    except ValidationError as error:
        _error_message(request, error)
    else:
        messages.success(request, _("Review result recorded."))
    return redirect(filing)


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
