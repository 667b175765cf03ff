"""JSON report: the AuditResult itself, loadable back and stable between runs."""

from __future__ import annotations

import json

from audit.model import Outcome, Platform
from audit.result import AuditResult
from reports import render
from reports.json_report import render_json, schema_json
from tests.test_reports_helpers import (
    HOSTILE_BIO,
    audit_result,
    discoverability,
    mixed_checks,
    posts,
    profile_result,
)


def test_json_round_trips_through_the_contract() -> None:
    result = audit_result(
        [
            profile_result(checks=mixed_checks(), bio=HOSTILE_BIO, posts=posts([1, 5])),
            profile_result("bd", Platform.TIKTOK, outcome=Outcome.LOGIN_WALL, reason="login wall"),
        ],
        keywords=["نان", "sourdough"],
        notes=["a note"],
    )
    text = render(result, "json")
    assert AuditResult.model_validate_json(text) == result


def test_json_keeps_unicode_readable_and_key_order_stable() -> None:
    result = audit_result([profile_result(bio="نان خمیر ترش — Қазақ нан")])
    text = render_json(result)
    assert "نان خمیر ترش" in text  # not \u-escaped: diffable and readable
    assert text == render_json(AuditResult.model_validate_json(text))
    assert list(json.loads(text)) == list(AuditResult.model_fields)
    assert text.endswith("}\n")


def test_not_captured_profile_keeps_a_null_score() -> None:
    result = audit_result([profile_result(outcome=Outcome.PRIVATE, reason="private account")])
    data = json.loads(render_json(result))
    assert data["profiles"][0]["score"] is None
    assert data["profiles"][0]["outcome"] == "private"


def test_schema_json_is_the_audit_result_schema() -> None:
    schema = json.loads(schema_json())
    assert schema == AuditResult.model_json_schema()
    assert schema["title"] == "AuditResult"
    assert "schema_version" in schema["properties"]


def test_discoverability_and_competitors_round_trip() -> None:
    result = audit_result(
        discoverability=discoverability(proposed=True),
        competitors=[profile_result("rivalbakery", score=81.0)],
    )
    text = render_json(result)
    assert AuditResult.model_validate_json(text) == result
    data = json.loads(text)
    assert data["schema_version"] == "1.2"
    assert data["discoverability"]["proposed"] is True
    assert data["discoverability"]["cells"][0]["fields"] == ["name", "bio"]
    assert data["competitors"][0]["handle"] == "rivalbakery"
    assert "نان سنگک" in text


def test_a_1_0_report_still_loads() -> None:
    old = json.loads(render_json(audit_result()))
    old["schema_version"] = "1.0"
    del old["discoverability"], old["competitors"]
    loaded = AuditResult.model_validate(old)
    assert loaded.discoverability is None and loaded.competitors == []


def test_schema_describes_the_matrix() -> None:
    schema = json.loads(schema_json())
    assert {"discoverability", "competitors"} <= set(schema["properties"])
    assert {"Discoverability", "KeywordCell", "KeywordRank"} <= set(schema["$defs"])
    assert set(schema["$defs"]["KeywordCell"]["properties"]) >= {
        "keyword",
        "platform",
        "handle",
        "fields",
        "score",
    }
