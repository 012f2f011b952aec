"""The format-neutral layout step on arbitrary trees: a consistent grid, every
text exactly once, spans that cover exactly their descendants' rows."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from desktop.export.blocks import Cell, Covered, Table
from desktop.export.layout import heading_text, plan_document
from desktop.model import Department, Node, Plan, Section

_texts = iter(range(10**9))


def _node(draw, depth: int) -> Node:
    uid = next(_texts)
    has_title = draw(st.booleans())
    has_text = draw(st.booleans())
    roles = draw(st.lists(st.sampled_from(["主辦", "協辦", "承辦"]), max_size=3))
    node = Node(title=f"標題{uid}號" if has_title else "", text=f"內容{uid}號" if has_text else "",
                departments=[Department(f"部門{uid}_{i}", r) for i, r in enumerate(roles)],
                period=draw(st.sampled_from(["", "隨時辦理"])), numbered=draw(st.booleans()))
    if depth < 4:
        node.children = [_node(draw, depth + 1) for _ in range(draw(st.integers(0, 3)))]
    return node


@st.composite
def plans(draw) -> Plan:
    tree = [_node(draw, 0) for _ in range(draw(st.integers(0, 3)))]
    return Plan(title="測試", profile=draw(st.sampled_from(["taipower", "taiwater"])),
                sections=[Section(heading="依據"), Section(heading="策略", kind="table")], tree=tree)


def _table(plan: Plan) -> Table:
    return next(b for b in plan_document(plan).blocks if isinstance(b, Table))


def _all_text(table: Table) -> str:
    return "\n".join(p.token + p.text for row in table.rows for c in row if isinstance(c, Cell)
                     for p in c.paragraphs)


@settings(max_examples=60, deadline=None)
@given(plans())
def test_grid_is_consistent_and_every_text_appears_once(plan):
    table = _table(plan)
    width = len(table.widths)
    for row in table.header + table.rows:
        assert len(row) == width
    rows = table.header + table.rows
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if isinstance(cell, Cell):
                for dr in range(cell.rowspan):
                    for dc in range(cell.colspan):
                        if dr or dc:
                            hidden = rows[r + dr][c + dc]
                            assert isinstance(hidden, Covered) and hidden.origin is cell
                            assert hidden.first_col == (dc == 0)
            else:
                assert isinstance(cell, Covered)
    text = _all_text(table)
    for node in plan.walk():
        for part in (node.title, node.text):
            if part:
                assert text.count(part) == 1, part
        for dept in node.departments:
            # Once per run of rows it covers: children between own-department siblings repeat it.
            assert text.count(dept.name) >= 1
    # one row at least per top-level node, nothing for an empty tree
    assert (len(table.rows) >= len(plan.tree)) and (plan.tree or not table.rows)


@settings(max_examples=30, deadline=None)
@given(plans())
def test_department_cells_list_leads_before_assistants(plan):
    table = _table(plan)
    for row in table.rows:
        if not isinstance(row[-2], Cell):
            continue  # merged with the row above
        lines = [p.text for p in row[-2].paragraphs]
        bracketed = [i for i, line in enumerate(lines) if line[:1] in "(（"]
        assert bracketed == list(range(len(lines) - len(bracketed), len(lines)))


def test_heading_suffix():
    profile = {"heading_suffix": "："}
    assert heading_text("計畫依據", profile) == "計畫依據："
    assert heading_text("計畫依據：", profile) == "計畫依據："
    assert heading_text("本計畫如有未盡事宜，得另行補充規定。", profile).endswith("。")
    assert heading_text("", profile) == ""


def test_nested_item_with_its_own_departments_gets_its_own_indented_row():
    item = Node(text="作法", departments=[Department("業務組")], period="隨時辦理",
                children=[Node(text="細項", departments=[Department("電費組")])])
    plan = Plan(sections=[Section(kind="table")],
                tree=[Node(title="面向", children=[Node(title="策略", children=[Node(children=[item])])])])
    plan.tree[0].children[0].children[0].numbered = False
    rows = _table(plan).rows
    contents = [[p for p in r[-3].paragraphs] for r in rows if isinstance(r[-3], Cell)]
    item_para, sub_para = contents[0][0], contents[1][0]
    assert (item_para.token, item_para.text, sub_para.text) == ("(1)", "作法", "細項")
    assert sub_para.indent_em == 1.5 and item_para.indent_em == 0  # under the text after "(1)"
    assert [p.text for p in rows[1][-2].paragraphs] == ["電費組"]
