"""Section 一 of the report is generated from what the lines of work register here.

Section 一 has sub-sections (the seed's four: (一) 依法治区, (二) 法治政府, (三) 法治社会,
(四) 刑罚执行), each a `Theme` that the line of work leading it registers with its place in the
order. Each
line of work registers, in its `report_paragraphs.py`, the items it contributes: a short lead
("严把合法性审查关。") and a sentence with figure references. The items of a theme become one
paragraph, numbered "一是…二是…" as the seed does, so a new line of work adds its item (and, where
it opens one, its sub-section) without editing this app.

Themes and items are written in Chinese whatever the interface language (the report is a
Chinese official document)."""

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import autodiscover_modules

ORDINALS = "一二三四五六七八九十"


@dataclass(frozen=True)
class Theme:
    key: str  # e.g. "government"
    order: int  # the sub-sections' order in section 一
    heading: str  # 扎实推进法治政府建设。
    opening: str  # the paragraph's first sentence, before 一是…


@dataclass(frozen=True)
class ReportItem:
    key: str  # e.g. "legality.review"
    theme: str  # the key of a registered Theme
    lead: str  # 严把合法性审查关。
    text: str  # with figure references
    order: int = 100


_themes: dict[str, Theme] = {}
_items: dict[str, ReportItem] = {}


def register_theme(*themes: Theme) -> None:
    """A sub-section of section 一, registered once, by the line of work that leads it; the
    others writing into it name its key."""
    for theme in themes:
        if theme.key in _themes and _themes[theme.key] != theme:
            raise ImproperlyConfigured(f"report theme {theme.key} registered twice")
        _themes[theme.key] = theme


def register_item(*items: ReportItem) -> None:
    for item in items:
        _items[item.key] = item


def all_themes() -> list[Theme]:
    autodiscover_modules("report_paragraphs")
    return sorted(_themes.values(), key=lambda t: (t.order, t.key))


def all_items() -> list[ReportItem]:
    """Every registered item, by sub-section and order; an item whose theme no installed line
    of work registers is a configuration error (the system check says so at start)."""
    themes = {theme.key: theme for theme in all_themes()}
    unknown = sorted(i.key for i in _items.values() if i.theme not in themes)
    if unknown:
        raise ImproperlyConfigured(f"report items of an unregistered theme: {', '.join(unknown)}")
    return sorted(_items.values(), key=lambda i: (themes[i.theme].order, i.order, i.key))


def items_check(app_configs, **kwargs):
    """System check: every report item's sub-section is registered by an installed app."""
    from django.core.checks import Error

    themes = {theme.key for theme in all_themes()}
    return [
        Error(
            f"The report item {item.key} belongs to the sub-section {item.theme!r}, which no "
            "installed line of work registers.",
            hint="The line of work leading that sub-section registers its Theme.",
            id="fazhi.E201",
        )
        for item in _items.values()
        if item.theme not in themes
    ]


def generated_paragraphs() -> list[tuple[str, str, str]]:
    """(source, heading, text) of each generated paragraph of section 一, in order."""
    themes = {theme.key: theme for theme in all_themes()}
    by_theme: dict[str, list[ReportItem]] = {}
    for item in all_items():
        by_theme.setdefault(item.theme, []).append(item)
    paragraphs = []
    for key, items in by_theme.items():
        theme = themes[key]
        clauses = "".join(f"{ORDINALS[n]}是{item.lead}{item.text}" for n, item in enumerate(items))
        paragraphs.append((f"theme:{key}", theme.heading, theme.opening + clauses))
    return paragraphs


# --- the other statutory sections ----------------------------------------------------------


@dataclass(frozen=True)
class SectionParagraph:
    """A paragraph a line of work generates in a section other than section 一 (the principal
    leaders' duties of section 三, from the rule-of-law office's records), with figure
    references as in an item's text."""

    key: str
    section: str  # a ReportSection.Kind value: "LEADERS"
    heading: str
    text: str
    order: int = 100
    when: Any = None  # report → whether the report gets it (None: every report)


_section_paragraphs: dict[str, SectionParagraph] = {}
# section kind → {key: function(report) → sentences offered to the writer, taken or left}
_suggestions: dict[str, dict] = {}


def register_section_paragraph(*paragraphs: SectionParagraph) -> None:
    for paragraph in paragraphs:
        _section_paragraphs[paragraph.key] = paragraph


def section_paragraphs(kind: str, report=None) -> list[tuple[str, str, str]]:
    """(source, heading, text) of the generated paragraphs of section `kind` of `report`."""
    autodiscover_modules("report_paragraphs")
    chosen = sorted(
        (
            p
            for p in _section_paragraphs.values()
            if p.section == kind and (p.when is None or report is None or p.when(report))
        ),
        key=lambda p: (p.order, p.key),
    )
    return [(f"section:{p.key}", p.heading, p.text) for p in chosen]


def register_suggestions(kind: str, key: str, function) -> None:
    """`function(report)` gives sentences the records suggest for section `kind` (e.g. the
    shortcomings of section 二: overdue tasks, open findings); the report page offers each, and
    the writer adds it as a paragraph or leaves it."""
    _suggestions.setdefault(kind, {})[key] = function


def suggestions_for(report, kind: str) -> list[str]:
    autodiscover_modules("report_paragraphs")
    found = []
    for _key, function in sorted(_suggestions.get(kind, {}).items()):
        found.extend(function(report))
    return found
