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
from dataclasses import astuple, dataclass
from pathlib import Path

from guilin_union.reports.registry import signature_of

NAME = "member-honours"
# 序号, then HonourLine's fields in their order: a printed row is the line as it is.
COLUMNS = (
    "序号 8 中 | 姓名 18 | 会员编号 20 | 分工会 32 | 表彰名称 44 | 级别 12 中 | 表彰日期 22 中"
    " | 授予单位 34 | 文号 28"
)


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
    from guilin_union.reports.document import Report, cols

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
        rows = [[i, *astuple(h)] for i, h in enumerate(lines, start=1)]
        report.table(cols(COLUMNS), rows)
        report.paragraph(f"共 {len(lines)} 人次。")
    report.sign_off(signature_of(NAME))
    return report.save()
