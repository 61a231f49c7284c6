"""Hostile and damaged files through every importer of the command line.

- Bombs (a ~600 KB .xlsx of blank rows, a ~650 KB .docx, a PDF whose stream inflates to
  200 MB) are refused with exit 1 and a Chinese message; the peak memory of the child
  process is measured (``ru_maxrss`` of a wrapper's only child) and must stay below 300 MB.
- A fuzz corpus (truncated, bit-flipped, zeroed, duplicated/removed blocks; zip parts
  replaced by truncated XML, noise, nothing or a DTD) built from valid files is fed to
  members, proposals, welfare, activity sign-up and work-point imports: the exit code is 0
  or 1, a message is printed, no exception escapes, and a refused file writes nothing.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from guilin_union.cli import main
from guilin_union.storage import open_database
from tests import activities_fixtures as fx
from tests.congress_fixtures import make_congress
from tests.hostile_files import (
    BILLION_LAUGHS,
    MALFORMED_DOCUMENT,
    MB,
    docx_bomb,
    docx_with_document,
    mutations,
    pdf_stream_bomb,
    xlsx_row_bomb,
    zip_member_mutations,
)

RSS_LIMIT_KB = 300 * 1024

_MEASURE = textwrap.dedent(
    """
    import json, resource, subprocess, sys, time
    start = time.monotonic()
    done = subprocess.run(sys.argv[1:], capture_output=True)
    print(json.dumps({
        "code": done.returncode,
        "stderr": done.stderr.decode("utf-8", "replace"),
        "stdout": done.stdout.decode("utf-8", "replace"),
        "seconds": time.monotonic() - start,
        "maxrss_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    }))
    """
)


def _measured(*argv: str) -> dict:
    """Run the CLI in a child of a wrapper whose only child it is: RUSAGE_CHILDREN is then
    the CLI's own peak resident memory."""
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, sys.executable, "-m", "guilin_union", *argv],
        capture_output=True,
        timeout=120,  # a hang guard only; the figures are asserted on memory, not time
        check=True,
    )
    return json.loads(done.stdout)


@pytest.mark.skipif(sys.platform == "win32", reason="ru_maxrss is POSIX")
@pytest.mark.parametrize(
    ("kind", "command"),
    [
        ("xlsx", ["members", "import"]),
        ("xlsx-stream", ["members", "import"]),
        ("docx", ["workpoints", "import", "--year", "2026", "--dry-run"]),
        ("pdf", ["workpoints", "import", "--year", "2026", "--dry-run"]),
    ],
)
def test_bombs_are_refused_with_little_memory(tmp_path, kind, command):
    if kind == "xlsx":
        path = xlsx_row_bomb(tmp_path / "bomb.xlsx", unpacked=390 * MB)
    elif kind == "xlsx-stream":  # under the directory limit: the row count stops it
        path = xlsx_row_bomb(tmp_path / "bomb2.xlsx", unpacked=200 * MB)
    elif kind == "docx":
        path = docx_bomb(tmp_path / "bomb.docx", unpacked=400 * MB)
    else:
        path = pdf_stream_bomb(tmp_path / "bomb.pdf", unpacked=200 * MB)
    assert path.stat().st_size < 1024 * 1024
    result = _measured("--db", str(tmp_path / "t.db"), *command, str(path))
    print(kind, path.stat().st_size, round(result["seconds"], 2), result["maxrss_kb"])
    assert result["code"] == 1, result
    assert "Traceback" not in result["stderr"] + result["stdout"]
    assert "错误：" in result["stderr"] and ("上限" in result["stderr"])
    assert result["maxrss_kb"] < RSS_LIMIT_KB, result


# ------------------------------------------------------------------------------ fuzzing


@pytest.fixture(scope="module")
def fuzz_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("fuzz") / "fuzz.db"
    db = open_database(path)
    make_congress(db)
    fx.setup(db)
    fx.make_activity(db, places=30, events=["男子100米"])
    db.conn.close()
    return path


def _base_xlsx(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "名单"
    ws.append(["姓名", "性别", "身份证号", "手机号码", "部门", "工号", "提案标题", "金额"])
    ws.append(["张三", "男", "450302199003071234", "13800000000", "教务处", "T001", "建议", "300"])
    ws.append(["李四", "女", "45030219900307123X", "13900000000", "人事处", "T002", "意见", "200"])
    wb.save(path)
    return path


def _base_docx(path: Path) -> Path:
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = "".join(
        f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"
        for text in ("一、总体要求", "（一）加强思想政治建设", "1.组织学习", "二、重点工作")
    )
    return docx_with_document(
        path, f'<?xml version="1.0"?><w:document {w}><w:body>{body}</w:body></w:document>'.encode()
    )


def _counts(db_path: Path) -> dict[str, int]:
    import sqlite3

    conn = sqlite3.connect(db_path)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {t: conn.execute(f"SELECT count(*) FROM [{t}]").fetchone()[0] for t in tables}
    finally:
        conn.close()


IMPORTERS = {
    ".xlsx": [
        ["members", "import"],
        ["proposals", "import", "--session", "1"],
        ["welfare", "import"],
        ["activities", "import-signups", "--activity", "1"],
    ],
    ".docx": [["workpoints", "import", "--year", "2026"]],
    ".pdf": [["workpoints", "import", "--year", "2026"]],
}


def _corpus(folder: Path) -> list[Path]:
    xlsx = _base_xlsx(folder / "base.xlsx")
    docx = _base_docx(folder / "base.docx")
    pdf = pdf_stream_bomb(folder / "base.pdf", unpacked=0)
    files: list[Path] = []
    for base, count in ((xlsx, 20), (docx, 20), (pdf, 15)):
        for label, data in mutations(base.read_bytes(), seed=18, count=count):
            target = folder / f"{base.stem}-{label}{base.suffix}"
            target.write_bytes(data)
            files.append(target)
    files += zip_member_mutations(xlsx, folder, seed=18)
    files += zip_member_mutations(docx, folder, seed=18)
    files.append(docx_with_document(folder / "laughs.docx", BILLION_LAUGHS))
    files.append(docx_with_document(folder / "malformed.docx", MALFORMED_DOCUMENT))
    odd = folder / "odd.xlsx"  # a Word document under an Excel name, and an empty zip
    odd.write_bytes(docx.read_bytes())
    files.append(odd)
    empty = folder / "empty.docx"
    with zipfile.ZipFile(empty, "w"):
        pass
    files.append(empty)
    return files


def test_fuzz_every_importer_never_shows_a_traceback(fuzz_db, tmp_path, capsys):
    files = _corpus(tmp_path)
    assert len(files) > 60
    outcomes: dict[int, int] = {0: 0, 1: 0}
    for path in files:
        for command in IMPORTERS[path.suffix]:
            before = _counts(fuzz_db)
            argv = ["--db", str(fuzz_db), *command, str(path)]
            try:
                code = main(argv)
            except SystemExit as exc:  # argparse only: never from a file's content
                pytest.fail(f"{argv}: SystemExit {exc.code}")
            out = capsys.readouterr()
            text = out.out + out.err
            assert code in (0, 1), (argv, code, text)
            assert text.strip(), argv  # a message either way
            assert "Traceback" not in text, (argv, text)
            outcomes[code] += 1
            if code == 1:
                assert _counts(fuzz_db) == before, argv  # nothing written
    assert outcomes[1] > 50  # most damaged files are refused
