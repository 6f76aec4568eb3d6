"""Serializers for the records behind the enforcement figures (the API's drill-down). An
officer's ID number and a complainant's contact are not part of the API."""

from fazhi.core.api import read_only_serializer
from fazhi.enforcement import models as m

SERIALIZERS = {
    m.Organ: read_only_serializer(
        m.Organ, ["unit", "penalty", "compulsion", "inspection", "licensing"]
    ),
    m.Officer: read_only_serializer(
        m.Officer, ["unit", "name", "post", "staff_status", "legal_qualification"]
    ),
    m.Certificate: read_only_serializer(
        m.Certificate,
        ["officer", "kind", "number", "issued_by", "issued_on", "expires_on", "status", "renewal"],
    ),
    m.RenewalBatch: read_only_serializer(m.RenewalBatch, ["unit", "title", "renewed_on"]),
    m.ExamSitting: read_only_serializer(
        m.ExamSitting, ["unit", "title", "kind", "held_on", "pass_line"]
    ),
    m.ExamCandidate: read_only_serializer(
        m.ExamCandidate, ["sitting", "officer", "score", "passed"]
    ),
    m.CertificateReview: read_only_serializer(
        m.CertificateReview, ["certificate", "year", "reviewed_on", "result"]
    ),
    m.Rubric: read_only_serializer(m.Rubric, ["unit", "kind", "title", "edition", "adopted_on"]),
    m.Campaign: read_only_serializer(
        m.Campaign, ["unit", "title", "started_on", "ended_on", "scope", "grades"]
    ),
    m.CaseFile: read_only_serializer(
        m.CaseFile,
        [
            "campaign",
            "organ",
            "case_number",
            "title",
            "kind",
            "decided_on",
            "certificate_shortfall",
            "score",
            "grade",
            "scored_on",
            "submitted_onward",
            "submitted_on",
        ],
    ),
    m.Deduction: read_only_serializer(m.Deduction, ["case_file", "item", "points", "reason"]),
    m.Problem: read_only_serializer(
        m.Problem,
        ["case_file", "description", "found_on", "due_on", "status", "reported_on", "accepted_on"],
    ),
    m.EnforcementReturn: read_only_serializer(
        m.EnforcementReturn,
        [
            "organ",
            "year",
            "penalty_cases",
            "penalty_amount",
            "compulsion_cases",
            "inspections",
            "licensing_cases",
            "other_cases",
        ],
    ),
    m.Caseload: read_only_serializer(m.Caseload, ["officer", "year", "cases"]),
    m.ReviewListEntry: read_only_serializer(
        m.ReviewListEntry, ["organ", "matter", "ground", "basis", "listed_on"]
    ),
    m.Decision: read_only_serializer(
        m.Decision,
        [
            "organ",
            "kind",
            "number",
            "subject",
            "decided_on",
            "published_on",
            "changed_on",
            "withdrawn_on",
            "review_ground",
            "reviewed_on",
            "reviewer_first_time",
            "reviewer_qualified",
        ],
    ),
    m.Complaint: read_only_serializer(
        m.Complaint,
        [
            "unit",
            "received_on",
            "channel",
            "organ",
            "subject",
            "status",
            "accepted_on",
            "concluded_on",
            "outcome",
        ],
    ),
}
