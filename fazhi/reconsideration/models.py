"""Administrative reconsideration (行政复议) cases, under the law in force when each was received:
the 2023 revision from 2024-01-01, the 1999 law (2017 amendment) before."""

from datetime import date

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from fazhi.core.models import TrackedRecord
from fazhi.org.scope import ScopedQuerySet

LAW_2023_FROM = date(2024, 1, 1)


class Case(TrackedRecord):
    class Law(models.TextChoices):
        LAW_1999 = "1999", _("Administrative Reconsideration Law (1999, amended 2017)")
        LAW_2023 = "2023", _("Administrative Reconsideration Law (2023 revision)")

    class Status(models.TextChoices):
        RECEIVED = "RECEIVED", _("Received")
        ACCEPTED = "ACCEPTED", _("Accepted")
        NOT_ACCEPTED = "NOT_ACCEPTED", _("Not accepted")
        DECIDED = "DECIDED", _("Decided")

    class Procedure(models.TextChoices):
        ORDINARY = "ORDINARY", _("Ordinary procedure")
        SIMPLIFIED = "SIMPLIFIED", _("Simplified procedure")

    class Decision(models.TextChoices):
        UPHELD = "UPHELD", _("Upheld")
        REVOKED = "REVOKED", _("Revoked (in whole or in part)")
        CHANGED = "CHANGED", _("Changed")
        CONFIRMED_ILLEGAL = "CONFIRMED_ILLEGAL", _("Confirmed illegal")
        ORDERED_TO_PERFORM = "ORDERED_TO_PERFORM", _("Ordered to perform")
        CONFIRMED_VOID = "CONFIRMED_VOID", _("Confirmed void")
        CLAIM_REJECTED = "CLAIM_REJECTED", _("Reconsideration claim rejected")
        APPLICATION_REJECTED = "APPLICATION_REJECTED", _("Application rejected after acceptance")
        TERMINATED = "TERMINATED", _("Terminated")

    # The decisions each version of the law provides for (TIME-LIMITS.md).
    DECISIONS = {
        Law.LAW_2023: [
            Decision.CHANGED,
            Decision.REVOKED,
            Decision.CONFIRMED_ILLEGAL,
            Decision.ORDERED_TO_PERFORM,
            Decision.CONFIRMED_VOID,
            Decision.UPHELD,
            Decision.CLAIM_REJECTED,
            Decision.APPLICATION_REJECTED,
            Decision.TERMINATED,
        ],
        Law.LAW_1999: [
            Decision.UPHELD,
            Decision.REVOKED,
            Decision.CHANGED,
            Decision.CONFIRMED_ILLEGAL,
            Decision.ORDERED_TO_PERFORM,
            Decision.CLAIM_REJECTED,
            Decision.TERMINATED,
        ],
    }
    # Decisions that find the act wrong: the numerator of the correction rate (纠错率).
    CORRECTING = (
        Decision.REVOKED,
        Decision.CHANGED,
        Decision.CONFIRMED_ILLEGAL,
        Decision.ORDERED_TO_PERFORM,
        Decision.CONFIRMED_VOID,
    )

    applicants = models.CharField(
        _("applicants"), max_length=300, help_text=_("Persons or organisations, separated by 、")
    )
    agent = models.CharField(_("agent"), max_length=100, blank=True)
    respondent = models.ForeignKey(
        "org.Unit",
        verbose_name=_("respondent"),
        on_delete=models.PROTECT,
        related_name="reconsideration_cases",
    )
    act_type = models.CharField(_("type of the contested act"), max_length=50)
    act_number = models.CharField(_("document number of the act"), max_length=60, blank=True)
    act_date = models.DateField(_("date of the act"), null=True, blank=True)
    received_on = models.DateField(_("received on"))
    law = models.CharField(_("applicable law"), max_length=4, choices=Law.choices, editable=False)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.RECEIVED
    )
    accepted_on = models.DateField(_("accepted on"), null=True, blank=True)
    procedure = models.CharField(
        _("procedure"), max_length=10, choices=Procedure.choices, blank=True
    )
    not_accepted_on = models.DateField(_("not accepted on"), null=True, blank=True)
    decision = models.CharField(_("decision"), max_length=20, choices=Decision.choices, blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decision_number = models.CharField(_("decision number"), max_length=40, blank=True)
    lawsuit_followed = models.BooleanField(_("a lawsuit followed"), default=False)

    objects = ScopedQuerySet.as_manager()
    # The respondent's liaison answers the case: the case belongs to the respondent unit.
    scope_unit_field = "respondent"

    class Meta:
        verbose_name = _("reconsideration case")
        verbose_name_plural = _("reconsideration cases")
        ordering = ["-received_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(accepted_on__isnull=True) | Q(accepted_on__gte=F("received_on")),
                name="recon_accepted_after_received",
                violation_error_message=_(
                    "A case is accepted on or after the day it was received."
                ),
            ),
            models.CheckConstraint(
                condition=Q(decided_on__isnull=True) | Q(decided_on__gte=F("accepted_on")),
                name="recon_decided_after_accepted",
                violation_error_message=_("A case is decided on or after the day it was accepted."),
            ),
            models.CheckConstraint(
                condition=Q(decision="") | Q(status="DECIDED", accepted_on__isnull=False),
                name="recon_decision_only_when_accepted",
                violation_error_message=_("Only an accepted case is decided."),
            ),
        ]

    def __str__(self):
        return f"{self.applicants}不服{self.respondent}{self.act_type}"

    @staticmethod
    def law_for(received_on: date) -> str:
        return Case.Law.LAW_2023 if received_on >= LAW_2023_FROM else Case.Law.LAW_1999

    @property
    def concluded_on(self):
        return self.decided_on or self.not_accepted_on
