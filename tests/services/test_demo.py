from __future__ import annotations

import pytest

from guilin_union.core.errors import ConflictError
from guilin_union.core.ids import parse_id_number
from guilin_union.services.demo import populate_demo


def test_demo_fills_realistic_register(demo_db):
    assert 15 <= demo_db.execute("SELECT count(*) FROM branches").fetchone()[0] <= 20
    assert 550 <= demo_db.execute("SELECT count(*) FROM members").fetchone()[0] <= 650
    statuses = {r[0] for r in demo_db.execute("SELECT DISTINCT status FROM members")}
    assert {"在会", "保留会籍", "转出"} <= statuses
    employment = {r[0] for r in demo_db.execute("SELECT DISTINCT employment_type FROM members")}
    assert {"在编", "人事代理", "合同"} <= employment
    for number, birth, gender in demo_db.execute(
        "SELECT id_number, birth_date, gender FROM members"
    ):
        info = parse_id_number(number)
        assert info.birth_date.isoformat() == birth and info.gender == gender


def test_demo_refuses_a_database_with_data(demo_db):
    with pytest.raises(ConflictError, match="已有数据"):
        populate_demo(demo_db)
