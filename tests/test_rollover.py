"""Year roll-over: every proposal on the real fixtures, listed, plus edge cases."""
import pytest

from conftest import fixture_path
from desktop.exchange import read_plan_file
from desktop.model import Node, Paragraph, Plan, Section
from desktop.rollover import DATE, LETTER, YEAR, apply_proposals, propose
from desktop.rollover import source_year
from desktop.yeartext import find_letters, find_years

BLANKED = "\u3000"


def _summary(plan, year):
    return [(p.kind, p.location, p.old, p.new) for p in propose(plan, year)]


def test_hualien_proposals_listed():
    plan = read_plan_file(fixture_path("hualien-108"))
    assert [p.location for p in propose(plan, 109) if not p.accept] == ["五、(二)(2)乙、 內容"]
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


@pytest.mark.parametrize("text,phrase", [
    ("為加強服務，自 108 年元月起兌領獎單位變更為四大超商。", "過去開始的事"),
    ("108年起推動電子帳單。", "過去開始的事"),
    ("自108年7月1日起，停車場改為收費。", "過去開始的事"),
    ("本處於108年10月完成系統建置。", "已完成的事"),
    ("無障礙坡道108年已全面設置。", "已經發生的事"),
    ("依前一年度(108年)滿意度調查結果檢討改進。", "前一年度"),
])
def test_past_event_years_are_proposed_as_keep_with_the_reason(text, phrase):
    plan = _plan(text=text)
    (proposal,) = propose(plan, 109)
    assert (proposal.kind, proposal.old, proposal.new, proposal.accept) == (YEAR, "108", "109", False)
    assert phrase in proposal.note and "預設保留原年份" in proposal.note and "接受則改為 109年" in proposal.note
    apply_proposals(plan, [proposal])  # one click still accepts
    assert plan.tree[0].children[0].text == text.replace("108", "109")


@pytest.mark.parametrize("text", ["於108年12月底前完成建置。", "108年度辦理滿意度調查。", "108年7月5日前提報。"])
def test_plan_year_deadlines_are_not_past_events(text):
    assert [p.accept for p in propose(_plan(text=text), 109)] == [True]


def test_a_period_is_never_a_past_event():
    (proposal,) = propose(_plan(period="108年1月起"), 109)
    assert proposal.accept


def test_source_year_agrees_on_the_real_fixtures():
    for name, year in (("hualien-108", 108), ("taipei-114", 114), ("xinying-111", 111)):
        evidence = source_year(read_plan_file(fixture_path(name)))
        assert (evidence.year, evidence.disagrees, evidence.message()) == (year, False, "")


def test_source_year_reads_the_body_over_a_stale_title():
    plan = _plan(title="108年度計畫", date_line="109年1月15日訂定")
    plan.tree[0].children = [Node(text=f"作法{k}", period=f"109年{k}月底前") for k in range(1, 4)]
    evidence = source_year(plan)
    assert (evidence.title, evidence.body, evidence.disagrees) == (108, 109, True)
    assert "日期列為 109 年、執行期間 3 處為 109 年" in evidence.message()
    props = propose(plan, 110)
    # the title from its own 108, the periods from 109: all to 110, none to 111
    assert [(p.location, p.old, p.new) for p in props if p.kind == YEAR] == [
        ("計畫名稱", "108", "110"), ("一、(一) 執行期間", "109", "110"),
        ("一、(二) 執行期間", "109", "110"), ("一、(三) 執行期間", "109", "110")]


def test_one_stray_period_or_a_december_date_line_does_not_outvote_the_title():
    plan = _plan(title="109年度計畫", date_line="108年12月20日訂定", period="110年1月6日前")
    evidence = source_year(plan)
    assert evidence.votes == {"日期列": {109: 1}, "執行期間": {110: 1}}
    assert (evidence.body, evidence.disagrees) == (109, False)
    plan = _plan(title="109年度計畫", period="每10年檢討")  # 「10年」 is no year of this plan
    assert source_year(plan).votes == {}
