"""The report as a Word document in GB/T 9704-2012 layout (REPORT-FORMAT.md): A4, margins
37/35/28/26 mm, title 二号 小标宋, body 三号 仿宋 on fixed 28 pt lines with a two-character
indent, headings 黑体 (一、) and 楷体 (（一）), Latin and digits in Times New Roman, page numbers
"— 1 —" in 四号 宋体 at the outer side (odd pages right, even pages left), and the unsealed
signature: the organ two characters from the right, the date two characters further in."""

import re

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from fazhi.core.documents import (
    BODY_SIZE,
    HEADING_FONTS,
    TITLE_FONT,
    TITLE_SIZE,
    _width_em,
    add_paragraph,
    add_title,
    new_document,
    set_font,
)
from fazhi.core.validators import strip_control_characters
from fazhi.reports.render import Block

LATIN_FONT = "Times New Roman"
PAGE_NUMBER_FONT = "宋体"
PAGE_NUMBER_SIZE = 14  # 四号
TITLE_LINE = 20  # characters of 二号 on the 156 mm line


def report_document(blocks: list[Block], *, latin_font: str | None = LATIN_FONT):
    """The Word document; `latin_font=None` leaves digits in the body font (for the PDF:
    LibreOffice dropped a full stop that ended a line after a run in another font)."""
    doc = new_document()
    _no_space_around_digits(doc.styles["Normal"].element)
    _page_numbers(doc)
    for block in blocks:
        if block.kind == "title":
            _title(doc, block.text, latin_font)
        elif block.kind == "recipient":
            _text(add_paragraph(doc, "", indent=False), block.text, latin=latin_font)
        elif block.kind == "section":
            paragraph = add_paragraph(doc, "")
            _text(paragraph, block.heading, font=HEADING_FONTS[1], latin=latin_font)
            paragraph.paragraph_format.keep_with_next = True
        elif block.kind == "paragraph":
            paragraph = add_paragraph(doc, "")
            if block.heading:  # （一） 楷体, bold as is common
                _text(paragraph, block.heading, font=HEADING_FONTS[2], bold=True, latin=latin_font)
            text = "".join(p if isinstance(p, str) else p.text for p in block.parts)
            _text(paragraph, text, latin=latin_font)
        elif block.kind == "signature":
            _signature(doc, *block.parts, latin=latin_font)
    return doc


LATIN = re.compile(r"[0-9A-Za-z%.\-+/:]+")


def _text(paragraph, text: str, *, font=None, bold=None, size=None, latin=LATIN_FONT) -> None:
    """Runs of `text`: Latin letters and digits in `latin` (Times New Roman), the rest in
    `font` (the body font by default). Control characters stored before inputs refused them
    are dropped: a Word document cannot hold them."""
    text = strip_control_characters(text)
    at = 0
    for match in [*LATIN.finditer(text), None]:
        chinese = text[at : match.start()] if match else text[at:]
        pieces = [(chinese, False)] + ([(match.group(0), True)] if match else [])
        for piece, is_latin in pieces:
            if not piece:
                continue
            run = paragraph.add_run(piece)
            if font:
                set_font(run, font)
            if is_latin and latin:
                rfonts = run._r.get_or_add_rPr().get_or_add_rFonts()
                rfonts.set(qn("w:ascii"), latin)
                rfonts.set(qn("w:hAnsi"), latin)
            run.bold = bold
            if size:
                run.font.size = Pt(size)
        if match:
            at = match.end()


def _no_space_around_digits(element) -> None:
    """Figures sit in the running text as in print ("调处纠纷2197件"), without the gap Word
    otherwise puts between Chinese and Latin letters or digits."""
    ppr = element.get_or_add_pPr()
    successors = ("w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:jc")
    for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):
        element = OxmlElement(tag)
        element.set(qn("w:val"), "0")
        ppr.insert_element_before(element, *successors)


def title_lines(title: str) -> list[str]:
    """A title longer than a line breaks into a trapezoid: the shorter line on top, broken
    before the year when there is one (绵阳市游仙区司法局 / 2019年法治政府建设年度报告)."""
    if _width_em(title) <= TITLE_LINE:
        return [title]
    digit = next((i for i, c in enumerate(title) if c.isdigit()), None)
    if digit and _width_em(title[digit:]) <= TITLE_LINE and digit <= len(title) - digit:
        return [title[:digit], title[digit:]]
    cut = len(title) // 2
    return [title[:cut], title[cut:]]


def _title(doc, title: str, latin) -> None:
    paragraph = add_title(doc, "")
    for n, line in enumerate(title_lines(title)):
        if n:
            paragraph.add_run().add_break(WD_BREAK.LINE)
        _text(paragraph, line, font=TITLE_FONT, size=TITLE_SIZE, latin=latin)


def _signature(doc, organ: str, signed: str, latin) -> None:
    """Unsealed (as published, GB/T 9704 7.3.5.2): a blank line, the organ two characters from
    the right margin, the date below starting two characters to the right of the organ's first
    character; a date longer than that allows sits two characters from the right and the
    organ moves left to keep the two characters."""
    doc.add_paragraph().paragraph_format.keep_with_next = True
    organ_width, date_width = _width_em(organ), _width_em(signed)
    date_right = 2 + organ_width - 2 - date_width
    organ_right = 2
    if date_right < 2:
        date_right = 2
        organ_right = date_right + date_width + 2 - organ_width
    for text, right, keep in ((organ, organ_right, True), (signed, date_right, False)):
        paragraph = add_paragraph(doc, "", indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
        _text(paragraph, text, latin=latin)
        paragraph.paragraph_format.right_indent = Pt(right * BODY_SIZE)
        paragraph.paragraph_format.keep_with_next = keep


def _page_numbers(doc) -> None:
    """ "— 1 —" in the footer, 7 mm below the text block: odd pages at the right, even pages at
    the left, each one character in from the margin."""
    doc.settings.odd_and_even_pages_header_footer = True
    section = doc.sections[0]
    # The text block ends 35 mm above the page edge; the number's line (四号, ≈ 5 mm) starts
    # 7 mm below it.
    section.footer_distance = Mm(35 - 7 - 5)
    for footer, align, side in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT, "right"),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT, "left"),
    ):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph.alignment = align
        fmt = paragraph.paragraph_format
        fmt.first_line_indent = Pt(0)
        if side == "right":
            fmt.right_indent = Pt(PAGE_NUMBER_SIZE)
        else:
            fmt.left_indent = Pt(PAGE_NUMBER_SIZE)
        _page_number_runs(paragraph)


def _page_number_runs(paragraph) -> None:
    def run(text="", field=None):
        r = paragraph.add_run(text)
        set_font(r, PAGE_NUMBER_FONT)
        rfonts = r._r.get_or_add_rPr().get_or_add_rFonts()
        rfonts.set(qn("w:ascii"), LATIN_FONT)  # half-width digits in Times New Roman
        rfonts.set(qn("w:hAnsi"), LATIN_FONT)
        r.font.size = Pt(PAGE_NUMBER_SIZE)
        if field is not None:
            element = OxmlElement(field[0])
            if field[0] == "w:fldChar":
                element.set(qn("w:fldCharType"), field[1])
            else:
                element.set(qn("xml:space"), "preserve")
                element.text = field[1]
            r._r.append(element)
        return r

    run("— ")
    run(field=("w:fldChar", "begin"))
    run(field=("w:instrText", " PAGE "))
    run(field=("w:fldChar", "separate"))
    run("1")
    run(field=("w:fldChar", "end"))
    run(" —")
