"""Report renderers: one module per format, all reading only the AuditResult.

`render` turns a result into text; `write_reports` puts several formats on disk so that a
report that fails to render, or a disk that fills up, never leaves a half-written file or
destroys the reports of the previous run.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path

from audit.errors import InputError
from audit.redact import redact_model
from audit.result import AuditResult
from reports.csv_report import render_csv
from reports.html import render_html
from reports.json_report import render_json, schema_json
from reports.markdown import render_markdown

__all__ = [
    "FORMATS",
    "ON_REQUEST",
    "parse_formats",
    "render",
    "render_bytes",
    "schema_json",
    "write_reports",
]

FORMATS: tuple[str, ...] = ("json", "md", "html", "csv")
# Formats only written when asked for by name: PDF needs a browser, and `all` must stay
# browser-free so that offline replays (`--snapshot`) work anywhere.
ON_REQUEST: tuple[str, ...] = ("pdf",)

_RENDERERS: dict[str, Callable[[AuditResult], str]] = {
    "json": render_json,
    "md": render_markdown,
    "html": render_html,
    "csv": render_csv,
}

# Excel only reads a CSV as UTF-8 when it starts with a byte-order mark; without one a
# Persian or Kazakh bio turns into mojibake in the consultant's spreadsheet.
_ENCODINGS = {"csv": "utf-8-sig"}


def _unknown(name: str) -> InputError:
    return InputError(
        f"unknown report format {name!r}: choose from {', '.join(FORMATS + ON_REQUEST)} "
        "(comma-separated), or 'all'"
    )


def parse_formats(text: str) -> list[str]:
    """`"md,html"` -> `["md", "html"]`; `"all"` -> every format. Order kept, repeats dropped."""
    names = [part.strip().lower() for part in text.split(",") if part.strip()]
    if not names:
        raise InputError(f"no report format given: choose from {', '.join(FORMATS)}, or 'all'")
    chosen: list[str] = []
    for name in names:
        expanded = list(FORMATS) if name == "all" else [name]
        for fmt in expanded:
            if fmt not in FORMATS + ON_REQUEST:
                raise _unknown(fmt)
            if fmt not in chosen:
                chosen.append(fmt)
    return chosen


def render(result: AuditResult, fmt: str) -> str:
    """The report in one text format."""
    try:
        renderer = _RENDERERS[fmt]
    except KeyError:
        raise _unknown(fmt) from None
    return renderer(result)


def render_bytes(result: AuditResult, fmt: str) -> bytes:
    """The report in any format, as the bytes written to disk."""
    if fmt == "pdf":
        from reports.pdf import render_pdf

        return render_pdf(result)
    return render(result, fmt).encode(_ENCODINGS.get(fmt, "utf-8"))


def _prepare_dir(out_dir: Path) -> None:
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise InputError(
            f"cannot write reports to {out_dir}: it exists and is not a folder; "
            "choose another output folder"
        ) from None
    except OSError as exc:
        raise InputError(
            f"cannot create the report folder {out_dir}: {exc.strerror or exc}; "
            "choose a folder you can write to, or fix its permissions"
        ) from None


def _write_temp(out_dir: Path, fmt: str, data: bytes) -> Path:
    """A uniquely named file beside the target (same filesystem, so os.replace is atomic).

    Opened with mode "x" rather than mkstemp so the report gets the user's umask (mkstemp
    would make it private to its owner, surprising anyone sharing the folder).
    """
    path = out_dir / f".report.{fmt}.{os.getpid()}.{uuid.uuid4().hex}.tmp"
    try:
        with path.open("xb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return path


def write_reports(result: AuditResult, out_dir: Path, formats: Sequence[str]) -> list[Path]:
    """Write `out_dir/report.<ext>` for each format; returns the paths in the order asked.

    Everything is rendered, then written to temporary files beside the targets, and only
    then moved into place: a renderer bug or a full disk leaves the previous reports intact.
    """
    for fmt in formats:
        if fmt not in FORMATS + ON_REQUEST:
            raise _unknown(fmt)
    wanted = list(dict.fromkeys(formats))
    redact_model(result)  # already done by the pipeline; reports never rely on it
    rendered = {fmt: render_bytes(result, fmt) for fmt in wanted}

    out_dir = Path(out_dir)
    _prepare_dir(out_dir)
    temps: dict[str, Path] = {}
    try:
        for fmt, data in rendered.items():
            temps[fmt] = _write_temp(out_dir, fmt, data)
        targets = []
        for fmt in wanted:
            target = out_dir / f"report.{fmt}"
            os.replace(temps[fmt], target)
            del temps[fmt]
            targets.append(target)
    except OSError as exc:
        raise InputError(
            f"cannot write reports to {out_dir}: {exc.strerror or exc}; "
            "choose a folder you can write to (and with free space), or fix its permissions"
        ) from None
    finally:
        for leftover in temps.values():
            leftover.unlink(missing_ok=True)
    return targets
