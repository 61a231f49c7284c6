"""OCR of a scanned page (issue 25).

* ``OCR: one scanned page``: ``services.ocr.read_scan`` on a PNG of the regional 2025
  document's first page, printed and rasterised at 150 dpi (orientation check, recognition,
  layout, furniture, paragraphs) against the engine's own call on the same image,
  alternating; target ≤ 1.5× the engine. The engine is the PP-OCR models run by our
  OpenCV-free ``services.ocr_engine``; the baseline is RapidOCR's own call (its code, with
  OpenCV, on the same models and defaults) when it can be imported (the dev environment),
  else our engine's bare detect-and-read call.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bench.stats import Result, Target, invalid
from bench.timing import alternate, expect

REPO_ROOT = Path(__file__).resolve().parents[1]


def _page_image(workdir: Path) -> Path:
    from tests.ocr_fixtures import print_document, rasterise

    text = (
        REPO_ROOT / "tests" / "fixtures" / "workpoints" / "workpoints-gx-education-union-2025.txt"
    )
    printed = print_document(text.read_text(encoding="utf-8"), workdir / "ocr-page.pdf")
    path = workdir / "ocr-page.png"
    rasterise(printed)[0].save(path)
    return path


def baseline_engine() -> tuple[str, Any]:
    """(name, call on a PIL image) of the engine's own reading of a page."""
    import numpy as np

    try:
        from rapidocr_onnxruntime import RapidOCR  # type: ignore[import-untyped]
    except ImportError:  # no OpenCV: the bare engine
        from guilin_union.services import ocr

        engine = ocr.engine()
        return "PP-OCR engine (bare)", lambda image: engine.read(image)
    rapid = RapidOCR()

    def call(image: Any) -> Any:
        return rapid(np.ascontiguousarray(np.asarray(image)[:, :, ::-1]))[0]

    return "RapidOCR", call


def measure_ocr(workdir: Path, repeats: int) -> list[Result]:
    name = "OCR: one scanned page (150 dpi A4)"
    target = Target.ratio(1.5)
    try:
        from PIL import Image

        from guilin_union.services import ocr

        if not ocr.engine_available():
            return [invalid(name, "OCR engine not installed", target=target)]
        path = _page_image(workdir)
        ocr.engine()  # loaded once, outside the timings
        base_name, engine = baseline_engine()
        image = Image.open(path).convert("RGB")

        def ours():
            return ocr.read_scan(path)

        def baseline():
            return engine(image)

        def check_ours(value) -> None:
            expect("桂教工字〔2025〕9号" in value.text, "the 文号 was not read")

        def check_base(value) -> None:
            expect(value is not None and len(value) > 20, "the engine read too few lines")

        mine, base = alternate(
            ours,
            baseline,
            max(1, repeats),
            warmup=1,  # the first call of each warms onnxruntime up
            check_ours=check_ours,
            check_baseline=check_base,
        )
        return [
            Result(
                name,
                mine,
                base,
                target,
                note=f"read_scan (PNG → text) vs {base_name}'s own call on the same image",
                baseline_name=base_name,
            )
        ]
    except Exception as exc:  # noqa: BLE001 - any failure must show up in the table
        return [invalid(name, f"{type(exc).__name__}: {exc}", target=target)]
