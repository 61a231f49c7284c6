"""The welfare demo: three years of every type, two festival batches, overridden warnings."""

from __future__ import annotations

import datetime as dt

from guilin_union.services import welfare
from guilin_union.services.welfare import batches as welfare_batches
from guilin_union.services.welfare import config as welfare_config


def test_demo_has_every_type_each_year_batches_and_overrides(demo_db):
    db = demo_db
    this_year = dt.date.today().year
    years = [this_year - 2, this_year - 1, this_year]
    for year in years:
        present = {
            r[0]
            for r in db.execute("SELECT DISTINCT type FROM welfare_payments WHERE year = ?", [year])
        }
        assert present == set(welfare_config.DEFAULT_TYPES), year
        assert (
            db.execute("SELECT count(*) FROM welfare_standards WHERE year = ?", [year]).fetchone()[
                0
            ]
            == 11
        )
    batches = welfare_batches.list_batches(db)
    assert len(batches) == 2 and all(b["payment_count"] > 100 for b in batches)
    assert {b["occasion"] for b in batches} == {"春节", "中秋节"}
    warnings = welfare.list_open_warnings(db, include_reviewed=True)
    assert len({w["payment_id"] for w in warnings}) >= 3
    assert {w["code"] for w in warnings} >= {"cap", "frequency", "status"}
    assert all(w["override_reason"] for w in warnings)
    # Money is integer 分 in every row; paid rows carry their paid date.
    assert (
        db.execute(
            "SELECT count(*) FROM welfare_payments WHERE typeof(amount_fen) <> 'integer'"
        ).fetchone()[0]
        == 0
    )
    assert (
        db.execute(
            "SELECT count(*) FROM welfare_payments WHERE state = '已发放' AND paid_on IS NULL"
        ).fetchone()[0]
        == 0
    )
    assert db.execute("SELECT count(*) FROM welfare_hardship").fetchone()[0] > 0
