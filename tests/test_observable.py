"""Verdicts the input cannot support: each input kind declares what it cannot carry
(audit/observable.py), and every output says *not observable* for it with the same reason:
the checks (through `CheckMeta.needs`), the audit, and `findable extract`."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest
from typer.testing import CliRunner

from audit.cli import app
from audit.exports import extract_export, load_export
from audit.model import CaptureInfo, Platform, Profile
from audit.observable import CARRIES, FIELD_WORDS, declare
from audit.pipeline import audit_profiles
from audit.platforms import x
from audit.platforms.base import ExtractContext
from audit.result import Status
from checks import REGISTRY
from tests.realdata import realdata

WHEN = datetime(2026, 11, 20, tzinfo=timezone.utc)


def _check(result_profile: object, check_id: str) -> object:
    return next(c for c in result_profile.checks if c.id == check_id)  # type: ignore[attr-defined]


def test_every_declared_field_is_a_not_observed_key_and_checks_need_them() -> None:
    needed = {n for c in REGISTRY for n in c.meta.needs}
    assert {"category", "alt_text", "geotags", "posts", "bio", "avatar"} <= needed
    for (platform, kind), decl in CARRIES.items():
        assert set(decl.cannot) <= set(FIELD_WORDS), (platform, kind)
        for key in decl.cannot:
            assert decl.reason(key).strip(), (platform, kind, key)


def test_a_field_the_input_did_show_is_observed_whatever_the_table_says() -> None:
    p = Profile(
        platform=Platform.INSTAGRAM,
        handle="bluedoor",
        category="Bakery",
        capture=CaptureInfo(input_kind="export"),
    )
    declare(p)
    assert "category" not in p.not_observed and "alt_text" in p.not_observed


def test_an_extractors_own_reason_is_kept() -> None:
    p = Profile(
        platform=Platform.INSTAGRAM,
        handle="bluedoor",
        capture=CaptureInfo(input_kind="export"),
        not_observed={"alt_text": "the export was cut short"},
    )
    assert declare(p).not_observed["alt_text"] == "the export was cut short"


def test_a_live_capture_declares_nothing() -> None:
    p = Profile(platform=Platform.INSTAGRAM, handle="bluedoor")
    assert declare(p).not_observed == {}


@pytest.mark.realdata
def test_instagram_export_category_and_alt_text_are_not_observable_in_the_audit() -> None:
    path = realdata("instagram", "ig_export_posts_1_Bitsinna_art_2023-2025.json")
    profile = extract_export(load_export(path), captured_at=WHEN)
    result = audit_profiles([profile], brandless())
    (pr,) = result.profiles
    pro003 = _check(pr, "PRO003")
    assert pro003.status is Status.NA  # type: ignore[attr-defined]
    assert "an Instagram data export does not carry a business category" in pro003.message  # type: ignore[attr-defined]
    alt = _check(pr, "ALT001")
    assert alt.status is Status.NA and "alt text" in alt.message  # type: ignore[attr-defined]
    assert not any(c.status is Status.FAIL and "not set" in c.message.lower() for c in pr.checks)


@pytest.mark.realdata
def test_findable_extract_prints_what_the_audit_says(tmp_path: object) -> None:
    path = realdata("instagram", "ig_export_posts_1_Bitsinna_art_2023-2025.json")
    out = CliRunner().invoke(app, ["extract", "--export", str(path), "--captured-at", "2026-11-20"])
    assert out.exit_code == 0, out.output
    images = next(line for line in out.output.splitlines() if line.strip().startswith("images"))
    assert "not observable: an Instagram data export does not carry alt text" in images
    assert "missing" not in images
    category = next(line for line in out.output.splitlines() if "category" in line)
    assert "not observable" in category


@pytest.mark.realdata
def test_x_v1_timeline_category_is_not_observable_graphql_is_judged() -> None:
    from tests.test_platform_x import real, real_cassette

    docs = real_cassette("rtweet_vcr_v1.1_user_timeline_rOpenSci_Bioconductor_2022-11-08.json")
    v1 = x.extract(docs, ExtractContext(captured_at=WHEN))
    assert v1.capture.formats == ["v1.1"]
    declare(v1)
    r = _check(audit_profiles([v1], brandless()).profiles[0], "PRO003")
    assert r.status is Status.NA  # type: ignore[attr-defined]
    assert "v1.1 REST JSON has no professional category field" in r.message  # type: ignore[attr-defined]

    gql = x.extract(real("twscrape_user_by_login_XDevelopers_2026.json"), ExtractContext(WHEN))
    assert gql.capture.formats == ["graphql"]
    assert "category" not in declare(gql).not_observed
    r = _check(audit_profiles([gql], brandless()).profiles[0], "PRO003")
    assert r.status in (Status.PASS, Status.FAIL)  # type: ignore[attr-defined]


def brandless():  # type: ignore[no-untyped-def]
    from audit.model import Brand

    return Brand()


# --- an input of posts only: a page's "more posts" response, a feed without its header -----

_HEADER_CHECKS = ("BIO001", "BIO002", "KEY001", "KEY002", "LNK001", "SHP001", "PRO001", "PRO005")


def _posts_only_page(tmp_path: Path) -> Path:
    """The invented café's logged-out m.facebook.com Page, cut down to its post cards (what
    the Page's 'see more posts' request returns): no name, intro, link or picture."""
    from bs4 import BeautifulSoup

    page = Path(__file__).parent / "fixtures" / "facebook" / "m_page_kavarna.lipa_loggedout.html"
    cards = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml").find_all("article")
    assert cards
    out = tmp_path / "more_posts.html"
    out.write_text("<div>" + "".join(str(c) for c in cards) + "</div>", encoding="utf-8")
    return out


def test_posts_without_their_profile_do_not_fail_the_profile(tmp_path: Path) -> None:
    """Through the CLI as a user runs it: the posts are judged, the profile's own fields are
    *not observable* (before: 'The profile has no bio: Intro is empty', 'No website link')."""
    import json
    import subprocess
    import sys

    full = Path(__file__).parent / "fixtures" / "facebook" / "m_page_kavarna.lipa_loggedout.html"
    verdicts = {}
    for name, path in (("cards", _posts_only_page(tmp_path)), ("page", full)):
        run = subprocess.run(
            [sys.executable, "-m", "audit", "audit", "--from", str(path), "--platform",
             "facebook", "--captured-at", "2026-11-20T09:00Z", "--keywords", "kava,kavarna",
             "--no-history", "--json"],
            capture_output=True, text=True, timeout=300, check=False,
        )  # fmt: skip
        assert run.returncode == 0, run.stderr
        checks = json.loads(run.stdout)["profiles"][0]["checks"]
        verdicts[name] = {c["id"]: c for c in checks}
    cards, page = verdicts["cards"], verdicts["page"]
    for check_id in _HEADER_CHECKS:
        assert cards[check_id]["status"] == "na", cards[check_id]
        assert "posts only" in cards[check_id]["message"], cards[check_id]
    assert cards["KEY005"]["status"] == "na" and "no handle" in cards["KEY005"]["message"]
    assert cards["CAD001"]["status"] != "na" and cards["KEY003"]["status"] != "na"
    # The whole page is judged on the same fields: only the header-less input is spared.
    assert all(page[c]["status"] != "na" for c in ("BIO001", "PRO005", "KEY001"))


@pytest.mark.realdata
def test_real_facebook_more_posts_page_is_not_told_it_has_no_intro() -> None:
    from audit.model import Brand
    from audit.runner import extract_files

    path = realdata("facebook", "m_facebook_Nintendo_page_content_list_more_2021-06-08.html")
    profile = extract_files([path], "facebook", WHEN)
    assert profile.own_posts() and not profile.bio and not profile.display_name
    audited = audit_profiles([profile], Brand()).profiles[0]
    for check_id in ("BIO001", "KEY001", "LNK001", "PRO005", "SHP001"):
        assert _check(audited, check_id).status is Status.NA  # type: ignore[attr-defined]
    assert _check(audited, "ALT001").status is Status.FAIL  # type: ignore[attr-defined]


# --- a page saved with its meta tags only ------------------------------------------------

_META_JUDGED = ("LNK001", "SHP001", "PRO003", "PRO002")


def _audit_checks(paths: list[Path], platform: str) -> dict[str, object]:
    from audit.model import Brand
    from audit.runner import extract_files

    profile = extract_files(paths, platform, WHEN)
    audited = audit_profiles([profile], Brand(keywords=["kruh"])).profiles[0]
    return {c.id: c for c in audited.checks}


def test_a_page_of_meta_tags_does_not_fail_what_meta_tags_never_carry() -> None:
    """The invented bakery's logged-out Instagram page holds only meta tags (its data loads
    later through requests): 'No website link', 'Business category is not set' and 'Profile
    image is 100x100' (og:image is a 100x100 rendition) were verdicts on the file, not the
    profile. With the page's web_profile_info response they are judged again."""
    fixtures = Path(__file__).parent / "fixtures" / "instagram"
    page = fixtures / "profile_page_pekarna.soncek_loggedout.html"
    alone = _audit_checks([page], "instagram")
    for check_id in _META_JUDGED:
        assert alone[check_id].status is Status.NA, alone[check_id]  # type: ignore[attr-defined]
    assert "meta tags" in alone["LNK001"].message  # type: ignore[attr-defined]
    assert alone["BIO001"].status is Status.PASS  # type: ignore[attr-defined]
    full = _audit_checks([page, fixtures / "web_profile_info_pekarna.soncek.json"], "instagram")
    assert all(full[c].status is not Status.NA for c in ("LNK001", "PRO003"))  # type: ignore[attr-defined]


@pytest.mark.realdata
@pytest.mark.parametrize(
    ("folder", "name"),
    [
        ("instagram", "ig_profile_page_pluto__travel_loggedout_2024-12.html"),
        ("threads", "threads_profile_page_joyqiuu_loggedout_2023-07.HEAD_EXCERPT.html"),
    ],
)
def test_real_meta_tag_pages_are_not_told_they_have_no_link(folder: str, name: str) -> None:
    checks = _audit_checks([realdata(folder, name)], folder)
    for check_id in ("LNK001", "SHP001"):
        assert checks[check_id].status is Status.NA, checks[check_id]  # type: ignore[attr-defined]
