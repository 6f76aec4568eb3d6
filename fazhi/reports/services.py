"""Writes to annual reports: creation with section 一 generated, edits of a draft, and the
workflow draft → under review → approved → published (publication freezes the report)."""

import hashlib
import json
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from fazhi.core.versioning import lock_for_edit
from fazhi.inbox.models import Message
from fazhi.inbox.services import notify, users_with_perm_over
from fazhi.indicators.dashboard import records_url
from fazhi.indicators.registry import Period, get_indicator
from fazhi.org.models import Unit
from fazhi.reports.figures import frozen_figures, live_figures
from fazhi.reports.models import AnnualReport, FrozenFigure, ReportParagraph, ReportSection
from fazhi.reports.paragraphs import generated_paragraphs, section_paragraphs
from fazhi.reports.references import Reference
from fazhi.reports.render import layout, plain_text

# The statutory items' headings (厅字〔2019〕28号), Chinese whatever the interface language.
SECTION_TITLES = {
    ReportSection.Kind.MEASURES: "{year}年度推进法治政府建设的主要举措和成效",
    ReportSection.Kind.SHORTCOMINGS: "{year}年度推进法治政府建设存在的不足和原因",
    ReportSection.Kind.LEADERS: (
        "{year}年度党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况"
    ),
    ReportSection.Kind.PLAN: "{next_year}年度推进法治政府建设的主要安排",
    ReportSection.Kind.OTHER: "其他需要报告的情况",
}
REQUIRED = [
    ReportSection.Kind.MEASURES,
    ReportSection.Kind.SHORTCOMINGS,
    ReportSection.Kind.LEADERS,
    ReportSection.Kind.PLAN,
]
OPENING = (
    "根据《法治政府建设与责任落实督察工作规定》和《党政主要负责人履行推进法治建设第一责任人"
    "职责规定》，现将{organ}{year}年度法治政府建设情况报告如下："
)
# Names no line of work: the sub-sections that follow (registered by the lines of work) do.
MEASURES_INTRO = (
    "{year}年，{organ}围绕法治政府建设年度目标，统筹推进各项法治建设工作，主要举措和成效如下。"
)


def section_title(kind: str, year: int) -> str:
    return SECTION_TITLES[kind].format(year=year, next_year=year + 1)


def default_scope(unit):
    """Whose records a body's figures count: the justice bureau reports for the whole district
    it serves; any other body for itself and the units under it."""
    if unit.kind == Unit.Kind.JUSTICE_BUREAU and unit.parent_id:
        return unit.parent
    return unit


@transaction.atomic
def report_create(*, unit, year: int, scope=None, by=None) -> AnnualReport:
    """A draft with the four required sections; section 一 generated from every line of work's
    registered items, the others from the paragraphs lines of work register for them (section
    三's figures) and otherwise left for the bureau to write."""
    scope = scope or default_scope(unit)
    if not unit.path.startswith(scope.path):
        raise ValidationError(
            {
                "scope": _(
                    "The figures must cover the reporting body itself or a unit it belongs to "
                    "(%(unit)s is not under %(scope)s)."
                )
                % {"unit": unit.name, "scope": scope.name}
            },
            code="scope",
        )
    if AnnualReport.objects.filter(unit=unit, year=year).exists():
        raise ValidationError(
            _("%(unit)s already has a report for %(year)s.") % {"unit": unit.name, "year": year},
            code="exists",
        )
    organ = unit.name
    report = AnnualReport.objects.create(
        unit=unit,
        scope=scope,
        year=year,
        title=f"{organ}{year}年法治政府建设年度报告",
        opening=OPENING.format(organ=organ, year=year),
        signature_organ=organ,
        report_due=date(year + 1, 3, 1),
        publish_due=date(year + 1, 3, 31),
        created_by=by,
    )
    for position, kind in enumerate(REQUIRED, start=1):
        section = ReportSection.objects.create(
            report=report, kind=kind, position=position, title=section_title(kind, year)
        )
        if kind == ReportSection.Kind.MEASURES:
            measures_generate(section=section, organ=organ, year=year)
        else:
            for n, (source, heading, text) in enumerate(section_paragraphs(kind, report), start=1):
                ReportParagraph.objects.create(
                    section=section, position=n, heading=heading, text=text, source=source
                )
    return report


def measures_generate(*, section: ReportSection, organ: str, year: int) -> None:
    ReportParagraph.objects.create(
        section=section,
        position=1,
        text=MEASURES_INTRO.format(organ=organ, year=year),
        source="intro",
    )
    for position, (source, heading, text) in enumerate(generated_paragraphs(), start=2):
        ReportParagraph.objects.create(
            section=section, position=position, heading=heading, text=text, source=source
        )


def _require_draft(report: AnnualReport) -> AnnualReport:
    if not report.editable:
        raise ValidationError(
            _("Only a draft can be edited: return the report to draft first."),
            code="not_draft",
        )
    return report


def _draft_locked(report_pk: int, version) -> AnnualReport:
    """The report locked with its version checked (a change of the report itself)."""
    return _require_draft(lock_for_edit(AnnualReport, report_pk, version))


def _draft_held(report_pk: int) -> AnnualReport:
    """The report locked, without a version (a change of one of its paragraphs)."""
    return _require_draft(AnnualReport.objects.select_for_update().get(pk=report_pk))


@transaction.atomic
def report_update(*, report: AnnualReport, version, **fields) -> AnnualReport:
    stored = _draft_locked(report.pk, version)
    for name, value in fields.items():
        setattr(stored, name, value)
    stored.full_clean()
    stored.save()
    return stored


def _touch(report: AnnualReport) -> None:
    """A change of a paragraph or section is a change of the report (its version moves, on
    the stored row: two edits at once move it twice)."""
    AnnualReport.objects.filter(pk=report.pk).update(version=F("version") + 1)


@transaction.atomic
def paragraph_update(*, paragraph: ReportParagraph, version, heading: str, text: str):
    report = _draft_held(paragraph.section.report_id)
    stored = lock_for_edit(ReportParagraph, paragraph.pk, version)
    stored.heading, stored.text = heading.strip(), text.strip()
    stored.full_clean()
    stored.save()
    _touch(report)
    return stored


@transaction.atomic
def paragraph_add(*, section: ReportSection, heading: str, text: str) -> ReportParagraph:
    report = _draft_held(section.report_id)
    last = section.paragraphs.order_by("-position").values_list("position", flat=True).first()
    paragraph = ReportParagraph(
        section=section, position=(last or 0) + 1, heading=heading.strip(), text=text.strip()
    )
    paragraph.full_clean()
    paragraph.save()
    _touch(report)
    return paragraph


@transaction.atomic
def paragraph_delete(*, paragraph: ReportParagraph, version) -> None:
    report = _draft_held(paragraph.section.report_id)
    lock_for_edit(ReportParagraph, paragraph.pk, version).delete()
    _touch(report)


@transaction.atomic
def section_add(*, report: AnnualReport, version, kind: str) -> ReportSection:
    stored = _draft_locked(report.pk, version)
    if stored.sections.filter(kind=kind).exists():
        raise ValidationError(_("The report already has this section."), code="exists")
    last = stored.sections.order_by("-position").values_list("position", flat=True).first()
    stored.save()
    return ReportSection.objects.create(
        report=stored,
        kind=kind,
        position=(last or 0) + 1,
        title=section_title(kind, stored.year),
    )


@transaction.atomic
def section_delete(*, report: AnnualReport, version, section_pk: int) -> None:
    """Remove an optional section (五) with its paragraphs; the four required ones stay."""
    stored = _draft_locked(report.pk, version)
    section = stored.sections.get(pk=section_pk)
    if section.kind in REQUIRED:
        raise ValidationError(
            _("Items 一 to 四 are required by the regulation and cannot be removed."),
            code="required",
        )
    section.delete()
    stored.save()


@transaction.atomic
def section_move(*, report: AnnualReport, version, section_pk: int, step: int) -> None:
    """Move a section up (step -1) or down (+1): the bureau orders the items."""
    stored = _draft_locked(report.pk, version)
    sections = list(stored.sections.order_by("position", "pk"))
    at = next(i for i, s in enumerate(sections) if s.pk == section_pk)
    to = at + step
    if 0 <= to < len(sections):
        sections[at], sections[to] = sections[to], sections[at]
        for position, section in enumerate(sections, start=1):
            if section.position != position:
                section.position = position
                section.save(update_fields=["position"])
    stored.save()


def _require(user, perm: str) -> None:
    if not user.has_perm(perm):
        raise PermissionDenied


def _step(report, version, user, *, perm, allowed_from, to) -> AnnualReport:
    _require(user, perm)
    stored = lock_for_edit(AnnualReport, report.pk, version)
    if stored.status not in allowed_from:
        raise ValidationError(
            _("The report is %(status)s: this step is not possible now.")
            % {"status": stored.get_status_display()},
            code="wrong_status",
        )
    stored.status = to
    return stored


def _refuse_on_failed_checks(report: AnnualReport) -> None:
    from fazhi.reports.checks import blocking

    problems = blocking(report)
    if problems:
        raise ValidationError(
            _(
                "The checks found %(n)s problems: the report goes no further until they are corrected."
            )
            % {"n": len(problems)},
            code="checks",
        )


@transaction.atomic
def report_submit(*, report: AnnualReport, version, by) -> AnnualReport:
    """Draft → under review, once the checks pass."""
    stored = _step(
        report,
        version,
        by,
        perm="reports.change_annualreport",
        allowed_from=[AnnualReport.Status.DRAFT],
        to=AnnualReport.Status.REVIEW,
    )
    _refuse_on_failed_checks(stored)
    stored.submitted_by, stored.submitted_at = by, timezone.now()
    stored.save()
    notify(
        [u for u in users_with_perm_over("reports.approve_annualreport", stored.unit) if u != by],
        kind=Message.Kind.TO_APPROVE,
        title=f"待审定：{stored.title}",
        url=stored.get_absolute_url(),
    )
    return stored


@transaction.atomic
def report_recall(*, report: AnnualReport, version, by) -> AnnualReport:
    """Under review → back to draft by the staff, to change something before the leader
    decides."""
    stored = _step(
        report,
        version,
        by,
        perm="reports.change_annualreport",
        allowed_from=[AnnualReport.Status.REVIEW],
        to=AnnualReport.Status.DRAFT,
    )
    stored.save()
    return stored


@transaction.atomic
def report_return(*, report: AnnualReport, version, by) -> AnnualReport:
    """Under review or approved → back to draft for changes (the approval lapses)."""
    stored = _step(
        report,
        version,
        by,
        perm="reports.approve_annualreport",
        allowed_from=[AnnualReport.Status.REVIEW, AnnualReport.Status.APPROVED],
        to=AnnualReport.Status.DRAFT,
    )
    stored.approved_by = stored.approved_at = None
    stored.frozen_figures.all().delete()
    stored.published_text = stored.content_hash = ""
    stored.save()
    return stored


@transaction.atomic
def report_approve(*, report: AnnualReport, version, by) -> AnnualReport:
    """Under review → approved, by the leader (the approve permission), once the checks pass."""
    stored = _step(
        report,
        version,
        by,
        perm="reports.approve_annualreport",
        allowed_from=[AnnualReport.Status.REVIEW],
        to=AnnualReport.Status.APPROVED,
    )
    _refuse_on_failed_checks(stored)
    _freeze(stored, live_figures(stored))
    stored.approved_by, stored.approved_at = by, timezone.now()
    stored.save()
    return stored


def _freeze(report: AnnualReport, figures) -> None:
    """Store the text as rendered and every figure's value, with a hash over both."""
    unresolved = [f.name for f in figures.values() if f.error]
    if unresolved:
        raise ValidationError(
            _("References that do not resolve: %(names)s") % {"names": "、".join(unresolved)},
            code="unresolved",
        )
    report.frozen_figures.all().delete()
    FrozenFigure.objects.bulk_create(
        FrozenFigure(
            report=report,
            reference=f.name,
            key=f.key,
            value="" if f.value is None else str(f.value),
            text=f.text,
        )
        for f in figures.values()
    )
    report.published_text = plain_text(layout(report, figures))
    report.content_hash = content_hash(report.published_text, figures)


@transaction.atomic
def report_publish(
    *,
    report: AnnualReport,
    version,
    by,
    secrecy_reviewer: str,
    signed_on: date | None = None,
):
    """Approved → published, with the figures the leader approved. If records changed since
    the approval so that a figure would now print differently, publication is refused: the
    report goes back to draft and is approved again."""
    stored = _step(
        report,
        version,
        by,
        perm="reports.publish_annualreport",
        allowed_from=[AnnualReport.Status.APPROVED],
        to=AnnualReport.Status.PUBLISHED,
    )
    if signed_on:
        stored.signature_date = signed_on
    if stored.signature_date is None:
        raise ValidationError(_("Give the date the report is signed."), code="no_date")
    stored.secrecy_reviewer = (secrecy_reviewer or "").strip()
    if not stored.secrecy_reviewer:
        raise ValidationError(
            _("A report goes public only after its secrecy review: name who reviewed it."),
            code="no_secrecy_review",
        )
    changed = differences(stored)
    if changed:
        raise ValidationError(
            _(
                "Records changed after the approval and these figures would now read "
                "differently: %(list)s. Return the report to draft and have it approved again."
            )
            % {"list": "；".join(f"{r['name']} {r['published']} → {r['today']}" for r in changed)},
            code="changed",
        )
    frozen = frozen_figures(stored)
    stored.published_text = plain_text(layout(stored, frozen))  # with the date signed
    stored.content_hash = content_hash(stored.published_text, frozen)
    stored.published_by, stored.published_at = by, timezone.now()
    stored.save()
    return stored


def content_hash(text: str, figures) -> str:
    values = {name: [f.key, str(f.value), f.text] for name, f in sorted(figures.items())}
    payload = json.dumps({"text": text, "figures": values}, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(payload.encode()).hexdigest()


def differences(report: AnnualReport) -> list[dict]:
    """For an approved or published report: each figure that would print differently if
    computed today."""
    frozen = {f.reference: f for f in report.frozen_figures.all()}
    refs = [Reference("", *_split_name(name), 0, 0) for name in frozen]
    today = live_figures(report, refs)
    rows = []
    for name, figure in frozen.items():
        now = today[name]
        if now.text != figure.text:
            rows.append(
                {
                    "name": name,
                    "key": figure.key,
                    "label": str(get_indicator(figure.key).label),
                    "published": figure.text,
                    "today": now.text,
                    "url": records_url(figure.key, report.scope, Period.year(report.year)),
                }
            )
    return rows


def _split_name(name: str) -> tuple[str, str]:
    key, _bar, style = name.partition("|")
    return key, style
