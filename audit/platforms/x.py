"""X (Twitter): URL patterns, capture plan and extraction.

X's web app renders everything with JavaScript from GraphQL calls (`UserByScreenName`,
`UserTweets`, `UserMedia`, `AboutAccountQuery`); a capture keeps those responses in its HAR,
and they are the most complete source. Extraction reads, most reliable first:

1. GraphQL responses, in both user schemas: the 2025+ one (`core`, `profile_bio`, `avatar`,
   `location` objects) and the older `legacy` one;
2. REST API responses: v1.1 (users/lookup, user_timeline, statuses/lookup, search) and v2
   (`data` + `includes`), which owners and researchers still have saved;
3. a rendered page's DOM (`data-testid` attributes), then its OpenGraph tags.

Logged-out visitors mostly get a login wall or a handful of popular (not recent) posts: the
extractor names that outcome and tells the owner how to get a complete capture.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, NavigableString, Tag

from audit.alttext import classify_alt
from audit.dates import parse_iso
from audit.documents import Document
from audit.model import (
    Avatar,
    CaptureInfo,
    Counts,
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
    as_list,
    dig,
    first,
    input_doc,
    walk,
)
from audit.platforms.generic import meta_tags, soup_of
from audit.platforms.urls import host_matches, segment_matcher, validate_handle
from audit.text import extract_hashtags, normalize_space

__all__ = ["HOSTS", "SPEC", "capture_plan", "extract", "normalize_handle", "snowflake_time"]

HOSTS = ("x.com", "twitter.com")
_RESERVED = frozenset(
    {
        "home",
        "i",
        "search",
        "explore",
        "settings",
        "intent",
        "share",
        "login",
        "signup",
        "messages",
        "notifications",
        "hashtag",
        "tos",
        "privacy",
        "compose",
    }
)


def normalize_handle(text: str) -> str:
    return validate_handle(
        text,
        r"[A-Za-z0-9_]{1,15}",
        "X username (up to 15 letters, digits and _)",
        "x:@bluedoorbakery",
    )


def profile_url(handle: str) -> str:
    return f"https://x.com/{handle}"


# --- capture ---------------------------------------------------------------------------

_PROFILE_READY = '[data-testid="UserName"], [data-testid="loginButton"], [data-testid="tweet"]'
_LOGIN_WALL_REASON = (
    "X shows this profile only to logged-in visitors. To audit it, export a HAR from your "
    "own logged-in browser (devtools > Network > 'Save all as HAR with content' on the profile "
    "page) and run `findable audit --har FILE`, use `--storage-state` with your logged-in "
    "browser state, or audit your X archive with `findable audit --export` (the .zip, or "
    "data/profile.js and data/tweets.js)"
)


def capture_plan(ref: ProfileRef) -> CapturePlan:
    """Load the profile page: its own XHRs (UserByScreenName, UserTweets) land in the HAR.
    When the profile was readable, the media and about tabs add alt text (UserMedia) and the
    'account based in' country (AboutAccountQuery); behind a login wall they would only
    redirect to the login flow again, so `follow` skips them then."""
    return CapturePlan(
        steps=[Step("goto", profile_url(ref.handle), wait_for=_PROFILE_READY)],
        follow=_follow,
        note="x.com profile page; GraphQL XHRs kept from the HAR",
    )


def _follow(docs: Sequence[Document]) -> list[Step]:
    for doc in docs:
        data = doc.data
        if doc.kind != "json" or not isinstance(data, dict):
            continue
        user = first(
            dig(data, "data", "user", "result"), dig(data, "data", "user_result", "result")
        )
        screen_name = first(dig(user, "core", "screen_name"), dig(user, "legacy", "screen_name"))
        if isinstance(screen_name, str) and re.fullmatch(r"\w{1,15}", screen_name):
            base = profile_url(screen_name)
            return [
                Step("goto", f"{base}/media", optional=True, wait_for=_PROFILE_READY),
                Step("goto", f"{base}/about", optional=True),
            ]
    return []


# --- small helpers ---------------------------------------------------------------------

_TWEPOCH_MS = 1288834974657


def snowflake_time(tweet_id: object) -> datetime | None:
    """When a post was made, from its id: since November 2010 X ids are snowflakes whose top
    bits are milliseconds since X's epoch. Exact, so pages that show no date still date it."""
    try:
        n = int(str(tweet_id))
    except ValueError:
        return None
    if n < 1 << 42:  # pre-snowflake sequential ids carry no time
        return None
    return datetime.fromtimestamp(((n >> 22) + _TWEPOCH_MS) / 1000, tz=timezone.utc)


def _int(value: Any) -> int | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        return int(str(value).replace(",", ""))
    except ValueError:
        return None


def _obj(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _expand(text: str | None, urls: Any, *, remove: Sequence[str] = (), display: bool) -> str:
    """Text with its t.co links replaced by what X shows (`display_url`) or where they go
    (`expanded_url`), and media links removed (X shows the media, not the link)."""
    out = html.unescape(text if isinstance(text, str) else "")
    for u in urls if isinstance(urls, list) else []:
        if not isinstance(u, dict) or not isinstance(u.get("url"), str):
            continue
        new = u.get("display_url") if display else u.get("expanded_url")
        out = out.replace(u["url"], str(new or u.get("expanded_url") or u["url"]))
    for short in remove:
        out = out.replace(short, "")
    return out.strip()


def _centroid(bbox: Any) -> tuple[float | None, float | None]:
    """(lat, lon) at the middle of a GeoJSON polygon (v1.1 `bounding_box`) or a v2 `bbox`."""
    try:
        if isinstance(bbox, dict):
            ring = bbox["coordinates"][0]
            lons = [float(p[0]) for p in ring]
            lats = [float(p[1]) for p in ring]
            return (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2
        if isinstance(bbox, list) and len(bbox) == 4:  # [west, south, east, north]
            w, s, e, n = (float(v) for v in bbox)
            return (s + n) / 2, (w + e) / 2
    except (KeyError, IndexError, TypeError, ValueError):
        pass
    return None, None


def _place(place: Any, coordinates: Any = None) -> Place | None:
    """A post's geotag: the tagged place, and exact coordinates when the post has them."""
    lat = lon = None
    point = dig(coordinates, "coordinates")
    if isinstance(point, list) and len(point) == 2:  # GeoJSON: [lon, lat]
        try:
            lon, lat = float(point[0]), float(point[1])
        except (TypeError, ValueError):
            lat = lon = None
    if not isinstance(place, dict) and lat is None:
        return None
    p = place if isinstance(place, dict) else {}
    if lat is None:
        lat, lon = _centroid(p.get("bounding_box") or dig(p, "geo", "bbox"))
    result = Place(
        name=_str(p.get("full_name")) or _str(p.get("name")),
        city=_str(p.get("name")) if p.get("place_type") == "city" else None,
        country=_str(p.get("country")),
        lat=lat,
        lon=lon,
    )
    return None if result.is_empty() else result


_MEDIA_KINDS: dict[str, MediaKind] = {
    "photo": "image",
    "video": "video",
    "animated_gif": "video",
}
_GIF_LIBRARY_ALT = re.compile(r"\sGIF\s*$")


def _media_item(m: dict[str, Any], *, alt_key: str = "ext_alt_text") -> Media:
    kind = _MEDIA_KINDS.get(str(m.get("type")), "other")
    alt = _str(m.get(alt_key))
    alt = alt.strip() if alt else None
    # GIFs picked from X's GIF library arrive with the provider's title as alt ("... GIF")
    library_gif = m.get("type") == "animated_gif" and bool(alt and _GIF_LIBRARY_ALT.search(alt))
    return Media(
        kind=kind,
        url=first(m.get("media_url_https"), m.get("url"), m.get("preview_image_url")),
        alt_text=alt,
        alt_source=classify_alt(alt, platform_auto=library_gif),
        width=_int(first(dig(m, "original_info", "width"), m.get("width"))),
        height=_int(first(dig(m, "original_info", "height"), m.get("height"))),
    )


# --- users -----------------------------------------------------------------------------


@dataclass
class _User:
    """One account as a document shows it, normalized across schemas. `kind` ranks how much
    to trust it for the profile: a user lookup beats an author copy inside a timeline."""

    screen_name: str
    values: dict[str, Any]
    sources: dict[str, str]
    kind: str  # primary | page | author
    rest_id: str | None = None
    unavailable: str | None = None
    fmt: str = "graphql"  # graphql | v1.1 | v2 | page: what the input can carry differs

    def set(self, name: str, value: Any, source: str) -> None:
        if value is None or value == "" or name in self.values:
            return
        self.values[name] = value
        self.sources[name] = source


def _legacy_fields(u: _User, leg: dict[str, Any], where: str) -> None:
    """The pre-2025 `legacy` user object, which is also the v1.1 REST user."""
    ents = _obj(leg.get("entities"))
    desc_urls = dig(ents, "description", "urls")
    u.set("name", _str(leg.get("name")), f"{where}.name")
    u.set(
        "description",
        _expand(leg.get("description"), desc_urls, display=True) or None,
        f"{where}.description",
    )
    u.set("location", _str(leg.get("location")), f"{where}.location")
    site = dig(ents, "url", "urls", 0)
    if isinstance(site, dict):
        u.set(
            "website", (site.get("expanded_url"), site.get("display_url")), f"{where}.entities.url"
        )
    elif _str(leg.get("url")):
        u.set("website", (leg["url"], None), f"{where}.url")
    u.set("bio_links", _bio_links(desc_urls), f"{where}.entities.description.urls")
    image = _str(leg.get("profile_image_url_https")) or _str(leg.get("profile_image_url"))
    u.set("avatar", image, f"{where}.profile_image_url_https")
    if isinstance(leg.get("default_profile_image"), bool):
        u.set("default_avatar", leg["default_profile_image"], f"{where}.default_profile_image")
    u.set("followers", _int(leg.get("followers_count")), f"{where}.followers_count")
    u.set("following", _int(leg.get("friends_count")), f"{where}.friends_count")
    u.set("posts", _int(leg.get("statuses_count")), f"{where}.statuses_count")
    if isinstance(leg.get("protected"), bool):
        u.set("protected", leg["protected"], f"{where}.protected")
    if leg.get("verified") is True or _str(leg.get("verified_type")):
        u.set("verified", True, f"{where}.verified")


def _bio_links(urls: Any) -> list[tuple[str, str | None]] | None:
    items = urls if isinstance(urls, list) else []
    out = [
        (str(x["expanded_url"]), _str(x.get("display_url")))
        for x in items
        if isinstance(x, dict) and _str(x.get("expanded_url"))
    ]
    return out or None


def _gql_user(r: dict[str, Any], where: str, kind: str) -> _User | None:
    """A GraphQL user result, 2025+ schema first, `legacy` as the fallback."""
    leg = _obj(r.get("legacy"))
    screen_name = first(dig(r, "core", "screen_name"), leg.get("screen_name"))
    if r.get("__typename") == "UserUnavailable":
        return _User(
            screen_name=str(screen_name or ""),
            values={},
            sources={},
            kind=kind,
            unavailable=str(first(r.get("reason"), r.get("unavailable_message"), "unavailable")),
        )
    if not isinstance(screen_name, str):
        return None
    u = _User(screen_name=screen_name, values={}, sources={}, kind=kind, rest_id=r.get("rest_id"))
    u.set("name", _str(dig(r, "core", "name")), f"{where}.core.name")
    bio = _obj(r.get("profile_bio"))
    desc_urls = dig(bio, "entities", "description", "urls")
    u.set(
        "description",
        _expand(bio.get("description"), desc_urls, display=True) or None,
        f"{where}.profile_bio.description",
    )
    u.set("bio_links", _bio_links(desc_urls), f"{where}.profile_bio.entities.description.urls")
    site = dig(bio, "entities", "url", "urls", 0)
    if isinstance(site, dict):
        u.set(
            "website",
            (site.get("expanded_url"), site.get("display_url")),
            f"{where}.profile_bio.entities.url.urls[0]",
        )
    u.set("location", _str(dig(r, "location", "location")), f"{where}.location.location")
    u.set("avatar", _str(dig(r, "avatar", "image_url")), f"{where}.avatar.image_url")
    u.set(
        "followers",
        _int(dig(r, "relationship_counts", "followers")),
        f"{where}.relationship_counts",
    )
    u.set(
        "following",
        _int(dig(r, "relationship_counts", "following")),
        f"{where}.relationship_counts",
    )
    u.set("posts", _int(dig(r, "tweet_counts", "tweets")), f"{where}.tweet_counts.tweets")
    if isinstance(dig(r, "privacy", "protected"), bool):
        u.set("protected", r["privacy"]["protected"], f"{where}.privacy.protected")
    if leg:
        _legacy_fields(u, leg, f"{where}.legacy")
    if not leg and _str(dig(r, "website", "url")):
        u.set("website", (r["website"]["url"], None), f"{where}.website.url")
    if (
        r.get("is_blue_verified") is True
        or dig(r, "verification", "verified") is True
        or _str(dig(r, "verification", "verified_type"))
    ):
        u.set("verified", True, f"{where}.verification")
    elif r.get("is_blue_verified") is False:
        u.set("verified", False, f"{where}.is_blue_verified")
    category = dig(r, "professional", "category", 0, "name")
    u.set("category", _str(category), f"{where}.professional.category[0].name")
    u.set("professional_type", _str(dig(r, "professional", "professional_type")),
          f"{where}.professional.professional_type")  # fmt: skip
    u.set("based_in", _str(dig(r, "about_profile", "account_based_in")),
          f"{where}.about_profile.account_based_in")  # fmt: skip
    return u


def _v2_user(d: dict[str, Any], where: str, kind: str) -> _User | None:
    if not isinstance(d.get("username"), str):
        return None
    u = _User(
        screen_name=d["username"], values={}, sources={}, kind=kind, rest_id=d.get("id"), fmt="v2"
    )
    u.set("name", _str(d.get("name")), f"{where}.name")
    desc_urls = dig(d, "entities", "description", "urls")
    u.set(
        "description",
        _expand(d.get("description"), desc_urls, display=True) or None,
        f"{where}.description",
    )
    u.set("bio_links", _bio_links(desc_urls), f"{where}.entities.description.urls")
    u.set("location", _str(d.get("location")), f"{where}.location")
    site = dig(d, "entities", "url", "urls", 0)
    if isinstance(site, dict):
        u.set(
            "website", (site.get("expanded_url"), site.get("display_url")), f"{where}.entities.url"
        )
    u.set("avatar", _str(d.get("profile_image_url")), f"{where}.profile_image_url")
    metrics = _obj(d.get("public_metrics"))
    u.set("followers", _int(metrics.get("followers_count")), f"{where}.public_metrics")
    u.set("following", _int(metrics.get("following_count")), f"{where}.public_metrics")
    u.set("posts", _int(metrics.get("tweet_count")), f"{where}.public_metrics")
    if isinstance(d.get("protected"), bool):
        u.set("protected", d["protected"], f"{where}.protected")
    if isinstance(d.get("verified"), bool):
        u.set("verified", d["verified"], f"{where}.verified")
    return u


# --- posts -----------------------------------------------------------------------------


@dataclass
class _Tweet:
    author: str | None  # screen name of who posted it (for a retweet: who retweeted)
    post: Post
    where: str


def _legacy_post(
    outer_id: str,
    outer_created: Any,
    shown: dict[str, Any],
    shown_author: str | None,
    *,
    is_repost: bool,
    note: dict[str, Any] | None = None,
) -> Post:
    """A post from a `legacy` tweet object (GraphQL) or a v1.1 tweet: both share the shape.
    For a retweet, `shown` is the retweeted tweet: that is what the timeline displays."""
    ext = _obj(shown.get("extended_tweet"))
    entities = first(ext.get("entities"), shown.get("entities")) or {}
    media_list = first(
        dig(ext, "extended_entities", "media"),
        dig(shown, "extended_entities", "media"),
        dig(entities, "media"),
    )
    media_list = media_list if isinstance(media_list, list) else []
    media_urls = [str(m.get("url")) for m in media_list if isinstance(m, dict) and m.get("url")]
    if note and _str(note.get("text")):
        text = note["text"]
        urls = dig(note, "entity_set", "urls")
        tags = dig(note, "entity_set", "hashtags")
    else:
        text = first(ext.get("full_text"), shown.get("full_text"), shown.get("text"))
        urls = dig(entities, "urls")
        tags = dig(entities, "hashtags")
    caption = _expand(text, urls, remove=media_urls, display=False) or None
    hashtags = [str(h["text"]) for h in tags or [] if isinstance(h, dict) and _str(h.get("text"))]
    for tag in extract_hashtags(caption):
        if tag.casefold() not in {h.casefold() for h in hashtags}:
            hashtags.append(tag)
    shown_id = first(shown.get("id_str"), str(shown.get("id") or "")) or outer_id
    created = parse_iso(outer_created) or snowflake_time(outer_id)
    return Post(
        id=outer_id,
        url=f"https://x.com/{shown_author or 'i/web'}/status/{shown_id}",
        created_at=created,
        caption=caption,
        hashtags=hashtags,
        media=[_media_item(m) for m in media_list if isinstance(m, dict)],
        location=_place(shown.get("place"), shown.get("coordinates")),
        is_repost=is_repost,
    )


def _unwrap_tweet(r: Any) -> dict[str, Any] | None:
    if not isinstance(r, dict):
        return None
    if r.get("__typename") == "TweetWithVisibilityResults" and isinstance(r.get("tweet"), dict):
        r = r["tweet"]
    if r.get("__typename") in ("TweetTombstone", "TweetUnavailable") or not isinstance(
        r.get("legacy"), dict
    ):
        return None
    return r


def _gql_author(r: dict[str, Any]) -> dict[str, Any] | None:
    user = dig(r, "core", "user_results", "result")
    return user if isinstance(user, dict) else None


def _gql_tweet(raw: Any, where: str, users: list[_User]) -> _Tweet | None:
    r = _unwrap_tweet(raw)
    if r is None:
        return None
    author = _gql_author(r)
    author_user = (
        _gql_user(author, f"{where}.core.user_results.result", "author") if author else None
    )
    if author_user:
        users.append(author_user)
    leg = r["legacy"]
    inner = _unwrap_tweet(dig(leg, "retweeted_status_result", "result"))
    shown = inner or r
    shown_author = _gql_author(shown)
    shown_name = first(
        dig(shown_author, "core", "screen_name"), dig(shown_author, "legacy", "screen_name")
    )
    note = dig(shown, "note_tweet", "note_tweet_results", "result")
    outer_id = str(first(r.get("rest_id"), leg.get("id_str")))
    post = _legacy_post(
        outer_id,
        leg.get("created_at"),
        shown["legacy"],
        shown_name,
        is_repost=inner is not None or bool(leg.get("retweeted_status_id_str")),
        note=note if isinstance(note, dict) else None,
    )
    return _Tweet(author_user.screen_name if author_user else None, post, where)


def _timeline_items(data: Any) -> Iterator[tuple[Any, str]]:
    """Each timeline item's tweet result, with its path. Only entries are read, so quoted
    tweets and 'who to follow' users never pass for the profile's own posts."""
    for obj in walk(data):
        if not isinstance(obj, dict) or not isinstance(obj.get("instructions"), list):
            continue
        for i, ins in enumerate(obj["instructions"]):
            if not isinstance(ins, dict):
                continue
            entries = list(as_list(ins.get("entries")))
            if isinstance(ins.get("entry"), dict):  # TimelinePinEntry
                entries.append(ins["entry"])
            entries += (
                [{"content": {"items": ins["moduleItems"]}}] if ins.get("moduleItems") else []
            )
            for j, entry in enumerate(entries):
                content = entry.get("content") if isinstance(entry, dict) else None
                if not isinstance(content, dict) or dig(content, "itemContent", "promotedMetadata"):
                    continue
                base = f"instructions[{i}].entries[{j}].content"
                item = dig(content, "itemContent", "tweet_results", "result")
                if item is not None:
                    yield item, f"{base}.itemContent.tweet_results.result"
                for k, sub in enumerate(as_list(content.get("items"))):
                    res = dig(sub, "item", "itemContent", "tweet_results", "result")
                    if res is not None and not dig(sub, "item", "itemContent", "promotedMetadata"):
                        yield res, f"{base}.items[{k}].item.itemContent.tweet_results.result"


def _media_grid(data: Any, url: str) -> bool:
    """Whether a GraphQL timeline is the profile's Media tab (UserMedia: a grid of the posts
    with images or video, entries 'profile-grid-...') rather than its posts (UserTweets:
    'tweet-...', 'profile-conversation-...')."""
    if "UserMedia" in url:
        return True
    if "UserTweets" in url:
        return False
    ids = [
        str(entry.get("entryId") or "")
        for obj in walk(data)
        if isinstance(obj, dict) and isinstance(obj.get("instructions"), list)
        for ins in obj["instructions"]
        if isinstance(ins, dict)
        for entry in [*as_list(ins.get("entries")), *as_list(ins.get("moduleItems"))]
        if isinstance(entry, dict)
    ]
    if any(i.startswith(("tweet-", "profile-conversation-")) for i in ids):
        return False
    return any(i.startswith("profile-grid-") for i in ids)


def _v1_tweet(t: dict[str, Any], where: str, users: list[_User], author: _User | None) -> _Tweet:
    """A v1.1 tweet; `author` when the tweet sits inside its user (users/lookup `status`)."""
    if author is None and isinstance(t.get("user"), dict):
        u = _User(
            str(t["user"].get("screen_name") or ""),
            {},
            {},
            "author",
            t["user"].get("id_str"),
            fmt="v1.1",
        )
        _legacy_fields(u, t["user"], f"{where}.user")
        if u.screen_name:
            users.append(u)
            author = u
    rt = t.get("retweeted_status") if isinstance(t.get("retweeted_status"), dict) else None
    shown = rt or t
    shown_name = dig(shown, "user", "screen_name") or (author.screen_name if author else None)
    post = _legacy_post(
        str(first(t.get("id_str"), t.get("id"))),
        t.get("created_at"),
        shown,
        shown_name,
        is_repost=rt is not None,
    )
    return _Tweet(author.screen_name if author else None, post, where)


def _v2_posts(data: dict[str, Any], label: str, users: list[_User]) -> list[_Tweet]:
    inc = _obj(data.get("includes"))
    by_id: dict[str, _User] = {}
    for i, ud in enumerate(as_list(inc.get("users"))):
        u = (
            _v2_user(ud, f"{label}: includes.users[{i}]", "author")
            if isinstance(ud, dict)
            else None
        )
        if u:
            users.append(u)
            by_id[str(u.rest_id)] = u
    places = {str(p.get("id")): p for p in as_list(inc.get("places")) if isinstance(p, dict)}
    media = {str(m.get("media_key")): m for m in as_list(inc.get("media")) if isinstance(m, dict)}
    ref_tweets = {str(t.get("id")): t for t in as_list(inc.get("tweets")) if isinstance(t, dict)}
    out = []
    items = data.get("data")
    for i, t in enumerate(items if isinstance(items, list) else [items]):
        if not isinstance(t, dict) or "text" not in t:
            continue
        rt_id = next(
            (str(r.get("id")) for r in as_list(t.get("referenced_tweets"))
             if isinstance(r, dict) and r.get("type") == "retweeted"),
            None,
        )  # fmt: skip
        shown = ref_tweets.get(rt_id or "", t)
        caption = _expand(shown.get("text"), dig(shown, "entities", "urls"), display=False)
        tags = [str(h.get("tag")) for h in dig(shown, "entities", "hashtags") or [] if h.get("tag")]
        place_id = str(dig(shown, "geo", "place_id") or "")
        author = by_id.get(str(t.get("author_id")))
        shown_user = by_id.get(str(shown.get("author_id")))
        shown_by = shown_user.screen_name if shown_user else "i/web"
        out.append(
            _Tweet(
                author.screen_name if author else None,
                Post(
                    id=str(t.get("id")),
                    url=f"https://x.com/{shown_by}/status/{shown.get('id') or t.get('id')}",
                    created_at=parse_iso(t.get("created_at")) or snowflake_time(t.get("id")),
                    caption=caption or None,
                    hashtags=tags or extract_hashtags(caption),
                    media=[
                        _media_item(media[k], alt_key="alt_text")
                        for k in dig(shown, "attachments", "media_keys") or []
                        if k in media
                    ],
                    location=_place(places.get(place_id), dig(shown, "geo", "coordinates")),
                    is_repost=rt_id is not None,
                ),
                f"{label}: data[{i}]",
            )
        )
    return out


# --- JSON documents --------------------------------------------------------------------


@dataclass
class _Found:
    users: list[_User] = field(default_factory=list)
    tweets: list[_Tweet] = field(default_factory=list)
    problems: list[tuple[Outcome, str]] = field(default_factory=list)
    wall: list[str] = field(default_factory=list)  # why a login wall is suspected
    x_seen: bool = False  # any sign the documents came from X at all
    logged_out_page: bool = False
    og_status_page: bool = False  # a post page whose only data is its meta tags
    timelines: int = 0
    media_grids: int = 0  # of those, the Media tab's grid (posts with images or video only)


_ERROR_RULES: tuple[tuple[re.Pattern[str], Outcome, str], ...] = tuple(
    (re.compile(rx, re.IGNORECASE), outcome, reason)
    for rx, outcome, reason in (
        (r"suspended", Outcome.NOT_FOUND, "the account is suspended"),
        (r"not found|no user matches|could not find|does(n’|n'| no)t exist", Outcome.NOT_FOUND,
         "no such X account"),
        (r"not authorized to see|protected", Outcome.PRIVATE,
         "the account's posts are protected: only approved followers see them"),
        (r"rate limit|too many requests", Outcome.BLOCKED, "X rate-limited the request"),
        (r"could not authenticate|authenticat|bad guest token|login", Outcome.LOGIN_WALL,
         _LOGIN_WALL_REASON),
    )
)  # fmt: skip
_ERROR_CODES = {
    17: Outcome.NOT_FOUND,
    50: Outcome.NOT_FOUND,
    63: Outcome.NOT_FOUND,
    88: Outcome.BLOCKED,
    179: Outcome.PRIVATE,
    32: Outcome.LOGIN_WALL,
    215: Outcome.LOGIN_WALL,
}


def _api_errors(data: dict[str, Any]) -> list[tuple[Outcome, str]]:
    out = []
    for err in as_list(data.get("errors")):
        if not isinstance(err, dict):
            continue
        message = " ".join(str(err.get(k) or "") for k in ("title", "message", "detail")).strip()
        for rx, outcome, reason in _ERROR_RULES:
            if rx.search(message):
                out.append((outcome, f"{reason} ({message})"))
                break
        else:
            code = _int(err.get("code"))
            if code in _ERROR_CODES:
                out.append((_ERROR_CODES[code], f"X API error {code}: {message}"))
            else:
                out.append((Outcome.ERROR, f"X API error: {message or err}"))
    return out


def _is_v1_user(d: Any) -> bool:
    return isinstance(d, dict) and "screen_name" in d and "followers_count" in d


def _is_v1_tweet(d: Any) -> bool:
    return isinstance(d, dict) and "id_str" in d and ("full_text" in d or "text" in d)


def _read_json(doc: Document, data: Any, found: _Found) -> None:
    label = doc.label
    if isinstance(data, dict):
        if data.get("errors") and not data.get("data"):
            found.problems += _api_errors(data)
        root = _obj(data.get("data"))
        for key in ("user", "user_result", "user_result_by_screen_name"):
            result = dig(root, key, "result")
            if (
                isinstance(result, dict)
                and "timeline" not in result
                and "timeline_v2" not in result
            ):
                u = _gql_user(result, f"{label}: data.{key}.result", "primary")
                if u and u.unavailable and not u.screen_name:
                    why = u.unavailable
                    found.problems.append(
                        (Outcome.NOT_FOUND, "the account is suspended")
                        if "suspend" in why.lower()
                        else (Outcome.NOT_FOUND, f"the account is unavailable ({why})")
                    )
                elif u:
                    found.users.append(u)
        if "UserByScreenName" in (doc.url or "") and not dig(root, "user", "result"):
            found.problems.append(
                (Outcome.NOT_FOUND, "no such X account (UserByScreenName is empty)")
            )
        for raw, path in _timeline_items(data):
            tweet = _gql_tweet(raw, f"{label}: {path}", found.users)
            if tweet:
                found.tweets.append(tweet)
        if any(isinstance(o, dict) and "instructions" in o for o in walk(root)):
            found.timelines += 1
            if _media_grid(root, doc.url or ""):
                found.media_grids += 1
        for key in ("tweetResult", "tweet_result"):
            tweet = _gql_tweet(dig(root, key, "result"), f"{label}: data.{key}.result", found.users)
            if tweet:
                found.tweets.append(tweet)
        if "includes" in data or (isinstance(data.get("data"), list) and "meta" in data):
            found.tweets += _v2_posts(data, label, found.users)
            found.timelines += 1
        elif isinstance(data.get("data"), dict) and "username" in data["data"]:
            u = _v2_user(data["data"], f"{label}: data", "primary")
            if u:
                found.users.append(u)
        if isinstance(data.get("statuses"), list):  # v1.1 search
            data = data["statuses"]
        elif _is_v1_user(data) or _is_v1_tweet(data):
            data = [data]
    if isinstance(data, list):
        _read_v1_list(data, label, found)


def _read_v1_list(items: list[Any], label: str, found: _Found) -> None:
    tweets = 0
    for i, item in enumerate(items):
        where = f"{label}: [{i}]"
        if _is_v1_user(item):
            u = _User(str(item["screen_name"]), {}, {}, "primary", item.get("id_str"), fmt="v1.1")
            _legacy_fields(u, item, where)
            found.users.append(u)
            if isinstance(item.get("status"), dict):
                found.tweets.append(_v1_tweet(item["status"], f"{where}.status", found.users, u))
        elif _is_v1_tweet(item):
            found.tweets.append(_v1_tweet(item, where, found.users, None))
            tweets += 1
    if tweets:
        found.timelines += 1


# --- HTML documents --------------------------------------------------------------------

_WALL_SELECTORS = (
    '[data-testid="loginButton"], [data-testid="signupButton"], [data-testid="login"], '
    'a[href^="/login"], a[href^="/i/flow/login"], a[href^="/i/flow/signup"]'
)
_WALL_TEXT = re.compile(
    r"don[’']t miss what[’']s happening|sign in to x|log in to x|new to x\?|"
    r"people on x are the first to know|sign up now to get your own",
    re.IGNORECASE,
)
_MISSING_TEXT = re.compile(r"this account doesn[’']t exist|hmm\.\.\.this page doesn[’']t exist")
_SUSPENDED_TEXT = re.compile(r"account suspended|x suspends accounts")
_PROTECTED_TEXT = re.compile(r"these (posts|tweets) are protected")
_BLOCKED_TEXT = re.compile(r"rate limit exceeded|something went wrong\. try reloading")
_OG_TITLE = re.compile(
    r"^(?P<name>.*?)\s*\(@(?P<handle>\w{1,15})\)\s*(?:on X|/ X|on Twitter|/ Twitter)"
)


def _text(el: Tag) -> str:
    """An element's text as shown: emoji images become their alt text (X draws emoji as
    `<img alt="🍞">`), other images disappear."""
    parts: list[str] = []
    for node in el.descendants:
        if type(node) is NavigableString:
            parts.append(str(node))
        elif isinstance(node, Tag) and node.name == "img" and "emoji" in str(node.get("src")):
            parts.append(str(node.get("alt") or ""))
        elif isinstance(node, Tag) and node.name == "br":
            parts.append("\n")
    return "".join(parts)


def _count(text: str) -> int | None:
    """'1,234' / '1.2K' / '3M' as a number."""
    m = re.match(r"^\s*([\d.,]+)\s*([KMB])?\b", text, re.IGNORECASE)
    if not m:
        return None
    raw, suffix = m.group(1), (m.group(2) or "").upper()
    if suffix:
        try:
            value = float(raw.replace(",", "."))
        except ValueError:
            return None
        return int(value * {"K": 1e3, "M": 1e6, "B": 1e9}[suffix])
    return _int(raw.replace(".", "").replace(",", ""))


_AVATAR_SIZES = ("_400x400", "_200x200", "_bigger", "_x96", "_normal", "_mini")


def _avatar_rank(url: str) -> int:
    for i, size in enumerate(_AVATAR_SIZES):
        if size in url:
            return i
    return 0 if "profile_images" in url else len(_AVATAR_SIZES)


def _in_quote(el: Tag, article: Tag) -> bool:
    """True inside a quoted tweet (X nests it in a `div[role=link]` card)."""
    for parent in el.parents:
        if parent is article:
            return False
        if parent.name == "div" and parent.get("role") == "link":
            return True
    return False


def _dom_user(soup: BeautifulSoup, label: str) -> _User | None:
    header = soup.select_one('[data-testid="UserName"]')
    if not isinstance(header, Tag):
        return None
    strings = [s.strip() for s in header.stripped_strings]
    handle = next((s[1:] for s in strings if re.fullmatch(r"@\w{1,15}", s)), None)
    if not handle:
        return None
    u = _User(handle, {}, {}, "page", fmt="page")
    name_el = header.find("span")
    name = _text(name_el).strip() if isinstance(name_el, Tag) else strings[0]
    u.set("name", name or None, f'{label}: [data-testid="UserName"] span')
    desc = soup.select_one('[data-testid="UserDescription"]')
    if isinstance(desc, Tag):
        u.set(
            "description", _text(desc).strip() or None, f'{label}: [data-testid="UserDescription"]'
        )
    loc = soup.select_one('[data-testid="UserLocation"]')
    if isinstance(loc, Tag):
        u.set(
            "location",
            loc.get_text(" ", strip=True) or None,
            f'{label}: [data-testid="UserLocation"]',
        )
    site = soup.select_one('[data-testid="UserUrl"]')
    if isinstance(site, Tag):
        shown = site.get_text("", strip=True)
        anchor = site if site.name == "a" else site.find("a")
        href = anchor.get("href") if isinstance(anchor, Tag) else None
        url = f"https://{shown}" if shown and "…" not in shown and " " not in shown else href
        if not str(url or "").startswith("http"):
            url = href
        u.set("website", (url, shown or None), f'{label}: [data-testid="UserUrl"]')
    cat = soup.select_one('[data-testid="UserProfessionalCategory"]')
    if isinstance(cat, Tag):
        u.set("category", cat.get_text(" ", strip=True) or None,
              f'{label}: [data-testid="UserProfessionalCategory"]')  # fmt: skip
    images = [
        str(img.get("src"))
        for img in soup.select(f'[data-testid="UserAvatar-Container-{handle}"] img')
        if img.get("src")
    ]
    if images:
        u.set(
            "avatar",
            min(images, key=_avatar_rank),
            f'{label}: [data-testid="UserAvatar-Container-{handle}"] img',
        )
    for suffix, key in (("/following", "following"), ("/verified_followers", "followers"),
                        ("/followers", "followers")):  # fmt: skip
        link = soup.select_one(f'a[href="/{handle}{suffix}"]')
        if isinstance(link, Tag):
            u.set(
                key, _count(link.get_text(" ", strip=True)), f'{label}: a[href="/{handle}{suffix}"]'
            )
    for s in soup.find_all(string=re.compile(r"^\s*[\d.,]+[KMB]?\s+(posts|tweets)\s*$", re.I)):
        u.set("posts", _count(str(s)), f"{label}: '<n> posts' header")
        break
    if header.select_one('[data-testid="icon-verified"]'):
        u.set("verified", True, f'{label}: [data-testid="UserName"] [data-testid="icon-verified"]')
    if header.select_one('[data-testid="icon-lock"], svg[aria-label="Protected account"]'):
        u.set("protected", True, f'{label}: [data-testid="UserName"] protected icon')
    return u


def _dom_tweets(soup: BeautifulSoup, label: str, owner: str | None) -> list[_Tweet]:
    out = []
    for article in soup.select('article[data-testid="tweet"]'):
        link = next(
            (a for a in article.select('a[href*="/status/"]')
             if a.find("time") and not _in_quote(a, article)),
            None,
        )  # fmt: skip
        m = re.match(r"^/(\w{1,15})/status/(\d+)", str(link.get("href"))) if link else None
        if not link or not m:
            continue
        author, tweet_id = m.group(1), m.group(2)
        time = link.find("time")
        created = parse_iso(time.get("datetime")) if isinstance(time, Tag) else None
        context = article.select_one('[data-testid="socialContext"]')
        reposted = bool(context and re.search(r"repost|retweet", context.get_text(" "), re.I))
        text_el = next(
            (t for t in article.select('[data-testid="tweetText"]') if not _in_quote(t, article)),
            None,
        )
        caption = normalize_space(_text(text_el)) if text_el else None
        tags = [
            a.get_text("", strip=True).lstrip("#")
            for a in (text_el.select('a[href^="/hashtag/"]') if text_el else [])
        ]
        media = []
        for box in article.select('[data-testid="tweetPhoto"]'):
            if _in_quote(box, article) or box.find_parent(attrs={"data-testid": "tweetPhoto"}):
                continue
            img = box.find("img")
            alt = _str(img.get("alt")) if isinstance(img, Tag) else None
            alt = None if alt in ("Image", "Embedded video", "GIF") else alt  # X's placeholders
            video = box.select_one('[data-testid="videoPlayer"], video')
            media.append(
                Media(
                    kind="video" if video else "image",
                    url=str(img.get("src")) if isinstance(img, Tag) and img.get("src") else None,
                    alt_text=alt,
                    alt_source=classify_alt(alt),
                )
            )
        post = Post(
            id=tweet_id,
            url=f"https://x.com/{author}/status/{tweet_id}",
            created_at=created or snowflake_time(tweet_id),
            caption=caption,
            hashtags=tags or extract_hashtags(caption),
            media=media,
            is_repost=reposted,
        )
        who = owner if reposted and owner else author
        out.append(_Tweet(who, post, f'{label}: article[data-testid="tweet"]'))
    return out


def _og(soup: BeautifulSoup, doc: Document) -> tuple[_User | None, _Tweet | None]:
    meta = meta_tags(soup)
    title = first(
        meta.get("og:title"), meta.get("title"), soup.title.string if soup.title else None
    )
    m = _OG_TITLE.match(str(title or "")[:TITLE_MAX])
    if not m:
        return None, None
    label = doc.label
    u = _User(m.group("handle"), {}, {}, "page", fmt="page")
    u.set("name", normalize_space(m.group("name")), f"{label}: meta og:title")
    url = str(first(meta.get("og:url"), meta.get("canonical"), doc.url) or "")
    status = re.search(r"/status(?:es)?/(\d+)", url)
    if not status:
        u.set(
            "description",
            normalize_space(meta.get("og:description")),
            f"{label}: meta og:description",
        )
        image = meta.get("og:image", "")
        if "profile_images" in image:
            u.set("avatar", image, f"{label}: meta og:image")
        return u, None
    caption = normalize_space(html.unescape(meta.get("og:description", ""))) or None
    image = meta.get("og:image", "")
    post = Post(
        id=status.group(1),
        url=f"https://x.com/{u.screen_name}/status/{status.group(1)}",
        created_at=snowflake_time(status.group(1)),
        caption=caption,
        hashtags=extract_hashtags(caption),
        media=[Media(kind="image", url=image)] if "/media/" in image else [],
    )
    return u, _Tweet(u.screen_name, post, f"{label}: meta og:url/og:description")


def _read_html(doc: Document, found: _Found) -> None:
    soup = soup_of(doc.text)
    label = doc.label
    text = soup.get_text(" ", strip=True)
    low = text.lower()
    meta = meta_tags(soup)
    site = (meta.get("og:site_name", "") + " " + meta.get("apple-mobile-web-app-title", "")).lower()
    is_x = (
        "twitter" in site
        or "x (formerly" in site
        or site.strip() == "x"
        or "twimg.com" in doc.text[:50000]
        or host_matches(urlsplit(doc.url or ""), HOSTS)
    )
    found.x_seen = found.x_seen or is_x
    user = _dom_user(soup, label)
    if user:
        found.users.append(user)
    found.tweets += _dom_tweets(soup, label, user.screen_name if user else None)
    og_user, og_tweet = _og(soup, doc)
    if og_user:
        og_user.kind = "page" if user is None else "author"
        found.users.append(og_user)
    if og_tweet:
        found.tweets.append(og_tweet)
        found.og_status_page = found.og_status_page or user is None
    # login prompts count only on X's own pages: other sites have /login links too
    prompt = is_x and (
        soup.select_one(_WALL_SELECTORS) is not None or bool(_WALL_TEXT.search(text))
    )
    if prompt:
        found.logged_out_page = True
        found.wall.append(f"{label}: the page shows X's 'Log in' / 'Sign up' prompt")
    if _SUSPENDED_TEXT.search(low):
        found.problems.append((Outcome.NOT_FOUND, "the account is suspended"))
    elif _MISSING_TEXT.search(low):
        found.problems.append(
            (Outcome.NOT_FOUND, "no such X account ('This account doesn’t exist')")
        )
    elif _PROTECTED_TEXT.search(low):
        found.problems.append((Outcome.PRIVATE, "the account's posts are protected"))
    elif _BLOCKED_TEXT.search(low) and user is None and not prompt:
        found.problems.append((Outcome.BLOCKED, "X answered 'Something went wrong' / rate limit"))
    if user is None and not found.tweets and found.x_seen and not prompt:
        found.wall.append(f"{label}: x.com served only its app shell, with no profile in it")


def _collect(docs: Sequence[Document]) -> _Found:
    found = _Found()
    for doc in docs:
        url = doc.url or ""
        parts = urlsplit(url)
        if host_matches(parts, (*HOSTS, "twimg.com")):
            found.x_seen = True
        if host_matches(parts, HOSTS) and re.match(
            r"^/(i/flow/login|login|i/flow/signup)", parts.path
        ):
            found.wall.append(f"{url}: x.com redirected to its login flow")
            found.logged_out_page = True
            continue
        if doc.kind == "json":
            if doc.data is not None:
                _read_json(doc, doc.data, found)
        elif doc.kind == "html":
            _read_html(doc, found)
        if doc.status == 429:
            found.problems.append((Outcome.BLOCKED, f"{doc.label}: HTTP 429 (rate limited)"))
    if found.users or found.tweets:
        found.x_seen = True
    return found


# --- choosing and merging --------------------------------------------------------------

_RANK = {"primary": 0, "page": 1, "author": 2}


def _choose(found: _Found, ctx: ExtractContext) -> tuple[str | None, str | None]:
    """The screen name these documents are about, and a warning when it had to be guessed."""
    users = sorted(found.users, key=lambda u: _RANK[u.kind])
    names = list(dict.fromkeys(u.screen_name for u in users if u.screen_name))
    if ctx.ref is not None:
        want = ctx.ref.handle.casefold()
        for name in names:
            if name.casefold() == want:
                return name, None
        return None, None
    for kind in ("primary", "page"):
        tier = list(dict.fromkeys(u.screen_name for u in users if u.kind == kind and u.screen_name))
        if tier:
            break
    else:
        authors = [t.author for t in found.tweets if t.author]
        tier = list(dict.fromkeys(authors))
        if tier:  # the account with most posts here is the timeline's owner
            tier.sort(key=lambda a: -authors.count(a))
    if not tier:
        return None, None
    if len(set(n.casefold() for n in tier)) > 1:
        more = f" and {len(tier) - 5} more" if len(tier) > 5 else ""
        shown = ", ".join("@" + n for n in tier[:5]) + more
        return tier[0], (
            f"these documents hold {len(tier)} X accounts ({shown}); read the first, "
            f"@{tier[0]}; name the one to audit with x:@handle"
        )
    return tier[0], None


def _merged(found: _Found, name: str) -> _User:
    merged = _User(name, {}, {}, "primary")
    for u in sorted(found.users, key=lambda u: _RANK[u.kind]):
        if u.screen_name.casefold() != name.casefold():
            continue
        merged.unavailable = merged.unavailable or u.unavailable
        merged.rest_id = merged.rest_id or u.rest_id
        for key, value in u.values.items():
            merged.set(key, value, u.sources[key])
    return merged


def _fill(profile: Profile, u: _User) -> None:
    v, s = u.values, u.sources
    profile.handle = u.screen_name
    profile.url = profile_url(u.screen_name)
    profile.display_name = normalize_space(v.get("name"))
    profile.bio = normalize_space(v.get("description"))
    links: list[Link] = []
    if v.get("website") and v["website"][0]:
        url, shown = v["website"]
        links.append(Link(url=str(url), title=shown))
    for url, shown in v.get("bio_links") or []:
        if all(link.url != url for link in links):
            links.append(Link(url=url, title=shown))
    profile.links = links
    if v.get("location") or v.get("based_in"):
        profile.location = Place(name=v.get("location"), country=v.get("based_in"))
    if v.get("avatar"):
        avatar = str(v["avatar"])
        default = bool(v.get("default_avatar")) or "default_profile_images" in avatar
        profile.avatar = Avatar(url=avatar, is_default=default)
    profile.category = v.get("category")
    if v.get("professional_type"):
        profile.is_business = v["professional_type"] == "Business"
    profile.is_private = v.get("protected")
    profile.is_verified = v.get("verified")
    profile.counts = Counts(
        followers=v.get("followers"), following=v.get("following"), posts=v.get("posts")
    )
    fields = {
        "display_name": "name",
        "bio": "description",
        "location": "location",
        "avatar": "avatar",
        "category": "category",
        "is_business": "professional_type",
        "is_private": "protected",
        "is_verified": "verified",
    }
    for field_name, key in fields.items():
        if key in s:
            profile.sources[field_name] = s[key]
    if "website" in s or "bio_links" in s:
        profile.sources["links"] = s.get("website") or s["bio_links"]
    if "based_in" in s:
        profile.sources["location.country"] = s["based_in"]
    if any(k in s for k in ("followers", "following", "posts")):
        profile.sources["counts"] = s.get("followers") or s.get("posts") or s["following"]


# --- extract ---------------------------------------------------------------------------

_PRIORITY = (Outcome.NOT_FOUND, Outcome.PRIVATE, Outcome.BLOCKED, Outcome.LOGIN_WALL, Outcome.ERROR)


def _fail(profile: Profile, outcome: Outcome, reason: str) -> Profile:
    profile.capture.outcome = outcome
    profile.capture.reason = reason
    if reason not in profile.capture.warnings:
        profile.capture.warnings.append(reason)
    return profile


def extract(docs: Sequence[Document], ctx: ExtractContext) -> Profile:
    """The X profile these documents show, with its posts (retweets kept, marked)."""
    profile = Profile(
        platform=Platform.X,
        handle=ctx.ref.handle if ctx.ref else "",
        url=ctx.ref.url if ctx.ref else None,
        capture=CaptureInfo(
            captured_at=ctx.captured_at,
            url=ctx.ref.url if ctx.ref else None,
            inputs=[input_doc(d) for d in docs],
        ),
    )
    found = _collect(docs)
    name, guess_warning = _choose(found, ctx)
    if name is None:
        return _no_profile(profile, found, ctx)
    if guess_warning:
        profile.capture.warnings.append(guess_warning)
    user = _merged(found, name)
    _fill(profile, user)
    profile.capture.formats = sorted(
        {u.fmt for u in found.users if u.screen_name.casefold() == name.casefold()}
    )

    posts: dict[str, Post] = {}
    others = 0
    for tweet in found.tweets:
        if tweet.author is None or tweet.author.casefold() != name.casefold():
            others += 1
            continue
        existing = posts.get(tweet.post.id)
        if existing is None or (not existing.media and tweet.post.media):
            posts[tweet.post.id] = tweet.post  # the fuller copy (UserMedia) wins
        profile.sources.setdefault("posts", re.sub(r"\[\d+\]", "[]", tweet.where))
    profile.posts = sorted(
        posts.values(),
        key=lambda p: p.created_at or datetime.min.replace(tzinfo=timezone.utc),
        reverse=True,
    )
    if others:
        profile.capture.warnings.append(
            f"left out {others} posts by other accounts found in the same documents"
        )
    if user.sources and all("meta og:" in where for where in user.sources.values()):
        profile.not_observed["alt_text"] = "page meta tags carry no alt text"
        if found.og_status_page:
            profile.capture.warnings.append(
                "x.com served only a post page's meta tags (name, one post): no bio, counts "
                "or timeline are visible logged out"
            )
            return _fail(profile, Outcome.LOGIN_WALL, _LOGIN_WALL_REASON)
        profile.capture.warnings.append(
            "read from the page's meta tags only (name, bio, avatar): X rendered no profile"
        )
    if user.unavailable:
        reason = (
            "the account is suspended"
            if "suspend" in user.unavailable.lower()
            else (f"the account is unavailable ({user.unavailable})")
        )
        return _fail(profile, Outcome.NOT_FOUND, reason)
    if profile.is_private and not profile.posts:
        return _fail(
            profile,
            Outcome.PRIVATE,
            "the account's posts are protected: only approved followers see them",
        )
    if found.logged_out_page:
        profile.capture.warnings.append(
            "read from X's logged-out view: X shows logged-out visitors only a few posts "
            "(chosen by popularity, not the newest); " + _LOGIN_WALL_REASON
        )
    elif found.timelines and found.timelines == found.media_grids and profile.posts:
        profile.not_observed["timeline"] = (
            "only X's Media tab was read, which lists the posts with images or video: when "
            "and how often the account posts is not shown (capture the UserTweets response too)"
        )
    elif not found.timelines and not profile.posts:
        why = (
            "no posts were captured (only the profile): cadence, captions and alt text "
            "cannot be checked; capture the UserTweets/UserMedia responses too"
        )
        profile.not_observed["posts"] = why
        profile.capture.warnings.append(why)
    return profile


def _no_profile(profile: Profile, found: _Found, ctx: ExtractContext) -> Profile:
    if ctx.ref is not None and found.users:
        names = ", ".join(dict.fromkeys("@" + u.screen_name for u in found.users))
        return _fail(
            profile,
            Outcome.ERROR,
            f"the documents hold X accounts ({names}) but not @{ctx.ref.handle}",
        )
    for outcome in _PRIORITY:
        for got, reason in found.problems:
            if got is outcome:
                if outcome is Outcome.LOGIN_WALL:
                    return _fail(profile, outcome, _LOGIN_WALL_REASON)
                return _fail(profile, outcome, reason)
    if found.wall or found.x_seen:
        for why in found.wall:
            profile.capture.warnings.append(why)
        return _fail(profile, Outcome.LOGIN_WALL, _LOGIN_WALL_REASON)
    return _fail(
        profile,
        Outcome.ERROR,
        "no X profile data in these documents (expected x.com GraphQL responses such as "
        "UserByScreenName/UserTweets, X API JSON, or a saved x.com profile page)",
    )


SPEC = PlatformSpec(
    platform=Platform.X,
    hosts=HOSTS,
    match_url=segment_matcher(HOSTS, normalize_handle, reserved=_RESERVED),
    normalize_handle=normalize_handle,
    profile_url=profile_url,
    capture_plan=capture_plan,
    extract=extract,
)
