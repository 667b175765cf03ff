"""What the CLI commands do, as plain functions (the CLI stays a thin layer of options).

An audit always goes the same way whatever the input: inputs become a Snapshot (live capture
or a user's HAR) or documents (saved files), documents become Profiles, Profiles become an
AuditResult, and the AuditResult becomes reports. Live and demo audits are audited by reading
back the snapshot they just wrote, so `--snapshot` replays are the same code and the same
numbers by construction.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import typer

from audit.brandfile import load_brand, merge_cli, website_url
from audit.documents import Document, load_file, load_har
from audit.errors import InputError, NothingCapturedError
from audit.model import (
    AssetRef,
    Brand,
    CaptureTarget,
    Outcome,
    Platform,
    Profile,
    ProfileRef,
    SiteRef,
)
from audit.pipeline import audit_profiles, extract_profile, file_time, guess_platform
from audit.platforms.base import CapturePlan, Step
from audit.progress import CaptureProgress
from audit.redact import redact_model
from audit.resolve import parse_platform, resolve_many
from audit.result import AuditResult

if TYPE_CHECKING:
    from audit.snapshot import Manifest, ProfileCapture

DEMO_DIR = Path(__file__).resolve().parent / "demo"


@dataclass
class AuditRequest:
    targets: list[str] = field(default_factory=list)
    brand_file: Path | None = None
    snapshot: Path | None = None
    har: Path | None = None
    export: Path | None = None
    from_files: list[Path] = field(default_factory=list)
    platform: str | None = None
    captured_at: datetime | None = None
    out: Path = Path("findable-report")
    formats: str = "all"
    to_stdout: bool = False
    flags: dict[str, Any] = field(default_factory=dict)
    storage_state: Path | None = None
    quiet: bool = False
    verbose: bool = False
    replay: dict[str, Path] | None = None
    title: str | None = None
    history: bool = False  # read the history for AuditResult.progress before reporting
    db: Path | None = None

    @property
    def snapshot_dir(self) -> Path:
        return self.out / "snapshot"


def demo_request(
    *, out: Path, formats: str, quiet: bool, history: bool = False, db: Path | None = None
) -> AuditRequest:
    """The bundled demo brand, captured through the real capture code from recorded HARs."""
    hars = {p.stem: p for p in sorted(DEMO_DIR.glob("*.har"))}
    if not hars:
        raise InputError(f"the demo HARs are missing from {DEMO_DIR}; reinstall findable")
    return AuditRequest(
        brand_file=DEMO_DIR / "brand.toml",
        out=out,
        formats=formats,
        quiet=quiet,
        replay=hars,
        title="demo",
        history=history,
        db=db,
    )


# --- inputs ----------------------------------------------------------------------------------


def _brand(req: AuditRequest, stored: dict[str, Any] | None = None) -> Brand:
    if req.brand_file is not None:
        brand = load_brand(req.brand_file)
    elif stored:
        brand = Brand.model_validate(stored)
    else:
        brand = Brand()
    return merge_cli(brand, **req.flags)


def _check_out_writable(out: Path) -> None:
    """Fail before any capture work when the reports could not be written anyway."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".findable-probe-", dir=out)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise InputError(
            f"--out {out}: cannot write there ({reason}); choose another folder"
        ) from None


def _platform_of(req: AuditRequest, docs: Sequence[Document], what: str) -> Platform:
    if req.platform:
        return parse_platform(req.platform)
    guessed = guess_platform(docs)
    if guessed is None:
        raise InputError(f"cannot tell which platform {what} is from; add --platform NAME")
    return guessed


def _har_time(raw: Any) -> datetime | None:
    """When a parsed HAR was recorded: its earliest entry's start time."""
    from audit.dates import parse_iso

    try:
        entries = raw["log"]["entries"]
    except (KeyError, TypeError):
        return None
    if not isinstance(entries, list):
        return None
    times = [parse_iso(e.get("startedDateTime")) for e in entries if isinstance(e, dict)]
    known = [t for t in times if t is not None]
    return min(known) if known else None


# --- the audit -------------------------------------------------------------------------------


def run(req: AuditRequest) -> AuditResult:
    from reports import parse_formats

    formats = parse_formats(req.formats)
    inputs = sum(bool(x) for x in (req.snapshot, req.har, req.export, req.from_files))
    if inputs > 1:
        raise InputError("give one input: --snapshot, --har, --export or --from (not several)")
    if req.from_files and req.targets:
        raise InputError("profile targets and --from files cannot be mixed; audit them apart")
    created = [] if req.to_stdout else _missing_folders(req.out)
    try:
        if not req.to_stdout:
            _check_out_writable(req.out)
        result = _audit(req)
        if req.history:
            from audit import history

            result.progress = history.progress(result, req.db)
        if not req.to_stdout:
            from reports import write_reports

            write_reports(result, req.out, formats)
    except BaseException:
        _remove_if_empty(created)  # a failed audit leaves no empty --out folder behind
        raise
    return result


def _audit(req: AuditRequest) -> AuditResult:
    if req.snapshot is not None:
        return _audit_snapshot(req.snapshot, req)
    if req.har is not None:
        return _audit_har(req)
    if req.export is not None:
        return audit_profiles(
            [extract_export_file(req.export, req.platform, req.captured_at)], _brand(req)
        )
    if req.from_files:
        return _audit_files(req)
    return _audit_live(req)


def _missing_folders(path: Path) -> list[Path]:
    """`path` and those of its parents that do not exist yet, deepest first."""
    missing: list[Path] = []
    for folder in (path, *path.parents):
        if folder.exists() or folder == folder.parent:
            break
        missing.append(folder)
    return missing


def _remove_if_empty(folders: Sequence[Path]) -> None:
    """Remove the folders this run made, deepest first, while they are empty; a folder with
    anything in it stays (and so do its parents)."""
    for folder in folders:
        try:
            folder.rmdir()
        except OSError:
            return


def _audit_snapshot(directory: Path, req: AuditRequest) -> AuditResult:
    """Audit what a snapshot holds: the brand's profiles, its competitors' (by the keys the
    index lists under `competitors`) and its website's words (the `site` capture)."""
    from audit.site import read_site
    from audit.snapshot import read_snapshot

    snap = read_snapshot(directory)
    brand = _brand(req, snap.context.get("brand"))
    rivals = set(snap.context.get("competitors") or [])
    assets = {pc.manifest.ref.key: pc for pc in snap.assets}
    avatar_of = snap.context.get("avatars") or {}
    profiles: list[Profile] = []
    competitors: list[Profile] = []
    site = None
    for pc in snap.profiles:
        m = pc.manifest
        if isinstance(m.ref, SiteRef):
            if m.outcome is Outcome.OK:
                site = read_site(pc.documents())
            continue
        if isinstance(m.ref, AssetRef):  # images belong under `assets`; never audited
            continue
        profile = extract_profile(
            m.ref.platform,
            pc.documents(),
            captured_at=m.captured_at,
            ref=m.ref,
            input_kind=m.input_kind,
            network=m.capture_info(),
        )
        _hash_avatar(profile, assets.get(str(avatar_of.get(m.ref.key, ""))))
        (competitors if m.ref.key in rivals else profiles).append(profile)
    # The folder's name only: a report travels, and the machine's absolute path means nothing
    # to its reader (and says where the consultant keeps client files).
    notes = [f"Audited from the saved snapshot folder '{directory.name}'."]
    notes = notes if req.title != "demo" else []
    return audit_profiles(profiles, brand, notes=notes, competitors=competitors, site=site)


def _hash_avatar(profile: Profile, asset: ProfileCapture | None) -> None:
    """Set `profile.avatar.phash` from the avatar image stored in the snapshot, when there is
    one for exactly this avatar URL and it decodes. Pure: the same bytes, the same hash."""
    from audit.images import ImageError, dhash

    avatar = profile.avatar
    if asset is None or avatar is None or avatar.url is None:
        return
    m = asset.manifest
    if m.outcome is not Outcome.OK or not isinstance(m.ref, AssetRef) or m.ref.url != avatar.url:
        return
    from audit.safeio import MAX_ASSET_BYTES

    try:
        data = asset.read("asset", max_bytes=MAX_ASSET_BYTES)
        if data is None:
            return
        phash = dhash(data)
    except (InputError, ImageError) as exc:
        profile.capture.warnings.append(f"the profile image could not be read: {exc}")
        return
    profile.avatar = avatar.model_copy(update={"phash": phash})


def _audit_har(req: AuditRequest) -> AuditResult:
    from audit.documents import read_har
    from audit.snapshot import Manifest, write_index, write_profile

    assert req.har is not None
    raw = read_har(req.har)  # read once: HARs run to many megabytes
    docs = load_har(req.har, raw)
    platform = _platform_of(req, docs, str(req.har))
    captured_at = req.captured_at or _har_time(raw) or file_time(req.har)
    profile = extract_profile(platform, docs, captured_at=captured_at, input_kind="har")
    _readable(profile, str(req.har))
    from audit.platforms import REGISTRY

    spec = REGISTRY[platform]
    ref = ProfileRef(
        platform=platform,
        handle=profile.handle,
        url=profile.url or spec.profile_url(profile.handle),
    )
    brand = _brand(req)
    staging = _staging(req)
    del docs, profile
    manifest = Manifest(
        ref=ref,
        url=ref.url,
        final_url=ref.url,
        captured_at=captured_at,
        input_kind="har",
        notes=[f"imported from {req.har.name}"],
    )
    try:
        write_profile(staging, manifest, har=raw)
        del raw
        write_index(staging, [ref.key], {"brand": brand.model_dump(mode="json")})
        _promote(staging, req.snapshot_dir)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return _audit_snapshot(req.snapshot_dir, req)


def _audit_files(req: AuditRequest) -> AuditResult:
    profile = extract_files(req.from_files, req.platform, req.captured_at)
    brand = _brand(req)
    return audit_profiles([profile], brand)


def extract_files(files: Sequence[Path], platform: str | None, when: datetime | None) -> Profile:
    """Saved pages / API JSON bodies / HARs that together show one profile -> that Profile."""
    if not files:
        raise InputError("no files given; pass saved pages, API JSON bodies or HARs")
    docs: list[Document] = []
    for path in files:
        docs.extend(load_file(path))
    req = AuditRequest(platform=platform)
    plat = _platform_of(req, docs, ", ".join(str(f) for f in files))
    captured_at = when or max(file_time(p) for p in files)
    profile = extract_profile(plat, docs, captured_at=captured_at, input_kind=_kind(docs))
    _readable(profile, ", ".join(str(f) for f in files))
    if when is None:
        profile.capture.warnings.append(
            f"capture time taken from the files' modification time ({captured_at.isoformat()}); "
            "pass --captured-at to set it"
        )
    redact_model(profile)  # what `findable extract` prints holds no credentials either
    return profile


def extract_export_file(path: Path, platform: str | None, when: datetime | None) -> Profile:
    """An owner's data export (.zip or a JSON file from it) -> the Profile it shows."""
    from audit.exports import extract_export, load_export

    bundle = load_export(path)
    plat = parse_platform(platform) if platform else None
    profile = extract_export(bundle, platform=plat, captured_at=when or file_time(path))
    _readable(profile, str(path))
    if when is None and bundle.generated_at is None:
        profile.capture.warnings.append(
            "export time taken from the file's modification time; pass --captured-at to set it"
        )
    redact_model(profile)
    return profile


def _readable(profile: Profile, what: str) -> None:
    """A file the user gave that holds nothing readable for its platform is bad input (exit 2,
    nothing stored), not an audit of an empty profile."""
    cap = profile.capture
    if cap.outcome is Outcome.ERROR:
        label = profile.platform.label
        raise InputError(
            f"{what}: nothing readable as a {label} profile: {cap.reason or 'no profile data'}; "
            "check the file, and --platform if it is set"
        )


def _kind(docs: Sequence[Document]) -> str:
    kinds = {d.origin if d.origin == "har" else d.kind for d in docs}
    return kinds.pop() if len(kinds) == 1 else "json"


def _staging(req: AuditRequest) -> Path:
    req.out.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=".snapshot-new-", dir=req.out))


def _promote(staging: Path, final: Path) -> None:
    """Put a finished snapshot in place; the old one goes only once the new one is there."""
    umask = os.umask(0)
    os.umask(umask)
    for folder in (staging, *(p for p in staging.iterdir() if p.is_dir())):
        folder.chmod(0o777 & ~umask)  # mkdtemp made them owner-only
    if final.exists():
        retired = Path(tempfile.mkdtemp(prefix=".snapshot-old-", dir=final.parent))
        os.replace(final, retired / "snapshot")
        try:
            os.replace(staging, final)
        except BaseException:
            os.replace(retired / "snapshot", final)
            raise
        shutil.rmtree(retired, ignore_errors=True)
    else:
        os.replace(staging, final)


def _audit_live(req: AuditRequest) -> AuditResult:
    from audit.capture import CaptureOptions, capture
    from audit.platforms import REGISTRY
    from audit.snapshot import write_index

    brand = _brand(req)
    targets = list(req.targets) + list(brand.profiles)
    if not targets:
        raise InputError(
            "nothing to audit; give profile URLs or platform:@handle, a --brand file with "
            "profiles, --har, --from or --snapshot (try 'findable demo')"
        )
    refs = resolve_many(targets)
    own = {r.key for r in refs}
    rivals = [r for r in resolve_many(list(brand.competitors)) if r.key not in own]
    jobs: list[tuple[CaptureTarget, CapturePlan]] = []
    for ref in (*refs, *rivals):
        plan = REGISTRY[ref.platform].capture_plan
        assert plan is not None  # every platform in the registry has one
        jobs.append((ref, plan(ref)))
    if brand.website:
        site = SiteRef(url=website_url(brand.website))
        jobs.append((site, CapturePlan(steps=[Step("goto", site.url)])))
    staging = _staging(req)
    try:
        options = CaptureOptions(storage_state=req.storage_state, replay=req.replay)
        with CaptureProgress(enabled=not req.quiet) as progress:
            manifests = capture(jobs, staging, options, progress=progress)
        if not any(m.outcome is Outcome.OK for m in manifests if m.ref.key in own):
            reasons = "; ".join(
                f"{m.ref.label}: {m.reason or m.outcome.words}"
                for m in manifests
                if m.ref.key in own
            )
            raise NothingCapturedError(f"no profile could be captured: {reasons}")
        avatars, asset_keys = _capture_avatars(req, staging, manifests, own)
        context = {
            "brand": brand.model_dump(mode="json"),
            "competitors": [r.key for r in rivals],
            "site": "site" if brand.website else None,
            "avatars": avatars,
        }
        write_index(staging, [job[0].key for job in jobs], context, asset_keys=asset_keys)
        _promote(staging, req.snapshot_dir)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return _audit_snapshot(req.snapshot_dir, req)


# The avatar pass is a handful of small images: a short cap per image, one retry.
_AVATAR_TIMEOUT_S = 15.0


def _avatar_assets(
    staging: Path, manifests: Sequence[Manifest], own: set[str]
) -> tuple[list[AssetRef], dict[str, str]]:
    """One asset per distinct avatar URL among the brand's captured profiles (default
    avatars left out: PRO001 covers them), and which asset shows each profile's avatar."""
    from audit.snapshot import ProfileCapture

    by_url: dict[str, AssetRef] = {}
    avatars: dict[str, str] = {}
    for m in manifests:
        ref = m.ref
        if not isinstance(ref, ProfileRef) or ref.key not in own or m.outcome is not Outcome.OK:
            continue
        profile = extract_profile(
            ref.platform,
            ProfileCapture(path=staging / ref.key, manifest=m).documents(),
            captured_at=m.captured_at,
            ref=ref,
            input_kind=m.input_kind,
            network=m.capture_info(),
        )
        avatar = profile.avatar
        if avatar is None or not avatar.url or avatar.is_default:
            continue
        if urlsplit(avatar.url).scheme not in ("http", "https"):
            continue
        asset = by_url.setdefault(avatar.url, AssetRef(url=avatar.url, key=f"avatar-{ref.key}"))
        avatars[ref.key] = asset.key
    return list(by_url.values()), avatars


def _capture_avatars(
    req: AuditRequest, staging: Path, manifests: Sequence[Manifest], own: set[str]
) -> tuple[dict[str, str], list[str]]:
    """The second, small capture pass: each distinct brand avatar image into the snapshot
    (`avatar-<profile key>/image.bin`), so CON004 can compare them. Best effort: a failed
    download, or the whole pass failing, only leaves CON004 without that image (`na`).
    Returns (profile key -> asset key, asset keys in the snapshot)."""
    from audit.capture import CaptureOptions, capture

    try:
        assets, avatars = _avatar_assets(staging, manifests, own)
        if not assets:
            return {}, []
        replay: dict[str, Path] | None = None
        if req.replay is not None:  # a replay stays offline: the profile's HAR serves its image
            profile_of = {asset: key for key, asset in avatars.items()}
            replay = {
                a.key: req.replay[profile_of[a.key]]
                for a in assets
                if profile_of[a.key] in req.replay
            }
        options = CaptureOptions(
            replay=replay, timeout_s=_AVATAR_TIMEOUT_S, retries=1, screenshot=False
        )
        jobs: list[tuple[CaptureTarget, CapturePlan]] = [
            (a, CapturePlan(steps=[Step("goto", a.url)])) for a in assets
        ]
        label = {m.ref.key: m.ref.label for m in manifests}
        names = {asset: label[key] for key, asset in avatars.items() if key in label}
        with CaptureProgress(enabled=not req.quiet, names=names) as progress:
            capture(jobs, staging, options, progress=progress)
    except Exception as exc:  # never fatal: CON004 says the images were not downloaded
        if not req.quiet:
            typer.echo(f"  profile images not downloaded: {exc}", err=True)
        return {}, []
    return avatars, [a.key for a in assets]


# --- printing --------------------------------------------------------------------------------


def print_summary(result: AuditResult, req: AuditRequest, stored: str | None = None) -> None:
    """The terminal summary (audit/console.py), naming the reports and snapshot written."""
    from audit.console import print_summary as show
    from reports import parse_formats

    written = req.out if not req.to_stdout else None
    snapshot = None
    if written is not None and (req.out / "snapshot").is_dir() and req.snapshot is None:
        snapshot = req.snapshot_dir
    show(result, out=written, formats=parse_formats(req.formats), snapshot=snapshot, stored=stored)


def _echo_text(line: str) -> None:
    """A line holding text read from a profile, without the control characters that would
    act on the terminal (an escape sequence in a bio)."""
    from audit.console import terminal_text

    typer.echo(terminal_text(line))


def print_inputs(result: AuditResult) -> None:
    """`audit -v`: per profile, what was read and from where, and where each field came from."""
    echo = _echo_text
    echo("\nWhat was read:")
    for pr in result.profiles:
        cap = pr.profile.capture
        when = cap.captured_at.strftime("%Y-%m-%d %H:%M UTC") if cap.captured_at else "unknown"
        echo(f"  {pr.platform.label} @{pr.handle}: {cap.input_kind}, captured {when}")
        for doc in cap.inputs:
            where = doc.url or doc.path or "?"
            if doc.url and doc.path:
                where += f" (in {doc.path})"
            status = f" HTTP {doc.status}" if doc.status is not None else ""
            echo(f"    read {doc.kind}{status}: {where}")
        for name, source in sorted(pr.profile.sources.items()):
            echo(f"    {name:<16} from {source}")
        for warning in cap.warnings:
            echo(f"    warning: {warning}")


def print_profile(profile: Profile, *, verbose: bool) -> None:
    echo = _echo_text
    cap = profile.capture
    echo(f"{profile.platform.label} @{profile.handle}  [{cap.outcome.value}]"
         + (f" — {cap.reason}" if cap.reason else ""))  # fmt: skip
    rows: list[tuple[str, Any]] = [
        ("display_name", profile.display_name),
        ("bio", profile.bio),
        ("category", profile.category),
        ("links", ", ".join(link.url for link in profile.links) or None),
        ("location", profile.location.model_dump(exclude_none=True) if profile.location else None),
        ("avatar", profile.avatar.url if profile.avatar else None),
        ("counts", profile.counts.model_dump(exclude_none=True) or None),
    ]
    hidden = profile.not_observed

    def unseen(key: str) -> str:  # the same reason the checks give
        return f"not observable: {hidden[key].rstrip('.')}"

    for name, value in rows:
        empty = value in (None, "", {})
        shown = unseen(name) if empty and name in hidden else "—" if empty else str(value)
        echo(f"  {name:<13} {shown.replace(chr(10), ' ⏎ ')}")
        if verbose and name.split(".")[0] in profile.sources:
            echo(f"  {'':<13} from {profile.sources[name]}")
    own = profile.own_posts()
    images = [m for p in own for m in p.media if m.kind == "image"]
    dated = sorted((p.created_at for p in own if p.created_at), reverse=True)
    if not profile.posts and "posts" in hidden:
        echo(f"  {'posts':<13} {unseen('posts')}")
    else:
        echo(f"  {'posts':<13} {len(profile.posts)} read ({len(profile.posts) - len(own)} "
             "reposts)" + (f", newest {dated[0].date().isoformat()}" if dated else ""))  # fmt: skip
    by_source = {
        s: sum(1 for m in images if m.alt_source == s) for s in ("custom", "auto", "missing")
    }
    if "alt_text" in hidden:
        echo(f"  {'images':<13} {len(images)}: alt text {unseen('alt_text')}")
    else:
        echo(f"  {'images':<13} {len(images)}: alt text custom {by_source['custom']}, "
             f"automatic {by_source['auto']}, missing {by_source['missing']}")  # fmt: skip
    tagged = sum(1 for p in own if p.location)
    if not tagged and "geotags" in hidden:
        echo(f"  {'geotagged':<13} {unseen('geotags')}")
    else:
        echo(f"  {'geotagged':<13} {tagged} posts")
    if verbose:
        for name, src in sorted(profile.sources.items()):
            if name not in {r[0] for r in rows}:
                echo(f"  {name:<13} from {src}")
    for warning in cap.warnings:
        echo(f"  warning: {warning}")


# --- keywords --------------------------------------------------------------------------------


def keywords_jsonl_file(path: Path, top: int) -> Iterator[str]:
    from audit.nlp import keywords_jsonl

    if not path.is_file():
        raise InputError(f"{path}: no such file; pass a JSONL file of {{'id', 'text'}} lines")
    with path.open(encoding="utf-8-sig", errors="replace") as lines:
        yield from keywords_jsonl(lines, top)


def keywords_of(
    *, text: str | None, file: Path | None, url: str | None, top: int, lang: str | None
) -> list[Any]:
    """Keywords of a text, a text file, or a web page read through the capture layer."""
    from audit.nlp import extract_keywords, extract_keywords_multi
    from audit.safeio import MAX_DOCUMENT_BYTES, read_input
    from audit.text import TEXT_MAX

    if file is not None:
        if not file.is_file():
            raise InputError(f"{file}: no such file; check the path")
        raw = read_input(file, max_bytes=MAX_DOCUMENT_BYTES, what="text file")
        text = raw.decode("utf-8-sig", errors="replace")
    if url is not None:
        texts = _page_texts(url)
        if lang:
            return extract_keywords("\n".join(texts), lang=lang, top=top)
        return extract_keywords_multi(texts, top=top)
    if text is not None and len(text) > TEXT_MAX:
        typer.echo(
            f"findable: warning: the text is {len(text):,} characters, longer than any platform "
            f"allows a bio or caption; keywords are read from the first {TEXT_MAX:,}",
            err=True,
        )
    # A text typed on the command line is read as a bio: what the business is leads.
    return extract_keywords(text or "", lang=lang, top=top, bio=file is None)


def _page_texts(url: str) -> list[str]:
    """A page's title, description, headings and paragraphs, captured like a website."""
    from audit.capture import CaptureOptions, capture
    from audit.platforms.generic import soup_of
    from audit.site import read_site
    from audit.snapshot import read_snapshot

    site = SiteRef(url=website_url(url))
    with tempfile.TemporaryDirectory(prefix="findable-page-") as tmp:
        (manifest,) = capture([(site, CapturePlan(steps=[Step("goto", site.url)]))], Path(tmp),
                              CaptureOptions(retries=1))  # fmt: skip
        if manifest.outcome is not Outcome.OK:
            raise InputError(f"could not read {url}: {manifest.outcome.value} ({manifest.reason})")
        docs = read_snapshot(Path(tmp)).profiles[0].documents()
    info = read_site(docs)
    texts = [t for t in (info.title, info.description, *info.headings) if t] if info else []
    for doc in docs:
        if doc.kind == "html":
            soup = soup_of(doc.text)
            texts.extend(p.get_text(" ", strip=True) for p in soup.find_all(["p", "li"]))
    return [t for t in texts if t]


# --- init ------------------------------------------------------------------------------------

_PROMPTS = {
    "name": "Business name",
    "keywords": "Keywords people search for (comma separated)",
    "location": "City / area",
    "website": "Website",
    "profiles": "Profiles (URLs or platform:@handle, comma separated)",
    "competitors": "Competitors' profiles (optional, comma separated)",
}


def init_brand(path: Path, *, values: dict[str, Any], force: bool, interactive: bool) -> Brand:
    """Write a brand file from `values` (flags), prompting for the missing ones when asked.

    Every answer is checked as soon as it is given (a bad one is asked again, the others
    kept), by the same rules `audit --brand` applies when it reads the file back."""
    from audit.brandfile import render_brand, validate_brand
    from audit.snapshot import atomic_write_text

    if path.exists() and not force:
        raise InputError(f"{path} exists; pass --force to overwrite it or choose another path")
    vals = dict(values)
    for key, text in vals.items():  # flags: checked before any question is asked
        if key in _PROMPTS and text is not None:
            validate_brand(_brand_of(key, text))
    if interactive:
        for key, prompt in _PROMPTS.items():
            if vals.get(key) is None:
                vals[key] = _ask(key, prompt)
        if vals.get("local") is None:
            vals["local"] = typer.confirm("Do customers visit you in person?", default=False)
    brand = _brand_of(None, "", vals)
    if not brand.profiles:
        raise InputError(
            "no profiles given: a brand file without profiles audits nothing; pass "
            "--profiles 'instagram:@yourbrand,https://bsky.app/profile/you' (or answer the "
            "question without --no-input)"
        )
    validate_brand(brand)
    try:
        atomic_write_text(path, render_brand(brand))
    except OSError as exc:
        raise InputError(f"{path}: cannot write it ({exc.strerror}); choose another path") from None
    return brand


_LISTS = ("keywords", "profiles", "competitors")


def _brand_of(key: str | None, text: str, vals: dict[str, Any] | None = None) -> Brand:
    """A Brand from init's answers: all of `vals`, or only the one answer `key`."""
    answers = dict(vals) if vals is not None else {key: text}

    def field(name: str) -> Any:
        value = answers.get(name)
        if name in _LISTS:
            return [v.strip() for v in (value or "").split(",") if v.strip()]
        if name == "local":
            return bool(value)
        return value or None

    names = [n for n in Brand.model_fields if n in answers and (n in _PROMPTS or n == "local")]
    return Brand(**{n: field(n) for n in names})


def _ask(key: str, prompt: str) -> str:
    """Ask until the answer is valid (an empty answer skips an optional question)."""
    while True:
        answer: str = typer.prompt(prompt, default="", show_default=False)
        if key == "profiles" and not answer.strip():
            typer.echo("  at least one profile, e.g. instagram:@yourbakery", err=True)
            continue
        try:
            from audit.brandfile import validate_brand

            validate_brand(_brand_of(key, answer))
        except InputError as exc:
            typer.echo(f"  {exc}", err=True)
            continue
        return answer


# --- checks ----------------------------------------------------------------------------------


def checks_metadata() -> list[dict[str, Any]]:
    from checks import all_metas

    return [meta.model_dump(mode="json") for meta in all_metas()]


def explain_check(check_id: str) -> str:
    from checks import all_metas, get
    from checks.base import explain

    wanted = check_id.strip()
    by_slug = {m.slug: m.id for m in all_metas()}
    try:
        return explain(get(by_slug.get(wanted.lower(), wanted)))
    except KeyError:
        raise InputError(f"no check {check_id!r}; list them with 'findable checks'") from None


def print_checks() -> None:
    from audit.console import print_checks as show
    from checks import all_metas

    show(all_metas())
