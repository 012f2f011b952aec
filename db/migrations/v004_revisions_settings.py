"""Version 4: a revision number per plan (a write based on an older revision is
refused, so one process never overwrites another's change) and a small
key/value settings table that travels with the library (e.g. the backup folder)."""

VERSION = 4


def upgrade(db):
    db.execute("ALTER TABLE plans ADD COLUMN revision INTEGER NOT NULL DEFAULT 0")
    db.execute("CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
