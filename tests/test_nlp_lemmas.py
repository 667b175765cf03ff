"""The lemma index: the same lemmas as spacy-lookups-data's tables, built once, rebuilt when
stale or broken, safe when two processes build it at once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from spacy.lookups import load_lookups
from spacy.util import load_language_data, registry

from audit.nlp.lemmas import CACHE_ENV, build_index, index_path, lemma_lookup

ROOT = Path(__file__).resolve().parent.parent


def _table_value(value: Any) -> str | None:
    """What lemmatization took from spaCy's own table (French lists several lemmas)."""
    if isinstance(value, list):
        return value[0] if value else ""
    return value


def _sample(lang: str, every: int) -> list[str]:
    words = list(load_language_data(registry.lookups.get(lang)["lemma_lookup"]))
    picked = words[::every]
    return [*picked, *(w.capitalize() for w in picked[:200]), "zzqxnotaword", "Bakeries", ""]


@pytest.mark.parametrize(("lang", "every"), [("en", 37), ("fr", 211)])
def test_the_index_gives_the_same_lemmas_as_spacys_table(
    cache: Path, lang: str, every: int
) -> None:
    table = load_lookups(lang, ["lemma_lookup"]).get_table("lemma_lookup")
    index = lemma_lookup(lang)
    assert index is not None
    assert index_path(lang).is_file() and index_path(lang).is_relative_to(cache)
    words = _sample(lang, every)
    assert len(words) > 1000
    differ = [w for w in words if index.get(w) != _table_value(table.get(w))]
    assert differ == []
    assert index.get("bakeries" if lang == "en" else "boulangeries") in ("bakery", "boulangerie")


def test_languages_without_a_table_have_none(cache: Path) -> None:
    assert lemma_lookup("sl") is None
    assert lemma_lookup("xx") is None
    assert not any(cache.rglob("*.sqlite3"))


def test_a_stale_or_broken_index_is_rebuilt(cache: Path) -> None:
    first = lemma_lookup("en")
    assert first is not None and first.get("bakeries") == "bakery"
    path = index_path("en")
    source = Path(str(registry.lookups.get("en")["lemma_lookup"]) + ".gz")
    # Built from another version of the table: its fingerprint no longer matches.
    build_index(source, path, "an older spacy-lookups-data")
    again = lemma_lookup("en")
    assert again is not None and again.get("bakeries") == "bakery"
    assert again.fingerprint() != "an older spacy-lookups-data"
    # A half-written or damaged file is not an index.
    path.write_bytes(b"not a database" * 100)
    third = lemma_lookup("en")
    assert third is not None and third.get("went") == "go"
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temp files left


def test_two_processes_building_at_once_both_get_a_correct_index(cache: Path) -> None:
    script = (
        "from audit.nlp.lemmas import lemma_lookup\n"
        "t = lemma_lookup('fr')\n"
        "print(t.get('boulangeries'), t.get('allées'), t.get('mangé'))\n"
    )
    env = {**os.environ, CACHE_ENV: str(cache)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", script], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    outs = [p.communicate(timeout=600)[0].split() for p in procs]
    assert [p.returncode for p in procs] == [0, 0]
    table = load_lookups("fr", ["lemma_lookup"]).get_table("lemma_lookup")
    expected = [_table_value(table.get(w)) for w in ("boulangeries", "allées", "mangé")]
    assert outs == [expected, expected]
    index = lemma_lookup("fr")
    assert index is not None and index.get("mangé") == expected[2]
    assert [p.name for p in index_path("fr").parent.iterdir()] == [index_path("fr").name]


def test_an_unwritable_cache_falls_back_to_the_table_in_memory(unwritable_cache: Path) -> None:
    table = lemma_lookup("en")
    assert table is not None and table.get("bakeries") == "bakery"


def test_the_unpacked_language_model_ranks_as_the_packaged_one(cache: Path) -> None:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from audit.nlp.langid_model import load_identifier

    packaged = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    texts = ["Pekarna z naravnim kvasom", "Fresh bread daily", "Свежий хлеб", "نان تازه", "kruh"]
    unpacked = load_identifier()
    cached = [p for p in cache.glob("langid-model-*") if p.is_dir()]
    assert len(cached) == 1
    again = load_identifier()  # read back from the cache, the big arrays memory-mapped
    for text in texts:
        assert unpacked.rank(text) == packaged.rank(text) == again.rank(text)
    table = cached[0] / "ptc.npy"
    table.write_bytes(b"damaged")
    assert load_identifier().rank(texts[0]) == packaged.rank(texts[0])
    assert table.stat().st_size > 1000  # unpacked again


def test_the_same_table_installed_elsewhere_shares_the_index(tmp_path: Path) -> None:
    """Every virtualenv shares the cache: another copy of the same table (another path,
    another modification time) must not make them rebuild the index in turn."""
    from audit.nlp.lemmas import _fingerprint

    source = Path(str(registry.lookups.get("en")["lemma_lookup"]) + ".gz")
    copy = tmp_path / "other-venv" / source.name
    copy.parent.mkdir()
    copy.write_bytes(source.read_bytes())
    os.utime(copy, (1, 1))
    assert _fingerprint(copy) == _fingerprint(source)
    copy.write_bytes(source.read_bytes()[:-1])  # a different table
    assert _fingerprint(copy) != _fingerprint(source)
