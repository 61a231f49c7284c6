"""What the secretary calls each stored field, per table (issue 15: the change log and the
recycle bin in her words, not the database's).

A key means different things in different tables — ``title`` is a member's 职称 but a plan's
计划标题, ``status`` a member's 会籍状态 but an item's 状态 — so a label is looked up for the
table first (:data:`TABLE_LABELS`), then in the labels every table shares
(:data:`COMMON_LABELS`); the member form's labels apply to the member tables only.

>>> field_label("workpoint_plans", "title"), field_label("members", "title")
('计划标题', '职称')
>>> field_label("welfare_payments", "amount_fen")
'金额'
>>> code_label("welfare_payment_warnings", "code", "frequency")
'超过次数'
>>> code_label("workpoint_plans", "kind", "school")
'本校'
"""

from __future__ import annotations

from guilin_union.core.members import FIELD_LABELS as MEMBER_FIELD_LABELS

# Tables whose rows are people with the member form's fields.
MEMBER_TABLES = frozenset({"members", "intake_applications", "member_numbers_issued"})

COMMON_LABELS: dict[str, str] = {
    "id": "编号",
    "name": "名称",
    "title": "标题",
    "status": "状态",
    "state": "状态",
    "type": "类型",
    "kind": "类别",
    "category": "类别",
    "position": "顺序",
    "seq": "序号",
    "sort_order": "排序",
    "year": "年度",
    "month": "月份",
    "notes": "备注",
    "note": "说明",
    "description": "说明",
    "content": "内容",
    "text": "内容",
    "message": "内容",
    "reason": "事由",
    "source": "来源",
    "active": "启用",
    "created_at": "创建时间",
    "updated_at": "修改时间",
    "added_at": "添加时间",
    "imported_at": "导入时间",
    "recorded_at": "记录时间",
    "recorded_by": "记录人",
    "reviewed_at": "复核时间",
    "reviewed_by": "复核人",
    "issued_at": "发放时间",
    "deleted_at": "删除时间",
    "restored_at": "恢复时间",
    "restored_by": "恢复人",
    "caption": "说明",
    "path": "文件",
    "original_name": "文件名",
    "file_name": "文件名",
    "place": "地点",
    "venue": "地点",
    "start_date": "开始日期",
    "end_date": "结束日期",
    "start_time": "开始时间",
    "end_time": "结束时间",
    "date": "日期",
    "event_date": "日期",
    "pay_date": "日期",
    "handler": "经手人",
    "role": "身份",
    # related records (shown by name, see services.safety_log)
    "branch_id": "分工会",
    "organiser_branch_id": "主办分工会",
    "member_id": "会员",
    "head_member_id": "团长",
    "proposer_member_id": "提案人",
    "supervisor_member_id": "督办人",
    "activity_id": "活动",
    "event_id": "项目",
    "participant_id": "参加人员",
    "session_id": "会议",
    "report_session_id": "报告会议",
    "term_id": "届次",
    "sitting_id": "场次",
    "election_id": "选举",
    "delegate_id": "代表",
    "delegation_id": "代表团",
    "replaces_id": "接替",
    "continues_id": "连任自",
    "proposal_id": "提案",
    "merged_into_id": "并入提案",
    "source_proposal_id": "原提案",
    "round_id": "办理轮次",
    "department_id": "承办单位",
    "lead_department_id": "主办单位",
    "plan_id": "工作要点计划",
    "item_id": "工作要点条目",
    "parent_id": "上级条目",
    "upper_item_id": "上级工作要点",
    "carried_from_item_id": "结转自",
    "workpoint_item_id": "工作要点条目",
    "payment_id": "慰问记录",
    "batch_id": "批次",
    "hardship_id": "困难帮扶档案",
    "remittance_id": "上缴记录",
    "import_id": "导入记录",
    "group_id": "回收站记录",
    # money (stored in 分, shown in 元)
    "amount_fen": "金额",
    "amount": "金额",
    "cap_fen": "单次上限",
    "yearly_cap_fen": "年度限额",
    "salary_base_fen": "工资基数",
    "base_fen": "缴费基数",
    "due_fen": "应缴",
    "paid_fen": "实缴",
    "total_fen": "合计",
    "planned_fen": "预算",
    # the welfare area
    "occasion": "事项",
    "form": "形式",
    "goods": "物品",
    "override_reason": "超标准原因",
    "overridden_at": "确认时间",
    "overridden_by": "确认人",
    "applied_on": "申请日期",
    "branch_reviewed_on": "分工会审核日期",
    "approved_on": "批准日期",
    "paid_on": "发放日期",
    "code": "检查项目",
    "eligibility": "发放范围",
    "branches": "分工会",
    "reversed_at": "撤销时间",
    "reverse_reason": "撤销原因",
    "household": "家庭情况",
    "support_notes": "帮扶情况",
    "rule_kind": "次数规则",
    "max_per_year": "每年次数上限",
    "payer": "支出单位",
    "evidence": "所需材料",
    "retired_eligible": "退休会员适用",
    # membership
    "from_status": "原状态",
    "to_status": "新状态",
    "action": "操作",
    "document_no": "文号",
    "dues_start_month": "会费起始月份",
    "name_initials": "拼音首字母",
    "name_pinyin": "拼音",
    "method": "方式",
    "members": "人数",
    "received_on": "收到日期",
    "rows": "行数",
    "imported_by": "导入人",
    "max_arrears_months": "最多欠缴月数",
    "types": "慰问类型",
    "entry_date": "日期",
    "voucher_no": "凭证号",
    # congress and proposals
    "number": "编号",
    "meeting_no": "会次",
    "start_year": "起始年",
    "end_year": "结束年",
    "length_years": "任期（年）",
    "union_number": "工会届次",
    "proposal_deadline": "提案截止日期",
    "reply_deadline": "答复期限",
    "proposal_prefix": "提案编号前缀",
    "quorum_override_reason": "法定人数说明",
    "delegate_type": "代表类型",
    "start_reason": "当选方式",
    "end_reason": "离任原因",
    "part": "部分",
    "item_date": "日期",
    "presider": "主持人",
    "reporter": "报告人",
    "votes_yes": "赞成",
    "votes_no": "反对",
    "votes_abstain": "弃权",
    "votes_other": "另选他人",
    "voted_on": "表决日期",
    "sitting_date": "日期",
    "half_day": "时段",
    "convenor": "召集人",
    "recorder": "记录人",
    "minutes": "纪要",
    "is_default": "默认场次",
    "seats": "应选名额",
    "ballots_issued": "发出选票",
    "ballots_returned": "收回选票",
    "ballots_valid": "有效票",
    "ballots_invalid": "无效票",
    "scrutineers": "监票人",
    "tellers": "计票人",
    "held_on": "选举日期",
    "reasons": "案由",
    "suggestions": "建议",
    "submitted_on": "提交日期",
    "late_reason": "逾期原因",
    "review_result": "审查结果",
    "review_level": "审查层级",
    "review_date": "审查日期",
    "review_note": "审查意见",
    "excellent_on": "评为优秀日期",
    "excellent_note": "优秀提案说明",
    "suggestion_number": "意见建议编号",
    "between_meetings": "闭会期间提出",
    "last_seq": "最后序号",
    "series": "编号系列",
    "round_no": "轮次",
    "assigned_on": "交办日期",
    "reply_text": "答复内容",
    "reply_date": "答复日期",
    "outcome": "办理结果",
    "outcome_reason": "办理说明",
    "rating": "代表评价",
    "rating_date": "评价日期",
    "rating_note": "评价意见",
    # work points
    "doc_number": "文号",
    "issuer": "发文单位",
    "doc_date": "发文日期",
    "intro": "前言",
    "source_name": "来源文件",
    "source_text": "原文",
    "level": "层级",
    "style": "条目样式",
    "heading": "要点",
    "lead_unit": "牵头单位",
    "responsible_units": "责任单位",
    "owner": "责任人",
    "deadline": "完成时限",
    "note_date": "日期",
    "target_kind": "关联类型",
    "target_id": "关联记录",
    # activities
    "organiser_kind": "主办方",
    "organiser_name": "主办单位",
    "signup_deadline": "报名截止日期",
    "places": "名额",
    "event_limit": "每人限报项目数",
    "summary": "总结",
    "points_weight": "计分权重",
    "registered_at": "报名时间",
    "rank": "名次",
    "score": "成绩",
    "award": "奖项",
    "spent_on": "支出日期",
    # intake review
    "branch_reviewed_by": "分工会审核人",
    "branch_reviewed_at": "分工会审核时间",
    "decided_by": "审批人",
    "decided_at": "审批时间",
    "reject_reason": "未通过原因",
    # welfare case fields
    "min_fen": "下限",
    "average_cap_fen": "平均上限",
    "wage_fen": "工资收入",
    "other_income_fen": "其他收入",
    "household_income_fen": "家庭月收入",
    "frequency_key": "次数计算方式",
    "event_after": "事由发生日期在此之后",
    "report_within_days": "申报期限（天）",
    "eligible_gender": "适用性别",
    "excluded_employment": "不适用的用工形式",
    "sub_kinds": "细分类型",
    "sub_kind": "细分类型",
    "household_size": "家庭人口",
    "address": "住址",
    "family_members": "家庭成员",
    "decision": "评议结果",
    "decision_date": "评议日期",
    "relative_relation": "亲属关系",
    "relative_name": "亲属姓名",
    "cause": "原因",
    "recipient_name": "领取人",
    "pay_method": "发放方式",
    "bank_account": "银行账号",
    "bank_name": "开户银行",
    "evidence_checked": "材料已核对",
    # the member record
    "leader_member_id": "组长",
    "relation": "关系",
    "work_unit": "工作单位",
    "start_month": "起始年月",
    "end_month": "结束年月",
    "unit": "单位",
    "post": "职务",
    "awarded_on": "获得日期",
    "image_base64": "照片",
    "mime": "文件类型",
    # settings
    "key": "设置项",
    "value": "值",
}

# Where a key means something else in one table.
TABLE_LABELS: dict[str, dict[str, str]] = {
    "branches": {"name": "分工会名称", "chair": "主席"},
    "congress_terms": {"number": "届次", "notes": "备注"},
    "congress_sessions": {"title": "会议名称", "status": "会议状态"},
    "congress_delegations": {"name": "代表团名称"},
    "congress_delegates": {"category": "代表类别"},
    "congress_attendance": {"status": "签到情况", "note": "说明"},
    "congress_sitting_attendance": {"status": "签到情况"},
    "congress_agenda_items": {"title": "议程", "position": "顺序"},
    "congress_motions": {"title": "表决事项", "kind": "事项类型"},
    "congress_sittings": {"title": "场次名称", "kind": "场次类型", "place": "地点"},
    "congress_presidium": {"role": "职务"},
    "congress_elections": {"title": "选举事项", "method": "选举方式"},
    "congress_election_candidates": {"name": "候选人"},
    "proposal_departments": {"name": "单位名称"},
    "proposals": {"title": "案由", "status": "提案状态", "kind": "性质", "number": "提案编号"},
    "proposal_people": {"role": "身份"},
    "proposal_attachments": {"name": "文件名"},
    "workpoint_plans": {"title": "计划标题", "kind": "要点来源"},
    "workpoint_items": {"status": "落实状态", "number": "序号", "text": "条目内容"},
    "workpoint_notes": {"text": "进展情况"},
    "activities": {"name": "活动名称", "status": "活动状态", "type": "活动类型"},
    "activity_events": {"name": "项目名称", "kind": "项目类型"},
    "activity_participants": {"status": "报名状态", "source": "报名方式"},
    "activity_budget_lines": {"kind": "收支", "category": "科目"},
    "welfare_standards": {"type": "慰问类型", "notes": "备注"},
    "welfare_payments": {"type": "慰问类型", "reason": "事由"},
    "welfare_batches": {"type": "慰问类型", "occasion": "节日"},
    "welfare_hardship": {"category": "困难类别"},
    "welfare_payment_warnings": {"message": "检查结果"},
    "member_status_events": {"action": "变动类型", "reason": "原因"},
    "fund_entries": {"category": "科目"},
    "fund_plans": {"category": "科目"},
    "dues_ledger": {"source": "来源"},
    "settings": {"key": "设置项", "value": "值"},
}

# Stored codes and their words, per (table, key); ``None`` as the table applies everywhere.
CODE_LABELS: dict[tuple[str | None, str], dict[str, str]] = {
    ("welfare_payment_warnings", "code"): {
        "no_standard": "无标准",
        "status": "会籍状态",
        "cap": "超过单次上限",
        "frequency": "超过次数",
        "yearly_total": "超过年度总额",
        "duplicate": "可能重复",
        "form": "发放形式不符",
        "dues": "欠缴会费",
    },
    ("workpoint_plans", "kind"): {"school": "本校", "upper": "上级工会"},
    ("workpoint_items", "style"): {"section": "板块", "item": "条目", "sub": "子条目"},
    ("workpoint_record_links", "target_kind"): {
        "activity": "活动",
        "congress_session": "教代会会议",
        "session": "教代会会议",
        "meeting": "会议",
    },
    (None, "source"): {
        "import": "导入",
        "manual": "手工录入",
        "excel": "Excel 导入",
        "demo": "演示数据",
        "example": "示例",
        "intake": "入会审批",
        "approval": "入会审批",
    },
}

# Columns holding 0/1.
BOOLEAN_KEYS = frozenset(
    {
        "active",
        "is_model_worker",
        "is_head",
        "is_default",
        "retired_eligible",
        "between_meetings",
        "flagged",
        "is_example",
        "evidence_checked",
    }
)

# Columns holding an amount in 分 that do not end in ``_fen``.
MONEY_KEYS = frozenset({"amount"})

# Names of tables that the recycle bin's list (storage.recycle.TABLE_LABELS) lacks.
TABLE_NAMES = {
    "dues_ledger": "会费台账",
    "dues_remittances": "会费上缴",
    "dues_imports": "会费导入",
    "fund_plans": "经费预算",
    "fund_entries": "经费收支",
    "dues_welfare_rules": "慰问与会费规则",
    "demo": "演示数据",
    "welfare_branch_standards": "分工会慰问标准",
    "union_groups": "工会小组",
    "member_family": "家庭成员",
    "member_resume": "工作简历",
    "member_honours": "表彰奖励",
    "member_photos": "会员照片",
}

# Demo scales as the demo command names them.
DEMO_SCALES = {"normal": "标准规模", "large": "大规模"}


def field_label(table: str | None, key: str) -> str:
    """The label of ``key`` in ``table`` (the key itself only if nobody named it)."""
    if table is not None:
        own = TABLE_LABELS.get(table, {}).get(key)
        if own:
            return own
        if table in MEMBER_TABLES and key in MEMBER_FIELD_LABELS:
            return MEMBER_FIELD_LABELS[key]
    if key in COMMON_LABELS:
        return COMMON_LABELS[key]
    if table is None and key in MEMBER_FIELD_LABELS:
        return MEMBER_FIELD_LABELS[key]
    if key.endswith("_fen") and key[:-4] in COMMON_LABELS:
        return COMMON_LABELS[key[:-4]]
    return key


def code_label(table: str | None, key: str, value: str) -> str:
    """The words for a stored code (the value itself when it is not a code)."""
    for scope in (table, None):
        words = CODE_LABELS.get((scope, key))
        if words and value in words:
            return words[value]
    return value


def is_money_key(key: str) -> bool:
    return key.endswith("_fen") or key in MONEY_KEYS
