"""Property: exporting the register and importing the file into an empty database gives the
same members (every exported field, exactly)."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guilin_union.core.ids import make_resident_id
from guilin_union.core.members import EMPLOYMENT_TYPES, MemberStatus
from guilin_union.services import members
from guilin_union.services.members import branches
from guilin_union.services.members import importer as member_import
from guilin_union.services.members.outputs import EXPORT_COLUMNS, export_members
from guilin_union.storage import open_database

BRANCHES = ("文学院分工会", "机关分工会", "=公式分工会")
CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
TEXT = (
    st.text(st.one_of(CJK, st.sampled_from("ABCxyz0123-=+@（）·")), min_size=1, max_size=12)
    .map(str.strip)
    .filter(bool)
)


@st.composite
def member(draw, index):
    birth = draw(st.dates(dt.date(1950, 1, 1), dt.date(2000, 12, 31)))
    gender = draw(st.sampled_from(("男", "女")))
    has_id = draw(st.booleans())
    data = {
        "name": draw(st.text(CJK, min_size=2, max_size=4)),
        "branch": draw(st.sampled_from(BRANCHES)),
        "department": draw(st.none() | TEXT),
        "title": draw(st.none() | TEXT),
        "staff_no": draw(st.none() | st.just(f"S{index:04d}")),
        "id_number": make_resident_id("450302", birth, index % 100, gender) if has_id else None,
        "gender": gender,
        "birth_date": birth.isoformat(),
        "phone": draw(st.none() | st.just(f"139{index:08d}")),
        "employment_type": draw(st.none() | st.sampled_from(EMPLOYMENT_TYPES)),
        "join_date": draw(
            st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2024, 12, 31)).map(dt.date.isoformat)
        ),
        "status": draw(st.sampled_from([s.value for s in MemberStatus])),
        "member_no": f"2024{index:06d}",
    }
    return data


@st.composite
def registers(draw):
    n = draw(st.integers(min_value=1, max_value=8))
    return [draw(member(i)) for i in range(n)]


def _db():
    db = open_database(":memory:")
    for name in BRANCHES:
        branches.add_branch(db, name)
    return db


def _snapshot(db):
    keys = [k for k, _ in EXPORT_COLUMNS]
    out = []
    for row in members.list_members(db, masked=False):
        out.append(tuple(row.get(k.replace("_display", "")) for k in keys))
    return sorted(out, key=str)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(registers())
def test_export_then_import_into_empty_database_gives_same_members(rows):
    source = _db()
    for data in rows:
        members.add_member(source, data)
    folder = Path(tempfile.mkdtemp(prefix="roundtrip-"))
    path, n = export_members(source, folder / "register.xlsx", unmasked=True)
    assert n == len(rows)
    target = _db()
    outcome = member_import.import_file(target, path, as_="members")
    assert outcome.errors == []
    assert outcome.imported == len(rows)
    assert _snapshot(target) == _snapshot(source)
