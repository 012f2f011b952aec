"""Backups of the library: consistent copies (WAL content included) in a
``backups/`` folder beside it (or a folder set in the library), each checked
with ``integrity_check`` after writing, thinned by a rotation, and restored in
one step after backing up the current library first."""
from .store import BackupInfo, backup_folder, list_backups, newest_good_backup
from .make import create_backup, daily_backup
from .restore import restore_backup, restore_over_damaged

__all__ = ["BackupInfo", "backup_folder", "list_backups", "newest_good_backup",
           "create_backup", "daily_backup", "restore_backup", "restore_over_damaged"]
