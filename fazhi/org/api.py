import django_filters
from rest_framework import serializers, viewsets

from fazhi.core.api import RecordViewSetMixin, router, visible_choices
from fazhi.org.models import Unit, User


class UnitSerializer(serializers.ModelSerializer):
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)

    class Meta:
        model = Unit
        fields = [
            "id",
            "code",
            "kind",
            "kind_display",
            "name",
            "short_name",
            "area_code",
            "credit_code",
            "parent",
            "depth",
            "is_active",
        ]


class UserSerializer(serializers.ModelSerializer):
    unit_name = serializers.CharField(source="unit.name", read_only=True, default="")
    roles = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta:
        model = User
        fields = ["id", "username", "full_name", "unit", "unit_name", "roles", "is_active"]


class UnitFilter(django_filters.FilterSet):
    parent = django_filters.ModelChoiceFilter(queryset=visible_choices(Unit))

    class Meta:
        model = Unit
        fields = ["kind", "parent", "is_active", "code"]


class UserFilter(django_filters.FilterSet):
    unit = django_filters.ModelChoiceFilter(queryset=visible_choices(Unit))

    class Meta:
        model = User
        fields = ["unit", "is_active"]


class UnitViewSet(RecordViewSetMixin, viewsets.ReadOnlyModelViewSet):
    """Units within the caller's data scope."""

    queryset = Unit.objects.none()  # read through org/records.py
    serializer_class = UnitSerializer
    filterset_class = UnitFilter
    search_fields = ["name", "short_name", "code"]
    ordering_fields = ["path", "name", "code"]
    ordering = ["path"]


class UserViewSet(RecordViewSetMixin, viewsets.ReadOnlyModelViewSet):
    """Users whose unit is within the caller's data scope."""

    queryset = User.objects.none()
    serializer_class = UserSerializer
    filterset_class = UserFilter
    search_fields = ["username", "full_name"]
    ordering_fields = ["username", "unit__path"]
    ordering = ["unit__path", "username"]


router.register("units", UnitViewSet, basename="unit")
router.register("users", UserViewSet, basename="user")
