"""年度工作要点 tab. Until its issue is built it shows an honest empty state."""
from __future__ import annotations

from PySide6.QtWidgets import QWidget

from guilin_union.ui.context import AppContext
from guilin_union.ui.widgets.empty_state import EmptyState


def create_tab(ctx: AppContext) -> QWidget:
    return EmptyState(
        '年度工作要点',
        '导入学校和上级工会的年度工作要点文件（文本、Word 或 PDF），自动拆分为可跟踪的条目，全年跟踪落实情况。',
        [
        '导入工作要点文件，核对并修正解析出的条目树',
        '每个条目的责任人、牵头单位、责任单位、完成时限和状态',
        '按月记录进展情况，上传佐证材料',
        '与上级工会工作要点对照，未落实的条目一目了然',
        '打印《工作要点落实台账》和年终总结',
        ],
    )
