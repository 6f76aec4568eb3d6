"""Trigram indexes for the disputes list's search (party name, case number) on PostgreSQL.

Django's `icontains` reads UPPER(column) LIKE UPPER('%text%'): these GIN indexes on the same
expressions let PostgreSQL answer it without reading every row. SQLite has no such index; the
embedded database is for small installations.
"""

from django.db import migrations

INDEXES = [
    ("mediation_party_name_trgm", "mediation_party", "name"),
    ("mediation_dispute_number_trgm", "mediation_dispute", "number"),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, table, column in INDEXES:
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ((UPPER("{column}"::text)) gin_trgm_ops)'
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _column in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("mediation", "0001_mediation_ledger")]

    operations = [migrations.RunPython(create, drop)]
