"""The "教代会" page on a member's form: every mandate as a delegate and every proposal the
member proposed, seconded or joined."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtWidgets import QTextBrowser, QWidget

from guilin_union.services.congress import delegates as delegates_service
from guilin_union.services.congress.rules import chinese_number
from guilin_union.services.proposals import member_proposals


def member_page(ctx: Any, member_id: int) -> QWidget | None:
    """None when the member never was a delegate nor took part in a proposal."""
    periods = delegates_service.delegate_periods(ctx.db, member_id)
    proposals = member_proposals(ctx.db, member_id)
    if not periods and not proposals:
        return None
    e = html.escape
    parts = ["<p><b>代表任职</b></p><ul>"]
    for p in periods:
        end = f"至 {p['end_date']}（{p['end_reason'] or ''}）" if p["end_date"] else "至今"
        parts.append(
            f"<li>第{chinese_number(p['term_number'])}届（{p['start_year']}—{p['end_year']}年）"
            f"{e(p['delegate_type'])}，{e(p['delegation'] or '未分团')}，{e(p['category'])}；"
            f"{e(p['start_reason'])} {e(p['start_date'])} {e(end)}</li>"
        )
    if not periods:
        parts.append("<li>无</li>")
    parts.append("</ul><p><b>提案</b></p><ul>")
    for number, title, status, role in proposals:
        parts.append(f"<li>{e(number)}“{e(title)}”（{e(role)}，{e(status)}）</li>")
    if not proposals:
        parts.append("<li>无</li>")
    parts.append("</ul>")
    browser = QTextBrowser()
    browser.setObjectName("member_congress_browser")
    browser.setHtml("".join(parts))
    return browser
