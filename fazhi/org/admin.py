from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from fazhi.org import services
from fazhi.org.models import Role, Unit, User

# Permissions are granted through roles (which also carry the data scope), not groups.
admin.site.unregister(Group)


class ScopedAdminMixin:
    """The admin obeys the data scope too: an administrator with a narrower role sees less."""

    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user)


@admin.register(Unit)
class UnitAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["indented_name", "code", "kind", "area_code", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "short_name", "code", "area_code"]
    autocomplete_fields = ["parent"]
    fields = [
        "code",
        "kind",
        "name",
        "short_name",
        "parent",
        "area_code",
        "credit_code",
        "sort_order",
        "is_active",
    ]
    list_per_page = 100

    @admin.display(description=_("name"), ordering="path")
    def indented_name(self, obj):
        return "\u3000" * obj.depth + obj.name

    def save_model(self, request, obj, form, change):
        # Creation and moves go through the services that keep the tree path right.
        data = {f: form.cleaned_data[f] for f in form.cleaned_data if f != "parent"}
        if change:
            services.unit_update(unit=obj, parent=form.cleaned_data["parent"], **data)
        else:
            saved = services.unit_create(parent=form.cleaned_data["parent"], **data)
            obj.pk, obj.path, obj.depth = saved.pk, saved.path, saved.depth

    def has_delete_permission(self, request, obj=None):
        # Units are deactivated, not deleted: records and history keep pointing at them.
        return False


@admin.register(Role)
class RoleAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "data_scope", "description"]
    filter_horizontal = ["permissions", "custom_units"]
    search_fields = ["name", "code"]


@admin.register(User)
class UserAdmin(ScopedAdminMixin, DjangoUserAdmin):
    list_display = ["username", "full_name", "unit", "is_active", "is_staff"]
    list_filter = ["is_active", "is_staff", "roles", "unit__kind"]
    search_fields = ["username", "full_name", "unit__name"]
    autocomplete_fields = ["unit"]
    filter_horizontal = ["roles"]
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        (_("Person"), {"fields": ["full_name", "phone", "email", "unit"]}),
        (_("Access"), {"fields": ["is_active", "is_staff", "is_superuser", "roles"]}),
        (_("Important dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"fields": ["username", "full_name", "unit", "password1", "password2"]}),
    ]
    readonly_fields = ["last_login", "date_joined"]
