"""Discoverability: the keyword x profile matrix, the simulated search against two invented
competitors (English, Slovenian, Persian), keyword proposals and suggestions."""

from __future__ import annotations

import pytest

from audit.discover import (
    build_discoverability,
    carries,
    field_weights,
    handle_words,
    lemma_form,
    ordinal,
    profile_cells,
    profile_texts,
    propose_keywords,
    suggest_keywords,
)
from audit.model import CaptureInfo, Outcome, Place, Platform, Profile
from audit.result import Discoverability, KeywordCell
from audit.site import SiteText
from tests.checks_kit import image, make_profile, post
from tests.realdata import realdata

# --- English: Blue Door (Instagram + TikTok) against Rival Bakeries and Crumb & Co -------

BRAND_IG = make_profile(
    handle="bluedoorbakery",
    display_name="Blue Door · Sourdough",
    bio="Sourdough bakery in East Austin 🥖\nFresh loaves daily · Order ↓",
    posts=[
        post(
            1,
            1,
            "Our sourdough loaf, fresh from the oven",
            hashtags=["SourdoughAustin"],
            media=[image("Round sourdough loaf on a wooden counter")],
        ),
        post(2, 2, "Birthday cakes to order!", location=Place(name="Blue Door Bakery")),
    ],
)
BRAND_TT = make_profile(
    Platform.TIKTOK,
    handle="bluedoor.atx",
    display_name="Blue Door Bakery",
    bio="Sourdough bakery in East Austin",
)
RIVAL_IG = make_profile(
    handle="rivalbakery",
    display_name="Rival Bakeries Austin",
    bio="Croissants and birthday cakes in Austin. Gluten-free options.",
    posts=[
        post(1, 1, "Gluten-free croissants are back", hashtags=["GlutenFree"]),
        post(2, 2, "Best croissants in Austin"),
    ],
)
CRUMB_IG = make_profile(
    handle="crumb_and_co",
    display_name="Crumb & Co",
    bio="Vegan bakery, East Austin",
    posts=[post(1, 1, "Gluten-free vegan croissants", hashtags=["VeganBakery"])],
)
CRUMB_TT = make_profile(
    Platform.TIKTOK,
    handle="crumbandco",
    display_name="Crumb & Co Vegan Bakery",
    posts=[post(1, 1, "Vegan croissants, gluten-free too")],
)
KEYWORDS = ["bakery", "sourdough", "croissants", "east austin"]


@pytest.fixture(scope="module")
def english() -> Discoverability:
    return build_discoverability(
        [BRAND_IG, BRAND_TT], [RIVAL_IG, CRUMB_IG, CRUMB_TT], KEYWORDS, proposed=False
    )


def cell(disc: Discoverability, keyword: str, handle: str) -> KeywordCell:
    return next(c for c in disc.cells if c.keyword == keyword and c.handle == handle)


class TestMatrix:
    def test_cells_name_the_fields_strongest_first(self, english: Discoverability) -> None:
        bakery = cell(english, "bakery", "bluedoorbakery")
        # Run-together handle, bio, and the place tagged on a post; not the name field.
        assert bakery.fields == ["handle", "bio", "location"]
        assert (bakery.score, bakery.strength) == (0.8, 1.5)
        assert not bakery.competitor
        sourdough = cell(english, "sourdough", "bluedoorbakery")
        assert sourdough.fields == ["name", "bio", "captions", "hashtags"]
        assert sourdough.score == 1.0
        # Instagram search does not read alt text: it carries the keyword, for nothing.
        assert sourdough.unindexed == ["alt"]

    def test_inflections_and_case_match(self, english: Discoverability) -> None:
        rival = cell(english, "bakery", "rivalbakery")
        assert rival.fields == ["name", "handle"]  # 'Rival Bakeries Austin'
        assert rival.competitor and rival.score == 1.0
        assert cell(english, "croissants", "crumb_and_co").fields == ["captions"]

    def test_hashtags_are_split_from_camel_case(self, english: Discoverability) -> None:
        assert cell(english, "bakery", "crumb_and_co").fields == ["bio", "hashtags"]

    def test_a_field_the_platform_does_not_index_weighs_nothing(
        self, english: Discoverability
    ) -> None:
        tiktok = cell(english, "sourdough", "bluedoor.atx")
        assert tiktok.platform is Platform.TIKTOK
        assert tiktok.fields == [] and tiktok.unindexed == ["bio"] and tiktok.score == 0.0

    def test_cells_are_keyword_major_brand_first(self, english: Discoverability) -> None:
        handles = [c.handle for c in english.cells[:5]]
        assert handles == [
            "bluedoorbakery",
            "bluedoor.atx",
            "rivalbakery",
            "crumb_and_co",
            "crumbandco",
        ]
        assert [c.keyword for c in english.cells[::5]] == KEYWORDS
        assert len(english.cells) == len(KEYWORDS) * 5

    def test_not_captured_profiles_are_left_out(self) -> None:
        lost = make_profile(handle="lost", capture=CaptureInfo(outcome=Outcome.LOGIN_WALL))
        disc = build_discoverability([BRAND_IG], [lost], ["bakery"])
        assert [c.handle for c in disc.cells] == ["bluedoorbakery"]
        assert disc.rankings == [] and disc.suggestions == []


class TestFields:
    def test_handles_split_on_separators_and_camel_case(self) -> None:
        assert (
            handle_words(make_profile(Platform.X, handle="BlueDoor_Bakery")) == "Blue Door Bakery"
        )
        assert handle_words(make_profile(Platform.BLUESKY, handle="blue-door.bsky.social")) == (
            "blue door"
        )
        assert handle_words(make_profile(Platform.MASTODON, handle="bluedoor@mastodon.social")) == (
            "bluedoor"
        )

    @pytest.mark.parametrize(
        ("handle", "keyword", "expected"),
        [
            ("bluedoorbakery", "bakery", True),
            ("bluedoorbakery", "bakeries", True),  # through the lemma
            ("BlueDoorBakery", "door", True),  # camelCase words
            ("steakhouse", "tea", False),  # too short to find inside a word
            ("teahouse", "tea", False),
            ("tea_house", "tea", True),
            ("pekarnarival", "pekarna", True),
        ],
    )
    def test_handle_matching(self, handle: str, keyword: str, expected: bool) -> None:
        profile = make_profile(handle=handle, bio="We bake bread every day in our little shop.")
        assert (profile_cells(profile, [keyword])[0].fields == ["handle"]) is expected

    def test_only_the_newest_twelve_own_posts(self) -> None:
        posts = [post(i, i + 1, "Monday mood") for i in range(12)]
        posts.append(post("old", 100, "sourdough"))
        posts.append(post("rp", 0, "sourdough", is_repost=True))
        profile = make_profile(posts=posts)
        assert profile_cells(profile, ["sourdough"])[0].fields == []
        texts = profile_texts(profile)
        assert len(texts.texts["captions"]) == 12

    def test_hashtags_in_a_caption_are_hashtags_not_captions(self) -> None:
        profile = make_profile(posts=[post(1, 1, "Fresh today #SourdoughBread")])
        assert profile_cells(profile, ["sourdough bread"])[0].fields == ["hashtags"]

    def test_youtube_channel_keywords_weigh_as_hashtags(self) -> None:
        profile = make_profile(
            Platform.YOUTUBE, display_name="Blue Door", search_keywords=["sourdough bread"]
        )
        c = profile_cells(profile, ["sourdough bread"])[0]
        assert c.fields == ["search_keywords"] and c.score == 0.4
        assert field_weights(Platform.YOUTUBE)["search_keywords"] == 0.4
        assert field_weights(Platform.INSTAGRAM)["search_keywords"] == 0.0

    def test_pinterest_reads_alt_text_instagram_does_not(self) -> None:
        pin = make_profile(
            Platform.PINTEREST, posts=[post(1, 1, "New pin", media=[image("A sourdough loaf")])]
        )
        assert profile_cells(pin, ["sourdough"])[0].fields == ["alt"]
        assert profile_cells(pin, ["sourdough"])[0].score == 0.2

    def test_google_business_category_and_location(self) -> None:
        gbp = make_profile(
            Platform.GOOGLE_BUSINESS,
            display_name="Blue Door",
            category="Bakery",
            location=Place(address="12 E 6th St", city="Austin"),
        )
        bakery, austin = profile_cells(gbp, ["bakery", "austin"])
        assert (bakery.fields, bakery.score) == (["category"], 0.7)
        assert (austin.fields, austin.score) == (["location"], 0.1)
        assert austin.unindexed == []


class TestRanking:
    def test_second_behind_a_name_field(self, english: Discoverability) -> None:
        r = next(
            r
            for r in english.rankings
            if r.keyword == "bakery" and r.platform is Platform.INSTAGRAM
        )
        assert (r.rank, r.of, r.handle) == (2, 3, "bluedoorbakery")
        assert r.order == ["rivalbakery", "bluedoorbakery", "crumb_and_co"]
        assert (r.leader_handle, r.leader_fields) == ("rivalbakery", ["name", "handle"])
        assert r.sentence == (
            "For 'bakery' you rank 2nd of 3 on Instagram; @rivalbakery has it in its name field "
            "and handle, your best is the handle."
        )

    def test_first_with_the_runner_up(self, english: Discoverability) -> None:
        r = next(r for r in english.rankings if r.keyword == "sourdough" and r.rank == 1)
        assert r.sentence == (
            "For 'sourdough' you rank 1st of 3 on Instagram, with it in your name field, bio, "
            "captions and hashtags."
        )

    def test_ties_break_by_handle_and_say_so(self, english: Discoverability) -> None:
        r = next(
            r
            for r in english.rankings
            if r.keyword == "east austin" and r.platform is Platform.INSTAGRAM
        )
        assert r.order == ["bluedoorbakery", "crumb_and_co"]
        assert r.sentence.startswith(
            "For 'east austin' you rank 1st of 3 on Instagram (tied with @crumb_and_co)"
        )

    def test_not_showing_up(self, english: Discoverability) -> None:
        r = next(
            r
            for r in english.rankings
            if r.keyword == "croissants" and r.platform is Platform.INSTAGRAM
        )
        assert r.rank is None and r.leader_handle == "rivalbakery"
        assert r.sentence == (
            "For 'croissants' you do not show up on Instagram (2 of 3 profiles there do): nothing "
            "on your profile carries it; @rivalbakery has it in its bio and captions."
        )

    def test_unread_field_and_nobody_carrying_it(self, english: Discoverability) -> None:
        r = next(
            r
            for r in english.rankings
            if r.keyword == "sourdough" and r.platform is Platform.TIKTOK
        )
        assert (r.rank, r.of, r.leader_handle) == (None, 2, None)
        assert r.sentence == (
            "For 'sourdough' you do not show up on TikTok: your bio has it, but TikTok search "
            "does not read that; none of the 2 profiles compared there carries it."
        )

    def test_rankings_only_where_a_competitor_was_captured(self) -> None:
        disc = build_discoverability([BRAND_IG, BRAND_TT], [RIVAL_IG], ["bakery"])
        assert [(r.platform, r.handle) for r in disc.rankings] == [
            (Platform.INSTAGRAM, "bluedoorbakery")
        ]
        assert build_discoverability([BRAND_IG], [], ["bakery"]).rankings == []

    def test_independent_of_competitor_order(self, english: Discoverability) -> None:
        again = build_discoverability(
            [BRAND_IG, BRAND_TT], [CRUMB_TT, CRUMB_IG, RIVAL_IG], KEYWORDS
        )
        assert again.rankings == english.rankings
        assert again.suggestions == english.suggestions

    @pytest.mark.parametrize(
        ("n", "text"),
        [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"), (13, "13th"),
         (21, "21st"), (102, "102nd"), (111, "111th")],
    )  # fmt: skip
    def test_ordinal(self, n: int, text: str) -> None:
        assert ordinal(n) == text


class TestSuggestions:
    def test_what_competitors_carry_and_the_brand_does_not(self, english: Discoverability) -> None:
        assert english.suggestions[0] == "gluten-free"
        assert english.suggested_by["gluten-free"] == [
            "@rivalbakery (Instagram)",
            "@crumb_and_co (Instagram)",
            "@crumbandco (TikTok)",
        ]
        brand_texts = [profile_texts(p) for p in (BRAND_IG, BRAND_TT)]
        for keyword in english.suggestions:
            assert keyword not in KEYWORDS
            assert not any(
                carries(t, keyword, "en") for pt in brand_texts for t in pt.all_texts()
            ), keyword
        assert "birthday cakes" not in english.suggestions  # the brand has it in a caption
        assert len(english.suggestions) <= 5
        assert set(english.suggested_by) == set(english.suggestions)

    def test_none_without_competitors(self) -> None:
        assert suggest_keywords([BRAND_IG], [], KEYWORDS) == ([], {})


# --- Slovenian: Modra Vrata against Pekarna Rival and Kruh in krof -----------------------

SL_BRAND = make_profile(
    handle="modra.vrata",
    display_name="Modra Vrata · pekarna",
    bio="Kruh z drožmi iz naše pekarne v centru Ljubljane.\nOdprto vsak dan 7-14.",
    posts=[
        post(1, 1, "Svež kruh z drožmi, pečen zjutraj v naši pekarni.", hashtags=["KruhZDrožmi"]),
        post(2, 2, "Rogljički so nazaj! Pridite v pekarno."),
    ],
)
SL_RIVAL = make_profile(
    handle="pekarnarival",
    display_name="Pekarna Rival Ljubljana",
    bio="Najboljši rogljički v Ljubljani. Brezglutenski kruh.",
    posts=[post(1, 1, "Brezglutenski kruh in rogljički vsak dan", hashtags=["brezglutensko"])],
)
SL_KROF = make_profile(
    handle="kruh_in_krof",
    display_name="Kruh in krof",
    bio="Domači krofi in kruh v Ljubljani.",
    location=Place(city="Ljubljana"),
    posts=[post(1, 1, "Krofi z marmelado!"), post(2, 2, "Brezglutenski krofi v pekarni")],
)


@pytest.fixture(scope="module")
def slovenian() -> Discoverability:
    return build_discoverability(
        [SL_BRAND], [SL_RIVAL, SL_KROF], ["pekarna", "kruh z drožmi", "rogljički", "ljubljana"]
    )


class TestSlovenian:
    def test_inflected_forms_carry_the_keyword(self, slovenian: Discoverability) -> None:
        # 'pekarna' in the name field, 'pekarne' in the bio, 'pekarni' in a caption.
        assert cell(slovenian, "pekarna", "modra.vrata").fields == ["name", "bio", "captions"]
        assert cell(slovenian, "pekarna", "pekarnarival").fields == ["name", "handle"]
        assert cell(slovenian, "pekarna", "kruh_in_krof").fields == ["captions"]
        # 'v centru Ljubljane', 'v Ljubljani'.
        assert cell(slovenian, "ljubljana", "modra.vrata").fields == ["bio"]
        assert cell(slovenian, "ljubljana", "kruh_in_krof").fields == ["bio", "location"]
        assert cell(slovenian, "kruh z drožmi", "modra.vrata").fields == [
            "bio",
            "captions",
            "hashtags",
        ]

    def test_ranking(self, slovenian: Discoverability) -> None:
        by_kw = {r.keyword: r for r in slovenian.rankings}
        assert by_kw["pekarna"].rank == 1 and by_kw["pekarna"].order[1] == "pekarnarival"
        assert by_kw["rogljički"].sentence == (
            "For 'rogljički' you rank 2nd of 3 on Instagram; @pekarnarival has it in its bio "
            "and captions, your best is the captions."
        )
        assert by_kw["ljubljana"].rank == 3
        assert by_kw["ljubljana"].order == ["pekarnarival", "kruh_in_krof", "modra.vrata"]

    def test_suggestions(self, slovenian: Discoverability) -> None:
        assert slovenian.suggestions[0] == "brezglutenski"
        assert slovenian.suggested_by["brezglutenski"] == [
            "@pekarnarival (Instagram)",
            "@kruh_in_krof (Instagram)",
        ]
        assert "krof" in slovenian.suggestions  # "krofi", in dictionary form
        assert not any(s.startswith("kruh") for s in slovenian.suggestions)  # the brand has kruh


# --- Persian (right to left): Nanvayi Abi against Nan-e Tehran ---------------------------

FA_BRAND = make_profile(
    handle="nanvayi_abi",
    display_name="نانوایی آبی",
    bio="نان سنگک تازه و شیرینی خانگی در تهران",
    posts=[post(1, 1, "نان سنگک داغ هر صبح در نانوایی ما #نان_سنگک", hashtags=["نان_سنگک"])],
)
FA_RIVAL = make_profile(
    handle="nan_e_tehran",
    display_name="نان تهران",
    bio="نانوایی سنتی و شیرینی در تهران",
    posts=[post(1, 1, "شیرینی خانگی تازه")],
)


class TestPersian:
    def test_matrix_and_ranking(self) -> None:
        disc = build_discoverability(
            [FA_BRAND], [FA_RIVAL], ["نانوایی", "نان سنگک", "شیرینی خانگی"]
        )
        assert cell(disc, "نانوایی", "nanvayi_abi").fields == ["name", "captions"]
        assert cell(disc, "نانوایی", "nan_e_tehran").fields == ["bio"]
        assert cell(disc, "نان سنگک", "nanvayi_abi").fields == ["bio", "captions", "hashtags"]
        assert cell(disc, "شیرینی خانگی", "nan_e_tehran").fields == ["captions"]
        first = disc.rankings[0]
        assert first.sentence == (
            "For 'نانوایی' you rank 1st of 2 on Instagram, with it in your name field and "
            "captions; next is @nan_e_tehran, with it in its bio."
        )
        assert all(r.rank == 1 for r in disc.rankings)

    def test_proposals_from_the_profile_alone(self) -> None:
        proposed = propose_keywords([FA_BRAND])
        assert proposed[0] == "نان سنگک"
        assert "شیرینی خانگی" in proposed
        assert 3 <= len(proposed) <= 6


# --- proposals -------------------------------------------------------------------------

SITE = SiteText(
    url="https://bluedoorbakery.com/",
    title="Blue Door Bakery | Sourdough bakery in East Austin",
    description="Sourdough bread, pastries and custom birthday cakes, baked daily in East "
    "Austin. https://bluedoorbakery.com 🥐",
    headings=["Our sourdough", "Custom cakes", "Visit the bakery"],
    lang="en",
)


class TestProposals:
    def test_site_and_profiles_shared_first(self) -> None:
        proposed = propose_keywords([BRAND_IG], SITE, brand_name="Blue Door Bakery")
        # 'austin' also stands alone (#SourdoughAustin), so it sits in more places than
        # 'east austin' and ranks first; both are proposed
        assert proposed[:3] == ["sourdough", "austin", "east austin"]
        assert "bakery" in proposed
        assert 3 <= len(proposed) <= 6
        lemmas = [lemma_form(k, "en") for k in proposed]
        assert len(lemmas) == len(set(lemmas))

    def test_no_brand_name_handles_urls_or_emoji(self) -> None:
        proposed = propose_keywords([BRAND_IG], SITE)
        for bad in ("blue door", "door", "blue door bakery", "bluedoorbakery", "https", "com"):
            assert bad not in proposed
        assert not any(ch in k for k in proposed for ch in "🥐🥖@/.")

    def test_a_piece_of_a_longer_proposal_only_when_it_also_stands_alone(self) -> None:
        proposed = propose_keywords([BRAND_IG], SITE)
        assert "east" not in proposed  # only ever in 'east austin'

    def test_slovenian_site_and_profile(self) -> None:
        site = SiteText(
            title="Pekarna Modra Vrata – kruh z drožmi v Ljubljani",
            description="Kruh z drožmi, rogljički in pecivo iz naše pekarne v centru Ljubljane.",
            headings=["Naš kruh", "Obiščite pekarno"],
            lang="sl",
        )
        proposed = propose_keywords([SL_BRAND], site)
        assert "kruh" in proposed
        assert lemma_form("pekarna", "sl") in {lemma_form(k, "sl") for k in proposed}
        assert "modra vrata" not in proposed and "vrata" not in proposed

    def test_words_in_name_bio_and_title_beat_a_heading_and_a_caption(self) -> None:
        """The demo bakery: 'pekarna' is in its page title, Instagram bio and Bluesky name
        field; 'workshops' is in one heading and a post. Prominence must put the first in."""
        from datetime import timedelta

        from audit.demo import build
        from audit.documents import parse_har
        from audit.platforms import REGISTRY
        from audit.platforms.base import ExtractContext
        from audit.site import read_site

        hars = build.build_hars()
        ctx = ExtractContext(captured_at=build.RECORDED_AT + timedelta(minutes=1))
        profiles = []
        for key, platform in (
            (f"instagram-{build.IG_HANDLE}", Platform.INSTAGRAM),
            (f"bluesky-{build.BSKY_HANDLE}", Platform.BLUESKY),
        ):
            extract = REGISTRY[platform].extract
            assert extract is not None
            profiles.append(extract(parse_har(hars[key]), ctx))
        site = read_site(parse_har(hars["site"]))
        proposed = propose_keywords(profiles, site, brand_name="Modra Vrata")
        keys = [lemma_form(k, "sl") for k in proposed]
        assert lemma_form("pekarna", "sl") in keys, proposed
        assert "workshops" not in proposed and "sourdough" in proposed

    def test_slovenian_proposals_in_dictionary_form(self) -> None:
        brand = make_profile(
            handle="zlato.zrno",
            display_name="Zlato zrno",
            bio="Pekarna z naravnim kvasom v centru Ljubljane.",
            posts=[
                post(1, 1, "Kruh z drožmi iz naše pekarne v Ljubljani."),
                post(2, 2, "Sveže rogljičke pečemo vsako jutro v centru Ljubljane."),
            ],
        )
        proposed = propose_keywords([brand])
        assert "pekarna" in proposed and "ljubljana" in proposed
        assert not any(w in k.split() for k in proposed for w in ("ljubljane", "pekarne"))

    def test_text_repeated_under_every_post_is_no_proposal(self) -> None:
        disclaimer = (
            "Fuel consumption combined 5.1 l/100 km; CO2 emissions combined 118 g/km. "
            "Values determined according to the WLTP test procedure."
        )
        captions = [
            "The new Aurora hatchback, now at our showroom in Maribor.",
            "Test drive weekend: electric vans and family cars in Maribor.",
            "Winter tyres fitted while you wait at our Maribor service centre.",
            "Certified used cars with a two-year warranty.",
        ]
        brand = make_profile(
            handle="avtohisa.nova",
            display_name="Avtohiša Nova",
            bio="Car dealership and service centre in Maribor.",
            posts=[post(i, i, f"{c}\n\n{disclaimer}") for i, c in enumerate(captions, 1)],
        )
        proposed = propose_keywords([brand])
        words = {w for k in proposed for w in k.split()}
        disclaimer_words = {"fuel", "consumption", "combined", "emissions", "co2", "values"}
        assert not words & (disclaimer_words | {"wltp", "procedure", "test procedure"})
        assert "maribor" in proposed
        assert words & {"car", "cars", "dealership", "service"}

    def test_platform_chrome_and_generic_words_are_no_proposals(self) -> None:
        brand = make_profile(
            Platform.FACEBOOK,
            handle="lipa.cafe",
            display_name="Café Lipa",
            bio="Welcome to our official Facebook page! Specialty coffee and homemade cakes in "
            "Maribor.",
            posts=[
                post(1, 1, "New videos every week on our YouTube channel: latte art."),
                post(2, 2, "Story time: our specialty coffee comes from a small roaster. Watch!"),
                post(3, 3, "Homemade cakes today: carrot cake and cheesecake. Welcome home!"),
            ],
        )
        proposed = propose_keywords([brand])
        assert proposed[:2] == ["specialty coffee", "homemade cakes"]
        for bad in ("welcome", "home", "videos", "story", "channel", "official facebook page"):
            assert bad not in proposed
        assert not any("facebook" in k or "youtube" in k for k in proposed)

    def test_words_only_in_the_name_field_are_the_name(self) -> None:
        brand = make_profile(
            Platform.YOUTUBE,
            handle="kurzweil",
            display_name="Kurzweil – In a Teacup",
            bio="Animated science explainers about space, biology and the climate.",
            posts=[post(1, 1, "Why black holes evaporate"), post(2, 2, "How vaccines work")],
        )
        proposed = propose_keywords([brand])
        assert "teacup" not in proposed
        assert any("science" in k or "space" in k for k in proposed)

    def test_nothing_to_read_proposes_nothing(self) -> None:
        assert propose_keywords([make_profile()]) == []
        assert propose_keywords([]) == []
        lost = BRAND_IG.model_copy(update={"capture": CaptureInfo(outcome=Outcome.BLOCKED)})
        assert propose_keywords([lost]) == []

    def test_deterministic(self) -> None:
        assert propose_keywords([BRAND_IG], SITE) == propose_keywords([BRAND_IG], SITE)


# --- the matcher -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "keyword", "lang", "expected"),
    [
        ("Best bakeries in Austin", "bakery", "en", True),
        ("Blue Door Bakery", "bakeries", "en", True),
        ("Café de Flore", "cafe", None, True),
        ("Najboljša pekarna v Ljubljani", "pekarni", None, True),
        ("#VeganBakeryLjubljana", "vegan bakery", None, True),
        ("party time", "art", None, False),
        ("bakery. Austin", "bakery austin", "en", False),
        ("نانوایی سنتی در تهران", "نانوایی", None, True),
        (None, "bakery", None, False),
        ("bakery", " ", None, False),
    ],
)
def test_carries(text: str | None, keyword: str, lang: str | None, expected: bool) -> None:
    assert carries(text, keyword, lang) is expected


def test_profile_language_helps_short_fields() -> None:
    profile: Profile = make_profile(
        display_name="Blue Door Bakeries",
        bio="We bake sourdough bread and pastries every morning in East Austin.",
    )
    assert profile_texts(profile).lang == "en"
    assert profile_cells(profile, ["bakery"])[0].fields[0] == "name"


@pytest.mark.realdata
def test_a_real_capture_s_repeated_credit_line_is_no_proposal() -> None:
    """A real TikTok creator page: 11 of its 12 newest captions end in the same credit line
    ('Specimen use made possible by the University of Michigan Museum of Zoology')."""
    from audit.documents import load_file
    from audit.pipeline import extract_profile

    docs = [
        *load_file(realdata("tiktok", "hydration_userInfo_oddanimalspecimens_2024-02.json")),
        *load_file(realdata("tiktok", "item_list_subset_oddanimalspecimens_2025-09.json")),
    ]
    from datetime import datetime, timezone

    profile = extract_profile(
        Platform.TIKTOK, docs, captured_at=datetime(2025, 9, 30, tzinfo=timezone.utc)
    )
    captions = profile_texts(profile).texts["captions"]
    assert sum("Museum of Zoology" in c for c in captions) >= 10  # the capture is as described
    proposed = propose_keywords([profile])
    assert proposed
    words = {w for k in proposed for w in k.split()}
    assert not words & {"specimen", "university", "michigan", "museum", "zoology", "use"}
    assert not words & {"youtube", "contact"}  # the bio's platform chrome


def test_a_bio_too_short_to_detect_keeps_its_stop_words_off_the_edges() -> None:
    """'Developer of Mastodon. 25' is too short for the language detector (it reads `xx`,
    which has no stop words): 'developer of' was proposed to the real Gargron account, and
    the report told him to rename himself 'Eugen | Developer of'."""
    # The platform's own name is chrome and is cut out, which leaves 'Developer of . 25'.
    bio_only = make_profile(
        Platform.MASTODON, handle="ana", display_name="Ana", bio="Developer of Mastodon. 25"
    )
    proposed = propose_keywords([bio_only])
    assert proposed and not any(k.split()[-1] == "of" or k.split()[0] == "of" for k in proposed)


def test_real_gargron_bio_proposes_no_phrase_ending_in_of() -> None:
    from audit.runner import extract_files

    path = realdata("mastodon", "xray_activitypub_actor_Gargron_mastodon.social_2018-07.http.txt")
    profile = extract_files([path], "mastodon", None)
    assert profile.bio and profile.bio.startswith("Developer of")
    proposed = propose_keywords([profile])
    assert "developer of" not in proposed and "developer" in proposed
