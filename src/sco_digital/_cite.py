"""How to cite the dataset, in plain text and BibTeX."""

from __future__ import annotations

from ._about import AUTHORS, LICENSE, NAME
from ._about import TITLE as _DATA_TITLE

TITLE = f"{NAME}: {_DATA_TITLE}"


def cite(*, bibtex: bool = False, data_version: str | None = None) -> str:
    """
    A citation of the bundled dataset naming its data and package versions.

    Args:
        bibtex: Give a BibTeX ``@misc`` entry instead of plain text.
        data_version: Cite this data version instead of the bundled one.

    >>> print(cite(data_version="2025.08.29"))  # doctest: +ELLIPSIS
    The sco_digital maintainers (2025). sco-digital: SCO digital cooperation dataset, ...
    Data licensed CC-BY-4.0; every record cites its sources, listed in sources.json.

    .. versionadded:: 0.1.0
    """
    from ._loader import bundled_manifest
    from ._version import package_version

    data = data_version or bundled_manifest().data_version
    package = package_version()
    year = data[:4]
    if bibtex:
        key = f"sco_digital_{data.replace('.', '_')}"
        return "\n".join(
            [
                f"@misc{{{key},",
                f"  author = {{{{{AUTHORS}}}}},",
                f"  title = {{{TITLE}}},",
                f"  year = {{{year}}},",
                f"  version = {{{data}}},",
                (
                    f"  note = {{Data version {data}, Python package sco-digital {package}; "
                    f"data licensed {LICENSE}}},"
                ),
                "}",
            ]
        )
    return (
        f"{AUTHORS} ({year}). {TITLE}, data version {data} (package {package}).\n"
        f"Data licensed {LICENSE}; every record cites its sources, listed in sources.json."
    )
