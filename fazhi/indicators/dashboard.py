"""What the dashboard (驾驶舱) shows for a unit and a period: every figure the viewer may see with
its value a year earlier (同比), monthly trends, the breakdown by subordinate unit and by type,
each element carrying the address of the records behind it."""

from dataclasses import dataclass, field
from decimal import Decimal
from urllib.parse import urlencode

from django.apps import apps
from django.urls import reverse

from fazhi.indicators.registry import (
    Indicator,
    Period,
    all_indicators,
    breakdown_by_unit,
    compute_cells,
    format_value,
)

MAX_TREND_MONTHS = 36


def records_url(key: str, unit, period: Period) -> str:
    query = urlencode({"unit": unit.code, "start": period.start, "end": period.end})
    return f"{reverse('indicators:records', args=[key])}?{query}"


@dataclass
class Figure:
    indicator: Indicator
    value: object
    last_year: object
    url: str  # the records (for a ratio: its own page naming both parts)

    @property
    def text(self) -> str:
        return format_value(self.indicator, self.value)

    @property
    def change(self) -> str:
        """同比: the change from the same period a year earlier, in % (points for a ratio)."""
        if self.value is None or self.last_year is None:
            return ""
        if self.indicator.measure == "%":
            delta = Decimal(self.value) - Decimal(self.last_year)
            return f"{delta:+.2f}"
        if not self.last_year:
            return ""
        delta = (Decimal(self.value) - Decimal(self.last_year)) * 100 / Decimal(self.last_year)
        return f"{delta:+.1f}%"


@dataclass
class Section:
    module: str
    label: str
    figures: list[Figure] = field(default_factory=list)
    groups: dict[str, list[Figure]] = field(default_factory=dict)  # pies


def _module_order() -> dict:
    """The lines of work in their menu's order (AppConfig.menu_order)."""
    return {c.label: getattr(c, "menu_order", 100) for c in apps.get_app_configs()}


def trend_indicators(indicators: list[Indicator]) -> list[Indicator]:
    """The figures drawn month by month (`Indicator.trend`), the lines of work in menu order."""
    order = _module_order()
    trends = [i for i in indicators if i.trend]
    return sorted(trends, key=lambda i: (order.get(i.module, 100), i.order, i.key))


def build(*, unit, period: Period, viewer, breakdown_key: str = "") -> dict:
    indicators = [i for i in all_indicators() if i.may_view(viewer)]
    keys = [i.key for i in indicators]
    visible = set(keys)
    trend_keys = [i.key for i in trend_indicators(indicators)]
    # Broken down by unit: the figure the viewer picks, else the first trend figure.
    breakdown_key = breakdown_key or (trend_keys[0] if trend_keys else "")
    months = period.months()[-MAX_TREND_MONTHS:]
    before_period = period.year_before()
    # Three passes of one query per model each: every figure for the period, the headline
    # figures (not the by-type families drawn as pies) a year earlier, the trend by month.
    headline = [i.key for i in indicators if not i.group]
    values = compute_cells([(k, period) for k in keys], unit=unit, viewer=viewer)
    before = compute_cells([(k, before_period) for k in headline], unit=unit, viewer=viewer)
    cells = compute_cells([(k, m) for k in trend_keys for m in months], unit=unit, viewer=viewer)
    values = {k: values[k, period] for k in keys}
    before = {k: before[k, before_period] for k in headline}
    sections: dict[str, Section] = {}
    for indicator in indicators:
        section = sections.setdefault(
            indicator.module, Section(indicator.module, indicator.module_label)
        )
        figure = Figure(
            indicator,
            values[indicator.key],
            before.get(indicator.key),
            records_url(indicator.key, unit, period),
        )
        if indicator.group:
            section.groups.setdefault(indicator.group, []).append(figure)
        else:
            section.figures.append(figure)
    order = _module_order()
    pies = [
        {
            "group": group,
            "title": str(figures[0].indicator.label).split("：", 1)[0],
            "data": [
                {
                    "name": str(f.indicator.label).split("：", 1)[-1],
                    "value": f.value or 0,
                    "url": f.url,
                }
                for f in figures
            ],
        }
        for section in sections.values()
        for group, figures in section.groups.items()
    ]
    return {
        "sections": sorted(sections.values(), key=lambda s: order.get(s.module, 100)),
        "pies": pies,
        "trends": _trends(unit, months, trend_keys, cells),
        "breakdown": _breakdown(unit, period, viewer, breakdown_key)
        if breakdown_key in visible
        else None,
        "breakdown_choices": [i for i in indicators if i.kind != "ratio" and not i.group],
    }


def _trends(unit, months: list[Period], keys, cells) -> dict:
    by_key = {i.key: i for i in all_indicators()}
    return {
        "months": [f"{m.start:%Y-%m}" for m in months],
        "series": [
            {
                "key": key,
                "name": str(by_key[key].label),
                "data": [
                    {"value": cells[key, month], "url": records_url(key, unit, month)}
                    for month in months
                ],
            }
            for key in keys
        ],
    }


def _breakdown(unit, period: Period, viewer, key: str) -> dict:
    indicator = next(i for i in all_indicators() if i.key == key)
    rows = breakdown_by_unit(key, unit=unit, period=period, viewer=viewer)
    return {
        "key": key,
        "label": str(indicator.label),
        "measure": indicator.measure,
        "height": max(240, 40 + 22 * len(rows)),
        "rows": [
            {
                "name": child.short_name or child.name,
                "value": value,
                "url": records_url(key, child, period),
            }
            for child, value in rows
        ],
    }
