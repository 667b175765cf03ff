"""Short video (VID...): which recent posts are short video, as the extractors read it, and
whether the brand is present where short video is watched.

Real captures (../shared/realdata, skipped when absent): an Instagram Reel
(`product_type: "clips"`), a YouTube channel's /shorts tab and /videos tab, a TikTok item
list, Graph API media (photos), and YouTube Data API videos (which do not say).
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from audit.documents import Document, load_file
from audit.model import Media, Platform, Post
from audit.platforms import instagram, tiktok, youtube
from audit.platforms.base import ExtractContext
from audit.result import Status
from checks.video import short_video_profile_missing, short_video_share_low
from tests.checks_kit import assert_result, make_ctx, make_profile
from tests.realdata import python_literal_json, realdata

CTX = ExtractContext(captured_at=datetime(2025, 3, 1, tzinfo=timezone.utc))
FIXTURES = Path(__file__).parent / "fixtures" / "youtube"


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
    # The channel lists a Shorts tab: its long-form /videos tab alone cannot say it posts none.
    assert_result(short_video_share_low(long_form, yt), Status.NA, None, "has a Shorts tab")


def test_real_kurzgesagt_videos_tab_does_not_say_it_posts_no_shorts() -> None:
    """Kurzgesagt's 2024 /videos tab lists a Shorts tab beside it: 'Few or no short videos: 0
    of 12 recent posts are Shorts' was false for a channel that posts Shorts. Its 2022 page
    lists no Shorts tab, so there the 12 long-form videos are all the channel shows."""
    yt = make_ctx(Platform.YOUTUBE)
    for year, status in (("2024", Status.NA), ("2022", Status.FAIL)):
        name = f"innertube_browse_channel_videos_kurzgesagt_{year}-11.body.json"
        profile = youtube.extract(real("youtube", name), CTX)
        assert profile.posts and all(p.short_video is False for p in profile.posts)
        assert short_video_share_low(profile, yt).status is status, year


def _bakery_channel(tmp_path: Path, shorts_tab: bool) -> list[Document]:
    """The invented bakery's /videos page, with or without a Shorts tab beside it."""
    page = FIXTURES / "channel_videos_2026_bluedoorbakery.html"
    text = page.read_text(encoding="utf-8")
    home = '{"tabRenderer": {"title": "Home", "selected": false}}'
    assert home in text
    if shorts_tab:
        tab = (
            '{"tabRenderer": {"title": "Shorts", "selected": false, "endpoint": {'
            '"commandMetadata": {"webCommandMetadata": {"url": "/@bluedoorbakery/shorts"}}}}}'
        )
        text = text.replace(home, f"{home}, {tab}")
    out = tmp_path / f"videos_{shorts_tab}.html"
    out.write_text(text, encoding="utf-8")
    return load_file(out)


def test_youtube_videos_tab_judges_shorts_only_when_the_input_can_show_them(
    tmp_path: Path,
) -> None:
    yt = make_ctx(Platform.YOUTUBE)
    without = youtube.extract(_bakery_channel(tmp_path, shorts_tab=False), CTX)
    assert short_video_share_low(without, yt).status is Status.FAIL  # no Shorts tab: none
    with_tab = youtube.extract(_bakery_channel(tmp_path, shorts_tab=True), CTX)
    assert_result(short_video_share_low(with_tab, yt), Status.NA, None, "/shorts tab")
    shorts = load_file(FIXTURES / "browse_shorts_bluedoorbakery.json")
    both = youtube.extract(_bakery_channel(tmp_path, shorts_tab=True) + shorts, CTX)
    assert "short_video" not in both.not_observed
    assert short_video_share_low(both, yt).status is not Status.NA


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
