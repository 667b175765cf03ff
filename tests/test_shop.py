"""A way to buy (SHP...): shop surfaces the platforms expose, and order/shop/menu links
recognised in any language.

Real captures (../shared/realdata, skipped when absent) carry the negative signal: a TikTok
account that is not a TikTok Shop seller (`ttSeller: false`) and a Pinterest profile that is no
verified merchant with pins that are no product pins. Invented profiles cover the rest.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from audit.documents import Document, load_file
from audit.model import Link, Platform, Post, Shop
from audit.platforms import pinterest, tiktok
from audit.platforms.base import ExtractContext
from audit.platforms.facebook_signals import badge, graph_reviews, has_shop_tab, text_reviews
from audit.platforms.generic import soup_of
from audit.result import Status
from checks.shop import buy_words, shop_surface_unused, way_to_buy_missing
from tests.checks_kit import assert_result, make_ctx, make_profile
from tests.realdata import realdata

CTX = ExtractContext(captured_at=datetime(2025, 3, 1, tzinfo=timezone.utc))


def real(platform: str, name: str) -> list[Document]:
    return load_file(realdata(platform, name))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("https://modravrata.si/narocila", "narocila"),  # Slovenian, accents folded
        ("Naročila za prevzem ↓", "narocila"),
        ("Buyurtma uchun havola", "buyurtma"),  # Uzbek
        ("Agiza keki yako sasa", "agiza"),  # Swahili
        ("سفارش آنلاین کیک", "سفارش"),  # Persian
        ("Заказать торт", "заказать"),  # Russian
        ("Тапсырыс беру", "тапсырыс"),  # Kazakh
        ("tapsyrys.kz/cakes", "tapsyrys"),  # Kazakh, Latin script
        ("https://bluedoor.example/order-online", "order"),
        ("Menu & hours", "menu"),
    ],
)
def test_buy_words_in_many_languages(text: str, word: str) -> None:
    assert word in buy_words(text)


def test_buy_words_leave_business_kinds_out_of_a_bio() -> None:
    assert buy_words("Coffee shop in Tashkent", bio=True) == []
    assert buy_words("Coffee shop in Tashkent") == ["shop"]
    assert buy_words("comprehensive bookkeeping advice", bio=True) == []


def test_order_link_passes_homepage_warns_nothing_fails() -> None:
    ctx = make_ctx(Platform.INSTAGRAM)
    order = make_profile(links=[Link(url="https://modravrata.si/narocila")])
    assert_result(way_to_buy_missing(order, ctx), Status.PASS, 1.0, "'narocila'")
    titled = make_profile(links=[Link(url="https://modravrata.si/x", title="Order online")])
    assert_result(way_to_buy_missing(titled, ctx), Status.PASS, 1.0, "title says 'order'")
    wolt = make_profile(links=[Link(url="https://wolt.com/sl/svn/ljubljana/venue/modra")])
    assert_result(way_to_buy_missing(wolt, ctx), Status.PASS, 1.0, "wolt.com")
    told = make_profile(bio="Pekarna · Naročila ↓", links=[Link(url="https://modravrata.si")])
    assert_result(way_to_buy_missing(told, ctx), Status.PASS, 1.0, "says 'narocila'")
    home = make_profile(bio="Sourdough bakery", links=[Link(url="https://modravrata.si")])
    assert_result(way_to_buy_missing(home, ctx), Status.WARN, 0.5, "homepage")
    social = make_profile(links=[Link(url="https://www.instagram.com/modravrata")])
    assert_result(way_to_buy_missing(social, ctx), Status.WARN, 0.5)
    assert_result(way_to_buy_missing(make_profile(), ctx), Status.FAIL, 0.0, "no link")


def test_shop_surface_passes_and_sells_online_false_skips() -> None:
    seller = make_profile(Platform.TIKTOK, shop=Shop(surfaces=["TikTok Shop seller"]))
    assert_result(
        way_to_buy_missing(seller, make_ctx(Platform.TIKTOK)), Status.PASS, 1.0, "TikTok Shop"
    )
    offline = make_ctx(Platform.TIKTOK, sells_online=False)
    for check in (way_to_buy_missing, shop_surface_unused):
        assert_result(check(seller, offline), Status.NA, None, "sells_online")


def test_links_not_observable_is_na() -> None:
    profile = make_profile(not_observed={"links": "the export carries no profile links"})
    result = way_to_buy_missing(profile, make_ctx())
    assert_result(result, Status.NA, None, "Not observable", "no profile links")


def test_shop_surface_check_judges_only_what_the_input_shows() -> None:
    ctx = make_ctx(Platform.PINTEREST)
    unknown = make_profile(Platform.PINTEREST)
    assert_result(shop_surface_unused(unknown, ctx), Status.NA, None, "does not show")
    none = make_profile(Platform.PINTEREST, shop=Shop())
    assert_result(shop_surface_unused(none, ctx), Status.WARN, 0.5, "No Pinterest shop")
    pins = make_profile(
        Platform.PINTEREST, shop=Shop(), posts=[Post(id="1", shoppable=True), Post(id="2")]
    )
    assert_result(shop_surface_unused(pins, ctx), Status.PASS, 1.0, "1 recent post is")
    assert not shop_surface_unused.meta.applies_to(Platform.INSTAGRAM)


def test_real_tiktok_account_is_no_shop_seller() -> None:
    profile = tiktok.extract(
        real("tiktok", "hydration_userInfo_oddanimalspecimens_2024-02.json"), CTX
    )
    assert profile.shop == Shop(surfaces=[])
    assert profile.sources["shop"].endswith("userInfo.user.ttSeller")
    result = shop_surface_unused(profile, make_ctx(Platform.TIKTOK))
    assert_result(result, Status.WARN, 0.5, "No TikTok shop surface")


def test_real_pinterest_profile_no_verified_merchant_no_product_pins() -> None:
    profile = pinterest.extract(real("pinterest", "page_profile_idenconvey_2024-11.html"), CTX)
    assert profile.shop == Shop(surfaces=[])
    assert profile.sources["shop"].endswith(".is_verified_merchant")
    assert profile.posts and all(p.shoppable is False for p in profile.posts)


def test_invented_tiktok_seller_and_facebook_page_signals() -> None:
    seller = {"userInfo": {"user": {"uniqueId": "modravrata", "nickname": "Modra Vrata",
                                    "signature": "Pekarna", "ttSeller": True},
                           "stats": {"followerCount": 120}}}  # fmt: skip
    doc = Document(
        text=json.dumps(seller), kind="json", url="https://www.tiktok.com/api/user/detail/"
    )
    profile = tiktok.extract([doc], CTX)
    assert profile.shop == Shop(surfaces=["TikTok Shop seller"])
    # Facebook: Graph API Page fields, the visible page text and its tab bar
    assert graph_reviews({"overall_star_rating": 4.6, "rating_count": 212}) is not None
    reviews = text_reviews("Modra Vrata · Bakery · 96% recommend (1,204 Reviews) · Open now")
    assert reviews is not None and (reviews.rating, reviews.count) == (None, 1204)
    rated = text_reviews("Rating · 4.7 (318 Reviews)")
    assert rated is not None and (rated.rating, rated.count) == (4.7, 318)
    answered = badge("Message · Typically replies within an hour")
    assert answered is not None and answered.badge_minutes == 60
    tabs = soup_of('<a href="/modravrata/shop/">Shop</a><a href="/modravrata/reviews/">Reviews</a>')
    assert has_shop_tab(tabs) == "https://www.facebook.com/modravrata/shop/"
