"""帮助 ▸ 关于: version, data folder, licence notes."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from guilin_union import __version__
from guilin_union.services import settings as settings_service
from guilin_union.storage import default_data_dir
from guilin_union.ui.context import AppContext


class AboutDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("关于")
        layout = QVBoxLayout(self)
        institution = settings_service.get(ctx.db, "institution_name")
        text = (
            f"<h3>{institution}工会工作管理系统</h3>"
            f"<p>版本 {__version__}</p>"
            f"<p>数据文件：{ctx.db_path}<br>默认数据文件夹：{default_data_dir()}</p>"
            "<p>本程序离线运行，所有数据只保存在本机的数据文件中。</p>"
            "<p>许可：本程序以 MIT 许可发布。使用的开源组件：Qt / PySide6（LGPLv3）、"
            "sqlite-utils（Apache 2.0）、openpyxl（MIT）、ReportLab（BSD）、pypinyin（MIT）、"
            "cn2an（MIT）、python-docx（MIT）、pypdf（BSD）、platformdirs（MIT）、defusedxml（PSF）。</p>"
        )
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.resize(520, 320)
