"""HTML report: one self-contained page a consultant can hand to a client.

Inline CSS and SVG only; no script, font, image or stylesheet is fetched (a Content Security
Policy makes that a guarantee, not just a habit), so the file opens offline, prints, and
cannot phone home. Every string from the AuditResult is untrusted: it is escaped, user text
gets `dir="auto"` so Persian and Arabic bios read right, and only http(s) URLs become links.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence
from functools import cache
from html import escape
from importlib.resources import files

from audit.result import (
    AuditResult,
    CategoryScore,
    CheckResult,
    Discoverability,
    Evidence,
    KeywordCell,
    ProfileResult,
    Progress,
    Status,
    Suggestion,
)
from reports._common import (
    NO_FIELD,
    TopFix,
    answer_sentence,
    audit_name,
    band_label,
    band_of,
    evidence_line,
    field_text,
    format_datetime,
    is_http_url,
    keyword_matrix,
    not_captured,
    outcome_label,
    passed,
    same_reason,
    score_text,
    shown_delta,
    skipped_with_profile,
    status_label,
    todo_groups,
    top_fixes,
    truncate,
    unchecked,
    unread_text,
)
from reports._svg import gauge, timeline, trend

__all__ = ["render_html"]

# The only script: copy buttons (clipboard, with a select-and-copy fallback) and opening the
# folded lists before printing. It fetches nothing; the CSP allows exactly this script by its
# hash, and nothing else (no other inline script, no URL, no connection).
_SCRIPT = """
document.addEventListener("click", function (event) {
  var button = event.target.closest ? event.target.closest("button.copy") : null;
  if (!button) return;
  var box = button.closest(".suggestion");
  var source = box.querySelector(".s-text");
  var status = box.querySelector(".s-status");
  var text = source.textContent;
  function done(ok) {
    status.textContent = ok ? "Copied" : "Select the text and copy it";
    setTimeout(function () { status.textContent = ""; }, 2500);
  }
  function fallback() {
    var range = document.createRange();
    range.selectNodeContents(source);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    done(ok);
  }
  if (navigator.clipboard && navigator.clipboard.writeText) {
    navigator.clipboard.writeText(text).then(function () { done(true); }, fallback);
  } else {
    fallback();
  }
});
window.addEventListener("beforeprint", function () {
  document.querySelectorAll("details").forEach(function (d) { d.open = true; });
});
"""
_SCRIPT_HASH = base64.b64encode(hashlib.sha256(_SCRIPT.encode("utf-8")).digest()).decode()
_CSP = (
    f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{_SCRIPT_HASH}'; "
    "img-src data:; base-uri 'none'; form-action 'none'; connect-src 'none'"
)
_REL = "noopener noreferrer nofollow"


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _user(text: str, tag: str = "bdi", cls: str = "") -> str:
    """Untrusted text in an element that picks its own direction (RTL bios, LTR handles)."""
    attr = f' class="{cls}"' if cls else ""
    return f'<{tag} dir="auto"{attr}>{_e(text)}</{tag}>'


def _link(url: str | None, text: str | None = None) -> str:
    """A link for http(s) URLs; any other scheme (javascript:, data:) is shown as text only."""
    if not url:
        return ""
    label = _e(truncate(text or url, 90))
    if is_http_url(url):
        return f'<a href="{_e(url)}" rel="{_REL}" target="_blank">{label}</a>'
    return f'<span class="muted">{label}</span>'


def _band_class(name: str | None) -> str:
    return f"band-{name}" if name in ("poor", "needs-work", "good") else "band-none"


def _score_pill(profile: ProfileResult) -> str:
    if not_captured(profile):
        return '<span class="score-pill band-none">not captured</span>'
    shown = score_text(profile.score)
    if shown is None:
        return '<span class="score-pill band-none">not scored</span>'
    name = band_of(profile.score, profile.band)
    return f'<span class="score-pill {_band_class(name)}">{shown}</span>'


def _gauge_block(score: float | None, band_name: str | None, size: int, empty: str) -> str:
    label = band_label(band_name) if score is not None else empty
    return (
        f'<div class="gauge">{gauge(score, band_name, size)}'
        f'<div class="band {_band_class(band_name)}">{_e(label.capitalize())}</div></div>'
    )


def _evidence(items: Sequence[Evidence]) -> str:
    """The facts a verdict rests on, in plain words; a post links to itself ('view')."""
    if not items:
        return ""
    rows = []
    for item in items:
        row = _user(evidence_line(item, 200))
        if item.url and is_http_url(item.url):
            row += f' · <a href="{_e(item.url)}" rel="{_REL}" target="_blank">view</a>'
        rows.append(f"<li>{row}</li>")
    return f'<ul class="evidence">{"".join(rows)}</ul>'


def _suggestion(item: Suggestion, *, with_note: bool = True) -> str:
    """A fix ready to paste: what it is for, its length against the platform's limit, the
    text, a copy button, and (for a draft) what to check first."""
    size = f"{item.length}/{item.limit} characters" if item.limit else f"{item.length} characters"
    draft = '<span class="chip draft">draft: check it first</span> ' if item.draft else ""
    head = (
        f'<div class="s-head">{draft}<span class="s-label">{_e(item.label)}</span> '
        f'<span class="s-len">{_e(size)}</span></div>'
    )
    note = _user(item.note, "p", "s-note") if item.note and with_note else ""
    where = ""
    if item.url and is_http_url(item.url):
        where = f' <a class="small" href="{_e(item.url)}" rel="{_REL}" target="_blank">the post</a>'
    return (
        f'<div class="suggestion{" is-draft" if item.draft else ""}">{head}'
        f'<pre class="s-text" dir="auto">{_e(item.text)}</pre>'
        f'<div class="s-actions"><button type="button" class="copy" '
        f'aria-label="Copy: {_e(item.label)}">Copy</button>'
        f'<span class="s-status" role="status" aria-live="polite"></span>{where}</div>'
        f"{note}</div>"
    )


def _suggestions(
    items: Sequence[Suggestion], limit: int | None = None, *, fold_after: int = 3, more: str = ""
) -> str:
    """Suggestions with copy buttons. `limit`: show that many, then `more` (where the rest
    are); otherwise all, those past `fold_after` folded (a phone need not scroll past twelve
    drafts; paper prints them all)."""
    if not items:
        return ""
    shown = list(items if limit is None else items[:limit])
    rest = f'<p class="small muted">{_e(more)}</p>' if more else ""
    heading = "Ready to paste" if not all(i.draft for i in shown) else "Drafts to check and paste"
    notes = {i.note for i in shown}
    shared = notes.pop() if len(notes) == 1 and len(shown) > 1 else None
    lead = _user(shared, "p", "s-note") if shared else ""
    body = "".join(_suggestion(i, with_note=shared is None) for i in shown[:fold_after])
    folded = shown[fold_after:]
    if folded:
        kind = "drafts" if all(i.draft for i in folded) else "suggestions"
        body += (
            f'<details class="more-drafts"><summary>{len(folded)} more {kind}</summary>'
            + "".join(_suggestion(i, with_note=shared is None) for i in folded)
            + "</details>"
        )
    return f'<div class="suggestions"><p class="s-title">{heading}</p>{lead}{body}{rest}</div>'


def _check_item(check: CheckResult) -> str:
    status = check.status.value
    parts = [
        f'<li class="check {status}"><div>'
        f'<span class="status {status}">{_e(status_label(check.status))}</span>'
        f'<span class="check-title">{_e(check.title)}</span>'
        f'<span class="check-meta">{_e(check.id)} · {_e(check.category.value)}</span></div>',
        _user(check.message, "p", "message"),
    ]
    if check.fix:
        parts.append(f'<p class="fix"><b>Fix:</b> {_user(check.fix)}</p>')
    parts.append(_suggestions(check.suggestions))
    parts.append(_evidence(check.evidence))
    parts.append("</li>")
    return "".join(parts)


def _checklist(checks: Sequence[CheckResult], profile: ProfileResult | None, level: int = 4) -> str:
    """Fixes first (by priority), then the passed checks (folded on screen, listed in
    print), then what could not be checked. `level`: the heading level of its parts."""
    h = f"h{level}"
    parts = []
    groups = todo_groups(checks)
    for label, members in groups:
        parts.append(f'<{h} class="sub">{_e(label)} priority</{h}>')
        parts.append(f'<ul class="checks">{"".join(_check_item(c) for c in members)}</ul>')
    ok = passed(checks)
    if not groups and ok:
        what = (
            "every check here passed"
            if profile is not None
            else "the checks that compare your profiles passed (each profile's own checks "
            "are in its section)"
        )
        parts.append(f'<p class="all-clear">{what[0].upper() + what[1:]}.</p>')
    if ok:
        items = "".join(
            f'<li>{_e(c.title)} <span class="muted small">{_e(c.id)}</span></li>' for c in ok
        )
        parts.append(
            f"<details><summary>Passed checks ({len(ok)})</summary>"
            f'<ul class="passed">{items}</ul></details>'
        )
    pending = unchecked(checks)
    skipped, rest = skipped_with_profile(profile, pending) if profile else ([], pending)
    if skipped or rest:
        rows = []
        if skipped:
            ids = ", ".join(c.id for c in skipped)
            rows.append(
                f"<li>{len(skipped)} checks skipped because the profile was not captured "
                f'<span class="muted small">({_e(ids)})</span></li>'
            )
        for reason, members in same_reason(rest):
            if len(members) == 1:
                (check,) = members
                rows.append(
                    f"<li><b>{_e(check.title)}</b> "
                    f'<span class="muted small">{_e(check.id)} · '
                    f"{_e(status_label(check.status).lower())}</span> — "
                    f"{_user(check.message)}</li>"
                )
                continue
            named = ", ".join(
                f'{_e(c.title)} <span class="muted small">{_e(c.id)}</span>' for c in members
            )
            rows.append(f"<li><b>{_user(reason.removesuffix('.') + ':')}</b> {named}</li>")
        parts.append(
            f'<{h} class="sub">Could not check</{h}><ul class="unchecked">{"".join(rows)}</ul>'
        )
    if not parts:
        parts.append('<p class="muted">No checks ran.</p>')
    return "".join(parts)


def _bars(categories: Sequence[CategoryScore]) -> str:
    rows = []
    for cat in categories:
        shown = score_text(cat.score)
        if cat.score is None or shown is None:
            fill, value = "", '<span class="muted">n/a</span>'
        else:
            width = max(0.0, min(cat.score, 100.0))
            name = _band_class(band_of(cat.score))
            fill = f'<div class="fill {name}" style="width:{width:.1f}%"></div>'
            value = f'<span class="{name}">{_e(shown)}</span>'
        rows.append(
            f'<div class="label">{_e(cat.title)}</div>'
            f'<div class="track" role="img" aria-label="{_e(cat.title)}: {_e(shown or "n/a")}">'
            f'{fill}</div><div class="value">{value}</div>'
        )
    return f'<h4 class="sub">Categories</h4><div class="bars">{"".join(rows)}</div>' if rows else ""


def _facts(profile: ProfileResult) -> str:
    data = profile.profile
    rows: list[tuple[str, str]] = []
    url = profile.url or data.url
    if url:
        rows.append(("Profile", _link(url)))
    if data.category:
        rows.append(("Category", _user(data.category)))
    for link in data.links[:5]:
        rows.append(("Link", _link(link.url, link.title or link.url)))
    if data.location and not data.location.is_empty():
        place = ", ".join(
            v for v in (data.location.name, data.location.city, data.location.country) if v
        )
        if place:
            rows.append(("Location", _user(place)))
    counts = data.counts
    numbers = [
        f"{value:,} {label}"
        for value, label in (
            (counts.followers, "followers"),
            (counts.following, "following"),
            (counts.posts, "posts"),
        )
        if value is not None
    ]
    if numbers:
        rows.append(("Audience", _e(" · ".join(numbers))))
    if data.avatar:
        if data.avatar.is_default:
            rows.append(("Profile image", "platform default image"))
        elif data.avatar.url:
            rows.append(("Profile image", _link(data.avatar.url)))
    if data.capture.captured_at:
        label = "Tried at" if not_captured(profile) else "Captured"
        rows.append((label, _e(format_datetime(data.capture.captured_at))))
    body = "".join(f"<dt>{_e(k)}</dt><dd>{v}</dd>" for k, v in rows)
    return f'<dl class="facts">{body}</dl>' if body else ""


def _profile_card(profile: ProfileResult, index: int) -> str:
    data = profile.profile
    name = profile.display_name or data.display_name
    heading = _user(name) if name else _user(f"@{profile.handle}")
    sub = f'<div class="handle">{_user("@" + profile.handle)}</div>' if name else ""
    band_name = band_of(profile.score, profile.band) if not not_captured(profile) else None
    score = None if not_captured(profile) else profile.score
    empty = "not captured" if not_captured(profile) else "not scored"
    parts = [
        f'<section class="card profile" id="profile-{index}">',
        '<div class="profile-head"><div class="who">',
        f'<div class="platform">{_e(profile.platform.label)}</div>',
        f"<h3>{heading}</h3>{sub}",
        "</div>",
        _gauge_block(score, band_name, 96, empty),
        "</div>",
    ]
    if not_captured(profile):
        reason = f" — {_user(profile.reason)}" if profile.reason else ""
        parts.append(
            f'<div class="notice"><b>Not captured: {_e(outcome_label(profile.outcome))}</b>'
            f"{reason}<br><span class='small muted'>Nothing on this profile could be read, "
            "so it has no score and its checks were not run.</span></div>"
        )
    if data.bio:
        parts.append(_user(truncate(data.bio, 500), "p", "bio"))
    parts.append(_facts(profile))
    if not not_captured(profile):
        parts.append(_bars(profile.categories))
    parts.append(_checklist(profile.checks, profile))
    wide, narrow = timeline(data), timeline(data, width=360)
    if wide:
        parts.append(
            f'<h4 class="sub">Posting timeline</h4><div class="timeline">'
            f'<div class="chart-wide">{wide}</div><div class="chart-narrow">{narrow}</div>'
            '<div class="legend">● post · ○ approximate date · '
            '<span class="repost-dot">●</span> repost · dashed line: when findable looked'
            "</div></div>"
        )
    parts.append("</section>")
    return "".join(parts)


def _glance(result: AuditResult) -> str:
    rows = []
    for index, profile in enumerate(result.profiles, 1):
        fails = sum(c.status is Status.FAIL for c in profile.checks)
        warns = sum(c.status is Status.WARN for c in profile.checks)
        if not_captured(profile):
            todo = _e(outcome_label(profile.outcome))
        else:
            todo = f"{fails} to fix · {warns} to improve"
        rows.append(
            f'<tr><td><a href="#profile-{index}">{_e(profile.platform.label)}</a></td>'
            f"<td>{_user('@' + profile.handle)}</td><td>{_score_pill(profile)}</td>"
            f'<td class="counts">{todo}</td></tr>'
        )
    if not rows:
        return ""
    return (
        '<h2>Your profiles</h2><section class="card"><table class="glance"><thead><tr>'
        '<th scope="col">Platform</th><th scope="col">Handle</th><th scope="col">Score</th>'
        '<th scope="col">Findings</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></section>"
    )


def _heat(score: float) -> str:
    """Heat class of a cell: 0 = not findable there, 4 = in the name field (or as strong)."""
    if score <= 0:
        return "heat-0"
    if score < 0.3:
        return "heat-1"
    if score < 0.5:
        return "heat-2"
    if score < 0.8:
        return "heat-3"
    return "heat-4"


_STRENGTH = ("no", "weak", "fair", "good", "strong")


def _matrix_cell(cell: KeywordCell | None) -> str:
    if cell is None:
        return '<td class="heat heat-none">—</td>'
    heat = _heat(cell.score)
    shown = ", ".join(field_text(f) for f in cell.fields) or NO_FIELD
    unread = f' <span class="unread">({_e(unread_text(cell))})</span>' if cell.unindexed else ""
    strength = _STRENGTH[int(heat[-1])]
    return (
        f'<td class="heat {heat}">{_e(shown)}{unread}'
        f'<span class="sr-only"> ({strength} match)</span></td>'
    )


def _matrix_head(platform: str, handle: str, competitor: bool) -> str:
    cls = ' class="competitor"' if competitor else ""
    whose = '<br><span class="small muted">competitor</span>' if competitor else ""
    return (
        f'<th scope="col"{cls}><span class="platform">{_e(platform)}</span><br>'
        f"{_user('@' + handle)}{whose}</th>"
    )


def _matrix(disc: Discoverability) -> str:
    columns, rows = keyword_matrix(disc)
    if not columns or not rows:
        return ""
    head = "".join(_matrix_head(c.platform.label, c.handle, c.competitor) for c in columns)
    body = []
    for keyword, cells in rows:
        tag = ' <span class="chip small">proposed</span>' if disc.proposed else ""
        body.append(
            f'<tr><th scope="row">{_user(keyword)}{tag}</th>'
            f"{''.join(_matrix_cell(c) for c in cells)}</tr>"
        )
    # The key is read before the table and outside its scroll box: as the table's caption it
    # was as wide as the table, so a phone showed only its first words.
    return (
        '<p class="matrix-note" id="kw-note">Where people searching for each keyword can find '
        "you: the parts of each profile that contain it, the one that counts most first. "
        "Darker = easier to find (the name field counts most, then the handle, bio, captions "
        "and hashtags); — = not found.</p>"
        '<div class="matrix-wrap" role="region" tabindex="0" aria-label="Keyword table">'
        '<table class="matrix" aria-describedby="kw-note">'
        '<caption class="sr-only">Each keyword, and where each profile has it</caption>'
        f'<thead><tr><th scope="col">Keyword</th>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div>"
    )


def _competitor_table(competitors: Sequence[ProfileResult]) -> str:
    rows = "".join(
        f"<tr><td>{_e(p.platform.label)}</td><td>{_user('@' + p.handle)}</td>"
        f"<td>{_user(p.display_name) if p.display_name else ''}</td>"
        f"<td>{_score_pill(p)}</td></tr>"
        for p in competitors
    )
    return (
        '<h3 class="sub">Competitors</h3>'
        '<table class="glance competitors"><thead><tr><th scope="col">Platform</th>'
        '<th scope="col">Handle</th><th scope="col">Name</th><th scope="col">Score</th>'
        f"</tr></thead><tbody>{rows}</tbody></table>"
        '<p class="small muted">Checked and scored like your profiles; not part of your '
        "score.</p>"
    )


def _keywords(disc: Discoverability | None, competitors: Sequence[ProfileResult]) -> str:
    """The keyword matrix, the simulated search against competitors, suggestions and the
    competitors' scores."""
    parts: list[str] = []
    if disc is not None:
        if disc.proposed:
            parts.append(
                '<p class="notice small">These keywords were proposed by findable from the '
                "brand's website and own texts (proposed; confirm with --keywords or the "
                "brand file).</p>"
            )
        parts.append(_matrix(disc))
        if disc.rankings:
            items = "".join(_user(r.sentence, "li") for r in disc.rankings)
            parts.append(
                f'<h3 class="sub">Against competitors</h3><ul class="rankings">{items}</ul>'
            )
        if disc.suggestions:
            items = "".join(
                f'<li class="chip">{_user(k)}'
                + (
                    f' <span class="muted">· {_user(", ".join(disc.suggested_by[k]))}</span>'
                    if disc.suggested_by.get(k)
                    else ""
                )
                + "</li>"
                for k in disc.suggestions
            )
            parts.append(
                '<h3 class="sub">Keywords competitors use and you do not</h3>'
                f'<ul class="chips suggestions">{items}</ul>'
            )
    if competitors:
        parts.append(_competitor_table(competitors))
    body = "".join(p for p in parts if p)
    if not body:
        return ""
    return f'<h2>Keywords</h2><section class="card keywords">{body}</section>'


def _header(result: AuditResult) -> str:
    name = audit_name(result)
    title = _user(name) if name else "Social search audit"
    meta = (
        f"Generated {_e(format_datetime(result.generated_at))} · "
        f"{len(result.profiles)} profile{'s' if len(result.profiles) != 1 else ''}"
    )
    chips = ""
    if result.keywords:
        kind = "Proposed keywords" if result.keywords_proposed else "Target keywords"
        items = "".join(f'<li class="chip">{_user(k)}</li>' for k in result.keywords)
        chips = f'<div class="small muted kw-label">{kind}</div><ul class="chips">{items}</ul>'
    band_name = band_of(result.score, result.band)
    return (
        '<header class="card report-head"><div>'
        '<div class="eyebrow">Social search findability audit</div>'
        f'<h1>{title}</h1><div class="meta muted small">{meta}</div>{chips}</div>'
        f"{_gauge_block(result.score, band_name, 132, 'not scored')}</header>"
    )


def _top_fix(fix: TopFix, index: int) -> str:
    check = fix.check
    where = " · ".join(_user(w) for w in fix.where)
    parts = [
        f'<li class="top-fix {check.status.value}" id="fix-{index}">',
        f'<div class="tf-where">{where}</div>',
        f'<h3 class="tf-title">{_e(check.title)}</h3>',
    ]
    # one profile's finding and advice stand for all only when they say the same
    for who, message in fix.messages:
        said = f'<b class="tf-who">{_user(who)}:</b> ' if who else ""
        parts.append(f'<p class="message">{said}{_user(message)}</p>')
    if check.why:
        parts.append(f'<p class="tf-why"><b>Why it matters:</b> {_user(check.why)}</p>')
    for who, todo in fix.todos:
        label = f"What to do ({_user(who)}):" if who else "What to do:"
        parts.append(f'<p class="fix"><b>{label}</b> {_user(todo)}</p>')
    parts.append(_suggestions([s for _, s in fix.suggestions], limit=3, more=fix.more_below(3)))
    parts.append("</li>")
    return "".join(parts)


def _answer(result: AuditResult) -> str:
    """Right under the score: one sentence for the owner, then the top fixes across every
    profile, each with where, why, what to do and the text to paste."""
    fixes = top_fixes(result)
    items = "".join(_top_fix(f, i) for i, f in enumerate(fixes, 1))
    listing = f'<ol class="top-fixes">{items}</ol>' if items else ""
    more = (
        '<p class="small muted">Everything else, profile by profile, is further down.</p>'
        if fixes
        else ""
    )
    return (
        '<section class="card answer" aria-labelledby="answer-title">'
        '<h2 id="answer-title">What to fix first</h2>'
        f'<p class="lead">{_e(answer_sentence(result, fixes))}</p>{listing}{more}</section>'
    )


def _change_list(title: str, items: Sequence[object], cls: str) -> str:
    rows = []
    for item in items:
        detail = getattr(item, "detail", None)
        extra = f": {_e(detail)}" if detail else ""
        rows.append(
            f"<li>{_e(getattr(item, 'title', ''))}{extra} "
            f'<span class="muted small">{_user(getattr(item, "where", ""))}</span></li>'
        )
    if not rows:
        return ""
    return (
        f'<div class="changes {cls}"><h3 class="sub">{_e(title)} ({len(rows)})</h3>'
        f"<ul>{''.join(rows)}</ul></div>"
    )


def _progress(progress: Progress | None) -> str:
    """Since the brand's previous stored audit: the score change, what was fixed, got
    worse, is new, moved partly, and the score over every stored audit."""
    if progress is None:
        return ""
    before, after = score_text(progress.score_before), score_text(progress.score_after)
    delta = shown_delta(progress.score_before, progress.score_after)
    when = format_datetime(progress.previous_at)
    if before is not None and after is not None:
        lead = f"Score {before} → {after} ({delta}) since the audit of {when}."
    else:
        lead = f"Compared with the audit of {when}."
    scores = "".join(
        f"<li>{_user(p.where)}: {_e(score_text(p.before) or '—')} → "
        f"{_e(score_text(p.after) or '—')}"
        + (f" ({_e(d)})" if (d := shown_delta(p.before, p.after)) else "")
        + "</li>"
        for p in progress.profiles
    )
    changes = "".join(
        (
            _change_list("Fixed", progress.fixed, "fixed"),
            _change_list("Got worse", progress.regressed, "regressed"),
            _change_list("New problems", progress.new, "new"),
            _change_list("Partly better or worse", progress.partial, "partial"),
        )
    )
    if not changes:
        changes = '<p class="muted">No check changed its verdict.</p>'
    chart = ""
    if len(progress.trend) >= 2:
        chart = (
            '<h3 class="sub">Score over time</h3><div class="trend">'
            f'<div class="chart-wide">{trend(progress.trend)}</div>'
            f'<div class="chart-narrow">{trend(progress.trend, width=360)}</div></div>'
        )
    return (
        '<section class="card progress" aria-labelledby="progress-title">'
        '<h2 id="progress-title">Since your last audit</h2>'
        f'<p class="lead">{_e(lead)}</p><ul class="score-changes">{scores}</ul>'
        f'<div class="change-grid">{changes}</div>{chart}</section>'
    )


@cache
def _css() -> str:
    return files("reports").joinpath("templates/report.css").read_text(encoding="utf-8")


def render_html(result: AuditResult) -> str:
    """The full page: the score and the answer first (what to fix, ready to paste), progress
    since the last audit, the profiles at a glance, brand-wide checks, one card per profile,
    the keyword details, notes."""
    name = audit_name(result)
    page_title = f"Findability audit — {name}" if name else "Findability audit"
    body = [_header(result), _answer(result), _progress(result.progress), _glance(result)]
    if result.brand_checks:
        body.append(
            '<h2>Across all profiles</h2><section class="card">'
            f"{_checklist(result.brand_checks, None, level=3)}</section>"
        )
    if result.profiles:
        body.append("<h2>Profiles</h2>")
        body += [_profile_card(p, i) for i, p in enumerate(result.profiles, 1)]
    body.append(_keywords(result.discoverability, result.competitors))
    if result.notes:
        notes = "".join(f"<li>{_user(n)}</li>" for n in result.notes)
        body.append(f'<h2>Notes</h2><section class="card"><ul>{notes}</ul></section>')
    body.append(
        f"<footer>findable {_e(result.tool_version)} · report schema "
        f"{_e(result.schema_version)}</footer>"
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{_e(page_title)}</title>\n<style>\n{_css()}</style>\n</head>\n"
        f'<body>\n<main class="page">\n{"".join(body)}\n</main>\n'
        f"<script>{_SCRIPT}</script>\n</body>\n</html>\n"
    )
