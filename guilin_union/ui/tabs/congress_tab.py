"""教职工代表大会 tab. Until its issue is built it shows an honest empty state."""
from __future__ import annotations

from PySide6.QtWidgets import QWidget

from guilin_union.ui.context import AppContext
from guilin_union.ui.widgets.empty_state import EmptyState


def create_tab(ctx: AppContext) -> QWidget:
    return EmptyState(
        '教职工代表大会',
        '管理教代会的届次与会议、代表、议程、签到与法定人数、表决，以及提案的全过程。',
        [
        '届次、会议和代表名册（按代表团，含构成统计）',
        '会议议程、签到表、表决票的打印',
        '签到与法定人数（应到/实到）实时计算',
        '表决结果按“全体正式代表过半数”规则判定',
        '提案从征集、审查、交办、答复到评价的全过程',
        ],
    )
