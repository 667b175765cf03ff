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

import math
import re
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pydantic import ValidationError

from audit.errors import InputError
from audit.model import Brand

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

__all__ = ["load_brand", "merge_cli", "render_brand", "validate_brand", "website_url"]

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
        brand = Brand.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise InputError(f"{path}: {where}: {first['msg']}") from None
    return validate_brand(brand, where=str(path))


# --- the rules every brand meets -----------------------------------------------------------

# Line breaks, tabs and other control characters (C0, DEL, C1, Unicode line separators): a
# name or keyword is one line of text, and a brand file must read back what it was written.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# Longer than any platform's display name or search box; a longer value is a paste mistake.
_MAX_TEXT = 200


def website_url(text: str) -> str:
    """`text` as an http(s) URL (`bakery.si` -> `https://bakery.si`), or an InputError."""
    url = text.strip() if "://" in text else f"https://{text.strip()}"
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        host = None
    if (
        _CONTROL.search(text)
        or parts.scheme not in ("http", "https")
        or not host
        or "." not in host
    ):
        raise InputError(f"website {text!r} is not a web address; write it like https://bakery.si")
    return url


def _one_line(what: str, value: str) -> None:
    if _CONTROL.search(value):
        raise InputError(
            f"{what} {value!r} contains a line break or control character; write it on one line"
        )
    if len(value) > _MAX_TEXT:
        raise InputError(f"{what} is {len(value)} characters long; keep it under {_MAX_TEXT}")


def _check_selectors(brand: Brand) -> None:
    both = sorted(
        {s.strip().upper() for s in brand.select} & {s.strip().upper() for s in brand.ignore}
    )
    if both:
        raise InputError(
            f"{', '.join(both)} is both selected and ignored (--select/--ignore, or select/ignore "
            "in the brand file); keep it in one of them"
        )
    from audit.engine import select_brand_checks, select_checks

    if not select_checks(brand.select, brand.ignore) and not select_brand_checks(
        brand.select, brand.ignore
    ):
        raise InputError(
            f"select {brand.select} with ignore {brand.ignore} leaves no check to run; "
            "widen --select or narrow --ignore"
        )


def validate_brand(brand: Brand, *, where: str = "") -> Brand:
    """The rules for every brand, whether it comes from a brand file, `findable init`'s
    answers or an audit's flags, so that what `init` writes `audit --brand` reads back.
    Returns `brand`; an InputError (prefixed with `where`, e.g. the file) names what is wrong."""
    try:
        for what in ("name", "location"):
            value = getattr(brand, what)
            if value is not None:
                _one_line(what, value)
        for keyword in brand.keywords:
            _one_line("keyword", keyword)
        if brand.website:
            website_url(brand.website)
        from audit.resolve import resolve_many

        resolve_many([*brand.profiles, *brand.competitors])
        for name, weight in brand.weights.items():
            if not math.isfinite(weight) or weight < 0:
                raise InputError(f"weight {name} = {weight}: give a number 0 or above")
        if brand.select or brand.ignore:
            _check_selectors(brand)
    except InputError as exc:
        if not where:
            raise
        raise InputError(f"{where}: {exc}") from None
    return brand


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
    return validate_brand(brand.model_copy(update=update))


def _toml_char(ch: str) -> str:
    if ch in ('"', "\\"):
        return "\\" + ch
    if ord(ch) < 0x20 or ord(ch) == 0x7F:  # TOML strings refuse raw control characters
        return f"\\u{ord(ch):04X}"
    return ch


def _toml_str(value: str) -> str:
    return '"' + "".join(_toml_char(ch) for ch in value) + '"'


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
