"""Errors that carry a message for the user (the CLI prints them and exits with their code)."""

from __future__ import annotations


class FindableError(Exception):
    """A problem the user can fix; `str(exc)` names what was wrong and what to do."""

    exit_code = 2


class InputError(FindableError):
    """Bad input: a file, a target, an option. Exit code 2."""

    exit_code = 2


class BrowserMissingError(FindableError):
    """No Chromium could be found to capture with."""

    exit_code = 2


class NothingCapturedError(FindableError):
    """Every profile failed to capture. Exit code 3."""

    exit_code = 3
