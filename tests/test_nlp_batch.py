"""`findable keywords --jsonl`: JSON lines in, JSON lines out, errors name the line."""

from __future__ import annotations

import json

import pytest

from audit.errors import InputError
from audit.nlp import extract_keywords, keywords_jsonl
from tests.test_nlp_samples import EN_BIO, KK_BIO, SL_BIO


def _lines(*objs: object) -> list[str]:
    return [json.dumps(o, ensure_ascii=False) + "\n" for o in objs]


def test_round_trip_in_order_with_and_without_lang() -> None:
    lines = _lines(
        {"id": "a", "text": EN_BIO, "lang": "en"},
        {"id": 2, "text": SL_BIO},
        {"id": "c", "text": KK_BIO, "lang": "kk-KZ"},
        {"id": "d", "text": ""},
    )
    out = [json.loads(line) for line in keywords_jsonl(lines, top=3)]
    assert [o["id"] for o in out] == ["a", 2, "c", "d"]
    assert [o["lang"] for o in out] == ["en", "sl", "kk", "xx"]
    assert all(len(o["keywords"]) == 3 for o in out[:3])
    assert out[3]["keywords"] == []
    first = out[0]["keywords"][0]
    assert set(first) == {"text", "score", "lemma", "lang"}
    expected = extract_keywords(EN_BIO, lang="en", top=3)
    assert [k["text"] for k in out[0]["keywords"]] == [k.text for k in expected]


def test_output_lines_are_single_line_utf8_json() -> None:
    out = list(keywords_jsonl(_lines({"id": 1, "text": KK_BIO}), top=5))
    assert len(out) == 1
    assert "\n" not in out[0]
    assert "наубайхана" in out[0]  # not \u-escaped


def test_blank_lines_are_skipped() -> None:
    lines = ["\n", *_lines({"id": 1, "text": "Fresh sourdough bread"}), "   \n"]
    assert len(list(keywords_jsonl(lines, top=2))) == 1


def test_streams_many_lines_across_chunks() -> None:
    lines = _lines(*({"id": i, "text": f"Sourdough bakery number {i}"} for i in range(1100)))
    out = list(keywords_jsonl(lines, top=1))
    assert [json.loads(o)["id"] for o in out] == list(range(1100))


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("{not json", "not valid JSON"),
        ('["a list"]', "JSON object"),
        ('{"id": 1}', '"text" must be a string'),
        ('{"id": 1, "text": 5}', '"text" must be a string'),
        ('{"text": "no id"}', 'missing "id"'),
        ('{"id": 1, "text": "x", "lang": 7}', '"lang" must be a string'),
    ],
)
def test_bad_line_raises_input_error_naming_the_line(bad: str, message: str) -> None:
    lines = [*_lines({"id": 1, "text": "Fresh bread"}), "\n", bad + "\n"]
    with pytest.raises(InputError) as info:
        list(keywords_jsonl(lines, top=3))
    assert "line 3" in str(info.value)
    assert message in str(info.value)
    assert info.value.exit_code == 2


def test_top_must_be_positive() -> None:
    with pytest.raises(InputError):
        list(keywords_jsonl(_lines({"id": 1, "text": "bread"}), top=0))
