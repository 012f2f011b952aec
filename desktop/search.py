"""Full-text search across the library (trigram FTS5, so Chinese substrings match)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .model import Node, Plan
from .numbering import node_tokens

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
    if len(query) >= 3:
        quoted = '"' + query.replace('"', '""') + '"'
        return f"{table}_fts MATCH ?", [quoted]
    pattern = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    columns = ("title", "text") if table == "nodes" else ("heading", "body")
    return " OR ".join(f"{table}_fts.{c} LIKE ? ESCAPE '\\'" for c in columns), [pattern] * 2


def run_search(library: "Library", query: str, limit: int) -> list["SearchHit"]:
    """Hits in nodes first (document order within a plan), then in sections."""
    from .library import SearchHit

    query = query.strip()
    if not query:
        return []
    db = library.db
    where, params = _match_clause("nodes", query)
    node_rows = db.execute(
        f"SELECT n.plan_id, n.id, n.title, n.text, p.office, p.year FROM nodes_fts"
        f" JOIN nodes n ON n.rowid = nodes_fts.rowid JOIN plans p ON p.id = n.plan_id"
        f" WHERE ({where}) AND p.deleted IS NULL ORDER BY p.office, p.year DESC LIMIT ?",
        params + [limit]).fetchall()
    paths = _node_paths(library, {r[0] for r in node_rows})
    hits = [SearchHit(plan_id, office, year, node_id, paths.get(node_id, ""),
                      _snippet(title if query in title else text, query))
            for plan_id, node_id, title, text, office, year in node_rows]
    if len(hits) < limit:
        where, params = _match_clause("sections", query)
        for plan_id, heading, body, office, year in db.execute(
                f"SELECT s.plan_id, s.heading, s.body, p.office, p.year FROM sections_fts"
                f" JOIN sections s ON s.rowid = sections_fts.rowid JOIN plans p ON p.id = s.plan_id"
                f" WHERE ({where}) AND p.deleted IS NULL LIMIT ?", params + [limit - len(hits)]):
            hits.append(SearchHit(plan_id, office, year, None, heading,
                                  _snippet(heading if query in heading else body, query)))
    return hits


def _node_paths(library: "Library", plan_ids: set[int]) -> dict[str, str]:
    """Numbered paths (一、(二)3.) for all nodes of the given plans, from a light
    skeleton query rather than loading whole plans."""
    out: dict[str, str] = {}
    for plan_id in plan_ids:
        profile = library.db.execute("SELECT profile FROM plans WHERE id = ?", [plan_id]).fetchone()[0]
        skeleton = Plan(profile=profile, id=plan_id)
        nodes: dict[str, Node] = {}
        links = []
        for nid, parent, position, numbered, skip in library.db.execute(
                "SELECT id, parent_id, position, numbered, skip FROM nodes WHERE plan_id = ?"
                " ORDER BY position", [plan_id]):
            nodes[nid] = Node(id=nid, numbered=bool(numbered), skip=skip)
            links.append((parent, nid))
        parent_of = {}
        for parent, nid in links:
            (nodes[parent].children if parent in nodes else skeleton.tree).append(nodes[nid])
            parent_of[nid] = parent
        tokens = node_tokens(skeleton)
        for nid in nodes:
            chain, cur = [], nid
            while cur is not None:
                chain.append(tokens.get(cur, ""))
                cur = parent_of.get(cur)
            out[nid] = "".join(reversed(chain))
    return out
