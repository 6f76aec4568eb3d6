from django.core.management.base import BaseCommand

from fazhi.timelimits.calendar import holidays_sync


class Command(BaseCommand):
    help = "Holiday calendar: `fazhi holidays sync` re-imports every year the installed chinese-calendar package covers."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["sync"])

    def handle(self, *args, action, **options):
        years = holidays_sync()
        self.stdout.write(
            f"已从 chinese-calendar 载入 {years[0]}–{years[-1]} 年共 {len(years)} 年的节假日安排。"
        )
