"""Make a written sheet print like the PDF form: A4, fitted to the page width, header rows
repeated on every page, "第 X 页 共 Y 页" in the footer and signature rows at the end.

Used for Excel copies of forms that get signed (the 慰问发放签领表): the office often edits
and prints the Excel copy instead of the PDF.

>>> import tempfile, pathlib
>>> from guilin_union.spreadsheets.writer import Column, Sheet, write_workbook
>>> path = pathlib.Path(tempfile.mkdtemp()) / "签领表.xlsx"
>>> _ = write_workbook(path, [Sheet("签领表", [Column("name", "姓名")], [{"name": "张三"}],
...                                heading="签领表")])
>>> _ = finish_for_print(path, signers=["经手人", "证明人"], header_rows=2)
>>> from openpyxl import load_workbook
>>> ws = load_workbook(path).active
>>> int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4), ws.print_title_rows
(True, '$1:$2')
>>> "第 &P 页 共 &N 页" in ws.oddFooter.center.text
True
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.styles import Alignment, Font

from guilin_union.spreadsheets.writer import _atomic_save

FOOTER = "第 &P 页 共 &N 页"
BLANK = "\u3000"


def finish_for_print(
    path: str | Path,
    *,
    signers: Sequence[str],
    with_date: bool = True,
    stamp: bool = True,
    landscape: bool = False,
    header_rows: int | None = None,
    per_row: int = 3,
) -> Path:
    """Set up every sheet's page and append the signature rows to the first sheet.

    ``header_rows``: how many top rows repeat on each printed page (default: 2 when the
    first row is a merged title, else 1).
    """
    target = Path(path)
    wb = load_workbook(target)
    for index, ws in enumerate(wb.worksheets):
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.orientation = "landscape" if landscape else "portrait"
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0  # as many pages as needed
        ws.print_options.horizontalCentered = True
        ws.page_margins.left = 28 / 25.4  # the binding edge (house style)
        ws.page_margins.right = ws.page_margins.top = 20 / 25.4
        ws.page_margins.bottom = 22 / 25.4
        ws.oddFooter.center.text = FOOTER
        ws.oddFooter.center.size = 9
        rows = header_rows or _header_rows(ws)
        ws.print_title_rows = f"1:{rows}"
        if index == 0 and signers:
            _signature_rows(ws, list(signers), with_date, stamp, per_row)
    return _atomic_save(wb, target)


def _header_rows(ws) -> int:  # type: ignore[no-untyped-def]
    """2 when row 1 is a title (one filled cell over several columns), else 1."""
    first = [ws.cell(row=1, column=c).value for c in range(1, ws.max_column + 1)]
    title = ws.max_column > 1 and first[0] not in (None, "") and not any(first[1:])
    return 2 if title and ws.max_row > 1 else 1


def _signature_rows(ws, signers: list[str], with_date: bool, stamp: bool, per_row: int) -> None:  # type: ignore[no-untyped-def]
    """``经手人：________`` groups spread over the sheet's width, then the date and seal."""
    width = max(ws.max_column, 1)
    font = Font(size=11)
    row = ws.max_row + 2
    per_row = max(1, min(per_row, len(signers)))
    span = max(1, width // per_row)
    for start in range(0, len(signers), per_row):
        for k, label in enumerate(signers[start : start + per_row]):
            column = 1 + k * span
            cell = ws.cell(row=row, column=column, value=f"{label}：" + "＿" * 6)
            cell.font = font
            cell.alignment = Alignment(horizontal="left", vertical="bottom")
            if span > 1:
                ws.merge_cells(
                    start_row=row, start_column=column, end_row=row, end_column=column + span - 1
                )
        ws.row_dimensions[row].height = 30
        row += 1
    if with_date or stamp:
        text = f"日期：{BLANK * 4}年{BLANK * 3}月{BLANK * 3}日" if with_date else ""
        if stamp:
            text += (BLANK * 3 if text else "") + "（盖章）"
        cell = ws.cell(row=row + 1, column=1, value=text)
        cell.font = font
        cell.alignment = Alignment(horizontal="right")
        if width > 1:
            ws.merge_cells(start_row=row + 1, start_column=1, end_row=row + 1, end_column=width)
