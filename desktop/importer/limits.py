"""Resource limits for reading documents: generous for real plans (a hualien-sized
plan is ~200 KB of XML and ~150 rows), small enough to refuse hostile files fast."""

from ..errors import PlanDeskError
from .blocks import GridBuilder

MAX_FILE_BYTES = 50 * 1024 * 1024        # the .docx/.odt file itself
MAX_PART_BYTES = 40 * 1024 * 1024        # one uncompressed XML part (document.xml, content.xml)
MAX_TOTAL_BYTES = 200 * 1024 * 1024      # all declared uncompressed sizes together
MAX_RATIO = 200                          # uncompressed / compressed for a part over 1 MB
MAX_MEMBERS = 5000                       # entries in the zip
MAX_ROWS = 20000                         # table rows (after ODT row repetition)
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
