"""
Who did what and links to other datasets: organisations' roles in projects,
organisation lookups by name and alias, and project identifiers.
"""

from __future__ import annotations

import json

import attrs
import pytest

import mini
from sco_digital import (
    DataError,
    Dataset,
    Identifier,
    IdentifierScheme,
    OrganizationParticipant,
    OrganizationRole,
    Project,
    UnknownKeyError,
    _convert,
)
from sco_digital.export import to_records

GCDF = IdentifierScheme.AIDDATA_GCDF_3


def _linked() -> Dataset:
    """The mini dataset with roles on the cable and AidData ids on two projects."""
    projects = {p.id: p for p in mini.projects()}
    projects["cable"] = attrs.evolve(
        projects["cable"],
        organizations=("caict", "sco-secretariat"),
        organization_roles=(
            OrganizationParticipant(organization="caict", role=OrganizationRole.FINANCIER),
            OrganizationParticipant(organization="caict", role=OrganizationRole.OPERATOR),
            OrganizationParticipant(
                organization="sco-secretariat", role=OrganizationRole.CONTRACTOR
            ),
        ),
        identifiers=(Identifier(scheme=GCDF, id="70878"), Identifier(scheme=GCDF, id="70881")),
    )
    projects["center"] = attrs.evolve(
        projects["center"], identifiers=(Identifier(scheme=GCDF, id="42401"),)
    )
    organizations = mini.organizations()
    organizations[0] = attrs.evolve(organizations[0], aliases=("CAICT", "China Academy of ICT"))
    return Dataset(
        sources=mini.sources(),
        countries=mini.countries(),
        organizations=organizations,
        projects=list(projects.values()),
        indicators=mini.indicators(),
        conflicts=mini.conflicts(),
    )


@pytest.fixture(scope="module")
def ds() -> Dataset:
    found = _linked()
    found.validate()
    return found


def ids(projects: tuple[Project, ...]) -> list[str]:
    return [p.id for p in projects]


class TestOrganizationLookup:
    @pytest.mark.parametrize(
        "key", ["caict", "CAICT", "caict ", "China Academy of ICT", "CHINA ACADEMY OF ICT."]
    )
    def test_by_id_name_or_alias(self, ds: Dataset, key: str) -> None:
        """An organisation is found by id, name or alias, ignoring case and punctuation."""
        assert "caict" == ds.organization(key).id

    def test_record_itself(self, ds: Dataset) -> None:
        """An Organization record finds itself."""
        assert "caict" == ds.organization(ds.organization("caict")).id

    def test_unknown_suggests(self, ds: Dataset) -> None:
        """An unknown organisation raises with the user's spelling and close names."""
        with pytest.raises(UnknownKeyError) as info:
            ds.organization("CAICTT")
        assert (
            "unknown organization 'CAICTT'; did you mean"
            " 'China Academy of Information and Communications Technology'?"
        ) == str(info.value)
        assert ("organization", "CAICTT") == (info.value.kind, info.value.key)

    def test_get_default(self, ds: Dataset) -> None:
        """get_organization gives the default instead of raising."""
        assert ds.get_organization("nobody") is None
        assert "none" == ds.get_organization("nobody", "none")


class TestByOrganization:
    def test_every_role(self, ds: Dataset) -> None:
        """by_organization gives the projects an organisation takes part in, by id."""
        assert ["cable", "center", "center-branch"] == ids(ds.by_organization("CAICT"))

    @pytest.mark.parametrize(
        ("role", "expected"),
        [
            ("financier", ["cable"]),
            ("Lender", ["cable"]),
            (OrganizationRole.OPERATOR, ["cable"]),
            ("host institution", ["center-branch"]),
        ],
    )
    def test_by_role(self, ds: Dataset, role: str, expected: list[str]) -> None:
        """With a role, only projects where a source gives the organisation that role."""
        assert expected == ids(ds.by_organization("caict", role=role))

    def test_unknown_role(self, ds: Dataset) -> None:
        """An unknown role raises with suggestions."""
        with pytest.raises(UnknownKeyError, match="unknown organization role 'financer'"):
            ds.by_organization("caict", role="financer")

    def test_filter_accepts_alias(self, ds: Dataset) -> None:
        """filter(organization=...) takes the same spellings."""
        assert ["cable"] == ids(
            ds.filter(organization="China Academy of ICT", kind="infrastructure")
        )

    def test_roles_of(self, ds: Dataset) -> None:
        """A project answers which roles an organisation plays in it."""
        cable = ds.project("cable")
        assert {
            OrganizationRole.FINANCIER,
            OrganizationRole.OPERATOR,
        } == cable.organization_roles_of("caict")
        assert frozenset() == ds.project("center").organization_roles_of("caict")


class TestByIdentifier:
    @pytest.mark.parametrize(
        ("scheme", "key", "expected"),
        [
            ("aiddata-gcdf-3", "70878", ["cable"]),
            ("aiddata_gcdf_3", 70881, ["cable"]),
            ("GCDF 3.0", "42401", ["center"]),
            (GCDF, "99999", []),
        ],
    )
    def test_lookup(self, ds: Dataset, scheme: str, key: str | int, expected: list[str]) -> None:
        """A project is found by any of its identifiers; an absent id gives ()."""
        assert expected == ids(ds.by_identifier(scheme, key))

    def test_unknown_scheme(self, ds: Dataset) -> None:
        """An unknown scheme raises with suggestions."""
        with pytest.raises(UnknownKeyError) as info:
            ds.by_identifier("aiddata gcdf 2", "1")
        assert str(info.value).startswith("unknown identifier scheme 'aiddata gcdf 2'")


class TestRules:
    def test_broken(self) -> None:
        """Roles for other organisations, shared identifiers and shared names."""
        good = _linked()
        cable = good.project("cable")
        broken_cable = attrs.evolve(
            cable,
            organizations=("caict",),
            identifiers=(*cable.identifiers, Identifier(scheme=GCDF, id="42401")),
        )
        secretariat = attrs.evolve(good.organization("sco-secretariat"), aliases=("caict",))
        broken = attrs.evolve(
            good,
            projects=[
                broken_cable,
                *(p for p in good.projects if p.id != "cable"),
            ],
            organizations=[good.organization("caict"), secretariat],
        )
        with pytest.raises(DataError) as info:
            broken.validate()
        assert [
            "organizations.json['sco-secretariat']: the name 'caict' also belongs to caict",
            "projects.json['cable'].organization_roles[2].organization:"
            " 'sco-secretariat' is not one of the project's organizations",
            "projects.json['center'].identifiers[0]: aiddata_gcdf_3 '42401' also identifies cable",
        ] == [str(p) for p in info.value.problems]

    def test_repeated_role_refused(self) -> None:
        """The same organisation and role twice in one project is an error."""
        part = OrganizationParticipant(organization="caict", role=OrganizationRole.FINANCIER)
        with pytest.raises(
            ValueError, match=r"organization_roles\[1\]: organization_roles\[0\] is repeated"
        ):
            attrs.evolve(mini.projects()[0], organization_roles=(part, part))


class TestJson:
    def test_empty_fields_omitted(self) -> None:
        """A project without roles or identifiers is written without those keys."""
        written = _convert.unstructure(mini.projects()[0])
        assert "organization_roles" not in written
        assert "identifiers" not in written

    def test_round_trip(self, ds: Dataset) -> None:
        """Roles and identifiers are written last, as objects, and read back equal."""
        cable = ds.project("cable")
        written = _convert.unstructure(cable)
        assert ["sources", "note", "organization_roles", "identifiers"] == list(written)[-4:]
        assert [
            {"organization": "caict", "role": "financier"},
            {"organization": "caict", "role": "operator"},
            {"organization": "sco-secretariat", "role": "contractor"},
        ] == written["organization_roles"]
        assert [
            {"scheme": "aiddata_gcdf_3", "id": "70878"},
            {"scheme": "aiddata_gcdf_3", "id": "70881"},
        ] == written["identifiers"]
        assert cable == _convert.structure(json.loads(json.dumps(written)), Project)

    def test_bad_role_located(self) -> None:
        """An unknown role is refused with its path."""
        raw = _convert.unstructure(mini.projects()[0])
        raw["organization_roles"] = [{"organization": "caict", "role": "banker"}]
        with pytest.raises(Exception) as info:  # noqa: PT011 - the problems are checked below
            _convert.structure(raw, Project)
        assert [(".organization_roles[0].role", "'banker' is not a known organization role")] == [
            (path, message) for path, message in _convert.problems_of(info.value)
        ]


class TestExport:
    def test_tables(self, ds: Dataset) -> None:
        """The roles and identifiers tables hold one row per pair, in order."""
        assert [
            {"project": "cable", "organization": "caict", "role": "financier", "position": 1},
            {"project": "cable", "organization": "caict", "role": "operator", "position": 2},
            {
                "project": "cable",
                "organization": "sco-secretariat",
                "role": "contractor",
                "position": 3,
            },
            {
                "project": "center-branch",
                "organization": "caict",
                "role": "host_institution",
                "position": 1,
            },
        ] == to_records(ds, "project_organization_roles")
        assert [
            {"project": "cable", "scheme": "aiddata_gcdf_3", "identifier": "70878", "position": 1},
            {"project": "cable", "scheme": "aiddata_gcdf_3", "identifier": "70881", "position": 2},
            {"project": "center", "scheme": "aiddata_gcdf_3", "identifier": "42401", "position": 1},
            {
                "project": "center-branch",
                "scheme": "aiddata_gcdf_3",
                "identifier": "90001",
                "position": 1,
            },
        ] == to_records(ds, "project_identifiers")
