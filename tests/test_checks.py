"""Checker rules: each quiet on a good plan and loud on a plan with its defect."""
import pytest

from conftest import fixture_path
from desktop.checks import RULES, check_plan
from desktop.clone import clone_plan
from desktop.exchange import read_plan_file
from desktop.model import Department, Node, Paragraph, Plan, Section


def good_plan(year=113, office="測試區營業處") -> Plan:
    plan = Plan(organization="台電", office=office, year=year,
                title=f"{office}{year}年度提升服務效能執行計畫", date_line=f"{year}年1月20日訂定")
    plan.sections = [
        Section("計畫依據", paragraphs=[Paragraph(
            f"依本公司{year}年1月6日業字第{year}8001255號函頒之「台電公司{year}年度提升服務效能執行計畫」訂定。")]),
        Section("計畫目標", paragraphs=[Paragraph("提升服務品質（含外包人員），促進民眾滿意。")]),
        Section("執行策略及具體作法", kind="table"),
        Section("考核作業", paragraphs=[Paragraph(f"分別於 {year} 年 7 月 5 日及 {year + 1} 年 1 月 6 日前送業務處備查。")]),
    ]
    plan.tree = [Node(title="基礎服務", children=[
        Node(title="服務一致及正確性", children=[
            Node(text="訂定申辦業務標準作業流程，維持服務措施處理一致性。",
                 departments=[Department("業務組", "主辦")], period="隨時辦理"),
            Node(text="提升申辦案件的處理效率，確保於處理時限內完成。",
                 departments=[Department("業務組", "主辦"), Department("電務組", "協辦")],
                 period=f"{year}年1-12月"),
            Node(text="各項用電申請（含線上申辦）透過系統受理並管控流程。", period="隨時辦理",
                 departments=[Department("服務中心")],
                 children=[]),
        ]),
        Node(title="服務友善性", departments=[Department("總務組")], period="每月檢視", children=[
            Node(text="進行環境美（綠）化，建置合宜服務環境。"),
            Node(text="定期檢查與充實各類硬體設施，確保設施品質。"),
        ]),
    ])]
    return plan


def rules_of(plan, library=None):
    return sorted({f.rule for f in check_plan(plan, library)})


def test_good_plan_is_quiet():
    assert check_plan(good_plan()) == []


def test_every_rule_is_registered():
    assert {"year-title", "year-plan-name", "year-period", "year-stale-date", "date-line",
            "item-department", "item-period", "empty-node", "duplicate-text", "department-spelling",
            "department-roster", "mixed-numbering", "mixed-punctuation", "letter-repeat"} <= set(RULES)


def _leaf(plan, i=0):
    return plan.tree[0].children[0].children[i]


def test_title_year_disagrees():
    plan = good_plan()
    plan.title = plan.title.replace("113", "112")
    findings = check_plan(plan)
    assert [(f.rule, f.severity, f.target) for f in findings] == [("year-title", "錯誤", "plan:title")]
    assert "112" in findings[0].message and "113" in findings[0].message


def test_body_names_another_plan_year():
    plan = good_plan()
    plan.sections[1].paragraphs[0].text = "特訂定本處「112 年度提升服務效能計畫」。"
    findings = check_plan(plan)
    assert [(f.rule, f.location, f.target) for f in findings] == [
        ("year-plan-name", "貳、計畫目標 第1段", f"section:{plan.sections[1].id}")]


@pytest.mark.parametrize("period,severity", [("112年1-12月", "錯誤"), ("115年", "錯誤"), ("114年度", "警告")])
def test_period_year(period, severity):
    plan = good_plan()
    _leaf(plan, 1).period = period
    findings = check_plan(plan)
    assert [(f.rule, f.severity, f.target) for f in findings] == [("year-period", severity, _leaf(plan, 1).id)]
    assert findings[0].location == "一、(一)2. 執行期間"


def test_period_deadline_next_year_is_fine():
    plan = good_plan()
    _leaf(plan, 1).period = "114年1月6日前"
    assert check_plan(plan) == []


def test_stale_date_in_section():
    plan = good_plan()
    plan.sections[3].paragraphs[0].text = "分別於 112 年 7 月 5 日及 113 年 1 月 6 日前送業務處備查。"
    assert rules_of(plan) == ["year-stale-date"]
    plan.sections[3].paragraphs[0].text = "分別於 113 年 7 月 5 日及 115 年 1 月 6 日前送業務處備查。"
    findings = check_plan(plan)
    assert [f.rule for f in findings] == ["year-stale-date"] and "115 年 1 月 6 日" in findings[0].message


@pytest.mark.parametrize("date_line,fragment", [
    ("113年1月2日訂定", "早於計畫依據所引來函"), ("111年12月1日訂定", "不在計畫年度"),
    ("113年2月30日訂定", "不是存在的日期"), ("\u3000年\u3000月\u3000日訂定", "沒有完整"),
])
def test_date_line(date_line, fragment):
    plan = good_plan()
    plan.date_line = date_line
    findings = check_plan(plan)
    assert {f.rule for f in findings} == {"date-line"} and any(fragment in f.message for f in findings)


def test_date_line_of_previous_year_after_letter_is_fine():
    plan = good_plan()
    plan.sections[0].paragraphs[0].text = "依本公司112年12月1日業字第1128001255號函辦理。"
    plan.date_line = "112年12月20日訂定"
    assert check_plan(plan) == []


def test_missing_department_and_period_with_inheritance():
    plan = good_plan()
    _leaf(plan, 0).departments = []
    _leaf(plan, 1).period = ""
    findings = check_plan(plan)
    assert [(f.rule, f.target) for f in findings] == [
        ("item-department", _leaf(plan, 0).id), ("item-period", _leaf(plan, 1).id)]
    # the 服務友善性 children inherit both from their parent (a merged cell): quiet
    assert all(f.target not in {n.id for n in plan.tree[0].children[1].children} for f in findings)


def test_empty_node():
    plan = good_plan()
    plan.tree[0].children[0].children.append(Node())
    findings = check_plan(plan)
    assert [(f.rule, f.severity, f.location) for f in findings] == [("empty-node", "錯誤", "一、(一)4.")]


def test_duplicate_text():
    plan = good_plan()
    plan.tree[0].children[1].children[1].text = _leaf(plan, 0).text.replace("。", "") + " "
    findings = check_plan(plan)
    assert [(f.rule, f.location) for f in findings] == [("duplicate-text", "一、(二)2.")]
    assert "一、(一)1." in findings[0].message


def test_department_spelled_two_ways():
    plan = good_plan()
    plan.tree[0].children[1].departments = [Department("業務組 ")]  # stray space kept by hand
    plan.tree[0].children[1].departments[0].name = "業務 組"
    findings = check_plan(plan)
    assert [(f.rule, f.target) for f in findings] == [("department-spelling", plan.tree[0].children[1].id)]
    assert "「業務組」" in findings[0].message


def test_full_width_department_spelling():
    plan = good_plan()
    plan.tree[0].children[1].departments = [Department("服務中心"), Department("業務組")]
    _leaf(plan, 2).departments = [Department("服務中心")]
    plan.tree[0].children[1].departments[1].name = "業務組"
    assert check_plan(plan) == []
    _leaf(plan, 2).departments[0].name = "服務中心\u3000"
    assert rules_of(plan) == ["department-spelling"]


def test_department_not_in_roster(library):
    library.add_plan(good_plan(112))
    plan = good_plan()
    _leaf(plan, 0).departments = [Department("業物組", "主辦")]   # typo of 業務組
    _leaf(plan, 1).departments = [Department("企劃室", "主辦")]   # unknown name
    plan_id = library.add_plan(plan)
    findings = [f for f in check_plan(library.load_plan(plan_id), library) if f.rule == "department-roster"]
    assert [(f.severity, f.location) for f in findings] == [("警告", "一、(一)1."), ("提示", "一、(一)2.")]
    assert "是否為「業務組」之誤" in findings[0].message


def test_department_spelled_unlike_the_roster(library):
    library.add_plan(good_plan(112))
    plan = good_plan()
    for node in plan.walk():
        node.departments = [type(d)("業務組\u3000" if d.name == "業務組" else d.name, d.role) for d in node.departments]
    plan_id = library.add_plan(plan)
    findings = check_plan(library.load_plan(plan_id), library)
    assert [(f.rule, f.location) for f in findings] == [("department-spelling", "一、(一)1.")]
    assert "部門名單中的「業務組」" in findings[0].message


def test_roster_quiet_for_known_names_and_first_plan(library):
    plan_id = library.add_plan(good_plan())
    assert check_plan(library.load_plan(plan_id), library) == []  # first plan of the office
    elsewhere = good_plan(113, office="他區營業處")
    _leaf(elsewhere, 0).departments = [Department("企劃室")]
    library.add_plan(elsewhere)
    other = good_plan(114)
    _leaf(other, 0).departments = [Department("企劃室")]
    other_id = library.add_plan(other)
    assert rules_of(library.load_plan(other_id), library) == ["department-roster"]  # other office's name
    later = good_plan(115)
    _leaf(later, 0).departments = [Department("企劃室")]
    later_id = library.add_plan(later)
    assert rules_of(library.load_plan(later_id), library) == []  # now used by the office's 114 plan


def test_mixed_numbering():
    plan = good_plan()
    plan.sections[1].paragraphs[0].text = "(1)提升服務品質。(2)促進民眾滿意。（3）建立優質關係。"
    findings = check_plan(plan)
    assert [(f.rule, f.location) for f in findings] == [("mixed-numbering", "貳、計畫目標 第1段")]
    assert "「（3）」是全形編號" in findings[0].message


def test_mixed_punctuation():
    plan = good_plan()
    _leaf(plan, 0).text = "訂定申辦業務標準作業流程,維持服務措施處理一致性。"
    findings = check_plan(plan)
    assert [(f.rule, f.target) for f in findings] == [("mixed-punctuation", _leaf(plan, 0).id)]


def test_letter_same_as_last_year(library):
    library.add_plan(good_plan(112))
    same = good_plan(113)
    same.sections[0].paragraphs[0].text = "依本公司112年1月6日業字第1128001255號函辦理。"
    same.date_line = "113年1月20日訂定"
    fresh_id = library.add_plan(good_plan(113))
    same_id = library.add_plan(same)
    assert check_plan(library.load_plan(fresh_id), library) == []
    findings = check_plan(library.load_plan(same_id), library)
    assert [f.rule for f in findings] == ["letter-repeat"] and "112 年度計畫" in findings[0].message


def test_standing_law_letter_is_not_a_repeat(library):
    library.add_plan(read_plan_file(fixture_path("xinying-111")))
    plan = read_plan_file(fixture_path("xinying-111"))
    plan.year = 112
    for s in plan.sections[:1]:
        s.paragraphs[1].text = "依本公司 112 年 2 月 10 日電業字第 1120001111 號函辦理。"
    plan.title, plan.date_line = plan.title.replace("111", "112"), "112年2月22日訂定"
    assert "letter-repeat" not in rules_of(plan, library)  # 106 經研字 letter is cited every year


def test_cloned_fixture_flags_letter_and_blank_date(library):
    source = library.add_plan(read_plan_file(fixture_path("hualien-108")))
    new_id, _ = clone_plan(library, source, 109)
    findings = check_plan(library.load_plan(new_id), library)
    assert {"letter-repeat", "date-line"} <= {f.rule for f in findings}
    letter = next(f for f in findings if f.rule == "letter-repeat")
    assert letter.location == "壹、計畫依據 第1段" and letter.severity == "錯誤"


@pytest.mark.parametrize("name,expected", [
    ("hualien-108", {"duplicate-text": 5, "mixed-punctuation": 10}),
    ("taipei-114", {"mixed-punctuation": 3}),
    ("xinying-111", {"mixed-punctuation": 1}),
])
def test_real_fixtures(name, expected):
    """Each finding on the published plans is true: five texts really repeat in
    hualien-108 (e.g. 「落實執行「一處收件、全程服務」…」 under 一、 and 二、) and
    half-width brackets such as 「(所)」 sit among full-width 「（含外包人員）」."""
    plan = read_plan_file(fixture_path(name))
    counts = {}
    for f in check_plan(plan):
        counts[f.rule] = counts.get(f.rule, 0) + 1
        if f.rule == "mixed-punctuation":
            assert "(" in f.message
    assert counts == expected


def test_letter_of_the_december_before_repeated(library):
    last = good_plan(112)
    last.sections[0].paragraphs[0].text = "依本公司111年12月20日業字第1118009999號函辦理。"
    last.date_line = "112年1月5日訂定"
    library.add_plan(last)
    plan = good_plan(113)
    plan.sections[0].paragraphs[0].text = last.sections[0].paragraphs[0].text
    plan.date_line = "113年1月5日訂定"
    assert [f.rule for f in check_plan(plan, library)] == ["letter-repeat"]
