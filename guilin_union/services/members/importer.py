"""Excel import of staff lists (from 人事处 or a 分工会) as 入会申请 or directly as members.

Validate everything in memory first — with bulk lookups (one query per kind of existing
value, never one per row) — then write everything with ``executemany`` in ONE transaction
after a backup (``services.import_common.commit_plan``). Either the whole file goes in or
nothing does, and the user gets a per-cell error list with Excel's row numbers.

Options:

- ``as_``: ``"applications"`` (default: rows become 待分工会审核 applications) or
  ``"members"`` (rows become approved members; numbers are issued by the rule when the file
  has none);
- ``on_duplicate``: what to do with an ID number already in the register (or with an open
  application): ``"error"`` (default), ``"skip"`` or ``"update"`` (the file's non-empty
  values replace the member's; 会籍状态 is never changed by an import — that is an event).

>>> # outcome = import_file(db, "新进人员.xlsx", as_="applications")
>>> # outcome.to_json() -> {"imported": 37, "skipped": 0, "updated": 0}
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Unpack

import sqlite_utils

from guilin_union.core.errors import ValidationError
from guilin_union.core.ids import IdType, parse_id_number, parse_id_type
from guilin_union.core.members import EMPLOYMENT_TYPES, MemberStatus
from guilin_union.core.names import normalize_name
from guilin_union.core.phones import normalize_mobile
from guilin_union.core.pinyin import name_keys
from guilin_union.core.text import clean_cell_text, to_halfwidth
from guilin_union.services import settings
from guilin_union.services.common_fields import (
    FREE_TEXT_FIELDS,
    JOB_FIELDS,
    PERSON_FIELDS,
    RECORD_FIELDS,
)
from guilin_union.services.common_query import column_values
from guilin_union.services.import_common import (
    ImportOutcome,
    ImportPlan,
    ReadOptions,
    finish_plan,
    header_label,
    validate_file,
)
from guilin_union.services.members import branches as branches_service
from guilin_union.spreadsheets.errors import RowError, WorkbookError
from guilin_union.spreadsheets.reader import Field, ReadResult
from guilin_union.storage import audit

settings.register_defaults(
    {
        "import_max_megabytes": (20, "导入文件大小上限（MB）"),
        "import_max_rows": (20000, "导入行数上限"),
    }
)

ImportAs = Literal["applications", "members"]
OnDuplicate = Literal["error", "skip", "update"]
AS_CHOICES = ("applications", "members")
DUPLICATE_CHOICES = ("error", "skip", "update")

FIELDS: list[Field] = [
    Field(
        "name", "姓名", ("职工姓名", "教职工姓名", "人员姓名", "名字", "教工姓名"), required=True
    ),
    Field("gender", "性别"),
    Field("ethnicity", "民族", ("族别",)),
    Field("id_type", "证件类型", ("身份证件类型",)),
    Field(
        "id_number",
        "身份证号",
        (
            "身份证号码",
            "证件号码",
            "公民身份号码",
            "身份证",
            "证件号",
            "居民身份证号码",
            "身份证件号码",
            "居民身份证号",
        ),
        kind="id_number",
    ),
    Field("birth_date", "出生日期", ("出生年月", "出生年月日", "生日", "出生时间"), kind="date"),
    Field(
        "phone",
        "手机",
        (
            "手机号",
            "手机号码",
            "联系电话",
            "移动电话",
            "电话",
            "联系方式",
            "电话号码",
            "联系手机",
        ),
        kind="phone",
    ),
    Field(
        "staff_no",
        "工号",
        (
            "职工号",
            "教工号",
            "人员编号",
            "职工编号",
            "工作证号",
            "教职工号",
            "教职工编号",
            "人事编号",
        ),
    ),
    Field(
        "branch",
        "分工会",
        ("所属分工会", "部门工会", "所在分工会", "工会", "分会", "所属工会"),
        required=True,
    ),
    Field(
        "department",
        "部门",
        (
            "所在部门",
            "所在单位",
            "单位",
            "二级单位",
            "院系",
            "科室",
            "部门名称",
            "工作部门",
            "所在院系",
            "所属部门",
            "所属单位",
            "工作单位",
            "单位名称",
        ),
    ),
    Field("position", "职务", ("行政职务", "职位", "现任职务", "党政职务")),
    Field(
        "title",
        "职称",
        (
            "专业技术职务",
            "技术职称",
            "专业技术职称",
            "职称名称",
            "专业技术资格",
            "专技职务",
        ),
    ),
    Field("education", "学历", ("最高学历", "文化程度", "学历学位", "最高学历学位")),
    Field("political_status", "政治面貌", ("政治面目", "党派")),
    Field(
        "employment_type",
        "用工形式",
        (
            "用工性质",
            "用工类型",
            "人员类别",
            "编制类型",
            "编制",
            "人员性质",
            "聘用方式",
            "用人方式",
        ),
    ),
    Field(
        "hire_date",
        "入职日期",
        (
            "入校时间",
            "来校时间",
            "入职时间",
            "报到日期",
            "到校时间",
            "来校日期",
            "进校时间",
            "进校日期",
            "入校日期",
            "来校工作时间",
            "到校工作时间",
        ),
        kind="date",
    ),
    Field("join_date", "入会日期", ("入会时间",), kind="date"),
    Field("applied_on", "申请日期", ("申请时间",), kind="date"),
    Field("member_no", "会员编号", ("会员号", "会员证号")),
    Field("is_model_worker", "是否劳模", ("劳模",), kind="bool"),
    Field("salary_base", "工资基数", ("月工资基数", "会费基数", "缴费基数"), kind="money"),
    Field("status", "会籍状态", ("状态", "会籍")),
    # issue 24: the rest of the 会员登记表 / 实名制采集表
    Field("native_place", "籍贯", ("祖籍", "籍贯（省市）")),
    Field("home_address", "家庭住址", ("家庭地址", "住址", "现住址", "通讯地址", "居住地址")),
    Field("postcode", "邮编", ("邮政编码",)),
    Field("email", "邮箱", ("电子邮箱", "电子邮件", "E-mail", "Email", "邮件")),
    Field(
        "work_start_date",
        "参加工作时间",
        ("参加工作日期", "参工时间", "工作时间", "参加工作年月"),
        kind="date",
    ),
    Field("major", "专业", ("所学专业", "毕业专业")),
    Field("graduated_from", "毕业院校", ("毕业学校", "毕业院校名称")),
    Field("id_valid_until", "证件有效期", ("身份证有效期", "证件有效期限", "有效期限", "有效期至")),
    Field("employment_status", "就业状态", ("在岗状态", "岗位状态")),
    Field("skill_level", "技能等级", ("职业技能等级", "技术等级", "工人技术等级")),
    Field("notes", "备注", ("说明", "备注说明")),
]
PROFILE_KEYS = (
    "native_place",
    "home_address",
    "postcode",
    "email",
    "work_start_date",
    "major",
    "graduated_from",
    "id_valid_until",
    "employment_status",
    "skill_level",
)
FIELD_BY_KEY = {f.key: f for f in FIELDS}

_TEXT_KEYS = FREE_TEXT_FIELDS
_EMPLOYMENT_SYNONYMS = {
    "编制内": "在编",
    "事业编制": "在编",
    "在编人员": "在编",
    "正式在编": "在编",
    "人事代理制": "人事代理",
    "代理": "人事代理",
    "合同制": "合同",
    "劳动合同": "合同",
    "编外合同": "合同",
    "聘用": "合同",
    "合同工": "合同",
}
_GENDER_SYNONYMS = {"男性": "男", "女性": "女", "M": "男", "F": "女"}

# Columns written for each kind of record (the plan's items carry exactly these keys).
APPLICATION_COLUMNS = (
    "state",
    "name",
    *PERSON_FIELDS,
    "branch_id",
    *JOB_FIELDS,
    "is_model_worker",
    "notes",
    "applied_on",
    "source",
    "created_at",
    "updated_at",
    *RECORD_FIELDS,
)
MEMBER_COLUMNS = (
    "member_no",
    "name",
    "name_initials",
    "name_pinyin",
    *PERSON_FIELDS,
    "branch_id",
    *JOB_FIELDS,
    "join_date",
    "is_model_worker",
    "notes",
    "status",
    "created_at",
    "updated_at",
    *PROFILE_KEYS,
)


@dataclass
class PlannedRow:
    """One validated row: ``action`` is insert / update_member / update_application."""

    row: int
    action: str
    values: dict[str, Any]
    target_id: int | None = None
    present: frozenset[str] = frozenset()  # fields whose column is in the file and not blank


@dataclass
class _Existing:
    """Everything the checks need from the database, fetched once."""

    branches: dict[str, int]
    members_by_id_number: dict[str, tuple[int, str, str | None]]
    members_by_staff_no: dict[str, tuple[int, str]]
    members_by_member_no: dict[str, tuple[int, str]]
    issued: set[str]
    open_apps: dict[str, tuple[int, str, str]]
    open_apps_by_staff_no: dict[str, tuple[int, str]]

    @classmethod
    def load(cls, db: sqlite_utils.Database) -> _Existing:
        return cls(
            branches={r[0]: r[1] for r in db.execute("SELECT name, id FROM branches")},
            members_by_id_number={
                r[0]: (r[1], r[2], r[3])
                for r in db.execute(
                    "SELECT id_number, id, name, member_no FROM members WHERE id_number IS NOT NULL"
                )
            },
            members_by_staff_no={
                r[0]: (r[1], r[2])
                for r in db.execute(
                    "SELECT staff_no, id, name FROM members WHERE staff_no IS NOT NULL"
                )
            },
            members_by_member_no={
                r[0]: (r[1], r[2])
                for r in db.execute(
                    "SELECT member_no, id, name FROM members WHERE member_no IS NOT NULL"
                )
            },
            issued=set(column_values(db, "SELECT member_no FROM member_numbers_issued")),
            open_apps={
                r[0]: (r[1], r[2], r[3])
                for r in db.execute(
                    "SELECT id_number, id, name, state FROM intake_applications"
                    " WHERE id_number IS NOT NULL AND state IN ('待分工会审核', '待校工会批准')"
                )
            },
            open_apps_by_staff_no={
                r[0]: (r[1], r[2])
                for r in db.execute(
                    "SELECT staff_no, id, name FROM intake_applications"
                    " WHERE staff_no IS NOT NULL AND state IN ('待分工会审核', '待校工会批准')"
                )
            },
        )


class MemberImporter:
    """The :class:`~guilin_union.services.import_common.Importer` of staff lists."""

    name = "members"
    areas = ("members", "intake")
    fields = FIELDS

    def __init__(
        self,
        *,
        as_: ImportAs = "applications",
        on_duplicate: OnDuplicate = "error",
        source_name: str = "",
        today: _dt.date | None = None,
    ) -> None:
        if as_ not in AS_CHOICES:
            raise ValueError(f"as_ must be one of {AS_CHOICES}")
        if on_duplicate not in DUPLICATE_CHOICES:
            raise ValueError(f"on_duplicate must be one of {DUPLICATE_CHOICES}")
        self.as_ = as_
        self.on_duplicate = on_duplicate
        self.source_name = source_name
        self.today = today

    # ------------------------------------------------------------------ validate
    def validate(self, db: sqlite_utils.Database, read: ReadResult) -> ImportPlan:
        max_rows = int(settings.get(db, "import_max_rows"))
        if read.total_rows > max_rows:
            raise WorkbookError(
                f"工作表“{read.sheet}”有{read.total_rows}行数据，超过单次导入的上限{max_rows}行。"
                "请把数据分成几个文件分批导入。"
            )
        existing = _Existing.load(db)
        from guilin_union.services.members.record import employment_types

        self._employment_types = employment_types(db)  # an editable list (issue 24)
        self._profile_db = db
        plan = ImportPlan()
        labels = {f.key: header_label(read, f.key, f.header) for f in FIELDS}
        mapped = set(read.mapping)
        seen_ids: dict[str, int] = {}
        seen_staff: dict[str, int] = {}
        seen_numbers: dict[str, int] = {}
        today = (self.today or _dt.date.today()).isoformat()
        for parsed in read.rows:
            errors: list[RowError] = []

            def err(
                key: str,
                message: str,
                value: object = None,
                parsed: Any = parsed,
                errors: list[RowError] = errors,
            ) -> None:
                shown = parsed.values.get(key) if value is None else value
                errors.append(
                    RowError(parsed.row, labels[key], "" if shown is None else str(shown), message)
                )

            values = self._normalise(parsed.values, existing, err)
            present = frozenset(k for k in mapped if parsed.values.get(k) not in (None, ""))
            action, target = "insert", None

            number = values.get("id_number")
            if number:
                _once_in_file(seen_ids, number, parsed.row, err, "id_number", "证件号码")
                member = existing.members_by_id_number.get(number)
                app = existing.open_apps.get(number)
                if member is not None:
                    action, target = self._duplicate(
                        err,
                        "update_member",
                        member[0],
                        f"该证件号码已在会员名册中（会员“{member[1]}”"
                        + (f"，会员编号{member[2]}" if member[2] else "")
                        + "）",
                    )
                elif app is not None:
                    action, target = self._duplicate(
                        err,
                        "update_application",
                        app[0],
                        f"该证件号码已有“{app[1]}”的入会申请（{app[2]}）",
                    )
            staff = values.get("staff_no")
            if staff:
                _once_in_file(seen_staff, staff, parsed.row, err, "staff_no", "工号")
                holder = existing.members_by_staff_no.get(staff)
                if (
                    holder
                    and not (action == "update_member" and holder[0] == target)
                    and action != "skip"
                ):
                    err("staff_no", f"工号已被会员“{holder[1]}”使用")
                holder_app = existing.open_apps_by_staff_no.get(staff)
                if holder_app and self.as_ == "applications" and action == "insert":
                    err("staff_no", f"工号已用于“{holder_app[1]}”的入会申请")
            member_no = values.get("member_no")
            if member_no and action != "skip":
                if self.as_ == "applications" and action != "update_member":
                    err("member_no", "导入为入会申请时不能填写会员编号（批准时按规则发放）")
                elif member_no in seen_numbers:
                    err("member_no", f"与第{seen_numbers[member_no]}行的会员编号重复")
                else:
                    seen_numbers[member_no] = parsed.row
                    holder = existing.members_by_member_no.get(member_no)
                    if holder and not (action == "update_member" and holder[0] == target):
                        err("member_no", f"会员编号已被会员“{holder[1]}”使用")
                    elif (
                        member_no in existing.issued
                        and not holder
                        and not (action == "update_member")
                    ):
                        err("member_no", "该会员编号曾经发放过，编号不能重复使用")
            if errors:
                plan.errors.extend(errors)
                continue
            if action == "skip":
                plan.skipped += 1
                continue
            if action == "insert":
                values.setdefault("applied_on", None)
                values["applied_on"] = values.get("applied_on") or today
            plan.items.append(PlannedRow(parsed.row, action, values, target, present))
            if action != "insert":
                plan.updates += 1
        if plan.skipped:
            plan.notes.append(f"已在名册或已有申请的 {plan.skipped} 人将被跳过")
        return plan

    def _duplicate(
        self, err: Callable[..., None], update_action: str, target: int, message: str
    ) -> tuple[str, int | None]:
        if self.on_duplicate == "skip":
            return "skip", target
        if self.on_duplicate == "update":
            return update_action, target
        err("id_number", message + "。如需跳过或更新，请选择“跳过已有人员”或“更新已有人员”")
        return "insert", None

    def _normalise(
        self, raw: dict[str, Any], existing: _Existing, err: Callable[..., None]
    ) -> dict[str, Any]:
        """Clean and check one row's values (the same rules as the register form)."""
        out: dict[str, Any] = {}
        try:
            out["name"] = normalize_name(str(raw.get("name") or ""))
        except ValidationError as exc:
            err("name", exc.message)
        for key in _TEXT_KEYS:
            value = raw.get(key)
            out[key] = clean_cell_text(str(value)) if value not in (None, "") else None
        for key in ("staff_no", "member_no"):
            value = raw.get(key)
            out[key] = (
                to_halfwidth(clean_cell_text(str(value))).upper() or None
                if value not in (None, "")
                else None
            )
        for key in ("birth_date", "hire_date", "join_date", "applied_on"):
            out[key] = raw.get(key)
        gender = raw.get("gender")
        gender = (
            _GENDER_SYNONYMS.get(str(gender).strip().upper(), str(gender).strip())
            if gender
            else None
        )
        if gender is not None and gender not in ("男", "女"):
            err("gender", "性别应为“男”或“女”")
            gender = None
        try:
            id_type = parse_id_type(raw.get("id_type"))
        except ValidationError as exc:
            err("id_type", exc.message)
            id_type = None
        out["id_type"] = (id_type or IdType.RESIDENT).value
        out["id_number"] = None
        number = raw.get("id_number")
        if number and id_type is not None:
            try:
                info = parse_id_number(str(number), id_type)
            except ValidationError as exc:
                err("id_number", exc.message)
            else:
                out["id_number"] = info.number
                if info.birth_date is not None:
                    derived = info.birth_date.isoformat()
                    if out["birth_date"] and out["birth_date"] != derived:
                        err("birth_date", f"出生日期与身份证号不符（身份证号为{derived}）")
                    out["birth_date"] = derived
                if info.gender is not None:
                    if gender is not None and gender != info.gender:
                        err("gender", f"性别与身份证号不符（身份证号为{info.gender}）")
                    gender = info.gender
        out["gender"] = gender
        phone = raw.get("phone")
        out["phone"] = None
        if phone:
            try:
                out["phone"] = normalize_mobile(str(phone))
            except ValidationError as exc:
                err("phone", exc.message)
        employment = raw.get("employment_type")
        if employment not in (None, ""):
            text = clean_cell_text(str(employment))
            text = _EMPLOYMENT_SYNONYMS.get(text, text)
            allowed = getattr(self, "_employment_types", None) or list(EMPLOYMENT_TYPES)
            if text not in allowed:
                err("employment_type", "用工形式应为：" + "、".join(allowed))
            out["employment_type"] = text
        else:
            out["employment_type"] = None
        status = raw.get("status")
        statuses = {s.value for s in MemberStatus}
        if status not in (None, "") and clean_cell_text(str(status)) not in statuses:
            err(
                "status",
                "会籍状态应为："
                + "、".join(sorted(statuses, key=list(s.value for s in MemberStatus).index)),
            )
        out["status"] = clean_cell_text(str(status)) if status not in (None, "") else "在会"
        if self.as_ == "applications" and out["status"] != "在会":
            err("status", "导入为入会申请时会籍状态只能为空或“在会”")
        out["is_model_worker"] = 1 if raw.get("is_model_worker") else 0
        present = {k: raw.get(k) for k in PROFILE_KEYS if raw.get(k) not in (None, "")}
        if present:
            from guilin_union.services.members.record import validate_profile

            values, problems = validate_profile(self._profile_db, present)
            for key, message in problems.items():
                err(key, message)
            out.update(values)
        out["salary_base"] = raw.get("salary_base")
        branch = clean_cell_text(str(raw.get("branch") or ""))
        out["branch_id"] = existing.branches.get(branch)
        if branch and out["branch_id"] is None:
            hints = branches_service.closest_names(list(existing.branches), branch)
            message = f"分工会“{branch}”不存在"
            message += (
                ("，是否应为：" + "、".join(hints) + "？")
                if hints
                else "，请先在“设置 ▸ 分工会管理”中添加。"
            )
            err("branch", message)
        return out

    # ------------------------------------------------------------------ commit
    def commit(self, db: sqlite_utils.Database, plan: ImportPlan) -> ImportOutcome:
        inserts = [p for p in plan.items if p.action == "insert"]
        updates = [p for p in plan.items if p.action != "insert"]
        note = f"Excel 导入{('：' + self.source_name) if self.source_name else ''}"
        if self.as_ == "applications":
            self._insert_applications(db, inserts, note)
        else:
            self._insert_members(db, inserts, note)
        for p in updates:
            self._update(db, p, note)
        return ImportOutcome(imported=len(inserts), updated=len(updates), skipped=plan.skipped)

    def _insert_applications(
        self, db: sqlite_utils.Database, rows: list[PlannedRow], note: str
    ) -> None:
        now = audit.now_iso()
        first = db.execute("SELECT coalesce(max(id), 0) + 1 FROM intake_applications").fetchone()[0]
        records = []
        for offset, p in enumerate(rows):
            record = {k: p.values.get(k) for k in APPLICATION_COLUMNS}
            record.update(
                id=first + offset,
                state="待分工会审核",
                source=self.source_name or "Excel 导入",
                created_at=now,
                updated_at=now,
            )
            records.append(record)
        _bulk_insert(db, "intake_applications", ("id", *APPLICATION_COLUMNS), records, note)

    def _insert_members(self, db: sqlite_utils.Database, rows: list[PlannedRow], note: str) -> None:
        from guilin_union.services.intake import dues as dues_service
        from guilin_union.services.members.numbers import NumberIssuer, record_issued

        now = audit.now_iso()
        first = db.execute("SELECT coalesce(max(id), 0) + 1 FROM members").fetchone()[0]
        issuer: NumberIssuer | None = None
        this_year = (self.today or _dt.date.today()).year
        start_rule = str(settings.get(db, "dues_start_rule"))
        records: list[dict[str, Any]] = []
        dues_rows = []
        for offset, p in enumerate(rows):
            values = dict(p.values)
            if not values.get("member_no"):
                issuer = issuer or NumberIssuer(db)
                year = int(values["join_date"][:4]) if values.get("join_date") else this_year
                values["member_no"] = issuer.next(branch_id=values["branch_id"], year=year)
            record: dict[str, Any] = {k: values.get(k) for k in MEMBER_COLUMNS}
            initials, pinyin = name_keys(values["name"])  # one pypinyin pass for both keys
            record.update(
                id=first + offset,
                name_initials=initials,
                name_pinyin=pinyin,
                created_at=now,
                updated_at=now,
            )
            records.append(record)
            start = dues_service.start_month_for(values.get("join_date"), start_rule)
            if values.get("salary_base") is not None or start:
                dues_rows.append((record["id"], values.get("salary_base"), start, now))
        _bulk_insert(db, "members", ("id", *MEMBER_COLUMNS), records, note)
        record_issued(db, [(r["member_no"], r["id"]) for r in records], source=note)
        if dues_rows:
            db.conn.executemany(
                "INSERT INTO member_dues (member_id, salary_base_fen, dues_start_month, updated_at)"
                " VALUES (?, ?, ?, ?)",
                dues_rows,
            )

    def _update(self, db: sqlite_utils.Database, p: PlannedRow, note: str) -> None:
        """Replace the target's values with the row's non-empty ones (status untouched)."""
        assert p.target_id is not None  # an update always names the row it updates
        keys = [k for k in p.present if k not in ("status", "applied_on", "salary_base", "branch")]
        changes: dict[str, Any] = {k: p.values.get(k) for k in keys if p.values.get(k) is not None}
        if "branch" in p.present:
            changes["branch_id"] = p.values["branch_id"]
        # Derived from the ID number: keep them consistent with it.
        for key in ("birth_date", "gender"):
            if "id_number" in p.present and p.values.get(key):
                changes[key] = p.values[key]
        if p.action == "update_member":
            changes.pop("applied_on", None)
            if "name" in changes:
                initials, pinyin = name_keys(changes["name"])
                changes.update(name_initials=initials, name_pinyin=pinyin)
            changes["updated_at"] = audit.now_iso()
            audit.update(db, "members", int(p.target_id), changes, note=note)
            if "member_no" in changes:
                from guilin_union.services.members.numbers import record_issued

                record_issued(db, [(changes["member_no"], p.target_id)], source=note)
            if "salary_base" in p.present:
                from guilin_union.services.intake import dues as dues_service

                dues_service.set_dues_record(
                    db, int(p.target_id), salary_base_fen=p.values["salary_base"]
                )
        else:
            for key in ("join_date", "member_no"):
                changes.pop(key, None)
            changes["updated_at"] = audit.now_iso()
            audit.update(db, "intake_applications", int(p.target_id), changes, note=note)


def _once_in_file(
    seen: dict[str, int], value: str, row: int, err: Callable[..., None], key: str, what: str
) -> None:
    """A number may stand in one row of the file only: the first row is remembered."""
    if value in seen:
        err(key, f"与第{seen[value]}行的{what}重复")
    else:
        seen[value] = row


def _bulk_insert(
    db: sqlite_utils.Database,
    table: str,
    columns: tuple[str, ...],
    records: list[dict[str, Any]],
    note: str,
) -> None:
    """INSERT all records with one executemany, and one change-log entry per record (the
    same shape ``storage.audit.insert`` writes), also with one executemany."""
    if not records:
        return
    names = ", ".join(f"[{c}]" for c in columns)
    marks = ", ".join("?" for _ in columns)
    db.conn.executemany(
        f"INSERT INTO [{table}] ({names}) VALUES ({marks})",
        [[r.get(c) for c in columns] for r in records],
    )
    ts, user = audit.now_iso(), audit.os_user()
    db.conn.executemany(
        "INSERT INTO change_log (ts, os_user, table_name, row_id, action, before_json, after_json, note)"
        " VALUES (?, ?, ?, ?, 'insert', NULL, ?, ?)",
        [
            (
                ts,
                user,
                table,
                r["id"],
                json.dumps(
                    {c: r.get(c) for c in columns}, ensure_ascii=False, default=str, sort_keys=True
                ),
                note,
            )
            for r in records
        ],
    )


# ---------------------------------------------------------------------- the whole pipeline


def file_limits(db: sqlite_utils.Database) -> tuple[int, int]:
    """(max bytes, max rows) from the settings."""
    return int(float(settings.get(db, "import_max_megabytes")) * 1024 * 1024), int(
        settings.get(db, "import_max_rows")
    )


def validate_import(
    db: sqlite_utils.Database,
    path: str | Path,
    importer: MemberImporter,
    **options: Unpack[ReadOptions],
) -> tuple[ReadResult, ImportPlan]:
    """Read (with the size/row limits of the settings) and validate; nothing is written."""
    max_bytes, max_rows = file_limits(db)
    options["limits"] = {"max_rows": max_rows, "max_bytes": max_bytes}
    return validate_file(db, path, importer, order=_column_order, **options)


def _column_order(label: str) -> int:
    for i, f in enumerate(FIELDS):
        if label == f.header or label in f.synonyms:
            return i
    return len(FIELDS)


def import_file(
    db: sqlite_utils.Database,
    path: str | Path,
    *,
    as_: ImportAs = "applications",
    on_duplicate: OnDuplicate = "error",
    dry_run: bool = False,
    backup: bool = True,
    **options: Unpack[ReadOptions],
) -> ImportOutcome:
    """The whole import: read, validate every row, then (no errors, not a dry run) back up
    and write everything in one transaction. Whole-file problems raise ``WorkbookError``.

    ``options`` are ``sheet``, ``mapping``, ``progress`` and ``all_sheets`` (the size and
    row limits always come from the settings)."""
    importer = MemberImporter(as_=as_, on_duplicate=on_duplicate, source_name=Path(path).name)
    read, plan = validate_import(db, path, importer, **options)
    return finish_plan(db, importer, read, plan, dry_run=dry_run, backup=backup)
