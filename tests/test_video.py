"""Short video (VID...): which recent posts are short video, as the extractors read it, and
whether the brand is present where short video is watched.

Real captures (../shared/realdata, skipped when absent): an Instagram Reel
(`product_type: "clips"`), a YouTube channel's /shorts tab and /videos tab, a TikTok item
list, Graph API media (photos), and YouTube Data API videos (which do not say).
"""

from __future__ import annotations

from datetime import datetime, timezone

from audit.documents import Document, load_file
from audit.model import Media, Platform, Post
from audit.platforms import instagram, tiktok, youtube
from audit.platforms.base import ExtractContext
from audit.result import Status
from checks.video import short_video_profile_missing, short_video_share_low
from tests.checks_kit import assert_result, make_ctx, make_profile
from tests.realdata import python_literal_json, realdata

CTX = ExtractContext(captured_at=datetime(2025, 3, 1, tzinfo=timezone.utc))


def real(platform: str, name: str) -> list[Document]:
    return load_file(realdata(platform, name))


def test_real_instagram_reel_is_short_video() -> None:
    path = realdata("instagram", "ig_post_graphql_shortcode_media_DFp17y5MymE_2025-02.pydict.txt")
    doc = Document(text=python_literal_json(path), kind="json", path=str(path))
    profile = instagram.extract([doc], CTX)
    (post,) = profile.posts
    assert post.short_video is True
    result = short_video_share_low(profile, make_ctx())
    assert_result(result, Status.PASS, 1.0, "1 of 1 recent posts are Reels")


def test_real_instagram_graph_api_photos_are_not_reels() -> None:
    profile = instagram.extract(real("instagram", "graphapi_ig_user_media_p1.json"), CTX)
    assert profile.posts and all(p.short_video is False for p in profile.posts)
    result = short_video_share_low(profile, make_ctx())
    assert_result(result, Status.FAIL, 0.0, "0 of 2 recent posts are Reels")


def test_real_youtube_shorts_tab_and_videos_tab() -> None:
    when = datetime.fromtimestamp(1679208796, tz=timezone.utc)
    ctx = ExtractContext(captured_at=when)
    shorts = youtube.extract(real("youtube", "page_channel_shorts_MLB_2023-03.html"), ctx)
    assert shorts.posts and all(p.short_video is True for p in shorts.posts)
    long_form = youtube.extract(
        real("youtube", "page_channel_videos_ProgrammingKnowledge_2023-03.html"), ctx
    )
    assert long_form.posts and all(p.short_video is False for p in long_form.posts)
    yt = make_ctx(Platform.YOUTUBE)
    assert_result(short_video_share_low(shorts, yt), Status.PASS, 1.0, "are Shorts")
    assert_result(short_video_share_low(long_form, yt), Status.FAIL, 0.0, "0 of 12")


def test_real_youtube_data_api_does_not_say() -> None:
    profile = youtube.extract(real("youtube", "api_videos_list_multi.json"), CTX)
    assert profile.posts and all(p.short_video is None for p in profile.posts)
    result = short_video_share_low(profile, make_ctx(Platform.YOUTUBE))
    assert_result(result, Status.NA, None, "does not say")


def test_real_tiktok_videos_are_short() -> None:
    profile = tiktok.extract(
        real("tiktok", "item_list_subset_oddanimalspecimens_2025-09.json"), CTX
    )
    assert profile.posts and all(p.short_video is True for p in profile.posts)


def reel(pid: int, short: bool | None) -> Post:
    return Post(id=str(pid), short_video=short, media=[Media(kind="video" if short else "image")])


def test_share_is_graded_to_one_in_four() -> None:
    posts = [reel(i, i < 2) for i in range(12)]
    result = short_video_share_low(make_profile(posts=posts), make_ctx())
    assert_result(result, Status.WARN, 2 / 12 / 0.25, "2 of 12 recent posts are Reels (17%)")
    posts = [reel(i, i < 3) for i in range(12)]
    result = short_video_share_low(make_profile(posts=posts), make_ctx())
    assert_result(result, Status.PASS, 1.0, "3 of 12")
    unknown = make_profile(posts=[reel(1, None)])
    assert_result(short_video_share_low(unknown, make_ctx()), Status.NA, None, "does not say")
    assert not short_video_share_low.meta.applies_to(Platform.BLUESKY)


def test_brand_presence_on_a_short_video_platform() -> None:
    ctx = make_ctx()
    tt = make_profile(Platform.TIKTOK)
    ig_reels = make_profile(posts=[reel(1, True)])
    ig_photos = make_profile(posts=[reel(1, False)])
    bsky = make_profile(Platform.BLUESKY)
    masto = make_profile(Platform.MASTODON, handle="modra@example.social")
    assert_result(short_video_profile_missing([bsky, tt], ctx), Status.PASS, 1.0, "TikTok")
    assert_result(short_video_profile_missing([ig_reels, bsky], ctx), Status.PASS, 1.0, "Reels")
    result = short_video_profile_missing([ig_photos, bsky], ctx)
    assert_result(result, Status.WARN, 0.5, "could post Reels")
    result = short_video_profile_missing([bsky, masto], ctx)
    assert_result(result, Status.FAIL, 0.0, "TikTok")
