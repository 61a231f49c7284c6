"""Open a written PDF/Excel file in the system's viewer (skipped under tests/offscreen)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices


def open_document(path: Path) -> bool:
    if os.environ.get("GUILIN_UNION_NO_OPEN") or os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        return False
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
