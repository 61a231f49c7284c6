"""提案表: one page per proposal with signature boxes and the review and handling sections.

A proposal not yet reviewed or handled prints its sections blank, to be filled in by hand
(the paper form the proposer and seconders sign); one already handled prints what is recorded.

>>> import tempfile, pathlib
>>> from guilin_union.reports.proposals.data import ProposalDoc
>>> doc = ProposalDoc("2024-001", "关于增设托管班的建议", "民生福利", "个人", "张三", "文学院代表团",
...                   "李四、王五", "", "2024-03-01", "理由", "建议")
>>> out = pathlib.Path(tempfile.mkdtemp()) / "提案表.pdf"
>>> build_proposal_forms(out, [doc], session_title="第一届第三次会议").name
'提案表.pdf'
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Unpack

from guilin_union.core.dates import format_cn_date_lenient as _date
from guilin_union.reports.document import Report, ReportOptions
from guilin_union.reports.proposals.data import ProposalDoc, RoundDoc

NAME = "proposal-forms"

_BLANK = "\u3000" * 8
_CHOICE_BLANK = "□满意　□基本满意　□不满意"


def build_proposal_forms(
    path: str | os.PathLike[str],
    docs: Sequence[ProposalDoc],
    *,
    session_title: str,
    **options: Unpack[ReportOptions],
) -> Path:
    report = Report(path, "教代会提案表", subtitle=session_title, show_print_date=False, **options)
    for index, doc in enumerate(docs):
        if index:
            report.new_page_with_title()  # each proposal is filed on its own
        _one(report, doc)
    if not docs:
        report.paragraph("（没有提案）", align="center")
    return report.save()


def _one(report: Report, doc: ProposalDoc) -> None:
    report.paragraph(f"编号：{doc.number}", align="right", size=10.5)
    proposer_label = "提案代表团" if doc.kind == "集体" else "提案人"
    pairs: list[tuple[str, object]] = [
        ("提案编号", doc.number),
        ("类别", doc.category),
        (proposer_label, doc.proposer),
        ("代表团", doc.delegation),
        ("提交日期", _date(doc.submitted_on)),
        ("提案形式", f"{doc.kind}提案"),
    ]
    report.key_values(pairs, columns=2)
    extra: list[tuple[str, object]] = [("附议人", doc.seconders or "—")]
    if doc.co_proposers:
        extra.append(("联名提案人", doc.co_proposers))
    if doc.merged_sources:
        extra.append(("并入的提案", doc.merged_sources))
    if doc.late_reason:
        extra.append(("逾期提交说明", doc.late_reason))
    extra += [
        ("案由", doc.title),
        ("理由", doc.reasons or "\n\n\n"),
        ("建议", doc.suggestions or "\n\n\n"),
    ]
    report.key_values(extra, columns=1)
    # Each 附议人 signs in a place of their own: one column per person, names above.
    seconders = [n for n in re.split(r"[、，,；;\s]+", doc.seconders or "") if n]
    proposer_box = "提案代表团团长签名" if doc.kind == "集体" else f"提案人签名（{doc.proposer}）"
    people = [proposer_box] + [f"附议人签名（{n}）" for n in seconders]
    if not seconders:
        people.append("附议人签名")
    _signature_row(report, people)
    report.heading("审查意见（提案工作委员会）", level=2)
    if doc.review_text != "待审查":
        report.key_values(
            [
                ("审查结果", doc.review_text),
                ("审查日期", _date(doc.review_date)),
                ("审查意见", doc.review_note or "—"),
            ],
            columns=1,
        )
    else:
        report.key_values(
            [("审查结果", "□立案（□重点 □一般）　□并案　□转意见建议　□不立案"), ("审查意见", "\n")],
            columns=1,
        )
    sign = "负责人（签名）：" + "\u3000" * 7 + "（盖章）" + "\u3000" * 3
    report.key_values(
        [("委员会签章", sign + "\u3000" * 4 + "年\u3000\u3000月\u3000\u3000日")], columns=1
    )
    report.heading("办理情况", level=2)
    if doc.rounds:
        # Earlier rounds in one line each, so that a re-handled proposal still fits its page.
        earlier = doc.rounds[:-1]
        if earlier:
            report.key_values(
                [(f"第{r.round_no}轮办理", _round_line(r)) for r in earlier], columns=1
            )
        _round(report, doc.rounds[-1], bool(earlier))
        # The handled form is filed: the 承办单位 seals it and the proposer confirms.
        _signature_row(report, ["承办单位（盖章）", "提案人确认（签名）"])
    else:
        report.key_values(
            [("主办单位", ""), ("协办单位", ""), ("交办日期", ""), ("答复期限", "")], columns=2
        )
        report.key_values(
            [
                ("答复意见", "\n\n"),
                ("落实情况", "□已落实　□正在落实　□未能落实（原因：" + _BLANK + "）"),
                ("提案人评价", _CHOICE_BLANK),
            ],
            columns=1,
        )
        _signature_row(report, ["承办单位（盖章）", "提案人确认（签名）"])


def _signature_row(report: Report, people: list[str], suffix: str = "") -> None:
    """Names in a row of cells with room under each to sign (five per row at most)."""
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Table

    from guilin_union.reports.markup import esc
    from guilin_union.reports.styles import (
        BOX_WIDTH,
        GRID_WIDTH,
        LABEL_BACKGROUND,
        TABLE_SIZE,
        cell_style,
    )

    per_row = min(max(len(people), 2), 5)
    style = cell_style(report.fonts, TABLE_SIZE - 0.5, "center", "label")
    data: list[list[object]] = []
    for start in range(0, len(people), per_row):
        chunk = people[start : start + per_row]
        chunk += [""] * (per_row - len(chunk))
        data.append([Paragraph(esc(f"{p}{suffix}") if p else "", style) for p in chunk])
        data.append([""] * per_row)
    heights = [None, 10 * mm] * (len(data) // 2)
    commands = [
        ("BOX", (0, 0), (-1, -1), BOX_WIDTH, colors.black),
        ("INNERGRID", (0, 0), (-1, -1), GRID_WIDTH, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    commands += [("BACKGROUND", (0, r), (-1, r), LABEL_BACKGROUND) for r in range(0, len(data), 2)]
    table = Table(
        data,
        colWidths=[report.frame_width / per_row] * per_row,
        rowHeights=heights,
        style=commands,
        hAlign="CENTER",
    )
    table.spaceBefore = 2 * mm
    report.add(table)


def _round_line(r: RoundDoc) -> str:
    lead = r.lead + (f"（协办：{r.co}）" if r.co else "")
    reply = f"{_date(r.reply_date)}答复，{r.outcome}" if r.reply_date else "未答复"
    rating = (
        f"；评价：{r.rating}" + (f"（{r.rating_note}）" if r.rating_note else "")
        if r.rating
        else ""
    )
    return f"主办：{lead}；{_date(r.assigned_on)}交办；{reply}{rating}"


def _round(report: Report, r: RoundDoc, numbered: bool) -> None:
    if numbered:
        report.paragraph(f"第 {r.round_no} 轮办理")
    report.key_values(
        [
            ("主办单位", r.lead),
            ("协办单位", r.co or "—"),
            ("交办日期", _date(r.assigned_on)),
            ("答复期限", _date(r.reply_deadline)),
            ("答复日期", _date(r.reply_date) or "尚未答复"),
            ("落实情况", r.outcome or "—"),
        ],
        columns=2,
    )
    rows: list[tuple[str, object]] = [("答复意见", r.reply_text or "\n")]
    if r.outcome_reason:
        rows.append(("未能落实原因", r.outcome_reason))
    rating = (
        r.rating + (f"（{_date(r.rating_date)}）" if r.rating_date else "")
        if r.rating
        else _CHOICE_BLANK
    )
    if r.rating_note:
        rating += f"　{r.rating_note}"
    rows.append(("提案人评价", rating))
    report.key_values(rows, columns=1)
