"""What a check is: validated metadata plus a pure function, and the context it runs in.

A check is `(profile, context) -> CheckResult` and nothing else: no network, no clock (the
context carries `now`, the profile's capture time), so a replayed snapshot scores the same.
The metadata is data (Prowler's validated metadata, Lighthouse's id/title/failureTitle) and
renders as Ruff's rule doc shape: What it checks / Why it matters / Example / Better / Source.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field, field_serializer, field_validator

from audit.model import Brand, Platform, Profile
from audit.platforms.rules import PlatformRules
from audit.result import Category, CheckResult, Evidence, Severity, Status

__all__ = [
    "BrandCheck",
    "Check",
    "CheckContext",
    "CheckMeta",
    "brand_check",
    "check",
    "explain",
    "not_observed",
]

ID_RE = re.compile(r"^[A-Z]{3}\d{3}$")
SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

# The score a binary warn carries: half credit, between a pass (1) and a fail (0).
WARN_SCORE = 0.5


class CheckMeta(BaseModel):
    """Everything known about a check before it runs; builds its results."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    slug: str
    title: str = Field(description="Shown when the check passes (or cannot judge).")
    failure_title: str = Field(description="Shown when it warns or fails.")
    category: Category
    severity: Severity
    weight: float = Field(ge=0, description="Weight inside its category; 0 = informative.")
    platforms: frozenset[Platform] | None = Field(default=None, description="None = all.")
    needs: tuple[str, ...] = Field(
        default=(),
        description="Profile.not_observed keys the check cannot judge without (bio, posts, "
        "alt_text, geotags, ...): when the input cannot show one, the result is `na` with why.",
    )
    what: str = Field(description="What it checks.")
    why: str = Field(description="Why it matters, naming its source.")
    fix: str = Field(description="A concrete next step.")
    example: str = Field(description="A profile that fails it.")
    better: str = Field(default="", description="The same profile fixed (before/after).")
    source: str = Field(description="URL or reference behind the threshold.")

    @field_validator("id")
    @classmethod
    def _id_shape(cls, v: str) -> str:
        if not ID_RE.match(v):
            raise ValueError(f"check id must look like BIO001, not {v!r}")
        return v

    @field_validator("slug")
    @classmethod
    def _slug_shape(cls, v: str) -> str:
        if not SLUG_RE.match(v):
            raise ValueError(f"check slug must be kebab-case, not {v!r}")
        return v

    @field_serializer("platforms")
    def _sorted_platforms(self, v: frozenset[Platform] | None) -> list[str] | None:
        """Sets have no order; metadata dumps must be stable."""
        return None if v is None else sorted(p.value for p in v)

    def applies_to(self, platform: Platform) -> bool:
        return self.platforms is None or platform in self.platforms

    def unobservable(self, profile: Profile) -> CheckResult | None:
        """`na` with the extractor's reason when the input cannot show a field this check
        needs, else None."""
        reason = not_observed(profile, *self.needs)
        return self.na(reason) if reason else None

    # Result builders: a check says only its verdict; the meta fills in the rest.

    def _result(
        self,
        status: Status,
        score: float | None,
        message: str,
        evidence: Iterable[Evidence],
    ) -> CheckResult:
        failing = status in (Status.WARN, Status.FAIL)
        return CheckResult(
            id=self.id,
            slug=self.slug,
            title=self.failure_title if failing else self.title,
            category=self.category,
            severity=self.severity,
            weight=self.weight,
            status=status,
            score=score,
            message=message,
            evidence=list(evidence),
            fix=self.fix if failing or status is Status.MANUAL else None,
        )

    def passed(
        self, message: str, evidence: Iterable[Evidence] = (), *, score: float = 1.0
    ) -> CheckResult:
        return self._result(Status.PASS, score, message, evidence)

    def warn(
        self, message: str, evidence: Iterable[Evidence] = (), *, score: float = WARN_SCORE
    ) -> CheckResult:
        return self._result(Status.WARN, score, message, evidence)

    def fail(
        self, message: str, evidence: Iterable[Evidence] = (), *, score: float = 0.0
    ) -> CheckResult:
        return self._result(Status.FAIL, score, message, evidence)

    def na(self, reason: str, evidence: Iterable[Evidence] = ()) -> CheckResult:
        """Not applicable or not observable: says why, weighs nothing, never a silent pass."""
        return self._result(Status.NA, None, reason, evidence)

    def manual(self, message: str, evidence: Iterable[Evidence] = ()) -> CheckResult:
        """Needs a person (or input findable does not have yet); weighs nothing."""
        return self._result(Status.MANUAL, None, message, evidence)

    def error(self, exc: BaseException) -> CheckResult:
        """A check that raised: recorded with the exception's type and message, no score."""
        detail = f": {exc}" if str(exc) else ""
        return self._result(Status.ERROR, None, f"Check raised {type(exc).__name__}{detail}", ())

    def graded(
        self,
        score: float,
        message: str,
        evidence: Iterable[Evidence] = (),
        *,
        warn_below: float,
        fail_below: float | None = None,
    ) -> CheckResult:
        """A ratio verdict: the score is the ratio, the status comes from the thresholds."""
        if fail_below is not None and score < fail_below:
            return self.fail(message, evidence, score=score)
        if score < warn_below:
            return self.warn(message, evidence, score=score)
        return self.passed(message, evidence, score=score)


class CheckContext(BaseModel):
    """What a check may know besides the profile. `now` is the capture time, never the
    clock; `keywords` are the brand's target keywords (`keywords_proposed` when findable
    proposed them rather than the user)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    brand: Brand
    now: datetime
    rules: PlatformRules
    keywords: tuple[str, ...] = ()
    keywords_proposed: bool = False

    @field_validator("now")
    @classmethod
    def _aware(cls, v: datetime) -> datetime:
        if v.tzinfo is None:
            raise ValueError("now must be timezone-aware (the capture time)")
        return v


def not_observed(profile: Profile, *keys: str) -> str | None:
    """'Not observable: <why>.' for the first of `keys` the input cannot show, else None.

    An input that cannot show a field (a data export has no alt text; a logged-out page no
    contact button) says so in `Profile.not_observed`; judging the empty field would fail the
    brand for findable's blind spot."""
    for key in keys:
        why = profile.not_observed.get(key)
        if why:
            return f"Not observable from this input: {why.rstrip('.')}."
    return None


CheckFn = Callable[[Profile, CheckContext], CheckResult]
BrandCheckFn = Callable[[Sequence[Profile], CheckContext], CheckResult]


@dataclass(frozen=True)
class Check:
    """A per-profile check. Calling it runs the function (tests do), after the `needs` gate;
    the engine wraps calls so a raising check becomes an error result."""

    meta: CheckMeta
    run: CheckFn

    @property
    def id(self) -> str:
        return self.meta.id

    def __call__(self, profile: Profile, ctx: CheckContext) -> CheckResult:
        """Run the check, unless the input cannot show a field it needs (then `na`)."""
        return self.meta.unobservable(profile) or self.run(profile, ctx)


@dataclass(frozen=True)
class BrandCheck:
    """A brand-level check: runs once over all captured profiles (consistency). Its context
    carries the brand and keywords; `rules`/`now` are those of the first profile."""

    meta: CheckMeta
    run: BrandCheckFn

    @property
    def id(self) -> str:
        return self.meta.id

    def __call__(self, profiles: Sequence[Profile], ctx: CheckContext) -> CheckResult:
        return self.run(profiles, ctx)


def check(meta: CheckMeta) -> Callable[[CheckFn], Check]:
    """Wrap a function as a Check. Not registration: `checks/__init__.py` lists them."""

    def wrap(fn: CheckFn) -> Check:
        return Check(meta=meta, run=fn)

    return wrap


def brand_check(meta: CheckMeta) -> Callable[[BrandCheckFn], BrandCheck]:
    def wrap(fn: BrandCheckFn) -> BrandCheck:
        return BrandCheck(meta=meta, run=fn)

    return wrap


def explain(item: Check | BrandCheck | CheckMeta) -> str:
    """The check's doc in Ruff's shape (what `findable checks --explain ID` prints)."""
    meta = item if isinstance(item, CheckMeta) else item.meta
    platforms = (
        "all" if meta.platforms is None else ", ".join(sorted(p.label for p in meta.platforms))
    )
    parts = [
        f"{meta.id} {meta.slug}: {meta.title}",
        f"Category: {meta.category.value} · Severity: {meta.severity.value} · "
        f"Weight: {meta.weight:g} · Platforms: {platforms}",
        f"## What it checks\n{meta.what}",
        f"## Why it matters\n{meta.why}",
        f"## Example\n{meta.example}",
    ]
    if meta.better:
        parts.append(f"## Better\n{meta.better}")
    parts += [f"## How to fix\n{meta.fix}", f"## Source\n{meta.source}"]
    return "\n\n".join(parts) + "\n"
