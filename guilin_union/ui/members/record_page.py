"""登记表信息: the rest of the 会员登记表 under the member form (issue 24) — 实名制 fields,
工会小组, 家庭主要成员, 个人工作简历, 表彰 and the photo. Saved with its own button; every
write goes through the operation runner."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from guilin_union.services.members import record as mr
from guilin_union.ui import ops
from guilin_union.ui.widgets.date_fields import (
    EARLIEST_PAST,
    optional_date,
    optional_date_edit,
    set_optional_date,
)

PROFILE_LAYOUT = (
    ("native_place", "籍贯"),
    ("home_address", "家庭住址"),
    ("postcode", "邮编"),
    ("email", "邮箱"),
    ("work_start_date", "参加工作时间"),
    ("id_valid_until", "证件有效期"),
    ("major", "专业"),
    ("graduated_from", "毕业院校"),
)
FAMILY_HEADERS = ("称谓", "姓名", "工作单位", "电话")
RESUME_HEADERS = ("起始年月", "结束年月（空为至今）", "工作单位", "职务")
HONOUR_HEADERS = ("表彰名称", "级别", "日期", "授予单位", "文号")


def _table(
    headers: tuple[str, ...], rows: list[tuple[Any, ...]], extra_rows: int = 1
) -> QTableWidget:
    table = QTableWidget(len(rows) + extra_rows, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))
    table.setMinimumHeight(90)
    table.setMaximumHeight(150)
    table.resizeColumnsToContents()
    return table


def _rows(table: QTableWidget, keys: tuple[str, ...]) -> list[dict[str, str]]:
    rows = []
    for r in range(table.rowCount()):
        values = {
            key: (table.item(r, c).text().strip() if table.item(r, c) else "")
            for c, key in enumerate(keys)
        }
        if any(values.values()):
            rows.append(values)
    return rows


class MemberRecordPage(QWidget):
    def __init__(self, ctx: Any, member_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.member_id = member_id
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        layout = QVBoxLayout(body)
        scroll.setWidget(body)
        outer.addWidget(scroll)

        top = QHBoxLayout()
        grid = QGridLayout()
        self.edits: dict[str, QLineEdit] = {}
        self.work_start_edit = QDateEdit()  # picked, 未设定 when unknown (issue 15)
        self.work_start_edit.setObjectName("record_work_start_date")
        optional_date_edit(self.work_start_edit, earliest=EARLIEST_PAST)
        for i, (key, label) in enumerate(PROFILE_LAYOUT):
            field: QWidget = self.work_start_edit
            if key != "work_start_date":
                edit = QLineEdit()
                edit.setObjectName(f"record_{key}")
                if key == "id_valid_until":
                    edit.setPlaceholderText("如 2035-06-30 或 长期有效")
                self.edits[key] = field = edit
            grid.addWidget(QLabel(label), i // 2, (i % 2) * 2)
            grid.addWidget(field, i // 2, (i % 2) * 2 + 1)
        row = len(PROFILE_LAYOUT) // 2
        self.status_combo = QComboBox()
        self.skill_combo = QComboBox()
        self.group_combo = QComboBox()
        for c, (label, combo) in enumerate(
            (("就业状态", self.status_combo), ("技能等级", self.skill_combo))
        ):
            grid.addWidget(QLabel(label), row, c * 2)
            grid.addWidget(combo, row, c * 2 + 1)
        grid.addWidget(QLabel("工会小组"), row + 1, 0)
        grid.addWidget(self.group_combo, row + 1, 1)
        top.addLayout(grid, 1)

        photo_box = QVBoxLayout()
        self.photo_label = QLabel("无照片")
        self.photo_label.setObjectName("record_photo")
        self.photo_label.setFixedSize(105, 135)  # 35 × 45 mm at ~3 px/mm
        self.photo_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo_label.setStyleSheet("border: 1px solid #999;")
        self.photo_button = QPushButton("选择照片…")
        self.photo_remove_button = QPushButton("删除照片")
        photo_box.addWidget(self.photo_label)
        photo_box.addWidget(self.photo_button)
        photo_box.addWidget(self.photo_remove_button)
        photo_box.addStretch(1)
        top.addLayout(photo_box)
        layout.addLayout(top)

        self.family_group = QGroupBox("家庭主要成员")
        QVBoxLayout(self.family_group)
        layout.addWidget(self.family_group)
        self.resume_group = QGroupBox("个人工作简历")
        QVBoxLayout(self.resume_group)
        layout.addWidget(self.resume_group)
        self.honours_group = QGroupBox("表彰")
        QVBoxLayout(self.honours_group)
        layout.addWidget(self.honours_group)

        buttons = QHBoxLayout()
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet("color: #b00020;")
        buttons.addWidget(self.message_label, 1)
        self.save_button = QPushButton("保存登记表信息")
        self.save_button.setEnabled(not getattr(ctx, "read_only", False))
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)

        self.save_button.clicked.connect(self.save)
        self.photo_button.clicked.connect(self.choose_photo)
        self.photo_remove_button.clicked.connect(self.remove_photo)
        self.reload()

    # ---- data
    def reload(self) -> None:
        db = self.ctx.db
        profile = mr.get_profile(db, self.member_id)
        for key, edit in self.edits.items():
            edit.setText(profile.get(key) or "")
        set_optional_date(self.work_start_edit, profile.get("work_start_date"))
        for combo, key, setting in (
            (self.status_combo, "employment_status", "member_employment_statuses"),
            (self.skill_combo, "skill_level", "member_skill_levels"),
        ):
            combo.clear()
            combo.addItems(["", *mr.setting_list(db, setting)])
            combo.setCurrentText(profile.get(key) or "")
        branch_id = mr.branch_of(db, self.member_id)
        self.group_combo.clear()
        self.group_combo.addItem("（未分组）", None)
        for g in mr.list_groups(db, branch_id):
            self.group_combo.addItem(g["name"], g["id"])
        index = self.group_combo.findData(profile.get("group_id"))
        self.group_combo.setCurrentIndex(max(index, 0))
        self._set_table(
            self.family_group,
            "family_table",
            _table(FAMILY_HEADERS, [tuple(f.values()) for f in mr.list_family(db, self.member_id)]),
        )
        self._set_table(
            self.resume_group,
            "resume_table",
            _table(RESUME_HEADERS, [tuple(r.values()) for r in mr.list_resume(db, self.member_id)]),
        )
        self.honours = mr.list_honours(db, member_id=self.member_id)
        table = _table(
            HONOUR_HEADERS,
            [
                (h["title"], h["level"], h["awarded_on"], h["issuer"], h["document_no"])
                for h in self.honours
            ],
        )
        self._set_table(self.honours_group, "honours_table", table)
        for r in range(len(self.honours)):  # saved honours are removed, not edited in place
            for c in range(len(HONOUR_HEADERS)):
                item = table.item(r, c)
                if item is not None:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self._show_photo()

    def _set_table(self, group: QGroupBox, name: str, table: QTableWidget) -> None:
        old = getattr(self, name, None)
        if old is not None:
            group.layout().removeWidget(old)
            old.deleteLater()
        table.setObjectName(name)
        group.layout().addWidget(table)
        setattr(self, name, table)
        if name == "honours_table":
            remove = getattr(self, "honour_remove_button", None)
            if remove is None:
                self.honour_remove_button = QPushButton("删除所选表彰")
                self.honour_remove_button.clicked.connect(self.remove_honour)
                group.layout().addWidget(self.honour_remove_button)

    def _show_photo(self) -> None:
        data = mr.get_photo(self.ctx.db, self.member_id)
        if not data:
            self.photo_label.setPixmap(QPixmap())
            self.photo_label.setText("无照片")
            self.photo_remove_button.setEnabled(False)
            return
        pixmap = QPixmap()
        pixmap.loadFromData(data)
        self.photo_label.setPixmap(
            pixmap.scaled(
                self.photo_label.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
        self.photo_remove_button.setEnabled(True)

    def values(self) -> dict[str, Any]:
        data: dict[str, Any] = {key: edit.text().strip() for key, edit in self.edits.items()}
        data["work_start_date"] = optional_date(self.work_start_edit)
        data["employment_status"] = self.status_combo.currentText()
        data["skill_level"] = self.skill_combo.currentText()
        data["group_id"] = self.group_combo.currentData()
        return data

    # ---- actions
    def save(self) -> bool:
        from guilin_union.services.members import MemberValidationError

        profile = self.values()
        family = _rows(self.family_table, ("relation", "name", "work_unit", "phone"))
        resume = _rows(self.resume_table, ("start_month", "end_month", "unit", "post"))
        new_honours = [
            h
            for h in _rows(
                self.honours_table, ("title", "level", "awarded_on", "issuer", "document_no")
            )
            if h["title"] not in {x["title"] for x in self.honours}
        ]
        member_id = self.member_id

        def write(db: Any) -> Any:
            with db.atomic():
                result = mr.save_profile(db, member_id, profile)
                mr.set_family(db, member_id, family)
                mr.set_resume(db, member_id, resume)
                for honour in new_honours:
                    mr.add_honour(db, member_id, honour)
            return result

        def failed(exc: BaseException) -> None:
            if isinstance(exc, MemberValidationError):
                self.message_label.setText("；".join(exc.errors.values()))
            else:
                self.message_label.setText(str(exc))

        result = ops.CollectionOp(self.ctx, self, "保存登记表信息", write).failure(failed).run()
        if result is None:
            return False
        self.message_label.setText("")
        self.reload()
        return True

    def choose_photo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "选择照片", "", "图片 (*.jpg *.jpeg *.png *.bmp)"
        )
        if path:
            self.set_photo(path)

    def set_photo(self, path: str) -> bool:
        member_id = self.member_id
        done = ops.CollectionOp(
            self.ctx, self, "更新照片", lambda db: mr.set_photo(db, member_id, path)
        ).run()
        self._show_photo()
        return done is not None

    def remove_photo(self) -> None:
        member_id = self.member_id
        ops.CollectionOp(
            self.ctx, self, "删除照片", lambda db: mr.remove_photo(db, member_id)
        ).run()
        self._show_photo()

    def remove_honour(self) -> None:
        rows = sorted({i.row() for i in self.honours_table.selectedIndexes()})
        ids = [self.honours[r]["id"] for r in rows if r < len(self.honours)]
        if not ids:
            return

        def delete(db: Any) -> Any:
            result = None
            with db.atomic():
                for honour_id in ids:
                    result = mr.delete_honour(db, honour_id)
            return result

        ops.CollectionOp(self.ctx, self, "删除表彰", delete).run()
        self.reload()


def member_record_page(ctx: Any, member_id: int) -> QWidget:
    """Factory registered with ``ui.members.history``."""
    return MemberRecordPage(ctx, member_id)
