"""The baseline bundle's program: a bare PySide6 main window with five empty tabs.

Bundled by ``bench/bundle_files/bare.spec`` with the same exclusions and filters as the
program's own spec, so the two bundles differ only by what the program itself needs.
"""

import sys

from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget, QWidget

TAB_TITLES = ("工作要点", "教代会", "会员入会", "活动", "慰问")


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("工会工作管理系统")
    tabs = QTabWidget()
    for title in TAB_TITLES:
        tabs.addTab(QWidget(), title)
    window.setCentralWidget(tabs)
    window.resize(1280, 800)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
