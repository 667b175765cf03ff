"""Dates as platforms show them: epoch seconds, ISO strings, and relative text ("3 days ago",
"4d", "Streamed 1 month ago") resolved against the capture time and marked approximate."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

__all__ = ["DatedValue", "from_timestamp", "parse_date", "parse_iso", "resolve_relative"]

DatedValue = tuple[datetime, bool]  # (when, approximate?)

_UNIT_SECONDS = {
    "s": 1, "sec": 1, "second": 1,
    "m": 60, "min": 60, "minute": 60,
    "h": 3600, "hr": 3600, "hour": 3600,
    "d": 86400, "day": 86400,
    "w": 7 * 86400, "wk": 7 * 86400, "week": 7 * 86400,
    "mo": 30 * 86400, "month": 30 * 86400,
    "y": 365 * 86400, "yr": 365 * 86400, "year": 365 * 86400,
}  # fmt: skip

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
            ("dec", "december"),
        ]
    )
    for m in names
}  # fmt: skip

_AGO = re.compile(
    r"(?<!\w)(?:(?:streamed|premiered|posted|updated|edited)\s+)?"
    r"(?P<n>\d+|an?|one)\s*(?P<unit>seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|wks?"
    r"|months?|years?|yrs?|mo|[smhdwy])\b\.?(?:\s+ago)?",
    re.IGNORECASE,
)
_DAY_MONTH = re.compile(
    r"(?P<d>\d{1,2})\s+(?P<mon>[A-Za-z]{3,9})\.?(?:\s+(?P<y>\d{4}))?"
    r"(?:\s+at\s+(?P<H>\d{1,2}):(?P<M>\d{2}))?"
)
_MONTH_DAY = re.compile(
    r"(?P<mon>[A-Za-z]{3,9})\.?\s+(?P<d>\d{1,2})(?:,?\s+(?P<y>\d{4}))?"
    r"(?:\s+at\s+(?P<H>\d{1,2}):(?P<M>\d{2}))?"
)


def from_timestamp(value: object) -> datetime | None:
    """Epoch seconds (or milli-/microseconds) as an aware UTC datetime; None when not a number."""
    try:
        ts = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    if ts <= 0:
        return None
    if ts > 1e14:  # microseconds (Google Maps review times)
        ts /= 1e6
    elif ts > 1e11:  # milliseconds
        ts /= 1000.0
    try:
        return datetime.fromtimestamp(ts, tz=timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None


def parse_iso(text: object) -> datetime | None:
    """ISO 8601 ('2025-05-19T10:00:00.000Z', '+0000' offsets, a bare date); naive -> UTC."""
    if not isinstance(text, str) or not text.strip():
        return None
    s = text.strip().replace("Z", "+00:00").replace("z", "+00:00")
    s = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", s)
    s = re.sub(r"\.(\d{6})\d+", r".\1", s)  # nanoseconds: keep micro
    try:
        dt = datetime.fromisoformat(s)
    except ValueError:
        try:  # Twitter v1.1: 'Wed Oct 10 20:19:24 +0000 2018'
            dt = datetime.strptime(text.strip(), "%a %b %d %H:%M:%S %z %Y")
        except ValueError:
            return None
    return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)


def _absolute_without_year(m: re.Match[str], now: datetime) -> DatedValue | None:
    month = _MONTHS.get(m.group("mon").lower())
    if month is None:
        return None
    day = int(m.group("d"))
    hour = int(m.group("H") or 0)
    minute = int(m.group("M") or 0)
    year = int(m.group("y")) if m.group("y") else now.year
    try:
        when = datetime(year, month, day, hour, minute, tzinfo=now.tzinfo or timezone.utc)
    except ValueError:
        return None
    if not m.group("y") and when > now + timedelta(days=1):
        when = when.replace(year=year - 1)  # "4 June" seen in March means last June
    return when, not m.group("y") or not m.group("H")


def resolve_relative(text: str, captured_at: datetime) -> DatedValue | None:
    """'3 days ago', '4d', '1w', '17h • Edited', 'yesterday', '4 June at 17:33' -> (when, True).

    Returns None when `text` is no date findable knows."""
    s = text.strip().lower()
    if not s:
        return None
    if s in ("just now", "now") or s.startswith(("just now", "moments ago")):
        return captured_at, True
    if s.startswith("today"):
        return captured_at, True
    if s.startswith("yesterday"):
        return captured_at - timedelta(days=1), True
    m = _AGO.match(s)
    if m:
        n_text = m.group("n").lower()
        n = 1 if n_text in ("a", "an", "one") else int(n_text)
        unit = m.group("unit").lower()
        key = unit if unit in _UNIT_SECONDS else unit.rstrip("s")
        seconds = _UNIT_SECONDS.get(key)
        if seconds is not None:
            return captured_at - timedelta(seconds=n * seconds), True
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        m = pattern.match(text.strip())
        if m:
            found = _absolute_without_year(m, captured_at)
            if found:
                return found
    return None


def parse_date(value: object, captured_at: datetime | None = None) -> DatedValue | None:
    """Any date shape: a timestamp, ISO text, or (given `captured_at`) relative text."""
    if isinstance(value, (int, float)) or (isinstance(value, str) and value.strip().isdigit()):
        ts = from_timestamp(value)
        return (ts, False) if ts else None
    iso = parse_iso(value)
    if iso:
        return iso, False
    if isinstance(value, str) and captured_at is not None:
        return resolve_relative(value, captured_at)
    return None
