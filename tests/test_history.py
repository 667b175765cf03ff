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


# --- same brand only, --against, progress carried in the result ------------------------------


def _scored(brand: str | None, alt_message: str, score: float, handle: str = "bluedoor"):  # type: ignore[no-untyped-def]
    """An audit whose ALT001 warns with `alt_message` (partial progress lives there)."""
    alt = check("ALT001", Status.WARN, message=alt_message)
    alt = alt.model_copy(update={"score": float(alt_message.split(" of ")[0]) / 3})
    return audit_result(
        [profile_result(handle, checks=[alt, check("BIO001", Status.FAIL)], score=score)],
        brand=brand,
        score=score,
    )


def test_diff_pairs_only_audits_of_one_brand(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    first = history.record(_scored("Modra Vrata", "1 of 3 image posts", 60.0), db)
    other = history.record(_scored("Zrno", "0 of 3 image posts", 40.0, "zrno"), db)
    second = history.record(_scored("modra  vrata", "2 of 3 image posts", 70.0), db)
    third = history.record(_scored("Zrno", "0 of 3 image posts", 41.0, "zrno"), db)
    # the latest audit is Zrno's: compared with Zrno's previous one, never Modra Vrata's
    assert history.pick_pair(db) == (other, third)
    assert history.pick_pair(db, brand="Modra Vrata") == (first, second)
    assert history.pick_pair(db, against=first) == (first, second)
    with pytest.raises(InputError, match="different brands"):
        history.pick_pair(db, before=first, after=third)
    only = tmp_path / "one.sqlite3"
    lone = history.record(_scored("Modra Vrata", "1 of 3 image posts", 60.0), only)
    with pytest.raises(InputError, match="no earlier audit of the same brand"):
        history.pick_pair(only)
    with pytest.raises(InputError, match="only audit of its brand"):
        history.pick_pair(only, against=lone)


def test_unnamed_audits_match_by_their_profiles() -> None:
    assert history.same_brand(None, "instagram:@a, bluesky:@b", None, "bluesky:@b")
    assert not history.same_brand(None, "instagram:@a", None, "instagram:@c")
    assert history.same_brand("Café Lipa", "x", " café  LIPA ", "y")
    assert not history.same_brand("Café Lipa", "instagram:@a", "Zrno", "instagram:@a")


def test_progress_since_the_brands_last_audit(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    old = _scored("Modra Vrata", "1 of 3 image posts", 60.9)
    history.record(old, db)
    history.record(_scored("Zrno", "0 of 3 image posts", 10.0, "zrno"), db)
    now = _scored("Modra Vrata", "2 of 3 image posts", 71.2)
    now.profiles[0].checks[1] = check("BIO001", Status.PASS)
    progress = history.progress(now, db)
    assert progress is not None and progress.score_before == 60.9
    assert [c.id for c in progress.fixed] == ["BIO001"]
    assert [(c.id, c.detail) for c in progress.partial] == [("ALT001", "1 of 3 → 2 of 3")]
    assert progress.regressed == [] and progress.new == []
    assert progress.fixed[0].where == "Instagram @bluedoor"
    assert [t.score for t in progress.trend] == [60.9, 71.2]  # Zrno's audit is not in it
    assert progress.trend[-1].audit_id is None and progress.trend[0].profiles
    # the progress is the result's own, and is not stored with it (it is recomputed)
    now.progress = progress
    stored = history.record(now, db)
    assert history.load(stored, db).progress is None
    assert history.progress(_scored("Someone new", "1 of 3 image posts", 50.0), db) is None
