"""Shared helpers for the intake area's tests (imported, not a conftest)."""

from __future__ import annotations

from typing import Any

from guilin_union.services import members as members_service


def add_member(db, **fields: Any) -> int:
    """Insert one member through the register service (validated, logged)."""
    data = {"name": "张三", "branch": "文学院分工会", "join_date": "2010-09-01", **fields}
    return members_service.add_member(db, data).row_id


HEADERS = [
    "姓名",
    "性别",
    "身份证号",
    "手机",
    "工号",
    "分工会",
    "部门",
    "职称",
    "用工形式",
    "入职日期",
]


def person_row(
    id_number: str,
    name: str = "张三",
    *,
    branch: str = "文学院分工会",
    phone: str = "13812345678",
    staff_no: str | None = None,
    hire: object = "2024-09-01",
) -> list[object]:
    return [name, None, id_number, phone, staff_no, branch, "汉语言文学系", "讲师", "在编", hire]


def write_book(
    path,
    rows: list[list[object]],
    *,
    headers: list[str] | None = None,
    title: str | None = None,
    text_columns: tuple[int, ...] = (3, 4, 5),
    epoch1904: bool = False,
):
    """An .xlsx like the ones 人事处 sends: optional merged title row, then header and rows.

    ``rows`` items may be ``None`` (a blank row). Columns in ``text_columns`` (1-based) are
    formatted as text, the way a careful secretary formats ID columns.
    """
    from openpyxl import Workbook

    wb = Workbook()
    if epoch1904:
        from openpyxl.utils.datetime import CALENDAR_MAC_1904

        wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "名单"
    headers = headers or HEADERS
    r = 1
    if title:
        ws.cell(row=1, column=1, value=title)
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
        r = 2
    for c, h in enumerate(headers, start=1):
        ws.cell(row=r, column=c, value=h)
    for row in rows:
        r += 1
        if row is None:
            continue
        for c, value in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c, value=value)
            if c in text_columns and isinstance(value, str):
                cell.number_format = "@"
    wb.save(path)
    return path


def resident_id(birth=None, seq: int = 1, gender: str = "男", region: str = "450302") -> str:
    import datetime as dt

    from guilin_union.core.ids import make_resident_id

    return make_resident_id(region, birth or dt.date(1990, 3, 7), seq, gender)


def id_with_x() -> str:
    """A valid ID whose check character is X."""
    import datetime as dt

    for seq in range(100):
        for gender in ("男", "女"):
            number = resident_id(dt.date(1988, 5, 20), seq, gender)
            if number.endswith("X"):
                return number
    raise AssertionError("no X found")
