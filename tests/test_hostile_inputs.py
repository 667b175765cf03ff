"""Input files are untrusted: a damaged or forged one is a warning or a clean InputError,
never a crash. One test per class of damage the fuzzer (bench/fuzz.py) found."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

import pytest

from audit.documents import Document, load_file, parse_har, parse_json
from audit.errors import InputError
from audit.exports import extract_export, load_export
from audit.model import Platform
from audit.nlp.batch import keywords_jsonl
from audit.pipeline import extract_profile
from audit.platforms import REGISTRY
from audit.platforms.threads import lenient_json
from audit.runner import extract_files

WHEN = datetime(2026, 11, 20, 9, 30, tzinfo=timezone.utc)
FIXTURES = Path(__file__).parent / "fixtures"
DEEP = "[" * 100_000 + "]" * 100_000  # deeper than Python's recursion limit


def test_json_nested_past_the_recursion_limit_is_malformed_json() -> None:
    with pytest.raises(ValueError, match="nested too deeply"):
        parse_json(DEEP)
    assert Document(text=DEEP, kind="json").data is None


def test_a_deeply_nested_api_body_is_a_clean_input_error_not_a_crash(tmp_path: Path) -> None:
    """Nested past the recursion limit, the body is malformed JSON: the file then holds
    nothing readable as a profile, which is bad input naming the file (exit 2), never a
    RecursionError."""
    body = tmp_path / "getProfile.json"
    body.write_text('{"handle": "zarja.si", "labels": ' + DEEP + "}", encoding="utf-8")
    with pytest.raises(InputError, match=r"getProfile\.json: nothing readable"):
        extract_files([body], "bluesky", WHEN)


def test_har_entries_of_the_wrong_shape_are_skipped_and_the_good_one_read() -> None:
    good = {
        "request": {"url": "https://bsky.app/profile/zarja.si"},
        "response": {"status": 200, "content": {"mimeType": "text/html", "text": "<html>hi"}},
    }
    har = {
        "log": {
            "entries": [
                {"response": "not an object"},
                {"response": {"content": ["text"]}},
                {"request": {"url": 42}, "response": {"status": "200", "content": {
                    "mimeType": 7, "text": '{"a": 1}'}}},
                {"request": [], "response": {"status": True, "content": {
                    "mimeType": "application/json", "text": "{}", "encoding": "base64"}}},
                good,
            ]
        }
    }  # fmt: skip
    docs = parse_har(har, path="x.har")
    assert [d.url for d in docs] == [None, "https://bsky.app/profile/zarja.si"]
    assert docs[0].status is None  # "200" is no status; the body is still read
    assert docs[1].status == 200 and docs[1].kind == "html"


def test_a_reader_that_raises_costs_its_document_not_the_profile(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The guard around every extractor: the document it fails on is skipped with a warning
    naming it and the reading that broke, the other documents still make the profile, and
    what they do not show is not observable rather than missing."""
    spec = REGISTRY[Platform.BLUESKY]
    real = spec.extract
    assert real is not None

    def fails_on_poison(docs, ctx):  # type: ignore[no-untyped-def]
        for doc in docs:
            if "poison" in doc.text:
                raise TypeError("'>' not supported between instances of 'list' and 'int'")
        return real(docs, ctx)

    monkeypatch.setitem(REGISTRY, Platform.BLUESKY, replace(spec, extract=fails_on_poison))
    profile_doc = load_file(FIXTURES / "bluesky" / "getProfile_cajnica-zarja.json")[0]
    poison = Document(text='{"feed": "poison"}', kind="json", path="getAuthorFeed.json")
    profile = extract_profile(Platform.BLUESKY, [profile_doc, poison], captured_at=WHEN)
    assert profile.handle == "cajnica-zarja.si"
    assert profile.bio  # read from the good document
    skipped = [w for w in profile.capture.warnings if "getAuthorFeed.json" in w]
    assert len(skipped) == 1 and "skipped, it could not be read (TypeError" in skipped[0]
    assert "'>' not supported" in skipped[0]
    assert "posts" in profile.not_observed  # the feed that would show them was skipped
    assert "bio" not in profile.not_observed  # shown by the good document


def test_export_values_of_the_wrong_type_cost_only_those_values(tmp_path: Path) -> None:
    posts = [
        {"media": [{"uri": ["a.jpg"], "creation_timestamp": "soon", "title": {"x": 1},
                    "media_metadata": {"photo_metadata": {"exif_data": [
                        {"latitude": "46.05", "longitude": float("nan")}]}}}]},
        {"media": "not a list"},
        "not a post",
        {"media": [{"uri": "media/posts/2.jpg", "creation_timestamp": 1732000000,
                    "title": "Kruh #pekarna"}]},
    ]  # fmt: skip
    path = tmp_path / "posts_1.json"
    path.write_text(json.dumps(posts, allow_nan=True), encoding="utf-8")
    profile = extract_export(load_export(path), captured_at=WHEN)
    assert sorted(p.caption or "" for p in profile.posts) == ["", "Kruh #pekarna"]
    broken = next(p for p in profile.posts if p.caption is None)
    assert broken.media[0].url is None and broken.location is None and broken.created_at is None


def test_x_archive_with_wrong_types_keeps_its_handle_a_string(tmp_path: Path) -> None:
    account = tmp_path / "account.js"
    account.write_text(
        'window.YTD.account.part0 = [{"account": {"username": 12, "accountDisplayName": []}}]'
    )
    profile = extract_export(load_export(account), captured_at=WHEN)
    assert profile.handle == "unknown" and profile.display_name is None


@pytest.mark.parametrize(
    ("text", "message"),
    [("keywords = " + "[" * 5000 + "]" * 5000, "nested too deeply"),
     ('tool = "findable"', "no [tool.findable] table")],
)  # fmt: skip
def test_brand_files_that_cannot_be_read_are_input_errors(
    tmp_path: Path, text: str, message: str
) -> None:
    from audit.brandfile import load_brand

    path = tmp_path / ("pyproject.toml" if "tool" in text else "findable.toml")
    path.write_text(text + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=message.replace("[", r"\[").replace(".", r"\.")):
        load_brand(path)


def test_a_deeply_nested_jsonl_line_is_an_input_error_naming_it() -> None:
    lines = ['{"id": 1, "text": "kruh"}', '{"id": 2, "text": ' + DEEP + "}"]
    with pytest.raises(InputError, match="line 2: not valid JSON"):
        list(keywords_jsonl(lines, top=3))


def test_repairing_a_cut_deep_body_gives_up_instead_of_growing() -> None:
    """The Threads repair closes open brackets per cut; nested 100,000 deep and cut short, it
    must end (it used to copy the whole bracket stack at every comma: quadratic)."""
    value, repaired = lenient_json('{"a": ' + "[" * 100_000 + "1" + ",1]" * 50_000)
    assert value is None and repaired


@pytest.mark.parametrize(
    ("context", "where"),
    [({"competitors": "instagram-rival"}, "context.competitors"),
     ({"competitors": [["instagram-rival"]]}, "context.competitors.0"),
     ({"avatars": ["avatar-instagram-x"]}, "context.avatars"),
     ({"brand": {"keywords": 5}}, "context.brand.keywords"),
     ({"brand": "Modra Vrata"}, "context.brand")],
)  # fmt: skip
def test_a_snapshot_context_of_the_wrong_type_is_a_damaged_snapshot(
    tmp_path: Path, context: dict[str, object], where: str
) -> None:
    from audit.snapshot import read_snapshot, write_index

    write_index(tmp_path, [], context)
    with pytest.raises(InputError, match=rf"snapshot\.json is damaged \({where}: .*capture again"):
        read_snapshot(tmp_path)


def test_damaged_history_rows_list_as_damaged_and_load_as_an_input_error(tmp_path: Path) -> None:
    import sqlite3

    from audit import history
    from tests.test_reports_helpers import audit_result, profile_result

    db = tmp_path / "history.sqlite3"
    good = history.record(audit_result([profile_result(score=70.0)], score=70.0), db)
    bad = history.record(audit_result([profile_result(score=40.0)], score=40.0), db)
    with sqlite3.connect(db) as conn:
        conn.execute(
            "UPDATE audits SET generated_at = 'yesterday', score = 'high', profiles = x'ff', "
            "result_json = '{\"profiles\": 3}' WHERE id = ?",
            (bad,),
        )
    rows = {r.id: r for r in history.list_audits(db)}
    assert rows[good].damaged is None and rows[good].score == 70.0
    damaged = rows[bad]
    assert damaged.generated_at is None and damaged.score is None and damaged.profiles == ""
    assert damaged.damaged == "generated_at 'yesterday', score 'high', profiles"
    assert history.load(good, db).score == 70.0
    with pytest.raises(InputError, match=rf"audit #{bad} in the history is damaged"):
        history.load(bad, db)


def test_one_integer_reader_takes_anything_an_input_holds() -> None:
    """Every platform reads counts and sizes through base.int_or_none (six copies before,
    two of which raised on JSON's `Infinity` and one on 'width="abc"')."""
    from audit.platforms.base import int_or_none

    values = [True, -1, 1080.0, 1.5, float("nan"), float("inf"), "²", "9" * 5000, " 12 ",
              "12abc", 2**63, [1080], {"w": 1}, None]  # fmt: skip
    assert [int_or_none(v) for v in values] == [
        None, None, 1080, 1, None, None, None, None, 12, None, 2**63, None, None, None,
    ]  # fmt: skip
    assert int_or_none(json.loads('{"n": Infinity}')["n"]) is None


def test_a_jsonl_lang_that_is_no_language_code_is_an_input_error() -> None:
    lines = ['{"id": 1, "text": "Pekarna v Ljubljani", "lang": "../../etc"}']
    with pytest.raises(InputError, match=r'line 1: "lang" \'../../etc\' is not a language code'):
        list(keywords_jsonl(lines, top=3))
