"""The intake printouts, from the database: per-person forms, the pending list, member cards.

Personal numbers are masked unless the caller asks for full numbers, which is logged
(个人信息保护法: full values only by an explicit choice).

>>> # member_forms_pdf(db, "表.pdf", member_ids=[3, 4]) -> (Path("表.pdf"), 2)
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import sqlite_utils

from guilin_union.core.errors import NotFoundError, ValidationError
from guilin_union.core.masking import mask_id, mask_phone
from guilin_union.services.common_fields import JOB_FIELDS, PERSON_FIELDS
from guilin_union.services.common_outputs import issuer_name, letterhead
from guilin_union.services.common_query import chunks, dict_rows
from guilin_union.services.members import branches as branches_service
from guilin_union.storage import audit

# The id number and the phone are filled separately (masked unless asked otherwise).
_FORM_KEYS = (
    "name",
    *(k for k in PERSON_FIELDS if k not in ("id_number", "phone")),
    *JOB_FIELDS,
    "notes",
)


def _form(
    row: Mapping[str, Any], *, unmasked: bool, record: Mapping[str, Any] | None = None
) -> Any:
    from guilin_union.reports.intake.forms import MemberForm

    # MemberForm's keyword arguments: text fields, the model-worker flag, the record's tuples.
    data: dict[str, Any] = {k: row.get(k) or "" for k in _FORM_KEYS}
    data["id_number"] = (row.get("id_number") or "") if unmasked else mask_id(row.get("id_number"))
    data["phone"] = (row.get("phone") or "") if unmasked else mask_phone(row.get("phone"))
    data["branch"] = row.get("branch") or ""
    data["join_date"] = row.get("join_date") or ""
    data["member_no"] = row.get("member_no") or ""
    data["applied_on"] = row.get("applied_on") or ""
    data["is_model_worker"] = bool(row.get("is_model_worker"))
    data["id_type"] = row.get("id_type") or "居民身份证"
    for key in ("native_place", "home_address", "work_start_date", "major", "graduated_from"):
        data[key] = row.get(key) or ""  # issue 24 (members and applications)
    data["id_valid_until"] = row.get("id_valid_until") or ""
    if record is not None:
        data["union_group"] = record.get("group") or ""
        data["family"] = tuple(
            (f["relation"], f["name"], f["work_unit"] or "", f["phone"] or "")
            for f in record["family"]
        )
        data["resume"] = tuple(
            (
                f"{r['start_month'] or ''}—{r['end_month'] or '至今'}",
                r["unit"],
                r["post"] or "",
            )
            for r in record["resume"]
        )
        data["photo"] = record.get("photo")
    return MemberForm(**data)


def _rows(db: sqlite_utils.Database, table: str, ids: list[int]) -> list[dict[str, Any]]:
    if not ids:
        return []
    out: dict[int, dict[str, Any]] = {}
    for chunk, marks in chunks(ids):
        cursor = db.execute(
            f"SELECT t.*, b.name AS branch FROM {table} t JOIN branches b ON b.id = t.branch_id"
            f" WHERE t.id IN ({marks})",
            chunk,
        )
        for row in dict_rows(cursor):
            out[row["id"]] = row
    missing = [i for i in ids if i not in out]
    if missing:
        what = "会员" if table == "members" else "入会申请"
        raise NotFoundError(f"{what}不存在：" + "、".join(f"#{i}" for i in missing[:5]))
    return [out[i] for i in ids]


def member_forms_pdf(
    db: sqlite_utils.Database,
    path: str | Path,
    *,
    member_ids: Iterable[int] = (),
    application_ids: Iterable[int] = (),
    unmasked: bool = False,
    application: bool = True,
    registration: bool = True,
) -> tuple[Path, int]:
    """入会申请书 + 工会会员登记表 for members and/or applications, in the order given.

    For a member who came through an application, the application date is printed too."""
    from guilin_union.reports.intake.forms import build_member_forms

    members = _rows(db, "members", list(dict.fromkeys(int(i) for i in member_ids)))
    applied = {
        r[0]: r[1]
        for r in db.execute(
            "SELECT member_id, applied_on FROM intake_applications WHERE member_id IS NOT NULL"
        )
    }
    for m in members:
        m["applied_on"] = applied.get(m["id"], "")
    apps = _rows(db, "intake_applications", list(dict.fromkeys(int(i) for i in application_ids)))
    people = [_form(m, unmasked=unmasked, record=_record(db, m["id"])) for m in members]
    people += [_form(r, unmasked=unmasked) for r in apps]
    if not people:
        raise ValidationError("请选择要打印的会员或入会申请")
    out = build_member_forms(
        path, people, application=application, registration=registration, **letterhead(db)
    )
    if unmasked:
        with db.atomic():
            audit.log_event(
                db,
                "members",
                None,
                "reveal",
                note=f"打印入会申请书/会员登记表（完整证件号码和手机号，{len(people)} 人）：{out}",
            )
    return Path(out), len(people)


def intake_list_pdf(
    db: sqlite_utils.Database, path: str | Path, *, branch_name: str | None = None
) -> tuple[Path, int]:
    """待批准入会人员名单 for the 校工会: the applications its 分工会 has already reviewed
    (待校工会批准), grouped by 分工会 in the branches' order. Applications still 待分工会审核
    are not on it: the committee cannot approve what the 分工会 has not yet looked at."""
    from guilin_union.reports.intake.list import PendingPerson, build_intake_list
    from guilin_union.services import intake

    branch_id = None
    if branch_name:
        branch_id = branches_service.find_branch_id(db, branch_name)
        if branch_id is None:
            raise ValidationError(branches_service.unknown_branch_message(db, branch_name))
    rows = intake.list_applications(
        db, intake.ApplicationQuery(pending_only=True, branch_id=branch_id, sort_key="branch")
    )
    rows = [r for r in rows if r["state"] == "待校工会批准"]
    groups: OrderedDict[str, list[PendingPerson]] = OrderedDict()
    for r in rows:
        groups.setdefault(r["branch"], []).append(
            PendingPerson(
                r["name"],
                r["gender"] or "",
                r["birth_date"] or "",
                r["department"] or "",
                r["title"] or "",
                r["education"] or "",
                r["political_status"] or "",
                r["employment_type"] or "",
                r["hire_date"] or "",
                r["applied_on"] or "",
                r["state"],
            )
        )
    out = build_intake_list(path, list(groups.items()), **letterhead(db))
    return Path(out), len(rows)


def member_cards_pdf(
    db: sqlite_utils.Database,
    path: str | Path,
    *,
    branch_name: str | None = None,
    member_ids: Iterable[int] | None = None,
    statuses: tuple[str, ...] = ("在会", "保留会籍"),
) -> tuple[Path, int]:
    """会员证 for the chosen members, or for every current member (of one 分工会)."""
    from guilin_union.reports.members.cards import MemberCard, build_member_cards

    clauses: list[str] = []
    params: list[object] = []
    if member_ids is not None:
        ids = [int(i) for i in member_ids]
        if not ids:
            raise ValidationError("请选择要打印会员证的会员")
        clauses.append(f"m.id IN ({','.join('?' for _ in ids)})")
        params += ids
    else:
        clauses.append(f"m.status IN ({','.join('?' for _ in statuses)})")
        params += list(statuses)
    if branch_name:
        if branches_service.find_branch_id(db, branch_name) is None:
            raise ValidationError(branches_service.unknown_branch_message(db, branch_name))
        clauses.append("b.name = ?")
        params.append(branch_name)
    rows = db.execute(
        "SELECT m.name, m.member_no, b.name, m.join_date, m.id FROM members m JOIN branches b ON b.id = m.branch_id"
        f" WHERE {' AND '.join(clauses)} ORDER BY b.sort_order, b.id, m.member_no, m.id",
        params,
    ).fetchall()
    if not rows:
        raise ValidationError("没有符合条件的会员")
    from guilin_union.services.members.record import photos_for

    photos = photos_for(db, [r[4] for r in rows])  # issue 24: the photo on the card
    cards = [MemberCard(r[0], r[1] or "", r[2], r[3] or "", photos.get(r[4])) for r in rows]
    out = build_member_cards(path, cards, union_name=issuer_name(db))
    return Path(out), len(cards)


def _record(db: sqlite_utils.Database, member_id: int) -> dict[str, Any]:
    """Group, family, work history and photo of a member for the 会员登记表 (issue 24)."""
    from guilin_union.services.members import record as mr

    profile = mr.get_profile(db, member_id)
    return {
        "group": profile.get("group"),
        "family": mr.list_family(db, member_id),
        "resume": mr.list_resume(db, member_id),
        "photo": mr.get_photo(db, member_id),
    }
