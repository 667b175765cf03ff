"""Reviews in Google Maps' positional place data: rating, count, and the few reviews shown.

Read within a place array `p` (the same `p` google_business.py reads):

    p[4][7], p[4][8]      average rating, number of reviews (the "4.2 · 396 reviews" line)
    p[52][0][i]           2023 panel: the most relevant reviews; [4] stars, [27] or [57] time
                          in ms, [1] relative time ("2 months ago"); no owner replies in
                          this layout, so their share is reported as not observable
    p[175][9][0][0][i][0] later panel: [1][2] time in µs, [2][0][0] stars, [3] the owner's
                          reply actions, plus its time at [3][1] and text at [3][14] when the
                          owner replied

Maps shows the most relevant reviews, not the newest: `newest_at` is the newest of those, so a
place may have a newer review than findable saw (never an older one).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from audit.dates import from_timestamp, resolve_relative
from audit.model import Reviews
from audit.platforms.base import clean_str, dig

__all__ = ["ReviewReading", "read_reviews"]


@dataclass
class ReviewReading:
    reviews: Reviews | None = None
    paths: dict[str, str] = field(default_factory=dict)  # Reviews field -> index path
    not_observed: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class _Shown:
    when: datetime | None
    replied: bool | None  # None: this layout cannot show a reply


def read_reviews(place: list[Any], captured_at: datetime | None) -> ReviewReading:
    """What the place shows about its reviews; `reviews` is None when it shows nothing."""
    out = ReviewReading()
    rating = _number(dig(place, 4, 7))
    count = dig(place, 4, 8)
    if not isinstance(count, int) or isinstance(count, bool) or count < 0:
        count = None
    if rating is not None and not 1.0 <= rating <= 5.0:
        rating = None
    shown, path = _shown_2024(place)
    if not shown:
        shown, path = _shown_2023(place, captured_at)
    if rating is None and count is None and not shown:
        return out
    reviews = Reviews(rating=rating, count=count)
    if rating is not None:
        out.paths["rating"] = "[4][7]"
    if count is not None:
        out.paths["count"] = "[4][8]"
    if shown:
        reviews.sampled = len(shown)
        dates = [s.when for s in shown if s.when is not None]
        if dates:
            reviews.newest_at = max(dates)
            out.paths["newest_at"] = path
        replies = [s.replied for s in shown if s.replied is not None]
        if replies:
            reviews.replied_share = sum(replies) / len(replies)
            out.paths["replied_share"] = path
        else:
            out.not_observed["review_replies"] = (
                "this Maps layout shows review snippets without the owner's replies"
            )
        if not dates:
            out.not_observed["review_dates"] = "the reviews shown carry no dates"
    else:
        why = "the place data shows the rating and count but no individual reviews"
        out.not_observed["review_replies"] = why
        out.not_observed["review_dates"] = why
    out.reviews = reviews
    return out


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def _shown_2023(place: list[Any], captured_at: datetime | None) -> tuple[list[_Shown], str]:
    items = dig(place, 52, 0)
    if not isinstance(items, list):
        return [], ""
    shown = []
    for item in items:
        if not isinstance(item, list) or not isinstance(dig(item, 4), int):
            continue
        when = from_timestamp(dig(item, 27)) or from_timestamp(dig(item, 57))
        relative = clean_str(dig(item, 1))
        if when is None and relative and captured_at is not None:
            resolved = resolve_relative(relative, captured_at)
            when = resolved[0] if resolved else None
        shown.append(_Shown(when, None))
    return shown, "[52][0][*][27]"


def _shown_2024(place: list[Any]) -> tuple[list[_Shown], str]:
    items = dig(place, 175, 9, 0, 0)
    if not isinstance(items, list):
        return [], ""
    shown = []
    for item in items:
        review = dig(item, 0)
        if not isinstance(dig(review, 2, 0, 0), int):
            continue
        # [3] always holds the owner's reply/delete action links; a written reply adds its
        # time at [3][1] and its text at [3][14].
        has_reply = isinstance(dig(review, 3, 1), int) or bool(clean_str(dig(review, 3, 14, 0, 0)))
        shown.append(_Shown(from_timestamp(dig(review, 1, 2)), has_reply))
    return shown, "[175][9][0][0][*][0]"
