"""The generic import wizard, driven with a small importer of 分工会 rows."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt

from guilin_union.services.import_common import ImportOutcome, ImportPlan
from guilin_union.services.members import branches
from guilin_union.spreadsheets.errors import RowError
from guilin_union.spreadsheets.reader import Field
from guilin_union.storage import open_database
from guilin_union.ui.widgets.import_wizard import ImportWizard
from tests.ui.helpers import ScriptedPrompts


@dataclass
class BranchImporter:
    """Rows of (分工会名称, 主席) become branches; an existing name is an error."""

    name: str = "branches"
    areas: tuple[str, ...] = ("branches",)
    fields: list[Field] = field(
        default_factory=lambda: [
            Field("name", "分工会名称", synonyms=("名称", "分工会"), required=True),
            Field("chair", "主席", synonyms=("分工会主席",)),
        ]
    )

    def validate(self, db, read):
        plan = ImportPlan()
        existing = set(branches.branch_names(db, include_inactive=True))
        for row in read.rows:
            name = row.values["name"]
            if name in existing:
                plan.errors.append(RowError(row.row, "分工会名称", name, "该分工会已存在"))
            else:
                plan.items.append(row.values)
        return plan

    def commit(self, db, plan):
        for item in plan.items:
            branches.add_branch(db, item["name"], chair=item.get("chair"))
        return ImportOutcome(imported=len(plan.items))


def _workbook(path, rows):
    wb = Workbook()
    ws = wb.active
    ws.append(["桂林学院分工会名单"])  # a title row above the header
    ws.merge_cells("A1:B1")
    ws.append(["名称", "分工会主席"])
    for r in rows:
        ws.append(list(r))
    wb.save(path)
    return path


@pytest.fixture
def ctx(tmp_path):
    from guilin_union.ui.application import ensure_application
    from guilin_union.ui.context import AppContext

    ensure_application()
    path = tmp_path / "w.db"
    db = open_database(path)
    branches.add_branch(db, "文学院分工会")
    yield AppContext(db=db, db_path=path, prompts=ScriptedPrompts())
    db.conn.close()


def _walk_to_check(qtbot, ctx, file):
    wizard = ImportWizard(ctx, BranchImporter(), "导入分工会")
    qtbot.addWidget(wizard)
    wizard.background = False
    ctx.prompts.open_paths.append(file)
    wizard.browse()
    assert wizard.sheet_combo.count() == 1
    wizard.go_next()  # -> mapping
    assert wizard.pages.currentIndex() == 1
    assert wizard.mapping() == {"name": 1, "chair": 2}
    wizard.go_next()  # -> check
    assert wizard.pages.currentIndex() == 2
    return wizard


def test_bad_row_is_shown_and_nothing_is_written(qtbot, qtmodeltester, ctx, tmp_path):
    file = _workbook(
        tmp_path / "b.xlsx",
        [("体育学院分工会", "王强"), ("文学院分工会", "李丽"), ("艺术学院分工会", None)],
    )
    wizard = _walk_to_check(qtbot, ctx, file)
    assert not wizard.next_button.isEnabled()
    errors = wizard.errors_model
    assert errors.rowCount() == 1
    assert errors.index(0, 0).data() == "4"  # Excel row number
    assert "已存在" in errors.index(0, 3).data()
    preview = wizard.preview_model
    assert preview.index(0, 1).data(Qt.ItemDataRole.ToolTipRole) == "该分工会已存在"
    assert preview.index(0, 1).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert preview.index(0, 0).data() == "4"
    qtmodeltester.check(preview, force_py=True)
    assert branches.branch_names(ctx.db) == ["文学院分工会"]
    errors_file = tmp_path / "errors.xlsx"
    ctx.prompts.save_paths.append(errors_file)
    wizard.save_errors()
    assert errors_file.exists()


def test_good_file_imports_everything(qtbot, ctx, tmp_path):
    file = _workbook(tmp_path / "g.xlsx", [("体育学院分工会", "王强"), ("艺术学院分工会", None)])
    wizard = _walk_to_check(qtbot, ctx, file)
    assert wizard.next_button.isEnabled() and wizard.next_button.text() == "导入 2 条"
    notified = []
    ctx.subscribe(notified.append)
    wizard.go_next()
    assert wizard.pages.currentIndex() == 3
    assert "已导入 2 条" in wizard.done_label.text()
    assert set(branches.branch_names(ctx.db)) == {
        "文学院分工会",
        "体育学院分工会",
        "艺术学院分工会",
    }
    assert notified and notified[0].touches("branches")
    assert wizard.outcome.backup is not None and wizard.outcome.backup.exists()


def test_background_check_reports_progress_and_result(qtbot, ctx, tmp_path):
    file = _workbook(tmp_path / "g.xlsx", [("体育学院分工会", "王强")])
    wizard = ImportWizard(ctx, BranchImporter(), "导入分工会")
    qtbot.addWidget(wizard)
    wizard.file_edit.setText(str(file))
    wizard.go_next()
    wizard.go_next()
    qtbot.waitUntil(lambda: wizard.pages.currentIndex() == 2, timeout=5000)
    assert wizard.next_button.isEnabled()


def test_not_an_xlsx_is_refused_on_the_first_page(qtbot, ctx, tmp_path):
    fake = tmp_path / "list.xlsx"
    fake.write_text("姓名,身份证号\n张三,1\n", encoding="utf-8")
    wizard = ImportWizard(ctx, BranchImporter(), "导入分工会")
    qtbot.addWidget(wizard)
    wizard.file_edit.setText(str(fake))
    wizard.go_next()
    assert wizard.pages.currentIndex() == 0
    assert ".xlsx" in wizard.file_message.text()


def test_two_data_sheets_ask_which_and_hidden_sheets_come_last(qtbot, ctx, tmp_path):
    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in {
        "旧名单": [("名称", "主席"), ("旧分工会", "某某")],
        "教学单位": [("名称", "主席", "成立时间"), ("体育学院分工会", "王强", "2001")],
        "管理及教辅单位": [("名称", "主席"), ("机关分工会", "李丽"), ("后勤分工会", None)],
    }.items():
        ws = wb.create_sheet(title)
        for r in rows:
            ws.append(list(r))
    wb["旧名单"].sheet_state = "hidden"
    file = tmp_path / "two.xlsx"
    wb.save(file)
    wizard = ImportWizard(ctx, BranchImporter(), "导入分工会")
    qtbot.addWidget(wizard)
    wizard.background = False
    ctx.prompts.open_paths.append(file)
    wizard.browse()
    items = [wizard.sheet_combo.itemText(i) for i in range(wizard.sheet_combo.count())]
    assert items[0] == "（请选择要导入的工作表）"
    assert items[-1].startswith("旧名单") and "隐藏" in items[-1]
    assert "2 个工作表都有数据" in wizard.file_message.text()
    wizard.go_next()  # nothing chosen: stays on the first page
    assert wizard.pages.currentIndex() == 0
    wizard.sheet_combo.setCurrentIndex(wizard.sheet_combo.findData("教学单位"))
    wizard.go_next()
    assert wizard.pages.currentIndex() == 1
    assert "成立时间" in wizard.ignored_columns_label.text()
    wizard.go_back()
    all_index = next(i for i, t in enumerate(items) if t.startswith("全部导入"))
    wizard.sheet_combo.setCurrentIndex(all_index)
    wizard.go_next()
    wizard.go_next()
    assert wizard.pages.currentIndex() == 2
    assert wizard.next_button.text() == "导入 3 条"
    assert "教学单位、管理及教辅单位" in wizard.check_summary.text()
