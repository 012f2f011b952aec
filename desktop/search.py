"""Full-text search across the library (trigram FTS5, so Chinese substrings match)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .numbering import level_style, token
from .profiles import load_profile

if TYPE_CHECKING:
    from .library import Library, SearchHit

_SNIPPET_CHARS = 40


def _snippet(text: str, query: str) -> str:
    at = text.find(query)
    if at < 0:
        return text[:_SNIPPET_CHARS]
    start = max(0, at - 12)
    piece = text[start:start + _SNIPPET_CHARS]
    return ("…" if start else "") + piece + ("…" if start + _SNIPPET_CHARS < len(text) else "")


def _match_clause(table: str, query: str) -> tuple[str, list]:
    """FTS5 trigram MATCH for 3+ characters; shorter queries cannot use the
    trigram index, so they scan the base table with instr() (twice as fast as LIKE)."""
    if len(query) >= 3:
        quoted = '"' + query.replace('"', '""') + '"'
        return f"{table}_fts MATCH ?", [quoted]
    alias = "n" if table == "nodes" else "s"
    columns = ("title", "text") if table == "nodes" else ("heading", "body")
    return " OR ".join(f"instr({alias}.{c}, ?) > 0" for c in columns), [query] * 2


def _source(table: str, query: str) -> str:
    alias = table[0]
    if len(query) >= 3:
        return f"{table}_fts JOIN {table} {alias} ON {alias}.rowid = {table}_fts.rowid"
    return f"{table} {alias}"


# the open plan first, then newest year first (within a year the newest plan)
_ORDER = "ORDER BY (p.id IS ?) DESC, p.year DESC, p.id DESC"


def run_search(library: "Library", query: str, limit: int,
               first_plan: int | None = None) -> list["SearchHit"]:
    """Hits of ``first_plan`` (the open plan) first, then by year, newest first;
    within a plan item hits (in stored order) before section hits."""
    from .library import SearchHit

    query = query.strip()
    if not query:
        return []
    db = library.db
    where, params = _match_clause("nodes", query)
    node_rows = db.execute(
        f"SELECT n.plan_id, n.id, n.title, n.text, p.office, p.year FROM {_source('nodes', query)}"
        f" JOIN plans p ON p.id = n.plan_id"
        f" WHERE ({where}) AND p.deleted IS NULL {_ORDER}, n.rowid LIMIT ?",
        params + [first_plan, limit]).fetchall()
    paths = _node_paths(library, [r[1] for r in node_rows])
    hits = [SearchHit(plan_id, office, year, node_id, paths.get(node_id, ""),
                      _snippet(title if query in title else text, query))
            for plan_id, node_id, title, text, office, year in node_rows]
    where, params = _match_clause("sections", query)
    for plan_id, heading, body, office, year in db.execute(
            f"SELECT s.plan_id, s.heading, s.body, p.office, p.year FROM {_source('sections', query)}"
            f" JOIN plans p ON p.id = s.plan_id"
            f" WHERE ({where}) AND p.deleted IS NULL {_ORDER}, s.position LIMIT ?",
            params + [first_plan, limit]):
        hits.append(SearchHit(plan_id, office, year, None, heading,
                              _snippet(heading if query in heading else body, query)))
    # stable: each plan's item hits stay before its section hits
    hits.sort(key=lambda h: (h.plan_id != first_plan, -h.year, -h.plan_id))
    return hits[:limit]


def _node_paths(library: "Library", node_ids: list[str]) -> dict[str, str]:
    """Numbered paths (一、(二)3.) of the given nodes, computed from their
    ancestors and the count of numbered elder siblings — no whole-plan load."""
    db = library.db
    cache: dict[str, tuple[str | None, int, int, int, int, str]] = {}

    def row(node_id):
        if node_id not in cache:
            cache[node_id] = db.execute(
                "SELECT n.parent_id, n.plan_id, n.position, n.numbered, n.skip, p.profile"
                " FROM nodes n JOIN plans p ON p.id = n.plan_id WHERE n.id = ?", [node_id]).fetchone()
        return cache[node_id]

    out = {}
    for node_id in node_ids:
        chain = []
        current = node_id
        while current is not None:
            parent, plan_id, position, numbered, skip, profile = row(current)
            chain.append((parent, plan_id, position, numbered, skip))
            current = parent
        levels = load_profile(profile)["numbering"]["levels"]
        level, parts = -1, []
        for parent, plan_id, position, numbered, skip in reversed(chain):
            level += 1 + skip
            if not numbered:
                parts.append("")
                continue
            ordinal = db.execute(
                "SELECT count(*) FROM nodes WHERE plan_id = ? AND parent_id IS ? AND position <= ?"
                " AND numbered = 1", [plan_id, parent, position]).fetchone()[0]
            parts.append(token(ordinal, level_style(levels, level)))
        out[node_id] = "".join(parts)
    return out
