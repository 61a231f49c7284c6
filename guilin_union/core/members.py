"""Member register values: statuses, choice lists and the record dataclass (no I/O)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from enum import StrEnum
from typing import Any


class MemberStatus(StrEnum):
    ACTIVE = "在会"
    RETAINED = "保留会籍"  # retired: keeps membership, dues waived
    TRANSFERRED = "转出"
    LEFT = "退会"
    EXPELLED = "开除"
    DECEASED = "去世"


GENDERS = ("男", "女")
EMPLOYMENT_TYPES = ("在编", "人事代理", "合同", "其他")
POLITICAL_STATUSES = ("中共党员", "中共预备党员", "共青团员", "民主党派", "无党派人士", "群众")
EDUCATION_LEVELS = ("博士研究生", "硕士研究生", "大学本科", "大学专科", "中专/高中", "初中及以下")
TITLES = (
    "教授",
    "副教授",
    "讲师",
    "助教",
    "研究员",
    "副研究员",
    "高级实验师",
    "实验师",
    "高级工程师",
    "工程师",
    "助理工程师",
    "馆员",
    "副研究馆员",
    "会计师",
    "无",
)
#: 表彰 levels (member_honours.level; the shipped migration keeps its own copy).
HONOUR_LEVELS = ("国家", "自治区", "市", "校", "其他")
FAMILY_RELATIONS = ("配偶", "父亲", "母亲", "子女", "配偶父亲", "配偶母亲", "兄弟姐妹", "其他")
#: Honour titles that make a member a 劳动模范 (是否劳模), from 市 level up.
MODEL_WORKER_MARKERS = ("劳动模范", "劳模", "五一劳动奖章", "先进工作者")
#: Defaults of the editable choice lists of the 会员登记表 (settings; the office may add).
EMPLOYMENT_TYPE_DEFAULTS = (*EMPLOYMENT_TYPES, "返聘", "临时")  # 用工形式
EMPLOYMENT_STATUS_DEFAULTS = ("在岗", "离岗", "待岗", "退休返聘")  # 就业状态
SKILL_LEVEL_DEFAULTS = ("初级工", "中级工", "高级工", "技师", "高级技师")  # 技能等级
ETHNICITIES = (
    "汉族",
    "壮族",
    "瑶族",
    "苗族",
    "侗族",
    "仫佬族",
    "毛南族",
    "回族",
    "京族",
    "彝族",
    "水族",
    "仡佬族",
    "满族",
    "土家族",
    "蒙古族",
    "其他",
)


@dataclass
class MemberRecord:
    """Every field of the register (工会会员登记表 + real-name fields).

    Values are already normalised when they come out of ``services.members.validate``;
    empty optional fields are ``None``. ``branch`` is the 分工会 name.
    """

    name: str = ""
    gender: str | None = None
    ethnicity: str | None = None
    birth_date: str | None = None  # ISO
    id_type: str = "居民身份证"
    id_number: str | None = None
    phone: str | None = None
    staff_no: str | None = None
    branch: str = ""
    department: str | None = None
    position: str | None = None  # 职务
    title: str | None = None  # 职称
    education: str | None = None
    political_status: str | None = None
    employment_type: str | None = None
    hire_date: str | None = None
    join_date: str | None = None
    member_no: str | None = None
    is_model_worker: bool = False
    notes: str | None = None
    status: str = MemberStatus.ACTIVE.value

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_mapping(cls, data: dict[str, Any]) -> MemberRecord:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


# Chinese labels of the register fields, used by forms, exports and error messages.
FIELD_LABELS: dict[str, str] = {
    "member_no": "会员编号",
    "name": "姓名",
    "gender": "性别",
    "ethnicity": "民族",
    "birth_date": "出生日期",
    "id_type": "证件类型",
    "id_number": "证件号码",
    "phone": "手机",
    "staff_no": "工号",
    "branch": "分工会",
    "department": "部门",
    "position": "职务",
    "title": "职称",
    "education": "学历",
    "political_status": "政治面貌",
    "employment_type": "用工形式",
    "hire_date": "入职日期",
    "join_date": "入会日期",
    "is_model_worker": "是否劳模",
    "notes": "备注",
    "status": "会籍状态",
    # issue 24: the rest of the 会员登记表 (services/members/record.py)
    "native_place": "籍贯",
    "home_address": "家庭住址",
    "postcode": "邮编",
    "email": "邮箱",
    "work_start_date": "参加工作时间",
    "major": "专业",
    "graduated_from": "毕业院校",
    "id_valid_until": "证件有效期",
    "employment_status": "就业状态",
    "skill_level": "技能等级",
    "group_id": "工会小组",
}
