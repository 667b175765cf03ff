"""KEY001-KEY007, the plain matcher and the lemma-aware one for target keywords."""

from __future__ import annotations

import pytest

from audit.model import Platform, Profile
from audit.result import Status
from checks import bio
from checks import hashtags as hsh
from checks import keywords as key
from checks.keywords import keyword_in, target_in
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


class TestTargetIn:
    """Target keywords match in any inflection: the spaCy pipelines behind audit.nlp."""

    @pytest.mark.parametrize(
        ("text", "keyword", "lang", "expected"),
        [
            ("Blue Door Bakery", "bakeries", "en", True),
            ("Best bakeries in Austin", "bakery", "en", True),
            ("Najboljša pekarna v Ljubljani", "pekarni", "sl", True),
            ("Kruh iz naše pekarne", "pekarna", None, True),
            ("Café de Flore", "cafe", None, True),
            ("bakery in austin", "bakery austin", "en", False),
            ("party", "art", None, False),
        ],
    )
    def test_inflections(self, text: str, keyword: str, lang: str | None, expected: bool) -> None:
        assert target_in(text, keyword, lang) is expected

    def test_the_plain_matcher_stays_plain(self) -> None:
        # Call-to-action words and other fixed lists: an inflection is another word.
        assert not keyword_in("Best bakeries in Austin", "bakery")


EN_BIO = "We bake sourdough bread and pastries every morning in East Austin."


class TestInflectionsThroughTheChecks:
    def test_key001_name_field(self) -> None:
        p = make_profile(display_name="Blue Door Bakery", bio=EN_BIO)
        r = key.keyword_not_in_name(p, make_ctx(keywords=["bakeries"]))
        assert_result(r, Status.PASS, 1.0, "contains bakeries")

    def test_key002_slovenian_bio(self) -> None:
        p = make_profile(bio="Najboljša pekarna v centru Ljubljane. Kruh z drožmi vsak dan.")
        r = key.keyword_not_in_bio(p, make_ctx(keywords=["pekarni"]))
        assert_result(r, Status.PASS, 1.0, "contains pekarni")

    def test_key003_captions(self) -> None:
        posts = [post(1, 1, "Our bakeries open at seven"), post(2, 2, "Monday mood")]
        r = key.keyword_coverage_captions(make_profile(posts=posts), make_ctx(keywords=["bakery"]))
        assert_result(r, Status.PASS, 0.5, "1 of 2 recent posts")

    def test_bio006_first_line(self) -> None:
        p = make_profile(bio="Sveže pekarne v Ljubljani\nOdprto vsak dan")
        r = bio.bio_first_line_weak(p, make_ctx(keywords=["pekarna"]))
        assert_result(r, Status.PASS, 1.0)

    def test_hsh003_caption_fold(self) -> None:
        p = make_profile(posts=[post(1, 1, "Fresh croissants from both our bakeries today")])
        r = hsh.caption_keyword_late(p, make_ctx(keywords=["bakery"]))
        assert_result(r, Status.PASS, 1.0, "(1)")

    def test_key004_counts_inflections(self) -> None:
        p = make_profile(bio="Cake shops: cake shop, cake-shop, Cake Shops and a cake shop.")
        r = key.keyword_stuffing(p, make_ctx(keywords=["cake shop"]))
        assert_result(r, Status.WARN, 0.5, "keyword 'cake shop' appears 5 times")

    def test_key005_handle_holds_the_lemma(self) -> None:
        p = make_profile(handle="modrabakery", bio=EN_BIO)
        r = key.handle_searchable(p, make_ctx(keywords=["bakeries"]))
        assert_result(r, Status.PASS, 1.0, "bakery")


class TestKeywordDiscoverability:
    def test_pass_when_every_keyword_is_in_the_name_field(self) -> None:
        p = make_profile(display_name="Blue Door Bakery · Sourdough", bio=EN_BIO)
        r = key.keyword_discoverability(p, make_ctx(keywords=["bakeries", "sourdough"]))
        assert_result(
            r,
            Status.PASS,
            1.0,
            "Findable on Instagram for 2 of 2 target keywords (mean field weight 1.00)",
            "strongest: 'bakeries' in the name field, handle",
        )
        assert [(e.field, e.value) for e in r.evidence] == [
            ("keyword 'bakeries'", "name field, handle"),
            ("keyword 'sourdough'", "name field, bio"),
        ]
        assert r.fix is None

    def test_warn_names_the_missing_keyword(self) -> None:
        p = make_profile(handle="modravrata", display_name="Modra Vrata", bio=EN_BIO)
        r = key.keyword_discoverability(p, make_ctx(keywords=["sourdough", "croissants"]))
        assert_result(
            r,
            Status.WARN,
            0.3,
            "1 of 2",
            "strongest: 'sourdough' in the bio",
            "missing: 'croissants'",
        )
        assert r.fix and "name field" in r.fix

    def test_fail_when_found_nowhere(self) -> None:
        p = make_profile(handle="modravrata", display_name="Modra Vrata", bio="Good vibes only ✨")
        r = key.keyword_discoverability(p, make_ctx(keywords=["sourdough", "ljubljana bakery"]))
        assert_result(r, Status.FAIL, 0.0, "0 of 2", "missing: 'sourdough', 'ljubljana bakery'")
        assert r.evidence[0].value == "not found"

    def test_a_field_the_platform_does_not_read(self) -> None:
        p = make_profile(
            Platform.TIKTOK, handle="modravrata", display_name="Modra Vrata", bio=EN_BIO
        )
        r = key.keyword_discoverability(p, make_ctx(p, keywords=["sourdough"]))
        assert_result(
            r, Status.FAIL, 0.0, "'sourdough' is only in the bio, which TikTok search does not read"
        )

    def test_platform_labels_for_the_bio(self) -> None:
        p = make_profile(Platform.YOUTUBE, handle="modravrata", bio=EN_BIO)
        r = key.keyword_discoverability(p, make_ctx(p, keywords=["sourdough"]))
        assert_result(r, Status.PASS, 0.6, "in the channel description")

    def test_na_when_the_input_cannot_show_the_searched_fields(self) -> None:
        p = make_profile(
            handle="modravrata",
            not_observed={"bio": "the data export has no bio", "posts": "no posts"},
        )
        r = key.keyword_discoverability(p, make_ctx(keywords=["sourdough"]))
        assert_result(r, Status.NA, None, "the data export has no bio")

    def test_judged_when_something_was_found_despite_blind_spots(self) -> None:
        p = make_profile(
            display_name="Sourdough House", not_observed={"bio": "the data export has no bio"}
        )
        r = key.keyword_discoverability(p, make_ctx(keywords=["sourdough"]))
        assert_result(r, Status.PASS, 1.0)

    def test_manual_without_keywords(self) -> None:
        r = key.keyword_discoverability(make_profile(display_name="Blue Door"), make_ctx())
        assert_result(r, Status.MANUAL, None, "No target keywords")

    def test_registered_in_the_keywords_family(self) -> None:
        from checks import REGISTRY

        ids = [c.meta.id for c in REGISTRY]
        assert ids.index("KEY007") == ids.index("KEY005") + 1
        assert key.KEY007.category.value == "keywords" and key.KEY007.weight == 3
