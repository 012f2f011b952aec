"""The basis letter (函) must be this year's: the same 字號 as last year's plan of
the office means the basis section was not updated after cloning."""
from __future__ import annotations

import unicodedata

from ..yeartext import find_letters
from .registry import ERROR, rule


def _basis_letters(sections):
    for section in sections:
        for paragraph in section.paragraphs:
            yield from find_letters(paragraph.text)


def _number(letter) -> str:
    return unicodedata.normalize("NFKC", letter.number)


@rule("letter-repeat", "來函文號未更新")
def same_letter_as_last_year(ctx):
    previous = ctx.previous_plan
    if previous is None:
        return
    basis = [s for s in previous.sections if "依據" in s.heading] or previous.sections[:1]
    # standing letters (a law of 106 cited every year) are older than last year's plan
    # (or its December-before letter): citing them again is no repeat
    old_numbers = {_number(l) for l in _basis_letters(basis)
                   if l.year is None or l.year >= previous.year - 1}
    current_basis = ctx.basis_sections()
    for field in ctx.fields:
        if field.section is None or field.section not in current_basis or field.ref.attr != "paragraph":
            continue
        for letter in find_letters(field.text):
            if _number(letter) in old_numbers:
                yield ctx.finding("letter-repeat", ERROR, field,
                                  f"來函「{letter.text(field.text)}」與 {previous.year} 年度計畫所引相同，請更新本年度來函文號。")
