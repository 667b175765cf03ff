"""The public pages, studies and platform documents the checks' thresholds come from.

Every check's `source` names at least one of these (with its URL) or says plainly that the
threshold is findable's own judgment and why: `findable checks --explain ID` is read by
people who have none of findable's internal documents. Third-party pages are marked as such.
"""

from __future__ import annotations

__all__ = [
    "BRIGHTLOCAL_REVIEWS",
    "BSKY_PROFILE_LEXICON",
    "CONVERSOCIAL_2012",
    "GA_CAMPAIGN_URLS",
    "GBP_GUIDELINES",
    "GBP_LOCAL_RANKING",
    "GBP_REPLY_REVIEWS",
    "GLEASON_2019",
    "HOOTSUITE_FREQUENCY",
    "IG_HASHTAG_LIMIT",
    "IG_RANKING_EXPLAINED",
    "IG_SEARCH",
    "KRAWETZ_DHASH",
    "MASTODON_PROFILE",
    "META_SHOPS",
    "NM_INCITE_2012",
    "OWN",
    "PINTEREST_SHOPPING",
    "PROFILE_PHOTO_320",
    "SPIEGEL_REVIEWS_2017",
    "THREADS_ALT_TEXT",
    "TIKTOK_RECOMMENDS",
    "WAI_IMAGES",
    "WEBAIM_ALT",
    "X_PROFILE_HELP",
    "YOUTUBE_CHANNELS_API",
    "YOUTUBE_SHORTS",
]

# Platform documents and announcements.
IG_SEARCH = (
    "Adam Mosseri (Head of Instagram), 'Breaking Down How Instagram Search Works' (2021): "
    "search matches the text typed against usernames, bios, captions, hashtags and places, "
    "https://about.instagram.com/blog/announcements/break-down-how-instagram-search-works"
)
IG_HASHTAG_LIMIT = (
    "Instagram's limit of five hashtags per post and reel (announced by @creators, Dec 2025; "
    "reported by Social Media Today, third party), "
    "https://www.socialmediatoday.com/news/instagrams-implementing-new-limits-on-hashtag-use/808309/"
)
TIKTOK_RECOMMENDS = (
    "TikTok Newsroom, 'How TikTok recommends videos #ForYou' (captions, sounds and hashtags "
    "are among the signals), https://newsroom.tiktok.com/en-us/how-tiktok-recommends-videos-for-you"
)
YOUTUBE_CHANNELS_API = (
    "YouTube Data API, channels resource (description up to 1,000 characters, channel "
    "keywords up to 500), https://developers.google.com/youtube/v3/docs/channels"
)
X_PROFILE_HELP = (
    "X Help Center, 'How to customize your profile' (bio up to 160 characters, name up to 50), "
    "https://help.x.com/en/managing-your-account/how-to-customize-your-profile"
)
BSKY_PROFILE_LEXICON = (
    "AT Protocol lexicon app.bsky.actor.profile (description up to 256 graphemes), "
    "https://github.com/bluesky-social/atproto/blob/main/lexicons/app/bsky/actor/profile.json"
)
MASTODON_PROFILE = (
    "Mastodon documentation, 'Setting up your profile' (bio, profile fields, avatar), "
    "https://docs.joinmastodon.org/user/profile/"
)
THREADS_ALT_TEXT = (
    "Meta for Developers, Threads API accessibility (alt text on images and videos), "
    "https://developers.facebook.com/docs/threads/posts/accessibility"
)
GBP_LOCAL_RANKING = (
    "Google Business Profile Help, 'How to improve your local ranking on Google' (complete "
    "data: address, category, hours, photos), https://support.google.com/business/answer/7091"
)
GBP_GUIDELINES = (
    "Google Business Profile Help, guidelines for representing your business (real name, "
    "address, category), https://support.google.com/business/answer/3038177"
)
GA_CAMPAIGN_URLS = (
    "Google Analytics Help, 'URL builders: Collect campaign data with custom URLs' "
    "(utm_source, utm_medium, utm_campaign), https://support.google.com/analytics/answer/1033867"
)

# Accessibility.
WAI_IMAGES = "W3C WAI Images Tutorial, https://www.w3.org/WAI/tutorials/images/"
WEBAIM_ALT = "WebAIM, 'Alternative Text', https://webaim.org/techniques/alttext/"
GLEASON_2019 = (
    "Gleason et al., 'It's almost like they're trying to hide it: How user-provided image "
    "descriptions have failed to make Twitter accessible' (WWW 2019): 0.1% of 1.09M image "
    "tweets had alt text, https://doi.org/10.1145/3308558.3313605"
)

# Studies and third-party guides.
HOOTSUITE_FREQUENCY = (
    "Hootsuite, 'How often to post on social media' (third party; Instagram 3-7 posts a "
    "week, Facebook 1-2 a day, X 1-5 a day, LinkedIn 1-5 a day), "
    "https://blog.hootsuite.com/how-often-to-post-on-social-media/"
)
PROFILE_PHOTO_320 = (
    "Instagram stores profile photos at 320x320 and shows them smaller (third-party size "
    "guides; Instagram publishes no size), e.g. "
    "https://www.firstpier.com/resources/instagram-profile-picture-size"
)
KRAWETZ_DHASH = (
    "Neal Krawetz, 'Kind of Like That' (2013): difference hashes within 10 of 64 bits are "
    "the same picture, "
    "https://www.hackerfactor.com/blog/index.php?/archives/529-Kind-of-Like-That.html"
)

# Reviews, replies, shops and short video (issue 10).
GBP_REPLY_REVIEWS = (
    "Google Business Profile Help, 'Read & reply to reviews', "
    "https://support.google.com/business/answer/3474050"
)
SPIEGEL_REVIEWS_2017 = (
    "Spiegel Research Center, Northwestern University, 'How Online Reviews Influence Sales' "
    "(2017): the first five reviews drive most of the lift in purchase likelihood, nearly all "
    "of it comes within the first ten, and it peaks at 4.0-4.7 stars, "
    "https://spiegel.medill.northwestern.edu/how-online-reviews-influence-sales/"
)
BRIGHTLOCAL_REVIEWS = (
    "BrightLocal, 'Local Consumer Review Survey' (annual; readers weigh how recent reviews "
    "are), https://www.brightlocal.com/research/local-consumer-review-survey/"
)
CONVERSOCIAL_2012 = (
    "Conversocial, 'The Consequences of Ignoring Your Customers' (2012): 88% are less likely "
    "to buy from a company that leaves questions or complaints unanswered on social media "
    "(reported by MediaPost, third party), https://www.mediapost.com/publications/article/"
    "165617/consumers-punish-companies-that-ignore-them.html"
)
NM_INCITE_2012 = (
    "NM Incite (Nielsen/McKinsey), 'State of Social Customer Service' (2012): 71% who get a "
    "quick reply would recommend the brand against 19% who get none; most Facebook and Twitter "
    "users expect a reply the same day (reported by MediaPost, third party), "
    "https://www.mediapost.com/publications/article/186014/"
    "half-of-users-seek-customer-service-in-social-medi.html"
)
IG_RANKING_EXPLAINED = (
    "Instagram, 'Instagram Ranking Explained' (2023): most of what people see in Reels is from "
    "accounts they do not follow, "
    "https://about.instagram.com/blog/announcements/instagram-ranking-explained"
)
YOUTUBE_SHORTS = (
    "YouTube Help, 'Get started creating YouTube Shorts', "
    "https://support.google.com/youtube/answer/10059070"
)
META_SHOPS = (
    "Meta for Developers, Commerce Platform FAQ (Facebook and Instagram Shops: shoppers buy "
    "from a Page or profile), https://developers.facebook.com/docs/commerce-platform/faq"
)
PINTEREST_SHOPPING = (
    "Pinterest Help, 'Verified Merchant Program' (a catalogue's product Pins, a Shop tab on "
    "the profile), https://help.pinterest.com/en/business/article/verified-merchant-program"
)

OWN = "findable's own judgment: "
