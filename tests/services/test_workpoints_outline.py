"""services.workpoints_outline: the corrections the import preview offers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guilin_union.core.workpoints_parser import parse_workpoints
from guilin_union.services.workpoints import outline as wo
from tests.workpoints_fixtures import REGION_2025, SCHOOL_2024, parsed


def _flat(text: str) -> list[wo.OutlineNode]:
    return wo.flatten(parse_workpoints(text).nodes)


def _shape(flat: list[wo.OutlineNode]) -> list[tuple[int, str]]:
    return [(n.level, n.number) for n in flat]


@pytest.mark.parametrize("sample", [SCHOOL_2024, REGION_2025], ids=["school", "region"])
def test_flatten_and_build_tree_round_trip(sample) -> None:
    doc = parsed(sample)
    assert [n.to_dict() for n in wo.build_tree(wo.flatten(doc.nodes))] == [
        n.to_dict() for n in doc.nodes
    ]


def test_promote_and_demote_move_the_subtree() -> None:
    flat = _flat("一、甲\n（一）子一。\n（二）子二。\n1.孙一。\n2.孙二。\n（三）子三。")
    assert _shape(flat) == [(1, "一"), (2, "一"), (2, "二"), (3, "1"), (3, "2"), (2, "三")]
    wo.promote(flat, 2)  # （二） with its sub-items; （三） becomes its child
    assert _shape(flat) == [(1, "一"), (2, "一"), (1, "二"), (2, "1"), (2, "2"), (2, "三")]
    wo.demote(flat, 2)  # （三） is in its subtree now and moves along, as in a word processor
    assert _shape(flat) == [(1, "一"), (2, "一"), (2, "二"), (3, "1"), (3, "2"), (3, "三")]
    wo.promote(flat, 5)
    assert _shape(flat) == [(1, "一"), (2, "一"), (2, "二"), (3, "1"), (3, "2"), (2, "三")]
    assert not wo.can_promote(flat, 0) and not wo.can_demote(flat, 0)
    assert not wo.can_demote(flat, 1)  # its previous node is its parent
    with pytest.raises(ValueError, match="不能再升级"):
        wo.promote(flat, 0)
    with pytest.raises(ValueError, match="不能降级"):
        wo.demote(flat, 1)


def test_split_at_cursor_reads_a_glued_number() -> None:
    flat = _flat(
        "一、甲\n（一）第一项内容。（二）第二项内容。（牵头单位：校工会，责任单位：人事处）"
    )
    item = flat[1]
    assert item.number == "一" and item.lead_unit == "校工会"
    at = item.text.index("（二）")
    new = wo.split(flat, 1, at)
    assert new == 2
    assert (flat[1].text, flat[1].heading) == ("第一项内容。", "第一项内容。")
    assert (flat[2].level, flat[2].number, flat[2].style, flat[2].text) == (
        2,
        "二",
        "item",
        "第二项内容。",
    )
    # The first part keeps the annotation that was read from the paragraph.
    assert flat[1].units == ["人事处"]


def test_split_without_cursor_cuts_near_the_middle() -> None:
    flat = _flat("1.甲一。甲二。乙一。乙二。")
    wo.split(flat, 0)
    assert [n.text for n in flat] == ["甲一。甲二。", "乙一。乙二。"]
    assert flat[1].number == "" and flat[1].level == 1 and flat[1].heading == "乙一。"
    with pytest.raises(ValueError, match="光标"):
        wo.split(_flat("1.只有一句"), 0)
    with pytest.raises(ValueError):
        wo.split(_flat("1.甲。乙。"), 0, 0)


def test_merge_with_next_puts_the_number_back() -> None:
    flat = _flat("（一）组织学习，分为\n2.个阶段开展。（牵头单位：校工会）\n（二）下一项。")
    # A line starting with "2." after an unfinished sentence is text; force the wrong split.
    assert len(flat) == 2
    flat = [
        wo.OutlineNode("一", 1, "组织学习，分为", "组织学习，分为", "校工会", []),
        wo.OutlineNode("2", 2, "个阶段开展。", "个阶段开展。", None, ["人事处"], "sub"),
        wo.OutlineNode("二", 1, "下一项。", "下一项。", None, [], "item"),
    ]
    wo.merge_with_next(flat, 0)
    assert _shape(flat) == [(1, "一"), (1, "二")]
    assert (
        flat[0].text == "组织学习，分为2.个阶段开展。"
        and flat[0].heading == "组织学习，分为2.个阶段开展。"
    )
    assert (flat[0].lead_unit, flat[0].units) == ("校工会", ["人事处"])
    with pytest.raises(ValueError, match="最后一个"):
        wo.merge_with_next(flat, 1)


def test_custom_heading_survives_edits() -> None:
    flat = [wo.OutlineNode("一", 1, "自拟标题", "甲。乙。丙。")]
    wo.split(flat, 0, 2)
    assert flat[0].heading == "自拟标题" and flat[1].heading == "乙。"


def test_remove_node_reattaches_children() -> None:
    flat = _flat("一、甲\n（一）子一。\n二、乙\n（二）子二。")
    wo.remove(flat, 2)
    assert _shape(flat) == [(1, "一"), (2, "一"), (2, "二")]
    wo.remove(flat, 0)
    assert _shape(flat) == [(1, "一"), (2, "二")]


@pytest.mark.parametrize(
    "text, units",
    [
        (
            "各市教育工会〈教科文卫体工会〉、各高校工会",
            ["各市教育工会〈教科文卫体工会〉", "各高校工会"],
        ),
        ("人事处，财务处; 校医院\n后勤处", ["人事处", "财务处", "校医院", "后勤处"]),
        ("（机关）分工会、 ", ["（机关）分工会"]),
        ("", []),
    ],
)
def test_parse_units(text, units) -> None:
    assert wo.parse_units(text) == units
    assert wo.parse_units(wo.format_units(units)) == units


OPERATIONS = st.lists(
    st.tuples(
        st.sampled_from(["promote", "demote", "split", "merge", "remove"]),
        st.integers(0, 40),
        st.integers(0, 200),
    ),
    max_size=25,
)


@settings(max_examples=120, deadline=None)
@given(OPERATIONS)
def test_any_sequence_of_edits_keeps_a_valid_outline(operations) -> None:
    flat = wo.flatten(parsed(REGION_2025).nodes)
    for name, index, at in operations:
        if not flat:
            break
        index %= len(flat)
        try:
            if name == "promote":
                wo.promote(flat, index)
            elif name == "demote":
                wo.demote(flat, index)
            elif name == "split":
                wo.split(flat, index, at % (len(flat[index].text) + 1))
            elif name == "merge":
                wo.merge_with_next(flat, index)
            else:
                wo.remove(flat, index)
        except ValueError:
            pass  # refused edits must leave the outline as it was: checked below anyway
        levels = [n.level for n in flat]
        assert not levels or levels[0] == 1
        assert all(b <= a + 1 for a, b in zip(levels, levels[1:]))
        assert all(n.text and n.heading for n in flat)
    # Whatever was done, the tree reads back to the same flat list.
    assert [(n.level, n.number, n.text) for n in wo.flatten(wo.build_tree(flat))] == [
        (n.level, n.number, n.text) for n in flat
    ]
