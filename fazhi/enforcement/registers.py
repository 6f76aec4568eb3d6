"""The enforcement ledger's registers (fazhi.core.registers): organs, officers (ID numbers masked
unless the role may read them, full views audited), certificates, renewals and law exams."""

from django.utils.translation import gettext_lazy as _

from fazhi.core.registers import Register
from fazhi.enforcement import forms, services
from fazhi.enforcement import models as m


def _officer_related(officer, request):
    return {
        "certificates": CERTIFICATES.selector(request.user).filter(officer=officer),
        "exams": officer.exams.select_related("sitting").order_by("-sitting__held_on"),
    }


def _renewal_related(batch, request):
    return {"certificates": CERTIFICATES.selector(request.user).filter(renewal=batch)[:500]}


def _exam_related(sitting, request):
    from fazhi.enforcement.forms import ExamResultForm

    candidates = m.ExamCandidate.objects.visible_to(request.user).filter(sitting=sitting)
    return {
        "candidates": candidates.select_related("officer__unit").order_by("-score", "pk"),
        "result_form": ExamResultForm(viewer=request.user),
        "can_record": request.user.has_perm("enforcement.change_examsitting"),
    }


ORGANS = Register(
    model=m.Organ,
    form=forms.OrganForm,
    heading=_("Enforcement organs"),
    add_label=_("Add an organ"),
    columns=("unit", "penalty", "compulsion", "inspection", "licensing"),
    search=("unit__name", "legal_basis"),
    date_field="created_at",
    year_filter=False,
    save=services.organ_save,
    select_related=("unit",),
    ordering=("unit__path",),
)
OFFICERS = Register(
    model=m.Officer,
    form=forms.OfficerForm,
    heading=_("Enforcement officers"),
    add_label=_("Add an officer"),
    columns=("name", "id_number", "unit", "post", "staff_status", "legal_qualification"),
    search=("name", "post"),
    date_field="created_at",
    year_filter=False,
    filters=("staff_status",),
    save=services.officer_save,
    select_related=("unit",),
    ordering=("unit__path", "name", "pk"),
    id_fields=("id_number",),
    id_permission="enforcement.view_id_numbers",
    related=_officer_related,
    extra_template="enforcement/_officer_extra.html",
)
CERTIFICATES = Register(
    model=m.Certificate,
    form=forms.CertificateForm,
    heading=_("Enforcement certificates"),
    add_label=_("Register a certificate"),
    columns=("number", "officer", "kind", "issued_on", "expires_on", "status"),
    search=("number", "officer__name", "issued_by"),
    date_field="issued_on",
    filters=("kind", "status"),
    save=services.certificate_save,
    select_related=("officer__unit",),
)
RENEWALS = Register(
    model=m.RenewalBatch,
    form=forms.RenewalForm,
    heading=_("Certificate renewals"),
    add_label=_("Add a renewal"),
    columns=("title", "renewed_on"),
    search=("title",),
    date_field="renewed_on",
    save=services.renewal_save,
    related=_renewal_related,
    extra_template="enforcement/_renewal_extra.html",
)
EXAMS = Register(
    model=m.ExamSitting,
    form=forms.ExamSittingForm,
    heading=_("Law exams"),
    add_label=_("Add an exam"),
    columns=("title", "kind", "held_on", "pass_line"),
    search=("title",),
    date_field="held_on",
    filters=("kind",),
    save=services.exam_sitting_save,
    related=_exam_related,
    extra_template="enforcement/_exam_extra.html",
)

ALL = [
    ("organs/", ORGANS),
    ("officers/", OFFICERS),
    ("certificates/", CERTIFICATES),
    ("renewals/", RENEWALS),
    ("exams/", EXAMS),
]
