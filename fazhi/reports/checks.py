"""Checks before a report goes for approval, each with a link to where it can be corrected:
the four required sections present and written; every reference resolving; no figure typed by
hand; ratios and totals agreeing with their parts; the reporting and publication deadlines."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.urls import reverse
from django.utils.translation import gettext as _

from fazhi.indicators.registry import all_totals, get_indicator, ratio
from fazhi.reports.figures import live_figures
from fazhi.reports.models import AnnualReport, ReportSection
from fazhi.reports.references import untraceable_numbers
from fazhi.reports.services import REQUIRED

ERROR, WARNING = "error", "warning"


@dataclass
class Finding:
    level: str  # error (blocks submission and approval) or warning
    message: str
    url: str = ""


def run_checks(report: AnnualReport, *, today: date | None = None) -> list[Finding]:
    from fazhi.timelimits.selectors import today as legal_today

    today = today or legal_today()
    findings: list[Finding] = []
    findings += _sections(report)
    findings += _typed_numbers(report)
    figures = live_figures(report) if not report.is_frozen else {}
    findings += _references(report, figures)
    findings += _consistency(report, figures)
    findings += _deadlines(report, today)
    return findings


def blocking(report: AnnualReport) -> list[Finding]:
    return [f for f in run_checks(report) if f.level == ERROR]


def _edit_url(report, paragraph=None) -> str:
    url = reverse("reports:report_detail", args=[report.pk])
    return f"{url}#paragraph-{paragraph.pk}" if paragraph else url


def _sections(report) -> list[Finding]:
    findings = []
    sections = {s.kind: s for s in report.sections.all()}
    for kind in REQUIRED:
        label = ReportSection.Kind(kind).label
        section = sections.get(kind)
        if section is None:
            findings.append(
                Finding(
                    ERROR, _("The section “%(s)s” is missing.") % {"s": label}, _edit_url(report)
                )
            )
        elif not any(p.text.strip() for p in section.paragraphs.all()):
            findings.append(
                Finding(
                    ERROR,
                    _("The section “%(s)s” has no text yet.") % {"s": label},
                    f"{_edit_url(report)}#section-{section.pk}",
                )
            )
    return findings


def _paragraphs(report):
    for section in report.sections.all():
        for paragraph in section.paragraphs.all():
            yield section, paragraph


def _typed_numbers(report) -> list[Finding]:
    findings = []
    for number in untraceable_numbers(report.opening):
        findings.append(
            Finding(
                ERROR,
                _(
                    "The opening paragraph has the figure “%(n)s” typed by hand: write it as a "
                    "reference to an indicator, or leave it out."
                )
                % {"n": number},
                reverse("reports:report_edit", args=[report.pk]),
            )
        )
    for section, paragraph in _paragraphs(report):
        for number in untraceable_numbers(paragraph.heading + paragraph.text):
            findings.append(
                Finding(
                    ERROR,
                    _(
                        "“%(section)s” has the figure “%(n)s” typed by hand, which no record "
                        "backs: write it as a reference to an indicator, or leave it out."
                    )
                    % {"section": section.title, "n": number},
                    _edit_url(report, paragraph),
                )
            )
    return findings


def _references(report, figures) -> list[Finding]:
    findings = []
    for section, paragraph in _paragraphs(report):
        from fazhi.reports.references import references_in

        for ref in references_in(paragraph.heading + paragraph.text):
            figure = figures.get(ref.name)
            if figure is not None and figure.error:
                findings.append(
                    Finding(
                        ERROR,
                        _("“%(section)s”: the reference %(ref)s names no indicator.")
                        % {"section": section.title, "ref": ref.text},
                        _edit_url(report, paragraph),
                    )
                )
    return findings


def _consistency(report, figures) -> list[Finding]:
    """Ratios against their numerator and denominator, totals against their parts, for every
    figure the report prints (the parts computed alongside when the text leaves them out)."""
    from fazhi.indicators.registry import Period, compute
    from fazhi.reports.figures import WholeScope

    printed = {f.key for f in figures.values() if not f.error}
    if not printed:
        return []
    rules = [t for t in all_totals() if t.total in printed or printed & set(t.part_keys())]
    ratios = [get_indicator(k) for k in printed if get_indicator(k).kind == "ratio"]
    wanted = set(printed)
    for rule in rules:
        wanted |= {rule.total, *rule.part_keys()}
    for indicator in ratios:
        wanted |= {indicator.numerator, indicator.denominator}
    values = compute(
        unit=report.scope, period=Period.year(report.year), viewer=WholeScope(), keys=sorted(wanted)
    )
    findings = []
    for indicator in ratios:
        expected = ratio(
            values[indicator.numerator], values[indicator.denominator], indicator.scale
        )
        if expected != values[indicator.key]:
            findings.append(
                Finding(
                    ERROR,
                    _("%(label)s is %(value)s, but %(num)s ÷ %(den)s gives %(expected)s.")
                    % {
                        "label": indicator.label,
                        "value": values[indicator.key],
                        "num": values[indicator.numerator],
                        "den": values[indicator.denominator],
                        "expected": expected,
                    },
                )
            )
    for rule in rules:
        parts = rule.part_keys()
        total = sum((Decimal(values[k] or 0) for k in parts), Decimal(0))
        if total != Decimal(values[rule.total] or 0):
            findings.append(
                Finding(
                    ERROR,
                    _("%(label)s is %(value)s, but its parts add up to %(total)s.")
                    % {
                        "label": get_indicator(rule.total).label,
                        "value": values[rule.total],
                        "total": total,
                    },
                    reverse("indicators:records", args=[rule.total])
                    + f"?unit={report.scope.code}&start={report.year}-01-01&end={report.year}-12-31",
                )
            )
    return findings


def _deadlines(report, today: date) -> list[Finding]:
    findings = []
    if report.status in (AnnualReport.Status.DRAFT, AnnualReport.Status.REVIEW):
        if today > report.report_due:
            findings.append(
                Finding(
                    WARNING,
                    _("The report was due by %(day)s and is not approved yet.")
                    % {"day": report.report_due.isoformat()},
                    reverse("reports:report_edit", args=[report.pk]),
                )
            )
        else:
            findings.append(
                Finding(
                    WARNING,
                    _("Report due by %(day)s (%(n)s days left).")
                    % {"day": report.report_due.isoformat(), "n": (report.report_due - today).days},
                )
            )
    if report.status != AnnualReport.Status.PUBLISHED and today > report.publish_due:
        findings.append(
            Finding(
                WARNING,
                _("Publication was due by %(day)s.") % {"day": report.publish_due.isoformat()},
            )
        )
    elif report.published_at and report.published_at.date() > report.publish_due:
        findings.append(
            Finding(
                WARNING,
                _("Published on %(on)s, after the due date %(day)s.")
                % {
                    "on": report.published_at.date().isoformat(),
                    "day": report.publish_due.isoformat(),
                },
            )
        )
    return findings
