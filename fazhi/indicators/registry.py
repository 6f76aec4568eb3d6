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
from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import Substr
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext as _

from fazhi.org.scope import in_subtree


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
                if not 1949 <= year <= 2999:
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
    # Ratio indicators: numerator / denominator × scale, to two decimals.
    numerator: str | None = None
    denominator: str | None = None
    scale: int = 100
    # How the records are shown through the API ("module.path.SerializerClass").
    serializer: str = ""
    order: int = 100
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
    def kind(self) -> str:
        if self.numerator:
            return "ratio"
        return "sum" if self.sum_field else "count"

    def records(self, *, unit, period: Period, viewer, base: QuerySet | None = None) -> QuerySet:
        """Exactly the records this indicator counts (or sums); `base` may add joins."""
        if self.model is None:
            raise ValueError(f"{self.key} is a ratio: it has no records of its own")
        base = base if base is not None else self.model._default_manager.all()
        return (
            base.visible_to(viewer)
            .filter(in_subtree(self.model.scope_unit_field, unit))
            .filter(self.where(period))
        )


_registry: dict[str, Indicator] = {}


def register(*indicators: Indicator) -> None:
    for indicator in indicators:
        if indicator.key in _registry and _registry[indicator.key] is not indicator:
            raise ValueError(f"indicator {indicator.key} registered twice")
        _registry[indicator.key] = indicator


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
    indicators = {i.key: i for i in all_indicators()}
    wanted = list(keys) if keys is not None else list(indicators)
    needed = _needed_parts(wanted, indicators)
    values: dict[str, int | Decimal | None] = {}
    for model, group in _by_model(needed.values()).items():
        aggregates = {f"v{n}": _aggregate(i, period) for n, i in enumerate(group)}
        rows = _rows(model, unit, viewer).filter(_any_of(group, [period])).aggregate(**aggregates)
        for position, indicator in enumerate(group):
            values[indicator.key] = _value(indicator, rows[f"v{position}"])
    _with_ratios(needed, values)
    return {key: values[key] for key in wanted}


def _needed_parts(keys, indicators=None) -> dict[str, Indicator]:
    needed: dict[str, Indicator] = {}

    def need(key):
        indicator = (indicators or {}).get(key) or get_indicator(key)
        needed[key] = indicator
        if indicator.kind == "ratio":
            need(indicator.numerator)
            need(indicator.denominator)

    for key in keys:
        need(key)
    return needed


def _by_model(indicators) -> dict[type, list[Indicator]]:
    by_model = defaultdict(list)
    for indicator in indicators:
        if indicator.kind != "ratio":
            by_model[indicator.model].append(indicator)
    return by_model


def _rows(model, unit, viewer) -> QuerySet:
    return model._default_manager.visible_to(viewer).filter(
        in_subtree(model.scope_unit_field, unit)
    )


def _any_of(group, periods) -> Q:
    """Rows any of the group's indicators counts in any of the periods: the aggregates then
    read only those rows (through the date indexes) instead of the whole subtree."""
    return reduce(operator.or_, [i.where(p) for i in group for p in periods])


def _aggregate(indicator: Indicator, period: Period):
    condition = indicator.where(period)
    if indicator.kind == "sum":
        return Sum(indicator.sum_field, filter=condition)
    return Count("pk", filter=condition)


def _value(indicator: Indicator, value):
    if indicator.kind == "sum":
        return (value or Decimal("0")).quantize(Decimal("0.01"))
    return value or 0


def _with_ratios(needed: dict[str, Indicator], values: dict):
    for indicator in needed.values():
        if indicator.kind == "ratio":
            values[indicator.key] = ratio(
                values[indicator.numerator], values[indicator.denominator], indicator.scale
            )
    return values


def compute_series(
    keys: list[str], *, unit, periods: list[Period], viewer
) -> dict[str, list[int | Decimal | None]]:
    """Each indicator's value in each period (e.g. the months of a year): one aggregate query
    per model for all periods."""
    needed = _needed_parts(keys)
    per_period: list[dict] = [{} for _ in periods]
    for model, group in _by_model(needed.values()).items():
        aggregates = {
            f"v{n}_{m}": _aggregate(indicator, period)
            for n, indicator in enumerate(group)
            for m, period in enumerate(periods)
        }
        rows = _rows(model, unit, viewer).filter(_any_of(group, periods)).aggregate(**aggregates)
        for n, indicator in enumerate(group):
            for m in range(len(periods)):
                per_period[m][indicator.key] = _value(indicator, rows[f"v{n}_{m}"])
    for values in per_period:
        _with_ratios(needed, values)
    return {key: [values[key] for values in per_period] for key in keys}


def breakdown_by_unit(key: str, *, unit, period: Period, viewer) -> list[tuple]:
    """The indicator for each subordinate unit of `unit` the viewer may see, in tree order:
    (unit, value). Units with nothing to count are left out. One grouped query per model: each
    record is attributed to the child of `unit` whose path begins its unit's path."""
    from fazhi.org.models import PATH_STEP, Unit

    needed = _needed_parts([key])
    by_child: dict[str, dict] = defaultdict(dict)
    for model, group in _by_model(needed.values()).items():
        path = f"{model.scope_unit_field}__path"
        aggregates = {f"v{n}": _aggregate(i, period) for n, i in enumerate(group)}
        rows = (
            _rows(model, unit, viewer)
            .filter(_any_of(group, [period]))
            .exclude(**{path: unit.path})  # records of the unit itself belong to no child
            .annotate(child=Substr(path, 1, len(unit.path) + PATH_STEP))
            .values("child")
            .annotate(**aggregates)
            .order_by()
        )
        for row in rows:
            for n, indicator in enumerate(group):
                by_child[row["child"]][indicator.key] = _value(indicator, row[f"v{n}"])
    children = Unit.objects.visible_to(viewer).filter(parent=unit, path__in=list(by_child))
    result = []
    for child in children.order_by("path"):
        values = by_child[child.path]
        for part in needed.values():  # a child with no rows of one model counts 0 there
            if part.kind != "ratio":
                values.setdefault(part.key, _value(part, None))
        value = _with_ratios(needed, values)[key]
        if value:
            result.append((child, value))
    return result


def format_value(indicator: Indicator, value) -> str:
    if value is None:
        return "—"
    if indicator.measure == "%":
        return f"{value:.2f}%"
    if isinstance(value, Decimal):
        return f"{value:,.2f}{indicator.measure}"
    return f"{value:,}{indicator.measure}"
