"""TikTok: URL patterns, capture plan and extraction.

What a logged-out visitor gets, most reliable first:
1. platform JSON: the profile page's `<script id="__UNIVERSAL_DATA_FOR_REHYDRATION__">`
   (`__DEFAULT_SCOPE__["webapp.user-detail"].userInfo` = {user, stats}; a video page has
   `webapp.video-detail.itemInfo.itemStruct`), the older `SIGI_STATE` (UserModule /
   ItemModule, 2021-2023) and `__NEXT_DATA__` (2020) blobs, and the page's own XHRs kept in
   the HAR: `/api/post/item_list/` (the videos: desc, createTime, textExtra hashtags, poi
   location tags, photo-mode images) and `/api/user/detail/`;
2. DOM selectors (`data-e2e` attributes) of a rendered page;
3. OpenGraph / meta tags ("Name (@handle) | TikTok").
The profile page itself carries no videos since 2023: they come from the item_list XHR.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any
from urllib.parse import quote, urlsplit

from bs4 import BeautifulSoup

from audit.alttext import classify_alt
from audit.dates import from_timestamp
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
    Shop,
)
from audit.patterns import EMAIL, TITLE_MAX
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
from audit.platforms.generic import embedded_json, meta_tags, script_json_by_id, soup_of
from audit.platforms.urls import host_matches, segment_matcher, validate_handle
from audit.text import extract_hashtags, normalize_space

__all__ = ["SPEC", "capture_plan", "extract", "normalize_handle", "profile_url"]

HOSTS = ("tiktok.com",)


def normalize_handle(text: str) -> str:
    return validate_handle(
        text,
        r"[A-Za-z0-9._]{2,24}",
        "TikTok username (2-24 letters, digits, . and _)",
        "tiktok:@bluedoorbakery",
    ).lower()


def profile_url(handle: str) -> str:
    return f"https://www.tiktok.com/@{handle}"


# --------------------------------------------------------------------------- capture

ITEM_LIST_URL = "https://www.tiktok.com/api/post/item_list/"


def capture_plan(ref: ProfileRef) -> CapturePlan:
    """Load the profile page; its hydration script holds the profile and the page fetches
    the videos itself (`/api/post/item_list/`, signed by TikTok's own script), so waiting for
    the post grid lets that XHR land in the HAR. When it did not, `follow` asks the page to
    fetch the first page of videos from inside (the page's fetch wrapper signs it)."""
    return CapturePlan(
        steps=[Step("goto", f"{profile_url(ref.handle)}?lang=en", wait_for=_POST_GRID)],
        follow=_follow_item_list,
        note="TikTok: profile page + its /api/post/item_list/ XHR",
    )


_POST_GRID = '[data-e2e="user-post-item"], [data-e2e="user-post-item-list"]'


def _follow_item_list(docs: Sequence[Document]) -> Sequence[Step]:
    """One optional in-page fetch of the first 35 videos, only when the profile was read
    (a secUid is known), it is public and no item_list response was captured."""
    pages = [_Page(doc, i) for i, doc in enumerate(docs)]
    if any(_is_item_list_url(d.url) for d in docs) or any(_items(p) for p in pages):
        return []
    for page in pages:
        for user, _stats in _user_infos(page):
            sec_uid = user.get("secUid")
            if user.get("privateAccount") or not isinstance(sec_uid, str) or not sec_uid:
                continue
            url = f"{ITEM_LIST_URL}?aid=1988&count=35&cursor=0&secUid={quote(sec_uid)}"
            return [Step("fetch", url, headers={"Accept": "application/json"}, optional=True)]
    return []


def _is_item_list_url(url: str | None) -> bool:
    return bool(url and "/api/post/item_list" in url)


# --------------------------------------------------------------------------- documents

_EMAIL = EMAIL  # audit.patterns: linear on any text
_DEFAULT_AVATAR = ("1594805258216454", "/musically-maliva-obj/1645136815763462")
_AVATAR_SIZE = re.compile(r"(?:~c5_|cropcenter:|resize:)(\d{2,4})[x:](\d{2,4})")
_STATUS = {
    10202: (Outcome.NOT_FOUND, "TikTok says this account does not exist (statusCode 10202)"),
    10221: (Outcome.NOT_FOUND, "TikTok says this account is banned or gone (statusCode 10221)"),
    10223: (Outcome.NOT_FOUND, "TikTok says this account is unavailable (statusCode 10223)"),
    10222: (Outcome.PRIVATE, "This account is private (statusCode 10222)"),
    10000: (Outcome.BLOCKED, "TikTok asked for a verification (statusCode 10000)"),
}


@dataclass
class _Page:
    """One document, parsed once."""

    doc: Document
    index: int

    @cached_property
    def soup(self) -> BeautifulSoup | None:
        return soup_of(self.doc.text) if self.doc.kind == "html" else None

    @cached_property
    def blobs(self) -> list[tuple[str, Any]]:
        """(name, JSON) of every TikTok data blob in the document."""
        if self.doc.kind == "json":
            return [("json", self.doc.data)] if self.doc.data is not None else []
        if self.soup is None:
            return []
        found: list[tuple[str, Any]] = []
        for script_id in ("__UNIVERSAL_DATA_FOR_REHYDRATION__", "SIGI_STATE", "__NEXT_DATA__"):
            data = script_json_by_id(self.soup, script_id)
            if data is not None:
                found.append((script_id, data))
        if not found:
            for name in ("window['SIGI_STATE']", 'window["SIGI_STATE"]', "SIGI_STATE"):
                data = embedded_json(self.doc.text, name)
                if data is not None:
                    found.append(("SIGI_STATE", data))
                    break
        return found

    @property
    def label(self) -> str:
        return self.doc.label

    @cached_property
    def is_tiktok_html(self) -> bool:
        if self.soup is None:
            return False
        if host_matches(urlsplit(self.doc.url or ""), HOSTS) or self.blobs:
            return True
        meta = meta_tags(self.soup)
        return "tiktok" in (meta.get("og:site_name", "") + meta.get("og:url", "")).lower()


def _user_infos(page: _Page) -> Iterable[tuple[dict[str, Any], dict[str, Any]]]:
    """(user, stats) pairs: hydration userInfo, /api/user/detail, SIGI_STATE UserModule,
    __NEXT_DATA__ pageProps.userInfo, or a saved list of userInfo objects."""
    for _name, data in page.blobs:
        for node in walk(data):
            if not isinstance(node, dict):
                continue
            user = node.get("user")
            if isinstance(user, dict) and isinstance(user.get("uniqueId"), str):
                stats = node.get("stats") if isinstance(node.get("stats"), dict) else {}
                yield user, stats or dig(node, "statsV2", default={})
            module = node.get("UserModule")
            if isinstance(module, dict):
                for key, muser in (as_dict(module.get("users"))).items():
                    if isinstance(muser, dict) and muser.get("uniqueId"):
                        yield muser, dig(module, "stats", key, default={})


def _is_item(node: Any) -> bool:
    return (
        isinstance(node, dict)
        and "createTime" in node
        and ("desc" in node or "video" in node or "imagePost" in node)
        and "uniqueId" not in node
        and isinstance(node.get("id"), (str, int))
    )


def _items(page: _Page) -> list[dict[str, Any]]:
    """Videos in the document: item_list `itemList`, video-detail `itemStruct`,
    SIGI_STATE `ItemModule`, __NEXT_DATA__ `items`, or a saved list of items."""
    out: list[dict[str, Any]] = []
    for _name, data in page.blobs:
        if isinstance(data, list) and all(_is_item(x) for x in data) and data:
            out.extend(data)
            continue
        for node in walk(data):
            if not isinstance(node, dict):
                continue
            for key in ("itemList", "items"):
                value = node.get(key)
                if isinstance(value, list):
                    out.extend(x for x in value if _is_item(x))
            if _is_item(node.get("itemStruct")):
                out.append(node["itemStruct"])
            module = node.get("ItemModule")
            if isinstance(module, dict):
                out.extend(x for x in module.values() if _is_item(x))
    return out


def _status_codes(page: _Page) -> list[int]:
    codes: list[int] = []
    for _name, data in page.blobs:
        for node in walk(data):
            if not isinstance(node, dict):
                continue
            if node is not data and not {"statusMsg", "userInfo", "itemInfo", "itemList"} & set(
                node
            ):
                continue  # only a response's or a scope's own status, not a nested field
            for key in ("statusCode", "status_code"):
                code = node.get(key)
                if isinstance(code, int) and code:
                    codes.append(code)
    return codes


def _outcome_signals(page: _Page) -> list[tuple[Outcome, str]]:
    out: list[tuple[Outcome, str]] = []
    for code in _status_codes(page):
        out.append(_STATUS.get(code, (Outcome.ERROR, f"TikTok answered statusCode {code}")))
    if page.doc.kind != "html":
        return out
    text, url = page.doc.text, page.doc.url or ""
    if re.search(r"Couldn.t find this account", text):
        out.append((Outcome.NOT_FOUND, "TikTok shows: Couldn't find this account"))
    if re.search(r"This account is private", text) and not page.blobs:
        out.append((Outcome.PRIVATE, "TikTok shows: This account is private"))
    if (
        re.search(r"captcha[-_]?(verify|container)|id=\"captcha|Verify to continue", text, re.I)
        or "SlardarWAF" in text
    ):
        out.append((Outcome.BLOCKED, "TikTok showed a captcha / verification page"))
    if "/login" in urlsplit(url).path or (
        not page.blobs and re.search(r"Log in to TikTok|loginContainer", text)
    ):
        out.append(
            (
                Outcome.LOGIN_WALL,
                "TikTok asked to log in before showing this profile; "
                "capture with --storage-state or import a HAR from your own browser",
            )
        )
    if page.doc.status == 404 and not out:
        out.append((Outcome.NOT_FOUND, f"{page.label} answered 404"))
    return out


# --------------------------------------------------------------------------- accumulation


def _flag(value: Any) -> bool | None:
    return value if isinstance(value, bool) else None


def _text_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) else None


# What each accumulated field must be: a value of another type (a damaged or forged page's)
# is not that field, so it is never stored, whichever reading found it.
_FIELD_TYPES: dict[str, Callable[[Any], Any]] = {
    "handle": clean_str,
    "sec_uid": clean_str,
    "display_name": _text_or_none,
    "bio": _text_or_none,
    "category": clean_str,
    "link": clean_str,
    "avatar": lambda v: v if isinstance(v, Avatar) else None,
    "followers": int_or_none,
    "following": int_or_none,
    "video_count": int_or_none,
    "business": _flag,
    "private": _flag,
    "verified": _flag,
    "seller": _flag,
}


@dataclass
class _Acc:
    values: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    posts: dict[str, Post] = field(default_factory=dict)
    post_sources: dict[str, int] = field(default_factory=dict)
    used: set[int] = field(default_factory=set)
    json_user: bool = False  # the profile itself was read from TikTok's JSON

    def put(self, name: str, value: Any, source: str) -> None:
        if name in self.values:
            return
        value = _FIELD_TYPES[name](value)
        if first(value) is None:
            return
        self.values[name] = value
        self.sources[name] = source

    def add_post(self, post: Post, source: str) -> None:
        self.post_sources[source] = self.post_sources.get(source, 0) + 1
        known = self.posts.get(post.id)
        if known is None:
            self.posts[post.id] = post
            return
        self.posts[post.id] = known.model_copy(
            update={
                "caption": max((known.caption or "", post.caption or ""), key=len) or None,
                "hashtags": known.hashtags or post.hashtags,
                "media": known.media or post.media,
                "location": known.location or post.location,
                "created_at": known.created_at or post.created_at,
                "is_repost": known.is_repost and post.is_repost,
            }
        )


def _avatar_of(user: dict[str, Any]) -> Avatar | None:
    for key in ("avatarLarger", "avatarMedium", "avatarThumb"):
        url = user.get(key)
        if isinstance(url, str) and url:
            m = _AVATAR_SIZE.search(url)
            size = {"avatarLarger": 1080, "avatarMedium": 720, "avatarThumb": 100}[key]
            return Avatar(
                url=url,
                width=int(m.group(1)) if m else size,
                height=int(m.group(2)) if m else size,
                is_default=any(marker in url for marker in _DEFAULT_AVATAR),
            )
    return None


def _bio_link(user: dict[str, Any]) -> str | None:
    link = first(dig(user, "bioLink", "link"), user.get("bioLink"))
    if not isinstance(link, str) or not link.strip():
        return None
    link = link.strip()
    return link if re.match(r"^https?://", link, re.I) else f"https://{link}"


def _read_user(page: _Page, acc: _Acc, want: str | None) -> None:
    for user, stats in _user_infos(page):
        handle = str(user.get("uniqueId") or "")
        if want and handle.lower() != want.lower():
            continue
        src = f"{page.label}: userInfo.user"
        acc.used.add(page.index)
        acc.json_user = True
        acc.put("handle", handle, f"{src}.uniqueId")
        acc.put("display_name", user.get("nickname"), f"{src}.nickname")
        acc.put("bio", normalize_space(user.get("signature")), f"{src}.signature")
        acc.put("link", _bio_link(user), f"{src}.bioLink.link")
        acc.put("avatar", _avatar_of(user), f"{src}.avatarLarger")
        acc.put("verified", user.get("verified"), f"{src}.verified")
        private = user.get("privateAccount")
        acc.put("private", bool(private or user.get("secret")), f"{src}.privateAccount")
        commerce = as_dict(user.get("commerceUserInfo"))
        if isinstance(commerce, dict) and "commerceUser" in commerce:
            acc.put("business", bool(commerce.get("commerceUser")), f"{src}.commerceUserInfo")
            acc.put("category", commerce.get("category"), f"{src}.commerceUserInfo.category")
        if isinstance(user.get("ttSeller"), bool):  # a TikTok Shop seller (showcase)
            acc.put("seller", user["ttSeller"], f"{src}.ttSeller")
        acc.put("sec_uid", user.get("secUid"), f"{src}.secUid")
        ssrc = f"{page.label}: userInfo.stats"
        acc.put("followers", stats.get("followerCount"), f"{ssrc}.followerCount")
        acc.put("following", stats.get("followingCount"), f"{ssrc}.followingCount")
        acc.put("video_count", stats.get("videoCount"), f"{ssrc}.videoCount")


# --------------------------------------------------------------------------- posts


def _hashtags(item: dict[str, Any], caption: str | None) -> list[str]:
    """`textExtra[].hashtagName` (item and contents[]), `challenges[].title`, then any left
    in the caption; first spelling wins."""
    names: list[str] = []
    extras = list(as_list(item.get("textExtra")))
    for content in as_list(item.get("contents")):
        extras.extend(as_list(dig(content, "textExtra")))
    names.extend(str(x.get("hashtagName")) for x in extras if isinstance(x, dict))
    names.extend(
        str(c.get("title")) for c in as_list(item.get("challenges")) if isinstance(c, dict)
    )
    names.extend(extract_hashtags(caption))
    out: list[str] = []
    for name in names:
        name = name.strip().lstrip("#")
        if name and name != "None" and name.casefold() not in {n.casefold() for n in out}:
            out.append(name)
    return out


def _location(item: dict[str, Any]) -> Place | None:
    """A location tag (`poi`) the owner added; `locationCreated` alone is only the region
    the app was in, not a tag, so it does not make a post geotagged."""
    poi = item.get("poi") or item.get("poiInfo")
    name = first(clean_str(dig(poi, "name")), clean_str(dig(poi, "poiName")))
    if not isinstance(poi, dict) or not name:
        return None
    lat, lon = poi.get("latitude") or poi.get("lat"), poi.get("longitude") or poi.get("lng")
    return Place(
        name=name,
        address=first(clean_str(poi.get("address")), clean_str(poi.get("poiAddress"))),
        city=first(clean_str(poi.get("city")), clean_str(poi.get("cityName"))),
        country=first(
            clean_str(poi.get("country")),
            clean_str(poi.get("countryCode")),
            clean_str(item.get("locationCreated")),
        ),
        lat=float(lat) if isinstance(lat, (int, float, str)) and _is_number(lat) else None,
        lon=float(lon) if isinstance(lon, (int, float, str)) and _is_number(lon) else None,
    )


def _is_number(value: Any) -> bool:
    """A coordinate: a finite number within +-180 ('nan' and '1e999' parse as floats)."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return False
    return math.isfinite(number) and abs(number) <= 180


def _media(item: dict[str, Any]) -> list[Media]:
    """Photo-mode posts: one image each, with the alt text when TikTok gives one; videos:
    the cover (TikTok has no alt text for videos)."""
    images = dig(item, "imagePost", "images", default=[])
    out: list[Media] = []
    for image in images if isinstance(images, list) else []:
        url = first(dig(image, "imageURL", "urlList", 0), dig(image, "displayImage", "urlList", 0))
        alt = first(image.get("alt"), image.get("altText"), image.get("accessibilityText"))
        out.append(
            Media(
                kind="image",
                url=url,
                alt_text=alt,
                alt_source=classify_alt(alt),
                width=image.get("imageWidth"),
                height=image.get("imageHeight"),
            )
        )
    if out:
        return out
    video = item.get("video")
    if isinstance(video, dict):
        cover = first(video.get("cover"), video.get("originCover"), video.get("dynamicCover"))
        width, height = video.get("width"), video.get("height")
        return [
            Media(
                kind="video",
                url=cover if isinstance(cover, str) else None,
                width=width if isinstance(width, int) and width else None,
                height=height if isinstance(height, int) and height else None,
            )
        ]
    return [Media(kind="video")]


def _post(item: dict[str, Any], handle: str | None, *, repost: bool) -> Post:
    post_id = str(item.get("id"))
    caption = first(item.get("desc"), dig(item, "contents", 0, "desc"))
    caption = normalize_space(caption) if isinstance(caption, str) else None
    created = from_timestamp(item.get("createTime"))
    approx = False
    id_number = int_or_none(post_id)
    if created is None and id_number:  # the id's high 32 bits: upload time
        created, approx = from_timestamp(id_number >> 32), True
    author = first(dig(item, "author", "uniqueId"), item.get("author"))
    author = author if isinstance(author, str) else None
    owner = author or handle
    kind = "photo" if dig(item, "imagePost", "images") else "video"
    return Post(
        id=post_id,
        url=f"https://www.tiktok.com/@{owner}/{kind}/{post_id}" if owner else None,
        created_at=created,
        created_at_approx=approx,
        caption=caption,
        hashtags=_hashtags(item, caption),
        media=_media(item),
        location=_location(item),
        is_repost=repost or bool(author and handle and author.lower() != handle.lower()),
        short_video=kind == "video",  # every TikTok video is short-form; photo posts are not
    )


def _read_items(page: _Page, acc: _Acc, handle: str | None) -> None:
    repost = "/api/repost/item_list" in (page.doc.url or "")
    for item in _items(page):
        acc.used.add(page.index)
        acc.add_post(_post(item, handle, repost=repost), f"{page.label}: itemList[]")
        author = item.get("author")
        same = (
            isinstance(author, dict)
            and str(author.get("uniqueId") or "").lower() == (handle or "").lower()
        )
        if isinstance(author, dict) and (not handle or same):
            src = f"{page.label}: itemStruct.author"
            acc.put("handle", author.get("uniqueId"), f"{src}.uniqueId")
            acc.put("display_name", author.get("nickname"), f"{src}.nickname")
            acc.put("bio", normalize_space(author.get("signature")), f"{src}.signature")
            acc.put("avatar", _avatar_of(author), f"{src}.avatarLarger")
            acc.put("verified", author.get("verified"), f"{src}.verified")


# --------------------------------------------------------------------------- DOM and meta

_COUNT = re.compile(r"([\d.,]+)\s*([KMB])?", re.IGNORECASE)


def _count(text: str | None) -> int | None:
    """'2.6M', '44.6K', '1,234' as TikTok's page shows them."""
    m = _COUNT.search(text or "")
    if not m:
        return None
    number, suffix = m.group(1).replace(",", ""), (m.group(2) or "").upper()
    return scaled_count(number, {"": 1, "K": 1e3, "M": 1e6, "B": 1e9}[suffix])


def _read_dom(page: _Page, acc: _Acc) -> None:
    soup = page.soup
    if soup is None or not page.is_tiktok_html:
        return
    src = f"{page.label}: DOM"

    def text_of(selector: str) -> str | None:
        el = soup.select_one(selector)
        return normalize_space(el.get_text(" ")) if el is not None else None

    before = len(acc.values)
    acc.put("handle", (text_of('[data-e2e="user-title"]') or "").lstrip("@"), f"{src} user-title")
    acc.put("display_name", text_of('[data-e2e="user-subtitle"]'), f"{src} user-subtitle")
    acc.put("bio", text_of('[data-e2e="user-bio"]'), f"{src} user-bio")
    link = text_of('[data-e2e="user-link"]')
    acc.put("link", f"https://{link}" if link and "://" not in link else link, f"{src} user-link")
    for field_name, e2e in (
        ("followers", "followers-count"),
        ("following", "following-count"),
    ):
        acc.put(field_name, _count(text_of(f'[data-e2e="{e2e}"]')), f"{src} {e2e}")
    for tile in soup.select('[data-e2e="user-post-item"]'):
        anchor = tile.select_one('a[href*="/video/"], a[href*="/photo/"]')
        m = re.search(r"/(video|photo)/(\d+)", str(anchor.get("href")) if anchor else "")
        if not m:
            continue
        img = tile.select_one("img")
        alt = str(img.get("alt") or "") if img is not None else ""
        post_id = m.group(2)
        acc.add_post(
            Post(
                id=post_id,
                url=f"https://www.tiktok.com{urlsplit(str(anchor.get('href'))).path}"
                if anchor
                else None,
                created_at=from_timestamp(int(post_id) >> 32),
                created_at_approx=True,
                caption=None,
                media=[Media(kind="image" if m.group(1) == "photo" else "video")],
                short_video=m.group(1) == "video",
            ),
            f"{src} user-post-item",
        )
        if alt:  # the grid's alt is TikTok's "<caption> created by <name> with <sound>"
            caption = re.split(r"(?<!\s)\s+created by\s+", alt)[0].strip()
            post = acc.posts[post_id]
            if not post.caption and caption:
                acc.posts[post_id] = post.model_copy(
                    update={"caption": caption, "hashtags": extract_hashtags(caption)}
                )
    if len(acc.values) > before or acc.posts:
        acc.used.add(page.index)


def _read_meta(page: _Page, acc: _Acc) -> None:
    """og:title 'Name (@handle) | TikTok'; og:description 'Name (@handle) on TikTok |
    44.6M Likes. 2.6M Followers. <bio>.Watch the latest video from Name (@handle).'"""
    soup = page.soup
    if soup is None or not page.is_tiktok_html:
        return
    meta = meta_tags(soup)
    src = f"{page.label}: meta"
    title = first(meta.get("og:title"), meta.get("twitter:title"), soup.title and soup.title.string)
    m = re.match(r"^\s*(?!\s)((?:.*?\S)?)\s*\(@([\w.]+)\)", (title or "")[:TITLE_MAX])
    if m:
        acc.used.add(page.index)
        acc.put("display_name", m.group(1) or None, f"{src} og:title")
        acc.put("handle", m.group(2), f"{src} og:title")
    description = first(meta.get("og:description"), meta.get("description")) or ""
    followers = re.search(r"(?<![\d.,])([\d.,]+[KMB]?)\s+Followers", description, re.I)
    acc.put("followers", _count(followers.group(1)) if followers else None, f"{src} description")
    bio = re.search(r"Followers\.\s*(.*?)\.?\s*Watch the latest video", description, re.S)
    acc.put("bio", normalize_space(bio.group(1)) if bio else None, f"{src} description")
    if meta.get("og:image") and m:
        acc.put("avatar", Avatar(url=meta["og:image"]), f"{src} og:image")


# --------------------------------------------------------------------------- assembly


_SEVERITY = [
    Outcome.NOT_FOUND,
    Outcome.PRIVATE,
    Outcome.LOGIN_WALL,
    Outcome.BLOCKED,
    Outcome.ERROR,
]

_FIELD_SOURCES = {
    "handle": "handle",
    "display_name": "display_name",
    "bio": "bio",
    "link": "links",
    "avatar": "avatar",
    "verified": "is_verified",
    "private": "is_private",
    "business": "is_business",
    "seller": "shop",
    "category": "category",
    "followers": "counts.followers",
    "following": "counts.following",
    "video_count": "counts.posts",
}


def extract(docs: Sequence[Document], ctx: ExtractContext) -> Profile:
    """The profile these documents show: hydration + item_list XHRs + API bodies merged."""
    pages = [_Page(doc, i) for i, doc in enumerate(docs)]
    acc = _Acc()
    signals = [s for page in pages for s in _outcome_signals(page)]
    want = ctx.ref.handle if ctx.ref else None
    for page in pages:
        _read_user(page, acc, want)
    if "handle" not in acc.values:  # the asked-for name may be spelled differently
        for page in pages:
            _read_user(page, acc, None)
    handle = acc.values.get("handle") or want
    for page in pages:
        _read_items(page, acc, handle)
    for page in pages:
        if not page.blobs:
            _read_dom(page, acc)
    for page in pages:
        _read_meta(page, acc)
    return _assemble(pages, acc, signals, ctx)


def _assemble(
    pages: Sequence[_Page], acc: _Acc, signals: list[tuple[Outcome, str]], ctx: ExtractContext
) -> Profile:
    v = acc.values
    handle = str(v.get("handle") or (ctx.ref.handle if ctx.ref else ""))
    used = [p for p in pages if p.index in acc.used]
    has_profile = bool(v.get("display_name") or v.get("bio") or v.get("followers") is not None)
    has_data = has_profile or bool(acc.posts)
    capture = CaptureInfo(
        url=ctx.ref.url if ctx.ref else None,
        final_url=used[0].doc.url if used else (pages[0].doc.url if pages else None),
        http_status=used[0].doc.status if used else (pages[0].doc.status if pages else None),
        captured_at=ctx.captured_at,
        input_kind=input_kind([p.doc for p in pages]),
        inputs=[input_doc(p.doc) for p in used or pages],
    )
    worst = next((s for o in _SEVERITY for s in signals if s[0] is o), None)
    if worst and worst[0] in (Outcome.NOT_FOUND, Outcome.PRIVATE) and not acc.json_user:
        has_profile = has_data = bool(acc.posts)  # meta tags of an error page are not a profile
    if v.get("private"):
        capture.outcome = Outcome.PRIVATE
        capture.reason = "This account is private: TikTok shows its name and bio, not its videos"
    elif not has_data:
        capture.outcome, capture.reason = worst or (
            Outcome.ERROR,
            "no TikTok profile data found in the documents (not a TikTok profile page?)",
        )
        capture.warnings.append(f"nothing usable was read: {capture.reason}")
    else:
        capture.warnings.extend(f"{o.value}: {r}" for o, r in signals)
    if has_data and not acc.posts and not v.get("private"):
        capture.warnings.append(
            "no videos were captured: TikTok loads them through /api/post/item_list/, "
            "which was not in the input"
        )
    sources = {_FIELD_SOURCES[k]: s for k, s in acc.sources.items() if k in _FIELD_SOURCES}
    if acc.post_sources:
        sources["posts"] = "; ".join(f"{s} x{n}" for s, n in acc.post_sources.items())
    bio = v.get("bio")
    email = _EMAIL.search(bio) if isinstance(bio, str) else None
    if email:
        sources["contact"] = f"{acc.sources.get('bio')} (email in the bio)"
    posts = sorted(
        acc.posts.values(),
        key=lambda p: (p.created_at is not None, p.created_at or ctx.captured_at),
        reverse=True,
    )
    profile = Profile(
        platform=Platform.TIKTOK,
        handle=handle,
        url=profile_url(handle) if handle else None,
        display_name=v.get("display_name"),
        bio=bio,
        category=v.get("category"),
        links=[Link(url=v["link"])] if v.get("link") else [],
        avatar=v.get("avatar"),
        contact=Contact(email=email.group(0)) if email else None,
        is_business=v.get("business"),
        is_private=v.get("private"),
        is_verified=v.get("verified"),
        counts=Counts(
            followers=v.get("followers"),
            following=v.get("following"),
            posts=v.get("video_count"),
        ),
        posts=posts,
        shop=Shop(surfaces=["TikTok Shop seller"] if v["seller"] else [])
        if "seller" in v
        else None,
        capture=capture,
        sources=sources,
    )
    profile.not_observed.update(_not_observed(acc, posts))
    return profile


def _not_observed(acc: _Acc, posts: list[Post]) -> dict[str, str]:
    """What these documents cannot show, so checks say `na` with why instead of failing."""
    out = {
        "alt_text": "TikTok has no alt text field for videos",
        "location": "TikTok profiles have no public location field",
    }
    if not posts and not acc.values.get("private"):
        out["posts"] = "TikTok's videos come from /api/post/item_list/, which was not captured"
    if posts and all(" DOM " in s for s in acc.post_sources):
        out["geotags"] = "the rendered post grid shows no location tags"
    return out


SPEC = PlatformSpec(
    platform=Platform.TIKTOK,
    hosts=HOSTS,
    match_url=segment_matcher(HOSTS, normalize_handle, at_sign=True),
    normalize_handle=normalize_handle,
    profile_url=profile_url,
    capture_plan=capture_plan,
    extract=extract,
)
