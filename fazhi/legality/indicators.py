"""The figures of legality review and filing. A review counts in the period in which its opinion
was issued (concluded_on); a filing counts in the period in which it was filed."""

from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from fazhi.indicators.registry import Indicator, register
from fazhi.legality.models import Filing, OpinionItem, ReviewRequest

MODULE = "legality"
ISSUED = ReviewRequest.Status.OPINION_ISSUED
K = ReviewRequest.Kind


def issued_in(period, prefix="") -> Q:
    return Q(
        **{
            f"{prefix}status": ISSUED,
            f"{prefix}concluded_on__gte": period.start,
            f"{prefix}concluded_on__lte": period.end,
        }
    )


def filed_in(period) -> Q:
    return Q(filed_on__gte=period.start, filed_on__lte=period.end)


def _reviews(key, kind, label, definition, order, trend=False):
    return Indicator(
        key=key,
        label=label,
        definition=definition,
        measure="件",
        module=MODULE,
        model=ReviewRequest,
        where=lambda p: issued_in(p) & Q(kind=kind),
        order=order,
        trend=trend,
    )


register(
    _reviews(
        "legality.reviews.meeting_topics",
        K.MEETING_TOPIC,
        _("Executive-meeting agenda items reviewed"),
        _(
            "Agenda items of the government's executive meeting whose legality opinion was signed within the period."
        ),
        10,
    ),
    _reviews(
        "legality.reviews.contracts",
        K.CONTRACT,
        _("Major economic contracts reviewed"),
        _("Major economic contracts whose review ended with an opinion within the period."),
        20,
    ),
    _reviews(
        "legality.reviews.normative_documents",
        K.NORMATIVE_DOCUMENT,
        _("Normative documents reviewed"),
        _("Normative documents whose legality review ended with an opinion within the period."),
        30,
        trend=True,
    ),
    Indicator(
        key="legality.opinion_letters",
        label=_("Legality review opinion letters issued"),
        definition=_(
            "Numbered legality review opinion letters (合法性审查意见书) issued within the period."
        ),
        measure="份",
        module=MODULE,
        model=ReviewRequest,
        where=lambda p: issued_in(p) & ~Q(letter_number=""),
        order=40,
        trend=True,
    ),
    Indicator(
        key="legality.opinions",
        label=_("Legal opinions and suggestions given"),
        definition=_("Opinion items of the reviews whose opinion was issued within the period."),
        measure="条",
        module=MODULE,
        model=OpinionItem,
        where=lambda p: issued_in(p, "request__"),
        order=50,
    ),
    Indicator(
        key="legality.opinions_adopted",
        label=_("Legal opinions adopted"),
        definition=_(
            "Opinion items counted above that the submitting unit adopted in full or in part."
        ),
        measure="条",
        module=MODULE,
        model=OpinionItem,
        where=lambda p: (
            issued_in(p, "request__")
            & Q(adoption__in=[OpinionItem.Adoption.ADOPTED, OpinionItem.Adoption.PARTLY])
        ),
        order=60,
    ),
    Indicator(
        key="legality.opinion_adoption_rate",
        label=_("Adoption rate of legal opinions"),
        definition=_("Legal opinions adopted ÷ legal opinions given × 100."),
        measure="%",
        module=MODULE,
        numerator="legality.opinions_adopted",
        denominator="legality.opinions",
        order=70,
    ),
    Indicator(
        key="legality.filings.normative_documents",
        label=_("Normative documents filed"),
        definition=_("Normative documents filed for review within the period."),
        measure="件",
        module=MODULE,
        model=Filing,
        where=lambda p: filed_in(p) & Q(kind=Filing.Kind.NORMATIVE_DOCUMENT),
        order=80,
    ),
    Indicator(
        key="legality.filings.penalty_compulsory",
        label=_("Major penalties and compulsory measures filed"),
        definition=_(
            "Major administrative penalties and administrative compulsory measures filed within the period."
        ),
        measure="件",
        module=MODULE,
        model=Filing,
        where=lambda p: (
            filed_in(p) & Q(kind__in=[Filing.Kind.MAJOR_PENALTY, Filing.Kind.COMPULSORY])
        ),
        order=90,
    ),
    Indicator(
        key="legality.filings.late",
        label=_("Filings made late"),
        definition=_(
            "Filings within the period made after their due date (30 days from publication by default)."
        ),
        measure="件",
        module=MODULE,
        model=Filing,
        where=lambda p: filed_in(p) & Q(filed_on__gt=F("due_on")),
        order=100,
    ),
)
