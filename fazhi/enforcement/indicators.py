"""The enforcement figures. A renewed certificate counts in the period of its
renewal; an exam's candidates in the period the exam was held; valid certificates on the
period's last day."""

from django.db.models import F, Q
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


def _evaluated(p):
    """Case files scored in an evaluation that started within the period."""
    return within("campaign__started_on", p) & Q(score__isnull=False)


register(
    Indicator(
        key="enforcement.certificates_reviewed",
        label=_("Certificates reviewed"),
        definition=_("Annual reviews (年审) of certificates carried out within the period."),
        measure="件",
        module=MODULE,
        model=m.CertificateReview,
        where=lambda p: within("reviewed_on", p),
        order=25,
    ),
    Indicator(
        key="enforcement.case_files_evaluated",
        label=_("Case files evaluated"),
        definition=_("Case files scored in case-file evaluations that started within the period."),
        measure="件",
        module=MODULE,
        model=m.CaseFile,
        where=_evaluated,
        order=40,
    ),
    Indicator(
        key="enforcement.case_files_score_total",
        label=_("Scores of the case files evaluated"),
        definition=_("The sum of their scores (for the average)."),
        measure="分",
        module=MODULE,
        model=m.CaseFile,
        where=_evaluated,
        sum_field="score",
        order=41,
    ),
    Indicator(
        key="enforcement.case_files_average_score",
        label=_("Average score of case files"),
        definition=_("Sum of the scores ÷ case files evaluated."),
        measure="分",
        module=MODULE,
        numerator="enforcement.case_files_score_total",
        denominator="enforcement.case_files_evaluated",
        scale=1,
        order=42,
    ),
    Indicator(
        key="enforcement.case_files_top_grade",
        label=_("Case files in the highest grade"),
        definition=_(
            "Of those evaluated, case files in their evaluation's highest grade (e.g. 优秀)."
        ),
        measure="件",
        module=MODULE,
        model=m.CaseFile,
        where=lambda p: _evaluated(p) & Q(grade_rank=0),
        order=43,
        group="enforcement.case_files.grade",
    ),
    Indicator(
        key="enforcement.case_files_middle_grades",
        label=_("Case files in the grades between"),
        definition=_(
            "Of those evaluated, case files neither in the highest nor in the lowest grade (e.g. 合格)."
        ),
        measure="件",
        module=MODULE,
        model=m.CaseFile,
        where=lambda p: _evaluated(p) & Q(grade_rank__gt=0, failing=False),
        order=44,
        group="enforcement.case_files.grade",
    ),
    Indicator(
        key="enforcement.case_files_failing",
        label=_("Case files in the lowest grade"),
        definition=_(
            "Of those evaluated, case files in their evaluation's lowest grade (e.g. 不合格)."
        ),
        measure="件",
        module=MODULE,
        model=m.CaseFile,
        where=lambda p: _evaluated(p) & Q(failing=True),
        order=45,
        group="enforcement.case_files.grade",
    ),
    Indicator(
        key="enforcement.case_files_short_of_officers",
        label=_("Case files short of certified officers"),
        definition=_(
            "Of those evaluated, case files naming fewer than two officers with valid certificates (行政处罚法 第42条)."
        ),
        measure="件",
        module=MODULE,
        model=m.CaseFile,
        where=lambda p: _evaluated(p) & Q(certificate_shortfall=True),
        order=46,
    ),
    Indicator(
        key="enforcement.excellent_case_files",
        label=_("Excellent case files submitted"),
        definition=_(
            "Case files submitted within the period to the province's selection of excellent case files."
        ),
        measure="件",
        module=MODULE,
        model=m.CaseFile,
        where=lambda p: within("submitted_on", p) & Q(submitted_onward=True),
        order=47,
    ),
    Indicator(
        key="enforcement.problems_found",
        label=_("Case-file problems found"),
        definition=_("Problems the evaluations found in case files within the period."),
        measure="个",
        module=MODULE,
        model=m.Problem,
        where=lambda p: within("found_on", p),
        order=50,
    ),
    Indicator(
        key="enforcement.problems_rectified",
        label=_("Case-file problems rectified"),
        definition=_("Of those, problems whose rectification was accepted by the period's end."),
        measure="个",
        module=MODULE,
        model=m.Problem,
        where=lambda p: (
            within("found_on", p) & Q(status=m.Problem.Status.ACCEPTED, accepted_on__lte=p.end)
        ),
        order=51,
    ),
    Indicator(
        key="enforcement.rectification_rate",
        label=_("Case-file rectification rate"),
        definition=_("Problems rectified ÷ problems found, in per cent."),
        measure="%",
        module=MODULE,
        numerator="enforcement.problems_rectified",
        denominator="enforcement.problems_found",
        order=52,
    ),
    Indicator(
        key="enforcement.zero_enforcement_officers",
        label=_("Officers who handled no case"),
        definition=_(
            "Officers whose organ returned no case handled by them in a year within the period (零执法)."
        ),
        measure="名",
        module=MODULE,
        model=m.Caseload,
        where=lambda p: Q(year__gte=p.start.year, year__lte=p.end.year, cases=0),
        distinct="officer",
        order=60,
    ),
)


def _returned(p):
    return Q(year__gte=p.start.year, year__lte=p.end.year)


CASE_KINDS = [
    (
        "penalty_cases",
        _("Penalty cases"),
        _("Administrative penalty cases in the organs' statistics of the years within the period."),
        "件",
    ),
    (
        "compulsion_cases",
        _("Compulsory measures"),
        _("Compulsory measures in the organs' statistics of the years within the period."),
        "件",
    ),
    (
        "inspections",
        _("Administrative inspections"),
        _("Inspections in the organs' statistics of the years within the period."),
        "次",
    ),
    (
        "licensing_cases",
        _("Licences decided"),
        _("Licensing decisions in the organs' statistics of the years within the period."),
        "件",
    ),
    (
        "other_cases",
        _("Other enforcement actions"),
        _("Other enforcement actions in the organs' statistics of the years within the period."),
        "件",
    ),
]
for n, (field, label, definition, measure) in enumerate(CASE_KINDS):
    register(
        Indicator(
            key=f"enforcement.{field}",
            label=label,
            definition=definition,
            measure=measure,
            module=MODULE,
            model=m.EnforcementReturn,
            where=_returned,
            sum_field=field,
            order=70 + n,
            group="enforcement.cases.kind",
        )
    )
register(
    Indicator(
        key="enforcement.penalty_amount",
        label=_("Fines and confiscations"),
        definition=_(
            "Fines and confiscated money in the organs' statistics of the years within the period, in yuan."
        ),
        measure="元",
        module=MODULE,
        model=m.EnforcementReturn,
        where=_returned,
        sum_field="penalty_amount",
        order=76,
    ),
    Indicator(
        key="enforcement.decisions",
        label=_("Enforcement decisions to publish"),
        definition=_("Enforcement decisions taken within the period (each one to be published)."),
        measure="件",
        module=MODULE,
        model=m.Decision,
        where=lambda p: within("decided_on", p),
        order=80,
    ),
    Indicator(
        key="enforcement.decisions_published_in_time",
        label=_("Decisions published in time"),
        definition=_(
            "Of those, decisions published within their time limit: 7 working days for licences and penalties, 20 for the rest (国办发〔2018〕118号)."
        ),
        measure="件",
        module=MODULE,
        model=m.Decision,
        where=lambda p: (
            within("decided_on", p)
            & Q(published_on__isnull=False, published_on__lte=F("publish_due"))
        ),
        order=81,
    ),
    Indicator(
        key="enforcement.publication_rate",
        label=_("Decisions published in time, rate"),
        definition=_("Decisions published in time ÷ decisions taken, in per cent."),
        measure="%",
        module=MODULE,
        numerator="enforcement.decisions_published_in_time",
        denominator="enforcement.decisions",
        order=82,
    ),
    Indicator(
        key="enforcement.withdrawals_due",
        label=_("Publications to withdraw"),
        definition=_(
            "Published penalty decisions changed, revoked or found unlawful within the period since 行政处罚法 第48条 (2021-07-15) asks their withdrawal within 3 working days."
        ),
        measure="件",
        module=MODULE,
        model=m.Decision,
        where=lambda p: within("changed_on", p) & Q(withdraw_due__isnull=False),
        order=83,
    ),
    Indicator(
        key="enforcement.withdrawals_in_time",
        label=_("Publications withdrawn in time"),
        definition=_("Of those, publications withdrawn within the 3 working days."),
        measure="件",
        module=MODULE,
        model=m.Decision,
        where=lambda p: (
            within("changed_on", p)
            & Q(withdraw_due__isnull=False, withdrawn_on__lte=F("withdraw_due"))
        ),
        order=84,
    ),
    Indicator(
        key="enforcement.reviews_required",
        label=_("Decisions requiring legality review"),
        definition=_(
            "Decisions taken within the period in one of the cases of 行政处罚法 第58条 (or another law's) that must be reviewed for legality before they are taken."
        ),
        measure="件",
        module=MODULE,
        model=m.Decision,
        where=lambda p: within("decided_on", p) & ~Q(review_ground=""),
        order=85,
    ),
    Indicator(
        key="enforcement.reviews_before_decision",
        label=_("Legality reviews before the decision"),
        definition=_(
            "Of those, decisions reviewed no later than the day they were taken, by a reviewer who, reviewing for the first time, holds the legal professional qualification."
        ),
        measure="件",
        module=MODULE,
        model=m.Decision,
        where=lambda p: (
            within("decided_on", p)
            & ~Q(review_ground="")
            & Q(reviewed_on__isnull=False, reviewed_on__lte=F("decided_on"))
            & ~Q(reviewer_first_time=True, reviewer_qualified=False)
        ),
        order=86,
    ),
    Indicator(
        key="enforcement.complaints",
        label=_("Supervision complaints received"),
        definition=_("Complaints and reports about enforcement received within the period."),
        measure="件",
        module=MODULE,
        model=m.Complaint,
        where=lambda p: within("received_on", p),
        order=90,
    ),
    Indicator(
        key="enforcement.complaints_in_time",
        label=_("Complaints handled in time"),
        definition=_(
            "Of those, complaints decided on within the acceptance limit and, when accepted, concluded within the handling limit (extensions included), by the period's end."
        ),
        measure="件",
        module=MODULE,
        model=m.Complaint,
        where=lambda p: (
            within("received_on", p)
            & Q(status=m.Complaint.Status.CONCLUDED, concluded_on__lte=p.end)
            & (
                Q(accepted_on__isnull=True, concluded_on__lte=F("accept_due"))
                | Q(accepted_on__lte=F("accept_due"), concluded_on__lte=F("handle_due"))
            )
        ),
        order=91,
    ),
)
