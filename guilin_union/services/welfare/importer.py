"""Importing condolence payments from Excel (branch unions send their lists as .xlsx).

Same pipeline as every import (services.import_common): every row is validated and checked
against the year's standards first; any error and nothing is written. A rule violation
(over the cap, the (N+1)th visit, the yearly festival total, a possible duplicate, not 在会)
is a row error, unless the user accepts the warnings with one reason for the whole file
(``accept_warnings``), which is then kept with each such payment. Rows of the same file count
for each other (two hospital visits in one file are two visits).

>>> WelfareImporter().fields[0].header
'姓名'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils

from guilin_union.core.errors import ValidationError
from guilin_union.core.member_match import MemberIndex
from guilin_union.core.money import format_fen
from guilin_union.core.welfare import FORMS, PAYMENT_STATES
from guilin_union.services import welfare as payments
from guilin_union.services.import_common import (
    ImportOutcome,
    ImportPlan,
    header_label,
    row_note,
)
from guilin_union.services.members.lookup import member_index
from guilin_union.services.welfare import config
from guilin_union.services.welfare.rules import RuleWarning, check_payment
from guilin_union.spreadsheets.errors import RowError
from guilin_union.spreadsheets.reader import Field, ReadResult

FIELDS: list[Field] = [
    Field("name", "姓名", ("会员姓名", "职工姓名", "慰问对象"), required=True),
    Field("staff_no", "工号", ("职工号", "教工号", "工作证号")),
    Field("member_no", "会员编号", ("会员号", "会员证号")),
    Field("id_number", "身份证号", ("身份证号码", "证件号码", "公民身份号码"), kind="id_number"),
    Field("branch", "分工会", ("所属分工会", "部门工会")),
    Field("type", "慰问类型", ("类型", "慰问项目", "慰问种类"), required=True),
    Field("occasion", "事项", ("节日", "具体事项", "慰问事项")),
    Field("pay_date", "慰问日期", ("日期", "慰问时间"), required=True, kind="date"),
    Field(
        "amount",
        "金额",
        ("慰问金额", "金额（元）", "慰问金", "折合金额", "价值"),
        required=True,
        kind="money",
    ),
    Field("form", "发放形式", ("形式", "现金/实物"), kind="choice", choices=FORMS),
    Field("goods", "物品", ("慰问品", "实物名称", "物品名称")),
    Field("reason", "事由", ("慰问事由", "原因", "情况说明")),
    Field("handler", "经手人", ("经办人",)),
    Field("state", "审批状态", ("状态",), kind="choice", choices=PAYMENT_STATES),
    Field("paid_on", "发放日期", ("领取日期",), kind="date"),
    Field("year", "标准年度", ("年度",), kind="int"),
    Field("notes", "备注", ()),
    # issue 22: the case
    Field("relative_relation", "亲属关系", ("与本人关系", "关系", "亲属称谓")),
    Field("relative_name", "亲属姓名", ("去世亲属姓名", "亲属")),
    Field("cause", "病因", ("病因/事由", "疾病名称", "住院原因", "事由类别")),
    Field(
        "event_date",
        "事件日期",
        ("住院日期", "去世日期", "结婚日期", "出生日期（子女）", "发生日期"),
        kind="date",
    ),
    Field("sub_kind", "细项", ("慰问细项",)),
    Field("recipient_name", "收款人", ("领款人",)),
    Field("pay_method", "发放方式", ("支付方式",)),
    Field("bank_account", "账号", ("银行账号", "银行卡号", "收款账号"), kind="id_number"),
    Field("bank_name", "开户行", ("开户银行",)),
]
_LABELS = {f.key: f.header for f in FIELDS}
# The columns that find the member, and those the payment takes under another name or
# works out (amount -> amount_fen, state from paid_on); every other column is the payment's.
_MEMBER_KEYS = ("name", "staff_no", "member_no", "id_number", "branch")
_PAYMENT_KEYS = tuple(f.key for f in FIELDS if f.key not in (*_MEMBER_KEYS, "amount", "state"))
# Which column a validation problem or a rule warning belongs to.
_FIELD_OF = {
    "member_id": "name",
    "amount_fen": "amount",
    "type": "type",
    "pay_date": "pay_date",
    "form": "form",
    "goods": "goods",
    "state": "state",
    "paid_on": "paid_on",
    "year": "year",
}
_WARNING_FIELD = {
    "cap": "amount",
    "yearly_total": "amount",
    "status": "name",
    "frequency": "type",
    "duplicate": "pay_date",
    "no_standard": "type",
    "form": "form",
    "dues": "name",  # 按时缴纳会费 (services/money/dues_rule.py): about the member
}


@dataclass
class _Item:
    row: int
    payment: payments.PaymentInput
    warnings: list[RuleWarning] = field(default_factory=list)


class WelfareImporter:
    """The :class:`~guilin_union.services.import_common.Importer` of 慰问发放记录."""

    name = "welfare_payments"
    areas = (config.AREA,)

    def __init__(self, accept_warnings: str | None = None) -> None:
        self.fields = FIELDS
        self.accept_warnings = config.clean_text(accept_warnings) or None

    # ------------------------------------------------------------ member lookup
    def _find_member(
        self, index: MemberIndex, values: dict[str, Any]
    ) -> tuple[int | None, str, str]:
        """(member id, field key of the problem, message): the one rule of core.member_match."""
        found = index.match(**{key: config.clean_text(values.get(key)) for key in _MEMBER_KEYS})
        if found.member is None:
            return None, found.field, found.message
        return found.member.id, "", ""

    # ------------------------------------------------------------ Importer protocol
    def validate(self, db: sqlite_utils.Database, read: ReadResult) -> ImportPlan:
        plan = ImportPlan()
        pending: list[payments.PaymentInput] = []

        def error(row: int, key: str, value: Any, message: str) -> None:
            label = header_label(read, key, _LABELS.get(key, key))
            if key == "amount" and isinstance(value, int):
                value = format_fen(value).replace(",", "")  # the reader hands fen; show yuan
            plan.errors.append(RowError(row, label, "" if value is None else str(value), message))

        accepted = 0
        index = member_index(db)
        for parsed in read.rows:
            values = parsed.values
            member_id, key, message = self._find_member(index, values)
            if member_id is None:
                error(parsed.row, key or "name", values.get(key or "name"), message)
                continue
            data = {key: values.get(key) for key in _PAYMENT_KEYS}
            data.update(
                member_id=member_id,
                amount_fen=values.get("amount"),
                state=values.get("state") or ("已发放" if values.get("paid_on") else "申请"),
            )
            if values.get("goods") and not values.get("form"):
                data["form"] = "实物"
            try:
                p = payments.validate_payment(db, data)
            except ValidationError as exc:
                key = _FIELD_OF.get(exc.field or "", "name")
                error(parsed.row, key, values.get(key), exc.message)
                continue
            warnings = check_payment(db, p, pending=pending)
            pending.append(p)
            if warnings and not self.accept_warnings:
                for w in warnings:
                    key = _WARNING_FIELD.get(w.code, "type")
                    error(parsed.row, key, values.get(key), f"违反慰问标准：{w.message}")
                continue
            accepted += bool(warnings)
            plan.items.append(_Item(parsed.row, p, warnings))
        if accepted:
            plan.notes.append(
                f"有 {accepted} 行违反慰问标准，已按理由“{self.accept_warnings}”接受并记录"
            )
        return plan

    def commit(self, db: sqlite_utils.Database, plan: ImportPlan) -> ImportOutcome:
        for item in plan.items:
            payments.insert_checked(
                db,
                item.payment,
                item.warnings,
                self.accept_warnings or "",
                note=row_note(item.row),
            )
        return ImportOutcome(imported=len(plan.items), notes=plan.notes)


def write_template(path: str | Path) -> Path:
    """An empty import file with the expected headers and one example row."""
    from guilin_union.spreadsheets.writer import Column, Sheet, write_workbook

    columns = [
        Column(f.key, f.header, kind="money" if f.kind == "money" else "text") for f in FIELDS
    ]
    example = {
        "name": "张三",
        "staff_no": "2015001",
        "type": "生病住院",
        "pay_date": "2025-03-05",
        "amount": 50000,
        "form": "现金",
        "reason": "住院慰问",
        "handler": "李秘书",
        "state": "申请",
    }
    return write_workbook(
        path,
        [
            Sheet(
                "慰问记录",
                columns,
                [example],
                heading="慰问记录导入模板（示例行请删除；身份证号列请设为文本格式）",
            )
        ],
    )
