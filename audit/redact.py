"""Credentials out of everything findable stores or prints, by rule rather than by list.

A HAR an owner exports from a logged-in browser carries their session in a dozen places:
cookies, `Authorization`, `X-IG-WWW-Claim`, `X-Api-Key`, an `fb_dtsg` in a POST body,
`?access_token=` in a Graph API URL, a `redirectURL` with an OAuth `code`, `user:pass@` in a
URL, and, in the pages themselves, the csrf token, `fb_dtsg` or access token a logged-in page
embeds. None of it may reach a snapshot, a report or the history. Names are judged by the words
they are made of (`x-goog-api-key` -> api, key), so a header or parameter nobody listed yet is
caught when its name says what it is.

Used by the HAR sanitizer (capture and `--har` imports), by reading HARs (a HAR from someone
else is hostile too: document URLs are redacted as they are read), by the snapshot manifest,
and by the pipeline on every Profile and AuditResult (so reports and history get it too).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, TypeVar
from urllib.parse import unquote_plus, urlsplit, urlunsplit

from pydantic import BaseModel

__all__ = [
    "REDACTED",
    "is_body_secret_name",
    "is_secret_name",
    "redact_body",
    "redact_data",
    "redact_har",
    "redact_model",
    "redact_text",
    "redact_url",
]

REDACTED = "REDACTED"

# Whole words of a name (split at anything not a letter or digit, and at camelCase humps).
_SECRET_WORDS = frozenset(
    {
        "auth", "authorization", "authenticate", "authentication", "bearer", "claim",
        "code", "cookie", "cookies", "credential", "credentials", "csrf", "csrftoken",
        "dtsg", "jwt", "key", "apikey", "lsd", "otp", "pass", "passwd", "password",
        "pwd", "secret", "session", "sessionid", "sid", "sig", "signature", "ticket",
        "token", "xsrf",
    }
)  # fmt: skip
# Fragments that mark a name anywhere in it (accesstoken, oauth_verifier, x-client-secret...).
_SECRET_PARTS = (
    "token", "secret", "passw", "session", "sessid", "apikey", "api_key", "csrf", "xsrf",
    "credential", "signature", "verifier", "authoriz", "authentica",
)  # fmt: skip
_WORD_SPLIT = re.compile(r"[^a-z0-9]+")
_HUMP = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
# A URL inside free text: a bounded scheme (so a long word costs linear time), then up to
# the next space or quote.
_URL_IN_TEXT = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]{0,30}://[^\s<>\"'`]*")


def is_secret_name(name: str) -> bool:
    """Whether a header, query parameter, form field or cookie name denotes a credential."""
    if not name:
        return False
    low = _HUMP.sub("_", name[:200]).lower()
    if any(part in low for part in _SECRET_PARTS):
        return True
    return any(word in _SECRET_WORDS for word in _WORD_SPLIT.split(low))


def _redact_pairs(text: str) -> str:
    """`a=1&token=x` -> `a=1&token=REDACTED`: only secret values change, the rest stays
    byte for byte (so a URL without secrets is returned unchanged)."""
    if "=" not in text:
        return text
    pieces = text.split("&")
    changed = False
    for i, piece in enumerate(pieces):
        name, eq, value = piece.partition("=")
        if eq and value and value != REDACTED and is_secret_name(unquote_plus(name)):
            pieces[i] = f"{name}={REDACTED}"
            changed = True
    return "&".join(pieces) if changed else text


def redact_url(url: str) -> str:
    """`url` without userinfo and with secret query/fragment values replaced; unchanged
    (the same string) when it holds none."""
    if not url or ("@" not in url and "=" not in url):
        return url
    try:
        parts = urlsplit(url)
        netloc = parts.netloc
    except ValueError:  # e.g. an unclosed IPv6 bracket: redact what looks like pairs
        return _redact_pairs(url)
    if "@" in netloc:
        netloc = f"{REDACTED}@{netloc.rpartition('@')[2]}"
    query = _redact_pairs(parts.query)
    fragment = _redact_pairs(parts.fragment)
    if (netloc, query, fragment) == (parts.netloc, parts.query, parts.fragment):
        return url
    return urlunsplit((parts.scheme, netloc, parts.path, query, fragment))


def redact_text(text: str) -> str:
    """Every URL inside a free text (a note, a reason, a caption) redacted."""
    if "://" not in text:
        return text
    return _URL_IN_TEXT.sub(lambda m: redact_url(m.group(0)), text)


T = TypeVar("T")


def redact_data(value: T) -> T:
    """A copy of JSON-like data with every URL in every string redacted (dict keys kept)."""
    if isinstance(value, str):
        return redact_text(value)  # type: ignore[return-value]
    if isinstance(value, dict):
        return {k: redact_data(v) for k, v in value.items()}  # type: ignore[return-value]
    if isinstance(value, list):
        return [redact_data(v) for v in value]  # type: ignore[return-value]
    return value


def redact_model(obj: Any) -> None:
    """Redact every URL in every string of a pydantic model tree, in place (no re-validation:
    the result and its profiles can hold 50,000 posts)."""
    if isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            value = getattr(obj, name, None)
            if isinstance(value, str):
                clean = redact_text(value)
                if clean is not value:
                    object.__setattr__(obj, name, clean)
            elif value is not None and not isinstance(value, (int, float, bool)):
                redact_model(value)
    elif isinstance(obj, list):
        for i, value in enumerate(obj):
            if isinstance(value, str):
                obj[i] = redact_text(value)
            else:
                redact_model(value)
    elif isinstance(obj, dict):
        for key, value in obj.items():
            if isinstance(value, str):
                obj[key] = redact_text(value)
            else:
                redact_model(value)


# --- HARs ------------------------------------------------------------------------------


_URL_HEADERS = frozenset({"location", "content-location", "referer", "origin"})


def _clean_headers(headers: Any) -> Any:
    """Credential headers dropped; URLs in the others (Location, Referer, Link...) redacted."""
    if not isinstance(headers, list):
        return headers
    kept = []
    for h in headers:
        if not isinstance(h, dict):
            continue
        name = str(h.get("name", ""))
        # CORS headers name other headers (allow-credentials, allow-headers: x-csrftoken)
        # and hold no secret; replays of a stored HAR need them.
        if is_secret_name(name) and not name.lower().startswith("access-control-"):
            continue
        value = h.get("value")
        if isinstance(value, str):
            clean = redact_text(value)
            if name.lower() in _URL_HEADERS:
                clean = redact_url(clean)
            if clean is not value:
                h = {**h, "value": clean}
        kept.append(h)
    return kept


def _clean_params(params: Any) -> Any:
    if not isinstance(params, list):
        return params
    out = []
    for p in params:
        if isinstance(p, dict) and is_secret_name(str(p.get("name", ""))):
            p = {**p, "value": REDACTED}
        out.append(p)
    return out


def _clean_request(request: dict[str, Any]) -> None:
    if "cookies" in request:
        request["cookies"] = []
    if "headers" in request:
        request["headers"] = _clean_headers(request["headers"])
    if isinstance(request.get("url"), str):
        request["url"] = redact_url(request["url"])
    if "queryString" in request:
        request["queryString"] = _clean_params(request.get("queryString"))
    post = request.get("postData")
    if isinstance(post, Mapping):
        # Bodies sent by the browser are the user's (logins, tokens, search state): never
        # kept. Only their type stays, so a reader can tell a POST had one.
        request["postData"] = {
            "mimeType": str(post.get("mimeType") or ""),
            "text": "",
            "comment": "request body not kept by findable",
        }
    elif post is not None:
        request.pop("postData", None)


def _clean_response(response: dict[str, Any]) -> None:
    if "cookies" in response:
        response["cookies"] = []
    if "headers" in response:
        response["headers"] = _clean_headers(response["headers"])
    if isinstance(response.get("redirectURL"), str):
        response["redirectURL"] = redact_url(response["redirectURL"])


def redact_har(har: dict[str, Any]) -> dict[str, Any]:
    """Strip credentials from a parsed HAR in place and return it: cookies, credential
    headers, request bodies, secret query values and userinfo in every URL."""
    log = har.get("log")
    if not isinstance(log, dict):
        return har
    pages = log.get("pages")
    for page in pages if isinstance(pages, list) else []:
        if isinstance(page, dict) and isinstance(page.get("title"), str):
            page["title"] = redact_url(redact_text(page["title"]))
    entries = log.get("entries")
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict):
            continue
        if isinstance(entry.get("request"), dict):
            _clean_request(entry["request"])
        if isinstance(entry.get("response"), dict):
            _clean_response(entry["response"])
    return har


# --- bodies ----------------------------------------------------------------------------

# Names that denote a credential inside a page or an API answer. Narrower than
# `is_secret_name`: in data, "key", "code", "sig" or "pass" also name a postal code, a
# cache key or a bus pass, and a body's values are what the audit reads.
_BODY_SECRET_PARTS = (
    "token", "csrf", "xsrf", "secret", "passw", "session", "sessid", "apikey", "api_key",
    "credential", "authoriz", "dtsg",
)  # fmt: skip
_BODY_SECRET_WORDS = frozenset({"lsd", "jwt", "bearer", "claim", "otp", "auth"})
# "name": "value" in JSON, also escaped inside a script's string (\"name\":\"value\"). A
# credential is one unbroken run of 8+ characters; every part is bounded, so a hostile page
# costs linear time.
_JSON_PAIR = re.compile(
    r'(?P<q>\\?")(?P<name>[A-Za-z_$][\w$.\-]{0,63})(?P=q)\s{0,3}:\s{0,3}'
    r'(?P<vq>\\?")(?P<value>[^"\\\s<>]{8,4096})(?P=vq)'
)
# <input name="fb_dtsg" value="..."> and <meta name="csrf-token" content="...">.
_HTML_PAIR = re.compile(
    r'\b(?:name|id)\s{0,3}=\s{0,3}["\'](?P<name>[\w.\-:]{1,64})["\']'
    r'[^<>]{0,300}?\b(?:value|content)\s{0,3}=\s{0,3}["\'](?P<value>[^"\'<>\s]{8,4096})',
    re.IGNORECASE,
)


def is_body_secret_name(name: str) -> bool:
    """Whether a key or field name inside a page or an API answer holds a credential."""
    low = _HUMP.sub("_", name[:200]).lower()
    if any(part in low for part in _BODY_SECRET_PARTS):
        return True
    return any(word in _BODY_SECRET_WORDS for word in _WORD_SPLIT.split(low))


def redact_body(text: str) -> str:
    """A page or an API answer with the value of every credential-named field replaced
    (a logged-in page embeds its csrf token, `fb_dtsg`, `lsd`, access tokens...); the rest
    is returned byte for byte, and a text without any is returned as is."""

    def value_out(m: re.Match[str]) -> str:
        if not is_body_secret_name(m.group("name")) or m.group("value") == REDACTED:
            return m.group(0)
        start, end = m.start("value") - m.start(), m.end("value") - m.start()
        return f"{m.group(0)[:start]}{REDACTED}{m.group(0)[end:]}"

    return _HTML_PAIR.sub(value_out, _JSON_PAIR.sub(value_out, text))
