"""The figures a report's text refers to: computed live from the records (a draft), or as
frozen at publication (a published report)."""

from dataclasses import dataclass

from fazhi.indicators.registry import Period, compute, get_indicator
from fazhi.reports.references import Reference, format_figure, references_in


class WholeScope:
    """Reads a report's figures over its whole unit tree, whoever opens the report: a report
    says one thing to every reader (who may open it is decided by the report's own scope)."""

    pk = None
    unit_id = None
    is_superuser = True
    is_authenticated = True
    is_active = True

    def has_perm(self, perm, obj=None) -> bool:
        return True


@dataclass
class Figure:
    name: str  # key or key|style
    key: str
    value: object  # int, Decimal or None; str when read back frozen
    text: str  # as printed
    measure: str
    error: str = ""  # why the reference does not resolve
    url: str = ""  # the records behind it (set for pages)

    @property
    def label(self) -> str:
        """What the figure counts, in words (a page's tooltip): never the key."""
        try:
            return str(get_indicator(self.key).label)
        except KeyError:
            return ""


def report_texts(report) -> list[str]:
    """Every text of the report that may carry references, in reading order."""
    texts = [report.opening]
    for section in report.sections.all():
        for paragraph in section.paragraphs.all():
            texts += [paragraph.heading, paragraph.text]
    return texts


def report_references(report) -> list[Reference]:
    return [ref for text in report_texts(report) for ref in references_in(text)]


def live_figures(report, references: list[Reference] | None = None) -> dict[str, Figure]:
    """Each reference's figure computed now from the records under the report's unit."""
    references = report_references(report) if references is None else references
    figures, keys = {}, []
    for ref in references:
        try:
            indicator = get_indicator(ref.key)
        except KeyError as error:
            figures[ref.name] = Figure(ref.name, ref.key, None, ref.text, "", str(error.args[0]))
            continue
        keys.append(indicator.key)
    values = (
        compute(
            unit=report.scope,
            period=Period.year(report.year),
            viewer=WholeScope(),
            keys=list(dict.fromkeys(keys)),
        )
        if keys
        else {}
    )
    for ref in references:
        if ref.name in figures:
            continue
        indicator = get_indicator(ref.key)
        value = values[ref.key]
        figures[ref.name] = Figure(
            ref.name,
            ref.key,
            value,
            format_figure(value, indicator.measure, ref.style, report.money_rule),
            indicator.measure,
        )
    return figures


def frozen_figures(report) -> dict[str, Figure]:
    return {
        f.reference: Figure(f.reference, f.key, f.value, f.text, "")
        for f in report.frozen_figures.all()
    }


def figures_for(report) -> dict[str, Figure]:
    """What the report prints: frozen once published, live before."""
    return frozen_figures(report) if report.is_frozen else live_figures(report)
