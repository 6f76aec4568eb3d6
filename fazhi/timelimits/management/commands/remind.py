"""`fazhi remind`, for cron: due-soon and overdue deadlines per unit, printed and, when e-mail is
configured, sent to the active users of each unit who have an address."""

from collections import defaultdict

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand

from fazhi.timelimits.models import Deadline
from fazhi.timelimits.selectors import due_soon_limit, today


class Command(BaseCommand):
    help = "Print (and e-mail, when EMAIL_HOST is set) the due-soon and overdue deadlines of every unit."

    def handle(self, *args, **options):
        on = today()
        pending = (
            Deadline.objects.filter(completed_on__isnull=True, suspended_since__isnull=True)
            .filter(due_date__lte=due_soon_limit(on))
            .select_related("unit", "rule")
            .order_by("unit__path", "due_date")
        )
        by_unit = defaultdict(list)
        for deadline in pending:
            by_unit[deadline.unit].append(deadline)
        if not by_unit:
            self.stdout.write(f"{on}：没有三个工作日内到期或已逾期的期限。")
            return
        for unit, deadlines in by_unit.items():
            lines = [
                f"  {'【逾期】' if d.due_date < on else '【将到期】'}{d.due_date} {d.label}（{d.rule.basis}）"
                for d in deadlines
            ]
            text = f"{unit.name}：{len(deadlines)} 项\n" + "\n".join(lines)
            self.stdout.write(text)
            recipients = [u.email for u in unit.users.filter(is_active=True) if u.email]
            if settings.EMAIL_HOST and recipients and "smtp" in settings.EMAIL_BACKEND:
                send_mail(f"法治工作平台期限提醒（{on}）", text, None, recipients)
