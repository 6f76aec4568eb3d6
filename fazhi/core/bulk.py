"""Bulk writes for imports and scale data: many rows in one statement, for the services' bulk
paths (a dispute import of a whole district's year, its clocks and its audit entries)."""

from django.db import connections
from django.utils import timezone

IN_CHUNK = 900  # values per `IN (...)` lookup (SQLite takes 999 parameters)


def in_chunks(values: list, size: int = IN_CHUNK):
    """`values` in slices small enough for one `IN (...)` lookup on any database."""
    for start in range(0, len(values), size):
        yield values[start : start + size]


# Fields whose Python value is already what the database driver takes.
_PLAIN_FIELDS = frozenset(
    {
        "CharField",
        "TextField",
        "SlugField",
        "BooleanField",
        "IntegerField",
        "SmallIntegerField",
        "BigIntegerField",
        "PositiveIntegerField",
        "PositiveSmallIntegerField",
        "PositiveBigIntegerField",
        "ForeignKey",
        "OneToOneField",
    }
)


def insert_rows(
    model,
    fields: list[str],
    rows,
    *,
    using: str = "default",
    json_as_text: bool = False,
    with_pks: bool = False,
):
    """INSERT `rows` (sequences of Python values in the order of `fields`, attnames such as
    `committee_id` for foreign keys) into `model`'s table: COPY on PostgreSQL, one prepared
    INSERT run for every row (executemany) elsewhere.

    What `bulk_create` does for a big import, without a model instance per row and the
    per-value expression compilation, which at 100,000s of rows cost several times the
    database's own work. Like `bulk_create` it sends no signals. Fields left out get their
    default (auto_now fields: now, the same for every row); the caller has validated the
    values. `json_as_text`: the JSON fields' values come serialised already (json.dumps, once
    per value rather than through the driver's adapter). Returns the number of rows inserted,
    or with `with_pks` the new rows' primary keys in order (taken from the table's sequence
    beforehand, so that nothing has to be read back)."""
    connection = connections[using]
    opts = model._meta
    if with_pks:
        rows = list(rows)
        pks = _allocate_pks(connection, model, len(rows))
        fields = [opts.pk.attname, *fields]
        rows = [(pk, *row) for pk, row in zip(pks, rows, strict=True)]
    given = [opts.get_field(name) for name in fields]
    rest = [
        f
        for f in opts.local_concrete_fields
        if f not in given and not (f.primary_key and f.get_internal_type().endswith("AutoField"))
    ]
    now = timezone.now()
    constants = []
    for f in rest:
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
            value = now
        elif f.has_default() or f.null or (f.blank and f.empty_strings_allowed):
            value = f.get_default()
        else:
            raise ValueError(f"insert_rows: no value for {opts.label}.{f.name}")
        constants.append(f.get_db_prep_save(value, connection))
    constants = tuple(constants)
    plain = _PLAIN_FIELDS | ({"JSONField"} if json_as_text else set())
    adapted = [
        (index, f.get_db_prep_save)
        for index, f in enumerate(given)
        if f.get_internal_type() not in plain
    ]
    quote = connection.ops.quote_name
    table = quote(opts.db_table)
    columns = ", ".join(quote(f.column) for f in [*given, *rest])

    def values():
        for row in rows:
            if len(row) != len(given):
                raise ValueError(f"insert_rows: {len(row)} values for {len(given)} fields")
            row = list(row)
            for index, adapt in adapted:
                if row[index] is not None:
                    row[index] = adapt(row[index], connection)
            row += constants
            yield row

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY: the fastest way in, and no SQL text to build or parse per row.
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in values():
                    copy.write_row(row)
        else:
            placeholders = ", ".join(["%s"] * (len(given) + len(rest)))
            cursor.executemany(
                f"INSERT INTO {table} ({columns}) VALUES ({placeholders})",  # noqa: S608 - quoted names
                list(values()),  # a list: the debug cursor counts it
            )
    return pks if with_pks else len(rows)


def _allocate_pks(connection, model, count: int) -> list[int]:
    """`count` primary keys for new rows of `model`: from its sequence on PostgreSQL (no other
    writer gets them), above the highest on SQLite (one writer at a time)."""
    if not count:
        return []
    opts = model._meta
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [opts.db_table, opts.pk.column, count],
            )
            return [row[0] for row in cursor.fetchall()]
        cursor.execute(f"SELECT max({quote(opts.pk.column)}) FROM {quote(opts.db_table)}")  # noqa: S608 - quoted names
        first = (cursor.fetchone()[0] or 0) + 1
    return list(range(first, first + count))
