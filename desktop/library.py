"""The plan library: one SQLite file (sqlite-utils) holding every plan.

Every write happens in its own transaction before the call returns, so an
edit that returned survives a crash (autosave, no "Save" button).
"""
from __future__ import annotations

import json
import os
import sqlite3
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path


def _import_sqlite_utils():
    """sqlite-utils imports numpy and pandas when they are installed (~0.3 s of a
    1 s cold start) only to store their types, which PlanDesk never does; hide
    them during that import (later imports of numpy elsewhere still work)."""
    hidden = [name for name in ("numpy", "pandas") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # makes "import numpy" raise ImportError
    try:
        import sqlite_utils
    finally:
        for name in hidden:
            if sys.modules.get(name) is None:
                del sys.modules[name]
    return sqlite_utils


sqlite_utils = _import_sqlite_utils()

from . import limits, migrate
from .assessment.model import Result, Review, ReviewPeriod, default_periods
from .errors import LibraryDamaged, PlanDeskError, StaleWrite, explain, sqlite_kind
from .model import Department, Node, Paragraph, Plan, Section, new_id
from .netshare import is_network_path
from .ops import ROOT, Change
from .paths import reject_foreign_path

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 20  # a writer waits this long for another process's write to finish
READ_ONLY = "計畫庫是以唯讀方式開啟的（檔案或資料夾唯讀），無法修改；可以查看、搜尋與匯出，要修改請解除唯讀。"


def writable(path: Path) -> bool:
    """Can this process write the file and create its journal beside it? (access()
    also answers EROFS for root on a read-only mount, where permission bits do not.)"""
    return os.access(path, os.W_OK) and os.access(path.parent if str(path.parent) else ".", os.W_OK)


def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
    if not read_only:
        return sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S, check_same_thread=False)
    uri = path.resolve().as_uri()
    try:
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S, check_same_thread=False)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        # a WAL file in a read-only folder cannot create its -shm: read it as immutable
        return sqlite3.connect(f"{uri}?immutable=1", uri=True, check_same_thread=False)


def _set_journal_mode(db, mode: str) -> None:
    """Switch the journal mode unless it is set already. Switching needs the file
    to itself, and SQLite answers "locked" at once (no busy wait) while another
    process is opening the same new file, so it is retried for the busy timeout."""
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while db.execute("PRAGMA journal_mode").fetchone()[0] != mode:
        try:
            db.execute(f"PRAGMA journal_mode = {mode}")
        except sqlite3.OperationalError as exc:
            if sqlite_kind(exc) != "busy" or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _damaged(path: Path, detail: str) -> LibraryDamaged:
    from .backup import newest_good_backup
    backup = newest_good_backup(path)
    offer = (f"最近的完好備份是 {backup}，可用「plandesk restore {backup}」或 檔案 → 備份與還原… 還原"
             if backup else "目前沒有可用的備份，請把檔案交給資訊人員檢查")
    return LibraryDamaged(f"計畫庫 {path} 已損壞（{detail}），無法開啟；{offer}；此檔案未被變更。", backup)


def _diagnose(exc: sqlite3.Error, path: Path) -> PlanDeskError:
    """The right words for a failure while opening: only corruption says 損壞."""
    if sqlite_kind(exc) == "corrupt":
        return _damaged(path, str(exc))
    return PlanDeskError(explain(exc, str(path)))


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")


@dataclass
class PlanSummary:
    id: int
    office: str
    year: int
    status: str
    title: str
    organization: str
    modified: str


@dataclass
class SearchHit:
    plan_id: int
    office: str
    year: int
    node_id: str | None   # None when the hit is in a section
    where: str            # node path with numbering, or the section heading
    snippet: str


class Library:
    """An open library file. Use :meth:`open`."""

    def __init__(self, db: sqlite_utils.Database, path: Path, warning: str = "",
                 read_only: bool = False):
        self.db = db
        self.path = path
        self.warning = warning  # one sentence for the user, e.g. network share or read-only
        self.read_only = read_only

    # --- opening -----------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path, create: bool = True) -> "Library":
        """Open (or create) a library file, upgrading its schema.

        Each fault gets its own sentence: a read-only file or folder opens
        read-only; a full disk, a lock or missing permissions say so; only real
        corruption says 損壞 (naming the newest good backup). A file that is not
        a PlanDesk library or comes from a newer PlanDesk is refused untouched.
        """
        path = Path(path)
        name = str(path)
        reject_foreign_path(path)
        if path.is_dir():
            raise PlanDeskError(f"{name} 是資料夾，不是計畫庫檔案；請指定其中的計畫庫檔案，例如 {path / 'library.sqlite'}。")
        try:
            exists = path.exists() and path.stat().st_size > 0
            if exists:
                with open(path, "rb") as fh:
                    header = fh.read(16)
        except OSError as exc:
            raise PlanDeskError(explain(exc, name)) from exc
        if not exists and not create:
            raise PlanDeskError(f"找不到計畫庫 {name}，請確認路徑是否正確。")
        if exists and header != SQLITE_MAGIC:
            raise PlanDeskError(f"{name} 不是 PlanDesk 計畫庫（不是 SQLite 資料庫），請選擇正確的檔案；此檔案未被變更。")
        if not exists:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise PlanDeskError(f"無法建立資料夾 {path.parent}（{explain(exc)}）") from exc
        read_only = exists and not writable(path)
        try:
            conn = _connect(path, read_only)
        except sqlite3.Error as exc:
            raise _diagnose(exc, path) from exc
        try:
            return cls._prepare(conn, path, exists, read_only)
        except BaseException:
            conn.close()
            raise

    @classmethod
    def _prepare(cls, conn: sqlite3.Connection, path: Path, exists: bool, read_only: bool) -> "Library":
        name = str(path)
        db = sqlite_utils.Database(conn)
        try:
            ok = db.execute("PRAGMA integrity_check" if exists else "PRAGMA quick_check").fetchone()[0]
            if ok != "ok":
                raise _damaged(path, "完整性檢查失敗")
            tables = set(db.table_names())
            if exists and tables and "plans" not in tables:
                raise PlanDeskError(f"{name} 是其他程式的 SQLite 資料庫，不是 PlanDesk 計畫庫；此檔案未被變更。")
            migrate.refuse_newer(db, name)
            warning = ""
            db.execute("PRAGMA foreign_keys = ON")
            if read_only:
                warning = (f"計畫庫 {name}（或其所在資料夾）是唯讀的，已以唯讀方式開啟：可以查看、搜尋與匯出，"
                           "但不能修改；要修改請解除唯讀或把計畫庫複製到可寫入的資料夾。")
                if migrate.pending(db):  # upgrade a copy in memory; the file stays as it is
                    memory = sqlite3.connect(":memory:", check_same_thread=False)
                    conn.backup(memory)
                    conn.close()
                    db = sqlite_utils.Database(memory)
                    migrate.upgrade(db, name, lambda: db.atomic())
                return cls(db, path, warning, read_only=True)
            if is_network_path(path):
                _set_journal_mode(db, "delete")
                warning = "計畫庫位於網路磁碟，已改用較安全但較慢的存檔方式；建議把計畫庫放在本機磁碟。"
            else:
                _set_journal_mode(db, "wal")
            db.execute("PRAGMA synchronous = FULL")
            library = cls(db, path, warning)
            if exists and migrate.pending(db) and db.execute("PRAGMA user_version").fetchone()[0] > 0:
                from .backup import create_backup
                create_backup(library, "升級前")
            migrate.upgrade(db, name, library._write)
            return library
        except sqlite3.Error as exc:
            raise _diagnose(exc, path) from exc

    def close(self) -> None:
        self.db.conn.close()

    # --- write transactions ------------------------------------------------------------
    @contextmanager
    def _write(self):
        """One write transaction holding the write lock from its start (BEGIN
        IMMEDIATE): a deferred transaction that reads before it writes fails at
        once with "database is locked" in WAL mode when another process wrote
        meanwhile, where this one waits out the busy timeout instead."""
        if self.read_only:
            raise PlanDeskError(READ_ONLY)
        conn = self.db.conn
        if conn.in_transaction:  # nested: a savepoint inside the outer transaction
            with self.db.atomic():
                yield
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        try:
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    def _claim(self, plan_id: int, based_on: int | None = None) -> int:
        """Bump a plan's revision inside a write transaction and return the new
        one; a write ``based_on`` an older revision is refused (StaleWrite)."""
        row = self.db.execute("SELECT revision FROM plans WHERE id = ?", [plan_id]).fetchone()
        if row is None:
            raise PlanDeskError(f"計畫庫中已沒有編號 {plan_id} 的計畫（可能已在其他視窗被永久刪除），這次修改未儲存。")
        if based_on is not None and row[0] != based_on:
            raise StaleWrite("此計畫剛在其他視窗或程式中被修改過，這次修改未儲存，以免蓋掉對方的變更；"
                             "畫面會重新載入最新內容，請再改一次。")
        self.db.execute("UPDATE plans SET revision = revision + 1, modified = ? WHERE id = ?",
                        [_now(), plan_id])
        return row[0] + 1

    def data_version(self) -> int:
        """Changes whenever another connection commits (cheap; polled by the GUI)."""
        return self.db.execute("PRAGMA data_version").fetchone()[0]

    def revisions(self) -> dict[int, int]:
        """{plan id: revision} of the plans not in the recycle bin."""
        return dict(self.db.execute("SELECT id, revision FROM plans WHERE deleted IS NULL").fetchall())

    def plan_count(self, include_deleted: bool = False) -> int:
        where = "" if include_deleted else " WHERE deleted IS NULL"
        return self.db.execute(f"SELECT count(*) FROM plans{where}").fetchone()[0]

    # --- settings stored in the library -------------------------------------------------
    def setting(self, key: str, default: str = "") -> str:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str) -> None:
        with self._write():
            self.db.execute("INSERT INTO settings (key, value) VALUES (?, ?)"
                            " ON CONFLICT(key) DO UPDATE SET value = excluded.value", [key, value])

    # --- copies of the whole file ---------------------------------------------------------
    @staticmethod
    def inspect(path: Path) -> tuple[bool, int]:
        """(is a sound PlanDesk library this version can open, plan count) of a
        library file, read without changing it (for backups)."""
        try:
            conn = _connect(Path(path), read_only=True)
        except sqlite3.Error:
            return False, 0
        try:
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            count = conn.execute("SELECT count(*) FROM plans WHERE deleted IS NULL").fetchone()[0]
            return ok and 0 < version <= migrate.latest_version(), count
        except sqlite3.Error:
            return False, 0
        finally:
            conn.close()

    def copy_to(self, target: Path) -> None:
        """A consistent copy of the whole library, WAL content included (VACUUM INTO)."""
        self.db.execute("VACUUM INTO ?", [str(target)])

    def replace_with(self, source: Path) -> None:
        """Replace the whole content with ``source``'s in one step (the online backup
        API writes into this connection under its lock, so other processes see either
        the old or the new library), then upgrade it to the current schema."""
        if self.read_only:
            raise PlanDeskError(READ_ONLY)
        before = self.db.execute("SELECT coalesce(max(revision), 0) FROM plans").fetchone()[0]
        src = _connect(Path(source), read_only=True)
        try:
            src.backup(self.db.conn)
        finally:
            src.close()
        migrate.upgrade(self.db, str(self.path), self._write)
        with self._write():  # revisions move past every earlier one: open windows must reload
            self.db.execute("UPDATE plans SET revision = revision + ?", [before + 1])

    # --- plans ---------------------------------------------------------------------
    def list_plans(self, include_deleted: bool = False) -> list[PlanSummary]:
        """All plans, by office then year (newest first)."""
        where = "" if include_deleted else "WHERE deleted IS NULL"
        rows = self.db.execute(
            f"SELECT id, office, year, status, title, organization, modified FROM plans {where} "
            "ORDER BY office, year DESC, id").fetchall()
        return [PlanSummary(*row) for row in rows]

    def add_plan(self, plan: Plan) -> int:
        """Store a whole new plan; sets and returns ``plan.id``.

        Nodes and sections get fresh ids: a plan added twice (the same file
        imported again) becomes two independent plans.
        """
        renamed = {}
        for item in [*plan.sections, *plan.walk()]:
            old, item.id = item.id, new_id()
            renamed[old] = item.id
        with self._write():
            now = _now()
            cursor = self.db.execute(
                "INSERT INTO plans (organization, office, year, title, date_line, status, columns,"
                " profile, created, modified) VALUES (?,?,?,?,?,?,?,?,?,?)",
                [plan.organization, plan.office, plan.year, plan.title, plan.date_line,
                 plan.status, json.dumps(plan.columns, ensure_ascii=False), plan.profile, now, now])
            plan.id = cursor.lastrowid
            plan.revision = 0
            self.db.execute("INSERT INTO status_log (plan_id, status, at) VALUES (?,?,?)",
                            [plan.id, plan.status, now])
            self._write_sections(plan)
            rows = []
            for position, node in enumerate(plan.tree):
                self._collect_rows(plan.id, None, position, node, rows)
            self.db.conn.executemany(_NODE_UPSERT, rows)
            self._add_to_roster(plan.office, plan.walk())
            self._add_review(plan, renamed)
        return plan.id

    def load_plan(self, plan_id: int) -> Plan:
        """Read a plan with its sections and tree into memory."""
        row = self.db.execute(
            "SELECT id, organization, office, year, title, date_line, status, columns, profile, revision"
            " FROM plans WHERE id = ?", [plan_id]).fetchone()
        if row is None:
            raise PlanDeskError(f"計畫庫中沒有編號 {plan_id} 的計畫，請以 list 指令查看現有計畫。")
        plan = Plan(id=row[0], organization=row[1], office=row[2], year=row[3], title=row[4],
                    date_line=row[5], status=row[6], columns=json.loads(row[7]), profile=row[8],
                    revision=row[9])
        for sid, heading, kind, paragraphs, notes in self.db.execute(
                "SELECT id, heading, kind, paragraphs, notes FROM sections WHERE plan_id = ?"
                " ORDER BY position", [plan_id]):
            plan.sections.append(Section(
                id=sid, heading=heading, kind=kind, notes=json.loads(notes),
                paragraphs=[Paragraph(p["text"], p["numbered"]) for p in json.loads(paragraphs)]))
        children: dict[str | None, list[tuple[int, Node]]] = {}
        for nid, parent, position, title, text, period, numbered, skip, depts in self.db.execute(
                "SELECT id, parent_id, position, title, text, period, numbered, skip, departments"
                " FROM nodes WHERE plan_id = ?", [plan_id]):
            node = Node(id=nid, title=title, text=text, period=period, numbered=bool(numbered),
                        skip=skip, departments=[Department(n, r) for n, r in json.loads(depts)])
            children.setdefault(parent, []).append((position, node))
        for siblings in children.values():
            siblings.sort(key=lambda item: item[0])
        by_id = {node.id: node for siblings in children.values() for _, node in siblings}
        for parent_id, siblings in children.items():
            nodes = [node for _, node in siblings]
            if parent_id is None:
                plan.tree = nodes
            elif parent_id in by_id:
                by_id[parent_id].children = nodes
        plan.review = self.load_review(plan_id)
        return plan

    def exists(self, plan_id: int) -> bool:
        return self.db.execute("SELECT 1 FROM plans WHERE id = ?", [plan_id]).fetchone() is not None

    def delete_plan(self, plan_id: int) -> None:
        """Move a plan to the recycle bin (recoverable with :meth:`restore_plan`)."""
        with self._write():
            self._claim(plan_id)
            self.db.execute("UPDATE plans SET deleted = ? WHERE id = ?", [_now(), plan_id])

    def restore_plan(self, plan_id: int) -> None:
        with self._write():
            self._claim(plan_id)
            self.db.execute("UPDATE plans SET deleted = NULL WHERE id = ?", [plan_id])

    def purge_plan(self, plan_id: int) -> None:
        """Remove a plan for good (nodes and sections go with it)."""
        with self._write():
            self.db.execute("DELETE FROM plans WHERE id = ?", [plan_id])

    def status_history(self, plan_id: int) -> list[tuple[str, str]]:
        """[(status, ISO timestamp)] oldest first (status changes only; see ``status_notes``)."""
        return [tuple(r) for r in self.db.execute(
            "SELECT status, at FROM status_log WHERE plan_id = ? AND note = '' ORDER BY id", [plan_id])]

    def status_histories(self) -> dict[int, list[tuple[str, str]]]:
        """``status_history`` of every plan, in one query (for listing them all)."""
        out: dict[int, list[tuple[str, str]]] = {}
        for plan_id, status, at in self.db.execute(
                "SELECT plan_id, status, at FROM status_log WHERE note = '' ORDER BY id"):
            out.setdefault(plan_id, []).append((status, at))
        return out

    # --- persisting operations ------------------------------------------------------
    def persist(self, plan: Plan, change: Change) -> None:
        """Write what ``change`` says changed in ``plan``, in one transaction, only
        when the library still holds the revision ``plan`` was read at (else
        StaleWrite and nothing is written); ``plan.revision`` follows the write."""
        with self._write():
            revision = self._claim(plan.id, based_on=plan.revision)
            self._persist(plan, change)
        plan.revision = revision

    def _persist(self, plan: Plan, change: Change) -> None:
        now = _now()
        rows, written = [], []
        if change.nodes or change.reordered:
            wanted = set(change.nodes)
            for parent_key in change.reordered:
                parent_children = plan.tree if parent_key == ROOT else _children_or_none(plan, parent_key)
                if parent_children is not None:
                    wanted |= {n.id for n in parent_children}
            written = self._rows_for(plan, wanted, rows)
        _within_limits(plan, change, rows)
        if change.removed:
            ids = list(change.removed)
            for start in range(0, len(ids), 500):
                chunk = ids[start:start + 500]
                self.db.execute(f"DELETE FROM nodes WHERE id IN ({','.join('?' * len(chunk))})", chunk)
        if rows:
            self.db.conn.executemany(_NODE_UPSERT, rows)
        if change.plan:
            self._write_plan_row(plan, now)
        if change.sections:
            self._write_sections(plan)
        if change.plan:  # the office may have changed: all of the plan's names
            self._add_to_roster(plan.office, plan.walk())
        elif change.nodes:  # typing: only the nodes just written (the rest are in already)
            self._add_to_roster(plan.office, written)
        if change.results or change.periods:
            self._write_review(plan, change)

    def _write_plan_row(self, plan: Plan, now: str) -> None:
        old = self.db.execute("SELECT status FROM plans WHERE id = ?", [plan.id]).fetchone()[0]
        self.db.execute(
            "UPDATE plans SET organization=?, office=?, year=?, title=?, date_line=?, status=?,"
            " columns=?, profile=?, modified=? WHERE id=?",
            [plan.organization, plan.office, plan.year, plan.title, plan.date_line, plan.status,
             json.dumps(plan.columns, ensure_ascii=False), plan.profile, now, plan.id])
        if old != plan.status:
            self.db.execute("INSERT INTO status_log (plan_id, status, at) VALUES (?,?,?)",
                            [plan.id, plan.status, now])

    def _rows_for(self, plan: Plan, wanted: set[str], rows: list) -> list[Node]:
        """Append the rows of the ``wanted`` nodes to ``rows``; returns those nodes."""
        found = []

        def visit(siblings, parent_id):
            for position, node in enumerate(siblings):
                if node.id in wanted:
                    rows.append(_node_row(plan.id, parent_id, position, node))
                    found.append(node)
                visit(node.children, node.id)
        visit(plan.tree, None)
        return found

    def _collect_rows(self, plan_id, parent_id, position, node, rows) -> None:
        rows.append(_node_row(plan_id, parent_id, position, node))
        for index, child in enumerate(node.children):
            self._collect_rows(plan_id, node.id, index, child, rows)

    def _write_sections(self, plan: Plan) -> None:
        self.db.execute("DELETE FROM sections WHERE plan_id = ?", [plan.id])
        for position, s in enumerate(plan.sections):
            body = "\n".join([p.text for p in s.paragraphs] + s.notes)
            self.db.execute(
                "INSERT INTO sections (id, plan_id, position, heading, kind, paragraphs, notes, body)"
                " VALUES (?,?,?,?,?,?,?,?)",
                [s.id, plan.id, position, s.heading, s.kind,
                 json.dumps([{"text": p.text, "numbered": p.numbered} for p in s.paragraphs],
                            ensure_ascii=False),
                 json.dumps(s.notes, ensure_ascii=False), body])

    # --- what other plans of an office use (checks, suggestions) ----------------------------
    def previous_plan_id(self, office: str, year: int, exclude: int | None) -> int | None:
        """The same office's plan of the nearest earlier year, if any."""
        row = self.db.execute(
            "SELECT id FROM plans WHERE office = ? AND year < ? AND deleted IS NULL AND id IS NOT ?"
            " ORDER BY year DESC, id DESC LIMIT 1", [office, year, exclude]).fetchone()
        return row[0] if row else None

    def office_departments(self, office: str, exclude: int | None) -> set[str]:
        """Department names the office's other plans use."""
        names = set()
        for (depts,) in self.db.execute(
                "SELECT n.departments FROM nodes n JOIN plans p ON p.id = n.plan_id"
                " WHERE p.office = ? AND p.id IS NOT ? AND p.deleted IS NULL AND n.departments != '[]'",
                [office, exclude]):
            names.update(name for name, _ in json.loads(depts))
        return names

    def office_periods(self, office: str, limit: int = 200) -> list[str]:
        """Distinct 執行期間 values used in the office's plans."""
        return [r[0] for r in self.db.execute(
            "SELECT DISTINCT n.period FROM nodes n JOIN plans p ON p.id = n.plan_id"
            " WHERE p.office = ? AND n.period != '' AND p.deleted IS NULL LIMIT ?", [office, limit])]

    # --- department roster ------------------------------------------------------------
    def _add_to_roster(self, office: str, nodes) -> None:
        """Record the department names ``nodes`` use in ``office``'s roster."""
        names = {d.name for n in nodes for d in n.departments if d.name}
        self.db.conn.executemany("INSERT OR IGNORE INTO roster (office, name) VALUES (?, ?)",
                                 [(office, name) for name in names])

    def roster(self, office: str) -> list[str]:
        """Department names used in this office's plans, sorted."""
        return [r[0] for r in self.db.execute(
            "SELECT name FROM roster WHERE office = ? ORDER BY name", [office])]

    def add_department(self, office: str, name: str) -> None:
        with self._write():
            self.db.execute("INSERT OR IGNORE INTO roster (office, name) VALUES (?, ?)", [office, name])

    def rename_department(self, office: str, old: str, new: str) -> int:
        """Rename a department in the roster and in every plan of the office.
        Returns how many nodes changed. Plans open in memory must be reloaded."""
        changed = 0
        with self._write():
            rows = self.db.execute(
                "SELECT n.id, n.departments, n.plan_id FROM nodes n JOIN plans p ON p.id = n.plan_id"
                " WHERE p.office = ? AND n.departments LIKE ?", [office, f"%{old}%"]).fetchall()
            touched = set()
            for node_id, depts, plan_id in rows:
                items = json.loads(depts)
                if any(name == old for name, _ in items):
                    touched.add(plan_id)
                    items = [[new if name == old else name, role] for name, role in items]
                    self.db.execute("UPDATE nodes SET departments = ? WHERE id = ?",
                                    [json.dumps(items, ensure_ascii=False), node_id])
                    changed += 1
            for plan_id in touched:
                self._claim(plan_id)
            self.db.execute("DELETE FROM roster WHERE office = ? AND name = ?", [office, old])
            self.db.execute("INSERT OR IGNORE INTO roster (office, name) VALUES (?, ?)", [office, new])
        return changed

    # --- search --------------------------------------------------------------------------
    def search(self, text: str, limit: int = 200, first_plan: int | None = None) -> list[SearchHit]:
        """Substring search over node titles/texts and section text of all plans;
        ``first_plan``'s hits come first, then newer years before older.

        Three or more characters use the trigram FTS index; shorter queries
        (電費) fall back to LIKE over the same tables.
        """
        from .search import run_search
        return run_search(self, text, limit, first_plan)

    # --- 半年自行考核 (review periods and results) ---------------------------------------
    # Kept together at the end of the class; desktop/assessment holds the logic.
    def load_review(self, plan_id: int) -> Review:
        """The plan's review periods (the defaults when none were stored) and results."""
        review = Review()
        periods = [ReviewPeriod(*row) for row in self.db.execute(
            "SELECT name, start_month, end_month, due FROM review_periods WHERE plan_id = ?"
            " ORDER BY position", [plan_id])]
        if periods:
            review.periods = periods
        for row in self.db.execute(
                "SELECT node_id, period, text, status, quantity, unit, reporter, reported_at"
                " FROM results WHERE plan_id = ?", [plan_id]):
            result = Result(*row)
            review.results[result.key] = result
        return review

    def _add_review(self, plan: Plan, renamed: dict[str, str]) -> None:
        """Store a new plan's review with its results moved to the nodes' fresh ids."""
        plan.review.results = {
            (renamed[r.node_id], r.period): replace(r, node_id=renamed[r.node_id])
            for r in plan.review.results.values() if r.node_id in renamed}
        if plan.review.periods != default_periods():  # defaults are what load_review gives anyway
            self._write_periods(plan)
        if plan.review.results:
            self.db.conn.executemany(_RESULT_UPSERT, [_result_row(plan.id, r) for r in plan.review.results.values()])

    def _write_review(self, plan: Plan, change: Change) -> None:
        if change.periods:
            self._write_periods(plan)
        keys = list(change.results)
        gone = [k for k in keys if k not in plan.review.results]
        self.db.conn.executemany("DELETE FROM results WHERE node_id = ? AND period = ?", gone)
        self.db.conn.executemany(_RESULT_UPSERT, [_result_row(plan.id, plan.review.results[k])
                                                  for k in keys if k in plan.review.results])

    def _write_periods(self, plan: Plan) -> None:
        self.db.execute("DELETE FROM review_periods WHERE plan_id = ?", [plan.id])
        self.db.conn.executemany(
            "INSERT INTO review_periods (plan_id, position, name, start_month, end_month, due)"
            " VALUES (?,?,?,?,?,?)",
            [(plan.id, i, p.name, p.start_month, p.end_month, p.due) for i, p in enumerate(plan.review.periods)])
    # --- end of 半年自行考核 ---------------------------------------------------------------

    # === review of returned documents (desktop/markup): notes and revision log ===========
    def transaction(self):
        """A context in which several writes commit together: one BEGIN IMMEDIATE
        transaction (like every write), the writes inside it savepoints."""
        return self._write()

    def add_review_notes(self, plan_id: int, notes) -> None:
        """Store ``ReviewNote``s (desktop.markup.notes) on plan ``plan_id``; sets their ids."""
        with self._write():
            for note in notes:
                note.id = self.db.execute(
                    "INSERT INTO review_notes (plan_id, target, location, field, author, date, anchor, text,"
                    " source, created) VALUES (?,?,?,?,?,?,?,?,?,?)",
                    [plan_id, note.target, note.location, note.field, note.author, note.date, note.anchor,
                     note.text, note.source, _now()]).lastrowid

    def review_notes(self, plan_id: int, resolved: bool = False) -> list:
        """The plan's review notes, oldest first; resolved ones only when asked."""
        from .markup.notes import ReviewNote
        where = "" if resolved else " AND resolved IS NULL"
        rows = self.db.execute(
            "SELECT target, location, field, author, date, anchor, text, source, id, resolved"
            f" FROM review_notes WHERE plan_id = ?{where} ORDER BY id", [plan_id]).fetchall()
        return [ReviewNote(*row) for row in rows]

    def resolve_review_note(self, note_id: int, done: bool = True) -> None:
        """Mark a note resolved (kept, no longer shown as open) or open again."""
        with self._write():
            cursor = self.db.execute("UPDATE review_notes SET resolved = ? WHERE id = ?",
                                     [_now() if done else None, note_id])
        if cursor.rowcount == 0:
            raise PlanDeskError(f"沒有編號 {note_id} 的審閱註解，請以 notes 指令查看現有註解。")

    def log_revision(self, plan_id: int, note: str) -> None:
        """Record 「依 … 修正 (N 處)」 in the plan's status history (its status unchanged)."""
        with self._write():
            self.db.execute("INSERT INTO status_log (plan_id, status, at, note)"
                            " SELECT id, status, ?, ? FROM plans WHERE id = ?", [_now(), note, plan_id])

    def status_notes(self, plan_id: int) -> list[tuple[str, str, str]]:
        """[(status, ISO timestamp, note)] oldest first: ``status_history`` with the notes."""
        return [tuple(r) for r in self.db.execute(
            "SELECT status, at, note FROM status_log WHERE plan_id = ? ORDER BY id", [plan_id])]
    # === end of review block =================================================================


_NODE_UPSERT = ("INSERT INTO nodes (id, plan_id, parent_id, position, title, text, period,"
                " numbered, skip, departments) VALUES (?,?,?,?,?,?,?,?,?,?)"
                " ON CONFLICT(id) DO UPDATE SET plan_id=excluded.plan_id, parent_id=excluded.parent_id,"
                " position=excluded.position, title=excluded.title, text=excluded.text,"
                " period=excluded.period, numbered=excluded.numbered, skip=excluded.skip,"
                " departments=excluded.departments")


_RESULT_UPSERT = ("INSERT INTO results (plan_id, node_id, period, text, status, quantity, unit, reporter,"
                  " reported_at) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(node_id, period) DO UPDATE SET"
                  " plan_id=excluded.plan_id, text=excluded.text, status=excluded.status,"
                  " quantity=excluded.quantity, unit=excluded.unit, reporter=excluded.reporter,"
                  " reported_at=excluded.reported_at")


def _result_row(plan_id: int, r: Result) -> tuple:
    return (plan_id, r.node_id, r.period, r.text, r.status, r.quantity, r.unit, r.reporter, r.reported_at)


def _node_row(plan_id, parent_id, position, node: Node) -> tuple:
    return (node.id, plan_id, parent_id, position, node.title, node.text, node.period,
            int(node.numbered), node.skip,
            json.dumps([[d.name, d.role] for d in node.departments], ensure_ascii=False))


def _within_limits(plan: Plan, change: Change, rows: list) -> None:
    """An edit may not grow a plan past what can be exported and imported again;
    checked on the node ``rows`` about to be written (no extra walk while typing)."""
    name = f"計畫「{plan.title}」"
    for row in rows:
        for text in row[4:7]:  # title, text, period
            limits.check_field(name, text)
    if change.nodes - change.removed and change.reordered:  # items were added
        limits.check_node_count(name, sum(1 for _ in plan.walk()))
    for parent_key in change.reordered:
        siblings = plan.tree if parent_key == ROOT else _children_or_none(plan, parent_key)
        limits.check_children(name, len(siblings or []))
    if change.plan:
        limits.check_field(name, plan.title)
    for section in plan.sections if change.sections else ():
        for text in [section.heading, *(p.text for p in section.paragraphs), *section.notes]:
            limits.check_field(name, text)


def _children_or_none(plan: Plan, parent_id: str):
    try:
        return plan.find(parent_id)[0].children
    except KeyError:
        return None
