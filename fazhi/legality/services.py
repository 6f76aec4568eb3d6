"""Writes of legality review and filing: submit, review, conclude; register a filing."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from fazhi.core.numbering import take_document_number
from fazhi.core.services import (
    StaleEdit,  # noqa: F401 - for callers (services.StaleEdit)
    lock_for_edit,
    not_in_future,
)
from fazhi.inbox.models import Message
from fazhi.inbox.services import notify, users_with_perm_over
from fazhi.legality.models import (
    ATTACHMENT_MAX_BYTES,
    Attachment,
    Filing,
    LegalAdvisor,
    OpinionItem,
    ReviewRequest,
)
from fazhi.timelimits import services as deadlines
from fazhi.timelimits.calendar import get_calendar
from fazhi.timelimits.engine import YearNotLoaded, due_date
from fazhi.timelimits.selectors import RuleNotFound, rule_for

LETTER_KEY = "legality.opinion_letter"
# Filing within 30 days of publication; kinds without a rule of their own use the same one.
FILING_RULE = "filing.normative_document"
OPEN = (ReviewRequest.Status.RECEIVED, ReviewRequest.Status.IN_REVIEW)


# Who reviews a request: a department's submission is announced to them.
REVIEWER_PERM = "legality.change_reviewrequest"


def review_clock_rule(kind: str, received_on: date):
    """The time-limit rule of a request of this kind received that day, or None: some kinds
    have no statutory period, and a rule may not yet have been in force (the regulation on
    major decisions applies from 1 September 2019)."""
    rule_code = ReviewRequest.RULES.get(kind)
    if not rule_code:
        return None
    try:
        return rule_for(rule_code, received_on)
    except RuleNotFound:
        return None


@transaction.atomic
def request_submit(
    *, kind: str, submitting_unit, title: str, received_on: date, files=(), user=None
) -> ReviewRequest:
    """A department's request for review, with its files; kinds with a statutory period get
    their clock."""
    request = ReviewRequest(
        kind=kind,
        submitting_unit=submitting_unit,
        title=title,
        received_on=received_on,
        created_by=user,
    )
    not_in_future(received_on, "received_on")
    request.full_clean()
    request.save()
    rule = review_clock_rule(kind, received_on)
    if rule is not None:
        deadlines.deadline_open(
            record=request, rule_code=rule.code, start=received_on, unit=submitting_unit, user=user
        )
    for upload in files:
        attachment_add(request=request, upload=upload, user=user)
    reviewers = [u for u in users_with_perm_over(REVIEWER_PERM, submitting_unit) if u != user]
    notify(
        reviewers,
        kind=Message.Kind.TO_REVIEW,
        title=f"待审查：{title}（{submitting_unit.name}）",
        url=request.get_absolute_url(),
    )
    return request


@transaction.atomic
def request_record(
    *,
    kind: str,
    submitting_unit,
    title: str,
    received_on: date,
    status: str = ReviewRequest.Status.RECEIVED,
    concluded_on: date | None = None,
    letter_number: str = "",
    signed_opinion: str = "",
    user=None,
) -> ReviewRequest:
    """A request as a ledger records it (an Excel import of past work): submitted, then in
    review or concluded as its status says, with the letter number or signed opinion it got
    (no number is taken: the letter carries its own) and its clock completed on the day."""
    request = request_submit(
        kind=kind,
        submitting_unit=submitting_unit,
        title=title,
        received_on=received_on,
        user=user,
    )
    if status == ReviewRequest.Status.IN_REVIEW:
        request.status = status
        request.save()
    elif status != ReviewRequest.Status.RECEIVED:
        request.letter_number, request.signed_opinion = letter_number, signed_opinion
        request = _conclude(request, status, concluded_on, user)
    return request


def attachment_add(*, request: ReviewRequest, upload, user=None) -> Attachment:
    if upload.size > ATTACHMENT_MAX_BYTES:
        raise ValidationError(
            {"files": _("%(name)s is larger than 20 MB.") % {"name": upload.name}}
        )
    attachment = Attachment(request=request, file=upload, name=upload.name[:200], uploaded_by=user)
    try:
        attachment.full_clean()
    except ValidationError as error:
        raise ValidationError({"files": [f"{upload.name}：{m}" for m in error.messages]}) from None
    attachment.save()
    return attachment


@transaction.atomic
def request_update(*, request: ReviewRequest, version, title: str, files=(), user=None):
    """Correct the title or add files. The kind and the received date start the clock, so
    they are not edited: withdraw and submit again."""
    stored = lock_for_edit(ReviewRequest, request.pk, version)
    stored.title = title
    stored.full_clean()
    stored.save()
    for upload in files:
        attachment_add(request=stored, upload=upload, user=user)
    return stored


def _conclude(stored: ReviewRequest, status: str, on: date, user) -> ReviewRequest:
    if on is None:
        raise ValidationError({"on": _("Give the date.")})
    not_in_future(on, "on")
    if stored.status not in OPEN:
        raise ValidationError(_("This request is no longer open."))
    if on < stored.received_on:
        raise ValidationError(_("The review cannot end before the request was received."))
    stored.status = status
    stored.concluded_on = on
    stored.full_clean()
    stored.save()
    deadlines.clocks_complete(stored, on=on, user=user)
    return stored


@transaction.atomic
def request_start_review(*, request: ReviewRequest, version, reviewers=(), user=None):
    stored = lock_for_edit(ReviewRequest, request.pk, version)
    if stored.status != ReviewRequest.Status.RECEIVED:
        raise ValidationError(_("Only a request just received can go into review."))
    stored.status = ReviewRequest.Status.IN_REVIEW
    stored.save()
    if reviewers:
        stored.reviewers.set(reviewers)
    return stored


@transaction.atomic
def request_issue_opinion(
    *,
    request: ReviewRequest,
    version,
    on: date,
    reviewing_unit,
    items: list[dict],
    signed_opinion: str = "",
    with_letter: bool = True,
    user=None,
) -> ReviewRequest:
    """Conclude the review with its opinion items: a numbered opinion letter (from the
    reviewing unit's numbering rule), or, for a meeting agenda item, a signed opinion."""
    stored = lock_for_edit(ReviewRequest, request.pk, version)
    if stored.status not in OPEN:
        raise ValidationError(_("This request is no longer open."))
    if with_letter:
        stored.letter_number = str(
            take_document_number(unit=reviewing_unit, key=LETTER_KEY, year=on.year, taken=_taken)
        )
    elif not signed_opinion.strip():
        raise ValidationError({"signed_opinion": _("Write the opinion that was signed.")})
    stored.signed_opinion = signed_opinion
    stored = _conclude(stored, ReviewRequest.Status.OPINION_ISSUED, on, user)
    for values in items:
        item = OpinionItem(request=stored, **values)
        item.full_clean()
        item.save()
    return stored


def _taken(number: str) -> bool:
    """A letter number already carried by a letter (one brought in from an Excel ledger, say):
    the letter series skips it."""
    return ReviewRequest.objects.filter(letter_number=number).exists()


@transaction.atomic
def items_record_adoption(
    *, request: ReviewRequest, version, adoption: dict[int, str], user=None
) -> ReviewRequest:
    """Whether the submitting unit took each opinion (`adoption`: item pk → choice)."""
    stored = lock_for_edit(ReviewRequest, request.pk, version)
    if stored.status != ReviewRequest.Status.OPINION_ISSUED:
        raise ValidationError(_("Adoption is recorded once the opinion has been issued."))
    stored.save()  # the raised version: another editor's form is now stale
    for item in stored.items.filter(pk__in=adoption):
        if item.adoption != adoption[item.pk]:
            item.adoption = adoption[item.pk]
            item.full_clean()
            item.save()
    return stored


@transaction.atomic
def request_return(*, request: ReviewRequest, version, on: date, user=None) -> ReviewRequest:
    returned = _conclude(
        lock_for_edit(ReviewRequest, request.pk, version), ReviewRequest.Status.RETURNED, on, user
    )
    # Its liaison: who submitted it, and the submitting unit's own staff who follow it.
    unit = returned.submitting_unit
    followers = [
        u for u in users_with_perm_over("legality.view_reviewrequest", unit) if u.unit_id == unit.pk
    ]
    if returned.created_by is not None:
        followers.append(returned.created_by)
    notify(
        [u for u in followers if u != user],
        kind=Message.Kind.RETURNED,
        title=f"已退回补充材料：{returned.title}",
        url=returned.get_absolute_url(),
    )
    return returned


@transaction.atomic
def request_withdraw(*, request: ReviewRequest, version, on: date, user=None) -> ReviewRequest:
    return _conclude(
        lock_for_edit(ReviewRequest, request.pk, version), ReviewRequest.Status.WITHDRAWN, on, user
    )


def filing_due(published_on: date) -> date:
    """The last day to file a document published on `published_on`."""
    rule = rule_for(FILING_RULE, published_on)
    try:
        return due_date(get_calendar(), published_on, rule.amount, rule.unit).due
    except YearNotLoaded as error:
        raise ValidationError(str(error)) from None


@transaction.atomic
def filing_register(
    *,
    kind: str,
    filing_unit,
    title: str,
    published_on: date,
    filed_on: date,
    document_number: str = "",
    result: str = Filing.Result.PENDING,
    reviewed_on: date | None = None,
    user=None,
) -> Filing:
    """A document filed for review; its due date comes from the filing rule (30 days from
    publication by default), so a late filing shows as late."""
    not_in_future(published_on, "published_on")
    not_in_future(filed_on, "filed_on")
    not_in_future(reviewed_on, "reviewed_on")
    filing = Filing(
        kind=kind,
        filing_unit=filing_unit,
        title=title,
        document_number=document_number,
        published_on=published_on,
        filed_on=filed_on,
        due_on=filing_due(published_on),
        result=result,
        reviewed_on=reviewed_on,
        created_by=user,
    )
    filing.full_clean()
    filing.save()
    return filing


@transaction.atomic
def filing_review(*, filing: Filing, version, result: str, on: date, user=None) -> Filing:
    """Record the review result (予以备案、责令纠正、不予备案)."""
    stored = lock_for_edit(Filing, filing.pk, version)
    if result == Filing.Result.PENDING:
        raise ValidationError({"result": _("Choose the result of the review.")})
    if on is None or on < stored.filed_on:
        raise ValidationError({"on": _("The review result is given on or after the filing day.")})
    not_in_future(on, "on")
    stored.result, stored.reviewed_on = result, on
    stored.full_clean()
    stored.save()
    return stored


@transaction.atomic
def filing_update(*, filing: Filing, version, **fields) -> Filing:
    """Correct a filing's particulars; the due date follows the publication date."""
    stored = lock_for_edit(Filing, filing.pk, version)
    for name, value in fields.items():
        setattr(stored, name, value)
    not_in_future(stored.published_on, "published_on")
    not_in_future(stored.filed_on, "filed_on")
    stored.due_on = filing_due(stored.published_on)
    stored.full_clean()
    stored.save()
    return stored


@transaction.atomic
def advisor_create(*, user=None, **fields) -> LegalAdvisor:
    advisor = LegalAdvisor(created_by=user, **fields)
    advisor.full_clean()
    advisor.save()
    return advisor


@transaction.atomic
def advisor_update(*, advisor: LegalAdvisor, version, **fields) -> LegalAdvisor:
    stored = lock_for_edit(LegalAdvisor, advisor.pk, version)
    for name, value in fields.items():
        setattr(stored, name, value)
    stored.full_clean()
    stored.save()
    return stored
