"""Threads: URL patterns, capture plan and extraction.

Logged out, a Threads profile page carries meta tags (`og:title` "Name (@user) on Threads",
`og:description` with the follower count and the bio) and, on current builds, JSON in
`<script type="application/json">` blocks; the web app then loads the user and their threads
through GraphQL, which a capture's HAR keeps. Both hold the same objects: a user (`username`,
`full_name`, `biography`, `bio_links`, `follower_count`, `hd_profile_pic_versions`) and threads
(`thread_items[].post`: `caption.text`, `taken_at`, `image_versions2`, `carousel_media`,
`accessibility_caption`, `text_post_app_info` with `reply_to_author`, `share_info`,
`tag_header`). `extract` finds them by shape wherever they sit, so the page blobs, GraphQL
responses and API dumps (even truncated ones) read the same way.

Replies are not the profile's posts (the Threads tab does not show them) and are left out;
posts by other accounts that appear only as context (the thread a reply answers) too. A repost
is kept and marked `is_repost`. Threads allows one topic tag per post: it is read from
`tag_header` and from a `#tag` in the text.
"""

from __future__ import annotations

import re
from collections import Counter, deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from bs4 import Tag

from audit.alttext import classify_alt
from audit.dates import from_timestamp
from audit.documents import Document, parse_json
from audit.model import (
    Avatar,
    Link,
    Media,
    Outcome,
    Platform,
    Post,
    Profile,
    ProfileRef,
)
from audit.patterns import TITLE_MAX
from audit.platforms.base import (
    AccountFinding,
    CapturePlan,
    ExtractContext,
    PlatformSpec,
    Step,
    as_list,
    capture_info,
    clean_str,
    dig,
    first,
    int_or_none,
    profile_from_values,
    scaled_count,
)
from audit.platforms.generic import meta_tags, soup_of
from audit.platforms.instagram import normalize_handle as _instagram_handle
from audit.platforms.urls import segment_matcher
from audit.text import extract_hashtags, normalize_space

__all__ = ["HOSTS", "SPEC", "capture_plan", "extract", "normalize_handle", "profile_url"]

HOSTS = ("threads.net", "threads.com")


def normalize_handle(text: str) -> str:
    """Threads handles are Instagram usernames."""
    return _instagram_handle(text)


def profile_url(handle: str) -> str:
    return f"https://www.threads.com/@{handle}"


match_url = segment_matcher(HOSTS, normalize_handle, at_sign=True)


# --------------------------------------------------------------------------- capture plan


def capture_plan(ref: ProfileRef) -> CapturePlan:
    """The profile page. Its meta tags give the name, bio and followers even when nothing else
    loads; the page's own GraphQL calls for the user and their threads land in the HAR as it
    renders, so waiting for the first post is what makes them part of the capture."""
    return CapturePlan(
        steps=(
            Step(
                action="goto",
                url=profile_url(ref.handle),
                wait_for="div[data-pressable-container]",
            ),
        ),
        note="profile page (meta tags + embedded JSON) and its GraphQL responses (user, threads)",
    )


# --------------------------------------------------------------------------- extraction

_RANK_USER = 10
_RANK_AUTHOR = 60  # the author block of a post
_RANK_META = 70
_RANK_POST_META = 80

_OUTCOME_PRIORITY = (
    Outcome.NOT_FOUND,
    Outcome.PRIVATE,
    Outcome.LOGIN_WALL,
    Outcome.BLOCKED,
    Outcome.ERROR,
)
_TITLE = re.compile(r"^\s*(?!\s)(?P<name>(?:.*?\S)?)\s*\(@(?P<handle>[A-Za-z0-9._]{1,30})\)")
_POST_PATH = re.compile(r"/(?:t|post)/(?P<code>[A-Za-z0-9_-]{5,})")
_COUNT = re.compile(
    r"(?<![\d.,])(?P<num>\d+(?:[.,]\d+)*)\s?(?P<suffix>[KMB])?\s+(?P<what>Followers?|Threads?)\b",
    re.I,
)
_LIKES_PREFIX = re.compile(
    r"^\s*(?:[\d.,]+\s?[KMB]?\s+likes?,?\s*)?(?:[\d.,]+\s?[KMB]?\s+repl(?:y|ies)\.?\s*)?", re.I
)
_SEE_LATEST = re.compile(r"(?<!\s)\.?\s*See the latest conversations with @[\w.]+\.?\s*$", re.I)
_PROFILE_PIC = "/t51.2885-19/"  # Instagram CDN path of profile pictures (not post images)
_SIZE = re.compile(r"[_/=]s(\d{2,4})x(\d{2,4})")
_NOT_FOUND = re.compile(r"Sorry, this page isn(?:'|’|&#0?39;|&#x27;)t available", re.I)
_PRIVATE = re.compile(r"This profile is private", re.I)


@dataclass
class _Item:
    """One post as found, with where it sat (a thread root, a reply, context)."""

    post: Post
    author: str | None
    is_reply: bool
    thread_key: str
    in_timeline: bool  # from a user's thread list (not a thread page's replies)
    source: str
    alt_field: bool  # the response has an alt-text field for its images


@dataclass
class _Read:
    users: list[AccountFinding] = field(default_factory=list)
    items: list[_Item] = field(default_factory=list)
    signals: list[tuple[Outcome, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    meta_only_posts: bool = False
    thread_lists_seen: bool = False
    replies_only: bool = False  # every own item found was a reply


def extract(docs: Sequence[Document], ctx: ExtractContext) -> Profile:
    """The Threads profile these documents show; never raises on junk or truncated input."""
    read = _Read()
    for doc in docs:
        try:
            _read_document(doc, read)
        except Exception as exc:  # a surprise shape must not lose the other documents
            read.warnings.append(f"{doc.label}: unreadable ({type(exc).__name__})")
    return _merge(read, docs, ctx)


def _read_document(doc: Document, read: _Read) -> None:
    if doc.status == 429:
        read.signals.append((Outcome.BLOCKED, f"Threads rate-limited the capture ({doc.label})"))
    if doc.status == 404:
        read.signals.append((Outcome.NOT_FOUND, f"Threads answered 404 for {doc.label}"))
    if doc.kind == "html":
        _read_html(doc, read)
        return
    data = doc.data
    if data is None and doc.text.strip()[:1] in ("{", "["):
        data, repaired = lenient_json(doc.text)
        if data is not None and repaired:
            read.warnings.append(
                f"{doc.label}: truncated or not valid JSON; read the parts that parse"
            )
    if data is None:
        if doc.text.strip():
            read.warnings.append(f"{doc.label}: neither a Threads page nor JSON; skipped")
        return
    _read_json(doc.label, data, read)


# --- tolerant JSON ----------------------------------------------------------------------


def lenient_json(text: str) -> tuple[Any, bool]:
    """`(value, repaired)`: the JSON in `text`, or as much of it as parses.

    Handles what dumps pasted into READMEs and cut-off responses look like: `...` placeholders
    in arrays and objects, trailing commas, and a body cut mid-way (closed at the last complete
    value). `(None, False)` when nothing parses."""
    try:
        return parse_json(text), False
    except ValueError:
        pass
    cleaned = re.sub(r",\s*(?:\.\.\.|…)\s*(?=[\]}])", "", text)
    cleaned = re.sub(r"(?<=[\[{])\s*(?:\.\.\.|…)\s*,?", "", cleaned)
    cleaned = re.sub(r",\s*(?=[\]}])", "", cleaned)
    try:
        return parse_json(cleaned), True
    except ValueError:
        pass
    return _close_truncated(cleaned), True


_MAX_CUTS = 400
_MAX_CLOSE_DEPTH = 900  # deeper than this no JSON reader in Python parses anyway


def _close_truncated(text: str) -> Any:
    """Cut `text` after its last complete value and close the open brackets.

    Linear in the text: the open brackets are a linked stack (`(closer, rest)`), so what each
    cut needs is a reference, not a copy; only the last `_MAX_CUTS` cuts are kept and tried."""
    stack: tuple[str, Any] | None = None
    depth = 0
    cuts: deque[tuple[int, tuple[str, Any] | None, int]] = deque(maxlen=_MAX_CUTS)
    in_string = escaped = False
    for i, ch in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
            continue
        if ch == '"':
            in_string = True
        elif ch in "[{":
            stack = ("]" if ch == "[" else "}", stack)
            depth += 1
        elif ch in "]}":
            if stack is not None:
                stack = stack[1]
                depth -= 1
            cuts.append((i + 1, stack, depth))
        elif ch == ",":
            cuts.append((i, stack, depth))
    for end, open_at, open_depth in reversed(cuts):
        if open_depth > _MAX_CLOSE_DEPTH:
            continue
        closers = []
        while open_at is not None:
            closers.append(open_at[0])
            open_at = open_at[1]
        try:
            return parse_json(text[:end] + "".join(closers))
        except ValueError:
            continue
    return None


# --- JSON shapes ------------------------------------------------------------------------


def _walk(obj: Any, path: str = "$") -> Iterator[tuple[str, Any]]:
    """Every dict with its JSON path (depth first)."""
    stack: list[tuple[str, Any]] = [(path, obj)]
    while stack:
        where, cur = stack.pop()
        if isinstance(cur, dict):
            yield where, cur
            for key, value in reversed(list(cur.items())):
                if isinstance(value, (dict, list)):
                    stack.append((f"{where}.{key}" if where != "$" else key, value))
        elif isinstance(cur, list):
            for i in reversed(range(len(cur))):
                if isinstance(cur[i], (dict, list)):
                    stack.append((f"{where}[{i}]", cur[i]))


def _read_json(label: str, data: Any, read: _Read) -> None:
    if isinstance(data, dict) and isinstance(data.get("instagram"), dict):
        # a library's composite dump: {"instagram": <IG user>, "threads": <Threads response>}
        read.warnings.append(
            f"{label}: the Instagram account object beside the Threads data was not used "
            "(Threads does not show it)"
        )
        data = {k: v for k, v in data.items() if k != "instagram"}
    _json_errors(label, data, read)
    for path, node in _walk(data):
        if _is_profile_user(node):
            read.users.append(_read_user(label, node, path))
        items = node.get("thread_items")
        if isinstance(items, list):
            read.thread_lists_seen = True
            in_timeline = ".reply_threads[" not in path and not path.endswith("containing_thread")
            key = str(first(node.get("id"), path))
            for i, item in enumerate(items):
                post = dig(item, "post")
                if isinstance(post, dict):
                    _add_item(read, label, post, f"{path}.thread_items[{i}].post", key, in_timeline)


def _json_errors(label: str, data: Any, read: _Read) -> None:
    if not isinstance(data, dict):
        return
    errors = data.get("errors")
    message = ""
    if isinstance(errors, list) and errors:
        message = str(
            dig(errors, 0, "message", default="") or dig(errors, 0, "summary", default="")
        )
    elif data.get("status") == "fail":
        message = str(data.get("message") or "status fail")
    if not message:
        return
    low = message.lower()
    if "login" in low or data.get("require_login"):
        read.signals.append((Outcome.LOGIN_WALL, f"Threads requires a login: {message}"))
    elif "rate" in low or "wait" in low or "limit" in low:
        read.signals.append((Outcome.BLOCKED, f"Threads refused the request: {message}"))
    elif "not found" in low or "doesn't exist" in low:
        read.signals.append((Outcome.NOT_FOUND, f"Threads: {message}"))
    else:
        read.signals.append((Outcome.ERROR, f"Threads GraphQL error: {message} ({label})"))


def _is_profile_user(node: dict[str, Any]) -> bool:
    """A profile's user object, not the small author block every post carries."""
    return isinstance(node.get("username"), str) and any(
        k in node for k in ("follower_count", "biography", "bio_links", "hd_profile_pic_versions")
    )


def _read_user(label: str, user: dict[str, Any], base: str) -> AccountFinding:
    p = _Paths(base)
    found = AccountFinding(_RANK_USER, clean_str(user.get("username")), p("username"), label)
    found.put("display_name", clean_str(user.get("full_name")), p("full_name"))
    if isinstance(user.get("biography"), str):
        found.fields["bio"] = (normalize_space(user["biography"]) or "", p("biography"))
    links = [
        Link(url=url, title=clean_str(dig(b, "title")))
        for b in (as_list(user.get("bio_links")))
        if (url := clean_str(dig(b, "url")))
    ]
    if clean_str(user.get("external_url")) and not links:
        links = [Link(url=user["external_url"].strip())]
    found.put("links", links, p("bio_links" if user.get("bio_links") else "external_url"))
    avatar_path, avatar = _best_avatar(user)
    found.put("avatar", avatar, p(avatar_path))
    found.put("followers", int_or_none(user.get("follower_count")), p("follower_count"))
    for name, keys in (
        ("is_verified", ("is_verified",)),
        ("is_private", ("text_post_app_is_private", "is_private")),
    ):
        for key in keys:
            if isinstance(user.get(key), bool):
                found.put(name, user[key], p(key))
                break
    return found


def _best_avatar(user: dict[str, Any]) -> tuple[str, Avatar | None]:
    versions = [v for v in (as_list(user.get("hd_profile_pic_versions"))) if isinstance(v, dict)]
    sized = [v for v in versions if clean_str(v.get("url"))]
    if sized:
        best = max(sized, key=lambda v: int_or_none(v.get("width")) or 0)
        avatar = Avatar(
            url=best["url"],
            width=int_or_none(best.get("width")),
            height=int_or_none(best.get("height")),
        )
        return "hd_profile_pic_versions", avatar
    for key in ("hd_profile_pic_url_info", "profile_pic_url"):
        value = user.get(key)
        url = clean_str(dig(value, "url")) if isinstance(value, dict) else clean_str(value)
        if url:
            return key, _avatar(url)
    return "profile_pic_url", None


def _add_item(
    read: _Read, label: str, post: dict[str, Any], path: str, thread_key: str, in_timeline: bool
) -> None:
    code = clean_str(post.get("code"))
    post_id = code or clean_str(_text(first(post.get("pk"), post.get("id"))))
    if not post_id:
        return
    author = clean_str(dig(post, "user", "username"))
    info = post.get("text_post_app_info")
    info = info if isinstance(info, dict) else {}
    is_reply = info.get("is_reply") is True or isinstance(info.get("reply_to_author"), dict)
    reposted = dig(info, "share_info", "reposted_post")
    caption = clean_str(dig(post, "caption", "text"))
    if isinstance(reposted, dict) and not caption:
        caption = clean_str(dig(reposted, "caption", "text"))
    media, alt_field = _media(post if not isinstance(reposted, dict) else reposted)
    tag = _topic_tag(info.get("tag_header"))
    hashtags = extract_hashtags(caption)
    if tag and tag.casefold() not in {h.casefold() for h in hashtags}:
        hashtags.insert(0, tag)
    result = Post(
        id=post_id,
        url=f"https://www.threads.com/@{author}/post/{code}" if author and code else None,
        created_at=from_timestamp(post.get("taken_at")),
        caption=caption,
        hashtags=hashtags,
        media=media,
        is_repost=isinstance(reposted, dict),
    )
    read.items.append(
        _Item(result, author, is_reply, thread_key, in_timeline, f"{label}: {path}", alt_field)
    )
    user = post.get("user")
    if author and isinstance(user, dict):  # the author block: avatar and badge, no more
        found = AccountFinding(_RANK_AUTHOR, author, f"{path}.user.username", label)
        found.put(
            "avatar",
            _avatar(clean_str(user.get("profile_pic_url"))),
            f"{path}.user.profile_pic_url",
        )
        if isinstance(user.get("is_verified"), bool):
            found.put("is_verified", user["is_verified"], f"{path}.user.is_verified")
        read.users.append(found)


def _topic_tag(header: Any) -> str | None:
    if isinstance(header, str):
        return clean_str(header.lstrip("#"))
    if isinstance(header, dict):
        for key in ("display_name", "name", "tag", "text"):
            value = clean_str(header.get(key))
            if value:
                return value.lstrip("#")
    return None


def _media(post: dict[str, Any]) -> tuple[list[Media], bool]:
    """The post's images/videos, and whether the data has an alt-text field for them."""
    carousel = post.get("carousel_media")
    parts = [c for c in carousel if isinstance(c, dict)] if isinstance(carousel, list) else []
    out: list[Media] = []
    alt_field = False
    for part in parts or [post]:
        candidates = dig(part, "image_versions2", "candidates") or []
        videos = as_list(part.get("video_versions"))
        if not candidates and not videos:
            continue
        best = candidates[0] if candidates and isinstance(candidates[0], dict) else {}
        alt_field = alt_field or "accessibility_caption" in part
        alt = clean_str(part.get("accessibility_caption"))
        out.append(
            Media(
                kind="video" if videos else "image",
                url=clean_str(best.get("url")),
                alt_text=alt,
                alt_source=classify_alt(alt),
                width=int_or_none(first(part.get("original_width"), best.get("width"))),
                height=int_or_none(first(part.get("original_height"), best.get("height"))),
            )
        )
    return out, alt_field


# --- HTML -------------------------------------------------------------------------------


def _read_html(doc: Document, read: _Read) -> None:
    soup = soup_of(doc.text)
    for i, tag in enumerate(soup.find_all("script", type="application/json")):
        if not isinstance(tag, Tag) or not tag.string:
            continue
        text = tag.string
        if "thread_items" not in text and "follower_count" not in text:
            continue
        try:
            data = parse_json(text)
        except ValueError:
            continue
        _read_json(f"{doc.label} script[type=application/json][{i}]", data, read)
    meta = meta_tags(soup)
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    url = first(meta.get("og:url"), meta.get("canonical")) or doc.url or ""
    if _POST_PATH.search(urlsplit(url).path) or meta.get("og:type") == "article":
        _read_post_meta(doc, meta, url, read)
    else:
        _read_profile_meta(doc, meta, url, read)
    _html_signals(doc, title, meta, read)


def _html_signals(doc: Document, title: str, meta: dict[str, str], read: _Read) -> None:
    path = urlsplit(doc.url).path if doc.url else ""
    if _NOT_FOUND.search(doc.text):
        read.signals.append((Outcome.NOT_FOUND, "Threads says: Sorry, this page isn't available"))
    elif path.startswith("/login") or re.match(r"^\s*Log ?in\b.*Threads", title, re.I):
        read.signals.append((Outcome.LOGIN_WALL, "Threads showed its login page"))
    elif _PRIVATE.search(doc.text):
        read.signals.append((Outcome.PRIVATE, "This Threads profile is private"))
    elif not meta.get("og:title") and title.strip() in ("Threads", ""):
        read.signals.append((Outcome.ERROR, f"{doc.label}: a Threads page without profile data"))


def _read_profile_meta(doc: Document, meta: dict[str, str], url: str, read: _Read) -> None:
    user = AccountFinding(_RANK_META, None, "", doc.label)
    for key in ("og:title", "twitter:title"):
        m = _TITLE.match((meta.get(key) or "")[:TITLE_MAX])
        if m:
            user.username, user.username_path = m.group("handle"), _meta_path(key)
            user.put("display_name", clean_str(m.group("name")), _meta_path(key))
            break
    if user.username is None and url:
        user.username, user.username_path = match_url(urlsplit(url)), "meta[property=og:url]"
    if user.username is None:
        return
    key = "og:description" if meta.get("og:description") else "description"
    description = meta.get(key) or ""
    counts, bio = _split_description(description)
    for name, value in counts.items():
        user.put(name, value, _meta_path(key))
    if description:
        user.put("bio", bio, _meta_path(key))
    user.put("avatar", _avatar(clean_str(meta.get("og:image"))), _meta_path("og:image"))
    read.users.append(user)
    read.meta_only_posts = True


def _split_description(text: str) -> tuple[dict[str, int], str | None]:
    """'2K Followers. bio' (2023) and '1.2K Followers • 57 Threads • bio. See the latest
    conversations with @user.' (2024-): the counts, and the bio that follows them."""
    counts: dict[str, int] = {}
    rest = text
    while True:
        m = _COUNT.match(rest.strip())
        if not m:
            break
        value = _count_value(m.group("num"), m.group("suffix"))
        if value is not None:
            counts["followers" if m.group("what").lower().startswith("f") else "posts_count"] = (
                value
            )
        rest = rest.strip()[m.end() :].lstrip(" .•·|-")
    bio = _SEE_LATEST.sub("", rest)
    return counts, normalize_space(bio)


def _read_post_meta(doc: Document, meta: dict[str, str], url: str, read: _Read) -> None:
    """A logged-out post page: author, text and (when it is not the author's avatar) image."""
    m = _POST_PATH.search(urlsplit(url).path)
    title = _TITLE.match((meta.get("og:title") or "")[:TITLE_MAX])
    if not m:
        return
    author = title.group("handle") if title else None
    user = AccountFinding(_RANK_POST_META, author, _meta_path("og:title"), doc.label)
    if title:
        user.put("display_name", clean_str(title.group("name")), _meta_path("og:title"))
    image = clean_str(meta.get("og:image"))
    media: list[Media] = []
    if image and _PROFILE_PIC in image:
        user.put("avatar", _avatar(image), _meta_path("og:image"))
    elif image:
        media.append(Media(kind="image", url=image))
    read.users.append(user)
    key = "og:description" if meta.get("og:description") else "description"
    caption = normalize_space(_LIKES_PREFIX.sub("", meta.get(key) or "", count=1))
    code = m.group("code")
    post = Post(
        id=code,
        url=f"https://www.threads.com/@{author}/post/{code}" if author else url,
        caption=caption,
        hashtags=extract_hashtags(caption),
        media=media,
    )
    read.items.append(
        _Item(post, author, False, code, True, f"{doc.label}: {_meta_path(key)}", False)
    )
    read.meta_only_posts = True


# ------------------------------------------------------------------------------ merging


def _merge(read: _Read, docs: Sequence[Document], ctx: ExtractContext) -> Profile:
    warnings = list(read.warnings)
    target = ctx.ref.handle if ctx.ref else _pick_handle(read)
    key = target.lower() if target else None
    users = sorted(
        (u for u in read.users if key and u.username and u.username.lower() == key),
        key=lambda u: u.rank,
    )
    values: dict[str, Any] = {}
    sources: dict[str, str] = {}
    for user in users:
        for name, (value, path) in user.fields.items():
            if name not in values:
                values[name] = value
                sources[name] = f"{user.label}: {path}"
    posts, post_sources, alt_seen = _select_posts(read, key, warnings)
    handle = target or ""
    if handle and not ctx.ref:
        named = next(iter(users), None)
        sources["handle"] = f"{named.label}: {named.username_path}" if named else "posts[].user"
    profile = profile_from_values(
        Platform.THREADS,
        handle,
        profile_url(handle) if handle else None,
        values,
        sources,
        posts,
    )
    if post_sources:
        sources["posts"] = "; ".join(post_sources)
    profile.sources = sources
    profile.capture = capture_info(docs, ctx, profile_url(handle) if handle else None)
    _decide_outcome(profile, values, read, warnings)
    profile.capture.warnings = warnings
    if profile.capture.outcome is Outcome.OK:
        profile.not_observed = _not_observed(profile, read, alt_seen)
    return profile


def _pick_handle(read: _Read) -> str | None:
    for user in sorted(read.users, key=lambda u: u.rank):
        if user.username and user.rank != _RANK_AUTHOR:
            return user.username.lower()
    # A user's thread list (Threads or Replies tab): every thread ends with the user's own
    # item, whatever it answers. A thread page: the thread's first author.
    last_by_thread: dict[str, str] = {}
    for item in read.items:
        if item.in_timeline and item.author:
            last_by_thread[item.thread_key] = item.author.lower()
    if last_by_thread:
        votes = Counter(last_by_thread.values())
        return votes.most_common(1)[0][0]
    authors = [i.author for i in read.items if i.author]
    return authors[0].lower() if authors else None


_INDEX = re.compile(r"\[\d+\]")


def _select_posts(
    read: _Read, key: str | None, warnings: list[str]
) -> tuple[list[Post], list[str], bool]:
    """The profile's own threads and reposts; replies and other accounts' posts left out."""
    own_threads = {i.thread_key for i in read.items if i.author and i.author.lower() == key}
    by_id: dict[str, Post] = {}
    sources: list[str] = []
    replies = others = 0
    alt_seen = False
    for item in read.items:
        mine = bool(key) and item.author is not None and item.author.lower() == key
        if mine and item.is_reply:
            replies += 1
            continue
        post = item.post.model_copy(deep=True)
        if not mine:
            # a thread from the profile's own list that it did not write: shown as a repost
            if item.in_timeline and item.thread_key not in own_threads and not item.is_reply:
                post.is_repost = True
            else:
                others += 1
                continue
        alt_seen = alt_seen or item.alt_field
        source = _INDEX.sub("[]", item.source)
        if source not in sources:
            sources.append(source)
        existing = by_id.get(post.id)
        if existing is None or (existing.created_at is None and post.created_at is not None):
            by_id[post.id] = post
    read.replies_only = replies > 0 and not by_id
    if replies:
        warnings.append(f"left out {replies} replies: they are not the profile's own threads")
    if others:
        warnings.append(f"left out {others} posts by other accounts (the threads replied to)")
    posts = sorted(
        by_id.values(),
        key=lambda p: p.created_at.timestamp() if p.created_at else float("-inf"),
        reverse=True,
    )
    return posts, sources, alt_seen


def _decide_outcome(
    profile: Profile, values: dict[str, Any], read: _Read, warnings: list[str]
) -> None:
    has_data = bool(profile.posts) or any(
        k in values for k in ("display_name", "bio", "followers", "avatar")
    )
    if has_data:
        for outcome, reason in read.signals:
            if outcome is not Outcome.ERROR:
                warnings.append(f"{outcome.value}: {reason}")
        if profile.is_private and not profile.posts:
            profile.capture.outcome = Outcome.PRIVATE
            profile.capture.reason = f"@{profile.handle} is private on Threads"
        return
    for outcome in _OUTCOME_PRIORITY:
        reasons = [r for o, r in read.signals if o is outcome]
        if reasons:
            profile.capture.outcome, profile.capture.reason = outcome, reasons[0]
            break
    else:
        profile.capture.outcome = Outcome.ERROR
        profile.capture.reason = "no Threads profile data found in the documents"
    warnings.append(f"no profile data extracted: {profile.capture.reason}")


def _not_observed(profile: Profile, read: _Read, alt_seen: bool) -> dict[str, str]:
    out = {
        "geotags": "Threads posts carry no location tag in what the web app serves",
        "category": "Threads profiles show no business category",
    }
    has_images = any(m.kind == "image" for p in profile.own_posts() for m in p.media)
    if has_images and not alt_seen:
        out["alt_text"] = (
            "these Threads responses carry no alt-text field for their images"
            if read.thread_lists_seen
            else "a logged-out Threads post page's meta tags carry no alt text"
        )
    if read.thread_lists_seen and not profile.posts and read.replies_only:
        out["posts"] = "only replies were captured (the Replies tab), not the profile's threads"
    if not read.thread_lists_seen:
        if not profile.posts:
            out["posts"] = (
                "no thread list was captured, only the profile; the threads load through "
                "GraphQL responses as the page renders, and none were in the capture"
            )
        elif read.meta_only_posts:
            out["posts"] = "post pages' meta tags carry no dates, so cadence cannot be read"
    if "bio" not in profile.sources:
        out["bio"] = "no profile object or profile page was captured, only posts"
    return out


# ------------------------------------------------------------------------ small readers


class _Paths:
    def __init__(self, base: str) -> None:
        self.base = base

    def __call__(self, key: str) -> str:
        return key if self.base == "$" else f"{self.base}.{key}"


def _meta_path(key: str) -> str:
    return f"meta[{'property' if key.startswith('og:') else 'name'}={key}]"


def _text(value: Any) -> Any:
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _avatar(url: str | None) -> Avatar | None:
    if not url:
        return None
    m = _SIZE.search(url)
    width, height = (int(m.group(1)), int(m.group(2))) if m else (None, None)
    return Avatar(url=url, width=width, height=height)


def _count_value(num: str, suffix: str | None) -> int | None:
    if not suffix:
        digits = re.sub(r"[.,]", "", num)
        return int_or_none(digits)
    scale = {"k": 1_000, "m": 1_000_000, "b": 1_000_000_000}[suffix.lower()]
    return scaled_count(num, scale)


SPEC = PlatformSpec(
    platform=Platform.THREADS,
    hosts=HOSTS,
    match_url=match_url,
    normalize_handle=normalize_handle,
    profile_url=profile_url,
    capture_plan=capture_plan,
    extract=extract,
)
