"""The enforcement Word documents: the evaluation notice (评查通知), an organ's evaluation
result (评查结果通报) and the complaint's notice to the complainant. Thin: the documents are
fazhi.enforcement.documents'."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from fazhi.core.documents import docx_response
from fazhi.enforcement import documents
from fazhi.enforcement.models import Deduction
from fazhi.enforcement.registers import CAMPAIGNS, CASE_FILES, COMPLAINTS, PROBLEMS


@login_required
@permission_required("enforcement.change_campaign", raise_exception=True)
@require_POST
def campaign_notice(request, pk):
    campaign = CAMPAIGNS.get_for_user(request.user, pk)
    try:
        doc, _number = documents.campaign_notice(campaign)
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
        return redirect(campaign)
    return docx_response(doc, documents.campaign_notice_filename(campaign))


@login_required
@permission_required("enforcement.view_casefile", raise_exception=True)
def campaign_result(request, pk, organ_pk):
    """One organ's result, from the case files the viewer may see (an organ's liaison its own:
    the campaign itself, kept by the bureau, lies outside their scope)."""
    files = list(
        CASE_FILES.selector(request.user)
        .filter(campaign_id=pk, organ_id=organ_pk)
        .select_related("campaign__unit", "organ__unit")
        .prefetch_related(
            Prefetch(
                "deductions",
                queryset=Deduction.objects.select_related("item").order_by("item__position", "pk"),
            )
        )
        .order_by("case_number", "pk")
    )
    if not files:
        raise Http404
    problems = (
        PROBLEMS.selector(request.user)
        .filter(case_file__in=files)
        .select_related("case_file")
        .order_by("due_on", "case_file__case_number", "pk")
    )
    organ = files[0].organ
    doc = documents.campaign_result(files[0].campaign, organ, files, problems)
    return docx_response(doc, documents.campaign_result_filename(organ))


@login_required
@permission_required("enforcement.handle_complaint", raise_exception=True)
@require_POST
def complaint_notice(request, pk):
    complaint = COMPLAINTS.get_for_user(request.user, pk)
    try:
        doc, number = documents.complaint_notice(complaint)
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
        return redirect(complaint)
    return docx_response(doc, documents.complaint_notice_filename(number))
