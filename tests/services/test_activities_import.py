"""Sign-up import: the per-activity template, matching people, row errors, all or nothing."""

from __future__ import annotations

import pytest
from openpyxl import Workbook, load_workbook

from guilin_union.services.activities import registration
from guilin_union.services.activities.importer import (
    SignupImporter,
    import_signups,
    template_activity,
    write_signup_template,
)
from tests import activities_fixtures as fx

HEADER_ROW = 4


@pytest.fixture
def setup(db, tmp_path):
    people = fx.setup(db)
    a = fx.make_activity(db, places=3, event_limit=2, events=["男子100米", "女子100米", "跳远"])
    return db, people, a, tmp_path


def _fill(path, rows):
    """Write rows (dicts keyed by template header) below the template's header row."""
    wb = load_workbook(path)
    ws = wb["报名表"]
    headers = {ws.cell(HEADER_ROW, c).value: c for c in range(1, ws.max_column + 1)}
    for offset, row in enumerate(rows, start=1):
        for header, value in row.items():
            column = next(c for h, c in headers.items() if h and h.startswith(header))
            ws.cell(HEADER_ROW + offset, column, value)
    wb.save(path)
    return path


def test_template_is_prefilled_with_the_activity_and_has_drop_downs(setup):
    db, _people, a, tmp = setup
    path = write_signup_template(
        db, a, tmp / "报名表.xlsx", branch_id=fx.branch_id(db, "机关分工会")
    )
    wb = load_workbook(path)
    ws = wb["报名表"]
    assert ws["A1"].value == "第二十二届田径运动会暨教职工亲子运动会报名表（机关分工会）"
    assert "报名截止：2024年11月1日" in ws["A2"].value and "每人限报2项" in ws["A2"].value
    headers = [ws.cell(HEADER_ROW, c).value for c in range(1, ws.max_column + 1)]
    assert headers == [
        "序号",
        "分工会",
        "姓名",
        "工号",
        "身份证号",
        "角色",
        "男子100米（报名打√）",
        "女子100米（报名打√）",
        "跳远（报名打√）",
        "备注",
    ]
    assert ws.cell(HEADER_ROW + 1, 2).value == "机关分工会"
    assert ws.cell(HEADER_ROW + 1, 5).number_format == "@"  # ID numbers stay text
    validations = {
        str(dv.sqref).split(":")[0][:1]: dv.formula1 for dv in ws.data_validations.dataValidation
    }
    assert set(validations) >= {"B", "F", "G", "H", "I"}
    assert validations["G"] == '"√"'
    assert wb["模板信息"].sheet_state == "hidden"
    assert template_activity(path) == (a, "第二十二届田径运动会暨教职工亲子运动会")


def test_filled_template_imports_people_in_file_order_with_the_waiting_list(setup):
    db, people, a, tmp = setup
    path = _fill(
        write_signup_template(db, a, tmp / "t.xlsx"),
        [
            {
                "分工会": "文学院分工会",
                "姓名": "张伟",
                "工号": "S001",
                "男子100米": "√",
                "跳远": "√",
            },
            {"姓名": "李娜", "身份证号": fx.id_for(2, "女"), "女子100米": "√", "角色": "运动员"},
            {"姓名": "王强", "工号": "s003", "角色": "领队", "备注": "带队"},
            {"姓名": "刘芳", "工号": "S004", "女子100米": "√"},
            {"姓名": "陈杰", "工号": "S005", "角色": "裁判"},
        ],
    )
    outcome = import_signups(db, a, path)
    assert outcome.to_json() == {"imported": 5, "skipped": 0, "updated": 0}
    assert fx.statuses(db, a) == {
        "张伟": "已报名",
        "李娜": "已报名",
        "王强": "已报名",
        "刘芳": "候补",
        "陈杰": "已报名",
    }
    rows = {r["name"]: r for r in registration.list_participants(db, a)}
    assert rows["张伟"]["events"] == ["男子100米", "跳远"]
    assert (rows["王强"]["role"], rows["王强"]["notes"], rows["王强"]["source"]) == (
        "领队",
        "带队",
        "导入",
    )
    assert any("刘芳" in note for note in outcome.notes)


def test_every_bad_row_is_reported_and_nothing_is_written(setup):
    db, people, a, tmp = setup
    from guilin_union.services.members import status as member_status

    member_status.record_status_change(
        db, people["杨静"], "退会", on="2024-01-01", reason="本人申请"
    )
    path = _fill(
        write_signup_template(db, a, tmp / "t.xlsx"),
        [
            {"姓名": "张伟", "工号": "S001", "男子100米": "√"},  # 5: fine
            {"姓名": "张三", "工号": "S002"},  # 6: name disagrees
            {"姓名": "王强", "工号": "S999"},  # 7: unknown staff number
            {"姓名": "刘芳", "工号": "S004", "分工会": "文学院分工会"},  # 8: not her branch
            {
                "姓名": "陈杰",
                "工号": "S005",
                "男子100米": "√",
                "女子100米": "√",
                "跳远": "√",
            },  # 9: over the limit
            {"姓名": "张伟", "工号": "S001"},  # 10: same person twice
            {"姓名": "杨静", "工号": "S006"},  # 11: left the union
            {"姓名": "赵磊"},  # 12: nothing to match on
            {"姓名": "黄丽", "工号": "S008", "角色": "啦啦队"},  # 13: unknown role
        ],
    )
    outcome = import_signups(db, a, path)
    errors = {(e.row, e.column): e.message for e in outcome.errors}
    assert errors[(6, "姓名")] == "姓名与会员名册不符：工号“S002”在名册中是“李娜”"
    assert errors[(7, "工号")] == "会员名册中没有工号为“S999”的会员"
    assert errors[(8, "分工会")] == "刘芳在会员名册中属于“机关分工会”"
    assert "陈杰报了 3 个项目" in errors[(9, "男子100米（报名打√）")]
    assert errors[(10, "姓名")] == "与第 5 行是同一人（张伟）"
    assert "会籍状态为“退会”" in errors[(11, "姓名")]
    assert "工号或身份证号" in errors[(12, "工号")]
    assert "啦啦队" in errors[(13, "角色")]
    assert fx.statuses(db, a) == {}
    data = outcome.to_json()
    assert set(data) == {"errors"} and set(data["errors"][0]) == {
        "row",
        "column",
        "value",
        "message",
    }


def test_id_number_stored_as_a_number_is_an_error(setup):
    db, _people, a, tmp = setup
    path = write_signup_template(db, a, tmp / "t.xlsx")
    wb = load_workbook(path)
    ws = wb["报名表"]
    ws.cell(HEADER_ROW + 1, 3, "李娜")
    cell = ws.cell(HEADER_ROW + 1, 5, int(fx.id_for(2, "女")[:15]))
    cell.number_format = "0"
    wb.save(path)
    outcome = import_signups(db, a, path)
    assert [e.column for e in outcome.errors] == ["身份证号"]
    assert "文本" in outcome.errors[0].message


def test_dry_run_writes_nothing(setup):
    db, _people, a, tmp = setup
    path = _fill(write_signup_template(db, a, tmp / "t.xlsx"), [{"姓名": "张伟", "工号": "S001"}])
    outcome = import_signups(db, a, path, dry_run=True)
    assert outcome.to_json() == {"imported": 1, "skipped": 0, "updated": 0, "dry_run": True}
    assert fx.statuses(db, a) == {}


def test_a_form_for_another_activity_is_refused(setup):
    db, _people, a, tmp = setup
    other = fx.make_activity(db, name="教职工气排球比赛", events=["男子100米"])
    path = _fill(
        write_signup_template(db, other, tmp / "t.xlsx"), [{"姓名": "张伟", "工号": "S001"}]
    )
    outcome = import_signups(db, a, path)
    assert len(outcome.errors) == 1
    assert "教职工气排球比赛" in outcome.errors[0].message
    assert fx.statuses(db, a) == {} and fx.statuses(db, other) == {}


def test_existing_registrations_are_skipped_or_updated(setup):
    db, people, a, tmp = setup
    ev = fx.event_ids(db, a)
    registration.register_members(db, a, [people["张伟"]], event_ids=[ev["男子100米"]])
    registration.register_members(db, a, [people["李娜"]], event_ids=[ev["女子100米"]])
    path = _fill(
        write_signup_template(db, a, tmp / "t.xlsx"),
        [
            {"姓名": "张伟", "工号": "S001", "男子100米": "√"},  # unchanged
            {"姓名": "李娜", "工号": "S002", "女子100米": "√", "跳远": "√"},  # one more event
        ],
    )
    outcome = import_signups(db, a, path)
    assert outcome.to_json() == {"imported": 0, "skipped": 1, "updated": 1}
    rows = {r["name"]: r for r in registration.list_participants(db, a)}
    assert rows["李娜"]["events"] == ["女子100米", "跳远"]


def test_a_self_made_sheet_with_an_events_column_is_understood(setup):
    db, _people, a, tmp = setup
    wb = Workbook()
    ws = wb.active
    ws.append(["2024年田径运动会报名汇总"])
    ws.append(["序号", "单位", "姓名", "工号", "项目"])
    ws.append([1, "文学院分工会", "张伟", "S001", "男子100米、跳远"])
    ws.append([2, "机关分工会", "王强", "S003", "铅球"])
    path = tmp / "汇总.xlsx"
    wb.save(path)
    outcome = import_signups(db, a, path)
    assert [(e.row, e.column) for e in outcome.errors] == [(4, "项目")]
    assert "没有名为“铅球”的项目" in outcome.errors[0].message


def test_importer_holds_no_connection_and_names_its_area(setup):
    db, _people, a, _tmp = setup
    importer = SignupImporter.for_activity(db, a)
    assert importer.areas == ("activities",)
    assert [f.header for f in importer.fields][:5] == ["分工会", "姓名", "工号", "身份证号", "角色"]
    assert not any(hasattr(v, "execute") for v in vars(importer).values())


def test_names_padded_with_a_full_width_space_match_the_register(setup):
    db, _people, a, tmp = setup
    path = _fill(
        write_signup_template(db, a, tmp / "pad.xlsx"),
        [{"姓名": "李\u3000娜", "工号": "S002"}, {"姓名": "王 强", "工号": "S003"}],
    )
    outcome = import_signups(db, a, path)
    assert outcome.errors == [] and outcome.imported == 2
