"""Vocabularies of a condolence case (issue 22): who it is for, what happened, how it is paid.

Migrations copy these values when they build CHECK constraints; editing a list here never
edits a shipped migration.
"""

from __future__ import annotations

#: 亲属关系 for 直系亲属去世/住院 and similar types.
RELATIONS = ("配偶", "父母", "子女", "配偶父母", "其他")
#: The relations offered in lists, more precise than the rule groups above.
RELATION_CHOICES = ("配偶", "父亲", "母亲", "子女", "配偶父亲", "配偶母亲", "其他")
#: How the money reaches the recipient.
PAY_METHODS = ("现金", "银行转账", "实物")
#: What a standard's yearly count or once-only rule is counted per.
FREQUENCY_KEYS = ("会员", "亲属", "病因")
#: Causes offered in the payment form (free text is allowed too).
COMMON_CAUSES = (
    "住院治疗",
    "手术",
    "重大疾病",
    "意外伤害",
    "病故",
    "结婚",
    "生育",
    "退休",
    "自然灾害",
)
#: Evidence offered per type when the standard names none.
COMMON_EVIDENCE = (
    "出院小结",
    "住院病历",
    "诊断证明",
    "死亡证明",
    "火化证明",
    "亲属关系证明",
    "结婚证",
    "出生医学证明",
    "退休审批文件",
    "困难情况说明",
)
GENDERS = ("男", "女")


def relation_group(relation: str) -> str:
    """The rule group of a listed relation: 父亲/母亲 → 父母, 配偶父亲 → 配偶父母.

    >>> relation_group("父亲"), relation_group("配偶母亲"), relation_group("配偶")
    ('父母', '配偶父母', '配偶')
    """
    if relation in ("父亲", "母亲"):
        return "父母"
    if relation in ("配偶父亲", "配偶母亲"):
        return "配偶父母"
    return relation


def mask_account(account: str | None) -> str:
    """A bank account shown like ID numbers: the first 4 and last 4 digits.

    >>> mask_account("6222 0212 3456 7890 123"), mask_account(""), mask_account("12345")
    ('6222***********0123', '', '1***5')
    """
    digits = "".join((account or "").split())
    if not digits:
        return ""
    if len(digits) <= 8:
        return (
            digits[0] + "*" * (len(digits) - 2) + digits[-1]
            if len(digits) > 2
            else "*" * len(digits)
        )
    return digits[:4] + "*" * (len(digits) - 8) + digits[-4:]
