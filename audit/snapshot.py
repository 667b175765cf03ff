"""The on-disk Snapshot: what capture saw, in a folder that audits can replay offline.

```
DIR/snapshot.json               index: envelope, created_at, context, profile keys
DIR/<ref.key>/manifest.json     envelope + what happened (outcome, URLs, versions, notes)
DIR/<ref.key>/capture.har       the HAR (HTML/JSON bodies only, no credentials)
DIR/<ref.key>/page.html         the final DOM
DIR/<ref.key>/screenshot.png    the viewport
DIR/<asset.key>/image.bin       an asset's bytes (a profile's avatar), listed under `assets`
```

Assets (`AssetRef`) are files checks need besides the documents: today each brand profile's
avatar image, which CON004 hashes. The HAR never keeps image bodies, so an asset's bytes are
stored on their own, with their content type in the manifest.

Every JSON file carries a versioned envelope (instaloader's idea) so a snapshot written by
a newer findable is refused with a clear message instead of being misread.

Safety of re-runs: each profile folder is built complete in a hidden sibling folder and then
swapped in by rename, and `snapshot.json` is replaced atomically last, so a run that dies
half-way leaves every profile folder either the old capture or the new one, never a mix of
files, and the earlier index stays readable. (A whole-folder swap would need every writer,
including the CLI adding `--har` inputs, to share one transaction; per-profile swaps don't.)
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from audit import __version__
from audit.documents import Document, parse_har, parse_json
from audit.errors import InputError
from audit.model import Brand, CaptureInfo, CaptureTarget, Outcome
from audit.redact import redact_body, redact_har, redact_text, redact_url
from audit.safeio import (
    MAX_DOCUMENT_BYTES,
    MAX_HAR_BYTES,
    MAX_SMALL_BYTES,
    child_folder,
    confined,
    read_input,
)

__all__ = [
    "FORMAT",
    "Envelope",
    "Manifest",
    "ProfileCapture",
    "Snapshot",
    "atomic_write_bytes",
    "atomic_write_text",
    "is_snapshot",
    "read_snapshot",
    "sanitize_har",
    "write_index",
    "write_profile",
]

FORMAT = 1
INDEX = "snapshot.json"
MANIFEST = "manifest.json"
FILE_NAMES = {
    "har": "capture.har",
    "dom": "page.html",
    "screenshot": "screenshot.png",
    "asset": "image.bin",
}
_EXAMPLE_DIR = "findable-report/snapshot"
_FILE_MODE = 0o644
_DIR_MODE = 0o755


# --- atomic writes ---------------------------------------------------------------------


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write `data` so readers see the old file or the new one, never a torn one: a temp
    file in the same folder (same filesystem, so the rename is atomic), then os.replace."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes the file private (0600); keep the mode a plain write would give.
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else _FILE_MODE)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


# --- models ----------------------------------------------------------------------------


class Envelope(BaseModel):
    """Who wrote a file and in which layout, checked before anything else is read."""

    model_config = ConfigDict(extra="allow")

    version: str = __version__
    kind: str
    format: int = FORMAT


class Manifest(BaseModel):
    """What happened when one profile was captured (or imported from a file)."""

    model_config = ConfigDict(extra="ignore")

    findable: Envelope = Field(default_factory=lambda: Envelope(kind="profile-capture"))
    ref: CaptureTarget
    url: str | None = None
    final_url: str | None = None
    http_status: int | None = None
    outcome: Outcome = Outcome.OK
    reason: str | None = None
    captured_at: datetime
    input_kind: Literal["live", "har", "html", "json", "export"] = "live"
    tool_version: str = __version__
    browser_version: str | None = None
    notes: list[str] = Field(default_factory=list)
    files: dict[str, str] = Field(default_factory=dict)
    content_type: str | None = Field(
        default=None, description="The stored asset's media type (assets only), e.g. image/png."
    )

    @field_validator("url", "final_url", "reason")
    @classmethod
    def _no_credentials(cls, v: str | None) -> str | None:
        """Stored and read back without credentials (a manifest from someone else too)."""
        return None if v is None else redact_url(redact_text(v))

    @field_validator("notes")
    @classmethod
    def _no_credentials_in_notes(cls, v: list[str]) -> list[str]:
        return [redact_text(n) for n in v]

    def capture_info(self) -> CaptureInfo:
        """The manifest as the Profile's `capture` block (notes become warnings)."""
        return CaptureInfo(
            outcome=self.outcome,
            reason=self.reason,
            url=self.url,
            final_url=self.final_url,
            http_status=self.http_status,
            captured_at=self.captured_at,
            input_kind=self.input_kind,
            tool_version=self.tool_version,
            browser_version=self.browser_version,
            warnings=list(self.notes),
        )


class _Context(BaseModel):
    """What an audit stored beside its captures (runner.py writes it). Checked on read like
    any input: a snapshot may be damaged or crafted, and a wrong-typed value must be a clear
    'damaged' message, not a crash where it is used. Unknown keys are kept (newer writers)."""

    model_config = ConfigDict(extra="allow")

    brand: Brand | None = None
    competitors: list[str] = Field(default_factory=list)
    site: str | None = None
    avatars: dict[str, str] = Field(default_factory=dict)


class _Index(BaseModel):
    model_config = ConfigDict(extra="ignore")

    findable: Envelope
    created_at: datetime
    context: dict[str, Any] = Field(default_factory=dict)
    profiles: list[str] = Field(default_factory=list)
    assets: list[str] = Field(default_factory=list)


@dataclass(frozen=True)
class ProfileCapture:
    """One profile folder of a snapshot."""

    path: Path
    manifest: Manifest

    def file(self, role: str) -> Path | None:
        """The saved file for `role` (har | dom | screenshot | asset), when it was saved.

        The manifest is input like any other: the name it gives must stay inside this
        profile's folder (checked when the manifest was read, and again here once symlinks
        are resolved)."""
        name = self.manifest.files.get(role)
        if not name:
            return None
        candidate = confined(self.path, name, what=f"manifest's {role} file")
        return candidate if candidate.exists() else None

    def read(self, role: str, *, max_bytes: int) -> bytes | None:
        """The bytes of the saved file for `role`: a regular file inside the folder, at most
        `max_bytes` (InputError otherwise), or None when it was not saved."""
        path = self.file(role)
        if path is None:
            return None
        return read_input(path, max_bytes=max_bytes, what=f"snapshot {role} file")

    def documents(self) -> list[Document]:
        """What extractors read: the HAR's HTML/JSON bodies; when the HAR has none (or there
        is no HAR), the saved DOM as one HTML document at the final URL."""
        har_path = self.file("har")
        if har_path is not None:
            raw = self.read("har", max_bytes=MAX_HAR_BYTES) or b""
            docs = parse_har(_parse_json(raw, har_path, what="HAR"), path=str(har_path))
            if docs:
                return docs
        dom_path = self.file("dom")
        if dom_path is not None:
            dom = self.read("dom", max_bytes=MAX_DOCUMENT_BYTES) or b""
            text = dom.decode("utf-8", errors="replace")
            if text.strip():
                return [
                    Document(
                        text=text,
                        kind="html",
                        url=self.manifest.final_url or self.manifest.url,
                        status=self.manifest.http_status,
                        path=str(dom_path),
                        origin="file",
                    )
                ]
        return []


@dataclass(frozen=True)
class Snapshot:
    path: Path
    created_at: datetime
    tool_version: str
    context: dict[str, Any] = field(default_factory=dict)
    profiles: list[ProfileCapture] = field(default_factory=list)
    assets: list[ProfileCapture] = field(default_factory=list)


# --- HAR hygiene -----------------------------------------------------------------------

_KEEP_MIME = re.compile(r"html|json", re.I)
_MAYBE_JSON_MIME = re.compile(r"^(text/plain|text/javascript|application/(x-)?javascript)?$", re.I)


def _is_jsonish(text: str) -> bool:
    if text.lstrip()[:1] not in ("{", "["):
        return False
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def _keep_body(content: Mapping[str, Any]) -> bool:
    text = content.get("text")
    if not isinstance(text, str) or not text:
        return False
    mime = str(content.get("mimeType") or "").split(";")[0].strip()
    if _KEEP_MIME.search(mime):
        return True
    if _MAYBE_JSON_MIME.match(mime) and content.get("encoding") != "base64":
        return _is_jsonish(text)
    return False


def sanitize_har(har: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of `har` fit to store: bodies only for HTML and JSON (what extractors read;
    images and scripts are megabytes of nothing useful), and no credentials (audit.redact:
    cookies, credential headers, request bodies, secret query values, userinfo, and the
    tokens a logged-in page embeds), so an owner's logged-in session never ends up on disk
    or in a report."""
    clean: dict[str, Any] = _copy_tree(dict(har))
    redact_har(clean)
    log = clean.get("log")
    entries = log.get("entries") if isinstance(log, dict) else None
    for entry in entries if isinstance(entries, list) else []:
        response = entry.get("response") if isinstance(entry, dict) else None
        content = response.get("content") if isinstance(response, dict) else None
        if not isinstance(content, dict) or "text" not in content:
            continue
        if not _keep_body(content):
            content.pop("text", None)
            content.pop("encoding", None)
            content["comment"] = "body not kept by findable"
        elif content.get("encoding") != "base64":
            content["text"] = redact_body(content["text"])
    return clean


def _copy_tree(value: Any) -> Any:
    """A copy of the containers of JSON-like data that shares its strings (a HAR's bodies
    run to megabytes; the sanitizer edits containers, never strings in place)."""
    if isinstance(value, dict):
        return {k: _copy_tree(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy_tree(v) for v in value]
    return value


# --- writing ---------------------------------------------------------------------------


def write_profile(
    directory: Path,
    manifest: Manifest,
    *,
    har: Mapping[str, Any] | None = None,
    dom: str | None = None,
    screenshot: bytes | None = None,
    asset: bytes | None = None,
) -> Path:
    """Write one profile folder `directory/<ref.key>` and return it.

    The folder is built whole next to its final place and swapped in, so a crash mid-write
    never leaves a manifest describing files that are not there, nor destroys the previous
    capture before the new one is complete. The HAR is always sanitized here, whoever calls
    (capture, or the CLI importing a user's own HAR).
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    key = manifest.ref.key
    final = directory / key
    staging = Path(tempfile.mkdtemp(prefix=f".{key}.new-", dir=directory))
    try:
        os.chmod(staging, _DIR_MODE)  # mkdtemp's folder is private (0700)
        files: dict[str, str] = {}
        if har is not None:
            files["har"] = FILE_NAMES["har"]
            _write(staging / files["har"], json.dumps(sanitize_har(har), ensure_ascii=False))
        if dom is not None:
            files["dom"] = FILE_NAMES["dom"]
            _write(staging / files["dom"], redact_body(dom))
        if screenshot is not None:
            files["screenshot"] = FILE_NAMES["screenshot"]
            _write(staging / files["screenshot"], screenshot)
        if asset is not None:
            files["asset"] = FILE_NAMES["asset"]
            _write(staging / files["asset"], asset)
        stored = manifest.model_copy(update={"files": files})
        _write(staging / MANIFEST, stored.model_dump_json(indent=2))
        _swap_in(staging, final)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return final


def write_index(
    directory: Path,
    profile_keys: Iterable[str],
    context: Mapping[str, Any] | None = None,
    *,
    asset_keys: Iterable[str] = (),
) -> Path:
    """Write `snapshot.json` last: its presence is what makes the folder a snapshot."""
    directory = Path(directory)
    index: dict[str, Any] = {
        "findable": Envelope(kind="snapshot").model_dump(),
        "created_at": datetime.now(timezone.utc).isoformat(),
        "context": dict(context or {}),
        "profiles": list(dict.fromkeys(profile_keys)),
    }
    assets = list(dict.fromkeys(asset_keys))
    if assets:
        index["assets"] = assets
    path = directory / INDEX
    atomic_write_text(path, json.dumps(index, indent=2, ensure_ascii=False, default=str))
    return path


def _write(path: Path, data: str | bytes) -> None:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    with open(path, "wb") as fh:
        fh.write(raw)
        fh.flush()
        os.fsync(fh.fileno())


def _swap_in(staging: Path, final: Path) -> None:
    """Replace `final` by `staging`. A directory cannot be os.replace'd over a non-empty one,
    so the old folder steps aside first and is deleted only once the new one is in place."""
    if not final.exists():
        os.replace(staging, final)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{final.name}.old-", dir=final.parent))
    os.replace(final, retired / final.name)
    try:
        os.replace(staging, final)
    except BaseException:
        os.replace(retired / final.name, final)
        raise
    finally:
        shutil.rmtree(retired, ignore_errors=True)


# --- reading ---------------------------------------------------------------------------


def is_snapshot(directory: Path) -> bool:
    return (Path(directory) / INDEX).is_file()


def read_snapshot(directory: Path) -> Snapshot:
    """Load a snapshot folder written by `write_index`/`write_profile` (any findable that
    writes format <= FORMAT)."""
    directory = Path(directory)
    if not directory.is_dir():
        raise InputError(
            f"{directory} is not a folder; pass the folder findable wrote, e.g. {_EXAMPLE_DIR}"
        )
    index_path = directory / INDEX
    if not index_path.is_file():
        raise InputError(
            f"{directory} has no {INDEX}; pass the folder findable wrote, e.g. {_EXAMPLE_DIR}"
        )
    raw = _read_json(confined(directory, INDEX, what="index"), what="snapshot index")
    _check_envelope(raw, index_path, kind="snapshot")
    try:
        index = _Index.model_validate(raw)
    except ValidationError as exc:
        raise InputError(f"{index_path} is damaged ({_first_error(exc)}); capture again") from exc
    try:
        _Context.model_validate(index.context)
    except ValidationError as exc:
        raise InputError(
            f"{index_path} is damaged (context.{_first_error(exc)}); capture again"
        ) from exc
    profiles = [_read_profile(directory, key, what="profile") for key in index.profiles]
    assets = [_read_profile(directory, key, what="asset") for key in index.assets]
    return Snapshot(
        path=directory,
        created_at=index.created_at,
        tool_version=index.findable.version,
        context=index.context,
        profiles=profiles,
        assets=assets,
    )


def _read_profile(directory: Path, key: str, *, what: str) -> ProfileCapture:
    child_folder(directory, key, what=what)  # one name, inside the snapshot: or InputError
    folder = directory / key
    path = folder / MANIFEST
    if not path.is_file():
        raise InputError(
            f"{path} is missing: the snapshot lists {folder.name} but has no capture for it; "
            "capture again"
        )
    raw = _read_json(confined(folder, MANIFEST, what="manifest"), what="manifest")
    _check_envelope(raw, path, kind="profile-capture")
    try:
        manifest = Manifest.model_validate(raw)
    except ValidationError as exc:
        raise InputError(f"{path} is damaged ({_first_error(exc)}); capture again") from exc
    for role, name in manifest.files.items():
        if not name or name != Path(name).name or name in (".", ".."):
            raise InputError(
                f"{path} names {name!r} as its {role} file, a path outside the profile folder; "
                "the snapshot is damaged or crafted, refusing to read it"
            )
    return ProfileCapture(path=folder, manifest=manifest)


def _read_json(path: Path, *, what: str) -> Any:
    return _parse_json(read_input(path, max_bytes=MAX_SMALL_BYTES, what=what), path, what=what)


def _parse_json(raw: bytes, path: Path, *, what: str) -> Any:
    text = raw.decode("utf-8-sig", errors="replace")
    if not text.strip():
        raise InputError(f"{path}: the {what} is empty; capture again")
    try:
        return parse_json(text)
    except ValueError as exc:
        raise InputError(f"{path}: the {what} is not valid JSON ({exc}); capture again") from exc


def _check_envelope(raw: Any, path: Path, *, kind: str) -> None:
    env = raw.get("findable") if isinstance(raw, dict) else None
    if not isinstance(env, dict) or env.get("kind") != kind:
        raise InputError(f"{path} is not a findable {kind} file; capture again")
    fmt = env.get("format")
    if not isinstance(fmt, int) or isinstance(fmt, bool):
        raise InputError(f"{path} has no valid format number; capture again")
    if fmt > FORMAT:
        raise InputError(
            f"{path} was written by findable {env.get('version', '?')} (format {fmt}); "
            f"this findable {__version__} reads format {FORMAT} or older: upgrade findable"
        )


def _first_error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    where = ".".join(str(p) for p in err.get("loc", ())) or "top level"
    return f"{where}: {err.get('msg', 'invalid')}"
