"""CSV report: one row per check result, parseable, and safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io

import pytest

from audit.model import Outcome, Platform
from audit.result import Evidence, Status
from reports import render
from reports.csv_report import COLUMNS, defuse, render_csv
from tests.test_reports_helpers import (
    audit_result,
    check,
    discoverability,
    mixed_checks,
    profile_result,
)


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_one_row_per_check_result_including_brand_checks() -> None:
    result = audit_result(
        [
            profile_result(checks=mixed_checks(), score=64.3),
            profile_result(
                "bd",
                Platform.TIKTOK,
                outcome=Outcome.LOGIN_WALL,
                checks=[check("BIO001", Status.NA, message="not captured")],
            ),
        ],
        brand_checks=[check("CON001", Status.FAIL)],
    )
    text = render(result, "csv")
    assert next(csv.reader(io.StringIO(text))) == list(COLUMNS)
    rows = _rows(text)
    assert len(rows) == 1 + len(mixed_checks()) + 1
    brand_row = rows[0]
    assert brand_row["check_id"] == "CON001"
    assert (brand_row["platform"], brand_row["handle"], brand_row["profile_score"]) == ("", "", "")
    ig = [r for r in rows if r["platform"] == "instagram"]
    assert [r["check_id"] for r in ig] == [c.id for c in mixed_checks()]
    assert {r["profile_score"] for r in ig} == {"64.3"}
    tiktok = [r for r in rows if r["platform"] == "tiktok"]
    assert tiktok[0]["profile_score"] == "" and tiktok[0]["status"] == "na"  # never 0
    assert all(r["brand"] == "Blue Door Bakery" for r in rows)


def test_values_and_evidence_survive_commas_quotes_and_newlines() -> None:
    c = check(
        "BIO1",
        Status.WARN,
        message='Bio "short", only 12 chars\nsecond line',
        fix="Add words, e.g. city",
        evidence=[
            Evidence(field="bio", value="نان, خمیر\nترش"),
            Evidence(field="length", value=12),
            Evidence(field="tags", value=["a", "b"]),
        ],
    )
    row = _rows(render_csv(audit_result([profile_result(checks=[c])])))[0]
    assert row["message"] == 'Bio "short", only 12 chars\nsecond line'
    assert row["fix"] == "Add words, e.g. city"
    assert row["evidence"] == "bio=نان, خمیر ترش; length=12; tags=a, b"
    assert (row["status"], row["score"], row["weight"], row["severity"]) == (
        "warn",
        "0.5",
        "1",
        "medium",
    )
    assert (row["category"], row["slug"], row["title"]) == ("bio", "bio1", "Title of BIO1")


def test_formula_injection_is_defused() -> None:
    c = check(
        "BIO1",
        Status.FAIL,
        message='=HYPERLINK("http://evil","x")',
        fix="+1 more",
        evidence=[Evidence(field="bio", value="x")],
    )
    result = audit_result([profile_result("@cmd|' /C calc'!A0", checks=[c])], brand="-2+3")
    row = _rows(render_csv(result))[0]
    assert row["message"] == '\'=HYPERLINK("http://evil","x")'
    assert row["fix"] == "'+1 more"
    assert row["brand"] == "'-2+3"
    assert row["handle"] == "'@cmd|' /C calc'!A0"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("safe = fine", "safe = fine"),
        ("", ""),
    ],
)
def test_defuse(cell: str, expected: str) -> None:
    assert defuse(cell) == expected


def test_evidence_values_read_as_short_text() -> None:
    c = check(
        "X1",
        Status.FAIL,
        evidence=[
            Evidence(field="empty", value=""),
            Evidence(field="none", value=None),
            Evidence(field="flag", value=True),
            Evidence(field="ratio", value=0.333333),
            Evidence(field="place", value={"city": "Tehran", "lat": 35.7}),
        ],
    )
    row = _rows(render_csv(audit_result([profile_result(checks=[c])])))[0]
    assert row["evidence"] == (
        'empty=""; none=none; flag=yes; ratio=0.3333; place={"city": "Tehran", "lat": 35.7}'
    )


def test_matrix_and_competitors_leave_the_columns_alone() -> None:
    # The 15 columns are a contract: the matrix lives in JSON/Markdown/HTML, and
    # competitors' own check results are not mixed into the brand's rows.
    plain = audit_result([profile_result(checks=mixed_checks())])
    rich = plain.model_copy(
        update={
            "discoverability": discoverability(),
            "competitors": [profile_result("rivalbakery", checks=mixed_checks())],
        }
    )
    assert render_csv(rich) == render_csv(plain)
    assert len(COLUMNS) == 15
