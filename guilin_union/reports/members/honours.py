"""会员表彰名单: the honours of a year (or all), highest level first, with issuer and 文号.

>>> import tempfile, pathlib
>>> line = HonourLine("刘䶮", "2026010001", "文学院分工会", "桂林市劳动模范", "市", "2025年4月28日", "桂林市人民政府", "市政发〔2025〕3号")
>>> out = pathlib.Path(tempfile.mkdtemp()) / "表彰.pdf"
>>> build_member_honours(out, [line], year=2025, union_name="桂林学院工会委员会").name
'表彰.pdf'
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from guilin_union.reports.registry import signature_of

NAME = "member-honours"


@dataclass(frozen=True)
class HonourLine:
    name: str
    member_no: str
    branch: str
    title: str
    level: str
    date: str
    issuer: str
    document_no: str


def build_member_honours(
    path: str | os.PathLike[str],
    lines: Sequence[HonourLine],
    *,
    year: int | None,
    union_name: str,
    generated_on: datetime.date | None = None,
) -> Path:
    from guilin_union.reports.document import Col, Report

    report = Report(
        path,
        f"{year}年度会员表彰名单" if year else "会员表彰名单",
        institution=union_name,
        landscape=True,
        generated_on=generated_on,
    )
    if not lines:
        report.paragraph("本年度没有登记表彰。" if year else "还没有登记表彰。")
    else:
        report.table(
            [
                Col("序号", 8, "center"),
                Col("姓名", 18),
                Col("会员编号", 20),
                Col("分工会", 32),
                Col("表彰名称", 44),
                Col("级别", 12, "center"),
                Col("表彰日期", 22, "center"),
                Col("授予单位", 34),
                Col("文号", 28),
            ],
            [
                [
                    i + 1,
                    h.name,
                    h.member_no,
                    h.branch,
                    h.title,
                    h.level,
                    h.date,
                    h.issuer,
                    h.document_no,
                ]
                for i, h in enumerate(lines)
            ],
        )
        report.paragraph(f"共 {len(lines)} 人次。")
    report.sign_off(signature_of(NAME))
    return report.save()
