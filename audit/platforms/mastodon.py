"""Mastodon (and other fediverse servers): URL patterns, capture plan and extraction.

A handle is `user@instance`. Any host's `https://HOST/@user` URL that no other platform
claims is taken for a fediverse profile (resolve tries the known platforms first).

Capture calls the instance's public REST API, which needs no key: `accounts/lookup` gives the
account, and its id gives `accounts/:id/statuses` and `featured_tags`. Extraction reads those
API entities wherever they appear (a lookup, a status list, a search result, a VCR cassette's
bodies), an ActivityPub actor document (what `curl -H 'Accept: application/activity+json'`
returns, with or without the HTTP headers), and, as a last resort, a profile page's meta tags.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import SplitResult, quote, urlsplit

from bs4 import Tag

from audit.alttext import classify_alt
from audit.dates import parse_iso
from audit.documents import Document, parse_json
from audit.model import (
    Avatar,
    CaptureInfo,
    Contact,
    Counts,
    Engagement,
    Link,
    Media,
    MediaKind,
    Outcome,
    Place,
    Platform,
    Post,
    Profile,
    ProfileRef,
)
from audit.patterns import EMAIL, TITLE_MAX
from audit.platforms.base import (
    CapturePlan,
    ExtractContext,
    PlatformSpec,
    Step,
    as_list,
    clean_str,
    dig,
    first,
    input_doc,
    int_or_none,
)
from audit.platforms.comment_threads import MAX_THREADS, Comment, engagement_from
from audit.platforms.generic import meta_tags, soup_of
from audit.platforms.urls import path_segments
from audit.text import extract_hashtags, normalize_space

__all__ = ["SPEC", "capture_plan", "extract", "html_to_text", "match_url", "normalize_handle"]

_USER = r"[A-Za-z0-9_]{1,30}"
_HOST = r"(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}"


def normalize_handle(text: str) -> str:
    handle = text.strip().lstrip("@")
    if not handle:
        raise ValueError("no handle given; write it like mastodon:@bluedoor@mastodon.social")
    if not re.fullmatch(f"{_USER}@{_HOST}", handle):
        raise ValueError(
            f"{handle!r} is not a Mastodon handle; write user@instance, like "
            "mastodon:@bluedoor@mastodon.social"
        )
    user, host = handle.split("@")
    return f"{user}@{host.lower()}"


def match_url(parts: SplitResult) -> str | None:
    host = (parts.hostname or "").lower()
    segs = path_segments(parts)
    if not host or not segs:
        return None
    seg = segs[1] if segs[0] == "users" and len(segs) > 1 else segs[0]
    if segs[0] != "users" and not seg.startswith("@"):
        return None
    user = seg.lstrip("@")
    if "@" in user:  # https://mastodon.social/@bob@other.host: a remote account
        try:
            return normalize_handle(user)
        except ValueError:
            return None
    try:
        return normalize_handle(f"{user}@{host}")
    except ValueError:
        return None


def profile_url(handle: str) -> str:
    user, host = handle.split("@", 1)
    return f"https://{host}/@{user}"


# --- capture ---------------------------------------------------------------------------

_STATUSES_LIMIT = 40


def capture_plan(ref: ProfileRef) -> CapturePlan:
    """Ask the account's own instance: it has the freshest copy and serves it without a key.
    Replies are left out (`exclude_replies`): they are conversations, not the profile's posts;
    boosts are kept and marked as reposts by the extractor."""
    user, host = ref.handle.split("@", 1)
    lookup = f"https://{host}/api/v1/accounts/lookup?acct={quote(user)}"
    return CapturePlan(
        steps=[Step("goto", lookup)],
        follow=_follow,
        note="Mastodon public API (no key): accounts/lookup, then the account's statuses",
    )


def _follow(docs: Sequence[Document]) -> list[Step]:
    """The statuses URL needs the account id that the lookup returned; once the statuses are
    in, the comment threads (`statuses/:id/context`) of the newest own ones with replies."""
    for doc in docs:
        data = _json_body(doc)[0]
        if not doc.url or "/api/v1/accounts/lookup" not in doc.url or not _is_account(data):
            continue
        account_id = str(data.get("id") or "")
        parts = urlsplit(doc.url)
        if not account_id.isdigit() or not parts.hostname or data.get("suspended"):
            return []
        base = f"https://{parts.hostname}/api/v1/accounts/{account_id}"
        statuses = f"{base}/statuses?limit={_STATUSES_LIMIT}&exclude_replies=true"
        return [
            Step("goto", statuses),
            Step("goto", f"{base}/featured_tags", optional=True),
            *(
                Step(
                    "goto", f"https://{parts.hostname}/api/v1/statuses/{sid}/context", optional=True
                )
                for d in docs
                if d.url == statuses
                for sid in _newest_with_replies(_json_body(d)[0], account_id)
            ),
        ]
    return []


def _newest_with_replies(statuses: Any, account_id: str) -> list[str]:
    """Ids of the newest own statuses (at most 12, boosts left out) that have replies."""
    if not isinstance(statuses, list):
        return []
    own = [
        s
        for s in statuses
        if _is_status(s) and not s.get("reblog") and str(dig(s, "account", "id")) == account_id
    ][:MAX_THREADS]
    return [
        str(s["id"])
        for s in own
        if str(s.get("id") or "").isdigit() and (int_or_none(s.get("replies_count")) or 0) > 0
    ]


_CONTEXT_URL = re.compile(r"/api/v1/statuses/(\w+)/context")


def _engagement(docs: Sequence[Document], subject: _Account) -> tuple[Engagement | None, str]:
    """Comment threads (`statuses/:id/context` descendants) of the subject's own statuses."""
    threads: dict[str, list[Comment]] = {}
    for doc in docs:
        m = _CONTEXT_URL.search(doc.url or "")
        data = _json_body(doc)[0]
        if not m or not isinstance(data, dict) or not isinstance(data.get("descendants"), list):
            continue
        if len(threads) >= MAX_THREADS:
            break
        instance = _host_of(doc.url)
        threads[m.group(1)] = [
            Comment(
                key=str(st.get("id")),
                parent=str(st.get("in_reply_to_id")),
                by_brand=_Account(st["account"], doc.label, instance, "author").key == subject.key,
                at=parse_iso(st.get("created_at")),
            )
            for st in data["descendants"]
            if _is_status(st) and st.get("id") and st.get("in_reply_to_id")
        ]
    if not threads:
        return None, ""
    return engagement_from(threads), f"statuses/:id/context x{len(threads)}: descendants[]"


# --- reading documents -----------------------------------------------------------------

_HTTP_STATUS_LINE = re.compile(r"^HTTP/[\d.]+\s+(\d{3})")


def _json_body(doc: Document) -> tuple[Any, int | None]:
    """The JSON a document carries and its HTTP status. Besides JSON documents this reads a
    raw HTTP response saved as text (`curl -i`: status line, headers, blank line, body)."""
    if doc.kind == "json":
        return doc.data, doc.status
    if doc.kind != "text":
        return None, doc.status
    m = _HTTP_STATUS_LINE.match(doc.text)
    if not m:
        return None, doc.status
    _head, sep, body = doc.text.replace("\r\n", "\n").partition("\n\n")
    if not sep:
        return None, int(m.group(1))
    try:
        return parse_json(body), int(m.group(1))
    except ValueError:
        return None, int(m.group(1))


def _is_account(obj: Any) -> bool:
    return isinstance(obj, dict) and "username" in obj and "acct" in obj


def _is_status(obj: Any) -> bool:
    return isinstance(obj, dict) and "content" in obj and _is_account(obj.get("account"))


_ACTOR_TYPES = frozenset({"Person", "Service", "Organization", "Group", "Application"})


def _is_actor(obj: Any) -> bool:
    return isinstance(obj, dict) and obj.get("type") in _ACTOR_TYPES and "preferredUsername" in obj


def _host_of(url: Any) -> str:
    if not isinstance(url, str):
        return ""
    return (urlsplit(url).hostname or "").lower()


@dataclass
class _Account:
    """One account entity as found, with the instance that served it (to make `acct` full)."""

    data: dict[str, Any]
    where: str  # "<doc label>: <json path>"
    instance: str
    kind: str  # account | author | listed | actor

    @property
    def full_acct(self) -> str:
        """`user@instance` as the account writes its name, with the host in lower case."""
        if self.kind == "actor":
            user, host = str(self.data.get("preferredUsername")), _host_of(self.data.get("id"))
        else:
            acct = str(self.data.get("acct") or self.data.get("username") or "")
            user, _, host = acct.partition("@")
            host = host or self.instance or _host_of(self.data.get("url"))
        return f"{user}@{host.lower()}"

    @property
    def key(self) -> str:
        return self.full_acct.lower()

    def matches(self, handle: str) -> bool:
        handle = handle.lower()
        if self.key == handle:
            return True
        user, _, host = handle.partition("@")
        name = self.data.get("preferredUsername") or self.data.get("username")
        # A server may serve handles on a domain other than its own (WEB_DOMAIN/LOCAL_DOMAIN)
        return str(name or "").lower() == user and _host_of(self.data.get("url")) == host


@dataclass
class _Status:
    data: dict[str, Any]
    where: str
    instance: str
    label: str


@dataclass
class _Found:
    accounts: list[_Account] = field(default_factory=list)
    statuses: list[_Status] = field(default_factory=list)
    featured_tags: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    errors: list[tuple[Outcome, str]] = field(default_factory=list)
    pages: list[Document] = field(default_factory=list)
    status_lists: int = 0  # documents that were lists of statuses (an empty one counts)


_AUTH_ERRORS = ("requires an authenticated user", "authorized fetch", "not authorized")


def _error_outcome(data: Any, status: int | None) -> tuple[Outcome, str] | None:
    """Mastodon answers errors as `{"error": "..."}` with an HTTP status."""
    message = data.get("error") if isinstance(data, dict) else None
    if not isinstance(message, str) and (status is None or status < 400):
        return None
    text = str(message or f"HTTP {status}")
    low = text.lower()
    if status in (401, 403) or any(s in low for s in _AUTH_ERRORS):
        return Outcome.LOGIN_WALL, (
            f"the instance asks for a logged-in user ({text}): it runs in limited-federation / "
            "authorized-fetch mode; export a HAR from your logged-in browser instead"
        )
    if status == 429 or "too many requests" in low or "rate limit" in low:
        return Outcome.BLOCKED, f"the instance rate-limited the request ({text}); retry later"
    if status in (404, 410) or "not found" in low or "gone" in low:
        return Outcome.NOT_FOUND, f"no such Mastodon account ({text})"
    return Outcome.ERROR, f"the instance answered with an error ({text})"


def _collect(docs: Sequence[Document]) -> _Found:
    found = _Found()
    for doc in docs:
        data, status = _json_body(doc)
        label = doc.label
        instance = _host_of(doc.url)
        if data is None:
            if doc.kind == "html":
                found.pages.append(doc)
            continue
        err = _error_outcome(data, status)
        if err is not None:
            found.errors.append(err)
            continue
        if _is_actor(data):
            found.accounts.append(
                _Account(data, f"{label}: (ActivityPub actor)", instance, "actor")
            )
        elif isinstance(data, dict) and data.get("type") == "Tombstone":
            found.errors.append((Outcome.NOT_FOUND, "the actor was deleted (Tombstone)"))
        elif _is_account(data):
            found.accounts.append(_Account(data, f"{label}: $", instance, "account"))
        elif _is_status(data):
            _add_status(found, data, f"{label}: $", instance)
        elif isinstance(data, dict) and isinstance(data.get("accounts"), list):  # search v2
            for i, acc in enumerate(data["accounts"]):
                if _is_account(acc):
                    found.accounts.append(
                        _Account(acc, f"{label}: accounts[{i}]", instance, "listed")
                    )
            for i, st in enumerate(as_list(data.get("statuses"))):
                if _is_status(st):
                    _add_status(found, st, f"{label}: statuses[{i}]", instance)
        elif isinstance(data, list):
            if any(_is_status(x) for x in data) or (not data and "/statuses" in (doc.url or "")):
                found.status_lists += 1
            for i, item in enumerate(data):
                if _is_status(item):
                    _add_status(found, item, f"{label}: [{i}]", instance)
                elif _is_account(item):
                    found.accounts.append(_Account(item, f"{label}: [{i}]", instance, "listed"))
                elif isinstance(item, dict) and "/tagged/" in str(item.get("url") or ""):
                    found.featured_tags.append((label, item))
    return found


def _add_status(found: _Found, st: dict[str, Any], where: str, instance: str) -> None:
    found.statuses.append(_Status(st, where, instance, where.rsplit(": ", 1)[0]))
    found.accounts.append(_Account(st["account"], f"{where}.account", instance, "author"))


# --- choosing whose profile this is ----------------------------------------------------


def _distinct(accounts: Iterable[_Account]) -> list[_Account]:
    seen: dict[str, _Account] = {}
    for acc in accounts:
        seen.setdefault(acc.key, acc)
    return list(seen.values())


def _choose(found: _Found, ctx: ExtractContext) -> tuple[_Account | None, str | None]:
    """The account these documents are about, or why none can be chosen. Several people in
    one input (a public timeline, a directory, a search) are never mixed into one profile."""
    order = ("account", "actor", "author", "listed")
    ranked = sorted(found.accounts, key=lambda a: order.index(a.kind))
    if ctx.ref is not None:
        for acc in ranked:
            if acc.matches(ctx.ref.handle):
                return acc, None
        if not ranked:
            return None, None
        names = ", ".join("@" + a.full_acct for a in _distinct(ranked)[:5])
        return None, (f"the documents hold Mastodon accounts ({names}) but not @{ctx.ref.handle}")
    for tier in (("account", "actor"), ("author",), ("listed",)):
        people = _distinct(a for a in ranked if a.kind in tier)
        if len(people) == 1:
            return people[0], None
        if len(people) > 1:
            people = _distinct(ranked)
            names = ", ".join("@" + a.full_acct for a in people[:5])
            more = f" and {len(people) - 5} more" if len(people) > 5 else ""
            return None, (
                f"these documents show {len(people)} different Mastodon accounts ({names}{more}); "
                "findable will not mix people into one profile: name the one to audit, "
                "e.g. mastodon:@user@instance"
            )
    return None, None


# --- HTML to text ----------------------------------------------------------------------

_BLOCKS = ("p", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6")


def html_to_text(html: str | None) -> str | None:
    """Mastodon's note/content HTML as the text a reader sees: paragraphs separated by a
    blank line, `<br>` as a line break, links as their full URL (the `invisible` spans hold
    the scheme that the web UI hides), entities decoded."""
    if not html or not isinstance(html, str):
        return None
    if "<" not in html:
        return normalize_space(html)
    soup = soup_of(f"<div>{html}</div>")
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for tag in soup.find_all(_BLOCKS):
        if isinstance(tag, Tag):
            tag.insert_before("\n\n")
            tag.insert_after("\n\n")
    text = soup.get_text()
    text = re.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", text)
    return normalize_space(text)


def _anchors(html: str | None) -> list[tuple[str, str, list[str]]]:
    """(href, text, classes) of each link in an HTML fragment."""
    if not html or "<a" not in html:
        return []
    out = []
    for a in soup_of(f"<div>{html}</div>").find_all("a"):
        if not isinstance(a, Tag):
            continue
        href = a.get("href")
        raw = a.get("class")
        classes = [str(c) for c in raw] if isinstance(raw, list) else []
        if isinstance(href, str) and href.startswith(("http://", "https://", "mailto:")):
            out.append((href, a.get_text(), classes))
    return out


def _is_profile_or_tag_link(href: str, classes: list[str]) -> bool:
    if "mention" in classes or "hashtag" in classes or "u-url" in classes:
        return True
    path = urlsplit(href).path
    return bool(re.match(r"^/(@[^/]+|users/[^/]+|tags/[^/]+)/?$", path))


# --- account -> profile ----------------------------------------------------------------

_EMAIL = EMAIL  # audit.patterns: linear on any text
_PHONE = re.compile(r"^\+?[\d\s().-]{7,}$")
_LOCATION_NAMES = re.compile(
    r"^(location|located|based in|where|city|town|place|address|ort|standort|wohnort|lieu|"
    r"ville|ubicaci[oó]n|ciudad|localit[aà]|luogo|plaats|locatie|lokalizacja|miasto|"
    r"местоположение|город|місто|konum|şehir|sijainti|paikkakunta|plats|sted|"
    r"lokacija|mesto|kraj|موقعیت|مکان|شهر|الموقع|所在地|場所|位置|地点|居住地)\s*:?$",
    re.IGNORECASE,
)
_PHONE_NAMES = re.compile(r"phone|tel|mobile|handy|телефон|téléphone|tél", re.IGNORECASE)
_SHORTCODE = re.compile(r":([A-Za-z0-9_]{2,}):")


def _emoji_codes(data: dict[str, Any]) -> set[str]:
    codes = {str(e.get("shortcode")) for e in as_list(data.get("emojis")) if isinstance(e, dict)}
    for tag in as_list(data.get("tag")):  # ActivityPub: {"type": "Emoji", "name": ":blobcat:"}
        if isinstance(tag, dict) and tag.get("type") == "Emoji":
            codes.add(str(tag.get("name") or "").strip(":"))
    return codes


def _fields(acc: _Account) -> list[tuple[str, str, str | None, str]]:
    """(name, value HTML, verified_at, json path) of the profile's metadata fields."""
    data = acc.data
    if acc.kind == "actor":
        items = [a for a in as_list(data.get("attachment")) if isinstance(a, dict)]
        return [
            (str(a.get("name") or ""), str(a.get("value") or ""), None, f"attachment[{i}]")
            for i, a in enumerate(items)
            if a.get("type") == "PropertyValue"
        ]
    return [
        (str(f.get("name") or ""), str(f.get("value") or ""), f.get("verified_at"), f"fields[{i}]")
        for i, f in enumerate(as_list(data.get("fields")))
        if isinstance(f, dict)
    ]


def _account_profile(acc: _Account, profile: Profile) -> None:
    data = acc.data
    actor = acc.kind == "actor"
    where = acc.where.rsplit(": ", 1)
    label, base = (where[0], where[1]) if len(where) == 2 else (acc.where, "$")
    prefix = "" if base in ("$", "(ActivityPub actor)") else base + "."

    def src(name: str, path: str) -> None:
        profile.sources[name] = f"{label}: {prefix}{path}"

    profile.handle = acc.full_acct
    profile.url = first(data.get("url"), data.get("id") if actor else None, profile.url)
    if profile.url:
        src("url", "url")

    name_key = "name" if actor else "display_name"
    display = normalize_space(data.get(name_key))
    if display:
        profile.display_name = display
        src("display_name", name_key)
        codes = [c for c in _SHORTCODE.findall(display) if c in _emoji_codes(data) or actor]
        if codes:
            shown = ", ".join(f":{c}:" for c in codes)
            profile.capture.warnings.append(
                f"the display name contains custom emoji ({shown}): they show as images, "
                "not words, and search does not match them"
            )

    note_key = "summary" if actor else "note"
    bio = html_to_text(data.get(note_key))
    if bio:
        profile.bio = bio
        src("bio", note_key)

    _read_fields(acc, profile, label, prefix)
    for href, _text, classes in _anchors(data.get(note_key)):
        if _is_profile_or_tag_link(href, classes) or href.startswith("mailto:"):
            continue
        if all(link.url != href for link in profile.links):
            profile.links.append(Link(url=href))
            profile.sources.setdefault("links", f"{label}: {prefix}{note_key}")

    avatar_url = (
        dig(data, "icon", "url") if actor else first(data.get("avatar_static"), data.get("avatar"))
    )
    if isinstance(avatar_url, str) and avatar_url:
        default = any("missing.png" in str(u) for u in (avatar_url, data.get("avatar")))
        profile.avatar = Avatar(url=avatar_url, is_default=default)
        src("avatar", "icon.url" if actor else "avatar_static")

    if not actor:
        profile.counts = Counts(
            followers=int_or_none(data.get("followers_count")),
            following=int_or_none(data.get("following_count")),
            posts=int_or_none(data.get("statuses_count")),
        )
        src("counts", "followers_count/following_count/statuses_count")
    locked = data.get("manuallyApprovesFollowers") if actor else data.get("locked")
    if isinstance(locked, bool):
        profile.is_private = locked
        src("is_private", "manuallyApprovesFollowers" if actor else "locked")
        if locked:
            profile.capture.warnings.append(
                "the account approves followers by hand (locked): its followers-only posts are "
                "hidden from this audit; only public posts were read"
            )
    if data.get("bot") is True or data.get("type") in ("Service", "Application"):
        profile.capture.warnings.append("the account is marked as automated (bot)")
    _search_flags(data, profile, label, prefix)
    last = data.get("last_status_at")
    if isinstance(last, str) and last:
        profile.sources["last_status_at"] = f"{label}: {prefix}last_status_at = {last}"


def _search_flags(data: dict[str, Any], profile: Profile, label: str, prefix: str) -> None:
    """Mastodon search is opt-in: only `indexable` accounts' posts are found by full-text
    search, and only `discoverable` ones are listed in the directory and suggested. The
    value is kept in `sources` (for checks) and explained in a warning (for people)."""
    for key in ("indexable", "discoverable", "noindex"):
        if isinstance(data.get(key), bool):
            profile.sources[key] = f"{label}: {prefix}{key} = {str(data[key]).lower()}"
    if data.get("indexable") is False:
        profile.capture.warnings.append(
            "the account has not opted in to full-text search (indexable: false): Mastodon "
            "users find its posts only by hashtag"
        )
    if data.get("discoverable") is False:
        profile.capture.warnings.append(
            "the account is not discoverable (discoverable: false): it is left out of the "
            "profile directory and of follow suggestions"
        )
    if data.get("noindex") is True:
        profile.capture.warnings.append(
            "the account asks search engines not to index its pages (noindex: true)"
        )


def _read_fields(acc: _Account, profile: Profile, label: str, prefix: str) -> None:
    email = phone = None
    for name, value, verified_at, path in _fields(acc):
        text = html_to_text(value) or ""
        anchors = [(h, c) for h, _t, c in _anchors(value) if not _is_profile_or_tag_link(h, c)]
        for href, _classes in anchors:
            if href.startswith("mailto:"):
                email = email or href[len("mailto:") :]
                continue
            if any(link.url == href for link in profile.links):
                continue
            idx = len(profile.links)
            profile.links.append(Link(url=href, title=name or None))
            note = f" (verified {verified_at})" if verified_at else ""
            profile.sources[f"links[{idx}]"] = f"{label}: {prefix}{path}.value{note}"
        profile.sources.setdefault("links", f"{label}: {prefix}{path.split('[')[0]}[].value")
        if not anchors and _EMAIL.fullmatch(text.strip()):
            email = email or text.strip()
            profile.sources["contact"] = f"{label}: {prefix}{path}.value"
        elif not anchors and _PHONE_NAMES.search(name) and _PHONE.match(text.strip()):
            phone = phone or text.strip()
            profile.sources["contact"] = f"{label}: {prefix}{path}.value"
        elif _LOCATION_NAMES.match(name.strip()) and text and profile.location is None:
            profile.location = Place(name=text)
            profile.sources["location"] = f"{label}: {prefix}{path}.value"
    if not any(p.startswith("links[") for p in profile.sources) and not profile.links:
        profile.sources.pop("links", None)
    if email or phone:
        profile.contact = Contact(email=email, phone=phone)


# --- statuses -> posts -----------------------------------------------------------------

_MEDIA_KINDS: dict[str, MediaKind] = {"image": "image", "gifv": "video", "video": "video"}


def _media(att: dict[str, Any]) -> Media:
    desc = att.get("description")
    alt = desc.strip() if isinstance(desc, str) and desc.strip() else None
    return Media(
        kind=_MEDIA_KINDS.get(str(att.get("type")), "other"),
        url=first(*(clean_str(att.get(k)) for k in ("url", "remote_url", "preview_url"))),
        alt_text=alt,
        alt_source=classify_alt(alt),
        width=int_or_none(dig(att, "meta", "original", "width")),
        height=int_or_none(dig(att, "meta", "original", "height")),
    )


def _visible(text: str | None) -> str | None:
    """None for text made only of invisible characters (an image post's caption is often a
    lone U+2063 INVISIBLE SEPARATOR)."""
    if text and any(not ch.isspace() and unicodedata.category(ch) != "Cf" for ch in text):
        return text
    return None


def _caption(st: dict[str, Any]) -> str | None:
    """The content warning (shown first, and searchable) and the body."""
    body = _visible(html_to_text(st.get("content")))
    warning = _visible(normalize_space(st.get("spoiler_text")))
    if warning and body:
        return f"{warning}\n\n{body}"
    return warning or body


def _post(status: _Status) -> Post:
    outer = status.data
    boosted = outer.get("reblog") if isinstance(outer.get("reblog"), dict) else None
    shown = boosted or outer  # a boost shows the boosted status; it is not the brand's post
    caption = _caption(shown)
    hashtags = extract_hashtags(caption)
    for tag in as_list(shown.get("tags")):
        name = tag.get("name") if isinstance(tag, dict) else None
        if isinstance(name, str) and name.casefold() not in {h.casefold() for h in hashtags}:
            hashtags.append(name)
    return Post(
        id=str(outer.get("id")),
        url=first(shown.get("url"), shown.get("uri"), outer.get("uri")),
        created_at=parse_iso(outer.get("created_at")),
        caption=caption,
        hashtags=hashtags,
        media=[_media(m) for m in as_list(shown.get("media_attachments")) if isinstance(m, dict)],
        is_repost=boosted is not None,
        lang=shown.get("language") if isinstance(shown.get("language"), str) else None,
    )


# --- page meta fallback ----------------------------------------------------------------

_OG_TITLE = re.compile(r"^(?P<name>.*?)\s*\(@(?P<acct>[^)\s]+)\)\s*$")


def _page_profile(doc: Document, profile: Profile) -> bool:
    """A Mastodon profile page's meta tags (the web UI itself renders with JavaScript)."""
    soup = soup_of(doc.text)
    meta = meta_tags(soup)
    m = _OG_TITLE.match(meta.get("og:title", "")[:TITLE_MAX])
    if not m or meta.get("og:type", "profile") != "profile":
        return False
    acct = m.group("acct")
    fediverse = (
        "@" in acct  # Mastodon titles carry the full user@instance
        or soup.find("link", type="application/activity+json", href=re.compile(r"^https?://"))
        is not None
        or soup.find(id="mastodon") is not None
    )
    if not fediverse:
        return False  # another site's "Name (@handle)" title
    if "@" not in acct:
        acct = f"{acct}@{_host_of(doc.url or meta.get('og:url'))}"
    profile.handle = acct.lower()
    profile.display_name = normalize_space(m.group("name")) or None
    profile.bio = normalize_space(meta.get("og:description"))
    profile.url = first(meta.get("og:url"), meta.get("canonical"), doc.url)
    if meta.get("og:image"):
        image = meta["og:image"]
        profile.avatar = Avatar(url=image, is_default="missing.png" in image)
    for name in ("display_name", "bio", "avatar", "url"):
        profile.sources[name] = f"{doc.label}: meta og:*"
    profile.capture.warnings.append(
        "read from the profile page's meta tags only: counts, links and posts need the "
        "instance API (api/v1/accounts/lookup)"
    )
    return True


def _page_outcome(doc: Document) -> tuple[Outcome, str] | None:
    if doc.status in (404, 410):
        return Outcome.NOT_FOUND, f"the instance answered HTTP {doc.status} for the profile page"
    low = doc.text[:20000].lower()
    if "account suspended" in low or "this account has been suspended" in low:
        return Outcome.NOT_FOUND, "the account is suspended"
    return None


# --- extract ---------------------------------------------------------------------------


def _empty_profile(ctx: ExtractContext, docs: Sequence[Document]) -> Profile:
    return Profile(
        platform=Platform.MASTODON,
        handle=ctx.ref.handle if ctx.ref else "",
        url=ctx.ref.url if ctx.ref else None,
        capture=CaptureInfo(
            captured_at=ctx.captured_at,
            url=ctx.ref.url if ctx.ref else None,
            inputs=[input_doc(d) for d in docs],
        ),
    )


def _fail(profile: Profile, outcome: Outcome, reason: str) -> Profile:
    profile.capture.outcome = outcome
    profile.capture.reason = reason
    if reason not in profile.capture.warnings:
        profile.capture.warnings.append(reason)
    return profile


def extract(docs: Sequence[Document], ctx: ExtractContext) -> Profile:
    """The Mastodon profile these documents show (API entities, an ActivityPub actor, or a
    profile page's meta tags), with its statuses as posts."""
    profile = _empty_profile(ctx, docs)
    found = _collect(docs)
    subject, why_not = _choose(found, ctx)
    if subject is None:
        if why_not:
            return _fail(profile, Outcome.ERROR, why_not)
        if found.errors:
            return _fail(profile, *found.errors[0])
        for page in found.pages:
            page_error = _page_outcome(page)
            if page_error:
                return _fail(profile, *page_error)
            if _page_profile(page, profile):
                return profile
        return _fail(
            profile,
            Outcome.ERROR,
            "no Mastodon account data in these documents (expected the instance API's "
            "accounts/lookup or statuses JSON, an ActivityPub actor, or a profile page)",
        )

    _account_profile(subject, profile)
    if subject.data.get("suspended") is True:
        return _fail(profile, Outcome.NOT_FOUND, "the account is suspended by its instance")
    if subject.data.get("limited") is True:
        profile.capture.warnings.append(
            "the instance's moderators limited this account: it is hidden from people who do "
            "not follow it"
        )

    posts: dict[str, Post] = {}
    others = 0
    for status in found.statuses:
        author = _Account(status.data["account"], status.where, status.instance, "author")
        if author.key != subject.key and not (
            ctx.ref is not None and author.matches(ctx.ref.handle)
        ):
            others += 1
            continue
        post = _post(status)
        posts.setdefault(post.id, post)
        profile.sources.setdefault("posts", f"{status.label}: statuses")
    profile.posts = sorted(
        posts.values(),
        key=lambda p: p.created_at.timestamp() if p.created_at else 0.0,
        reverse=True,
    )
    if others:
        profile.capture.warnings.append(
            f"left out {others} statuses by other accounts found in the same documents"
        )
    if found.featured_tags:
        names = ", ".join(f"#{t.get('name')}" for _l, t in found.featured_tags if t.get("name"))
        profile.sources["featured_tags"] = f"{found.featured_tags[0][0]}: [].name = {names}"
    for outcome, reason in found.errors:
        profile.capture.warnings.append(f"a request failed ({outcome.value}): {reason}")
    profile.engagement, engagement_source = _engagement(docs, subject)
    if profile.engagement is not None:
        profile.sources["engagement"] = engagement_source
    profile.not_observed["geotags"] = "Mastodon posts carry no location tags"
    profile.not_observed["category"] = "Mastodon profiles have no business category"
    if subject.kind == "actor":
        profile.not_observed["counts"] = "an ActivityPub actor document carries no counts"
    if not found.statuses and not found.status_lists:
        why = (
            "no statuses were captured (only the account): cadence, captions and alt text "
            "cannot be checked; capture api/v1/accounts/:id/statuses too"
        )
        profile.not_observed["posts"] = why
        profile.capture.warnings.append(why)
    elif profile.is_private and not profile.posts and (profile.counts.posts or 0) > 0:
        return _fail(
            profile,
            Outcome.PRIVATE,
            "the account is locked and shows no public posts; only approved followers see them",
        )
    return profile


SPEC = PlatformSpec(
    platform=Platform.MASTODON,
    hosts=(),
    match_url=match_url,
    normalize_handle=normalize_handle,
    profile_url=profile_url,
    capture_plan=capture_plan,
    extract=extract,
)
