"""Profile basics: image, category, contact route, display name.

These are the first things a person sees in search results and the fields a platform shows
next to the handle; a default image or an empty name reads as an abandoned account.
"""

from __future__ import annotations

import re

from audit.model import Platform, Profile
from audit.patterns import EMAIL
from audit.result import Category, CheckResult, Severity
from checks.base import CheckContext, CheckMeta, check, not_observed
from checks.common import ev, quote, urls_in
from checks.sources import (
    GBP_GUIDELINES,
    GBP_LOCAL_RANKING,
    IG_SEARCH,
    MASTODON_PROFILE,
    OWN,
    PROFILE_PHOTO_320,
)

PRO001 = CheckMeta(
    id="PRO001",
    slug="profile-image-missing",
    title="Profile image is set",
    failure_title="Profile image is missing or the platform default",
    category=Category.PROFILE,
    severity=Severity.HIGH,
    weight=3,
    needs=("avatar",),
    what="A profile image is set and is not the platform's default avatar (Mastodon "
    "missing.png, X default_profile_image, Instagram's anonymous silhouette, or none).",
    why="Search results list accounts as image + name; a default silhouette looks like a "
    "spam or abandoned account and is skipped. Every platform's profile guide asks for one.",
    fix="Upload your logo or storefront photo as a square image of at least 320x320 pixels, "
    "the same one on every platform.",
    example="@bluedoorbakery shows Instagram's grey silhouette.",
    better="@bluedoorbakery shows the blue-door logo on white, 1080x1080.",
    source=MASTODON_PROFILE + "; " + GBP_LOCAL_RANKING + ". Which images are defaults "
    "(Mastodon missing.png, X default_profile_image, Instagram's silhouette) is read from the "
    "platforms' own image URLs.",
)


def _default_marker(profile: Profile, ctx: CheckContext) -> str | None:
    url = (profile.avatar.url if profile.avatar else None) or ""
    return next((m for m in ctx.rules.default_avatar_markers if m in url), None)


@check(PRO001)
def profile_image_missing(profile: Profile, ctx: CheckContext) -> CheckResult:
    """`avatar is None` means the capture could not tell; `Avatar(url=None)` means the page
    showed none. Only the second is a failure."""
    avatar = profile.avatar
    if avatar is None:
        return PRO001.na(
            "The capture did not show the profile image field, so it cannot be judged."
        )
    evidence = [ev(profile, "avatar", avatar.url)]
    if not avatar.url:
        return PRO001.fail("No profile image is set.", evidence)
    marker = _default_marker(profile, ctx)
    if avatar.is_default or marker:
        why = f" (URL contains {marker!r})" if marker else ""
        return PRO001.fail(
            f"The profile image is {profile.platform.label}'s default avatar{why}.", evidence
        )
    return PRO001.passed("A profile image is set.", evidence)


PRO002 = CheckMeta(
    id="PRO002",
    slug="profile-image-low-resolution",
    title="Profile image is sharp",
    failure_title="Profile image is low resolution",
    category=Category.PROFILE,
    severity=Severity.LOW,
    weight=1,
    needs=("avatar",),
    what="The largest available profile image is at least 320x320 pixels (warn 150-319, "
    "fail below 150), when the capture knows its dimensions.",
    why="Instagram stores profile images at 320x320; a smaller upload is "
    "blurred where people decide whether to tap.",
    fix="Upload a square image of at least 320x320 pixels (1080x1080 is safe everywhere).",
    example="A 110x110 logo, upscaled and blurry on the profile page.",
    better="The same logo exported at 1080x1080.",
    source=PROFILE_PHOTO_320 + ". The 150-pixel floor for a failure is " + OWN + "below it "
    "even the small circle in search results is visibly blurred.",
)


def _rendition(url: str, width: int, height: int) -> bool:
    """Whether the image address itself asks for this size ('/p50x50/', '75x75_RS',
    's150x150', 'company-logo_200_200'): a thumbnail the platform cut from a larger upload
    (Facebook's Graph API default picture, Pinterest's small avatar, the logo LinkedIn's page
    shows, Instagram's 's100x100' in its query), which says nothing about the upload."""
    return bool(re.search(rf"(?<![0-9]){width}[x_]{height}(?![0-9])", url))


@check(PRO002)
def profile_image_low_resolution(profile: Profile, ctx: CheckContext) -> CheckResult:
    avatar = profile.avatar
    if avatar is None or not avatar.url or avatar.is_default or _default_marker(profile, ctx):
        return PRO002.na("No profile image of the brand's own to measure (see PRO001).")
    if not avatar.width or not avatar.height:
        return PRO002.na("The capture does not show the profile image's dimensions.")
    need = ctx.rules.avatar_min_px or 320
    if min(avatar.width, avatar.height) < need and _rendition(
        avatar.url, avatar.width, avatar.height
    ):
        return PRO002.na(
            f"The capture shows a {avatar.width}x{avatar.height} thumbnail the platform made "
            "(its address asks for that size), not the image the brand uploaded, so its "
            "resolution is not observable.",
            [ev(profile, "avatar", f"{avatar.width}x{avatar.height}", url=avatar.url)],
        )
    side = min(avatar.width, avatar.height)
    evidence = [ev(profile, "avatar", f"{avatar.width}x{avatar.height}", url=avatar.url)]
    msg = f"Profile image is {avatar.width}x{avatar.height} pixels; {need}x{need} is the target."
    if side >= need:
        return PRO002.passed(msg, evidence)
    if side >= 150:
        return PRO002.warn(msg, evidence, score=side / need)
    return PRO002.fail(msg, evidence, score=side / need)


PRO003 = CheckMeta(
    id="PRO003",
    slug="category-missing",
    title="Business category is set",
    failure_title="Business category is not set",
    category=Category.PROFILE,
    severity=Severity.MEDIUM,
    weight=2,
    needs=("category",),
    platforms=frozenset(
        {
            Platform.INSTAGRAM,
            Platform.FACEBOOK,
            Platform.X,
            Platform.LINKEDIN,
            Platform.GOOGLE_BUSINESS,
        }
    ),
    what="A business category / industry is shown where the platform has one (Instagram, "
    "Facebook, X professional, LinkedIn industry, Google).",
    why="The category is a searchable field on Facebook, LinkedIn and Google (Google ranks "
    "places by how well their category matches a search), and on Instagram it tells a "
    "visitor what you are in one word.",
    fix="Switch to a professional/business account and pick the most specific category "
    "for what you do, not a broad one.",
    example="Instagram shows no category under the name.",
    better="Instagram shows 'Bakery' under 'Blue Door Bakery'.",
    source=GBP_LOCAL_RANKING + "; " + GBP_GUIDELINES,
)


@check(PRO003)
def category_missing(profile: Profile, ctx: CheckContext) -> CheckResult:
    category = (profile.category or "").strip()
    if category:
        return PRO003.passed(f"Category is {quote(category)}.", [ev(profile, "category", category)])
    hint = ""
    if profile.platform is Platform.INSTAGRAM and profile.is_business is False:
        hint = " This is a personal account: only professional accounts show a category."
    return PRO003.fail(
        f"No business category is shown on {profile.platform.label}.{hint}",
        [ev(profile, "category", None)],
    )


PRO004 = CheckMeta(
    id="PRO004",
    slug="contact-missing",
    title="A contact route is public",
    failure_title="No public contact route",
    category=Category.PROFILE,
    severity=Severity.MEDIUM,
    weight=2,
    platforms=frozenset(
        {Platform.INSTAGRAM, Platform.FACEBOOK, Platform.LINKEDIN, Platform.GOOGLE_BUSINESS}
    ),
    what="A public contact route: email, phone, a contact button or an address, where the "
    "platform supports one (an email or phone number in the bio counts).",
    why="Someone who found you in search and wants to order or book needs a way to reach "
    "you without leaving the app.",
    fix="Add a contact button (on Instagram: Edit profile > Contact options) or put an email / "
    "phone number in the bio.",
    example="A bakery profile with no email, phone, button or address.",
    better="Contact buttons: Call, Email, Directions.",
    source=GBP_LOCAL_RANKING
    + ". Counting an email or phone number written in the bio is "
    + OWN
    + "it is a route a customer can use.",
)

_EMAIL = EMAIL  # audit.patterns: linear on any text
_PHONE = re.compile(r"(?:\+|\b)\d[\d\s().-]{6,}\d")


@check(PRO004)
def contact_missing(profile: Profile, ctx: CheckContext) -> CheckResult:
    routes: list[str] = []
    c = profile.contact
    if c is not None:
        routes += [r for r, v in (("email", c.email), ("phone", c.phone)) if v]
        if c.has_contact_button:
            routes.append("contact button")
    loc = profile.location
    if loc is not None and loc.address:
        routes.append("address")
    bio = profile.bio or ""
    if _EMAIL.search(bio):
        routes.append("email in bio")
    bio_without_urls = bio
    for url in urls_in(bio):  # a digit run inside a URL is not a phone number
        bio_without_urls = bio_without_urls.replace(url, " ")
    if _PHONE.search(bio_without_urls):
        routes.append("phone in bio")
    if routes:
        return PRO004.passed(
            f"Public contact: {', '.join(routes)}.", [ev(profile, "contact", routes)]
        )
    unseen = not_observed(profile, "contact")
    if unseen:
        return PRO004.na(unseen)
    if c is None and loc is None:
        return PRO004.na(
            "The capture shows no contact fields (logged-out pages often hide contact "
            "buttons), and the bio has no email or phone number."
        )
    return PRO004.fail(
        "No email, phone, contact button or address is shown, and none is in the bio.",
        [ev(profile, "contact", None)],
    )


PRO005 = CheckMeta(
    id="PRO005",
    slug="display-name-generic",
    title="Display name says who you are",
    failure_title="Display name is empty or the handle as typed",
    category=Category.PROFILE,
    severity=Severity.MEDIUM,
    weight=2,
    needs=("display_name",),
    # A Google place has no handle: its name is the business name and nothing else.
    platforms=frozenset(set(Platform) - {Platform.GOOGLE_BUSINESS}),
    what="The display name is set and is written for people, not the handle as typed: "
    "'blue_door.bakery', or 'bluedoorbakery' for the brand 'Blue Door Bakery'. A brand whose "
    "handle is its name (@acme named 'Acme') passes.",
    why="The name field is searched with the highest weight (Mosseri: name, username, bio, "
    "captions, hashtags, places); the handle's underscores and run-together words do not "
    "match what people type.",
    fix="Write the business name as people say it, with spaces, plus what you do if it "
    "fits: 'Your Name | what you do'.",
    example="Name: 'blue_door.bakery' (the handle again).",
    better="Name: 'Blue Door Bakery · Sourdough'.",
    source=IG_SEARCH,
)

# A lowercase copy of the handle this long is likely several words run together.
_RUN_TOGETHER_MIN = 12


def _squash(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _handle_as_typed(name: str, handle: str, brand_name: str | None) -> str | None:
    """Why `name` is the handle as typed rather than a name written for people, or None.

    Equal letters are not enough: @acme named 'Acme', @cnn named 'CNN' is the brand's name.
    What gives the handle away: its separators ('blue_door.bakery'), or words run together
    that the brand writes apart ('bluedoorbakery' for 'Blue Door Bakery'), or, without a
    brand name, a long all-lowercase copy of the handle."""
    if any(ch.isspace() for ch in name) or _squash(name) != _squash(handle):
        return None
    marks = sorted({ch for ch in name if not ch.isalnum()})
    if marks:
        return f"written like a handle, with {' and '.join(repr(m) for m in marks)} for spaces"
    if brand_name and _squash(brand_name) == _squash(name) and " " in brand_name.strip():
        return f"the brand's words run together (the brand is {quote(brand_name.strip())})"
    if not brand_name and name == handle and name.islower() and len(name) >= _RUN_TOGETHER_MIN:
        return "it is the handle again, all lowercase; if it is several words, write them apart"
    return None


@check(PRO005)
def display_name_generic(profile: Profile, ctx: CheckContext) -> CheckResult:
    name = (profile.display_name or "").strip()
    evidence = [ev(profile, "display_name", profile.display_name)]
    if not name:
        return PRO005.fail("Display name is empty.", evidence)
    handle = profile.handle.split("@")[0]
    typed = _handle_as_typed(name, handle, ctx.brand.name)
    if typed:
        return PRO005.warn(
            f"Display name {quote(name)} repeats the handle @{profile.handle}: {typed}.",
            evidence,
        )
    return PRO005.passed(f"Display name is {quote(name)}.", evidence)
