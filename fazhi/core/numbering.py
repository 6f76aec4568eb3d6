"""Document numbers (文号): per-unit rules, gap-free and safe under concurrent creation.

Take a number inside the transaction that saves the document: the sequence row stays locked
until that transaction ends, so two clerks never get the same number, and a save that fails
rolls the number back with it (no gaps). An import takes its numbers in bulk
(`take_document_numbers`), under the same lock.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils.translation import gettext as _

from fazhi.core.bulk import in_chunks
from fazhi.core.models import NumberingRule, NumberSequence

DOCUMENT_NUMBER = re.compile(r"^(?P<prefix>[^〔〕\s]+)〔(?P<year>\d{4})〕(?P<serial>[1-9]\d*)号$")


@dataclass(frozen=True)
class DocumentNumber:
    prefix: str
    year: int
    serial: int

    def __str__(self) -> str:
        return f"{self.prefix}〔{self.year}〕{self.serial}号"


def parse_document_number(text: str) -> DocumentNumber:
    """游司审〔2019〕12号 → DocumentNumber; refuses [], (), 〔 〕 missing, serial 0 or leading 0."""
    match = DOCUMENT_NUMBER.match((text or "").strip())
    if match is None:
        raise ValidationError(
            _("A document number reads like 游司审〔2019〕12号: prefix, year in 〔〕, serial, 号.")
        )
    return DocumentNumber(match["prefix"], int(match["year"]), int(match["serial"]))


def validate_document_number(value: str) -> None:
    """A field holding a 文号 (a decision's number, an opinion letter's): its form, or none."""
    if value:
        parse_document_number(value)


def rule_for_unit(unit, key: str) -> NumberingRule:
    """The unit's own rule for `key`, else the nearest ancestor's."""
    ancestors = [unit, *reversed(list(unit.ancestors()))]
    rules = {r.unit_id: r for r in NumberingRule.objects.filter(key=key, unit__in=ancestors)}
    for candidate in ancestors:
        if candidate.pk in rules:
            return rules[candidate.pk]
    raise ValidationError(
        _("No numbering rule for %(key)s is set for %(unit)s or its parent units.")
        % {"key": key, "unit": unit.name}
    )


def rules_for_units(key: str, units: list[tuple[int, str]]) -> dict[int, NumberingRule]:
    """`rule_for_unit` for many units at once (an import): unit pk → its rule for `key` (its own,
    else the nearest ancestor's), from the units' (pk, path), in two queries however many;
    units without one are left out."""
    from fazhi.org.models import PATH_STEP, Unit

    prefixes = {
        path[:end] for _pk, path in units for end in range(PATH_STEP, len(path) + 1, PATH_STEP)
    }
    unit_ids = {}
    for chunk in in_chunks(list(prefixes)):
        unit_ids.update(Unit.objects.filter(path__in=chunk).values_list("path", "pk"))
    rules = {
        rule.unit_id: rule
        for rule in NumberingRule.objects.filter(key=key, unit_id__in=unit_ids.values())
    }
    found = {}
    for pk, path in units:
        for end in range(len(path), 0, -PATH_STEP):
            rule = rules.get(unit_ids.get(path[:end]))
            if rule is not None:
                found[pk] = rule
                break
    return found


def _locked_sequence(rule: NumberingRule, year: int) -> NumberSequence:
    """The rule's sequence for the year, created if need be and locked until the transaction
    ends. Call inside the saving transaction."""
    if not connection.in_atomic_block:
        raise RuntimeError("document numbers are taken inside the saving transaction")
    try:
        with transaction.atomic():  # a savepoint: a concurrent first number of the year may win
            NumberSequence.objects.get_or_create(rule=rule, year=year)
    except IntegrityError:
        pass
    return NumberSequence.objects.select_for_update().get(rule=rule, year=year)


def take_document_number(
    *, unit, key: str, year: int, taken: Callable[[str], bool] | None = None
) -> DocumentNumber:
    """The next number of `key` documents of `unit` in `year`, past any number `taken` says a
    record already carries (one typed in, or brought in from an Excel ledger). Call inside
    transaction.atomic."""
    rule = rule_for_unit(unit, key)
    sequence = _locked_sequence(rule, year)
    while True:
        sequence.last_serial += 1
        number = DocumentNumber(rule.prefix, year, sequence.last_serial)
        if taken is None or not taken(str(number)):
            break
    sequence.save(update_fields=["last_serial"])
    return number


def take_document_numbers(
    *, rule: NumberingRule, year: int, count: int, used=frozenset(), at_least: int = 0
) -> list[str]:
    """`count` numbers of `rule` in `year` at once (an import), the sequence locked and advanced
    once: past every number in `used` (typed into the file, or carried by a record; a function
    giving them is called once the sequence is locked), and never ending below `at_least` (the
    highest serial of this rule and year typed into the file). Call inside the saving
    transaction; take the sequences of several rules in a fixed order."""
    sequence = _locked_sequence(rule, year)
    used = used() if callable(used) else used
    serial, numbers = sequence.last_serial, []
    for _n in range(count):
        serial += 1
        while str(DocumentNumber(rule.prefix, year, serial)) in used:
            serial += 1
        numbers.append(str(DocumentNumber(rule.prefix, year, serial)))
    last = max(serial, at_least)
    if last != sequence.last_serial:
        sequence.last_serial = last
        sequence.save(update_fields=["last_serial"])
    return numbers
