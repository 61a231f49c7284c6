"""慰问管理 tab. Until its issue is built it shows an honest empty state."""
from __future__ import annotations

from PySide6.QtWidgets import QWidget

from guilin_union.ui.context import AppContext
from guilin_union.ui.widgets.empty_state import EmptyState


def create_tab(ctx: AppContext) -> QWidget:
    return EmptyState(
        '慰问管理',
        '按年度标准登记结婚、生育、住院、节日等慰问，自动检查标准和次数，打印发放签领表。',
        [
        '每年的慰问标准（金额上限、次数规则）',
        '登记慰问并自动检查是否符合标准',
        '节日慰问批量发放',
        '打印《慰问发放签领表》（含大写金额）',
        '按类型、分工会、会员统计',
        ],
    )
