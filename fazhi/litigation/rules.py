"""The court's case number (案号) of an administrative lawsuit, and which outcomes open an appeal
period. Pure functions: the model, the forms, the services, the steps and the API share them.

Case numbers follow the Supreme People's Court's rules on case numbers (2016): the year in
full-width round brackets, the court's code (province abbreviation, then 0, 2 or 4 digits), the
case type (行初 first instance, 行终 second instance, 行再 retrial, 行申 retrial application …), the
serial and 号, e.g. （2019）川0704行初12号.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

if TYPE_CHECKING:
    from fazhi.litigation.models import Lawsuit

# Province-level abbreviations as they open a court's code, and 兵 for the XPCC courts.
PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼兵"
CASE_TYPES = ("行初", "行终", "行再", "行申", "行监", "行审", "行赔初", "行赔终", "行赔再")
CASE_NUMBER = re.compile(
    rf"^（(?P<year>\d{{4}})）(?P<court>[{PROVINCES}]\d{{0,4}})"
    rf"(?P<type>{'|'.join(sorted(CASE_TYPES, key=len, reverse=True))})"
    r"(?P<serial>[1-9]\d{0,5})号(?:之[一二三四五六七八九十]+)?$"
)
# The instance a type of case number stands for, where it names one.
INSTANCE_OF_TYPE = {
    "行初": "FIRST",
    "行赔初": "FIRST",
    "行终": "SECOND",
    "行赔终": "SECOND",
    "行再": "RETRIAL",
    "行赔再": "RETRIAL",
}


def normalise_case_number(text: str) -> str:
    """Spaces out, half-width brackets made full-width (the courts' form): (2019)川0704行初12号
    becomes （2019）川0704行初12号."""
    text = re.sub(r"\s+", "", text or "")
    return text.replace("(", "（").replace(")", "）")


def _format_message() -> str:
    return _(
        "Enter the court case number as the court wrote it: the year in brackets, the court's "
        "code, the case type, the serial and 号, e.g. （2019）川0704行初12号."
    )


def validate_case_number(value: str) -> None:
    if not CASE_NUMBER.match(normalise_case_number(value)):
        raise ValidationError(_format_message(), code="case_number")


def case_number_problems(number: str, *, instance: str, filed_on) -> dict[str, str]:
    """What is wrong with a (normalised) case number for a lawsuit of this instance filed on
    this day: field → message. The year in the number is the year the court filed the case."""
    match = CASE_NUMBER.match(number)
    if match is None:
        return {"case_number": _format_message()}
    problems = {}
    if filed_on is not None and int(match["year"]) != filed_on.year:
        problems["case_number"] = _(
            "The year in the case number (%(number_year)s) is not the year the case was filed "
            "(%(filed_year)s)."
        ) % {"number_year": match["year"], "filed_year": filed_on.year}
    expected = INSTANCE_OF_TYPE.get(match["type"])
    if instance and expected and expected != instance:
        problems["instance"] = _(
            "A case number with %(type)s belongs to another instance than the one chosen."
        ) % {"type": match["type"]}
    return problems


# --- which outcomes may be appealed --------------------------------------------------------

# Of the rulings an outcome can be, only 不予立案 and 驳回起诉 may be appealed (行诉解释 (2018)
# 第101条: rulings on 不予立案, 驳回起诉 and 管辖异议; the last is not an outcome of the suit).
# 准许撤诉 takes effect when it is served.
APPEALABLE_RULINGS = ("NOT_FILED", "SUIT_DISMISSED")


def appeal_period(lawsuit: Lawsuit) -> str | None:
    """The appeal period the lawsuit's outcome opens: "judgment" (15 days) or "ruling" (10
    days) when it may be appealed (行政诉讼法 第85条: a first-instance judgment or an appealable
    ruling), None when it took effect when served: any second-instance judgment or ruling
    (第7条: two instances, the second final), a ruling allowing the withdrawal, or no outcome.

    A retrial (行再) is tried under the procedure of the instance whose judgment it reopens (the
    first instance's: appealable; the second instance's, or brought up by a higher court:
    final; 民事诉讼法 (2017) 第207条, which administrative retrials follow). The lawsuit does not
    record which, so a retrial keeps the first instance's appeal clock: a superfluous clock only
    delays the closing until it runs out, a missing one could cost the defendant its appeal.
    """
    if not lawsuit.outcome or lawsuit.instance == "SECOND":
        return None
    if not lawsuit.is_ruling:
        return "judgment"
    return "ruling" if lawsuit.outcome in APPEALABLE_RULINGS else None
