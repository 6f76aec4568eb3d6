"""Word documents in the style of GB/T 9704-2012 (党政机关公文格式), built with python-docx.

Every generated document (调解协议书, 合法性审查意见书, 行政复议决定书, the annual report) starts
from `new_document()` and writes with the helpers below, so margins, fonts and spacing agree.

Fonts are named as government PCs have them (仿宋_GB2312, 黑体, 楷体_GB2312, 方正小标宋简体). The
font table lists an alternative name for each (FangSong, SimHei, KaiTi), which Word uses when the
font is not installed; LibreOffice on Linux
falls back to whatever CJK font fontconfig offers (Noto CJK from Debian's fonts-noto-cjk).
"""

import unicodedata
from datetime import date
from io import BytesIO

import docx
from django.http import HttpResponse
from django.utils.http import content_disposition_header
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.oxml import serialize_part_xml
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from fazhi.core.validators import strip_control_characters

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

BODY_FONT = "仿宋_GB2312"
TITLE_FONT = "方正小标宋简体"
HEADING_FONTS = {1: "黑体", 2: "楷体_GB2312", 3: BODY_FONT}  # 一、 （一） 1.
BODY_SIZE = 16  # 三号
TITLE_SIZE = 22  # 二号
LINE_SPACING = 28  # fixed, in points: 22 lines on a page

# name: (alternative name, panose) for the font table; charset 86 is GB2312.
FONT_TABLE = {
    "仿宋_GB2312": ("FangSong", "02010609060101010101"),
    "仿宋": ("FangSong", "02010609060101010101"),
    "黑体": ("SimHei", "02010609060101010101"),
    "楷体_GB2312": ("KaiTi", "02010609060101010101"),
    "楷体": ("KaiTi", "02010609060101010101"),
    "方正小标宋简体": ("宋体", "02000000000000000000"),
}


def new_document() -> Document:
    """An empty A4 document with GB/T 9704 margins and 仿宋 三号 body text on 28 pt lines."""
    doc = docx.Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)

    normal = doc.styles["Normal"]
    set_font(normal, BODY_FONT)
    normal.font.size = Pt(BODY_SIZE)
    lang = OxmlElement("w:lang")  # Chinese for CJK text; Latin text stays en-US
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    normal.element.get_or_add_rPr().append(lang)
    fmt = normal.paragraph_format
    fmt.line_spacing = Pt(LINE_SPACING)  # a Length means "exactly"
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.widow_control = False  # Chinese documents fill pages line by line
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY  # 两端对齐
    _add_font_table_entries(doc)
    return doc


def set_font(target, name: str) -> None:
    """Use `name` for both Chinese and Latin text of a style or run (w:rFonts ascii, hAnsi,
    eastAsia); Word otherwise keeps its own East Asian theme font for Chinese characters."""
    target.font.name = name
    rfonts = target.element.get_or_add_rPr().get_or_add_rFonts()
    rfonts.set(qn("w:eastAsia"), name)


def add_paragraph(
    doc: Document,
    text: str,
    *,
    indent: bool = True,
    bold: bool = False,
    align: WD_ALIGN_PARAGRAPH | None = None,
    font: str | None = None,
    size: float | None = None,
):
    """A paragraph of one run; `indent` gives the usual two-character first-line indent."""
    paragraph = doc.add_paragraph()
    run = paragraph.add_run(strip_control_characters(text))
    run.bold = bold or None
    if font:
        set_font(run, font)
    if size:
        run.font.size = Pt(size)
    if indent:
        paragraph.paragraph_format.first_line_indent = Pt(2 * (size or BODY_SIZE))
    if align is not None:
        paragraph.alignment = align
    return paragraph


def add_title(doc: Document, text: str):
    """The document title: 二号 方正小标宋简体, centred, followed by a blank line."""
    paragraph = add_paragraph(
        doc, text, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER, font=TITLE_FONT, size=TITLE_SIZE
    )
    paragraph.paragraph_format.line_spacing = Pt(36)
    paragraph.paragraph_format.space_after = Pt(LINE_SPACING)
    return paragraph


def add_heading_line(doc: Document, text: str, level: int):
    """A heading line inside the body: level 1 黑体 (一、), 2 楷体 (（一）), 3 仿宋 bold (1.)."""
    return add_paragraph(doc, text, font=HEADING_FONTS[level], bold=level == 3)


def add_signature(doc: Document, issuer: str, on: date):
    """The issuer's name centred over the date, the date four characters from the right margin
    (GB/T 9704 7.3.5.1), after a blank line; kept on one page. Returns the two paragraphs."""
    doc.add_paragraph().paragraph_format.keep_with_next = True
    date_text = chinese_date(on)
    date_right = 4 * BODY_SIZE
    issuer_right = date_right + (_width_em(date_text) - _width_em(issuer)) / 2 * BODY_SIZE
    lines = []
    for text, right in ((issuer, issuer_right), (date_text, date_right)):
        paragraph = add_paragraph(doc, text, indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
        paragraph.paragraph_format.right_indent = Pt(max(right, 0))
        paragraph.paragraph_format.keep_with_next = not lines
        lines.append(paragraph)
    return tuple(lines)


def chinese_date(on: date) -> str:
    """2019年3月5日: the year in full, month and day without a leading zero."""
    return f"{on.year}年{on.month}月{on.day}日"


def docx_bytes(doc: Document) -> bytes:
    buffer = BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def docx_response(doc: Document, filename: str) -> HttpResponse:
    """A download of the document; the file name may be Chinese (RFC 5987 filename*)."""
    response = HttpResponse(docx_bytes(doc), content_type=DOCX_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def _width_em(text: str) -> float:
    """Width in characters of the body font: Chinese (full-width) 1, Latin and digits 1/2."""
    return sum(1 if unicodedata.east_asian_width(c) in "FW" else 0.5 for c in text)


def _add_font_table_entries(doc: Document) -> None:
    part = next(p for p in doc.part.package.iter_parts() if p.partname == "/word/fontTable.xml")
    fonts = parse_xml(part.blob)
    for name, (alternative, panose) in FONT_TABLE.items():
        font = OxmlElement("w:font")
        font.set(qn("w:name"), name)
        for tag, value in (
            ("w:altName", alternative),
            ("w:panose1", panose),
            ("w:charset", "86"),
            ("w:family", "modern"),
            ("w:pitch", "variable"),
        ):
            child = OxmlElement(tag)
            child.set(qn("w:val"), value)
            font.append(child)
        fonts.append(font)
    part._blob = serialize_part_xml(fonts)  # python-docx keeps this part as bytes only
