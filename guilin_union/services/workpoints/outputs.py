"""Printouts and exports of the work points: the 落实台账 (PDF and Excel) and the year-end
summary (PDF). The data is gathered here from the database; the reports only lay it out.

>>> from guilin_union.storage import open_database
>>> from guilin_union.core.workpoints_parser import parse_workpoints
>>> from guilin_union.services.workpoints import save_plan
>>> db = open_database(":memory:")
>>> _ = save_plan(db, parse_workpoints("一、引领\\n（一）学习。"), year=2024)
>>> [p.title for p in ledger_plans(db, resolve_plans(db, 2024))]
['2024年工作要点']
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Any, TypedDict, Unpack

import sqlite_utils

from guilin_union.core.dates import format_cn_date
from guilin_union.core.dates import format_cn_date_lenient as _cn_date
from guilin_union.core.errors import ValidationError
from guilin_union.core.workpoints import KIND_LABELS
from guilin_union.reports.workpoints.ledger import LedgerPlan, LedgerRow, LedgerSection
from guilin_union.reports.workpoints.summary import SummaryItem, SummaryPlan, SummarySection
from guilin_union.services import settings
from guilin_union.services.common_outputs import issuer_name
from guilin_union.services.workpoints import (
    get_plan,
    item_history,
    kind_label,
    list_plans,
    plan_nodes,
    today_or,
)
from guilin_union.services.workpoints.outline import format_units
from guilin_union.services.workpoints.queries import OTHER_SECTION, section_title


def resolve_plans(
    db: sqlite_utils.Database,
    year: int | None = None,
    kind: str | None = None,
    plan_id: int | None = None,
) -> list[dict[str, Any]]:
    """The plans a printout covers: one plan by id, or every plan of a year (of one kind,
    when given), 本校 first. Raises ValidationError when there is none."""
    if plan_id is not None:
        return [get_plan(db, plan_id)]
    if year is None:
        raise ValidationError("请指定年度", "year")
    if kind is not None and kind not in KIND_LABELS:
        raise ValidationError("类别应为 school（本校）或 upper（上级）", "kind")
    plans = list_plans(db, year=year, kind=kind)
    if not plans:
        what = f"{kind_label(kind)}的" if kind else ""
        raise ValidationError(f"没有{year}年{what}工作要点，请先导入", "year")
    return plans


class PlanChoice(TypedDict, total=False):
    """Which plans an output covers (the keywords of :func:`ledger_pdf`, :func:`ledger_excel`
    and :func:`summary_pdf`): a ``plan_id``, or a ``year`` (and ``kind``); ``today`` dates
    the status of the items (default: today)."""

    year: int | None
    kind: str | None
    plan_id: int | None
    today: _dt.date | None


class _Heading(TypedDict):
    year: int
    institution: str


def _chosen(db: sqlite_utils.Database, choice: PlanChoice) -> tuple[list[dict[str, Any]], _dt.date]:
    """The chosen plans and the day their status is taken on."""
    plans = resolve_plans(db, choice.get("year"), choice.get("kind"), choice.get("plan_id"))
    return plans, today_or(choice.get("today"))


def _heading(
    db: sqlite_utils.Database, choice: PlanChoice, plans: list[dict[str, Any]]
) -> _Heading:
    """The year and the union a printout of the chosen plans is titled with."""
    return {
        "year": choice.get("year") or plans[0]["year"],
        "institution": issuer_name(db),
    }


def _note_line(note: dict[str, Any]) -> str:
    # Notes inherited from an earlier year need no mark: their date shows the year.
    return f"{_cn_date(note['note_date'])}：{note['text']}"


def _notes_of(db: sqlite_utils.Database, node: dict[str, Any]) -> list[dict[str, Any]]:
    """Own notes, plus the earlier years' notes of an item carried over."""
    if node.get("carried_from_item_id"):
        return item_history(db, node["id"])
    return list(node["notes"])


def _status_text(node: dict[str, Any]) -> str:
    text = node["status_text"]
    if node["is_leaf"] and node.get("carried_to_year"):
        text += f"\n已结转至{node['carried_to_year']}年"
    return text


def _plan_note(plan: dict[str, Any]) -> str:
    parts = [f"类别：{kind_label(plan['kind'])}"]
    if plan.get("issuer"):
        parts.append(f"发文单位：{plan['issuer']}")
    if plan.get("doc_number"):
        parts.append(f"文号：{plan['doc_number']}")
    if plan.get("doc_date"):
        parts.append(f"日期：{_cn_date(plan['doc_date'])}")
    return "　".join(parts)


def _sections(nodes: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """Nodes grouped under their top-level section, in document order; top-level leaves
    (a document without sections) form one group without a title."""
    groups: list[tuple[str, list[dict[str, Any]]]] = []
    loose: list[dict[str, Any]] = []
    for node in nodes:
        if node["level"] == 1 and not node["is_leaf"]:
            groups.append((section_title(node), []))
        elif node["level"] == 1:
            loose.append(node)
        elif groups:
            groups[-1][1].append(node)
    if loose:
        title = "" if not groups else OTHER_SECTION
        groups.append((title, loose))
    return groups


def ledger_plans(
    db: sqlite_utils.Database,
    plans: list[dict[str, Any]],
    *,
    today: _dt.date | None = None,
    notes_per_item: int | None = None,
) -> list[LedgerPlan]:
    """The ledger's data: every node of every plan (containers as rows with a status line)."""
    limit = int(notes_per_item or settings.get(db, "workpoints_ledger_notes") or 3)
    result = []
    for plan in plans:
        nodes = plan_nodes(db, plan["id"], today)
        sections = []
        for title, members in _sections(nodes):
            rows = []
            for node in members:
                notes = _notes_of(db, node)[-limit:] if node["is_leaf"] else node["notes"][-limit:]
                rows.append(
                    LedgerRow(
                        label=node["label"],
                        heading=node["heading"],
                        lead_unit=node["lead_unit"] or "",
                        responsible_units=format_units(node["responsible_units"]),
                        owner=node["owner"] or "",
                        deadline=node["deadline"] or "",
                        progress="\n".join(_note_line(n) for n in notes),
                        status=_status_text(node),
                        evidence="\n".join(node["evidence_names"]),
                    )
                )
            sections.append(LedgerSection(title, rows))
        result.append(LedgerPlan(plan["title"], _plan_note(plan), sections))
    return result


def _status_note(db: sqlite_utils.Database, plans: list[dict[str, Any]], today: _dt.date) -> str:
    leaves = [n for plan in plans for n in plan_nodes(db, plan["id"], today) if n["is_leaf"]]
    counts = {
        s: sum(1 for n in leaves if n["status"] == s)
        for s in ("已完成", "进行中", "未开始", "已取消")
    }
    overdue = sum(1 for n in leaves if n["overdue"])
    text = f"截至{format_cn_date(today)}：共{len(leaves)}项，" + "，".join(
        f"{s}{c}项" for s, c in counts.items() if c
    )
    return text + (f"，其中逾期{overdue}项" if overdue else "")


def ledger_pdf(
    db: sqlite_utils.Database, path: str | Path, **choice: Unpack[PlanChoice]
) -> tuple[Path, int]:
    """Write the 落实台账 PDF; returns (path, number of rows)."""
    from guilin_union.reports.workpoints.ledger import build_workpoints_ledger

    plans, today = _chosen(db, choice)
    note = _status_note(db, plans, today)
    data = ledger_plans(db, plans, today=today)
    out = build_workpoints_ledger(path, data, status_note=note, **_heading(db, choice, plans))
    return Path(out), sum(p.row_count for p in data)


# The ledger sheet's columns (a spreadsheets.writer.sheet_columns spec), LedgerRow fields.
LEDGER_EXCEL_COLUMNS = (
    "label 序号 9 | heading 要点条目 50 | lead_unit 牵头单位 16 | responsible_units 责任单位 24"
    " | owner 责任人 10 | deadline 完成时限 12 date | progress 进展情况 60 | status 状态 10"
    " | evidence 佐证材料 24"
)


def ledger_excel(
    db: sqlite_utils.Database, path: str | Path, **choice: Unpack[PlanChoice]
) -> tuple[Path, int]:
    """Write the 落实台账 as an Excel workbook, one sheet per plan (section headings as rows)."""
    from guilin_union.spreadsheets.writer import Sheet, sheet_columns, write_workbook

    plans, today = _chosen(db, choice)
    data = ledger_plans(db, plans, today=today)
    columns = sheet_columns(LEDGER_EXCEL_COLUMNS)
    sheets = []
    count = 0
    for plan, ledger in zip(plans, data):
        rows: list[dict[str, Any]] = []
        for section in ledger.sections:
            if section.title:
                rows.append({"heading": section.title})
            for row in section.rows:
                rows.append({c.key: getattr(row, c.key) for c in columns})
                count += 1
        title = f"{kind_label(plan['kind'])}{plan['year']}"
        sheets.append(
            Sheet(
                title, columns, rows, heading=f"{plan['year']}年工作要点落实台账（{plan['title']}）"
            )
        )
    return write_workbook(path, sheets), count


def summary_plans(
    db: sqlite_utils.Database, plans: list[dict[str, Any]], *, today: _dt.date | None = None
) -> list[SummaryPlan]:
    """The year-end summary's data: tracked items per section with all their notes."""
    result = []
    for plan in plans:
        nodes = plan_nodes(db, plan["id"], today)
        sections = []
        for title, members in _sections(nodes):
            items = [
                SummaryItem(
                    label=n["label"],
                    heading=n["heading"],
                    owner=n["owner"] or "",
                    status=_status_text(n),
                    notes=[_note_line(note) for note in _notes_of(db, n)],
                )
                for n in members
                if n["is_leaf"]
            ]
            if items:
                sections.append(SummarySection(title, items))
        result.append(SummaryPlan(plan["title"], sections))
    return result


def summary_pdf(
    db: sqlite_utils.Database, path: str | Path, **choice: Unpack[PlanChoice]
) -> tuple[Path, int]:
    """Write the year-end summary PDF; returns (path, number of tracked items)."""
    from guilin_union.reports.workpoints.summary import build_workpoints_summary

    plans, today = _chosen(db, choice)
    data = summary_plans(db, plans, today=today)
    out = build_workpoints_summary(path, data, **_heading(db, choice, plans))
    return Path(out), sum(len(s.items) for p in data for s in p.sections)
