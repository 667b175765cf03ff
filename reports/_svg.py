"""Inline SVG charts for the HTML report: the score gauge and the posting timeline.

Drawn as markup strings so the report stays one self-contained file with no script and no
chart library. Every piece of text that reaches the SVG is escaped by the caller's rules.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from html import escape

from audit.model import Post, Profile
from audit.result import TrendPoint
from reports._common import band_label, score_text, truncate

__all__ = ["BAND_COLOURS", "gauge", "timeline", "trend"]

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


def timeline(profile: Profile, width: float = 720.0) -> str:
    """Dots per dated post over the observed range, ending at capture time when known.

    Ending at the capture shows the silence since the last post, which is what a cadence
    finding is about. Returns "" when no post has a date: an empty chart says nothing.
    `width` is the drawing's width in its own units: the report draws a 720-wide chart for
    screens and paper and a 360-wide one for phones, so the 11-unit labels stay readable
    when the chart is scaled to the screen.
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

    left, right, step = 18.0, 18.0, 11.0
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
    date_w, month_w = 68.0, 52.0  # widths of '2026-09-20' and 'Sep 2026' at font-size 11
    last_end = left + date_w  # the start date is labelled at the left edge
    labelled = False
    for tick in _ticks(start, end):
        x = x_of(tick)
        parts.append(
            f'<line x1="{x:.1f}" y1="{axis}" x2="{x:.1f}" y2="{axis + 4}" stroke="#c4c9d0"/>'
        )
        clear_left = x - month_w / 2 > last_end + 8
        clear_right = x + month_w / 2 < width - right - date_w - 8
        if clear_left and clear_right:
            with_year = tick.month == 1 or not labelled
            text = f"{tick:%b %Y}" if with_year else f"{tick:%b}"
            labelled = True
            parts.append(
                f'<text x="{x:.1f}" y="{axis + 18}" font-size="11" fill="#5f6670" '
                f'text-anchor="middle">{_e(text)}</text>'
            )
            last_end = x + month_w / 2
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


# Line colours of the trend chart: the brand first (ink), then one per profile. Each has at
# least 3:1 contrast on white (WCAG 1.4.11 for graphics), and the lines also differ in dash.
_TREND_COLOURS = ("#1f2328", "#1a56db", "#b45309", "#137333", "#8e24aa", "#c5221f")
_DASHES = ("", "6 3", "2 3", "8 3 2 3", "4 4", "1 2")


def trend(points: Sequence[TrendPoint], width: float = 720.0) -> str:
    """The brand's score and each profile's over the stored audits (oldest left), one
    line each, the shown (rounded-down) score labelled at each end. "" with fewer than two
    audits."""
    if len(points) < 2:
        return ""
    names = ["Brand", *list(dict.fromkeys(k for p in points for k in p.profiles))]
    series = [[p.score for p in points]] + [[p.profiles.get(n) for p in points] for n in names[1:]]
    left, right, top, plot_h = 34.0, 16.0, 10.0, 130.0
    axis = top + plot_h
    legend_row = 18.0
    per_row = max(1, int((width - left) // 230))
    rows = -(-len(names) // per_row)
    height = axis + 24 + rows * legend_row + 6
    span = len(points) - 1

    def x_of(i: int) -> float:
        return left + i * (width - left - right) / span

    def y_of(score: float) -> float:
        return axis - max(0.0, min(score, 100.0)) / 100 * plot_h

    label = "; ".join(
        f"{name}: " + ", ".join(score_text(v) or "no score" for v in values)
        for name, values in zip(names, series, strict=True)
    )
    parts = [
        f'<svg viewBox="0 0 {width:.0f} {height:.0f}" role="img" '
        f'aria-label="Score over {len(points)} audits, oldest first. {_e(label)}">'
    ]
    for level in (0, 50, 90, 100):  # the band edges; 90 unlabelled (it would touch 100)
        y = y_of(level)
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="#e3e6ea"/>'
        )
        if level != 90:
            parts.append(
                f'<text x="{left - 6}" y="{y + 4:.1f}" font-size="11" fill="#5f6670" '
                f'text-anchor="end">{level}</text>'
            )
    first, last = points[0].generated_at, points[-1].generated_at
    for x, when, anchor in ((left, first, "start"), (width - right, last, "end")):
        parts.append(
            f'<text x="{x:.1f}" y="{axis + 16}" font-size="11" fill="#5f6670" '
            f'text-anchor="{anchor}">{when:%Y-%m-%d}</text>'
        )
    for n, (name, values) in enumerate(zip(names, series, strict=True)):
        colour, dash = _TREND_COLOURS[n % len(_TREND_COLOURS)], _DASHES[n % len(_DASHES)]
        known = [(x_of(i), y_of(v), v) for i, v in enumerate(values) if v is not None]
        if len(known) >= 2:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y, _ in known)
            dashed = f' stroke-dasharray="{dash}"' if dash else ""
            weight = 3 if n == 0 else 2
            parts.append(
                f'<polyline points="{path}" fill="none" stroke="{colour}" '
                f'stroke-width="{weight}"{dashed}/>'
            )
        for x, y, v in known:
            parts.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{colour}">'
                f"<title>{_e(name)}: {_e(score_text(v))}</title></circle>"
            )
        row, col = divmod(n, per_row)
        lx, ly = left + col * 230, axis + 30 + row * legend_row
        parts.append(
            f'<line x1="{lx}" y1="{ly - 4}" x2="{lx + 22}" y2="{ly - 4}" stroke="{colour}" '
            f'stroke-width="3"{f" stroke-dasharray={chr(34)}{dash}{chr(34)}" if dash else ""}/>'
            f'<text x="{lx + 28}" y="{ly}" font-size="11" fill="#1f2328">'
            f"{_e(truncate(name, 30))}"
            + (f" {_e(score_text(known[-1][2]))}" if known else "")
            + "</text>"
        )
    parts.append("</svg>")
    return "".join(parts)
