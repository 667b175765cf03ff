"""Turn what a user typed (a profile URL or `platform:@handle`) into a ProfileRef."""

from __future__ import annotations

from urllib.parse import urlsplit

from audit.errors import InputError
from audit.model import Platform, ProfileRef
from audit.platforms import ALIASES

__all__ = ["parse_platform", "resolve", "resolve_many"]

_KNOWN = ", ".join(sorted(p.value for p in Platform))


def parse_platform(name: str) -> Platform:
    key = name.strip().lower()
    if key in ALIASES:
        return ALIASES[key]
    raise InputError(f"unknown platform {name!r}; use one of: {_KNOWN}")


def _from_url(text: str) -> ProfileRef:
    url = text if "://" in text else f"https://{text}"
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(f"{text!r} is not a profile URL or platform:@handle")
    from audit.platforms import REGISTRY  # the extractors load on first use

    for spec in REGISTRY.values():
        handle = spec.match_url(parts)
        if handle:
            return ProfileRef(
                platform=spec.platform, handle=handle, url=spec.profile_url(handle), raw=text
            )
    raise InputError(
        f"{text!r} is not a profile URL findable knows (a post, a search page or another "
        "site?); give the profile's own URL, or platform:@handle like instagram:@bluedoorbakery"
    )


def resolve(target: str) -> ProfileRef:
    """A profile URL, `platform:@handle` or `platform:handle`."""
    text = target.strip()
    if not text:
        raise InputError("empty profile target; give a profile URL or platform:@handle")
    head, sep, rest = text.partition(":")
    if sep and not rest.startswith("//") and "." not in head and "/" not in head:
        platform = parse_platform(head)
        from audit.platforms import REGISTRY

        spec = REGISTRY[platform]
        try:
            handle = spec.normalize_handle(rest)
        except ValueError as exc:
            raise InputError(f"{text!r}: {exc}") from None
        return ProfileRef(platform=platform, handle=handle, url=spec.profile_url(handle), raw=text)
    return _from_url(text)


def resolve_many(targets: list[str]) -> list[ProfileRef]:
    """Resolve each target; duplicates (same platform and handle) are kept once."""
    refs: dict[tuple[Platform, str], ProfileRef] = {}
    for t in targets:
        ref = resolve(t)
        refs.setdefault((ref.platform, ref.handle.lower()), ref)
    return list(refs.values())
