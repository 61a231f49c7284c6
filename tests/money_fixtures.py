"""Shared set-up of the money tests: members with salary bases and a deduction-list file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl

from guilin_union.services.intake import dues
from tests.intake_fixtures import add_member

# name, staff number, branch, base (fen) -> dues 0.5 % of the base truncated to 10 元
PEOPLE = [
    ("张三", "T001", "文学院分工会", 567890),  # 5,670 元 -> 28.35
    ("李四", "T002", "文学院分工会", 400000),  # 20.00
    ("王五", "T003", "机关分工会", 612345),  # 6,120 -> 30.60
    ("赵六", "T004", "机关分工会", 300999),  # 3,000 -> 15.00
]
DUES = {"T001": 2835, "T002": 2000, "T003": 3060, "T004": 1500}


def add_people(db) -> dict[str, int]:
    """Four members (joined 2010) with bases; returns staff number -> member id."""
    ids = {}
    for name, staff_no, branch, base in PEOPLE:
        mid = add_member(db, name=name, staff_no=staff_no, branch=branch, join_date="2010-09-01")
        dues.set_dues_record(db, mid, salary_base_fen=base, dues_start_month="2010-09")
        ids[staff_no] = mid
    return ids


def deduction_file(path: Path, rows: list[tuple[Any, Any, Any]], *, title: bool = True) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "代扣名单"
    if title:
        ws.append(["2025年3月工会会费代扣明细"])
    ws.append(["序号", "工号", "姓名", "金额"])
    for i, (staff_no, name, amount) in enumerate(rows, start=1):
        ws.append([i, staff_no, name, amount])
    wb.save(path)
    return path


def correct_rows() -> list[tuple[str, str, str]]:
    return [
        ("T001", "张三", "28.35"),
        ("T002", "李四", "20.00"),
        ("T003", "王五", "30.60"),
        ("T004", "赵六", "15.00"),
    ]
