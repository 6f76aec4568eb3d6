"""Figure references in report text: `{{mediation.disputes}}` prints the indicator's value for
the report's unit and year with its measure word ("2197件"). A suffix after `|` changes how it is
printed: another measure word (`{{mediation.mediators|名}}`), `数` for the bare number, `万元`
or `万元余` for money. References are what make every figure of a report traceable."""

import re
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

# The style after the bar is Chinese characters only (名, 人次, 数, 万元余): a digit there would
# print a figure no record backs.
REFERENCE = re.compile(
    r"\{\{\s*([a-z0-9_]+(?:\.[a-z0-9_]+)+)\s*(?:\|\s*([\u4e00-\u9fff]{1,4})\s*)?\}\}"
)
BARE = "数"
MONEY_FORMATS = {"万元", "万元余"}

# Arabic figures typed by hand (full-width digits too). Allowed without a reference: years
# (2019年, 2019年度, 2015－2020年), dates and months (3月9日, 1-11月), articles (第3条), document
# numbers (游司发〔2020〕12号), titles in 《》 (whose own numbers are names) and service lines
# people dial (12348).
_TYPED_NUMBER = re.compile(r"[0-9０-９]+(?:[.,，．][0-9０-９]+| [0-9]{3}(?![0-9]))*\s*[%％]?")
_ALLOWED = re.compile(
    r"《[^《》]*》"
    r"|〔\d{4}〕\s*\d+\s*号"
    r"|（\d{4}）\s*\S{0,12}?\d+\s*号"  # court case numbers （2019）川0704行初12号
    r"|\d{4}\s*[-－—–~～至]\s*\d{4}\s*年度?"
    r"|\d{4}\s*年度?"
    r"|\d{1,2}\s*[-－—–~～至]\s*\d{1,2}\s*月"
    r"|\d{1,2}\s*月\s*(?:\d{1,2}\s*日)?"
    r"|\d{4}\.\d{1,2}\.\d{1,2}"
    r"|第\s*\d+\s*[条款项章节届次]"
    r"|(?<![0-9])(?:12348|12345|12309|12315|110)(?![0-9])"
)
# Figures written in Chinese numerals before a measure word (二千一百九十七件, 二十余个, 四十五项,
# 百分之四十五点五七). A single numeral (三个, 两次, 一是) is left alone: too common in plain prose
# to be a statistic.
_MEASURE = "(?:件|名|人次|人|个|份|条|家|场次|场|次|项|期|批|篇|户|起|宗|所|座|万元|元)"
_CHINESE_FIGURE = re.compile(
    r"百分之[零〇一二两三四五六七八九十百点]+"
    r"|[零〇一二两三四五六七八九十百千万亿]*[十百千万亿][零〇一二两三四五六七八九十百千万亿]*"
    rf"[余多]?{_MEASURE}"
    rf"|[零〇一二两三四五六七八九]{{2,}}[余多]?{_MEASURE}"
)
_BRACES = re.compile(r"\{\{[^{}]{0,60}\}{0,2}|\}\}|[{}]")


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
    typed = [m.group(0).strip() for m in _TYPED_NUMBER.finditer(plain)]
    return typed + [m.group(0) for m in _CHINESE_FIGURE.finditer(plain)]


def malformed_references(text: str) -> list[str]:
    """Braces left once the well-formed references are taken out: a reference mistyped
    ({{Mediation.disputes}}, {{mediation.disputes}, {{x|00件}}) would print as it stands."""
    plain = REFERENCE.sub(" ", text or "")
    return list(dict.fromkeys(m.group(0) for m in _BRACES.finditer(plain)))


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
