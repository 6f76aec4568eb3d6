"""django-filter pieces shared by the apps' list filters."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from fazhi.org.scope import in_subtree


class SafeModelChoiceField(forms.ModelChoiceField):
    """A choice by id where an id too large for the database is "not a valid choice" (SQLite
    raises OverflowError on it, which Django's field does not expect)."""

    def to_python(self, value):
        try:
            return super().to_python(value)
        except OverflowError:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            ) from None


class ModelChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = SafeModelChoiceField


class AnyYesNo(forms.Select):
    """A yes/no filter whose empty choice reads "all" (not Django's "unknown")."""

    def __init__(self, attrs=None):
        super().__init__(attrs, choices=[("", _("All")), ("true", _("Yes")), ("false", _("No"))])


@extend_schema_field(OpenApiTypes.INT)
class SubtreeFilter(ModelChoiceFilter):
    """Records of a unit and everything under it."""

    def __init__(self, *args, unit_field: str, **kwargs):
        self.unit_field = unit_field
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        return qs.filter(in_subtree(self.unit_field, value)) if value else qs


def visible_units(*kinds):
    """For a filter's `queryset`: the units of these kinds the requesting user may see."""

    def choices(request):
        from fazhi.org.models import Unit

        if request is None:
            return Unit.objects.none()
        return Unit.objects.visible_to(request.user).filter(kind__in=kinds).order_by("path")

    return choices
