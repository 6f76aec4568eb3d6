from django.db import migrations

SEQUENCE = "fazhi_figures_stamp"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE SEQUENCE IF NOT EXISTS {SEQUENCE}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP SEQUENCE IF EXISTS {SEQUENCE}")


class Migration(migrations.Migration):
    """The counter cached figures are keyed by (fazhi.indicators.freshness); PostgreSQL only."""

    dependencies = []
    operations = [migrations.RunPython(create, drop)]
