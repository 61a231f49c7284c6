"""The import template the program hands out: 会员导入模板.xlsx.

Sheet 会员信息: a merged title row, the header row (names the importer recognises), ID and
phone columns formatted as text (so Excel cannot turn an ID number into 4.50302E+17), date
columns as dates, and drop-down lists for 性别, 分工会, 用工形式, 政治面貌 (and 证件类型,
学历, 是否劳模). Sheet 填写说明 explains every column. The lists live on a hidden sheet
选项 (a list written inline may hold at most 255 characters; the 分工会 names need more).

>>> # write_template(db, "会员导入模板.xlsx")
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import sqlite_utils

from guilin_union.core.ids import IdType
from guilin_union.core.members import (
    EDUCATION_LEVELS,
    ETHNICITIES,
    GENDERS,
    POLITICAL_STATUSES,
)
from guilin_union.core.text_limits import limits_note
from guilin_union.services.common_outputs import issuer_name
from guilin_union.services.members import branches as branches_service
from guilin_union.spreadsheets.errors import FileLockedError

TEMPLATE_NAME = "会员导入模板.xlsx"
DATA_ROWS = 1000  # rows pre-formatted and validated

# (header, width, kind, note for the instructions sheet); kind: text / date / list name
COLUMNS: tuple[tuple[str, float, str, str], ...] = (
    ("姓名（必填）", 12, "text", "必填。与身份证一致，不要加空格。"),
    ("性别", 7, "性别", "可不填：填了身份证号会自动得出；填写时须与身份证号一致。"),
    ("民族", 9, "民族", "如：汉族、壮族。"),
    ("证件类型", 14, "证件类型", "默认居民身份证；港澳台居民、外籍人员请选择相应证件。"),
    (
        "身份证号",
        22,
        "id",
        "18位，最后一位可以是X。本列已设为“文本”格式，请勿改为数字格式，"
        "否则 Excel 会把末尾数字变成0。",
    ),
    ("出生日期", 12, "date", "可不填：由身份证号自动得出。"),
    ("手机", 14, "phone", "11位手机号码。本列已设为“文本”格式。"),
    ("工号", 12, "id", "人事处工号（文本）。"),
    ("分工会（必填）", 24, "分工会", "必填。请从下拉列表中选择，须与系统中的分工会名称完全一致。"),
    ("部门", 18, "text", "所在二级学院或部门。"),
    ("职务", 12, "text", "如：教研室主任、科长；无则不填。"),
    ("职称", 12, "text", "如：教授、副教授、讲师、助教、工程师。"),
    ("学历", 12, "学历", "最高学历。"),
    ("政治面貌", 12, "政治面貌", "请从下拉列表中选择。"),
    ("用工形式", 10, "用工形式", "请从下拉列表中选择（列表可在程序的设置中增加，如 返聘、临时）。"),
    ("入职日期", 12, "date", "如 2024-09-01；也可写 2024/9/1、2024年9月1日、20240901。"),
    ("申请日期", 12, "date", "入会申请日期；不填则为导入当天。"),
    ("是否劳模", 9, "是否", "是 / 否。"),
    ("籍贯", 12, "text", "如：广西桂林。"),
    ("家庭住址", 28, "text", "最多 200 字。"),
    ("邮编", 8, "id", "6 位数字（文本）。"),
    ("邮箱", 20, "text", "如 name@example.com。"),
    ("参加工作时间", 12, "date", "第一次参加工作的日期（与入职日期不同）。"),
    ("专业", 14, "text", "最高学历所学专业。"),
    ("毕业院校", 18, "text", ""),
    ("证件有效期", 12, "text", "如 2035-06-30；长期有效的写“长期有效”。"),
    ("就业状态", 10, "就业状态", "请从下拉列表中选择。"),
    ("技能等级", 10, "技能等级", "工勤技能人员填写。"),
    ("备注", 24, "text", ""),
)


def _lists(db: sqlite_utils.Database) -> dict[str, list[str]]:
    from guilin_union.services.members.record import employment_types, setting_list

    return {
        "性别": list(GENDERS),
        "民族": list(ETHNICITIES),
        "证件类型": [t.value for t in IdType],
        "分工会": branches_service.branch_names(db) or ["（请先在系统中添加分工会）"],
        "学历": list(EDUCATION_LEVELS),
        "政治面貌": list(POLITICAL_STATUSES),
        "用工形式": employment_types(db),
        "是否": ["是", "否"],
        "就业状态": setting_list(db, "member_employment_statuses"),
        "技能等级": setting_list(db, "member_skill_levels"),
    }


def write_template(db: sqlite_utils.Database, path: str | os.PathLike[str]) -> Path:
    """Write the template (replaced atomically; ``FileLockedError`` if it is open in Excel)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter, quote_sheetname
    from openpyxl.worksheet.datavalidation import DataValidation

    lists = _lists(db)
    union = issuer_name(db)
    wb = Workbook()
    ws = wb.active
    ws.title = "会员信息"
    last = get_column_letter(len(COLUMNS))
    ws["A1"] = f"{union}会员（入会申请）导入表"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A1"].alignment = Alignment(horizontal="center", vertical="center")
    ws.merge_cells(f"A1:{last}1")
    ws.row_dimensions[1].height = 30
    thin = Side(style="thin", color="A0A0A0")
    header_fill = PatternFill("solid", fgColor="D9E1F2")
    required_fill = PatternFill("solid", fgColor="FCE4D6")

    options = wb.create_sheet("选项")
    list_ranges: dict[str, str] = {}
    for col, (name, items) in enumerate(lists.items(), start=1):
        letter = get_column_letter(col)
        options.cell(row=1, column=col, value=name)
        for r, item in enumerate(items, start=2):
            options.cell(row=r, column=col, value=item).number_format = "@"
        list_ranges[name] = f"{quote_sheetname('选项')}!${letter}$2:${letter}${len(items) + 1}"
    options.sheet_state = "hidden"

    first, end = 3, DATA_ROWS + 2
    for col, (header, width, kind, _note) in enumerate(COLUMNS, start=1):
        letter = get_column_letter(col)
        cell = ws.cell(row=2, column=col, value=header)
        cell.font = Font(bold=True)
        cell.fill = required_fill if "必填" in header else header_fill
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        ws.column_dimensions[letter].width = width
        number_format = "yyyy-mm-dd" if kind == "date" else "@"
        # Formats live on the cells (a column style alone is not applied by every program).
        for row in range(first, end + 1):
            ws.cell(row=row, column=col).number_format = number_format
        if kind in list_ranges:
            dv = DataValidation(
                type="list",
                formula1=f"={list_ranges[kind]}",
                allow_blank=True,
                showErrorMessage=kind in ("性别", "分工会", "用工形式", "证件类型", "是否"),
            )
            dv.error = f"请从下拉列表中选择{header.replace('（必填）', '')}"
            dv.errorTitle = "输入有误"
            dv.add(f"{letter}{first}:{letter}{end}")
            ws.add_data_validation(dv)
        elif kind == "id" and header == "身份证号":
            dv = DataValidation(
                type="textLength", operator="lessThanOrEqual", formula1="20", allow_blank=True
            )
            dv.prompt = "请按文本填写，18位身份证号最后一位可以是X"
            dv.promptTitle = "身份证号"
            dv.showInputMessage = True
            dv.add(f"{letter}{first}:{letter}{end}")
            ws.add_data_validation(dv)
    ws.row_dimensions[2].height = 30
    ws.freeze_panes = "B3"

    guide = wb.create_sheet("填写说明", 1)
    guide.column_dimensions["A"].width = 16
    guide.column_dimensions["B"].width = 90
    guide["A1"] = "填写说明"
    guide["A1"].font = Font(bold=True, size=14)
    lines = [
        ("", "1. 在“会员信息”工作表第3行起每行填写一人；第1行标题、第2行表头请勿修改或删除。"),
        ("", "2. 标“必填”的列必须填写；身份证号、手机、工号列已设为文本格式，请勿改成数值格式。"),
        ("", "3. 日期可写成 2024-09-01、2024/9/1、2024年9月1日 或 20240901。"),
        (
            "",
            "4. 导入时程序会逐行检查；只要有一处错误，就不会导入任何数据，并给出错误清单（可保存为 Excel）。",
        ),
        ("", "5. 默认导入为“入会申请”（待分工会审核）；也可以在导入时选择直接导入为会员。"),
        ("", "6. 已在会员名册中的人员（按身份证号判断）默认报错；导入时可选择“跳过”或“更新”。"),
        ("", "7. 请勿在单元格中使用公式。"),
        ("", "8. " + limits_note()),
        ("", ""),
        ("列名", "填写要求"),
    ]
    lines += [(header.replace("（必填）", ""), note) for header, _w, _k, note in COLUMNS]
    lines += [
        ("", ""),
        (
            "示例",
            "张三｜男｜汉族｜居民身份证｜450302199003071255｜｜13812345678｜2024001｜"
            + lists["分工会"][0]
            + "｜汉语言文学系｜｜讲师｜博士研究生｜中共党员｜在编｜2024-09-01",
        ),
    ]
    for r, (a, b) in enumerate(lines, start=2):
        guide.cell(row=r, column=1, value=a).font = Font(bold=bool(a))
        cell = guide.cell(row=r, column=2, value=b)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    wb.active = 0
    return _atomic_save(wb, Path(path))


def _atomic_save(wb: object, target: Path) -> Path:
    fd, name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        wb.save(tmp)  # type: ignore[attr-defined]
        try:
            os.replace(tmp, target)
        except PermissionError as exc:
            raise FileLockedError(
                f"文件“{target.name}”正被其他程序（如 Excel/WPS）打开，无法写入。请关闭该文件后重试；原文件未被改动。",
                str(target),
            ) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target
