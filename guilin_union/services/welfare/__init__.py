"""慰问发放记录: entering, checking, approving and listing condolence payments.

A payment is checked against the standard of its year (:mod:`welfare_rules`) when it is
entered, edited or imported. Failed checks raise :class:`PaymentWarnings`; the caller asks the
user for a reason and calls again with ``override_reason``. The reason is kept with every
overridden warning (table ``welfare_payment_warnings``) and the lists can show only such
payments (``PaymentQuery(flagged_only=True)``: 有超标准/需复核).

Approval runs 申请 → 分工会审核 → 校工会批准 → 已发放, each step with its date.

>>> # record_payment(db, {"member_id": 7, "type": "结婚", "pay_date": "2025-05-01",
>>> #                     "amount_fen": 60000, "reason": "新婚慰问", "handler": "李秘书"})
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils

from guilin_union.core.errors import ConflictError, NotFoundError, ValidationError
from guilin_union.core.masking import mask_id
from guilin_union.core.money import format_fen
from guilin_union.core.text import to_halfwidth
from guilin_union.core.text_limits import length_problem
from guilin_union.core.welfare import FORMS, PAYMENT_STATES
from guilin_union.core.welfare_cases import mask_account
from guilin_union.services.changes import Changes, OpResult
from guilin_union.services.common_money import fen_amount
from guilin_union.services.common_query import (
    SortedQuery,
    SortOrder,
    chunks,
    column_values,
    dict_rows,
    filter_clauses,
    filter_text,
    in_order,
    where_sql,
)
from guilin_union.services.members import branches as branches_service
from guilin_union.services.welfare import config
from guilin_union.services.welfare.rules import (
    PaymentWarnings,
    RuleWarning,
    check_payment,
)
from guilin_union.storage import audit

__all__ = [
    "PaymentInput",
    "PaymentQuery",
    "PaymentWarnings",
    "RuleWarning",
    "STATE_DATE_COLUMNS",
    "validate_payment",
    "check",
    "record_payment",
    "update_payment",
    "delete_payment",
    "restore_payment",
    "set_state",
    "get_payment",
    "query_ids",
    "count",
    "fetch_rows",
    "list_payments",
    "to_public_json",
    "payment_warnings",
    "list_open_warnings",
    "mark_reviewed",
    "add_attachment",
    "list_attachments",
    "remove_attachment",
    "member_payments",
    "payment_years",
    "describe_query",
    "insert_checked",
    "totals",
    "amount_text",
    "restore_states",
    "STATES",
]

STATES = PAYMENT_STATES
# The date column set when a payment reaches each state.
STATE_DATE_COLUMNS: dict[str, str] = {
    "申请": "applied_on",
    "分工会审核": "branch_reviewed_on",
    "校工会批准": "approved_on",
    "已发放": "paid_on",
}
_DATE_FIELDS = ("applied_on", "branch_reviewed_on", "approved_on", "paid_on")


@dataclass
class PaymentInput:
    """One payment as the user enters it. ``amount_fen`` is the cash amount, or the value of
    the goods when ``form`` is 实物. ``year`` (标准年度) defaults to the year of ``pay_date``."""

    member_id: int
    type: str
    pay_date: str
    amount_fen: int
    form: str = "现金"
    goods: str = ""
    occasion: str = ""
    reason: str = ""
    handler: str = ""
    state: str = "申请"
    applied_on: str | None = None
    branch_reviewed_on: str | None = None
    approved_on: str | None = None
    paid_on: str | None = None
    year: int | None = None
    notes: str = ""
    hardship_id: int | None = None
    batch_id: int | None = None
    # issue 22: the case
    relative_relation: str = ""  # 配偶 / 父亲 / 母亲 / 子女 / 配偶父亲 / 配偶母亲 / 其他
    relative_name: str = ""
    cause: str = ""  # 病因或事由
    event_date: str | None = None  # 事件日期 (not the payment date)
    sub_kind: str = ""  # 细项 of the standard (手术, 外地…)
    recipient_name: str = ""  # 收款人 when not the member
    pay_method: str = ""  # 现金 / 银行转账 / 实物
    bank_account: str = ""
    bank_name: str = ""
    evidence_checked: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def validate_payment(
    db: sqlite_utils.Database, data: Mapping[str, Any] | PaymentInput
) -> PaymentInput:
    """Normalise one payment and refuse what can never be right (no member, unknown type,
    bad date, no amount). Rule checks are separate: they warn, they do not refuse.

    ``amount_fen`` may be int fen or yuan text (``"300.00"``).
    """
    raw = data.to_dict() if isinstance(data, PaymentInput) else dict(data)
    try:
        member_id = int(raw.get("member_id"))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValidationError("请选择会员", "member_id") from None
    if db.execute("SELECT 1 FROM members WHERE id = ?", [member_id]).fetchone() is None:
        raise ValidationError("会员不存在（可能已被删除）", "member_id")
    type_name = config.clean_text(raw.get("type"))
    known = config.types(db)
    if not type_name:
        raise ValidationError("请选择慰问类型", "type")
    if type_name not in known:
        raise ValidationError(f"慰问类型“{type_name}”不在类型列表中（{'、'.join(known)}）", "type")
    if raw.get("pay_date") in (None, ""):
        raise ValidationError("请填写慰问日期", "pay_date")
    pay_date = config.iso_date(raw.get("pay_date"), "pay_date")
    form = config.clean_text(raw.get("form")) or "现金"
    if form not in FORMS:
        raise ValidationError("发放形式应为“现金”或“实物”", "form")
    goods = config.clean_text(raw.get("goods"))
    if form == "实物" and not goods:
        raise ValidationError("实物慰问请填写物品名称", "goods")
    if form == "现金":
        goods = ""
    amount = fen_amount(
        raw.get("amount_fen"),
        "amount_fen",
        blank="请填写金额（实物请填写折合金额）",
        positive=True,
    )
    state = config.clean_text(raw.get("state")) or "申请"
    if state not in STATES:
        raise ValidationError("审批状态应为：" + "、".join(STATES), "state")
    dates: dict[str, str | None] = {}
    for key in _DATE_FIELDS:
        value = raw.get(key)
        dates[key] = None if value in (None, "") else config.iso_date(value, key)
    if state == "已发放" and not dates["paid_on"]:
        raise ValidationError("状态为“已发放”时请填写发放日期", "paid_on")
    if dates["paid_on"] and state != "已发放":
        raise ValidationError("填写了发放日期的慰问，状态应为“已发放”", "state")
    year = raw.get("year")
    try:
        year = int(year) if year not in (None, "") else int(pay_date[:4])
    except (TypeError, ValueError):
        raise ValidationError("标准年度应为四位数年份", "year") from None
    if not 1990 <= year <= 2100:
        raise ValidationError("标准年度应在 1990 至 2100 之间", "year")
    texts = {
        key: config.clean_text(raw.get(key)) for key in ("occasion", "reason", "handler", "notes")
    }
    for key, text in texts.items():  # core/text_limits.py
        if (too_long := length_problem(key, text)) is not None:
            raise ValidationError(too_long, key)
    return PaymentInput(
        **_validate_case(raw, form),
        member_id=member_id,
        type=type_name,
        pay_date=pay_date,
        amount_fen=amount,
        form=form,
        goods=goods,
        occasion=texts["occasion"],
        reason=texts["reason"],
        handler=texts["handler"],
        state=state,
        applied_on=dates["applied_on"],
        branch_reviewed_on=dates["branch_reviewed_on"],
        approved_on=dates["approved_on"],
        paid_on=dates["paid_on"],
        year=year,
        notes=texts["notes"],
        hardship_id=raw.get("hardship_id") or None,
        batch_id=raw.get("batch_id") or None,
    )


def _validate_case(raw: Mapping[str, Any], form: str) -> dict[str, Any]:
    """The issue-22 fields of a payment: relative, cause, event date, recipient and method."""
    from guilin_union.core.welfare_cases import PAY_METHODS, RELATION_CHOICES, RELATIONS

    relation = config.clean_text(raw.get("relative_relation"))
    if relation and relation not in RELATION_CHOICES and relation not in RELATIONS:
        raise ValidationError("亲属关系应为：" + "、".join(RELATION_CHOICES), "relative_relation")
    name = "".join(config.clean_text(raw.get("relative_name")).split())
    if name and not relation:
        raise ValidationError("填写了亲属姓名，请同时选择亲属关系", "relative_relation")
    event = raw.get("event_date")
    event_date = None if event in (None, "") else config.iso_date(event, "event_date")
    method = config.clean_text(raw.get("pay_method"))
    if method and method not in PAY_METHODS:
        raise ValidationError("发放方式应为：" + "、".join(PAY_METHODS), "pay_method")
    account = "".join(config.clean_text(raw.get("bank_account")).split())
    if account and not account.isdigit():
        raise ValidationError("银行账号只能是数字", "bank_account")
    if method == "银行转账" and not account:
        raise ValidationError("银行转账请填写收款账号", "bank_account")
    evidence = raw.get("evidence_checked") or []
    if isinstance(evidence, str):
        text = evidence.strip()
        evidence = (
            json.loads(text) if text.startswith("[") else text.replace("，", "、").split("、")
        )
    limits = {"relative_name": 50, "cause": 100, "recipient_name": 50, "bank_name": 100}
    values: dict[str, Any] = {
        "relative_relation": relation,
        "relative_name": name,
        "cause": config.clean_text(raw.get("cause")),
        "event_date": event_date,
        "sub_kind": config.clean_text(raw.get("sub_kind")),
        "recipient_name": config.clean_text(raw.get("recipient_name")),
        "pay_method": method or ("实物" if form == "实物" else ""),
        "bank_account": account,
        "bank_name": config.clean_text(raw.get("bank_name")),
        "evidence_checked": [config.clean_text(e) for e in evidence if config.clean_text(e)],
    }
    for key, limit in limits.items():
        if len(values[key]) > limit:
            raise ValidationError(f"内容过长（最多 {limit} 字）", key)
    return values


def check(
    db: sqlite_utils.Database,
    data: Mapping[str, Any] | PaymentInput,
    *,
    payment_id: int | None = None,
) -> list[RuleWarning]:
    """Validate and return the rule warnings without saving (the form shows them live)."""
    p = validate_payment(db, data)
    return check_payment(db, p, exclude_id=payment_id)


# ---------------------------------------------------------------- writes


def _member_branch(db: sqlite_utils.Database, member_id: int) -> int:
    return db.execute("SELECT branch_id FROM members WHERE id = ?", [member_id]).fetchone()[0]


def _row(p: PaymentInput) -> dict[str, Any]:
    """The table row of a payment: blank text stored as NULL, the evidence list as JSON."""
    row = {
        key: (value or None) if isinstance(value, str) else value
        for key, value in asdict(p).items()
    }
    row["evidence_checked"] = (
        json.dumps(p.evidence_checked, ensure_ascii=False) if p.evidence_checked else None
    )
    return row


def _store_warnings(
    db: sqlite_utils.Database, payment_id: int, warnings: Sequence[RuleWarning], reason: str
) -> None:
    now, who = audit.now_iso(), audit.os_user()
    for w in warnings:
        audit.insert(
            db,
            "welfare_payment_warnings",
            {
                "payment_id": payment_id,
                "code": w.code,
                "message": w.message,
                "override_reason": reason,
                "overridden_by": who,
                "overridden_at": now,
            },
        )


def _require_reason(warnings: Sequence[RuleWarning], override_reason: str | None) -> str:
    reason = config.clean_text(override_reason)
    if warnings and not reason:
        raise PaymentWarnings(warnings)
    return reason


def insert_checked(
    db: sqlite_utils.Database,
    p: PaymentInput,
    warnings: Sequence[RuleWarning],
    reason: str,
    *,
    branch_id: int | None = None,
    note: str | None = None,
) -> int:
    """Insert an already validated and checked payment with its overridden warnings (used by
    the import and the batches, which check many rows first). Call inside ``db.atomic()``."""
    now = audit.now_iso()
    row = _row(p)
    if not row["applied_on"]:
        row["applied_on"] = p.pay_date  # the case is dated by its payment date unless told
    row.update(
        branch_id=branch_id if branch_id is not None else _member_branch(db, p.member_id),
        override_reason=reason or None,
        created_at=now,
        updated_at=now,
    )
    payment_id = audit.insert(db, "welfare_payments", row, note=note)
    if warnings:
        _store_warnings(db, payment_id, warnings, reason)
    return payment_id


def record_payment(
    db: sqlite_utils.Database,
    data: Mapping[str, Any] | PaymentInput,
    *,
    override_reason: str | None = None,
    attachments: Iterable[str | Path] = (),
) -> OpResult:
    """Validate, check and save one payment (one transaction, logged).

    Raises :class:`PaymentWarnings` when a check fails and ``override_reason`` is empty.
    ``attachments`` are evidence files copied into the attachments folder.
    """
    with db.atomic():
        p = validate_payment(db, data)
        warnings = check_payment(db, p)
        reason = _require_reason(warnings, override_reason)
        payment_id = insert_checked(db, p, warnings, reason)
        for path in attachments:
            _attach(db, payment_id, path)
    return OpResult(
        Changes.of(config.AREA), payment_id, inverse=lambda d: delete_payment(d, payment_id)
    )


def update_payment(
    db: sqlite_utils.Database,
    payment_id: int,
    data: Mapping[str, Any] | PaymentInput,
    *,
    override_reason: str | None = None,
) -> OpResult:
    """Save an edit. Warnings already overridden for this payment (same check) do not ask
    again; a new one needs ``override_reason``. ``undo`` holds the previous row and warnings."""
    with db.atomic():
        before_row = get_payment(db, payment_id)
        changes = dict(data.to_dict() if isinstance(data, PaymentInput) else data)
        base = _input_dict(before_row)
        if (
            "pay_date" in changes
            and "year" not in changes
            and base["year"] == int(base["pay_date"][:4])
        ):
            del base["year"]  # the year followed the date before: let it follow the new date
        p = validate_payment(db, {**base, **changes})
        warnings = check_payment(db, p, exclude_id=payment_id)
        old = payment_warnings(db, payment_id)
        old_codes = {w["code"] for w in old}
        new = [w for w in warnings if w.code not in old_codes]
        reason = _require_reason(new, override_reason)
        row = _row(p)
        row["updated_at"] = audit.now_iso()
        if p.member_id != before_row["member_id"]:
            row["branch_id"] = _member_branch(db, p.member_id)
        if reason:
            row["override_reason"] = reason
        # Warnings that no longer apply are removed (the log keeps them); the others stay
        # with the reason the user gave when they first appeared.
        codes_now = {w.code for w in warnings}
        for w in old:
            if w["code"] not in codes_now:
                audit.delete(db, "welfare_payment_warnings", w["id"], note="修改后不再触发")
        if not warnings:
            row["override_reason"] = None
        before = audit.update(db, "welfare_payments", payment_id, row)
        _store_warnings(db, payment_id, new, reason)
    undo = {"row": before, "warnings": old}
    return OpResult(
        Changes.of(config.AREA), payment_id, undo=undo, inverse=lambda d: restore_payment(d, undo)
    )


def _input_dict(row: Mapping[str, Any]) -> dict[str, Any]:
    keys = {f for f in PaymentInput.__dataclass_fields__}
    return {k: row[k] for k in keys if k in row}


def delete_payment(db: sqlite_utils.Database, payment_id: int) -> OpResult:
    """Delete one payment with its warnings and attachment records (files stay on disk so
    undo can bring them back). A paid payment cannot be deleted."""
    with db.atomic():
        row = get_payment(db, payment_id)
        if row["state"] == "已发放":
            raise ConflictError(
                "已发放的慰问不能删除。如确属录入错误，请先把审批状态退回后再删除。"
            )
        warnings = payment_warnings(db, payment_id)
        files = list_attachments(db, payment_id)
        for w in warnings:
            audit.delete(db, "welfare_payment_warnings", w["id"])
        for a in files:
            audit.delete(db, "welfare_attachments", a["id"])
        before = audit.delete(db, "welfare_payments", payment_id)
    undo = {"row": before, "warnings": warnings, "attachments": files}
    return OpResult(
        Changes.of(config.AREA), payment_id, undo=undo, inverse=lambda d: restore_payment(d, undo)
    )


def restore_payment(db: sqlite_utils.Database, undo: Mapping[str, Any]) -> OpResult:
    """Undo of a delete or an edit: put the payment (with its warnings and attachment
    records) back exactly as it was. Its ``inverse`` redoes: it deletes a restored payment
    again, or puts the values the restore replaced back."""
    row = dict(undo["row"])
    payment_id = int(row["id"])
    again: Any
    with db.atomic():
        exists = db.execute("SELECT 1 FROM welfare_payments WHERE id = ?", [payment_id]).fetchone()
        if exists:
            replaced = {
                "row": get_payment(db, payment_id),
                "warnings": payment_warnings(db, payment_id),
            }
            again = lambda d: restore_payment(d, replaced)  # noqa: E731
            audit.update(
                db,
                "welfare_payments",
                payment_id,
                {k: v for k, v in row.items() if k != "id"},
                note="撤销修改",
            )
            for w in payment_warnings(db, payment_id):
                audit.delete(db, "welfare_payment_warnings", w["id"], note="撤销修改")
        else:
            audit.insert(db, "welfare_payments", row, note="撤销删除")
            again = lambda d: delete_payment(d, payment_id)  # noqa: E731
        for w in undo.get("warnings", []):
            audit.insert(
                db, "welfare_payment_warnings", {**w, "payment_id": payment_id}, note="撤销"
            )
        for a in undo.get("attachments", []):
            audit.insert(db, "welfare_attachments", {**a, "payment_id": payment_id}, note="撤销")
    return OpResult(Changes.of(config.AREA), payment_id, inverse=again)


def set_state(
    db: sqlite_utils.Database,
    payment_ids: Sequence[int],
    state: str,
    on: _dt.date | str | None = None,
) -> OpResult:
    """Move payments to ``state`` on date ``on`` (default today).

    Forward: the date of the step reached is filled in (when missing); steps jumped over keep
    no date rather than an invented one. Back (correcting a mistake): the dates of the steps
    undone are cleared. ``undo`` maps id -> previous values.
    """
    if state not in STATES:
        raise ValidationError("审批状态应为：" + "、".join(STATES), "state")
    day = config.iso_date(on or _dt.date.today(), "on")
    target = STATES.index(state)
    previous: dict[int, dict[str, Any]] = {}
    with db.atomic():
        for payment_id in payment_ids:
            row = get_payment(db, payment_id)
            changes: dict[str, Any] = {"state": state}
            column = STATE_DATE_COLUMNS[state]
            if not row[column]:
                changes[column] = day
            for later in STATES[target + 1 :]:
                changes[STATE_DATE_COLUMNS[later]] = None
            if all(row.get(k) == v for k, v in changes.items()):
                continue
            changes["updated_at"] = audit.now_iso()
            before = audit.update(
                db, "welfare_payments", payment_id, changes, note=f"审批：{state}"
            )
            previous[payment_id] = {k: before[k] for k in changes}
    return OpResult(
        Changes.of(config.AREA), None, undo=previous, inverse=lambda d: restore_states(d, previous)
    )


def restore_states(
    db: sqlite_utils.Database, previous: Mapping[int, Mapping[str, Any]]
) -> OpResult:
    """Undo of :func:`set_state` (its ``inverse`` puts the states it replaced back: redo)."""
    replaced: dict[int, dict[str, Any]] = {}
    with db.atomic():
        for payment_id, values in previous.items():
            before = audit.update(
                db, "welfare_payments", int(payment_id), dict(values), note="撤销审批"
            )
            replaced[int(payment_id)] = {k: before[k] for k in values}
    return OpResult(Changes.of(config.AREA), inverse=lambda d: restore_states(d, replaced))


# ---------------------------------------------------------------- warnings under review


def payment_warnings(db: sqlite_utils.Database, payment_id: int) -> list[dict[str, Any]]:
    cursor = db.execute(
        "SELECT * FROM welfare_payment_warnings WHERE payment_id = ? ORDER BY id", [payment_id]
    )
    return dict_rows(cursor)


def list_open_warnings(
    db: sqlite_utils.Database, *, year: int | None = None, include_reviewed: bool = False
) -> list[dict[str, Any]]:
    """Overridden warnings for review: member, payment, what was wrong, why it was paid."""
    clauses, params = [], []
    if not include_reviewed:
        clauses.append("w.reviewed_at IS NULL")
    if year is not None:
        clauses.append("p.year = ?")
        params.append(int(year))
    where = where_sql(clauses)
    cursor = db.execute(
        "SELECT w.id, w.payment_id, w.code, w.message, w.override_reason, w.overridden_by,"
        " w.overridden_at, w.reviewed_by, w.reviewed_at, p.pay_date, p.type, p.amount_fen,"
        " m.name, b.name AS branch FROM welfare_payment_warnings w"
        " JOIN welfare_payments p ON p.id = w.payment_id JOIN members m ON m.id = p.member_id"
        f" JOIN branches b ON b.id = p.branch_id{where} ORDER BY p.pay_date DESC, w.id",
        params,
    )
    return dict_rows(cursor)


def mark_reviewed(
    db: sqlite_utils.Database, warning_ids: Sequence[int], reviewed: bool = True
) -> OpResult:
    """Mark overridden warnings as reviewed (复核) or back as open."""
    with db.atomic():
        for wid in warning_ids:
            values = (
                {"reviewed_by": audit.os_user(), "reviewed_at": audit.now_iso()}
                if reviewed
                else {"reviewed_by": None, "reviewed_at": None}
            )
            audit.update(db, "welfare_payment_warnings", int(wid), values, note="复核")
    return OpResult(Changes.of(config.AREA))


# ---------------------------------------------------------------- attachments


def _attach(db: sqlite_utils.Database, payment_id: int, path: str | Path) -> int:
    from guilin_union.services.attachments import store_attachment

    relative = store_attachment(db, config.AREA, payment_id, path)
    return audit.insert(
        db,
        "welfare_attachments",
        {
            "payment_id": payment_id,
            "path": relative,
            "original_name": Path(path).name,
            "added_at": audit.now_iso(),
        },
    )


def add_attachment(db: sqlite_utils.Database, payment_id: int, path: str | Path) -> OpResult:
    """Copy an evidence file (结婚证, 住院记录 …) into the attachments folder."""
    with db.atomic():
        get_payment(db, payment_id)
        attachment_id = _attach(db, payment_id, path)
    return OpResult(Changes.of(config.AREA), attachment_id)


def list_attachments(db: sqlite_utils.Database, payment_id: int) -> list[dict[str, Any]]:
    cursor = db.execute(
        "SELECT * FROM welfare_attachments WHERE payment_id = ? ORDER BY id", [payment_id]
    )
    return dict_rows(cursor)


def remove_attachment(db: sqlite_utils.Database, attachment_id: int) -> OpResult:
    """Forget an attachment (the copied file is kept: the change log may point at it)."""
    with db.atomic():
        before = audit.delete(db, "welfare_attachments", attachment_id)
    return OpResult(Changes.of(config.AREA), before["payment_id"], undo=before)


# ---------------------------------------------------------------- reading


def get_payment(db: sqlite_utils.Database, payment_id: int) -> dict[str, Any]:
    try:
        return audit.get_row(db, "welfare_payments", payment_id)
    except NotFoundError:
        raise NotFoundError("慰问记录不存在（可能已被删除）") from None


SORT = SortOrder(
    {
        "date": "p.pay_date",
        "name": "m.name_pinyin",
        "branch": "b.sort_order, b.name",
        "type": "p.type",
        "amount": "p.amount_fen",
        "state": "p.state",
        "staff_no": "m.staff_no",
        "year": "p.year",
    },
    tiebreak="p.id",
    tiebreak_descends=True,
)


@dataclass(frozen=True)
class PaymentQuery(SortedQuery, sort=SORT):
    """A filtered, sorted list of payments; the same object drives the table, the Excel
    export and the sign-for roster, so what is printed is what is shown."""

    year: int | None = None
    type: str | None = None
    occasion: str | None = None
    branch_id: int | None = None
    branch_name: str | None = None
    state: str | None = None
    member_id: int | None = None
    batch_id: int | None = None
    flagged_only: bool = False  # 有超标准/需复核
    open_warnings_only: bool = False
    search: str = ""
    date_from: str | None = None
    date_to: str | None = None
    descending: bool = field(default=True, kw_only=True)


def _where(q: PaymentQuery) -> tuple[str, list[Any]]:
    clauses, params = filter_clauses(
        (
            ("p.year = ?", q.year),
            ("p.type = ?", q.type),
            ("p.occasion = ?", q.occasion),
            ("p.branch_id = ?", q.branch_id),
            ("b.name = ?", q.branch_name),
            ("p.state = ?", q.state),
            ("p.member_id = ?", q.member_id),
            ("p.batch_id = ?", q.batch_id),
            ("p.pay_date >= ?", q.date_from),
            ("p.pay_date <= ?", q.date_to),
        )
    )
    if q.flagged_only:
        clauses.append(
            "EXISTS (SELECT 1 FROM welfare_payment_warnings w WHERE w.payment_id = p.id)"
        )
    if q.open_warnings_only:
        clauses.append(
            "EXISTS (SELECT 1 FROM welfare_payment_warnings w WHERE w.payment_id = p.id"
            " AND w.reviewed_at IS NULL)"
        )
    for term in to_halfwidth(q.search or "").split():
        like = f"%{term}%"
        clauses.append(
            "(m.name LIKE ? OR m.name_initials LIKE ? OR m.staff_no LIKE ? OR m.member_no LIKE ?"
            " OR p.reason LIKE ? OR p.goods LIKE ? OR p.occasion LIKE ? OR p.handler LIKE ?)"
        )
        params += [like, f"{term.lower()}%", like, like, like, like, like, like]
    return where_sql(clauses), params


_FROM = " FROM welfare_payments p JOIN members m ON m.id = p.member_id JOIN branches b ON b.id = p.branch_id"


def query_ids(db: sqlite_utils.Database, q: PaymentQuery) -> list[int]:
    where, params = _where(q)
    sql = f"SELECT p.id{_FROM}{where} ORDER BY {q.order_by()}"
    return column_values(db, sql, params)


def count(db: sqlite_utils.Database, q: PaymentQuery | None = None) -> int:
    where, params = _where(q or PaymentQuery())
    return db.execute(f"SELECT count(*){_FROM}{where}", params).fetchone()[0]


def totals(db: sqlite_utils.Database, q: PaymentQuery | None = None) -> tuple[int, int]:
    """(count, total fen) of a view."""
    where, params = _where(q or PaymentQuery())
    n, total = db.execute(
        f"SELECT count(*), coalesce(sum(p.amount_fen), 0){_FROM}{where}", params
    ).fetchone()
    return n, total


_SELECT = (
    "SELECT p.*, m.name, m.staff_no, m.member_no, m.id_number, m.status AS member_status,"
    " b.name AS branch, b.sort_order AS branch_order,"
    " (SELECT count(*) FROM welfare_payment_warnings w WHERE w.payment_id = p.id) AS warning_count,"
    " (SELECT count(*) FROM welfare_payment_warnings w WHERE w.payment_id = p.id AND w.reviewed_at IS NULL)"
    " AS open_warning_count,"
    " (SELECT group_concat(w.message, '；') FROM welfare_payment_warnings w WHERE w.payment_id = p.id)"
    " AS warning_text,"
    " (SELECT count(*) FROM welfare_attachments a WHERE a.payment_id = p.id) AS attachment_count"
    + _FROM
)


def amount_text(row: Mapping[str, Any]) -> str:
    """``300.00`` for cash, ``大米一袋（折合 150.00 元）`` for goods.

    >>> amount_text({"form": "实物", "goods": "大米一袋", "amount_fen": 15000})
    '大米一袋（折合 150.00 元）'
    """
    if row.get("form") == "实物":
        return f"{row.get('goods') or '实物'}（折合 {format_fen(row['amount_fen'])} 元）"
    return format_fen(row["amount_fen"])


def _display(row: dict[str, Any]) -> dict[str, Any]:
    row["amount"] = format_fen(row["amount_fen"])
    row["amount_text"] = amount_text(row)
    row["id_number_masked"] = mask_id(row.pop("id_number", None))
    row["flagged"] = bool(row["warning_count"])
    row["type_text"] = row["type"] + (f"·{row['occasion']}" if row.get("occasion") else "")
    return row


def fetch_rows(db: sqlite_utils.Database, ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """Display rows for the given ids (a page of the table), keyed by id."""
    ids = list(ids)
    result: dict[int, dict[str, Any]] = {}
    for chunk, marks in chunks(ids):
        cursor = db.execute(f"{_SELECT} WHERE p.id IN ({marks})", chunk)
        for row in dict_rows(cursor):
            result[row["id"]] = _display(row)
    return result


def list_payments(db: sqlite_utils.Database, q: PaymentQuery | None = None) -> list[dict[str, Any]]:
    ids = query_ids(db, q or PaymentQuery())
    return in_order(ids, fetch_rows(db, ids))


def member_payments(db: sqlite_utils.Database, member_id: int) -> list[dict[str, Any]]:
    """A member's payments, newest first (the 慰问记录 page of the member form)."""
    return list_payments(db, PaymentQuery(member_id=member_id))


def payment_years(db: sqlite_utils.Database) -> list[int]:
    """Years that have payments or standards, newest first."""
    rows = db.execute(
        "SELECT year FROM welfare_payments UNION SELECT year FROM welfare_standards ORDER BY 1 DESC"
    )
    return [r[0] for r in rows]


def to_public_json(
    row: Mapping[str, Any], warnings: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """The ``welfare list --json`` object (a documented, stable contract)."""
    data = {
        "id": row["id"],
        "member_id": row["member_id"],
        "name": row["name"],
        "staff_no": row["staff_no"],
        "branch": row["branch"],
        "type": row["type"],
        "occasion": row["occasion"],
        "date": row["pay_date"],
        "year": row["year"],
        "form": row["form"],
        "amount_fen": row["amount_fen"],
        "amount": row["amount"],
        "goods": row["goods"],
        "reason": row["reason"],
        "handler": row["handler"],
        "state": row["state"],
        "applied_on": row["applied_on"],
        "branch_reviewed_on": row["branch_reviewed_on"],
        "approved_on": row["approved_on"],
        "paid_on": row["paid_on"],
        "batch_id": row["batch_id"],
        "flagged": row["flagged"],
        "override_reason": row["override_reason"],
        "attachments": row["attachment_count"],
        # issue 22 (added keys): the case; the bank account masked like ID numbers
        "relative_relation": row.get("relative_relation"),
        "relative_name": row.get("relative_name"),
        "cause": row.get("cause"),
        "event_date": row.get("event_date"),
        "sub_kind": row.get("sub_kind"),
        "recipient": row.get("recipient_name") or row["name"],
        "pay_method": row.get("pay_method"),
        "bank_account_masked": mask_account(row.get("bank_account")),
        "bank_name": row.get("bank_name"),
        "evidence_checked": json.loads(row["evidence_checked"])
        if row.get("evidence_checked")
        else [],
    }
    if warnings is not None:
        data["warnings"] = [
            {"code": w["code"], "message": w["message"], "override_reason": w["override_reason"]}
            for w in warnings
        ]
    return data


def describe_query(db: sqlite_utils.Database, q: PaymentQuery) -> str:
    """The filter in words for printouts: ``2025年；生病住院；文学院分工会``."""
    kind = (q.type + (f"·{q.occasion}" if q.occasion else "")) if q.type else q.occasion
    return filter_text(
        (
            f"{q.year}年" if q.year is not None else None,
            kind,
            branches_service.filter_name(db, q.branch_name, q.branch_id),
            f"状态：{q.state}" if q.state else None,
            f"批次 {q.batch_id}" if q.batch_id is not None else None,
            "有超标准/需复核" if q.flagged_only else None,
        ),
        q.search,
    )
