"""Snapshot folders: atomic writes, round trips, HAR hygiene, and errors a user can act on."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from audit import __version__
from audit.errors import InputError
from audit.model import Outcome, Platform, ProfileRef
from audit.snapshot import (
    FORMAT,
    Manifest,
    atomic_write_bytes,
    atomic_write_text,
    is_snapshot,
    read_snapshot,
    sanitize_har,
    write_index,
    write_profile,
)

WHEN = datetime(2026, 11, 20, 9, 30, tzinfo=timezone.utc)
REF = ProfileRef(
    platform=Platform.INSTAGRAM,
    handle="bluedoorbakery",
    url="https://www.instagram.com/bluedoorbakery/",
)


def manifest(**kw: Any) -> Manifest:
    base: dict[str, Any] = {
        "ref": REF,
        "url": REF.url,
        "final_url": REF.url,
        "http_status": 200,
        "captured_at": WHEN,
        "browser_version": "Chromium 126.0.1",
        "notes": ["optional fetch failed"],
    }
    return Manifest.model_validate(base | kw)


def entry(url: str, mime: str, text: str | None, **extra: Any) -> dict[str, Any]:
    content: dict[str, Any] = {"mimeType": mime, "size": len(text or "")}
    if text is not None:
        content["text"] = text
    return {
        "startedDateTime": "2026-11-20T09:30:00.000Z",
        "request": {
            "method": "GET",
            "url": url,
            "headers": [
                {"name": "Cookie", "value": "sessionid=s3cret"},
                {"name": "Authorization", "value": "Bearer t0ken"},
                {"name": "Accept", "value": "*/*"},
            ],
            "cookies": [{"name": "sessionid", "value": "s3cret"}],
        },
        "response": {
            "status": 200,
            "headers": [
                {"name": "Set-Cookie", "value": "csrftoken=s3cret2"},
                {"name": "Content-Type", "value": mime},
            ],
            "cookies": [{"name": "csrftoken", "value": "s3cret2"}],
            "content": content,
        }
        | extra,
    }


def har(*entries: dict[str, Any]) -> dict[str, Any]:
    return {"log": {"version": "1.2", "entries": list(entries)}}


PAGE = "<html><head><title>Blue Door</title></head><body>Bakery</body></html>"
API = json.dumps({"data": {"user": {"biography": "Sourdough in Porto"}}})


# --- atomic writes ---------------------------------------------------------------------


def test_atomic_write_replaces_and_leaves_no_temp_files(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "file.txt"
    atomic_write_text(target, "one")
    atomic_write_text(target, "two ✓")
    assert target.read_text(encoding="utf-8") == "two ✓"
    assert [p.name for p in target.parent.iterdir()] == ["file.txt"]
    assert target.stat().st_mode & 0o777 == 0o644  # readable like any written file


def test_a_failed_atomic_write_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "file.bin"
    atomic_write_bytes(target, b"old")
    with pytest.raises(TypeError):
        atomic_write_bytes(target, "not bytes")  # type: ignore[arg-type]
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["file.bin"]


# --- writing and reading ---------------------------------------------------------------


def test_round_trip(tmp_path: Path) -> None:
    raw = har(
        entry(REF.url, "text/html; charset=utf-8", PAGE),
        entry("https://www.instagram.com/api/v1/users/web_profile_info/", "application/json", API),
        entry("https://cdn.example/a.jpg", "image/jpeg", "/9j/4AAQ", encoding="base64"),
    )
    raw["log"]["entries"][2]["response"]["content"]["encoding"] = "base64"
    folder = write_profile(tmp_path, manifest(), har=raw, dom=PAGE, screenshot=b"\x89PNG\r\n")
    write_index(tmp_path, [REF.key], {"brand": {"name": "Blue Door", "keywords": ["bakery"]}})

    assert folder == tmp_path / REF.key
    assert folder.stat().st_mode & 0o777 == 0o755
    assert is_snapshot(tmp_path)
    snap = read_snapshot(tmp_path)
    assert snap.context == {"brand": {"name": "Blue Door", "keywords": ["bakery"]}}
    assert snap.tool_version == __version__
    [profile] = snap.profiles
    m = profile.manifest
    assert (m.ref, m.outcome, m.captured_at, m.input_kind) == (REF, Outcome.OK, WHEN, "live")
    assert m.files == {"har": "capture.har", "dom": "page.html", "screenshot": "screenshot.png"}
    assert m.findable.kind == "profile-capture" and m.findable.format == FORMAT
    docs = profile.documents()
    assert [(d.kind, d.url) for d in docs] == [
        ("html", REF.url),
        ("json", "https://www.instagram.com/api/v1/users/web_profile_info/"),
    ]
    assert docs[1].data["data"]["user"]["biography"] == "Sourdough in Porto"

    info = m.capture_info()
    assert (info.outcome, info.final_url, info.http_status) == (Outcome.OK, REF.url, 200)
    assert info.warnings == ["optional fetch failed"]

    on_disk = json.loads((folder / "manifest.json").read_text())
    assert on_disk["findable"] == {
        "version": __version__,
        "kind": "profile-capture",
        "format": FORMAT,
    }
    assert on_disk["ref"]["handle"] == "bluedoorbakery"
    index = json.loads((tmp_path / "snapshot.json").read_text())
    assert index["findable"]["kind"] == "snapshot" and index["profiles"] == [REF.key]


def test_stored_hars_hold_no_credentials_and_no_binary_bodies(tmp_path: Path) -> None:
    raw = har(
        entry(REF.url, "text/html", PAGE),
        entry("https://cdn.example/app.js", "application/javascript", "var a = 1;"),
        entry("https://api.example/x", "text/javascript", '{"ok": true}'),
        entry("https://cdn.example/a.png", "image/png", "iVBORw0KGgo=", encoding="base64"),
    )
    folder = write_profile(tmp_path, manifest(), har=raw)
    text = (folder / "capture.har").read_text()
    assert "s3cret" not in text and "t0ken" not in text
    stored = json.loads(text)["log"]["entries"]
    assert [("text" in e["response"]["content"]) for e in stored] == [True, False, True, False]
    assert all(e["request"]["cookies"] == [] for e in stored)
    assert {h["name"] for h in stored[0]["request"]["headers"]} == {"Accept"}
    assert raw["log"]["entries"][0]["request"]["cookies"]  # the caller's dict is untouched


def test_sanitize_tolerates_odd_hars() -> None:
    assert sanitize_har({"not": "a har"}) == {"not": "a har"}
    odd = {"log": {"entries": [None, {"request": "x"}, {"response": {"content": None}}]}}
    assert sanitize_har(odd) == odd


def test_rewriting_a_profile_replaces_it_whole(tmp_path: Path) -> None:
    write_profile(tmp_path, manifest(), har=har(entry(REF.url, "text/html", PAGE)), dom=PAGE)
    write_profile(tmp_path, manifest(outcome=Outcome.TIMEOUT, reason="slow"), dom="<html/>")
    folder = tmp_path / REF.key
    assert sorted(p.name for p in folder.iterdir()) == ["manifest.json", "page.html"]
    assert [p.name for p in tmp_path.iterdir()] == [REF.key]  # no staging left behind
    m = json.loads((folder / "manifest.json").read_text())
    assert m["outcome"] == "timeout" and m["files"] == {"dom": "page.html"}


def test_a_failed_profile_write_keeps_the_earlier_capture(tmp_path: Path) -> None:
    write_profile(tmp_path, manifest(), dom=PAGE)
    with pytest.raises(TypeError):
        write_profile(tmp_path, manifest(), dom="new", screenshot=object())  # type: ignore[arg-type]
    assert (tmp_path / REF.key / "page.html").read_text() == PAGE
    assert [p.name for p in tmp_path.iterdir()] == [REF.key]


def test_documents_fall_back_to_the_saved_dom(tmp_path: Path) -> None:
    write_profile(tmp_path, manifest(final_url=REF.url + "?hl=en"), har=har(), dom=PAGE)
    write_index(tmp_path, [REF.key], {})
    [doc] = read_snapshot(tmp_path).profiles[0].documents()
    assert (doc.kind, doc.url, doc.status, doc.text) == ("html", REF.url + "?hl=en", 200, PAGE)


def test_a_failed_capture_with_nothing_saved_has_no_documents(tmp_path: Path) -> None:
    write_profile(tmp_path, manifest(outcome=Outcome.ERROR, reason="net::ERR_NAME_NOT_RESOLVED"))
    write_index(tmp_path, [REF.key], {})
    [profile] = read_snapshot(tmp_path).profiles
    assert profile.manifest.files == {} and profile.documents() == []


# --- errors ----------------------------------------------------------------------------


def test_a_folder_that_is_not_a_snapshot(tmp_path: Path) -> None:
    assert not is_snapshot(tmp_path)
    with pytest.raises(InputError, match=r"has no snapshot\.json; pass the folder findable wrote"):
        read_snapshot(tmp_path)
    with pytest.raises(InputError, match="is not a folder"):
        read_snapshot(tmp_path / "nope")


def test_a_corrupt_manifest(tmp_path: Path) -> None:
    write_profile(tmp_path, manifest(), dom=PAGE)
    write_index(tmp_path, [REF.key], {})
    path = tmp_path / REF.key / "manifest.json"
    path.write_text('{"findable": {"kind": "profile-capture", "format": 1}, "ref": ')
    with pytest.raises(InputError, match=r"manifest\.json: the manifest is not valid JSON"):
        read_snapshot(tmp_path)
    path.write_text(json.dumps({"findable": {"kind": "profile-capture", "format": 1}}))
    with pytest.raises(InputError, match=r"manifest\.json is damaged \(ref: Field required\)"):
        read_snapshot(tmp_path)
    path.write_text(json.dumps({"something": "else"}))
    with pytest.raises(InputError, match="is not a findable profile-capture file"):
        read_snapshot(tmp_path)


def test_a_listed_profile_without_a_folder(tmp_path: Path) -> None:
    write_index(tmp_path, ["tiktok-ghost"], {})
    with pytest.raises(InputError, match="lists tiktok-ghost but has no capture for it"):
        read_snapshot(tmp_path)


def test_a_newer_format_is_refused(tmp_path: Path) -> None:
    write_index(tmp_path, [], {})
    index = json.loads((tmp_path / "snapshot.json").read_text())
    index["findable"] |= {"format": FORMAT + 1, "version": "9.0.0"}
    (tmp_path / "snapshot.json").write_text(json.dumps(index))
    with pytest.raises(InputError, match=r"written by findable 9\.0\.0 .*upgrade findable"):
        read_snapshot(tmp_path)


def test_an_empty_or_broken_har(tmp_path: Path) -> None:
    folder = write_profile(tmp_path, manifest(), har=har(), dom=PAGE)
    write_index(tmp_path, [REF.key], {})
    (folder / "capture.har").write_text("")
    with pytest.raises(InputError, match=r"capture\.har: the HAR is empty"):
        read_snapshot(tmp_path).profiles[0].documents()
    (folder / "capture.har").write_text('{"log": ')
    with pytest.raises(InputError, match="the HAR is not valid JSON"):
        read_snapshot(tmp_path).profiles[0].documents()
    (folder / "capture.har").write_text('{"entries": []}')
    with pytest.raises(InputError, match="is not a HAR file"):
        read_snapshot(tmp_path).profiles[0].documents()


def test_an_index_keeps_context_values_that_json_cannot_hold(tmp_path: Path) -> None:
    write_index(tmp_path, ["a", "a", "b"], {"when": WHEN, "out": Path("/tmp/x")})
    snap = read_snapshot_index(tmp_path)
    assert snap["profiles"] == ["a", "b"]
    assert snap["context"] == {"when": str(WHEN), "out": "/tmp/x"}


def read_snapshot_index(folder: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((folder / "snapshot.json").read_text())
    return data
