"""The one REST router every app registers its viewsets on, from its own `api.py`."""

from django.utils.module_loading import autodiscover_modules
from rest_framework.routers import DefaultRouter

router = DefaultRouter()


def router_urls():
    """Import every app's `api` module (each registers its viewsets), then the routes."""
    autodiscover_modules("api")
    return router.urls


class ScopedViewSetMixin:
    """A viewset whose queryset is always the model's `visible_to(request.user)`."""

    def get_queryset(self):
        return super().get_queryset().visible_to(self.request.user)


def visible_choices(model):
    """For a filter's `queryset`: the choices of `model` that the requesting user may see, so
    neither the browsable API's filter form nor a filter parameter reveals other records."""

    def choices(request):
        if request is None:
            return model._default_manager.none()
        return model._default_manager.visible_to(request.user)

    return choices
