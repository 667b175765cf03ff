"""Reviews: ratings and recommendations people read before they visit or buy.

Judged where the platform shows them (Google Business Profile, Facebook Page
recommendations) and only as far as the input shows them: Maps shows the rating, the count and
a few "most relevant" reviews, so the reply share and the newest date are read off those few.
"""

from __future__ import annotations

from audit.model import Platform, Profile, Reviews
from audit.result import Category, CheckResult, Evidence, Severity
from checks.base import CheckContext, CheckMeta, check, not_observed
from checks.common import ev
from checks.sources import (
    BRIGHTLOCAL_REVIEWS,
    CONVERSOCIAL_2012,
    GBP_LOCAL_RANKING,
    GBP_REPLY_REVIEWS,
    OWN,
    SPIEGEL_REVIEWS_2017,
)

__all__ = ["review_count_low", "review_rating_low", "review_replies_missing", "reviews_stale"]

REVIEW_PLATFORMS = frozenset({Platform.GOOGLE_BUSINESS, Platform.FACEBOOK})

# Spiegel Research Center (Northwestern), "How Online Reviews Influence Sales" (2017):
# purchase likelihood rises with the first reviews, the first five drive most of the lift and
# nearly all of it happens within the first ten.
MIN_REVIEWS_FAIL = 5
MIN_REVIEWS_PASS = 10
# Same study: purchase likelihood peaks for ratings of 4.0-4.7 stars.
RATING_PASS = 4.0
RATING_FAIL = 3.5
# findable: half of the reviews shown answered (Google asks owners to reply to reviews).
REPLIED_PASS = 0.5
# findable: a review within three months reads as a business that is open and visited today;
# older than a year reads as a place nobody goes to any more.
RECENT_DAYS = 90
STALE_DAYS = 365


def _reviews(profile: Profile, meta: CheckMeta) -> Reviews | CheckResult:
    """The profile's reviews, or the `na` result that says why there are none to judge."""
    if profile.reviews is not None:
        return profile.reviews
    unseen = not_observed(profile, "reviews")
    if unseen:
        return meta.na(unseen)
    return meta.na(
        f"This {profile.platform.label} input shows no ratings or reviews (a Facebook Page "
        "shows recommendations only when its owner turned them on)."
    )


REV001 = CheckMeta(
    id="REV001",
    slug="reviews-too-few",
    title="Enough reviews to be trusted",
    failure_title="Too few reviews",
    category=Category.REVIEWS,
    severity=Severity.HIGH,
    weight=3,
    platforms=REVIEW_PLATFORMS,
    needs=("reviews",),
    what=f"How many reviews/recommendations the profile shows: fail under {MIN_REVIEWS_FAIL}, "
    f"warn under {MIN_REVIEWS_PASS}.",
    why="Reviews are the first thing a local searcher sees next to your name, and Google "
    "counts review count and score in local ranking. Purchase likelihood climbs with the "
    "first reviews: the first five drive most of the lift, nearly all of it happens within "
    "the first ten (Spiegel Research Center, 2017).",
    fix="Ask happy customers for a review: a QR code on the counter or the receipt that opens "
    "your Google review form (Business Profile > Ask for reviews), and a line in your "
    "follow-up e-mail.",
    example="Blue Door Bakery on Google Maps: 3 reviews.",
    better="Blue Door Bakery: 4.7 ★ from 64 reviews.",
    source=f"{SPIEGEL_REVIEWS_2017}; {GBP_LOCAL_RANKING}",
)


@check(REV001)
def review_count_low(profile: Profile, ctx: CheckContext) -> CheckResult:
    got = _reviews(profile, REV001)
    if isinstance(got, CheckResult):
        return got
    if got.count is None:
        return REV001.na("The input shows a rating but not how many reviews it rests on.")
    evidence = [ev(profile, "reviews", {"count": got.count})]
    msg = f"{got.count} review{'s' if got.count != 1 else ''} on {profile.platform.label}."
    if got.count < MIN_REVIEWS_FAIL:
        return REV001.fail(msg, evidence, score=got.count / MIN_REVIEWS_PASS)
    if got.count < MIN_REVIEWS_PASS:
        return REV001.warn(msg, evidence, score=got.count / MIN_REVIEWS_PASS)
    return REV001.passed(msg, evidence)


REV002 = CheckMeta(
    id="REV002",
    slug="review-rating-low",
    title="The rating reads as trustworthy",
    failure_title="The average rating is low",
    category=Category.REVIEWS,
    severity=Severity.MEDIUM,
    weight=2,
    platforms=REVIEW_PLATFORMS,
    needs=("reviews",),
    what=f"The average star rating: warn under {RATING_PASS:g}, fail under {RATING_FAIL:g}.",
    why="Searchers filter and choose by stars; purchase likelihood peaks for ratings of "
    "4.0–4.7 (Spiegel Research Center, 2017), and Google weighs review score in local ranking.",
    fix="Read the low reviews for what keeps coming back (waiting time, a product) and fix "
    "it; reply to each politely with what you changed; ask every satisfied customer for a "
    "review so one bad day stops dominating the average.",
    example="3.2 ★ from 41 reviews, the last five about slow service, none answered.",
    better="4.4 ★ from 95 reviews, complaints answered with what changed.",
    source=f"{SPIEGEL_REVIEWS_2017}; {GBP_LOCAL_RANKING}",
)


@check(REV002)
def review_rating_low(profile: Profile, ctx: CheckContext) -> CheckResult:
    got = _reviews(profile, REV002)
    if isinstance(got, CheckResult):
        return got
    if got.rating is None:
        return REV002.na(
            "The input shows no star rating (Facebook shows recommendations, not stars, "
            "unless its Graph API is asked for overall_star_rating)."
        )
    if got.count == 0:
        return REV002.na("No reviews yet, so there is no rating to judge (see REV001).")
    evidence = [ev(profile, "reviews", {"rating": got.rating, "count": got.count})]
    of = f" from {got.count} reviews" if got.count else ""
    msg = f"Average rating {got.rating:g} ★{of}."
    score = max(0.0, min(1.0, (got.rating - 1.0) / (RATING_PASS - 1.0)))
    if got.rating < RATING_FAIL:
        return REV002.fail(msg, evidence, score=score)
    if got.rating < RATING_PASS:
        return REV002.warn(msg, evidence, score=score)
    return REV002.passed(msg, evidence)


REV003 = CheckMeta(
    id="REV003",
    slug="review-replies-missing",
    title="The owner replies to reviews",
    failure_title="Reviews go unanswered",
    category=Category.REVIEWS,
    severity=Severity.MEDIUM,
    weight=2,
    platforms=REVIEW_PLATFORMS,
    needs=("reviews", "review_replies"),
    what="Of the individual reviews the input shows, the share with a reply from the owner "
    f"(ratio score; warn under {REPLIED_PASS:.0%}, fail when none is answered).",
    why="A reply shows every later reader that someone is there; Google asks owners to reply "
    "to reviews, and 88% of consumers are less likely to buy from a company that leaves "
    "questions or complaints unanswered (Conversocial, 2012).",
    fix="Reply to every new review within a few days, thanking by name and answering the "
    "point made; for a complaint, say what you changed.",
    example="8 recent reviews shown, 0 with an owner reply.",
    better="8 recent reviews, 7 answered ('Thank you, Ana — the rye is back on Fridays!').",
    source=f"{GBP_REPLY_REVIEWS}; {CONVERSOCIAL_2012}; half the reviews shown is "
    + OWN
    + "an owner who answers every other review is visibly there, one who answers none is not",
)


@check(REV003)
def review_replies_missing(profile: Profile, ctx: CheckContext) -> CheckResult:
    got = _reviews(profile, REV003)
    if isinstance(got, CheckResult):
        return got
    if got.replied_share is None:
        return REV003.na("The input shows no individual reviews, so replies cannot be counted.")
    shown = f" of the {got.sampled} reviews shown" if got.sampled else ""
    msg = f"{got.replied_share:.0%}{shown} have an owner reply."
    evidence = [ev(profile, "reviews", {"replied_share": got.replied_share})]
    if got.replied_share == 0:
        return REV003.fail(msg, evidence, score=0.0)
    return REV003.graded(got.replied_share, msg, evidence, warn_below=REPLIED_PASS)


REV004 = CheckMeta(
    id="REV004",
    slug="reviews-stale",
    title="A recent review",
    failure_title="No recent review",
    category=Category.REVIEWS,
    severity=Severity.LOW,
    weight=1,
    platforms=REVIEW_PLATFORMS,
    needs=("reviews", "review_dates"),
    what=f"Days since the newest review shown: warn over {RECENT_DAYS}, fail over "
    f"{STALE_DAYS}. Maps shows its most relevant reviews, not the newest, so a pass is "
    "certain and a warning may mean a newer review exists that Maps did not show.",
    why="Readers trust recent reviews over old ones: an old newest review reads as a place "
    "nobody visits any more (BrightLocal, Local Consumer Review Survey, on review recency).",
    fix="Ask for reviews continuously rather than in one drive: a standing QR code at the "
    "till and a link in every order confirmation.",
    example="Newest review shown: 14 months ago.",
    better="Newest review: 4 days ago.",
    source=f"{BRIGHTLOCAL_REVIEWS}; {RECENT_DAYS} and {STALE_DAYS} days are "
    + OWN
    + "a season without a review reads as quiet, a year without one as closed",
)


@check(REV004)
def reviews_stale(profile: Profile, ctx: CheckContext) -> CheckResult:
    got = _reviews(profile, REV004)
    if isinstance(got, CheckResult):
        return got
    if got.newest_at is None:
        return REV004.na("The input shows no dated reviews.")
    days = max(0, (ctx.now - got.newest_at).days)
    msg = f"The newest review shown is {days} days old ({got.newest_at.date().isoformat()})."
    evidence = [Evidence(field="reviews.newest_at", value=got.newest_at.isoformat())]
    if days > STALE_DAYS:
        return REV004.fail(msg, evidence)
    if days > RECENT_DAYS:
        return REV004.warn(msg, evidence)
    return REV004.passed(msg, evidence)
