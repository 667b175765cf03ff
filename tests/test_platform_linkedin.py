"""LinkedIn company pages: capture plan, extraction from the guest page and the logged-in app,
outcomes, activity-URN dates and LinkedIn's machine alt text.

Our own fixtures (tests/fixtures/linkedin) are an invented Ljubljana coffee roaster written in
the real guest-page structure, plus an authwall page; the realdata tests read real captures
(Audiense 2021/2024, Motion 2025) and skip when they are absent.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from audit.documents import Document, load_file
from audit.model import Outcome, Platform, Post, Profile
from audit.platforms import REGISTRY
from audit.platforms.base import ExtractContext
from audit.platforms.linkedin import capture_plan, extract, is_machine_alt, urn_time
from audit.resolve import resolve
from tests.realdata import realdata

FIXTURES = Path(__file__).parent / "fixtures" / "linkedin"
CAPTURED = datetime(2025, 6, 14, 9, 0, tzinfo=timezone.utc)
AUDIENSE_GUEST = datetime(2024, 10, 5, 9, 0, tzinfo=timezone.utc)  # ≈ the commit date
MOTION = datetime(2025, 4, 8, 12, 0, tzinfo=timezone.utc)
ZLATA = "zlata-lipa-roastery"


def ctx(handle: str | None = None, when: datetime = CAPTURED) -> ExtractContext:
    return ExtractContext(captured_at=when, ref=resolve(f"linkedin:@{handle}") if handle else None)


def fixture(name: str) -> list[Document]:
    return load_file(FIXTURES / name)


def real(*names: str) -> list[Document]:
    return [d for n in names for d in load_file(realdata("linkedin", n))]


def alts(posts: list[Post], source: str) -> int:
    return sum(1 for p in posts for m in p.media if m.kind == "image" and m.alt_source == source)


def domains(profile: Profile) -> set[str]:
    return {urlsplit(link.url).hostname or "" for link in profile.links}


# --------------------------------------------------------------------------- capture plan


def test_capture_plan_guest_page_then_optional_about_and_posts() -> None:
    plan = capture_plan(resolve(f"linkedin:@{ZLATA}"))
    assert [s.url for s in plan.steps] == [
        f"https://www.linkedin.com/company/{ZLATA}/",
        f"https://www.linkedin.com/company/{ZLATA}/about/",
        f"https://www.linkedin.com/company/{ZLATA}/posts/",
    ]
    assert [s.optional for s in plan.steps] == [False, True, True]
    assert plan.steps[0].wait_for == 'script[type="application/ld+json"]'
    assert plan.note and "authwall" in plan.note
    assert REGISTRY[Platform.LINKEDIN].capture_plan is capture_plan


# --------------------------------------------------------------------------- helpers


def test_urn_time_reads_the_creation_time_from_the_id() -> None:
    assert urn_time("urn:li:activity:7247945789950353408") == datetime(
        2024, 10, 4, 12, 28, 56, 645000, tzinfo=timezone.utc
    )
    assert urn_time("urn:li:share:7246442682091208704") is not None
    assert urn_time("urn:li:inAppPromotion:11940") is None
    assert urn_time(None) is None


@pytest.mark.parametrize(
    "text",
    [
        "graphical user interface, application, table, Excel",
        "graphical user interface, application",
        "diagram",
        "a group of people posing for a photo",
    ],
)
def test_linkedin_machine_alt_text(text: str) -> None:
    assert is_machine_alt(text)


@pytest.mark.parametrize(
    "text",
    [
        "Green coffee beans from Guji spread on a wooden roasting tray",
        "Our team at the Ljubljana roastery.",
        "Text: We are hiring a barista!",
        "Kava, pražena v Ljubljani",
        "",
    ],
)
def test_owner_alt_text_is_not_machine(text: str) -> None:
    assert not is_machine_alt(text)


# --------------------------------------------------------------------------- our fixtures


def test_guest_page_of_an_invented_roaster() -> None:
    p = extract(fixture(f"guest_{ZLATA}.html"), ctx(ZLATA))
    assert p.capture.outcome is Outcome.OK
    assert p.handle == ZLATA and p.display_name == "Zlata Lipa Roastery"
    assert p.url == f"https://www.linkedin.com/company/{ZLATA}/"
    assert p.bio is not None and "Obiščite našo pražarno" in p.bio
    assert "\n\n" in p.bio  # the about text keeps its paragraphs
    assert p.category == "Food and Beverage Manufacturing"
    assert domains(p) == {"zlatalipa.si"}
    assert p.location is not None
    assert (p.location.address, p.location.city, p.location.country) == (
        "Trubarjeva cesta 12, 1000",
        "Ljubljana",
        "SI",
    )
    assert p.counts.followers == 1234
    assert p.avatar is not None and (p.avatar.width, p.avatar.is_default) == (200, False)
    assert p.is_business is True
    assert "about-us__description" in p.sources["bio"]

    assert len(p.posts) == 3
    newest, hiring, repost = p.posts
    assert newest.created_at == urn_time("urn:li:activity:7338000000000000000")
    assert not newest.created_at_approx
    assert newest.hashtags == ["kava", "ljubljana"]
    assert newest.url is not None and "activity-7338000000000000000" in newest.url
    assert [m.alt_source for m in newest.media] == ["custom"]
    assert [m.alt_source for m in hiring.media] == ["missing"]  # "No alternative text ..."
    assert repost.is_repost and repost.created_at_approx  # no URN: "1mo" before capture
    assert repost.created_at == datetime(2025, 5, 15, 9, 0, tzinfo=timezone.utc)
    assert [post.id for post in p.own_posts()] == [newest.id, hiring.id]
    assert p.not_observed == {"geotags": "LinkedIn posts carry no location tags"}


def test_guest_page_without_updates_says_posts_are_not_observed() -> None:
    text = (FIXTURES / f"guest_{ZLATA}.html").read_text(encoding="utf-8")
    start, end = text.index('<section class="updates">'), text.index("</section>\n</body>")
    page = Document(text=text[:start] + text[end + len("</section>") :], kind="html")
    p = extract([page], ctx(ZLATA))
    assert p.capture.outcome is Outcome.OK and p.posts == []
    assert "posts" in p.not_observed and "authwall" in p.not_observed["posts"]


def test_authwall_page() -> None:
    p = extract(fixture("authwall.html"), ctx(ZLATA))
    assert p.capture.outcome is Outcome.LOGIN_WALL
    assert p.capture.reason is not None and "--har" in p.capture.reason
    assert p.handle == ZLATA and p.posts == []


def test_authwall_by_redirect_url() -> None:
    doc = Document(
        text="<html><head><title>LinkedIn</title></head><body><h1>Join</h1></body></html>",
        kind="html",
        url="https://www.linkedin.com/authwall?trk=bf&sessionRedirect=https%3A%2F%2Fwww.linkedin.com%2Fcompany%2Fzlata-lipa-roastery%2F",
    )
    p = extract([doc], ctx(ZLATA))
    assert p.capture.outcome is Outcome.LOGIN_WALL


def test_http_999_is_blocked_and_404_is_not_found() -> None:
    blocked = Document(text="<html><body></body></html>", kind="html", status=999)
    assert extract([blocked], ctx(ZLATA)).capture.outcome is Outcome.BLOCKED
    missing = Document(
        text="<html><head><title>Page Not Found | LinkedIn</title></head>"
        "<body><h1>This page doesn’t exist</h1></body></html>",
        kind="html",
        status=404,
    )
    assert extract([missing], ctx(ZLATA)).capture.outcome is Outcome.NOT_FOUND


@pytest.mark.parametrize(
    "doc",
    [
        Document(text="", kind="text"),
        Document(text='{"included": [{"entityUrn": ', kind="text"),
        Document(text='{"included": "nope"}', kind="json"),
        Document(text="<html><body><article></article></body></html>", kind="html"),
        Document(
            text='<html><head><meta property="og:title" content="Kavarna Lipa"></head></html>',
            kind="html",
            url="https://www.facebook.com/kavarna.lipa",
        ),
    ],
)
def test_odd_input_never_crashes(doc: Document) -> None:
    p = extract([doc], ctx())
    assert p.capture.outcome is not Outcome.OK
    assert p.capture.warnings


# --------------------------------------------------------------------------- real captures


def test_real_guest_page_2024() -> None:
    p = extract(real("metascraper_linkedin_company_audiense_guest_2024-10.html"), ctx())
    assert p.capture.outcome is Outcome.OK
    assert p.handle == "audiense" and p.display_name == "Audiense"
    assert p.bio is not None and p.bio.startswith("The Audiense platform combines")
    assert p.category == "Advertising Services"
    assert domains(p) == {"www.audiense.com"}
    assert p.location is not None
    assert (p.location.city, p.location.country) == ("London", "GB")
    assert p.location.address == "Kemp House, EC1V2NX"
    assert p.counts.followers == 5750
    assert p.avatar is not None and p.avatar.width == 200
    assert len(p.posts) == 10
    assert sum(1 for post in p.posts if post.is_repost) == 6  # "Audiense reposted this"
    assert len(p.own_posts()) == 4
    assert p.posts[0].created_at == datetime(2024, 10, 5, 8, 23, 41, 981000, tzinfo=timezone.utc)
    assert not any(post.created_at_approx for post in p.posts)  # every card has its URN
    # LinkedIn's "No alternative text description for this image" on each: none was written.
    assert alts(p.posts, "missing") == 8 and alts(p.posts, "auto") == 0
    assert alts(p.posts, "custom") == 0
    assert p.posts[0].hashtags == ["tech", "AI", "Startup", "SaaS"]
    assert any(post.caption and "Audiense hemos empezado" in post.caption for post in p.posts)


def test_real_logged_in_render_2021() -> None:
    p = extract(real("metascraper_linkedin_company_audiense_loggedin_render_2021-10.html"), ctx())
    assert p.handle == "audiense" and p.display_name == "Audiense"
    assert p.category == "Marketing & Advertising"  # Voyager industry urn -> name
    assert p.counts.followers == 2362  # the top card (Voyager has no count for it here)
    assert p.location is not None
    assert (p.location.address, p.location.city, p.location.country) == (
        "81 Rivington Street",
        "London",
        "GB",
    )
    assert domains(p) == {"www.audiense.com"}
    assert p.avatar is not None and p.avatar.width == 400
    assert "code#" in p.sources["display_name"]  # read from the Voyager JSON
    assert p.posts == [] and "posts" in p.not_observed


def test_real_logged_in_overview_2025() -> None:
    p = extract(
        real("brocc_linkedin_company_motion_overview_loggedin_2025-04.html"), ctx(when=MOTION)
    )
    assert p.handle == "motionapp" and p.display_name == "Motion"
    assert p.category == "Software Development"
    assert p.counts.followers == 7899  # Voyager FollowingState: exact, unlike "8K"
    assert domains(p) == {"www.usemotion.com"}
    assert p.location is not None and p.location.city == "Mountain View"
    assert p.bio is not None and p.bio.startswith("Motion’s AI Project Manager")
    (post,) = p.posts  # the single highlighted update, with no URN on the page
    assert post.created_at_approx and post.created_at == datetime(
        2025, 2, 7, 12, 0, tzinfo=timezone.utc
    )
    assert post.caption is not None and post.caption.startswith("The biggest trap")


def test_real_logged_in_about_2025() -> None:
    p = extract(real("brocc_linkedin_company_motion_about_loggedin_2025-04.html"), ctx(when=MOTION))
    assert p.display_name == "Motion" and p.handle == "motionapp"
    assert p.bio == (
        "Motion’s AI Project Manager maximizes efficiency, eliminates busywork, creates "
        "visibility & accountability, and reduces stress for every team."
    )
    assert domains(p) == {"www.usemotion.com"}
    assert p.category == "Software Development"
    assert p.counts.followers == 8000 and "rounded" in p.sources["counts.followers"]
    assert p.location is not None and p.location.city == "Mountain View"
    assert "posts" in p.not_observed


def test_real_logged_in_posts_2025() -> None:
    p = extract(real("brocc_linkedin_company_motion_posts_loggedin_2025-04.html"), ctx(when=MOTION))
    assert len(p.posts) == 5  # the in-app promotion card is not a post
    assert sum(1 for post in p.posts if post.is_repost) == 3
    assert p.posts[0].id == "7298432490627575809"
    assert p.posts[0].created_at == datetime(2025, 2, 20, 20, 5, 4, 84000, tzinfo=timezone.utc)
    assert p.posts[0].media[0].alt_text == "graphical user interface, application, table, Excel"
    assert alts(p.posts, "auto") == 2 and alts(p.posts, "missing") == 2  # Azure captions / none
    assert alts(p.posts, "custom") == 0
    assert p.bio == "World's only AI project manager. Check out at usemotion.com/teams"  # tagline


def test_real_overview_and_posts_merge_the_highlight() -> None:
    p = extract(
        real(
            "brocc_linkedin_company_motion_overview_loggedin_2025-04.html",
            "brocc_linkedin_company_motion_posts_loggedin_2025-04.html",
        ),
        ctx("motionapp", when=MOTION),
    )
    assert len(p.posts) == 5
    trap = next(post for post in p.posts if (post.caption or "").startswith("The biggest trap"))
    assert trap.id == "7290564023773794304" and not trap.created_at_approx
    assert not p.capture.warnings
