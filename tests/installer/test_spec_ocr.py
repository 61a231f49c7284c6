"""The spec bundles the OCR engine's models (issue 25), in a block that can be left out to
measure the bundle without OCR."""

from __future__ import annotations

from pathlib import Path

import pytest

INSTALLER = Path(__file__).resolve().parents[2] / "installer"


def spec_head(monkeypatch, no_ocr: bool) -> dict:
    if no_ocr:
        monkeypatch.setenv("GUILIN_UNION_BUNDLE_NO_OCR", "1")
    else:
        monkeypatch.delenv("GUILIN_UNION_BUNDLE_NO_OCR", raising=False)
    text = (INSTALLER / "guilin_union.spec").read_text(encoding="utf-8")
    head, sep, _ = text.partition("\na = Analysis(")
    assert sep
    namespace: dict = {"SPECPATH": str(INSTALLER), "__name__": "spec"}
    exec(compile(head, "guilin_union.spec", "exec"), namespace)  # noqa: S102 (our own file)
    return namespace


def test_models_are_bundled_without_opencv(monkeypatch) -> None:
    from guilin_union.services import ocr_engine

    if ocr_engine.model_dir() is None:
        pytest.skip("OCR models not installed")
    pytest.importorskip("PyInstaller")
    spec = spec_head(monkeypatch, no_ocr=False)
    models = sorted((Path(src).name, dest) for src, dest in spec["DATAS"] if src.endswith(".onnx"))
    assert models == [
        ("ch_PP-OCRv4_det_infer.onnx", "ocr_models"),
        ("ch_PP-OCRv4_rec_infer.onnx", "ocr_models"),
        ("ch_ppocr_mobile_v2.0_cls_infer.onnx", "ocr_models"),
    ]
    assert "guilin_union.services.ocr_engine" in spec["HIDDEN_IMPORTS"]
    # The wheel's code (it imports OpenCV and shapely) stays out, and so do they.
    assert {"rapidocr_onnxruntime", "cv2", "shapely"} <= set(spec["EXCLUDES"])
    assert not any(name.startswith("rapidocr") for name in spec["HIDDEN_IMPORTS"])
    assert "onnxruntime" not in spec["EXCLUDES"] and "numpy" not in spec["EXCLUDES"]
    assert any(dest.endswith("ocr") for _, dest in spec["DATAS"])  # the self-test's image


def test_bundled_model_folder_is_where_the_engine_looks(monkeypatch) -> None:
    pytest.importorskip("PyInstaller")
    from guilin_union.services import ocr_engine

    spec = spec_head(monkeypatch, no_ocr=False)
    assert spec["OCR_MODEL_FILES"] == sorted(ocr_engine.MODEL_FILES.values())
    assert ocr_engine.BUNDLE_MODEL_DIR == "ocr_models"


def test_bundle_without_ocr_for_measuring(monkeypatch) -> None:
    pytest.importorskip("PyInstaller")
    spec = spec_head(monkeypatch, no_ocr=True)
    assert not any(src.endswith(".onnx") for src, _ in spec["DATAS"])
    assert {"rapidocr_onnxruntime", "onnxruntime", "cv2", "numpy"} <= set(spec["EXCLUDES"])
