"""All indicators of one district-year through the registry (`compute`), against one
hand-written SQL statement computing the same figures, on the scale data (PostgreSQL). Both
must agree figure by figure before the times mean anything."""

import time
from decimal import Decimal

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from fazhi.indicators.registry import Period, all_indicators, compute
from fazhi.litigation.models import Lawsuit
from fazhi.mediation.models import Dispute
from fazhi.org.models import Unit, User
from fazhi.reconsideration.models import Case

RUNS = 5


def _filters(column: str, values, prefix: str) -> str:
    """COUNT(*) FILTER per value of a closed list (the by-type figures)."""
    return ",\n".join(
        f"count(*) FILTER (WHERE {column} = '{v}') AS \"{prefix}.{v.lower()}\"" for v in values
    )


def hand_written_sql() -> str:
    lost = ", ".join(f"'{v}'" for v in Lawsuit.LOST)
    correcting = ", ".join(f"'{v}'" for v in Case.CORRECTING)
    return f"""
    SELECT * FROM
    (SELECT count(*) FILTER (WHERE is_active AND (established_on IS NULL OR established_on <= %(end)s))
              AS "mediation.organizations",
            count(*) FILTER (WHERE is_active AND (established_on IS NULL OR established_on <= %(end)s)
                             AND has_standard_room) AS "mediation.standard_rooms"
       FROM mediation_committee) AS committees,
    (SELECT count(*) FILTER (WHERE hired_on <= %(end)s AND (left_on IS NULL OR left_on > %(end)s))
              AS "mediation.mediators",
            count(*) FILTER (WHERE hired_on <= %(end)s AND (left_on IS NULL OR left_on > %(end)s)
                             AND employment = 'FULL_TIME') AS "mediation.full_time_mediators",
            count(*) FILTER (WHERE employment = 'FULL_TIME' AND hired_on BETWEEN %(start)s AND %(end)s)
              AS "mediation.full_time_mediators_new"
       FROM mediation_mediator) AS mediators,
    (SELECT count(*) AS "mediation.disputes",
            count(*) FILTER (WHERE d.status = 'SUCCEEDED') AS "mediation.disputes_succeeded",
            count(*) FILTER (WHERE m.employment = 'FULL_TIME') AS "mediation.disputes_by_full_time",
            coalesce(sum(d.agreement_amount) FILTER (WHERE d.status = 'SUCCEEDED'), 0)
              AS "mediation.agreement_amount",
            {_filters("d.dispute_type", Dispute.Type.values, "mediation.disputes.type")},
            {_filters("d.source", Dispute.Source.values, "mediation.disputes.source")}
       FROM mediation_dispute d JOIN mediation_mediator m ON m.id = d.lead_mediator_id
      WHERE d.closed_on BETWEEN %(start)s AND %(end)s) AS disputes,
    (SELECT count(*) FILTER (WHERE kind = 'MEETING_TOPIC') AS "legality.reviews.meeting_topics",
            count(*) FILTER (WHERE kind = 'CONTRACT') AS "legality.reviews.contracts",
            count(*) FILTER (WHERE kind = 'NORMATIVE_DOCUMENT')
              AS "legality.reviews.normative_documents",
            count(*) FILTER (WHERE letter_number <> '') AS "legality.opinion_letters"
       FROM legality_reviewrequest
      WHERE status = 'OPINION_ISSUED' AND concluded_on BETWEEN %(start)s AND %(end)s) AS reviews,
    (SELECT count(*) AS "legality.opinions",
            count(*) FILTER (WHERE i.adoption IN ('ADOPTED', 'PARTLY')) AS "legality.opinions_adopted"
       FROM legality_opinionitem i JOIN legality_reviewrequest r ON r.id = i.request_id
      WHERE r.status = 'OPINION_ISSUED' AND r.concluded_on BETWEEN %(start)s AND %(end)s) AS items,
    (SELECT count(*) FILTER (WHERE kind = 'NORMATIVE_DOCUMENT')
              AS "legality.filings.normative_documents",
            count(*) FILTER (WHERE kind IN ('MAJOR_PENALTY', 'COMPULSORY'))
              AS "legality.filings.penalty_compulsory",
            count(*) FILTER (WHERE filed_on > due_on) AS "legality.filings.late"
       FROM legality_filing WHERE filed_on BETWEEN %(start)s AND %(end)s) AS filings,
    (SELECT count(*) FILTER (WHERE filed) AS "litigation.cases",
            count(*) FILTER (WHERE filed AND outcome = 'SUIT_DISMISSED'
                             AND outcome_served_on <= %(end)s) AS "litigation.dismissed",
            count(*) FILTER (WHERE filed AND first_hearing_on <= %(end)s
                             AND (outcome_served_on IS NULL OR outcome_served_on > %(end)s))
              AS "litigation.awaiting_judgment",
            count(*) FILTER (WHERE filed AND (first_hearing_on IS NULL OR first_hearing_on > %(end)s)
                             AND (outcome_served_on IS NULL OR outcome_served_on > %(end)s))
              AS "litigation.awaiting_hearing",
            count(*) FILTER (WHERE served) AS "litigation.concluded",
            count(*) FILTER (WHERE served AND outcome IN ({lost})) AS "litigation.lost",
            {_filters("outcome", Lawsuit.Outcome.values, "litigation.outcomes").replace("WHERE ", "WHERE served AND ")}
       FROM (SELECT *, filed_on BETWEEN %(start)s AND %(end)s AS filed,
                       outcome_served_on BETWEEN %(start)s AND %(end)s AS served
               FROM litigation_lawsuit
              WHERE filed_on BETWEEN %(start)s AND %(end)s
                 OR outcome_served_on BETWEEN %(start)s AND %(end)s) AS l) AS lawsuits,
    (SELECT count(*) AS "litigation.hearings",
            count(*) FILTER (WHERE appearance IN ('HEAD', 'DEPUTY', 'OTHER_OFFICIAL'))
              AS "litigation.hearings_with_head"
       FROM litigation_hearing WHERE held_on BETWEEN %(start)s AND %(end)s) AS hearings,
    (SELECT count(*) FILTER (WHERE received_on BETWEEN %(start)s AND %(end)s)
              AS "reconsideration.applications",
            count(*) FILTER (WHERE decided_on BETWEEN %(start)s AND %(end)s
                             OR not_accepted_on BETWEEN %(start)s AND %(end)s)
              AS "reconsideration.concluded",
            count(*) FILTER (WHERE received_on BETWEEN %(start)s AND %(end)s
                             AND (decided_on IS NULL OR decided_on > %(end)s)
                             AND (not_accepted_on IS NULL OR not_accepted_on > %(end)s))
              AS "reconsideration.pending",
            count(*) FILTER (WHERE decided_on BETWEEN %(start)s AND %(end)s AND decision = 'UPHELD')
              AS "reconsideration.upheld",
            count(*) FILTER (WHERE not_accepted_on BETWEEN %(start)s AND %(end)s)
              AS "reconsideration.not_accepted",
            count(*) FILTER (WHERE decided_on BETWEEN %(start)s AND %(end)s)
              AS "reconsideration.decided",
            count(*) FILTER (WHERE decided_on BETWEEN %(start)s AND %(end)s
                             AND decision IN ({correcting})) AS "reconsideration.corrected",
            {_filters("decision", Case.Decision.values, "reconsideration.decisions").replace("WHERE ", "WHERE decided_on BETWEEN %(start)s AND %(end)s AND ")}
       FROM reconsideration_case
      WHERE received_on BETWEEN %(start)s AND %(end)s OR decided_on BETWEEN %(start)s AND %(end)s
         OR not_accepted_on BETWEEN %(start)s AND %(end)s) AS cases
    """  # noqa: S608 - only the models' own choice values are spliced in


def _best(work) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(RUNS):
        began = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - began)
    return best, result


def run() -> list[str]:
    if connection.vendor != "postgresql":
        return ["indicators vs hand-written SQL: skipped (needs PostgreSQL)"]
    leader = User.objects.get(username="leader")
    district = Unit.objects.get(code="510704")
    period = Period.year(2019)
    keys = [i.key for i in all_indicators() if i.kind != "ratio"]
    sql = hand_written_sql()
    params = {"start": period.start, "end": period.end}

    def by_hand():
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            names = [c.name for c in cursor.description]
            return dict(zip(names, cursor.fetchone(), strict=True))

    def registry():
        with override_settings(FIGURES_CACHE=False):  # computed, not read from the cache
            return compute(unit=district, period=period, viewer=leader, keys=keys)

    hand_s, hand = _best(by_hand)
    with CaptureQueriesContext(connection) as captured:
        registry()
    registry_s, figures = _best(registry)
    differ = [k for k in keys if Decimal(str(figures[k])) != Decimal(str(hand.get(k, "NaN")))]
    if differ:
        raise AssertionError(f"registry and hand-written SQL disagree on {differ}")
    return [
        f"indicators of one district-year ({len(keys)} counting and summing figures, "
        f"{figures['mediation.disputes']:,} disputes closed in 2019): registry "
        f"{registry_s * 1000:.1f} ms in {len(captured.captured_queries)} queries; "
        f"hand-written SQL {hand_s * 1000:.1f} ms in 1 statement; "
        f"ratio {registry_s / hand_s:.2f}x (goal ≤ 1.5x); all {len(keys)} figures agree",
    ]
