"""Property: whatever a damaged or forged input file holds, findable reads it into a Profile
or stops with an InputError (one clear line, exit 2) — never another exception — and within
the deadline per input (tests/conftest.py: the Hypothesis profiles and their budgets).

Inputs are the project's fixtures, invented data exports and demo HARs and, when
../shared/realdata is present, the real captures, each mutated by tests/fuzzing.py: cut
short, bytes flipped, binary junk, keys dropped, values of the wrong type, nesting 600 to
100,000 deep, strings blown up, inside pages the JSON of their scripts, inside HARs their
entries and bodies; sometimes read as another platform. `make fuzz` runs the same with
10,000 inputs and reports crashes, the slowest input and peak memory.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

pytest.importorskip("hypothesis", reason="the dev extra is not installed: run make dev")

from hypothesis import given

from audit.errors import InputError
from audit.model import Profile
from tests.fuzzing import Mutant, mutants, project_seeds, real_seeds, run_mutant

PROJECT = project_seeds()
REAL = real_seeds()


def _holds(mutant: Mutant) -> None:
    with tempfile.TemporaryDirectory(prefix="findable-fuzz-") as tmp:
        result = run_mutant(mutant, Path(tmp))
    assert isinstance(result, (Profile, InputError))
    if isinstance(result, InputError):
        message = str(result)
        assert message and "\n" not in message and "Traceback" not in message
    else:
        # every skipped document or export part is named in a warning, never silent
        for warning in result.capture.warnings:
            assert warning.strip()


def test_every_platform_has_project_seeds() -> None:
    assert len({s.platform for s in PROJECT}) == 11
    assert any(s.export for s in PROJECT) and any(s.name.endswith(".har") for s in PROJECT)


@given(mutants(PROJECT))
def test_damaged_project_inputs_read_or_fail_cleanly(mutant: Mutant) -> None:
    _holds(mutant)


@pytest.mark.realdata
@pytest.mark.skipif(not REAL, reason="../shared/realdata is not present")
@given(mutants(REAL or PROJECT))
def test_damaged_real_captures_read_or_fail_cleanly(mutant: Mutant) -> None:
    _holds(mutant)
