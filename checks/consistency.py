"""Consistency across platforms (brand level): people who find you on one platform should
recognise and find you on the others. These run once per brand over its captured profiles
and are reported in `AuditResult.brand_checks`.

CON004 (avatar-inconsistent) compares perceptual hashes of the profile images (`Avatar.phash`),
which the runner sets from the avatar images a live capture stores in the snapshot.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Sequence

from audit.images import HASH_BITS, hamming
from audit.model import Platform, Profile
from audit.result import Category, CheckResult, Evidence, Severity, Status
from checks.base import CheckContext, CheckMeta, brand_check
from checks.common import host_of
from checks.keywords import fold
from checks.links import own_site_links
from checks.sources import GA_CAMPAIGN_URLS, GBP_GUIDELINES, KRAWETZ_DHASH, OWN

Item = tuple[Profile, str]  # a profile and the value compared (normalised)


def _close(a: str, b: str) -> bool:
    """Equal, one containing the other (at least 4 characters), or nearly equal."""
    if a == b:
        return True
    if min(len(a), len(b)) >= 4 and (a in b or b in a):
        return True
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.85


def _reference(values: Sequence[str], close: Callable[[str, str], bool]) -> str:
    """The value most others agree with (first in order on a tie)."""
    return max(values, key=lambda v: sum(close(v, other) for other in values))


def _compare(
    meta: CheckMeta,
    items: Sequence[Item],
    what: str,
    shown: Callable[[Profile], str],
    reference: str | None = None,
    close: Callable[[str, str], bool] = _close,
) -> CheckResult:
    values = [v for _, v in items]
    ref = reference if reference is not None else _reference(values, close)
    off = [(p, v) for p, v in items if not close(v, ref)]
    evidence = [Evidence(field=what, value=shown(p), url=p.url) for p, _ in items]
    if not off and reference is not None:
        return meta.passed(
            f"The {what} matches the brand's ({reference}) on {len(items)} "
            f"profile{'s' if len(items) != 1 else ''}: "
            + ", ".join(f"{shown(p)} ({p.platform.label})" for p, _ in items)
            + ".",
            evidence,
        )
    if not off:
        return meta.passed(
            f"The {what} agrees on all {len(items)} profiles: "
            + ", ".join(f"{shown(p)} ({p.platform.label})" for p, _ in items)
            + ".",
            evidence,
        )
    agree = [(p, v) for p, v in items if close(v, ref)]
    base = ", ".join(f"{shown(p)} ({p.platform.label})" for p, _ in agree) or ref
    return meta.warn(
        f"The {what} differs on {len(off)} of {len(items)} profiles: "
        + ", ".join(f"{shown(p)} on {p.platform.label}" for p, _ in off)
        + f" vs {base}.",
        evidence,
        score=(len(items) - len(off)) / len(items),
    )


def _too_few(meta: CheckMeta, what: str) -> CheckResult:
    return meta.na(f"Fewer than two captured profiles show a {what} to compare.")


CON001 = CheckMeta(
    id="CON001",
    slug="handle-inconsistent",
    title="The handle is the same everywhere",
    failure_title="The handle differs between platforms",
    category=Category.CONSISTENCY,
    severity=Severity.MEDIUM,
    weight=1,
    what="The same handle (or a close variant: separators, a suffix) on every captured platform.",
    why="People who find you on one platform search for the same handle on the next; a "
    "different one sends them to a stranger or nowhere.",
    fix="Claim the same handle everywhere; where it is taken, add the same suffix on all "
    "(the same name everywhere, or the name plus the same city or trade everywhere).",
    example="@bluedoorbakery on Instagram, @bdb_austin on TikTok.",
    better="@bluedoorbakery on Instagram, TikTok and Pinterest.",
    source=OWN + "the handle is how people move from one platform to the next; "
    "close variants (one suffix) are counted as the same.",
)


def handle_core(profile: Profile) -> str | None:
    """The comparable part of a handle: no '@instance', no '.bsky.social', no TLD of a
    domain handle; None for an opaque id (YouTube 'UC...' channel ids)."""
    handle = profile.handle.split("@")[0]
    if profile.platform is Platform.YOUTUBE and re.fullmatch(r"UC[\w-]{22}", handle):
        return None
    if profile.platform is Platform.BLUESKY:
        handle = handle.removesuffix(".bsky.social")
        if "." in handle:
            handle = handle.rsplit(".", 1)[0]
    core = "".join(ch for ch in fold(handle) if ch.isalnum())
    return core or None


@brand_check(CON001)
def handle_inconsistent(profiles: Sequence[Profile], ctx: CheckContext) -> CheckResult:
    items = [(p, core) for p in profiles if (core := handle_core(p))]
    if len(items) < 2:
        return _too_few(CON001, "handle")
    return _compare(CON001, items, "handle", lambda p: "@" + p.handle)


CON002 = CheckMeta(
    id="CON002",
    slug="name-inconsistent",
    title="The display name agrees everywhere",
    failure_title="The display name differs between platforms",
    category=Category.CONSISTENCY,
    severity=Severity.MEDIUM,
    weight=1,
    what="Display names agree across platforms (a keyword added after the same name counts "
    "as agreeing).",
    why="The name is what people recognise in results; 'Blue Door Bakery' on one platform and "
    "'BDB Austin' on another look like two businesses.",
    fix="Use the same business name first on every platform; add keywords after it.",
    example="'Blue Door Bakery' on Instagram, 'BDB ATX' on TikTok.",
    better="'Blue Door Bakery | Sourdough' on Instagram, 'Blue Door Bakery' on TikTok.",
    source=GBP_GUIDELINES + " (the name as the business is known everywhere)",
)


def _name_key(name: str) -> str:
    words = re.findall(r"[^\W_]+", fold(name))
    return " ".join(words)


@brand_check(CON002)
def name_inconsistent(profiles: Sequence[Profile], ctx: CheckContext) -> CheckResult:
    items = [(p, key) for p in profiles if p.display_name and (key := _name_key(p.display_name))]
    if len(items) < 2:
        return _too_few(CON002, "display name")
    return _compare(CON002, items, "display name", lambda p: repr(p.display_name))


CON003 = CheckMeta(
    id="CON003",
    slug="website-inconsistent",
    title="Every profile links the same website",
    failure_title="Profiles link different websites",
    category=Category.CONSISTENCY,
    severity=Severity.LOW,
    weight=1,
    what="The website links on all profiles (and the brand file's website, when given) are "
    "on the same domain.",
    why="One domain collects the trust and the analytics; an old domain or a reseller's "
    "page on one profile splits both and confuses customers.",
    fix="Point every profile at the same domain (use UTM parameters to tell platforms apart).",
    example="bluedoorbakery.com on Instagram, bluedoor-old.square.site on Facebook.",
    better="bluedoorbakery.com on every profile.",
    source=OWN + "one domain everywhere; UTM parameters, not other domains, tell "
    "platforms apart (" + GA_CAMPAIGN_URLS + ")",
)

_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "edu"})


def site_domain(url: str) -> str:
    """The registrable domain of a URL ('shop.bluedoor.co.uk/x' -> 'bluedoor.co.uk')."""
    labels = host_of(url).split(".")
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


@brand_check(CON003)
def website_inconsistent(profiles: Sequence[Profile], ctx: CheckContext) -> CheckResult:
    domain_of: dict[int, str] = {}
    for p in profiles:
        links = own_site_links(p)
        if links:
            domain_of[id(p)] = site_domain(links[0].url)
    items = [(p, domain_of[id(p)]) for p in profiles if id(p) in domain_of]
    reference = site_domain(ctx.brand.website) if ctx.brand.website else None
    if len(items) < (1 if reference else 2):
        return _too_few(CON003, "website")
    result = _compare(
        CON003,
        items,
        "website domain",
        lambda p: domain_of[id(p)],
        reference=reference,
        close=str.__eq__,
    )
    if reference and result.status is Status.WARN:
        message = result.message.rstrip(".") + f" (brand website: {reference})."
        return result.model_copy(update={"message": message})
    return result


CON004 = CheckMeta(
    id="CON004",
    slug="avatar-inconsistent",
    title="The profile image is the same everywhere",
    failure_title="The profile image differs between platforms",
    category=Category.CONSISTENCY,
    severity=Severity.MEDIUM,
    weight=1,
    what="The profile images of the captured profiles are the same picture, compared by a "
    "perceptual hash (a 64-bit difference hash: at most 10 bits apart counts as the same image, "
    "so resizing, cropping a little or re-encoding does not matter). Needs the images, which a "
    "live capture downloads; platform default avatars are left to PRO001.",
    why="The profile image is what people recognise first in a results list, before they "
    "read a name; the same logo everywhere tells them the account on the next platform is "
    "the business they already know.",
    fix="Use the same logo (or the same photo) as the profile image on every platform, "
    "exported once at 1080×1080 and uploaded everywhere.",
    example="The blue-door logo on Instagram, a photo of the shop window on Bluesky.",
    better="The blue-door logo on Instagram and on Bluesky.",
    source=KRAWETZ_DHASH,
)

# Bits (of 64) two hashes may differ by and still be the same picture. Krawetz's dHash notes:
# 0 is the same image, 1-10 a variation of it (resized, re-compressed, colour-adjusted),
# above 10 most likely a different picture. Re-encodes of one logo measure 0-4 here.
AVATAR_MAX_DISTANCE = 10


def _same_picture(a: str, b: str) -> bool:
    return hamming(a, b) <= AVATAR_MAX_DISTANCE


def _where(profiles: Sequence[Profile]) -> str:
    return ", ".join(f"{p.platform.label} @{p.handle}" for p in profiles)


@brand_check(CON004)
def avatar_inconsistent(profiles: Sequence[Profile], ctx: CheckContext) -> CheckResult:
    defaults = [p for p in profiles if p.avatar is not None and p.avatar.is_default]
    shown = [p for p in profiles if p.avatar and p.avatar.url and not p.avatar.is_default]
    items = [(p, p.avatar.phash) for p in shown if p.avatar and p.avatar.phash]
    note = (
        f" Left out: the platform's default avatar on {_where(defaults)} (see PRO001)."
        if defaults
        else ""
    )
    if len(items) < 2:
        if len(shown) < 2:
            reason = "Fewer than two captured profiles show a profile image to compare."
        elif not items:
            reason = (
                "The profile images were not downloaded (a saved file, an imported HAR or a "
                "failed download), so they cannot be compared."
            )
        else:
            reason = (
                f"Only one profile has an image to compare ({_where([items[0][0]])}); the "
                "others could not be downloaded."
            )
        return CON004.na(reason + note)
    hashes = [h for _, h in items]
    ref = _reference(hashes, _same_picture)
    ref_profile = next(p for p, h in items if h == ref)
    evidence = [
        Evidence(
            field="avatar",
            value=f"dHash {h}, {hamming(h, ref)} of {HASH_BITS} bits from the reference",
            source=p.avatar.url if p.avatar else None,
            url=p.url,
        )
        for p, h in items
    ]
    off = [(p, hamming(h, ref)) for p, h in items if not _same_picture(h, ref)]
    if not off:
        widest = max(hamming(h, ref) for h in hashes)
        return CON004.passed(
            f"The profile image is the same picture on all {len(items)} profiles "
            f"({_where([p for p, _ in items])}; at most {widest} of {HASH_BITS} hash bits "
            f"differ).{note}",
            evidence,
        )
    agree = [p for p, h in items if _same_picture(h, ref)]
    return CON004.warn(
        f"The profile image differs on {len(off)} of {len(items)} profiles: "
        + ", ".join(
            f"{p.platform.label} @{p.handle} ({d} of {HASH_BITS} bits from "
            f"{ref_profile.platform.label}'s)"
            for p, d in off
        )
        + f" vs the image on {_where(agree)}.{note}",
        evidence,
        score=(len(items) - len(off)) / len(items),
    )
