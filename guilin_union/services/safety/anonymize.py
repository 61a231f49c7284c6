"""An anonymised copy of the database, to send with a bug report (``anonymize -o FILE.db``).

Every name, ID number, phone and staff number of a person is replaced — consistently, so a
bug that depends on "the same person twice" still shows — and every occurrence of the
originals in any text (notes, the change log, the recycle bin) is replaced as well. The
replacement ID numbers are valid (same birth date and gender, so age and gender rules still
behave) but belong to nobody. Names of the people who used the program (the change log's
user, 经手人 …) are replaced too. The copy is VACUUMed and then scanned byte by byte: if any
original value can still be found, the copy is deleted and an error raised.

>>> # report = anonymize_copy(db, Path("给技术人员的副本.db")); report.people
"""

from __future__ import annotations

import datetime as _dt
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from guilin_union.core.errors import ValidationError
from guilin_union.core.ids import make_resident_id
from guilin_union.core.pinyin import name_initials, name_pinyin
from guilin_union.services.safety.copies import vacuum_copy
from guilin_union.storage.database import database_path

# Columns that hold the name of a person using or signing for the union.
PERSON_NAME_COLUMNS = {
    "chair",
    "handler",
    "head_name",
    "contact",
    "contact_person",
    "signer",
    "proposer_name",
    "person",
    "reviewer",
    "recorded_by",
    "overridden_by",
    "reviewed_by",
    "decided_by",
    "branch_reviewed_by",
    "os_user",
    "created_by",
    "updated_by",
    "approved_by",
    "responsible",
    "leader",
    "teacher",
    "restored_by",
    # issue 22: the people of a condolence case
    "relative_name",
    "recipient_name",
    "leader_name",
}
# Tables whose ``name`` column is a person who is not in the register (issue 24).
NAME_TABLES = {"member_family"}
# Personal details that are not names: replaced by a fixed text, never kept (issue 22).
CLEARED_COLUMNS = {
    "bank_name": "（已隐去）",
    "address": "（已隐去）",
    # issue 24: the 实名制 fields
    "home_address": "（已隐去）",
    "email": "hidden@example.invalid",
    "postcode": "000000",
    "native_place": "（已隐去）",
}
# Per-person columns in tables that describe people (tables having an ``id_number`` column).
_PERSON_TABLE_COLUMNS = ("name", "id_number", "phone", "staff_no")
_MIN_SECRET = {
    "name": 2,
    "id_number": 8,
    "phone": 7,
    "staff_no": 6,
    "person": 3,
    "account": 8,
    "detail": 4,
}


@dataclass
class AnonymizeReport:
    path: Path
    people: int
    values_replaced: int
    rows_changed: int

    def to_json(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "people": self.people,
            "values_replaced": self.values_replaced,
            "rows_changed": self.rows_changed,
        }


class _Replacer:
    """Original value -> replacement, consistent across tables.

    A replacement never contains any original as a part (a synthetic ID number could by
    chance contain someone's staff number): :meth:`finalize` picks another one.
    """

    _SUFFIXES = "甲乙丙丁戊己庚辛壬癸"
    _PHONE_PREFIXES = ("199", "198", "197", "196", "195", "166", "191", "193")

    def __init__(self) -> None:
        self.map: dict[str, str] = {}
        self.kinds: dict[str, str] = {}
        self._serial: dict[str, int] = {}
        self._extra: dict[str, tuple[str | None, str | None]] = {}
        self._counters: dict[str, int] = {}

    def _add(
        self, kind: str, original: str, extra: tuple[str | None, str | None] = (None, None)
    ) -> str:
        if original not in self.map:
            n = self._counters.get(kind, 0) + 1
            self._counters[kind] = n
            self.kinds[original] = kind
            self._serial[original] = n
            self._extra[original] = extra
            self.map[original] = self._candidate(original, 0)
        return self.map[original]

    def _candidate(self, original: str, attempt: int) -> str:
        kind, n = self.kinds[original], self._serial[original]
        if kind == "name":
            return f"测试会员{n:05d}" + (
                self._SUFFIXES[attempt % 10] * (1 + attempt // 10) if attempt else ""
            )
        if kind == "id_number":
            birth, gender = self._extra[original]
            try:
                if birth and gender in ("男", "女") and len(original) == 18:
                    region = 110101 + ((n // 100) + attempt * 97) * 100
                    value = make_resident_id(
                        str(region), _dt.date.fromisoformat(birth[:10]), n % 100, gender
                    )
                    if value != original:
                        return value
            except ValueError:
                pass
            return f"TEST{attempt:02d}{n:08d}"
        if kind == "phone":
            return f"{self._PHONE_PREFIXES[attempt % len(self._PHONE_PREFIXES)]}{(n + attempt * 7919) % 10**8:08d}"
        if kind == "staff_no":
            return f"T{attempt:02d}{n:06d}" if attempt else f"T{n:06d}"
        if kind == "account":
            return f"9{attempt:02d}{n:013d}"
        if kind == "detail":
            return f"（已隐去{n:04d}）" + (self._SUFFIXES[attempt % 10] if attempt else "")
        return f"用户{n:03d}" + (self._SUFFIXES[attempt % 10] if attempt else "")

    def name(self, original: str) -> str:
        return self._add("name", original)

    def id_number(self, original: str, birth: str | None, gender: str | None) -> str:
        return self._add("id_number", original, (birth, gender))

    def phone(self, original: str) -> str:
        return self._add("phone", original)

    def staff_no(self, original: str) -> str:
        return self._add("staff_no", original)

    def person(self, original: str) -> str:
        return self._add("person", original)

    def account(self, original: str) -> str:
        return self._add("account", original)

    def detail(self, original: str) -> str:
        return self._add("detail", original)

    def secrets(self) -> dict[str, str]:
        """Originals long enough to be searched for in free text (short staff numbers such as
        "201" would also match inside dates, so they are only replaced as whole cells)."""
        return {k: v for k, v in self.map.items() if len(k) >= _MIN_SECRET.get(self.kinds[k], 2)}

    def finalize(self) -> None:
        secrets = sorted(self.secrets(), key=len, reverse=True)
        if not secrets:
            return
        pattern = re.compile(trie_pattern(secrets))
        taken = set(self.map.values())
        for original in list(self.map):
            attempt = 0
            while pattern.search(self.map[original]) and attempt < 60:
                attempt += 1
                candidate = self._candidate(original, attempt)
                if candidate not in taken:
                    taken.discard(self.map[original])
                    self.map[original] = candidate
                    taken.add(candidate)


def trie_pattern(words: list[str]) -> str:
    """A regex matching any of ``words``, built as a trie so thousands of alternatives stay
    fast (Python's ``re`` tries a flat alternation one word at a time). Longer words win.

    >>> import re
    >>> re.findall(trie_pattern(["张三", "张三丰", "李四"]), "张三丰和李四")
    ['张三丰', '李四']
    """
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch != ""]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return f"(?:{body})?"  # grouped: a bare "?" would bind to one byte of a CJK character
        return body

    return build(trie)


def _tables(conn: sqlite3.Connection) -> list[str]:
    return [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA table_info([{table}])")]


def _collect(conn: sqlite3.Connection, rep: _Replacer) -> int:
    """Register the people of every person table (members first, so their numbers are stable)."""
    people = 0
    tables = _tables(conn)
    person_tables = sorted(
        (t for t in tables if "id_number" in _columns(conn, t)), key=lambda t: (t != "members", t)
    )
    for table in person_tables:
        cols = _columns(conn, table)
        wanted = [
            c
            for c in ("name", "id_number", "phone", "staff_no", "birth_date", "gender")
            if c in cols
        ]
        for row in conn.execute(f"SELECT {', '.join(f'[{c}]' for c in wanted)} FROM [{table}]"):
            values = dict(zip(wanted, row))
            if table == "members":
                people += 1
            if values.get("name"):
                rep.name(str(values["name"]))
            if values.get("id_number"):
                rep.id_number(
                    str(values["id_number"]), values.get("birth_date"), values.get("gender")
                )
            if values.get("phone"):
                rep.phone(str(values["phone"]))
            if values.get("staff_no"):
                rep.staff_no(str(values["staff_no"]))
    for table in tables:
        for column in _columns(conn, table):
            if column == "bank_account":  # replaced everywhere, the change log included
                for (value,) in conn.execute(
                    f"SELECT DISTINCT [{column}] FROM [{table}] WHERE [{column}] IS NOT NULL"
                ):
                    if isinstance(value, str) and value.strip():
                        rep.account(value)
            if column in CLEARED_COLUMNS:  # addresses, e-mails…: replaced everywhere too
                for (value,) in conn.execute(
                    f"SELECT DISTINCT [{column}] FROM [{table}] WHERE [{column}] IS NOT NULL"
                ):
                    if isinstance(value, str) and len(value.strip()) >= 4:
                        rep.detail(value)
            if column in PERSON_NAME_COLUMNS or (table in NAME_TABLES and column == "name"):
                for (value,) in conn.execute(
                    f"SELECT DISTINCT [{column}] FROM [{table}] WHERE [{column}] IS NOT NULL"
                ):
                    if isinstance(value, str) and value.strip() and value not in rep.map:
                        rep.person(value)
    return people


def _rewrite(conn: sqlite3.Connection, rep: _Replacer) -> int:
    """Replace every original in every text cell; returns the number of rows changed."""
    secrets = rep.secrets()
    if not secrets:
        return 0
    pattern = re.compile(trie_pattern(list(secrets)))
    changed = 0
    for table in _tables(conn):
        cols = _columns(conn, table)
        if not cols:
            continue
        person_table = "id_number" in cols
        updates: list[tuple[list[Any], int]] = []
        names = ", ".join(f"[{c}]" for c in cols)
        for row in conn.execute(f"SELECT rowid, {names} FROM [{table}]"):
            rowid, values = row[0], list(row[1:])
            new_values = list(values)
            for i, (column, value) in enumerate(zip(cols, values)):
                if not isinstance(value, str) or not value:
                    continue
                if column in CLEARED_COLUMNS:
                    new_values[i] = CLEARED_COLUMNS[column]
                    continue
                if (
                    person_table
                    and column in _PERSON_TABLE_COLUMNS
                    or column in PERSON_NAME_COLUMNS
                    or (table in NAME_TABLES and column == "name")
                ):
                    if value in rep.map:
                        new_values[i] = rep.map[value]
                        continue
                new_values[i] = pattern.sub(lambda m: secrets[m.group(0)], value)
            if person_table and "name" in cols:
                name_value = new_values[cols.index("name")]
                if isinstance(name_value, str):
                    for column, func in (
                        ("name_initials", name_initials),
                        ("name_pinyin", name_pinyin),
                    ):
                        if column in cols:
                            new_values[cols.index(column)] = func(name_value)
            if new_values != values:
                updates.append((new_values, rowid))
        if updates:
            assignments = ", ".join(f"[{c}] = ?" for c in cols)
            conn.executemany(
                f"UPDATE [{table}] SET {assignments} WHERE rowid = ?", [[*v, r] for v, r in updates]
            )
            changed += len(updates)
    return changed


def _leftovers(path: Path, secrets: list[str]) -> list[str]:
    """Originals still present anywhere in the file's bytes (outside the schema's own SQL
    text, where a user name such as "root" may legitimately occur in a comment)."""
    if not secrets:
        return []
    data = path.read_bytes()
    from guilin_union.storage.uri import connect_read_only

    conn = connect_read_only(path)
    try:
        schema = "\n".join(
            r[0] for r in conn.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL")
        )
    finally:
        conn.close()
    pattern = re.compile(trie_pattern(secrets).encode("utf-8"))
    found: dict[bytes, int] = {}
    for match in pattern.finditer(data):
        found[match.group(0)] = found.get(match.group(0), 0) + 1
    schema_bytes = schema.encode("utf-8")
    return [key.decode("utf-8") for key, n in found.items() if n > schema_bytes.count(key)]


def anonymize_copy(db: sqlite_utils.Database, out_path: str | Path) -> AnonymizeReport:
    """Write the anonymised copy to ``out_path`` (atomically; an existing file is replaced)."""
    out = Path(out_path)
    source = database_path(db)
    if source is not None and out.exists() and out.resolve() == source.resolve():
        raise ValidationError("不能覆盖正在使用的数据文件，请换一个文件名")
    with vacuum_copy(db, out) as temp:
        conn = sqlite3.connect(str(temp))
        conn.isolation_level = None
        try:
            conn.execute("PRAGMA secure_delete = ON")
            conn.execute("PRAGMA foreign_keys = OFF")
            triggers = [
                r[0]
                for r in conn.execute(
                    "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'change_log'"
                )
            ]
            rep = _Replacer()
            conn.execute("BEGIN")
            # The change log is append-only in the real file; in this throw-away copy its
            # triggers are lifted for the rewrite and put back afterwards.
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'change_log'"
            ).fetchall():
                conn.execute(f"DROP TRIGGER [{name}]")
            people = _collect(conn, rep)
            rep.finalize()
            cells = _rewrite(conn, rep)
            if "member_photos" in _tables(conn):  # faces are personal data (issue 24)
                conn.execute("DELETE FROM member_photos")
            for sql in triggers:
                conn.execute(sql)
            conn.execute("COMMIT")
            conn.execute("VACUUM")  # rebuild every page: no stale copy of an original stays behind
        finally:
            conn.close()
        left = _leftovers(temp, list(rep.secrets()))
        if left:
            raise ValidationError(
                f"匿名化副本中仍能找到 {len(left)} 个原始值，已放弃生成。请把此情况告诉技术人员。"
            )
    return AnonymizeReport(out, people, len(rep.map), cells)
