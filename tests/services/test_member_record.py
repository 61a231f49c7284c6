"""The member record (issue 24): 实名制 fields, family and work history, photo, 工会小组,
honours, editable lists, the CLI, and personal data kept out of anonymised copies."""

from __future__ import annotations

import datetime as dt
import io
import json
import sqlite3

import pytest

from guilin_union.cli import main
from guilin_union.core.errors import ValidationError
from guilin_union.core.ids import make_resident_id
from guilin_union.services import members
from guilin_union.services.members import MemberValidationError, branches
from guilin_union.services.members import record as mr


@pytest.fixture
def mdb(branch_db):
    mid = members.add_member(
        branch_db,
        {
            "name": "王𠀾",
            "branch": "文学院分工会",
            "id_number": make_resident_id("450302", dt.date(1988, 5, 6), 21, "男"),
        },
    ).row_id
    return branch_db, mid


def test_profile_fields_validated_and_stored(mdb):
    db, mid = mdb
    mr.save_profile(
        db,
        mid,
        {
            "native_place": "广西桂林",
            "home_address": "桂林市雁山区雁中路 1 号",
            "postcode": "541006",
            "email": "wang@example.com",
            "work_start_date": "2010年7月1日",
            "id_valid_until": "长期",
            "major": "汉语言文学",
            "graduated_from": "广西师范大学",
            "employment_status": "在岗",
            "skill_level": "技师",
        },
    )
    profile = mr.get_profile(db, mid)
    assert profile["work_start_date"] == "2010-07-01" and profile["id_valid_until"] == "长期有效"
    with pytest.raises(MemberValidationError) as err:
        mr.save_profile(db, mid, {"postcode": "5410", "email": "x@", "id_valid_until": "明年"})
    assert set(err.value.errors) == {"postcode", "email", "id_valid_until"}  # all at once
    assert "邮编" in str(err.value)
    with pytest.raises(MemberValidationError, match="就业状态应为"):
        mr.save_profile(db, mid, {"employment_status": "放假"})


def test_employment_types_are_an_editable_list(mdb):
    db, mid = mdb
    current = members.get_member(db, mid).to_dict()
    members.update_member(db, mid, {**current, "employment_type": "返聘"})  # in the default list
    with pytest.raises(MemberValidationError, match="用工形式应为"):
        members.update_member(db, mid, {**current, "employment_type": "外包"})
    mr.save_lists(db, {"member_employment_types": ["在编", "外包"]})
    members.update_member(db, mid, {**current, "employment_type": "外包"})
    # A value already in use stays accepted after the list no longer names it.
    assert "返聘" not in mr.employment_types(db) and "外包" in mr.employment_types(db)


def test_family_and_resume_replace_and_order(mdb):
    db, mid = mdb
    mr.set_family(db, mid, [{"relation": "配偶", "name": "李梅", "work_unit": "桂林医学院"}, {}])
    mr.set_resume(
        db,
        mid,
        [
            {"start_month": "2015年9月", "end_month": "", "unit": "桂林学院", "post": "讲师"},
            {"start_month": "2010-07", "end_month": "2015.08", "unit": "桂林电子科技大学"},
        ],
    )
    assert [f["name"] for f in mr.list_family(db, mid)] == ["李梅"]
    resume = mr.list_resume(db, mid)
    assert [(r["start_month"], r["end_month"]) for r in resume] == [
        ("2010-07", "2015-08"),
        ("2015-09", None),
    ]
    with pytest.raises(ValidationError, match="结束年月早于开始年月"):
        mr.set_resume(db, mid, [{"start_month": "2015-09", "end_month": "2014-01", "unit": "甲"}])
    with pytest.raises(ValidationError, match="称谓和姓名"):
        mr.set_family(db, mid, [{"relation": "配偶"}])


def test_groups_with_leader_and_branch_check(mdb):
    db, mid = mdb
    branch = branches.find_branch_id(db, "文学院分工会")
    other = branches.find_branch_id(db, "机关分工会")
    group = mr.save_group(db, branch, "第一小组", leader_member_id=mid).row_id
    assert mr.get_profile(db, mid)["group"] == "第一小组"
    with pytest.raises(ValidationError, match="已有"):
        mr.save_group(db, branch, "第一小组")
    with pytest.raises(ValidationError, match="不是本分工会"):
        mr.save_group(db, other, "机关一组", leader_member_id=mid)
    assert [g["members"] for g in mr.list_groups(db, branch)] == [1]
    ids = members.list_members(db, members.MemberQuery(group_id=group))
    assert [r["id"] for r in ids] == [mid]
    mr.delete_group(db, group)
    assert mr.get_profile(db, mid)["group_id"] is None


def test_honours_make_a_model_worker_and_list_by_year(mdb):
    db, mid = mdb
    mr.add_honour(db, mid, {"title": "校级先进个人", "level": "校级", "awarded_on": "2024-09-10"})
    assert members.get_member(db, mid).is_model_worker is False
    mr.add_honour(db, mid, {"title": "桂林市劳动模范", "level": "市", "awarded_on": "2025-04-28"})
    assert members.get_member(db, mid).is_model_worker is True
    assert [h["title"] for h in mr.list_honours(db, year=2025)] == ["桂林市劳动模范"]
    with pytest.raises(ValidationError, match="级别"):
        mr.add_honour(db, mid, {"title": "优秀工会干部", "level": "省部"})


def test_photo_is_cropped_to_an_id_photo_and_refuses_non_images(mdb, tmp_path):
    from PIL import Image

    db, mid = mdb
    source = tmp_path / "photo.png"
    Image.new("RGB", (1200, 800), (200, 30, 30)).save(source)
    mr.set_photo(db, mid, source)
    with Image.open(io.BytesIO(mr.get_photo(db, mid))) as image:
        assert image.size == mr.PHOTO_SIZE and image.format == "JPEG"
    bad = tmp_path / "not.jpg"
    bad.write_text("不是图片", encoding="utf-8")
    with pytest.raises(ValidationError, match="无法读取照片"):
        mr.set_photo(db, mid, bad)


def test_cli_add_edit_show(branch_db, tmp_path, capsys):
    path = branch_db.conn.execute("PRAGMA database_list").fetchone()[2]
    branch_db.conn.close()
    good = make_resident_id("450302", dt.date(1990, 3, 7), 12, "男")
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")
    base = ["--db", path, "members", "add", "--name", "张三", "--branch", "文学院分工会", "--json"]
    assert main([*base, "--id-number", bad]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["id"] is None and "id_number" in out["errors"]
    assert sqlite3.connect(path).execute("SELECT count(*) FROM members").fetchone()[0] == 0
    code = main(
        [
            *base,
            "--id-number",
            good,
            "--native-place",
            "广西桂林",
            "--id-valid-until",
            "长期有效",
            "--family",
            "配偶,李梅,桂林医学院,",
            "--resume",
            "2012-07,,桂林学院,讲师",
        ]
    )
    assert code == 0
    added = json.loads(capsys.readouterr().out)
    assert added["id"] > 0 and added["member_no"]
    assert (
        main(["--db", path, "members", "edit", str(added["id"]), "--major", "会计学", "--json"])
        == 0
    )
    capsys.readouterr()
    assert main(["--db", path, "members", "show", str(added["id"]), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["native_place"] == "广西桂林" and shown["major"] == "会计学"
    assert shown["family"][0]["name"] == "李梅" and shown["resume"][0]["unit"] == "桂林学院"
    assert "*" in shown["id_number"]  # masked unless --unmasked


def test_anonymised_copy_drops_family_names_addresses_and_photos(mdb, tmp_path):
    from guilin_union.services.safety.anonymize import anonymize_copy

    db, mid = mdb
    mr.save_profile(
        db, mid, {"home_address": "桂林市七星区穿山路 99 号", "email": "wang@example.com"}
    )
    mr.set_family(db, mid, [{"relation": "配偶", "name": "欧阳秀英"}])
    mr.set_photo(db, mid, _png())
    report = anonymize_copy(db, tmp_path / "anon.db")
    data = report.path.read_bytes()
    for secret in ("欧阳秀英", "穿山路", "wang@example.com"):
        assert secret.encode("utf-8") not in data, secret
    conn = sqlite3.connect(report.path)
    assert conn.execute("SELECT count(*) FROM member_photos").fetchone()[0] == 0


def _png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (400, 500), (10, 10, 200)).save(out, "PNG")
    return out.getvalue()


def test_template_has_the_new_columns_and_an_import_stores_them(branch_db, tmp_path, capsys):
    from openpyxl import Workbook, load_workbook

    path = branch_db.conn.execute("PRAGMA database_list").fetchone()[2]
    branch_db.conn.close()
    template = tmp_path / "模板.xlsx"
    assert main(["--db", path, "members", "template", str(template)]) == 0
    headers = [c.value for c in load_workbook(template)["会员信息"][2]]
    for header in (
        "籍贯",
        "家庭住址",
        "参加工作时间",
        "专业",
        "毕业院校",
        "证件有效期",
        "就业状态",
        "技能等级",
    ):
        assert header in headers, header
    book = Workbook()
    sheet = book.active
    sheet.append(
        ["姓名", "身份证号", "分工会", "籍贯", "参加工作时间", "毕业院校", "证件有效期", "用工形式"]
    )
    sheet.append(
        [
            "张　三",
            make_resident_id("450302", dt.date(1985, 1, 2), 31, "男"),
            "文学院分工会",
            "广西柳州",
            "2008/7/15",
            "广西大学",
            "长期有效",
            "返聘",
        ]
    )
    source = tmp_path / "名单.xlsx"
    book.save(source)
    code = main(["--db", path, "members", "import", str(source), "--as", "members", "--json"])
    assert code == 0, capsys.readouterr()
    capsys.readouterr()
    conn = sqlite3.connect(path)
    member_id = conn.execute("SELECT id FROM members WHERE name = '张三'").fetchone()[0]
    assert main(["--db", path, "members", "show", str(member_id), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert (shown["native_place"], shown["work_start_date"], shown["graduated_from"]) == (
        "广西柳州",
        "2008-07-15",
        "广西大学",
    )
    assert shown["id_valid_until"] == "长期有效" and shown["employment_type"] == "返聘"


def test_groups_filter_lists_batches_and_honours_list(mdb, tmp_path):
    import subprocess

    from guilin_union.services.welfare import batches as wb
    from guilin_union.services.welfare import standards as welfare_standards

    db, mid = mdb
    other = members.add_member(db, {"name": "赵六", "branch": "文学院分工会"}).row_id
    branch = branches.find_branch_id(db, "文学院分工会")
    group = mr.save_group(db, branch, "二组", leader_member_id=mid).row_id
    assert mr.find_group(db, "二组") == group
    with pytest.raises(ValidationError, match="没有名为"):
        mr.find_group(db, "三组")
    welfare_standards.load_examples(db, 2026)
    preview = wb.preview_batch(
        db, wb.BatchRequest(year=2026, occasion="春节", amount_fen=10000, group_id=group)
    )
    assert {line.member_id for line in preview.eligible + preview.excluded} == {mid}
    assert other not in {line.member_id for line in preview.eligible}
    mr.add_honour(db, mid, {"title": "三八红旗手", "level": "自治区", "awarded_on": "2026-03-08"})
    out, n = mr.honours_pdf(db, tmp_path / "表彰.pdf", 2026)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert n == 1 and "三八红旗手" in text and "2026年度会员表彰名单" in text.replace("\n", "")


def test_application_fields_follow_the_approved_member(branch_db, tmp_path):
    from guilin_union.services import intake

    db = branch_db
    app = intake.add_application(db, {"name": "钱八", "branch": "文学院分工会"}).row_id
    with db.atomic():
        db.execute(
            "UPDATE intake_applications SET native_place = '广西贺州', graduated_from = '贺州学院'"
            " WHERE id = ?",
            [app],
        )
    intake.approve(db, [app], on="2026-03-01")
    member = db.execute("SELECT id FROM members WHERE name = '钱八'").fetchone()[0]
    profile = mr.get_profile(db, member)
    assert (profile["native_place"], profile["graduated_from"]) == ("广西贺州", "贺州学院")


def test_registration_form_and_card_print_the_record_and_photo(mdb, tmp_path):
    import subprocess

    from guilin_union.services.intake import outputs as intake_outputs

    db, mid = mdb
    mr.save_profile(db, mid, {"native_place": "广西桂林", "work_start_date": "2010-07-01"})
    mr.set_family(db, mid, [{"relation": "配偶", "name": "李梅", "work_unit": "桂林医学院"}])
    mr.set_resume(db, mid, [{"start_month": "2012-07", "unit": "桂林学院", "post": "讲师"}])
    form, _n = intake_outputs.member_forms_pdf(db, tmp_path / "登记表.pdf", member_ids=[mid])
    text = subprocess.run(["pdftotext", str(form), "-"], capture_output=True, text=True).stdout
    for expected in ("广西桂林", "李梅", "桂林医学院", "桂林学院", "2010年7月1日"):
        assert expected in text, expected

    def images(path) -> int:
        listing = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True)
        return len([line for line in listing.stdout.splitlines()[2:] if line.strip()])

    assert images(form) == 0  # no photo yet: an empty 照片 box
    mr.set_photo(db, mid, _png())
    form, _n = intake_outputs.member_forms_pdf(db, tmp_path / "登记表2.pdf", member_ids=[mid])
    cards, _n = intake_outputs.member_cards_pdf(db, tmp_path / "会员证.pdf")
    assert images(form) == 1 and images(cards) == 1
