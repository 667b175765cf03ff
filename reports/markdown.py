"""Markdown checklist: the to-do list a business owner works through, one `- [ ]` per fix.

Items are grouped by priority (severity), fails before warnings, heavier checks first, so
the top of the file is always the most worthwhile work. Everything that came from a
profile (or from a check message quoting one) is escaped: a bio is text, not Markdown.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from audit.result import (
    AuditResult,
    CheckResult,
    Discoverability,
    ProfileResult,
    Progress,
    Suggestion,
)
from reports._common import (
    answer_sentence,
    audit_name,
    band_label,
    band_of,
    cell_text,
    evidence_line,
    format_datetime,
    is_http_url,
    keyword_matrix,
    not_captured,
    passed,
    profile_status_text,
    same_reason,
    score_text,
    shown_delta,
    skipped_with_profile,
    status_label,
    todo_groups,
    top_fixes,
    truncate,
    unchecked,
)

__all__ = ["md_escape", "render_markdown"]

_INLINE = re.compile(r"([\\`*\[\]<|~])")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_LEADING = re.compile(r"^([#>+=-])")
_ORDERED = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")  # a list marker needs a space after
_TRAILING_HASHES = re.compile(r"(\s)(#+)$")
_UNDERSCORES = re.compile(r"_+")


def _escape_underscores(text: str) -> str:
    """Escape `_` runs unless letters sit on both sides (snake_case never makes emphasis).

    Keeps handles like blue_door_bakery readable in the raw file.
    """

    def repl(m: re.Match[str]) -> str:
        before = text[m.start() - 1] if m.start() > 0 else " "
        after = text[m.end()] if m.end() < len(text) else " "
        if before.isalnum() and after.isalnum():
            return m.group(0)
        return "\\_" * len(m.group(0))

    return _UNDERSCORES.sub(repl, text)


def md_escape(text: str | None, *, line_start: bool = False) -> str:
    """User text as literal inline Markdown on one line.

    Line breaks are folded into spaces (a bio with "\\n# Heading" or "\\n- [x] fake item" must
    not start a block), then every character that could start emphasis, code, a link, raw
    HTML, an entity, a table cell or a block marker is backslash-escaped.
    """
    if not text:
        return ""
    text = " ".join(text.split())
    text = _INLINE.sub(r"\\\1", text)
    text = _escape_underscores(text)
    text = _ENTITY.sub(r"\\&", text)
    if line_start:  # only text that begins a line can open a block (#, -, 1.)
        text = _LEADING.sub(r"\\\1", text)
        text = _ORDERED.sub(r"\1\\\2", text)
    return _TRAILING_HASHES.sub(lambda m: m.group(1) + "\\#" * len(m.group(2)), text)


def _url(url: str | None) -> str:
    """An http(s) URL as an autolink; anything else only as escaped text, never a link."""
    if not url:
        return ""
    if is_http_url(url) and "<" not in url and ">" not in url:
        return f"<{url}>"
    return md_escape(url)


def code_span(text: str) -> str:
    """Literal text as a Markdown code span: a fence longer than any backtick run inside,
    padded when the text starts or ends with a backtick."""
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or longest else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _suggestion_lines(item: Suggestion, indent: str = "  ", *, with_note: bool = True) -> list[str]:
    """A fix to paste: one line as a code span; a bio of several lines as a fenced block
    (a code span cannot hold a line break)."""
    size = f"{item.length}/{item.limit}" if item.limit else f"{item.length}"
    draft = " (draft: check it against the photo first)" if item.draft else ""
    head = f"{indent}- {md_escape(item.label)}{draft}, {size} characters:"
    if "\n" in item.text:
        longest = max((len(m) for m in re.findall(r"`+", item.text)), default=0)
        fence = "`" * max(3, longest + 1)
        body = [f"{indent}  {fence}text", *(f"{indent}  {line}" for line in item.text.split("\n"))]
        lines = [head, *body, f"{indent}  {fence}"]
    else:
        lines = [f"{head} {code_span(item.text)}"]
    if item.note and with_note:
        lines.append(f"{indent}  {md_escape(item.note)}")
    return lines


def _suggestion_block(items: Sequence[Suggestion], indent: str = "  ") -> list[str]:
    """Several suggestions; a note they all share (the drafts' 'check it against the
    photo') said once, before them."""
    notes = {i.note for i in items}
    shared = notes.pop() if len(notes) == 1 and len(items) > 1 else None
    lines = [f"{indent}- {md_escape(shared)}"] if shared else []
    for item in items:
        lines += _suggestion_lines(item, indent, with_note=shared is None)
    return lines


def _evidence_text(check: CheckResult) -> str:
    return "; ".join(evidence_line(e, 80) for e in check.evidence)


def _todo_item(check: CheckResult) -> list[str]:
    lines = [
        f"- [ ] **{md_escape(check.title)}** ({status_label(check.status).lower()}, "
        f"`{check.id}`) — {md_escape(check.message)}"
    ]
    if check.fix:
        lines.append(f"  - Fix: {md_escape(check.fix)}")
    lines += _suggestion_block(check.suggestions)
    if check.evidence:
        lines.append(f"  - Evidence: {md_escape(_evidence_text(check))}")
    return lines


def _checklist(
    checks: Sequence[CheckResult], profile: ProfileResult | None, level: int
) -> list[str]:
    """To do (by priority), passed, could not check: the body shared by brand and profiles."""
    hashes = "#" * level
    lines: list[str] = []
    groups = todo_groups(checks)
    if groups:
        lines += ["", f"{hashes} To do"]
        for label, members in groups:
            lines += ["", f"**{label} priority**", ""]
            for check in members:
                lines += _todo_item(check)

    ok = passed(checks)
    if ok:
        lines += ["", f"{hashes} Passed ({len(ok)})", ""]
        lines += [f"- [x] {md_escape(c.title)} (`{c.id}`)" for c in ok]

    skipped, rest = (
        skipped_with_profile(profile, unchecked(checks)) if profile else ([], unchecked(checks))
    )
    if skipped or rest:
        lines += ["", f"{hashes} Could not check", ""]
        if skipped:
            ids = ", ".join(f"`{c.id}`" for c in skipped)
            lines.append(
                f"- {len(skipped)} checks skipped because the profile was not captured: {ids}"
            )
        for reason, members in same_reason(rest):
            if len(members) == 1:
                lines.append(
                    f"- {md_escape(members[0].title)} (`{members[0].id}`, "
                    f"{status_label(members[0].status).lower()}) — {md_escape(reason)}"
                )
            else:
                named = ", ".join(f"{md_escape(c.title)} (`{c.id}`)" for c in members)
                lines.append(f"- {md_escape(reason.removesuffix('.') + ':')} {named}")
    if not lines:
        lines = ["", "_No checks ran._"]
    return lines


def _profile_heading(profile: ProfileResult) -> str:
    return (
        f"{profile.platform.label} @{md_escape(profile.handle)} — "
        f"{md_escape(profile_status_text(profile))}"
    )


def _profile_section(profile: ProfileResult) -> list[str]:
    lines = ["", f"### {_profile_heading(profile)}", ""]
    facts = []
    name = profile.display_name or profile.profile.display_name
    if name:
        facts.append(f"Name: {md_escape(name)}")
    url = profile.url or profile.profile.url
    if url:
        facts.append(f"URL: {_url(url)}")
    if profile.profile.bio and not not_captured(profile):
        facts.append(f"Bio: {md_escape(truncate(profile.profile.bio, 300))}")
    lines += [f"- {fact}" for fact in facts] or ["- (nothing was read from this profile)"]
    if profile.categories and not not_captured(profile):
        scores = []
        for cat in profile.categories:
            shown = score_text(cat.score)
            title = md_escape(cat.title)
            scores.append(f"{title} {shown}" if shown else f"{title} not judged")
        lines.append(f"- Categories: {', '.join(scores)}")
    return lines + _checklist(profile.checks, profile, level=4)


def _cell(text: str) -> str:
    """Escaped text for a table cell (md_escape already escapes the pipe)."""
    return md_escape(text) or " "


def _keywords_section(disc: Discoverability, competitors: Sequence[ProfileResult]) -> list[str]:
    """The matrix (keyword rows x profile columns, cell = the fields that carry it), the
    simulated search against competitors, suggestions and the competitors' scores."""
    lines = ["", "## Keywords"]
    if disc.proposed:
        lines += [
            "",
            "These keywords were proposed by findable from the brand's website and own texts "
            "(proposed; confirm with --keywords or the brand file).",
        ]
    columns, rows = keyword_matrix(disc)
    if columns and rows:
        header = ["Keyword"] + [
            f"{c.platform.label} @{md_escape(c.handle)}" + (" (competitor)" if c.competitor else "")
            for c in columns
        ]
        lines += ["", "| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
        for keyword, cells in rows:
            name = md_escape(keyword) + (" (proposed)" if disc.proposed else "")
            lines.append("| " + " | ".join([name] + [_cell(cell_text(c)) for c in cells]) + " |")
        lines += [
            "",
            "Each cell lists the parts of the profile that contain the keyword, the one that "
            "counts most in search first (the name field, then the handle, bio, captions and "
            "hashtags, alt text, location); — means none does.",
        ]
    elif not disc.keywords:
        lines += ["", "No target keywords: nothing to match."]
    if disc.rankings:
        lines += ["", "### Against competitors", ""]
        lines += [f"- {md_escape(r.sentence)}" for r in disc.rankings]
    if disc.suggestions:
        lines += ["", "### Keywords competitors use and you do not", ""]
        for keyword in disc.suggestions:
            by = disc.suggested_by.get(keyword, [])
            where = f" — used by {md_escape(', '.join(by))}" if by else ""
            lines.append(f"- {md_escape(keyword)}{where}")
    if competitors:
        lines += ["", "### Competitors", ""]
        lines += [f"- {_profile_heading(p)}" for p in competitors]
    return lines


def _title(result: AuditResult) -> str:
    name = audit_name(result)
    head = f"# Findable audit: {md_escape(name)}" if name else "# Findable audit"
    shown = score_text(result.score)
    if shown is None:
        return f"{head} — not scored"
    label = band_label(band_of(result.score, result.band))
    return f"{head} — {shown}/100 ({label})"


def _answer(result: AuditResult) -> list[str]:
    """The answer first: one sentence, then the top fixes across every profile."""
    fixes = top_fixes(result)
    lines = [
        "",
        "## What to fix first",
        "",
        md_escape(answer_sentence(result, fixes), line_start=True),
    ]
    for number, fix in enumerate(fixes, 1):
        check = fix.check
        where = ", ".join(md_escape(w) for w in fix.where)
        lines += ["", f"{number}. **{md_escape(check.title)}** — {where}"]
        for who, message in fix.messages:  # each profile's own when they differ
            said = f"{md_escape(who)}: " if who else ""
            lines.append(f"   - {said}{md_escape(message)}")
        if check.why:
            lines.append(f"   - Why it matters: {md_escape(check.why)}")
        for who, todo in fix.todos:
            label = f"What to do ({md_escape(who)})" if who else "What to do"
            lines.append(f"   - {label}: {md_escape(todo)}")
        shown = fix.suggestions[:3]
        lines += _suggestion_block([item for _, item in shown], indent="   ")
        if more := fix.more_below(len(shown)):
            lines.append(f"   - {more}")
    return lines


def _progress(progress: Progress | None) -> list[str]:
    if progress is None:
        return []
    when = format_datetime(progress.previous_at)
    before, after = score_text(progress.score_before), score_text(progress.score_after)
    lines = ["", "## Since your last audit", ""]
    if before is not None and after is not None:
        delta = shown_delta(progress.score_before, progress.score_after)
        lines.append(f"Score {before} → {after} ({delta}) since the audit of {when}.")
    else:
        lines.append(f"Compared with the audit of {when}.")
    lines.append("")
    for p in progress.profiles:
        change = shown_delta(p.before, p.after)
        lines.append(
            f"- {md_escape(p.where)}: {score_text(p.before) or '—'} → "
            f"{score_text(p.after) or '—'}" + (f" ({change})" if change else "")
        )
    for title, items in (
        ("Fixed", progress.fixed),
        ("Got worse", progress.regressed),
        ("New problems", progress.new),
        ("Partly better or worse", progress.partial),
    ):
        if items:
            lines += ["", f"**{title} ({len(items)})**", ""]
            lines += [
                f"- {md_escape(i.title)}"
                + (f": {md_escape(i.detail)}" if i.detail else "")
                + f" — {md_escape(i.where)}"
                for i in items
            ]
    if not (progress.fixed or progress.regressed or progress.new or progress.partial):
        lines += ["", "No check changed its verdict."]
    if len(progress.trend) >= 2:
        scores = " → ".join(score_text(t.score) or "—" for t in progress.trend)
        lines += ["", f"Score over {len(progress.trend)} audits, oldest first: {scores}."]
    return lines


def render_markdown(result: AuditResult) -> str:
    """The checklist: score, the answer first (what to fix, ready to paste), progress since
    the last audit, summary, brand-wide checks, one section per profile, keyword details."""
    lines = [_title(result), ""]
    when = format_datetime(result.generated_at)
    lines.append(f"Generated {when} by findable {md_escape(result.tool_version)}.")
    if result.keywords:
        kind = "proposed keywords" if result.keywords_proposed else "target keywords"
        lines.append(f"Audited for {kind}: {', '.join(md_escape(k) for k in result.keywords)}.")

    lines += _answer(result)
    lines += _progress(result.progress)

    lines += ["", "## Summary", ""]
    if result.profiles:
        lines += [f"- {_profile_heading(p)}" for p in result.profiles]
    else:
        lines.append("- No profiles were audited.")

    if result.brand_checks:
        lines += ["", "## Across all profiles"]
        lines += _checklist(result.brand_checks, None, level=3)

    if result.profiles:
        lines += ["", "## Profiles"]
        for profile in result.profiles:
            lines += _profile_section(profile)

    if result.discoverability is not None:
        lines += _keywords_section(result.discoverability, result.competitors)
    elif result.competitors:
        lines += ["", "## Competitors", ""]
        lines += [f"- {_profile_heading(p)}" for p in result.competitors]

    if result.notes:
        lines += ["", "## Notes", ""]
        lines += [f"- {md_escape(note)}" for note in result.notes]
    return "\n".join(lines) + "\n"
