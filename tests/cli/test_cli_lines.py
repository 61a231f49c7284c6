"""The lines of a listing (cli/lines.py): fields by tabs, None as an empty field."""

from __future__ import annotations

from guilin_union.cli.lines import row_line, tab_line


def test_tab_line_shows_none_as_an_empty_field_and_keeps_zero() -> None:
    assert tab_line(3, "张三", None, 0, "") == "3\t张三\t\t0\t"


def test_row_line_shows_the_keys_in_order() -> None:
    line = row_line("seq", "name", "voucher_no")
    assert line({"name": "李四", "seq": 2, "voucher_no": None, "other": "x"}) == "2\t李四\t"
