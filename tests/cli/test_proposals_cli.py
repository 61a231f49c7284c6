"""``proposals ...`` commands and the proposal reports from the command line."""

from __future__ import annotations

import json

import pytest
from openpyxl import Workbook
from pypdf import PdfReader

from guilin_union.cli import main
from guilin_union.services import proposals
from guilin_union.storage import open_database
from tests.congress_fixtures import make_congress, submit


@pytest.fixture
def db_file(tmp_path):
    path = tmp_path / "cli.db"
    db = open_database(path)
    c = make_congress(db)
    first = submit(c, "关于增设教工子女托管班的建议")
    submit(
        c,
        "关于完善职称评审办法的建议",
        proposer="李四",
        seconders=("周五", "吴六"),
        category="人事制度",
    )
    proposals.accept(db, first, on="2024-03-20")
    db.conn.close()
    return path


def _run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_list_json_contract(db_file, capsys):
    code, out, _ = _run(
        capsys, "--db", str(db_file), "proposals", "list", "--session", "1", "--json"
    )
    rows = json.loads(out)
    assert code == 0 and len(rows) == 2
    first = rows[0]
    for key in (
        "number",
        "title",
        "category",
        "proposer",
        "seconders",
        "review_outcome",
        "handling_status",
        "rating",
    ):
        assert key in first, key
    assert (first["number"], first["proposer"], first["seconders"]) == (
        "2024-001",
        "赵一",
        ["钱二", "孙三"],
    )
    assert first["review_outcome"] == "立案（一般）" and first["handling_status"] == "待交办"
    code, out, _ = _run(
        capsys,
        "--db",
        str(db_file),
        "proposals",
        "list",
        "--session",
        "1",
        "--json",
        "--category",
        "人事制度",
    )
    assert [r["number"] for r in json.loads(out)] == ["2024-002"]


def test_stats_json(db_file, capsys):
    code, out, _ = _run(
        capsys, "--db", str(db_file), "proposals", "stats", "--session", "1", "--json"
    )
    data = json.loads(out)
    assert code == 0 and data["total"] == 2 and data["accepted"] == 1
    assert (
        data["by_review"]["待审查"] == 1
        and data["reply_rate"] == "0.0%"
        and data["satisfaction_rate"] == "—"
    )


def _xlsx(path, rows):
    wb = Workbook()
    wb.active.append(["案由", "类别", "提案人", "附议人", "提交日期"])
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return path


def test_import_dry_run_then_real(db_file, tmp_path, capsys):
    path = _xlsx(
        tmp_path / "p.xlsx",
        [["关于改善夜间照明的建议", "后勤保障", "孙三", "李四、周五", "2024-02-22"]],
    )
    code, out, _ = _run(
        capsys,
        "--db",
        str(db_file),
        "proposals",
        "import",
        str(path),
        "--session",
        "1",
        "--dry-run",
        "--json",
    )
    assert code == 0 and json.loads(out) == {
        "imported": 1,
        "skipped": 0,
        "updated": 0,
        "dry_run": True,
    }
    code, out, _ = _run(
        capsys, "--db", str(db_file), "proposals", "import", str(path), "--session", "1", "--json"
    )
    assert code == 0 and json.loads(out)["imported"] == 1
    code, out, _ = _run(
        capsys, "--db", str(db_file), "proposals", "list", "--session", "1", "--json"
    )
    assert json.loads(out)[-1]["number"] == "2024-003"


def test_import_errors_exit_1(db_file, tmp_path, capsys):
    path = _xlsx(
        tmp_path / "bad.xlsx",
        [["关于改善夜间照明的建议", "后勤保障", "孙三", "李四", "2024-02-22"]],
    )
    code, out, _ = _run(
        capsys, "--db", str(db_file), "proposals", "import", str(path), "--session", "1", "--json"
    )
    errors = json.loads(out)["errors"]
    assert code == 1 and errors[0]["row"] == 2 and errors[0]["column"] == "附议人"
    assert set(errors[0]) == {"row", "column", "value", "message"}


@pytest.mark.parametrize(
    "name, expected",
    [
        ("proposal-forms", "提案表"),
        ("proposal-compilation", "提案汇编"),
        ("proposal-handling", "提案办理情况一览表"),
        ("proposal-stats", "提案工作情况统计"),
    ],
)
def test_reports(db_file, tmp_path, capsys, name, expected):
    out = tmp_path / f"{name}.pdf"
    code, stdout, err = _run(
        capsys, "--db", str(db_file), "report", name, "--session", "1", "-o", str(out)
    )
    assert code == 0, err
    assert expected in "".join(PdfReader(out).pages[0].extract_text().split())


def test_export_and_unknown_department(db_file, tmp_path, capsys):
    out = tmp_path / "list.xlsx"
    code, stdout, _ = _run(
        capsys, "--db", str(db_file), "proposals", "export", str(out), "--session", "1"
    )
    assert code == 0 and out.exists() and "2 件" in stdout
    code, _, err = _run(
        capsys,
        "--db",
        str(db_file),
        "proposals",
        "list",
        "--session",
        "1",
        "--department",
        "无此处",
    )
    assert code == 1 and "没有部门" in err
