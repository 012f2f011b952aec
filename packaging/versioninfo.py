"""Windows version resource (the "Details" tab of plandesk.exe) from
``desktop.__version__``, in the text form PyInstaller's ``EXE(version=...)``
reads. Written as text so it can be generated and tested on any OS (the
PyInstaller classes themselves need pefile, a Windows-only dependency)."""
from __future__ import annotations

import re

# zh-TW (0x0404) with the Unicode code page (1200 = 0x04B0)
LANG_CODEPAGE = "040404B0"
# FileDescription of each executable (what Task Manager and SmartScreen show)
EXE_DESCRIPTIONS = {"plandesk": "PlanDesk 年度提升服務效能執行計畫編輯器",
                    "plandesk-cli": "PlanDesk 命令列工具"}


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """"0.1.0" → (0, 1, 0, 0); pre-release suffixes ("0.2.0rc1") are dropped."""
    numbers = [int(n) for n in re.findall(r"\d+", version.split("+")[0])[:4]]
    return tuple((numbers + [0, 0, 0, 0])[:4])


def version_file_text(version: str, app_name: str, org_name: str,
                      description: str = EXE_DESCRIPTIONS["plandesk"],
                      exe_name: str = "plandesk.exe") -> str:
    """The ``VSVersionInfo(...)`` expression PyInstaller evaluates."""
    vt = version_tuple(version)
    strings = {
        "CompanyName": org_name,
        "FileDescription": description,
        "FileVersion": version,
        "InternalName": exe_name.rsplit(".", 1)[0],
        "LegalCopyright": f"© {org_name}；第三方元件授權見「關於」視窗",
        "OriginalFilename": exe_name,
        "ProductName": app_name,
        "ProductVersion": version,
    }
    table = ",\n          ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""# -*- coding: utf-8 -*-
VSVersionInfo(
  ffi=FixedFileInfo(filevers={vt!r}, prodvers={vt!r}, mask=0x3f, flags=0x0,
                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable({LANG_CODEPAGE!r}, [
          {table}])]),
    VarFileInfo([VarStruct('Translation', [0x0404, 1200])])
  ]
)
"""
