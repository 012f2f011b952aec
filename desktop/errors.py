"""One exception type for everything a clerk may cause, and one sentence for
every low-level failure.

The message is a single Traditional-Chinese sentence that says what happened and
what to do; the CLI prints it and exits 2, the GUI shows it in a dialog.
``explain`` turns what the standard library raises (sqlite3, OS, recursion,
memory, decoding) into such a sentence, so no path ends in a traceback.
"""
from __future__ import annotations

import errno
import sqlite3


class PlanDeskError(Exception):
    """A user-facing failure with a clear zh-TW message."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class StaleWrite(PlanDeskError):
    """A write based on an older revision of a plan than the library holds."""


class LibraryDamaged(PlanDeskError):
    """Real corruption; ``backup`` is the newest good backup, if any."""

    def __init__(self, message: str, backup=None):
        super().__init__(message)
        self.backup = backup


def _where(subject: str) -> str:
    return f"（{subject}）" if subject else ""


def sqlite_kind(exc: sqlite3.Error) -> str:
    """The family of a SQLite error: full, busy, readonly, corrupt, cantopen, ioerr,
    decode or other (by result code where Python gives one, else by its text)."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc).lower()
    if "could not decode" in text:
        return "decode"
    for kind, names, words in (
            ("full", ("SQLITE_FULL",), ("disk is full",)),
            ("busy", ("SQLITE_BUSY", "SQLITE_LOCKED"), ("database is locked", "table is locked")),
            ("readonly", ("SQLITE_READONLY", "SQLITE_PERM", "SQLITE_AUTH"), ("readonly", "read-only")),
            ("corrupt", ("SQLITE_CORRUPT", "SQLITE_NOTADB"), ("malformed", "not a database")),
            ("cantopen", ("SQLITE_CANTOPEN",), ("unable to open",)),
            ("ioerr", ("SQLITE_IOERR",), ("disk i/o error",))):
        if name.startswith(names) or any(w in text for w in words):
            return kind
    return "other"


def explain(exc: BaseException, subject: str = "") -> str:
    """One zh-TW sentence for ``exc``; ``subject`` names the file involved."""
    where = _where(subject)
    if isinstance(exc, PlanDeskError):
        return exc.message
    if isinstance(exc, sqlite3.Error):
        kind = sqlite_kind(exc)
        return {
            "full": f"磁碟空間不足{where}，這次的寫入沒有完成；請清出磁碟空間或把計畫庫移到其他磁碟後再試，已存的內容不受影響。",
            "busy": f"計畫庫被其他程式鎖住{where}，等候逾時；請關閉正在使用它的程式（例如備份或防毒軟體）後再試。",
            "readonly": f"計畫庫是唯讀的{where}，無法寫入；請解除檔案或資料夾的唯讀設定，或只做查看、搜尋與匯出。",
            "corrupt": f"計畫庫已損壞{where}；請以「plandesk restore 備份檔」或 檔案 → 備份與還原… 改用最近的備份。",
            "cantopen": f"無法開啟計畫庫{where}；請確認路徑存在、是檔案而不是資料夾，並且有讀取權限。",
            "ioerr": f"讀寫計畫庫時發生磁碟錯誤{where}；請確認磁碟或網路磁碟仍然連線，再重試一次。",
            "decode": f"計畫庫中有一筆文字不是有效的 UTF-8 編碼{where}，無法讀出；請改用備份檔，或把計畫庫交給資訊人員檢查。",
        }.get(kind, f"計畫庫發生錯誤{where}（{exc}）；請重試，若仍失敗請改用備份檔。")
    if isinstance(exc, BrokenPipeError):
        return "輸出已被關閉（例如接到 head 之後），其餘內容未印出。"
    if isinstance(exc, OSError):
        name = f"「{exc.filename}」" if exc.filename else subject
        code = exc.errno
        if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
            return f"磁碟空間不足（{name}），這次的寫入沒有完成；請清出磁碟空間或改存到其他磁碟後再試，已存的內容不受影響。"
        if code == errno.EROFS:
            return f"{name} 位於唯讀的磁碟上，無法寫入；請改存到可寫入的資料夾。"
        if code in (errno.EACCES, errno.EPERM):
            return f"沒有權限存取 {name}；請確認檔案與資料夾的權限，或改用其他位置。"
        if code == errno.ENAMETOOLONG:
            return f"檔名太長（{name}）；請改用較短的檔名（不超過 255 位元組，約 80 個中文字）。"
        if code == errno.EISDIR:
            return f"{name} 是資料夾，不是檔案；請指定檔案名稱。"
        if code == errno.ENOENT:
            return f"找不到 {name}；請確認路徑是否正確。"
        return f"無法存取 {name}（{exc.strerror or exc}）；請確認磁碟、網路連線與權限後再試。"
    if isinstance(exc, RecursionError):
        return f"資料的層次太深{where}，無法處理；請確認檔案是 PlanDesk 計畫，項目的層次不應超過十幾層。"
    if isinstance(exc, MemoryError):
        return f"記憶體不足{where}，操作沒有完成；請關閉其他程式，或把計畫分成較小的檔案後再試。"
    if isinstance(exc, UnicodeError):
        return f"文字編碼無法解讀{where}（不是 UTF-8）；請以 UTF-8 另存檔案後再試。"
    return f"發生未預期的錯誤{where}（{type(exc).__name__}），操作沒有完成；已存的內容不受影響，請重試或回報給資訊人員。"
