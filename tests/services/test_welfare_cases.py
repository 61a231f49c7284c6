"""慰问, case by case (issue 22): relatives, causes, event dates, ranges, sub-kinds,
eligibility, per-分工会 standards — each rule at its boundary."""

from __future__ import annotations

import json

import pytest

from guilin_union.cli import main
from guilin_union.core.errors import ValidationError
from guilin_union.services import welfare
from guilin_union.services.members import branches
from guilin_union.services.welfare import cases as welfare_cases
from guilin_union.services.welfare import standards as welfare_standards
from tests.welfare_fixtures import YEAR, add_member, payment, setup


@pytest.fixture
def wdb(db):
    return setup(db)


def codes(db, data) -> list[str]:
    return [w.code for w in welfare.check(db, data)]


def death(m, day, relation, name, yuan="800", **extra):
    return payment(
        m, "直系亲属去世", day, yuan, relative_relation=relation, relative_name=name, **extra
    )


def test_same_relative_twice_is_a_frequency_warning_two_parents_are_not_duplicates(wdb):
    m = add_member(wdb)
    welfare.record_payment(wdb, death(m, f"{YEAR}-03-01", "父亲", "张大山"))
    assert codes(wdb, death(m, f"{YEAR}-08-01", "父亲", "张 大山")) == ["frequency"]
    # Another parent 19 days later: a different case, no false "可能重复".
    assert codes(wdb, death(m, f"{YEAR}-03-20", "母亲", "李秀英")) == []
    # Without a relative the old duplicate window still guards against double entry.
    assert codes(wdb, payment(m, "直系亲属去世", f"{YEAR}-03-05", "800")) == ["duplicate"]


def test_range_minimum_warns_and_exactly_the_minimum_passes(wdb):
    m = add_member(wdb)
    assert codes(wdb, payment(m, "生病住院", f"{YEAR}-05-01", "299.99")) == ["range"]
    assert codes(wdb, payment(m, "生病住院", f"{YEAR}-05-01", "300.00")) == []


def test_sub_kinds_have_their_own_amounts_and_share_the_yearly_count(wdb):
    welfare_standards.save_standard(
        wdb,
        {
            "year": YEAR,
            "type": "生病住院",
            "cap_fen": "1000",
            "min_fen": "300",
            "rule_kind": "每年限次",
            "max_per_year": 2,
            "sub_kinds": [
                {"name": "手术", "cap_fen": "600", "min_fen": "200"},
                {"name": "外地", "cap_fen": "1500"},
            ],
        },
    )
    m = add_member(wdb)
    assert codes(wdb, payment(m, "生病住院", f"{YEAR}-02-01", "250", sub_kind="手术")) == []
    assert codes(wdb, payment(m, "生病住院", f"{YEAR}-02-01", "650", sub_kind="手术")) == ["cap"]
    assert codes(wdb, payment(m, "生病住院", f"{YEAR}-02-01", "1200", sub_kind="外地")) == []
    assert codes(wdb, payment(m, "生病住院", f"{YEAR}-02-01", "500", sub_kind="牙科")) == ["range"]
    welfare.record_payment(wdb, payment(m, "生病住院", f"{YEAR}-02-01", "500", sub_kind="手术"))
    welfare.record_payment(wdb, payment(m, "生病住院", f"{YEAR}-06-01", "1200", sub_kind="外地"))
    # The third stay of the year, whatever its sub-kind, exceeds the type's 2 per year.
    assert "frequency" in codes(wdb, payment(m, "生病住院", f"{YEAR}-09-01", "400"))


def test_same_cause_once_a_year_when_keyed_by_cause(wdb):
    welfare_standards.save_standard(
        wdb,
        {
            "year": YEAR,
            "type": "重大疾病",
            "rule_kind": "每年限次",
            "max_per_year": 1,
            "frequency_key": "病因",
        },
    )
    m = add_member(wdb)
    welfare.record_payment(wdb, payment(m, "重大疾病", f"{YEAR}-02-01", "2000", cause="肿瘤"))
    assert codes(wdb, payment(m, "重大疾病", f"{YEAR}-07-01", "2000", cause="肿瘤")) == [
        "frequency"
    ]
    assert codes(wdb, payment(m, "重大疾病", f"{YEAR}-07-01", "2000", cause="心脏病")) == []


def test_eligibility_by_gender_and_employment(wdb):
    man = add_member(wdb, "王强", gender="男")
    woman = add_member(wdb, "李梅", gender="女", employment_type="其他")
    assert codes(wdb, payment(man, "生育", f"{YEAR}-05-01", "500")) == ["eligibility"]
    assert codes(wdb, payment(woman, "生育", f"{YEAR}-05-01", "500")) == []
    standard = welfare_standards.get_standard(wdb, YEAR, "结婚")
    data = welfare_standards.to_public_json(standard)
    data.update(excluded_employment=["其他"], year=YEAR)
    welfare_standards.save_standard(wdb, data)
    assert codes(wdb, payment(woman, "结婚", f"{YEAR}-05-01", "500")) == ["eligibility"]


def test_event_date_windows(wdb):
    data = welfare_standards.to_public_json(welfare_standards.get_standard(wdb, YEAR, "结婚"))
    data.update(event_after=f"{YEAR}-02-01", report_within_days=30)
    welfare_standards.save_standard(wdb, data)
    m = add_member(wdb)
    ok = payment(m, "结婚", f"{YEAR}-03-01", "500", event_date=f"{YEAR}-02-01")
    assert codes(wdb, ok) == []  # on the date and exactly 28 days after
    early = payment(m, "结婚", f"{YEAR}-03-01", "500", event_date=f"{YEAR}-01-31")
    assert codes(wdb, early) == ["event"]
    late = payment(m, "结婚", f"{YEAR}-04-10", "500", event_date=f"{YEAR}-03-01")
    assert codes(wdb, late) == ["event"]  # 40 days
    assert codes(wdb, payment(m, "结婚", f"{YEAR}-03-01", "500")) == ["event"]  # no date given


def test_branch_standard_inside_the_schools_and_chosen_from_the_members_branch(wdb):
    branch = branches.find_branch_id(wdb, "机关分工会")
    with pytest.raises(ValidationError, match="不能高于学校标准"):
        welfare_cases.set_branch_standard(wdb, YEAR, "生病住院", branch, cap_fen="1000.01")
    welfare_cases.set_branch_standard(wdb, YEAR, "生病住院", branch, cap_fen="800", min_fen="400")
    inside = add_member(wdb, "赵六", branch="机关分工会")
    outside = add_member(wdb, "钱七", branch="文学院分工会")
    assert codes(wdb, payment(inside, "生病住院", f"{YEAR}-05-01", "900")) == ["cap"]
    assert codes(wdb, payment(inside, "生病住院", f"{YEAR}-05-01", "350")) == ["range"]
    assert codes(wdb, payment(outside, "生病住院", f"{YEAR}-05-01", "900")) == []


def test_hardship_and_branch_amounts_are_fen_or_yuan_text_never_a_float(wdb):
    from guilin_union.services.welfare import hardship

    m = add_member(wdb)
    entry = {"year": YEAR, "member_id": m, "category": "因病致困"}
    for value, message in ((3000.0, "整数保存"), (-1, "不能为负数"), ("-1", "不能为负数")):
        with pytest.raises(ValidationError, match=message) as info:
            hardship.save_hardship(wdb, {**entry, "wage_fen": value})
        assert info.value.field == "wage_fen"
    row_id = hardship.save_hardship(
        wdb,
        {**entry, "wage_fen": "3,000.50", "other_income_fen": 1000, "household_income_fen": " "},
    ).row_id
    row = hardship.get_hardship(wdb, row_id)
    assert (row["wage_fen"], row["other_income_fen"], row["household_income_fen"]) == (
        300050,
        1000,
        None,
    )
    branch = branches.find_branch_id(wdb, "机关分工会")
    with pytest.raises(ValidationError, match="整数保存") as info:
        welfare_cases.set_branch_standard(wdb, YEAR, "生病住院", branch, min_fen=400.0)
    assert info.value.field == "min_fen"


def test_case_fields_are_stored_listed_and_the_account_masked(wdb, capsys):
    m = add_member(wdb)
    pid = welfare.record_payment(
        wdb,
        death(
            m,
            f"{YEAR}-03-01",
            "父亲",
            "张大山",
            cause="病故",
            event_date=f"{YEAR}-02-26",
            pay_method="银行转账",
            bank_account="6222 0212 3456 7890",
            bank_name="桂林银行",
            recipient_name="张三",
            evidence_checked=["死亡证明", "亲属关系证明"],
        ),
    ).row_id
    rows = welfare.list_payments(wdb, welfare.PaymentQuery(year=YEAR))
    data = welfare.to_public_json(next(r for r in rows if r["id"] == pid))
    assert data["relative_name"] == "张大山" and data["event_date"] == f"{YEAR}-02-26"
    assert data["bank_account_masked"] == "6222********7890"
    assert "3456" not in json.dumps(data, ensure_ascii=False)
    assert data["evidence_checked"] == ["死亡证明", "亲属关系证明"]
    with pytest.raises(ValidationError, match="账号"):
        welfare.validate_payment(
            wdb, payment(m, "结婚", f"{YEAR}-01-01", "500", pay_method="银行转账")
        )


def test_cli_add_dry_run_and_stop(db, tmp_path, capsys):
    setup(db)
    m = add_member(db, gender="男")
    path = db.conn.execute("PRAGMA database_list").fetchone()[2]
    db.conn.close()
    base = ["--db", path, "welfare", "add", "--member", str(m), "--json"]
    assert (
        main([*base, "--type", "生育", "--date", f"{YEAR}-05-01", "--amount", "500", "--dry-run"])
        == 0
    )
    out = json.loads(capsys.readouterr().out)
    assert out["id"] is None and [w["rule"] for w in out["warnings"]] == ["eligibility"]
    assert main([*base, "--type", "生病住院", "--date", f"{YEAR}-05-01", "--amount", "200"]) == 1
    captured = capsys.readouterr()
    assert json.loads(captured.out)["id"] is None and "accept-warnings" in captured.err
    code = main(
        [
            *base,
            "--type",
            "生病住院",
            "--date",
            f"{YEAR}-05-01",
            "--amount",
            "200",
            "--accept-warnings",
            "特殊困难",
        ]
    )
    assert code == 0 and json.loads(capsys.readouterr().out)["id"] > 0


def test_standards_table_report_and_json(wdb, tmp_path, capsys):
    import subprocess

    from guilin_union.services.welfare import outputs as welfare_outputs

    out, n = welfare_outputs.standards_pdf(wdb, tmp_path / "标准.pdf", YEAR)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert n == len(welfare_standards.list_standards(wdb, YEAR))
    assert "300.00–1,000.00 元" in text and "限女职工" in text
    data = welfare_standards.to_public_json(
        welfare_standards.get_standard(wdb, YEAR, "直系亲属去世")
    )
    assert data["frequency_key"] == "亲属" and data["range"] == "≤ 1,000.00 元"


def test_batch_average_cap_warns_like_the_other_batch_rules(wdb):
    from guilin_union.services.welfare import batches as wb
    from guilin_union.services.welfare.rules import PaymentWarnings

    data = welfare_standards.to_public_json(welfare_standards.get_standard(wdb, YEAR, "节日慰问"))
    data.update(average_cap_fen="300", year=YEAR)
    welfare_standards.save_standard(wdb, data)
    add_member(wdb)
    ok = wb.BatchRequest(year=YEAR, occasion="春节", amount_fen=30000)
    assert [w.code for w in wb.preview_batch(wdb, ok).warnings] == []
    over = wb.BatchRequest(year=YEAR, occasion="春节", amount_fen=30001)
    assert [w.code for w in wb.preview_batch(wdb, over).warnings] == ["average"]
    with pytest.raises(PaymentWarnings):
        wb.create_batch(wdb, over)


def test_import_reads_the_case_columns_and_checks_them(wdb, tmp_path):
    from openpyxl import Workbook

    from guilin_union.services.import_common import run_import
    from guilin_union.services.welfare.importer import WelfareImporter

    def import_file(db, path):
        return run_import(db, path, WelfareImporter())

    m = add_member(wdb, "赵大", staff_no="T100")
    welfare.record_payment(wdb, death(m, f"{YEAR}-01-05", "父亲", "赵老汉"))
    book = Workbook()
    sheet = book.active
    sheet.append(
        [
            "姓名",
            "工号",
            "慰问类型",
            "慰问日期",
            "金额",
            "亲属关系",
            "亲属姓名",
            "去世日期",
            "银行账号",
        ]
    )
    sheet.append(
        [
            "赵大",
            "T100",
            "直系亲属去世",
            f"{YEAR}-06-01",
            "800",
            "母亲",
            "钱老太",
            f"{YEAR}-05-28",
            "6217 0000 1111 2222",
        ]
    )
    path = tmp_path / "慰问.xlsx"
    book.save(path)
    outcome = import_file(wdb, path)
    assert not outcome.errors and outcome.imported == 1
    row = wdb.execute(
        "SELECT relative_relation, relative_name, event_date, bank_account FROM welfare_payments"
        " WHERE relative_name = '钱老太'"
    ).fetchone()
    assert row == ("母亲", "钱老太", f"{YEAR}-05-28", "6217000011112222")
    sheet["G2"] = "赵老汉"
    sheet["F2"] = "父亲"
    book.save(path)
    again = import_file(wdb, path)
    assert again.errors and "该亲属" in again.errors[0].message


def test_approval_and_hardship_forms_print_the_case(wdb, tmp_path):
    import subprocess

    from guilin_union.services.welfare import hardship as welfare_hardship
    from guilin_union.services.welfare import outputs as welfare_outputs

    m = add_member(wdb, "孙九")
    pid = welfare.record_payment(
        wdb,
        death(
            m,
            f"{YEAR}-03-01",
            "母亲",
            "周秀英",
            cause="病故",
            event_date=f"{YEAR}-02-25",
            pay_method="银行转账",
            bank_account="6217000011112222333",
            evidence_checked=["死亡证明"],
        ),
    ).row_id
    out, n = welfare_outputs.approval_pdf(wdb, tmp_path / "审批表.pdf", [pid])
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert n == 1
    for expected in (
        "会员慰问审批表",
        "孙九",
        "母亲 周秀英",
        "捌佰元整",
        "校工会审批意见",
        "领款人签收",
    ):
        assert expected in text, expected
    assert "6217000011112222333" not in text and "6217" in text  # masked
    welfare_hardship.save_hardship(
        wdb,
        {
            "year": YEAR,
            "member_id": m,
            "category": "因病致困",
            "wage_fen": "3000",
            "household_income_fen": "4500",
            "household_size": 3,
            "family_members": "配偶 无业",
        },
    )
    out, _n = welfare_outputs.hardship_pdf(wdb, tmp_path / "申请表.pdf", m)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    for expected in (
        "职工困难补助申请表",
        "3,000.00 元",
        "4,500.00 元",
        "1,500.00 元",
        "配偶 无业",
    ):
        assert expected in text, expected
