"""/api/v1/indicators/: every figure for a unit and period, each counting figure with the URL of
exactly the records it counts (/api/v1/indicators/<key>/records/, paginated, `count` = value)."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import permissions, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response
from rest_framework.reverse import reverse

from fazhi.core.api import router
from fazhi.core.drf import Pagination
from fazhi.core.records import record_kind
from fazhi.indicators import selectors
from fazhi.indicators.registry import (
    Indicator,
    Period,
    breakdown_by_unit,
    compute,
    get_indicator,
)

PARAMETERS = [
    OpenApiParameter("unit", str, description="单位编码（默认：本人数据范围的顶层单位）"),
    OpenApiParameter("year", int, description="年度（默认：今年）"),
    OpenApiParameter("quarter", int, description="季度 1-4（与 year 一起）"),
    OpenApiParameter("month", int, description="月份 1-12（与 year 一起）"),
    OpenApiParameter("start", str, description="起始日期 YYYY-MM-DD（与 end 一起）"),
    OpenApiParameter("end", str, description="截止日期 YYYY-MM-DD"),
]


def scope_and_period(request):
    """The unit and period the query parameters ask for, refused in Chinese when unusable."""
    params = request.query_params
    try:
        unit = selectors.unit_for_indicators(request.user, params.get("unit"))
    except Http404:
        raise serializers.ValidationError(
            {"unit": ["没有这个单位，或它不在您的数据权限范围内。"]}
        ) from None
    try:
        period = Period.from_params(
            # No period asked for: the current year so far.
            year=params.get("year") or (None if params.get("start") else timezone.localdate().year),
            quarter=params.get("quarter"),
            month=params.get("month"),
            start=params.get("start"),
            end=params.get("end"),
        )
    except ValidationError as error:
        raise serializers.ValidationError({"period": error.messages}) from None
    return unit, period


def _number(value):
    """Counts as JSON numbers; money and ratios as decimal strings ("45.20"), never floats."""
    return str(value) if isinstance(value, Decimal) else value


class IndicatorViewSet(viewsets.ViewSet):
    """Indicators for `unit` (code) and a period (year [+quarter|month] or start/end)."""

    permission_classes = [permissions.IsAuthenticated]
    lookup_field = "key"
    lookup_value_regex = r"[a-z0-9_.]+"

    def _describe(self, request, indicator: Indicator, value, unit, period) -> dict:
        query = f"?unit={unit.code}&start={period.start}&end={period.end}"
        records = None
        if indicator.kind != "ratio":
            url = reverse("indicator-records", args=[indicator.key], request=request)
            records = url + query
        return {
            "key": indicator.key,
            "label": str(indicator.label),
            "value": _number(value),
            "measure": indicator.measure,
            "kind": indicator.kind,
            "definition": str(indicator.definition),
            "module": indicator.module,
            "numerator": indicator.numerator,
            "denominator": indicator.denominator,
            "records": records,
        }

    @extend_schema(operation_id="indicators_list", parameters=PARAMETERS, responses={200: dict})
    def list(self, request):
        unit, period = scope_and_period(request)
        indicators = {i.key: i for i in selectors.indicator_catalogue() if i.may_view(request.user)}
        values = compute(unit=unit, period=period, viewer=request.user, keys=list(indicators))
        return Response(
            {
                "unit": unit.code,
                "unit_name": unit.name,
                "start": period.start,
                "end": period.end,
                "count": len(values),
                "results": [
                    self._describe(request, indicators[key], value, unit, period)
                    for key, value in values.items()
                ],
            }
        )

    @extend_schema(parameters=PARAMETERS, responses={200: dict})
    def retrieve(self, request, key=None):
        indicator = _indicator_or_404(key, request.user)
        unit, period = scope_and_period(request)
        value = compute(unit=unit, period=period, viewer=request.user, keys=[key])[key]
        return Response(self._describe(request, indicator, value, unit, period))

    @extend_schema(parameters=PARAMETERS, responses={200: dict})
    @action(detail=True, methods=["get"])
    def records(self, request, key=None):
        """The records the indicator counts, paginated; `count` equals the indicator's value
        (for a sum, the records summed)."""
        indicator = _indicator_or_404(key, request.user)
        if indicator.kind == "ratio":
            raise serializers.ValidationError(
                {
                    "key": [
                        f"{indicator.key} 是比率，没有自己的记录：请查看 {indicator.numerator} "
                        f"和 {indicator.denominator}。"
                    ]
                }
            )
        unit, period = scope_and_period(request)
        kind = record_kind(indicator.model)
        queryset = indicator.records(
            unit=unit, period=period, viewer=request.user, base=kind.records_for(request.user)
        ).order_by("pk")
        paginator = Pagination()
        page = paginator.paginate_queryset(queryset, request, view=self)
        data = kind.serializer(page, many=True, context={"request": request}).data
        return paginator.get_paginated_response(data)

    @extend_schema(parameters=PARAMETERS, responses={200: dict})
    @action(detail=True, methods=["get"])
    def breakdown(self, request, key=None):
        """The indicator for each subordinate unit of `unit` (e.g. each township of the
        district) that has anything to count, each with its own `records` URL."""
        indicator = _indicator_or_404(key, request.user)
        unit, period = scope_and_period(request)
        rows = _breakdown_rows(request, indicator, unit, period)
        return Response(
            {"key": indicator.key, "unit": unit.code, "count": len(rows), "results": rows}
        )


def _breakdown_rows(request, indicator, unit, period):
    rows = []
    for child, value in breakdown_by_unit(
        indicator.key, unit=unit, period=period, viewer=request.user
    ):
        described = IndicatorViewSet()._describe(request, indicator, value, child, period)
        rows.append({"unit": child.code, "unit_name": child.name, **described})
    return rows


def _indicator_or_404(key, user):
    """The indicator, if it exists and `user` may view the records it counts."""
    try:
        indicator = get_indicator(key)
    except KeyError:
        raise Http404 from None
    if not indicator.may_view(user):
        raise PermissionDenied
    return indicator


router.register("indicators", IndicatorViewSet, basename="indicator")
