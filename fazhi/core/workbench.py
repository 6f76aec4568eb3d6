"""The 工作台 (home page) is made of panels that apps contribute through `workbench_panels`
on their AppConfig: a function of the request returning a list of `Panel`."""

from dataclasses import dataclass, field

from django.apps import apps


@dataclass
class Panel:
    title: str
    template: str
    context: dict = field(default_factory=dict)
    order: int = 100


def panels_for(request) -> list[Panel]:
    panels: list[Panel] = []
    for config in apps.get_app_configs():
        provider = getattr(config, "workbench_panels", None)
        if provider is not None:
            panels.extend(provider(request))
    panels.sort(key=lambda p: p.order)
    return panels
