"""The member record as the real forms keep it (issue 24).

* the 实名制 fields of the 会员登记表 that the base register lacks (籍贯, 家庭住址, 邮编, 邮箱,
  参加工作时间, 专业, 毕业院校, 证件有效期 — a date or 长期有效 —, 就业状态, 技能等级);
* 家庭主要成员 and 个人工作简历 as small tables;
* a photo (resized to an ID-photo size and kept in the database, so every backup has it);
* 工会小组 inside a 分工会, with a 组长; each member in at most one group;
* 表彰 (honours) with level, date, issuer and document number; 是否劳模 follows the honours;
* editable lists for 用工形式, 就业状态 and 技能等级 (settings; values already used are kept).

Every write is one transaction and logged like all others.

>>> # save_profile(db, 7, {"native_place": "广西桂林", "id_valid_until": "长期有效"})
>>> # add_honour(db, 7, {"title": "全国五一劳动奖章", "level": "国家", "awarded_on": "2024-04-28"})
"""

from __future__ import annotations

import base64
import datetime as _dt
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import sqlite_utils

from guilin_union.core.dates import parse_date
from guilin_union.core.errors import NotFoundError, ValidationError
from guilin_union.core.members import (
    EMPLOYMENT_STATUS_DEFAULTS,
    EMPLOYMENT_TYPE_DEFAULTS,
    EMPLOYMENT_TYPES,
    HONOUR_LEVELS,
    MODEL_WORKER_MARKERS,
    SKILL_LEVEL_DEFAULTS,
)
from guilin_union.core.text import clean_cell_text
from guilin_union.services import settings
from guilin_union.services.changes import Changes, OpResult
from guilin_union.services.common_outputs import issuer_name
from guilin_union.services.common_query import chunks, column_values, other_row, where_sql
from guilin_union.storage import audit

AREA = "members"
LONG_VALID = "长期有效"
PHOTO_SIZE = (358, 441)  # 2-inch ID photo at 300 dpi (35 mm × 45 mm at ~260 dpi)
PHOTO_MAX_BYTES = 20 * 1024 * 1024

settings.register_defaults(
    {
        "member_employment_types": (
            list(EMPLOYMENT_TYPE_DEFAULTS),
            "用工形式（可增加，已用过的不会丢失）",
        ),
        "member_employment_statuses": (
            list(EMPLOYMENT_STATUS_DEFAULTS),
            "就业状态",
        ),
        "member_skill_levels": (
            list(SKILL_LEVEL_DEFAULTS),
            "技能等级",
        ),
    }
)

#: Profile field -> (Chinese label, maximum length).
PROFILE_FIELDS: dict[str, tuple[str, int]] = {
    "native_place": ("籍贯", 50),
    "home_address": ("家庭住址", 200),
    "postcode": ("邮编", 6),
    "email": ("邮箱", 100),
    "work_start_date": ("参加工作时间", 10),
    "major": ("专业", 50),
    "graduated_from": ("毕业院校", 100),
    "id_valid_until": ("证件有效期", 10),
    "employment_status": ("就业状态", 20),
    "skill_level": ("技能等级", 20),
    "group_id": ("工会小组", 0),
}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def setting_list(db: sqlite_utils.Database, key: str) -> list[str]:
    values = settings.get(db, key) or []
    return [str(v) for v in values if str(v).strip()]


def employment_types(db: sqlite_utils.Database) -> list[str]:
    """用工形式 offered and accepted: the setting's list plus any value already stored."""
    listed = setting_list(db, "member_employment_types") or list(EMPLOYMENT_TYPES)
    used = column_values(
        db, "SELECT DISTINCT employment_type FROM members WHERE employment_type IS NOT NULL"
    )
    return listed + [u for u in used if u not in listed]


def save_lists(db: sqlite_utils.Database, values: Mapping[str, Sequence[str]]) -> OpResult:
    """Edit the 用工形式 / 就业状态 / 技能等级 lists (values in use stay accepted)."""
    keys = ("member_employment_types", "member_employment_statuses", "member_skill_levels")
    with db.atomic():
        for key, items in values.items():
            if key not in keys:
                raise ValidationError(f"未知的列表：{key}")
            clean = [clean_cell_text(str(v)) for v in items if clean_cell_text(str(v))]
            if len(set(clean)) != len(clean):
                raise ValidationError("列表中有重复的项", key)
            settings.set_value(db, key, clean)
    return OpResult(Changes.of(AREA, "settings"))


# ---------------------------------------------------------------- profile


def _require_member(db: sqlite_utils.Database, member_id: int) -> dict[str, Any]:
    row = db.execute("SELECT id, branch_id, name FROM members WHERE id = ?", [member_id]).fetchone()
    if row is None:
        raise NotFoundError("会员不存在（可能已被删除）")
    return {"id": row[0], "branch_id": row[1], "name": row[2]}


def branch_of(db: sqlite_utils.Database, member_id: int) -> int | None:
    """The member's 分工会 id (None when the member is gone)."""
    row = db.execute("SELECT branch_id FROM members WHERE id = ?", [member_id]).fetchone()
    return int(row[0]) if row else None


def validate_profile(
    db: sqlite_utils.Database, data: Mapping[str, Any], *, branch_id: int | None = None
) -> tuple[dict[str, Any], dict[str, str]]:
    """(clean values of the keys present in ``data``, errors by field)."""
    out: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for key, (label, limit) in PROFILE_FIELDS.items():
        if key not in data:
            continue
        raw = data.get(key)
        text = "" if raw is None else clean_cell_text(str(raw))
        if key == "group_id":
            out[key] = _group_value(db, raw, branch_id, errors)
            continue
        if not text:
            out[key] = None
            continue
        if key == "work_start_date":
            try:
                text = parse_date(text, field=key).isoformat()
            except ValidationError as exc:
                errors[key] = exc.message
                continue
        elif key == "id_valid_until":
            if text in (LONG_VALID, "长期"):
                text = LONG_VALID
            else:
                try:
                    text = parse_date(text, field=key).isoformat()
                except ValidationError:
                    errors[key] = "证件有效期应为日期（如 2035-06-30）或“长期有效”"
                    continue
        elif key == "postcode" and not (text.isdigit() and len(text) == 6):
            errors[key] = "邮编应为 6 位数字"
            continue
        elif key == "email" and not _EMAIL.match(text):
            errors[key] = "邮箱格式不正确（如 name@example.com）"
            continue
        elif key == "employment_status":
            allowed = setting_list(db, "member_employment_statuses")
            if allowed and text not in allowed:
                errors[key] = "就业状态应为：" + "、".join(allowed) + "（可在设置中增加）"
                continue
        elif key == "skill_level":
            allowed = setting_list(db, "member_skill_levels")
            if allowed and text not in allowed:
                errors[key] = "技能等级应为：" + "、".join(allowed) + "（可在设置中增加）"
                continue
        if limit and len(text) > limit:
            errors[key] = f"{label}过长（最多 {limit} 字）"
            continue
        out[key] = text
    return out, errors


def _group_value(
    db: sqlite_utils.Database, raw: Any, branch_id: int | None, errors: dict[str, str]
) -> int | None:
    if raw in (None, ""):
        return None
    if isinstance(raw, str) and not raw.strip().isdigit():
        row = db.execute(
            "SELECT id FROM union_groups WHERE name = ? AND branch_id IS ?",
            [raw.strip(), branch_id],
        ).fetchone()
        if row is None:
            errors["group_id"] = f"本分工会没有名为“{raw.strip()}”的工会小组"
            return None
        return int(row[0])
    row = db.execute("SELECT branch_id FROM union_groups WHERE id = ?", [int(raw)]).fetchone()
    if row is None:
        errors["group_id"] = "工会小组不存在"
        return None
    if branch_id is not None and row[0] != branch_id:
        errors["group_id"] = "工会小组不属于该会员所在的分工会"
        return None
    return int(raw)


def get_profile(db: sqlite_utils.Database, member_id: int) -> dict[str, Any]:
    _require_member(db, member_id)
    cols = ", ".join(PROFILE_FIELDS)
    row = db.execute(f"SELECT {cols} FROM members WHERE id = ?", [member_id]).fetchone()
    profile = dict(zip(PROFILE_FIELDS, row))
    group = None
    if profile["group_id"]:
        group = db.execute(
            "SELECT name FROM union_groups WHERE id = ?", [profile["group_id"]]
        ).fetchone()
    profile["group"] = group[0] if group else None
    profile["has_photo"] = (
        db.execute("SELECT 1 FROM member_photos WHERE member_id = ?", [member_id]).fetchone()
        is not None
    )
    return profile


def save_profile(db: sqlite_utils.Database, member_id: int, data: Mapping[str, Any]) -> OpResult:
    """Save the profile fields present in ``data`` (others stay as they are)."""
    from guilin_union.services.members import MemberValidationError

    with db.atomic():
        member = _require_member(db, member_id)
        values, errors = validate_profile(db, data, branch_id=member["branch_id"])
        if errors:
            raise MemberValidationError(errors)
        if values:
            values["updated_at"] = audit.now_iso()
            audit.update(db, "members", member_id, values)
    return OpResult(Changes.of(AREA), member_id)


# ---------------------------------------------------------------- family and work history


def _replace_rows(
    db: sqlite_utils.Database, table: str, member_id: int, rows: list[dict[str, Any]]
) -> None:
    for (old_id,) in db.execute(
        f"SELECT id FROM {table} WHERE member_id = ?", [member_id]
    ).fetchall():
        audit.delete(db, table, old_id)
    for position, row in enumerate(rows):
        audit.insert(db, table, {"member_id": member_id, "position": position, **row})


def _month(value: Any, field: str) -> str | None:
    text = "" if value is None else clean_cell_text(str(value))
    if not text or text in ("至今", "今"):
        return None
    match = re.fullmatch(r"(\d{4})\s*[-./年]\s*(\d{1,2})\s*月?", text)
    if match and 1 <= int(match.group(2)) <= 12:
        return f"{int(match.group(1)):04d}-{int(match.group(2)):02d}"
    try:
        day = parse_date(text, field=field)
    except ValidationError:
        raise ValidationError("年月应写成 2015-09 或 2015年9月", field) from None
    return f"{day.year:04d}-{day.month:02d}"


def set_family(
    db: sqlite_utils.Database, member_id: int, rows: Iterable[Mapping[str, Any]]
) -> OpResult:
    """Replace the 家庭主要成员 list (relation, name, work unit, phone)."""
    clean = []
    for i, row in enumerate(rows, 1):
        relation = clean_cell_text(str(row.get("relation") or ""))
        name = clean_cell_text(str(row.get("name") or ""))
        if not relation and not name:
            continue
        if not relation or not name:
            raise ValidationError(f"家庭成员第 {i} 行：请填写称谓和姓名", "family")
        if len(name) > 50 or len(relation) > 10:
            raise ValidationError(f"家庭成员第 {i} 行：内容过长", "family")
        clean.append(
            {
                "relation": relation,
                "name": name,
                "work_unit": clean_cell_text(str(row.get("work_unit") or ""))[:100] or None,
                "phone": clean_cell_text(str(row.get("phone") or ""))[:20] or None,
            }
        )
    with db.atomic():
        _require_member(db, member_id)
        _replace_rows(db, "member_family", member_id, clean)
    return OpResult(Changes.of(AREA), member_id)


def set_resume(
    db: sqlite_utils.Database, member_id: int, rows: Iterable[Mapping[str, Any]]
) -> OpResult:
    """Replace the 个人工作简历 (from, to — empty = 至今 —, unit, post), oldest first."""
    clean = []
    for i, row in enumerate(rows, 1):
        unit = clean_cell_text(str(row.get("unit") or ""))
        if not unit and not row.get("start_month"):
            continue
        if not unit:
            raise ValidationError(f"工作简历第 {i} 行：请填写工作单位", "resume")
        start = _month(row.get("start_month"), "resume")
        end = _month(row.get("end_month"), "resume")
        if start and end and end < start:
            raise ValidationError(f"工作简历第 {i} 行：结束年月早于开始年月", "resume")
        clean.append(
            {
                "start_month": start,
                "end_month": end,
                "unit": unit[:100],
                "post": clean_cell_text(str(row.get("post") or ""))[:50] or None,
            }
        )
    clean.sort(key=lambda r: r["start_month"] or "")
    with db.atomic():
        _require_member(db, member_id)
        _replace_rows(db, "member_resume", member_id, clean)
    return OpResult(Changes.of(AREA), member_id)


def list_family(db: sqlite_utils.Database, member_id: int) -> list[dict[str, Any]]:
    rows = db.execute(
        "SELECT relation, name, work_unit, phone FROM member_family WHERE member_id = ?"
        " ORDER BY position, id",
        [member_id],
    ).fetchall()
    return [dict(zip(("relation", "name", "work_unit", "phone"), r)) for r in rows]


def list_resume(db: sqlite_utils.Database, member_id: int) -> list[dict[str, Any]]:
    rows = db.execute(
        "SELECT start_month, end_month, unit, post FROM member_resume WHERE member_id = ?"
        " ORDER BY position, id",
        [member_id],
    ).fetchall()
    return [dict(zip(("start_month", "end_month", "unit", "post"), r)) for r in rows]


# ---------------------------------------------------------------- 工会小组


def list_groups(db: sqlite_utils.Database, branch_id: int | None = None) -> list[dict[str, Any]]:
    sql = (
        "SELECT g.id, g.branch_id, b.name, g.name, g.leader_member_id, l.name, g.notes,"
        " (SELECT count(*) FROM members m WHERE m.group_id = g.id)"
        " FROM union_groups g JOIN branches b ON b.id = g.branch_id"
        " LEFT JOIN members l ON l.id = g.leader_member_id"
    )
    params: list[Any] = []
    if branch_id is not None:
        sql += " WHERE g.branch_id = ?"
        params.append(branch_id)
    sql += " ORDER BY b.sort_order, b.id, g.sort_order, g.name"
    keys = ("id", "branch_id", "branch", "name", "leader_member_id", "leader", "notes", "members")
    return [dict(zip(keys, r)) for r in db.execute(sql, params)]


def find_group(db: sqlite_utils.Database, name: str, branch_id: int | None = None) -> int:
    """The id of the group called ``name`` (in ``branch_id`` when given); a clear error when
    there is none or the name is ambiguous across 分工会."""
    sql = "SELECT g.id, b.name FROM union_groups g JOIN branches b ON b.id = g.branch_id WHERE g.name = ?"
    params: list[Any] = [clean_cell_text(name or "")]
    if branch_id is not None:
        sql += " AND g.branch_id = ?"
        params.append(branch_id)
    rows = db.execute(sql, params).fetchall()
    if not rows:
        raise ValidationError(f"没有名为“{name}”的工会小组", "group")
    if len(rows) > 1:
        names = "、".join(r[1] for r in rows)
        raise ValidationError(f"{names}都有“{name}”小组，请用 --branch 指定分工会", "group")
    return int(rows[0][0])


def _check_leader(db: sqlite_utils.Database, branch_id: int, leader: int | None) -> None:
    if leader is None:
        return
    row = db.execute("SELECT branch_id, name FROM members WHERE id = ?", [leader]).fetchone()
    if row is None:
        raise ValidationError("组长不是本程序中的会员", "leader_member_id")
    if row[0] != branch_id:
        raise ValidationError(f"组长“{row[1]}”不是本分工会的会员", "leader_member_id")


def save_group(
    db: sqlite_utils.Database,
    branch_id: int,
    name: str,
    *,
    leader_member_id: int | None = None,
    notes: str = "",
    group_id: int | None = None,
) -> OpResult:
    """Add (``group_id`` None) or edit a 工会小组 of a 分工会."""
    name = clean_cell_text(name or "")
    if not name:
        raise ValidationError("请填写小组名称", "name")
    if len(name) > 30:
        raise ValidationError("小组名称过长（最多 30 字）", "name")
    if db.execute("SELECT 1 FROM branches WHERE id = ?", [branch_id]).fetchone() is None:
        raise NotFoundError("分工会不存在")
    if other_row(db, "union_groups", group_id, {"branch_id": branch_id, "name": name}):
        raise ValidationError(f"本分工会已有“{name}”小组", "name")
    _check_leader(db, branch_id, leader_member_id)
    now = audit.now_iso()
    row = {
        "branch_id": branch_id,
        "name": name,
        "leader_member_id": leader_member_id,
        "notes": clean_cell_text(notes or "") or None,
        "updated_at": now,
    }
    with db.atomic():
        if group_id is None:
            group_id = audit.insert(db, "union_groups", {**row, "created_at": now})
        else:
            audit.update(db, "union_groups", group_id, row)
        if leader_member_id is not None:  # the 组长 belongs to the group
            audit.update(db, "members", leader_member_id, {"group_id": group_id})
    return OpResult(Changes.of(AREA, "branches"), group_id)


def delete_group(db: sqlite_utils.Database, group_id: int) -> OpResult:
    """Remove a group; its members stay in the 分工会 without a group."""
    with db.atomic():
        for (mid,) in db.execute(
            "SELECT id FROM members WHERE group_id = ?", [group_id]
        ).fetchall():
            audit.update(db, "members", mid, {"group_id": None})
        audit.delete(db, "union_groups", group_id)
    return OpResult(Changes.of(AREA, "branches"), group_id)


def assign_group(
    db: sqlite_utils.Database, member_ids: Iterable[int], group_id: int | None
) -> OpResult:
    """Put members into a group (or out of any, with None); they must be of its 分工会."""
    ids = [int(i) for i in member_ids]
    with db.atomic():
        branch = None
        if group_id is not None:
            row = db.execute(
                "SELECT branch_id FROM union_groups WHERE id = ?", [group_id]
            ).fetchone()
            if row is None:
                raise NotFoundError("工会小组不存在")
            branch = row[0]
        for mid in ids:
            member = _require_member(db, mid)
            if branch is not None and member["branch_id"] != branch:
                raise ValidationError(f"“{member['name']}”不是该小组所在分工会的会员", "group_id")
            audit.update(db, "members", mid, {"group_id": group_id})
    return OpResult(Changes.of(AREA), group_id)


# ---------------------------------------------------------------- 表彰


def _honour(data: Mapping[str, Any]) -> dict[str, Any]:
    title = clean_cell_text(str(data.get("title") or ""))
    if not title:
        raise ValidationError("请填写表彰名称（如 先进个人、三八红旗手）", "title")
    level = clean_cell_text(str(data.get("level") or ""))
    level = {
        "省": "自治区",
        "省级": "自治区",
        "自治区级": "自治区",
        "国家级": "国家",
        "市级": "市",
        "校级": "校",
    }.get(level, level)
    if level not in HONOUR_LEVELS:
        raise ValidationError("表彰级别应为：" + "、".join(HONOUR_LEVELS), "level")
    awarded = data.get("awarded_on")
    awarded_on = None
    if awarded not in (None, ""):
        awarded_on = parse_date(awarded, field="awarded_on").isoformat()
    out = {
        "title": title[:100],
        "level": level,
        "awarded_on": awarded_on,
        "issuer": clean_cell_text(str(data.get("issuer") or ""))[:100] or None,
        "document_no": clean_cell_text(str(data.get("document_no") or ""))[:50] or None,
        "notes": clean_cell_text(str(data.get("notes") or ""))[:200] or None,
    }
    return out


def is_model_worker_honour(title: str, level: str) -> bool:
    """劳模 by the honours: a 劳动模范/五一劳动奖章/先进工作者 from 市 level up.

    >>> is_model_worker_honour("桂林市劳动模范", "市"), is_model_worker_honour("校级先进个人", "校")
    (True, False)
    """
    return level in ("国家", "自治区", "市") and any(m in title for m in MODEL_WORKER_MARKERS)


def _sync_model_worker(db: sqlite_utils.Database, member_id: int) -> None:
    honours = db.execute(
        "SELECT title, level FROM member_honours WHERE member_id = ?", [member_id]
    ).fetchall()
    if any(is_model_worker_honour(t, lv) for t, lv in honours):
        current = db.execute(
            "SELECT is_model_worker FROM members WHERE id = ?", [member_id]
        ).fetchone()
        if current and not current[0]:
            audit.update(
                db, "members", member_id, {"is_model_worker": 1}, note="由表彰记录认定为劳模"
            )


def add_honour(db: sqlite_utils.Database, member_id: int, data: Mapping[str, Any]) -> OpResult:
    values = _honour(data)
    with db.atomic():
        _require_member(db, member_id)
        honour_id = audit.insert(
            db, "member_honours", {"member_id": member_id, **values, "created_at": audit.now_iso()}
        )
        _sync_model_worker(db, member_id)
    return OpResult(Changes.of(AREA), honour_id)


def delete_honour(db: sqlite_utils.Database, honour_id: int) -> OpResult:
    with db.atomic():
        audit.delete(db, "member_honours", honour_id)
    return OpResult(Changes.of(AREA), honour_id)


def list_honours(
    db: sqlite_utils.Database, *, member_id: int | None = None, year: int | None = None
) -> list[dict[str, Any]]:
    clauses: list[str] = []
    params: list[object] = []
    if member_id is not None:
        clauses.append("h.member_id = ?")
        params.append(member_id)
    if year is not None:
        clauses.append("substr(h.awarded_on, 1, 4) = ?")
        params.append(f"{int(year):04d}")
    where = where_sql(clauses)
    rows = db.execute(
        "SELECT h.id, h.member_id, m.name, m.member_no, b.name, h.title, h.level, h.awarded_on,"
        " h.issuer, h.document_no, h.notes FROM member_honours h JOIN members m ON m.id = h.member_id"
        f" JOIN branches b ON b.id = m.branch_id{where}"
        " ORDER BY h.awarded_on DESC, CASE h.level WHEN '国家' THEN 0 WHEN '自治区' THEN 1"
        " WHEN '市' THEN 2 WHEN '校' THEN 3 ELSE 4 END, m.name_pinyin",
        params,
    ).fetchall()
    keys = (
        "id",
        "member_id",
        "name",
        "member_no",
        "branch",
        "title",
        "level",
        "awarded_on",
        "issuer",
        "document_no",
        "notes",
    )
    return [dict(zip(keys, r)) for r in rows]


# ---------------------------------------------------------------- photo


def _photo_jpeg(data: bytes) -> bytes:
    """The picture as a 2-inch ID photo: EXIF rotation applied, cropped to 35:45, resized."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as opened:
            image = ImageOps.exif_transpose(opened).convert("RGB")
            fitted = ImageOps.fit(image, PHOTO_SIZE, method=Image.Resampling.LANCZOS)
            out = io.BytesIO()
            fitted.save(out, "JPEG", quality=88)
            return out.getvalue()
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise ValidationError(f"无法读取照片（应为 JPG 或 PNG 图片）：{exc}", "photo") from None


def set_photo(db: sqlite_utils.Database, member_id: int, source: str | Path | bytes) -> OpResult:
    """Store the member's photo (from a file path or bytes); replaces an earlier one."""
    if isinstance(source, bytes):
        raw = source
    else:
        path = Path(source)
        if not path.is_file():
            raise ValidationError(f"找不到照片文件：{path}", "photo")
        if path.stat().st_size > PHOTO_MAX_BYTES:
            raise ValidationError("照片文件过大（最多 20 MB）", "photo")
        raw = path.read_bytes()
    jpeg = _photo_jpeg(raw)
    with db.atomic():
        _require_member(db, member_id)
        db.execute(
            "INSERT INTO member_photos (member_id, image_base64, mime, updated_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT(member_id) DO UPDATE SET image_base64 = excluded.image_base64,"
            " mime = excluded.mime, updated_at = excluded.updated_at",
            [member_id, base64.b64encode(jpeg).decode("ascii"), "image/jpeg", audit.now_iso()],
        )
        audit.log_event(
            db, "members", member_id, "photo", note=f"更新照片（{len(jpeg) // 1024} KB）"
        )
    return OpResult(Changes.of(AREA), member_id)


def remove_photo(db: sqlite_utils.Database, member_id: int) -> OpResult:
    with db.atomic():
        db.execute("DELETE FROM member_photos WHERE member_id = ?", [member_id])
        audit.log_event(db, "members", member_id, "photo", note="删除照片")
    return OpResult(Changes.of(AREA), member_id)


def get_photo(db: sqlite_utils.Database, member_id: int) -> bytes | None:
    row = db.execute(
        "SELECT image_base64 FROM member_photos WHERE member_id = ?", [member_id]
    ).fetchone()
    return base64.b64decode(row[0]) if row else None


def photos_for(db: sqlite_utils.Database, member_ids: Iterable[int]) -> dict[int, bytes]:
    """Photos of many members at once (member cards)."""
    ids = [int(i) for i in member_ids]
    found: dict[int, bytes] = {}
    for chunk, marks in chunks(ids):
        for mid, data in db.execute(
            f"SELECT member_id, image_base64 FROM member_photos WHERE member_id IN ({marks})", chunk
        ):
            found[mid] = base64.b64decode(data)
    return found


# ---------------------------------------------------------------- the whole record


def full_record(db: sqlite_utils.Database, member_id: int) -> dict[str, Any]:
    """Everything of one member for ``members show`` and the 会员登记表 (numbers unmasked:
    callers mask what they print or list)."""
    from guilin_union.services.members import get_member_row

    row = dict(get_member_row(db, member_id))
    branch = db.execute("SELECT name FROM branches WHERE id = ?", [row["branch_id"]]).fetchone()
    row["branch"] = branch[0] if branch else ""
    row.update(get_profile(db, member_id))
    row["family"] = list_family(db, member_id)
    row["resume"] = list_resume(db, member_id)
    row["honours"] = list_honours(db, member_id=member_id)
    return row


def today_iso() -> str:
    return _dt.date.today().isoformat()


def honours_pdf(db: sqlite_utils.Database, path: str | Path, year: int | None) -> tuple[Path, int]:
    """``report member-honours``: the year's honours as a printable list."""
    from guilin_union.core.dates import format_cn_date
    from guilin_union.reports.members.honours import HonourLine, build_member_honours

    rows = list_honours(db, year=year)
    lines = [
        HonourLine(
            h["name"],
            h["member_no"] or "",
            h["branch"],
            h["title"],
            h["level"],
            format_cn_date(h["awarded_on"]) if h["awarded_on"] else "",
            h["issuer"] or "",
            h["document_no"] or "",
        )
        for h in rows
    ]
    out = build_member_honours(path, lines, year=year, union_name=issuer_name(db))
    return out, len(lines)
