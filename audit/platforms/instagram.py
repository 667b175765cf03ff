"""Instagram: URL patterns, capture plan and extraction.

Instagram shows the same account through many surfaces, and a capture may hold any mix:
the web app's `web_profile_info` XHR (the logged-out profile page itself carries only meta
tags since ~2022), the 2017-2021 `window._sharedData` page, logged-in timeline XHRs from a
user's own HAR, single-post pages and `shortcode_media` JSON, the Graph API (business
discovery, IG user, media pages, Basic Display) and the private app API's `users/{id}/info`.
`extract` reads every document, ranks what it found by how reliable the surface is (platform
JSON before meta tags), and merges it into one Profile, first reliable value wins per field.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import quote, urlsplit

from audit.alttext import classify_alt
from audit.dates import from_timestamp, parse_iso, resolve_relative
from audit.documents import Document, parse_json
from audit.model import (
    Avatar,
    Contact,
    Link,
    Media,
    MediaKind,
    Outcome,
    Place,
    Platform,
    Post,
    Profile,
    ProfileRef,
)
from audit.patterns import TITLE_MAX
from audit.platforms.base import (
    CapturePlan,
    ExtractContext,
    PlatformSpec,
    Step,
    capture_info,
    clean_str,
    dig,
    first,
    int_or_none,
    profile_from_values,
    scaled_count,
)
from audit.platforms.generic import embedded_json, json_ld, meta_tags, soup_of
from audit.platforms.urls import segment_matcher, validate_handle
from audit.text import extract_hashtags, normalize_space

__all__ = [
    "APP_ID",
    "DEFAULT_AVATAR_MARKERS",
    "SPEC",
    "capture_plan",
    "extract",
    "match_url",
    "normalize_handle",
    "profile_url",
    "web_profile_info_url",
]

HOSTS = ("instagram.com", "instagr.am")
_RESERVED = frozenset(
    {
        "p",
        "reel",
        "reels",
        "tv",
        "explore",
        "accounts",
        "stories",
        "direct",
        "about",
        "legal",
        "developer",
        "web",
        "api",
        "graphql",
        "challenge",
        "emails",
    }
)
HANDLE_RE = r"[A-Za-z0-9._]{1,30}"


def normalize_handle(text: str) -> str:
    return validate_handle(
        text,
        HANDLE_RE,
        "Instagram username (letters, digits, . and _, up to 30)",
        "instagram:@bluedoorbakery",
    ).lower()


match_url = segment_matcher(HOSTS, normalize_handle, reserved=_RESERVED)


def profile_url(handle: str) -> str:
    return f"https://www.instagram.com/{handle}/"


# --------------------------------------------------------------------------- capture plan

# The app id Instagram's own web app sends with its XHRs; without it the API answers 400.
APP_ID = "936619743392459"


def web_profile_info_url(handle: str) -> str:
    return f"https://www.instagram.com/api/v1/users/web_profile_info/?username={quote(handle)}"


def capture_plan(ref: ProfileRef) -> CapturePlan:
    """The profile page, then the XHR that page would make for its data.

    Logged out, the page's HTML holds only meta tags (name, counts, bio, avatar); posts, links,
    category and contact come from `web_profile_info`. Fetching it from inside the page sends
    the page's own cookies, the way the web app does; when Instagram refuses it (rate limit,
    login required) the meta tags still make a partial profile, so the step is optional.
    """
    return CapturePlan(
        steps=(
            Step(action="goto", url=profile_url(ref.handle), wait_for="main"),
            Step(
                action="fetch",
                url=web_profile_info_url(ref.handle),
                headers={"X-IG-App-ID": APP_ID},
                optional=True,
            ),
        ),
        note="profile page (meta tags) + web_profile_info XHR (user, links, recent posts)",
    )


# --------------------------------------------------------------------------- extraction

# Instagram's anonymous-silhouette avatars: the 2018 file, the late-2024 one, and the
# `ig_cache_key` (base64 of "anonymous_profile_pic") some CDN URLs carry instead.
DEFAULT_AVATAR_MARKERS = (
    "44884218_345707102882519_2446069589734326272_n",
    "464760996_1254146839119862_3605321457742435801_n",
    "YW5vbnltb3VzX3Byb2ZpbGVfcGlj",
)

# How much each surface is trusted; lower wins. Platform JSON first, meta tags last.
_RANK_WEB_USER = 10  # web_profile_info / _sharedData / graphql user
_RANK_APP_USER = 20  # private app API users/{id}/info
_RANK_GRAPH_USER = 30  # Graph API business_discovery / IG user
_RANK_POSTS = 40  # media pages, timelines, single posts
_RANK_POST_OWNER = 50  # the owner block of a single post
_RANK_JSON_LD = 60
_RANK_META = 70
_RANK_POST_META = 80

_OUTCOME_PRIORITY = (
    Outcome.NOT_FOUND,
    Outcome.PRIVATE,
    Outcome.LOGIN_WALL,
    Outcome.BLOCKED,
    Outcome.ERROR,
)


@dataclass
class _Found:
    """What one document (or one part of it) says, before merging."""

    doc: Document
    rank: int
    username: str | None = None
    username_path: str = "username"
    fields: dict[str, tuple[Any, str]] = field(default_factory=dict)  # name -> (value, path)
    posts: list[tuple[Post, str]] = field(default_factory=list)  # (post, path)
    signals: list[tuple[Outcome, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # fields this document's posts cannot show (alt text on Graph API media, geotags on a
    # logged-out post page), so checks say "not observable" instead of "missing"
    not_observed: dict[str, str] = field(default_factory=dict)
    # the format of the account fields, where formats carry different fields (the Graph API
    # has no category or contact options): audit/observable.py declares what each cannot
    fmt: str = "web"

    def put(self, name: str, value: Any, path: str) -> None:
        if name not in self.fields and first(value) is not None:
            self.fields[name] = (value, path)


def extract(docs: Sequence[Document], ctx: ExtractContext) -> Profile:
    """The Instagram profile these documents show; never raises on junk input."""
    found: list[_Found] = []
    for doc in docs:
        try:
            found.extend(_read_document(doc, ctx))
        except Exception as exc:  # a surprise shape must not lose the other documents
            found.append(
                _Found(doc, 999, warnings=[f"{doc.label}: unreadable ({type(exc).__name__})"])
            )
    found.sort(key=lambda f: f.rank)
    return _merge(found, docs, ctx)


# ----------------------------------------------------------------- reading one document


def _read_document(doc: Document, ctx: ExtractContext) -> list[_Found]:
    status_signal = _status_signal(doc)
    if doc.kind == "json":
        out = _read_json(doc, doc.data)
    elif doc.kind == "html":
        out = _read_html(doc, ctx)
    else:
        out = []
    if status_signal and not any(f.fields or f.posts for f in out):
        out.append(_Found(doc, 900, signals=[status_signal]))
    return out


def _status_signal(doc: Document) -> tuple[Outcome, str] | None:
    if doc.status == 404 and _is_instagram_profile_fetch(doc):
        return Outcome.NOT_FOUND, f"Instagram answered 404 for {doc.label}"
    if doc.status == 429:
        return Outcome.BLOCKED, f"Instagram rate-limited the capture (HTTP 429 for {doc.label})"
    return None


def _is_instagram_profile_fetch(doc: Document) -> bool:
    if not doc.url:
        return True
    parts = urlsplit(doc.url)
    return "web_profile_info" in parts.path or match_url(parts) is not None


def _read_json(doc: Document, data: Any) -> list[_Found]:
    if isinstance(data, list):
        return []
    if not isinstance(data, dict):
        return []
    out: list[_Found] = []
    signal = _json_failure(data)
    if signal:
        out.append(_Found(doc, 900, signals=[signal]))
        return out
    # web_profile_info / graphql query / ?__a=1 user: {"data": {"user": ...}}
    for path in (("data", "user"), ("graphql", "user")):
        user = dig(data, *path)
        if isinstance(user, dict):
            out.append(_read_web_user(doc, user, ".".join(path)))
        elif path[0] in data and isinstance(data[path[0]], dict) and path[1] in data[path[0]]:
            out.append(
                _Found(doc, 900, signals=[(Outcome.NOT_FOUND, "Instagram has no such account")])
            )
    # private app API: {"user": {...pk, username...}, "status": "ok"}
    app_user = data.get("user")
    if isinstance(app_user, dict) and ("pk" in app_user or "follower_count" in app_user):
        out.append(_read_app_user(doc, app_user, "user"))
    # Graph API
    if isinstance(data.get("business_discovery"), dict):
        out.append(_read_graph_user(doc, data["business_discovery"], "business_discovery"))
    elif "username" in data and any(
        k in data for k in ("biography", "followers_count", "media_count", "profile_picture_url")
    ):
        out.append(_read_graph_user(doc, data, "$"))
    # media lists: Graph API /media, Basic Display /me/media, hashtag top_media
    if isinstance(data.get("data"), list):
        out.append(_read_graph_media_page(doc, data, "data"))
    # a single post
    media_paths: tuple[tuple[str, ...], ...] = (
        ("graphql", "shortcode_media"),
        ("data", "shortcode_media"),
        ("data", "xdt_shortcode_media"),
        ("shortcode_media",),
    )
    for media_path in media_paths:
        media = dig(data, *media_path)
        if isinstance(media, dict):
            out.extend(_read_single_post(doc, media, ".".join(media_path)))
            break
    # logged-in timelines (a user's own HAR): app-API items, in a list or graphql edges
    out.extend(_read_app_timelines(doc, data))
    return out


def _json_failure(data: dict[str, Any]) -> tuple[Outcome, str] | None:
    """`{"status": "fail", ...}` from the web API, `{"error": {...}}` from the Graph API."""
    if data.get("status") == "fail":
        message = str(data.get("message") or "").strip()
        low = message.lower()
        if "wait a few minutes" in low or data.get("spam") or re.search(r"\brate.?limit", low):
            return Outcome.BLOCKED, f"Instagram refused the request: {message or 'rate limited'}"
        if data.get("checkpoint_url") or "checkpoint" in low or "challenge" in low:
            return Outcome.BLOCKED, f"Instagram asked for a security check: {message}"
        if data.get("require_login") or "login" in low:
            return Outcome.LOGIN_WALL, "Instagram requires a login to show this account"
        if "user" in data and data.get("user") is None:
            return Outcome.NOT_FOUND, "Instagram has no such account"
        return Outcome.ERROR, f"Instagram API failure: {message or 'status fail'}"
    error = data.get("error")
    if isinstance(error, dict) and ("message" in error or "code" in error):
        message = str(error.get("message") or "").strip()
        code = error.get("code")
        if code in (4, 17, 32, 613) or "limit" in message.lower():
            return Outcome.BLOCKED, f"Graph API rate limit: {message}"
        if error.get("error_subcode") == 2207013 or "cannot be found" in message.lower():
            return Outcome.NOT_FOUND, f"Graph API: {message}"
        return Outcome.ERROR, f"Graph API error {code}: {message}"
    return None


# --- web user (web_profile_info, _sharedData, graphql) --------------------------------


def _read_web_user(doc: Document, user: dict[str, Any], base: str) -> _Found:
    p = _Paths(base)
    f = _Found(doc, _RANK_WEB_USER, clean_str(user.get("username")), p("username"))
    f.put("display_name", clean_str(user.get("full_name")), p("full_name"))
    if isinstance(user.get("biography"), str):
        f.fields["bio"] = (user["biography"].strip(), p("biography"))
    category_key = next(
        (
            k
            for k in ("category_name", "business_category_name", "overall_category_name")
            if clean_str(user.get(k))
        ),
        None,
    )
    if category_key:
        f.put("category", clean_str(user[category_key]), p(category_key))
        _note_hidden_category(f, user)
    f.put("links", _links(user.get("bio_links"), user.get("external_url")), p(_links_key(user)))
    f.put("location", _address_place(user.get("business_address_json")), p("business_address_json"))
    if user.get("should_show_public_contacts") is not False:  # hidden contacts are not public
        f.put(
            "contact",
            _contact(user.get("business_email"), user.get("business_phone_number")),
            p("business_email"),
        )
    for name, key in (
        ("is_business", "is_business_account"),
        ("is_private", "is_private"),
        ("is_verified", "is_verified"),
    ):
        if isinstance(user.get(key), bool):
            f.fields[name] = (user[key], p(key))
    pic_key = (
        "profile_pic_url_hd" if clean_str(user.get("profile_pic_url_hd")) else "profile_pic_url"
    )
    f.put("avatar", _avatar(clean_str(user.get(pic_key))), p(pic_key))
    for name, paths in (
        ("followers", (("edge_followed_by", "count"), ("followed_by", "count"))),
        ("following", (("edge_follow", "count"), ("follows", "count"))),
        ("posts_count", (("edge_owner_to_timeline_media", "count"), ("media", "count"))),
    ):
        for path in paths:
            value = int_or_none(dig(user, *path))
            if value is not None:
                f.put(name, value, p(".".join(path)))
                break
    timeline = dig(user, "edge_owner_to_timeline_media", "edges")
    if isinstance(timeline, list):
        for i, edge in enumerate(timeline):
            post = _web_node_post(dig(edge, "node"))
            if post:
                f.posts.append((post, p(f"edge_owner_to_timeline_media.edges[{i}].node")))
    nodes = dig(user, "media", "nodes")  # the 2017 shape
    if isinstance(nodes, list):
        for i, node in enumerate(nodes):
            post = _web_node_post(node)
            if post:
                f.posts.append((post, p(f"media.nodes[{i}]")))
    return f


def _web_node_post(node: Any) -> Post | None:
    """A GraphImage/GraphVideo/GraphSidecar node (profile grid or shortcode_media)."""
    if not isinstance(node, dict):
        return None
    code = clean_str(node.get("shortcode")) or clean_str(node.get("code"))
    post_id = code or clean_str(node.get("id"))
    if not post_id:
        return None
    caption = first(
        dig(node, "edge_media_to_caption", "edges", 0, "node", "text"),
        node.get("caption") if isinstance(node.get("caption"), str) else None,
    )
    created = from_timestamp(first(node.get("taken_at_timestamp"), node.get("date")))
    children = dig(node, "edge_sidecar_to_children", "edges")
    media: list[Media] = []
    if isinstance(children, list) and children:
        for child in children:
            m = _web_node_media(dig(child, "node"))
            if m:
                media.append(m)
    if not media:
        m = _web_node_media(node)
        if m:
            media.append(m)
    place = _web_place(node.get("location"))
    return _post(post_id, code, caption, created, False, media, place, node=node)


def _web_node_media(node: Any) -> Media | None:
    if not isinstance(node, dict):
        return None
    url = first(node.get("display_url"), node.get("display_src"), node.get("thumbnail_src"))
    is_video = node.get("is_video") is True or node.get("__typename") == "GraphVideo"
    alt = clean_str(node.get("accessibility_caption"))
    return Media(
        kind="video" if is_video else "image",
        url=clean_str(url),
        alt_text=alt,
        alt_source=classify_alt(alt),
        width=int_or_none(dig(node, "dimensions", "width")),
        height=int_or_none(dig(node, "dimensions", "height")),
    )


def _web_place(location: Any) -> Place | None:
    if not isinstance(location, dict):
        return None
    place = _address_place(location.get("address_json")) or Place()
    place.name = clean_str(location.get("name"))
    if place.lat is None:
        place.lat = _coord(first(location.get("lat"), location.get("latitude")))
        place.lon = _coord(first(location.get("lng"), location.get("longitude")))
    if place.city is None:
        place.city = clean_str(location.get("city"))
    if place.address is None:
        place.address = clean_str(location.get("address"))
    return None if place.is_empty() else place


def _note_hidden_category(f: _Found, user: dict[str, Any]) -> None:
    """The owner can set a category and hide it; it is still set (PRO003), but visitors and
    the report reader should know the profile does not show it."""
    if user.get("should_show_category") is False:
        f.warnings.append(f"{f.doc.label}: the category is set but hidden on the profile")


# --- private app API user ---------------------------------------------------------------


def _read_app_user(doc: Document, user: dict[str, Any], base: str) -> _Found:
    p = _Paths(base)
    f = _Found(doc, _RANK_APP_USER, clean_str(user.get("username")), p("username"))
    f.put("display_name", clean_str(user.get("full_name")), p("full_name"))
    if isinstance(user.get("biography"), str):
        f.fields["bio"] = (user["biography"].strip(), p("biography"))
    f.put(
        "category",
        clean_str(first(user.get("category"), user.get("account_category"))),
        p("category"),
    )
    if "category" in f.fields:
        _note_hidden_category(f, user)
    f.put("links", _links(user.get("bio_links"), user.get("external_url")), p(_links_key(user)))
    place = Place(
        address=_join(user.get("address_street"), user.get("zip")),
        city=clean_str(user.get("city_name")),
        lat=_coord(user.get("latitude")),
        lon=_coord(user.get("longitude")),
    )
    f.put("location", None if place.is_empty() else place, p("address_street"))
    phone = clean_str(user.get("public_phone_number")) or clean_str(
        user.get("contact_phone_number")
    )
    if phone and clean_str(user.get("public_phone_country_code")) and not phone.startswith("+"):
        phone = f"+{user['public_phone_country_code']} {phone}"
    if user.get("should_show_public_contacts") is not False:
        f.put("contact", _contact(user.get("public_email"), phone), p("public_email"))
    if isinstance(user.get("is_business"), bool):
        f.fields["is_business"] = (user["is_business"], p("is_business"))
    for name in ("is_private", "is_verified"):
        if isinstance(user.get(name), bool):
            f.fields[name] = (user[name], p(name))
    hd = user.get("hd_profile_pic_url_info")
    if isinstance(hd, dict) and clean_str(hd.get("url")):
        avatar = _avatar(
            clean_str(hd["url"]), int_or_none(hd.get("width")), int_or_none(hd.get("height"))
        )
        f.put("avatar", avatar, p("hd_profile_pic_url_info"))
    else:
        f.put("avatar", _avatar(clean_str(user.get("profile_pic_url"))), p("profile_pic_url"))
    if user.get("has_anonymous_profile_picture") is True and "avatar" in f.fields:
        f.fields["avatar"][0].is_default = True
    for name, key in (
        ("followers", "follower_count"),
        ("following", "following_count"),
        ("posts_count", "media_count"),
    ):
        f.put(name, int_or_none(user.get(key)), p(key))
    return f


# --- Graph API --------------------------------------------------------------------------


def _read_graph_user(doc: Document, user: dict[str, Any], base: str) -> _Found:
    p = _Paths(base)
    f = _Found(doc, _RANK_GRAPH_USER, clean_str(user.get("username")), p("username"))
    f.fmt = "graph-api"
    f.put("display_name", clean_str(user.get("name")), p("name"))
    if isinstance(user.get("biography"), str):
        f.fields["bio"] = (user["biography"].strip(), p("biography"))
    f.put("links", _links(None, user.get("website")), p("website"))
    f.put("avatar", _avatar(clean_str(user.get("profile_picture_url"))), p("profile_picture_url"))
    for name, key in (
        ("followers", "followers_count"),
        ("following", "follows_count"),
        ("posts_count", "media_count"),
    ):
        f.put(name, int_or_none(user.get(key)), p(key))
    items = dig(user, "media", "data")
    if isinstance(items, list):
        _graph_posts(f, items, p("media.data"))
    return f


def _read_graph_media_page(doc: Document, data: dict[str, Any], base: str) -> _Found:
    items = [i for i in data["data"] if isinstance(i, dict)]
    f = _Found(doc, _RANK_POSTS)
    if not any("media_type" in i or "permalink" in i for i in items):
        return f
    if _is_hashtag_media(doc, data):
        f.signals.append(
            (Outcome.ERROR, "hashtag media (top/recent posts of many accounts), not a profile")
        )
        f.warnings.append(
            f"{doc.label}: hashtag search results, posts by many accounts; not counted as the "
            "profile's posts"
        )
        return f
    owners = {clean_str(i.get("username")) for i in items} - {None}
    if len(owners) == 1:
        f.username, f.username_path = owners.pop(), f"{base}[].username"
    _graph_posts(f, items, base)
    return f


def _is_hashtag_media(doc: Document, data: dict[str, Any]) -> bool:
    """Graph API hashtag search pages look like media pages; only their URLs tell them apart."""
    urls = [
        doc.url or "",
        str(dig(data, "paging", "next", default="")),
        str(dig(data, "paging", "previous", default="")),
    ]
    return any(re.search(r"/(top|recent)_media\b", u) for u in urls)


def _graph_posts(f: _Found, items: list[Any], base: str) -> None:
    missing_fields = False
    for i, item in enumerate(items):
        post = _graph_media_post(item)
        if post:
            f.posts.append((post, f"{base}[{i}]"))
            missing_fields = missing_fields or "alt_text" not in item
    if missing_fields:
        f.warnings.append(
            f"{f.doc.label}: Graph API media carry no location and (unless requested) no "
            "alt_text, so geotags and alt text are not observable from it"
        )
        f.not_observed["alt_text"] = "Instagram's Graph API media carry no alt text"
    if f.posts:
        f.not_observed["geotags"] = "Instagram's Graph API media carry no location"


def _graph_media_post(item: Any) -> Post | None:
    if not isinstance(item, dict):
        return None
    permalink = clean_str(item.get("permalink"))
    code = clean_str(item.get("shortcode")) or _shortcode_of(permalink)
    post_id = code or clean_str(item.get("id"))
    if not post_id:
        return None
    children = dig(item, "children", "data")
    sources = children if isinstance(children, list) and children else [item]
    media = [_graph_media(c) for c in sources if isinstance(c, dict)]
    created = parse_iso(item.get("timestamp"))
    caption = clean_str(item.get("caption"))
    post = _post(post_id, code, caption, created, False, media, None, node=item)
    if permalink:
        post.url = permalink
    return post


def _graph_media(item: dict[str, Any]) -> Media:
    kind: MediaKind = "video" if item.get("media_type") == "VIDEO" else "image"
    alt = clean_str(item.get("alt_text"))
    return Media(
        kind=kind,
        url=clean_str(first(item.get("media_url"), item.get("thumbnail_url"))),
        alt_text=alt,
        alt_source=classify_alt(alt),
    )


# --- single posts -----------------------------------------------------------------------


def _read_single_post(doc: Document, media: dict[str, Any], base: str) -> list[_Found]:
    """One post's JSON: the post itself, and its owner as a low-ranked partial profile.

    `edge_related_profiles` (other accounts' recent posts) is deliberately not read."""
    raw_owner = media.get("owner")
    owner: dict[str, Any] = raw_owner if isinstance(raw_owner, dict) else {}
    username = clean_str(owner.get("username"))
    posts = _Found(doc, _RANK_POSTS, username, f"{base}.owner.username")
    post = _web_node_post(media)
    if post:
        posts.posts.append((post, base))
    owner_found = _read_web_user(doc, owner, f"{base}.owner")
    owner_found.rank = _RANK_POST_OWNER
    owner_found.posts.clear()
    return [posts, owner_found]


def _read_app_timelines(doc: Document, data: dict[str, Any]) -> list[_Found]:
    """App-API media items: `{"items": [...]}` (feed/user) or graphql connections whose edges
    hold them (`xdt_api__v1__feed__user_timeline_graphql_connection`)."""
    lists: list[tuple[list[Any], str]] = []
    if isinstance(data.get("items"), list):
        lists.append(([i for i in data["items"] if isinstance(i, dict)], "items"))
    conn_data = data.get("data")
    if isinstance(conn_data, dict):
        for key, conn in conn_data.items():
            edges = dig(conn, "edges")
            if "timeline" in key and isinstance(edges, list):
                nodes = [dig(e, "node") for e in edges]
                lists.append((nodes, f"data.{key}.edges[].node"))
    out: list[_Found] = []
    for items, base in lists:
        f = _Found(doc, _RANK_POSTS)
        owners: set[str] = set()
        for i, item in enumerate(items):
            post = _app_item_post(item)
            if post:
                f.posts.append(
                    (post, base.replace("[]", f"[{i}]") if "[]" in base else f"{base}[{i}]")
                )
                owner = clean_str(dig(item, "user", "username"))
                if owner:
                    owners.add(owner)
        if len(owners) == 1:
            f.username, f.username_path = owners.pop(), f"{base}.user.username"
        if f.posts:
            out.append(f)
    return out


def _app_item_post(item: Any) -> Post | None:
    if not isinstance(item, dict) or "taken_at" not in item:
        return None
    code = clean_str(item.get("code"))
    post_id = code or clean_str(first(item.get("pk"), item.get("id")))
    if not post_id:
        return None
    carousel = item.get("carousel_media")
    parts = [c for c in carousel if isinstance(c, dict)] if isinstance(carousel, list) else []
    media = [_app_media(c) for c in (parts or [item])]
    caption = dig(item, "caption", "text")
    return _post(
        post_id,
        code,
        clean_str(caption),
        from_timestamp(item.get("taken_at")),
        False,
        media,
        _web_place(item.get("location")),
        node=item,
    )


def _app_media(item: dict[str, Any]) -> Media:
    best = dig(item, "image_versions2", "candidates", 0, default={})
    alt = clean_str(item.get("accessibility_caption"))
    return Media(
        kind="video" if item.get("media_type") == 2 else "image",
        url=clean_str(dig(best, "url")),
        alt_text=alt,
        alt_source=classify_alt(alt),
        width=int_or_none(first(item.get("original_width"), dig(best, "width"))),
        height=int_or_none(first(item.get("original_height"), dig(best, "height"))),
    )


# --- HTML pages -------------------------------------------------------------------------

# Linear: leading spaces are taken once ((?!\s)), and the name ends in a non-space, so
# the spaces before '(@' are scanned once per name end, not once per character.
_TITLE_HANDLE = re.compile(r"^\s*(?!\s)(?P<name>(?:.*?\S)?)\s*\(@(?P<handle>[A-Za-z0-9._]{1,30})\)")
_POST_PATH = re.compile(r"/(?:p|reel|reels|tv)/([A-Za-z0-9_-]{5,})")
_QUOTED_AFTER_INSTAGRAM = re.compile(r"Instagram\s?:\s*[\"“„«「『](?P<bio>.*)$", re.DOTALL)
_POST_DESCRIPTION = re.compile(
    r"(?:^|\s[-–—]\s)(?P<user>[A-Za-z0-9._]{1,30})\s+(?P<when>[^:\"“\-–—]{3,60}?)\s*"
    r"(?::\s*[\"“„«「『](?P<caption>.*)|\.?\s*)$",
    re.DOTALL,
)
_NOT_FOUND_TEXT = re.compile(r"Sorry, this page isn(?:'|’|&#0?39;|&#x27;|&apos;)t available", re.I)
_PRIVATE_TEXT = re.compile(r"This account is private", re.I)
_LOGIN_TITLE = re.compile(r"^\s*(?:Login|Log in|Sign up)\s*[•·|-]\s*Instagram\s*$", re.I)


def _read_html(doc: Document, ctx: ExtractContext) -> list[_Found]:
    html = doc.text
    out: list[_Found] = []
    shared = embedded_json(html, "window._sharedData")
    shared_pages = dig(shared, "entry_data", default={})
    user = dig(shared_pages, "ProfilePage", 0, "graphql", "user")
    if isinstance(user, dict):
        out.append(
            _read_web_user(doc, user, "window._sharedData.entry_data.ProfilePage[0].graphql.user")
        )
    post_media = dig(shared_pages, "PostPage", 0, "graphql", "shortcode_media")
    if isinstance(post_media, dict):
        out.extend(
            _read_single_post(
                doc, post_media, "window._sharedData.entry_data.PostPage[0].graphql.shortcode_media"
            )
        )
    soup = soup_of(html)
    meta = meta_tags(soup)
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    out.append(_read_json_ld(doc, json_ld(soup)))
    if _is_post_page(meta):
        out.append(_read_post_meta(doc, meta, ctx))
    else:
        out.append(_read_profile_meta(doc, meta, title))
    signal = _html_signal(doc, html, title, shared_pages)
    if signal:
        out.append(_Found(doc, 900, signals=[signal]))
    return out


def _html_signal(
    doc: Document, html: str, title: str, shared_pages: Any
) -> tuple[Outcome, str] | None:
    path = urlsplit(doc.url).path if doc.url else ""
    if _NOT_FOUND_TEXT.search(html) or title.lower().startswith("page not found"):
        return Outcome.NOT_FOUND, "Instagram says: Sorry, this page isn't available"
    if path.startswith(("/accounts/login", "/challenge")) or _LOGIN_TITLE.match(title):
        return Outcome.LOGIN_WALL, "Instagram showed its login page instead of the profile"
    if isinstance(shared_pages, dict) and "LoginAndSignupPage" in shared_pages:
        return Outcome.LOGIN_WALL, "Instagram showed its login page instead of the profile"
    if _PRIVATE_TEXT.search(html):
        return Outcome.PRIVATE, "This account is private: its posts are visible to followers only"
    return None


def _read_json_ld(doc: Document, items: list[dict[str, Any]]) -> _Found:
    f = _Found(doc, _RANK_JSON_LD)
    for i, item in enumerate(items):
        if item.get("@type") not in ("Person", "Organization", "ProfilePage"):
            continue
        p = _Paths(f"script[type=application/ld+json][{i}]")
        alternate = _unslash(item.get("alternateName"))
        if alternate and alternate.startswith("@"):
            f.username, f.username_path = alternate[1:], p("alternateName")
        f.put("display_name", _unslash(item.get("name")), p("name"))
        if isinstance(item.get("description"), str):
            f.put("bio", _unslash(item["description"]), p("description"))
        website = _unslash(item.get("url"))
        if website and "instagram.com" not in website:
            f.put("links", [Link(url=website)], p("url"))
        count = dig(item, "mainEntityofPage", "interactionStatistic", "userInteractionCount")
        f.put("followers", int_or_none(count), p("mainEntityofPage.interactionStatistic"))
    return f


def _read_profile_meta(doc: Document, meta: dict[str, str], title: str) -> _Found:
    f = _Found(doc, _RANK_META)
    for key, text in (("og:title", meta.get("og:title")), ("title", title)):
        m = _TITLE_HANDLE.match((text or "")[:TITLE_MAX])
        if m:
            f.username, f.username_path = m.group("handle"), _meta_path(key)
            f.put("display_name", clean_str(m.group("name")), _meta_path(key))
            break
    url = first(meta.get("og:url"), meta.get("canonical"))
    if f.username is None and url:
        f.username, f.username_path = match_url(urlsplit(url)), "meta[property=og:url]"
    if f.username is None and meta.get("og:type") != "profile":
        return f
    for key in ("og:description", "description"):
        counts = _meta_counts(meta.get(key))
        if counts:
            for name, value in counts.items():
                f.put(name, value, _meta_path(key))
            break
    bio_match = _QUOTED_AFTER_INSTAGRAM.search(meta.get("description") or "")
    if bio_match:
        f.put("bio", _strip_closing_quote(bio_match.group("bio")), _meta_path("description"))
    f.put("avatar", _avatar(clean_str(meta.get("og:image"))), _meta_path("og:image"))
    return f


def _is_post_page(meta: dict[str, str]) -> bool:
    url = first(meta.get("og:url"), meta.get("canonical"), meta.get("al:android:url")) or ""
    return bool(_POST_PATH.search(urlsplit(url).path))


def _read_post_meta(doc: Document, meta: dict[str, str], ctx: ExtractContext) -> _Found:
    """A logged-out post page: its meta tags name the owner, the date and the caption."""
    f = _Found(doc, _RANK_POST_META)
    url = first(meta.get("og:url"), meta.get("canonical"), meta.get("al:android:url")) or ""
    m = _POST_PATH.search(urlsplit(url).path)
    if not m:
        return f
    code = m.group(1)
    title = _TITLE_HANDLE.match((meta.get("twitter:title") or "")[:TITLE_MAX])
    if title:
        f.username, f.username_path = title.group("handle"), _meta_path("twitter:title")
        f.put("display_name", clean_str(title.group("name")), _meta_path("twitter:title"))
    description_key = "og:description" if meta.get("og:description") else "description"
    description = meta.get(description_key) or ""
    dm = _POST_DESCRIPTION.search(description)
    created: datetime | None = None
    approx = False
    caption: str | None = None
    if dm:
        if f.username is None:
            f.username, f.username_path = dm.group("user"), _meta_path(description_key)
        when = resolve_relative(
            re.sub(r"^(on|el|le|am|il|em|op)\s+", "", dm.group("when")), ctx.captured_at
        )
        if when:
            created, approx = when
        caption = _strip_closing_quote(dm.group("caption") or "")
    if caption is None:
        tm = _QUOTED_AFTER_INSTAGRAM.search(meta.get("og:title") or "")
        caption = _strip_closing_quote(tm.group("bio")) if tm else None
    is_video = meta.get("og:type") == "video" or bool(meta.get("og:video"))
    image = clean_str(first(meta.get("og:image"), meta.get("twitter:image")))
    media = [Media(kind="video" if is_video else "image", url=image)] if image else []
    post = _post(code, code, caption, created, approx, media, None)
    f.posts.append((post, f"meta[property=og:url], {_meta_path(description_key)}"))
    f.warnings.append(
        f"{doc.label}: a logged-out post page shows no alt text or location; "
        "those read as missing for this post"
    )
    f.not_observed["alt_text"] = "a logged-out Instagram post page shows no alt text"
    f.not_observed["geotags"] = "a logged-out Instagram post page shows no location"
    return f


# ------------------------------------------------------------------------------ merging


def _merge(found: list[_Found], docs: Sequence[Document], ctx: ExtractContext) -> Profile:
    target = ctx.ref.handle if ctx.ref else _pick_handle(found)
    warnings: list[str] = []
    usable = _for_target(found, target, warnings)
    values: dict[str, Any] = {}
    sources: dict[str, str] = {}
    for f in usable:
        for name, (value, path) in f.fields.items():
            if name not in values:
                values[name] = value
                sources[name] = f"{f.doc.label}: {path}"
    posts, post_sources = _merge_posts(usable)
    for f in found:
        warnings.extend(w for w in f.warnings if w not in warnings)
    signals = [s for f in found for s in f.signals]

    handle = target or ""
    if handle and not ctx.ref:
        sources.setdefault("handle", _handle_source(usable, handle))
    profile = profile_from_values(
        Platform.INSTAGRAM,
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
    _decide_outcome(profile, values, signals, warnings)
    profile.capture.warnings = warnings
    profile.not_observed = _not_observed(usable)
    profile.capture.formats = sorted({f.fmt for f in usable if f.fields})
    return profile


def _not_observed(usable: list[_Found]) -> dict[str, str]:
    """A field is unobservable only when every document that gave posts could not show it."""
    with_posts = [f for f in usable if f.posts]
    out: dict[str, str] = {}
    for f in with_posts:
        for key, why in f.not_observed.items():
            if all(key in g.not_observed for g in with_posts):
                out.setdefault(key, why)
    return out


def _pick_handle(found: list[_Found]) -> str | None:
    for f in found:  # already in rank order
        if f.username and (f.fields or f.posts):
            return f.username.lower()
    return None


def _handle_source(found: list[_Found], handle: str) -> str:
    for f in found:
        if f.username and f.username.lower() == handle:
            return f"{f.doc.label}: {f.username_path}"
    return "(none)"


def _for_target(found: list[_Found], target: str | None, warnings: list[str]) -> list[_Found]:
    """The findings about the asked-for account: those naming it, plus unnamed media pages.

    When nothing names it (a renamed account, a saved page of another handle), everything is
    used and a warning says so, rather than returning an empty profile."""
    if not target:
        return found
    named = [f for f in found if f.username]
    matching = [f for f in named if f.username and f.username.lower() == target.lower()]
    if named and not matching:
        others = sorted({f.username for f in named if f.username})
        warnings.append(f"the documents show @{', @'.join(others)}, not @{target}; used anyway")
        return found
    kept = {id(f) for f in matching}
    skipped = sorted({f.username for f in named if id(f) not in kept and f.username})
    if skipped:
        warnings.append(f"ignored documents about other accounts: @{', @'.join(skipped)}")
    return [f for f in found if not f.username or id(f) in kept]


_INDEX = re.compile(r"\[\d+\]")


def _merge_posts(found: list[_Found]) -> tuple[list[Post], list[str]]:
    """Posts from every document, deduplicated by shortcode (the id every surface shares);
    the more reliable document's values win, the others fill what it lacks."""
    by_key: dict[str, Post] = {}
    sources: list[str] = []
    for f in found:
        for post, path in f.posts:
            source = f"{f.doc.label}: {_INDEX.sub('[]', path)}"
            if source not in sources:
                sources.append(source)
            existing = by_key.get(post.id)
            by_key[post.id] = _merge_post(existing, post) if existing else post
    posts = sorted(
        by_key.values(),
        key=lambda p: p.created_at.timestamp() if p.created_at else float("-inf"),
        reverse=True,
    )
    return posts, sources


def _merge_post(a: Post, b: Post) -> Post:
    merged = a.model_copy(deep=True)
    if merged.created_at is None or (
        merged.created_at_approx and not b.created_at_approx and b.created_at
    ):
        merged.created_at, merged.created_at_approx = b.created_at, b.created_at_approx
    merged.caption = merged.caption or b.caption
    merged.hashtags = merged.hashtags or b.hashtags
    merged.location = merged.location or b.location
    merged.url = merged.url or b.url
    if not merged.media:
        merged.media = list(b.media)
    elif len(merged.media) == len(b.media):
        for mine, theirs in zip(merged.media, b.media, strict=True):
            if mine.alt_source == "missing" and theirs.alt_source != "missing":
                mine.alt_text, mine.alt_source = theirs.alt_text, theirs.alt_source
            mine.width = mine.width or theirs.width
            mine.height = mine.height or theirs.height
    return merged


def _decide_outcome(
    profile: Profile,
    values: dict[str, Any],
    signals: list[tuple[Outcome, str]],
    warnings: list[str],
) -> None:
    has_data = bool(profile.posts) or any(
        k in values for k in ("display_name", "bio", "followers", "posts_count", "avatar")
    )
    if has_data:
        for outcome, reason in signals:
            if outcome is not Outcome.PRIVATE:
                warnings.append(f"{outcome.value}: {reason}")
        if profile.is_private and not profile.posts:
            profile.capture.outcome = Outcome.PRIVATE
            profile.capture.reason = (
                f"@{profile.handle} is private: its posts are visible to approved followers only"
            )
        elif not profile.posts and (profile.counts.posts or 0) > 0:
            warnings.append("the profile has posts but none were captured")
        return
    for outcome in _OUTCOME_PRIORITY:
        reasons = [r for o, r in signals if o is outcome]
        if reasons:
            profile.capture.outcome = outcome
            profile.capture.reason = reasons[0]
            break
    else:
        profile.capture.outcome = Outcome.ERROR
        profile.capture.reason = "no Instagram profile data found in the documents"
    warnings.append(f"no profile data extracted: {profile.capture.reason}")


# ------------------------------------------------------------------------ small readers


class _Paths:
    """Evidence paths under one base: `_Paths("data.user")("biography")`."""

    def __init__(self, base: str) -> None:
        self.base = base

    def __call__(self, key: str) -> str:
        return key if self.base == "$" else f"{self.base}.{key}"


def _meta_path(key: str) -> str:
    if key == "title":
        return "title"
    attr = "property" if key.startswith(("og:", "al:")) else "name"
    return f"meta[{attr}={key}]"


def _coord(value: Any) -> float | None:
    """A latitude/longitude; the app API's 0.0 means "not set", not the Gulf of Guinea."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if number == 0.0 else number


def _join(*parts: Any) -> str | None:
    text = ", ".join(p for p in (clean_str(x) for x in parts) if p)
    return text or None


def _unslash(value: Any) -> str | None:
    """JSON-LD text that arrived with `\\/` escapes left in (pages copied through JS)."""
    text = clean_str(value)
    return text.replace("\\/", "/") if text else None


def _strip_closing_quote(text: str) -> str | None:
    text = text.strip()
    text = re.sub(r"[\"”“»」』]\s*\.?\s*$", "", text)
    return normalize_space(text)


def _shortcode_of(url: str | None) -> str | None:
    if not url:
        return None
    m = _POST_PATH.search(urlsplit(url).path)
    return m.group(1) if m else None


def _post(
    post_id: str,
    code: str | None,
    caption: str | None,
    created: datetime | None,
    approx: bool,
    media: Iterable[Media],
    location: Place | None,
    *,
    node: dict[str, Any] | None = None,
) -> Post:
    caption = caption.strip() if caption else None
    media = list(media)
    return Post(
        id=post_id,
        url=f"https://www.instagram.com/p/{code}/" if code else None,
        created_at=created,
        created_at_approx=approx,
        caption=caption or None,
        hashtags=extract_hashtags(caption),
        media=media,
        location=location,
        short_video=_is_reel(node or {}, media),
    )


_REEL_TYPES = ("clips", "reels")
_NOT_REEL_TYPES = ("feed", "carousel_container", "igtv", "ad", "story")


def _is_reel(node: dict[str, Any], media: list[Media]) -> bool | None:
    """A Reel: web/app `product_type` "clips", Graph API `media_product_type` REELS. A post of
    photos only is not one; a video without a product type is unknown (older feed videos)."""
    kind = str(first(node.get("product_type"), node.get("media_product_type")) or "").lower()
    if kind in _REEL_TYPES or node.get("clips_metadata"):
        return True
    if kind in _NOT_REEL_TYPES:
        return False
    if media and all(m.kind == "image" for m in media):
        return False
    return None


def _links_key(user: dict[str, Any]) -> str:
    links = user.get("bio_links")
    has_bio_links = isinstance(links, list) and any(clean_str(dig(b, "url")) for b in links)
    return "bio_links" if has_bio_links else "external_url"


def _links(bio_links: Any, external_url: Any) -> list[Link]:
    links: list[Link] = []
    seen: set[str] = set()
    candidates: list[tuple[Any, Any]] = []
    if isinstance(bio_links, list):
        candidates += [(b.get("url"), b.get("title")) for b in bio_links if isinstance(b, dict)]
    candidates.append((external_url, None))
    for url, title in candidates:
        url = clean_str(url)
        if not url:
            continue
        key = url.lower().rstrip("/")
        if key in seen:
            continue
        seen.add(key)
        links.append(Link(url=url, title=clean_str(title)))
    return links


def _address_place(raw: Any) -> Place | None:
    """`business_address_json` / a location's `address_json`: a JSON string (sometimes
    mangled: Python literals, truncation), read key by key when it does not parse."""
    data: dict[str, Any] = {}
    if isinstance(raw, dict):
        data = raw
    elif isinstance(raw, str) and raw.strip():
        try:
            parsed = parse_json(raw)
            data = parsed if isinstance(parsed, dict) else {}
        except ValueError:
            data = {
                m.group(1): m.group(2)
                for m in re.finditer(r'"(\w+)"\s*:\s*"((?:[^"\\]|\\.)*)"', raw)
            }
            for m in re.finditer(r'"(latitude|longitude)"\s*:\s*(-?\d+(?:\.\d+)?)', raw):
                data[m.group(1)] = m.group(2)
    if not data:
        return None
    place = Place(
        address=_join(data.get("street_address"), data.get("zip_code")),
        city=clean_str(data.get("city_name")),
        country=clean_str(data.get("country_code")),
        lat=_coord(data.get("latitude")),
        lon=_coord(data.get("longitude")),
    )
    return None if place.is_empty() else place


def _contact(email: Any, phone: Any) -> Contact | None:
    email, phone = clean_str(email), clean_str(phone)
    if not email and not phone:
        return None
    return Contact(email=email, phone=phone, has_contact_button=True)


_SIZE_IN_URL = re.compile(r"(?<=[_/=])[sp](\d{2,4})x(\d{2,4})(?!\d)")


def _avatar(url: str | None, width: int | None = None, height: int | None = None) -> Avatar | None:
    if not url:
        return None
    if width is None or height is None:
        m = _SIZE_IN_URL.search(url)
        if m:
            width, height = int(m.group(1)), int(m.group(2))
    return Avatar(
        url=url,
        width=width,
        height=height,
        is_default=any(marker in url for marker in DEFAULT_AVATAR_MARKERS),
    )


# "2,362 Followers, 136 Following, 224 Posts - ..." and its translations ("2.362 seguidores",
# "2 362 abonnés", "1,2 M Follower", "フォロワー2,362人"): three numbers, always in this order.
_COUNT = re.compile(
    r"(?P<num>\d+(?:[.,\u00a0\u202f ]\d+)*)\s?"
    r"(?P<suffix>(?:k|tis\.?|mil|тыс\.?|m|mi|mio\.?|mln\.?|млн\.?|b|bn|mrd\.?)(?![^\W\d_]))?",
    re.IGNORECASE,
)
_THOUSANDS = {"k", "tis", "tis.", "mil", "тыс", "тыс."}
_MILLIONS = {"m", "mi", "mio", "mio.", "mln", "mln.", "млн", "млн."}
_COUNT_NAMES = ("followers", "following", "posts_count")


def _meta_counts(text: str | None) -> dict[str, int]:
    if not text:
        return {}
    head = re.split(r"\s[-–—]\s", text, maxsplit=1)[0]
    numbers = [_count_value(m.group("num"), m.group("suffix")) for m in _COUNT.finditer(head)]
    if len(numbers) != 3 or any(n is None for n in numbers):
        return {}
    return {name: n for name, n in zip(_COUNT_NAMES, numbers, strict=True) if n is not None}


def _count_value(num: str, suffix: str | None) -> int | None:
    digits = re.sub(r"[\u00a0\u202f ]", "", num)
    if not suffix:
        plain = re.sub(r"[.,]", "", digits)
        return int_or_none(plain)
    scale = (
        1_000
        if suffix.lower() in _THOUSANDS
        else 1_000_000
        if suffix.lower() in _MILLIONS
        else 1_000_000_000
    )
    # With a suffix the last separator is a decimal mark ("1,2 M", "12.5K").
    m = re.fullmatch(r"(\d+(?:[.,]\d{3})*)(?:[.,](\d{1,2}))?", digits)
    if not m:
        return None
    return scaled_count(f"{re.sub(r'[.,]', '', m.group(1))}.{m.group(2) or 0}", scale)


SPEC = PlatformSpec(
    platform=Platform.INSTAGRAM,
    hosts=HOSTS,
    match_url=match_url,
    normalize_handle=normalize_handle,
    profile_url=profile_url,
    capture_plan=capture_plan,
    extract=extract,
)
