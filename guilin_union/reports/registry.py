"""The one list of printable reports: the CLI's ``report`` commands and ``report list``, the
GUI's self-test and the tests all read :data:`CATALOG`.

Plain Python (no reportlab): the command line builds its parser from this list without
loading the PDF library. Each entry is ``name: (description, signature)`` — the signature the
printout carries (:mod:`guilin_union.reports.house`: a preset of the house style, the
report's own signers, the opinion boxes of a per-person form, a 落款, or none and why). The
report module prints what its entry declares (``report.sign_off(signature_of(NAME))``), and
tests/reports/test_house_style_all_reports.py renders every report and checks its last page.

A new report: a module under ``reports/<area>/``, a line here, a ``report`` command in
``cli/<area>.py`` (its help text comes from here).

>>> REPORTS["member-roster"]
'会员花名册（按分工会分组，证件号码、手机号部分隐藏）'
>>> signature_of("member-roster").checked_words()
('制表人', '审核人', '日期', '盖章')
"""

from __future__ import annotations

import re

from guilin_union.reports.house import (
    Signature,
    closing_by,
    opinion_boxes,
    own_signers,
    signed,
    unsigned,
)

_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# Lists and statistics the 提案工作委员会 files and signs off.
_COMMITTEE_TABLE = signed("table", labels=("制表人", "审核人", "提案工作委员会"))

# name → (Chinese description, signature); names and order are the CLI's (a contract).
CATALOG: dict[str, tuple[str, Signature]] = {
    "member-honours": (
        "会员表彰名单（按年度，国家级至校级）",
        signed("table"),
    ),
    "member-roster": (
        "会员花名册（按分工会分组，证件号码、手机号部分隐藏）",
        signed("table"),
    ),
    "member-form": (
        "入会申请书和工会会员登记表（每人一页，可批量打印）",
        opinion_boxes("本人确认", "分工会意见", "校工会意见"),
    ),
    "intake-list": (
        "待批准入会人员名单（按分工会分组，供校工会审批）",
        opinion_boxes("校工会审批意见"),
    ),
    "member-cards": (
        "会员证（每页10张，含照片框，可按分工会打印）",
        unsigned("会员证发给会员本人持有，不签字归档（盖章在发证时另做）"),
    ),
    "member-stats": (
        "会员统计表（按分工会、性别、年龄段、职称、用工形式、会籍状态）",
        signed("table"),
    ),
    "dues-summary": (
        "会费汇总表（按分工会，指定月份）",
        signed("money-summary"),
    ),
    "sitting-signin": (
        "教代会场次签到表（每场次一份，按代表团，含应到/实到/法定人数）",
        own_signers("签到负责人", "核对人", date=False),
    ),
    "election-results": (
        "教代会选举计票结果（每项选举一页，含监票人、计票人签名）",
        own_signers("监票人签名", "计票人签名", "总监票人签名"),
    ),
    "discussion-minutes": (
        "教代会分组讨论记录（每组一页）",
        own_signers("召集人", "记录人"),
    ),
    "agenda": (
        "教代会会议议程（预备会议、正式会议）",
        closing_by("大会主席团"),
    ),
    "delegates": (
        "教代会代表名册（按代表团分组，含构成统计）",
        signed("table"),
    ),
    "signin": (
        "教代会签到表（按代表团，每团一页，含应到/实到）",
        own_signers("代表团签到负责人", date=False),
    ),
    "ballot": (
        "教代会表决票（每项 ☐同意 ☐反对 ☐弃权，可一页一张或一页多张）",
        unsigned("表决票不记名：投票人不署名，由监票人、计票人在表决结果汇总上签字"),
    ),
    "vote-results": (
        "教代会表决结果汇总",
        own_signers("监票人", "计票人", "大会主席团"),
    ),
    "proposal-excellent": (
        "优秀提案名单（含评选日期）",
        _COMMITTEE_TABLE,
    ),
    "proposal-supervision": (
        "督办提案清单（按督办委员）",
        signed("table"),
    ),
    "proposal-report-docx": (
        "提案工作报告（Word 草稿，可编辑）",
        closing_by("提案工作委员会"),
    ),
    "proposal-forms": (
        "提案表（每件一页，含提案人、附议人签名栏及审查、办理情况）",
        opinion_boxes(
            "提案人签名", "附议人签名", "委员会签章", "承办单位（盖章）", "提案人确认（签名）"
        ),
    ),
    "proposal-compilation": (
        "提案汇编（立案提案全文，含目录）",
        closing_by("提案工作委员会"),
    ),
    "proposal-handling": (
        "提案办理情况一览表",
        _COMMITTEE_TABLE,
    ),
    "proposal-stats": (
        "提案工作报告统计（审查结果、类别、办复率、满意率、逾期清单）",
        _COMMITTEE_TABLE,
    ),
    "workpoints-ledger": (
        "工作要点落实台账（序号、要点条目、单位、责任人、时限、进展、状态、佐证材料；"
        "输出文件以 .xlsx 结尾时为 Excel）",
        signed("table", labels=("填报人", "审核人", "负责人")),
    ),
    "workpoints-summary": (
        "工作要点年终总结（按板块统计完成情况，列出各条目进展）",
        signed("table"),
    ),
    "activity-signup": (
        "活动报名表（空白，每个分工会一页，供手工填写）",
        own_signers("分工会主席", "联系人", "联系电话"),
    ),
    "activity-participants": (
        "活动参加人员名单（按分工会分组，含人数统计；可加签到栏）",
        signed("table"),
    ),
    "activity-results": (
        "活动获奖名单（各项目名次、成绩、奖项，附团体总分表）",
        signed("table", labels=("制表人", "裁判长", "负责人")),
    ),
    "activity-team-points": (
        "活动团体总分表（按计分办法统计各分工会得分和名次）",
        signed("table", labels=("裁判长", "记录员", "审核人")),
    ),
    "activity-summary": (
        "活动总结表（基本情况、各分工会参加人数、成绩、预算与实际支出）",
        signed("table", labels=("经办人", "审核人", "负责人"), head=True),
    ),
    "activity-year-budget": (
        "活动经费年度汇总（按活动类型统计预算与实际支出）",
        signed("money-summary"),
    ),
    "welfare-approval": (
        "慰问审批表（每笔慰问一页：申请、分工会意见、校工会审批、领款签收）",
        opinion_boxes("申请人（经办人）", "分工会意见（主席签字）", "校工会审批意见", "领款人签收"),
    ),
    "hardship-application": (
        "困难补助申请表（收入、家庭人均收入、家庭成员情况、审批意见）",
        opinion_boxes("申请人（签名）", "分工会意见", "校工会（工会委员会）审批意见"),
    ),
    "welfare-standards": (
        "年度慰问标准一览表（金额范围、次数、适用对象、所需材料、分工会标准）",
        signed("table"),
    ),
    "welfare-roster": (
        "慰问发放签领表（按批次或按年度/类型，分工会分页，合计含大写）",
        # 经手人、证明人、分工会主席 as named in 打印设置 sign each 分工会's page; money
        # leaves the union's account, so 财务 and 校工会审批 sign the last one in any case.
        signed("money", labels=("财务", "校工会审批")),
    ),
    "welfare-stats": (
        "年度慰问统计（按类型、分工会、会员，含超标准记录）",
        signed("money-summary"),
    ),
    "dues-collection": (
        "会费收缴情况表（按月或按年，按分工会：应缴、实缴、欠缴，合计含大写）",
        signed("money-summary"),
    ),
    "dues-arrears": (
        "欠缴会费名单（欠缴月数、金额）",
        signed("table"),
    ),
    "funds-execution": (
        "工会经费预算执行情况表（按科目：预算数、实际数、差额、执行率，合计含大写；"
        ".xlsx 输出 Excel）",
        signed("money-summary"),
    ),
    "funds-final": (
        "工会经费年度收支决算表（收入、支出、结余，合计含大写；.xlsx 输出 Excel）",
        signed(
            "money-summary", labels=("制表人", "经费审查委员会主任", "财务", "负责人"), head=True
        ),
    ),
    "year-summary": (
        "年度工作总结（各项工作数据、统计表和图表；-o 以 .docx 结尾时为可编辑的 Word 稿）",
        signed("table"),
    ),
}

REPORTS: dict[str, str] = {name: description for name, (description, _) in CATALOG.items()}
SIGNATURES: dict[str, Signature] = {name: signature for name, (_, signature) in CATALOG.items()}


def check_catalog() -> list[str]:
    """What is wrong with the list (empty = nothing): names are lower-case words joined by
    ``-``, every report has a description, and a report without signature says why."""
    problems = []
    for name, (description, signature) in CATALOG.items():
        if not _NAME.match(name):
            problems.append(f"报表名称“{name}”只能由小写字母、数字和连字符组成")
        if not description.strip():
            problems.append(f"报表“{name}”缺少中文说明")
        if signature.kind == "none" and not signature.reason:
            problems.append(f"报表“{name}”不签字，但没有写明原因")
        if signature.kind != "none" and not signature.labels:
            problems.append(f"报表“{name}”的签字栏没有签字项")
    return problems


def signature_of(name: str) -> Signature:
    """The signature a report declares here (a report module prints it)."""
    return SIGNATURES[name]


def available_reports() -> dict[str, str]:
    """``{name: description}`` of every report, sorted by name."""
    return dict(sorted(REPORTS.items()))
