from django.core.management.base import BaseCommand

from fazhi.timelimits.calendar import holidays_sync


class Command(BaseCommand):
    help = (
        "Holiday calendar: `fazhi holidays sync` re-imports every year the installed "
        "chinese-calendar package covers, keeping years the administrator entered or corrected."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["sync"])
        parser.add_argument(
            "--replace-manual",
            action="store_true",
            help="also overwrite years the administrator entered or corrected",
        )

    def handle(self, *args, action, replace_manual, **options):
        years, kept = holidays_sync(replace_manual=replace_manual)
        if years:
            self.stdout.write(
                f"已从 chinese-calendar 载入 {len(years)} 年的节假日安排：{years[0]}–{years[-1]}。"
            )
        if kept:
            self.stdout.write(
                f"以下年份由管理员录入或修改过，未覆盖：{'、'.join(map(str, kept))}"
                "（确需覆盖请加 --replace-manual）。"
            )
