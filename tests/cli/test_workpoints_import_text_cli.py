"""`workpoints import --json`: page furniture listed under "ignored_text", headings exact."""

from __future__ import annotations

import json

from guilin_union.cli import main

WEB = """桂林学院工会2026年工作要点
一、强化思想引领
（一）加强思想政治引领
组织教职工深入学习党的创新理论。
（二）做强宣传阵地
开展主题宣传。
微信扫一扫在手机阅读、分享本文
责任编辑：李四
"""


def test_ignored_text_key_and_heading_lines(tmp_path, capsys) -> None:
    source = tmp_path / "网页.txt"
    source.write_text(WEB, encoding="utf-8")
    args = ["--db", str(tmp_path / "u.db"), "workpoints", "import", str(source)]
    capsys.readouterr()
    assert main([*args, "--year", "2026", "--dry-run", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["ignored_text"] == ["微信扫一扫在手机阅读、分享本文", "责任编辑：李四"]
    items = data["nodes"][0]["children"]
    assert [(i["heading"], i["text"]) for i in items] == [
        ("加强思想政治引领", "组织教职工深入学习党的创新理论。"),
        ("做强宣传阵地", "开展主题宣传。"),
    ]
    assert main([*args, "--year", "2026", "--dry-run"]) == 0
    assert "已忽略的文字：微信扫一扫在手机阅读、分享本文" in capsys.readouterr().err
