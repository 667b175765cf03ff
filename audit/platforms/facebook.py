"""Facebook Pages: URL patterns, capture plan and extraction.

Logged out, www.facebook.com usually draws a login modal over a partial Page or redirects to
/login; the mobile site (m.facebook.com) served logged-out visitors plain HTML with the Page's
posts, their exact publish times (`data-ft`) and Facebook's alt text. Owners can always hand
findable a HAR from their own browser or Graph API JSON. Extraction reads, most reliable
first: Graph API JSON (Page node, `?ids=` lookups, /feed and /posts pages, /picture), then
the mobile HTML (Page header, post cards, post and photo pages, the "more posts" pager), then
JSON-LD, then OpenGraph/meta tags.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any
from urllib.parse import SplitResult, parse_qs, unquote, urlsplit

from bs4 import BeautifulSoup, Tag

from audit.alttext import classify_alt
from audit.dates import from_timestamp, parse_iso, resolve_relative
from audit.documents import Document, parse_json
from audit.model import (
    Avatar,
    CaptureInfo,
    Contact,
    Counts,
    Link,
    Media,
    Outcome,
    Place,
    Platform,
    Post,
    Profile,
    ProfileRef,
    Shop,
)
from audit.platforms.base import (
    CapturePlan,
    ExtractContext,
    PlatformSpec,
    Step,
    as_dict,
    as_list,
    clean_str,
    dig,
    input_doc,
    int_or_none,
    scaled_count,
)
from audit.platforms.facebook_signals import (
    badge,
    graph_reviews,
    has_shop_tab,
    is_reel,
    text_reviews,
)
from audit.platforms.generic import json_ld, meta_tags, soup_of
from audit.platforms.urls import host_matches, path_segments, validate_handle
from audit.text import extract_hashtags, normalize_space

__all__ = [
    "SPEC",
    "capture_plan",
    "extract",
    "match_url",
    "mobile_url",
    "normalize_handle",
    "profile_url",
]

HOSTS = ("facebook.com", "fb.com")
_RESERVED = frozenset(
    {
        "watch",
        "groups",
        "events",
        "marketplace",
        "login",
        "share",
        "sharer",
        "photo",
        "photo.php",
        "story.php",
        "permalink.php",
        "help",
        "policies",
        "gaming",
        "hashtag",
        "search",
        "settings",
        "home.php",
        "dialog",
    }
)


def normalize_handle(text: str) -> str:
    return validate_handle(
        text,
        r"[A-Za-z0-9.\-]{2,80}|\d{5,20}",
        "Facebook Page username (letters, digits and .) or numeric ID",
        "facebook:@bluedoorbakery",
    )


def match_url(parts: SplitResult) -> str | None:
    if not host_matches(parts, HOSTS):
        return None
    segs = path_segments(parts)
    if segs[:1] == ["profile.php"]:
        ids = parse_qs(parts.query).get("id")
        return ids[0] if ids and ids[0].isdigit() else None
    if len(segs) >= 3 and segs[0] == "pages" and segs[-1].isdigit():
        return segs[-1]
    if not segs or segs[0].lower() in _RESERVED:
        return None
    try:
        return normalize_handle(segs[0])
    except ValueError:
        return None


def profile_url(handle: str) -> str:
    if handle.isdigit():
        return f"https://www.facebook.com/profile.php?id={handle}"
    return f"https://www.facebook.com/{handle}"


def mobile_url(handle: str) -> str:
    """The mobile site's Page URL: simpler HTML that carried posts and alt text logged out."""
    if handle.isdigit():
        return f"https://m.facebook.com/profile.php?id={handle}"
    return f"https://m.facebook.com/{handle}/"


# --------------------------------------------------------------------------- capture plan

LOGIN_WALL_REASON = (
    "Facebook shows logged-out visitors a login wall instead of this Page; to audit it, "
    "export a HAR from your own logged-in browser (findable audit --har FILE) or save the "
    "Graph API Page and /feed JSON (findable audit --from FILE)"
)


def capture_plan(ref: ProfileRef) -> CapturePlan:
    """The Page as logged-out visitors get it, then the mobile site, which (when Facebook
    still serves it) shows posts with dates and alt text that the www page hides."""
    return CapturePlan(
        steps=(
            Step("goto", profile_url(ref.handle), wait_for='meta[property="og:title"]'),
            Step("goto", mobile_url(ref.handle), optional=True, wait_for="article"),
        ),
        note=(
            "Facebook often walls logged-out visitors: a HAR from the owner's browser or "
            "Graph API JSON reads everything"
        ),
    )


# --------------------------------------------------------------------------- small readers


def _float(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None
    try:
        return float(value)
    except ValueError:
        return None


def _utc(when: datetime | None) -> datetime | None:
    """Dates in UTC: JSON-LD gives the Page's local offset (-0700), data-ft epoch seconds."""
    return when.astimezone(timezone.utc) if when is not None else None


def _attr(tag: Any, name: str) -> str | None:
    if not isinstance(tag, Tag):
        return None
    value = tag.get(name)
    if isinstance(value, list):
        value = " ".join(value)
    return clean_str(value)


_COUNT = re.compile(
    r"(?<![\d,.\u00a0 ])(?P<n>\d[\d,.\u00a0 ]*)\s*(?P<suffix>[KkMm])?\s+(?P<what>likes?|followers?)"
)


def _count(text: str, what: str) -> int | None:
    """'5,411,563 likes' / '1.2K followers' -> the number (first match of that kind)."""
    for m in _COUNT.finditer(text):
        if not m.group("what").lower().startswith(what):
            continue
        raw = m.group("n").replace("\u00a0", "").replace(" ", "")
        suffix = (m.group("suffix") or "").lower()
        if suffix:
            value = scaled_count(raw, 1000 if suffix == "k" else 1_000_000)
            if value is None:
                continue
            return value
        count = int_or_none(raw.replace(",", "").replace(".", ""))
        if count is not None:
            return count
    return None


# Facebook's default avatars: the grey silhouette assets and static sprites.
_SILHOUETTE = ("rsrc.php", "1959732218791162458", "972693363922829312", "silhouette")


def _is_default_avatar(url: str | None) -> bool:
    return bool(url) and any(mark in str(url) for mark in _SILHOUETTE)


def _size_from_url(url: str) -> int | None:
    m = re.search(r"/[ps](\d{2,4})x(\d{2,4})/", url)
    return int(m.group(1)) if m else None


def _link(url: str) -> Link | None:
    url = url.strip().strip(",;")
    if not url:
        return None
    if "://" not in url:
        url = "http://" + url  # Facebook links a bare domain as http://
    return Link(url=url)


def _unwrap_redirect(url: str) -> str:
    """Facebook wraps outbound links in l.facebook.com/l.php?u=...: the real target."""
    parts = urlsplit(url)
    if (parts.hostname or "").endswith("facebook.com") and parts.path == "/l.php":
        target = parse_qs(parts.query).get("u")
        if target:
            return target[0]
    return url


# --------------------------------------------------------------------------- the draft


@dataclass
class _Draft:
    """Profile fields as the layers find them; the first layer to give a field wins."""

    values: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)

    def put(self, name: str, value: Any, source: str) -> None:
        if value is None or value == "" or value == []:
            return
        old = self.values.get(name)
        if name == "avatar" and isinstance(old, Avatar) and isinstance(value, Avatar):
            if (value.width or 0) <= (old.width or 0) or (old.is_default and not value.url):
                return  # the largest picture wins: PRO002 judges its resolution
        elif name in self.values:
            return
        self.values[name] = value
        self.sources[name] = source


@dataclass
class _Found:
    """A post as one document shows it, with every id it goes by (post id, photo/video id)."""

    post: Post
    ids: set[str]
    source: str
    owner: str | None = None  # page id or handle of the author, when the document says


@dataclass
class _Posts:
    """One entry per post across documents (the feed card, its photo page, its post page),
    merged: an exact date beats a relative one, the longer caption wins, alt text fills in."""

    by_key: dict[str, Post] = field(default_factory=dict)
    alias: dict[str, str] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)

    def add(self, found: _Found) -> None:
        key = next((self.alias[i] for i in found.ids if i in self.alias), None)
        if key is None:
            key = found.post.id
            self.by_key[key] = found.post
        else:
            self.by_key[key] = _merge(self.by_key[key], found.post)
        for i in found.ids | {found.post.id}:
            self.alias.setdefault(i, key)
        if found.source not in self.sources:
            self.sources.append(found.source)

    def newest_first(self) -> list[Post]:
        def order(post: Post) -> tuple[int, float]:
            return (0, -post.created_at.timestamp()) if post.created_at else (1, 0.0)

        return sorted(self.by_key.values(), key=order)


def _merge(old: Post, new: Post) -> Post:
    created, approx = old.created_at, old.created_at_approx
    if new.created_at and (created is None or (approx and not new.created_at_approx)):
        created, approx = new.created_at, new.created_at_approx
    caption = old.caption
    if new.caption and (not caption or len(new.caption) > len(caption)):
        caption = new.caption
    media = list(old.media)
    if not media:
        media = list(new.media)
    else:
        for i, m in enumerate(media):
            if i < len(new.media) and m.alt_text is None and new.media[i].alt_text:
                media[i] = m.model_copy(
                    update={
                        "alt_text": new.media[i].alt_text,
                        "alt_source": new.media[i].alt_source,
                    }
                )
    hashtags = list(dict.fromkeys(old.hashtags + new.hashtags))
    if caption:
        hashtags = list(dict.fromkeys(extract_hashtags(caption) + hashtags))
    return old.model_copy(
        update={
            "url": old.url or new.url,
            "created_at": created,
            "created_at_approx": approx,
            "caption": caption,
            "hashtags": hashtags,
            "media": media,
            "location": old.location or new.location,
            "is_repost": old.is_repost and new.is_repost,
        }
    )


# --------------------------------------------------------------------------- reading docs


@dataclass
class _Reading:
    """The documents sorted by shape."""

    pages: list[tuple[Document, dict[str, Any], str]] = field(default_factory=list)
    posts: list[tuple[Document, dict[str, Any], str]] = field(default_factory=list)
    feeds: list[Document] = field(default_factory=list)
    pictures: list[tuple[Document, dict[str, Any]]] = field(default_factory=list)
    html: list[tuple[Document, BeautifulSoup, dict[str, str]]] = field(default_factory=list)
    fragments: list[tuple[Document, BeautifulSoup]] = field(default_factory=list)
    failures: list[tuple[Outcome, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


_PAGE_KEYS = ("fan_count", "followers_count", "category", "category_list", "username", "about")
_POST_KEYS = ("created_time", "message", "permalink_url", "status_type", "attachments")


def _is_page_node(obj: Any) -> bool:
    return (
        isinstance(obj, dict)
        and bool(clean_str(obj.get("id")))
        and any(k in obj for k in _PAGE_KEYS)
    )


def _is_post_node(obj: Any) -> bool:
    return (
        isinstance(obj, dict)
        and bool(clean_str(obj.get("id")))
        and any(k in obj for k in _POST_KEYS)
    )


_GRAPH_ERRORS: dict[int, Outcome] = {
    803: Outcome.NOT_FOUND,
    4: Outcome.BLOCKED,
    17: Outcome.BLOCKED,
    32: Outcome.BLOCKED,
    613: Outcome.BLOCKED,
    368: Outcome.BLOCKED,
}


def _graph_failure(data: dict[str, Any]) -> tuple[Outcome, str] | None:
    error = data.get("error")
    if not isinstance(error, dict):
        return None
    code = int_or_none(error.get("code"))
    message = clean_str(error.get("message")) or "no message"
    said = f"the Graph API answered code {code}: {message}"
    if code in _GRAPH_ERRORS:
        outcome = _GRAPH_ERRORS[code]
        if outcome is Outcome.BLOCKED:
            return outcome, f"rate limited or blocked by Facebook; try again later ({said})"
        return outcome, f"no such Facebook Page ({said})"
    if code == 100 and "does not exist" in message.lower():
        return Outcome.NOT_FOUND, f"no such Facebook Page ({said})"
    if code in (102, 190):
        return Outcome.ERROR, f"the access token is missing or expired ({said})"
    if code in (10, 200):
        return Outcome.LOGIN_WALL, f"the token may not read this Page ({said})"
    return Outcome.ERROR, said


_FOR_LOOP = "for (;;);"


def _pager_html(text: str) -> list[str]:
    """The HTML fragments of m.facebook.com's 'more posts' response (`for (;;);{payload}`)."""
    body = text.lstrip()
    if body.startswith(_FOR_LOOP):
        body = body[len(_FOR_LOOP) :]
    try:
        data = parse_json(body)
    except ValueError:
        return []
    actions = dig(data, "payload", "actions", default=[])
    return [a["html"] for a in as_list(actions) if isinstance(a, dict) and clean_str(a.get("html"))]


_HIDDEN_CODE = re.compile(r"<code\b[^>]*>\s*<!--(.*?)-->\s*</code>", re.S)


def _unhide(text: str) -> str:
    """m.facebook.com ships post content inside `<code><!-- ... --></code>` for its JS to
    reveal; a browser's saved page or HAR keeps it commented out."""
    return _HIDDEN_CODE.sub(lambda m: m.group(1), text)


def _read(docs: Sequence[Document]) -> _Reading:
    r = _Reading()
    for doc in docs:
        data = doc.data
        if isinstance(data, dict):
            failure = _graph_failure(data)
            if failure:
                r.failures.append(failure)
                r.warnings.append(f"{doc.label}: {failure[1]}")
                continue
            if _is_page_node(data):
                r.pages.append((doc, data, ""))
            elif _is_post_node(data):
                r.posts.append((doc, data, ""))
            elif isinstance(data.get("data"), list):
                r.feeds.append(doc)
            elif isinstance(data.get("data"), dict) and "url" in data["data"]:
                r.pictures.append((doc, data))
            else:  # `?ids=a,b`: {id: node}
                for key, node in data.items():
                    if _is_page_node(node):
                        r.pages.append((doc, node, f"{key}."))
                    elif _is_post_node(node):
                        r.posts.append((doc, node, f"{key}."))
            continue
        if doc.kind == "json":
            continue
        if doc.text.lstrip().startswith(_FOR_LOOP):
            for fragment in _pager_html(doc.text):
                r.fragments.append((doc, soup_of(_unhide(fragment))))
            continue
        if doc.kind in ("html", "text") and "<" in doc.text:
            soup = soup_of(_unhide(doc.text))
            r.html.append((doc, soup, meta_tags(soup)))
    return r


# --------------------------------------------------------------------------- Graph API


def _graph_handle(node: dict[str, Any]) -> str | None:
    username = clean_str(node.get("username"))
    if username:
        return username
    link = clean_str(node.get("link"))
    if link:
        segs = [s for s in urlsplit(link).path.split("/") if s]
        if segs and not segs[0].isdigit() and segs[0] not in _RESERVED:
            return segs[0]
    return None


def _choose_page(
    r: _Reading, ref: ProfileRef | None
) -> tuple[Document, dict[str, Any], str] | None:
    if not r.pages:
        return None
    if ref is not None:
        want = ref.handle.casefold()
        for item in r.pages:
            node = item[1]
            names = {clean_str(node.get("id")), _graph_handle(node)}
            if want in {n.casefold() for n in names if n}:
                return item
    # The page whose id prefixes the captured posts ("<page id>_<post id>") is the one.
    post_pages = {
        str(p.get("id")).split("_")[0] for _, p, _ in _all_posts(r) if "_" in str(p.get("id"))
    }
    for item in r.pages:
        if clean_str(item[1].get("id")) in post_pages:
            return item
    return r.pages[0]


def _graph_profile(draft: _Draft, chosen: tuple[Document, dict[str, Any], str]) -> None:
    doc, node, prefix = chosen
    where = f"{doc.label}: {prefix}"
    draft.put("display_name", clean_str(node.get("name")), where + "name")
    for key in ("about", "description", "general_info"):
        draft.put("bio", normalize_space(clean_str(node.get(key))), where + key)
    category = clean_str(node.get("category")) or clean_str(dig(node, "category_list", 0, "name"))
    draft.put(
        "category",
        category,
        where + ("category" if node.get("category") else "category_list[0].name"),
    )
    website = clean_str(node.get("website"))
    if website:
        links = [lk for lk in (_link(u) for u in re.split(r"[\s]+", website)) if lk]
        draft.put("links", links, where + "website")
    loc = node.get("location")
    if isinstance(loc, dict):
        place = Place(
            name=clean_str(node.get("name")) if clean_str(loc.get("street")) else None,
            address=clean_str(loc.get("street")) or clean_str(node.get("single_line_address")),
            city=clean_str(loc.get("city")),
            country=clean_str(loc.get("country")),
            lat=_float(loc.get("latitude")),
            lon=_float(loc.get("longitude")),
        )
        if not place.is_empty():
            draft.put("location", place, where + "location")
    elif clean_str(node.get("single_line_address")):
        draft.put(
            "location", Place(address=node["single_line_address"]), where + "single_line_address"
        )
    pic = dig(node, "picture", "data")
    if isinstance(pic, dict) and (clean_str(pic.get("url")) or pic.get("is_silhouette")):
        draft.put("avatar", _graph_avatar(pic), where + "picture.data")
    emails = [e for e in as_list(node.get("emails")) if clean_str(e)]
    phone = clean_str(node.get("phone"))
    if emails or phone:
        draft.put(
            "contact",
            Contact(email=emails[0] if emails else None, phone=phone),
            where + "phone/emails",
        )
    followers = int_or_none(node.get("followers_count"))
    draft.put("followers", followers, where + "followers_count")
    draft.put("likes", int_or_none(node.get("fan_count")), where + "fan_count")
    status = clean_str(node.get("verification_status"))
    if node.get("is_verified") is True or status in ("blue_verified", "gray_verified"):
        draft.put("is_verified", True, where + "verification_status")
    draft.put("page_id", clean_str(node.get("id")), where + "id")
    draft.put("reviews", graph_reviews(node), where + "overall_star_rating/rating_count")


def _graph_avatar(pic: dict[str, Any]) -> Avatar:
    url = clean_str(pic.get("url"))
    return Avatar(
        url=url,
        width=int_or_none(pic.get("width")),
        height=int_or_none(pic.get("height")),
        is_default=pic.get("is_silhouette") is True or _is_default_avatar(url),
    )


def _all_posts(r: _Reading) -> Iterator[tuple[Document, dict[str, Any], str]]:
    yield from r.posts
    for doc in r.feeds:
        for i, item in enumerate(as_list(doc.data.get("data"))):
            if _is_post_node(item):
                yield doc, item, f"data[{i}]."


_PHOTO_TYPES = ("photo", "cover_photo", "profile_media", "image_share")


def _graph_media(attachment: dict[str, Any]) -> list[Media]:
    """Photos and videos the post carries; a link card (`share`) previews another site and
    is not the Page's own image. Albums list their photos in `subattachments`."""
    subs = as_list(dig(attachment, "subattachments", "data"))
    if subs:
        return [m for sub in subs if isinstance(sub, dict) for m in _graph_media(sub)]
    kind = (clean_str(attachment.get("type")) or "").lower()
    media_type = (clean_str(attachment.get("media_type")) or "").lower()
    image = as_dict(dig(attachment, "media", "image"))
    url = clean_str(image.get("src"))
    if kind.startswith("video") or media_type == "video":
        return [
            Media(
                kind="video",
                url=url,
                width=int_or_none(image.get("width")),
                height=int_or_none(image.get("height")),
            )
        ]
    if kind in _PHOTO_TYPES or media_type in ("photo", "album"):
        alt = clean_str(attachment.get("alt_text"))
        return [
            Media(
                kind="image",
                url=url,
                alt_text=alt,
                alt_source=classify_alt(alt),
                width=int_or_none(image.get("width")),
                height=int_or_none(image.get("height")),
            )
        ]
    return []


def _graph_place(place: Any) -> Place | None:
    if not isinstance(place, dict):
        return None
    loc: dict[str, Any] = place["location"] if isinstance(place.get("location"), dict) else {}
    found = Place(
        name=clean_str(place.get("name")),
        address=clean_str(loc.get("street")),
        city=clean_str(loc.get("city")),
        country=clean_str(loc.get("country")),
        lat=_float(loc.get("latitude")),
        lon=_float(loc.get("longitude")),
    )
    return None if found.is_empty() else found


def _graph_post(doc: Document, node: dict[str, Any], path: str, page_id: str | None) -> _Found:
    pid = str(node["id"])
    message = clean_str(node.get("message"))
    media = [
        m
        for a in as_list(dig(node, "attachments", "data"))
        if isinstance(a, dict)
        for m in _graph_media(a)
    ]
    author = clean_str(dig(node, "from", "id"))
    by_other = bool(author and page_id and author != page_id)
    shared = bool(clean_str(node.get("parent_id")))
    post = Post(
        id=pid,
        url=clean_str(node.get("permalink_url")),
        created_at=_utc(parse_iso(node.get("created_time"))),
        caption=message,
        hashtags=extract_hashtags(message),
        media=media,
        location=_graph_place(node.get("place")),
        is_repost=by_other or shared,
        short_video=is_reel(node, media),
    )
    ids = {pid}
    if "_" in pid:
        ids.add(pid.split("_", 1)[1])
    source = f"{doc.label}: " + re.sub(r"\[\d+\]", "[]", path).rstrip(".")
    return _Found(
        post=post,
        ids=ids,
        source=source or doc.label,
        owner=pid.split("_")[0] if "_" in pid else None,
    )


def _asked_fields(doc: Document) -> set[str] | None:
    """The `fields=` a Graph API URL asked for (None when the URL is unknown)."""
    if not doc.url:
        return None
    values = parse_qs(urlsplit(doc.url).query).get("fields")
    if not values:
        return None
    return {f.split("{")[0].split(".")[0].strip() for f in _top_level_fields(values[0])}


def _top_level_fields(text: str) -> list[str]:
    """'a,b{c,d},e' -> ['a', 'b{c,d}', 'e']: commas outside braces, in one pass (a lookahead
    for the closing brace rescanned the rest at every comma: quadratic)."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth = max(depth - 1, 0)
        elif ch == "," and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


# --------------------------------------------------------------------------- HTML


_NOT_FOUND = (
    "this content isn't available right now",
    "this content isn’t available right now",
    "this page isn't available",
    "this page isn’t available",
    "the link you followed may be broken",
    "page not found",
)
_BLOCKED = (
    "you're temporarily blocked",
    "you’re temporarily blocked",
    "you have been temporarily blocked",
    "security check",
    "please verify you're a human",
    "please verify you’re a human",
    "enter the characters you see",
)
_LOGIN_TITLES = (
    "log in to facebook",
    "log into facebook",
    "facebook - log in or sign up",
    "facebook – log in or sign up",
)


def _html_outcome(doc: Document, soup: BeautifulSoup) -> tuple[Outcome, str] | None:
    path = urlsplit(doc.url or "").path.lower()
    title = (soup.title.get_text(" ", strip=True) if soup.title else "").lower()
    text = soup.get_text(" ", strip=True).lower()[:20000]
    if path.startswith("/checkpoint") or any(s in text for s in _BLOCKED) or "captcha" in path:
        return (
            Outcome.BLOCKED,
            f"{doc.label}: Facebook asked for a security check (captcha/checkpoint)",
        )
    if any(s in text for s in _NOT_FOUND) or doc.status in (404, 410):
        return (
            Outcome.NOT_FOUND,
            f"{doc.label}: Facebook says this Page isn't available "
            "(removed, renamed or never existed)",
        )
    if path.startswith(("/login", "/login.php")) or any(t in title for t in _LOGIN_TITLES):
        return Outcome.LOGIN_WALL, f"{doc.label}: {LOGIN_WALL_REASON}"
    return None


def _handle_from_url(url: str | None) -> str | None:
    if not url:
        return None
    parts = urlsplit(url)
    if not host_matches(parts, HOSTS):
        return None
    segs = path_segments(parts)
    if len(segs) >= 4 and segs[0] == "pages" and segs[1] == "category":
        segs = segs[3:]  # /pages/category/Video-Game/Nintendo/posts/
    return match_url(urlsplit(f"https://www.facebook.com/{'/'.join(segs)}?{parts.query}"))


_ABOUT = re.compile(
    r"^(?P<name>.+?)\.\s+(?P<counts>(?:[\d.,KkMm\u00a0 ]+\s+"
    r"(?:likes?|followers?|talking about this|were here)\s*(?:·|\.)\s*)+)(?P<about>.*)$",
    re.S,
)


def _about_from_description(text: str) -> tuple[str | None, int | None, bool]:
    """'Nintendo. 5,411,563 likes · 25,177 talking about this. Welcome to ...' ->
    (about text, likes, truncated?)."""
    m = _ABOUT.match(text.strip())
    if not m:
        return None, None, False
    about = m.group("about").strip()
    truncated = about.endswith(("...", "…"))
    if truncated:
        about = about.rstrip(".… ").strip()
    return (about or None), _count(m.group("counts"), "like"), truncated


def _header_texts(soup: BeautifulSoup) -> tuple[Tag | None, list[str]]:
    """The mobile Page header: the profile photo and the name/category text boxes beside it."""
    img = soup.select_one('img[aria-label="Profile photo"]')
    if not isinstance(img, Tag):
        return None, []
    for parent in img.parents:
        boxes = parent.select('[data-nt="FB:TEXT4"]')
        if len(boxes) >= 2:
            return img, [b.get_text(" ", strip=True) for b in boxes[:3]]
        if parent.name == "body":
            break
    return img, []


def _html_profile(draft: _Draft, doc: Document, soup: BeautifulSoup, meta: dict[str, str]) -> None:
    label = doc.label
    for item in json_ld(soup):
        kind = item.get("@type")
        org = item if kind == "Organization" else item.get("author")
        if isinstance(org, dict) and org.get("@type") == "Organization":
            name_where = f"{label}: JSON-LD {kind}" + (".author" if org is not item else "")
            draft.put("display_name", clean_str(org.get("name")), f"{name_where}.name")
            same = clean_str(org.get("sameAs"))
            if same:
                draft.put("links", [lk for lk in [_link(same)] if lk], f"{name_where}.sameAs")
            image = clean_str(org.get("image"))
            if image:
                draft.put("avatar_ld", image, f"{name_where}.image")
            draft.put(
                "page_id", clean_str(str(org.get("identifier") or "")), f"{name_where}.identifier"
            )
        for stat in as_list(item.get("interactionStatistic")):
            if isinstance(stat, dict) and "FollowAction" in str(stat.get("interactionType")):
                draft.put(
                    "followers",
                    int_or_none(stat.get("userInteractionCount")),
                    f"{label}: JSON-LD interactionStatistic FollowAction",
                )
    page_text = soup.get_text(" ", strip=True)
    draft.put("reviews", text_reviews(page_text), f"{label}: page text (reviews)")
    draft.put("engagement", badge(page_text), f"{label}: page text (response badge)")
    shop_url = has_shop_tab(soup)
    if shop_url:
        draft.put("shop", Shop(surfaces=["Facebook shop tab"], url=shop_url), f"{label}: Shop tab")
    img, texts = _header_texts(soup)
    if texts:
        draft.put("display_name", texts[0], f"{label}: page header [data-nt=FB:TEXT4]")
        if len(texts) > 1 and not _COUNT.search(texts[1]):
            draft.put("category", texts[1], f"{label}: page header [data-nt=FB:TEXT4] (category)")
    src = _attr(img, "src")
    if src:
        draft.put(
            "avatar",
            Avatar(
                url=src,
                width=_size_from_url(src),
                height=_size_from_url(src),
                is_default=_is_default_avatar(src),
            ),
            f"{label}: img[aria-label='Profile photo']",
        )
    if soup.select_one('[aria-label="Verified Page"]') is not None:
        draft.put("is_verified", True, f"{label}: [aria-label='Verified Page']")
    for key in ("og:description", "description"):
        desc = clean_str(meta.get(key))
        if not desc:
            continue
        about, likes, truncated = _about_from_description(desc)
        if about and not truncated:
            draft.put("bio", about, f"{label}: meta {key}")
        elif about:
            draft.put("bio_truncated", about, f"{label}: meta {key} (cut off with '...')")
        draft.put("likes", likes, f"{label}: meta {key} (likes)")
        draft.put("followers", _count(desc, "follower"), f"{label}: meta {key} (followers)")
    og_url = meta.get("og:url") or ""
    m = re.search(r"/pages/category/([^/]+)/", og_url)
    if m:
        draft.put(
            "category",
            unquote(m.group(1)).replace("-", " "),
            f"{label}: meta og:url (category path)",
        )


def _og_profile(draft: _Draft, doc: Document, meta: dict[str, str]) -> None:
    """Last layer: OpenGraph of a Page (not of a post or video page)."""
    title = clean_str(meta.get("og:title"))
    if title and meta.get("og:type") not in ("video.other", "article"):
        draft.put("display_name", title, f"{doc.label}: meta og:title")
    image = clean_str(meta.get("og:image"))
    if image and "/v/t1" in image and "-1/" in image:  # profile pictures live in t1.*-1
        draft.put(
            "avatar",
            Avatar(
                url=image,
                width=_size_from_url(image),
                height=_size_from_url(image),
                is_default=_is_default_avatar(image),
            ),
            f"{doc.label}: meta og:image",
        )


def _ids_in_links(tag: Tag) -> set[str]:
    out: set[str] = set()
    for a in tag.find_all("a", href=True):
        href = str(a["href"])
        for m in re.finditer(r"/(?:photos|videos|posts)/(?:[^/?#]+/)*?(\d{8,})/?", href):
            out.add(m.group(1))
        for key in ("story_fbid", "fbid"):
            for v in parse_qs(urlsplit(href).query).get(key, []):
                if v.isdigit():
                    out.add(v)
    return out


def _card_place(h3: Tag | None) -> Place | None:
    """'Blue Door Café — at Tromostovje.' / 'X is at Y.': the place link in the card header."""
    if h3 is None:
        return None
    links = h3.find_all("a")
    for a in links[1:]:
        before = a.previous_sibling
        text = before.get_text(" ") if isinstance(before, Tag) else str(before or "")
        if re.search(r"(?<!\s)(?:\bis|—)?\s*\b(?:at|in)\s*$", text, re.I):
            name = a.get_text(" ", strip=True)
            if name:
                return Place(name=name)
    return None


def _img_media(img: Tag) -> Media:
    alt = _attr(img, "alt")
    width = int_or_none(_attr(img, "width"))
    height = int_or_none(_attr(img, "height"))
    return Media(
        kind="image",
        url=_attr(img, "src"),
        alt_text=alt,
        alt_source=classify_alt(alt),
        width=width,
        height=height,
    )


def _card_text(article: Tag) -> str | None:
    box = article.select_one("div._5rgt")
    if box is None:
        return None
    for a in box.select("a._5msj, span.text_exposed_hide"):
        a.decompose()
    for br in box.find_all("br"):
        br.replace_with("\n")
    paragraphs = [p.get_text("", strip=False) for p in box.find_all("p")] or [box.get_text("")]
    text = "\n".join(x.strip() for x in paragraphs if x.strip())
    text = re.sub(r"(?:…|\.\.\.)\s*More$", "", text).strip()
    return normalize_space(text)


def _card_posts(
    doc: Document, soup: BeautifulSoup, captured_at: datetime, page_id: str | None
) -> Iterator[_Found]:
    """m.facebook.com post cards (`article[data-ft]`): exact publish time in `data-ft`, the
    visible '4 June at 17:33' / '2 hrs' as a fallback, photos with their alt text."""
    for article in soup.find_all("article"):
        if not isinstance(article, Tag):
            continue
        try:
            ft = parse_json(_attr(article, "data-ft") or "{}")
        except ValueError:
            ft = {}
        pid = clean_str(str(ft.get("top_level_post_id") or "")) or clean_str(
            str(ft.get("mf_story_key") or "")
        )
        if not pid:
            continue
        insights = ft.get("page_insights")
        info: Any = next(iter(insights.values()), {}) if isinstance(insights, dict) else {}
        published = from_timestamp(dig(info, "post_context", "publish_time"))
        approx = False
        abbr = article.find("abbr")
        if published is None and isinstance(abbr, Tag):
            resolved = resolve_relative(abbr.get_text(" ", strip=True), captured_at)
            if resolved:
                published, approx = resolved
        owner = clean_str(str(ft.get("content_owner_id_new") or ft.get("page_id") or ""))
        shared = bool(int_or_none(dig(info, "dm", "isShare"))) or bool(
            int_or_none(dig(info, "dm", "originalPostOwnerID"))
        )
        h3 = article.find("h3")
        media: list[Media] = []
        for img in article.find_all("img"):
            classes = _attr(img, "class") or ""
            if "profpic" in classes or img.find_parent("header") is not None:
                continue
            if _attr(img, "src") or _attr(img, "alt"):
                media.append(_img_media(img))
        if not media and (
            article.select_one("[data-sigil~=inlineVideo]")
            or "video" in str(ft.get("story_attachment_style", ""))
        ):
            media.append(Media(kind="video"))
        caption = _card_text(article)
        post = Post(
            id=pid,
            url=f"https://www.facebook.com/{pid}"
            if not owner
            else f"https://www.facebook.com/{owner}/posts/{pid}",
            created_at=_utc(published),
            created_at_approx=approx,
            caption=caption,
            hashtags=extract_hashtags(caption),
            media=media,
            location=_card_place(h3 if isinstance(h3, Tag) else None),
            is_repost=shared or bool(page_id and owner and owner != page_id),
        )
        yield _Found(
            post=post,
            ids={pid} | _ids_in_links(article),
            source=f"{doc.label}: article[data-ft]",
            owner=owner,
        )


def _doc_ids(doc: Document, meta: dict[str, str]) -> set[str]:
    """Post/photo/video ids named by the page's own URL (and og:url, with its refsrc)."""
    out: set[str] = set()
    for url in (doc.url, meta.get("og:url")):
        if not url:
            continue
        for m in re.finditer(r"/(?:photos|videos|posts)/(?:[^/?#]+/)*?(\d{8,})", unquote(url)):
            out.add(m.group(1))
        query = parse_qs(urlsplit(url).query)
        for key in ("story_fbid", "fbid", "v"):
            out.update(v for v in query.get(key, []) if v.isdigit())
        for ref in query.get("refsrc", []):
            out.update(re.findall(r"/posts/(\d{8,})", unquote(ref)))
    return out


def _single_post(
    doc: Document, soup: BeautifulSoup, meta: dict[str, str], captured_at: datetime
) -> _Found | None:
    """A post, photo or video page: JSON-LD SocialMediaPosting (exact date, caption, author),
    the photo stage image with its alt text, the revealed story text."""
    ld = json_ld(soup)
    posting = next((x for x in ld if x.get("@type") == "SocialMediaPosting"), None)
    video = next((x for x in ld if x.get("@type") == "VideoObject"), None)
    if posting is None and video is None and not soup.select_one('[data-sigil="photo-image"]'):
        return None
    ids = _doc_ids(doc, meta)
    ident = clean_str(str((posting or {}).get("identifier") or ""))
    if ident:
        ids.add(ident.split(":")[0])
    posts_url = re.search(r"/posts/(\d{8,})", unquote(doc.url or ""))
    pid = posts_url.group(1) if posts_url else (sorted(ids)[0] if ids else None)
    if not pid:
        return None
    created = parse_iso((posting or {}).get("dateCreated")) or parse_iso(
        (video or {}).get("uploadDate")
    )
    approx = False
    stamp = soup.select_one('abbr[data-sigil="timestamp"]')
    if created is None and isinstance(stamp, Tag):
        try:
            created = from_timestamp(parse_json(_attr(stamp, "data-store") or "{}").get("time"))
        except ValueError:
            created = None
        if created is None:
            resolved = resolve_relative(stamp.get_text(" ", strip=True), captured_at)
            if resolved:
                created, approx = resolved
    caption = clean_str((posting or {}).get("articleBody")) or clean_str(
        dig(posting, "image", "caption")
    )
    if caption is None and video is not None:
        caption = clean_str(video.get("description"))
    if caption is None:
        msg = soup.select_one("div.msg > div")
        caption = normalize_space(msg.get_text("\n")) if isinstance(msg, Tag) else None
    media: list[Media] = []
    stage = soup.select_one('img[data-sigil="photo-image"]')
    if isinstance(stage, Tag):
        media.append(_img_media(stage))
    elif video is not None:
        media.append(Media(kind="video", url=clean_str(video.get("thumbnailUrl"))))
    author = (posting or video or {}).get("author")
    owner = None
    if isinstance(author, dict):
        url = clean_str(author.get("url"))
        owner = clean_str(str(author.get("identifier") or "")) or (
            _handle_from_url(_absolute(url)) if url else None
        )
    post = Post(
        id=pid,
        url=f"https://www.facebook.com/{pid}",
        created_at=_utc(created),
        created_at_approx=approx,
        caption=caption,
        hashtags=extract_hashtags(caption),
        media=media,
    )
    kind = (
        "JSON-LD SocialMediaPosting"
        if posting
        else ("JSON-LD VideoObject" if video else "img[data-sigil=photo-image]")
    )
    return _Found(post=post, ids=ids | {pid}, source=f"{doc.label}: {kind}", owner=owner)


def _absolute(url: str) -> str:
    """JSON-LD on video pages gives the author as '/Nintendo/': make it absolute."""
    return (
        url
        if "://" in url
        else f"https://www.facebook.com{url if url.startswith('/') else '/' + url}"
    )


# --------------------------------------------------------------------------- extract


def _page_identity(r: _Reading, ref: ProfileRef | None, draft: _Draft) -> str | None:
    """The Page's handle: the Graph node, then the pages' URLs, og:url, JSON-LD author."""
    handle = draft.values.get("handle")
    if handle:
        return str(handle)
    for doc, soup, meta in r.html:
        for url in (doc.url, meta.get("og:url"), meta.get("canonical")):
            found = _handle_from_url(url)
            if found and found not in ("pages",):
                return found
        for item in json_ld(soup):
            author = item.get("author") if item.get("@type") != "Organization" else item
            if isinstance(author, dict):
                found = _handle_from_url(
                    _absolute(str(author.get("url") or author.get("@id") or ""))
                )
                if found:
                    return found
    # Feed JSON alone: the Page's own photo/video pages name it; else its numeric id.
    owners: list[str] = []
    for _, node, _ in _all_posts(r):
        pid = str(node.get("id"))
        if "_" in pid:
            owners.append(pid.split("_")[0])
        for att in as_list(dig(node, "attachments", "data")):
            if (clean_str(dig(att, "type")) or "") in ("share",):
                continue
            found = _handle_from_url(
                clean_str(dig(att, "target", "url")) or clean_str(dig(att, "url"))
            )
            if found and not found.isdigit():
                return found
    if ref is not None:
        return ref.handle
    return owners[0] if owners else None


def extract(docs: Sequence[Document], ctx: ExtractContext) -> Profile:
    """The Facebook Page the documents show. Never raises on odd input: what cannot be read
    becomes an outcome and a warning in `capture`."""
    r = _read(docs)
    draft = _Draft()
    chosen = _choose_page(r, ctx.ref)
    if chosen is not None:
        _graph_profile(draft, chosen)
        draft.put(
            "handle",
            _graph_handle(chosen[1]) or clean_str(chosen[1].get("id")),
            f"{chosen[0].label}: username",
        )
    for doc, soup, meta in r.html:
        if _html_outcome(doc, soup) is None:
            _html_profile(draft, doc, soup, meta)
    handle = _page_identity(r, ctx.ref, draft) or ""
    page_id = draft.values.get("page_id")

    posts = _Posts()
    for doc, node, path in _all_posts(r):
        found = _graph_post(doc, node, path, page_id)
        if page_id and found.owner and found.owner != page_id:
            continue  # another Page's posts in the same capture
        posts.add(found)
    for doc, soup, meta in r.html:
        for found in _card_posts(doc, soup, ctx.captured_at, page_id):
            posts.add(found)
        single = _single_post(doc, soup, meta, ctx.captured_at)
        if single is not None:
            mine = (
                single.owner is None
                or single.owner in (page_id, handle)
                or (handle and single.owner.casefold() == handle.casefold())
            )
            single.post.is_repost = not mine
            posts.add(single)
    for doc, soup in r.fragments:
        for found in _card_posts(doc, soup, ctx.captured_at, page_id):
            posts.add(found)
    for doc, soup, meta in r.html:
        if _html_outcome(doc, soup) is None:
            _og_profile(draft, doc, meta)
    for doc, pic in r.pictures:
        data = pic.get("data")
        if isinstance(data, dict):
            draft.put("avatar", _graph_avatar(data), f"{doc.label}: data")

    profile = Profile(
        platform=Platform.FACEBOOK,
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
    outcomes = [o for o in (_html_outcome(d, s) for d, s, _ in r.html) if o]
    has_page = chosen is not None or "display_name" in draft.values
    if not has_page and not posts.by_key:
        _nothing_usable(profile, r, outcomes)
        return profile
    for outcome, reason in outcomes:
        cap.warnings.append(f"{outcome.value}: {reason}")
    if any(s.select_one("#mobile_login_bar, #login_form") for _, s, _ in r.html):
        cap.warnings.append(
            "Facebook drew a login prompt over the page: only what logged-out visitors see was read"
        )
    _fill(profile, draft)
    profile.posts = posts.newest_first()
    if profile.posts:
        profile.sources["posts"] = "; ".join(posts.sources)
    _observability(profile, r, draft)
    if (
        ctx.ref is not None
        and handle
        and ctx.ref.handle.casefold() not in (handle.casefold(), str(page_id))
    ):
        cap.warnings.append(f"asked for {ctx.ref.handle} but the Page read is {handle}")
    return profile


def _nothing_usable(profile: Profile, r: _Reading, outcomes: list[tuple[Outcome, str]]) -> None:
    cap = profile.capture
    priority = (Outcome.BLOCKED, Outcome.NOT_FOUND, Outcome.LOGIN_WALL, Outcome.ERROR)
    every = outcomes + r.failures
    for outcome in priority:
        hit = next((reason for o, reason in every if o is outcome), None)
        if hit:
            cap.outcome, cap.reason = outcome, hit
            break
    else:
        if r.html:
            cap.outcome = Outcome.LOGIN_WALL
            cap.reason = (
                f"the page showed no Page data (no name, posts or metadata); {LOGIN_WALL_REASON}"
            )
        else:
            cap.outcome = Outcome.ERROR
            cap.reason = (
                "no Facebook Page data in these documents (expected Graph API Page/feed JSON "
                "or a saved facebook.com Page)"
            )
    cap.warnings.append(f"nothing usable for a Facebook Page: {cap.reason}")


def _fill(profile: Profile, draft: _Draft) -> None:
    v, s = draft.values, draft.sources
    for name in (
        "display_name",
        "bio",
        "category",
        "links",
        "location",
        "avatar",
        "contact",
        "is_verified",
        "reviews",
        "engagement",
        "shop",
    ):
        if name in v:
            setattr(profile, name, v[name])
            profile.sources[name] = s[name]
    if profile.bio is None and "bio_truncated" in v:
        profile.bio = v["bio_truncated"]
        profile.sources["bio"] = s["bio_truncated"]
        profile.capture.warnings.append("the About text was read from a meta tag that cuts it off")
        profile.not_observed["bio_end"] = (
            "the intro was read from a meta tag that cuts it off after "
            f"{len(profile.bio.rstrip('.… '))} characters, so its end is not known"
        )
    if profile.avatar is None and "avatar_ld" in v:
        url = v["avatar_ld"]
        profile.avatar = Avatar(url=url, is_default=_is_default_avatar(url))
        profile.sources["avatar"] = s["avatar_ld"]
    profile.links = [Link(url=_unwrap_redirect(lk.url), title=lk.title) for lk in profile.links]
    profile.is_business = True  # a Page is a business/brand presence by definition
    # Followers where shown; else Page likes (fan_count), the older measure of audience.
    key = "followers" if "followers" in v else "likes"
    if key in v:
        profile.counts = Counts(followers=v[key])
        profile.sources["counts.followers"] = s[key]


def _observability(profile: Profile, r: _Reading, draft: _Draft) -> None:
    """Say what these inputs cannot show, so checks say `na` instead of failing."""
    graph_nodes = [node for _, node, _ in r.pages]
    if profile.location is None and not any(
        k in node for node in graph_nodes for k in ("location", "single_line_address")
    ):
        profile.not_observed["location"] = (
            "the Graph API response was not asked for `location`, so the Page's address is unknown"
            if graph_nodes
            else "the logged-out Page view shows no address; the Page's About tab or a Graph "
            "API Page response with `location` would"
        )
    if profile.contact is None and not any(
        k in node for node in graph_nodes for k in ("phone", "emails")
    ):
        profile.not_observed["contact"] = (
            "no phone or e-mail in these inputs (the About tab or Graph API `phone`/`emails` "
            "shows them)"
        )
    has_feed = bool(r.feeds or r.posts)
    has_pages = any(True for _ in r.html) or bool(r.fragments)
    if not profile.posts:
        why = (
            "no posts were captured (only the Page itself): cadence, captions and alt text "
            "cannot be checked; capture the Page's posts (m.facebook.com or Graph API /feed)"
        )
        profile.not_observed["posts"] = why
        profile.capture.warnings.append(why)
        return
    graph_only = (
        has_feed
        and not any(m.alt_text for p in profile.posts for m in p.media)
        and not any(_card_or_photo(d, s) for d, s, _ in r.html)
        and not r.fragments
    )
    if graph_only:
        profile.not_observed["alt_text"] = (
            "Graph API feed attachments carry no alt text; the Page's photos on facebook.com "
            "show it"
        )
    if has_feed and not has_pages:
        asked = [f for f in (_asked_fields(d) for d in r.feeds) if f is not None]
        if not any("place" in f for f in asked) and not any(p.location for p in profile.posts):
            profile.not_observed["geotags"] = (
                "the Graph API response was not asked for `place`, so post locations are unknown"
            )


def _card_or_photo(doc: Document, soup: BeautifulSoup) -> bool:
    return (
        soup.find("article") is not None
        or soup.select_one('[data-sigil="photo-image"]') is not None
    )


SPEC = PlatformSpec(
    platform=Platform.FACEBOOK,
    hosts=HOSTS,
    match_url=match_url,
    normalize_handle=normalize_handle,
    profile_url=profile_url,
    capture_plan=capture_plan,
    extract=extract,
)
