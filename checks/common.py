"""Helpers the check families share: which posts count as recent, evidence with its source,
text length as the platform counts it, URLs in text and what kind of host they point to."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime, timezone
from urllib.parse import parse_qs, urlsplit

from audit.model import Media, Post, Profile
from audit.patterns import EMAIL, URL_IN_TEXT
from audit.platforms.rules import PlatformRules
from audit.result import Evidence
from audit.text import count_graphemes

__all__ = [
    "AGGREGATOR_HOSTS",
    "RECENT_POSTS",
    "SHORTENER_HOSTS",
    "SOCIAL_HOSTS",
    "dated_posts",
    "ev",
    "host_in",
    "host_of",
    "image_media",
    "post_ev",
    "post_text",
    "quote",
    "recent_posts",
    "split_hashtag",
    "text_length",
    "unwrap_redirect",
    "urls_in",
    "word_list",
]

# "Recent" = the newest 12 own posts: what a profile grid shows in its first rows, and what a
# capture of the public page reliably contains (checks.md KEY003: "last 12 or 90 days").
RECENT_POSTS = 12


def word_list(text: str) -> tuple[str, ...]:
    """Whitespace-separated words of a long literal (vocabulary tables)."""
    return tuple(text.split())


def ev(profile: Profile, field: str, value: object, *, url: str | None = None) -> Evidence:
    """Evidence for a profile field, with where the extractor read it."""
    return Evidence(field=field, value=value, source=profile.sources.get(field), url=url)


def post_ev(profile: Profile, post: Post, field: str, value: object) -> Evidence:
    index = next((i for i, p in enumerate(profile.posts) if p is post), None)
    where = f"posts[{index}].{field}" if index is not None else f"post {post.id}: {field}"
    return Evidence(field=where, value=value, url=post.url)


def quote(text: str, limit: int = 60) -> str:
    """`text` in quotes for a message, shortened with an ellipsis."""
    flat = " ".join(text.split())
    return repr(flat if len(flat) <= limit else flat[: limit - 1] + "…")


def text_length(text: str, rules: PlatformRules) -> int:
    """Length the way the platform counts it (Bluesky: graphemes; others: characters)."""
    return count_graphemes(text) if rules.bio_graphemes else len(text)


def recent_posts(profile: Profile, limit: int | None = RECENT_POSTS) -> list[Post]:
    """The newest own posts (reposts excluded): by date when every post is dated, else in
    capture order (pages list newest first). `limit=None`: all of them, newest first."""
    own = profile.own_posts()
    if own and all(p.created_at is not None for p in own):
        own = sorted(own, key=_post_time, reverse=True)
    return own if limit is None else own[:limit]


def _post_time(post: Post) -> datetime:
    return post.created_at or datetime.min.replace(tzinfo=timezone.utc)


def dated_posts(profile: Profile) -> list[Post]:
    """Own posts with a date, newest first."""
    dated = [p for p in profile.own_posts() if p.created_at is not None]
    return sorted(dated, key=_post_time, reverse=True)


def image_media(post: Post) -> list[Media]:
    return [m for m in post.media if m.kind == "image"]


_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])")


def split_hashtag(tag: str) -> str:
    """'SourdoughBread' -> 'Sourdough Bread', 'best_bakery' -> 'best bakery': hashtags carry
    keywords run together."""
    return " ".join(_CAMEL.sub(" ", tag.lstrip("#")).replace("_", " ").split())


def post_text(post: Post) -> str:
    """Caption plus hashtags (split into words): the post text a search can match."""
    tags = " ".join(split_hashtag(t) for t in post.hashtags)
    return "\n".join(t for t in (post.caption or "", tags) if t)


_URL = URL_IN_TEXT  # audit.patterns: linear on any text


_EMAIL = EMAIL  # audit.patterns: linear on any text


def urls_in(text: str | None) -> list[str]:
    """URLs written in text, with or without a scheme ('bluedoor.com', 'linktr.ee/x');
    the domain of an email address is not a link."""
    if not text:
        return []
    text = _EMAIL.sub(" ", text)
    return [m.group(0).rstrip(".,;:!?") for m in _URL.finditer(text)]


def host_of(url: str) -> str:
    """Lower-case host without 'www.'; '' when the URL has none."""
    parts = urlsplit(url if "://" in url else "https://" + url)
    host = (parts.hostname or "").lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


def host_in(host: str, hosts: Sequence[str] | frozenset[str]) -> bool:
    return any(host == h or host.endswith("." + h) for h in hosts)


# Platforms wrap outbound links in their own redirector; the target is in a query parameter.
_REDIRECTORS = {"l.instagram.com": "u", "l.facebook.com": "u", "lm.facebook.com": "u"}


def unwrap_redirect(url: str) -> str:
    host = host_of(url)
    param = _REDIRECTORS.get(host)
    if param:
        target = parse_qs(urlsplit(url).query).get(param)
        if target and target[0]:
            return target[0]
    return url


# Link-in-bio aggregators (one link that lists many).
AGGREGATOR_HOSTS = frozenset(
    {
        "linktr.ee",
        "linktree.com",
        "beacons.ai",
        "lnk.bio",
        "campsite.bio",
        "tap.bio",
        "linkin.bio",
        "bio.link",
        "hoo.be",
        "stan.store",
        "komi.io",
        "allmylinks.com",
        "msha.ke",
        "solo.to",
        "shor.by",
        "linkpop.com",
        "snipfeed.co",
        "taplink.cc",
        "many.link",
        "linkbio.co",
    }
)

# Bare URL shorteners: they hide the destination and add a redirect.
SHORTENER_HOSTS = frozenset(
    {
        "bit.ly",
        "tinyurl.com",
        "ow.ly",
        "goo.gl",
        "is.gd",
        "buff.ly",
        "rebrand.ly",
        "cutt.ly",
        "shorturl.at",
        "t.ly",
        "tiny.cc",
        "rb.gy",
        "s.id",
    }
)

# Social platforms themselves: a link to one is not the brand's own website.
SOCIAL_HOSTS = frozenset(
    {
        "instagram.com",
        "facebook.com",
        "fb.com",
        "tiktok.com",
        "youtube.com",
        "youtu.be",
        "x.com",
        "twitter.com",
        "t.co",
        "linkedin.com",
        "lnkd.in",
        "pinterest.com",
        "pin.it",
        "threads.net",
        "threads.com",
        "bsky.app",
        "wa.me",
        "whatsapp.com",
        "t.me",
        "g.page",
        "maps.app.goo.gl",
        "google.com",
    }
)
