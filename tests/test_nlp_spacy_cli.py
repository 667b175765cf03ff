"""spaCy without its command line: `import audit.nlp` leaves `spacy.cli` to load on first use,
and everything `spacy.cli` offers is still there when something asks for it. Each case
runs in a fresh interpreter, the only place where "not imported yet" can be seen."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def _python(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_importing_the_keyword_engine_does_not_load_spacys_commands() -> None:
    out = _python(
        """
        import sys
        import audit.nlp
        from audit.nlp import extract_keywords
        words = [k.text for k in extract_keywords("Fresh sourdough bread daily.", lang="en")]
        print("spacy.cli.init_config" in sys.modules, "spacy.cli.train" in sys.modules, words)
        """
    )
    assert out.startswith("False False [")
    assert "sourdough bread" in out.casefold()


_DESCRIBE_SPACY_CLI = """
    import sys
    import spacy
    import spacy.cli
    names = {n: type(v).__name__ for n, v in vars(spacy.cli).items() if not n.startswith("__")}
    print(sorted(names.items()))
    star = {}
    exec("from spacy.cli import *", star)
    print(sorted(n for n in star if not n.startswith("__")))
    print(spacy.cli.__loader__.__class__.__name__, type(sys.modules["spacy.cli"]).__name__)
"""


def test_spacys_commands_are_all_there_when_used() -> None:
    plain = _python(_DESCRIBE_SPACY_CLI)
    deferred = _python("import audit.nlp\n" + textwrap.dedent(_DESCRIBE_SPACY_CLI))
    assert deferred == plain
    assert "('download', 'function')" in deferred
    assert "SourceFileLoader module" in deferred


def test_spacy_imported_first_is_left_alone() -> None:
    out = _python(
        """
        import sys
        import spacy
        import audit.nlp
        from audit.nlp.spacy_cli import defer_spacy_cli
        print(defer_spacy_cli(), "spacy.cli.init_config" in sys.modules)
        """
    )
    assert out == "False True"
