from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.shortcuts import render

from fazhi.core.audit import history_for
from fazhi.core.rendering import render_list
from fazhi.org import selectors
from fazhi.org.models import Unit

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
    context = {
        "shown": shown,
        "scope": selectors.scope_description(shown),
        "history": history_for(shown, request.user),
    }
    return render(request, "org/user_detail.html", context)
