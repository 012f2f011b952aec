"""A date field that shows and reads 民國 dates (108/07/05), as clerks write them."""
from __future__ import annotations

import re

from PySide6.QtCore import QDate, QDateTime
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDateEdit

from ..yeartext import ROC_OFFSET, roc_short_date

_ROC = re.compile(r"^\s*(\d{1,3})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*$")


class RocDateEdit(QDateEdit):
    """QDateEdit whose text is 'yyy/MM/dd' in the ROC calendar; the calendar popup stays Gregorian
    (Qt has no ROC calendar), the value is an ordinary QDate."""

    def textFromDateTime(self, value: QDateTime) -> str:  # noqa: N802 (Qt override)
        return roc_short_date(value.date().toPython())

    def dateTimeFromText(self, text: str) -> QDateTime:  # noqa: N802
        parsed = _parse(text)
        return QDateTime(parsed if parsed else self.date(), self.time())

    def validate(self, text: str, pos: int):
        # only the padded form is final, so typing 108/07/1… is not cut short at 108/07/01
        parsed = _parse(text)
        if parsed and text == roc_short_date(parsed.toPython()):
            return QValidator.Acceptable, text, pos
        return (QValidator.Intermediate if re.fullmatch(r"[\d/.\-\s]*", text) else QValidator.Invalid), text, pos

    def fixup(self, text: str) -> str:
        """108/7/5 → 108/07/05 on Enter or leaving the field."""
        parsed = _parse(text)
        return roc_short_date(parsed.toPython()) if parsed else text


def _parse(text: str) -> QDate | None:
    match = _ROC.match(text)
    if not match:
        return None
    year, month, day = (int(part) for part in match.groups())
    parsed = QDate(year + ROC_OFFSET, month, day)
    return parsed if parsed.isValid() else None
