"""Year roll-over: every proposal on the real fixtures, listed, plus edge cases."""
import pytest

from conftest import fixture_path
from desktop.exchange import read_plan_file
from desktop.model import Node, Paragraph, Plan, Section
from desktop.rollover import DATE, LETTER, YEAR, apply_proposals, propose
from desktop.yeartext import find_letters, find_years

BLANKED = "\u3000"


def _summary(plan, year):
    return [(p.kind, p.location, p.old, p.new) for p in propose(plan, year)]


def test_hualien_proposals_listed():
    plan = read_plan_file(fixture_path("hualien-108"))
    letter = "108 年 2月 22 日電配售部業字第 1080004356 號函"
    assert _summary(plan, 109) == [
        (YEAR, "計畫名稱", "108", "109"),
        (DATE, "日期列", "108 年 3 月 12 日", "\u3000\u3000 年 \u3000 月 \u3000\u3000 日"),
        (LETTER, "壹、計畫依據 第1段", letter, letter),
        (YEAR, "壹、計畫依據 第1段", "108", "109"),
        (YEAR, "貳、計畫目標 第1段", "108", "109"),
        (YEAR, "五、(二)(2)乙、 內容", "108", "109"),
        (YEAR, "陸、考核作業 第2段", "108", "109"),
        (YEAR, "陸、考核作業 第2段", "109", "110"),
    ]


def test_taipei_proposals_listed():
    plan = read_plan_file(fixture_path("taipei-114"))
    letter = "114年1月6日業字第1148001255號函"
    assert _summary(plan, 115) == [
        (YEAR, "計畫名稱", "114", "115"),
        (DATE, "日期列", "中華民國114年1月20日", "中華民國\u3000\u3000年\u3000月\u3000\u3000日"),
        (LETTER, "壹、計畫依據 第1段", letter, letter),
        (YEAR, "壹、計畫依據 第1段", "114", "115"),
        (YEAR, "一、(二)1. 內容", "114", "115"),
        (YEAR, "陸、實施步驟 一、", "114", "115"),
        (YEAR, "陸、實施步驟 一、", "114", "115"),
    ]


def test_xinying_proposals_listed_and_old_letter_untouched():
    plan = read_plan_file(fixture_path("xinying-111"))
    summary = _summary(plan, 112)
    letter = "111 年 2 月 15 日電業字第 1110005232 號函"
    assert summary == [
        (YEAR, "計畫名稱", "111", "112"),
        (DATE, "日期列", "111年 2月 22日", "\u3000\u3000年 \u3000月 \u3000\u3000日"),
        (LETTER, "壹、計畫依據 二、", letter, letter),
        (YEAR, "二、(一)4.(3) 內容", "111", "112"),
        (LETTER, "伍、實施步驟 第1段", letter, letter),
        (YEAR, "伍、實施步驟 第1段", "111", "112"),
        (YEAR, "陸、考核作業 第1段", "111", "112"),
        (YEAR, "陸、考核作業 第1段", "112", "113"),
    ]
    # the 106 law letter and the 106 行政院 letter are neither changed nor flagged
    assert not any("106" in old for _, _, old, _ in summary)


@pytest.mark.parametrize("name", ["hualien-108", "taipei-114", "xinying-111"])
def test_applied_text_keeps_older_years_and_letter_numbers(name):
    plan = read_plan_file(fixture_path(name))
    before = [s.paragraphs[i].text for s in plan.sections for i in range(len(s.paragraphs))]
    apply_proposals(plan, propose(plan, plan.year + 1))
    after = [s.paragraphs[i].text for s in plan.sections for i in range(len(s.paragraphs))]
    for old, new in zip(before, after):
        for letter in find_letters(old):
            assert letter.text(old) in new  # letters verbatim
        older = [m.written for m in find_years(old) if m.roc < plan.year]
        assert older == [m.written for m in find_years(new) if m.roc < plan.year]
    assert str(plan.year + 1) in plan.title and str(plan.year) not in plan.title


def _plan(text="", period="", title="", date_line="", basis=""):
    plan = Plan(year=108, title=title, date_line=date_line)
    plan.sections = [Section("計畫依據", paragraphs=[Paragraph(basis)]), Section("表", kind="table")]
    plan.tree = [Node(title="基礎服務", children=[Node(text=text, period=period)])]
    return plan


@pytest.mark.parametrize("text,expected", [
    ("108年", "109年"), ("108 年", "109 年"), ("108年度", "109年度"), ("108年1-12月", "109年1-12月"),
    ("109年1月6日前", "110年1月6日前"), ("中華民國108年", "中華民國109年"), ("2019年", "2020年"),
    ("2020年底", "2021年底"), ("１０８年", "１０９年"),
    ("經濟部106年3月15日函", "經濟部106年3月15日函"), ("2018年", "2018年"),
    ("字第1080004356號", "字第1080004356號"), ("編號1080004356", "編號1080004356"),
    ("108-109年", "109-110年"), ("108至109年度", "109至110年度"), ("2019~2020年", "2020~2021年"),
    ("107-108年", "107-109年"), ("1-108年", "1-109年"), ("A108年", "A108年"), ("3.108年", "3.108年"), ("110年", "110年"), ("每10年", "每10年"),
])
def test_period_roll(text, expected):
    plan = _plan(period=text)
    apply_proposals(plan, propose(plan, 109))
    assert plan.tree[0].children[0].period == expected


def test_year_after_next_is_rolled_by_one_when_cloning_two_years_ahead():
    plan = _plan(text="108年辦理，109年1月6日前完成")
    apply_proposals(plan, propose(plan, 110))
    assert plan.tree[0].children[0].text == "110年辦理，111年1月6日前完成"


def test_letter_without_date_flagged_by_number():
    plan = _plan(basis="依本公司電業字第1080004356號函辦理「108年度計畫」")
    props = propose(plan, 109)
    assert [p.kind for p in props] == [LETTER, YEAR]
    assert props[0].old == "字第1080004356號函"
    assert "請更新本年度來函文號" in props[0].note
    apply_proposals(plan, props)
    assert plan.sections[0].paragraphs[0].text == "依本公司電業字第1080004356號函辦理「109年度計畫」"


def test_basis_letter_of_the_december_before_is_flagged_but_older_ones_not():
    plan = _plan(basis="依本公司107年12月20日業字第1078001255號函及經濟部106年3月15日經研字第10604502170號函辦理。")
    props = propose(plan, 109)
    assert [(p.kind, p.old) for p in props] == [(LETTER, "107年12月20日業字第1078001255號函")]
    plan.tree[0].children[0].text = "依本公司107年12月20日業字第1078001255號函辦理。"
    assert [p.ref.kind for p in propose(plan, 109)] == ["section"]  # outside the basis: not flagged


def test_rejected_proposal_leaves_its_text():
    plan = _plan(text="108年開始，108年結束")
    props = propose(plan, 109)
    apply_proposals(plan, props[1:])
    assert plan.tree[0].children[0].text == "108年開始，109年結束"


def test_same_year_proposes_nothing_but_the_date():
    plan = _plan(date_line="108年3月1日訂定", title="108年度計畫")
    assert [p.kind for p in propose(plan, 108)] == [DATE]
