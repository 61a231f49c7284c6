"""帮助 ▸ 使用说明 (F1): the Chinese guide shipped in ``resources/guide/``, one page per tab.

The pages are Markdown files named ``NN-topic.md``; the first heading of each is its title in
the list. F1 opens the page of the current tab (:data:`TAB_PAGES`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from guilin_union.ui.application import resources_dir
from guilin_union.ui.widgets.dialog_buttons import close_buttons

# Tab title -> the guide page about it.
TAB_PAGES = {
    "首页": "01-home.md",
    "工作要点": "02-workpoints.md",
    "教代会": "03-congress.md",
    "会员入会": "04-members.md",
    "活动": "05-activities.md",
    "慰问": "06-welfare.md",
    "经费": "06b-money.md",
}


@dataclass(frozen=True)
class GuidePage:
    file: str
    title: str
    text: str


def guide_folder() -> Path:
    return resources_dir() / "guide"


def load_pages(folder: Path | None = None) -> list[GuidePage]:
    """Every page of the guide in file-name order."""
    pages = []
    for path in sorted((folder or guide_folder()).glob("*.md")):
        text = path.read_text(encoding="utf-8")
        first = next((line for line in text.splitlines() if line.startswith("# ")), path.stem)
        pages.append(GuidePage(path.name, first.lstrip("# ").strip(), text))
    return pages


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, *, page: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guide_dialog")
        self.setWindowTitle("使用说明")
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.resize(900, 640)
        self.pages = load_pages()
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.page_list = QListWidget()
        self.page_list.setObjectName("guide_pages")
        for guide_page in self.pages:
            item = QListWidgetItem(guide_page.title)
            item.setData(Qt.ItemDataRole.UserRole, guide_page.file)
            self.page_list.addItem(item)
        self.browser = QTextBrowser()
        self.browser.setObjectName("guide_text")
        self.browser.setOpenExternalLinks(False)
        splitter.addWidget(self.page_list)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([180, 700])
        layout.addWidget(splitter, 1)
        box = close_buttons(self)
        layout.addWidget(box)
        self.page_list.currentRowChanged.connect(self.show_page)
        if not self.pages:
            self.browser.setPlainText("找不到使用说明文件（resources/guide）。请重新安装程序。")
            return
        self.open_page(page)

    def open_page(self, file: str | None) -> None:
        index = next((i for i, p in enumerate(self.pages) if p.file == file), 0)
        self.page_list.setCurrentRow(index)
        self.show_page(index)

    def show_page(self, index: int) -> None:
        if 0 <= index < len(self.pages):
            self.browser.setMarkdown(self.pages[index].text)

    def current_file(self) -> str | None:
        item = self.page_list.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)
