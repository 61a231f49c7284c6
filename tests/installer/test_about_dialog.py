"""帮助 ▸ 关于: version, data folder and licence notes (including the bundled font's)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel

import guilin_union


def _dialog(qtbot, tmp_path: Path):
    from PySide6.QtCore import QSettings

    from guilin_union.storage import open_database
    from guilin_union.ui.application import ensure_application
    from guilin_union.ui.context import AppContext
    from guilin_union.ui.dialogs.about_dialog import AboutDialog

    ensure_application()
    db_path = tmp_path / "about.db"
    ctx = AppContext(
        db=open_database(db_path),
        db_path=db_path,
        qsettings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
    )
    dialog = AboutDialog(ctx)
    qtbot.addWidget(dialog)
    return dialog, ctx


def test_about_shows_version_data_locations_and_licences(qtbot, tmp_path):
    from guilin_union.storage import default_data_dir

    dialog, ctx = _dialog(qtbot, tmp_path)
    try:
        labels = " ".join(label.text() for label in dialog.findChildren(QLabel))
        assert f"版本 {guilin_union.__version__}" in labels
        assert "桂林学院工会工作管理系统" in labels  # the institution name from the settings
        assert str(ctx.db_path) in labels and str(default_data_dir()) in labels
        assert str(tmp_path / "backups") in labels
        licences = dialog.licence_view.toPlainText()
        for needle in ("MIT", "文泉驿微米黑", "Apache 2.0", "LGPL", "ReportLab"):
            assert needle in licences, needle
        assert "LICENSE-Apache-2.0.txt" in licences
        assert dialog.open_folder_button.text() == "打开数据文件夹"
        assert dialog.open_data_folder() is False  # no file manager under tests
    finally:
        ctx.db.conn.close()


def test_licence_file_named_in_the_dialog_exists():
    from guilin_union.ui.dialogs.about_dialog import licence_html

    text = licence_html()
    path = text.split("许可全文：", 1)[1].split("<", 1)[0]
    assert Path(path).is_file()
