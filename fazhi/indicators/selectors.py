"""Which unit a viewer may ask figures for, and the catalogue of indicators."""

from django.http import Http404

from fazhi.indicators.registry import Indicator, all_indicators
from fazhi.org.models import Unit


def default_unit(user) -> Unit:
    """The top of the viewer's data scope: their township for township staff, the district
    root for those who see everything."""
    visible = Unit.objects.visible_to(user)
    if user.unit_id and visible.filter(pk=user.unit.scope_root().pk).exists():
        root = user.unit.scope_root()
        top = visible.order_by("depth", "path").first()
        return top if top is not None and top.depth < root.depth else root
    top = visible.order_by("depth", "path").first()
    if top is None:
        raise Http404
    return top


def unit_for_indicators(user, code: str | None) -> Unit:
    """The unit named by `code` (or the default) if the viewer may see it; 404 otherwise."""
    if not code:
        return default_unit(user)
    try:
        return Unit.objects.visible_to(user).get(code=code)
    except Unit.DoesNotExist:
        raise Http404 from None


def indicator_catalogue() -> list[Indicator]:
    return all_indicators()


# How far back the dashboard looks for the latest year with records.
EARLIEST_YEAR = 2015


def latest_year_with_records(*, unit, viewer, this_year: int) -> int:
    """The latest year, from `this_year` back, in which any headline figure (a line of work's
    trend figure) counts a record of `unit` the viewer may see: the dashboard opens there, not
    on an empty current year. `this_year` when there is none."""
    from fazhi.indicators.registry import Period, all_indicators

    headline = [i for i in all_indicators() if i.trend and i.model is not None]
    for year in range(this_year, EARLIEST_YEAR - 1, -1):
        period = Period.year(year)
        for indicator in headline:
            if (
                indicator.may_view(viewer)
                and indicator.records(unit=unit, period=period, viewer=viewer).exists()
            ):
                return year
    return this_year
