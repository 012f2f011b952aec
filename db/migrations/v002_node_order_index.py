"""Version 2: index nodes by (plan, parent, position) so a node's numbered path
can be computed from its ancestors alone (search results) without loading the plan."""

VERSION = 2


def upgrade(db):
    db.execute("CREATE INDEX IF NOT EXISTS nodes_order ON nodes(plan_id, parent_id, position)")
