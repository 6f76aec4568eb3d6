"""Administrative reconsideration (行政复议) cases, under the law in force when each was received:
the 2023 revision from 2024-01-01, the 1999 law (2017 amendment) before."""

from datetime import date

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from fazhi.core.models import TrackedRecord
from fazhi.core.numbering import validate_document_number
from fazhi.org.scope import ScopedQuerySet

LAW_2023_FROM = date(2024, 1, 1)


class Case(TrackedRecord):
    class Law(models.TextChoices):
        LAW_1999 = "1999", _("Administrative Reconsideration Law (1999, amended 2017)")
        LAW_2023 = "2023", _("Administrative Reconsideration Law (2023 revision)")

    class Status(models.TextChoices):
        # Not "Received": mediation's msgid of that name means 已受理 (accepted).
        RECEIVED = "RECEIVED", _("Application received")
        # Materials incomplete: the applicant was told to supplement them (补正).
        AWAITING_SUPPLEMENT = "AWAITING_SUPPLEMENT", _("Awaiting supplement")
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
        # Not "Terminated": mediation's msgid of that name means 终止调解.
        TERMINATED = "TERMINATED", _("Reconsideration terminated")
        # 2023 law 第73条: the parties' agreement, in a mediation document (调解书).
        MEDIATED = "MEDIATED", _("Concluded by mediation")

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
            Decision.MEDIATED,
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
    # Decisions that find the act wrong: the numerator of the correction rate (纠错率). Not a
    # mediated case: an agreement of the parties finds nothing.
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
    received_on = models.DateField(_("application received on"), db_index=True)
    law = models.CharField(_("applicable law"), max_length=4, choices=Law.choices, editable=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED
    )
    supplement_requested_on = models.DateField(_("supplement requested on"), null=True, blank=True)
    supplement_received_on = models.DateField(_("supplement received on"), null=True, blank=True)
    accepted_on = models.DateField(_("accepted on"), null=True, blank=True)
    procedure = models.CharField(
        _("procedure"), max_length=10, choices=Procedure.choices, blank=True
    )
    not_accepted_on = models.DateField(_("not accepted on"), null=True, blank=True, db_index=True)
    copy_sent_on = models.DateField(
        _("application copy sent on"),
        null=True,
        blank=True,
        help_text=_("The day the copy of the application went to the respondent."),
    )
    reply_received_on = models.DateField(_("respondent's reply received on"), null=True, blank=True)
    hearing_held_on = models.DateField(_("hearing held on"), null=True, blank=True)
    decision = models.CharField(_("decision"), max_length=20, choices=Decision.choices, blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True, db_index=True)
    decision_number = models.CharField(
        _("decision number"), max_length=40, blank=True, validators=[validate_document_number]
    )
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
            models.CheckConstraint(
                condition=Q(not_accepted_on__isnull=True)
                | Q(not_accepted_on__gte=F("received_on")),
                name="recon_not_accepted_after_received",
                violation_error_message=_("A case is refused on or after the day it was received."),
            ),
            models.CheckConstraint(
                condition=Q(act_date__isnull=True) | Q(act_date__lte=F("received_on")),
                name="recon_act_before_received",
                violation_error_message=_(
                    "The contested act dates from before the application was received."
                ),
            ),
            models.CheckConstraint(
                condition=Q(supplement_requested_on__isnull=True)
                | Q(supplement_requested_on__gte=F("received_on")),
                name="recon_supplement_requested_after_received",
                violation_error_message=_(
                    "Supplements are requested on or after the day the application was received."
                ),
            ),
            models.CheckConstraint(
                condition=Q(supplement_received_on__isnull=True)
                | Q(
                    supplement_requested_on__isnull=False,
                    supplement_received_on__gte=F("supplement_requested_on"),
                ),
                name="recon_supplement_received_after_requested",
                violation_error_message=_(
                    "Supplements arrive on or after the day they were requested."
                ),
            ),
            # The copy, the reply and the hearing all belong to an accepted case, in that order.
            models.CheckConstraint(
                condition=Q(copy_sent_on__isnull=True)
                | Q(accepted_on__isnull=False, copy_sent_on__gte=F("accepted_on")),
                name="recon_copy_sent_after_accepted",
                violation_error_message=_(
                    "The copy of the application is sent on or after the day of acceptance."
                ),
            ),
            models.CheckConstraint(
                condition=Q(reply_received_on__isnull=True)
                | Q(copy_sent_on__isnull=False, reply_received_on__gte=F("copy_sent_on")),
                name="recon_reply_after_copy_sent",
                violation_error_message=_(
                    "The respondent replies on or after the day the copy was sent."
                ),
            ),
            models.CheckConstraint(
                condition=Q(hearing_held_on__isnull=True)
                | Q(accepted_on__isnull=False, hearing_held_on__gte=F("accepted_on")),
                name="recon_hearing_after_accepted",
                violation_error_message=_("A hearing is held on or after the day of acceptance."),
            ),
        ]

    def __str__(self):
        return f"{self.applicants}不服{self.respondent}{self.act_type}"

    def get_absolute_url(self):
        return reverse("reconsideration:case_detail", args=[self.pk])

    @staticmethod
    def law_for(received_on: date) -> str:
        return Case.Law.LAW_2023 if received_on >= LAW_2023_FROM else Case.Law.LAW_1999

    @property
    def concluded_on(self):
        return self.decided_on or self.not_accepted_on

    @property
    def is_concluded(self) -> bool:
        return self.status in (self.Status.DECIDED, self.Status.NOT_ACCEPTED)

    @property
    def decisions(self) -> list:
        """The decisions the law of this case provides for, as (value, label)."""
        return [(d.value, d.label) for d in map(Case.Decision, Case.DECISIONS[self.law])]
