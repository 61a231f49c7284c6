"""Masking of personal numbers for display and print (个人信息保护法: masked by default)."""

from __future__ import annotations


def mask_id(number: str | None) -> str:
    """``450102199003071234`` → ``4501**********1234``; keeps the length, shows 4 + 4."""
    if not number:
        return ""
    text = str(number)
    if len(text) <= 8:
        return text[:1] + "*" * (len(text) - 1) if len(text) > 1 else "*"
    return text[:4] + "*" * (len(text) - 8) + text[-4:]


def mask_phone(number: str | None) -> str:
    """``13812345678`` → ``138****5678``; other lengths keep the first 3 and last 4."""
    if not number:
        return ""
    text = str(number)
    if len(text) <= 7:
        return text[:1] + "*" * (len(text) - 1)
    return text[:3] + "*" * (len(text) - 7) + text[-4:]
