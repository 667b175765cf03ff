"""Every check cites public sources: `findable checks --explain ID` is read by people who
have none of findable's internal documents, so each check's source names a public page,
study or platform document by URL, or says plainly that the threshold is findable's own
judgment and why; no check text points at an internal file."""

from __future__ import annotations

import re

import pytest

from checks import all_metas
from checks.base import CheckMeta

URL = re.compile(r"https?://[\w.-]+\.[a-z]{2,}/\S*")
OWN = "findable's own judgment: "
INTERNAL = re.compile(r"checks\.md|design\.md|style\.md|\b[\w/]+\.py\b|rules table|Platform rules")


@pytest.mark.parametrize("meta", all_metas(), ids=lambda m: m.id)
def test_each_check_names_a_public_source_or_its_own_judgment(meta: CheckMeta) -> None:
    has_url = bool(URL.search(meta.source))
    own = OWN in meta.source
    assert has_url or own, f"{meta.id}: {meta.source!r}"
    if own:  # and says why, not just that it is
        why = meta.source.split(OWN, 1)[1]
        assert len(why.split()) >= 6, f"{meta.id}: own judgment without a reason: {why!r}"


@pytest.mark.parametrize("meta", all_metas(), ids=lambda m: m.id)
def test_no_check_text_names_an_internal_document(meta: CheckMeta) -> None:
    for field in ("what", "why", "fix", "example", "better", "source"):
        text = getattr(meta, field)
        assert not INTERNAL.search(text), f"{meta.id}.{field}: {text!r}"


def test_the_explain_page_ends_with_the_sources() -> None:
    from audit.runner import explain_check

    page = explain_check("BIO003")
    source = page.split("## Source\n", 1)[1]
    assert "https://help.x.com/" in source and "checks.md" not in page


def test_the_rules_table_cites_no_internal_document() -> None:
    """Rule sources reach reports as evidence (CAD002's guide, HSH001's cap): they too name
    public pages, a third party, or findable's own choice, never an internal file."""
    from audit.platforms.rules import RULES

    for platform, rules in RULES.items():
        for field, source in rules.sources.items():
            assert not INTERNAL.search(source), (platform, field, source)
