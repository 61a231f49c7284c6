"""Yearly standards: shipped examples clearly labelled, validation, copying a year."""

from __future__ import annotations

import pytest

from guilin_union.core.errors import NotFoundError, ValidationError
from guilin_union.services.welfare import config as welfare_config
from guilin_union.services.welfare import standards as ws
from tests.welfare_fixtures import setup


def test_examples_cover_every_default_type_and_are_labelled(db):
    setup(db, examples=False)
    n = ws.load_examples(db, 2025).row_id
    items = ws.list_standards(db, 2025)
    assert n == len(items) == len(welfare_config.DEFAULT_TYPES)
    assert [s.type for s in items] == list(welfare_config.DEFAULT_TYPES)
    assert all(s.source.startswith("示例") and s.is_example for s in items)
    by_type = {s.type: s for s in items}
    # The published 安徽 figures (domain.md §5), in fen.
    assert by_type["节日慰问"].yearly_cap_fen == 150000
    assert by_type["生日"].cap_fen == 30000
    assert by_type["结婚"].cap_fen == by_type["生育"].cap_fen == 60000
    assert by_type["生病住院"].cap_fen == 100000
    assert by_type["会员去世"].cap_fen == 200000
    assert by_type["直系亲属去世"].cap_fen == 100000
    assert by_type["退休"].cap_fen == 100000
    # Labelled neutrally: a Guangxi university must not read another province's name here.
    assert "安徽" not in by_type["结婚"].source and "请按本校规定" in by_type["结婚"].source
    # The issue-22 keys, the way real standards write them.
    assert by_type["生病住院"].min_fen == 30000
    assert by_type["直系亲属去世"].frequency_key == "亲属"
    assert by_type["生育"].eligible_gender == "女"


def test_copy_year_and_refuse_to_overwrite(db):
    setup(db)
    ws.save_standard(
        db, {"year": 2024, "type": "结婚", "cap_fen": "800", "source": "校工会〔2024〕3号"}
    )
    assert ws.copy_year(db, 2024, 2025).row_id == len(ws.list_standards(db, 2024))
    copied = ws.get_standard(db, 2025, "结婚")
    assert copied is not None and copied.cap_fen == 80000 and copied.source == "校工会〔2024〕3号"
    with pytest.raises(ValidationError):
        ws.copy_year(db, 2024, 2025)
    ws.save_standard(db, {"year": 2024, "type": "结婚", "cap_fen": "900"})
    ws.copy_year(db, 2024, 2025, overwrite=True)
    assert ws.get_standard(db, 2025, "结婚").cap_fen == 90000
    with pytest.raises(NotFoundError):
        ws.copy_year(db, 2010, 2011)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"rule_kind": "每年限次"}, "max_per_year"),
        ({"rule_kind": "每年限额"}, "yearly_cap_fen"),
        ({"cap_fen": "-1"}, "cap_fen"),
        ({"cap_fen": "2000", "yearly_cap_fen": "1000"}, "cap_fen"),
        ({"type": "不存在的类型"}, "type"),
        ({"payer": "教育局"}, "payer"),
        ({"max_per_year": "0", "rule_kind": "每年限次"}, "max_per_year"),
    ],
)
def test_validation(db, data, field):
    setup(db, examples=False)
    with pytest.raises(ValidationError) as info:
        ws.save_standard(db, {"year": 2024, "type": "结婚", **data})
    assert info.value.field == field


@pytest.mark.parametrize("key", ["cap_fen", "yearly_cap_fen", "min_fen", "average_cap_fen"])
def test_standard_amounts_are_never_a_float(db, key):
    setup(db, examples=False)
    with pytest.raises(ValidationError) as info:
        ws.save_standard(db, {"year": 2024, "type": "结婚", key: 500.0})
    assert (info.value.message, info.value.field) == ("金额必须以“分”为单位的整数保存", key)
    sub_kind = {"name": "手术", "cap_fen": 500.0}
    with pytest.raises(ValidationError, match="整数保存"):
        ws.save_standard(db, {"year": 2024, "type": "结婚", "sub_kinds": [sub_kind]})


def test_save_edit_delete_and_undo(db):
    setup(db, examples=False)
    ws.save_standard(
        db,
        {
            "year": 2024,
            "type": "生日",
            "cap_fen": 30000,
            "rule_kind": "每年限次",
            "max_per_year": 1,
        },
    )
    result = ws.save_standard(
        db,
        {
            "year": 2024,
            "type": "生日",
            "cap_fen": 40000,
            "rule_kind": "每年限次",
            "max_per_year": 1,
        },
    )
    assert ws.get_standard(db, 2024, "生日").cap_fen == 40000
    ws.restore_standard(db, result.undo)
    assert ws.get_standard(db, 2024, "生日").cap_fen == 30000
    deleted = ws.delete_standard(db, 2024, "生日")
    assert ws.get_standard(db, 2024, "生日") is None
    ws.restore_standard(db, deleted.undo)
    assert ws.get_standard(db, 2024, "生日").max_per_year == 1


def test_types_are_a_setting(db):
    setup(db, examples=False)
    welfare_config.save_lists(db, {"welfare_types": ["结婚", "教师节慰问"]})
    ws.save_standard(db, {"year": 2024, "type": "教师节慰问", "cap_fen": "200"})
    # Examples of types no longer in the list are not brought back.
    assert ws.load_examples(db, 2025).row_id == 1
    with pytest.raises(ValidationError):
        welfare_config.save_lists(db, {"welfare_types": []})
