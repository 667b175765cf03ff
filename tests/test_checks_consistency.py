"""CON001-CON004: the same handle, name, website and profile image everywhere (brand level)."""

from __future__ import annotations

from audit.demo import build
from audit.images import dhash
from audit.model import Avatar, Link, Platform, Profile
from audit.result import Status
from checks import consistency as con
from tests.checks_kit import assert_result, make_ctx, make_profile
from tests.test_images import encode, logo, shop_photo


class TestHandleInconsistent:
    def test_pass_with_close_variants(self) -> None:
        profiles = [
            make_profile(Platform.INSTAGRAM, handle="bluedoorbakery"),
            make_profile(Platform.TIKTOK, handle="blue.door.bakery"),
            make_profile(Platform.BLUESKY, handle="bluedoorbakery.bsky.social"),
            make_profile(Platform.MASTODON, handle="bluedoorbakery@mastodon.social"),
        ]
        r = con.handle_inconsistent(profiles, make_ctx())
        assert_result(r, Status.PASS, 1.0, "agrees on all 4 profiles")

    def test_warn_names_the_odd_one(self) -> None:
        profiles = [
            make_profile(Platform.INSTAGRAM, handle="bluedoorbakery"),
            make_profile(Platform.PINTEREST, handle="bluedoorbakeryatx"),
            make_profile(Platform.TIKTOK, handle="bdb_austin"),
        ]
        r = con.handle_inconsistent(profiles, make_ctx())
        assert_result(r, Status.WARN, 2 / 3, "differs on 1 of 3", "@bdb_austin on TikTok")

    def test_na_with_one_profile(self) -> None:
        r = con.handle_inconsistent([make_profile()], make_ctx())
        assert_result(r, Status.NA, None, "Fewer than two")


class TestNameInconsistent:
    def test_pass_when_a_keyword_is_added(self) -> None:
        profiles = [
            make_profile(Platform.INSTAGRAM, display_name="Blue Door Bakery | Sourdough"),
            make_profile(Platform.TIKTOK, display_name="Blue Door Bakery"),
        ]
        assert_result(con.name_inconsistent(profiles, make_ctx()), Status.PASS, 1.0)

    def test_warn(self) -> None:
        profiles = [
            make_profile(Platform.INSTAGRAM, display_name="Blue Door Bakery"),
            make_profile(Platform.X, display_name="Blue Door Bakery"),
            make_profile(Platform.TIKTOK, display_name="BDB ATX"),
        ]
        r = con.name_inconsistent(profiles, make_ctx())
        assert_result(r, Status.WARN, 2 / 3, "'BDB ATX' on TikTok")

    def test_na_when_names_missing(self) -> None:
        profiles = [make_profile(display_name="Blue Door"), make_profile(Platform.X)]
        assert_result(con.name_inconsistent(profiles, make_ctx()), Status.NA, None)


class TestWebsiteInconsistent:
    def test_pass_same_domain(self) -> None:
        profiles = [
            make_profile(links=[Link(url="https://www.bluedoorbakery.com/?utm_source=ig")]),
            make_profile(Platform.X, bio="shop.bluedoorbakery.com/order"),
            make_profile(Platform.TIKTOK, links=[Link(url="https://linktr.ee/bd")]),
        ]
        r = con.website_inconsistent(profiles, make_ctx())
        assert_result(r, Status.PASS, 1.0, "agrees on all 2 profiles", "bluedoorbakery.com")

    def test_warn_against_the_brand_website(self) -> None:
        profiles = [
            make_profile(links=[Link(url="https://bluedoorbakery.com")]),
            make_profile(Platform.FACEBOOK, links=[Link(url="https://bluedoor-old.square.site")]),
        ]
        r = con.website_inconsistent(profiles, make_ctx(website="https://bluedoorbakery.com"))
        assert_result(r, Status.WARN, 0.5, "square.site on Facebook", "brand website")

    def test_country_second_level_domains(self) -> None:
        assert con.site_domain("https://shop.bluedoor.co.uk/x") == "bluedoor.co.uk"
        assert con.site_domain("bluedoor.com") == "bluedoor.com"

    def test_na_with_fewer_than_two_websites(self) -> None:
        profiles = [make_profile(links=[Link(url="https://bluedoorbakery.com")]), make_profile()]
        assert_result(con.website_inconsistent(profiles, make_ctx()), Status.NA, None)


def with_avatar(platform: Platform, phash: str | None, *, default: bool = False) -> Profile:
    url = f"https://cdn.example/{platform.value}/avatar.jpg"
    return make_profile(platform, avatar=Avatar(url=url, phash=phash, is_default=default))


LOGO = dhash(encode(logo(320), "PNG"))
LOGO_SMALL_JPEG = dhash(encode(logo(150), "JPEG", quality=60))
PHOTO = dhash(encode(shop_photo(), "JPEG"))


class TestAvatarInconsistent:
    def test_pass_when_the_same_logo_is_resized_and_reencoded(self) -> None:
        profiles = [
            with_avatar(Platform.INSTAGRAM, LOGO),
            with_avatar(Platform.TIKTOK, LOGO_SMALL_JPEG),
            with_avatar(Platform.BLUESKY, LOGO),
        ]
        r = con.avatar_inconsistent(profiles, make_ctx())
        assert_result(r, Status.PASS, 1.0, "same picture on all 3 profiles", "Bluesky")
        assert [e.source for e in r.evidence] == [p.avatar.url for p in profiles if p.avatar]

    def test_the_demo_logos_pass(self) -> None:
        ig = dhash(build.logo_png(build.IG_AVATAR_PX))
        bsky = dhash(build.logo_png(build.BSKY_AVATAR_PX, build.BSKY_AVATAR_BACKGROUND))
        profiles = [with_avatar(Platform.INSTAGRAM, ig), with_avatar(Platform.BLUESKY, bsky)]
        assert_result(con.avatar_inconsistent(profiles, make_ctx()), Status.PASS, 1.0)

    def test_warn_names_the_profile_with_another_picture(self) -> None:
        profiles = [
            with_avatar(Platform.INSTAGRAM, LOGO),
            with_avatar(Platform.TIKTOK, LOGO_SMALL_JPEG),
            with_avatar(Platform.BLUESKY, PHOTO),
        ]
        r = con.avatar_inconsistent(profiles, make_ctx())
        assert_result(r, Status.WARN, 2 / 3, "differs on 1 of 3", "Bluesky @bluedoorbakery (")
        assert "vs the image on Instagram @bluedoorbakery, TikTok @bluedoorbakery" in r.message
        assert r.fix

    def test_default_avatars_are_left_to_pro001(self) -> None:
        profiles = [
            with_avatar(Platform.INSTAGRAM, LOGO),
            with_avatar(Platform.TIKTOK, LOGO),
            with_avatar(Platform.X, PHOTO, default=True),
        ]
        r = con.avatar_inconsistent(profiles, make_ctx())
        assert_result(r, Status.PASS, 1.0, "all 2 profiles", "default avatar on X", "PRO001")

    def test_na_when_the_images_were_not_downloaded(self) -> None:
        profiles = [with_avatar(Platform.INSTAGRAM, None), with_avatar(Platform.BLUESKY, None)]
        r = con.avatar_inconsistent(profiles, make_ctx())
        assert_result(r, Status.NA, None, "not downloaded")

    def test_na_when_only_one_profile_has_an_image(self) -> None:
        profiles = [with_avatar(Platform.INSTAGRAM, LOGO), with_avatar(Platform.BLUESKY, None)]
        r = con.avatar_inconsistent(profiles, make_ctx())
        assert_result(r, Status.NA, None, "Only one profile", "Instagram @bluedoorbakery")

    def test_na_with_fewer_than_two_profile_images(self) -> None:
        profiles = [
            with_avatar(Platform.INSTAGRAM, LOGO),
            with_avatar(Platform.X, PHOTO, default=True),
            make_profile(Platform.BLUESKY),
        ]
        r = con.avatar_inconsistent(profiles, make_ctx())
        assert_result(r, Status.NA, None, "Fewer than two", "default avatar on X")
