"""Version 5: review notes — the comments of a returned, marked-up plan kept on
their items until resolved — and a note on status-log rows (「依 … 修正 (N 處)」)."""

VERSION = 5


def upgrade(db):
    db.execute("""
        CREATE TABLE review_notes (
            id INTEGER PRIMARY KEY,
            plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
            target TEXT,                       -- node id, section:<id>, or NULL for the plan
            location TEXT NOT NULL DEFAULT '', -- numbered path when the note was made
            field TEXT NOT NULL DEFAULT '',
            author TEXT NOT NULL DEFAULT '',
            date TEXT NOT NULL DEFAULT '',
            anchor TEXT NOT NULL DEFAULT '',   -- the text the comment was attached to
            text TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '',   -- the returned document's file name
            created TEXT NOT NULL,
            resolved TEXT                      -- set when the clerk marks it done
        )""")
    db.execute("CREATE INDEX review_notes_plan ON review_notes(plan_id, target)")
    db.execute("ALTER TABLE status_log ADD COLUMN note TEXT NOT NULL DEFAULT ''")
