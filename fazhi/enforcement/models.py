"""行政执法监督 (first part): the organs holding enforcement powers, their officers and the
officers' certificates (行政执法证) with the renewal batches (换领) and the law exams
(行政执法人员法律知识考试). Case-file evaluation, enforcement statistics, the three systems and
supervision complaints follow in later parts of issue 17."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from fazhi.core.models import TrackedRecord
from fazhi.core.validators import validate_id_number
from fazhi.org.scope import ScopedQuerySet


class Organ(TrackedRecord):
    """A department or township holding enforcement powers (执法主体)."""

    unit = models.OneToOneField(
        "org.Unit", verbose_name=_("organ"), on_delete=models.PROTECT, related_name="+"
    )
    legal_basis = models.TextField(_("legal basis of its powers"), blank=True)
    penalty = models.BooleanField(_("administrative penalty"), default=False)
    compulsion = models.BooleanField(_("administrative compulsion"), default=False)
    inspection = models.BooleanField(_("administrative inspection"), default=False)
    licensing = models.BooleanField(_("administrative licensing"), default=False)

    objects = ScopedQuerySet.as_manager()
    scope_unit_field = "unit"

    class Meta:
        verbose_name = _("enforcement organ")
        verbose_name_plural = _("enforcement organs")
        ordering = ["unit__path"]

    def __str__(self):
        return self.unit.name

    def get_absolute_url(self):
        return reverse("enforcement:organ_detail", args=[self.pk])


class Officer(TrackedRecord):
    class StaffStatus(models.TextChoices):
        ESTABLISHED = "ESTABLISHED", _("On the establishment")
        AUXILIARY = "AUXILIARY", _("Auxiliary staff")

    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("full name"), max_length=50)
    id_number = models.CharField(
        _("resident ID number"),
        max_length=18,
        unique=True,
        validators=[validate_id_number],
        error_messages={"unique": _("An officer with this ID number is registered already.")},
    )
    post = models.CharField(_("post"), max_length=60, blank=True)
    staff_status = models.CharField(_("staff status"), max_length=12, choices=StaffStatus.choices)
    legal_qualification = models.BooleanField(
        _("holds the legal professional qualification"), default=False
    )
    entrusted_organisation = models.CharField(
        _("entrusted organisation"), max_length=100, blank=True
    )
    training_hours = models.PositiveSmallIntegerField(
        _("legal training hours this year"), default=0
    )

    objects = ScopedQuerySet.as_manager()
    scope_unit_field = "unit"

    class Meta:
        verbose_name = _("enforcement officer")
        verbose_name_plural = _("enforcement officers")
        ordering = ["unit__path", "name", "pk"]
        permissions = [("view_id_numbers", _("Can see officers' full ID numbers"))]

    def __str__(self):
        return f"{self.name}（{self.unit}）"

    def get_absolute_url(self):
        return reverse("enforcement:officer_detail", args=[self.pk])


class RenewalBatch(TrackedRecord):
    """A renewal (换领) of certificates, e.g. the province's switch to new certificates."""

    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("organised by"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("title"), max_length=200)
    renewed_on = models.DateField(_("renewed on"), db_index=True)

    objects = ScopedQuerySet.as_manager()
    scope_unit_field = "unit"

    class Meta:
        verbose_name = _("certificate renewal")
        verbose_name_plural = _("certificate renewals")
        ordering = ["-renewed_on", "-pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("enforcement:renewalbatch_detail", args=[self.pk])


class Certificate(TrackedRecord):
    class Kind(models.TextChoices):
        PROVINCIAL = "PROVINCIAL", _("Issued by the province")
        MINISTRY = "MINISTRY", _("Issued by a ministry, registered with the bureau")

    class Status(models.TextChoices):
        VALID = "VALID", _("Valid")
        SUSPENDED = "SUSPENDED", _("Suspended")
        CANCELLED = "CANCELLED", _("Cancelled")
        EXPIRED = "EXPIRED", _("Expired")

    officer = models.ForeignKey(
        Officer, verbose_name=_("officer"), on_delete=models.PROTECT, related_name="certificates"
    )
    kind = models.CharField(_("kind of certificate"), max_length=12, choices=Kind.choices)
    number = models.CharField(
        _("certificate number"),
        max_length=40,
        unique=True,
        error_messages={"unique": _("A certificate with this number is registered already.")},
    )
    issued_by = models.CharField(_("issued by"), max_length=100)
    issued_on = models.DateField(_("issued on"), db_index=True)
    expires_on = models.DateField(_("valid until"), db_index=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.VALID
    )
    renewal = models.ForeignKey(
        RenewalBatch,
        verbose_name=_("renewal"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="certificates",
    )

    objects = ScopedQuerySet.as_manager()
    scope_unit_field = "officer__unit"

    class Meta:
        verbose_name = _("enforcement certificate")
        verbose_name_plural = _("enforcement certificates")
        ordering = ["-issued_on", "-pk"]

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        return reverse("enforcement:certificate_detail", args=[self.pk])


class ExamSitting(TrackedRecord):
    class Kind(models.TextChoices):
        ANNUAL = "ANNUAL", _("Annual law exam")
        QUALIFYING = "QUALIFYING", _("Qualifying exam for a certificate")
        MAKE_UP = "MAKE_UP", _("Make-up exam")

    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("organised by"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind of exam"), max_length=12, choices=Kind.choices)
    held_on = models.DateField(_("exam held on"), db_index=True)
    pass_line = models.PositiveSmallIntegerField(
        _("pass line"), default=60, validators=[MaxValueValidator(100)]
    )

    objects = ScopedQuerySet.as_manager()
    scope_unit_field = "unit"

    class Meta:
        verbose_name = _("law exam")
        verbose_name_plural = _("law exams")
        ordering = ["-held_on", "-pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("enforcement:examsitting_detail", args=[self.pk])


class ExamCandidate(models.Model):
    sitting = models.ForeignKey(ExamSitting, on_delete=models.CASCADE, related_name="candidates")
    officer = models.ForeignKey(
        Officer, verbose_name=_("officer"), on_delete=models.PROTECT, related_name="exams"
    )
    score = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    passed = models.BooleanField(_("passed"))

    objects = ScopedQuerySet.as_manager()
    scope_unit_field = "officer__unit"

    class Meta:
        verbose_name = _("exam candidate")
        verbose_name_plural = _("exam candidates")
        ordering = ["sitting", "officer__name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["sitting", "officer"], name="one_result_per_sitting")
        ]

    def __str__(self):
        return f"{self.officer.name}：{self.score}分"

    def get_absolute_url(self):
        return self.sitting.get_absolute_url()
