"""The one REST router every app registers its viewsets on, from its own `api.py`."""

from django.utils.module_loading import autodiscover_modules
from rest_framework.routers import DefaultRouter

from fazhi.core.records import record_kind

router = DefaultRouter()


def router_urls():
    """Import every app's `api` module (each registers its viewsets), then the routes."""
    autodiscover_modules("api")
    return router.urls


class RecordViewSetMixin:
    """A viewset whose records are its model's record kind read for the caller
    (`core.records`): the same scoped queryset, with the same joins, as the pages, drill-downs
    and exports. The viewset names its model with `queryset = Model.objects.none()`, which is
    never read (forgetting this mixin then shows nothing rather than everything)."""

    def get_queryset(self):
        return record_kind(self.queryset.model).records_for(self.request.user)


def visible_choices(model):
    """For a filter's `queryset`: the choices of `model` that the requesting user may see, so
    neither the browsable API's filter form nor a filter parameter reveals other records."""

    def choices(request):
        if request is None:
            return model._default_manager.none()
        return model._default_manager.visible_to(request.user)

    return choices


def read_only_serializer(model, fields: list[str]):
    """A read-only serializer of `model`'s `fields` (and its id): how the records behind a
    figure read in the API when their line of work has no serializer of its own for them."""
    from rest_framework import serializers

    names = ["id", *fields]
    meta = type("Meta", (), {"model": model, "fields": names, "read_only_fields": names})
    return type(f"{model.__name__}Serializer", (serializers.ModelSerializer,), {"Meta": meta})
