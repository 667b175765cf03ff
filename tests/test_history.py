"""Audit history in a real SQLite file: store, list, load, and what changed between audits."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from audit import history
from audit.errors import InputError
from audit.model import Platform
from audit.result import Status
from tests.test_reports_helpers import audit_result, check, profile_result


def _pair():  # type: ignore[no-untyped-def]
    before = audit_result(
        [
            profile_result(
                checks=[
                    check("BIO001", Status.FAIL),
                    check("ALT001", Status.WARN),
                    check("LNK001", Status.PASS),
                    check("CAD001", Status.FAIL),
                ],
                score=40.0,
            )
        ],
        score=40.0,
    )
    after = audit_result(
        [
            profile_result(
                checks=[
                    check("BIO001", Status.PASS),  # fixed
                    check("ALT001", Status.WARN),  # still
                    check("LNK001", Status.FAIL),  # regressed
                    check("CAD001", Status.FAIL),  # still
                    check("GEO001", Status.FAIL),  # new
                ],
                score=55.5,
            ),
            profile_result("bluedoor.si", Platform.BLUESKY, score=80.0),
        ],
        score=67.7,
    )
    return before, after


def test_record_list_load_round_trip(tmp_path: Path) -> None:
    db = tmp_path / "h" / "history.sqlite3"
    before, after = _pair()
    first = history.record(before, db)
    second = history.record(after, db)
    assert second > first
    rows = history.list_audits(db)
    assert [r.id for r in rows] == [second, first]
    assert rows[0].score == 67.7 and "bluesky:@bluedoor.si" in rows[0].profiles
    assert history.load(first, db) == before
    assert history.list_audits(db, brand="BLUE DOOR BAKERY", limit=1)[0].id == second
    assert history.list_audits(db, brand="Someone else") == []
    with sqlite3.connect(db) as conn:  # really on disk, in the documented table
        assert conn.execute("SELECT count(*) FROM audits").fetchone() == (2,)


def test_diff_sorts_changes() -> None:
    before, after = _pair()
    d = history.diff(before, after)
    assert d.score_delta == pytest.approx(27.7)
    assert [c.id for c in d.fixed] == ["BIO001"]
    assert [c.id for c in d.regressed] == ["LNK001"]
    assert [c.id for c in d.new] == ["GEO001"]
    assert sorted(c.id for c in d.still_failing) == ["ALT001", "CAD001"]
    ig, bsky = d.profiles
    assert ig.delta == pytest.approx(15.5) and bsky.before is None and bsky.delta is None


def test_missing_audit_and_broken_db(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    with pytest.raises(InputError, match="no audit #7"):
        history.load(7, db)
    bad = tmp_path / "not-a-db.sqlite3"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(InputError, match="not usable"):
        history.list_audits(bad)


def test_env_var_names_the_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FINDABLE_DB", str(tmp_path / "x.sqlite3"))
    assert history.default_db() == tmp_path / "x.sqlite3"
