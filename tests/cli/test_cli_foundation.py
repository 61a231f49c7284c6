"""Command-line contract of the foundation: demo, check, members list/export, reports."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from guilin_union.cli import main


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "demo.db"
    assert main(["--db", str(path), "demo"]) == 0
    return path


def run_json(capsys, *args):
    capsys.readouterr()
    code = main(list(args))
    out = capsys.readouterr().out
    return code, json.loads(out)


def test_demo_refuses_non_empty_database(demo_path, capsys):
    assert main(["--db", str(demo_path), "demo"]) == 1
    assert "已有数据" in capsys.readouterr().err


def test_check_reports_sound_database(demo_path, capsys):
    code, data = run_json(capsys, "--db", str(demo_path), "check", "--json")
    assert code == 0
    assert (
        data["integrity"] == "ok" and data["foreign_keys"] == "ok" and data["schema_version"] >= 1
    )


def test_members_list_json_contract(demo_path, capsys):
    code, rows = run_json(capsys, "--db", str(demo_path), "members", "list", "--json")
    assert code == 0 and len(rows) >= 500
    required = {"id", "member_no", "name", "gender", "branch", "status", "id_number_masked"}
    assert all(required <= set(r) for r in rows)
    assert all("*" in r["id_number_masked"] for r in rows)


def test_members_list_filters(demo_path, capsys):
    _, rows = run_json(
        capsys,
        "--db",
        str(demo_path),
        "members",
        "list",
        "--json",
        "--branch",
        "文学院分工会",
        "--status",
        "在会",
    )
    assert (
        rows
        and {r["branch"] for r in rows} == {"文学院分工会"}
        and {r["status"] for r in rows} == {"在会"}
    )
    name = rows[0]["name"]
    _, found = run_json(
        capsys, "--db", str(demo_path), "members", "list", "--json", "--search", name
    )
    assert name in {r["name"] for r in found}


def test_unknown_branch_is_a_data_error(demo_path, capsys):
    code = main(["--db", str(demo_path), "members", "list", "--branch", "文学"])
    assert code == 1
    assert "文学院分工会" in capsys.readouterr().err


def test_export_masked_and_unmasked(demo_path, tmp_path, capsys):
    out = tmp_path / "m.xlsx"
    assert main(["--db", str(demo_path), "members", "export", str(out)]) == 0
    ws = load_workbook(out).active
    header_row = next(r for r in ws.iter_rows(values_only=True) if r and "身份证号" in r)
    id_col = header_row.index("身份证号")
    values = [
        r[id_col]
        for r in ws.iter_rows(values_only=True)
        if r and r[id_col] and r[id_col] != "身份证号"
    ]
    assert values and all("**********" in v for v in values)
    full = tmp_path / "full.xlsx"
    assert main(["--db", str(demo_path), "members", "export", str(full), "--unmasked"]) == 0
    ws = load_workbook(full).active
    values = [
        r[id_col]
        for r in ws.iter_rows(values_only=True)
        if r and r[id_col] and r[id_col] != "身份证号"
    ]
    assert all("*" not in v and len(v) == 18 for v in values)
    assert ws.cell(row=3, column=id_col + 1).number_format == "@"


def test_report_list_and_member_roster(demo_path, tmp_path, capsys):
    assert main(["report", "list"]) == 0
    assert "member-roster" in capsys.readouterr().out
    out = tmp_path / "r.pdf"
    assert (
        main(
            [
                "--db",
                str(demo_path),
                "report",
                "member-roster",
                "--branch",
                "机关分工会",
                "-o",
                str(out),
            ]
        )
        == 0
    )
    reader = PdfReader(out)
    text = "".join(p.extract_text() for p in reader.pages)
    assert "机关分工会" in text and f"共 {len(reader.pages)} 页" in text
    assert "文学院分工会（" not in text


def test_usage_errors_exit_2():
    result = subprocess.run(
        [sys.executable, "-m", "guilin_union", "members", "list", "--status", "不存在"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert "错误" in result.stderr
    result = subprocess.run(
        [sys.executable, "-m", "guilin_union", "report"], capture_output=True, text=True
    )
    assert result.returncode == 2
