"""Hand-made legacy plans (python-docx / odfpy, typed the way a clerk types) import
into the right tree; nothing typed is lost."""
from collections import Counter

import pytest

import legacy_docs
from desktop.exchange import plan_to_dict
from desktop.importer import read_document
from desktop.importer.tokens import token_parts

FORMATS = ["docx", "odt"]


def _outline(plan):
    out = []
    for node, depth in _walk(plan_to_dict(plan)["tree"]):
        depts = [d if isinstance(d, str) else f"{d['name']}/{d['role']}" for d in node["departments"]]
        out.append((depth, node["number"], node["title"], node["text"], depts, node["period"]))
    return out


def _walk(nodes, depth=0):
    for node in nodes:
        yield node, depth
        yield from _walk(node["children"], depth + 1)


@pytest.mark.parametrize("fmt", FORMATS)
def test_six_columns_layout_a(fmt, tmp_path):
    path = legacy_docs.write(legacy_docs.six_column_layout_a(), tmp_path / f"plan.{fmt}")
    plan, report = read_document(path)
    assert (plan.organization, plan.office, plan.year) == ("台灣電力公司", "新營區處", 111)
    assert plan.date_line == "111年 2月 22日訂定"
    assert plan.columns == ["面向", "執行策略", "具體作法", "主辦部門（協辦部門）", "執行方式"]
    assert report == []
    assert _outline(plan) == [
        (0, "一、", "基礎服務", "", [], ""),
        (1, "(一)", "服務一致及正確性", "", [], ""),
        (2, "1.", "訂定申辦業務標準作業流程", "訂定申辦業務標準作業流程，維持一致性。", ["業務組/主辦"], "隨時辦理"),
        (2, "2.", "提升服務及時性", "", [], ""),
        (3, "(1)", "", "提升申辦案件的處理效率。", ["業務組/主辦"], "隨時辦理"),
        (3, "(2)", "", "訂定各項用電申請適時供電日程，以達成加速供電目標。",
         ["業務組/主辦", "工務段/協辦", "電務組/協辦"], "隨時辦理"),
        (3, "(3)", "", "客服中心受理後送案件。", ["服務中心/主辦", "服務所/主辦"], "每年一次"),
        (1, "(二)", "服務友善性", "", [], ""),
        (2, "1.", "提升服務設施合宜度", "", [], ""),
        (3, "(1)", "", "進行環境美（綠）化。", ["總務組/主辦"], "隨時辦理"),
        (3, "", "", "提供線上服務注意隱私。", ["各部門/主辦"], "隨時辦理"),
        (3, "(2)", "", "提供各種申辦書表：", ["業務組/主辦"], "每月檢視"),
        (4, "甲、", "", "書寫桌椅。", [], ""),
        (4, "乙、", "", "老花眼鏡。", [], ""),
        (0, "二、", "服務遞送", "", [], ""),
        (1, "(一)", "服務便捷性", "提供多元化的繳費措施，具體作法如下：", ["電費組/主辦"], "持續辦理"),
        (2, "1.", "", "行動支付。", [], ""),
        (2, "2.", "", "超商補單。", [], ""),
    ]
    sections = [(s.heading, s.kind, [(p.numbered, p.text) for p in s.paragraphs], s.notes)
                for s in plan.sections]
    assert sections == [
        ("計畫依據", "text", [(True, "經濟部函頒之計畫。"), (True, "依本公司函辦理。")], []),
        ("計畫目標", "text", [(False, "為提升本處為民服務品質。")], []),
        ("執行策略及具體作法", "table", [(False, "透過前項服務內涵辦理。")], ["※ 本表每半年檢討一次。"]),
        ("實施步驟", "text", [(False, "本計畫陳處長核定後實施。")], []),
        ("本計畫如有未盡事宜，得依實際需要修正。", "text", [], []),
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_five_columns_layout_b(fmt, tmp_path):
    path = legacy_docs.write(legacy_docs.five_column_layout_b(), tmp_path / f"plan.{fmt}")
    plan, report = read_document(path)
    assert (plan.organization, plan.office, plan.year) == ("台灣電力公司", "台北市區營業處", 114)
    assert plan.columns == ["服務內涵", "服務策略", "具體推動作法", "承辦單位", "辦理期程"]
    assert _outline(plan) == [
        (0, "一、", "提供在地化及客製化關懷服務", "", [], ""),
        (1, "(一)", "因應所轄地區之特性", "", [], ""),
        (2, "1.", "", "提供到府、到點服務。", ["業務組", "電費組"], "持續辦理"),
        (2, "2.", "", "細心說明抄表疑義。", ["電費組"], "持續辦理"),
        (1, "(二)", "企業用戶專人服務", "", [], ""),
        (2, "1.", "", "落實企業用戶專人服務。", ["業務組"], "114年1月至12月"),
        (0, "二、", "法規及流程簡化", "", [], ""),
        (1, "(一)", "優化繳費作業", "提供多元化的繳費措施：", ["電費組"], "持續辦理"),
        (2, "1.", "", "超商補單繳費。", [], ""),
        (2, "2.", "", "地方機關專屬帳號。", [], ""),
    ]
    assert [s.heading for s in plan.sections] == ["計畫依據", "執行策略及具體作法",
                                                  "本計畫如有未盡事宜，得依實際需要修正或另行補充規定。"]
    assert plan.sections[0].paragraphs[0].text == "依函頒計畫訂定。"
    assert len(report) == 1 and "第 4 列是重複的標題列" in report[0]


def _source_chars(blocks) -> Counter:
    """What the clerk typed, minus numbering tokens, heading colons, whitespace and the
    department separators/brackets that only mark roles."""
    texts = []
    for block in blocks:
        lines = [block] if isinstance(block, str) else [
            p for row in block.rows for entry in row if isinstance(entry, list) for p in entry]
        for line in lines:
            parsed = token_parts(line.strip())
            texts.append(parsed[3] if parsed else line)
    return _chars(texts)


def _chars(texts) -> Counter:
    drop = set(" \t\n：:/／、（）()")
    return Counter(ch for text in texts for ch in text if ch not in drop)


def _plan_chars(plan, report) -> Counter:
    texts = [plan.title, plan.date_line, *plan.columns, *report]
    for section in plan.sections:
        texts += [section.heading, *section.notes, *(p.text for p in section.paragraphs)]
    for node in plan.walk():
        texts += [node.title, node.text, node.period, *(d.name for d in node.departments)]
    return _chars(texts)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("builder", ["six_column_layout_a", "five_column_layout_b", "group_rows_layout"])
def test_no_character_lost_or_invented(builder, fmt, tmp_path):
    blocks = getattr(legacy_docs, builder)()
    plan, report = read_document(legacy_docs.write(blocks, tmp_path / f"plan.{fmt}"))
    source = _source_chars(blocks)
    placed = _plan_chars(plan, report)
    assert source - placed == Counter()  # nothing lost
    # nothing invented: every placed character comes from the source or the report's own words
    report_words = _chars(report)
    assert placed - source - report_words == Counter()


@pytest.mark.parametrize("fmt", FORMATS)
def test_heading_rows_spanning_the_table_and_full_width_tokens(fmt, tmp_path):
    plan, report = read_document(legacy_docs.write(legacy_docs.group_rows_layout(), tmp_path / f"p.{fmt}"))
    assert (plan.organization, plan.office, plan.year, plan.profile) == \
        ("台灣自來水公司", "第九區管理處", 113, "taiwater")
    assert report == []
    assert _outline(plan) == [
        (0, "一、", "基礎服務", "", [], ""),
        (1, "（一）", "服務一致性", "", [], ""),
        (2, "1、", "", "訂定標準作業流程。", ["業務組"], "隨時辦理"),
        (2, "2、", "", "12.5 億元預算執行。", ["會計組"], "每季"),
        (0, "二、", "服務遞送", "", [], ""),
        (1, "（一）", "服務便捷性", "", [], ""),
        (2, "1、", "", "推廣線上申辦。", ["服務中心"], "全年"),
    ]
    assert plan.table_section().notes == ["※ 各部門應按季填報執行情形。", "註：本表依需要修正。"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_automatic_list_numbering_gives_the_depth(fmt, tmp_path):
    """Word numPr / ODT text:list numbering: the token is not typed but shown."""
    plan, report = read_document(legacy_docs.write(legacy_docs.word_auto_numbered(), tmp_path / f"auto.{fmt}"))
    assert [(p.numbered, p.text) for p in plan.sections[0].paragraphs] == \
        [(True, "依經濟部計畫辦理。"), (True, "依本公司函辦理。")]
    assert _outline(plan) == [
        (0, "一、", "基礎服務", "", [], ""),
        (1, "(一)", "服務一致性", "", [], ""),
        (2, "1.", "訂定標準作業流程", "", [], ""),
        (3, "(1)", "", "提升處理效率。", ["業務組"], "隨時辦理"),
        (3, "(2)", "", "管控處理時限。", ["電務組"], "每月"),
        (4, "甲、", "", "網路申辦。", [], ""),
        (1, "(二)", "服務友善性", "", [], ""),
        (2, "1.", "", "提升服務設施合宜度。", ["總務組"], "全年"),
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_two_row_header(fmt, tmp_path):
    plan, report = read_document(legacy_docs.write(legacy_docs.two_row_header(), tmp_path / f"h.{fmt}"))
    assert report[0] == "表格第 2 列是標題的第二列（策略／子策略），已略過。"
    assert _outline(plan) == [
        (0, "一、", "基礎服務", "", [], ""),
        (1, "(一)", "服務一致性", "", [], ""),
        (2, "1.", "標準作業", "", [], ""),
        (3, "(1)", "", "訂定流程。", ["業務組"], "隨時辦理"),
    ]


def test_docx_footnotes_are_reported(tmp_path):
    path = legacy_docs.write(legacy_docs.five_column_layout_b(), tmp_path / "fn.docx")
    notes = ('<?xml version="1.0" encoding="UTF-8"?><w:footnotes xmlns:w='
             '"http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
             '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
             '<w:footnote w:id="1"><w:p><w:r><w:t>依經濟部函辦理。</w:t></w:r></w:p></w:footnote>'
             '</w:footnotes>').encode()
    with_notes = legacy_docs.rewrite_part(path, tmp_path / "fn2.docx", "word/footnotes.xml", notes)
    _plan, report = read_document(with_notes)
    assert report[-1] == "文件的註腳「依經濟部函辦理。」沒有放入計畫，請視需要自行加入。"


def test_unnumbered_item_between_items_numbered_a_level_deeper(tmp_path):
    """(1) directly under (一), then an unnumbered line, then (2): all three are siblings."""
    rows = [[["面向"], ["執行策略"], ["具體作法"], ["承辦部門"], ["執行期間"]],
            [["一、開放創新"], ["(一)開放參與"], ["(1)員工提案。", "鼓勵創新服務。", "(2)檢視滿意度。"],
             ["各部門", "營業課", "各部門"], ["隨時辦理", "每年", "隨時辦理"]]]
    blocks = ["某區營業處 110 年度提升服務效能執行計畫", "壹、執行策略及具體作法", legacy_docs.Grid(rows)]
    plan, _report = read_document(legacy_docs.write(blocks, tmp_path / "u.docx"))
    assert _outline(plan)[2:] == [
        (2, "(1)", "", "員工提案。", ["各部門"], "隨時辦理"),
        (2, "", "", "鼓勵創新服務。", ["營業課"], "每年"),
        (2, "(2)", "", "檢視滿意度。", ["各部門"], "隨時辦理"),
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_new_table_per_page_continues_the_plan(fmt, tmp_path):
    """Some clerks start a new table (with its header) on every page."""
    blocks = legacy_docs.five_column_layout_b()
    grid = blocks[4]
    header, rows = grid.rows[0], grid.rows[1:]
    first, second = rows[:2], [r for r in rows[3:]]
    second[0] = [["一、提供在地化及客製化關懷服務"]] + second[0][1:]  # a new table restates its 面向
    split = blocks[:4] + [legacy_docs.Grid([header] + first), "",
                          legacy_docs.Grid([header] + second)] + blocks[5:]
    plan, report = read_document(legacy_docs.write(split, tmp_path / f"pages.{fmt}"))
    whole, _ = read_document(legacy_docs.write(blocks, tmp_path / f"whole.{fmt}"))
    assert report == ["第 2 個表格第 2 列的「一、提供在地化及客製化關懷服務」與上方的標題相同，視為同一項。"]
    assert _outline(plan) == _outline(whole)


def test_word_strict_open_xml(tmp_path):
    """Word's 「Strict Open XML 文件」 save option uses other namespaces."""
    import zipfile
    source = legacy_docs.write(legacy_docs.five_column_layout_b(), tmp_path / "t.docx")
    with zipfile.ZipFile(source) as z:
        body = z.read("word/document.xml")
    strict = body.replace(b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                          b"http://purl.oclc.org/ooxml/wordprocessingml/main")
    path = legacy_docs.rewrite_part(source, tmp_path / "strict.docx", "word/document.xml", strict)
    assert _outline(read_document(path)[0]) == _outline(read_document(source)[0])


@pytest.mark.parametrize("fmt", FORMATS)
def test_plan_inside_a_one_cell_frame_table(fmt, tmp_path):
    """Some offices draw a border around the whole plan with a one-cell table."""
    inner = legacy_docs.five_column_layout_b()
    framed = [legacy_docs.Grid([[inner]])]
    plan, report = read_document(legacy_docs.write(framed, tmp_path / f"frame.{fmt}"))
    expected, expected_report = read_document(legacy_docs.write(inner, tmp_path / f"plain.{fmt}"))
    assert plan_to_dict(plan) == plan_to_dict(expected)
    assert report == expected_report


def test_header_text_is_reported_page_numbers_are_not(tmp_path):
    import docx
    path = legacy_docs.write(legacy_docs.five_column_layout_b(), tmp_path / "hdr.docx")
    document = docx.Document(path)
    document.sections[0].header.paragraphs[0].text = "台灣電力公司台北市區營業處"
    document.sections[0].footer.paragraphs[0].text = "第 1 頁，共 3 頁"
    document.save(path)
    _plan, report = read_document(path)
    assert report[-1] == "頁首／頁尾的文字「台灣電力公司台北市區營業處」沒有放入計畫，請視需要自行加入。"
    assert not any("第 1 頁" in line for line in report)
