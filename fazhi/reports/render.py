"""A report laid out once as blocks of text and figures; the Word document, the HTML page and
the stored text of a published report are all written from these blocks."""

from dataclasses import dataclass, field

from fazhi.core.documents import chinese_date
from fazhi.reports.figures import Figure, figures_for
from fazhi.reports.paragraphs import ORDINALS
from fazhi.reports.references import references_in


@dataclass
class Block:
    kind: str  # title | recipient | section | paragraph | signature
    heading: str = ""  # section: "一、…"; paragraph: "（一）…"
    parts: list = field(default_factory=list)  # str and Figure, in order

    @property
    def text(self) -> str:
        return self.heading + "".join(p if isinstance(p, str) else p.text for p in self.parts)


def numeral(n: int) -> str:
    """1 → 一, 12 → 十二 (headings rarely go past twenty)."""
    if n <= 10:
        return ORDINALS[n - 1]
    tens, ones = divmod(n, 10)
    return f"{'' if tens == 1 else ORDINALS[tens - 1]}十{ORDINALS[ones - 1] if ones else ''}"


def split(text: str, figures: dict[str, Figure]) -> list:
    parts, at = [], 0
    for ref in references_in(text):
        if ref.start > at:
            parts.append(text[at : ref.start])
        parts.append(figures[ref.name])
        at = ref.end
    if at < len(text):
        parts.append(text[at:])
    return parts


def layout(report, figures: dict[str, Figure] | None = None) -> list[Block]:
    figures = figures_for(report) if figures is None else figures
    blocks = [Block("title", parts=[report.title])]
    if report.recipient:
        recipient = report.recipient.rstrip("：:")
        blocks.append(Block("recipient", parts=[f"{recipient}："]))
    blocks.append(Block("paragraph", parts=split(report.opening, figures)))
    for n, section in enumerate(report.sections.all(), start=1):
        blocks.append(Block("section", heading=f"{numeral(n)}、{section.title}"))
        lead = 0
        for paragraph in section.paragraphs.all():
            heading = ""
            if paragraph.heading:
                lead += 1
                heading = f"（{numeral(lead)}）{paragraph.heading}"
            blocks.append(Block("paragraph", heading=heading, parts=split(paragraph.text, figures)))
    blocks.append(
        Block(
            "signature",
            parts=[
                report.signature_organ,
                chinese_date(report.signature_date) if report.signature_date else "",
            ],
        )
    )
    return blocks


def plain_text(blocks: list[Block]) -> str:
    """The report as text, one block a line (what a published report stores and hashes)."""
    lines = []
    for block in blocks:
        if block.kind == "signature":
            lines += [p for p in block.parts if p]
        else:
            lines.append(block.text)
    return "\n".join(lines) + "\n"
