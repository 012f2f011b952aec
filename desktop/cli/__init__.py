"""The ``plandesk`` command. Subcommands live in small modules named
``desktop/cli/*_cmds.py``; each has ``register(subparsers)`` and sets ``func(args, ctx)``.

Errors: exit code 2 and one sentence on stderr, whatever failed (sqlite3, OS —
full disk, read-only, no permission —, recursion, memory, decoding, a closed
pipe); ``--debug`` shows the traceback.
"""
from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
import traceback

from .. import __version__
from ..errors import explain
from ..scratch import clean_scratch
from .context import Context


def command_modules() -> list[str]:
    """Names of the subcommand modules, in a stable order (help lists them so)."""
    # __path__ (not a directory listing) so a PyInstaller bundle finds them too
    return sorted(info.name for info in pkgutil.iter_modules(__path__) if info.name.endswith("_cmds"))


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse says exit 2 with usage; keep it one sentence
        self.print_usage(sys.stderr)
        print(f"指令參數有誤：{message}。請用 plandesk --help 查看用法。", file=sys.stderr)
        sys.exit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="plandesk", description="PlanDesk 年度提升服務效能執行計畫編輯器")
    parser.add_argument("--version", action="version", version=f"PlanDesk {__version__}")
    parser.add_argument("--db", metavar="PATH", help="計畫庫檔案（預設：使用者資料夾；或環境變數 PLANDESK_DB）")
    parser.add_argument("--debug", action="store_true", help="發生錯誤時顯示完整的技術訊息")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    for name in command_modules():
        importlib.import_module(f"{__name__}.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    parser = build_parser()
    args = parser.parse_args(argv)
    clean_scratch()  # what a killed earlier run left in PlanDesk's temporary folder
    ctx = Context(args.db)
    try:
        if not args.command:
            return _start_gui(ctx, args)
        code = args.func(args, ctx) or 0
        sys.stdout.flush()  # a closed pipe (| head) fails here, inside the error handling
        return code
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # every failure ends in one sentence (see errors.explain)
        if isinstance(exc, BrokenPipeError):  # nothing more can reach stdout; do not flush at exit
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        if args.debug:
            traceback.print_exc()
        print(explain(exc), file=sys.stderr)
        return 2
    finally:
        try:
            ctx.close()
        except Exception:  # closing after a failure must not hide the sentence
            pass


def _start_gui(ctx: Context, args) -> int:
    from .gui_cmds import start_gui
    return start_gui(ctx.db_path)


if __name__ == "__main__":
    sys.exit(main())
