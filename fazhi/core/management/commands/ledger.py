from django.core.management.base import BaseCommand, CommandError

from fazhi.core.ledgers import (
    WorkbookRefused,
    get_ledger,
    import_ledger,
    write_export,
    write_template,
)
from fazhi.indicators.registry import FIRST_YEAR, LAST_YEAR


class Command(BaseCommand):
    help = (
        "Excel ledgers: `fazhi ledger template KEY FILE`, `fazhi ledger import KEY FILE --unit CODE "
        "[--dry-run]`, `fazhi ledger export KEY FILE --unit CODE [--year YYYY]`."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["template", "import", "export"])
        parser.add_argument("key", help="e.g. org.units, mediation.disputes")
        parser.add_argument("file")
        parser.add_argument("--unit", help="code of the unit whose subtree the rows belong to")
        parser.add_argument("--year", type=int)
        parser.add_argument("--dry-run", action="store_true", help="validate only, save nothing")

    def handle(self, *args, action, key, file, unit, year, dry_run, **options):
        from fazhi.org.models import Unit

        try:
            ledger = get_ledger(key)
        except KeyError as error:
            raise CommandError(str(error.args[0])) from None
        if action == "template":  # with --unit: drop-downs of that unit's committees …
            root = Unit.objects.filter(code=unit).first() if unit else None
            if unit and root is None:
                raise CommandError(f"没有编码为 {unit} 的单位。")
            write_template(ledger, file, {"viewer": None, "unit": root} if root else None)
            self.stdout.write(f"模板已写入 {file}")
            return
        if not unit:
            raise CommandError("请用 --unit 指定单位编码。")
        root = Unit.objects.filter(code=unit).first()
        if root is None:
            raise CommandError(f"没有编码为 {unit} 的单位。")
        if year is not None and not FIRST_YEAR <= year <= LAST_YEAR:
            raise CommandError(f"年度须在 {FIRST_YEAR} 至 {LAST_YEAR} 之间。")
        context = {"unit": root, "viewer": None, "year": year, "file": file}
        if action == "export":
            count = write_export(ledger, context, file)
            self.stdout.write(f"已导出 {count} 行到 {file}")
            return
        try:
            result = import_ledger(ledger, file, context=context, dry_run=dry_run)
        except WorkbookRefused as refusal:
            raise CommandError("；".join(refusal.messages) + "未导入任何数据。") from None
        for error in result.errors:
            self.stderr.write(str(error))
        if result.errors:
            raise CommandError(f"发现 {len(result.errors)} 处错误，未导入任何数据。")
        if dry_run:
            self.stdout.write(f"校验通过：{result.rows} 行（试运行，未保存）。")
        else:
            self.stdout.write(f"已导入 {result.created} 行。")
