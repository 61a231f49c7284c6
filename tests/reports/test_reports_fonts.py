"""Font search: an embeddable Chinese TrueType font when there is one, STSong-Light otherwise."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
import reportlab

from guilin_union.reports.document import Col, Report
from tests.reports._pdf import fonts_in, is_embedded, page_texts, squash
from tests.reports.conftest import needs_cjk_ttf

VERA = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"  # a Latin-only TrueType font


@needs_cjk_ttf
def test_finds_an_embeddable_chinese_font(fresh_fonts) -> None:
    choice = fresh_fonts.register_fonts()
    assert choice.embedded
    assert choice.body_path and Path(choice.body_path).is_file()
    assert choice.title_path and Path(choice.title_path).is_file()
    assert fresh_fonts.register_fonts() is choice  # cached


@needs_cjk_ttf
def test_font_named_by_environment_wins(fresh_fonts, monkeypatch: pytest.MonkeyPatch) -> None:
    path = fresh_fonts.register_fonts().body_path
    fresh_fonts.reset_font_cache()
    monkeypatch.setenv(fresh_fonts.ENV_FONT, path)
    choice = fresh_fonts.register_fonts()
    assert (choice.body_path, choice.title_path, choice.embedded) == (path, path, True)


@needs_cjk_ttf
def test_unusable_environment_font_is_skipped_with_a_warning(
    fresh_fonts, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    broken = tmp_path / "broken.ttf"
    broken.write_bytes(b"not a font at all" * 10)
    monkeypatch.setenv(fresh_fonts.ENV_FONT, str(broken))
    with caplog.at_level(logging.WARNING, logger="guilin_union.reports.fonts"):
        choice = fresh_fonts.register_fonts()
    assert choice.embedded and choice.body_path != str(broken)
    assert "无法使用" in caplog.text


@needs_cjk_ttf
def test_font_dir_without_chinese_fonts_is_passed_over(
    fresh_fonts, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "Vera.ttf").write_bytes(VERA.read_bytes())  # Latin only: would print boxes
    (tmp_path / "broken.ttc").write_bytes(b"\x00" * 64)
    monkeypatch.setenv(fresh_fonts.ENV_FONT_DIR, str(tmp_path))
    choice = fresh_fonts.register_fonts()
    assert choice.embedded
    assert Path(choice.body_path).parent != tmp_path


def test_chinese_probe_rejects_latin_only_font(fresh_fonts) -> None:
    assert fresh_fonts._load(VERA) is None


def test_fallback_to_stsong_when_no_truetype_font(
    fresh_fonts, monkeypatch: pytest.MonkeyPatch, out: Path, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(fresh_fonts, "_candidate_sources", lambda: iter(()))
    with caplog.at_level(logging.WARNING, logger="guilin_union.reports.fonts"):
        choice = fresh_fonts.register_fonts()
    assert choice == fresh_fonts.FontChoice("STSong-Light", "STSong-Light", None, None, False)
    assert "STSong-Light" in caplog.text

    report = Report(out, "后备字体测试", masked_note=True)
    report.table([Col("序号", 1, "center"), Col("姓名", 3)], [[1, "张三"], [2, "欧阳" * 30]])
    report.save()
    used = fonts_in(out)
    assert set(used) == {"/STSong-Light"}
    assert not any(is_embedded(font) for font in used.values())
    text = squash(page_texts(out)[0])
    assert "后备字体测试" in text and "张三" in text and "欧阳" * 30 in text


def test_fallback_chain_prefers_simsun_extb_then_hanazono(fresh_fonts) -> None:
    """Windows' SimSun-ExtB comes first, Debian's HanaMinA/B after; other files are no
    fallback (the files are only listed here, a 30 MB font is parsed when a character needs it)."""
    sources = [
        fresh_fonts._Source("system", (Path("/f/HanaMinB.ttf"), Path("/f/wqy-microhei.ttc"))),
        fresh_fonts._Source(
            "windows", (Path("C:/Windows/Fonts/simsunb.ttf"), Path("/f/HanaMinA.ttf"))
        ),
    ]
    assert [Path(p).name for p in fresh_fonts._fallback_paths(sources)] == [
        "simsunb.ttf",
        "HanaMinA.ttf",
        "HanaMinB.ttf",
    ]


def test_character_runs_fast_path_and_fallback(fresh_fonts) -> None:
    choice = fresh_fonts.register_fonts()
    if not choice.embedded:
        pytest.skip("no TrueType font")
    assert fresh_fonts.font_runs("张三 ABC", choice.body) == [(choice.body, "张三 ABC")]
    if choice.fallback_paths:
        runs = fresh_fonts.font_runs("刘䶮同志", choice.body)
        assert [piece for _, piece in runs] == ["刘", "䶮", "同志"]
        assert runs[1][0] != choice.body
