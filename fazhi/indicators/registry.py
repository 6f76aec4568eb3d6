"""The indicator registry: every figure of every line of work, defined once.

Each app declares its figures in its own `indicators.py` with `register(...)`. An indicator either
counts (or sums a field of) the records a filter selects, so the same definition gives both the
value and exactly the records behind it, or it is a ratio of two other indicators.

Values are computed for a unit's subtree, within the viewer's data scope, over a period. The
counting indicators of one model are computed together in one aggregate query.
"""

from __future__ import annotations

import calendar
import operator
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import reduce

from django.core.exceptions import ValidationError
from django.db.models import Count, Min, Q, QuerySet, Sum
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext as _

from fazhi.org.scope import in_subtree

# The years a period may touch: the platform's records begin after 1949, and the year before
# and the months after a period must still be dates Python can hold (a year 1-9999).
FIRST_YEAR, LAST_YEAR = 1949, 2999


@dataclass(frozen=True)
class Period:
    """A span of legal days, both ends included."""

    start: date
    end: date

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), date(year, 12, 31))

    @classmethod
    def from_params(
        cls,
        *,
        year=None,
        quarter=None,
        month=None,
        start=None,
        end=None,
    ) -> Period:
        """year [+ quarter 1-4 | month 1-12], or start and end dates (YYYY-MM-DD)."""
        try:
            if start or end:
                if not (start and end):
                    raise ValidationError(_("Give both the start and the end of the period."))
                period = cls(date.fromisoformat(str(start)), date.fromisoformat(str(end)))
            else:
                year = int(year)
                if not FIRST_YEAR <= year <= LAST_YEAR:
                    raise ValueError
                if quarter:
                    quarter = int(quarter)
                    if not 1 <= quarter <= 4:
                        raise ValueError
                    first = 3 * quarter - 2
                    last = first + 2
                    period = cls(
                        date(year, first, 1),
                        date(year, last, calendar.monthrange(year, last)[1]),
                    )
                elif month:
                    month = int(month)
                    period = cls(
                        date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
                    )
                else:
                    period = cls.year(year)
        except (TypeError, ValueError):
            raise ValidationError(
                _(
                    "Give the period as a year (with a quarter 1-4 or a month 1-12 if wanted), "
                    "or as start and end dates like 2019-01-01."
                )
            ) from None
        if period.end < period.start:
            raise ValidationError(_("The period ends before it starts."))
        if period.start.year < FIRST_YEAR or period.end.year > LAST_YEAR:
            raise ValidationError(
                _("A period must lie between %(first)s and %(last)s.")
                % {"first": FIRST_YEAR, "last": LAST_YEAR}
            )
        return period

    def __str__(self):
        return f"{self.start:%Y-%m-%d} – {self.end:%Y-%m-%d}"

    def year_before(self) -> Period:
        """The same span one year earlier (同比); 29 February becomes the 28th."""
        return Period(_year_earlier(self.start), _year_earlier(self.end))

    def months(self) -> list[Period]:
        """The calendar months the period touches, each cut to the period."""
        months, first = [], self.start.replace(day=1)
        while first <= self.end:
            last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
            months.append(Period(max(first, self.start), min(last, self.end)))
            first = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
        return months

    def params(self) -> str:
        return f"start={self.start:%Y-%m-%d}&end={self.end:%Y-%m-%d}"


def within(field: str, period: Period) -> Q:
    """Records whose `field` (a date) lies in the period, both ends included."""
    return Q(**{f"{field}__gte": period.start, f"{field}__lte": period.end})


def _year_earlier(day: date) -> date:
    if day.month == 2 and day.day == 29:
        return date(day.year - 1, 2, 28)
    return day.replace(year=day.year - 1)


@dataclass
class Indicator:
    key: str
    label: str
    definition: str  # 口径: what is counted, written for a reader of the report
    measure: str  # 件 / 人 / 个 / 元 / %
    module: str = ""
    # Counting and summing indicators: the model and the filter of the records, per period.
    model: type | None = None
    where: Callable[[Period], Q] | None = None
    sum_field: str | None = None
    # Counting indicators: count the distinct values of this field instead of the rows (units
    # named in notices: a unit named twice counts once).
    distinct: str | None = None
    # Ratio indicators: numerator / denominator × scale, to two decimals.
    numerator: str | None = None
    denominator: str | None = None
    scale: int = 100
    order: int = 100
    # The dashboard draws this figure month by month and breaks it down by unit (a line of
    # work's headline figure).
    trend: bool = False
    # One of a family breaking another figure down by a closed list (type, source, decision…):
    # the family's key, e.g. "mediation.disputes.type". The dashboard draws a family as a pie.
    group: str = ""

    def may_view(self, user) -> bool:
        """Whether `user` may see this figure: the view permission of the records it counts
        (of both parts, for a ratio), as on the records' own pages."""
        if self.kind == "ratio":
            return all(get_indicator(k).may_view(user) for k in [self.numerator, self.denominator])
        meta = self.model._meta
        return user.has_perm(f"{meta.app_label}.view_{meta.model_name}")

    @property
    def module_label(self) -> str:
        from django.apps import apps

        return str(apps.get_app_config(self.module).verbose_name) if self.module else ""

    @property
    def numerator_label(self) -> str:
        return str(get_indicator(self.numerator).label) if self.numerator else ""

    @property
    def denominator_label(self) -> str:
        return str(get_indicator(self.denominator).label) if self.denominator else ""

    @property
    def kind(self) -> str:
        if self.numerator:
            return "ratio"
        return "sum" if self.sum_field else "count"

    def records(self, *, unit, period: Period, viewer, base: QuerySet | None = None) -> QuerySet:
        """Exactly the records this indicator counts (or sums); `base` may add joins."""
        if self.model is None:
            raise ValueError(f"{self.key} is a ratio: it has no records of its own")
        base = base if base is not None else self.model._default_manager.all()
        rows = base.visible_to(viewer)
        if not _is_whole_tree(unit):
            rows = rows.filter(in_subtree(self.model.scope_unit_field, unit))
        rows = rows.filter(self.where(period))
        if self.distinct:
            # One record per value counted (the first): the list agrees with the figure.
            firsts = rows.order_by().values(self.distinct).annotate(first=Min("pk")).values("first")
            rows = rows.filter(pk__in=firsts)
        return rows


_registry: dict[str, Indicator] = {}


def register(*indicators: Indicator) -> None:
    for indicator in indicators:
        if indicator.key in _registry and _registry[indicator.key] is not indicator:
            raise ValueError(f"indicator {indicator.key} registered twice")
        _registry[indicator.key] = indicator


@dataclass(frozen=True)
class Total:
    """A figure that equals the sum of others by definition (disputes = the sum over types):
    the annual report's checks test it on the figures it prints."""

    total: str
    parts: tuple[str, ...] = ()
    group: str = ""  # or every figure of this family

    def part_keys(self) -> list[str]:
        if self.group:
            return [i.key for i in all_indicators() if i.group == self.group]
        return list(self.parts)


_totals: list[Total] = []


def register_total(total: str, *, parts: tuple[str, ...] = (), group: str = "") -> None:
    rule = Total(total, tuple(parts), group)
    if rule not in _totals:
        _totals.append(rule)


def all_totals() -> list[Total]:
    autodiscover_modules("indicators")
    return list(_totals)


def all_indicators() -> list[Indicator]:
    autodiscover_modules("indicators")
    return sorted(_registry.values(), key=lambda i: (i.module, i.order, i.key))


def get_indicator(key: str) -> Indicator:
    autodiscover_modules("indicators")
    try:
        return _registry[key]
    except KeyError:
        raise KeyError(_("There is no indicator %(key)s.") % {"key": key}) from None


def ratio(numerator, denominator, scale: int = 100) -> Decimal | None:
    if not denominator:
        return None
    value = Decimal(numerator) * scale / Decimal(denominator)
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def compute(
    *, unit, period: Period, viewer, keys: list[str] | None = None
) -> dict[str, int | Decimal | None]:
    """The value of every indicator (or of `keys` and what they need) for `unit`'s subtree
    within `viewer`'s data scope. One aggregate query per model."""
    wanted = list(keys) if keys is not None else [i.key for i in all_indicators()]
    values = compute_cells([(key, period) for key in wanted], unit=unit, viewer=viewer)
    return {key: values[key, period] for key in wanted}


def compute_cells(
    cells: list[tuple[str, Period]], *, unit, viewer
) -> dict[tuple[str, Period], int | Decimal | None]:
    """The values of (indicator, period) pairs — a page may want every figure for the period
    and a year earlier, and a few of them month by month — in one aggregate query per model:
    the rows any pair counts are read once."""
    from fazhi.indicators import freshness

    wanted = list(dict.fromkeys(cells))
    key = (
        "cells",
        unit.pk,
        freshness.scope_signature(viewer),
        tuple((k, p.start, p.end) for k, p in wanted),
    )
    return freshness.cached(key, lambda: _compute_cells(wanted, unit=unit, viewer=viewer))


def _compute_cells(wanted, *, unit, viewer):
    indicators = {i.key: i for i in all_indicators()}
    parts = list(dict.fromkeys((part, p) for key, p in wanted for part in _parts(key, indicators)))
    values: dict[tuple[str, Period], int | Decimal | None] = {}
    by_model = defaultdict(list)
    for key, p in parts:
        by_model[indicators[key].model].append((indicators[key], p))
    for model, group in by_model.items():
        shared, rest = _shared_conditions([i.where(p) for i, p in group])
        aggregates = {
            f"v{n}": _aggregate(i, p, condition=condition)
            for n, ((i, p), condition) in enumerate(zip(group, rest, strict=True))
        }
        row = _rows(model, unit, viewer).filter(shared).aggregate(**aggregates)
        for n, (indicator, p) in enumerate(group):
            values[indicator.key, p] = _value(indicator, row[f"v{n}"])
    for key, p in wanted:
        indicator = indicators[key]
        if indicator.kind == "ratio":
            values[key, p] = _ratio_of(indicator, p, values, indicators)
    return {cell: values[cell] for cell in wanted}


def _parts(key: str, indicators: dict) -> list[str]:
    """The counting or summing indicators a figure is computed from (itself, if it counts)."""
    indicator = indicators.get(key) or get_indicator(key)
    if indicator.kind != "ratio":
        return [key]
    return _parts(indicator.numerator, indicators) + _parts(indicator.denominator, indicators)


def _ratio_of(indicator: Indicator, p: Period, values: dict, indicators: dict):
    def value(key):
        part = indicators[key]
        return _ratio_of(part, p, values, indicators) if part.kind == "ratio" else values[key, p]

    return ratio(value(indicator.numerator), value(indicator.denominator), indicator.scale)


def _rows(model, unit, viewer) -> QuerySet:
    rows = model._default_manager.visible_to(viewer)
    if _is_whole_tree(unit):
        return rows  # every record lies under the only root: no join to the units needed
    return rows.filter(in_subtree(model.scope_unit_field, unit))


def _is_whole_tree(unit) -> bool:
    from fazhi.org.models import Unit

    if unit.parent_id is not None:
        return False
    cached = getattr(unit, "_only_root", None)
    if cached is None:
        cached = not Unit.objects.filter(parent__isnull=True).exclude(pk=unit.pk).exists()
        unit._only_root = cached
    return cached


def _aggregate(indicator: Indicator, period: Period, condition: Q | None = None):
    """The indicator's aggregate; `condition` replaces its filter when the part it shares
    with the other figures of its model has gone into the query's WHERE."""
    condition = indicator.where(period) if condition is None else condition
    filter_ = condition if condition else None  # an empty Q: every row read counts
    if indicator.kind == "sum":
        return Sum(indicator.sum_field, filter=filter_)
    if indicator.distinct:
        return Count(indicator.distinct, filter=filter_, distinct=True)
    return Count("pk", filter=filter_)


def _conjuncts(condition: Q) -> list:
    if condition.connector == Q.AND and not condition.negated:
        return list(condition.children)
    return [condition]


def _common_bounds(parts: list[list]) -> Q:
    """Range bounds every condition implies: if each requires `field >= d_i`, all of them
    require `field >= min(d_i)` (and likewise `<=` with the max). A series of months thus reads
    only the rows of the whole span, through the field's index."""
    bounds = Q()
    for lookup, pick in (("__gte", min), ("__lte", max)):
        per_condition = [
            {k: v for k, v in (c for c in children if isinstance(c, tuple)) if k.endswith(lookup)}
            for children in parts
        ]
        for field in set(per_condition[0]).intersection(*per_condition[1:]):
            bounds &= Q(**{field: pick(values[field] for values in per_condition)})
    return bounds


def _shared_conditions(conditions: list[Q]) -> tuple[Q, list[Q]]:
    """Split the figures' conditions into what all of them require (read once, in the WHERE
    clause, through the date indexes) and what each requires besides. With nothing shared,
    the WHERE clause is their disjunction: still only rows some figure counts are read."""
    parts = [_conjuncts(c) for c in conditions]
    shared = [child for child in parts[0] if all(child in other for other in parts[1:])]
    if not shared:
        # Bounds every condition implies suffice to narrow the rows read; without any, the
        # disjunction of the conditions does.
        bounds = _common_bounds(parts)
        return (bounds if bounds else _disjunction(conditions, parts)), conditions
    rest = [Q(*[child for child in children if child not in shared]) for children in parts]
    return Q(*shared), rest


def _disjunction(conditions: list[Q], parts: list[list]) -> Q:
    """Any of the conditions, leaving out each one that requires all another requires and more
    (A or (A and B) is A): the WHERE clause then names a few date ranges the indexes answer."""
    kept = [
        condition
        for n, (condition, children) in enumerate(zip(conditions, parts, strict=True))
        if not any(
            m != n
            and all(child in children for child in other)
            and (len(other) < len(children) or m < n)
            for m, other in enumerate(parts)
        )
    ]
    return reduce(operator.or_, kept)


def _value(indicator: Indicator, value):
    if indicator.kind == "sum" and _sums_whole_numbers(indicator):
        return value or 0  # page views, persons: no decimals
    if indicator.kind == "sum":
        return (value or Decimal("0")).quantize(Decimal("0.01"))
    return value or 0


def _sums_whole_numbers(indicator: Indicator) -> bool:
    from django.db.models import IntegerField

    return isinstance(indicator.model._meta.get_field(indicator.sum_field), IntegerField)


def compute_series(
    keys: list[str], *, unit, periods: list[Period], viewer
) -> dict[str, list[int | Decimal | None]]:
    """Each indicator's value in each period (e.g. the months of a year): one aggregate query
    per model for all periods."""
    values = compute_cells([(key, p) for key in keys for p in periods], unit=unit, viewer=viewer)
    return {key: [values[key, p] for p in periods] for key in keys}


def breakdown_by_unit(key: str, *, unit, period: Period, viewer) -> list[tuple]:
    """The indicator for each subordinate unit of `unit` the viewer may see, in tree order:
    (unit, value). Units with nothing to count are left out. One query per model grouped by
    the records' own unit; each unit is then attributed to the child of `unit` above it."""
    from fazhi.indicators import freshness
    from fazhi.org.models import Unit

    parts = ("breakdown", key, unit.pk, freshness.scope_signature(viewer), period)
    found = freshness.cached(
        parts, lambda: _breakdown(key, unit=unit, period=period, viewer=viewer)
    )
    units = Unit.objects.in_bulk([pk for pk, _value in found])
    return [(units[pk], value) for pk, value in found]


def _breakdown(key: str, *, unit, period: Period, viewer) -> list[tuple[int, object]]:
    from fazhi.org.models import PATH_STEP, Unit

    indicators = {i.key: i for i in all_indicators()}
    parts = list(dict.fromkeys(_parts(key, indicators)))
    paths = dict(Unit.objects.filter(in_subtree("", unit)).values_list("pk", "path"))
    child_length = len(unit.path) + PATH_STEP
    values: dict[str, dict] = defaultdict(dict)  # child path → {(part, period): value}
    by_model = defaultdict(list)
    for part in parts:
        by_model[indicators[part].model].append(indicators[part])
    for model, group in by_model.items():
        shared, rest = _shared_conditions([i.where(period) for i in group])
        aggregates = {
            f"v{n}": _aggregate(i, period, condition=c)
            for n, (i, c) in enumerate(zip(group, rest, strict=True))
        }
        field = model.scope_unit_field
        rows = _rows(model, unit, viewer).filter(shared).values(field).annotate(**aggregates)
        for row in rows.order_by():
            path = paths.get(row[field], "")
            if len(path) < child_length:
                continue  # a record of `unit` itself belongs to no child
            cell = values[path[:child_length]]
            for n, indicator in enumerate(group):
                cell[indicator.key, period] = cell.get((indicator.key, period), 0) + _value(
                    indicator, row[f"v{n}"]
                )
    result = []
    children = Unit.objects.visible_to(viewer).filter(parent=unit, path__in=list(values))
    for child in children.order_by("path"):
        cell = values[child.path]
        for part in parts:
            cell.setdefault((part, period), _value(indicators[part], None))
        indicator = indicators[key]
        if indicator.kind == "ratio":
            value = _ratio_of(indicator, period, cell, indicators)
        else:
            value = cell[key, period]
        if value:
            result.append((child.pk, value))
    return result


def format_value(indicator: Indicator, value) -> str:
    if value is None:
        return "—"
    if indicator.measure == "%":
        return f"{value:.2f}%"
    if isinstance(value, Decimal):
        return f"{value:,.2f}{indicator.measure}"
    return f"{value:,}{indicator.measure}"
