"""
The vocabulary terms the register's data needs, and the register's raw labels
(tests/data/register_labels.json) mapped onto them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

import sco_digital as sd
from sco_digital import (
    OrganizationKind,
    ProjectKind,
    ProjectStatus,
    Role,
    Sector,
    Technology,
    Unit,
    Vocabulary,
)

LABELS: dict[str, Any] = json.loads(
    (Path(__file__).parent / "register_labels.json").read_text(encoding="utf-8")
)
VOCABULARIES: dict[str, type[Vocabulary]] = {
    "technology": Technology,
    "sector": Sector,
    "role": Role,
    "project_kind": ProjectKind,
    "project_status": ProjectStatus,
}
PLAIN = re.compile(r"[^/()0-9]+\Z")


@pytest.fixture(scope="module")
def ds() -> sd.Dataset:
    return sd.load()


class TestNewTerms:
    @pytest.mark.parametrize(
        ("vocabulary", "key", "expected"),
        [
            (Role, "transit", Role.TRANSIT),
            (Role, "Transit country", Role.TRANSIT),
            (Unit, "m", Unit.METRES),
            (Unit, "metres", Unit.METRES),
            (Unit, "meters", Unit.METRES),
            (OrganizationKind, "technopark", OrganizationKind.TECHNOPARK),
            (OrganizationKind, "Innovation hub", OrganizationKind.TECHNOPARK),
            (ProjectStatus, "rolling out", ProjectStatus.UNDER_CONSTRUCTION),
            (ProjectKind, "e-commerce platform", ProjectKind.PLATFORM),
            (ProjectKind, "health service", ProjectKind.SERVICE),
            (ProjectKind, "ministerial mechanism", ProjectKind.INSTITUTION),
        ],
    )
    def test_lookup(self, vocabulary: type[Vocabulary], key: str, expected: Vocabulary) -> None:
        """New terms and aliases are found by slug, label and alias."""
        assert expected is vocabulary.lookup(key)

    def test_metres(self, ds: sd.Dataset) -> None:
        """The Wakhan altitude is stored in metres, as its source gives it."""
        altitude = ds.indicator("wakhan-corridor-altitude")
        assert (4000.0, Unit.METRES) == (altitude.value, altitude.unit)
        assert "more than 4,000 m" == altitude.text

    def test_transit(self, ds: sd.Dataset) -> None:
        """Countries a cable or route crosses are transit countries."""
        cable = ds.project("china-kyrgyzstan-uzbekistan-fiber-cable")
        assert frozenset({Role.TRANSIT}) == cable.roles_of("KG")
        route = ds.project("ru-kz-ir-fiber-proposal")
        assert frozenset({Role.PROPOSER, Role.TRANSIT}) == route.roles_of("KZ")

    def test_technopark(self, ds: sd.Dataset) -> None:
        """Astana Hub is a technology park, not an association."""
        assert OrganizationKind.TECHNOPARK is ds.organization("astana-hub").kind

    def test_rolling_out(self, ds: sd.Dataset) -> None:
        """A payment link that is being rolled out is under construction."""
        assert ProjectStatus.UNDER_CONSTRUCTION is ds.project("humo-alipay-plus").status


def _labels(name: str) -> list[tuple[str, list[str] | None]]:
    return sorted(LABELS[name].items())


class TestRegisterLabels:
    @pytest.mark.parametrize("name", sorted(VOCABULARIES))
    def test_terms_exist(self, name: str) -> None:
        """Every term a raw label maps to is a slug of its vocabulary."""
        slugs = {term.value for term in VOCABULARIES[name]}
        for label, terms in _labels(name):
            assert terms is None or set(terms) <= slugs, label

    @pytest.mark.parametrize("name", sorted(VOCABULARIES))
    def test_plain_labels_resolve(self, name: str) -> None:
        """A plain raw label (one term, no slash or aside) is found by lookup()."""
        vocabulary = VOCABULARIES[name]
        judged = LABELS["judged"].get(name, {})
        for label, terms in _labels(name):
            if terms is None or len(terms) != 1 or not PLAIN.match(label):
                continue
            try:
                found: str | None = vocabulary.lookup(label).value
            except sd.UnknownKeyError:
                found = None
            assert (found != terms[0]) == (label in judged), label

    def test_every_project_term_is_a_register_term(self, ds: sd.Dataset) -> None:
        """The technologies, sectors and roles of the data all come from the mapping."""
        mapped = {
            name: {slug for terms in LABELS[name].values() if terms for slug in terms}
            for name in ("technology", "sector", "role")
        }
        # Added with the AidData-based infrastructure records (issue 12), which the
        # register does not hold: no register label maps to it.
        beyond_register = {"mobile_networks"}
        technologies = {t.value for p in ds.projects for t in p.technologies}
        assert technologies <= mapped["technology"] | beyond_register
        assert {s.value for p in ds.projects for s in p.sectors} <= mapped["sector"]
        assert {x.role.value for p in ds.projects for x in p.participants} <= mapped["role"]
