"""Version 3 (半年自行考核): a plan's review periods and, per action item and
period, its 執行情形, 執行狀態, 量化成果 and who reported it when.

Results are keyed by node id without a foreign key to ``nodes``: deleting an
item and undoing the delete brings its results back instead of losing them.
"""

VERSION = 3


def upgrade(db):
    db.execute("""
        CREATE TABLE review_periods (
            plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            start_month INTEGER NOT NULL CHECK (start_month BETWEEN 1 AND 12),
            end_month INTEGER NOT NULL CHECK (end_month BETWEEN 1 AND 12),
            due TEXT NOT NULL DEFAULT '',       -- ISO date set by the clerk; '' = from the plan text
            PRIMARY KEY (plan_id, name)
        )""")
    db.execute("""
        CREATE TABLE results (
            plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
            node_id TEXT NOT NULL,
            period TEXT NOT NULL,
            text TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT ''
                CHECK (status IN ('','已完成','持續辦理','進行中','落後','未執行','不適用')),
            quantity REAL,
            unit TEXT NOT NULL DEFAULT '',
            reporter TEXT NOT NULL DEFAULT '',
            reported_at TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (node_id, period)
        )""")
    db.execute("CREATE INDEX results_plan ON results(plan_id)")
