"""Replies (RSP...): comment threads of the newest posts read during capture, and what they
say about whether the brand answers.

Recorded responses shaped like the platforms' public APIs, for invented brands: Mastodon
`statuses/:id/context` (tests/fixtures/mastodon), Bluesky `getPostThread` (the demo's own
bodies). The capture test replays a recorded HAR through real Chromium and the real Mastodon
plan, whose follow-up runs twice (lookup -> statuses -> the comment threads).
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from audit.capture import CaptureOptions, capture
from audit.demo import build
from audit.documents import Document
from audit.model import Engagement, Platform, ProfileRef
from audit.platforms import bluesky, mastodon
from audit.platforms.base import ExtractContext
from audit.platforms.comment_threads import Comment, engagement_from
from audit.result import Status
from audit.snapshot import read_snapshot
from checks.replies import comments_unanswered, replies_slow
from tests.checks_kit import assert_result, make_ctx, make_profile

FIXTURES = Path(__file__).parent / "fixtures" / "mastodon"
API = "https://mastodon.social/api/v1"
LOOKUP = f"{API}/accounts/lookup?acct=bluedoor"
BASE = f"{API}/accounts/113401234567890123"
STATUSES = f"{BASE}/statuses?limit=40&exclude_replies=true"
THREADS = ("114120000000000005", "114090000000000002")
CAPTURED = datetime(2026, 3, 15, 9, 0, tzinfo=timezone.utc)


def fixture(name: str, url: str) -> Document:
    return Document(text=(FIXTURES / name).read_text(encoding="utf-8"), kind="json", url=url)


def mastodon_docs() -> list[Document]:
    return [
        fixture("bluedoor_lookup.json", LOOKUP),
        fixture("bluedoor_statuses_with_replies.json", STATUSES),
        *(fixture(f"bluedoor_context_{t}.json", f"{API}/statuses/{t}/context") for t in THREADS),
    ]


def masto_ref() -> ProfileRef:
    return ProfileRef(
        platform=Platform.MASTODON,
        handle="bluedoor@mastodon.social",
        url=mastodon.profile_url("bluedoor@mastodon.social"),
    )


# --------------------------------------------------------------------------- counting


def at(minutes: float) -> datetime:
    return CAPTURED + timedelta(minutes=minutes)


def test_engagement_counts_comments_by_others_and_direct_brand_replies() -> None:
    threads = {
        "post1": [
            Comment("c1", "post1", False, at(0)),
            Comment("r1", "c1", True, at(30)),
            Comment("r1b", "c1", True, at(90)),  # a second answer: the first one counts
            Comment("c2", "post1", False, at(10)),
            Comment("c3", "c2", False, at(20)),  # others talking among themselves
            Comment("self", "post1", True, at(5)),  # the brand adding to its own post
        ],
        "post2": [Comment("c4", "post2", False, at(0)), Comment("r4", "c4", True, at(120))],
        "post3": [],
    }
    got = engagement_from(threads)
    assert got == Engagement(threads=3, comments_seen=4, replied=2, median_reply_minutes=75.0)
    assert engagement_from({}) is None


# --------------------------------------------------------------------------- Mastodon


def test_mastodon_follow_asks_for_threads_once_the_statuses_are_in() -> None:
    plan = mastodon.capture_plan(masto_ref())
    assert plan.follow is not None
    first = [s.url for s in plan.follow([fixture("bluedoor_lookup.json", LOOKUP)])]
    assert first == [STATUSES, f"{BASE}/featured_tags"]
    docs = [
        fixture("bluedoor_lookup.json", LOOKUP),
        fixture("bluedoor_statuses_with_replies.json", STATUSES),
    ]
    second = plan.follow(docs)
    threads = [s for s in second if s.url.endswith("/context")]
    # newest own statuses with replies only; the boost and the ones nobody answered are left out
    assert [s.url for s in threads] == [f"{API}/statuses/{t}/context" for t in THREADS]
    assert all(s.optional for s in threads)


def test_mastodon_context_gives_engagement() -> None:
    profile = mastodon.extract(mastodon_docs(), ExtractContext(CAPTURED, masto_ref()))
    assert profile.engagement == Engagement(
        threads=2, comments_seen=3, replied=2, median_reply_minutes=801.0
    )
    assert profile.sources["engagement"].startswith("statuses/:id/context x2")
    assert len(profile.posts) == 5  # the comments are not posts
    ctx = make_ctx(Platform.MASTODON)
    assert_result(comments_unanswered(profile, ctx), Status.PASS, 2 / 3, "2 of 3 comments")
    assert_result(replies_slow(profile, ctx), Status.WARN, 0.5, "13.3 hours")


def test_mastodon_without_threads_is_not_observable() -> None:
    docs = mastodon_docs()[:2]
    profile = mastodon.extract(docs, ExtractContext(CAPTURED, masto_ref()))
    assert profile.engagement is None
    result = comments_unanswered(profile, make_ctx(Platform.MASTODON))
    assert_result(result, Status.NA, None, "no comment threads")


# --------------------------------------------------------------------------- Bluesky


def bsky_docs() -> list[Document]:
    ref = ProfileRef(platform=Platform.BLUESKY, handle=build.BSKY_HANDLE, url="")
    feed_url = next(s.url for s in bluesky.capture_plan(ref).steps if "getAuthorFeed" in s.url)
    feed = build.bluesky_feed()
    threads = build.bluesky_threads(feed)
    docs = [
        Document(text=json.dumps(build.bluesky_profile()), kind="json", url=feed_url.replace(
            "app.bsky.feed.getAuthorFeed", "app.bsky.actor.getProfile")),
        Document(text=json.dumps(feed), kind="json", url=feed_url),
    ]  # fmt: skip
    plan = bluesky.capture_plan(ref)
    assert plan.follow is not None
    for step in plan.follow(docs):
        uri = parse_qs(urlsplit(step.url).query)["uri"][0]
        docs.append(Document(text=json.dumps(threads[uri]), kind="json", url=step.url))
    return docs


def test_bluesky_threads_of_the_newest_posts_with_replies() -> None:
    docs = bsky_docs()
    thread_urls = [d.url or "" for d in docs[2:]]
    assert len(thread_urls) == 8  # 12 newest own posts, 8 of them have replies
    assert all("getPostThread" in u and "depth=4" in u for u in thread_urls)
    ref = ProfileRef(platform=Platform.BLUESKY, handle=build.BSKY_HANDLE, url="")
    profile = bluesky.extract(docs, ExtractContext(build.RECORDED_AT, ref))
    assert profile.engagement == Engagement(
        threads=8, comments_seen=12, replied=3, median_reply_minutes=50.0
    )
    assert not any("odgovor" in (p.url or "") for p in profile.posts)  # answers aren't posts
    ctx = make_ctx(Platform.BLUESKY)
    assert_result(comments_unanswered(profile, ctx), Status.WARN, 0.25, "3 of 12 comments")
    assert_result(replies_slow(profile, ctx), Status.PASS, 1.0, "50 minutes")


def test_bluesky_feed_without_replies_means_nothing_to_answer() -> None:
    feed = build.bluesky_feed()
    for item in feed["feed"]:
        item["post"]["replyCount"] = 0
    doc = Document(
        text=json.dumps(feed),
        kind="json",
        url=f"{bluesky.API_BASE}/app.bsky.feed.getAuthorFeed?actor={build.BSKY_HANDLE}",
    )
    ref = ProfileRef(platform=Platform.BLUESKY, handle=build.BSKY_HANDLE, url="")
    plan = bluesky.capture_plan(ref)
    assert plan.follow is not None and plan.follow([doc]) == []
    profile = bluesky.extract([doc], ExtractContext(build.RECORDED_AT, ref))
    assert profile.engagement == Engagement(threads=0, comments_seen=0, replied=0)
    result = comments_unanswered(profile, make_ctx(Platform.BLUESKY))
    assert_result(result, Status.NA, None, "Nobody else commented")


# --------------------------------------------------------------------------- badge


def test_facebook_response_badge_judges_speed_only() -> None:
    page = make_profile(
        Platform.FACEBOOK,
        engagement=Engagement(
            response_badge="Typically replies within a few hours", badge_minutes=180
        ),
    )
    ctx = make_ctx(Platform.FACEBOOK)
    assert_result(replies_slow(page, ctx), Status.WARN, 0.5, "within a few hours")
    assert_result(comments_unanswered(page, ctx), Status.NA, None, "badge")


# --------------------------------------------------------------------------- capture


def _har(entries: list[tuple[str, str]]) -> dict[str, Any]:
    return {
        "log": {
            "version": "1.2",
            "creator": {"name": "findable-tests", "version": "1"},
            "entries": [
                {
                    "startedDateTime": "2026-03-15T09:00:00.000Z",
                    "time": 1,
                    "request": {
                        "method": "GET",
                        "url": url,
                        "httpVersion": "HTTP/1.1",
                        "headers": [],
                        "queryString": [],
                        "cookies": [],
                        "headersSize": -1,
                        "bodySize": 0,
                    },
                    "response": {
                        "status": 200,
                        "statusText": "OK",
                        "httpVersion": "HTTP/1.1",
                        "headers": [{"name": "content-type", "value": "application/json"}],
                        "cookies": [],
                        "content": {
                            "size": len(body),
                            "mimeType": "application/json",
                            "text": body,
                        },
                        "redirectURL": "",
                        "headersSize": -1,
                        "bodySize": len(body),
                    },
                    "cache": {},
                    "timings": {"send": 0, "wait": 1, "receive": 0},
                }
                for url, body in entries
            ],
        }
    }


@pytest.mark.browser
def test_capture_follows_twice_and_records_the_threads(chromium_path: str, tmp_path: Path) -> None:
    recorded = tmp_path / "mastodon.har"
    bodies = [(d.url or "", d.text) for d in mastodon_docs()]
    bodies.append((f"{BASE}/featured_tags", "[]"))
    recorded.write_text(json.dumps(_har(bodies)), encoding="utf-8")
    ref = masto_ref()
    options = CaptureOptions(
        chromium=chromium_path, jitter=0.0, timeout_s=30.0, settle_s=1.0, replay=recorded
    )
    (manifest,) = capture([(ref, mastodon.capture_plan(ref))], tmp_path / "out", options)
    assert manifest.outcome.value == "ok"
    snap = read_snapshot(tmp_path / "out")
    docs = snap.profiles[0].documents()
    urls = {d.url for d in docs}
    assert {f"{API}/statuses/{t}/context" for t in THREADS} <= urls
    profile = mastodon.extract(docs, ExtractContext(CAPTURED, ref))
    assert profile.engagement is not None
    assert (profile.engagement.comments_seen, profile.engagement.replied) == (3, 2)
