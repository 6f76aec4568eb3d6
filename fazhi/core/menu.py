"""Left navigation: each app's AppConfig lists its own entries in `menu()`; nothing central."""

from dataclasses import dataclass, field

from django.apps import apps
from django.urls import reverse


@dataclass(frozen=True)
class MenuEntry:
    label: str
    url_name: str
    permission: str = ""  # "app_label.codename"; empty means any signed-in user
    order: int = 100
    children: tuple["MenuEntry", ...] = field(default_factory=tuple)

    def url(self) -> str:
        return reverse(self.url_name)


@dataclass
class MenuSection:
    label: str
    order: int
    entries: list[MenuEntry]


def menu_for(user) -> list[MenuSection]:
    """The sections of every installed app, keeping only the entries `user` may open."""
    sections = []
    for config in apps.get_app_configs():
        entries_of = getattr(config, "menu", None)
        if entries_of is None:
            continue
        entries = [e for e in entries_of() if not e.permission or user.has_perm(e.permission)]
        if entries:
            entries.sort(key=lambda e: e.order)
            sections.append(
                MenuSection(config.verbose_name, getattr(config, "menu_order", 100), entries)
            )
    sections.sort(key=lambda s: s.order)
    return sections
