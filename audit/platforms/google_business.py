"""Google Business Profile: URL patterns for Maps place pages, capture plan and extraction.

The 'handle' of a place is its name as Maps shows it in the URL (`/maps/place/NAME/`), or a
place ID / CID when the URL carries one.

A Maps place page embeds `window.APP_INITIALIZATION_STATE`, a positional JSON array; one of its
strings (`state[3][6]` in 2023 pages) is another JSON array behind Google's `)]}'` guard, whose
element 6 is the place. Scrapers save that array as it is ("raw place data"), and Maps search
answers with `[[query, [header, [..., place at 14], ...], ...]]`. Positional arrays shift between
Maps releases, so every field is read at the index where real captures have it and, when that
index does not hold the expected shape, searched for by shape (a `[null, null, lat, lon]` pair,
a `tel:` link, a `[url, domain]` pair near the top). Index paths read, within a place `p`:

    p[11]            title                         -> display_name, location.name
    p[13]            categories (first is primary) -> category
    p[39], p[18]     address without / with title  -> location.address
    p[183][1]        [_, street, street, city, postcode, _, country code] -> city, country
    p[9][2], p[9][3] latitude, longitude (fallback: any [null, null, lat, lon] child, p[208][0])
    p[7][0]          website                       -> links
    p[178][0]        phone: [display, [[local, 1], [international, 2]], ...] -> contact.phone
    p[72][0][0][6]   main photo [url, caption, [w, h], [thumb w, h]] (fallback p[37])
    p[154][0][0]     "From the business" description (fallback p[32][1][1]) -> bio
    p[27], p[10]     the place's Maps URL, its feature id
    p[4][7], p[4][8] rating, review count; the reviews shown -> reviews (google_reviews.py)

Google shows no posts ("updates") in this data, so `posts` is reported as not observable.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import SplitResult, parse_qs, quote_plus, urlsplit

from audit.documents import Document, parse_json
from audit.model import (
    Avatar,
    Contact,
    Link,
    Outcome,
    Place,
    Platform,
    Profile,
    ProfileRef,
)
from audit.platforms.base import (
    CapturePlan,
    ExtractContext,
    PlatformSpec,
    Step,
    capture_info,
    clean_str,
    dig,
    first,
)
from audit.platforms.generic import embedded_json, meta_tags, soup_of
from audit.platforms.google_reviews import read_reviews
from audit.platforms.urls import path_segments

__all__ = ["SPEC", "capture_plan", "extract", "match_url", "normalize_handle", "profile_url"]


def normalize_handle(text: str) -> str:
    handle = " ".join(text.strip().lstrip("@").replace("+", " ").split())
    if not handle:
        raise ValueError(
            "no place given; write it like google_business:@Blue Door Bakery Ljubljana"
        )
    return handle


def match_url(parts: SplitResult) -> str | None:
    host = (parts.hostname or "").lower()
    if not (host.startswith(("google.", "www.google.", "maps.google.")) or host == "g.page"):
        return None
    segs = path_segments(parts)
    if "place" in segs:
        i = segs.index("place")
        if i + 1 < len(segs):
            return normalize_handle(segs[i + 1])
    cid = parse_qs(parts.query).get("cid")
    if cid:
        return f"cid:{cid[0]}"
    return None


def profile_url(handle: str) -> str:
    if handle.startswith("cid:"):
        return f"https://www.google.com/maps?cid={handle[4:]}"
    return f"https://www.google.com/maps/place/{quote_plus(handle)}/"


# --------------------------------------------------------------------------- capture plan


def capture_plan(ref: ProfileRef) -> CapturePlan:
    """The Maps place page: its HTML embeds the place data the panel is drawn from.

    `hl=en` keeps labels in one language for the meta-tag fallback. In the EU a first visit
    lands on consent.google.com instead; the extractor names that outcome (blocked) rather
    than reading the consent form as a place."""
    url = profile_url(ref.handle)
    url += ("&" if "?" in url else "?") + "hl=en"
    return CapturePlan(
        steps=(Step(action="goto", url=url, wait_for="h1"),),
        note="Maps place page (APP_INITIALIZATION_STATE place array + meta tags)",
    )


# --------------------------------------------------------------------------- extraction

_PLACE_GUARD = ")]}'"
_FEATURE_ID = re.compile(r"^0x[0-9a-f]+:0x[0-9a-f]+$")
_PHONE = re.compile(r"^\+?[\d\s().-]{6,20}$")
_SIZE = re.compile(r"=w(\d{2,4})-h(\d{2,4})")
_CONSENT = re.compile(r"consent\.google\.|Before you continue to Google", re.I)
_SORRY = re.compile(r"/sorry/|unusual traffic from your computer network", re.I)


@dataclass
class _Candidate:
    place: list[Any]
    path: str
    label: str
    from_search: bool


@dataclass
class _Read:
    candidates: list[_Candidate] = field(default_factory=list)
    meta: list[tuple[str, dict[str, str]]] = field(default_factory=list)  # (label, tags)
    signals: list[tuple[Outcome, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def extract(docs: Sequence[Document], ctx: ExtractContext) -> Profile:
    """The place these documents show; never raises on junk input."""
    read = _Read()
    for doc in docs:
        try:
            _read_document(doc, read)
        except Exception as exc:  # a surprise shape must not lose the other documents
            read.warnings.append(f"{doc.label}: unreadable ({type(exc).__name__})")
    return _build(read, docs, ctx)


def _read_document(doc: Document, read: _Read) -> None:
    url = doc.url or ""
    if _CONSENT.search(urlsplit(url).hostname or "") or (
        doc.kind == "html"
        and _CONSENT.search(doc.text[:20000])
        and "APP_INITIALIZATION" not in doc.text
    ):
        read.signals.append(
            (
                Outcome.BLOCKED,
                "Google showed its cookie-consent page (consent.google.com) instead of the "
                "place; accept it once in a browser and capture with --storage-state",
            )
        )
        return
    if (
        doc.status == 429
        or _SORRY.search(url)
        or (doc.kind == "html" and _SORRY.search(doc.text[:5000]))
    ):
        read.signals.append((Outcome.BLOCKED, "Google answered with its unusual-traffic page"))
        return
    if doc.status == 404:
        read.signals.append((Outcome.NOT_FOUND, f"Google answered 404 for {doc.label}"))
    if doc.kind == "html":
        _read_html(doc, read)
        return
    payload = _guarded_json(doc.text) if doc.data is None else doc.data
    if payload is None:
        if doc.text.strip():
            read.warnings.append(f"{doc.label}: neither a Maps page nor place JSON; skipped")
        return
    _read_payload(doc.label, payload, "$", read)


def _guarded_json(text: str) -> Any:
    """JSON behind Google's anti-hijacking prefix `)]}'`, or plain JSON; None otherwise."""
    body = text.lstrip()
    if body.startswith(_PLACE_GUARD):
        body = body[len(_PLACE_GUARD) :]
    try:
        return parse_json(body)
    except ValueError:
        return None


def _read_html(doc: Document, read: _Read) -> None:
    state = embedded_json(doc.text, "window.APP_INITIALIZATION_STATE")
    for path, text in _guarded_strings(state):
        payload = _guarded_json(text)
        if payload is not None:
            _read_payload(doc.label, payload, f"APP_INITIALIZATION_STATE{path}", read)
    soup = soup_of(doc.text)
    meta = meta_tags(soup)
    if meta.get("og:title") or meta.get("name"):
        read.meta.append((doc.label, meta))


def _guarded_strings(state: Any, path: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(state, list):
        for i, value in enumerate(state):
            yield from _guarded_strings(value, f"{path}[{i}]")
    elif isinstance(state, str) and state.startswith(_PLACE_GUARD):
        yield path, state


def _read_payload(label: str, payload: Any, base: str, read: _Read) -> None:
    """A place payload (`[..., place at 6, ...]`), search results, or a bare place array."""
    if _is_place(dig(payload, 6)):
        read.candidates.append(_Candidate(payload[6], f"{base}[6]", label, False))
        return
    results = dig(payload, 0, 1)
    if isinstance(results, list):
        found = [
            _Candidate(r[14], f"{base}[0][1][{i}][14]", label, True)
            for i, r in enumerate(results)
            if _is_place(dig(r, 14))
        ]
        if found:
            read.candidates.extend(found)
            return
    if _is_place(payload):
        read.candidates.append(_Candidate(payload, base, label, False))
        return
    for path, node in _shallow_lists(payload, base, depth=4):
        if _is_place(node):  # the layout moved: take the first place-shaped array
            read.warnings.append(f"{label}: place data found at {path}, not where Maps kept it")
            read.candidates.append(_Candidate(node, path, label, False))
            return


def _shallow_lists(obj: Any, path: str, depth: int) -> Iterator[tuple[str, list[Any]]]:
    if depth < 0 or not isinstance(obj, list):
        return
    yield path, obj
    for i, value in enumerate(obj):
        yield from _shallow_lists(value, f"{path}[{i}]", depth - 1)


def _is_place(node: Any) -> bool:
    """A place array: its title at 11 and its feature id ('0x..:0x..') or coordinates."""
    if not isinstance(node, list) or len(node) < 20 or not clean_str(dig(node, 11)):
        return False
    feature = dig(node, 10)
    return (isinstance(feature, str) and bool(_FEATURE_ID.match(feature))) or bool(_coords(node)[0])


# --- one place --------------------------------------------------------------------------


def _coords(place: list[Any]) -> tuple[tuple[float, float] | None, str]:
    pair = _lat_lon(dig(place, 9))
    if pair:
        return pair, "[9][2..3]"
    for i, child in enumerate(place):
        pair = _lat_lon(child)
        if pair:
            return pair, f"[{i}][2..3]"
    pair = _lat_lon(dig(place, 208, 0))
    return (pair, "[208][0][2..3]") if pair else (None, "")


def _lat_lon(value: Any) -> tuple[float, float] | None:
    if not isinstance(value, list) or len(value) != 4 or value[0] is not None:
        return None
    lat, lon = value[2], value[3]
    if not all(isinstance(v, float) for v in (lat, lon)):
        return None
    return (lat, lon) if -90 <= lat <= 90 and -180 <= lon <= 180 else None


def _website(place: list[Any]) -> tuple[str | None, str]:
    url = clean_str(dig(place, 7, 0))
    if url and url.startswith("http"):
        return url, "[7][0]"
    if isinstance(dig(place, 7), list) or len(place) > 100:
        return None, ""  # the layout is the known one: no website set
    for i, child in enumerate(place[:20]):  # a moved layout: [url, domain] near the top
        url, domain = clean_str(dig(child, 0)), clean_str(dig(child, 1))
        if url and domain and url.startswith("http") and domain in (urlsplit(url).hostname or ""):
            return url, f"[{i}][0]"
    return None, ""


def _phone(place: list[Any]) -> tuple[str | None, str]:
    entry = dig(place, 178, 0)
    path = "[178][0]"
    if not isinstance(entry, list):
        entry, path = _tel_entry(place)
    if not isinstance(entry, list):
        return None, ""
    for variant in dig(entry, 1) or []:
        if dig(variant, 1) == 2 and clean_str(dig(variant, 0)):
            return clean_str(variant[0]), f"{path}[1][international]"
    display = clean_str(dig(entry, 0))
    return (display, f"{path}[0]") if display and _PHONE.match(display) else (None, "")


def _tel_entry(place: list[Any]) -> tuple[Any, str]:
    """A phone entry found by shape: a list holding a `tel:` link."""
    for i, child in enumerate(place):
        entry = dig(child, 0)
        if isinstance(entry, list) and any(
            isinstance(x, list) and isinstance(dig(x, 0), str) and str(x[0]).startswith("tel:")
            for x in entry
        ):
            return entry, f"[{i}][0]"
    return None, ""


def _photo(place: list[Any]) -> tuple[Avatar | None, str]:
    for index in (72, 37):
        spec = dig(place, index, 0, 0, 6)
        url = clean_str(dig(spec, 0))
        if url and url.startswith("http"):
            width, height = dig(spec, 2, 0), dig(spec, 2, 1)
            if not isinstance(width, int):
                m = _SIZE.search(url)
                width, height = (int(m.group(1)), int(m.group(2))) if m else (None, None)
            return Avatar(url=url, width=width, height=height), f"[{index}][0][0][6][0]"
    return None, ""


def _description(place: list[Any]) -> tuple[str | None, str]:
    own = clean_str(dig(place, 154, 0, 0))
    if own:
        return own, "[154][0][0]"
    editorial = clean_str(dig(place, 32, 1, 1))
    return (editorial, "[32][1][1]") if editorial else (None, "")


def _address(place: list[Any], title: str | None) -> tuple[str | None, str]:
    short = clean_str(dig(place, 39))
    if short:
        return short, "[39]"
    full = clean_str(dig(place, 18))
    if full:
        if title and full.startswith(f"{title}, "):
            full = full[len(title) + 2 :]
        return full, "[18]"
    lines = [x for x in (dig(place, 2) or []) if isinstance(x, str)]
    return (", ".join(lines), "[2]") if lines else (None, "")


def _city_country(place: list[Any]) -> tuple[str | None, str | None]:
    parts = dig(place, 183, 1)
    if not isinstance(parts, list):
        return None, None
    city = clean_str(dig(parts, 3))
    country = clean_str(dig(parts, 6))
    return city, country if country and len(country) == 2 else None


# ------------------------------------------------------------------------------ building


def _build(read: _Read, docs: Sequence[Document], ctx: ExtractContext) -> Profile:
    warnings = list(read.warnings)
    chosen = _choose(read, ctx, warnings)
    sources: dict[str, str] = {}
    profile = Profile(platform=Platform.GOOGLE_BUSINESS, handle=ctx.ref.handle if ctx.ref else "")
    not_observed = {
        "posts": "Google Maps place data carries no posts (Google 'updates')",
        "alt_text": "Google Business Profile photos have no alt text",
        "geotags": "Google Business Profile has no posts with locations",
    }
    if chosen is not None:
        _fill_from_place(profile, chosen, sources, not_observed)
        _fill_reviews(profile, chosen, sources, not_observed, ctx)
    meta = _meta_values(read)
    if meta:
        _fill_from_meta(profile, meta, sources, not_observed, chosen is None)
    if not profile.handle and profile.display_name:
        profile.handle = profile.display_name
        sources["handle"] = sources.get("display_name", "")
    if profile.handle:
        profile.url = profile.url or profile_url(profile.handle)
    profile.is_business = True if (chosen is not None or meta) else None
    profile.sources = sources
    profile.capture = capture_info(
        docs, ctx, profile_url(profile.handle) if profile.handle else None
    )
    has_data = chosen is not None or bool(meta)
    if has_data:
        warnings.extend(f"{o.value}: {r}" for o, r in read.signals)
        profile.not_observed = not_observed
    else:
        for outcome in (Outcome.BLOCKED, Outcome.NOT_FOUND, Outcome.ERROR):
            reasons = [r for o, r in read.signals if o is outcome]
            if reasons:
                profile.capture.outcome, profile.capture.reason = outcome, reasons[0]
                break
        else:
            profile.capture.outcome = Outcome.ERROR
            profile.capture.reason = (
                "search results list several places; name the one to audit"
                if len(read.candidates) > 1
                else "no Google Maps place data found in the documents"
            )
        warnings.append(f"no profile data extracted: {profile.capture.reason}")
    profile.capture.warnings = warnings
    return profile


def _choose(read: _Read, ctx: ExtractContext, warnings: list[str]) -> _Candidate | None:
    """The place asked for: the only one, or (search results) the one named like the ref."""
    if not read.candidates:
        return None
    singles = [c for c in read.candidates if not c.from_search]
    asked = ctx.ref.handle if ctx.ref and not ctx.ref.handle.startswith("cid:") else ""
    want = _name_key(asked)
    pool = singles or read.candidates
    if want:
        exact = [c for c in pool if _name_key(dig(c.place, 11)) == want]
        partial = [
            c
            for c in pool
            if want in _name_key(dig(c.place, 11)) or _name_key(dig(c.place, 11)) in want
        ]
        match = exact or partial
        if match:
            if len(read.candidates) > 1 and not singles:
                warnings.append(
                    f"search results list {len(read.candidates)} places; used "
                    f"{dig(match[0].place, 11)!r}, the one named like {asked!r}"
                )
            return match[0]
        if not singles:
            warnings.append(
                f"search results list {len(read.candidates)} places, none named like {asked!r}"
            )
            return None
        warnings.append(
            f"the place data shows {dig(singles[0].place, 11)!r}, not {asked!r}; used anyway"
        )
        return singles[0]
    if singles:
        return singles[0]
    if len(read.candidates) == 1:
        return read.candidates[0]
    warnings.append(
        f"search results list {len(read.candidates)} places, not one profile; name the place "
        "(google_business:@Name) to pick one"
    )
    return None


def _name_key(name: Any) -> str:
    if not isinstance(name, str):
        return ""
    return "".join(ch for ch in name.casefold() if ch.isalnum())


def _fill_from_place(
    profile: Profile, c: _Candidate, sources: dict[str, str], not_observed: dict[str, str]
) -> None:
    place = c.place

    def src(path: str) -> str:
        return f"{c.label}: {c.path}{path}"

    title = clean_str(dig(place, 11))
    if title:
        profile.display_name = title
        sources["display_name"] = src("[11]")
    categories = [x for x in (dig(place, 13) or []) if isinstance(x, str) and x.strip()]
    if categories:
        profile.category = categories[0]
        sources["category"] = src("[13][0]")
    address, address_path = _address(place, title)
    city, country = _city_country(place)
    pair, coords_path = _coords(place)
    location = Place(
        name=title,
        address=address,
        city=city,
        country=country,
        lat=pair[0] if pair else None,
        lon=pair[1] if pair else None,
    )
    profile.location = location
    sources["location"] = src(address_path or coords_path)
    website, website_path = _website(place)
    if website:
        profile.links = [Link(url=website)]
        sources["links"] = src(website_path)
    phone, phone_path = _phone(place)
    if phone:
        profile.contact = Contact(phone=phone)
        sources["contact"] = src(phone_path)
    avatar, avatar_path = _photo(place)
    if avatar:
        profile.avatar = avatar
        sources["avatar"] = src(avatar_path)
    elif c.from_search:
        not_observed["avatar"] = "Maps search results carry no photos of the place"
    elif len(place) <= 72:
        not_observed["avatar"] = "this place array is too short to hold the photos"
    bio, bio_path = _description(place)
    if bio:
        profile.bio = bio
        sources["bio"] = src(bio_path)
    elif c.from_search:
        not_observed["bio"] = "Maps search results carry no business description"
    elif len(place) <= 154:
        not_observed["bio"] = "this place array is too short to hold the business description"
    maps_url = clean_str(dig(place, 27))
    if maps_url and maps_url.startswith("https://www.google."):
        profile.url = maps_url
        sources["url"] = src("[27]")


def _fill_reviews(
    profile: Profile,
    c: _Candidate,
    sources: dict[str, str],
    not_observed: dict[str, str],
    ctx: ExtractContext,
) -> None:
    """Rating, count and the reviews shown (audit/platforms/google_reviews.py)."""
    reading = read_reviews(c.place, ctx.captured_at)
    not_observed.update(reading.not_observed)
    if reading.reviews is None:
        not_observed["reviews"] = "the place data carries no rating or review count"
        return
    profile.reviews = reading.reviews
    sources["reviews"] = "; ".join(
        f"{name} {c.label}: {c.path}{path}" for name, path in reading.paths.items()
    )


def _meta_values(read: _Read) -> dict[str, tuple[str, str]]:
    """name, address, category and photo from a place page's meta tags (the last layer)."""
    out: dict[str, tuple[str, str]] = {}
    for label, meta in read.meta:
        title = clean_str(first(meta.get("og:title"), meta.get("name")))
        if title and " · " in title:
            name, _, address = title.partition(" · ")
            out.setdefault("display_name", (name.strip(), f"{label}: meta[property=og:title]"))
            out.setdefault("address", (address.strip(), f"{label}: meta[property=og:title]"))
        elif title and not title.endswith("Google Maps"):
            out.setdefault("display_name", (title, f"{label}: meta[property=og:title]"))
        description = clean_str(first(meta.get("og:description"), meta.get("description")))
        if description and " · " in description:
            category = description.rsplit(" · ", 1)[1].strip()
            out.setdefault("category", (category, f"{label}: meta[property=og:description]"))
        image = clean_str(first(meta.get("og:image"), meta.get("image")))
        if image and "googleusercontent.com" in image:
            out.setdefault("avatar", (image, f"{label}: meta[property=og:image]"))
    return out


def _fill_from_meta(
    profile: Profile,
    meta: dict[str, tuple[str, str]],
    sources: dict[str, str],
    not_observed: dict[str, str],
    only_meta: bool,
) -> None:
    if profile.display_name is None and "display_name" in meta:
        profile.display_name, sources["display_name"] = meta["display_name"]
    if profile.category is None and "category" in meta:
        profile.category, sources["category"] = meta["category"]
    if profile.location is None and "address" in meta:
        address, sources["location"] = meta["address"]
        profile.location = Place(name=profile.display_name, address=address)
    if profile.avatar is None and "avatar" in meta:
        url, sources["avatar"] = meta["avatar"]
        m = _SIZE.search(url)
        profile.avatar = Avatar(
            url=url, width=int(m.group(1)) if m else None, height=int(m.group(2)) if m else None
        )
    if only_meta:
        not_observed["bio"] = "a place page's meta tags carry no business description"
        not_observed["links"] = "a place page's meta tags carry no website"
        not_observed["contact"] = "a place page's meta tags carry no phone number"
        not_observed["reviews"] = "a place page's meta tags carry no review count"


SPEC = PlatformSpec(
    platform=Platform.GOOGLE_BUSINESS,
    hosts=("google.com",),
    match_url=match_url,
    normalize_handle=normalize_handle,
    profile_url=profile_url,
    capture_plan=capture_plan,
    extract=extract,
)
