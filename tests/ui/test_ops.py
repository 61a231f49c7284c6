"""The one operation runner (ui/ops.py): errors, read-only mode, notify once, undo, files."""

from __future__ import annotations

import pytest

from guilin_union.core.errors import ConflictError, UserError, ValidationError
from guilin_union.reports.errors import ReportWriteError
from guilin_union.services.changes import Changes
from guilin_union.services.members import branches
from guilin_union.spreadsheets.errors import FileLockedError, WorkbookError
from guilin_union.storage import open_database
from guilin_union.storage.backup import BackupError
from guilin_union.storage.migrations import DatabaseTooNewError
from guilin_union.ui import ops
from guilin_union.ui.context import AppContext
from tests.ui.helpers import ScriptedPrompts


@pytest.fixture
def ctx(tmp_path):
    path = tmp_path / "union.db"
    db = open_database(path)
    context = AppContext(db=db, db_path=path, prompts=ScriptedPrompts())
    yield context
    context.db.conn.close()


def _record(context: AppContext) -> list[Changes]:
    seen: list[Changes] = []
    context.subscribe(seen.append)
    return seen


@pytest.mark.parametrize(
    "cls",
    [
        ValidationError,
        ConflictError,
        WorkbookError,
        FileLockedError,
        ReportWriteError,
        BackupError,
        DatabaseTooNewError,
    ],
)
def test_every_user_facing_error_derives_from_user_error(cls):
    assert issubclass(cls, UserError)


def test_write_notifies_once_and_undo_uses_the_services_inverse(ctx, qtbot):
    branch_id = branches.add_branch(ctx.db, "文学院分工会").row_id
    seen = _record(ctx)
    results = []
    op = ops.CollectionOp(
        ctx, None, "重命名", lambda db: branches.rename_branch(db, branch_id, "人文学院分工会")
    )
    op.success(results.append).run()
    assert len(results) == 1 and results[0].row_id == branch_id
    assert seen == [Changes.of("branches", "members")]
    assert ctx.undo_stack.count() == 1 and ctx.undo_stack.undoText() == "重命名"
    ctx.undo_stack.undo()
    assert branches.branch_names(ctx.db) == ["文学院分工会"]
    ctx.undo_stack.redo()
    assert branches.branch_names(ctx.db) == ["人文学院分工会"]
    assert len(seen) == 3


def test_a_user_error_is_shown_and_nothing_is_notified(ctx, qtbot):
    branches.add_branch(ctx.db, "文学院分工会")
    other = branches.add_branch(ctx.db, "机关分工会").row_id
    seen = _record(ctx)
    result = ops.CollectionOp(
        ctx, None, "重命名", lambda db: branches.rename_branch(db, other, "文学院分工会")
    ).run()
    assert result is None and seen == [] and ctx.undo_stack.count() == 0
    kind, title, text = ctx.prompts.messages[-1]
    assert (kind, title) == ("warning", "重命名") and "已存在" in text


def test_run_if_confirmed_asks_first_and_runs_only_when_agreed(ctx, qtbot):
    branch_id = branches.add_branch(ctx.db, "文学院分工会").row_id
    seen = _record(ctx)
    op = ops.CollectionOp(
        ctx, None, "重命名", lambda db: branches.rename_branch(db, branch_id, "人文学院分工会")
    )
    ctx.prompts.confirms = [False, True]
    assert op.run_if_confirmed("改名吗？") is None and seen == []
    assert ctx.prompts.messages[-1] == ("confirm", "重命名", "改名吗？")
    assert op.run_if_confirmed("改名吗？", ok_text="改名").row_id == branch_id
    assert seen == [Changes.of("branches", "members")]


def test_a_programming_error_is_not_swallowed_on_the_ui_thread(ctx, qtbot):
    with pytest.raises(ZeroDivisionError):
        ops.CollectionOp(ctx, None, "x", lambda db: 1 / 0).run()


def test_read_only_context_refuses_writes_before_running_them(ctx, qtbot):
    ctx.read_only = True
    calls = []
    ops.CollectionOp(ctx, None, "添加", lambda db: calls.append(db)).run()
    ops.CollectionOp(ctx, None, "添加", lambda db: calls.append(db)).run_in_background()
    assert calls == []
    assert [m[0] for m in ctx.prompts.messages] == ["warning", "warning"]


def test_background_work_uses_its_own_read_only_connection(ctx, qtbot):
    ctx.read_only = True
    seen: list = []
    done: list = []

    def work(db):
        seen.append(db)
        return db.read_only

    ops.QueryOp(ctx, None, "查询", work).success(done.append).run_in_background()
    qtbot.waitUntil(lambda: bool(done))
    assert done == [True] and seen[0] is not ctx.db


def test_background_failure_is_reported_through_the_prompt_seam(ctx, qtbot):
    def work(db):
        raise ReportWriteError("文件正被 PDF 阅读器打开")

    failures: list = []
    ops.QueryOp(ctx, None, "打印", work).run_in_background()
    qtbot.waitUntil(lambda: bool(ctx.prompts.messages))
    assert ctx.prompts.messages == [("error", "打印失败", "文件正被 PDF 阅读器打开")]
    ops.QueryOp(ctx, None, "打印", work).failure(failures.append).run_in_background()
    qtbot.waitUntil(lambda: bool(failures))
    assert isinstance(failures[0], ReportWriteError)


def test_progress_and_cancel(ctx, qtbot, monkeypatch):
    monkeypatch.setattr(ops, "BACKGROUND", False)
    steps: list[tuple[int, int]] = []
    done: list = []

    def work(db, progress):
        for i in range(3):
            progress(i, 3)
        return "ok"

    op = ops.QueryOp(ctx, None, "检查", work).with_progress(
        on_progress=lambda d, t: steps.append((d, t))
    )
    op.success(done.append).run_in_background()
    assert steps == [(0, 3), (1, 3), (2, 3)] and done == ["ok"]

    def cancelled(db, progress):
        raise ops.Cancelled

    ops.QueryOp(ctx, None, "检查", cancelled).with_progress(on_progress=lambda d, t: None).success(
        done.append
    ).run_in_background()
    assert done == ["ok"] and ctx.prompts.messages == []  # cancelling is silent


def test_save_output_asks_fixes_the_suffix_and_says_where(ctx, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(ops, "BACKGROUND", False)
    ctx.prompts.save_paths.append(tmp_path / "名册")

    def build(db, path):
        path.write_text("x", encoding="utf-8")
        return path, 1

    out = ops.save_output(ctx, None, "导出名册", build, filters="Excel 工作簿 (*.xlsx)")
    assert out == tmp_path / "名册.xlsx" and out.exists()
    assert ctx.prompts.messages == [("info", "导出名册", f"已保存：\n{out}")]
    assert ctx.last_folder() == tmp_path


def test_save_output_cancelled_writes_nothing(ctx, qtbot):
    ctx.prompts.save_paths.append(None)
    assert ops.save_output(ctx, None, "导出", lambda db, p: p) is None
    assert ctx.prompts.messages == []


def test_undo_and_redo_of_an_add_come_from_the_services_inverses(tmp_path, qtbot):
    """Add → undo deletes it → redo restores the same row (same id), through the runner."""
    from guilin_union.services import intake

    path = tmp_path / "union.db"
    db = open_database(path)
    branches.add_branch(db, "文学院分工会")
    context = AppContext(db=db, db_path=path, prompts=ScriptedPrompts())
    data = {"name": "张三", "branch": "文学院分工会"}
    added = ops.CollectionOp(
        context, None, "新增入会申请", lambda d: intake.add_application(d, data)
    ).run()
    app_id = added.row_id

    def names() -> list[str]:
        return [r[0] for r in db.execute("SELECT name FROM intake_applications ORDER BY id")]

    assert names() == ["张三"]
    context.undo_stack.undo()
    assert names() == []
    context.undo_stack.redo()
    assert names() == ["张三"] and intake.get_application(db, app_id)["name"] == "张三"
    context.undo_stack.undo()
    assert names() == []
    db.conn.close()


def test_a_delete_pushes_one_undo_step_that_restores_the_row(tmp_path, qtbot):
    from guilin_union.services import intake

    path = tmp_path / "union.db"
    db = open_database(path)
    branches.add_branch(db, "文学院分工会")
    app_id = intake.add_application(db, {"name": "李四", "branch": "文学院分工会"}).row_id
    context = AppContext(db=db, db_path=path, prompts=ScriptedPrompts())
    ops.CollectionOp(
        context, None, "删除", lambda d: intake.delete_application(d, app_id), undo_text="删除李四"
    ).run()
    assert context.undo_stack.count() == 1 and context.undo_stack.undoText() == "删除李四"
    context.undo_stack.undo()
    assert intake.get_application(db, app_id)["name"] == "李四"
    db.conn.close()
