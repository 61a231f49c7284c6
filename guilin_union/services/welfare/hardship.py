"""困难帮扶档案: the yearly file of members in difficulty.

Each entry: the member, the year, a reason category (a setting list), notes on the household
and on the support planned. The support actually given is read from the payments (送温暖,
金秋助学 … of the hardship type in that year), so it can never disagree with them. The file
feeds batches: ``BatchRequest(occasion="送温暖", eligibility="困难帮扶档案")``.

>>> # save_hardship(db, {"year": 2025, "member_id": 7, "category": "因病致困",
>>> #                    "household": "配偶长期住院，子女在读"})
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import sqlite_utils

from guilin_union.core.errors import ConflictError, NotFoundError, ValidationError
from guilin_union.core.money import format_fen
from guilin_union.services.changes import Changes, OpResult
from guilin_union.services.common_money import fen_or_none
from guilin_union.services.common_query import dict_rows, other_row, pick
from guilin_union.services.welfare import config
from guilin_union.storage import audit


def _validate(
    db: sqlite_utils.Database, data: Mapping[str, Any], entry_id: int | None
) -> dict[str, Any]:
    try:
        year = int(data.get("year"))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValidationError("请填写年度", "year") from None
    if not 1990 <= year <= 2100:
        raise ValidationError("年度应在 1990 至 2100 之间", "year")
    try:
        member_id = int(data.get("member_id"))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValidationError("请选择会员", "member_id") from None
    member = db.execute("SELECT name FROM members WHERE id = ?", [member_id]).fetchone()
    if member is None:
        raise ValidationError("会员不存在（可能已被删除）", "member_id")
    category = config.clean_text(data.get("category"))
    if not category:
        raise ValidationError("请选择困难类别", "category")
    known = config.hardship_categories(db)
    if known and category not in known:
        raise ValidationError(f"困难类别应为：{'、'.join(known)}", "category")
    if other_row(db, "welfare_hardship", entry_id, {"year": year, "member_id": member_id}):
        raise ValidationError(f"{member[0]}已在{year}年困难帮扶档案中", "member_id")
    return {
        "year": year,
        "member_id": member_id,
        "category": category,
        "household": config.clean_text(data.get("household")) or None,
        "support_notes": config.clean_text(data.get("support_notes")) or None,
        **_income_fields(data),
    }


def _income_fields(data: Mapping[str, Any]) -> dict[str, Any]:
    """The 困难补助申请表's income part (issue 22): wage, other income, the household's total
    income and size (the per-head income is computed, never stored), address, the family
    members and their situation, and the committee's decision with its date."""
    size = data.get("household_size")
    if size in (None, ""):
        size = None
    else:
        try:
            size = int(str(size).strip())
        except ValueError:
            raise ValidationError(f"家庭人口“{size}”不是整数", "household_size") from None
        if size < 1:
            raise ValidationError("家庭人口至少 1 人", "household_size")
    decided = data.get("decision_date")
    fields: dict[str, Any] = {
        "wage_fen": fen_or_none(data.get("wage_fen"), "wage_fen"),
        "other_income_fen": fen_or_none(data.get("other_income_fen"), "other_income_fen"),
        "household_income_fen": fen_or_none(
            data.get("household_income_fen"), "household_income_fen"
        ),
        "household_size": size,
        "address": config.clean_text(data.get("address")) or None,
        "family_members": config.clean_text(data.get("family_members")) or None,
        "decision": config.clean_text(data.get("decision")) or None,
        "decision_date": None
        if decided in (None, "")
        else config.iso_date(decided, "decision_date"),
    }
    for key, limit in (("address", 200), ("family_members", 2000), ("decision", 500)):
        if fields[key] and len(fields[key]) > limit:
            raise ValidationError(f"内容过长（最多 {limit} 字）", key)
    return fields


def per_capita_fen(entry: Mapping[str, Any]) -> int | None:
    """家庭人均收入 (分, rounded down): household total / size, when both are known.

    >>> per_capita_fen({"household_income_fen": 1000000, "household_size": 3})
    333333
    """
    total, size = entry.get("household_income_fen"), entry.get("household_size")
    if total is None or not size:
        return None
    return int(total) // int(size)


def save_hardship(
    db: sqlite_utils.Database, data: Mapping[str, Any], entry_id: int | None = None
) -> OpResult:
    """Add (``entry_id`` None) or edit an entry of the hardship file."""
    with db.atomic():
        row = _validate(db, data, entry_id)
        row["updated_at"] = audit.now_iso()
        if entry_id is None:
            row["created_at"] = row["updated_at"]
            new_id = audit.insert(db, "welfare_hardship", row)
            return OpResult(
                Changes.of(config.AREA), new_id, inverse=lambda d: delete_hardship(d, new_id)
            )
        get_hardship(db, entry_id)
        before = audit.update(db, "welfare_hardship", entry_id, row)
    return OpResult(
        Changes.of(config.AREA),
        entry_id,
        undo=before,
        inverse=lambda d: restore_hardship(d, before),
    )


def delete_hardship(db: sqlite_utils.Database, entry_id: int) -> OpResult:
    """Remove an entry; payments already made keep existing (their link is cleared)."""
    with db.atomic():
        get_hardship(db, entry_id)
        linked = [
            payment_id
            for (payment_id,) in db.execute(
                "SELECT id FROM welfare_payments WHERE hardship_id = ? ORDER BY id", [entry_id]
            ).fetchall()
        ]
        for payment_id in linked:
            audit.update(
                db, "welfare_payments", payment_id, {"hardship_id": None}, note="困难帮扶档案已删除"
            )
        before = audit.delete(db, "welfare_hardship", entry_id)
    return OpResult(
        Changes.of(config.AREA),
        entry_id,
        undo=before,
        inverse=lambda d: restore_hardship(d, before, linked_payments=linked),
    )


def restore_hardship(
    db: sqlite_utils.Database, row: Mapping[str, Any], *, linked_payments: Sequence[int] = ()
) -> OpResult:
    """Undo of an edit or a delete: put the row back as it was (with the payments a delete
    unlinked). Its ``inverse`` redoes: deletes the restored entry, or writes back the values
    it replaced."""
    entry_id = int(row["id"])
    again: Any
    with db.atomic():
        if db.execute("SELECT 1 FROM welfare_hardship WHERE id = ?", [entry_id]).fetchone():
            replaced = audit.update(
                db,
                "welfare_hardship",
                entry_id,
                {k: v for k, v in row.items() if k != "id"},
                note="撤销修改",
            )
            again = lambda d: restore_hardship(d, replaced)  # noqa: E731
        else:
            audit.insert(db, "welfare_hardship", dict(row), note="撤销删除")
            again = lambda d: delete_hardship(d, entry_id)  # noqa: E731
        for payment_id in linked_payments:
            audit.update(db, "welfare_payments", payment_id, {"hardship_id": entry_id}, note="撤销")
    return OpResult(Changes.of(config.AREA), entry_id, inverse=again)


def get_hardship(db: sqlite_utils.Database, entry_id: int) -> dict[str, Any]:
    try:
        return audit.get_row(db, "welfare_hardship", entry_id)
    except NotFoundError:
        raise NotFoundError("困难帮扶档案记录不存在") from None


def list_hardship(db: sqlite_utils.Database, year: int) -> list[dict[str, Any]]:
    """The year's file with the support given (count, total, 事项) from the payments."""
    hardship_type = config.hardship_type(db)
    cursor = db.execute(
        "SELECT h.*, m.name, m.staff_no, m.status AS member_status, b.name AS branch,"
        " (SELECT count(*) FROM welfare_payments p WHERE p.member_id = h.member_id AND p.year = h.year"
        "   AND p.type = ?) AS support_count,"
        " (SELECT coalesce(sum(p.amount_fen), 0) FROM welfare_payments p WHERE p.member_id = h.member_id"
        "   AND p.year = h.year AND p.type = ?) AS support_fen,"
        " (SELECT group_concat(coalesce(p.occasion, p.type), '、') FROM welfare_payments p"
        "   WHERE p.member_id = h.member_id AND p.year = h.year AND p.type = ?) AS support_items"
        " FROM welfare_hardship h JOIN members m ON m.id = h.member_id JOIN branches b ON b.id = m.branch_id"
        " WHERE h.year = ? ORDER BY b.sort_order, b.id, m.name_pinyin",
        [hardship_type, hardship_type, hardship_type, int(year)],
    )
    rows = dict_rows(cursor)
    for row in rows:
        row["support"] = format_fen(row["support_fen"])
        row["support_text"] = (
            f"{row['support_items']}，共 {format_fen(row['support_fen'])} 元"
            if row["support_count"]
            else "尚未发放"
        )
    return rows


def copy_hardship_year(db: sqlite_utils.Database, from_year: int, to_year: int) -> OpResult:
    """Carry the file over to the next year (entries already there are kept); ``row_id`` =
    the number added. Members who are no longer 在会 or 保留会籍 are not carried over."""
    if int(from_year) == int(to_year):
        raise ValidationError("源年度和目标年度不能相同", "year")
    with db.atomic():
        rows = db.execute(
            "SELECT h.member_id, h.category, h.household, h.support_notes FROM welfare_hardship h"
            " JOIN members m ON m.id = h.member_id WHERE h.year = ? AND m.status IN ('在会', '保留会籍')",
            [int(from_year)],
        ).fetchall()
        if not rows:
            raise ConflictError(f"{from_year}年困难帮扶档案中没有可结转的会员")
        added = 0
        now = audit.now_iso()
        for member_id, category, household, notes in rows:
            if db.execute(
                "SELECT 1 FROM welfare_hardship WHERE year = ? AND member_id = ?",
                [int(to_year), member_id],
            ).fetchone():
                continue
            audit.insert(
                db,
                "welfare_hardship",
                {
                    "year": int(to_year),
                    "member_id": member_id,
                    "category": category,
                    "household": household,
                    "support_notes": notes,
                    "created_at": now,
                    "updated_at": now,
                },
                note=f"由{from_year}年档案结转",
            )
            added += 1
    return OpResult(Changes.of(config.AREA), added)


def to_public_json(row: Mapping[str, Any]) -> dict[str, Any]:
    return pick(
        row,
        (
            "id",
            "year",
            "member_id",
            "name",
            "branch",
            "category",
            "household",
            "support_notes",
            "support_count",
            "support_fen",
        ),
    )
