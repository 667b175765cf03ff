"""Owners' data exports as an input: the archive a platform gives its account owner.

Owners can always get these, even where the logged-out web shows nothing, so they are the
honest way to audit a walled profile. Supported: Instagram "Download your information"
(`posts_1.json`, current and legacy layouts, plus `personal_information.json`), Facebook
(`your_posts_1.json`, `profile_information.json`), the X archive (`data/profile.js`,
`data/account.js`, `data/tweets.js`, each behind a `window.YTD.<name>.part0 =` prefix) and
TikTok (`user_data.json` / `user_data_tiktok.json`). Input is the .zip itself or a JSON/JS
file from inside it.

Meta's exports write UTF-8 bytes as `\\u00c3\\u00a9` escapes (mojibake): every text is repaired.
What an export cannot carry (Instagram's has no alt text and no business category) is declared
in audit/observable.py, so those checks say "not observable" rather than "missing".
"""

from __future__ import annotations

import math
import re
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any

from audit.alttext import classify_alt
from audit.dates import from_timestamp, parse_iso
from audit.documents import parse_json
from audit.errors import InputError
from audit.model import (
    Avatar,
    CaptureInfo,
    InputDoc,
    Link,
    Media,
    MediaKind,
    Place,
    Platform,
    Post,
    Profile,
)
from audit.observable import declare
from audit.platforms.base import clean_str, dig, first
from audit.safeio import MAX_EXPORT_FILE_BYTES, read_input, require_regular, size_mb
from audit.text import extract_hashtags, fix_mojibake, normalize_space

__all__ = ["ExportBundle", "extract_export", "load_export"]
_YTD = re.compile(r"^\s*window\.[\w.$]+\s*=\s*", re.S)
_MEDIA_EXT: dict[str, MediaKind] = {
    ".jpg": "image", ".jpeg": "image", ".png": "image", ".webp": "image", ".heic": "image",
    ".gif": "image", ".mp4": "video", ".mov": "video", ".webm": "video",
}  # fmt: skip


@dataclass
class ExportBundle:
    """The JSON files of one export, by their path inside the archive (or their file name)."""

    source: Path
    files: dict[str, Any] = field(default_factory=dict)
    generated_at: datetime | None = None

    def find(self, *names: str) -> tuple[str, Any] | None:
        """The first file whose name is one of `names` (any folder), e.g. 'posts_1.json'."""
        for name in names:
            for path, data in self.files.items():
                if PurePosixPath(path).name == name:
                    return path, data
        return None


def _parse_json_text(text: str, where: str) -> Any:
    body = _YTD.sub("", text, count=1)
    try:
        return parse_json(body)
    except ValueError as exc:
        raise InputError(f"{where} is not valid JSON ({exc}); is it from a data export?") from None


_WANTED = re.compile(
    r"(posts_\d+\.json|your_posts(_\d+)?\.json|personal_information\.json|"
    r"profile_information\.json|profile\.js|account\.js|tweets?(-part\d+)?\.js|manifest\.js|"
    r"user_data(_tiktok)?\.json)$"
)


def _regular(path: Path) -> bool:
    """True, or InputError for a pipe or a device (zipfile would block on or exhaust one)."""
    require_regular(path, what="export")
    return True


def load_export(path: Path) -> ExportBundle:
    if not path.exists():
        raise InputError(f"{path}: no such file; pass the export .zip or a JSON file from it")
    if path.is_dir():
        files = {
            str(p.relative_to(path)): p for p in sorted(path.rglob("*")) if _WANTED.search(p.name)
        }
        bundle = ExportBundle(source=path)
        for rel, p in files.items():
            raw = read_input(p, max_bytes=MAX_EXPORT_FILE_BYTES, what="export file")
            bundle.files[rel] = _parse_json_text(raw.decode("utf-8", errors="replace"), str(p))
    elif _regular(path) and zipfile.is_zipfile(path):
        bundle = ExportBundle(source=path)
        try:
            with zipfile.ZipFile(path) as zf:
                for info in zf.infolist():
                    name = info.filename
                    if _WANTED.search(name):
                        if info.file_size > MAX_EXPORT_FILE_BYTES:
                            raise InputError(
                                f"{path}:{name} unpacks to {size_mb(info.file_size)}, more than "
                                f"the {size_mb(MAX_EXPORT_FILE_BYTES)} findable reads per file"
                            )
                        with zf.open(info) as member:
                            data = member.read(MAX_EXPORT_FILE_BYTES + 1)
                        if len(data) > MAX_EXPORT_FILE_BYTES:
                            raise InputError(f"{path}:{name} is larger than its zip entry says")
                        text = data.decode("utf-8", errors="replace")
                        bundle.files[name] = _parse_json_text(text, f"{path}:{name}")
        except zipfile.BadZipFile as exc:
            raise InputError(
                f"{path} is a damaged zip ({exc}); download the export again"
            ) from None
    else:
        raw = read_input(path, max_bytes=MAX_EXPORT_FILE_BYTES, what="export file")
        text = raw.decode("utf-8-sig", errors="replace")
        if not text.strip():
            raise InputError(f"{path} is empty; pass the export .zip or a JSON file from it")
        # a lone X archive file renamed by the user still names its role in its prefix
        ytd = re.match(r"\s*window\.YTD\.(\w+)\.", text.lstrip()[:200])
        name = f"{ytd.group(1)}.js" if ytd else path.name
        bundle = ExportBundle(source=path, files={name: _parse_json_text(text, str(path))})
    if not bundle.files:
        raise InputError(
            f"{path} holds no export file findable knows (posts_1.json, your_posts_1.json, "
            "tweets.js, user_data.json)"
        )
    manifest = bundle.find("manifest.js")
    if manifest:
        bundle.generated_at = parse_iso(dig(manifest[1], "archiveInfo", "generationDate"))
    return bundle


def detect_platform(bundle: ExportBundle) -> Platform:
    names = {PurePosixPath(p).name for p in bundle.files}
    paths = " ".join(bundle.files).lower()
    if names & {"user_data.json", "user_data_tiktok.json"} or _looks_tiktok(bundle):
        return Platform.TIKTOK
    if names & {"tweets.js", "tweet.js", "account.js", "profile.js"} or any(
        n.startswith("tweets-part") for n in names
    ):
        return Platform.X
    if "your_posts_1.json" in names or "your_posts.json" in names or "facebook" in paths:
        return Platform.FACEBOOK
    if any(re.fullmatch(r"posts_\d+\.json", n) for n in names) or "instagram" in paths:
        return Platform.INSTAGRAM
    for data in bundle.files.values():  # a lone JSON file renamed by the user: by shape
        if isinstance(data, list) and data and isinstance(data[0], dict):
            if "media" in data[0] and "timestamp" not in data[0]:
                return Platform.INSTAGRAM
            if "timestamp" in data[0]:
                return Platform.FACEBOOK
            if "tweet" in data[0] or "profile" in data[0]:
                return Platform.X
    raise InputError(f"cannot tell which platform {bundle.source} is from; add --platform NAME")


def _looks_tiktok(bundle: ExportBundle) -> bool:
    return any(
        isinstance(d, dict) and ("Profile" in d or "Profile And Settings" in d) and
        ("Video" in d or "Post" in d or "Activity" in d or "Your Activity" in d)
        for d in bundle.files.values()
    )  # fmt: skip


@contextmanager
def _part(profile: Profile, where: str) -> Iterator[None]:
    """One part of an export (its profile file, one post): the file is input like any other,
    so a value of a shape nobody expected costs that part, said in a warning naming it and
    the error, never the export."""
    try:
        yield
    except Exception as exc:  # any surprise in one part; the others still come out
        message = str(exc).splitlines()[0][:160] if str(exc) else ""
        profile.capture.warnings.append(
            f"{where}: skipped, it could not be read ({type(exc).__name__}"
            + (f": {message})" if message else ")")
        )


def _text(value: Any) -> str | None:
    return normalize_space(fix_mojibake(value)) if isinstance(value, str) else None


def _list(value: Any) -> list[Any]:
    """A JSON array as a list; anything else (a string, a number, an object) as no items."""
    return value if isinstance(value, list) else []


def _url(value: Any) -> str | None:
    """A URL or media path as stored: a non-blank string, else nothing."""
    return clean_str(value)


def _coord(value: Any) -> float | None:
    """A latitude/longitude: a finite number, else nothing (a string or NaN is no place)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    number = float(value)
    return number if math.isfinite(number) and abs(number) <= 180 else None


def _media_kind(uri: str | None) -> MediaKind:
    suffix = PurePosixPath(uri or "").suffix.lower()
    return _MEDIA_EXT.get(suffix, "other")


# --- Instagram -------------------------------------------------------------------------------


def _string_map(section: Any) -> dict[str, str]:
    """Meta's `string_map_data` {"Bio": {"value": ...}} as plain {key: value}."""
    out: dict[str, str] = {}
    items = section if isinstance(section, list) else [section]
    for item in items:
        smd = dig(item, "string_map_data", default={})
        if isinstance(smd, dict):
            for key, val in smd.items():
                text = _text(dig(val, "value"))
                if text:
                    out[key.lower()] = text
    return out


def _exif_place(media: dict[str, Any]) -> Place | None:
    for exif in _list(dig(media, "media_metadata", "photo_metadata", "exif_data")):
        lat, lon = _coord(dig(exif, "latitude")), _coord(dig(exif, "longitude"))
        if lat is not None and lon is not None and (lat or lon):
            return Place(lat=lat, lon=lon)
    return None


def _instagram(bundle: ExportBundle, profile: Profile) -> None:
    info = bundle.find("personal_information.json")
    if info:
        with _part(profile, f"{info[0]}: profile_user"):
            _instagram_info(info[0], info[1], profile)
    for path, data in sorted(bundle.files.items()):
        if not re.fullmatch(r"posts_\d+\.json", PurePosixPath(path).name) and not (
            isinstance(data, list) and data and isinstance(data[0], dict) and "media" in data[0]
        ):
            continue
        posts = data if isinstance(data, list) else _list(dig(data, "ig_posts"))
        for i, item in enumerate(posts):
            with _part(profile, f"{path}: [{i}]"):
                _instagram_post(profile, f"{PurePosixPath(path).name}#{i}", item)
        profile.sources["posts"] = f"{path}: [].media[] (title, creation_timestamp, exif_data)"


def _instagram_info(path: str, data: Any, profile: Profile) -> None:
    smap = _string_map(dig(data, "profile_user", default=[]))
    profile.handle = smap.get("username") or profile.handle
    profile.display_name = smap.get("name")
    profile.bio = smap.get("bio")
    if smap.get("website"):
        profile.links = [Link(url=smap["website"])]
    if smap.get("email"):
        profile.sources["contact"] = f"{path}: profile_user[0].string_map_data.Email"
    for key in ("handle", "display_name", "bio", "links"):
        profile.sources[key] = f"{path}: profile_user[0].string_map_data"


def _instagram_post(profile: Profile, post_id: str, item: Any) -> None:
    medias = [m for m in _list(dig(item, "media")) if isinstance(m, dict)]
    if not medias:
        return
    caption = _text(first(dig(item, "title"), *(m.get("title") for m in medias)))
    ts = first(dig(item, "creation_timestamp"), dig(medias[0], "creation_timestamp"))
    place = next((p for p in (_exif_place(m) for m in medias) if p), None)
    profile.posts.append(
        Post(
            id=post_id,
            created_at=from_timestamp(ts),
            caption=caption,
            hashtags=extract_hashtags(caption),
            media=[
                Media(kind=_media_kind(_url(m.get("uri"))), url=_url(m.get("uri"))) for m in medias
            ],
            location=place,
        )
    )


# --- Facebook --------------------------------------------------------------------------------


def _facebook(bundle: ExportBundle, profile: Profile) -> None:
    info = bundle.find("profile_information.json")
    if info:
        with _part(profile, f"{info[0]}: profile_v2"):
            _facebook_info(info[0], info[1], profile)
    found = bundle.find("your_posts_1.json", "your_posts.json")
    if not found:
        found = next(
            ((p, d) for p, d in bundle.files.items() if isinstance(d, list) and d
             and isinstance(d[0], dict) and "timestamp" in d[0]),
            None,
        )  # fmt: skip
    if not found:
        return
    path, data = found
    for i, item in enumerate(_list(data)):
        if isinstance(item, dict):
            with _part(profile, f"{path}: [{i}]"):
                _facebook_post(profile, f"{PurePosixPath(path).name}#{i}", item)
    profile.sources["posts"] = f"{path}: [] (timestamp, data[].post, attachments[].data[])"


def _facebook_info(path: str, data: Any, profile: Profile) -> None:
    p = dig(data, "profile_v2", default=dig(data, "profile", default={}))
    profile.display_name = _text(dig(p, "name", "full_name"))
    profile.bio = _text(first(dig(p, "intro_bio"), dig(p, "about_me")))
    sites = [_url(dig(w, "address")) for w in _list(dig(p, "websites"))]
    profile.links = [Link(url=u) for u in sites if u]
    handle = clean_str(dig(p, "username"))
    if handle:
        profile.handle = handle
    profile.sources["display_name"] = f"{path}: profile_v2.name.full_name"


def _facebook_post(profile: Profile, post_id: str, item: dict[str, Any]) -> None:
    texts = [dig(d, "post") for d in _list(item.get("data"))]
    caption = _text(first(*texts))
    media: list[Media] = []
    place: Place | None = None
    for att in _list(item.get("attachments")):
        for d in _list(dig(att, "data")):
            if not isinstance(d, dict):
                continue
            if isinstance(d.get("place"), dict) and place is None:
                pl = d["place"]
                place = Place(
                    name=_text(pl.get("name")),
                    address=_text(pl.get("address")),
                    lat=_coord(dig(pl, "coordinate", "latitude")),
                    lon=_coord(dig(pl, "coordinate", "longitude")),
                )
            if isinstance(d.get("media"), dict):
                m = d["media"]
                alt = _text(m.get("description"))
                media.append(Media(kind=_media_kind(_url(m.get("uri"))), url=_url(m.get("uri")),
                                   alt_text=alt, alt_source=classify_alt(alt)))  # fmt: skip
    title = item.get("title")
    profile.posts.append(
        Post(
            id=post_id,
            created_at=from_timestamp(item.get("timestamp")),
            caption=caption,
            hashtags=extract_hashtags(caption),
            media=media,
            location=place,
            is_repost=isinstance(title, str)
            and bool(re.search(r"\bshared (a|an|\w+'s) (post|link|memory|video)\b", title)),
        )
    )


# --- X archive -------------------------------------------------------------------------------


def _x(bundle: ExportBundle, profile: Profile) -> None:
    account = bundle.find("account.js")
    if account:
        with _part(profile, f"{account[0]}: [0].account"):
            acc = dig(account[1], 0, "account")
            profile.handle = clean_str(dig(acc, "username")) or profile.handle
            profile.display_name = _text(dig(acc, "accountDisplayName"))
            profile.sources["handle"] = f"{account[0]}: [0].account.username"
    prof = bundle.find("profile.js")
    if prof:
        with _part(profile, f"{prof[0]}: [0].profile"):
            _x_profile(prof[0], dig(prof[1], 0, "profile"), profile)
    for path, data in sorted(bundle.files.items()):
        name = PurePosixPath(path).name
        if not re.fullmatch(r"tweets?(-part\d+)?\.js", name):
            continue
        for i, item in enumerate(_list(data)):
            with _part(profile, f"{path}: [{i}]"):
                _x_tweet(profile, item)
        profile.sources["posts"] = f"{path}: [].tweet"


def _x_profile(path: str, p: Any, profile: Profile) -> None:
    profile.bio = _text(dig(p, "description", "bio"))
    site = _url(dig(p, "description", "website"))
    if site:
        profile.links = [Link(url=site)]
    loc = _text(dig(p, "description", "location"))
    if loc:
        profile.location = Place(name=loc)
    avatar = _url(dig(p, "avatarMediaUrl"))
    if avatar:
        profile.avatar = Avatar(url=avatar, is_default="default_profile" in avatar)
    for key in ("bio", "links", "location", "avatar"):
        profile.sources[key] = f"{path}: [0].profile"


def _x_tweet(profile: Profile, item: Any) -> None:
    tw = dig(item, "tweet", default=item)
    if not isinstance(tw, dict):
        return
    text = _text(tw.get("full_text") or tw.get("text"))
    raw_id = first(tw.get("id_str"), tw.get("id"))
    tid = str(raw_id) if isinstance(raw_id, (str, int)) and not isinstance(raw_id, bool) else ""
    media = [
        Media(
            kind="video" if m.get("type") in ("video", "animated_gif") else "image",
            url=_url(m.get("media_url_https")),
            alt_text=_text(m.get("ext_alt_text")),
            alt_source=classify_alt(_text(m.get("ext_alt_text"))),
        )
        for m in _list(dig(tw, "extended_entities", "media"))
        if isinstance(m, dict)
    ]
    tags = [dig(h, "text") for h in _list(dig(tw, "entities", "hashtags"))]
    profile.posts.append(
        Post(
            id=tid,
            url=f"https://x.com/{profile.handle}/status/{tid}" if tid else None,
            created_at=parse_iso(tw.get("created_at")),
            caption=text,
            hashtags=[t for t in tags if isinstance(t, str)] or extract_hashtags(text),
            media=media,
            is_repost=bool(text and text.startswith("RT @")) or tw.get("retweeted") is True,
        )
    )


# --- TikTok ----------------------------------------------------------------------------------


def _tiktok(bundle: ExportBundle, profile: Profile) -> None:
    found = bundle.find("user_data.json", "user_data_tiktok.json") or next(
        iter(bundle.files.items())
    )
    path, data = found
    with _part(profile, f"{path}: ProfileMap"):
        _tiktok_profile(path, data, profile)
    root = first(dig(data, "Post"), dig(data, "Video"), dig(data, "Your Activity", "Post")) or {}
    videos = _list(first(dig(root, "Posts", "VideoList"), dig(root, "Videos", "VideoList")))
    for i, v in enumerate(videos):
        if isinstance(v, dict):
            with _part(profile, f"{path}: VideoList[{i}]"):
                _tiktok_video(profile, i, v)
    profile.sources["posts"] = f"{path}: Post.Posts.VideoList"


def _tiktok_profile(path: str, data: Any, profile: Profile) -> None:
    pmap = first(
        dig(data, "Profile And Settings", "Profile Info", "ProfileMap"),
        dig(data, "Profile", "Profile Information", "ProfileMap"),
        dig(data, "Profile", "Profile Info", "ProfileMap"),
    )
    if not isinstance(pmap, dict):
        return
    profile.handle = (
        first(clean_str(pmap.get("userName")), clean_str(pmap.get("username"))) or profile.handle
    )
    profile.display_name = _text(first(pmap.get("displayName"), pmap.get("nickName")))
    profile.bio = _text(pmap.get("bioDescription"))
    photo = _url(pmap.get("profilePhoto"))
    if photo and photo.startswith("http"):
        profile.avatar = Avatar(url=photo)
    profile.sources["bio"] = f"{path}: Profile.Profile Information.ProfileMap.bioDescription"


def _tiktok_video(profile: Profile, i: int, v: dict[str, Any]) -> None:
    caption = _text(first(v.get("Title"), v.get("Description"), v.get("AddYoursText")))
    date = clean_str(v.get("Date"))
    when = parse_iso(date.replace(" ", "T")) if date else None
    loc = _text(v.get("Location"))
    link = _url(v.get("Link"))
    profile.posts.append(
        Post(
            id=link or f"video#{i}",
            url=link,
            created_at=when,
            caption=caption,
            hashtags=extract_hashtags(caption),
            media=[Media(kind="video", url=link)],
            location=Place(name=loc) if loc and loc.lower() not in ("none", "null") else None,
        )
    )


_READERS: dict[Platform, Callable[[ExportBundle, Profile], None]] = {
    Platform.INSTAGRAM: _instagram,
    Platform.FACEBOOK: _facebook,
    Platform.X: _x,
    Platform.TIKTOK: _tiktok,
}


def extract_export(
    bundle: ExportBundle, *, platform: Platform | None = None, captured_at: datetime
) -> Profile:
    """The Profile an owner's export shows. `captured_at` is when the export was made
    (the archive says so for X; otherwise the caller passes --captured-at or the file time)."""
    plat = platform or detect_platform(bundle)
    reader = _READERS.get(plat)
    if reader is None:
        raise InputError(
            f"findable reads data exports of {', '.join(p.value for p in _READERS)}, "
            f"not {plat.value}"
        )
    when = bundle.generated_at or captured_at
    profile = Profile(
        platform=plat,
        handle="unknown",
        capture=CaptureInfo(
            captured_at=when,
            input_kind="export",
            inputs=[InputDoc(path=f"{bundle.source}:{p}", kind="export") for p in bundle.files],
        ),
    )
    reader(bundle, profile)
    profile.posts.sort(key=lambda p: p.created_at or when, reverse=True)
    declare(profile)  # what an export cannot carry (audit/observable.py)
    if profile.handle == "unknown":
        for key in ("display_name", "bio", "links"):
            profile.not_observed.setdefault(
                key, "the export holds no profile file, only posts: include the whole export .zip"
            )
        profile.capture.warnings.append(
            "the export has no profile file (personal_information.json / account.js / "
            "ProfileMap): the handle is unknown; include the whole export .zip"
        )
    if not profile.posts:
        profile.capture.warnings.append("no posts found in the export")
    return profile
