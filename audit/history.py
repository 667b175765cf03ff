"""Audit history: every audit stored in SQLite, and what changed between two of them.

Marketers re-audit after fixing things; the question is "what improved?". Each stored audit
is the full AuditResult JSON (the report contract, so old audits stay readable as the tool
evolves) plus a few columns to list and pick them by. The database lives in the user data
dir (`platformdirs`), or wherever `--db` / FINDABLE_DB says.
"""

from __future__ import annotations

import math
import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, ValidationError

from audit.dates import parse_iso
from audit.errors import InputError
from audit.result import AuditResult, CheckResult, Status

__all__ = [
    "AuditDiff",
    "CheckChange",
    "ProfileDelta",
    "StoredAudit",
    "default_db",
    "diff",
    "list_audits",
    "load",
    "record",
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


def record(result: AuditResult, db: Path | None = None) -> int:
    """Store `result`; returns its id."""
    path = db or default_db()
    profiles = ", ".join(f"{p.platform.value}:@{p.handle}" for p in result.profiles)
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
                result.model_dump_json(),
            ),
        )
        return int(cur.lastrowid or 0)


def list_audits(
    db: Path | None = None, *, brand: str | None = None, limit: int = 50
) -> list[StoredAudit]:
    """Newest first; `brand` filters by brand name (case-insensitive)."""
    sql = "SELECT id, brand, generated_at, score, profiles FROM audits"
    args: list[object] = []
    if brand:
        sql += " WHERE lower(brand) = lower(?)"
        args.append(brand)
    sql += " ORDER BY id DESC LIMIT ?"
    args.append(limit)
    with _connect(db or default_db()) as conn:
        rows = conn.execute(sql, args).fetchall()
    return [StoredAudit.from_row(r) for r in rows]


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


def diff(before: AuditResult, after: AuditResult) -> AuditDiff:
    """What changed: checks fixed (fail/warn -> pass), regressed (pass -> fail/warn), new
    problems (failing now, not judged before), and those still failing."""
    old, new = _index(before), _index(after)
    out = AuditDiff(brand=after.brand or before.brand, score_before=before.score,
                    score_after=after.score)  # fmt: skip
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
        )
        if now.status is Status.PASS and was is not None and was.status in _BAD:
            out.fixed.append(change)
        elif now.status in _BAD and was is not None and was.status is Status.PASS:
            out.regressed.append(change)
        elif now.status in _BAD and (was is None or not was.status.weighs):
            out.new.append(change)
        elif now.status in _BAD:
            out.still_failing.append(change)
    return out
