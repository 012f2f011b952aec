"""Random plans shaped like the published ones (面向 → 策略 → optional titled or
unnumbered sub-strategy → items → 甲、乙 sub-items), for round-trip tests.

Shapes a printed table cannot tell apart are left out on purpose: an unnumbered
item as the first under a heading prints exactly like the heading's own text, and
an unnumbered sub-strategy with its own text like an item's continuation.
"""
from __future__ import annotations

import random

from desktop.model import Department, Node, Paragraph, Plan, Section

_CHARS = "服務提升用戶申辦案件處理效率流程管控業務電費網路宣導節能推廣資訊公開"
_DEPARTMENTS = ["業務組", "電務組", "服務中心", "服務所", "總務組", "各部門", "收費課"]
_ENDINGS = ["。", "。", "；並持續辦理。", "：", "（含外包人員）。"]


def _text(rng: random.Random) -> str:
    return "".join(rng.choice(_CHARS) for _ in range(rng.randint(4, 30))) + rng.choice(_ENDINGS)


def _title(rng: random.Random, size: int) -> str:
    return "".join(rng.choice(_CHARS) for _ in range(rng.randint(3, size)))


def _departments(rng: random.Random, roles: bool) -> list[Department]:
    names = rng.sample(_DEPARTMENTS, rng.randint(1, 3))
    return [Department(n, ("主辦" if i == 0 else "協辦") if roles else "承辦") for i, n in enumerate(names)]


def _item(rng: random.Random, roles: bool, sub_items: bool) -> Node:
    node = Node(text=_text(rng), departments=_departments(rng, roles),
                period=rng.choice(["隨時辦理", "每月", "每年1次"]))
    if sub_items and rng.random() < 0.15:
        node.children = [Node(text=_text(rng)) for _ in range(rng.randint(1, 3))]
    return node


def _items(rng: random.Random, roles: bool, sub_items: bool) -> list[Node]:
    items = [_item(rng, roles, sub_items) for _ in range(rng.randint(1, 4))]
    if len(items) > 1 and rng.random() < 0.3:
        rng.choice(items[1:]).numbered = False
    return items


def random_plan(seed: int) -> Plan:
    rng = random.Random(seed)
    roles = rng.random() < 0.5
    plan = Plan(organization="台灣電力公司", office="測試區營業處", year=113,
                title="測試區營業處113年度提升服務效能執行計畫", date_line="113年1月1日訂定",
                sections=[Section("計畫依據", paragraphs=[Paragraph(_text(rng))]),
                          Section("執行策略及具體作法", kind="table")])
    if roles:
        plan.columns[3] = "主辦部門（協辦部門）"
    for _ in range(rng.randint(1, 3)):
        aspect = Node(title=_title(rng, 8))
        for _ in range(rng.randint(1, 3)):
            strategy = Node(title=_title(rng, 12))
            shape = rng.random()
            if shape < 0.4:
                strategy.children = _items(rng, roles, True)
            elif shape < 0.8:
                for _ in range(rng.randint(1, 3)):
                    sub = Node(title=_title(rng, 10), numbered=rng.random() > 0.15)
                    if sub.numbered and rng.random() < 0.3:
                        sub.text, sub.departments, sub.period = _text(rng), _departments(rng, roles), "隨時辦理"
                    else:
                        sub.children = _items(rng, roles, True)
                    strategy.children.append(sub)
            else:
                strategy.text, strategy.departments, strategy.period = \
                    _text(rng), _departments(rng, roles), "持續辦理"
            aspect.children.append(strategy)
        plan.tree.append(aspect)
    return plan
