"""The statutory annual rule-of-law government report (法治政府建设年度报告) of a reporting body
for a year: its sections and paragraphs (text with figure references), its workflow, and, once
published, its frozen text and figures."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from fazhi.org.scope import ScopedQuerySet


class AnnualReport(models.Model):
    class Status(models.TextChoices):
        DRAFT = "DRAFT", _("Draft")
        REVIEW = "REVIEW", _("Awaiting approval")
        APPROVED = "APPROVED", _("Approved")
        PUBLISHED = "PUBLISHED", _("Published")

    class MoneyRule(models.TextChoices):
        # One rule per report for money of 10,000 yuan and more (REPORT-FORMAT.md).
        ROUNDED_DOWN = "ROUNDED_DOWN", _("in 10,000 yuan, whole, with 余 (1464余万元)")
        TWO_DECIMALS = "TWO_DECIMALS", _("in 10,000 yuan to two decimals (1464.36万元)")

    unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("reporting body"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    scope = models.ForeignKey(
        "org.Unit",
        verbose_name=_("figures cover"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_(
            "The figures count the records of this unit and every unit under it (the whole "
            "district for the justice bureau's report)."
        ),
    )
    year = models.PositiveSmallIntegerField(_("year reported on"))
    title = models.CharField(_("title"), max_length=120)
    recipient = models.CharField(
        _("main recipient"),
        max_length=80,
        blank=True,
        help_text=_("e.g. 区委、区人民政府 in the version sent up; empty for publication."),
    )
    opening = models.TextField(_("opening paragraph"))
    signature_organ = models.CharField(_("issuing organ"), max_length=80)
    signature_date = models.DateField(_("date signed"), null=True, blank=True)
    money_rule = models.CharField(
        _("money in the text"),
        max_length=14,
        choices=MoneyRule.choices,
        default=MoneyRule.ROUNDED_DOWN,
    )
    # Deadlines as data: departments report by 1 March, publication before 1 April.
    report_due = models.DateField(_("report due by"))
    publish_due = models.DateField(_("publication due by"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        verbose_name=_("published by"),
        null=True,
        blank=True,
        related_name="+",
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    secrecy_reviewer = models.CharField(
        _("secrecy review by"),
        max_length=40,
        blank=True,
        help_text=_("Who checked the report for secrets before it went public (保密审查)."),
    )
    # Frozen at approval and kept at publication: the text as rendered and a hash over it and
    # every figure (FrozenFigure), so what is published is what the leader approved.
    published_text = models.TextField(_("text as published"), blank=True)
    content_hash = models.CharField(_("content hash"), max_length=64, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    scope_unit_field = "unit"
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("annual report")
        verbose_name_plural = _("annual reports")
        ordering = ["-year", "unit__path"]
        permissions = [
            ("approve_annualreport", _("Can approve annual reports")),
            ("publish_annualreport", _("Can publish annual reports")),
        ]
        constraints = [
            models.UniqueConstraint(fields=["unit", "year"], name="one_report_per_body_and_year")
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("reports:report_detail", args=[self.pk])

    @property
    def is_frozen(self) -> bool:
        """Approved or published: its figures are those stored at approval."""
        return self.status in (self.Status.APPROVED, self.Status.PUBLISHED)

    @property
    def editable(self) -> bool:
        return self.status == self.Status.DRAFT


class ReportSection(models.Model):
    class Kind(models.TextChoices):
        # The items of 厅字〔2019〕28号; 1–4 are required, 5 optional.
        MEASURES = "MEASURES", _("Main measures and results")
        SHORTCOMINGS = "SHORTCOMINGS", _("Shortcomings and their causes")
        LEADERS = "LEADERS", _("Principal leaders' duties as first responsible persons")
        PLAN = "PLAN", _("Next year's main arrangements")
        OTHER = "OTHER", _("Other matters")

    report = models.ForeignKey(AnnualReport, models.CASCADE, related_name="sections")
    kind = models.CharField(_("item"), max_length=12, choices=Kind.choices)
    position = models.PositiveSmallIntegerField(_("order"), default=1)
    title = models.CharField(_("heading"), max_length=120)

    class Meta:
        verbose_name = _("report section")
        verbose_name_plural = _("report sections")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["report", "kind"], name="one_section_per_item")
        ]

    def __str__(self):
        return self.title


class ReportParagraph(models.Model):
    section = models.ForeignKey(ReportSection, models.CASCADE, related_name="paragraphs")
    position = models.PositiveSmallIntegerField(_("order"), default=1)
    heading = models.CharField(
        _("lead-in heading"),
        max_length=120,
        blank=True,
        help_text=_("Printed in 楷体 before the text and numbered （一）（二）…; may be empty."),
    )
    text = models.TextField(
        _("text"),
        blank=True,
        help_text=_("Figures are written as references, e.g. {{mediation.disputes}}."),
    )
    # The registered template the paragraph was generated from ("" when written by hand).
    source = models.CharField(max_length=80, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("report paragraph")
        verbose_name_plural = _("report paragraphs")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.heading or self.text[:30]


class FrozenFigure(models.Model):
    """A figure of an approved or published report as it stood when the leader approved it."""

    report = models.ForeignKey(AnnualReport, models.CASCADE, related_name="frozen_figures")
    reference = models.CharField(max_length=120)  # as written: key, or key|format
    key = models.CharField(max_length=80)
    value = models.CharField(max_length=40, blank=True)  # str(Decimal/int); "" for none
    text = models.CharField(max_length=60)  # as printed, e.g. 2197件

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["report", "reference"], name="one_frozen_reference")
        ]

    def __str__(self):
        return f"{self.reference} = {self.text}"
