"""Local: can someone searching for a business near them find this one? A public location and
geotagged posts are what place search and "near me" results read."""

from __future__ import annotations

from typing import Literal

from audit.discover import profile_languages
from audit.model import Brand, Place, Platform, Profile
from audit.places import KnownPlace, PlaceMention, distance_km, find_place, places_in
from audit.result import Category, CheckResult, Severity
from checks.base import CheckContext, CheckMeta, check, not_observed
from checks.common import ev, post_ev, quote, recent_posts
from checks.keywords import target_in
from checks.sources import GBP_GUIDELINES, GBP_LOCAL_RANKING, IG_SEARCH, OWN


def describe(place: Place) -> str:
    """'Blue Door Bakery, 12 E 6th St, Austin, US' from whatever parts are known."""
    parts = [place.name, place.address, place.city, place.country]
    text = ", ".join(p for p in parts if p)
    if not text and place.lat is not None and place.lon is not None:
        text = f"{place.lat:.4f}, {place.lon:.4f}"
    return text


# How far from the brand's city a place still counts as in it (a metropolitan area).
NEAR_KM = 30.0


def brand_city(brand: Brand) -> str | None:
    """The first part of the brand's location ('Austin, TX' -> 'Austin')."""
    if not brand.location:
        return None
    city = brand.location.split(",")[0].strip()
    return city or None


GEO001 = CheckMeta(
    id="GEO001",
    slug="location-not-public",
    title="The profile shows where the business is",
    failure_title="The profile does not show where the business is",
    category=Category.LOCAL,
    severity=Severity.HIGH,
    weight=3,
    what="The profile shows a location, address or city (business address, X location, "
    "LinkedIn HQ, Google address), a 📍 line in the bio, or the brand's city in the bio. "
    "Fail for local businesses (brand file local = true), warn otherwise.",
    why="'Near me' and '<trade> <city>' searches only match profiles that say where they are; "
    "Instagram search reads places.",
    fix="Add the address in the profile's contact/location options, or put '📍 City' on a line "
    "of its own in the bio.",
    example="Bio: 'Sourdough bakery 🥖 Fresh daily' (no place anywhere).",
    better="Bio: 'Sourdough bakery in East Austin 🥖\\n📍 12 E 6th St'",
    source=IG_SEARCH + "; " + GBP_LOCAL_RANKING + ". Towns are recognised with "
    "GeoNames' gazetteer (towns of 5,000+), https://www.geonames.org/",
)


@check(GEO001)
def location_not_public(profile: Profile, ctx: CheckContext) -> CheckResult:
    shown: list[str] = []
    loc = profile.location
    if loc is not None and not loc.is_empty():
        shown.append(f"location {quote(describe(loc))}")
    bio = profile.bio or ""
    pin_line = next((line for line in bio.splitlines() if "📍" in line), None)
    if pin_line:
        shown.append(f"📍 line {quote(pin_line.strip())}")
    city = brand_city(ctx.brand)
    # Inflected place names count: 'v Ljubljani' says Ljubljana.
    langs = profile_languages(profile, ctx.brand.languages)
    bio_label = ctx.rules.bio_label.lower()
    if city and not pin_line and target_in(bio, city, langs):
        shown.append(f"{city} in the {bio_label}")
    elif not pin_line:  # any town the bio or the name names, without being told the city
        for field, text in ((bio_label, bio), ("name", profile.display_name or "")):
            towns = places_in(text, langs)
            if towns:
                shown.append(f"{_town_list(towns)} in the {field}")
                break
    evidence = [ev(profile, "location", describe(loc) if loc else None), ev(profile, "bio", bio)]
    if shown:
        return GEO001.passed(f"The profile shows {', '.join(shown)}.", evidence)
    unseen = not_observed(profile, "location") or not_observed(profile, "bio")
    if unseen:
        return GEO001.na(unseen, evidence)
    msg = "No location, address or city is shown on the profile or in the bio."
    if ctx.brand.local:
        return GEO001.fail(msg + " This is a local business.", evidence)
    return GEO001.warn(msg, evidence)


GEO002 = CheckMeta(
    id="GEO002",
    slug="posts-not-geotagged",
    title="Posts are geotagged",
    failure_title="Few posts are geotagged",
    category=Category.LOCAL,
    severity=Severity.MEDIUM,
    weight=2,
    needs=("posts", "geotags"),
    platforms=frozenset({Platform.INSTAGRAM, Platform.FACEBOOK, Platform.TIKTOK}),
    what="Share of the 12 newest own posts with a location tag, where the platform supports "
    "them. Local businesses: full marks from 50%, warn below, fail below 10%; others: warn "
    "below 10%.",
    why="A geotag puts the post on the place's page and in location search, where people "
    "looking for a business nearby browse (Mosseri: search matches places).",
    fix="Tag the business's own place on every post taken there (on Instagram: Add location).",
    example="0 of 12 recent posts carry a location.",
    better="9 of 12 recent posts are tagged 'Blue Door Bakery, Austin'.",
    source=IG_SEARCH
    + ". The 50% (local businesses) and 10% thresholds are "
    + OWN
    + "a shop that tags half its posts shows up on its place's page week after week.",
)


@check(GEO002)
def posts_not_geotagged(profile: Profile, ctx: CheckContext) -> CheckResult:
    posts = recent_posts(profile)
    if not posts:
        return GEO002.na("No own posts were observed.")
    tagged = [p for p in posts if p.location is not None and not p.location.is_empty()]
    ratio = len(tagged) / len(posts)
    msg = f"{len(tagged)} of {len(posts)} recent posts carry a location tag."
    evidence = [
        post_ev(profile, p, "location", describe(p.location)) for p in tagged[:3] if p.location
    ]
    if ctx.brand.local:
        return GEO002.graded(min(1.0, ratio / 0.5), msg, evidence, warn_below=1.0, fail_below=0.2)
    return GEO002.graded(min(1.0, ratio / 0.1), msg, evidence, warn_below=1.0)


GEO003 = CheckMeta(
    id="GEO003",
    slug="location-inconsistent",
    title="Profile location and geotags match the brand's",
    failure_title="Profile location or geotags disagree with the brand's location",
    category=Category.LOCAL,
    severity=Severity.LOW,
    weight=1,
    what="The profile's location and most geotags are in the brand's city (brand file "
    f"location): within {NEAR_KM:g} km of it by coordinates, or naming it or a town that "
    "close. A geotag that names only a venue ('Modra Vrata') and has no coordinates says "
    "nothing about where it is and is left out, never counted for or against.",
    why="Place search trusts consistent signals: a profile in one city tagging posts in "
    "another (or an old address) sends local searchers elsewhere.",
    fix="Update the profile address to the current shop and tag posts with that place.",
    example="Brand location Austin, profile location 'Dallas, Texas'.",
    better="Profile location 'Austin, Texas'; posts tagged 'Blue Door Bakery, Austin'.",
    source=GBP_GUIDELINES + ". The 30 km radius is " + OWN + "a metropolitan "
    "area; a geotag farther away is another town.",
)

Where = Literal["in", "off", "unknown"]


def _where(place: Place, city: str, home: KnownPlace | None, langs: tuple[str, ...]) -> Where:
    """Whether `place` is in the brand's city: by coordinates when both are known, else by
    the towns its text names (the city itself, inflected or not, or a town near it)."""
    if home is not None and place.lat is not None and place.lon is not None:
        near = distance_km((place.lat, place.lon), (home.lat, home.lon)) <= NEAR_KM
        return "in" if near else "off"
    text = describe(place)
    if target_in(text, city, langs):
        return "in"
    prefer = home.country if home else ""
    # A city field is a town by definition; a venue name or address needs the evidence rules.
    named = find_place(place.city, prefer_country=prefer) if place.city else None
    towns = [named] if named else [t.place for t in places_in(text, langs, prefer_country=prefer)]
    if not towns:
        return "unknown"
    if home is None:
        return "off"
    close = any(
        t.id == home.id or distance_km((t.lat, t.lon), (home.lat, home.lon)) <= NEAR_KM
        for t in towns
    )
    return "in" if close else "off"


@check(GEO003)
def location_inconsistent(profile: Profile, ctx: CheckContext) -> CheckResult:
    city = brand_city(ctx.brand)
    if not city:
        return GEO003.na(
            "The brand's location is not given (brand file `location`), so there is nothing "
            "to compare with."
        )
    home = find_place(ctx.brand.location)
    langs = profile_languages(profile, ctx.brand.languages)
    loc = profile.location if profile.location and not profile.location.is_empty() else None
    geotags = [
        (p, p.location)
        for p in recent_posts(profile)
        if p.location is not None and not p.location.is_empty()
    ]
    if loc is None and not geotags:
        unseen = not_observed(profile, "location", "geotags", "posts")
        return GEO003.na(unseen or "The profile shows no location and no recent post is geotagged.")
    loc_where = _where(loc, city, home, langs) if loc else "unknown"
    judged = [(p, pl, _where(pl, city, home, langs)) for p, pl in geotags]
    placed = [(p, pl, w) for p, pl, w in judged if w != "unknown"]
    unplaced = [pl for _, pl, w in judged if w == "unknown"]
    aside = (
        f" {len(unplaced)} of {len(geotags)} geotags name only a place without a town or "
        f"coordinates (e.g. {quote(describe(unplaced[0]))}), so they are left out."
        if unplaced
        else ""
    )
    if loc_where == "unknown" and not placed:
        return GEO003.na(
            "Neither the profile location nor any geotag says which town it is in"
            + (f" (e.g. {quote(describe(unplaced[0]))})" if unplaced else "")
            + f", so findable cannot compare them with {city}."
        )
    tags = "placed geotags" if unplaced else "geotags"
    problems = []
    evidence = []
    if loc is not None and loc_where == "off":
        problems.append(f"profile location {quote(describe(loc))} is not in {city}")
        evidence.append(ev(profile, "location", describe(loc)))
    off = [(p, pl) for p, pl, w in placed if w == "off"]
    if placed and len(off) / len(placed) > 0.5:
        problems.append(f"{len(off)} of {len(placed)} {tags} are not in {city}")
        evidence += [post_ev(profile, p, "location", describe(pl)) for p, pl in off[:3]]
    if problems:
        return GEO003.warn(_sentence("; ".join(problems)) + aside, evidence)
    checked = (["the profile location"] if loc_where == "in" else []) + (
        [f"{len(placed) - len(off)} of {len(placed)} {tags}"] if placed else []
    )
    verb = "matches" if checked == ["the profile location"] else "match"
    return GEO003.passed(_sentence(f"{' and '.join(checked)} {verb} {city}") + aside)


def _town_list(towns: list[PlaceMention]) -> str:
    """'Ljubljana' or 'Ljubljana (as 'Ljubljane')' for the towns a text names."""
    return ", ".join(
        t.place.name + ("" if t.text == t.place.name else f" (as {quote(t.text)})")
        for t in towns[:3]
    )


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."
