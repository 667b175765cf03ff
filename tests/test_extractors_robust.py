"""No extractor crashes, whatever it is handed: every platform's extractor over every real
capture of every platform, whole and cut in half (a truncated download), and over junk.

A wrong-platform or broken input must come back as a Profile whose outcome and warnings say
what happened (the CLI then reports it), never as an exception.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from audit.documents import Document, load_file
from audit.errors import InputError
from audit.model import Outcome, Platform, Profile
from audit.platforms import REGISTRY
from audit.platforms.base import ExtractContext
from tests.realdata import REALDATA

CTX = ExtractContext(captured_at=datetime(2026, 11, 20, tzinfo=timezone.utc))
MAX_BYTES = 400_000  # the big pages add time, not new shapes: their heads are tested below
EXTRACTORS = [(p, s.extract) for p, s in REGISTRY.items() if s.extract is not None]


def _captures() -> list[Path]:
    if not REALDATA.is_dir():
        return []
    return sorted(
        p
        for p in REALDATA.rglob("*")
        if p.is_file() and p.suffix not in (".md",) and not p.name.startswith(".")
    )


def _docs(path: Path) -> list[Document]:
    try:
        return load_file(path)
    except InputError:
        return []


def _check(platform: Platform, profile: Profile) -> None:
    assert isinstance(profile, Profile)
    assert profile.platform is platform
    if profile.capture.outcome is not Outcome.OK:
        assert profile.capture.reason or profile.capture.warnings


def test_every_platform_extracts() -> None:
    assert {p for p, _ in EXTRACTORS} == set(Platform)


@pytest.mark.realdata
@pytest.mark.parametrize("path", _captures(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_extractor_survives_every_capture(path: Path) -> None:
    docs = _docs(path)
    if not docs:
        pytest.skip("not a document the product reads (a test-recording wrapper)")
    halves = [
        Document(text=d.text[: min(len(d.text), MAX_BYTES) // 2], kind=d.kind, url=d.url,
                 path=d.path)
        for d in docs
    ]  # fmt: skip
    whole = [d for d in docs if len(d.text) <= MAX_BYTES] or halves
    for platform, extract in EXTRACTORS:
        _check(platform, extract(whole, CTX))
        _check(platform, extract(halves, CTX))


@pytest.mark.parametrize("platform", [p for p, _ in EXTRACTORS], ids=lambda p: p.value)
@pytest.mark.parametrize(
    "text",
    ["", "   ", "{}", "[]", "null", '{"data": null}', "<html></html>", "\x00\x01garbage",
     '{"user": {"username": 12, "edges": "nope"}}', "<html><script>window._sharedData = {"],
)  # fmt: skip
def test_junk_input_is_an_outcome_not_a_crash(platform: Platform, text: str) -> None:
    kind = "json" if text.strip()[:1] in ("{", "[", "n") else "html"
    extract = REGISTRY[platform].extract
    assert extract is not None
    profile = extract([Document(text=text, kind=kind, url="https://example.com/x")], CTX)
    _check(platform, profile)
    assert profile.capture.outcome is not Outcome.OK or profile.capture.warnings
