"""/api/v1/reconsideration/cases/: read, register, correct and take each workflow step, through
the same services and data scope as the pages. Every write names the `version` read; a case
saved by someone else meanwhile answers 409."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import BasePermission
from rest_framework.response import Response

from fazhi.core.api import ScopedViewSetMixin, router
from fazhi.core.drf import ScopedPrimaryKeyField, service_errors
from fazhi.org.models import Unit
from fazhi.reconsideration import services
from fazhi.reconsideration.filters import CaseFilter
from fazhi.reconsideration.forms import RESPONDENT_KINDS
from fazhi.reconsideration.models import Case

VERSION_HELP = "修改时必须带上读取时的版本号；记录在此期间被他人修改时拒绝保存（409）。"


class CaseSerializer(serializers.ModelSerializer):
    respondent = ScopedPrimaryKeyField(queryset=Unit.objects.filter(kind__in=RESPONDENT_KINDS))
    respondent_name = serializers.CharField(source="respondent.name", read_only=True)
    law_display = serializers.CharField(source="get_law_display", read_only=True)
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    procedure_display = serializers.CharField(source="get_procedure_display", read_only=True)
    decision_display = serializers.CharField(source="get_decision_display", read_only=True)
    version = serializers.IntegerField(required=False, help_text=VERSION_HELP)

    class Meta:
        model = Case
        fields = [
            "id",
            "applicants",
            "agent",
            "respondent",
            "respondent_name",
            "act_type",
            "act_number",
            "act_date",
            "received_on",
            "law",
            "law_display",
            "status",
            "status_display",
            "supplement_requested_on",
            "supplement_received_on",
            "accepted_on",
            "procedure",
            "procedure_display",
            "not_accepted_on",
            "copy_sent_on",
            "reply_received_on",
            "hearing_held_on",
            "decision",
            "decision_display",
            "decided_on",
            "decision_number",
            "lawsuit_followed",
            "version",
        ]
        # The steps' dates and outcomes change only through the steps (the actions below).
        read_only_fields = [
            "status",
            "supplement_requested_on",
            "supplement_received_on",
            "accepted_on",
            "procedure",
            "not_accepted_on",
            "copy_sent_on",
            "reply_received_on",
            "hearing_held_on",
            "decision",
            "decided_on",
            "decision_number",
        ]

    def create(self, validated):
        validated.pop("version", None)
        if validated.pop("lawsuit_followed", False):
            raise serializers.ValidationError(
                {"lawsuit_followed": ["新登记的申请尚未办结，不能标记为复议后起诉。"]}
            )
        with service_errors():
            return services.case_register(user=self.context["request"].user, **validated)

    def update(self, case, validated):
        if "version" not in validated:
            raise serializers.ValidationError(
                {"version": ["修改时必须带上读取记录时的版本号（version）。"]}
            )
        # The respondent and the day received decide the scope, the law and the clocks.
        fixed = {
            name: ["登记后不能修改；登记有误的，请作废后重新登记。"]
            for name in ("respondent", "received_on")
            if name in validated and validated[name] != getattr(case, name)
        }
        if fixed:
            raise serializers.ValidationError(fixed)
        fields = {k: v for k, v in validated.items() if k in services.DESCRIPTIVE_FIELDS}
        with service_errors():
            return services.case_update(
                case=case, version=validated["version"], user=self.context["request"].user, **fields
            )


# --- the steps -----------------------------------------------------------------------------


class StepInput(serializers.Serializer):
    version = serializers.IntegerField(help_text=VERSION_HELP)


class DatedStepInput(StepInput):
    on = serializers.DateField()


class AcceptInput(DatedStepInput):
    procedure = serializers.ChoiceField(
        choices=Case.Procedure.choices,
        default=Case.Procedure.ORDINARY,
        help_text="简易程序仅适用于2024年1月1日以后收到的申请（2023年修订的行政复议法）。",
    )


class SuspendInput(StepInput):
    start = serializers.DateField(help_text="中止之日")
    ground = serializers.CharField(max_length=200, help_text="中止的法定事由")


class ResumeInput(StepInput):
    last_suspended_day = serializers.DateField(help_text="中止的最后一日；次日起恢复计算期限")


class ExtendInput(StepInput):
    days = serializers.IntegerField(min_value=1, help_text="延长的日数，累计最多30日")
    reason = serializers.CharField(max_length=200)
    approved_by = serializers.CharField(max_length=100, help_text="批准延长的复议机构负责人")
    approved_on = serializers.DateField()


class DecideInput(DatedStepInput):
    decision = serializers.ChoiceField(
        choices=Case.Decision.choices, help_text="须为本案适用法律规定的决定种类之一"
    )
    number = serializers.CharField(max_length=40, required=False, allow_blank=True, default="")


class MayChangeCases(BasePermission):
    """A step changes the case: the `change_case` permission, whatever the HTTP verb."""

    def has_permission(self, request, view):
        user = request.user
        return bool(user and user.is_authenticated and user.has_perm("reconsideration.change_case"))


def step(url_path: str, service, input_class, summary: str):
    """A POST action on one case: validate the input, run the service, answer the case."""

    def run(self, request, pk=None):
        case = self.get_object()  # outside the caller's scope: 404
        given = input_class(data=request.data)
        given.is_valid(raise_exception=True)
        with service_errors():
            service(case=case, user=request.user, **given.validated_data)
        case.refresh_from_db()
        return Response(CaseSerializer(case, context=self.get_serializer_context()).data)

    # DRF routes an action by its function's name: give it the action's before decorating.
    run.__name__ = url_path.replace("-", "_")
    run = action(
        detail=True,
        methods=["post"],
        url_path=url_path,
        url_name=url_path,
        permission_classes=[MayChangeCases],
    )(run)
    return extend_schema(request=input_class, responses=CaseSerializer, summary=summary)(run)


class CaseViewSet(ScopedViewSetMixin, viewsets.ModelViewSet):
    """Reconsideration cases whose respondent is within the caller's data scope. Filters as on
    the page; the workflow steps are POST actions on a case."""

    queryset = Case.objects.select_related("respondent")
    serializer_class = CaseSerializer
    filterset_class = CaseFilter
    ordering_fields = ["received_on", "accepted_on", "decided_on"]
    ordering = ["-received_on", "-pk"]
    http_method_names = ["get", "post", "patch", "head", "options"]

    accept = step("accept", services.case_accept, AcceptInput, "受理")
    not_accept = step("not-accept", services.case_not_accept, DatedStepInput, "不予受理")
    request_supplement = step(
        "request-supplement", services.case_request_supplement, DatedStepInput, "通知补正"
    )
    supplement_received = step(
        "supplement-received", services.case_supplement_received, DatedStepInput, "收到补正材料"
    )
    copy_sent = step("copy-sent", services.case_copy_sent, DatedStepInput, "发送申请书副本")
    reply_received = step(
        "reply-received", services.case_reply_received, DatedStepInput, "收到被申请人答复"
    )
    hearing = step("hearing", services.case_hearing, DatedStepInput, "听证")
    suspend = step("suspend", services.case_suspend, SuspendInput, "中止")
    resume = step("resume", services.case_resume, ResumeInput, "恢复审理")
    extend = step("extend", services.case_extend, ExtendInput, "延长审理期限")
    decide = step("decide", services.case_decide, DecideInput, "作出行政复议决定")


router.register("reconsideration/cases", CaseViewSet, basename="reconsideration-case")
