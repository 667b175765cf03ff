"""Threads: capture plan, and extraction from page meta tags, embedded JSON and GraphQL.

Real captures (../shared/realdata/threads, skipped when absent) are 2023 page heads and the
web GraphQL objects a library's README printed, two of them cut with `...`. Our invented bakery
(tests/fixtures/threads) covers what they lack: the 2024- page (meta format and embedded JSON),
a thread list with a topic tag, owner-written and automatic alt text, a carousel, a video, a
self-reply, reposts of both shapes, and the login wall, not-found and rate-limit answers.
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
from audit.platforms.threads import SPEC, capture_plan, extract, lenient_json, profile_url
from tests.realdata import realdata

FIXTURES = Path(__file__).parent / "fixtures" / "threads"
CAPTURED = datetime(2025, 1, 10, 9, 0, tzinfo=timezone.utc)
CTX = ExtractContext(captured_at=CAPTURED)
BAKERY = "bluedoorbakery"


def ref(handle: str) -> ProfileRef:
    return ProfileRef(platform=Platform.THREADS, handle=handle, url=profile_url(handle))


def ctx_for(handle: str) -> ExtractContext:
    return ExtractContext(captured_at=CAPTURED, ref=ref(handle))


def fixture(*names: str) -> list[Document]:
    return [doc for name in names for doc in load_file(FIXTURES / name)]


def real(*names: str) -> list[Document]:
    return [doc for name in names for doc in load_file(realdata("threads", name))]


def alt_sources(profile: Profile) -> Counter[str]:
    return Counter(m.alt_source for p in profile.own_posts() for m in p.media)


def meta_page(description: str) -> Document:
    html = (
        '<html><head><meta property="og:type" content="profile">'
        '<meta property="og:title" content="Blue Door Bakery (@bluedoorbakery) on Threads">'
        f'<meta property="og:description" content="{description}">'
        '<meta property="og:url" content="https://www.threads.com/@bluedoorbakery">'
        "</head><body></body></html>"
    )
    return Document(text=html, kind="html", path="inline.html")


# --------------------------------------------------------------------------- capture plan


def test_capture_plan_loads_the_profile_page_and_waits_for_its_threads() -> None:
    plan = capture_plan(ref(BAKERY))
    (step,) = plan.steps
    assert step.action == "goto"
    assert step.url == "https://www.threads.com/@bluedoorbakery"
    assert step.wait_for == "div[data-pressable-container]"
    assert not step.optional
    assert plan.follow is None


def test_spec_is_wired_into_the_registry() -> None:
    spec = REGISTRY[Platform.THREADS]
    assert spec is SPEC
    assert spec.capture_plan is capture_plan
    assert spec.extract is extract
    assert spec.match_url(urlsplit("https://www.threads.net/@Blue.Door")) == "blue.door"


# ------------------------------------------------------------- invented bakery fixtures


def test_logged_out_page_and_graphql_threads_make_one_profile() -> None:
    profile = extract(
        fixture("profile_bluedoorbakery_loggedout.html", "graphql_threads_bluedoorbakery.json"),
        CTX,
    )
    assert profile.capture.outcome is Outcome.OK
    assert profile.handle == BAKERY
    assert profile.display_name == "Blue Door Bakery"
    assert (
        profile.bio
        == "Sourdough & pastries, baked daily in Ljubljana 🥖\nOrder for pickup at the link ↓"
    )
    assert [(link.url, link.title) for link in profile.links] == [
        ("https://bluedoor.example/order", "Order for pickup")
    ]
    assert profile.avatar is not None
    assert (profile.avatar.width, profile.avatar.height) == (640, 640)
    assert profile.counts.followers == 1240  # the user object
    assert profile.counts.posts == 86  # only the meta description says how many threads
    assert profile.sources["counts.posts"].endswith("meta[property=og:description]")
    assert profile.sources["bio"].endswith("__bbox.result.data.user.biography")
    assert profile.is_verified is False
    assert [p.id for p in profile.posts] == [
        "DAa1BcDeFgH",
        "DAa2BcDeFgH",
        "DAa4BcDeFgH",
        "DAa5BcDeFgH",
        "DAa6BcDeFgH",
        "C_yy1BcDeFgH",
    ]
    newest = profile.posts[0]
    assert newest.created_at == datetime(2025, 1, 9, 8, 0, tzinfo=timezone.utc)
    assert newest.url == "https://www.threads.com/@bluedoorbakery/post/DAa1BcDeFgH"
    assert newest.hashtags == ["Sourdough"]  # the topic tag (tag_header)
    assert profile.posts[1].hashtags == ["Ljubljana"]  # a #tag in the text
    assert "left out 1 replies: they are not the profile's own threads" in (
        profile.capture.warnings
    )
    assert profile.not_observed == {
        "geotags": "Threads posts carry no location tag in what the web app serves",
        "category": "Threads profiles show no business category",
    }


def test_alt_text_kinds_media_and_reposts() -> None:
    profile = extract(fixture("graphql_threads_bluedoorbakery.json"), ctx_for(BAKERY))
    reposts = {p.id for p in profile.posts if p.is_repost}
    # share_info.reposted_post, and a thread by another account in the profile's own list
    assert reposts == {"DAa6BcDeFgH", "C_yy1BcDeFgH"}
    assert len(profile.own_posts()) == 4
    carousel = next(p for p in profile.posts if p.id == "DAa4BcDeFgH")
    assert [m.alt_source for m in carousel.media] == ["auto", "missing"]
    video = next(p for p in profile.posts if p.id == "DAa5BcDeFgH")
    assert [m.kind for m in video.media] == ["video"]
    text_only = next(p for p in profile.posts if p.id == "DAa2BcDeFgH")
    assert text_only.media == []
    assert alt_sources(profile) == Counter({"custom": 1, "auto": 1, "missing": 2})
    repost = next(p for p in profile.posts if p.id == "DAa6BcDeFgH")
    assert repost.caption is not None and repost.caption.startswith("The Christmas market")
    assert "bio" in profile.not_observed  # only posts were captured


@pytest.mark.parametrize(
    ("description", "followers", "posts", "bio"),
    [
        ("2K Followers. Bread, mostly.", 2000, None, "Bread, mostly."),
        (
            "1.2K Followers • 57 Threads • Bread, mostly. See the latest conversations with "
            "@bluedoorbakery.",
            1200,
            57,
            "Bread, mostly",
        ),
        ("12,345 Followers • 3 Threads", 12345, 3, None),
    ],
)
def test_meta_description_formats(
    description: str, followers: int, posts: int | None, bio: str | None
) -> None:
    profile = extract([meta_page(description)], CTX)
    assert profile.handle == BAKERY
    assert profile.display_name == "Blue Door Bakery"
    assert (profile.counts.followers, profile.counts.posts, profile.bio) == (followers, posts, bio)
    assert "posts" in profile.not_observed  # a page's meta tags hold no threads


def test_login_wall_not_found_and_rate_limit() -> None:
    wall = extract(fixture("login_wall.html"), ctx_for(BAKERY))
    assert wall.capture.outcome is Outcome.LOGIN_WALL
    missing = extract(fixture("profile_not_found.html"), ctx_for("nobody.here"))
    assert missing.capture.outcome is Outcome.NOT_FOUND
    assert missing.capture.reason == "Threads says: Sorry, this page isn't available"
    limited = extract(fixture("graphql_rate_limited.json"), ctx_for(BAKERY))
    assert limited.capture.outcome is Outcome.BLOCKED
    assert "wait a few minutes" in (limited.capture.reason or "")


@pytest.mark.parametrize(
    "doc",
    [
        Document(text="", kind="html", path="empty.html"),
        Document(text='{"data": {"mediaData": {"threads": [{"thread_', kind="text", path="c"),
        Document(text="<html><head><title>Pinterest</title></head></html>", kind="html"),
        Document(text='{"resource_response": {"data": []}}', kind="json", path="p.json"),
        Document(text="not json at all", kind="text", path="t.txt"),
    ],
)
def test_junk_wrong_platform_or_truncated_input_gives_an_error_outcome(doc: Document) -> None:
    profile = extract([doc], CTX)
    assert profile.capture.outcome is Outcome.ERROR
    assert profile.posts == []


def test_lenient_json_reads_placeholders_and_cut_bodies() -> None:
    assert lenient_json('{"a": [1, 2,\n ...\n]}') == ({"a": [1, 2]}, True)
    assert lenient_json('{"a": [1, 2], "b": {"c": 3, "d": [4') == (
        {"a": [1, 2], "b": {"c": 3}},
        True,
    )
    assert lenient_json('{"ok": true}') == ({"ok": True}, False)
    assert lenient_json("{{{") == (None, True)


# ------------------------------------------------------------------------ real captures


def test_real_logged_out_profile_head_joyqiuu() -> None:
    profile = extract(real("threads_profile_page_joyqiuu_loggedout_2023-07.HEAD_EXCERPT.html"), CTX)
    assert profile.capture.outcome is Outcome.OK
    assert profile.handle == "joyqiuu"
    assert profile.display_name == "Joy Qiu"
    assert profile.bio == "ah shit is it time already 👩🏻‍💻"
    assert profile.counts.followers == 2000  # "2K Followers."
    assert profile.avatar is not None
    assert (profile.avatar.width, profile.avatar.height) == (640, 640)
    assert profile.posts == []
    assert "GraphQL" in profile.not_observed["posts"]


def test_real_post_page_with_an_image() -> None:
    profile = extract(real("threads_post_page_CuWRRrQuql9_joyqiuu_2023-07.HEAD_EXCERPT.html"), CTX)
    assert profile.handle == "joyqiuu"
    assert profile.display_name == "Joy Qiu"
    (post,) = profile.posts
    assert post.id == "CuWRRrQuql9"
    assert post.url == "https://www.threads.com/@joyqiuu/post/CuWRRrQuql9"
    assert post.caption is not None
    assert post.caption.startswith("A long, long, LONG day and 10M users later… P92 server")
    assert "@zahanm @christophersu" in post.caption
    assert post.created_at is None  # the meta tags carry no date
    assert [m.kind for m in post.media] == ["image"]
    assert "alt_text" in profile.not_observed
    assert "no dates" in profile.not_observed["posts"]


def test_real_text_only_post_page_gives_the_author_avatar() -> None:
    profile = extract(
        real("threads_post_page_CuVvRcttG57_rafael_falco_2023-07.HEAD_EXCERPT.html"), CTX
    )
    assert profile.handle == "rafael_falco"
    assert profile.display_name == "Rafael Silva"
    (post,) = profile.posts
    assert post.caption == "Podia ter um jeito fácil de trazer a lista de follows do Twitter né 🤔"
    assert post.media == []  # og:image is the author's avatar, not a post image
    assert profile.avatar is not None
    assert (profile.avatar.width, profile.avatar.height) == (150, 150)


def test_real_graphql_user_data_zuck() -> None:
    profile = extract(real("threadsnet_readme_public_api_userData_zuck_2023-07.json"), CTX)
    assert profile.capture.outcome is Outcome.OK
    assert profile.handle == "zuck"
    assert profile.display_name == "Mark Zuckerberg"
    assert profile.bio == ""  # observed and empty
    assert profile.links == []  # bio_links holds one empty url
    assert profile.is_verified is True
    assert profile.is_private is False
    assert profile.counts.followers == 2663947
    assert profile.avatar is not None and profile.avatar.width == 640
    assert profile.sources["counts.followers"].endswith("data.userData.user.follower_count")


def test_real_composite_dump_reads_only_the_threads_part() -> None:
    profile = extract(real("threadsnet_readme_public_api_user_threads_zuck_2023-07.json"), CTX)
    assert profile.handle == "zuck"
    assert profile.counts.followers == 2663588  # not Instagram's 11924434
    assert profile.category is None  # Instagram's "Entrepreneur" is not shown on Threads
    assert any("Instagram account object" in w for w in profile.capture.warnings)


def test_real_truncated_replies_feed_has_no_own_threads() -> None:
    profile = extract(
        real("threadsnet_readme_public_api_user_replies_zuck_2023-07.TRUNCATED.txt"), CTX
    )
    assert profile.capture.outcome is Outcome.OK
    assert profile.handle == "zuck"  # the author every thread in the list ends with
    assert profile.is_verified is True
    assert profile.posts == []  # "Definitely Volk" is a reply; the UFC post is intense0ne's
    warnings = profile.capture.warnings
    assert any("truncated or not valid JSON" in w for w in warnings)
    assert "left out 1 replies: they are not the profile's own threads" in warnings
    assert "left out 1 posts by other accounts (the threads replied to)" in warnings
    assert profile.not_observed["posts"].startswith("only replies were captured")


def test_real_truncated_thread_page_mosseri() -> None:
    profile = extract(
        real("threadsnet_readme_public_api_thread_3141002295235099165_2023-07.TRUNCATED.txt"),
        CTX,
    )
    assert profile.capture.outcome is Outcome.OK
    assert profile.handle == "mosseri"
    (post,) = profile.posts
    assert post.id == "CuXRXDdNOtH"
    assert post.created_at == datetime(2023, 7, 6, 17, 3, 50, tzinfo=timezone.utc)
    assert post.caption is not None and "deactivate your Threads account" in post.caption
    assert post.media == []
    assert "left out 1 posts by other accounts (the threads replied to)" in (
        profile.capture.warnings
    )


def test_real_user_and_replies_merge_for_a_named_profile() -> None:
    profile = extract(
        real(
            "threadsnet_readme_public_api_userData_zuck_2023-07.json",
            "threadsnet_readme_public_api_user_replies_zuck_2023-07.TRUNCATED.txt",
        ),
        ctx_for("zuck"),
    )
    assert profile.display_name == "Mark Zuckerberg"
    assert profile.counts.followers == 2663947
    assert profile.avatar is not None and profile.avatar.width == 640  # the hd version wins
    assert profile.posts == []
