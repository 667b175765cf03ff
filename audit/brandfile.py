"""The brand file (`findable.toml`): what the user tells findable about the business.

    name = "Modra Vrata"
    keywords = ["sourdough", "bakery"]
    location = "Ljubljana, Slovenia"
    local = true
    website = "https://modravrata.si"
    profiles = ["instagram:@modravrata.bakery", "https://bsky.app/profile/modravrata.si"]
    competitors = ["instagram:@rivalbakery"]
    select = ["BIO", "ALT"]
    ignore = ["CAD003"]
    [weights]
    keywords = 40

A `[tool.findable]` table in a pyproject.toml is read the same way.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from audit.errors import InputError
from audit.model import Brand

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

__all__ = ["load_brand", "merge_cli", "render_brand"]

_FIELDS = set(Brand.model_fields) - {"extra"}


def load_brand(path: Path) -> Brand:
    if not path.is_file():
        raise InputError(f"{path}: no such brand file; create one with 'findable init'")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read it ({exc})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{path} is not valid TOML: {exc}") from exc
    except RecursionError:  # tomllib recurses per nested array/table: not a ValueError
        raise InputError(f"{path} is not valid TOML: nested too deeply to read") from None
    if path.name == "pyproject.toml":
        tool = data.get("tool")
        table = tool.get("findable") if isinstance(tool, dict) else None
        if not isinstance(table, dict):
            raise InputError(f"{path} has no [tool.findable] table")
        data = table
    unknown = sorted(set(data) - _FIELDS)
    if unknown:
        raise InputError(
            f"{path}: unknown key(s) {', '.join(unknown)}; "
            f"known keys are {', '.join(sorted(_FIELDS))}"
        )
    try:
        return Brand.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise InputError(f"{path}: {where}: {first['msg']}") from None


def _split(text: str | None) -> list[str]:
    return [t.strip() for t in (text or "").split(",") if t.strip()]


def merge_cli(brand: Brand, **flags: Any) -> Brand:
    """CLI flags override the brand file; comma lists (`--keywords "a,b"`) are split."""
    update: dict[str, Any] = {}
    for key in ("keywords", "select", "ignore"):
        if flags.get(key):
            update[key] = _split(flags[key])
    for key in ("location", "website", "name"):
        if flags.get(key):
            update[key] = flags[key]
    if flags.get("local") is not None:
        update["local"] = bool(flags["local"])
    return brand.model_copy(update=update)


def _toml_str(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def _toml_list(values: list[str]) -> str:
    return "[" + ", ".join(_toml_str(v) for v in values) + "]"


def render_brand(brand: Brand) -> str:
    """A brand file for `brand`, commented so an owner can edit it by hand."""
    lines = [
        "# findable brand file: `findable audit --brand findable.toml`",
        f"name = {_toml_str(brand.name or '')}",
        "# the words people should find you for (any language); matching ignores case and",
        "# inflection ('bakery' finds 'bakeries')",
        f"keywords = {_toml_list(brand.keywords)}",
        f"location = {_toml_str(brand.location or '')}",
        "# true for a business people visit (a shop, a café): location checks then weigh more",
        f"local = {'true' if brand.local else 'false'}",
        f"website = {_toml_str(brand.website or '')}",
        "# profile URLs or platform:@handle",
        f"profiles = {_toml_list(brand.profiles)}",
        "# competitors' profiles, to rank against for each keyword",
        f"competitors = {_toml_list(brand.competitors)}",
        '# check ID prefixes to run / to skip, e.g. select = ["BIO", "ALT"]',
        f"select = {_toml_list(brand.select)}",
        f"ignore = {_toml_list(brand.ignore)}",
    ]
    if brand.weights:
        lines.append("[weights]")
        lines.extend(f"{k} = {v:g}" for k, v in brand.weights.items())
    return "\n".join(lines) + "\n"
