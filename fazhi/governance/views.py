"""The 依法治区 pages beyond the registers' own (fazhi.core.registers): adding an assessment's
items and scoring a unit, tracking a year's unit reports, the work on a demonstration
indicator. Thin: the rules are the services'."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fazhi.core.documents import docx_response
from fazhi.core.forms import put_errors
from fazhi.governance import documents, forms, services
from fazhi.governance.models import (
    AssessmentResult,
    DemonstrationIndicator,
    IndicatorWork,
    TaskProgress,
    points_text,
)
from fazhi.governance.registers import (
    ASSESSMENTS,
    BODIES,
    DEMONSTRATION,
    FINDINGS,
    INSPECTIONS,
    TASKS,
    WORKPLANS,
)


@login_required
@permission_required("governance.change_body", raise_exception=True)
@require_POST
def body_member_add(request, pk):
    body = BODIES.get_for_user(request.user, pk)
    form = forms.BodyMemberForm(request.POST, viewer=request.user)
    if form.is_valid():
        services.body_member_add(body=body, user=request.user, **form.cleaned_data)
        messages.success(request, _("Member unit added."))
    else:
        messages.error(request, "；".join(e for errors in form.errors.values() for e in errors))
    return redirect(body)


@login_required
@permission_required("governance.change_assessmentscheme", raise_exception=True)
@require_POST
def assessment_item_add(request, pk):
    scheme = ASSESSMENTS.get_for_user(request.user, pk)
    form = forms.AssessmentItemForm(request.POST)
    if form.is_valid():
        try:
            services.assessment_item_add(scheme=scheme, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, "；".join(error.messages))
        else:
            messages.success(request, _("Item added."))
    else:
        messages.error(request, "；".join(e for errors in form.errors.values() for e in errors))
    return redirect(scheme)


@login_required
@permission_required("governance.change_assessmentscheme", raise_exception=True)
def assessment_score(request, pk):
    """First the unit (its earlier deductions then fill the form), then its deductions."""
    scheme = ASSESSMENTS.get_for_user(request.user, pk)
    units = forms.assessed_for(request.user)
    unit = (
        units.filter(pk=request.GET.get("unit") or 0).first()
        if str(request.GET.get("unit", "")).isdigit()
        else None
    )
    if unit is None:
        scored = set(scheme.results.values_list("unit_id", flat=True))
        context = {"scheme": scheme, "units": units, "scored": scored}
        return render(request, "governance/assessment_choose_unit.html", context)
    result = AssessmentResult.objects.filter(scheme=scheme, unit=unit).first()
    initial = {"version": result.version if result else ""}
    if result is not None:
        for d in result.deductions.all():
            initial[f"item_{d.item_id}"] = d.deducted
            initial[f"reason_{d.item_id}"] = d.reason
    form = forms.ScoreForm(request.POST or None, initial=initial, scheme=scheme)
    if request.method == "POST" and form.is_valid():
        try:
            result = services.assessment_score(
                scheme=scheme,
                unit=unit,
                deductions=form.deductions(),
                version=form.cleaned_data["version"],
                user=request.user,
            )
        except ValidationError as error:
            put_errors(form, error)
        else:
            messages.success(
                request,
                _("%(unit)s scored %(total)s points, rank %(rank)s.")
                % {"unit": result.unit, "total": points_text(result.total), "rank": result.rank},
            )
            return redirect(scheme)
    context = {"scheme": scheme, "form": form, "unit": unit, "result": result}
    return render(request, "governance/assessment_score.html", context)


@login_required
@permission_required("governance.add_unitreport", raise_exception=True)
@require_POST
def unit_reports_open_year(request):
    form = forms.OpenYearForm(request.POST)
    if form.is_valid():
        year = form.cleaned_data["year"]
        try:
            count = services.unit_reports_open_year(
                year=year, viewer=request.user, user=request.user
            )
        except ValidationError as error:
            messages.error(request, "；".join(error.messages))
            return redirect("governance:unitreport_list")
        messages.success(
            request,
            _("%(count)d units' reports of %(year)d are now tracked.")
            % {"count": count, "year": year},
        )
        return redirect(reverse("governance:unitreport_list") + f"?year={year}")
    messages.error(request, "；".join(e for errors in form.errors.values() for e in errors))
    return redirect("governance:unitreport_list")


@login_required
@permission_required("governance.change_demonstrationapplication", raise_exception=True)
def indicator_work(request, pk, indicator_pk):
    application = DEMONSTRATION.get_for_user(request.user, pk)
    indicator = get_object_or_404(
        DemonstrationIndicator, pk=indicator_pk, edition_id=application.edition_id
    )
    work = application.indicator_work.filter(indicator=indicator).first()
    initial = {}
    if work is not None:
        initial = {
            "lead_units": list(work.lead_units.all()),
            "self_score": work.self_score,
            "gaps": work.gaps,
        }
    form = forms.IndicatorWorkForm(
        request.POST or None, request.FILES or None, initial=initial, viewer=request.user
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.indicator_work_save(
                application=application, indicator=indicator, user=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            put_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect(application)
    context = {"application": application, "indicator": indicator, "form": form}
    return render(request, "governance/indicator_work.html", context)


@login_required
@permission_required("governance.view_inspection", raise_exception=True)
def inspection_notice(request, pk):
    inspection = INSPECTIONS.get_for_user(request.user, pk)
    doc = documents.inspection_notice(inspection)
    return docx_response(doc, documents.inspection_notice_filename(inspection))


@login_required
@permission_required("governance.change_finding", raise_exception=True)
@require_POST
def rectification_notice(request, pk):
    finding = FINDINGS.get_for_user(request.user, pk)
    try:
        doc, number = documents.rectification_notice(finding, user=request.user)
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
        return redirect(finding)
    return docx_response(doc, documents.rectification_notice_filename(finding, number))


@login_required
@permission_required("governance.view_task", raise_exception=True)
def task_ledger_document(request, pk):
    plan = WORKPLANS.get_for_user(request.user, pk)
    tasks = (
        TASKS.selector(request.user)
        .filter(plan=plan)
        .select_related("lead_unit")
        .prefetch_related("co_units")
        .order_by("number", "pk")
    )
    return docx_response(documents.task_ledger(plan, tasks), documents.task_ledger_filename(plan))


def _file(stored):
    return FileResponse(
        stored.open("rb"), as_attachment=True, filename=stored.name.rsplit("/", 1)[-1]
    )


@login_required
@permission_required("governance.view_task", raise_exception=True)
def progress_file(request, pk):
    """A progress report's attachment, to those who may see its task."""
    progress = get_object_or_404(TaskProgress, pk=pk)
    TASKS.get_for_user(request.user, progress.task_id)  # 404 outside the scope
    if not progress.attachment:
        raise Http404
    return _file(progress.attachment)


@login_required
@permission_required("governance.view_demonstrationapplication", raise_exception=True)
def indicator_work_file(request, pk):
    work = get_object_or_404(IndicatorWork, pk=pk)
    DEMONSTRATION.get_for_user(request.user, work.application_id)
    if not work.evidence:
        raise Http404
    return _file(work.evidence)
