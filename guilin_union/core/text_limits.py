"""Length limits of free-text fields, the same at entry (forms, CLI) and import.

Names keep their own rule (``core.names``: 50 characters). Other text gets a limit that is
generous for real records and stops pasted documents: a 100,000-character 部门 imported
once made every later export fail. Keys are the field keys used across the areas; a text
field not listed gets :data:`DEFAULT_LIMIT`.

>>> length_problem("department", "教务处")
>>> length_problem("department", "处" * 61)
'内容过长：最多60个字，现为61个字'
>>> limit_for("reason"), limit_for("some_other_text")
(500, 2000)
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = [
    "DEFAULT_LIMIT",
    "TEXT_LIMITS",
    "length_errors",
    "length_problem",
    "limit_for",
    "limits_note",
]

DEFAULT_LIMIT = 2000

#: field key -> most characters. Labels for the template's instructions are in LABELS.
TEXT_LIMITS: dict[str, int] = {
    "name": 50,
    "department": 60,
    "branch": 60,
    "position": 40,
    "title": 200,  # 职称 in the register, 案由 (a proposal's title) in proposals
    "ethnicity": 20,
    "education": 30,
    "political_status": 30,
    "employment_type": 20,
    "staff_no": 30,
    "member_no": 30,
    "phone": 30,
    "id_number": 30,
    "occasion": 100,
    "goods": 200,
    "handler": 50,
    "reason": 500,
    "override_reason": 500,
    "notes": 1000,
    "note": 1000,
    "remark": 1000,
    "result": 200,
    "score": 100,
    "award": 100,
    "role": 50,
    "reasons": 10000,  # a proposal's 理由 and 建议 are real texts
    "suggestions": 10000,
    "late_reason": 500,
    "delegation": 60,
    "proposer": 50,
    "seconders": 500,
}

LABELS: dict[str, str] = {
    "name": "姓名",
    "department": "部门",
    "branch": "分工会",
    "position": "职务",
    "title": "职称/案由",
    "notes": "备注",
    "reason": "事由/原因",
}


def limit_for(key: str) -> int:
    return TEXT_LIMITS.get(key, DEFAULT_LIMIT)


def length_problem(key: str, text: str | None) -> str | None:
    """The Chinese message when ``text`` is longer than ``key``'s limit, else None."""
    if text is None:
        return None
    limit = limit_for(key)
    if len(text) <= limit:
        return None
    return f"内容过长：最多{limit}个字，现为{len(text)}个字"


def length_errors(
    values: Mapping[str, object], keys: tuple[str, ...] | None = None
) -> dict[str, str]:
    """``{key: message}`` for every text value over its limit (``keys`` limits the check)."""
    errors: dict[str, str] = {}
    for key, value in values.items():
        if keys is not None and key not in keys:
            continue
        if isinstance(value, str):
            problem = length_problem(key, value)
            if problem is not None:
                errors[key] = problem
    return errors


def limits_note() -> str:
    """One line for import templates: the limits users meet most."""
    parts = "、".join(f"{LABELS[k]}{TEXT_LIMITS[k]}字" for k in LABELS)
    return f"各栏字数上限：{parts}，其他文字栏{DEFAULT_LIMIT}字；超过上限的行会列入错误清单。"
