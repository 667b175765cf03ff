"""Bluesky: capture plan URLs and extraction from every shape the platform serves.

Our own fixtures (tests/fixtures/bluesky) are an invented Ljubljana tea house written in the
real AppView structure; the realdata tests read real captures and skip when they are absent.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from audit.documents import Document, load_file, load_har, parse_har
from audit.model import Outcome, Platform, Post, Profile, ProfileRef
from audit.platforms import REGISTRY
from audit.platforms.base import ExtractContext
from audit.platforms.bluesky import (
    API_BASE,
    FEED_FILTER,
    capture_plan,
    extract,
    profile_url,
)
from audit.resolve import resolve
from audit.text import count_graphemes
from tests.realdata import cassette, realdata

FIXTURES = Path(__file__).parent / "fixtures" / "bluesky"
CAPTURED = datetime(2025, 6, 14, 9, 0, tzinfo=timezone.utc)
ZARJA = "cajnica-zarja.si"


def ctx(handle: str | None = None, when: datetime = CAPTURED) -> ExtractContext:
    ref = resolve(f"bluesky:@{handle}") if handle else None
    return ExtractContext(captured_at=when, ref=ref)


def fixture(name: str) -> list[Document]:
    return load_file(FIXTURES / name)


def fixture_json(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def body(data: Any, url: str | None = None, status: int = 200) -> Document:
    return Document(text=json.dumps(data, ensure_ascii=False), kind="json", url=url, status=status)


def zarja_pair() -> list[Document]:
    return fixture("getProfile_cajnica-zarja.json") + fixture("getAuthorFeed_cajnica-zarja.json")


def images(posts: list[Post], alt: str) -> int:
    return sum(1 for p in posts for m in p.media if m.kind == "image" and m.alt_source == alt)


def by_id(profile: Profile) -> dict[str, Post]:
    return {p.id: p for p in profile.posts}


# --------------------------------------------------------------------------- capture plan


def test_capture_plan_reads_the_public_api_profile_then_feed() -> None:
    ref = resolve("bluesky:@cajnica-zarja.si")
    plan = capture_plan(ref)
    assert [s.action for s in plan.steps] == ["goto", "goto"]
    profile_step, feed_step = plan.steps
    assert profile_step.url == (
        "https://public.api.bsky.app/xrpc/app.bsky.actor.getProfile?actor=cajnica-zarja.si"
    )
    assert feed_step.url == (
        "https://public.api.bsky.app/xrpc/app.bsky.feed.getAuthorFeed"
        "?actor=cajnica-zarja.si&limit=100&filter=posts_and_author_threads"
    )
    assert not profile_step.optional and feed_step.optional
    assert plan.follow is not None  # the comment threads of posts with replies (test_replies)


def test_capture_plan_url_encodes_a_did_actor() -> None:
    ref = ProfileRef(
        platform=Platform.BLUESKY,
        handle="did:plc:zarjacajnicaljubljana234",
        url=profile_url("did:plc:zarjacajnicaljubljana234"),
    )
    for step in capture_plan(ref).steps:
        assert step.url.startswith(API_BASE + "/app.bsky.")
        assert "actor=did%3Aplc%3Azarjacajnicaljubljana234" in step.url
        assert parse_qs(urlsplit(step.url).query)["actor"] == ["did:plc:zarjacajnicaljubljana234"]
    assert parse_qs(urlsplit(capture_plan(ref).steps[1].url).query)["filter"] == [FEED_FILTER]


def test_bluesky_is_registered_with_plan_and_extractor() -> None:
    spec = REGISTRY[Platform.BLUESKY]
    assert spec.can_extract and spec.capture_plan is capture_plan and spec.extract is extract


# --------------------------------------------------------------------------- our fixtures


def test_profile_and_feed_pair_extracts_fully() -> None:
    profile = extract(zarja_pair(), ctx(ZARJA))
    assert profile.capture.outcome is Outcome.OK and profile.capture.reason is None
    assert profile.capture.warnings == []
    assert profile.platform is Platform.BLUESKY
    assert profile.handle == ZARJA
    assert profile.url == "https://bsky.app/profile/cajnica-zarja.si"
    assert profile.display_name == "Čajnica Zarja · Persian tea house"
    assert profile.bio is not None
    assert profile.bio.startswith("Perzijska čajnica v Ljubljani 🫖")
    assert "Trubarjeva 12, Ljubljana" in profile.bio
    # Bluesky limits the bio to 256 graphemes; 🫖 and the family emoji (three people joined
    # by ZWJ) are one grapheme each, so the bio is kept whole.
    assert count_graphemes(profile.bio) == 197
    assert len(profile.bio) == 201  # the family emoji is 5 code points
    assert profile.avatar is not None and not profile.avatar.is_default
    assert profile.avatar.url is not None
    assert profile.avatar.url.startswith(
        "https://cdn.bsky.app/img/avatar/plain/did:plc:zarjacajnicaljubljana234/"
    )
    assert (profile.counts.followers, profile.counts.following, profile.counts.posts) == (
        1287,
        214,
        342,
    )
    assert profile.is_verified is False
    assert [(link.url, link.title) for link in profile.links] == [
        ("https://cajnica-zarja.si/rezervacije", None),
        ("https://cajnica-zarja.si", "handle domain"),
    ]
    assert profile.contact is not None and profile.contact.email == "hello@cajnica-zarja.si"
    assert profile.location is None and profile.category is None
    assert profile.sources["bio"] == f"{FIXTURES.name}/getProfile_cajnica-zarja.json: description"
    assert profile.sources["counts.followers"].endswith(": followersCount")
    assert profile.sources["posts"].endswith("getAuthorFeed_cajnica-zarja.json: feed[].post")
    assert [d.kind for d in profile.capture.inputs] == ["json", "json"]
    assert profile.capture.captured_at == CAPTURED
    # Only what Bluesky itself lacks is unobservable.
    assert set(profile.not_observed) == {"geotags", "category"}


def test_pair_posts_reposts_media_and_hashtags() -> None:
    profile = extract(zarja_pair(), ctx(ZARJA))
    posts = profile.posts
    # 8 feed items: a self-repost of a post that is also there on its own counts once.
    assert len(posts) == 7
    assert len(profile.own_posts()) == 6
    assert [p.id for p in posts if p.is_repost] == ["3lr3styeo222b"]
    assert posts[0].created_at == datetime(2025, 6, 12, 17, 5, tzinfo=timezone.utc)
    assert posts[-1].created_at == datetime(2025, 5, 20, 9, 0, tzinfo=timezone.utc)
    assert not any(p.created_at_approx for p in posts)
    own = profile.own_posts()
    assert images(own, "custom") == 3 and images(own, "missing") == 1
    assert images(posts, "missing") == 2  # the reposted map has no alt text either
    assert not any(m.alt_source == "auto" for p in posts for m in p.media)

    post = by_id(profile)
    english = post["3lrgfr2hds22b"]
    assert english.url == "https://bsky.app/profile/cajnica-zarja.si/post/3lrgfr2hds22b"
    assert english.hashtags == ["Ljubljana", "icecream"]
    assert english.caption is not None and english.caption.startswith("Saffron ice cream")
    assert [m.alt_text for m in english.media] == [
        "Two scoops of golden saffron ice cream with pistachio crumbs in a turquoise glass bowl",
        None,
    ]
    assert english.media[0].url is not None and "/img/feed_fullsize/" in english.media[0].url
    assert post["3lrai2cyok22b"].hashtags == ["šafran", "čaj", "Ljubljana"]
    assert not post["3lrai2cyok22b"].is_repost  # the brand also reposted it: own copy wins
    assert post["3lrai2cyok22b"].media[0].alt_text == (
        "Dva steklena kozarca rdečkastega čaja in skledica šafranovih nitk na lesenem pultu"
    )
    persian = post["3lqulj3ob222b"]
    assert persian.hashtags == ["چای", "زعفران"]
    assert persian.caption is not None and "تازه\u200cدم" in persian.caption
    assert [(m.kind, m.alt_source) for m in persian.media] == [("video", "custom")]
    assert persian.media[0].alt_text == "ریختن چای زعفرانی از قوری شیشه‌ای در استکان کمرباریک"
    # A hashtag typed in a reply without a facet still counts (read from the text).
    reply = post["3lqum2xusk22b"]
    assert reply.hashtags == ["samovar"] and not reply.is_repost
    # Quote with our own photo: the quoted post's photo is someone else's.
    quote = post["3lqexx4re222b"]
    assert [m.alt_text for m in quote.media] == [
        "Our baker Shirin pulling a tray of cardamom buns from the oven"
    ]
    # A link card is a preview of a website, not media.
    assert post["3lplpwmwl222b"].media == [] and post["3lplpwmwl222b"].hashtags == []
    repost = post["3lr3styeo222b"]
    assert repost.url == "https://bsky.app/profile/ljubljanafood.bsky.social/post/3lr3styeo222b"
    assert repost.hashtags == ["Ljubljana", "foodie"]
    hashtag_count = sum(len(p.hashtags) for p in own)
    assert hashtag_count == 9


def test_pair_in_a_har_named_by_the_capture_plan_extracts_without_a_ref() -> None:
    plan = capture_plan(resolve(f"bluesky:@{ZARJA}"))
    bodies = [
        (FIXTURES / "getProfile_cajnica-zarja.json").read_text(encoding="utf-8"),
        (FIXTURES / "getAuthorFeed_cajnica-zarja.json").read_text(encoding="utf-8"),
    ]
    har = {
        "log": {
            "version": "1.2",
            "entries": [
                {
                    "request": {"method": "GET", "url": step.url},
                    "response": {
                        "status": 200,
                        "content": {"mimeType": "application/json; charset=utf-8", "text": text},
                    },
                }
                for step, text in zip(plan.steps, bodies, strict=True)
            ],
        }
    }
    docs = parse_har(har, path="zarja.har")
    profile = extract(docs, ctx())
    assert profile.capture.outcome is Outcome.OK
    assert profile.handle == ZARJA
    assert profile.display_name == "Čajnica Zarja · Persian tea house"
    assert len(profile.posts) == 7 and len(profile.own_posts()) == 6
    assert [d.kind for d in profile.capture.inputs] == ["har-entry", "har-entry"]
    assert [d.url for d in profile.capture.inputs] == [s.url for s in plan.steps]
    assert profile.sources["bio"] == f"{plan.steps[0].url}: description"
    assert profile.capture.url == "https://bsky.app/profile/cajnica-zarja.si"


def test_profile_alone_has_no_posts_but_everything_else() -> None:
    profile = extract(fixture("getProfile_cajnica-zarja.json"), ctx(ZARJA))
    assert profile.capture.outcome is Outcome.OK
    assert profile.posts == [] and "posts" not in profile.sources
    assert profile.counts.posts == 342
    # No feed: "no posts" would be a false dormant-profile fail, so it is marked unobserved.
    assert "getAuthorFeed" in profile.not_observed["posts"]
    assert profile.capture.warnings == [profile.not_observed["posts"]]
    assert "bio" not in profile.not_observed


def test_an_empty_feed_is_observed_as_no_posts() -> None:
    docs = [*fixture("getProfile_cajnica-zarja.json"), body({"feed": []})]
    profile = extract(docs, ctx(ZARJA))
    assert profile.posts == [] and "posts" not in profile.not_observed


def test_feed_alone_names_its_owner_from_the_repost_reason() -> None:
    profile = extract(fixture("getAuthorFeed_cajnica-zarja.json"), ctx())
    assert profile.capture.outcome is Outcome.OK
    assert profile.handle == ZARJA
    assert profile.display_name == "Čajnica Zarja · Persian tea house"
    assert profile.bio is None
    assert profile.counts.followers is None and profile.counts.posts is None
    assert profile.sources["display_name"].endswith("feed[0].reason.by.displayName")
    assert len(profile.own_posts()) == 6
    # The handle is a domain, so it is still a website link.
    assert [link.url for link in profile.links] == ["https://cajnica-zarja.si"]
    # Without the profile the bio and counts are unknown, not empty.
    assert set(profile.not_observed) == {"geotags", "category", "bio", "counts"}


def test_profile_without_avatar_key_has_the_default_avatar() -> None:
    data = fixture_json("getProfile_cajnica-zarja.json")
    del data["avatar"]
    profile = extract([body(data)], ctx(ZARJA))
    assert profile.avatar is not None
    assert profile.avatar.is_default and profile.avatar.url is None
    assert "absent" in profile.sources["avatar"]


def test_an_empty_bio_is_observed_as_empty_not_unknown() -> None:
    data = fixture_json("getProfile_cajnica-zarja.json")
    data["description"] = ""
    profile = extract([body(data), *fixture("getAuthorFeed_cajnica-zarja.json")], ctx(ZARJA))
    assert profile.bio is None
    assert "bio" not in profile.not_observed and "links" not in profile.not_observed
    del data["description"]
    assert "bio" not in extract([body(data)], ctx(ZARJA)).not_observed


def test_get_profiles_picks_the_asked_profile_else_the_first() -> None:
    zarja = fixture_json("getProfile_cajnica-zarja.json")
    other = fixture_json("getProfile_no_unauthenticated.json")
    other["labels"] = []
    docs = [body({"profiles": [other, zarja]})]
    assert extract(docs, ctx(ZARJA)).display_name == "Čajnica Zarja · Persian tea house"
    first = extract(docs, ctx())
    assert first.handle == "mojca-keramika.bsky.social"
    assert first.display_name == "Mojca Keramika"
    assert first.sources["display_name"].endswith("profiles[0].displayName")


def test_no_unauthenticated_label_read_logged_out_is_a_login_wall() -> None:
    profile = extract(fixture("getProfile_no_unauthenticated.json"), ctx())
    assert profile.capture.outcome is Outcome.LOGIN_WALL
    assert profile.capture.reason is not None
    assert "!no-unauthenticated" in profile.capture.reason
    assert "logged in" in profile.capture.reason
    # Named in the report, but what the owner hid from logged-out readers is not kept.
    assert profile.handle == "mojca-keramika.bsky.social"
    assert profile.display_name == "Mojca Keramika"
    assert profile.bio is None and profile.posts == [] and profile.links == []
    assert profile.counts.followers is None


def test_no_unauthenticated_label_in_a_logged_in_capture_is_read_with_a_warning() -> None:
    data = fixture_json("getProfile_no_unauthenticated.json")
    url = "https://bsky.social/xrpc/app.bsky.actor.getProfile?actor=mojca-keramika.bsky.social"
    profile = extract([body(data, url=url)], ctx("mojca-keramika.bsky.social"))
    assert profile.capture.outcome is Outcome.OK
    assert profile.bio is not None and profile.bio.startswith("Ročno izdelana keramika")
    assert any("logged-out visitors" in w for w in profile.capture.warnings)
    # A *.bsky.social handle is not the brand's website; the domain in the bio is.
    assert [link.url for link in profile.links] == ["https://mojcakeramika.si"]
    assert profile.counts.followers == 412


def test_profile_not_found_body() -> None:
    profile = extract(fixture("error_profile_not_found.json"), ctx("gone-bakery.bsky.social"))
    assert profile.capture.outcome is Outcome.NOT_FOUND
    assert profile.capture.reason is not None and "Profile not found" in profile.capture.reason
    assert profile.handle == "gone-bakery.bsky.social"
    assert profile.capture.warnings and "nothing usable" in profile.capture.warnings[0]
    assert profile.posts == [] and profile.bio is None


def test_account_takedown_body() -> None:
    profile = extract(fixture("error_account_takedown.json"), ctx("spam-shop.bsky.social"))
    assert profile.capture.outcome is Outcome.NOT_FOUND
    assert profile.capture.reason is not None
    assert "taken down" in profile.capture.reason and "AccountTakedown" in profile.capture.reason


@pytest.mark.parametrize(
    ("error", "message", "outcome", "words"),
    [
        ("AccountDeactivated", "Account is deactivated", Outcome.NOT_FOUND, "deactivated"),
        ("RateLimitExceeded", "Rate Limit Exceeded", Outcome.BLOCKED, "rate limited"),
        ("BlockedByActor", "Requester is blocked by actor", Outcome.BLOCKED, "block"),
        ("BlockedActor", "Requester has blocked actor", Outcome.BLOCKED, "block"),
        ("AuthMissing", "Authentication Required", Outcome.LOGIN_WALL, "login"),
        ("InternalServerError", "Internal Server Error", Outcome.ERROR, "InternalServerError"),
        ("InvalidRequest", "Error: actor must be a valid did or a handle", Outcome.ERROR, "actor"),
    ],
)
def test_error_bodies_become_outcomes(
    error: str, message: str, outcome: Outcome, words: str
) -> None:
    profile = extract(
        [body({"error": error, "message": message}, status=400)], ctx("x.bsky.social")
    )
    assert profile.capture.outcome is outcome
    assert profile.capture.reason is not None and words in profile.capture.reason


def test_profile_read_but_feed_rate_limited_is_ok_with_a_warning() -> None:
    feed_url = capture_plan(resolve(f"bluesky:@{ZARJA}")).steps[1].url
    docs = [
        *fixture("getProfile_cajnica-zarja.json"),
        body({"error": "RateLimitExceeded", "message": "Rate Limit Exceeded"}, feed_url, 429),
    ]
    profile = extract(docs, ctx(ZARJA))
    assert profile.capture.outcome is Outcome.OK
    assert profile.posts == []
    rate_limited, no_posts = profile.capture.warnings
    assert rate_limited.startswith(f"{feed_url}: rate limited")
    assert "RateLimitExceeded" in rate_limited
    assert no_posts == profile.not_observed["posts"]


def test_moderation_takedown_label_on_a_profile() -> None:
    data = fixture_json("getProfile_cajnica-zarja.json")
    data["labels"] = [{"src": "did:plc:ar7c4by46qjdydhdevvrndac", "uri": "x", "val": "!takedown"}]
    profile = extract([body(data)], ctx(ZARJA))
    assert profile.capture.outcome is Outcome.NOT_FOUND
    assert profile.capture.reason is not None and "taken down" in profile.capture.reason


def test_invalid_handle_falls_back_to_the_asked_handle() -> None:
    data = fixture_json("getProfile_cajnica-zarja.json")
    data["handle"] = "handle.invalid"
    profile = extract([body(data)], ctx(ZARJA))
    assert profile.handle == ZARJA
    alone = extract([body(data)], ctx())
    assert alone.handle == "did:plc:zarjacajnicaljubljana234"
    assert any("could not be verified" in w for w in alone.capture.warnings)
    assert all(link.title != "handle domain" for link in alone.links)


@pytest.mark.parametrize(
    ("description", "links", "email"),
    [
        (
            "Bakery in Koper. Order at https://bluedoor.si/order.",
            ["https://bluedoor.si/order"],
            None,
        ),
        ("Pekarna · bluedoor.si · info@bluedoor.si", ["https://bluedoor.si"], "info@bluedoor.si"),
        (
            "Ask @bluedoor.bsky.social or see www.bluedoor.shop/menu!",
            ["https://www.bluedoor.shop/menu"],
            None,
        ),
        ("Docs in README.md, release v0.3.0", [], None),
        ("نانوایی سنتی در تهران — nan-e-sangak.ir", ["https://nan-e-sangak.ir"], None),
        (
            "(see https://en.wikipedia.org/wiki/Potica_(cake))",
            ["https://en.wikipedia.org/wiki/Potica_(cake)"],
            None,
        ),
        ("", [], None),
    ],
)
def test_bio_websites_and_email(description: str, links: list[str], email: str | None) -> None:
    data = fixture_json("getProfile_no_unauthenticated.json")
    data["labels"] = []
    data["description"] = description
    profile = extract([body(data)], ctx())
    assert [link.url for link in profile.links] == links
    assert (profile.contact.email if profile.contact else None) == email


@pytest.mark.parametrize(
    "docs",
    [
        [],
        [Document(text="not json at all", kind="text")],
        [Document(text="[1, 2, 3]", kind="json")],
        [Document(text='{"hello": "world"}', kind="json")],
        [
            Document(
                text="<html><head><title>Bluesky</title></head><body></body></html>", kind="html"
            )
        ],
        [Document(text='{"feed": "nope", "posts": {"a": 1}, "profiles": [null, 3]}', kind="json")],
    ],
)
def test_nothing_usable_is_an_outcome_not_a_crash(docs: list[Document]) -> None:
    profile = extract(docs, ctx())
    assert profile.capture.outcome is Outcome.ERROR
    assert profile.capture.reason == "no Bluesky profile or posts found in the documents"
    assert profile.capture.warnings and profile.handle == ""
    assert len(profile.capture.inputs) == len(docs)


def test_broken_feed_items_are_skipped_not_fatal() -> None:
    feed = fixture_json("getAuthorFeed_cajnica-zarja.json")
    feed["feed"][1]["post"]["record"] = None
    feed["feed"][1]["post"]["embed"] = {"$type": "app.bsky.embed.images#view", "images": "x"}
    feed["feed"][5]["post"]["uri"] = None
    feed["feed"].extend([None, {"post": "x"}, {"post": {"uri": 7}}, {"reason": {}}])
    profile = extract([*fixture("getProfile_cajnica-zarja.json"), body(feed)], ctx(ZARJA))
    assert profile.capture.outcome is Outcome.OK
    assert len(profile.posts) == 6  # the item without a URI is gone
    broken = by_id(profile)["3lrgfr2hds22b"]
    assert broken.caption is None and broken.media == [] and broken.hashtags == []
    # No record date: the record key's clock dates it, marked approximate.
    assert broken.created_at_approx
    assert broken.created_at is not None
    assert (
        abs((broken.created_at - datetime(2025, 6, 12, 17, 5, tzinfo=timezone.utc)).total_seconds())
        < 1
    )


def test_search_results_without_a_named_profile_are_ambiguous() -> None:
    feed = fixture_json("getAuthorFeed_cajnica-zarja.json")
    posts = [item["post"] for item in feed["feed"]]
    profile = extract([body({"posts": posts, "hitsTotal": 8})], ctx())
    assert profile.capture.outcome is Outcome.ERROR
    assert profile.capture.reason is not None and "several accounts" in profile.capture.reason
    named = extract([body({"posts": posts})], ctx(ZARJA))
    assert named.capture.outcome is Outcome.OK
    assert len(named.posts) == 6 and not any(p.is_repost for p in named.posts)


def test_a_feed_of_another_account_is_not_taken_for_this_profile() -> None:
    docs = [
        *fixture("getProfile_no_unauthenticated.json"),
        *fixture("getAuthorFeed_cajnica-zarja.json"),
    ]
    url = "https://bsky.social/xrpc/app.bsky.actor.getProfile?actor=mojca-keramika.bsky.social"
    docs[0] = Document(text=docs[0].text, kind="json", url=url)
    profile = extract(docs, ctx("mojca-keramika.bsky.social"))
    assert profile.handle == "mojca-keramika.bsky.social"
    assert profile.posts == []
    assert any("the feed of cajnica-zarja.si" in w for w in profile.capture.warnings)


def test_post_thread_counts_the_authors_posts_in_it() -> None:
    feed = fixture_json("getAuthorFeed_cajnica-zarja.json")["feed"]
    persian, reply, repost = feed[5]["post"], feed[4]["post"], feed[3]["post"]
    thread = {
        "thread": {
            "$type": "app.bsky.feed.defs#threadViewPost",
            "post": persian,
            "replies": [
                {"$type": "app.bsky.feed.defs#threadViewPost", "post": reply, "replies": []},
                {"$type": "app.bsky.feed.defs#threadViewPost", "post": repost, "replies": []},
                {"$type": "app.bsky.feed.defs#notFoundPost", "uri": "at://x", "notFound": True},
            ],
        }
    }
    profile = extract([body(thread)], ctx(ZARJA))
    assert [p.id for p in profile.posts] == ["3lqum2xusk22b", "3lqulj3ob222b"]
    assert profile.sources["posts"].endswith("thread.post; (inline): thread.replies[].post")


def test_logged_out_sign_in_screen_is_a_login_wall() -> None:
    page = (
        "<!DOCTYPE html><html><head><title>Bluesky</title></head><body><div>"
        "<div>Sign-in Required</div>"
        "<div>This account has requested that users sign in to view their profile.</div>"
        "</div></body></html>"
    )
    profile = extract([Document(text=page, kind="html", path="saved.html")], ctx("mojca-keramika"))
    assert profile.capture.outcome is Outcome.LOGIN_WALL
    assert profile.handle == "mojca-keramika.bsky.social"


# --------------------------------------------------------------------------- real captures


def real_docs(name: str) -> list[Document]:
    path = realdata("bluesky", name)
    if path.suffix == ".yml":
        return [Document(text=b, kind="json", url=u, status=200) for u, b in cassette(path)]
    return load_file(path)


REAL_CTX = ExtractContext(captured_at=datetime(2026, 2, 1, tzinfo=timezone.utc))


def test_the_demo_brands_bluesky_har_extracts_fully() -> None:
    """The bundled demo ships exactly this capture plan's responses in a HAR: its two steps,
    then the comment threads its follow-up asks for."""
    hars = sorted((Path(__file__).parent.parent / "audit" / "demo").glob("bluesky-*.har"))
    if not hars:
        pytest.skip("no Bluesky demo HAR bundled")
    docs = load_har(hars[0])
    handle = hars[0].stem.removeprefix("bluesky-")
    plan = capture_plan(resolve(f"bluesky:@{handle}"))
    assert plan.follow is not None
    steps = [*plan.steps, *plan.follow(docs[: len(plan.steps)])]
    assert [d.url for d in docs] == [s.url for s in steps]
    profile = extract(docs, ctx())
    assert profile.capture.outcome is Outcome.OK
    assert profile.handle == handle
    assert profile.display_name and profile.bio and profile.links
    assert profile.counts.followers is not None
    assert profile.own_posts() and any(p.media for p in profile.own_posts())
    assert set(profile.not_observed) == {"geotags", "category"}


@pytest.mark.realdata
def test_real_httptest_get_profiles() -> None:
    profile = extract(real_docs("bskyr_httptest_getProfiles_chriskenny.json"), REAL_CTX)
    assert profile.capture.outcome is Outcome.OK
    assert profile.handle == "chriskenny.bsky.social"
    assert profile.display_name == "Chris Kenny"
    assert profile.bio == "PhD Candidate in Government @Harvard. Studies redistricting in #rstats."
    assert (profile.counts.followers, profile.counts.following, profile.counts.posts) == (10, 23, 0)
    assert profile.avatar is not None and profile.avatar.url is not None
    assert profile.avatar.url.startswith("https://av-cdn.bsky.app/img/avatar/plain/did:plc:wpe35")
    assert profile.links == [] and profile.posts == []
    assert profile.sources["bio"].endswith(": profiles[0].description")


@pytest.mark.realdata
def test_real_vcr_get_profiles() -> None:
    profile = extract(real_docs("bskyr_vcr_getProfiles_chriskenny_2025-05-19.yml"), REAL_CTX)
    assert profile.capture.outcome is Outcome.OK
    assert profile.handle == "chriskenny.bsky.social"
    assert profile.display_name == "Chris Kenny"
    assert profile.bio is not None and "Government @harvard.edu" in profile.bio
    assert (profile.counts.followers, profile.counts.following, profile.counts.posts) == (
        554,
        296,
        65,
    )
    # '@harvard.edu' is a mention, not a website; the handle is on bsky.social.
    assert [link.url for link in profile.links] == ["https://christophertkenny.com/"]
    assert profile.capture.inputs[0].url == (
        "https://bsky.social/xrpc/app.bsky.actor.getProfiles?actors=chriskenny.bsky.social"
    )


@pytest.mark.realdata
def test_real_vcr_author_feed() -> None:
    profile = extract(real_docs("bskyr_vcr_getAuthorFeed_chriskenny_2025-05-19.yml"), REAL_CTX)
    assert profile.capture.outcome is Outcome.OK
    assert profile.handle == "chriskenny.bsky.social"  # from the repost reasons
    assert profile.display_name == "Chris Kenny"
    assert len(profile.posts) == 50
    own = profile.own_posts()
    assert len(own) == 43
    reposters = {p.url.split("/")[4] for p in profile.posts if p.is_repost and p.url}
    assert reposters == {
        "mickael.canouil.fr",
        "coatless.bsky.social",
        "jeremy-data.bsky.social",
        "jennybryan.bsky.social",
        "melodyyhuang.bsky.social",
        "jcha.bsky.social",
        "hrbrmstr.dev",
    }
    assert profile.posts[0].id == "3lof7sovfok2h"  # a reply: the author's own post
    assert profile.posts[0].created_at == datetime(2025, 5, 5, 1, 30, 17, 912000, timezone.utc)
    assert profile.posts[-1].created_at == datetime(2024, 3, 21, 23, 36, 16, 378000, timezone.utc)
    assert images(own, "custom") == 9 and images(own, "missing") == 8
    assert images(profile.posts, "custom") == 12
    assert sum(len(p.hashtags) for p in own) == 20  # 19 tag facets + 1 '#rstats' typed only
    assert sum(1 for p in own if "rstats" in {t.casefold() for t in p.hashtags}) == 12
    baf = by_id(profile)["3ku7fkat3gc2s"]
    assert baf.hashtags == ["rstats"]
    assert baf.media[0].alt_text is not None and baf.media[0].alt_text.startswith(
        "BAF package logo"
    )
    rwm = by_id(profile)["3lnghukd7vk22"]  # recordWithMedia: its own image only
    assert [m.alt_source for m in rwm.media] == ["custom"]
    assert profile.capture.warnings == [
        "https://bsky.social/xrpc/app.bsky.feed.getAuthorFeed?actor=chriskenny.bsky.social: "
        "one full page of 50 feed items was read; older posts were not"
    ]


@pytest.mark.realdata
def test_real_profile_and_feed_together() -> None:
    docs = real_docs("bskyr_vcr_getProfiles_chriskenny_2025-05-19.yml") + real_docs(
        "bskyr_vcr_getAuthorFeed_chriskenny_2025-05-19.yml"
    )
    profile = extract(docs, ExtractContext(REAL_CTX.captured_at, resolve("bluesky:@chriskenny")))
    assert profile.counts.followers == 554 and len(profile.own_posts()) == 43
    assert profile.sources["display_name"].endswith("profiles[0].displayName")


@pytest.mark.realdata
def test_real_vcr_get_posts_empty_alt() -> None:
    profile = extract(real_docs("bskyr_vcr_getPosts_2025-05-19.yml"), REAL_CTX)
    assert profile.capture.outcome is Outcome.OK
    assert profile.handle == "soubhikbarari.bsky.social"
    assert profile.display_name == "Soubhik Barari"
    assert len(profile.posts) == 1
    post = profile.posts[0]
    assert post.created_at == datetime(2023, 9, 19, 11, 32, 54, 574000, timezone.utc)
    assert [(m.alt_text, m.alt_source) for m in post.media] == [(None, "missing")]
    assert post.hashtags == ["rstats", "rgov"]  # no tag facets: read from the text


@pytest.mark.realdata
def test_real_search_posts_only_the_named_authors_posts() -> None:
    docs = real_docs("bskyr_httptest_searchPosts.json")
    anonymous = extract(docs, REAL_CTX)
    assert anonymous.capture.outcome is Outcome.ERROR
    named = extract(docs, ExtractContext(REAL_CTX.captured_at, resolve("bluesky:@lwvsf")))
    assert named.capture.outcome is Outcome.OK
    assert named.display_name == "League of Women Voters of San Francisco"
    assert [p.created_at for p in named.posts] == [
        datetime(2023, 12, 14, 0, 3, 42, 314000, timezone.utc),
        datetime(2023, 12, 13, 5, 51, 38, 668000, timezone.utc),
    ]
    assert [m.alt_text for p in named.posts for m in p.media] == [
        "Local redistricting in San Francisco"
    ]
    takei = extract(docs, ExtractContext(REAL_CTX.captured_at, resolve("bluesky:@georgetakei")))
    assert len(takei.posts) == 1 and images(takei.posts, "custom") == 1


@pytest.mark.realdata
def test_real_rendered_profile_page_logged_in() -> None:
    profile = extract(
        real_docs("brocc_bskyapp_profile_kpitzen_rendered_loggedin_2025-04.html"), REAL_CTX
    )
    assert profile.capture.outcome is Outcome.OK
    assert profile.handle == "kpitzen.io"
    assert profile.display_name == "Kyle Pitzen"
    assert profile.bio is not None
    assert profile.bio.startswith("I think and write about tech, our world, music, food")
    assert profile.bio.endswith("\n\nwww.kpitzen.io")
    assert (profile.counts.followers, profile.counts.following, profile.counts.posts) == (
        21,
        151,
        0,
    )
    assert profile.avatar is not None and profile.avatar.url is not None
    assert "/img/avatar/plain/did:plc:nyw7nx26cxb46rybjunhqg4h/" in profile.avatar.url
    assert [(link.url, link.title) for link in profile.links] == [
        ("https://www.kpitzen.io", None),
        ("https://kpitzen.io", "handle domain"),
    ]
    assert profile.sources["display_name"].endswith("[data-testid=profileHeaderDisplayName]")
    assert set(profile.not_observed) == {"geotags", "category"}
    # Five feed items, all reposts; a link card and a quoted post's photo are not media.
    assert len(profile.posts) == 5 and all(p.is_repost for p in profile.posts)
    assert images(profile.posts, "custom") == 2 and images(profile.posts, "missing") == 0
    assert profile.posts[0].url == "https://bsky.app/profile/nytimes.com/post/3klkpzplxln23"
    assert profile.posts[0].created_at_approx
    assert profile.posts[0].created_at is not None
    assert profile.posts[0].created_at.date().isoformat() == "2024-02-16"
    quote = by_id(profile)["3khp34hza6r2i"]
    assert (
        quote.caption
        == "just saying, running @web3isgoinggreat.com has yet to drive me to ketamine"
    )
    assert quote.media == []


@pytest.mark.realdata
def test_real_rendered_post_page_brand_link_card() -> None:
    profile = extract(real_docs("metascraper_bskyapp_post_forbes_rendered_2026-01.html"), REAL_CTX)
    assert profile.capture.outcome is Outcome.OK
    assert profile.handle == "forbes.com"
    assert profile.display_name == "Forbes"
    assert profile.bio is None  # a post page's description is the post, not the bio
    assert profile.avatar is not None and profile.avatar.url is not None
    assert "did:plc:2w45zyhuklwihpdc7oj3mi63" in profile.avatar.url
    assert [(link.url, link.title) for link in profile.links] == [
        ("https://forbes.com", "handle domain")
    ]
    assert len(profile.posts) == 1
    post = profile.posts[0]
    assert post.id == "3mdd7aj7pgs2x" and not post.is_repost
    assert post.created_at == datetime(2026, 1, 26, 12, 3, 53, 754000, timezone.utc)
    assert not post.created_at_approx
    assert post.caption is not None
    assert post.caption.startswith("Windows PCs ‘Suddenly’ Fail After Microsoft’s New Update")
    assert "utm_source=bluesky&utm_medium=social" in post.caption
    assert post.media == []
    assert set(profile.not_observed) == {"geotags", "category", "bio", "counts"}


@pytest.mark.realdata
def test_real_rendered_post_page_image_alt_and_thread_replies() -> None:
    profile = extract(
        real_docs("metascraper_bskyapp_post_image_alt_rendered_2026-01.html"), REAL_CTX
    )
    assert profile.capture.outcome is Outcome.OK
    assert profile.handle == "glendunlap.bsky.social"
    assert profile.display_name == "Glen Dunlap"
    assert profile.links == []
    # The post and the author's 8 replies in its thread; other people's replies are not his.
    assert len(profile.posts) == 9 and not any(p.is_repost for p in profile.posts)
    main = by_id(profile)["3mdegyw3ves2t"]
    assert main.created_at == datetime(2026, 1, 26, 23, 55, 44, 454000, timezone.utc)
    assert main.hashtags == ["Birds", "Raptors", "Nature", "Photography"]
    assert [(m.alt_source, m.alt_text) for m in main.media] == [
        ("custom", "Great-horned Owl perched on a branch and looking at the photographer.")
    ]
    assert images(profile.posts, "custom") == 1 and images(profile.posts, "missing") == 0
    newest = profile.posts[0]
    assert newest.id == "3mdf6kb6hrc2f" and newest.caption == "Okay, I love this!"
    assert newest.created_at_approx
    assert sum(len(p.hashtags) for p in profile.posts) == 4
    assert set(profile.not_observed) == {"geotags", "category", "bio", "links", "counts"}
