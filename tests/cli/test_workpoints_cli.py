"""Command-line contract of the work points: import (file, stdin, dry run, JSON), list, reports."""

from __future__ import annotations

import io
import json
import sys

import pytest
from pypdf import PdfReader

from guilin_union.cli import main
from guilin_union.core.workpoints_parser import parse_workpoints
from tests.workpoints_fixtures import REGION_2025, SCHOOL_2024

LIST_KEYS = {
    "number",
    "level",
    "heading",
    "lead_unit",
    "responsible_units",
    "owner",
    "deadline",
    "status",
    "latest_note",
}


def run(capsys, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def db_path(tmp_path):
    return str(tmp_path / "union.db")


def test_dry_run_json_is_exactly_the_parsed_tree(capsys, db_path, tmp_path) -> None:
    code, out, _ = run(
        capsys,
        "--db",
        db_path,
        "workpoints",
        "import",
        str(REGION_2025),
        "--year",
        "2025",
        "--kind",
        "upper",
        "--dry-run",
        "--json",
    )
    assert code == 0
    assert json.loads(out) == parse_workpoints(REGION_2025.read_text(encoding="utf-8")).to_dict()
    assert not (tmp_path / "union.db").exists()  # a dry run does not even create the database


def test_json_node_shape(capsys, db_path) -> None:
    _, out, _ = run(
        capsys,
        "--db",
        db_path,
        "workpoints",
        "import",
        str(REGION_2025),
        "--year",
        "2025",
        "--dry-run",
        "--json",
    )
    data = json.loads(out)
    assert set(data) == {"meta", "nodes"}
    assert set(data["meta"]) == {"issuer", "doc_number", "date", "title", "intro"}
    eleven = data["nodes"][2]["children"][3]
    assert set(eleven) == {
        "number",
        "level",
        "heading",
        "text",
        "lead_unit",
        "responsible_units",
        "children",
    }
    assert (eleven["number"], eleven["level"], eleven["lead_unit"]) == ("十一", 2, None)
    assert [c["number"] for c in eleven["children"]] == ["1", "2", "3"]


def test_import_saves_and_adds_plan_id(capsys, db_path) -> None:
    code, out, _ = run(
        capsys,
        "--db",
        db_path,
        "workpoints",
        "import",
        str(SCHOOL_2024),
        "--year",
        "2024",
        "--json",
    )
    assert code == 0
    data = json.loads(out)
    assert isinstance(data["plan_id"], int) and len(data["nodes"]) == 4
    code, out, _ = run(capsys, "--db", db_path, "workpoints", "list", "--year", "2024", "--json")
    items = json.loads(out)
    assert code == 0 and len(items) == 16
    assert all(LIST_KEYS <= set(item) for item in items)
    assert {i["plan_id"] for i in items} == {data["plan_id"]}
    assert [i["number"] for i in items if i["level"] == 2][-1] == "十二"
    assert all(i["status"] == "未开始" and i["latest_note"] is None for i in items)


def test_import_from_stdin_in_gb18030(capsys, db_path, monkeypatch) -> None:
    data = REGION_2025.read_text(encoding="utf-8").encode("gb18030")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="latin-1"))
    code, out, _ = run(
        capsys, "--db", db_path, "workpoints", "import", "-", "--kind", "upper", "--json"
    )
    assert code == 0
    parsed = json.loads(out)
    assert parsed["meta"]["doc_number"] == "桂教工字〔2025〕9号"
    code, out, _ = run(
        capsys, "--db", db_path, "workpoints", "list", "--year", "2025", "--kind", "upper", "--json"
    )
    items = json.loads(out)
    nine = next(i for i in items if i["number"] == "九" and i["level"] == 2)
    assert (
        nine["responsible_units"] == ["防城港", "百色", "崇左市教育工会"]
        and nine["kind"] == "upper"
    )


def test_import_twice_keeps_both_unless_replace(capsys, db_path) -> None:
    for _ in range(2):
        code, _, err = run(
            capsys, "--db", db_path, "workpoints", "import", str(SCHOOL_2024), "--year", "2024"
        )
        assert code == 0
    assert "另存为一份新的计划" in err
    code, out, _ = run(capsys, "--db", db_path, "workpoints", "plans", "--json")
    assert len(json.loads(out)) == 2
    code, _, err = run(
        capsys,
        "--db",
        db_path,
        "workpoints",
        "import",
        str(SCHOOL_2024),
        "--year",
        "2024",
        "--replace",
    )
    assert code == 1 and "请指定" in err  # two candidates: refuses to guess
    code, out, _ = run(capsys, "--db", db_path, "workpoints", "plans", "--json")
    assert len(json.loads(out)) == 2


def test_replace_single_plan(capsys, db_path) -> None:
    run(capsys, "--db", db_path, "workpoints", "import", str(SCHOOL_2024), "--year", "2024")
    code, out, _ = run(
        capsys,
        "--db",
        db_path,
        "workpoints",
        "import",
        str(SCHOOL_2024),
        "--year",
        "2024",
        "--replace",
    )
    assert code == 0 and "已替换" in out
    code, out, _ = run(capsys, "--db", db_path, "workpoints", "plans", "--json")
    assert len(json.loads(out)) == 1


@pytest.mark.parametrize(
    "args, message",
    [
        (["workpoints", "import", "没有这个文件.docx", "--year", "2024"], "找不到文件"),
        (["workpoints", "import", "要点.doc", "--year", "2024"], "不支持的文件类型"),
        (["report", "workpoints-ledger", "--year", "2023", "-o", "x.pdf"], "没有2023年"),
    ],
)
def test_data_errors_exit_1(capsys, db_path, tmp_path, monkeypatch, args, message) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "--db", db_path, *args)
    assert code == 1 and message in err
    assert not (tmp_path / "x.pdf").exists()


def test_text_without_items_is_not_saved(capsys, db_path, tmp_path) -> None:
    path = tmp_path / "通知.txt"
    path.write_text("关于召开会议的通知\n请各单位准时参加。", encoding="utf-8")
    code, _, err = run(capsys, "--db", db_path, "workpoints", "import", str(path), "--year", "2024")
    assert code == 1 and "没有识别到任何条目" in err


def test_year_is_guessed_when_missing(capsys, db_path) -> None:
    code, out, _ = run(
        capsys, "--db", db_path, "workpoints", "import", str(REGION_2025), "--kind", "upper"
    )
    assert code == 0 and "2025年 上级" in out


def test_usage_error_exit_2(capsys, db_path) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--db", db_path, "workpoints", "import", str(SCHOOL_2024), "--kind", "city"])
    assert info.value.code == 2


def test_reports_and_export(capsys, db_path, tmp_path) -> None:
    run(capsys, "--db", db_path, "workpoints", "import", str(SCHOOL_2024), "--year", "2024")
    run(
        capsys,
        "--db",
        db_path,
        "workpoints",
        "import",
        str(REGION_2025),
        "--year",
        "2025",
        "--kind",
        "upper",
    )
    ledger = tmp_path / "台账.pdf"
    code, out, _ = run(
        capsys, "--db", db_path, "report", "workpoints-ledger", "--year", "2024", "-o", str(ledger)
    )
    assert code == 0 and "12 行" in out
    text = "".join(p.extract_text() for p in PdfReader(str(ledger)).pages)
    assert "工作要点落实台账" in text
    summary = tmp_path / "总结.pdf"
    code, _, _ = run(
        capsys,
        "--db",
        db_path,
        "report",
        "workpoints-summary",
        "--year",
        "2025",
        "-o",
        str(summary),
    )
    assert code == 0 and "落实情况总结" in PdfReader(str(summary)).pages[0].extract_text()
    xlsx = tmp_path / "台账.xlsx"
    code, _, _ = run(
        capsys, "--db", db_path, "report", "workpoints-ledger", "--year", "2025", "-o", str(xlsx)
    )
    assert code == 0 and xlsx.read_bytes()[:2] == b"PK"
    code, _, _ = run(
        capsys,
        "--db",
        db_path,
        "workpoints",
        "export",
        "--year",
        "2024",
        "-o",
        str(tmp_path / "e.xlsx"),
    )
    assert code == 0 and (tmp_path / "e.xlsx").exists()
    code, out, _ = run(capsys, "--db", db_path, "report", "list")
    assert "workpoints-ledger" in out and "workpoints-summary" in out


def test_carry_over_and_unanswered(capsys, db_path) -> None:
    run(capsys, "--db", db_path, "workpoints", "import", str(SCHOOL_2024), "--year", "2024")
    run(
        capsys,
        "--db",
        db_path,
        "workpoints",
        "import",
        str(REGION_2025),
        "--year",
        "2025",
        "--kind",
        "upper",
    )
    code, out, _ = run(
        capsys, "--db", db_path, "workpoints", "carry-over", "--from-year", "2024", "--json"
    )
    assert code == 0 and json.loads(out)["carried"] == 12
    code, _, err = run(capsys, "--db", db_path, "workpoints", "carry-over", "--from-year", "2024")
    assert code == 1 and "没有需要结转" in err
    code, out, _ = run(
        capsys, "--db", db_path, "workpoints", "unanswered", "--year", "2025", "--json"
    )
    assert code == 0 and len(json.loads(out)) == 19


def test_list_of_an_empty_year(capsys, db_path) -> None:
    code, out, _ = run(capsys, "--db", db_path, "workpoints", "list", "--year", "2030", "--json")
    assert code == 0 and json.loads(out) == []
    code, _, err = run(capsys, "--db", db_path, "workpoints", "list", "--year", "2030")
    assert code == 1 and "没有2030年" in err
