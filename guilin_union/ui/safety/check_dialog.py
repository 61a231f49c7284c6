"""文件 ▸ 检查数据库: runs the full checks off the UI thread and reports in plain Chinese."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from guilin_union.services.safety.check import CheckReport
from guilin_union.ui.context import AppContext


def run_check(db_path: Path) -> CheckReport:
    """The check on a separate read-only connection (a connection belongs to its thread)."""
    import sqlite3

    from guilin_union.services.safety.check import check_report
    from guilin_union.storage import open_database

    try:
        db = open_database(db_path, read_only=True, check_integrity=False)
    except sqlite3.DatabaseError as exc:
        return CheckReport(
            integrity=str(exc),
            foreign_keys="未检查",
            schema_version=None,
            problems=[f"数据文件无法作为数据库读取（{exc}）。"],
        )
    try:
        return check_report(db, db_path=db_path)
    finally:
        db.conn.close()


class CheckDialog(QDialog):
    """Shows "检查中…", then the report. ``restore_requested`` is set when the user asks for a
    restore from here (the controller then opens the restore dialog)."""

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        extra_notes: list[str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.report: CheckReport | None = None
        self.restore_requested = False
        self.extra_notes = extra_notes or []
        self.setWindowTitle("检查数据库")
        self.resize(680, 460)
        layout = QVBoxLayout(self)
        self.status_label = QLabel("正在检查数据库，请稍候……（大的数据文件需要几秒钟）")
        self.status_label.setObjectName("check_status_label")
        layout.addWidget(self.status_label)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        layout.addWidget(self.progress)
        self.text = QPlainTextEdit()
        self.text.setObjectName("check_report_text")
        self.text.setReadOnly(True)
        font = QFont(self.text.font())
        font.setPointSize(font.pointSize() + 1)
        self.text.setFont(font)
        layout.addWidget(self.text, 1)
        buttons = QHBoxLayout()
        self.restore_button = QPushButton("恢复备份…")
        self.restore_button.setVisible(False)
        self.copy_button = QPushButton("复制结果")
        close = QPushButton("关闭")
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.restore_button.clicked.connect(self._ask_restore)
        self.copy_button.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.text.toPlainText())
        )
        close.clicked.connect(self.accept)

    def start(self) -> None:
        from guilin_union.ui.tasks import run_task

        path = self.ctx.db_path
        self._carrier = run_task(
            lambda _progress: run_check(path), self.show_report, self.show_error
        )

    def show_report(self, report: CheckReport) -> None:
        self.report = report
        self.progress.setVisible(False)
        self.status_label.setText(
            "检查完成：没有发现问题。" if report.ok else "检查完成：发现问题。"
        )
        self.status_label.setStyleSheet("" if report.ok else "color: #b00020; font-weight: bold;")
        self.text.setPlainText(
            report.text() + ("\n" + "\n".join(self.extra_notes) if self.extra_notes else "")
        )
        self.restore_button.setVisible(not report.ok)

    def show_error(self, exc: BaseException) -> None:
        self.show_report(
            CheckReport(
                integrity=str(exc),
                foreign_keys="未检查",
                schema_version=None,
                problems=[f"检查时出错：{exc}"],
            )
        )

    def _ask_restore(self) -> None:
        self.restore_requested = True
        self.accept()
