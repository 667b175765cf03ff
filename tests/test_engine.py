"""The engine: selection by ID prefix, safe running, not-captured profiles, the full audit."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

import audit.engine as engine
from audit.engine import NO_KEYWORDS_NOTE, audit, run_brand_checks, run_checks, select_checks
from audit.errors import InputError
from audit.model import Avatar, Brand, CaptureInfo, Link, Outcome, Place, Platform, Profile
from audit.result import Category, CheckResult, Severity, Status
from audit.site import SiteText
from checks.base import Check, CheckContext, CheckMeta, check
from tests.checks_kit import NOW, image, make_ctx, make_profile, post


def ids(checks: list[Check]) -> list[str]:
    return [c.meta.id for c in checks]


class TestSelectChecks:
    def test_default_is_every_profile_check(self) -> None:
        assert ids(select_checks()) == ids(list(engine.REGISTRY))

    def test_select_by_prefix_and_full_id(self) -> None:
        chosen = ids(select_checks(select=["BIO", "ALT001"]))
        assert chosen == ["BIO001", "BIO002", "BIO003", "BIO004", "BIO005", "BIO006", "ALT001"]

    def test_ignore(self) -> None:
        chosen = ids(select_checks(select=["CAD"], ignore=["CAD003"]))
        assert chosen == ["CAD001", "CAD002", "CAD004"]
        assert "CAD003" not in ids(select_checks(ignore=["CAD003"]))

    def test_more_specific_select_beats_ignore(self) -> None:
        assert ids(select_checks(select=["ALT001"], ignore=["ALT"])) == ["ALT001"]
        assert ids(select_checks(select=["ALT"], ignore=["ALT00"])) == []

    def test_comma_lists_any_case_and_all(self) -> None:
        assert ids(select_checks(select=["bio, alt001"])) == ids(
            select_checks(select=["BIO", "ALT001"])
        )
        assert ids(
            select_checks(
                select=["ALL"],
                ignore=[
                    *("PRO", "BIO", "KEY", "ALT", "GEO", "CAD", "LNK", "HSH001", "HSH002"),
                    *("REV", "RSP", "SHP", "VID"),
                ],
            )
        ) == ["HSH003"]

    def test_unknown_prefix_names_it_and_lists_valid_ones(self) -> None:
        with pytest.raises(InputError) as err:
            select_checks(select=["BIO", "XYZ"])
        message = str(err.value)
        assert "'XYZ'" in message
        for prefix in ("ALL", "ALT", "BIO", "CAD", "CON", "GEO", "HSH", "KEY", "LNK", "PRO"):
            assert prefix in message
        with pytest.raises(InputError, match="'BIO999'"):
            select_checks(ignore=["BIO999"])

    def test_brand_level_prefixes_are_valid(self) -> None:
        assert select_checks(select=["CON"]) == []
        assert [c.meta.id for c in engine.select_brand_checks(select=["CON001"])] == ["CON001"]


def _meta(cid: str = "TST001", platforms: frozenset[Platform] | None = None) -> CheckMeta:
    return CheckMeta(
        id=cid,
        slug="test-check",
        title="Test passes",
        failure_title="Test fails",
        category=Category.BIO,
        severity=Severity.LOW,
        weight=1,
        platforms=platforms,
        what="w",
        why="y",
        fix="f",
        example="e",
        source="s",
    )


RAISING_META = _meta("TST001")


@check(RAISING_META)
def raising(profile: Profile, ctx: CheckContext) -> CheckResult:
    raise KeyError("legacy.description")


class TestRunChecks:
    def test_a_raising_check_is_an_error_result(self) -> None:
        [r] = run_checks(make_profile(), make_ctx(), [raising])
        assert r.status is Status.ERROR and r.score is None
        assert "KeyError" in r.message and "legacy.description" in r.message
        assert r.id == "TST001"

    def test_a_check_returning_garbage_is_an_error(self) -> None:
        bad = Check(meta=_meta("TST002"), run=lambda p, c: "ok")  # type: ignore[arg-type,return-value]
        [r] = run_checks(make_profile(), make_ctx(), [bad])
        assert r.status is Status.ERROR and "not a CheckResult" in r.message

    def test_other_platforms_checks_are_na(self) -> None:
        only_x = Check(meta=_meta("TST003", frozenset({Platform.X})), run=raising.run)
        [r] = run_checks(make_profile(Platform.TIKTOK), make_ctx(Platform.TIKTOK), [only_x])
        assert r.status is Status.NA and r.message == "Not applicable on TikTok."

    def test_not_captured_profile_is_all_na_with_reason(self) -> None:
        p = make_profile(
            capture=CaptureInfo(outcome=Outcome.LOGIN_WALL, reason="Instagram asked to log in")
        )
        results = run_checks(p, make_ctx(), [raising, *select_checks()])
        assert {r.status for r in results} == {Status.NA}
        assert all(r.score is None for r in results)
        said = "Not read (stopped by a login wall): Instagram asked to log in."
        assert results[0].message == said

    def test_results_keep_check_order(self) -> None:
        chosen = select_checks(select=["BIO001", "PRO001"])
        assert [r.id for r in run_checks(make_profile(), make_ctx(), chosen)] == [
            "PRO001",
            "BIO001",
        ]


def good_instagram() -> Profile:
    return make_profile(
        display_name="Blue Door Bakery · Sourdough",
        bio="Sourdough bakery in East Austin 🥖\nFresh loaves daily 7–2 · Order for pickup ↓",
        category="Bakery",
        avatar=Avatar(url="https://cdn.example/logo.jpg", width=1080, height=1080),
        links=[Link(url="https://bluedoorbakery.com/?utm_source=instagram")],
        posts=[
            post(
                i,
                2 * i + 1,
                f"Fresh sourdough loaf no. {i}",
                hashtags=["sourdough"],
                media=[image(f"Round sourdough loaf number {i} on the counter")],
            )
            for i in range(12)
        ],
    )


BRAND = Brand(name="Blue Door Bakery", keywords=["sourdough", "bakery"], location="Austin, TX")

SITE = SiteText(
    url="https://bluedoorbakery.com/",
    title="Blue Door Bakery | Sourdough bakery in East Austin",
    description="Sourdough loaves, pastries and birthday cakes, baked daily in East Austin.",
    headings=["Our sourdough", "Visit the bakery"],
    lang="en",
)


def rival_instagram() -> Profile:
    """A well-kept competitor with 'Bakery' in its name field."""
    return good_instagram().model_copy(
        update={
            "handle": "rivalbakery",
            "display_name": "Rival Bakeries Austin",
            "bio": "Croissants and sourdough in Austin\nOrder ahead ↓",
        }
    )


def crumb_tiktok() -> Profile:
    """A thin competitor on another platform."""
    return make_profile(
        Platform.TIKTOK,
        handle="crumbandco",
        display_name="Crumb & Co",
        posts=[post(1, 3, "Vegan croissants, gluten-free too", location=Place(city="Austin"))],
    )


class TestAudit:
    def test_full_audit(self) -> None:
        blocked = make_profile(
            Platform.TIKTOK,
            handle="bdb",
            capture=CaptureInfo(outcome=Outcome.BLOCKED, reason="captcha"),
        )
        result = audit([good_instagram(), blocked], BRAND, tool_version="9.9", generated_at=NOW)
        ig, tt = result.profiles
        assert ig.score is not None and ig.score >= 80 and ig.band in ("good", "needs-work")
        assert ig.profile.handle == "bluedoorbakery"
        assert {c.id for c in ig.categories} >= {Category.KEYWORDS, Category.BIO}
        assert tt.score is None and tt.band is None and tt.outcome is Outcome.BLOCKED
        assert tt.reason == "captcha"
        assert all(r.status is Status.NA for r in tt.checks)
        assert result.score == ig.score  # the not-captured profile is left out, not a 0
        assert result.keywords == ["sourdough", "bakery"] and not result.keywords_proposed
        assert any("TikTok @bdb (blocked by the platform)" in n for n in result.notes)
        assert [r.id for r in result.brand_checks] == [
            "KEY006",
            "CON001",
            "CON002",
            "CON003",
            "CON004",
            "VID002",
        ]
        assert result.tool_version == "9.9" and result.brand == "Blue Door Bakery"

    def test_replay_is_byte_for_byte_identical(self) -> None:
        a = audit([good_instagram()], BRAND, tool_version="1", generated_at=NOW)
        b = audit([good_instagram()], BRAND, tool_version="1", generated_at=NOW)
        assert a.model_dump_json() == b.model_dump_json()

    def test_profiles_are_judged_at_their_capture_time(self) -> None:
        p = good_instagram()
        later = p.model_copy(update={"capture": CaptureInfo(captured_at=NOW + timedelta(days=90))})
        result = audit([p, later], BRAND, tool_version="1", generated_at=NOW)
        cad = [next(r for r in pr.checks if r.id == "CAD001") for pr in result.profiles]
        assert cad[0].status is Status.PASS
        assert cad[1].status is Status.FAIL and "91 days ago" in cad[1].message

    def test_without_capture_time_generated_at_is_now_and_naive_means_utc(self) -> None:
        p = good_instagram().model_copy(update={"capture": CaptureInfo()})
        naive = datetime(2025, 6, 1, 12, 0)
        result = audit([p], BRAND, tool_version="1", generated_at=naive)
        assert result.generated_at == NOW
        cad = next(r for r in result.profiles[0].checks if r.id == "CAD001")
        assert "1 days ago" in cad.message

    def test_no_keywords_and_nothing_to_propose_means_manual_checks_and_a_note(self) -> None:
        result = audit([make_profile()], Brand(), tool_version="1", generated_at=NOW)
        checks = {r.id: r for r in result.profiles[0].checks}
        for cid in ("KEY001", "KEY002", "KEY003", "KEY007", "HSH003"):
            assert checks[cid].status is Status.MANUAL
        assert NO_KEYWORDS_NOTE in result.notes
        assert result.brand_checks[0].status is Status.MANUAL
        assert result.keywords == [] and not result.keywords_proposed
        assert result.discoverability is None

    def test_without_keywords_they_are_proposed_from_the_site_and_profiles(self) -> None:
        result = audit([good_instagram()], Brand(), tool_version="1", generated_at=NOW, site=SITE)
        assert result.keywords_proposed and 3 <= len(result.keywords) <= 6
        assert "sourdough" in result.keywords
        note = next(n for n in result.notes if "proposed" in n)
        assert "website" in note and "proposed; confirm with --keywords or the brand file" in note
        key006 = result.brand_checks[0]
        assert key006.id == "KEY006" and key006.status is Status.MANUAL
        assert "confirm with --keywords or the brand file" in key006.message
        checks = {r.id: r for r in result.profiles[0].checks}
        assert checks["KEY007"].status is Status.PASS
        disc = result.discoverability
        assert disc is not None and disc.proposed and disc.keywords == result.keywords

    def test_proposed_keywords_are_flagged(self) -> None:
        result = audit(
            [good_instagram()],
            Brand(),
            tool_version="1",
            generated_at=NOW,
            keywords=["sourdough"],
            keywords_proposed=True,
        )
        assert result.keywords_proposed and result.keywords == ["sourdough"]
        assert any("proposed" in n for n in result.notes)

    def test_selection_from_brand_and_arguments(self) -> None:
        brand = BRAND.model_copy(update={"select": ["BIO"], "ignore": ["BIO005"]})
        result = audit([good_instagram()], brand, tool_version="1", generated_at=NOW)
        assert [r.id for r in result.profiles[0].checks] == [
            "BIO001",
            "BIO002",
            "BIO003",
            "BIO004",
            "BIO006",
        ]
        assert result.brand_checks == []
        result = audit(
            [good_instagram()], brand, tool_version="1", generated_at=NOW, select=["CAD001"]
        )
        assert [r.id for r in result.profiles[0].checks] == ["CAD001"]

    def test_brand_weights_apply(self) -> None:
        brand = BRAND.model_copy(update={"weights": {"CAD001": 7}})
        result = audit([good_instagram()], brand, tool_version="1", generated_at=NOW)
        assert next(r for r in result.profiles[0].checks if r.id == "CAD001").weight == 7
        with pytest.raises(InputError, match="unknown weight key"):
            audit(
                [good_instagram()], Brand(weights={"vibes": 1}), tool_version="1", generated_at=NOW
            )

    def test_a_raising_check_does_not_crash_the_audit(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(engine, "REGISTRY", (raising, *engine.REGISTRY))
        result = audit([good_instagram()], BRAND, tool_version="1", generated_at=NOW)
        first = result.profiles[0].checks[0]
        assert first.id == "TST001" and first.status is Status.ERROR
        assert result.profiles[0].score is not None

    def test_nothing_captured_scores_nothing(self) -> None:
        p = make_profile(capture=CaptureInfo(outcome=Outcome.NOT_FOUND))
        result = audit([p], BRAND, tool_version="1", generated_at=NOW)
        assert result.score is None and result.band is None
        assert result.profiles[0].reason is None
        assert result.profiles[0].checks[0].message == "Not read (profile not found)."


class TestCompetitors:
    def test_checked_and_scored_but_not_in_the_brand_score(self) -> None:
        alone = audit([good_instagram()], BRAND, tool_version="1", generated_at=NOW)
        weak = make_profile(handle="weakrival", display_name="Weak")
        result = audit(
            [good_instagram()],
            BRAND,
            tool_version="1",
            generated_at=NOW,
            competitors=[weak, rival_instagram()],
        )
        assert result.score == alone.score
        assert [p.handle for p in result.profiles] == ["bluedoorbakery"]
        assert [p.handle for p in result.competitors] == ["weakrival", "rivalbakery"]
        weak_result, rival_result = result.competitors
        assert weak_result.score is not None and rival_result.score is not None
        assert weak_result.score < 50 < rival_result.score
        assert {r.id for r in rival_result.checks} == {r.id for r in result.profiles[0].checks}
        # Brand-level checks compare the brand's own profiles only.
        con001 = next(r for r in result.brand_checks if r.id == "CON001")
        assert "rivalbakery" not in con001.message

    def test_the_simulated_search(self) -> None:
        result = audit(
            [good_instagram()],
            BRAND,
            tool_version="1",
            generated_at=NOW,
            keywords=["bakery", "croissants"],
            competitors=[rival_instagram(), crumb_tiktok()],
        )
        disc = result.discoverability
        assert disc is not None and not disc.proposed
        assert disc.keywords == ["bakery", "croissants"]
        handles = [(c.keyword, c.handle, c.competitor) for c in disc.cells]
        assert handles == [
            ("bakery", "bluedoorbakery", False),
            ("bakery", "rivalbakery", True),
            ("bakery", "crumbandco", True),
            ("croissants", "bluedoorbakery", False),
            ("croissants", "rivalbakery", True),
            ("croissants", "crumbandco", True),
        ]
        # Only Instagram has both the brand and a competitor.
        assert [(r.keyword, r.platform, r.rank, r.of) for r in disc.rankings] == [
            ("bakery", Platform.INSTAGRAM, 1, 2),
            ("croissants", Platform.INSTAGRAM, None, 2),
        ]
        assert [r.sentence for r in disc.rankings] == [
            "For 'bakery' you rank 1st of 2 on Instagram, with it in your name field, handle and "
            "bio; next is @rivalbakery, with it in its name field and handle.",
            "For 'croissants' you do not show up on Instagram (1 of 2 profiles there do): "
            "nothing on your profile carries it; @rivalbakery has it in its bio.",
        ]
        assert disc.suggestions and "croissants" not in disc.suggestions
        by = disc.suggested_by
        assert all(h.startswith("@") and h.endswith(")") for hs in by.values() for h in hs)

    def test_a_competitor_that_could_not_be_read(self) -> None:
        lost = make_profile(
            handle="hiddenrival", capture=CaptureInfo(outcome=Outcome.LOGIN_WALL, reason="wall")
        )
        result = audit(
            [good_instagram()], BRAND, tool_version="1", generated_at=NOW, competitors=[lost]
        )
        assert result.competitors[0].score is None
        assert "1 of 1 competitor profiles could not be read: Instagram @hiddenrival" in (
            " ".join(result.notes)
        )
        assert result.discoverability is not None
        assert result.discoverability.rankings == []
        assert all(c.handle != "hiddenrival" for c in result.discoverability.cells)

    def test_deterministic(self) -> None:
        def run() -> str:
            return audit(
                [good_instagram()],
                Brand(name="Blue Door Bakery"),
                tool_version="1",
                generated_at=NOW,
                competitors=[rival_instagram(), crumb_tiktok()],
                site=SITE,
            ).model_dump_json()

        assert run() == run()


def test_run_brand_checks_leaves_out_not_captured_profiles() -> None:
    ok = make_profile(handle="bluedoorbakery")
    other = make_profile(Platform.X, handle="bdb_austin")
    lost = make_profile(Platform.TIKTOK, handle="zzz", capture=CaptureInfo(outcome=Outcome.PRIVATE))
    results = {r.id: r for r in run_brand_checks([ok, other, lost], BRAND)}
    assert results["CON001"].status is Status.WARN
    assert "zzz" not in results["CON001"].message
    assert results["KEY006"].status is Status.PASS


_REPLAY_SCRIPT = """
from tests.test_engine import BRAND, NOW, SITE, crumb_tiktok, good_instagram, rival_instagram
from audit.engine import audit
from audit.model import Brand, Platform
from tests.checks_kit import make_profile
profiles = [good_instagram(), make_profile(Platform.X, handle="bdb_atx", display_name="BDB")]
rivals = [rival_instagram(), crumb_tiktok()]
print(audit(profiles, BRAND, tool_version="1", generated_at=NOW).model_dump_json())
print(audit(profiles, Brand(), tool_version="1", generated_at=NOW, competitors=rivals,
            site=SITE).model_dump_json())
"""


def test_output_does_not_depend_on_hash_seed() -> None:
    """Set iteration order changes with PYTHONHASHSEED; a replay must not."""
    root = Path(__file__).resolve().parent.parent
    outputs = {
        subprocess.run(
            [sys.executable, "-c", _REPLAY_SCRIPT],
            cwd=root,
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1 and '"score"' in next(iter(outputs))


def test_an_exception_without_a_message_still_names_its_type() -> None:
    r = RAISING_META.error(ValueError())
    assert r.status is Status.ERROR and r.message == "Check raised ValueError"


def test_every_capture_outcome_is_said_in_plain_words() -> None:
    from audit.model import Outcome

    said = {o: o.words for o in Outcome}
    assert len(set(said.values())) == len(said)  # no two outcomes read alike
    for outcome, words in said.items():
        assert words and "_" not in words and words == words.strip(), outcome
