"""What each input kind can carry, per platform: one declaration table, applied in one place.

A logged-out page, an owner's HAR, an API's JSON and a data export show different parts of a
profile. When an input cannot carry a field (an Instagram data export has no business
category; an X v1.1 timeline has no professional category), an empty field says nothing about
the brand, and a check that judged it would fail the brand for findable's blind spot. So the
table below declares, per platform and input kind (or per format, where one kind has formats
that differ, like X's REST and GraphQL JSON), the fields that input cannot carry, and
`declare` marks each such field that came out empty as `Profile.not_observed` with the
reason. Checks then say *not observable* through `CheckMeta.needs`, and `findable extract`
prints the same reason, so every output agrees.

Extractors still add what only they can know about one capture (no timeline request was
captured, a page showed only meta tags); the table holds what is true of every input of a
kind. Keys are `Profile.not_observed` keys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from audit.model import Platform, Profile

__all__ = ["CARRIES", "FIELD_WORDS", "InputKind", "declare", "input_keys"]

# How a reason names each field.
FIELD_WORDS: dict[str, str] = {
    "display_name": "a display name",
    "bio": "a bio",
    "category": "a business category",
    "links": "a website link",
    "location": "a location",
    "avatar": "a profile image",
    "contact": "public contact details (email, phone, contact button)",
    "counts": "follower or post counts",
    "posts": "posts",
    "alt_text": "alt text",
    "geotags": "post locations",
}


@dataclass(frozen=True)
class InputKind:
    """One kind of input for one platform: how reasons name it, and what it cannot carry
    (each with why, when there is more to say than that the input has no such field)."""

    label: str
    cannot: dict[str, str]

    def reason(self, key: str) -> str:
        why = self.cannot[key]
        return why or f"{self.label} does not carry {FIELD_WORDS[key]}"


_P = Platform

# (platform, input kind or format) -> what that input cannot carry. Input kinds are
# `CaptureInfo.input_kind` (live | har | html | json | export); formats are
# `CaptureInfo.formats` entries, for kinds whose formats differ.
CARRIES: dict[tuple[Platform, str], InputKind] = {
    # Owners' data exports: the account's own archive, not its public profile.
    (_P.INSTAGRAM, "export"): InputKind(
        "an Instagram data export",
        {
            "category": "",
            "alt_text": "",
            "location": "an Instagram data export carries no business address",
            "contact": "an Instagram data export holds the account's private sign-in email "
            "and phone, not the public contact options",
            "counts": "",
        },
    ),
    (_P.FACEBOOK, "export"): InputKind(
        "a Facebook data export",
        {
            "category": "a Facebook data export is a person's archive: it carries no Page category",
            "location": "a Facebook data export is a person's archive: it carries no Page address",
            "contact": "",
            "avatar": "",
            "counts": "",
        },
    ),
    (_P.X, "export"): InputKind(
        "an X archive",
        {
            "category": "an X archive's profile.js carries no professional category",
            "counts": "",
        },
    ),
    (_P.TIKTOK, "export"): InputKind(
        "a TikTok data export",
        {"alt_text": "", "counts": "", "location": ""},
    ),
    # Instagram's Graph API (business discovery, IG user) has no category, contact options or
    # address fields; its media carry no location (the extractor says so per document).
    (_P.INSTAGRAM, "graph-api"): InputKind(
        "Instagram's Graph API",
        {
            "category": "Instagram's Graph API user fields include no business category",
            "contact": "Instagram's Graph API user fields include no contact options",
            "location": "Instagram's Graph API user fields include no address",
        },
    ),
    # X's REST JSON (v1.1, v2) predates professional accounts: no category field.
    (_P.X, "v1.1"): InputKind(
        "X's v1.1 REST JSON",
        {"category": "X's v1.1 REST JSON has no professional category field"},
    ),
    (_P.X, "v2"): InputKind(
        "X's v2 API JSON",
        {"category": "X's v2 API user object has no professional category field"},
    ),
}


def input_keys(profile: Profile) -> list[str]:
    """The table keys that describe this profile's input: its formats when the extractor
    recorded them, else its input kind."""
    return list(profile.capture.formats) or [profile.capture.input_kind]


def _empty(profile: Profile, key: str) -> bool:
    """Whether the field came out empty (a field the input did show is observed, whatever
    the table says)."""
    own = profile.own_posts()
    images = [m for p in own for m in p.media if m.kind == "image"]
    checks = {
        "display_name": lambda: not profile.display_name,
        "bio": lambda: not profile.bio,
        "category": lambda: not profile.category,
        "links": lambda: not profile.links,
        "location": lambda: profile.location is None or profile.location.is_empty(),
        "avatar": lambda: profile.avatar is None,
        "contact": lambda: (
            profile.contact is None
            or not (
                profile.contact.email or profile.contact.phone or profile.contact.has_contact_button
            )
        ),
        "counts": lambda: all(
            v is None
            for v in (profile.counts.followers, profile.counts.following, profile.counts.posts)
        ),
        "posts": lambda: not profile.posts,
        "alt_text": lambda: all(m.alt_source == "missing" for m in images),
        "geotags": lambda: all(p.location is None or p.location.is_empty() for p in own),
    }
    return checks[key]()


# The profile's own fields, what a profile page's header or a profile API response shows.
_HEADER = ("display_name", "bio", "category", "links", "avatar", "contact", "counts", "location")


def _posts_only(profile: Profile) -> bool:
    """Posts were read and nothing of the profile itself: the input is a feed page, a list of
    posts or one post's page stripped of its author (a page's 'more posts' response), which
    says nothing about the profile's name, bio or links. A real profile, however bare, shows
    its counts; a header-less read with posts is the input's limit, not the brand's."""
    return bool(profile.own_posts()) and all(_empty(profile, key) for key in _HEADER)


# A field read from the page's meta tags: 'meta[property=og:title]', 'meta og:description'.
_META_SOURCE = re.compile(r"\bmeta[\[ ]")
# What a page's meta tags never carry (they hold a title, a description, an image, counts).
_BEYOND_META = ("links", "category", "contact", "location", "posts")


def _meta_only(profile: Profile) -> bool:
    """Every profile field was read from the page's meta tags: a logged-out Instagram or
    Threads page saved as is, whose data loads later through requests the file does not
    hold. Its missing links or category say nothing about the profile."""
    header = [v for k, v in profile.sources.items() if not k.startswith("posts")]
    return bool(header) and all(_META_SOURCE.search(v) for v in header)


def declare(profile: Profile) -> Profile:
    """Mark every field this profile's input cannot carry, and did not show, as not observed
    (an extractor's own, more specific reason is kept). A field is unobservable only when
    every format read cannot carry it: one GraphQL response beside a v1.1 timeline shows
    the category. An input of posts only marks the profile's own fields that no more specific
    reason covers. Returns the same profile."""
    kinds = [CARRIES.get((profile.platform, key)) for key in input_keys(profile)]
    if kinds and all(k is not None for k in kinds):
        known = [k for k in kinds if k is not None]
        for key in FIELD_WORDS:
            if key in profile.not_observed or not all(key in k.cannot for k in known):
                continue
            if _empty(profile, key):
                profile.not_observed[key] = known[0].reason(key)
    if _meta_only(profile):
        for key in _BEYOND_META:
            if key not in profile.not_observed and _empty(profile, key):
                profile.not_observed[key] = (
                    "this input holds only the page's meta tags (name, bio, image, counts), "
                    f"which never carry {FIELD_WORDS[key]}; audit the profile live, or add "
                    "the data the page loads (a HAR, or the platform's profile response)"
                )
    if _posts_only(profile):
        for key in _HEADER:
            profile.not_observed.setdefault(
                key,
                "this input shows posts only, not the profile itself (its name, bio, links and "
                "image); add the profile page or the platform's profile response",
            )
    return profile
