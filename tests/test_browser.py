"""Finding a Chromium: explicit choice first, clear errors when there is none."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from audit import browser
from audit.browser import browser_version, find_chromium, launch_args
from audit.errors import BrowserMissingError


@pytest.fixture
def nothing_installed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A machine with no Chromium anywhere: no env var, no Playwright build, empty PATH."""
    monkeypatch.delenv("FINDABLE_CHROMIUM", raising=False)
    monkeypatch.setattr(browser, "_playwright_chromium", lambda: None)
    monkeypatch.setattr(browser, "_SYSTEM_PATHS", ())
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))


def fake_executable(folder: Path, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("#!/bin/sh\necho 'Chromium 126.0.6478.126 built on Debian'\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return path


def test_env_var_pointing_nowhere_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FINDABLE_CHROMIUM", "/nowhere/chromium")
    with pytest.raises(BrowserMissingError) as info:
        find_chromium()
    assert str(info.value) == (
        "FINDABLE_CHROMIUM='/nowhere/chromium' is not an executable file; fix the path or unset it"
    )


def test_env_var_wins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    chosen = fake_executable(tmp_path, "my-chromium")
    monkeypatch.setenv("FINDABLE_CHROMIUM", str(chosen))
    assert find_chromium() == str(chosen)


def test_env_var_may_name_a_command_on_path(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    chosen = fake_executable(tmp_path / "bin", "chromium-dev")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    monkeypatch.setenv("FINDABLE_CHROMIUM", "chromium-dev")
    assert find_chromium() == str(chosen)


def test_system_chromium_on_path(
    nothing_installed: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    chosen = fake_executable(tmp_path / "bin", "google-chrome")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    assert find_chromium() == str(chosen)


def test_playwright_build_before_system(
    nothing_installed: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fake_executable(tmp_path / "bin", "chromium")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    monkeypatch.setattr(browser, "_playwright_chromium", lambda: "/pw/chrome")
    assert find_chromium() == "/pw/chrome"


def test_no_chromium_names_the_install_commands(nothing_installed: None) -> None:
    with pytest.raises(BrowserMissingError) as info:
        find_chromium()
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith("No Chromium found: install one with `make demo`")
    assert "sudo apt-get install chromium" in message
    assert "python -m playwright install chromium" in message
    assert info.value.exit_code == 2


def test_no_sandbox_only_as_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "geteuid", lambda: 0)
    as_root = launch_args()
    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    as_user = launch_args()
    assert "--no-sandbox" in as_root and "--no-sandbox" not in as_user
    for flag in ("--disable-background-networking", "--disable-component-update", "--disable-sync"):
        assert flag in as_root and flag in as_user


def test_browser_version_reads_the_binary(tmp_path: Path) -> None:
    fake = fake_executable(tmp_path, "chromium")
    assert browser_version(str(fake)) == "Chromium 126.0.6478.126"
    silent = tmp_path / "silent"
    silent.write_text("#!/bin/sh\nexit 1\n")
    silent.chmod(0o755)
    assert browser_version(str(silent)) is None
    assert browser_version(str(tmp_path / "missing")) is None


@pytest.mark.browser
def test_the_real_chromium_reports_a_version(chromium_path: str) -> None:
    version = browser_version(chromium_path)
    assert version is not None
    name, _, number = version.rpartition(" ")
    assert name and number.split(".")[0].isdigit()
