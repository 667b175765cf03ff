"""The command line as a user meets it, run as a real subprocess: every command refuses bad
input with one line on stderr and exit 2 (never a traceback, never a silent success), and the
messages, help and pipes behave like a careful Unix tool's."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from pathlib import Path

import pytest

from audit import history
from audit.demo import build
from audit.result import AuditResult, shown_score
from tests.cli_kit import FINDABLE, run_findable

HISTORY_DIR = Path(tempfile.mkdtemp(prefix="findable-test-history-"))


def run(
    *args: str | Path, cwd: Path | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    return run_findable(*args, db=HISTORY_DIR / "history.sqlite3", cwd=cwd, stdin=stdin)


# a Mastodon account as the instance API gives it (an invented bakery)
MASTODON_ACCOUNT = {
    "id": "1",
    "username": "pekarna_ana",
    "acct": "pekarna_ana",
    "display_name": "Pekarna Ana",
    "note": "<p>Sourdough bakery</p>",
    "url": "https://mastodon.social/@pekarna_ana",
    "followers_count": 3,
}


def bsky_har(folder: Path) -> Path:
    har = folder / "bluesky.har"
    if not har.exists():
        har.write_text(build.har_text(build.build_hars()[f"bluesky-{build.BSKY_HANDLE}"]))
    return har


# --- the bad-input matrix --------------------------------------------------------------------


def _matrix(tmp: Path) -> list[tuple[str, list[str | Path], str]]:
    """(case, arguments, a fragment the one stderr line must contain)."""
    har = bsky_har(tmp)
    junk = tmp / "junk.bin"
    junk.write_bytes(bytes(range(256)) * 4)
    bad_brand = tmp / "cr.toml"
    bad_brand.write_text('name = "a\\rb"\nprofiles = ["bluesky:@ana.si"]\n')
    masto = tmp / "account.json"
    masto.write_text(json.dumps(MASTODON_ACCOUNT))
    state = tmp / "state.json"
    state.write_text('{"junk": 1}')
    archive = tmp / "export.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("data/tweets.js", b"\xff\xfe not a tweet")
    cut = tmp / "cut.zip"
    cut.write_bytes(archive.read_bytes()[:60])
    csv = tmp / "brands.csv"
    csv.write_text(f"brand,har\nAna,{har.name}\n")
    out = tmp / "out"
    return [
        ("fail-under nan", ["audit", "--har", har, "--fail-under", "nan", "-o", out], "0 to 100"),
        ("fail-under 850", ["audit", "--har", har, "--fail-under", "850", "-o", out], "0 to 100"),
        ("fail-under -1", ["audit", "--har", har, "--fail-under", "-1", "-o", out], "0 to 100"),
        ("batch fail-under", ["batch", csv, "--fail-under", "101", "-o", out], "0 to 100"),
        ("fail-under text", ["audit", "--har", har, "--fail-under", "lots"], "--fail-under"),
        ("audit out empty", ["audit", "--har", har, "--out", ""], "--out is empty"),
        ("demo out empty", ["demo", "--out", " "], "--out is empty"),
        ("batch out empty", ["batch", csv, "--out", ""], "--out is empty"),
        ("db empty", ["history", "--db", ""], "--db is empty"),
        ("history limit -1", ["history", "--limit", "-1"], "--limit -1"),
        ("history limit 0", ["history", "--limit", "0"], "--limit 0"),
        ("history limit text", ["history", "--limit", "many"], "--limit"),
        ("explain empty", ["checks", "--explain", ""], "--explain needs a check ID"),
        ("explain unknown", ["checks", "--explain", "XYZ999"], "no check 'XYZ999'"),
        ("lang traversal", ["keywords", "--lang", "../../etc", "bread"], "not a language code"),
        ("keywords top 0", ["keywords", "--top", "0", "bread"], "--top"),
        (
            "init javascript website",
            [
                "init",
                tmp / "a.toml",
                "--no-input",
                "--profiles",
                "bluesky:@ana.si",
                "--website",
                "javascript:alert(1)",
            ],
            "not a web address",
        ),
        (
            "init name with CR",
            [
                "init",
                tmp / "b.toml",
                "--no-input",
                "--profiles",
                "bluesky:@ana.si",
                "--name",
                "a\rb",
            ],
            "line break",
        ),
        ("init no profiles", ["init", tmp / "c.toml", "--no-input"], "no profiles given"),
        ("init bad profile", ["init", tmp / "d.toml", "--profiles", "myspace:@x"], "myspace"),
        ("brand file with CR", ["audit", "--brand", bad_brand, "--har", har], "line break"),
        (
            "select and ignore the same",
            ["audit", "--har", har, "--select", "ALT", "--ignore", "alt", "-o", out],
            "both selected and ignored",
        ),
        ("unknown selector", ["audit", "--har", har, "--select", "XYZ", "-o", out], "XYZ"),
        ("unknown option", ["audit", "--bogus"], "--bogus"),
        ("missing argument", ["batch"], "BRANDS_CSV"),
        ("unknown command", ["bogus"], "bogus"),
        ("bad captured-at", ["audit", "--har", har, "--captured-at", "soon"], "ISO 8601"),
        ("diff one id", ["diff", "1"], "two audit ids"),
        ("format docx", ["audit", "--har", har, "--format", "docx", "-o", out], "docx"),
        (
            "junk for mastodon",
            ["audit", "--from", junk, "-p", "mastodon", "-o", out],
            "nothing readable as a Mastodon profile",
        ),
        (
            "mastodon json as tiktok",
            ["audit", "--from", masto, "-p", "tiktok", "-o", out],
            "nothing readable as a TikTok profile",
        ),
        ("extract junk", ["extract", junk, "-p", "mastodon"], "nothing readable"),
        ("har of another platform", ["audit", "--har", har, "-p", "x", "-o", out], "as a X"),
        (
            "junk storage state",
            ["audit", "instagram:@ana", "--storage-state", state, "-o", out],
            "not a Playwright storage state",
        ),
        (
            "storage state not there",
            ["audit", "instagram:@ana", "--storage-state", tmp / "none.json", "-o", out],
            "no such file",
        ),
        ("instagram url with ..", ["audit", "https://www.instagram.com/../etc", "-o", out], ".."),
        ("instagram handle ..", ["audit", "instagram:@..", "-o", out], "'..'"),
        ("junk export archive", ["audit", "--export", archive, "-o", out], "export.zip"),
        ("cut export archive", ["audit", "--export", cut, "-o", out], "cut.zip"),
        ("junk export file", ["extract", "--export", junk], "junk.bin"),
        ("snapshot is a file", ["audit", "--snapshot", junk, "-o", out], "junk.bin"),
        ("extract nothing", ["extract"], "no files given"),
        ("keywords file missing", ["keywords", "--file", tmp / "none.txt"], "none.txt"),
        ("keywords jsonl missing", ["keywords", "--jsonl", tmp / "none.jsonl"], "none.jsonl"),
        ("keywords javascript url", ["keywords", "--url", "javascript:alert(1)"], "web address"),
        ("keywords two inputs", ["keywords", "bread", "--file", junk], "give one of"),
    ]


def test_bad_input_matrix_exits_2_with_one_line(tmp_path: Path) -> None:
    # each case its own --out folder: cases run side by side, and one run's folder must not
    # look like another's earlier output
    shared = tmp_path / "out"
    cases = [
        (name, [tmp_path / f"out-{i}" if arg == shared else arg for arg in args], fragment)
        for i, (name, args, fragment) in enumerate(_matrix(tmp_path))
    ]
    with ThreadPoolExecutor(max_workers=4) as pool:
        procs = list(pool.map(lambda case: run(*case[1], cwd=tmp_path), cases))
    failures = []
    for (name, _args, fragment), proc in zip(cases, procs, strict=True):
        lines = proc.stderr.strip().splitlines()
        ok = (
            proc.returncode == 2
            and len(lines) == 1
            and lines[0].startswith("findable: error: ")
            and fragment.lower() in lines[0].lower()
            and "Traceback" not in proc.stderr
        )
        if not ok:
            failures.append(f"{name}: exit {proc.returncode}, stderr {proc.stderr!r}")
    assert not failures, "\n".join(failures)
    # nothing was written by any refused command: no report, no brand file, no history row
    assert not list(tmp_path.glob("out*"))
    assert not [p for p in tmp_path.glob("*.toml") if p.name != "cr.toml"]
    assert not list(tmp_path.glob("report.*"))
    assert history.list_audits(HISTORY_DIR / "history.sqlite3") == []


def test_what_init_writes_audit_reads_back(tmp_path: Path) -> None:
    """One rule for both sides: a name init accepts loads back; one it refuses is refused by
    `audit --brand` with the same words."""
    brand = tmp_path / "findable.toml"
    name = 'Pekarna "Ana" \\ Šiška'
    proc = run("init", brand, "--no-input", "--name", name, "--profiles", "bluesky:@ana.si")
    assert proc.returncode == 0, proc.stderr
    from audit.brandfile import load_brand

    assert load_brand(brand).name == name
    refused = run("init", tmp_path / "x.toml", "--no-input", "--name", "a\rb",
                  "--profiles", "bluesky:@ana.si")  # fmt: skip
    (tmp_path / "cr.toml").write_text('name = "a\\rb"\nprofiles = ["bluesky:@ana.si"]\n')
    read = run("audit", "--brand", tmp_path / "cr.toml", "--har", bsky_har(tmp_path))
    message = "name 'a\\rb' contains a line break or control character"
    assert message in refused.stderr and message in read.stderr


# --- messages --------------------------------------------------------------------------------


def test_json_with_fail_under_says_why_on_stderr(tmp_path: Path) -> None:
    proc = run("audit", "--har", bsky_har(tmp_path), "--json", "--fail-under", "100",
               "--no-history")  # fmt: skip
    assert proc.returncode == 1
    score = json.loads(proc.stdout)["score"]  # stdout stays pure JSON
    assert proc.stderr.strip() == (
        f"findable: error: brand score {shown_score(score)} is below --fail-under 100"
    )
    quiet = run("audit", "--har", bsky_har(tmp_path), "--json", "--fail-under", "100",
                "--no-history", "-q")  # fmt: skip
    assert quiet.returncode == 1 and quiet.stderr == ""


def test_stored_line_offers_a_diff_only_when_there_is_a_previous(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    har = bsky_har(tmp_path)

    def audit_of(name: str) -> str:
        brand = tmp_path / f"{name}.toml"
        if not brand.exists():
            made = run("init", brand, "--no-input", "--name", name, "--profiles", "bluesky:@a.si")
            assert made.returncode == 0, made.stderr
        proc = run("audit", "--brand", brand, "--har", har, "-o", tmp_path / "r", "--db", db)
        assert proc.returncode == 0, proc.stderr
        return proc.stdout

    first = audit_of("Ana")
    assert "Stored as audit #1, the first of this brand" in first
    assert "findable diff" not in first
    other = audit_of("Bor")  # another brand's first audit: nothing of its own to compare
    assert "Stored as audit #2, the first of this brand" in other
    assert "findable diff" not in other
    again = audit_of("Ana")
    assert "Stored as audit #3; compare with the previous: findable diff" in again
    compared = run("diff", "--db", db, "--json")  # the command it offers compares #1 and #3
    assert compared.returncode == 0, compared.stderr
    assert (json.loads(compared.stdout)["before_id"], json.loads(compared.stdout)["after_id"]) == (
        1,
        3,
    )


def test_verbose_audit_shows_what_was_read_and_from_where(tmp_path: Path) -> None:
    har = bsky_har(tmp_path)
    plain = run("audit", "--har", har, "-o", tmp_path / "r", "--no-history")
    verbose = run("audit", "--har", har, "-o", tmp_path / "r", "--no-history", "-v")
    assert verbose.returncode == 0, verbose.stderr
    assert "What was read" not in plain.stdout
    shown = verbose.stdout.split("What was read:")[1]
    assert f"Bluesky @{build.BSKY_HANDLE}: har" in shown
    assert "read har-entry HTTP 200: https://public.api.bsky.app/xrpc/" in shown
    assert "bio" in shown and "from https://public.api.bsky.app" in shown


# --- help ------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["audit", "demo", "batch", "init", "history", "keywords"])
def test_help_shows_flags_without_a_value_type(command: str) -> None:
    proc = run(command, "--help")
    assert proc.returncode == 0, proc.stderr
    assert "<bool>" not in proc.stdout
    usage = next(line for line in proc.stdout.splitlines() if "Usage:" in line)
    assert "{" not in usage and "}" not in usage


def test_help_names_every_format_argument_and_flag() -> None:
    audit = run("audit", "--help").stdout
    assert "pdf" in audit and "[TARGETS]..." in audit
    batch = run("batch", "--help").stdout
    assert "Usage: findable batch [OPTIONS] BRANDS_CSV" in batch and "{brands_csv}" not in batch
    demo = run("demo", "--help").stdout
    assert "Print only errors." in demo
    init = run("init", "--help").stdout
    assert "Do customers visit you in person?" in init


# --- pipes -----------------------------------------------------------------------------------


def _fill_history(db: Path, count: int) -> None:
    result = AuditResult(
        tool_version="test", generated_at=datetime.now(timezone.utc), brand="Pipe Test"
    )
    for _ in range(count):
        history.record(result, db)


def test_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    """`findable history --json | head -1`: the reader is gone before the output is written
    (here: the pipe's read end is closed first, so any write meets the closed pipe);
    findable ends quietly, no error line, no traceback."""
    db = tmp_path / "history.sqlite3"
    _fill_history(db, 50)
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        writer = subprocess.run(
            [*FINDABLE, "history", "--json", "--db", str(db)],
            stdout=write_end,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
            timeout=120,
            check=False,
        )
    finally:
        os.close(write_end)
    assert writer.stderr == ""
    assert writer.returncode == 141  # as a Unix tool ended by SIGPIPE


# --- interactive init ------------------------------------------------------------------------


def test_interactive_init_asks_again_for_a_bad_answer_and_keeps_the_others(
    tmp_path: Path,
) -> None:
    """Through a real terminal (a pty): a bad website or profile is refused when it is given
    and asked again; the answers given before it are kept and end up in the file."""
    import pty
    import select

    brand = tmp_path / "findable.toml"
    answers = [
        "Pekarna Ana",  # name
        "kruh, pekarna",  # keywords
        "Ljubljana",  # location
        "javascript:alert(1)",  # website: refused, asked again
        "ana.si",
        "",  # profiles: at least one, asked again
        "myspace:@ana",  # refused, asked again
        "bluesky:@ana.si",
        "",  # competitors
        "y",  # in person?
    ]
    pid, fd = pty.fork()
    if pid == 0:  # the child: findable on the pty
        os.execv(sys.executable, [*FINDABLE, "init", str(brand)])
    screen = b""
    pending = list(answers)
    deadline = 120.0
    try:
        while True:
            ready, _, _ = select.select([fd], [], [], deadline)
            if not ready:
                raise AssertionError(f"init stopped answering; screen so far:\n{screen!r}")
            try:
                chunk = os.read(fd, 4096)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            screen += chunk
            if pending and (chunk.rstrip().endswith(b":") or chunk.rstrip().endswith(b"]:")):
                os.write(fd, pending.pop(0).encode() + b"\r")
    finally:
        _, status = os.waitpid(pid, 0)
    text = screen.decode(errors="replace")
    assert os.waitstatus_to_exitcode(status) == 0, text
    assert "not a web address; write it like https://bakery.si\r\nWebsite:" in text, text
    assert "at least one profile" in text
    assert "unknown platform" in text
    assert not pending
    from audit.brandfile import load_brand

    made = load_brand(brand)
    assert made.name == "Pekarna Ana" and made.keywords == ["kruh", "pekarna"]
    assert made.website == "ana.si" and made.profiles == ["bluesky:@ana.si"]
    assert made.local is True


# --- offline: plain words, nothing left behind -----------------------------------------------


def closed_network_chromium(folder: Path, chromium: str, rule: str) -> dict[str, str]:
    """The environment for a real Chromium whose network is closed by a host-resolver rule:
    `~NOTFOUND` (no name resolves: offline) or a closed 127.0.0.1 port (refused)."""
    wrapper = folder / "chromium-closed-network"
    wrapper.write_text(f'#!/bin/sh\nexec "{chromium}" --host-resolver-rules="{rule}" "$@"\n')
    wrapper.chmod(0o755)
    return {"FINDABLE_CHROMIUM": str(wrapper)}


def run_env(env: dict[str, str], *args: str | Path) -> subprocess.CompletedProcess[str]:
    full = dict(os.environ, COLUMNS="120", FINDABLE_DB=str(HISTORY_DIR / "offline.sqlite3"), **env)
    return subprocess.run(
        [*FINDABLE, *map(str, args)],
        capture_output=True,
        text=True,
        input="",
        env=full,
        timeout=300,
        check=False,
    )


def _closed_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.browser
def test_offline_says_could_not_reach_per_profile(tmp_path: Path, chromium_path: str) -> None:
    env = closed_network_chromium(tmp_path, chromium_path, "MAP * ~NOTFOUND")
    out = tmp_path / "reports" / "ana"
    proc = run_env(env, "audit", "instagram:@pekarna_ana", "bluesky:@ana.si", "-o", out)
    assert proc.returncode == 3, proc.stderr
    *progress, error = proc.stderr.strip().splitlines()
    assert error == (
        "findable: error: no profile could be captured: "
        "Instagram @pekarna_ana: could not reach www.instagram.com (no internet connection?); "
        "Bluesky @ana.si: could not reach public.api.bsky.app (no internet connection?)"
    )
    # progress in words a user knows, one line per profile, no internal names
    assert sorted(line.strip() for line in progress) == [
        "Bluesky @ana.si — could not be read",
        "Instagram @pekarna_ana — could not be read",
    ]
    assert not (tmp_path / "reports").exists()  # no empty --out folder left behind
    quiet = run_env(env, "audit", "instagram:@pekarna_ana", "-o", out, "-q")
    assert quiet.returncode == 3
    assert quiet.stderr.strip().splitlines() == [
        "findable: error: no profile could be captured: "
        "Instagram @pekarna_ana: could not reach www.instagram.com (no internet connection?)"
    ]


@pytest.mark.browser
def test_refused_connection_keeps_the_earlier_reports(tmp_path: Path, chromium_path: str) -> None:
    out = tmp_path / "out"
    har = bsky_har(tmp_path)
    assert run("audit", "--har", har, "-o", out, "-q", "--no-history").returncode == 0
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    env = closed_network_chromium(tmp_path, chromium_path, f"MAP * 127.0.0.1:{_closed_port()}")
    proc = run_env(env, "audit", "bluesky:@ana.si", "-o", out, "-q")
    assert proc.returncode == 3
    assert "could not reach public.api.bsky.app (the connection was refused)" in proc.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
    assert sorted(p.name for p in out.iterdir() if p.is_dir()) == ["snapshot"]


@pytest.mark.browser
def test_batch_summary_says_why_a_brand_failed_in_plain_words(
    tmp_path: Path, chromium_path: str
) -> None:
    bsky_har(tmp_path)
    csv = tmp_path / "brands.csv"
    csv.write_text("brand,profiles,har\nAna,,bluesky.har\nOffline Bakery,instagram:@offline_b,\n")
    env = closed_network_chromium(tmp_path, chromium_path, "MAP * ~NOTFOUND")
    proc = run_env(env, "batch", csv, "-o", tmp_path / "out", "--no-history")
    assert proc.returncode == 0, proc.stderr
    md = (tmp_path / "out" / "summary.md").read_text(encoding="utf-8")
    offline_row = next(line for line in md.splitlines() if line.startswith("| Offline Bakery"))
    assert offline_row == "| Offline Bakery | — | failed | — |   |"
    assert (
        "- Offline Bakery: no profile could be captured: Instagram @offline_b: could not "
        "reach www.instagram.com (no internet connection?)" in md
    )
    assert "net::" not in md and "Page.goto" not in md
    assert not (tmp_path / "out" / "offline-bakery").exists()


@pytest.mark.browser
def test_demo_progress_names_profiles_in_plain_words(tmp_path: Path, chromium_path: str) -> None:
    proc = run("demo", "-o", tmp_path / "r")
    assert proc.returncode == 0, proc.stderr
    lines = [line.strip() for line in proc.stderr.strip().splitlines()]
    assert "Instagram @modravrata.bakery — done" in lines
    assert "Website https://modravrata.si — done" in lines
    assert "Bluesky @modravrata.si — profile image downloaded" in lines
    assert not [line for line in lines if "avatar-" in line or ": start" in line]
    quiet = run("demo", "-o", tmp_path / "r", "-q")
    assert quiet.returncode == 0 and quiet.stderr == "" and quiet.stdout == ""


def _silent_server(stop_after: float) -> tuple[int, Callable[[], None]]:
    """A 127.0.0.1 port that accepts connections and never answers (a stalled host)."""
    import socket
    import threading

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    server.settimeout(0.5)
    held: list[socket.socket] = []
    stop = threading.Event()

    def serve() -> None:
        deadline = time.monotonic() + stop_after
        while not stop.is_set() and time.monotonic() < deadline:
            try:
                held.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()

    def close() -> None:
        stop.set()
        thread.join(timeout=5)
        for conn in held:
            conn.close()
        server.close()

    return int(server.getsockname()[1]), close


@pytest.mark.browser
def test_ctrl_c_during_capture_keeps_earlier_reports(tmp_path: Path, chromium_path: str) -> None:
    """Ctrl-C while a profile is being captured (its host never answers): one line, exit
    130, the earlier reports and snapshot in --out untouched, no staging folder left."""
    out = tmp_path / "out"
    first = run("audit", "--har", bsky_har(tmp_path), "-o", out, "-q", "--no-history")
    assert first.returncode == 0, first.stderr
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    port, close = _silent_server(stop_after=120)
    try:
        env = closed_network_chromium(tmp_path, chromium_path, f"MAP * 127.0.0.1:{port}")
        proc = subprocess.Popen(
            [*FINDABLE, "audit", "bluesky:@ana.si", "-o", str(out), "--no-history"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=dict(os.environ, FINDABLE_DB=str(HISTORY_DIR / "offline.sqlite3"), **env),
        )
        time.sleep(8)  # the browser is up and waiting on the silent host
        proc.send_signal(signal.SIGINT)
        _, stderr = proc.communicate(timeout=120)
    finally:
        close()
    assert proc.returncode == 130, stderr
    assert stderr.strip().splitlines()[-1] == "findable: error: interrupted"
    assert "Traceback" not in stderr
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    assert not [p for p in out.iterdir() if p.name.startswith(".")]
