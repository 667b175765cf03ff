"""Audit history: every audit stored in SQLite, and what changed between two of them.

Marketers re-audit after fixing things; the question is "what improved?". Each stored audit
is the full AuditResult JSON (the report contract, so old audits stay readable as the tool
evolves) plus a few columns to list and pick them by. The database lives in the user data
dir (`platformdirs`), or wherever `--db` / FINDABLE_DB says.
"""

from __future__ import annotations

import math
import os
import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, ValidationError

from audit.dates import parse_iso
from audit.errors import InputError
from audit.redact import redact_model
from audit.result import (
    AuditResult,
    CheckResult,
    Progress,
    ProgressItem,
    ProgressScore,
    Status,
    TrendPoint,
)

__all__ = [
    "AuditDiff",
    "CheckChange",
    "ProfileDelta",
    "StoredAudit",
    "default_db",
    "diff",
    "list_audits",
    "load",
    "pick_pair",
    "progress",
    "record",
    "same_brand",
    "same_brand_audits",
]

ENV_VAR = "FINDABLE_DB"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS audits (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    brand        TEXT,
    generated_at TEXT NOT NULL,
    score        REAL,
    profiles     TEXT NOT NULL,
    tool_version TEXT NOT NULL,
    result_json  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audits_brand ON audits (brand, generated_at);
"""


def default_db() -> Path:
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir("findable", appauthor=False)) / "history.sqlite3"


@contextmanager
def _connect(db: Path) -> Iterator[sqlite3.Connection]:
    try:
        db.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(db)
    except (OSError, sqlite3.Error) as exc:
        raise InputError(f"history database {db}: cannot open it ({exc}); pass --db PATH") from None
    try:
        conn.executescript(_SCHEMA)
        with conn:
            yield conn
    except sqlite3.DatabaseError as exc:
        raise InputError(f"history database {db} is not usable ({exc}); pass --db PATH") from None
    finally:
        conn.close()


class StoredAudit(BaseModel):
    id: int
    brand: str | None
    generated_at: datetime | None
    score: float | None
    profiles: str
    damaged: str | None = Field(
        default=None, description="Why a value of this row could not be read (it is shown empty)."
    )

    @classmethod
    def from_row(cls, row: Sequence[Any]) -> StoredAudit:
        """A listed row, read value by value: the database is a file anyone (or a crash of
        another tool) may have edited, so a damaged value is shown empty and named, and
        the rest of the history still lists."""
        rid, brand, generated_at, score, profiles = row
        problems = []
        when = parse_iso(generated_at)
        if when is None:
            problems.append(f"generated_at {str(generated_at)[:40]!r}")
        number = score if isinstance(score, (int, float)) and not isinstance(score, bool) else None
        if score is not None and (number is None or not math.isfinite(number)):
            problems.append(f"score {str(score)[:40]!r}")
            number = None
        if not isinstance(profiles, str):
            problems.append("profiles")
        return cls(
            id=rid,
            brand=brand if isinstance(brand, str) else None,
            generated_at=when,
            score=number,
            profiles=profiles if isinstance(profiles, str) else "",
            damaged=", ".join(problems) or None,
        )


def _profile_keys(result: AuditResult) -> list[str]:
    return [f"{p.platform.value}:@{p.handle}" for p in result.profiles]


def record(result: AuditResult, db: Path | None = None) -> int:
    """Store `result` (without its progress block, which the history recomputes); returns
    its id."""
    path = db or default_db()
    redact_model(result)  # the pipeline did it; the history never relies on that
    profiles = ", ".join(_profile_keys(result))
    with _connect(path) as conn:
        cur = conn.execute(
            "INSERT INTO audits (brand, generated_at, score, profiles, tool_version, result_json)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                result.brand,
                result.generated_at.isoformat(),
                result.score,
                profiles,
                result.tool_version,
                result.model_dump_json(exclude={"progress"}),
            ),
        )
        return int(cur.lastrowid or 0)


def list_audits(
    db: Path | None = None, *, brand: str | None = None, limit: int = 50
) -> list[StoredAudit]:
    """Newest first; `brand` keeps the audits of that brand name, compared as `findable diff`
    compares them (case and spacing aside, in every script: 'šiška  PEKARNA' is 'Šiška
    Pekarna'; SQLite's lower() folds ASCII only, so the filter runs here)."""
    sql = "SELECT id, brand, generated_at, score, profiles FROM audits ORDER BY id DESC"
    with _connect(db or default_db()) as conn:
        if not brand:
            return [StoredAudit.from_row(r) for r in conn.execute(sql + " LIMIT ?", (limit,))]
        rows = conn.execute(sql).fetchall()
    wanted = [r for r in rows if isinstance(r[1], str) and same_brand(brand, "", r[1], "")]
    return [StoredAudit.from_row(r) for r in wanted[:limit]]


def _keys(profiles: str) -> set[str]:
    return {k.strip().casefold() for k in profiles.split(",") if k.strip()}


def same_brand(brand_a: str | None, profiles_a: str, brand_b: str | None, profiles_b: str) -> bool:
    """Two audits are of the same brand when both have a brand name and the names agree
    (case and spacing aside); when either has none, when they share a profile."""
    if brand_a and brand_b:
        return " ".join(brand_a.split()).casefold() == " ".join(brand_b.split()).casefold()
    return bool(_keys(profiles_a) & _keys(profiles_b))


def same_brand_audits(
    brand: str | None, profiles: str, db: Path | None = None, *, limit: int = 50
) -> list[StoredAudit]:
    """Stored audits of this brand (see `same_brand`), newest first."""
    with _connect(db or default_db()) as conn:
        rows = conn.execute(
            "SELECT id, brand, generated_at, score, profiles FROM audits ORDER BY id DESC"
        ).fetchall()
    found = [
        StoredAudit(id=r[0], brand=r[1], generated_at=r[2], score=r[3], profiles=r[4])
        for r in rows
        if same_brand(brand, profiles, r[1], r[4])
    ]
    return found[:limit]


def _one(audit_id: int, db: Path | None) -> StoredAudit:
    with _connect(db or default_db()) as conn:
        row = conn.execute(
            "SELECT id, brand, generated_at, score, profiles FROM audits WHERE id = ?",
            (audit_id,),
        ).fetchone()
    if row is None:
        raise InputError(f"no audit #{audit_id} in the history; list them with 'findable history'")
    return StoredAudit(id=row[0], brand=row[1], generated_at=row[2], score=row[3], profiles=row[4])


def _name(audit: StoredAudit) -> str:
    return f"#{audit.id} ({audit.brand or audit.profiles or 'no brand'})"


def pick_pair(
    db: Path | None = None,
    *,
    before: int | None = None,
    after: int | None = None,
    against: int | None = None,
    brand: str | None = None,
) -> tuple[int, int]:
    """The (older, newer) audit ids `findable diff` compares, always of the same brand.

    No ids: the latest audit (of `brand` when given) and the brand's audit before it.
    `against`: that audit and the latest audit of the same brand. Two ids: those, after
    checking they are of one brand (a diff across brands reports false fixes)."""
    if before is not None and after is not None:
        if against is not None:
            raise InputError("give two audit ids or --against ID, not both")
        old, new = _one(before, db), _one(after, db)
        if not same_brand(old.brand, old.profiles, new.brand, new.profiles):
            raise InputError(
                f"audits {_name(old)} and {_name(new)} are of different brands; diff compares "
                "audits of one brand (see 'findable history')"
            )
        return old.id, new.id
    if against is not None:
        base = _one(against, db)
        others = [a for a in same_brand_audits(base.brand, base.profiles, db) if a.id != base.id]
        if not others:
            raise InputError(
                f"audit {_name(base)} is the only audit of its brand; audit again after your "
                "fixes, then run 'findable diff'"
            )
        newest = others[0]
        return (base.id, newest.id) if base.id < newest.id else (newest.id, base.id)
    latest = same_brand_audits(brand, "", db, limit=1) if brand else list_audits(db, limit=1)
    if not latest:
        what = f"of {brand!r} " if brand else ""
        raise InputError(f"no audits {what}stored yet; run 'findable audit ...' or 'findable demo'")
    newest = latest[0]
    earlier = [a for a in same_brand_audits(newest.brand, newest.profiles, db) if a.id < newest.id]
    if not earlier:
        raise InputError(
            f"audit {_name(newest)} has no earlier audit of the same brand; audit again after "
            "your fixes (or pick one: findable diff --against ID)"
        )
    return earlier[0].id, newest.id


def load(audit_id: int, db: Path | None = None) -> AuditResult:
    with _connect(db or default_db()) as conn:
        row = conn.execute("SELECT result_json FROM audits WHERE id = ?", (audit_id,)).fetchone()
    if row is None:
        raise InputError(f"no audit #{audit_id} in the history; list them with 'findable history'")
    try:
        return AuditResult.model_validate_json(row[0])
    except ValueError as exc:  # ValidationError included: a damaged or foreign row
        first = exc.errors()[0] if isinstance(exc, ValidationError) else {"msg": str(exc)}
        where = ".".join(str(p) for p in first.get("loc", ())) or "the stored result"
        raise InputError(
            f"audit #{audit_id} in the history is damaged ({where}: {first.get('msg')}); "
            "compare other audits or audit again"
        ) from None


# --- diff ------------------------------------------------------------------------------------

_BAD = (Status.FAIL, Status.WARN)


class CheckChange(BaseModel):
    where: str = Field(description="'instagram:@handle', or 'brand' for brand-level checks")
    id: str
    title: str
    before: Status | None
    after: Status | None
    message: str
    fix: str | None = None
    detail: str | None = Field(
        default=None, description="Partial progress, e.g. '1 of 3 → 2 of 3'."
    )


class ProfileDelta(BaseModel):
    where: str
    before: float | None
    after: float | None

    @property
    def delta(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return round(self.after - self.before, 1)


class AuditDiff(BaseModel):
    before_id: int | None = None
    after_id: int | None = None
    brand: str | None
    score_before: float | None
    score_after: float | None
    profiles: list[ProfileDelta] = Field(default_factory=list)
    fixed: list[CheckChange] = Field(default_factory=list)
    regressed: list[CheckChange] = Field(default_factory=list)
    new: list[CheckChange] = Field(default_factory=list)
    still_failing: list[CheckChange] = Field(default_factory=list)
    partial: list[CheckChange] = Field(
        default_factory=list, description="Same verdict, a better or worse score."
    )
    keywords_before: list[str] = Field(
        default_factory=list, description="The target keywords the older audit judged."
    )
    keywords_after: list[str] = Field(
        default_factory=list, description="The target keywords the newer audit judged."
    )

    @property
    def keywords_changed(self) -> bool:
        """Audited for other words: a keyword check that moved says the words differ, not
        that the profile changed."""
        return {k.casefold() for k in self.keywords_before} != {
            k.casefold() for k in self.keywords_after
        }

    @property
    def score_delta(self) -> float | None:
        if self.score_before is None or self.score_after is None:
            return None
        return round(self.score_after - self.score_before, 1)


def _index(result: AuditResult) -> dict[tuple[str, str], CheckResult]:
    out = {("brand", c.id): c for c in result.brand_checks}
    for p in result.profiles:
        where = f"{p.platform.value}:@{p.handle}"
        out.update({(where, c.id): c for c in p.checks})
    return out


_COUNT = re.compile(r"(?<!\d)(\d+) of (\d+)")


def _partial(was: CheckResult, now: CheckResult) -> str | None:
    """'1 of 3 → 2 of 3' when a judged check kept its verdict but its score moved (the
    counts come from the messages when both carry one, else the scores as percentages)."""
    if was.status is not now.status or not now.status.weighs:
        return None
    if was.score is None or now.score is None or abs(was.score - now.score) < 1e-6:
        return None
    a, b = _COUNT.search(was.message), _COUNT.search(now.message)
    if a and b:
        return f"{a.group(0)} → {b.group(0)}"
    return f"{round(was.score * 100)}% → {round(now.score * 100)}%"


def diff(before: AuditResult, after: AuditResult) -> AuditDiff:
    """What changed: checks fixed (fail/warn -> pass), regressed (pass -> fail/warn), new
    problems (failing now, not judged before), those still failing, and partial progress
    (same verdict, a moved score: '1 of 3 → 2 of 3')."""
    old, new = _index(before), _index(after)
    out = AuditDiff(brand=after.brand or before.brand, score_before=before.score,
                    score_after=after.score, keywords_before=list(before.keywords),
                    keywords_after=list(after.keywords))  # fmt: skip
    old_scores = {f"{p.platform.value}:@{p.handle}": p.score for p in before.profiles}
    for p in after.profiles:
        where = f"{p.platform.value}:@{p.handle}"
        out.profiles.append(ProfileDelta(where=where, before=old_scores.get(where), after=p.score))
    for key, now in new.items():
        was = old.get(key)
        change = CheckChange(
            where=key[0],
            id=now.id,
            title=now.title,
            before=was.status if was else None,
            after=now.status,
            message=now.message,
            fix=now.fix,
            detail=_partial(was, now) if was else None,
        )
        if now.status is Status.PASS and was is not None and was.status in _BAD:
            out.fixed.append(change)
        elif now.status in _BAD and was is not None and was.status is Status.PASS:
            out.regressed.append(change)
        elif now.status in _BAD and (was is None or not was.status.weighs):
            out.new.append(change)
        elif now.status in _BAD:
            out.still_failing.append(change)
        if change.detail:
            out.partial.append(change)
    return out


# --- progress: the diff against the brand's previous audit, carried in the AuditResult ----


def where_label(where: str) -> str:
    """'instagram:@x' -> 'Instagram @x'; 'brand' -> 'All profiles'."""
    if where == "brand":
        return "All profiles"
    platform, colon, handle = where.partition(":")
    if not colon:
        return where
    from audit.model import Platform

    try:
        name = Platform(platform).label
    except ValueError:
        name = platform
    return f"{name} {handle}"


def _item(change: CheckChange) -> ProgressItem:
    return ProgressItem(
        where=where_label(change.where),
        id=change.id,
        title=change.title,
        before=change.before,
        after=change.after,
        detail=change.detail,
    )


def _point(result: AuditResult, audit_id: int | None) -> TrendPoint:
    return TrendPoint(
        audit_id=audit_id,
        generated_at=result.generated_at,
        score=result.score,
        profiles={f"{p.platform.label} @{p.handle}": p.score for p in result.profiles},
    )


def progress(
    result: AuditResult, db: Path | None = None, *, trend_limit: int = 24
) -> Progress | None:
    """What changed since the brand's latest stored audit, and the score trend over its
    stored audits (at most `trend_limit`, newest kept) then this one; None when the history
    holds no earlier audit of this brand. Read before `result` is stored."""
    stored = same_brand_audits(
        result.brand, ", ".join(_profile_keys(result)), db, limit=trend_limit
    )
    if not stored:
        return None
    loaded = [(a.id, load(a.id, db)) for a in reversed(stored)]  # oldest first
    previous_id, previous = loaded[-1]
    d = diff(previous, result)
    return Progress(
        previous_id=previous_id,
        previous_at=previous.generated_at,
        score_before=previous.score,
        score_after=result.score,
        profiles=[
            ProgressScore(where=where_label(p.where), before=p.before, after=p.after)
            for p in d.profiles
        ],
        fixed=[_item(c) for c in d.fixed],
        regressed=[_item(c) for c in d.regressed],
        new=[_item(c) for c in d.new],
        partial=[_item(c) for c in d.partial],
        trend=[_point(r, i) for i, r in loaded] + [_point(result, None)],
    )
