"""System administration (系统管理) of units, users, roles and the audit trail.

The admin obeys the data scope like every other route: a staff user with a narrower role sees and
edits only units and users inside it, cannot create root units, and cannot change superuser
rights, staff rights or roles (which would widen their own scope). Roles and the audit trail are
for superusers only.
"""

from datetime import timedelta

from auditlog.models import LogEntry
from axes.admin import AccessAttemptAdmin, AccessFailureLogAdmin, AccessLogAdmin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from knox.admin import AuthTokenAdmin, AuthTokenCreateForm
from knox.models import AuthToken
from knox.settings import knox_settings

from fazhi.core.audit import describe_changes
from fazhi.org import services
from fazhi.org.forms import PlacementCheck
from fazhi.org.models import ApiToken, Role, Unit, User
from fazhi.org.passwords import require_change
from fazhi.org.rules import can_manage_user

# Django's admin is the superusers' (roles, tokens, the audit trail, login records, anything
# the platform's pages do not offer); everyone else manages units and accounts from the
# platform's own pages (/org/units/, /org/users/).
admin.site.has_permission = lambda request: request.user.is_active and request.user.is_superuser

# Permissions are granted through roles (which also carry the data scope), not groups.
admin.site.unregister(Group)
admin.site.unregister(LogEntry)


class ScopedAdminMixin:
    """Lists, change pages and unit choices limited to the staff user's data scope."""

    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.related_model is Unit:
            kwargs["queryset"] = Unit.objects.visible_to(request.user)
            if not request.user.is_superuser:
                kwargs["required"] = True
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class UnitAdminForm(PlacementCheck, forms.ModelForm):
    class Meta:
        model = Unit
        fields = ["code", "kind", "name", "short_name", "parent", "area_code", "credit_code"]


@admin.register(Unit)
class UnitAdmin(ScopedAdminMixin, admin.ModelAdmin):
    form = UnitAdminForm
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
        "is_active",
    ]
    list_per_page = 100

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if obj is not None and obj.parent_id and "parent" in form.base_fields:
            # A township's staff may edit their township although its parent (the district)
            # lies outside their scope: the stored parent stays a valid choice.
            field = form.base_fields["parent"]
            field.queryset = Unit.objects.filter(
                Q(pk__in=field.queryset.values("pk")) | Q(pk=obj.parent_id)
            )
        return form

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


class SuperuserOnlyAdmin(admin.ModelAdmin):
    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    has_add_permission = has_change_permission = has_delete_permission = has_view_permission


# An API token acts as its user: only superusers issue and revoke them (both audited); the
# token is shown once, only its digest is kept, and it expires.
admin.site.unregister(AuthToken)


class TokenIssueForm(AuthTokenCreateForm):
    class Meta(AuthTokenCreateForm.Meta):
        model = ApiToken

    user = forms.ModelChoiceField(
        label=_("User"),
        queryset=User.objects.filter(is_active=True).order_by("unit__path", "username"),
        help_text=_("The token acts as this user, with the user's permissions and data scope."),
    )

    expiry = forms.DateTimeField(
        label=_("Valid until"),
        help_text=_("At most one year from now."),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expiry"].initial = timezone.localtime(
            timezone.now() + knox_settings.TOKEN_TTL
        ).strftime("%Y-%m-%dT%H:%M")

    def clean_expiry(self):
        expiry = self.cleaned_data["expiry"]
        if expiry <= timezone.now():
            raise ValidationError(_("The token must be valid for some time from now."))
        if expiry > timezone.now() + timedelta(days=366):
            raise ValidationError(_("A token is valid for at most one year."))
        return expiry


@admin.register(ApiToken)
class TokenAdmin(SuperuserOnlyAdmin, AuthTokenAdmin):
    add_form = TokenIssueForm
    raw_id_fields = ()
    list_display = ["beginning", "holder", "issued", "valid_until"]
    search_fields = ["token_key", "user__username", "user__full_name"]
    readonly_fields = ["beginning", "holder", "issued", "valid_until"]
    fields = readonly_fields

    def has_change_permission(self, request, obj=None):
        return False  # issued or revoked, never edited

    @admin.display(description=_("Token begins with"), ordering="token_key")
    def beginning(self, token):
        return f"{token.token_key}…"

    @admin.display(description=_("User"), ordering="user__username")
    def holder(self, token):
        return token.user

    @admin.display(description=_("Issued"), ordering="created")
    def issued(self, token):
        return token.created

    @admin.display(description=_("Valid until"), ordering="expiry")
    def valid_until(self, token):
        return token.expiry

    def save_model(self, request, obj, form, change):
        admin.ModelAdmin.save_model(self, request, obj, form, change)
        self.message_user(
            request,
            _("The token, shown only this once (copy it now): %(token)s") % {"token": form.token},
            messages.WARNING,
        )

    def get_fields(self, request, obj=None):
        return ["user", "expiry"] if obj is None else self.fields

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else self.readonly_fields


@admin.register(Role)
class RoleAdmin(SuperuserOnlyAdmin):
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
        (_("Important dates"), {"fields": ["last_login", "date_joined", "password_changed_at"]}),
        (_("Password policy"), {"fields": ["must_change_password"]}),
    ]
    add_fieldsets = [
        (None, {"fields": ["username", "full_name", "unit", "password1", "password2"]}),
    ]

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or can_manage_user(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or can_manage_user(request.user, obj))

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:  # a password the administrator chose: the user replaces it at login
            require_change(obj, by=request.user, created=True)

    def user_change_password(self, request, id, form_url=""):
        response = super().user_change_password(request, id, form_url)
        if request.method == "POST" and response.status_code == 302:  # the reset was saved
            require_change(self.get_object(request, id), by=request.user, created=False)
        return response

    def get_readonly_fields(self, request, obj=None):
        readonly = ["last_login", "date_joined", "password_changed_at"]
        if not request.user.is_superuser:
            readonly += ["is_staff", "is_superuser", "roles"]
        return readonly


class ReadOnlyAdmin(SuperuserOnlyAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class RecordKindFilter(admin.RelatedOnlyFieldListFilter):
    """The kinds of record the trail holds entries of, by their Chinese names."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.title = _("record kind")  # the field would call itself "content type"

    def field_choices(self, field, request, model_admin):
        from django.contrib.contenttypes.models import ContentType

        used = model_admin.get_queryset(request).values_list("content_type", flat=True).distinct()
        kinds = ContentType.objects.filter(pk__in=used)
        named = [
            (kind.pk, str(kind.model_class()._meta.verbose_name))
            for kind in kinds
            if kind.model_class()
        ]
        return sorted(named, key=lambda choice: choice[1])


class ActorFilter(admin.RelatedOnlyFieldListFilter):
    """Who made the entries: the users the trail names, by their names."""

    def field_choices(self, field, request, model_admin):
        used = model_admin.get_queryset(request).values_list("actor", flat=True).distinct()
        users = User.objects.filter(pk__in=used).order_by("username")
        return [(user.pk, f"{user.get_full_name()}（{user.username}）") for user in users]


@admin.register(LogEntry)
class AuditTrailAdmin(ReadOnlyAdmin):
    """The audit trail, read-only, in words a clerk reads: who changed what, from what to what."""

    list_display = [
        "timestamp",
        "actor",
        "action",
        "content_type",
        "object_repr",
        "change_summary",
    ]
    list_filter = [
        "action",
        ("content_type", RecordKindFilter),
        ("actor", ActorFilter),
        "timestamp",
    ]
    search_fields = ["object_repr", "actor__username", "actor__full_name"]
    date_hierarchy = "timestamp"
    list_select_related = ["actor", "content_type"]
    fields = [
        "timestamp",
        "actor",
        "action",
        "content_type",
        "object_repr",
        "remote_addr",
        "change_summary",
    ]
    readonly_fields = fields

    @admin.display(description=_("Changes"))
    def change_summary(self, entry):
        # Superusers only (see ReadOnlyAdmin), so related records are named without scoping.
        lines = describe_changes(entry, viewer=None)
        return format_html_join("", "<div>{}：{}</div>", ((ln.label, ln.text()) for ln in lines))


# Login records name every account and address: superusers only, and read-only (网络安全法
# 第21条: kept at least 180 days; `fazhi archive_records` takes older ones out to a file).
for model, original in [(AccessLog, AccessLogAdmin), (AccessFailureLog, AccessFailureLogAdmin)]:
    admin.site.unregister(model)
    admin.site.register(model, type(original.__name__, (ReadOnlyAdmin, original), {}))

admin.site.unregister(AccessAttempt)


@admin.register(AccessAttempt)
class LoginLockAdmin(ReadOnlyAdmin, AccessAttemptAdmin):
    """The failure counters behind the locks: who is locked, from where, until when; a
    superuser lifts a lock by clearing its counter (the failures stay in the failure log)."""

    list_display = ["username", "ip_address", "failures_since_start", "attempt_time", "lock"]
    actions = ["unlock"]

    @admin.display(description=_("Lock"))
    def lock(self, attempt):
        from fazhi.core.login import lock_of

        return lock_of(attempt)

    @admin.action(description=_("Unlock the selected accounts and addresses"))
    def unlock(self, request, queryset):
        from fazhi.core.login import unlock

        count = unlock(queryset, by=request.user)
        self.message_user(request, _("%(count)d lock counters cleared.") % {"count": count})

    def has_delete_permission(self, request, obj=None):
        return False  # only through the unlock action, which is audited

    def get_actions(self, request):
        actions = super().get_actions(request)
        if request.user.is_active and request.user.is_superuser:
            actions["unlock"] = self.get_action("unlock")
        return actions
