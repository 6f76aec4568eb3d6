from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgConfig(AppConfig):
    name = "fazhi.org"
    verbose_name = _("Organisation")
    url_prefix = "org/"
    menu_order = 900
    demo_order = 0

    def ready(self):
        from auditlog.registry import auditlog
        from knox.models import AuthToken

        from fazhi.org.models import ApiToken, Role, Unit, User

        # Only the fields a person edits: no tree bookkeeping, timestamps or password hashes.
        auditlog.register(
            Unit,
            include_fields=[
                "code",
                "kind",
                "name",
                "short_name",
                "area_code",
                "credit_code",
                "parent",
                "is_active",
            ],
        )
        auditlog.register(
            Role,
            include_fields=["code", "name", "data_scope", "description"],
            m2m_fields={"permissions", "custom_units"},
        )
        auditlog.register(
            User,
            include_fields=[
                "username",
                "full_name",
                "phone",
                "email",
                "unit",
                "is_active",
                "is_staff",
                "is_superuser",
            ],
            m2m_fields={"roles"},
        )
        # Issuing and revoking an API token (never its digest): 系统管理 saves the proxy,
        # knox itself (an expired token deleted on use) the concrete model.
        auditlog.register(AuthToken, include_fields=["user", "expiry"])
        auditlog.register(ApiToken, include_fields=["user", "expiry"])

    def menu(self):
        from fazhi.core.menu import MenuEntry

        return [
            MenuEntry(_("Unit management"), "org:unit_list", "org.view_unit", order=10),
            MenuEntry(_("User management"), "org:user_list", "org.view_user", order=20),
        ]

    def workbench_panels(self, request):
        from fazhi.core.workbench import Panel
        from fazhi.org.models import Unit, User
        from fazhi.org.selectors import scope_description

        user = request.user
        context = {
            "scope": scope_description(user),
            "unit_count": Unit.objects.visible_to(user).count(),
            "user_count": User.objects.visible_to(user).count(),
        }
        return [Panel(_("My data scope"), "org/_panel_scope.html", context, order=900)]
