"""`fazhi remind`, for cron: every user's due-soon and overdue clocks into their 站内消息 (once
per clock and state), the deadlines per unit printed for the operator and, when e-mail is configured (EMAIL_HOST), sent to every active user with an address: each
receives exactly the deadlines their data scope shows them on the 工作台."""

from collections import defaultdict

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand

from fazhi.org.models import User
from fazhi.timelimits.models import Deadline
from fazhi.timelimits.selectors import deadlines_needing_attention, due_soon_limit, today
from fazhi.timelimits.signals import clocks_need_attention


class Command(BaseCommand):
    help = "Print (and e-mail, when EMAIL_HOST is set) the due-soon and overdue deadlines of every unit."

    def handle(self, *args, **options):
        on = today()
        # The message centre first: each user's own clocks, in the platform.
        written = sum(
            count or 0
            for _receiver, count in clocks_need_attention.send(sender=self.__class__, on=on)
        )
        self.stdout.write(f"站内消息：新发 {written} 条期限提醒。")
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
            lines = "\n".join(_line(d, on) for d in deadlines)
            self.stdout.write(f"{unit.name}：{len(deadlines)} 项\n{lines}")
        if settings.FAZHI_EMAIL_ENABLED:
            sent = 0
            for user in User.objects.filter(is_active=True).exclude(email=""):
                mine = list(deadlines_needing_attention(viewer=user, on=on))
                if mine:
                    body = "\n".join(_line(d, on) for d in mine)
                    send_mail(f"法治工作平台期限提醒（{on}）", body, None, [user.email])
                    sent += 1
            self.stdout.write(f"已发送提醒邮件 {sent} 封。")


def _line(deadline, on) -> str:
    flag = "【逾期】" if deadline.due_date < on else "【将到期】"
    return f"  {flag}{deadline.due_date} {deadline.label}（{deadline.rule.basis}）"
