"""The documentation render of a 對照表: hualien-108 against next year's copy with
one item edited, one removed and one moved, saved as DOCX, converted by LibreOffice
and rendered to ``docs/renders/hualien-diff-docx-1.png`` (page 1)::

    python3 -m desktop.diff.render docs/renders
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from ..model import Plan


def sample_pair() -> tuple[Plan, Plan]:
    """hualien-108 and its 109 copy: rolled as proposed, then edited, removed, moved."""
    from ..clone import copy_plan
    from ..exchange import read_plan_file
    from ..ops import DeleteNodes, EditNode, move_by
    from ..paths import data_dir
    from ..rollover import apply_proposals, propose
    old = read_plan_file(data_dir("templates") / "plans" / "examples" / "hualien-108.json")
    new = copy_plan(old)
    apply_proposals(new, [p for p in propose(new, 109) if p.accept])
    new.year = 109
    strategy = new.tree[0].children[0]
    item = strategy.children[1].children[0]
    EditNode(item.id, {"text": item.text.replace("以提升申辦案件的處理效率", "以提升申辦案件處理效率，並每季檢討辦理情形")}).apply(new)
    DeleteNodes([strategy.children[1].children[2].id]).apply(new)
    move_by(new, strategy.children[1].children[1].id, -1).apply(new)
    return old, new


def render_sample(out_dir: Path, last: int = 1, dpi: int = 70) -> list[Path]:
    from ..export.pdf import convert_to_pdf
    from ..export.preview import render_pages
    from . import compare_plans
    from .table import write_diff_table
    old, new = sample_pair()
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        source = write_diff_table(old, new, compare_plans(old, new), "docx", Path(tmp) / "對照表.docx")
        pdf = convert_to_pdf(source, Path(tmp))
        return render_pages(pdf, out_dir, dpi, 1, last, prefix="hualien-diff-docx", gray=True)


if __name__ == "__main__":
    for path in render_sample(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/renders")):
        print(path)
