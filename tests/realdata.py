"""Access to ../shared/realdata for the tests that run over real captures.

The folder sits beside the project checkout on developer machines and in CI; a user's clone
does not have it, so every test that reads it skips cleanly when it is absent. This module
also unwraps the test-recording formats some captures come in (VCR/vcr cassettes in YAML or
JSON, gzip, a Python-literal dump): the product itself never needs that.
"""

from __future__ import annotations

import ast
import base64
import gzip
import json
import os
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
REALDATA = Path(os.environ.get("FINDABLE_REALDATA", ROOT.parent / "shared" / "realdata"))


def realdata(*parts: str) -> Path:
    """The path of a real capture; skips the calling test when it is not there."""
    path = REALDATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"real capture not available: {path}")
    return path


def _body_text(body: Any) -> str | None:
    if isinstance(body, dict):
        if "string" in body:
            raw = body["string"]
        elif "base64_string" in body:
            raw = base64.b64decode(body["base64_string"])
        else:
            return None
    else:
        raw = body
    if isinstance(raw, bytes):
        if raw[:2] == b"\x1f\x8b":
            raw = gzip.decompress(raw)
        return raw.decode("utf-8", errors="replace")
    return raw if isinstance(raw, str) else None


def cassette(path: Path) -> list[tuple[str, str]]:
    """(request URL, response body text) for each interaction of a VCR cassette (YAML/JSON)."""
    text = path.read_text(encoding="utf-8")
    if path.suffix in (".yml", ".yaml"):
        import yaml

        data = yaml.safe_load(text)
    else:
        data = json.loads(text)
    interactions = data.get("http_interactions") or data.get("interactions") or []
    out = []
    for it in interactions:
        url = (it.get("request") or {}).get("uri") or ""
        body = _body_text((it.get("response") or {}).get("body"))
        if body is not None:
            out.append((url, body))
    return out


def python_literal_json(path: Path) -> str:
    """A JSON text from a file holding a Python dict literal (None/True/False)."""
    return json.dumps(ast.literal_eval(path.read_text(encoding="utf-8")))


def gunzip_text(path: Path) -> str:
    return gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
