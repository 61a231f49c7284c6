"""Importing the finance office's monthly deduction list (代扣名单: 工号/姓名/金额, .xlsx).

The same pipeline as every import (:mod:`guilin_union.services.import_common`): every row is
checked first; any error and nothing is written. A row is an error when its member cannot be
found (the one member matcher of :mod:`guilin_union.core.member_match`: 工号 unknown, or 工号
and 姓名 disagree), when the member owes no dues that month, when
the month is already recorded as paid, when the member appears twice, and when the amount
deducted differs from the amount due — a difference is listed, never silently accepted.
Members due that month but missing from the list stay unpaid (a note says how many).

>>> DeductionImporter("2025-03").fields[0].header
'工号'
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from guilin_union.core.dates import parse_month
from guilin_union.core.money import format_fen
from guilin_union.core.text import clean_cell_text
from guilin_union.services.import_common import ImportOutcome, ImportPlan, header_label
from guilin_union.services.intake import dues
from guilin_union.services.members.lookup import member_index
from guilin_union.services.money import dues_ledger as ledger
from guilin_union.spreadsheets.errors import RowError
from guilin_union.spreadsheets.reader import Field, ReadResult
from guilin_union.storage import audit

FIELDS: list[Field] = [
    Field("staff_no", "工号", ("职工号", "教工号", "人员编号", "工作证号"), required=True),
    Field("name", "姓名", ("职工姓名", "人员姓名"), required=True),
    Field(
        "amount",
        "金额",
        ("会费", "扣款金额", "代扣金额", "工会会费", "扣会费", "金额（元）", "实扣金额"),
        required=True,
        kind="money",
    ),
]
_LABELS = {f.key: f.header for f in FIELDS}


@dataclass
class _Item:
    row: int
    ledger_id: int | None  # None: the month is not opened yet (found by member id then)
    member_id: int
    amount_fen: int


def _yuan(fen: int) -> str:
    return f"{format_fen(fen)} 元"


class DeductionImporter:
    """The :class:`~guilin_union.services.import_common.Importer` of a 代扣名单."""

    name = "dues_deductions"
    areas = ("money",)  # what the import wizard tells the screens it changed

    def __init__(self, month: str, *, paid_on: str | None = None, file_name: str = "") -> None:
        self.fields = FIELDS
        self.month = parse_month(month, field="month")
        # Deductions are made with the month's pay: dated the last day of the month unless told.
        self.paid_on = paid_on or dues.month_bounds(self.month)[1]
        self.file_name = file_name

    def _due(self, db: sqlite_utils.Database) -> dict[int, dict[str, Any]]:
        """member id -> ledger line (opened month) or computed line (not yet opened)."""
        return {r["member_id"]: r for r in ledger.month_ledger(db, self.month)}

    def validate(self, db: sqlite_utils.Database, read: ReadResult) -> ImportPlan:
        plan = ImportPlan()
        due = self._due(db)
        seen: dict[int, int] = {}

        def error(row: int, key: str, value: Any, message: str) -> None:
            label = header_label(read, key, _LABELS[key])
            if key == "amount" and isinstance(value, int):
                value = format_fen(value).replace(",", "")
            plan.errors.append(RowError(row, label, "" if value is None else str(value), message))

        month_cn = f"{int(self.month[:4])}年{int(self.month[5:])}月"
        index = member_index(db)  # the one member matcher (core.member_match): 工号, then 姓名
        for parsed in read.rows:
            values = parsed.values
            staff_no = clean_cell_text(str(values.get("staff_no") or ""))
            name = clean_cell_text(str(values.get("name") or ""))
            found = index.match(name=name, staff_no=staff_no)
            if found.member is None:
                key = found.field if found.field in ("staff_no", "name") else "staff_no"
                error(parsed.row, key, values.get(key), found.message)
                continue
            member_id = found.member.id
            if member_id in seen:
                error(
                    parsed.row,
                    "staff_no",
                    staff_no,
                    f"与第 {seen[member_id]} 行重复：同一会员在名单中出现两次",
                )
                continue
            seen[member_id] = parsed.row
            line = due.get(member_id)
            amount = values.get("amount")
            if line is None:
                error(
                    parsed.row, "name", name, f"该会员{month_cn}无需缴纳会费（不在当月应缴名单中）"
                )
                continue
            if line["paid_fen"] > 0:
                error(
                    parsed.row,
                    "name",
                    name,
                    f"该会员{month_cn}会费已于{line['paid_on']}登记缴纳 {_yuan(line['paid_fen'])}"
                    f"（{line['method']}），不能重复登记",
                )
                continue
            if not isinstance(amount, int) or amount != line["due_fen"]:
                shown = _yuan(amount) if isinstance(amount, int) else str(amount)
                diff = (
                    f"，相差 {_yuan(abs(amount - line['due_fen']))}"
                    if isinstance(amount, int)
                    else ""
                )
                error(
                    parsed.row,
                    "amount",
                    amount,
                    f"代扣金额 {shown}与{month_cn}应缴会费 {_yuan(line['due_fen'])}不符{diff}"
                    "（请与财务处核对工资基数）",
                )
                continue
            plan.items.append(_Item(parsed.row, line.get("id"), member_id, amount))
        missing = sum(1 for mid, line in due.items() if mid not in seen and line["paid_fen"] == 0)
        if missing:
            plan.notes.append(f"名单中没有 {missing} 名{month_cn}应缴会员，他们仍记为未缴")
        return plan

    def commit(self, db: sqlite_utils.Database, plan: ImportPlan) -> ImportOutcome:
        ledger.open_month(db, self.month)
        ids = {
            mid: rid
            for rid, mid in db.execute(
                "SELECT id, member_id FROM dues_ledger WHERE month = ?", [self.month]
            )
        }
        import_id = audit.insert(
            db,
            "dues_imports",
            {
                "month": self.month,
                "file_name": self.file_name or "代扣名单.xlsx",
                "rows": len(plan.items),
                "total_fen": sum(i.amount_fen for i in plan.items),
                "paid_on": self.paid_on,
                "imported_by": audit.os_user(),
                "imported_at": audit.now_iso(),
            },
        )
        for item in plan.items:
            ledger._set_paid(
                db,
                ids[item.member_id],
                paid_fen=item.amount_fen,
                method="代扣",
                paid_on=self.paid_on,
                source="导入",
                import_id=import_id,
                log_note=f"导入代扣名单（第 {item.row} 行）",
            )
        return ImportOutcome(imported=len(plan.items), notes=plan.notes)


def run_deduction_import(
    db: sqlite_utils.Database,
    path: str | Path,
    month: str,
    *,
    sheet: str | None = None,
    dry_run: bool = False,
    paid_on: str | None = None,
) -> ImportOutcome:
    from guilin_union.services.import_common import run_import

    importer = DeductionImporter(month, paid_on=paid_on, file_name=Path(path).name)
    return run_import(db, path, importer, sheet=sheet, dry_run=dry_run)


def write_template(path: str | Path) -> Path:
    """An empty deduction list with the expected headers (工号 as text)."""
    from guilin_union.spreadsheets.writer import Column, Sheet, write_workbook

    columns = [
        Column("staff_no", "工号"),
        Column("name", "姓名"),
        Column("amount", "金额", kind="money"),
    ]
    return write_workbook(
        path,
        [Sheet("代扣名单", columns, [], heading="会费代扣名单（工号、姓名、金额/元）")],
    )
