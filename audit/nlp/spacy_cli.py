"""Import spaCy without loading its command line until something uses it.

`import spacy` runs `from .cli.info import info`, which executes `spacy/cli/__init__.py`: every
spaCy command (train, init, debug, project...) with weasel, requests, httpx, jinja2 and a
YAML file parsed at import. That is about a quarter of a second, a fifth of a whole
snapshot replay, for code findable never calls.

`defer_spacy_cli()`, called before spaCy is first imported, registers `spacy.cli` as a
package whose `__init__` has not run yet: `spacy.cli.info` (the one submodule `import spacy`
needs) imports as usual from the package's folder, and the first use of any other name of
`spacy.cli` (`spacy.cli.download`, `from spacy.cli import train`, `python -m spacy`) runs
the real `__init__` then, so everything spaCy offers is still there. When spaCy is already
imported, or is laid out differently, it does nothing and spaCy imports the usual way.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
import threading
import types
from collections.abc import Sequence
from typing import Any

__all__ = ["defer_spacy_cli"]

_NAME = "spacy.cli"
_lock = threading.RLock()
# Dunder names that read the package's content (the import system reads only others).
_CONTENT = frozenset({"__all__", "__dict__", "__getattr__"})


class _DeferredPackage(types.ModuleType):
    """A package module whose `__init__` runs on the first lookup of any of its names (the
    import system's own lookups are of dunder names, such as `__path__`)."""

    def __getattribute__(self, name: str) -> Any:
        if not name.startswith("__") or name in _CONTENT:
            _initialize(self)
        return types.ModuleType.__getattribute__(self, name)

    def __dir__(self) -> list[str]:
        _initialize(self)
        return sorted(types.ModuleType.__getattribute__(self, "__dict__"))


def _initialize(module: types.ModuleType) -> None:
    with _lock:
        if type(module) is not _DeferredPackage:
            return
        module.__class__ = types.ModuleType  # type: ignore[assignment]  # an ordinary module now
        spec = module.__spec__
        loader = spec.loader if spec is not None else None
        if isinstance(loader, _DeferredLoader):
            module.__loader__ = spec.loader = loader.real  # type: ignore[union-attr]
            loader.real.exec_module(module)


class _DeferredLoader(importlib.abc.Loader):
    """Creates the package module as usual but leaves its `__init__` for later."""

    def __init__(self, real: importlib.abc.Loader) -> None:
        self.real = real

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType | None:
        return None  # the default module, set up by the import system

    def exec_module(self, module: types.ModuleType) -> None:
        module.__class__ = _DeferredPackage


class _Finder(importlib.abc.MetaPathFinder):
    """Finds `spacy.cli` once, the usual way, and hands it out deferred."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: types.ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != _NAME:
            return None
        with _lock:
            if self in sys.meta_path:
                sys.meta_path.remove(self)
        real = importlib.machinery.PathFinder.find_spec(fullname, path)
        if real is None or real.loader is None or real.submodule_search_locations is None:
            return real
        spec = importlib.machinery.ModuleSpec(
            fullname, _DeferredLoader(real.loader), origin=real.origin, is_package=True
        )
        spec.submodule_search_locations = real.submodule_search_locations
        spec.has_location = real.has_location
        spec.cached = real.cached
        return spec


def defer_spacy_cli() -> bool:
    """Have `spacy.cli` load on first use; True when it will be (spaCy not imported yet)."""
    with _lock:
        if "spacy" in sys.modules or any(isinstance(f, _Finder) for f in sys.meta_path):
            return False
        sys.meta_path.insert(0, _Finder())
        return True
