"""``workpoints`` commands (年度工作要点) and the work-points reports.

- ``workpoints import FILE --year YYYY [--kind school|upper] [--dry-run] [--json] [--replace]``
  (``-`` reads standard input). ``--json`` prints the parsed tree exactly as
  ``ParsedWorkpoints.to_dict()`` — ``{"meta": {...}, "nodes": [...]}`` — plus ``"plan_id"``
  when it was saved, and ``"ocr": {"pages", "low_confidence": [...]}`` when FILE was a scan
  read by OCR (issue 25).
- ``workpoints list --year YYYY [--kind] [--json]``: every item with number, level, heading,
  lead_unit, responsible_units, owner, deadline, status and latest_note.
- ``workpoints plans``, ``workpoints carry-over``, ``workpoints unanswered``,
  ``workpoints export`` (the ledger as Excel).
- ``report workpoints-ledger --year YYYY -o FILE.pdf`` (or ``.xlsx``),
  ``report workpoints-summary --year YYYY -o FILE.pdf``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from guilin_union.cli import CliContext, emit, emit_json, emit_listing, fail
from guilin_union.cli.option import flag, opt, year_opt
from guilin_union.cli.table import JSON, add_area, add_reports
from guilin_union.core.workpoints import PLAN_KINDS

KINDS = PLAN_KINDS


def _add_plan_filters(parser: argparse.ArgumentParser, *, year_required: bool = True) -> None:
    year_opt("--year", "年度", required=year_required)(parser)
    parser.add_argument(
        "--kind", choices=KINDS, help="school：本校；upper：上级（默认：该年度全部）"
    )
    parser.add_argument(
        "--plan", type=int, metavar="ID", help="只含这一份计划（见 workpoints plans）"
    )


def register(sub: argparse._SubParsersAction, report_sub: argparse._SubParsersAction) -> None:
    add_area(
        sub,
        "workpoints",
        "年度工作要点：导入、跟踪、台账",
        [
            (
                "import",
                "导入工作要点文件（.docx、.pdf、.txt；扫描件 PDF 和 .png/.jpg 照片经文字识别读取；- 表示标准输入）",
                [
                    opt("file", metavar="FILE"),
                    opt(
                        "more_pages",
                        nargs="*",
                        metavar="PAGE",
                        help="同一份文件的后续页照片（.png/.jpg，按页序），与 FILE 一起识别",
                    ),
                    year_opt("--year", "年度（不写时从文件标题或文号推断）"),
                    opt(
                        "--kind",
                        choices=KINDS,
                        default="school",
                        help="school：本校（默认）；upper：上级工会",
                    ),
                    flag("--dry-run", "只解析并显示，不保存"),
                    flag("--json", "以 JSON 输出解析出的条目树"),
                    flag(
                        "--replace",
                        "替换该年度同类的原有计划（原计划已有跟踪记录时拒绝）；默认两份都保留",
                    ),
                ],
                cmd_import,
            ),
            ("list", "列出某年度工作要点的条目及落实情况", [_add_plan_filters, JSON], cmd_list),
            (
                "plans",
                "列出已导入的工作要点计划",
                [year_opt("--year", "只含该年度"), JSON],
                cmd_plans,
            ),
            (
                "carry-over",
                "把未完成的条目结转到下一年度",
                [
                    year_opt("--from-year", "从哪一年结转", required=True),
                    opt("--kind", choices=KINDS, default="school", help="计划类别（默认本校）"),
                    year_opt("--to-year", "结转到哪一年（默认下一年）"),
                    JSON,
                ],
                cmd_carry_over,
            ),
            (
                "unanswered",
                "列出尚无本校条目对应的上级要点",
                [
                    year_opt("--year", "上级工作要点的年度", required=True),
                    JSON,
                ],
                cmd_unanswered,
            ),
            (
                "export",
                "导出工作要点落实台账到 Excel",
                [
                    _add_plan_filters,
                    opt("-o", "--output", required=True, metavar="FILE.xlsx", help="输出文件"),
                ],
                cmd_export,
            ),
        ],
    )

    add_reports(
        report_sub,
        [
            ("workpoints-ledger", [_add_plan_filters], cmd_ledger),
            ("workpoints-summary", [_add_plan_filters], cmd_summary),
        ],
    )


# --------------------------------------------------------------------------- import
def _read_input(name: str) -> tuple[str, str]:
    """(text, source name) of FILE, or of standard input for ``-``."""
    from guilin_union.services.document_text import decode_text, read_document_text

    if name == "-":
        from guilin_union.services.document_limits import read_limited  # bounded (issue 18)

        data = read_limited(sys.stdin.buffer if hasattr(sys.stdin, "buffer") else sys.stdin)
        return decode_text(data), "标准输入"
    path = Path(name)
    return read_document_text(path), path.name


def _read_scan(name: str, more: list[str] | None = None) -> Any:
    """The OCR preview (``services.workpoints_scan.ScanPreview``) of FILE (and the photos of
    the following pages) when it is a scanned PDF or a photo, else None."""
    from guilin_union.core.errors import ValidationError
    from guilin_union.services import ocr

    if more and not all(Path(p).suffix.lower() in ocr.IMAGE_SUFFIXES for p in [name, *more]):
        raise ValidationError(
            "多页照片请都用 .png 或 .jpg 图片；PDF、Word、文本文件只能一次导入一个"
        )
    if name == "-" or not ocr.is_scan(name) or not ocr.engine_available():
        return None
    from guilin_union.services.workpoints.scan import preview_scan

    return preview_scan([Path(p) for p in [name, *more]] if more else Path(name))


def _print_tree(nodes: list[Any], indent: int = 0) -> None:
    from guilin_union.services.workpoints.outline import display_number, format_units

    for node in nodes:
        line = "  " * indent + display_number(node.style, node.number) + node.heading
        units = []
        if node.lead_unit:
            units.append(f"牵头：{node.lead_unit}")
        if node.responsible_units:
            units.append(f"责任：{format_units(node.responsible_units)}")
        emit(line + (f"（{'；'.join(units)}）" if units else ""))
        _print_tree(node.children, indent + 1)


def cmd_import(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.workpoints import importer as wi

    scan = _read_scan(
        args.file, getattr(args, "more_pages", None)
    )  # issue 25: a scanned PDF or a photo goes through OCR
    text, source = (scan.scan.text, scan.preview.source_name) if scan else _read_input(args.file)
    preview = scan.preview if scan else wi.preview_text(text, source)
    for warning in preview.warnings:
        print(f"提示：{warning}", file=sys.stderr)
    year = args.year or preview.guessed_year
    if year is None:
        return fail("错误：无法从文件判断年度，请用 --year 指定，例如 --year 2024")
    if not preview.parsed.nodes:
        return fail("错误：没有识别到任何条目（条目应以“一、”“（一）”或“1.”等编号开头），未保存。")
    data = preview.parsed.to_dict()
    if scan is not None:
        data["ocr"] = scan.scan.to_json()  # pages and the lines to check
        if not args.json:
            for low in data["ocr"]["low_confidence"]:
                print(
                    f"提示：第{low['page']}页第{low['line']}行识别把握不大"
                    f"（{low['confidence']:.2f}），请核对：{low['text']}",
                    file=sys.stderr,
                )
    if preview.parsed.ignored_text:
        # Page furniture taken out before parsing (微信扫一扫…, 版权声明, 责任编辑…).
        data["ignored_text"] = list(preview.parsed.ignored_text)
        if not args.json:
            print("提示：已忽略的文字：" + "；".join(preview.parsed.ignored_text), file=sys.stderr)
    if args.dry_run:
        if args.json:
            emit_json(data)
        else:
            _print_tree(preview.parsed.nodes)
            emit(f"共 {preview.node_count} 个条目（仅预览，未保存）")
        return 0
    existing = wi.existing_plans(ctx.db, year, args.kind)
    result = wi.import_document(
        ctx.db,
        preview.parsed,
        year=year,
        kind=args.kind,
        source_name=source,
        source_text=text,
        on_conflict="replace" if args.replace and existing else "keep",
    )
    if existing and not args.replace:
        print(
            f"提示：{year}年已有同类工作要点{len(existing)}份，本次另存为一份新的计划"
            "（如需替换，请加 --replace）",
            file=sys.stderr,
        )
    if args.json:
        emit_json({**data, "plan_id": result.row_id})
    else:
        from guilin_union.services.workpoints import get_plan, plan_label

        emit(
            f"已导入：{plan_label(get_plan(ctx.db, result.row_id))}，共 {preview.node_count} 个条目"
            + ("（已替换原有计划）" if result.undo and result.undo.get("replaced_plan_id") else "")
        )
    return 0


# --------------------------------------------------------------------------- lists
def _plans(ctx: CliContext, args: argparse.Namespace) -> list[dict[str, Any]]:
    from guilin_union.services.workpoints.outputs import resolve_plans

    return resolve_plans(ctx.db, args.year, args.kind, getattr(args, "plan", None))


def item_json(plan: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """One item of ``workpoints list --json`` (a documented, stable contract)."""
    return {
        "id": node["id"],
        "plan_id": plan["id"],
        "year": plan["year"],
        "kind": plan["kind"],
        "number": node["number"],
        "label": node["label"],
        "level": node["level"],
        "heading": node["heading"],
        "lead_unit": node["lead_unit"],
        "responsible_units": list(node["responsible_units"]),
        "owner": node["owner"],
        "deadline": node["deadline"],
        "status": node["status"],
        "latest_note": node["latest_note"],
        "latest_note_date": node["latest_note_date"],
        "tracked": node["is_leaf"],
        "overdue": node["overdue"],
        "evidence_count": node["evidence_count"],
    }


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.core.errors import ValidationError
    from guilin_union.services.workpoints import plan_items, plan_label

    try:
        plans = _plans(ctx, args)
    except ValidationError as exc:
        if args.json and args.plan is None:  # a year without plans is an empty list, not an error
            emit_json([])
            return 0
        raise exc
    rows = [(plan, node) for plan in plans for node in plan_items(ctx.db, plan["id"])]
    if args.json:
        emit_json([item_json(plan, node) for plan, node in rows])
        return 0
    current = None
    for plan, node in rows:
        if plan["id"] != current:
            emit(f"== {plan_label(plan)}")
            current = plan["id"]
        indent = "  " * (node["level"] - 1)
        fields = [node["status_text"].replace("\n", "")]
        if node["is_leaf"]:
            fields += [node["owner"] or "（未定责任人）", node["deadline"] or "（未定时限）"]
        emit(f"{indent}{node['label']}{node['heading']}\t" + "\t".join(fields))
    emit(f"共 {sum(1 for _, n in rows if n['is_leaf'])} 项需跟踪的条目")
    return 0


def cmd_plans(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.workpoints import kind_label, list_plans

    plans = list_plans(ctx.db, year=args.year)
    return emit_listing(
        plans,
        as_json=args.json,
        line=lambda p: (
            f"{p['id']}\t{p['year']}\t{kind_label(p['kind'])}\t{p['title']}\t{p['tracked_count']} 项"
        ),
        total=f"共 {len(plans)} 份计划",
        json_row=lambda p: {
            key: p[key]
            for key in (
                "id",
                "year",
                "kind",
                "title",
                "doc_number",
                "issuer",
                "doc_date",
                "source_name",
                "imported_at",
                "item_count",
                "tracked_count",
            )
        },
    )


def cmd_carry_over(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.workpoints import get_plan, plan_label
    from guilin_union.services.workpoints.outputs import resolve_plans
    from guilin_union.services.workpoints.rollover import carry_over

    plans = resolve_plans(ctx.db, args.from_year, args.kind)
    total = 0
    target = None
    for plan in plans:
        try:
            result = carry_over(ctx.db, plan["id"], to_year=args.to_year)
        except Exception as exc:
            from guilin_union.core.errors import ValidationError

            if isinstance(exc, ValidationError) and exc.field == "item_ids" and len(plans) > 1:
                continue  # nothing left to carry in this plan; the others may have some
            raise
        total += result.undo["count"]
        target = result.row_id
    if target is None:
        return fail("错误：没有需要结转的条目")
    if args.json:
        emit_json({"carried": total, "plan_id": target})
    else:
        emit(f"已结转 {total} 项到：{plan_label(get_plan(ctx.db, target))}")
    return 0


def cmd_unanswered(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.workpoints.links import unanswered_upper_items
    from guilin_union.services.workpoints.outputs import resolve_plans

    rows = []
    for plan in resolve_plans(ctx.db, args.year, "upper"):
        for item in unanswered_upper_items(ctx.db, plan["id"]):
            rows.append(
                {
                    "id": item["id"],
                    "plan_id": plan["id"],
                    "number": item["number"],
                    "label": item["label"],
                    "heading": item["heading"],
                    "lead_unit": item["lead_unit"],
                }
            )
    return emit_listing(
        rows,
        as_json=args.json,
        line=lambda r: f"{r['label']}{r['heading']}",
        total=f"共 {len(rows)} 项上级要点尚无本校条目对应",
    )


# --------------------------------------------------------------------------- outputs
def _write(args: argparse.Namespace, ctx: CliContext, writer: Any, message: str) -> int:
    """Write an output of the chosen plans; ``message`` names the path and the count."""
    path, n = writer(ctx.db, args.output, year=args.year, kind=args.kind, plan_id=args.plan)
    emit(message.format(path=path, n=n))
    return 0


def cmd_export(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.workpoints.outputs import ledger_excel

    return _write(args, ctx, ledger_excel, "已导出工作要点落实台账（{n} 行）：{path}")


def cmd_ledger(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.workpoints.outputs import ledger_excel, ledger_pdf

    writer = ledger_excel if str(args.output).lower().endswith(".xlsx") else ledger_pdf
    return _write(args, ctx, writer, "已生成工作要点落实台账（{n} 行）：{path}")


def cmd_summary(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.workpoints.outputs import summary_pdf

    return _write(args, ctx, summary_pdf, "已生成工作要点年终总结（{n} 项）：{path}")
