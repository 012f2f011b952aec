"""Sizes shared by the writers: which profile size a block style uses, indents in points."""
from __future__ import annotations

from .blocks import Para, text_width_em

# Block style → key of the profile's ``sizes_pt`` (styles without a key of their own).
_SIZE_KEYS = {"table_header": "table", "note": "body"}


def size_pt(profile: dict, style: str) -> float:
    sizes = profile["sizes_pt"]
    return float(sizes.get(style) or sizes.get(_SIZE_KEYS.get(style, "body")) or sizes["body"])


def line_spacing(profile: dict, style: str) -> float:
    """Proportional line spacing: tables are set tighter than running text."""
    if style.startswith("table"):
        return float(profile.get("table", {}).get("line_spacing", 1.0))
    return float(profile.get("line_spacing", 1.0))


def indents_pt(profile: dict, para: Para) -> tuple[float, float]:
    """(left indent, first-line indent) in points; a token gives a hanging indent
    as wide as the token so wrapped lines align with the text after it."""
    size = size_pt(profile, para.style)
    left = para.indent_em * size
    if para.token and para.hang:
        hang = text_width_em(para.token) * size
        return left + hang, -hang
    return left, para.first_line_em * size


def usable_width_cm(profile: dict) -> float:
    page = profile["page"]
    width = 29.7 if page.get("orientation") == "landscape" else 21.0
    margins = page["margins_cm"]
    return width - margins["left"] - margins["right"]


def usable_height_cm(profile: dict) -> float:
    page = profile["page"]
    height = 21.0 if page.get("orientation") == "landscape" else 29.7
    margins = page["margins_cm"]
    return height - margins["top"] - margins["bottom"] - page.get("footer_distance_cm", 1.0)


def column_widths_cm(profile: dict, relative: list[float]) -> list[float]:
    total = sum(relative) or 1.0
    usable = usable_width_cm(profile)
    return [usable * w / total for w in relative]


def spacing_pt(profile: dict, style: str) -> tuple[float, float]:
    """(space before, space after) a paragraph of ``style``; 0 unless the profile says."""
    before, after = profile.get("layout", {}).get("spacing_pt", {}).get(style, (0, 0))
    return float(before), float(after)


def cell_padding_cm(profile: dict) -> tuple[float, float]:
    """(top/bottom, left/right) padding inside table cells."""
    pad = profile.get("table", {}).get("cell_padding_cm", {})
    return float(pad.get("vertical", 0.05)), float(pad.get("horizontal", 0.1))
