"""PlanTreeModel: a QAbstractItemModel over a :class:`PlanDocument`.

The model keeps its own *shadow* of the tree shape (child id lists) so that
every structural change reported by the core (``Change.reordered``/``removed``)
can be replayed as proper begin/end remove, insert and move signals: views keep
their selection and expansion, and persistent indexes follow moved rows.
Row data (titles, departments, numbering) is always read live from the plan.
"""
from __future__ import annotations

import json

from PySide6.QtCore import QAbstractItemModel, QByteArray, QModelIndex, Qt, Signal

from ..document import PlanDocument
from ..model import Node
from ..numbering import node_tokens
from ..errors import PlanDeskError
from ..ops import ROOT, Change, InsertNodes, MoveNode
from .edits import apply_edit

NODE_MIME = "application/x-plandesk-node-ids"
COL_TITLE, COL_DEPTS, COL_PERIOD = range(3)
NodeIdRole = Qt.UserRole + 1


def departments_text(node: Node) -> str:
    """承辦部門 cell: 協辦 in brackets like the printed plan; one line so rows stay uniform."""
    return "、".join(f"({d.name})" if d.role == "協辦" else d.name for d in node.departments)


def node_label(node: Node, token: str) -> str:
    """Numbering token + title, or the text's first line for untitled 細項."""
    body = node.title or node.text.split("\n", 1)[0]
    return f"{token}{body}" if token else body


class PlanTreeModel(QAbstractItemModel):
    """Tree of plan nodes with three columns: 編號+標題/內容, 承辦部門, 執行期間."""

    changed = Signal(object)  # the shown document's Change, after the model has caught up

    def __init__(self, parent=None):
        super().__init__(parent)
        self.document: PlanDocument | None = None
        self._children: dict[str, list[str]] = {ROOT: []}
        self._parent: dict[str, str] = {}
        self._nodes: dict[str, Node] = {}
        self._tokens: dict[str, str] = {}
        self._keys: dict[str, int] = {}   # node id -> int for QModelIndex.internalId
        self._ids: dict[int, str] = {}
        self._numbering: dict[str, tuple | None] = {}  # node id -> (numbered, skip) last seen
        self._unsubscribe = None
        self.drop_error = None  # callable(message) the view sets to report refused drops
        self.last_drop: str | None = None  # id of the item the latest drop moved or copied
        self.noted: set[str] = set()  # items with open review notes (markup_panel), shown with note_icon
        self.note_icon = None

    # --- document ------------------------------------------------------------------------
    def set_document(self, document: PlanDocument | None) -> None:
        """Show another plan (one model reset)."""
        if document is not self.document:  # only the shown plan's changes reach the rows
            if self._unsubscribe is not None:
                self._unsubscribe()
            self._unsubscribe = document.subscribe(self._on_change) if document is not None else None
        self.beginResetModel()
        self.document = document
        self._rebuild()
        self.endResetModel()

    def _rebuild(self) -> None:
        self._children = {ROOT: []}
        self._parent, self._nodes = {}, {}
        if self.document is None:
            self._tokens = {}
            return
        self._add_shadow(ROOT, self.document.plan.tree)
        self._tokens = node_tokens(self.document.plan)
        self._numbering = {n.id: (n.numbered, n.skip) for n in self._nodes.values()}

    def _add_shadow(self, parent_key: str, nodes: list[Node]) -> None:
        self._children[parent_key] = [n.id for n in nodes]
        for node in nodes:
            self._parent[node.id] = parent_key
            self._nodes[node.id] = node
            self._add_shadow(node.id, node.children)

    def _drop_shadow(self, node_id: str) -> None:
        for child in self._children.pop(node_id, []):
            self._drop_shadow(child)
        self._parent.pop(node_id, None)
        self._nodes.pop(node_id, None)

    def _key(self, node_id: str) -> int:
        key = self._keys.get(node_id)
        if key is None:
            key = self._keys[node_id] = len(self._keys) + 1
            self._ids[key] = node_id
        return key

    # --- index plumbing ----------------------------------------------------------------
    def node_id(self, index: QModelIndex) -> str:
        return self._ids.get(index.internalId(), ROOT) if index.isValid() else ROOT

    def node_by_id(self, node_id: str) -> Node | None:
        return self._nodes.get(node_id)

    def node(self, index: QModelIndex) -> Node | None:
        return self._nodes.get(self.node_id(index)) if index.isValid() else None

    def token(self, node_id: str) -> str:
        """The node's computed numbering token ("" when unnumbered)."""
        return self._tokens.get(node_id, "")

    def numbered_path(self, node_id: str) -> str:
        """Tokens from the top down, e.g. 一、(一)2.(2) — how clerks name an item."""
        parts = []
        while node_id:
            parts.append(self._tokens.get(node_id, ""))
            node_id = self._parent.get(node_id, ROOT)
        return "".join(reversed(parts))

    def has_node(self, node_id: str) -> bool:
        return node_id in self._parent

    def index_of(self, node_id: str, column: int = 0) -> QModelIndex:
        if not node_id or node_id not in self._parent:
            return QModelIndex()
        siblings = self._children[self._parent[node_id]]
        return self.createIndex(siblings.index(node_id), column, self._key(node_id))

    def index(self, row, column, parent=QModelIndex()):
        if column < 0 or column >= 3 or row < 0:
            return QModelIndex()
        children = self._children.get(self.node_id(parent), [])
        if row >= len(children):
            return QModelIndex()
        return self.createIndex(row, column, self._key(children[row]))

    def parent(self, index=QModelIndex()):
        if not index.isValid():
            return QModelIndex()
        parent_key = self._parent.get(self.node_id(index), ROOT)
        return self.index_of(parent_key) if parent_key else QModelIndex()

    def rowCount(self, parent=QModelIndex()):
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children.get(self.node_id(parent), []))

    def columnCount(self, parent=QModelIndex()):
        return 3

    # --- data ------------------------------------------------------------------------------
    def data(self, index, role=Qt.DisplayRole):
        node = self.node(index)
        if node is None:
            return None
        column = index.column()
        if role in (Qt.DisplayRole, Qt.EditRole):
            if column == COL_TITLE:
                if role == Qt.EditRole:
                    return node.title
                return node_label(node, self._tokens.get(node.id, ""))
            if column == COL_DEPTS:
                return departments_text(node)
            return node.period
        if role == Qt.DecorationRole and column == COL_TITLE and node.id in self.noted:
            return self.note_icon
        if role == Qt.ToolTipRole and column == COL_TITLE and node.text:
            return node.text
        if role == NodeIdRole:
            return node.id
        return None

    def setData(self, index, value, role=Qt.EditRole):
        """F2 / double-click edits the title through one core EditNode."""
        node = self.node(index)
        if node is None or role != Qt.EditRole or index.column() != COL_TITLE:
            return False
        if value == node.title:
            return True
        from ..ops import EditNode
        return apply_edit(self, self.document, EditNode(node.id, {"title": str(value)}, "修改標題")) is not None

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation != Qt.Horizontal or role != Qt.DisplayRole:
            return None
        cols = self.document.plan.columns if self.document else ["面向", "執行策略", "具體作法", "承辦部門", "執行期間"]
        return ["／".join(cols[:3]), cols[3], cols[4]][section] if 0 <= section < 3 else None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemIsDropEnabled if self._editable() else Qt.NoItemFlags
        flags = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        if self._editable():
            flags |= Qt.ItemIsDragEnabled | Qt.ItemIsDropEnabled
            if index.column() == COL_TITLE:
                flags |= Qt.ItemIsEditable
        return flags

    def _editable(self) -> bool:
        return self.document is not None and not self.document.locked

    # --- drag and drop ---------------------------------------------------------------------
    def supportedDropActions(self):
        return Qt.MoveAction | Qt.CopyAction  # copy: dropped from another window

    def supportedDragActions(self):
        return Qt.MoveAction

    def mimeTypes(self):
        return [NODE_MIME]

    def mimeData(self, indexes):
        """The dragged ids (a move within this plan) and the subtrees themselves, as the
        clipboard holds them (a copy when dropped on another window)."""
        from .clipboard import subtrees_mime  # clipboard builds on this module
        ids = []
        for index in indexes:
            node_id = self.node_id(index)
            if index.isValid() and node_id not in ids:
                ids.append(node_id)
        mime = subtrees_mime(self.document.plan, [self._nodes[i] for i in ids])
        mime.setData(NODE_MIME, QByteArray(json.dumps(ids).encode()))
        return mime

    def canDropMimeData(self, data, action, row, column, parent):
        from .clipboard import SUBTREE_MIME
        return self._editable() and (data.hasFormat(NODE_MIME) or data.hasFormat(SUBTREE_MIME))

    def _dragged_ids(self, data) -> list[str]:
        try:
            return json.loads(bytes(data.data(NODE_MIME)).decode() or "[]")
        except (UnicodeDecodeError, json.JSONDecodeError):
            return []

    def holds_dragged(self, data) -> bool:
        """Is the dragged item one of this plan's (a move) rather than another window's?"""
        ids = self._dragged_ids(data)
        return bool(ids) and self.has_node(ids[0])

    def dropMimeData(self, data, action, row, column, parent):
        """Move the dragged node with ONE core MoveNode, or insert a copy of
        subtrees dragged from another window (one undo step either way);
        :attr:`last_drop` is the id of the item that landed.

        Always returns False so the view does not remove the source rows
        itself: the move already happened and the model reported it.
        """
        from .clipboard import nodes_from_mime
        self.last_drop = None
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        ids = self._dragged_ids(data)
        parent_id = self.node_id(parent) or None
        index = row if row >= 0 else self.rowCount(parent)
        if self.holds_dragged(data) and action == Qt.MoveAction:
            op, landed = MoveNode(ids[0], parent_id, index, "拖曳移動"), ids[0]
        else:
            try:
                nodes = nodes_from_mime(data)
            except PlanDeskError as exc:  # damaged data from another program
                nodes = []
                if self.drop_error:
                    self.drop_error(exc.message)
            if not nodes:
                return False  # ids from another window without the items themselves
            op, landed = InsertNodes(parent_id, index, nodes, "拖曳複製"), nodes[0].id
        if apply_edit(self, self.document, op, on_error=self.drop_error) is not None:
            self.last_drop = landed
        return False

    # --- following the core --------------------------------------------------------------------
    def _on_change(self, change: Change) -> None:
        if self.document is None:
            return
        plan = self.document.plan
        structural = bool(change.reordered or change.removed)
        try:
            if structural:
                self._replay_structure(change)
        except (KeyError, ValueError, RuntimeError):
            self.beginResetModel()  # a shape we cannot replay: start over, never show stale rows
            self._rebuild()
            self.endResetModel()
            self.changed.emit(change)
            return
        if structural or change.nodes - self._nodes.keys():
            self._nodes = {n.id: n for n in plan.walk()}  # undo re-inserts copies of nodes
        dirty = set(change.nodes)
        # change.plan: the profile (numbering styles) may have changed
        if structural or self._numbering_changed(change.nodes) or change.plan:
            old_tokens = self._tokens
            self._tokens = node_tokens(plan)
            dirty |= {k for k, v in self._tokens.items() if old_tokens.get(k) != v}
        self._emit_changed(dirty)
        if change.plan:
            self.headerDataChanged.emit(Qt.Horizontal, 0, 2)
        self.changed.emit(change)

    def _emit_changed(self, node_ids) -> None:
        """One dataChanged per parent (its first to last changed row), not one per node."""
        spans: dict[str, list[int]] = {}
        for node_id in node_ids:
            parent_key = self._parent.get(node_id)
            if parent_key is None:
                continue
            row = self._children[parent_key].index(node_id)
            span = spans.setdefault(parent_key, [row, row])
            span[0], span[1] = min(span[0], row), max(span[1], row)
        for parent_key, (first, last) in spans.items():
            parent = self.index_of(parent_key)
            self.dataChanged.emit(self.index(first, 0, parent), self.index(last, 2, parent))

    def _numbering_changed(self, node_ids) -> bool:
        """Did numbered/skip change? Only then can tokens differ (typing never does)."""
        changed = False
        for node_id in node_ids:
            node = self._nodes.get(node_id)
            state = (node.numbered, node.skip) if node else None
            if self._numbering.get(node_id) != state:
                self._numbering[node_id] = state
                changed = True
        return changed

    def _new_children(self, parent_key: str) -> list[Node] | None:
        plan = self.document.plan
        if parent_key == ROOT:
            return plan.tree
        try:
            return plan.find(parent_key)[0].children
        except KeyError:
            return None

    def _replay_structure(self, change: Change) -> None:
        plan = self.document.plan
        alive = {n.id: n for n in plan.walk()}
        parents = [p for p in change.reordered if p in self._children]
        # 1. rows whose node no longer exists anywhere
        for parent_key in list(parents) + [self._parent.get(r) for r in change.removed]:
            if parent_key is None or parent_key not in self._children:
                continue
            for node_id in [c for c in self._children[parent_key] if c not in alive]:
                row = self._children[parent_key].index(node_id)
                self.beginRemoveRows(self.index_of(parent_key), row, row)
                del self._children[parent_key][row]
                self._drop_shadow(node_id)
                self.endRemoveRows()
        # 2. rows that went to another parent: real moves, so persistent indexes follow
        for parent_key in parents:
            if parent_key not in self._children:
                continue
            wanted = self._new_children(parent_key)
            wanted_ids = {n.id for n in wanted} if wanted is not None else set()
            for node_id in [c for c in self._children[parent_key] if c not in wanted_ids]:
                self._move_across(node_id, plan)
        # 3. inserted rows, then 4. order within each parent
        for parent_key in parents:
            if parent_key not in self._children:
                continue
            wanted = self._new_children(parent_key) or []
            self._insert_missing(parent_key, wanted)
            self._reorder(parent_key, [n.id for n in wanted])

    def _move_across(self, node_id: str, plan) -> None:
        _node, new_parent, siblings = plan.find(node_id)
        target_key = new_parent.id if new_parent else ROOT
        source_key = self._parent[node_id]
        if target_key not in self._children:
            raise KeyError(target_key)
        present = set(self._children[target_key])
        dest = sum(1 for n in siblings[:siblings.index(_node)] if n.id in present)
        row = self._children[source_key].index(node_id)
        if not self.beginMoveRows(self.index_of(source_key), row, row, self.index_of(target_key), dest):
            raise RuntimeError("move refused by Qt")
        del self._children[source_key][row]
        self._children[target_key].insert(dest, node_id)
        self._parent[node_id] = target_key
        self.endMoveRows()

    def _insert_missing(self, parent_key: str, wanted: list[Node]) -> None:
        current = self._children[parent_key]
        for position, node in enumerate(wanted):
            if node.id in self._parent:
                continue
            row = sum(1 for n in wanted[:position] if n.id in current)
            self.beginInsertRows(self.index_of(parent_key), row, row)
            current.insert(row, node.id)
            self._parent[node.id] = parent_key
            self._nodes[node.id] = node
            self._add_shadow(node.id, node.children)
            self.endInsertRows()

    def _reorder(self, parent_key: str, wanted: list[str]) -> None:
        current = self._children[parent_key]
        if set(current) != set(wanted):
            raise ValueError("shadow out of step")
        for target, node_id in enumerate(wanted):
            row = current.index(node_id)
            if row == target:
                continue
            parent_index = self.index_of(parent_key)
            self.beginMoveRows(parent_index, row, row, parent_index, target)
            current.insert(target, current.pop(row))
            self.endMoveRows()
