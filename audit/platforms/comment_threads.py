"""Comment threads of a profile's newest posts -> `Engagement`: does the brand answer.

Platform modules turn their thread documents (Bluesky `getPostThread`, Mastodon
`statuses/:id/context`) into `Comment`s; this module counts, the same way for every platform:
of the comments by others (any depth), how many got a direct reply from the brand, and the
median minutes from a comment to the brand's first reply to it.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from audit.model import Engagement

__all__ = ["MAX_THREADS", "Comment", "engagement_from"]

# At most this many threads per profile: the newest posts, like the checks' "recent" (12).
MAX_THREADS = 12


@dataclass(frozen=True)
class Comment:
    key: str  # the comment's own id / URI
    parent: str  # what it answers: the post's id, or another comment's
    by_brand: bool
    at: datetime | None


def engagement_from(threads: Mapping[str, Sequence[Comment]]) -> Engagement | None:
    """`threads`: post id -> the comments under it. None when no thread was read."""
    if not threads:
        return None
    seen = replied = 0
    delays: list[float] = []
    for comments in threads.values():
        answers: dict[str, list[datetime | None]] = {}
        for c in comments:
            if c.by_brand:
                answers.setdefault(c.parent, []).append(c.at)
        for c in comments:
            if c.by_brand:
                continue
            seen += 1
            times = answers.get(c.key)
            if times is None:
                continue
            replied += 1
            dated = [t for t in times if t is not None]
            if c.at is not None and dated:
                delays.append(max(0.0, (min(dated) - c.at).total_seconds() / 60))
    return Engagement(
        threads=len(threads),
        comments_seen=seen,
        replied=replied,
        median_reply_minutes=round(statistics.median(delays), 1) if delays else None,
    )
