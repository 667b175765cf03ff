"""Documents: the raw bodies an extractor reads (a page's HTML, an API's JSON).

Every input kind (a live capture's HAR, a HAR exported from a browser, a saved page, an API
response saved to a file) becomes a list of `Document`s, so each platform's extractor has one
input shape whatever the source.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path, PurePath
from typing import Any

from audit.errors import InputError
from audit.redact import redact_url
from audit.safeio import MAX_DOCUMENT_BYTES, MAX_HAR_BYTES, read_input, size_mb

__all__ = [
    "Document",
    "load_file",
    "load_har",
    "parse_har",
    "parse_json",
    "read_har",
    "strip_xssi",
]

_JSON_TYPES = ("json", "javascript")
# Anti-hijacking prefixes some platforms put before JSON (Google `)]}'`, Facebook
# `for (;;);`): the body is JSON once they are stripped.
_XSSI_PREFIXES = (")]}'", "for (;;);", "while(1);", "while (1);")


def parse_json(text: str | bytes) -> Any:
    """`json.loads` for untrusted text: JSON nested deeper than Python's recursion limit is a
    ValueError like any other malformed JSON (json raises RecursionError, which callers that
    catch ValueError would let through as a crash)."""
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError("JSON nested too deeply to read") from None


def strip_xssi(text: str) -> str:
    stripped = text.lstrip()
    for prefix in _XSSI_PREFIXES:
        if stripped.startswith(prefix):
            return stripped[len(prefix) :].lstrip(",\n\r ")
    return text


@dataclass(frozen=True)
class Document:
    """One body as served. `kind` is html | json | text."""

    text: str
    kind: str
    url: str | None = None
    status: int | None = None
    path: str | None = None
    origin: str = field(default="file", compare=False)  # har | file | export

    @cached_property
    def data(self) -> Any:
        """The parsed JSON body, or None when the body is not JSON."""
        if self.kind != "json":
            return None
        try:
            return parse_json(strip_xssi(self.text))
        except ValueError:
            return None

    @property
    def label(self) -> str:
        """A short human name for evidence: the URL, else the file's folder and name (never
        the machine's absolute path: evidence travels in reports)."""
        return self.url or shown_path(self.path) or "(inline)"


def shown_path(path: str | None) -> str | None:
    """A file as reports name it: its folder and name ('instagram-x/capture.har'), never the
    machine's absolute path (a report travels; where the consultant keeps files does not)."""
    if not path:
        return path
    parts = PurePath(path).parts
    return "/".join(parts[-2:]) if len(parts) > 1 else path


def _kind_of(mime: str, text: str) -> str | None:
    mime = mime.lower()
    if "html" in mime:
        return "html"
    if any(t in mime for t in _JSON_TYPES) or mime in ("", "text/plain"):
        stripped = strip_xssi(text).lstrip()
        if stripped[:1] in ("{", "["):
            try:
                parse_json(stripped)
            except ValueError:
                return None if mime != "text/plain" else "text"
            return "json"
        return None if mime != "text/plain" else "text"
    return None


def parse_har(raw: Any, *, path: str | None = None) -> list[Document]:
    """The documents (HTML and JSON bodies) in a parsed HAR."""
    if not isinstance(raw, dict) or not isinstance(raw.get("log"), dict):
        raise InputError(f"{path or 'HAR'} is not a HAR file: no 'log' object")
    entries = raw["log"].get("entries")
    if not isinstance(entries, list):
        raise InputError(f"{path or 'HAR'} is not a HAR file: 'log.entries' is missing")
    docs: list[Document] = []
    for entry in entries:
        doc = _entry_document(entry, path)
        if doc is not None:
            docs.append(doc)
    return docs


def _field(obj: Any, key: str) -> Any:
    return obj.get(key) if isinstance(obj, dict) else None


def _entry_document(entry: Any, path: str | None) -> Document | None:
    """The document one HAR entry holds, or None. Every value is checked: a HAR is input,
    and a hand-edited or damaged one may hold anything where a URL or a status should be."""
    response = _field(entry, "response")
    content = _field(response, "content")
    text = _field(content, "text")
    if not isinstance(text, str) or not text:
        return None
    mime = _field(content, "mimeType")
    mime = mime.lower() if isinstance(mime, str) else ""
    if not ("html" in mime or any(t in mime for t in _JSON_TYPES) or mime in ("", "text/plain")):
        return None  # an image or a script: never decoded (a HAR's bodies run to megabytes)
    if _field(content, "encoding") == "base64":
        try:
            text = base64.b64decode(text).decode("utf-8", errors="replace")
        except ValueError:
            return None
    kind = _kind_of(mime, text)
    if kind is None:
        return None
    url = _field(_field(entry, "request"), "url")
    status = _field(response, "status")
    return Document(
        text=text,
        kind=kind,
        url=redact_url(url) if isinstance(url, str) else None,
        status=status if isinstance(status, int) and not isinstance(status, bool) else None,
        path=path,
        origin="har",
    )


_HAR_HINT = (
    "record only the profile's own requests (devtools Network filter 'Doc' and 'Fetch/XHR') "
    "or audit the profile URL directly"
)


def _read_text(
    path: Path, *, max_bytes: int = MAX_DOCUMENT_BYTES, what: str = "file", hint: str = ""
) -> str:
    """A regular file of at most `max_bytes` (a gzip file: at most that much once unpacked),
    decoded as UTF-8; anything else (a pipe, a device, a folder, too big) is an InputError."""
    raw = read_input(path, max_bytes=max_bytes, what=what, hint=hint)
    if path.suffix == ".gz":
        import gzip
        import io
        import zlib

        try:
            with gzip.GzipFile(fileobj=io.BytesIO(raw)) as unpacked:
                raw = unpacked.read(max_bytes + 1)
        except (OSError, EOFError, zlib.error) as exc:
            raise InputError(f"{path}: not a valid gzip file") from exc
        if len(raw) > max_bytes:
            raise InputError(
                f"{path} unpacks to more than the {size_mb(max_bytes)} findable reads for a {what}"
            )
    return raw.decode("utf-8-sig", errors="replace")


def read_har(path: Path) -> Any:
    """The parsed JSON of a HAR file (size-capped: `MAX_HAR_BYTES`)."""
    text = _read_text(path, max_bytes=MAX_HAR_BYTES, what="HAR", hint=_HAR_HINT)
    if not text.strip():
        raise InputError(f"{path} is empty; export the HAR again from your browser's devtools")
    try:
        return parse_json(text)
    except ValueError as exc:
        raise InputError(f"{path} is not valid HAR/JSON ({exc}); export it again") from exc


def load_har(path: Path, raw: Any = None) -> list[Document]:
    """The documents of the HAR at `path` (`raw`: its JSON when the caller already read it)."""
    docs = parse_har(read_har(path) if raw is None else raw, path=str(path))
    if not docs:
        raise InputError(
            f"{path} holds no HTML or JSON responses with content; "
            "export it with 'Save all as HAR with content'"
        )
    return docs


def load_file(path: Path) -> list[Document]:
    """A saved page, an API JSON body or a HAR, by content (not by file name alone)."""
    text = _read_text(path)
    if not text.strip():
        raise InputError(f"{path} is empty; nothing to read")
    stripped = text.lstrip()
    if stripped[:1] in ("{", "["):
        try:
            data = parse_json(text)
        except ValueError:
            data = None
        if isinstance(data, dict) and isinstance(data.get("log"), dict):
            return parse_har(data, path=str(path))
        if data is not None:
            return [Document(text=text, kind="json", path=str(path))]
    lowered = stripped[:2000].lower()
    if "<html" in lowered or "<!doctype" in lowered or "<meta" in lowered or "<head" in lowered:
        return [Document(text=text, kind="html", path=str(path))]
    return [Document(text=text, kind="text", path=str(path))]
