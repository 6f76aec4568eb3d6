"""The indicator pages: the catalogue, the dashboard (驾驶舱) and the records behind any figure."""

from django.apps import apps
from django.contrib.auth.decorators import login_required
from django.core.exceptions import BadRequest, PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from openpyxl import Workbook

from fazhi.core.ledgers import export_sheet, text_safe_row
from fazhi.core.pagination import page_of
from fazhi.core.records import record_kind
from fazhi.core.rendering import XLSX, export_xlsx
from fazhi.indicators import dashboard, selectors
from fazhi.indicators.registry import Period, compute, format_value, get_indicator
from fazhi.indicators.selectors import indicator_catalogue
from fazhi.org.models import Unit
from fazhi.org.scope import in_subtree
from fazhi.timelimits.selectors import deadlines_needing_attention, today, unloaded_year_ahead

PAGE_SIZE = 30
DASHBOARD_UNIT_KINDS = [
    Unit.Kind.DISTRICT,
    Unit.Kind.TOWNSHIP,
    Unit.Kind.DEPARTMENT,
    Unit.Kind.JUSTICE_BUREAU,
    Unit.Kind.JUSTICE_OFFICE,
]


@login_required
def catalogue(request):
    """Every indicator: key, label, definition (口径), measure, module; ratios name their parts."""
    return render(request, "indicators/catalogue.html", {"indicators": indicator_catalogue()})


def _opening_year(request, unit) -> int:
    """With no period asked for: the latest year with records (a new year starts empty)."""
    return selectors.latest_year_with_records(
        unit=unit, viewer=request.user, this_year=timezone.localdate().year
    )


def unit_and_period(request):
    """The unit (code) and period the query asks for; the viewer's top unit and the current
    latest year with records when absent. Unknown or out-of-scope units are 404; a bad period is a 400 that says
    why."""
    params = request.GET
    unit = selectors.unit_for_indicators(request.user, params.get("unit"))
    try:
        period = Period.from_params(
            year=params.get("year")
            or (None if params.get("start") else _opening_year(request, unit)),
            quarter=params.get("quarter"),
            month=params.get("month"),
            start=params.get("start"),
            end=params.get("end"),
        )
    except ValidationError as error:
        raise BadRequest("；".join(error.messages)) from None
    return unit, period


@login_required
def dashboard_page(request):
    unit, period = unit_and_period(request)
    data = dashboard.build(
        unit=unit,
        period=period,
        viewer=request.user,
        breakdown_key=request.GET.get("breakdown") or "",
    )
    units = (
        Unit.objects.visible_to(request.user)
        .filter(kind__in=DASHBOARD_UNIT_KINDS)
        .order_by("path")
        .only("pk", "code", "name", "depth")
    )
    on = today()
    deadlines = deadlines_needing_attention(viewer=request.user, on=on).filter(
        in_subtree("unit", unit)
    )
    context = {
        **data,
        "panel": {
            "context": {
                "deadlines": list(deadlines[:20]),
                "today": on,
                "missing_year": unloaded_year_ahead(on),
            }
        },
        # Panels other apps add to the dashboard (the annual report's deadlines …)
        "extra_panels": [
            panel
            for config in apps.get_app_configs()
            if hasattr(config, "dashboard_panels")
            for panel in config.dashboard_panels(request, unit=unit)
        ],
        "unit": unit,
        "period": period,
        "units": units,
        "params": request.GET,
        "years": range(timezone.localdate().year, 2014, -1),
        "months": range(1, 13),
    }
    return render(request, "indicators/dashboard.html", context)


def _indicator_for(request, key):
    try:
        indicator = get_indicator(key)
    except KeyError:
        raise Http404 from None
    if not indicator.may_view(request.user):
        raise PermissionDenied
    return indicator


@login_required
def records(request, key):
    """Exactly the records a figure counts, as the app's own list shows them, exportable. A
    ratio shows its value and links to the records of its numerator and denominator."""
    indicator = _indicator_for(request, key)
    unit, period = unit_and_period(request)
    context = {"indicator": indicator, "unit": unit, "period": period}
    if indicator.kind == "ratio":
        values = compute(
            unit=unit,
            period=period,
            viewer=request.user,
            keys=[key, indicator.numerator, indicator.denominator],
        )
        parts = [get_indicator(indicator.numerator), get_indicator(indicator.denominator)]
        context |= {
            "value": format_value(indicator, values[key]),
            "parts": [
                (
                    part,
                    format_value(part, values[part.key]),
                    dashboard.records_url(part.key, unit, period),
                )
                for part in parts
            ],
        }
        return render(request, "indicators/ratio.html", context)
    kind = record_kind(indicator.model)
    base = kind.records_for(request.user)
    queryset = indicator.records(unit=unit, period=period, viewer=request.user, base=base)
    queryset = queryset.order_by(*kind.ordering)
    title = f"{indicator.label}-{unit.short_name or unit.name}-{period.start:%Y%m%d}-{period.end:%Y%m%d}"
    if request.GET.get("export") == "xlsx":
        if kind.ledger:
            return export_xlsx(request, kind.ledger, queryset, title)
        return _plain_workbook(queryset, title, kind.owner)
    value = compute(unit=unit, period=period, viewer=request.user, keys=[key])[key]
    context |= {
        "value": format_value(indicator, value),
        "page": page_of(request, queryset, PAGE_SIZE),
        "rows_template": kind.rows_template,
        **kind.context_for(request.user),
    }
    return render(request, "indicators/records.html", context)


def _plain_workbook(queryset, title: str, owner: str) -> HttpResponse:
    """Records without a ledger of their own (opinion items, hearings): one line each, with
    the record each belongs to (its kind's `owner`)."""
    book = Workbook(write_only=True)
    sheet = export_sheet(book, title, ["记录", "所属"], [50, 50])
    for record in queryset.iterator(chunk_size=1000):
        owned_by = str(getattr(record, owner, "") or "") if owner else ""
        sheet.append(text_safe_row(sheet, [str(record), owned_by]))
    response = HttpResponse(content_type=XLSX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{_quote(title)}.xlsx"
    book.save(response)
    return response


def _quote(text: str) -> str:
    from urllib.parse import quote

    return quote(text)
