"""Figure references in report text: `{{mediation.disputes}}` prints the indicator's value for
the report's unit and year with its measure word ("2197件"). A suffix after `|` changes how it is
printed: another measure word (`{{mediation.mediators|名}}`), `数` for the bare number, `万元`
or `万元余` for money. References are what make every figure of a report traceable."""

import re
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

REFERENCE = re.compile(r"\{\{\s*([a-z0-9_]+(?:\.[a-z0-9_]+)+)\s*(?:\|\s*([^{}|\s]{1,6})\s*)?\}\}")
BARE = "数"
MONEY_FORMATS = {"万元", "万元余"}

# Arabic figures typed by hand. Allowed without a reference: years (2019年, 2019年度), dates
# (3月9日), titles 《…》 and document numbers (游司发〔2020〕12号).
_TYPED_NUMBER = re.compile(r"\d+(?:[.,]\d+)*\s*%?")
_ALLOWED = re.compile(
    r"《[^》]*》|〔[^〕]*〕\s*(?:\d+\s*号)?|（\d{4}）|\d{4}\s*年度?|\d{1,2}\s*月\s*(?:\d{1,2}\s*日)?|\d{1,2}\s*日"
)


@dataclass(frozen=True)
class Reference:
    text: str  # as written, e.g. {{mediation.mediators|名}}
    key: str
    style: str  # "" (the indicator's measure), a measure word, 数, 万元, 万元余
    start: int
    end: int

    @property
    def name(self) -> str:
        """The reference without braces: key, or key|style (how a frozen figure is stored)."""
        return f"{self.key}|{self.style}" if self.style else self.key


def references_in(text: str) -> list[Reference]:
    return [
        Reference(m.group(0), m.group(1), m.group(2) or "", m.start(), m.end())
        for m in REFERENCE.finditer(text or "")
    ]


def untraceable_numbers(text: str) -> list[str]:
    """Figures typed by hand outside any reference (a typed "45.57%" is one)."""
    plain = REFERENCE.sub(" ", text or "")
    plain = _ALLOWED.sub(" ", plain)
    return [m.group(0).strip() for m in _TYPED_NUMBER.finditer(plain)]


def format_figure(value, measure: str, style: str = "", money_rule: str = "ROUNDED_DOWN") -> str:
    """A figure as running Chinese text prints it: Arabic digits without thousands separators,
    then the measure word; percentages to two decimals; money of 10,000 yuan and more in 万元."""
    if value is None:
        return "—"
    if style == BARE:
        return _plain(value, measure)
    if measure == "%":
        return f"{Decimal(value):.2f}%"
    if measure == "元" or style in MONEY_FORMATS:
        amount = Decimal(value)
        if style == "万元余" or (not style and amount >= 10000 and money_rule == "ROUNDED_DOWN"):
            whole = (amount / 10000).quantize(Decimal(1), rounding=ROUND_DOWN)
            exact = whole * 10000 == amount
            return f"{whole}万元" if exact else f"{whole}余万元"
        if style == "万元" or amount >= 10000:
            return f"{(amount / 10000).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)}万元"
        return f"{amount.quantize(Decimal('0.01'))}元"
    return f"{_plain(value, measure)}{style or measure}"


def _plain(value, measure: str) -> str:
    if measure == "%":
        return f"{Decimal(value):.2f}"
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    return str(value)
