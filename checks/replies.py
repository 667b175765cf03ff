"""Replies: does the brand answer the people who comment, and how fast.

Read from public comment threads of the newest posts (Bluesky `getPostThread`, Mastodon
`statuses/:id/context`, any input that shows comments) and from a page's public response
badge (Facebook "Typically replies within an hour", which is about messages).
"""

from __future__ import annotations

from audit.model import Engagement, Profile
from audit.result import Category, CheckResult, Evidence, Severity
from checks.base import CheckContext, CheckMeta, check, not_observed
from checks.sources import CONVERSOCIAL_2012, NM_INCITE_2012, OWN

__all__ = ["comments_unanswered", "replies_slow"]

# findable: half of the comments by others answered. Comments include thanks and emoji that
# need no answer; below a fifth, questions are surely going unanswered.
REPLIED_PASS = 0.5
REPLIED_FAIL = 0.2
# 42% of customers expect an answer on social media within an hour (issue 10's source
# material, citing Conversocial); 71% of Facebook users and 83% of Twitter users expect one
# the same day (NM Incite, 2012).
REPLY_PASS_MINUTES = 60
REPLY_FAIL_MINUTES = 24 * 60


def _engagement(profile: Profile, meta: CheckMeta) -> Engagement | CheckResult:
    if profile.engagement is not None:
        return profile.engagement
    return meta.na(
        not_observed(profile, "comments")
        or f"This {profile.platform.label} input shows no comment threads and no response "
        "badge (findable reads comment threads from Bluesky and Mastodon, where capture asks "
        "for them)."
    )


RSP001 = CheckMeta(
    id="RSP001",
    slug="comments-unanswered",
    title="The brand answers comments",
    failure_title="Comments go unanswered",
    category=Category.REPLIES,
    severity=Severity.HIGH,
    weight=3,
    what="Of the comments by others on the newest posts (up to 12 threads), the share that "
    f"got a reply from the brand: ratio score, warn under {REPLIED_PASS:.0%}, fail under "
    f"{REPLIED_FAIL:.0%}.",
    why="An unanswered question in public is read by everyone who comes after: 88% of "
    "consumers are less likely to buy from a company that leaves questions unanswered "
    "(Conversocial), and 71% of people who get a quick reply would recommend the brand, "
    "against 19% who get none (NM Incite).",
    fix="Check comments daily (set notifications for comments on your own posts), answer "
    "every question, thank people by name; a short reply beats none.",
    example="12 comments by others on the last posts, 1 answered.",
    better="12 comments, 9 answered within the hour, the rest were emoji.",
    source=f"{CONVERSOCIAL_2012}; {NM_INCITE_2012}; the 50% and 20% lines are "
    + OWN
    + "comments include thanks and emoji that need no answer, so not every one needs a reply",
)


@check(RSP001)
def comments_unanswered(profile: Profile, ctx: CheckContext) -> CheckResult:
    got = _engagement(profile, RSP001)
    if isinstance(got, CheckResult):
        return got
    if got.comments_seen is None or got.replied is None:
        return RSP001.na("The input shows a response badge but no comment threads.")
    if got.comments_seen == 0:
        threads = f" on the {got.threads} posts read" if got.threads else ""
        return RSP001.na(f"Nobody else commented{threads}, so there was nothing to answer.")
    share = got.replied / got.comments_seen
    threads = f" on {got.threads} recent posts" if got.threads else ""
    msg = f"{got.replied} of {got.comments_seen} comments by others{threads} got a reply."
    evidence = [
        Evidence(
            field="engagement",
            value={"comments_seen": got.comments_seen, "replied": got.replied},
            source=profile.sources.get("engagement"),
        )
    ]
    return RSP001.graded(share, msg, evidence, warn_below=REPLIED_PASS, fail_below=REPLIED_FAIL)


RSP002 = CheckMeta(
    id="RSP002",
    slug="replies-slow",
    title="Replies come fast",
    failure_title="Replies are slow",
    category=Category.REPLIES,
    severity=Severity.MEDIUM,
    weight=2,
    what="The median time from a comment to the brand's reply (or, without threads, the "
    f"page's public response badge): pass within {REPLY_PASS_MINUTES} minutes, warn within a "
    "day, fail beyond.",
    why="42% of customers expect an answer on social media within an hour and 32% within "
    "30 minutes (a widely quoted Conversocial figure); most Facebook and Twitter users "
    "expect one the same day (NM Incite, 2012).",
    fix="Answer during opening hours as they come in; for after hours, a pinned note or an "
    "instant reply saying when you will answer.",
    example="Median reply after 31 hours.",
    better="Median reply after 40 minutes.",
    source=f"{NM_INCITE_2012}; {CONVERSOCIAL_2012}",
)


def _duration(minutes: float) -> str:
    if minutes < 90:
        return f"{minutes:.0f} minutes"
    if minutes < 48 * 60:
        return f"{minutes / 60:.1f} hours"
    return f"{minutes / 1440:.1f} days"


@check(RSP002)
def replies_slow(profile: Profile, ctx: CheckContext) -> CheckResult:
    got = _engagement(profile, RSP002)
    if isinstance(got, CheckResult):
        return got
    if got.median_reply_minutes is not None:
        minutes = got.median_reply_minutes
        msg = f"The brand's median reply came after {_duration(minutes)}"
        msg += f" ({got.replied} replies measured)." if got.replied else "."
        evidence = [
            Evidence(
                field="engagement.median_reply_minutes",
                value=minutes,
                source=profile.sources.get("engagement"),
            )
        ]
    elif got.badge_minutes is not None:
        minutes = float(got.badge_minutes)
        msg = f"The page's badge says {got.response_badge!r}."
        evidence = [
            Evidence(
                field="engagement.response_badge",
                value=got.response_badge,
                source=profile.sources.get("engagement"),
            )
        ]
    else:
        return RSP002.na("No reply was observed, so there is no reply time to measure.")
    if minutes > REPLY_FAIL_MINUTES:
        return RSP002.fail(msg, evidence)
    if minutes > REPLY_PASS_MINUTES:
        return RSP002.warn(msg, evidence)
    return RSP002.passed(msg, evidence)
