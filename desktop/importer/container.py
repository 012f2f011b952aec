"""Opening a .docx/.odt safely: what kind of file it really is, and zip parts read
with limits (truncated files, zip bombs, encryption, oversized parts)."""
from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

from ..errors import PlanDeskError
from . import limits
from ..limits import check_file_size

_OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
_RESAVE = "請用 Word 或 LibreOffice 開啟後另存為 .docx 或 .odt 再匯入"


def read_file(path: Path) -> bytes:
    """The file's bytes, refusing missing, unreadable and oversized files."""
    name = path.name
    try:
        check_file_size(name, path.stat().st_size)
        return path.read_bytes()
    except OSError as exc:
        raise PlanDeskError(f"無法讀取 {name}（{exc.strerror}），請確認檔案存在且未被其他程式鎖住。") from exc


def _refuse_ole(data: bytes, name: str) -> None:
    """An OLE compound file is a legacy .doc or a password-protected .docx."""
    if "EncryptedPackage".encode("utf-16-le") in data or b"EncryptedPackage" in data:
        raise PlanDeskError(f"{name} 設有密碼保護，無法讀取；請在 Word 中移除密碼（檔案 → 資訊 → 保護文件）後另存新檔再匯入。")
    raise PlanDeskError(f"{name} 是舊版 Word 97-2003（.doc）格式，無法直接匯入；{_RESAVE}。")


class Package:
    """A zip package whose parts are read with size and ratio limits."""

    def __init__(self, data: bytes, name: str):
        self.name = name
        if data[:8] == _OLE_MAGIC:
            _refuse_ole(data, name)
        if data[:2] != b"PK":
            raise PlanDeskError(f"{name} 不是 Word（.docx）或 ODT 文件（檔案內容不是這兩種格式），{_RESAVE}。")
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError,
                NotImplementedError) as exc:
            raise PlanDeskError(f"{name} 已損壞或不完整（可能下載或複製時中斷），{_RESAVE}。") from exc
        if len(infos) > limits.MAX_MEMBERS:
            raise PlanDeskError(f"{name} 內含過多檔案（{len(infos)} 個），不像一般計畫文件，為安全起見不予匯入。")
        if any(info.flag_bits & 0x1 for info in infos):
            raise PlanDeskError(f"{name} 設有密碼保護，無法讀取；請移除密碼後另存新檔再匯入。")
        if sum(info.file_size for info in infos) > limits.MAX_TOTAL_BYTES:
            raise PlanDeskError(f"{name} 解壓縮後過大（可能是壓縮炸彈），為安全起見不予匯入。")
        self.infos = {info.filename: info for info in infos}

    def has(self, part: str) -> bool:
        return part in self.infos

    def read(self, part: str) -> bytes:
        """One part's bytes; a part that lies about its size or expands too much is refused."""
        info = self.infos.get(part)
        if info is None:
            raise PlanDeskError(f"{self.name} 缺少 {part}，不是完整的文件；{_RESAVE}。")
        bomb = PlanDeskError(f"{self.name} 的 {part} 解壓縮後過大（可能是壓縮炸彈），為安全起見不予匯入。")
        if info.file_size > limits.MAX_PART_BYTES:
            raise bomb
        if info.file_size > 1024 * 1024 and info.file_size > limits.MAX_RATIO * max(info.compress_size, 1):
            raise bomb
        try:
            with self.zip.open(info) as stream:
                data = stream.read(limits.MAX_PART_BYTES + 1)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError) as exc:
            raise PlanDeskError(f"{self.name} 已損壞或不完整（{part} 無法解壓縮），{_RESAVE}。") from exc
        except RuntimeError as exc:  # zipfile: "File is encrypted"
            raise PlanDeskError(f"{self.name} 設有密碼保護，無法讀取；請移除密碼後另存新檔再匯入。") from exc
        if len(data) > limits.MAX_PART_BYTES:
            raise bomb
        return data


def open_package(path: Path) -> Package:
    """Read ``path`` and open it as a zip package (refusing .doc and encrypted files)."""
    if path.suffix.lower() == ".doc":
        raise PlanDeskError(f"{path.name} 是舊版 Word 97-2003（.doc）格式，無法直接匯入；{_RESAVE}。")
    return Package(read_file(path), path.name)
