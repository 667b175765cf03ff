"""Bluesky comment threads: which threads capture asks for, and what they show.

Capture asks `app.bsky.feed.getPostThread` for the newest own posts of the author feed (at
most 12) that have replies; extraction walks each thread's `replies` tree into `Comment`s
(a reply's parent is the node it hangs under) for `comment_threads.engagement_from`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from audit.dates import parse_iso
from audit.documents import Document
from audit.model import Engagement
from audit.platforms.base import dig
from audit.platforms.comment_threads import MAX_THREADS, Comment, engagement_from

__all__ = ["newest_with_replies", "read_engagement"]

IsBrand = Callable[[str | None, str | None], bool]


def _str(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _author(view: Any) -> tuple[str | None, str | None]:
    return _str(dig(view, "author", "did")), _str(dig(view, "author", "handle"))


def newest_with_replies(feed_doc: Document, actor: str) -> list[str]:
    """URIs of the newest own posts (at most 12, reposts left out) that have replies."""
    feed = dig(feed_doc.data, "feed")
    if not isinstance(feed, list):
        return []
    who = actor.casefold()
    own = [
        item["post"]
        for item in feed
        if isinstance(item, dict)
        and isinstance(item.get("post"), dict)
        and not item.get("reason")
        and who in {(x or "").casefold() for x in _author(item["post"])}
    ][:MAX_THREADS]
    return [
        uri
        for post in own
        if (uri := _str(post.get("uri")))
        and isinstance(post.get("replyCount"), int)
        and post["replyCount"] > 0
    ]


def _walk(root: Any, root_uri: str, is_brand: IsBrand) -> Iterator[Comment]:
    """Every reply under `root`, depth first, each with the URI it hangs under (a stack, not
    recursion: a thread may nest as deep as its JSON allows)."""
    stack: list[tuple[Any, str]] = [(root, root_uri)]
    while stack:
        node, parent = stack.pop()
        replies = dig(node, "replies")
        for reply in reversed(replies) if isinstance(replies, list) else []:
            post = dig(reply, "post")
            uri = _str(dig(post, "uri"))
            if not uri:  # notFoundPost / blockedPost: nothing to count
                continue
            yield Comment(
                key=uri,
                parent=parent,
                by_brand=is_brand(*_author(post)),
                at=parse_iso(dig(post, "record", "createdAt")),
            )
            stack.append((reply, uri))


def read_engagement(
    docs: Sequence[Document], feed_items: Sequence[dict[str, Any]], is_brand: IsBrand
) -> tuple[Engagement | None, str]:
    """Engagement from the threads of the brand's own posts among `docs`, and its source.
    Without threads, a feed whose newest own posts all show `replyCount: 0` says there was
    nothing to answer."""
    threads: dict[str, list[Comment]] = {}
    labels: list[str] = []
    for doc in docs:
        root = dig(doc.data, "thread", "post") if isinstance(doc.data, dict) else None
        uri = _str(dig(root, "uri"))
        if not uri or not is_brand(*_author(root)) or uri in threads:
            continue
        if len(threads) >= MAX_THREADS:
            break
        threads[uri] = list(_walk(doc.data["thread"], uri, is_brand))
        labels.append(doc.label)
    if threads:
        source = f"getPostThread x{len(threads)}: thread.replies[] (author.did, createdAt)"
        return engagement_from(threads), source
    own = [
        item["post"]
        for item in feed_items
        if not item.get("reason") and is_brand(*_author(item.get("post")))
    ][:MAX_THREADS]
    if own and all(p.get("replyCount") == 0 for p in own):
        return (
            Engagement(threads=0, comments_seen=0, replied=0),
            f"getAuthorFeed: replyCount 0 on the {len(own)} newest own posts",
        )
    return None, ""
