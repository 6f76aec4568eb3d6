"""People's mediation (人民调解): committees, mediators, disputes and their parties."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from fazhi.core.models import TrackedRecord
from fazhi.core.validators import (
    mask_id_number,
    validate_credit_code,
    validate_id_number,
    validate_phone,
)
from fazhi.org.scope import ScopedQuerySet


class Committee(models.Model):
    """The mediation profile of a unit of the mediation-committee kind (调委会)."""

    class Type(models.TextChoices):
        VILLAGE = "VILLAGE", _("Village or community")
        TOWNSHIP = "TOWNSHIP", _("Township or street")
        INDUSTRY = "INDUSTRY", _("Industry or professional")
        ENTERPRISE = "ENTERPRISE", _("Enterprise or institution")
        OTHER = "OTHER", _("Other")

    unit = models.OneToOneField(
        "org.Unit",
        verbose_name=_("unit"),
        primary_key=True,
        on_delete=models.PROTECT,
        related_name="committee",
    )
    committee_type = models.CharField(_("committee type"), max_length=12, choices=Type.choices)
    has_standard_room = models.BooleanField(_("standardised mediation room"), default=False)
    star_rating = models.PositiveSmallIntegerField(
        _("star rating"),
        default=0,
        validators=[MaxValueValidator(5)],
        help_text=_("0 to 5 stars from the latest assessment; 0 when not rated."),
    )
    established_on = models.DateField(_("established on"), null=True, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    objects = ScopedQuerySet.as_manager()
    scope_unit_field = "unit"

    class Meta:
        verbose_name = _("mediation committee")
        verbose_name_plural = _("mediation committees")
        ordering = ["unit__path"]
        constraints = [
            models.CheckConstraint(
                condition=Q(star_rating__lte=5), name="committee_star_rating_at_most_5"
            )
        ]

    def __str__(self):
        return self.unit.name

    def get_absolute_url(self):
        return reverse("mediation:committee_detail", args=[self.pk])


class Gender(models.TextChoices):
    MALE = "M", _("Male")
    FEMALE = "F", _("Female")


class Mediator(models.Model):
    class Employment(models.TextChoices):
        FULL_TIME = "FULL_TIME", _("Full-time")
        PART_TIME = "PART_TIME", _("Part-time")

    name = models.CharField(_("name"), max_length=50)
    gender = models.CharField(_("gender"), max_length=1, choices=Gender.choices)
    id_number = models.CharField(
        _("resident ID number"), max_length=18, blank=True, validators=[validate_id_number]
    )
    phone = models.CharField(_("phone"), max_length=20, blank=True, validators=[validate_phone])
    committee = models.ForeignKey(
        Committee,
        verbose_name=_("mediation committee"),
        on_delete=models.PROTECT,
        related_name="mediators",
    )
    employment = models.CharField(_("employment"), max_length=10, choices=Employment.choices)
    purchased_service = models.BooleanField(
        _("hired through government purchase of services"), default=False
    )
    hired_on = models.DateField(_("hired on"))
    left_on = models.DateField(_("left on"), null=True, blank=True)

    objects = ScopedQuerySet.as_manager()
    scope_unit_field = "committee__unit"

    class Meta:
        verbose_name = _("mediator")
        verbose_name_plural = _("mediators")
        ordering = ["committee__unit__path", "name"]
        permissions = [("view_id_numbers", _("Can see full resident ID numbers in mediation"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(left_on__isnull=True) | Q(left_on__gte=F("hired_on")),
                name="mediator_left_after_hired",
                violation_error_message=_("The date of leaving cannot be before the hiring date."),
            ),
            models.UniqueConstraint(
                fields=["id_number"],
                condition=~Q(id_number=""),
                name="mediator_unique_id_number",
                violation_error_message=_("A mediator with this ID number is already registered."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("mediation:mediator_detail", args=[self.pk])

    @property
    def masked_id_number(self) -> str:
        return mask_id_number(self.id_number)


class Dispute(TrackedRecord):
    class Type(models.TextChoices):
        MARRIAGE_FAMILY = "MARRIAGE_FAMILY", _("Marriage and family")
        NEIGHBOURHOOD = "NEIGHBOURHOOD", _("Neighbourhood")
        HOUSING_LAND = "HOUSING_LAND", _("Housing and homestead")
        CONTRACT = "CONTRACT", _("Contract")
        PRODUCTION = "PRODUCTION", _("Production and business")
        DAMAGES = "DAMAGES", _("Compensation for damage")
        LABOUR = "LABOUR", _("Labour")
        VILLAGE_AFFAIRS = "VILLAGE_AFFAIRS", _("Village affairs")
        LAND_REQUISITION = "LAND_REQUISITION", _("Land requisition and demolition")
        POLLUTION = "POLLUTION", _("Environmental pollution")
        MEDICAL = "MEDICAL", _("Medical")
        PROPERTY_MANAGEMENT = "PROPERTY_MANAGEMENT", _("Property management")
        TRAFFIC = "TRAFFIC", _("Road traffic accident")
        CONSUMER = "CONSUMER", _("Consumer")
        OTHER = "OTHER", _("Other")

    class Source(models.TextChoices):
        APPLICATION = "APPLICATION", _("Application by a party")
        OWN_INITIATIVE = "OWN_INITIATIVE", _("Mediation on own initiative")
        COURT = "COURT", _("Entrusted by a court")
        POLICE = "POLICE", _("Transferred by the police")
        PETITION = "PETITION", _("Transferred by the petitions office")
        DEPARTMENT = "DEPARTMENT", _("Transferred by another department")

    class Status(models.TextChoices):
        RECEIVED = "RECEIVED", _("Received")
        MEDIATING = "MEDIATING", _("Mediating")
        SUCCEEDED = "SUCCEEDED", _("Succeeded")
        FAILED = "FAILED", _("Failed")
        TERMINATED = "TERMINATED", _("Terminated")

    class AgreementForm(models.TextChoices):
        WRITTEN = "WRITTEN", _("Written")
        ORAL = "ORAL", _("Oral")

    class Performance(models.TextChoices):
        PENDING = "PENDING", _("Not yet performed")
        PERFORMED = "PERFORMED", _("Performed")
        PARTLY = "PARTLY", _("Partly performed")
        NOT_PERFORMED = "NOT_PERFORMED", _("Not performed")

    CLOSED = (Status.SUCCEEDED, Status.FAILED, Status.TERMINATED)
    # What only a successful mediation records, and the whole outcome of a concluded one.
    AGREEMENT_FIELDS = (
        "agreement_form",
        "agreement_amount",
        "agreed_terms",
        "performance_method",
        "performance",
        "judicial_confirmation_applied_on",
    )
    OUTCOME_FIELDS = ("status", "closed_on", *AGREEMENT_FIELDS)

    number = models.CharField(_("case number"), max_length=40, unique=True)
    committee = models.ForeignKey(
        Committee,
        verbose_name=_("mediation committee"),
        on_delete=models.PROTECT,
        related_name="disputes",
    )
    dispute_type = models.CharField(_("dispute type"), max_length=20, choices=Type.choices)
    source = models.CharField(_("source"), max_length=16, choices=Source.choices)
    received_on = models.DateField(_("received on"))
    facts = models.TextField(_("facts and matters in dispute"), blank=True)
    lead_mediator = models.ForeignKey(
        Mediator,
        verbose_name=_("lead mediator"),
        on_delete=models.PROTECT,
        related_name="led_disputes",
    )
    other_mediators = models.ManyToManyField(
        Mediator, verbose_name=_("other mediators"), blank=True, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.RECEIVED
    )
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    agreement_form = models.CharField(
        _("agreement form"), max_length=8, choices=AgreementForm.choices, blank=True
    )
    agreement_amount = models.DecimalField(
        _("amount involved in the agreement (yuan)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    agreed_terms = models.TextField(_("agreed terms"), blank=True)
    performance_method = models.TextField(_("manner and time of performance"), blank=True)
    performance = models.CharField(
        _("performance"), max_length=14, choices=Performance.choices, blank=True
    )
    judicial_confirmation_applied_on = models.DateField(
        _("judicial confirmation applied for on"), null=True, blank=True
    )

    objects = ScopedQuerySet.as_manager()
    scope_unit_field = "committee__unit"

    class Meta:
        verbose_name = _("dispute")
        verbose_name_plural = _("disputes")
        ordering = ["-received_on", "-pk"]
        indexes = [
            models.Index(fields=["committee", "closed_on"], name="dispute_committee_closed"),
            models.Index(fields=["closed_on"], name="dispute_closed_on"),
            models.Index(fields=["-received_on", "-id"], name="dispute_received_desc"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True) | Q(closed_on__gte=F("received_on")),
                name="dispute_closed_after_received",
                violation_error_message=_("The closing date cannot be before the date received."),
            ),
            models.CheckConstraint(
                condition=(
                    Q(status__in=["SUCCEEDED", "FAILED", "TERMINATED"], closed_on__isnull=False)
                    | Q(status__in=["RECEIVED", "MEDIATING"], closed_on__isnull=True)
                ),
                name="dispute_closed_iff_concluded",
                violation_error_message=_(
                    "A concluded dispute has a closing date; an open one has none."
                ),
            ),
            models.CheckConstraint(
                condition=Q(status="SUCCEEDED")
                | Q(
                    agreement_form="",
                    agreement_amount__isnull=True,
                    agreed_terms="",
                    performance="",
                    judicial_confirmation_applied_on__isnull=True,
                ),
                name="dispute_agreement_only_on_success",
                violation_error_message=_(
                    "Only a dispute mediated successfully has an agreement, an amount, "
                    "performance or judicial confirmation."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(status="SUCCEEDED") | ~Q(agreement_form=""),
                name="dispute_success_has_agreement_form",
                violation_error_message=_(
                    "A successful mediation records whether the agreement is written or oral."
                ),
            ),
            models.CheckConstraint(
                condition=Q(agreement_amount__isnull=True) | Q(agreement_amount__gte=0),
                name="dispute_amount_not_negative",
                violation_error_message=_("The amount cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(judicial_confirmation_applied_on__isnull=True)
                | Q(judicial_confirmation_applied_on__gte=F("closed_on")),
                name="dispute_confirmation_after_agreement",
                violation_error_message=_(
                    "Judicial confirmation is applied for on or after the day of the agreement."
                ),
            ),
        ]

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        return reverse("mediation:dispute_detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status not in self.CLOSED


class Party(models.Model):
    class Kind(models.TextChoices):
        PERSON = "PERSON", pgettext_lazy("party kind", "Person")
        ORGANISATION = "ORGANISATION", _("Organisation")

    dispute = models.ForeignKey(
        Dispute, verbose_name=_("dispute"), on_delete=models.CASCADE, related_name="parties"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.PERSON)
    name = models.CharField(_("name"), max_length=100)
    gender = models.CharField(_("gender"), max_length=1, choices=Gender.choices, blank=True)
    id_number = models.CharField(
        _("resident ID number"), max_length=18, blank=True, validators=[validate_id_number]
    )
    credit_code = models.CharField(
        _("unified social credit code"),
        max_length=18,
        blank=True,
        validators=[validate_credit_code],
    )
    phone = models.CharField(_("phone"), max_length=20, blank=True, validators=[validate_phone])
    address = models.CharField(_("address"), max_length=200, blank=True)

    objects = ScopedQuerySet.as_manager()
    scope_unit_field = "dispute__committee__unit"

    class Meta:
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        ordering = ["dispute", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="PERSON", credit_code="")
                | Q(kind="ORGANISATION", id_number="", gender=""),
                name="party_identifier_matches_kind",
                violation_error_message=_(
                    "A person has an ID number; an organisation has a credit code."
                ),
            )
        ]

    def __str__(self):
        return self.name

    @property
    def masked_id_number(self) -> str:
        return mask_id_number(self.id_number)
