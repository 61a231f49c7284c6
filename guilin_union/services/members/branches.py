"""分工会 (branch unions): the editable list every member belongs to."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from guilin_union.core.errors import ConflictError, NotFoundError, ValidationError
from guilin_union.core.names import normalize_name
from guilin_union.services.changes import Changes, OpResult
from guilin_union.services.common_query import column_values
from guilin_union.storage import audit


@dataclass(frozen=True)
class Branch:
    id: int
    name: str
    code: str | None
    chair: str | None
    active: bool
    sort_order: int
    member_count: int = 0


def list_branches(db: sqlite_utils.Database, *, include_inactive: bool = True) -> list[Branch]:
    sql = (
        "SELECT b.id, b.name, b.code, b.chair, b.active, b.sort_order,"
        " (SELECT count(*) FROM members m WHERE m.branch_id = b.id) FROM branches b"
    )
    if not include_inactive:
        sql += " WHERE b.active = 1"
    sql += " ORDER BY b.sort_order, b.id"
    return [Branch(r[0], r[1], r[2], r[3], bool(r[4]), r[5], r[6]) for r in db.execute(sql)]


def branch_names(db: sqlite_utils.Database, *, include_inactive: bool = False) -> list[str]:
    return [b.name for b in list_branches(db, include_inactive=include_inactive)]


def find_branch_id(db: sqlite_utils.Database, name: str) -> int | None:
    row = db.execute("SELECT id FROM branches WHERE name = ?", [name.strip()]).fetchone()
    return row[0] if row else None


def filter_name(db: sqlite_utils.Database, name: str | None, branch_id: int | None) -> str | None:
    """The 分工会 a list is filtered by, in words: ``name`` if given, else the name of
    ``branch_id`` (None when neither names one)."""
    if name:
        return name
    if branch_id is not None:
        row = db.execute("SELECT name FROM branches WHERE id = ?", [branch_id]).fetchone()
        if row:
            return str(row[0])
    return None


def suggest_names(db: sqlite_utils.Database, name: str, n: int = 3) -> list[str]:
    """Closest existing 分工会 names, for "unknown 分工会" messages.

    Tries substring containment first (``文学院`` → ``文学院分工会``), then difflib.
    """
    return closest_names(branch_names(db, include_inactive=True), name, n)


def closest_names(names: list[str], name: str, n: int = 3) -> list[str]:
    """The ``n`` names of ``names`` closest to ``name`` (containment first, then difflib);
    pure, so an importer can ask for thousands of rows against one list in memory."""
    key = name.replace("分工会", "").strip()
    contained = [x for x in names if key and (key in x or x.replace("分工会", "") in name)]
    close = difflib.get_close_matches(name, names, n=n, cutoff=0.4)
    result: list[str] = []
    for x in contained + close:
        if x not in result:
            result.append(x)
    return result[:n]


def unknown_branch_message(db: sqlite_utils.Database, name: str) -> str:
    hints = suggest_names(db, name)
    message = f"分工会“{name}”不存在"
    if hints:
        message += "，是否应为：" + "、".join(hints) + "？"
    else:
        message += "，请先在“设置 ▸ 分工会管理”中添加。"
    return message


def _clean(name: str) -> str:
    try:
        return normalize_name(name, field="branch")
    except ValidationError as exc:
        raise ValidationError(exc.message.replace("姓名", "分工会名称"), "branch") from None


def add_branch(
    db: sqlite_utils.Database, name: str, *, code: str | None = None, chair: str | None = None
) -> OpResult:
    name = _clean(name)
    with db.atomic():
        if find_branch_id(db, name) is not None:
            raise ValidationError(f"分工会“{name}”已存在", "branch")
        code = (code or "").strip() or _next_code(db)
        if db.execute("SELECT 1 FROM branches WHERE code = ?", [code]).fetchone():
            raise ValidationError(f"分工会代码“{code}”已被使用", "code")
        order = db.execute("SELECT coalesce(max(sort_order), 0) + 1 FROM branches").fetchone()[0]
        row_id = audit.insert(
            db,
            "branches",
            {
                "name": name,
                "code": code,
                "chair": (chair or "").strip() or None,
                "active": 1,
                "sort_order": order,
            },
        )
    return OpResult(Changes.of("branches"), row_id, inverse=lambda d: delete_branch(d, row_id))


def _next_code(db: sqlite_utils.Database) -> str:
    codes = column_values(db, "SELECT code FROM branches WHERE code GLOB '[0-9]*'")
    top = max((int(c) for c in codes if c.isdigit()), default=0)
    return f"{top + 1:02d}"


def _require(db: sqlite_utils.Database, branch_id: int) -> dict:
    try:
        return audit.get_row(db, "branches", branch_id)
    except NotFoundError:
        raise NotFoundError("分工会不存在") from None


def rename_branch(db: sqlite_utils.Database, branch_id: int, new_name: str) -> OpResult:
    """Rename a branch; the result's ``inverse`` renames it back (for Edit ▸ Undo)."""
    new_name = _clean(new_name)
    with db.atomic():
        old_name = _require(db, branch_id)["name"]
        other = find_branch_id(db, new_name)
        if other is not None and other != branch_id:
            raise ValidationError(f"分工会“{new_name}”已存在；如需合并请使用“合并”", "branch")
        audit.update(db, "branches", branch_id, {"name": new_name})
    return OpResult(
        Changes.of("branches", "members"),
        branch_id,
        inverse=lambda d: rename_branch(d, branch_id, old_name),
    )


def set_chair(db: sqlite_utils.Database, branch_id: int, chair: str | None) -> OpResult:
    with db.atomic():
        old_chair = _require(db, branch_id)["chair"]
        audit.update(db, "branches", branch_id, {"chair": (chair or "").strip() or None})
    return OpResult(
        Changes.of("branches"), branch_id, inverse=lambda d: set_chair(d, branch_id, old_chair)
    )


def set_active(db: sqlite_utils.Database, branch_id: int, active: bool) -> OpResult:
    with db.atomic():
        was_active = bool(_require(db, branch_id)["active"])
        audit.update(db, "branches", branch_id, {"active": 1 if active else 0})
    return OpResult(
        Changes.of("branches"), branch_id, inverse=lambda d: set_active(d, branch_id, was_active)
    )


def merge_branches(db: sqlite_utils.Database, source_id: int, target_id: int) -> OpResult:
    """Move every member of ``source`` into ``target`` and deactivate ``source``.

    The source is kept (inactive) rather than deleted because other areas (delegations,
    payments, team results) may reference it by id in their history.
    """
    if source_id == target_id:
        raise ValidationError("不能把分工会合并到它自己", "branch")
    with db.atomic():
        source = _require(db, source_id)
        target = _require(db, target_id)
        ids = column_values(db, "SELECT id FROM members WHERE branch_id = ?", [source_id])
        for member_id in ids:
            audit.update(
                db,
                "members",
                member_id,
                {"branch_id": target_id},
                note=f"分工会合并：{source['name']} → {target['name']}",
            )
        audit.update(db, "branches", source_id, {"active": 0}, note=f"已并入{target['name']}")
    return OpResult(Changes.of("branches", "members"), target_id)


def delete_branch(db: sqlite_utils.Database, branch_id: int) -> OpResult:
    """Delete a branch that nothing references; otherwise refuse with the reason."""
    with db.atomic():
        row = _require(db, branch_id)
        count = db.execute(
            "SELECT count(*) FROM members WHERE branch_id = ?", [branch_id]
        ).fetchone()[0]
        if count:
            raise ConflictError(
                f"分工会“{row['name']}”下还有 {count} 名会员，不能删除。"
                "可以先“合并”到其他分工会，或将其“停用”。"
            )
        try:
            before = audit.delete(db, "branches", branch_id)
        except Exception as exc:  # a foreign key from another area
            if "FOREIGN KEY" in str(exc).upper():
                raise ConflictError(
                    f"分工会“{row['name']}”仍被其他记录引用，不能删除，可以将其“停用”。"
                ) from None
            raise
    return OpResult(
        Changes.of("branches"), branch_id, undo=before, inverse=lambda d: restore_branch(d, before)
    )


def restore_branch(db: sqlite_utils.Database, row: dict[str, Any]) -> OpResult:
    """Undo of :func:`delete_branch`: the row again, with its id (its ``inverse`` deletes it)."""
    with db.atomic():
        branch_id = audit.insert(db, "branches", dict(row), note="撤销删除")
    return OpResult(
        Changes.of("branches"), branch_id, inverse=lambda d: delete_branch(d, branch_id)
    )


def count_active(db: sqlite_utils.Database) -> int:
    """How many 分工会 are active (the status bar)."""
    return db.execute("SELECT count(*) FROM branches WHERE active = 1").fetchone()[0]
