"""DRF defaults named in settings (kept apart from the router to avoid an import cycle)."""

from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import DjangoModelPermissions


class Pagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500


class ModelViewPermissions(DjangoModelPermissions):
    """Like DRF's DjangoModelPermissions, but reading also needs the `view_` permission."""

    perms_map = {
        **DjangoModelPermissions.perms_map,
        "GET": ["%(app_label)s.view_%(model_name)s"],
        "HEAD": ["%(app_label)s.view_%(model_name)s"],
        "OPTIONS": ["%(app_label)s.view_%(model_name)s"],
    }
