"""DRF defaults named in settings (kept apart from the router to avoid an import cycle)."""

from contextlib import contextmanager

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers
from rest_framework.exceptions import APIException
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import DjangoModelPermissions

# How the API describes the `version` a write names (fazhi.core.versioning).
VERSION_HELP = "读取记录时的版本号；记录在此期间被他人修改时拒绝保存（409）。"
EDIT_VERSION_HELP = "修改时必须带上读取时的版本号；" + VERSION_HELP


class Pagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500


class ModelViewPermissions(DjangoModelPermissions):
    """Like DRF's DjangoModelPermissions, but reading also needs the `view_` permission."""

    perms_map = {
        **DjangoModelPermissions.perms_map,
        "GET": ["%(app_label)s.view_%(model_name)s"],
        "HEAD": ["%(app_label)s.view_%(model_name)s"],
        "OPTIONS": ["%(app_label)s.view_%(model_name)s"],
    }


class Conflict(APIException):
    status_code = 409
    default_detail = "Conflict"
    default_code = "conflict"


class ScopedPrimaryKeyField(serializers.PrimaryKeyRelatedField):
    """A related record chosen by id among those the requesting user may see: an id outside
    the data scope is refused as if it did not exist."""

    def to_internal_value(self, data):
        try:
            return super().to_internal_value(data)
        except OverflowError:  # an id too large for the database: no such record
            self.fail("does_not_exist", pk_value=data)

    def get_queryset(self):
        request = self.context.get("request")
        queryset = super().get_queryset()
        if request is None:
            return queryset.none()
        return queryset.visible_to(request.user)


@contextmanager
def service_errors():
    """Run a service call, answering its Django ValidationError as a DRF 400 (field by field)
    and a refused stale edit as 409."""
    try:
        yield
    except DjangoValidationError as error:
        if getattr(error, "code", None) == "stale":
            raise Conflict(error.messages[0]) from None
        if hasattr(error, "error_dict"):
            raise serializers.ValidationError(error.message_dict) from None
        raise serializers.ValidationError({"non_field_errors": error.messages}) from None
