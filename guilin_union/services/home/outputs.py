"""The year-end report written from the year's figures (PDF or an editable Word draft)."""

from __future__ import annotations

import os
from pathlib import Path

import sqlite_utils

from guilin_union.core.errors import ValidationError
from guilin_union.services.home.figures import year_summary


def write_year_summary(db: sqlite_utils.Database, path: str | os.PathLike[str], year: int) -> Path:
    """``report year-summary``: ``.pdf`` or ``.docx`` by the file's extension."""
    from guilin_union.reports.home.year_summary import build_year_summary, build_year_summary_docx

    if not 1900 <= int(year) <= 2100:
        raise ValidationError("年度应为四位数字，如 2026", "year")
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".pdf", ".docx"):
        raise ValidationError("年度工作总结可输出为 .pdf 或 .docx（Word）文件", "output")
    summary = year_summary(db, int(year))
    if suffix == ".docx":
        return build_year_summary_docx(target, summary)
    return build_year_summary(target, summary)
