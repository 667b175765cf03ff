"""The report contract: what an audit concluded. Reports read only these models."""

from __future__ import annotations

import math
from datetime import datetime
from enum import Enum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from audit.model import Outcome, Platform, Profile

# 1.1: `discoverability` (the keyword x profile matrix, competitor rankings, suggestions) and
# `competitors` (competitors' profile results, outside the brand score). Additive only.
# 1.2: `CheckResult.why` and `CheckResult.suggestions` (fixes ready to paste, built from the
# profile), `AuditResult.progress` (what changed since the brand's previous stored audit).
SCHEMA_VERSION = "1.2"


class Status(str, Enum):
    PASS = "pass"
    WARN = "warn"
    FAIL = "fail"
    NA = "na"
    ERROR = "error"
    MANUAL = "manual"

    @property
    def weighs(self) -> bool:
        """Only judged results count toward a score."""
        return self in (Status.PASS, Status.WARN, Status.FAIL)


class Severity(str, Enum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    INFO = "info"


class Category(str, Enum):
    KEYWORDS = "keywords"
    BIO = "bio"
    MEDIA = "media"
    LOCAL = "local"
    CADENCE = "cadence"
    PROFILE = "profile"
    LINKS = "links"
    HASHTAGS = "hashtags"
    REVIEWS = "reviews"
    REPLIES = "replies"
    SHOP = "shop"
    VIDEO = "video"
    CONSISTENCY = "consistency"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(_Model):
    """A fact a verdict rests on: which field (or post) held which value."""

    field: str
    value: Any = None
    source: str | None = None
    url: str | None = None


class Suggestion(_Model):
    """A fix ready to paste, built from the audited profile's own words (never invented):
    a name-field or bio proposal, a tracked link, a hashtag set, an alt-text draft."""

    kind: Literal["name", "bio", "link", "hashtags", "alt_text"]
    label: str = Field(description="What it is for, e.g. 'Name field' or 'Alt text, post 3'.")
    text: str = Field(description="The text to paste.")
    length: int = Field(description="Its length as the platform counts it.")
    limit: int | None = Field(default=None, description="The platform's limit for this field.")
    draft: bool = Field(
        default=False,
        description="A draft the owner must check before using it (alt text from a caption).",
    )
    note: str | None = Field(default=None, description="What to check or where it goes.")
    url: str | None = Field(default=None, description="The post or page it belongs to.")


class CheckResult(_Model):
    id: str
    slug: str
    title: str
    category: Category
    severity: Severity
    weight: float
    status: Status
    score: float | None = Field(default=None, description="0..1; None for na/error/manual.")
    message: str
    evidence: list[Evidence] = Field(default_factory=list)
    fix: str | None = None
    why: str | None = Field(
        default=None, description="Why it matters, in one line (on warn/fail results)."
    )
    suggestions: list[Suggestion] = Field(
        default_factory=list, description="Fixes ready to paste, built from the profile."
    )

    @field_validator("score")
    @classmethod
    def _unit(cls, v: float | None) -> float | None:
        if v is None:
            return None
        if not 0.0 <= v <= 1.0:
            raise ValueError(f"score must be within 0..1, not {v!r}")
        return round(v, 4)


class CategoryScore(_Model):
    id: Category
    title: str
    weight: float
    score: float | None = Field(default=None, description="0..100; None when nothing was judged.")
    judged: int = 0
    passed: int = 0


class ProfileResult(_Model):
    platform: Platform
    handle: str
    url: str | None = None
    display_name: str | None = None
    outcome: Outcome
    reason: str | None = None
    score: float | None = Field(default=None, description="0..100; None when not captured.")
    band: str | None = None
    categories: list[CategoryScore] = Field(default_factory=list)
    checks: list[CheckResult] = Field(default_factory=list)
    languages: list[str] = Field(
        default_factory=list,
        description="ISO 639-1 codes of the languages findable read this profile's texts in, "
        "main first: from all its texts together, the platform's declared post languages and "
        "the brand file's `languages`.",
    )
    profile: Profile


def _unit_score(v: float) -> float:
    if not 0.0 <= v <= 1.0:
        raise ValueError(f"score must be within 0..1, not {v!r}")
    return round(v, 4)


class KeywordCell(_Model):
    """Where one target keyword appears on one profile, and what that is worth in the
    platform's search."""

    keyword: str
    platform: Platform
    handle: str
    competitor: bool = Field(default=False, description="A competitor's profile.")
    fields: list[str] = Field(
        default_factory=list,
        description="Searchable fields that carry the keyword, strongest first: name, handle, "
        "category, bio, captions, hashtags, alt, location, search_keywords.",
    )
    unindexed: list[str] = Field(
        default_factory=list,
        description="Fields that carry it although this platform's search does not read them.",
    )
    score: float = Field(
        default=0.0, description="0..1: the weight of the strongest field that carries it."
    )
    strength: float = Field(
        default=0.0,
        description="Sum of the weights of every field that carries it (ranking tie-break).",
    )

    @field_validator("score")
    @classmethod
    def _unit(cls, v: float) -> float:
        return _unit_score(v)

    @field_validator("strength")
    @classmethod
    def _rounded(cls, v: float) -> float:
        return round(v, 4)


class KeywordRank(_Model):
    """One brand profile's place in a simulated search for one keyword on its platform."""

    keyword: str
    platform: Platform
    handle: str = Field(description="The brand's profile this rank is for.")
    rank: int | None = Field(
        default=None, description="1-based; None when nothing on the profile carries it."
    )
    of: int = Field(description="Profiles compared on this platform (brand's + competitors').")
    leader_handle: str | None = Field(
        default=None, description="The best-placed profile that carries it (may be the brand)."
    )
    leader_fields: list[str] = Field(default_factory=list)
    order: list[str] = Field(default_factory=list, description="Handles that carry it, best first.")
    sentence: str = Field(description="The ranking as a sentence for reports.")


class Discoverability(_Model):
    """Which target keywords each profile can be found for, and how it compares."""

    keywords: list[str] = Field(default_factory=list)
    proposed: bool = Field(
        default=False, description="The keywords were proposed by findable, not given."
    )
    cells: list[KeywordCell] = Field(
        default_factory=list, description="Keyword x profile, keywords in order, then profiles."
    )
    rankings: list[KeywordRank] = Field(default_factory=list)
    suggestions: list[str] = Field(
        default_factory=list,
        description="Keywords competitors carry that no brand profile does, best first.",
    )
    suggested_by: dict[str, list[str]] = Field(
        default_factory=dict, description="Suggestion -> the competitor profiles carrying it."
    )


class ProgressItem(_Model):
    """One check that changed (or did not) between the previous audit and this one."""

    where: str = Field(description="'Instagram @handle', or 'All profiles' for brand checks.")
    id: str
    title: str
    before: Status | None = None
    after: Status | None = None
    detail: str | None = Field(
        default=None, description="Partial progress, e.g. '1 of 3 → 2 of 3'."
    )


class ProgressScore(_Model):
    where: str = Field(description="'Instagram @handle'.")
    before: float | None = None
    after: float | None = None


class TrendPoint(_Model):
    """One stored audit of the brand: its scores (brand, then per profile)."""

    audit_id: int | None = Field(default=None, description="None for this audit (not stored).")
    generated_at: datetime
    score: float | None = None
    profiles: dict[str, float | None] = Field(
        default_factory=dict, description="'Instagram @handle' -> score."
    )


class Progress(_Model):
    """What changed since the brand's previous stored audit (computed from the history
    before the reports are written, so reports still read only the AuditResult)."""

    previous_id: int
    previous_at: datetime
    score_before: float | None = None
    score_after: float | None = None
    profiles: list[ProgressScore] = Field(default_factory=list)
    fixed: list[ProgressItem] = Field(default_factory=list)
    regressed: list[ProgressItem] = Field(default_factory=list)
    new: list[ProgressItem] = Field(default_factory=list)
    partial: list[ProgressItem] = Field(
        default_factory=list, description="Same verdict, better or worse score."
    )
    trend: list[TrendPoint] = Field(
        default_factory=list,
        description="Every stored audit of the brand, oldest first, then this one.",
    )


class AuditResult(_Model):
    schema_version: str = SCHEMA_VERSION
    tool_version: str
    generated_at: datetime
    brand: str | None = None
    keywords: list[str] = Field(default_factory=list)
    keywords_proposed: bool = False
    score: float | None = Field(default=None, description="0..100; None when nothing scored.")
    band: str | None = None
    profiles: list[ProfileResult] = Field(default_factory=list)
    brand_checks: list[CheckResult] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    discoverability: Discoverability | None = None
    competitors: list[ProfileResult] = Field(
        default_factory=list,
        description="Competitors' profiles, checked and scored like the brand's but outside "
        "the brand score.",
    )
    progress: Progress | None = Field(
        default=None, description="Changes since the brand's previous stored audit."
    )


def band(score: float | None) -> str | None:
    """Lighthouse's bands: 0-49 poor, 50-89 needs work, 90-100 good."""
    if score is None:
        return None
    if score >= 90:
        return "good"
    if score >= 50:
        return "needs-work"
    return "poor"


def shown_score(score: float | None) -> int | None:
    """The one rounding rule for every output (CLI, reports, summaries): a 0..100 score as a
    whole number, rounded down so it never contradicts its band (89.6 is "needs work";
    rounding would print 90, which reads as "good")."""
    if score is None:
        return None
    return math.floor(score + 1e-9)


def shown_delta(before: float | None, after: float | None) -> str | None:
    """'+7' / '−3' / '±0' between two shown scores (so the numbers on screen add up)."""
    a, b = shown_score(before), shown_score(after)
    if a is None or b is None:
        return None
    change = b - a
    return f"+{change}" if change > 0 else (f"−{-change}" if change < 0 else "±0")
