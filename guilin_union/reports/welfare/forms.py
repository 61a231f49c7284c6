"""Per-case welfare forms (issues 16 and 22), one form per page, as union offices file them:

* 慰问审批表 (``welfare-approval``): the case (member, type, relative, cause, event date, amount
  in figures and 大写, recipient and account masked), then 申请 → 分工会主席签字/盖章 →
  校工会审批 → 领款签收;
* 困难补助申请表 (``hardship-application``): the member, wage, other income, the household's
  total and per-head income, address, family members and their situation, the reason, and
  the 分工会 and 校工会 (工会委员会) decisions.

Values the records do not hold print as blank lines to fill by hand.

>>> import tempfile, pathlib
>>> case = ApprovalCase("王𠀾", "2026010002", "文学院分工会", "直系亲属去世", "2026年3月1日", 80000,
...     relative="父亲 王大山", cause="病故", event_date="2026年2月26日")
>>> out = pathlib.Path(tempfile.mkdtemp()) / "审批表.pdf"
>>> build_welfare_approval(out, [case], institution="桂林学院", union_name="桂林学院工会委员会").name
'审批表.pdf'
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar, Unpack

from guilin_union.core.money import fen_to_upper, format_fen
from guilin_union.reports.form_pages import FormReport
from guilin_union.reports.members.common import Letterhead
from guilin_union.reports.registry import signature_of

APPROVAL_SIGNATURE = signature_of("welfare-approval")  # declared in reports/registry.py
HARDSHIP_SIGNATURE = signature_of("hardship-application")

BLANK = "\u00a0" * 10


@dataclass(frozen=True)
class ApprovalCase:
    name: str
    member_no: str
    branch: str
    type: str
    date: str  # 慰问日期, as printed
    amount_fen: int
    goods: str = ""
    relative: str = ""  # "父亲 王大山"
    cause: str = ""
    event_date: str = ""
    reason: str = ""
    recipient: str = ""
    pay_method: str = ""
    account_masked: str = ""
    bank_name: str = ""
    evidence: str = ""  # "死亡证明、亲属关系证明"
    standard: str = ""  # the year's standard in words
    warnings: str = ""  # overridden warnings with their reason


@dataclass(frozen=True)
class HardshipCase:
    name: str
    member_no: str
    branch: str
    gender: str = ""
    birth_date: str = ""
    department: str = ""
    phone: str = ""
    address: str = ""
    category: str = ""
    wage_fen: int | None = None
    other_income_fen: int | None = None
    household_income_fen: int | None = None
    household_size: int | None = None
    per_capita_fen: int | None = None
    family_members: str = ""
    household: str = ""  # 困难情况
    decision: str = ""
    decision_date: str = ""
    year: int = 0


def _money(fen: int | None) -> str:
    return BLANK if fen is None else f"{format_fen(fen)} 元"


def _or_blank(text: str | int | None) -> str:
    return BLANK if text in (None, "") else str(text)


def build_welfare_approval(
    path: str | os.PathLike[str], cases: Sequence[ApprovalCase], **head: Unpack[Letterhead]
) -> Path:
    """One 会员慰问审批表 a case."""
    return _build_forms(path, "慰问审批表", cases, _approval_page, head)


def build_hardship_application(
    path: str | os.PathLike[str], cases: Sequence[HardshipCase], **head: Unpack[Letterhead]
) -> Path:
    """One 职工困难补助申请表 a case."""
    return _build_forms(path, "困难补助申请表", cases, _hardship_page, head)


Case = TypeVar("Case")


def _build_forms(
    path: str | os.PathLike[str],
    title: str,
    cases: Sequence[Case],
    write_page: Callable[[FormReport, Case, str], None],
    head: Letterhead,
) -> Path:
    """The PDF titled ``title``: each case on a page of its own, written by
    ``write_page(report, case, union_name)``."""
    report = FormReport(
        path, title, institution=head["institution"], generated_on=head.get("generated_on")
    )
    for case in report.pages(cases):
        write_page(report, case, head["union_name"])
    return report.save()


def _approval_page(report: FormReport, c: ApprovalCase, union_name: str) -> None:
    report.form_title(union_name, "会员慰问审批表")
    amount = f"{format_fen(c.amount_fen)} 元（大写：{fen_to_upper(c.amount_fen)}）" + (
        f"；实物：{c.goods}" if c.goods else ""
    )
    report.key_values(
        [
            ("姓名", c.name),
            ("会员编号", c.member_no),
            ("所在分工会", c.branch),
            ("慰问类型", c.type),
            ("亲属", _or_blank(c.relative)),
            ("病因/事由", _or_blank(c.cause)),
            ("事件日期", _or_blank(c.event_date)),
            ("慰问日期", c.date),
        ]
    )
    report.key_values([("慰问金额", amount)], columns=1)
    report.key_values(
        [
            ("收款人", _or_blank(c.recipient)),
            ("发放方式", _or_blank(c.pay_method)),
            ("账号", _or_blank(c.account_masked)),
            ("开户行", _or_blank(c.bank_name)),
        ]
    )
    report.key_values(
        [
            ("申请事由", _or_blank(c.reason)),
            ("所附材料", _or_blank(c.evidence)),
            ("适用标准", _or_blank(c.standard)),
        ]
        + ([("超标准说明", c.warnings)] if c.warnings else []),
        columns=1,
    )
    report.spacer(3)
    report.approval_boxes(["申请人（经办人）", "分工会意见（主席签字）"], height_mm=16)
    report.spacer(2)
    report.approval_boxes(["校工会审批意见", "领款人签收"], height_mm=16)


def _hardship_page(report: FormReport, c: HardshipCase, union_name: str) -> None:
    report.form_title(
        union_name, f"{c.year}年职工困难补助申请表" if c.year else "职工困难补助申请表"
    )
    report.key_values(
        [
            ("姓名", c.name),
            ("会员编号", c.member_no),
            ("性别", _or_blank(c.gender)),
            ("出生日期", _or_blank(c.birth_date)),
            ("所在分工会", c.branch),
            ("部门", _or_blank(c.department)),
            ("联系电话", _or_blank(c.phone)),
            ("困难类别", _or_blank(c.category)),
        ]
    )
    report.key_values([("家庭住址", _or_blank(c.address))], columns=1)
    report.key_values(
        [
            ("本人月工资", _money(c.wage_fen)),
            ("其他收入", _money(c.other_income_fen)),
            ("家庭月总收入", _money(c.household_income_fen)),
            (
                "家庭人口",
                _or_blank(c.household_size) + ("" if c.household_size is None else " 人"),
            ),
            ("家庭人均月收入", _money(c.per_capita_fen)),
            ("", ""),
        ]
    )
    report.key_values(
        [
            ("家庭成员及其经济情况", _or_blank(c.family_members)),
            ("困难情况", _or_blank(c.household)),
        ],
        columns=1,
    )
    report.spacer(2)
    report.paragraph("本人承诺以上情况属实，如有虚报，愿退回补助并承担相应责任。", size=10)
    report.paragraph(
        f"申请人（签名）：{BLANK * 3}日期：{BLANK}年{BLANK[:4]}月{BLANK[:4]}日",
        align="right",
        size=10,
    )
    report.spacer(2)
    decision = c.decision + (f"（{c.decision_date}）" if c.decision and c.decision_date else "")
    if decision:
        report.key_values([("工会委员会意见（已记录）", decision)], columns=1)
    report.approval_boxes(["分工会意见", "校工会（工会委员会）审批意见"], height_mm=18)
