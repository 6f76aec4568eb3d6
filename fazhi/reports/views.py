"""Pages of the annual report: thin views over selectors, services, checks and outputs."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fazhi.core.audit import history_for
from fazhi.core.documents import docx_response
from fazhi.indicators.dashboard import trend_indicators
from fazhi.indicators.registry import all_indicators
from fazhi.reports import outputs, selectors, services
from fazhi.reports.checks import run_checks
from fazhi.reports.figures import figures_for
from fazhi.reports.forms import (
    ParagraphForm,
    ReportCreateForm,
    ReportSettingsForm,
    SectionAddForm,
    put_errors,
)
from fazhi.reports.models import ReportSection
from fazhi.reports.paragraphs import suggestions_for
from fazhi.reports.pdf import PdfUnavailable
from fazhi.reports.workflow import REPORT

VIEW = "reports.view_annualreport"
CHANGE = "reports.change_annualreport"


@login_required
@permission_required(VIEW, raise_exception=True)
def report_list(request):
    reports = selectors.reports_for(request.user)
    return render(request, "reports/report_list.html", {"reports": reports})


@login_required
@permission_required("reports.add_annualreport", raise_exception=True)
def report_create(request):
    form = ReportCreateForm(request.POST or None, viewer=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            report = services.report_create(**form.cleaned_data, by=request.user)
        except ValidationError as error:
            put_errors(form, error)
        else:
            messages.success(request, _("The report was created: section 一 is generated."))
            return redirect(report)
    return render(
        request, "reports/report_form.html", {"form": form, "heading": _("New annual report")}
    )


@login_required
@permission_required(VIEW, raise_exception=True)
def report_detail(request, pk):
    report = selectors.get_report_for_user(request.user, pk)
    figures = figures_for(report)  # computed once for the text and the checks
    blocks = outputs.linked_blocks(report, figures)
    findings = run_checks(report, figures=figures)
    present = {s.kind for s in report.sections.all()}
    return render(
        request,
        "reports/report_detail.html",
        {
            "report": report,
            "blocks": blocks,
            "sections": _sections_with_blocks(report, blocks),
            "opening": next(b for b in blocks if b.kind == "paragraph"),
            "findings": findings,
            "missing_kinds": [k for k in ReportSection.Kind if k not in present],
            "suggestions": _suggestions(report) if report.editable else [],
            "steps": REPORT.offered(request, report),
            "history": history_for(
                report,
                request.user,
                parts=[p for s in report.sections.all() for p in [s, *s.paragraphs.all()]],
            ),
        },
    )


def _suggestions(report) -> list[str]:
    """What the records suggest for section 二, less what was added already."""
    section = next(
        (s for s in report.sections.all() if s.kind == ReportSection.Kind.SHORTCOMINGS), None
    )
    if section is None:
        return []
    written = {p.text for p in section.paragraphs.all()}
    return [s for s in suggestions_for(report, section.kind) if s not in written]


def _sections_with_blocks(report, blocks):
    """Each section with its paragraphs, each paragraph with its rendered block."""
    paragraphs = [b for b in blocks if b.kind in ("paragraph", "section")][1:]  # after opening
    result, at = [], 0
    for section in report.sections.all():
        heading = paragraphs[at]
        at += 1
        rows = []
        for paragraph in section.paragraphs.all():
            rows.append((paragraph, paragraphs[at]))
            at += 1
        result.append((section, heading, rows))
    return result


@login_required
@permission_required(VIEW, raise_exception=True)
def report_checks(request, pk):
    report = selectors.get_report_for_user(request.user, pk)
    findings = run_checks(report)
    return render(request, "reports/report_checks.html", {"report": report, "findings": findings})


@login_required
@permission_required(CHANGE, raise_exception=True)
def report_edit(request, pk):
    report = selectors.get_report_for_user(request.user, pk)
    if not report.editable:
        return _not_a_draft(request, report)
    form = ReportSettingsForm(
        request.POST or None, instance=report, initial={"version": report.version}
    )
    if request.method == "POST" and form.is_valid():
        fields = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            services.report_update(report=report, version=form.cleaned_data["version"], **fields)
        except ValidationError as error:
            put_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect(report)
    return render(
        request,
        "reports/report_form.html",
        {"form": form, "report": report, "heading": _("Report settings")},
    )


@login_required
@permission_required(CHANGE, raise_exception=True)
def paragraph_edit(request, pk, paragraph_pk):
    paragraph = selectors.get_paragraph_for_user(request.user, pk, paragraph_pk)
    if not paragraph.section.report.editable:
        return _not_a_draft(request, paragraph.section.report)
    form = ParagraphForm(
        request.POST or None, instance=paragraph, initial={"version": paragraph.version}
    )

    def save(data):
        return services.paragraph_update(
            paragraph=paragraph, version=data["version"], **_text(data)
        )

    return _paragraph_page(request, form, paragraph.section, paragraph, save, _("Paragraph saved."))


@login_required
@permission_required(CHANGE, raise_exception=True)
def paragraph_add(request, pk, section_pk):
    report = selectors.get_report_for_user(request.user, pk)
    section = next((s for s in report.sections.all() if s.pk == section_pk), None)
    if section is None:
        raise Http404
    if not report.editable:
        return _not_a_draft(request, report)
    form = ParagraphForm(request.POST or None)

    def save(data):
        return services.paragraph_add(section=section, **_text(data))

    return _paragraph_page(request, form, section, None, save, _("Paragraph added."))


def _not_a_draft(request, report):
    """Editing pages open only on a draft: nothing typed is lost to a refusal on saving."""
    messages.error(
        request,
        _(
            "Only a draft can be edited: take it back to draft first (staff while it awaits "
            "approval, the leader once approved)."
        ),
    )
    return redirect(report)


def _text(data) -> dict:
    return {"heading": data["heading"], "text": data["text"]}


def _paragraph_page(request, form, section, paragraph, save, done):
    """The paragraph form: on a valid POST, `save` it and go back to it on the report."""
    report = section.report
    if request.method == "POST" and form.is_valid():
        try:
            saved = save(form.cleaned_data)
        except ValidationError as error:
            put_errors(form, error)
        else:
            messages.success(request, done)
            return redirect(f"{report.get_absolute_url()}#paragraph-{saved.pk}")
    context = {"form": form, "report": report, "section": section, "paragraph": paragraph}
    indicators = [i for i in all_indicators() if not i.group]  # the by-type families aside
    return render(
        request,
        "reports/paragraph_form.html",
        {**context, "examples": _examples(indicators), "indicators": indicators},
    )


def _examples(indicators) -> list[str]:
    """How a reference is written, shown on the paragraph form with registered figures: a
    headline figure, and a count of people with another measure word after the bar."""
    counting = [i for i in indicators if i.kind != "ratio"]
    first = next(iter(trend_indicators(counting)), None) or next(iter(counting), None)
    if first is None:
        return ["{{…}}", "{{…|名}}"]
    people = next((i for i in counting if i.measure == "人"), first)
    return [f"{{{{{first.key}}}}}", f"{{{{{people.key}|名}}}}"]


@require_POST
@login_required
@permission_required(CHANGE, raise_exception=True)
def paragraph_delete(request, pk, paragraph_pk):
    paragraph = selectors.get_paragraph_for_user(request.user, pk, paragraph_pk)
    report = paragraph.section.report
    try:
        services.paragraph_delete(paragraph=paragraph, version=request.POST.get("version"))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Paragraph deleted."))
    return redirect(report)


@require_POST
@login_required
@permission_required(CHANGE, raise_exception=True)
def section_add(request, pk):
    report = selectors.get_report_for_user(request.user, pk)
    form = SectionAddForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose an item of the report."))
        return redirect(report)
    try:
        services.section_add(
            report=report, version=request.POST.get("version"), kind=form.cleaned_data["kind"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(report)


@require_POST
@login_required
@permission_required(CHANGE, raise_exception=True)
def section_delete(request, pk, section_pk):
    report = selectors.get_report_for_user(request.user, pk)
    if not any(s.pk == section_pk for s in report.sections.all()):
        raise Http404
    try:
        services.section_delete(
            report=report, version=request.POST.get("version"), section_pk=section_pk
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Section removed."))
    return redirect(report)


@require_POST
@login_required
@permission_required(CHANGE, raise_exception=True)
def section_move(request, pk, section_pk):
    report = selectors.get_report_for_user(request.user, pk)
    if not any(s.pk == section_pk for s in report.sections.all()):
        raise Http404
    step = -1 if request.POST.get("direction") == "up" else 1
    try:
        services.section_move(
            report=report, version=request.POST.get("version"), section_pk=section_pk, step=step
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(f"{report.get_absolute_url()}#section-{section_pk}")


@login_required
@permission_required(VIEW, raise_exception=True)
def report_differences(request, pk):
    report = selectors.get_report_for_user(request.user, pk)
    if not report.is_frozen:
        raise Http404
    rows = services.differences(report)
    return render(request, "reports/report_differences.html", {"report": report, "rows": rows})


@login_required
@permission_required(VIEW, raise_exception=True)
def report_document(request, pk, fmt):
    report = selectors.get_report_for_user(request.user, pk)
    name = f"{report.title}"
    if fmt == "html":
        return HttpResponse(outputs.html(report, request=request))
    if fmt == "docx":
        return docx_response(outputs.docx(report), f"{name}.docx")
    if fmt == "pdf":
        try:
            pdf = outputs.pdf(report)
        except PdfUnavailable as error:
            messages.error(request, str(error))
            return redirect(report)
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = content_disposition_header(True, f"{name}.pdf")
        return response
    raise Http404
