"""The DOCX body is streamed into the package: the result is one well-formed
document.xml with the template's section properties last, and the largest plan
PlanDesk accepts exports without building a body tree (memory: bench_limits)."""
import copy
import zipfile

from lxml import etree

from conftest import FIXTURES
from desktop.exchange import read_plan_file
from desktop.export import export_plan
from desktop.ops import clone_nodes

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def body_of(path):
    with zipfile.ZipFile(path) as package:
        names = package.namelist()
        root = etree.fromstring(package.read("word/document.xml"))
    return names, root.find(f"{W}body")


def test_streamed_body_is_well_formed_and_ends_with_the_section(tmp_path):
    plan = read_plan_file(FIXTURES / "hualien-108.json")
    target = tmp_path / "plan.docx"
    export_plan(plan, "docx", target)
    names, body = body_of(target)
    assert names[0] == "[Content_Types].xml" and "word/document.xml" in names
    assert body[-1].tag == f"{W}sectPr" and body[-1].find(f"{W}pgSz") is not None
    assert body[-1].find(f"{W}footerReference") is not None
    texts = "".join(body.itertext())
    first = plan.tree[0]
    assert first.title in texts and plan.title[:8] in texts
    assert len(body.findall(f"{W}tbl")) == 1


def test_a_plan_ten_times_the_size_streams_every_row(tmp_path):
    base = read_plan_file(FIXTURES / "hualien-108.json")
    plan = copy.deepcopy(base)
    plan.tree = [n for _ in range(10) for n in clone_nodes(base.tree)]
    target = tmp_path / "large.docx"
    export_plan(plan, "docx", target)
    small = tmp_path / "small.docx"
    export_plan(base, "docx", small)
    rows = len(body_of(target)[1].find(f"{W}tbl").findall(f"{W}tr"))
    one = len(body_of(small)[1].find(f"{W}tbl").findall(f"{W}tr"))
    header = sum(1 for tr in body_of(small)[1].find(f"{W}tbl").findall(f"{W}tr")
                 if tr.find(f"{W}trPr/{W}tblHeader") is not None)
    assert rows - header == 10 * (one - header)
