from django.contrib import admin

from fazhi.timelimits.models import CalendarYear, Deadline, Rule


@admin.register(Rule)
class RuleAdmin(admin.ModelAdmin):
    list_display = ["title", "code", "law", "version", "article", "amount", "unit", "verified"]
    list_filter = ["unit", "verified", "law"]
    search_fields = ["code", "title", "law"]


@admin.register(CalendarYear)
class CalendarYearAdmin(admin.ModelAdmin):
    list_display = ["year", "source", "notice", "updated_at"]
    readonly_fields = ["updated_at"]

    def has_change_permission(self, request, obj=None):
        return False  # days are edited on the calendar page, which keeps the cache right


@admin.register(Deadline)
class DeadlineAdmin(admin.ModelAdmin):
    list_display = ["label", "unit", "rule", "start_date", "due_date", "completed_on"]
    list_filter = ["rule__code"]
    readonly_fields = [f.name for f in Deadline._meta.fields]

    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user)

    def has_add_permission(self, request):
        return False  # deadlines are opened by their case, through the services
