"""GEO001-GEO003: public location, geotags, agreement with the brand's location."""

from __future__ import annotations

from audit.model import Place, Platform, Post
from audit.result import Status
from checks import local as geo
from tests.checks_kit import assert_result, make_ctx, make_profile, post

AUSTIN = Place(name="Blue Door Bakery", city="Austin", country="US")
DALLAS = Place(name="Deep Ellum Market", city="Dallas", country="US")


class TestLocationNotPublic:
    def test_pass_with_profile_location(self) -> None:
        p = make_profile(location=Place(city="Austin", country="US"))
        r = geo.location_not_public(p, make_ctx())
        assert_result(r, Status.PASS, 1.0, "location 'Austin, US'")

    def test_pass_with_a_pin_line(self) -> None:
        p = make_profile(bio="Sourdough bakery\n📍 12 E 6th St")
        r = geo.location_not_public(p, make_ctx())
        assert_result(r, Status.PASS, 1.0, "📍 line '📍 12 E 6th St'")

    def test_pass_with_the_brand_city_in_the_bio(self) -> None:
        p = make_profile(bio="Sourdough bakery in East Austin")
        r = geo.location_not_public(p, make_ctx(location="Austin, TX"))
        assert_result(r, Status.PASS, 1.0, "Austin in the bio")

    def test_fail_for_a_local_business(self) -> None:
        p = make_profile(bio="Sourdough bakery 🥖 Fresh daily")
        r = geo.location_not_public(p, make_ctx(local=True, location="Austin, TX"))
        assert_result(r, Status.FAIL, 0.0, "No location", "local business")

    def test_warn_otherwise(self) -> None:
        p = make_profile(bio="Online sourdough courses")
        assert_result(geo.location_not_public(p, make_ctx()), Status.WARN, 0.5, "No location")


class TestPostsNotGeotagged:
    def _posts(self, tagged: int, total: int) -> list[Post]:
        return [post(i, i, "x", location=AUSTIN if i < tagged else None) for i in range(total)]

    def test_pass_for_local_from_half(self) -> None:
        p = make_profile(posts=self._posts(6, 12))
        r = geo.posts_not_geotagged(p, make_ctx(local=True))
        assert_result(r, Status.PASS, 1.0, "6 of 12 recent posts carry a location tag")

    def test_warn_for_local_below_half(self) -> None:
        p = make_profile(posts=self._posts(3, 12))
        assert_result(geo.posts_not_geotagged(p, make_ctx(local=True)), Status.WARN, 0.5, "3 of 12")

    def test_fail_for_local_below_10_percent(self) -> None:
        p = make_profile(posts=self._posts(0, 12))
        assert_result(geo.posts_not_geotagged(p, make_ctx(local=True)), Status.FAIL, 0.0, "0 of 12")

    def test_non_local_warns_below_10_percent(self) -> None:
        p = make_profile(posts=self._posts(0, 12))
        assert_result(geo.posts_not_geotagged(p, make_ctx()), Status.WARN, 0.0)
        p = make_profile(posts=self._posts(2, 12))
        assert_result(geo.posts_not_geotagged(p, make_ctx()), Status.PASS, 1.0)

    def test_na_without_posts(self) -> None:
        assert_result(geo.posts_not_geotagged(make_profile(), make_ctx()), Status.NA, None)

    def test_only_where_posts_take_location_tags(self) -> None:
        assert geo.posts_not_geotagged.meta.applies_to(Platform.FACEBOOK)
        assert not geo.posts_not_geotagged.meta.applies_to(Platform.X)


class TestLocationInconsistent:
    def test_pass(self) -> None:
        p = make_profile(location=Place(city="Austin"), posts=[post(1, 1, location=AUSTIN)])
        r = geo.location_inconsistent(p, make_ctx(location="Austin, TX", name="Blue Door Bakery"))
        assert_result(r, Status.PASS, 1.0, "The profile location and 1 of 1 geotags match Austin")

    def test_warn_on_profile_location_elsewhere(self) -> None:
        p = make_profile(location=Place(city="Dallas", country="US"))
        r = geo.location_inconsistent(p, make_ctx(location="Austin, TX"))
        assert_result(r, Status.WARN, 0.5, "Profile location 'Dallas, US' is not in Austin")

    def test_warn_when_most_geotags_are_elsewhere(self) -> None:
        posts = [
            post(1, 1, location=DALLAS),
            post(2, 2, location=DALLAS),
            post(3, 3, location=AUSTIN),
        ]
        r = geo.location_inconsistent(make_profile(posts=posts), make_ctx(location="Austin"))
        assert_result(r, Status.WARN, 0.5, "2 of 3 geotags are not in Austin")

    def test_na_without_brand_location(self) -> None:
        p = make_profile(location=Place(city="Dallas"))
        assert_result(geo.location_inconsistent(p, make_ctx()), Status.NA, None, "`location`")

    def test_na_with_nothing_to_compare(self) -> None:
        r = geo.location_inconsistent(make_profile(), make_ctx(location="Austin"))
        assert_result(r, Status.NA, None, "no location")
