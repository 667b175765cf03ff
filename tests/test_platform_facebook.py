"""Facebook Pages: capture plan, extraction from every shape Facebook serves, and outcomes.

Our own fixtures (tests/fixtures/facebook) are an invented Ljubljana café, Kavarna Lipa,
written in the real Graph API and m.facebook.com structures; the realdata tests read real
captures (the Nintendo Page in 2021, Graph API test data) and skip when they are absent.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from audit.documents import Document, load_file
from audit.model import Outcome, Post, Profile
from audit.platforms import REGISTRY
from audit.platforms.base import ExtractContext
from audit.platforms.facebook import capture_plan, extract, mobile_url
from audit.resolve import resolve
from tests.realdata import cassette, realdata

FIXTURES = Path(__file__).parent / "fixtures" / "facebook"
CAPTURED = datetime(2025, 6, 14, 9, 0, tzinfo=timezone.utc)
NINTENDO_CAPTURED = datetime(2021, 6, 8, 22, 18, tzinfo=timezone.utc)  # the cassette's Date


def ctx(handle: str | None = None, when: datetime = CAPTURED) -> ExtractContext:
    return ExtractContext(captured_at=when, ref=resolve(f"facebook:@{handle}") if handle else None)


def fixture(*names: str) -> list[Document]:
    return [d for n in names for d in load_file(FIXTURES / n)]


def real(*names: str) -> list[Document]:
    return [d for n in names for d in load_file(realdata("facebook", n))]


def body(data: Any, url: str | None = None, status: int = 200) -> Document:
    return Document(text=json.dumps(data, ensure_ascii=False), kind="json", url=url, status=status)


def html(text: str, url: str | None = None, status: int = 200) -> Document:
    return Document(text=text, kind="html", url=url, status=status)


def images(posts: list[Post], alt: str | None = None) -> int:
    return sum(
        1
        for p in posts
        for m in p.media
        if m.kind == "image" and (alt is None or m.alt_source == alt)
    )


def domains(profile: Profile) -> set[str]:
    return {urlsplit(link.url).hostname or "" for link in profile.links}


# --------------------------------------------------------------------------- capture plan


def test_capture_plan_loads_the_page_then_the_mobile_site_optionally() -> None:
    plan = capture_plan(resolve("facebook:@kavarna.lipa"))
    assert [s.url for s in plan.steps] == [
        "https://www.facebook.com/kavarna.lipa",
        "https://m.facebook.com/kavarna.lipa/",
    ]
    assert [s.action for s in plan.steps] == ["goto", "goto"]
    assert not plan.steps[0].optional and plan.steps[1].optional
    assert plan.follow is None
    assert plan.note and "HAR" in plan.note


def test_capture_plan_for_a_numeric_page_id() -> None:
    plan = capture_plan(resolve("https://www.facebook.com/profile.php?id=104857300112233"))
    assert plan.steps[0].url == "https://www.facebook.com/profile.php?id=104857300112233"
    assert plan.steps[1].url == mobile_url("104857300112233")
    assert plan.steps[1].url == "https://m.facebook.com/profile.php?id=104857300112233"


def test_registry_has_extract_and_capture_plan() -> None:
    from audit.model import Platform

    spec = REGISTRY[Platform.FACEBOOK]
    assert spec.can_extract and spec.capture_plan is capture_plan


# --------------------------------------------------------------------------- our fixtures


def test_graph_page_and_feed_of_an_invented_cafe() -> None:
    p = extract(
        fixture("graph_page_kavarna.lipa.json", "graph_feed_kavarna.lipa.json"),
        ctx("kavarna.lipa"),
    )
    assert p.capture.outcome is Outcome.OK
    assert p.handle == "kavarna.lipa" and p.display_name == "Kavarna Lipa"
    assert p.bio is not None and "čokoladne rezine" in p.bio
    assert p.category == "Coffee Shop"
    assert [link.url for link in p.links] == [
        "http://www.kavarna-lipa.si",  # a bare domain becomes what Facebook links: http://
        "https://shop.kavarna-lipa.si/?utm_source=facebook",
    ]
    assert p.location is not None
    assert (p.location.address, p.location.city, p.location.country) == (
        "Ribji trg 4",
        "Ljubljana",
        "Slovenia",
    )
    assert p.location.lat == pytest.approx(46.0489)
    assert p.contact is not None and p.contact.phone == "+386 1 234 56 78"
    assert p.contact.email == "pozdravljeni@kavarna-lipa.si"
    assert p.avatar is not None and p.avatar.is_default  # is_silhouette: the grey default
    assert p.counts.followers == 1923  # followers_count beats fan_count
    assert p.is_business is True and p.is_verified is None
    assert p.sources["location"].endswith("graph_page_kavarna.lipa.json: location")

    assert [post.id for post in p.posts] == [
        "104857300112233_771100220033",
        "104857300112233_771100110022",
        "104857300112233_771100000011",
    ]
    newest, album, shared = p.posts
    assert newest.created_at == datetime(2025, 6, 12, 7, 15, tzinfo=timezone.utc)
    assert not newest.created_at_approx
    assert newest.hashtags == ["KavarnaLipa", "Ljubljana"]
    assert newest.location is not None and newest.location.name == "Kavarna Lipa"
    assert newest.location.lon == pytest.approx(14.5071)
    assert images([album]) == 2  # an album's subattachments, not its cover
    assert shared.is_repost and shared.media == []  # a shared post; the link card is no media
    assert [post.id for post in p.own_posts()] == [newest.id, album.id]
    assert sum(1 for post in p.posts if post.location) == 1
    # The Graph API feed carries no alt text: ALT checks must say na, not fail.
    assert "alt_text" in p.not_observed
    assert "geotags" not in p.not_observed and "location" not in p.not_observed


def test_the_largest_picture_wins() -> None:
    picture = {
        "data": {
            "height": 320,
            "width": 320,
            "is_silhouette": False,
            "url": "https://scontent.xx.fbcdn.net/v/t39.30808-1/p320x320/lipa.jpg",
        }
    }
    docs = [*fixture("graph_page_kavarna.lipa.json"), body(picture)]
    p = extract(docs, ctx("kavarna.lipa"))
    assert p.avatar is not None and p.avatar.width == 320 and not p.avatar.is_default
    assert "posts" in p.not_observed  # a Page without its feed: cadence is na


def test_mobile_page_with_relative_dates_alt_text_and_a_place() -> None:
    p = extract(fixture("m_page_kavarna.lipa_loggedout.html"), ctx("kavarna.lipa"))
    assert p.capture.outcome is Outcome.OK
    assert p.handle == "kavarna.lipa" and p.display_name == "Kavarna Lipa"
    assert p.category == "Kavarna"  # the header's category line, in the Page's language
    assert p.bio == (
        "Specialty coffee and čokoladne rezine by the Ljubljanica. "
        "Zajtrk vsak dan od 7h — pridite na kavo!"
    )
    assert p.counts.followers == 1840  # Page likes from og:description
    assert p.avatar is not None and p.avatar.width == 206
    assert any("login prompt" in w for w in p.capture.warnings)
    first, second = p.posts
    assert first.created_at == datetime(2025, 6, 14, 7, 0, tzinfo=timezone.utc)  # "2 hrs"
    assert first.created_at_approx
    assert second.created_at == datetime(2025, 6, 13, 9, 0, tzinfo=timezone.utc)  # yesterday
    assert second.created_at_approx
    assert first.location is not None and first.location.name == "Tromostovje"
    assert first.hashtags == ["ljubljana"]
    assert [m.alt_source for m in first.media] == ["custom"]
    assert [m.alt_source for m in second.media] == ["auto"]  # "May be an image of ..."
    assert "location" in p.not_observed and "alt_text" not in p.not_observed


def test_login_wall_page() -> None:
    docs = fixture("login_wall_www.html")
    p = extract(docs, ctx("kavarna.lipa"))
    assert p.capture.outcome is Outcome.LOGIN_WALL
    assert p.capture.reason is not None and "--har" in p.capture.reason
    assert "Graph API" in p.capture.reason
    assert p.handle == "kavarna.lipa" and p.posts == []
    assert p.capture.warnings


def test_login_redirect_by_url() -> None:
    doc = html(
        "<html><head><title>Facebook</title></head><body><form id=login_form></form></body></html>",
        url="https://www.facebook.com/login/?next=https%3A%2F%2Fwww.facebook.com%2Fkavarna.lipa",
    )
    p = extract([doc], ctx("kavarna.lipa"))
    assert p.capture.outcome is Outcome.LOGIN_WALL


def test_not_found_page() -> None:
    p = extract(fixture("not_found_www.html"), ctx("kavarna.lipa"))
    assert p.capture.outcome is Outcome.NOT_FOUND
    assert p.capture.reason is not None and "isn't available" in p.capture.reason


def test_checkpoint_is_blocked() -> None:
    doc = html(
        "<html><head><title>Security Check</title></head><body><h1>Security Check</h1>"
        "<p>Please verify you're a human.</p></body></html>",
        url="https://www.facebook.com/checkpoint/block/?next=x",
    )
    p = extract([doc], ctx("kavarna.lipa"))
    assert p.capture.outcome is Outcome.BLOCKED


@pytest.mark.parametrize(
    ("code", "message", "outcome"),
    [
        (803, "(#803) Some of the aliases you requested do not exist: nope", Outcome.NOT_FOUND),
        (100, "Object with ID 'nope' does not exist", Outcome.NOT_FOUND),
        (4, "(#4) Application request limit reached", Outcome.BLOCKED),
        (190, "Error validating access token: Session has expired", Outcome.ERROR),
    ],
)
def test_graph_api_errors(code: int, message: str, outcome: Outcome) -> None:
    error = {"error": {"message": message, "type": "OAuthException", "code": code}}
    p = extract([body(error, url="https://graph.facebook.com/v19.0/nope")], ctx("nope.page"))
    assert p.capture.outcome is outcome
    assert p.capture.reason is not None and str(code) in p.capture.reason


@pytest.mark.parametrize(
    "doc",
    [
        Document(text="", kind="text"),
        Document(text='{"data": [{"id": "1_2", "created_time": ', kind="text"),
        Document(text="[]", kind="json"),
        Document(text='{"unrelated": true}', kind="json"),
        html("<html><body><p>hello</p></body></html>"),
        html(
            '<html><head><meta property="og:title" content="Zlata Lipa | LinkedIn"></head>'
            "<body><h1 class=top-card-layout__title>Zlata Lipa</h1></body></html>",
            url="https://www.linkedin.com/company/zlata-lipa/",
        ),
    ],
)
def test_odd_input_never_crashes(doc: Document) -> None:
    p = extract([doc], ctx())
    assert p.capture.outcome is not Outcome.OK or p.display_name
    assert p.capture.warnings or p.capture.outcome is Outcome.OK


def test_profile_lists_its_inputs() -> None:
    docs = fixture("graph_page_kavarna.lipa.json", "graph_feed_kavarna.lipa.json")
    p = extract(docs, ctx("kavarna.lipa"))
    assert [i.kind for i in p.capture.inputs] == ["json", "json"]
    assert p.capture.captured_at == CAPTURED


# --------------------------------------------------------------------------- real captures


def test_real_graph_page_default_fields_zh_locale() -> None:
    p = extract(real("graphapi_page_facebookapp_default_fields.json"), ctx())
    assert p.capture.outcome is Outcome.OK
    assert p.handle == "facebookapp" and p.display_name == "Facebook"
    assert p.bio is not None and p.bio.startswith("The Facebook Page celebrates")
    assert p.category == "网站"  # the zh-CN category name, kept as served
    assert p.counts.followers == 214507731  # fan_count
    assert domains(p) == {"www.facebook.com"}
    assert p.is_verified is True
    assert p.avatar is not None and (p.avatar.width, p.avatar.is_default) == (50, False)
    assert p.posts == [] and "posts" in p.not_observed


def test_real_graph_pages_multi_picks_the_asked_page() -> None:
    p = extract(real("graphapi_pages_multi_fbdevelopers_facebookapp.json"), ctx("facebookapp"))
    assert p.handle == "facebookapp" and p.display_name == "Facebook App"
    assert p.category == "Website"
    assert p.counts.followers == 210078909
    other = extract(real("graphapi_pages_multi_fbdevelopers_facebookapp.json"), ctx())
    assert other.handle == "FacebookforDevelopers"
    assert other.display_name == "Facebook for Developers"
    assert domains(other) == {"developers.facebook.com"}


def test_real_graph_feed_two_pages() -> None:
    p = extract(
        real("graphapi_page_feed_fbdevelopers_p1.json", "graphapi_page_feed_fbdevelopers_p2.json"),
        ctx(),
    )
    assert p.capture.outcome is Outcome.OK
    assert p.handle == "FacebookforDevelopers"  # named by its own photos' URLs
    assert len(p.posts) == 10
    assert p.posts[0].created_at == datetime(2021, 7, 9, 19, 9, 52, tzinfo=timezone.utc)
    assert p.posts[-1].created_at == datetime(2021, 6, 21, 20, 57, 12, tzinfo=timezone.utc)
    assert images(p.posts) == 5
    assert sum(1 for post in p.posts for m in post.media if m.kind == "video") == 2
    assert sum(1 for post in p.posts if post.location) == 0
    # '#NeurIPS2021' is in a link card's description, not in the Page's own message.
    assert all(post.hashtags == [] for post in p.posts)
    assert not any(post.is_repost for post in p.posts)
    assert {"alt_text", "geotags"} <= set(p.not_observed)


def test_real_graph_posts_multi() -> None:
    p = extract(real("graphapi_posts_multi_fbdevelopers.json"), ctx())
    assert {post.id for post in p.posts} == {
        "19292868552_10158347294088553",
        "19292868552_10158345715593553",
    }
    assert images(p.posts) == 1  # the other is a link share


def test_real_graph_picture_alone_and_with_the_page() -> None:
    alone = extract(real("graphapi_page_picture.json"), ctx())
    assert alone.capture.outcome is Outcome.ERROR
    with_page = extract(
        real("graphapi_page_facebookapp_default_fields.json", "graphapi_page_picture.json"), ctx()
    )
    assert with_page.avatar is not None and with_page.avatar.width == 200


def test_real_mobile_post_page() -> None:
    p = extract(real("m_facebook_Nintendo_post_4194934713924283_2021-06-08.html"), ctx())
    assert p.handle == "Nintendo" and p.display_name == "Nintendo"
    assert p.counts.followers == 5411563  # Page likes in the meta description
    assert p.bio is not None and p.bio.startswith("Welcome to the official Nintendo")
    assert any("cuts it off" in w for w in p.capture.warnings)
    (post,) = p.posts
    assert post.id == "4194934713924283"
    assert post.created_at == datetime(2021, 6, 5, 0, 33, 32, tzinfo=timezone.utc)
    assert [(m.alt_text, m.alt_source) for m in post.media] == [("May be a cartoon", "auto")]


def test_real_mobile_photo_page() -> None:
    p = extract(real("m_facebook_Nintendo_photo_page_4194934713924283_2021-06-08.html"), ctx())
    assert p.display_name == "Nintendo" and p.handle == "Nintendo"
    assert domains(p) == {"www.nintendo.com"}  # JSON-LD author.sameAs
    assert p.counts.followers == 5470341  # JSON-LD FollowAction
    (post,) = p.posts
    assert post.created_at == datetime(2021, 6, 5, 0, 33, 32, tzinfo=timezone.utc)
    assert images(p.posts, "auto") == 1


def test_real_mobile_more_posts_pager() -> None:
    p = extract(real("m_facebook_Nintendo_page_content_list_more_2021-06-08.html"), ctx("Nintendo"))
    assert p.capture.outcome is Outcome.OK
    assert [post.id for post in p.posts] == [
        "4191173794300375",
        "4188174317933656",
        "4188053201279101",
        "4187481031336318",
    ]
    assert p.posts[0].created_at == datetime(2021, 6, 3, 18, 0, 35, tzinfo=timezone.utc)
    assert not any(post.created_at_approx for post in p.posts)
    assert images(p.posts, "auto") == 2
    assert p.posts[3].caption is not None and p.posts[3].caption.startswith("🗓")


def test_real_cassette_whole_capture() -> None:
    pairs = cassette(realdata("facebook", "kevinzg_cassette_TestGetPosts.test_smoketest.yaml"))
    docs = [
        Document(text=b, kind="html" if b.lstrip().startswith("<") else "text", url=u)
        for u, b in pairs
        if b
    ]
    p = extract(docs, ctx(when=NINTENDO_CAPTURED))
    assert p.capture.outcome is Outcome.OK
    assert p.handle == "Nintendo" and p.display_name == "Nintendo"
    assert p.category == "Video game"
    assert p.bio is not None and p.bio.endswith("please visit support.nintendo.com.")
    assert p.is_verified is True
    assert p.counts.followers == 5470341
    assert domains(p) == {"www.nintendo.com"}
    assert p.avatar is not None and p.avatar.width == 206
    assert len(p.posts) == 6  # feed cards, the pager and post/photo/video pages, merged
    assert p.posts[0].id == "4194934713924283"
    assert p.posts[0].created_at == datetime(2021, 6, 5, 0, 33, 32, tzinfo=timezone.utc)
    assert images(p.posts, "auto") == 3 and images(p.posts, "custom") == 0
    assert sum(1 for post in p.posts for m in post.media if m.kind == "video") == 3
    assert not any(post.is_repost for post in p.posts)
    assert not any(post.created_at_approx for post in p.posts)


def test_a_graph_api_page_without_location_says_it_was_not_asked_for() -> None:
    """A Graph API Page response is not 'the logged-out Page view': without `location` in
    it, the address is unknown because the request did not ask for it."""
    page = json.loads((FIXTURES / "graph_page_kavarna.lipa.json").read_text(encoding="utf-8"))
    page.pop("location", None)
    page.pop("single_line_address", None)
    doc = Document(text=json.dumps(page), kind="json")
    p = extract([doc], ctx())
    assert "was not asked for `location`" in p.not_observed["location"]
    html = extract(fixture("m_page_kavarna.lipa_loggedout.html"), ctx())
    assert "logged-out Page view" in html.not_observed["location"]


def test_real_graph_api_page_default_fields_location_reason() -> None:
    p = extract(real("graphapi_page_facebookapp_default_fields.json"), ctx())
    assert p.location is None
    assert "was not asked for `location`" in p.not_observed["location"]
