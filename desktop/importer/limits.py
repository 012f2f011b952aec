"""Resource limits for reading documents: derived from the plan limits of
desktop/limits.py (so PlanDesk re-imports whatever it exports; a hualien-sized
plan is ~200 KB of XML and ~150 rows), small enough to refuse hostile files fast."""

from .. import limits as core
from ..errors import PlanDeskError
from .blocks import GridBuilder

# one uncompressed XML part: at least what PlanDesk writes for the largest plan it accepts
MAX_PART_BYTES = core.MAX_XML_PART_BYTES
MAX_TOTAL_BYTES = MAX_PART_BYTES + 40 * 1024 * 1024  # all declared uncompressed sizes together
MAX_RATIO = 200                          # uncompressed / compressed for a part over 1 MB
MAX_MEMBERS = 5000                       # entries in the zip
MAX_ROWS = core.MAX_NODES + 100          # table rows (after ODT row repetition): one per item at most
MAX_COLUMNS = 64                         # table grid columns
MAX_PARAGRAPHS = 200000                  # paragraphs in the whole document


class Budget:
    """What a format reader may still read of one file; both readers share it so the
    limits and their messages are the same for DOCX and ODT."""

    def __init__(self, name: str):
        self.name = name
        self.paragraphs = 0

    def too_big(self, what: str) -> PlanDeskError:
        return PlanDeskError(f"{self.name} 超出可匯入的大小（{what}），請確認是年度執行計畫文件，或分成幾個檔案再匯入。")

    def paragraph(self) -> None:
        self.paragraphs += 1
        if self.paragraphs > MAX_PARAGRAPHS:
            raise self.too_big(f"超過 {MAX_PARAGRAPHS} 個段落")

    def grid(self) -> GridBuilder:
        return GridBuilder(MAX_ROWS, MAX_COLUMNS, self.too_big)
