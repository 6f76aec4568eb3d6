"""行政执法监督: the organs holding enforcement powers, their officers and the officers'
certificates (行政执法证) with renewals (换领) and annual reviews (年审); the law exams; case-file
evaluation (案卷评查) on a rubric kept as data; each organ's yearly statistics and its officers'
caseloads; the three systems (行政执法三项制度) measured per decision; supervision complaints."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from fazhi.core.models import TrackedRecord
from fazhi.core.validators import validate_id_number
from fazhi.org.scope import ReachedQuerySet, ScopedQuerySet


def mask_contact(value) -> str:
    """A telephone or address as the change history keeps it: 139******78."""
    text = str(value or "")
    return text[:3] + "*" * max(len(text) - 5, 0) + text[-2:] if len(text) > 5 else "*" * len(text)


class PowerKind(models.TextChoices):
    """The kinds of enforcement power (and of an enforcement decision)."""

    PENALTY = "PENALTY", _("Administrative penalty")
    COMPULSION = "COMPULSION", _("Administrative compulsion")
    INSPECTION = "INSPECTION", _("Administrative inspection")
    LICENSING = "LICENSING", _("Administrative licensing")
    OTHER = "OTHER", _("Other enforcement action")


def points_text(value) -> str:
    """Points as people write them: 40, 92.5 (not 40.00)."""
    if value is None:
        return ""
    return f"{value.normalize():f}" if isinstance(value, Decimal) else str(value)


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
    # The day a suspension or cancellation took effect: before it the certificate was valid
    # (a case file of last year is judged by the certificate as it stood then).
    status_since = models.DateField(
        _("status in effect since"),
        null=True,
        blank=True,
        help_text=_("For a suspended or cancelled certificate: the day it took effect."),
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

    @property
    def state(self) -> str:
        """The status as it stands today: a valid certificate past its date reads 已过期."""
        from fazhi.timelimits.selectors import today

        if self.status == self.Status.VALID and self.expires_on < today():
            return str(self.Status.EXPIRED.label)
        return self.get_status_display()


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


class CertificateReview(models.Model):
    """A certificate's annual review (年审): a failed review suspends the certificate."""

    class Result(models.TextChoices):
        PASSED = "PASSED", _("Passed the review")
        FAILED = "FAILED", _("Failed the review")

    certificate = models.ForeignKey(
        Certificate, verbose_name=_("certificate"), on_delete=models.CASCADE, related_name="reviews"
    )
    year = models.PositiveSmallIntegerField(_("review year"))
    reviewed_on = models.DateField(_("reviewed on"), db_index=True)
    result = models.CharField(_("review result"), max_length=8, choices=Result.choices)
    note = models.CharField(_("note"), max_length=300, blank=True)

    objects = ScopedQuerySet.as_manager()
    scope_unit_field = "certificate__officer__unit"

    class Meta:
        verbose_name = _("annual review")
        verbose_name_plural = _("annual reviews")
        ordering = ["-year", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["certificate", "year"],
                name="one_review_per_certificate_year",
                violation_error_message=_("This certificate's review of that year is recorded."),
            )
        ]

    def __str__(self):
        return f"{self.certificate.number}：{self.year}年{self.get_result_display()}"

    def get_absolute_url(self):
        return self.certificate.get_absolute_url()


# --- case-file evaluation (案卷评查) --------------------------------------------------------


class Rubric(TrackedRecord):
    """A scoring rubric for one kind of power, in versions: items are kept as data, and a
    version that has scored a case file is no longer changed (copy it into a new one)."""

    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("drawn up by"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("kind of power"), max_length=12, choices=PowerKind.choices)
    title = models.CharField(_("title"), max_length=200)
    edition = models.CharField(_("edition"), max_length=40)
    adopted_on = models.DateField(_("adopted on"), db_index=True)

    # A department sees the evaluation (and its rubric) that drew its case files.
    objects = ReachedQuerySet.as_manager()
    scope_unit_field = "unit"
    reached_through = "case_files__organ__unit"

    class Meta:
        verbose_name = _("scoring rubric")
        verbose_name_plural = _("scoring rubrics")
        ordering = ["kind", "-adopted_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "edition"],
                name="one_rubric_edition_per_kind",
                violation_error_message=_("This kind of power has a rubric of this edition."),
            )
        ]

    def __str__(self):
        return f"{self.title}（{self.edition}）"

    def get_absolute_url(self):
        return reverse("enforcement:rubric_detail", args=[self.pk])

    @property
    def total_points(self) -> Decimal:
        return sum((i.points for i in self.items.all() if i.parent_id), Decimal(0))


class RubricItem(models.Model):
    """A first-level item (评查项目, code "2") groups second-level items (评查内容, code "2.3"),
    which carry the points and the scoring notes (扣分标准)."""

    rubric = models.ForeignKey(Rubric, on_delete=models.CASCADE, related_name="items")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    code = models.CharField(_("item code"), max_length=10)
    title = models.CharField(_("rubric item title"), max_length=200)
    points = models.DecimalField(
        _("points"), max_digits=5, decimal_places=1, default=0, validators=[MinValueValidator(0)]
    )
    scoring_notes = models.TextField(_("scoring notes"), blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    objects = ScopedQuerySet.as_manager()
    scope_unit_field = "rubric__unit"

    class Meta:
        verbose_name = _("rubric item")
        verbose_name_plural = _("rubric items")
        ordering = ["rubric", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["rubric", "code"],
                name="one_rubric_item_per_code",
                violation_error_message=_("The rubric has an item with this code."),
            )
        ]

    def __str__(self):
        return f"{self.code} {self.title}"

    def get_absolute_url(self):
        return self.rubric.get_absolute_url()


DEFAULT_GRADES = "优秀 90、合格 60、不合格 0"


class Campaign(TrackedRecord):
    """A case-file evaluation campaign (案卷评查活动): its scope, the evaluators, the rubrics
    it scores with (one per kind of power) and its grades (等次) with their lowest scores."""

    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("organised by"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("title"), max_length=200)
    started_on = models.DateField(_("evaluation starts on"), db_index=True)
    ended_on = models.DateField(_("evaluation ends on"))
    scope = models.TextField(_("scope of the evaluation"))
    files_per_organ = models.PositiveSmallIntegerField(
        _("case files drawn per organ"), default=2, validators=[MinValueValidator(1)]
    )
    rubrics = models.ManyToManyField(Rubric, verbose_name=_("rubrics"), related_name="+")
    evaluators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("evaluators"), blank=True, related_name="+"
    )
    grades = models.CharField(
        _("grades and their lowest scores"),
        max_length=200,
        default=DEFAULT_GRADES,
        help_text=_("From the highest, e.g. 优秀 90、合格 60、不合格 0."),
    )
    rectify_days = models.PositiveSmallIntegerField(
        _("days allowed for rectification"), default=30, validators=[MinValueValidator(1)]
    )
    notice_number = models.CharField(_("notice number"), max_length=60, blank=True)
    notice_issued_on = models.DateField(_("notice issued on"), null=True, blank=True)

    # A department sees the evaluation (and its rubric) that drew its case files.
    objects = ReachedQuerySet.as_manager()
    scope_unit_field = "unit"
    reached_through = "case_files__organ__unit"

    class Meta:
        verbose_name = _("case-file evaluation")
        verbose_name_plural = _("case-file evaluations")
        ordering = ["-started_on", "-pk"]
        permissions = [("score_casefile", _("Can score case files as an evaluator"))]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("enforcement:campaign_detail", args=[self.pk])


class CaseFile(TrackedRecord):
    """A case file drawn from an organ for evaluation, its score and grade."""

    campaign = models.ForeignKey(
        Campaign, verbose_name=_("evaluation"), on_delete=models.PROTECT, related_name="case_files"
    )
    organ = models.ForeignKey(
        Organ, verbose_name=_("organ"), on_delete=models.PROTECT, related_name="case_files"
    )
    case_number = models.CharField(_("case number"), max_length=60)
    title = models.CharField(_("case"), max_length=200)
    kind = models.CharField(_("kind of power"), max_length=12, choices=PowerKind.choices)
    decided_on = models.DateField(_("decided on"), db_index=True)
    officers = models.ManyToManyField(
        Officer, verbose_name=_("officers named"), related_name="case_files"
    )
    # 行政处罚法 第42条: at least two officers holding enforcement certificates. Fewer is not
    # refused (the file is what it is) but flagged on its page, its list and the figures.
    certificate_shortfall = models.BooleanField(
        _("fewer than two officers with valid certificates"), default=False
    )
    rubric = models.ForeignKey(
        Rubric, verbose_name=_("rubric"), on_delete=models.PROTECT, related_name="case_files"
    )
    score = models.DecimalField(
        _("score"), max_digits=5, decimal_places=1, null=True, blank=True, db_index=True
    )
    grade = models.CharField(_("grade"), max_length=20, blank=True, db_index=True)
    # Where the grade stands in the campaign's scale (0: the highest), and whether it is the
    # lowest (不合格): the figures count grades whatever they are called.
    grade_rank = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    failing = models.BooleanField(_("in the lowest grade"), default=False, editable=False)
    scored_on = models.DateField(_("scored on"), null=True, blank=True)
    submitted_onward = models.BooleanField(
        _("submitted as an excellent case file"), default=False, db_index=True
    )
    submitted_on = models.DateField(_("submitted onward on"), null=True, blank=True)

    objects = ScopedQuerySet.as_manager()
    scope_unit_field = "organ__unit"

    class Meta:
        verbose_name = _("evaluated case file")
        verbose_name_plural = _("evaluated case files")
        ordering = ["campaign", "organ__unit__path", "case_number", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "organ", "case_number"],
                name="one_case_file_per_campaign",
                violation_error_message=_("This case file is drawn in the evaluation already."),
            ),
            models.CheckConstraint(
                condition=Q(submitted_onward=False) | Q(submitted_on__isnull=False),
                name="case_file_submitted_with_date",
                violation_error_message=_("A case file submitted onward has the day it was sent."),
            ),
        ]

    def __str__(self):
        return f"{self.case_number} {self.title}"

    def get_absolute_url(self):
        return reverse("enforcement:casefile_detail", args=[self.pk])


class Deduction(models.Model):
    """Points an evaluator took off one item of a case file's rubric, with the reason."""

    case_file = models.ForeignKey(CaseFile, on_delete=models.CASCADE, related_name="deductions")
    item = models.ForeignKey(
        RubricItem, verbose_name=_("rubric item"), on_delete=models.PROTECT, related_name="+"
    )
    points = models.DecimalField(
        _("points deducted"),
        max_digits=5,
        decimal_places=1,
        validators=[MinValueValidator(Decimal("0.1"))],
    )
    reason = models.CharField(_("reason"), max_length=300)
    evaluator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("evaluator"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ScopedQuerySet.as_manager()
    scope_unit_field = "case_file__organ__unit"

    class Meta:
        verbose_name = _("deduction")
        verbose_name_plural = _("deductions")
        ordering = ["case_file", "item__position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["case_file", "item"], name="one_case_file_deduction_per_item"
            )
        ]

    def __str__(self):
        return f"{self.item.code}：-{points_text(self.points)}"

    def get_absolute_url(self):
        return self.case_file.get_absolute_url()


class Problem(TrackedRecord):
    """A problem the evaluation found in a case file, rectified by the organ by a deadline."""

    class Status(models.TextChoices):
        OPEN = "OPEN", _("To be rectified")
        REPORTED = "REPORTED", _("Rectification reported")
        ACCEPTED = "ACCEPTED", _("Rectification accepted")

    case_file = models.ForeignKey(
        CaseFile, verbose_name=_("case file"), on_delete=models.PROTECT, related_name="problems"
    )
    description = models.TextField(_("problem found"))
    found_on = models.DateField(_("found on"), db_index=True)
    due_on = models.DateField(_("rectify by"), db_index=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    rectification = models.TextField(_("rectification"), blank=True)
    reported_on = models.DateField(_("rectification reported on"), null=True, blank=True)
    accepted_on = models.DateField(_("rectification accepted on"), null=True, blank=True)
    returned_reason = models.CharField(_("returned because"), max_length=300, blank=True)

    objects = ScopedQuerySet.as_manager()
    scope_unit_field = "case_file__organ__unit"

    class Meta:
        verbose_name = _("case-file problem")
        verbose_name_plural = _("case-file problems")
        ordering = ["due_on", "pk"]
        permissions = [
            ("rectify_problem", _("Can report the rectification of the own organ's case file")),
            ("accept_problem", _("Can accept or return a case file's rectification")),
        ]

    def __str__(self):
        text = " ".join(self.description.split())
        return f"{self.case_file.case_number}：{text[:30]}{'…' if len(text) > 30 else ''}"

    def get_absolute_url(self):
        return reverse("enforcement:problem_detail", args=[self.pk])


# --- statistics and caseloads ---------------------------------------------------------------


class EnforcementReturn(TrackedRecord):
    """An organ's yearly enforcement statistics (执法统计年报), as its Excel return gives them."""

    organ = models.ForeignKey(
        Organ, verbose_name=_("organ"), on_delete=models.PROTECT, related_name="returns"
    )
    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    penalty_cases = models.PositiveIntegerField(_("penalty cases"), default=0)
    penalty_amount = models.DecimalField(
        _("fines and confiscations (yuan)"),
        max_digits=14,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
    )
    compulsion_cases = models.PositiveIntegerField(_("compulsory measures"), default=0)
    inspections = models.PositiveIntegerField(_("administrative inspections"), default=0)
    licensing_cases = models.PositiveIntegerField(_("licences decided"), default=0)
    other_cases = models.PositiveIntegerField(_("other enforcement actions"), default=0)

    objects = ScopedQuerySet.as_manager()
    scope_unit_field = "organ__unit"

    class Meta:
        verbose_name = _("enforcement statistics")
        verbose_name_plural = _("enforcement statistics")
        ordering = ["-year", "organ__unit__path"]
        constraints = [
            models.UniqueConstraint(
                fields=["organ", "year"],
                name="one_return_per_organ_year",
                violation_error_message=_("This organ's statistics of that year are recorded."),
            )
        ]

    def __str__(self):
        return f"{self.organ}：{self.year}年"

    def get_absolute_url(self):
        return reverse("enforcement:enforcementreturn_detail", args=[self.pk])


class Caseload(models.Model):
    """Cases an officer handled in a year (from the organ's return): zero shows who never acts."""

    officer = models.ForeignKey(
        Officer, verbose_name=_("officer"), on_delete=models.CASCADE, related_name="caseloads"
    )
    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    cases = models.PositiveIntegerField(_("cases handled"))

    objects = ScopedQuerySet.as_manager()
    scope_unit_field = "officer__unit"

    class Meta:
        verbose_name = _("officer's caseload")
        verbose_name_plural = _("officers' caseloads")
        ordering = ["-year", "officer__name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["officer", "year"],
                name="one_caseload_per_officer_year",
                violation_error_message=_("This officer's caseload of that year is recorded."),
            )
        ]

    def __str__(self):
        return f"{self.officer.name}：{self.year}年{self.cases}件"

    def get_absolute_url(self):
        return self.officer.get_absolute_url()


# --- the three systems (行政执法三项制度) ----------------------------------------------------


class ReviewCase(models.TextChoices):
    """行政处罚法 第58条: the decisions reviewed for legality (法制审核) before they are taken."""

    PUBLIC_INTEREST = "PUBLIC_INTEREST", _("Touches a major public interest")
    HEARING = "HEARING", _("Major rights of a party or third party, after a hearing")
    COMPLEX = "COMPLEX", _("Difficult or complex, several legal relations")
    OTHER_LAW = "OTHER_LAW", _("Review required by another law or regulation")


class ReviewListEntry(TrackedRecord):
    """A matter on an organ's list of decisions that need legality review (法制审核目录清单)."""

    organ = models.ForeignKey(
        Organ, verbose_name=_("organ"), on_delete=models.PROTECT, related_name="review_list"
    )
    matter = models.CharField(_("decision needing review"), max_length=200)
    ground = models.CharField(_("review ground"), max_length=20, choices=ReviewCase.choices)
    basis = models.CharField(_("basis"), max_length=200, blank=True)
    listed_on = models.DateField(_("listed on"), db_index=True)

    objects = ScopedQuerySet.as_manager()
    scope_unit_field = "organ__unit"

    class Meta:
        verbose_name = _("legality review list entry")
        verbose_name_plural = _("legality review lists")
        ordering = ["organ__unit__path", "pk"]

    def __str__(self):
        return self.matter

    def get_absolute_url(self):
        return reverse("enforcement:reviewlistentry_detail", args=[self.pk])


class Decision(TrackedRecord):
    """An enforcement decision and how the three systems went for it: published on time (7
    working days for licences and penalties, 20 for the rest), withdrawn within 3 working days
    when changed or revoked, reviewed for legality before it was taken where the law asks."""

    organ = models.ForeignKey(
        Organ, verbose_name=_("organ"), on_delete=models.PROTECT, related_name="decisions"
    )
    kind = models.CharField(_("kind of decision"), max_length=12, choices=PowerKind.choices)
    number = models.CharField(_("decision number"), max_length=60)
    subject = models.CharField(_("matter"), max_length=200)
    decided_on = models.DateField(_("decided on"), db_index=True)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    # The due dates of the publication and withdrawal clocks, kept with the decision so that
    # the figures compare them with the days they were done.
    publish_due = models.DateField(_("to be published by"), null=True, blank=True, editable=False)
    withdraw_due = models.DateField(_("to be withdrawn by"), null=True, blank=True, editable=False)
    changed_on = models.DateField(_("changed, revoked or found unlawful on"), null=True, blank=True)
    withdrawn_on = models.DateField(_("publication withdrawn on"), null=True, blank=True)
    review_ground = models.CharField(
        _("legality review required because"),
        max_length=20,
        choices=ReviewCase.choices,
        blank=True,
    )
    reviewed_on = models.DateField(_("legality reviewed on"), null=True, blank=True)
    reviewer = models.CharField(_("reviewer"), max_length=50, blank=True)
    reviewer_first_time = models.BooleanField(
        _("reviewer reviewing for the first time"), default=False
    )
    reviewer_qualified = models.BooleanField(
        _("reviewer holds the legal professional qualification"), default=False
    )
    filing = models.ForeignKey(
        "legality.Filing",
        verbose_name=_("filing"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ScopedQuerySet.as_manager()
    scope_unit_field = "organ__unit"

    class Meta:
        verbose_name = _("enforcement decision")
        verbose_name_plural = _("enforcement decisions")
        ordering = ["-decided_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organ", "number"],
                name="one_decision_per_number",
                violation_error_message=_("This organ has a decision with this number."),
            ),
            models.CheckConstraint(
                condition=Q(published_on__isnull=True) | Q(published_on__gte=F("decided_on")),
                name="decision_published_after_decided",
                violation_error_message=_("A decision is published on or after its day."),
            ),
        ]

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        return reverse("enforcement:decision_detail", args=[self.pk])

    @property
    def reviewed_before(self) -> bool | None:
        """Whether the required legality review came before the decision (None: not required)."""
        if not self.review_ground:
            return None
        return self.reviewed_on is not None and self.reviewed_on <= self.decided_on

    @property
    def reviewer_unqualified(self) -> bool:
        """第58条: a first-time reviewer holds the legal professional qualification."""
        return bool(self.review_ground) and self.reviewer_first_time and not self.reviewer_qualified


# --- supervision complaints (执法监督投诉、举报) -----------------------------------------------


class Complaint(TrackedRecord):
    class Channel(models.TextChoices):
        LETTER = "LETTER", _("Letter")
        VISIT = "VISIT", _("Visit")
        PHONE = "PHONE", _("Telephone")
        ONLINE = "ONLINE", _("Online")
        REFERRED = "REFERRED", _("Referred by another organ")

    class Status(models.TextChoices):
        RECEIVED = "RECEIVED", _("Received, acceptance to decide")
        ACCEPTED = "ACCEPTED", _("Accepted")
        CONCLUDED = "CONCLUDED", _("Concluded")

    class Outcome(models.TextChoices):
        NOT_ACCEPTED = "NOT_ACCEPTED", _("Not accepted")
        TRANSFERRED = "TRANSFERRED", _("Transferred to the competent organ")
        CORRECTION_URGED = "CORRECTION_URGED", _("Organ urged to correct")
        UPHELD = "UPHELD", _("Enforcement found lawful")
        OTHER = "OTHER", _("Other")

    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("handled by"), on_delete=models.PROTECT, related_name="+"
    )
    received_on = models.DateField(_("complaint received on"), db_index=True)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    complainant = models.CharField(_("complainant"), max_length=100)
    contact = models.CharField(_("contact"), max_length=100, blank=True)
    organ = models.ForeignKey(
        Organ,
        verbose_name=_("organ complained about"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="complaints",
    )
    subject = models.CharField(_("subject"), max_length=200)
    content = models.TextField(_("what the complaint says"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.RECEIVED
    )
    accepted_on = models.DateField(_("complaint accepted on"), null=True, blank=True)
    # The clocks' due dates, kept with the complaint for the figures (an extension moves the
    # second).
    accept_due = models.DateField(_("to be decided by"), null=True, blank=True, editable=False)
    handle_due = models.DateField(_("to be concluded by"), null=True, blank=True, editable=False)
    concluded_on = models.DateField(_("concluded on"), null=True, blank=True, db_index=True)
    outcome = models.CharField(
        _("complaint outcome"), max_length=20, choices=Outcome.choices, blank=True
    )
    outcome_text = models.TextField(_("how it was handled"), blank=True)
    notice_number = models.CharField(_("notice number"), max_length=60, blank=True)
    notice_issued_on = models.DateField(_("notice issued on"), null=True, blank=True)

    objects = ScopedQuerySet.as_manager()
    scope_unit_field = "unit"

    class Meta:
        verbose_name = _("supervision complaint")
        verbose_name_plural = _("supervision complaints")
        ordering = ["-received_on", "-pk"]
        permissions = [("handle_complaint", _("Can accept, extend and conclude complaints"))]

    def __str__(self):
        return self.subject

    def get_absolute_url(self):
        return reverse("enforcement:complaint_detail", args=[self.pk])
