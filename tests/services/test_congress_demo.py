"""The congress demo: a term with two past sessions and one being held, realistic delegates."""

from __future__ import annotations

from guilin_union.services import congress
from guilin_union.services.congress import delegates
from guilin_union.services.congress.attendance import attendance_summary
from guilin_union.services.congress.votes import vote_summary


def test_demo_term_sessions_and_delegates(demo_db):
    sessions = congress.list_sessions(demo_db)
    assert [s.meeting_no for s in sessions] == [1, 2, 3]
    assert [s.status for s in sessions] == ["已闭幕", "已闭幕", "召开中"]
    # issue 20: a joint congress with two numbers
    assert sessions[0].title == "第一届教职工代表大会暨第十六届工会会员代表大会第一次会议"
    current = sessions[-1]
    comp = delegates.composition(demo_db, current.term_id, current.date)
    assert 100 <= comp.formal <= 140
    assert comp.by_type["列席代表"] > 0 and comp.by_type["特邀代表"] > 0
    assert comp.teacher_ok and comp.teachers * 100 >= comp.formal * 60
    assert not any("团长" in w for w in comp.warnings)
    replaced = demo_db.execute(
        "SELECT count(*) FROM congress_delegates WHERE replaces_id IS NOT NULL"
    ).fetchone()[0]
    assert replaced >= 2


def test_demo_sign_in_agenda_and_votes(demo_db):
    for s in congress.list_sessions(demo_db):
        summary = attendance_summary(demo_db, s.id)
        assert summary.quorum_met, s.title
        votes = vote_summary(demo_db, s.id)
        assert votes.results
        assert (
            demo_db.execute(
                "SELECT count(*) FROM congress_agenda_items WHERE session_id = ?", [s.id]
            ).fetchone()[0]
            == 12
        )
    second = congress.list_sessions(demo_db)[1]
    assert vote_summary(demo_db, second.id).failed == 1  # a motion short of half of ALL 正式代表
    current = congress.list_sessions(demo_db)[-1]
    assert vote_summary(demo_db, current.id).pending >= 3
    assert attendance_summary(demo_db, current.id).unmarked > 0


def test_demo_is_deterministic(tmp_path):
    from guilin_union.services.demo import populate_demo
    from guilin_union.storage import open_database

    rows = []
    for n in range(2):
        db = open_database(tmp_path / f"d{n}.db")
        populate_demo(db, seed=11)
        rows.append(
            db.execute(
                "SELECT group_concat(member_id || delegate_type || category) FROM congress_delegates"
            ).fetchone()[0]
        )
        db.conn.close()
    assert rows[0] == rows[1]


def test_demo_proposals_in_every_state(demo_db):
    from guilin_union.services.proposals.query import ProposalQuery, count, session_stats

    total = demo_db.execute("SELECT count(*) FROM proposals").fetchone()[0]
    assert 35 <= total <= 45
    statuses = {r[0] for r in demo_db.execute("SELECT DISTINCT status FROM proposals")}
    assert statuses == {
        "待审查",
        "已立案",
        "办理中",
        "已答复",
        "已办结",
        "已并案",
        "转意见建议",
        "不立案",
        "已撤案",
    }
    assert count(demo_db, ProposalQuery(overdue=True)) >= 2
    rehandled = demo_db.execute(
        "SELECT count(DISTINCT proposal_id) FROM proposal_rounds WHERE round_no = 2"
    ).fetchone()[0]
    assert rehandled >= 2
    merged = demo_db.execute(
        "SELECT count(*) FROM proposal_people WHERE role = '联名提案人'"
    ).fetchone()[0]
    assert merged >= 1
    for s in congress.list_sessions(demo_db):
        stats = session_stats(demo_db, s.id)
        assert stats.total == sum(stats.by_review.values())


def test_demo_proposals_obey_the_rules(demo_db):
    from guilin_union.services.proposals import delegate_problem

    rows = demo_db.execute(
        "SELECT p.id, p.proposer_member_id, p.submitted_on, s.term_id, p.submitted_on > s.proposal_deadline,"
        " p.late_reason FROM proposals p JOIN congress_sessions s ON s.id = p.session_id"
    ).fetchall()
    for pid, proposer, day, term, late, reason in rows:
        assert delegate_problem(demo_db, term, proposer, day) is None
        assert not late or reason
        seconders = [
            r[0]
            for r in demo_db.execute(
                "SELECT member_id FROM proposal_people WHERE proposal_id = ? AND role = '附议人'",
                [pid],
            )
        ]
        assert len(seconders) >= 2 and proposer not in seconders
        for m in seconders:
            assert delegate_problem(demo_db, term, m, day) is None


def test_demo_issue20_practice(demo_db):
    from guilin_union.services.congress import elections, sittings
    from guilin_union.services.proposals.query import session_stats

    current = congress.list_sessions(demo_db)[-1]
    found = [sittings.sitting_json(demo_db, s) for s in sittings.list_sittings(demo_db, current.id)]
    assert len(found) >= 2 and all(s["应到"] > 0 for s in found)
    [result] = [
        elections.election_result(demo_db, e) for e in elections.list_elections(demo_db, current.id)
    ]
    assert result.method == "差额" and result.valid
    assert len(result.elected) <= result.seats
    for c in result.candidates:  # 当选 flags follow the rule
        assert c.elected == (c.name in result.elected)
        if c.elected:
            assert c.yes >= result.needed
    gaps = delegates.vacancies(demo_db, current.term_id)
    assert {g["reason"] for g in gaps} >= {"会籍变更：退休（保留会籍）", "会籍变更：转出"}
    formal = delegates.session_delegates(demo_db, current.id, types=["正式代表"])
    assert all(r["member_status"] == "在会" for r in formal)
    handled = [session_stats(demo_db, s.id).handling for s in congress.list_sessions(demo_db)]
    assert sum(h["转意见建议"]["replied"] + h["不立案"]["replied"] for h in handled) >= 1


def test_demo_formal_delegates_are_in_good_standing_on_the_session_date(demo_db):
    from guilin_union.services.members import status as member_status

    for s in congress.list_sessions(demo_db):
        formal = delegates.session_delegates(demo_db, s.id, types=["正式代表"])
        statuses = member_status.statuses_on(demo_db, [r["member_id"] for r in formal], s.date)
        assert set(statuses.values()) <= {"在会", None}, s.title
