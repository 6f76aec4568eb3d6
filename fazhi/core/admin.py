from django.contrib import admin

from fazhi.core.models import NumberingRule, NumberSequence
from fazhi.org.admin import SuperuserOnlyAdmin


class SequenceInline(admin.TabularInline):
    model = NumberSequence
    extra = 0
    readonly_fields = ["year", "last_serial"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False  # serials are taken by the documents, never typed


@admin.register(NumberingRule)
class NumberingRuleAdmin(SuperuserOnlyAdmin):
    list_display = ["key", "unit", "prefix"]
    list_filter = ["key"]
    search_fields = ["key", "prefix", "unit__name"]
    autocomplete_fields = ["unit"]
    inlines = [SequenceInline]
