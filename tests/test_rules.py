"""The platform rules table: complete, and every number carries its source."""

from __future__ import annotations

import pytest

from audit.model import Platform
from audit.platforms.rules import FIELD_WEIGHTS, RULES, PlatformRules, rules_for


def test_every_platform_has_rules() -> None:
    assert set(RULES) == set(Platform)
    for platform in Platform:
        assert rules_for(platform).platform is platform


@pytest.mark.parametrize("platform", list(Platform), ids=lambda p: p.value)
def test_every_number_has_a_source(platform: Platform) -> None:
    rules = rules_for(platform)
    for field in rules.sourced_fields():
        source = rules.source(field)
        assert source and len(source) > 10, f"{platform.value}.{field} has no source"


def test_a_number_without_a_source_is_refused() -> None:
    with pytest.raises(ValueError, match="no source for bio_max"):
        PlatformRules(platform=Platform.X, bio_max=160)


def test_a_source_for_an_unknown_field_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown fields"):
        PlatformRules(platform=Platform.X, sources={"bio_maximum": "X Help"})


def test_catalog_numbers() -> None:
    """The numbers the platform rules table gives."""
    expected_bio = {
        Platform.INSTAGRAM: 150,
        Platform.TIKTOK: 80,
        Platform.YOUTUBE: 1000,
        Platform.FACEBOOK: 255,
        Platform.PINTEREST: 500,
        Platform.X: 160,
        Platform.LINKEDIN: 2000,
        Platform.THREADS: 150,
        Platform.BLUESKY: 256,
        Platform.MASTODON: 500,
    }
    for platform, limit in expected_bio.items():
        assert rules_for(platform).bio_max == limit, platform
    assert rules_for(Platform.BLUESKY).bio_graphemes
    assert not rules_for(Platform.INSTAGRAM).bio_graphemes
    assert rules_for(Platform.INSTAGRAM).hashtag_cap == 5
    assert rules_for(Platform.THREADS).hashtag_cap == 1
    assert rules_for(Platform.MASTODON).alt_max == 1500
    assert rules_for(Platform.PINTEREST).alt_max == 500
    assert rules_for(Platform.MASTODON).links_max == 4
    assert rules_for(Platform.INSTAGRAM).posts_per_week_low == 3
    assert not rules_for(Platform.TIKTOK).custom_alt
    assert rules_for(Platform.INSTAGRAM).location_tags
    assert not rules_for(Platform.INSTAGRAM).bio_urls_clickable
    assert rules_for(Platform.MASTODON).bio_urls_clickable


def test_search_field_weights_follow_the_design_order() -> None:
    order = ["name", "handle", "bio", "captions", "alt", "location"]
    weights = [FIELD_WEIGHTS[f] for f in order]
    assert weights == sorted(weights, reverse=True) and len(set(weights)) == len(weights)
    assert FIELD_WEIGHTS["captions"] == FIELD_WEIGHTS["hashtags"]
    for rules in RULES.values():
        assert set(rules.search_fields) <= set(FIELD_WEIGHTS)
        assert "name" in rules.search_fields


def test_rules_are_frozen() -> None:
    with pytest.raises(ValueError):
        rules_for(Platform.X).bio_max = 200  # type: ignore[misc]
