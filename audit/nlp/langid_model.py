"""py3langid's model, unpacked once into the user cache and memory-mapped from there.

The model ships LZMA-compressed (4.5 MB); unpacking it takes about a second on every start.
It is unpacked once into the cache directory (see `lemmas.cache_root`) as one `.npy` file per
array, in a folder named by the model file's identity (package version and size: every
virtualenv on the machine shares it). The folder is written under a temporary name and
renamed into place, so two processes unpacking at once never see half a model.

The two big arrays (the 28 MB feature-by-language table and the 39 MB tokenizer automaton)
are memory-mapped rather than read: a detection touches a few hundred rows of them, so a
process reads, and keeps in memory, only those pages. Any problem with the cache loads the
model the package's own way."""

from __future__ import annotations

import hashlib
import io
import lzma
import os
import shutil
import tempfile
from importlib.metadata import version
from pathlib import Path
from typing import Any

from .lemmas import cache_root

__all__ = ["load_identifier"]

# The arrays of py3langid's model file, by the names its `.npz` gives them.
_ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")
_MAPPED = frozenset({"ptc", "nextmove"})


def _folder(source: Path) -> Path:
    ident = f"{version('py3langid')}|{source.stat().st_size}"  # not the path: shared by venvs
    digest = hashlib.sha256(ident.encode()).hexdigest()[:16]
    return cache_root() / f"langid-model-{digest}"


def _unpack(source: Path, folder: Path) -> None:
    """Write each array of the model as `<name>.npy` into `folder`, atomically."""
    import numpy as np

    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    try:
        with lzma.open(source) as src:
            packed = io.BytesIO(src.read())
        with np.load(packed, allow_pickle=False) as data:
            for name in _ARRAYS:
                np.save(tmp / f"{name}.npy", np.ascontiguousarray(data[name]), allow_pickle=False)
        try:
            os.rename(tmp, folder)
        except OSError:  # another process got there first: use its folder
            if not folder.is_dir():
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for old in folder.parent.glob("langid-model-*.npz"):  # the single-file layout of 0.x
        old.unlink(missing_ok=True)


def _mapped_ints(values: Any) -> memoryview:
    """An unsigned integer array as a flat memoryview (what py3langid walks item by item)."""
    return memoryview(values).cast("B").cast(values.dtype.char)


def _from_folder(folder: Path) -> Any:
    import numpy as np
    from py3langid.langid import LanguageIdentifier

    arrays = {
        name: np.load(
            folder / f"{name}.npy", mmap_mode="r" if name in _MAPPED else None, allow_pickle=False
        )
        for name in _ARRAYS
    }
    return LanguageIdentifier(
        arrays["ptc"],
        np.asarray(arrays["pc"]),
        arrays["classes"].tolist(),
        _mapped_ints(arrays["nextmove"]),
        arrays["out_feat"].tolist(),
        norm_probs=True,
        tk_row=arrays["nextmove_row"].tolist(),
    )


def load_identifier() -> Any:
    """py3langid's `LanguageIdentifier` with calibrated probabilities (`norm_probs`)."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    source = MODEL_DIR / MODEL_FILE
    for _attempt in range(2):
        try:
            folder = _folder(source)
            if not folder.is_dir():
                _unpack(source, folder)
        except OSError:  # no cache to write to
            break
        try:
            return _from_folder(folder)
        except Exception:  # a damaged file (or another model layout): unpack it again
            shutil.rmtree(folder, ignore_errors=True)
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
