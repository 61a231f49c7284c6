"""Union activities (活动): the activity record, its events (项目), attachments, lists.

Registration lives in :mod:`activities_registration`, results and team points in
:mod:`activities_results`, budget in :mod:`activities_budget`, the sign-up import in
:mod:`activities_import` and printouts/exports in :mod:`activities_outputs`.

>>> from guilin_union.storage import open_database
>>> db = open_database(":memory:")
>>> result = save_activity(db, {"name": "教职工气排球比赛", "type": "文体活动",
...                             "start_date": "2024-05-10", "events": ["男子组", "女子组"]})
>>> get_activity(db, result.row_id)["events"][1]["name"]
'女子组'
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import sqlite_utils

from guilin_union.core.activities import (
    ACTIVITY_STATUSES,
    EVENT_KINDS,
    ORGANISER_KINDS,
)
from guilin_union.core.dates import parse_date
from guilin_union.core.errors import ConflictError, NotFoundError, ValidationError
from guilin_union.core.text import clean_cell_text, to_halfwidth
from guilin_union.services import row_undo, settings
from guilin_union.services.changes import Changes, OpResult
from guilin_union.services.common_query import (
    SortedQuery,
    SortOrder,
    add_filters,
    chunks,
    column_values,
    in_order,
    pick,
    select_rows,
    where_sql,
)
from guilin_union.services.members import branches as branches_service
from guilin_union.storage import audit

AREA = "activities"
CHANGES = Changes.of(AREA)

# Every list and number the rules depend on is a setting (domain.md §4).
DEFAULT_TYPES = [
    "文体活动",
    "评选",
    "征文/书法展",
    "劳模工匠进校园",
    "教师节庆祝",
    "技能竞赛",
    "单身联谊",
    "疗休养",
    "志愿服务",
    "其他",
]
DEFAULT_ROLES = ["运动员", "领队", "教练", "裁判", "工作人员", "观众"]
DEFAULT_EXPENSE_CATEGORIES = ["器材", "服装", "场地", "交通", "奖品", "餐费", "其他"]
DEFAULT_AWARDS = ["一等奖", "二等奖", "三等奖", "优秀奖", "金奖", "银奖", "铜奖", "最佳组织奖"]

settings.register_defaults(
    {
        "activity_types": (DEFAULT_TYPES, "活动类型"),
        "activity_roles": (DEFAULT_ROLES, "活动中的角色"),
        "activity_expense_categories": (DEFAULT_EXPENSE_CATEGORIES, "活动经费支出科目"),
        "activity_awards": (DEFAULT_AWARDS, "奖项名称（可直接输入其他名称）"),
        "activity_point_scheme": ("7,5,4,3,2,1", "团体总分计分办法（第1名起各名次得分，逗号分隔）"),
        "activity_tie_points": (
            "平分",
            "名次并列时的得分：平分（平分所占名次的分数）或同分（各得该名次分数）",
        ),
        "activity_roles_outside_places": (["裁判", "工作人员"], "不占报名名额的角色"),
        "activity_eligible_statuses": (["在会", "保留会籍"], "可以报名参加活动的会籍状态"),
    }
)

#: The area's list settings (one entry a line in 活动设置) and their labels.
LIST_SETTINGS: dict[str, str] = {
    "activity_types": "活动类型",
    "activity_roles": "角色",
    "activity_expense_categories": "支出科目",
    "activity_awards": "奖项",
    "activity_roles_outside_places": "不占名额的角色",
    "activity_eligible_statuses": "可报名的会籍状态",
}

FIELD_LABELS: dict[str, str] = {
    **LIST_SETTINGS,
    "activity_point_scheme": "团体总分计分办法",
    "activity_tie_points": "并列名次的得分",
    "name": "活动名称",
    "type": "活动类型",
    "organiser_kind": "主办方",
    "organiser_branch": "主办分工会",
    "organiser_name": "主办单位名称",
    "start_date": "开始日期",
    "end_date": "结束日期",
    "place": "地点",
    "signup_deadline": "报名截止",
    "places": "名额",
    "event_limit": "每人限报项目数",
    "description": "活动内容",
    "workpoint_item_id": "对应工作要点",
    "summary": "活动总结",
    "status": "状态",
    "events": "比赛项目",
}
MAX_NAME = 100


def setting_list(db: sqlite_utils.Database, key: str) -> list[str]:
    """A list setting, tolerant of a value typed as one string (``"器材、服装"``)."""
    value = settings.get(db, key)
    if isinstance(value, str):
        value = [
            v
            for v in (p.strip() for p in value.replace("，", "、").replace(",", "、").split("、"))
            if v
        ]
    return [str(v) for v in (value or [])]


def activity_types(db: sqlite_utils.Database) -> list[str]:
    return setting_list(db, "activity_types")


def used_types(db: sqlite_utils.Database) -> list[str]:
    """Types that activities actually carry (an old type may have left the settings list)."""
    return column_values(db, "SELECT DISTINCT type FROM activities ORDER BY type")


def roles(db: sqlite_utils.Database) -> list[str]:
    return setting_list(db, "activity_roles")


def expense_categories(db: sqlite_utils.Database) -> list[str]:
    return setting_list(db, "activity_expense_categories")


def award_names(db: sqlite_utils.Database) -> list[str]:
    return setting_list(db, "activity_awards")


# ---------------------------------------------------------------- validation


class ActivityValidationError(ValidationError):
    """Several fields failed; ``errors`` maps field key -> Chinese message (shown by the form)."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = errors
        text = "；".join(f"{FIELD_LABELS.get(k, k)}：{v}" for k, v in errors.items())
        super().__init__(text, next(iter(errors), None))


@dataclass(frozen=True)
class EventInput:
    """One event as the form hands it over; ``id`` is None for a new event."""

    name: str
    kind: str = "个人"
    points_weight: int = 1
    id: int | None = None


def _event_input(value: Any) -> EventInput:
    if isinstance(value, EventInput):
        return value
    if isinstance(value, str):
        return EventInput(value)
    if isinstance(value, Mapping):
        return EventInput(
            name=str(value.get("name") or ""),
            kind=str(value.get("kind") or "个人"),
            points_weight=value.get("points_weight", 1),
            id=value.get("id"),
        )
    raise ValidationError(f"无法识别的项目：{value!r}", "events")


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = clean_cell_text(str(value))
    return text or None


def _optional_count(value: Any, key: str, errors: dict[str, str]) -> int | None:
    """A positive whole number, or None for 不限 (blank or 0)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        errors[key] = "应填写整数"
        return None
    try:
        number = int(to_halfwidth(str(value)).strip()) if not isinstance(value, int) else value
    except ValueError:
        errors[key] = f"“{value}”不是整数"
        return None
    if number < 0:
        errors[key] = "不能为负数"
        return None
    return number or None


def _date(value: Any, key: str, errors: dict[str, str]) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        return parse_date(value, field=key).isoformat()
    except ValidationError as exc:
        errors[key] = exc.message
        return None


def validate_activity(
    db: sqlite_utils.Database, data: Mapping[str, Any], *, activity_id: int | None = None
) -> tuple[dict[str, Any], list[EventInput]]:
    """Check every field; return the row for ``activities`` and the cleaned events.

    Raises :class:`ActivityValidationError` listing every problem at once.
    """
    errors: dict[str, str] = {}
    row: dict[str, Any] = {}
    current = get_activity_row(db, activity_id) if activity_id is not None else None

    name = _text(data.get("name"))
    if not name:
        errors["name"] = "请填写活动名称"
    elif len(name) > MAX_NAME:
        errors["name"] = f"活动名称过长（不超过{MAX_NAME}个字）"
    row["name"] = name

    kind = _text(data.get("type"))
    allowed = activity_types(db)
    if not kind:
        errors["type"] = "请选择活动类型"
    elif kind not in allowed and not (current and current["type"] == kind):
        errors["type"] = f"活动类型“{kind}”不在类型列表中，可选：{'、'.join(allowed)}"
    row["type"] = kind

    organiser = _text(data.get("organiser_kind")) or "校工会"
    row["organiser_kind"] = organiser
    row["organiser_branch_id"] = None
    row["organiser_name"] = _text(data.get("organiser_name"))
    if organiser not in ORGANISER_KINDS:
        errors["organiser_kind"] = "主办方应为：" + "、".join(ORGANISER_KINDS)
    elif organiser == "分工会":
        branch_id = data.get("organiser_branch_id")
        branch_name = _text(data.get("organiser_branch"))
        if branch_id is None and branch_name:
            branch_id = branches_service.find_branch_id(db, branch_name)
            if branch_id is None:
                errors["organiser_branch"] = branches_service.unknown_branch_message(
                    db, branch_name
                )
        elif branch_id is None:
            errors["organiser_branch"] = "请选择主办的分工会"
        elif not db.execute("SELECT 1 FROM branches WHERE id = ?", [branch_id]).fetchone():
            errors["organiser_branch"] = "分工会不存在"
        row["organiser_branch_id"] = branch_id

    start = _date(data.get("start_date"), "start_date", errors)
    if start is None and "start_date" not in errors:
        errors["start_date"] = "请填写开始日期（用于按年度归档）"
    end = _date(data.get("end_date"), "end_date", errors)
    deadline = _date(data.get("signup_deadline"), "signup_deadline", errors)
    if start and end and end < start:
        errors["end_date"] = "结束日期不能早于开始日期"
    last = end or start
    if deadline and last and deadline > last:
        errors["signup_deadline"] = "报名截止日期不能晚于活动结束日期"
    row.update(start_date=start, end_date=end, signup_deadline=deadline)

    row["place"] = _text(data.get("place"))
    row["places"] = _optional_count(data.get("places"), "places", errors)
    row["event_limit"] = _optional_count(data.get("event_limit"), "event_limit", errors)
    for key in ("description", "summary"):
        value = data.get(key)
        row[key] = None if value is None or not str(value).strip() else str(value).strip()

    item = data.get("workpoint_item_id")
    row["workpoint_item_id"] = None
    if item not in (None, ""):
        try:
            row["workpoint_item_id"] = int(item)
        except (TypeError, ValueError):
            errors["workpoint_item_id"] = "工作要点条目无效"
        else:
            table = workpoint_table(db)
            if (
                table
                and not db.execute(
                    f"SELECT 1 FROM [{table}] WHERE id = ?", [row["workpoint_item_id"]]
                ).fetchone()
            ):
                errors["workpoint_item_id"] = "所选工作要点条目不存在（可能已被删除）"

    status = _text(data.get("status")) or (current["status"] if current else "筹备中")
    if status not in ACTIVITY_STATUSES:
        errors["status"] = "状态应为：" + "、".join(ACTIVITY_STATUSES)
    row["status"] = status

    events: list[EventInput] = []
    seen: dict[str, str] = {}
    for raw in data.get("events") or []:
        try:
            event = _event_input(raw)
        except ValidationError as exc:
            errors["events"] = exc.message
            continue
        event_name = _text(event.name)
        if not event_name:
            continue  # an empty line in the form
        key = to_halfwidth(event_name).replace(" ", "").lower()
        if key in seen:
            errors["events"] = f"项目“{event_name}”重复"
        seen[key] = event_name
        if event.kind not in EVENT_KINDS:
            errors["events"] = f"项目“{event_name}”的类型应为个人或团体"
        weight = event.points_weight
        if isinstance(weight, bool) or not isinstance(weight, int) or not 0 <= weight <= 10:
            errors["events"] = f"项目“{event_name}”的计分倍数应为0到10的整数"
            weight = 1
        events.append(replace(event, name=event_name, points_weight=weight))

    if current is not None and row.get("places") is not None and "places" not in errors:
        from guilin_union.services.activities.registration import places_used

        used = places_used(db, current["id"])
        if row["places"] < used:
            errors["places"] = (
                f"已有 {used} 人占用名额，名额不能少于 {used}；如需减少，请先取消部分报名"
            )
    if errors:
        raise ActivityValidationError(errors)
    return row, events


# ---------------------------------------------------------------- writes


def save_activity(
    db: sqlite_utils.Database, data: Mapping[str, Any], activity_id: int | None = None
) -> OpResult:
    """Create (``activity_id`` None) or update an activity and its events in one transaction.

    ``data["events"]`` is the full list of events (strings, dicts or :class:`EventInput`);
    events left out are deleted, which is refused once anyone entered them or they have
    results. When the places grow, people on the waiting list move up. ``undo`` holds the
    previous activity row for an edit.
    """
    with db.atomic():
        row, events = validate_activity(db, data, activity_id=activity_id)
        now = audit.now_iso()
        row["updated_at"] = now
        before = None
        if activity_id is None:
            row["created_at"] = now
            activity_id = audit.insert(db, "activities", row)
            undo_it = _deleting(activity_id)
        else:
            saved = row_undo.capture(db, *_edit_scopes(activity_id))
            undo_it = row_undo.inverse(saved, Changes.of(AREA), activity_id)
            before = audit.update(db, "activities", activity_id, row)
        if "events" in data:
            _sync_events(db, activity_id, events)
        from guilin_union.services.activities.registration import promote_waiting

        promoted = promote_waiting(db, activity_id)
    return OpResult(
        Changes.of(AREA),
        activity_id,
        undo={"row": before, "promoted": promoted} if before else None,
        inverse=undo_it,
    )


def _deleting(activity_id: int) -> Callable[[sqlite_utils.Database], OpResult]:
    return lambda d: delete_activity(d, activity_id)


def _edit_scopes(activity_id: int) -> tuple[row_undo.Scope, ...]:
    """What an edit of the activity may change: its row, its events and (the waiting list
    moving up) its participants."""
    return (
        row_undo.Scope.row("activities", activity_id),
        row_undo.Scope("activity_events", "activity_id = ?", (activity_id,)),
        row_undo.Scope("activity_participants", "activity_id = ?", (activity_id,)),
    )


def _sync_events(db: sqlite_utils.Database, activity_id: int, events: Sequence[EventInput]) -> None:
    existing = {
        r["id"]: r
        for r in _rows(db, "SELECT * FROM activity_events WHERE activity_id = ?", [activity_id])
    }
    kept = {e.id for e in events if e.id is not None}
    unknown = kept - existing.keys()
    if unknown:
        raise ValidationError("项目已被修改或删除，请重新打开活动后再保存", "events")
    for event_id in sorted(existing.keys() - kept):
        _delete_event(db, existing[event_id])
    # Renames happen before inserts so that "跳绳" renamed and a new "跳绳" do not collide.
    for order, event in enumerate(events, start=1):
        values = {
            "name": event.name,
            "kind": event.kind,
            "points_weight": event.points_weight,
            "sort_order": order,
        }
        if event.id is not None:
            audit.update(db, "activity_events", event.id, values)
    for order, event in enumerate(events, start=1):
        if event.id is None:
            audit.insert(
                db,
                "activity_events",
                {
                    "activity_id": activity_id,
                    "name": event.name,
                    "kind": event.kind,
                    "points_weight": event.points_weight,
                    "sort_order": order,
                },
            )


def _delete_event(db: sqlite_utils.Database, event: Mapping[str, Any]) -> None:
    entries = db.execute(
        "SELECT count(*) FROM activity_entries WHERE event_id = ?", [event["id"]]
    ).fetchone()[0]
    results = db.execute(
        "SELECT count(*) FROM activity_results WHERE event_id = ?", [event["id"]]
    ).fetchone()[0]
    if entries or results:
        parts = []
        if entries:
            parts.append(f"{entries} 人报名")
        if results:
            parts.append(f"{results} 条成绩")
        raise ConflictError(
            f"项目“{event['name']}”已有{'、'.join(parts)}，不能删除。请先修改报名或删除成绩。"
        )
    audit.delete(db, "activity_events", event["id"])


def set_status(db: sqlite_utils.Database, activity_id: int, status: str) -> OpResult:
    """Change only the activity's status (筹备中 → 报名中 → 进行中 → 已结束, or 已取消)."""
    if status not in ACTIVITY_STATUSES:
        raise ValidationError("状态应为：" + "、".join(ACTIVITY_STATUSES), "status")
    return _update(db, activity_id, {"status": status})


def set_summary(db: sqlite_utils.Database, activity_id: int, summary: str | None) -> OpResult:
    """Save the activity's summary text (活动总结), written after it took place."""
    return _update(db, activity_id, {"summary": (summary or "").strip() or None})


def _update(db: sqlite_utils.Database, activity_id: int, values: dict[str, Any]) -> OpResult:
    """Change some columns of the activity row; undo puts the row back as it was."""
    with db.atomic():
        get_activity_row(db, activity_id)
        before = audit.update(
            db, "activities", activity_id, {**values, "updated_at": audit.now_iso()}
        )
    return row_undo.restorable("activities", before, Changes.of(AREA), undo={"row": before})


# Child tables in the order they are re-inserted on undo (parents first).
_CHILD_TABLES = (
    ("activity_events", "activity_id = ?"),
    ("activity_participants", "activity_id = ?"),
    (
        "activity_entries",
        "participant_id IN (SELECT id FROM activity_participants WHERE activity_id = ?)",
    ),
    ("activity_results", "activity_id = ?"),
    ("activity_budget_lines", "activity_id = ?"),
    ("activity_attachments", "activity_id = ?"),
)


def delete_activity(db: sqlite_utils.Database, activity_id: int) -> OpResult:
    """Delete an activity with everything recorded under it (each row logged).

    ``undo`` holds every deleted row so :func:`restore_activity` can put it all back;
    attachment files stay on disk for the same reason.
    """
    with db.atomic():
        activity = get_activity_row(db, activity_id)
        snapshot: dict[str, list[dict[str, Any]]] = {"activities": [activity]}
        for table, where in _CHILD_TABLES:
            snapshot[table] = _rows(
                db, f"SELECT * FROM {table} WHERE {where} ORDER BY id", [activity_id]
            )
        note = f"删除活动“{activity['name']}”"
        for table, _where in reversed(_CHILD_TABLES):
            for row in snapshot[table]:
                audit.delete(db, table, row["id"], note=note)
        audit.delete(db, "activities", activity_id, note=note)
    return OpResult(
        Changes.of(AREA),
        activity_id,
        undo=snapshot,
        inverse=lambda d: restore_activity(d, snapshot),
    )


def restore_activity(
    db: sqlite_utils.Database, snapshot: Mapping[str, Sequence[Mapping[str, Any]]]
) -> OpResult:
    """Re-insert a deleted activity and its records with their original ids."""
    with db.atomic():
        activity_id = None
        for table in ("activities", *(t for t, _ in _CHILD_TABLES)):
            for row in snapshot.get(table, []):
                new_id = audit.insert(db, table, dict(row), note="撤销删除")
                if table == "activities":
                    activity_id = new_id
    return OpResult(
        Changes.of(AREA),
        activity_id,
        inverse=None if activity_id is None else _deleting(activity_id),
    )


# ---------------------------------------------------------------- attachments


def add_attachment(
    db: sqlite_utils.Database, activity_id: int, source: str | Path, caption: str | None = None
) -> OpResult:
    """Copy a photo or file into the attachments folder and list it under the activity."""
    from guilin_union.services.attachments import attach

    get_activity_row(db, activity_id)
    owner = ("activity_id", activity_id)
    with db.atomic():
        row_id = attach(
            db, "activity_attachments", owner, source, area=AREA, caption=_text(caption)
        )
    return row_undo.removable("activity_attachments", row_id, Changes.of(AREA))


def remove_attachment(db: sqlite_utils.Database, attachment_id: int) -> OpResult:
    """Take an attachment off the list (the copied file stays, so undo can restore it)."""
    missing = "附件不存在（可能已被删除）"
    return row_undo.delete_row(db, "activity_attachments", attachment_id, CHANGES, missing=missing)


def list_attachments(db: sqlite_utils.Database, activity_id: int) -> list[dict[str, Any]]:
    return _rows(
        db, "SELECT * FROM activity_attachments WHERE activity_id = ? ORDER BY id", [activity_id]
    )


def attachment_path(db: sqlite_utils.Database, attachment_id: int) -> Path:
    from guilin_union.services.attachments import resolve_attachment

    row = audit.get_row(db, "activity_attachments", attachment_id)
    return resolve_attachment(db, row["path"])


# ---------------------------------------------------------------- the work-point link


def workpoint_table(db: sqlite_utils.Database) -> str | None:
    """The work-points area's item table, once that area exists (``workpoint_items``)."""
    names = db.table_names()
    if "workpoint_items" in names:
        return "workpoint_items"
    candidates = sorted(n for n in names if n.startswith("workpoint") and n.endswith("items"))
    return candidates[0] if candidates else None


def _label_column(db: sqlite_utils.Database, table: str) -> str | None:
    columns = {c.name for c in db[table].columns}
    return next((c for c in ("heading", "title", "text", "content", "name") if c in columns), None)


def _plan_year_join(db: sqlite_utils.Database, table: str) -> tuple[str, str, str] | None:
    """(select, join, where) adding the plan's year, when the work-points schema has plans.

    Only the school's own plans (``kind = 'school'``) are offered: an activity carries out a
    school item; the school item in turn answers the upper union's item.
    """
    if "workpoint_plans" not in db.table_names():
        return None
    item_columns = {c.name for c in db[table].columns}
    plan_columns = {c.name for c in db["workpoint_plans"].columns}
    if "plan_id" not in item_columns or "year" not in plan_columns:
        return None
    where = " WHERE p.kind = 'school'" if "kind" in plan_columns else ""
    return ", p.year", " JOIN workpoint_plans p ON p.id = i.plan_id", where


def workpoint_choices(db: sqlite_utils.Database, year: int | None = None) -> list[tuple[int, str]]:
    """(id, label) of the work-point items an activity can serve; empty until that area exists.

    Labels read ``2024年 开展第二十二届田径运动会…``; newest plans first, then document order;
    ``year`` keeps one year's items only.
    """
    table = workpoint_table(db)
    if table is None:
        return []
    label = _label_column(db, table)
    if label is None:
        return [(r[0], f"条目 {r[0]}") for r in db.execute(f"SELECT id FROM [{table}] ORDER BY id")]
    joined = _plan_year_join(db, table)
    if joined is None:
        return [
            (r[0], _shorten(r[1] or ""))
            for r in db.execute(f"SELECT id, [{label}] FROM [{table}] ORDER BY id")
        ]
    select, join, where = joined
    params: list[Any] = []
    if year is not None:
        where += (" AND" if where else " WHERE") + " p.year = ?"
        params.append(year)
    order = (
        "p.year DESC, i.position, i.id"
        if "position" in {c.name for c in db[table].columns}
        else "p.year DESC, i.id"
    )
    rows = db.execute(
        f"SELECT i.id, i.[{label}]{select} FROM [{table}] i{join}{where} ORDER BY {order}", params
    )
    return [(r[0], _shorten(f"{r[2]}年 {r[1] or ''}")) for r in rows]


def workpoint_label(db: sqlite_utils.Database, item_id: int | None) -> str:
    if item_id is None:
        return ""
    table = workpoint_table(db)
    label = _label_column(db, table) if table else None
    if table is None or label is None:
        return f"工作要点条目 {item_id}"
    joined = _plan_year_join(db, table)
    if joined is not None:
        select, join, _where = joined
        row = db.execute(
            f"SELECT i.[{label}]{select} FROM [{table}] i{join} WHERE i.id = ?", [item_id]
        ).fetchone()
        return (
            _shorten(f"{row[1]}年 {row[0] or ''}") if row else f"工作要点条目 {item_id}（已删除）"
        )
    row = db.execute(f"SELECT [{label}] FROM [{table}] WHERE id = ?", [item_id]).fetchone()
    return _shorten(row[0] or "") if row else f"工作要点条目 {item_id}（已删除）"


def _shorten(text: str, limit: int = 60) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---------------------------------------------------------------- reads


_rows = select_rows


def get_activity_row(db: sqlite_utils.Database, activity_id: int) -> dict[str, Any]:
    try:
        return audit.get_row(db, "activities", activity_id)
    except NotFoundError:
        raise NotFoundError(f"活动不存在（编号 {activity_id}，可能已被删除）") from None


def list_events(db: sqlite_utils.Database, activity_id: int) -> list[dict[str, Any]]:
    return _rows(
        db,
        "SELECT * FROM activity_events WHERE activity_id = ? ORDER BY sort_order, id",
        [activity_id],
    )


def organiser_label(db: sqlite_utils.Database, row: Mapping[str, Any]) -> str:
    """``校工会`` / the 分工会's name / the upper union's name (or ``上级工会``)."""
    kind = row.get("organiser_kind") or "校工会"
    if kind == "分工会" and row.get("organiser_branch_id") is not None:
        found = db.execute(
            "SELECT name FROM branches WHERE id = ?", [row["organiser_branch_id"]]
        ).fetchone()
        return found[0] if found else "分工会"
    if kind == "上级工会":
        return row.get("organiser_name") or "上级工会"
    if kind == "校工会":
        return settings.get(db, "union_short_name") or "校工会"
    return kind


def get_activity(db: sqlite_utils.Database, activity_id: int) -> dict[str, Any]:
    """The activity row plus ``events``, ``organiser`` (display text) and its counts."""
    row = get_activity_row(db, activity_id)
    row["events"] = list_events(db, activity_id)
    row["organiser"] = organiser_label(db, row)
    if row.get("organiser_branch_id") is not None:
        found = db.execute(
            "SELECT name FROM branches WHERE id = ?", [row["organiser_branch_id"]]
        ).fetchone()
        row["organiser_branch"] = found[0] if found else ""
    else:
        row["organiser_branch"] = ""
    row.update(_counts(db, [activity_id]).get(activity_id, _EMPTY_COUNTS))
    row["year"] = int(row["start_date"][:4])
    row["workpoint_label"] = workpoint_label(db, row.get("workpoint_item_id"))
    return row


def is_signup_closed(row: Mapping[str, Any], today: _dt.date | None = None) -> bool:
    """True once the registration deadline has passed (registering then needs a confirmation)."""
    deadline = row.get("signup_deadline")
    return bool(deadline) and (today or _dt.date.today()).isoformat() > str(deadline)


SORT = SortOrder(
    {
        "start_date": "a.start_date",
        "name": "a.name",
        "type": "a.type",
        "organiser": "a.organiser_kind",
        "place": "a.place",
        "places": "a.places",
        "status": "a.status",
        "deadline": "a.signup_deadline",
        "registered": "(SELECT count(*) FROM activity_participants p WHERE p.activity_id = a.id"
        " AND p.status IN ('已报名', '已确认', '已参加'))",
    },
    tiebreak="a.id",
    tiebreak_descends=True,
)


@dataclass(frozen=True)
class ActivityQuery(SortedQuery, sort=SORT):
    """A filtered, sorted view of the activities (the same object drives the list and the CLI)."""

    year: int | None = None
    type: str | None = None
    status: str | None = None
    search: str = ""
    descending: bool = field(default=True, kw_only=True)


def _where(q: ActivityQuery) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if q.year is not None:
        # Range on the indexed ISO text instead of substr(): the index stays usable.
        clauses.append("a.start_date >= ? AND a.start_date < ?")
        params += [f"{q.year:04d}-01-01", f"{q.year + 1:04d}-01-01"]
    add_filters(clauses, params, (("a.type = ?", q.type), ("a.status = ?", q.status)))
    for term in to_halfwidth(q.search or "").split():
        like = f"%{term}%"
        clauses.append("(a.name LIKE ? OR a.place LIKE ? OR a.type LIKE ? OR a.description LIKE ?)")
        params += [like, like, like, like]
    return where_sql(clauses), params


def query_ids(db: sqlite_utils.Database, q: ActivityQuery | None = None) -> list[int]:
    q = q or ActivityQuery()
    where, params = _where(q)
    sql = f"SELECT a.id FROM activities a{where} ORDER BY {q.order_by()}"
    return column_values(db, sql, params)


_EMPTY_COUNTS = {
    "registered": 0,
    "places_used": 0,
    "waiting": 0,
    "cancelled": 0,
    "attended": 0,
    "budget_planned": 0,
    "budget_actual": 0,
    "event_count": 0,
}


def _counts(db: sqlite_utils.Database, ids: Sequence[int]) -> dict[int, dict[str, int]]:
    result: dict[int, dict[str, int]] = {i: dict(_EMPTY_COUNTS) for i in ids}
    outside = setting_list(db, "activity_roles_outside_places")
    outside_marks = ",".join("?" for _ in outside) or "''"
    for chunk, marks in chunks(ids):
        for activity_id, n in db.execute(
            f"SELECT activity_id, count(*) FROM activity_participants WHERE activity_id IN ({marks})"
            f" AND status IN ('已报名', '已确认', '已参加') AND role NOT IN ({outside_marks}) GROUP BY activity_id",
            [*chunk, *outside],
        ):
            result[activity_id]["places_used"] = n
        for activity_id, status, n in db.execute(
            f"SELECT activity_id, status, count(*) FROM activity_participants"
            f" WHERE activity_id IN ({marks}) GROUP BY activity_id, status",
            chunk,
        ):
            counts = result[activity_id]
            if status in ("已报名", "已确认", "已参加"):
                counts["registered"] += n
            if status == "已参加":
                counts["attended"] += n
            elif status == "候补":
                counts["waiting"] += n
            elif status == "已取消":
                counts["cancelled"] += n
        for activity_id, kind, total in db.execute(
            f"SELECT activity_id, kind, sum(amount) FROM activity_budget_lines"
            f" WHERE activity_id IN ({marks}) GROUP BY activity_id, kind",
            chunk,
        ):
            result[activity_id]["budget_planned" if kind == "预算" else "budget_actual"] = int(
                total or 0
            )
        for activity_id, n in db.execute(
            f"SELECT activity_id, count(*) FROM activity_events WHERE activity_id IN ({marks}) GROUP BY activity_id",
            chunk,
        ):
            result[activity_id]["event_count"] = n
    return result


def fetch_rows(db: sqlite_utils.Database, ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """Display rows for the given ids (a page of the list), keyed by id."""
    ids = list(ids)
    result: dict[int, dict[str, Any]] = {}
    branch_names = {r[0]: r[1] for r in db.execute("SELECT id, name FROM branches")}
    short = settings.get(db, "union_short_name") or "校工会"
    counts = _counts(db, ids)
    for chunk, marks in chunks(ids):
        for row in _rows(db, f"SELECT * FROM activities WHERE id IN ({marks})", chunk):
            kind = row["organiser_kind"]
            if kind == "分工会":
                row["organiser"] = branch_names.get(row["organiser_branch_id"], "分工会")
            elif kind == "上级工会":
                row["organiser"] = row["organiser_name"] or "上级工会"
            else:
                row["organiser"] = short
            row["year"] = int(row["start_date"][:4])
            row.update(counts[row["id"]])
            result[row["id"]] = row
    return result


def list_activities(
    db: sqlite_utils.Database, q: ActivityQuery | None = None
) -> list[dict[str, Any]]:
    ids = query_ids(db, q)
    return in_order(ids, fetch_rows(db, ids))


def to_public_json(row: Mapping[str, Any]) -> dict[str, Any]:
    """The CLI's ``activities list --json`` object (a documented, stable contract)."""
    return {
        **pick(
            row,
            (
                "id",
                "name",
                "type",
                "organiser",
                "start_date",
                "end_date",
                "place",
                "signup_deadline",
                "places",
                "registered",
                "places_used",
                "waiting",
                "status",
                "year",
            ),
        ),
        "budget_planned_fen": row["budget_planned"],
        "budget_actual_fen": row["budget_actual"],
    }


def years(db: sqlite_utils.Database) -> list[int]:
    """Years that have activities, newest first (for the year filter)."""
    return [
        int(r[0])
        for r in db.execute(
            "SELECT DISTINCT substr(start_date, 1, 4) FROM activities ORDER BY 1 DESC"
        )
    ]


def count(db: sqlite_utils.Database, q: ActivityQuery | None = None) -> int:
    where, params = _where(q or ActivityQuery())
    return db.execute(f"SELECT count(*) FROM activities a{where}", params).fetchone()[0]


# ---------------------------------------------------------------- the area's settings


def parse_list(text: str | Sequence[str]) -> list[str]:
    """One entry per line (or separated by 、，,), blanks dropped, duplicates kept once.

    >>> parse_list("器材\\n服装、场地\\n器材")
    ['器材', '服装', '场地']
    """
    if isinstance(text, str):
        parts = text.replace("，", "\n").replace(",", "\n").replace("、", "\n").splitlines()
    else:
        parts = list(text)
    out: list[str] = []
    for part in parts:
        value = clean_cell_text(str(part))
        if value and value not in out:
            out.append(value)
    return out


def save_settings(db: sqlite_utils.Database, values: Mapping[str, Any]) -> OpResult:
    """Validate and store the area's settings (lists, point scheme, tie rule) in one go.

    Raises :class:`ActivityValidationError` naming every bad entry; nothing is stored then.
    """
    from guilin_union.core.activities import TIE_RULES
    from guilin_union.core.members import MemberStatus
    from guilin_union.services.activities.results import parse_point_scheme

    errors: dict[str, str] = {}
    clean: dict[str, Any] = {}
    for key, label in LIST_SETTINGS.items():
        if key not in values:
            continue
        items = parse_list(values[key])
        if not items and key not in ("activity_roles_outside_places", "activity_awards"):
            errors[key] = f"{label}至少要有一项"
        clean[key] = items
    role_list = clean.get("activity_roles") or roles(db)
    unknown = [r for r in clean.get("activity_roles_outside_places", []) if r not in role_list]
    if unknown:
        errors["activity_roles_outside_places"] = f"角色“{'、'.join(unknown)}”不在角色列表中"
    statuses = {s.value for s in MemberStatus}
    bad = [s for s in clean.get("activity_eligible_statuses", []) if s not in statuses]
    if bad:
        errors["activity_eligible_statuses"] = (
            f"会籍状态“{'、'.join(bad)}”不存在，可选：{'、'.join(s.value for s in MemberStatus)}"
        )
    if "activity_point_scheme" in values:
        try:
            clean["activity_point_scheme"] = ",".join(
                str(p) for p in parse_point_scheme(values["activity_point_scheme"])
            )
        except ValidationError as exc:
            errors["activity_point_scheme"] = exc.message
    if "activity_tie_points" in values:
        if values["activity_tie_points"] not in TIE_RULES:
            errors["activity_tie_points"] = "并列名次的得分应为：" + "、".join(TIE_RULES)
        clean["activity_tie_points"] = values["activity_tie_points"]
    if errors:
        raise ActivityValidationError(errors)
    settings.set_many(db, clean)
    return OpResult(Changes.of(AREA, "settings"))
