"""Links: the route from a profile someone found to the place they can buy or book."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from audit.model import Profile
from audit.result import Category, CheckResult, Evidence, Severity
from checks.base import CheckContext, CheckMeta, check, not_observed
from checks.bio import calls_to_action
from checks.common import (
    AGGREGATOR_HOSTS,
    SHORTENER_HOSTS,
    SOCIAL_HOSTS,
    host_in,
    host_of,
    unwrap_redirect,
    urls_in,
)
from checks.sources import GA_CAMPAIGN_URLS, GBP_LOCAL_RANKING, OWN, X_PROFILE_HELP


@dataclass(frozen=True)
class FoundLink:
    field: str  # where it was found: 'links[0].url' or 'bio'
    url: str  # unwrapped from the platform's redirector
    title: str | None = None

    @property
    def host(self) -> str:
        return host_of(self.url)

    def evidence(self, profile: Profile) -> Evidence:
        key = "links" if self.field.startswith("links") else self.field
        return Evidence(field=self.field, value=self.url, source=profile.sources.get(key))


def profile_links(profile: Profile) -> list[FoundLink]:
    """Links in the profile's link fields, then URLs written in the bio (deduplicated)."""
    found: list[FoundLink] = []
    seen: set[str] = set()
    candidates = [
        (f"links[{i}].url", link.url, link.title) for i, link in enumerate(profile.links)
    ] + [("bio", url, None) for url in urls_in(profile.bio)]
    for field, raw, title in candidates:
        url = unwrap_redirect(raw.strip())
        key = url.split("://", 1)[-1].rstrip("/").lower()
        if url and key not in seen:
            seen.add(key)
            found.append(FoundLink(field, url, title))
    return found


def own_site_links(profile: Profile) -> list[FoundLink]:
    """Links to the brand's own website: not an aggregator, a shortener or a social platform."""
    other = AGGREGATOR_HOSTS | SHORTENER_HOSTS | SOCIAL_HOSTS
    return [link for link in profile_links(profile) if link.host and not host_in(link.host, other)]


LNK001 = CheckMeta(
    id="LNK001",
    slug="website-link-missing",
    title="A website link is present",
    failure_title="No website link",
    category=Category.LINKS,
    severity=Severity.HIGH,
    weight=3,
    what="The profile has a website / link-in-bio, in its link fields or written in the bio "
    "(warn when only in the bio of a platform that does not make bio text clickable: "
    "Instagram, TikTok).",
    why="The link is the only way from a profile someone found to your menu, shop or booking "
    "page; on Instagram captions cannot carry clickable links, so the bio link is it.",
    fix="Add your website in the profile's website/links field (on Instagram: Edit profile > "
    "Links), pointing at the page you want visitors to reach (shop, booking, menu, sign-up).",
    example="Profile with no links and a bio that ends 'visit us!'.",
    better="Link: https://bluedoorbakery.com/order",
    source=GBP_LOCAL_RANKING + "; " + X_PROFILE_HELP,
)


@check(LNK001)
def website_link_missing(profile: Profile, ctx: CheckContext) -> CheckResult:
    links = profile_links(profile)
    clickable = [link for link in links if link.field != "bio" or ctx.rules.bio_urls_clickable]
    if clickable:
        shown = ", ".join(link.url for link in clickable[:3])
        return LNK001.passed(
            f"{len(clickable)} link{'s' if len(clickable) != 1 else ''}: {shown}.",
            [link.evidence(profile) for link in clickable[:3]],
        )
    if links:
        return LNK001.warn(
            f"{links[0].url} is written in the {ctx.rules.bio_label.lower()}, where "
            f"{profile.platform.label} does not make it clickable, and the links field is "
            "empty.",
            [link.evidence(profile) for link in links[:3]],
        )
    unseen = not_observed(profile, "links")
    if unseen:
        return LNK001.na(unseen)
    note = f" Note: {ctx.rules.link_note}." if ctx.rules.link_note else ""
    return LNK001.fail(
        f"No website link: the links field is empty and the {ctx.rules.bio_label.lower()} "
        f"has no URL.{note}",
        [Evidence(field="links", value=[], source=profile.sources.get("links"))],
    )


LNK002 = CheckMeta(
    id="LNK002",
    slug="website-link-not-https",
    title="Links are well-formed https links",
    failure_title="A link is malformed, not https, or a bare shortener",
    category=Category.LINKS,
    severity=Severity.MEDIUM,
    weight=1,
    what="Each link parses as a web address, uses https when it names a scheme, and is not a "
    "bare URL shortener (bit.ly, tinyurl ...).",
    why="Browsers mark http pages 'Not secure' and some in-app browsers warn before opening "
    "them; shorteners hide where a link goes, which people and spam filters distrust.",
    fix="Link the full https address of your own page; if you need tracking, add UTM "
    "parameters instead of a shortener.",
    example="Link: http://bit.ly/3xYz",
    better="Link: https://bluedoorbakery.com/order?utm_source=instagram",
    source=OWN + "browsers mark plain http pages 'Not secure', and a shortener "
    "hides where the link goes; " + GA_CAMPAIGN_URLS,
)


def _link_problem(link: FoundLink) -> str | None:
    parts = urlsplit(link.url if "://" in link.url else "https://" + link.url)
    if parts.scheme not in ("http", "https") or "." not in link.host or " " in link.url:
        return f"{link.url} does not parse as a web address"
    if parts.scheme == "http" and "://" in link.url:
        return f"{link.url} uses http, not https"
    if host_in(link.host, SHORTENER_HOSTS):
        return f"{link.url} is a bare URL shortener ({link.host})"
    return None


@check(LNK002)
def website_link_not_https(profile: Profile, ctx: CheckContext) -> CheckResult:
    links = profile_links(profile)
    if not links:
        return LNK002.na(
            not_observed(profile, "links") or "There is no link to check (see LNK001)."
        )
    problems = [(link, p) for link in links if (p := _link_problem(link))]
    if not problems:
        return LNK002.passed(f"Every link ({len(links)}) is a well-formed web address.")
    return LNK002.warn(
        "; ".join(p for _, p in problems) + ".",
        [link.evidence(profile) for link, _ in problems],
        score=(len(links) - len(problems)) / len(links),
    )


LNK003 = CheckMeta(
    id="LNK003",
    slug="link-not-tracked",
    title="Website links are tracked",
    failure_title="Website links carry no UTM parameters",
    category=Category.LINKS,
    severity=Severity.LOW,
    weight=1,
    what="Links to the brand's own website carry UTM parameters (utm_source ...), so visits "
    "from each profile show up in analytics.",
    why="Without UTM codes, social visits arrive as 'direct' or a bare referral and you cannot "
    "tell which profile (or which fix) brought them (Google Analytics Help: campaign URLs).",
    fix="Append ?utm_source=instagram&utm_medium=social&utm_campaign=bio to the link on each "
    "platform (change the source per platform).",
    example="Link: https://bluedoorbakery.com",
    better="Link: https://bluedoorbakery.com/?utm_source=instagram&utm_medium=social",
    source=GA_CAMPAIGN_URLS,
)


def _tracked(link: FoundLink) -> bool:
    url = link.url if "://" in link.url else "https://" + link.url
    return any(k.lower().startswith("utm_") for k in parse_qs(urlsplit(url).query))


@check(LNK003)
def link_not_tracked(profile: Profile, ctx: CheckContext) -> CheckResult:
    links = own_site_links(profile)
    if not links:
        return LNK003.na(
            not_observed(profile, "links")
            or "No link to the brand's own website (aggregators and social links keep their own "
            "statistics)."
        )
    untracked = [link for link in links if not _tracked(link)]
    if not untracked:
        return LNK003.passed(f"Every website link ({len(links)}) carries UTM parameters.")
    return LNK003.warn(
        f"{len(untracked)} of {len(links)} website links carry no UTM parameters "
        f"({', '.join(link.url for link in untracked[:3])}), so visits are not attributed to "
        f"this {_profile_words(profile)}.",
        [link.evidence(profile) for link in untracked[:3]],
        score=(len(links) - len(untracked)) / len(links),
    )


LNK004 = CheckMeta(
    id="LNK004",
    slug="link-aggregator-without-context",
    title="The link-in-bio page is explained",
    failure_title="A link-in-bio page with no words saying what is behind it",
    category=Category.LINKS,
    severity=Severity.LOW,
    weight=1,
    what="When the link is a link-in-bio aggregator (linktr.ee, beacons.ai ...), the bio or "
    "the link's title says what is behind it (order, menu, book ...).",
    why="An unexplained aggregator link is one more tap to an unknown page; people tap when "
    "they know what they get.",
    fix="Say what the link holds, right above it ('Shop, events & contact ↓'), or give the "
    "link a title.",
    example="Bio: 'Sourdough bakery in Austin', link: linktr.ee/bluedoor",
    better="Bio: 'Sourdough bakery in Austin · Order & menu ↓', link: linktr.ee/bluedoor",
    source=OWN + "a link-in-bio page is one more tap; the words next to it are "
    "what makes people take it.",
)


@check(LNK004)
def link_aggregator_without_context(profile: Profile, ctx: CheckContext) -> CheckResult:
    aggregators = [link for link in profile_links(profile) if host_in(link.host, AGGREGATOR_HOSTS)]
    if not aggregators:
        return LNK004.na(not_observed(profile, "links") or "No link-in-bio aggregator is used.")
    evidence = [link.evidence(profile) for link in aggregators]
    titled = [link.title for link in aggregators if link.title and host_of(link.title) != link.host]
    context = calls_to_action(profile.bio or "") + [repr(t) for t in titled]
    host = aggregators[0].host
    if context:
        return LNK004.passed(f"The {host} link is explained by {', '.join(context[:3])}.", evidence)
    return LNK004.warn(
        f"The {host} link has no words in the {ctx.rules.bio_label.lower()} or a title saying "
        "what is behind it.",
        evidence,
    )


def _profile_words(profile: Profile) -> str:
    """'Instagram profile', and 'Google Business Profile' (not '... Profile profile')."""
    label = profile.platform.label
    return label if label.lower().endswith("profile") else f"{label} profile"
