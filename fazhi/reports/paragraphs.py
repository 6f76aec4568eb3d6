"""Section 一 of the report is generated from what the lines of work register here.

Each line of work registers, in its `report_paragraphs.py`, the items it contributes: a short
lead ("严把合法性审查关。") and a sentence with figure references. Items are gathered into the
report's paragraphs by theme (法治政府建设, 法治社会建设 …) and numbered "一是…二是…" as the
seed does, so a new line of work adds its item without editing this app.

The themes and their wording are the report's, written in Chinese whatever the interface
language (the report is a Chinese official document)."""

from dataclasses import dataclass

from django.utils.module_loading import autodiscover_modules

ORDINALS = "一二三四五六七八九十"

# theme: (order, lead-in heading, opening sentence of the paragraph)
THEMES = {
    "government": (
        10,
        "扎实推进法治政府建设。",
        "统筹推进依法行政各项工作，法治政府建设取得新进展。",
    ),
    "society": (20, "共同推进法治社会建设。", "立足基层、服务群众，矛盾纠纷多元化解机制不断完善。"),
}


@dataclass(frozen=True)
class ReportItem:
    key: str  # e.g. "legality.review"
    theme: str  # a key of THEMES
    lead: str  # 严把合法性审查关。
    text: str  # with figure references
    order: int = 100


_items: dict[str, ReportItem] = {}


def register_item(*items: ReportItem) -> None:
    for item in items:
        if item.theme not in THEMES:
            raise ValueError(f"report item {item.key}: unknown theme {item.theme}")
        _items[item.key] = item


def all_items() -> list[ReportItem]:
    autodiscover_modules("report_paragraphs")
    return sorted(_items.values(), key=lambda i: (THEMES[i.theme][0], i.order, i.key))


def generated_paragraphs() -> list[tuple[str, str, str]]:
    """(source, heading, text) of each generated paragraph of section 一, in order."""
    by_theme: dict[str, list[ReportItem]] = {}
    for item in all_items():
        by_theme.setdefault(item.theme, []).append(item)
    paragraphs = []
    for theme, items in by_theme.items():
        _order, heading, opening = THEMES[theme]
        clauses = "".join(f"{ORDINALS[n]}是{item.lead}{item.text}" for n, item in enumerate(items))
        paragraphs.append((f"theme:{theme}", heading, opening + clauses))
    return paragraphs
