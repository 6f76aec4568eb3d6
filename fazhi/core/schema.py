"""The API's OpenAPI schema (its own module: drf-spectacular imports DRF's settings, which
name fazhi.core.drf)."""

from django.core.exceptions import FieldDoesNotExist
from drf_spectacular.openapi import AutoSchema
from rest_framework import serializers

_ERROR = {
    "type": "object",
    "description": "detail：原因；或 字段名 → 原因列表（non_field_errors：整条记录的问题）。",
    "properties": {"detail": {"type": "string"}},
    "additionalProperties": True,
}
_ERRORS = {
    "400": "请求有误：参数或字段不合规则，逐项说明原因。",
    "401": "未登录，或令牌无效、已过期（响应头 WWW-Authenticate: Token）。",
    "403": "没有这项权限，或须先在网页上修改密码。",
    "404": "没有这条记录，或它不在您的数据权限范围内；列表的页码超出范围。",
    "409": "记录在您读取之后已被他人修改（version 已变）：请重新读取后再提交。",
}


class Schema(AutoSchema):
    """drf-spectacular's schema, with the errors every operation can answer documented:
    400, 401, 403 and 404 (a record outside the scope, a page past the end) everywhere, 409 on
    writes."""

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        codes = ["400", "401", "403", "404"]
        if self.method in ("POST", "PUT", "PATCH"):
            codes.append("409")
        for code in codes:
            responses.setdefault(
                code,
                {
                    "description": _ERRORS[code],
                    "content": {"application/json": {"schema": _ERROR}},
                },
            )
        return responses

    def _map_serializer_field(self, field, direction, bypass_extensions=False):
        schema = super()._map_serializer_field(field, direction, bypass_extensions)
        if isinstance(field, serializers.ChoiceField) and field.read_only and _blank(field):
            # DRF drops allow_blank from read-only fields, so the schema would refuse the ""
            # the API returns for a choice not made yet (a case not decided).
            blank = {"type": "string", "enum": [""]}
            if "allOf" in schema:
                schema["oneOf"] = [*schema.pop("allOf"), blank]
            elif "$ref" in schema:
                schema = {"oneOf": [{"$ref": schema.pop("$ref")}, blank], **schema}
            elif "enum" in schema:
                schema["enum"] = [*schema["enum"], ""]
        return schema


def _blank(field) -> bool:
    """Whether the model field behind a serializer field may be blank."""
    model = getattr(getattr(field.parent, "Meta", None), "model", None)
    if model is None or not field.source or "." in field.source:
        return False
    try:
        return model._meta.get_field(field.source).blank
    except FieldDoesNotExist:  # a property or a method
        return False
