"""findable's keyword engine: which words is a brand findable for, in any language.

Public API (other layers import only these names from `audit.nlp`):

* `extract_keywords(text, *, lang=None, top=10) -> list[Keyword]`
* `extract_keywords_multi(texts, *, top=10) -> list[Keyword]` -- a brand's many texts
* `extract_keywords_batch(texts, *, lang=None, langs=None, top=10) -> list[list[Keyword]]`
* `detect_language(text, priors=()) -> str` -- ISO 639-1, "xx" when unknown; a short text
  is read in one of `priors` (the author's languages) unless confidently elsewhere
* `text_languages(texts, declared=(), given=()) -> tuple[str, ...]` -- the languages a
  profile's texts are in, main first
* `split_hashtag(tag) -> list[str]` -- "#VeganBakeryLjubljana" -> vegan, bakery, ljubljana
* `normalize_keyword(text, lang=None) -> str` -- comparison form (lemmatized, casefolded)
* `keyword_in(text, keyword, lang=None) -> bool` -- inflection- and case-insensitive match
* `keywords_jsonl(lines, top) -> Iterator[str]` -- `findable keywords --jsonl`
* `get_pipeline(lang) -> Pipeline` -- the cached spaCy pipeline per language

How it is split: `lang` (detection), `pipelines` (spaCy per language, cached), `clean`
(hashtags, URLs, emoji), `candidates` (units and candidate phrases), `rank` (scoring),
`stem` (inflection fallback), `match` (keyword_in), `batch` (JSON lines), `extract`
(the orchestration). Nothing here downloads anything or touches the network.
"""

from .spacy_cli import defer_spacy_cli

defer_spacy_cli()  # before spaCy's first import: its command line loads only if used

from .batch import keywords_jsonl  # noqa: E402
from .clean import split_hashtag  # noqa: E402
from .extract import extract_keywords, extract_keywords_batch, extract_keywords_multi  # noqa: E402
from .lang import detect_language, text_languages  # noqa: E402
from .match import keyword_in, normalize_keyword  # noqa: E402
from .pipelines import Pipeline, get_pipeline  # noqa: E402
from .types import Keyword  # noqa: E402

__all__ = [
    "Keyword",
    "Pipeline",
    "detect_language",
    "extract_keywords",
    "extract_keywords_batch",
    "extract_keywords_multi",
    "get_pipeline",
    "keyword_in",
    "keywords_jsonl",
    "normalize_keyword",
    "split_hashtag",
    "text_languages",
]
