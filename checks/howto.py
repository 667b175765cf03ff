"""Fix sentences for the platform being audited, in the brand's own words.

A check's `fix` is written once for every platform; shown on one profile it must name that
platform's own screens and no other's (an Instagram menu path told to a LinkedIn page helps no
one), and its example must come from the brand's own texts or be neutral: a bakery in Austin is
the documentation's example (`findable checks --explain`), never what a report tells NASA.

`fix_for` is what `suggest.enrich` asks when a check warns or fails on a profile; a check
missing here keeps its generic sentence, which says nothing platform- or trade-specific.
"""

from __future__ import annotations

from collections.abc import Callable

from audit.discover import profile_language
from audit.model import Platform, Profile
from audit.result import CheckResult
from checks.base import CheckContext
from checks.common import text_length
from checks.keywords import target_in

__all__ = ["fix_for", "where"]

# Where an owner does a thing on each platform, as the platform's own screens name it. A
# platform missing for a key gets the neutral "in <Platform>'s profile settings".
_WHERE: dict[str, dict[Platform, str]] = {
    "link": {
        Platform.INSTAGRAM: "Edit profile > Links",
        Platform.FACEBOOK: "Edit Page info > Contact > Website",
        Platform.X: "Edit profile > Website",
        Platform.THREADS: "Edit profile > Links",
        Platform.TIKTOK: "Edit profile > Website",
        Platform.YOUTUBE: "YouTube Studio > Customization > Basic info > Links",
        Platform.PINTEREST: "Edit profile > Website",
        Platform.LINKEDIN: "Edit page > Details > Website",
        Platform.MASTODON: "Edit profile > Extra fields, labelled 'Website'",
        Platform.BLUESKY: "a full address in the description: Bluesky has no website field",
        Platform.GOOGLE_BUSINESS: "Edit profile > Contact > Website",
    },
    "alt": {
        Platform.INSTAGRAM: "when posting, Advanced settings > Accessibility > Write alt text",
        Platform.FACEBOOK: "Edit > Alternative text on each photo",
        Platform.X: "Add description (+Alt) on each image when posting",
        Platform.BLUESKY: "the ALT button on each image when posting",
        Platform.MASTODON: "the image's Edit or ALT button when posting",
        Platform.LINKEDIN: "Alt text on each image when you add it to a post",
        Platform.PINTEREST: "the Alt text field when creating a Pin",
        Platform.THREADS: "the alt text option on each image when posting",
    },
    "contact": {
        Platform.INSTAGRAM: "Edit profile > Contact options",
        Platform.FACEBOOK: "Edit Page info > Contact",
        Platform.LINKEDIN: "Edit page > Details > Phone",
        Platform.GOOGLE_BUSINESS: "Edit profile > Contact > Phone",
    },
    "location": {
        Platform.INSTAGRAM: "Edit profile > Contact options > Business address",
        Platform.FACEBOOK: "Edit Page info > Location",
        Platform.X: "Edit profile > Location",
        Platform.LINKEDIN: "Edit page > Locations",
        Platform.GOOGLE_BUSINESS: "Edit profile > Location",
        Platform.YOUTUBE: "YouTube Studio > Settings > Channel > Country of residence",
        Platform.MASTODON: "Edit profile > Extra fields, labelled 'Location'",
    },
    "place_tag": {
        Platform.INSTAGRAM: "Add location, when posting",
        Platform.FACEBOOK: "Check in, when posting",
        Platform.TIKTOK: "Location, when posting",
    },
    "category": {
        Platform.INSTAGRAM: "Edit profile > Category, on a professional account",
        Platform.FACEBOOK: "Edit Page info > Categories",
        Platform.X: "Edit profile > Category, on a professional account",
        Platform.LINKEDIN: "Edit page > Details > Industry",
        Platform.GOOGLE_BUSINESS: "Edit profile > Business category",
    },
    "shop": {
        Platform.INSTAGRAM: "Instagram Shopping in Meta Commerce Manager",
        Platform.FACEBOOK: "a Facebook Shop in Meta Commerce Manager",
        Platform.TIKTOK: "TikTok Shop in Seller Center",
        Platform.PINTEREST: "a Pinterest catalog",
        Platform.YOUTUBE: "YouTube Shopping in YouTube Studio > Earn > Shopping",
    },
}


def where(key: str, platform: Platform) -> str:
    """Where on `platform` an owner does `key` ('link', 'alt', ...), as its screens say it."""
    return _WHERE[key].get(platform) or f"in {platform.label}'s profile settings"


def _name_fix(result: CheckResult, profile: Profile, ctx: CheckContext) -> str:
    """KEY001 when no name with a keyword fits (the engine prefers the ready proposal)."""
    name = " ".join((profile.display_name or ctx.brand.name or "").split())
    label, limit = profile.platform.label, ctx.rules.name_max
    first = ctx.keywords[0] if ctx.keywords else "your main keyword"
    if name and limit and text_length(f"{name} | {first}", ctx.rules) > limit:
        return (
            f"{label} allows {limit} characters in the name field and '{name}' leaves no room "
            f"for '{first}': use a shorter form of the name there, or a shorter keyword, "
            "and keep the full name in the bio."
        )
    shown = f"'{name} | {first}'" if name else f"'your business name | {first}'"
    allows = f" ({label} allows {limit} characters)" if limit else ""
    return f"Add your main keyword after the business name: {shown}{allows}."


def _first_line_fix(result: CheckResult, profile: Profile, ctx: CheckContext) -> str:
    """BIO006: the owner's own line that carries a keyword, moved up."""
    lang = profile_language(profile)
    lines = [line.strip() for line in (profile.bio or "").splitlines() if line.strip()]
    for line in lines[1:]:
        if any(target_in(line, k, lang) for k in ctx.keywords):
            return f"Move the line with your keyword ('{line}') to the top."
    return "Open the bio with a line that says what you do, in the words people search for."


def _caption_fix(result: CheckResult, profile: Profile, ctx: CheckContext) -> str:
    words = " or ".join(f"'{k}'" for k in ctx.keywords[:2]) or "your main keyword"
    return (
        f"Work one target keyword ({words}) into the first sentence of each caption, as "
        "part of a sentence, not a list of tags."
    )


_FixFn = Callable[[CheckResult, Profile, CheckContext], str]


def _at(key: str, sentence: str) -> _FixFn:
    """A fix sentence whose `{where}` is this platform's screen for `key` (`where`)."""

    def fix(result: CheckResult, profile: Profile, ctx: CheckContext) -> str:
        return sentence.format(where=where(key, profile.platform))

    return fix


_alt_fix = _at(
    "alt",
    "Write alt text for each image ({where}): one sentence saying what the photo shows, "
    "naming the product or subject.",
)
_auto_alt_fix = _at(
    "alt",
    "Replace the automatic text with your own on new posts ({where}), and edit it into your "
    "pinned and best-performing posts.",
)
_link_fix = _at(
    "link",
    "Add your website ({where}), pointing at the page you want visitors to reach (shop, "
    "booking, menu, sign-up).",
)
_contact_fix = _at(
    "contact",
    "Add a contact route ({where}), or put an email / phone number in the bio.",
)


def _location_fix(result: CheckResult, profile: Profile, ctx: CheckContext) -> str:
    bio = ctx.rules.bio_label.lower()
    place = _WHERE["location"].get(profile.platform)
    if place is None:
        return (
            f"Put '📍 City' on a line of its own in the {bio}: {profile.platform.label} "
            "profiles have no location field."
        )
    return f"Add where you are ({place}), or put '📍 City' on a line of its own in the {bio}."


def _catalogue_fix(result: CheckResult, profile: Profile, ctx: CheckContext) -> str:
    shop = _WHERE["shop"].get(profile.platform)
    if shop is None:
        return result.fix or ""
    return f"Connect your catalogue: set up {shop}, then tag your products in posts."


def _place_tag_fix(result: CheckResult, profile: Profile, ctx: CheckContext) -> str:
    return (
        f"Tag the business's own place on every post taken there "
        f"({where('place_tag', profile.platform)})."
    )


def _category_fix(result: CheckResult, profile: Profile, ctx: CheckContext) -> str:
    return (
        f"Set the most specific category for what you do ({where('category', profile.platform)}), "
        "not a broad one."
    )


def _shop_fix(result: CheckResult, profile: Profile, ctx: CheckContext) -> str:
    shop = _WHERE["shop"].get(profile.platform)
    also = f", and set up {shop} if you sell products" if shop else ""
    return (
        "Point the profile link at the page that sells (shop, booking, ordering) and say so in "
        f"the {ctx.rules.bio_label.lower()}{also}. If the brand sells nothing online, set "
        "sells_online = false in the brand file."
    )


def _short_video_fix(result: CheckResult, profile: Profile, ctx: CheckContext) -> str:
    label = ctx.rules.short_video_label or "short videos"
    return (
        "Turn what you already show into 15–30 second vertical clips (work in progress, a "
        "product or place in use, a before/after) and make one of every three or four posts "
        f"{label}, with the keyword in the caption."
    )


def _review_ask_fix(result: CheckResult, profile: Profile, ctx: CheckContext) -> str:
    if profile.platform is Platform.FACEBOOK:
        form = "your Page's reviews (recommendations)"
    else:
        form = "your Google review form (Business Profile > Ask for reviews)"
    return (
        f"Ask happy customers for a review: a QR code on the counter or the receipt that opens "
        f"{form}, and a line in your follow-up e-mail."
    )


_FIXES: dict[str, _FixFn] = {
    "KEY001": _name_fix,
    "BIO006": _first_line_fix,
    "KEY003": _caption_fix,
    "ALT001": _alt_fix,
    "ALT003": _auto_alt_fix,
    "LNK001": _link_fix,
    "PRO003": _category_fix,
    "PRO004": _contact_fix,
    "GEO001": _location_fix,
    "GEO002": _place_tag_fix,
    "SHP002": _catalogue_fix,
    "SHP001": _shop_fix,
    "VID001": _short_video_fix,
    "REV001": _review_ask_fix,
}


def fix_for(result: CheckResult, profile: Profile, ctx: CheckContext) -> str | None:
    """The fix sentence for this platform and brand, or None to keep the check's own."""
    fn = _FIXES.get(result.id)
    return fn(result, profile, ctx) if fn else None
