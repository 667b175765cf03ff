"""What every renderer shares: how checks are ordered and grouped, and how values read as text.

Kept in one place so the Markdown checklist, the HTML report and the CSV agree on priority,
order and wording; each format module only decides markup. Nothing here computes a score:
it sorts, groups and formats what the AuditResult already says.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urlsplit

from audit.fixes import TopFix, answer_sentence, audit_name, profile_label, top_fixes
from audit.model import Outcome, Platform
from audit.result import (
    CheckResult,
    Discoverability,
    Evidence,
    KeywordCell,
    ProfileResult,
    Severity,
    Status,
    band,
    shown_delta,
    shown_score,
)

__all__ = [
    "NO_FIELD",
    "PRIORITIES",
    "MatrixColumn",
    "TopFix",
    "answer_sentence",
    "audit_name",
    "band_label",
    "band_of",
    "cell_text",
    "evidence_compact",
    "evidence_field",
    "evidence_line",
    "evidence_value",
    "field_text",
    "format_datetime",
    "is_http_url",
    "keyword_matrix",
    "not_captured",
    "number_text",
    "outcome_label",
    "passed",
    "profile_label",
    "profile_status_text",
    "same_reason",
    "score_text",
    "shown_delta",
    "skipped_with_profile",
    "status_label",
    "todo_groups",
    "top_fixes",
    "truncate",
    "unchecked",
    "unread_text",
]

# Priority groups of the to-do list, most urgent first. INFO has no group of its own: an
# informational finding that still failed belongs with the least urgent work.
PRIORITIES: tuple[tuple[str, frozenset[Severity]], ...] = (
    ("High", frozenset({Severity.HIGH})),
    ("Medium", frozenset({Severity.MEDIUM})),
    ("Low", frozenset({Severity.LOW, Severity.INFO})),
)

_TODO = (Status.FAIL, Status.WARN)
_UNCHECKED = (Status.NA, Status.MANUAL, Status.ERROR)

_BAND_LABELS = {"good": "good", "needs-work": "needs work", "poor": "poor"}

_OUTCOME_LABELS = {
    Outcome.OK: "captured",
    Outcome.LOGIN_WALL: "login wall",
    Outcome.PRIVATE: "private account",
    Outcome.NOT_FOUND: "not found",
    Outcome.BLOCKED: "blocked (captcha or rate limit)",
    Outcome.TIMEOUT: "timed out",
    Outcome.ERROR: "error",
}

_STATUS_LABELS = {
    Status.PASS: "Pass",
    Status.WARN: "Warning",
    Status.FAIL: "Fail",
    Status.NA: "Not applicable",
    Status.MANUAL: "Check by hand",
    Status.ERROR: "Error",
}


def _todo_key(check: CheckResult) -> tuple[int, float, str]:
    """Fails before warns, heavier checks first, then by ID so equal checks keep one order."""
    return (_TODO.index(check.status), -check.weight, check.id)


def todo_groups(checks: Iterable[CheckResult]) -> list[tuple[str, list[CheckResult]]]:
    """Failed and warned checks as (priority label, ordered checks); empty groups left out."""
    todo = [c for c in checks if c.status in _TODO]
    groups: list[tuple[str, list[CheckResult]]] = []
    for label, severities in PRIORITIES:
        members = sorted((c for c in todo if c.severity in severities), key=_todo_key)
        if members:
            groups.append((label, members))
    return groups


def passed(checks: Iterable[CheckResult]) -> list[CheckResult]:
    """Passed checks in ID order: a stable, skimmable list."""
    return sorted((c for c in checks if c.status is Status.PASS), key=lambda c: c.id)


def unchecked(checks: Iterable[CheckResult]) -> list[CheckResult]:
    """Checks that reached no verdict (na, manual, error): errors first, they need a look."""
    order = {Status.ERROR: 0, Status.MANUAL: 1, Status.NA: 2}
    rest = (c for c in checks if c.status in _UNCHECKED)
    return sorted(rest, key=lambda c: (order[c.status], c.id))


def same_reason(checks: Sequence[CheckResult]) -> list[tuple[str, list[CheckResult]]]:
    """Unchecked results as (reason, checks), in order: checks that give one reason word
    for word ('Not applicable on Bluesky.', fourteen of them on a Bluesky profile) are one
    line naming them all, not fourteen lines repeating it."""
    groups: dict[str, list[CheckResult]] = {}
    for check in checks:
        groups.setdefault(check.message, []).append(check)
    return list(groups.items())


def not_captured(profile: ProfileResult) -> bool:
    """A profile whose page could not be read: its score means nothing, so none is shown."""
    return profile.outcome is not Outcome.OK


def skipped_with_profile(
    profile: ProfileResult, checks: Sequence[CheckResult]
) -> tuple[list[CheckResult], list[CheckResult]]:
    """Split unchecked results into (skipped because the profile was not captured, the rest).

    A profile behind a login wall has every check `na` for the same reason; listing each one
    would bury the single thing the reader needs to know, so renderers summarize them.
    """
    if not not_captured(profile):
        return [], list(checks)
    skipped = [c for c in checks if c.status is Status.NA]
    rest = [c for c in checks if c.status is not Status.NA]
    return skipped, rest


def score_text(score: float | None) -> str | None:
    """A 0..100 score as the whole number every output shows (`shown_score`: rounded down,
    so it never contradicts its band)."""
    shown = shown_score(score)
    return None if shown is None else str(shown)


def band_of(score: float | None, stored: str | None = None) -> str | None:
    """The band the result states, else the contract's own band() for unbanded scores."""
    return stored or band(score)


def band_label(name: str | None) -> str:
    return _BAND_LABELS.get(name or "", name or "")


def outcome_label(outcome: Outcome) -> str:
    return _OUTCOME_LABELS.get(outcome, outcome.value.replace("_", " "))


def status_label(status: Status) -> str:
    return _STATUS_LABELS[status]


def profile_status_text(profile: ProfileResult) -> str:
    """ "72/100 (needs work)", or why there is no score: never a 0 standing in for "unknown"."""
    if not_captured(profile):
        text = f"not captured: {outcome_label(profile.outcome)}"
        return f"{text} — {profile.reason}" if profile.reason else text
    shown = score_text(profile.score)
    if shown is None:
        return "not scored: no check could be judged"
    label = band_label(band_of(profile.score, profile.band))
    return f"{shown}/100 ({label})" if label else f"{shown}/100"


def truncate(text: str, limit: int) -> str:
    """Shorten to at most `limit` characters, marking the cut with an ellipsis."""
    if len(text) <= limit:
        return text
    return text[: max(limit - 1, 0)].rstrip() + "…"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def number_text(value: float | None) -> str:
    """A number without float noise or exponents: 64.3, 0.3333, 12840; "" for None."""
    if value is None:
        return ""
    if isinstance(value, int) or float(value).is_integer():
        return str(int(value))
    return f"{round(value, 4):f}".rstrip("0").rstrip(".")


def evidence_value(value: Any, limit: int = 120) -> str:
    """An evidence value as short readable text; empty strings stay visible as ""."""
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str):
        text = value
    elif isinstance(value, list | tuple):
        text = ", ".join(evidence_value(v, limit) for v in value) if value else "[]"
    elif isinstance(value, int | float):
        text = number_text(value)
    else:
        text = json.dumps(value, ensure_ascii=False, default=str, sort_keys=True)
    text = _one_line(text)
    return truncate(text, limit) if text else '""'


def evidence_compact(evidence: Sequence[Evidence], limit: int = 120) -> str:
    """`field=value; field=value`: evidence on one line for a checklist item or a CSV cell."""
    return "; ".join(f"{e.field}={evidence_value(e.value, limit)}" for e in evidence)


_CONTROL = re.compile(r"[\x00-\x20\x7f-\x9f]")


def is_http_url(url: str | None) -> bool:
    """True only for plain absolute http(s) URLs: the only links a report may emit.

    Browsers strip tabs, newlines and leading control characters before reading a scheme
    (`java\\tscript:` runs), so any such character disqualifies the URL outright.
    """
    if not url or _CONTROL.search(url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def format_datetime(when: datetime | None) -> str:
    """A timestamp as `2025-03-01 14:05 UTC`, in UTC when it has a zone."""
    if when is None:
        return "unknown"
    if when.tzinfo is None:
        return when.strftime("%Y-%m-%d %H:%M")
    return when.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


# --- the keyword matrix ------------------------------------------------------------------

_FIELD_TEXT = {
    "name": "name field",
    "handle": "handle",
    "category": "category",
    "bio": "bio",
    "captions": "captions",
    "hashtags": "hashtags",
    "search_keywords": "channel keywords",
    "alt": "alt text",
    "location": "location",
}

NO_FIELD = "—"


def field_text(field: str) -> str:
    """A discoverability field as a reader calls it ('name' is the name field)."""
    return _FIELD_TEXT.get(field, field.replace("_", " "))


def unread_text(cell: KeywordCell) -> str:
    """Fields that carry the keyword although the platform's search does not read them, in
    plain words: 'also in the alt text, which Instagram search does not read'."""
    if not cell.unindexed:
        return ""
    fields = ", ".join(field_text(f) for f in cell.unindexed)
    also = "also in the " if cell.fields else "only in the "
    return f"{also}{fields}, which {cell.platform.label} search does not read"


def cell_text(cell: KeywordCell | None) -> str:
    """The fields that carry the keyword, strongest first; "—" when none does. Fields the
    platform's search does not read are named after, in plain words: they carry nothing
    there."""
    if cell is None:
        return NO_FIELD
    shown = ", ".join(field_text(f) for f in cell.fields) or NO_FIELD
    if cell.unindexed:
        shown += f" ({unread_text(cell)})"
    return shown


@dataclass(frozen=True)
class MatrixColumn:
    """One profile of the keyword matrix: the brand's first, then competitors'."""

    platform: Platform
    handle: str
    competitor: bool

    @property
    def label(self) -> str:
        return f"{self.platform.label} @{self.handle}"


def keyword_matrix(
    disc: Discoverability,
) -> tuple[list[MatrixColumn], list[tuple[str, list[KeywordCell | None]]]]:
    """The cells as a table: columns in the order the result lists profiles (brand's first),
    one row per keyword with the cell of each column (None when it has none)."""
    columns: list[MatrixColumn] = []
    for cell in disc.cells:
        col = MatrixColumn(cell.platform, cell.handle, cell.competitor)
        if col not in columns:
            columns.append(col)
    columns.sort(key=lambda c: c.competitor)  # stable: brand's first, order kept
    index = {(c.platform, c.handle, c.competitor): i for i, c in enumerate(columns)}
    rows: list[tuple[str, list[KeywordCell | None]]] = []
    for keyword in disc.keywords:
        row: list[KeywordCell | None] = [None] * len(columns)
        for cell in disc.cells:
            if cell.keyword == keyword:
                row[index[(cell.platform, cell.handle, cell.competitor)]] = cell
        rows.append((keyword, row))
    return columns, rows


# --- evidence in plain words ---------------------------------------------------------------

_INDEXED = re.compile(r"^(\w+)\[(\d+)\]\.?(.*)$")
_EVIDENCE_WORDS = {
    "display_name": "name field",
    "bio": "bio",
    "links": "links",
    "url": "link",
    "media.alt_text": "alt text",
    "alt_text": "alt text",
    "hashtags": "hashtags",
    "caption": "caption",
    "created_at": "date",
    "location": "location",
    "avatar": "profile image",
    "avatar.url": "profile image",
    "category": "category",
    "contact": "contact",
    "handle": "handle",
}
_ITEM_WORDS = {"posts": "post", "links": "link", "media": "image"}


def evidence_field(field: str) -> str:
    """A model path as a reader says it: 'posts[1].media.alt_text' -> 'post 2: alt text',
    'links[0].url' -> 'link 1', 'display_name' -> 'name field'."""
    match = _INDEXED.match(field)
    if match:
        group, index, rest = match.groups()
        item = f"{_ITEM_WORDS.get(group, group.replace('_', ' '))} {int(index) + 1}"
        if not rest or rest == "url":
            return item
        return f"{item}: {evidence_field(rest)}"
    if field in _EVIDENCE_WORDS:
        return _EVIDENCE_WORDS[field]
    return field.replace("_", " ").replace(".", " ")


_ISO_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")


def evidence_line(item: Evidence, limit: int = 120) -> str:
    """'post 2: alt text — none': one fact in plain words (where it was read stays in the
    JSON; reports show what, not the API path). A timestamp reads as '2026-10-15 09:30 UTC'."""
    value = item.value
    if isinstance(value, str) and _ISO_TIME.match(value):
        with contextlib.suppress(ValueError):
            value = format_datetime(datetime.fromisoformat(value.replace("Z", "+00:00")))
    if isinstance(value, dict) and value:
        # {"comments_seen": 12, "replied": 3} reads 'comments seen 12, replied 3', not JSON
        text = ", ".join(
            f"{evidence_field(str(k))} {evidence_value(v, limit)}" for k, v in value.items()
        )
        return f"{evidence_field(item.field)} — {truncate(_one_line(text), limit)}"
    return f"{evidence_field(item.field)} — {evidence_value(value, limit)}"
