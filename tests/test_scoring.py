"""Scoring: weighted means, na exclusion, weight redistribution, brand roll-up, bands."""

from __future__ import annotations

from typing import Any

import pytest

from audit.errors import InputError
from audit.result import Category, CategoryScore, CheckResult, Severity, Status, band
from audit.scoring import (
    CATEGORY_WEIGHTS,
    resolve_weights,
    score_brand,
    score_categories,
    score_profile,
)


def res(
    cid: str, category: Category, status: Status, score: float | None, weight: float = 1
) -> CheckResult:
    return CheckResult(
        id=cid,
        slug="x",
        title="t",
        category=category,
        severity=Severity.LOW,
        weight=weight,
        status=status,
        score=score,
        message="m",
    )


def cat(category: Category, score: float | None, weight: float | None = None) -> CategoryScore:
    w = CATEGORY_WEIGHTS[category] if weight is None else weight
    return CategoryScore(id=category, title=category.value, weight=w, score=score)


def test_catalog_category_weights() -> None:
    assert CATEGORY_WEIGHTS[Category.KEYWORDS] == 30
    assert CATEGORY_WEIGHTS[Category.BIO] == 20
    assert CATEGORY_WEIGHTS[Category.MEDIA] == 15
    assert CATEGORY_WEIGHTS[Category.LOCAL] == 10
    assert CATEGORY_WEIGHTS[Category.CADENCE] == 15
    assert CATEGORY_WEIGHTS[Category.PROFILE] == 10
    assert Category.CONSISTENCY not in CATEGORY_WEIGHTS


def test_category_is_the_weighted_mean_of_its_judged_checks() -> None:
    results = [
        res("BIO001", Category.BIO, Status.PASS, 1.0, weight=3),
        res("BIO002", Category.BIO, Status.WARN, 0.5, weight=1),
        res("BIO003", Category.BIO, Status.NA, None, weight=5),
        res("BIO004", Category.BIO, Status.ERROR, None, weight=5),
        res("BIO005", Category.BIO, Status.MANUAL, None, weight=5),
        res("BIO006", Category.BIO, Status.FAIL, 0.0, weight=1),
    ]
    [bio] = score_categories(results)
    # (3*1 + 1*0.5 + 1*0) / 5 = 0.7
    assert bio.score == 70.0
    assert (bio.judged, bio.passed) == (3, 1)
    assert bio.title == "Bio" and bio.weight == 20


def test_category_with_nothing_judged_has_no_score() -> None:
    results = [res("KEY001", Category.KEYWORDS, Status.MANUAL, None)]
    [kw] = score_categories(results)
    assert kw.score is None and kw.judged == 0


def test_zero_weight_checks_do_not_score() -> None:
    [cad] = score_categories([res("CAD004", Category.CADENCE, Status.WARN, 0.5, weight=0)])
    assert cad.score is None


def test_categories_follow_the_weight_table_order_and_skip_absent_ones() -> None:
    results = [
        res("PRO001", Category.PROFILE, Status.PASS, 1.0),
        res("KEY001", Category.KEYWORDS, Status.FAIL, 0.0),
    ]
    assert [c.id for c in score_categories(results)] == [Category.KEYWORDS, Category.PROFILE]


def test_profile_score_redistributes_unscored_categories() -> None:
    cats = [cat(Category.KEYWORDS, None), cat(Category.BIO, 100.0), cat(Category.MEDIA, 50.0)]
    # keywords (30) drops out: (20*100 + 15*50) / 35 = 78.57
    assert score_profile(cats) == 78.6


def test_profile_score_none_when_nothing_scored() -> None:
    assert score_profile([cat(Category.BIO, None)]) is None
    assert score_profile([]) is None


def test_scores_round_to_one_decimal() -> None:
    results = [
        res(f"BIO00{i}", Category.BIO, Status.PASS if i else Status.FAIL, float(i > 0))
        for i in range(3)
    ]
    [bio] = score_categories(results)
    assert bio.score == 66.7


def test_brand_score_is_the_mean_of_scored_profiles() -> None:
    assert score_brand([80.0, 61.0, None]) == 70.5
    assert score_brand([None]) is None
    assert score_brand([]) is None


def test_brand_weight_overrides_by_category_and_check() -> None:
    weights = resolve_weights({"keywords": 40, "ALT002": 0, "Bio": 5}, ["ALT002", "BIO001"])
    assert weights.categories[Category.KEYWORDS] == 40
    assert weights.categories[Category.BIO] == 5
    r = weights.apply(res("ALT002", Category.MEDIA, Status.WARN, 0.5, weight=1))
    assert r.weight == 0
    untouched = res("BIO001", Category.BIO, Status.PASS, 1.0, weight=3)
    assert weights.apply(untouched) is untouched


def test_override_changes_the_profile_score() -> None:
    results = [
        res("BIO001", Category.BIO, Status.PASS, 1.0),
        res("ALT001", Category.MEDIA, Status.FAIL, 0.0),
    ]
    default = score_profile(score_categories(results))
    heavier = resolve_weights({"media": 60}, [])
    skewed = score_profile(score_categories(results, heavier.categories))
    assert default == round(100 * 20 / 35, 1)
    assert skewed == 25.0


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"keywrds": 10}, "unknown weight key 'keywrds'"),
        ({"bio": -1}, "0 or more"),
        ({"bio": "heavy"}, "must be a number"),
    ],
)
def test_bad_overrides_are_input_errors(overrides: dict[str, Any], message: str) -> None:
    with pytest.raises(InputError, match=message):
        resolve_weights(overrides, ["BIO001"])


@pytest.mark.parametrize(
    ("score", "expected"),
    [
        (None, None),
        (0, "poor"),
        (49.9, "poor"),
        (50, "needs-work"),
        (89.9, "needs-work"),
        (90, "good"),
        (100, "good"),
    ],
)
def test_bands(score: float | None, expected: str | None) -> None:
    assert band(score) == expected
