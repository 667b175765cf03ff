"""A way to buy: from the profile someone found to an order, a booking or a shop in one tap.

Recognised in any language the project reads: a shop surface the platform itself shows (TikTok
Shop, a Pinterest verified merchant, product pins), else a link whose address, title or the bio
beside it says shop / order / menu / booking ("naročila", "buyurtma", "agiza", "سفارش",
"заказ", "тапсырыс" ...), else an online shop or ordering service's own host. A brand file's
`sells_online = false` skips these checks.
"""

from __future__ import annotations

import re
import unicodedata

from audit.model import Platform, Profile
from audit.result import Category, CheckResult, Severity
from checks.base import CheckContext, CheckMeta, check, not_observed
from checks.common import ev, host_in, recent_posts, word_list
from checks.links import FoundLink, own_site_links, profile_links
from checks.sources import META_SHOPS, OWN, PINTEREST_SHOPPING

__all__ = ["buy_words", "shop_surface_unused", "way_to_buy_missing"]

# Word starts that name a shop, an order, a menu or a booking (en, sl, uz, kk, sw, fa, ru, uk,
# es, pt, fr, it, de, nl, tr). Matched against the start of each word of a URL, a link title
# or the bio, case- and accent-insensitively (so "narocila" matches "naročila").
_BUY_STEMS = word_list(
    """shop store order buy cart checkout menu delivery takeaway takeout pickup booking book
    reserv tickets
    naroc narocil trgovin meni jedilnik kupi dostav rezerv
    buyurtm dokon menyu sotib yetkaz
    tapsyrys тапсырыс дүкен мәзір сатып жеткіз
    agiza duka nunua menyu
    سفارش فروشگاه خرید منو رزرو
    заказ магазин меню купи доставк бронир
    замов крамниц
    tienda pedid compra reserva
    loja encomend cardapio
    boutique command achat
    negozio ordina acquist prenot
    bestell speisekarte kaufen laden
    winkel bestel
    siparis magaza menu"""
)
_WORD = re.compile(r"\w+")

# Online shops, marketplaces, ordering and booking services: a link there is a way to buy.
COMMERCE_HOSTS = frozenset(
    {
        "myshopify.com",
        "shopify.com",
        "etsy.com",
        "amazon.com",
        "ebay.com",
        "bigcartel.com",
        "gumroad.com",
        "square.site",
        "squareup.com",
        "ecwid.com",
        "stan.store",
        "wolt.com",
        "glovoapp.com",
        "ubereats.com",
        "doordash.com",
        "deliveroo.com",
        "foodpanda.com",
        "just-eat.com",
        "lieferando.de",
        "grubhub.com",
        "toasttab.com",
        "order.online",
        "opentable.com",
        "resy.com",
        "thefork.com",
        "booksy.com",
        "fresha.com",
        "calendly.com",
        "uzum.uz",
        "kaspi.kz",
        "digikala.com",
        "snappfood.ir",
        "jumia.co.ke",
        "ozon.ru",
        "wildberries.ru",
    }
)


def _fold(text: str) -> str:
    """Lower case without combining accents ('Naročila' -> 'narocila'); other scripts keep
    their letters."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_STEMS = tuple(_fold(s) for s in _BUY_STEMS)
# In a bio these name what the business is ("coffee shop", "bookstore"), not a way to buy.
_KIND_STEMS = ("shop", "store", "book", "boutique", "magaz", "trgovin", "duka", "winkel")


def buy_words(text: str | None, *, bio: bool = False) -> list[str]:
    """The words of `text` that name a shop, order, menu or booking (in text, a URL's path
    or host), in order, without repeats. `bio`: leave out words that usually name the kind
    of business ('coffee shop') rather than a way to buy."""
    stems = tuple(s for s in _STEMS if not (bio and s.startswith(_KIND_STEMS)))
    found: list[str] = []
    for word in _WORD.findall(_fold(text or "")):
        if any(word.startswith(stem) for stem in stems) and word not in found:
            found.append(word)
    return found


def _buy_link(link: FoundLink) -> str | None:
    """Why this link is a way to buy ('the address says "order"'), or None."""
    if host_in(link.host, COMMERCE_HOSTS):
        return f"{link.host} is an online shop / ordering service"
    words = buy_words(link.url.split("://", 1)[-1].replace("_", " "))
    if words:
        return f"its address says {words[0]!r}"
    words = buy_words(link.title)
    if words:
        return f"its title says {words[0]!r}"
    return None


def _skip(ctx: CheckContext, meta: CheckMeta) -> CheckResult | None:
    if ctx.brand.sells_online is False:
        return meta.na("The brand file says the business does not sell online (sells_online).")
    return None


SHP001 = CheckMeta(
    id="SHP001",
    slug="way-to-buy-missing",
    title="A way to buy is one tap away",
    failure_title="No way to buy from the profile",
    category=Category.SHOP,
    severity=Severity.HIGH,
    weight=3,
    what="The profile offers a way to buy: a shop surface the platform shows (TikTok Shop, "
    "Pinterest verified merchant or product pins, a Facebook shop tab), or a link to a shop, "
    "menu, ordering or booking page, recognised by its address, its title, the bio beside it "
    "(in any language: 'order', 'naročila', 'buyurtma', 'agiza', 'سفارش', 'заказ', "
    "'тапсырыс', 'menu', 'shop' ...) or a shop/ordering service's host. A plain homepage "
    "link warns (one tap further); no link fails.",
    why="Shoppers discover and buy inside the apps: a profile that makes buying one tap away "
    "turns the people search brought into customers; every extra step loses some of them "
    "(social-commerce guidance; Meta Business Help, 'About shops').",
    fix="Point the profile link at the page that sells (shop, booking, ordering), say so in "
    "the bio, and set up the platform's shop where you sell products (Instagram/Facebook "
    "Shops, TikTok Shop, Pinterest catalog). If the brand sells nothing online, set "
    "sells_online = false in the brand file.",
    example="Bio: 'Sourdough bakery in Ljubljana', link: https://modravrata.si",
    better="Bio: 'Sourdough bakery in Ljubljana · Naročila za prevzem ↓', link: "
    "https://modravrata.si/narocila",
    source=f"{META_SHOPS}; {PINTEREST_SHOPPING}; a homepage link warns by "
    + OWN
    + "findable cannot see whether the homepage sells, and it is one more tap",
)


@check(SHP001)
def way_to_buy_missing(profile: Profile, ctx: CheckContext) -> CheckResult:
    skipped = _skip(ctx, SHP001)
    if skipped:
        return skipped
    if profile.shop and profile.shop.surfaces:
        return SHP001.passed(
            f"{profile.platform.label} shows a shop: {', '.join(profile.shop.surfaces)}.",
            [ev(profile, "shop", profile.shop.surfaces, url=profile.shop.url)],
        )
    links = profile_links(profile)
    for link in links:
        why = _buy_link(link)
        if why:
            return SHP001.passed(f"{link.url} is a way to buy: {why}.", [link.evidence(profile)])
    told = buy_words(profile.bio, bio=True)
    if links and told:
        return SHP001.passed(
            f"The {ctx.rules.bio_label.lower()} says {told[0]!r} next to the link {links[0].url}.",
            [link.evidence(profile) for link in links[:1]] + [ev(profile, "bio", profile.bio)],
        )
    site = own_site_links(profile)
    if site:
        return SHP001.warn(
            f"The only route is the homepage {site[0].url}: nothing on the profile says where "
            "to order or buy.",
            [link.evidence(profile) for link in site[:2]],
        )
    if links:
        return SHP001.warn(
            f"The link {links[0].url} leads to no shop, menu or ordering page findable can "
            "recognise.",
            [link.evidence(profile) for link in links[:2]],
        )
    unseen = not_observed(profile, "links")
    if unseen:
        return SHP001.na(unseen)
    return SHP001.fail(
        f"No shop, no order link: the profile has no link and the {ctx.rules.bio_label.lower()} "
        "names no way to buy.",
        [ev(profile, "links", [])],
    )


SHP002 = CheckMeta(
    id="SHP002",
    slug="shop-surface-unused",
    title="The platform's shop is set up",
    failure_title="The platform's shop is not used",
    category=Category.SHOP,
    severity=Severity.LOW,
    weight=1,
    platforms=frozenset({Platform.TIKTOK, Platform.PINTEREST, Platform.FACEBOOK}),
    needs=("shop",),
    what="Where the platform has its own shop surface and the input shows whether the "
    "profile uses it (TikTok Shop seller, Pinterest verified merchant or product pins, a "
    "Facebook shop tab): it is set up. Not observable elsewhere.",
    why="Shops, product tags and product pins let people buy without leaving the app, and "
    "the platforms surface shoppable content in their shopping tabs and search.",
    fix="Connect your catalogue: TikTok Seller Center (then products show in your showcase), "
    "Pinterest's catalog upload (verified merchant), Meta Commerce Manager (Facebook shop).",
    example="A TikTok bakery account with no TikTok Shop showcase.",
    better="The same account with its cakes in the showcase, tagged in videos.",
    source=SHP001.source,
)


@check(SHP002)
def shop_surface_unused(profile: Profile, ctx: CheckContext) -> CheckResult:
    skipped = _skip(ctx, SHP002)
    if skipped:
        return skipped
    if profile.shop is None:
        return SHP002.na(
            f"This {profile.platform.label} input does not show whether the profile has a shop."
        )
    if profile.shop.surfaces:
        return SHP002.passed(
            f"Shop surface: {', '.join(profile.shop.surfaces)}.",
            [ev(profile, "shop", profile.shop.surfaces, url=profile.shop.url)],
        )
    shoppable = [p for p in recent_posts(profile) if p.shoppable]
    if shoppable:
        return SHP002.passed(
            f"{len(shoppable)} recent post{'s are' if len(shoppable) != 1 else ' is'} "
            "shoppable (product tags / product pins)."
        )
    return SHP002.warn(
        f"No {profile.platform.label} shop surface and no shoppable posts.",
        [ev(profile, "shop", [])],
    )
