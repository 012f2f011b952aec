"""An open plan: applies operations, persists them, keeps undo and redo.

This is the one object the GUI and the CLI edit through. Each ``apply`` is
committed to the library before it returns and reports a :class:`Change`.
"""
from __future__ import annotations

from typing import Callable

from .errors import PlanDeskError, StaleWrite, explain
from .library import Library
from .model import Plan
from .ops import Change, EditPlan, Operation

Listener = Callable[[Change], None]


class PlanDocument:
    def __init__(self, library: Library, plan: Plan, read_only: bool = False):
        self.library = library
        self.plan = plan
        self.read_only = read_only
        self._undo: list[tuple[Operation, object]] = []  # (inverse, merge key)
        self._redo: list[Operation] = []
        self._listeners: list[Listener] = []

    @classmethod
    def open(cls, library: Library, plan_id: int, read_only: bool = False) -> "PlanDocument":
        return cls(library, library.load_plan(plan_id), read_only)

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(change)`` after every applied, undone or redone
        operation; returns the function that ends the subscription."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    @property
    def locked(self) -> bool:
        return self.read_only or self.plan.status == "核定"

    def _check_editable(self, op: Operation) -> None:
        if self.read_only:
            raise PlanDeskError("此計畫以唯讀方式開啟（可能另一個視窗正在編輯），無法修改。")
        review_only = getattr(op, "review_only", False)  # 考核 results: reporting on a plan, not changing it
        if self.plan.status == "核定" and not review_only and not (
                isinstance(op, EditPlan) and set(op.values) == {"status"}):
            raise PlanDeskError("此計畫已核定，內容不能修改；如需修改，請先把狀態改回「陳核」或「草稿」。")

    def apply(self, op: Operation, merge_key: object = None, origin: object = None) -> Change:
        """Apply, persist and record ``op`` for undo; listeners get the Change
        with ``origin`` (the editor that made it).

        Consecutive operations with the same non-None ``merge_key`` (typing in
        one field) form a single undo step.
        """
        self._check_editable(op)
        change, inverse = self._run(op)
        change.origin = origin
        if merge_key is not None and self._undo and self._undo[-1][1] == merge_key:
            pass  # the older inverse already restores the state before typing began
        else:
            self._undo.append((inverse, merge_key))
        self._redo.clear()
        self._notify(change)
        return change

    def _run(self, op: Operation):
        change, inverse = op.apply(self.plan)
        try:
            self.library.persist(self.plan, change)
        except Exception as exc:
            inverse.apply(self.plan)  # keep memory and file in agreement
            if isinstance(exc, PlanDeskError):  # e.g. StaleWrite: already one sentence
                raise
            raise PlanDeskError(f"這次修改未儲存：{explain(exc)}") from exc
        return change, inverse

    def undo(self) -> Change | None:
        if not self._undo:
            return None
        inverse, _ = self._undo[-1]
        self._check_editable(inverse)
        change, redo = self._run(inverse)
        self._undo.pop()
        self._redo.append(redo)
        self._notify(change)
        return change

    def redo(self) -> Change | None:
        if not self._redo:
            return None
        op = self._redo[-1]
        self._check_editable(op)
        change, inverse = self._run(op)
        self._redo.pop()
        self._undo.append((inverse, None))
        self._notify(change)
        return change

    def apply_latest(self, op: Operation, tries: int = 20) -> Change:
        """Apply ``op`` to the library's latest version of the plan: reload and
        apply again when another process wrote in between. Only for one-shot
        commands whose operation does not depend on what a clerk saw (status)."""
        for attempt in range(tries):
            try:
                return self.apply(op)
            except StaleWrite:
                if attempt == tries - 1:
                    raise
                self.reload()

    def reload(self) -> None:
        """Take the library's current version of the plan (another process changed
        it); the undo history was about the old version, so it is dropped."""
        self.plan = self.library.load_plan(self.plan.id)
        self._undo.clear()
        self._redo.clear()

    def last_step(self) -> Operation | None:
        """A token for the newest undo step (compare with :meth:`take_back`)."""
        return self._undo[-1][0] if self._undo else None

    def take_back(self, step: Operation) -> Change | None:
        """Undo ``step`` as if it never happened (no redo), if it is still the newest
        step: a new item left empty vanishes together with its creation."""
        if step is None or self.last_step() is not step:
            return None
        self._check_editable(step)
        change, _redo = self._run(step)
        self._undo.pop()
        self._notify(change)
        return change

    def undo_label(self) -> str:
        return self._undo[-1][0].label if self._undo else ""

    def redo_label(self) -> str:
        return self._redo[-1].label if self._redo else ""

    def break_merge(self) -> None:
        """End the current typing run: the next edit starts a new undo step."""
        if self._undo:
            self._undo[-1] = (self._undo[-1][0], None)

    def _notify(self, change: Change) -> None:
        for listener in list(self._listeners):
            listener(change)
