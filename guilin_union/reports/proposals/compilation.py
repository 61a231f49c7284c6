"""提案汇编: every accepted proposal in full, after a contents table.

>>> import tempfile, pathlib
>>> from guilin_union.reports.proposals.data import ProposalDoc
>>> doc = ProposalDoc("2024-001", "关于增设托管班的建议", "民生福利", "个人", "张三", "文学院代表团",
...                   "李四、王五", "", "2024-03-01", "理由", "建议", "已立案", "立案（重点）")
>>> out = pathlib.Path(tempfile.mkdtemp()) / "汇编.pdf"
>>> build_compilation(out, [doc], session_title="第一届第三次会议").name
'汇编.pdf'
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Unpack

from guilin_union.core.dates import format_cn_date
from guilin_union.reports.document import Report, ReportOptions, cols
from guilin_union.reports.proposals.data import ProposalDoc
from guilin_union.reports.registry import signature_of

NAME = "proposal-compilation"


def build_compilation(
    path: str | os.PathLike[str],
    docs: Sequence[ProposalDoc],
    *,
    session_title: str,
    **options: Unpack[ReportOptions],
) -> Path:
    report = Report(path, "提案汇编", subtitle=session_title, **options)
    report.heading("目录", level=1)
    report.table(
        cols("序号 6 中 | 编号 12 中 | 案由 52 | 提案人 20 | 类别 12 中"),
        [[i, d.number, d.title, d.proposer, d.category] for i, d in enumerate(docs, start=1)],
    )
    report.paragraph(f"共收录立案提案 {len(docs)} 件（按编号排列）。")
    for doc in docs:
        report.page_break()
        report.heading(f"{doc.number}　{doc.title}", level=1)
        people = f"{'提案代表团' if doc.kind == '集体' else '提案人'}：{doc.proposer}"
        if doc.co_proposers:
            people += f"；联名提案人：{doc.co_proposers}"
        if doc.seconders:
            people += f"；附议人：{doc.seconders}"
        report.paragraph(people)
        report.paragraph(
            f"类别：{doc.category}　审查结果：{doc.review_text}　提交日期：{format_cn_date(doc.submitted_on)}"
        )
        if doc.merged_sources:
            report.paragraph(f"并入的提案：{doc.merged_sources}")
        report.heading("理由", level=2)
        report.paragraph(doc.reasons or "（无）")
        report.heading("建议", level=2)
        report.paragraph(doc.suggestions or "（无）")
        replied = [r for r in doc.rounds if r.reply_date]
        if replied:
            last = replied[-1]
            report.heading("办理答复", level=2)
            lead = last.lead + (f"（协办：{last.co}）" if last.co else "")
            report.paragraph(
                f"承办单位：{lead}；答复日期：{format_cn_date(last.reply_date)}；落实情况：{last.outcome}"
            )
            report.paragraph(last.reply_text)
    report.closing(
        signature_of(NAME).labels[0]
    )  # 落款: the committee that compiles it; date written in
    return report.save()
