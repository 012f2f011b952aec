"""The format-neutral layout step: a plan (or a plain table) becomes :class:`Document` blocks.

Everything a reader sees is decided here from the plan and its layout profile —
numbering, heading punctuation, indents, table spans, footer — so the DOCX and
ODT writers only translate blocks into their formats.
"""
from __future__ import annotations

from ..model import Plan
from ..numbering import node_tokens, paragraph_tokens, section_tokens
from ..profiles import load_profile
from ..sanitize import clean_line, clean_text
from .blocks import Cell, Document, Para, Table, grid, rich_para
from .linebreak import title_lines
from .table_layout import plan_table
from .units import size_pt, usable_width_cm


def heading_text(heading: str, profile: dict) -> str:
    """「計畫依據」→「計畫依據：」; a heading that is a whole sentence keeps its own ending."""
    suffix = profile.get("heading_suffix", "：")
    if not heading or heading[-1] in "：:。.；;！？!?":
        return heading
    return heading + suffix


def _sanitise(doc: Document) -> Document:
    """Clean every text once here, so no writer ever meets a control character."""
    def fix(para: Para) -> None:
        para.text = clean_text(para.text)
        para.token = clean_line(para.token)
        if para.runs:
            para.runs = [(clean_text(text), mark) for text, mark in para.runs]

    for block in doc.blocks:
        if isinstance(block, Para):
            fix(block)
            continue
        for row in block.header + block.rows:
            for cell in row:
                if isinstance(cell, Cell):
                    for para in cell.paragraphs:
                        fix(para)
    return doc


def title_paras(title: str, profile: dict) -> list[Para]:
    """The centred title; one too long for a line breaks at a natural point, a
    paragraph a line (the importer joins a title's paragraphs back into one)."""
    width_em = usable_width_cm(profile) / 2.54 * 72 / size_pt(profile, "title")
    return [Para(line, style="title", bold=True, align="center", keep_next=True)
            for line in title_lines(clean_line(title), width_em)]


def plan_document(plan: Plan) -> Document:
    """The whole plan in its profile's official layout."""
    profile = load_profile(plan.profile)
    layout = profile.get("layout", {})
    body_indent = layout.get("body_indent_em", 2)
    body_align = layout.get("body_align", "left")
    doc = Document(profile=profile, footer=profile.get("footer", ""), title=clean_line(plan.title),
                   author=clean_line(plan.office or plan.organization))
    doc.blocks.extend(title_paras(plan.title, profile))
    if plan.date_line:
        doc.blocks.append(Para(plan.date_line, style="date_line", align=layout.get("date_line_align", "right"),
                               keep_next=True))
    tokens = node_tokens(plan)
    for section, tok in zip(plan.sections, section_tokens(plan)):
        doc.blocks.append(Para(heading_text(section.heading, profile), style="heading", token=tok, bold=True,
                               keep_next=True))
        # A table's intro lines stay with the table; other text only keeps its heading.
        intro = section.kind == "table"
        for para, ptok in zip(section.paragraphs, paragraph_tokens(plan, section.paragraphs)):
            if ptok:
                doc.blocks.append(Para(para.text, token=ptok, indent_em=body_indent, align=body_align,
                                       keep_next=intro))
            else:
                doc.blocks.append(Para(para.text, indent_em=body_indent, align=body_align,
                                       first_line_em=layout.get("body_first_line_em", 0), keep_next=intro))
        if section.kind == "table":
            doc.blocks.append(plan_table(plan, tokens, profile))
            for note in section.notes:
                doc.blocks.append(Para(note, style="note"))
    return _sanitise(doc)


def _cell_paragraphs(value) -> list[Para]:
    """A cell given as text ("\n" between paragraphs) or as a list of paragraphs,
    each a text or a list of ``(text, mark)`` rich runs."""
    if not isinstance(value, list):
        text = "" if value is None else str(value)
        return [Para(line, style="table") for line in text.split("\n")]
    return [Para(line, style="table") if isinstance(line, str) else rich_para(line) for line in value]


def table_document(title: str, headers: list[str], rows: list[list], profile_name: str,
                   widths: list[float] | None = None, intro: str = "") -> Document:
    """A titled document holding one plain table (e.g. the 新舊對照表); cells as
    :func:`_cell_paragraphs` reads them; ``intro`` a line between title and table."""
    profile = load_profile(profile_name)
    doc = Document(profile=profile, footer=profile.get("footer", ""), title=clean_line(title))
    doc.blocks.extend(title_paras(title, profile))
    if intro:
        doc.blocks.append(Para(intro, keep_next=True))  # stays with the table
    width = len(headers)
    header = [Cell([Para(h, style="table_header", bold=True, align="center")], align="center")
              for h in headers]
    body = []
    for row in rows:
        cells = list(row)[:width]
        cells += [""] * (width - len(cells))
        body.append([Cell(_cell_paragraphs(value)) for value in cells])
    table = Table(widths=list(widths or [1.0] * width), header=grid([header]), rows=grid(body))
    doc.blocks.append(table)
    return _sanitise(doc)
