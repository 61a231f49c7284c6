"""The PP-OCR models run without OpenCV (issue 25): onnxruntime, numpy, Pillow and pyclipper.

The models are the ones the ``rapidocr-onnxruntime`` wheel ships (PP-OCRv4 detection and
recognition, the mobile angle classifier; the recognition model carries its own character
list in its metadata). Only the model files are used, never that package's code, which
imports OpenCV and shapely — about 150 MB of a bundle for a resize, a contour finder and a
perspective crop. What they did is done here:

* detection (DBNet): the page scaled to a multiple of 32 (Pillow), normalised (numpy); the
  probability map thresholded and dilated; its 8-connected regions found from the runs of
  each row (union-find); each region's minimum-area rectangle (convex hull, rotating
  calipers), scored by the mean probability inside, expanded with pyclipper (the DB
  "unclip") and boxed again;
* each line cut out (Pillow: a plain crop when the box is upright, a quad transform when
  it is slanted), turned upright when it is tall;
* the angle classifier (0°/180°) and the recognition (CRNN, CTC decoding), in batches of
  six lines of similar width, with the probability of every character read.

The parameters are RapidOCR's defaults (its ``config.yaml``), so the results are the same
up to resampling differences of a pixel.

Where the models are: beside the program in a bundle (``ocr_models/``), else in the
installed wheel's ``models/`` folder (found without importing it).
"""

from __future__ import annotations

import importlib.util
import math
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

__all__ = [
    "MODEL_FILES",
    "Detection",
    "OcrEngine",
    "TextLine",
    "available",
    "model_dir",
]

MODEL_FILES = {
    "det": "ch_PP-OCRv4_det_infer.onnx",
    "cls": "ch_ppocr_mobile_v2.0_cls_infer.onnx",
    "rec": "ch_PP-OCRv4_rec_infer.onnx",
}
BUNDLE_MODEL_DIR = "ocr_models"  # inside a PyInstaller bundle (installer/guilin_union.spec)
MODEL_PACKAGE = "rapidocr_onnxruntime"  # the wheel the models come from (its code is not used)

# RapidOCR's defaults (rapidocr_onnxruntime/config.yaml).
MAX_SIDE = 2000
MIN_SIDE = 30
MIN_HEIGHT = 30
WIDTH_HEIGHT_RATIO = 8
DET_LIMIT_SIDE = 736  # the shorter side is brought up to at least this
DET_THRESH = 0.3
BOX_THRESH = 0.5
UNCLIP_RATIO = 1.6
MAX_CANDIDATES = 1000
MIN_SIZE = 3
REC_HEIGHT, REC_WIDTH = 48, 320
CLS_HEIGHT, CLS_WIDTH = 48, 192
BATCH = 6
CLS_LABELS = ("0", "180")

Fraction = Callable[[float], None]
Quad = np.ndarray  # (4, 2) float32: top-left, top-right, bottom-right, bottom-left


@dataclass
class TextLine:
    """A line as read: its box (four corners in the image's pixels, clockwise from the top
    left), its text, the line's confidence (mean of the characters') and each character's."""

    box: list[list[float]]
    text: str
    score: float
    char_scores: tuple[float, ...]


@dataclass
class Detection:
    """The text boxes found on an image: ``boxes`` in the image's pixels (for layout and
    orientation), and what recognition needs (the scaled image and the boxes on it)."""

    boxes: list[list[list[float]]]
    work: Any  # the PIL image the lines are cut from (scaled / padded as for detection)
    quads: list[Quad]


def model_dir() -> Path | None:
    """The folder holding the three model files, or None when OCR is not installed."""
    candidates = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / BUNDLE_MODEL_DIR)
    try:
        spec = importlib.util.find_spec(MODEL_PACKAGE)  # finds, does not import (no cv2)
    except (ImportError, ValueError):
        spec = None
    if spec is not None and spec.submodule_search_locations:
        candidates += [Path(p) / "models" for p in spec.submodule_search_locations]
    for folder in candidates:
        if all((folder / name).is_file() for name in MODEL_FILES.values()):
            return folder
    return None


def available() -> bool:
    """Whether the models and the libraries that run them are installed."""
    return (
        importlib.util.find_spec("onnxruntime") is not None
        and importlib.util.find_spec("pyclipper") is not None
        and model_dir() is not None
    )


# --------------------------------------------------------------------------- geometry
def _hull(points: np.ndarray) -> np.ndarray:
    """Convex hull (Andrew's monotone chain), counter-clockwise, of integer-ish points."""
    pts = np.unique(points, axis=0)  # sorted by x, then y
    if len(pts) < 3:
        return pts.astype(np.float64)

    def half(seq: Sequence[Any]) -> list[Any]:
        out: list[Any] = []
        for p in seq:
            while len(out) >= 2:
                (ax, ay), (bx, by) = out[-2], out[-1]
                if (bx - ax) * (p[1] - ay) - (by - ay) * (p[0] - ax) > 0:
                    break
                out.pop()
            out.append(p)
        return out

    listed = [tuple(p) for p in pts.tolist()]
    lower = half(listed)
    upper = half(listed[::-1])
    return np.array(lower[:-1] + upper[:-1], dtype=np.float64)


def _min_area_rect(points: np.ndarray) -> tuple[np.ndarray, float]:
    """The smallest rectangle around ``points`` (rotating calipers over the hull's edges):
    its corners (RapidOCR's order: left-top, right-top, right-bottom, left-bottom) and its
    shorter side."""
    hull = _hull(points)
    if len(hull) < 3:
        return np.zeros((4, 2), np.float32), 0.0
    edges = np.roll(hull, -1, axis=0) - hull
    lengths = np.hypot(edges[:, 0], edges[:, 1])
    keep = lengths > 0
    u = edges[keep] / lengths[keep, None]
    v = np.stack([-u[:, 1], u[:, 0]], axis=1)
    pu = hull @ u.T  # (points, edges)
    pv = hull @ v.T
    width = pu.max(axis=0) - pu.min(axis=0)
    height = pv.max(axis=0) - pv.min(axis=0)
    best = int(np.argmin(width * height))
    u0, v0 = u[best], v[best]
    a0, a1 = pu[:, best].min(), pu[:, best].max()
    b0, b1 = pv[:, best].min(), pv[:, best].max()
    corners = np.array([a * u0 + b * v0 for a, b in ((a0, b0), (a1, b0), (a1, b1), (a0, b1))])
    # RapidOCR's get_mini_boxes: sorted by x, then the two left and the two right by y.
    by_x = corners[np.argsort(corners[:, 0], kind="stable")]
    left = by_x[:2] if by_x[1][1] > by_x[0][1] else by_x[[1, 0]]
    right = by_x[2:] if by_x[3][1] > by_x[2][1] else by_x[[3, 2]]
    box = np.array([left[0], right[0], right[1], left[1]], dtype=np.float32)
    return box, float(min(width[best], height[best]))


def _box_score(prob: np.ndarray, box: np.ndarray) -> float:
    """Mean probability inside the (convex) box, its integer corners included."""
    h, w = prob.shape
    xmin = int(np.clip(np.floor(box[:, 0].min()), 0, w - 1))
    xmax = int(np.clip(np.ceil(box[:, 0].max()), 0, w - 1))
    ymin = int(np.clip(np.floor(box[:, 1].min()), 0, h - 1))
    ymax = int(np.clip(np.ceil(box[:, 1].max()), 0, h - 1))
    corners = box.astype(np.int32).astype(np.float64)
    ys, xs = np.mgrid[ymin : ymax + 1, xmin : xmax + 1]
    inside = np.ones(xs.shape, dtype=bool)
    area = 0.0
    for i in range(4):
        (x0, y0), (x1, y1) = corners[i], corners[(i + 1) % 4]
        area += x0 * y1 - x1 * y0
    sign = 1.0 if area >= 0 else -1.0
    for i in range(4):
        (x0, y0), (x1, y1) = corners[i], corners[(i + 1) % 4]
        length = math.hypot(x1 - x0, y1 - y0)
        if length == 0:
            continue
        cross = sign * ((x1 - x0) * (ys - y0) - (y1 - y0) * (xs - x0))
        inside &= cross >= -0.5 * length  # within half a pixel of the edge counts
    region = prob[ymin : ymax + 1, xmin : xmax + 1]
    return float(region[inside].mean()) if inside.any() else 0.0


def _unclip(box: np.ndarray) -> np.ndarray:
    """The box grown by area × ratio / perimeter (DB's unclip), as polygon points."""
    import pyclipper  # type: ignore[import-untyped]

    x, y = box[:, 0].astype(np.float64), box[:, 1].astype(np.float64)
    area = abs(float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))) / 2
    length = float(np.hypot(*(np.roll(box, -1, axis=0) - box).T.astype(np.float64)).sum())
    if length == 0:
        return box
    offset = pyclipper.PyclipperOffset()
    offset.AddPath(box.tolist(), pyclipper.JT_ROUND, pyclipper.ET_CLOSEDPOLYGON)
    expanded = offset.Execute(area * UNCLIP_RATIO / length)
    if not expanded:
        return box
    return np.array([p for path in expanded for p in path], dtype=np.float64)


def _regions(mask: np.ndarray) -> list[np.ndarray]:
    """The 8-connected regions of a boolean image, each as the end points (x, y) of its
    pixel runs (enough for the convex hull), largest number of runs first is not promised:
    regions come in the order of their first row."""
    h, w = mask.shape
    padded = np.zeros((h, w + 2), dtype=np.int8)
    padded[:, 1:-1] = mask
    change = np.diff(padded, axis=1)
    rows, starts = np.nonzero(change == 1)
    _, ends = np.nonzero(change == -1)  # exclusive; row-major order pairs them with starts
    count = len(rows)
    if count == 0:
        return []
    # Runs of row r touching runs of row r-1 (8-connected: columns overlap or meet at a corner).
    key = w + 2
    start_keys = rows * key + starts
    end_keys = rows * key + ends
    later = rows > 0
    index = np.nonzero(later)[0]
    lo = np.searchsorted(end_keys, (rows[index] - 1) * key + starts[index], side="left")
    hi = np.searchsorted(start_keys, (rows[index] - 1) * key + ends[index], side="right")
    parent = list(range(count))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for j, first, stop in zip(index.tolist(), lo.tolist(), hi.tolist()):
        for i in range(first, stop):
            a, b = find(i), find(j)
            if a != b:
                parent[max(a, b)] = min(a, b)
    labels = np.array([find(i) for i in range(count)])
    order = np.argsort(labels, kind="stable")
    sorted_labels = labels[order]
    cuts = np.nonzero(np.diff(sorted_labels))[0] + 1
    regions = []
    for group in np.split(order, cuts):
        xs = np.concatenate([starts[group], ends[group] - 1])
        ys = np.concatenate([rows[group], rows[group]])
        regions.append(np.stack([xs, ys], axis=1))
    return regions


def _boxes_from_map(prob: np.ndarray, dest_w: int, dest_h: int) -> list[np.ndarray]:
    """DB post-processing: text boxes (in ``dest`` pixels) from the probability map."""
    height, width = prob.shape
    mask = prob > DET_THRESH
    dilated = mask.copy()  # OpenCV's 2×2 dilation: a pixel and its upper and left neighbours
    dilated[1:, :] |= mask[:-1, :]
    dilated[:, 1:] |= dilated[:, :-1].copy()
    boxes = []
    for points in _regions(dilated)[:MAX_CANDIDATES]:
        box, short = _min_area_rect(points)
        if short < MIN_SIZE:
            continue
        if _box_score(prob, box) < BOX_THRESH:
            continue
        box, short = _min_area_rect(_unclip(box))
        if short < MIN_SIZE + 2:
            continue
        box[:, 0] = np.clip(np.round(box[:, 0] / width * dest_w), 0, dest_w)
        box[:, 1] = np.clip(np.round(box[:, 1] / height * dest_h), 0, dest_h)
        boxes.append(box.astype(np.int32).astype(np.float32))
    return boxes


def _clockwise(pts: np.ndarray) -> np.ndarray:
    by_x = pts[np.argsort(pts[:, 0], kind="stable")]
    left = by_x[:2][np.argsort(by_x[:2, 1], kind="stable")]
    right = by_x[2:][np.argsort(by_x[2:, 1], kind="stable")]
    return np.array([left[0], right[0], right[1], left[1]], dtype=np.float32)


def _reading_order(boxes: list[np.ndarray]) -> list[np.ndarray]:
    """RapidOCR's sorted_boxes: top to bottom, left to right within 10 px."""
    ordered = sorted(boxes, key=lambda b: (float(b[0][1]), float(b[0][0])))
    for i in range(len(ordered) - 1):
        for j in range(i, -1, -1):
            if (
                abs(ordered[j + 1][0][1] - ordered[j][0][1]) < 10
                and ordered[j + 1][0][0] < ordered[j][0][0]
            ):
                ordered[j], ordered[j + 1] = ordered[j + 1], ordered[j]
            else:
                break
    return ordered


def _round32(value: float) -> int:
    return int(round(value / 32) * 32)


def _crop(image: Any, quad: np.ndarray) -> Any:
    """The line inside ``quad`` cut out straight (turned upright when it stands tall)."""
    from PIL import Image

    p0, p1, p2, p3 = (quad[i].astype(np.float64) for i in range(4))
    width = int(max(np.linalg.norm(p0 - p1), np.linalg.norm(p2 - p3)))
    height = int(max(np.linalg.norm(p0 - p3), np.linalg.norm(p1 - p2)))
    width, height = max(width, 1), max(height, 1)
    upright = p0[1] == p1[1] and p3[1] == p2[1] and p0[0] == p3[0] and p1[0] == p2[0]
    if upright:
        x, y = int(p0[0]), int(p0[1])
        crop = image.crop((x, y, x + width, y + height))
    else:
        data = (
            *p0,
            *p3,
            *p2,
            *p1,
        )  # Pillow's QUAD: upper left, lower left, lower right, upper right
        crop = image.transform(
            (width, height), Image.Transform.QUAD, data, Image.Resampling.BICUBIC
        )
    if height / width >= 1.5:
        crop = crop.transpose(Image.Transpose.ROTATE_90)
    return crop


def _normalised(image: Any, height: int, width: int, max_width: int) -> np.ndarray:
    """A line image scaled to ``height`` (at most ``width`` wide), as BGR in [-1, 1], padded
    with zeros to ``max_width`` (CHW)."""
    from PIL import Image

    w, h = image.size
    scaled = min(width, int(math.ceil(height * w / max(h, 1))))
    scaled = max(scaled, 1)
    resized = image.resize((scaled, height), Image.Resampling.BILINEAR)
    array = np.asarray(resized, dtype=np.float32)[:, :, ::-1].transpose(2, 0, 1)
    out = np.zeros((3, height, max_width), dtype=np.float32)
    out[:, :, :scaled] = array / 127.5 - 1.0
    return out


# --------------------------------------------------------------------------- engine
class OcrEngine:
    """The three models in onnxruntime sessions (loading takes a second or two)."""

    def __init__(self, folder: Path | None = None) -> None:
        import onnxruntime as ort  # type: ignore[import-untyped]

        folder = folder or model_dir()
        if folder is None:
            raise FileNotFoundError("OCR models not found")
        options = ort.SessionOptions()
        options.log_severity_level = 4
        options.enable_cpu_mem_arena = False
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL

        def session(name: str) -> Any:
            return ort.InferenceSession(
                str(folder / MODEL_FILES[name]),
                sess_options=options,
                providers=["CPUExecutionProvider"],
            )

        self._det, self._cls, self._rec = session("det"), session("cls"), session("rec")
        meta = self._rec.get_modelmeta().custom_metadata_map
        self.characters = ["", *meta["character"].splitlines(), " "]  # 0 is CTC's blank
        self._lock = threading.Lock()  # one page at a time through the sessions

    @staticmethod
    def _run(session: Any, batch: np.ndarray) -> np.ndarray:
        name = session.get_inputs()[0].name
        return np.asarray(session.run(None, {name: batch})[0])

    # ------------------------------------------------------------------ detection
    def detect(self, image: Any) -> Detection:
        """The text boxes on a PIL image, in reading order."""
        from PIL import Image, ImageOps

        rgb = image.convert("RGB")
        w0, h0 = rgb.size
        work, ratio_w, ratio_h = rgb, 1.0, 1.0
        for limit, shrink in ((MAX_SIDE, True), (MIN_SIDE, False)):
            w, h = work.size
            if (max(w, h) > limit) if shrink else (min(w, h) < limit):
                ratio = limit / (max(w, h) if shrink else min(w, h))
                nw, nh = _round32(int(w * ratio)), _round32(int(h * ratio))
                if nw <= 0 or nh <= 0:
                    return Detection([], work, [])
                work = work.resize((nw, nh), Image.Resampling.BILINEAR)
                ratio_w, ratio_h = w0 / nw, h0 / nh
        w, h = work.size
        pad = 0
        if h <= MIN_HEIGHT or w / h > WIDTH_HEIGHT_RATIO:  # a single line: letterboxed
            pad = int(abs(max(int(w / WIDTH_HEIGHT_RATIO), MIN_HEIGHT) * 2 - h) / 2)
            work = ImageOps.expand(work, border=(0, pad, 0, pad), fill=(0, 0, 0))
            w, h = work.size
        ratio = DET_LIMIT_SIDE / min(w, h) if min(w, h) < DET_LIMIT_SIDE else 1.0
        dw, dh = _round32(int(w * ratio)), _round32(int(h * ratio))
        if dw <= 0 or dh <= 0:
            return Detection([], work, [])
        scaled = work if (dw, dh) == (w, h) else work.resize((dw, dh), Image.Resampling.BILINEAR)
        batch = (np.asarray(scaled, dtype=np.float32)[:, :, ::-1] / 127.5 - 1.0).transpose(2, 0, 1)
        with self._lock:
            prob = self._run(self._det, np.ascontiguousarray(batch[None]))[0, 0]
        quads = []
        for box in _boxes_from_map(prob, w, h):
            box = _clockwise(box)
            box[:, 0] = np.clip(box[:, 0], 0, w - 1).astype(np.int32)
            box[:, 1] = np.clip(box[:, 1], 0, h - 1).astype(np.int32)
            if (
                int(np.linalg.norm(box[0] - box[1])) <= 3
                or int(np.linalg.norm(box[0] - box[3])) <= 3
            ):
                continue
            quads.append(box)
        quads = _reading_order(quads)
        boxes = []
        for quad in quads:
            orig = quad.astype(np.float64).copy()
            orig[:, 1] -= pad
            orig[:, 0] = np.clip(orig[:, 0] * ratio_w, 0, w0)
            orig[:, 1] = np.clip(orig[:, 1] * ratio_h, 0, h0)
            boxes.append(orig.tolist())
        return Detection(boxes, work, quads)

    # ------------------------------------------------------------------ lines
    def crops(self, detection: Detection) -> list[Any]:
        """Each detected line cut out of the image, straight."""
        return [_crop(detection.work, quad) for quad in detection.quads]

    def classify(self, crops: Sequence[Any]) -> list[tuple[str, float]]:
        """The angle classifier on line images: ("0" or "180", its probability) each."""
        results: list[tuple[str, float]] = [("0", 0.0)] * len(crops)
        order = np.argsort([c.size[0] / max(c.size[1], 1) for c in crops], kind="stable")
        for begin in range(0, len(crops), BATCH):
            chunk = order[begin : begin + BATCH].tolist()
            batch = np.stack(
                [_normalised(crops[i], CLS_HEIGHT, CLS_WIDTH, CLS_WIDTH) for i in chunk]
            )
            with self._lock:
                probs = self._run(self._cls, batch)
            for i, row in zip(chunk, probs):
                best = int(row.argmax())
                results[i] = (CLS_LABELS[best], float(row[best]))
        return results

    def recognise(
        self, crops: Sequence[Any], progress: Fraction | None = None
    ) -> list[tuple[str, float, tuple[float, ...]]]:
        """Text of line images: (text, mean confidence, each character's confidence).
        ``progress(fraction)`` is called after each batch (it may raise to stop)."""
        results: list[tuple[str, float, tuple[float, ...]]] = [("", 0.0, ())] * len(crops)
        order = np.argsort([c.size[0] / max(c.size[1], 1) for c in crops], kind="stable")
        for begin in range(0, len(crops), BATCH):
            chunk = order[begin : begin + BATCH].tolist()
            ratio = max(
                [REC_WIDTH / REC_HEIGHT]
                + [crops[i].size[0] / max(crops[i].size[1], 1) for i in chunk]
            )
            width = int(REC_HEIGHT * ratio)
            batch = np.stack([_normalised(crops[i], REC_HEIGHT, width, width) for i in chunk])
            with self._lock:
                probs = self._run(self._rec, batch)
            for i, row in zip(chunk, probs):
                results[i] = self._decode(row)
            if progress is not None:
                progress(min(1.0, (begin + BATCH) / len(crops)))
        return results

    def _decode(self, probs: np.ndarray) -> tuple[str, float, tuple[float, ...]]:
        """CTC greedy decoding: repeats merged, blanks dropped."""
        index = probs.argmax(axis=1)
        best = probs.max(axis=1)
        keep = np.ones(len(index), dtype=bool)
        keep[1:] = index[1:] != index[:-1]
        keep &= index != 0
        chars = tuple(float(p) for p in best[keep])
        text = "".join(self.characters[i] for i in index[keep].tolist())
        return text, (float(np.mean(chars)) if chars else 0.0), chars

    def read(
        self, image: Any, progress: Fraction | None = None, detection: Detection | None = None
    ) -> list[TextLine]:
        """Every line on a PIL image (reading order), read; ``detection`` when already done.
        ``progress(fraction)`` after detection and after each recognition batch."""
        detection = detection or self.detect(image)
        if progress is not None:
            progress(0.0)
        read = self.recognise(self.crops(detection), progress)
        return [
            TextLine(box, text, score, chars)
            for box, (text, score, chars) in zip(detection.boxes, read)
        ]


_engine: OcrEngine | None = None
_engine_lock = threading.Lock()


def shared() -> OcrEngine:
    """The engine, loaded once on first use."""
    global _engine
    with _engine_lock:
        if _engine is None:
            _engine = OcrEngine()
        return _engine
