"""半年自行考核: review periods, each item's 執行情形 per period, department return
forms (write, read, merge) and the 成果 report with its 考核結果統計表.

Qt-free core. Kept import-free so ``desktop.model`` can hold a plan's
:class:`~desktop.assessment.model.Review` without import cycles.
"""
