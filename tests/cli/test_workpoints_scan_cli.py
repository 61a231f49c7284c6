"""``workpoints import`` of scans (issue 25), the engine replaced by a recorded result (the
real engine runs in tests/services/test_ocr.py): the added "ocr" key, photos of several
pages, and the hints on standard error."""

from __future__ import annotations

import json

from PIL import Image

from guilin_union.cli import main
from guilin_union.services import ocr

TEXT = "桂工〔2025〕3号\n某某工会2025年工作要点\n一、总体要求\n（一）学习。组织学习。"


def fake_scan(paths, progress=None) -> ocr.ScanResult:
    line = ocr.OcrLine(
        "（一）学习。组织学习。", (230, 141, 600, 165), 0.9, (0.99,) * 6 + (0.5,) * 5
    )
    pages = [ocr.OcrPage(1, Image.new("RGB", (10, 10)), [line])]
    fake_scan.paths = paths
    return ocr.ScanResult(pages, TEXT, issuer="某某工会")


def run(capsys, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def photos(tmp_path, count: int) -> list[str]:
    paths = []
    for n in range(count):
        path = tmp_path / f"第{n + 1}页.jpg"
        Image.new("RGB", (20, 20), "white").save(path)
        paths.append(str(path))
    return paths


def test_photos_of_several_pages_in_order_and_the_ocr_key(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr(ocr, "engine_available", lambda: True)
    monkeypatch.setattr(ocr, "read_scan", fake_scan)
    pages = photos(tmp_path, 2)
    code, out, _ = run(
        capsys,
        "--db",
        str(tmp_path / "u.db"),
        "workpoints",
        "import",
        *pages,
        "--year",
        "2025",
        "--dry-run",
        "--json",
    )
    assert code == 0
    assert [str(p) for p in fake_scan.paths] == pages
    data = json.loads(out)
    assert data["ocr"] == {
        "pages": 1,
        "low_confidence": [
            {"page": 1, "line": 1, "text": "（一）学习。组织学习。", "confidence": 0.5}
        ],
    }
    assert data["meta"]["issuer"] == "某某工会"
    assert [n["number"] for n in data["nodes"]] == ["一"]


def test_hints_for_uncertain_lines_without_json(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr(ocr, "engine_available", lambda: True)
    monkeypatch.setattr(ocr, "read_scan", fake_scan)
    (page,) = photos(tmp_path, 1)
    code, out, err = run(
        capsys,
        "--db",
        str(tmp_path / "u.db"),
        "workpoints",
        "import",
        page,
        "--year",
        "2025",
        "--dry-run",
    )
    assert code == 0
    assert "提示：第1页第1行识别把握不大（0.50），请核对：（一）学习。组织学习。" in err
    assert "共 2 个条目" in out


def test_several_files_must_all_be_photos(capsys, tmp_path):
    (page,) = photos(tmp_path, 1)
    text = tmp_path / "a.txt"
    text.write_text("一、要点", encoding="utf-8")
    code, out, err = run(
        capsys,
        "--db",
        str(tmp_path / "u.db"),
        "workpoints",
        "import",
        str(text),
        page,
        "--year",
        "2025",
        "--dry-run",
    )
    assert code == 1
    assert "多页照片请都用 .png 或 .jpg 图片" in err
    assert out == ""
