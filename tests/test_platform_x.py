"""X: capture plan, and extraction from GraphQL (2025+ and `legacy` schemas), REST v1.1/v2,
rendered pages and meta tags; login walls and other outcomes.

Real captures (../shared/realdata/twitter) are read as documents the way a capture or a user
hands them over; cassette wrappers are unwrapped here (the product never sees them). Our own
fixtures (tests/fixtures/x) are an invented bakery in the 2026 GraphQL schema plus a
logged-out wall page and a missing-account page."""

from __future__ import annotations

import json
import re
from datetime import datetime, timezone
from pathlib import Path

import pytest

from audit.documents import Document, load_file
from audit.model import Outcome, Platform, ProfileRef
from audit.platforms import x
from audit.platforms.base import ExtractContext
from tests.realdata import cassette, realdata

FIXTURES = Path(__file__).parent / "fixtures" / "x"
WHEN = datetime(2026, 8, 10, tzinfo=timezone.utc)
GQL = "https://x.com/i/api/graphql/Qw77dDjp9xCpUY-AXwt-yQ"


def ctx(handle: str | None = None) -> ExtractContext:
    ref = (
        ProfileRef(platform=Platform.X, handle=handle, url=x.profile_url(handle))
        if handle
        else None
    )
    return ExtractContext(captured_at=WHEN, ref=ref)


def fixture(name: str, url: str | None = None) -> Document:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return Document(text=text, kind="json" if name.endswith(".json") else "html", url=url)


def bakery_docs() -> list[Document]:
    return [
        fixture("bluedoorbakery_user_by_screen_name.json", f"{GQL}/UserByScreenName?v=1"),
        fixture("bluedoorbakery_user_tweets.json", f"{GQL}/UserTweets?v=1"),
    ]


def real(name: str) -> list[Document]:
    return load_file(realdata("twitter", name))


def real_cassette(name: str) -> list[Document]:
    return [
        Document(text=body, kind="json", url=url)
        for url, body in cassette(realdata("twitter", name))
    ]


def r_httptest(path: Path) -> Document:
    """The JSON inside an R httptest mock: `content = charToRaw("<R string literal>")`."""
    text = path.read_text(encoding="utf-8")
    body = re.search(r'charToRaw\("((?:[^"\\]|\\.)*)"\)', text, re.S)
    url = re.search(r'url = "([^"]+)"', text)
    assert body and url
    return Document(text=json.loads(f'"{body.group(1)}"'), kind="json", url=url.group(1))


# --- capture plan ----------------------------------------------------------------------


def test_capture_plan_loads_the_profile_page() -> None:
    plan = x.capture_plan(
        ProfileRef(platform=Platform.X, handle="bluedoorbakery", url="https://x.com/bluedoorbakery")
    )
    assert [(s.action, s.url) for s in plan.steps] == [("goto", "https://x.com/bluedoorbakery")]
    assert plan.steps[0].wait_for and 'data-testid="UserName"' in plan.steps[0].wait_for


def test_follow_adds_media_and_about_tabs_only_when_the_profile_was_readable() -> None:
    plan = x.capture_plan(
        ProfileRef(platform=Platform.X, handle="bluedoorbakery", url="https://x.com/bluedoorbakery")
    )
    assert plan.follow is not None
    steps = plan.follow(bakery_docs())
    assert [(s.url, s.optional) for s in steps] == [
        ("https://x.com/bluedoorbakery/media", True),
        ("https://x.com/bluedoorbakery/about", True),
    ]
    wall = load_file(FIXTURES / "login_wall.html")
    assert plan.follow(wall) == []


def test_snowflake_time() -> None:
    assert x.snowflake_time("934106870834454529") == datetime(
        2017, 11, 24, 17, 10, 7, 530000, tzinfo=timezone.utc
    )
    assert x.snowflake_time("12345") is None
    assert x.snowflake_time("not-a-number") is None


# --- our fixtures: the 2026 schema -----------------------------------------------------


def test_bakery_profile_from_user_by_screen_name_2026_schema() -> None:
    p = x.extract(bakery_docs(), ctx("bluedoorbakery"))
    assert p.capture.outcome is Outcome.OK
    assert p.handle == "bluedoorbakery"
    assert p.display_name == "Blue Door Bakery · Sourdough & Coffee"
    assert p.bio == (
        "Sourdough bread, pastries & coffee in Ljubljana's old town 🥐 Pekarna z drožmi. "
        "Order ahead: bluedoor.example/order"
    )  # the t.co link shown as X shows it
    assert [(link.url, link.title) for link in p.links] == [
        ("https://bluedoor.example/", "bluedoor.example"),
        ("https://bluedoor.example/order?utm_source=x", "bluedoor.example/order"),
    ]
    assert p.location is not None and p.location.name == "Ljubljana, Slovenia"
    assert p.category == "Bakery" and p.is_business is True
    assert p.is_private is False and p.is_verified is False
    assert (p.counts.followers, p.counts.following, p.counts.posts) == (1284, 311, 1530)
    assert p.sources["bio"].endswith("data.user.result.profile_bio.description")


def test_bakery_posts_alt_text_retweet_place_long_text_and_quote() -> None:
    p = x.extract(bakery_docs(), ctx("bluedoorbakery"))
    ids = [post.id for post in p.posts]
    assert ids == [
        "2030000000000000005",
        "2029000000000000004",
        "2028500000000000003",
        "2027500000000000002",
        "2026000000000000001",
        "2011000000000000001",  # the pinned post, read once
    ]
    geo, wrapped, retweet, quote, gif, pinned = p.posts
    assert (
        geo.caption == "Fresh rye loaves just out of the oven 🍞 Svež rženi kruh! #Kruh #Ljubljana"
    )
    assert geo.hashtags == ["Kruh", "Ljubljana"]
    assert [(m.kind, m.alt_source) for m in geo.media] == [("image", "custom")]
    assert geo.location is not None
    assert (geo.location.name, geo.location.city, geo.location.country) == (
        "Ljubljana, Slovenia",
        "Ljubljana",
        "Slovenia",
    )
    assert (geo.location.lat, geo.location.lon) == pytest.approx((46.05, 14.5))
    # TweetWithVisibilityResults is unwrapped; an absent and an empty ext_alt_text are missing
    assert [m.alt_source for m in wrapped.media] == ["missing", "missing"]
    assert (
        retweet.is_repost and retweet.url == "https://x.com/kavarnavrt/status/2028000000000000777"
    )
    assert retweet.caption == "Naša nova jesenska torta je tu! #torta"
    assert quote.media == []  # the quoted post's photo belongs to the other account
    assert gif.media[0].kind == "video" and gif.media[0].alt_source == "auto"  # GIF library alt
    assert gif.caption == (
        "We open at 7 today. Chocolate croissants are back! #čokolada https://bluedoor.example/menu"
    )
    assert gif.hashtags == ["čokolada"]
    assert pinned.caption is not None and len(pinned.caption) > 280  # note_tweet, not truncated
    assert pinned.caption.endswith("every day except Monday.")
    assert [post.id for post in p.own_posts()] == [i for i in ids if i != "2028500000000000003"]


def test_without_a_ref_user_by_screen_name_names_the_profile() -> None:
    p = x.extract(bakery_docs(), ctx())
    assert p.handle == "bluedoorbakery"
    assert p.capture.warnings == []


def test_timeline_alone_still_gives_the_profile_from_the_author() -> None:
    p = x.extract(bakery_docs()[1:], ctx())
    assert p.handle == "bluedoorbakery"
    assert p.bio is not None and p.bio.startswith("Sourdough bread")
    assert len(p.posts) == 6


def test_profile_alone_says_posts_were_not_observed() -> None:
    p = x.extract(bakery_docs()[:1], ctx("bluedoorbakery"))
    assert p.posts == []
    assert "UserTweets" in p.not_observed["posts"]


# --- outcomes --------------------------------------------------------------------------


def test_login_wall_page() -> None:
    p = x.extract(load_file(FIXTURES / "login_wall.html"), ctx("bluedoorbakery"))
    assert p.capture.outcome is Outcome.LOGIN_WALL
    assert p.handle == "bluedoorbakery"
    reason = p.capture.reason or ""
    assert "HAR" in reason and "--export" in reason and "logged-in" in reason
    assert any("'Log in' / 'Sign up'" in w for w in p.capture.warnings)


def test_redirect_to_the_login_flow_is_a_login_wall() -> None:
    doc = Document(
        text="<html><head><title>X</title></head><body><div id='react-root'></div></body></html>",
        kind="html",
        url="https://x.com/i/flow/login?redirect_after_login=%2Fbluedoorbakery",
    )
    p = x.extract([doc], ctx("bluedoorbakery"))
    assert p.capture.outcome is Outcome.LOGIN_WALL


def test_wall_on_a_later_tab_does_not_hide_a_readable_profile() -> None:
    login = "https://x.com/i/flow/login?redirect_after_login=%2Fbluedoorbakery%2Fmedia"
    redirect = Document(text="<html><body></body></html>", kind="html", url=login)
    p = x.extract([*bakery_docs(), redirect], ctx("bluedoorbakery"))
    assert p.capture.outcome is Outcome.OK
    assert len(p.posts) == 6
    assert any("logged-out view" in w for w in p.capture.warnings)


def test_missing_account_page() -> None:
    p = x.extract(load_file(FIXTURES / "account_missing.html"), ctx("bluedoorbakery"))
    assert p.capture.outcome is Outcome.NOT_FOUND


@pytest.mark.parametrize(
    ("body", "url", "outcome", "word"),
    [
        ('{"data": {}}', f"{GQL}/UserByScreenName?v=1", Outcome.NOT_FOUND, "no such"),
        (
            '{"data":{"user":{"result":{"__typename":"UserUnavailable","reason":"Suspended",'
            '"unavailable_message":{"text":"X suspends accounts..."}}}}}',
            f"{GQL}/UserByScreenName?v=1",
            Outcome.NOT_FOUND,
            "suspended",
        ),
        ('{"errors":[{"code":88,"message":"Rate limit exceeded"}]}', None, Outcome.BLOCKED, "rate"),
        (
            '{"errors":[{"code":50,"message":"User not found."}]}',
            None,
            Outcome.NOT_FOUND,
            "no such",
        ),
        (
            '{"errors":[{"title":"Not Found Error","detail":"Could not find user with '
            'username: [bluedoorbakery].","type":"https://api.twitter.com/2/problems/resource-not-found"}]}',
            None,
            Outcome.NOT_FOUND,
            "no such",
        ),
    ],
)
def test_api_answers_name_the_outcome(
    body: str, url: str | None, outcome: Outcome, word: str
) -> None:
    p = x.extract([Document(text=body, kind="json", url=url)], ctx("bluedoorbakery"))
    assert p.capture.outcome is outcome
    assert word in (p.capture.reason or "").lower()


def test_protected_account_without_posts_is_private() -> None:
    data = json.loads((FIXTURES / "bluedoorbakery_user_by_screen_name.json").read_text())
    data["data"]["user"]["result"]["privacy"]["protected"] = True
    empty = {"data": {"user": {"result": {"__typename": "User", "timeline": {"timeline": {
        "instructions": [{"type": "TimelineAddEntries", "entries": []}]}}}}}}  # fmt: skip
    docs = [
        Document(text=json.dumps(data), kind="json", url=f"{GQL}/UserByScreenName"),
        Document(text=json.dumps(empty), kind="json", url=f"{GQL}/UserTweets"),
    ]
    p = x.extract(docs, ctx("bluedoorbakery"))
    assert p.capture.outcome is Outcome.PRIVATE
    assert p.is_private is True and p.display_name == "Blue Door Bakery · Sourdough & Coffee"


@pytest.mark.parametrize(
    "docs",
    [
        [],
        [Document(text="", kind="text")],
        [Document(text="<html><body><h1>Bakery</h1></body></html>", kind="html")],
        [Document(text='{"data": {"user": {"result": {"__typename": "User"}}}}', kind="json")],
        [Document(text='[{"id": 1}, "x", null]', kind="json")],
        [Document(text='{"id":"1","username":"bluedoor","acct":"bluedoor"}', kind="json")],
    ],
)
def test_nothing_usable_gives_an_outcome_not_an_exception(docs: list[Document]) -> None:
    p = x.extract(docs, ctx())
    assert p.capture.outcome is Outcome.ERROR
    assert p.capture.warnings


def test_truncated_timeline_is_read_tolerantly() -> None:
    data = json.loads((FIXTURES / "bluedoorbakery_user_tweets.json").read_text())
    entries = data["data"]["user"]["result"]["timeline"]["timeline"]["instructions"][2]["entries"]
    del entries[0]["content"]["itemContent"]["tweet_results"]["result"]["legacy"]["entities"]
    entries[1]["content"]["itemContent"]["tweet_results"]["result"]["tweet"]["core"] = None
    entries[2]["content"] = None
    p = x.extract([Document(text=json.dumps(data), kind="json")], ctx("bluedoorbakery"))
    assert p.capture.outcome is Outcome.OK
    first = next(post for post in p.posts if post.id == "2030000000000000005")
    # media still come from extended_entities; hashtags from the text itself
    assert len(first.media) == 1 and first.hashtags == ["Kruh", "Ljubljana"]
    # a post whose author cannot be read is left out (it might be anyone's), and said so
    assert "2029000000000000004" not in [post.id for post in p.posts]
    assert any("left out 1 posts" in w for w in p.capture.warnings)


# --- real captures: GraphQL --------------------------------------------------------------


def test_real_user_by_screen_name_2026_with_about() -> None:
    docs = real("twscrape_user_by_login_XDevelopers_2026.json")
    docs += real("twscrape_user_about_XDevelopers_2026.json")
    p = x.extract(docs, ctx("XDevelopers"))
    assert p.capture.outcome is Outcome.OK
    assert p.display_name == "Developers"
    assert p.bio is not None and p.bio.startswith("The voice of the X Dev team")
    assert [link.url for link in p.links] == ["https://docs.x.com/"]
    assert p.location is not None
    assert (p.location.name, p.location.country) == ("127.0.0.1", "United States")
    assert p.sources["location.country"].endswith("about_profile.account_based_in")
    assert p.avatar is not None and p.avatar.url and p.avatar.url.endswith("xl1POYLw_normal.jpg")
    assert not p.avatar.is_default
    assert p.category == "Community" and p.is_business is True and p.is_verified is True
    assert (p.counts.followers, p.counts.following, p.counts.posts) == (695695, 762, 4319)


def test_real_about_query_alone() -> None:
    p = x.extract(real("twscrape_user_about_XDevelopers_2026.json"), ctx())
    assert p.handle == "XDevelopers" and p.display_name == "Developers"
    assert p.location is not None and p.location.country == "United States"
    assert p.is_private is False


def test_real_user_by_screen_name_legacy_schema() -> None:
    p = x.extract(real("twscrape_user_by_login_XDevelopers_legacy_2025-03.json"), ctx())
    assert p.handle == "XDevelopers"
    assert p.bio is not None and p.bio.endswith("related to the X API.")
    assert p.sources["bio"].endswith("data.user.result.legacy.description")
    assert [link.url for link in p.links] == ["https://docs.x.com/"]
    assert p.location is not None and p.location.name == "127.0.0.1"
    assert p.avatar is not None and p.avatar.is_default is False
    assert (p.counts.followers, p.counts.following, p.counts.posts) == (700242, 746, 4079)
    assert p.category == "Community"


def test_real_user_media_2026() -> None:
    p = x.extract(real("twscrape_user_media_XDevelopers_2026.json"), ctx("XDevelopers"))
    assert len(p.posts) == 37
    assert p.posts[0].created_at == datetime(2026, 7, 8, 15, 46, 13, tzinfo=timezone.utc)
    media = [m for post in p.posts for m in post.media]
    assert len(media) == 47
    by_source = {s: sum(m.alt_source == s for m in media) for s in ("custom", "auto", "missing")}
    assert by_source == {"custom": 7, "auto": 1, "missing": 39}
    assert sum(m.kind == "video" for m in media) == 9  # 5 videos and 4 GIFs
    gif = next(post for post in p.posts if post.id == "1961527131134988419")
    assert gif.media[0].alt_text == "M4rkdoll GIF" and gif.media[0].alt_source == "auto"
    assert all(post.location is None for post in p.posts)
    chirp = next(post for post in p.posts if post.id == "1564644124858486785")
    assert chirp.hashtags == ["ChirpDevChallenge", "Chirp"]
    long_post = next(post for post in p.posts if post.id == "1985828737297080555")
    assert long_post.caption is not None and len(long_post.caption) > 280  # note_tweet
    assert not any(post.is_repost for post in p.posts)


def test_real_user_media_legacy() -> None:
    p = x.extract(real("twscrape_user_media_XDevelopers_legacy_2025-03.json"), ctx())
    assert p.handle == "XDevelopers" and len(p.posts) == 29
    assert p.posts[0].created_at == datetime(2024, 10, 13, 0, 22, 31, tzinfo=timezone.utc)
    media = [m for post in p.posts for m in post.media]
    assert sum(m.alt_source == "custom" for m in media) == 7
    assert len(media) == 39
    assert sum(m.kind == "video" for m in media) == 7  # 4 videos and 3 GIFs


def test_real_user_tweets_legacy_2025_with_retweets() -> None:
    p = x.extract(real("twscrape_user_tweets_XDevelopers_legacy_2025-03.json"), ctx())
    assert p.handle == "XDevelopers"
    assert len(p.posts) == 21
    assert sum(post.is_repost for post in p.posts) == 12
    assert p.posts[0].id == "1897362060448801025"
    assert p.posts[0].created_at == datetime(2025, 3, 5, 19, 2, 21, tzinfo=timezone.utc)
    rt = next(post for post in p.posts if post.id == "1897349232258130236")
    assert rt.url == "https://x.com/chrisparkX/status/1897348926325596236"
    assert rt.caption is not None and rt.caption.startswith("Join our @XDevelopers livestream!")
    pinned = next(post for post in p.posts if post.id == "1851463451929186504")
    assert pinned.caption is not None and pinned.caption.startswith(
        "We are changing our Self Serve"
    )
    assert len(p.own_posts()) == 9


def test_real_user_tweets_legacy_2023() -> None:
    p = x.extract(real("twscrape_user_tweets_XDevelopers_legacy_2023-09.json"), ctx())
    assert len(p.posts) == 18
    assert p.posts[0].created_at == datetime(2023, 8, 21, 23, 4, 1, tzinfo=timezone.utc)
    assert p.posts[0].is_repost and p.posts[0].url == "https://x.com/API/status/1693760591503266165"
    assert len(p.own_posts()) == 16
    assert p.display_name == "Developers"


# --- real captures: REST v1.1 and v2 ---------------------------------------------------


def test_real_v1_users_lookup_picks_the_ref_or_the_first_with_a_warning() -> None:
    docs = real_cassette("rtweet_vcr_v1.1_users_lookup_cnn_potus_twitter_2022-11-13.json")
    first = x.extract(docs, ctx())
    assert first.handle == "CNN"
    assert any("4 X accounts" in w and "@POTUS" in w for w in first.capture.warnings)
    assert first.bio is not None and first.bio.endswith("download our app cnn.com/apps")
    assert [link.url for link in first.links] == ["http://www.cnn.com", "http://cnn.com/apps"]
    assert first.counts.followers == 60499587 and first.is_verified is True
    assert first.location is None  # an empty location string
    assert [post.id for post in first.posts] == ["1591721298736005120"]  # the latest status

    potus = x.extract(docs, ctx("potus"))
    assert potus.handle == "POTUS" and potus.display_name == "President Biden"
    assert not any("X accounts" in w for w in potus.capture.warnings)  # named, not guessed
    assert potus.links[0].url == "http://WhiteHouse.gov"
    assert potus.posts[0].created_at == datetime(2022, 11, 13, 2, 0, tzinfo=timezone.utc)

    mike = x.extract(docs, ctx("kearneymw"))
    assert mike.display_name == "Mike Kearney📊"
    assert mike.location is not None and mike.location.name == "Grand Rapids, MI"
    assert mike.links[0].url == "https://mikewk.com"


def test_real_v1_user_timeline_two_organisations() -> None:
    docs = real_cassette("rtweet_vcr_v1.1_user_timeline_rOpenSci_Bioconductor_2022-11-08.json")
    ro = x.extract(docs, ctx("rOpenSci"))
    assert ro.bio == (
        "rOpenSci develops #RStats based tools to facilitate open science and access to open data."
    )
    assert ro.location is not None and ro.location.name == "Berkeley, CA"
    assert len(ro.posts) == 20 and sum(p.is_repost for p in ro.posts) == 5
    assert ro.posts[0].created_at == datetime(2022, 11, 7, 21, 40, 4, tzinfo=timezone.utc)
    book = next(p for p in ro.posts if p.id == "1588652312569978881")
    assert book.hashtags == ["rstats", "SoftwarePeerReview"]
    assert [m.alt_source for m in book.media] == ["missing"]

    bio = x.extract(docs, ctx("Bioconductor"))
    assert len(bio.posts) == 20 and len(bio.own_posts()) == 2
    assert bio.location is not None and bio.location.name == "Roswell Park Cancer Institute"
    assert any("left out 20 posts" in w for w in bio.capture.warnings)


def test_real_v1_statuses_lookup_retweet_with_place() -> None:
    docs = real_cassette("rtweet_vcr_v1.1_statuses_lookup_with_place_2022-11-08.json")
    p = x.extract(docs, ctx())
    assert p.handle == "sgwhalen" and p.display_name == "Shaun Whalen"
    (post,) = p.posts
    assert post.is_repost and post.url == "https://x.com/AllanXia/status/1168049059413643265"
    assert post.location is not None
    assert (post.location.name, post.location.country) == ("Auckland, New Zealand", "New Zealand")
    assert post.location.lat == pytest.approx(-36.595729)
    assert post.location.lon == pytest.approx(174.8562435)


def test_real_v1_search_with_geotags() -> None:
    docs = real_cassette("rtweet_vcr_v1.1_lat_lng_places.json")
    first = x.extract(docs, ctx())
    assert first.handle == "b_hibbs"
    assert any("12 X accounts" in w for w in first.capture.warnings)
    assert first.posts[0].location is not None
    assert first.posts[0].location.name == "Mount Juliet, TN"

    dc = x.extract(docs, ctx("TotalTrafficDC"))
    (post,) = dc.posts
    assert post.hashtags == ["SE", "DCtraffic"]
    assert post.location is not None and post.location.name == "Washington, DC"
    # exact coordinates beat the place's bounding box
    assert (post.location.lat, post.location.lon) == (38.8743, -77.00899)
    assert dc.location is not None and dc.location.name == "Washington DC"


def test_real_v2_users_tweets() -> None:
    doc = r_httptest(
        realdata("twitter", "academictwitteR_httptest_v2_users_tweets_NatComm_2021-06.R")
    )
    p = x.extract([doc], ctx())
    assert p.handle == "NatComm" and p.display_name == "NCA"
    assert p.bio is not None and p.bio.startswith("The National Communication Association")
    assert p.location is not None and p.location.name == "Washington, DC"
    assert [link.url for link in p.links] == ["http://www.natcom.org"]
    assert (p.counts.followers, p.counts.following, p.counts.posts) == (12326, 1057, 12049)
    assert len(p.posts) == 8
    assert p.posts[0].created_at == datetime(2021, 6, 2, 21, 0, 1, tzinfo=timezone.utc)
    assert p.posts[0].url == "https://x.com/NatComm/status/1400195521868931072"
    assert [post.hashtags for post in p.posts][3] == ["FakeNews", "Research"]
    assert p.capture.warnings == []  # the other users are only mentioned


# --- real captures: pages ----------------------------------------------------------------


def test_real_rendered_logged_in_profile_page() -> None:
    p = x.extract(real("brocc_xcom_profile_perceptnet_rendered_loggedin_2025-04.html"), ctx())
    assert p.capture.outcome is Outcome.OK
    assert p.handle == "perceptnet" and p.display_name == "rob cheung"
    assert p.bio == "co-founder @SubstrateLabs ꩜"
    assert p.location is not None and p.location.name == "nyc"
    assert p.avatar is not None and p.avatar.url and p.avatar.url.endswith("wTfGic9__400x400.png")
    assert (p.counts.followers, p.counts.following, p.counts.posts) == (338, 47, 265)
    assert p.is_verified is True
    assert len(p.posts) == 7
    assert p.posts[0].created_at == datetime(2025, 3, 24, 16, 53, 31, tzinfo=timezone.utc)
    assert p.posts[0].caption is not None
    assert p.posts[0].caption.startswith("If the argument is that we need to make humanoid robots")
    media = [m for post in p.posts for m in post.media]
    assert [(m.kind, m.alt_source) for m in media] == [("image", "missing")]  # alt="Image"
    assert not any(post.is_repost for post in p.posts)
    assert p.sources["bio"].endswith('[data-testid="UserDescription"]')


def test_real_logged_out_status_page_is_a_login_wall_with_what_it_showed() -> None:
    p = x.extract(real("metascraper_xcom_status_page_loggedout_2024-05.html"), ctx())
    assert p.capture.outcome is Outcome.LOGIN_WALL
    assert p.handle == "UaSmart" and p.display_name == "SmartUA"
    (post,) = p.posts
    assert post.id == "934106870834454529"
    assert post.created_at == datetime(2017, 11, 24, 17, 10, 7, 530000, tzinfo=timezone.utc)
    assert post.caption is not None and post.caption.startswith("Y terminamos el dia con Cultura")
    assert post.hashtags == ["codemotion2017"]
    assert p.not_observed["alt_text"]


def test_another_sites_login_links_are_not_an_x_login_wall() -> None:
    docs = load_file(
        realdata("facebook", "m_facebook_Nintendo_post_4194934713924283_2021-06-08.html")
    )
    p = x.extract(docs, ctx())
    assert p.capture.outcome is Outcome.ERROR
    assert "no X profile data" in (p.capture.reason or "")


def test_logged_out_rendered_profile_is_read_with_a_warning() -> None:
    header = (
        '<div data-testid="UserName"><span><span>Blue Door Bakery</span></span>'
        "<div><span>@bluedoorbakery</span></div></div>"
        '<div data-testid="UserDescription"><span>Sourdough in Ljubljana </span>'
        '<img alt="🥐" src="https://abs-0.twimg.com/emoji/v2/svg/1f950.svg"></div>'
        '<article data-testid="tweet"><a href="/bluedoorbakery/status/2030000000000000005">'
        '<time datetime="2026-03-14T07:45:00.000Z">Mar 14</time></a>'
        '<div data-testid="tweetText"><span>Rye day </span><a href="/hashtag/Kruh">#Kruh</a></div>'
        '<div data-testid="tweetPhoto"><img alt="Three rye loaves on a rack" '
        'src="https://pbs.twimg.com/media/G1.jpg"></div></article>'
    )
    html = (FIXTURES / "login_wall.html").read_text(encoding="utf-8")
    column = '<div data-testid="primaryColumn" class="css-175oi2r">'
    html = html.replace(column, column + header)
    p = x.extract([Document(text=html, kind="html", url="https://x.com/bluedoorbakery")], ctx())
    assert p.capture.outcome is Outcome.OK
    assert p.display_name == "Blue Door Bakery"
    assert p.bio == "Sourdough in Ljubljana 🥐"  # emoji drawn as images keep their character
    (post,) = p.posts
    assert (post.caption, post.hashtags) == ("Rye day #Kruh", ["Kruh"])
    assert [(m.alt_text, m.alt_source) for m in post.media] == [
        ("Three rye loaves on a rack", "custom")
    ]
    assert any("logged-out view" in w for w in p.capture.warnings)
