"""Writes of the enforcement ledger: organs, officers, certificates (renewals, annual
reviews), law exams, case-file evaluation, statistics, decisions under the three systems and
supervision complaints; each one transaction, version-checked when editing, audited."""

import re
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from fazhi.core.rectification import (
    rectification_accept,
    rectification_report,
    rectification_return,
)
from fazhi.core.registers import save_record
from fazhi.core.services import lock_for_edit, not_in_future
from fazhi.enforcement.models import (
    Campaign,
    CaseFile,
    Caseload,
    Certificate,
    CertificateReview,
    Complaint,
    Decision,
    Deduction,
    EnforcementReturn,
    ExamCandidate,
    ExamSitting,
    Officer,
    Organ,
    PowerKind,
    Problem,
    RenewalBatch,
    ReviewListEntry,
    Rubric,
    RubricItem,
    points_text,
)
from fazhi.inbox.models import Message
from fazhi.inbox.services import notify, users_with_perm_over
from fazhi.org.scope import acts_for
from fazhi.timelimits import services as deadlines
from fazhi.timelimits.selectors import RuleNotFound, today


@transaction.atomic
def organ_save(*, user, instance=None, version=None, **data) -> Organ:
    return save_record(Organ, instance=instance, version=version, user=user, fields=data)


@transaction.atomic
def officer_save(*, user, instance=None, version=None, **data) -> Officer:
    if "id_number" in data:
        data["id_number"] = data["id_number"].strip().upper()
    return save_record(Officer, instance=instance, version=version, user=user, fields=data)


def failed_last_exam(officer) -> bool:
    """Whether the officer's latest exam was failed: no certificate until a pass."""
    latest = officer.exams.order_by("-sitting__held_on", "-pk").first()
    return latest is not None and not latest.passed


@transaction.atomic
def certificate_save(*, user, instance=None, version=None, **data) -> Certificate:
    not_in_future(data["issued_on"], "issued_on")
    if data["expires_on"] <= data["issued_on"]:
        raise ValidationError({"expires_on": _("A certificate expires after it was issued.")})
    if instance is None and failed_last_exam(data["officer"]):
        raise ValidationError(
            {"officer": _("The officer failed the latest law exam: no certificate until a pass.")}
        )
    suspended = data["status"] in (Certificate.Status.SUSPENDED, Certificate.Status.CANCELLED)
    if suspended and not data.get("status_since"):
        raise ValidationError(
            {"status_since": _("Say from which day the suspension or cancellation took effect.")}
        )
    if not suspended:
        data["status_since"] = None
    not_in_future(data.get("status_since"), "status_since")
    _not_before(
        data.get("status_since"),
        data["issued_on"],
        "status_since",
        _("A certificate is suspended or cancelled after it was issued."),
    )
    return save_record(Certificate, instance=instance, version=version, user=user, fields=data)


@transaction.atomic
def renewal_save(*, user, instance=None, version=None, **data) -> RenewalBatch:
    not_in_future(data["renewed_on"], "renewed_on")
    return save_record(RenewalBatch, instance=instance, version=version, user=user, fields=data)


@transaction.atomic
def exam_sitting_save(*, user, instance=None, version=None, **data) -> ExamSitting:
    not_in_future(data["held_on"], "held_on")
    return save_record(ExamSitting, instance=instance, version=version, user=user, fields=data)


@transaction.atomic
def exam_result_record(*, sitting: ExamSitting, officer, score: int, user=None) -> ExamCandidate:
    """An officer's score; passed when it reaches the sitting's pass line."""
    if ExamCandidate.objects.filter(sitting=sitting, officer=officer).exists():
        raise ValidationError({"officer": _("This officer's result is recorded already.")})
    candidate = ExamCandidate(
        sitting=sitting, officer=officer, score=score, passed=score >= sitting.pass_line
    )
    candidate.full_clean()
    candidate.save()
    return candidate


def _not_before(day, earliest, field, message):
    if day is not None and earliest is not None and day < earliest:
        raise ValidationError({field: message})


# --- annual review (年审) -------------------------------------------------------------------


@transaction.atomic
def certificate_review_record(
    *, certificate: Certificate, year: int, reviewed_on: date, result: str, note="", user=None
) -> CertificateReview:
    """A certificate's review of a year. A failed review suspends a valid certificate (暂扣):
    its holder may not act until the bureau restores it."""
    not_in_future(reviewed_on, "reviewed_on")
    _not_before(
        reviewed_on,
        certificate.issued_on,
        "reviewed_on",
        _("A certificate is reviewed after it was issued."),
    )
    if year > reviewed_on.year or year < certificate.issued_on.year:
        raise ValidationError(
            {"year": _("The review year lies between the certificate's issue and the review.")}
        )
    if CertificateReview.objects.filter(certificate=certificate, year=year).exists():
        raise ValidationError({"year": _("This certificate's review of that year is recorded.")})
    review = CertificateReview(
        certificate=certificate, year=year, reviewed_on=reviewed_on, result=result, note=note
    )
    review.full_clean()
    review.save()
    if result == CertificateReview.Result.FAILED and certificate.status == Certificate.Status.VALID:
        stored = lock_for_edit(Certificate, certificate.pk, certificate.version)
        stored.status, stored.status_since = Certificate.Status.SUSPENDED, reviewed_on
        stored.save()
    return review


# --- rubrics and campaigns ------------------------------------------------------------------


@transaction.atomic
def rubric_save(*, user, instance=None, version=None, **data) -> Rubric:
    not_in_future(data["adopted_on"], "adopted_on")
    if (
        instance is not None
        and data["kind"] != instance.kind
        and CaseFile.objects.filter(rubric=instance).exists()
    ):
        raise ValidationError({"kind": _("Case files were drawn with this rubric.")})
    return save_record(Rubric, instance=instance, version=version, user=user, fields=data)


def rubric_in_use(rubric: Rubric) -> bool:
    return CaseFile.objects.filter(rubric=rubric, score__isnull=False).exists()


ITEM_CODE = re.compile(r"^(\d{1,3})(?:\.(\d{1,3}))?$")


@transaction.atomic
def rubric_item_add(
    *, rubric: Rubric, code: str, title: str, points=None, scoring_notes="", user=None
) -> RubricItem:
    """An item of a rubric: code "2" is a first-level item, "2.3" a second-level item under
    "2" with its points. A rubric that has scored case files stays as it was."""
    locked = Rubric.objects.select_for_update().get(pk=rubric.pk)
    if rubric_in_use(locked):
        raise ValidationError(
            _("Case files were scored with this rubric: copy it into a new edition to change it.")
        )
    code = code.strip().replace("．", ".")
    match = ITEM_CODE.match(code)
    if not match:
        raise ValidationError({"code": _("Write the code as 2 (an item) or 2.3 (its content).")})
    parent = None
    if match.group(2):
        parent = locked.items.filter(code=match.group(1), parent=None).first()
        if parent is None:
            raise ValidationError(
                {"code": _("Add the first-level item %(code)s first.") % {"code": match.group(1)}}
            )
        if not points:
            raise ValidationError({"points": _("A second-level item carries points.")})
    elif points:
        raise ValidationError(
            {"points": _("A first-level item's points are the sum of its contents.")}
        )
    item = RubricItem(
        rubric=locked,
        parent=parent,
        code=code,
        title=title,
        points=points or 0,
        scoring_notes=scoring_notes,
        position=_position(code),
    )
    item.full_clean()
    item.save()
    return item


def _position(code: str) -> int:
    first, _dot, second = code.partition(".")
    return int(first) * 1000 + (int(second) if second else 0)


@transaction.atomic
def rubric_copy(*, rubric: Rubric, edition: str, adopted_on: date, user=None) -> Rubric:
    """A new edition of a rubric with the same items, to be changed before it scores."""
    copy = rubric_save(
        user=user,
        unit=rubric.unit,
        kind=rubric.kind,
        title=rubric.title,
        edition=edition,
        adopted_on=adopted_on,
    )
    parents = {}
    for item in rubric.items.order_by("parent_id", "position"):
        if item.parent_id is None:
            parents[item.pk] = RubricItem.objects.create(
                rubric=copy, code=item.code, title=item.title, position=item.position
            )
    for item in rubric.items.exclude(parent=None).order_by("position"):
        RubricItem.objects.create(
            rubric=copy,
            parent=parents[item.parent_id],
            code=item.code,
            title=item.title,
            points=item.points,
            scoring_notes=item.scoring_notes,
            position=item.position,
        )
    return copy


def grade_scale(text: str) -> list[tuple[str, Decimal]]:
    """ "优秀 90、合格 60、不合格 0" → [("优秀", 90), ("合格", 60), ("不合格", 0)], checked: from
    the highest lowest score down to 0, each grade named once."""
    grades = []
    for part in re.split(r"[、，,；;\n]+", text.strip()):
        part = part.strip()
        if not part:
            continue
        match = re.match(r"^(\D+?)\s*[:：]?\s*(\d+(?:\.\d)?)\s*分?$", part)
        if not match:
            raise ValidationError(
                {"grades": _("Write each grade as its name and lowest score, e.g. 优秀 90.")}
            )
        try:
            grades.append((match.group(1).strip(), Decimal(match.group(2))))
        except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
            raise ValidationError({"grades": _("Lowest scores are numbers.")}) from None
    lows = [low for _name, low in grades]
    if len(grades) < 2 or lows != sorted(lows, reverse=True) or len(set(lows)) != len(lows):
        raise ValidationError(
            {"grades": _("Give at least two grades, their lowest scores going down.")}
        )
    if lows[-1] != 0:
        raise ValidationError({"grades": _("The last grade starts at 0.")})
    if len({name for name, _low in grades}) != len(grades):
        raise ValidationError({"grades": _("Each grade is named once.")})
    return grades


def grade_for(score: Decimal, campaign: Campaign) -> tuple[str, int, bool]:
    """The grade of `score`, its place in the scale (0: the highest) and whether it is the
    lowest."""
    scale = grade_scale(campaign.grades)
    for rank, (name, low) in enumerate(scale):
        if score >= low:
            return name, rank, rank == len(scale) - 1
    raise AssertionError("the scale ends at 0")  # pragma: no cover


def top_grade(campaign: Campaign) -> str:
    return grade_scale(campaign.grades)[0][0]


def _one_rubric_per_kind(rubrics) -> None:
    kinds = [r.kind for r in rubrics]
    if not kinds:
        raise ValidationError({"rubrics": _("Choose the rubric of each kind of power evaluated.")})
    if len(set(kinds)) != len(kinds):
        raise ValidationError({"rubrics": _("Choose one rubric per kind of power.")})


@transaction.atomic
def campaign_save(
    *, user, instance=None, version=None, rubrics=(), evaluators=(), **data
) -> Campaign:
    errors = {}
    for check in (
        lambda: not_in_future(data["started_on"], "started_on"),
        lambda: _not_before(
            data["ended_on"],
            data["started_on"],
            "ended_on",
            _("The evaluation ends before it starts."),
        ),
        lambda: grade_scale(data["grades"]),
        lambda: _one_rubric_per_kind(rubrics),
    ):
        try:  # every mistake at once, not one per round
            check()
        except ValidationError as error:
            errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    if instance is not None:
        used = set(instance.case_files.values_list("rubric", flat=True))
        if used - {r.pk for r in rubrics}:
            raise ValidationError(
                {"rubrics": _("Case files were drawn with a rubric left out: keep it.")}
            )
    campaign = save_record(
        Campaign,
        instance=instance,
        version=version,
        user=user,
        fields=data,
        many={"rubrics": rubrics, "evaluators": evaluators},
    )
    if instance is not None:
        _regrade(campaign)
    return campaign


def _regrade(campaign: Campaign) -> None:
    """The scored files graded again on the campaign's (changed) scale; a file already sent
    on as excellent must stay in the highest grade."""
    for case_file in campaign.case_files.filter(score__isnull=False).select_for_update():
        grade, rank, failing = grade_for(case_file.score, campaign)
        if case_file.submitted_onward and rank != 0:
            raise ValidationError(
                {
                    "grades": _(
                        "%(file)s was sent on as excellent: it must stay in the highest grade."
                    )
                    % {"file": case_file.case_number}
                }
            )
        if (case_file.grade, case_file.grade_rank, case_file.failing) != (grade, rank, failing):
            case_file.grade, case_file.grade_rank, case_file.failing = grade, rank, failing
            case_file.save()


# --- case files -----------------------------------------------------------------------------


STILL_VALID = (Certificate.Status.VALID, Certificate.Status.EXPIRED)  # within their dates


def valid_on(day) -> models.Q:
    """Certificates valid on `day`: within their dates, and not yet suspended or cancelled then
    (a certificate marked expired was valid until its last day)."""
    return models.Q(issued_on__lte=day, expires_on__gte=day) & (
        models.Q(status__in=STILL_VALID) | models.Q(status_since__gt=day)
    )


def was_valid(certificate: Certificate, day: date) -> bool:
    """`valid_on` for one certificate in hand."""
    if not certificate.issued_on <= day <= certificate.expires_on:
        return False
    since = certificate.status_since
    return certificate.status in STILL_VALID or (since is not None and day < since)


def _expired_on(officer: Officer, day: date) -> Certificate | None:
    """The officer's certificate that had run out by `day`, when no other was valid then."""
    certificates = list(officer.certificates.all())
    if any(was_valid(c, day) for c in certificates):
        return None
    expired = [c for c in certificates if c.expires_on < day]
    return max(expired, key=lambda c: c.expires_on, default=None)


@transaction.atomic
def case_file_save(*, user, instance=None, version=None, officers=(), **data) -> CaseFile:
    """A case file drawn for evaluation. An officer whose certificate had expired by the
    decision cannot be named; fewer than two officers with valid certificates (行政处罚法
    第42条) is recorded as a shortfall."""
    campaign = data["campaign"]
    not_in_future(data["decided_on"], "decided_on")
    if instance is not None and instance.score is not None:
        raise ValidationError(_("A scored case file is no longer edited."))
    rubric = next((r for r in campaign.rubrics.all() if r.kind == data["kind"]), None)
    if rubric is None:
        raise ValidationError({"kind": _("The evaluation has no rubric for this kind of power.")})
    if not officers:
        raise ValidationError({"officers": _("Name the officers who handled the case.")})
    day = data["decided_on"]
    for officer in officers:
        if officer.unit_id != data["organ"].unit_id:
            raise ValidationError(
                {
                    "officers": _("%(name)s is not an officer of this organ.")
                    % {"name": officer.name}
                }
            )
        expired = _expired_on(officer, day)
        if expired is not None:
            raise ValidationError(
                {
                    "officers": _(
                        "%(name)s's certificate %(number)s expired on %(day)s: an officer "
                        "without a valid certificate cannot be named on a case file."
                    )
                    % {"name": officer.name, "number": expired.number, "day": expired.expires_on}
                }
            )
    valid = Certificate.objects.filter(valid_on(day), officer__in=officers)
    data["certificate_shortfall"] = valid.values("officer").distinct().count() < 2
    data["rubric"] = rubric
    return save_record(
        CaseFile,
        instance=instance,
        version=version,
        user=user,
        fields=data,
        many={"officers": officers},
    )


def may_score(user, campaign: Campaign) -> bool:
    """The campaign's evaluators score its case files (any holder of the right when the
    campaign names no evaluators)."""
    if not user.has_perm("enforcement.score_casefile"):
        return False
    pool = campaign.evaluators.all()
    return user.is_superuser or not pool.exists() or pool.filter(pk=user.pk).exists()


@transaction.atomic
def case_file_score(
    *, case_file: CaseFile, version, scored_on: date, deductions: dict, user=None
) -> CaseFile:
    """Score a case file: `deductions` maps each rubric item to (points, reason); the score is
    the rubric's total less them, the grade from the campaign's scale. Scoring again replaces
    the earlier deductions (each change audited)."""
    stored = lock_for_edit(CaseFile, case_file.pk, version)
    not_in_future(scored_on, "scored_on")
    _not_before(
        scored_on,
        stored.campaign.started_on,
        "scored_on",
        _("A case file is scored once the evaluation started."),
    )
    if stored.submitted_onward:
        raise ValidationError(_("The case file was submitted onward: its score stays."))
    items = {i.pk: i for i in stored.rubric.items.exclude(parent=None)}
    errors = {}
    for item_id, (points, reason) in deductions.items():
        item = items.get(item_id)
        if item is None:
            raise ValidationError(_("An item is not part of the case file's rubric."))
        if points and points > item.points:
            errors[f"points_{item_id}"] = _("At most %(points)s points on this item.") % {
                "points": points_text(item.points)
            }
        if points and not reason.strip():
            errors[f"reason_{item_id}"] = _("Say why the points were deducted.")
    if errors:
        raise ValidationError(errors)
    kept = {d.item_id: d for d in stored.deductions.all()}
    for item_id, deduction in kept.items():
        points, reason = deductions.get(item_id, (None, ""))
        if not points:
            deduction.delete()  # one by one: each on the audit trail
        elif (deduction.points, deduction.reason) != (points, reason.strip()):
            deduction.points, deduction.reason, deduction.evaluator = points, reason.strip(), user
            deduction.save()
    for item_id, (points, reason) in deductions.items():
        if points and item_id not in kept:
            Deduction.objects.create(
                case_file=stored,
                item=items[item_id],
                points=points,
                reason=reason.strip(),
                evaluator=user,
            )
    total = sum((i.points for i in items.values()), Decimal(0))
    taken = sum((p for p, _r in deductions.values() if p), Decimal(0))
    stored.score = max(total - taken, Decimal(0))
    stored.grade, stored.grade_rank, stored.failing = grade_for(stored.score, stored.campaign)
    stored.scored_on = scored_on
    stored.save()
    return stored


@transaction.atomic
def case_file_submit(*, case_file: CaseFile, version, on: date, user=None) -> CaseFile:
    """An excellent case file sent on to the province's selection (优秀案卷)."""
    stored = lock_for_edit(CaseFile, case_file.pk, version)
    not_in_future(on, "on")
    if stored.score is None or stored.grade_rank != 0:
        raise ValidationError(
            _("Only a case file graded %(grade)s is submitted onward.")
            % {"grade": top_grade(stored.campaign)}
        )
    if stored.certificate_shortfall:
        raise ValidationError(
            _("The case file names fewer than two officers with valid certificates.")
        )
    _not_before(on, stored.scored_on, "on", _("A case file is submitted after it was scored."))
    stored.submitted_onward, stored.submitted_on = True, on
    stored.save()
    return stored


# --- problems and their rectification -------------------------------------------------------

RECTIFICATION_CLOCK = "enforcement.case_file_rectification"


def _tell_organ(problem: Problem, kind, title, user):
    unit = problem.case_file.organ.unit
    recipients = [
        u
        for u in users_with_perm_over("enforcement.rectify_problem", unit)
        if u != user and acts_for(u, unit)
    ]
    notify(recipients, kind=kind, title=title, url=problem.get_absolute_url())


def works_in(user, office) -> bool:
    """Whether `user` is of `office` or of one of its sections (the bureau's 执法监督科)."""
    return user.unit_id is not None and user.unit.path.startswith(office.path)


def _tell_office(problem: Problem, kind, title, user):
    """The evaluation's evaluators (or, when it names none, the office's staff who accept)."""
    campaign = problem.case_file.campaign
    pool = set(campaign.evaluators.values_list("pk", flat=True))
    recipients = [
        u
        for u in users_with_perm_over("enforcement.accept_problem", problem.case_file.organ.unit)
        if u != user
        and not u.is_superuser
        and works_in(u, campaign.unit)
        and (not pool or u.pk in pool)
    ]
    notify(recipients, kind=kind, title=title, url=problem.get_absolute_url())


def _short(text: str, length: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"


@transaction.atomic
def problem_save(*, user, instance=None, version=None, **data) -> Problem:
    """A problem found in a case file, rectified by the organ by `due_on` (a clock on the
    organ's 工作台); changing the day moves the clock."""
    case_file = data["case_file"]
    not_in_future(data["found_on"], "found_on")
    _not_before(
        data["found_on"],
        case_file.campaign.started_on,
        "found_on",
        _("A problem is found once the evaluation started."),
    )
    _not_before(
        data["due_on"],
        data["found_on"],
        "due_on",
        _("The rectification deadline is before the day it was found."),
    )
    if instance is not None and instance.status != Problem.Status.OPEN:
        raise ValidationError(_("A problem whose rectification was reported is no longer edited."))
    problem = save_record(Problem, instance=instance, version=version, user=user, fields=data)
    unit = problem.case_file.organ.unit
    clock = deadlines.clock_of(problem, RECTIFICATION_CLOCK)
    if clock is not None:
        clock.unit, clock.start_date = unit, problem.found_on
        deadlines.deadline_set_due(deadline=clock, due_on=problem.due_on, user=user)
        return problem
    deadlines.deadline_open(
        record=problem,
        rule_code=RECTIFICATION_CLOCK,
        start=problem.found_on,
        due_on=problem.due_on,
        unit=unit,
        label=f"案卷评查整改：{problem.case_file.case_number}",
        user=user,
    )
    _tell_organ(
        problem,
        Message.Kind.ASSIGNED,
        f"案卷评查发现问题，请于{problem.due_on:%Y-%m-%d}前整改："
        f"{problem.case_file.case_number}（{_short(problem.description, 30)}）",
        user,
    )
    return problem


@transaction.atomic
def problem_report(*, problem: Problem, version, on: date, rectification: str, user=None):
    stored = rectification_report(
        problem,
        version=version,
        on=on,
        rectification=rectification,
        clock=RECTIFICATION_CLOCK,
        user=user,
    )
    _tell_office(
        stored,
        Message.Kind.TO_REVIEW,
        f"案卷整改待验收：{stored.case_file.organ}（{stored.case_file.case_number}）",
        user,
    )
    return stored


@transaction.atomic
def problem_accept(*, problem: Problem, version, on: date, user=None) -> Problem:
    return rectification_accept(problem, version=version, on=on, user=user)


@transaction.atomic
def problem_return(*, problem: Problem, version, reason: str, user=None) -> Problem:
    """Not rectified enough: back to the organ, whose clock runs again."""
    stored = rectification_return(
        problem, version=version, reason=reason, clock=RECTIFICATION_CLOCK, user=user
    )
    _tell_organ(
        stored,
        Message.Kind.RETURNED,
        f"案卷整改被退回：{stored.case_file.case_number}（{_short(reason, 60)}）",
        user,
    )
    return stored


# --- statistics -----------------------------------------------------------------------------


@transaction.atomic
def return_save(*, user, instance=None, version=None, **data) -> EnforcementReturn:
    if data["year"] > today().year:
        raise ValidationError({"year": _("Statistics are returned for a year begun.")})
    return save_record(
        EnforcementReturn, instance=instance, version=version, user=user, fields=data
    )


@transaction.atomic
def caseload_record(*, officer: Officer, year: int, cases: int, user=None) -> Caseload:
    """An officer's cases of a year, replacing an earlier figure for that year."""
    if year > today().year:
        raise ValidationError({"year": _("Statistics are returned for a year begun.")})
    caseload, _created = Caseload.objects.update_or_create(
        officer=officer, year=year, defaults={"cases": cases}
    )
    return caseload


# --- the three systems ----------------------------------------------------------------------

SHORT_PUBLICATION = (PowerKind.LICENSING, PowerKind.PENALTY)
PUBLICATION_CLOCKS = ("enforcement.publication_short", "enforcement.publication")
WITHDRAWAL_CLOCK = "enforcement.withdrawal"


def publication_rule(kind: str) -> str:
    """7 working days for licences and penalties, 20 for other decisions (国办发〔2018〕118号)."""
    return PUBLICATION_CLOCKS[0] if kind in SHORT_PUBLICATION else PUBLICATION_CLOCKS[1]


@transaction.atomic
def review_list_save(*, user, instance=None, version=None, **data) -> ReviewListEntry:
    not_in_future(data["listed_on"], "listed_on")
    return save_record(ReviewListEntry, instance=instance, version=version, user=user, fields=data)


@transaction.atomic
def decision_save(*, user, instance=None, version=None, **data) -> Decision:
    """A decision with its publication clock (and its withdrawal clock once it is changed);
    the days entered complete them, so that the record says whether each was on time."""
    for field in ("decided_on", "published_on", "changed_on", "withdrawn_on", "reviewed_on"):
        not_in_future(data.get(field), field)
    _not_before(
        data.get("published_on"),
        data["decided_on"],
        "published_on",
        _("A decision is published on or after its day."),
    )
    _not_before(
        data.get("changed_on"),
        data["decided_on"],
        "changed_on",
        _("A decision is changed after it was taken."),
    )
    if data.get("withdrawn_on") and not data.get("changed_on"):
        raise ValidationError({"changed_on": _("Say when the decision was changed or revoked.")})
    if data.get("withdrawn_on") and not data.get("published_on"):
        raise ValidationError({"published_on": _("Only a published decision is withdrawn.")})
    _not_before(
        data.get("withdrawn_on"),
        data.get("changed_on"),
        "withdrawn_on",
        _("The publication is withdrawn after the decision was changed."),
    )
    if data.get("review_ground") and not data.get("reviewer") and data.get("reviewed_on"):
        raise ValidationError({"reviewer": _("Name who reviewed the decision.")})
    if not data.get("review_ground"):
        data.update(
            reviewed_on=None, reviewer="", reviewer_first_time=False, reviewer_qualified=False
        )
    decision = save_record(Decision, instance=instance, version=version, user=user, fields=data)
    publish = _keep_clock(
        decision, publication_rule(decision.kind), decision.decided_on, decision.published_on, user
    )
    for stale in (
        deadlines.deadlines_for(decision)
        .filter(rule__code__in=PUBLICATION_CLOCKS)
        .exclude(rule__code=publication_rule(decision.kind))
    ):
        stale.delete()  # the kind changed: the other publication rule applies
    # 行政处罚法 第48条: a published penalty decision changed or revoked is withdrawn
    withdrawable = decision.kind == PowerKind.PENALTY and decision.published_on is not None
    withdraw = _keep_clock(
        decision,
        WITHDRAWAL_CLOCK,
        decision.changed_on if withdrawable else None,
        decision.withdrawn_on,
        user,
    )
    due = (publish.due_date if publish else None, withdraw.due_date if withdraw else None)
    if (decision.publish_due, decision.withdraw_due) != due:
        decision.publish_due, decision.withdraw_due = due
        Decision.objects.filter(pk=decision.pk).update(publish_due=due[0], withdraw_due=due[1])
    return decision


def _keep_clock(decision: Decision, code: str, start, end, user):
    """The decision's clock `code` started on `start` and, when `end` is known, completed then.
    A clock whose start went away is removed; a start before the rule was in force has none."""
    clock = deadlines.clock_of(decision, code)
    if start is None:
        if clock is not None:
            clock.delete()
        return None
    if clock is not None and clock.start_date != start:
        clock.delete()
        clock = None
    if clock is None:
        try:
            clock = deadlines.deadline_open(
                record=decision,
                rule_code=code,
                start=start,
                unit=decision.organ.unit,
                label=f"{decision.number}",
                user=user,
            )
        except RuleNotFound:
            return None  # e.g. a penalty changed before 2021-07-15: no statutory withdrawal limit
    if end is None:
        if clock.completed_on is not None:
            deadlines.deadline_reopen(deadline=clock, user=user)
    elif clock.completed_on != end:
        if clock.completed_on is not None:
            deadlines.deadline_reopen(deadline=clock, user=user)
        deadlines.deadline_complete(deadline=clock, on=end, user=user)
    return clock


# --- supervision complaints -----------------------------------------------------------------

ACCEPTANCE_CLOCK = "enforcement.complaint_acceptance"
HANDLING_CLOCK = "enforcement.complaint_handling"


@transaction.atomic
def complaint_save(*, user, instance=None, version=None, **data) -> Complaint:
    not_in_future(data["received_on"], "received_on")
    if instance is not None and instance.status != Complaint.Status.RECEIVED:
        _not_before(
            instance.accepted_on or instance.concluded_on,
            data["received_on"],
            "received_on",
            _("The complaint was received before it was accepted or concluded."),
        )
    complaint = save_record(Complaint, instance=instance, version=version, user=user, fields=data)
    clock = deadlines.clock_of(complaint, ACCEPTANCE_CLOCK)
    if clock is not None and clock.start_date != complaint.received_on:
        clock = deadlines.deadline_restart(deadline=clock, start=complaint.received_on, user=user)
    elif clock is None:
        clock = deadlines.deadline_open(
            record=complaint,
            rule_code=ACCEPTANCE_CLOCK,
            start=complaint.received_on,
            unit=complaint.unit,
            label=f"投诉受理：{_short(complaint.subject, 30)}",
            user=user,
        )
    if complaint.accept_due != clock.due_date:
        complaint.accept_due = clock.due_date
        Complaint.objects.filter(pk=complaint.pk).update(accept_due=clock.due_date)
    return complaint


@transaction.atomic
def complaint_accept(*, complaint: Complaint, version, on: date, user=None) -> Complaint:
    stored = lock_for_edit(Complaint, complaint.pk, version)
    if stored.status != Complaint.Status.RECEIVED:
        raise ValidationError(_("Only a complaint just received is accepted."))
    not_in_future(on, "on")
    _not_before(on, stored.received_on, "on", _("A complaint is accepted after it was received."))
    stored.status, stored.accepted_on = Complaint.Status.ACCEPTED, on
    deadlines.clocks_complete(stored, on=on, user=user, codes=[ACCEPTANCE_CLOCK])
    clock = deadlines.deadline_open(
        record=stored,
        rule_code=HANDLING_CLOCK,
        start=on,
        unit=stored.unit,
        label=f"投诉办结：{_short(stored.subject, 30)}",
        user=user,
    )
    stored.handle_due = clock.due_date
    stored.save()
    return stored


@transaction.atomic
def complaint_reject(*, complaint: Complaint, version, on: date, reason: str, user=None):
    """Not accepted (不予受理): the complaint ends with the reason, to be told the complainant."""
    stored = lock_for_edit(Complaint, complaint.pk, version)
    if stored.status != Complaint.Status.RECEIVED:
        raise ValidationError(_("Only a complaint just received is refused."))
    not_in_future(on, "on")
    _not_before(on, stored.received_on, "on", _("A complaint is refused after it was received."))
    stored.status, stored.concluded_on = Complaint.Status.CONCLUDED, on
    stored.outcome, stored.outcome_text = Complaint.Outcome.NOT_ACCEPTED, reason
    stored.save()
    deadlines.clocks_complete(stored, on=on, user=user, codes=[ACCEPTANCE_CLOCK])
    return stored


@transaction.atomic
def complaint_extend(
    *, complaint: Complaint, version, days: int, reason: str, approved_by: str, on: date, user=None
):
    """More time to handle a complex complaint, approved by the bureau's head (within the
    maximum of the rule table's row)."""
    stored = lock_for_edit(Complaint, complaint.pk, version)
    clock = deadlines.clock_of(stored, HANDLING_CLOCK, running=True)
    if stored.status != Complaint.Status.ACCEPTED or clock is None:
        raise ValidationError(_("Only a complaint being handled is extended."))
    not_in_future(on, "on")
    clock = deadlines.deadline_extend(
        deadline=clock, days=days, reason=reason, approved_by=approved_by, approved_on=on, user=user
    )
    stored.handle_due = clock.due_date
    stored.save()
    return stored


@transaction.atomic
def complaint_conclude(
    *, complaint: Complaint, version, on: date, outcome: str, outcome_text: str, user=None
) -> Complaint:
    stored = lock_for_edit(Complaint, complaint.pk, version)
    if stored.status != Complaint.Status.ACCEPTED:
        raise ValidationError(_("Only an accepted complaint is concluded."))
    if outcome == Complaint.Outcome.NOT_ACCEPTED:
        raise ValidationError({"outcome": _("An accepted complaint ends with what was done.")})
    not_in_future(on, "on")
    _not_before(on, stored.accepted_on, "on", _("A complaint is concluded after it was accepted."))
    stored.status, stored.concluded_on = Complaint.Status.CONCLUDED, on
    stored.outcome, stored.outcome_text = outcome, outcome_text
    stored.save()
    deadlines.clocks_complete(stored, on=on, user=user, codes=[HANDLING_CLOCK])
    return stored


def rectify_by(campaign: Campaign, found_on: date) -> date:
    """The deadline the evaluation gives by default: `rectify_days` after the finding."""
    return found_on + timedelta(days=campaign.rectify_days)
