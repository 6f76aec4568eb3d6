"""Legality review (合法性审查) and filing review (备案审查): the government's legal advisors, the
requests departments submit for review with the opinions given, and the documents filed."""

from pathlib import Path

from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from fazhi.core.models import TrackedRecord
from fazhi.org.scope import ScopedQuerySet


class LegalAdvisor(TrackedRecord):
    class Kind(models.TextChoices):
        RESIDENT_LAWYER = "RESIDENT_LAWYER", _("Resident lawyer")
        ADVISORY_TEAM = "ADVISORY_TEAM", _("Member of the government's legal-advisor team")
        SPECIAL = "SPECIAL", _("Special legal advisor")

    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("engaged by"), on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("name"), max_length=50)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    firm = models.CharField(_("law firm"), max_length=100, blank=True)
    term_start = models.DateField(_("engaged from"))
    term_end = models.DateField(_("engaged until"), null=True, blank=True)

    objects = ScopedQuerySet.as_manager()
    scope_unit_field = "unit"

    class Meta:
        verbose_name = _("legal advisor")
        verbose_name_plural = _("legal advisors")
        ordering = ["kind", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(term_end__isnull=True) | Q(term_end__gte=F("term_start")),
                name="advisor_term_in_order",
                violation_error_message=_("The engagement cannot end before it starts."),
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("legality:advisor_edit", args=[self.pk])


class ReviewRequest(TrackedRecord):
    class Kind(models.TextChoices):
        MEETING_TOPIC = "MEETING_TOPIC", _("Agenda item of the government's executive meeting")
        CONTRACT = "CONTRACT", _("Major economic contract")
        NORMATIVE_DOCUMENT = "NORMATIVE_DOCUMENT", _("Normative document")
        MAJOR_DECISION = "MAJOR_DECISION", _("Major administrative decision")
        ENFORCEMENT_DECISION = (
            "ENFORCEMENT_DECISION",
            _("Major administrative enforcement decision"),
        )
        OTHER = "OTHER", _("Other")

    class Status(models.TextChoices):
        RECEIVED = "RECEIVED", _("Received")
        IN_REVIEW = "IN_REVIEW", _("In review")
        OPINION_ISSUED = "OPINION_ISSUED", _("Opinion issued")
        RETURNED = "RETURNED", _("Returned for supplement")
        WITHDRAWN = "WITHDRAWN", _("Withdrawn")

    # The time-limit rule of each kind that has one (configurable in the rule table).
    RULES = {
        Kind.NORMATIVE_DOCUMENT: "legality.normative_document",
        Kind.MAJOR_DECISION: "legality.major_decision",
    }

    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices)
    submitting_unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("submitting unit"),
        on_delete=models.PROTECT,
        related_name="legality_requests",
    )
    title = models.CharField(_("title"), max_length=200)
    received_on = models.DateField(_("received on"), db_index=True)
    reviewers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("reviewers"), blank=True, related_name="+"
    )
    advisors = models.ManyToManyField(
        LegalAdvisor, verbose_name=_("legal advisors consulted"), blank=True, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.RECEIVED
    )
    # The figures count a period's records by these dates: indexed for the year's rows alone.
    concluded_on = models.DateField(_("concluded on"), null=True, blank=True, db_index=True)
    signed_opinion = models.TextField(
        _("signed opinion"),
        blank=True,
        help_text=_("For meeting agenda items: the opinion signed."),
    )
    letter_number = models.CharField(
        _("opinion letter number"), max_length=40, blank=True, db_index=True
    )

    objects = ScopedQuerySet.as_manager()
    scope_unit_field = "submitting_unit"

    class Meta:
        verbose_name = _("legality review request")
        verbose_name_plural = _("legality review requests")
        ordering = ["-received_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(concluded_on__isnull=True) | Q(concluded_on__gte=F("received_on")),
                name="review_concluded_after_received",
                violation_error_message=_("The review cannot end before the request was received."),
            ),
            models.CheckConstraint(
                condition=Q(status__in=["RECEIVED", "IN_REVIEW"], concluded_on__isnull=True)
                | Q(
                    status__in=["OPINION_ISSUED", "RETURNED", "WITHDRAWN"],
                    concluded_on__isnull=False,
                ),
                name="review_concluded_iff_ended",
                violation_error_message=_("An ended review has its date; an open one has none."),
            ),
            models.UniqueConstraint(
                fields=["letter_number"],
                condition=~Q(letter_number=""),
                name="review_letter_number_unique",
                violation_error_message=_("This opinion letter number is taken."),
            ),
            models.CheckConstraint(
                condition=Q(status="OPINION_ISSUED") | Q(letter_number="", signed_opinion=""),
                name="review_opinion_only_when_issued",
                violation_error_message=_(
                    "Only an issued opinion has a letter or a signed opinion."
                ),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("legality:request_detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.RECEIVED, self.Status.IN_REVIEW)


ATTACHMENT_TYPES = ["pdf", "doc", "docx", "wps", "ofd", "xls", "xlsx", "jpg", "jpeg", "png", "zip"]
ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024


class Attachment(models.Model):
    """A file submitted with a review request (the draft, its basis, the explanation …).
    Stored under MEDIA_ROOT and served only through a view that checks the request's scope."""

    request = models.ForeignKey(
        ReviewRequest,
        verbose_name=_("review request"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    file = models.FileField(
        _("file"),
        upload_to="legality/%Y/%m/",
        validators=[FileExtensionValidator(ATTACHMENT_TYPES)],
    )
    name = models.CharField(_("file name"), max_length=200)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    objects = ScopedQuerySet.as_manager()
    scope_unit_field = "request__submitting_unit"

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["request", "pk"]

    def __str__(self):
        return self.name

    @property
    def suffix(self) -> str:
        return Path(self.name).suffix.lower()


class OpinionItem(models.Model):
    """One legal opinion or suggestion of a review, and whether the submitting unit took it."""

    class Category(models.TextChoices):
        LEGALITY = "LEGALITY", _("Legal basis and authority")
        PROCEDURE = "PROCEDURE", _("Procedure")
        CONTENT = "CONTENT", _("Content and wording")
        RISK = "RISK", _("Risk prevention")
        OTHER = "OTHER", _("Other")

    class Adoption(models.TextChoices):
        PENDING = "PENDING", _("Not yet answered")
        ADOPTED = "ADOPTED", _("Adopted")
        PARTLY = "PARTLY", _("Partly adopted")
        NOT_ADOPTED = "NOT_ADOPTED", _("Not adopted")

    request = models.ForeignKey(
        ReviewRequest,
        verbose_name=_("review request"),
        on_delete=models.CASCADE,
        related_name="items",
    )
    text = models.TextField(_("opinion or suggestion"))
    category = models.CharField(_("category"), max_length=10, choices=Category.choices)
    adoption = models.CharField(
        _("adoption"), max_length=12, choices=Adoption.choices, default=Adoption.PENDING
    )

    objects = ScopedQuerySet.as_manager()
    scope_unit_field = "request__submitting_unit"

    class Meta:
        verbose_name = _("opinion item")
        verbose_name_plural = _("opinion items")
        ordering = ["request", "pk"]

    def __str__(self):
        return self.text[:40]

    def get_absolute_url(self):
        return self.request.get_absolute_url()


class Filing(TrackedRecord):
    """A document a unit filed with the government for review (备案)."""

    class Kind(models.TextChoices):
        NORMATIVE_DOCUMENT = "NORMATIVE_DOCUMENT", _("Normative document")
        MAJOR_PENALTY = "MAJOR_PENALTY", _("Major administrative penalty")
        COMPULSORY = "COMPULSORY", _("Administrative compulsory measure")
        MAJOR_DECISION = "MAJOR_DECISION", _("Major administrative decision")
        OTHER = "OTHER", _("Other")

    class Result(models.TextChoices):
        PENDING = "PENDING", _("Under review")
        FILED = "FILED", _("Filed")
        CORRECTION_ORDERED = "CORRECTION_ORDERED", _("Correction ordered")
        REFUSED = "REFUSED", _("Not accepted for filing")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    filing_unit = models.ForeignKey(
        "org.Unit", verbose_name=_("filing unit"), on_delete=models.PROTECT, related_name="filings"
    )
    title = models.CharField(_("title"), max_length=200)
    document_number = models.CharField(_("document number"), max_length=40, blank=True)
    published_on = models.DateField(_("published or decided on"))
    filed_on = models.DateField(_("filed on"), db_index=True)
    due_on = models.DateField(_("filing due by"))
    result = models.CharField(
        _("review result"), max_length=20, choices=Result.choices, default=Result.PENDING
    )
    reviewed_on = models.DateField(_("reviewed on"), null=True, blank=True)

    objects = ScopedQuerySet.as_manager()
    scope_unit_field = "filing_unit"

    class Meta:
        verbose_name = _("filing")
        verbose_name_plural = _("filings")
        ordering = ["-filed_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(filed_on__gte=F("published_on")),
                name="filing_after_publication",
                violation_error_message=_("A document is filed on or after its publication."),
            ),
            models.UniqueConstraint(
                fields=["filing_unit", "document_number"],
                condition=~Q(document_number=""),
                name="filing_document_number_unique",
                violation_error_message=_(
                    "This unit has filed a document with this number already."
                ),
            ),
            models.CheckConstraint(
                condition=Q(result="PENDING", reviewed_on__isnull=True)
                | (~Q(result="PENDING") & Q(reviewed_on__gte=F("filed_on"))),
                name="filing_result_with_its_date",
                violation_error_message=_(
                    "A review result has the day it was given, on or after the filing day."
                ),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("legality:filing_detail", args=[self.pk])

    @property
    def on_time(self) -> bool:
        return self.filed_on <= self.due_on
