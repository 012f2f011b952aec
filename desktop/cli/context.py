"""Lazily opened library for CLI commands (opened only when a command needs it)."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from ..backup import daily_backup
from ..demo import seed_if_empty
from ..library import Library
from ..paths import default_db_path, reject_foreign_path


class Context:
    def __init__(self, db: str | None):
        self.db_path = Path(db) if db else default_db_path()
        # Only the default library gets the demo plans: scripts that name a
        # library file want it to hold exactly what they put in.
        self.is_default = not db and "PLANDESK_DB" not in os.environ
        self._library: Library | None = None

    def library(self) -> Library:
        """Open the library; a new default library gets the demo plans; the
        first open of the day backs it up."""
        if self._library is None:
            reject_foreign_path(self.db_path)
            fresh = not self.db_path.exists()
            self._library = Library.open(self.db_path)
            if self._library.warning:
                print(self._library.warning, file=sys.stderr)
            if fresh and self.is_default:
                seed_if_empty(self._library)
            warning = daily_backup(self._library)
            if warning:
                print(warning, file=sys.stderr)
        return self._library

    def close(self) -> None:
        if self._library is not None:
            self._library.close()


def print_json(data) -> None:
    """A command's ``--json`` output: UTF-8 text as it is (not \\u escapes), indented."""
    print(json.dumps(data, ensure_ascii=False, indent=2))
