"""The test suite's own kept district (conftest `_DistrictRows`): inserting its rows under their
keys must leave the key sequences past them, whatever restarted the sequences before."""

from django.core.management.color import no_style
from django.db import connection, transaction

import conftest
from fazhi.org.models import Unit, User


def _restart_key_sequences():
    """What `flush` (a demo module's teardown) does to the sequences of the tables it empties:
    start them again at 1. (Tables holding rows, such as audit entries of the seeded rules,
    keep theirs.)"""
    with connection.cursor() as cursor:
        empty = []
        for sequence in connection.introspection.sequence_list():
            table = connection.ops.quote_name(sequence["table"])
            cursor.execute(f"SELECT EXISTS (SELECT 1 FROM {table})")  # noqa: S608 - our table names
            if not cursor.fetchone()[0]:
                empty.append(sequence)
        for statement in connection.ops.sequence_reset_by_name_sql(no_style(), empty):
            cursor.execute(statement)


class _Undone(Exception):
    pass


def test_new_rows_after_a_kept_district_take_keys_of_their_own(seeded):
    try:  # the district once, captured and undone, as a test's rollback undoes it
        with transaction.atomic():
            conftest._DISTRICT.load()
            raise _Undone
    except _Undone:
        pass
    assert not Unit.objects.exists()
    _restart_key_sequences()

    conftest._DISTRICT.load()  # now the kept rows, under their keys

    township = Unit.objects.get(code="510704101")
    unit = Unit.objects.create(name="新建调委会", code="T-NEW", kind=township.kind, parent=township)
    user = User.objects.create_user(username="newcomer", password="Not-a-demo-1", unit=unit)
    assert unit.pk > max(Unit.objects.exclude(pk=unit.pk).values_list("pk", flat=True))
    assert user.pk > max(User.objects.exclude(pk=user.pk).values_list("pk", flat=True))
