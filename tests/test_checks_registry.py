"""The registry: every check documented, IDs and slugs well-formed and unique, docs render."""

from __future__ import annotations

import re

import pytest

import checks
from checks import BRAND_REGISTRY, REGISTRY, all_metas, explain
from checks.base import CheckMeta

CATALOG_SLUGS = {
    "PRO001": "profile-image-missing",
    "PRO002": "profile-image-low-resolution",
    "PRO003": "category-missing",
    "PRO004": "contact-missing",
    "PRO005": "display-name-generic",
    "BIO001": "bio-missing",
    "BIO002": "bio-too-short",
    "BIO003": "bio-over-limit",
    "BIO004": "bio-unclear",
    "BIO005": "bio-no-cta",
    "BIO006": "bio-first-line-weak",
    "KEY001": "keyword-not-in-name",
    "KEY002": "keyword-not-in-bio",
    "KEY003": "keyword-coverage-captions",
    "KEY004": "keyword-stuffing",
    "KEY005": "handle-searchable",
    "KEY006": "keywords-undefined",
    "KEY007": "keyword-discoverability",
    "ALT001": "alt-text-coverage",
    "ALT002": "alt-text-quality",
    "ALT003": "alt-text-auto-only",
    "ALT004": "visual-content-share",
    "GEO001": "location-not-public",
    "GEO002": "posts-not-geotagged",
    "GEO003": "location-inconsistent",
    "CAD001": "dormant-profile",
    "CAD002": "posting-frequency-low",
    "CAD003": "posting-irregular",
    "CAD004": "too-few-posts-observed",
    "LNK001": "website-link-missing",
    "LNK002": "website-link-not-https",  # checks.md: "website-link-not-https / malformed"
    "LNK003": "link-not-tracked",
    "LNK004": "link-aggregator-without-context",
    "CON001": "handle-inconsistent",
    "CON002": "name-inconsistent",
    "CON003": "website-inconsistent",
    "CON004": "avatar-inconsistent",
    "HSH001": "hashtag-count",
    "HSH002": "hashtags-generic-only",
    "HSH003": "caption-keyword-late",
    "REV001": "reviews-too-few",
    "REV002": "review-rating-low",
    "REV003": "review-replies-missing",
    "REV004": "reviews-stale",
    "RSP001": "comments-unanswered",
    "RSP002": "replies-slow",
    "SHP001": "way-to-buy-missing",
    "SHP002": "shop-surface-unused",
    "VID001": "short-video-share-low",
    "VID002": "short-video-profile-missing",
}


def test_ids_and_slugs_match_the_catalog() -> None:
    assert {m.id: m.slug for m in all_metas()} == CATALOG_SLUGS


def test_ids_and_slugs_are_unique_and_well_formed() -> None:
    metas = all_metas()
    ids = [m.id for m in metas]
    slugs = [m.slug for m in metas]
    assert len(ids) == len(set(ids))
    assert len(slugs) == len(set(slugs))
    assert all(re.fullmatch(r"[A-Z]{3}\d{3}", i) for i in ids)


@pytest.mark.parametrize("meta", all_metas(), ids=lambda m: m.id)
def test_every_check_is_documented(meta: CheckMeta) -> None:
    for field in ("title", "failure_title", "what", "why", "fix", "example", "better", "source"):
        assert getattr(meta, field).strip(), f"{meta.id} has no {field}"
    assert meta.title != meta.failure_title
    doc = explain(meta)
    for heading in ("What it checks", "Why it matters", "Example", "Better", "Source"):
        assert f"## {heading}" in doc
    assert doc.startswith(f"{meta.id} {meta.slug}:")


def test_registry_is_an_explicit_table_in_family_order() -> None:
    ids = [c.meta.id for c in REGISTRY]
    families = [i[:3] for i in ids]
    assert families[0] == "PRO" and "CON" not in families
    assert [c.meta.id for c in BRAND_REGISTRY] == [
        "KEY006",
        "CON001",
        "CON002",
        "CON003",
        "CON004",
        "VID002",
    ]
    # each family is contiguous and ordered by number
    for fam in set(families):
        block = [i for i in ids if i.startswith(fam)]
        assert block == sorted(block)


def test_get_finds_any_case_and_names_unknown_ids() -> None:
    assert checks.get("bio001").meta.slug == "bio-missing"
    with pytest.raises(KeyError, match="XYZ999"):
        checks.get("XYZ999")


def test_meta_refuses_bad_ids_and_slugs() -> None:
    good = checks.get("BIO001").meta.model_dump()
    with pytest.raises(ValueError, match="BIO001"):
        CheckMeta(**{**good, "id": "bio1"})
    with pytest.raises(ValueError, match="kebab"):
        CheckMeta(**{**good, "slug": "Bio Missing"})


def test_metadata_dumps_are_stable() -> None:
    dumped = checks.get("ALT004").meta.model_dump(mode="json")
    assert dumped["platforms"] == ["bluesky", "facebook", "linkedin", "mastodon", "threads", "x"]
    assert checks.get("BIO001").meta.model_dump(mode="json")["platforms"] is None
