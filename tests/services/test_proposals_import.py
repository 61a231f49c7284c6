"""Excel import of proposals: names matched to delegates, the submission rules, all or nothing."""

from __future__ import annotations

import pytest
from openpyxl import Workbook

from guilin_union.services import proposals
from guilin_union.services.import_common import run_import
from guilin_union.services.proposals.importer import ProposalImporter, split_names, write_template
from guilin_union.services.proposals.query import ProposalQuery, list_rows
from guilin_union.spreadsheets.reader import read_table
from tests.congress_fixtures import add_member, make_congress

HEADER = ["序号", "案由", "类别", "提案人", "附议人", "提交日期", "理由", "建议", "逾期说明"]


def _xlsx(path, rows, header=HEADER):
    wb = Workbook()
    ws = wb.active
    ws.append(["第三次会议提案汇总表"])
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


@pytest.fixture
def c(db):
    return make_congress(db, formal=6, attending=1, special=0, spare=1)


def test_split_names():
    assert split_names("张三、李四 王五，赵六") == ["张三", "李四", "王五", "赵六"]
    assert split_names(None) == []


def test_import_numbers_in_file_order(c, tmp_path):
    path = _xlsx(
        tmp_path / "提案.xlsx",
        [
            [
                1,
                "关于增设教工子女托管班的建议",
                "民生福利",
                "赵一",
                "钱二、孙三",
                "2024-02-20",
                "现状",
                "建议",
            ],
            [
                2,
                "关于完善职称评审办法的建议",
                "人事制度",
                "李四",
                "周五，吴六",
                "2024/2/21",
                "现状",
                "建议",
            ],
            [
                3,
                "关于增设教工子女暑假托管班的提案",
                "民生福利",
                "周五",
                "李四 吴六",
                "2024-03-02",
                "现状",
                "建议",
                "出差",
            ],
        ],
    )
    outcome = run_import(c.db, path, ProposalImporter(c.session_id))
    assert outcome.ok, outcome.errors
    assert outcome.imported == 3
    assert any("第 5 行" in n and "本文件第 3 行" in n for n in outcome.notes)  # 托管班 twice
    rows = list_rows(c.db, ProposalQuery(session_id=c.session_id))
    assert [(r["number"], r["proposer"]) for r in rows] == [
        ("2024-001", "赵一"),
        ("2024-002", "李四"),
        ("2024-003", "周五"),
    ]
    assert rows[2]["late_reason"] == "出差" and rows[1]["seconders"] == ["周五", "吴六"]
    assert "Excel 导入（第 3 行）" in proposals.events(c.db, rows[0]["id"])[0].note


def test_import_errors_at_every_rule_and_nothing_written(c, tmp_path):
    path = _xlsx(
        tmp_path / "bad.xlsx",
        [
            [1, "正常的一件提案", "民生福利", "赵一", "钱二、孙三", "2024-02-20"],
            [2, "附议人不足的提案", "民生福利", "赵一", "钱二", "2024-02-20"],
            [3, "提案人自己附议", "民生福利", "赵一", "赵一、钱二", "2024-02-20"],
            [4, "附议人不是代表", "民生福利", "赵一", "钱二、查无此人", "2024-02-20"],
            [5, "列席代表附议", "民生福利", "赵一", "钱二、郑七", "2024-02-20"],
            [6, "逾期无说明", "民生福利", "赵一", "钱二、孙三", "2024-03-05"],
            [7, "类别不对", "学生事务", "赵一", "钱二、孙三", "2024-02-20"],
        ],
    )
    outcome = run_import(c.db, path, ProposalImporter(c.session_id))
    messages = {e.row: (e.column, e.message) for e in outcome.errors}
    assert set(messages) == {4, 5, 6, 7, 8, 9}
    assert messages[4][0] == "附议人" and "至少需要 2 名" in messages[4][1]
    assert "不能同时是附议人" in messages[5][1]
    assert "不是本届代表" in messages[6][1]
    assert "列席代表" in messages[7][1]
    assert messages[8][0] == "逾期说明" and "逾期" in messages[8][1]
    assert messages[9][0] == "类别"
    assert c.db.execute("SELECT count(*) FROM proposals").fetchone()[0] == 0


def test_same_name_needs_the_staff_number(c, tmp_path):
    from guilin_union.services.congress import delegates

    twin = add_member(c.db, "赵一", c.branch_ids[1], 77)
    delegates.add_delegate(c.db, c.term_id, twin, start_date="2022-03-01")
    staff_no = c.db.execute("SELECT staff_no FROM members WHERE id = ?", [twin]).fetchone()[0]
    path = _xlsx(
        tmp_path / "twin.xlsx",
        [
            [1, "同名提案人", "民生福利", "赵一", "钱二、孙三", "2024-02-20"],
            [2, "写明工号的提案", "民生福利", f"赵一（{staff_no}）", "钱二、孙三", "2024-02-20"],
        ],
    )
    outcome = run_import(c.db, path, ProposalImporter(c.session_id))
    assert [e.row for e in outcome.errors] == [3] and "工号" in outcome.errors[0].message
    path = _xlsx(
        tmp_path / "twin2.xlsx",
        [[2, "写明工号的提案", "民生福利", f"赵一（{staff_no}）", "钱二、孙三", "2024-02-20"]],
    )
    outcome = run_import(c.db, path, ProposalImporter(c.session_id))
    assert outcome.ok
    assert (
        proposals.get_proposal(
            c.db, list_rows(c.db, ProposalQuery(session_id=c.session_id))[0]["id"]
        ).proposer_member_id
        == twin
    )


def test_template_reads_back(tmp_path):
    read = read_table(write_template(tmp_path / "模板.xlsx"), ProposalImporter(1).fields)
    assert (
        read.rows[0].values["title"].startswith("关于增设")
        and read.rows[0].values["seconders"] == "李四、王五"
    )


def test_split_names_keeps_padded_names_whole():
    assert split_names("姜\u3000博、田\u3000春") == ["姜博", "田春"]
    assert split_names("姜 博 田 春") == ["姜博", "田春"]
    assert split_names("钱二；孙三;周五 吴六") == ["钱二", "孙三", "周五", "吴六"]
    assert split_names("张三（2015 001）  李四") == ["张三（2015001）", "李四"]


def test_padded_proposer_and_seconders_are_delegates(c, tmp_path):
    path = _xlsx(
        tmp_path / "pad.xlsx",
        [
            [
                1,
                "关于增设教工子女托管班的建议",
                "民生福利",
                "赵\u3000一",
                "钱\u3000二、孙　三",
                "2024-02-20",
                "现状",
                "建议",
            ],
        ],
    )
    outcome = run_import(c.db, path, ProposalImporter(c.session_id))
    assert outcome.errors == [] and outcome.imported == 1
