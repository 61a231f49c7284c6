"""Printouts, Excel in and out, and the work-points parser, each against the bare library.

- PDF: the 慰问发放签领表 of 3,000 rows (``reports.welfare_roster``, the module behind
  ``services.welfare_outputs.roster_pdf``) vs one bare reportlab ``LongTable`` holding the same
  cell values in the same font and size, with the same column widths and a grid;
- Excel import: 5,000 staff validated and written as members (``services.member_import`` run
  through ``services.import_common.run_import``, backup included) vs iterating the same file
  with openpyxl in read-only mode;
- Excel export: the register of 10,000 members (``services.member_outputs.export_members``,
  query included) vs openpyxl write-only appending the same values;
- work-points parse: each sample document through ``core.workpoints_parser.parse_workpoints``.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.stats import Result, Target, invalid
from bench.timing import CheckFailed, alternate, expect, repeat

PDF_ROWS = 3000
IMPORT_ROWS = 5000
EXPORT_ROWS = 10000
REPO_ROOT = Path(__file__).resolve().parents[1]
WORKPOINT_SAMPLES = REPO_ROOT / "tests" / "fixtures" / "workpoints"


def _guard(name: str, target: Target | None, func: Callable[[], Result]) -> Result:
    """Run a measure; a crash or a failed check becomes an INVALID row."""
    try:
        return func()
    except CheckFailed as exc:
        return invalid(name, str(exc), target=target)
    except Exception as exc:  # noqa: BLE001 - any failure must show up in the table
        return invalid(name, f"{type(exc).__name__}: {exc}", target=target)


# ------------------------------------------------------------------ PDF
def roster_sections_of(large_db: Path, rows: int = PDF_ROWS) -> list[Any]:
    """``rows`` payment lines of the large demo, grouped by 分工会 as the program prints them."""
    from guilin_union.reports.welfare.roster import RosterSection
    from guilin_union.services.welfare import PaymentQuery
    from guilin_union.services.welfare.outputs import roster_sections
    from guilin_union.storage import open_database

    db = open_database(large_db, read_only=True)
    try:
        years = [
            r[0]
            for r in db.execute(
                "SELECT CAST(substr(pay_date, 1, 4) AS INTEGER) y FROM welfare_payments GROUP BY y ORDER BY count(*) DESC"
            )
        ]
        sections: list[Any] = []
        for year in years:
            sections, _subtitle = roster_sections(db, query=PaymentQuery(year=year))
            if sum(len(s.lines) for s in sections) >= rows:
                break
        trimmed, left = [], rows
        for section in sections:
            take = list(section.lines)[:left]
            if take:
                trimmed.append(RosterSection(section.branch, take))
            left -= len(take)
        expect(left == 0, f"the large demo has no year with {rows} payments")
        return trimmed
    finally:
        db.conn.close()


def bare_roster_pdf(path: Path, sections: list[Any]) -> Path:
    """The baseline: the same cells in one bare LongTable, same font, size, widths and grid."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import LongTable, SimpleDocTemplate, TableStyle

    from guilin_union.reports.fonts import register_fonts
    from guilin_union.reports.welfare.roster import ROSTER_COLUMNS, ROSTER_FONT_SIZE, SIGN_SPACE

    font = register_fonts().body
    total = sum(c.width for c in ROSTER_COLUMNS)
    widths = [(A4[0] - 40 * mm) * c.width / total for c in ROSTER_COLUMNS]
    data: list[list[object]] = [[c.header for c in ROSTER_COLUMNS]]
    for section in sections:
        for number, line in enumerate(section.lines, start=1):
            data.append(
                [
                    number,
                    line.name,
                    line.staff_no,
                    line.reason,
                    line.amount_text,
                    SIGN_SPACE,
                    "",
                    "",
                ]
            )
    table = LongTable(data, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), font, ROSTER_FONT_SIZE),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    doc = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
    )
    doc.build([table])
    return path


def measure_pdf(large_db: Path, workdir: Path, repeats: int) -> Result:
    name = f"PDF: sign-for roster, {PDF_ROWS:,} rows"
    target = Target.ratio(1.3)

    def run() -> Result:
        from pypdf import PdfReader

        from guilin_union.reports.welfare.roster import build_welfare_roster

        sections = roster_sections_of(large_db)
        ours_path, bare_path = workdir / "roster-ours.pdf", workdir / "roster-bare.pdf"

        def ours() -> Path:
            return build_welfare_roster(
                ours_path,
                sections,
                institution="桂林学院",
                union_name="桂林学院工会委员会",
                subtitle="基准测试",
            )

        def bare() -> Path:
            return bare_roster_pdf(bare_path, sections)

        def pages_of(path: Path) -> int:
            expect(path.exists() and path.stat().st_size > 0, f"{path.name} was not written")
            return len(PdfReader(str(path)).pages)

        ours_s, bare_s = alternate(ours, bare, repeats, warmup=1)
        ours_pages, bare_pages = pages_of(ours_path), pages_of(bare_path)
        # A 3,000-row roster cannot fit on a handful of pages; fewer means rows went missing.
        expect(
            ours_pages >= PDF_ROWS // 40 and bare_pages >= PDF_ROWS // 60,
            f"too few pages: ours {ours_pages}, bare {bare_pages}",
        )
        first = sections[0].lines[0].name
        text = PdfReader(str(ours_path)).pages[0].extract_text() or ""
        expect(first in text, f"the first name {first} is not on page 1 of the roster")
        return Result(
            name,
            ours_s,
            bare_s,
            target,
            note=f"{ours_pages} pages (per-分工会 sections, subtotals in 大写, signatures, "
            f"page X of Y) vs {bare_pages} pages",
            baseline_name="bare reportlab LongTable",
        )

    return _guard(name, target, run)


# ------------------------------------------------------------------ Excel import
def measure_import(workbook: Path, branches_db: Path, workdir: Path, repeats: int) -> Result:
    name = f"Excel import: {IMPORT_ROWS:,} members validated and written"
    target = Target.ratio(2.0)

    def run() -> Result:
        from openpyxl import load_workbook

        from guilin_union.services.import_common import run_import
        from guilin_union.services.members.importer import MemberImporter
        from guilin_union.storage import open_database

        attempt = {"n": 0}

        def ours() -> int:
            attempt["n"] += 1
            folder = workdir / "import" / str(attempt["n"])
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            target_db = folder / "register.db"
            shutil.copyfile(branches_db, target_db)
            db = open_database(target_db)
            try:
                outcome = run_import(
                    db, workbook, MemberImporter(as_="members", source_name=workbook.name)
                )
                expect(
                    not outcome.errors,
                    f"import reported errors: {[e.to_dict() for e in outcome.errors[:3]]}",
                )
                count = db.execute("SELECT count(*) FROM members").fetchone()[0]
            finally:
                db.conn.close()
            return count

        def bare() -> int:
            wb = load_workbook(workbook, read_only=True)
            try:
                rows = sum(1 for _ in wb.worksheets[0].iter_rows(values_only=True))
            finally:
                wb.close()
            return rows - 1

        def written(count: int) -> None:
            expect(
                count == IMPORT_ROWS,
                f"{count} members in the register after the import, expected {IMPORT_ROWS}",
            )

        def iterated(count: int) -> None:
            expect(count == IMPORT_ROWS, f"openpyxl iterated {count} rows, expected {IMPORT_ROWS}")

        # Copying the empty register is the only untimed preparation; it takes milliseconds.
        ours_s, bare_s = alternate(
            ours, bare, repeats, warmup=1, check_ours=written, check_baseline=iterated
        )
        return Result(
            name,
            ours_s,
            bare_s,
            target,
            baseline_name="openpyxl read-only iteration",
            note="run_import: read, check every row, back up, write in one transaction",
        )

    return _guard(name, target, run)


# ------------------------------------------------------------------ Excel export
def measure_export(members_db: Path, workdir: Path, repeats: int) -> Result:
    name = f"Excel export: {EXPORT_ROWS:,} members"
    target = Target.ratio(1.5)

    def run() -> Result:
        from openpyxl import Workbook, load_workbook

        from guilin_union.services.members import list_members
        from guilin_union.services.members.outputs import EXPORT_COLUMNS, export_members
        from guilin_union.storage import open_database

        db = open_database(members_db, read_only=True)
        ours_path, bare_path = workdir / "export-ours.xlsx", workdir / "export-bare.xlsx"
        rows = list_members(db)
        expect(
            len(rows) == EXPORT_ROWS,
            f"the register has {len(rows)} members, expected {EXPORT_ROWS}",
        )
        values = [[r.get(key) for key, _header in EXPORT_COLUMNS] for r in rows]
        headers = [header for _key, header in EXPORT_COLUMNS]

        def ours() -> int:
            _path, count = export_members(db, ours_path)
            return count

        def bare() -> int:
            wb = Workbook(write_only=True)
            ws = wb.create_sheet("会员名册")
            ws.append(headers)
            for row in values:
                ws.append(row)
            wb.save(bare_path)
            return len(values)

        def exported(count: int) -> None:
            expect(count == EXPORT_ROWS, f"exported {count} rows, expected {EXPORT_ROWS}")

        try:
            ours_s, bare_s = alternate(
                ours, bare, repeats, warmup=1, check_ours=exported, check_baseline=exported
            )
        finally:
            db.conn.close()
        wb = load_workbook(ours_path, read_only=True)
        try:
            sheet = wb.worksheets[0]
            data_rows = sum(
                1
                for row in sheet.iter_rows(values_only=True)
                if len(row) > 1 and row[1] not in (None, "")
            )
        finally:
            wb.close()
        # Heading row and header row come on top of the members.
        expect(data_rows >= EXPORT_ROWS, f"the exported file holds {data_rows} filled rows")
        return Result(
            name,
            ours_s,
            bare_s,
            target,
            baseline_name="openpyxl write-only, same values",
            note="export_members: query, masking, text formats, widths, atomic save",
        )

    return _guard(name, target, run)


# ------------------------------------------------------------------ work points
def measure_workpoints(repeats: int) -> list[Result]:
    from guilin_union.core.workpoints_parser import parse_workpoints

    results = []
    files = sorted(WORKPOINT_SAMPLES.glob("*.txt"))
    if not files:
        return [
            invalid(
                "work-points parse",
                f"no sample documents in {WORKPOINT_SAMPLES}",
                target=Target.at_most(0.05),
            )
        ]
    for file in files:
        name = f"work-points parse: {file.stem}"
        target = Target.at_most(0.05)
        text = file.read_text(encoding="utf-8")

        def check(doc: Any, file: Path = file) -> None:
            expect(sum(1 for _ in doc.iter_nodes()) > 0, f"{file.name}: no outline items found")

        def run(text: str = text, name: str = name, target: Target = target) -> Result:
            samples = repeat(lambda: parse_workpoints(text), repeats * 4, warmup=1, check=check)
            nodes = sum(1 for _ in parse_workpoints(text).iter_nodes())
            return Result(
                name, samples, None, target, note=f"{len(text):,} characters, {nodes} items"
            )

        results.append(_guard(name, target, run))
    return results
