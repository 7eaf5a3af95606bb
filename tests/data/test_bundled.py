"""
The bundled data: canonical files, a manifest that matches them, complete
citations, and the facts the research register documents (REPORT.md of
the register: the seed facts of section 4, the conflicts of section 7 and
the seed-only facts of section 8).
"""

from __future__ import annotations

import json
import re
from importlib.resources import files
from typing import Any

import pytest

import sco_digital as sd
from sco_digital._convert import unstructure
from sco_digital._json import dumps
from sco_digital._registry import FILES

SEED = "pd-seed-2025-08-29"
SEED_PUBLISHER = "People's Daily"
SEED_ONLY_MARK = "Reported only by the seed article"
CALVER = re.compile(r"\d{4}\.\d{2}\.\d{2}(\.\d+)?\Z")


def _read(name: str) -> bytes:
    return files("sco_digital").joinpath("data", name).read_bytes()


@pytest.fixture(scope="module")
def ds() -> sd.Dataset:
    return sd.load()


def _record(ds: sd.Dataset, key: str) -> Any:
    """The project, organisation, indicator or country called *key*."""
    for lookup in (ds.project, ds.organization, ds.indicator, ds.country):
        try:
            return lookup(key)
        except sd.UnknownKeyError:
            continue
    raise AssertionError(key)


class TestFiles:
    @pytest.mark.parametrize("name", sorted(FILES.values()))
    def test_canonical(self, ds: sd.Dataset, name: str) -> None:
        """Each file is exactly what the package's converter writes for its records."""
        records = getattr(ds, name.removesuffix(".json"))
        expected = dumps(unstructure(list(records)))
        assert expected.encode("utf-8") == _read(name)

    @pytest.mark.parametrize("name", sorted(FILES.values()))
    def test_sorted_by_id(self, name: str) -> None:
        """Records are stored in id order (countries by code), without duplicates."""
        keys = [r.get("id", r.get("code")) for r in json.loads(_read(name))]
        assert sorted(set(keys)) == keys

    def test_manifest(self, ds: sd.Dataset) -> None:
        """The manifest's counts match the files and its version is CalVer."""
        manifest = json.loads(_read("manifest.json"))
        assert {
            name.removesuffix(".json"): len(json.loads(_read(name))) for name in FILES.values()
        } == manifest["counts"]
        assert CALVER.match(manifest["data_version"])
        assert manifest["data_version"] == sd.DATA_VERSION == ds.data_version
        assert "CC-BY-4.0" == manifest["license"]
        assert dumps(manifest).encode("utf-8") == _read("manifest.json")

    def test_validates(self, ds: sd.Dataset) -> None:
        """No cross-record rule is broken: references resolve, every source is cited."""
        assert () == ds.problems()


class TestCoverage:
    def test_minimum_counts(self, ds: sd.Dataset) -> None:
        """The counts issue 3 asks for."""
        with_history = [c for c in ds.countries if c.memberships]
        assert len(with_history) >= 27
        assert len(ds.projects) >= 55
        assert len(ds.indicators) >= 60
        assert len(ds.organizations) >= 30

    def test_every_record_cites_a_source(self, ds: sd.Dataset) -> None:
        """Every membership, organisation, project, indicator and conflict cites a known source."""
        known = {s.id for s in ds.sources}
        cited = [m.sources for c in ds.countries for m in c.memberships]
        for table in (ds.organizations, ds.projects, ds.indicators, ds.conflicts):
            cited += [r.sources for r in table]
        assert all(ids and set(ids) <= known for ids in cited)

    def test_every_source_is_cited(self, ds: sd.Dataset) -> None:
        """No source is listed without a record resting on it."""
        assert [] == [s.id for s in ds.sources if not ds.cited_by(s.id)]

    def test_every_source_is_complete(self, ds: sd.Dataset) -> None:
        """Every source has a URL, a publisher and a language tag."""
        for source in ds.sources:
            assert source.url.startswith(("http://", "https://")), source.id
            assert source.publisher.strip(), source.id
            assert re.fullmatch(r"[a-z]{2,3}(-[A-Z][a-z]{3})?", source.language), source.id

    def test_projects_have_technology_and_sector(self, ds: sd.Dataset) -> None:
        """No project is left without a technology or a sector."""
        assert [] == [p.id for p in ds.projects if not p.technologies or not p.sectors]

    def test_umbrellas(self, ds: sd.Dataset) -> None:
        """Luban Workshops, the Karamay sub-centre and the Karamay meetings have parents."""
        workshops = {p.id for p in ds.projects if p.id.startswith("luban-workshop-")}
        assert workshops == {p.id for p in ds.children("luban-workshops-sco-network")}
        assert 7 == len(workshops)
        assert ("china-sco-big-data-center-xinjiang-branch",) == tuple(
            p.id for p in ds.children("china-sco-big-data-cooperation-center")
        )
        assert [2023, 2024, 2025] == sorted(
            p.started.year
            for p in ds.children("karamay-china-sco-digital-forums")
            if p.started is not None
        )


# Issue 12 strata: SCO documents on ICT and information security, each with the
# day, place and adopting body its sources give; payment links between SCO
# states; and the countries that had no project before.
SCO_DOCUMENTS = {
    "sco-statement-international-information-security-2006": (
        "2006-06-15",
        "Shanghai, China",
        "sco-council-of-heads-of-state",
    ),
    "sco-agreement-international-information-security-2009": (
        "2009-06-16",
        "Yekaterinburg, Russia",
        "sco-council-of-heads-of-state",
    ),
    "sco-infosec-interaction-plan-2024": (
        "2024-07-04",
        "Astana, Kazakhstan",
        "sco-council-of-heads-of-state",
    ),
    "sco-roadmap-national-currencies-settlements": (
        "2022",
        "Samarkand, Uzbekistan",
        "sco-council-of-heads-of-state",
    ),
    "sco-programme-multilateral-trade-economic-cooperation-2003": (
        "2003-09-23",
        "Beijing, China",
        "sco-council-of-heads-of-government",
    ),
    "sco-statement-ai-cooperation-2025": (
        "2025-09-01",
        "Tianjin, China",
        "sco-council-of-heads-of-state",
    ),
    "sco-statement-digital-economy-development-2025": (
        "2025-09-01",
        "Tianjin, China",
        "sco-council-of-heads-of-state",
    ),
    "sco-development-strategy-2025": (
        "2015-07-10",
        "Ufa, Russia",
        "sco-council-of-heads-of-state",
    ),
    "sco-statement-supply-chains-2022": (
        "2022-09-16",
        "Samarkand, Uzbekistan",
        "sco-council-of-heads-of-state",
    ),
}
# Records added for the countries with the fewest projects (data version 2026.11.30).
THIN_COUNTRIES = {
    "BY": {
        "belarus-kazakhstan-hi-tech-park-cooperation",
        "belarus-national-pavilion-chinese-platforms",
        "belarus-uzbekistan-ict-cooperation",
        "csto-information-security-agreement-2017",
        "sco-statement-ai-cooperation-2025",
        "skif-supercomputer-programme",
        "wildberries-eaeu-markets",
    },
    "IR": {
        "iran-china-ict-cooperation-documents",
        "iran-russia-ict-joint-working-group",
        "iran-russia-information-security-agreement-2021",
        "sco-statement-ai-cooperation-2025",
    },
    "KW": {"huawei-seeds-for-the-future-meca-2024", "kuwait-china-e-commerce-mou-2018"},
}
# Training, telemedicine and e-commerce records, each with the technology that defines it.
TRAINING_HEALTH_TRADE = {
    "alibaba-daraz-pakistan": sd.Technology.E_COMMERCE,
    "aliexpress-russia-joint-venture": sd.Technology.E_COMMERCE,
    "belarus-national-pavilion-chinese-platforms": sd.Technology.E_COMMERCE,
    "china-sco-institute-of-economy-and-trade": sd.Technology.E_COMMERCE,
    "huawei-seeds-for-the-future-meca-2024": sd.Technology.VOCATIONAL_TRAINING,
    "india-central-asia-e-network-proposal": sd.Technology.TELEMEDICINE,
    "india-kyrgyz-centre-for-it": sd.Technology.VOCATIONAL_TRAINING,
    "india-tajikistan-it-centre-dushanbe": sd.Technology.VOCATIONAL_TRAINING,
    "india-un-kyrgyzstan-maternal-telemedicine": sd.Technology.TELEMEDICINE,
    "kashgar-gilgit-hospital-mou-2024": sd.Technology.TELEMEDICINE,
    "pakistan-sco-cross-border-e-commerce-platform-mou-2021": sd.Technology.E_COMMERCE,
    "wildberries-eaeu-markets": sd.Technology.E_COMMERCE,
}
PAYMENT_PARTNERS = {
    "arca-mir-armenia": {"AM", "RU"},
    "india-iran-rupee-payment-mechanism": {"IN", "IR"},
    "mbridge": {"AE", "CN", "SA", "TR"},
    "mir-mongolia": {"MN", "RU"},
    "mir-shetab-link": {"IR", "RU"},
    "rupay-bahrain": {"BH", "IN"},
    "rupay-maldives": {"IN", "MV"},
    "rupay-saudi-arabia-mou": {"IN", "SA"},
    "russia-china-national-currency-settlement-2011": {"CN", "RU"},
    "sepam-spfs-link": {"IR", "RU"},
    "unionpay-lapnet-qr-laos": {"CN", "LA"},
    "upi-qatar": {"IN", "QA"},
    "upi-sri-lanka": {"IN", "LK"},
    "upi-uae": {"AE", "IN"},
}


class TestStrata:
    @pytest.mark.parametrize(("key", "expected"), sorted(SCO_DOCUMENTS.items()))
    def test_sco_documents(self, ds: sd.Dataset, key: str, expected: tuple[str, str, str]) -> None:
        """Each SCO document records when, where and by which body it was adopted."""
        project = ds.project(key)
        started, location, body = expected
        assert (started, location) == (str(project.started), project.location)
        assert body in project.organizations
        assert ds.corroboration(project) >= 2

    @pytest.mark.parametrize(("key", "countries"), sorted(PAYMENT_PARTNERS.items()))
    def test_payment_links(self, ds: sd.Dataset, key: str, countries: set[str]) -> None:
        """Each payment link joins the countries its sources name, in finance."""
        project = ds.project(key)
        assert countries == set(project.countries)
        assert sd.Technology.DIGITAL_PAYMENTS in project.technologies
        assert sd.Sector.FINANCE in project.sectors
        assert ds.corroboration(project) >= 2

    def test_formerly_absent_countries(self, ds: sd.Dataset) -> None:
        """The partners that had no project in data version 2026.11.26 now have one."""
        formerly_absent = ["AE", "AM", "BH", "LA", "LK", "MN", "MV", "QA", "SA", "TR"]
        assert [] == [code for code in formerly_absent if not ds.by_country(code)]

    def test_before_2015(self, ds: sd.Dataset) -> None:
        """The records of SCO cooperation begun before 2015."""
        early = {p.id for p in ds.projects if p.started is not None and p.started.year < 2015}
        assert {
            "cis-information-security-agreement-2013",
            "india-central-asia-e-network-proposal",
            "india-iran-rupee-payment-mechanism",
            "india-tajikistan-it-centre-dushanbe",
            "india-uzbekistan-centre-for-it",
            "international-code-of-conduct-information-security",
            "russia-china-ict-subcommission-2011",
            "russia-china-national-currency-settlement-2011",
            "russian-post-china-post-memorandum-2013",
            "sco-agreement-international-information-security-2009",
            "sco-economic-cooperation-website",
            "sco-it-working-group-2006",
            "sco-programme-multilateral-trade-economic-cooperation-2003",
            "sco-statement-international-information-security-2006",
            "sco-university",
            "skif-supercomputer-programme",
        } <= early

    @pytest.mark.parametrize(("code", "added"), sorted(THIN_COUNTRIES.items()))
    def test_thin_countries(self, ds: sd.Dataset, code: str, added: set[str]) -> None:
        """Belarus and Iran take part in eight or more projects, Kuwait in two or more."""
        keys = {p.id for p in ds.by_country(code)}
        assert added <= keys
        assert len(keys) >= (2 if code == "KW" else 8)

    @pytest.mark.parametrize(("key", "technology"), sorted(TRAINING_HEALTH_TRADE.items()))
    def test_training_health_trade(
        self, ds: sd.Dataset, key: str, technology: sd.Technology
    ) -> None:
        """Each training, telemedicine or e-commerce record carries that technology."""
        assert technology in ds.project(key).technologies


# REPORT.md section 4: each seed fact and the records that carry it.
SEED_FACTS = {
    1: ("xinjiang-paperless-animal-quarantine-app",),
    3: ("china-sco-big-data-cooperation-center",),
    4: ("karamay-trainees", "karamay-trainee-institutions"),
    5: ("china-sco-big-data-center-xinjiang-branch", "uzbekistan-ministry-of-digital-technologies"),
    6: ("china-kyrgyzstan-uzbekistan-fiber-cable", "latency-reduction"),
    7: ("beidou-cloud-suez-canal-economic-zone",),
    8: ("soho-cloud", "soho-buyers", "soho-suppliers", "jiangsu-soho-e-commerce"),
    9: ("soho-cloud",),
    10: ("cbec-imports-sco-growth-2024",),
    11: (
        "uzbekistan-ecommerce-crossborder-logistics",
        "tianjin-cross-border-digital-trade-park-uzbekistan",
    ),
    12: ("scoda-silk-road-ecommerce-base", "scoda-qingdao"),
    13: (
        "seca-cross-border-e-signature",
        "seca-clients",
        "shanghai-electronic-certificate-authority",
    ),
    14: ("suez-canal-economic-zone", "beidou-cloud-suez-canal-economic-zone"),
    16: ("luban-workshop-tajikistan",),
    17: ("luban-in-sco", "luban-workshops-sco-network"),
    18: ("luban-workshop-kazakhstan-ektu", "ektu"),
    19: ("luban-workshop-kazakhstan-ektu",),
    20: ("xian-tcm-teleconsultation-2025-08-13",),
    21: ("xian-tcm-encephalopathy-telemedicine", "xian-tcm-hospital-of-encephalopathy"),
}


class TestSeed:
    @pytest.mark.parametrize(("fact", "keys"), sorted(SEED_FACTS.items()))
    def test_seed_facts_cite_the_seed(
        self, ds: sd.Dataset, fact: int, keys: tuple[str, ...]
    ) -> None:
        """Every seed fact tied to a project is held by records that cite the seed article."""
        for key in keys:
            assert SEED in _record(ds, key).sources, (fact, key)

    def test_general_seed_claims(self, ds: sd.Dataset) -> None:
        """Facts 1, 2 and 15, which name no project, are kept in the seed source's note."""
        note = ds.source(SEED).note or ""
        for words in ("Digital Silk Road", "Internet of Things", "clinics", "border"):
            assert words in note

    def test_seed_is_one_publisher(self, ds: sd.Dataset) -> None:
        """The seed and the pages that reprint it count as one outlet."""
        assert (SEED_PUBLISHER,) == ds.publishers(ds.project("soho-cloud"))

    @pytest.mark.parametrize(
        "key",
        [
            "seca-cross-border-e-signature",
            "seca-clients",
            "shanghai-electronic-certificate-authority",
            "xian-tcm-teleconsultation-2025-08-13",
        ],
    )
    def test_seed_only_records(self, ds: sd.Dataset, key: str) -> None:
        """REPORT.md section 8: seed-only records rest on one publisher."""
        record = _record(ds, key)
        assert 1 == ds.corroboration(record)
        assert (SEED_PUBLISHER,) == ds.publishers(record)
        assert SEED_ONLY_MARK in (record.note or "")

    def test_seed_only_notes(self, ds: sd.Dataset) -> None:
        """Every note that flags a seed-only fact belongs to a record citing the seed."""
        flagged = {
            r.id
            for table in (ds.projects, ds.organizations, ds.indicators)
            for r in table
            if SEED_ONLY_MARK in (r.note or "")
        }
        assert {
            "china-sco-big-data-center-xinjiang-branch",
            "luban-workshops-sco-network",
            "seca-clients",
            "seca-cross-border-e-signature",
            "shanghai-electronic-certificate-authority",
            "tianjin-cross-border-digital-trade-park-uzbekistan",
            "uzbekistan-ecommerce-crossborder-logistics",
            "xian-tcm-teleconsultation-2025-08-13",
        } == flagged
        assert all(SEED in _record(ds, key).sources for key in flagged)


# REPORT.md section 7 (C1-C21) and the conflicts found since (C22 on, each
# helper in its own number range): the conflict's id and one record it concerns.
CONFLICTS = {
    1: ("c01-laos-status-wording", "LA"),
    2: ("c02-latency-reduction-attribution", "latency-reduction"),
    3: ("c03-belarus-dialogue-partner-start", "BY"),
    4: ("c04-belarus-membership-date", "BY"),
    5: ("c05-karamay-sub-centre-launch", "china-sco-big-data-center-xinjiang-branch"),
    6: ("c06-karamay-training-scope", "karamay-trainee-institutions"),
    7: ("c07-cross-border-ecommerce-growth", "cbec-with-sco-growth-khabarasia"),
    8: ("c08-china-sco-trade-2024", "cn-sco-trade-2024-usd-cgtn"),
    9: ("c09-soho-operator-name", "jiangsu-soho-e-commerce"),
    10: ("c10-luban-workshop-totals", "luban-worldwide-tianjin"),
    11: ("c11-tajikistan-luban-start", "luban-workshop-tajikistan"),
    12: ("c12-kazakhstan-first-luban-workshop", "luban-workshop-kazakhstan-ektu"),
    13: ("c13-tianjin-forum-attendance", "de-forum-2025-guests"),
    14: ("c14-almaty-ict-ministers-meeting", "sco-ict-ministers-meetings"),
    15: ("c15-pakistan-china-ofc", "pk-ofc-gilgit-baltistan-length-propakistani"),
    16: ("c16-xinjiang-telemedicine-start", "xinjiang-cross-border-telemedicine-platform"),
    17: ("c17-nepal-memorandum-signatory", "NP"),
    18: ("c18-dialogue-partners-2022-candidates", "MV"),
    19: ("c19-sco-counts-july-2023", "sco-dialogue-partners-sputnik-2023"),
    20: ("c20-sco-family-size", "sco-family-size-pd-commentary"),
    21: ("c21-uzbek-luban-partner-name", "tashkent-state-transport-university"),
    22: ("c22-pakistan-cable-opening", "pakistan-china-optical-fiber-cable"),
    23: ("c23-luban-totals-scope", "luban-students"),
    24: ("c24-tianjin-summit-documents", "tianjin-summit-documents-signed-akorda"),
    25: ("c25-sri-lanka-dialogue-partner-start", "LK"),
    26: ("c26-saudi-dialogue-partner-start", "SA"),
    27: ("c27-observers-2005", "PK"),
    50: ("c50-almaty-fibre-proposal-day", "ru-kz-ir-fiber-proposal"),
    51: ("c51-almaty-luban-workshop-opening", "luban-workshop-kazakhstan-almaty-logistics"),
    80: ("c80-laosat-1-ownership", "laosat-1-satellite"),
    110: ("c110-maldives-upi-launch", "rupay-maldives"),
    111: ("c111-india-iran-rupee-start", "india-iran-rupee-payment-mechanism"),
    140: ("c140-seeds-uzbekistan-start", "huawei-seeds-for-the-future-uzbekistan"),
    141: ("c141-india-uzbekistan-it-centre-start", "india-uzbekistan-centre-for-it"),
    170: ("c170-spfs-bank-count-scope", "spfs-connected-banks-2023"),
    171: ("c171-sco-currency-roadmap-initiator", "sco-roadmap-national-currencies-settlements"),
    200: ("c200-best-234-million", "best-belarus-mobile-network"),
    201: ("c201-sco-institute-training-sessions", "cscoiet-training-sessions"),
    202: ("c202-lotus-tower-public-opening", "colombo-lotus-tower"),
    203: ("c203-lotus-tower-height", "colombo-lotus-tower-height"),
    204: ("c204-huawei-first-middle-east-data-centre", "huawei-cloud-riyadh-region"),
    205: ("c205-central-asia-e-network-countries", "india-central-asia-e-network-proposal"),
    206: ("c206-iran-russia-ict-group-fifth-meeting-days", "iran-russia-ict-joint-working-group"),
    230: ("c230-uzbektelecom-2012-cdb-loan", "uzbektelecom-cdma-fttx-loan"),
    231: ("c231-peace-cable-length", "peace-cable-length"),
    260: ("c260-wakhan-fibre-length-funding", "china-telecom-silk-road-optical-cable"),
    261: ("c261-rupay-maldives-launch-day", "rupay-maldives"),
    262: ("c262-mbridge-first-payment-amount", "mbridge-uae-china-first-transaction"),
    263: ("c263-mbridge-first-uae-china-payment", "mbridge"),
}


class TestConflicts:
    def test_all_documented(self, ds: sd.Dataset) -> None:
        """Every conflict of the register, and no other, is a Conflict record."""
        assert sorted(cid for cid, _ in CONFLICTS.values()) == [c.id for c in ds.conflicts]

    @pytest.mark.parametrize(("number", "entry"), sorted(CONFLICTS.items()))
    def test_findable(self, ds: sd.Dataset, number: int, entry: tuple[str, str]) -> None:
        """Each conflict is found from a record it concerns, and that record is disputed."""
        conflict_id, key = entry
        conflict = ds.conflict(conflict_id)
        assert conflict in ds.conflicts_for(key), number
        assert _record(ds, key) in ds.disputed()
        assert len(conflict.sources) >= 2

    def test_disputed_records_name_their_conflicts(self, ds: sd.Dataset) -> None:
        """Every record of every conflict is in disputed() and leads back to the conflict."""
        disputed = ds.disputed()
        for conflict in ds.conflicts:
            for key in conflict.records:
                assert _record(ds, key) in disputed
                assert conflict in ds.conflicts_for(key)
