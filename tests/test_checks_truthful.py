"""Verdicts a brand would laugh at, one test per class, on real captures where one shows it.

A check that speaks about a real brand must be right about that brand: a handle that is the
brand's name is not a wasted name field, '@cnn' and 'cnn.com' are addresses and not the word
'cnn' said again, and '3 weeks ago' is no date to compute a median gap from.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from audit.documents import Document
from audit.model import Avatar, Platform
from audit.platforms import x, youtube
from audit.platforms.base import ExtractContext
from audit.result import Status
from checks import REGISTRY
from checks import cadence as cad
from checks import keywords as key
from checks import profile as pro
from tests.checks_kit import NOW, assert_result, make_ctx, make_profile, post

# --- the title never contradicts the message ---------------------------------------------


def _battery() -> list[tuple[object, object]]:
    """Profiles that drive checks to every status: empty, weak, strong, bursty, approximate."""
    weak = make_profile(
        handle="modravrata",
        display_name="Modra Vrata",
        bio="Good vibes only",
        posts=[post(i, i * 2, "Fresh sourdough bakery loaves") for i in range(6)],
    )
    strong = make_profile(
        display_name="Blue Door Bakery · Sourdough",
        bio="Sourdough bakery in Austin 🥖\nOrder: bluedoor.com",
        posts=[post(i, i * 2, "Sourdough bakery bread #sourdough") for i in range(12)],
    )
    bursty = make_profile(posts=[post(i, i * 0.1, "x") for i in range(5)] + [post(9, 40, "y")])
    relative = make_profile(
        Platform.YOUTUBE, posts=[post(i, d, "v", approx=True) for i, d in enumerate((1, 3, 7))]
    )
    empty = make_profile(display_name="", bio="")
    ctxs = [make_ctx(keywords=["sourdough", "bakery"], local=True), make_ctx()]
    return [(p, c) for p in (weak, strong, bursty, relative, empty) for c in ctxs]


def test_a_failing_title_is_never_contradicted_by_its_message() -> None:
    """The title shown is the failure title exactly when the check warns or fails, and a
    message never states the opposite title's claim (KEY007 once said "hard to find" over
    "Findable on Instagram for 2 of 2 target keywords")."""
    seen = set()
    for profile, ctx in _battery():
        for check in REGISTRY:
            r = check(profile, ctx)  # type: ignore[arg-type]
            failing = r.status in (Status.WARN, Status.FAIL)
            assert r.title == (check.meta.failure_title if failing else check.meta.title), r
            other = check.meta.title if failing else check.meta.failure_title
            assert other.casefold() not in r.message.casefold(), r
            if failing:
                assert not r.message.casefold().startswith("findable"), r
                seen.add(r.id)
    assert {"KEY007", "PRO005", "CAD003"} <= seen  # the battery reaches the classes it guards


def test_key007_under_its_threshold_says_the_shortfall() -> None:
    p = make_profile(
        handle="modravrata",
        display_name="Modra Vrata",
        posts=[post(i, i, "Our sourdough, from the bakery") for i in range(12)],
    )
    r = key.keyword_discoverability(p, make_ctx(keywords=["sourdough", "bakery"]))
    assert_result(r, Status.WARN, 0.4, "2 of 2 target keywords appear", "mean field weight of 0.40")
    assert r.title == key.KEY007.failure_title and "Findable" not in r.message


# --- PRO005: a handle that is the brand's name --------------------------------------------


def test_pro005_on_real_x_accounts_whose_handle_is_their_name() -> None:
    from tests.test_platform_x import real_cassette

    docs = real_cassette("rtweet_vcr_v1.1_users_lookup_cnn_potus_twitter_2022-11-13.json")
    for handle in ("cnn", "twitter"):
        p = x.extract(docs, ExtractContext(captured_at=NOW, ref=None if handle == "cnn" else
                                           _x_ref(handle)))  # fmt: skip
        assert p.handle.casefold() == handle
        r = pro.display_name_generic(p, make_ctx(Platform.X))
        assert_result(r, Status.PASS, 1.0)


def _x_ref(handle: str) -> object:
    from audit.model import ProfileRef

    return ProfileRef(platform=Platform.X, handle=handle, url=f"https://x.com/{handle}")


def test_pro005_is_not_applicable_to_a_real_google_place() -> None:
    from audit.engine import run_checks
    from audit.platforms.google_business import extract
    from tests.test_platform_google_business import CTX, real

    p = extract(real("gosom_gmaps_place_page_TipsySticks.html"), CTX)
    (r,) = run_checks(p, make_ctx(Platform.GOOGLE_BUSINESS), [pro.display_name_generic])
    assert_result(r, Status.NA, None, "Not applicable on Google Business Profile")


# --- KEY004: the brand's own addresses are not repetition ---------------------------------


def test_key004_does_not_count_mentions_links_and_emails() -> None:
    bio = "CNN news. Follow @cnn and @CNNBRK, read cnn.com and https://cnn.com/apps, tips@cnn.com"
    r = key.keyword_stuffing(make_profile(Platform.X, handle="cnn", bio=bio), make_ctx(Platform.X))
    assert_result(r, Status.PASS, 1.0)
    stuffed = make_profile(bio="bakery bakery bakery bakery in Austin")
    assert_result(key.keyword_stuffing(stuffed, make_ctx()), Status.WARN, 0.5, "'bakery'")


def test_key004_on_the_real_cnn_bio() -> None:
    from tests.test_platform_x import real_cassette

    docs = real_cassette("rtweet_vcr_v1.1_users_lookup_cnn_potus_twitter_2022-11-13.json")
    p = x.extract(docs, ExtractContext(captured_at=NOW))
    assert p.bio and "@CNNBRK" in p.bio and "cnn.com" in p.bio
    assert_result(key.keyword_stuffing(p, make_ctx(Platform.X)), Status.PASS, 1.0)


def test_key004_a_long_about_may_name_its_subject_more_than_three_times() -> None:
    """A LinkedIn About of 1,000 characters that says 'insights' five times is prose: the
    real Audiense page was told 'About looks stuffed: 'insights' appears 5 times; 'audiense'
    appears 4 times'. A short bio, and a long one that is mostly one word, still warn."""
    about = (
        "Kavarna Lipa roasts speciality coffee in Ljubljana. We buy green coffee directly "
        "from farms in Ethiopia, Colombia and Honduras, roast it in small batches twice a "
        "week and sell it in our café, online and to restaurants across Slovenia. Our "
        "roasting follows each coffee: light for the floral Ethiopian lots, medium for the "
        "Colombian ones. Visitors can watch the roaster on Saturday mornings, join a cupping "
        "on the first Friday of the month, or book a barista course. Restaurants get a "
        "tasting, training for their staff and a grinder on loan. We publish where each "
        "coffee comes from, what we paid for it and when it was roasted, because good coffee "
        "starts with farmers who are paid well."
    )
    assert about.casefold().count("coffee") == 5 and len(about.split()) > 100
    profile = make_profile(Platform.LINKEDIN, bio=about)
    assert_result(key.keyword_stuffing(profile, make_ctx(Platform.LINKEDIN)), Status.PASS, 1.0)
    wall = make_profile(Platform.LINKEDIN, bio=" ".join(["coffee roastery Ljubljana"] * 40))
    r = key.keyword_stuffing(wall, make_ctx(Platform.LINKEDIN))
    assert_result(r, Status.WARN, 0.5, "'coffee' appears 40 times")


def test_key004_on_the_real_audiense_about() -> None:
    from audit.platforms import linkedin
    from tests.test_platform_linkedin import real

    p = linkedin.extract(
        real("metascraper_linkedin_company_audiense_guest_2024-10.html"),
        ExtractContext(captured_at=NOW),
    )
    assert p.bio and p.bio.casefold().count("insights") == 5
    assert_result(key.keyword_stuffing(p, make_ctx(Platform.LINKEDIN)), Status.PASS, 1.0)


# --- CAD003: approximate dates have their own rule ----------------------------------------


def test_cad003_relative_dates_judge_only_a_certain_silence() -> None:
    # 'today', '2 days ago', '3 weeks ago', '2 months ago': the gap to 2 months is certain
    days = (0, 2, 21, 60)
    p = make_profile(Platform.YOUTUBE, posts=[post(i, d, "v", approx=True) for i, d in
                                              enumerate(days)])  # fmt: skip
    r = cad.posting_irregular(p, make_ctx(p))
    assert_result(r, Status.WARN, 0.5, "approximate dates", "at least 32 days passed")
    assert "median" not in r.message
    close = make_profile(Platform.YOUTUBE, posts=[post(i, d, "v", approx=True) for i, d in
                                                  enumerate((1, 1, 1, 8))])  # fmt: skip
    r = cad.posting_irregular(close, make_ctx(close))
    assert_result(r, Status.PASS, 1.0, "no silence of more than 30 days is certain")


def test_cad003_exact_bursts_never_quote_a_median_of_zero() -> None:
    posts = [post(i, i * 0.01, "x") for i in range(6)] + [post(9, 35, "y")]
    r = cad.posting_irregular(make_profile(posts=posts), make_ctx())
    assert_result(r, Status.WARN, 0.5, "bursts", "a gap of 35 days")
    assert "0.0" not in r.message


@pytest.mark.parametrize(
    "stem",
    [
        "innertube_browse_channel_videos_gronkh_2026-05",
        "innertube_browse_channel_videos_kurzgesagt_2024-11",
    ],
)
def test_cad003_on_real_youtube_relative_dates(stem: str) -> None:
    from tests.test_platform_youtube import mock_body

    doc, when = mock_body(stem + ".mock.json")
    p = youtube.extract([doc], ExtractContext(captured_at=when))
    assert p.posts and all(q.created_at_approx for q in p.posts)
    # Both channels list a Shorts tab, so their /videos tab cannot show the whole cadence
    # (the audit says so); the rule for approximate dates is tested on its long-form dates.
    assert "Shorts tab" in p.not_observed.pop("timeline")
    r = cad.posting_irregular(p, make_ctx(p, now=when))
    assert r.status in (Status.PASS, Status.WARN)
    assert "approximate dates" in r.message and "median" not in r.message


def test_resolution_grows_with_age() -> None:
    recent = post(1, 2, approx=True)
    old = post(2, 400, approx=True)
    exact = post(3, 400)
    assert cad._resolution_days(recent, NOW) == 1
    assert cad._resolution_days(old, NOW) == 365
    assert cad._resolution_days(exact, NOW) == 0
    assert NOW - timedelta(days=2) == recent.created_at


# --- Google Business Profile: its own rules ------------------------------------------------


def test_a_real_google_place_is_never_told_to_put_keywords_in_its_name() -> None:
    """Google's guidelines forbid keywords in a Business Profile's name (a listing can be
    suspended for it): KEY001 is not applicable there, and LNK003 names the platform once."""
    from audit.platforms.google_business import extract
    from checks import links as lnk
    from tests.test_platform_google_business import CTX, real

    p = extract(real("gosom_gmaps_place_page_TipsySticks.html"), CTX)
    ctx = make_ctx(Platform.GOOGLE_BUSINESS, keywords=["souvlaki", "restaurant"])
    assert_result(key.keyword_not_in_name(p, ctx), Status.NA, None, "Google's guidelines")
    r = lnk.link_not_tracked(p, ctx)
    assert "Google Business Profile" in r.message and "Profile profile" not in r.message


def test_a_thumbnail_is_not_the_brands_upload() -> None:
    """Facebook's Graph API 'picture' is a 50x50 thumbnail by default (its URL says p50x50):
    PRO002 must not tell Facebook its logo is low resolution."""
    import json

    from audit.documents import Document
    from audit.platforms import facebook
    from tests.realdata import realdata

    path = realdata("facebook", "graphapi_page_facebookapp_default_fields.json")
    doc = Document(text=path.read_text(encoding="utf-8"), kind="json", url=str(path))
    p = facebook.extract([doc], ExtractContext(captured_at=NOW))
    assert p.avatar is not None and p.avatar.width == 50 and "p50x50" in (p.avatar.url or "")
    r = pro.profile_image_low_resolution(p, make_ctx(Platform.FACEBOOK))
    assert_result(r, Status.NA, None, "50x50 thumbnail")
    assert json.loads(path.read_text(encoding="utf-8"))["picture"]["data"]["height"] == 50
    small = make_profile(avatar=Avatar(url="https://cdn.example/logo.png", width=110, height=110))
    assert_result(pro.profile_image_low_resolution(small, make_ctx()), Status.FAIL, 110 / 320)


def test_instagram_graph_api_category_is_not_observable() -> None:
    from audit.model import Brand
    from audit.observable import declare
    from audit.pipeline import audit_profiles
    from audit.platforms import instagram
    from tests.test_platform_instagram import real

    p = instagram.extract(
        real("graphapi_business_discovery_user_fbdevelopers.json"),
        ExtractContext(captured_at=NOW),
    )
    assert p.capture.formats == ["graph-api"]
    declare(p)
    result = audit_profiles([p], Brand())
    pro003 = next(c for c in result.profiles[0].checks if c.id == "PRO003")
    assert_result(pro003, Status.NA, None, "Graph API user fields include no business category")


def _linkedin_logo_is_not_judged(docs: list[Document]) -> None:
    from audit.platforms import linkedin

    p = linkedin.extract(docs, ExtractContext(captured_at=NOW))
    assert p.avatar is not None and p.avatar.width == 200
    assert "company-logo_200_200" in (p.avatar.url or "")
    r = pro.profile_image_low_resolution(p, make_ctx(Platform.LINKEDIN))
    assert_result(r, Status.NA, None, "200x200 thumbnail")


def test_linkedin_logo_rendition_is_not_the_brands_upload() -> None:
    """LinkedIn's page shows the 200x200 rendition of a logo ('company-logo_200_200' in its
    address) whatever was uploaded: 'Profile image is 200x200 pixels; 320x320 is the target'
    told the real Audiense page something the input cannot show."""
    from pathlib import Path

    from audit.documents import load_file

    page = Path(__file__).parent / "fixtures" / "linkedin" / "guest_zlata-lipa-roastery.html"
    _linkedin_logo_is_not_judged(load_file(page))
    logo = Avatar(url="https://cdn.example/logo_200.png", width=200, height=200)
    own = make_profile(Platform.LINKEDIN, avatar=logo)
    assert pro.profile_image_low_resolution(own, make_ctx(Platform.LINKEDIN)).status is Status.WARN


def test_real_linkedin_logo_rendition_is_not_judged() -> None:
    from tests.test_platform_linkedin import real

    _linkedin_logo_is_not_judged(real("metascraper_linkedin_company_audiense_guest_2024-10.html"))


# --- a timeline that lists only some posts ------------------------------------------------


def test_x_media_tab_alone_does_not_call_the_account_dormant() -> None:
    """X's Media tab lists only posts with images or video. XDevelopers' real Media tab of
    March 2025 ends in October 2024, while its UserTweets of the same week shows a post from
    5 days before: 'The profile looks dormant: last post 148 days ago' was false. With the
    posts timeline too, the cadence is judged again."""
    from audit.model import Brand
    from audit.pipeline import audit_profiles
    from tests.test_platform_x import real

    when = ExtractContext(captured_at=datetime(2025, 3, 10, tzinfo=timezone.utc))
    media = real("twscrape_user_media_XDevelopers_legacy_2025-03.json")
    tweets = real("twscrape_user_tweets_XDevelopers_legacy_2025-03.json")
    alone = x.extract(media, when)
    assert alone.posts[0].created_at and alone.posts[0].created_at.year == 2024
    assert "Media tab" in alone.not_observed["timeline"]
    checks = {c.id: c for c in audit_profiles([alone], Brand()).profiles[0].checks}
    for check_id in ("CAD001", "CAD002", "CAD003", "ALT004"):
        assert checks[check_id].status is Status.NA, checks[check_id]
    both = x.extract(media + tweets, when)
    assert "timeline" not in both.not_observed
    ctx = make_ctx(Platform.X, now=when.captured_at)
    assert cad.dormant_profile(both, ctx).status is Status.PASS


def test_x_media_grid_is_told_apart_by_its_entries(tmp_path: Path) -> None:
    """The invented bakery's UserTweets, with its entries renamed the way the Media tab names
    them ('profile-grid-0-tweet-...'), read from a file with no URL to name the operation."""
    from audit.documents import load_file

    page = Path(__file__).parent / "fixtures" / "x"
    tweets = (page / "bluedoorbakery_user_tweets.json").read_text(encoding="utf-8")
    assert '"entryId": "tweet-' in tweets
    grid = tmp_path / "media.json"
    grid.write_text(tweets.replace('"entryId": "tweet-', '"entryId": "profile-grid-0-tweet-'))
    user = load_file(page / "bluedoorbakery_user_by_screen_name.json")
    ctx = ExtractContext(captured_at=NOW)
    from_grid = x.extract(user + load_file(grid), ctx)
    assert from_grid.posts and "timeline" in from_grid.not_observed
    from_posts = x.extract(user + load_file(page / "bluedoorbakery_user_tweets.json"), ctx)
    assert from_posts.posts and "timeline" not in from_posts.not_observed


# --- a bio the input cuts off ---------------------------------------------------------------


def test_a_cut_off_bio_is_not_judged_on_what_it_lacks() -> None:
    """A bio read from a meta tag that cuts it off ('... For customer support,...') may end
    with the call to action or the keyword: their absence in the part shown proves nothing,
    their presence still passes."""
    from checks import bio as bio_checks

    cut = {"bio_end": "the intro was read from a meta tag that cuts it off"}
    shown = "Welcome to the official page of Kolesarnica Rog! For repairs,..."
    p = make_profile(Platform.FACEBOOK, bio=shown, not_observed=cut)
    ctx = make_ctx(Platform.FACEBOOK, keywords=["servis koles"])
    assert_result(bio_checks.bio_no_cta(p, ctx), Status.NA, None, "part of the intro shown")
    assert_result(key.keyword_not_in_bio(p, ctx), Status.NA, None, "cuts it off")
    whole = make_profile(Platform.FACEBOOK, bio=shown)
    assert bio_checks.bio_no_cta(whole, ctx).status is Status.WARN
    assert key.keyword_not_in_bio(whole, ctx).status is Status.FAIL
    with_kw = make_profile(Platform.FACEBOOK, bio="Servis koles in Ljubljana...", not_observed=cut)
    assert key.keyword_not_in_bio(with_kw, ctx).status is Status.PASS


def test_real_nintendo_intro_cut_off_by_its_meta_tag() -> None:
    from audit.platforms import facebook
    from tests.test_platform_facebook import real as fb_real

    p = facebook.extract(
        fb_real("m_facebook_Nintendo_post_4194934713924283_2021-06-08.html"),
        ExtractContext(captured_at=NOW),
    )
    assert p.bio and p.bio.endswith("For customer support,")
    assert "cuts it off" in p.not_observed["bio_end"]
    from checks import bio as bio_checks

    assert bio_checks.bio_no_cta(p, make_ctx(Platform.FACEBOOK)).status is Status.NA


def test_bio006_says_which_keywords_come_later_in_plain_english() -> None:
    from checks import bio as bio_checks

    p = make_profile(Platform.YOUTUBE, bio="Hi all,\nBicycle repair and bicycle parts in Ljubljana")
    many = bio_checks.bio_first_line_weak(
        p, make_ctx(Platform.YOUTUBE, keywords=["repair", "parts"])
    )
    assert_result(many, Status.WARN, 0.5, "(repair, parts appear only further down)")
    one = bio_checks.bio_first_line_weak(p, make_ctx(Platform.YOUTUBE, keywords=["repair"]))
    assert_result(one, Status.WARN, 0.5, "(repair appears only further down)")
