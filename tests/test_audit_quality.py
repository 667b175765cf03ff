"""The checklist as a whole: a well-kept bakery scores in the 90s with a short, sensible
checklist; a neglected one scores low with each problem named and its fix given.

The two Mastodon accounts are invented and built here in the API's real shapes
(`/api/v1/accounts/lookup`, `/api/v1/accounts/:id/statuses`), then audited through the CLI
exactly as a user would: `findable audit --from ... --platform mastodon --keywords ...`.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

CAPTURED = datetime(2026, 11, 20, 9, 0, tzinfo=timezone.utc)
INSTANCE = "mastodon.social"


def _iso(dt: datetime) -> str:
    return dt.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def _account(user: str, *, display: str, note: str, avatar: str, fields: list[dict],
             statuses: int) -> dict[str, Any]:  # fmt: skip
    return {
        "id": "109876543210",
        "username": user,
        "acct": user,
        "display_name": display,
        "locked": False,
        "bot": False,
        "discoverable": True,
        "indexable": True,
        "group": False,
        "created_at": "2022-11-05T00:00:00.000Z",
        "note": note,
        "url": f"https://{INSTANCE}/@{user}",
        "uri": f"https://{INSTANCE}/users/{user}",
        "avatar": avatar,
        "avatar_static": avatar,
        "header": f"https://files.{INSTANCE}/headers/original/missing.png",
        "followers_count": 812,
        "following_count": 140,
        "statuses_count": statuses,
        "last_status_at": "2026-11-19",
        "emojis": [],
        "fields": fields,
    }


def _status(i: int, account: dict, when: datetime, text: str, tags: list[str],
            alt: str | None, with_image: bool = True) -> dict[str, Any]:  # fmt: skip
    user = account["username"]
    media = []
    if with_image:
        media.append(
            {
                "id": f"2000{i}",
                "type": "image",
                "url": f"https://files.{INSTANCE}/media_attachments/{i}.jpg",
                "preview_url": f"https://files.{INSTANCE}/media_attachments/small/{i}.jpg",
                "description": alt,
                "meta": {"original": {"width": 1080, "height": 1350}},
            }
        )
    link = (
        '<a href="https://{host}/tags/{t}" class="mention hashtag" rel="tag">#<span>{t}</span></a>'
    )
    html_tags = " ".join(link.format(host=INSTANCE, t=t) for t in tags)
    return {
        "id": f"11300000000{i:04d}",
        "created_at": _iso(when),
        "in_reply_to_id": None,
        "in_reply_to_account_id": None,
        "sensitive": False,
        "spoiler_text": "",
        "visibility": "public",
        "language": "en",
        "uri": f"https://{INSTANCE}/users/{user}/statuses/11300000000{i:04d}",
        "url": f"https://{INSTANCE}/@{user}/11300000000{i:04d}",
        "replies_count": 0,
        "reblogs_count": 2,
        "favourites_count": 9,
        "content": f"<p>{text} {html_tags}</p>",
        "reblog": None,
        "account": account,
        "media_attachments": media,
        "mentions": [],
        "tags": [{"name": t.lower(), "url": f"https://{INSTANCE}/tags/{t.lower()}"} for t in tags],
        "emojis": [],
        "card": None,
        "poll": None,
    }


def well_kept() -> tuple[dict, list[dict]]:
    user = "kruhek"
    account = _account(
        user,
        display="Kruhek · Sourdough Bakery",
        note=(
            "<p>Sourdough bakery in Ljubljana: naturally leavened bread, croissants and potica, "
            "baked every morning on Trubarjeva 12.</p><p>Order for pickup: "
            '<a href="https://kruhek.si/order?utm_source=mastodon" rel="nofollow noopener">'
            "kruhek.si/order</a></p>"
        ),
        avatar=f"https://files.{INSTANCE}/accounts/avatars/000/000/001/original/kruhek.png",
        fields=[
            {
                "name": "Website",
                "value": '<a href="https://kruhek.si/?utm_source=mastodon" rel="me">kruhek.si</a>',
                "verified_at": "2025-01-02T10:00:00.000+00:00",
            },
            {"name": "Location", "value": "Trubarjeva 12, Ljubljana", "verified_at": None},
        ],
        statuses=640,
    )
    breads = ["rye loaf", "croissants", "seeded sourdough", "potica", "baguettes", "spelt bread"]
    statuses = []
    for i in range(20):
        bread = breads[i % len(breads)]
        when = CAPTURED - timedelta(days=1 + i * 2, hours=i % 5)
        statuses.append(
            _status(
                i,
                account,
                when,
                f"Sourdough {bread} fresh from our bakery oven this morning.",
                ["Sourdough", "LjubljanaBakery"],
                f"Batch {i + 1}: our {bread} cooling on the wooden counter by the shop window.",
            )
        )
    return account, statuses


def neglected() -> tuple[dict, list[dict]]:
    user = "pekarna_x"
    account = _account(
        user,
        display="pekarna_x",
        note="",
        avatar=f"https://{INSTANCE}/avatars/original/missing.png",
        fields=[],
        statuses=9,
    )
    statuses = [
        _status(i, account, CAPTURED - timedelta(days=62 + i * 9), "New today.", [], None)
        for i in range(8)
    ]
    return account, statuses


def audit(tmp_path: Path, account: dict, statuses: list[dict]) -> dict[str, Any]:
    lookup = tmp_path / "lookup.json"
    lookup.write_text(json.dumps(account), encoding="utf-8")
    feed = tmp_path / "statuses.json"
    feed.write_text(json.dumps(statuses), encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "audit", "audit", "--from", str(lookup), "--from", str(feed),
         "--platform", "mastodon", "--keywords", "sourdough,bakery",
         "--captured-at", CAPTURED.isoformat(), "--json", "--no-history"],
        capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def _problems(result: dict[str, Any]) -> dict[str, dict[str, Any]]:
    (profile,) = result["profiles"]
    return {c["id"]: c for c in profile["checks"] if c["status"] in ("fail", "warn")}


def test_well_kept_bakery_scores_in_the_90s(tmp_path: Path) -> None:
    result = audit(tmp_path, *well_kept())
    assert result["score"] >= 90, _problems(result)
    problems = _problems(result)
    assert len(problems) <= 4, sorted(problems)
    assert not [c for c in problems.values() if c["status"] == "fail"], problems


@pytest.mark.parametrize(
    ("check_id", "words"),
    [
        ("PRO001", "default"),
        ("BIO001", "bio"),
        ("LNK001", "link"),
        ("ALT001", "0 of"),
        ("CAD001", "62 days"),
    ],
)
def test_neglected_bakery_names_each_problem(tmp_path: Path, check_id: str, words: str) -> None:
    result = audit(tmp_path, *neglected())
    assert result["score"] < 50
    problems = _problems(result)
    assert check_id in problems, sorted(problems)
    check = problems[check_id]
    assert check["status"] == "fail"
    assert words.lower() in check["message"].lower()
    assert check["fix"]
