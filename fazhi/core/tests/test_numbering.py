"""Document numbers (文号): format, per-unit rules, per-year serials, gap-free, concurrent-safe."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from hypothesis import given
from hypothesis import strategies as st

from fazhi.core.models import NumberingRule
from fazhi.core.numbering import DocumentNumber, parse_document_number, take_document_number
from fazhi.org.models import Unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def bureau_rule(district):
    bureau = Unit.objects.get(code="510704-sfj")
    return NumberingRule.objects.create(unit=bureau, key="legality.opinion_letter", prefix="游司审")


def take(unit, key="legality.opinion_letter", year=2019):
    with transaction.atomic():
        return str(take_document_number(unit=unit, key=key, year=year))


def test_numbers_follow_the_rule_and_count_per_year(bureau_rule):
    bureau = bureau_rule.unit
    assert [take(bureau) for _ in range(3)] == [
        "游司审〔2019〕1号",
        "游司审〔2019〕2号",
        "游司审〔2019〕3号",
    ]
    assert take(bureau, year=2020) == "游司审〔2020〕1号"
    assert take(bureau) == "游司审〔2019〕4号"


def test_a_section_without_a_rule_uses_the_bureaus(bureau_rule):
    section = Unit.objects.get(name="合法性审查科")
    assert take(section) == "游司审〔2019〕1号"
    NumberingRule.objects.create(unit=section, key="legality.opinion_letter", prefix="游司审科")
    assert take(section) == "游司审科〔2019〕1号"


def test_a_unit_with_no_rule_gets_a_chinese_error(district):
    with pytest.raises(ValidationError, match="没有设置"):
        take(Unit.objects.get(name="新桥镇"), key="mediation.agreement")


def test_a_failed_save_gives_its_number_back(bureau_rule):
    bureau = bureau_rule.unit
    assert take(bureau) == "游司审〔2019〕1号"
    with pytest.raises(RuntimeError), transaction.atomic():
        take_document_number(unit=bureau, key="legality.opinion_letter", year=2019)
        raise RuntimeError("the document failed validation")
    assert take(bureau) == "游司审〔2019〕2号"  # no gap


@pytest.mark.django_db(transaction=True)
def test_taking_a_number_outside_a_transaction_is_a_programming_error(bureau_rule):
    with pytest.raises(RuntimeError):
        take_document_number(unit=bureau_rule.unit, key="legality.opinion_letter", year=2019)


@given(
    prefix=st.sampled_from(["游司审", "游司调", "川绵游"]),
    year=st.integers(1990, 2099),
    serial=st.integers(1, 99999),
)
def test_formatting_and_parsing_round_trip(prefix, year, serial):
    number = DocumentNumber(prefix, year, serial)
    assert parse_document_number(str(number)) == number


@pytest.mark.parametrize(
    "text",
    [
        "游司审[2019]12号",
        "游司审（2019）12号",
        "游司审〔2019〕0号",
        "游司审〔19〕12号",
        "〔2019〕12号",
        "游司审〔2019〕012号",
    ],
)
def test_malformed_numbers_are_refused(text):
    with pytest.raises(ValidationError, match="游司审〔2019〕12号"):
        parse_document_number(text)


@pytest.mark.django_db(transaction=True)
def test_concurrent_clerks_never_share_a_number(district):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite's in-memory test database has no second connection")
    bureau = Unit.objects.get(code="510704-sfj")
    NumberingRule.objects.create(unit=bureau, key="legality.opinion_letter", prefix="游司审")
    taken, errors = [], []

    def clerk():
        try:
            for _ in range(15):
                taken.append(take(bureau))
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=clerk) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    assert sorted(parse_document_number(n).serial for n in taken) == list(range(1, 46))
