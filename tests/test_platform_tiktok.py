"""TikTok: capture plan and extraction from the hydration script, SIGI_STATE, the item_list
and user/detail XHRs, video pages, the rendered DOM and meta tags.

Our own fixtures (tests/fixtures/tiktok) are an invented Ljubljana bakery written in the real
structure, for what the real data lacks (a location tag, photo mode, reposts, a private or
missing account, a captcha, a login wall). The realdata tests read ../shared/realdata/tiktok
and skip when it is absent.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from audit.documents import Document, load_file, parse_har
from audit.model import Outcome, Platform, Profile
from audit.platforms import REGISTRY
from audit.platforms.base import ExtractContext
from audit.platforms.tiktok import ITEM_LIST_URL, capture_plan, extract
from audit.resolve import resolve
from tests.realdata import realdata

FIXTURES = Path(__file__).parent / "fixtures" / "tiktok"
CAPTURED = datetime(2026, 5, 21, 12, 0, tzinfo=timezone.utc)
PROFILE_URL = "https://www.tiktok.com/@bluedoorbakery?lang=en"
ITEMS_URL = f"{ITEM_LIST_URL}?aid=1988&count=35&cursor=0&secUid=MS4wLjABAAAAbluedoor"
REPOSTS_URL = "https://www.tiktok.com/api/repost/item_list/?aid=1988&count=30&cursor=0"


def ctx(handle: str | None = None, when: datetime = CAPTURED) -> ExtractContext:
    return ExtractContext(captured_at=when, ref=resolve(f"tiktok:@{handle}") if handle else None)


def fixture(*names: str) -> list[Document]:
    return [doc for name in names for doc in load_file(FIXTURES / name)]


def har(*pairs: tuple[str, str, str]) -> list[Document]:
    """(url, mime type, fixture name) -> the documents of a recorded HAR."""
    entries = [
        {
            "request": {"method": "GET", "url": url},
            "response": {
                "status": 200,
                "content": {"mimeType": mime, "text": (FIXTURES / name).read_text("utf-8")},
            },
        }
        for url, mime, name in pairs
    ]
    return parse_har({"log": {"version": "1.2", "entries": entries}}, path="capture.har")


def bluedoor(*, reposts: bool = True) -> Profile:
    pairs = [
        (PROFILE_URL, "text/html; charset=utf-8", "profile_bluedoorbakery.html"),
        (ITEMS_URL, "application/json", "api_post_item_list_bluedoorbakery.json"),
    ]
    if reposts:
        pairs.append((REPOSTS_URL, "application/json", "api_repost_item_list_bluedoorbakery.json"))
    return extract(har(*pairs), ctx("bluedoorbakery"))


# --------------------------------------------------------------------------- registry, plan


def test_spec_is_registered_with_plan_and_extractor() -> None:
    spec = REGISTRY[Platform.TIKTOK]
    assert spec.extract is extract
    assert spec.capture_plan is capture_plan


def test_capture_plan_loads_the_profile_and_waits_for_the_post_grid() -> None:
    plan = capture_plan(resolve("tiktok:@BlueDoorBakery"))
    assert [(s.action, s.url) for s in plan.steps] == [("goto", PROFILE_URL)]
    assert plan.steps[0].wait_for is not None and "user-post-item" in plan.steps[0].wait_for
    assert plan.follow is not None


def test_follow_fetches_the_item_list_when_the_page_xhr_is_missing() -> None:
    plan = capture_plan(resolve("tiktok:@bluedoorbakery"))
    assert plan.follow is not None
    steps = plan.follow(fixture("profile_bluedoorbakery.html"))
    assert len(steps) == 1
    step = steps[0]
    assert step.action == "fetch" and step.optional
    assert step.url.startswith(ITEM_LIST_URL)
    assert "secUid=MS4wLjABAAAAbluedoorbakeryFixtureSecUid" in step.url


def test_follow_does_nothing_when_videos_were_captured_or_the_account_is_private() -> None:
    plan = capture_plan(resolve("tiktok:@bluedoorbakery"))
    assert plan.follow is not None
    captured = har(
        (PROFILE_URL, "text/html", "profile_bluedoorbakery.html"),
        (ITEMS_URL, "application/json", "api_post_item_list_bluedoorbakery.json"),
    )
    assert plan.follow(captured) == []
    assert plan.follow(fixture("profile_sigi_state_2022_bluedoorbakery.html")) == []
    assert plan.follow(fixture("profile_private_bluedoorstaff.html")) == []
    assert plan.follow(fixture("captcha_verify.html")) == []


# --------------------------------------------------------------------------- our fixtures


def test_profile_fields_from_the_hydration_script() -> None:
    p = bluedoor()
    assert p.capture.outcome is Outcome.OK
    assert p.handle == "bluedoorbakery"
    assert p.url == "https://www.tiktok.com/@bluedoorbakery"
    assert p.display_name == "Blue Door Bakery 🍞"
    assert p.bio == (
        "Sourdough bakery in Ljubljana 🇸🇮\nKruh s kislim testom · Trubarjeva 12\n"
        "📩 hello@bluedoorbakery.si"
    )
    assert [link.url for link in p.links] == ["https://bluedoorbakery.si/menu"]
    assert p.category == "Food & Beverage"
    assert p.is_business is True
    assert p.is_private is False
    assert p.is_verified is False
    assert (p.counts.followers, p.counts.following, p.counts.posts) == (12400, 87, 96)
    assert p.avatar is not None and (p.avatar.width, p.avatar.height) == (1080, 1080)
    assert p.avatar.is_default is False
    assert p.contact is not None and p.contact.email == "hello@bluedoorbakery.si"
    assert p.location is None and "location" in p.not_observed
    assert "webapp.user-detail" not in p.sources["bio"]  # the path is named by its shape
    assert p.sources["bio"] == f"{PROFILE_URL}: userInfo.user.signature"


def test_posts_from_the_item_list_xhr_with_location_photos_and_pins() -> None:
    p = bluedoor(reposts=False)
    assert [post.id for post in p.posts] == [
        "7641176316437056789",
        "7639028832789056789",
        "7632156885115456789",
        "7559142441083456789",  # pinned, oldest: sorted by date, not by pin
    ]
    newest = p.posts[0]
    assert newest.created_at == datetime(2026, 5, 18, 10, 26, 40, tzinfo=timezone.utc)
    assert newest.created_at_approx is False
    assert newest.url == "https://www.tiktok.com/@bluedoorbakery/video/7641176316437056789"
    assert newest.hashtags == ["sourdough", "ljubljana", "kruh"]
    assert newest.location is not None
    assert newest.location.model_dump() == {
        "name": "Blue Door Bakery",
        "address": "Trubarjeva cesta 12",
        "city": "Ljubljana",
        "country": "Slovenia",
        "lat": None,
        "lon": None,
    }
    # locationCreated ("SI") is only the app's region: not a location tag
    assert sum(1 for post in p.posts if post.location) == 1
    photo = p.posts[1]
    assert photo.url == "https://www.tiktok.com/@bluedoorbakery/photo/7639028832789056789"
    assert [(m.kind, m.width, m.height, m.alt_source) for m in photo.media] == [
        ("image", 1080, 1440, "missing"),
        ("image", 1080, 1440, "missing"),
    ]
    assert p.posts[2].hashtags == []
    assert p.posts[3].hashtags == ["bakery", "ljubljanafood"]
    video = p.posts[0].media[0]
    assert (video.kind, video.width, video.height) == ("video", 576, 1024)
    assert video.url is not None and "cover-7641176316437056789" in video.url
    assert p.sources["posts"] == f"{ITEMS_URL}: itemList[] x4"


def test_reposts_are_kept_but_marked() -> None:
    p = bluedoor()
    assert len(p.posts) == 5
    reposts = [post for post in p.posts if post.is_repost]
    assert [post.id for post in reposts] == ["7640317322854400042"]
    assert reposts[0].url == "https://www.tiktok.com/@ljubljanafoodie/video/7640317322854400042"
    assert len(p.own_posts()) == 4


def test_har_inputs_are_listed() -> None:
    p = bluedoor()
    assert p.capture.input_kind == "har"
    assert [i.url for i in p.capture.inputs] == [PROFILE_URL, ITEMS_URL, REPOSTS_URL]
    assert p.capture.final_url == PROFILE_URL
    assert p.capture.warnings == []


def test_profile_page_alone_warns_that_videos_were_not_captured() -> None:
    p = extract(fixture("profile_bluedoorbakery.html"), ctx("bluedoorbakery"))
    assert p.capture.outcome is Outcome.OK
    assert p.posts == []
    assert any("/api/post/item_list/" in w for w in p.capture.warnings)
    assert "posts" in p.not_observed


def test_sigi_state_page_2022() -> None:
    p = extract(fixture("profile_sigi_state_2022_bluedoorbakery.html"), ctx("bluedoorbakery"))
    assert p.capture.outcome is Outcome.OK
    assert p.bio == "Pekarna v Ljubljani · sourdough since 2019"
    assert (p.counts.followers, p.counts.posts) == (5100, 31)
    assert [post.id for post in p.posts] == ["7108170874880000007", "7103875907584000007"]
    assert p.posts[0].created_at == datetime(2022, 6, 12, 2, 13, 20, tzinfo=timezone.utc)
    assert p.posts[0].hashtags == ["sourdough"]
    assert p.posts[0].url == "https://www.tiktok.com/@bluedoorbakery/video/7108170874880000007"
    assert not any(post.is_repost for post in p.posts)  # SIGI's author is the handle string


def test_rendered_dom_without_scripts() -> None:
    p = extract(fixture("rendered_dom_no_scripts.html"), ctx())
    assert p.capture.outcome is Outcome.OK
    assert p.handle == "bluedoorbakery"
    assert p.display_name == "Blue Door Bakery 🍞"
    assert p.bio == "Sourdough bakery in Ljubljana 🇸🇮 Kruh s kislim testom · Trubarjeva 12"
    assert [link.url for link in p.links] == ["https://bluedoorbakery.si/menu"]
    assert (p.counts.followers, p.counts.following) == (12400, 87)
    assert len(p.posts) == 2
    first, photo = p.posts
    # no createTime in the DOM: the video id's high 32 bits are its upload time (approximate)
    assert first.created_at == datetime(2026, 5, 18, 10, 26, 40, tzinfo=timezone.utc)
    assert first.created_at_approx is True
    assert (
        first.caption == "Crumb shot at 5 a.m. 🍞 Kruh s kislim testom #sourdough #ljubljana #kruh"
    )
    assert first.hashtags == ["sourdough", "ljubljana", "kruh"]
    assert photo.media[0].kind == "image"
    assert p.sources["display_name"].endswith("DOM user-subtitle")


def test_meta_tags_are_the_last_fallback() -> None:
    html = (FIXTURES / "profile_bluedoorbakery.html").read_text("utf-8")
    without_script = html.split('<script id="__UNIVERSAL_DATA_FOR_REHYDRATION__"')[0]
    p = extract([Document(text=without_script, kind="html", url=PROFILE_URL)], ctx())
    assert p.handle == "bluedoorbakery"
    assert p.display_name == "Blue Door Bakery 🍞"
    assert p.bio == "Sourdough bakery in Ljubljana 🇸🇮"
    assert p.counts.followers == 12400
    assert p.sources["bio"].endswith("meta description")


def test_next_data_page_2020() -> None:
    """Before SIGI_STATE, the profile page carried `__NEXT_DATA__` (props.pageProps)."""
    ts = 1590000000
    item = {"id": str(ts << 32 | 5), "desc": "Prvi kruh 🍞 #sourdough", "createTime": ts,
            "author": {"uniqueId": "bluedoorbakery"}, "video": {"cover": "https://p16.example/c.jpg"},
            "textExtra": [{"hashtagName": "sourdough"}]}  # fmt: skip
    next_data = {
        "props": {"pageProps": {
            "userInfo": {"user": {"uniqueId": "bluedoorbakery", "nickname": "Blue Door Bakery",
                                  "signature": "Pekarna 🍞", "verified": False},
                         "stats": {"followerCount": 900, "followingCount": 3, "videoCount": 4}},
            "items": [item], "statusCode": 0}},
        "page": "/share/user/[uniqueId]",
    }  # fmt: skip
    html = (
        '<html><body><script id="__NEXT_DATA__" type="application/json">'
        f"{json.dumps(next_data, ensure_ascii=False)}</script></body></html>"
    )
    p = extract([Document(text=html, kind="html", url=PROFILE_URL)], ctx("bluedoorbakery"))
    assert (p.handle, p.display_name, p.bio) == ("bluedoorbakery", "Blue Door Bakery", "Pekarna 🍞")
    assert (p.counts.followers, p.counts.posts) == (900, 4)
    assert [post.hashtags for post in p.posts] == [["sourdough"]]
    assert p.posts[0].created_at == datetime(2020, 5, 20, 18, 40, tzinfo=timezone.utc)


# --------------------------------------------------------------------------- outcomes


def test_not_found_status_and_text() -> None:
    p = extract(fixture("profile_not_found.html"), ctx("nosuchbakery"))
    assert p.capture.outcome is Outcome.NOT_FOUND
    assert p.capture.reason == "TikTok says this account is banned or gone (statusCode 10221)"
    assert p.handle == "nosuchbakery"
    assert p.display_name is None and p.bio is None


def test_private_account_keeps_its_profile_fields() -> None:
    p = extract(fixture("profile_private_bluedoorstaff.html"), ctx("bluedoorstaff"))
    assert p.capture.outcome is Outcome.PRIVATE
    assert p.capture.reason is not None and "private" in p.capture.reason
    assert p.is_private is True
    assert p.display_name == "Blue Door team"
    assert p.bio == "Staff only 🔒"
    assert p.counts.followers == 41
    assert p.links == []


def test_status_10222_without_user_is_private() -> None:
    body = {"userInfo": {}, "statusCode": 10222, "statusMsg": "author_secret"}
    doc = Document(
        text=json.dumps(body), kind="json", url="https://www.tiktok.com/api/user/detail/"
    )
    p = extract([doc], ctx("bluedoorstaff"))
    assert p.capture.outcome is Outcome.PRIVATE


def test_captcha_page_is_blocked() -> None:
    p = extract(fixture("captcha_verify.html"), ctx("bluedoorbakery"))
    assert p.capture.outcome is Outcome.BLOCKED
    assert p.capture.reason == "TikTok showed a captcha / verification page"


def test_login_redirect_is_a_login_wall() -> None:
    doc = Document(
        text=(FIXTURES / "login_wall.html").read_text("utf-8"),
        kind="html",
        url="https://www.tiktok.com/login?redirect_url=https%3A%2F%2Fwww.tiktok.com%2F%40bluedoorbakery",
    )
    p = extract([doc], ctx("bluedoorbakery"))
    assert p.capture.outcome is Outcome.LOGIN_WALL
    assert p.capture.reason is not None and "--storage-state" in p.capture.reason


@pytest.mark.parametrize(
    "doc",
    [
        Document(text="", kind="text"),
        Document(text="{}", kind="json"),
        Document(text='{"itemList": null, "statusCode": 0}', kind="json"),
        Document(text='[{"user": null}]', kind="json"),
        Document(text="<html><body>hello</body></html>", kind="html"),
        Document(
            text='<html><script id="__UNIVERSAL_DATA_FOR_REHYDRATION__">{"__DEFAULT_SCOPE__": {',
            kind="html",
            url=PROFILE_URL,
        ),
        Document(
            text='<html><head><meta property="og:site_name" content="YouTube">'
            '<meta property="og:title" content="Blue Door Bakery"></head></html>',
            kind="html",
            url="https://www.youtube.com/@bluedoorbakery",
        ),
    ],
    ids=["empty", "empty-json", "null-items", "null-user", "bare-html", "truncated", "youtube"],
)
def test_empty_truncated_or_wrong_platform_input_gives_an_outcome_not_a_crash(
    doc: Document,
) -> None:
    p = extract([doc], ctx())
    assert p.capture.outcome is Outcome.ERROR
    assert p.display_name is None and p.posts == []
    assert p.capture.warnings and "nothing usable" in p.capture.warnings[0]


# --------------------------------------------------------------------------- real captures

REAL = "tiktok"


def real_json(name: str) -> Any:
    return json.loads(realdata(REAL, name).read_text(encoding="utf-8"))


def in_page(scope: dict[str, Any], url: str) -> Document:
    """A profile/video page as TikTok serves it, around a real object the scraper kept."""
    blob = json.dumps({"__DEFAULT_SCOPE__": scope}, ensure_ascii=False)
    html = (
        '<!DOCTYPE html><html><head><meta property="og:site_name" content="TikTok"></head><body>'
        f'<script id="__UNIVERSAL_DATA_FOR_REHYDRATION__" type="application/json">{blob}</script>'
        "</body></html>"
    )
    return Document(text=html, kind="html", url=url)


ODD = "oddanimalspecimens"


def odd_profile() -> Document:
    user_info = real_json("hydration_userInfo_oddanimalspecimens_2024-02.json")[0]
    scope = {"webapp.user-detail": {"userInfo": user_info, "statusCode": 0, "statusMsg": ""}}
    return in_page(scope, f"https://www.tiktok.com/@{ODD}")


@pytest.mark.realdata
def test_real_hydration_user_info_2024() -> None:
    saved = extract(
        load_file(realdata(REAL, "hydration_userInfo_oddanimalspecimens_2024-02.json")), ctx()
    )
    paged = extract([odd_profile()], ctx(ODD))
    for p in (saved, paged):
        assert p.capture.outcome is Outcome.OK
        assert p.handle == ODD
        assert p.display_name == "Odd Animal Specimens"
        assert (
            p.bio == "YOUTUBE: Odd Animal Specimens\nCONTACT: OddAnimalSpecimens@whalartalent.com"
        )
        assert [link.url for link in p.links] == ["https://linktr.ee/oddanimalspecimens"]
        assert (p.counts.followers, p.counts.following, p.counts.posts) == (2_600_000, 6, 124)
        assert p.is_verified is False and p.is_private is False and p.is_business is False
        assert p.contact is not None and p.contact.email == "OddAnimalSpecimens@whalartalent.com"
        assert p.avatar is not None and p.avatar.width == 1080
        assert p.avatar.url is not None and "~c5_1080x1080.jpeg" in p.avatar.url
        assert p.posts == []


@pytest.mark.realdata
def test_real_api_user_detail_2025() -> None:
    doc = load_file(realdata(REAL, "api_user_detail_taylorswift_2025-03_extracted.json"))
    p = extract(doc, ctx("taylorswift"))
    assert p.capture.outcome is Outcome.OK
    assert p.handle == "taylorswift"
    assert p.display_name == "Taylor Swift"
    assert p.bio == "This is pretty much just a cat account"
    assert [link.url for link in p.links] == ["https://taylorswift.com"]
    assert (p.counts.followers, p.counts.following, p.counts.posts) == (32_700_000, 0, 71)
    assert p.is_verified is True
    assert p.avatar is not None and (p.avatar.width, p.avatar.height) == (1080, 1080)
    assert p.contact is None


@pytest.mark.realdata
def test_real_item_list_2025_alone_and_with_the_profile_page() -> None:
    path = realdata(REAL, "item_list_subset_oddanimalspecimens_2025-09.json")
    alone = extract(load_file(path), ctx(ODD))
    response = {"itemList": json.loads(path.read_text("utf-8")), "hasMore": True, "statusCode": 0}
    xhr = Document(
        text=json.dumps(response, ensure_ascii=False),
        kind="json",
        url=f"{ITEM_LIST_URL}?aid=1988&count=35&cursor=0&secUid=MS4wLjABAAAAmiTQjtyN2Q",
    )
    merged = extract([odd_profile(), xhr], ctx(ODD))
    for p in (alone, merged):
        assert p.capture.outcome is Outcome.OK
        assert len(p.posts) == 132
        newest, oldest = p.posts[0], p.posts[-1]
        assert newest.id == "7546263871841963294"
        assert newest.created_at == datetime(2025, 9, 4, 15, 58, 7, tzinfo=timezone.utc)
        assert oldest.created_at == datetime(2021, 7, 7, 19, 13, 20, tzinfo=timezone.utc)
        assert not any(post.created_at_approx for post in p.posts)
        assert all("animals" in post.hashtags for post in p.posts)
        assert sum(1 for post in p.posts if post.location) == 0
        assert sum(1 for post in p.posts if post.is_repost) == 0
        assert newest.url == f"https://www.tiktok.com/@{ODD}/video/7546263871841963294"
        bug = next(post for post in p.posts if post.id == "7424178477068258603")
        assert bug.caption is not None and "cochineal" in bug.caption
        assert bug.hashtags == ["animals", "science", "learnontiktok"]
    assert merged.display_name == "Odd Animal Specimens"
    assert merged.counts.posts == 124
    assert alone.display_name is None  # the XHR alone names no profile


@pytest.mark.realdata
@pytest.mark.parametrize(
    ("name", "bio_part"),
    [
        (
            "video_detail_subset_oddanimalspecimens_2024-02.json",
            "OddAnimalSpecimens@whalartalent.com",
        ),
        ("video_detail_subset_oddanimalspecimens_2026-01.json", "OddAnimalSpecimens@sixteenth.com"),
    ],
)
def test_real_video_detail(name: str, bio_part: str) -> None:
    saved = extract(load_file(realdata(REAL, name)), ctx())
    item = real_json(name)[0]
    scope = {"webapp.video-detail": {"itemInfo": {"itemStruct": item}, "statusCode": 0}}
    page = in_page(scope, f"https://www.tiktok.com/@{ODD}/video/{item['id']}")
    paged = extract([page], ctx(ODD))
    for p in (saved, paged):
        assert p.capture.outcome is Outcome.OK
        assert p.handle == ODD
        assert p.display_name == "Odd Animal Specimens"
        assert p.bio is not None and bio_part in p.bio
        assert len(p.posts) == 1
        post = p.posts[0]
        assert post.id == "7198206283571285294"
        # createTime is a string here: "1675963028"
        assert post.created_at == datetime(2023, 2, 9, 17, 17, 8, tzinfo=timezone.utc)
        assert post.caption is not None and post.caption.startswith("Mouse to Whale Vertebrae")
        assert post.hashtags == ["animals", "science", "learnontiktok"]
        assert post.location is None  # only locationCreated "US", no location tag
        assert post.media[0].kind == "video" and post.media[0].url is not None
        assert post.is_repost is False
