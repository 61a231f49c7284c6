"""Builders for hostile workbooks, made with openpyxl inside each test's tmp_path."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from openpyxl import Workbook


@pytest.fixture
def make_xlsx(tmp_path: Path) -> Callable[..., Path]:
    """``make_xlsx(rows, name=..., title=..., epoch1904=..., setup=...)`` -> path.

    ``rows`` is a list of lists written from A1; ``setup(ws)`` may decorate the sheet.
    ``sheets`` (a dict title -> rows) writes several sheets instead.
    """

    def build(
        rows: Sequence[Sequence[object]] | None = None,
        *,
        name: str = "book.xlsx",
        sheets: dict[str, Sequence[Sequence[object]]] | None = None,
        epoch1904: bool = False,
        setup: Callable[[object], None] | None = None,
    ) -> Path:
        wb = Workbook()
        if epoch1904:
            from openpyxl.utils.datetime import CALENDAR_MAC_1904

            wb.epoch = CALENDAR_MAC_1904
        wb.remove(wb.active)
        for title, sheet_rows in (sheets or {"Sheet1": rows or []}).items():
            ws = wb.create_sheet(title)
            for row in sheet_rows:
                ws.append(list(row))
            if setup is not None:
                setup(ws)
        path = tmp_path / name
        wb.save(path)
        return path

    return build


def _rewrite_part(path: Path, part: str, edit: Callable[[str], str]) -> None:
    """Rewrite one XML part of an .xlsx in place (to fake what other programs write)."""
    with zipfile.ZipFile(path) as src:
        items = [(info, src.read(info.filename)) for info in src.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info, data in items:
            if info.filename == part:
                data = edit(data.decode("utf-8")).encode("utf-8")
            dst.writestr(info, data)


def _set_dimension(xml: str, ref: str) -> str:
    if "<dimension" in xml:
        return re.sub(r'<dimension ref="[^"]*"\s*/>', f'<dimension ref="{ref}"/>', xml)
    return xml.replace("<sheetViews>", f'<dimension ref="{ref}"/><sheetViews>', 1)


@pytest.fixture
def rewrite_part() -> Callable[[Path, str, Callable[[str], str]], None]:
    return _rewrite_part


@pytest.fixture
def set_dimension() -> Callable[[str, str], str]:
    return _set_dimension
