"""The report contract: what an audit concluded. Reports read only these models."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from audit.model import Outcome, Platform, Profile

SCHEMA_VERSION = "1.0"


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
    profile: Profile


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


def band(score: float | None) -> str | None:
    """Lighthouse's bands: 0-49 poor, 50-89 needs work, 90-100 good."""
    if score is None:
        return None
    if score >= 90:
        return "good"
    if score >= 50:
        return "needs-work"
    return "poor"
