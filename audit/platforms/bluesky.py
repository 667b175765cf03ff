"""Bluesky: URL patterns, capture plan (public AppView API) and extraction.

Bluesky's AppView answers `getProfile` and `getAuthorFeed` without a login, so capture asks
the API directly and the rendered bsky.app pages are only a fallback (a saved page, a HAR a
user exported). Extraction reads, most reliable first: API JSON (getProfile, getProfiles,
getAuthorFeed, getPosts, searchPosts, getPostThread), then the web app's DOM (`data-testid`
selectors), then OpenGraph / JSON-LD metadata.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any
from urllib.parse import SplitResult, parse_qs, unquote, urlencode, urlsplit

from bs4 import BeautifulSoup, Tag

from audit.dates import parse_iso
from audit.documents import Document
from audit.model import (
    Avatar,
    CaptureInfo,
    Contact,
    Counts,
    Link,
    Media,
    Outcome,
    Platform,
    Post,
    Profile,
    ProfileRef,
)
from audit.patterns import EMAIL, TITLE_MAX
from audit.platforms.base import (
    CapturePlan,
    ExtractContext,
    PlatformSpec,
    Step,
    as_dict,
    as_list,
    dig,
    input_doc,
    int_or_none,
    scaled_count,
)
from audit.platforms.bluesky_threads import newest_with_replies, read_engagement
from audit.platforms.generic import json_ld, meta_tags, soup_of
from audit.platforms.urls import host_matches, path_segments, validate_handle
from audit.text import extract_hashtags

__all__ = [
    "API_BASE",
    "FEED_FILTER",
    "SPEC",
    "capture_plan",
    "extract",
    "match_url",
    "normalize_handle",
    "post_url",
    "profile_url",
]

HOSTS = ("bsky.app",)
_DOMAIN_RE = r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z][A-Za-z0-9-]{0,62}"
_DID_RE = r"did:(?:plc|web):[A-Za-z0-9._:%-]+"

# The AppView host that serves logged-out readers; no key, no login.
API_BASE = "https://public.api.bsky.app/xrpc"
# `posts_and_author_threads`: the brand's posts, its reposts (marked with a reason) and its
# self-threads, but not its replies to other people (those say little about the brand and
# would drown the captions the checks read).
FEED_FILTER = "posts_and_author_threads"
FEED_LIMIT = 100  # the lexicon's maximum page size
THREAD_DEPTH = 4  # comment, the brand's answer, and two more turns of the conversation


def normalize_handle(text: str) -> str:
    handle = text.strip().lstrip("@")
    if handle and "." not in handle and not handle.startswith("did:"):
        handle = f"{handle}.bsky.social"  # the default hosting provider's handles
    return validate_handle(
        handle,
        f"(?:{_DOMAIN_RE}|{_DID_RE})",
        "Bluesky handle (a domain such as name.bsky.social, or a DID)",
        "bluesky:@bluedoor.bsky.social",
    ).lower()


def match_url(parts: SplitResult) -> str | None:
    if not host_matches(parts, HOSTS):
        return None
    segs = path_segments(parts)
    if len(segs) < 2 or segs[0] != "profile":
        return None
    try:
        return normalize_handle(segs[1])
    except ValueError:
        return None


def profile_url(handle: str) -> str:
    return f"https://bsky.app/profile/{handle}"


def post_url(handle: str, rkey: str) -> str:
    return f"https://bsky.app/profile/{handle}/post/{rkey}"


# --------------------------------------------------------------------------- capture plan


def capture_plan(ref: ProfileRef) -> CapturePlan:
    """The profile, then one page of its author feed, straight from the public AppView."""
    profile_q = urlencode({"actor": ref.handle})
    feed_q = urlencode({"actor": ref.handle, "limit": FEED_LIMIT, "filter": FEED_FILTER})
    return CapturePlan(
        steps=(
            Step("goto", f"{API_BASE}/app.bsky.actor.getProfile?{profile_q}"),
            # A profile without a readable feed still has a bio, name and avatar to audit.
            Step("goto", f"{API_BASE}/app.bsky.feed.getAuthorFeed?{feed_q}", optional=True),
        ),
        follow=_thread_steps,
        note="Bluesky public AppView API: no login needed; then the comment threads of the "
        "newest posts that have replies (at most 12)",
    )


def _thread_steps(docs: Sequence[Document]) -> list[Step]:
    """getPostThread for the newest own posts with replies: does the brand answer them."""
    for doc in docs:
        actor = _actor_param(doc)
        if actor is None:
            continue
        return [
            Step(
                "goto",
                f"{API_BASE}/app.bsky.feed.getPostThread?"
                + urlencode({"uri": uri, "depth": THREAD_DEPTH, "parentHeight": 0}),
                optional=True,
            )
            for uri in newest_with_replies(doc, actor)
        ]
    return []


# --------------------------------------------------------------------------- small readers

_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f]")
_HANDLE_SUFFIXES_HOSTED = ("bsky.social", "brid.gy")  # hosting providers, not a brand's site
_INVALID_HANDLE = "handle.invalid"  # what the AppView shows when a handle fails verification


def _str(value: Any) -> str | None:
    """A non-blank string, stripped, else None (API fields may be missing, null or junk)."""
    if not isinstance(value, str):
        return None
    value = _BIDI.sub("", value).strip()
    return value or None


def _key(value: str | None) -> str | None:
    return value.casefold() if value else None


def _rkey(uri: Any) -> str | None:
    """The record key of an at:// URI (`at://did/app.bsky.feed.post/<rkey>`)."""
    text = _str(uri)
    if not text:
        return None
    return text.rstrip("/").rsplit("/", 1)[-1] or None


_TID_ALPHABET = "234567abcdefghijklmnopqrstuvwxyz"
_TID_RE = re.compile(r"^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$")
_BLUESKY_EPOCH = datetime(2022, 1, 1, tzinfo=timezone.utc)


def _tid_time(rkey: str, captured_at: datetime) -> datetime | None:
    """When a post record was created, read from its key: a TID holds microseconds since the
    epoch in its top 53 bits. Used where a page shows only a local-time tooltip or '3h'."""
    if not _TID_RE.match(rkey):
        return None
    n = 0
    for ch in rkey:
        n = n * 32 + _TID_ALPHABET.index(ch)
    when = datetime(1970, 1, 1, tzinfo=timezone.utc) + timedelta(microseconds=n >> 10)
    if when < _BLUESKY_EPOCH or when > captured_at + timedelta(days=1):
        return None  # a key that is not a clock TID
    return when


# --------------------------------------------------------------------------- outcomes


@dataclass(frozen=True)
class _Failure:
    outcome: Outcome
    reason: str
    label: str
    is_profile_call: bool


# XRPC error names (app.bsky.actor.getProfile / feed.getAuthorFeed lexicons, PDS sync errors).
_GONE = {
    "AccountTakedown": "the account was taken down (suspended) by Bluesky moderation",
    "RepoTakendown": "the account was taken down (suspended) by Bluesky moderation",
    "RepoSuspended": "the account is suspended",
    "AccountDeactivated": "the account was deactivated by its owner",
    "RepoDeactivated": "the account was deactivated by its owner",
    "NotFound": "Bluesky has no such profile",
}
_LOGIN = ("AuthMissing", "AuthenticationRequired", "AuthRequired", "ExpiredToken", "InvalidToken")


def _failure_of(doc: Document, data: dict[str, Any]) -> _Failure | None:
    code = _str(data.get("error"))
    if not code:
        return None
    message = _str(data.get("message")) or ""
    said = f"Bluesky answered {code}" + (f": {message}" if message else "")
    profile_call = "actor.getprofile" in (doc.url or "").lower()
    if code in _GONE:
        return _Failure(Outcome.NOT_FOUND, f"{_GONE[code]} ({said})", doc.label, profile_call)
    if code == "InvalidRequest" and "not found" in message.lower():
        return _Failure(Outcome.NOT_FOUND, f"no such profile ({said})", doc.label, profile_call)
    if code == "RateLimitExceeded":
        reason = f"rate limited by the Bluesky API; try again later ({said})"
        return _Failure(Outcome.BLOCKED, reason, doc.label, profile_call)
    if code in ("BlockedActor", "BlockedByActor"):
        reason = (
            "a block between this account and the logged-in account used for the capture "
            f"hides it; capture it logged out ({said})"
        )
        return _Failure(Outcome.BLOCKED, reason, doc.label, profile_call)
    if code in _LOGIN:
        return _Failure(
            Outcome.LOGIN_WALL, f"Bluesky asks for a login ({said})", doc.label, profile_call
        )
    return _Failure(Outcome.ERROR, said, doc.label, profile_call)


_NO_UNAUTH = "!no-unauthenticated"
_TAKEDOWN_LABELS = ("!takedown", "!suspend")
_PUBLIC_API_HOSTS = ("public.api.bsky.app",)
_SIGN_IN_REQUIRED = "requested that users sign in to view their profile"


def _read_logged_out(doc: Document) -> bool:
    """True unless the document demonstrably came from a logged-in session: the public
    AppView serves only logged-out readers; any other XRPC host (a PDS such as bsky.social)
    needs a session. A file without a URL is counted as logged out: nothing says otherwise."""
    if not doc.url:
        return True
    host = (urlsplit(doc.url).hostname or "").lower()
    return host in _PUBLIC_API_HOSTS or not host


# --------------------------------------------------------------------------- the draft


@dataclass
class _Draft:
    """Profile fields as the layers find them: the first layer to give a field wins, and its
    evidence is kept beside the value."""

    values: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    # A profile itself was read (API object, rendered header, profile page metadata): a field
    # it lacks is then empty, not unknown.
    profile_seen: bool = False

    def put(self, name: str, value: Any, source: str) -> None:
        if name in self.values or value is None or value == "":
            return
        self.values[name] = value
        self.sources[name] = source

    def get(self, name: str) -> Any:
        return self.values.get(name)


@dataclass
class _Identity:
    """Who the profile is, as far as the documents say: DID and/or handle."""

    did: str | None = None
    handle: str | None = None

    def learn(self, did: str | None, handle: str | None) -> None:
        """Fill what is missing; callers only pass what belongs to this same account."""
        if did and not self.did:
            self.did = did
        if handle and handle != _INVALID_HANDLE and not self.handle:
            self.handle = handle

    def known(self) -> bool:
        return bool(self.did or self.handle)

    def is_(self, did: str | None, handle: str | None) -> bool:
        if did and self.did:
            return _key(did) == _key(self.did)
        return bool(handle and self.handle and _key(handle) == _key(self.handle))

    def differs(self, did: str | None, handle: str | None) -> bool:
        """Known to be another account (unknown halves prove nothing)."""
        if did and self.did:
            return _key(did) != _key(self.did)
        return bool(handle and self.handle and _key(handle) != _key(self.handle))


# --------------------------------------------------------------------------- API readers


def _profile_views(doc: Document) -> Iterator[tuple[dict[str, Any], str]]:
    """getProfile (the object itself) and getProfiles (`profiles[i]`)."""
    data = doc.data
    if not isinstance(data, dict):
        return
    if _str(data.get("did")) and "handle" in data:
        yield data, ""
    for i, item in enumerate(as_list(data.get("profiles"))):
        if isinstance(item, dict) and _str(item.get("did")):
            yield item, f"profiles[{i}]."


def _feed_items(doc: Document) -> Iterator[tuple[dict[str, Any], str]]:
    """getAuthorFeed / getTimeline items: `{post, reason?, reply?}`."""
    data = doc.data
    feed = data.get("feed") if isinstance(data, dict) else None
    if not isinstance(feed, list):
        return
    for i, item in enumerate(feed):
        if isinstance(item, dict) and isinstance(item.get("post"), dict):
            yield item, f"feed[{i}]"


def _loose_posts(doc: Document) -> Iterator[tuple[dict[str, Any], str]]:
    """getPosts / searchPosts (`posts[i]`) and getPostThread (`thread`, its parents and
    replies): post views that carry no repost reason."""
    data = doc.data
    if not isinstance(data, dict):
        return
    posts = data.get("posts")
    if isinstance(posts, list):
        for i, post in enumerate(posts):
            if isinstance(post, dict) and _str(post.get("uri")):
                yield post, f"posts[{i}]"
    thread = data.get("thread")
    if isinstance(thread, dict):
        stack: list[tuple[Any, str]] = [(thread, "thread")]
        while stack:
            node, path = stack.pop()
            if not isinstance(node, dict):
                continue
            post = node.get("post")
            if isinstance(post, dict) and _str(post.get("uri")):
                yield post, f"{path}.post"
            stack.append((node.get("parent"), f"{path}.parent"))
            for i, reply in enumerate(as_list(node.get("replies"))):
                stack.append((reply, f"{path}.replies[{i}]"))


def _feed_owner(doc: Document, items: Sequence[dict[str, Any]]) -> tuple[str | None, str | None]:
    """Whose author feed a body is: who reposted into it, else the `actor` it was asked for."""
    for item in items:
        by = as_dict(dig(item, "reason", "by"))
        if by.get("did") or by.get("handle"):
            return _str(by.get("did")), _str(by.get("handle"))
    actor = _actor_param(doc)
    if actor and actor.startswith("did:"):
        return actor, None
    return None, actor


def _limit(doc: Document) -> int:
    """The page size asked for (the lexicon's default is 50): a full page means more exist."""
    values = parse_qs(urlsplit(doc.url or "").query).get("limit") or ["50"]
    return int_or_none(values[0]) or 50


def _actor_param(doc: Document) -> str | None:
    if not doc.url or "getauthorfeed" not in doc.url.lower():
        return None
    values = parse_qs(urlsplit(doc.url).query).get("actor")
    return _str(values[0]) if values else None


def _media_of_view(embed: Any) -> list[Media]:
    """Images and video the post itself carries. A quoted post's media
    (`app.bsky.embed.record#view`) is someone else's content and a link card is a preview
    of another site: neither is counted."""
    if not isinstance(embed, dict):
        return []
    kind = _str(embed.get("$type")) or ""
    if kind.startswith("app.bsky.embed.recordWithMedia"):
        return _media_of_view(embed.get("media"))
    if kind.startswith("app.bsky.embed.images") or (not kind and "images" in embed):
        out = []
        for img in as_list(embed.get("images")):
            if isinstance(img, dict):
                alt = _str(img.get("alt"))
                out.append(
                    Media(
                        kind="image",
                        url=_str(img.get("fullsize")) or _str(img.get("thumb")),
                        alt_text=alt,
                        # Bluesky never writes alt text itself: any alt is the owner's words.
                        alt_source="custom" if alt else "missing",
                    )
                )
        return out
    if kind.startswith("app.bsky.embed.video"):
        alt = _str(embed.get("alt"))
        url = _str(embed.get("playlist")) or _str(embed.get("thumbnail"))
        return [
            Media(kind="video", url=url, alt_text=alt, alt_source="custom" if alt else "missing")
        ]
    return []


def _media_of_record(embed: Any) -> list[Media]:
    """The record's own embed: used when the AppView sent no hydrated view (alt text is
    there, image URLs are not)."""
    if not isinstance(embed, dict):
        return []
    kind = _str(embed.get("$type")) or ""
    if kind == "app.bsky.embed.recordWithMedia":
        return _media_of_record(embed.get("media"))
    if kind == "app.bsky.embed.images":
        out = []
        for img in as_list(embed.get("images")):
            if isinstance(img, dict):
                alt = _str(img.get("alt"))
                out.append(
                    Media(kind="image", alt_text=alt, alt_source="custom" if alt else "missing")
                )
        return out
    if kind == "app.bsky.embed.video":
        alt = _str(embed.get("alt"))
        return [Media(kind="video", alt_text=alt, alt_source="custom" if alt else "missing")]
    return []


def _merge_tags(*groups: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for group in groups:
        for tag in group:
            tag = tag.lstrip("#＃").strip()
            if tag and tag.casefold() not in seen:
                seen.add(tag.casefold())
                out.append(tag)
    return out


def _facet_tags(record: dict[str, Any]) -> list[str]:
    tags = []
    for facet in as_list(record.get("facets")):
        for feature in as_list(dig(facet, "features")):
            if isinstance(feature, dict) and feature.get("$type") == "app.bsky.richtext.facet#tag":
                tag = _str(feature.get("tag"))
                if tag:
                    tags.append(tag)
    return tags


def _post_from_view(view: dict[str, Any], *, is_repost: bool, captured_at: datetime) -> Post | None:
    uri = _str(view.get("uri"))
    rkey = _rkey(uri)
    if not rkey:
        return None
    record = as_dict(view.get("record"))
    author = as_dict(view.get("author"))
    text = record.get("text") if isinstance(record.get("text"), str) else None
    created = parse_iso(record.get("createdAt"))
    approx = False
    if created is None:  # a record without createdAt: its key's clock, else the index time
        created = _tid_time(rkey, captured_at) or parse_iso(view.get("indexedAt"))
        approx = created is not None
    media = _media_of_view(view.get("embed")) or _media_of_record(record.get("embed"))
    who = _str(author.get("handle"))
    if not who or who == _INVALID_HANDLE:
        who = _str(author.get("did")) or (uri or "").removeprefix("at://").split("/", 1)[0]
    return Post(
        id=rkey,
        url=post_url(who, rkey) if who else None,
        created_at=created,
        created_at_approx=approx,
        caption=text if text and text.strip() else None,
        hashtags=_merge_tags(_facet_tags(record), extract_hashtags(text)),
        media=media,
        is_repost=is_repost,
        lang=next((x for x in as_list(record.get("langs")) if isinstance(x, str)), None),
    )


# --------------------------------------------------------------------------- bio readers

_URL_IN_TEXT = re.compile(r"https?://[^\s<>\"'`\[\]{}|\\^]+", re.IGNORECASE)
_BARE_DOMAIN = re.compile(
    r"(?<![@\w.\-/:])((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+([a-z]{2,24}))"
    r"(/[^\s<>\"'`\[\]{}|\\^]*)?",
    re.IGNORECASE,
)
_EMAIL = EMAIL  # audit.patterns: linear on any text
# Bare words that look like domains. Bluesky's own client links a bare domain only when
# its ending is a real top-level domain; two-letter endings are country domains, longer
# ones must be a generic domain businesses use. File names in bios are not links.
_GENERIC_TLD_NAMES = (
    "com org net edu gov int mil info biz name pro app dev io ai co me tv fm blog shop store "
    "online site website xyz social art design studio cafe coffee bakery restaurant bar pub "
    "page link life world today news tech media agency company business email club travel "
    "photo photography gallery music menu pizza kitchen wine beer salon spa health fitness "
    "eco green organic farm garden boutique fashion jewelry market global center academy "
    "education school consulting services solutions digital network systems cloud space "
    "love family events church museum london berlin wien paris tokyo nyc amsterdam"
)
_GENERIC_TLDS = frozenset(_GENERIC_TLD_NAMES.split())
_NOT_TLDS = frozenset({"md", "py", "js", "ts", "rs", "sh", "rb", "cs", "pl"})
_TRAILING = ".,;:!?…)]}»\"'’”"


def _tld_ok(tld: str) -> bool:
    tld = tld.lower()
    if len(tld) == 2:
        return tld not in _NOT_TLDS
    return tld in _GENERIC_TLDS


def _clean_url(url: str) -> str:
    """Sentence punctuation after a URL is not part of it; a ')' closing a '(' inside is."""
    while url and url[-1] in _TRAILING:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url


def _blank(m: re.Match[str]) -> str:
    return " " * (m.end() - m.start())


def _bio_links(bio: str) -> list[str]:
    """Websites written in the bio, as Bluesky links them: full URLs, and bare domains
    (`bluedoor.si`, `www.shop.com/menu`) made `https://` the way the app does. Mentions
    (`@name.bsky.social`) and e-mail addresses are not websites."""
    found: list[tuple[int, str]] = []
    for m in _URL_IN_TEXT.finditer(bio):
        found.append((m.start(), _clean_url(m.group(0))))
    blanked = _EMAIL.sub(_blank, _URL_IN_TEXT.sub(_blank, bio))  # one pass each, offsets kept
    for m in _BARE_DOMAIN.finditer(blanked):
        if _tld_ok(m.group(2)):
            found.append((m.start(), "https://" + _clean_url(m.group(0))))
    out: list[str] = []
    for _, url in sorted(found):
        if url.lower() not in (u.lower() for u in out) and "." in url.split("://", 1)[-1]:
            out.append(url)
    return out


def _bio_email(bio: str) -> str | None:
    m = _EMAIL.search(bio)
    return m.group(0) if m else None


def _is_custom_domain(handle: str | None) -> bool:
    if not handle or handle.startswith("did:") or handle == _INVALID_HANDLE:
        return False
    h = handle.lower()
    return not any(h == s or h.endswith("." + s) for s in _HANDLE_SUFFIXES_HOSTED)


# --------------------------------------------------------------------------- HTML readers

_NUMBER = re.compile(r"(\d[\d,.\u00a0\u202f ]*)\s*(?:([KkMm])\b)?")
_POST_HREF = re.compile(r"^/profile/([^/?#]+)/post/([^/?#]+)")
_ITEM_TESTID = re.compile(r"^(feedItem|postThreadItem)-by-")
_TOOLTIP_FORMATS = ("%B %d, %Y at %I:%M %p", "%b %d, %Y at %I:%M %p")


def _dom_number(text: str | None) -> int | None:
    """'21', '1,234', '3.1K', '1.2M' -> an int (K/M rounded as the page rounds them)."""
    if not text:
        return None
    m = _NUMBER.search(text)
    if not m:
        return None
    digits, suffix = m.group(1).strip(), (m.group(2) or "").lower()
    if suffix:
        return scaled_count(digits, 1000 if suffix == "k" else 1_000_000)
    cleaned = re.sub(r"[,.\u00a0\u202f ]", "", digits)
    return int_or_none(cleaned)


def _text_of(tag: Tag | None) -> str | None:
    if tag is None:
        return None
    return _str(tag.get_text())


def _attr(tag: Tag | None, name: str) -> str | None:
    if tag is None:
        return None
    value = tag.get(name)
    return value if isinstance(value, str) else None


def _testid(soup: BeautifulSoup | Tag, testid: str) -> Tag | None:
    found = soup.find(None, {"data-testid": testid})
    return found if isinstance(found, Tag) else None


def _tooltip_time(text: str | None) -> datetime | None:
    """'February 16, 2024 at 4:22 PM' (local time of whoever rendered the page; taken as UTC,
    so only approximately right)."""
    if not text:
        return None
    for fmt in _TOOLTIP_FORMATS:
        try:
            return datetime.strptime(text.strip(), fmt).replace(tzinfo=timezone.utc)
        except ValueError:
            continue
    return None


@dataclass
class _DomPost:
    author: str
    rkey: str
    text: str | None
    tags: list[str]
    media: list[Media]
    tooltip: str | None


def _dom_post(item: Tag, author: str) -> _DomPost | None:
    """One rendered post (`feedItem-by-*`, `postThreadItem-by-*`). Walks the item in document
    order and stops at a second post link: what follows belongs to a quoted post."""
    rkey: str | None = None
    tooltip: str | None = None
    text: str | None = None
    tags: list[str] = []
    media: list[Media] = []
    for el in item.descendants:
        if not isinstance(el, Tag):
            continue
        if el.name == "a":
            href = _attr(el, "href") or ""
            m = _POST_HREF.match(href)
            if m:
                if rkey is None:
                    rkey = m.group(2)
                    tooltip = _attr(el, "data-tooltip") or _attr(el, "aria-label")
                elif m.group(2) != rkey:
                    break  # a quoted post starts here
            elif href.startswith("/hashtag/"):
                tags.append(unquote(href.split("/", 2)[2].split("?", 1)[0]))
        elif (
            el.name == "div"
            and text is None
            and (el.get("data-testid") == "postText" or el.get("data-word-wrap") == "1")
        ):
            text = _str(el.get_text())
        elif el.name == "img":
            src = _attr(el, "src") or ""
            alt = el.get("alt")
            # Post images carry an alt attribute (empty when the owner wrote none); link-card
            # thumbnails and avatars do not count.
            if ("/img/feed_thumbnail/" in src or "/img/feed_fullsize/" in src) and isinstance(
                alt, str
            ):
                alt_text = _str(alt)
                media.append(
                    Media(
                        url=src, alt_text=alt_text, alt_source="custom" if alt_text else "missing"
                    )
                )
    if rkey is None:
        return None
    return _DomPost(author, rkey, text, tags, media, tooltip)


def _og_title(meta: dict[str, str]) -> tuple[str | None, str | None]:
    """'Blue Door (@bluedoor.si)' -> (name, handle)."""
    title = _str(meta.get("og:title"))
    if not title:
        return None, None
    m = re.match(r"^(.*?)\s*\(@([^)\s]+)\)\s*$", title[:TITLE_MAX])
    if m:
        return _str(m.group(1)), m.group(2)
    return (None, title[1:]) if title.startswith("@") else (title, None)


def _page_handle(meta: dict[str, str]) -> str | None:
    handle = _str(meta.get("profile:username"))
    if handle:
        return handle
    for key in ("og:url", "canonical"):
        url = meta.get(key)
        if url:
            segs = [s for s in urlsplit(url).path.split("/") if s]
            if len(segs) >= 2 and segs[0] == "profile":
                return segs[1]
    return _og_title(meta)[1]


def _page_did(meta: dict[str, str]) -> str | None:
    for i in range(1, 5):
        if (meta.get(f"twitter:label{i}") or "").strip().lower() == "account did":
            return _str(meta.get(f"twitter:value{i}"))
    return None


# --------------------------------------------------------------------------- extraction


@dataclass
class _Reading:
    """Everything the documents hold, sorted by shape, before anything is decided."""

    profiles: list[tuple[Document, dict[str, Any], str]] = field(default_factory=list)
    feeds: list[tuple[Document, dict[str, Any], str]] = field(default_factory=list)
    loose: list[tuple[Document, dict[str, Any], str]] = field(default_factory=list)
    pages: list[tuple[Document, BeautifulSoup, dict[str, str]]] = field(default_factory=list)
    failures: list[_Failure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    post_lists: int = 0  # bodies that list posts (a feed, posts, a thread), even empty ones


def _read(docs: Sequence[Document]) -> _Reading:
    r = _Reading()
    for doc in docs:
        if doc.kind == "json":
            data = doc.data
            if not isinstance(data, dict):
                continue
            failure = _failure_of(doc, data)
            if failure:
                r.failures.append(failure)
                continue
            r.profiles.extend((doc, obj, path) for obj, path in _profile_views(doc))
            r.feeds.extend((doc, item, path) for item, path in _feed_items(doc))
            r.loose.extend((doc, post, path) for post, path in _loose_posts(doc))
            if any(isinstance(data.get(k), (list, dict)) for k in ("feed", "posts", "thread")):
                r.post_lists += 1
            feed = data.get("feed")
            if _str(data.get("cursor")) and isinstance(feed, list) and len(feed) >= _limit(doc):
                r.warnings.append(
                    f"{doc.label}: one full page of {len(feed)} feed items was read; "
                    "older posts were not"
                )
        elif doc.kind == "html":
            soup = soup_of(doc.text)
            r.pages.append((doc, soup, meta_tags(soup)))
        elif doc.status == 429:
            r.failures.append(
                _Failure(Outcome.BLOCKED, "rate limited by Bluesky (HTTP 429)", doc.label, False)
            )
    return r


def _choose_profile(
    r: _Reading, ref: ProfileRef | None
) -> tuple[Document, dict[str, Any], str] | None:
    if not r.profiles:
        return None
    if ref is not None:
        want = ref.handle.casefold()
        for entry in r.profiles:
            obj = entry[1]
            if want in (_key(_str(obj.get("handle"))), _key(_str(obj.get("did")))):
                return entry
    return r.profiles[0]


def _identify(r: _Reading, chosen: Any, ref: ProfileRef | None, draft: _Draft) -> _Identity:
    """Whose profile this is: the profile object, else what the user asked for, else who
    reposted into the feed (the feed's owner), else the feed's actor, else the one author
    all posts share, else the page's own handle."""
    ident = _Identity()
    if chosen is not None:
        obj = chosen[1]
        ident.learn(_str(obj.get("did")), _str(obj.get("handle")))
    if ref is not None:
        if ref.handle.startswith("did:"):
            ident.learn(ref.handle, None)
        else:
            ident.learn(None, ref.handle)
    for doc, item, path in r.feeds:
        by = as_dict(dig(item, "reason", "by"))
        did, handle = _str(by.get("did")), _str(by.get("handle"))
        if (did or handle) and (not ident.known() or ident.is_(did, handle)):
            ident.learn(did, handle)
            _author_fields(draft, by, f"{doc.label}: {path}.reason.by")
    for doc, _item, _path in r.feeds:
        actor = _actor_param(doc)
        if actor and not ident.known():
            is_did = actor.startswith("did:")
            ident.learn(actor if is_did else None, None if is_did else actor)
    if not ident.known():
        authors = Counter(
            (_str(dig(v, "author", "did")), _str(dig(v, "author", "handle")))
            for v in [item["post"] for _, item, _ in r.feeds if not item.get("reason")]
            + [post for _, post, _ in r.loose]
        )
        if len(authors) == 1:
            (did, handle), _ = authors.most_common(1)[0]
            ident.learn(did, handle)
    if not ident.known():
        for _doc, _soup, meta in r.pages:
            ident.learn(_page_did(meta), _page_handle(meta))
            if ident.known():
                break
    # Fill the other half of the identity (the DID of a handle, or back) from post authors.
    for view in [item["post"] for _, item, _ in r.feeds] + [p for _, p, _ in r.loose]:
        author = view.get("author")
        if not isinstance(author, dict):
            continue
        did, handle = _str(author.get("did")), _str(author.get("handle"))
        if ident.is_(did, handle):
            ident.learn(did, handle)
    return ident


def _author_fields(draft: _Draft, author: dict[str, Any], source: str) -> None:
    """A post's `author` (profileViewBasic): name and avatar, when no full profile came."""
    draft.put("display_name", _str(author.get("displayName")), f"{source}.displayName")
    avatar = _str(author.get("avatar"))
    if avatar:
        draft.put("avatar", Avatar(url=avatar), f"{source}.avatar")


def _api_profile(draft: _Draft, chosen: tuple[Document, dict[str, Any], str]) -> None:
    doc, obj, path = chosen
    at = f"{doc.label}: {path}"
    draft.profile_seen = True
    draft.put("display_name", _str(obj.get("displayName")), f"{at}displayName")
    bio = obj.get("description")
    draft.put("bio", bio.strip() if isinstance(bio, str) else None, f"{at}description")
    avatar = _str(obj.get("avatar"))
    # The API leaves `avatar` out when none was uploaded: the app then shows its default.
    draft.put(
        "avatar",
        Avatar(url=avatar) if avatar else Avatar(url=None, is_default=True),
        f"{at}avatar" if avatar else f"{at}avatar (absent: default avatar)",
    )
    draft.put("followers", int_or_none(obj.get("followersCount")), f"{at}followersCount")
    draft.put("following", int_or_none(obj.get("followsCount")), f"{at}followsCount")
    draft.put("posts_count", int_or_none(obj.get("postsCount")), f"{at}postsCount")
    status = _str(dig(obj, "verification", "verifiedStatus"))
    trusted = _str(dig(obj, "verification", "trustedVerifierStatus"))
    if status or trusted:
        draft.put("is_verified", "valid" in (status, trusted), f"{at}verification.verifiedStatus")


def _dom_profile(draft: _Draft, doc: Document, soup: BeautifulSoup) -> None:
    """The rendered profile header (bsky.app, logged in or out). The app leaves out the
    description element when the bio is empty."""
    draft.profile_seen = True
    name = _testid(soup, "profileHeaderDisplayName")
    draft.put(
        "display_name", _text_of(name), f"{doc.label}: [data-testid=profileHeaderDisplayName]"
    )
    desc = _testid(soup, "profileHeaderDescription")
    if desc is not None:
        bio = desc.get_text()
        draft.put(
            "bio",
            _BIDI.sub("", bio).strip() or None,
            f"{doc.label}: [data-testid=profileHeaderDescription]",
        )
    avi = _testid(soup, "profileHeaderAviButton")
    if avi is not None:
        img = avi.find("img")
        src = _attr(img, "src") if isinstance(img, Tag) else None
        draft.put(
            "avatar",
            Avatar(url=src) if src else Avatar(url=None, is_default=True),
            f"{doc.label}: [data-testid=profileHeaderAviButton] img",
        )
    for name_, testid in (
        ("followers", "profileHeaderFollowersButton"),
        ("following", "profileHeaderFollowsButton"),
    ):
        tag = _testid(soup, testid)
        value = _dom_number(_attr(tag, "aria-label") or _text_of(tag))
        draft.put(name_, value, f"{doc.label}: [data-testid={testid}]")
    follows = _testid(soup, "profileHeaderFollowsButton")
    holder = follows.parent if follows is not None else None
    if isinstance(holder, Tag):  # "0 posts" sits beside the follower/follow buttons
        for child in holder.find_all("div", recursive=False):
            text = _text_of(child) or ""
            if re.fullmatch(r"[\d,.\s]*[\d,.](?:\s?[KkMm])?\s+posts?", text):
                draft.put("posts_count", _dom_number(text), f"{doc.label}: profile header 'posts'")


def _meta_profile(draft: _Draft, doc: Document, meta: dict[str, str], soup: BeautifulSoup) -> None:
    """OpenGraph and JSON-LD: name always; bio only on a profile page (on a post page the
    description is the post); avatar only when the image is an avatar (a profile page's
    og:image is the banner, a post page's may be the post's photo)."""
    name, _ = _og_title(meta)
    draft.put("display_name", name, f"{doc.label}: meta[og:title]")
    if (meta.get("og:type") or "").lower() == "profile":
        draft.profile_seen = True
        desc = meta.get("og:description") or meta.get("description")
        draft.put("bio", _str(desc), f"{doc.label}: meta[og:description]")
    image = _str(meta.get("og:image"))
    if image and "/img/avatar" in image:
        draft.put("avatar", Avatar(url=image), f"{doc.label}: meta[og:image]")
    for item in json_ld(soup):
        kind = item.get("@type")
        person = item.get("mainEntity") if kind == "ProfilePage" else item.get("author")
        if kind in ("Person", "Organization"):
            person = item
        if isinstance(person, dict):
            draft.put("display_name", _str(person.get("name")), f"{doc.label}: JSON-LD {kind}.name")
            if kind in ("ProfilePage", "Person", "Organization"):
                draft.put(
                    "bio", _str(person.get("description")), f"{doc.label}: JSON-LD description"
                )
                image = _str(person.get("image"))
                if image and "/img/avatar" in image:
                    draft.put("avatar", Avatar(url=image), f"{doc.label}: JSON-LD {kind} image")


def _page_posts(
    soup: BeautifulSoup, meta: dict[str, str], ident: _Identity, captured_at: datetime
) -> list[Post]:
    """Posts on a rendered page: a profile page's feed items (items by others are reposts),
    a post page's thread items by the profile's author; the post a post page is about gets
    its exact date and full text from JSON-LD. Dates come from the record key (the page shows
    only '3h' or a local-time tooltip), so they are marked approximate."""
    on_own_page = ident.is_(_page_did(meta), _page_handle(meta))
    out: dict[str, Post] = {}
    for item in soup.find_all(None, {"data-testid": _ITEM_TESTID}):
        if not isinstance(item, Tag):
            continue
        testid = _attr(item, "data-testid") or ""
        kind, _, author = testid.partition("-by-")
        own = ident.is_(None, author)
        if kind == "postThreadItem" and not own:
            continue  # other people's replies in the thread
        if kind == "feedItem" and not on_own_page:
            continue  # a feed on someone else's page
        found = _dom_post(item, author)
        if found is None or found.rkey in out:
            continue
        created = _tid_time(found.rkey, captured_at) or _tooltip_time(found.tooltip)
        out[found.rkey] = Post(
            id=found.rkey,
            url=post_url(found.author, found.rkey),
            created_at=created,
            created_at_approx=created is not None,
            caption=found.text,
            hashtags=_merge_tags(found.tags, extract_hashtags(found.text)),
            media=found.media,
            is_repost=not own,
        )
    canonical = meta.get("canonical") or meta.get("og:url") or ""
    m = re.search(r"/profile/([^/?#]+)/post/([^/?#]+)", canonical)
    if m and ident.is_(None, m.group(1)):
        rkey = m.group(2)
        ld = next((x for x in json_ld(soup) if x.get("@type") == "DiscussionForumPosting"), {})
        text = ld.get("text") if isinstance(ld.get("text"), str) else None
        text = html.unescape(text) if text else _str(meta.get("og:description"))
        when = parse_iso(ld.get("datePublished")) or parse_iso(meta.get("article:published_time"))
        seen = out.get(rkey)
        # Without the rendered post, og:image hints at a photo but not at its alt text: no
        # media is claimed rather than a "missing" alt nobody observed.
        media = seen.media if seen else []
        out[rkey] = Post(
            id=rkey,
            url=post_url(m.group(1), rkey),
            created_at=when or (seen.created_at if seen else _tid_time(rkey, captured_at)),
            created_at_approx=when is None,
            caption=text or (seen.caption if seen else None),
            hashtags=_merge_tags(seen.hashtags if seen else [], extract_hashtags(text)),
            media=media,
            is_repost=False,
        )
    return list(out.values())


@dataclass
class _Posts:
    """Posts by URL: one entry per post, the brand's own copy over a repost of it (a pinned
    or self-reposted post shows up twice in a feed)."""

    by_key: dict[str, Post] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)

    def add(self, post: Post | None, source: str) -> None:
        if post is None:
            return
        key = post.url or post.id
        old = self.by_key.get(key)
        if old is None or (old.is_repost and not post.is_repost):
            self.by_key[key] = post
        if source not in self.sources:
            self.sources.append(source)

    def newest_first(self) -> list[Post]:
        def order(post: Post) -> tuple[int, float]:
            return (0, -post.created_at.timestamp()) if post.created_at else (1, 0.0)

        return sorted(self.by_key.values(), key=order)


def _author_of(view: dict[str, Any]) -> dict[str, Any]:
    author = view.get("author")
    return author if isinstance(author, dict) else {}


def _api_posts(
    r: _Reading, ident: _Identity, draft: _Draft, posts: _Posts, captured_at: datetime
) -> None:
    """Feed items are the profile's feed: items by other authors are its reposts. Post lists
    (getPosts, searchPosts, threads) count only where the profile wrote them."""
    foreign: set[int] = set()
    by_doc: dict[int, tuple[Document, list[dict[str, Any]]]] = {}
    for d, item, _ in r.feeds:  # one pass: each document's items (not a scan per document)
        by_doc.setdefault(id(d), (d, []))[1].append(item)
    for doc, items in by_doc.values():
        did, handle = _feed_owner(doc, items)
        if ident.differs(did, handle):
            foreign.add(id(doc))
            r.warnings.append(f"{doc.label}: the feed of {handle or did}, not this profile's")
    for doc, item, path in r.feeds:
        if id(doc) in foreign:
            continue
        view = item["post"]
        reason = as_dict(item.get("reason"))
        by = as_dict(reason.get("by")) or None
        if by is not None and not ident.is_(_str(by.get("did")), _str(by.get("handle"))):
            continue  # another account's feed in the same capture
        author = _author_of(view)
        own = ident.is_(_str(author.get("did")), _str(author.get("handle")))
        is_repost = str(reason.get("$type", "")).endswith("#reasonRepost") or not own
        if own:
            _author_fields(draft, author, f"{doc.label}: {path}.post.author")
        post = _post_from_view(view, is_repost=is_repost, captured_at=captured_at)
        posts.add(post, f"{doc.label}: feed[].post")
    for doc, view, path in r.loose:
        parent = _str(dig(view, "record", "reply", "parent", "uri")) or ""
        parent_did = parent.removeprefix("at://").split("/", 1)[0]
        if parent_did and ident.did and not ident.is_(parent_did, None):
            continue  # an answer to someone else's comment: engagement, not a post
        author = _author_of(view)
        if ident.is_(_str(author.get("did")), _str(author.get("handle"))):
            _author_fields(draft, author, f"{doc.label}: {path}.author")
            post = _post_from_view(view, is_repost=False, captured_at=captured_at)
            posts.add(post, f"{doc.label}: " + re.sub(r"\[\d+\]", "[]", path))


_PAGE_POSTS = "[data-testid^=feedItem-by-] / [data-testid^=postThreadItem-by-] / JSON-LD"


def _page_layers(
    r: _Reading, ident: _Identity, draft: _Draft, posts: _Posts, captured_at: datetime
) -> str | None:
    """DOM then metadata of each rendered page of this profile. Returns the label of a page
    that shows Bluesky's 'sign in to view this profile' screen, if any."""
    wall: str | None = None
    for doc, soup, meta in r.pages:
        if _SIGN_IN_REQUIRED in soup.get_text(" ").lower():
            wall = doc.label
        page_handle = _page_handle(meta)
        if not ident.is_(_page_did(meta), page_handle):
            continue
        ident.learn(_page_did(meta), page_handle)
        if _testid(soup, "profileView") is not None:
            _dom_profile(draft, doc, soup)
        _thread_avatar(draft, doc, soup, page_handle)
        _meta_profile(draft, doc, meta, soup)
        for post in _page_posts(soup, meta, ident, captured_at):
            posts.add(post, f"{doc.label}: {_PAGE_POSTS}")
    return wall


def _thread_avatar(draft: _Draft, doc: Document, soup: BeautifulSoup, handle: str | None) -> None:
    """A post page shows the author's picture beside their post."""
    if not handle:
        return
    item = _testid(soup, f"postThreadItem-by-{handle}")
    avatar = _testid(item, "userAvatarImage") if item is not None else None
    img = avatar.find("img") if avatar is not None else None
    src = _attr(img, "src") if isinstance(img, Tag) else None
    if src and "/img/avatar" in src:
        where = (
            f"{doc.label}: [data-testid=postThreadItem-by-{handle}] [data-testid=userAvatarImage]"
        )
        draft.put("avatar", Avatar(url=src), where)


def _labels(chosen: tuple[Document, dict[str, Any], str] | None) -> list[str]:
    if chosen is None:
        return []
    out = []
    for label in as_list(chosen[1].get("labels")):
        value = _str(label.get("val")) if isinstance(label, dict) else None
        if value:
            out.append(value)
    return out


def extract(docs: Sequence[Document], ctx: ExtractContext) -> Profile:
    """The Bluesky profile the documents show. Never raises on odd input: what cannot be
    read becomes an outcome and a warning in `capture`."""
    r = _read(docs)
    draft = _Draft()
    chosen = _choose_profile(r, ctx.ref)
    if chosen is not None:
        _api_profile(draft, chosen)
    ident = _identify(r, chosen, ctx.ref, draft)
    posts = _Posts()
    _api_posts(r, ident, draft, posts, ctx.captured_at)
    wall = _page_layers(r, ident, draft, posts, ctx.captured_at)

    handle = ident.handle or ident.did or (ctx.ref.handle if ctx.ref else "")
    profile = Profile(
        platform=Platform.BLUESKY,
        handle=handle,
        url=profile_url(handle) if handle else None,
        capture=CaptureInfo(
            url=ctx.ref.url if ctx.ref else (profile_url(handle) if handle else None),
            captured_at=ctx.captured_at,
            inputs=[input_doc(d) for d in docs],
        ),
    )
    cap = profile.capture
    cap.warnings.extend(r.warnings)
    if ident.did and not ident.handle:
        cap.warnings.append(f"the account's handle could not be verified; shown by DID {ident.did}")
    if chosen is not None and ctx.ref is not None:
        obj = chosen[1]
        if ctx.ref.handle.casefold() not in (
            _key(_str(obj.get("handle"))),
            _key(_str(obj.get("did"))),
        ):
            cap.warnings.append(
                f"asked for {ctx.ref.handle} but the profile read is "
                f"{_str(obj.get('handle')) or _str(obj.get('did'))}"
            )

    labels = _labels(chosen)
    if any(label in _TAKEDOWN_LABELS for label in labels):
        cap.outcome = Outcome.NOT_FOUND
        cap.reason = "the account was taken down by Bluesky moderation (a label on the profile)"
        _fill_identity(profile, draft)
        return profile
    if chosen is not None and _NO_UNAUTH in labels:
        if _read_logged_out(chosen[0]):
            # The owner's wish is honoured: identity only, no bio and no posts.
            cap.outcome = Outcome.LOGIN_WALL
            cap.reason = (
                "the owner asked Bluesky not to show this account to logged-out visitors "
                f"(label {_NO_UNAUTH}), so its bio and posts were not read; to audit it, "
                "capture it logged in (a HAR exported from your own browser)"
            )
            cap.warnings.append("logged-out visitors and search engines see nothing of it")
            _fill_identity(profile, draft)
            return profile
        cap.warnings.append(
            f"the owner hides this account from logged-out visitors (label {_NO_UNAUTH}): "
            "people who are not signed in, and search engines, cannot find it"
        )

    if chosen is None and not posts.by_key and "display_name" not in draft.values:
        _nothing_usable(profile, r, wall, ambiguous=not ident.known() and bool(r.loose))
        return profile
    for failure in r.failures:
        cap.warnings.append(f"{failure.label}: {failure.reason}")
    _fill_identity(profile, draft)
    _fill_content(profile, draft, ident)
    profile.posts = posts.newest_first()
    if profile.posts:
        profile.sources["posts"] = "; ".join(posts.sources)
    profile.engagement, engagement_source = read_engagement(
        docs, [item for doc, item, _ in r.feeds], ident.is_
    )
    if profile.engagement is not None:
        profile.sources["engagement"] = engagement_source
    _not_observed(
        profile, seen_profile=draft.profile_seen, seen_posts=bool(r.post_lists or posts.by_key)
    )
    return profile


def _not_observed(profile: Profile, *, seen_profile: bool, seen_posts: bool) -> None:
    """What this input cannot show, so checks say `na` instead of failing the brand for it.
    A profile that was read but has no bio has an empty bio: that is observed."""
    gaps = profile.not_observed
    gaps["geotags"] = "Bluesky posts carry no location tags"
    gaps["category"] = "Bluesky profiles have no business category"
    if not seen_profile:
        gaps["bio"] = (
            "no profile was captured (only posts): capture app.bsky.actor.getProfile to read "
            "the bio"
        )
        if not profile.links:
            gaps["links"] = "websites are written in the bio, which was not captured"
    if profile.avatar is None:
        gaps["avatar"] = "this input does not show the profile image"
    counts = profile.counts
    if counts.followers is None and counts.following is None and counts.posts is None:
        gaps["counts"] = "this input does not show follower or post counts"
    if not seen_posts:
        why = (
            "no posts were captured (only the profile): cadence, captions and alt text cannot "
            "be checked; capture app.bsky.feed.getAuthorFeed too"
        )
        gaps["posts"] = why
        profile.capture.warnings.append(why)


def _nothing_usable(profile: Profile, r: _Reading, wall: str | None, *, ambiguous: bool) -> None:
    """No profile and no post: say why, most specific reason first."""
    cap = profile.capture
    failure = next((f for f in r.failures if f.is_profile_call), None) or (
        r.failures[0] if r.failures else None
    )
    if wall:
        cap.outcome = Outcome.LOGIN_WALL
        cap.reason = (
            f"{wall} says the account asked that users sign in to view it; capture it "
            "logged in (a HAR exported from your own browser)"
        )
    elif failure:
        cap.outcome, cap.reason = failure.outcome, failure.reason
    elif ambiguous:
        cap.outcome = Outcome.ERROR
        cap.reason = (
            "these posts come from several accounts and nothing says whose profile to read; "
            "name it (bluesky:@handle)"
        )
    else:
        cap.outcome = Outcome.ERROR
        cap.reason = "no Bluesky profile or posts found in the documents"
    cap.warnings.append(f"nothing usable for a Bluesky profile: {cap.reason}")


def _fill_identity(profile: Profile, draft: _Draft) -> None:
    for name in ("display_name", "avatar", "is_verified"):
        if name in draft.values:
            setattr(profile, name, draft.values[name])
            profile.sources[name] = draft.sources[name]


def _fill_content(profile: Profile, draft: _Draft, ident: _Identity) -> None:
    """Bio, counts, links and contact: what the owner wrote and what the profile shows."""
    bio = draft.get("bio")
    if bio:
        profile.bio = bio
        profile.sources["bio"] = draft.sources["bio"]
    profile.counts = Counts(
        followers=draft.get("followers"),
        following=draft.get("following"),
        posts=draft.get("posts_count"),
    )
    for name, key in (
        ("followers", "counts.followers"),
        ("following", "counts.following"),
        ("posts_count", "counts.posts"),
    ):
        if name in draft.sources:
            profile.sources[key] = draft.sources[name]
    links = [Link(url=u) for u in _bio_links(bio)] if bio else []
    if links:
        profile.sources["links"] = f"{draft.sources['bio']} (URLs and domains in the text)"
    if _is_custom_domain(ident.handle):
        # A domain handle is proven by the owner (DNS or /.well-known): it is their website.
        url = f"https://{ident.handle}"
        if all(link.url.lower() != url.lower() for link in links):
            links.append(Link(url=url, title="handle domain"))
            profile.sources.setdefault("links", "handle (a domain the owner proved they hold)")
    profile.links = links
    email = _bio_email(bio) if bio else None
    if email:
        profile.contact = Contact(email=email)
        profile.sources["contact"] = f"{draft.sources['bio']} (e-mail address in the text)"


SPEC = PlatformSpec(
    platform=Platform.BLUESKY,
    hosts=HOSTS,
    match_url=match_url,
    normalize_handle=normalize_handle,
    profile_url=profile_url,
    capture_plan=capture_plan,
    extract=extract,
)
