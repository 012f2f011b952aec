"""TreeController: the outliner commands (new, indent, move, delete, copy/paste,
undo/redo) over a tree view. It gets the view passed in, so tests drive it with
a real view and no main window; every change is one core operation."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QObject, Signal
from PySide6.QtWidgets import QTreeView

from ..errors import PlanDeskError
from ..model import Node
from ..ops import Change, DeleteNodes, InsertNodes, Operation, indent, move_by, outdent
from . import clipboard, dialogs
from .edits import apply_edit
from .tree_model import PlanTreeModel


class TreeController(QObject):
    """Commands on the plan shown in ``view`` (whose model is a PlanTreeModel)."""

    changed = Signal(object)  # the Change of an applied, undone or redone step

    def __init__(self, view: QTreeView, parent_widget=None):
        super().__init__(view)
        self.view = view
        self.parent_widget = parent_widget or view
        self.model: PlanTreeModel = view.model()
        self.model.drop_error = lambda message: dialogs.show_error(self.parent_widget, message)

    # --- selection -----------------------------------------------------------------------
    @property
    def document(self):
        return self.model.document

    def current_id(self) -> str | None:
        node = self.model.node(self.view.currentIndex())
        return node.id if node else None

    def select(self, node_id: str | None) -> None:
        index = self.model.index_of(node_id) if node_id else None
        if index is None or not index.isValid():
            return
        parent = index.parent()
        while parent.isValid():
            self.view.expand(parent)
            parent = parent.parent()
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
        self.view.scrollTo(index)

    # --- running operations -------------------------------------------------------------------
    def run(self, build: Callable[[], Operation], select: Callable[[Change], str | None] | None = None,
            merge_key=None) -> Change | None:
        """Build and apply one operation; a PlanDeskError becomes a message box."""
        if self.document is None:
            return None
        try:
            op = build()
        except PlanDeskError as exc:  # e.g. nothing selected
            dialogs.show_error(self.parent_widget, exc.message)
            return None
        change = apply_edit(self, self.document, op, merge_key,
                            on_error=lambda message: dialogs.show_error(self.parent_widget, message))
        if change is None:
            return None
        if select:
            self.select(select(change))
        self.changed.emit(change)
        return change

    def _need_current(self) -> str:
        node_id = self.current_id()
        if node_id is None:
            raise PlanDeskError(QCoreApplication.translate("TreeController", "請先在左邊的項目表中選取一個項目。"))
        return node_id

    def _where(self, node_id: str | None):
        """(parent id or None, index in siblings) of a node; top-level end when None."""
        plan = self.document.plan
        if node_id is None:
            return None, len(plan.tree)
        node, parent, siblings = plan.find(node_id)
        return (parent.id if parent else None), siblings.index(node)

    # --- commands ---------------------------------------------------------------------------
    def new_sibling(self, edit: bool = True) -> str | None:
        """Enter: a new empty item right below the current one (at the top level end when none).
        Enter on a new item still blank replaces it: Enter, Enter never piles up empty items."""
        self.view.discard_fresh(select_previous=True)
        current = self.current_id()
        node = Node()
        def build():
            parent_id, index = self._where(current)
            return InsertNodes(parent_id, index + (1 if current else 0), [node], QCoreApplication.translate("TreeController", "新增項目"))
        if self.run(build, lambda change: node.id) and edit:
            self.view.edit_new(node.id, current)  # the view drops it again when left empty
        return node.id

    def new_child(self, edit: bool = True) -> str | None:
        """Ctrl+Enter / Insert: a new last child of the current item."""
        node = Node()
        current = self.current_id()
        def build():
            parent = self.document.plan.find(self._need_current())[0]
            return InsertNodes(parent.id, len(parent.children), [node], QCoreApplication.translate("TreeController", "新增子項目"))
        if self.run(build, lambda change: node.id) and edit:
            self.view.edit_new(node.id, current)  # the view drops it again when left empty
        return node.id

    def _move(self, make) -> None:
        node_id = self.current_id()
        self.run(lambda: make(self.document.plan, self._need_current()), lambda change: node_id)

    def indent(self) -> None:
        self._move(indent)

    def outdent(self) -> None:
        self._move(outdent)

    def move_up(self) -> None:
        self._move(lambda plan, node_id: move_by(plan, node_id, -1))

    def move_down(self) -> None:
        self._move(lambda plan, node_id: move_by(plan, node_id, +1))

    def delete(self, label: str | None = None, confirm: bool = True) -> None:
        """Delete the current subtree; asks first when it has children."""
        node_id = self.current_id()
        if node_id is None or self.document is None:
            return
        node, parent, siblings = self.document.plan.find(node_id)
        if confirm and node.children and not dialogs.ask(
                self.parent_widget,
                QCoreApplication.translate("TreeController", "「{0}」底下還有 {1} 個項目，要一併刪除嗎？（可用「復原」救回）").format(
                    node.title or node.text[:20], sum(1 for _ in node.walk()) - 1)):
            return
        index = siblings.index(node)
        after = (siblings[index + 1].id if index + 1 < len(siblings)
                 else siblings[index - 1].id if index else (parent.id if parent else None))
        self.run(lambda: DeleteNodes([node_id], label or QCoreApplication.translate("TreeController", "刪除項目")), lambda change: after)

    def edit_title(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.view.edit(index.siblingAtColumn(0))

    # --- clipboard ------------------------------------------------------------------------------
    def copy(self) -> bool:
        node_id = self.current_id()
        if node_id is None:
            return False
        clipboard.put(self.document.plan, [self.document.plan.find(node_id)[0]])
        return True

    def cut(self) -> None:
        if self.document is not None and self.document.locked:
            self.run(lambda: DeleteNodes([self._need_current()]))  # reports why it is refused
            return
        if self.copy():
            self.delete(label=QCoreApplication.translate("TreeController", "剪下"), confirm=False)

    def paste(self) -> None:
        """Paste the clipboard's subtrees after the current item (or at the end)."""
        try:
            nodes = clipboard.take()
        except PlanDeskError as exc:
            dialogs.show_error(self.parent_widget, exc.message)
            return
        if not nodes:
            dialogs.show_error(self.parent_widget, QCoreApplication.translate("TreeController", "剪貼簿中沒有計畫項目，請先在項目表中複製或剪下項目。"))
            return
        current = self.current_id()
        def build():
            parent_id, index = self._where(current)
            return InsertNodes(parent_id, index + (1 if current else 0), nodes, QCoreApplication.translate("TreeController", "貼上"))
        self.run(build, lambda change: nodes[0].id)

    # --- undo -----------------------------------------------------------------------------------
    def _history(self, step) -> None:
        if self.document is None:
            return
        keep = self.current_id()
        try:
            change = step()
        except PlanDeskError as exc:
            dialogs.show_error(self.parent_widget, exc.message)
            return
        if change is None:
            return
        if keep and self.model.has_node(keep):
            self.select(keep)
        else:
            alive = [n for n in change.nodes if self.model.has_node(n)]
            if alive:
                self.select(alive[0])
        self.changed.emit(change)

    def undo(self) -> None:
        self._history(lambda: self.document.undo())

    def redo(self) -> None:
        self._history(lambda: self.document.redo())
