import sys
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from fazhi.timelimits.calculation import calculate
from fazhi.timelimits.engine import YearNotLoaded
from fazhi.timelimits.selectors import RuleNotFound

UNITS = ["calendar_days", "working_days", "months"]


class Command(BaseCommand):
    help = (
        "Compute a statutory due date: `fazhi due_date START AMOUNT UNIT` or "
        "`fazhi due_date START --rule CODE`. The due date (YYYY-MM-DD) is the last line."
    )

    def add_arguments(self, parser):
        parser.add_argument("start", help="the day the clock started, YYYY-MM-DD (not counted)")
        parser.add_argument("amount", nargs="?", type=int)
        parser.add_argument("unit", nargs="?", choices=UNITS)
        parser.add_argument(
            "--rule", default="", help="a rule code, e.g. reconsideration.acceptance"
        )
        parser.add_argument(
            "--assume-weekends",
            action="store_true",
            help="count a year with no loaded holiday schedule as plain weekends (with a warning)",
        )

    def handle(self, *args, start, amount, unit, rule, assume_weekends, **options):
        try:
            start_date = date.fromisoformat(start)
        except ValueError:
            raise CommandError(f"起算日期格式应为 YYYY-MM-DD：{start}") from None
        if not rule and (amount is None or unit is None):
            raise CommandError("请给出 AMOUNT UNIT（如 5 working_days），或 --rule CODE。")
        if rule and amount is not None:
            raise CommandError("--rule 与 AMOUNT UNIT 只能二选一。")
        if amount is not None and amount < 1:
            raise CommandError("期限数值应为正整数。")
        try:
            calculation = calculate(
                start_date,
                rule_code=rule,
                amount=amount,
                unit=unit or "",
                assume_weekends=assume_weekends,
            )
        except (YearNotLoaded, RuleNotFound) as error:
            raise CommandError(str(error)) from None
        result = calculation.result
        for year in result.assumed_years:
            sys.stderr.write(f"警告：{year} 年的节假日安排尚未载入，已仅按周末计算。\n")
        self.stdout.write(f"依据：{calculation.basis}")
        if result.nominal_end != result.due:
            self.stdout.write(f"期间最后一日 {result.nominal_end} 为休息日，顺延至下一工作日。")
        if result.suggested_internal:
            self.stdout.write(
                f"建议内部完成日：{result.suggested_internal}（长假前最后一个工作日）"
            )
        self.stdout.write(result.due.isoformat())
