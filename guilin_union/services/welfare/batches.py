"""节日慰问 and 送温暖 batches: one amount (or the same goods) for every eligible member.

The flow: a :class:`BatchRequest` (festival and year, 分工会 all or some, the eligibility rule,
amount or goods) → :func:`preview_batch` lists every eligible member and every excluded one
with the reason → :func:`create_batch` writes all payments in ONE transaction → the sign-for
roster. :func:`reverse_batch` removes the whole batch while nothing of it has been paid.

Eligibility rules (``ELIGIBILITY_RULES``):

- ``在会会员``          在会 on the batch date;
- ``在会及保留会籍会员``  also retired members (保留会籍);
- ``困难帮扶档案``        the members in the year's hardship file (在会, or 保留会籍 when the
  standard allows it).

Whoever would break the year's rules is excluded with the reason (already received this
festival, the yearly total would be exceeded, the N-per-year count reached); the batch as a
whole warns when the amount is over the cap of one payment.

>>> # preview = preview_batch(db, BatchRequest(year=2025, occasion="春节", amount_fen=30000))
>>> # len(preview.eligible), preview.total_fen
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import sqlite_utils

from guilin_union.core.dates import format_cn_date
from guilin_union.core.errors import ConflictError, NotFoundError, ValidationError
from guilin_union.core.money import format_fen
from guilin_union.core.welfare import FORMS
from guilin_union.services import welfare as payments
from guilin_union.services.changes import Changes, OpResult
from guilin_union.services.common_query import chunks, column_values, dict_rows
from guilin_union.services.members import status as member_status
from guilin_union.services.welfare import config
from guilin_union.services.welfare.rules import PaymentWarnings, RuleWarning
from guilin_union.services.welfare.standards import Standard, get_standard
from guilin_union.storage import audit

RULE_ACTIVE = "在会会员"
RULE_WITH_RETIRED = "在会及保留会籍会员"
RULE_HARDSHIP = "困难帮扶档案"
ELIGIBILITY_RULES = (RULE_ACTIVE, RULE_WITH_RETIRED, RULE_HARDSHIP)
BATCH_PAYMENT_STATE = "校工会批准"
_GONE = ("转出", "退会", "开除", "去世")


@dataclass
class BatchRequest:
    """What the secretary chooses for a batch. ``branch_ids`` None = every active 分工会;
    ``type`` None = the festival type (or the hardship type for 送温暖/金秋助学);
    ``eligibility`` None = from the standard (retired included when it allows them)."""

    year: int
    occasion: str
    amount_fen: int
    form: str = "现金"
    goods: str = ""
    type: str | None = None
    branch_ids: list[int] | None = None
    eligibility: str | None = None
    pay_date: str | None = None
    reason: str = ""
    handler: str = ""
    override_reason: str = ""
    birth_month: int | None = None  # 生日慰问: only members born in this month (1–12)
    group_id: int | None = None  # only the members of one 工会小组 (issue 24)


@dataclass(frozen=True)
class BatchLine:
    member_id: int
    name: str
    branch: str
    branch_id: int
    staff_no: str
    amount_fen: int = 0
    reason: str = ""  # why excluded
    hardship_id: int | None = None


@dataclass
class BatchPreview:
    request: BatchRequest
    type: str
    pay_date: str
    eligibility: str
    branch_names: list[str]
    eligible: list[BatchLine] = field(default_factory=list)
    excluded: list[BatchLine] = field(default_factory=list)
    warnings: list[RuleWarning] = field(default_factory=list)
    standard: Standard | None = None

    @property
    def total_fen(self) -> int:
        return sum(line.amount_fen for line in self.eligible)

    @property
    def branches_text(self) -> str:
        return "全部分工会" if self.request.branch_ids is None else "、".join(self.branch_names)

    def to_json(self, batch_id: int | None) -> dict[str, Any]:
        """The ``welfare batch --json`` object (a documented, stable contract)."""
        return {
            "batch_id": batch_id,
            "year": self.request.year,
            "festival": self.request.occasion,
            "type": self.type,
            "date": self.pay_date,
            "eligibility": self.eligibility,
            "branches": self.branch_names,
            "form": self.request.form,
            "goods": self.request.goods or None,
            "amount_fen": self.request.amount_fen,
            "eligible": [
                {
                    "member_id": x.member_id,
                    "name": x.name,
                    "branch": x.branch,
                    "amount_fen": x.amount_fen,
                }
                for x in self.eligible
            ],
            "excluded": [
                {"member_id": x.member_id, "name": x.name, "branch": x.branch, "reason": x.reason}
                for x in self.excluded
            ],
            "count": len(self.eligible),
            "total_fen": self.total_fen,
            "total": format_fen(self.total_fen),
            "warnings": [{"code": w.code, "message": w.message} for w in self.warnings],
        }


def default_pay_date(year: int, today: _dt.date | None = None) -> str:
    """Today in the batch's year; 1 January for a future year; 31 December for a past one."""
    today = today or _dt.date.today()
    if year == today.year:
        return today.isoformat()
    return (
        _dt.date(year, 1, 1).isoformat()
        if year > today.year
        else _dt.date(year, 12, 31).isoformat()
    )


def _resolve(
    db: sqlite_utils.Database, req: BatchRequest
) -> tuple[str, str, str, list[tuple[int, str]], Standard | None]:
    occasion = config.clean_text(req.occasion)
    if not occasion:
        raise ValidationError("请选择节日（或送温暖、金秋助学等发放项目）", "occasion")
    if not 1990 <= int(req.year) <= 2100:
        raise ValidationError("年度应在 1990 至 2100 之间", "year")
    type_name = (
        config.clean_text(req.type)
        if req.type
        else (
            config.hardship_type(db)
            if occasion in config.hardship_occasions(db)
            else config.festival_type(db)
        )
    )
    if type_name not in config.types(db):
        raise ValidationError(f"慰问类型“{type_name}”不在类型列表中", "type")
    if req.form not in FORMS:
        raise ValidationError("发放形式应为“现金”或“实物”", "form")
    if req.form == "实物" and not config.clean_text(req.goods):
        raise ValidationError("实物慰问请填写物品名称", "goods")
    if (
        isinstance(req.amount_fen, bool)
        or not isinstance(req.amount_fen, int)
        or req.amount_fen <= 0
    ):
        raise ValidationError("请填写每人金额（实物请填写每份折合金额），须大于 0", "amount_fen")
    pay_date = (
        config.iso_date(req.pay_date, "pay_date")
        if req.pay_date
        else default_pay_date(int(req.year))
    )
    standard = get_standard(db, int(req.year), type_name)
    rule = req.eligibility or (
        RULE_WITH_RETIRED if standard and standard.retired_eligible else RULE_ACTIVE
    )
    if type_name == config.hardship_type(db) and req.eligibility is None:
        rule = RULE_HARDSHIP
    if rule not in ELIGIBILITY_RULES:
        raise ValidationError("发放范围应为：" + "、".join(ELIGIBILITY_RULES), "eligibility")
    if req.branch_ids is None:
        branches = [
            (r[0], r[1])
            for r in db.execute(
                "SELECT id, name FROM branches WHERE active = 1 ORDER BY sort_order, id"
            )
        ]
    else:
        if not req.branch_ids:
            raise ValidationError("请至少选择一个分工会", "branch_ids")
        marks = ",".join("?" for _ in req.branch_ids)
        branches = [
            (r[0], r[1])
            for r in db.execute(
                f"SELECT id, name FROM branches WHERE id IN ({marks}) ORDER BY sort_order, id",
                list(req.branch_ids),
            )
        ]
        if len(branches) != len(set(req.branch_ids)):
            raise ValidationError("所选分工会中有不存在的分工会", "branch_ids")
    return type_name, pay_date, rule, branches, standard


def _year_history(
    db: sqlite_utils.Database, type_name: str, year: int, member_ids: list[int]
) -> dict[int, list[tuple]]:
    """Per member: this year's payments of the type (pay_date, amount, occasion)."""
    result: dict[int, list[tuple]] = {}
    for chunk, marks in chunks(member_ids):
        for mid, day, amount, occasion in db.execute(
            f"SELECT member_id, pay_date, amount_fen, coalesce(occasion, '') FROM welfare_payments"
            f" WHERE type = ? AND year = ? AND member_id IN ({marks})",
            [type_name, year, *chunk],
        ):
            result.setdefault(mid, []).append((day, amount, occasion))
    return result


def preview_batch(db: sqlite_utils.Database, req: BatchRequest) -> BatchPreview:
    """Who would receive the batch and who not (with the reason). Writes nothing."""
    type_name, pay_date, rule, branches, standard = _resolve(db, req)
    year = int(req.year)
    preview = BatchPreview(
        req, type_name, pay_date, rule, [name for _, name in branches], standard=standard
    )
    if standard is None:
        preview.warnings.append(
            RuleWarning(
                "no_standard", f"未设置{year}年“{type_name}”的慰问标准，无法核对金额和年度总额"
            )
        )
    elif standard.cap_fen is not None and req.amount_fen > standard.cap_fen:
        preview.warnings.append(
            RuleWarning(
                "cap",
                f"每人 {format_fen(req.amount_fen)} 元超过{year}年“{type_name}”单次上限"
                f" {format_fen(standard.cap_fen)} 元",
            )
        )
    if (
        standard is not None
        and standard.average_cap_fen is not None
        and req.amount_fen > standard.average_cap_fen
    ):
        preview.warnings.append(
            RuleWarning(
                "average",
                f"人均 {format_fen(req.amount_fen)} 元超过{year}年“{type_name}”人均标准"
                f" {format_fen(standard.average_cap_fen)} 元",
            )
        )
    if standard is not None and standard.form != "现金或实物" and req.form != standard.form:
        preview.warnings.append(
            RuleWarning(
                "form", f"{year}年“{type_name}”标准规定以{standard.form}发放，本批为{req.form}"
            )
        )
    if not branches:
        return preview
    branch_ids = [b for b, _ in branches]
    marks = ",".join("?" for _ in branch_ids)
    members = db.execute(
        "SELECT m.id, m.name, b.name, b.id, coalesce(m.staff_no, '') FROM members m"
        f" JOIN branches b ON b.id = m.branch_id WHERE m.branch_id IN ({marks})"
        " ORDER BY b.sort_order, b.id, m.name_pinyin, m.id",
        branch_ids,
    ).fetchall()
    if req.birth_month is not None:
        if not 1 <= int(req.birth_month) <= 12:
            raise ValidationError("生日月份应为 1 至 12", "birth_month")
        born = set(
            column_values(
                db,
                "SELECT id FROM members WHERE substr(birth_date, 6, 2) = ?",
                [f"{int(req.birth_month):02d}"],
            )
        )
        members = [m for m in members if m[0] in born]
    if req.group_id is not None:
        in_group = set(
            column_values(db, "SELECT id FROM members WHERE group_id = ?", [req.group_id])
        )
        members = [m for m in members if m[0] in in_group]
    hardship: dict[int, int] = {}
    if rule == RULE_HARDSHIP:
        hardship = {
            r[0]: r[1]
            for r in db.execute("SELECT member_id, id FROM welfare_hardship WHERE year = ?", [year])
        }
        members = [m for m in members if m[0] in hardship]
    ids = [m[0] for m in members]
    on_day = member_status.statuses_on(db, ids, pay_date)
    year_start = member_status.statuses_on(db, ids, f"{year:04d}-01-01")
    history = _year_history(db, type_name, year, ids)
    retired_ok = rule == RULE_WITH_RETIRED or (
        rule == RULE_HARDSHIP and bool(standard and standard.retired_eligible)
    )
    for mid, name, branch, branch_id, staff_no in members:
        status = on_day.get(mid)
        if status in _GONE and year_start.get(mid) in _GONE and rule != RULE_HARDSHIP:
            continue  # left before this year began: not a candidate worth listing
        line = BatchLine(mid, name, branch, branch_id, staff_no, hardship_id=hardship.get(mid))
        reason = _exclusion(status, retired_ok, history.get(mid, []), req, standard, type_name)
        if reason:
            preview.excluded.append(_with(line, reason=reason))
        else:
            preview.eligible.append(_with(line, amount_fen=req.amount_fen))
    return preview


def _with(line: BatchLine, **changes: Any) -> BatchLine:
    return replace(line, **changes)


def _exclusion(
    status: str | None,
    retired_ok: bool,
    history: list[tuple],
    req: BatchRequest,
    standard: Standard | None,
    type_name: str,
) -> str:
    if status is None:
        return "发放日期时尚未入会"
    if status == "保留会籍" and not retired_ok:
        return "保留会籍（退休），本次发放范围不含保留会籍会员"
    if status not in ("在会", "保留会籍"):
        return f"会籍状态为“{status}”"
    occasion = config.clean_text(req.occasion)
    same = [h for h in history if h[2] == occasion]
    if same:
        return f"本年已领取{occasion}慰问（{format_cn_date(same[0][0])}）"
    if standard is not None:
        if (
            standard.rule_kind == "每年限次"
            and standard.max_per_year is not None
            and len(history) >= standard.max_per_year
        ):
            return f"本年已领取“{type_name}”{len(history)} 次，已达每年 {standard.max_per_year} 次"
        if standard.yearly_cap_fen is not None:
            before = sum(h[1] for h in history)
            if before + req.amount_fen > standard.yearly_cap_fen:
                return (
                    f"本年“{type_name}”已领取 {format_fen(before)} 元，再发 {format_fen(req.amount_fen)} 元"
                    f"将超过每人每年上限 {format_fen(standard.yearly_cap_fen)} 元"
                )
    return ""


def create_batch(db: sqlite_utils.Database, req: BatchRequest) -> tuple[OpResult, BatchPreview]:
    """Create every payment of the batch in one transaction (``row_id`` = the batch id).

    Batch-level warnings (amount over the cap, no standard) need ``req.override_reason``,
    which is then kept with every payment of the batch. A verified backup is made first
    (data-safety: before every import, batch, restore and migration).
    """
    from guilin_union.storage.backup import make_backup
    from guilin_union.storage.database import database_path

    if database_path(db) is not None and not db.conn.in_transaction:
        make_backup(db, reason="before-batch")
    with db.atomic():
        preview = preview_batch(db, req)
        reason = config.clean_text(req.override_reason)
        if preview.warnings and not reason:
            raise PaymentWarnings(preview.warnings, label="本批次")
        if not preview.eligible:
            raise ValidationError("没有符合条件的会员，未创建批次")
        # The year is on the record and in the roster's title; the 事由 stays short to print.
        text = config.clean_text(req.reason) or f"{config.clean_text(req.occasion)}慰问"
        handler = config.clean_text(req.handler)
        batch_id = audit.insert(
            db,
            "welfare_batches",
            {
                "year": int(req.year),
                "type": preview.type,
                "occasion": config.clean_text(req.occasion),
                "pay_date": preview.pay_date,
                "eligibility": preview.eligibility,
                "branches": preview.branches_text,
                "form": req.form,
                "amount_fen": req.amount_fen,
                "goods": config.clean_text(req.goods) or None,
                "reason": text,
                "handler": handler or None,
                "override_reason": reason or None,
                "state": "有效",
                "created_at": audit.now_iso(),
            },
        )
        # Approved when created; a batch entered afterwards for a past festival was approved
        # by its payment date at the latest.
        approved = min(_dt.date.today().isoformat(), preview.pay_date)
        for line in preview.eligible:
            p = payments.PaymentInput(
                member_id=line.member_id,
                type=preview.type,
                pay_date=preview.pay_date,
                amount_fen=line.amount_fen,
                form=req.form,
                goods=config.clean_text(req.goods),
                occasion=config.clean_text(req.occasion),
                reason=text,
                handler=handler,
                state=BATCH_PAYMENT_STATE,
                applied_on=approved,
                approved_on=approved,
                year=int(req.year),
                hardship_id=line.hardship_id,
                batch_id=batch_id,
            )
            payments.insert_checked(
                db,
                p,
                preview.warnings,
                reason,
                branch_id=line.branch_id,
                note=f"批量发放 #{batch_id}",
            )
    return OpResult(Changes.of(config.AREA), batch_id), preview


def reverse_batch(db: sqlite_utils.Database, batch_id: int, reason: str) -> OpResult:
    """Remove every payment of a batch that has not been paid, and mark it 已撤销.

    Refused when any payment of the batch is 已发放 (money has left: undo it by hand).
    """
    text = config.clean_text(reason)
    if not text:
        raise ValidationError("请填写撤销原因", "reason")
    with db.atomic():
        batch = get_batch(db, batch_id)
        if batch["state"] == "已撤销":
            raise ConflictError(f"批次 {batch_id} 已经撤销")
        paid = db.execute(
            "SELECT count(*) FROM welfare_payments WHERE batch_id = ? AND state = '已发放'",
            [batch_id],
        ).fetchone()[0]
        if paid:
            raise ConflictError(f"批次 {batch_id} 已有 {paid} 笔发放完成，不能整批撤销。")
        ids = column_values(db, "SELECT id FROM welfare_payments WHERE batch_id = ?", [batch_id])
        for payment_id in ids:
            for w in payments.payment_warnings(db, payment_id):
                audit.delete(db, "welfare_payment_warnings", w["id"], note=f"撤销批次 #{batch_id}")
            for a in payments.list_attachments(db, payment_id):
                audit.delete(db, "welfare_attachments", a["id"], note=f"撤销批次 #{batch_id}")
            audit.delete(db, "welfare_payments", payment_id, note=f"撤销批次 #{batch_id}")
        audit.update(
            db,
            "welfare_batches",
            batch_id,
            {"state": "已撤销", "reversed_at": audit.now_iso(), "reverse_reason": text},
        )
    return OpResult(Changes.of(config.AREA), batch_id, undo={"removed": len(ids)})


def set_batch_state(
    db: sqlite_utils.Database, batch_id: int, state: str, on: _dt.date | str | None = None
) -> OpResult:
    """Move every payment of a batch to ``state`` (e.g. 已发放 after the roster is signed)."""
    batch = get_batch(db, batch_id)
    if batch["state"] == "已撤销":
        raise ConflictError(f"批次 {batch_id} 已撤销")
    ids = column_values(db, "SELECT id FROM welfare_payments WHERE batch_id = ?", [batch_id])
    return payments.set_state(db, ids, state, on)


def get_batch(db: sqlite_utils.Database, batch_id: int) -> dict[str, Any]:
    try:
        return audit.get_row(db, "welfare_batches", batch_id)
    except NotFoundError:
        raise NotFoundError(f"批次 {batch_id} 不存在") from None


def list_batches(db: sqlite_utils.Database, year: int | None = None) -> list[dict[str, Any]]:
    """Batches (newest first) with their live count, total and paid count."""
    where, params = ("WHERE b.year = ?", [int(year)]) if year is not None else ("", [])
    cursor = db.execute(
        "SELECT b.*, (SELECT count(*) FROM welfare_payments p WHERE p.batch_id = b.id) AS payment_count,"
        " (SELECT coalesce(sum(amount_fen), 0) FROM welfare_payments p WHERE p.batch_id = b.id) AS total_fen,"
        " (SELECT count(*) FROM welfare_payments p WHERE p.batch_id = b.id AND p.state = '已发放') AS paid_count"
        f" FROM welfare_batches b {where} ORDER BY b.pay_date DESC, b.id DESC",
        params,
    )
    rows = dict_rows(cursor)
    for row in rows:
        row["total"] = format_fen(row["total_fen"])
        row["amount_text"] = payments.amount_text(row)
    return rows


def request_from_mapping(data: Mapping[str, Any]) -> BatchRequest:
    """Build a request from plain values (the dialog and the CLI), amounts already in fen."""
    return BatchRequest(**{k: v for k, v in data.items() if k in BatchRequest.__dataclass_fields__})


def branch_ids_by_names(db: sqlite_utils.Database, names: Sequence[str]) -> list[int]:
    from guilin_union.services.members import branches

    ids = []
    for name in names:
        branch_id = branches.find_branch_id(db, name)
        if branch_id is None:
            raise ValidationError(branches.unknown_branch_message(db, name), "branch")
        ids.append(branch_id)
    return ids
