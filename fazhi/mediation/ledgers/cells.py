"""What the mediation ledgers' cells must be (codes, amounts, numbers, a party's identifier),
and the helpers their imports and exports share (scope, progress, chunks)."""

import re
from collections import defaultdict
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator

from fazhi.core.numbering import validate_document_number  # noqa: F401 - the ledgers' cells
from fazhi.core.validators import validate_credit_code, validate_id_number
from fazhi.mediation.models import Gender, Party
from fazhi.mediation.selectors import may_see_id_numbers

BATCH = 2000  # rows per bulk insert, and per chunk of the export's query

validate_code = RegexValidator(r"^[A-Za-z0-9-]+$", "只能使用字母、数字和连字符。")
MAX_AMOUNT = Decimal("999999999999.99")  # Dispute.agreement_amount: 14 digits, 2 decimals
ID_SHAPE = re.compile(r"\d{17}[\dX]")


def validate_amount(value: Decimal) -> None:
    if value > MAX_AMOUNT:
        raise ValidationError("金额过大，请核对（单位为元）。")


def party_identifier(value: str) -> tuple[str, str]:
    """A party's identifier → (kind, value): a resident ID number makes a person, a unified
    social credit code an organisation; either must pass its checksum."""
    value = value.upper()
    if ID_SHAPE.fullmatch(value):
        try:
            validate_id_number(value)
        except ValidationError as id_error:
            try:  # eighteen digits can also be a credit code
                validate_credit_code(value)
            except ValidationError:
                raise id_error from None
            return Party.Kind.ORGANISATION, value
        return Party.Kind.PERSON, value
    if len(value) != 18:
        raise ValidationError("应为18位居民身份证号码（个人）或18位统一社会信用代码（单位）。")
    validate_credit_code(value)
    return Party.Kind.ORGANISATION, value


def gender_from_id(id_number: str) -> str:
    """GB 11643: the 17th character is odd for men, even for women."""
    return Gender.MALE if int(id_number[16]) % 2 else Gender.FEMALE


class NamedRecords:
    """Records the file names by name (or by code or ID number): one, several of that name,
    or none."""

    def __init__(self):
        self.by_key: dict = {}
        self.by_name: dict = defaultdict(list)

    def add(self, name_key, ref, *keys) -> None:
        self.by_name[name_key].append(ref)
        for key in keys:
            if key:
                self.by_key[key] = ref

    def find(self, value, name_key):
        """(ref, how many of that name) — ref None unless exactly one matches."""
        if value in self.by_key:
            return self.by_key[value], 1
        found = self.by_name.get(name_key, [])
        return (found[0] if len(found) == 1 else None), len(found)


def committees_named(context: dict) -> NamedRecords:
    """The committees an import may write to, by unit code and by name: (pk, path, name)."""
    from fazhi.core.ledgers import in_ledger_scope
    from fazhi.mediation.models import Committee

    committees = NamedRecords()
    in_scope = in_ledger_scope(Committee.objects.all(), context, "unit")
    for code, pk, path, name in in_scope.values_list(
        "unit__code", "pk", "unit__path", "unit__name"
    ):
        committees.add(name, (pk, path, name), code)
    return committees


def committee_not_found(named: str, count: int, outside: str) -> str:
    if count > 1:
        return f"有 {count} 个名为“{named}”的调委会，请改填其单位编码。"
    return f"调委会“{named}”不存在，或{outside}。"


# --- scope and progress -----------------------------------------------------------------------


def full_ids(context: dict) -> bool:
    """May the exporter see full ID numbers? The command line (no viewer) may."""
    viewer = context.get("viewer")
    return viewer is None or may_see_id_numbers(viewer)


def progress_of(context: dict):
    return context.get("progress") or (lambda phase, done, total: None)
