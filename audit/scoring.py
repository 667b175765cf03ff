"""Scores: category = 100 x sum(w_i * s_i) / sum(w_i) over its judged checks (pass/warn/fail);
profile = sum(W_c * category_c) / sum(W_c) over categories with a score (the others' weight is
redistributed); brand = plain mean of the captured profiles' scores. na/error/manual weigh
nothing; a category or profile with nothing judged has no score (None, never 0). Every score is
rounded to 1 decimal, and the next level is computed from the rounded values the report shows.

Category weights are checks.md's (keywords 30, bio 20, media 15, local 10, cadence 15,
profile 10) plus two this project adds, each 5: `links` and `hashtags`. checks.md counts links
under "profile" (image, name, category, contact, links), so links get half of profile's weight
as a category of their own, shown separately in reports; hashtags are one part of caption
keyword placement, so they get a sixth of keywords' weight.

Issue 10 adds four categories that reach past the profile itself. `reviews` 10: review count
and rating are part of the "prominence" Google ranks local results by (Google Business Profile
Help, "How Google determines local ranking"), as much as a public location (local, 10).
`video` 10: short video is how Instagram, TikTok and YouTube put new accounts in front of
people who do not follow them yet (Instagram's "Instagram Ranking Explained", 2023), a
findability signal on par with cadence's. `replies` 5 and `shop` 5: answering people and a
one-tap way to buy turn a found profile into a customer, so they weigh like links (5), which
serve the same step. Each is scored only where the input shows it: a category with nothing
judged has no score and its weight goes to the others, so a profile whose input shows no
reviews, comments or shop is scored as before. Consistency checks are brand level
(`AuditResult.brand_checks`) and do not enter profile scores. Brand files override any of these
by category id, or a single check's weight by its ID (`weights = {keywords = 40, ALT002 = 0}`).

Profiles weigh equally in the brand score: each platform is a separate place where people
search, and weighting by audience would reward the profiles that are already found.

Discoverability enters through the keywords category: KEY007 scores each profile by the mean,
over the target keywords, of the weight of the strongest field carrying each one (see
audit/discover.py). Competitors' profiles are scored with these same functions so the report
can compare them, but `score_brand` is only ever given the brand's own profiles.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from audit.errors import InputError
from audit.result import Category, CategoryScore, CheckResult, Status, band

__all__ = [
    "CATEGORY_TITLES",
    "CATEGORY_WEIGHTS",
    "ResolvedWeights",
    "band",
    "resolve_weights",
    "score_brand",
    "score_categories",
    "score_profile",
]

CATEGORY_WEIGHTS: dict[Category, float] = {
    Category.KEYWORDS: 30,
    Category.BIO: 20,
    Category.MEDIA: 15,
    Category.LOCAL: 10,
    Category.CADENCE: 15,
    Category.PROFILE: 10,
    Category.LINKS: 5,
    Category.HASHTAGS: 5,
    Category.REVIEWS: 10,
    Category.VIDEO: 10,
    Category.REPLIES: 5,
    Category.SHOP: 5,
}

CATEGORY_TITLES: dict[Category, str] = {
    Category.KEYWORDS: "Keywords",
    Category.BIO: "Bio",
    Category.MEDIA: "Media & alt text",
    Category.LOCAL: "Local",
    Category.CADENCE: "Cadence",
    Category.PROFILE: "Profile",
    Category.LINKS: "Links",
    Category.HASHTAGS: "Hashtags & captions",
    Category.REVIEWS: "Reviews",
    Category.VIDEO: "Short video",
    Category.REPLIES: "Replies",
    Category.SHOP: "A way to buy",
    Category.CONSISTENCY: "Consistency",
}


@dataclass(frozen=True)
class ResolvedWeights:
    """Category weights and per-check weight overrides after a brand file's `weights`."""

    categories: dict[Category, float]
    checks: dict[str, float]

    def apply(self, result: CheckResult) -> CheckResult:
        """The result with its check weight overridden, when the brand overrides it."""
        if result.id in self.checks:
            return result.model_copy(update={"weight": self.checks[result.id]})
        return result


def resolve_weights(overrides: Mapping[str, float], check_ids: Iterable[str]) -> ResolvedWeights:
    """Apply `brand.weights`: keys are category ids ('keywords') or check IDs ('ALT002').

    An unknown key or a negative weight is an InputError that names it: a typo silently
    ignored would change nothing and leave the user believing it did."""
    categories = dict(CATEGORY_WEIGHTS)
    checks: dict[str, float] = {}
    known_ids = set(check_ids)
    for key, value in overrides.items():
        try:
            weight = float(value)
        except (TypeError, ValueError):
            raise InputError(f"weight for {key!r} must be a number, not {value!r}") from None
        if weight < 0:
            raise InputError(f"weight for {key!r} must be 0 or more, not {value!r}")
        if key.lower() in {c.value for c in CATEGORY_WEIGHTS}:
            categories[Category(key.lower())] = weight
        elif key.upper() in known_ids:
            checks[key.upper()] = weight
        else:
            valid = ", ".join(c.value for c in CATEGORY_WEIGHTS)
            raise InputError(
                f"unknown weight key {key!r}: use a category ({valid}) or a check ID like BIO001"
            )
    return ResolvedWeights(categories, checks)


def _r1(value: float) -> float:
    return round(value, 1)


def score_categories(
    results: Sequence[CheckResult], weights: Mapping[Category, float] | None = None
) -> list[CategoryScore]:
    """One CategoryScore per scored category that has checks in `results`, in weight-table
    order. `score` is None when nothing in it was judged (or all judged weights are 0)."""
    weights = CATEGORY_WEIGHTS if weights is None else weights
    out = []
    for category, cat_weight in weights.items():
        mine = [r for r in results if r.category is category]
        if not mine:
            continue
        judged = [r for r in mine if r.status.weighs and r.score is not None]
        total = sum(r.weight for r in judged)
        score = (
            _r1(100 * sum(r.weight * r.score for r in judged if r.score is not None) / total)
            if total > 0
            else None
        )
        out.append(
            CategoryScore(
                id=category,
                title=CATEGORY_TITLES[category],
                weight=cat_weight,
                score=score,
                judged=len(judged),
                passed=sum(1 for r in judged if r.status is Status.PASS),
            )
        )
    return out


def score_profile(categories: Sequence[CategoryScore]) -> float | None:
    """Weighted mean of the categories that have a score; None when none has."""
    scored = [c for c in categories if c.score is not None and c.weight > 0]
    total = sum(c.weight for c in scored)
    if total <= 0:
        return None
    return _r1(sum(c.weight * c.score for c in scored if c.score is not None) / total)


def score_brand(profile_scores: Iterable[float | None]) -> float | None:
    """Mean of the profiles that have a score (not-captured profiles have none)."""
    scores = [s for s in profile_scores if s is not None]
    if not scores:
        return None
    return _r1(sum(scores) / len(scores))
