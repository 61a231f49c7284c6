"""OCR of a scanned page (issue 25).

* ``OCR: one scanned page``: ``services.ocr.read_scan`` on a PNG of the regional 2025
  document's first page, printed and rasterised at 150 dpi (orientation check, recognition,
  layout, furniture, paragraphs) against the engine's own call (RapidOCR with its defaults)
  on the same image, alternating; target ≤ 1.5× the engine.
"""

from __future__ import annotations

from pathlib import Path

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


def measure_ocr(workdir: Path, repeats: int) -> list[Result]:
    name = "OCR: one scanned page (150 dpi A4)"
    target = Target.ratio(1.5)
    try:
        import numpy as np
        from PIL import Image

        from guilin_union.services import ocr

        if not ocr.engine_available():
            return [invalid(name, "OCR engine not installed", target=target)]
        path = _page_image(workdir)
        engine = ocr.engine()  # loaded once, outside the timings
        bgr = np.ascontiguousarray(np.asarray(Image.open(path).convert("RGB"))[:, :, ::-1])

        def ours():
            return ocr.read_scan(path)

        def baseline():
            return engine(bgr)

        def check_ours(value) -> None:
            expect("桂教工字〔2025〕9号" in value.text, "the 文号 was not read")

        def check_base(value) -> None:
            expect(value[0] is not None and len(value[0]) > 20, "the engine read too few lines")

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
                note="read_scan (PNG → text) vs RapidOCR's own call on the same image",
                baseline_name="RapidOCR",
            )
        ]
    except Exception as exc:  # noqa: BLE001 - any failure must show up in the table
        return [invalid(name, f"{type(exc).__name__}: {exc}", target=target)]
