"""Rendering helpers shared by the apps' views."""

from django.shortcuts import render
from django.utils.cache import patch_vary_headers


def render_list(request, full_template: str, rows_template: str, context: dict):
    """The whole page, or only its rows when htmx asks (filters and search update in place).

    A history-restore request from htmx wants the whole page back, and caches must keep the two
    answers apart, hence the Vary header.
    """
    wants_rows = request.htmx and not request.htmx.history_restore_request
    response = render(request, rows_template if wants_rows else full_template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response
