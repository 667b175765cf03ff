"""CON001-CON003: the same handle, name and website everywhere (brand level)."""

from __future__ import annotations

from audit.model import Link, Platform
from audit.result import Status
from checks import consistency as con
from tests.checks_kit import assert_result, make_ctx, make_profile


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
