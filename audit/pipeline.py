"""The offline half of the pipeline: documents -> Profile -> AuditResult.

Everything here is pure and replayable: it reads documents (from a snapshot, a HAR, saved
files) and never touches the network or the browser. `findable audit --snapshot DIR`
reproduces an audit exactly because the reference time of every check is the profile's
capture time, stored in the snapshot, not the wall clock.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from audit import __version__
from audit.documents import Document
from audit.errors import InputError
from audit.model import Brand, CaptureInfo, InputDoc, Outcome, Platform, Profile, ProfileRef
from audit.platforms import REGISTRY
from audit.platforms.base import ExtractContext
from audit.platforms.urls import host_matches
from audit.result import AuditResult

if TYPE_CHECKING:
    from audit.site import SiteText

__all__ = [
    "audit_profiles",
    "extract_profile",
    "guess_platform",
]


def _extractor(platform: Platform) -> Callable[[Sequence[Document], ExtractContext], Profile]:
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
    profile = _extractor(platform)(docs, ExtractContext(captured_at=captured_at, ref=ref))
    cap = profile.capture
    cap.captured_at = captured_at
    cap.input_kind = input_kind
    cap.tool_version = __version__
    if not cap.inputs:
        cap.inputs = [
            InputDoc(url=d.url, path=d.path, kind=d.origin if d.origin != "file" else d.kind,
                     status=d.status)
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
    return profile


def guess_platform(docs: Sequence[Document]) -> Platform | None:
    """The platform whose hosts served these documents (a HAR knows its URLs)."""
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

    return engine.audit(
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


def file_time(path: Path) -> datetime:
    """When a saved file was written: the best guess of its capture time when it has none."""
    return datetime.fromtimestamp(path.stat().st_mtime, tz=timezone.utc).replace(microsecond=0)
