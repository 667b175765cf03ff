"""The check registry: one explicit table mapping IDs to checks (Ruff's code table).

Nothing registers itself by being imported; a check exists when it is listed here. Order is
report order: by family, then ID.
"""

from __future__ import annotations

from checks import (
    bio,
    cadence,
    consistency,
    hashtags,
    keywords,
    links,
    local,
    media,
    profile,
    replies,
    reviews,
    shop,
    video,
)
from checks.base import BrandCheck, Check, CheckContext, CheckMeta, explain

__all__ = [
    "BRAND_REGISTRY",
    "REGISTRY",
    "BrandCheck",
    "Check",
    "CheckContext",
    "CheckMeta",
    "all_metas",
    "explain",
    "get",
]

# Per-profile checks.
REGISTRY: tuple[Check, ...] = (
    profile.profile_image_missing,  # PRO001
    profile.profile_image_low_resolution,  # PRO002
    profile.category_missing,  # PRO003
    profile.contact_missing,  # PRO004
    profile.display_name_generic,  # PRO005
    bio.bio_missing,  # BIO001
    bio.bio_too_short,  # BIO002
    bio.bio_over_limit,  # BIO003
    bio.bio_unclear,  # BIO004
    bio.bio_no_cta,  # BIO005
    bio.bio_first_line_weak,  # BIO006
    keywords.keyword_not_in_name,  # KEY001
    keywords.keyword_not_in_bio,  # KEY002
    keywords.keyword_coverage_captions,  # KEY003
    keywords.keyword_stuffing,  # KEY004
    keywords.handle_searchable,  # KEY005
    keywords.keyword_discoverability,  # KEY007
    media.alt_text_coverage,  # ALT001
    media.alt_text_quality,  # ALT002
    media.alt_text_auto_only,  # ALT003
    media.visual_content_share,  # ALT004
    local.location_not_public,  # GEO001
    local.posts_not_geotagged,  # GEO002
    local.location_inconsistent,  # GEO003
    cadence.dormant_profile,  # CAD001
    cadence.posting_frequency_low,  # CAD002
    cadence.posting_irregular,  # CAD003
    cadence.too_few_posts_observed,  # CAD004
    links.website_link_missing,  # LNK001
    links.website_link_not_https,  # LNK002
    links.link_not_tracked,  # LNK003
    links.link_aggregator_without_context,  # LNK004
    hashtags.hashtag_count,  # HSH001
    hashtags.hashtags_generic_only,  # HSH002
    hashtags.caption_keyword_late,  # HSH003
    reviews.review_count_low,  # REV001
    reviews.review_rating_low,  # REV002
    reviews.review_replies_missing,  # REV003
    reviews.reviews_stale,  # REV004
    replies.comments_unanswered,  # RSP001
    replies.replies_slow,  # RSP002
    shop.way_to_buy_missing,  # SHP001
    shop.shop_surface_unused,  # SHP002
    video.short_video_share_low,  # VID001
)

# Brand-level checks: run once over all captured profiles (AuditResult.brand_checks).
BRAND_REGISTRY: tuple[BrandCheck, ...] = (
    keywords.keywords_undefined,  # KEY006
    consistency.handle_inconsistent,  # CON001
    consistency.name_inconsistent,  # CON002
    consistency.website_inconsistent,  # CON003
    consistency.avatar_inconsistent,  # CON004
    video.short_video_profile_missing,  # VID002
)


def all_metas() -> list[CheckMeta]:
    """Every check's metadata, per-profile first (for `findable checks`)."""
    return [c.meta for c in REGISTRY] + [c.meta for c in BRAND_REGISTRY]


def get(check_id: str) -> Check | BrandCheck:
    """The check with this ID (any case); KeyError names the unknown ID."""
    wanted = check_id.strip().upper()
    items: tuple[Check | BrandCheck, ...] = (*REGISTRY, *BRAND_REGISTRY)
    for item in items:
        if item.meta.id == wanted:
            return item
    raise KeyError(f"no check {check_id!r}")
