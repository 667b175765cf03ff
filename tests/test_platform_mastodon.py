"""Mastodon: capture plan, extraction from the public API, ActivityPub and page meta tags.

Real captures (../shared/realdata/mastodon) are read as the capture layer would hand them
over: one Document per response body, with its URL. Our own fixtures (an invented bakery,
tests/fixtures/mastodon) cover what the real data lacks: a boost, alt text kinds, a content
warning, verified links, a location field, error answers."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest

from audit.documents import Document, load_file
from audit.model import Outcome, Platform, ProfileRef
from audit.platforms import mastodon
from audit.platforms.base import ExtractContext
from tests.realdata import cassette, realdata

FIXTURES = Path(__file__).parent / "fixtures" / "mastodon"
WHEN = datetime(2026, 4, 12, tzinfo=timezone.utc)
API = "https://mastodon.social/api/v1/accounts"


def ref(handle: str) -> ProfileRef:
    return ProfileRef(platform=Platform.MASTODON, handle=handle, url=mastodon.profile_url(handle))


def ctx(handle: str | None = None) -> ExtractContext:
    return ExtractContext(captured_at=WHEN, ref=ref(handle) if handle else None)


def fixture_doc(name: str, url: str, status: int = 200) -> Document:
    return Document(text=(FIXTURES / name).read_text(encoding="utf-8"), kind="json", url=url,
                    status=status)  # fmt: skip


def real_docs(name: str) -> list[Document]:
    return [
        Document(text=body, kind="json", url=url)
        for url, body in cassette(realdata("mastodon", name))
    ]


def bakery_docs() -> list[Document]:
    return [
        fixture_doc("bluedoor_lookup.json", f"{API}/lookup?acct=bluedoor"),
        fixture_doc("bluedoor_statuses.json", f"{API}/113401234567890123/statuses?limit=40"),
        fixture_doc("bluedoor_featured_tags.json", f"{API}/113401234567890123/featured_tags"),
    ]


# --- capture plan ----------------------------------------------------------------------


def test_capture_plan_starts_with_the_lookup_on_the_accounts_instance() -> None:
    plan = mastodon.capture_plan(ref("bluedoor@mastodon.social"))
    assert [(s.action, s.url) for s in plan.steps] == [
        ("goto", "https://mastodon.social/api/v1/accounts/lookup?acct=bluedoor")
    ]
    assert plan.follow is not None


def test_follow_computes_statuses_and_featured_tags_from_the_lookup_id() -> None:
    plan = mastodon.capture_plan(ref("bluedoor@mastodon.social"))
    assert plan.follow is not None
    steps = plan.follow([fixture_doc("bluedoor_lookup.json", f"{API}/lookup?acct=bluedoor")])
    assert [s.url for s in steps] == [
        f"{API}/113401234567890123/statuses?limit=40&exclude_replies=true",
        f"{API}/113401234567890123/featured_tags",
    ]
    assert [s.optional for s in steps] == [False, True]


def test_follow_stops_when_the_lookup_failed() -> None:
    plan = mastodon.capture_plan(ref("nobody@mastodon.social"))
    assert plan.follow is not None
    missing = Document(text='{"error":"Record not found"}', kind="json",
                       url=f"{API}/lookup?acct=nobody", status=404)  # fmt: skip
    assert plan.follow([missing]) == []


# --- our own fixtures: a complete capture ----------------------------------------------


def test_bakery_profile_fields() -> None:
    p = mastodon.extract(bakery_docs(), ctx("bluedoor@mastodon.social"))
    assert p.capture.outcome is Outcome.OK
    assert p.handle == "bluedoor@mastodon.social"
    assert p.url == "https://mastodon.social/@bluedoor"
    assert p.display_name == "Blue Door Bakery :croissant:"
    assert any(":croissant:" in w and "not words" in w for w in p.capture.warnings)
    assert p.bio is not None
    assert p.bio.startswith("Sourdough bakery & coffee in Ljubljana's old town. Pekarna z drožmi")
    assert "\n\nOrder ahead: https://bluedoor.example/order?utm_source=mastodon\nBaked by" in p.bio
    assert [(link.url, link.title) for link in p.links] == [
        ("https://bluedoor.example/", "Website"),
        ("https://www.instagram.com/bluedoorbakery", "Instagram"),
        ("https://bluedoor.example/order?utm_source=mastodon", None),
    ]  # mentions and hashtag links in the note are not website links
    assert "verified 2026-01-20" in p.sources["links[0]"]
    assert p.location is not None and p.location.name == "Stari trg 3, Ljubljana"
    assert p.contact is not None and p.contact.email == "hello@bluedoor.example"
    assert p.avatar is not None and not p.avatar.is_default
    assert (p.counts.followers, p.counts.following, p.counts.posts) == (412, 58, 237)
    assert p.is_private is False
    assert p.sources["indexable"].endswith("indexable = false")
    assert any("indexable: false" in w for w in p.capture.warnings)
    assert p.sources["featured_tags"].endswith("#Sourdough, #Ljubljana")
    assert p.not_observed["geotags"]


def test_bakery_posts_boost_alt_text_and_hashtags() -> None:
    p = mastodon.extract(bakery_docs(), ctx("bluedoor@mastodon.social"))
    assert [post.id for post in p.posts] == [
        "114120000000000005",
        "114110000000000004",
        "114100000000000003",
        "114090000000000002",
        "114080000000000001",
    ]
    newest, lamination, boost, menu, opening = p.posts
    assert newest.created_at == datetime(2026, 3, 14, 8, 5, tzinfo=timezone.utc)
    assert newest.caption == (
        "Fresh rye loaves are out of the oven 🍞\nSvež rženi kruh! #Kruh #Ljubljana #sourdough"
    )
    assert newest.hashtags == ["Kruh", "Ljubljana", "sourdough"]  # as written, not lowercased
    assert [(m.kind, m.alt_source) for m in newest.media] == [("image", "custom")]
    assert (newest.media[0].width, newest.media[0].height) == (1600, 1200)
    assert [(m.kind, m.alt_source) for m in lamination.media] == [
        ("video", "custom"),
        ("image", "missing"),
    ]
    assert boost.is_repost and boost.caption == "Naša nova jesenska torta je tu!"
    assert boost.url == "https://toot.si/@kavarna/113990000000000001"
    assert [post.id for post in p.own_posts()] == [
        "114120000000000005",
        "114110000000000004",
        "114090000000000002",
        "114080000000000001",
    ]
    assert menu.caption == "Menu (long list)\n\nOur Saturday menu is up."  # content warning first
    assert menu.media[0].alt_source == "missing" and menu.media[0].alt_text is None
    assert opening.hashtags == ["čokolada"]
    assert all(post.location is None for post in p.posts)


def test_without_a_ref_a_single_lookup_names_the_profile() -> None:
    p = mastodon.extract(bakery_docs(), ctx())
    assert p.capture.outcome is Outcome.OK
    assert p.handle == "bluedoor@mastodon.social"
    assert len(p.posts) == 5


def test_lookup_alone_warns_that_posts_were_not_captured() -> None:
    p = mastodon.extract(bakery_docs()[:1], ctx("bluedoor@mastodon.social"))
    assert p.capture.outcome is Outcome.OK
    assert p.posts == []
    assert "statuses" in p.not_observed["posts"]


def test_profile_page_meta_tags_are_the_last_resort() -> None:
    docs = load_file(FIXTURES / "bluedoor_profile_page.html")
    p = mastodon.extract(docs, ctx())
    assert p.capture.outcome is Outcome.OK
    assert p.handle == "bluedoor@mastodon.social"
    assert p.display_name == "Blue Door Bakery"
    assert p.bio == "Sourdough bakery & coffee in Ljubljana's old town. Pekarna z drožmi 🥖"
    assert p.avatar is not None and p.avatar.url and p.avatar.url.endswith("5f2a9c1d0e.png")
    assert any("meta tags only" in w for w in p.capture.warnings)


# --- outcomes --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "status", "outcome"),
    [
        ('{"error":"Record not found"}', 404, Outcome.NOT_FOUND),
        ('{"error":"This method requires an authenticated user"}', 401, Outcome.LOGIN_WALL),
        ('{"error":"Too many requests"}', 429, Outcome.BLOCKED),
    ],
)
def test_api_errors_name_the_outcome(body: str, status: int, outcome: Outcome) -> None:
    doc = Document(text=body, kind="json", url=f"{API}/lookup?acct=bluedoor", status=status)
    p = mastodon.extract([doc], ctx("bluedoor@mastodon.social"))
    assert p.capture.outcome is outcome
    assert p.handle == "bluedoor@mastodon.social"
    assert p.capture.reason and p.capture.reason in p.capture.warnings


def test_authorized_fetch_reason_tells_what_to_do() -> None:
    doc = Document(text='{"error":"This method requires an authenticated user"}', kind="json",
                   url=f"{API}/lookup?acct=bluedoor", status=401)  # fmt: skip
    p = mastodon.extract([doc], ctx("bluedoor@mastodon.social"))
    assert "authorized-fetch" in (p.capture.reason or "")
    assert "HAR" in (p.capture.reason or "")


def test_suspended_account_is_not_found_with_reason() -> None:
    data = json.loads((FIXTURES / "bluedoor_lookup.json").read_text(encoding="utf-8"))
    data.update(suspended=True, note="", fields=[], display_name="")
    doc = Document(text=json.dumps(data), kind="json", url=f"{API}/lookup?acct=bluedoor")
    p = mastodon.extract([doc], ctx("bluedoor@mastodon.social"))
    assert p.capture.outcome is Outcome.NOT_FOUND
    assert "suspended" in (p.capture.reason or "")
    plan = mastodon.capture_plan(ref("bluedoor@mastodon.social"))
    assert plan.follow is not None and plan.follow([doc]) == []  # nothing more to fetch


def test_locked_account_without_public_posts_is_private() -> None:
    data = json.loads((FIXTURES / "bluedoor_lookup.json").read_text(encoding="utf-8"))
    data["locked"] = True
    docs = [
        Document(text=json.dumps(data), kind="json", url=f"{API}/lookup?acct=bluedoor"),
        Document(text="[]", kind="json", url=f"{API}/113401234567890123/statuses?limit=40"),
    ]
    p = mastodon.extract(docs, ctx("bluedoor@mastodon.social"))
    assert p.capture.outcome is Outcome.PRIVATE
    assert p.is_private is True
    assert p.display_name == "Blue Door Bakery :croissant:"  # what was readable stays


@pytest.mark.parametrize(
    "docs",
    [
        [],
        [Document(text="", kind="text")],
        [Document(text='{"data": {"user": {}}}', kind="json", url="https://x.com/i/api/x")],
        [Document(text="<html><body><p>Hello</p></body></html>", kind="html")],
        [Document(text='[{"id": "1", "content": "<p>trunc', kind="json")],  # not JSON at all
    ],
)
def test_nothing_usable_gives_an_error_outcome_not_an_exception(docs: list[Document]) -> None:
    p = mastodon.extract(docs, ctx())
    assert p.capture.outcome is Outcome.ERROR
    assert p.capture.warnings


def test_a_ref_the_documents_do_not_hold_is_an_error() -> None:
    p = mastodon.extract(bakery_docs(), ctx("someoneelse@mastodon.social"))
    assert p.capture.outcome is Outcome.ERROR
    assert "@bluedoor@mastodon.social" in (p.capture.reason or "")


# --- real captures ---------------------------------------------------------------------


def test_real_account_cassette_remote_account_with_verified_link() -> None:
    docs = real_docs("mastodonpy_cassette_entity_account.yaml")
    p = mastodon.extract(docs, ctx("halcy@icosahedron.website"))
    assert p.capture.outcome is Outcome.OK
    assert p.handle == "halcy@icosahedron.website"
    assert p.display_name == "halcy\u200b :icosahedron:"
    assert any(":icosahedron:" in w for w in p.capture.warnings)
    assert p.bio == (
        "i am exactly like all the other guys.\n\nideal for comfortable gameplay in relaxed "
        "locations.\n\ni work at, but do not speak for, microsoft."
    )
    assert [link.url for link in p.links] == ["https://halcy.de/", "https://demoscene.vc/"]
    assert "verified 2026-04-11T12:08:00.687+00:00" in p.sources["links[0]"]
    assert (p.counts.followers, p.counts.following, p.counts.posts) == (3553, 540, 75076)
    assert p.sources["last_status_at"].endswith("last_status_at = 2026-04-11")
    assert p.sources["indexable"].endswith("= true")


def test_real_account_cassette_local_locked_account() -> None:
    docs = real_docs("mastodonpy_cassette_entity_account.yaml")
    p = mastodon.extract(docs, ctx("halcy@mastodon.social"))
    assert p.handle == "halcy@mastodon.social"
    assert p.display_name == "autumnal halcy"
    assert p.bio is not None and p.bio.startswith("https://halcy.de/ ~ Local account.")
    assert [link.url for link in p.links] == ["https://halcy.de/"]
    assert p.is_private is True
    assert (p.counts.followers, p.counts.posts) == (126, 988)
    assert p.sources["noindex"].endswith("noindex = true")
    assert any("indexable: false" in w for w in p.capture.warnings)
    assert any("discoverable: false" in w for w in p.capture.warnings)


def test_real_account_cassette_without_ref_declines_to_mix_two_people() -> None:
    p = mastodon.extract(real_docs("mastodonpy_cassette_entity_account.yaml"), ctx())
    assert p.capture.outcome is Outcome.ERROR
    assert "2 different Mastodon accounts" in (p.capture.reason or "")
    assert p.posts == [] and p.bio is None


def test_real_status_cassette() -> None:
    docs = real_docs("mastodonpy_cassette_entity_status.yaml")
    p = mastodon.extract(docs, ctx("halcy@icosahedron.website"))
    assert [post.id for post in p.posts] == ["110446223051565765"]
    post = p.posts[0]
    assert post.created_at == datetime(2023, 5, 28, 12, 6, 50, tzinfo=timezone.utc)
    assert post.caption is not None
    assert post.caption.startswith("test post for mastodon.py stuff\n\n@halcy you're a doo-doo")
    assert post.hashtags == ["ThisIsAHashtag"]
    assert [(m.kind, m.alt_text, m.alt_source) for m in post.media] == [
        ("video", "a furry cube breakdancing", "custom")
    ]
    assert any("left out 1 statuses" in w for w in p.capture.warnings)
    local = mastodon.extract(docs, ctx("halcy@mastodon.social"))
    assert [(x.id, x.caption, x.media) for x in local.posts] == [
        ("110446183735368325", "test?", [])
    ]


def test_real_media_attachment_cassette() -> None:
    docs = real_docs("mastodonpy_cassette_entity_mediaattachment.yaml")
    remote = mastodon.extract(docs, ctx("halcy@icosahedron.website"))
    assert [(m.kind, m.alt_source) for m in remote.posts[0].media] == [("other", "missing")]
    local = mastodon.extract(docs, ctx("halcy@mastodon.social"))
    assert local.posts[0].caption == "image post"
    media = local.posts[0].media[0]
    assert (media.kind, media.alt_text, media.alt_source) == ("image", "furry cube", "custom")
    assert (media.width, media.height) == (1280, 720)


def test_real_featured_tags_with_their_account() -> None:
    docs = real_docs("mastodonpy_cassette_entity_account.yaml")
    docs += real_docs("mastodonpy_cassette_entity_featuredtag.yaml")
    p = mastodon.extract(docs, ctx("halcy@mastodon.social"))
    assert p.sources["featured_tags"].endswith("[].name = #demoscene")
    alone = mastodon.extract(real_docs("mastodonpy_cassette_entity_featuredtag.yaml"), ctx())
    assert alone.capture.outcome is Outcome.ERROR


def test_real_search_v2_picks_the_named_account_among_eighteen() -> None:
    docs = real_docs("mastodonpy_cassette_entity_searchv2.yaml")
    declined = mastodon.extract(docs, ctx())
    assert declined.capture.outcome is Outcome.ERROR
    assert "20 different Mastodon accounts" in (declined.capture.reason or "")
    p = mastodon.extract(docs, ctx("halcycraft@mastodon.social"))
    assert p.capture.outcome is Outcome.OK
    assert p.display_name == "Halcy"
    assert p.bio is not None and p.bio.startswith("Ví da handmade được Halcy sản xuất")
    assert [link.url for link in p.links] == ["https://halcy.vn/"]
    assert p.avatar is not None and p.avatar.is_default  # .../avatars/original/missing.png
    assert p.counts.posts == 0
    assert p.posts == []  # the two statuses in the search are other people's


def test_real_public_timeline_picks_one_authors_statuses() -> None:
    docs = real_docs("rtoot_vcr_public_timeline_2022-11.yml")
    declined = mastodon.extract(docs, ctx())
    assert declined.capture.outcome is Outcome.ERROR
    assert "17 different Mastodon accounts" in (declined.capture.reason or "")

    p = mastodon.extract(docs, ctx("Sardonicus@mastodon.social"))
    assert p.handle == "Sardonicus@mastodon.social"
    assert p.bio == "Auteur"
    assert len(p.posts) == 4
    assert p.posts[0].created_at == datetime(2022, 11, 8, 11, 48, 8, tzinfo=timezone.utc)
    assert all(post.caption is None for post in p.posts)  # only an invisible separator
    assert [m.alt_source for post in p.posts for m in post.media] == ["missing"] * 4
    assert any("left out 16 statuses" in w for w in p.capture.warnings)

    doc = mastodon.extract(docs, ctx("documentally@octodon.social"))
    assert doc.display_name == "Documentally"
    assert doc.bio is not None and doc.bio.startswith("Writer | Photographer | G5DOC")
    assert doc.links[0].url == "http://Documentally.net"
    assert doc.posts[0].caption == "Welcome to Banbury."
    assert doc.posts[0].media[0].alt_text is not None
    assert doc.posts[0].media[0].alt_text.startswith("A street view photographed through the rain")


def test_real_public_timeline_keeps_german_hashtags_as_written() -> None:
    docs = real_docs("rtoot_vcr_public_timeline_2022-11.yml")
    p = mastodon.extract(docs, ctx("berlin_radler@aipi.social"))
    (post,) = p.posts
    # the order and case of the text ('#Potsdamer'), not the API's lowercased tags[]
    assert post.hashtags == ["Rechtsabbiegeverbot", "Potsdamer", "Schleppkurve", "Schilderfuß"]
    assert post.caption is not None
    assert post.caption.startswith("The neverending drama mit dem #Rechtsabbiegeverbot")
    assert post.media[0].alt_source == "missing"


def test_real_search_accounts() -> None:
    docs = real_docs("rtoot_vcr_search_accounts_2022-11.yml")
    p = mastodon.extract(docs, ctx("chainsawriot@mastodon.hk"))
    assert p.handle == "chainsawriot@mastodon.hk"
    assert p.bio is not None and p.bio.startswith(
        "陳電鋸/陳仲康, epidemiologist-turn-media-researcher"
    )
    assert p.counts.posts == 179
    assert "posts" in p.not_observed
    local = mastodon.extract(docs, ctx("chainsawriot@social.tchncs.de"))
    assert [link.url for link in local.links] == ["http://www.chainsawriot.com"]
    assert (local.counts.followers, local.counts.following) == (44, 32)


def test_real_directory() -> None:
    docs = real_docs("rtoot_vcr_instance_directory_accounts_2022-11.yml")
    assert mastodon.extract(docs, ctx()).capture.outcome is Outcome.ERROR
    bot = mastodon.extract(docs, ctx("sussexsquad@botsin.space"))
    assert bot.display_name == "SussexSquad"
    assert any("bot" in w for w in bot.capture.warnings)
    assert bot.counts.posts == 263166
    kumori = mastodon.extract(docs, ctx("kumori@bgme.me"))
    assert kumori.display_name == "冷凍鮭魚雲（你的黃老闆上線了！）"
    assert kumori.links == []  # four fields, none of them a link
    locked = mastodon.extract(docs, ctx("usmank756@mstdn.nere9.help"))
    assert locked.is_private is True
    assert locked.bio is not None and locked.bio.startswith("No Music, No Life で")


def test_real_activitypub_actor_with_http_headers() -> None:
    docs = load_file(
        realdata("mastodon", "xray_activitypub_actor_Gargron_mastodon.social_2018-07.http.txt")
    )
    p = mastodon.extract(docs, ctx())
    assert p.capture.outcome is Outcome.OK
    assert p.handle == "Gargron@mastodon.social"
    assert p.display_name == "Eugen"
    assert p.bio == "Developer of Mastodon. 25"
    assert p.url == "https://mastodon.social/@Gargron"
    assert [(link.url, link.title) for link in p.links] == [
        ("https://www.patreon.com/mastodon", "Patreon")
    ]
    assert p.contact is not None and p.contact.email == "eugen@zeonfederated.com"
    assert p.avatar is not None and p.avatar.url and p.avatar.url.endswith("eb9e00274b135808.png")
    assert p.is_private is False
    assert "counts" in p.not_observed


def test_html_to_text_keeps_paragraphs_and_line_breaks() -> None:
    assert mastodon.html_to_text("<p>a &amp; b<br>c</p><p>d</p>") == "a & b\nc\n\nd"
    assert mastodon.html_to_text("plain") == "plain"
    assert mastodon.html_to_text("") is None


def test_another_sites_profile_page_is_not_taken_for_mastodon() -> None:
    # a Bluesky page has the same "Name (@handle)" og:title and an empty activity+json link
    docs = load_file(
        realdata("bluesky", "brocc_bskyapp_profile_kpitzen_rendered_loggedin_2025-04.html")
    )
    assert mastodon.extract(docs, ctx()).capture.outcome is Outcome.ERROR
