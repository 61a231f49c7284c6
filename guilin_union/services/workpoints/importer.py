"""Importing a work-points document: read the file, parse it, guess its year and kind,
and save it as a plan — next to, or instead of, a plan already stored for that year.

The GUI shows the parse to the user, who corrects it (``services.workpoints_outline``)
before :func:`import_document` stores it; the CLI stores the parse as it is.

>>> preview = preview_text("桂院工〔2024〕1号\\n桂林学院2024年工会工作要点\\n一、思想引领\\n（一）学习。")
>>> preview.guessed_year, [n.number for n in preview.parsed.iter_nodes()]
(2024, ['一', '一'])
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Unpack

import sqlite_utils

from guilin_union.core.errors import ConflictError, ValidationError
from guilin_union.core.workpoints_parser import ParsedWorkpoints, parse_workpoints
from guilin_union.services import settings
from guilin_union.services.changes import OpResult
from guilin_union.services.document_text import read_document_text
from guilin_union.services.workpoints import (
    PlanSource,
    area_changes,
    get_plan,
    has_tracking_data,
    list_plans,
    plan_label,
    save_plan,
)

PASTED_SOURCE = "粘贴的文本"
MAX_SOURCE_CHARS = 300_000  # a work-points document is a few thousand characters
FILE_FILTER = (
    "工作要点文件 (*.docx *.pdf *.txt *.png *.jpg *.jpeg);;Word 文件 (*.docx);;PDF 文件 (*.pdf);;"
    "文本文件 (*.txt);;扫描件或照片 (*.pdf *.png *.jpg *.jpeg)"
)

_YEAR_IN_NUMBER_RE = re.compile(r"[〔\[［【(（](\d{4})[〕\]］】)）]")
_YEAR_IN_TITLE_RE = re.compile(r"(\d{4})\s*年")

Conflict = Literal["keep", "replace"]


@dataclass
class ImportPreview:
    """A document read and parsed, not saved yet."""

    text: str
    parsed: ParsedWorkpoints
    source_name: str
    guessed_year: int | None

    @property
    def warnings(self) -> list[str]:
        return self.parsed.warnings

    @property
    def node_count(self) -> int:
        return sum(1 for _ in self.parsed.iter_nodes())


def guess_year(parsed: ParsedWorkpoints) -> int | None:
    """The plan's year: from the title (2024年…要点), else the 文号's 〔2024〕, else the date.

    >>> from guilin_union.core.workpoints_parser import WorkpointsMeta
    >>> guess_year(ParsedWorkpoints(WorkpointsMeta(title="自治区教育工会2025年工作要点"), []))
    2025
    """
    meta = parsed.meta
    for text, pattern in ((meta.title, _YEAR_IN_TITLE_RE), (meta.doc_number, _YEAR_IN_NUMBER_RE)):
        match = pattern.search(text or "")
        if match and 1900 <= int(match.group(1)) <= 2100:
            return int(match.group(1))
    if meta.date:
        return int(meta.date[:4])
    return None


def guess_kind(db: sqlite_utils.Database, parsed: ParsedWorkpoints) -> str:
    """``school`` when the document names this institution or its union, else ``upper``."""
    meta = parsed.meta
    text = "".join(filter(None, (meta.issuer, meta.title, meta.doc_number)))
    names = [settings.get(db, key) for key in ("institution_name", "union_name", "document_prefix")]
    return "school" if any(name and name in text for name in names) else "upper"


def _check_length(text: str) -> str:
    if len(text) > MAX_SOURCE_CHARS:
        raise ValidationError("文本过长，不像是一份工作要点文件，请确认选择的文件", "text")
    return text


def preview_text(
    text: str, source_name: str = PASTED_SOURCE, keep_text: Iterable[str] = ()
) -> ImportPreview:
    """Parse pasted (or already read) text.

    Text read from a .docx has one paragraph per line for certain, so a numbered line
    without a full stop is a heading there. ``keep_text`` lists page-furniture lines the
    user took back (see ``ParsedWorkpoints.ignored_text``).
    """
    text = _check_length(text or "")
    certain = True if source_name.lower().endswith(".docx") else None
    parsed = parse_workpoints(text, lines_are_paragraphs=certain, keep_text=keep_text)
    return ImportPreview(text, parsed, source_name, guess_year(parsed))


def preview_file(path: str | Path) -> ImportPreview:
    """Read a .docx, .pdf or .txt file and parse it (errors in Chinese)."""
    path = Path(path)
    return preview_text(read_document_text(path), path.name)


def existing_plans(db: sqlite_utils.Database, year: int, kind: str) -> list[dict[str, Any]]:
    """Plans already stored for that year and kind, each with ``has_tracking``. A plan made
    only of items carried over from the year before does not count: an import takes its
    items in (:func:`import_document`)."""
    from guilin_union.services.workpoints.rollover import is_carry_plan

    plans = [
        p
        for p in list_plans(db, year=year, kind=kind)
        if not is_carry_plan(db, get_plan(db, p["id"]))
    ]
    for plan in plans:
        plan["has_tracking"] = has_tracking_data(db, plan["id"])
        plan["label"] = plan_label(plan)
    return plans


def import_document(
    db: sqlite_utils.Database,
    parsed: ParsedWorkpoints,
    *,
    on_conflict: Conflict = "keep",
    replace_plan_id: int | None = None,
    **source: Unpack[PlanSource],
) -> OpResult:
    """Save a (corrected) parse as a plan.

    When the year already has a plan of that kind: ``on_conflict="keep"`` stores both;
    ``"replace"`` replaces ``replace_plan_id`` (or the only existing plan) — refused with a
    ConflictError when that plan has tracking data. Items carried over into that year
    before its document arrived move into the new plan. ``undo`` names the replaced plan.
    """
    from guilin_union.services.workpoints.rollover import absorb_carry_plans

    replaced = None
    year = source["year"]
    if on_conflict == "replace":
        plans = existing_plans(db, year, source.get("kind", "school"))
        if replace_plan_id is None:
            if len(plans) > 1:
                raise ConflictError(f"{year}年已有{len(plans)}份同类工作要点，请指定要替换哪一份")
            replace_plan_id = plans[0]["id"] if plans else None
        elif replace_plan_id not in {p["id"] for p in plans}:
            raise ValidationError("要替换的计划不属于该年度和类别", "replace_plan_id")
        replaced = replace_plan_id
    elif on_conflict != "keep":
        raise ValueError(on_conflict)
    with db.atomic():
        result = save_plan(db, parsed, replace_plan_id=replaced, **source)
        assert result.row_id is not None  # save_plan returns the plan's id
        absorbed = absorb_carry_plans(db, result.row_id)
    return OpResult(
        area_changes(),
        result.row_id,
        undo={"plan_id": result.row_id, "replaced_plan_id": replaced, "carried_items": absorbed},
    )
