"""Rendering helpers shared by the apps' views."""

import tempfile

from django.http import FileResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers

from fazhi.core.forms import bootstrap
from fazhi.core.ledgers import get_ledger, write_export

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def render_list(request, full_template: str, rows_template: str, context: dict):
    """The whole page, or only its rows when htmx asks (filters and search update in place).

    A history-restore request from htmx wants the whole page back, and caches must keep the two
    answers apart, hence the Vary header.
    """
    wants_rows = request.htmx and not request.htmx.history_restore_request
    # A phone shows a list's filters folded away, unless one of them is in use.
    context.setdefault(
        "filters_active",
        any(value for key, value in request.GET.items() if key not in ("q", "page", "export")),
    )
    response = render(request, rows_template if wants_rows else full_template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


def bootstrap_filter(filterset):
    """A list's filter form with small Bootstrap controls."""
    bootstrap(filterset.form, small=True)
    return filterset


def export_xlsx(request, ledger_key: str, queryset, title: str) -> FileResponse:
    """The filtered list as the ledger's workbook (same columns as the import template),
    written row by row to a temporary file and streamed from there: flat memory."""
    ledger = get_ledger(ledger_key)
    target = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it when sent
    write_export(ledger, {"viewer": request.user, "queryset": queryset, "unit": None}, target)
    target.seek(0)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    return FileResponse(
        target, as_attachment=True, filename=f"{title}-{stamp}.xlsx", content_type=XLSX
    )


def list_context(heading, url_name: str, rows_template: str, search_hint="") -> dict:
    """What templates/core/_list_page.html needs besides the filter and the page."""
    return {
        "heading": heading,
        "list_url": reverse(url_name),
        "rows_template": rows_template,
        "search_hint": search_hint,
    }
