"""`findable keywords --jsonl FILE --top K`: JSON lines in, JSON lines out.

Input lines are `{"id": ..., "text": "...", "lang": "xx"?}`; each produces one output line
`{"id": ..., "lang": "...", "keywords": [{"text", "score", "lemma", "lang"}, ...]}` in the
same order. Lines are read in chunks and each chunk is run through `nlp.pipe` per language,
so a large file streams in bounded memory at batch speed. Blank lines are skipped; a line
that is not a JSON object with a string "text" raises `InputError` naming its line number
(1-based, as editors count), before any later line is processed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from audit.documents import parse_json
from audit.errors import InputError

from .extract import extract_keywords_batch
from .lang import detect_language
from .pipelines import normalize_lang

__all__ = ["keywords_jsonl"]

_CHUNK = 512
_LANG_CODE = re.compile(r"[a-z]{2,3}")  # the primary subtag normalize_lang leaves (ISO 639)


def _parse(line: str, lineno: int) -> tuple[Any, str, str]:
    """(id, text, lang) of one input line, or InputError saying what is wrong with it."""
    try:
        obj = parse_json(line)
    except ValueError as exc:
        raise InputError(f"line {lineno}: not valid JSON ({getattr(exc, 'msg', exc)})") from None
    if not isinstance(obj, dict):
        raise InputError(f'line {lineno}: expected a JSON object with "id" and "text"')
    text = obj.get("text")
    if not isinstance(text, str):
        raise InputError(f'line {lineno}: "text" must be a string')
    if "id" not in obj:
        raise InputError(f'line {lineno}: missing "id"')
    lang = obj.get("lang")
    if lang is not None and not isinstance(lang, str):
        raise InputError(f'line {lineno}: "lang" must be a string such as "en"')
    if not lang:
        return obj["id"], text, detect_language(text)
    code = normalize_lang(lang)
    if not _LANG_CODE.fullmatch(code):
        raise InputError(
            f'line {lineno}: "lang" {lang[:40]!r} is not a language code such as "en" or "pt-BR"'
        )
    return obj["id"], text, code


def _run(chunk: list[tuple[Any, str, str]], top: int) -> Iterator[str]:
    results = extract_keywords_batch(
        [text for _, text, _ in chunk], langs=[code for _, _, code in chunk], top=top
    )
    for (doc_id, _, code), keywords in zip(chunk, results, strict=True):
        yield json.dumps(
            {"id": doc_id, "lang": code, "keywords": [k.to_dict() for k in keywords]},
            ensure_ascii=False,
        )


def keywords_jsonl(lines: Iterable[str], top: int) -> Iterator[str]:
    """One output JSON line (no trailing newline) per non-blank input line, in order."""
    if top < 1:
        raise InputError("--top must be at least 1")
    chunk: list[tuple[Any, str, str]] = []
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        chunk.append(_parse(line, lineno))
        if len(chunk) >= _CHUNK:
            yield from _run(chunk, top)
            chunk = []
    if chunk:
        yield from _run(chunk, top)
