"""Fixes ready to paste: built from the audited profile's own words, within its platform's
limits, never naming another business and never inventing a word."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from audit.discover import fold
from audit.model import Brand, Link, Platform
from audit.pipeline import audit_profiles
from audit.platforms.rules import rules_for
from audit.result import Status, Suggestion
from checks import get
from checks.common import text_length
from checks.hashtags import GENERIC_HASHTAGS
from checks.suggest import (
    alt_drafts,
    bio_proposal,
    enrich,
    hashtag_set,
    name_proposal,
    one_line_why,
    tracked_url,
)
from tests.checks_kit import image, make_ctx, make_profile, post

KEYWORDS = ("sourdough", "bakery", "pekarna", "ljubljana")
BIO = "Pekarna z naravnim kvasom v centru Ljubljane\nOdprto vsak dan 7–19"


def _bakery(platform: Platform = Platform.INSTAGRAM, **fields: object):  # type: ignore[no-untyped-def]
    fields.setdefault("handle", "modravrata.bakery")
    fields.setdefault("display_name", "Modra Vrata")
    fields.setdefault("bio", BIO)
    fields.setdefault(
        "posts",
        [
            post(1, 1, "Sourdough loaf fresh from the oven. #sourdough #love", media=[image()]),
            post(2, 3, "🥐 Rogljički s kardamomom, samo ob sobotah! #pekarna", media=[image()]),
            post(3, 5, "#rye", media=[image("Rye loaf on a wooden board", "custom")]),
        ],
    )
    return make_profile(platform, **fields)


def _ctx(platform: Platform = Platform.INSTAGRAM, **brand: object):  # type: ignore[no-untyped-def]
    brand.setdefault("name", "Modra Vrata")
    brand.setdefault("location", "Ljubljana, Slovenia")
    return make_ctx(platform, keywords=KEYWORDS, **brand)


def _words(text: str) -> set[str]:
    return {fold(w) for w in re.findall(r"\w+", text)}


def _allowed(profile, ctx) -> set[str]:  # type: ignore[no-untyped-def]
    """Every word the brand wrote, its brand file holds, or its keywords are."""
    texts = [profile.display_name or "", profile.bio or "", ctx.brand.name or ""]
    texts += [ctx.brand.location or "", *ctx.keywords]
    texts += [p.caption or "" for p in profile.posts]
    texts += [t for p in profile.posts for t in p.hashtags]
    return set().union(*(_words(t) for t in texts))


def test_name_proposal_names_this_business_and_fits_instagram() -> None:
    profile, ctx = _bakery(), _ctx()
    found = name_proposal(profile, ctx)
    assert found is not None and found.kind == "name"
    assert found.text.startswith("Modra Vrata | ")
    assert found.length == len(found.text) <= 30 and found.limit == 30
    # the owner's own lead word first: the bio starts with 'Pekarna'
    assert found.text.split(" | ")[1].startswith("Pekarna")
    assert _words(found.text) <= _allowed(profile, ctx)


def test_name_proposal_uses_the_room_a_platform_gives() -> None:
    profile, ctx = _bakery(Platform.BLUESKY), _ctx(Platform.BLUESKY)
    found = name_proposal(profile, ctx)
    assert found is not None and found.limit == rules_for(Platform.BLUESKY).name_max == 64
    assert found.text == "Modra Vrata | Pekarna · Sourdough"


def test_name_proposal_is_none_when_nothing_fits() -> None:
    long_name = "Pekarna in slaščičarna Modra Vrata"  # 34 characters: over 30 already
    assert name_proposal(_bakery(display_name=long_name), _ctx()) is None


def test_bio_proposal_keeps_the_owner_text_and_leads_with_what_is_missing() -> None:
    profile, ctx = _bakery(), _ctx()
    found = bio_proposal(profile, ctx)
    assert found is not None and found.kind == "bio"
    first, rest = found.text.split("\n", 1)
    assert rest == BIO  # the owner's text, untouched
    assert "Sourdough" in first and "bakery" in first  # missing keywords lead
    assert "Ljubljana" not in first  # the bio already says 'Ljubljane'
    assert found.length == text_length(found.text, ctx.rules) <= 150
    assert _words(found.text) <= _allowed(profile, ctx)


def test_bio_proposal_adds_the_city_and_fits_the_limit() -> None:
    ctx = make_ctx(Platform.INSTAGRAM, keywords=("sourdough",), name="Modra Vrata",
                   location="Ljubljana, Slovenia")  # fmt: skip
    short = _bakery(bio="Kruh iz krušne peči")
    found = bio_proposal(short, ctx)
    assert found is not None and found.text == "Sourdough · Ljubljana\nKruh iz krušne peči"
    # 130 characters of owner's text: the keyword stays, the city gives way
    bio = ("Kruh iz krušne peči\n" + "Naročila po telefonu ali v trgovini. " * 3).strip()
    found = bio_proposal(_bakery(bio=bio), ctx)
    assert found is not None and found.text == f"Sourdough\n{bio}" and found.note is None
    # 145 characters: even the keyword alone does not fit, so the owner's last line gives way
    # and the note says so
    longer = bio + " Hvala!!!!!!"
    assert text_length(longer, ctx.rules) > 140
    found = bio_proposal(_bakery(bio=longer), ctx)
    assert found is not None and found.length <= 150
    assert found.text.splitlines()[0].startswith("Sourdough")
    assert found.text.endswith("Kruh iz krušne peči")
    assert found.note and "left out" in found.note


def test_tracked_url_is_tagged_for_that_platform() -> None:
    url = tracked_url("modravrata.si/narocila?lang=sl&utm_source=instagram", "bluesky")
    parts = urlsplit(url)
    query = parse_qs(parts.query)
    assert parts.scheme == "https" and parts.netloc == "modravrata.si"
    assert query["utm_source"] == ["bluesky"] and query["utm_medium"] == ["social"]
    assert query["lang"] == ["sl"]


def test_link_fix_on_bluesky_says_bluesky() -> None:
    profile = _bakery(Platform.BLUESKY, links=[Link(url="https://modravrata.si/")])
    result = audit_profiles([profile], Brand(name="Modra Vrata", keywords=list(KEYWORDS)))
    lnk = next(c for c in result.profiles[0].checks if c.id == "LNK003")
    assert lnk.status is Status.WARN
    assert "utm_source=bluesky" in (lnk.fix or "") and "instagram" not in (lnk.fix or "")
    assert [s.kind for s in lnk.suggestions] == ["link"]
    assert "utm_source=bluesky" in lnk.suggestions[0].text


def test_hashtag_set_is_specific_local_and_within_the_guide() -> None:
    for platform in (Platform.INSTAGRAM, Platform.X):
        profile, ctx = _bakery(platform), _ctx(platform)
        found = hashtag_set(profile, ctx)
        assert found is not None and found.kind == "hashtags"
        tags = found.text.split()
        guide = ctx.rules.hashtag_guide_max
        assert guide is not None and len(tags) <= guide
        assert all(t.startswith("#") for t in tags)
        assert "#ljubljana" in tags  # one local tag always
        assert not {fold(t[1:]) for t in tags} & GENERIC_HASHTAGS  # never #love
        assert _words(found.text.replace("#", " ")) <= _allowed(profile, ctx)


def test_alt_drafts_come_from_captions_and_are_marked_drafts() -> None:
    profile, ctx = _bakery(), _ctx()
    drafts = alt_drafts(profile, ctx)
    # two posts lack alt text you wrote; the third has its own
    assert [d.kind for d in drafts] == ["alt_text", "alt_text"]
    assert all(d.draft and d.note and "photo" in d.note for d in drafts)
    assert drafts[0].text == "Sourdough loaf fresh from the oven."
    assert drafts[1].text == "Rogljički s kardamomom, samo ob sobotah!"  # no emoji, no tags
    assert drafts[0].url == "https://www.instagram.com/p/1/"
    for d in drafts:
        assert _words(d.text) <= _allowed(profile, ctx)


def test_a_post_without_a_caption_gets_no_invented_draft() -> None:
    profile = _bakery(
        posts=[post(1, 1, None, media=[image()]), post(2, 2, "#tbt", media=[image()])]
    )
    assert alt_drafts(profile, _ctx()) == []


def test_why_is_one_line_without_its_citations() -> None:
    why = get("LNK003").meta.why
    line = one_line_why(why)
    assert line.endswith("brought them.") and "Analytics Help" not in line
    assert line.startswith("Without UTM codes")
    dormant = one_line_why(get("CAD001").meta.why)
    assert "checks.md" not in dormant


def test_engine_attaches_suggestions_and_a_fix_naming_the_business() -> None:
    profile = _bakery()
    result = audit_profiles(
        [profile], Brand(name="Modra Vrata", keywords=list(KEYWORDS), location="Ljubljana")
    )
    key001 = next(c for c in result.profiles[0].checks if c.id == "KEY001")
    assert key001.status is Status.FAIL
    assert key001.why and "Mosseri" not in key001.why
    assert key001.fix and "Modra Vrata |" in key001.fix and "Blue Door" not in key001.fix
    assert [s.kind for s in key001.suggestions] == ["name"]
    # passed and unjudged checks carry neither
    for check in result.profiles[0].checks:
        if check.status not in (Status.FAIL, Status.WARN):
            assert not check.suggestions and check.why is None
    # round trip through the report contract
    again = type(result).model_validate_json(result.model_dump_json())
    assert again.profiles[0].checks == result.profiles[0].checks


def test_enrich_leaves_passed_results_alone() -> None:
    meta = get("KEY001").meta
    passed = meta.passed("Name 'Modra Vrata · Pekarna' contains pekarna.")
    assert enrich(passed, meta, _bakery(), _ctx()) == passed


def test_suggestion_schema_is_additive() -> None:
    schema = Suggestion.model_json_schema()
    assert {"kind", "label", "text", "length"} <= set(schema["required"])


def test_bio_and_hashtag_fixes_name_this_profile_not_an_example() -> None:
    generic = [
        post(i, i, f"Monday mood {i} #love #instagood #foodie", media=[image("A loaf", "custom")])
        for i in range(1, 5)
    ]
    profile = _bakery(bio="Dobro jutro ✨", posts=generic)
    result = audit_profiles(
        [profile], Brand(name="Modra Vrata", keywords=list(KEYWORDS), location="Ljubljana")
    )
    by_id = {c.id: c for c in result.profiles[0].checks}
    key002, hsh002 = by_id["KEY002"], by_id["HSH002"]
    assert key002.status is Status.FAIL and hsh002.status is Status.WARN
    assert "Austin" not in (key002.fix or "") and "150 characters" in (key002.fix or "")
    bio = key002.suggestions[0]
    assert bio.kind == "bio" and bio.text.endswith("\nDobro jutro ✨")
    tags = hsh002.suggestions[0]
    assert tags.text in (hsh002.fix or "") and "#ljubljana" in tags.text
    assert "austin" not in (hsh002.fix or "").lower()
