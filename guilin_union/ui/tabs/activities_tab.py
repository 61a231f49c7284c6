"""工会活动 tab. Until its issue is built it shows an honest empty state."""
from __future__ import annotations

from PySide6.QtWidgets import QWidget

from guilin_union.ui.context import AppContext
from guilin_union.ui.widgets.empty_state import EmptyState


def create_tab(ctx: AppContext) -> QWidget:
    return EmptyState(
        '工会活动',
        '组织文体活动、评选、竞赛等工会活动：报名、参加人员、成绩、团体总分和经费。',
        [
        '活动计划：时间、地点、名额、报名截止',
        '按分工会报名、候补名单、签到',
        '成绩、获奖名单和团体总分表',
        '预算与实际支出对比',
        '打印报名表、参加人员名单、获奖名单',
        ],
    )
