"""The 處長's corrections: a marked-up DOCX/ODT reviewed change by change into the plan.

Public API (no Qt):

* :func:`desktop.markup.review.review_document(plan, path) <desktop.markup.review.review_document>`
  → :class:`~desktop.markup.review.Review`: every tracked insertion/deletion/move,
  comment and untracked edit as :class:`~desktop.markup.entries.ReviewEntry`
  (``as_dict()``: kind, location, field, old, new, author, date), located on the
  plan's items (numbered path + field) or section paragraphs.
* :func:`desktop.markup.apply.accept_entries(document, chosen, source)
  <desktop.markup.apply.accept_entries>`: the chosen entries as ONE undoable
  operation, comments kept as review notes, the revision logged — one transaction.
* :func:`desktop.markup.summary.markup_report(package) <desktop.markup.summary.markup_report>`:
  what a plain import accepted and left out.

How: the document is read twice by the ordinary importer — all changes accepted,
all rejected — with marker characters around each change (:mod:`.markers`,
:mod:`.docx_views`, :mod:`.odt_views`, :mod:`.views`), so the parser that reads
plans also says where each change lands (:mod:`.locate`); untracked edits come
from comparing the rejected reading with the plan through the 對照表 matching
(:mod:`.compare`).
"""
