"""Hostile text: a megabyte-long word (or bio) costs linear time everywhere.

No timed assertions: the inputs are large enough that a quadratic pattern or loop would run
for hours (the old email pattern took 575 s on 100 KB; 1 MB is 100x that) and trip the
pytest-timeout hang guard, while linear code finishes in seconds. bench/regex_timing.py prints
the timings of every pattern at two sizes.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from audit.nlp import extract_keywords, extract_keywords_multi
from audit.nlp.clean import clean_text
from audit.patterns import EMAIL, URL_IN_TEXT, URL_LIKE
from audit.redact import redact_text
from audit.text import TEXT_MAX
from checks.common import urls_in

FIXTURES = Path(__file__).parent / "fixtures" / "bluesky"
ROOT = Path(__file__).resolve().parent.parent
MB = 1024 * 1024
# One word of each kind that made a pattern restart at every character.
WORDS = {
    "letters": "a" * MB,
    "local-part": "a." * (MB // 2),
    "hyphens": "a-" * (MB // 2),
    "digits": "1" * MB,
    "at-signs": "a@" * (MB // 2),
    "domain": "x@" + "b." * (MB // 2),
    "spaces": "x" + " " * MB + "y",
}


def _bench_regex() -> object:
    spec = importlib.util.spec_from_file_location("bench_regex", ROOT / "bench" / "regex_timing.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


def test_shared_patterns_still_find_what_they_should() -> None:
    bio = "Pišite na info@modra-vrata.si ali obiščite modravrata.si/menu in www.x.com"
    assert [m.group(0) for m in EMAIL.finditer(bio)] == ["info@modra-vrata.si"]
    assert urls_in(bio) == ["modravrata.si/menu", "www.x.com"]
    assert EMAIL.fullmatch("a.b+c@mail.example.co.uk")
    assert not EMAIL.search("@handle.bsky.social")
    assert URL_LIKE.search("see bluedoor.com today")
    assert URL_IN_TEXT.search("https://bluedoor.si/x")


@pytest.mark.timeout(180)
@pytest.mark.parametrize("kind", sorted(WORDS))
def test_a_megabyte_word_costs_linear_time(kind: str) -> None:
    word = WORDS[kind]
    assert EMAIL.search(word) is None or kind in ("domain",)
    for pattern in (EMAIL, URL_IN_TEXT, URL_LIKE):
        for _ in pattern.finditer(word):
            pass
    assert len(urls_in(word)) >= 0
    assert redact_text("https://x.y/?token=" + word).startswith("https://x.y/?token=REDACTED")
    assert clean_text(word[:TEXT_MAX])  # the keyword engine's cleaner


@pytest.mark.timeout(300)
def test_every_pattern_in_the_project_is_linear() -> None:
    """Every module-level and inline pattern of audit/, checks/ and reports/ (found, not
    listed), run as the code runs it, on 200 KB of each killer input: a quadratic one would
    need ~10^10 steps."""
    bench = _bench_regex()
    uses = bench.all_uses()  # type: ignore[attr-defined]
    assert len(uses) > 150
    assert any(u.cap for u in uses) and any(u.anchored for u in uses)
    units = ["a", "1", " ", "\t", "a.", "a-", "a@", "(@", "a1", "1,", "#a", "\n \n", "a.b@"]
    for use in uses:
        for unit in units:
            use.run(unit * (200_000 // len(unit)))


@pytest.mark.timeout(300)
def test_keyword_extraction_is_linear_and_capped() -> None:
    """'a-a-a-...' once re-keyed the whole growing word at each hyphen (quadratic: 69 s for
    63 KB); a 1 MB text once hit spaCy's E088."""
    for word in (WORDS["hyphens"], "中文" * (MB // 2), WORDS["local-part"]):
        extract_keywords(word, lang="en")
        extract_keywords_multi([word, word])
    found = extract_keywords("Sourdough bakery in Ljubljana. " * 40000, lang="en")
    assert found and found[0].text.lower() in ("sourdough bakery", "sourdough", "ljubljana")


@pytest.mark.timeout(300)
def test_a_megabyte_bio_is_audited_with_a_warning(tmp_path: Path) -> None:
    profile = json.loads((FIXTURES / "getProfile_cajnica-zarja.json").read_text())
    profile["description"] = "Čajnica " + " ".join(WORDS[k] for k in ("hyphens", "local-part"))
    page = tmp_path / "getProfile.json"
    page.write_text(json.dumps(profile))
    env = dict(os.environ, FINDABLE_DB=str(tmp_path / "h.db"))
    proc = subprocess.run(
        [sys.executable, "-m", "audit", "audit", "--from", page, "--platform", "bluesky",
         "--captured-at", "2026-11-20T09:30Z", "--keywords", "čaj,tea", "--json"],
        capture_output=True, text=True, env=env, timeout=280, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    (prof,) = result["profiles"]
    warnings = prof["profile"]["capture"]["warnings"]
    assert any("the bio is" in w and f"first {TEXT_MAX:,}" in w for w in warnings), warnings
    assert len(prof["profile"]["bio"]) == TEXT_MAX
