"""Inputs become Documents: HARs, saved pages, API JSON; bad files get clear errors."""

from __future__ import annotations

import base64
import gzip
import json
from pathlib import Path

import pytest

from audit.documents import load_file, load_har
from audit.errors import InputError


def _har(entries: list[dict]) -> dict:
    return {"log": {"version": "1.2", "entries": entries}}


def _entry(url: str, mime: str, text: str, *, b64: bool = False) -> dict:
    content: dict = {"mimeType": mime, "text": text}
    if b64:
        content = {"mimeType": mime, "text": base64.b64encode(text.encode()).decode(),
                   "encoding": "base64"}  # fmt: skip
    return {"request": {"url": url}, "response": {"status": 200, "content": content}}


def test_har_keeps_html_and_json_bodies_only(tmp_path: Path) -> None:
    path = tmp_path / "capture.har"
    path.write_text(json.dumps(_har([
        _entry("https://example.com/p", "text/html; charset=utf-8", "<html><title>x</title>"),
        _entry("https://example.com/api", "application/json", '{"bio": "Pekarna"}', b64=True),
        _entry("https://example.com/app.js", "application/javascript", "var a = 1;"),
        _entry("https://example.com/logo.png", "image/png", "iVBORw0KGgo="),
        _entry("https://example.com/x", "text/javascript", '{"data": [1]}'),
    ])))  # fmt: skip
    docs = load_har(path)
    assert [(d.url, d.kind) for d in docs] == [
        ("https://example.com/p", "html"),
        ("https://example.com/api", "json"),
        ("https://example.com/x", "json"),
    ]
    assert docs[1].data == {"bio": "Pekarna"}
    assert all(d.origin == "har" and d.path == str(path) for d in docs)


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("", "is empty"),
        ("{not json", "not valid HAR/JSON"),
        ('{"entries": []}', "not a HAR file"),
        (json.dumps(_har([])), "no HTML or JSON responses"),
    ],
)
def test_bad_hars_are_named(tmp_path: Path, content: str, fragment: str) -> None:
    path = tmp_path / "bad.har"
    path.write_text(content)
    with pytest.raises(InputError) as exc:
        load_har(path)
    assert fragment in str(exc.value) and str(path) in str(exc.value)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_file(tmp_path / "nope.html")
    with pytest.raises(InputError, match="is a directory"):
        load_file(tmp_path)


def test_load_file_detects_kind_by_content(tmp_path: Path) -> None:
    page = tmp_path / "saved.htm"
    page.write_text("\ufeff<!DOCTYPE html><html><head><meta property='og:title' content='x'>")
    api = tmp_path / "profile.txt"
    api.write_text('{"handle": "modravrata.si"}')
    har = tmp_path / "export.json"
    har.write_text(json.dumps(_har([_entry("https://a.example/", "text/html", "<html></html>")])))
    gz = tmp_path / "page.html.gz"
    gz.write_bytes(gzip.compress(b"<html><body>kruh</body></html>"))
    assert [d.kind for d in load_file(page)] == ["html"]
    assert load_file(api)[0].data == {"handle": "modravrata.si"}
    assert load_file(har)[0].origin == "har"
    assert "kruh" in load_file(gz)[0].text


def test_xssi_guarded_json_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "maps.har"
    path.write_text(json.dumps(_har([
        _entry("https://www.google.com/maps/preview/place", "application/json", ")]}'\n[1,[2]]"),
        _entry("https://m.facebook.com/page/more", "application/x-javascript",
               'for (;;);{"payload": {"actions": []}}'),
    ])))  # fmt: skip
    docs = load_har(path)
    assert [d.data for d in docs] == [[1, [2]], {"payload": {"actions": []}}]
