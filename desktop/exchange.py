"""The exchange format: strict reading, canonical writing.

``plandesk-plan/2`` adds the half-year review (``review_periods`` on the plan,
``results`` on nodes); a plan without review data is written as
``plandesk-plan/1``, so such files stay readable by older PlanDesk. Both are read.

On reading, a node's ``number`` only says numbered ("一、") or not ("");
when the token is of a deeper level than the node's depth (a printed "(1)"
directly under "(一)"), the skip is kept so the same token is recomputed.
"""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from . import limits
from .assessment.model import RESULT_STATUSES, Result, ReviewPeriod, default_periods
from .errors import PlanDeskError
from .model import DEFAULT_PROFILE, ROLES, STATUSES, Department, Node, Paragraph, Plan, Section
from .numbering import level_of_token, node_tokens, paragraph_tokens, section_tokens
from .profiles import load_profile, profile_names
from .sanitize import clean_line, clean_text

FORMAT_V1 = "plandesk-plan/1"
FORMAT = "plandesk-plan/2"

_PLAN_KEYS = {"format": str, "organization": str, "office": str, "year": int, "title": str,
              "date_line": str, "status": str, "columns": list, "sections": list, "tree": list,
              "profile": str}
_PLAN_OPTIONAL = {"status", "profile"}
_SECTION_KEYS = {"number": str, "heading": str, "kind": str, "paragraphs": list, "notes": list}
_SECTION_OPTIONAL = {"notes", "number", "paragraphs"}
_PARA_KEYS = {"number": str, "text": str}
_NODE_KEYS = {"number": str, "title": str, "text": str, "departments": list, "period": str,
              "children": list}
_NODE_OPTIONAL = {"children", "period", "departments", "text", "title"}
# plandesk-plan/2: the half-year review
_PERIOD_KEYS = {"name": str, "start_month": int, "end_month": int, "due": str}
_RESULT_KEYS = {"period": str, "text": str, "status": str, "quantity": float, "unit": str,
                "reporter": str, "reported_at": str}
_RESULT_OPTIONAL = set(_RESULT_KEYS) - {"period"}


class _Reader:
    """Validates while converting; every complaint names the JSON path."""

    def __init__(self, source: str):
        self.source = source
        self.version = 1

    def fail(self, path: str, problem: str) -> PlanDeskError:
        return PlanDeskError(f"{self.source} 的內容有誤：{path} {problem}，請修正後再匯入。")

    def check(self, obj: Any, spec: dict, optional: set, path: str) -> None:
        if not isinstance(obj, dict):
            raise self.fail(path, "應為物件（{…}）")
        for key in obj:
            if key not in spec:
                raise self.fail(f"{path}.{key}", "是不認得的欄位")
        for key, typ in spec.items():
            if key not in obj:
                if key in optional:
                    continue
                raise self.fail(f"{path}.{key}", "缺少必要欄位")
            value = obj[key]
            if typ is int and (isinstance(value, bool) or not isinstance(value, int)):
                raise self.fail(f"{path}.{key}", "應為整數")
            if typ is float and (isinstance(value, bool) or not isinstance(value, (int, float))):
                raise self.fail(f"{path}.{key}", "應為數字")
            if typ not in (int, float) and not isinstance(value, typ):
                raise self.fail(f"{path}.{key}", f"應為{_TYPE_NAMES[typ]}")

    def plan(self, data: Any) -> Plan:
        if not isinstance(data, dict):
            raise self.fail("最外層", "應為物件（{…}）")
        if data.get("format") not in (FORMAT_V1, FORMAT):
            raise self.fail("format", f"應為 \"{FORMAT}\" 或 \"{FORMAT_V1}\"")
        self.version = 2 if data["format"] == FORMAT else 1
        keys, optional = _PLAN_KEYS, _PLAN_OPTIONAL
        if self.version == 2:
            keys, optional = {**keys, "review_periods": list}, optional | {"review_periods"}
        self.check(data, keys, optional, "$")
        status = data.get("status", "草稿")
        if status not in STATUSES:
            raise self.fail("$.status", f"應為 {'/'.join(STATUSES)} 其中之一")
        profile = data.get("profile", DEFAULT_PROFILE)
        if profile not in profile_names():
            raise self.fail("$.profile", f"應為 {'/'.join(profile_names())} 其中之一")
        columns = data["columns"]
        if len(columns) != 5 or not all(isinstance(c, str) for c in columns):
            raise self.fail("$.columns", "應為 5 個欄位名稱")
        if not 1 <= data["year"] <= 999:
            raise self.fail("$.year", "應為民國年（例如 114）")
        plan = Plan(organization=clean_line(data["organization"]), office=clean_line(data["office"]),
                    year=data["year"], title=clean_line(data["title"]),
                    date_line=clean_line(data["date_line"]), status=status,
                    columns=[clean_line(c) for c in columns], profile=profile)
        plan.sections = [self.section(s, f"$.sections[{i}]") for i, s in enumerate(data["sections"])]
        tables = sum(1 for s in plan.sections if s.kind == "table")
        if tables != 1:
            raise self.fail("$.sections", f"應恰有一個表格章節（kind \"table\"），目前有 {tables} 個")
        if "review_periods" in data:
            plan.review.periods = [self.review_period(p, f"$.review_periods[{i}]")
                                   for i, p in enumerate(data["review_periods"])]
        levels = load_profile(profile)["numbering"]["levels"]
        plan.tree = [self.node(n, f"$.tree[{i}]", 0, levels, plan=plan) for i, n in enumerate(data["tree"])]
        return plan

    def review_period(self, data: Any, path: str) -> ReviewPeriod:
        self.check(data, _PERIOD_KEYS, {"due"}, path)
        for key in ("start_month", "end_month"):
            if not 1 <= data[key] <= 12:
                raise self.fail(f"{path}.{key}", "應為 1 到 12 的月份")
        due = data.get("due", "")
        if due:
            try:
                date.fromisoformat(due)
            except ValueError:
                raise self.fail(f"{path}.due", "應為日期（例如 2019-07-05）") from None
        return ReviewPeriod(clean_line(data["name"]), data["start_month"], data["end_month"], due)

    def result(self, data: Any, path: str, node: Node, plan: Plan) -> Result:
        self.check(data, _RESULT_KEYS, _RESULT_OPTIONAL, path)
        if plan.review.period(data["period"]) is None:
            raise self.fail(f"{path}.period", "不是計畫的考核期間（見 review_periods）")
        status = data.get("status", "")
        if status and status not in RESULT_STATUSES:
            raise self.fail(f"{path}.status", f"應為 {'/'.join(RESULT_STATUSES)} 其中之一")
        return Result(node.id, data["period"], clean_text(data.get("text", "")), status,
                      _number(data.get("quantity")), clean_line(data.get("unit", "")),
                      clean_line(data.get("reporter", "")), clean_line(data.get("reported_at", "")))

    def section(self, data: Any, path: str) -> Section:
        self.check(data, _SECTION_KEYS, _SECTION_OPTIONAL, path)
        if data["kind"] not in ("text", "table"):
            raise self.fail(f"{path}.kind", "應為 \"text\" 或 \"table\"")
        paragraphs = []
        for i, para in enumerate(data.get("paragraphs", [])):
            self.check(para, _PARA_KEYS, set(), f"{path}.paragraphs[{i}]")
            paragraphs.append(Paragraph(text=clean_text(para["text"]), numbered=bool(para["number"])))
        notes = data.get("notes", [])
        for i, note in enumerate(notes):
            if not isinstance(note, str):
                raise self.fail(f"{path}.notes[{i}]", "應為文字")
        return Section(heading=clean_line(data["heading"]), kind=data["kind"],
                       paragraphs=paragraphs, notes=[clean_text(n) for n in notes])

    def node(self, data: Any, path: str, depth: int, levels: list[dict],
             parent_level: int = -1, plan: Plan | None = None) -> Node:
        limits.check_depth(self.source, depth + 1)  # before recursing deeper
        keys, optional = _NODE_KEYS, _NODE_OPTIONAL
        if self.version == 2:
            keys, optional = {**keys, "results": list}, optional | {"results"}
        self.check(data, keys, optional, path)
        number = data["number"]
        level = parent_level + 1
        if number:
            printed = level_of_token(number, levels)
            if printed is not None and printed > level:
                level = printed
        node = Node(title=clean_line(data.get("title", "")), text=clean_text(data.get("text", "")),
                    period=clean_line(data.get("period", "")), numbered=bool(number),
                    skip=level - parent_level - 1)
        for i, dept in enumerate(data.get("departments", [])):
            node.departments.append(self.department(dept, f"{path}.departments[{i}]"))
        for i, item in enumerate(data.get("results", [])):
            result = self.result(item, f"{path}.results[{i}]", node, plan)
            if result.key in plan.review.results:
                raise self.fail(f"{path}.results[{i}].period", "重複：同一期間只能有一筆執行情形")
            plan.review.results[result.key] = result
        node.children = [self.node(c, f"{path}.children[{i}]", depth + 1, levels, level, plan)
                         for i, c in enumerate(data.get("children", []))]
        return node

    def department(self, data: Any, path: str) -> Department:
        if isinstance(data, str):
            return Department(clean_line(data), "承辦")
        self.check(data, {"name": str, "role": str}, set(), path)
        if data["role"] not in ("主辦", "協辦"):
            raise self.fail(f"{path}.role", "應為「主辦」或「協辦」")
        return Department(clean_line(data["name"]), data["role"])


_TYPE_NAMES = {str: "文字", list: "清單（[…]）", dict: "物件（{…}）"}


def plan_from_dict(data: Any, source: str = "匯入資料") -> Plan:
    """Validate ``data`` and build a :class:`Plan`; raises PlanDeskError naming the path."""
    plan = _Reader(source).plan(data)
    limits.check_plan(plan, source)
    return plan


def read_plan_file(path: str | Path) -> Plan:
    """Read an exchange JSON file; every problem becomes one clear PlanDeskError."""
    path = Path(path)
    name = path.name
    try:
        limits.check_file_size(name, path.stat().st_size)
        raw = path.read_bytes()
    except OSError as exc:
        raise PlanDeskError(f"無法讀取 {name}（{exc.strerror}），請確認檔案存在且未被其他程式鎖住。") from exc
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except RecursionError as exc:  # nesting far beyond any plan: the parser gives up
        raise limits.too_big(name, f"巢狀層次超過 {limits.MAX_DEPTH} 層") from exc
    except UnicodeDecodeError as exc:
        raise PlanDeskError(f"{name} 不是 UTF-8 編碼的 JSON 檔，請以 UTF-8 另存後再匯入。") from exc
    except json.JSONDecodeError as exc:
        raise PlanDeskError(f"{name} 不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 字附近有語法錯誤），請修正後再匯入。") from exc
    return plan_from_dict(data, name)


def plan_to_dict(plan: Plan) -> dict:
    """The canonical exchange JSON for ``plan`` with computed numbering tokens.

    Defaults are left out (status 草稿, the default profile) so that a file
    without them round-trips unchanged.
    """
    tokens = node_tokens(plan)
    review = plan.review
    by_node: dict[str, list[Result]] = {}
    for result in review.results.values():
        by_node.setdefault(result.node_id, []).append(result)
    order = {p.name: i for i, p in enumerate(review.periods)}
    node_ids = {n.id for n in plan.walk()}
    has_review = review.periods != default_periods() or any(k in node_ids for k in by_node)

    def node(n: Node) -> dict:
        out = {"number": tokens[n.id], "title": n.title, "text": n.text,
               "departments": [d.name if d.role == "承辦" else {"name": d.name, "role": d.role}
                               for d in n.departments],
               "period": n.period}
        if n.id in by_node:
            out["results"] = [_result_dict(r) for r in sorted(by_node[n.id], key=lambda r: order.get(r.period, 99))]
        out["children"] = [node(c) for c in n.children]
        return out

    def section(s: Section, number: str) -> dict:
        out = {"number": number, "heading": s.heading, "kind": s.kind,
               "paragraphs": [{"number": tok, "text": p.text} for p, tok in
                              zip(s.paragraphs, paragraph_tokens(plan, s.paragraphs))]}
        if s.kind == "table" or s.notes:
            out["notes"] = list(s.notes)
        return out

    data: dict[str, Any] = {"format": FORMAT if has_review else FORMAT_V1, "organization": plan.organization,
                            "office": plan.office, "year": plan.year, "title": plan.title,
                            "date_line": plan.date_line}
    if plan.status != "草稿":
        data["status"] = plan.status
    if plan.profile != DEFAULT_PROFILE:
        data["profile"] = plan.profile
    data["columns"] = list(plan.columns)
    if has_review:
        data["review_periods"] = [{"name": p.name, "start_month": p.start_month, "end_month": p.end_month,
                                   **({"due": p.due} if p.due else {})} for p in review.periods]
    data["sections"] = [section(s, tok) for s, tok in zip(plan.sections, section_tokens(plan))]
    data["tree"] = [node(n) for n in plan.tree]
    return data


def _number(value: int | float | None) -> float | None:
    """量化成果 as stored (REAL): 12 and 12.0 are the same figure."""
    return None if value is None else float(value)


def _result_dict(r: Result) -> dict:
    """A result with its empty optional fields left out."""
    out: dict[str, Any] = {"period": r.period}
    for key in ("text", "status", "quantity", "unit", "reporter", "reported_at"):
        value = getattr(r, key)
        if value not in ("", None):
            out[key] = value
    return out


def dumps(plan: Plan) -> str:
    return json.dumps(plan_to_dict(plan), ensure_ascii=False, indent=2) + "\n"
