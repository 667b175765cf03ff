"""Profile targets: URLs and platform:@handle for every platform, and clear refusals."""

from __future__ import annotations

import pytest

from audit.errors import InputError
from audit.model import Platform
from audit.resolve import resolve, resolve_many


@pytest.mark.parametrize(
    ("target", "platform", "handle", "url"),
    [
        ("instagram:@BlueDoorBakery", Platform.INSTAGRAM, "bluedoorbakery",
         "https://www.instagram.com/bluedoorbakery/"),
        ("https://www.instagram.com/modravrata.bakery/?hl=sl", Platform.INSTAGRAM,
         "modravrata.bakery", "https://www.instagram.com/modravrata.bakery/"),
        ("instagram.com/pekarna_ana", Platform.INSTAGRAM, "pekarna_ana",
         "https://www.instagram.com/pekarna_ana/"),
        ("https://www.tiktok.com/@odd.bakes?lang=en", Platform.TIKTOK, "odd.bakes",
         "https://www.tiktok.com/@odd.bakes"),
        ("https://www.youtube.com/@BlueDoorBakes/videos", Platform.YOUTUBE, "BlueDoorBakes",
         "https://www.youtube.com/@BlueDoorBakes"),
        ("https://www.youtube.com/channel/UCsXVk37bltHxD1rDPwtNM8Q", Platform.YOUTUBE,
         "UCsXVk37bltHxD1rDPwtNM8Q", "https://www.youtube.com/channel/UCsXVk37bltHxD1rDPwtNM8Q"),
        ("https://m.facebook.com/BlueDoorBakery/", Platform.FACEBOOK, "BlueDoorBakery",
         "https://www.facebook.com/BlueDoorBakery"),
        ("https://www.facebook.com/profile.php?id=100064123456789", Platform.FACEBOOK,
         "100064123456789", "https://www.facebook.com/profile.php?id=100064123456789"),
        ("https://www.pinterest.co.uk/bluedoorbakes/", Platform.PINTEREST, "bluedoorbakes",
         "https://www.pinterest.com/bluedoorbakes/"),
        ("https://twitter.com/BlueDoorBakes", Platform.X, "BlueDoorBakes",
         "https://x.com/BlueDoorBakes"),
        ("x:@BlueDoorBakes", Platform.X, "BlueDoorBakes", "https://x.com/BlueDoorBakes"),
        ("https://www.linkedin.com/company/blue-door-bakery/about/", Platform.LINKEDIN,
         "blue-door-bakery", "https://www.linkedin.com/company/blue-door-bakery/"),
        ("https://www.threads.net/@bluedoorbakery", Platform.THREADS, "bluedoorbakery",
         "https://www.threads.com/@bluedoorbakery"),
        ("https://bsky.app/profile/modravrata.si", Platform.BLUESKY, "modravrata.si",
         "https://bsky.app/profile/modravrata.si"),
        ("bsky:@pekarna", Platform.BLUESKY, "pekarna.bsky.social",
         "https://bsky.app/profile/pekarna.bsky.social"),
        ("https://mastodon.social/@bluedoor", Platform.MASTODON, "bluedoor@mastodon.social",
         "https://mastodon.social/@bluedoor"),
        ("mastodon:@bluedoor@Fosstodon.org", Platform.MASTODON, "bluedoor@fosstodon.org",
         "https://fosstodon.org/@bluedoor"),
        ("https://www.google.com/maps/place/Modra+Vrata+Pekarna/@46.05,14.51,17z",
         Platform.GOOGLE_BUSINESS, "Modra Vrata Pekarna",
         "https://www.google.com/maps/place/Modra+Vrata+Pekarna/"),
    ],
)  # fmt: skip
def test_resolves_each_platform(target: str, platform: Platform, handle: str, url: str) -> None:
    ref = resolve(target)
    assert (ref.platform, ref.handle, ref.url) == (platform, handle, url)
    assert ref.raw == target


@pytest.mark.parametrize(
    ("target", "fragment"),
    [
        ("instagram:@", "no handle given"),
        ("instagram:", "no handle given"),
        ("myspace:@bluedoor", "unknown platform 'myspace'"),
        ("https://www.instagram.com/p/CPeC-Eenc8l/", "not a profile URL"),
        ("https://example.com/about", "not a profile URL"),
        ("x:@this_handle_is_far_too_long", "not a valid X username"),
        ("mastodon:@bluedoor", "user@instance"),
        ("", "empty profile target"),
    ],
)
def test_refuses_with_a_reason(target: str, fragment: str) -> None:
    with pytest.raises(InputError) as exc:
        resolve(target)
    assert fragment in str(exc.value)


def test_resolve_many_keeps_each_profile_once() -> None:
    refs = resolve_many(
        ["instagram:@BlueDoor", "https://www.instagram.com/bluedoor/", "bsky:@bluedoor"]
    )
    assert [(r.platform, r.handle) for r in refs] == [
        (Platform.INSTAGRAM, "bluedoor"),
        (Platform.BLUESKY, "bluedoor.bsky.social"),
    ]


def test_ref_key_is_filesystem_safe() -> None:
    ref = resolve("mastodon:@bluedoor@mastodon.social")
    assert ref.key == "mastodon-bluedoor_mastodon.social"
