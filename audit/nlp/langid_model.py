"""py3langid's model, unpacked once into the user cache.

The model ships LZMA-compressed (4.5 MB); unpacking it takes about a second on every start,
more than reading the unpacked arrays. The unpacked `.npz` is kept in the cache directory
(see `lemmas.cache_root`), named by the model file's identity (package version and size:
every virtualenv on the machine shares it), written to a temporary file and renamed into
place like the lemma indexes. Any problem with the cache loads the model the package's own
way."""

from __future__ import annotations

import hashlib
import lzma
import os
import shutil
import tempfile
from array import array
from importlib.metadata import version
from pathlib import Path
from typing import Any

from .lemmas import cache_root

__all__ = ["load_identifier"]

_TYPECODE = {2: "H", 4: "I", 8: "L"}


def _unpacked(source: Path) -> Path:
    ident = f"{version('py3langid')}|{source.stat().st_size}"  # not the path: shared by venvs
    digest = hashlib.sha256(ident.encode()).hexdigest()[:16]
    path = cache_root() / f"langid-model-{digest}.npz"
    if path.is_file():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as dst, lzma.open(source) as src:
            shutil.copyfileobj(src, dst, length=1 << 20)
        os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)
    return path


def _stdlib_array(values: Any) -> array[int]:
    """An unsigned NumPy array as the stdlib array py3langid walks byte by byte."""
    import numpy as np

    out = array(_TYPECODE[values.dtype.itemsize])
    out.frombytes(np.ascontiguousarray(values).data.cast("B"))
    return out


def _from_unpacked(path: Path) -> Any:
    import numpy as np
    from py3langid.langid import LanguageIdentifier

    with np.load(path, allow_pickle=False) as data:
        return LanguageIdentifier(
            np.asarray(data["ptc"]),
            np.asarray(data["pc"]),
            data["classes"].tolist(),
            _stdlib_array(data["nextmove"]),
            data["out_feat"].tolist(),
            norm_probs=True,
            tk_row=_stdlib_array(data["nextmove_row"]),
        )


def load_identifier() -> Any:
    """py3langid's `LanguageIdentifier` with calibrated probabilities (`norm_probs`)."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    source = MODEL_DIR / MODEL_FILE
    for _attempt in range(2):
        try:
            path = _unpacked(source)
        except OSError:  # no cache to write to
            break
        try:
            return _from_unpacked(path)
        except Exception:  # a damaged file (or another model layout): unpack it again
            path.unlink(missing_ok=True)
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
