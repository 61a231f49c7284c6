"""The PyInstaller spec, built for real on Linux, and the bundle's own self-test (slow: a few
minutes; run in CI)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.skipif(
    shutil.which("uv") is None or shutil.which("bash") is None, reason="needs uv and bash"
)
def test_linux_bundle_builds_and_passes_its_self_test(tmp_path: Path):
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    result = subprocess.run(
        ["bash", str(ROOT / "installer" / "build_linux.sh"), str(tmp_path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=env,
        cwd=ROOT,
        timeout=1200,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-6000:]

    bundle = tmp_path / "dist" / "guilin-union"
    assert (bundle / "guilin-union").is_file() and (bundle / "guilin-union-cli").is_file()
    lines = [line for line in result.stdout.splitlines() if line.startswith("[")]
    assert lines and not [line for line in lines if not line.startswith("[通过]")], output[-6000:]
    assert re.search(r"^自检完成：\d+ 项通过，0 项失败。", result.stdout, re.M)
    assert "（安装版" in result.stdout  # it really ran frozen, not from the checkout

    # Fonts, resources and reports came from inside the bundle.
    font_line = next(line for line in lines if line.startswith("[通过] 中文字体"))
    assert str(bundle) in font_line and "wqy-microhei.ttc" in font_line
    resources_line = next(line for line in lines if line.startswith("[通过] 资源文件"))
    assert str(bundle) in resources_line
    assert sum(line.startswith("[通过] 报表 ") for line in lines) >= 5

    # The big unused Qt parts stayed out.
    names = [p.name for p in bundle.rglob("*")]
    for unwanted in ("Qt6Quick", "Qt6Qml", "Qt6WebEngine", "Qt6Pdf", "Qt63D", "Qt6Multimedia"):
        assert not [n for n in names if unwanted in n], unwanted
    assert any(n.startswith("libqoffscreen") for n in names)
