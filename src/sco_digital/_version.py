"""The package's version, from its installed metadata."""

from __future__ import annotations

UNKNOWN = "unknown"


def package_version() -> str:
    """
    The version of the installed sco-digital distribution, or ``"unknown"``
    for a copy without its metadata (vendored, zipped or frozen into an app).
    """
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("sco-digital")
    except PackageNotFoundError:
        return UNKNOWN
