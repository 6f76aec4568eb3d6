"""The Excel ledger pages every line of work shares: template download, upload with dry run and
a progress bar, the errors (row / column / message) and the annotated workbook."""

from contextlib import suppress

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from fazhi.core.forms import StyledForm
from fazhi.core.ledger_jobs import ledgers_for, start_import_job
from fazhi.core.ledgers import check_workbook, get_ledger, write_template
from fazhi.core.models import ImportJob
from fazhi.indicators.selectors import default_unit
from fazhi.org.models import Unit

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_UPLOAD = 50 * 1024 * 1024


class ImportForm(StyledForm, forms.Form):
    ledger = forms.ChoiceField(label=_("Ledger"))
    unit = forms.ModelChoiceField(
        label=_("Import into"),
        queryset=Unit.objects,
        help_text=_(
            "Every unit named in the file (committee, parent, submitting unit …) must be under this unit."
        ),
    )
    file = forms.FileField(label=_("Excel file (.xlsx)"))
    dry_run = forms.BooleanField(label=_("Dry run: check every row, save nothing"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ledger"].choices = [(ledger.key, ledger.title) for ledger in ledgers_for(user)]
        self.fields["unit"].queryset = Unit.objects.visible_to(user).exclude(
            kind__in=[Unit.Kind.BUREAU_SECTION, Unit.Kind.COURT, Unit.Kind.PARTY_OFFICE]
        )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(
                _("Upload an Excel workbook (.xlsx), e.g. the template downloaded here.")
            )
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("The file is larger than 50 MB."))
        check_workbook(upload)  # not a workbook, or larger unpacked than an import may be
        return upload


def _ledger_for(user, key):
    ledger = next((item for item in ledgers_for(user) if item.key == key), None)
    if ledger is None:
        raise Http404
    return ledger


@login_required
def ledger_import(request):
    if not ledgers_for(request.user):
        raise PermissionDenied
    initial = {"ledger": request.GET.get("ledger")}
    with suppress(Http404):
        initial["unit"] = default_unit(request.user)
    form = ImportForm(
        request.POST or None, request.FILES or None, user=request.user, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        job = ImportJob.objects.create(
            ledger=data["ledger"],
            unit=data["unit"],
            user=request.user,
            file=data["file"],
            original_name=data["file"].name[:200],
            dry_run=data["dry_run"],
        )
        start_import_job(job)
        return redirect("ledgers:job", pk=job.pk)
    recent = ImportJob.objects.filter(user=request.user).select_related("unit")[:10]
    ledgers = ledgers_for(request.user)
    return render(
        request, "core/ledger_import.html", {"form": form, "recent": recent, "ledgers": ledgers}
    )


@login_required
def ledger_template(request, key):
    ledger = _ledger_for(request.user, key)
    response = HttpResponse(content_type=XLSX)
    response["Content-Disposition"] = (
        f"attachment; filename=\"{key}.xlsx\"; filename*=UTF-8''{_quote(ledger.title)}.xlsx"
    )
    write_template(ledger, response, {"viewer": request.user, "unit": None})
    return response


def _own_job(request, pk) -> ImportJob:
    """Only the uploader (or a superuser) sees a job and its errors."""
    jobs = ImportJob.objects.select_related("unit")
    if not request.user.is_superuser:
        jobs = jobs.filter(user=request.user)
    try:
        return jobs.get(pk=pk)
    except ImportJob.DoesNotExist:
        raise Http404 from None


@login_required
def import_job(request, pk):
    job = _own_job(request, pk)
    ledger = get_ledger(job.ledger)
    template = "core/_import_job.html" if request.htmx else "core/import_job.html"
    return render(request, template, {"job": job, "ledger": ledger})


@login_required
def import_errors(request, pk):
    job = _own_job(request, pk)
    if not job.error_file:
        raise Http404
    return FileResponse(
        job.error_file.open("rb"),
        as_attachment=True,
        filename=f"错误标注-{job.original_name}",
        content_type=XLSX,
    )


def _quote(text: str) -> str:
    from urllib.parse import quote

    return quote(text)
