"""Inline SVG charts for the HTML report: the score gauge and the posting timeline.

Drawn as markup strings so the report stays one self-contained file with no script and no
chart library. Every piece of text that reaches the SVG is escaped by the caller's rules.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta, timezone
from html import escape

from audit.model import Post, Profile
from reports._common import band_label, score_text, truncate

__all__ = ["BAND_COLOURS", "gauge", "timeline"]

# Ring colours per band: red below 50, orange 50-89, green from 90; grey when unscored.
BAND_COLOURS = {"poor": "#d93025", "needs-work": "#e8710a", "good": "#1e8e3e", None: "#bdc1c6"}


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def gauge(score: float | None, band_name: str | None, size: int = 120, empty: str = "–") -> str:
    """A ring filled to the score, coloured by band, with the score (or `empty`) inside."""
    radius, stroke = 50, 10
    circumference = 2 * math.pi * radius
    filled = 0.0 if score is None else max(0.0, min(score, 100.0)) / 100 * circumference
    colour = BAND_COLOURS.get(band_name, BAND_COLOURS[None])
    shown = score_text(score)
    label = (
        f"Score {shown} out of 100, {band_label(band_name)}" if shown is not None else "No score"
    )
    centre = (
        f'<text x="60" y="60" text-anchor="middle" dominant-baseline="central" '
        f'font-size="34" font-weight="650" fill="#1f2328">{_e(shown)}</text>'
        if shown is not None
        else f'<text x="60" y="60" text-anchor="middle" dominant-baseline="central" '
        f'font-size="30" fill="#5f6670">{_e(empty)}</text>'
    )
    arc = (
        f'<circle cx="60" cy="60" r="{radius}" fill="none" stroke="{colour}" '
        f'stroke-width="{stroke}" stroke-linecap="round" '
        f'stroke-dasharray="{filled:.2f} {circumference:.2f}" transform="rotate(-90 60 60)"/>'
        if filled > 0
        else ""  # a round cap on a zero-length arc would still draw a dot
    )
    return (
        f'<svg width="{size}" height="{size}" viewBox="0 0 120 120" role="img" '
        f'aria-label="{_e(label)}">'
        f'<circle cx="60" cy="60" r="{radius}" fill="none" stroke="#e8eaed" '
        f'stroke-width="{stroke}"/>{arc}{centre}</svg>'
    )


def _utc(when: datetime) -> datetime:
    """Dates from exports may lack a zone; read those as UTC so they compare at all."""
    return when.replace(tzinfo=timezone.utc) if when.tzinfo is None else when


def _ticks(start: datetime, end: datetime) -> list[datetime]:
    """Month starts (or year starts for long spans) strictly inside the range."""
    years = (end - start).days > 2 * 366
    tick = datetime(start.year, 1 if years else start.month, 1, tzinfo=timezone.utc)
    ticks = []
    while tick <= end:
        if tick > start:
            ticks.append(tick)
        if years:
            tick = tick.replace(year=tick.year + 1)
        else:
            month = tick.month % 12 + 1
            tick = tick.replace(year=tick.year + (tick.month == 12), month=month)
    return ticks


def _dot(post: Post, when: datetime, x: float, y: float) -> str:
    approx = post.created_at_approx
    colour = "#9aa0a6" if post.is_repost else "#1a56db"
    fill = "#ffffff" if approx else colour
    note = " (approximate date)" if approx else ""
    note += " · repost" if post.is_repost else ""
    caption = f" · {truncate(' '.join(post.caption.split()), 80)}" if post.caption else ""
    title = f"{when:%Y-%m-%d}{note}{caption}"
    return (
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4.5" fill="{fill}" stroke="{colour}" '
        f'stroke-width="1.5"><title>{_e(title)}</title></circle>'
    )


def timeline(profile: Profile) -> str:
    """Dots per dated post over the observed range, ending at capture time when known.

    Ending at the capture shows the silence since the last post, which is what a cadence
    finding is about. Returns "" when no post has a date: an empty chart says nothing.
    """
    dated = sorted(
        ((_utc(p.created_at), p) for p in profile.posts if p.created_at is not None),
        key=lambda item: item[0],
    )
    if not dated:
        return ""
    start, end = dated[0][0], dated[-1][0]
    captured = profile.capture.captured_at
    captured = _utc(captured) if captured else None
    if captured and captured > end:
        end = captured
    if end - start < timedelta(days=2):
        start, end = start - timedelta(days=1), end + timedelta(days=1)

    width, left, right, step = 720.0, 18.0, 18.0, 11.0
    span = (end - start).total_seconds()

    def x_of(when: datetime) -> float:
        return left + (when - start).total_seconds() / span * (width - left - right)

    stacks: dict[int, int] = {}
    placed: list[tuple[Post, datetime, float, int]] = []
    for when, post in dated:
        x = x_of(when)
        bucket = round(x / step)
        level = stacks.get(bucket, 0)
        stacks[bucket] = level + 1
        placed.append((post, when, x, min(level, 7)))
    top = 12 + step * max(level for *_, level in placed)
    axis = top + 14
    height = axis + 26

    parts = [
        f'<svg viewBox="0 0 {width:.0f} {height:.0f}" role="img" '
        f'aria-label="Posting timeline: {len(dated)} dated posts">',
        f'<line x1="{left}" y1="{axis}" x2="{width - right}" y2="{axis}" stroke="#c4c9d0"/>',
    ]
    last_label, labelled = left, False  # the start date is labelled at the left edge
    for tick in _ticks(start, end):
        x = x_of(tick)
        parts.append(
            f'<line x1="{x:.1f}" y1="{axis}" x2="{x:.1f}" y2="{axis + 4}" stroke="#c4c9d0"/>'
        )
        if x - last_label > 75 and x < width - right - 75:
            with_year = tick.month == 1 or not labelled
            text = f"{tick:%b %Y}" if with_year else f"{tick:%b}"
            labelled = True
            parts.append(
                f'<text x="{x:.1f}" y="{axis + 18}" font-size="11" fill="#5f6670" '
                f'text-anchor="middle">{_e(text)}</text>'
            )
            last_label = x
    for label_x, anchor, when in ((left, "start", start), (width - right, "end", end)):
        parts.append(
            f'<text x="{label_x:.1f}" y="{axis + 18}" font-size="11" fill="#5f6670" '
            f'text-anchor="{anchor}">{when:%Y-%m-%d}</text>'
        )
    if captured and captured == end:
        cx = x_of(captured)
        parts.append(
            f'<line x1="{cx:.1f}" y1="6" x2="{cx:.1f}" y2="{axis}" stroke="#5f6670" '
            f'stroke-dasharray="3 3"><title>Captured {captured:%Y-%m-%d}</title></line>'
        )
    for post, when, x, level in placed:
        parts.append(_dot(post, when, x, axis - 10 - step * level))
    parts.append("</svg>")
    return "".join(parts)
