"""LNK001-LNK004: a link exists, is well-formed, is tracked, and an aggregator is explained."""

from __future__ import annotations

from audit.model import Link, Platform
from audit.result import Status
from checks import links as lnk
from tests.checks_kit import assert_result, make_ctx, make_profile


class TestWebsiteLinkMissing:
    def test_pass_with_a_link_field(self) -> None:
        p = make_profile(links=[Link(url="https://bluedoorbakery.com")])
        r = lnk.website_link_missing(p, make_ctx())
        assert_result(r, Status.PASS, 1.0, "1 link: https://bluedoorbakery.com")
        assert r.evidence[0].field == "links[0].url"

    def test_pass_with_a_url_in_the_bio(self) -> None:
        p = make_profile(
            Platform.MASTODON, handle="bd@m.social", bio="Menu: bluedoorbakery.com/menu"
        )
        r = lnk.website_link_missing(p, make_ctx(Platform.MASTODON))
        assert_result(r, Status.PASS, 1.0, "bluedoorbakery.com/menu")
        assert r.evidence[0].field == "bio"

    def test_warn_when_only_in_an_unclickable_bio(self) -> None:
        p = make_profile(bio="Order at bluedoorbakery.com")
        r = lnk.website_link_missing(p, make_ctx())
        assert_result(r, Status.WARN, 0.5, "bluedoorbakery.com is written in the bio", "clickable")

    def test_email_domain_is_not_a_link(self) -> None:
        p = make_profile(bio="Orders: hello@bluedoorbakery.com")
        assert_result(lnk.website_link_missing(p, make_ctx()), Status.FAIL, 0.0)

    def test_instagram_redirect_is_unwrapped(self) -> None:
        wrapped = "https://l.instagram.com/?u=https%3A%2F%2Fbluedoorbakery.com%2F&e=AT0"
        p = make_profile(links=[Link(url=wrapped)])
        r = lnk.website_link_missing(p, make_ctx())
        assert_result(r, Status.PASS, 1.0, "https://bluedoorbakery.com/")

    def test_fail(self) -> None:
        r = lnk.website_link_missing(make_profile(bio="Sourdough bakery"), make_ctx())
        assert_result(r, Status.FAIL, 0.0, "No website link", "bio has no URL")
        assert r.fix

    def test_fail_on_tiktok_says_when_links_are_allowed(self) -> None:
        p = make_profile(Platform.TIKTOK)
        r = lnk.website_link_missing(p, make_ctx(Platform.TIKTOK))
        assert_result(r, Status.FAIL, 0.0, "1,000 followers")


class TestWebsiteLinkNotHttps:
    def test_pass(self) -> None:
        p = make_profile(links=[Link(url="https://bluedoorbakery.com")], bio="bluedoor.com/x")
        r = lnk.website_link_not_https(p, make_ctx())
        assert_result(r, Status.PASS, 1.0, "Every link (2) is a well-formed")

    def test_warn_for_http_and_shortener(self) -> None:
        p = make_profile(
            links=[
                Link(url="http://bluedoorbakery.com"),
                Link(url="https://bit.ly/3xYz"),
                Link(url="https://bluedoorbakery.com/menu"),
            ]
        )
        r = lnk.website_link_not_https(p, make_ctx())
        assert_result(
            r, Status.WARN, 1 / 3, "http://bluedoorbakery.com uses http", "bare URL shortener"
        )
        assert [e.field for e in r.evidence] == ["links[0].url", "links[1].url"]

    def test_warn_for_a_malformed_link(self) -> None:
        p = make_profile(links=[Link(url="htp:/bluedoor")])
        r = lnk.website_link_not_https(p, make_ctx())
        assert_result(r, Status.WARN, 0.0, "does not parse")

    def test_na_without_links(self) -> None:
        assert_result(lnk.website_link_not_https(make_profile(), make_ctx()), Status.NA, None)


class TestLinkNotTracked:
    def test_pass(self) -> None:
        url = "https://bluedoorbakery.com/?utm_source=instagram&utm_medium=social"
        r = lnk.link_not_tracked(make_profile(links=[Link(url=url)]), make_ctx())
        assert_result(r, Status.PASS, 1.0, "Every website link (1) carries UTM")

    def test_warn(self) -> None:
        p = make_profile(links=[Link(url="https://bluedoorbakery.com")])
        r = lnk.link_not_tracked(p, make_ctx())
        assert_result(r, Status.WARN, 0.0, "1 of 1", "https://bluedoorbakery.com", "Instagram")

    def test_na_for_aggregators_and_social_links_only(self) -> None:
        p = make_profile(
            links=[Link(url="https://linktr.ee/bluedoor"), Link(url="https://wa.me/1")]
        )
        assert_result(lnk.link_not_tracked(p, make_ctx()), Status.NA, None, "own website")


class TestLinkAggregatorWithoutContext:
    def test_pass_when_the_bio_says_what_is_behind_it(self) -> None:
        p = make_profile(
            bio="Sourdough bakery · Order & menu ↓", links=[Link(url="https://linktr.ee/bd")]
        )
        r = lnk.link_aggregator_without_context(p, make_ctx())
        assert_result(r, Status.PASS, 1.0, "linktr.ee", "'order'")

    def test_pass_with_a_link_title(self) -> None:
        p = make_profile(links=[Link(url="https://beacons.ai/bd", title="Menu and orders")])
        r = lnk.link_aggregator_without_context(p, make_ctx())
        assert_result(r, Status.PASS, 1.0, "'Menu and orders'")

    def test_warn(self) -> None:
        p = make_profile(bio="Sourdough bakery", links=[Link(url="https://linktr.ee/bd")])
        r = lnk.link_aggregator_without_context(p, make_ctx())
        assert_result(r, Status.WARN, 0.5, "The linktr.ee link has no words")

    def test_na_without_aggregator(self) -> None:
        p = make_profile(links=[Link(url="https://bluedoorbakery.com")])
        r = lnk.link_aggregator_without_context(p, make_ctx())
        assert_result(r, Status.NA, None, "No link-in-bio aggregator")
