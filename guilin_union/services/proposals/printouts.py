"""The issue-20 proposal printouts: 优秀提案名单 (PDF) and the 提案工作报告 as an editable Word
draft (last session's follow-up, this session's collection, the 立案/转意见建议/不立案 lists)."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from guilin_union.services import congress, proposals
from guilin_union.services.common_outputs import institution_name, issuer_name
from guilin_union.services.proposals.query import ProposalQuery, list_rows, session_stats


def excellent_pdf(db: sqlite_utils.Database, session_id: int, path: str | Path) -> tuple[Path, int]:
    from guilin_union.reports.proposals.excellent import ExcellentRow, build_excellent_list

    session = congress.get_session(db, session_id)
    rows = [
        ExcellentRow(
            r["number"],
            r["title"],
            r["proposer"]
            + (f"（联名：{'、'.join(r['co_proposers'])}）" if r["co_proposers"] else ""),
            r["category"],
            r["excellent_on"],
        )
        for r in proposals.excellent_list(db, session_id)
    ]
    out = build_excellent_list(
        path, session_title=session.title, rows=rows, institution=institution_name(db)
    )
    return out, len(rows)


def _previous_session(
    db: sqlite_utils.Database, session: congress.Session
) -> congress.Session | None:
    earlier = [s for s in congress.list_sessions(db) if s.start_date < session.start_date]
    return earlier[-1] if earlier else None


def _rates(stats) -> str:  # noqa: ANN001
    h = stats.handling
    parts = []
    for key in ("立案", "转意见建议", "不立案"):
        x = h[key]
        if x["total"]:
            parts.append(
                f"{key} {x['total']} 件，已答复 {x['replied']} 件，办复率 {x['reply_rate']}，"
                f"满意率 {x['satisfaction_rate']}"
            )
    return "；".join(parts)


def work_report_docx(db: sqlite_utils.Database, session_id: int, path: str | Path) -> Path:
    """The 提案工作报告 draft: Word (``.docx``, editable) or, for any other suffix, a PDF."""
    from guilin_union.reports.proposals.report_docx import (
        ListSection,
        WorkReport,
        build_work_report_docx,
        build_work_report_pdf,
    )

    session = congress.get_session(db, session_id)
    stats = session_stats(db, session_id)
    follow_up: list[str] = []
    follow_lists: list[ListSection] = []
    previous = _previous_session(db, session)
    if previous is not None:
        p = session_stats(db, previous.id)
        overall = p.handling["合计"]
        follow_up.append(
            f"{previous.title}共收到提案 {p.total} 件，经提案工作委员会审查，立案 {p.accepted} 件"
            f"（其中重点提案 {p.key_accepted} 件），转为意见建议 {p.by_review.get('转意见建议', 0)} 件，"
            f"不立案 {p.by_review.get('不立案', 0)} 件，并案 {p.by_review.get('并案', 0)} 件。"
        )
        follow_up.append(
            f"截至 {p.today}，交办的 {overall['assigned']} 件中已答复 {overall['replied']} 件，"
            f"总办复率 {overall['reply_rate']}，满意率 {overall['satisfaction_rate']}。"
            + (f"分类情况：{_rates(p)}。" if _rates(p) else "")
        )
        if p.overdue:
            follow_lists.append(
                ListSection(
                    "逾期未答复的提案",
                    ("编号", "案由", "主办单位", "答复期限"),
                    [
                        (o["number"], o["title"], o["lead_department"] or "", o["reply_deadline"])
                        for o in p.overdue
                    ],
                )
            )
        excellent = proposals.excellent_list(db, previous.id)
        if excellent:
            follow_lists.append(
                ListSection(
                    "优秀提案",
                    ("编号", "案由", "提案人"),
                    [(e["number"], e["title"], e["proposer"]) for e in excellent],
                )
            )
    rows = list_rows(db, ProposalQuery(session_id=session_id))
    between = sum(1 for r in rows if r.get("between_meetings"))
    collection = [
        f"本次会议共收到提案 {stats.total} 件"
        + (f"（其中闭会期间提出 {between} 件）" if between else "")
        + (f"，逾期提交 {stats.late} 件" if stats.late else "")
        + "。",
        "按类别分："
        + "，".join(f"{c.category} {c.count} 件" for c in stats.by_category if c.count)
        + "。"
        if stats.total
        else "本次会议尚未收到提案。",
    ]

    carried = proposals.reported_to(db, session_id)
    if carried:
        collection.append(f"另有闭会期间提出、提交本次会议报告的提案 {len(carried)} 件（见下表）。")
        follow_lists.append(
            ListSection(
                "闭会期间提案（提交本次会议）",
                ("编号", "案由", "提交日期", "状态"),
                [(x["number"], x["title"], x["submitted_on"], x["status"]) for x in carried],
            )
        )

    def section(title: str, result: str, columns, row) -> ListSection:  # noqa: ANN001
        return ListSection(title, columns, [row(r) for r in rows if r["review_result"] == result])

    lists = [
        section(
            "（一）立案提案",
            "立案",
            ("编号", "案由", "提案人", "类别", "立案类别"),
            lambda r: (
                r["number"],
                r["title"],
                r["proposer"],
                r["category"],
                r["review_level"] or "一般",
            ),
        ),
        section(
            "（二）转为意见建议",
            "转意见建议",
            ("编号", "建议编号", "案由", "提案人", "说明"),
            lambda r: (
                r["number"],
                r.get("suggestion_number") or "",
                r["title"],
                r["proposer"],
                r["review_note"] or "",
            ),
        ),
        section(
            "（三）不立案提案及理由",
            "不立案",
            ("编号", "案由", "提案人", "不立案理由"),
            lambda r: (r["number"], r["title"], r["proposer"], r["review_note"] or ""),
        ),
        section(
            "（四）并案提案",
            "并案",
            ("编号", "案由", "提案人", "并入"),
            lambda r: (r["number"], r["title"], r["proposer"], r["merged_into"] or ""),
        ),
    ]
    report = WorkReport(
        session.title,
        issuer_name(db),
        follow_up,
        collection,
        lists,
        stats.notes,
        follow_lists,
    )
    if str(path).lower().endswith(".docx"):
        return build_work_report_docx(path, report)
    return build_work_report_pdf(path, report)


def supervision_pdf(
    db: sqlite_utils.Database, session_id: int, path: str | Path
) -> tuple[Path, int]:
    """督办提案清单: one table per 督办 member."""
    from guilin_union.reports.proposals.supervision import SupervisedLine, build_supervision_list
    from guilin_union.services.proposals.query import fetch_rows, handling_status

    session = congress.get_session(db, session_id)
    groups = []
    for entry in proposals.supervisor_lists(db, session_id):
        rows = fetch_rows(db, [p["id"] for p in entry["proposals"]])
        lines = [
            SupervisedLine(
                r["number"],
                r["title"],
                r["review_text"],
                handling_status(r),
                r["lead_department"] or "",
                r["reply_deadline"] or "",
                r["reply_date"] or "",
            )
            for r in (rows[p["id"]] for p in entry["proposals"])
        ]
        groups.append((entry["name"], lines))
    out = build_supervision_list(
        path, session_title=session.title, groups=groups, institution=institution_name(db)
    )
    return out, len(groups)
