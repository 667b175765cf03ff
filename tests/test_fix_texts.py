"""Fix sentences a brand can use: its own platform's screens, its own words, no bakery.

A fix shown on a profile is read by that profile's owner. It must not send a LinkedIn page to
Instagram's 'Advanced settings', tell NASA to caption 'Our sourdough loaf, fresh from the oven
in Austin', or quote Instagram's 30-character name limit to a Facebook Page. The check docs
(`findable checks --explain`) keep their bakery example; the report never shows it to anyone
else.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone

import pytest

from audit.model import Brand, CaptureInfo, Link, Platform, Profile
from audit.result import Status
from checks import REGISTRY
from checks.suggest import enrich
from tests.checks_kit import NOW, image, make_ctx, post
from tests.realdata import realdata

# Words of the documentation's example business: a report shows them to no other brand.
_EXAMPLE_BUSINESS = re.compile(
    r"austin|blue ?door|sourdough|bakery|morning bake|pickup|cinnamon", re.IGNORECASE
)


def _foreign_platform_ui(fix: str, platform: Platform) -> list[str]:
    """Phrases that address another platform's screens or limits in `fix`."""
    out = [
        phrase
        for other in Platform
        if other is not platform
        for phrase in (f"{other.label}:", f"({other.label})", f"{other.label} allows")
        if phrase in fix
    ]
    if platform is not Platform.INSTAGRAM and "Advanced settings" in fix:
        out.append("Advanced settings")  # Instagram's alt text menu
    return out


def _assert_fixes_fit(profile: Profile, fixes: list[tuple[str, str]], own_words: str) -> None:
    for check_id, fix in fixes:
        wrong = _foreign_platform_ui(fix, profile.platform)
        assert not wrong, f"{profile.platform.value} {check_id}: {wrong} in {fix!r}"
        for other in Platform:  # no other platform's shop, screens or rules at all
            named = re.search(rf"\b{re.escape(other.label)}\b", fix)
            if other is not profile.platform and named and other.label not in own_words:
                raise AssertionError(
                    f"{profile.platform.value} {check_id}: {other.label} in {fix!r}"
                )
        for word in _EXAMPLE_BUSINESS.findall(fix):
            assert word.casefold() in own_words.casefold(), (
                f"{profile.platform.value} {check_id}: example word {word!r} in {fix!r}"
            )


def _bike_shop(platform: Platform) -> Profile:
    """An invented Ljubljana bicycle workshop, weak on everything a check can fail."""
    return Profile(
        platform=platform,
        handle="kolesarnica_rog22",
        display_name="Kolesarnica Rog Ljubljana d.o.o. servis",
        bio="✨ Od leta 2009 ✨\nServis koles in rezervni deli v centru Ljubljane",
        links=[Link(url="http://bit.ly/rog")],
        posts=[
            post(i, 9 + i * 11, "Nova sezona se začenja!", media=[image(None)]) for i in range(5)
        ],
        capture=CaptureInfo(captured_at=NOW),
    )


@pytest.mark.parametrize("platform", list(Platform), ids=lambda p: p.value)
def test_fixes_name_this_platform_and_no_example_business(platform: Platform) -> None:
    profile = _bike_shop(platform)
    ctxs = [
        make_ctx(platform, keywords=["servis koles", "kolesa"], location="Ljubljana"),
        make_ctx(platform, keywords=["kolesa"], proposed=True),
    ]
    fixes = []
    for ctx in ctxs:
        for check in REGISTRY:
            r = enrich(check(profile, ctx), check.meta, profile, ctx)
            if r.status in (Status.WARN, Status.FAIL) and r.fix:
                fixes.append((r.id, r.fix))
    assert len(fixes) >= 8  # the profile fails enough checks for this to mean something
    _assert_fixes_fit(profile, fixes, "servis koles kolesa ljubljana")


def test_key001_fix_names_the_platforms_own_limit_or_the_lack_of_room() -> None:
    from checks import keywords as key

    long_name = _bike_shop(Platform.INSTAGRAM)
    ctx = make_ctx(Platform.INSTAGRAM, keywords=["kolesa"])
    r = enrich(key.keyword_not_in_name(long_name, ctx), key.KEY001, long_name, ctx)
    assert r.status is Status.FAIL and not r.suggestions
    assert r.fix and "Instagram allows 30 characters" in r.fix and "no room for 'kolesa'" in r.fix
    page = Profile(platform=Platform.FACEBOOK, handle="rog", display_name="Rog", posts=[])
    fctx = make_ctx(Platform.FACEBOOK, keywords=["kolesa"])
    r = enrich(key.keyword_not_in_name(page, fctx), key.KEY001, page, fctx)
    assert r.fix and "Rog | Kolesa" in r.fix and "Instagram" not in r.fix


def test_bio006_moves_the_owners_own_keyword_line() -> None:
    from checks import bio

    profile = _bike_shop(Platform.YOUTUBE)
    ctx = make_ctx(Platform.YOUTUBE, keywords=["servis koles"])
    r = bio.bio_first_line_weak(profile, ctx)
    r = enrich(r, bio.BIO006, profile, ctx)
    assert r.status is Status.WARN
    assert r.fix and "'Servis koles in rezervni deli v centru Ljubljane'" in r.fix


# --- real captures, audited without keywords the way a first-time user would -------------

_REAL = [
    ("youtube", "innertube_browse_channel_videos_kurzgesagt_2024-11.body.json"),
    ("youtube", "innertube_browse_channel_videos_gronkh_2026-05.body.json"),
    ("linkedin", "brocc_linkedin_company_motion_posts_loggedin_2025-04.html"),
    ("facebook", "graphapi_page_feed_fbdevelopers_p1.json"),
    ("pinterest", "scrapfly_normalized_profile_nasa_2026-08.json"),
    ("pinterest", "page_profile_idenconvey_2024-11.html"),
    ("twitter", "twscrape_user_media_XDevelopers_2026.json"),
    ("instagram", "graphapi_business_discovery_user_fbdevelopers.json"),
    ("bluesky", "brocc_bskyapp_profile_kpitzen_rendered_loggedin_2025-04.html"),
]
_WITH = {
    "graphapi_page_feed_fbdevelopers_p1.json": "graphapi_pages_multi_fbdevelopers_facebookapp.json",
    "twscrape_user_media_XDevelopers_2026.json": "twscrape_user_by_login_XDevelopers_2026.json",
    "graphapi_business_discovery_user_fbdevelopers.json": (
        "graphapi_business_discovery_media_p1.json"
    ),
    "brocc_linkedin_company_motion_posts_loggedin_2025-04.html": (
        "brocc_linkedin_company_motion_about_loggedin_2025-04.html"
    ),
}


@pytest.mark.parametrize(("folder", "name"), _REAL, ids=[n for _, n in _REAL])
def test_real_brands_get_fixes_in_their_own_terms(folder: str, name: str) -> None:
    from audit.pipeline import audit_profiles
    from audit.runner import extract_files

    files = [realdata(folder, name)]
    if name in _WITH:
        files.append(realdata(folder, _WITH[name]))
    platform = "x" if folder == "twitter" else folder
    when = datetime(2026, 12, 1, tzinfo=timezone.utc)
    profile = extract_files(files, platform, when)
    result = audit_profiles([profile], Brand())
    audited = result.profiles[0]
    own = " ".join(
        [profile.display_name or "", profile.bio or ""]
        + [p.caption or "" for p in profile.posts]
        + list(result.keywords)
    )
    fixes = [
        (c.id, c.fix) for c in audited.checks if c.status in (Status.WARN, Status.FAIL) and c.fix
    ]
    assert fixes
    _assert_fixes_fit(profile, fixes, own)


def test_geo001_sends_each_platform_to_its_own_location_field() -> None:
    from checks import local

    fixes = {}
    for platform in (Platform.INSTAGRAM, Platform.BLUESKY, Platform.X):
        profile = Profile(platform=platform, handle="rog", bio="Servis koles", posts=[])
        ctx = make_ctx(platform, local=True)
        r = enrich(local.location_not_public(profile, ctx), local.GEO001, profile, ctx)
        assert r.status is Status.FAIL
        fixes[platform] = r.fix or ""
    assert "Contact options > Business address" in fixes[Platform.INSTAGRAM]
    assert "Bluesky profiles have no location field" in fixes[Platform.BLUESKY]
    assert "Edit profile > Location" in fixes[Platform.X]
    assert not any("contact/location options" in fix for fix in fixes.values())


def test_brand_level_fixes_assume_no_profile_the_brand_lacks() -> None:
    """VID002 told brands audited on Bluesky, LinkedIn or Google only to post 'Reels on your
    Instagram'."""
    from audit.pipeline import audit_profiles

    shop = _bike_shop(Platform.BLUESKY)
    result = audit_profiles([shop], Brand(name="Kolesarnica Rog", keywords=["kolesa"]))
    vid002 = next(c for c in result.brand_checks if c.id == "VID002")
    assert vid002.status is Status.FAIL and vid002.fix
    assert "your Instagram" not in vid002.fix
    for c in result.brand_checks:
        if c.status in (Status.WARN, Status.FAIL) and c.fix:
            assert not _EXAMPLE_BUSINESS.search(c.fix), c
