"""YouTube: URL patterns, capture plan and extraction.

A channel is named by its @handle or its channel ID (`UC` + 22 characters); legacy
`/c/NAME` and `/user/NAME` URLs are kept as `c/NAME` and `user/NAME`.

What a logged-out visitor gets, and so what we read, most reliable first:
1. platform JSON: `ytInitialData` in the channel page (the same object the InnerTube
   `youtubei/v1/browse` XHR returns): `channelMetadataRenderer` (title, full description,
   keywords, avatar, vanity URL), one of three header shapes (`c4TabbedHeaderRenderer` to
   2023, `pageHeaderRenderer`/`pageHeaderViewModel` since 2024; 2026 adds accessibility
   labels and lower-case `5.04m`), one of three video-item shapes (`gridVideoRenderer` 2021,
   `richItemRenderer.content.videoRenderer` 2022-2025, `lockupViewModel` /
   `shortsLockupViewModel` 2026), About data (`aboutChannelViewModel` from the About
   continuation, or the older `channelAboutFullMetadataRenderer`); and YouTube Data API v3
   responses (channels, videos, playlistItems, activities, search);
2. DOM selectors of a rendered page;
3. OpenGraph / meta tags (but never YouTube's generic site description).
Video dates on channel pages are relative ("3 days ago", "Streamed 1 month ago"): they are
resolved against the capture time and marked approximate; API dates are exact.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Any
from urllib.parse import SplitResult, parse_qs, urlsplit

from bs4 import BeautifulSoup, Tag

from audit.dates import parse_iso, resolve_relative
from audit.documents import Document
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
)
from audit.patterns import EMAIL
from audit.platforms.base import (
    CapturePlan,
    ExtractContext,
    PlatformSpec,
    Step,
    as_dict,
    as_list,
    clean_str,
    dig,
    first,
    input_doc,
    input_kind,
    int_or_none,
    scaled_count,
    walk,
)
from audit.platforms.generic import embedded_json, meta_tags, soup_of
from audit.platforms.urls import host_matches, path_segments, validate_handle
from audit.text import extract_hashtags, normalize_space

__all__ = ["SPEC", "capture_plan", "extract", "match_url", "normalize_handle", "profile_url"]

HOSTS = ("youtube.com",)
CHANNEL_ID_RE = r"UC[A-Za-z0-9_-]{22}"


def normalize_handle(text: str) -> str:
    text = text.strip()
    if re.fullmatch(CHANNEL_ID_RE, text) or re.fullmatch(r"(?:c|user)/[^/\s]+", text):
        return text
    return validate_handle(
        text,
        r"[A-Za-z0-9._-]{3,30}",
        "YouTube handle (3-30 letters, digits, . _ -) or channel ID (UC...)",
        "youtube:@bluedoorbakery",
    )


def match_url(parts: SplitResult) -> str | None:
    if not host_matches(parts, HOSTS):
        return None
    segs = path_segments(parts)
    if not segs:
        return None
    head = segs[0]
    try:
        if head.startswith("@"):
            return normalize_handle(head)
        if head == "channel" and len(segs) > 1:
            return segs[1] if re.fullmatch(CHANNEL_ID_RE, segs[1]) else None
        if head in ("c", "user") and len(segs) > 1:
            return f"{head}/{segs[1]}"
    except ValueError:
        return None
    return None


def profile_url(handle: str) -> str:
    if re.fullmatch(CHANNEL_ID_RE, handle):
        return f"https://www.youtube.com/channel/{handle}"
    if handle.startswith(("c/", "user/")):
        return f"https://www.youtube.com/{handle}"
    return f"https://www.youtube.com/@{handle}"


# --------------------------------------------------------------------------- capture


def capture_plan(ref: ProfileRef) -> CapturePlan:
    """The /videos tab carries the header, the channel metadata and the first ~30 uploads
    in `ytInitialData`; /about opens the About panel, whose data (all links, country) newer
    layouts load through an InnerTube `browse` continuation that lands in the HAR; /shorts
    adds Shorts titles (they carry no dates). `hl=en` keeps relative dates in English,
    which is what findable resolves."""
    base = profile_url(ref.handle)
    return CapturePlan(
        steps=[
            Step("goto", f"{base}/videos?hl=en", wait_for="ytd-rich-grid-renderer, #contents"),
            Step("goto", f"{base}/about?hl=en", optional=True, wait_for="#links-section"),
            Step("goto", f"{base}/shorts?hl=en", optional=True),
        ],
        note="YouTube: channel /videos, /about (About continuation XHR), /shorts",
    )


# --------------------------------------------------------------------------- small readers

_GENERIC_DESCRIPTIONS = (
    "share your videos with friends, family, and the world",
    "enjoy the videos and music you love",
)
_EMAIL = EMAIL  # audit.patterns: linear on any text
_VIDEO_ID_IN_URL = re.compile(r"/vi(?:_webp)?/([A-Za-z0-9_-]{11})/")
_COUNT = re.compile(
    r"(\d+(?:[.,\u00a0\u202f ]\d+)*)\s*(k|m|b|thousand|million|billion|tsd\.?|mio\.?|mrd\.?)?"
    r"(?![a-z])",
    re.IGNORECASE,
)
_MULTIPLIER = {"k": 1e3, "thousand": 1e3, "tsd": 1e3, "m": 1e6, "million": 1e6, "mio": 1e6}
_MULTIPLIER |= {"b": 1e9, "billion": 1e9, "mrd": 1e9}


def _text(node: Any) -> str | None:
    """YouTube's text shapes: `simpleText`, `runs[].text`, view-model `content`, or a string."""
    if isinstance(node, str):
        return node
    if not isinstance(node, dict):
        return None
    if isinstance(node.get("simpleText"), str):
        return str(node["simpleText"])
    runs = node.get("runs")
    if isinstance(runs, list):
        joined = "".join(str(r.get("text", "")) for r in runs if isinstance(r, dict))
        return joined or None
    if isinstance(node.get("content"), str):
        return str(node["content"])
    return None


def parse_count(text: Any) -> int | None:
    """'1.38M subscribers', '5.04m', '287K videos', '1,639 views', '1,38 Mio.' -> an int.

    Abbreviated counts are what channel pages show; the Data API gives exact ones."""
    if not isinstance(text, str) or not text:
        return int_or_none(text)
    m = _COUNT.search(text)
    if not m:
        return None
    number, suffix = m.group(1), (m.group(2) or "").lower().rstrip(".")
    number = re.sub(r"[\u00a0\u202f ]", "", number)
    if suffix:
        if number.count(",") + number.count(".") > 1:
            return 0
        return scaled_count(number, _MULTIPLIER[suffix])
    return int_or_none(re.sub(r"[.,]", "", number))


def parse_keywords(text: Any) -> list[str]:
    """Channel keywords as YouTube stores them: space-separated, phrases in double quotes."""
    if not isinstance(text, str) or not text:
        return []
    out: list[str] = []
    for m in re.finditer(r'"([^"]+)"|(\S+)', text):
        word = (m.group(1) or m.group(2) or "").strip().strip('"')
        if word and word.casefold() not in {w.casefold() for w in out}:
            out.append(word)
    return out


def _unwrap_redirect(url: Any) -> str | None:
    """YouTube wraps outbound links in /redirect?q=<target>; the target is what matters."""
    if not isinstance(url, str) or not url:
        return None
    parts = urlsplit(url)
    if parts.path.endswith("/redirect") and "youtube.com" in (parts.hostname or ""):
        target = parse_qs(parts.query).get("q")
        if target:
            return target[0]
    return url


def _with_scheme(url: str) -> str:
    url = url.strip()
    return url if re.match(r"^[a-z][a-z0-9+.-]*://", url, re.I) else f"https://{url}"


def _largest(images: Any) -> dict[str, Any] | None:
    """The biggest of a thumbnails/sources list (by width, else the last one listed)."""
    if not isinstance(images, list):
        return None
    good = [i for i in images if isinstance(i, dict) and isinstance(i.get("url"), str)]
    if not good:
        return None
    return max(good, key=lambda i: (int_or_none(i.get("width")) or 0, good.index(i)))


def _handle_from_url(url: str | None) -> str | None:
    if not url:
        return None
    m = re.search(r"/@([^/?#\s]+)", url)
    return m.group(1) if m else None


def _legacy_from_url(url: str | None) -> str | None:
    m = re.search(r"youtube\.com/((?:c|user)/[^/?#\s]+)", url or "")
    return m.group(1) if m else None


def _is_generic(description: str) -> bool:
    return description.strip().lower().startswith(_GENERIC_DESCRIPTIONS)


def _thumb_of(images: Any) -> tuple[str | None, int | None, int | None]:
    big = _largest(images)
    if not big:
        return None, None, None
    return str(big["url"]), int_or_none(big.get("width")), int_or_none(big.get("height"))


# --------------------------------------------------------------------------- accumulation


def _text_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _keywords(value: Any) -> list[str] | None:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else None


def _image(value: Any) -> dict[str, Any] | None:
    return value if isinstance(value, dict) and clean_str(value.get("url")) else None


# What each accumulated field must be: a value of another type (a damaged or forged page's)
# is not that field, so it is never stored, whichever reading found it.
_FIELD_TYPES: dict[str, Callable[[Any], Any]] = {
    "at_handle": clean_str,
    "legacy_handle": clean_str,
    "channel_id": clean_str,
    "display_name": _text_or_none,
    "bio": _text_or_none,
    "country": clean_str,
    "avatar": _image,
    "followers": int_or_none,
    "video_count": int_or_none,
    "search_keywords": _keywords,
    "contact_button": lambda v: v if isinstance(v, bool) else None,
    "verified": lambda v: v if isinstance(v, bool) else None,
}


@dataclass
class _Acc:
    """Profile fields as they are found; the first (most reliable) value of a field wins."""

    values: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)
    posts: dict[str, Post] = field(default_factory=dict)
    post_sources: dict[str, int] = field(default_factory=dict)
    signals: list[tuple[Outcome, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    used: set[int] = field(default_factory=set)
    about_read: bool = False  # About data (links, country, email button) was in the input
    header_read: bool = False  # a channel header was read, so a missing badge means "no"

    def put(self, name: str, value: Any, source: str) -> None:
        if name in self.values:
            return
        value = _FIELD_TYPES[name](value)
        if first(value) is None:
            return
        self.values[name] = value
        self.sources[name] = source

    def add_link(self, url: str | None, title: str | None, source: str) -> None:
        url = _unwrap_redirect(url)
        if not url or url.startswith("/"):
            return
        url = _with_scheme(url)
        key = url.rstrip("/").lower().split("://", 1)[-1].removeprefix("www.")
        for known in self.links:
            if known.url.rstrip("/").lower().split("://", 1)[-1].removeprefix("www.") == key:
                return
        self.links.append(Link(url=url, title=normalize_space(title)))
        self.sources.setdefault("links", source)

    def add_post(self, post: Post, source: str) -> None:
        known = self.posts.get(post.id)
        self.post_sources[source] = self.post_sources.get(source, 0) + 1
        if known is None:
            self.posts[post.id] = post
            return
        self.posts[post.id] = _merge_posts(known, post)


def _merge_posts(a: Post, b: Post) -> Post:
    """The same video seen twice (page + API): exact dates beat relative ones, the longer
    caption (title + full description) beats a snippet."""
    date_from = a
    if a.created_at is None or (a.created_at_approx and b.created_at and not b.created_at_approx):
        date_from = b
    caption = max((a.caption or "", b.caption or ""), key=len) or None
    tags = list(a.hashtags)
    for t in b.hashtags:
        if t.casefold() not in {x.casefold() for x in tags}:
            tags.append(t)
    return a.model_copy(
        update={
            "created_at": date_from.created_at,
            "created_at_approx": date_from.created_at_approx,
            "caption": caption,
            "hashtags": tags,
            "media": a.media or b.media,
            "location": a.location or b.location,
            "url": a.url or b.url,
            "is_repost": a.is_repost and b.is_repost,
        }
    )


# --------------------------------------------------------------------------- documents


@dataclass
class _Page:
    """One document, parsed once: its YouTube JSON (initial data, InnerTube or Data API)."""

    doc: Document
    index: int

    @cached_property
    def soup(self) -> BeautifulSoup | None:
        return soup_of(self.doc.text) if self.doc.kind == "html" else None

    @cached_property
    def data(self) -> Any:
        if self.doc.kind == "json":
            return self.doc.data
        if self.doc.kind == "html":
            for name in ("ytInitialData", 'window["ytInitialData"]', "window['ytInitialData']"):
                found = embedded_json(self.doc.text, name)
                if isinstance(found, dict):
                    return found
        return None

    @property
    def label(self) -> str:
        return self.doc.label

    @property
    def api_kind(self) -> str | None:
        kind = dig(self.data, "kind")
        return kind if isinstance(kind, str) and kind.startswith("youtube#") else None

    @cached_property
    def is_youtube_html(self) -> bool:
        if self.soup is None:
            return False
        if host_matches(urlsplit(self.doc.url or ""), HOSTS):
            return True
        meta = meta_tags(self.soup)
        return meta.get("og:site_name") == "YouTube" or "youtube.com/" in meta.get("og:url", "")


def _channel_items(page: _Page) -> list[dict[str, Any]]:
    """The `youtube#channel` resources in a Data API document."""
    data = page.data
    if page.api_kind == "youtube#channel":
        return [data]
    if page.api_kind == "youtube#channelListResponse":
        return [i for i in dig(data, "items", default=[]) if isinstance(i, dict)]
    return []


def _pick_channel(items: list[dict[str, Any]], ref: ProfileRef | None) -> dict[str, Any] | None:
    if not items:
        return None
    if ref is not None:
        wanted = ref.handle.lower().lstrip("@")
        for item in items:
            custom = str(dig(item, "snippet", "customUrl", default="")).lower().lstrip("@")
            if item.get("id") == ref.handle or (custom and custom == wanted):
                return item
    return items[0]


# --------------------------------------------------------------------------- outcomes


def _outcome_signals(page: _Page) -> list[tuple[Outcome, str]]:
    """Pages that are not a channel: consent interstitial, captcha, missing channel, API
    errors. Each yields (outcome, reason) for when nothing usable was read."""
    out: list[tuple[Outcome, str]] = []
    doc, data = page.doc, page.data
    url = doc.url or ""
    if isinstance(data, dict) and isinstance(data.get("error"), dict):
        code = dig(data, "error", "code")
        status = str(dig(data, "error", "status", default="")).upper()
        message = str(dig(data, "error", "message", default="")) or status or str(code)
        errors = as_list(dig(data, "error", "errors"))
        reasons = {str(e.get("reason")) for e in errors if isinstance(e, dict)}
        if code == 404 or status == "NOT_FOUND":
            out.append((Outcome.NOT_FOUND, f"YouTube says the channel does not exist ({message})"))
        elif code in (403, 429) or reasons & {"quotaExceeded", "rateLimitExceeded"}:
            out.append((Outcome.BLOCKED, f"YouTube refused the request ({code}: {message})"))
        else:
            out.append((Outcome.ERROR, f"YouTube answered with an error ({code}: {message})"))
    if page.api_kind == "youtube#channelListResponse" and not _channel_items(page):
        out.append((Outcome.NOT_FOUND, "the YouTube Data API found no channel for this name"))
    if isinstance(data, dict):
        for alert in as_list(data.get("alerts")):
            text = _text(dig(alert, "alertRenderer", "text")) or _text(
                dig(alert, "alertWithButtonRenderer", "text")
            )
            if text and re.search(r"does not exist|isn.t available|not available|terminated", text):
                out.append((Outcome.NOT_FOUND, f"YouTube shows: {text.strip()}"))
    if doc.kind == "html":
        text = doc.text
        if "consent.youtube.com" in url or (
            "Before you continue to YouTube" in text or "consent.youtube.com/save" in text
        ):
            out.append(
                (
                    Outcome.BLOCKED,
                    "YouTube showed its cookie consent page ('Before you continue to YouTube') "
                    "instead of the channel; capture again with consent given (storage state)",
                )
            )
        if "google.com/sorry" in url or "unusual traffic from your computer" in text:
            out.append((Outcome.BLOCKED, "YouTube asked for a captcha (unusual traffic)"))
        if re.search(r"This channel (does not exist|isn.t available)", text) and not dig(
            data, "metadata", "channelMetadataRenderer"
        ):
            out.append((Outcome.NOT_FOUND, "YouTube shows: This channel does not exist."))
    if doc.status == 404 and not out:
        out.append((Outcome.NOT_FOUND, f"{doc.label} answered 404: no such channel"))
    if doc.status == 429:
        out.append((Outcome.BLOCKED, f"{doc.label} answered 429: rate limited"))
    return out


# --------------------------------------------------------------------------- channel fields


def _read_metadata(page: _Page, acc: _Acc) -> None:
    md = dig(page.data, "metadata", "channelMetadataRenderer")
    if not isinstance(md, dict):
        return
    src = f"{page.label}: metadata.channelMetadataRenderer"
    acc.used.add(page.index)
    acc.put("channel_id", md.get("externalId"), f"{src}.externalId")
    acc.put("display_name", md.get("title"), f"{src}.title")
    acc.put("bio", normalize_space(md.get("description")), f"{src}.description")
    acc.put("search_keywords", parse_keywords(md.get("keywords")), f"{src}.keywords")
    thumb = _largest(dig(md, "avatar", "thumbnails"))
    acc.put("avatar", thumb, f"{src}.avatar.thumbnails")
    for key in ("vanityChannelUrl", "ownerUrls", "channelUrl"):
        urls = md.get(key)
        for url in urls if isinstance(urls, list) else [urls]:
            acc.put("at_handle", _handle_from_url(url), f"{src}.{key}")
            acc.put("legacy_handle", _legacy_from_url(url), f"{src}.{key}")


def _read_microformat(page: _Page, acc: _Acc) -> None:
    mf = dig(page.data, "microformat", "microformatDataRenderer")
    if not isinstance(mf, dict):
        return
    src = f"{page.label}: microformat.microformatDataRenderer"
    acc.used.add(page.index)
    acc.put("display_name", mf.get("title"), f"{src}.title")
    acc.put("bio", normalize_space(mf.get("description")), f"{src}.description")
    tags = mf.get("tags")
    if isinstance(tags, list):
        acc.put("search_keywords", [str(t) for t in tags if t], f"{src}.tags")
    acc.put("avatar", _largest(dig(mf, "thumbnail", "thumbnails")), f"{src}.thumbnail")
    acc.put("legacy_handle", _legacy_from_url(mf.get("urlCanonical")), f"{src}.urlCanonical")


def _read_c4_header(page: _Page, acc: _Acc) -> None:
    """2021-2023 header: avatar, handle text, subscriber/video counts, verified badge,
    header links (primary + secondary)."""
    h = dig(page.data, "header", "c4TabbedHeaderRenderer")
    if not isinstance(h, dict):
        return
    src = f"{page.label}: header.c4TabbedHeaderRenderer"
    acc.used.add(page.index)
    acc.header_read = True
    acc.put("channel_id", h.get("channelId"), f"{src}.channelId")
    acc.put("display_name", h.get("title"), f"{src}.title")
    acc.put("avatar", _largest(dig(h, "avatar", "thumbnails")), f"{src}.avatar.thumbnails")
    handle_text = _text(h.get("channelHandleText"))
    acc.put("at_handle", (handle_text or "").lstrip("@") or None, f"{src}.channelHandleText")
    base_url = dig(h, "navigationEndpoint", "browseEndpoint", "canonicalBaseUrl")
    acc.put("at_handle", _handle_from_url(base_url), f"{src}.navigationEndpoint")
    subs = first(
        dig(h, "subscriberCountText", "accessibility", "accessibilityData", "label"),
        _text(h.get("subscriberCountText")),
    )
    acc.put("followers", parse_count(subs), f"{src}.subscriberCountText")
    acc.put("video_count", parse_count(_text(h.get("videosCountText"))), f"{src}.videosCountText")
    styles = {str(dig(b, "metadataBadgeRenderer", "style")) for b in as_list(h.get("badges"))}
    if styles & {"BADGE_STYLE_TYPE_VERIFIED", "BADGE_STYLE_TYPE_VERIFIED_ARTIST"}:
        acc.put("verified", True, f"{src}.badges")
    links = dig(h, "headerLinks", "channelHeaderLinksRenderer", default={})
    for group in ("primaryLinks", "secondaryLinks"):
        for link in links.get(group) or []:
            url = first(
                dig(link, "navigationEndpoint", "urlEndpoint", "url"),
                dig(link, "navigationEndpoint", "commandMetadata", "webCommandMetadata", "url"),
            )
            acc.add_link(url, _text(link.get("title")), f"{src}.headerLinks.{group}")


def _read_page_header(page: _Page, acc: _Acc) -> None:
    """2024+ header: `pageHeaderRenderer.content.pageHeaderViewModel` (title, avatar view
    model, metadata rows '@handle' / '23.2M subscribers' / '256 videos', description preview,
    attribution = the first link)."""
    ph = dig(page.data, "header", "pageHeaderRenderer")
    if not isinstance(ph, dict):
        return
    vm = dig(ph, "content", "pageHeaderViewModel", default={})
    src = f"{page.label}: header.pageHeaderRenderer.content.pageHeaderViewModel"
    acc.used.add(page.index)
    acc.header_read = True
    title = dig(vm, "title", "dynamicTextViewModel")
    acc.put("display_name", first(_text(dig(title, "text")), ph.get("pageTitle")), f"{src}.title")
    label = str(dig(title, "rendererContext", "accessibilityContext", "label", default=""))
    images = [
        dig(run, "element", "type", "imageType", "image", "sources", 0, "clientResource")
        for run in dig(title, "text", "attachmentRuns", default=[])
    ]
    names = {str(dig(i, "imageName")) for i in images if i}
    if label.lower().endswith(", verified") or names & {"CHECK_CIRCLE_FILLED", "AUDIO_BADGE"}:
        acc.put("verified", True, f"{src}.title.attachmentRuns")
    avatar = dig(vm, "image", "decoratedAvatarViewModel", "avatar", "avatarViewModel", "image")
    acc.put("avatar", _largest(dig(avatar, "sources")), f"{src}.image")
    rows = dig(vm, "metadata", "contentMetadataViewModel", "metadataRows", default=[])
    for row in rows:
        for part in dig(row, "metadataParts", default=[]):
            text = _text(part.get("text")) or ""
            spoken = part.get("accessibilityLabel") or text
            if text.startswith("@"):
                acc.put("at_handle", text[1:].strip(), f"{src}.metadata (@handle)")
            elif "subscriber" in text.lower():
                acc.put("followers", parse_count(spoken), f"{src}.metadata (subscribers)")
            elif re.search(r"\bvideos?\b", text.lower()):
                acc.put("video_count", parse_count(spoken), f"{src}.metadata (videos)")
    preview = _text(dig(vm, "description", "descriptionPreviewViewModel", "description"))
    acc.put("bio", normalize_space(preview), f"{src}.description (preview, truncated)")
    attribution = dig(vm, "attribution", "attributionViewModel", "text", default={})
    for run in as_list(attribution.get("commandRuns")):
        url = first(
            dig(run, "onTap", "innertubeCommand", "urlEndpoint", "url"),
            dig(run, "onTap", "innertubeCommand", "commandMetadata", "webCommandMetadata", "url"),
        )
        acc.add_link(url, _text(attribution), f"{src}.attribution")


def _read_about(page: _Page, acc: _Acc) -> None:
    """About data: `aboutChannelViewModel` (2023+, in the About continuation or the /about
    page's engagement panel) or `channelAboutFullMetadataRenderer` (the old /about tab)."""
    for node in walk(page.data):
        if not isinstance(node, dict):
            continue
        if isinstance(node.get("aboutChannelViewModel"), dict):
            _read_about_view_model(page, node["aboutChannelViewModel"], acc)
        if isinstance(node.get("channelAboutFullMetadataRenderer"), dict):
            _read_about_full(page, node["channelAboutFullMetadataRenderer"], acc)


def _read_about_view_model(page: _Page, vm: dict[str, Any], acc: _Acc) -> None:
    src = f"{page.label}: aboutChannelViewModel"
    acc.used.add(page.index)
    acc.about_read = True
    acc.put("channel_id", vm.get("channelId"), f"{src}.channelId")
    acc.put("bio", normalize_space(_text(vm.get("description"))), f"{src}.description")
    acc.put("country", _text(vm.get("country")), f"{src}.country")
    acc.put("at_handle", _handle_from_url(vm.get("canonicalChannelUrl")), f"{src}.canonical")
    acc.put("followers", parse_count(_text(vm.get("subscriberCountText"))), f"{src}.subscribers")
    acc.put("video_count", parse_count(_text(vm.get("videoCountText"))), f"{src}.videoCountText")
    if vm.get("signInForBusinessEmail") or vm.get("businessEmailButton"):
        acc.put("contact_button", True, f"{src}.signInForBusinessEmail")
    for link in as_list(vm.get("links")):
        lvm = as_dict(dig(link, "channelExternalLinkViewModel"))
        run_url = first(
            dig(lvm, "link", "commandRuns", 0, "onTap", "innertubeCommand", "urlEndpoint", "url"),
            _text(lvm.get("link")),
        )
        acc.add_link(run_url, _text(lvm.get("title")), f"{src}.links")


def _read_about_full(page: _Page, md: dict[str, Any], acc: _Acc) -> None:
    src = f"{page.label}: channelAboutFullMetadataRenderer"
    acc.used.add(page.index)
    acc.about_read = True
    acc.put("channel_id", md.get("channelId"), f"{src}.channelId")
    acc.put("display_name", _text(md.get("title")), f"{src}.title")
    acc.put("bio", normalize_space(_text(md.get("description"))), f"{src}.description")
    acc.put("country", _text(md.get("country")), f"{src}.country")
    acc.put("avatar", _largest(dig(md, "avatar", "thumbnails")), f"{src}.avatar")
    if md.get("businessEmailLabel") or md.get("signInForBusinessEmail"):
        acc.put("contact_button", True, f"{src}.businessEmailLabel")
    for link in as_list(md.get("primaryLinks")):
        url = dig(link, "navigationEndpoint", "urlEndpoint", "url")
        acc.add_link(url, _text(dig(link, "title")), f"{src}.primaryLinks")


def _read_api_channel(page: _Page, acc: _Acc, ref: ProfileRef | None) -> None:
    item = _pick_channel(_channel_items(page), ref)
    if item is None:
        return
    src = f"{page.label}: {'items[].' if page.api_kind != 'youtube#channel' else ''}"
    acc.used.add(page.index)
    snippet = as_dict(item.get("snippet"))
    branding = as_dict(dig(item, "brandingSettings", "channel"))
    acc.put("channel_id", item.get("id"), f"{src}id")
    acc.put("display_name", first(snippet.get("title"), branding.get("title")), f"{src}snippet")
    bio = first(snippet.get("description"), branding.get("description"))
    acc.put("bio", normalize_space(bio), f"{src}snippet.description")
    custom = clean_str(snippet.get("customUrl")) or ""
    if custom.startswith("@"):
        acc.put("at_handle", custom[1:], f"{src}snippet.customUrl")
    elif custom:  # before handles (2022) customUrl was the legacy /c/NAME
        acc.put("legacy_handle", f"c/{custom}", f"{src}snippet.customUrl")
    acc.put("country", first(snippet.get("country"), branding.get("country")), f"{src}country")
    kw = parse_keywords(branding.get("keywords"))
    acc.put("search_keywords", kw, f"{src}brandingSettings.channel.keywords")
    thumbs = [t for t in as_dict(snippet.get("thumbnails")).values() if isinstance(t, dict)]
    acc.put("avatar", _largest(thumbs), f"{src}snippet.thumbnails")
    stats = as_dict(item.get("statistics"))
    if not stats.get("hiddenSubscriberCount"):
        acc.put("followers", parse_count(stats.get("subscriberCount")), f"{src}statistics")
    acc.put("video_count", parse_count(stats.get("videoCount")), f"{src}statistics.videoCount")


# --------------------------------------------------------------------------- videos (page)


def _video_post(
    video_id: str,
    title: str | None,
    description: str | None,
    published: str | None,
    thumbs: Any,
    ctx: ExtractContext,
    *,
    short: bool | None = False,
    exact: datetime | None = None,
    location: Place | None = None,
    is_repost: bool = False,
) -> Post:
    texts = (t for t in (title, description) if isinstance(t, str) and t)
    caption = normalize_space("\n".join(texts))
    created, approx = exact, False
    if created is None and isinstance(published, str) and published:
        resolved = resolve_relative(published, ctx.captured_at)
        if resolved:
            created, approx = resolved
    url, width, height = _thumb_of(thumbs)
    return Post(
        id=video_id,
        url=f"https://www.youtube.com/{'shorts/' if short else 'watch?v='}{video_id}",
        created_at=created,
        created_at_approx=approx,
        caption=caption,
        hashtags=extract_hashtags(caption),
        media=[Media(kind="video", url=url, width=width, height=height, alt_source="missing")],
        location=location,
        is_repost=is_repost,
        short_video=short,  # a Short; False from the long-form /videos tab; None: not said
    )


def _owner_id(renderer: dict[str, Any]) -> str | None:
    for key in ("ownerText", "shortBylineText", "longBylineText"):
        browse = dig(renderer, key, "runs", 0, "navigationEndpoint", "browseEndpoint", "browseId")
        if isinstance(browse, str):
            return browse
    return None


def _published_in_rows(rows: Any) -> str | None:
    """The date part of lockup metadata rows ('26k views' • '17 hours ago'): only text that
    reads as a date, so '5m views' is never taken for five minutes."""
    for row in rows if isinstance(rows, list) else []:
        for part in dig(row, "metadataParts", default=[]):
            text = _text(part.get("text")) or ""
            if re.search(r"\bago\b|^(streamed|premiered)\b", text.strip(), re.IGNORECASE):
                return text
    return None


def _read_page_videos(page: _Page, acc: _Acc, ctx: ExtractContext, channel_id: str | None) -> None:
    data = page.data
    if not isinstance(data, dict) or page.api_kind:
        return
    for node in walk(data):
        if not isinstance(node, dict):
            continue
        for shape, reader in _ITEM_READERS.items():
            item = node.get(shape)
            if isinstance(item, dict):
                post = reader(item, ctx, channel_id)
                if post is not None:
                    acc.used.add(page.index)
                    acc.add_post(post, f"{page.label}: {shape}")


def _from_video_renderer(
    v: dict[str, Any], ctx: ExtractContext, channel_id: str | None
) -> Post | None:
    """gridVideoRenderer (2021) and videoRenderer (2022-2025) share these fields."""
    vid = v.get("videoId")
    if not isinstance(vid, str):
        return None
    owner = _owner_id(v)
    return _video_post(
        vid,
        _text(v.get("title")),
        _text(v.get("descriptionSnippet")),
        _text(v.get("publishedTimeText")),
        dig(v, "thumbnail", "thumbnails"),
        ctx,
        is_repost=bool(owner and channel_id and owner != channel_id),
    )


def _from_reel(v: dict[str, Any], ctx: ExtractContext, channel_id: str | None) -> Post | None:
    vid = v.get("videoId")
    if not isinstance(vid, str):
        return None
    return _video_post(
        vid,
        _text(v.get("headline")),
        None,
        None,
        dig(v, "thumbnail", "thumbnails"),
        ctx,
        short=True,
    )


def _from_lockup(v: dict[str, Any], ctx: ExtractContext, channel_id: str | None) -> Post | None:
    """2026 lockupViewModel: contentId, title in lockupMetadataViewModel, the date in a
    metadata row."""
    vid = v.get("contentId")
    ctype = str(v.get("contentType") or "LOCKUP_CONTENT_TYPE_VIDEO")
    if not isinstance(vid, str) or ctype not in ("LOCKUP_CONTENT_TYPE_VIDEO", "VIDEO"):
        return None
    md = dig(v, "metadata", "lockupMetadataViewModel", default={})
    rows = dig(md, "metadata", "contentMetadataViewModel", "metadataRows")
    thumbs = dig(v, "contentImage", "thumbnailViewModel", "image", "sources")
    return _video_post(vid, _text(md.get("title")), None, _published_in_rows(rows), thumbs, ctx)


def _from_shorts_lockup(
    v: dict[str, Any], ctx: ExtractContext, channel_id: str | None
) -> Post | None:
    vid = first(
        dig(v, "onTap", "innertubeCommand", "reelWatchEndpoint", "videoId"),
        str(v.get("entityId") or "").removeprefix("shorts-shelf-item-") or None,
    )
    if not isinstance(vid, str):
        return None
    title = _text(dig(v, "overlayMetadata", "primaryText"))
    thumbs = dig(v, "thumbnail", "sources") or dig(v, "thumbnailViewModel", "image", "sources")
    return _video_post(vid, title, None, None, thumbs, ctx, short=True)


_ITEM_READERS: dict[str, Callable[[dict[str, Any], ExtractContext, str | None], Post | None]] = {
    "gridVideoRenderer": _from_video_renderer,
    "videoRenderer": _from_video_renderer,
    "reelItemRenderer": _from_reel,
    "lockupViewModel": _from_lockup,
    "shortsLockupViewModel": _from_shorts_lockup,
}


# --------------------------------------------------------------------------- videos (API)


def _api_video_id(item: dict[str, Any]) -> str | None:
    """Video ids sit in different places per resource; activities without contentDetails
    still name the video in their thumbnail URLs (i.ytimg.com/vi/<id>/...)."""
    found = first(
        dig(item, "contentDetails", "videoId"),
        dig(item, "contentDetails", "upload", "videoId"),
        dig(item, "snippet", "resourceId", "videoId"),
        dig(item, "id", "videoId"),
        item.get("id") if item.get("kind") == "youtube#video" else None,
    )
    if isinstance(found, str):
        return found
    for thumb in as_dict(dig(item, "snippet", "thumbnails")).values():
        m = _VIDEO_ID_IN_URL.search(str(dig(thumb, "url", default="")))
        if m:
            return m.group(1)
    return None


def _api_location(item: dict[str, Any]) -> Place | None:
    rec = as_dict(item.get("recordingDetails"))
    lat = dig(rec, "location", "latitude")
    lon = dig(rec, "location", "longitude")
    place = Place(
        name=clean_str(rec.get("locationDescription")),
        lat=float(lat) if isinstance(lat, (int, float)) else None,
        lon=float(lon) if isinstance(lon, (int, float)) else None,
    )
    return None if place.is_empty() else place


_API_VIDEO_KINDS = {
    "youtube#videoListResponse": "videos",
    "youtube#playlistItemListResponse": "playlistItems",
    "youtube#activityListResponse": "activities",
    "youtube#searchListResponse": "search",
}


def _api_video_items(page: _Page) -> list[dict[str, Any]]:
    if page.api_kind not in _API_VIDEO_KINDS:
        return []
    items = [i for i in as_list(dig(page.data, "items")) if isinstance(i, dict)]
    return [i for i in items if _api_video_id(i) or page.api_kind == "youtube#activityListResponse"]


def _read_api_videos(page: _Page, acc: _Acc, ctx: ExtractContext, channel_id: str | None) -> None:
    kind = _API_VIDEO_KINDS.get(page.api_kind or "")
    if kind is None:
        return
    skipped = 0
    for item in _api_video_items(page):
        snippet = as_dict(item.get("snippet"))
        owner = snippet.get("channelId")
        if channel_id and owner and owner != channel_id:
            skipped += 1
            continue
        title, description = snippet.get("title"), snippet.get("description")
        if kind == "search":  # search snippets come HTML-escaped ('&#39;', '&amp;')
            title = html_lib.unescape(title) if isinstance(title, str) else title
            description = html_lib.unescape(description) if isinstance(description, str) else None
        activity = clean_str(snippet.get("type")) or "upload"
        video_owner = snippet.get("videoOwnerChannelId")
        repost = (kind == "activities" and activity != "upload") or bool(
            video_owner and owner and video_owner != owner
        )
        exact = parse_iso(
            first(dig(item, "contentDetails", "videoPublishedAt"), snippet.get("publishedAt"))
        )
        vid = _api_video_id(item) or clean_str(item.get("id"))
        if not vid:
            continue
        thumbs = [t for t in as_dict(snippet.get("thumbnails")).values() if isinstance(t, dict)]
        post = _video_post(
            vid,
            title,
            description,
            None,
            thumbs,
            ctx,
            exact=exact,
            location=_api_location(item),
            is_repost=repost,
            short=None,  # the Data API does not say whether a video is a Short
        )
        acc.used.add(page.index)
        acc.add_post(post, f"{page.label}: items[] ({kind})")
        acc.put("display_name", snippet.get("channelTitle"), f"{page.label}: items[].channelTitle")
    if skipped:
        acc.warnings.append(f"{page.label}: {skipped} videos of other channels ignored")


def _api_channel_guess(pages: Sequence[_Page]) -> str | None:
    """Without a channel document, the channel most of the API videos belong to."""
    counts: dict[str, int] = {}
    for page in pages:
        for item in _api_video_items(page):
            owner = dig(item, "snippet", "channelId")
            if isinstance(owner, str):
                counts[owner] = counts.get(owner, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else None


# --------------------------------------------------------------------------- DOM and meta


def _read_dom(page: _Page, acc: _Acc, ctx: ExtractContext) -> None:
    """A rendered page saved without its scripts: header text and video tiles."""
    soup = page.soup
    if soup is None or not page.is_youtube_html:
        return
    src = f"{page.label}: DOM"
    name = soup.select_one("#channel-name #text, #page-header h1, yt-page-header-view-model h1")
    if name is not None:
        acc.put("display_name", normalize_space(name.get_text()), f"{src} #channel-name")
    for span in soup.select(
        "#channel-handle, #subscriber-count, yt-content-metadata-view-model span"
    ):
        text = span.get_text().strip()
        if text.startswith("@"):
            acc.put("at_handle", text[1:], f"{src} #channel-handle")
        elif "subscriber" in text.lower():
            acc.put("followers", parse_count(text), f"{src} #subscriber-count")
    tiles = (
        "ytd-rich-item-renderer, ytd-grid-video-renderer, ytd-video-renderer, yt-lockup-view-model"
    )
    for tile in soup.select(tiles):
        post = _dom_tile(tile, ctx)
        if post is not None:
            acc.used.add(page.index)
            acc.add_post(post, f"{src} {tile.name}")


def _dom_tile(tile: Tag, ctx: ExtractContext) -> Post | None:
    link = tile.select_one('a[href*="watch?v="], a[href*="/shorts/"]')
    if link is None:
        return None
    href = str(link.get("href") or "")
    m = re.search(r"(?:v=|/shorts/)([A-Za-z0-9_-]{11})", href)
    if not m:
        return None
    title_el = tile.select_one("#video-title, h3 a, a[title]")
    title = None
    if title_el is not None:
        title = str(title_el.get("title") or "") or normalize_space(title_el.get_text())
    published = None
    for span in tile.select("#metadata-line span, span"):
        text = span.get_text().strip()
        if re.search(r"\bago\b|^(streamed|premiered)\b", text, re.IGNORECASE):
            published = text
            break
    img = tile.select_one("img[src]")
    thumbs = [{"url": str(img["src"])}] if img is not None else None
    return _video_post(m.group(1), title, None, published, thumbs, ctx, short="/shorts/" in href)


def _read_meta(page: _Page, acc: _Acc) -> None:
    soup = page.soup
    if soup is None or not page.is_youtube_html:
        return
    meta = meta_tags(soup)
    src = f"{page.label}: meta"
    acc.used.add(page.index)
    acc.put(
        "display_name", first(meta.get("og:title"), meta.get("twitter:title")), f"{src} og:title"
    )
    description = first(meta.get("og:description"), meta.get("description"))
    if description and not _is_generic(description):
        acc.put("bio", normalize_space(description), f"{src} og:description")
    acc.put("search_keywords", parse_keywords(meta.get("keywords")), f"{src} keywords")
    if meta.get("og:image"):
        width, height = meta.get("og:image:width"), meta.get("og:image:height")
        image = {
            "url": meta["og:image"],
            "width": int_or_none(width),
            "height": int_or_none(height),
        }
        acc.put("avatar", image, f"{src} og:image")
    for key in ("og:url", "canonical"):
        url = meta.get(key)
        m = re.search(r"/channel/(" + CHANNEL_ID_RE + ")", url or "")
        acc.put("channel_id", m.group(1) if m else None, f"{src} {key}")
        acc.put("at_handle", _handle_from_url(url), f"{src} {key}")


# --------------------------------------------------------------------------- assembly


def _handle(acc: _Acc, ref: ProfileRef | None) -> tuple[str, str | None]:
    """@handle from the documents, else the handle asked for, else the legacy custom URL,
    else the channel ID."""
    v = acc.values
    if v.get("at_handle"):
        return str(v["at_handle"]), acc.sources.get("at_handle")
    if ref is not None:
        return ref.handle, "the profile asked for"
    for key in ("legacy_handle", "channel_id"):
        if v.get(key):
            return str(v[key]), acc.sources.get(key)
    return "", None


def _avatar(value: Any) -> Avatar | None:
    url = clean_str(value.get("url")) if isinstance(value, dict) else None
    if url is None:
        return None
    return Avatar(
        url=url,
        width=int_or_none(value.get("width")),
        height=int_or_none(value.get("height")),
        is_default="default-user" in url or "/a/default" in url,
    )


def extract(docs: Sequence[Document], ctx: ExtractContext) -> Profile:
    """The channel these documents show, merged across pages, XHRs and API responses."""
    pages = [_Page(doc, i) for i, doc in enumerate(docs)]
    acc = _Acc()
    for page in pages:
        acc.signals.extend(_outcome_signals(page))
    # Platform JSON, most reliable reader first across all documents.
    for reader in (_read_metadata, _read_about, _read_c4_header, _read_page_header):
        for page in pages:
            reader(page, acc)
    for page in pages:
        _read_api_channel(page, acc, ctx.ref)
    for page in pages:
        _read_microformat(page, acc)
    ref_id = ctx.ref.handle if ctx.ref and re.fullmatch(CHANNEL_ID_RE, ctx.ref.handle) else None
    acc.put("channel_id", ref_id, "the profile asked for")
    acc.put("channel_id", _api_channel_guess(pages), "API items[].snippet.channelId (most common)")
    channel_id = acc.values.get("channel_id")
    for page in pages:
        _read_page_videos(page, acc, ctx, channel_id)
        _read_api_videos(page, acc, ctx, channel_id)
    # Fallbacks: DOM of a rendered page, then meta tags.
    for page in pages:
        if not page.data:
            _read_dom(page, acc, ctx)
    for page in pages:
        _read_meta(page, acc)
    return _assemble(pages, acc, ctx)


def _assemble(pages: Sequence[_Page], acc: _Acc, ctx: ExtractContext) -> Profile:
    v = acc.values
    handle, handle_source = _handle(acc, ctx.ref)
    posts = sorted(
        acc.posts.values(),
        key=lambda p: (p.created_at is not None, p.created_at or ctx.captured_at),
        reverse=True,
    )
    used = [p for p in pages if p.index in acc.used]
    has_data = bool(v.get("channel_id") or v.get("display_name") or posts)
    capture = CaptureInfo(
        url=ctx.ref.url if ctx.ref else None,
        final_url=used[0].doc.url if used else (pages[0].doc.url if pages else None),
        http_status=used[0].doc.status if used else (pages[0].doc.status if pages else None),
        captured_at=ctx.captured_at,
        input_kind=input_kind([p.doc for p in pages]),
        inputs=[input_doc(p.doc) for p in used or pages],
        warnings=list(acc.warnings),
    )
    if not has_data:
        outcome, reason = _worst(acc.signals) or (
            Outcome.ERROR,
            "no YouTube channel data found in the documents (not a YouTube channel page?)",
        )
        capture.outcome, capture.reason = outcome, reason
        capture.warnings.append(f"nothing usable was read: {reason}")
    else:
        for outcome, reason in acc.signals:
            capture.warnings.append(f"{outcome.value}: {reason}")
    sources = {k: s for k, s in acc.sources.items() if k in _FIELD_SOURCES}
    sources = {_FIELD_SOURCES[k]: s for k, s in sources.items()}
    if handle_source:
        sources["handle"] = handle_source
    if acc.post_sources:
        sources["posts"] = "; ".join(f"{s} x{n}" for s, n in acc.post_sources.items())
    bio = v.get("bio")
    email = _EMAIL.search(bio) if isinstance(bio, str) else None
    contact = None
    if email or v.get("contact_button"):
        contact = Contact(
            email=email.group(0) if email else None,
            has_contact_button=True if v.get("contact_button") else None,
        )
        if email:
            sources["contact"] = f"{acc.sources.get('bio')} (email in the description)"
    profile = Profile(
        platform=Platform.YOUTUBE,
        handle=handle,
        url=profile_url(handle) if handle else (ctx.ref.url if ctx.ref else None),
        display_name=v.get("display_name"),
        bio=bio,
        links=acc.links,
        location=Place(country=v["country"]) if v.get("country") else None,
        avatar=_avatar(v.get("avatar")),
        contact=contact,
        is_verified=True if v.get("verified") else (False if acc.header_read else None),
        counts=Counts(followers=v.get("followers"), posts=v.get("video_count")),
        posts=posts,
        search_keywords=v.get("search_keywords") or [],
        capture=capture,
        sources=sources,
    )
    profile.not_observed.update(_not_observed(pages, acc, posts))
    return profile


def _not_observed(pages: Sequence[_Page], acc: _Acc, posts: list[Post]) -> dict[str, str]:
    """What these documents cannot show, so checks say `na` with why instead of failing."""
    out = {
        "alt_text": "YouTube videos have no alt text",
        "category": "YouTube channels have no business category",
    }
    if not any(p.api_kind == "youtube#videoListResponse" for p in pages):
        out["geotags"] = (
            "channel pages do not show where a video was recorded; only the Data API's "
            "videos.list recordingDetails does"
        )
    if not acc.about_read and "country" not in acc.values:
        out["location"] = "the channel's country is only in its About panel, which was not captured"
    if not acc.about_read and "contact_button" not in acc.values:
        out["contact"] = "the business-email button is only in the About panel, not captured"
    grids = ("richGridRenderer", "gridRenderer")
    listed = any(_API_VIDEO_KINDS.get(p.api_kind or "") for p in pages) or any(
        isinstance(node, dict) and any(g in node for g in grids)
        for p in pages
        if isinstance(p.data, dict)
        for node in walk(p.data)
    )
    if not posts and not listed:  # an empty /videos grid is an observed "no videos"
        out["posts"] = "no video list was captured (the /videos tab or a Data API list)"
    tabs = _tabs(pages)
    if (
        any(path.endswith("/shorts") and not selected for path, selected in tabs)
        and not any(path.endswith("/shorts") and selected for path, selected in tabs)
        and not any(p.short_video for p in posts)
    ):
        out["short_video"] = out["timeline"] = (
            "the channel has a Shorts tab, but only its long-form videos were captured, so "
            "its Shorts are not counted (capture the channel's /shorts tab too)"
        )
    return out


def _tabs(pages: Sequence[_Page]) -> list[tuple[str, bool]]:
    """The channel tabs the pages list, as (URL path, shown in this page). YouTube lists a
    Shorts tab only for a channel that has Shorts."""
    out = []
    for page in pages:
        if not isinstance(page.data, dict):
            continue
        for node in walk(page.data):
            tab = node.get("tabRenderer") if isinstance(node, dict) else None
            if not isinstance(tab, dict):
                continue
            path = dig(tab, "endpoint", "commandMetadata", "webCommandMetadata", "url")
            if not isinstance(path, str):  # a tab without its link: its title names it
                path = "/" + str(tab.get("title") or "")
            out.append((path.rstrip("/").lower(), tab.get("selected") is True))
    return out


_FIELD_SOURCES = {
    "display_name": "display_name",
    "bio": "bio",
    "avatar": "avatar",
    "links": "links",
    "country": "location",
    "verified": "is_verified",
    "followers": "counts.followers",
    "video_count": "counts.posts",
    "search_keywords": "search_keywords",
}

_SEVERITY = [Outcome.NOT_FOUND, Outcome.PRIVATE, Outcome.LOGIN_WALL, Outcome.BLOCKED, Outcome.ERROR]


def _worst(signals: list[tuple[Outcome, str]]) -> tuple[Outcome, str] | None:
    for outcome in _SEVERITY:
        for found, reason in signals:
            if found is outcome:
                return found, reason
    return None


SPEC = PlatformSpec(
    platform=Platform.YOUTUBE,
    hosts=HOSTS,
    match_url=match_url,
    normalize_handle=normalize_handle,
    profile_url=profile_url,
    capture_plan=capture_plan,
    extract=extract,
)
