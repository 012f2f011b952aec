import json

import pytest

from conftest import FIXTURE_NAMES, fixture_json, fixture_path
from desktop.errors import PlanDeskError
from desktop.exchange import plan_from_dict, plan_to_dict, read_plan_file
from desktop.numbering import normalize_token


def _without_numbers(data):
    if isinstance(data, dict):
        return {k: _without_numbers(v) for k, v in data.items() if k != "number"}
    if isinstance(data, list):
        return [_without_numbers(v) for v in data]
    return data


def _tree_tokens(nodes, out):
    for n in nodes:
        out.append(n["number"])
        _tree_tokens(n["children"], out)
    return out


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_round_trip_is_lossless(name):
    source = fixture_json(name)
    exported = plan_to_dict(read_plan_file(fixture_path(name)))
    assert _without_numbers(exported) == _without_numbers(source)
    # reading the export again gives the very same export (tokens are stable)
    assert plan_to_dict(plan_from_dict(exported)) == exported


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_numbering_reproduces_printed_tokens(name):
    """Printed plans mix （一）/(一) and 甲、/甲. (the checker flags that); the
    computed token is the same numeral at the same level in the profile's form."""
    source = _tree_tokens(fixture_json(name)["tree"], [])
    computed = _tree_tokens(plan_to_dict(read_plan_file(fixture_path(name)))["tree"], [])
    assert len(source) == len(computed) > 40
    assert [normalize_token(t) for t in computed] == [normalize_token(t) for t in source]


def test_hualien_exact_tokens_in_profile_form():
    tree = plan_to_dict(read_plan_file(fixture_path("hualien-108")))["tree"]
    first = tree[0]
    assert [first["number"], first["children"][0]["number"],
            first["children"][0]["children"][1]["number"],
            first["children"][0]["children"][1]["children"][6]["number"]] == ["一、", "(一)", "2.", "(7)"]
    # 五、(一) prints its items "(1)" directly, skipping the "1." level
    assert tree[4]["children"][0]["children"][0]["number"] == "(1)"
    assert tree[4]["children"][1]["children"][1]["children"][2]["number"] == "丙、"


def test_unnumbered_nodes_are_skipped_by_the_count():
    data = fixture_json("hualien-108")
    items = data["tree"][1]["children"][0]["children"][3]["children"]  # 二、(一)4.
    assert [i["number"] for i in items] == ["(1)", "(2)", "(3)", "(4)", "", "(5)"]
    out = plan_to_dict(plan_from_dict(data))
    assert [i["number"] for i in out["tree"][1]["children"][0]["children"][3]["children"]] == \
        ["(1)", "(2)", "(3)", "(4)", "", "(5)"]


def test_departments_with_roles_survive():
    plan = read_plan_file(fixture_path("xinying-111"))
    roles = {(d.name, d.role) for n in plan.walk() for d in n.departments}
    assert ("業務組", "主辦") in roles and ("總務組", "協辦") in roles


def _bad(tmp_path, content: str):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(PlanDeskError) as err:
        read_plan_file(path)
    return err.value.message


def test_bad_json_messages_name_file_and_problem(tmp_path):
    good = fixture_json("taipei-114")
    assert "bad.json" in _bad(tmp_path, "{ not json") and "語法錯誤" in _bad(tmp_path, "{ not json")
    assert "format" in _bad(tmp_path, json.dumps(dict(good, format="other/9")))
    assert "$.colour" in _bad(tmp_path, json.dumps(dict(good, colour="red")))
    assert "$.year" in _bad(tmp_path, json.dumps(dict(good, year="114")))
    missing = dict(good)
    del missing["office"]
    assert "$.office" in _bad(tmp_path, json.dumps(missing))
    broken = json.loads(json.dumps(good))
    broken["tree"][0]["children"][0]["departments"] = [{"name": "業務組", "role": "老闆"}]
    assert "$.tree[0].children[0].departments[0].role" in _bad(tmp_path, json.dumps(broken, ensure_ascii=False))


def test_control_characters_from_word_are_cleaned():
    data = fixture_json("taipei-114")
    data["tree"][0]["text"] = "第一行\x0b第二行\x0c\x07結束"
    data["title"] = "標題\x0b續"
    plan = plan_from_dict(data)
    assert plan.tree[0].text == "第一行\n第二行\n結束"
    assert plan.title == "標題 續"
