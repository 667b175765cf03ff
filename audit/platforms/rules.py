"""The per-platform rules table: every limit and guide the checks judge against, each number
with its source (a platform document, a third-party page, or findable's own choice).

One table so a changed limit is one edited line, and so a report can cite where a threshold
came from. `(3p)` marks a third-party page to verify when possible; "findable" marks a value
this project chose (a weight, a default), with the reason.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from audit.model import Platform

__all__ = ["FIELD_WEIGHTS", "RULES", "PlatformRules", "rules_for"]

# Search field weights, in the order the platforms describe (name > handle > bio >
# captions/hashtags > alt > location). The values are findable's: each step down is worth less,
# and a platform lists only the fields its search reads.
FIELD_WEIGHTS: dict[str, float] = {
    "name": 1.0,
    "handle": 0.8,
    "category": 0.7,
    "bio": 0.6,
    "captions": 0.4,
    "hashtags": 0.4,
    "alt": 0.2,
    "location": 0.1,
}
_FIELD_WEIGHTS_SRC = (
    "findable's own judgment: the order the platforms describe (name and username first, then "
    "bio, captions and hashtags, then alt text and places; Adam Mosseri, 'Breaking Down How "
    "Instagram Search Works', 2021), values chosen so each step weighs less; account search "
    "matches name and handle on every platform"
)


def _fields(*names: str) -> dict[str, float]:
    return {n: FIELD_WEIGHTS[n] for n in names}


class PlatformRules(BaseModel):
    """What one platform allows and recommends. `sources[field]` says where a value is from;
    the validator refuses a number without a source."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    platform: Platform
    bio_label: str = Field(default="Bio", description="What the platform calls its bio field.")
    bio_max: int | None = Field(default=None, description="Longest bio the platform accepts.")
    bio_graphemes: bool = Field(default=False, description="Limit counted in graphemes.")
    name_max: int | None = None
    username_min: int | None = None
    username_max: int | None = None
    username_chars: str | None = Field(default=None, description="Allowed handle characters.")
    search_fields: dict[str, float] = Field(
        default_factory=dict, description="Fields the in-app search reads -> weight."
    )
    posts_per_week_low: float | None = None
    posts_per_week_high: float | None = None
    hashtag_cap: int | None = Field(default=None, description="Hard cap per post.")
    hashtag_guide_max: int | None = Field(default=None, description="Recommended most per post.")
    caption_fold: int | None = Field(
        default=None, description="Caption characters shown before 'more'."
    )
    alt_max: int | None = Field(default=None, description="Hard cap on alt text length.")
    alt_soft_max: int | None = Field(default=None, description="Alt text length to warn above.")
    custom_alt: bool = Field(default=False, description="Owners can write alt text on posts.")
    location_tags: bool = Field(default=False, description="Posts can carry a location tag.")
    has_category: bool = Field(default=False, description="Profiles show a business category.")
    has_contact: bool = Field(default=False, description="Profiles can show a contact route.")
    links_max: int | None = Field(default=None, description="Profile links allowed.")
    bio_urls_clickable: bool = Field(
        default=True, description="A URL written in the bio text becomes a link."
    )
    link_note: str | None = Field(default=None, description="A condition on having a link.")
    avatar_min_px: int | None = Field(default=None, description="Side an avatar should reach.")
    default_avatar_markers: tuple[str, ...] = Field(
        default=(), description="URL fragments of the platform's default avatar."
    )
    short_video_label: str | None = Field(
        default=None,
        description="What the platform calls its short-video format (Reels, Shorts); None "
        "when it has no short-video surface.",
    )
    sources: dict[str, str] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _numbers_have_sources(self) -> PlatformRules:
        missing = [name for name in self.sourced_fields() if not self.sources.get(name)]
        if missing:
            raise ValueError(f"{self.platform.value}: no source for {', '.join(missing)}")
        unknown = set(self.sources) - set(type(self).model_fields)
        if unknown:
            raise ValueError(f"{self.platform.value}: sources for unknown fields {unknown}")
        return self

    def sourced_fields(self) -> list[str]:
        """Fields whose value is a number (or a table of numbers / markers): these need a
        source."""
        out = []
        for name in type(self).model_fields:
            value: Any = getattr(self, name)
            is_number = isinstance(value, (int, float)) and not isinstance(value, bool)
            if is_number or (name in ("search_fields", "default_avatar_markers") and value):
                out.append(name)
        return out

    def source(self, field: str) -> str | None:
        return self.sources.get(field)


_HOOTSUITE = (
    "Hootsuite, 'How often to post on social media' (2023, third party), "
    "https://blog.hootsuite.com/how-often-to-post-on-social-media/"
)
_ALT_SOFT = (
    "the 125-character rule is folklore; warn softly above ~150 "
    "(W3C WAI images tutorial: keep alt text concise)"
)
_AVATAR_MIN = "Instagram shows profile images at 320x320"
_CAPTION_FOLD = "the first 125 characters show before 'more' (3p)"

_TABLE: tuple[PlatformRules, ...] = (
    PlatformRules(
        platform=Platform.INSTAGRAM,
        bio_max=150,
        name_max=30,
        username_max=30,
        username_chars="letters, digits, . and _",
        search_fields=_fields("name", "handle", "bio", "captions", "hashtags", "location"),
        posts_per_week_low=3,
        posts_per_week_high=7,
        hashtag_cap=5,
        hashtag_guide_max=5,
        caption_fold=125,
        alt_soft_max=150,
        custom_alt=True,
        location_tags=True,
        has_category=True,
        has_contact=True,
        links_max=5,
        bio_urls_clickable=False,
        avatar_min_px=320,
        default_avatar_markers=(
            "44884218_345707102882519_2446069589734326272_n",  # the anonymous silhouette
            "instagram.com/static/images/anonymousUser",
        ),
        short_video_label="Reels",
        sources={
            "short_video_label": "Instagram, 'Instagram Ranking Explained' (2023): Reels are "
            "shown mostly from accounts people do not follow yet, https://about.instagram.com/blog/"
            "announcements/instagram-ranking-explained",
            "bio_max": "Instagram app: bio limit 150 characters",
            "name_max": "Instagram name field: 30 characters (3p; some say 64)",
            "username_max": "Instagram app: username up to 30 characters",
            "search_fields": _FIELD_WEIGHTS_SRC
            + "; Instagram reads name, username, bio, captions, hashtags, places "
            "(Adam Mosseri, 'Breaking Down How Instagram Search Works', 2021)",
            "posts_per_week_low": _HOOTSUITE + ": Instagram 3-7/week",
            "posts_per_week_high": _HOOTSUITE + ": Instagram 3-7/week",
            "hashtag_cap": "Instagram caps hashtags at 5 per post since Dec 2025",
            "hashtag_guide_max": "findable's guide: Instagram hard cap 5",
            "caption_fold": _CAPTION_FOLD,
            "alt_soft_max": _ALT_SOFT,
            "links_max": "up to 5 links (3p)",
            "bio_urls_clickable": "Instagram shows bio text as plain text; only the Links "
            "field is clickable (the reason 'link in bio' exists) (3p)",
            "avatar_min_px": _AVATAR_MIN,
            "default_avatar_markers": "Instagram's anonymous silhouette "
            "URL (the widely seen 44884218_..._n.jpg file)",
        },
    ),
    PlatformRules(
        platform=Platform.TIKTOK,
        bio_max=80,
        name_max=30,
        username_min=2,
        username_max=24,
        username_chars="letters, digits, . and _",
        search_fields=_fields("name", "handle", "captions", "hashtags"),
        posts_per_week_low=3,
        posts_per_week_high=7,
        caption_fold=125,
        custom_alt=False,
        location_tags=True,
        links_max=1,
        bio_urls_clickable=False,
        link_note="TikTok shows a website link only on business accounts or from 1,000 "
        "followers (3p)",
        avatar_min_px=320,
        short_video_label="videos",
        sources={
            "short_video_label": "TikTok is a short-video platform: every post is a short "
            "video or a photo post (TikTok Newsroom, 'How TikTok recommends videos #ForYou', "
            "https://newsroom.tiktok.com/en-us/how-tiktok-recommends-videos-for-you)",
            "bio_max": "80 characters (3p)",
            "name_max": "TikTok name field: 30 characters (3p)",
            "username_min": "usernames 2-24 characters",
            "username_max": "usernames 2-24 characters",
            "search_fields": _FIELD_WEIGHTS_SRC
            + "; TikTok reads captions, hashtags, on-screen text, speech (3p)",
            "posts_per_week_low": "Hootsuite (3p): TikTok 3-7/week",
            "posts_per_week_high": "Hootsuite (3p): TikTok 3-7/week",
            "caption_fold": _CAPTION_FOLD + "; used as a general guide",
            "links_max": "one website link, needs 1k followers or business (3p)",
            "bio_urls_clickable": "TikTok bio text is not linkified; only the website field "
            "is (3p)",
            "avatar_min_px": _AVATAR_MIN + "; used as a general guide",
        },
    ),
    PlatformRules(
        platform=Platform.YOUTUBE,
        bio_label="Channel description",
        bio_max=1000,
        username_min=3,
        username_max=30,
        search_fields=_fields("name", "handle", "bio", "captions", "hashtags"),
        posts_per_week_low=1,
        caption_fold=125,
        custom_alt=False,
        location_tags=False,
        links_max=14,
        avatar_min_px=320,
        short_video_label="Shorts",
        sources={
            "short_video_label": "YouTube Help, 'Get started creating YouTube Shorts', "
            "https://support.google.com/youtube/answer/10059070",
            "bio_max": "YouTube Data API, channels resource: brandingSettings.channel."
            "description max 1,000 characters",
            "username_min": "handle 3-30 characters (3p)",
            "username_max": "handle 3-30 characters (3p)",
            "search_fields": _FIELD_WEIGHTS_SRC
            + "; YouTube reads titles, descriptions, tags; titles/descriptions "
            "count as captions, tags as hashtags",
            "posts_per_week_low": "Hootsuite (3p): YouTube 1/week",
            "caption_fold": _CAPTION_FOLD + "; used as a general guide",
            "links_max": "YouTube channel 'Links' section allows up to 14 links (3p)",
            "avatar_min_px": _AVATAR_MIN + "; used as a general guide",
        },
    ),
    PlatformRules(
        platform=Platform.FACEBOOK,
        bio_label="Intro",
        bio_max=255,
        username_min=5,
        username_chars="letters, digits and .",
        search_fields=_fields("name", "handle", "category", "bio"),
        posts_per_week_low=7,
        posts_per_week_high=14,
        caption_fold=125,
        alt_soft_max=150,
        custom_alt=True,
        location_tags=True,
        has_category=True,
        has_contact=True,
        links_max=1,
        avatar_min_px=320,
        short_video_label="Reels",
        sources={
            "short_video_label": "Facebook's short-video format is Reels (a Page's Reels "
            "have /reel/ URLs)",
            "bio_max": "~255 characters of intro (3p)",
            "username_min": "username at least 5 characters, alphanumerics and '.' (Facebook Help)",
            "search_fields": _FIELD_WEIGHTS_SRC + "; Facebook reads name, category, about",
            "posts_per_week_low": _HOOTSUITE + ": Facebook 1-2/day",
            "posts_per_week_high": _HOOTSUITE + ": Facebook 1-2/day",
            "caption_fold": _CAPTION_FOLD + "; used as a general guide",
            "alt_soft_max": _ALT_SOFT,
            "links_max": "one website field",
            "avatar_min_px": _AVATAR_MIN + "; used as a general guide",
        },
    ),
    PlatformRules(
        platform=Platform.PINTEREST,
        bio_label="About",
        bio_max=500,
        name_max=65,
        search_fields=_fields("name", "handle", "bio", "captions", "alt"),
        posts_per_week_low=5,
        caption_fold=125,
        alt_max=500,
        alt_soft_max=150,
        custom_alt=True,
        location_tags=False,
        links_max=1,
        avatar_min_px=320,
        sources={
            "bio_max": "500 characters (3p; sources conflict with 160)",
            "name_max": "65 characters (3p)",
            "search_fields": _FIELD_WEIGHTS_SRC
            + "; Pinterest reads pin title/description/alt text and board names",
            "posts_per_week_low": "Hootsuite (3p): Pinterest 5+/week",
            "caption_fold": _CAPTION_FOLD + "; used as a general guide",
            "alt_max": "Pinterest Help: alt text up to 500 characters",
            "alt_soft_max": _ALT_SOFT,
            "links_max": "one website field on the profile (3p)",
            "avatar_min_px": _AVATAR_MIN + "; used as a general guide",
        },
    ),
    PlatformRules(
        platform=Platform.X,
        bio_max=160,
        name_max=50,
        username_max=15,
        username_chars="letters, digits and _",
        search_fields=_fields("name", "handle", "bio", "captions", "hashtags"),
        posts_per_week_low=7,
        posts_per_week_high=35,
        hashtag_guide_max=2,
        caption_fold=280,
        alt_max=1000,
        alt_soft_max=150,
        custom_alt=True,
        location_tags=False,
        has_category=True,
        links_max=1,
        avatar_min_px=320,
        default_avatar_markers=("default_profile_images/", "default_profile_normal"),
        sources={
            "bio_max": "X Help: bio up to 160 characters",
            "name_max": "X Help: name up to 50 characters",
            "username_max": "X Help, username rules: 15 characters or fewer",
            "search_fields": _FIELD_WEIGHTS_SRC + "; X reads name, bio, posts",
            "posts_per_week_low": _HOOTSUITE + ": X 1-5/day",
            "posts_per_week_high": _HOOTSUITE + ": X 1-5/day",
            "hashtag_guide_max": "findable's guide: X 1-2 hashtags",
            "caption_fold": "X shows a standard post whole: 280 characters",
            "alt_max": "X Help: image descriptions up to 1,000 characters",
            "alt_soft_max": _ALT_SOFT,
            "links_max": "one website link",
            "avatar_min_px": _AVATAR_MIN + "; used as a general guide",
            "default_avatar_markers": "X default_profile_image "
            "(abs.twimg.com/sticky/default_profile_images/...)",
        },
    ),
    PlatformRules(
        platform=Platform.LINKEDIN,
        bio_label="About",
        bio_max=2000,
        name_max=100,
        search_fields=_fields("name", "handle", "category", "bio"),
        posts_per_week_low=1,
        posts_per_week_high=5,
        hashtag_guide_max=3,
        caption_fold=125,
        alt_soft_max=150,
        custom_alt=True,
        location_tags=False,
        has_category=True,
        has_contact=True,
        links_max=1,
        avatar_min_px=320,
        sources={
            "bio_max": "About up to 2,000 characters, tagline 120 (3p)",
            "name_max": "100 characters (3p)",
            "search_fields": _FIELD_WEIGHTS_SRC + "; LinkedIn reads name, tagline, about, industry",
            "posts_per_week_low": "Hootsuite (3p): LinkedIn 1-5/week (Hootsuite "
            "quotes Hootsuite as 1-5/day; the catalog's weekly guide is used)",
            "posts_per_week_high": "Hootsuite (3p): LinkedIn 1-5/week",
            "hashtag_guide_max": "findable's guide: LinkedIn 3 or fewer",
            "caption_fold": _CAPTION_FOLD + "; used as a general guide",
            "alt_soft_max": _ALT_SOFT,
            "links_max": "one website field on the profile (3p)",
            "avatar_min_px": _AVATAR_MIN + "; used as a general guide",
        },
    ),
    PlatformRules(
        platform=Platform.THREADS,
        bio_max=150,
        name_max=30,
        username_max=30,
        username_chars="letters, digits, . and _ (from Instagram)",
        search_fields=_fields("name", "handle", "captions", "hashtags"),
        hashtag_cap=1,
        hashtag_guide_max=1,
        caption_fold=500,
        alt_soft_max=150,
        custom_alt=True,
        location_tags=False,
        links_max=5,
        avatar_min_px=320,
        default_avatar_markers=("44884218_345707102882519_2446069589734326272_n",),
        sources={
            "bio_max": "150 characters (3p)",
            "name_max": "from Instagram (30)",
            "username_max": "from Instagram (30)",
            "search_fields": _FIELD_WEIGHTS_SRC + "; Threads reads posts and one topic tag",
            "hashtag_cap": "Threads allows 1 topic tag per post",
            "hashtag_guide_max": "findable's guide: Threads 1 tag",
            "caption_fold": "Threads shows a post whole: 500 characters (3p)",
            "alt_soft_max": _ALT_SOFT,
            "links_max": "Threads profile links, up to 5 (3p)",
            "avatar_min_px": _AVATAR_MIN + "; used as a general guide",
            "default_avatar_markers": "Threads uses the Instagram account's image (the silhouette)",
        },
    ),
    PlatformRules(
        platform=Platform.BLUESKY,
        bio_label="Description",
        bio_max=256,
        bio_graphemes=True,
        name_max=64,
        username_chars="a domain name",
        search_fields=_fields("name", "handle", "bio", "captions", "hashtags"),
        caption_fold=300,
        alt_soft_max=150,
        custom_alt=True,
        location_tags=False,
        avatar_min_px=320,
        sources={
            "bio_max": "atproto lexicon app.bsky.actor.profile: description maxGraphemes 256 "
            "(github.com/bluesky-social/atproto lexicons/app/bsky/actor/profile.json)",
            "name_max": "atproto lexicon app.bsky.actor.profile: displayName maxGraphemes 64",
            "search_fields": _FIELD_WEIGHTS_SRC + "; Bluesky search reads posts and profiles",
            "caption_fold": "atproto lexicon app.bsky.feed.post: text maxGraphemes 300",
            "alt_soft_max": _ALT_SOFT,
            "avatar_min_px": _AVATAR_MIN + "; used as a general guide",
        },
    ),
    PlatformRules(
        platform=Platform.MASTODON,
        bio_max=500,
        name_max=30,
        username_max=30,
        username_chars="letters, digits and _ (dots and dashes inside)",
        search_fields=_fields("name", "handle", "bio", "hashtags", "captions"),
        caption_fold=500,
        alt_max=1500,
        alt_soft_max=150,
        custom_alt=True,
        location_tags=False,
        links_max=4,
        avatar_min_px=320,
        default_avatar_markers=("avatars/original/missing.png", "/missing.png"),
        sources={
            "bio_max": "Mastodon source app/models/account.rb: NOTE_LENGTH_LIMIT = 500",
            "name_max": "Mastodon source app/models/account.rb: DISPLAY_NAME_LENGTH_LIMIT = 30",
            "username_max": "Mastodon source app/models/account.rb: USERNAME_LENGTH_LIMIT = 30",
            "search_fields": _FIELD_WEIGHTS_SRC
            + "; Mastodon: hashtags always, full text only for opted-in posts",
            "caption_fold": "Mastodon default post limit: 500 characters",
            "alt_max": "Mastodon source app/models/media_attachment.rb: "
            "MAX_DESCRIPTION_LENGTH = 1500",
            "alt_soft_max": _ALT_SOFT,
            "links_max": "Mastodon source app/models/account.rb: DEFAULT_FIELDS_SIZE = 4 "
            "profile fields",
            "avatar_min_px": _AVATAR_MIN + "; used as a general guide",
            "default_avatar_markers": "Mastodon's missing.png",
        },
    ),
    PlatformRules(
        platform=Platform.GOOGLE_BUSINESS,
        bio_label="Business description",
        bio_max=750,
        search_fields=_fields("name", "category", "bio", "location"),
        custom_alt=False,
        location_tags=False,
        has_category=True,
        has_contact=True,
        links_max=1,
        avatar_min_px=250,
        sources={
            "bio_max": "Google Business Profile Help, 'Guidelines for representing your "
            "business': description up to 750 characters",
            "search_fields": _FIELD_WEIGHTS_SRC
            + "; Google local results match name, category, description, address",
            "links_max": "Google Business Profile: one website field",
            "avatar_min_px": "Google Business Profile Help: photos at least 250x250 pixels",
        },
    ),
)

RULES: MappingProxyType[Platform, PlatformRules] = MappingProxyType({r.platform: r for r in _TABLE})


def rules_for(platform: Platform) -> PlatformRules:
    """The rules for `platform`; every Platform has an entry (a test holds this)."""
    return RULES[platform]
