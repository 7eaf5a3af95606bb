"""
The dataset's name, title, licence and authors, written once.

The loader checks the manifest against these, and the exports, the citation
and the command line print them.
"""

from __future__ import annotations

NAME = "sco-digital"
TITLE = "SCO digital cooperation dataset"
LICENSE = "CC-BY-4.0"
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
AUTHORS = "The sco_digital maintainers"
