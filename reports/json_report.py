"""JSON report: the AuditResult itself, the one format other tools are meant to consume.

The field order of the pydantic models is the key order, so two audits of the same brand
diff cleanly. `schema_json()` publishes the versioned schema behind `findable schema`.
"""

from __future__ import annotations

import json

from audit.result import AuditResult

__all__ = ["render_json", "schema_json"]


def render_json(result: AuditResult) -> str:
    """The whole result, pretty-printed, UTF-8 text kept as written (Persian stays Persian)."""
    return result.model_dump_json(indent=2) + "\n"


def schema_json() -> str:
    """The JSON Schema of AuditResult, for consumers that validate reports."""
    return json.dumps(AuditResult.model_json_schema(), indent=2, ensure_ascii=False) + "\n"
