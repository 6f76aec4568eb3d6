"""Checks before a report goes for approval, each with a link to where it can be corrected:
the four required sections present and written; every reference resolving; no figure typed by
hand; ratios and totals agreeing with their parts; the reporting and publication deadlines."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from fazhi.indicators.registry import Period, all_totals, compute, get_indicator, ratio
from fazhi.reports.figures import WholeScope, figures_for
from fazhi.reports.models import AnnualReport, ReportSection
from fazhi.reports.references import malformed_references, references_in, untraceable_numbers
from fazhi.reports.services import REQUIRED
from fazhi.timelimits.selectors import today as legal_today

ERROR, WARNING = "error", "warning"


@dataclass
class Finding:
    level: str  # error (blocks submission and approval) or warning
    message: str
    url: str = ""


def run_checks(report: AnnualReport, *, today: date | None = None, figures=None) -> list[Finding]:
    today = today or legal_today()
    findings: list[Finding] = []
    findings += _sections(report)
    figures = figures_for(report) if figures is None else figures
    findings += _text_checks(report, figures)
    findings += _empty_figures(report, figures)
    findings += _consistency(report, figures)
    findings += _deadlines(report, today)
    return findings


def blocking(report: AnnualReport) -> list[Finding]:
    return [f for f in run_checks(report) if f.level == ERROR]


def _edit_url(report, paragraph=None) -> str:
    url = reverse("reports:report_detail", args=[report.pk])
    return f"{url}#paragraph-{paragraph.pk}" if paragraph else url


def _sections(report) -> list[Finding]:
    """The four required items present and written; an optional one (五) written or removed."""
    findings = []
    sections = {s.kind: s for s in report.sections.all()}
    for kind in REQUIRED:
        if kind not in sections:
            label = ReportSection.Kind(kind).label
            findings.append(
                Finding(
                    ERROR, _("The section “%(s)s” is missing.") % {"s": label}, _edit_url(report)
                )
            )
    for section in sections.values():
        if not any(p.text.strip() for p in section.paragraphs.all()):
            findings.append(
                Finding(
                    ERROR,
                    _("The section “%(s)s” has no text yet.") % {"s": section.title}
                    if section.kind in REQUIRED
                    else _("The section “%(s)s” has no text: write it or remove it.")
                    % {"s": section.title},
                    f"{_edit_url(report)}#section-{section.pk}",
                )
            )
    return findings


def _empty_figures(report, figures) -> list[Finding]:
    """A figure of nothing (0, or a ratio of nothing) usually means a ledger not kept for the
    year, not a year without work: worth a look before it is printed."""
    empty = sorted(
        f.name
        for f in figures.values()
        if not f.error and (f.value in (None, "") or _is_zero(f.value))
    )
    if not empty:
        return []
    return [
        Finding(
            WARNING,
            _(
                "%(n)s figures are zero or cannot be computed (—), e.g. %(names)s: check that "
                "the ledgers of %(year)s are complete before the report goes further."
            )
            % {"n": len(empty), "names": "、".join(empty[:5]), "year": report.year},
        )
    ]


def _is_zero(value) -> bool:
    try:
        return Decimal(str(value)) == 0
    except (ArithmeticError, ValueError):
        return False


def _texts(report):
    """Every text the report prints: (where, text, link, whether references are allowed)."""
    settings_url = reverse("reports:report_edit", args=[report.pk])
    yield _("the title"), report.title, settings_url, False
    yield _("the main recipient"), report.recipient, settings_url, False
    yield _("the opening paragraph"), report.opening, settings_url, True
    yield _("the issuing organ"), report.signature_organ, settings_url, False
    for section in report.sections.all():
        yield section.title, section.title, _edit_url(report), False
        for paragraph in section.paragraphs.all():
            url = _edit_url(report, paragraph)
            yield section.title, paragraph.heading + paragraph.text, url, True


def _text_checks(report, figures) -> list[Finding]:
    """No figure typed by hand, no mistyped reference, every reference naming an indicator."""
    findings = []
    for where, text, url, references_allowed in _texts(report):
        for number in untraceable_numbers(text):
            findings.append(
                Finding(
                    ERROR,
                    _(
                        "“%(section)s” has the figure “%(n)s” typed by hand, which no record "
                        "backs: write it as a reference to an indicator, or leave it out."
                    )
                    % {"section": where, "n": number},
                    url,
                )
            )
        broken = malformed_references(text)
        if not references_allowed:
            broken += [ref.text for ref in references_in(text)]
        for piece in broken:
            findings.append(
                Finding(
                    ERROR,
                    _(
                        "“%(section)s”: “%(piece)s” is not a reference the report can print "
                        "(write {{key}} or {{key|measure word}} with a key of the catalogue, "
                        "in the opening or a paragraph)."
                    )
                    % {"section": where, "piece": piece},
                    url,
                )
            )
        if references_allowed:
            for ref in references_in(text):
                figure = figures.get(ref.name)
                if figure is not None and figure.error:
                    findings.append(
                        Finding(
                            ERROR,
                            _("“%(section)s”: the reference %(ref)s names no indicator.")
                            % {"section": where, "ref": ref.text},
                            url,
                        )
                    )
    return findings


def _consistency(report, figures) -> list[Finding]:
    """Ratios against their numerator and denominator, totals against their parts, for every
    figure the report prints: the values printed (frozen at approval, if approved), the parts
    the text leaves out computed alongside."""
    printed = {f.key: f.value for f in figures.values() if not f.error and f.key}
    if not printed:
        return []
    rules = [t for t in all_totals() if t.total in printed or set(printed) & set(t.part_keys())]
    ratios = [get_indicator(k) for k in printed if get_indicator(k).kind == "ratio"]
    wanted = set(printed)
    for rule in rules:
        wanted |= {rule.total, *rule.part_keys()}
    for indicator in ratios:
        wanted |= {indicator.numerator, indicator.denominator}
    values = compute(
        unit=report.scope, period=Period.year(report.year), viewer=WholeScope(), keys=sorted(wanted)
    )
    values.update(printed)

    def number(key):
        value = values.get(key)
        return None if value in (None, "") else Decimal(str(value))

    findings = []
    for indicator in ratios:
        expected = ratio(
            number(indicator.numerator) or 0, number(indicator.denominator), indicator.scale
        )
        if expected != number(indicator.key):
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
        total = sum((number(k) or Decimal(0) for k in rule.part_keys()), Decimal(0))
        if total != (number(rule.total) or Decimal(0)):
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
    """The reporting and publication deadlines (data of the report): due, missed, or met late."""
    findings = []
    approved_on = _local_day(report.approved_at)
    published_on = _local_day(report.published_at)
    if approved_on is None:
        if today > report.report_due:
            message = _("Overdue: the report was due by %(day)s and is not approved yet.")
        else:
            message = _("Report due by %(day)s (%(n)s days left).")
        findings.append(
            Finding(
                WARNING,
                message
                % {"day": report.report_due.isoformat(), "n": (report.report_due - today).days},
            )
        )
    elif approved_on > report.report_due:
        findings.append(
            Finding(
                WARNING,
                _("Approved on %(on)s, after the due date %(day)s.")
                % {"on": approved_on.isoformat(), "day": report.report_due.isoformat()},
            )
        )
    if published_on is None:
        if today > report.publish_due:
            findings.append(
                Finding(
                    WARNING,
                    _("Overdue: publication was due by %(day)s.")
                    % {"day": report.publish_due.isoformat()},
                )
            )
    elif published_on > report.publish_due:
        findings.append(
            Finding(
                WARNING,
                _("Published on %(on)s, after the due date %(day)s.")
                % {"on": published_on.isoformat(), "day": report.publish_due.isoformat()},
            )
        )
    return findings


def _local_day(moment) -> date | None:
    """The legal day (Asia/Shanghai) of a stored moment."""
    return timezone.localdate(moment) if moment else None
