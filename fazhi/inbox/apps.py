from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InboxConfig(AppConfig):
    """站内消息: what a user should act on — clocks of their scope due soon or overdue, a request
    to review, a request returned, a report to approve, an import finished — with an unread
    count in the header. The lines of work call `services.notify`; `fazhi remind` feeds the
    clocks (the timelimits signal `clocks_need_attention`)."""

    name = "fazhi.inbox"
    verbose_name = _("Messages")
    url_prefix = "inbox/"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from fazhi.inbox import receivers  # noqa: F401 - connects to the clocks' signal
