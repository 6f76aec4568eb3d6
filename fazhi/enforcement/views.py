"""The enforcement pages beyond the registers' own: exam results, annual reviews, a rubric's
items and new edition, and scoring a case file."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fazhi.core.forms import put_errors
from fazhi.enforcement import forms, services
from fazhi.enforcement.models import points_text
from fazhi.enforcement.registers import CASE_FILES, CERTIFICATES, EXAMS, RUBRICS
from fazhi.timelimits.selectors import today


def _form_errors(request, form) -> None:
    messages.error(request, "；".join(e for errors in form.errors.values() for e in errors))


def _post_to_service(request, form, record, service, done, **arguments):
    """A small form posted from a record's page: the service's refusal as a message there."""
    if form.is_valid():
        try:
            result = service(user=request.user, **arguments, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, "；".join(error.messages))
        else:
            messages.success(request, done)
            return result
    else:
        _form_errors(request, form)
    return None


@login_required
@permission_required("enforcement.change_examsitting", raise_exception=True)
@require_POST
def exam_result_add(request, pk):
    sitting = EXAMS.get_for_user(request.user, pk)
    form = forms.ExamResultForm(request.POST, viewer=request.user)
    _post_to_service(
        request, form, sitting, services.exam_result_record, _("Result recorded."), sitting=sitting
    )
    return redirect(sitting)


@login_required
@permission_required("enforcement.change_certificate", raise_exception=True)
@require_POST
def certificate_review_add(request, pk):
    certificate = CERTIFICATES.get_for_user(request.user, pk)
    form = forms.CertificateReviewForm(request.POST)
    _post_to_service(
        request,
        form,
        certificate,
        services.certificate_review_record,
        _("Annual review recorded."),
        certificate=certificate,
    )
    return redirect(certificate)


@login_required
@permission_required("enforcement.change_rubric", raise_exception=True)
@require_POST
def rubric_item_add(request, pk):
    rubric = RUBRICS.get_for_user(request.user, pk)
    form = forms.RubricItemForm(request.POST)
    _post_to_service(
        request, form, rubric, services.rubric_item_add, _("Rubric item added."), rubric=rubric
    )
    return redirect(rubric)


@login_required
@permission_required("enforcement.add_rubric", raise_exception=True)
@require_POST
def rubric_copy(request, pk):
    rubric = RUBRICS.get_for_user(request.user, pk)
    form = forms.RubricCopyForm(request.POST)
    copy = _post_to_service(
        request,
        form,
        rubric,
        services.rubric_copy,
        _("A new edition was made: change its items before it scores."),
        rubric=rubric,
    )
    return redirect(copy or rubric)


@login_required
def case_file_score(request, pk):
    """The evaluator's page: points deducted per item of the case file's rubric with reasons;
    the earlier deductions fill it (scoring again replaces them)."""
    case_file = CASE_FILES.get_for_user(request.user, pk)
    if not services.may_score(request.user, case_file.campaign):
        raise PermissionDenied
    if case_file.submitted_onward:
        messages.error(request, _("The case file was submitted onward: its score stays."))
        return redirect(case_file)
    initial = {"version": case_file.version, "scored_on": case_file.scored_on or today()}
    for d in case_file.deductions.all():
        initial[f"points_{d.item_id}"] = d.points
        initial[f"reason_{d.item_id}"] = d.reason
    form = forms.CaseScoreForm(request.POST or None, initial=initial, case_file=case_file)
    if request.method == "POST" and form.is_valid():
        try:
            scored = services.case_file_score(
                case_file=case_file,
                version=form.cleaned_data["version"],
                scored_on=form.cleaned_data["scored_on"],
                deductions=form.deductions(),
                user=request.user,
            )
        except ValidationError as error:
            put_errors(form, error)
        else:
            messages.success(
                request,
                _("Scored %(score)s points: %(grade)s.")
                % {"score": points_text(scored.score), "grade": scored.grade},
            )
            return redirect(scored)
    groups = {}
    for item in form.items:
        groups.setdefault(item.parent, []).append(
            (item, form[f"points_{item.pk}"], form[f"reason_{item.pk}"])
        )
    context = {"case_file": case_file, "form": form, "groups": groups}
    return render(request, "enforcement/casefile_score.html", context)
