"""Serializers for the records behind the enforcement figures (the API's drill-down). An
officer's ID number is not part of the API."""

from rest_framework import serializers

from fazhi.enforcement import models as m


def _read_only(model, fields):
    meta = type(
        "Meta", (), {"model": model, "fields": ["id", *fields], "read_only_fields": ["id", *fields]}
    )
    return type(f"{model.__name__}Serializer", (serializers.ModelSerializer,), {"Meta": meta})


SERIALIZERS = {
    m.Organ: _read_only(m.Organ, ["unit", "penalty", "compulsion", "inspection", "licensing"]),
    m.Officer: _read_only(
        m.Officer, ["unit", "name", "post", "staff_status", "legal_qualification"]
    ),
    m.Certificate: _read_only(
        m.Certificate,
        ["officer", "kind", "number", "issued_by", "issued_on", "expires_on", "status", "renewal"],
    ),
    m.RenewalBatch: _read_only(m.RenewalBatch, ["unit", "title", "renewed_on"]),
    m.ExamSitting: _read_only(m.ExamSitting, ["unit", "title", "kind", "held_on", "pass_line"]),
    m.ExamCandidate: _read_only(m.ExamCandidate, ["sitting", "officer", "score", "passed"]),
}
