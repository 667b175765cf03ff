"""YouTube: capture plan and extraction from every shape the platform has served.

Our own fixtures (tests/fixtures/youtube) are an invented Ljubljana bakery (and a Graz one
for the 2022 About tab) written in the real ytInitialData / InnerTube / Data API structure;
the realdata tests read real captures from ../shared/realdata/youtube and skip when absent.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import pytest

from audit.documents import Document, load_file, parse_har
from audit.model import Outcome, Platform, Profile
from audit.platforms import REGISTRY
from audit.platforms.base import ExtractContext
from audit.platforms.youtube import capture_plan, extract, parse_count, parse_keywords
from audit.resolve import resolve
from tests.realdata import gunzip_text, realdata

FIXTURES = Path(__file__).parent / "fixtures" / "youtube"
CAPTURED = datetime(2026, 5, 21, 12, 0, tzinfo=timezone.utc)
BLUEDOOR_ID = "UCbluedoorbakery00000001"


def ctx(handle: str | None = None, when: datetime = CAPTURED) -> ExtractContext:
    return ExtractContext(captured_at=when, ref=resolve(f"youtube:@{handle}") if handle else None)


def fixture(*names: str) -> list[Document]:
    return [doc for name in names for doc in load_file(FIXTURES / name)]


def as_har(*pairs: tuple[str, str, str]) -> list[Document]:
    """(url, mime type, fixture name) -> the documents a recorded HAR would give."""
    entries = [
        {
            "request": {"method": "GET", "url": url},
            "response": {
                "status": 200,
                "content": {
                    "mimeType": mime,
                    "text": (FIXTURES / name).read_text(encoding="utf-8"),
                },
            },
        }
        for url, mime, name in pairs
    ]
    return parse_har({"log": {"version": "1.2", "entries": entries}}, path="capture.har")


def bluedoor() -> Profile:
    docs = as_har(
        (
            "https://www.youtube.com/@bluedoorbakery/videos?hl=en",
            "text/html; charset=utf-8",
            "channel_videos_2026_bluedoorbakery.html",
        ),
        (
            "https://www.youtube.com/youtubei/v1/browse?prettyPrint=false",
            "application/json; charset=UTF-8",
            "about_continuation_bluedoorbakery.json",
        ),
        (
            "https://www.youtube.com/youtubei/v1/browse?prettyPrint=false",
            "application/json; charset=UTF-8",
            "browse_shorts_bluedoorbakery.json",
        ),
        (
            "https://www.googleapis.com/youtube/v3/videos?part=snippet,recordingDetails&id=bdbSourdo01",
            "application/json; charset=UTF-8",
            "api_videos_recording_location.json",
        ),
    )
    return extract(docs, ctx("bluedoorbakery"))


# --------------------------------------------------------------------------- registry, plan


def test_spec_is_registered_with_plan_and_extractor() -> None:
    spec = REGISTRY[Platform.YOUTUBE]
    assert spec.extract is extract
    assert spec.capture_plan is capture_plan
    assert spec.can_extract


def test_capture_plan_loads_videos_then_about_and_shorts_optionally() -> None:
    plan = capture_plan(resolve("youtube:@bluedoorbakery"))
    urls = [s.url for s in plan.steps]
    assert urls == [
        "https://www.youtube.com/@bluedoorbakery/videos?hl=en",
        "https://www.youtube.com/@bluedoorbakery/about?hl=en",
        "https://www.youtube.com/@bluedoorbakery/shorts?hl=en",
    ]
    assert [s.optional for s in plan.steps] == [False, True, True]
    assert all(s.action == "goto" for s in plan.steps)


def test_capture_plan_for_a_channel_id_and_a_legacy_name() -> None:
    by_id = capture_plan(resolve(f"https://www.youtube.com/channel/{BLUEDOOR_ID}"))
    assert by_id.steps[0].url == f"https://www.youtube.com/channel/{BLUEDOOR_ID}/videos?hl=en"
    legacy = capture_plan(resolve("https://www.youtube.com/c/BlueDoorBakery"))
    assert legacy.steps[0].url == "https://www.youtube.com/c/BlueDoorBakery/videos?hl=en"


# --------------------------------------------------------------------------- small readers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.38M subscribers", 1_380_000),
        ("1.38 million subscribers", 1_380_000),
        ("5.04m subscribers", 5_040_000),
        ("287K videos", 287_000),
        ("18k videos", 18_000),
        ("1,639 views", 1639),
        ("256 videos", 256),
        ("1,38 Mio. Abonnenten", 1_380_000),
        ("No subscribers", None),
        (None, None),
    ],
)
def test_parse_count_reads_abbreviated_counts(text: str | None, expected: int | None) -> None:
    assert parse_count(text) == expected


def test_parse_keywords_keeps_quoted_phrases_whole() -> None:
    text = 'Science universe "black hole" life "Google app" Science'
    assert parse_keywords(text) == ["Science", "universe", "black hole", "life", "Google app"]
    assert parse_keywords("") == []


# --------------------------------------------------------------------------- our fixtures


def test_bluedoor_profile_fields_from_page_about_shorts_and_api() -> None:
    p = bluedoor()
    assert p.platform is Platform.YOUTUBE
    assert p.capture.outcome is Outcome.OK
    assert p.handle == "bluedoorbakery"
    assert p.url == "https://www.youtube.com/@bluedoorbakery"
    assert p.display_name == "Blue Door Bakery"
    assert p.bio is not None and p.bio.startswith(
        "Sourdough bakery in Ljubljana. Pekarna z modrimi"
    )
    assert "rogljički" in p.bio  # the full description, not the header's preview
    assert p.is_verified is True
    assert p.counts.followers == 1200
    assert p.counts.posts == 48
    assert p.location is not None and p.location.country == "Slovenia"
    assert p.avatar is not None and (p.avatar.width, p.avatar.height) == (900, 900)
    assert p.contact is not None
    assert p.contact.email == "hello@bluedoorbakery.si"
    assert p.contact.has_contact_button is True
    assert p.search_keywords == [
        "sourdough",
        "bakery",
        "Ljubljana",
        "sourdough bread",
        "kruh s kislim testom",
        "croissants",
    ]


def test_bluedoor_links_are_unwrapped_from_youtube_redirects_and_deduplicated() -> None:
    p = bluedoor()
    assert [(link.url, link.title) for link in p.links] == [
        ("https://bluedoorbakery.si/?utm_source=youtube", "Website"),
        ("https://instagram.com/bluedoorbakery", "Instagram"),
    ]


def test_bluedoor_posts_merge_page_shorts_and_api() -> None:
    p = bluedoor()
    ids = [post.id for post in p.posts]
    # newest first; the playlist lockup is not a video; shorts have no date and go last
    assert ids == ["bdbSourdo01", "bdbLiveBk02", "bdbCrois003", "bdbShort001", "bdbShort002"]
    sourdough = p.posts[0]
    # the API's exact date replaces the page's "3 days ago"
    assert sourdough.created_at == datetime(2026, 5, 18, 5, 0, tzinfo=timezone.utc)
    assert sourdough.created_at_approx is False
    assert sourdough.caption is not None
    assert sourdough.caption.startswith(
        "Sourdough at 5 a.m. 🍞 #sourdough #ljubljana\nHow we shape"
    )
    assert sourdough.hashtags == ["sourdough", "ljubljana", "bakerylife"]
    assert sourdough.location is not None
    assert sourdough.location.name == "Blue Door Bakery, Trubarjeva cesta, Ljubljana"
    assert (sourdough.location.lat, sourdough.location.lon) == (46.0511, 14.5051)
    live = p.posts[1]
    assert live.created_at == CAPTURED - timedelta(weeks=2)  # "Streamed 2 weeks ago"
    assert live.created_at_approx is True
    assert p.posts[2].created_at == CAPTURED - timedelta(days=30)  # "1 month ago"
    shorts = p.posts[3:]
    assert all(s.created_at is None for s in shorts)
    assert shorts[0].url == "https://www.youtube.com/shorts/bdbShort001"
    assert shorts[1].caption == "Rogljički za zajtrk"
    assert all(m.kind == "video" and m.alt_source == "missing" for s in p.posts for m in s.media)
    assert sum(1 for s in p.posts if s.location) == 1
    assert not any(s.is_repost for s in p.posts)


def test_lockup_view_count_is_never_read_as_a_date() -> None:
    """'5m views' sits beside '3 days ago' in the lockup row: the date is the 'ago' part."""
    p = extract(fixture("channel_videos_2026_bluedoorbakery.html"), ctx("bluedoorbakery"))
    sourdough = next(post for post in p.posts if post.id == "bdbSourdo01")
    assert sourdough.created_at == CAPTURED - timedelta(days=3)
    assert sourdough.created_at_approx is True


def test_bluedoor_page_alone_reads_header_link_and_says_what_it_cannot_see() -> None:
    p = extract(fixture("channel_videos_2026_bluedoorbakery.html"), ctx())
    assert p.handle == "bluedoorbakery"
    assert [link.url for link in p.links] == ["https://bluedoorbakery.si/?utm_source=youtube"]
    assert p.location is None
    assert "location" in p.not_observed and "About" in p.not_observed["location"]
    assert "geotags" in p.not_observed
    assert "alt_text" in p.not_observed
    assert p.sources["bio"].endswith("metadata.channelMetadataRenderer.description")
    assert p.sources["counts.followers"].endswith("metadata (subscribers)")


def test_sources_and_inputs_name_the_documents_read() -> None:
    p = bluedoor()
    assert p.capture.input_kind == "har"
    assert len(p.capture.inputs) == 4
    assert all(i.kind == "har-entry" for i in p.capture.inputs)
    assert p.sources["location"].startswith("https://www.youtube.com/youtubei/v1/browse")
    assert "aboutChannelViewModel.country" in p.sources["location"]
    assert "lockupViewModel x3" in p.sources["posts"]
    assert "shortsLockupViewModel x2" in p.sources["posts"]


def test_about_tab_2022_with_channel_about_full_metadata_renderer() -> None:
    p = extract(fixture("about_2022_grazerbackstube.html"), ctx())
    assert p.capture.outcome is Outcome.OK
    assert p.handle == "grazerbackstube"
    assert p.display_name == "Grazer Backstube"
    assert p.bio == "Familienbäckerei in Graz seit 1987. Sauerteigbrot, Kipferl und Kaffee."
    assert p.location is not None and p.location.country == "Austria"
    assert [link.url for link in p.links] == ["https://grazer-backstube.at/"]
    assert p.contact is not None and p.contact.has_contact_button is True
    assert p.counts.followers == 312
    assert p.is_verified is False  # a header was read and it carries no badge
    assert p.posts == []
    assert "posts" in p.not_observed


def test_rendered_dom_without_scripts_falls_back_to_selectors_not_generic_meta() -> None:
    p = extract(fixture("rendered_dom_no_scripts.html"), ctx())
    assert p.handle == "bluedoorbakery"
    assert p.display_name == "Blue Door Bakery"
    assert p.bio is None  # "Share your videos with friends..." is YouTube's, not the brand's
    assert p.counts.followers == 1200
    assert [post.id for post in p.posts] == ["bdbSourdo01", "bdbCrois003"]
    assert p.posts[0].created_at == CAPTURED - timedelta(days=3)
    assert p.posts[0].hashtags == ["sourdough", "ljubljana"]
    assert p.sources["posts"].endswith("DOM ytd-rich-item-renderer x2")


def test_an_empty_videos_grid_is_observed_not_missing() -> None:
    data = {
        "contents": {"twoColumnBrowseResultsRenderer": {"tabs": [{"tabRenderer": {
            "content": {"richGridRenderer": {"contents": []}}}}]}},
        "metadata": {"channelMetadataRenderer": {"title": "Nova Pekarna", "externalId": BLUEDOOR_ID,
                                                 "vanityChannelUrl": "http://www.youtube.com/@novapekarna"}},
    }  # fmt: skip
    p = extract([Document(text=json.dumps(data), kind="json")], ctx())
    assert p.handle == "novapekarna"
    assert p.posts == []
    assert "posts" not in p.not_observed


# --------------------------------------------------------------------------- outcomes


def test_consent_interstitial_is_blocked_with_a_reason() -> None:
    p = extract(fixture("consent_interstitial.html"), ctx("bluedoorbakery"))
    assert p.capture.outcome is Outcome.BLOCKED
    assert p.capture.reason is not None and "Before you continue to YouTube" in p.capture.reason
    assert p.handle == "bluedoorbakery"
    assert p.display_name is None
    assert p.capture.warnings


def test_channel_does_not_exist_page_is_not_found() -> None:
    docs = [
        Document(
            text=(FIXTURES / "channel_not_found.html").read_text(encoding="utf-8"),
            kind="html",
            url="https://www.youtube.com/@nosuchbakery/videos?hl=en",
            status=404,
        )
    ]
    p = extract(docs, ctx("nosuchbakery"))
    assert p.capture.outcome is Outcome.NOT_FOUND
    assert p.capture.reason == "YouTube shows: This channel does not exist."
    assert p.handle == "nosuchbakery"


def test_innertube_404_error_is_not_found() -> None:
    p = extract(fixture("innertube_error_404.json"), ctx())
    assert p.capture.outcome is Outcome.NOT_FOUND
    assert p.capture.reason is not None and "Requested entity was not found" in p.capture.reason


def test_api_channel_list_without_items_is_not_found() -> None:
    body = {"kind": "youtube#channelListResponse", "pageInfo": {"totalResults": 0}, "items": []}
    doc = Document(text=json.dumps(body), kind="json")
    assert extract([doc], ctx("nosuchbakery")).capture.outcome is Outcome.NOT_FOUND


def test_api_quota_error_is_blocked() -> None:
    body = {"error": {"code": 403, "message": "quota", "errors": [{"reason": "quotaExceeded"}]}}
    p = extract([Document(text=json.dumps(body), kind="json")], ctx())
    assert p.capture.outcome is Outcome.BLOCKED


def test_a_usable_page_wins_over_a_blocked_optional_page() -> None:
    docs = fixture("channel_videos_2026_bluedoorbakery.html", "consent_interstitial.html")
    p = extract(docs, ctx("bluedoorbakery"))
    assert p.capture.outcome is Outcome.OK
    assert any(w.startswith("blocked:") for w in p.capture.warnings)


@pytest.mark.parametrize(
    "doc",
    [
        Document(text="", kind="text"),
        Document(text="{}", kind="json"),
        Document(text="[1, 2, 3]", kind="json"),
        Document(text='{"kind": "youtube#channel", "snippet": null}', kind="json"),
        Document(text="<html><head><title>x</title></head><body></body></html>", kind="html"),
        Document(
            text='<html><script>var ytInitialData = {"header": {"c4TabbedHeaderRenderer": {',
            kind="html",
            url="https://www.youtube.com/@bluedoorbakery",
        ),
        Document(
            text='<html><head><meta property="og:site_name" content="TikTok">'
            '<meta property="og:title" content="Blue Door (@bluedoor) | TikTok"></head></html>',
            kind="html",
            url="https://www.tiktok.com/@bluedoor",
        ),
    ],
    ids=["empty", "empty-json", "json-list", "null-snippet", "bare-html", "truncated", "tiktok"],
)
def test_empty_truncated_or_wrong_platform_input_gives_an_outcome_not_a_crash(
    doc: Document,
) -> None:
    p = extract([doc], ctx())
    assert p.capture.outcome is Outcome.ERROR
    assert p.display_name is None
    assert p.posts == []
    assert p.capture.warnings and "nothing usable" in p.capture.warnings[0]


def test_no_documents_at_all() -> None:
    p = extract([], ctx("bluedoorbakery"))
    assert p.capture.outcome is Outcome.ERROR
    assert p.handle == "bluedoorbakery"


# --------------------------------------------------------------------------- real captures

REAL = "youtube"


def mock_body(name: str) -> tuple[Document, datetime]:
    """NewPipe's mock wrapper: the InnerTube response body and the HTTP Date it was served."""
    wrapper = json.loads(realdata(REAL, name).read_text(encoding="utf-8"))
    response = wrapper["response"]
    when = parsedate_to_datetime(response["responseHeaders"]["date"][0])
    doc = Document(
        text=response["responseBody"],
        kind="json",
        url=wrapper["request"]["url"],
        status=response["responseCode"],
    )
    return doc, when


def summary(p: Profile) -> dict[str, Any]:
    return p.model_dump(mode="json", exclude={"capture", "sources"})


INNERTUBE = [
    "innertube_browse_channel_videos_gronkh_2026-05",
    "innertube_browse_channel_videos_kurzgesagt_2022-11",
    "innertube_browse_channel_videos_kurzgesagt_2024-11",
    "innertube_browse_channel_videos_vsauce_2026-01",
]


@pytest.mark.realdata
@pytest.mark.parametrize("stem", INNERTUBE)
def test_real_mock_wrapper_and_raw_body_extract_the_same(stem: str) -> None:
    doc, when = mock_body(f"{stem}.mock.json")
    from_mock = extract([doc], ctx(when=when))
    from_body = extract(load_file(realdata(REAL, f"{stem}.body.json")), ctx(when=when))
    assert from_mock.capture.outcome is Outcome.OK
    assert summary(from_mock) == summary(from_body)


def real_browse(stem: str) -> Profile:
    doc, when = mock_body(f"{stem}.mock.json")
    return extract([doc], ctx(when=when))


@pytest.mark.realdata
def test_real_kurzgesagt_2022_c4_header_and_video_renderers() -> None:
    p = real_browse("innertube_browse_channel_videos_kurzgesagt_2022-11")
    assert p.handle == "kurzgesagt"
    assert p.display_name == "Kurzgesagt – In a Nutshell"
    assert p.bio is not None and p.bio.startswith("Animation videos explaining things")
    assert "one dog who aim to spark curiosity" in p.bio
    assert p.counts.followers == 19_700_000  # "19.7 million subscribers"
    assert p.counts.posts == 167
    assert p.is_verified is True
    assert p.avatar is not None and p.avatar.width == 900
    assert [link.title for link in p.links] == [
        "Shop",
        "Patreon",
        "TikTok",
        "Instagram",
        "Newsletter",
    ]
    assert p.links[2].url == "https://www.tiktok.com/@kurz_gesagt"
    assert p.search_keywords[:4] == ["Science", "universe", "space", "black hole"]
    assert len(p.posts) == 30
    newest = p.posts[0]
    assert newest.id == "Us2Z-WC9rao"
    assert newest.caption is not None
    assert newest.caption.startswith("Why Don't We Shoot Nuclear Waste Into Space?")
    # "13 days ago", served Tue, 22 Nov 2022 10:40:07 GMT
    assert newest.created_at == datetime(2022, 11, 9, 10, 40, 7, tzinfo=timezone.utc)
    assert newest.created_at_approx is True
    assert all(post.created_at_approx for post in p.posts)
    assert p.posts[-1].id == "QqsLTNkzvaY"  # "1 year ago"
    assert sum(1 for post in p.posts if post.location) == 0
    assert "header.c4TabbedHeaderRenderer" in p.sources["counts.followers"]


@pytest.mark.realdata
def test_real_kurzgesagt_2024_page_header_view_model() -> None:
    p = real_browse("innertube_browse_channel_videos_kurzgesagt_2024-11")
    assert p.handle == "kurzgesagt"
    assert p.counts.followers == 23_200_000  # "23.2M subscribers"
    assert p.counts.posts == 256
    assert p.is_verified is True  # the CHECK_CIRCLE_FILLED attachment on the title
    assert [(link.url, link.title) for link in p.links] == [
        ("https://shop.kgs.link/cool", "shop.kgs.link/cool")
    ]
    assert p.search_keywords[-2:] == ["biology", "humanism"]
    assert len(p.posts) == 30
    assert p.posts[0].id == "E55uSCO5D2w"
    assert p.posts[0].created_at == datetime(2024, 11, 5, 17, 47, 24, tzinfo=timezone.utc)
    assert "pageHeaderViewModel" in p.sources["counts.followers"]


@pytest.mark.realdata
def test_real_vsauce_2026_short_description_and_accessibility_counts() -> None:
    p = real_browse("innertube_browse_channel_videos_vsauce_2026-01")
    assert p.handle == "Vsauce"
    assert p.display_name == "Vsauce"
    assert p.bio == "Our World is Amazing."
    assert p.counts.followers == 24_600_000  # "24.6 million subscribers"
    assert p.counts.posts == 636
    assert [link.url for link in p.links] == ["https://www.curiositybox.com"]
    assert len(p.posts) == 30
    assert p.posts[0].id == "xHd4zsIbXJ0"
    assert p.posts[0].created_at == datetime(2025, 7, 30, 18, 0, 10, tzinfo=timezone.utc)
    assert p.posts[-1].id == "U3lWVLuc6CE"  # "8 years ago"


@pytest.mark.realdata
def test_real_gronkh_2026_lockup_view_models_and_german_text() -> None:
    p = real_browse("innertube_browse_channel_videos_gronkh_2026-05")
    assert p.handle == "gronkh"
    assert p.display_name == "Gronkh"
    assert p.bio is not None and "Ungebremster Spieltrieb seit 1896." in p.bio
    assert "Tägliche Folgen (mit Nebenkanälen)" in p.bio
    assert p.counts.followers == 5_040_000  # "5.04m subscribers"
    assert p.counts.posts == 18_000  # "18k videos"
    assert [(link.url, link.title) for link in p.links] == [("https://twitch.tv/Gronkh", "Twitch")]
    assert p.search_keywords == ["gronkh"]
    assert len(p.posts) == 30
    newest = p.posts[0]
    assert newest.id == "ZzVJnP9sjlo"
    assert newest.caption == "SUBNAUTICA 2 | #07 🤿 Die Revolution der Letzten Überlebenden"
    assert newest.hashtags == []  # "#07" is an episode number, not a hashtag
    # "17 hours ago", served Thu, 21 May 2026 11:21:36 GMT
    assert newest.created_at == datetime(2026, 5, 20, 18, 21, 36, tzinfo=timezone.utc)
    assert p.posts[-1].id == "C7nsxvWMdZQ"  # "7 days ago"
    assert all(post.created_at is not None for post in p.posts)
    assert p.sources["posts"].endswith("lockupViewModel x30")


PAGES = {
    # captured_at from the `mt` (media time) parameter in each page's own player URLs
    "page_channel_videos_ProgrammingKnowledge_2021.html": 1620257332,
    "page_channel_videos_ProgrammingKnowledge_2023-03.html": 1679208796,
    "page_channel_shorts_MLB_2023-03.html": 1679208796,
}


def real_page(name: str, *, gz: bool = False) -> Profile:
    when = datetime.fromtimestamp(PAGES[name], tz=timezone.utc)
    if gz:
        text = gunzip_text(realdata(REAL, f"{name}.gz"))
        docs = [Document(text=text, kind="html", path=f"{name}.gz")]
    else:
        docs = load_file(realdata(REAL, name))
    return extract(docs, ctx(when=when))


@pytest.mark.realdata
@pytest.mark.parametrize("name", sorted(PAGES))
def test_real_page_and_its_gzip_extract_the_same(name: str) -> None:
    plain, gz = real_page(name), real_page(name, gz=True)
    assert plain.capture.outcome is Outcome.OK
    assert summary(plain) == summary(gz)


@pytest.mark.realdata
def test_real_programmingknowledge_2021_grid_video_renderers() -> None:
    p = real_page("page_channel_videos_ProgrammingKnowledge_2021.html")
    assert p.handle == "c/ProgrammingKnowledge"  # before handles: the /c/ vanity URL
    assert p.display_name == "ProgrammingKnowledge"
    assert p.bio is not None and p.bio.startswith("Hi Guys,\nI have Always been asked")
    assert p.bio.endswith("CodeBind.com")
    assert p.counts.followers == 1_380_000
    assert [link.title for link in p.links] == [
        "Website",
        "Facebook",
        "Patreon",
        "Telegram",
        "Twitter",
    ]
    assert p.links[0].url == "http://codebind.com/"
    assert p.search_keywords[:3] == ["Programming Knowledge", "Java", "Android"]
    assert len(p.posts) == 30
    assert p.posts[0].id == "t_xLpJo_35k"
    assert p.posts[0].created_at == datetime(2021, 5, 3, 23, 28, 52, tzinfo=timezone.utc)
    assert p.posts[-1].id == "DQeq4RqM5yg"  # "1 month ago"
    assert "gridVideoRenderer x30" in p.sources["posts"]


@pytest.mark.realdata
def test_real_programmingknowledge_2023_rich_items_and_handle() -> None:
    p = real_page("page_channel_videos_ProgrammingKnowledge_2023-03.html")
    assert p.handle == "ProgrammingKnowledge"
    assert p.counts.followers == 1_650_000
    assert "https://www.instagram.com/codebind_official/" in [link.url for link in p.links]
    assert len(p.posts) == 30
    newest = p.posts[0]
    assert newest.id == "ZR4FHmypft4"
    assert newest.created_at == datetime(2023, 3, 18, 16, 53, 16, tzinfo=timezone.utc)
    assert newest.caption is not None
    assert newest.caption.startswith(
        "Mastering Data Visualization with Pandas: A Step-by-Step Guide\nIn this comprehensive"
    )
    assert p.posts[-1].id == "YAQNyvdnn_w"  # "2 months ago"
    assert "videoRenderer x30" in p.sources["posts"]


@pytest.mark.realdata
def test_real_mlb_shorts_have_titles_but_no_dates() -> None:
    p = real_page("page_channel_shorts_MLB_2023-03.html")
    assert p.handle == "MLB"
    assert p.bio is None  # empty description; the page's meta text is YouTube's generic one
    assert p.counts.followers == 4_140_000
    assert p.counts.posts == 287_000
    assert p.search_keywords == ["MLB", "Major League Baseball", "Baseball", "MLB.com"]
    assert len(p.posts) == 48
    assert all(post.created_at is None for post in p.posts)
    assert p.posts[0].id == "QkxWDZWLdPo"
    assert p.posts[0].caption == "Kyle Tucker CRUSHES this one!"
    assert p.posts[0].url == "https://www.youtube.com/shorts/QkxWDZWLdPo"
    assert sum(len(post.hashtags) for post in p.posts) == 5


def real_api(name: str, handle: str | None = None) -> Profile:
    return extract(load_file(realdata(REAL, name)), ctx(handle))


@pytest.mark.realdata
def test_real_api_channels_list_snippet() -> None:
    p = real_api("api_channels_list_googledevelopers_snippet.json")
    assert p.handle == "googledevelopers"
    assert p.display_name == "Google Developers"
    assert p.bio is not None and p.bio.endswith(
        "Subscribe to Google Developers → https://goo.gle/developers"
    )
    assert p.location is not None and p.location.country == "US"
    assert p.avatar is not None and (p.avatar.width, p.avatar.height) == (800, 800)
    assert p.is_verified is None  # the API does not say
    assert p.posts == []


@pytest.mark.realdata
def test_real_api_channels_list_picks_the_channel_asked_for() -> None:
    name = "api_channels_list_google_googledevelopers_branding.json"
    first_one = real_api(name)
    assert first_one.handle == "google"
    assert first_one.counts.followers == 10_700_000
    assert first_one.counts.posts == 2678
    assert first_one.search_keywords[:4] == ["Google", "Technology", "Science", "Android"]
    assert "Google Maps" in first_one.search_keywords
    assert first_one.sources["search_keywords"].endswith("brandingSettings.channel.keywords")
    dev = real_api(name, "googledevelopers")
    assert dev.display_name == "Google Developers"
    assert dev.handle == "googledevelopers"


@pytest.mark.realdata
def test_real_api_full_channel_resource_2019() -> None:
    p = real_api("api_channel_resource_googledevelopers_full.json")
    assert p.handle == "c/googledevelopers"  # customUrl before handles existed
    assert p.counts.followers == 1_927_873
    assert p.counts.posts == 5026
    assert p.location is not None and p.location.country == "US"
    assert p.search_keywords[:2] == ["google developers", "developers"]


@pytest.mark.realdata
def test_real_api_playlist_items_give_exact_dates() -> None:
    p = real_api("api_playlistItems_googledevelopers_p1.json")
    assert p.handle == "UC_x5XG1OV2P6uZZ5FSM9Ttw"  # no channel document: the channel ID
    assert p.display_name == "Google Developers"
    assert len(p.posts) == 10
    assert p.posts[0].id == "o5LP2xzKkpg"
    assert p.posts[0].created_at == datetime(2019, 11, 23, 0, 42, 56, tzinfo=timezone.utc)
    assert not any(post.created_at_approx for post in p.posts)
    assert p.posts[-1].id == "CvTApw9X8aA"
    assert p.posts[-1].caption is not None
    assert p.posts[-1].caption.startswith("Welcome from Google Developers - Pittsburgh ML Summit")


@pytest.mark.realdata
def test_real_api_activities_find_video_ids_in_thumbnails() -> None:
    p = real_api("api_activities_googledevelopers_p1.json")
    assert len(p.posts) == 10
    assert p.posts[0].id == "Du7E0okmNlk"
    assert p.posts[0].url == "https://www.youtube.com/watch?v=Du7E0okmNlk"
    assert p.posts[0].created_at == datetime(2019, 10, 31, 21, 0, 12, tzinfo=timezone.utc)
    assert p.posts[0].hashtags == ["DevShow"]
    assert not any(post.is_repost for post in p.posts)  # every activity is an upload


@pytest.mark.realdata
def test_real_api_videos_list_keeps_only_the_channels_own_videos() -> None:
    p = real_api("api_videos_list_multi.json")
    assert [post.id for post in p.posts] == ["D-lhorsDlUQ"]  # NFL Throwback's is not ours
    assert p.display_name == "Google Developers"
    assert p.posts[0].created_at == datetime(2019, 3, 21, 20, 37, 49, tzinfo=timezone.utc)
    assert any("1 videos of other channels ignored" in w for w in p.capture.warnings)
    assert p.posts[0].location is None  # no recordingDetails in this response


@pytest.mark.realdata
def test_real_api_search_by_location_unescapes_titles() -> None:
    p = real_api("api_search_by_location.json")
    assert p.display_name == "Jamie O'Brien"
    assert p.handle == "UCo_q6aOlvPH7M-j_XGWVgXg"
    assert len(p.posts) == 5
    assert p.posts[0].id == "drQjl1rsj28"
    titles = [post.caption or "" for post in p.posts]
    assert any(t.startswith("JAMIE O'BRIEN NEAR DEATH SURFING PIPELINE") for t in titles)
    assert any("Waimea River & Cleaned Up" in t for t in titles)
    assert sum(1 for post in p.posts if post.location) == 0  # search results carry no location
