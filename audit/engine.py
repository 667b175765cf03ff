"""The engine: select checks by ID prefix, run them safely, score, assemble the AuditResult.

Lighthouse's rule holds here: a check that raises becomes an `error` result, never a crashed
run, and a profile that could not be captured gets `na` everywhere with the reason and no
score (shown as not captured, never as 0). Nothing here reads the clock: each profile is judged
at its capture time, so replaying a snapshot gives the same result byte for byte.

Keywords: the user's (brand file / --keywords), else proposed from the brand's website and own
texts (`audit.discover.propose_keywords`), flagged as proposed. Competitors' profiles are
checked and scored exactly like the brand's, reported in `AuditResult.competitors`, and kept
out of the brand score; with the brand's they make the discoverability matrix and the
simulated search per keyword (`AuditResult.discoverability`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timezone

from audit.discover import build_discoverability, profile_languages, propose_keywords
from audit.errors import InputError
from audit.fixes import profile_label
from audit.model import Brand, Outcome, Platform, Profile
from audit.platforms.rules import rules_for
from audit.result import AuditResult, CheckResult, ProfileResult, band
from audit.scoring import (
    ResolvedWeights,
    resolve_weights,
    score_brand,
    score_categories,
    score_profile,
)
from audit.site import SiteText
from checks import BRAND_REGISTRY, REGISTRY
from checks.base import BrandCheck, Check, CheckContext, CheckMeta
from checks.suggest import enrich

__all__ = [
    "NO_KEYWORDS_NOTE",
    "PROPOSED_NOTE",
    "audit",
    "run_brand_checks",
    "run_checks",
    "select_brand_checks",
    "select_checks",
    "valid_prefixes",
]

NO_KEYWORDS_NOTE = (
    "No target keywords were given and none could be proposed (the brand's profiles and website "
    "had no usable text): the keyword checks (KEY001-KEY003, KEY007, BIO006, HSH003) are marked "
    "manual and the keywords category is left out of the scores. Add `keywords` to the brand "
    "file or pass --keywords."
)

PROPOSED_NOTE = "proposed; confirm with --keywords or the brand file"


# --- selection ---------------------------------------------------------------------------


def _all_ids() -> list[str]:
    return [c.meta.id for c in REGISTRY] + [c.meta.id for c in BRAND_REGISTRY]


def valid_prefixes() -> list[str]:
    """'ALL' and the three-letter family prefixes, for error messages and help text."""
    return ["ALL", *sorted({i[:3] for i in _all_ids()})]


def _normalise(selectors: Iterable[str]) -> list[str]:
    """Upper-cased, stripped selectors; each must prefix at least one check ID."""
    ids = _all_ids()
    out = []
    for raw in selectors:
        for part in str(raw).split(","):
            sel = part.strip().upper()
            if not sel:
                continue
            if sel != "ALL" and not any(i.startswith(sel) for i in ids):
                raise InputError(
                    f"unknown check selector {part.strip()!r}; valid prefixes: "
                    f"{', '.join(valid_prefixes())} (or a full ID like BIO001)"
                )
            out.append(sel)
    return out


def _longest(check_id: str, selectors: Sequence[str]) -> int:
    """Length of the most specific selector matching `check_id` (-1: none; ALL counts 0)."""
    best = -1
    for sel in selectors:
        if sel == "ALL":
            best = max(best, 0)
        elif check_id.startswith(sel):
            best = max(best, len(sel))
    return best


def _enabled(metas: Sequence[CheckMeta], select: Sequence[str], ignore: Sequence[str]) -> set[str]:
    """Ruff's rule: nothing selected means all; when a check matches both lists, the more
    specific selector wins (select=['ALT001'], ignore=['ALT'] keeps ALT001)."""
    chosen = _normalise(select) or ["ALL"]
    dropped = _normalise(ignore)
    return {
        m.id for m in metas if (s := _longest(m.id, chosen)) >= 0 and s > _longest(m.id, dropped)
    }


def select_checks(select: Sequence[str] = (), ignore: Sequence[str] = ()) -> list[Check]:
    """Per-profile checks enabled by ID prefixes (`select=["BIO", "ALT001"]`,
    `ignore=["CAD003"]`), in registry order. An unknown prefix raises InputError naming it."""
    on = _enabled([c.meta for c in REGISTRY], select, ignore)
    return [c for c in REGISTRY if c.meta.id in on]


def select_brand_checks(select: Sequence[str] = (), ignore: Sequence[str] = ()) -> list[BrandCheck]:
    """Brand-level checks (KEY006, CON...) enabled by the same selectors."""
    on = _enabled([c.meta for c in BRAND_REGISTRY], select, ignore)
    return [c for c in BRAND_REGISTRY if c.meta.id in on]


# --- running -----------------------------------------------------------------------------


def not_captured_reason(profile: Profile) -> str:
    capture = profile.capture
    reason = f": {capture.reason}" if capture.reason else ""
    return f"Not read ({capture.outcome.words}){reason}."


def _checked(meta: CheckMeta, result: object) -> CheckResult:
    """A check must return its own CheckResult; anything else is recorded as its error."""
    if not isinstance(result, CheckResult):
        return meta.error(TypeError(f"returned {type(result).__name__}, not a CheckResult"))
    if result.id != meta.id:
        return meta.error(ValueError(f"returned the result of {result.id}"))
    return result


def run_checks(profile: Profile, ctx: CheckContext, checks: Sequence[Check]) -> list[CheckResult]:
    """One result per check, in order. Never raises for a check's sake: a raising check is
    `error` (exception type and message, no score); a check for other platforms is `na`; a
    profile whose capture outcome is not ok is `na` everywhere with the reason."""
    if profile.capture.outcome is not Outcome.OK:
        reason = not_captured_reason(profile)
        return [c.meta.na(reason) for c in checks]
    results = []
    for c in checks:
        if not c.meta.applies_to(profile.platform):
            results.append(c.meta.na(f"Not applicable on {profile.platform.label}."))
            continue
        try:
            results.append(_checked(c.meta, c(profile, ctx)))
        except Exception as exc:  # a broken check is a reported result, not a crashed audit
            results.append(c.meta.error(exc))
    return results


def _aware(dt: datetime) -> datetime:
    return dt if dt.tzinfo is not None else dt.replace(tzinfo=timezone.utc)


def run_brand_checks(
    profiles: Sequence[Profile],
    brand: Brand,
    *,
    checks: Sequence[BrandCheck] | None = None,
    keywords: Sequence[str] | None = None,
    keywords_proposed: bool = False,
    now: datetime | None = None,
) -> list[CheckResult]:
    """Brand-level checks once over the captured profiles (not-captured ones are left out).

    `keywords` default to the brand's; `now` to the latest capture time (brand checks compare
    profiles with each other and read no dates today)."""
    captured = [p for p in profiles if p.capture.outcome is Outcome.OK]
    times = [p.capture.captured_at for p in captured if p.capture.captured_at]
    when = _aware(now or max(times, default=datetime(1970, 1, 1, tzinfo=timezone.utc)))
    platform = captured[0].platform if captured else Platform.INSTAGRAM
    ctx = CheckContext(
        brand=brand,
        now=when,
        rules=rules_for(platform),
        keywords=tuple(brand.keywords if keywords is None else keywords),
        keywords_proposed=keywords_proposed,
    )
    results = []
    for c in BRAND_REGISTRY if checks is None else checks:
        try:
            results.append(_checked(c.meta, c(captured, ctx)))
        except Exception as exc:  # recorded, never fatal
            results.append(c.meta.error(exc))
    return results


def _clean_keywords(keywords: Iterable[str]) -> list[str]:
    """Stripped, non-empty, first occurrence of each (case-insensitive)."""
    seen: set[str] = set()
    out = []
    for k in keywords:
        k = " ".join(k.split())
        if k and k.casefold() not in seen:
            seen.add(k.casefold())
            out.append(k)
    return out


def _profile_result(
    profile: Profile,
    brand: Brand,
    *,
    checks: Sequence[Check],
    weights: ResolvedWeights,
    keywords: Sequence[str],
    proposed: bool,
    generated: datetime,
    competitor: bool = False,
) -> ProfileResult:
    """One profile checked and scored (the brand's or a competitor's: the same way)."""
    ctx = CheckContext(
        brand=brand,
        now=_aware(profile.capture.captured_at or generated),
        rules=rules_for(profile.platform),
        keywords=tuple(keywords),
        keywords_proposed=proposed,
    )
    metas = {c.meta.id: c.meta for c in checks}
    checked = [weights.apply(r) for r in run_checks(profile, ctx, checks)]
    if not competitor:  # fixes to paste are for the brand's own profiles
        checked = [enrich(r, metas[r.id], profile, ctx) for r in checked]
    captured = profile.capture.outcome is Outcome.OK
    categories = score_categories(checked, weights.categories)
    score = score_profile(categories) if captured else None
    return ProfileResult(
        platform=profile.platform,
        handle=profile.handle,
        url=profile.url,
        display_name=profile.display_name,
        outcome=profile.capture.outcome,
        reason=profile.capture.reason,
        score=score,
        band=band(score),
        categories=categories,
        checks=checked,
        languages=list(profile_languages(profile, brand.languages)) if captured else [],
        profile=profile,
    )


def _not_read_note(results: Sequence[ProfileResult], whose: str) -> str | None:
    missing = [r for r in results if r.outcome is not Outcome.OK]
    if not missing:
        return None
    names = ", ".join(f"{profile_label(r)} ({r.outcome.words})" for r in missing)
    return f"{len(missing)} of {len(results)} {whose} could not be read: {names}."


def audit(
    profiles: Sequence[Profile],
    brand: Brand,
    *,
    tool_version: str,
    generated_at: datetime,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    notes: Sequence[str] = (),
    keywords: Sequence[str] | None = None,
    keywords_proposed: bool = False,
    competitors: Sequence[Profile] = (),
    site: SiteText | None = None,
) -> AuditResult:
    """Run every selected check on every profile, score, and return the report contract.

    Selection: `select` replaces `brand.select` when given (the CLI overrides the brand
    file); `ignore` adds to `brand.ignore`. `keywords` (e.g. --keywords, or proposals made
    elsewhere with `keywords_proposed=True`) replace `brand.keywords` when given. When
    neither gives any, keywords are proposed from `site` (the brand's website text) and the
    brand's captured profiles, and reported as proposed. `competitors` are checked and scored
    like `profiles` but only reported (`AuditResult.competitors`) and ranked against the
    brand's profiles per keyword; they never enter the brand score or the brand-level checks.
    Each profile is judged at its capture time (`generated_at` when it has none; a naive
    datetime is taken as UTC)."""
    generated = _aware(generated_at)
    chosen_select = list(select) or list(brand.select)
    chosen_ignore = [*brand.ignore, *ignore]
    checks = select_checks(chosen_select, chosen_ignore)
    brand_checks = select_brand_checks(chosen_select, chosen_ignore)
    weights = resolve_weights(brand.weights, _all_ids())
    targets = _clean_keywords(brand.keywords if keywords is None else keywords)
    proposed = keywords_proposed and bool(targets)
    if not targets:
        targets = _clean_keywords(propose_keywords(profiles, site, brand_name=brand.name))
        proposed = bool(targets)

    all_notes = list(notes)
    if not targets:
        all_notes.append(NO_KEYWORDS_NOTE)
    elif proposed:
        sources = "the brand's website and own texts" if site else "the brand's own texts"
        all_notes.append(
            f"No target keywords were given; findable proposed these from {sources} and scored "
            f"against them ({PROPOSED_NOTE}): {', '.join(targets)}."
        )

    def judged(profile: Profile, competitor: bool = False) -> ProfileResult:
        return _profile_result(
            profile,
            brand,
            checks=checks,
            weights=weights,
            keywords=targets,
            proposed=proposed,
            generated=generated,
            competitor=competitor,
        )

    results = [judged(p) for p in profiles]
    rivals = [judged(p, competitor=True) for p in competitors]
    for note in (
        _not_read_note(results, "profiles"),
        _not_read_note(rivals, "competitor profiles"),
    ):
        if note:
            all_notes.append(note)

    brand_metas = {c.meta.id: c.meta for c in brand_checks}
    brand_results = [
        enrich(weights.apply(r), brand_metas[r.id])
        for r in run_brand_checks(
            profiles,
            brand,
            checks=brand_checks,
            keywords=targets,
            keywords_proposed=proposed,
            now=generated,
        )
    ]
    discoverability = (
        build_discoverability(
            profiles, competitors, targets, proposed=proposed, languages=brand.languages
        )
        if targets or competitors
        else None
    )
    # Only the brand's own profiles: a competitor's score says nothing about the brand.
    brand_score = score_brand(r.score for r in results)
    return AuditResult(
        tool_version=tool_version,
        generated_at=generated,
        brand=brand.name,
        keywords=targets,
        keywords_proposed=proposed,
        score=brand_score,
        band=band(brand_score),
        profiles=results,
        brand_checks=brand_results,
        notes=all_notes,
        discoverability=discoverability,
        competitors=rivals,
    )
