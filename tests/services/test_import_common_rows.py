"""services.import_common: every problem of a row in one pass, and the structure keys."""

from __future__ import annotations

from dataclasses import dataclass, field

from openpyxl import Workbook

from guilin_union.services.import_common import ImportOutcome, ImportPlan, run_import
from guilin_union.spreadsheets.errors import RowError
from guilin_union.spreadsheets.reader import Field


@dataclass
class _Strict:
    """Counts on the reader's promise: len(None) would raise on a refused name."""

    name: str = "strict"
    fields: list[Field] = field(
        default_factory=lambda: [
            Field("name", "姓名", required=True),
            Field("team", "队名", required=True),
            Field("day", "日期", kind="date"),
        ]
    )

    def validate(self, db, read):
        plan = ImportPlan()
        for row in read.rows:
            if len(row.values["name"]) > 3:
                plan.errors.append(RowError(row.row, "姓名", row.values["name"], "姓名过长"))
            if row.values["team"] not in ("甲队", "乙队"):
                plan.errors.append(RowError(row.row, "队名", row.values["team"], "没有这个队"))
            plan.items.append(row.values)
        return plan

    def commit(self, db, plan):
        return ImportOutcome(imported=len(plan.items))


def _book(path, rows):
    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_area_rules_run_on_rows_with_reader_errors(tmp_path, db):
    path = _book(
        tmp_path / "a.xlsx",
        [["姓名", "队名", "日期"], ["张三", "丙队", "2024-13-40"], ["", "丁队", ""]],
    )
    outcome = run_import(db, path, _Strict(), dry_run=True)
    got = [(e.row, e.column, e.message) for e in outcome.errors]
    # Row 2: the bad date (reader) and the unknown team (area rule) at once. Row 3: the
    # importer trips over the missing name; the reader's error still stands.
    assert (2, "队名", "没有这个队") in got
    assert any(r == 2 and c == "日期" for r, c, _ in got)
    assert (3, "姓名", "“姓名”不能为空") in got
    assert outcome.to_json()["errors"][0]["row"] == 2
