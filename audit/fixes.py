"""Which fixes come first: the answer-first list every output shares.

The command line's summary, the HTML and Markdown reports and the batch summary all name the
same fixes in the same order, one item per check with every profile it fails on ("alt text
is missing on Instagram and Bluesky"), so they read it from here. Nothing here computes a
score: it sorts and groups what the AuditResult already says.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from audit.model import Outcome
from audit.result import AuditResult, CheckResult, ProfileResult, Severity, Status, Suggestion

__all__ = [
    "BRAND_WIDE",
    "TopFix",
    "answer_sentence",
    "audit_name",
    "profile_label",
    "top_fixes",
]

# how a brand-wide check (one that compares the profiles) names where it applies
BRAND_WIDE = "All profiles"

_TODO = (Status.FAIL, Status.WARN)
_SEVERITY_RANK = {Severity.HIGH: 0, Severity.MEDIUM: 1, Severity.LOW: 2, Severity.INFO: 3}


def audit_name(result: AuditResult) -> str:
    """Whose audit this is, as every output names it: the brand, else the audited profile's
    own name ('Kyle Pitzen', not 'Social search audit'), else its handle; "" if none."""
    if result.brand and result.brand.strip():
        return result.brand
    for profile in result.profiles:
        name = profile.display_name or profile.profile.display_name
        if name and name.strip():
            return name
    handles = [p.handle for p in result.profiles if p.handle]
    return f"@{handles[0]}" if handles else ""


def profile_label(profile: ProfileResult) -> str:
    """'Instagram @modravrata.bakery': how a reader names a profile ('Instagram (handle not
    read)' when the page gave none, e.g. a login page)."""
    if not profile.handle:
        return f"{profile.platform.label} (handle not read)"
    return f"{profile.platform.label} @{profile.handle}"


@dataclass(frozen=True)
class TopFix:
    """One fix for the answer-first list: a check that fails or warns, and every profile
    where it does (one item for 'alt text is missing on Instagram and Bluesky')."""

    check: CheckResult
    where: tuple[str, ...]
    results: tuple[tuple[str, CheckResult], ...]  # (profile label, its result)

    @property
    def suggestions(self) -> list[tuple[str, Suggestion]]:
        """(profile label, suggestion) across every profile it fails on."""
        return [(who, s) for who, r in self.results for s in r.suggestions]

    @property
    def messages(self) -> list[tuple[str | None, str]]:
        """What was found: said once (profile None) when every profile has the same, else
        each profile's own ('3 of 12 ... on Instagram', '4 of 12 ... on Bluesky')."""
        return _distinct([(who, r.message) for who, r in self.results])

    @property
    def todos(self) -> list[tuple[str | None, str]]:
        """What to do, likewise: each platform's own screens when they differ (Instagram's
        Advanced settings is no help on Bluesky)."""
        return _distinct([(who, r.fix) for who, r in self.results])

    def more_below(self, shown: int) -> str:
        """'14 more in each profile's section below.' for the suggestions past `shown`;
        "" when every one is shown."""
        more = len(self.suggestions) - shown
        if more <= 0:
            return ""
        whose = "each profile's section" if len(self.results) > 1 else "the profile's section"
        return f"{more} more in {whose} below."


def _distinct(pairs: Sequence[tuple[str, str | None]]) -> list[tuple[str | None, str]]:
    """One text said once when every profile has the same, else each with its profile."""
    texts = [(who, text) for who, text in pairs if text]
    if len({text for _, text in texts}) <= 1:
        return [(None, texts[0][1])] if texts else []
    return [(who, text) for who, text in texts]


def _fix_key(check: CheckResult) -> tuple[int, int, float]:
    """Fails before warns, then severity, heavier checks first; ties keep the report's order
    (profiles as listed, checks in registry order)."""
    return (check.status is not Status.FAIL, _SEVERITY_RANK[check.severity], -check.weight)


def top_fixes(result: AuditResult, limit: int = 5) -> list[TopFix]:
    """The most worthwhile fixes across every profile and the brand checks, one item per
    check (with every profile it fails on), most urgent first."""
    found: dict[str, list[tuple[str, CheckResult]]] = {}
    for profile in result.profiles:
        for check in profile.checks:
            if check.status in _TODO:
                found.setdefault(check.id, []).append((profile_label(profile), check))
    for check in result.brand_checks:
        if check.status in _TODO:
            found.setdefault(check.id, []).append((BRAND_WIDE, check))
    items = [
        TopFix(
            check=min((c for _, c in members), key=_fix_key),
            where=tuple(who for who, _ in members),
            results=tuple(members),
        )
        for members in found.values()
    ]
    items.sort(key=lambda f: _fix_key(f.check))
    return items[:limit]


def _platforms(fix: TopFix) -> str:
    """'Instagram and Bluesky' from the profile labels (platform names only)."""
    names = list(dict.fromkeys(w.split(" @")[0] for w in fix.where))
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _lower_first(text: str) -> str:
    """'No keyword in the name' -> 'no keyword in the name'; 'ALT text' stays."""
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


_COUNT_WORDS = {1: "One thing holds", 2: "Two things hold", 3: "Three things hold"}


def answer_sentence(result: AuditResult, fixes: Sequence[TopFix], *, see: str = "below") -> str:
    """One plain sentence for an owner: what holds the brand back most, or that nothing
    judged does (never said when a profile could not be read). `see` says where the output
    lists the profiles ("below" in a report, "above" in the terminal summary)."""
    if not fixes:
        if result.profiles and all(p.outcome is not Outcome.OK for p in result.profiles):
            return f"No profile could be read, so nothing was judged: see {see} why."
        if any(p.outcome is not Outcome.OK for p in result.profiles):
            return (
                "Nothing judged needs fixing, but some profiles could not be read: "
                f"see {see} which, and why."
            )
        if not any(c.status.weighs for p in result.profiles for c in p.checks):
            return f"Nothing could be judged in this audit: see {see} why."
        return "Every judged check passed on every profile: keep posting the way you do."
    top = list(fixes[:2])
    parts = [f"{_lower_first(f.check.title)} ({_platforms(f)})" for f in top]
    return f"{_COUNT_WORDS[len(top)]} you back most: {' and '.join(parts)}."
