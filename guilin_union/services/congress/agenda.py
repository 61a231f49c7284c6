"""会议议程: 预备会议 and 正式会议 items in order; the standard agenda; copying an earlier one.

>>> # apply_standard_agenda(db, session_id)            # start from the standard agenda
>>> # copy_agenda(db, from_session_id, session_id)     # or from an earlier session
>>> # move_item(db, item_id, -1)                       # one place up within its part
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from guilin_union.core.congress import AGENDA_PARTS
from guilin_union.core.errors import ConflictError, NotFoundError, ValidationError
from guilin_union.core.text import clean_cell_text, to_halfwidth
from guilin_union.services import congress, settings
from guilin_union.services.changes import Changes, OpResult
from guilin_union.services.ordering import moved
from guilin_union.services.row_undo import delete_row, removable, restorable
from guilin_union.storage import audit

AREA = congress.AREA
ITEM_FIELDS = (
    "part",
    "item_date",
    "start_time",
    "end_time",
    "content",
    "presider",
    "reporter",
    "place",
    "notes",
)
_TIME_RE = re.compile(r"^(\d{1,2})[:：.](\d{2})$")


@dataclass(frozen=True)
class AgendaItem:
    id: int
    session_id: int
    part: str
    position: int
    item_date: str | None
    start_time: str | None
    end_time: str | None
    content: str
    presider: str | None
    reporter: str | None
    place: str | None
    notes: str | None

    @property
    def time_range(self) -> str:
        """``08:30—09:00`` (or one end only)."""
        if self.start_time and self.end_time:
            return f"{self.start_time}—{self.end_time}"
        return self.start_time or self.end_time or ""


def list_items(db: sqlite_utils.Database, session_id: int) -> list[AgendaItem]:
    """The agenda in printed order: 预备会议 first, then 正式会议, each by position."""
    sql = (
        "SELECT id, session_id, part, position, item_date, start_time, end_time, content, presider, reporter,"
        " place, notes FROM congress_agenda_items WHERE session_id = ?"
        " ORDER BY CASE part WHEN '预备会议' THEN 0 ELSE 1 END, position, id"
    )
    return [AgendaItem(*r) for r in db.execute(sql, [session_id])]


def get_item(db: sqlite_utils.Database, item_id: int) -> AgendaItem:
    for row in db.execute(
        "SELECT session_id FROM congress_agenda_items WHERE id = ?", [item_id]
    ).fetchall():
        for item in list_items(db, row[0]):
            if item.id == item_id:
                return item
    raise NotFoundError("议程项不存在（可能已被删除）")


def parse_time(value: Any, field: str) -> str | None:
    """``8:30``, ``08：30``, ``8.30`` → ``08:30``.

    >>> parse_time("8：30", "start_time")
    '08:30'
    """
    if value is None:
        return None
    text = to_halfwidth(clean_cell_text(str(value))).replace(" ", "")
    if not text:
        return None
    match = _TIME_RE.match(text)
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise ValidationError(f"时间“{value}”无法识别，请写成 08:30", field)
    return f"{int(match[1]):02d}:{match[2]}"


def _clean(data: Mapping[str, Any]) -> dict[str, Any]:
    from guilin_union.core.dates import parse_date

    part = data.get("part") or "正式会议"
    if part not in AGENDA_PARTS:
        raise ValidationError("议程部分应为：" + "、".join(AGENDA_PARTS), "part")
    content = clean_cell_text(str(data.get("content") or ""))
    if not content:
        raise ValidationError("议程内容不能为空", "content")
    start = parse_time(data.get("start_time"), "start_time")
    end = parse_time(data.get("end_time"), "end_time")
    if start and end and end < start:
        raise ValidationError("结束时间不能早于开始时间", "end_time")
    item_date = data.get("item_date")
    out = {
        "part": part,
        "item_date": parse_date(item_date, field="item_date").isoformat()
        if item_date not in (None, "")
        else None,
        "start_time": start,
        "end_time": end,
        "content": content,
    }
    for key in ("presider", "reporter", "place", "notes"):
        out[key] = clean_cell_text(str(data.get(key) or "")) or None
    return out


def _next_position(db: sqlite_utils.Database, session_id: int, part: str) -> int:
    return db.execute(
        "SELECT coalesce(max(position), 0) + 1 FROM congress_agenda_items WHERE session_id = ? AND part = ?",
        [session_id, part],
    ).fetchone()[0]


def add_item(db: sqlite_utils.Database, session_id: int, data: Mapping[str, Any]) -> OpResult:
    """Append an item at the end of its part."""
    row = _clean(data)
    with db.atomic():
        congress.get_session(db, session_id)
        row_id = audit.insert(
            db,
            "congress_agenda_items",
            {
                "session_id": session_id,
                "position": _next_position(db, session_id, row["part"]),
                **row,
            },
        )
    return removable("congress_agenda_items", row_id, Changes.of(AREA))


def update_item(db: sqlite_utils.Database, item_id: int, data: Mapping[str, Any]) -> OpResult:
    with db.atomic():
        item = get_item(db, item_id)
        merged = {k: getattr(item, k) for k in ITEM_FIELDS}
        merged.update(data)
        row = _clean(merged)
        if row["part"] != item.part:
            row["position"] = _next_position(db, item.session_id, row["part"])
        before = audit.update(db, "congress_agenda_items", item_id, row)
    return restorable("congress_agenda_items", before, Changes.of(AREA), undo=before)


def delete_item(db: sqlite_utils.Database, item_id: int) -> OpResult:
    """Delete one item; the result's ``inverse`` puts it back with its id."""
    get_item(db, item_id)
    return delete_row(
        db, "congress_agenda_items", item_id, Changes.of(AREA), missing="议程项不存在"
    )


def set_order(
    db: sqlite_utils.Database, session_id: int, part: str, item_ids: Sequence[int]
) -> OpResult:
    """Store a new order for one part (after a drag): ``item_ids`` top to bottom."""
    with db.atomic():
        current = [i.id for i in list_items(db, session_id) if i.part == part]
        if sorted(current) != sorted(item_ids):
            raise ValidationError("议程项目已变化，请刷新后重试")
        for position, item_id in enumerate(item_ids, start=1):
            audit.update(db, "congress_agenda_items", item_id, {"position": position})
    return OpResult(Changes.of(AREA), session_id)


def move_item(db: sqlite_utils.Database, item_id: int, delta: int) -> OpResult:
    """Move an item up (``-1``) or down (``+1``) within its part; at an end nothing moves."""
    with db.atomic():
        item = get_item(db, item_id)
        ids = [i.id for i in list_items(db, item.session_id) if i.part == item.part]
        order = moved(ids, item_id, delta)
        if order is not None:
            set_order(db, item.session_id, item.part, order)
    return OpResult(Changes.of(AREA), item_id)


def standard_agenda(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """The standard agenda (a setting; domain.md §2)."""
    value = settings.get(db, "congress_standard_agenda")
    return [dict(item) for item in value if isinstance(item, Mapping)]


def _fill(
    db: sqlite_utils.Database,
    session_id: int,
    items: list[dict[str, Any]],
    replace: bool,
    note: str,
) -> int:
    session = congress.get_session(db, session_id)
    existing = list_items(db, session_id)
    if existing and not replace:
        raise ConflictError(
            f"“{session.title}”已有 {len(existing)} 项议程；如要替换，请确认后再操作。"
        )
    for item in existing:
        audit.delete(db, "congress_agenda_items", item.id, note=note)
    positions: dict[str, int] = {}
    for data in items:
        row = _clean(data)
        positions[row["part"]] = positions.get(row["part"], 0) + 1
        if not row["place"]:
            row["place"] = session.venue
        row["item_date"] = row["item_date"] or session.start_date
        audit.insert(
            db,
            "congress_agenda_items",
            {"session_id": session_id, "position": positions[row["part"]], **row},
            note=note,
        )
    return len(items)


def apply_standard_agenda(
    db: sqlite_utils.Database, session_id: int, *, replace: bool = False
) -> OpResult:
    """Start from the standard agenda (places and dates taken from the session)."""
    with db.atomic():
        count = _fill(db, session_id, standard_agenda(db), replace, "采用标准议程")
    return OpResult(Changes.of(AREA), count)


def copy_agenda(
    db: sqlite_utils.Database, from_session_id: int, to_session_id: int, *, replace: bool = False
) -> OpResult:
    """Copy an earlier session's agenda; its dates move to the new session's first day."""
    if from_session_id == to_session_id:
        raise ValidationError("不能从同一次会议复制议程")
    with db.atomic():
        source = congress.get_session(db, from_session_id)
        items = list_items(db, from_session_id)
        if not items:
            raise ConflictError(f"“{source.title}”没有议程可复制")
        target = congress.get_session(db, to_session_id)
        data = []
        for i in items:
            row = {k: getattr(i, k) for k in ITEM_FIELDS}
            # A two-day agenda stays two days: dates keep their distance from the first day.
            if i.item_date:
                row["item_date"] = (
                    target.date + (_dt.date.fromisoformat(i.item_date) - source.date)
                ).isoformat()
            if i.place == source.venue:
                row["place"] = None  # the new session's venue is filled in
            data.append(row)
        count = _fill(db, to_session_id, data, replace, f"从“{source.title}”复制议程")
    return OpResult(Changes.of(AREA), count)
