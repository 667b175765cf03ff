"""KEY001-KEY006 and the interim keyword matcher."""

from __future__ import annotations

import pytest

from audit.model import Platform, Profile
from audit.result import Status
from checks import keywords as key
from checks.keywords import keyword_in
from tests.checks_kit import assert_result, make_ctx, make_profile, post

KW = ["sourdough", "bakery austin"]


class TestKeywordIn:
    @pytest.mark.parametrize(
        ("text", "keyword", "expected"),
        [
            ("Sourdough Bakery", "bakery", True),
            ("BAKERY", "bakery", True),
            ("bakeryland", "bakery", False),
            ("the best-bakery", "bakery", True),
            ("Bakery  Austin", "bakery austin", True),
            ("bakery-austin", "bakery austin", True),
            ("bakery_austin", "bakery austin", True),
            ("bakery in austin", "bakery austin", False),
            ("Café de Flore", "cafe", True),
            ("cafe", "café", True),
            ("İstanbul fırını", "istanbul", True),
            ("Тошкентдаги нонвойхона", "нонвойхона", True),
            ("نانوایی تهران", "نانوایی", True),
            ("東京のパン屋さん", "パン屋", True),
            ("हिंदी बेकरी", "हिंदी", True),
            ("हिंदीवाला", "हिंदी", False),
            ("", "bakery", False),
            (None, "bakery", False),
            ("bakery", "  ", False),
        ],
    )
    def test_matches(self, text: str | None, keyword: str, expected: bool) -> None:
        assert keyword_in(text, keyword) is expected


class TestKeywordNotInName:
    def test_pass(self) -> None:
        p = make_profile(display_name="Blue Door Bakery Austin")
        r = key.keyword_not_in_name(p, make_ctx(keywords=KW))
        assert_result(r, Status.PASS, 1.0, "'Blue Door Bakery Austin'", "bakery austin")

    def test_fail_names_the_keywords(self) -> None:
        p = make_profile(display_name="Blue Door")
        r = key.keyword_not_in_name(p, make_ctx(keywords=KW))
        assert_result(r, Status.FAIL, 0.0, "'Blue Door'", "sourdough, bakery austin")

    def test_fail_when_name_empty(self) -> None:
        r = key.keyword_not_in_name(make_profile(), make_ctx(keywords=KW))
        assert_result(r, Status.FAIL, 0.0, "name field is empty")

    def test_manual_without_keywords(self) -> None:
        r = key.keyword_not_in_name(make_profile(display_name="Blue Door"), make_ctx())
        assert_result(r, Status.MANUAL, None, "No target keywords")
        assert r.fix


class TestKeywordNotInBio:
    def test_pass(self) -> None:
        p = make_profile(bio="Sourdough, baked daily")
        assert_result(key.keyword_not_in_bio(p, make_ctx(keywords=KW)), Status.PASS, 1.0)

    def test_fail(self) -> None:
        p = make_profile(bio="Good vibes & good bread ✨")
        r = key.keyword_not_in_bio(p, make_ctx(keywords=KW))
        assert_result(r, Status.FAIL, 0.0, "Bio contains none of the target keywords")

    def test_fail_when_empty(self) -> None:
        r = key.keyword_not_in_bio(make_profile(), make_ctx(keywords=KW))
        assert_result(r, Status.FAIL, 0.0, "Bio is empty")

    def test_manual_without_keywords(self) -> None:
        assert_result(key.keyword_not_in_bio(make_profile(), make_ctx()), Status.MANUAL, None)


class TestKeywordCoverageCaptions:
    def _profile(self, hits: int, total: int) -> Profile:
        posts = [
            post(i, i, "Fresh sourdough today" if i < hits else "Monday mood ☕")
            for i in range(total)
        ]
        return make_profile(posts=posts)

    def test_pass_at_half(self) -> None:
        r = key.keyword_coverage_captions(self._profile(6, 12), make_ctx(keywords=KW))
        assert_result(r, Status.PASS, 0.5, "6 of 12 recent posts")

    def test_warn_below_half(self) -> None:
        r = key.keyword_coverage_captions(self._profile(3, 12), make_ctx(keywords=KW))
        assert_result(r, Status.WARN, 0.25, "3 of 12 recent posts")

    def test_fail_below_a_fifth(self) -> None:
        r = key.keyword_coverage_captions(self._profile(1, 12), make_ctx(keywords=KW))
        assert_result(r, Status.FAIL, 1 / 12, "1 of 12 recent posts")
        assert r.evidence and r.evidence[0].value == "Monday mood ☕"

    def test_hashtags_count_split_from_camel_case(self) -> None:
        p = make_profile(posts=[post(1, 1, "Monday", hashtags=["BakeryAustin"])])
        r = key.keyword_coverage_captions(p, make_ctx(keywords=KW))
        assert_result(r, Status.PASS, 1.0, "1 of 1")

    def test_only_the_12_newest_own_posts(self) -> None:
        posts = [post(i, i, "sourdough") for i in range(12)]
        posts += [post(100 + i, 100 + i, "nothing") for i in range(5)]
        posts.append(post("rp", 0, "nothing", is_repost=True))
        r = key.keyword_coverage_captions(make_profile(posts=posts), make_ctx(keywords=KW))
        assert_result(r, Status.PASS, 1.0, "12 of 12")

    def test_na_without_posts(self) -> None:
        r = key.keyword_coverage_captions(make_profile(), make_ctx(keywords=KW))
        assert_result(r, Status.NA, None, "No own posts")

    def test_manual_without_keywords(self) -> None:
        r = key.keyword_coverage_captions(self._profile(1, 2), make_ctx())
        assert_result(r, Status.MANUAL, None)


class TestKeywordStuffing:
    def test_pass(self) -> None:
        p = make_profile(bio="Sourdough bakery in Austin. Bread and cakes baked daily.")
        assert_result(key.keyword_stuffing(p, make_ctx(keywords=KW)), Status.PASS, 1.0)

    def test_warn_on_repetition(self) -> None:
        p = make_profile(bio="bakery Bakery BAKERY austin bakery, best bakery")
        r = key.keyword_stuffing(p, make_ctx(keywords=KW))
        assert_result(r, Status.WARN, 0.5, "'bakery' appears 5 times")

    def test_warn_on_hashtag_wall(self) -> None:
        p = make_profile(bio="Bakery #bread #cake #food #yum #love #fresh")
        r = key.keyword_stuffing(p, make_ctx())
        assert_result(r, Status.WARN, 0.5, "6 hashtags")

    def test_function_words_do_not_count(self) -> None:
        p = make_profile(bio="The bread, the cake, the buns and the coffee and the tea and more")
        assert_result(key.keyword_stuffing(p, make_ctx()), Status.PASS, 1.0)

    def test_na_when_empty(self) -> None:
        assert_result(key.keyword_stuffing(make_profile(), make_ctx()), Status.NA, None)


class TestHandleSearchable:
    def test_pass_with_brand_words(self) -> None:
        r = key.handle_searchable(make_profile(), make_ctx(name="Blue Door Bakery"))
        assert_result(r, Status.PASS, 1.0, "@bluedoorbakery", "bakery")

    def test_warn_on_digit_run(self) -> None:
        p = make_profile(handle="bluedoor_bakery_2847")
        r = key.handle_searchable(p, make_ctx(name="Blue Door Bakery"))
        assert_result(r, Status.WARN, 0.5, "4-digit run '2847'")

    def test_warn_when_unrelated_to_brand(self) -> None:
        p = make_profile(handle="bdb_atx")
        r = key.handle_searchable(p, make_ctx(name="Blue Door Bakery", keywords=KW))
        assert_result(r, Status.WARN, 0.5, "no word of the brand name")

    def test_digits_in_the_brand_name_are_fine(self) -> None:
        p = make_profile(handle="studio2847")
        assert_result(key.handle_searchable(p, make_ctx(name="Studio 2847")), Status.PASS, 1.0)

    def test_bluesky_suffix_and_mastodon_instance_are_ignored(self) -> None:
        p = make_profile(Platform.BLUESKY, handle="bluedoor.bsky.social")
        r = key.handle_searchable(p, make_ctx(Platform.BLUESKY, name="Blue Door"))
        assert_result(r, Status.PASS, 1.0)
        m = make_profile(Platform.MASTODON, handle="bluedoor@mastodon.social")
        assert_result(key.handle_searchable(m, make_ctx(Platform.MASTODON)), Status.PASS, 1.0)

    def test_says_when_brand_relation_was_not_judged(self) -> None:
        r = key.handle_searchable(make_profile(), make_ctx())
        assert_result(r, Status.PASS, 1.0, "not judged")


class TestKeywordsUndefined:
    def test_pass_when_given(self) -> None:
        r = key.keywords_undefined([], make_ctx(keywords=KW))
        assert_result(r, Status.PASS, 1.0, "2 target keywords given")
        assert r.weight == 0

    def test_manual_when_proposed(self) -> None:
        r = key.keywords_undefined([], make_ctx(keywords=["sourdough"], proposed=True))
        assert_result(r, Status.MANUAL, None, "proposed", "sourdough")

    def test_manual_when_none(self) -> None:
        r = key.keywords_undefined([], make_ctx())
        assert_result(r, Status.MANUAL, None, "No target keywords", "KEY001")
