"""会员编号: numbers made by a rule that is a setting, unique, and never given out twice.

The rule is a pattern with placeholders (a setting, default ``{年份}{分工会代码}{序号}``):

- ``{年份}`` the four-digit year of joining, ``{年份2}`` its last two digits;
- ``{分工会代码}`` the 分工会's code (its two-digit code in 分工会管理);
- ``{序号}`` a running number, zero-padded to ``member_no_sequence_digits`` (default 4).

The running number counts up per "everything else" (by default per year and 分工会) from the
highest number ever issued with that prefix, so a deleted member's number is never reused:
every issued number is kept in ``member_numbers_issued``.

>>> render_rule("{年份}{分工会代码}{序号}", year=2024, branch_code="03", sequence=7, digits=4)
'2024030007'
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import sqlite_utils

from guilin_union.core.errors import ConflictError, ValidationError
from guilin_union.services import settings
from guilin_union.services.common_query import column_values, other_row
from guilin_union.storage import audit

DEFAULT_RULE = "{年份}{分工会代码}{序号}"
settings.register_defaults(
    {
        "member_no_rule": (DEFAULT_RULE, "会员编号规则"),
        "member_no_sequence_digits": (4, "会员编号序号位数"),
    }
)

PLACEHOLDERS = {
    "年份": "入会年份（4位）",
    "年份2": "入会年份后2位",
    "分工会代码": "分工会代码",
    "序号": "流水号",
}
_TOKEN_RE = re.compile(r"\{([^{}]*)\}")
_ALLOWED_LITERAL_RE = re.compile(r"^[A-Za-z0-9\-_]*$")


def validate_rule(rule: str) -> str:
    """Check a rule: known placeholders only, exactly one ``{序号}`` at the end, plain
    letters/digits/-/_ elsewhere (a number is typed and searched; keep it simple).

    >>> validate_rule("GL{年份2}-{序号}")
    'GL{年份2}-{序号}'
    >>> validate_rule("{年份}{姓名}{序号}")
    Traceback (most recent call last):
    ...
    guilin_union.core.errors.ValidationError: 会员编号规则中的“{姓名}”无法识别，可用：{年份}、{年份2}、{分工会代码}、{序号}
    """
    text = (rule or "").strip()
    names = _TOKEN_RE.findall(text)
    for name in names:
        if name not in PLACEHOLDERS:
            allowed = "、".join(f"{{{p}}}" for p in PLACEHOLDERS)
            raise ValidationError(
                f"会员编号规则中的“{{{name}}}”无法识别，可用：{allowed}", "member_no_rule"
            )
    if names.count("序号") != 1 or not text.endswith("{序号}"):
        raise ValidationError("会员编号规则必须以{序号}结尾，且只含一个{序号}", "member_no_rule")
    literal = _TOKEN_RE.sub("", text)
    if not _ALLOWED_LITERAL_RE.match(literal):
        raise ValidationError(
            "会员编号规则中除占位符外只能使用英文字母、数字、“-”和“_”", "member_no_rule"
        )
    return text


def render_rule(rule: str, *, year: int, branch_code: str, sequence: int, digits: int) -> str:
    """Fill in a (valid) rule."""
    return rule_prefix(rule, year=year, branch_code=branch_code) + f"{sequence:0{digits}d}"


def rule_prefix(rule: str, *, year: int, branch_code: str) -> str:
    """Everything before the running number (the sequence counts per prefix)."""
    head = rule[: rule.rindex("{序号}")]
    values = {
        "年份": f"{year:04d}",
        "年份2": f"{year % 100:02d}",
        "分工会代码": branch_code or "00",
    }
    return _TOKEN_RE.sub(lambda m: values[m.group(1)], head)


def current_rule(db: sqlite_utils.Database) -> tuple[str, int]:
    rule = validate_rule(str(settings.get(db, "member_no_rule") or DEFAULT_RULE))
    digits = int(settings.get(db, "member_no_sequence_digits") or 4)
    if not 1 <= digits <= 8:
        raise ValidationError("会员编号序号位数应在1到8之间", "member_no_sequence_digits")
    return rule, digits


def _branch_code(db: sqlite_utils.Database, branch_id: int) -> str:
    row = db.execute("SELECT code, id FROM branches WHERE id = ?", [branch_id]).fetchone()
    if row is None:
        raise ValidationError("分工会不存在", "branch")
    return row[0] or f"{row[1]:02d}"


class NumberIssuer:
    """Issues numbers in bulk inside one transaction (an import of 5,000 members asks the
    database once per prefix, not once per member).

    >>> # issuer = NumberIssuer(db); issuer.next(branch_id=3, year=2024) -> '2024030001'
    """

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self.rule, self.digits = current_rule(db)
        self._next: dict[str, int] = {}
        self._codes: dict[int, str] = {}
        self._taken: set[str] = set()

    def _highest(self, prefix: str) -> int:
        """The highest running number used with ``prefix`` in the issued list or the register
        (numbers typed by hand or imported count as used too)."""
        top = 0
        like = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        for table in ("member_numbers_issued", "members"):
            for (number,) in self.db.execute(
                f"SELECT member_no FROM {table} WHERE member_no LIKE ? ESCAPE '\\'", [like]
            ):
                tail = number[len(prefix) :] if number else ""
                if tail.isdigit() and len(tail) >= self.digits:
                    top = max(top, int(tail))
        return top

    def peek(self, *, branch_id: int, year: int) -> str:
        """The number :meth:`next` would give, without reserving it."""
        prefix = self._prefix(branch_id, year)
        sequence = self._next.get(prefix) or self._highest(prefix) + 1
        return prefix + f"{sequence:0{self.digits}d}"

    def _prefix(self, branch_id: int, year: int) -> str:
        if branch_id not in self._codes:
            self._codes[branch_id] = _branch_code(self.db, branch_id)
        return rule_prefix(self.rule, year=year, branch_code=self._codes[branch_id])

    def next(self, *, branch_id: int, year: int) -> str:
        prefix = self._prefix(branch_id, year)
        if prefix not in self._next:
            self._next[prefix] = self._highest(prefix) + 1
        while True:
            sequence = self._next[prefix]
            self._next[prefix] = sequence + 1
            if len(str(sequence)) > self.digits:
                raise ConflictError(
                    f"会员编号前缀“{prefix}”的{self.digits}位流水号已用完，请在设置中增加序号位数"
                )
            number = prefix + f"{sequence:0{self.digits}d}"
            if number not in self._taken:
                self._taken.add(number)
                return number


def preview_number(db: sqlite_utils.Database, branch_id: int, year: int) -> str:
    """The next number for a 分工会 and year (shown before approval; nothing reserved)."""
    return NumberIssuer(db).peek(branch_id=branch_id, year=year)


def issued_numbers(db: sqlite_utils.Database) -> set[str]:
    """Every number ever issued or present in the register."""
    numbers = set(column_values(db, "SELECT member_no FROM member_numbers_issued"))
    numbers |= set(column_values(db, "SELECT member_no FROM members WHERE member_no IS NOT NULL"))
    return numbers


def record_issued(
    db: sqlite_utils.Database, rows: Iterable[tuple[str, int | None]], *, source: str
) -> int:
    """Remember numbers as issued (call inside the caller's transaction). Numbers already
    recorded are left as they are. Returns how many were new."""
    now = audit.now_iso()
    data = [(number, member_id, now, source) for number, member_id in rows if number]
    before = db.execute("SELECT count(*) FROM member_numbers_issued").fetchone()[0]
    db.conn.executemany(
        "INSERT OR IGNORE INTO member_numbers_issued (member_no, member_id, issued_at, source)"
        " VALUES (?, ?, ?, ?)",
        data,
    )
    return db.execute("SELECT count(*) FROM member_numbers_issued").fetchone()[0] - before


def number_in_use(
    db: sqlite_utils.Database, number: str, *, member_id: int | None = None
) -> str | None:
    """Why ``number`` cannot be given to ``member_id`` (a Chinese message), or None."""
    row = other_row(db, "members", member_id, {"member_no": number}, "id, name")
    if row:
        return f"会员编号“{number}”已被会员“{row[1]}”使用"
    issued = db.execute(
        "SELECT member_id FROM member_numbers_issued WHERE member_no = ?", [number]
    ).fetchone()
    if issued and issued[0] != member_id:
        return f"会员编号“{number}”曾经发放过，编号不能重复使用"
    return None
