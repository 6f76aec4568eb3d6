"""Administrative litigation (行政应诉): lawsuits against the government's organs, their hearings
(who appeared for the defendant), outcomes, appeals and closing."""

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from fazhi.core.models import TrackedRecord
from fazhi.litigation.rules import validate_case_number
from fazhi.org.scope import ScopedQuerySet


class Lawsuit(TrackedRecord):
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

    class Stage(models.TextChoices):
        AWAITING_HEARING = "AWAITING_HEARING", _("Awaiting hearing")
        AWAITING_JUDGMENT = "AWAITING_JUDGMENT", _("Heard, awaiting judgment")
        DECIDED = "DECIDED", _("Decided")
        APPEALED = "APPEALED", _("Appealed")
        CLOSED = "CLOSED", pgettext_lazy("lawsuit stage", "Closed")

    class Appellant(models.TextChoices):
        PLAINTIFF = "PLAINTIFF", _("Plaintiff")
        DEFENDANT = "DEFENDANT", _("Defendant")
        THIRD_PARTY = "THIRD_PARTY", _("Third party")
        SEVERAL = "SEVERAL", _("More than one party")

    JUDGMENTS = (
        Outcome.CLAIM_REJECTED,
        Outcome.REVOKED,
        Outcome.ORDERED_TO_PERFORM,
        Outcome.ORDERED_TO_PAY,
        Outcome.CONFIRMED_ILLEGAL,
        Outcome.CONFIRMED_VOID,
        Outcome.CHANGED,
    )
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
    case_number = models.CharField(
        _("court case number"),
        max_length=60,
        unique=True,
        validators=[validate_case_number],
        error_messages={
            "unique": _("A lawsuit with this court case number is registered already.")
        },
        help_text=_("As the court wrote it, e.g. （2019）川0704行初12号."),
    )
    instance = models.CharField(
        _("instance"), max_length=8, choices=Instance.choices, default=Instance.FIRST
    )
    plaintiffs = models.CharField(_("plaintiffs"), max_length=300)
    defendant = models.ForeignKey(
        "org.Unit", verbose_name=_("defendant"), on_delete=models.PROTECT, related_name="lawsuits"
    )
    cause = models.CharField(_("cause of action"), max_length=100)
    filed_on = models.DateField(pgettext_lazy("lawsuit", "filed on"), db_index=True)
    complaint_received_on = models.DateField(_("complaint copy received on"), null=True, blank=True)
    defence_submitted_on = models.DateField(_("defence submitted on"), null=True, blank=True)
    first_hearing_on = models.DateField(
        _("first hearing on"), null=True, blank=True, editable=False
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    outcome_served_on = models.DateField(
        _("outcome served on"), null=True, blank=True, db_index=True
    )
    appealed = models.BooleanField(_("appealed"), default=False)
    appealed_on = models.DateField(_("appealed on"), null=True, blank=True)
    appellant = models.CharField(
        _("appellant"), max_length=12, choices=Appellant.choices, blank=True
    )
    closed_on = models.DateField(_("closed on"), null=True, blank=True)

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
            models.CheckConstraint(
                condition=Q(appealed=False, appealed_on__isnull=True, appellant="")
                | Q(appealed=True, appealed_on__gte=F("outcome_served_on")) & ~Q(appellant=""),
                name="lawsuit_appeal_after_its_outcome",
                violation_error_message=_(
                    "An appeal has its day and appellant, on or after the outcome was served."
                ),
            ),
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True) | Q(closed_on__gte=F("outcome_served_on")),
                name="lawsuit_closed_after_its_outcome",
                violation_error_message=_(
                    "A lawsuit is closed on or after its outcome was served."
                ),
            ),
        ]

    def __str__(self):
        return self.case_number

    def get_absolute_url(self):
        return reverse("litigation:lawsuit_detail", args=[self.pk])

    @property
    def stage(self) -> str:
        """Where the lawsuit stands today (the indicators read it as of a period's end from the
        dates instead)."""
        if self.closed_on:
            return self.Stage.CLOSED
        if self.appealed:
            return self.Stage.APPEALED
        if self.outcome:
            return self.Stage.DECIDED
        if self.first_hearing_on:
            return self.Stage.AWAITING_JUDGMENT
        return self.Stage.AWAITING_HEARING

    def get_stage_display(self) -> str:
        return self.Stage(self.stage).label

    @classmethod
    def in_stage(cls, stage: str) -> Q:
        """The lawsuits standing in `stage` today, as a filter (the list's stage filter)."""
        open_ = Q(closed_on__isnull=True)
        return {
            cls.Stage.CLOSED: Q(closed_on__isnull=False),
            cls.Stage.APPEALED: open_ & Q(appealed=True),
            cls.Stage.DECIDED: open_ & Q(appealed=False) & ~Q(outcome=""),
            cls.Stage.AWAITING_JUDGMENT: open_ & Q(outcome="", first_hearing_on__isnull=False),
            cls.Stage.AWAITING_HEARING: open_ & Q(outcome="", first_hearing_on__isnull=True),
        }[stage]

    @property
    def is_ruling(self) -> bool:
        return self.outcome in self.RULINGS


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
    held_on = models.DateField(_("held on"), db_index=True)
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

    def get_absolute_url(self):
        return reverse("litigation:lawsuit_detail", args=[self.lawsuit_id])
