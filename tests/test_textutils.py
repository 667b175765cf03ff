"""Shared text and date helpers: hashtags in any script, mojibake, relative dates."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from audit.dates import from_timestamp, parse_date, parse_iso, resolve_relative
from audit.text import count_graphemes, extract_hashtags, fix_mojibake, normalize_space

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=timezone.utc)


def test_hashtags_in_many_scripts() -> None:
    text = "Svež kruh #pekarna #Ljubljana, نان تازه #نانوایی и #нан #ВеганПекарня #2024 a&#39;b"
    assert extract_hashtags(text) == ["pekarna", "Ljubljana", "نانوایی", "нан", "ВеганПекарня"]


def test_hashtags_dedupe_case_insensitively_and_skip_urls() -> None:
    text = "#Bakery #bakery see https://example.com/#anchor #BAKERY #sourdough"
    assert extract_hashtags(text) == ["Bakery", "sourdough"]


def test_mojibake_repaired_and_clean_text_untouched() -> None:
    assert fix_mojibake("PekarnÄ\x8d in kavarna CafÃ©") == "Pekarnč in kavarna Café"
    assert fix_mojibake("Café already fine") == "Café already fine"
    assert fix_mojibake("Žličniki") == "Žličniki"
    assert fix_mojibake(None) is None


def test_normalize_space_keeps_lines() -> None:
    assert normalize_space("  Sourdough\u00a0 bakery \n\n  Ljubljana  ") == (
        "Sourdough bakery\n\nLjubljana"
    )
    assert normalize_space("   ") is None


def test_graphemes_count_emoji_sequences_once() -> None:
    assert count_graphemes("kruh") == 4
    assert count_graphemes("👩‍🍳") == 1
    assert count_graphemes("👍🏽") == 1
    assert count_graphemes("é") == 1  # e + combining acute


@pytest.mark.parametrize(
    ("text", "delta"),
    [
        ("3 days ago", timedelta(days=3)),
        ("4d", timedelta(days=4)),
        ("1w", timedelta(weeks=1)),
        ("17h • Edited", timedelta(hours=17)),
        ("Streamed 1 month ago", timedelta(days=30)),
        ("an hour ago", timedelta(hours=1)),
        ("yesterday", timedelta(days=1)),
        ("2 years ago", timedelta(days=730)),
    ],
)
def test_relative_dates_resolve_against_capture_time(text: str, delta: timedelta) -> None:
    assert resolve_relative(text, NOW) == (NOW - delta, True)


def test_day_month_without_year_is_the_last_such_day() -> None:
    when, approx = resolve_relative("4 June at 17:33", NOW) or (None, None)
    assert when == datetime(2026, 6, 4, 17, 33, tzinfo=timezone.utc) and approx
    march = datetime(2026, 3, 1, tzinfo=timezone.utc)
    assert resolve_relative("4 June", march)[0].year == 2025  # type: ignore[index]


def test_unknown_text_is_not_a_date() -> None:
    assert resolve_relative("sourdough", NOW) is None
    assert parse_date("nonsense", NOW) is None


def test_absolute_formats() -> None:
    assert parse_iso("2025-05-19T17:41:25.123456789Z") == datetime(
        2025, 5, 19, 17, 41, 25, 123456, tzinfo=timezone.utc
    )
    assert parse_iso("Wed Oct 10 20:19:24 +0000 2018") == datetime(
        2018, 10, 10, 20, 19, 24, tzinfo=timezone.utc
    )
    assert parse_iso("2021-08-05T09:00:00+0000") == datetime(2021, 8, 5, 9, tzinfo=timezone.utc)
    assert from_timestamp(1738678550000) == from_timestamp(1738678550)
    assert from_timestamp("x") is None and from_timestamp(0) is None
    assert parse_date(1738678550) == (datetime(2025, 2, 4, 14, 15, 50, tzinfo=timezone.utc), False)
