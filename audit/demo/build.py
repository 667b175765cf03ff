"""Build the demo brand's recorded HARs: `python -m audit.demo.build` (writes audit/demo/).

The demo business is invented: Modra Vrata, a sourdough bakery in Ljubljana, posting in
Slovenian and English. Its HARs hold exactly what findable's capture plans ask each platform
for, in the platforms' real structures (Instagram's logged-out profile page plus the
`web_profile_info` response its web app loads; Bluesky's public AppView `getProfile` and
`getAuthorFeed`, and `getPostThread` for the newest posts people commented on; the bakery's own
homepage), so `findable demo` runs the real capture code against them offline.

Some things are deliberately wrong, so the demo shows findable finding them: most Instagram
photos have no alt text or only Instagram's automatic text, the Instagram name field carries
no keyword, the Bluesky account went quiet five weeks before the recording and answered only 3
of the 12 comments on its newest posts, and only two of the twelve newest Instagram posts are
Reels.
The profile HARs also hold the two profile images (the bakery's blue-door logo, drawn at
Instagram's and at Bluesky's size), as a browser records them, so the demo's CON004 compares
real pictures.
The output is deterministic: the tests rebuild the HARs and compare them with the shipped ones.
"""

from __future__ import annotations

import base64
import json
import struct
import zlib
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from audit.documents import Document
from audit.model import Platform, ProfileRef
from audit.platforms import REGISTRY

DEMO_DIR = Path(__file__).resolve().parent
RECORDED_AT = datetime(2026, 11, 20, 9, 30, tzinfo=timezone.utc)
IG_HANDLE = "modravrata.bakery"
BSKY_HANDLE = "modravrata.si"
SHOP = {
    "name": "Modra Vrata Pekarna",
    "street": "Trubarjeva cesta 12",
    "zip": "1000",
    "city": "Ljubljana",
    "lat": 46.0516,
    "lon": 14.5101,
}

# (days before recording, caption, alt text or None, alt is Instagram's auto text, geotag)
IG_POSTS: list[tuple[float, str, str | None, bool, bool]] = [
    (1.2, "Sveži kruh iz krušne peči vsako jutro ob 7h. 🥖 #kruh #ljubljana #sourdough",
     "Three round sourdough loaves with a dark crust cooling on a wooden rack", False, True),
    (3.5, "Croissant Saturday! Laminated by hand with Slovenian butter. #croissant #bakery",
     None, False, False),
    (6.0, "Rženi kruh s semeni – naš najbolj prodajani hlebec. #rženikruh #pekarna",
     "May be an image of bread", True, True),
    (8.4, "New: cardamom buns, only on weekends. Come early! #cardamombuns #ljubljanafood",
     None, False, False),
    (11.0, "Za vas pečemo od leta 2014. Hvala, Ljubljana! ❤️", None, False, True),
    (13.3, "Our starter is 10 years old and still hungry. #sourdoughstarter",
     "A jar of bubbly sourdough starter held up against the bakery window", False, False),
    (16.1, "Potica za praznike – naročila sprejemamo do 20. decembra. #potica",
     "May be an image of food", True, False),
    (18.9, "Pumpkin seed loaf is back for autumn 🎃 #autumnbaking #bakery", None, False, True),
    (21.5, "Jutranja izmena: 4.00 in že diši. #pekarna #ljubljana", None, False, False),
    (24.0, "Gluten-free? Try our buckwheat bread (ajdov kruh), baked on separate days.",
     "Sliced buckwheat bread showing a dense, dark crumb", False, False),
    (27.2, "Nedeljski brunch v pekarni: kruh, maslo, domača marmelada. #brunch", None, False, True),
    (30.6, "Workshop: bake your first sourdough with us, 12 places. Link in bio. #workshop",
     "May be an image of 3 people", True, False),
    (33.0, "Bagete ob 16h, še tople. #bageta", None, False, False),
    (36.4, "Cinnamon rolls, because it's Tuesday. #cinnamonrolls", None, False, False),
    (39.9, "Kruh z orehi in rozinami. #kruh #orehi", None, False, True),
    (43.1, "Behind the counter: meet Maja, our head baker. #bakerylife", None, False, False),
    (46.5, "Ocvirkovca! Tradicionalna slovenska pogača. #slovenskahrana #pekarna",
     "May be an image of bread and text", True, False),
    (50.0, "Rainy day, warm bread. Open until 19h. #ljubljana", None, False, False),
    (53.8, "Polnozrnati toast kruh za vaše zajtrke. #toast", None, False, False),
    (57.2, "We turned 12! Free coffee with every loaf this Friday. #bakery #ljubljana",
     "The blue front door of the bakery decorated with balloons", False, True),
]  # fmt: skip

# Posts that are Reels (short video): two of the newest twelve, so VID001 warns.
IG_REELS = frozenset({1, 7})

# (days before recording, text, image alt ("" = image without alt, None = no image), lang, tags)
BSKY_POSTS: list[tuple[float, str, str | None, str, list[str]]] = [
    (36.0, "Zimski urnik: od decembra odprto ob 7h. Se vidimo! #pekarna #Ljubljana",
     None, "sl", ["pekarna", "Ljubljana"]),
    (38.5, "Sourdough workshop photos are up — thank you all for coming! #sourdough",
     "Six people kneading dough at a long wooden table in the bakery", "en", ["sourdough"]),
    (41.0, "Danes: ajdov kruh in potica. #kruh", "", "sl", ["kruh"]),
    (44.2, "Why we bake with a 10-year-old starter (and what it does for flavour). #sourdough",
     None, "en", ["sourdough"]),
    (47.0, "Bagete ob 16h, še tople.", "", "sl", []),
    (49.8, "Our cardamom buns are back this weekend.", "", "en", []),
    (53.1, "Nova sezona, nova moka: sodelujemo z mlinom iz Prekmurja. #lokalno",
     "A sack of stone-ground flour from a Prekmurje mill next to a loaf", "sl", ["lokalno"]),
    (56.0, "Potica orders are open until 20 December. #potica", None, "en", ["potica"]),
    (60.5, "Kruh z orehi in rozinami je nazaj.", "", "sl", []),
    (64.0, "Meet Maja, our head baker, who starts at 4 am every day.",
     "Maja, smiling, pulls a tray of loaves from the deck oven", "en", []),
    (67.4, "Nedeljski brunch: kruh, maslo, marmelada. #brunch", "", "sl", ["brunch"]),
    (71.0, "Rainy Ljubljana, warm bread. Open until 19h.", None, "en", []),
    (74.6, "Rženi kruh s semeni – najbolj prodajan hlebec.", "", "sl", []),
    (78.0, "Croissants are laminated by hand with Slovenian butter. #croissant",
     "Rows of golden croissants on a baking tray", "en", ["croissant"]),
    (81.5, "Ocvirkovca – tradicionalna pogača. #slovenskahrana", "", "sl", ["slovenskahrana"]),
    (85.0, "We turned 12! Free coffee with every loaf on Friday.", None, "en", []),
    (88.3, "Polnozrnati toast kruh.", "", "sl", []),
    (92.0, "Pumpkin seed loaf is back for autumn.", "", "en", []),
]  # fmt: skip

BSKY_REPOST_DAYS = 37.0  # one boost of a partner's post, which must not count as the brand's


def _iso(dt: datetime) -> str:
    return dt.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def _at(days: float) -> datetime:
    return (RECORDED_AT - timedelta(days=days)).replace(microsecond=0)


def _har_entry(url: str, body: str, mime: str, *, when: datetime, headers: dict[str, str]) -> dict:
    return {
        "startedDateTime": _iso(when),
        "time": 42.0,
        "request": {
            "method": "GET",
            "url": url,
            "httpVersion": "HTTP/2.0",
            "cookies": [],
            "headers": [{"name": k, "value": v} for k, v in headers.items()],
            "queryString": [],
            "headersSize": -1,
            "bodySize": 0,
        },
        "response": {
            "status": 200,
            "statusText": "OK",
            "httpVersion": "HTTP/2.0",
            "cookies": [],
            "headers": [{"name": "content-type", "value": mime}],
            "content": {"size": len(body.encode()), "mimeType": mime, "text": body},
            "redirectURL": "",
            "headersSize": -1,
            "bodySize": len(body.encode()),
        },
        "cache": {},
        "timings": {"send": 0, "wait": 40, "receive": 2},
    }


def _image_entry(url: str, data: bytes, mime: str, *, when: datetime) -> dict:
    """A recorded image response: the body base64-encoded, as Playwright records it."""
    entry = _har_entry(url, "", mime, when=when, headers={"accept": "image/*"})
    entry["response"]["content"] = {
        "encoding": "base64",
        "mimeType": mime,
        "size": len(data),
        "text": base64.b64encode(data).decode("ascii"),
    }
    entry["response"]["bodySize"] = len(data)
    return entry


# The logo's colours: cream wall, the blue door, its lighter panels, a brass knob, the step.
_LOGO_PALETTE = [(246, 239, 226), (31, 78, 160), (74, 124, 204), (222, 180, 60), (60, 50, 40)]


def _logo_pixel(u: float, v: float) -> int:
    """The blue-door logo as geometry on the unit square: which palette colour at (u, v)."""
    if 0.15 <= u <= 0.85 and 0.85 <= v <= 0.89:
        return 4
    arch = (u - 0.5) ** 2 + (v - 0.37) ** 2 <= 0.2**2
    door = (0.3 <= u <= 0.7 and 0.37 <= v < 0.85) or (v < 0.37 and arch)
    if not door:
        return 0
    if (u - 0.62) ** 2 + (v - 0.63) ** 2 <= 0.028**2:
        return 3
    if 0.46 <= v <= 0.78 and (0.36 <= u <= 0.47 or 0.53 <= u <= 0.64):
        return 2
    return 1


def logo_png(size: int, background: tuple[int, int, int] = _LOGO_PALETTE[0]) -> bytes:
    """The logo as a `size`×`size` palette PNG, rasterised and encoded here (stored deflate
    blocks) so the bytes never depend on the installed Pillow's or zlib's version."""
    palette = [background, *_LOGO_PALETTE[1:]]
    rows = b"".join(
        b"\x00" + bytes(_logo_pixel((x + 0.5) / size, (y + 0.5) / size) for x in range(size))
        for y in range(size)
    )
    blocks = []
    for start in range(0, len(rows), 0xFFFF):
        part = rows[start : start + 0xFFFF]
        final = int(start + 0xFFFF >= len(rows))
        blocks.append(bytes([final]) + struct.pack("<HH", len(part), len(part) ^ 0xFFFF) + part)
    idat = b"\x78\x01" + b"".join(blocks) + struct.pack(">I", zlib.adler32(rows))

    def chunk(tag: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + tag + body + struct.pack(">I", zlib.crc32(tag + body))

    header = struct.pack(">IIBBBBB", size, size, 8, 3, 0, 0, 0)  # 8-bit palette, no interlace
    plte = b"".join(bytes(c) for c in palette)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"PLTE", plte)
        + chunk(b"IDAT", idat)
        + chunk(b"IEND", b"")
    )


# Instagram's copy of the logo, and Bluesky's: the same logo exported smaller, on a slightly
# warmer cream (what a second export from a design tool looks like).
IG_AVATAR_PX = 160
BSKY_AVATAR_PX = 120
BSKY_AVATAR_BACKGROUND = (244, 235, 218)


def _har(entries: list[dict]) -> dict:
    return {
        "log": {
            "version": "1.2",
            "creator": {"name": "findable demo recorder", "version": "1"},
            "browser": {"name": "chromium", "version": "demo"},
            "pages": [],
            "entries": entries,
        }
    }


def _ig_profile_html(user: dict[str, Any]) -> str:
    name = user["full_name"]
    handle = user["username"]
    followers = user["edge_followed_by"]["count"]
    following = user["edge_follow"]["count"]
    posts = user["edge_owner_to_timeline_media"]["count"]
    desc = (
        f"{followers:,} Followers, {following:,} Following, {posts:,} Posts - "
        f"See Instagram photos and videos from {name} (@{handle})"
    )
    bio = user["biography"].replace('"', "&quot;").replace("\n", " ")
    return f"""<!DOCTYPE html>
<html lang="en" class="no-js not-logged-in"><head>
<meta charset="utf-8">
<title>{name} (@{handle}) &#x2022; Instagram photos and videos</title>
<meta name="description" content="{followers:,} Followers, {following:,} Following, {posts:,} Posts - {name} (@{handle}) on Instagram: &quot;{bio}&quot;">
<meta property="og:type" content="profile">
<meta property="og:title" content="{name} (@{handle}) &#x2022; Instagram photos and videos">
<meta property="og:description" content="{desc}">
<meta property="og:image" content="{user["profile_pic_url"]}">
<meta property="og:url" content="https://www.instagram.com/{handle}/">
<link rel="canonical" href="https://www.instagram.com/{handle}/">
</head><body><div id="react-root"><main role="main"><h2>{name}</h2></main></div></body></html>
"""  # noqa: E501


def _ig_edges(posts: list[tuple[float, str, str | None, bool, bool]], prefix: str,
              place: dict[str, str],
              reels: frozenset[int] = frozenset()) -> list[dict[str, Any]]:  # fmt: skip
    edges = []
    for i, (days, caption, alt, _auto, geo) in enumerate(posts):
        shortcode = f"{prefix}{i:02d}Bk{(i * 7919) % 1000:03d}Qa"
        reel = i in reels
        node: dict[str, Any] = {
            "__typename": "GraphVideo" if reel else "GraphImage",
            "id": str(3480000000000000000 + i * 1117 + len(prefix) * 7),
            "shortcode": shortcode,
            "is_video": reel,
            "product_type": "clips" if reel else "feed",
            "display_url": f"https://scontent.cdninstagram.com/v/t51.29350-15/{shortcode}_n.jpg",
            "dimensions": {"height": 1350, "width": 1080},
            "accessibility_caption": alt,
            "edge_media_to_caption": {"edges": [{"node": {"text": caption}}]},
            "taken_at_timestamp": int(_at(days).timestamp()),
            "location": (
                {
                    "id": place["id"],
                    "has_public_page": True,
                    "name": place["name"],
                    "slug": place["slug"],
                }
                if geo
                else None
            ),
            "edge_liked_by": {"count": 40 + (i * 37) % 180},
            "edge_media_to_comment": {"count": (i * 5) % 23},
        }
        edges.append({"node": node})
    return edges


def instagram_user() -> dict[str, Any]:
    place = {"id": "213385402", "name": str(SHOP["name"]), "slug": "modra-vrata-pekarna"}
    edges = _ig_edges(IG_POSTS, "DMv", place, IG_REELS)
    return {
        "id": "58302211947",
        "username": IG_HANDLE,
        "full_name": "Modra Vrata",
        "biography": (
            "Pekarna z naravnim kvasom v centru Ljubljane 🥖\n"
            "Sourdough bakery · open daily 7–19\n"
            "Trubarjeva 12 · naročila v DM"
        ),
        "bio_links": [{"title": "Naročila / Orders", "url": "https://modravrata.si/narocila"}],
        "external_url": "https://modravrata.si/narocila",
        "category_name": "Bakery",
        "business_category_name": "Restaurants",
        "is_business_account": True,
        "is_professional_account": True,
        "is_private": False,
        "is_verified": False,
        "business_email": "pozdravljeni@modravrata.si",
        "business_phone_number": "+38614301212",
        "business_address_json": json.dumps(
            {
                "city_name": SHOP["city"],
                "city_id": 106443569392040,
                "latitude": SHOP["lat"],
                "longitude": SHOP["lon"],
                "street_address": SHOP["street"],
                "zip_code": SHOP["zip"],
            }
        ),
        "profile_pic_url": (
            "https://scontent.cdninstagram.com/v/t51.2885-19/modravrata_s150x150.jpg"
        ),
        "profile_pic_url_hd": (
            "https://scontent.cdninstagram.com/v/t51.2885-19/modravrata_s320x320.jpg"
        ),
        "edge_followed_by": {"count": 2318},
        "edge_follow": {"count": 212},
        "edge_owner_to_timeline_media": {
            "count": 486,
            "page_info": {"has_next_page": True, "end_cursor": "QVFEZGVtbw=="},
            "edges": edges,
        },
    }


RIVAL_HANDLE = "zrno.pekarna"
# A competitor for the demo's simulated social search: fewer posts, but "sourdough" and
# "bakery" right in its name field, where Instagram search weighs words most.
RIVAL_POSTS: list[tuple[float, str, str | None, bool, bool]] = [
    (2.0, "Sourdough Saturday: rye and spelt loaves #sourdough #ljubljana",
     "Rye and spelt sourdough loaves on a linen cloth", False, True),
    (6.5, "Cinnamon buns are back #bakery", None, False, False),
    (11.0, "Polnozrnati kruh vsak dan #kruh", "May be an image of bread", True, True),
    (17.5, "Our levain turns five #sourdoughstarter", None, False, False),
    (25.0, "Brunch boxes for two, order by Friday #brunch", None, False, False),
    (33.0, "Croissants, the slow way #croissant", None, False, False),
]  # fmt: skip


def rival_user() -> dict[str, Any]:
    place = {"id": "299100771", "name": "Zrno Pekarna", "slug": "zrno-pekarna"}
    edges = _ig_edges(RIVAL_POSTS, "ZRn", place)
    return {
        "id": "61200455120",
        "username": RIVAL_HANDLE,
        "full_name": "Zrno · Sourdough Bakery",
        "biography": "Artisan bakery in Šiška, Ljubljana. Bread, buns and brunch boxes.",
        "bio_links": [{"title": "Shop", "url": "https://zrno.si"}],
        "external_url": "https://zrno.si",
        "category_name": "Bakery",
        "is_business_account": True,
        "is_private": False,
        "is_verified": False,
        "profile_pic_url": "https://scontent.cdninstagram.com/v/t51.2885-19/zrno_s150x150.jpg",
        "profile_pic_url_hd": "https://scontent.cdninstagram.com/v/t51.2885-19/zrno_s320x320.jpg",
        "edge_followed_by": {"count": 1204},
        "edge_follow": {"count": 310},
        "edge_owner_to_timeline_media": {
            "count": 211,
            "page_info": {"has_next_page": True, "end_cursor": "QVFEcml2YWw="},
            "edges": edges,
        },
    }


def bluesky_profile() -> dict[str, Any]:
    return {
        "did": "did:plc:m0dravrata7pekarna2ljub",
        "handle": BSKY_HANDLE,
        "displayName": "Modra Vrata · pekarna",
        "description": (
            "Sourdough bakery in Ljubljana. Kruh, potica in rogljički iz krušne peči.\n"
            "Trubarjeva 12 · modravrata.si"
        ),
        "avatar": "https://cdn.bsky.app/img/avatar/plain/did:plc:m0dravrata7pekarna2ljub/bafkreidemoavatar@jpeg",
        "banner": "https://cdn.bsky.app/img/banner/plain/did:plc:m0dravrata7pekarna2ljub/bafkreidemobanner@jpeg",
        "associated": {"lists": 0, "feedgens": 0, "starterPacks": 0, "labeler": False},
        "labels": [],
        "createdAt": "2023-09-14T08:12:00.000Z",
        "indexedAt": "2025-01-10T10:00:00.000Z",
        "followersCount": 412,
        "followsCount": 96,
        "postsCount": 141,
    }  # fmt: skip


def bluesky_feed() -> dict[str, Any]:
    prof = bluesky_profile()
    author = {k: prof[k] for k in ("did", "handle", "displayName", "avatar")} | {"labels": []}
    feed: list[dict[str, Any]] = []
    for i, (days, text, alt, lang, tags) in enumerate(BSKY_POSTS):
        rkey = f"3m{i:02d}dem0vrat{i % 10}"
        record: dict[str, Any] = {
            "$type": "app.bsky.feed.post",
            "createdAt": _iso(_at(days)),
            "langs": [lang],
            "text": text,
        }
        facets = []
        for tag in tags:
            needle = f"#{tag}"
            start = text.encode().find(needle.encode())
            if start >= 0:
                facets.append(
                    {
                        "index": {"byteStart": start, "byteEnd": start + len(needle.encode())},
                        "features": [{"$type": "app.bsky.richtext.facet#tag", "tag": tag}],
                    }
                )
        if facets:
            record["facets"] = facets
        post: dict[str, Any] = {
            "uri": f"at://{prof['did']}/app.bsky.feed.post/{rkey}",
            "cid": f"bafyreidemo{i:04d}",
            "author": author,
            "record": record,
            "replyCount": i % 3,
            "repostCount": i % 4,
            "likeCount": 5 + (i * 3) % 30,
            "quoteCount": 0,
            "indexedAt": _iso(_at(days)),
            "labels": [],
        }
        if alt is not None:
            blob = f"bafkreidemoimg{i:04d}"
            image = {"alt": alt, "aspectRatio": {"height": 1350, "width": 1080}}
            record["embed"] = {"$type": "app.bsky.embed.images", "images": [image]}
            post["embed"] = {
                "$type": "app.bsky.embed.images#view",
                "images": [
                    {
                        "thumb": f"https://cdn.bsky.app/img/feed_thumbnail/plain/{prof['did']}/{blob}@jpeg",
                        "fullsize": f"https://cdn.bsky.app/img/feed_fullsize/plain/{prof['did']}/{blob}@jpeg",
                        "alt": alt,
                        "aspectRatio": {"height": 1350, "width": 1080},
                    }
                ],
            }  # fmt: skip
        feed.append({"post": post})
    partner = {
        "did": "did:plc:mlinprekmurje0000000000a",
        "handle": "mlin-prekmurje.bsky.social",
        "displayName": "Mlin Prekmurje",
        "labels": [],
    }
    repost = {
        "post": {
            "uri": f"at://{partner['did']}/app.bsky.feed.post/3mrepostmlin1",
            "cid": "bafyreidemorepost",
            "author": partner,
            "record": {
                "$type": "app.bsky.feed.post",
                "createdAt": _iso(_at(BSKY_REPOST_DAYS + 1)),
                "langs": ["sl"],
                "text": "Nova letina ajde je zmleta. Hvala vsem pekarnam, ki pečejo z nami!",
            },
            "replyCount": 0,
            "repostCount": 3,
            "likeCount": 12,
            "quoteCount": 0,
            "indexedAt": _iso(_at(BSKY_REPOST_DAYS + 1)),
            "labels": [],
        },
        "reason": {
            "$type": "app.bsky.feed.defs#reasonRepost",
            "by": author,
            "indexedAt": _iso(_at(BSKY_REPOST_DAYS)),
        },
    }
    feed.append(repost)
    feed.sort(key=lambda item: item.get("reason", item["post"]).get("indexedAt"), reverse=True)
    return {"feed": feed}


# Bluesky comment threads: people who comment on the bakery's posts (invented), and which
# comments the bakery answered, after how many minutes: 3 of 12 answered, the rest not.
BSKY_COMMENTERS = (
    ("did:plc:anakovac0000000000000000a", "ana-kovac.bsky.social", "Ana Kovač"),
    ("did:plc:lukazupan000000000000000b", "lukazupan.bsky.social", "Luka Župan"),
)
BSKY_ANSWERS = {1: 35, 4: 50, 7: 180}  # post index -> minutes to the bakery's reply
_COMMENT_TEXTS = (
    "Ali imate ta kruh tudi ob nedeljah?",
    "Do you take orders for Saturday?",
)


def bluesky_threads(feed: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """getPostThread bodies for the posts capture asks about, keyed by post URI."""
    prof = bluesky_profile()
    brand = {k: prof[k] for k in ("did", "handle", "displayName", "avatar")} | {"labels": []}
    threads: dict[str, dict[str, Any]] = {}
    own = [item["post"] for item in feed["feed"] if not item.get("reason")]
    for post in own:
        index = int(post["cid"].removeprefix("bafyreidemo"))
        if not post["replyCount"]:
            continue
        posted = datetime.fromisoformat(post["record"]["createdAt"].replace("Z", "+00:00"))
        replies = []
        for n in range(post["replyCount"]):
            did, handle, name = BSKY_COMMENTERS[n % len(BSKY_COMMENTERS)]
            at = posted + timedelta(hours=2 + 3 * n)
            rkey = f"3mc{index:02d}{n}komentar"
            comment: dict[str, Any] = {
                "$type": "app.bsky.feed.defs#threadViewPost",
                "post": {
                    "uri": f"at://{did}/app.bsky.feed.post/{rkey}",
                    "cid": f"bafyreicomment{index:02d}{n}",
                    "author": {"did": did, "handle": handle, "displayName": name, "labels": []},
                    "record": {
                        "$type": "app.bsky.feed.post",
                        "createdAt": _iso(at),
                        "langs": ["sl" if n % 2 == 0 else "en"],
                        "reply": {
                            "parent": {"cid": post["cid"], "uri": post["uri"]},
                            "root": {"cid": post["cid"], "uri": post["uri"]},
                        },
                        "text": _COMMENT_TEXTS[n % len(_COMMENT_TEXTS)],
                    },
                    "replyCount": 0,
                    "repostCount": 0,
                    "likeCount": 1,
                    "quoteCount": 0,
                    "indexedAt": _iso(at),
                    "labels": [],
                },
                "replies": [],
            }
            if n == 0 and index in BSKY_ANSWERS:
                answered = at + timedelta(minutes=BSKY_ANSWERS[index])
                comment["post"]["replyCount"] = 1
                comment["replies"].append(
                    {
                        "$type": "app.bsky.feed.defs#threadViewPost",
                        "post": {
                            "uri": f"at://{prof['did']}/app.bsky.feed.post/3mr{index:02d}odgovor",
                            "cid": f"bafyreianswer{index:02d}",
                            "author": brand,
                            "record": {
                                "$type": "app.bsky.feed.post",
                                "createdAt": _iso(answered),
                                "langs": ["sl"],
                                "reply": {
                                    "parent": {
                                        "cid": comment["post"]["cid"],
                                        "uri": comment["post"]["uri"],
                                    },
                                    "root": {"cid": post["cid"], "uri": post["uri"]},
                                },
                                "text": "Hvala! Da, od 7h naprej. 🥖",
                            },
                            "replyCount": 0,
                            "repostCount": 0,
                            "likeCount": 2,
                            "quoteCount": 0,
                            "indexedAt": _iso(answered),
                            "labels": [],
                        },
                        "replies": [],
                    }
                )
            replies.append(comment)
        threads[post["uri"]] = {
            "thread": {
                "$type": "app.bsky.feed.defs#threadViewPost",
                "post": post,
                "replies": replies,
            }
        }
    return threads


SITE_URL = "https://modravrata.si/"


def site_html() -> str:
    """The bakery's own homepage: where proposed target keywords come from when none are
    given (title, description, headings)."""
    return """<!DOCTYPE html>
<html lang="sl"><head><meta charset="utf-8">
<title>Modra Vrata – pekarna z naravnim kvasom v Ljubljani | Sourdough bakery Ljubljana</title>
<meta name="description" content="Kruh z naravnim kvasom, rogljički in potica iz krušne peči
na Trubarjevi 12 v Ljubljani. Sourdough bread, croissants and potica baked daily.">
<meta property="og:title" content="Modra Vrata · pekarna">
</head><body>
<header><h1>Pekarna z naravnim kvasom v centru Ljubljane</h1></header>
<main>
<section><h2>Naš kruh</h2><p>Rženi kruh s semeni, ajdov kruh, polnozrnati toast.</p></section>
<section><h2>Sourdough workshops</h2><p>Bake your first sourdough loaf with Maja.</p></section>
<section><h2>Naročila za potico</h2><p>Naročila sprejemamo do 20. decembra.</p></section>
<section><h2>Obiščite nas: Trubarjeva cesta 12, Ljubljana</h2><p>Odprto vsak dan 7–19.</p></section>
</main></body></html>
"""


def _plan_urls(platform: Platform, handle: str) -> list[str]:
    spec = REGISTRY[platform]
    if spec.capture_plan is None:
        raise RuntimeError(f"{platform.value} has no capture plan yet")
    ref = ProfileRef(platform=platform, handle=handle, url=spec.profile_url(handle))
    return [step.url for step in spec.capture_plan(ref).steps]


def _instagram_har(user: dict[str, Any], avatar: bytes | None = None) -> dict:
    urls = _plan_urls(Platform.INSTAGRAM, user["username"])
    profile_url = next(u for u in urls if "/api/" not in u)
    api_url = next(u for u in urls if "/api/" in u)
    image = (
        [
            _image_entry(
                user["profile_pic_url_hd"],
                avatar,
                "image/png",
                when=RECORDED_AT + timedelta(seconds=2),
            )
        ]
        if avatar is not None
        else []
    )
    return _har(
        [
            _har_entry(
                profile_url,
                _ig_profile_html(user),
                "text/html; charset=utf-8",
                when=RECORDED_AT,
                headers={"accept": "text/html"},
            ),
            _har_entry(
                api_url,
                json.dumps({"data": {"user": user}, "status": "ok"}, ensure_ascii=False),
                "application/json; charset=utf-8",
                when=RECORDED_AT + timedelta(seconds=1),
                headers={"x-ig-app-id": "936619743392459"},
            ),
            *image,
        ]
    )


def build_hars() -> dict[str, dict]:
    """The demo's HARs, keyed by snapshot profile key; each URL is what the capture plan asks."""
    ig = _instagram_har(instagram_user(), logo_png(IG_AVATAR_PX))
    rival = _instagram_har(rival_user())
    bsky_urls = _plan_urls(Platform.BLUESKY, BSKY_HANDLE)
    bodies = {"getProfile": bluesky_profile(), "getAuthorFeed": bluesky_feed()}
    bsky_entries = []
    for n, url in enumerate(bsky_urls):
        body = next(v for k, v in bodies.items() if k in url)
        bsky_entries.append(
            _har_entry(
                url,
                json.dumps(body, ensure_ascii=False),
                "application/json; charset=utf-8",
                when=RECORDED_AT + timedelta(seconds=n),
                headers={"accept": "application/json"},
            )
        )
    # The comment threads capture asks for, at the URLs its own follow-up step builds.
    feed_url = next(u for u in bsky_urls if "getAuthorFeed" in u)
    feed_doc = Document(text=json.dumps(bodies["getAuthorFeed"]), kind="json", url=feed_url)
    threads = bluesky_threads(bodies["getAuthorFeed"])
    follow = REGISTRY[Platform.BLUESKY].capture_plan
    assert follow is not None
    ref = ProfileRef(platform=Platform.BLUESKY, handle=BSKY_HANDLE, url="")
    plan_follow = follow(ref).follow
    for step in plan_follow([feed_doc]) if plan_follow else []:
        uri = parse_qs(urlsplit(step.url).query)["uri"][0]
        bsky_entries.append(
            _har_entry(
                step.url,
                json.dumps(threads[uri], ensure_ascii=False),
                "application/json; charset=utf-8",
                when=RECORDED_AT + timedelta(seconds=len(bsky_entries)),
                headers={"accept": "application/json"},
            )
        )
    bsky_entries.append(
        _image_entry(
            bluesky_profile()["avatar"],
            logo_png(BSKY_AVATAR_PX, BSKY_AVATAR_BACKGROUND),
            "image/png",
            when=RECORDED_AT + timedelta(seconds=len(bsky_urls)),
        )
    )
    site = _har(
        [
            _har_entry(
                SITE_URL,
                site_html(),
                "text/html; charset=utf-8",
                when=RECORDED_AT + timedelta(seconds=5),
                headers={"accept": "text/html"},
            )
        ]
    )
    return {
        f"instagram-{IG_HANDLE}": ig,
        f"instagram-{RIVAL_HANDLE}": rival,
        f"bluesky-{BSKY_HANDLE}": _har(bsky_entries),
        "site": site,
    }


def har_text(har: dict) -> str:
    return json.dumps(har, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def main() -> None:
    for key, har in build_hars().items():
        path = DEMO_DIR / f"{key}.har"
        path.write_text(har_text(har), encoding="utf-8")
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
