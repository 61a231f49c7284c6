"""The OCR bench row (issue 25) with the engine replaced by a stand-in (the real run is
``python -m bench --only ocr``)."""

from __future__ import annotations

from types import SimpleNamespace

from bench import ocr as bench_ocr
from bench.ocr import measure_ocr
from guilin_union.services import ocr


def test_ocr_row_compares_read_scan_with_the_engine(tmp_path, monkeypatch) -> None:
    calls = {"engine": 0, "ours": 0}

    def engine_call(image):
        calls["engine"] += 1
        assert image.mode == "RGB" and image.width > 1000  # the same page image
        return [[None, "字", 1.0]] * 30

    def read_scan(path):
        calls["ours"] += 1
        assert path.suffix == ".png"
        return SimpleNamespace(text="桂教工字〔2025〕9号")

    monkeypatch.setattr(ocr, "engine_available", lambda: True)
    monkeypatch.setattr(ocr, "engine", lambda: None)
    monkeypatch.setattr(bench_ocr, "baseline_engine", lambda: ("RapidOCR", engine_call))
    monkeypatch.setattr(ocr, "read_scan", read_scan)
    (row,) = measure_ocr(tmp_path, 2)
    assert row.valid, row.problems
    assert calls == {"engine": 3, "ours": 3}  # one warm-up each
    assert row.target is not None and row.target.kind == "ratio" and row.target.limit == 1.5


def test_ocr_row_is_invalid_when_the_text_is_wrong(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(ocr, "engine_available", lambda: True)
    monkeypatch.setattr(ocr, "engine", lambda: None)
    monkeypatch.setattr(
        bench_ocr, "baseline_engine", lambda: ("RapidOCR", lambda image: [[None, "字", 1.0]] * 30)
    )
    monkeypatch.setattr(ocr, "read_scan", lambda path: SimpleNamespace(text="乱码"))
    (row,) = measure_ocr(tmp_path, 1)
    assert not row.valid
