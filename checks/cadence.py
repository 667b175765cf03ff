"""Cadence: recent, regular posting. Dormancy is judged firmly; "optimal frequency" is
guidance (third-party studies), so frequency is a ratio to the low end of the platform's guide.

All times are measured against `ctx.now` (the capture time), never the clock.
"""

from __future__ import annotations

import itertools
import statistics
from datetime import datetime, timedelta

from audit.model import Post, Profile
from audit.result import Category, CheckResult, Evidence, Severity
from checks.base import CheckContext, CheckMeta, check, not_observed
from checks.common import dated_posts, post_ev
from checks.sources import HOOTSUITE_FREQUENCY, OWN

MIN_DATED_POSTS = 3
WINDOW_DAYS = 90
_HOOTSUITE = HOOTSUITE_FREQUENCY


def _too_few(meta: CheckMeta, n: int) -> CheckResult:
    return meta.na(
        f"Only {n} dated post{'s' if n != 1 else ''} could be observed; cadence needs at least "
        f"{MIN_DATED_POSTS} (see CAD004)."
    )


CAD001 = CheckMeta(
    id="CAD001",
    slug="dormant-profile",
    title="The profile posted recently",
    failure_title="The profile looks dormant",
    category=Category.CADENCE,
    severity=Severity.HIGH,
    weight=3,
    needs=("posts",),
    what="Days since the last own post, at capture time: warn above 14, fail above 30.",
    why="A profile whose last post is a month old looks closed to a searcher, and platforms "
    "surface active accounts.",
    fix="Post this week, then keep a simple schedule you can hold, even two posts a week.",
    example="Last post: 47 days ago.",
    better="Last post: 2 days ago, with the week's specials.",
    source=_HOOTSUITE + ". 14 and 30 days are " + OWN + "a month without a post "
    "is a month a searcher sees no sign of life; two weeks is half of that.",
)


@check(CAD001)
def dormant_profile(profile: Profile, ctx: CheckContext) -> CheckResult:
    posts = dated_posts(profile)
    if not posts:
        if profile.counts.posts == 0:
            return CAD001.fail(
                "The profile has no posts.", [Evidence(field="counts.posts", value=0)]
            )
        return CAD001.na("No dated own posts were observed, so the last post's date is unknown.")
    last = posts[0]
    assert last.created_at is not None  # dated_posts keeps dated posts only
    days = max(0, (ctx.now - last.created_at).days)
    approx = ", approximate" if last.created_at_approx else ""
    msg = f"Last post was {days} days ago ({last.created_at.date().isoformat()}{approx})."
    evidence = [post_ev(profile, last, "created_at", last.created_at.isoformat())]
    partial = not_observed(profile, "timeline")
    if days > 14 and partial:  # a newer post of the kind the input does not list may exist
        return CAD001.na(f"{msg} {partial}", evidence)
    if days > 30:
        return CAD001.fail(msg, evidence)
    if days > 14:
        return CAD001.warn(msg, evidence)
    return CAD001.passed(msg, evidence)


CAD002 = CheckMeta(
    id="CAD002",
    slug="posting-frequency-low",
    title="Posting frequency meets the platform's guide",
    failure_title="Posting frequency is below the platform's guide",
    category=Category.CADENCE,
    severity=Severity.MEDIUM,
    weight=2,
    needs=("posts", "timeline"),
    what="Own posts per week over the last 90 days (or the observed span, when the capture "
    "shows fewer), against the low end of the platform's guide (Instagram 3-7/week, Facebook "
    "1-2/day, X 1-5/day, LinkedIn 1-5/week, TikTok 3-7/week, YouTube 1/week, Pinterest "
    "5+/week). Score = rate / low end; warn below it, fail below half.",
    why="Platforms rank recent, regular content higher, and each new post is one more page "
    "that can match a search. The guides are " + _HOOTSUITE + ".",
    fix="Plan a weekly batch: reach the low end of this platform's guide first (the message "
    "names it), with keywords in every caption.",
    example="Instagram: 0.5 posts per week over the last 90 days.",
    better="Instagram: 3 posts per week, scheduled Monday/Wednesday/Friday.",
    source=_HOOTSUITE + "; Mosseri's two feed posts a week for Instagram (Creator Week "
    "2021, as reported there).",
)


@check(CAD002)
def posting_frequency_low(profile: Profile, ctx: CheckContext) -> CheckResult:
    low, high = ctx.rules.posts_per_week_low, ctx.rules.posts_per_week_high
    if not low:
        return CAD002.na(f"findable has no posting guide for {profile.platform.label}.")
    posts = dated_posts(profile)
    if len(posts) < MIN_DATED_POSTS:
        return _too_few(CAD002, len(posts))
    oldest = posts[-1].created_at
    assert oldest is not None
    start = max(ctx.now - timedelta(days=WINDOW_DAYS), oldest)
    in_window = [p for p in posts if p.created_at is not None and p.created_at >= start]
    span_days = max((ctx.now - start).days, 0)
    rate = len(in_window) / max(span_days / 7, 1.0)
    guide = f"{low:g}-{high:g}" if high else f"{low:g}+"
    msg = (
        f"{rate:.1f} posts per week over the last {span_days} days ({len(in_window)} posts); "
        f"the {profile.platform.label} guide is {guide} per week."
    )
    evidence = [
        Evidence(field="posts", value=len(in_window), source=ctx.rules.source("posts_per_week_low"))
    ]
    score = min(1.0, rate / low)
    if rate >= low:
        return CAD002.passed(msg, evidence, score=score)
    if rate >= low / 2:
        return CAD002.warn(msg, evidence, score=score)
    return CAD002.fail(msg, evidence, score=score)


CAD003 = CheckMeta(
    id="CAD003",
    slug="posting-irregular",
    title="Posting is regular",
    failure_title="Posting is irregular",
    category=Category.CADENCE,
    severity=Severity.LOW,
    weight=1,
    needs=("posts", "timeline"),
    what="Regularity of the gaps between observed own posts: warn when their coefficient of "
    "variation is above 1.0 or the longest gap is more than 4x the median gap (and at least "
    "a day). Approximate dates (relative, like '3 weeks ago') are only as precise as their "
    "unit, so for them only a silence that is certain despite the rounding is judged: warn "
    "when at least 30 days surely passed between two posts.",
    why="Bursts followed by silence read as an abandoned account during the silence, and "
    "followers' feeds forget accounts that go quiet.",
    fix="Spread the same number of posts evenly: schedule them instead of posting in bursts.",
    example="Five posts in one weekend, then nothing for six weeks.",
    better="One post every two or three days.",
    source=OWN + "a coefficient of variation above 1.0 (gaps vary more than "
    "their mean) or one gap 4x the median is a burst-then-silence pattern; relative dates "
    "are judged only on silences certain despite their rounding.",
)

# A month without a post is the silence CAD001 calls dormant; with rounded dates it is the one
# irregularity that can be told for sure.
_SURE_SILENCE_DAYS = 30


def _days(value: float) -> str:
    """'35 days', '1 day', 'under a day': a gap as a person says it."""
    if value < 1:
        return "under a day"
    n = round(value)
    return f"{n} day{'s' if n != 1 else ''}"


def _resolution_days(post: Post, now: datetime) -> float:
    """How far off an approximate date can be: relative dates are rounded to their unit,
    which grows with age (hours, days, weeks, months, years: how platforms write them)."""
    if not post.created_at_approx or post.created_at is None:
        return 0.0
    age = (now - post.created_at).total_seconds() / 86400
    for limit, unit in ((1, 1 / 24), (7, 1), (30, 7), (365, 30)):
        if age < limit:
            return float(unit)
    return 365.0


def _irregular_approx(profile: Profile, posts: list[Post], ctx: CheckContext) -> CheckResult:
    """Rounded dates: gaps of 0 and gaps of a unit are artefacts, so no median, no variation;
    only the longest silence that is certain whatever the rounding."""
    times = sorted((p for p in posts if p.created_at is not None), key=_when)
    sure: list[tuple[float, Post, Post]] = []
    for older, newer in itertools.pairwise(times):
        gap = (_when(newer) - _when(older)).total_seconds() / 86400
        # 'N units ago' resolves to the newest moment it can mean: the true time is up to one
        # unit earlier, so the newer post may be up to its unit closer to the older one.
        sure.append((max(0.0, gap - _resolution_days(newer, ctx.now)), older, newer))
    longest, older, newer = max(sure, key=lambda g: g[0])
    evidence = [
        Evidence(field="posts.sure_gaps_days", value=[round(g, 1) for g, _, _ in sure]),
        post_ev(profile, older, "created_at", _when(older).date().isoformat()),
    ]
    intro = (
        f"The {len(posts)} observed posts have approximate dates (shown as 'N days/weeks/months "
        "ago'), so only a long silence can be told for sure"
    )
    if longest > _SURE_SILENCE_DAYS:
        return CAD003.warn(
            f"{intro}: at least {_days(longest)} passed without a post between about "
            f"{_when(older).date().isoformat()} and about {_when(newer).date().isoformat()}.",
            evidence,
        )
    return CAD003.passed(
        f"{intro}: no silence of more than {_SURE_SILENCE_DAYS} days is certain between them.",
        evidence,
    )


def _when(post: Post) -> datetime:
    assert post.created_at is not None  # only dated posts are passed in
    return post.created_at


@check(CAD003)
def posting_irregular(profile: Profile, ctx: CheckContext) -> CheckResult:
    posts = dated_posts(profile)
    if len(posts) < MIN_DATED_POSTS:
        return _too_few(CAD003, len(posts))
    if any(p.created_at_approx for p in posts):
        return _irregular_approx(profile, posts, ctx)
    times = sorted(p.created_at for p in posts if p.created_at is not None)
    gaps = [(b - a).total_seconds() / 86400 for a, b in itertools.pairwise(times)]
    mean = statistics.fmean(gaps)
    if mean == 0:
        return CAD003.na("All observed posts share one timestamp, so gaps cannot be measured.")
    cv = statistics.pstdev(gaps) / mean
    median, longest = statistics.median(gaps), max(gaps)
    problems = []
    if cv > 1.0:
        problems.append(f"gaps vary widely (coefficient of variation {cv:.2f}, above 1.0)")
    if longest > 4 * median and longest >= 1:
        if median >= 1:
            problems.append(
                f"the longest gap, {_days(longest)}, is more than 4x the median gap of "
                f"{median:.1f} days"
            )
        else:  # "4x a median of 0.0" means nothing: say what the numbers show
            problems.append(
                f"posts come in bursts (half the gaps are under a day), then a gap of "
                f"{_days(longest)}"
            )
    evidence = [Evidence(field="posts.gaps_days", value=[round(g, 1) for g in gaps])]
    if problems:
        return CAD003.warn(f"Posting is irregular: {'; '.join(problems)}.", evidence)
    return CAD003.passed(
        f"Posting is regular over {len(posts)} posts: median gap {median:.1f} days, longest "
        f"{longest:.1f}, coefficient of variation {cv:.2f}.",
        evidence,
    )


CAD004 = CheckMeta(
    id="CAD004",
    slug="too-few-posts-observed",
    title="Enough dated posts were observed",
    failure_title="Too few dated posts were observed",
    category=Category.CADENCE,
    severity=Severity.INFO,
    weight=0,
    needs=("posts", "timeline"),
    what="Whether at least 3 dated own posts could be observed; with fewer, CAD002 and "
    "CAD003 are `na` with this reason. Informative: weighs nothing.",
    why="Frequency and regularity need at least two gaps between posts to mean anything; "
    "saying so beats guessing from one or two dates.",
    fix="If the profile has more posts, capture it logged in (--storage-state) or from a "
    "data export so findable sees their dates.",
    example="A capture that shows 2 posts with dates.",
    better="A data export with the last 50 posts and their dates.",
    source=OWN + "two gaps (three dated posts) are the least that frequency "
    "and regularity can be measured from.",
)


@check(CAD004)
def too_few_posts_observed(profile: Profile, ctx: CheckContext) -> CheckResult:
    n = len(dated_posts(profile))
    evidence = [Evidence(field="posts", value=n)]
    if n >= MIN_DATED_POSTS:
        return CAD004.passed(f"{n} dated own posts were observed.", evidence)
    return CAD004.warn(
        f"Only {n} dated own post{'s' if n != 1 else ''} could be observed; posting frequency "
        f"and regularity (CAD002, CAD003) need {MIN_DATED_POSTS}.",
        evidence,
    )
