"""Document numbers (文号): per-unit rules, gap-free and safe under concurrent creation.

Take a number inside the transaction that saves the document: the sequence row stays locked
until that transaction ends, so two clerks never get the same number, and a save that fails
rolls the number back with it (no gaps).
"""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils.translation import gettext as _

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


def take_document_number(*, unit, key: str, year: int) -> DocumentNumber:
    """The next number of `key` documents of `unit` in `year`. Call inside transaction.atomic."""
    if not connection.in_atomic_block:
        raise RuntimeError("take_document_number() must run inside the saving transaction")
    rule = rule_for_unit(unit, key)
    try:
        with transaction.atomic():  # a savepoint: a concurrent first number of the year may win
            NumberSequence.objects.get_or_create(rule=rule, year=year)
    except IntegrityError:
        pass
    sequence = NumberSequence.objects.select_for_update().get(rule=rule, year=year)
    sequence.last_serial += 1
    sequence.save(update_fields=["last_serial"])
    return DocumentNumber(rule.prefix, year, sequence.last_serial)
