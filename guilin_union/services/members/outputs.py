"""Excel export and the 会员花名册 PDF of a register view (same query as the screen)."""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path
from typing import Literal

import sqlite_utils

from guilin_union.services.common_outputs import issuer_name, letterhead
from guilin_union.services.common_query import filter_text
from guilin_union.services.members import MemberQuery, list_members
from guilin_union.services.members import branches as branches_service
from guilin_union.storage import audit

EXPORT_COLUMNS = (
    ("member_no", "会员编号"),
    ("name", "姓名"),
    ("gender", "性别"),
    ("branch", "分工会"),
    ("department", "部门"),
    ("title", "职称"),
    ("staff_no", "工号"),
    ("id_number_display", "身份证号"),
    ("phone_display", "手机"),
    ("birth_date", "出生日期"),
    ("employment_type", "用工形式"),
    ("join_date", "入会日期"),
    ("status", "会籍状态"),
    # issue 24: the 实名制 fields of the 会员登记表
    ("union_group", "工会小组"),
    ("native_place", "籍贯"),
    ("work_start_date", "参加工作时间"),
    ("major", "专业"),
    ("graduated_from", "毕业院校"),
    ("id_valid_until", "证件有效期"),
    ("employment_status", "就业状态"),
    ("skill_level", "技能等级"),
)
# Contact details printed only in an unmasked export (which is logged).
UNMASKED_COLUMNS = (("home_address", "家庭住址"), ("postcode", "邮编"), ("email", "邮箱"))


def describe_query(db: sqlite_utils.Database, q: MemberQuery) -> str:
    branch = branches_service.filter_name(db, q.branch_name, q.branch_id)
    return filter_text((branch, f"会籍状态：{q.status}" if q.status else None), q.search)


def _log_unmasked(db: sqlite_utils.Database, what: str, path: Path, n: int) -> None:
    with db.atomic():
        audit.log_event(
            db, "members", None, "reveal", note=f"{what}（完整证件号码和手机号，{n} 人）：{path}"
        )


def export_members(
    db: sqlite_utils.Database,
    path: str | Path,
    q: MemberQuery | None = None,
    *,
    unmasked: bool = False,
) -> tuple[Path, int]:
    """Write the view to Excel; numbers masked unless ``unmasked`` (which is logged)."""
    from guilin_union.spreadsheets.writer import Column, Sheet, write_workbook

    q = q or MemberQuery()
    rows = list_members(db, q, masked=not unmasked)
    kinds: dict[str, Literal["text", "int", "money", "date"]] = {
        "birth_date": "date",
        "join_date": "date",
    }
    wanted = EXPORT_COLUMNS + (UNMASKED_COLUMNS if unmasked else ())
    columns = [Column(key, header, kind=kinds.get(key, "text")) for key, header in wanted]
    title = f"{issuer_name(db)}会员名册"
    note = describe_query(db, q)
    out = write_workbook(
        path,
        [
            Sheet(
                title="会员名册",
                columns=columns,
                rows=rows,
                heading=title + (f"（{note}）" if note else ""),
            )
        ],
    )
    if unmasked:
        _log_unmasked(db, "导出会员名册 Excel", out, len(rows))
    return out, len(rows)


def roster_groups(db: sqlite_utils.Database, q: MemberQuery, *, masked: bool = True):
    """Rows of the view grouped by 分工会, in the branches' own order."""
    from guilin_union.reports.members.roster import RosterMember

    # The user's sort order is kept inside each 分工会; the branches follow their own order.
    rows = list_members(db, q, masked=masked)
    order = {
        r[0]: i
        for i, r in enumerate(db.execute("SELECT name FROM branches ORDER BY sort_order, id"))
    }
    rows.sort(key=lambda r: order.get(r["branch"], len(order)))
    groups: OrderedDict[str, list[RosterMember]] = OrderedDict()
    for r in rows:
        groups.setdefault(r["branch"], []).append(
            RosterMember(
                member_no=r["member_no"] or "",
                name=r["name"],
                gender=r["gender"] or "",
                department=r["department"] or "",
                title=r["title"] or "",
                phone_masked=r["phone_display"],
                id_masked=r["id_number_display"],
                joined_on=r["join_date"] or "",
                status=r["status"],
            )
        )
    return list(groups.items())


def member_roster_pdf(
    db: sqlite_utils.Database,
    path: str | Path,
    q: MemberQuery | None = None,
    *,
    unmasked: bool = False,
) -> tuple[Path, int]:
    from guilin_union.reports.members.roster import build_member_roster

    q = q or MemberQuery()
    groups = roster_groups(db, q, masked=not unmasked)
    out = build_member_roster(
        path, groups, **letterhead(db), filter_note=describe_query(db, q), masked=not unmasked
    )
    n = sum(len(g[1]) for g in groups)
    if unmasked:
        _log_unmasked(db, "打印会员花名册", out, n)
    return Path(out), n
