"""PDF: the HTML report printed by a real Chromium, never part of `all`."""

from __future__ import annotations

import re
from pathlib import Path

from reports import parse_formats, write_reports
from tests.test_reports_helpers import audit_result


def test_pdf_is_opt_in() -> None:
    assert "pdf" not in parse_formats("all")
    assert parse_formats("html,pdf") == ["html", "pdf"]


def test_pdf_report_is_a_real_pdf(tmp_path: Path, chromium_path: str) -> None:
    (path,) = write_reports(audit_result(), tmp_path, ["pdf"])
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    assert len(re.findall(rb"/Type\s*/Page\b", data)) >= 1
    assert path.name == "report.pdf" and not list(tmp_path.glob(".report.*"))
    # the print stylesheet's A4 page (595 x 842 points), whatever the printer's default
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)", data)
    assert boxes and all(abs(float(w) - 595.3) < 1.5 and abs(float(h) - 841.9) < 1.5
                         for w, h in boxes)  # fmt: skip
