"""帮助 ▸ 关于: version, where the data is, and the licences of everything shipped with it
(the program, the bundled 文泉驿微米黑 font, the icon and the open-source components)."""

from __future__ import annotations

import html
import sys
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from guilin_union import __version__
from guilin_union.services import settings as settings_service
from guilin_union.ui.context import AppContext, backup_dir_for, default_data_dir

# (component, licence) of everything inside the installed program.
COMPONENTS: tuple[tuple[str, str], ...] = (
    ("Python", "PSF License"),
    ("Qt 6 / PySide6", "LGPL v3"),
    ("sqlite-utils", "Apache 2.0"),
    ("SQLite", "公有领域"),
    ("openpyxl", "MIT"),
    ("defusedxml", "PSF License"),
    ("ReportLab", "BSD"),
    ("Pillow", "MIT-CMU (HPND)"),
    ("pypdf", "BSD"),
    ("python-docx", "MIT"),
    ("lxml", "BSD"),
    ("pypinyin", "MIT"),
    ("cn2an", "MIT"),
    ("platformdirs", "MIT"),
    ("PyInstaller 引导程序", "GPL v2（含允许分发的例外条款）"),
)


def _resources_dir() -> Path:
    from guilin_union.ui.application import resources_dir

    return resources_dir()


def licence_html() -> str:
    """The licence notes shown in the dialog (plain facts; the full texts ship with the program)."""
    font_licence = _resources_dir() / "fonts" / "LICENSE-Apache-2.0.txt"
    rows = "".join(
        f"<tr><td>{html.escape(name)}</td><td>{html.escape(licence)}</td></tr>"
        for name, licence in COMPONENTS
    )
    return (
        "<p><b>本程序</b>以 MIT 许可发布，可自由使用、复制和修改。</p>"
        "<p><b>随程序附带的字体</b>：文泉驿微米黑（WenQuanYi Micro Hei 0.2.0-beta），"
        "© 2008-2009 文泉驿项目（The WenQuanYi Project Board of Trustees），基于 Google 的 "
        "Droid Sans Fallback 字体（© 2006-2008 Google Corporation）。以 Apache 2.0 许可分发，"
        "未作修改；在电脑上找不到仿宋、宋体、黑体等中文字体时用于生成 PDF，并嵌入 PDF 文件。"
        f"许可全文：{html.escape(str(font_licence))}</p>"
        "<p><b>程序图标</b>为本项目自绘，随程序以 MIT 许可发布。</p>"
        "<p><b>使用的开源组件</b>：</p>"
        f"<table cellspacing='0' cellpadding='2'>{rows}</table>"
    )


def _rich_label(text: str) -> QLabel:
    """A wrapped label showing ``text`` as rich text (HTML)."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    return label


class AboutDialog(QDialog):
    """Shows the version, the data file and folders, and the licence notes."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("关于")
        self.setObjectName("about_dialog")
        institution = settings_service.get(ctx.db, "institution_name")
        layout = QVBoxLayout(self)

        header = QHBoxLayout()
        icon = QLabel()
        pixmap = QPixmap(str(_resources_dir() / "icons" / "app-64.png"))
        if not pixmap.isNull():
            icon.setPixmap(pixmap)
        header.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        frozen = "（安装版）" if getattr(sys, "frozen", False) else "（源代码运行）"
        self.summary_label = _rich_label(
            f"<h3>{html.escape(str(institution))}工会工作管理系统</h3>"
            f"<p>版本 {__version__}{frozen}<br>"
            f"Python {sys.version.split()[0]}，Qt {qVersion()}，PySide6 {pyside_version}</p>"
            "<p>本程序离线运行，所有数据只保存在本机的数据文件中。</p>"
        )
        header.addWidget(self.summary_label, 1)
        layout.addLayout(header)

        self.data_label = _rich_label(
            f"数据文件：{html.escape(str(ctx.db_path))}<br>"
            f"自动备份文件夹：{html.escape(str(backup_dir_for(ctx.db_path)))}<br>"
            f"默认数据文件夹：{html.escape(str(default_data_dir()))}<br>"
            "<span style='color:#666'>卸载程序不会删除数据文件夹和备份；换电脑时复制数据文件即可。</span>"
        )
        self.data_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.data_label)

        self.licence_view = QTextBrowser()
        self.licence_view.setObjectName("licence_view")
        self.licence_view.setHtml(licence_html())
        self.licence_view.setOpenLinks(False)
        layout.addWidget(self.licence_view, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("确定")
        self.open_folder_button = QPushButton("打开数据文件夹")
        buttons.addButton(self.open_folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_folder_button.clicked.connect(self.open_data_folder)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.resize(620, 560)

    def open_data_folder(self) -> bool:
        """Show the folder of the open data file in the Explorer."""
        from guilin_union.ui.open_file import open_document

        return open_document(self.ctx.db_path.parent)
