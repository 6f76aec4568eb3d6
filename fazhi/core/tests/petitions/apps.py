from django.apps import AppConfig


class PetitionsConfig(AppConfig):
    name = "fazhi.core.tests.petitions"
    label = "petitions"
    verbose_name = "信访事项"
    url_prefix = "petitions/"
    menu_order = 400
    demo_order = 400

    def ready(self):
        from auditlog.registry import auditlog

        from fazhi.core.tests.petitions.models import Petition

        auditlog.register(Petition, exclude_fields=["version", "created_at", "updated_at"])

    def seed_reference_rows(self):
        """Its time limit, seeded by its data migration, put back where a test emptied the rule
        table (the seed is idempotent)."""
        from importlib import import_module

        from django.apps import apps

        import_module("fazhi.core.tests.petitions.migrations.0002_acceptance_rule").seed(apps, None)

    def menu(self):
        from fazhi.core.menu import MenuEntry

        return [MenuEntry("信访事项", "petitions:petition_list", "petitions.view_petition", 10)]
