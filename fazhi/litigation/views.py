"""Pages of the litigation ledger: thin views over selectors (reads) and services (writes)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from fazhi.core.audit import history_for
from fazhi.core.pagination import page_of
from fazhi.core.rendering import bootstrap_filter, export_xlsx, list_context, render_list
from fazhi.litigation import selectors, services
from fazhi.litigation.forms import LawsuitForm, put_errors
from fazhi.litigation.workflow import LAWSUIT
from fazhi.timelimits.selectors import deadlines_for

PAGE_SIZE = 30


@login_required
@permission_required("litigation.view_lawsuit", raise_exception=True)
def lawsuit_list(request):
    filterset, lawsuits = selectors.lawsuit_list(
        viewer=request.user, params=request.GET, request=request
    )
    if request.GET.get("export") == "xlsx":
        return export_xlsx(request, "litigation.lawsuits", lawsuits, "行政应诉台账")
    context = {
        "filter": bootstrap_filter(filterset),
        "page": page_of(request, lawsuits, PAGE_SIZE),
        **list_context(
            _("Lawsuits"),
            "litigation:lawsuit_list",
            "litigation/_lawsuit_rows.html",
            _("Plaintiff, case number or cause"),
        ),
    }
    return render_list(request, "litigation/lawsuit_list.html", context["rows_template"], context)


@login_required
@permission_required("litigation.view_lawsuit", raise_exception=True)
def lawsuit_detail(request, pk):
    lawsuit = selectors.get_lawsuit_for_user(request.user, pk)
    context = {
        "lawsuit": lawsuit,
        "hearings": selectors.hearings_of(lawsuit),
        "deadlines": deadlines_for(lawsuit),
        "history": history_for(lawsuit, request.user),
        "steps": LAWSUIT.offered(request, lawsuit),
    }
    return render(request, "litigation/lawsuit_detail.html", context)


@login_required
@permission_required("litigation.add_lawsuit", raise_exception=True)
def lawsuit_create(request):
    form = LawsuitForm(request.POST or None, viewer=request.user)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            lawsuit = services.lawsuit_register(user=request.user, **data)
        except ValidationError as error:
            put_errors(form, error)
        else:
            messages.success(request, _("Lawsuit %(number)s registered.") % {"number": lawsuit})
            return redirect(lawsuit)
    return render(request, "litigation/lawsuit_form.html", {"form": form, "lawsuit": None})


@login_required
@permission_required("litigation.change_lawsuit", raise_exception=True)
def lawsuit_edit(request, pk):
    lawsuit = selectors.get_lawsuit_for_user(request.user, pk)
    form = LawsuitForm(request.POST or None, instance=lawsuit, viewer=request.user)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        try:
            services.lawsuit_update(lawsuit=lawsuit, version=version, user=request.user, **data)
        except ValidationError as error:
            put_errors(form, error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect(lawsuit)
    return render(request, "litigation/lawsuit_form.html", {"form": form, "lawsuit": lawsuit})
