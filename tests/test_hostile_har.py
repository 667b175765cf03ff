"""Credentials in a HAR never reach a snapshot, a report or the history: a HAR exported from a
logged-in browser (or sent by someone else) is audited, and every secret it carried (headers
nobody listed, request bodies, redirect tokens, secret query values, user:pass@) is gone from
everything findable wrote."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from audit.documents import parse_har
from audit.errors import InputError
from audit.redact import REDACTED, is_secret_name, redact_text, redact_url
from audit.runner import DEMO_DIR
from audit.snapshot import Manifest, sanitize_har

DEMO_HAR = DEMO_DIR / "bluesky-modravrata.si.har"

# Each value is unique so a leak anywhere is found by a plain substring search.
SECRET_HEADERS = {
    "Cookie": "sessionid=SEKRIT-cookie",
    "Authorization": "Bearer SEKRIT-authz",
    "Proxy-Authorization": "Basic SEKRIT-proxy",
    "X-Api-Key": "SEKRIT-apikey",
    "X-Auth-Token": "SEKRIT-authtoken",
    "X-IG-WWW-Claim": "hmac.SEKRIT-claim",
    "X-Goog-Api-Key": "AIzaSEKRIT-goog",
    "X-CSRFToken": "SEKRIT-csrf",
    "X-Refresh-Session": "SEKRIT-session",
    "X-Client-Secret": "SEKRIT-clientsecret",
}
RESPONSE_HEADERS = {
    "Set-Cookie": "csrftoken=SEKRIT-setcookie; Path=/",
    "WWW-Authenticate": 'Bearer realm="x", error="SEKRIT-wwwauth"',
}


def hostile_har() -> dict[str, Any]:
    """The demo's real Bluesky HAR, as an owner's logged-in browser would have exported it."""
    har = json.loads(DEMO_HAR.read_text())
    entries = har["log"]["entries"]
    for entry in entries:
        req, resp = entry["request"], entry["response"]
        req["headers"] += [{"name": k, "value": v} for k, v in SECRET_HEADERS.items()]
        req["cookies"] = [{"name": "sessionid", "value": "SEKRIT-cookie2"}]
        resp["headers"] += [{"name": k, "value": v} for k, v in RESPONSE_HEADERS.items()]
        resp["cookies"] = [{"name": "csrftoken", "value": "SEKRIT-setcookie2"}]
    profile = entries[0]["request"]
    profile["url"] = (
        profile["url"].replace("https://", "https://owner:SEKRIT-userinfo@")
        + "&access_token=SEKRIT-query&sig=SEKRIT-sig"
    )
    profile["queryString"] += [
        {"name": "access_token", "value": "SEKRIT-query"},
        {"name": "sig", "value": "SEKRIT-sig"},
    ]
    login = copy.deepcopy(entries[0])
    login["request"].update(
        method="POST",
        url="https://bsky.social/xrpc/com.atproto.server.createSession",
        postData={
            "mimeType": "application/x-www-form-urlencoded",
            "text": "identifier=modravrata.si&password=SEKRIT-password",
            "params": [{"name": "password", "value": "SEKRIT-password"}],
        },
    )
    login["response"].update(
        status=302,
        redirectURL="https://bsky.app/oauth/callback?state=ok&code=SEKRIT-oauthcode",
        content={"mimeType": "text/html", "size": 0},
    )
    login["response"]["headers"].append(
        {"name": "Location", "value": "https://bsky.app/cb#access_token=SEKRIT-fragment"}
    )
    entries.append(login)
    page = copy.deepcopy(entries[0])
    page["request"]["url"] = "https://bsky.app/profile/modravrata.si"
    page["response"]["content"] = {"mimeType": "text/html; charset=utf-8", "text": LOGGED_IN_PAGE}
    entries.append(page)
    har["log"]["pages"] = [{"id": "p", "title": "https://u:SEKRIT-pagetitle@bsky.app/"}]
    return har


# What a logged-in page embeds: a csrf meta tag, a form's hidden token, tokens in the app's
# JSON (plain and escaped inside a script's string).
LOGGED_IN_PAGE = """<!doctype html><html><head>
<meta name="csrf-token" content="SEKRIT-csrf-meta">
<meta name="description" content="Modra Vrata: sourdough bakery in Ljubljana">
<script type="application/json">{"session":{"accessJwt":"SEKRIT-access-jwt",
"refreshJwt": "SEKRIT-refresh-jwt","did":"did:plc:modravrata"},"postal_code":"SI-1000-LJ"}</script>
<script>require("Boot",{\\"lsd\\":\\"SEKRIT-lsd-escaped\\",\\"name\\":\\"Modra Vrata\\"});</script>
</head><body><form><input type="hidden" name="fb_dtsg" value="SEKRIT-dtsg-input"></form>
<h1>Modra Vrata</h1></body></html>"""


def secrets_in(text: str) -> list[str]:
    return sorted({text[i : i + 20] for i in range(len(text)) if text.startswith("SEKRIT", i)})


@pytest.mark.parametrize(
    "name",
    [
        *SECRET_HEADERS,
        *RESPONSE_HEADERS,
        "access_token",
        "accessToken",
        "oauth_verifier",
        "fb_dtsg",
        "lsd",
        "client_secret",
        "sig",
        "X-Amz-Signature",
        "code",
        "key",
        "password",
        "PHPSESSID",
    ],
)
def test_credential_names_are_recognised_by_rule(name: str) -> None:
    assert is_secret_name(name)


@pytest.mark.parametrize(
    "name",
    ["Accept", "Content-Type", "actor", "limit", "cursor", "fields", "author", "keyword", "q"],
)
def test_ordinary_names_are_kept(name: str) -> None:
    assert not is_secret_name(name)


def test_urls_lose_userinfo_and_secret_values_and_nothing_else() -> None:
    url = "https://me:pw@api.example.com/v1/x?a=1&access_token=abc&b=%20x#code=zz"
    assert redact_url(url) == (
        f"https://{REDACTED}@api.example.com/v1/x?a=1&access_token={REDACTED}&b=%20x"
        f"#code={REDACTED}"
    )
    plain = "https://public.api.bsky.app/xrpc/app.bsky.feed.getAuthorFeed?actor=a.b&limit=100"
    assert redact_url(plain) is plain
    said = "redirected to https://x.com/login?next=/a&token=T1 (see https://u:p@x.com)"
    assert "T1" not in redact_text(said) and ":p@" not in redact_text(said)


def test_sanitized_har_keeps_bodies_and_drops_every_secret() -> None:
    har = hostile_har()
    clean = sanitize_har(har)
    text = json.dumps(clean)
    assert secrets_in(text) == []
    assert secrets_in(json.dumps(har))  # the caller's HAR is left as it was
    docs = parse_har(clean)
    assert any("getAuthorFeed" in (d.url or "") for d in docs)
    assert docs[0].data == parse_har(har)[0].data  # the bodies extractors read are intact


@pytest.mark.parametrize(
    "name",
    ["csrf_token", "accessJwt", "fb_dtsg", "lsd", "access_token", "refreshToken", "x-csrf-token",
     "sessionid", "client_secret", "api_key", "claim"],
)  # fmt: skip
def test_credential_names_in_bodies(name: str) -> None:
    from audit.redact import is_body_secret_name

    assert is_body_secret_name(name)


@pytest.mark.parametrize(
    "name",
    ["postal_code", "zip_code", "key", "shortcode", "pass", "sig", "biography", "full_name",
     "external_url", "keywords", "ticket_url", "passenger", "code"],
)  # fmt: skip
def test_data_names_in_bodies_are_kept(name: str) -> None:
    """In a page or an API answer these name the data the audit reads, not credentials."""
    from audit.redact import is_body_secret_name

    assert not is_body_secret_name(name)


def test_a_logged_in_page_keeps_its_content_and_loses_its_tokens() -> None:
    from audit.redact import redact_body

    clean = redact_body(LOGGED_IN_PAGE)
    assert secrets_in(clean) == []
    assert clean.count(REDACTED) == 5
    for kept in ("sourdough bakery in Ljubljana", "did:plc:modravrata", "SI-1000-LJ",
                 '\\"name\\":\\"Modra Vrata\\"', "<h1>Modra Vrata</h1>"):  # fmt: skip
        assert kept in clean
    plain = '{"bio": "token of thanks", "csrf": "short"}'  # no credential-shaped value
    assert redact_body(plain) is plain or redact_body(plain) == plain


def test_real_pages_read_the_same_after_their_tokens_are_removed(tmp_path: Path) -> None:
    """Over every real capture: what the extractors read from a page is the same once the
    credential-named values in it are replaced (they read data, never tokens)."""
    from audit.redact import redact_body
    from audit.runner import extract_files
    from tests.fuzzing import WHEN, real_seeds

    seeds = [s for s in real_seeds() if not s.export]
    if not seeds:
        pytest.skip("real captures not available")
    changed = 0
    for seed in seeds:
        text = seed.data.decode("utf-8", errors="replace")
        clean = redact_body(text)
        if clean == text:
            continue
        changed += 1
        profiles = []
        for run, body in enumerate((text, clean)):
            path = tmp_path / str(run) / "capture" / seed.name  # the same name both times
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(body, encoding="utf-8")
            try:
                profile = extract_files([path], seed.platform.value, WHEN)
            except InputError as exc:  # not a profile page: then not one either way
                profiles.append(str(exc).replace(str(tmp_path / str(run)), ""))
                continue
            profiles.append(profile.model_dump(mode="json", exclude={"capture"}))
        assert profiles[0] == profiles[1], seed.label
    assert changed  # real pages do carry such tokens


def test_a_hostile_manifest_is_read_back_without_credentials() -> None:
    m = Manifest.model_validate(
        {
            "ref": {"platform": "bluesky", "handle": "a.b", "url": "https://bsky.app/profile/a.b"},
            "url": "https://u:SEKRIT-m1@bsky.app/profile/a.b?token=SEKRIT-m2",
            "final_url": "https://bsky.app/profile/a.b#access_token=SEKRIT-m3",
            "reason": "redirected to a login page (https://bsky.app/login?session=SEKRIT-m4)",
            "notes": ["optional fetch https://x.y/?api_key=SEKRIT-m5 failed"],
            "captured_at": "2026-11-20T09:30:00Z",
        }
    )
    assert secrets_in(m.model_dump_json()) == []


def test_audit_of_a_hostile_har_stores_and_prints_no_credentials(tmp_path: Path) -> None:
    har = tmp_path / "logged-in.har"
    har.write_text(json.dumps(hostile_har()))
    out, db = tmp_path / "out", tmp_path / "history.sqlite3"
    env = dict(os.environ, FINDABLE_DB=str(db))
    proc = subprocess.run(
        [sys.executable, "-m", "audit", "audit", "--har", har, "--out", out, "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["profiles"][0]["score"] is not None  # the audit itself still worked
    proc = subprocess.run(
        [sys.executable, "-m", "audit", "audit", "--har", har, "--out", out],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    written = sorted(p for p in out.rglob("*") if p.is_file())
    assert any(p.name == "capture.har" for p in written)
    assert any(p.name == "report.json" for p in written)
    for path in [*written, db]:
        assert secrets_in(path.read_bytes().decode("utf-8", errors="replace")) == [], path
    assert secrets_in(proc.stdout + proc.stderr) == []
