"""Pages of the mediation ledger: thin views over selectors (reads) and services (writes)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from fazhi.core.audit import history_for
from fazhi.core.documents import docx_response
from fazhi.core.pagination import page_of
from fazhi.core.rendering import bootstrap_filter, export_xlsx, list_context, render_list
from fazhi.mediation import documents, selectors, services
from fazhi.mediation.forms import (
    CommitteeForm,
    DisputeForm,
    MediatorForm,
    NewPartyFormSet,
    OutcomeForm,
    PartyForm,
    PartyFormSet,
    parties_from,
    put_errors,
)
from fazhi.mediation.models import Dispute, Mediator
from fazhi.mediation.workflow import DISPUTE
from fazhi.org.scope import in_subtree, sees_everything
from fazhi.timelimits.selectors import deadlines_for

PAGE_SIZE = 30


def narrow_mediator_choices(filterset):
    """The mediator drop-down offers the chosen committee's (or township's) mediators: a
    district has thousands. Any visible mediator is still accepted as a parameter."""
    form = filterset.form
    data = getattr(form, "cleaned_data", {})
    field = form.fields["mediator"]
    if data.get("committee"):
        narrow = Q(committee=data["committee"])
    elif data.get("township"):
        narrow = in_subtree("committee__unit", data["township"])
    elif sees_everything(filterset.request.user):
        narrow = Q(pk__in=[])
        field.help_text = _("Choose a committee first.")
    else:
        return
    if data.get("mediator"):
        narrow |= Q(pk=data["mediator"].pk)
    field.queryset = field.queryset.filter(narrow)


def _page(request, queryset):
    return page_of(request, queryset, PAGE_SIZE)


# --- disputes ------------------------------------------------------------------------------


@login_required
@permission_required("mediation.view_dispute", raise_exception=True)
def dispute_list(request):
    filterset, disputes = selectors.dispute_list(
        viewer=request.user, params=request.GET, request=request
    )
    if request.GET.get("export") == "xlsx":
        return export_xlsx(request, "mediation.disputes", disputes, "纠纷台账")
    narrow_mediator_choices(filterset)
    context = {
        "filter": bootstrap_filter(filterset),
        "page": _page(request, disputes),
        **list_context(
            _("Disputes"),
            "mediation:dispute_list",
            "mediation/_dispute_rows.html",
            search_hint=_("Party name or case number"),
        ),
    }
    return render_list(request, "mediation/dispute_list.html", context["rows_template"], context)


@login_required
@permission_required("mediation.view_dispute", raise_exception=True)
def dispute_detail(request, pk):
    dispute = selectors.get_dispute_for_user(request.user, pk)
    selectors.note_full_ids_shown(request.user, Dispute, [(dispute.pk, dispute)], via=_("page"))
    context = {
        "dispute": dispute,
        "parties": dispute.parties.all(),
        "others": dispute.other_mediators.select_related("committee__unit"),
        "full_ids": selectors.may_see_id_numbers(request.user),
        "deadlines": deadlines_for(dispute),
        "confirmation_due": selectors.judicial_confirmation_due(dispute),
        "history": history_for(dispute, request.user),
        "steps": DISPUTE.offered(request, dispute),
    }
    return render(request, "mediation/dispute_detail.html", context)


def _party_formset(request, initial=None):
    if initial is None:
        return NewPartyFormSet(request.POST or None, prefix="party")
    if request.method == "POST":
        # Not compared with the stored parties: a party saved unchanged is still a party.
        return PartyFormSet(request.POST, prefix="party")
    return PartyFormSet(prefix="party", initial=initial)


@login_required
@permission_required("mediation.add_dispute", raise_exception=True)
def dispute_create(request):
    form = DisputeForm(request.POST or None, viewer=request.user)
    parties = _party_formset(request)
    party_list = (
        parties_from(parties, []) if request.method == "POST" and parties.is_valid() else None
    )
    if request.method == "POST" and form.is_valid() and party_list is not None:
        data = form.cleaned_data
        try:
            dispute = services.dispute_create(
                committee=data["committee"],
                dispute_type=data["dispute_type"],
                source=data["source"],
                received_on=data["received_on"],
                lead_mediator=data["lead_mediator"],
                other_mediators=data["other_mediators"],
                facts=data["facts"],
                parties=party_list,
                user=request.user,
            )
        except ValidationError as error:
            put_errors(form, error)
        else:
            messages.success(request, _("Dispute %(number)s registered.") % {"number": dispute})
            return redirect(dispute)
    return render(
        request, "mediation/dispute_form.html", {"form": form, "parties": parties, "dispute": None}
    )


@login_required
@permission_required("mediation.change_dispute", raise_exception=True)
def dispute_edit(request, pk):
    dispute = selectors.get_dispute_for_user(request.user, pk)
    form = DisputeForm(request.POST or None, instance=dispute, viewer=request.user)
    outcome = None
    if not dispute.is_open:
        outcome = OutcomeForm(request.POST or None, instance=dispute, prefix="outcome")
    stored = list(dispute.parties.all())
    full_ids = selectors.may_see_id_numbers(request.user)
    if request.method == "GET":
        selectors.note_full_ids_shown(
            request.user, Dispute, [(dispute.pk, dispute)], via=_("edit page")
        )
    parties = _party_formset(request, [PartyForm.initial_for(p, full_ids=full_ids) for p in stored])
    valid = form.is_valid() and parties.is_valid() and (outcome is None or outcome.is_valid())
    party_list = parties_from(parties, stored) if valid else None
    if request.method == "POST" and valid and party_list is not None:
        data = form.cleaned_data
        fields = {
            k: data[k]
            for k in [
                "committee",
                "dispute_type",
                "source",
                "received_on",
                "lead_mediator",
                "facts",
            ]
        }
        if outcome is not None:
            fields.update({k: v for k, v in outcome.cleaned_data.items() if k != "version"})
        try:
            services.dispute_update(
                dispute=dispute,
                version=data.get("version"),
                user=request.user,
                other_mediators=data["other_mediators"],
                parties=party_list,
                **fields,
            )
        except ValidationError as error:
            put_errors(form, error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect(dispute)
    context = {"form": form, "outcome": outcome, "parties": parties, "dispute": dispute}
    return render(request, "mediation/dispute_form.html", context)


@login_required
@permission_required("mediation.view_dispute", raise_exception=True)
def dispute_agreement(request, pk):
    dispute = selectors.get_dispute_for_user(request.user, pk)
    try:
        document = documents.agreement_document(
            dispute, full_ids=selectors.may_see_id_numbers(request.user)
        )
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
        return redirect(dispute)
    selectors.note_full_ids_shown(
        request.user, Dispute, [(dispute.pk, dispute)], via=_("agreement document")
    )
    return docx_response(document, documents.agreement_filename(dispute))


# --- committees ----------------------------------------------------------------------------


@login_required
@permission_required("mediation.view_committee", raise_exception=True)
def committee_list(request):
    filterset, committees = selectors.committee_list(
        viewer=request.user, params=request.GET, request=request
    )
    if request.GET.get("export") == "xlsx":
        return export_xlsx(request, "mediation.committees", committees, "调委会台账")
    context = {"filter": bootstrap_filter(filterset), "page": _page(request, committees)}
    return render_list(
        request, "mediation/committee_list.html", "mediation/_committee_rows.html", context
    )


@login_required
@permission_required("mediation.view_committee", raise_exception=True)
def committee_detail(request, pk):
    committee = selectors.get_committee_for_user(request.user, pk)
    context = {
        "committee": committee,
        "mediators": selectors.mediators_for(request.user).filter(committee=committee),
        "recent": selectors.disputes_for(request.user).filter(committee=committee)[:10],
        "history": history_for(committee, request.user),
    }
    return render(request, "mediation/committee_detail.html", context)


@login_required
@permission_required("mediation.add_committee", raise_exception=True)
def committee_create(request):
    form = CommitteeForm(request.POST or None, viewer=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            committee = services.committee_create(**form.cleaned_data)
        except ValidationError as error:
            put_errors(form, error)
        else:
            messages.success(request, _("Committee registered."))
            return redirect(committee)
    return render(request, "mediation/committee_form.html", {"form": form, "committee": None})


@login_required
@permission_required("mediation.change_committee", raise_exception=True)
def committee_edit(request, pk):
    committee = selectors.get_committee_for_user(request.user, pk)
    form = CommitteeForm(request.POST or None, instance=committee, viewer=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.committee_update(committee=committee, **form.cleaned_data)
        except ValidationError as error:
            put_errors(form, error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect(committee)
    return render(request, "mediation/committee_form.html", {"form": form, "committee": committee})


# --- mediators -----------------------------------------------------------------------------


@login_required
@permission_required("mediation.view_mediator", raise_exception=True)
def mediator_list(request):
    filterset, mediators = selectors.mediator_list(
        viewer=request.user, params=request.GET, request=request
    )
    if request.GET.get("export") == "xlsx":
        return export_xlsx(request, "mediation.mediators", mediators, "调解员台账")
    page = _page(request, mediators)
    selectors.note_full_ids_shown(
        request.user, Mediator, [(m.pk, m) for m in page if m.id_number], via=_("list page")
    )
    context = {
        "filter": bootstrap_filter(filterset),
        "page": page,
        "full_ids": selectors.may_see_id_numbers(request.user),
    }
    return render_list(
        request, "mediation/mediator_list.html", "mediation/_mediator_rows.html", context
    )


@login_required
@permission_required("mediation.view_mediator", raise_exception=True)
def mediator_detail(request, pk):
    mediator = selectors.get_mediator_for_user(request.user, pk)
    if mediator.id_number:
        selectors.note_full_ids_shown(
            request.user, Mediator, [(mediator.pk, mediator)], via=_("page")
        )
    context = {
        "mediator": mediator,
        "full_ids": selectors.may_see_id_numbers(request.user),
        "led": selectors.disputes_for(request.user).filter(lead_mediator=mediator)[:10],
        "history": history_for(mediator, request.user),
    }
    return render(request, "mediation/mediator_detail.html", context)


def _mediator_form(request, instance=None):
    form = MediatorForm(request.POST or None, instance=instance, viewer=request.user)
    if not selectors.may_see_id_numbers(request.user):
        del form.fields["id_number"]  # neither shown nor changed without the permission
    return form


@login_required
@permission_required("mediation.add_mediator", raise_exception=True)
def mediator_create(request):
    form = _mediator_form(request)
    if request.method == "POST" and form.is_valid():
        try:
            mediator = services.mediator_create(**form.cleaned_data)
        except ValidationError as error:
            put_errors(form, error)
        else:
            messages.success(request, _("Mediator registered."))
            return redirect(mediator)
    return render(request, "mediation/mediator_form.html", {"form": form, "mediator": None})


@login_required
@permission_required("mediation.change_mediator", raise_exception=True)
def mediator_edit(request, pk):
    mediator = selectors.get_mediator_for_user(request.user, pk)
    form = _mediator_form(request, mediator)
    if request.method == "GET" and mediator.id_number:
        selectors.note_full_ids_shown(
            request.user, Mediator, [(mediator.pk, mediator)], via=_("edit page")
        )
    if request.method == "POST" and form.is_valid():
        try:
            services.mediator_update(mediator=mediator, **form.cleaned_data)
        except ValidationError as error:
            put_errors(form, error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect(mediator)
    return render(request, "mediation/mediator_form.html", {"form": form, "mediator": mediator})
