from __future__ import annotations

from openpyxl import load_workbook

from guilin_union.services import intake
from guilin_union.services.intake.template import write_template
from guilin_union.services.members import importer as member_import
from tests.intake_fixtures import resident_id


def _column(ws, header):
    for cell in ws[2]:
        if cell.value and cell.value.startswith(header):
            return cell.column_letter
    raise AssertionError(header)


def test_template_formats_validations_and_instructions(branch_db, tmp_path):
    path = write_template(branch_db, tmp_path / "会员导入模板.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames == ["会员信息", "填写说明", "选项"]
    assert wb["选项"].sheet_state == "hidden"
    ws = wb["会员信息"]
    assert any(str(r).startswith("A1:") for r in ws.merged_cells.ranges)  # a merged title row
    for header in ("身份证号", "手机", "工号"):
        col = _column(ws, header)
        assert ws[f"{col}3"].number_format == "@" and ws[f"{col}500"].number_format == "@"
    lists = {}
    for dv in ws.data_validations.dataValidation:
        if dv.type == "list":
            lists[str(dv.sqref).split(":")[0].rstrip("0123456789")] = dv.formula1
    for header in ("性别", "分工会", "用工形式", "政治面貌"):
        assert _column(ws, header) in lists, header
    options = wb["选项"]
    branch_values = [c.value for c in options["D"][1:] if c.value]
    assert branch_values == ["文学院分工会", "机关分工会", "信息工程学院分工会"]
    guide = " ".join(str(c.value) for row in wb["填写说明"].iter_rows() for c in row if c.value)
    assert "文本" in guide and "身份证号" in guide and "跳过" in guide


def test_a_filled_template_imports(branch_db, tmp_path):
    path = write_template(branch_db, tmp_path / "t.xlsx")
    wb = load_workbook(path)
    ws = wb["会员信息"]
    values = {
        "姓名": "张三",
        "身份证号": resident_id(),
        "手机": "13812345678",
        "分工会": "机关分工会",
        "用工形式": "在编",
        "政治面貌": "群众",
        "是否劳模": "否",
    }
    for header, value in values.items():
        ws[f"{_column(ws, header)}3"] = value
    wb.save(path)
    outcome = member_import.import_file(branch_db, path)
    # The hidden 选项 sheet has a header too, so the result names the sheet read.
    assert outcome.to_json() == {"imported": 1, "skipped": 0, "updated": 0, "sheets": ["会员信息"]}
    app = intake.list_applications(branch_db)[0]
    assert (app["name"], app["branch"], app["political_status"]) == ("张三", "机关分工会", "群众")
