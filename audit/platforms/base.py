"""What every platform module provides, and the tolerant-read helpers they share.

A platform module exposes one `SPEC: PlatformSpec`:
- `match_url(parts)`: the handle if a URL is one of this platform's profile URLs, else None;
- `normalize_handle(text)`: a typed handle made canonical, or ValueError saying what is wrong;
- `profile_url(handle)`: the canonical public URL;
- `capture_plan(ref)`: what the capture layer loads for this profile (pages and API calls);
- `extract(docs, ctx)`: the Profile these documents show. Pure: no network, no clock.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal
from urllib.parse import SplitResult

from audit.documents import Document, shown_path
from audit.model import CaptureInfo, InputDoc, Platform, Post, Profile, ProfileRef


@dataclass(frozen=True)
class Step:
    """One thing the capture layer does for a profile.

    `goto`: navigate the page to `url` (a profile page, or an API URL whose JSON body is then
    the document). `fetch`: call `url` from inside the current page with `headers` (the way the
    platform's own web app loads its data), so the response lands in the HAR like any XHR.
    `optional`: a failure of this step does not fail the profile.
    """

    action: Literal["goto", "fetch"]
    url: str
    headers: dict[str, str] = field(default_factory=dict)
    optional: bool = False
    wait_for: str | None = None  # CSS selector worth waiting for after a goto (best effort)


@dataclass(frozen=True)
class CapturePlan:
    """`steps` run in order. Then, when `follow` is set, it is called with the documents
    captured so far and returns more steps (e.g. Mastodon: the statuses URL needs the account
    id that the lookup returned); it is called again with what those returned, and steps it
    returns again are not repeated, until it returns nothing new (at most three rounds: the
    statuses then give the comment threads to read). Platform knowledge stays here; the
    browser stays in capture.
    """

    steps: Sequence[Step]
    follow: Callable[[Sequence[Document]], Sequence[Step]] | None = None
    note: str | None = None


@dataclass(frozen=True)
class ExtractContext:
    """What an extractor may know besides the documents: when they were captured, and
    which profile was asked for (None when the input names it, e.g. a saved page)."""

    captured_at: datetime
    ref: ProfileRef | None = None


@dataclass(frozen=True)
class PlatformSpec:
    platform: Platform
    hosts: tuple[str, ...]
    match_url: Callable[[SplitResult], str | None]
    normalize_handle: Callable[[str], str]
    profile_url: Callable[[str], str]
    capture_plan: Callable[[ProfileRef], CapturePlan] | None = None
    extract: Callable[[Sequence[Document], ExtractContext], Profile] | None = None

    @property
    def can_extract(self) -> bool:
        return self.extract is not None


_MISSING: Any = object()


def dig(obj: Any, *path: str | int, default: Any = None) -> Any:
    """Read `obj[p0][p1]...` tolerantly: any missing key, wrong type or None gives `default`."""
    cur = obj
    for key in path:
        if isinstance(key, int):
            if not isinstance(cur, list) or not -len(cur) <= key < len(cur):
                return default
            cur = cur[key]
        else:
            if not isinstance(cur, dict) or key not in cur:
                return default
            cur = cur[key]
        if cur is None:
            return default
    return cur


def first(*values: Any) -> Any:
    """The first value that is not None or an empty string/collection (yt-dlp's `a or b`)."""
    for v in values:
        if v is None:
            continue
        if isinstance(v, (str, list, dict, tuple)) and not v:
            continue
        return v
    return None


def walk(obj: Any) -> Iterable[Any]:
    """Every dict and list nested in `obj`, depth first (for finding a shape anywhere)."""
    stack = [obj]
    while stack:
        cur = stack.pop()
        if isinstance(cur, dict):
            yield cur
            stack.extend(reversed(list(cur.values())))
        elif isinstance(cur, list):
            yield cur
            stack.extend(reversed(cur))


def input_doc(doc: Document) -> InputDoc:
    """How a document is listed in `Profile.capture.inputs` (evidence of what was read)."""
    return InputDoc(
        url=doc.url,
        path=shown_path(doc.path),
        kind="har-entry" if doc.origin == "har" else doc.kind,
        status=doc.status,
    )


def input_kind(docs: Sequence[Document]) -> str:
    """live-capture HAR, data export, saved page or API JSON: what these documents are."""
    origins = {d.origin for d in docs}
    if "har" in origins:
        return "har"
    if "export" in origins:
        return "export"
    return "html" if any(d.kind == "html" for d in docs) else "json"


def capture_info(docs: Sequence[Document], ctx: ExtractContext, url: str | None) -> CaptureInfo:
    """The capture block an extractor starts from: the asked-for URL, the first page's final
    URL and status, the capture time, and every document read."""
    page = next((d for d in docs if d.kind == "html"), None)
    return CaptureInfo(
        url=ctx.ref.url if ctx.ref else url,
        final_url=page.url if page else None,
        http_status=page.status if page else None,
        captured_at=ctx.captured_at,
        input_kind=input_kind(docs),
        inputs=[input_doc(d) for d in docs],
    )


def as_dict(value: Any) -> dict[str, Any]:
    """An object as a dict; anything else (a string, a list, a number) as an empty one, so
    `.get` on an input's value never raises."""
    return value if isinstance(value, dict) else {}


def as_list(value: Any) -> list[Any]:
    """An array as a list; anything else as no items (a string is not a list of letters)."""
    return value if isinstance(value, list) else []


def clean_str(value: Any) -> str | None:
    """A string stripped of surrounding space, or None for anything else or a blank."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    return value or None


_DIGITS = re.compile(r"[0-9]{1,18}")


def int_or_none(value: Any) -> int | None:
    """A count or a size as an int: an int, a finite float (truncated), or a string of ASCII
    digits; None for anything else. Never raises, whatever an input holds: bools are not
    counts, negatives are not counts or sizes, NaN and infinities are not numbers (JSON's
    `Infinity` parses), nor are 5,000-digit strings (int() refuses them) or '²' (isdigit)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float):
        value = int(value) if math.isfinite(value) else None
    elif isinstance(value, str):
        text = value.strip()
        value = int(text) if _DIGITS.fullmatch(text) else None
    return value if isinstance(value, int) and value >= 0 else None


def scaled_count(number: str, scale: float) -> int | None:
    """An abbreviated count as a page shows it ('1.38' with 'M' -> 1,380,000): `number` read
    as a decimal (a comma as the decimal mark), times `scale`; None when it is no finite
    number (a damaged page's 400 digits make inf, which round() and int() refuse)."""
    try:
        value = float(number.replace(",", ".")) * scale
    except ValueError:
        return None
    return round(value) if math.isfinite(value) and value >= 0 else None


@dataclass
class AccountFinding:
    """What one document says about one account: its rank (lower = more reliable source),
    the username it names (and where), and fields as (value, source path), first one wins."""

    rank: int
    username: str | None
    username_path: str
    label: str
    fields: dict[str, tuple[Any, str]] = field(default_factory=dict)

    def put(self, name: str, value: Any, path: str) -> None:
        if name not in self.fields and first(value) is not None:
            self.fields[name] = (value, path)


_PROFILE_FIELDS = ("display_name", "bio", "category", "links", "location", "avatar", "contact",
                   "is_business", "is_private", "is_verified", "shop")  # fmt: skip
_COUNT_FIELDS = {"followers": "followers", "following": "following", "posts_count": "posts"}


def profile_from_values(
    platform: Platform,
    handle: str,
    url: str | None,
    values: dict[str, Any],
    sources: dict[str, str],
    posts: list[Post],
) -> Profile:
    """The Profile that "first value wins" readings add up to. `values` uses Profile field
    names plus `followers`/`following`/`posts_count`; their `sources` entries move to the
    `counts.*` names the Profile reports, so evidence names the field as shown."""
    profile = Profile(
        platform=platform,
        handle=handle,
        url=url,
        posts=posts,
        **{k: values[k] for k in _PROFILE_FIELDS if values.get(k) is not None},
    )
    for key, attr in _COUNT_FIELDS.items():
        setattr(profile.counts, attr, values.get(key))
        if key in sources:
            sources[f"counts.{attr}"] = sources.pop(key)
    return profile
