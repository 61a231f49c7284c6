"""Render every report on the demo database to PDF and PNG pages, to look at them.

    uv run python -m guilin_union.reports.gallery -o DIR [--db FILE] [--only a,b] [--dpi 70]

Without ``--db`` a fresh demo database is made in ``DIR`` and members named 刘䶮 (CJK Ext-A),
王𠀾 (Ext-B) and one with a 40-character name are added to it, so that the rare-character
fallback and the long-name layouts show on the pages. Each report runs through the command
line exactly as a user would run it (a separate process: the gallery sits below the CLI in
the layering), then ``pdftoppm`` (poppler-utils, where installed) renders the pages to
``DIR/<report>-<page>.png``. ``DIR/index.md`` lists every report with its outcome.

Report options come from :data:`OPTIONS`; a report added later without an entry is run with
no options first, and a usage error is listed as such (add it to :data:`OPTIONS`).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

# Names needing the Ext-A / Ext-B fallback fonts, and a 40-character name.
RARE_NAMES = ("刘䶮", "王𠀾", ("欧阳" * 10 + "Maria Elena de la Cruz")[:40])

# Options per report; {placeholders} are filled from the database (:data:`QUERIES`).
OPTIONS: dict[str, list[str]] = {
    "member-form": ["--member", "{rare_members}"],
    "member-cards": ["--member", "{rare_members_and_more}"],
    "dues-summary": ["--month", "{dues_month}"],
    "dues-collection": ["--month", "{dues_month}"],
    "agenda": ["--session", "{session}"],
    "delegates": ["--session", "{session}"],
    "signin": ["--session", "{session}"],
    "ballot": ["--session", "{session}"],
    "vote-results": ["--session", "{session}"],
    "proposal-forms": ["--session", "{session}"],
    "proposal-compilation": ["--session", "{session}"],
    "proposal-handling": ["--session", "{session}"],
    "proposal-stats": ["--session", "{session}"],
    "workpoints-ledger": ["--year", "{workpoints_year}"],
    "workpoints-summary": ["--year", "{workpoints_year}"],
    "activity-signup": ["--activity", "{activity}"],
    "activity-participants": ["--activity", "{activity}"],
    "activity-results": ["--activity", "{activity_with_results}"],
    "activity-team-points": ["--activity", "{activity_with_results}"],
    "activity-summary": ["--activity", "{activity_with_results}"],
    "activity-year-budget": ["--year", "{activity_year}"],
    "welfare-roster": ["--year", "{welfare_year}"],
    "welfare-stats": ["--year", "{welfare_year}"],
    "welfare-approval": ["--payment", "{welfare_payment}"],
    "hardship-application": ["--member", "{hardship_member}"],
    "funds-execution": ["--year", "{funds_year}"],
    "funds-final": ["--year", "{funds_year}"],
    "year-summary": ["--year", "{welfare_year}"],
}

QUERIES: dict[str, str] = {
    "session": "SELECT min(id) FROM congress_sessions",
    "activity": "SELECT min(id) FROM activities",
    "activity_with_results": "SELECT coalesce((SELECT min(activity_id) FROM activity_results),"
    " (SELECT min(id) FROM activities))",
    "activity_year": "SELECT max(substr(start_date, 1, 4)) FROM activities",
    "welfare_year": "SELECT max(substr(pay_date, 1, 4)) FROM welfare_payments",
    "welfare_payment": "SELECT max(id) FROM welfare_payments",
    "welfare_batch": "SELECT min(id) FROM welfare_batches",
    "sitting": "SELECT min(id) FROM congress_sittings",
    "hardship_member": "SELECT min(member_id) FROM welfare_hardship",
    "dues_month": "SELECT strftime('%Y-%m', 'now')",
    "workpoints_year": "SELECT max(year) FROM workpoint_plans",
    "funds_year": "SELECT strftime('%Y', 'now')",
}


@dataclass
class Outcome:
    name: str
    title: str
    ok: bool
    detail: str
    pages: list[Path]


def _cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "guilin_union", "--db", str(db), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def _add_rare_members(db: Path) -> None:
    """Members whose names need the Ext-A/Ext-B fallback fonts, and a 40-character name."""
    from guilin_union.services import members
    from guilin_union.storage import open_database

    database = open_database(db)
    try:
        branch = database.execute("SELECT name FROM branches ORDER BY id LIMIT 1").fetchone()[0]
        for i, name in enumerate(RARE_NAMES):
            members.add_member(
                database,
                {"name": name, "branch": branch, "join_date": "2020-09-01", "staff_no": f"G9{i}"},
            )
    finally:
        database.conn.close()


def _add_congress_samples(db: Path) -> None:
    """An election and a 分组讨论 in the first session where the demo has none, so that the
    计票结果 and 讨论记录 show their pages (and signature lines) rather than "尚无". Added
    through the command line, as a user would."""
    from guilin_union.storage.uri import connect_read_only

    conn = connect_read_only(db)
    try:
        session, day = conn.execute(
            "SELECT id, start_date FROM congress_sessions ORDER BY id LIMIT 1"
        ).fetchone() or (None, None)
        if session is None:
            return
        names = [r[0] for r in conn.execute("SELECT name FROM members ORDER BY id LIMIT 3")]
        has_election = conn.execute(
            "SELECT count(*) FROM congress_elections WHERE session_id = ?", (session,)
        ).fetchone()[0]
        has_group = conn.execute(
            "SELECT count(*) FROM congress_sittings WHERE session_id = ? AND kind = '分组讨论'",
            (session,),
        ).fetchone()[0]
    finally:
        conn.close()
    if not has_election:
        args = ["--session", str(session), "--title", "增补工会委员", "--method", "差额"]
        args += ["--seats", "2", *[x for n in names for x in ("--candidate", n)]]
        _cli(db, "congress", "election", "add", *args)
    if not has_group:
        _cli(
            db,
            "congress",
            "sitting",
            "add",
            "--session",
            str(session),
            "--kind",
            "分组讨论",
            "--date",
            day or "2026-03-12",
            "--title",
            "第一组分组讨论",
            "--convenor",
            RARE_NAMES[1],
            "--recorder",
            RARE_NAMES[0],
            "--minutes",
            "代表们围绕学校工作报告展开讨论，建议进一步完善教职工福利保障。",
        )


def _values(db: Path) -> dict[str, str]:
    values: dict[str, str] = {}
    from guilin_union.storage.uri import connect_read_only

    conn = connect_read_only(db)
    try:
        for key, sql in QUERIES.items():
            try:
                row = conn.execute(sql).fetchone()
            except sqlite3.Error:
                row = None
            if row and row[0] is not None:
                values[key] = str(row[0])
        rare = [
            str(r[0])
            for r in conn.execute(
                "SELECT id FROM members WHERE name IN (?, ?) OR length(name) >= 30 ORDER BY id",
                ("刘䶮", "王𠀾"),
            )
        ]
        more = [str(r[0]) for r in conn.execute("SELECT id FROM members ORDER BY id LIMIT 7")]
        values["rare_members"] = ",".join(rare or more[:1])
        values["rare_members_and_more"] = ",".join(more + rare)
    finally:
        conn.close()
    return values


# Required options of reports not in OPTIONS, by option name: the value key in QUERIES.
BY_OPTION = {
    "session": "session",
    "activity": "activity",
    "year": "welfare_year",
    "month": "dues_month",
    "member": "rare_members",
    "payment": "welfare_payment",
    "batch": "welfare_batch",
    "sitting": "sitting",
}


def _options_from_usage(usage: str, values: dict[str, str]) -> tuple[list[str] | None, str]:
    """``--session ID`` style required options named in an argparse usage message, filled
    from ``values``; and the output suffix its ``-o FILE.xxx`` asks for."""
    import re

    line = " ".join(usage.split())
    options: list[str] = []
    for flag in re.findall(r"(?<![\[\w-])--([a-z-]+) [A-Z]", line.split("-o FILE")[0]):
        key = BY_OPTION.get(flag)
        if key is None or key not in values:
            return None, ".pdf"
        options += [f"--{flag}", values[key]]
    suffix = re.search(r"-o FILE(\.[a-z]+)", line)
    return options, suffix.group(1) if suffix else ".pdf"


def _render_pages(pdf: Path, dpi: int) -> list[Path]:
    exe = shutil.which("pdftoppm")
    if not exe or pdf.suffix != ".pdf":
        return []
    prefix = pdf.with_suffix("")
    subprocess.run([exe, "-png", "-r", str(dpi), str(pdf), str(prefix)], check=False)
    return sorted(pdf.parent.glob(f"{prefix.name}-*.png"))


def render(
    out: Path, db: Path | None = None, *, only: set[str] | None = None, dpi: int = 70
) -> list[Outcome]:
    out.mkdir(parents=True, exist_ok=True)
    if db is None:
        db = out / "demo.db"
        if db.exists():
            db.unlink()
        made = _cli(db, "demo")
        if made.returncode != 0:
            raise SystemExit(f"无法生成演示数据库：{made.stderr}")
        _add_rare_members(db)
        _add_congress_samples(db)
    listing = _cli(db, "report", "list", "--json")
    reports = {r["name"]: r["title"] for r in json.loads(listing.stdout or "[]")}
    values = _values(db)
    outcomes = []
    for name, title in reports.items():
        if only and name not in only:
            continue
        try:
            options = [o.format(**values) for o in OPTIONS.get(name, [])]
        except KeyError as exc:
            outcomes.append(Outcome(name, title, False, f"演示数据中没有 {exc}", []))
            continue
        pdf = out / f"{name}.pdf"
        for old in out.glob(f"{name}-*.png"):
            old.unlink()
        done = _cli(db, "report", name, *options, "-o", str(pdf))
        if done.returncode == 2 and name not in OPTIONS:
            # A report added later: fill its required options from the usage message.
            retry, suffix = _options_from_usage(done.stderr, values)
            if retry is not None:
                pdf = out / f"{name}{suffix}"
                done = _cli(db, "report", name, *retry, "-o", str(pdf))
        detail = (done.stdout + done.stderr).strip().replace("\n", " ")
        ok = done.returncode == 0 and pdf.exists()
        pages = _render_pages(pdf, dpi) if ok else []
        outcomes.append(Outcome(name, title, ok, detail, pages))
        print(("✓ " if ok else "✗ ") + f"{name}（{title}）：{detail[:160]}", flush=True)
    lines = ["# 报表图库", "", f"数据库：`{db}`", ""]
    for o in outcomes:
        lines.append(f"- {'✓' if o.ok else '✗'} **{o.name}** {o.title} — {o.detail}")
        lines += [f"  - ![]({p.name})" for p in o.pages]
    (out / "index.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return outcomes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m guilin_union.reports.gallery",
        description="在演示数据库上生成全部报表（PDF 和逐页 PNG），用于逐页查看版式。",
    )
    parser.add_argument("-o", "--output", required=True, metavar="DIR", help="输出文件夹")
    parser.add_argument("--db", metavar="FILE", help="使用已有数据库（默认新建演示数据库）")
    parser.add_argument("--only", metavar="NAME,…", help="只生成这些报表（逗号分隔）")
    parser.add_argument("--dpi", type=int, default=70, help="PNG 分辨率（默认 70）")
    args = parser.parse_args(argv)
    only = {n.strip() for n in args.only.split(",")} if args.only else None
    outcomes = render(
        Path(args.output), Path(args.db) if args.db else None, only=only, dpi=args.dpi
    )
    failed = [o.name for o in outcomes if not o.ok]
    if failed:
        print("失败：" + "、".join(failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
