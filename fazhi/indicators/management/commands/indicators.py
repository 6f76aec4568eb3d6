import json
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from fazhi.indicators.registry import Period, all_indicators, compute, format_value
from fazhi.org.models import Unit, User


def system_viewer() -> User:
    """The command line runs with the operator's full access to the database."""
    return User(username="(命令行)", is_active=True, is_superuser=True)


class Command(BaseCommand):
    help = "Print every indicator for a unit's subtree and a period (JSON or a table)."

    def add_arguments(self, parser):
        parser.add_argument("--unit", required=True, help="unit code, e.g. 510704")
        parser.add_argument("--year", type=int)
        parser.add_argument("--quarter", type=int)
        parser.add_argument("--month", type=int)
        parser.add_argument("--start", help="YYYY-MM-DD (with --end)")
        parser.add_argument("--end", help="YYYY-MM-DD (with --start)")
        parser.add_argument("--format", choices=["json", "list", "table"], default="table")
        parser.add_argument("--user", help="compute within this user's data scope")
        parser.add_argument("--key", action="append", help="only these indicators")

    def handle(self, *args, unit, format, user, key, **options):
        try:
            root = Unit.objects.get(code=unit)
        except Unit.DoesNotExist:
            raise CommandError(f"没有编码为 {unit} 的单位。") from None
        try:
            period = Period.from_params(
                **{k: options[k] for k in ["year", "quarter", "month", "start", "end"]}
            )
        except ValidationError as error:
            raise CommandError("；".join(error.messages)) from None
        viewer = system_viewer()
        if user:
            viewer = User.objects.filter(username=user).first()
            if viewer is None:
                raise CommandError(f"没有用户 {user}。")
        indicators = {i.key: i for i in all_indicators()}
        unknown = [k for k in key or [] if k not in indicators]
        if unknown:
            raise CommandError(f"没有这些指标：{'、'.join(unknown)}")
        values = compute(unit=root, period=period, viewer=viewer, keys=key)
        if format == "json":
            self.stdout.write(json.dumps({k: _json(v) for k, v in values.items()}, indent=2))
        elif format == "list":
            rows = [
                {
                    "key": k,
                    "value": _json(v),
                    "label": str(indicators[k].label),
                    "measure": indicators[k].measure,
                }
                for k, v in values.items()
            ]
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(f"{root.name}  {period}")
            for k, v in values.items():
                self.stdout.write(
                    f"{k:<48} {format_value(indicators[k], v):>18}  {indicators[k].label}"
                )


def _json(value):
    """Counts as JSON numbers; money and ratios as decimal strings ("45.20"), never floats."""
    if isinstance(value, Decimal):
        return str(value)
    return value
