"""CSV report: one row per check result, for consultants who sort and filter in spreadsheets.

Brand-wide checks are rows too (platform and handle left empty). Cells that a spreadsheet
would run as a formula are defused, because bios and captions are written by strangers.

The 15 columns are a contract for spreadsheets already built on them, so the keyword
matrix, the competitor rankings and the competitors' own results are not added as rows of
another kind (that would need a `kind` column): per profile, KEY007's row carries the
discoverability score and names the best and missing keywords; the matrix itself is in the
JSON, Markdown and HTML reports.
"""

from __future__ import annotations

import csv
import io

from audit.result import AuditResult, CheckResult, ProfileResult
from reports._common import evidence_compact, number_text

__all__ = ["COLUMNS", "defuse", "render_csv"]

COLUMNS: tuple[str, ...] = (
    "brand",
    "platform",
    "handle",
    "profile_score",
    "check_id",
    "slug",
    "title",
    "category",
    "severity",
    "status",
    "score",
    "weight",
    "message",
    "fix",
    "evidence",
)

# Excel, LibreOffice and Google Sheets treat a cell starting with one of these as a formula
# (tab and carriage return too, per OWASP's CSV injection guidance).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def defuse(cell: str) -> str:
    """Prefix an apostrophe to a cell a spreadsheet would evaluate: shown, never run."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def _row(result: AuditResult, profile: ProfileResult | None, check: CheckResult) -> list[str]:
    cells = [
        result.brand or "",
        profile.platform.value if profile else "",
        profile.handle if profile else "",
        number_text(profile.score) if profile else "",
        check.id,
        check.slug,
        check.title,
        check.category.value,
        check.severity.value,
        check.status.value,
        number_text(check.score),
        number_text(check.weight),
        check.message,
        check.fix or "",
        evidence_compact(check.evidence, 200),
    ]
    return [defuse(cell) for cell in cells]


def render_csv(result: AuditResult) -> str:
    """Header plus one row per check result: brand-wide checks first, then each profile's."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    for check in result.brand_checks:
        writer.writerow(_row(result, None, check))
    for profile in result.profiles:
        for check in profile.checks:
            writer.writerow(_row(result, profile, check))
    return buffer.getvalue()
