from __future__ import annotations

import pytest

from guilin_union.core.errors import ConflictError, NotFoundError
from guilin_union.services import members as svc
from guilin_union.services.members import MemberQuery, MemberValidationError


def _add(db, **fields):
    data = {"name": "张三", "branch": "文学院分工会", **fields}
    return svc.add_member(db, data).row_id


def test_add_member_derives_birth_date_and_gender_from_id(branch_db, sample_ids):
    member_id = _add(branch_db, id_number=sample_ids["woman"].lower(), phone="138 1234 5678")
    record = svc.get_member(branch_db, member_id)
    assert record.birth_date == "1985-12-31"
    assert record.gender == "女"
    assert record.phone == "13812345678"
    assert record.branch == "文学院分工会"


def test_full_width_id_and_spaces_are_normalised(branch_db, sample_ids):
    fullwidth = sample_ids["man"].translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    member_id = _add(branch_db, name=" 王\u3000小明 ", id_number=fullwidth)
    record = svc.get_member(branch_db, member_id)
    assert record.name == "王小明"
    assert record.id_number == sample_ids["man"]


def test_validation_collects_every_error_in_chinese(branch_db):
    with pytest.raises(MemberValidationError) as info:
        svc.add_member(
            branch_db,
            {
                "name": "",
                "branch": "文学院",
                "id_number": "450302199003071235",
                "phone": "12345",
                "join_date": "2024-02-30",
            },
        )
    errors = info.value.errors
    assert set(errors) == {"name", "branch", "id_number", "phone", "join_date"}
    assert "文学院分工会" in errors["branch"]  # suggests the closest existing name
    assert "校验" in errors["id_number"]
    assert "不存在" in errors["join_date"]
    assert branch_db.execute("SELECT count(*) FROM members").fetchone()[0] == 0


def test_gender_contradicting_the_id_is_an_error(branch_db, sample_ids):
    with pytest.raises(MemberValidationError) as info:
        _add(branch_db, id_number=sample_ids["man"], gender="女")
    assert "不符" in info.value.errors["gender"]


@pytest.mark.parametrize(
    "field, value, label",
    [
        ("id_number", None, "证件号码"),
        ("staff_no", "2019001", "工号"),
        ("member_no", "2019010001", "会员编号"),
    ],
)
def test_unique_fields_name_the_member_who_has_them(branch_db, sample_ids, field, value, label):
    value = value or sample_ids["man"]
    _add(branch_db, name="李四", **{field: value})
    with pytest.raises(MemberValidationError) as info:
        _add(branch_db, name="王五", **{field: value})
    assert info.value.errors[field] == f"{label}已被会员“李四”使用"


def test_other_document_types_are_possible(branch_db):
    member_id = _add(branch_db, id_type="护照", id_number="e1234567")
    assert svc.get_member(branch_db, member_id).id_number == "E1234567"


def test_update_returns_previous_row_and_restore_undoes(branch_db):
    member_id = _add(branch_db, department="汉语言文学系")
    result = svc.update_member(
        branch_db, member_id, {"name": "张三", "branch": "机关分工会", "department": "人事处"}
    )
    assert svc.get_member(branch_db, member_id).branch == "机关分工会"
    svc.restore_row(branch_db, member_id, result.undo)
    record = svc.get_member(branch_db, member_id)
    assert (record.branch, record.department) == ("文学院分工会", "汉语言文学系")


def test_delete_and_restore_keep_the_same_id(branch_db, sample_ids):
    member_id = _add(branch_db, id_number=sample_ids["man"])
    result = svc.delete_member(branch_db, member_id)
    with pytest.raises(NotFoundError):
        svc.get_member(branch_db, member_id)
    svc.restore_member(branch_db, result.undo)
    assert svc.get_member(branch_db, member_id).id_number == sample_ids["man"]


def test_delete_refused_when_referenced(branch_db):
    member_id = _add(branch_db)
    branch_db.execute(
        "CREATE TABLE ref_test (id INTEGER PRIMARY KEY, member_id INTEGER REFERENCES members(id))"
    )
    branch_db.execute("INSERT INTO ref_test (member_id) VALUES (?)", [member_id])
    with pytest.raises(ConflictError, match="引用"):
        svc.delete_member(branch_db, member_id)


@pytest.fixture
def register(branch_db, sample_ids):
    _add(
        branch_db,
        name="张三",
        staff_no="2019001",
        member_no="2019010001",
        id_number=sample_ids["man"],
    )
    _add(
        branch_db,
        name="欧阳娜娜",
        branch="机关分工会",
        staff_no="2020002",
        member_no="2020020001",
        id_number=sample_ids["woman"],
        status="保留会籍",
    )
    _add(branch_db, name="赵六", branch="机关分工会", staff_no="2021003", member_no="2021020002")
    return branch_db


@pytest.mark.parametrize(
    "search, expected",
    [
        ("张", ["张三"]),
        ("zs", ["张三"]),
        ("oynn", ["欧阳娜娜"]),
        ("zhao", ["赵六"]),
        ("2020002", ["欧阳娜娜"]),
        ("2021020002", ["赵六"]),
        ("", ["张三", "欧阳娜娜", "赵六"]),
        ("赵\u3000六", ["赵六"]),  # a name padded to align a column, pasted from a table
        ("张 三", ["张三"]),
    ],
)
def test_search(register, search, expected):
    rows = svc.list_members(register, MemberQuery(search=search))
    assert sorted(r["name"] for r in rows) == sorted(expected)


def test_search_by_id_tail(register, sample_ids):
    rows = svc.list_members(register, MemberQuery(search=sample_ids["woman"][-6:]))
    assert [r["name"] for r in rows] == ["欧阳娜娜"]


def test_filters_and_sort_by_pinyin(register):
    rows = svc.list_members(register, MemberQuery(branch_name="机关分工会", sort_key="name"))
    assert [r["name"] for r in rows] == ["欧阳娜娜", "赵六"]  # o before z
    rows = svc.list_members(register, MemberQuery(status="保留会籍"))
    assert [r["name"] for r in rows] == ["欧阳娜娜"]
    desc = svc.list_members(register, MemberQuery(sort_key="member_no", descending=True))
    assert [r["member_no"] for r in desc] == ["2021020002", "2020020001", "2019010001"]


def test_rows_are_masked_by_default(register, sample_ids):
    row = svc.list_members(register, MemberQuery(search="张三"))[0]
    assert row["id_number_display"] == sample_ids["man"][:4] + "*" * 10 + sample_ids["man"][-4:]
    public = svc.to_public_json(row)
    assert sample_ids["man"] not in str(public)
    assert {"id", "member_no", "name", "gender", "branch", "status", "id_number_masked"} <= set(
        public
    )


def test_every_write_is_logged(branch_db):
    member_id = _add(branch_db)
    svc.update_member(branch_db, member_id, {"name": "张三丰", "branch": "文学院分工会"})
    actions = [
        r[0]
        for r in branch_db.execute(
            "SELECT action FROM change_log WHERE table_name = 'members' AND row_id = ? ORDER BY id",
            [member_id],
        )
    ]
    assert actions == ["insert", "update"]


def test_undo_of_delete_brings_back_the_status_history(branch_db):
    from guilin_union.services.members import status as member_status

    member_id = _add(branch_db, join_date="2010-09-01")
    member_status.record_status_change(
        branch_db, member_id, "保留会籍", on="2024-06-30", reason="退休"
    )
    assert len(member_status.status_history(branch_db, member_id)) == 1
    result = svc.delete_member(branch_db, member_id)
    events = "SELECT count(*) FROM member_status_events WHERE member_id = ?"
    assert branch_db.execute(events, [member_id]).fetchone()[0] == 0
    restored = svc.restore_member(branch_db, result.undo)
    assert restored.row_id == member_id
    assert svc.get_member(branch_db, member_id).status == "保留会籍"
    assert [e["to"] for e in member_status.status_history(branch_db, member_id)] == ["保留会籍"]
    # Undoing twice is refused by the bin rather than duplicating anything.
    again = svc.delete_member(branch_db, member_id)
    svc.restore_member(branch_db, again.undo)
    assert branch_db.execute("SELECT count(*) FROM members").fetchone()[0] == 1
