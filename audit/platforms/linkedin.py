"""LinkedIn company pages: URL patterns, capture plan and extraction.

Logged out, linkedin.com/company/<slug>/ is either the "guest" page (server HTML with a
JSON-LD Organization, `data-test-id="about-us__*"` facts and ~10 recent updates) or a redirect
to /authwall. Logged in (a HAR or saved page from the owner's browser) it is the Voyager app:
`<code>` blocks of Voyager JSON and `org-top-card-*` / `feed-shared-update-v2` markup.
Extraction reads, most reliable first: Voyager JSON (Company objects), then the DOM (guest
and logged-in markup), then JSON-LD, then OpenGraph/meta tags. Post dates come from the
activity URN, which encodes its creation time; the visible '2w' / '1mo' is the fallback.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag

from audit.alttext import classify_alt
from audit.dates import resolve_relative
from audit.documents import Document
from audit.model import (
    Avatar,
    CaptureInfo,
    Contact,
    Counts,
    Link,
    Media,
    Outcome,
    Place,
    Platform,
    Post,
    Profile,
    ProfileRef,
)
from audit.platforms.base import (
    CapturePlan,
    ExtractContext,
    PlatformSpec,
    Step,
    as_dict,
    as_list,
    clean_str,
    dig,
    input_doc,
    int_or_none,
    scaled_count,
)
from audit.platforms.generic import json_ld, meta_tags, soup_of
from audit.platforms.urls import segment_matcher, validate_handle
from audit.text import extract_hashtags, normalize_space

__all__ = [
    "SPEC",
    "capture_plan",
    "extract",
    "is_machine_alt",
    "normalize_handle",
    "profile_url",
    "urn_time",
]

HOSTS = ("linkedin.com",)


def normalize_handle(text: str) -> str:
    return validate_handle(
        text, r"[A-Za-z0-9\-_%.]{2,100}", "LinkedIn company page name", "linkedin:@blue-door-bakery"
    ).lower()


def profile_url(handle: str) -> str:
    return f"https://www.linkedin.com/company/{handle}/"


_match_company = segment_matcher(HOSTS, normalize_handle, prefix="company")


# --------------------------------------------------------------------------- capture plan

AUTHWALL_REASON = (
    "LinkedIn sent logged-out visitors to its sign-in wall (authwall) instead of this "
    "company page; to audit it, export a HAR from your own logged-in browser "
    "(findable audit --har FILE) or save the page while logged in (--from FILE)"
)


def capture_plan(ref: ProfileRef) -> CapturePlan:
    """The guest company page (JSON-LD, about facts, recent updates), then the About and Posts
    tabs, which LinkedIn often walls for guests: they are optional."""
    base = profile_url(ref.handle)
    return CapturePlan(
        steps=(
            Step("goto", base, wait_for='script[type="application/ld+json"]'),
            Step("goto", base + "about/", optional=True, wait_for="dl, [data-test-id]"),
            Step(
                "goto", base + "posts/", optional=True, wait_for="article, .feed-shared-update-v2"
            ),
        ),
        note="LinkedIn often sends guests to /authwall: a HAR from a logged-in browser reads all",
    )


# --------------------------------------------------------------------------- small readers


def _attr(tag: Any, name: str) -> str | None:
    if not isinstance(tag, Tag):
        return None
    value = tag.get(name)
    if isinstance(value, list):
        value = " ".join(value)
    return clean_str(value)


def _text(tag: Any) -> str | None:
    """Visible text with line breaks kept (`<br>` -> newline), spaces collapsed."""
    if not isinstance(tag, Tag):
        return None
    for br in tag.find_all("br"):
        br.replace_with("\n")
    return normalize_space(tag.get_text(""))


def _unclamped(tag: Any) -> str | None:
    """Rendered app text: the DOM's own line wrapping is not the owner's, and the clamp's
    '... see more' toggle is not part of it."""
    text = _flat(tag)
    if not text:
        return None
    return re.sub(r"(?<!\s)\s*(?:(?:…|\.\.\.)\s*)?see more$", "", text).strip() or None


def _flat(tag: Any) -> str | None:
    if not isinstance(tag, Tag):
        return None
    return clean_str(" ".join(tag.get_text(" ").split()))


_FOLLOWERS = re.compile(r"(?<![\d,.\u00a0])(\d[\d,.\u00a0]*)\s*([KkMm])?\s+followers?", re.I)


def _followers(text: str | None) -> tuple[int, bool] | None:
    """'5,750 followers' -> (5750, exact); '8K followers' -> (8000, rounded)."""
    if not text:
        return None
    m = _FOLLOWERS.search(text)
    if not m:
        return None
    raw, suffix = m.group(1).replace("\u00a0", ""), (m.group(2) or "").lower()
    if suffix:
        value = scaled_count(raw, 1000 if suffix == "k" else 1_000_000)
        return (value, False) if value is not None else None
    digits = raw.replace(",", "").replace(".", "")
    value = int_or_none(digits)
    return (value, True) if value is not None else None


def _logo(url: str | None, source_width: int | None = None) -> Avatar:
    """A company logo; its size is in the URL ('company-logo_200_200')."""
    m = re.search(r"company-logo_(\d+)_(\d+)", url or "")
    width = source_width or (int(m.group(1)) if m else None)
    return Avatar(url=url, width=width, height=width, is_default=_is_ghost(url))


def _is_ghost(url: str | None) -> bool:
    """LinkedIn's placeholder logo: a static.licdn.com sprite, not an uploaded image."""
    return not url or "static.licdn.com" in url or "/aero-v1/sc/h/" in url


_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def urn_time(urn: str | None) -> datetime | None:
    """When a LinkedIn activity/share/ugcPost was created: its id's top 41 bits are
    milliseconds since the epoch ('urn:li:activity:7247945789950353408' -> 2024-10-04)."""
    if not urn:
        return None
    m = re.search(r"(?:activity|share|ugcPost):(\d{15,20})", urn)
    if not m:
        return None
    when = _EPOCH + timedelta(milliseconds=int(m.group(1)) >> 22)
    return when if datetime(2010, 1, 1, tzinfo=timezone.utc) < when else None


# LinkedIn's machine descriptions come from image-tagging: a lowercase list of labels
# ("graphical user interface, application, table, Excel") or a lowercase caption
# ("a group of people posing for a photo"), never a sentence with a full stop.
_MACHINE_LABELS = frozenset(
    {
        "graphical user interface",
        "text",
        "application",
        "table",
        "diagram",
        "chart",
        "logo",
        "icon",
        "website",
        "email",
        "timeline",
        "shape",
        "qr code",
        "calendar",
        "letter",
        "map",
        "screenshot",
        "whiteboard",
        "engineering drawing",
        "background pattern",
        "rectangle",
        "bar chart",
        "line chart",
        "pie chart",
        "schematic",
        "poster",
        "font",
    }
)
_MACHINE_CAPTION = re.compile(r"^(?:a|an|two|three|several|a group of) [a-z0-9 ,'\-]+$")


def is_machine_alt(text: str | None) -> bool:
    """True for the alt text LinkedIn generates itself when the owner wrote none."""
    if not text:
        return False
    s = text.strip()
    if s.endswith((".", "!", "?")):
        return False
    labels = [x.strip() for x in s.split(",")]
    if labels and labels[0] in _MACHINE_LABELS and all(0 < len(x.split()) <= 4 for x in labels):
        return True
    return bool(_MACHINE_CAPTION.match(s))


def _alt(text: str | None) -> tuple[str | None, str]:
    alt = clean_str(text)
    if alt and is_machine_alt(alt):
        return alt, "auto"
    return alt, classify_alt(alt)


# --------------------------------------------------------------------------- the draft


@dataclass
class _Draft:
    """Profile fields as the layers find them; the first layer to give a field wins."""

    values: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)

    def put(self, name: str, value: Any, source: str) -> None:
        if name in self.values or value is None or value == "" or value == []:
            return
        self.values[name] = value
        self.sources[name] = source


# --------------------------------------------------------------------------- reading


@dataclass
class _Reading:
    pages: list[tuple[Document, BeautifulSoup, dict[str, str]]] = field(default_factory=list)
    included: dict[str, tuple[dict[str, Any], str]] = field(default_factory=dict)
    companies: list[tuple[dict[str, Any], str]] = field(default_factory=list)
    walls: list[tuple[Outcome, str]] = field(default_factory=list)


def _voyager(reading: _Reading, data: Any, where: str) -> None:
    """Voyager responses: `included` holds every entity (companies, industries, follower
    counts) by `entityUrn`."""
    if not isinstance(data, dict):
        return
    for item in as_list(data.get("included")):
        if not isinstance(item, dict):
            continue
        urn = clean_str(item.get("entityUrn"))
        if urn:
            old = reading.included.get(urn)
            if old is None or len(item) > len(old[0]):
                reading.included[urn] = (item, where)
        if str(item.get("$type", "")).endswith(".Company") and clean_str(item.get("universalName")):
            reading.companies.append((item, where))


_COMPANY_MARKS = "[data-test-id^=about-us], .org-top-card, script[type='application/ld+json']"
_NOT_FOUND_TEXT = ("this page doesn’t exist", "this page doesn't exist", "page not found")


def _outcome(
    doc: Document, soup: BeautifulSoup, meta: dict[str, str]
) -> tuple[Outcome, str] | None:
    path = urlsplit(doc.url or "").path.lower()
    pagekey = (meta.get("pagekey") or "").lower()
    title = (soup.title.get_text(" ", strip=True) if soup.title else "").lower()
    if doc.status == 999 or path.startswith("/checkpoint/challenge"):
        return Outcome.BLOCKED, f"{doc.label}: LinkedIn refused the request (HTTP 999 / challenge)"
    walled = "authwall" in path or "authwall" in pagekey or soup.select_one("[class*=authwall]")
    if walled and not soup.select_one(_COMPANY_MARKS):
        return Outcome.LOGIN_WALL, f"{doc.label}: {AUTHWALL_REASON}"
    if path.startswith(("/login", "/uas/login", "/checkpoint/lg")) or pagekey.endswith("login"):
        return Outcome.LOGIN_WALL, f"{doc.label}: {AUTHWALL_REASON}"
    text = soup.get_text(" ", strip=True).lower()[:5000]
    if (
        doc.status in (404, 410)
        or "page not found" in title
        or any(t in text for t in _NOT_FOUND_TEXT)
    ) and not soup.select_one("[data-test-id^=about-us], .org-top-card"):
        return (
            Outcome.NOT_FOUND,
            f"{doc.label}: LinkedIn has no company page here (removed, renamed or never existed)",
        )
    return None


def _read(docs: Sequence[Document]) -> _Reading:
    r = _Reading()
    for doc in docs:
        if doc.kind == "json":
            _voyager(r, doc.data, doc.label)
            continue
        if "<" not in doc.text:
            continue
        soup = soup_of(doc.text)
        meta = meta_tags(soup)
        wall = _outcome(doc, soup, meta)
        if wall:
            r.walls.append(wall)
            continue
        for code in soup.find_all("code"):
            raw = code.string if isinstance(code, Tag) else None
            if raw and raw.lstrip().startswith("{"):
                with contextlib.suppress(ValueError):
                    _voyager(r, json.loads(raw), f"{doc.label}: code#{_attr(code, 'id')}")
        r.pages.append((doc, soup, meta))
    return r


def _slug_of(url: str | None) -> str | None:
    if not url:
        return None
    return _match_company(urlsplit(url if "://" in url else "https://www.linkedin.com" + url))


def _identify(r: _Reading, ref: ProfileRef | None) -> str | None:
    """The company's slug (universal name): the pages' own URLs, JSON-LD, their tab links."""
    for doc, soup, meta in r.pages:
        for url in (meta.get("canonical"), meta.get("og:url"), doc.url):
            slug = _slug_of(url)
            if slug:
                return slug
        for item in json_ld(soup):
            if item.get("@type") == "Organization":
                slug = _slug_of(clean_str(item.get("url")))
                if slug:
                    return slug
    tabs: Counter[str] = Counter()
    for _, soup, _ in r.pages:
        for a in soup.select("nav a[href*='/company/'], a.org-page-navigation__item-anchor"):
            slug = _slug_of(_attr(a, "href"))
            if slug:
                tabs[slug] += 1
    if tabs:
        return tabs.most_common(1)[0][0]
    if ref is not None:
        return ref.handle
    if len({c.get("universalName") for c, _ in r.companies}) == 1:
        return str(r.companies[0][0]["universalName"]).lower()
    return None


# --------------------------------------------------------------------------- Voyager layer


def _resolve(r: _Reading, urn: Any) -> dict[str, Any]:
    found = r.included.get(urn) if isinstance(urn, str) else None
    return found[0] if found else {}


def _vector_url(image: Any) -> tuple[str | None, int | None]:
    """rootUrl + the largest artifact's path segment (Voyager's image shape)."""
    if not isinstance(image, dict):
        return None, None
    root = clean_str(image.get("rootUrl"))
    arts = [a for a in as_list(image.get("artifacts")) if isinstance(a, dict)]
    if not root or not arts:
        return None, None
    best = max(arts, key=lambda a: int_or_none(a.get("width")) or 0)
    seg = clean_str(best.get("fileIdentifyingUrlPathSegment"))
    return (root + seg if seg else None), int_or_none(best.get("width"))


def _voyager_company(draft: _Draft, r: _Reading, slug: str) -> None:
    mine = sorted(
        (c for c in r.companies if str(c[0].get("universalName", "")).lower() == slug.lower()),
        key=lambda c: -len(c[0]),
    )
    for company, where in mine:
        at = f"{where} Company"
        draft.put("display_name", clean_str(company.get("name")), f"{at}.name")
        draft.put(
            "bio", normalize_space(clean_str(company.get("description"))), f"{at}.description"
        )
        draft.put("tagline", clean_str(company.get("tagline")), f"{at}.tagline")
        site = clean_str(company.get("websiteUrl")) or clean_str(company.get("companyPageUrl"))
        draft.put("links", [Link(url=site)] if site else None, f"{at}.websiteUrl/companyPageUrl")
        hq = company.get("headquarter")
        if isinstance(hq, dict):
            addr: dict[str, Any] = hq["address"] if isinstance(hq.get("address"), dict) else hq
            place = _address(
                addr.get("line1"),
                addr.get("city"),
                addr.get("geographicArea"),
                addr.get("country"),
                addr.get("postalCode"),
            )
            draft.put("location", place, f"{at}.headquarter")
        for key in ("*industryV2Taxonomy", "*companyIndustries", "*industry"):
            for urn in as_list(company.get(key)):
                industry = _resolve(r, urn)
                name = clean_str(industry.get("name")) or clean_str(industry.get("localizedName"))
                draft.put("category", name, f"{at}.{key} -> {urn}")
        for key in ("*followingState", "*followingInfo"):
            state = _resolve(r, company.get(key))
            count = int_or_none(state.get("followerCount"))
            draft.put(
                "followers",
                (count, True) if count is not None else None,
                f"{at}.{key}.followerCount",
            )
        logo = as_dict(company.get("logo"))
        url, width = _vector_url(
            dig(logo, "image") or dig(company, "logoResolutionResult", "vectorImage")
        )
        if url:
            draft.put("avatar", _logo(url, width), f"{at}.logo")
        phone = company.get("phone")
        phone = clean_str(phone.get("number")) if isinstance(phone, dict) else clean_str(phone)
        draft.put("contact", Contact(phone=phone) if phone else None, f"{at}.phone")


def _address(street: Any, city: Any, region: Any, country: Any, postal: Any) -> Place | None:
    street_s, postal_s = clean_str(street), clean_str(postal)
    address = ", ".join(x for x in (street_s, postal_s) if x) or None
    place = Place(
        address=address,
        city=clean_str(city) or clean_str(region),
        country=clean_str(country) or clean_str(region),
    )
    return None if place.is_empty() else place


# --------------------------------------------------------------------------- DOM layers


def _guest_profile(draft: _Draft, doc: Document, soup: BeautifulSoup) -> None:
    """The logged-out guest page: `data-test-id="about-us__*"` facts and the top card."""
    at = doc.label

    def about(key: str) -> Tag | None:
        box = soup.select_one(f'[data-test-id="about-us__{key}"]')
        if box is None:
            return None
        return box.find("dd") or box

    draft.put(
        "display_name",
        _flat(soup.select_one("h1.top-card-layout__title")),
        f"{at}: h1.top-card-layout__title",
    )
    desc = soup.select_one('[data-test-id="about-us__description"]')
    draft.put("bio", _text(desc), f'{at}: [data-test-id="about-us__description"]')
    draft.put(
        "tagline",
        _flat(soup.select_one(".top-card-layout__second-subline")),
        f"{at}: .top-card-layout__second-subline",
    )
    site = _flat(about("website"))
    if site:
        site = re.sub(r"(?<!\s)\s*External link.*$", "", site).strip()
        draft.put("links", [Link(url=site)], f'{at}: [data-test-id="about-us__website"] dd')
    draft.put("category", _flat(about("industry")), f'{at}: [data-test-id="about-us__industry"] dd')
    hq = _flat(about("headquarters"))
    if hq:
        draft.put("location_text", hq, f'{at}: [data-test-id="about-us__headquarters"] dd')
    for sel in (".top-card-layout__first-subline", ".top-card-layout__title ~ *"):
        got = _followers(_flat(soup.select_one(sel)))
        draft.put("followers", got, f"{at}: {sel} ('N followers')")
    logo = soup.select_one("img.top-card-layout__entity-image")
    if isinstance(logo, Tag):
        url = _attr(logo, "data-delayed-url") or _attr(logo, "src")
        ghost = _attr(logo, "data-ghost-url")
        draft.put(
            "avatar",
            _logo(url) if url else Avatar(url=ghost, is_default=True),
            f"{at}: img.top-card-layout__entity-image",
        )


def _loggedin_profile(draft: _Draft, doc: Document, soup: BeautifulSoup) -> None:
    """The logged-in app: `org-top-card-*` top card, About tab `<dl>`, overview text."""
    at = doc.label
    draft.put(
        "display_name",
        _flat(soup.select_one(".org-top-card-summary__title, .org-top-card h1")),
        f"{at}: .org-top-card-summary__title",
    )
    draft.put(
        "tagline",
        _flat(soup.select_one(".org-top-card-summary__tagline")),
        f"{at}: .org-top-card-summary__tagline",
    )
    items = [_flat(x) or "" for x in soup.select(".org-top-card-summary-info-list__info-item")]
    rest = []
    for item in items:
        got = _followers(item)
        if got:
            draft.put(
                "followers", got, f"{at}: .org-top-card-summary-info-list__info-item ('followers')"
            )
        elif not re.search(r"employees|\bassociated members\b", item, re.I):
            rest.append(item)
    if rest:
        draft.put(
            "category", rest[0], f"{at}: .org-top-card-summary-info-list__info-item (industry)"
        )
    if len(rest) > 1:
        draft.put(
            "location_text", rest[1], f"{at}: .org-top-card-summary-info-list__info-item (location)"
        )
    facts: dict[str, Tag] = {}
    for dl in soup.find_all("dl"):
        key = None
        for child in dl.find_all(["dt", "dd"]):
            if child.name == "dt":
                key = (_flat(child) or "").lower()
            elif key and key not in facts:
                facts[key] = child
    if "website" in facts:
        site = _flat(facts["website"].find("a") or facts["website"])
        draft.put("links", [Link(url=site)] if site else None, f"{at}: About <dl> Website")
    if "industry" in facts:
        draft.put("category", _flat(facts["industry"]), f"{at}: About <dl> Industry")
    if "headquarters" in facts:
        draft.put("location_text", _flat(facts["headquarters"]), f"{at}: About <dl> Headquarters")
    if "phone" in facts:
        phone = _flat(facts["phone"].find("a") or facts["phone"])
        draft.put("contact", Contact(phone=phone) if phone else None, f"{at}: About <dl> Phone")
    section = next(
        (s for s in soup.find_all("section") if (_flat(s.find("h2")) or "") == "Overview"), None
    )
    if section is not None:
        draft.put("bio", _unclamped(section.find("p")), f"{at}: section h2=Overview + p")
    draft.put(
        "bio_short",
        _unclamped(
            soup.select_one(
                ".org-about-module__description, .org-about-us-organization-description__text"
            )
        ),
        f"{at}: .org-about-module__description",
    )
    logo = soup.select_one("img.org-top-card-primary-content__logo")
    if isinstance(logo, Tag) and _attr(logo, "src"):
        src = _attr(logo, "src")
        draft.put(
            "avatar",
            _logo(src),
            f"{at}: img.org-top-card-primary-content__logo",
        )


def _ld_profile(draft: _Draft, doc: Document, soup: BeautifulSoup) -> None:
    for item in json_ld(soup):
        if item.get("@type") != "Organization":
            continue
        at = f"{doc.label}: JSON-LD Organization"
        draft.put("display_name", clean_str(item.get("name")), f"{at}.name")
        draft.put("bio", normalize_space(clean_str(item.get("description"))), f"{at}.description")
        draft.put("tagline", clean_str(item.get("slogan")), f"{at}.slogan")
        same = item.get("sameAs")
        same_url = clean_str(same) or clean_str(dig(same, 0))
        draft.put("links", [Link(url=same_url)] if same_url else None, f"{at}.sameAs")
        addr = item.get("address")
        if isinstance(addr, dict):
            place = _address(
                addr.get("streetAddress"),
                addr.get("addressLocality"),
                addr.get("addressRegion"),
                addr.get("addressCountry"),
                addr.get("postalCode"),
            )
            draft.put("location", place, f"{at}.address")
        logo = item.get("logo")
        url = clean_str(dig(logo, "contentUrl")) or clean_str(dig(logo, "url")) or clean_str(logo)
        if url:
            draft.put("avatar", _logo(url), f"{at}.logo")


def _meta_profile(draft: _Draft, doc: Document, meta: dict[str, str]) -> None:
    """'Audiense | LinkedIn' and 'Audiense | 5,750 followers on LinkedIn. <tagline> | <about>'."""
    title = clean_str(meta.get("og:title"))
    if title and title.endswith("| LinkedIn"):
        draft.put("display_name", title.rsplit("|", 1)[0].strip(), f"{doc.label}: meta og:title")
    desc = clean_str(meta.get("og:description")) or clean_str(meta.get("description"))
    if desc:
        draft.put("followers", _followers(desc), f"{doc.label}: meta og:description ('followers')")
        parts = desc.split(" | ", 2)
        if len(parts) == 3:
            draft.put("bio_short", normalize_space(parts[2]), f"{doc.label}: meta og:description")
    image = clean_str(meta.get("og:image"))
    if image and "company-logo" in image:
        draft.put("avatar", _logo(image), f"{doc.label}: meta og:image")


def _place_from_text(text: str) -> Place:
    """'London, London' / 'Mountain View, CA' / 'Mountain View, CA 94103, US'."""
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if not parts:
        return Place(address=text)
    return Place(
        city=parts[0],
        address=text if len(parts) > 2 else None,
        country=parts[-1] if len(parts) > 2 else None,
    )


# --------------------------------------------------------------------------- posts


@dataclass
class _Card:
    urn: str | None
    author: str | None
    is_repost: bool
    when_text: str | None
    caption: str | None
    media: list[Media]
    url: str | None


def _guest_cards(soup: BeautifulSoup, name: str | None) -> Iterator[_Card]:
    """The guest page's updates: `ul.updates__list > li article[data-activity-urn]`."""
    for article in soup.select("article[data-activity-urn], article.main-feed-activity-card"):
        header = _flat(article.select_one(".main-feed-activity-card__header")) or ""
        actor = _flat(article.select_one("[data-tracking-control-name$=feed-actor-name]"))
        time = article.find("time")
        stamp = _flat(time)
        when = stamp.split(" ")[0] if stamp else None
        media: list[Media] = []
        for img in article.select(
            "ul.feed-images-content img, [data-test-id=feed-images-content] img"
        ):
            alt, source = _alt(_attr(img, "alt"))
            media.append(
                Media(
                    kind="image",
                    url=_attr(img, "data-delayed-url") or _attr(img, "src"),
                    alt_text=alt,
                    alt_source=source,
                )
            )
        if article.select_one("[data-test-id=feed-native-video-content], video"):
            media.append(Media(kind="video"))
        link = article.find_parent("div")
        full = (
            link.select_one("a[data-id=main-feed-card__full-link]")
            if isinstance(link, Tag)
            else None
        )
        yield _Card(
            urn=_attr(article, "data-activity-urn"),
            author=actor,
            is_repost="reposted this" in header.lower() or bool(name and actor and actor != name),
            when_text=when,
            caption=_text(
                article.select_one('[data-test-id="main-feed-activity-card__commentary"]')
            ),
            media=media,
            url=_attr(full, "href"),
        )


def _app_media(card: Tag) -> list[Media]:
    media: list[Media] = []
    for img in card.select(".update-components-image img"):
        alt, source = _alt(_attr(img, "alt"))
        media.append(
            Media(
                kind="image",
                url=_attr(img, "src"),
                alt_text=alt,
                alt_source=source,
                width=int_or_none(_attr(img, "width")) or None,
                height=int_or_none(_attr(img, "height")) or None,
            )
        )
    if card.select_one(".update-components-linkedin-video, video"):
        media.append(Media(kind="video"))
    return media


def _app_cards(soup: BeautifulSoup, name: str | None) -> Iterator[_Card]:
    """The logged-in app: `.feed-shared-update-v2[data-urn]` on the Posts tab, and the single
    highlighted update on the Overview tab (no URN there)."""
    for card in soup.select(".feed-shared-update-v2"):
        urn = _attr(card, "data-urn") or _attr(
            card.find_parent(attrs={"data-urn": True}), "data-urn"
        )
        if urn and "activity" not in urn:
            continue  # promotions and ads
        header = _flat(card.select_one(".update-components-header")) or ""
        actor_tag = card.select_one(
            ".update-components-actor__title span[aria-hidden=true], "
            ".update-components-actor__title, .update-components-actor__name"
        )
        actor = _flat(actor_tag)
        if actor and name and actor.startswith(name + " " + name):
            actor = name  # "Motion Motion": visible and screen-reader copies
        sub = card.select_one(".update-components-actor__sub-description")
        when = (
            _flat(sub.find("span", attrs={"aria-hidden": "true"}) or sub)
            if isinstance(sub, Tag)
            else None
        )
        yield _Card(
            urn=urn,
            author=actor,
            is_repost="reposted" in header.lower()
            or bool(name and actor and not actor.startswith(name)),
            when_text=when.split("•")[0].strip() if when else None,
            caption=_text(card.select_one(".update-components-text")),
            media=_app_media(card),
            url=f"https://www.linkedin.com/feed/update/{urn}/" if urn else None,
        )
    for carousel in soup.select(
        ".org-view-updates-carousel--single-update, .org-view-updates-carousel"
    ):
        if carousel.find_parent(class_="feed-shared-update-v2") is not None:
            continue
        text = carousel.select_one(".update-components-text")
        if text is None:
            continue
        stamp = carousel.select_one("p span[aria-hidden=true]")
        when = _flat(stamp)
        yield _Card(
            urn=None,
            author=name,
            is_repost=False,
            when_text=when.split("•")[0].strip() if when else None,
            caption=_text(text),
            media=_app_media(carousel),
            url=None,
        )


def _post_of(card: _Card, captured_at: datetime) -> Post | None:
    exact = urn_time(card.urn)
    created, approx = exact, False
    if created is None and card.when_text:
        resolved = resolve_relative(card.when_text, captured_at)
        if resolved:
            created, approx = resolved
    if card.urn:
        pid = card.urn.rsplit(":", 1)[-1]
    elif card.caption:
        pid = "text-" + hashlib.sha1(card.caption[:200].encode("utf-8")).hexdigest()[:12]
    else:
        return None
    return Post(
        id=pid,
        url=card.url,
        created_at=created,
        created_at_approx=approx,
        caption=card.caption,
        hashtags=extract_hashtags(card.caption),
        media=card.media,
        is_repost=card.is_repost,
    )


def _caption_key(text: str | None) -> str:
    return " ".join((text or "").split())[:120].casefold()


def _merged(base: Post, other: Post) -> Post:
    """`base` (the copy with the URN) filled in from `other`: an exact date beats a relative
    one, the longer caption wins, media where `base` has none."""
    better_date = base.created_at is None or (
        base.created_at_approx and other.created_at is not None and not other.created_at_approx
    )
    longer = other.caption if len(other.caption or "") > len(base.caption or "") else base.caption
    return base.model_copy(
        update={
            "created_at": other.created_at if better_date else base.created_at,
            "created_at_approx": other.created_at_approx if better_date else base.created_at_approx,
            "caption": longer,
            "media": base.media or other.media,
            "url": base.url or other.url,
        }
    )


@dataclass
class _Posts:
    """One entry per post; a post without a URN (the Overview highlight) merges into the
    Posts tab's copy of the same text."""

    by_id: dict[str, Post] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)

    def add(self, post: Post, source: str) -> None:
        key = post.id
        same_text = next(
            (
                k
                for k, p in self.by_id.items()
                if (k.startswith("text-") or key.startswith("text-"))
                and p.caption
                and _caption_key(p.caption) == _caption_key(post.caption)
            ),
            None,
        )
        old = self.by_id.pop(same_text) if same_text else self.by_id.get(key)
        if same_text and key.startswith("text-"):
            key = same_text  # the URN-bearing copy keeps its id
        if old is None:
            self.by_id[key] = post
        else:
            first, second = (post, old) if key == post.id else (old, post)
            self.by_id[key] = _merged(first, second)
        if source not in self.sources:
            self.sources.append(source)

    def newest_first(self) -> list[Post]:
        def order(post: Post) -> tuple[int, float]:
            return (0, -post.created_at.timestamp()) if post.created_at else (1, 0.0)

        return sorted(self.by_id.values(), key=order)


# --------------------------------------------------------------------------- extract


def extract(docs: Sequence[Document], ctx: ExtractContext) -> Profile:
    """The LinkedIn company page the documents show. Never raises on odd input: what cannot
    be read becomes an outcome and a warning in `capture`."""
    r = _read(docs)
    slug = _identify(r, ctx.ref) or ""
    draft = _Draft()
    if slug:
        _voyager_company(draft, r, slug)
    for doc, soup, _ in r.pages:
        _guest_profile(draft, doc, soup)
        _loggedin_profile(draft, doc, soup)
    for doc, soup, _ in r.pages:
        _ld_profile(draft, doc, soup)
    for doc, _, meta in r.pages:
        _meta_profile(draft, doc, meta)

    name = draft.values.get("display_name")
    posts = _Posts()
    guest_feed = app_feed = False
    for doc, soup, _ in r.pages:
        for card in _guest_cards(soup, name):
            guest_feed = True
            post = _post_of(card, ctx.captured_at)
            if post:
                posts.add(post, f"{doc.label}: article[data-activity-urn]")
        if soup.select_one("ul.updates__list"):
            guest_feed = True
        for card in _app_cards(soup, name):
            app_feed = True
            post = _post_of(card, ctx.captured_at)
            if post:
                posts.add(post, f"{doc.label}: .feed-shared-update-v2[data-urn]")

    profile = Profile(
        platform=Platform.LINKEDIN,
        handle=slug,
        url=profile_url(slug) if slug else None,
        capture=CaptureInfo(
            url=ctx.ref.url if ctx.ref else (profile_url(slug) if slug else None),
            captured_at=ctx.captured_at,
            inputs=[input_doc(d) for d in docs],
        ),
    )
    cap = profile.capture
    if not name and not posts.by_id:
        _nothing_usable(profile, r)
        return profile
    for outcome, reason in r.walls:
        cap.warnings.append(f"{outcome.value}: {reason}")
    _fill(profile, draft)
    profile.posts = posts.newest_first()
    if profile.posts:
        profile.sources["posts"] = "; ".join(posts.sources)
    if not guest_feed and not app_feed:
        why = (
            "LinkedIn showed no updates on the captured pages (guests often get none, or an "
            "authwall on the Posts tab): cadence, captions and alt text cannot be checked; "
            "capture the Posts tab logged in (a HAR from your own browser)"
        )
        profile.not_observed["posts"] = why
        cap.warnings.append(why)
    elif guest_feed and not app_feed:
        cap.warnings.append(
            "read from LinkedIn's logged-out guest page: it shows only the ~10 most recent "
            "updates, reposts included"
        )
    profile.not_observed["geotags"] = "LinkedIn posts carry no location tags"
    if ctx.ref is not None and slug and slug != ctx.ref.handle:
        cap.warnings.append(f"asked for {ctx.ref.handle} but the page read is {slug}")
    return profile


def _nothing_usable(profile: Profile, r: _Reading) -> None:
    cap = profile.capture
    for wanted in (Outcome.BLOCKED, Outcome.NOT_FOUND, Outcome.LOGIN_WALL):
        hit = next((reason for o, reason in r.walls if o is wanted), None)
        if hit:
            cap.outcome, cap.reason = wanted, hit
            break
    else:
        cap.outcome = Outcome.ERROR
        cap.reason = (
            "no LinkedIn company page data in these documents (expected a linkedin.com/company "
            "page, saved or in a HAR)"
        )
    cap.warnings.append(f"nothing usable for a LinkedIn company page: {cap.reason}")


def _fill(profile: Profile, draft: _Draft) -> None:
    v, s = draft.values, draft.sources
    for name in ("display_name", "bio", "category", "links", "location", "avatar", "contact"):
        if name in v:
            setattr(profile, name, v[name])
            profile.sources[name] = s[name]
    if profile.bio is None:
        for key in ("bio_short", "tagline"):
            if key in v:
                profile.bio, profile.sources["bio"] = v[key], s[key]
                break
    if profile.location is None and "location_text" in v:
        profile.location = _place_from_text(v["location_text"])
        profile.sources["location"] = s["location_text"]
    if "followers" in v:
        count, exact = v["followers"]
        profile.counts = Counts(followers=count)
        profile.sources["counts.followers"] = s["followers"] + ("" if exact else " (rounded)")
    profile.is_business = True


SPEC = PlatformSpec(
    platform=Platform.LINKEDIN,
    hosts=HOSTS,
    match_url=_match_company,
    normalize_handle=normalize_handle,
    profile_url=profile_url,
    capture_plan=capture_plan,
    extract=extract,
)
