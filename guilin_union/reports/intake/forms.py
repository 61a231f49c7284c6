"""入会申请书 and 工会会员登记表, one A4 page each per person, any number of people in one PDF.

The data is filled in; signature and approval boxes are left for the pen. Personal numbers
arrive already masked (or not, when the caller chose full numbers — which it logs).

>>> import tempfile, pathlib
>>> p = MemberForm(name="张三", gender="男", branch="文学院分工会", id_number="4503**********1255")
>>> out = pathlib.Path(tempfile.mkdtemp()) / "表.pdf"
>>> build_member_forms(out, [p], institution="桂林学院", union_name="桂林学院工会委员会").name
'表.pdf'
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from guilin_union.core.dates import format_cn_date_lenient as _date
from guilin_union.core.errors import ValidationError
from guilin_union.reports.form_pages import FormReport

NAME = "member-form"

APPLICATION_TEXT = (
    "本人自愿加入中国工会。承认《中国工会章程》，遵守工会纪律，执行工会决议，"
    "积极参加工会活动，履行会员义务，按期交纳会费。特此申请，请予审批。"
)


@dataclass(frozen=True)
class MemberForm:
    """One person's printed data (all text; dates ISO or blank)."""

    name: str
    gender: str = ""
    ethnicity: str = ""
    birth_date: str = ""
    id_type: str = "居民身份证"
    id_number: str = ""  # masked unless the caller chose otherwise
    phone: str = ""  # masked likewise
    staff_no: str = ""
    branch: str = ""
    department: str = ""
    position: str = ""
    title: str = ""
    education: str = ""
    political_status: str = ""
    employment_type: str = ""
    hire_date: str = ""
    join_date: str = ""
    member_no: str = ""
    is_model_worker: bool = False
    applied_on: str = ""
    notes: str = ""
    # issue 24: the rest of the 会员登记表 (empty = a blank line to fill by hand)
    native_place: str = ""
    home_address: str = ""
    work_start_date: str = ""
    major: str = ""
    graduated_from: str = ""
    id_valid_until: str = ""
    union_group: str = ""
    family: tuple[tuple[str, str, str, str], ...] = ()  # 称谓, 姓名, 工作单位及职务, 电话
    resume: tuple[tuple[str, str, str], ...] = ()  # 起止年月, 工作单位, 职务
    photo: bytes | None = None  # JPEG, cropped to an ID photo


def _application_page(report: FormReport, p: MemberForm, institution: str, union_name: str) -> None:
    report.form_title(institution, "入会申请书")
    report.paragraph(f"{union_name}：", size=12)
    report.paragraph(
        "\u00a0" * 8 + APPLICATION_TEXT, size=12
    )  # no-break spaces survive as the indent
    report.spacer(2)
    report.key_values(
        [
            ("姓名", p.name),
            ("性别", p.gender),
            ("出生日期", _date(p.birth_date)),
            ("民族", p.ethnicity),
            ("政治面貌", p.political_status),
            ("学历", p.education),
            ("所在分工会", p.branch),
            ("部门", p.department),
            ("职务", p.position),
            ("职称", p.title),
            ("用工形式", p.employment_type),
            ("入职日期", _date(p.hire_date)),
            (p.id_type or "证件号码", p.id_number),
            ("手机", p.phone),
        ]
    )
    report.spacer(6)
    blank = "\u00a0"  # no-break spaces: the blanks are where people write
    when = (
        f"申请日期：{_date(p.applied_on)}"
        if p.applied_on
        else f"日期：{blank * 8}年{blank * 4}月{blank * 4}日"
    )
    report.paragraph(f"申请人（签名）：{blank * 28}{when}", align="right", size=11)
    report.spacer(6)
    report.approval_boxes(["分工会审核意见", "校工会审批意见"], height_mm=34)


def _registration_page(
    report: FormReport, p: MemberForm, institution: str, union_name: str
) -> None:
    """工会会员登记表 as the printed forms have it: the person's data with a photo place,
    family members and work history (blank lines to fill in by hand until the register
    records them), notes, and the confirmation and approval boxes."""
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Table

    from guilin_union.reports.markup import esc
    from guilin_union.reports.styles import (
        BOX_WIDTH,
        GRID_WIDTH,
        LABEL_BACKGROUND,
        TABLE_SIZE,
        cell_style,
    )

    report.form_title(institution, "工会会员登记表")
    report.paragraph(f"会员编号：{p.member_no or '（批准后填写）'}", align="right", size=10.5)
    value = cell_style(report.fonts, TABLE_SIZE, "left", "body")
    label = cell_style(report.fonts, TABLE_SIZE, "center", "label")
    center = cell_style(report.fonts, TABLE_SIZE, "center", "body")

    def v(text: object) -> Paragraph:
        return Paragraph(esc(text), value)

    def lab(text: str) -> Paragraph:
        return Paragraph(esc(text), label)

    width = report.frame_width
    photo_w, label_w = 30 * mm, 25 * mm
    value_w = (width - photo_w - 2 * label_w) / 2
    pairs = [
        ("姓名", p.name, "性别", p.gender),
        ("出生日期", _date(p.birth_date), "民族", p.ethnicity),
        ("籍贯", p.native_place, "政治面貌", p.political_status),
        ("学历", p.education, "职称", p.title),
        ("工号", p.staff_no, "会员证号", p.member_no),
        ("所在分工会", p.branch, "部门", p.department),
        ("职务", p.position, "用工形式", p.employment_type),
        ("证件类型", p.id_type, "证件号码", p.id_number),
        ("手机", p.phone, "是否劳模", "是" if p.is_model_worker else "否"),
        ("入职日期", _date(p.hire_date), "入会日期", _date(p.join_date)),
        ("参加工作时间", _date(p.work_start_date), "证件有效期", _valid(p.id_valid_until)),
        ("毕业院校", p.graduated_from, "专业", p.major),
        ("家庭住址", p.home_address, "工会小组", p.union_group),
    ]
    photo_rows = 5
    rows: list[list[object]] = []
    for i, (l1, v1, l2, v2) in enumerate(pairs):
        row: list[object] = [lab(l1), v(v1), lab(l2), v(v2)]
        if i < photo_rows:
            if i == 0 and p.photo:
                row.append(
                    _photo_flowable(p.photo, photo_w - 3 * mm, photo_rows * 7.6 * mm - 3 * mm)
                )
            else:
                row.append(Paragraph(esc("照片\n（一寸免冠）") if i == 0 else "", center))
        else:
            row = [lab(l1), v(v1), lab(l2), v(v2), ""]
        rows.append(row)
    style: list[tuple] = [
        ("BOX", (0, 0), (-1, -1), BOX_WIDTH, colors.black),
        ("INNERGRID", (0, 0), (-1, -1), GRID_WIDTH, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (0, -1), LABEL_BACKGROUND),
        ("BACKGROUND", (2, 0), (2, -1), LABEL_BACKGROUND),
        ("SPAN", (4, 0), (4, photo_rows - 1)),
        # Rows below the photo use its column for their second value.
        *[("SPAN", (3, r), (4, r)) for r in range(photo_rows, len(rows))],
    ]
    grid = Table(
        rows,
        colWidths=[label_w, value_w, label_w, value_w, photo_w],
        minRowHeights=[7.6 * mm] * len(rows),  # a long name grows its row
        style=style,
        hAlign="CENTER",
    )
    report.add(grid)

    def blank_table(
        title: str,
        headers: list[tuple[str, float]],
        lines: int,
        filled: Sequence[Sequence[str]] = (),
    ) -> None:
        total = sum(w for _, w in headers)
        widths = [width * w / total for _, w in headers]
        data: list[list[object]] = [
            [lab(title)] + [""] * (len(headers) - 1),
            [lab(h) for h, _ in headers],
        ]
        data += [[v(str(x or "")) for x in row] for row in filled]
        data += [[""] * len(headers) for _ in range(max(0, lines - len(filled)))]
        table = Table(
            data,
            colWidths=widths,
            minRowHeights=[6.6 * mm] * len(data),
            style=[
                ("BOX", (0, 0), (-1, -1), BOX_WIDTH, colors.black),
                ("INNERGRID", (0, 0), (-1, -1), GRID_WIDTH, colors.black),
                ("SPAN", (0, 0), (-1, 0)),
                ("BACKGROUND", (0, 0), (-1, 1), LABEL_BACKGROUND),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ],
            hAlign="CENTER",
        )
        table.spaceBefore = 2 * mm
        report.add(table)

    blank_table(
        "家庭主要成员及工作单位",
        [("称谓", 1.2), ("姓名", 1.6), ("工作单位及职务", 5), ("联系电话", 2.2)],
        3,
        p.family,
    )
    blank_table(
        "个人工作简历", [("起止年月", 2.2), ("工作单位", 5), ("职务（职称）", 2.8)], 3, p.resume
    )
    report.spacer(2)
    report.key_values([("备注", p.notes)], columns=1)
    report.spacer(3)
    report.approval_boxes(["本人确认", "分工会意见", "校工会意见"], height_mm=16)
    report.paragraph(f"注：本表由{union_name}留存，会员信息如有变动请及时告知所在分工会。", size=9)


def build_member_forms(
    path: str | os.PathLike[str],
    people: Sequence[MemberForm],
    *,
    institution: str,
    union_name: str,
    application: bool = True,
    registration: bool = True,
    generated_on: datetime.date | None = None,
) -> Path:
    """For each person: the 入会申请书 page and/or the 工会会员登记表 page, in one PDF."""
    if not people:
        raise ValidationError("没有要打印的人员")
    if not (application or registration):
        raise ValidationError("请至少选择一种表格")
    kinds = [k for k, on in (("入会申请书", application), ("工会会员登记表", registration)) if on]
    report = FormReport(path, "及".join(kinds), institution=institution, generated_on=generated_on)
    for person, kind in report.pages([(p, k) for p in people for k in kinds]):
        if kind == "入会申请书":
            _application_page(report, person, institution, union_name)
        else:
            _registration_page(report, person, institution, union_name)
    return report.save()


def _valid(value: str) -> str:
    """证件有效期: a date in the house form, or 长期有效 as it is."""
    return value if not value or value == "长期有效" else _date(value)


def _photo_flowable(data: bytes, max_w: float, max_h: float) -> Any:
    """The member's photo scaled into the photo box (aspect kept)."""
    import io

    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Image

    reader = ImageReader(io.BytesIO(data))
    w, h = reader.getSize()
    scale = min(max_w / w, max_h / h)
    return Image(io.BytesIO(data), width=w * scale, height=h * scale)
