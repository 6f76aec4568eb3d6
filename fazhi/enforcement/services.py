"""Writes of the enforcement ledger (first part): organs, officers, certificates, renewals and
law exams; each one transaction, version-checked when editing, audited."""

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from fazhi.core.registers import save_record
from fazhi.core.services import not_in_future
from fazhi.enforcement.models import (
    Certificate,
    ExamCandidate,
    ExamSitting,
    Officer,
    Organ,
    RenewalBatch,
)


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


def valid_on(day) -> models.Q:
    """Certificates valid on `day`."""
    return models.Q(status=Certificate.Status.VALID, issued_on__lte=day, expires_on__gte=day)
