"""The kinds of value of cli/option.py: each is shown and parsed the same way everywhere."""

from __future__ import annotations

import argparse

import pytest

from guilin_union.cli import ChineseArgumentParser
from guilin_union.cli.option import (
    count_opt,
    date_opt,
    member_opt,
    month_opt,
    session_opt,
    text_opt,
    year_opt,
    yuan_opt,
)


def _parser(*adders) -> argparse.ArgumentParser:  # noqa: ANN002
    parser = ChineseArgumentParser(prog="t")
    for add in adders:
        add(parser)
    return parser


@pytest.mark.parametrize(
    ("adder", "metavar", "given", "value"),
    [
        (date_opt("--on", "日期"), "YYYY-MM-DD", "2024-03-01", "2024-03-01"),
        (month_opt("--on", "月份"), "YYYY-MM", "2024-03", "2024-03"),
        (year_opt("--on", "年度"), "YYYY", "2024", 2024),
        (member_opt("--on", "会员"), "MEMBER_ID", "7", 7),
        (count_opt("--on", "月数"), "N", "3", 3),
        (yuan_opt("--on", "金额"), "元", "300.50", "300.50"),
        (text_opt("--on", "备注"), "TEXT", "说明", "说明"),
        (session_opt("--on", "会议"), "ID", "current", "current"),
    ],
)
def test_each_kind_has_its_metavar_and_type(adder, metavar, given, value) -> None:  # noqa: ANN001
    parser = _parser(adder)
    assert f"--on {metavar}" in parser.format_help()
    assert parser.parse_args(["--on", given]).on == value


def test_a_kind_passes_on_help_and_other_settings() -> None:
    parser = _parser(year_opt("--year", "年度", required=True), member_opt("member_id"))
    text = parser.format_help()
    assert "年度" in text and "MEMBER_ID" in text
    with pytest.raises(SystemExit) as exc:
        parser.parse_args(["5"])
    assert exc.value.code == 2
    with pytest.raises(SystemExit):
        parser.parse_args(["--year", "今年", "5"])
