"""Pinterest: capture plan, and extraction from every shape a capture can hold.

Real captures (../shared/realdata/pinterest, skipped when absent) pin what Pinterest serves:
profile pages with their Redux state, pin pages with Relay responses, a search resource, an
API v5 pin, and a scraper's normalized files. Our invented bakery (tests/fixtures/pinterest)
covers what they lack: owner-written, generated and missing alt text side by side, a repin, a
video pin, a website and location, the Created tab merged with the profile page, a resource XHR,
and a username that does not exist.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from audit.documents import Document, load_file
from audit.model import Outcome, Platform, Profile, ProfileRef
from audit.platforms import REGISTRY
from audit.platforms.base import ExtractContext
from audit.platforms.pinterest import SPEC, capture_plan, created_url, extract, profile_url
from tests.realdata import realdata

FIXTURES = Path(__file__).parent / "fixtures" / "pinterest"
CAPTURED = datetime(2025, 1, 10, 9, 0, tzinfo=timezone.utc)
CTX = ExtractContext(captured_at=CAPTURED)
BAKERY = "bluedoorbakery"


def ref(handle: str) -> ProfileRef:
    return ProfileRef(platform=Platform.PINTEREST, handle=handle, url=profile_url(handle))


def ctx_for(handle: str) -> ExtractContext:
    return ExtractContext(captured_at=CAPTURED, ref=ref(handle))


def fixture(*names: str) -> list[Document]:
    return [doc for name in names for doc in load_file(FIXTURES / name)]


def real(name: str) -> list[Document]:
    return load_file(realdata("pinterest", name))


def alt_sources(profile: Profile, *, own: bool = False) -> Counter[str]:
    posts = profile.own_posts() if own else profile.posts
    return Counter(m.alt_source for p in posts for m in p.media)


def link_domains(profile: Profile) -> list[str]:
    return [urlsplit(link.url).hostname or "" for link in profile.links]


def when(text: str) -> datetime:
    return datetime.fromisoformat(text)


# --------------------------------------------------------------------------- capture plan


def test_capture_plan_loads_the_profile_then_its_created_tab() -> None:
    plan = capture_plan(ref(BAKERY))
    assert [s.action for s in plan.steps] == ["goto", "goto"]
    profile_page, created = plan.steps
    assert profile_page.url == "https://www.pinterest.com/bluedoorbakery/"
    assert not profile_page.optional
    assert profile_page.wait_for == "#__PWS_INITIAL_PROPS__"
    assert created.url == "https://www.pinterest.com/bluedoorbakery/_created/"
    assert created.optional  # the first page alone still makes a profile
    assert plan.follow is None
    assert created_url("a_b") == "https://www.pinterest.com/a_b/_created/"


def test_spec_is_wired_into_the_registry() -> None:
    spec = REGISTRY[Platform.PINTEREST]
    assert spec is SPEC
    assert spec.capture_plan is capture_plan
    assert spec.extract is extract


# ------------------------------------------------------------- invented bakery fixtures


def test_profile_page_reads_the_user_and_every_alt_text_kind() -> None:
    profile = extract(fixture("profile_bluedoorbakery.html"), CTX)
    assert profile.capture.outcome is Outcome.OK
    assert profile.handle == BAKERY
    assert profile.display_name == "Blue Door Bakery Ljubljana"
    assert profile.bio is not None and profile.bio.startswith("Sourdough bread & pastries")
    assert "🥖" in profile.bio
    assert link_domains(profile) == ["bluedoor.example"]
    assert profile.location is not None and profile.location.address == "Ljubljana, Slovenia"
    assert profile.avatar is not None
    assert (profile.avatar.width, profile.avatar.height) == (280, 280)
    assert not profile.avatar.is_default
    assert (profile.counts.followers, profile.counts.following, profile.counts.posts) == (
        1240,
        85,
        312,
    )
    assert profile.is_business is True
    assert profile.is_private is False
    assert [p.id[-3:] for p in profile.posts] == ["101", "102", "103", "104", "105"]
    newest = profile.posts[0]
    assert newest.created_at == when("2024-11-12T10:00:00+00:00")
    assert newest.hashtags == ["sourdough", "ržen_kruh"]
    assert newest.caption is not None and newest.caption.startswith("Rye sourdough loaf")
    # alt_text (owner) wins over auto_alt_text; auto_alt_text and seo_alt_text are generated
    assert newest.media[0].alt_source == "custom"
    assert newest.media[0].alt_text is not None and "caraway seeds" in newest.media[0].alt_text
    assert alt_sources(profile) == Counter({"custom": 2, "auto": 2, "missing": 1})
    video = next(p for p in profile.posts if p.id.endswith("102"))
    assert video.media[0].kind == "video"
    assert video.media[0].alt_source == "auto"
    assert (video.media[0].width, video.media[0].height) == (1200, 1800)  # the original size
    assert profile.sources["bio"].endswith("users[781234567890123456].about")
    assert profile.not_observed["geotags"] == "Pinterest pins carry no location tag"
    assert "posts" not in profile.not_observed


def test_a_pin_another_account_created_is_a_repin() -> None:
    profile = extract(fixture("profile_bluedoorbakery.html"), CTX)
    reposts = [p for p in profile.posts if p.is_repost]
    assert [p.id for p in reposts] == ["781234500000000104"]
    assert len(profile.own_posts()) == 4
    # the repin's alt text is someone else's: it does not count for the brand
    assert alt_sources(profile, own=True) == Counter({"custom": 1, "auto": 2, "missing": 1})


def test_the_created_tab_and_a_resource_xhr_merge_into_one_profile() -> None:
    docs = fixture(
        "profile_bluedoorbakery.html",
        "created_bluedoorbakery.html",
        "resource_user_pins_bluedoorbakery.json",
    )
    profile = extract(docs, ctx_for(BAKERY))
    ids = [p.id for p in profile.posts]
    assert len(ids) == len(set(ids)) == 6  # deduplicated by pin id
    assert ids[-1] == "781234500000000106"  # only the XHR had it
    buns = next(p for p in profile.posts if p.id.endswith("103"))
    # the Created tab carried alt text the profile page's copy of this pin lacked
    assert buns.media[0].alt_source == "custom"
    assert buns.media[0].alt_text == "Six pumpkin seed buns in a paper bag on the bakery counter"
    assert alt_sources(profile) == Counter({"custom": 4, "auto": 2})
    assert (
        "resource_user_pins_bluedoorbakery.json: resource_response.data[]"
        in (profile.sources["posts"])
    )
    assert [i.kind for i in profile.capture.inputs] == ["html", "html", "json"]


def test_unknown_username_is_not_found() -> None:
    profile = extract(fixture("profile_not_found.html"), CTX)
    assert profile.capture.outcome is Outcome.NOT_FOUND
    assert profile.capture.reason == "Pinterest: User not found."
    assert profile.handle == "bluedoorbakeryx"  # from the page's og:url
    assert profile.posts == []
    assert any("no profile data extracted" in w for w in profile.capture.warnings)


def test_rate_limited_response_is_blocked() -> None:
    doc = Document(
        text='{"code": 8, "message": "Rate limit exceeded"}',
        kind="json",
        url="https://api.pinterest.com/v5/pins/1",
        status=429,
    )
    profile = extract([doc], ctx_for(BAKERY))
    assert profile.capture.outcome is Outcome.BLOCKED
    assert profile.handle == BAKERY


@pytest.mark.parametrize(
    "doc",
    [
        Document(text="", kind="html", path="empty.html"),
        Document(text='{"resource_response": {"data": ', kind="text", path="cut.json"),
        Document(text="<html><head><title>Instagram</title></head></html>", kind="html"),
        Document(text="[1, 2, 3]", kind="json", path="list.json"),
        Document(text='{"data": {"user": {"username": "x"}}}', kind="json", path="ig.json"),
    ],
)
def test_junk_wrong_platform_or_truncated_input_gives_an_error_outcome(doc: Document) -> None:
    profile = extract([doc], CTX)
    assert profile.capture.outcome is Outcome.ERROR
    assert profile.capture.reason == "no Pinterest profile data found in the documents"
    assert profile.posts == []


# ------------------------------------------------------------------------ real captures


def test_real_profile_page_idenconvey() -> None:
    profile = extract(real("page_profile_idenconvey_2024-11.html"), CTX)
    assert profile.capture.outcome is Outcome.OK
    assert profile.handle == "idenconvey"
    assert profile.display_name == "Iden Convey"
    assert profile.bio == "Complex · Simple · Details · Clean · Truth · Love · Epic · Beauty"
    assert (profile.counts.followers, profile.counts.following, profile.counts.posts) == (
        30664,
        715,
        108425,
    )
    assert profile.avatar is not None
    assert profile.avatar.url is not None and "280x280_RS" in profile.avatar.url
    assert profile.links == []  # website_url is null on this account
    assert profile.is_business is False
    assert len(profile.posts) == 22
    # the newest pin is a save of someone else's upload (native_creator 0ac6dmnwim4f6s7)
    assert profile.posts[0].id == "327285097930485345"
    assert profile.posts[0].is_repost
    own = profile.own_posts()
    assert len(own) == 21
    assert own[0].created_at == when("2021-03-28T19:54:07+00:00")
    assert own[0].caption == "Hudson Sling Bag"
    assert profile.posts[-1].created_at == when("2017-09-27T05:32:38+00:00")
    assert alt_sources(profile) == Counter({"missing": 22})  # alt_text null on every pin
    assert profile.sources["display_name"].endswith(
        "script#__PWS_INITIAL_PROPS__.initialReduxState.users[327285235328750589].full_name"
    )


def test_real_sparse_profile_abracodabra357_reads_the_seo_fields() -> None:
    profile = extract(real("page_profile_abracodabra357_2024-11.html"), CTX)
    assert profile.capture.outcome is Outcome.OK
    assert profile.handle == "abracodabra357"
    assert profile.display_name == "LT"
    assert profile.bio == "Спасибо, что подписались на меня! Thanks for follow me! ❤"
    assert profile.posts == []
    assert "posts" in profile.not_observed  # the page held no pin list at all
    assert any("seo_noindex_reason=owner_requested" in w for w in profile.capture.warnings)


def test_real_video_pin_page_is_a_repin_with_generated_alt_text() -> None:
    profile = extract(real("page_pin_wingsuit_video_2024-11.html"), CTX)
    assert profile.handle == "levakabananapa"  # the pinner who saved it
    assert profile.display_name == "Лева Габрилян"
    assert profile.counts.followers == 5
    assert profile.avatar is not None and profile.avatar.is_default
    (pin,) = profile.posts
    assert pin.id == "615304367873483625"
    assert pin.created_at == when("2024-10-15T14:55:15+00:00")
    assert pin.is_repost  # created by abracodabra357
    assert pin.caption is not None and pin.caption.startswith("Бейсджампинг в вингсьюте")
    assert pin.media[0].kind == "video"
    assert pin.media[0].alt_source == "auto"
    assert pin.media[0].alt_text == (
        "a man in blue jacket standing on top of a mountain next to a body of water"
    )


def test_real_english_pin_page() -> None:
    profile = extract(real("page_pin_en_2024-10.html"), CTX)
    assert profile.handle == "veronikamel"
    assert profile.display_name == "HomerunV"
    assert link_domains(profile) == ["www.homerunv.com"]
    assert profile.counts.followers == 111
    (pin,) = profile.posts
    assert pin.id == "165366617561100485"
    assert pin.created_at == when("2024-02-14T18:52:16+00:00")
    assert pin.is_repost  # originPinner myuki080725
    assert pin.media[0].alt_source == "auto"
    assert pin.media[0].alt_text is not None and pin.media[0].alt_text.startswith("a fire bird")


def test_real_api_v5_pin() -> None:
    profile = extract(real("api_v5_pin_merleliukun_2022-08.json"), CTX)
    assert profile.capture.outcome is Outcome.OK
    assert profile.handle == "merleliukun"  # board_owner.username
    (pin,) = profile.posts
    assert pin.id == "1022106077905927852"
    assert pin.created_at == when("2022-08-11T08:46:16+00:00")
    assert pin.caption is not None and pin.caption.startswith("今日诗词分享")
    assert pin.media[0].alt_source == "missing"
    assert (pin.media[0].width, pin.media[0].height) == (1080, 833)
    assert profile.not_observed["bio"] == "no profile object was captured, only pins"


def test_real_search_resource_declines_without_a_profile_name() -> None:
    profile = extract(real("resource_v3_search_pins_response_wrapped.js"), CTX)
    assert profile.capture.outcome is Outcome.ERROR
    assert profile.capture.reason == "search results of many accounts, not a profile"
    assert any("pins by 25 accounts" in w for w in profile.capture.warnings)


def test_real_search_resource_gives_the_named_accounts_pins() -> None:
    profile = extract(real("resource_v3_search_pins_response_wrapped.js"), ctx_for("jvillines123"))
    assert profile.capture.outcome is Outcome.OK
    assert profile.display_name == "Jennifer Smith Villines"
    assert profile.counts.followers == 187
    (pin,) = profile.posts
    assert pin.id == "39265827994942367"
    assert pin.created_at == when("2023-07-27T02:09:49+00:00")
    assert pin.media[0].alt_source == "custom"
    assert pin.media[0].alt_text == "strawberry cinnamon rolls in a baking pan."
    assert "ignored 24 search-result pins by other accounts" in profile.capture.warnings


def test_real_scrapfly_profile_is_read_as_a_fallback() -> None:
    profile = extract(real("scrapfly_normalized_profile_nasa_2026-08.json"), CTX)
    assert profile.capture.outcome is Outcome.OK
    assert profile.handle == "nasa"
    assert profile.display_name == "NASA"
    assert profile.bio is not None and profile.bio.startswith("Explore the universe")
    assert (profile.counts.followers, profile.counts.following, profile.counts.posts) == (
        556263,
        5,
        10548,
    )
    assert len(profile.posts) == 49
    assert Counter(m.kind for p in profile.posts for m in p.media) == {"image": 44, "video": 5}
    assert all(p.created_at is None for p in profile.posts)
    assert alt_sources(profile) == Counter({"missing": 49})
    assert any("normalized schema (scrapfly)" in w for w in profile.capture.warnings)
    assert "alt_text" in profile.not_observed


def test_real_scrapfly_board_and_pin_never_count_their_alt_text_as_custom() -> None:
    board = extract(real("scrapfly_normalized_board_2026-08.json"), CTX)
    assert board.handle == "nasa"
    assert len(board.posts) == 28
    assert alt_sources(board) == Counter({"auto": 28})
    assert board.counts.followers is None  # the board's followers are not the account's
    assert board.posts[0].media[0].alt_text == "the desert is filled with water and rocks"
    pin = extract(real("scrapfly_normalized_pin_2026-08.json"), CTX)
    assert pin.handle == "homedepot"
    (post,) = pin.posts
    assert post.id == "4608941770563535744"
    assert post.media[0].alt_text == "a wooden desk with a computer on top of it"
    assert post.media[0].alt_source == "auto"
