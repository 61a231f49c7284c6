"""Every activity printout, generated from a small database and read back with pypdf."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from guilin_union.reports.activities.info import ActivityInfo, AwardLine, EventAwards, StandingLine
from guilin_union.services import activities as activities_service
from guilin_union.services.activities import budget, outputs, registration, results
from tests import activities_fixtures as fx
from tests.reports._pdf import page_texts, squash

NAME = "第二十二届田径运动会暨教职工亲子运动会"


@pytest.fixture
def meet(db):
    people = fx.setup(db)
    a = fx.make_activity(
        db,
        places=6,
        event_limit=2,
        events=[
            "男子100米",
            "女子100米",
            {"name": "4×100米接力", "kind": "团体", "points_weight": 2},
        ],
    )
    ev = fx.event_ids(db, a)
    registration.register_members(
        db, a, [people[n] for n in ("张伟", "王强", "陈杰", "赵磊")], event_ids=[ev["男子100米"]]
    )
    registration.register_members(
        db, a, [people[n] for n in ("李娜", "刘芳", "杨静")], event_ids=[ev["女子100米"]]
    )
    registration.register_members(db, a, [people["黄丽"]], role="裁判")
    for name, rank, score in (
        ("张伟", 1, "12.31秒"),
        ("王强", 2, "12.80秒"),
        ("陈杰", 3, "13.05秒"),
    ):
        results.record_result(
            db,
            a,
            ev["男子100米"],
            participant_id=fx.participant_id(db, a, people[name]),
            rank=rank,
            score=score,
            award="一等奖" if rank == 1 else "二等奖",
        )
    results.record_result(
        db, a, ev["4×100米接力"], branch_id=fx.branch_id(db, "机关分工会"), rank=1
    )
    budget.add_line(db, a, kind="预算", category="奖品", amount=200000)
    budget.add_line(db, a, kind="预算", category="器材", amount=80000)
    budget.add_line(db, a, kind="支出", category="奖品", amount=212345, spent_on="2024-11-20")
    activities_service.set_summary(db, a, "本届运动会共有8名教职工参加。")
    return db, people, a


def _text(path) -> str:
    return squash("".join(page_texts(path)))


@pytest.mark.parametrize(
    "module",
    [
        "common",
        "info",
        "participants",
        "results",
        "signup",
        "summary",
        "team_points",
        "year_budget",
    ],
)
def test_docstring_examples(module: str) -> None:
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(f"guilin_union.reports.activities.{module}"))
    assert result.attempted > 0 and result.failed == 0


def test_signup_form_one_page_per_branch_with_the_details(meet, tmp_path):
    db, _people, a = meet
    path = outputs.signup_form_pdf(db, a, tmp_path / "报名表.pdf")
    pages = page_texts(path)
    assert len(pages) == 3
    for page, branch in zip(pages, fx.BRANCHES):
        flat = squash(page)
        assert f"{NAME}报名表" in flat
        assert f"报送单位：{branch}" in flat
        assert "2024年11月15日至2024年11月16日" in flat and "田径场" in flat
        assert "男子100米女子100米4×100米接力" in flat  # one tick column per event
        assert "在报名的项目下打“√”，每人限报2项" in flat
        assert "分工会主席：" in flat
    blank = page_texts(outputs.signup_form_pdf(db, a, tmp_path / "空白.pdf", blank=True))
    assert len(blank) == 1 and "报送单位：____" in squash(blank[0])


def test_participant_list_grouped_by_branch_with_counts_and_waiting_list(meet, tmp_path):
    db, _people, a = meet
    path, n = outputs.participants_pdf(db, a, tmp_path / "名单.pdf")
    text = _text(path)
    assert n == 7  # six places taken plus the referee; one waiting
    assert f"{NAME}参加人员名单" in text
    assert "文学院分工会（共3人）" in text and "机关分工会（共3人）" in text
    assert "候补名单（共1人" in text and "杨静" in text
    assert "共7人，其中运动员6人，裁判1人；另有候补1人" in text
    assert text.index("张伟") < text.index("机关分工会（共")


def test_sign_in_sheet_has_a_signature_column_and_no_waiting_list(meet, tmp_path):
    db, _people, a = meet
    path, _n = outputs.participants_pdf(db, a, tmp_path / "签到.pdf", sign_in=True)
    text = _text(path)
    assert f"{NAME}签到表" in text and "签到" in text and "候补名单" not in text


def test_award_list_and_team_table(meet, tmp_path):
    db, _people, a = meet
    text = _text(outputs.results_pdf(db, a, tmp_path / "获奖.pdf"))
    assert f"{NAME}获奖名单" in text
    assert "第1名张伟文学院分工会12.31秒一等奖" in text
    assert "4×100米接力（团体）" in text and "第1名机关分工会" in text
    assert "团体总分" in text and "计分办法：第1名7分" in text
    team = _text(outputs.team_points_pdf(db, a, tmp_path / "团体.pdf"))
    # 机关: 5 (2nd) + 7 × 2 (relay) = 19; 文学院 7; 信工 4.
    assert "1机关分工会" in team and team.index("机关分工会") < team.index(
        "文学院分工会"
    ) < team.index("信息工程学院分工会")
    assert "19" in team and "裁判长：" in team


def test_summary_sheet_with_budget_against_actual(meet, tmp_path):
    db, _people, a = meet
    text = _text(outputs.summary_pdf(db, a, tmp_path / "总结.pdf"))
    for part in (
        "一、基本情况",
        "二、参加情况",
        "三、成绩与奖项",
        "四、经费预算与实际支出",
        "五、活动总结",
    ):
        assert part in text
    assert "预算合计：2,800.00元（大写：贰仟捌佰元整）" in text
    assert "实际支出合计：2,123.45元" in text
    assert "“奖品”超支123.45元" in text
    assert "本届运动会共有8名教职工参加。" in text
    assert "合计3个分工会" in text


def test_year_budget_summary(meet, tmp_path):
    db, _people, a = meet
    text = _text(outputs.year_budget_pdf(db, 2024, tmp_path / "年度.pdf"))
    assert "2024年活动经费汇总表" in text
    assert "文体活动" in text and "2,800.00" in text and "2,123.45" in text and NAME in text


def test_user_text_is_escaped_not_parsed(tmp_path):
    from guilin_union.reports.activities.results import build_award_list
    from guilin_union.reports.activities.signup import build_signup_form

    info = ActivityInfo(
        "R&D <b>杯</b> 比赛",
        "文体活动",
        "校工会",
        "2024-05-10",
        events=("A<B",),
        description="<img src='x'> & 内容",
    )
    path = build_signup_form(
        tmp_path / "a.pdf", info, ["文学院分工会"], institution="桂林学院工会委员会"
    )
    assert "R&D<b>杯</b>比赛报名表" in _text(path)
    events = [EventAwards("A<B", lines=(AwardLine(1, "张<三>", "文学院分工会", "1&2", "金奖"),))]
    path = build_award_list(
        tmp_path / "b.pdf",
        info,
        events,
        institution="桂林学院工会委员会",
        standings=[StandingLine(1, "文学院分工会", "7", (1,))],
    )
    text = _text(path)
    assert "张<三>" in text and "1&2" in text


def test_excel_exports_of_participants_and_results(meet, tmp_path):
    db, _people, a = meet
    path, n = outputs.export_participants(db, a, tmp_path / "参加人员.xlsx")
    ws = load_workbook(path)["参加人员"]
    header = [c.value for c in ws[2]]
    assert header[:5] == ["序号", "分工会", "姓名", "性别", "工号"] and n == 8
    ids = [row[header.index("身份证号")] for row in ws.iter_rows(min_row=3, values_only=True)]
    assert all("*" in value for value in ids)
    logged_before = db.execute(
        "SELECT count(*) FROM change_log WHERE action = 'reveal'"
    ).fetchone()[0]
    outputs.export_participants(db, a, tmp_path / "完整.xlsx", unmasked=True)
    assert (
        db.execute("SELECT count(*) FROM change_log WHERE action = 'reveal'").fetchone()[0]
        == logged_before + 1
    )
    wb = load_workbook(outputs.export_results(db, a, tmp_path / "成绩.xlsx"))
    assert wb.sheetnames == ["成绩", "团体总分"]
    team = list(wb["团体总分"].iter_rows(min_row=3, values_only=True))
    assert team[0][1] == "机关分工会" and team[0][-1] == 19
