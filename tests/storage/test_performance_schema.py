"""member_search (storage/schema/performance.py): kept in step with every write to members,
and the register's search finds exactly what the seven LIKE tests found before it."""
from __future__ import annotations

import random
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guilin_union.services import members
from guilin_union.services.members import MemberQuery

# The search exactly as it was written before the keys table existed (the reference).
LIKE_SEARCH = (
    "SELECT id FROM members WHERE name LIKE ?1 OR name_initials LIKE ?2 OR name_pinyin LIKE ?2"
    " OR staff_no LIKE ?1 OR member_no LIKE ?1 OR id_number LIKE ?3 OR department LIKE ?1"
)


def like_ids(db, term: str) -> set[int]:
    return {r[0] for r in db.execute(LIKE_SEARCH, [f"%{term}%", f"{term.lower()}%", f"%{term.upper()}"])}


def keys_of(db, member_id: int) -> tuple[str, str, str] | None:
    row = db.execute("SELECT contains_key, starts_key, ends_key FROM member_search WHERE id = ?", [member_id]).fetchone()
    return tuple(row) if row else None


def test_migration_is_last_and_builds_keys_for_existing_members(tmp_path):
    from guilin_union.storage import open_database
    from guilin_union.storage.schema import ALL_MIGRATIONS

    assert ALL_MIGRATIONS[-1][0] == "performance_0001_member_search"
    path = tmp_path / "old.db"
    db = open_database(path)
    db.execute("INSERT INTO branches (name) VALUES ('文学院分工会')")
    db.execute(
        "INSERT INTO members (name, name_initials, name_pinyin, staff_no, member_no, id_number, department,"
        " branch_id, created_at, updated_at) VALUES ('张三', 'zs', 'zhangsan', 'AB12', '2024010001',"
        " '45030219900307123X', '新闻传播系', 1, 'x', 'x')"
    )
    # Pretend the file predates the keys: drop them, forget the migration, open again.
    for name in ("member_search_insert", "member_search_update", "member_search_delete"):
        db.execute(f"DROP TRIGGER {name}")
    db.execute("DROP TABLE member_search")
    db.execute("DELETE FROM _migrations WHERE name = 'performance_0001_member_search'")
    db.conn.close()
    db = open_database(path)
    try:
        assert keys_of(db, 1) == ("张三\x1fab12\x1f2024010001\x1f新闻传播系", "\x1ezs\x1ezhangsan",
                                  "45030219900307123X\x1d")
    finally:
        db.conn.close()


def test_keys_follow_insert_update_and_delete(demo_db, sample_ids):
    branch = demo_db.execute("SELECT name FROM branches ORDER BY id LIMIT 1").fetchone()[0]
    member_id = members.add_member(demo_db, {"name": "张晓明", "id_number": sample_ids["man"], "branch": branch,
                                             "staff_no": "t900"}).row_id
    contains, starts, ends = keys_of(demo_db, member_id)
    assert contains.startswith("张晓明\x1ft900\x1f") and starts == "\x1ezxm\x1ezhangxiaoming"
    assert ends == sample_ids["man"].upper() + "\x1d"
    members.update_member(demo_db, member_id, {"name": "欧阳娜娜", "id_number": sample_ids["man"], "branch": branch,
                                                "staff_no": "t900", "department": "Lab 9"})
    contains, starts, ends = keys_of(demo_db, member_id)
    assert contains.startswith("欧阳娜娜\x1f") and contains.endswith("\x1flab 9")
    assert starts == "\x1eoynn\x1eouyangnana"
    demo_db.execute("UPDATE members SET notes = 'n' WHERE id = ?", [member_id])  # not a key: unchanged
    assert keys_of(demo_db, member_id) == (contains, starts, ends)
    row = members.delete_member(demo_db, member_id).undo
    assert keys_of(demo_db, member_id) is None
    members.restore_member(demo_db, row)  # undo of a delete puts the keys back
    assert keys_of(demo_db, member_id) == (contains, starts, ends)
    total = demo_db.execute("SELECT count(*) FROM members").fetchone()[0]
    assert demo_db.execute("SELECT count(*) FROM member_search").fetchone()[0] == total


def _terms(db, seed: int = 1) -> list[str]:
    """Single keystrokes and longer pieces taken from real values, plus some that match nothing."""
    rng = random.Random(seed)
    rows = db.execute("SELECT name, name_initials, name_pinyin, staff_no, member_no, id_number, department"
                      " FROM members").fetchall()
    terms = {"张", "王", "l", "z", "Z", "2", "0", "x", "X", "系", "院", "zzzq", "不存在"}
    for row in rng.sample(rows, 40):
        for value in row:
            if value:
                start = rng.randrange(len(value))
                terms.add(value[start:start + rng.randint(1, 4)])
                terms.add(value[-rng.randint(1, 4):])
    return sorted(t for t in terms if t.strip() and "%" not in t and "_" not in t)


def test_search_finds_exactly_what_like_found(demo_db):
    for term in _terms(demo_db):
        found = set(members.query_ids(demo_db, MemberQuery(search=term)))
        assert found == like_ids(demo_db, term), term
        assert members.count(demo_db, MemberQuery(search=term)) == len(found)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet="张王李文学院系zsLX0123456789-", min_size=1, max_size=3))
def test_search_property(demo_db, term):
    assert set(members.query_ids(demo_db, MemberQuery(search=term))) == like_ids(demo_db, term)


def test_several_terms_and_filters_combine(demo_db):
    branch_id, branch = demo_db.execute("SELECT id, name FROM branches ORDER BY id LIMIT 1").fetchone()
    by_id = set(members.query_ids(demo_db, MemberQuery(search="2 z", branch_id=branch_id, status="在会")))
    expected = like_ids(demo_db, "2") & like_ids(demo_db, "z") & {
        r[0] for r in demo_db.execute("SELECT id FROM members WHERE branch_id = ? AND status = '在会'", [branch_id])}
    assert by_id == expected and expected
    by_name = members.query_ids(demo_db, MemberQuery(search="2 z", branch_name=branch, status="在会"))
    assert set(by_name) == expected


@pytest.mark.parametrize("sort_key", list(members.SORT_SQL))
def test_every_sort_key_still_sorts_with_or_without_the_branch_join(demo_db, sort_key):
    ids = members.query_ids(demo_db, MemberQuery(sort_key=sort_key))
    assert len(ids) == demo_db.execute("SELECT count(*) FROM members").fetchone()[0]
    assert sorted(ids) == sorted(set(ids))
    descending = members.query_ids(demo_db, MemberQuery(sort_key=sort_key, descending=True))
    assert set(descending) == set(ids)


def test_a_file_without_the_keys_falls_back_to_like(demo_db):
    """A file opened read-only is not migrated: the search must still work on it."""
    expected = set(members.query_ids(demo_db, MemberQuery(search="z")))
    demo_db.execute("DROP TABLE member_search")
    assert not members.has_search_keys(demo_db)
    assert set(members.query_ids(demo_db, MemberQuery(search="z"))) == expected
    assert members.count(demo_db, MemberQuery(search="z")) == len(expected)


def test_keys_table_is_not_taken_for_personal_records(demo_db):
    """No member_id / id_number column: privacy export and anonymiser skip this derived table."""
    columns = {r[1] for r in demo_db.execute("PRAGMA table_info(member_search)")}
    assert columns == {"id", "contains_key", "starts_key", "ends_key"}
    assert list(demo_db.execute("PRAGMA foreign_key_list(member_search)")) == []


def test_triggers_work_with_trusted_schema_off(tmp_path):
    """The program opens files with trusted_schema=OFF; the triggers only use innocuous functions."""
    from guilin_union.storage import open_database

    path = tmp_path / "t.db"
    open_database(path).conn.close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("INSERT INTO branches (name) VALUES ('b')")
    conn.execute("INSERT INTO members (name, branch_id, created_at, updated_at) VALUES ('李四', 1, 'x', 'x')")
    assert conn.execute("SELECT contains_key FROM member_search").fetchone()[0] == "李四\x1f\x1f\x1f"
    conn.close()
