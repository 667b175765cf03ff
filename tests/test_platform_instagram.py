"""Instagram: capture plan, and extraction from every surface a capture can hold.

Real captures (../shared/realdata/instagram, skipped when absent) pin the shapes Instagram
actually serves; our invented bakery fixtures (tests/fixtures/instagram) cover what the real
files lack: custom and auto alt text side by side, geotags, a business address, the
profile-page + web_profile_info pair a live capture records, and every failure outcome.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from audit.documents import Document, load_file
from audit.model import Outcome, Platform, Profile, ProfileRef
from audit.platforms import REGISTRY
from audit.platforms.base import ExtractContext
from audit.platforms.instagram import (
    APP_ID,
    SPEC,
    capture_plan,
    extract,
    profile_url,
    web_profile_info_url,
)
from tests.realdata import python_literal_json, realdata

FIXTURES = Path(__file__).parent / "fixtures" / "instagram"
CAPTURED = datetime(2025, 3, 20, 9, 0, tzinfo=timezone.utc)
CTX = ExtractContext(captured_at=CAPTURED)
BAKERY = "pekarna.soncek"


def ref(handle: str) -> ProfileRef:
    return ProfileRef(platform=Platform.INSTAGRAM, handle=handle, url=profile_url(handle))


def ctx_for(handle: str) -> ExtractContext:
    return ExtractContext(captured_at=CAPTURED, ref=ref(handle))


def fixture(name: str) -> list[Document]:
    return load_file(FIXTURES / name)


def real(name: str) -> list[Document]:
    return load_file(realdata("instagram", name))


def har_doc(name: str, url: str, status: int = 200) -> Document:
    """A fixture as a capture would record it: a HAR entry with its URL and status."""
    (doc,) = fixture(name)
    return Document(text=doc.text, kind=doc.kind, url=url, status=status, origin="har")


def alt_sources(profile: Profile) -> Counter[str]:
    return Counter(m.alt_source for p in profile.posts for m in p.media)


def geotagged(profile: Profile) -> int:
    return sum(1 for p in profile.posts if p.location is not None)


def link_domains(profile: Profile) -> list[str]:
    return [urlsplit(link.url).hostname or "" for link in profile.links]


def meta_page(og_description: str, description: str | None = None) -> Document:
    """A minimal logged-out profile page (meta tags only), for count and bio parsing."""
    desc = description or og_description
    html = (
        '<html><head><meta property="og:type" content="profile">'
        '<meta property="og:title" content="Pekarna Sonček (@pekarna.soncek) • Instagram">'
        f'<meta property="og:description" content="{og_description}">'
        f'<meta name="description" content="{desc}">'
        '<meta property="og:url" content="https://www.instagram.com/pekarna.soncek/">'
        "</head><body></body></html>"
    )
    return Document(text=html, kind="html", path="inline.html")


# --------------------------------------------------------------------------- capture plan


def test_capture_plan_loads_the_profile_page_then_web_profile_info() -> None:
    plan = capture_plan(ref(BAKERY))
    assert [s.action for s in plan.steps] == ["goto", "fetch"]
    page, api = plan.steps
    assert page.url == "https://www.instagram.com/pekarna.soncek/"
    assert not page.optional
    assert api.url == (
        "https://www.instagram.com/api/v1/users/web_profile_info/?username=pekarna.soncek"
    )
    assert api.headers == {"X-IG-App-ID": "936619743392459"}
    assert api.optional  # a refused XHR still leaves the page's meta tags
    assert plan.follow is None


def test_spec_is_wired_into_the_registry() -> None:
    spec = REGISTRY[Platform.INSTAGRAM]
    assert spec is SPEC
    assert spec.capture_plan is capture_plan
    assert spec.extract is extract
    assert spec.can_extract
    assert APP_ID == "936619743392459"
    assert web_profile_info_url("a.b_c") == (
        "https://www.instagram.com/api/v1/users/web_profile_info/?username=a.b_c"
    )


# ------------------------------------------------------------- invented bakery fixtures


def test_web_profile_info_bakery_extracts_every_field() -> None:
    profile = extract(fixture("web_profile_info_pekarna.soncek.json"), CTX)
    assert profile.capture.outcome is Outcome.OK
    assert profile.handle == BAKERY
    assert profile.url == "https://www.instagram.com/pekarna.soncek/"
    assert profile.display_name == "Pekarna Sonček · Kruh Ljubljana"
    assert profile.bio is not None
    assert profile.bio.startswith("Pekarna z drožnim kruhom v centru Ljubljane 🍞\n")
    assert "naročila v DM" in profile.bio
    assert profile.category == "Bakery"
    assert profile.is_business is True
    assert profile.is_private is False
    assert profile.is_verified is False
    assert (profile.counts.followers, profile.counts.following, profile.counts.posts) == (
        1842,
        311,
        214,
    )
    assert link_domains(profile) == ["www.pekarna-soncek.example", "linktr.ee"]
    assert profile.links[0].title == "Naroči kruh / Order bread"
    assert "utm_source=instagram" in profile.links[0].url
    assert profile.contact is not None
    assert profile.contact.email == "narocila@pekarna-soncek.example"
    assert profile.contact.phone == "+38615550142"
    assert profile.location is not None
    assert profile.location.city == "Ljubljana"
    assert profile.location.address == "Trubarjeva cesta 21, 1000"
    assert profile.location.country == "SI"
    assert (profile.location.lat, profile.location.lon) == (46.05108, 14.50513)
    assert profile.avatar is not None
    assert (profile.avatar.width, profile.avatar.height) == (320, 320)
    assert not profile.avatar.is_default
    assert profile.capture.warnings == []


def test_bakery_posts_alt_text_geotags_and_slovenian_hashtags() -> None:
    profile = extract(fixture("web_profile_info_pekarna.soncek.json"), CTX)
    posts = profile.posts
    assert [p.id for p in posts] == [
        "DHPv0sOnCe1",
        "DHKgTBmnZbH",
        "DHFEtHPnEwm",
        "DG_vrNGnJtm",
        "DG5mVa5nOli",
        "DG0Q1xynfGb",
    ]
    assert posts[0].created_at == datetime(2025, 3, 18, 6, 40, tzinfo=timezone.utc)
    assert not posts[0].created_at_approx
    assert posts[0].url == "https://www.instagram.com/p/DHPv0sOnCe1/"
    assert posts[0].hashtags == ["kruh", "drožni", "pekarna", "ljubljana", "sončekpeče"]
    # the sidecar's two photos: one custom (Slovenian) alt, one Instagram guess
    assert [(m.alt_source, m.kind) for m in posts[0].media] == [
        ("custom", "image"),
        ("auto", "image"),
    ]
    assert posts[0].media[0].alt_text == (
        "Hlebec pirinega kruha z drožmi na leseni deski, prerezan, da se vidi luknjičava sredica"
    )
    assert posts[1].media[0].alt_source == "auto"  # "Photo by Pekarna Sonček on March 16, ..."
    assert posts[2].media[0].alt_source == "missing"
    assert posts[3].media[0].kind == "video"
    # "Photo by our baker Ana of fresh bread" is the owner's own sentence, not Instagram's
    assert posts[4].media[0].alt_source == "custom"
    assert alt_sources(profile) == {"custom": 2, "auto": 3, "missing": 2}
    assert geotagged(profile) == 2
    assert posts[0].location is not None and posts[0].location.name == "Pekarna Sonček"
    assert posts[4].location is not None and posts[4].location.name == "Ljubljana, Slovenia"
    assert not any(p.is_repost for p in posts)
    assert profile.sources["posts"].endswith("data.user.edge_owner_to_timeline_media.edges[].node")


def test_bakery_sources_name_document_and_json_path() -> None:
    profile = extract(fixture("web_profile_info_pekarna.soncek.json"), CTX)
    # the folder and the file, never the machine's absolute path (evidence travels)
    label = f"{FIXTURES.name}/web_profile_info_pekarna.soncek.json"
    assert profile.sources["bio"] == f"{label}: data.user.biography"
    assert profile.sources["category"] == f"{label}: data.user.category_name"
    assert profile.sources["links"] == f"{label}: data.user.bio_links"
    assert profile.sources["counts.followers"] == f"{label}: data.user.edge_followed_by.count"
    assert profile.sources["avatar"] == f"{label}: data.user.profile_pic_url_hd"
    assert profile.sources["handle"] == f"{label}: data.user.username"
    assert [d.kind for d in profile.capture.inputs] == ["json"]
    assert profile.capture.inputs[0].path == label
    assert profile.capture.captured_at == CAPTURED


def test_hidden_public_contacts_are_not_a_public_contact_route() -> None:
    (doc,) = fixture("web_profile_info_pekarna.soncek.json")
    data = json.loads(doc.text)
    data["data"]["user"]["should_show_public_contacts"] = False
    profile = extract([Document(text=json.dumps(data), kind="json")], CTX)
    assert profile.contact is None
    assert profile.category == "Bakery"


def test_logged_out_profile_page_alone_gives_a_partial_profile_from_meta_tags() -> None:
    profile = extract(fixture("profile_page_pekarna.soncek_loggedout.html"), CTX)
    assert profile.capture.outcome is Outcome.OK
    assert profile.handle == BAKERY
    assert profile.display_name == "Pekarna Sonček · Kruh Ljubljana"
    assert profile.bio == (
        "Pekarna z drožnim kruhom v centru Ljubljane 🍞\n"
        "Sourdough bakery · odprto 7–19\n"
        "Trubarjeva 21 · naročila v DM"
    )
    assert (profile.counts.followers, profile.counts.following, profile.counts.posts) == (
        1842,
        311,
        214,
    )
    assert profile.avatar is not None
    assert (profile.avatar.width, profile.avatar.height) == (100, 100)
    assert profile.posts == []
    assert profile.links == []
    assert profile.sources["bio"].endswith("meta[name=description]")
    assert profile.sources["counts.posts"].endswith("meta[property=og:description]")
    assert "the profile has posts but none were captured" in profile.capture.warnings


@pytest.mark.parametrize("page_first", [True, False])
def test_capture_pair_page_and_web_profile_info_extracts_fully(page_first: bool) -> None:
    """What the demo and a live capture record: the page (meta tags) + the XHR (everything)."""
    page = har_doc("profile_page_pekarna.soncek_loggedout.html", profile_url(BAKERY))
    api = har_doc("web_profile_info_pekarna.soncek.json", web_profile_info_url(BAKERY))
    docs = [page, api] if page_first else [api, page]
    profile = extract(docs, ctx_for(BAKERY))
    assert profile.capture.outcome is Outcome.OK
    assert profile.capture.url == profile_url(BAKERY)
    assert profile.capture.final_url == profile_url(BAKERY)
    assert profile.capture.http_status == 200
    assert profile.capture.input_kind == "har"
    assert [d.kind for d in profile.capture.inputs] == ["har-entry", "har-entry"]
    assert profile.category == "Bakery"
    assert len(profile.posts) == 6
    assert alt_sources(profile) == {"custom": 2, "auto": 3, "missing": 2}
    assert geotagged(profile) == 2
    assert profile.avatar is not None and profile.avatar.width == 320  # the XHR's HD picture
    assert profile.sources["bio"] == f"{web_profile_info_url(BAKERY)}: data.user.biography"
    assert profile.capture.warnings == []


def test_rate_limited_xhr_beside_the_page_keeps_the_meta_profile_and_warns() -> None:
    page = har_doc("profile_page_pekarna.soncek_loggedout.html", profile_url(BAKERY))
    api = har_doc("web_profile_info_ratelimited.json", web_profile_info_url(BAKERY), 401)
    profile = extract([page, api], ctx_for(BAKERY))
    assert profile.capture.outcome is Outcome.OK
    assert profile.display_name == "Pekarna Sonček · Kruh Ljubljana"
    assert profile.counts.followers == 1842
    assert any(w.startswith("blocked: ") for w in profile.capture.warnings)


def test_logged_in_timeline_merges_with_web_profile_info_and_dedupes_posts() -> None:
    docs = fixture("web_profile_info_pekarna.soncek.json") + fixture(
        "timeline_graphql_pekarna.soncek_loggedin.json"
    )
    profile = extract(docs, CTX)
    ids = [p.id for p in profile.posts]
    assert len(ids) == len(set(ids)) == 8  # 6 + 3, one shared shortcode
    assert ids[-2:] == ["DGrQ0lWnT7c", "DGmC7a1nW0P"]
    shop_post = profile.posts[-2]
    assert shop_post.created_at == datetime(2025, 3, 2, 7, 20, tzinfo=timezone.utc)
    assert shop_post.media[0].alt_source == "custom"
    assert shop_post.location is not None
    assert (shop_post.location.city, shop_post.location.lat) == ("Ljubljana", 46.05108)
    carousel = profile.posts[-1]
    assert [(m.kind, m.alt_source) for m in carousel.media] == [
        ("image", "custom"),
        ("video", "missing"),
    ]
    assert carousel.hashtags == ["ajdovkruh"]
    posts_source = profile.sources["posts"]
    assert "edge_owner_to_timeline_media" in posts_source
    assert "xdt_api__v1__feed__user_timeline_graphql_connection" in posts_source


def test_timeline_alone_names_the_owner() -> None:
    profile = extract(fixture("timeline_graphql_pekarna.soncek_loggedin.json"), CTX)
    assert profile.handle == BAKERY
    assert len(profile.posts) == 3
    assert profile.posts[0].id == "DHKgTBmnZbH"
    assert profile.capture.outcome is Outcome.OK


# ----------------------------------------------------------------------------- outcomes


def test_login_wall_page_is_a_login_wall_outcome() -> None:
    doc = har_doc(
        "login_wall_accounts_login.html",
        "https://www.instagram.com/accounts/login/?next=%2Fpekarna.soncek%2F",
    )
    profile = extract([doc], ctx_for(BAKERY))
    assert profile.capture.outcome is Outcome.LOGIN_WALL
    assert profile.capture.reason is not None and "login page" in profile.capture.reason
    assert profile.handle == BAKERY  # from the ref: the page itself names nobody
    assert profile.capture.warnings


def test_saved_login_page_without_url_is_recognised_by_its_title() -> None:
    profile = extract(fixture("login_wall_accounts_login.html"), CTX)
    assert profile.capture.outcome is Outcome.LOGIN_WALL
    assert profile.handle == ""


def test_private_account_is_private_with_header_fields_kept() -> None:
    profile = extract(fixture("web_profile_info_private_zlata.nit.json"), CTX)
    assert profile.capture.outcome is Outcome.PRIVATE
    assert profile.capture.reason == (
        "@zlata.nit is private: its posts are visible to approved followers only"
    )
    assert profile.is_private is True
    assert profile.display_name == "Zlata Nit Nakit"
    assert profile.bio == "Ročno izdelan nakit iz srebra ✨ Maribor"
    assert profile.counts.posts == 58
    assert profile.posts == []


def test_not_found_page() -> None:
    profile = extract(fixture("not_found_page.html"), ctx_for("ni.takega"))
    assert profile.capture.outcome is Outcome.NOT_FOUND
    assert profile.capture.reason == "Instagram says: Sorry, this page isn't available"
    assert profile.handle == "ni.takega"


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ('{"data": {"user": null}, "status": "ok"}', 200),
        ('{"user": null, "status": "fail", "message": ""}', 200),
        ("{}", 404),
    ],
)
def test_not_found_from_web_profile_info(body: str, status: int) -> None:
    doc = Document(
        text=body, kind="json", url=web_profile_info_url("ni.takega"), status=status, origin="har"
    )
    profile = extract([doc], ctx_for("ni.takega"))
    assert profile.capture.outcome is Outcome.NOT_FOUND


def test_rate_limit_alone_is_blocked() -> None:
    profile = extract(fixture("web_profile_info_ratelimited.json"), ctx_for(BAKERY))
    assert profile.capture.outcome is Outcome.BLOCKED
    assert profile.capture.reason == (
        "Instagram refused the request: Please wait a few minutes before you try again."
    )


def test_graph_api_rate_limit_error_is_blocked() -> None:
    body = json.dumps(
        {
            "error": {
                "message": "Application request limit reached",
                "type": "OAuthException",
                "code": 4,
                "fbtrace_id": "AbC",
            }
        }
    )
    profile = extract([Document(text=body, kind="json")], ctx_for(BAKERY))
    assert profile.capture.outcome is Outcome.BLOCKED


def test_login_required_json_is_a_login_wall() -> None:
    body = '{"message": "", "require_login": true, "status": "fail"}'
    profile = extract([Document(text=body, kind="json")], ctx_for(BAKERY))
    assert profile.capture.outcome is Outcome.LOGIN_WALL


@pytest.mark.parametrize(
    "doc",
    [
        Document(text="not json at all", kind="text"),
        Document(text="[1, 2, 3]", kind="json"),
        Document(text='{"foo": {"bar": [1, {"baz": null}]}}', kind="json"),
        Document(text="<html><body><p>hello</p></body></html>", kind="html"),
        Document(text='{"data": {"user": {"edge_owner_to_timeline_media": 7}}}', kind="json"),
        Document(text='{"data": [null, 3, "x", {"permalink": 5}]}', kind="json"),
        Document(text="<html><script>window._sharedData = {broken</script></html>", kind="html"),
    ],
)
def test_junk_input_is_an_error_outcome_not_an_exception(doc: Document) -> None:
    profile = extract([doc], CTX)
    assert profile.capture.outcome is Outcome.ERROR
    assert profile.capture.warnings
    assert profile.posts == []


def test_nothing_at_all_is_an_error_outcome() -> None:
    profile = extract([], ctx_for(BAKERY))
    assert profile.capture.outcome is Outcome.ERROR
    assert profile.capture.reason == "no Instagram profile data found in the documents"
    assert profile.handle == BAKERY


def test_documents_about_another_account_are_used_with_a_warning() -> None:
    profile = extract(fixture("web_profile_info_pekarna.soncek.json"), ctx_for("stari.naziv"))
    assert profile.handle == "stari.naziv"
    assert profile.display_name == "Pekarna Sonček · Kruh Ljubljana"
    assert any("@pekarna.soncek, not @stari.naziv" in w for w in profile.capture.warnings)


def test_default_avatar_is_marked_default() -> None:
    user = {
        "username": "nova.pekarna",
        "full_name": "",
        "biography": "",
        "is_private": False,
        "profile_pic_url": "https://scontent-vie1-1.cdninstagram.com/v/t51.2885-19/"
        "44884218_345707102882519_2446069589734326272_n.jpg?stp=dst-jpg_s150x150"
        "&ig_cache_key=YW5vbnltb3VzX3Byb2ZpbGVfcGlj.2",
        "edge_followed_by": {"count": 0},
        "edge_follow": {"count": 3},
        "edge_owner_to_timeline_media": {"count": 0, "edges": []},
    }
    doc = Document(text=json.dumps({"data": {"user": user}, "status": "ok"}), kind="json")
    profile = extract([doc], CTX)
    assert profile.avatar is not None
    assert profile.avatar.is_default
    assert (profile.avatar.width, profile.avatar.height) == (150, 150)
    assert profile.display_name is None
    assert profile.bio == ""  # observed empty, not unknown
    assert profile.capture.outcome is Outcome.OK


def test_app_api_anonymous_picture_flag_marks_default_avatar() -> None:
    user = {
        "pk": 1,
        "username": "nova.pekarna",
        "has_anonymous_profile_picture": True,
        "profile_pic_url": "https://instagram.example/v/t51.2885-19/new_default.jpg",
        "follower_count": 0,
    }
    profile = extract([Document(text=json.dumps({"user": user}), kind="json")], CTX)
    assert profile.avatar is not None and profile.avatar.is_default


@pytest.mark.parametrize(
    ("og_description", "counts"),
    [
        ("1.2M Followers, 980 Following, 3,401 Posts - See photos", (1_200_000, 980, 3401)),
        ("12.5K Followers, 1,001 Following, 7 Posts - See photos", (12_500, 1001, 7)),
        ("2.362 seguidores, 136 seguidos, 224 publicaciones - Ver fotos", (2362, 136, 224)),
        ("2\u202f362 abonnés, 136 abonnements, 224 publications - Voir", (2362, 136, 224)),
        ("1,2 Mio. Follower, 136 Gefolgt, 224 Beiträge - Sieh dir", (1_200_000, 136, 224)),
        ("フォロワー2,362人、フォロー中136人、投稿224件 - 写真", (2362, 136, 224)),
        ("1 842 sledilcev, 311 sledi, 214 objav - Oglejte si", (1842, 311, 214)),
    ],
)  # fmt: skip
def test_meta_counts_in_any_interface_language(
    og_description: str, counts: tuple[int, int, int]
) -> None:
    profile = extract([meta_page(og_description)], CTX)
    assert (profile.counts.followers, profile.counts.following, profile.counts.posts) == counts


def test_meta_counts_that_do_not_parse_are_left_unknown() -> None:
    profile = extract([meta_page("Lots of followers - See Instagram photos")], CTX)
    assert profile.counts.followers is None
    assert profile.display_name == "Pekarna Sonček"  # the rest of the page still reads


def test_localized_bio_quotes_in_meta_description() -> None:
    description = (
        "1.842 Follower, 311 Gefolgt, 214 Beiträge - Pekarna Sonček (@pekarna.soncek) "
        "auf Instagram: „Drožni kruh iz Ljubljane“"
    )
    profile = extract([meta_page(description, description)], CTX)
    assert profile.bio == "Drožni kruh iz Ljubljane"
    assert profile.counts.followers == 1842


# ---------------------------------------------------------------- real captures (realdata)


def test_real_2024_profile_page_pluto_meta_only() -> None:
    profile = extract(real("ig_profile_page_pluto__travel_loggedout_2024-12.html"), CTX)
    assert profile.capture.outcome is Outcome.OK
    assert profile.handle == "pluto__travel"
    assert profile.display_name == "Pluto"
    assert profile.bio == (
        "Home of travel — Plan a trip and find the best things to do in one simple, fun and "
        "beautiful app."
    )
    assert (profile.counts.followers, profile.counts.following, profile.counts.posts) == (
        2362,
        136,
        224,
    )
    assert profile.avatar is not None
    assert "133834346_403703180893250_1427065180629518897_n.jpg" in (profile.avatar.url or "")
    assert (profile.avatar.width, profile.avatar.height) == (100, 100)
    assert not profile.avatar.is_default
    assert profile.posts == []
    assert profile.links == []
    assert profile.category is None


def test_real_2021_shared_data_page_tanshio() -> None:
    profile = extract(real("ig_profile_page_tanshio_sharedData_loggedout_2021-03.html"), CTX)
    assert profile.capture.outcome is Outcome.OK
    assert profile.handle == "_tanshio_"
    assert profile.display_name == "tanshio"
    assert profile.bio == ""
    assert [link.url for link in profile.links] == ["https://tanshio.net/"]
    assert profile.is_business is False
    assert profile.is_private is False
    assert (profile.counts.followers, profile.counts.following, profile.counts.posts) == (22, 9, 1)
    (post,) = profile.posts
    assert post.id == "Bb6ZRzAHqRX"
    assert post.url == "https://www.instagram.com/p/Bb6ZRzAHqRX/"
    assert post.created_at == datetime(2017, 11, 25, 9, 0, 43, tzinfo=timezone.utc)
    assert post.hashtags == ["generativeart", "glsl"]
    assert post.caption == "#generativeart #glsl"
    assert post.location is None
    assert [(m.alt_source, m.alt_text) for m in post.media] == [
        ("auto", "Photo by tanshio on November 25, 2017.")
    ]
    assert post.media[0].width == 1080
    assert "window._sharedData" in profile.sources["bio"]


def test_real_post_page_photo_willyrex() -> None:
    profile = extract(real("ig_post_page_photo_willyrex_CPeC-Eenc8l_loggedout_2024-12.html"), CTX)
    assert profile.handle == "willyrex"
    assert profile.display_name == "Willyrex"
    assert profile.capture.outcome is Outcome.OK
    (post,) = profile.posts
    assert post.id == "CPeC-Eenc8l"
    assert post.url == "https://www.instagram.com/p/CPeC-Eenc8l/"
    assert post.created_at == datetime(2021, 5, 29, tzinfo=timezone.utc)
    assert post.created_at_approx  # the page shows the day, not the time
    assert post.caption == "Una de mis nuevas sudaderas top!! Per ardua ad astra 🚀🚀🚀"
    assert post.hashtags == []
    assert [m.kind for m in post.media] == ["image"]
    assert any("no alt text or location" in w for w in profile.capture.warnings)


def test_real_post_page_carousel_willyrex() -> None:
    profile = extract(
        real("ig_post_page_carousel_willyrex_COn3M4TnRi1_loggedout_2024-12.html"), CTX
    )
    (post,) = profile.posts
    assert post.id == "COn3M4TnRi1"
    assert post.created_at == datetime(2021, 5, 8, tzinfo=timezone.utc)
    assert post.hashtags == ["SORTEO", "OPPOFindX3Neo"]
    assert post.caption is not None
    assert post.caption.startswith("¿Listos? Nuevo #SORTEO en mi perfil 📱\n")
    assert post.caption.endswith("¡Mucha suerte amig@s!")


def test_real_post_page_video_jaimelorentelo() -> None:
    profile = extract(real("ig_post_page_video_jaimelorentelo_loggedout_2024-12.html"), CTX)
    assert profile.handle == "jaimelorentelo"
    assert profile.display_name == "Jaime Lorente"
    (post,) = profile.posts
    assert post.id == "CPQjO5RIIO9"
    assert post.created_at == datetime(2021, 5, 24, tzinfo=timezone.utc)
    assert [m.kind for m in post.media] == ["video"]
    assert post.caption is not None and "@netflixes @netflix" in post.caption


def test_post_page_without_caption_still_dates_the_post() -> None:
    html = (
        '<html><head><meta property="og:type" content="article">'
        '<meta property="og:url" content="https://www.instagram.com/p/DHx0AbCdEfG/">'
        '<meta name="twitter:title" content="Pekarna Sonček (@pekarna.soncek) • Instagram photo">'
        '<meta property="og:description" content="87 likes, 3 comments - pekarna.soncek on '
        'March 14, 2025. ">'
        '<meta property="og:image" content="https://scontent.example/DHx0AbCdEfG.jpg">'
        "</head></html>"
    )
    profile = extract([Document(text=html, kind="html")], CTX)
    assert profile.handle == BAKERY
    (post,) = profile.posts
    assert post.id == "DHx0AbCdEfG"
    assert post.caption is None
    assert post.created_at == datetime(2025, 3, 14, tzinfo=timezone.utc)


def test_real_post_pages_of_two_accounts_keep_only_the_asked_one() -> None:
    docs = (
        real("ig_post_page_photo_willyrex_CPeC-Eenc8l_loggedout_2024-12.html")
        + real("ig_post_page_carousel_willyrex_COn3M4TnRi1_loggedout_2024-12.html")
        + real("ig_post_page_video_jaimelorentelo_loggedout_2024-12.html")
    )
    profile = extract(docs, ctx_for("willyrex"))
    assert [p.id for p in profile.posts] == ["CPeC-Eenc8l", "COn3M4TnRi1"]  # newest first
    assert any("@jaimelorentelo" in w for w in profile.capture.warnings)


def test_real_shortcode_media_post_and_its_owner() -> None:
    path = realdata("instagram", "ig_post_graphql_shortcode_media_DFp17y5MymE_2025-02.pydict.txt")
    doc = Document(text=python_literal_json(path), kind="json", path=str(path))
    profile = extract([doc], CTX)
    assert profile.capture.outcome is Outcome.OK
    assert profile.handle == "ones_makau"
    assert profile.display_name == "Ones Makau"
    assert (profile.counts.followers, profile.counts.posts) == (7448, 279)
    assert profile.avatar is not None and profile.avatar.width == 150
    # 80 related profiles x 3 posts ride along in this response; none is this account's
    (post,) = profile.posts
    assert post.id == "DFp17y5MymE"
    assert post.created_at == datetime.fromtimestamp(1738678549, tz=timezone.utc)
    assert post.caption is not None and post.caption.startswith("Living a Serene Country Life")
    assert len(post.hashtags) == 16
    assert post.hashtags[:3] == ["serenity", "thebest", "englishcountryside"]
    assert [(m.kind, m.alt_source) for m in post.media] == [("video", "missing")]
    assert post.location is not None
    assert post.location.name == "Swallowtail Hill"
    assert post.location.city == "Rye, East Sussex"
    assert post.location.address == "Hobbs Lane, TN31 6TT"  # from a mangled address_json
    assert profile.sources["posts"].endswith(": graphql.shortcode_media")


def test_real_private_api_user_info_zuck() -> None:
    profile = extract(real("threadsnet_readme_ig_private_api_user_info_zuck_2023-07.json"), CTX)
    assert profile.capture.outcome is Outcome.OK
    assert profile.handle == "zuck"
    assert profile.display_name == "Mark Zuckerberg"
    assert profile.bio == ""
    assert profile.category == "Entrepreneur"
    assert profile.is_verified is True
    assert profile.is_business is False
    assert profile.is_private is False
    assert (profile.counts.followers, profile.counts.following, profile.counts.posts) == (
        2782815,
        313,
        283,
    )
    assert profile.avatar is not None
    assert (profile.avatar.width, profile.avatar.height) == (805, 805)
    assert not profile.avatar.is_default
    assert profile.links == []  # one bio_links entry, with an empty URL
    assert profile.location is None  # empty address, 0.0/0.0 coordinates
    assert profile.contact is None
    assert profile.sources["avatar"].endswith("user.hd_profile_pic_url_info")
    assert any("category is set but hidden" in w for w in profile.capture.warnings)


def test_real_graph_api_business_discovery_user() -> None:
    profile = extract(real("graphapi_business_discovery_user_fbdevelopers.json"), CTX)
    assert profile.handle == "facebookfordevelopers"
    assert profile.display_name == "Facebook for Developers"
    assert profile.bio == (
        "Follow us for updates on Facebook’s business tools, AI, AR, VR, and more."
    )
    assert (profile.counts.followers, profile.counts.posts) == (64976, 436)
    assert profile.counts.following is None
    assert profile.avatar is not None and "fbcdn.net" in (profile.avatar.url or "")
    assert profile.posts == []
    assert profile.capture.outcome is Outcome.OK


def test_real_graph_api_business_discovery_user_and_media_pages_merge() -> None:
    docs = (
        real("graphapi_business_discovery_user_fbdevelopers.json")
        + real("graphapi_business_discovery_media_p1.json")
        + real("graphapi_business_discovery_media_p2.json")
    )
    profile = extract(docs, CTX)
    assert profile.handle == "facebookfordevelopers"
    assert [p.id for p in profile.posts] == [
        "CSr71Gzlqo4",
        "CSpNPqgFxE0",
        "CScld93rm4W",
        "CSZsJf-iJLj",
    ]
    assert profile.posts[0].created_at == datetime(2021, 8, 17, 19, 0, 42, tzinfo=timezone.utc)
    assert profile.posts[0].url == "https://www.instagram.com/p/CSr71Gzlqo4/"
    assert profile.posts[0].caption is not None
    assert "state_of_survival" in profile.posts[0].caption
    assert [m.kind for p in profile.posts for m in p.media] == ["image", "image", "image", "video"]
    assert "“Boz”" in (profile.posts[3].caption or "")
    assert alt_sources(profile) == {"missing": 4}
    assert geotagged(profile) == 0
    assert profile.sources["posts"].count("business_discovery.media.data[]") == 2
    assert any("no location" in w for w in profile.capture.warnings)


def test_real_graph_api_media_page_alone_takes_the_handle_from_the_ref() -> None:
    profile = extract(real("graphapi_business_discovery_media_p1.json"), CTX)
    assert profile.handle == ""  # the page names no account
    assert len(profile.posts) == 2
    profile = extract(
        real("graphapi_business_discovery_media_p1.json"), ctx_for("facebookfordevelopers")
    )
    assert profile.handle == "facebookfordevelopers"
    assert profile.url == "https://www.instagram.com/facebookfordevelopers/"


def test_real_graph_api_ig_user_and_media_pages() -> None:
    docs = (
        real("graphapi_ig_user_fields_fbdevelopers.json")
        + real("graphapi_ig_user_media_p1.json")
        + real("graphapi_ig_user_media_p2.json")
    )
    profile = extract(docs, CTX)
    assert profile.handle == "facebookfordevelopers"
    assert (profile.counts.followers, profile.counts.posts) == (64363, 427)
    assert [p.id for p in profile.posts] == [
        "CSgf9BChwVq",
        "CSgdWACBeKr",
        "CRyZpmrjYC4",
        "CP5Rq0bjBzn",
    ]
    assert profile.posts[0].created_at == datetime(2021, 8, 13, 8, 25, 28, tzinfo=timezone.utc)
    assert profile.posts[0].caption is None  # no caption field on the first page
    album = profile.posts[2]
    assert album.caption == "ALBUM"
    assert [m.kind for m in album.media] == ["image", "image", "video"]
    assert profile.posts[3].caption == "Peach new"
    assert profile.posts[3].created_at == datetime(2021, 6, 9, 9, 47, 29, tzinfo=timezone.utc)


def test_real_graph_api_ig_user_fields_alone() -> None:
    profile = extract(real("graphapi_ig_user_fields_fbdevelopers.json"), CTX)
    assert profile.handle == "facebookfordevelopers"
    assert profile.bio is not None and profile.bio.startswith("Follow us for updates")
    assert (profile.counts.followers, profile.counts.posts) == (64363, 427)


def test_real_graph_api_ig_user_media_pages_alone() -> None:
    first_page = extract(real("graphapi_ig_user_media_p1.json"), CTX)
    assert [p.id for p in first_page.posts] == ["CSgf9BChwVq", "CSgdWACBeKr"]
    second_page = extract(real("graphapi_ig_user_media_p2.json"), CTX)
    assert [len(p.media) for p in second_page.posts] == [3, 1]


def test_real_basic_display_media_names_its_owner() -> None:
    profile = extract(real("basic_display_api_user_media_p1.json"), CTX)
    assert profile.handle == "ikroskun"
    assert profile.sources["handle"].endswith("data[].username")
    assert [p.id for p in profile.posts] == ["B8gQCApHMT-", "B8gPx-UnsjA"]
    assert profile.posts[0].created_at == datetime(2020, 2, 13, 10, 35, 40, tzinfo=timezone.utc)
    assert profile.posts[0].hashtags == ["cute", "loveyou"]
    assert profile.posts[1].hashtags == ["love"]
    assert alt_sources(profile) == {"missing": 2}


def test_real_hashtag_top_media_is_not_a_profile() -> None:
    profile = extract(real("graphapi_hashtag_top_media_p1.json"), CTX)
    assert profile.capture.outcome is Outcome.ERROR
    assert profile.capture.reason is not None and "hashtag" in profile.capture.reason
    assert profile.posts == []


def test_real_hashtag_top_media_beside_a_profile_is_left_out_of_its_posts() -> None:
    docs = real("graphapi_business_discovery_user_fbdevelopers.json") + real(
        "graphapi_hashtag_top_media_p1.json"
    )
    profile = extract(docs, CTX)
    assert profile.capture.outcome is Outcome.OK
    assert profile.handle == "facebookfordevelopers"
    assert profile.posts == []  # 25 strangers' posts are not the brand's
    assert any("hashtag search results" in w for w in profile.capture.warnings)


@pytest.mark.realdata
def test_graph_api_media_marks_alt_text_not_observable() -> None:
    """Graph API media carry no alt text: the profile says so instead of 'missing'."""
    docs = load_file(realdata("instagram", "graphapi_ig_user_media_p1.json"))
    profile = extract(docs, CTX)
    assert "alt_text" in profile.not_observed and "geotags" in profile.not_observed
    both = extract(fixture("web_profile_info_pekarna.soncek.json") + docs, CTX)
    # web_profile_info shows alt text, so with it the field is observable again
    assert "alt_text" not in both.not_observed


def test_web_profile_info_observes_everything() -> None:
    assert extract(fixture("web_profile_info_pekarna.soncek.json"), CTX).not_observed == {}
