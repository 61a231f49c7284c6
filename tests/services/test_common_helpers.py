"""The small helpers the service areas share (services/common_*.py, issue 19)."""

from __future__ import annotations

from decimal import Decimal

import pytest
import sqlite_utils

from guilin_union.core.errors import NotFoundError, ValidationError
from guilin_union.services.common_money import fen_amount, fen_or_none
from guilin_union.services.common_query import (
    SortOrder,
    add_filters,
    chunks,
    column_values,
    dict_rows,
    one_row,
    order_parts,
    order_sql,
    pick,
    select_rows,
    where_sql,
)


def test_add_filters_skips_unset_values_and_keeps_zero() -> None:
    clauses: list[str] = []
    params: list[object] = []
    add_filters(
        clauses,
        params,
        (("a = ?", None), ("b = ?", ""), ("c = ?", 0), ("d = ?", "x"), ("e = ?", False)),
    )
    assert clauses == ["c = ?", "d = ?", "e = ?"]
    assert params == [0, "x", False]
    assert where_sql(clauses) == " WHERE c = ? AND d = ? AND e = ?"
    assert where_sql([]) == ""


def test_order_sql_puts_every_part_in_the_direction() -> None:
    assert order_sql("b.sort_order, b.name", True) == "b.sort_order DESC, b.name DESC"
    assert order_sql("m.name_pinyin", False) == "m.name_pinyin"


def test_order_sql_keeps_bracketed_commas_and_blanks_last() -> None:
    sub = "(SELECT count(*) FROM t WHERE t.s IN ('a', 'b'))"
    assert order_parts(f"coalesce(m.name_pinyin, g.name), {sub}, p.seq") == [
        "coalesce(m.name_pinyin, g.name)",
        sub,
        "p.seq",
    ]
    assert order_parts("a.x,b.y") == ["a.x", "b.y"]
    assert order_sql("coalesce(a, b)", True) == "coalesce(a, b) DESC"
    assert order_sql("i.owner IS NULL, i.owner", True) == "i.owner IS NULL, i.owner DESC"


def test_sort_order_falls_back_to_its_first_key_and_adds_the_tiebreak() -> None:
    order = SortOrder({"date": "p.pay_date", "branch": "b.sort_order, b.name"}, "p.seq, p.id")
    assert order.default == "date"
    assert order.sql("branch", False) == "b.sort_order, b.name, p.seq, p.id"
    assert order.sql("branch", True) == "b.sort_order DESC, b.name DESC, p.seq, p.id"
    assert order.sql("nonsense", True) == order.sql(None, True) == "p.pay_date DESC, p.seq, p.id"
    follows = SortOrder({"ts": "ts"}, "id", tiebreak_descends=True)
    assert follows.sql("ts", True) == "ts DESC, id DESC"
    assert follows.sql("ts", False) == "ts, id"
    assert SortOrder({"n": "m.member_no, m.id"}).sql("n", True) == "m.member_no DESC, m.id DESC"


def test_chunks_cover_all_ids_with_matching_placeholders() -> None:
    ids = list(range(1203))
    parts = list(chunks(ids))
    assert [len(c) for c, _ in parts] == [500, 500, 203]
    assert [i for c, _ in parts for i in c] == ids
    assert all(marks.count("?") == len(c) for c, marks in parts)
    assert list(chunks([])) == []


def test_rows_as_dicts_and_pick_keeps_key_order() -> None:
    db = sqlite_utils.Database(memory=True)
    db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, n INTEGER)")
    db.execute("INSERT INTO t (name, n) VALUES ('甲', 1), ('乙', 2)")
    rows = select_rows(db, "SELECT * FROM t WHERE n > ? ORDER BY id", [0])
    assert rows == [{"id": 1, "name": "甲", "n": 1}, {"id": 2, "name": "乙", "n": 2}]
    assert dict_rows(db.execute("SELECT name FROM t WHERE id = 2")) == [{"name": "乙"}]
    assert column_values(db, "SELECT name FROM t ORDER BY n DESC") == ["乙", "甲"]
    assert column_values(db, "SELECT id FROM t WHERE n > ?", (5,)) == []
    assert one_row(db, "SELECT * FROM t WHERE id = ?", [2], "不存在") == rows[1]
    with pytest.raises(NotFoundError, match="记录不存在"):
        one_row(db, "SELECT * FROM t WHERE id = ?", [9], "记录不存在")
    assert list(pick(rows[0], ("n", "id"))) == ["n", "id"]
    with pytest.raises(KeyError):
        pick(rows[0], ("missing",))


@pytest.mark.parametrize(
    ("value", "fen"), [(0, 0), (12345, 12345), ("1,234.50", 123450), ("12元", 1200)]
)
def test_fen_amount_accepts_fen_and_yuan_text(value: object, fen: int) -> None:
    assert fen_amount(value) == fen


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (None, "请填写金额"),
        (True, "请填写金额"),
        (-1, "金额不能为负数"),
        (1.5, "金额必须以“分”为单位的整数保存"),
    ],
)
def test_fen_amount_refuses_with_a_chinese_message(value: object, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        fen_amount(value, "planned")
    assert caught.value.message == message
    assert caught.value.field == "planned"


@pytest.mark.parametrize(
    ("value", "fen"),
    [
        (None, None),
        ("", None),
        ("  ", None),
        (0, 0),
        (12345, 12345),
        ("1,234.50", 123450),
        ("￥12元", 1200),
        (Decimal("3.5"), 350),
    ],
)
def test_fen_or_none_reads_fen_yuan_text_and_empty(value: object, fen: int | None) -> None:
    assert fen_or_none(value, "cap_fen") == fen


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (True, "金额无效"),
        (-1, "金额不能为负数"),
        ("-1", "金额“-1”不能为负数"),
        (1.5, "金额必须以“分”为单位的整数保存"),
        (300.0, "金额必须以“分”为单位的整数保存"),
        ("12.345", "金额“12.345”最多只能有两位小数（角、分）"),
        ("一百", "金额“一百”不是有效的数字"),
    ],
)
def test_fen_or_none_refuses_like_fen_amount(value: object, message: str) -> None:
    for read in (fen_or_none, fen_amount):
        with pytest.raises(ValidationError) as caught:
            read(value, "cap_fen", invalid="金额无效")
        assert (caught.value.message, caught.value.field) == (message, "cap_fen")


def test_fen_amount_messages_are_the_callers() -> None:
    def message(value: object, **kwargs: str) -> str:
        with pytest.raises(ValidationError) as caught:
            fen_amount(value, "amount", **kwargs)
        return caught.value.message

    assert message("", blank="金额不能为空") == "金额不能为空"
    assert message(None, blank="金额不能为空") == "金额不能为空"
    assert message(False, blank="金额不能为空", invalid="金额无效") == "金额无效"
    assert message(2.5, float_message="不能是浮点数") == "不能是浮点数"
    with pytest.raises(ValidationError, match="不能是浮点数"):
        fen_or_none(2.5, float_message="不能是浮点数")


@pytest.mark.parametrize(
    ("value", "message"),
    [(0, "金额必须大于 0"), ("0.00", "金额必须大于 0"), (-5, "金额必须大于 0")],
)
def test_positive_amounts_refuse_zero(value: object, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        fen_amount(value, positive=True)
    with pytest.raises(ValidationError, match=message):
        fen_or_none(value, positive=True)
    assert fen_amount(1, positive=True) == 1
    assert fen_or_none("", positive=True) is None


def test_branch_filter_name_and_closest_names(db) -> None:
    from guilin_union.services.members import branches

    bid = branches.add_branch(db, "文学院分工会").row_id
    assert branches.filter_name(db, "机关分工会", bid) == "机关分工会"
    assert branches.filter_name(db, None, bid) == "文学院分工会"
    assert branches.filter_name(db, None, bid + 99) is None
    assert branches.filter_name(db, None, None) is None
    names = ["文学院分工会", "机关分工会", "理学院分工会"]
    assert branches.closest_names(names, "文学院")[0] == "文学院分工会"
    assert branches.suggest_names(db, "文学院") == ["文学院分工会"]


def test_filter_clauses_starts_new_lists() -> None:
    from guilin_union.services.common_query import filter_clauses

    clauses, params = filter_clauses((("a = ?", "x"), ("b = ?", None)))
    assert (clauses, params) == (["a = ?"], ["x"])
    again, _ = filter_clauses(())
    assert again == [] and again is not clauses


def test_rule_settings_refuse_unknown_keys_and_store_the_checked_form(db) -> None:
    from guilin_union.services import congress, proposals, settings

    before = settings.get(db, "proposal_min_seconders")
    with pytest.raises(ValidationError, match="未知的设置项：bogus"):
        congress.save_rules(db, {"bogus": 1})
    with pytest.raises(ValidationError, match="未知的设置项：bogus"):
        proposals.save_rules(db, {"bogus": 1, "proposal_min_seconders": 2})
    assert settings.get(db, "proposal_min_seconders") == before  # nothing stored
    proposals.save_rules(db, {"proposal_min_seconders": "3"})
    assert settings.get(db, "proposal_min_seconders") == 3
    assert proposals.rules(db).min_seconders == 3


def test_every_list_query_is_a_sorted_query_with_its_default_order() -> None:
    """The list queries share one sort part: an empty key is the list's default (the first
    key of its sort order), the direction is keyword-only, order_by() is the SQL."""
    import dataclasses

    from guilin_union.services.activities import ActivityQuery
    from guilin_union.services.activities.registration import ParticipantQuery
    from guilin_union.services.common_query import SortedQuery
    from guilin_union.services.intake import ApplicationQuery
    from guilin_union.services.members import MemberQuery
    from guilin_union.services.proposals.query import ProposalQuery
    from guilin_union.services.welfare import PaymentQuery
    from guilin_union.services.workpoints.queries import ItemQuery

    defaults = {
        ActivityQuery: ("start_date", True),
        ApplicationQuery: ("applied_on", False),
        MemberQuery: ("member_no", False),
        PaymentQuery: ("date", True),
        ProposalQuery: ("number", False),
        ItemQuery: ("position", False),
    }
    for cls, (key, descending) in defaults.items():
        q = cls()
        assert isinstance(q, SortedQuery)
        assert (q.sort_key, q.descending) == (key, descending), cls
        assert q.order_by() == cls.SORT.sql(key, descending)
        # a header click replaces the two; the rest of the filter is kept
        resorted = dataclasses.replace(q, sort_key="name" if "name" in cls.SORT.columns else key)
        assert resorted.order_by().startswith(cls.SORT.columns[resorted.sort_key].split(",")[0])
    participants = ParticipantQuery(7)  # the activity stays the first positional field
    assert (participants.activity_id, participants.sort_key) == (7, "seq")
    with pytest.raises(TypeError):
        ParticipantQuery(7, None, None, None, None, "", True, "name")  # type: ignore[misc]
