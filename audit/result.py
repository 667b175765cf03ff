"""The report contract: what an audit concluded. Reports read only these models."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from audit.model import Outcome, Platform, Profile

# 1.1: `discoverability` (the keyword x profile matrix, competitor rankings, suggestions) and
# `competitors` (competitors' profile results, outside the brand score). Additive only.
SCHEMA_VERSION = "1.1"


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
    CONSISTENCY = "consistency"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(_Model):
    """A fact a verdict rests on: which field (or post) held which value."""

    field: str
    value: Any = None
    source: str | None = None
    url: str | None = None


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


def band(score: float | None) -> str | None:
    """Lighthouse's bands: 0-49 poor, 50-89 needs work, 90-100 good."""
    if score is None:
        return None
    if score >= 90:
        return "good"
    if score >= 50:
        return "needs-work"
    return "poor"
