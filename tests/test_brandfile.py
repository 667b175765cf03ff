"""Brand files: parsed, validated with clear messages, overridden by CLI flags."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.brandfile import load_brand, merge_cli
from audit.errors import InputError


def test_brand_file_round_trip_and_cli_override(tmp_path: Path) -> None:
    path = tmp_path / "findable.toml"
    path.write_text(
        'name = "Pekarna Ana"\nkeywords = ["kruh", "pekarna"]\nlocal = true\n'
        'profiles = ["instagram:@pekarna_ana"]\nignore = ["CAD003"]\n[weights]\nkeywords = 40\n',
        encoding="utf-8",
    )
    brand = load_brand(path)
    assert brand.name == "Pekarna Ana" and brand.local and brand.weights == {"keywords": 40}
    merged = merge_cli(brand, keywords="sourdough, bakery", local=False, select="BIO,ALT")
    assert merged.keywords == ["sourdough", "bakery"]
    assert merged.local is False and merged.select == ["BIO", "ALT"]
    assert merged.ignore == ["CAD003"]  # untouched by flags not given


def test_pyproject_tool_table(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text('[tool.findable]\nname = "Ana"\n')
    assert load_brand(path).name == "Ana"


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("name = ", "not valid TOML"),
        ('nmae = "typo"', "unknown key(s) nmae"),
        ("local = 'maybe'", "local"),
    ],
)
def test_bad_brand_files(tmp_path: Path, text: str, fragment: str) -> None:
    path = tmp_path / "findable.toml"
    path.write_text(text)
    with pytest.raises(InputError) as exc:
        load_brand(path)
    assert fragment in str(exc.value)


def test_missing_brand_file_says_how_to_make_one(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="findable init"):
        load_brand(tmp_path / "findable.toml")


def test_init_writes_a_brand_file_that_loads_back(tmp_path: Path) -> None:
    from audit.runner import init_brand

    path = tmp_path / "findable.toml"
    values = {
        "name": 'Pekarna "Ana"',
        "keywords": "kruh, pekarna, نان",
        "location": "Ljubljana",
        "local": True,
        "website": "https://ana.si",
        "profiles": "instagram:@pekarna_ana, bsky:@ana.si",
        "competitors": "",
    }
    init_brand(path, values=values, force=False, interactive=False)
    brand = load_brand(path)
    assert brand.name == 'Pekarna "Ana"' and brand.keywords == ["kruh", "pekarna", "نان"]
    assert brand.local and brand.profiles == ["instagram:@pekarna_ana", "bsky:@ana.si"]
    with pytest.raises(InputError, match="--force"):
        init_brand(path, values=values, force=False, interactive=False)
    with pytest.raises(InputError, match="unknown platform"):
        init_brand(path, values=values | {"profiles": "myspace:@x"}, force=True, interactive=False)
    assert load_brand(path).name == 'Pekarna "Ana"'  # the refused run changed nothing
