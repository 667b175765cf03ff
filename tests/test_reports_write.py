"""Format selection and writing reports: atomic, complete, and clear about bad folders."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path
from typing import Any

import pytest

import reports
from audit.errors import InputError
from audit.result import AuditResult
from reports import FORMATS, parse_formats, render, write_reports
from tests.test_reports_helpers import audit_result


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("json", ["json"]),
        ("md,html", ["md", "html"]),
        (" HTML , csv ,html", ["html", "csv"]),
        ("all", list(FORMATS)),
        ("csv,all", ["csv", "json", "md", "html"]),
    ],
)
def test_parse_formats(text: str, expected: list[str]) -> None:
    assert parse_formats(text) == expected


def test_unknown_format_names_it_and_the_valid_ones() -> None:
    with pytest.raises(InputError) as info:
        parse_formats("md,pdfx")
    message = str(info.value)
    assert "'pdfx'" in message
    assert all(fmt in message for fmt in FORMATS) and "all" in message
    with pytest.raises(InputError, match="no report format"):
        parse_formats(" , ")
    with pytest.raises(InputError, match="'xml'"):
        render(audit_result(), "xml")


def test_write_reports_writes_every_format(tmp_path: Path) -> None:
    out = tmp_path / "new" / "folder"
    result = audit_result()
    paths = write_reports(result, out, ["html", "json", "md", "csv"])
    assert paths == [
        out / "report.html",
        out / "report.json",
        out / "report.md",
        out / "report.csv",
    ]
    assert AuditResult.model_validate_json((out / "report.json").read_text("utf-8")) == result
    assert (out / "report.md").read_text("utf-8") == render(result, "md")
    assert (out / "report.html").read_text("utf-8") == render(result, "html")
    # The CSV starts with a BOM so spreadsheets read non-Latin text as UTF-8.
    raw = (out / "report.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert len(rows) == 1 and rows[0]["check_id"] == "BIO001"
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in paths)  # no temps


def test_reports_get_ordinary_file_permissions(tmp_path: Path) -> None:
    (path,) = write_reports(audit_result(), tmp_path, ["md"])
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask


def test_failed_render_leaves_previous_reports_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_reports(audit_result(brand="Old"), tmp_path, FORMATS)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}

    def broken(result: AuditResult) -> str:
        raise RuntimeError("renderer bug")

    monkeypatch.setitem(reports._RENDERERS, "csv", broken)
    with pytest.raises(RuntimeError):
        write_reports(audit_result(brand="New"), tmp_path, FORMATS)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_failed_write_leaves_previous_reports_and_no_temp_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_reports(audit_result(brand="Old"), tmp_path, ["json", "md"])
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    real_open = Path.open
    calls = {"n": 0}

    def flaky_open(self: Path, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if mode == "xb":
            calls["n"] += 1
            if calls["n"] == 2:
                raise OSError(28, "No space left on device")
        return real_open(self, mode, *args, **kwargs)

    monkeypatch.setattr(Path, "open", flaky_open)
    with pytest.raises(InputError, match="No space left on device"):
        write_reports(audit_result(brand="New"), tmp_path, ["json", "md"])
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_unwritable_out_dir_is_an_input_error_naming_the_path(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(InputError) as info:
        write_reports(audit_result(), blocker, ["md"])
    assert str(blocker) in str(info.value) and "not a folder" in str(info.value)
    with pytest.raises(InputError) as info:
        write_reports(audit_result(), blocker / "sub", ["md"])
    assert str(blocker / "sub") in str(info.value) and "choose a folder" in str(info.value)


def test_unknown_format_is_rejected_before_anything_is_written(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="'docx'"):
        write_reports(audit_result(), tmp_path / "out", ["md", "docx"])
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_empty_audit_renders_in_every_format(fmt: str) -> None:
    text = render(audit_result([], brand=None, score=None, band=None), fmt)
    assert text.strip()
    assert "0/100" not in text
