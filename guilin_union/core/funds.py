"""Vocabularies of the money area: dues payment methods and the default chart of union fund
categories (基层工会经费收支管理办法). No I/O.

The chart is a *setting* (``fund_categories``); this module only holds its default. Codes are
stable identifiers (plans and entries refer to them); names may be edited.

>>> [c["name"] for c in DEFAULT_CATEGORIES if c["kind"] == "收入"][:2]
['会费收入', '拨缴经费收入']
>>> percent_text(95, 100), percent_text(1, 3), percent_text(5, 0)
('95.0', '33.3', None)
"""

from __future__ import annotations

from typing import Any

PAYMENT_METHODS = ("代扣", "现金", "转账")
PAYMENT_SOURCES = ("导入", "分工会上缴", "手工")
CATEGORY_KINDS = ("收入", "支出")

# Where the actual amount of a category comes from automatically (besides manual entries).
SOURCE_DUES = "dues"  # dues received (ledger)
SOURCE_ACTIVITIES = "activities"  # activity spending, by the activity-type map
SOURCE_WELFARE = "welfare"  # 校工会-paid welfare payments, by the welfare-type map

DEFAULT_CATEGORIES: list[dict[str, Any]] = [
    {"code": "401", "kind": "收入", "name": "会费收入", "parent": None, "source": SOURCE_DUES},
    {"code": "402", "kind": "收入", "name": "拨缴经费收入", "parent": None, "source": None},
    {"code": "403", "kind": "收入", "name": "上级补助收入", "parent": None, "source": None},
    {"code": "404", "kind": "收入", "name": "行政补助收入", "parent": None, "source": None},
    {"code": "405", "kind": "收入", "name": "其他收入", "parent": None, "source": None},
    {"code": "501", "kind": "支出", "name": "职工活动支出", "parent": None, "source": None},
    {"code": "50101", "kind": "支出", "name": "教育活动", "parent": "501", "source": None},
    {"code": "50102", "kind": "支出", "name": "文体活动", "parent": "501", "source": None},
    {"code": "50103", "kind": "支出", "name": "宣传活动", "parent": "501", "source": None},
    {"code": "50104", "kind": "支出", "name": "其他活动", "parent": "501", "source": None},
    {"code": "502", "kind": "支出", "name": "维权支出", "parent": None, "source": None},
    {"code": "50201", "kind": "支出", "name": "困难帮扶", "parent": "502", "source": None},
    {"code": "50202", "kind": "支出", "name": "送温暖", "parent": "502", "source": None},
    {"code": "503", "kind": "支出", "name": "业务支出", "parent": None, "source": None},
    {"code": "50301", "kind": "支出", "name": "培训", "parent": "503", "source": None},
    {"code": "50302", "kind": "支出", "name": "会议", "parent": "503", "source": None},
    {"code": "50303", "kind": "支出", "name": "专项业务", "parent": "503", "source": None},
    {"code": "504", "kind": "支出", "name": "资本性支出", "parent": None, "source": None},
    {"code": "505", "kind": "支出", "name": "其他支出", "parent": None, "source": None},
]

# Activity type -> spending category (types not listed go to DEFAULT_ACTIVITY_CATEGORY).
DEFAULT_ACTIVITY_MAP: dict[str, str] = {
    **dict.fromkeys(("文体活动", "征文/书法展"), "50102"),
    "技能竞赛": "50101",
    **dict.fromkeys(("劳模工匠进校园", "评选"), "50103"),
    **dict.fromkeys(("教师节庆祝", "单身联谊", "疗休养", "志愿服务", "其他"), "50104"),
}
DEFAULT_ACTIVITY_CATEGORY = "50104"

# Welfare type -> spending category. The 办法 puts festival, birthday, wedding, funeral and
# retirement condolences under 其他活动支出 and help for members in difficulty (and their
# illness) under 维权支出; both are settings the user may change.
DEFAULT_WELFARE_MAP: dict[str, str] = {
    **dict.fromkeys(
        ("结婚", "生育", "生日", "节日慰问", "退休", "会员去世", "直系亲属去世"), "50104"
    ),
    **dict.fromkeys(("生病住院", "重大疾病"), "50202"),
    "困难帮扶": "50201",
    "其他": "50202",
}
DEFAULT_WELFARE_CATEGORY = "50202"


def percent_text(part: int, whole: int) -> str | None:
    """``part / whole`` in percent with one decimal, rounded half up, by integer arithmetic
    (None when ``whole`` is 0)."""
    if whole == 0:
        return None
    sign = "-" if (part < 0) != (whole < 0) and part != 0 else ""
    tenths = (abs(part) * 1000 * 2 + abs(whole)) // (2 * abs(whole))
    return f"{sign}{tenths // 10}.{tenths % 10}"
