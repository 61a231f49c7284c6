"""The search index (storage/schema/performance.py): the register's search uses it and finds
exactly what the seven LIKE tests found before it."""

from __future__ import annotations

import random
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guilin_union.services import members
from guilin_union.services.members import MemberQuery
from guilin_union.storage.schema.performance import SEARCH_INDEX

# The search exactly as it was written before the index existed (the reference).
LIKE_SEARCH = (
    "SELECT id FROM members WHERE name LIKE ?1 OR name_initials LIKE ?2 OR name_pinyin LIKE ?2"
    " OR staff_no LIKE ?1 OR member_no LIKE ?1 OR id_number LIKE ?3 OR department LIKE ?1"
)


def like_ids(db, term: str) -> set[int]:
    return {
        r[0] for r in db.execute(LIKE_SEARCH, [f"%{term}%", f"{term.lower()}%", f"%{term.upper()}"])
    }


def test_migrations_are_last_and_add_an_index_only(tmp_path):
    from guilin_union.storage import open_database
    from guilin_union.storage.schema import ALL_MIGRATIONS

    assert [name for name, _ in ALL_MIGRATIONS[-3:]] == [
        "performance_0001_member_search",
        "performance_0002_search_keys_index",
        "performance_0003_search_index_in_register_order",
    ]
    db = open_database(tmp_path / "new.db")
    try:
        assert members.has_search_keys(db)
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "member_search" not in tables  # derived data lives in an index, not in a table
        assert not list(
            db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'members'"
            )
        )
    finally:
        db.conn.close()


def test_a_file_with_the_development_keys_table_is_cleaned_up(tmp_path):
    from guilin_union.storage import open_database

    path = tmp_path / "dev.db"
    db = open_database(path)
    db.execute(f"DROP INDEX {SEARCH_INDEX}")
    db.execute("CREATE INDEX idx_members_search_keys ON members (lower(name))")
    db.execute("CREATE TABLE member_search (id INTEGER PRIMARY KEY, contains_key TEXT)")
    db.execute(
        "CREATE TRIGGER member_search_delete AFTER DELETE ON members BEGIN"
        " DELETE FROM member_search WHERE id = OLD.id; END"
    )
    db.execute(
        "DELETE FROM _migrations WHERE name LIKE 'performance_000%' AND name != 'performance_0001_member_search'"
    )
    db.conn.close()
    db = open_database(path)
    try:
        names = {r[0] for r in db.execute("SELECT name FROM sqlite_master")}
        assert {"member_search", "member_search_delete", "idx_members_search_keys"}.isdisjoint(
            names
        )
        assert SEARCH_INDEX in names
    finally:
        db.conn.close()


def test_search_reads_the_keys_from_the_index_in_register_order(demo_db):
    """The query spells the index's expressions exactly, so SQLite reads the folded keys from
    the index (in member-number order) instead of folding every row again and sorting."""
    q = MemberQuery(search="z")
    where, params = members._where(q)
    sql = f"SELECT m.id FROM {members._from(demo_db, q)}{where} ORDER BY m.member_no, m.id"
    plan = " ".join(r[3] for r in demo_db.execute(f"EXPLAIN QUERY PLAN {sql}", params))
    assert SEARCH_INDEX in plan and "TEMP B-TREE" not in plan  # no sorting at all
    # With a 分工会 chosen, that 分工会's own index comes first.
    branch_q = MemberQuery(search="z", branch_id=1)
    assert SEARCH_INDEX not in members._from(demo_db, branch_q)


def _terms(db, seed: int = 1) -> list[str]:
    """Single keystrokes and longer pieces taken from real values, plus some that match nothing."""
    rng = random.Random(seed)
    rows = db.execute(
        "SELECT name, name_initials, name_pinyin, staff_no, member_no, id_number, department"
        " FROM members"
    ).fetchall()
    terms = {"张", "王", "l", "z", "Z", "2", "0", "x", "X", "系", "院", "zzzq", "不存在"}
    for row in rng.sample(rows, 40):
        for value in row:
            if value:
                start = rng.randrange(len(value))
                terms.add(value[start : start + rng.randint(1, 4)])
                terms.add(value[-rng.randint(1, 4) :])
    return sorted(t for t in terms if t.strip() and "%" not in t and "_" not in t)


def test_search_finds_exactly_what_like_found(demo_db):
    for term in _terms(demo_db):
        found = set(members.query_ids(demo_db, MemberQuery(search=term)))
        assert found == like_ids(demo_db, term), term
        assert members.count(demo_db, MemberQuery(search=term)) == len(found)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(alphabet="张王李文学院系zsLX0123456789-", min_size=1, max_size=3))
def test_search_property(demo_db, term):
    assert set(members.query_ids(demo_db, MemberQuery(search=term))) == like_ids(demo_db, term)


def test_search_follows_edits(demo_db, sample_ids):
    branch = demo_db.execute("SELECT name FROM branches ORDER BY id LIMIT 1").fetchone()[0]
    member_id = members.add_member(
        demo_db,
        {"name": "张晓明", "id_number": sample_ids["man"], "branch": branch, "staff_no": "t900"},
    ).row_id
    assert member_id in members.query_ids(demo_db, MemberQuery(search="zxm"))
    assert member_id in members.query_ids(demo_db, MemberQuery(search="T900"))
    assert member_id in members.query_ids(demo_db, MemberQuery(search=sample_ids["man"][-4:]))
    members.update_member(
        demo_db,
        member_id,
        {
            "name": "欧阳娜娜",
            "id_number": sample_ids["man"],
            "branch": branch,
            "staff_no": "t900",
            "department": "Lab 9",
        },
    )
    assert member_id not in members.query_ids(demo_db, MemberQuery(search="zxm"))
    assert member_id in members.query_ids(demo_db, MemberQuery(search="oynn"))
    assert member_id in members.query_ids(demo_db, MemberQuery(search="lab"))
    members.delete_member(demo_db, member_id)
    assert member_id not in members.query_ids(demo_db, MemberQuery(search="oynn"))


def test_several_terms_and_filters_combine(demo_db):
    branch_id, branch = demo_db.execute(
        "SELECT id, name FROM branches ORDER BY id LIMIT 1"
    ).fetchone()
    by_id = set(
        members.query_ids(demo_db, MemberQuery(search="2 z", branch_id=branch_id, status="在会"))
    )
    expected = (
        like_ids(demo_db, "2")
        & like_ids(demo_db, "z")
        & {
            r[0]
            for r in demo_db.execute(
                "SELECT id FROM members WHERE branch_id = ? AND status = '在会'", [branch_id]
            )
        }
    )
    assert by_id == expected and expected
    by_name = members.query_ids(
        demo_db, MemberQuery(search="2 z", branch_name=branch, status="在会")
    )
    assert set(by_name) == expected


@pytest.mark.parametrize("sort_key", list(members.SORT_SQL))
def test_every_sort_key_still_sorts_with_or_without_the_branch_join(demo_db, sort_key):
    ids = members.query_ids(demo_db, MemberQuery(sort_key=sort_key))
    assert (
        len(ids) == demo_db.execute("SELECT count(*) FROM members").fetchone()[0] == len(set(ids))
    )
    descending = members.query_ids(demo_db, MemberQuery(sort_key=sort_key, descending=True))
    assert set(descending) == set(ids)
    if sort_key == "branch":
        orders = dict(
            demo_db.execute(
                "SELECT m.id, b.sort_order FROM members m JOIN branches b ON b.id = m.branch_id"
            )
        )
        assert [orders[i] for i in ids] == sorted(orders[i] for i in ids)


def test_a_file_without_the_index_falls_back_to_like(demo_db):
    """A file opened read-only is not migrated: the search must still work on it."""
    expected = set(members.query_ids(demo_db, MemberQuery(search="z")))
    demo_db.execute(f"DROP INDEX {SEARCH_INDEX}")
    assert not members.has_search_keys(demo_db)
    assert set(members.query_ids(demo_db, MemberQuery(search="z"))) == expected
    assert members.count(demo_db, MemberQuery(search="z")) == len(expected)


def test_index_works_with_trusted_schema_off(tmp_path):
    """The program opens files with trusted_schema=OFF; the index only uses innocuous functions."""
    from guilin_union.storage import open_database

    path = tmp_path / "t.db"
    open_database(path).conn.close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("INSERT INTO branches (name) VALUES ('b')")
    conn.execute(
        "INSERT INTO members (name, branch_id, created_at, updated_at) VALUES ('李四', 1, 'x', 'x')"
    )
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
