"""Printouts and exports of the welfare area: the sign-for roster (PDF and Excel), the
payment list as Excel and the yearly statistics (data and PDF).

The roster is built from the same :class:`PaymentQuery` as the screen (or from a batch), so
what is printed is what is shown, and its totals are sums of the stored integer 分.

>>> # path, n = roster_pdf(db, "签领表.pdf", batch_id=3)
>>> # path, n = roster_pdf(db, "签领表.pdf", query=PaymentQuery(year=2025, type="生病住院"))
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import sqlite_utils

from guilin_union.core.dates import format_cn_date
from guilin_union.core.money import fen_to_upper, format_fen
from guilin_union.core.welfare import PAYMENT_STATES
from guilin_union.services import settings
from guilin_union.services import welfare as payments
from guilin_union.services.common_outputs import issuer_name, letterhead
from guilin_union.services.welfare import PaymentQuery, batches
from guilin_union.services.welfare.rules import WARNING_LABELS


def _roster_query(
    db: sqlite_utils.Database, batch_id: int | None, query: PaymentQuery | None
) -> tuple[PaymentQuery, str]:
    if batch_id is not None:
        batch = batches.get_batch(db, batch_id)
        q = PaymentQuery(batch_id=batch_id, sort_key="name", descending=False)
        subtitle = f"{batch['year']}年{batch['occasion']}慰问（批次 {batch_id}）　发放日期：{format_cn_date(batch['pay_date'])}"
        if batch["state"] == "已撤销":
            subtitle += "　【本批次已撤销】"
        return q, subtitle
    q = query or PaymentQuery()
    return q, payments.describe_query(db, q)


def _reason(row: dict[str, Any]) -> str:
    return row["reason"] or row["type_text"]


def roster_sections(
    db: sqlite_utils.Database, *, batch_id: int | None = None, query: PaymentQuery | None = None
) -> tuple[list[Any], str]:
    """(sections, subtitle): the rows grouped by 分工会 in the branches' own order; inside a
    分工会 the view's order is kept."""
    from guilin_union.reports.welfare.roster import RosterLine, RosterSection

    q, subtitle = _roster_query(db, batch_id, query)
    rows = payments.list_payments(db, q)
    rows.sort(key=lambda r: (r["branch_order"], r["branch"]))  # stable: keeps the view's order
    groups: OrderedDict[str, list[RosterLine]] = OrderedDict()
    for r in rows:
        groups.setdefault(r["branch"], []).append(
            RosterLine(
                branch=r["branch"],
                name=r["name"],
                staff_no=r["staff_no"] or "",
                reason=_reason(r),
                amount_text=f"{r['goods']}\n{r['amount']}" if r["form"] == "实物" else r["amount"],
                amount_fen=r["amount_fen"],
                date=r["pay_date"],
                note=r["notes"] or "",
                id_masked=r["id_number_masked"],
                is_goods=r["form"] == "实物",
            )
        )
    return [RosterSection(branch, lines) for branch, lines in groups.items()], subtitle


def roster_pdf(
    db: sqlite_utils.Database,
    path: str | Path,
    *,
    batch_id: int | None = None,
    query: PaymentQuery | None = None,
    print_dates: bool = False,
    print_notes: bool = False,
    show_id: bool = False,
) -> tuple[Path, int]:
    """Write the 发放签领表 PDF; returns (path, number of rows). ``show_id`` adds the masked
    ID number (landscape page)."""
    from guilin_union.reports.welfare.roster import build_welfare_roster

    sections, subtitle = roster_sections(db, batch_id=batch_id, query=query)
    signer = settings.get_many(
        db, ["signer_handler", "signer_witness", "signer_branch_chair", "union_chair_title"]
    )
    out = build_welfare_roster(
        path,
        sections,
        **letterhead(db),
        subtitle=subtitle,
        signers=[signer["signer_handler"], signer["signer_witness"], signer["signer_branch_chair"]],
        summary_signers=[
            signer["signer_handler"],
            signer["signer_witness"],
            signer["union_chair_title"],
        ],
        print_dates=print_dates,
        print_notes=print_notes,
        show_id=show_id,
    )
    return out, sum(len(s.lines) for s in sections)


def roster_excel(
    db: sqlite_utils.Database,
    path: str | Path,
    *,
    batch_id: int | None = None,
    query: PaymentQuery | None = None,
) -> tuple[Path, int]:
    """The roster as an Excel sheet: the same rows, a 小计 row per 分工会 and the 合计 with 大写."""
    from guilin_union.spreadsheets.writer import Sheet, sheet_columns, write_workbook

    sections, subtitle = roster_sections(db, batch_id=batch_id, query=query)
    rows: list[dict[str, Any]] = []
    number = 0
    for section in sections:
        for line in section.lines:
            number += 1
            rows.append(
                {
                    "no": number,
                    "branch": line.branch,
                    "name": line.name,
                    "staff_no": line.staff_no,
                    "reason": line.reason,
                    "amount_fen": line.amount_fen,
                    "goods": line.amount_text.split("\n")[0] if line.is_goods else "",
                    "note": line.note,
                }
            )
        rows.append(
            {
                "branch": section.branch,
                "name": "小计",
                "amount_fen": section.total_fen,
                "note": f"大写：{fen_to_upper(section.total_fen)}",
            }
        )
    grand = sum(s.total_fen for s in sections)
    rows.append({"name": "合计", "amount_fen": grand, "note": f"大写：{fen_to_upper(grand)}"})
    heading = f"{issuer_name(db)}慰问发放签领表" + (f"（{subtitle}）" if subtitle else "")
    columns = sheet_columns(
        "no 序号 int | branch 分工会 | name 姓名 | staff_no 工号 | reason 事由"
        " | amount_fen 金额（元） money | goods 物品 | signature 领取人签字 24 | date 日期 | note 备注"
    )
    out = write_workbook(path, [Sheet("签领表", columns, rows, heading=heading)])
    # Printed and signed like the PDF: A4, page numbers, the same signature lines.
    from guilin_union.spreadsheets.print_setup import finish_for_print

    signer = settings.get_many(
        db, ["signer_handler", "signer_witness", "signer_branch_chair", "union_chair_title"]
    )
    labels = [signer["signer_handler"], signer["signer_witness"], signer["signer_branch_chair"]]
    finish_for_print(out, signers=[*labels, "财务", "校工会审批"], header_rows=2)
    return out, number


def export_payments(
    db: sqlite_utils.Database, path: str | Path, query: PaymentQuery | None = None
) -> tuple[Path, int]:
    """The payment list as shown on screen, as Excel (every field, warnings included)."""
    from guilin_union.spreadsheets.writer import Sheet, sheet_columns, write_workbook

    q = query or PaymentQuery()
    rows = payments.list_payments(db, q)
    columns = sheet_columns(
        "pay_date 慰问日期 date | year 标准年度 int | name 姓名 | staff_no 工号 | branch 分工会"
        " | type 慰问类型 | occasion 事项 | form 发放形式 | amount_fen 金额 money | goods 物品"
        " | reason 事由 | handler 经手人 | state 审批状态 | applied_on 申请日期 date"
        " | branch_reviewed_on 分工会审核日期 date | approved_on 校工会批准日期 date"
        " | paid_on 发放日期 date | batch_id 批次 int | warning_text 超标准/需复核"
        " | override_reason 保存理由 | notes 备注"
    )
    note = payments.describe_query(db, q)
    heading = f"{issuer_name(db)}慰问记录" + (f"（{note}）" if note else "")
    out = write_workbook(path, [Sheet("慰问记录", columns, rows, heading=heading)])
    return out, len(rows)


# ---------------------------------------------------------------- statistics


def year_stats(db: sqlite_utils.Database, year: int):
    """The year's statistics as plain data (for the screen and the PDF)."""
    from guilin_union.reports.welfare.stats import (
        MemberStatsRow,
        StatsRow,
        WarningRow,
        WelfareStats,
    )
    from guilin_union.services.welfare import config

    order = {name: i for i, name in enumerate(config.types(db))}
    by_type = sorted(
        (
            StatsRow(r[0], r[1], r[2], r[3])
            for r in db.execute(
                "SELECT type, count(*), sum(amount_fen), count(DISTINCT member_id) FROM welfare_payments"
                " WHERE year = ? GROUP BY type",
                [int(year)],
            )
        ),
        key=lambda r: (order.get(r.label, len(order)), r.label),
    )
    by_branch = [
        StatsRow(r[0], r[1], r[2], r[3])
        for r in db.execute(
            "SELECT b.name, count(*), sum(p.amount_fen), count(DISTINCT p.member_id) FROM welfare_payments p"
            " JOIN branches b ON b.id = p.branch_id WHERE p.year = ? GROUP BY b.id ORDER BY b.sort_order, b.id",
            [int(year)],
        )
    ]
    state_order = {s: i for i, s in enumerate(PAYMENT_STATES)}
    by_state = sorted(
        (
            StatsRow(r[0], r[1], r[2], r[3])
            for r in db.execute(
                "SELECT state, count(*), sum(amount_fen), count(DISTINCT member_id) FROM welfare_payments"
                " WHERE year = ? GROUP BY state",
                [int(year)],
            )
        ),
        key=lambda r: state_order.get(r.label, 99),
    )
    # Types per member from one grouped query (a correlated subquery per member took seconds
    # on twenty years of data).
    types_of: dict[int, list[str]] = {}
    for member_id, type_name in db.execute(
        "SELECT member_id, type FROM welfare_payments WHERE year = ? GROUP BY member_id, type",
        [int(year)],
    ):
        types_of.setdefault(member_id, []).append(type_name)
    by_member = [
        MemberStatsRow(
            r[1],
            r[2],
            r[3] or "",
            r[4],
            r[5],
            "、".join(sorted(types_of.get(r[0], []), key=lambda t: (order.get(t, len(order)), t))),
        )
        for r in db.execute(
            "SELECT p.member_id, m.name, b.name, m.staff_no, count(*), sum(p.amount_fen)"
            " FROM welfare_payments p JOIN members m ON m.id = p.member_id JOIN branches b ON b.id = m.branch_id"
            " WHERE p.year = ? GROUP BY p.member_id ORDER BY sum(p.amount_fen) DESC, m.name_pinyin",
            [int(year)],
        )
    ]
    warnings = [
        WarningRow(
            w["pay_date"],
            w["name"],
            w["branch"],
            w["type"],
            w["amount_fen"],
            f"{WARNING_LABELS.get(w['code'], w['code'])}：{w['message']}",
            w["override_reason"],
            reviewed=w["reviewed_at"] is not None,
        )
        for w in payments.list_open_warnings(db, year=year, include_reviewed=True)
    ]
    return WelfareStats(int(year), by_type, by_branch, by_member, warnings, by_state)


def stats_pdf(db: sqlite_utils.Database, path: str | Path, year: int) -> Path:
    from guilin_union.reports.welfare.stats import build_welfare_stats

    return build_welfare_stats(path, year_stats(db, year), **letterhead(db))


def stats_json(stats: Any) -> dict[str, Any]:
    """Statistics as JSON-ready data (money in fen and as text)."""

    def rows(items: Any) -> list[dict[str, Any]]:
        return [
            {
                "label": r.label,
                "count": r.count,
                "people": r.people,
                "total_fen": r.total_fen,
                "total": format_fen(r.total_fen),
            }
            for r in items
        ]

    return {
        "year": stats.year,
        "count": stats.total_count,
        "total_fen": stats.total_fen,
        "total": format_fen(stats.total_fen),
        "total_upper": fen_to_upper(stats.total_fen),
        "by_type": rows(stats.by_type),
        "by_branch": rows(stats.by_branch),
        "by_state": rows(stats.by_state),
        "by_member": [
            {
                "name": m.name,
                "branch": m.branch,
                "staff_no": m.staff_no,
                "count": m.count,
                "total_fen": m.total_fen,
                "types": m.types,
            }
            for m in stats.by_member
        ],
        "warnings": len(stats.warnings),
    }


def standards_pdf(db: sqlite_utils.Database, path: str | Path, year: int) -> tuple[Path, int]:
    """``report welfare-standards``: the year's standards as a table (issue 22)."""
    from guilin_union.core.errors import NotFoundError
    from guilin_union.reports.welfare.standards import (
        BranchLine,
        StandardLine,
        build_welfare_standards,
    )
    from guilin_union.services.welfare.cases import list_branch_standards
    from guilin_union.services.welfare.standards import Standard, list_standards

    items = list_standards(db, year)
    if not items:
        raise NotFoundError(f"{year}年还没有慰问标准（可在“慰问 ▸ 慰问标准”中载入示例或复制上年）")

    def frequency(s: Standard) -> str:
        text = s.rule_text()
        if s.frequency_key != "会员":
            text += f"（按{s.frequency_key}计）"
        if s.report_within_days is not None:
            text += f"；事发后 {s.report_within_days} 日内上报"
        if s.event_after:
            text += f"；事件须在 {s.event_after} 之后"
        return text

    def kinds(s: Standard) -> str:
        parts = []
        for k in s.sub_kinds:
            low, cap = k.get("min_fen"), k.get("cap_fen")
            if low is not None and cap is not None:
                parts.append(f"{k['name']} {format_fen(low)}–{format_fen(cap)} 元")
            elif cap is not None:
                parts.append(f"{k['name']} ≤ {format_fen(cap)} 元")
            else:
                parts.append(k["name"])
        return "；".join(parts)

    def amount(s: Standard) -> str:
        text = s.range_text()
        if text == "不限" and s.yearly_cap_fen is not None:
            text = "见次数栏（每年合计上限）"
        if s.average_cap_fen is not None:
            text += f"（人均 ≤ {format_fen(s.average_cap_fen)} 元）"
        return text

    lines = [
        StandardLine(
            s.type,
            amount(s),
            frequency(s),
            s.eligibility_text(),
            s.payer,
            s.evidence or "—",
            s.form,
            kinds(s),
        )
        for s in items
    ]
    branch_lines = []
    for b in list_branch_standards(db, year):
        low, cap = b["min_fen"], b["cap_fen"]
        text = (
            f"{format_fen(low)}–{format_fen(cap)} 元"
            if low is not None and cap is not None
            else f"≤ {format_fen(cap)} 元"
            if cap is not None
            else f"≥ {format_fen(low)} 元"
        )
        branch_lines.append(BranchLine(b["branch"], b["type"], text))
    out = build_welfare_standards(
        path,
        int(year),
        lines,
        branch_lines,
        union_name=issuer_name(db),
        examples=any(s.is_example for s in items),
    )
    return out, len(lines)


def approval_pdf(
    db: sqlite_utils.Database, path: str | Path, payment_ids: Sequence[int]
) -> tuple[Path, int]:
    """``report welfare-approval``: one 慰问审批表 per payment (account masked)."""
    import json

    from guilin_union.core.dates import format_cn_date
    from guilin_union.core.errors import ValidationError
    from guilin_union.core.welfare_cases import mask_account
    from guilin_union.reports.welfare.forms import ApprovalCase, build_welfare_approval
    from guilin_union.services import welfare
    from guilin_union.services.welfare.standards import get_standard

    if not payment_ids:
        raise ValidationError("请选择要打印审批表的慰问记录")
    cases = []
    for pid in payment_ids:
        row = welfare.get_payment(db, int(pid))
        member = db.execute(
            "SELECT m.name, coalesce(m.member_no, ''), b.name FROM members m"
            " JOIN branches b ON b.id = m.branch_id WHERE m.id = ?",
            [row["member_id"]],
        ).fetchone()
        standard = get_standard(db, row["year"], row["type"])
        relative = " ".join(
            x for x in (row.get("relative_relation"), row.get("relative_name")) if x
        )
        evidence = json.loads(row["evidence_checked"]) if row.get("evidence_checked") else []
        warnings = welfare.payment_warnings(db, int(pid))
        cases.append(
            ApprovalCase(
                name=member[0],
                member_no=member[1],
                branch=member[2],
                type=row["type"] + (f"·{row['occasion']}" if row.get("occasion") else ""),
                date=format_cn_date(row["pay_date"]),
                amount_fen=int(row["amount_fen"]),
                goods=row.get("goods") or "",
                relative=relative,
                cause=row.get("cause") or "",
                event_date=format_cn_date(row["event_date"]) if row.get("event_date") else "",
                reason=row.get("reason") or "",
                recipient=row.get("recipient_name") or member[0],
                pay_method=row.get("pay_method") or "",
                account_masked=mask_account(row.get("bank_account")),
                bank_name=row.get("bank_name") or "",
                evidence="、".join(evidence),
                standard=(
                    f"{standard.range_text()}；{standard.rule_text()}；{standard.payer}发放"
                    if standard
                    else "未设置当年标准"
                ),
                warnings="；".join(
                    f"{w['message']}（理由：{w['override_reason']}）" for w in warnings
                ),
            )
        )
    out = build_welfare_approval(path, cases, **letterhead(db))
    return out, len(cases)


def hardship_pdf(
    db: sqlite_utils.Database, path: str | Path, member_id: int, year: int | None = None
) -> tuple[Path, int]:
    """``report hardship-application``: the 困难补助申请表 of a member (from the year's
    hardship file when there is an entry; blank lines otherwise)."""
    from guilin_union.core.dates import format_cn_date
    from guilin_union.core.masking import mask_phone
    from guilin_union.reports.welfare.forms import HardshipCase, build_hardship_application
    from guilin_union.services.members import get_member_row
    from guilin_union.services.welfare.hardship import per_capita_fen

    member = get_member_row(db, int(member_id))
    branch = db.execute("SELECT name FROM branches WHERE id = ?", [member["branch_id"]]).fetchone()
    sql = "SELECT * FROM welfare_hardship WHERE member_id = ?"
    params: list[Any] = [int(member_id)]
    if year is not None:
        sql += " AND year = ?"
        params.append(int(year))
    cursor = db.execute(sql + " ORDER BY year DESC LIMIT 1", params)
    values = cursor.fetchone()
    entry = dict(zip([d[0] for d in cursor.description], values)) if values else {}
    case = HardshipCase(
        name=member["name"],
        member_no=member["member_no"] or "",
        branch=branch[0] if branch else "",
        gender=member["gender"] or "",
        birth_date=format_cn_date(member["birth_date"]) if member["birth_date"] else "",
        department=member["department"] or "",
        phone=mask_phone(member["phone"]) if member["phone"] else "",
        address=entry.get("address") or member.get("home_address") or "",
        category=entry.get("category") or "",
        wage_fen=entry.get("wage_fen"),
        other_income_fen=entry.get("other_income_fen"),
        household_income_fen=entry.get("household_income_fen"),
        household_size=entry.get("household_size"),
        per_capita_fen=per_capita_fen(entry) if entry else None,
        family_members=entry.get("family_members") or "",
        household=entry.get("household") or "",
        decision=entry.get("decision") or "",
        decision_date=format_cn_date(entry["decision_date"]) if entry.get("decision_date") else "",
        year=int(entry.get("year") or year or 0),
    )
    out = build_hardship_application(path, [case], **letterhead(db))
    return out, 1
