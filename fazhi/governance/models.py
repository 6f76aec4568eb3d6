"""依法治区: the records of the district's rule-of-law office (区委依法治区办) — its bodies and
meetings, the year's work points broken into tasks with deadlines, inspections (法治督察) with
their findings and each unit's rectification, notices praising or criticising units, honours,
the innovation contest, research topics, reports to the party secretary, and the units taking
part in the demonstration creation."""

from decimal import Decimal
from uuid import uuid4

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, MaxValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from fazhi.core.models import TrackedRecord
from fazhi.org.scope import ReachedQuerySet, ScopedQuerySet

# What evidence may be: documents, sheets, pictures, an archive (as legality's attachments).
EVIDENCE_TYPES = ["pdf", "doc", "docx", "wps", "ofd", "xls", "xlsx", "jpg", "jpeg", "png", "zip"]
EVIDENCE_MAX_MB = 20


def validate_evidence_size(upload) -> None:
    if upload and upload.size > EVIDENCE_MAX_MB * 1024 * 1024:
        raise ValidationError(
            _("The file is larger than %(mb)d MB.") % {"mb": EVIDENCE_MAX_MB}, code="too_large"
        )


EVIDENCE = [FileExtensionValidator(EVIDENCE_TYPES), validate_evidence_size]


def evidence_path(instance, filename: str) -> str:
    """A folder of its own for each file: it keeps the name the clerk gave it."""
    return f"governance/{instance._meta.model_name}/{uuid4().hex[:16]}/{filename}"


def points_text(value) -> str:
    """Points as people write them: 40, 92.5 (not 40.00)."""
    if value is None:
        return ""
    return format(Decimal(str(value)).normalize(), "f")


class Body(TrackedRecord):
    """The committee (委员会), its office and its coordination groups (协调小组)."""

    class Kind(models.TextChoices):
        COMMITTEE = "COMMITTEE", _("Committee")
        OFFICE = "OFFICE", _("Committee office")
        GROUP = "GROUP", _("Coordination group")

    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("hosting unit"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("kind of body"), max_length=10, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=100)
    established_on = models.DateField(_("established on"), db_index=True)
    dissolved_on = models.DateField(_("dissolved on"), null=True, blank=True)
    rules = models.TextField(
        _("rules adopted"), blank=True, help_text=_("Working rules and systems, one per line.")
    )

    objects = ScopedQuerySet.as_manager()
    scope_unit_field = "unit"

    class Meta:
        verbose_name = _("rule-of-law body")
        verbose_name_plural = _("rule-of-law bodies")
        ordering = ["kind", "established_on", "pk"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("governance:body_detail", args=[self.pk])


class BodyMember(models.Model):
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="members")
    member_unit = models.ForeignKey(
        "org.Unit", verbose_name=_("member unit"), on_delete=models.PROTECT, related_name="+"
    )
    post = models.CharField(_("post in the body"), max_length=60)

    class Meta:
        verbose_name = _("member")
        verbose_name_plural = _("members")
        ordering = ["body", "pk"]

    def __str__(self):
        return f"{self.member_unit}（{self.post}）"


class Meeting(TrackedRecord):
    class Kind(models.TextChoices):
        COMMITTEE = "COMMITTEE", _("Committee meeting")
        OFFICE = "OFFICE", _("Office directors' meeting")
        GROUP = "GROUP", _("Coordination group meeting")

    KIND_OF_BODY = {
        Body.Kind.COMMITTEE: Kind.COMMITTEE,
        Body.Kind.OFFICE: Kind.OFFICE,
        Body.Kind.GROUP: Kind.GROUP,
    }

    body = models.ForeignKey(
        Body, verbose_name=_("body"), on_delete=models.PROTECT, related_name="meetings"
    )
    kind = models.CharField(_("kind of meeting"), max_length=10, choices=Kind.choices)
    held_on = models.DateField(_("meeting held on"), db_index=True)
    title = models.CharField(_("title"), max_length=200)
    topics = models.TextField(_("topics"), blank=True)
    decisions = models.TextField(_("decisions"), blank=True)

    objects = ReachedQuerySet.as_manager()
    scope_unit_field = "body__unit"
    reached_through = "tasks__lead_unit"

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-held_on", "-pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("governance:meeting_detail", args=[self.pk])


class WorkPlan(TrackedRecord):
    """The year's work points (工作要点) and the ledger of tasks they are broken into."""

    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("issued by"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    title = models.CharField(_("title"), max_length=200)
    document_number = models.CharField(_("document number"), max_length=60, blank=True)
    issued_on = models.DateField(_("issued on"))

    objects = ReachedQuerySet.as_manager()
    scope_unit_field = "unit"
    reached_through = "tasks__lead_unit"

    class Meta:
        verbose_name = _("work points")
        verbose_name_plural = _("work points")
        ordering = ["-year", "-pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("governance:workplan_detail", args=[self.pk])


class Task(TrackedRecord):
    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["due_on", "pk"]
        permissions = [
            ("report_task", _("Can report progress on a task of the own unit")),
            ("confirm_task", _("Can confirm or return a task reported done")),
        ]

    class Status(models.TextChoices):
        ASSIGNED = "ASSIGNED", _("In progress")
        RETURNED = "RETURNED", _("Returned, in progress again")
        REPORTED = "REPORTED", _("Reported done, awaiting confirmation")
        DONE = "DONE", _("Done, confirmed")

    OPEN = (Status.ASSIGNED, Status.RETURNED)  # the lead unit reports progress

    plan = models.ForeignKey(
        WorkPlan,
        verbose_name=_("work points"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="tasks",
    )
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("decided at meeting"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="tasks",
    )
    number = models.CharField(_("item number"), max_length=20, blank=True)
    title = models.CharField(_("task"), max_length=300)
    lead_unit = models.ForeignKey(
        "org.Unit", verbose_name=_("lead unit"), on_delete=models.PROTECT, related_name="+"
    )
    co_units = models.ManyToManyField(
        "org.Unit", verbose_name=_("co-operating units"), blank=True, related_name="+"
    )
    leader = models.CharField(_("leader in charge"), max_length=60, blank=True)
    assigned_on = models.DateField(_("assigned on"), db_index=True)
    due_on = models.DateField(_("deadline to complete"), db_index=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ASSIGNED
    )
    percent = models.PositiveSmallIntegerField(
        _("percent done"), default=0, validators=[MaxValueValidator(100)]
    )
    completed_on = models.DateField(_("reported done on"), null=True, blank=True, db_index=True)
    confirmed_on = models.DateField(_("confirmed on"), null=True, blank=True)

    objects = ScopedQuerySet.as_manager()
    scope_unit_field = "lead_unit"

    def __str__(self):
        return f"{self.number}．{self.title}" if self.number else self.title

    def get_absolute_url(self):
        return reverse("governance:task_detail", args=[self.pk])


class TaskProgress(models.Model):
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="progress")
    reported_on = models.DateField(_("reported on"))
    text = models.TextField(_("progress"))
    percent = models.PositiveSmallIntegerField(
        _("percent done"), validators=[MaxValueValidator(100)]
    )
    attachment = models.FileField(
        _("attachment"), upload_to=evidence_path, blank=True, validators=EVIDENCE
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering = ["reported_on", "pk"]

    def __str__(self):
        return f"{self.reported_on:%Y-%m-%d} {self.percent}%"

    @property
    def file_name(self) -> str:
        return self.attachment.name.rsplit("/", 1)[-1] if self.attachment else ""


class Inspection(TrackedRecord):
    """An inspection (法治督察) of units' rule-of-law work."""

    class Kind(models.TextChoices):
        COMPREHENSIVE = "COMPREHENSIVE", _("Comprehensive")
        SPECIAL = "SPECIAL", _("Special")
        RANDOM = "RANDOM", _("Random")

    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("organised by"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("kind of inspection"), max_length=14, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    document_number = models.CharField(_("document number"), max_length=60, blank=True)
    started_on = models.DateField(_("inspected from"), db_index=True)
    ended_on = models.DateField(_("inspected until"))
    inspected_units = models.ManyToManyField(
        "org.Unit", verbose_name=_("units inspected"), related_name="+"
    )

    objects = ReachedQuerySet.as_manager()
    scope_unit_field = "unit"
    reached_through = "findings__unit"

    class Meta:
        verbose_name = _("inspection")
        verbose_name_plural = _("inspections")
        ordering = ["-started_on", "-pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("governance:inspection_detail", args=[self.pk])


class Finding(TrackedRecord):
    """A problem an inspection found in one unit, and that unit's rectification (整改)."""

    class Status(models.TextChoices):
        OPEN = "OPEN", _("To be rectified")
        REPORTED = "REPORTED", _("Rectification reported")
        ACCEPTED = "ACCEPTED", _("Rectification accepted")

    inspection = models.ForeignKey(
        Inspection, verbose_name=_("inspection"), on_delete=models.PROTECT, related_name="findings"
    )
    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("unit inspected"), on_delete=models.PROTECT, related_name="+"
    )
    problem = models.TextField(_("problem found"))
    basis = models.CharField(_("basis"), max_length=200, blank=True)
    found_on = models.DateField(_("found on"), db_index=True)
    due_on = models.DateField(_("rectify by"), db_index=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    rectification = models.TextField(_("rectification"), blank=True)
    evidence = models.FileField(
        _("evidence"), upload_to=evidence_path, blank=True, validators=EVIDENCE
    )
    reported_on = models.DateField(_("rectification reported on"), null=True, blank=True)
    accepted_on = models.DateField(
        _("rectification accepted on"), null=True, blank=True, db_index=True
    )
    returned_reason = models.CharField(_("returned because"), max_length=300, blank=True)
    # The rectification notice (整改通知书) sent to the unit for its findings of the inspection:
    # one number for all of them, taken when the notice is first printed.
    notice_number = models.CharField(_("rectification notice number"), max_length=60, blank=True)
    notice_issued_on = models.DateField(_("rectification notice issued on"), null=True, blank=True)

    objects = ScopedQuerySet.as_manager()
    scope_unit_field = "unit"

    class Meta:
        verbose_name = _("inspection finding")
        verbose_name_plural = _("inspection findings")
        ordering = ["due_on", "pk"]
        permissions = [
            ("rectify_finding", _("Can report the rectification of a finding of the own unit")),
            ("accept_finding", _("Can accept or return a reported rectification")),
        ]

    def __str__(self):
        return f"{self.unit}：{self.problem[:30]}"

    def get_absolute_url(self):
        return reverse("governance:finding_detail", args=[self.pk])


class Notice(TrackedRecord):
    """A notice (通报) praising or criticising named units."""

    class Tone(models.TextChoices):
        PRAISE = "PRAISE", _("Praise")
        CRITICISM = "CRITICISM", _("Criticism")

    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("issued by"), on_delete=models.PROTECT, related_name="+"
    )
    issued_on = models.DateField(_("issued on"), db_index=True)
    title = models.CharField(_("title"), max_length=200)
    document_number = models.CharField(_("document number"), max_length=60, blank=True)
    tone = models.CharField(_("praise or criticism"), max_length=10, choices=Tone.choices)
    inspection = models.ForeignKey(
        Inspection,
        verbose_name=_("inspection"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="notices",
    )
    named_units = models.ManyToManyField(
        "org.Unit",
        verbose_name=_("units named"),
        through="NoticeMention",
        related_name="+",
    )

    objects = ScopedQuerySet.as_manager()
    scope_unit_field = "unit"

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        ordering = ["-issued_on", "-pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("governance:notice_detail", args=[self.pk])


class NoticeMention(models.Model):
    """A unit named in a notice: the rows the criticised-units figure counts."""

    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="mentions")
    named_unit = models.ForeignKey(
        "org.Unit", verbose_name=_("unit named"), on_delete=models.PROTECT, related_name="+"
    )

    objects = ScopedQuerySet.as_manager()
    scope_unit_field = "notice__unit"

    class Meta:
        verbose_name = _("unit named in a notice")
        verbose_name_plural = _("units named in notices")
        ordering = ["notice", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["notice", "named_unit"], name="mention_once")
        ]

    def __str__(self):
        return f"{self.named_unit}（{self.notice}）"

    def get_absolute_url(self):
        return self.notice.get_absolute_url()


class Level(models.TextChoices):
    NATIONAL = "NATIONAL", _("National")
    PROVINCIAL = "PROVINCIAL", _("Provincial")
    MUNICIPAL = "MUNICIPAL", _("Municipal")
    DISTRICT = "DISTRICT", _("District")


class Honour(TrackedRecord):
    """One honoured unit or person (荣誉表彰)."""

    unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The unit whose ledger keeps this honour."),
    )
    honoured = models.CharField(
        _("honoured unit or person"),
        max_length=100,
        help_text=_("As the conferring document names them."),
    )
    title = models.CharField(_("honour"), max_length=200)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    conferred_by = models.CharField(_("conferred by"), max_length=100)
    conferred_on = models.DateField(_("conferred on"), db_index=True)
    document_number = models.CharField(_("document number"), max_length=60, blank=True)
    evidence = models.FileField(
        _("evidence"), upload_to=evidence_path, blank=True, validators=EVIDENCE
    )

    objects = ScopedQuerySet.as_manager()
    scope_unit_field = "unit"

    class Meta:
        verbose_name = _("honour")
        verbose_name_plural = _("honours")
        ordering = ["-conferred_on", "-pk"]

    def __str__(self):
        return f"{self.honoured}：{self.title}"

    def get_absolute_url(self):
        return reverse("governance:honour_detail", args=[self.pk])


class InnovationEntry(TrackedRecord):
    """An entry in the rule-of-law innovation contest (法治创新大赛)."""

    class Result(models.TextChoices):
        AWARD = "AWARD", _("Innovation award")
        NOMINATION = "NOMINATION", _("Nomination award")
        NONE = "NONE", _("Not awarded")

    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("submitted by"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("entry"), max_length=200)
    contest = models.CharField(_("contest"), max_length=100)
    awarded_on = models.DateField(_("results announced on"), db_index=True)
    result = models.CharField(_("result"), max_length=10, choices=Result.choices)
    page_views = models.PositiveIntegerField(_("page views"), default=0)
    likes = models.PositiveIntegerField(_("likes"), default=0)

    objects = ScopedQuerySet.as_manager()
    scope_unit_field = "unit"

    class Meta:
        verbose_name = _("innovation contest entry")
        verbose_name_plural = _("innovation contest entries")
        ordering = ["-awarded_on", "result", "pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("governance:innovationentry_detail", args=[self.pk])


class MediaReport(TrackedRecord):
    """A media report about the district's rule-of-law work (the contest's coverage)."""

    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("recorded by"), on_delete=models.PROTECT, related_name="+"
    )
    outlet = models.CharField(_("outlet"), max_length=100)
    published_on = models.DateField(_("published on"), db_index=True)
    headline = models.CharField(_("headline"), max_length=200)

    class Subject(models.TextChoices):
        CONTEST = "CONTEST", _("The innovation contest")
        OTHER = "OTHER", _("Other rule-of-law work")

    subject = models.CharField(_("about"), max_length=10, choices=Subject.choices)

    objects = ScopedQuerySet.as_manager()
    scope_unit_field = "unit"

    class Meta:
        verbose_name = _("media report")
        verbose_name_plural = _("media reports")
        ordering = ["-published_on", "-pk"]

    def __str__(self):
        return f"{self.outlet}：{self.headline}"

    def get_absolute_url(self):
        return reverse("governance:mediareport_detail", args=[self.pk])


class ResearchTopic(TrackedRecord):
    """A research topic (调研课题) and its result."""

    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("owner"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("topic"), max_length=200)
    started_on = models.DateField(_("started on"), db_index=True)
    finished_on = models.DateField(_("finished on"), null=True, blank=True)
    result = models.TextField(_("result"), blank=True)

    objects = ScopedQuerySet.as_manager()
    scope_unit_field = "unit"

    class Meta:
        verbose_name = _("research topic")
        verbose_name_plural = _("research topics")
        ordering = ["-started_on", "-pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("governance:researchtopic_detail", args=[self.pk])


class TopicReport(TrackedRecord):
    """A topical report to the district's party secretary (专题汇报) or a request for
    instructions (请示), with the written instructions (批示) received."""

    class Kind(models.TextChoices):
        REPORT = "REPORT", _("Topical report")
        REQUEST = "REQUEST", _("Request for instructions")

    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("reported by"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    reported_on = models.DateField(_("reported on"), db_index=True)
    recipient = models.CharField(_("reported to"), max_length=60)
    title = models.CharField(_("subject"), max_length=200)
    instruction = models.TextField(_("written instructions received"), blank=True)
    instructed_on = models.DateField(_("instructions given on"), null=True, blank=True)

    objects = ScopedQuerySet.as_manager()
    scope_unit_field = "unit"

    class Meta:
        verbose_name = _("report to the party secretary")
        verbose_name_plural = _("reports to the party secretary")
        ordering = ["-reported_on", "-pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("governance:topicreport_detail", args=[self.pk])


class DemonstrationApplication(TrackedRecord):
    """An application in the rule-of-law government demonstration creation (示范创建)."""

    class Kind(models.TextChoices):
        COMPREHENSIVE = "COMPREHENSIVE", _("Comprehensive demonstration")
        PROJECT = "PROJECT", _("Single-project demonstration")

    class Status(models.TextChoices):
        PREPARING = "PREPARING", _("Preparing")
        SUBMITTED = "SUBMITTED", _("Application submitted")
        NAMED = "NAMED", _("Named a demonstration")
        NOT_NAMED = "NOT_NAMED", _("Not named")

    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("organised by"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("application"), max_length=200)
    kind = models.CharField(_("kind"), max_length=14, choices=Kind.choices)
    started_on = models.DateField(_("started on"), db_index=True)
    submitted_on = models.DateField(_("submitted on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PREPARING
    )
    edition = models.ForeignKey(
        "IndicatorEdition",
        verbose_name=_("indicator system"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    participating_units = models.ManyToManyField(
        "org.Unit",
        verbose_name=_("units taking part"),
        through="DemonstrationParticipant",
        related_name="+",
    )

    objects = ScopedQuerySet.as_manager()
    scope_unit_field = "unit"

    class Meta:
        verbose_name = _("demonstration application")
        verbose_name_plural = _("demonstration applications")
        ordering = ["-started_on", "-pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("governance:demonstrationapplication_detail", args=[self.pk])


class DemonstrationParticipant(models.Model):
    application = models.ForeignKey(
        DemonstrationApplication, on_delete=models.CASCADE, related_name="participants"
    )
    participant = models.ForeignKey(
        "org.Unit", verbose_name=_("unit taking part"), on_delete=models.PROTECT, related_name="+"
    )

    objects = ScopedQuerySet.as_manager()
    scope_unit_field = "application__unit"

    class Meta:
        verbose_name = _("unit taking part")
        verbose_name_plural = _("units taking part")
        ordering = ["application", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["application", "participant"], name="participant_once")
        ]

    def __str__(self):
        return f"{self.participant}（{self.application}）"

    def get_absolute_url(self):
        return self.application.get_absolute_url()


# --- assessment (法治建设考核) ----------------------------------------------------------------


class AssessmentScheme(TrackedRecord):
    """The year's rule-of-law assessment of departments and townships: its items and points,
    the pass line, and the district's own score in the city's assessment."""

    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("organised by"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("year assessed"), db_index=True)
    title = models.CharField(_("title"), max_length=200)
    document_number = models.CharField(_("document number"), max_length=60, blank=True)
    pass_line = models.DecimalField(_("pass line"), max_digits=6, decimal_places=2)
    city_score = models.DecimalField(
        _("district's score in the city's assessment"),
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
    )

    objects = ScopedQuerySet.as_manager()
    scope_unit_field = "unit"

    class Meta:
        verbose_name = _("assessment scheme")
        verbose_name_plural = _("assessment schemes")
        ordering = ["-year", "-pk"]
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="one_scheme_per_year")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("governance:assessmentscheme_detail", args=[self.pk])

    @property
    def full_points(self):
        return sum((item.points for item in self.items.all()), 0)


class AssessmentItem(models.Model):
    scheme = models.ForeignKey(AssessmentScheme, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField(_("order"), default=1)
    name = models.CharField(_("assessment item"), max_length=200)
    points = models.DecimalField(_("points"), max_digits=6, decimal_places=2)

    class Meta:
        verbose_name = _("assessment item")
        verbose_name_plural = _("assessment items")
        ordering = ["scheme", "position", "pk"]

    def __str__(self):
        return f"{self.name}（{points_text(self.points)}分）"


class AssessmentResult(TrackedRecord):
    """One unit's result: its deductions per item, its total and its rank in the scheme."""

    scheme = models.ForeignKey(
        AssessmentScheme,
        verbose_name=_("assessment"),
        on_delete=models.CASCADE,
        related_name="results",
    )
    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("unit assessed"), on_delete=models.PROTECT, related_name="+"
    )
    total = models.DecimalField(_("total"), max_digits=7, decimal_places=2)
    rank = models.PositiveSmallIntegerField(_("rank"), null=True, blank=True)

    objects = ScopedQuerySet.as_manager()
    scope_unit_field = "unit"

    class Meta:
        verbose_name = _("assessment result")
        verbose_name_plural = _("assessment results")
        ordering = ["scheme", "rank", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["scheme", "unit"], name="one_result_per_unit")
        ]

    def __str__(self):
        return f"{self.unit}：{points_text(self.total)}分"

    def get_absolute_url(self):
        return self.scheme.get_absolute_url()


class AssessmentDeduction(models.Model):
    result = models.ForeignKey(
        AssessmentResult, on_delete=models.CASCADE, related_name="deductions"
    )
    item = models.ForeignKey(
        AssessmentItem, verbose_name=_("assessment item"), on_delete=models.CASCADE
    )
    deducted = models.DecimalField(_("points deducted"), max_digits=6, decimal_places=2)
    reason = models.CharField(_("reason"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("deduction")
        verbose_name_plural = _("deductions")
        ordering = ["result", "item__position"]
        constraints = [
            models.UniqueConstraint(fields=["result", "item"], name="one_deduction_per_item")
        ]

    def __str__(self):
        return f"{self.item.name}：扣{points_text(self.deducted)}分"


# --- the principal leaders' duties (第一责任人职责) --------------------------------------------


class LeaderDuty(TrackedRecord):
    """How a unit's principal leader carried out the duties of the first responsible person for
    the rule of law in a year: study sessions on law, law on the standing meetings' agendas, and
    the report on the rule of law (述法) with its democratic evaluation."""

    class ReportForm(models.TextChoices):
        NONE = "NONE", _("No report on the rule of law")
        YEAR_END = "YEAR_END", _("In the year-end report on duties")
        ON_SITE = "ON_SITE", _("On-site report on the rule of law")

    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    leader_name = models.CharField(_("principal leader"), max_length=50)
    leader_post = models.CharField(_("post"), max_length=60)
    study_sessions = models.PositiveSmallIntegerField(_("study sessions on law"), default=0)
    agenda_items = models.PositiveSmallIntegerField(
        _("rule-of-law items on the standing meetings' agendas"), default=0
    )
    report_form = models.CharField(
        _("report on the rule of law"),
        max_length=10,
        choices=ReportForm.choices,
        default=ReportForm.NONE,
    )
    reported_on = models.DateField(_("reported on the rule of law on"), null=True, blank=True)
    evaluation_score = models.DecimalField(
        _("democratic evaluation score"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    assessment_points = models.DecimalField(
        _("points counted in the assessment"), max_digits=5, decimal_places=2, null=True, blank=True
    )

    objects = ScopedQuerySet.as_manager()
    scope_unit_field = "unit"

    class Meta:
        verbose_name = _("principal leader's duties")
        verbose_name_plural = _("principal leaders' duties")
        ordering = ["-year", "unit__path"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "year"], name="one_duty_record_per_year")
        ]

    def __str__(self):
        return f"{self.unit} {self.year}年 {self.leader_name}"

    def get_absolute_url(self):
        return reverse("governance:leaderduty_detail", args=[self.pk])


# --- every unit's own annual report ---------------------------------------------------------


class UnitReport(TrackedRecord):
    """Whether a department's or township's annual report on the rule-of-law government was
    sent in the first quarter and published before 1 April (督察工作规定 第24条)."""

    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("year reported on"), db_index=True)
    # 31 March of the following year: sent in the first quarter, published before 1 April.
    due_on = models.DateField(_("due by"), editable=False)
    sent_on = models.DateField(_("sent on"), null=True, blank=True)
    published_on = models.DateField(_("made public on"), null=True, blank=True)
    published_at = models.CharField(_("made public at"), max_length=200, blank=True)
    has_required_parts = models.BooleanField(_("has the five required parts"), default=False)
    report = models.ForeignKey(
        "reports.AnnualReport",
        verbose_name=_("report generated on the platform"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ScopedQuerySet.as_manager()
    scope_unit_field = "unit"

    class Meta:
        verbose_name = _("unit's annual report")
        verbose_name_plural = _("units' annual reports")
        ordering = ["-year", "unit__path"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "year"], name="one_unit_report_per_year")
        ]

    def __str__(self):
        return f"{self.unit} {self.year}年度报告"

    def get_absolute_url(self):
        return reverse("governance:unitreport_detail", args=[self.pk])

    @staticmethod
    def due_for(year: int):
        from datetime import date

        return date(year + 1, 3, 31)

    @property
    def late_or_missing(self) -> bool:
        return self.sent_on is None or self.sent_on > self.due_on

    @property
    def sending(self) -> str:
        """On time, late or not sent: what the office's list shows."""
        if self.sent_on is None:
            return _("Not sent")
        return _("Sent late") if self.sent_on > self.due_on else _("Sent on time")


# --- 民主法治示范村（社区） --------------------------------------------------------------------


class ModelVillage(TrackedRecord):
    """A village or community named a democracy and rule-of-law model, re-checked every two
    years."""

    class Status(models.TextChoices):
        NAMED = "NAMED", _("Named")
        RETAINED = "RETAINED", _("Retained")
        REVOKED = "REVOKED", _("Revoked")
        CANCELLED = "CANCELLED", _("Cancelled")

    RECHECK_YEARS = 2

    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("township"), on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("village or community"), max_length=100)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    named_on = models.DateField(_("named on"), db_index=True)
    named_by = models.CharField(_("named by"), max_length=100)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NAMED
    )
    last_checked_on = models.DateField(_("last re-checked on"), null=True, blank=True)
    evidence = models.FileField(_("file"), upload_to=evidence_path, blank=True, validators=EVIDENCE)

    objects = ScopedQuerySet.as_manager()
    scope_unit_field = "unit"

    class Meta:
        verbose_name = _("democracy and rule-of-law model village")
        verbose_name_plural = _("democracy and rule-of-law model villages")
        ordering = ["-named_on", "pk"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("governance:modelvillage_detail", args=[self.pk])

    @property
    def recheck_due_on(self):
        """Two years after the naming or the last re-check (29 February → 28 February)."""
        last = self.last_checked_on or self.named_on
        try:
            return last.replace(year=last.year + self.RECHECK_YEARS)
        except ValueError:
            return last.replace(year=last.year + self.RECHECK_YEARS, day=28)


# --- the demonstration creation's indicator system ------------------------------------------


class IndicatorEdition(models.Model):
    """An edition of the national demonstration assessment's indicator system (2019, 2021,
    a later application guide …), entered as data: points and weights as the county sets them."""

    name = models.CharField(_("edition"), max_length=100, unique=True)
    year = models.PositiveSmallIntegerField(_("year published"))

    class Meta:
        verbose_name = _("indicator system edition")
        verbose_name_plural = _("indicator system editions")
        ordering = ["-year", "name"]

    def __str__(self):
        return self.name


class DemonstrationIndicator(models.Model):
    """One indicator of an edition; its code places it ("3", "3.2", "3.2.1": first, second and
    third level)."""

    edition = models.ForeignKey(
        IndicatorEdition, on_delete=models.CASCADE, related_name="indicators"
    )
    code = models.CharField(_("code"), max_length=20)
    name = models.CharField(_("indicator"), max_length=300)
    points = models.DecimalField(_("points"), max_digits=6, decimal_places=2, null=True, blank=True)
    weight = models.DecimalField(_("weight"), max_digits=5, decimal_places=2, null=True, blank=True)

    class Meta:
        verbose_name = _("demonstration indicator")
        verbose_name_plural = _("demonstration indicators")
        ordering = ["edition", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "code"], name="indicator_code_once")
        ]

    def __str__(self):
        return f"{self.code} {self.name}"

    @property
    def level(self) -> int:
        return self.code.count(".") + 1


class IndicatorWork(models.Model):
    """An application's work on one indicator: who leads it, the evidence, the self-assessed
    score and the gaps still open."""

    application = models.ForeignKey(
        "DemonstrationApplication", on_delete=models.CASCADE, related_name="indicator_work"
    )
    indicator = models.ForeignKey(
        DemonstrationIndicator, on_delete=models.PROTECT, related_name="+"
    )
    lead_units = models.ManyToManyField(
        "org.Unit", verbose_name=_("lead units"), blank=True, related_name="+"
    )
    self_score = models.DecimalField(
        _("self-assessed score"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    gaps = models.TextField(_("gaps"), blank=True)
    evidence = models.FileField(
        _("evidence"), upload_to=evidence_path, blank=True, validators=EVIDENCE
    )

    class Meta:
        verbose_name = _("work on an indicator")
        verbose_name_plural = _("work on indicators")
        ordering = ["application", "indicator__pk"]
        constraints = [
            models.UniqueConstraint(fields=["application", "indicator"], name="indicator_work_once")
        ]

    def __str__(self):
        return str(self.indicator)

    @property
    def file_name(self) -> str:
        return self.evidence.name.rsplit("/", 1)[-1] if self.evidence else ""
