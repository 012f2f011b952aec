"""The main window: library and search on the left, the plan tree with the
detail editor (and the plan properties/sections tab) on the right.

The window owns one PlanDocument per opened plan (so each keeps its undo
history while others are shown) and follows every Change they report.
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QTabWidget, QVBoxLayout, QWidget

from ..document import PlanDocument
from ..errors import PlanDeskError
from ..library import Library
from ..ops import Change
from . import dialogs, hooks
from .accessibility import describe_window
from .actions import CONTEXT, EDITING, build_actions, build_menus, build_toolbar
from .assessment_view import FORM_SUFFIXES, AssessmentView  # 半年自行考核
from .controller import TreeController
from .detail_editor import DetailEditor
from .library_panel import LibraryPanel
from .markup_panel import MarkupReview
from .match_highlight import mark_first
from .panes import cycle_focus
from .plan_editor import PlanEditor
from .search_panel import SearchPanel
from .state import restore_state, save_state
from .tooltips import apply_tooltips
from .tree_model import PlanTreeModel
from .tree_view import PlanTreeView
from .zoom import Zoom, ask_font_size

IMPORTABLE = (".docx", ".odt", ".doc", ".json")


class MainWindow(QMainWindow):
    def __init__(self, library: Library, read_only: bool = False, restore: bool = True):
        super().__init__()
        self.library = library
        self.read_only = read_only
        self.instance_lock = None
        self.instance_server = None  # single_instance.InstanceServer of the window holding the lock
        self.welcome_panel = None  # shown on first start (welcome.install)
        self.read_only_reason = ""  # set when another PC holds the library's lock
        self.documents: dict[int, PlanDocument] = {}
        self.document: PlanDocument | None = None
        self.check_panel = None
        self.setAcceptDrops(True)
        self.setObjectName("main_window")  # the icon is the application's (make_application)

        self.model = PlanTreeModel(self)
        self.tree = PlanTreeView()
        self.tree.setModel(self.model)
        self.controller = TreeController(self.tree, self)
        self.detail = DetailEditor()
        self.detail.lookup = self.model.node_by_id
        self.plan_editor = PlanEditor(self)
        self.library_panel = LibraryPanel(library)
        self.library_panel.read_only = read_only
        self.library_panel.document_for = self.document_for
        self.search_panel = SearchPanel(library)
        self.search_panel.current_plan = lambda: self.document.plan.id if self.document else None

        left = QSplitter(Qt.Vertical)
        left.setObjectName("left_splitter")
        left.addWidget(self._titled(self.tr("計畫庫"), self.library_panel))
        left.addWidget(self._titled(self.tr("搜尋"), self.search_panel))
        self.editor_splitter = QSplitter(Qt.Horizontal)
        self.editor_splitter.setObjectName("editor_splitter")
        self.editor_splitter.addWidget(self.tree)
        self.editor_splitter.addWidget(self.detail)
        self.editor_splitter.setStretchFactor(0, 3)
        self.editor_splitter.setStretchFactor(1, 2)
        self.lock_banner = QLabel()
        self.lock_banner.setWordWrap(True)
        # a fixed background needs its fixed text colour, or a dark theme writes light grey on yellow
        self.lock_banner.setStyleSheet("background:#fff4c2; color:#3a2f00; border:1px solid #e0c060; padding:4px;")
        self.lock_banner.hide()
        editor_page = QWidget()
        page_layout = QVBoxLayout(editor_page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.addWidget(self.lock_banner)
        page_layout.addWidget(self.editor_splitter, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(editor_page, self.tr("執行策略及具體作法"))
        self.tabs.addTab(self.plan_editor, self.tr("計畫資料與章節"))
        self.assessment_view = AssessmentView(self)
        self.tabs.addTab(self.assessment_view, self.tr("考核"))
        self.main_splitter = QSplitter(Qt.Horizontal)
        self.main_splitter.setObjectName("main_splitter")
        self.main_splitter.addWidget(left)
        self.main_splitter.addWidget(self.tabs)
        self.main_splitter.setStretchFactor(1, 1)
        self.main_splitter.setSizes([300, 1100])
        self.editor_splitter.setSizes([640, 420])  # the tree gets most; Qt keeps the ratio on resize
        self.splitters = [self.main_splitter, left, self.editor_splitter]
        self.setCentralWidget(self.main_splitter)

        self.zoom = Zoom([self.tree, self.detail, self.plan_editor, self.assessment_view], self)
        self.find_dialog = None  # 尋找與取代, made on first use
        self.actions = build_actions(self, self.tree, self._handlers())
        self.menus = build_menus(self, self.actions)
        self.toolbar = build_toolbar(self, self.actions)
        apply_tooltips(self.actions)
        self.tree.context_actions = [self.actions[n] if n else None for n in CONTEXT]
        self.library_panel.add_actions(
            [self.actions[n] for n in ("new_plan", "duplicate_plan", "rename_plan", "delete_plan")],
            [self.tr("新增"), self.tr("複本"), self.tr("重新命名"), self.tr("刪除")])
        self._install_check_panel()
        self.markup = MarkupReview(self)  # 匯入處長修正: review panel, note markers and notes
        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)
        describe_window(self)

        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.model.changed.connect(self._on_change)
        self.library_panel.plan_chosen.connect(self.open_plan)
        self.library_panel.plan_removed.connect(self._plan_removed)
        self.search_panel.hit_chosen.connect(self._search_hit)
        self.resize(1400, 860)
        last = restore_state(self) if restore else None
        plans = [p.id for p in library.list_plans()]
        if last and last[0] in plans:
            self.open_plan(last[0], select=last[1])
        elif plans:
            self.open_plan(plans[0])
        self._update_actions()

    @staticmethod
    def _titled(title: str, widget: QWidget) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(4, 4, 4, 4)
        label = QLabel(f"<b>{title}</b>")
        layout.addWidget(label)
        layout.addWidget(widget)
        return box

    def _handlers(self) -> dict:
        c, lib = self.controller, self.library_panel
        return {
            "new_plan": self.new_plan, "import_plan": lambda: self.import_file(None),
            "review_markup": lambda: hooks.call(self, "markup_panel"),
            "export_plan": self.export_plan, "print_preview": self.print_preview,
            "backup": lambda: hooks.call(self, "backup_dialog"), "recycle_bin": lib.restore, "quit": self.close,
            "settings": lambda: hooks.call(self, "settings_dialog"),
            "undo": c.undo, "redo": c.redo, "cut": c.cut, "copy": c.copy, "paste": c.paste,
            "new_sibling": c.new_sibling, "new_child": c.new_child, "indent": c.indent,
            "outdent": c.outdent, "move_up": c.move_up, "move_down": c.move_down,
            "delete": c.delete, "edit_title": c.edit_title,
            "find": lambda: self.find_replace(False), "replace": lambda: self.find_replace(True),
            "search_library": lambda: (self.search_panel.box.setFocus(), self.search_panel.box.selectAll()),
            "next_pane": lambda: cycle_focus(self.panes(), 1),
            "previous_pane": lambda: cycle_focus(self.panes(), -1),
            "zoom_in": self.zoom.zoom_in, "zoom_out": self.zoom.zoom_out, "zoom_reset": self.zoom.reset,
            "font_size": lambda: ask_font_size(self, self.zoom),
            "rename_plan": lib.rename, "duplicate_plan": lib.duplicate, "delete_plan": lib.delete,
            "clone_year": self.clone_year, "diff_view": self.diff_view,
            "plan_properties": lambda: self.tabs.setCurrentWidget(self.plan_editor),
            "shortcuts": self.show_shortcuts, "manual": self.show_manual,
            "about": lambda: hooks.call(self, "about", self.library.path),
        }

    # --- documents --------------------------------------------------------------------------
    def document_for(self, plan_id: int) -> PlanDocument:
        """The open document of a plan (opened on first use, then kept with its undo history)."""
        document = self.documents.get(plan_id)
        if document is None:
            document = PlanDocument.open(self.library, plan_id, read_only=self.read_only)
            # the shown plan's changes arrive through the model (after it caught up)
            document.subscribe(lambda change: self.status_label.setText(
                self.tr("已自動儲存（{0}）").format(datetime.now().strftime("%H:%M:%S"))))
            self.documents[plan_id] = document
        return document

    def open_plan(self, plan_id: int, select: str | None = None) -> None:
        try:
            document = self.document_for(plan_id)
        except PlanDeskError as exc:
            dialogs.show_error(self, exc.message)
            return
        if document is not self.document:
            self.detail.end_typing()
            self.document = document
            self.model.set_document(document)
            self.tree.expandToDepth(1)
            self.plan_editor.set_document(document)
            self.assessment_view.set_document(document)
            if self.assessment_view.reminder.text():  # set_document computed it
                self.statusBar().showMessage(self.assessment_view.reminder.text(), 15000)
            if self.check_panel is not None:
                self.check_panel.show_plan(document.plan)
        if self.library_panel.current_plan_id() != plan_id:
            self.library_panel.refresh(select=plan_id)
        first = document.plan.tree[0].id if document.plan.tree else None
        self.controller.select(select if select and self.model.has_node(select) else first)
        if not self.model.has_node(select or "") and first is None:
            self.detail.show_node(document, None)
        self.markup.refresh()
        self._update_title()
        self._update_actions()

    def _plan_removed(self, plan_id: int) -> None:
        self.documents.pop(plan_id, None)
        if self.document is not None and self.document.plan.id == plan_id:
            self.document = None
            self.model.set_document(None)
            self.plan_editor.set_document(None)
            self.assessment_view.set_document(None)
            self.detail.show_node(None, None)
            plans = self.library.list_plans()
            if plans:
                self.open_plan(plans[0].id)
        self.statusBar().showMessage(self.tr("計畫已移到資源回收筒（檔案 → 資源回收筒 可復原）"), 8000)
        self._update_title()
        self._update_actions()

    def _on_change(self, change: Change) -> None:
        document = self.document
        if document is None:
            return
        node_id = self.detail.node_id
        path = self.model.numbered_path(node_id or "")
        self.detail.on_change(change, path)
        self.plan_editor.on_change(change)
        self.assessment_view.on_change(change)
        if change.plan:  # status may have locked or unlocked the plan
            self.detail.show_node(document, node_id, path)
            self.library_panel.refresh(select=document.plan.id)
            self._update_title()
        if self.check_panel is not None:
            self.check_panel.show_plan(document.plan)
        self._update_actions()

    def _current_changed(self, current, _previous) -> None:
        node = self.model.node(current)
        token = self.model.numbered_path(node.id) if node else ""
        self.detail.show_node(self.document, node.id if node else None, token)
        self.markup.refresh()

    # --- window state ---------------------------------------------------------------------------
    def _update_title(self) -> None:
        plan = self.document.plan if self.document else None
        parts = [f"{plan.office} {plan.year} 年度 — {plan.title}"] if plan else []
        if self.read_only:
            parts.append(self.tr("（唯讀）"))
        elif plan and plan.status == "核定":
            parts.append(self.tr("（已核定，唯讀）"))
        self.setWindowTitle(" ".join(parts + ["— PlanDesk"]) if parts else "PlanDesk")

    def _update_actions(self) -> None:
        doc = self.document
        editable = doc is not None and not doc.locked
        if doc is not None and self.library.read_only:
            self.lock_banner.setText(self.library.warning)
        elif doc is not None and self.read_only:
            self.lock_banner.setText(self.tr("另一個 PlanDesk 正在使用這個計畫庫，本視窗為唯讀，只能查看與匯出。"))
        elif doc is not None and doc.plan.status == "核定":
            self.lock_banner.setText(self.tr(
                "此計畫已核定，內容唯讀；如需修改，請在「計畫資料與章節」把狀態改回「陳核」或「草稿」。"))
        self.lock_banner.setVisible(doc is not None and doc.locked)
        for name in EDITING:
            self.actions[name].setEnabled(editable)
        undo_label = doc.undo_label() if doc else ""
        redo_label = doc.redo_label() if doc else ""
        self.actions["undo"].setText(self.tr("復原 {0}").format(undo_label) if undo_label else self.tr("復原"))
        self.actions["redo"].setText(self.tr("重做 {0}").format(redo_label) if redo_label else self.tr("重做"))
        self.actions["undo"].setEnabled(bool(undo_label) and not self.read_only)
        self.actions["redo"].setEnabled(bool(redo_label) and not self.read_only)
        for name in ("new_plan", "import_plan", "duplicate_plan", "delete_plan", "recycle_bin",
                     "clone_year", "rename_plan"):
            self.actions[name].setEnabled(not self.read_only)
        self.actions["copy"].setEnabled(doc is not None)
        self.actions["review_markup"].setEnabled(editable)

    def announce_startup(self) -> None:
        """Say why the window is read-only (second instance) once it is shown."""
        if self.library.warning:
            self.statusBar().showMessage(self.library.warning, 15000)
        if self.read_only and not self.library.read_only:  # a read-only file says why in the status bar
            dialogs.show_error(self, self.read_only_reason or self.tr(
                "另一個 PlanDesk 視窗正在使用這個計畫庫，本視窗以唯讀方式開啟，修改請在原視窗進行。"))

    def closeEvent(self, event) -> None:
        self.detail.end_typing()
        save_state(self)
        if self.instance_server is not None:
            self.instance_server.close()  # later launches start their own window
        if self.instance_lock is not None:
            self.instance_lock.release()
        super().closeEvent(event)


    def panes(self) -> list:
        """What Ctrl+Tab / F6 cycles through, in reading order."""
        return [self.library_panel, self.search_panel, self.tree, self.detail, self.plan_editor,
                self.assessment_view, self.check_panel]

    def find_replace(self, replace: bool) -> None:
        from .find_replace import FindReplaceDialog
        if self.find_dialog is None:
            self.find_dialog = FindReplaceDialog(self)
        self.find_dialog.open_for(replace)

    def show_shortcuts(self) -> None:
        from .shortcuts_help import show_shortcuts
        show_shortcuts(self, self.actions)

    def show_manual(self) -> None:
        from .help_window import show_manual
        show_manual(self)

    # --- hooks into the other parts ----------------------------------------------------------------
    def _refresh_and_open(self, plan_id) -> None:
        if isinstance(plan_id, int):
            self.library_panel.refresh(select=plan_id)
            self.open_plan(plan_id)

    def new_plan(self) -> None:
        from .new_plan_dialog import ask_new_plan
        choice = ask_new_plan(self, self.document.plan if self.document else None)
        if choice is not None:
            empty, office, year = choice
            self.library_panel.new_plan(empty=empty, office=office, year=year)

    def import_file(self, path) -> None:
        if not self.library_panel.writable():
            return
        self._refresh_and_open(hooks.call(self, "import_dialog", self.library, path))

    def export_plan(self) -> None:
        if self.document is not None:
            hooks.call(self, "export_dialog", self.library, self.document.plan)

    def print_preview(self) -> None:
        if self.document is not None:
            hooks.call(self, "print_preview", self.document.plan)

    def clone_year(self) -> None:
        if self.document is not None:
            self._refresh_and_open(hooks.call(self, "clone_wizard", self.library,
                                              self.document.plan.id))

    def diff_view(self) -> None:
        if self.document is not None:
            hooks.call(self, "diff_view", self.library, self.document.plan.id)

    def _install_check_panel(self) -> None:
        """The 檢查結果 dock under the plan."""
        from PySide6.QtWidgets import QDockWidget
        self.check_panel = hooks.load("check_panel", hooks.HOOKS["check_panel"])(self.library, self)
        dock = QDockWidget(self.tr("檢查結果"), self)
        dock.setObjectName("check_dock")
        dock.setWidget(self.check_panel)
        self.addDockWidget(Qt.BottomDockWidgetArea, dock)
        self.resizeDocks([dock], [150], Qt.Vertical)  # findings are a glance, the plan is the work
        self.menus["檢視(&V)"].addAction(dock.toggleViewAction())
        self.check_panel.locate.connect(self.locate)
        self.check_panel.document_for = self.document_for

    def locate(self, target: str) -> None:
        """Select a node, or open the sections editor at "section:<id>"."""
        if target.startswith("plan:"):
            self.tabs.setCurrentWidget(self.plan_editor)
        elif target.startswith("section:"):
            self.tabs.setCurrentWidget(self.plan_editor)
            self.plan_editor.select_section(target.split(":", 1)[1])
        elif self.model.has_node(target):
            self.tabs.setCurrentIndex(0)
            self.controller.select(target)

    def _search_hit(self, plan_id: int, node_id: str, heading: str) -> None:
        self.open_plan(plan_id, select=node_id or None)
        query = self.search_panel.query
        if node_id:
            self.tabs.setCurrentIndex(0)
            mark_first(query, self.detail.title, self.detail.text)
        else:
            self.tabs.setCurrentWidget(self.plan_editor)
            self.plan_editor.select_section_heading(heading)
            self.plan_editor.sections.mark_match(query)

    # --- dropping old plans onto the window ---------------------------------------------------------
    def _importable(self, event) -> list[Path]:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        return [Path(u.toLocalFile()) for u in urls
                if u.isLocalFile() and Path(u.toLocalFile()).suffix.lower() in IMPORTABLE]

    def dragEnterEvent(self, event) -> None:
        if self._importable(event):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dropEvent(self, event) -> None:
        paths = self._importable(event)
        if not paths:
            return super().dropEvent(event)
        event.acceptProposedAction()
        if self.tabs.currentWidget() is self.assessment_view:  # returned 考核 forms, not a plan
            self.assessment_view.merge_files([p for p in paths if p.suffix.lower() in FORM_SUFFIXES])
            return
        if not self.markup.offer_drop(paths[0]):
            self.import_file(paths[0])
