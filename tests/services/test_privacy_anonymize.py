"""The anonymised copy contains none of the original names or numbers (checked byte by byte)."""

from __future__ import annotations

import re
import sqlite3

import pytest

from guilin_union.core.ids import parse_id_number
from guilin_union.services.safety.anonymize import _Replacer, anonymize_copy, trie_pattern
from guilin_union.storage import audit


@pytest.fixture(scope="module")
def demo_copy(tmp_path_factory):
    """The demo database plus free text that mentions people, and its anonymised copy."""
    from guilin_union.services.demo import populate_demo
    from guilin_union.storage import open_database

    folder = tmp_path_factory.mktemp("anon")
    db = open_database(folder / "demo.db")
    populate_demo(db, seed=11)
    first = db.execute(
        "SELECT id, name, phone FROM members WHERE phone IS NOT NULL ORDER BY id LIMIT 2"
    ).fetchall()
    with db.atomic():
        # A note naming a member, a payment handled by another, a log entry with a phone.
        audit.update(
            db, "members", first[0][0], {"notes": f"与{first[1][1]}同一科室，电话{first[1][2]}"}
        )
        audit.log_event(db, "members", first[1][0], "reveal", note=f"打印{first[1][1]}的完整号码")
    originals = {"names": set(), "numbers": set()}
    for table in ("members", "intake_applications"):
        for name, id_number, phone, staff_no in db.execute(
            f"SELECT name, id_number, phone, staff_no FROM {table}"
        ):
            originals["names"].add(name)
            originals["numbers"] |= {v for v in (id_number, phone) if v}
            if staff_no and len(staff_no) >= 6:
                originals["numbers"].add(staff_no)
    # Issue 22: the relatives and bank accounts of condolence cases are personal data too.
    for relative, account in db.execute(
        "SELECT relative_name, bank_account FROM welfare_payments"
        " WHERE relative_name IS NOT NULL OR bank_account IS NOT NULL"
    ):
        originals["names"] |= {relative} if relative else set()
        originals["numbers"] |= {account} if account else set()
    counts = {
        t: db.execute(f"SELECT count(*) FROM [{t}]").fetchone()[0]
        for t in ("members", "welfare_payments", "change_log", "intake_applications")
    }
    report = anonymize_copy(db, folder / "anon.db")
    db.conn.close()
    return report, originals, counts


def test_copy_contains_none_of_the_original_names_or_numbers(demo_copy):
    report, originals, _counts = demo_copy
    data = report.path.read_bytes()
    schema = "\n".join(
        r[0]
        for r in sqlite3.connect(report.path).execute(
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL"
        )
    )
    assert len(originals["names"]) > 500 and len(originals["numbers"]) > 1000
    # Every stretch of letters/digits and every stretch of CJK text in the raw file; a value
    # present anywhere in the file is inside one of them.
    numbers = b"|".join(re.findall(rb"[0-9A-Za-z]{6,}", data))
    texts = b"|".join(re.findall(rb"(?:[\xe3-\xe9][\x80-\xbf]{2})+", data))
    suspects = [v for v in originals["numbers"] if v.encode() in numbers]
    suspects += [v for v in originals["names"] if v.encode("utf-8") in texts]
    leaked = [v for v in suspects if data.count(v.encode("utf-8")) > schema.count(v)]
    assert leaked == []


def test_copy_keeps_the_shape_of_the_data(demo_copy):
    report, _originals, counts = demo_copy
    conn = sqlite3.connect(report.path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    for table, n in counts.items():
        assert conn.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0] == n
    # Replacement ID numbers are still valid (age and gender rules behave the same) and unique.
    rows = conn.execute(
        "SELECT id_number, birth_date, gender FROM members WHERE id_type = '居民身份证'"
        " AND id_number IS NOT NULL"
    ).fetchall()
    for number, birth, gender in rows[:200]:
        info = parse_id_number(number)
        assert info.birth_date.isoformat() == birth and info.gender == gender
    assert len({r[0] for r in rows}) == len(rows)
    # The change log is still append-only in the copy.
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("DELETE FROM change_log")
    assert report.people == counts["members"]


def test_same_person_gets_the_same_replacement_everywhere(demo_copy):
    report, _originals, _counts = demo_copy
    conn = sqlite3.connect(report.path)
    for member_id, _name in conn.execute("SELECT id, name FROM members WHERE notes LIKE '与%'"):
        note = conn.execute("SELECT notes FROM members WHERE id = ?", [member_id]).fetchone()[0]
        other = note[1 : note.index("同一科室")]
        assert (
            conn.execute("SELECT count(*) FROM members WHERE name = ?", [other]).fetchone()[0] == 1
        )


def test_replacements_never_contain_an_original():
    rep = _Replacer()
    rep.staff_no("201200010")
    rep.id_number("450302200001011234", "2000-01-01", "男")
    # The first synthetic number for person 1 would be 110101...; make it collide on purpose.
    first = rep.map["450302200001011234"]
    rep.staff_no(first[3:12])
    rep.finalize()
    secrets = rep.secrets()
    for value in rep.map.values():
        assert not any(s in value for s in secrets)


def test_trie_pattern_prefers_longer_matches():
    import re

    pattern = re.compile(trie_pattern(["王芳", "王芳芳", "13900000001", "139000000012"]))
    assert pattern.findall("王芳芳和王芳，139000000012") == ["王芳芳", "王芳", "139000000012"]
    assert re.compile(trie_pattern(["丰"]).encode()).findall("张三丰".encode()) == ["丰".encode()]
