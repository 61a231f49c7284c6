"""Open a written PDF/Excel file in the system's viewer (skipped under tests/offscreen)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices


def open_document(path: Path) -> bool:
    _warn_missing_glyphs()
    if os.environ.get("GUILIN_UNION_NO_OPEN") or os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        return False
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def _warn_missing_glyphs() -> None:
    """Tell the user which names/characters the printout shows as “〓” (no font has them)."""
    from guilin_union.reports.fonts import missing_message, take_unreported

    found = take_unreported()
    if not found or os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        return
    from PySide6.QtWidgets import QApplication, QMessageBox

    QMessageBox.warning(QApplication.activeWindow(), "打印件缺字", missing_message(found))
