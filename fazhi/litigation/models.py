"""Administrative litigation (行政应诉): lawsuits against the government's organs, their hearings
(who appeared for the defendant) and outcomes."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from fazhi.org.scope import ScopedQuerySet


class Lawsuit(models.Model):
    class Instance(models.TextChoices):
        FIRST = "FIRST", _("First instance")
        SECOND = "SECOND", _("Second instance")
        RETRIAL = "RETRIAL", _("Retrial")

    class Outcome(models.TextChoices):
        # Judgments
        CLAIM_REJECTED = "CLAIM_REJECTED", _("Judgment: claim rejected")
        REVOKED = "REVOKED", _("Judgment: act revoked")
        ORDERED_TO_PERFORM = "ORDERED_TO_PERFORM", _("Judgment: ordered to perform")
        ORDERED_TO_PAY = "ORDERED_TO_PAY", _("Judgment: ordered to pay")
        CONFIRMED_ILLEGAL = "CONFIRMED_ILLEGAL", _("Judgment: confirmed illegal")
        CONFIRMED_VOID = "CONFIRMED_VOID", _("Judgment: confirmed void")
        CHANGED = "CHANGED", _("Judgment: changed")
        # Rulings
        NOT_FILED = "NOT_FILED", _("Ruling: case not filed")
        SUIT_DISMISSED = "SUIT_DISMISSED", _("Ruling: suit dismissed")
        WITHDRAWAL_ALLOWED = "WITHDRAWAL_ALLOWED", _("Ruling: withdrawal allowed")

    RULINGS = (Outcome.NOT_FILED, Outcome.SUIT_DISMISSED, Outcome.WITHDRAWAL_ALLOWED)
    # Outcomes against the defendant: the numerator of the loss rate (败诉率).
    LOST = (
        Outcome.REVOKED,
        Outcome.ORDERED_TO_PERFORM,
        Outcome.ORDERED_TO_PAY,
        Outcome.CONFIRMED_ILLEGAL,
        Outcome.CONFIRMED_VOID,
        Outcome.CHANGED,
    )

    court = models.CharField(_("court"), max_length=100)
    case_number = models.CharField(_("court case number"), max_length=60, unique=True)
    instance = models.CharField(
        _("instance"), max_length=8, choices=Instance.choices, default=Instance.FIRST
    )
    plaintiffs = models.CharField(_("plaintiffs"), max_length=300)
    defendant = models.ForeignKey(
        "org.Unit", verbose_name=_("defendant"), on_delete=models.PROTECT, related_name="lawsuits"
    )
    cause = models.CharField(_("cause of action"), max_length=100)
    filed_on = models.DateField(pgettext_lazy("lawsuit", "filed on"))
    complaint_received_on = models.DateField(_("complaint copy received on"), null=True, blank=True)
    defence_submitted_on = models.DateField(_("defence submitted on"), null=True, blank=True)
    first_hearing_on = models.DateField(
        _("first hearing on"), null=True, blank=True, editable=False
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    outcome_served_on = models.DateField(_("outcome served on"), null=True, blank=True)
    appealed = models.BooleanField(_("appealed"), default=False)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ScopedQuerySet.as_manager()
    scope_unit_field = "defendant"

    class Meta:
        verbose_name = _("lawsuit")
        verbose_name_plural = _("lawsuits")
        ordering = ["-filed_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(complaint_received_on__isnull=True)
                | Q(complaint_received_on__gte=F("filed_on")),
                name="lawsuit_complaint_after_filing",
                violation_error_message=_("The complaint copy arrives on or after the filing day."),
            ),
            models.CheckConstraint(
                condition=Q(outcome="", outcome_served_on__isnull=True)
                | (~Q(outcome="") & Q(outcome_served_on__gte=F("filed_on"))),
                name="lawsuit_outcome_with_its_date",
                violation_error_message=_(
                    "An outcome has the day it was served, on or after the filing day."
                ),
            ),
        ]

    def __str__(self):
        return self.case_number

    @property
    def stage(self) -> str:
        if self.appealed:
            return _("Appealed")
        if self.outcome:
            return _("Decided")
        if self.first_hearing_on:
            return _("Heard, awaiting judgment")
        return _("Awaiting hearing")


class Hearing(models.Model):
    class Appearance(models.TextChoices):
        HEAD = "HEAD", _("Head of the organ")
        DEPUTY = "DEPUTY", _("Deputy head")
        OTHER_OFFICIAL = "OTHER_OFFICIAL", _("Other responsible official")
        STAFF = "STAFF", _("Staff member")
        LAWYER_ONLY = "LAWYER_ONLY", _("Lawyer only")

    # Who counts as "the head of the organ appearing in court" (负责人出庭应诉).
    RESPONSIBLE = (Appearance.HEAD, Appearance.DEPUTY, Appearance.OTHER_OFFICIAL)

    lawsuit = models.ForeignKey(
        Lawsuit, verbose_name=_("lawsuit"), on_delete=models.CASCADE, related_name="hearings"
    )
    held_on = models.DateField(_("held on"))
    appearance = models.CharField(
        _("appeared for the defendant"), max_length=16, choices=Appearance.choices
    )
    official_name = models.CharField(_("name"), max_length=50, blank=True)
    official_post = models.CharField(_("post"), max_length=50, blank=True)

    objects = ScopedQuerySet.as_manager()
    scope_unit_field = "lawsuit__defendant"

    class Meta:
        verbose_name = _("hearing")
        verbose_name_plural = _("hearings")
        ordering = ["lawsuit", "held_on"]

    def __str__(self):
        return f"{self.lawsuit} {self.held_on}"
