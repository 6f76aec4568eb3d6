"""The enforcement pages beyond the registers' own: recording an exam result."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fazhi.enforcement import forms, services
from fazhi.enforcement.registers import EXAMS


@login_required
@permission_required("enforcement.change_examsitting", raise_exception=True)
@require_POST
def exam_result_add(request, pk):
    sitting = EXAMS.get_for_user(request.user, pk)
    form = forms.ExamResultForm(request.POST, viewer=request.user)
    if form.is_valid():
        try:
            services.exam_result_record(sitting=sitting, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, "；".join(error.messages))
        else:
            messages.success(request, _("Result recorded."))
    else:
        messages.error(request, "；".join(e for errors in form.errors.values() for e in errors))
    return redirect(sitting)
