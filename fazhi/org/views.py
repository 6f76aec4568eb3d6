from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fazhi.core.audit import history_for
from fazhi.core.rendering import render_list
from fazhi.org import accounts, selectors, services
from fazhi.org.forms import PasswordResetForm, UnitForm, UserCreateForm
from fazhi.org.models import Role, Unit
from fazhi.org.rules import can_manage_user

PAGE_SIZE = 30


def _page(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


@login_required
@permission_required("org.view_unit", raise_exception=True)
def unit_list(request):
    filters = {
        "kind": request.GET.get("kind", ""),
        "search": request.GET.get("q", "").strip(),
        "active": request.GET.get("active", ""),
    }
    units = selectors.unit_list(viewer=request.user, **filters)
    context = {"page": _page(request, units), "filters": filters, "kinds": Unit.Kind.choices}
    return render_list(request, "org/unit_list.html", "org/_unit_rows.html", context)


@login_required
@permission_required("org.view_unit", raise_exception=True)
def unit_detail(request, pk):
    unit = selectors.get_unit_for_user(request.user, pk)
    context = {
        "unit": unit,
        "ancestors": unit.ancestors(),
        "children": selectors.unit_children(viewer=request.user, unit=unit),
        "users": (
            selectors.user_list(viewer=request.user).filter(unit=unit)
            if request.user.has_perm("org.view_user")
            else []
        ),
        "history": history_for(unit, request.user),
    }
    return render(request, "org/unit_detail.html", context)


@login_required
@permission_required("org.view_user", raise_exception=True)
def user_list(request):
    search = request.GET.get("q", "").strip()
    users = selectors.user_list(viewer=request.user, search=search)
    context = {"page": _page(request, users), "filters": {"search": search}}
    return render_list(request, "org/user_list.html", "org/_user_rows.html", context)


@login_required
@permission_required("org.view_user", raise_exception=True)
def user_detail(request, pk):
    shown = selectors.get_user_for_user(request.user, pk)
    manages = request.user.has_perm("org.change_user") and can_manage_user(request.user, shown)
    context = {
        "shown": shown,
        "scope": selectors.scope_description(shown),
        "history": history_for(shown, request.user),
        "manages": manages,
        "lock": accounts.user_lock(shown) if manages else "",
    }
    return render(request, "org/user_detail.html", context)


# --- accounts (系统管理 in the platform's look) -------------------------------------------------


@login_required
@permission_required("org.add_user", raise_exception=True)
def user_create(request):
    form = UserCreateForm(request.POST or None, manager=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = accounts.user_create(
                by=request.user,
                username=data["username"],
                full_name=data["full_name"],
                unit=data["unit"],
                roles=list(data["roles"]),
                password=data["password1"],
                phone=data["phone"],
                email=data["email"],
            )
        except ValidationError as error:
            _errors_onto(form, error)
        else:
            messages.success(
                request,
                _("Account %(name)s created: the user sets a new password at the first login.")
                % {"name": user.username},
            )
            return redirect(user.get_absolute_url())
    return render(request, "org/user_form.html", {"form": form})


def _errors_onto(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:  # the password validators' list: about the password
        form.add_error("password1", error)


def _managed(request, pk):
    shown = selectors.get_user_for_user(request.user, pk)
    if not can_manage_user(request.user, shown):
        raise PermissionDenied
    return shown


@login_required
@permission_required("org.change_user", raise_exception=True)
def user_password(request, pk):
    shown = _managed(request, pk)
    form = PasswordResetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            accounts.user_reset_password(
                user=shown, password=form.cleaned_data["password1"], by=request.user
            )
        except ValidationError as error:
            _errors_onto(form, error)
        else:
            messages.success(
                request, _("Password reset: the user sets a new one at the next login.")
            )
            return redirect(shown.get_absolute_url())
    return render(request, "org/user_password.html", {"form": form, "shown": shown})


@login_required
@permission_required("org.change_user", raise_exception=True)
@require_POST
def user_active(request, pk):
    shown = _managed(request, pk)
    active = request.POST.get("active") == "1"
    try:
        accounts.user_set_active(user=shown, active=active, by=request.user)
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
    else:
        messages.success(request, _("Account enabled.") if active else _("Account disabled."))
    return redirect(shown.get_absolute_url())


@login_required
@permission_required("org.change_user", raise_exception=True)
@require_POST
def user_unlock(request, pk):
    shown = _managed(request, pk)
    if accounts.user_unlock(user=shown, by=request.user):
        messages.success(request, _("Login lock lifted."))
    return redirect(shown.get_absolute_url())


@login_required
@permission_required("org.view_role", raise_exception=True)
def role_list(request):
    roles = Role.objects.annotate(
        permission_count=Count("permissions", distinct=True),
        user_count=Count("users", distinct=True),
    ).order_by("name")
    return render(request, "org/role_list.html", {"roles": roles})


@login_required
@permission_required("org.add_unit", raise_exception=True)
def unit_create(request):
    parent = request.GET.get("parent")
    initial = {"parent": parent} if parent and parent.isdigit() else {}
    form = UnitForm(request.POST or None, manager=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        unit = _saved(form, lambda: services.unit_create(parent=data.pop("parent"), **data))
        if unit is not None:
            messages.success(request, _("Unit created."))
            return redirect(unit.get_absolute_url())
    return render(request, "org/unit_form.html", {"form": form, "unit": None})


@login_required
@permission_required("org.change_unit", raise_exception=True)
def unit_edit(request, pk):
    unit = selectors.get_unit_for_user(request.user, pk)
    form = UnitForm(request.POST or None, instance=unit, manager=request.user)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        saved = _saved(form, lambda: services.unit_update(unit=unit, **data))
        if saved is not None:
            messages.success(request, _("Unit saved."))
            return redirect(saved.get_absolute_url())
    return render(request, "org/unit_form.html", {"form": form, "unit": unit})


def _saved(form, write):
    with transaction.atomic():
        try:
            return write()
        except ValidationError as error:
            _errors_onto(form, error)
            return None
