"""Local: can someone searching for a business near them find this one? A public location and
geotagged posts are what place search and "near me" results read."""

from __future__ import annotations

from audit.discover import profile_languages
from audit.model import Brand, Place, Platform, Profile
from audit.result import Category, CheckResult, Severity
from checks.base import CheckContext, CheckMeta, check, not_observed
from checks.common import ev, post_ev, quote, recent_posts
from checks.keywords import target_in


def describe(place: Place) -> str:
    """'Blue Door Bakery, 12 E 6th St, Austin, US' from whatever parts are known."""
    parts = [place.name, place.address, place.city, place.country]
    text = ", ".join(p for p in parts if p)
    if not text and place.lat is not None and place.lon is not None:
        text = f"{place.lat:.4f}, {place.lon:.4f}"
    return text


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
    "Instagram search reads places (Mosseri via Wordtracker, checks.md).",
    fix="Add the address in the profile's contact/location options, or put '📍 City' on a line "
    "of its own in the bio.",
    example="Bio: 'Sourdough bakery 🥖 Fresh daily' (no place anywhere).",
    better="Bio: 'Sourdough bakery in East Austin 🥖\\n📍 12 E 6th St'",
    source="checks.md GEO001",
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
    if city and not pin_line and target_in(bio, city, langs):
        shown.append(f"{city} in the {ctx.rules.bio_label.lower()}")
    evidence = [ev(profile, "location", describe(loc) if loc else None), ev(profile, "bio", bio)]
    if shown:
        return GEO001.passed(f"The profile shows {', '.join(shown)}.", evidence)
    unseen = not_observed(profile, "location")
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
    fix="Tag the shop's own place on every post taken there (Instagram: Add location).",
    example="0 of 12 recent posts carry a location.",
    better="9 of 12 recent posts are tagged 'Blue Door Bakery, Austin'.",
    source="checks.md GEO002",
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
    what="The profile's location and most geotags mention the brand's city (brand file "
    "location), or the brand's own name.",
    why="Place search trusts consistent signals: a profile in one city tagging posts in "
    "another (or an old address) sends local searchers elsewhere.",
    fix="Update the profile address to the current shop and tag posts with that place.",
    example="Brand location Austin, profile location 'Dallas, Texas'.",
    better="Profile location 'Austin, Texas'; posts tagged 'Blue Door Bakery, Austin'.",
    source="checks.md GEO003",
)


@check(GEO003)
def location_inconsistent(profile: Profile, ctx: CheckContext) -> CheckResult:
    city = brand_city(ctx.brand)
    if not city:
        return GEO003.na(
            "The brand's location is not given (brand file `location`), so there is nothing "
            "to compare with."
        )
    names = [n for n in (city, ctx.brand.name) if n]
    lang = profile_languages(profile, ctx.brand.languages)

    def agrees(text: str) -> bool:
        return any(target_in(text, n, lang) for n in names)

    loc_text = describe(profile.location) if profile.location else ""
    geotags = [
        (p, describe(p.location))
        for p in recent_posts(profile)
        if p.location is not None and not p.location.is_empty()
    ]
    if not loc_text and not geotags:
        unseen = not_observed(profile, "location", "geotags", "posts")
        return GEO003.na(unseen or "The profile shows no location and no recent post is geotagged.")
    problems = []
    evidence = []
    if loc_text and not agrees(loc_text):
        problems.append(f"profile location {quote(loc_text)} does not mention {city}")
        evidence.append(ev(profile, "location", loc_text))
    off = [(p, t) for p, t in geotags if not agrees(t)]
    if geotags and len(off) / len(geotags) > 0.5:
        problems.append(f"{len(off)} of {len(geotags)} geotags are not in {city}")
        evidence += [post_ev(profile, p, "location", t) for p, t in off[:3]]
    if problems:
        return GEO003.warn(_sentence("; ".join(problems)), evidence)
    checked = (["the profile location"] if loc_text else []) + (
        [f"{len(geotags) - len(off)} of {len(geotags)} geotags"] if geotags else []
    )
    return GEO003.passed(_sentence(f"{' and '.join(checked)} match {city}"))


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."
