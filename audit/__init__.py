"""findable: a social-search optimization auditor."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("findable")
except PackageNotFoundError:  # running from a source tree without an install
    __version__ = "0.0.0+source"
