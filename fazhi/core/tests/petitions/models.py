from django.db import models
from django.urls import reverse

from fazhi.core.models import TrackedRecord
from fazhi.org.scope import ScopedQuerySet


class Petition(TrackedRecord):
    class Status(models.TextChoices):
        RECEIVED = "RECEIVED", "已登记"
        ACCEPTED = "ACCEPTED", "已受理"
        ANSWERED = "ANSWERED", "已答复"

    unit = models.ForeignKey("org.Unit", verbose_name="承办单位", on_delete=models.PROTECT)
    petitioner = models.CharField("信访人", max_length=50)
    received_on = models.DateField("收到日期", db_index=True)
    status = models.CharField("状态", max_length=10, choices=Status.choices, default="RECEIVED")
    accepted_on = models.DateField("受理日期", null=True, blank=True)
    answered_on = models.DateField("答复日期", null=True, blank=True)
    answer = models.TextField("答复意见", blank=True)

    objects = ScopedQuerySet.as_manager()
    scope_unit_field = "unit"

    class Meta:
        verbose_name = "信访事项"
        verbose_name_plural = "信访事项"
        ordering = ["-received_on", "-pk"]

    def __str__(self):
        return f"{self.petitioner}的信访事项"

    def get_absolute_url(self):
        return reverse("petitions:petition_detail", args=[self.pk])
