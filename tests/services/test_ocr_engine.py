"""The OCR engine without OpenCV (issue 25): its geometry (regions, rectangles, DB boxes) on
made-up maps, and on the real models progress inside a page, cancel, and no cv2/shapely."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from guilin_union.services import ocr, ocr_engine

SELFTEST_IMAGE = Path(__file__).resolve().parents[2] / "resources" / "ocr" / "selftest.png"


def test_regions_are_eight_connected() -> None:
    mask = np.zeros((12, 12), dtype=bool)
    mask[1:3, 1:5] = True  # a bar
    mask[3, 5] = True  # touches the bar at a corner only: same region
    mask[8:11, 2:4] = True  # apart
    mask[6, 9:11] = True
    mask[7, 11] = True  # corner again
    regions = ocr_engine._regions(mask)
    sizes = sorted(len(r) for r in regions)
    assert len(regions) == 3, sizes
    # Each region's points are the ends of its runs: the first region spans x 1–5, y 1–3.
    bar = next(r for r in regions if r[:, 1].min() == 1)
    assert (bar[:, 0].min(), bar[:, 0].max(), bar[:, 1].max()) == (1, 5, 3)


def test_regions_of_an_empty_map() -> None:
    assert ocr_engine._regions(np.zeros((5, 7), dtype=bool)) == []


def test_minimum_area_rectangle_of_a_slanted_bar() -> None:
    angle = np.deg2rad(10)
    u = np.array([np.cos(angle), np.sin(angle)])
    v = np.array([-np.sin(angle), np.cos(angle)])
    points = np.array([100 + a * u + b * v for a in np.linspace(0, 200, 41) for b in (0, 20)])
    box, short = ocr_engine._min_area_rect(points)
    assert short == pytest.approx(20, abs=0.01)
    top = box[1] - box[0]
    assert np.degrees(np.arctan2(top[1], top[0])) == pytest.approx(10, abs=0.01)
    assert np.linalg.norm(top) == pytest.approx(200, abs=0.01)
    # Left-top, right-top, right-bottom, left-bottom.
    assert box[0][0] < box[1][0] and box[3][1] > box[0][1]


def test_probability_map_gives_one_grown_box_per_line() -> None:
    prob = np.zeros((100, 200), dtype=np.float32)
    prob[10:20, 20:180] = 0.9  # a line of text (the model's shrunk kernel)
    prob[50:60, 20:100] = 0.9
    prob[80:82, 20:24] = 0.9  # a speck: too small
    prob[85:95, 120:180] = 0.35  # above the threshold, below the box score
    boxes = ocr_engine._boxes_from_map(prob, 400, 200)  # the page is twice the map
    assert len(boxes) == 2
    first = min(boxes, key=lambda b: b[:, 1].min())
    xs, ys = first[:, 0], first[:, 1]
    # Grown around the kernel (unclip) and scaled to the page.
    assert xs.min() < 40 and xs.max() > 358 and ys.min() < 20 and ys.max() > 40


def test_ctc_decoding_merges_repeats_and_drops_blanks() -> None:
    engine = object.__new__(ocr_engine.OcrEngine)
    engine.characters = ["", "桂", "教", " "]
    steps = [1, 1, 0, 2, 0, 2, 3]  # 桂 桂 _ 教 _ 教 ␠
    probs = np.full((len(steps), 4), 0.01, dtype=np.float32)
    for t, index in enumerate(steps):
        probs[t, index] = 0.5 + t / 20
    text, score, chars = engine._decode(probs)
    assert text == "桂教教 "
    assert chars == pytest.approx((0.5, 0.65, 0.75, 0.8))
    assert score == pytest.approx(np.mean(chars))


needs_engine = pytest.mark.skipif(not ocr.engine_available(), reason="OCR engine not installed")


@needs_engine
def test_progress_is_reported_inside_a_page_and_can_cancel(monkeypatch) -> None:
    calls: list[tuple[int, int]] = []
    result = ocr.read_scan(SELFTEST_IMAGE, lambda done, total: calls.append((done, total)))
    assert "桂教工字〔2025〕9号" in result.text
    total = ocr.PAGE_STEPS
    assert calls[0] == (0, total) and calls[-1] == (total, total)
    assert len(calls) >= 4  # before, after detection, after the batch of lines, at the end
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    assert all(0 < done < total for done, _ in calls[1:-1])

    class Cancelled(Exception):
        pass

    read: list[int] = []
    engine = ocr.engine()
    original = engine.recognise
    monkeypatch.setattr(engine, "recognise", lambda *a, **k: read.append(1) or original(*a, **k))

    def cancel(done: int, total: int) -> None:
        if done > 0:
            raise Cancelled  # the first call inside the page: after detection

    with pytest.raises(Cancelled):
        ocr.read_scan(SELFTEST_IMAGE, cancel)
    assert read == []  # stopped before the lines were read


@needs_engine
def test_engine_runs_without_opencv_or_shapely() -> None:
    code = (
        "import sys; sys.modules['cv2'] = None; sys.modules['shapely'] = None;"
        "from guilin_union.services import ocr;"
        f"page = ocr.recognise_page(ocr.load_pages({str(SELFTEST_IMAGE)!r})[0]);"
        "print([ln.text for ln in page.lines]);"
        "print(sorted(m for m in sys.modules if m.startswith('rapidocr')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    lines = out.stdout.splitlines()
    assert "桂教工字" in lines[0]
    assert lines[1] == "[]"
