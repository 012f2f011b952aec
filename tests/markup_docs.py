"""Marked-up copies of exported plans, as the 處長 sends them back: tracked
insertions and deletions (w:ins, w:del), a tracked row move (w:moveFrom/w:moveTo),
comments (comments.xml with anchored ranges) and edits made without tracking,
written into the DOCX XML the way Word writes them."""
from __future__ import annotations

import copy
import zipfile
from pathlib import Path

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = "{%s}" % W_NS
DATE = "2026-11-30T09:15:00Z"
BOSS, DEPUTY = "王處長", "李副處長"


class Markup:
    """Edits to one exported DOCX; ``save`` writes the marked-up copy."""

    def __init__(self, source: Path):
        self.source = Path(source)
        with zipfile.ZipFile(self.source) as z:
            self.parts = {name: z.read(name) for name in z.namelist()}
        self.root = etree.fromstring(self.parts["word/document.xml"])
        self.comments: list[etree._Element] = []
        self.next_id = 100

    def _id(self) -> str:
        self.next_id += 1
        return str(self.next_id)

    def _change(self, tag: str, author: str):
        return etree.Element(W + tag, {W + "id": self._id(), W + "author": author, W + "date": DATE})

    def _text_node(self, text: str, within=None):
        nodes = [t for t in (within if within is not None else self.root).iter(W + "t") if text in (t.text or "")]
        assert len(nodes) == 1, f"{text!r} found {len(nodes)} times"
        return nodes[0]

    def _split(self, text: str, within=None):
        """Split the run holding ``text`` into before / text / after runs; the middle run."""
        t = self._text_node(text, within)
        run = t.getparent()
        before, _, after = t.text.partition(text)
        pieces = []
        for piece in (before, text, after):
            new = copy.deepcopy(run)
            new.find(W + "t").text = piece
            pieces.append(new)
        parent, index = run.getparent(), run.getparent().index(run)
        parent.remove(run)
        for offset, piece in enumerate(p for p in pieces if p.find(W + "t").text):
            parent.insert(index + offset, piece)
        return next(p for p in pieces if p.find(W + "t").text == text)

    def insert(self, after_text: str, inserted: str, author: str = BOSS) -> "Markup":
        run = self._split(after_text)
        ins = self._change("ins", author)
        new_run = copy.deepcopy(run)
        new_run.find(W + "t").text = inserted
        ins.append(new_run)
        run.addnext(ins)
        return self

    def insert_paragraph(self, after_text: str, text: str, author: str = BOSS) -> "Markup":
        """Word's tracked new paragraph: its mark and its text are insertions."""
        paragraph = next(self._text_node(after_text).iterancestors(W + "p"))
        new = copy.deepcopy(paragraph)
        runs = list(new.iter(W + "r"))
        for run in runs[1:]:
            run.getparent().remove(run)
        runs[0].find(W + "t").text = text
        ins = self._change("ins", author)
        runs[0].addprevious(ins)
        ins.append(runs[0])
        p_pr = new.find(W + "pPr")
        r_pr = p_pr.find(W + "rPr")
        if r_pr is None:
            r_pr = etree.SubElement(p_pr, W + "rPr")
        r_pr.append(self._change("ins", author))
        paragraph.addnext(new)
        return self

    def delete_paragraph(self, text: str, author: str = BOSS) -> "Markup":
        """Word's tracked deletion of a whole paragraph: its text and its mark."""
        paragraph = next(self._text_node(text).iterancestors(W + "p"))
        for run in list(paragraph.iter(W + "r")):
            wrapper = self._change("del", author)
            run.addprevious(wrapper)
            wrapper.append(run)
            for t in run.iter(W + "t"):
                t.tag = W + "delText"
        p_pr = paragraph.find(W + "pPr")
        r_pr = p_pr.find(W + "rPr")
        if r_pr is None:
            r_pr = etree.SubElement(p_pr, W + "rPr")
        r_pr.append(self._change("del", author))
        return self

    def delete(self, text: str, author: str = BOSS) -> "Markup":
        run = self._split(text)
        wrapper = self._change("del", author)
        run.addprevious(wrapper)
        wrapper.append(run)
        run.find(W + "t").tag = W + "delText"
        return self

    def _row(self, text: str):
        t = self._text_node(text)
        return next(a for a in t.iterancestors(W + "tr"))

    def _track_row(self, row, change: str, run_wrapper: str, author: str) -> None:
        tr_pr = row.find(W + "trPr")
        if tr_pr is None:
            tr_pr = etree.Element(W + "trPr")
            row.insert(0, tr_pr)
        tr_pr.append(self._change(change, author))
        for run in list(row.iter(W + "r")):
            wrapper = self._change(run_wrapper, author)
            run.addprevious(wrapper)
            wrapper.append(run)
            if change == "del":
                for t in run.iter(W + "t"):
                    t.tag = W + "delText"

    def insert_row(self, after_text: str, old: str, new: str, author: str = BOSS) -> "Markup":
        """A tracked new row: a copy of the row holding ``after_text`` with ``old`` → ``new``."""
        self.add_row(after_text, old, new)
        self._track_row(self._row(new), "ins", "ins", author)
        return self

    def delete_row(self, text: str, author: str = BOSS) -> "Markup":
        self._track_row(self._row(text), "del", "del", author)
        return self

    def move_row(self, text: str, after_text: str, author: str = BOSS) -> "Markup":
        """Word's tracked move of a table row: the old row moved-from, a copy moved-to."""
        row = self._row(text)
        target = self._row(after_text)
        moved = copy.deepcopy(row)
        self._track_row(row, "del", "moveFrom", author)
        self._track_row(moved, "ins", "moveTo", author)
        target.addnext(moved)
        return self

    def comment(self, text: str, words: str, author: str = BOSS) -> "Markup":
        run = self._split(text)
        cid = str(len(self.comments))
        run.addprevious(etree.Element(W + "commentRangeStart", {W + "id": cid}))
        run.addnext(etree.Element(W + "commentRangeEnd", {W + "id": cid}))
        reference = etree.Element(W + "r")
        etree.SubElement(reference, W + "commentReference", {W + "id": cid})
        run.getnext().addnext(reference)
        comment = etree.Element(W + "comment", {W + "id": cid, W + "author": author, W + "date": DATE,
                                                W + "initials": "王"})
        etree.SubElement(etree.SubElement(etree.SubElement(comment, W + "p"), W + "r"), W + "t").text = words
        self.comments.append(comment)
        return self

    def edit(self, old: str, new: str, within_row: str | None = None) -> "Markup":
        """An edit made with tracking off: the text simply differs."""
        within = self._row(within_row) if within_row else None
        t = self._text_node(old, within)
        t.text = t.text.replace(old, new)
        return self

    def add_row(self, after_text: str, old: str, new: str) -> "Markup":
        """A row typed in without tracking: a copy of the row holding ``after_text``
        with ``old`` replaced by ``new``, right below it."""
        row = self._row(after_text)
        copied = copy.deepcopy(row)
        t = self._text_node(old, copied)
        t.text = t.text.replace(old, new)
        row.addnext(copied)
        return self

    def remove_row(self, text: str) -> "Markup":
        """A row deleted without tracking."""
        row = self._row(text)
        row.getparent().remove(row)
        return self

    def save(self, target: Path) -> Path:
        parts = dict(self.parts)
        parts["word/document.xml"] = etree.tostring(self.root, xml_declaration=True, encoding="UTF-8",
                                                    standalone=True)
        if self.comments:
            root = etree.Element(W + "comments", nsmap={"w": W_NS})
            root.extend(self.comments)
            parts["word/comments.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                                        standalone=True)
            rels = parts["word/_rels/document.xml.rels"].decode()
            rels = rels.replace("</Relationships>", '<Relationship Id="rIdComments" Type="http://schemas.'
                                'openxmlformats.org/officeDocument/2006/relationships/comments" '
                                'Target="comments.xml"/></Relationships>')
            parts["word/_rels/document.xml.rels"] = rels.encode()
            types = parts["[Content_Types].xml"].decode()
            types = types.replace("</Types>", '<Override PartName="/word/comments.xml" ContentType="application/'
                                  'vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>')
            parts["[Content_Types].xml"] = types.encode()
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in parts.items():
                z.writestr(name, data)
        return Path(target)


def mark_up(source, target):
    """The taipei-114 plan as the 處長 returns it (see tests/test_markup_review.EXPECTED)."""
    return (Markup(source)
            .insert("函頒之", "最新")
            .comment("推動以人為本", "請補充具體指標", author=DEPUTY)
            .insert("皆會細心說明", "並留存紀錄")
            .insert("設計組", "、業務組")
            .move_row("如遇停電事故", "針對特殊或弱勢族群、偏遠或交通不便地區用戶，將善用")
            .delete("為強化與用電大戶溝通")
            .delete_row("依「用戶與饋線連結分系統作業程序」")
            .comment("用戶致電 1911 客服專線", "此項請併入(二)")
            .edit("持續辦理", "114年1月至12月", within_row="善用資訊系統，針對政府已有")
            .save(target))
