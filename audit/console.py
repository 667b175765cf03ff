"""What the command line prints for a reader: the audit summary, a diff, the history list.

Written for an owner at an 80-column terminal: paragraphs wrap at the terminal's width with
a hanging indent (never mid-word, never inside a text to paste), profiles are named as people
say them ("Instagram @modravrata.bakery"), and the same fix on several profiles is one item,
as in the reports (audit/fixes.py). Text read from a profile is printed without its control
characters, so a bio cannot move the cursor or recolour the terminal.
"""

from __future__ import annotations

import re
import shutil
import textwrap
from collections.abc import Iterable, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from audit.fixes import TopFix, answer_sentence, audit_name, profile_label, top_fixes
from audit.model import Outcome
from audit.result import AuditResult, Progress, Suggestion, shown_delta, shown_score

if TYPE_CHECKING:
    from audit.history import AuditDiff, CheckChange, StoredAudit
    from checks.base import CheckMeta

__all__ = [
    "band_words",
    "print_checks",
    "print_diff",
    "print_explained",
    "print_history",
    "print_summary",
    "report_files",
    "score_words",
    "terminal_text",
    "wrap",
]

# wider lines are hard to read even on a wide terminal; narrower ones hold too little
_MIN_WIDTH, _MAX_WIDTH = 40, 100
# C0 controls but line breaks, DEL and C1 controls (ESC starts a terminal escape sequence)
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def _width() -> int:
    """The terminal's width (COLUMNS, else 80 when not a terminal), kept readable."""
    columns = shutil.get_terminal_size((80, 24)).columns
    return max(_MIN_WIDTH, min(columns, _MAX_WIDTH))


def terminal_text(text: str) -> str:
    """Text safe to print: a tab is a space, other control characters (an escape sequence's
    ESC among them) show as '�' instead of acting on the terminal."""
    return _CONTROL.sub(lambda m: " " if m.group(0) == "\t" else "\ufffd", text)


def wrap(text: str, indent: str = "", hang: str | None = None, *, width: int = 0) -> list[str]:
    """A paragraph as lines of `width` (default: the terminal's): the first line starts with
    `indent`, the next ones with `hang` (default: `indent`); words and URLs are never cut."""
    text = " ".join(terminal_text(text).split())
    return textwrap.wrap(
        text,
        width=width or _width(),
        initial_indent=indent,
        subsequent_indent=indent if hang is None else hang,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [indent.rstrip()]


def _echo(lines: Iterable[str]) -> None:
    for line in lines:
        typer.echo(line)


def band_words(band: str | None) -> str:
    """'needs-work' -> 'needs work': a band as it is said."""
    return (band or "").replace("-", " ")


def score_words(score: float | None, band: str | None = None) -> str:
    """'79/100 (needs work)', or 'not scored' when nothing could be judged."""
    shown = shown_score(score)
    if shown is None:
        return "not scored"
    return f"{shown}/100" + (f" ({band_words(band)})" if band else "")


def _short(score: float | None) -> str:
    shown = shown_score(score)
    return "—" if shown is None else str(shown)


def _change(before: float | None, after: float | None) -> str:
    """'79 → 81 (+2)', the change between the shown scores."""
    delta = shown_delta(before, after)
    return f"{_short(before)} → {_short(after)}" + (f" ({delta})" if delta else "")


def _utc(when: datetime | None) -> str:
    if when is None:
        return "an unknown time"
    if when.tzinfo is not None:
        when = when.astimezone(timezone.utc)
    return when.strftime("%Y-%m-%d %H:%M UTC")


def _columns(rows: Sequence[tuple[str, str]], indent: str = "  ") -> list[str]:
    """Label and value in two columns; a label too long for its column puts the value on the
    next line instead of pushing it off the screen."""
    room = max((len(label) for label, _ in rows), default=0)
    room = min(room, _width() // 2)
    lines: list[str] = []
    for label, value in rows:
        label = terminal_text(label)
        hang = indent + " " * (room + 2)
        if len(label) > room:
            lines.append(f"{indent}{label}")
            lines += wrap(value, hang)
        else:
            lines += wrap(value, f"{indent}{label:<{room}}  ", hang)
    return lines


# --- the audit summary ----------------------------------------------------------------------


def _profile_rows(result: AuditResult) -> list[tuple[str, str]]:
    rows = []
    for pr in result.profiles:
        if pr.outcome is Outcome.OK:
            value = score_words(pr.score, pr.band)
        else:
            reason = f" — {pr.reason}" if pr.reason else ""
            value = f"not read: {pr.outcome.words}{reason}"
        rows.append((profile_label(pr), value))
    return rows


def _by_profile(items: Sequence[tuple[str, str]], indent: str) -> list[str]:
    """(profile, text) pairs grouped by profile: the profile named once, its items below."""
    groups: dict[str, list[str]] = {}
    for where, text in items:
        groups.setdefault(where, []).append(text)
    lines: list[str] = []
    for where, texts in groups.items():
        lines += wrap(where, indent)
        for text in texts:
            lines += wrap(f"- {text}", indent + "  ", indent + "    ")
    return lines


def _progress_lines(progress: Progress) -> list[str]:
    """What changed since the brand's previous stored audit, as the reports say it."""
    lines = [""]
    lines += wrap(
        f"Since your last audit (#{progress.previous_id}, {_utc(progress.previous_at)}): "
        f"score {_change(progress.score_before, progress.score_after)}"
    )
    changed = False
    for title, items in (
        ("Fixed", progress.fixed),
        ("Got worse", progress.regressed),
        ("New problems", progress.new),
        ("Partly better or worse", progress.partial),
    ):
        if not items:
            continue
        changed = True
        lines.append(f"  {title} ({len(items)}):")
        said = [(i.where, f"{i.title}: {i.detail}" if i.detail else i.title) for i in items]
        lines += _by_profile(said, "    ")
    if not changed:
        lines.append("  No check changed its verdict.")
    return lines


def _suggestion_lines(items: Sequence[Suggestion], indent: str) -> list[str]:
    """What to paste, each text on its own lines exactly as it is to be pasted (not wrapped:
    a line break added here would end up in the bio); a note all share said once first."""
    notes = {s.note for s in items}
    shared = notes.pop() if len(notes) == 1 and len(items) > 1 else None
    hang = indent + "  "
    lines = wrap(shared, indent, hang) if shared else []
    for item in items:
        size = f"{item.length}/{item.limit}" if item.limit else f"{item.length}"
        kind = "Draft to check" if item.draft else "Ready to paste"
        lines += wrap(f"{kind} — {item.label}, {size} characters:", indent, hang)
        lines += [f"{indent}    {terminal_text(line)}" for line in item.text.split("\n")]
        if item.note and shared is None:
            lines += wrap(item.note, indent, hang)
    return lines


def _fix_lines(number: int, fix: TopFix) -> list[str]:
    check = fix.check
    head = f"{number:>2}. "
    pad = " " * len(head)
    lines = [""]
    lines += wrap(check.title, head, pad)
    lines += wrap(", ".join(fix.where), pad)
    for who, message in fix.messages:
        lines += wrap(f"{who}: {message}" if who else message, pad, pad + "  ")
    if check.why:
        lines += wrap(f"Why it matters: {check.why}", pad, pad + "  ")
    for who, todo in fix.todos:
        lines += wrap(f"What to do ({who}): {todo}" if who else f"What to do: {todo}", pad,
                      pad + "  ")  # fmt: skip
    shown = fix.suggestions[:3]
    lines += _suggestion_lines([s for _, s in shown], pad)
    more = len(fix.suggestions) - len(shown)
    if more:
        lines += wrap(f"{more} more to paste in the report.", pad)
    return lines


def report_files(formats: Sequence[str]) -> list[str]:
    """The reports written, the one to open first (a page) first."""
    order = ("html", "pdf", "md", "json", "csv")
    return [f"report.{f}" for f in sorted(formats, key=order.index) if f in order]


def print_summary(
    result: AuditResult,
    *,
    out: Path | None,
    formats: Sequence[str] = (),
    snapshot: Path | None = None,
    stored: str | None = None,
) -> None:
    """The owner's minute: the score, what changed since last time, what to fix first (with
    what to paste), then where the full report is."""
    lines = [""]
    name = audit_name(result) or "Score"
    lines += wrap(f"{name}: {score_words(result.score, result.band)}")
    lines += _columns(_profile_rows(result))
    if result.progress is not None:
        lines += _progress_lines(result.progress)
    every = top_fixes(result, limit=len(result.profiles) * 1000 + 1000)
    fixes = every[:5]
    lines += ["", "What to fix first"]
    lines += wrap(answer_sentence(result, fixes, see="above"))
    for number, fix in enumerate(fixes, 1):
        lines += _fix_lines(number, fix)
    if len(every) > len(fixes):
        more = len(every) - len(fixes)
        lines += ["", *wrap(f"{more} more {'fix is' if more == 1 else 'fixes are'} in the report.")]
    for note in result.notes:
        lines += ["", *wrap(f"Note: {note}", "", "  ")]
    if out is not None:
        files = report_files(formats)
        lines.append("")
        if files:
            others = f" (also {', '.join(files[1:])})" if files[1:] else ""
            lines += wrap(f"Full report: {out / files[0]}{others}", "", "  ")
        else:
            lines += wrap(f"Reports written to {out}/")
    if snapshot is not None:
        lines += wrap(
            f"Snapshot saved in {snapshot}/ (audit it again offline with --snapshot)", "", "  "
        )
    if stored:
        lines += wrap(stored, "", "  ")
    _echo(lines)


# --- diff and history -------------------------------------------------------------------------


def _changes(title: str, items: Sequence[CheckChange], *, partial: bool = False) -> list[str]:
    """One section of a diff, grouped by profile: the profile once, then its checks."""
    if not items:
        return []
    from audit.history import where_label

    lines = ["", f"{title} ({len(items)}):"]
    said = []
    for c in items:
        text = c.detail if partial else c.message
        said.append((where_label(c.where), f"{c.title}: {text}" if text else c.title))
    return lines + _by_profile(said, "  ")


def print_diff(d: AuditDiff) -> None:
    """Two audits of one brand: the score change, then what was fixed, got worse, is new,
    is still to fix and moved partly, profile by profile."""
    from audit.history import where_label

    audits = f"audit #{d.before_id} → #{d.after_id}"
    lines = wrap(
        (f"{d.brand}, {audits}" if d.brand else audits.capitalize())
        + f": score {_change(d.score_before, d.score_after)}"
    )
    lines += _columns([(where_label(p.where), _change(p.before, p.after)) for p in d.profiles])
    if d.keywords_changed:
        before = ", ".join(d.keywords_before) or "none"
        after = ", ".join(d.keywords_after) or "none"
        lines += ["", *wrap(
            f"Note: the target keywords differ (#{d.before_id}: {before}; #{d.after_id}: "
            f"{after}), so a keyword check that moved reflects the words, not the profile.",
            "", "  ",
        )]  # fmt: skip
    if not (d.fixed or d.regressed or d.new or d.partial):
        lines += ["", "No check changed its verdict."]
    lines += _changes("Fixed", d.fixed)
    lines += _changes("Got worse", d.regressed)
    lines += _changes("New problems", d.new)
    lines += _changes("Partly better or worse", d.partial, partial=True)
    lines += _changes("Still to fix", d.still_failing)
    _echo(lines)


def print_history(rows: Sequence[StoredAudit]) -> None:
    """Stored audits, newest first: number, time, score and brand on one line, the
    profiles it covered below it."""
    from audit.history import where_label

    if not rows:
        typer.echo("No audits stored yet; run 'findable audit ...' first.")
        return
    lines = ["Audit  When (UTC)        Score  Brand"]
    for r in rows:
        when = _utc(r.generated_at).removesuffix(" UTC") if r.generated_at else "unknown time"
        brand = terminal_text(r.brand or "(no brand)")
        lines.append(f"#{r.id:<5} {when:<16}  {_short(r.score):>5}  {brand}")
        names = [where_label(k.strip()) for k in r.profiles.split(",") if k.strip()]
        if names:
            lines += wrap(", ".join(names), "       ")
        if r.damaged:
            lines += wrap(f"damaged in the history: {r.damaged}", "       ")
    _echo(lines)


# --- checks ---------------------------------------------------------------------------------


def print_checks(metas: Sequence[CheckMeta]) -> None:
    """Every check on a line or two: ID, what it looks for, its category and weight, and the
    platforms it applies to by name (the full list of platforms wraps under the title)."""
    lines: list[str] = []
    for m in metas:
        names = sorted(p.label for p in m.platforms or ())
        where = "every platform" if not names else ", ".join(names)
        said = f"{m.title} — {m.category.value}, weight {m.weight:g}; {where}"
        lines += wrap(said, f"{m.id:<7} ", " " * 8)
    _echo(lines)


def print_explained(text: str) -> None:
    """A check's documentation with each paragraph wrapped to the terminal; headings and
    blank lines kept, so it still reads as Markdown when saved."""
    lines: list[str] = []
    for line in text.splitlines():
        lines += [line] if not line.strip() or line.startswith("#") else wrap(line)
    _echo(lines)
