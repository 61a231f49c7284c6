"""The self-test's OCR line (issue 25): the bundled engine reads the built-in image."""

from __future__ import annotations

import pytest

from guilin_union.services import ocr
from guilin_union.ui.selftest import SelfTest


@pytest.mark.slow
@pytest.mark.skipif(not ocr.engine_available(), reason="OCR engine not installed")
def test_self_test_reads_the_built_in_image(tmp_path) -> None:
    lines: list[str] = []
    result = SelfTest(tmp_path, out=lines.append).check_ocr()
    assert result.ok, result.detail
    assert lines[0].startswith("[通过] 文字识别（OCR）")


def test_self_test_ocr_fails_clearly_without_the_engine(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(ocr, "engine_available", lambda: False)
    lines: list[str] = []
    assert not SelfTest(tmp_path, out=lines.append).check_ocr().ok
    assert lines == ["[失败] 文字识别（OCR）：未安装文字识别（OCR）组件，无法读取扫描件"]
