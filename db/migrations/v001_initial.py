"""Version 1: plans, their sections and tree nodes, status history, department
roster, and trigram full-text indexes over node and section text."""

VERSION = 1


def upgrade(db):
    """Create the first schema. ``db`` is a sqlite_utils.Database inside a transaction."""
    db.execute("""
        CREATE TABLE plans (
            id INTEGER PRIMARY KEY,
            organization TEXT NOT NULL DEFAULT '',
            office TEXT NOT NULL DEFAULT '',
            year INTEGER NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            date_line TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT '草稿' CHECK (status IN ('草稿','陳核','核定')),
            columns TEXT NOT NULL,            -- JSON list of the five column labels
            profile TEXT NOT NULL DEFAULT 'taipower',
            created TEXT NOT NULL,
            modified TEXT NOT NULL,
            deleted TEXT                       -- set when moved to the recycle bin
        )""")
    db.execute("""
        CREATE TABLE status_log (
            id INTEGER PRIMARY KEY,
            plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
            status TEXT NOT NULL,
            at TEXT NOT NULL
        )""")
    db.execute("""
        CREATE TABLE sections (
            id TEXT PRIMARY KEY,
            plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            heading TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL CHECK (kind IN ('text','table')),
            paragraphs TEXT NOT NULL DEFAULT '[]',   -- JSON [{"text","numbered"}]
            notes TEXT NOT NULL DEFAULT '[]',        -- JSON list of strings
            body TEXT NOT NULL DEFAULT ''            -- plain text of paragraphs+notes, for search
        )""")
    db.execute("CREATE INDEX sections_plan ON sections(plan_id, position)")
    db.execute("""
        CREATE TABLE nodes (
            id TEXT PRIMARY KEY,
            plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
            parent_id TEXT,                    -- NULL for a top-level 面向
            position INTEGER NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL DEFAULT '',
            period TEXT NOT NULL DEFAULT '',
            numbered INTEGER NOT NULL DEFAULT 1,
            skip INTEGER NOT NULL DEFAULT 0,
            departments TEXT NOT NULL DEFAULT '[]'   -- JSON [[name, role], …]
        )""")
    db.execute("CREATE INDEX nodes_plan ON nodes(plan_id)")
    db.execute("""
        CREATE TABLE roster (
            office TEXT NOT NULL,
            name TEXT NOT NULL,
            PRIMARY KEY (office, name)
        )""")
    db["nodes"].enable_fts(["title", "text"], tokenize="trigram", create_triggers=True)
    db["sections"].enable_fts(["heading", "body"], tokenize="trigram", create_triggers=True)
