"""Builders for report tests: AuditResults made in code, small by default, hostile on request.

Shared by the tests/test_reports_*.py files so each test states only what it cares about.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from audit.model import CaptureInfo, Outcome, Platform, Post, Profile
from audit.result import (
    AuditResult,
    Category,
    CategoryScore,
    CheckResult,
    Discoverability,
    Evidence,
    KeywordCell,
    KeywordRank,
    ProfileResult,
    Severity,
    Status,
)

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=timezone.utc)

HOSTILE_BIO = (
    '<script>alert(1)</script> "><img src=x onerror=alert(2)> '
    "*bold* [click](javascript:alert(3)) `code` | pipe\n# heading\n- [x] fake item"
)


def check(
    id: str,
    status: Status = Status.PASS,
    *,
    severity: Severity = Severity.MEDIUM,
    weight: float = 1.0,
    title: str | None = None,
    message: str | None = None,
    fix: str | None = "Do the thing.",
    evidence: list[Evidence] | None = None,
    category: Category = Category.BIO,
) -> CheckResult:
    """One check result; the score follows the status unless the test needs otherwise."""
    scores = {Status.PASS: 1.0, Status.WARN: 0.5, Status.FAIL: 0.0}
    return CheckResult(
        id=id,
        slug=id.lower(),
        title=title or f"Title of {id}",
        category=category,
        severity=severity,
        weight=weight,
        status=status,
        score=scores.get(status),
        message=message or f"Message of {id}",
        evidence=evidence or [],
        fix=fix,
    )


def profile_result(
    handle: str = "bluedoor",
    platform: Platform = Platform.INSTAGRAM,
    *,
    checks: list[CheckResult] | None = None,
    score: float | None = 72.0,
    band: str | None = "needs-work",
    outcome: Outcome = Outcome.OK,
    reason: str | None = None,
    bio: str | None = "Sourdough bakery in Tehran",
    display_name: str | None = "Blue Door Bakery",
    url: str | None = None,
    posts: list[Post] | None = None,
    **profile_fields: Any,
) -> ProfileResult:
    """A profile result with its embedded Profile; not-captured ones get no score."""
    url = url if url is not None else f"https://www.{platform.value}.com/{handle}"
    profile = Profile(
        platform=platform,
        handle=handle,
        url=url,
        display_name=display_name,
        bio=bio,
        posts=posts or [],
        capture=CaptureInfo(outcome=outcome, reason=reason, captured_at=NOW),
        **profile_fields,
    )
    captured = outcome is Outcome.OK
    return ProfileResult(
        platform=platform,
        handle=handle,
        url=url,
        display_name=display_name,
        outcome=outcome,
        reason=reason,
        score=score if captured else None,
        band=band if captured else None,
        categories=[
            CategoryScore(id=Category.BIO, title="Bio", weight=1, score=score, judged=2, passed=1)
        ]
        if captured
        else [],
        checks=checks if checks is not None else [check("BIO001")],
        profile=profile,
    )


def posts(days_before_now: list[int], **fields: Any) -> list[Post]:
    """Posts dated the given number of days before NOW."""
    return [
        Post(id=f"p{i}", created_at=NOW - timedelta(days=d), **fields)
        for i, d in enumerate(days_before_now)
    ]


def audit_result(
    profiles: list[ProfileResult] | None = None,
    *,
    brand: str | None = "Blue Door Bakery",
    score: float | None = 72.0,
    band: str | None = "needs-work",
    brand_checks: list[CheckResult] | None = None,
    **fields: Any,
) -> AuditResult:
    return AuditResult(
        tool_version="0.1.0",
        generated_at=NOW,
        brand=brand,
        score=score,
        band=band,
        profiles=profiles if profiles is not None else [profile_result()],
        brand_checks=brand_checks or [],
        **fields,
    )


def mixed_checks() -> list[CheckResult]:
    """Every status and severity, deliberately out of order."""
    return [
        check("LOW01", Status.WARN, severity=Severity.LOW, weight=1, fix="Fix low warn."),
        check("MED01", Status.WARN, severity=Severity.MEDIUM, weight=3, fix="Fix med warn."),
        check("HIGH02", Status.WARN, severity=Severity.HIGH, weight=5, fix="Fix high warn."),
        check("HIGH01", Status.FAIL, severity=Severity.HIGH, weight=1, fix="Fix high fail light."),
        check("HIGH03", Status.FAIL, severity=Severity.HIGH, weight=4, fix="Fix high fail heavy."),
        check("INFO01", Status.FAIL, severity=Severity.INFO, weight=1, fix="Fix info fail."),
        check("PASS01", Status.PASS),
        check("PASS02", Status.PASS, severity=Severity.HIGH),
        check("NA01", Status.NA, fix=None, message="No posts to look at"),
        check("ERR01", Status.ERROR, fix=None, message="Check crashed: KeyError 'x'"),
        check("MAN01", Status.MANUAL, fix=None, message="Needs a human to confirm the address"),
    ]


HOSTILE_KEYWORD = "<img src=x onerror=alert(1)> | *pipe* [x](javascript:alert(2))"


def discoverability(*, proposed: bool = False, keyword: str = "sourdough") -> Discoverability:
    """A small matrix: the brand on Instagram and TikTok, one competitor on Instagram,
    a Persian keyword, a ranking sentence and a suggestion."""
    ig, tt = Platform.INSTAGRAM, Platform.TIKTOK
    cells = [
        KeywordCell(
            keyword=keyword, platform=ig, handle="bluedoor", fields=["name", "bio"], score=1.0,
            strength=1.6,
        ),
        KeywordCell(keyword=keyword, platform=tt, handle="bluedoor.atx", unindexed=["bio"]),
        KeywordCell(
            keyword=keyword, platform=ig, handle="rivalbakery", competitor=True,
            fields=["captions"], score=0.4, strength=0.4,
        ),
        KeywordCell(
            keyword="نان سنگک", platform=ig, handle="bluedoor", fields=["hashtags"], score=0.4,
            strength=0.4,
        ),
        KeywordCell(keyword="نان سنگک", platform=tt, handle="bluedoor.atx"),
        KeywordCell(
            keyword="نان سنگک", platform=ig, handle="rivalbakery", competitor=True,
            fields=["name", "handle"], score=1.0, strength=1.8,
        ),
    ]  # fmt: skip
    rankings = [
        KeywordRank(
            keyword="نان سنگک",
            platform=ig,
            handle="bluedoor",
            rank=2,
            of=2,
            leader_handle="rivalbakery",
            leader_fields=["name", "handle"],
            order=["rivalbakery", "bluedoor"],
            sentence="For 'نان سنگک' you rank 2nd of 2 on Instagram; @rivalbakery has it in its "
            "name field and handle, your best is the hashtags.",
        )
    ]
    return Discoverability(
        keywords=[keyword, "نان سنگک"],
        proposed=proposed,
        cells=cells,
        rankings=rankings,
        suggestions=["gluten-free"],
        suggested_by={"gluten-free": ["@rivalbakery (Instagram)"]},
    )
