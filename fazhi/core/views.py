from django.apps import apps
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import BadRequest
from django.db import DatabaseError, connection
from django.http import HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import include, path
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from fazhi.core.workbench import panels_for


def favicon(request):
    """Browsers ask for /favicon.ico on pages that name no icon (the admin's)."""
    return HttpResponsePermanentRedirect(static("fazhi/favicon.svg"))


def logout(request):
    """POST logs out; a GET (a typed or bookmarked URL) asks for confirmation first."""
    if request.method == "POST":
        return auth_views.LogoutView.as_view()(request)
    return render(request, "registration/logout_confirm.html")


@require_GET
@never_cache
def healthz(request):
    """200 when the database answers a query, 503 otherwise; for load balancers and monitors."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@login_required
def home(request):
    """工作台: each app contributes panels (due-soon and overdue items, its own to-dos)."""
    return render(request, "core/home.html", {"panels": panels_for(request)})


@login_required
def search(request):
    """The header's search box: a case by its number or a party's name, in every line of work,
    within the user's data scope (each kind through its own list's search)."""
    from fazhi.core.records import search_records

    text = request.GET.get("q", "").strip()[:100]
    results = search_records(request.user, text, request=request) if len(text) >= 2 else []
    return render(request, "core/search.html", {"q": text, "results": results})


def app_urlpatterns():
    """Each app whose AppConfig names a `url_prefix` is mounted there with its own urls.py."""
    patterns = []
    for config in apps.get_app_configs():
        prefix = getattr(config, "url_prefix", None)
        if prefix:
            patterns.append(path(prefix, include(f"{config.name}.urls")))
    return patterns


def csrf_failure(request, reason=""):
    """A Chinese explanation instead of Django's technical CSRF page."""
    return render(request, "403_csrf.html", status=403)


def bad_request(request, exception):
    """A request the page cannot answer (a period no calendar holds…): what was wrong, in
    Chinese, inside the site's frame. A `BadRequest` raised by a view carries the message."""
    message = str(exception) if isinstance(exception, BadRequest) else ""
    return render(request, "400.html", {"message": message}, status=400)
