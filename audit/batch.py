"""`findable batch`: audit many brands listed in a CSV, one report folder per brand.

    brand,profiles,keywords,location,local,har
    Šiška Pekarna,instagram:@siskapekarna;bluesky:@siska.si,kruh;pekarna,Ljubljana,yes,
    Modra Vrata,,,,,exports/modravrata-bluesky.har

Each row becomes one ordinary audit (`runner.run`) written to `OUT/<slug>/`; rows are
independent, so a row whose audit fails (a bad target, nothing captured, an unreadable HAR)
is recorded as failed and the batch goes on. What is wrong with the CSV itself (an unknown
column, an empty brand, a file that is not there) is refused before any audit starts, naming
the line and the column, so a typo costs seconds rather than half a batch.

`OUT/summary.csv` and `OUT/summary.md` list every row: score, band, the top fix, the error.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from audit.errors import FindableError, InputError
from audit.result import AuditResult, Severity, Status

__all__ = [
    "COLUMNS",
    "SUMMARY_COLUMNS",
    "BatchResult",
    "BatchRow",
    "RowOutcome",
    "read_batch",
    "run_batch",
    "slugify",
]

COLUMNS: tuple[str, ...] = (
    "brand",
    "brand_file",
    "profiles",
    "keywords",
    "location",
    "local",
    "website",
    "competitors",
    "har",
    "snapshot",
)

SUMMARY_COLUMNS: tuple[str, ...] = (
    "brand",
    "slug",
    "status",
    "score",
    "band",
    "profiles_audited",
    "profiles_not_captured",
    "top_fix",
    "error",
)

_TRUE = {"true", "yes", "1", "y"}
_FALSE = {"false", "no", "0", "n"}

# letters NFKD does not take apart into an ASCII letter plus accents
_FOLD = str.maketrans(
    {
        "ß": "ss",
        "æ": "ae",
        "Æ": "ae",
        "ø": "o",
        "Ø": "o",
        "œ": "oe",
        "Œ": "oe",
        "đ": "d",
        "Đ": "d",
        "ð": "d",
        "Ð": "d",
        "ł": "l",
        "Ł": "l",
        "þ": "th",
        "Þ": "th",
        "ı": "i",
    }
)


@dataclass
class BatchRow:
    """One CSV row, checked: paths resolved against the CSV's folder, lists split."""

    line: int
    brand: str
    brand_file: Path | None = None
    profiles: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    location: str | None = None
    local: bool | None = None
    website: str | None = None
    competitors: list[str] = field(default_factory=list)
    har: Path | None = None
    snapshot: Path | None = None


@dataclass
class RowOutcome:
    row: BatchRow
    slug: str
    out: Path
    result: AuditResult | None = None
    error: str | None = None
    audit_id: int | None = None

    @property
    def ok(self) -> bool:
        return self.result is not None

    @property
    def score(self) -> float | None:
        return self.result.score if self.result is not None else None

    @property
    def band(self) -> str | None:
        return self.result.band if self.result is not None else None


@dataclass
class BatchResult:
    out: Path
    rows: list[RowOutcome]
    summary_csv: Path
    summary_md: Path
    formats: list[str]

    @property
    def all_failed(self) -> bool:
        return not any(r.ok for r in self.rows)

    def below(self, fail_under: float) -> list[RowOutcome]:
        """Rows scoring under `fail_under`; a brand with no score counts as under it."""
        return [r for r in self.rows if r.score is None or r.score < fail_under]

    def exit_code(self, fail_under: float | None) -> int:
        """0 ok; 1 some brand scores under --fail-under (or has no score); 3 every row failed."""
        if self.all_failed:
            return 3
        if fail_under is not None and self.below(fail_under):
            return 1
        return 0


# --- reading the CSV -------------------------------------------------------------------------


def slugify(name: str) -> str:
    """A folder name for a brand: ASCII, lowercase, words joined by '-' ('Šiška' -> 'siska')."""
    folded = unicodedata.normalize("NFKD", name.translate(_FOLD))
    ascii_text = folded.encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return slug[:60].rstrip("-") or "brand"


def _unique_slugs(names: Sequence[str]) -> list[str]:
    taken: set[str] = set()
    slugs = []
    for name in names:
        base = slugify(name)
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        slugs.append(slug)
    return slugs


def _split(text: str, separators: str) -> list[str]:
    parts = re.split(f"[{re.escape(separators)}]", text)
    return list(dict.fromkeys(p.strip() for p in parts if p.strip()))


def read_batch(path: Path) -> list[BatchRow]:
    """The rows of a batch CSV, or an InputError naming the line and column that is wrong."""
    if not path.is_file():
        raise InputError(f"{path}: no such CSV file; pass a CSV with a 'brand' header column")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(
            f"{path} is not UTF-8 text; save the spreadsheet as 'CSV UTF-8' and retry"
        ) from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read it ({exc.strerror or exc})") from None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
        if header is None or not any(cell.strip() for cell in header):
            raise InputError(
                f"{path} line 1: no header row; start the file with the column names "
                f"(brand and any of {', '.join(COLUMNS[1:])})"
            )
        names = [cell.strip().lower() for cell in header]
        _check_header(path, names)
        base = path.parent
        rows: list[BatchRow] = []
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                continue
            line = reader.line_num
            if len(cells) > len(names):
                raise InputError(
                    f"{path} line {line}: {len(cells)} cells but the header has {len(names)} "
                    "columns; quote cells that contain commas"
                )
            values = {n: (cells[i].strip() if i < len(cells) else "") for i, n in enumerate(names)}
            rows.append(_row(path, base, line, values))
    except csv.Error as exc:
        raise InputError(f"{path} line {reader.line_num}: not valid CSV ({exc})") from None
    if not rows:
        raise InputError(f"{path}: no brands listed; add one row per brand under the header")
    return rows


def _check_header(path: Path, names: list[str]) -> None:
    unknown = [n for n in names if n not in COLUMNS]
    if unknown:
        shown = ", ".join(repr(n) for n in unknown)
        raise InputError(
            f"{path} line 1: unknown column(s) {shown}; the columns are {', '.join(COLUMNS)}"
        )
    repeated = sorted({n for n in names if names.count(n) > 1})
    if repeated:
        raise InputError(f"{path} line 1: column {repeated[0]!r} appears twice; keep one of them")
    if "brand" not in names:
        raise InputError(
            f"{path} line 1: no 'brand' column; add a column 'brand' with each brand's name"
        )


def _row(path: Path, base: Path, line: int, values: dict[str, str]) -> BatchRow:
    where = f"{path} line {line}"

    def file_at(column: str, *, folder: bool = False) -> Path | None:
        raw = values.get(column, "")
        if not raw:
            return None
        found = Path(raw).expanduser()
        if not found.is_absolute():
            found = base / found
        exists = found.is_dir() if folder else found.is_file()
        if not exists:
            kind = "folder" if folder else "file"
            raise InputError(
                f"{where}, column {column!r}: no such {kind} {found}; "
                "paths are relative to the CSV's folder"
            )
        return found

    brand = values.get("brand", "")
    if not brand:
        raise InputError(f"{where}, column 'brand': empty; give every row the brand's name")
    local_text = values.get("local", "").lower()
    if local_text and local_text not in _TRUE | _FALSE:
        raise InputError(
            f"{where}, column 'local': {values['local']!r} is not a yes/no; "
            "write true, false, yes, no, 1 or 0"
        )
    row = BatchRow(
        line=line,
        brand=brand,
        brand_file=file_at("brand_file"),
        profiles=_split(values.get("profiles", ""), " \t;,"),
        keywords=_split(values.get("keywords", ""), ";,"),
        location=values.get("location") or None,
        local=(local_text in _TRUE) if local_text else None,
        website=values.get("website") or None,
        competitors=_split(values.get("competitors", ""), " \t;,"),
        har=file_at("har"),
        snapshot=file_at("snapshot", folder=True),
    )
    if row.har and row.snapshot:
        raise InputError(f"{where}, columns 'har' and 'snapshot': give one input per row, not both")
    offline = "har" if row.har else "snapshot" if row.snapshot else None
    if offline:
        for column in ("profiles", "competitors"):
            if getattr(row, column):
                raise InputError(
                    f"{where}, column {column!r}: a row with a {offline} audits that file "
                    f"only; leave {column} empty, or empty {offline} to capture live"
                )
    elif not row.profiles and row.brand_file is None:
        raise InputError(
            f"{where}: nothing to audit for {brand!r}; fill profiles, brand_file, har or snapshot"
        )
    return row


# --- running ---------------------------------------------------------------------------------


def _audit_row(row: BatchRow, out: Path, formats: str, scratch: Path, verbose: bool) -> AuditResult:
    from audit import runner

    brand_file = row.brand_file
    if row.competitors:
        # competitors live in the brand, not in flags: audit from a brand file that adds them
        from audit.brandfile import load_brand, render_brand
        from audit.model import Brand

        base = load_brand(brand_file) if brand_file is not None else Brand()
        rivals = list(dict.fromkeys([*base.competitors, *row.competitors]))
        brand_file = scratch / f"line-{row.line}.toml"
        brand_file.write_text(
            render_brand(base.model_copy(update={"competitors": rivals})), encoding="utf-8"
        )
    request = runner.AuditRequest(
        targets=list(row.profiles),
        brand_file=brand_file,
        snapshot=row.snapshot,
        har=row.har,
        out=out,
        formats=formats,
        flags={
            "name": row.brand,
            "keywords": ",".join(row.keywords) or None,
            "location": row.location,
            "local": row.local,
            "website": row.website,
        },
        quiet=not verbose,
        verbose=verbose,
    )
    return runner.run(request)


def run_batch(
    csv_path: Path,
    out: Path,
    *,
    formats: str = "all",
    history: bool = True,
    db: Path | None = None,
    verbose: bool = False,
    on_row: Callable[[RowOutcome], None] | None = None,
) -> BatchResult:
    """Audit every row of `csv_path` into `out/<slug>/`, then write the two summaries.

    `on_row`, when callable, is called with each RowOutcome as soon as its audit is done.
    """
    from reports import parse_formats

    chosen = parse_formats(formats)
    rows = read_batch(csv_path)
    _check_writable(out)
    if history:
        from audit import history as store

        store.list_audits(db, limit=1)  # an unusable database stops the batch before any audit
    outcomes: list[RowOutcome] = []
    with tempfile.TemporaryDirectory(prefix="findable-batch-") as scratch:
        for row, slug in zip(rows, _unique_slugs([r.brand for r in rows]), strict=True):
            outcome = RowOutcome(row=row, slug=slug, out=out / slug)
            existed = outcome.out.exists()
            try:
                outcome.result = _audit_row(row, outcome.out, formats, Path(scratch), verbose)
            except FindableError as exc:
                outcome.error = str(exc)
            except Exception as exc:  # one brand's bug must not lose the rest of the batch
                if os.environ.get("FINDABLE_DEBUG"):
                    raise
                outcome.error = (
                    f"internal error ({type(exc).__name__}: {exc}); this is a findable bug: "
                    "rerun with FINDABLE_DEBUG=1 for the traceback and report it"
                )
            if outcome.result is None and not existed and outcome.out.is_dir():
                _remove_if_empty(outcome.out)
            if outcome.result is not None and history:
                from audit import history as store

                outcome.audit_id = store.record(outcome.result, db)
            outcomes.append(outcome)
            if on_row is not None:
                on_row(outcome)
    result = BatchResult(
        out=out,
        rows=outcomes,
        summary_csv=out / "summary.csv",
        summary_md=out / "summary.md",
        formats=chosen,
    )
    _write_summaries(result)
    return result


def _remove_if_empty(folder: Path) -> None:
    """A failed row leaves no empty folder behind (one with anything in it stays)."""
    with contextlib.suppress(OSError):
        folder.rmdir()


def _check_writable(out: Path) -> None:
    try:
        out.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".findable-probe-", dir=out)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise InputError(
            f"--out {out}: cannot write there ({exc.strerror or exc}); choose another folder"
        ) from None


# --- summaries -------------------------------------------------------------------------------


def top_fix(result: AuditResult) -> str:
    """The first high-severity failed check, as 'title (where)' naming every profile it
    fails on (as the reports' top fixes do); "" when there is none."""
    from audit.fixes import top_fixes

    for fix in top_fixes(result, limit=len(result.profiles) * 1000 + 1000):
        failed = [who for who, c in fix.results if c.status is Status.FAIL]
        if fix.check.status is Status.FAIL and fix.check.severity is Severity.HIGH:
            return f"{fix.check.title} ({', '.join(failed)})"
    return ""


def _profiles(result: AuditResult) -> tuple[str, str]:
    from audit.model import Outcome

    audited = [
        f"{p.platform.value}:@{p.handle}" for p in result.profiles if p.outcome is Outcome.OK
    ]
    missed = [
        f"{p.platform.value}:@{p.handle} ({p.outcome.value})"
        for p in result.profiles
        if p.outcome is not Outcome.OK
    ]
    return "; ".join(audited), "; ".join(missed)


def summary_cells(outcome: RowOutcome) -> list[str]:
    from reports._common import score_text

    audited, missed = _profiles(outcome.result) if outcome.result is not None else ("", "")
    return [
        outcome.row.brand,
        outcome.slug,
        "ok" if outcome.ok else "failed",
        score_text(outcome.score) or "",
        outcome.band or "",
        audited,
        missed,
        top_fix(outcome.result) if outcome.result is not None else "",
        outcome.error or "",
    ]


def render_summary_csv(batch: BatchResult) -> str:
    from reports.csv_report import defuse

    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL)
    writer.writerow(SUMMARY_COLUMNS)
    for outcome in batch.rows:
        writer.writerow([defuse(cell) for cell in summary_cells(outcome)])
    return buffer.getvalue()


def _report_link(batch: BatchResult, outcome: RowOutcome) -> str:
    for fmt in ("html", "md", "pdf", "json", "csv"):
        if fmt in batch.formats:
            return f"[report.{fmt}]({outcome.slug}/report.{fmt})"
    return ""


def render_summary_md(batch: BatchResult) -> str:
    from reports._common import band_label, score_text
    from reports.markdown import md_escape

    def cell(text: str) -> str:
        return md_escape(text) or " "

    ok = sum(1 for r in batch.rows if r.ok)
    lines = [
        "# findable batch summary",
        "",
        f"{ok} of {len(batch.rows)} brands audited.",
        "",
        "| Brand | Score | Band | Top fix | Report |",
        "| --- | ---: | --- | --- | --- |",
    ]
    for outcome in batch.rows:
        if outcome.result is not None:
            score = score_text(outcome.score) or "not scored"
            band = band_label(outcome.band) or " "  # 'needs work', as the reports say it
            fix = top_fix(outcome.result)
            link = _report_link(batch, outcome) or " "
        else:  # a fix column holds fixes; why the audit failed is said below the table
            score, band, fix, link = "—", "failed", "—", " "
        lines.append(
            f"| {cell(outcome.row.brand)} | {cell(score)} | {cell(band)} | {cell(fix)} | {link} |"
        )
    failed = [r for r in batch.rows if r.result is None]
    if failed:
        lines += ["", "## Not audited", ""]
        lines += [f"- {cell(r.row.brand)}: {cell(failure_words(r.error))}" for r in failed]
    return "\n".join(lines) + "\n"


def failure_words(error: str | None) -> str:
    """Why a row was not audited, for a reader: the message findable gave, except a bug's
    exception text, which stays in summary.csv's error column."""
    if not error:
        return "not audited"
    if error.startswith("internal error"):
        return "findable failed on this brand (a findable bug; the details are in summary.csv)"
    return error


def _write_summaries(batch: BatchResult) -> None:
    from audit.snapshot import atomic_write_text

    try:
        # a byte-order mark, so Excel reads the CSV as UTF-8 (as reports/csv_report does)
        atomic_write_text(batch.summary_csv, "\ufeff" + render_summary_csv(batch))
        atomic_write_text(batch.summary_md, render_summary_md(batch))
    except OSError as exc:
        raise InputError(
            f"cannot write the summary to {batch.out}: {exc.strerror or exc}; "
            "choose a folder you can write to"
        ) from None
