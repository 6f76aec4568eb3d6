from auditlog.apps import AuditlogConfig as _AuditlogConfig
from axes.apps import AppConfig as _AxesConfig
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    # This module holds other AppConfigs too: say which one "fazhi.core" means.
    default = True
    name = "fazhi.core"
    verbose_name = _("Core")

    def ready(self):
        from auditlog.registry import auditlog
        from django.apps import apps

        from fazhi.core import checks  # noqa: F401 - registers the system checks
        from fazhi.core.models import ImportJob, NumberingRule
        from fazhi.core.validators import guard_model_text_fields

        guard_model_text_fields(
            model
            for config in apps.get_app_configs()
            if config.name.startswith("fazhi.")
            for model in config.get_models()
        )

        auditlog.register(NumberingRule)
        # Imported rows are written in bulk, without an entry each: the upload itself is on
        # the audit trail (who, which file, into which unit, how many records it created).
        auditlog.register(
            ImportJob,
            include_fields=["ledger", "unit", "original_name", "dry_run", "status", "created"],
        )


# The admin shows these libraries' apps under names a bureau clerk understands.
class AuditlogConfig(_AuditlogConfig):
    verbose_name = _("Audit trail")


class AxesConfig(_AxesConfig):
    verbose_name = _("Login records")
