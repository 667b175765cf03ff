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
from pathlib import Path
from typing import Any

from audit.errors import InputError

__all__ = ["Document", "load_file", "load_har", "parse_har", "strip_xssi"]

_JSON_TYPES = ("json", "javascript")
# Anti-hijacking prefixes some platforms put before JSON (Google `)]}'`, Facebook
# `for (;;);`): the body is JSON once they are stripped.
_XSSI_PREFIXES = (")]}'", "for (;;);", "while(1);", "while (1);")


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
            return json.loads(strip_xssi(self.text))
        except ValueError:
            return None

    @property
    def label(self) -> str:
        """A short human name for evidence: the URL, else the file path."""
        return self.url or self.path or "(inline)"


def _kind_of(mime: str, text: str) -> str | None:
    mime = mime.lower()
    if "html" in mime:
        return "html"
    if any(t in mime for t in _JSON_TYPES) or mime in ("", "text/plain"):
        stripped = strip_xssi(text).lstrip()
        if stripped[:1] in ("{", "["):
            try:
                json.loads(stripped)
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
        if not isinstance(entry, dict):
            continue
        response = entry.get("response") or {}
        content = response.get("content") or {}
        text = content.get("text")
        if not isinstance(text, str) or not text:
            continue
        if content.get("encoding") == "base64":
            try:
                text = base64.b64decode(text).decode("utf-8", errors="replace")
            except ValueError:
                continue
        kind = _kind_of(str(content.get("mimeType") or ""), text)
        if kind is None:
            continue
        docs.append(
            Document(
                text=text,
                kind=kind,
                url=(entry.get("request") or {}).get("url"),
                status=response.get("status"),
                path=path,
                origin="har",
            )
        )
    return docs


def _read_text(path: Path) -> str:
    if not path.exists():
        raise InputError(f"{path}: no such file; check the path")
    if path.is_dir():
        raise InputError(f"{path} is a directory; pass a file (or use --snapshot for a snapshot)")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read it ({exc.strerror}); check its permissions") from exc
    if path.suffix == ".gz":
        import gzip

        try:
            raw = gzip.decompress(raw)
        except OSError as exc:
            raise InputError(f"{path}: not a valid gzip file") from exc
    return raw.decode("utf-8-sig", errors="replace")


def load_har(path: Path) -> list[Document]:
    text = _read_text(path)
    if not text.strip():
        raise InputError(f"{path} is empty; export the HAR again from your browser's devtools")
    try:
        raw = json.loads(text)
    except ValueError as exc:
        raise InputError(f"{path} is not valid HAR/JSON ({exc}); export it again") from exc
    docs = parse_har(raw, path=str(path))
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
            data = json.loads(text)
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
