"""Serializers for the records behind the enforcement figures (the API's drill-down). An
officer's ID number is not part of the API."""

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
}
