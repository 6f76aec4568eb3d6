"""The holiday calendar, the rule table and the deadlines that case records carry."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from fazhi.org.scope import ScopedQuerySet


class CalendarYear(models.Model):
    """A year whose official schedule is loaded: the engine refuses dates of any other year."""

    class Source(models.TextChoices):
        PACKAGE = "PACKAGE", _("chinese-calendar package")
        MANUAL = "MANUAL", _("entered by the administrator")

    year = models.PositiveSmallIntegerField(_("year"), primary_key=True)
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    notice = models.CharField(
        _("State Council notice"),
        max_length=200,
        blank=True,
        help_text=_("The General Office notice the schedule comes from."),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("calendar year")
        verbose_name_plural = _("calendar years")
        ordering = ["year"]

    def __str__(self):
        return str(self.year)


class CalendarDay(models.Model):
    """A day that differs from the Monday-to-Friday pattern, or a weekend inside a holiday."""

    class Kind(models.TextChoices):
        REST = "REST", _("statutory rest day")
        WORK = "WORK", _("make-up working day")

    day = models.DateField(_("date"), unique=True)
    year = models.ForeignKey(
        CalendarYear, verbose_name=_("year"), on_delete=models.CASCADE, related_name="days"
    )
    kind = models.CharField(_("kind"), max_length=4, choices=Kind.choices)
    name = models.CharField(_("holiday"), max_length=60, blank=True)

    class Meta:
        verbose_name = _("calendar day")
        verbose_name_plural = _("calendar days")
        ordering = ["day"]

    def __str__(self):
        return f"{self.day} {self.get_kind_display()} {self.name}"


# How an amount reads in a basis: 60日, 5个工作日, 6个月.
# What the calculator counts: every unit but a deadline set when the work is assigned.
COUNTED_UNITS = [
    ("calendar_days", _("calendar days")),
    ("working_days", _("working days")),
    ("months", _("months")),
]
MEASURES = {
    "calendar_days": "日",
    "working_days": "个工作日",
    "months": "个月",
    "set_by_decision": "",
}


class Rule(models.Model):
    """One statutory time limit, in one version of its law."""

    class Unit(models.TextChoices):
        CALENDAR_DAYS = "calendar_days", _("calendar days")
        WORKING_DAYS = "working_days", _("working days")
        MONTHS = "months", _("months")
        # Not counted from an event but set by whoever assigns the work (a task of the year's
        # work points, a rectification deadline of an inspection): the clock's due date is
        # given when it is opened.
        SET_BY_DECISION = "set_by_decision", _("set when assigned")

    code = models.SlugField(_("rule code"), max_length=60)
    title = models.CharField(_("title"), max_length=120)
    law = models.CharField(_("law"), max_length=120)
    version = models.CharField(_("version"), max_length=60)
    effective_from = models.DateField(_("effective from"), null=True, blank=True)
    effective_to = models.DateField(
        _("effective until"), null=True, blank=True, help_text=_("Last day this version applies.")
    )
    article = models.CharField(_("article"), max_length=40)
    amount = models.PositiveIntegerField(_("amount"), validators=[MinValueValidator(1)])
    unit = models.CharField(_("unit"), max_length=20, choices=Unit.choices)
    start_event = models.CharField(_("clock starts"), max_length=120)
    extension_allowed = models.BooleanField(_("extension allowed"), default=False)
    extension_max_days = models.PositiveIntegerField(_("maximum extension (days)"), default=0)
    suspension_allowed = models.BooleanField(_("suspension allowed"), default=False)
    verified = models.BooleanField(
        _("verified"),
        default=True,
        help_text=_("Unchecked: not yet confirmed against an official text."),
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("time-limit rule")
        verbose_name_plural = _("time-limit rules")
        ordering = ["code", "effective_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["code", "effective_from"], name="rule_one_version_per_start"
            ),
            models.CheckConstraint(
                condition=Q(effective_to__isnull=True)
                | Q(effective_from__isnull=True)
                | Q(effective_to__gte=F("effective_from")),
                name="rule_effective_range_ordered",
            ),
        ]

    def __str__(self):
        return f"{self.title}（{self.basis}）"

    @property
    def basis(self) -> str:
        """ "行政复议法（2023修订）第30条：5个工作日"."""
        if self.unit == self.Unit.SET_BY_DECISION:
            return f"{self.law}：{self.article}"  # 依法治区工作要点：交办时确定的期限
        # A rule without an article of its own (a guideline, the province's rules) names none.
        article = f"第{self.article}条" if self.article not in ("", "—") else ""
        return f"{self.law}（{self.version}）{article}：{self.amount}{self.measure}"

    @property
    def measure(self) -> str:
        return MEASURES[self.unit]


class Deadline(models.Model):
    """A running clock of a case record of any module (attached by a generic relation)."""

    class Status(models.TextChoices):
        RUNNING = "RUNNING", _("running")
        DUE_SOON = "DUE_SOON", _("due soon")
        OVERDUE = "OVERDUE", _("overdue")
        SUSPENDED = "SUSPENDED", _("suspended")
        DONE_ON_TIME = "DONE_ON_TIME", _("completed on time")
        DONE_LATE = "DONE_LATE", _("completed late")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="deadlines",
        help_text=_("The unit responsible: the deadline is visible within its data scope."),
    )
    rule = models.ForeignKey(Rule, verbose_name=_("rule"), on_delete=models.PROTECT)
    label = models.CharField(_("what is due"), max_length=200)
    start_date = models.DateField(_("clock started"))
    due_date = models.DateField(_("due date"), db_index=True)
    suggested_internal_date = models.DateField(_("suggested internal date"), null=True, blank=True)
    extension_days = models.PositiveIntegerField(_("extension (days)"), default=0)
    suspended_since = models.DateField(_("suspended since"), null=True, blank=True)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
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

    objects = ScopedQuerySet.as_manager()
    scope_unit_field = "unit"
    scope_owner_field = "created_by"

    class Meta:
        verbose_name = _("deadline")
        verbose_name_plural = _("deadlines")
        ordering = ["due_date"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(due_date__gte=F("start_date")), name="deadline_due_not_before_start"
            ),
            models.CheckConstraint(
                condition=Q(completed_on__isnull=True) | Q(completed_on__gte=F("start_date")),
                name="deadline_completed_not_before_start",
            ),
        ]

    def __str__(self):
        return f"{self.label}：{self.due_date}"


class Suspension(models.Model):
    deadline = models.ForeignKey(Deadline, on_delete=models.CASCADE, related_name="suspensions")
    start = models.DateField(_("suspended from"))
    end = models.DateField(_("resumed after"), null=True, blank=True)
    ground = models.CharField(_("ground"), max_length=200)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("suspension")
        verbose_name_plural = _("suspensions")
        ordering = ["start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=F("start")),
                name="suspension_end_not_before_start",
            )
        ]

    def __str__(self):
        return f"{self.start}–{self.end or '…'} {self.ground}"


class Extension(models.Model):
    deadline = models.ForeignKey(Deadline, on_delete=models.CASCADE, related_name="extensions")
    days = models.PositiveIntegerField(_("days"), validators=[MinValueValidator(1)])
    reason = models.CharField(_("reason"), max_length=200)
    approved_by = models.CharField(_("approved by"), max_length=100)
    approved_on = models.DateField(_("approved on"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("extension")
        verbose_name_plural = _("extensions")
        ordering = ["approved_on"]

    def __str__(self):
        return f"+{self.days}（{self.approved_by}，{self.approved_on}）"
