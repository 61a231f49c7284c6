"""The checks a condolence payment goes through when it is entered or imported.

Every failed check is a :class:`RuleWarning`, never a silent pass and never a hard refusal:
the user may save the payment anyway with a reason, which is kept with it (domain.md §5).

Checks, each against the standard of the payment's year and type:

- ``no_standard``   no standard saved for that year and type;
- ``status``        the member was not 在会 on the payment date (保留会籍 passes when the
  standard allows retired members; for 会员去世 the status just before death counts);
- ``cap``           the amount is over the cap of one payment (exactly the cap passes);
- ``frequency``     终身一次 already paid, or the (N+1)th payment of a year under 每年限次;
- ``yearly_total``  this payment takes the member's yearly total over ``yearly_cap_fen``
  (the yearly festival total);
- ``duplicate``     the same member and type (and 事项) within the setting's number of days;
- ``form``          goods where the standard says cash only, or the other way round;
- ``dues``          the year has the 按时缴纳会费 rule and the member owes dues for more
  months than it allows (:mod:`guilin_union.services.money.dues_rule`).

>>> w = RuleWarning("cap", "金额超过标准")
>>> w.code, str(w)
('cap', '金额超过标准')
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import sqlite_utils

from guilin_union.core.dates import format_cn_date
from guilin_union.core.errors import ValidationError
from guilin_union.core.field_labels import CODE_LABELS
from guilin_union.core.money import format_fen
from guilin_union.services.common_query import select_rows
from guilin_union.services.members import status as member_status
from guilin_union.services.welfare import config
from guilin_union.services.welfare.standards import Standard, get_standard

if TYPE_CHECKING:
    from guilin_union.services.welfare import PaymentInput

ACTIVE = "在会"
RETAINED = "保留会籍"
DECEASED = "去世"

WARNING_LABELS = {
    # the standard checks: their words are the change log's (core/field_labels.py)
    **CODE_LABELS[("welfare_payment_warnings", "code")],
    # issue 22: case checks (services/welfare/cases.py)
    "range": "低于标准下限",
    "eligibility": "不符合条件",
    "event": "事件日期不符",  # the money area's optional 按时缴纳会费 rule (services/money/dues_rule.py)
}


@dataclass(frozen=True)
class RuleWarning:
    """One failed check: a stable ``code`` and a Chinese message for the user."""

    code: str
    message: str

    def __str__(self) -> str:
        return self.message

    @property
    def label(self) -> str:
        return WARNING_LABELS.get(self.code, self.code)


class PaymentWarnings(ValidationError):
    """Raised when a payment fails checks and no override reason was given.

    ``warnings`` lists them; the caller asks the user for a reason and calls again with
    ``override_reason``.
    """

    def __init__(self, warnings: Sequence[RuleWarning], *, label: str = "") -> None:
        self.warnings = list(warnings)
        prefix = f"{label}：" if label else ""
        text = prefix + "；".join(w.message for w in self.warnings)
        super().__init__(text + "。如确需发放，请填写理由后保存。", "warnings")


def _yuan(fen: int) -> str:
    return f"{format_fen(fen)} 元"


def _status_warning(
    db: sqlite_utils.Database, p: PaymentInput, standard: Standard | None
) -> RuleWarning | None:
    retired_ok = bool(standard and standard.retired_eligible)
    day = format_cn_date(p.pay_date)
    status = member_status.status_on(db, p.member_id, p.pay_date)
    if p.type in config.posthumous_types(db):
        if status != DECEASED:
            return RuleWarning(
                "status",
                f"“{p.type}”慰问：该会员在{day}的会籍状态为“{status or '未入会'}”，尚未登记去世",
            )
        status = _status_before_death(db, p.member_id, p.pay_date)
        if status is None:
            return None  # no dated death event: nothing recorded contradicts the payment
        day = "去世前"
    if status == ACTIVE:
        return None
    if status == RETAINED:
        if retired_ok:
            return None
        scope = (
            f"{p.year}年“{p.type}”标准不含保留会籍会员"
            if standard
            else "未设置标准，无法确认是否包含保留会籍会员"
        )
        return RuleWarning("status", f"该会员{_on(day)}为保留会籍（退休），{scope}")
    if status is None:
        return RuleWarning("status", f"该会员{_on(day)}尚未入会")
    return RuleWarning("status", f"该会员{_on(day)}的会籍状态为“{status}”，不是在会会员")


def _on(day: str) -> str:
    return day if day == "去世前" else f"在{day}"


def _status_before_death(db: sqlite_utils.Database, member_id: int, on: str) -> str | None:
    """The status the member had just before the latest 去世 event on or before ``on``."""
    deaths = [
        e
        for e in member_status.status_history(db, member_id)
        if e["to"] == DECEASED and e["date"] <= on
    ]
    return deaths[-1]["from"] if deaths else None


def _others(
    db: sqlite_utils.Database,
    p: PaymentInput,
    exclude_id: int | None,
    pending: Sequence[PaymentInput],
) -> list[PaymentInput]:
    """Other payments of the same member and type: saved ones plus not-yet-saved ones (the
    earlier rows of an import, the other members of a batch). Saved ones are read with the
    fields the checks compare."""
    from guilin_union.services.welfare import PaymentInput

    rows = select_rows(
        db,
        "SELECT member_id, type, pay_date, year, amount_fen, coalesce(occasion, '') AS occasion,"
        " form, coalesce(relative_relation, '') AS relative_relation,"
        " coalesce(relative_name, '') AS relative_name, coalesce(cause, '') AS cause,"
        " event_date, coalesce(sub_kind, '') AS sub_kind, applied_on"
        " FROM welfare_payments WHERE member_id = ? AND type = ? AND id IS NOT ?",
        [p.member_id, p.type, exclude_id],
    )
    found = [PaymentInput(**row) for row in rows]
    found += [q for q in pending if q.member_id == p.member_id and q.type == p.type]
    return found


def check_payment(
    db: sqlite_utils.Database,
    p: PaymentInput,
    *,
    exclude_id: int | None = None,
    pending: Sequence[PaymentInput] = (),
    standard: Standard | None = None,
) -> list[RuleWarning]:
    """Every warning for payment ``p`` (empty when all checks pass); ``p`` is validated
    (:func:`~guilin_union.services.welfare.validate_payment` sets its 标准年度).

    ``exclude_id`` is the payment's own id when it is being edited; ``pending`` holds
    payments not saved yet that count as earlier ones (import rows above this one).
    """
    assert p.year is not None
    if standard is None:
        standard = get_standard(db, p.year, p.type)
    warnings: list[RuleWarning] = []
    if standard is None:
        warnings.append(
            RuleWarning("no_standard", f"未设置{p.year}年“{p.type}”的慰问标准，无法核对金额和次数")
        )
    status = _status_warning(db, p, standard)
    if status is not None:
        warnings.append(status)
    from guilin_union.services.money.dues_rule import dues_warning  # optional, per year

    dues = dues_warning(db, p)
    if dues is not None:
        warnings.append(dues)
    others = _others(db, p, exclude_id, pending)
    if standard is not None:
        from guilin_union.services.welfare.cases import case_warnings, same_case

        counted = [o for o in others if same_case(p, o, standard.frequency_key)]
        warnings += _standard_warnings(db, p, standard, counted)
        warnings += case_warnings(db, p, standard)
    duplicate = _duplicate_warning(db, p, others)
    if duplicate is not None:
        warnings.append(duplicate)
    return warnings


def _standard_warnings(
    db: sqlite_utils.Database, p: PaymentInput, s: Standard, others: list[PaymentInput]
) -> list[RuleWarning]:
    from guilin_union.services.welfare.cases import amount_limits, branch_standard

    warnings: list[RuleWarning] = []
    branch = db.execute("SELECT branch_id FROM members WHERE id = ?", [p.member_id]).fetchone()
    _low, cap, source = amount_limits(
        s, p.sub_kind or None, branch_standard(db, s.year, s.type, branch[0] if branch else None)
    )
    if cap is not None and p.amount_fen > cap:
        warnings.append(
            RuleWarning(
                "cap",
                f"金额 {_yuan(p.amount_fen)}超过{source}单次上限 {_yuan(cap)}"
                f"（超出 {_yuan(p.amount_fen - cap)}）",
            )
        )
    if s.form != "现金或实物" and p.form and p.form != s.form:
        warnings.append(
            RuleWarning("form", f"{s.year}年“{s.type}”标准规定以{s.form}发放，本次为{p.form}")
        )
    same_year = [o for o in others if o.year == p.year]
    if s.rule_kind == "终身一次" and others:
        first = min(others, key=lambda o: o.pay_date)
        warnings.append(
            RuleWarning(
                "frequency",
                f"该会员已于{format_cn_date(first.pay_date)}领取过“{s.type}”慰问，标准为终身一次",
            )
        )
    keyed = (s.frequency_key == "亲属" and bool(p.relative_relation or p.relative_name)) or (
        s.frequency_key == "病因" and bool(p.cause)
    )
    if s.rule_kind == "每事一次" and keyed and others:
        # Keyed per relative or per cause: the same relative (a parent dies once) or the same
        # cause within the rule is the same event paid twice.
        first = min(others, key=lambda o: o.pay_date)
        whom = (
            f"该亲属（{p.relative_relation}{' ' + p.relative_name if p.relative_name else ''}）"
            if s.frequency_key == "亲属"
            else f"同一事由（{p.cause}）"
        )
        warnings.append(
            RuleWarning(
                "frequency",
                f"{whom}已于{format_cn_date(first.pay_date)}领取过“{s.type}”慰问，标准为每事一次",
            )
        )
    if (
        s.rule_kind == "每年限次"
        and s.max_per_year is not None
        and len(same_year) >= s.max_per_year
    ):
        warnings.append(
            RuleWarning(
                "frequency",
                f"该会员{p.year}年已领取“{s.type}”慰问 {len(same_year)} 次，"
                f"本次为第 {len(same_year) + 1} 次，标准为每年最多 {s.max_per_year} 次",
            )
        )
    if s.yearly_cap_fen is not None:
        before = sum(o.amount_fen for o in same_year)
        if before + p.amount_fen > s.yearly_cap_fen:
            warnings.append(
                RuleWarning(
                    "yearly_total",
                    f"该会员{p.year}年“{s.type}”已领取 {_yuan(before)}，加上本次 {_yuan(p.amount_fen)}"
                    f"共 {_yuan(before + p.amount_fen)}，超过每人每年上限 {_yuan(s.yearly_cap_fen)}",
                )
            )
    return warnings


def _duplicate_warning(
    db: sqlite_utils.Database, p: PaymentInput, others: list[PaymentInput]
) -> RuleWarning | None:
    window = config.duplicate_days(db)
    day = _dt.date.fromisoformat(p.pay_date)
    close: list[tuple[int, PaymentInput]] = []
    for o in others:
        # Different 事项 of one type (春节 and 元宵节 慰问) are different payments, not repeats.
        if p.occasion and o.occasion and p.occasion != o.occasion:
            continue
        # Two different relatives, or two different illnesses, are two cases (issue 22).
        if _differs(p.relative_name, o.relative_name) or _differs(
            p.relative_relation, o.relative_relation
        ):
            continue
        if _differs(p.cause, o.cause):
            continue
        gap = abs((_dt.date.fromisoformat(o.pay_date) - day).days)
        if gap <= window:
            close.append((gap, o))
    if not close:
        return None
    gap, o = min(close, key=lambda t: t[0])
    when = "同一天" if gap == 0 else f"相隔 {gap} 天"
    what = f"“{p.type}{'·' + o.occasion if o.occasion else ''}”"
    return RuleWarning(
        "duplicate",
        f"可能重复：该会员在{format_cn_date(o.pay_date)}已有一笔{what}慰问（{when}，"
        f"{window} 天内视为可能重复）",
    )


def _differs(a: str, b: str) -> bool:
    """Both given and not the same (spaces inside names ignored)."""
    a, b = "".join((a or "").split()), "".join((b or "").split())
    return bool(a and b and a != b)
