"""Shared machinery with tables of its own: document numbering (文号)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class NumberingRule(models.Model):
    """How one unit numbers one kind of document: 游司审〔2019〕12号 is prefix 游司审, the year in
    〔〕 (U+3014/U+3015), the serial, and 号. Serials restart at 1 every year."""

    unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("unit"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_(
            "Applies to this unit and, where they have no rule of their own, to its subordinate units."
        ),
    )
    key = models.SlugField(
        _("document kind"),
        max_length=60,
        help_text=_("e.g. legality.opinion_letter, mediation.agreement"),
    )
    prefix = models.CharField(_("prefix"), max_length=20)

    class Meta:
        verbose_name = _("numbering rule")
        verbose_name_plural = _("numbering rules")
        constraints = [
            models.UniqueConstraint(fields=["unit", "key"], name="numbering_one_rule_per_unit_kind")
        ]

    def __str__(self):
        return f"{self.prefix}〔年〕N号（{self.key}）"


class NumberSequence(models.Model):
    """The last serial given under a rule in a year; locked while the next one is taken."""

    rule = models.ForeignKey(NumberingRule, on_delete=models.CASCADE, related_name="sequences")
    year = models.PositiveSmallIntegerField(_("year"))
    last_serial = models.PositiveIntegerField(_("last serial"), default=0)

    class Meta:
        verbose_name = _("number sequence")
        verbose_name_plural = _("number sequences")
        constraints = [
            models.UniqueConstraint(fields=["rule", "year"], name="numbering_one_sequence_per_year")
        ]

    def __str__(self):
        return f"{self.rule.prefix}〔{self.year}〕{self.last_serial}号"


class ImportJob(models.Model):
    """One upload of an Excel ledger: validated (and saved, unless a dry run) in the
    background while the page shows its progress; the errors stay for the uploader to read."""

    class Status(models.TextChoices):
        PENDING = "PENDING", _("waiting")
        RUNNING = "RUNNING", _("running")
        DONE = "DONE", _("finished")
        FAILED = "FAILED", _("failed")

    ledger = models.CharField(_("ledger"), max_length=60)
    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("unit"), on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    file = models.FileField(_("file"), upload_to="ledger-imports/%Y/%m/")
    original_name = models.CharField(_("file name"), max_length=200)
    dry_run = models.BooleanField(_("dry run"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    phase = models.CharField(_("phase"), max_length=10, blank=True)
    done = models.PositiveIntegerField(_("rows processed"), default=0)
    total = models.PositiveIntegerField(_("rows in the file"), default=0)
    rows = models.PositiveIntegerField(_("data rows"), default=0)
    created = models.PositiveIntegerField(_("records created"), default=0)
    errors = models.JSONField(_("errors"), default=list, blank=True)
    error_file = models.FileField(
        _("annotated workbook"), upload_to="ledger-imports/%Y/%m/", blank=True
    )
    message = models.TextField(_("message"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("ledger import")
        verbose_name_plural = _("ledger imports")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.ledger} {self.original_name}"

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def percent(self) -> int:
        if self.finished:
            return 100
        return min(99, int(self.done * 100 / self.total)) if self.total else 0


class TrackedRecord(models.Model):
    """Fields every case record of a line of work keeps: who created it and when, when it last
    changed, and the version that guards it against overwriting (fazhi.core.versioning)."""

    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True
