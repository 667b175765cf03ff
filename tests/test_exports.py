"""Owners' data exports: real Instagram/Facebook/X exports and our own invented archives."""

from __future__ import annotations

import json
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest

from audit.errors import InputError
from audit.exports import extract_export, load_export
from audit.model import Platform
from tests.realdata import realdata

WHEN = datetime(2026, 11, 20, tzinfo=timezone.utc)


def _extract(path: Path, platform: Platform | None = None):  # type: ignore[no-untyped-def]
    return extract_export(load_export(path), platform=platform, captured_at=WHEN)


# --- real exports ----------------------------------------------------------------------------


@pytest.mark.realdata
def test_instagram_export_current_layout() -> None:
    profile = _extract(realdata("instagram", "ig_export_posts_1_Bitsinna_art_2023-2025.json"))
    assert profile.platform is Platform.INSTAGRAM
    assert len(profile.posts) == 244
    assert profile.posts[0].created_at == datetime(2023, 5, 20, 15, 37, 11, tzinfo=timezone.utc)
    assert sum(1 for p in profile.posts if p.location) == 38  # EXIF latitude/longitude
    geo = next(p.location for p in profile.posts if p.location)
    assert geo is not None and geo.lat is not None and geo.lon is not None
    captions = [p.caption or "" for p in profile.posts]
    # Meta's mojibake repaired: emoji and Danish letters come back
    assert any("🎄" in c and "#bøger" in c for c in captions)
    assert any("fiancé’s mother" in c for c in captions)
    assert not any("Ã" in c or "ð\x9f" in c for c in captions)
    assert sum(len(p.media) for p in profile.posts) == 498
    assert profile.not_observed["alt_text"] == "an Instagram data export does not carry alt text"
    assert profile.not_observed["category"] == (
        "an Instagram data export does not carry a business category"
    )


@pytest.mark.realdata
def test_instagram_export_legacy_layout() -> None:
    profile = _extract(realdata("instagram", "ig_export_posts_1_yourocd_legacy_format.json"))
    assert len(profile.posts) == 413
    assert profile.posts[0].created_at == datetime(2013, 10, 6, 19, 38, 48, tzinfo=timezone.utc)
    assert any(p.caption == "Two" for p in profile.posts)
    assert "handle is unknown" in " ".join(profile.capture.warnings)


@pytest.mark.realdata
def test_facebook_export_with_places() -> None:
    profile = _extract(realdata("facebook", "fb_export_your_posts_1_HunterHillis_2013-2020.json"))
    assert profile.platform is Platform.FACEBOOK
    assert len(profile.posts) == 124
    places = [p.location for p in profile.posts if p.location]
    assert len(places) == 5
    georgetown = next(pl for pl in places if pl and pl.name == "Georgetown")
    assert georgetown.lat == pytest.approx(38.909444) and "DC 20007" in (georgetown.address or "")
    assert profile.posts[0].created_at == datetime(2020, 8, 4, 16, 32, 5, tzinfo=timezone.utc)
    assert any("I missed DC so bad" in (p.caption or "") for p in profile.posts)


@pytest.mark.realdata
def test_facebook_export_link_posts() -> None:
    profile = _extract(realdata("facebook", "fb_export_your_posts_1_piter-a_2013-2021.json"))
    assert len(profile.posts) == 31
    assert profile.posts[0].created_at == datetime(2021, 7, 30, 16, 21, 27, tzinfo=timezone.utc)


@pytest.mark.realdata
def test_x_archive_profile_js() -> None:
    profile = _extract(realdata("twitter", "archive_Datenquelle_data_profile.js"))
    assert profile.platform is Platform.X
    assert profile.location is not None and profile.location.name == "Schweiz"
    assert profile.avatar is not None and profile.avatar.url.endswith("gOxabXxg.jpg")  # type: ignore[union-attr]
    assert profile.bio is None and profile.links == []


# --- our own archives ------------------------------------------------------------------------


def _zip(path: Path, files: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, text in files.items():
            zf.writestr(name, text)
    return path


def _meta_mojibake(text: str) -> str:
    """How Meta's exports write non-ASCII text: UTF-8 bytes as \\u00XX escapes."""
    return text.encode("utf-8").decode("latin-1")


def test_instagram_zip_with_profile_and_posts(tmp_path: Path) -> None:
    personal = {
        "profile_user": [
            {
                "string_map_data": {
                    "Username": {"value": "pekarna_ana"},
                    "Name": {"value": _meta_mojibake("Pekarna Ana · Šiška")},
                    "Bio": {"value": _meta_mojibake("Kruh iz krušne peči 🥖")},
                    "Website": {"value": "https://pekarna-ana.si"},
                }
            }
        ]
    }
    posts = [
        {
            "media": [
                {
                    "uri": "media/posts/202611/a.jpg",
                    "creation_timestamp": 1763200000,
                    "title": _meta_mojibake("Rženi kruh #pekarna #ljubljana"),
                    "media_metadata": {
                        "photo_metadata": {"exif_data": [{"latitude": 46.07, "longitude": 14.49}]}
                    },
                }
            ]
        },
        {
            "title": "Carousel",
            "creation_timestamp": 1762000000,
            "media": [{"uri": "media/posts/202611/b.mp4"}, {"uri": "media/posts/202611/c.jpg"}],
        },
    ]
    archive = _zip(
        tmp_path / "instagram-pekarna_ana.zip",
        {
            "personal_information/personal_information/personal_information.json": json.dumps(
                personal
            ),
            "your_instagram_activity/content/posts_1.json": json.dumps(posts),
            "media/posts/202611/a.jpg": "binary",
        },
    )
    profile = _extract(archive)
    assert (profile.platform, profile.handle) == (Platform.INSTAGRAM, "pekarna_ana")
    assert profile.display_name == "Pekarna Ana · Šiška"
    assert profile.bio == "Kruh iz krušne peči 🥖"
    assert [link.url for link in profile.links] == ["https://pekarna-ana.si"]
    newest, older = profile.posts
    assert newest.hashtags == ["pekarna", "ljubljana"] and newest.caption.startswith("Rženi")  # type: ignore[union-attr]
    assert newest.location is not None and newest.location.lat == 46.07
    assert [m.kind for m in older.media] == ["video", "image"] and older.caption == "Carousel"
    assert all(m.alt_source == "missing" for p in profile.posts for m in p.media)
    assert "alt_text" in profile.not_observed


def test_x_archive_zip(tmp_path: Path) -> None:
    tweets = [
        {
            "tweet": {
                "id_str": "1860000000000000001",
                "created_at": "Wed Nov 18 08:00:00 +0000 2026",
                "full_text": "Fresh sourdough at 7 #bakery #Ljubljana",
                "entities": {"hashtags": [{"text": "bakery"}, {"text": "Ljubljana"}]},
                "extended_entities": {
                    "media": [
                        {"type": "photo", "media_url_https": "https://pbs.twimg.com/media/a.jpg",
                         "ext_alt_text": "Two loaves on a wooden board"},
                        {"type": "photo", "media_url_https": "https://pbs.twimg.com/media/b.jpg"},
                    ]
                },
            }
        },
        {
            "tweet": {
                "id_str": "1860000000000000002",
                "created_at": "Tue Nov 17 08:00:00 +0000 2026",
                "full_text": "RT @mlin: Nova moka je tu!",
            }
        },
    ]  # fmt: skip
    archive = _zip(
        tmp_path / "twitter-2026-11-20.zip",
        {
            "data/manifest.js": 'window.__THAR_CONFIG = {"archiveInfo": '
            '{"generationDate": "2026-11-19T10:00:00.000Z"}}',
            "data/account.js": 'window.YTD.account.part0 = [{"account": {"username": '
            '"PekarnaAna", "accountDisplayName": "Pekarna Ana"}}]',
            "data/profile.js": 'window.YTD.profile.part0 = [{"profile": {"description": '
            '{"bio": "Bakery in Ljubljana", "website": "https://t.co/x", "location": '
            '"Ljubljana"}, "avatarMediaUrl": "https://pbs.twimg.com/profile_images/1/a.jpg"}}]',
            "data/tweets.js": "window.YTD.tweets.part0 = " + json.dumps(tweets),
        },
    )
    profile = _extract(archive)
    assert (profile.platform, profile.handle) == (Platform.X, "PekarnaAna")
    assert profile.capture.captured_at == datetime(2026, 11, 19, 10, tzinfo=timezone.utc)
    first, rt = profile.posts
    assert first.url == "https://x.com/PekarnaAna/status/1860000000000000001"
    assert [m.alt_source for m in first.media] == ["custom", "missing"]
    assert first.hashtags == ["bakery", "Ljubljana"]
    assert rt.is_repost and not first.is_repost
    assert profile.own_posts() == [first]


def test_tiktok_user_data(tmp_path: Path) -> None:
    data = {
        "Profile": {
            "Profile Information": {
                "ProfileMap": {
                    "userName": "pekarna.ana",
                    "bioDescription": "Kruh vsak dan 🥖 Ljubljana",
                    "profilePhoto": "https://p16.tiktokcdn.com/a.jpeg",
                }
            }
        },
        "Post": {
            "Posts": {
                "VideoList": [
                    {"Date": "2026-11-18 07:10:00", "Link": "https://www.tiktokv.com/share/video/1/",
                     "Likes": "12", "Location": "Ljubljana", "Title": "Jutro v pekarni #bakery"},
                    {"Date": "2026-11-01 07:10:00", "Link": "https://www.tiktokv.com/share/video/2/",
                     "Likes": "3", "Location": "None", "Title": ""},
                ]
            }
        },
        "Activity": {},
    }  # fmt: skip
    path = tmp_path / "user_data_tiktok.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    profile = _extract(path)
    assert (profile.platform, profile.handle) == (Platform.TIKTOK, "pekarna.ana")
    assert profile.bio == "Kruh vsak dan 🥖 Ljubljana"
    newest, older = profile.posts
    assert newest.created_at == datetime(2026, 11, 18, 7, 10, tzinfo=timezone.utc)
    assert newest.location is not None and newest.location.name == "Ljubljana"
    assert older.location is None and newest.hashtags == ["bakery"]


@pytest.mark.parametrize(
    ("name", "content", "fragment"),
    [
        ("posts_1.json", "", "is empty"),
        ("posts_1.json", "{broken", "not valid JSON"),
        ("notes.zip", None, "holds no export file"),
    ],
)
def test_bad_exports(tmp_path: Path, name: str, content: str | None, fragment: str) -> None:
    path = tmp_path / name
    if content is None:
        _zip(path, {"readme.txt": "hello"})
    else:
        path.write_text(content)
    with pytest.raises(InputError) as exc:
        load_export(path)
    assert fragment in str(exc.value)


def test_missing_export(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_export(tmp_path / "nope.zip")
