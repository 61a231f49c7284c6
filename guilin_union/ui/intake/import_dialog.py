"""The member import: the generic ImportWizard plus the intake's own choices — rows become
入会申请 or members directly, and what to do with people already in the register."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QRadioButton,
    QWidget,
)

from guilin_union.core.errors import UserError
from guilin_union.services import settings as settings_service
from guilin_union.services.intake.template import TEMPLATE_NAME, write_template
from guilin_union.services.members.importer import MemberImporter
from guilin_union.ui.context import AppContext
from guilin_union.ui.widgets.import_wizard import ImportWizard

DUPLICATE_CHOICES = (
    ("error", "报错（不导入，逐条列出）"),
    ("skip", "跳过已有人员"),
    ("update", "用文件中的信息更新已有人员"),
)


class _Options(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.as_applications = QRadioButton("入会申请（待分工会审核，默认）")
        self.as_applications.setObjectName("import_as_applications_radio")
        self.as_members = QRadioButton("直接导入为会员（按规则发放会员编号）")
        self.as_members.setObjectName("import_as_members_radio")
        self.as_applications.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.as_applications)
        group.addButton(self.as_members)
        row.addWidget(self.as_applications)
        row.addWidget(self.as_members)
        row.addStretch(1)
        form.addRow("导入为", row)
        self.duplicate_combo = QComboBox()
        self.duplicate_combo.setObjectName("import_duplicate_combo")
        for key, label in DUPLICATE_CHOICES:
            self.duplicate_combo.addItem(label, key)
        form.addRow("已在名册中的人员", self.duplicate_combo)


class MemberImportWizard(ImportWizard):
    """file → sheet → mapping → checked preview → import, with the intake options."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        self.options = _Options()
        self.member_importer = MemberImporter()
        super().__init__(
            ctx,
            self.member_importer,
            "从 Excel 导入人员",
            parent,
            template_writer=lambda path: write_template(ctx.db, path),
            options_widget=self.options,
            before_validate=self._apply_options,
        )

    def _apply_options(self) -> None:
        self.member_importer.as_ = (
            "members" if self.options.as_members.isChecked() else "applications"
        )
        self.member_importer.on_duplicate = self.options.duplicate_combo.currentData()
        self.member_importer.source_name = self.path().name

    def save_template(self) -> None:
        # The generic wizard proposes a generic name; ours is 会员导入模板.xlsx.
        target = self.ctx.prompts.save_file(
            self, "保存导入模板", self.ctx.last_folder() / TEMPLATE_NAME, "Excel 工作簿 (*.xlsx)"
        )
        if target is None:
            return
        try:
            out = write_template(self.ctx.db, target)
        except (UserError, OSError) as exc:
            self.ctx.prompts.error(self, "保存失败", str(exc))
            return
        self.ctx.prompts.info(self, "导入模板", f"模板已保存：\n{out}\n请按模板填写后再导入。")

    def check(self) -> None:
        """The size limit is a setting (the generic reader only knows its default)."""
        limit_mb = float(settings_service.get(self.ctx.db, "import_max_megabytes"))
        path = Path(self.path())
        if path.is_file() and path.stat().st_size > limit_mb * 1024 * 1024:
            size = path.stat().st_size / 1024 / 1024
            self.ctx.prompts.error(
                self,
                "导入",
                f"文件“{path.name}”大小为{size:.1f} MB，超过导入上限{limit_mb:g} MB。"
                "请删除多余的工作表和图片，或把数据分成几个文件分批导入。",
            )
            return
        super().check()
