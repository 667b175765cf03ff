"""The `findable` command line. Thin: every command parses options, calls the modules that do
the work, and turns a FindableError into one line on stderr and its exit code.

Exit codes: 0 ok, 1 score below --fail-under, 2 bad input, 3 nothing could be captured.
"""

from __future__ import annotations

import contextlib
import functools
import json
import math
import os
import re
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from audit import __version__
from audit.errors import FindableError, InputError


class _Command(typer.core.TyperCommand):
    """Help that reads like a Unix tool's: a flag shows no value type (`--json`, not
    `--json <bool>`), and the usage line names arguments in capitals (`BRANDS_CSV`,
    `[TARGETS]...`) instead of the placeholder syntax some Typer versions print."""

    def get_params(self, ctx: Any) -> list[Any]:
        params = list(super().get_params(ctx))
        for param in params:
            if getattr(param, "is_flag", False) and param.metavar is None:
                param.metavar = ""
        return params

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name != "argument":
                continue
            name = (param.metavar or param.name or "").upper()
            name = name if param.required else f"[{name}]"
            pieces.append(name + ("..." if param.nargs != 1 else ""))
        return pieces


class _App(typer.Typer):
    """The `findable` entry point. Whatever goes wrong ends as one line on stderr and an exit
    code: a usage mistake (unknown option, a value of the wrong type) exits 2 like any bad
    input, a closed stdout (`findable history --json | head`) ends quietly like a Unix tool."""

    def command(self, *args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("cls", _Command)
        return super().command(*args, **kwargs)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
        try:
            code = super().__call__(*args, **kwargs)
        except BrokenPipeError:
            _quiet_broken_pipe()
        except (typer.Abort, EOFError):
            _err("aborted")
            sys.exit(1)
        except KeyboardInterrupt:
            _err("interrupted")
            sys.exit(130)
        except Exception as exc:
            line = _usage_error_line(exc)
            if line is None:
                raise
            if line:  # empty when the help was shown instead (`findable` alone)
                _err(line)
            sys.exit(2)
        sys.exit(code if isinstance(code, int) else 0)


def _usage_error_line(exc: BaseException) -> str | None:
    """Click/Typer's usage errors (they carry `format_message` and `exit_code`) as one line
    that also says where the help is; None for anything else."""
    if not (hasattr(exc, "format_message") and isinstance(getattr(exc, "exit_code", None), int)):
        return None
    message = " ".join(str(exc.format_message()).split())
    if not message:
        return ""
    ctx = getattr(exc, "ctx", None)
    command = getattr(ctx, "command_path", None) or "findable"
    return f"{message} (see '{command} --help')"


def _quiet_broken_pipe() -> None:
    """The reader went away: stop writing, say nothing, exit as a SIGPIPE'd tool does."""
    with contextlib.suppress(OSError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    sys.exit(141)


app = _App(
    name="findable",
    help="Audit how findable a brand is in social search (Instagram, TikTok, YouTube, ...).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

F = TypeVar("F", bound=Callable[..., Any])


def _err(message: str) -> None:
    typer.echo(f"findable: error: {message}", err=True)


def handle_errors(func: F) -> F:
    """Domain errors become one clear stderr line and their exit code, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except FindableError as exc:
            _err(str(exc))
            raise typer.Exit(code=exc.exit_code) from None
        except KeyboardInterrupt:
            _err("interrupted")
            raise typer.Exit(code=130) from None
        except BrokenPipeError:
            _quiet_broken_pipe()
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except Exception as exc:
            if os.environ.get("FINDABLE_DEBUG"):
                raise
            _err(
                f"internal error ({type(exc).__name__}: {exc}); this is a findable bug: "
                "rerun with FINDABLE_DEBUG=1 for the traceback and report it"
            )
            raise typer.Exit(code=70) from None

    return wrapper  # type: ignore[return-value]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"findable {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """findable: is your business found where people search now?"""


def _parse_when(text: str | None) -> datetime | None:
    if text is None:
        return None
    from audit.dates import parse_iso

    when = parse_iso(text)
    if when is None:
        raise InputError(f"--captured-at {text!r} is not an ISO 8601 time; e.g. 2026-11-20T09:30Z")
    return when


# --- options shared by commands ----------------------------------------------------------

# --out and --db are read as text: an empty value is a mistake to name, not the current folder
OutOpt = Annotated[
    str, typer.Option("--out", "-o", help="Folder for the reports (and the snapshot).")
]
FormatOpt = Annotated[
    str,
    typer.Option("--format", help="Comma list of json,md,html,csv,pdf; all = json,md,html,csv."),
]
DbOpt = Annotated[
    str | None,
    typer.Option("--db", help="History database (default: your user data folder, or FINDABLE_DB)."),
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors.")]


def _path_option(flag: str, text: str | None) -> Path | None:
    """A path given as an option's text; an empty one is refused, naming the option."""
    if text is None:
        return None
    if not text.strip():
        raise InputError(f"{flag} is empty; give a path")
    if "\x00" in text:
        raise InputError(f"{flag} {text!r} contains a NUL character; give a path")
    return Path(text)


def _out_dir(text: str) -> Path:
    path = _path_option("--out", text)
    assert path is not None
    return path


def _score_limit(value: float | None) -> float | None:
    """--fail-under is a score: a finite number from 0 to 100."""
    if value is not None and not (math.isfinite(value) and 0 <= value <= 100):
        raise InputError(f"--fail-under {value:g}: give a score from 0 to 100")
    return value


def _stored_line(audit_id: int, db: Path | None) -> str:
    """Where the audit went, and `findable diff` only when it has something to compare: an
    earlier audit of this brand (diff compares the latest audit with the one before it)."""
    from audit import history

    try:
        history.pick_pair(db)
    except InputError:
        return f"Stored as audit #{audit_id}, the first of this brand; audit again to compare."
    return f"Stored as audit #{audit_id}; compare with the previous: findable diff"


# --- audit -----------------------------------------------------------------------------------


@app.command()
@handle_errors
def audit(
    targets: Annotated[
        list[str] | None,
        typer.Argument(help="Profile URLs or platform:@handle (e.g. instagram:@bluedoorbakery)."),
    ] = None,
    brand_file: Annotated[
        Path | None, typer.Option("--brand", "-b", help="Brand file (findable.toml).")
    ] = None,
    snapshot: Annotated[
        Path | None, typer.Option("--snapshot", help="Re-audit a saved snapshot folder, offline.")
    ] = None,
    har: Annotated[
        Path | None, typer.Option("--har", help="A HAR exported from your browser's devtools.")
    ] = None,
    export: Annotated[
        Path | None,
        typer.Option("--export", help="Your data export (.zip, or posts_1.json/tweets.js...)."),
    ] = None,
    from_files: Annotated[
        list[Path] | None,
        typer.Option("--from", help="Saved page or API JSON (repeat: together one profile)."),
    ] = None,
    platform: Annotated[
        str | None, typer.Option("--platform", "-p", help="Platform of --from/--har input.")
    ] = None,
    captured_at: Annotated[
        str | None,
        typer.Option("--captured-at", help="Capture time (ISO) for inputs that carry none."),
    ] = None,
    out: OutOpt = "findable-report",
    formats: FormatOpt = "all",
    json_out: Annotated[
        bool, typer.Option("--json", help="Print the AuditResult JSON to stdout instead.")
    ] = False,
    keywords: Annotated[
        str | None, typer.Option("--keywords", "-k", help='Target keywords, "a,b".')
    ] = None,
    location: Annotated[str | None, typer.Option(help="The business's city / area.")] = None,
    local: Annotated[
        bool | None, typer.Option("--local/--not-local", help="A local business?")
    ] = None,
    select: Annotated[
        str | None, typer.Option(help='Only these check IDs/prefixes, "BIO,ALT".')
    ] = None,
    ignore: Annotated[
        str | None, typer.Option(help='Skip these check IDs/prefixes, "CAD003".')
    ] = None,
    fail_under: Annotated[
        float | None, typer.Option("--fail-under", help="Exit 1 when the brand score is lower.")
    ] = None,
    storage_state: Annotated[
        Path | None,
        typer.Option("--storage-state", help="Your own logged-in Playwright storage state."),
    ] = None,
    quiet: QuietOpt = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Also show what was read, and from where.")
    ] = False,
    db: DbOpt = None,
    no_history: Annotated[
        bool, typer.Option("--no-history", help="Do not store this audit in the history.")
    ] = False,
) -> None:
    """Audit profiles: live, from a HAR, from saved files, or by replaying a snapshot."""
    from audit import runner

    fail_under = _score_limit(fail_under)
    history_db = _path_option("--db", db)
    request = runner.AuditRequest(
        targets=list(targets or []),
        brand_file=brand_file,
        snapshot=snapshot,
        har=har,
        export=export,
        from_files=list(from_files or []),
        platform=platform,
        captured_at=_parse_when(captured_at),
        out=_out_dir(out),
        formats=formats,
        to_stdout=json_out,
        flags={
            "keywords": keywords,
            "location": location,
            "local": local,
            "select": select,
            "ignore": ignore,
        },
        storage_state=storage_state,
        quiet=quiet or json_out,
        verbose=verbose,
        history=not no_history,
        db=history_db,
    )
    result = runner.run(request)
    stored = None
    if not no_history:
        from audit import history

        stored = _stored_line(history.record(result, history_db), history_db)
    _finish(result, request, fail_under, quiet=quiet, stored=stored)


def _finish(
    result: Any, request: Any, fail_under: float | None, *, quiet: bool, stored: str | None
) -> None:
    """Print the result (its last line: where the audit was stored); exit 1, saying why on
    stderr (even under --json, whose stdout is the JSON alone), when the score is under
    --fail-under. Only --quiet silences that."""
    from audit import runner

    if request.to_stdout:
        typer.echo(result.model_dump_json(indent=2))
    elif not request.quiet:
        runner.print_summary(result, request, stored)
    if request.verbose and not request.to_stdout:
        runner.print_inputs(result)
    if fail_under is not None and (result.score is None or result.score < fail_under):
        if not quiet:
            from audit.result import shown_score

            shown = shown_score(result.score)
            score = "no score" if shown is None else f"score {shown}"
            _err(f"brand {score} is below --fail-under {fail_under:g}")
        raise typer.Exit(code=1)


@app.command()
@handle_errors
def demo(
    out: OutOpt = "findable-report",
    formats: FormatOpt = "all",
    quiet: QuietOpt = False,
    db: DbOpt = None,
    no_history: Annotated[
        bool, typer.Option("--no-history", help="Do not store the demo audit in the history.")
    ] = False,
) -> None:
    """Audit the bundled demo brand offline, through the real capture path (recorded HARs).

    Stored in the history like any audit, so 'findable diff' works right after a second run."""
    from audit import runner

    history_db = _path_option("--db", db)
    request = runner.demo_request(
        out=_out_dir(out), formats=formats, quiet=quiet, history=not no_history, db=history_db
    )
    result = runner.run(request)
    stored = None
    if not no_history:
        from audit import history

        stored = _stored_line(history.record(result, history_db), history_db)
    _finish(result, request, None, quiet=quiet, stored=stored)


@app.command()
@handle_errors
def batch(
    brands_csv: Annotated[
        Path, typer.Argument(help="CSV: a 'brand' column, then profiles, har, brand_file...")
    ],
    out: Annotated[
        str, typer.Option("--out", "-o", help="Folder: one subfolder per brand + summaries.")
    ] = "findable-batch",
    formats: FormatOpt = "all",
    fail_under: Annotated[
        float | None,
        typer.Option("--fail-under", help="Exit 1 when any brand scores lower (or fails)."),
    ] = None,
    quiet: QuietOpt = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Show capture progress.")
    ] = False,
    db: DbOpt = None,
    no_history: Annotated[
        bool, typer.Option("--no-history", help="Do not store these audits in the history.")
    ] = False,
) -> None:
    """Audit many brands from a CSV (one row each), for consultants: reports + a summary."""
    from audit import batch as batch_mod

    fail_under = _score_limit(fail_under)
    out_dir, history_db = _out_dir(out), _path_option("--db", db)

    def line(row: batch_mod.RowOutcome) -> None:
        """Each brand as it ends: its score and where its report is, or why it failed."""
        if quiet:
            return
        from audit.console import report_files, score_words, wrap
        from reports import parse_formats

        if row.ok:
            report = row.out / report_files(parse_formats(formats))[0]
            said = f"{row.row.brand}: {score_words(row.score, row.band)}, report: {report}"
        else:
            said = f"{row.row.brand}: not audited — {batch_mod.failure_words(row.error)}"
        typer.echo("\n".join(wrap(said, "  ", "    ")))

    result = batch_mod.run_batch(
        brands_csv,
        out_dir,
        formats=formats,
        history=not no_history,
        db=history_db,
        verbose=verbose,
        on_row=line,
    )
    if not quiet:
        from audit.console import wrap

        said = f"Summary of every brand: {result.summary_md} (and {result.summary_csv.name})"
        typer.echo("\n".join(wrap(said, "", "  ")))
    code = result.exit_code(fail_under)
    if code == 3:
        _err(f"no brand could be audited; see the errors in {result.summary_csv}")
    elif code == 1 and fail_under is not None:
        names = ", ".join(r.row.brand for r in result.below(fail_under))
        _err(f"below --fail-under {fail_under:g}: {names}")
    raise typer.Exit(code=code)


@app.command()
@handle_errors
def init(
    path: Annotated[Path, typer.Argument(help="Where to write the brand file.")] = Path(
        "findable.toml"
    ),
    name: Annotated[str | None, typer.Option(help="Business name.")] = None,
    keywords: Annotated[str | None, typer.Option("--keywords", "-k", help='"a,b,c"')] = None,
    location: Annotated[str | None, typer.Option(help="City / area.")] = None,
    local: Annotated[
        bool | None,
        typer.Option("--local/--not-local", help="Do customers visit you in person?"),
    ] = None,
    website: Annotated[str | None, typer.Option(help="https://...")] = None,
    profiles: Annotated[
        str | None, typer.Option(help='Profiles, "instagram:@a,https://bsky.app/profile/b"')
    ] = None,
    competitors: Annotated[str | None, typer.Option(help="Competitors' profiles.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    no_input: Annotated[
        bool, typer.Option("--no-input", help="Never prompt; take everything from flags.")
    ] = False,
) -> None:
    """Write a brand file: asks for what flags did not give (or --no-input for scripts)."""
    from audit import runner

    runner.init_brand(
        path,
        values={
            "name": name,
            "keywords": keywords,
            "location": location,
            "local": local,
            "website": website,
            "profiles": profiles,
            "competitors": competitors,
        },
        force=force,
        interactive=not no_input and sys.stdin.isatty(),
    )
    typer.echo(f"wrote {path}; audit with: findable audit --brand {path}")


# --- extract ---------------------------------------------------------------------------------


@app.command()
@handle_errors
def extract(
    files: Annotated[
        list[Path] | None, typer.Argument(help="Saved pages, API JSON bodies or HARs.")
    ] = None,
    export: Annotated[
        Path | None, typer.Option("--export", help="A data export (.zip or a file from it).")
    ] = None,
    platform: Annotated[
        str | None, typer.Option("--platform", "-p", help="Platform (guessed from a HAR's URLs).")
    ] = None,
    captured_at: Annotated[
        str | None, typer.Option("--captured-at", help="Capture time (ISO) for relative dates.")
    ] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the Profile as JSON.")] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Show where each field was read.")
    ] = False,
) -> None:
    """Show what findable reads in these files: the user's 'what does the tool see here?'."""
    from audit import runner

    when = _parse_when(captured_at)
    if export is not None:
        if files:
            raise InputError("give files or --export, not both")
        profile = runner.extract_export_file(export, platform, when)
    else:
        profile = runner.extract_files(list(files or []), platform, when)
    if json_out:
        data = profile.model_dump(mode="json", exclude={"sources"} if not verbose else set())
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        runner.print_profile(profile, verbose=verbose)


# --- keywords --------------------------------------------------------------------------------

# BCP 47's shape (a 2-3 letter language, then subtags): `en`, `sl`, `pt-BR`, `zh_Hant`
_LANG_CODE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")


@app.command()
@handle_errors
def keywords(
    text: Annotated[str | None, typer.Argument(help="Text to read (a bio, a caption...).")] = None,
    file: Annotated[Path | None, typer.Option("--file", "-f", help="Read a text file.")] = None,
    url: Annotated[
        str | None, typer.Option("--url", help="Read a web page (through the capture layer).")
    ] = None,
    jsonl: Annotated[
        Path | None,
        typer.Option("--jsonl", help='Batch: lines {"id","text","lang"?} -> one JSON line each.'),
    ] = None,
    top: Annotated[int, typer.Option("--top", "-k", help="How many keywords.")] = 10,
    lang: Annotated[
        str | None, typer.Option("--lang", help="Language code (detected when not given).")
    ] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """The keywords findable extracts from a text, a file, a web page or a JSONL batch."""
    from audit import runner

    if lang is not None and not _LANG_CODE.fullmatch(lang):
        raise InputError(f"--lang {lang!r} is not a language code; write one like en, sl or pt-BR")
    given = [x for x in (text, file, url, jsonl) if x is not None]
    if len(given) != 1:
        raise InputError("give one of: TEXT, --file F, --url URL or --jsonl FILE")
    if top < 1:
        raise InputError(f"--top must be at least 1, not {top}")
    if jsonl is not None:
        for line in runner.keywords_jsonl_file(jsonl, top):
            typer.echo(line)
        return
    found = runner.keywords_of(text=text, file=file, url=url, top=top, lang=lang)
    if json_out:
        typer.echo(json.dumps([k.to_dict() for k in found], ensure_ascii=False, indent=2))
        return
    if not found:
        typer.echo("No keywords found (the text has no content words).")
    for k in found:
        typer.echo(f"{k.score:5.2f}  {k.text}  [{k.lang}]")


# --- history ---------------------------------------------------------------------------------


@app.command("history")
@handle_errors
def history_cmd(
    brand: Annotated[str | None, typer.Option(help="Only this brand's audits.")] = None,
    limit: Annotated[int, typer.Option(help="How many, newest first.")] = 20,
    db: DbOpt = None,
    json_out: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """List stored audits, newest first."""
    from audit import history

    if limit < 1:
        raise InputError(f"--limit {limit}: give how many audits to list, 1 or more")
    rows = history.list_audits(_path_option("--db", db), brand=brand, limit=limit)
    if json_out:
        typer.echo(json.dumps([r.model_dump(mode="json") for r in rows], indent=2))
        return
    from audit.console import print_history

    if not rows and brand:
        typer.echo(f"No audits of {brand!r} stored; 'findable history' lists every brand's.")
        return
    print_history(rows)


@app.command("diff")
@handle_errors
def diff_cmd(
    before: Annotated[
        int | None, typer.Argument(help="Older audit id (default: previous).")
    ] = None,
    after: Annotated[int | None, typer.Argument(help="Newer audit id (default: latest).")] = None,
    brand: Annotated[str | None, typer.Option(help="Compare this brand's last two audits.")] = None,
    against: Annotated[
        int | None,
        typer.Option("--against", help="Compare the brand's latest audit with this audit id."),
    ] = None,
    db: DbOpt = None,
    json_out: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """What changed between two audits of one brand: fixed, regressed, new, score deltas."""
    from audit import history
    from audit.console import print_diff

    if (before is None) != (after is None):
        raise InputError("give two audit ids (older newer), or none for the last two")
    history_db = _path_option("--db", db)
    before, after = history.pick_pair(
        history_db, before=before, after=after, against=against, brand=brand
    )
    d = history.diff(history.load(before, history_db), history.load(after, history_db))
    d.before_id, d.after_id = before, after
    if json_out:
        typer.echo(d.model_dump_json(indent=2))
    else:
        print_diff(d)


# --- schema, checks --------------------------------------------------------------------------


@app.command()
@handle_errors
def schema() -> None:
    """Print the JSON Schema of the audit result (report.json)."""
    from audit.result import AuditResult

    typer.echo(json.dumps(AuditResult.model_json_schema(), indent=2))


@app.command("checks")
@handle_errors
def checks_cmd(
    explain: Annotated[
        str | None, typer.Option("--explain", help="Print one check's full documentation.")
    ] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Machine-readable list.")] = False,
) -> None:
    """List every check (ID, title, category, weight, platforms), or explain one."""
    from audit import runner

    if explain is not None:
        if not explain.strip():
            raise InputError("--explain needs a check ID or slug, e.g. --explain BIO003")
        from audit.console import print_explained

        print_explained(runner.explain_check(explain))
    elif json_out:
        typer.echo(json.dumps(runner.checks_metadata(), ensure_ascii=False, indent=2))
    else:
        runner.print_checks()


@app.command()
@handle_errors
def browser() -> None:
    """Print the Chromium findable will drive (or how to install one)."""
    from audit.browser import browser_version, find_chromium

    path = find_chromium()
    typer.echo(f"{path} ({browser_version(path) or 'version unknown'})")


def run() -> None:  # pragma: no cover - console entry for `python -m audit`
    app()
    sys.exit(0)
