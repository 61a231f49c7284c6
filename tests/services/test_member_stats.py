from __future__ import annotations

import datetime as dt

from guilin_union.services import settings
from guilin_union.services.members import stats as member_stats
from tests.intake_fixtures import add_member, resident_id


def _table(stats, prefix):
    return next(t for t in stats.tables if t.title.startswith(prefix))


def test_counts_by_branch_gender_age_title_employment_status(branch_db):
    add_member(
        branch_db,
        name="甲",
        id_number=resident_id(dt.date(1990, 3, 7), 1, "男"),
        title="讲师",
        employment_type="在编",
    )
    add_member(
        branch_db,
        name="乙",
        id_number=resident_id(dt.date(1960, 1, 1), 2, "女"),
        title="教授",
        employment_type="合同",
        status="保留会籍",
    )
    add_member(
        branch_db,
        name="丙",
        branch="机关分工会",
        id_number=resident_id(dt.date(2000, 1, 1), 3, "女"),
    )
    add_member(branch_db, name="丁", branch="机关分工会", status="转出")
    stats = member_stats.member_statistics(branch_db, as_of=dt.date(2024, 6, 1))
    t1 = _table(stats, "按分工会、性别")
    assert t1.columns[:3] == ["合计", "男", "女"]
    rows = dict(t1.rows)
    assert rows["文学院分工会"][:3] == [2, 1, 1]
    bands = t1.columns[3:]
    assert bands[:5] == ["30岁及以下", "31-40岁", "41-50岁", "51-60岁", "61岁及以上"]
    assert rows["文学院分工会"][3 + bands.index("31-40岁")] == 1  # 34 years old
    assert rows["文学院分工会"][3 + bands.index("61岁及以上")] == 1  # 64 years old
    assert rows["机关分工会"][0] == 1  # 转出 not counted as a current member
    assert t1.total[0] == 3
    levels = dict(_table(stats, "按分工会、职称级别").rows)
    t3 = _table(stats, "按分工会、职称级别")
    assert levels["文学院分工会"][t3.columns.index("正高级")] == 1
    assert levels["文学院分工会"][t3.columns.index("中级")] == 1
    status = _table(stats, "按分工会、会籍状态")
    assert dict(status.rows)["机关分工会"][status.columns.index("转出")] == 1
    assert status.total[0] == 4
    emp = _table(stats, "按分工会、用工形式")
    assert dict(emp.rows)["文学院分工会"][emp.columns.index("合同")] == 1
    titles = dict(_table(stats, "按职称").rows)
    assert titles["教授"] == [1, 0, 1]


def test_age_bands_are_a_setting(branch_db):
    settings.set_many(branch_db, {"stats_age_bands": [35, 55]})
    add_member(branch_db, id_number=resident_id(dt.date(1990, 3, 7)))
    t1 = member_stats.member_statistics(branch_db, as_of=dt.date(2024, 6, 1)).tables[0]
    assert t1.columns[3:] == ["35岁及以下", "36-55岁", "56岁及以上"]
    assert dict(t1.rows)["文学院分工会"][3] == 1


def test_excel_and_pdf(branch_db, tmp_path):
    from openpyxl import load_workbook
    from pypdf import PdfReader

    add_member(branch_db, id_number=resident_id())
    xlsx = member_stats.export_statistics(branch_db, tmp_path / "s.xlsx")
    wb = load_workbook(xlsx)
    assert len(wb.sheetnames) == 5
    first = [[c.value for c in r] for r in wb.worksheets[0].iter_rows()]
    assert first[1][:4] == ["分工会", "合计", "男", "女"]
    assert first[-1][0] == "合计" and first[-1][1] == 1
    pdf = member_stats.statistics_pdf(branch_db, tmp_path / "s.pdf")
    text = "".join(p.extract_text() for p in PdfReader(pdf).pages)
    for expected in ("会员统计表", "文学院分工会", "按职称统计", "会籍状态", "用工形式"):
        assert expected in text
