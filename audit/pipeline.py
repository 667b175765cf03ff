"""The offline half of the pipeline: documents -> Profile -> AuditResult.

Everything here is pure and replayable: it reads documents (from a snapshot, a HAR, saved
files) and never touches the network or the browser. `findable audit --snapshot DIR`
reproduces an audit exactly because the reference time of every check is the profile's
capture time, stored in the snapshot, not the wall clock.
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Callable, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from audit import __version__
from audit.documents import Document, shown_path
from audit.errors import InputError
from audit.model import Brand, CaptureInfo, InputDoc, Outcome, Platform, Profile, ProfileRef
from audit.observable import declare
from audit.platforms.base import ExtractContext
from audit.platforms.urls import host_matches
from audit.redact import redact_model
from audit.result import AuditResult
from audit.text import TEXT_MAX

if TYPE_CHECKING:
    from audit.site import SiteText

__all__ = [
    "audit_profiles",
    "extract_profile",
    "guess_platform",
]


def _extractor(platform: Platform) -> Callable[[Sequence[Document], ExtractContext], Profile]:
    from audit.platforms import REGISTRY  # the extractors load on first use

    spec = REGISTRY[platform]
    if spec.extract is None:
        raise InputError(
            f"reading {platform.label} profiles is not supported yet; "
            f"supported: {', '.join(p.value for p, s in REGISTRY.items() if s.can_extract)}"
        )
    return spec.extract


def extract_profile(
    platform: Platform,
    docs: Sequence[Document],
    *,
    captured_at: datetime,
    ref: ProfileRef | None = None,
    input_kind: str = "live",
    network: CaptureInfo | None = None,
) -> Profile:
    """Run the platform's extractor, then fold in what the capture layer knew.

    A network-level failure (timeout, 404, login redirect) outranks whatever the documents
    seem to show, since a failed capture's documents are error pages."""
    profile = _extract_total(platform, docs, ExtractContext(captured_at=captured_at, ref=ref))
    _cap_texts(profile)
    cap = profile.capture
    cap.captured_at = captured_at
    cap.input_kind = input_kind
    cap.tool_version = __version__
    if not cap.inputs:
        cap.inputs = [
            InputDoc(url=d.url, path=shown_path(d.path),
                     kind=d.origin if d.origin != "file" else d.kind, status=d.status)
            for d in docs
        ]  # fmt: skip
    if network is not None:
        cap.url = network.url or cap.url
        cap.final_url = network.final_url or cap.final_url
        cap.http_status = network.http_status or cap.http_status
        cap.browser_version = network.browser_version
        cap.warnings.extend(w for w in network.warnings if w not in cap.warnings)
        if network.outcome is not Outcome.OK:
            cap.outcome = network.outcome
            cap.reason = network.reason or cap.reason
    if ref is not None and not profile.url:
        profile.url = ref.url
    return declare(profile)


def _extract_total(platform: Platform, docs: Sequence[Document], ctx: ExtractContext) -> Profile:
    """The platform's extractor, made total: every document is untrusted input, so a reading
    that raises on a shape nobody expected must cost that document, not the audit.

    When the extractor raises, each document is read alone to find the one(s) it fails on;
    the profile is then read from the others, each skipped document becomes a warning naming
    it, the exception and the reading it broke (`youtube._thumb_of`), and every field the
    rest does not show becomes *not observable* (the skipped document may have shown it), so
    its checks say `na` with why instead of failing the brand for a damaged file."""
    extract = _extractor(platform)
    try:
        return extract(docs, ctx)
    except Exception as exc:  # narrowed below to the documents that cause it
        together = exc
    skipped: list[tuple[Document, str]] = []
    kept: list[Document] = []
    for doc in docs:
        try:
            extract([doc], ctx)
        except Exception as exc:  # this document is the one the extractor cannot read
            skipped.append((doc, _failure(exc)))
        else:
            kept.append(doc)
    if not skipped:  # each reads alone, not together: no document can be trusted over another
        skipped, kept = [(d, _failure(together)) for d in docs], []
    try:
        profile = extract(kept, ctx)
    except Exception as exc:  # the extractor fails on no input at all: a bug, said as such
        profile = Profile(
            platform=platform,
            handle=ctx.ref.handle if ctx.ref else "unknown",
            capture=CaptureInfo(
                outcome=Outcome.ERROR,
                reason=f"the {platform.label} reader failed ({_failure(exc)})",
            ),
        )
    for doc, why in skipped:
        profile.capture.warnings.append(f"{doc.label}: skipped, it could not be read ({why})")
    names = ", ".join(dict.fromkeys(doc.label for doc, _ in skipped))
    for key, empty in _observable(profile).items():
        if empty and key not in profile.not_observed:
            profile.not_observed[key] = f"{names} could not be read, which may have shown it"
    return profile


def _observable(profile: Profile) -> dict[str, bool]:
    """Which of the fields checks read are empty (the `not_observed` keys the model names)."""
    c = profile.counts
    return {
        "bio": not profile.bio,
        "links": not profile.links,
        "category": not profile.category,
        "location": profile.location is None,
        "avatar": profile.avatar is None,
        "contact": profile.contact is None,
        "counts": c.followers is None and c.following is None and c.posts is None,
        "posts": not profile.posts,
    }


def _failure(exc: BaseException) -> str:
    """`TypeError in youtube._thumb_of: '>' not supported ...`: the exception and the
    innermost reading of findable's own code it came from (the field being read)."""
    frames = [
        f for f in traceback.extract_tb(exc.__traceback__) if f"{os.sep}audit{os.sep}" in f.filename
    ]
    where = ""
    if frames:
        module = Path(frames[-1].filename).stem
        where = f" in {module}.{frames[-1].name}"
    message = str(exc).splitlines()[0][:160] if str(exc) else ""
    return f"{type(exc).__name__}{where}" + (f": {message}" if message else "")


def _cap_texts(profile: Profile) -> None:
    """Cut every text to TEXT_MAX (the longest bio or caption any platform allows), with a
    warning naming what was cut, so analysis costs are bounded whatever the input holds."""
    cut: dict[str, int] = {}

    def capped(text: str | None, what: str) -> str | None:
        if text is None or len(text) <= TEXT_MAX:
            return text
        cut[what] = max(cut.get(what, 0), len(text))
        return text[:TEXT_MAX]

    profile.display_name = capped(profile.display_name, "the name")
    profile.bio = capped(profile.bio, "the bio")
    profile.category = capped(profile.category, "the category")
    for post in profile.posts:
        post.caption = capped(post.caption, "a caption")
        for media in post.media:
            media.alt_text = capped(media.alt_text, "an alt text")
    for what, size in cut.items():
        profile.capture.warnings.append(
            f"{what} is {size:,} characters, longer than any platform allows; "
            f"findable analyses the first {TEXT_MAX:,}"
        )


def guess_platform(docs: Sequence[Document]) -> Platform | None:
    """The platform whose hosts served these documents (a HAR knows its URLs)."""
    from audit.platforms import REGISTRY

    seen: dict[Platform, int] = {}
    for doc in docs:
        if not doc.url:
            continue
        parts = urlsplit(doc.url)
        for spec in REGISTRY.values():
            if spec.hosts and host_matches(parts, spec.hosts):
                seen[spec.platform] = seen.get(spec.platform, 0) + 1
    if not seen:
        return None
    return max(seen, key=lambda p: seen[p])


def audit_profiles(
    profiles: Sequence[Profile],
    brand: Brand,
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    notes: Sequence[str] = (),
    generated_at: datetime | None = None,
    competitors: Sequence[Profile] = (),
    site: SiteText | None = None,
) -> AuditResult:
    from audit import engine

    result = engine.audit(
        profiles,
        brand,
        tool_version=__version__,
        generated_at=generated_at or datetime.now(timezone.utc),
        select=select or brand.select,
        ignore=ignore or brand.ignore,
        notes=notes,
        competitors=competitors,
        site=site,
    )
    # Checks saw the URLs as captured (an avatar's signed URL must match its stored image);
    # what leaves the pipeline for reports and history has every credential stripped.
    redact_model(result)
    return result


def file_time(path: Path) -> datetime:
    """When a saved file was written: the best guess of its capture time when it has none."""
    return datetime.fromtimestamp(path.stat().st_mtime, tz=timezone.utc).replace(microsecond=0)
