"""
Write the countries' names in their languages into the data (maintainers only).

Run from the repository root, with the ``names`` extra installed::

    pip install -e '.[names]'
    python scripts/country_names.py            # rewrite the files
    python scripts/country_names.py --check    # exit 1 if they are stale

What it writes:

- ``countries.json``: each country's ``localized_names``: its name in each
  official language (CLDR's territory-language table, status "official" or
  "de facto official", in each script CLDR lists for it, such as ``uz`` and
  ``uz-Cyrl``) and in the six UN languages plus Traditional Chinese, from the
  Unicode CLDR as Babel ships it; the UN Statistics Division's M49 names in
  the six UN languages and the UNTERM and ReliefWeb forms, from the
  Countries & Territories Taxonomy that hdx-python-country ships; the short
  and official English names of country_converter, and the IEA's names in it; and the World Bank's
  forms listed in ``_WORLD_BANK`` below, with the page that shows them.
- ``src/sco_digital/_world.py``: the names of every other country and
  territory (ISO alpha-2 and alpha-3 codes, CLDR names in the UN languages,
  M49 and country_converter names), so that a lookup can say "'USA' (United
  States) is not an SCO member..." instead of suggesting another country.

A name that folds (`sco_digital.models.normalize_key`) to the same key for
two countries stops the build, naming both: a name that CLDR gives to an SCO
country and to another territory must not silently go to one of them. Add
such a name to ``_DROPPED`` with the reason, or fix the data.

None of these packages is a run-time dependency; the data they produce is
plain JSON and Python, cited in ``sources.json``.
"""

from __future__ import annotations

import argparse
import csv
import importlib.metadata
import io
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from sco_digital._json import dumps
from sco_digital._keys import normalize_key

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "sco_digital" / "data"
WORLD = ROOT / "src" / "sco_digital" / "_world.py"

UN_LANGUAGES = ("ar", "en", "es", "fr", "ru", "zh", "zh_Hant")
"""The six UN languages, and Chinese in its traditional script too."""

CLDR = "unicode-cldr-49"
M49 = "hdx-countries-territories-taxonomy"
COCO = "country-converter-1-3-2"
WORLD_BANK = "worldbank-gep-2023-06-table-1-1"

_WORLD_BANK = {
    "EG": ("Egypt, Arab Rep.",),
    "IR": ("Iran, Islamic Rep.",),
    "RU": ("Russian Federation",),
    "TR": ("Türkiye",),
}
"""World Bank forms, as table 1.1 of Global Economic Prospects (June 2023) prints them."""

_DROPPED: dict[str, str] = {}
"""Folded names left out on purpose, with the reason."""

_NOT_COUNTRIES = {"EU", "EZ", "UN", "ZZ", "QO", "XA", "XB", "XK"}
"""CLDR territory codes that are not countries or have no ISO alpha-3 code."""


def _tag(locale_id: str) -> str:
    return locale_id.replace("_", "-")


def _cldr_names(code: str, languages: list[str]) -> dict[tuple[str, str], None]:
    from babel import Locale

    found: dict[tuple[str, str], None] = {}
    for language in languages:
        name = Locale.parse(language).territories.get(code)
        if name:
            found[_tag(language), name] = None
    return found


def _official_languages(code: str) -> list[str]:
    from babel import localedata
    from babel.core import get_global

    available = set(localedata.locale_identifiers())
    table = get_global("territory_languages").get(code, {})
    return [
        language
        for language, info in table.items()
        if info.get("official_status") in ("official", "de_facto_official")
        and language in available
    ]


def _m49_rows() -> dict[str, dict[str, str]]:
    dist = importlib.metadata.distribution("hdx-python-country")
    for file in dist.files or ():
        if file.name.endswith("C&T Taxonomy.csv"):
            text = Path(str(dist.locate_file(file))).read_text(encoding="utf-8")
            rows = csv.DictReader(io.StringIO(text))
            return {r["ISO 3166-1 Alpha 2-Codes"]: r for r in rows if r["ISO 3166-1 Alpha 2-Codes"]}
    msg = "hdx-python-country ships no Countries & Territories Taxonomy"
    raise SystemExit(msg)


_M49_COLUMNS = {
    "M49 English": "en",
    "M49 French": "fr",
    "M49 Spanish": "es",
    "M49 Russian": "ru",
    "M49 Chinese": "zh",
    "M49 Arabic": "ar",
    "Preferred Term": "en",
    "ISO Alt Term": "en",
    "HPC Tools Alt Term": "en",
    "RW Short Name": "en",
    "RW API Alt Term": "en",
}


def _m49_names(row: dict[str, str] | None) -> dict[tuple[str, str], None]:
    found: dict[tuple[str, str], None] = {}
    if row is None:
        return found
    for column, language in _M49_COLUMNS.items():
        name = row.get(column, "").removesuffix(" (the)")
        if name:
            found[language, name] = None
    formal = row.get("English Formal", "")
    if formal.startswith("the "):
        found["en", formal[4:]] = None
    return found


def _coco_rows() -> dict[str, dict[str, str]]:
    from importlib.resources import files

    text = files("country_converter").joinpath("country_data.tsv").read_text(encoding="utf-8")
    rows = [r for r in csv.DictReader(io.StringIO(text), delimiter="\t") if r["ISO2"]]
    # The IEA column also names groups ("Other non-OECD Asia"): keep only its
    # names of one country.
    iea = Counter(r["IEA"] for r in rows)
    for r in rows:
        if iea[r["IEA"]] > 1:
            r["IEA"] = ""
    return {r["ISO2"]: r for r in rows}


def _coco_names(row: dict[str, str] | None) -> dict[tuple[str, str], None]:
    if row is None:
        return {}
    return {("en", row[c]): None for c in ("name_short", "name_official", "IEA") if row.get(c)}


def _country_names(
    code: str, m49: dict[str, dict[str, str]], coco: dict[str, dict[str, str]]
) -> list[dict[str, object]]:
    languages = list(dict.fromkeys([*_official_languages(code), *UN_LANGUAGES]))
    cited: defaultdict[tuple[str, str], list[str]] = defaultdict(list)
    for key in _cldr_names(code, languages):
        cited[key].append(CLDR)
    for key in _m49_names(m49.get(code)):
        cited[key].append(M49)
    for key in _coco_names(coco.get(code)):
        cited[key].append(COCO)
    for name in _WORLD_BANK.get(code, ()):
        cited["en", name].append(WORLD_BANK)
    return [
        {"language": language, "name": name, "sources": sorted(set(sources))}
        for (language, name), sources in sorted(cited.items())
        if normalize_key(name) not in _DROPPED
    ]


def _world_names(
    sco: set[str], m49: dict[str, dict[str, str]], coco: dict[str, dict[str, str]]
) -> dict[str, list[str]]:
    from babel import Locale

    english = Locale.parse("en").territories
    names: dict[str, list[str]] = {}
    for code, row in sorted(coco.items()):
        if code in sco or code in _NOT_COUNTRIES or row.get("obsolete") or code not in english:
            continue
        found: dict[str, None] = {code: None, row["ISO3"]: None}
        found.update(dict.fromkeys(name for _, name in _cldr_names(code, list(UN_LANGUAGES))))
        found.update(dict.fromkeys(name for _, name in _m49_names(m49.get(code))))
        found.update(dict.fromkeys(name for _, name in _coco_names(row)))
        names[english[code]] = list(found)
    return names


def _collisions(owners: dict[str, set[str]]) -> list[str]:
    return [
        f"{key!r}: {', '.join(sorted(codes))}"
        for key, codes in sorted(owners.items())
        if len(codes) > 1
    ]


def build() -> tuple[str, str]:
    """The new countries.json and _world.py."""
    countries = json.loads((DATA / "countries.json").read_text(encoding="utf-8"))
    m49, coco = _m49_rows(), _coco_rows()
    sco = {c["code"] for c in countries}
    owners: defaultdict[str, set[str]] = defaultdict(set)
    for country in countries:
        country["localized_names"] = _country_names(country["code"], m49, coco)
        own = [
            country["code"],
            country["alpha3"],
            country["name"],
            country["name_zh"],
            country["name_ru"],
        ]
        own += country["aliases"] + [n["name"] for n in country["localized_names"]]
        for name in own:
            owners[normalize_key(name)].add(country["code"])
    world = _world_names(sco, m49, coco)
    world_owners: defaultdict[str, set[str]] = defaultdict(set)
    for english, names in world.items():
        for name in names:
            world_owners[normalize_key(name)].add(english)
    clashes = _collisions(owners)
    clashes += [
        f"{key!r}: {', '.join(sorted(owners[key]))} and {', '.join(sorted(others))}"
        for key, others in sorted(world_owners.items())
        if key in owners
    ]
    if clashes:
        sys.exit("names shared by two countries:\n  " + "\n  ".join(clashes))
    # A name two other territories share says nothing: leave it out.
    unique = {key: next(iter(v)) for key, v in world_owners.items() if len(v) == 1}
    text = dumps([_ordered(c) for c in countries])
    return text, _world_module(unique)


_FIELDS = (
    "code",
    "alpha3",
    "name",
    "name_zh",
    "name_ru",
    "aliases",
    "localized_names",
    "region",
    "memberships",
)


def _ordered(country: dict[str, object]) -> dict[str, object]:
    return {field: country[field] for field in _FIELDS}


def _world_module(names: dict[str, str]) -> str:
    lines = [
        '"""',
        "The names of the countries and territories that have no SCO status.",
        "",
        "Generated by scripts/country_names.py from the Unicode CLDR (via Babel),",
        "the UN M49 names (hdx-python-country) and country_converter; do not edit.",
        "Used only to explain a failed lookup, so it is imported only then.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "import functools",
        "from collections.abc import Mapping",
        "",
        "from .models import normalize_key",
        "",
        '__all__ = ["outside_sco"]',
        "",
        "_NAMES: dict[str, tuple[str, ...]] = {",
    ]
    by_country: defaultdict[str, list[str]] = defaultdict(list)
    for key, english in sorted(names.items()):
        by_country[english].append(key)
    for english in sorted(by_country):
        keys = ", ".join(json.dumps(k, ensure_ascii=False) for k in by_country[english])
        lines.append(f"    {json.dumps(english, ensure_ascii=False)}: ({keys},),")
    lines += [
        "}",
        '"""English name -> the folded names it is known by."""',
        "",
        "",
        "@functools.cache",
        "def _index() -> Mapping[str, str]:",
        "    return {key: english for english, keys in _NAMES.items() for key in keys}",
        "",
        "",
        "def outside_sco(key: str) -> str | None:",
        '    """The English name of the non-SCO country or territory *key* (folded) names."""',
        "    return _index().get(normalize_key(key))",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    """Write the files, or with --check, say whether they are current."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the files are stale")
    args = parser.parse_args()
    countries, world = build()
    targets = {DATA / "countries.json": countries, WORLD: world}
    stale = [path for path, text in targets.items() if path.read_text(encoding="utf-8") != text]
    if args.check:
        for path in stale:
            print(f"stale: {path.relative_to(ROOT)}")
        sys.exit(1 if stale else 0)
    for path, text in targets.items():
        path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
