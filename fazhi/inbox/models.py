from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Message(models.Model):
    """One message to one user. `key` makes a notice idempotent: the same clock overdue, fed
    by every run of `fazhi remind`, reaches a user once."""

    class Kind(models.TextChoices):
        CLOCK_DUE_SOON = "CLOCK_DUE_SOON", _("time limit due soon")
        CLOCK_OVERDUE = "CLOCK_OVERDUE", _("time limit overdue")
        TO_REVIEW = "TO_REVIEW", _("submitted for review")
        ASSIGNED = "ASSIGNED", _("assigned to your unit")
        RETURNED = "RETURNED", _("returned")
        TO_APPROVE = "TO_APPROVE", _("awaiting approval")
        IMPORT_DONE = "IMPORT_DONE", _("import finished")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="messages",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), blank=True)
    url = models.CharField(_("link"), max_length=300, blank=True)
    key = models.CharField(max_length=120, blank=True)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "key"],
                condition=~models.Q(key=""),
                name="message_once_per_key",
            )
        ]

    def __str__(self):
        return self.title
