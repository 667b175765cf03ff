"""The data model: what findable reads off a platform, as plain pydantic data.

Field names here are a public contract (JSON reports, `findable extract`, consumers of the
schema). Add fields freely; never rename or repurpose one.
"""

from __future__ import annotations

import re
from datetime import datetime
from enum import Enum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator


class Platform(str, Enum):
    INSTAGRAM = "instagram"
    TIKTOK = "tiktok"
    YOUTUBE = "youtube"
    FACEBOOK = "facebook"
    PINTEREST = "pinterest"
    X = "x"
    LINKEDIN = "linkedin"
    THREADS = "threads"
    BLUESKY = "bluesky"
    MASTODON = "mastodon"
    GOOGLE_BUSINESS = "google_business"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    Platform.INSTAGRAM: "Instagram",
    Platform.TIKTOK: "TikTok",
    Platform.YOUTUBE: "YouTube",
    Platform.FACEBOOK: "Facebook",
    Platform.PINTEREST: "Pinterest",
    Platform.X: "X",
    Platform.LINKEDIN: "LinkedIn",
    Platform.THREADS: "Threads",
    Platform.BLUESKY: "Bluesky",
    Platform.MASTODON: "Mastodon",
    Platform.GOOGLE_BUSINESS: "Google Business Profile",
}


class Outcome(str, Enum):
    """What happened when a profile was read. Anything but `ok` makes its checks `na`."""

    OK = "ok"
    LOGIN_WALL = "login_wall"
    PRIVATE = "private"
    NOT_FOUND = "not_found"
    BLOCKED = "blocked"
    TIMEOUT = "timeout"
    ERROR = "error"

    @property
    def words(self) -> str:
        """What happened, in the words an owner reads ('stopped by a login wall')."""
        return _OUTCOME_WORDS[self.value]


_OUTCOME_WORDS = {
    "ok": "read",
    "login_wall": "stopped by a login wall",
    "private": "the profile is private",
    "not_found": "profile not found",
    "blocked": "blocked by the platform",
    "timeout": "no answer in time",
    "error": "could not be read",
}


_LANG_TAG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")


def lang_code(tag: str) -> str | None:
    """A BCP 47 language tag's primary subtag, lower-cased ('pt-BR' -> 'pt'); None when
    `tag` is not a language tag."""
    tag = tag.strip()
    if not _LANG_TAG.fullmatch(tag):
        return None
    return re.split(r"[-_]", tag, maxsplit=1)[0].casefold()


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class ProfileRef(_Model):
    """A profile to audit, as the user named it, resolved to a platform and handle."""

    platform: Platform
    handle: str = Field(description="Handle without a leading @ (Mastodon: user@instance).")
    url: str = Field(description="Canonical public profile URL.")
    raw: str = Field(default="", description="What the user typed.")

    @property
    def key(self) -> str:
        """A filesystem-safe, stable name for this profile (snapshot folder name)."""
        safe = "".join(c if c.isalnum() or c in "._-" else "_" for c in self.handle)
        return f"{self.platform.value}-{safe}"

    @property
    def label(self) -> str:
        """How progress lines and messages name it: 'Instagram @bluedoorbakery'."""
        return f"{self.platform.label} @{self.handle}"


class SiteRef(_Model):
    """The brand's own website. Captured for its words (proposed target keywords), never
    audited itself: it is not a profile and no check runs on it."""

    kind: Literal["site"] = "site"
    url: str

    @property
    def key(self) -> str:
        return "site"

    @property
    def label(self) -> str:
        return f"Website {self.url}"


class AssetRef(_Model):
    """One file a check needs besides the profile's documents (today: a profile's avatar
    image, for CON004). Captured after the profiles, stored as bytes next to its manifest,
    never audited itself and never shown in reports."""

    kind: Literal["asset"] = "asset"
    url: str
    key: str = Field(description="Snapshot folder name, e.g. 'avatar-instagram-bluedoor'.")

    @property
    def label(self) -> str:
        return f"Image {self.key}"


CaptureTarget = ProfileRef | SiteRef | AssetRef


class Link(_Model):
    url: str
    title: str | None = None


class Place(_Model):
    name: str | None = None
    address: str | None = None
    city: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None

    def is_empty(self) -> bool:
        return not any(
            v not in (None, "")
            for v in (self.name, self.address, self.city, self.country, self.lat, self.lon)
        )


class Avatar(_Model):
    url: str | None = None
    width: int | None = None
    height: int | None = None
    is_default: bool = False
    phash: str | None = Field(
        default=None,
        description="64-bit difference hash of the downloaded image (16 hex digits), when the "
        "image was captured; compared across platforms by CON004.",
    )


class Counts(_Model):
    followers: int | None = None
    following: int | None = None
    posts: int | None = None


class Contact(_Model):
    email: str | None = None
    phone: str | None = None
    has_contact_button: bool | None = None


AltSource = Literal["custom", "auto", "missing"]
MediaKind = Literal["image", "video", "other"]


class Media(_Model):
    kind: MediaKind = "image"
    url: str | None = None
    alt_text: str | None = None
    alt_source: AltSource = "missing"
    width: int | None = None
    height: int | None = None


class Post(_Model):
    id: str
    url: str | None = None
    created_at: datetime | None = Field(default=None, description="ISO 8601, timezone-aware.")
    created_at_approx: bool = Field(
        default=False, description="True when resolved from a relative date ('3 days ago')."
    )
    caption: str | None = None
    hashtags: list[str] = Field(default_factory=list, description="Without '#', as written.")
    media: list[Media] = Field(default_factory=list)
    location: Place | None = None
    is_repost: bool = Field(
        default=False, description="A boost/retweet/repost: not the brand's own post."
    )
    lang: str | None = Field(
        default=None,
        description="The language the platform declares for the post (Bluesky `langs`, "
        "Mastodon `language`), as an ISO 639-1 code.",
    )
    short_video: bool | None = Field(
        default=None,
        description="A short-form video (Instagram Reel, YouTube Short, TikTok video, Facebook "
        "Reel): True/False when the input says, None when it does not.",
    )
    shoppable: bool | None = Field(
        default=None,
        description="Carries product tags / is a product pin: True/False when the input says, "
        "None when it does not.",
    )

    @field_validator("created_at")
    @classmethod
    def _tz_aware(cls, v: datetime | None) -> datetime | None:
        if v is not None and v.tzinfo is None:
            raise ValueError("created_at must be timezone-aware")
        return v

    @field_validator("lang")
    @classmethod
    def _lang(cls, v: str | None) -> str | None:
        return lang_code(v) if v else None


class InputDoc(_Model):
    """One document that went into an extraction (for evidence and `extract -v`)."""

    url: str | None = None
    path: str | None = None
    kind: str = Field(description="html | json | har-entry | export")
    status: int | None = None


class CaptureInfo(_Model):
    outcome: Outcome = Outcome.OK
    reason: str | None = Field(default=None, description="Why the outcome is not ok.")
    url: str | None = Field(default=None, description="The URL that was asked for.")
    final_url: str | None = None
    http_status: int | None = None
    captured_at: datetime | None = None
    input_kind: str = Field(default="live", description="live | har | html | json | export")
    formats: list[str] = Field(
        default_factory=list,
        description="The formats read, where one input kind has formats that carry different "
        "fields (X JSON: 'graphql', 'v1.1', 'v2', 'page'; Instagram: 'web', 'graph-api'); what "
        "each cannot carry is declared "
        "in audit/observable.py.",
    )
    inputs: list[InputDoc] = Field(default_factory=list)
    tool_version: str | None = None
    browser_version: str | None = None
    warnings: list[str] = Field(default_factory=list)


class Reviews(_Model):
    """Ratings and reviews the platform shows publicly (Google, Facebook recommendations).
    Every field is None where the input does not show it."""

    rating: float | None = Field(default=None, description="Average stars, 1..5.")
    count: int | None = Field(default=None, description="How many ratings/reviews in total.")
    replied_share: float | None = Field(
        default=None,
        description="0..1: of the reviews shown (`sampled`), the share with an owner reply.",
    )
    newest_at: datetime | None = Field(
        default=None, description="When the newest review shown was written (timezone-aware)."
    )
    sampled: int | None = Field(
        default=None,
        description="How many individual reviews the input showed (Maps shows the most "
        "relevant few, not all).",
    )


class Engagement(_Model):
    """Whether the brand answers people: read from public comment threads of its newest
    posts, and from a page's public response badge."""

    threads: int | None = Field(default=None, description="Post threads read (at most 12).")
    comments_seen: int | None = Field(
        default=None, description="Comments by others on those posts."
    )
    replied: int | None = Field(
        default=None, description="Of those comments, how many got a reply from the brand."
    )
    median_reply_minutes: float | None = Field(
        default=None, description="Median minutes from a comment to the brand's reply."
    )
    response_badge: str | None = Field(
        default=None,
        description="The page's own response badge as shown ('Typically replies within an "
        "hour'; Facebook, for messages).",
    )
    badge_minutes: int | None = Field(
        default=None, description="The badge's promise in minutes (within an hour = 60)."
    )


class Shop(_Model):
    """A way to buy inside the platform, as the input shows it."""

    surfaces: list[str] = Field(
        default_factory=list,
        description="Shop surfaces the profile has ('TikTok Shop seller', 'Pinterest verified "
        "merchant', 'Facebook shop tab'); empty when the input shows none.",
    )
    url: str | None = Field(default=None, description="The shop surface's own URL, if any.")


class Profile(_Model):
    platform: Platform
    handle: str = Field(description="Without a leading @.")
    url: str | None = None
    display_name: str | None = None
    bio: str | None = None
    category: str | None = None
    links: list[Link] = Field(default_factory=list)
    location: Place | None = None
    avatar: Avatar | None = None
    contact: Contact | None = None
    is_business: bool | None = None
    is_private: bool | None = None
    is_verified: bool | None = None
    counts: Counts = Field(default_factory=Counts)
    posts: list[Post] = Field(default_factory=list)
    search_keywords: list[str] = Field(
        default_factory=list,
        description="Keywords the owner set for the platform's own search, as separate terms "
        "(YouTube channel keywords, up to 500 characters; quoted phrases kept whole).",
    )
    reviews: Reviews | None = Field(
        default=None, description="Ratings and reviews; None when the input shows none."
    )
    engagement: Engagement | None = Field(
        default=None,
        description="Replies to comments and the response badge; None when the input shows "
        "no comment threads and no badge.",
    )
    shop: Shop | None = Field(
        default=None,
        description="The platform's shop surface; None when the input cannot say whether the "
        "profile has one.",
    )
    capture: CaptureInfo = Field(default_factory=CaptureInfo)
    sources: dict[str, str] = Field(
        default_factory=dict,
        description="Where each field was read: field name -> 'document: JSON path or selector'.",
    )
    not_observed: dict[str, str] = Field(
        default_factory=dict,
        description=(
            "Fields this input cannot show, with why (e.g. 'alt_text': 'the data export does "
            "not include alt text'); checks on them are `na` with that reason, never a fail. "
            "Keys: a Profile field name (bio, links, category, location, avatar, contact, "
            "counts, reviews, engagement, shop), or 'posts' (no post list), 'alt_text', 'geotags' "
            "(post locations), 'review_replies', 'review_dates', 'comments' (comment threads)."
        ),
    )

    @field_validator("handle")
    @classmethod
    def _no_at(cls, v: str) -> str:
        return v.lstrip("@")

    def own_posts(self) -> list[Post]:
        """Posts the brand wrote itself (reposts/boosts excluded)."""
        return [p for p in self.posts if not p.is_repost]


class Brand(_Model):
    """What the user tells findable about the business (brand file / CLI flags)."""

    name: str | None = None
    keywords: list[str] = Field(default_factory=list)
    languages: list[str] = Field(
        default_factory=list,
        description="ISO 639-1 codes of the languages the brand writes in (e.g. ['sl', 'en']): "
        "short captions are read in one of these unless clearly in another.",
    )
    location: str | None = None
    local: bool = False
    sells_online: bool | None = Field(
        default=None,
        description="False: the business sells nothing online (shop checks are skipped).",
    )
    website: str | None = None
    profiles: list[str] = Field(default_factory=list)
    competitors: list[str] = Field(default_factory=list)
    select: list[str] = Field(default_factory=list)
    ignore: list[str] = Field(default_factory=list)
    weights: dict[str, float] = Field(default_factory=dict)
    extra: dict[str, Any] = Field(default_factory=dict)

    @field_validator("languages")
    @classmethod
    def _languages(cls, v: list[str]) -> list[str]:
        out: list[str] = []
        for tag in v:
            code = lang_code(tag)
            if code is None:
                raise ValueError(
                    f"{tag!r} is not a language code; use ISO 639-1 codes such as 'sl', 'en'"
                )
            if code not in out:
                out.append(code)
        return out
