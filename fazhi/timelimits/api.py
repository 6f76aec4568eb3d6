from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, viewsets
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from fazhi.core.api import router
from fazhi.timelimits.calculation import calculate
from fazhi.timelimits.engine import YearNotLoaded
from fazhi.timelimits.models import COUNTED_UNITS
from fazhi.timelimits.selectors import RuleNotFound


class DueDateQuery(serializers.Serializer):
    start = serializers.DateField()
    rule = serializers.CharField(required=False, default="")
    amount = serializers.IntegerField(min_value=1, max_value=3650, required=False)
    unit = serializers.ChoiceField(choices=COUNTED_UNITS, required=False, default="")

    def validate(self, data):
        if not data.get("rule") and not (data.get("amount") and data.get("unit")):
            raise serializers.ValidationError(
                "请指定规则（rule），或同时填写期限数值（amount）和单位（unit）。"
            )
        return data


class DueDateViewSet(viewsets.ViewSet):
    """期限计算：?start=YYYY-MM-DD&rule=CODE，或 &amount=N&unit=calendar_days|working_days|months。"""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        parameters=[DueDateQuery], responses={200: OpenApiTypes.OBJECT, 422: OpenApiTypes.OBJECT}
    )
    def list(self, request):
        query = DueDateQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        data = query.validated_data
        try:
            calculation = calculate(
                data["start"], rule_code=data["rule"], amount=data.get("amount"), unit=data["unit"]
            )
        except (YearNotLoaded, RuleNotFound) as error:
            return Response({"detail": str(error)}, status=422)
        return Response(calculation.as_dict())


router.register("timelimits/due-date", DueDateViewSet, basename="due-date")
