"""Sign-ups that the 分工会 send back in Excel: a per-activity template and its import.

The template is made by the program for one activity: the activity's name, dates, place and
deadline at the top, then the columns 序号, 分工会 (drop-down), 姓名, 工号, 身份证号, 角色
(drop-down), one column per event (drop-down “√”) and 备注. A hidden sheet records the
activity's id so a form filled for another activity is recognised and refused.

The import goes through the shared pipeline (``services.import_common``): every row is
checked first — the person is found by 工号 or ID number and the name must agree with the
register, the 分工会 must be theirs, the events must respect the per-person limit — and only
a file without errors is written, in one transaction after a backup. Beyond the places,
people go on the waiting list in the order of the file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypedDict

import sqlite_utils

from guilin_union.core.dates import format_cn_date
from guilin_union.core.errors import ValidationError
from guilin_union.core.names import normalize_name
from guilin_union.core.text import clean_cell_text, to_halfwidth
from guilin_union.core.text_limits import limit_for
from guilin_union.services import activities as activities_service
from guilin_union.services.activities import AREA
from guilin_union.services.activities.registration import (
    CANCELLED,
    eligible_statuses,
    free_places,
    outside_roles,
)
from guilin_union.services.import_common import (
    ImportOutcome,
    ImportPlan,
    header_label,
    run_import,
    text_value,
)
from guilin_union.services.members import branches as branches_service
from guilin_union.services.members.lookup import member_index
from guilin_union.spreadsheets.errors import RowError
from guilin_union.spreadsheets.reader import Field, ReadResult

TEMPLATE_SHEET = "报名表"
LISTS_SHEET = "选项"
META_SHEET = "模板信息"
TICK = "√"
EVENT_SEPARATORS = re.compile(r"[、，,；;/\s]+")


def _event_key(event_id: int) -> str:
    return f"event_{event_id}"


def signup_fields(roles: Sequence[str], events: Sequence[dict[str, Any]]) -> list[Field]:
    """The columns of a sign-up sheet; 姓名 is checked by the importer (rows that only carry
    the pre-filled 分工会 are blank rows, not errors)."""
    fields = [
        Field("branch", "分工会", synonyms=("单位", "所在分工会", "报送单位", "部门工会")),
        Field("name", "姓名", synonyms=("名字", "参赛人员", "人员姓名")),
        Field("staff_no", "工号", synonyms=("职工号", "教工号", "人员编号")),
        Field(
            "id_number", "身份证号", synonyms=("身份证号码", "证件号码", "证件号"), kind="id_number"
        ),
        Field(
            "role",
            "角色",
            synonyms=("身份", "类别", "参加身份"),
            kind="choice",
            choices=tuple(roles),
        ),
    ]
    for event in events:
        fields.append(Field(_event_key(event["id"]), event["name"], kind="bool"))
    fields.append(Field("events_text", "报名项目", synonyms=("项目", "参赛项目", "比赛项目")))
    fields.append(Field("notes", "备注", synonyms=("说明",)))
    return fields


class _Signer(TypedDict):
    """The member a sign-up row names, as found in the roster."""

    id: int
    name: str
    status: str | None
    branch_id: int  # members.branch_id is NOT NULL
    branch: str | None


@dataclass
class SignupItem:
    """One validated row ready to write."""

    row: int
    member_id: int
    name: str
    branch_id: int
    role: str
    event_ids: list[int]
    notes: str | None
    participant_id: int | None = None  # an existing registration to update or renew
    renew: bool = False


@dataclass
class SignupImporter:
    """The ``Importer`` for one activity's sign-ups (see ``services.import_common``).

    Holds plain data only (no connection): the import wizard validates and commits on its
    own connection in a worker thread.
    """

    activity_id: int
    activity_name: str
    events: list[dict[str, Any]]
    roles: list[str]
    event_limit: int | None
    fields: list[Field] = field(default_factory=list)
    name: str = "activity-signups"
    areas: tuple[str, ...] = (AREA,)
    source_path: Path | None = None  # set before validating: the file's template marker is checked

    @classmethod
    def for_activity(cls, db: sqlite_utils.Database, activity_id: int) -> SignupImporter:
        activity = activities_service.get_activity_row(db, activity_id)
        events = activities_service.list_events(db, activity_id)
        roles = activities_service.roles(db)
        return cls(
            activity_id,
            activity["name"],
            events,
            roles,
            activity["event_limit"],
            fields=signup_fields(roles, events),
        )

    # ---------------------------------------------------------------- validate
    def validate(self, db: sqlite_utils.Database, read: ReadResult) -> ImportPlan:
        plan = ImportPlan()
        if self.source_path is not None:
            marker = template_activity(self.source_path)
            if marker is not None and marker[0] != self.activity_id:
                plan.errors.append(
                    RowError(
                        1,
                        "活动",
                        marker[1],
                        f"这是活动“{marker[1]}”的报名表，不是“{self.activity_name}”的。请使用本活动的报名表模板。",
                    )
                )
                return plan
        label = {f.key: header_label(read, f.key, f.header) for f in self.fields}
        events_by_name = {_norm(e["name"]): e for e in self.events}
        event_names = {e["id"]: e["name"] for e in self.events}
        existing = {
            r[0]: {"id": r[1], "status": r[2], "role": r[3], "branch_id": r[4]}
            for r in db.execute(
                "SELECT member_id, id, status, role, branch_id FROM activity_participants WHERE activity_id = ?",
                [self.activity_id],
            )
        }
        entries: dict[int, set[int]] = {}
        for pid, event_id in db.execute(
            "SELECT x.participant_id, x.event_id FROM activity_entries x JOIN activity_participants p"
            " ON p.id = x.participant_id WHERE p.activity_id = ?",
            [self.activity_id],
        ):
            entries.setdefault(pid, set()).add(event_id)
        allowed_statuses = eligible_statuses(db)
        seen: dict[int, int] = {}
        index = member_index(db)
        for parsed in read.rows:
            values = parsed.values
            row = parsed.row
            errors: list[RowError] = []

            def error(
                key: str,
                value: Any,
                message: str,
                row: int = row,
                errors: list[RowError] = errors,
            ) -> None:
                errors.append(
                    RowError(row, label.get(key, key), "" if value is None else str(value), message)
                )

            ticked = [e["id"] for e in self.events if values.get(_event_key(e["id"])) is True]
            if (
                not any(
                    values.get(k)
                    for k in ("name", "staff_no", "id_number", "role", "notes", "events_text")
                )
                and not ticked
            ):
                continue  # only the pre-filled 分工会 (or 序号): an unused line of the form
            raw_name = values.get("name")
            try:
                name = normalize_name(str(raw_name or ""))
            except ValidationError as exc:
                error("name", raw_name, exc.message)
                name = ""
            staff_no = to_halfwidth(str(values.get("staff_no") or "")).strip().upper() or None
            id_number = text_value(values, "id_number") or None
            member: _Signer | None = None
            if not staff_no and not id_number:
                error("staff_no", "", "请填写工号或身份证号（用于在会员名册中核对本人）")
            else:
                # The one rule of core.member_match: 工号, then ID number; the name agrees.
                found = index.match(name=name, staff_no=staff_no, id_number=id_number)
                if found.member is None:
                    shown = {"staff_no": staff_no, "id_number": id_number}.get(
                        found.field, raw_name
                    )
                    error(found.field, shown, found.message)
                else:
                    ref = found.member
                    member = _Signer(
                        id=ref.id,
                        name=ref.name,
                        status=ref.extra.get("status"),
                        branch_id=ref.extra["branch_id"],  # member_index always gives it
                        branch=ref.branch,
                    )
            branch_id = member["branch_id"] if member else None
            branch_text = values.get("branch")
            if branch_text:
                found_branch = branches_service.find_branch_id(db, str(branch_text))
                if found_branch is None:
                    error(
                        "branch",
                        branch_text,
                        branches_service.unknown_branch_message(db, str(branch_text)),
                    )
                elif member is not None and found_branch != member["branch_id"]:
                    error(
                        "branch",
                        branch_text,
                        f"{member['name']}在会员名册中属于“{member['branch']}”",
                    )
            if member is not None and member["status"] not in allowed_statuses:
                error(
                    "name", raw_name, f"{member['name']}的会籍状态为“{member['status']}”，不能报名"
                )
            role = text_value(values, "role") or (self.roles[0] if self.roles else "运动员")
            event_ids = list(ticked)
            text = values.get("events_text")
            if text:
                for part in EVENT_SEPARATORS.split(str(text)):
                    if not part:
                        continue
                    event = events_by_name.get(_norm(part))
                    if event is None:
                        error(
                            "events_text",
                            text,
                            f"没有名为“{part}”的项目，可选：{'、'.join(event_names.values()) or '（本活动未设项目）'}",
                        )
                    elif event["id"] not in event_ids:
                        event_ids.append(event["id"])
            if self.event_limit is not None and len(event_ids) > self.event_limit:
                who = member["name"] if member else name
                key = (
                    "events_text"
                    if text and not ticked
                    else (_event_key(event_ids[0]) if ticked else "events_text")
                )
                error(
                    key,
                    TICK if ticked else text,
                    f"{who}报了 {len(event_ids)} 个项目（{'、'.join(event_names[e] for e in event_ids)}），"
                    f"超过本活动每人限报 {self.event_limit} 项的规定",
                )
            if member is not None:
                if member["id"] in seen:
                    error(
                        "name",
                        raw_name,
                        f"与第 {seen[member['id']]} 行是同一人（{member['name']}）",
                    )
                else:
                    seen[member["id"]] = row
            if errors:
                plan.errors.extend(errors)
                continue
            assert member is not None
            notes = clean_cell_text(str(values.get("notes") or "")) or None
            item = SignupItem(
                row,
                member["id"],
                member["name"],
                branch_id or member["branch_id"],
                role,
                event_ids,
                notes,
            )
            old = existing.get(member["id"])
            if old is not None and old["status"] != CANCELLED:
                if old["role"] == role and entries.get(old["id"], set()) == set(event_ids):
                    plan.skipped += 1
                    continue
                item.participant_id = old["id"]
                plan.updates += 1
            elif old is not None:
                item.participant_id = old["id"]
                item.renew = True
            plan.items.append(item)
        if not plan.errors:
            self._note_waiting(db, plan)
        return plan

    def _note_waiting(self, db: sqlite_utils.Database, plan: ImportPlan) -> None:
        free = free_places(db, self.activity_id)
        if free is None:
            return
        outside = outside_roles(db)
        queue = db.execute(
            "SELECT count(*) FROM activity_participants WHERE activity_id = ? AND status = '候补'",
            [self.activity_id],
        ).fetchone()[0]
        newcomers = [
            i for i in plan.items if (i.participant_id is None or i.renew) and i.role not in outside
        ]
        waiting = newcomers if queue else newcomers[free:]
        if waiting:
            names = "、".join(i.name for i in waiting[:10]) + ("等" if len(waiting) > 10 else "")
            plan.notes.append(f"名额已满或将满：{len(waiting)} 人将按表格顺序列入候补（{names}）")

    # ---------------------------------------------------------------- commit
    def commit(self, db: sqlite_utils.Database, plan: ImportPlan) -> ImportOutcome:
        """Write every item (inside the pipeline's transaction), in the order of the file."""
        from guilin_union.services.activities.registration import (
            register_members,
            update_participant,
        )

        outcome = ImportOutcome(skipped=plan.skipped)
        waitlisted: list[str] = []
        for item in plan.items:
            if item.participant_id is not None and not item.renew:
                update_participant(
                    db,
                    item.participant_id,
                    role=item.role,
                    event_ids=item.event_ids,
                    notes=item.notes if item.notes is not None else None,
                )
                outcome.updated += 1
                continue
            result = register_members(
                db,
                self.activity_id,
                [item.member_id],
                role=item.role,
                event_ids=item.event_ids,
                notes=item.notes,
                source="导入",
                branch_ids={item.member_id: item.branch_id},
            )
            waitlisted += list(result.waitlisted)
            outcome.imported += 1
        if waitlisted:
            outcome.notes.append(f"名额已满，{'、'.join(waitlisted)} 列入候补")
        return outcome


def _norm(text: str) -> str:
    return to_halfwidth(clean_cell_text(str(text))).replace(" ", "").lower()


def _find(db: sqlite_utils.Database, column: str, value: str) -> dict[str, Any] | None:
    row = db.execute(
        f"SELECT m.id, m.name, m.status, m.branch_id, b.name FROM members m JOIN branches b ON b.id = m.branch_id"
        f" WHERE m.{column} = ?",
        [value],
    ).fetchone()
    if row is None:
        return None
    return {"id": row[0], "name": row[1], "status": row[2], "branch_id": row[3], "branch": row[4]}


def import_signups(
    db: sqlite_utils.Database,
    activity_id: int,
    path: str | Path,
    *,
    dry_run: bool = False,
    sheet: str | Sequence[str] | None = None,
    mapping: dict[str, int] | None = None,
    progress: Callable[[int, int], None] | None = None,
    all_sheets: bool = False,
) -> ImportOutcome:
    """Validate and (unless ``dry_run``) import a sign-up file for one activity."""
    importer = SignupImporter.for_activity(db, activity_id)
    importer.source_path = Path(path)
    return run_import(
        db,
        path,
        importer,
        sheet=sheet,
        mapping=mapping,
        dry_run=dry_run,
        progress=progress,
        all_sheets=all_sheets,
    )


# ---------------------------------------------------------------- the template


def template_activity(path: str | Path) -> tuple[int, str] | None:
    """(activity id, name) recorded in a template made by this program, or None."""
    from openpyxl import load_workbook

    try:
        with open(path, "rb") as handle:
            wb = load_workbook(handle, read_only=True)
            try:
                if META_SHEET not in wb.sheetnames:
                    return None
                ws = wb[META_SHEET]
                values = {
                    row[0]: row[1]
                    for row in ws.iter_rows(min_row=1, max_row=5, max_col=2, values_only=True)
                    if row and row[0]
                }
            finally:
                wb.close()
    except Exception:  # noqa: BLE001 — an unreadable file is reported by the reader with a proper message
        return None
    activity_id = values.get("activity_id")
    if activity_id is None:
        return None
    try:
        return int(activity_id), str(values.get("activity_name") or "")
    except (TypeError, ValueError):
        return None


def write_signup_template(
    db: sqlite_utils.Database,
    activity_id: int,
    path: str | Path,
    *,
    branch_id: int | None = None,
    rows: int = 60,
) -> Path:
    """Write the sign-up form for one activity (optionally pre-filled for one 分工会).

    Text columns are formatted as text (工号 and ID numbers keep their digits); 分工会, 角色
    and each event column have drop-downs.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.worksheet.properties import PageSetupProperties

    activity = activities_service.get_activity(db, activity_id)
    events = activity["events"]
    roles = activities_service.roles(db)
    branch_names = branches_service.branch_names(db)
    branch_name = None
    if branch_id is not None:
        found = db.execute("SELECT name FROM branches WHERE id = ?", [branch_id]).fetchone()
        if found is None:
            raise ValidationError("分工会不存在", "branch")
        branch_name = found[0]

    wb = Workbook()
    ws = wb.active
    ws.title = TEMPLATE_SHEET
    headers = ["序号", "分工会", "姓名", "工号", "身份证号", "角色"]
    headers += [f"{e['name']}（报名打√）" for e in events]
    headers += ["备注"]
    last = get_column_letter(len(headers))
    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)

    title = f"{activity['name']}报名表" + (f"（{branch_name}）" if branch_name else "")
    ws["A1"] = title
    ws["A1"].font = Font(bold=True, size=16)
    ws["A1"].alignment = Alignment(horizontal="center", vertical="center")
    ws.merge_cells(f"A1:{last}1")
    ws.row_dimensions[1].height = 30
    when = format_cn_date(activity["start_date"])
    if activity["end_date"] and activity["end_date"] != activity["start_date"]:
        when += f"至{format_cn_date(activity['end_date'])}"
    info = [f"活动时间：{when}"]
    if activity["place"]:
        info.append(f"地点：{activity['place']}")
    if activity["signup_deadline"]:
        info.append(f"报名截止：{format_cn_date(activity['signup_deadline'])}")
    if activity["places"]:
        info.append(f"名额：{activity['places']}人")
    if activity["event_limit"]:
        info.append(f"每人限报{activity['event_limit']}项")
    ws["A2"] = "　".join(info)
    ws.merge_cells(f"A2:{last}2")
    ws["A3"] = (
        "填写说明：姓名须与会员名册一致，工号或身份证号至少填写一项（用于核对本人）；"
        "分工会、角色请在下拉列表中选择；报名的项目在对应列选择“√”。请勿修改表头。"
        f"备注不超过{limit_for('note')}字。"
    )
    ws["A3"].alignment = Alignment(wrap_text=True, vertical="top")
    ws["A3"].font = Font(color="C00000")
    ws.merge_cells(f"A3:{last}3")
    ws.row_dimensions[3].height = 36
    header_row = 4
    fill = PatternFill("solid", fgColor="D9E1F2")
    for col, text in enumerate(headers, start=1):
        cell = ws.cell(header_row, col, text)
        cell.font = Font(bold=True)
        cell.fill = fill
        cell.border = border
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.row_dimensions[header_row].height = 32
    widths = (
        [6, 22, 10, 12, 22, 10] + [max(10, min(18, len(e["name"]) * 2 + 8)) for e in events] + [20]
    )
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    first, last_row = header_row + 1, header_row + rows
    for r in range(first, last_row + 1):
        ws.cell(r, 1, r - header_row).alignment = Alignment(horizontal="center")
        for col in range(1, len(headers) + 1):
            cell = ws.cell(r, col)
            cell.border = border
            if col > 1:
                cell.number_format = "@"  # 工号 and ID numbers stay text, never 4.5E+17
        if branch_name:
            ws.cell(r, 2, branch_name)
    ws.freeze_panes = ws.cell(first, 3)
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)

    lists = wb.create_sheet(LISTS_SHEET)
    for i, name in enumerate(branch_names, start=1):
        lists.cell(i, 1, name)
    for i, role in enumerate(roles, start=1):
        lists.cell(i, 2, role)
    lists.sheet_state = "hidden"
    meta = wb.create_sheet(META_SHEET)
    meta["A1"], meta["B1"] = "activity_id", activity_id
    meta["A2"], meta["B2"] = "activity_name", activity["name"]
    meta["A3"], meta["B3"] = "说明", "本工作表由程序使用，请勿修改。"
    meta.sheet_state = "hidden"

    def add_list(formula: str, column: int, prompt: str) -> None:
        letter = get_column_letter(column)
        dv = DataValidation(type="list", formula1=formula, allow_blank=True)
        dv.error = prompt
        dv.errorTitle = "请从下拉列表中选择"
        dv.showErrorMessage = True
        ws.add_data_validation(dv)
        dv.add(f"{letter}{first}:{letter}{last_row}")

    if branch_names:
        add_list(f"'{LISTS_SHEET}'!$A$1:$A${len(branch_names)}", 2, "请选择分工会")
    if roles:
        add_list(f"'{LISTS_SHEET}'!$B$1:$B${len(roles)}", 6, "请选择角色")
    for offset in range(len(events)):
        add_list(f'"{TICK}"', 7 + offset, "报名该项目请选择“√”，不报名请留空")

    target = Path(path)
    temp = target.with_name(f".{target.stem}.tmp.xlsx")
    try:
        wb.save(temp)
        temp.replace(target)
    except PermissionError as exc:
        temp.unlink(missing_ok=True)
        from guilin_union.spreadsheets.errors import FileLockedError

        raise FileLockedError(
            f"文件“{target.name}”正被其他程序（如 Excel/WPS）打开，无法写入。请关闭该文件后重试。",
            str(target),
        ) from exc
    return target
