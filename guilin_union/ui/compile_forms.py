"""Compile Designer forms: ``forms/NAME.ui`` -> ``guilin_union/ui/forms/ui_NAME.py``.

Run ``uv run python -m guilin_union.ui.compile_forms`` after editing a form in Qt Designer
(``uv run pyside6-designer forms/NAME.ui``).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FORMS_DIR = ROOT / "forms"
OUT_DIR = Path(__file__).resolve().parent / "forms"


def uic_executable() -> str:
    exe = shutil.which("pyside6-uic", path=str(Path(sys.executable).parent)) or shutil.which(
        "pyside6-uic"
    )
    if not exe:
        raise RuntimeError("pyside6-uic not found; run inside the project's environment (uv run)")
    return exe


def compile_form(ui_file: Path) -> str:
    """Return the generated Python source of one form."""
    result = subprocess.run(
        [uic_executable(), "-g", "python", str(ui_file)],
        check=True,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    # The header names the uic version; keep it, but normalise line endings for the diff test.
    return result.stdout.replace("\r\n", "\n")


def output_path(ui_file: Path) -> Path:
    return OUT_DIR / f"ui_{ui_file.stem}.py"


def main() -> int:
    for ui_file in sorted(FORMS_DIR.glob("*.ui")):
        output_path(ui_file).write_text(compile_form(ui_file), encoding="utf-8")
        print(f"{ui_file.name} -> {output_path(ui_file).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
