"""The proposal printouts and Excel files, fed by the same queries as the screens.

>>> # proposal_forms_pdf(db, session_id, "提案表.pdf")             # every proposal, one page each
>>> # handling_pdf(db, ProposalQuery(session_id=3, overdue=True), "逾期.pdf")
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Any

import sqlite_utils

from guilin_union.core.errors import ValidationError
from guilin_union.services import congress
from guilin_union.services import proposals as proposals_service
from guilin_union.services.common_outputs import institution_name
from guilin_union.services.common_query import filter_text
from guilin_union.services.proposals.handling import rounds as list_rounds
from guilin_union.services.proposals.query import (
    ProposalQuery,
    handling_status,
    list_rows,
    query_ids,
    session_stats,
)


def proposal_doc(db: sqlite_utils.Database, proposal_id: int):
    """Everything one printed proposal shows."""
    from guilin_union.reports.proposals.data import ProposalDoc, RoundDoc

    p = proposals_service.get_proposal(db, proposal_id)
    session = congress.get_session(db, p.session_id)
    delegation = p.delegation_name
    if p.kind == "个人" and p.proposer_member_id is not None:
        row = db.execute(
            "SELECT g.name FROM congress_delegates d JOIN congress_delegations g ON g.id = d.delegation_id"
            " WHERE d.term_id = ? AND d.member_id = ? AND d.start_date <= ? ORDER BY d.start_date DESC LIMIT 1",
            [session.term_id, p.proposer_member_id, p.submitted_on],
        ).fetchone()
        delegation = row[0] if row else ""
    rounds = tuple(
        RoundDoc(
            r.round_no,
            r.lead_department,
            r.co_text,
            r.assigned_on,
            r.reply_deadline,
            r.reply_date or "",
            r.reply_text or "",
            r.outcome or "",
            r.outcome_reason or "",
            r.rating or "",
            r.rating_date or "",
            r.rating_note or "",
        )
        for r in list_rounds(db, proposal_id)
    )
    co = "、".join(
        f"{x.name}（随{x.source_number}并入）" if x.source_number else x.name
        for x in p.co_proposers
    )
    return ProposalDoc(
        number=p.number,
        title=p.title,
        category=p.category,
        kind=p.kind,
        proposer=p.delegation_name if p.kind == "集体" else p.proposer_name,
        delegation=delegation,
        seconders="、".join(s.name for s in p.seconders),
        co_proposers=co,
        submitted_on=p.submitted_on,
        reasons=p.reasons,
        suggestions=p.suggestions,
        status=p.status,
        review_text=p.review_text,
        review_date=p.review_date or "",
        review_note=p.review_note or "",
        late_reason=p.late_reason or "",
        merged_sources="、".join(f"{n}“{t}”" for _i, n, t in p.merged_sources),
        rounds=rounds,
    )


def proposal_forms_pdf(
    db: sqlite_utils.Database,
    session_id: int,
    path: str | Path,
    *,
    ids: list[int] | None = None,
) -> tuple[Path, int]:
    """提案表 of the given proposals (default: every proposal of the session), one per page."""
    from guilin_union.reports.proposals.forms import build_proposal_forms

    session = congress.get_session(db, session_id)
    ids = ids if ids is not None else query_ids(db, ProposalQuery(session_id=session_id))
    docs = [proposal_doc(db, pid) for pid in ids]
    out = build_proposal_forms(
        path, docs, session_title=session.title, institution=institution_name(db)
    )
    return out, len(docs)


def compilation_pdf(
    db: sqlite_utils.Database, session_id: int, path: str | Path
) -> tuple[Path, int]:
    """提案汇编 of the accepted (立案) proposals in number order."""
    from guilin_union.reports.proposals.compilation import build_compilation

    session = congress.get_session(db, session_id)
    ids = query_ids(db, ProposalQuery(session_id=session_id, review_result="立案"))
    if not ids:
        raise ValidationError(f"“{session.title}”还没有立案的提案，无法生成提案汇编。")
    docs = [proposal_doc(db, pid) for pid in ids]
    return build_compilation(
        path, docs, session_title=session.title, institution=institution_name(db)
    ), len(docs)


def describe_query(db: sqlite_utils.Database, q: ProposalQuery) -> str:
    """The filter in words for printouts: ``状态：办理中；承办单位：后勤处；逾期未答复``."""
    department = None
    if q.department_id is not None:
        row = db.execute(
            "SELECT name FROM proposal_departments WHERE id = ?", [q.department_id]
        ).fetchone()
        department = row[0] if row else None
    labelled = (
        ("状态", q.status),
        ("类别", q.category),
        ("审查结果", q.review_result),
        ("评价", q.rating),
        ("承办单位", department),
    )
    parts = [f"{label}：{value}" for label, value in labelled if value]
    return filter_text([*parts, "逾期未答复" if q.overdue else None], q.search)


def handling_pdf(db: sqlite_utils.Database, q: ProposalQuery, path: str | Path) -> tuple[Path, int]:
    """提案办理情况一览表 of a list view (``q.session_id`` required)."""
    from guilin_union.reports.proposals.handling import HandlingRow, build_handling_list

    if q.session_id is None:
        raise ValidationError("请指定会议")
    session = congress.get_session(db, q.session_id)
    rows = list_rows(db, q)
    data = [
        HandlingRow(
            r["number"],
            r["title"],
            r["proposer"] + (f"、{'、'.join(r['co_proposers'])}" if r["co_proposers"] else ""),
            "、".join(r["seconders"]),
            r["category"],
            r["review_text"],
            r["lead_department"] or "",
            "、".join(r["co_departments"]),
            r["reply_date"] or "",
            r["outcome"] or "",
            r["rating"] or "",
            r["overdue"],
            r["round_no"] or 1,
        )
        for r in rows
    ]
    out = build_handling_list(
        path,
        data,
        session_title=session.title,
        institution=institution_name(db),
        filter_note=describe_query(db, q),
        as_of=q.on(),
    )
    return out, len(data)


def stats_pdf(
    db: sqlite_utils.Database, session_id: int, path: str | Path, *, today: _dt.date | None = None
) -> Path:
    from guilin_union.reports.proposals.stats import build_stats_report

    stats = session_stats(db, session_id, today=today)
    return build_stats_report(
        path,
        stats.to_json(),
        session_title=stats.session_title,
        institution=institution_name(db),
        notes=stats.notes,
    )


# The columns of the list export (a spreadsheets.writer.sheet_columns spec).
LIST_COLUMNS = (
    "number 编号 | title 案由 | category 类别 | kind 提案形式 | proposer 提案人"
    " | seconders_text 附议人 | co_proposers_text 联名提案人 | submitted_on 提交日期 date"
    " | review_text 审查结果 | status 状态 | handling 办理状态 | lead_department 主办单位"
    " | co_text 协办单位 | assigned_on 交办日期 date | reply_deadline 答复期限 date"
    " | reply_date 答复日期 date | outcome 落实情况 | rating 评价 | reasons 理由"
    " | suggestions 建议 | reply_text 答复内容"
)


def export_list(db: sqlite_utils.Database, q: ProposalQuery, path: str | Path) -> tuple[Path, int]:
    """Any list view as an Excel file (text as text, dates as dates, no formulas)."""
    from guilin_union.spreadsheets.writer import Sheet, sheet_columns, write_workbook

    rows = list_rows(db, q)
    data: list[dict[str, Any]] = []
    for r in rows:
        data.append(
            {
                **r,
                "seconders_text": "、".join(r["seconders"]),
                "co_proposers_text": "、".join(r["co_proposers"]),
                "co_text": "、".join(r["co_departments"]),
                "handling": handling_status(r),
            }
        )
    title = "提案列表"
    if q.session_id is not None:
        title = f"{congress.get_session(db, q.session_id).title}提案"
    note = describe_query(db, q)
    columns = sheet_columns(LIST_COLUMNS)
    out = write_workbook(
        path, [Sheet("提案", columns, data, heading=title + (f"（{note}）" if note else ""))]
    )
    return out, len(data)


def stats_excel(
    db: sqlite_utils.Database, session_id: int, path: str | Path, *, today: _dt.date | None = None
) -> Path:
    """The 提案工作报告 statistics as an Excel workbook (one sheet per table)."""
    from guilin_union.spreadsheets.writer import Sheet, sheet_columns, write_workbook

    stats = session_stats(db, session_id, today=today)
    data = stats.to_json()
    summary = [
        {"item": k, "value": v}
        for k, v in (
            ("收到提案（件）", data["total"]),
            ("立案（件）", data["accepted"]),
            ("其中重点提案（件）", data["key_accepted"]),
            ("已答复（件）", data["replied"]),
            ("办复率", data["reply_rate"]),
            ("已评价（件）", data["rated"]),
            ("满意（件）", data["satisfied"]),
            ("基本满意（件）", data["basically_satisfied"]),
            ("不满意（件）", data["dissatisfied"]),
            ("满意率", data["satisfaction_rate"]),
            ("逾期未答复（件）", data["overdue_count"]),
            ("逾期提交（件）", data["late_submissions"]),
            ("重新办理（件）", data["rehandled"]),
            ("统计日期", data["as_of"]),
        )
    ]
    review = [{"result": k, "count": v} for k, v in data["by_review"].items()]
    sheets = [
        Sheet(
            "概况",
            sheet_columns("item 项目 | value 数值"),
            summary,
            heading=f"{stats.session_title}提案工作统计",
        ),
        Sheet(
            "按审查结果",
            sheet_columns("result 审查结果 | count 件数 int"),
            review,
        ),
        Sheet(
            "按类别",
            sheet_columns("category 类别 | count 件数 int | percent 占比 | accepted 其中立案 int"),
            data["by_category"],
        ),
        Sheet(
            "按主办单位",
            sheet_columns(
                "department 主办单位 | lead 主办件数 int | replied 已答复 int | overdue 逾期 int"
            ),
            data["by_department"],
        ),
        Sheet(
            "逾期清单",
            sheet_columns(
                "number 编号 | title 案由 | lead_department 主办单位"
                " | reply_deadline 答复期限 date | days_overdue 逾期天数 int"
            ),
            data["overdue"],
        ),
    ]
    return write_workbook(path, sheets)
