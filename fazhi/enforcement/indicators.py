"""The enforcement figures (first part). A renewed certificate counts in the period of its
renewal; an exam's candidates in the period the exam was held; valid certificates on the
period's last day."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from fazhi.enforcement import models as m
from fazhi.enforcement.services import valid_on
from fazhi.indicators.registry import Indicator, register, within

MODULE = "enforcement"


register(
    Indicator(
        key="enforcement.certificates_renewed",
        label=_("Certificates renewed"),
        definition=_(
            "Enforcement certificates renewed (换领) in renewals carried out within the period, one per officer."
        ),
        measure="名",
        module=MODULE,
        model=m.Certificate,
        where=lambda p: within("renewal__renewed_on", p),
        order=10,
    ),
    Indicator(
        key="enforcement.valid_certificates",
        label=_("Officers with a valid certificate"),
        definition=_(
            "Certificates valid on the period's last day (not suspended, cancelled or expired)."
        ),
        measure="名",
        module=MODULE,
        model=m.Certificate,
        where=lambda p: valid_on(p.end),
        order=20,
    ),
    Indicator(
        key="enforcement.certificates_expiring",
        label=_("Certificates expiring"),
        definition=_("Certificates whose validity ends within the period."),
        measure="件",
        module=MODULE,
        model=m.Certificate,
        where=lambda p: within("expires_on", p),
        order=21,
    ),
    Indicator(
        key="enforcement.exam_takers",
        label=_("Officers who sat the law exam"),
        definition=_("Officers who sat a law exam held within the period."),
        measure="名",
        module=MODULE,
        model=m.ExamCandidate,
        where=lambda p: within("sitting__held_on", p),
        order=30,
    ),
    Indicator(
        key="enforcement.exam_passed",
        label=_("Officers who passed the law exam"),
        definition=_("Of those, officers who reached the exam's pass line."),
        measure="名",
        module=MODULE,
        model=m.ExamCandidate,
        where=lambda p: within("sitting__held_on", p) & Q(passed=True),
        order=31,
    ),
    Indicator(
        key="enforcement.exam_pass_rate",
        label=_("Law exam pass rate"),
        definition=_("Officers who passed ÷ officers who sat the law exam, in per cent."),
        measure="%",
        module=MODULE,
        numerator="enforcement.exam_passed",
        denominator="enforcement.exam_takers",
        order=32,
    ),
)
