"""OCR of scanned documents (issue 25): layout rules on lines made by hand (fast), and scans
the tests build themselves read by the real engine (slow: a page takes seconds)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image

from guilin_union.cli import main
from guilin_union.core.errors import ValidationError
from guilin_union.core.workpoints_parser import parse_workpoints
from guilin_union.services import ocr
from tests.ocr_fixtures import image_only_pdf, photo_like, print_document, rasterise, scan_of
from tests.workpoints_fixtures import REGION_2025

H = 24  # a line's height in pixels at 150 dpi


def line(text: str, x0: float, y: float, x1: float, confidence: float = 0.99) -> ocr.OcrLine:
    return ocr.OcrLine(text, (x0, y, x1, y + H), confidence, tuple(confidence for _ in text))


def page(number: int, lines: list[ocr.OcrLine], size=(1240, 1754)) -> ocr.OcrPage:
    return ocr.OcrPage(number, Image.new("RGB", size, "white"), lines)


# --------------------------------------------------------------------------- fast rules
@pytest.mark.parametrize(
    "raw",
    [
        "桂教工字〔2025】9号",
        "桂教工字【2025】9号",
        "桂教工字[2025]9号",
        "桂教工字 ﹝2025﹞ 9 号",
        "桂教工字（2025）9号",
    ],
)
def test_doc_number_brackets_are_normalised(raw: str) -> None:
    assert ocr.normalize_doc_number(raw) == "桂教工字〔2025〕9号"


def test_page_numbers_recognised_and_headings_are_not() -> None:
    assert all(ocr.is_page_number(t) for t in ("一1一", "-4—", "— 12 —", "3", "第2页 共5页", "2/5"))
    assert not any(ocr.is_page_number(t) for t in ("一、总体要求", "（一）学习", "2025年"))


def test_wrapped_lines_join_into_paragraphs_at_indents_and_short_lines() -> None:
    lines = [
        line("一、深入实施凝心工程", 230, 100, 700),  # indented, short
        line("（一）坚持用思想凝心铸魂。组织教育系统工会干部深入", 230, 141, 1052),
        line("贯彻落实重要论述，筑牢信仰之基、补足精神之钙、", 180, 182, 1050),
        line("把稳思想之舵。", 180, 223, 400),
        line("（二）加强引领。实施教职工思想政治引领建设工程，持续", 230, 264, 1052),
        line("开展行动。", 180, 305, 320),
    ]
    assert ocr.page_paragraphs(lines, 1240) == [
        "一、深入实施凝心工程",
        "（一）坚持用思想凝心铸魂。组织教育系统工会干部深入贯彻落实重要论述，筑牢信仰之基、补足精神之钙、把稳思想之舵。",
        "（二）加强引领。实施教职工思想政治引领建设工程，持续开展行动。",
    ]


def test_two_columns_are_read_left_then_right() -> None:
    left = [line(f"左{i}甲乙丙丁戊己庚辛壬癸", 100, 200 + 40 * i, 560) for i in range(4)]
    right = [line(f"右{i}甲乙丙丁戊己庚辛壬癸", 660, 200 + 40 * i, 1120) for i in range(4)]
    title = line("通栏标题", 400, 120, 840)
    ordered = ocr._columns([*right, title, *left], 1240)
    assert [ln.text[:2] for ln in ordered] == [
        "通栏",
        "左0",
        "左1",
        "左2",
        "左3",
        "右0",
        "右1",
        "右2",
        "右3",
    ]


def test_running_heads_and_page_numbers_are_dropped() -> None:
    pages = [
        page(1, [line("一、正文第一页", 230, 300, 600), line("一1一", 590, 1660, 650)]),
        page(
            2,
            [
                line("文件汇编", 500, 55, 720),
                line("（一）正文第二页", 230, 300, 600),
                line("-2—", 590, 1660, 650),
            ],
        ),
        page(3, [line("文件汇编", 500, 55, 720), line("（二）正文第三页", 230, 300, 600)]),
    ]
    ocr._drop_furniture(pages)
    assert [[ln.text for ln in p.lines] for p in pages] == [
        ["一、正文第一页"],
        ["（一）正文第二页"],
        ["（二）正文第三页"],
    ]
    assert pages[1].dropped == ["文件汇编", "-2—"]


def test_a_paragraph_runs_on_across_pages() -> None:
    pages = [
        page(
            1,
            [
                line("一、要点", 230, 100, 400),
                line("（一）学习。组织教职工深入学习贯彻党的二十大精神和习近平", 230, 141, 1052),
            ],
        ),
        page(2, [line("总书记重要讲话精神。", 180, 150, 500)]),
    ]
    text, _ = ocr._document_text(pages)
    assert text.splitlines() == [
        "一、要点",
        "（一）学习。组织教职工深入学习贯彻党的二十大精神和习近平总书记重要讲话精神。",
    ]


def test_low_confidence_lines_and_corrections() -> None:
    sure = line("一、总体要求", 230, 100, 500)
    unsure = ocr.OcrLine("（一）看力推动", (230, 141, 600, 165), 0.95, (1, 1, 1, 0.42, 1, 1, 1))
    scan = ocr.ScanResult([page(1, [sure, unsure])], "")
    assert unsure.uncertain_chars() == [3]
    assert scan.to_json() == {
        "pages": 1,
        "low_confidence": [{"page": 1, "line": 2, "text": "（一）看力推动", "confidence": 0.42}],
    }
    text = ocr.corrected_text(scan, {1: ["一、总体要求", "（一）着力推动"]})
    assert text.splitlines() == ["一、总体要求", "（一）着力推动"]
    assert scan.low_confidence() == []  # a corrected line is trusted


def test_red_header_is_recognised() -> None:
    from PIL import ImageDraw

    image = Image.new("RGB", (1240, 1754), "white")
    ImageDraw.Draw(image).rectangle((250, 170, 1000, 210), fill=(220, 20, 30))
    lines = [line("某某工会文件", 250, 170, 1000), line("桂工〔2025〕1号", 500, 230, 750)]
    ocr._mark_red(image, lines)
    assert [ln.red for ln in lines] == [True, False]


def test_garbage_text_layer_is_not_usable() -> None:
    assert not ocr.text_is_usable("")
    assert not ocr.text_is_usable("\ue000\ue001\ue002" * 20 + "\ufffd" * 30)
    assert ocr.text_is_usable("一、总体要求：坚持以习近平新时代中国特色社会主义思想为指导")


def test_scan_detection(tmp_path: Path) -> None:
    text_pdf = print_document("一、总体要求\n（一）学习。组织教职工学习。", tmp_path / "t.pdf")
    assert not ocr.is_scan(text_pdf)
    images = rasterise(text_pdf, dpi=50)
    assert ocr.is_scan(image_only_pdf(images, tmp_path / "s.pdf", dpi=50))
    images[0].save(tmp_path / "p.png")
    assert ocr.is_scan(tmp_path / "p.png")


def test_broken_image_is_refused_in_chinese(tmp_path: Path) -> None:
    path = tmp_path / "照片.jpg"
    path.write_bytes(b"not a jpeg")
    with pytest.raises(ValidationError, match="无法读取图片"):
        ocr.load_pages(path)


def test_exif_orientation_is_applied(tmp_path: Path) -> None:
    image = Image.new("RGB", (200, 100), "white")
    exif = Image.Exif()
    exif[0x0112] = 6  # the phone was turned: the picture must be rotated 90° clockwise
    image.save(tmp_path / "photo.jpg", exif=exif)
    (loaded,) = ocr.load_pages(tmp_path / "photo.jpg")
    assert loaded.size == (100, 200)


def test_engine_is_not_loaded_at_import() -> None:
    import subprocess
    import sys

    code = (
        "import sys, guilin_union.services.workpoints.importer, guilin_union.services.document_text;"
        "print('rapidocr_onnxruntime' in sys.modules, 'onnxruntime' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


# --------------------------------------------------------------------------- the real engine
def _flat(nodes):
    for node in nodes:
        yield node
        yield from _flat(node.children)


@pytest.mark.slow
@pytest.mark.skipif(not ocr.engine_available(), reason="OCR engine not installed")
def test_scanned_regional_document_imports_to_the_text_tree(tmp_path: Path, capsys) -> None:
    """Done means of issue 25: printed, rasterised at 150 dpi, saved image-only, imported."""
    text = REGION_2025.read_text(encoding="utf-8")
    scan, images = scan_of(text, tmp_path)
    assert not ocr.text_is_usable(_pdf_text(scan))
    capsys.readouterr()
    code = main(
        [
            "--db",
            str(tmp_path / "u.db"),
            "workpoints",
            "import",
            str(scan),
            "--year",
            "2025",
            "--kind",
            "upper",
            "--dry-run",
            "--json",
        ]
    )
    out = capsys.readouterr().out
    assert code == 0
    data = json.loads(out)
    expected = parse_workpoints(text).to_dict()
    assert data["ocr"]["pages"] == len(images) >= 4
    assert {"page", "line", "text", "confidence"} >= set(
        *(low.keys() for low in data["ocr"]["low_confidence"][:1])
    )
    # Existing keys unchanged; the tree is the text import's.
    assert set(data) - {"ocr", "ignored_text"} == set(expected)
    got = [n for n in data["nodes"]]
    assert [n["number"] for n in got] == ["一", "二", "三", "四"]
    items = [c for n in got for c in n["children"]]
    want_items = [c for n in expected["nodes"] for c in n["children"]]
    assert [c["number"] for c in items] == [c["number"] for c in want_items]
    assert len(items) == 17
    eleven = next(c for c in items if c["number"] == "十一")
    assert [c["number"] for c in eleven["children"]] == ["1", "2", "3"]

    def shape(nodes):
        return [(n["number"], n["level"], n["lead_unit"], shape(n["children"])) for n in nodes]

    assert shape(got) == shape(expected["nodes"])
    assert data["meta"]["doc_number"] == "桂教工字〔2025〕9号"
    assert data["meta"]["title"] == expected["meta"]["title"]


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


@pytest.mark.slow
@pytest.mark.skipif(not ocr.engine_available(), reason="OCR engine not installed")
@pytest.mark.parametrize("angle", [90, -90])
def test_photo_turned_by_90_degrees_is_read_upright(tmp_path: Path, angle: int) -> None:
    text = "\n".join(REGION_2025.read_text(encoding="utf-8").splitlines()[:10])
    _, images = scan_of(text, tmp_path, "photo")
    photo = photo_like(images[0].crop((0, 0, images[0].width, images[0].height // 2)), angle)
    photo.save(tmp_path / "photo.png")
    result = ocr.read_scan(tmp_path / "photo.png")
    assert result.pages[0].rotation == (90 if angle == 90 else 270)
    lines = result.text.splitlines()
    assert lines[1] == "桂教工字〔2025〕9号"
    assert "广西壮族自治区" in lines[0]
    assert result.issuer and result.issuer.startswith("广西壮族自治区")


def test_scan_preview_takes_the_issuer_from_the_red_header(monkeypatch, tmp_path) -> None:
    from guilin_union.services.workpoints import scan as workpoints_scan

    text = "桂工〔2025〕3号\n某某工会2025年工作要点\n一、总体要求\n（一）学习。组织学习。"
    scan = ocr.ScanResult([page(1, [])], text, issuer="某某工会")
    monkeypatch.setattr(ocr, "read_scan", lambda paths, progress=None: scan)
    result = workpoints_scan.preview_scan([tmp_path / "1.jpg", tmp_path / "2.jpg"])
    assert result.preview.parsed.meta.issuer == "某某工会"
    assert result.preview.parsed.meta.doc_number == "桂工〔2025〕3号"
    assert result.preview.source_name == "1.jpg 等 2 张图片"
    assert [n.number for n in result.preview.parsed.iter_nodes()] == ["一", "一"]
