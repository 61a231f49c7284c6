"""The dues and funds commands: JSON contracts, exit codes, and the budget's actuals drawn
from the welfare and activity records to the 分."""

from __future__ import annotations

import json

import pytest

from guilin_union.cli import main
from guilin_union.services.members import branches
from guilin_union.storage import open_database
from tests.money_fixtures import DUES, add_people, correct_rows, deduction_file


@pytest.fixture
def dbfile(tmp_path):
    path = tmp_path / "cli.db"
    db = open_database(path)
    for name in ("文学院分工会", "机关分工会"):
        branches.add_branch(db, name)
    ids = add_people(db)
    db.conn.close()
    return path, ids


def run(path, capsys, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(path), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


LEDGER_KEYS = {
    "member_id",
    "member_no",
    "name",
    "staff_no",
    "branch",
    "month",
    "base_fen",
    "due_fen",
    "paid_fen",
    "arrears_fen",
    "method",
    "paid_on",
    "source",
    "recorded_by",
    "recorded_at",
    "note",
}


def test_import_with_one_wrong_amount_exits_1_and_writes_nothing(dbfile, capsys, tmp_path):
    path, _ = dbfile
    rows = correct_rows()
    rows[1] = ("T002", "李四", "20.50")
    xlsx = deduction_file(tmp_path / "代扣.xlsx", rows)
    code, out, _ = run(path, capsys, "dues", "import", str(xlsx), "--month", "2025-03", "--json")
    data = json.loads(out)
    assert code == 1
    assert [(e["row"], e["column"], e["value"]) for e in data["errors"]] == [(4, "金额", "20.50")]
    code, out, _ = run(path, capsys, "dues", "ledger", "--month", "2025-03", "--json")
    assert code == 0 and all(r["paid_fen"] == 0 for r in json.loads(out))


def test_import_then_ledger_json(dbfile, capsys, tmp_path):
    path, _ = dbfile
    xlsx = deduction_file(tmp_path / "代扣.xlsx", correct_rows())
    code, out, _ = run(
        path, capsys, "dues", "import", str(xlsx), "--month", "2025-03", "--dry-run", "--json"
    )
    assert code == 0 and json.loads(out) == {
        "imported": 4,
        "skipped": 0,
        "updated": 0,
        "dry_run": True,
    }
    code, out, _ = run(path, capsys, "dues", "import", str(xlsx), "--month", "2025-03", "--json")
    assert code == 0 and json.loads(out)["imported"] == 4
    code, out, _ = run(path, capsys, "dues", "ledger", "--month", "2025-03", "--json")
    rows = json.loads(out)
    assert code == 0 and set(rows[0]) == LEDGER_KEYS
    assert {r["staff_no"]: (r["due_fen"], r["paid_fen"], r["method"]) for r in rows} == {
        k: (v, v, "代扣") for k, v in DUES.items()
    }


def test_pay_remit_arrears_history(dbfile, capsys):
    path, ids = dbfile
    for month in ("2025-01", "2025-02"):
        assert run(path, capsys, "dues", "open", "--month", month)[0] == 0
    code, out, _ = run(
        path, capsys, "dues", "pay", str(ids["T001"]), "--month", "2025-01",
        "--method", "现金", "--on", "2025-01-15", "--json",
    )  # fmt: skip
    assert code == 0 and json.loads(out)["paid_fen"] == 2835
    code, _, err = run(
        path, capsys, "dues", "remit", "--branch", "机关分工会", "--month", "2025-01",
        "--all-unpaid", "--total", "40.00",
    )  # fmt: skip
    assert code == 1 and "不符" in err
    code, _, _ = run(
        path, capsys, "dues", "remit", "--branch", "机关分工会", "--month", "2025-01",
        "--all-unpaid", "--total", "45.60", "--on", "2025-01-31",
    )  # fmt: skip
    assert code == 0
    code, out, _ = run(path, capsys, "dues", "arrears", "--months", "2", "--json")
    owing = {a["staff_no"]: a for a in json.loads(out)}
    assert set(owing) == {"T002"} and owing["T002"]["months"] == 2
    assert owing["T002"]["arrears_fen"] == 4000
    code, out, _ = run(path, capsys, "dues", "history", str(ids["T001"]), "--json")
    assert [r["month"] for r in json.loads(out)] == ["2025-02", "2025-01"]
    code, _, err = run(path, capsys, "dues", "ledger", "--month", "2025-13", "--json")
    assert code == 1 and err


def test_funds_plan_expense_budget(dbfile, capsys, tmp_path):
    path, _ = dbfile
    xlsx = deduction_file(tmp_path / "代扣.xlsx", correct_rows())
    run(path, capsys, "dues", "import", str(xlsx), "--month", "2025-03", "--json")
    assert run(path, capsys, "funds", "plan", "--year", "2025", "--category", "会费收入",
               "--amount", "1000")[0] == 0  # fmt: skip
    assert run(path, capsys, "funds", "plan", "--year", "2025", "--category", "50301",
               "--amount", "500.00")[0] == 0  # fmt: skip
    code, out, _ = run(
        path, capsys, "funds", "expense", "add", "--category", "培训", "--amount", "120.50",
        "--date", "2025-04-02", "--description", "工会干部培训资料费", "--voucher", "记-0412",
        "--json",
    )  # fmt: skip
    assert code == 0 and json.loads(out)["amount_fen"] == 12050
    code, _, err = run(
        path, capsys, "funds", "expense", "add", "--category", "业务支出", "--amount", "1",
        "--date", "2025-04-02", "--description", "x",
    )  # fmt: skip
    assert code == 1 and "下级科目" in err
    code, out, _ = run(path, capsys, "funds", "budget", "--year", "2025", "--json")
    data = json.loads(out)
    by = {c["code"]: c for c in data["categories"]}
    assert by["401"]["planned_fen"] == 100000 and by["401"]["actual_fen"] == sum(DUES.values())
    assert by["401"]["sources"]["dues"] == sum(DUES.values())
    assert by["50301"]["actual_fen"] == 12050 and by["50301"]["percent"] == "24.1"
    assert by["503"]["planned_fen"] == 50000 and by["503"]["actual_fen"] == 12050
    assert data["spending_actual_fen"] == 12050
    code, out, _ = run(path, capsys, "funds", "expense", "list", "--year", "2025", "--json")
    assert [r["voucher_no"] for r in json.loads(out)] == ["记-0412"]


@pytest.fixture
def demo_file(tmp_path):
    from guilin_union.services.demo import populate_demo

    path = tmp_path / "demo.db"
    db = open_database(path)
    populate_demo(db, seed=7)
    db.conn.close()
    return path


def test_budget_actuals_equal_welfare_and_activity_records(demo_file, capsys):
    """The done-means check: welfare actuals = that year's paid welfare payments from 校工会
    funds as `welfare list` shows them, activity actuals = `activities list`, to the 分."""
    code, out, _ = run(demo_file, capsys, "welfare", "list", "--json")
    years = sorted({p["year"] for p in json.loads(out)})
    assert years
    checked = 0
    for year in years:
        _, out, _ = run(demo_file, capsys, "welfare", "standards", "--year", str(year), "--json")
        payer = {s["type"]: s["payer"] for s in json.loads(out)}
        _, out, _ = run(
            demo_file, capsys, "welfare", "list", "--year", str(year), "--state", "已发放", "--json"
        )
        paid = json.loads(out)
        school = sum(p["amount_fen"] for p in paid if payer.get(p["type"], "校工会") == "校工会")
        branch = sum(p["amount_fen"] for p in paid if payer.get(p["type"], "校工会") == "分工会")
        _, out, _ = run(demo_file, capsys, "activities", "list", "--year", str(year), "--json")
        activities = sum(a["budget_actual_fen"] for a in json.loads(out))
        code, out, _ = run(demo_file, capsys, "funds", "budget", "--year", str(year), "--json")
        data = json.loads(out)
        top = [c for c in data["categories"] if c["level"] == 1]
        assert code == 0
        assert sum(c["sources"]["welfare"] for c in top) == school
        assert sum(c["sources"]["activities"] for c in top) == activities
        assert data["branch_paid_welfare_fen"] == branch
        checked += bool(school) + bool(activities)
    assert checked  # the demo has real money in at least one year


def test_rule_categories_and_map_commands(dbfile, capsys):
    path, _ = dbfile
    code, out, _ = run(path, capsys, "dues", "rule", "--year", "2025", "--json")
    assert code == 0 and json.loads(out) is None
    code, out, _ = run(
        path, capsys, "dues", "rule", "--year", "2025", "--months", "3",
        "--types", "生病住院,结婚", "--json",
    )  # fmt: skip
    data = json.loads(out)
    assert code == 0 and data["max_arrears_months"] == 3 and data["types"] == ["生病住院", "结婚"]
    code, _, err = run(path, capsys, "dues", "rule", "--year", "2025", "--months", "2",
                       "--types", "旅游")  # fmt: skip
    assert code == 1 and "不存在" in err
    code, out, _ = run(path, capsys, "dues", "rule", "--year", "2025", "--off", "--json")
    assert json.loads(out) is None
    code, out, _ = run(path, capsys, "funds", "categories", "--add", "50304", "--name",
                       "信息化建设", "--kind", "支出", "--parent", "503", "--json")  # fmt: skip
    assert code == 0 and {"code": "50304", "kind": "支出", "name": "信息化建设",
                          "parent": "503", "level": 2} in json.loads(out)  # fmt: skip
    code, _, err = run(path, capsys, "funds", "categories", "--remove", "503")
    assert code == 1 and "下级科目" in err
    code, out, _ = run(path, capsys, "funds", "map", "--welfare", "生病住院", "--category",
                       "50304", "--json")  # fmt: skip
    assert code == 0 and json.loads(out)["welfare"]["生病住院"] == "50304"
    code, _, err = run(path, capsys, "funds", "map", "--activity", "文体活动", "--category", "401")
    assert code == 1 and "不是支出科目" in err
