"""
The records of the dataset: frozen attrs classes, their vocabularies and
`PartialDate`.

Records are immutable, slotted, keyword-only and hashable; their collections
are tuples and frozensets. Each field validator checks one field and gives a
one-line message; the rules that span records (references, source coverage,
membership order) live in `sco_digital.Dataset.validate`.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from ._coerce import as_day, as_real, wrong_type
from .errors import UnknownKeyError

if TYPE_CHECKING:  # typing_extensions costs 1.6 ms to import; Self is only an annotation
    from typing_extensions import Self

__all__ = [
    "Conflict",
    "Country",
    "CountryName",
    "Identifier",
    "IdentifierScheme",
    "Indicator",
    "Interval",
    "Membership",
    "Organization",
    "OrganizationKind",
    "OrganizationParticipant",
    "OrganizationRole",
    "PartialDate",
    "Participant",
    "Project",
    "ProjectKind",
    "ProjectStatus",
    "Qualifier",
    "Region",
    "Role",
    "Source",
    "SourceKind",
    "Status",
    "Technology",
    "Unit",
    "Vocabulary",
]

_V = TypeVar("_V", bound="Vocabulary")
_T = TypeVar("_T")


# -- key normalisation --------------------------------------------------------

_NOT_ASCII_ALNUM = re.compile(r"[^0-9A-Za-z]+")

APOSTROPHES = (
    "'`\u00b4\u02b9\u02bb\u02bc\u02bd\u02be\u02bf\u02c8"
    "\u055a\u2018\u2019\u201b\u2032\ua78b\ua78c\uff07"
)
"""
Apostrophe-like letters, which lookups drop: U+0027 and the grave and acute
accents that people type for them, the modifier letters (U+02BB turned comma,
which Uzbek writes in "Oʻzbekiston"; U+02BC apostrophe; U+02B9 prime, used to
transliterate the Cyrillic soft sign; U+02C8 vertical line), the Armenian
apostrophe, the curly quotes, the prime, the saltillo and the full-width
apostrophe.
"""

_DROP_APOSTROPHES = dict.fromkeys(map(ord, APOSTROPHES))


def normalize_key(text: str) -> str:
    """
    Fold *text* for case-, accent- and punctuation-insensitive lookups.

    "Türkiye", "turkiye" and "TURKIYE" fold alike, as do "e-commerce" and
    "E Commerce", and "O'zbekiston" and "Oʻzbekiston" (apostrophe-like
    letters, `APOSTROPHES`, are dropped). Letters of every script are kept,
    so "Россия" and "俄罗斯" are still distinct keys. Text with no letters
    or digits at all ("%", ">=") is only case-folded and stripped.
    """
    if isinstance(text, str) and text.isascii():
        # The same result as _fold_unicode, 5x faster, for the common case:
        # NFKD leaves ASCII as it is, no ASCII character is combining, the
        # ASCII characters that are alphanumeric are [0-9A-Za-z], and
        # casefold() is lower(). tests/unit/test_fast_paths.py compares the two.
        kept = _NOT_ASCII_ALNUM.sub(" ", text.translate(_DROP_APOSTROPHES))
        return " ".join(kept.lower().split()) or text.strip().lower()
    return _fold_unicode(text)


def _fold_unicode(text: str) -> str:
    # Apostrophes go first: NFKD would split U+00B4 into a space and an accent.
    decomposed = unicodedata.normalize("NFKD", str.translate(text, _DROP_APOSTROPHES))
    kept = "".join(
        ch if ch.isalnum() else " " for ch in decomposed if not unicodedata.combining(ch)
    )
    return " ".join(kept.casefold().split()) or text.strip().casefold()


# -- vocabularies --------------------------------------------------------------


class Vocabulary(str, enum.Enum):
    """
    Base of every controlled vocabulary.

    A member's value is its stable slug (``"5g"``, ``"fiber_optics"``); it
    also has a human `label`, a one-sentence `definition` and `aliases`.
    Members are strings, so ``Technology.FIBER_OPTICS == "fiber_optics"``.

    .. versionadded:: 0.1.0
    """

    _value_: str
    label: str
    definition: str
    aliases: tuple[str, ...]

    def __new__(  # noqa: D102 - members are declared, not constructed
        cls,
        value: str,
        label: str,
        definition: str,
        aliases: tuple[str, ...] = (),
    ) -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        member.definition = definition
        member.aliases = aliases
        return member

    def __setattr__(self, name: str, value: object) -> None:
        if self._is_built():
            msg = f"cannot set {name!r}: {type(self).__name__}.{self._name_} is read-only"
            raise AttributeError(msg)
        super().__setattr__(name, value)

    def __delattr__(self, name: str) -> None:
        if self._is_built():
            msg = f"cannot delete {name!r}: {type(self).__name__}.{self._name_} is read-only"
            raise AttributeError(msg)
        super().__delattr__(name)

    def _is_built(self) -> bool:
        # Enum sets a member's attributes while it builds the class, and only
        # then puts the member in _member_map_; from there on it is shared.
        name = self.__dict__.get("_name_")
        return name is not None and type(self)._member_map_.get(name) is self

    def __str__(self) -> str:
        return self._value_

    def __format__(self, spec: str) -> str:
        return format(self._value_, spec)

    @classmethod
    def lookup(cls, key: str | Self, argument: str | None = None) -> Self:
        """
        Find a term by its slug, label or any alias, ignoring case, accents
        and punctuation; a term is returned as it is.

        Args:
            key: The term, or its slug, label or alias.
            argument: The name of the caller's argument, for the error
                message (default: the vocabulary's name, e.g. "technology").

        Raises:
            TypeError: *key* is neither a str nor a term of this vocabulary
                (a term of another vocabulary, a list...).
            UnknownKeyError: No term matches; the message suggests close ones.
        """
        if isinstance(key, cls):
            return key
        kind = _kind_name(cls)
        if not isinstance(key, str) or isinstance(key, Vocabulary):
            accepts = f"a {cls.__name__} or its slug, label or alias (a str)"
            raise wrong_type(argument or kind.replace(" ", "_"), accepts, key)
        index = vocabulary_index(cls)
        found = index.get(key) or index.get(normalize_key(key))
        if found is not None:
            return found
        raise UnknownKeyError(kind, key, suggest(key, index, lambda term: term.label))


_VOCABULARY_INDEXES: dict[type[Vocabulary], Mapping[str, Any]] = {}


def vocabulary_index(cls: type[_V]) -> Mapping[str, _V]:
    # Built on first lookup, not at import; two threads racing here build
    # equal dicts and one wins, which is harmless.
    index = _VOCABULARY_INDEXES.get(cls)
    if index is None:
        built: dict[str, _V] = {}
        for term in cls:
            for name in (term.value, term.label, *term.aliases):
                built[name] = term
                built[normalize_key(name)] = term
        index = _VOCABULARY_INDEXES[cls] = MappingProxyType(built)
    return index


def _kind_name(cls: type) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", " ", cls.__name__).lower()


def suggest(
    key: object, index: Mapping[str, _T], display: Callable[[_T], str], n: int = 3
) -> tuple[str, ...]:
    """Return up to *n* display names of the entries of *index* closest to *key*."""
    import difflib  # only on the error path

    if not isinstance(key, str):
        return ()
    # Compare folded forms: an index may hold raw spellings ("soho-cloud"),
    # their folded forms ("soho cloud"), or both.
    entries: dict[str, _T] = {}
    for name, entry in index.items():
        entries.setdefault(normalize_key(name), entry)
    matches = difflib.get_close_matches(normalize_key(key), entries, n=n * 3, cutoff=0.75)
    out: list[str] = []
    for name in matches:
        shown = display(entries[name])
        if shown not in out:
            out.append(shown)
    return tuple(out[:n])


class Status(Vocabulary):
    """
    A country's standing in the SCO.

    .. versionadded:: 0.1.0
    """

    MEMBER = (
        "member",
        "Member state",
        "A full member state of the SCO, taking part in all its decisions.",
        ("member state", "full member"),
    )
    OBSERVER = (
        "observer",
        "Observer state",
        (
            "A state admitted to attend SCO meetings without voting; the category "
            "was merged into 'partner' on 2025-09-01."
        ),
        ("observer state",),
    )
    DIALOGUE_PARTNER = (
        "dialogue_partner",
        "Dialogue partner",
        (
            "A state linked to the SCO by a memorandum on dialogue partnership; "
            "the category was merged into 'partner' on 2025-09-01."
        ),
        ("dialogue partner state",),
    )
    PARTNER = (
        "partner",
        "SCO partner",
        (
            "The single non-member category created at the Tianjin summit of "
            "2025-09-01, replacing observers and dialogue partners."
        ),
        ("sco partner", "partner state"),
    )


class Technology(Vocabulary):
    """
    The digital technologies a project uses or promotes.

    .. versionadded:: 0.1.0
    """

    FIVE_G = (
        "5g",
        "5G",
        "Fifth-generation mobile networks and the services built on them.",
        ("5g network", "5g networks", "5g ambulances", "fifth generation mobile"),
    )
    ARTIFICIAL_INTELLIGENCE = (
        "artificial_intelligence",
        "Artificial intelligence",
        (
            "Systems that learn from data to perceive, predict or decide, "
            "including machine learning and large models."
        ),
        ("ai", "machine learning", "ai applications", "large models"),
    )
    BIG_DATA = (
        "big_data",
        "Big data",
        "Collecting and analysing large data sets to inform decisions.",
        ("data analytics", "big data analytics"),
    )
    BLOCKCHAIN = (
        "blockchain",
        "Blockchain",
        "Shared, tamper-evident ledgers replicated across many parties.",
        ("distributed ledger", "dlt"),
    )
    BRAIN_COMPUTER_INTERFACE = (
        "brain_computer_interface",
        "Brain-computer interfaces",
        "Devices that read brain signals to control computers or prostheses.",
        ("bci",),
    )
    CLOUD_COMPUTING = (
        "cloud_computing",
        "Cloud computing",
        "Computing, storage and software rented on demand over a network.",
        ("cloud", "cloud platforms", "cloud services"),
    )
    CYBERSECURITY = (
        "cybersecurity",
        "Cybersecurity",
        "Protecting systems and data, including encryption of data in transit and at rest.",
        ("data encryption", "encryption", "information security", "data security"),
    )
    DATA_CENTERS = (
        "data_centers",
        "Data centres",
        "Facilities that house servers, storage and network equipment.",
        (
            "data centers",
            "data center",
            "data centre",
            "computing centres",
            "computing power",
        ),
    )
    DATA_SHARING = (
        "data_sharing",
        "Data sharing and governance",
        (
            "Databases, data exchanges, standards and rules for moving data "
            "between organisations and across borders."
        ),
        (
            "data exchange",
            "data governance",
            "data standards",
            "cross-border data flows",
            "database",
            "databases",
            "data infrastructure",
            "data trading",
        ),
    )
    DIGITAL_PAYMENTS = (
        "digital_payments",
        "Digital payments",
        (
            "Paying without cash: cards, mobile wallets, QR codes, contactless "
            "and cross-border payment links."
        ),
        (
            "mobile payments",
            "qr payments",
            "qr code payments",
            "contactless",
            "contactless/nfc",
            "nfc",
            "e-wallet",
            "e-wallets",
            "fintech",
            "cross-border payments",
        ),
    )
    DIGITAL_TRANSFORMATION = (
        "digital_transformation",
        "Digital transformation (general)",
        (
            "Broad programmes to digitise an economy or administration, where "
            "no narrower technology is named."
        ),
        (
            "digitalisation",
            "digitalization",
            "digital economy",
            "ict",
            "information and communication technology",
            "digital infrastructure",
        ),
    )
    E_COMMERCE = (
        "e_commerce",
        "E-commerce",
        "Buying and selling goods and services online, including across borders.",
        (
            "ecommerce",
            "cross-border e-commerce",
            "online retail",
            "online shopping",
            "online marketplaces",
        ),
    )
    E_GOVERNMENT = (
        "e_government",
        "E-government",
        (
            "Public services and administration delivered digitally, including "
            "digital public infrastructure."
        ),
        (
            "govtech",
            "digital government",
            "digital public services",
            "digital public infrastructure",
            "dpi",
        ),
    )
    E_LEARNING = (
        "e_learning",
        "E-learning",
        "Teaching delivered or supported online or in smart classrooms.",
        (
            "online education",
            "smart classrooms",
            "virtual classroom",
            "virtual classrooms",
            "distance learning",
        ),
    )
    E_SIGNATURE = (
        "e_signature",
        "Electronic signatures",
        "Legally binding electronic signatures, seals and the certificates (PKI) behind them.",
        (
            "e-signature",
            "e-signature/pki",
            "electronic signature",
            "digital signature",
            "pki",
            "e-certification",
            "digital certificates",
            "digital seals",
            "electronic seals",
        ),
    )
    ELECTRONICS = (
        "electronics",
        "Electronics",
        "Design and manufacture of electronic devices and components.",
        ("electronic equipment", "consumer electronics"),
    )
    FIBER_OPTICS = (
        "fiber_optics",
        "Fibre optics",
        "Optical-fibre cables and the networks and links built on them.",
        (
            "fiber optics",
            "fibre optics",
            "fiber-optic cable",
            "fibre-optic cable",
            "optical fiber",
            "optical fibre",
            "optical cable",
            "ofc",
            "fiber",
            "fibre",
        ),
    )
    GEOSPATIAL = (
        "geospatial",
        "Geospatial and surveying",
        "Digital surveying, mapping and geographic information systems.",
        ("digital surveying", "surveying", "gis", "mapping"),
    )
    INDUSTRIAL_INTERNET = (
        "industrial_internet",
        "Industrial internet",
        "Networked sensors, machines and software on the factory floor.",
        ("industrial iot", "iiot", "smart manufacturing"),
    )
    INTELLIGENT_TRANSPORT = (
        "intelligent_transport",
        "Intelligent transport",
        "Connected and automated vehicles and digital traffic management.",
        (
            "smart transportation",
            "smart transport",
            "its",
            "intelligent connected vehicles",
            "connected vehicles",
            "autonomous driving",
            "self-driving",
        ),
    )
    IOT = (
        "iot",
        "Internet of Things",
        "Everyday devices and sensors connected to networks, including smart monitoring devices.",
        ("internet of things", "smart devices", "sensors", "smart monitoring"),
    )
    LIVESTREAM_COMMERCE = (
        "livestream_commerce",
        "Livestream commerce",
        "Selling goods through live-streamed video presentations.",
        ("livestreaming", "live streaming", "live-stream e-commerce"),
    )
    MOBILE_NETWORKS = (
        "mobile_networks",
        "Mobile networks",
        "Cellular networks before 5G (GSM, CDMA, 3G, 4G/LTE): base stations and their core.",
        ("mobile network", "cellular network", "gsm", "cdma", "3g", "4g", "lte"),
    )
    ROBOTICS = (
        "robotics",
        "Robotics and automation",
        "Robots, drones and automated machinery.",
        ("robots", "automation", "drones", "uav", "industrial robots"),
    )
    SATELLITE_NAVIGATION = (
        "satellite_navigation",
        "Satellite navigation",
        "Positioning and timing from navigation satellites such as BeiDou.",
        ("beidou", "bds", "gnss", "gps"),
    )
    SATELLITE_SERVICES = (
        "satellite_services",
        "Satellite communications and remote sensing",
        "Communications and Earth observation delivered by satellites.",
        ("satellite", "satellite internet", "remote sensing", "earth observation"),
    )
    SMART_CITY = (
        "smart_city",
        "Smart city",
        (
            "Urban services run on connected sensors, data and software, "
            "including 'safe city' public-security systems."
        ),
        ("smart cities", "safe city", "urban digitalisation"),
    )
    SMART_LOGISTICS = (
        "smart_logistics",
        "Smart logistics",
        "Digitally tracked and automated freight, warehousing and delivery.",
        ("smart warehousing", "digital logistics", "logistics platforms"),
    )
    SOFTWARE = (
        "software",
        "Software",
        "Developing software and applications, including mobile apps.",
        ("software technology", "software development", "mobile app", "mobile apps"),
    )
    STARTUPS = (
        "startups",
        "Start-ups and innovation ecosystems",
        "Support for young technology firms: incubators, technoparks and venture finance.",
        (
            "start-ups",
            "venture finance",
            "venture capital",
            "technoparks",
            "incubators",
        ),
    )
    TELEMEDICINE = (
        "telemedicine",
        "Telemedicine",
        "Medical consultation, diagnosis and care delivered at a distance.",
        (
            "teleconsultation",
            "remote consultation",
            "digital health",
            "e-health",
            "telehealth",
            "internet hospital",
        ),
    )
    TRADE_FACILITATION = (
        "trade_facilitation",
        "Digital trade facilitation",
        (
            "Paperless customs, single windows and other digital services that "
            "speed up cross-border trade."
        ),
        (
            "digital customs",
            "single window",
            "paperless trade",
            "digital trade services",
            "digital trade facilitation",
            "e-customs",
        ),
    )
    VIRTUAL_REALITY = (
        "virtual_reality",
        "Virtual reality and simulation",
        "Virtual and augmented reality, simulators and digital twins.",
        (
            "vr",
            "ar",
            "ar/vr",
            "augmented reality",
            "virtual simulation",
            "digital twins",
            "simulation",
        ),
    )
    VOCATIONAL_TRAINING = (
        "vocational_training",
        "Vocational training",
        (
            "Teaching practical and digital skills for work, from workshops to "
            "officials' training courses."
        ),
        (
            "skills training",
            "digital skills",
            "digital talent",
            "digital literacy",
            "capacity building",
            "technical and vocational education",
            "tvet",
        ),
    )


class Sector(Vocabulary):
    """
    The economic sectors a project serves.

    .. versionadded:: 0.1.0
    """

    AGRICULTURE = (
        "agriculture",
        "Agriculture",
        "Farming, livestock and the food they supply.",
        ("livestock", "farming", "agri-food"),
    )
    CONSTRUCTION = (
        "construction",
        "Construction",
        "Building, civil engineering and water works.",
        ("civil engineering", "water resources"),
    )
    CROSS_SECTOR = (
        "cross_sector",
        "Cross-sector",
        "The economy as a whole, where no single sector is singled out.",
        ("cross sector", "multi-sector", "data economy", "all sectors"),
    )
    EDUCATION = (
        "education",
        "Education",
        "Schools, universities and vocational training.",
        ("training", "higher education", "vocational education"),
    )
    ENERGY = (
        "energy",
        "Energy",
        "Power generation and distribution, oil and gas.",
        ("power", "oil and gas", "electricity"),
    )
    FINANCE = (
        "finance",
        "Finance",
        "Banking, payments, insurance and investment.",
        ("banking", "payments", "investment", "financial services"),
    )
    GOVERNMENT = (
        "government",
        "Government",
        "Public administration and the services of the state.",
        ("public administration", "public sector", "governance"),
    )
    HEALTH = (
        "health",
        "Health care",
        "Hospitals, medicine and public health.",
        ("healthcare", "health care", "medicine", "medical"),
    )
    INDUSTRY = (
        "industry",
        "Industry",
        "Manufacturing and other industrial production.",
        ("manufacturing", "industrial"),
    )
    LOGISTICS = (
        "logistics",
        "Logistics",
        "Freight, warehousing, delivery and supply chains.",
        ("supply chain", "supply chains", "warehousing", "postal"),
    )
    MINING = (
        "mining",
        "Mining",
        "Extraction of minerals and ores.",
        ("minerals",),
    )
    SCIENCE_TECHNOLOGY = (
        "science_technology",
        "Science, technology and innovation",
        "Research, development and the commercialisation of innovation.",
        ("science and technology", "innovation", "research", "r&d"),
    )
    SMALL_BUSINESS = (
        "small_business",
        "Small and medium enterprises",
        "Support aimed at small and medium-sized firms.",
        ("smes", "sme", "msmes", "small business"),
    )
    TELECOMMUNICATIONS = (
        "telecommunications",
        "Telecommunications and ICT",
        "Telecom networks, operators and the wider ICT industry.",
        ("telecom", "telecoms", "ict", "information technology"),
    )
    TOURISM = (
        "tourism",
        "Tourism",
        "Travel and the services visitors use.",
        ("travel",),
    )
    TRADE = (
        "trade",
        "Trade",
        "Domestic and cross-border commerce in goods and services.",
        ("commerce", "foreign trade", "retail"),
    )
    TRANSPORT = (
        "transport",
        "Transport",
        "Moving people and goods by road, rail, air and sea.",
        ("transportation", "mobility", "railways"),
    )


class ProjectKind(Vocabulary):
    """
    What sort of thing a project is.

    .. versionadded:: 0.1.0
    """

    AGREEMENT = (
        "agreement",
        "Agreement",
        "A memorandum, contract or other agreement between named parties.",
        ("mou", "memorandum", "memorandum of understanding", "contract"),
    )
    EVENT = (
        "event",
        "Event",
        "A forum, meeting, festival or campaign, or a recurring series of them.",
        (
            "forum",
            "conference",
            "festival",
            "campaign",
            "event series",
            "meeting",
            "e-commerce campaign",
        ),
    )
    INFRASTRUCTURE = (
        "infrastructure",
        "Infrastructure",
        "Physical networks and facilities: cables, links, data centres.",
        ("network", "cable"),
    )
    INSTITUTION = (
        "institution",
        "Institution",
        "A standing centre, alliance, council or mechanism with its own members or staff.",
        (
            "centre",
            "center",
            "alliance",
            "mechanism",
            "working group",
            "ministerial mechanism",
        ),
    )
    PLATFORM = (
        "platform",
        "Platform",
        "An online platform, database or digital hub that others use.",
        (
            "online platform",
            "database",
            "hub",
            "e-commerce platform",
            "e-commerce service platform",
            "digital trade platform",
        ),
    )
    POLICY = (
        "policy",
        "Policy",
        "A declaration, statement, concept, programme or action plan.",
        (
            "policy document",
            "declaration",
            "statement",
            "concept",
            "action plan",
            "programme",
        ),
    )
    SERVICE = (
        "service",
        "Service",
        "A service delivered to users: payments, telemedicine, e-government systems and similar.",
        (
            "digital service",
            "service deployment",
            "health service",
            "health network",
            "education service",
            "e-government transfer",
        ),
    )
    TRAINING = (
        "training",
        "Training",
        "A workshop, course or training programme.",
        ("workshop", "course", "vocational training", "training programme"),
    )
    ZONE = (
        "zone",
        "Zone or park",
        "A pilot zone, demonstration area, industrial park or special economic zone.",
        (
            "pilot zone",
            "industrial park",
            "special economic zone",
            "demonstration area",
            "free trade zone",
            "e-commerce zone",
        ),
    )


class ProjectStatus(Vocabulary):
    """
    Where a project stood when its latest source was published.

    .. versionadded:: 0.1.0
    """

    PROPOSED = (
        "proposed",
        "Proposed",
        "Suggested by a party but not yet agreed or announced as going ahead.",
        ("proposal",),
    )
    ANNOUNCED = (
        "announced",
        "Announced",
        "Declared as going ahead, with no plan or work yet reported.",
        (),
    )
    PLANNED = (
        "planned",
        "Planned",
        "Agreed and being prepared, but not yet built or running.",
        ("in preparation",),
    )
    ADOPTED = (
        "adopted",
        "Adopted or signed",
        "A document or agreement that was adopted or signed.",
        ("signed", "agreed", "mou", "mou signed", "approved"),
    )
    UNDER_CONSTRUCTION = (
        "under_construction",
        "Under construction",
        "Being built, set up or rolled out, and not yet complete or in full use.",
        ("in construction", "being built", "rolling out", "being rolled out", "being set up"),
    )
    OPERATIONAL = (
        "operational",
        "Operational",
        "Running or open to users, including recurring series still held.",
        ("active", "launched", "opened", "recurring", "in operation", "running"),
    )
    COMPLETED = (
        "completed",
        "Completed",
        "Finished: an event that took place or a project that was delivered.",
        ("delivered", "finished", "held", "done"),
    )
    SUSPENDED = (
        "suspended",
        "Suspended",
        "Stopped for the time being.",
        ("paused", "on hold"),
    )
    CANCELLED = (
        "cancelled",
        "Cancelled",
        "Abandoned before completion.",
        ("canceled", "abandoned"),
    )
    UNKNOWN = (
        "unknown",
        "Unknown",
        "No source says where the project stands.",
        (),
    )


class Role(Vocabulary):
    """
    A country's part in a project.

    .. versionadded:: 0.1.0
    """

    HOST = (
        "host",
        "Host",
        "Where the project is located or held, or the country chairing it.",
        ("chair", "venue", "organiser", "organizer", "owner"),
    )
    PARTNER = (
        "partner",
        "Partner",
        "A party that builds or runs the project jointly with others.",
        ("co-operator", "co-founder", "partner country"),
    )
    PROVIDER = (
        "provider",
        "Provider",
        "A party that supplies the technology, finance, equipment, goods or know-how.",
        (
            "supplier",
            "investor",
            "financier",
            "contractor",
            "origin",
            "product origin",
            "exporter",
        ),
    )
    BENEFICIARY = (
        "beneficiary",
        "Beneficiary",
        "A party that receives the service, goods or training: users, patients, markets.",
        ("recipient", "market", "client market", "patients", "destination", "users"),
    )
    PARTICIPANT = (
        "participant",
        "Participant",
        "A party that takes part or signs, without a more specific role.",
        ("member", "signatory", "mou signatory", "delegate", "attendee"),
    )
    PROPOSER = (
        "proposer",
        "Proposer",
        "The party that proposed or initiated the project.",
        ("initiator", "proponent"),
    )
    TRANSIT = (
        "transit",
        "Transit country",
        (
            "A country that a cable, line or route crosses between its two ends, "
            "carrying traffic for others."
        ),
        ("transit country", "transit state", "transit route"),
    )


class OrganizationRole(Vocabulary):
    """
    An organisation's part in a project, as a cited source states it.

    The terms follow the roles of IATI's ``participating-org`` and AidData's
    funding, implementing and receiving agencies.

    .. versionadded:: 0.1.0
    """

    FINANCIER = (
        "financier",
        "Financier",
        "Lends, grants or invests the money the project is paid for with.",
        ("funder", "lender", "creditor", "donor", "funding agency", "investor"),
    )
    BORROWER = (
        "borrower",
        "Borrower or recipient",
        "Receives a loan or grant for the project and answers for it.",
        ("recipient", "grantee", "receiving agency", "debtor"),
    )
    CONTRACTOR = (
        "contractor",
        "Contractor or equipment supplier",
        "Builds the project or supplies its equipment under a contract.",
        (
            "supplier",
            "equipment supplier",
            "vendor",
            "builder",
            "manufacturer",
            "epc contractor",
            "general contractor",
        ),
    )
    OPERATOR = (
        "operator",
        "Operator",
        "Owns or runs the finished network, system or service.",
        ("owner", "service provider", "network operator"),
    )
    IMPLEMENTING_AGENCY = (
        "implementing_agency",
        "Implementing agency",
        "Carries out or manages the project for its owner or a government.",
        ("implementer", "executing agency", "implementing organisation", "project owner"),
    )
    HOST_INSTITUTION = (
        "host_institution",
        "Host institution",
        "Houses the project: the university, hospital, park or site where it sits.",
        ("host", "venue"),
    )
    PARTNER = (
        "partner",
        "Partner",
        "Takes part jointly with others, where the sources state no narrower role.",
        ("co-founder", "joint venture partner"),
    )


class Qualifier(Vocabulary):
    """
    How a reported figure relates to its value: "more than 300" is
    `MORE_THAN` 300, not 300.

    .. versionadded:: 0.1.0
    """

    EXACT = (
        "exact",
        "Exactly",
        "The source states the number without qualification.",
        ("exactly", "="),
    )
    MORE_THAN = (
        "more_than",
        "More than",
        "The true value is greater than the number.",
        ("over", "above", ">", "greater than"),
    )
    AT_LEAST = (
        "at_least",
        "At least",
        "The true value is the number or greater.",
        (">=", "no fewer than", "no less than"),
    )
    ABOUT = (
        "about",
        "About",
        "The number is an approximation, in either direction.",
        ("around", "approximately", "roughly", "some", "~"),
    )
    NEARLY = (
        "nearly",
        "Nearly",
        "The true value is a little below the number.",
        ("almost", "close to", "just under"),
    )
    LESS_THAN = (
        "less_than",
        "Less than",
        "The true value is below the number.",
        ("under", "fewer than", "below", "<"),
    )
    AT_MOST = (
        "at_most",
        "At most",
        "The true value is the number or less.",
        ("up to", "up_to", "no more than", "<="),
    )

    @property
    def phrase(self) -> str:
        """The words that go before a number: "more than", "" for EXACT."""
        return "" if self is Qualifier.EXACT else self.label.lower()


class Unit(Vocabulary):
    """
    The unit of an indicator's value. Amounts of money are in whole units
    (USD 44 million is 44000000 `USD`).

    .. versionadded:: 0.1.0
    """

    PERCENT = (
        "percent",
        "Percent",
        "A percentage, a share or a change; may be negative.",
        ("%", "per cent", "pct"),
    )
    PEOPLE = (
        "people",
        "People",
        "A number of persons: trainees, students, patients, visitors.",
        ("persons", "participants", "students", "patients", "trainees"),
    )
    ORGANIZATIONS = (
        "organizations",
        "Organisations",
        "A number of institutions, companies, hospitals or other bodies.",
        ("organisations", "institutions", "enterprises", "companies", "firms"),
    )
    COUNTRIES = (
        "countries",
        "Countries",
        "A number of countries.",
        ("states", "nations"),
    )
    COUNT = (
        "count",
        "Count",
        (
            "A number of things of the kind the indicator's metric names: "
            "events, sessions, visits, documents, items."
        ),
        ("items", "number", "units"),
    )
    USD = (
        "usd",
        "US dollars",
        "An amount in United States dollars.",
        ("us dollars", "dollars", "$", "us$"),
    )
    CNY = (
        "cny",
        "Chinese yuan",
        "An amount in Chinese yuan (renminbi).",
        ("yuan", "rmb", "renminbi"),
    )
    EUR = (
        "eur",
        "Euros",
        "An amount in euros.",
        ("euro", "euros", "€"),
    )
    METRES = (
        "m",
        "Metres",
        "A length, height or altitude in metres.",
        ("metres", "meters", "metre", "meter"),
    )
    KILOMETRES = (
        "km",
        "Kilometres",
        "A length in kilometres.",
        ("kilometres", "kilometers"),
    )
    SQUARE_METRES = (
        "m2",
        "Square metres",
        "An area in square metres.",
        ("m²", "square meters", "sqm"),
    )
    SQUARE_KILOMETRES = (
        "km2",
        "Square kilometres",
        "An area in square kilometres.",
        ("km²", "square kilometers"),
    )

    @property
    def can_be_negative(self) -> bool:
        """Whether a value in this unit may be below zero (only percentages)."""
        return self is Unit.PERCENT


class Region(Vocabulary):
    """
    A country's region, following the UN M49 geographic sub-regions.

    .. versionadded:: 0.1.0
    """

    CENTRAL_ASIA = ("central_asia", "Central Asia", "UN M49 region 143.", ())
    EASTERN_ASIA = ("eastern_asia", "Eastern Asia", "UN M49 region 030.", ("east asia",))
    SOUTH_EASTERN_ASIA = (
        "south_eastern_asia",
        "South-eastern Asia",
        "UN M49 region 035.",
        ("southeast asia",),
    )
    SOUTHERN_ASIA = (
        "southern_asia",
        "Southern Asia",
        "UN M49 region 034.",
        ("south asia",),
    )
    WESTERN_ASIA = (
        "western_asia",
        "Western Asia",
        "UN M49 region 145.",
        ("west asia", "middle east"),
    )
    EASTERN_EUROPE = (
        "eastern_europe",
        "Eastern Europe",
        "UN M49 region 151.",
        ("east europe",),
    )
    NORTHERN_AFRICA = (
        "northern_africa",
        "Northern Africa",
        "UN M49 region 015.",
        ("north africa",),
    )


class OrganizationKind(Vocabulary):
    """
    What sort of body an organisation is.

    .. versionadded:: 0.1.0
    """

    ASSOCIATION = (
        "association",
        "Association",
        "A business council, professional association or alliance of members.",
        ("alliance", "council", "union", "chamber"),
    )
    COMPANY = (
        "company",
        "Company",
        "A commercial firm, private or state-owned.",
        ("enterprise", "firm", "corporation", "operator"),
    )
    FINANCIAL = (
        "financial",
        "Bank or payment network",
        "A bank, payment network or other financial institution.",
        ("bank", "payment network", "payments"),
    )
    GOVERNMENT = (
        "government",
        "Government body",
        "A ministry, agency, regulator, local government or customs authority.",
        ("ministry", "agency", "authority", "municipality", "government body"),
    )
    HOSPITAL = (
        "hospital",
        "Hospital",
        "A hospital or clinic.",
        ("clinic", "medical centre"),
    )
    INTERNATIONAL = (
        "international",
        "International body",
        "An intergovernmental body such as an organ of the SCO.",
        ("international body", "intergovernmental", "international organization"),
    )
    MEDIA = (
        "media",
        "Media",
        "A broadcaster, newspaper or other media company.",
        ("broadcaster", "newspaper"),
    )
    RESEARCH = (
        "research",
        "Research institute",
        "A research institute or think tank.",
        ("research institute", "think tank", "institute"),
    )
    TECHNOPARK = (
        "technopark",
        "Technology park or innovation hub",
        "A technology park, incubator or innovation hub that hosts and supports start-ups.",
        ("technology park", "tech park", "innovation hub", "incubator", "science park"),
    )
    UNIVERSITY = (
        "university",
        "University or college",
        "A university, college or vocational school.",
        ("college", "school", "vocational college"),
    )


class SourceKind(Vocabulary):
    """
    What sort of publication a source is.

    .. versionadded:: 0.1.0
    """

    OFFICIAL = (
        "official",
        "Official",
        "A site of a government, an SCO body or another public authority.",
        ("government", "governmental"),
    )
    NEWS = (
        "news",
        "News",
        "A news agency, newspaper, broadcaster or news portal.",
        ("newspaper", "news agency", "media"),
    )
    AGGREGATOR = (
        "aggregator",
        "Aggregator",
        "A site that summarises or republishes other outlets' articles.",
        ("summary", "reprint site"),
    )
    BLOG = (
        "blog",
        "Blog or column",
        "A blog, user column or opinion site.",
        ("column", "opinion"),
    )
    REFERENCE = (
        "reference",
        "Reference",
        "A wiki, encyclopaedia or reference-style explainer.",
        ("wiki", "encyclopedia", "encyclopaedia"),
    )
    COMPANY = (
        "company",
        "Company",
        "A company's own site or press release.",
        ("press release", "corporate"),
    )
    ACADEMIC = (
        "academic",
        "Academic",
        "A university, journal or research institute.",
        ("university", "journal", "research"),
    )


class IdentifierScheme(Vocabulary):
    """
    A dataset whose identifiers a project carries, so the two can be joined.

    .. versionadded:: 0.1.0
    """

    AIDDATA_GCDF_3 = (
        "aiddata_gcdf_3",
        "AidData GCDF 3.0",
        (
            "The record id (AidData's \"Project ID\") in AidData's Global Chinese Development"
            " Finance Dataset, Version 3.0 (2023), one record per loan, grant or tranche."
        ),
        ("GCDF 3.0", "AidData GCDF", "AidData Global Chinese Development Finance 3.0"),
    )


# -- field validators ------------------------------------------------------------


class FieldError(ValueError):
    """
    A field validator's complaint; `field` and `reason` are kept apart so the
    loader can put the field into its path.
    """

    def __init__(self, field: str, reason: str) -> None:
        self.field = field
        self.reason = reason
        super().__init__(f"{field}: {reason}")


_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
_METRIC = re.compile(r"[a-z0-9]+(?:_[a-z0-9]+)*\Z")
_ALPHA2 = re.compile(r"[A-Z]{2}\Z")
_ALPHA3 = re.compile(r"[A-Z]{3}\Z")
_LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-[A-Z]{2})?\Z")
# No whitespace, control characters or unpaired surrogates anywhere in a URL.


_INVISIBLE = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
    "\U000e0020-\U000e007f"
)
"""
The format characters (Unicode category Cf) of Unicode 13 to 15.1: zero-width
spaces and joiners, left-to-right and right-to-left marks, bidirectional
embeddings, overrides and isolates, the byte-order mark, the soft hyphen,
tags... They print nothing, or reorder what follows, so a name holding one
looks like another name, or like something else on a terminal (a test
checks that this covers every Cf character the running Python knows).
"""


_NOT_TEXT = f"\\x00-\\x1f\\x7f-\\x9f\\ud800-\\udfff{_INVISIBLE}"
"""Characters never part of a text: controls, lone surrogates, invisible format characters."""

_URL = re.compile(rf"https?://[^\s/{_NOT_TEXT}]+[^\s{_NOT_TEXT}]*\Z")


@functools.cache
def _control() -> re.Pattern[str]:
    """
    Control characters (C0, DEL, C1), unpaired surrogates and invisible
    format characters (`_INVISIBLE`): never part of a text. Compiled on
    first use: it takes 0.2 ms, and valid text, which text_problem checks
    with isprintable() first, never needs it.
    """
    return re.compile(f"[{_NOT_TEXT}]")


_SUBJECT_SCO = "SCO"

MAX_NAME = 300
MAX_TEXT = 4000
MAX_URL = 2000


def _fail(field: attrs.Attribute[Any], reason: str) -> FieldError:
    return FieldError(field.name, reason)


def _matches(
    pattern: re.Pattern[str], what: str, max_len: int = 100
) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    def check(_inst: Any, field: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, str):
            raise _fail(field, f"expected a string, got {type(value).__name__}")
        if len(value) > max_len or not pattern.match(value):
            raise _fail(field, f"{quote(value)} is not {what}")

    return check


_DATA_VERSION = re.compile(r"([1-9][0-9]{3})\.([0-9]{2})\.([0-9]{2})(?:\.[0-9]+)?\Z")


def is_data_version(value: object) -> bool:
    """Whether *value* is a CalVer data version, YYYY.MM.DD of a real day, with an optional .N."""
    match = _DATA_VERSION.match(value) if type(value) is str else None
    if match is None:
        return False
    try:
        dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return False
    return True


def _data_version(_inst: Any, field: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str):
        raise _fail(field, f"expected a string, got {type(value).__name__}")
    if not is_data_version(value):
        raise _fail(field, f"{quote(value)} is not a CalVer data version such as '2026.11.30'")


def quote(value: object, limit: int = 60) -> str:
    """*value*'s repr for a message, cut short if it is a long string or a container."""
    if isinstance(value, (list, dict)):
        import reprlib  # only on the error path

        return reprlib.repr(value)  # also safe for deeply nested values
    if not isinstance(value, str):
        return repr(value)
    if len(value) <= limit:
        return repr(value)
    return repr(value[:limit]) + f"... ({len(value):,} characters)"


_JOINERS = "\u200c\u200d"
_JOINING_SCRIPTS = (
    ("\u0600", "\u08ff"),  # Arabic, Syriac, Thaana...: Persian and Urdu write ZWNJ
    ("\u0900", "\u0dff"),  # Devanagari to Sinhala: conjuncts are written with ZWJ/ZWNJ
    ("\u1000", "\u109f"),  # Myanmar
    ("\u1780", "\u17ff"),  # Khmer
    ("\ufb50", "\ufdff"),  # Arabic presentation forms
    ("\ufe70", "\ufeff"),
)


def _joins(value: str, at: int) -> bool:
    """
    Whether the character at *at* is a zero-width (non-)joiner inside a word of
    a script that spells with them (Persian, Urdu, Hindi, Sinhala...), where it
    is part of the name ("ශ්\u200dරී ලංකාව", Sri Lanka in Sinhala) rather than
    a disguise.
    """
    if value[at] not in _JOINERS or not 0 < at < len(value) - 1:
        return False
    return all(
        any(low <= value[i] <= high for low, high in _JOINING_SCRIPTS) for i in (at - 1, at + 1)
    )


def text_problem(value: str, max_len: int) -> str | None:
    """
    Why *value* is not acceptable as a name or a text of at most *max_len*
    characters, or None if it is: it must not be empty, start or end with
    whitespace, or hold a control character, an unpaired surrogate or an
    invisible or bidirectional format character (U+200B, U+202E...), but for
    a zero-width (non-)joiner between two letters of a script that spells
    with them.
    """
    if (
        0 < len(value) <= max_len
        and value.isprintable()
        and not value[0].isspace()
        and not value[-1].isspace()
    ):
        # The common case, twice as fast as the checks below: printable text
        # holds no control character (Cc) and no surrogate (Cs).
        return None
    if not value.strip():
        return "must not be empty"
    if value != value.strip():
        return f"{quote(value)} has leading or trailing spaces"
    if len(value) > max_len:
        return f"is {len(value):,} characters long; the limit is {max_len:,}"
    bad = next((m for m in _control().finditer(value) if not _joins(value, m.start())), None)
    if bad is not None:
        char = bad.group()
        if "\ud800" <= char <= "\udfff":
            what = "an unpaired surrogate"
        elif unicodedata.category(char) == "Cc":
            what = "a control character"
        else:
            name = unicodedata.name(char, f"U+{ord(char):04X}")
            what = f"an invisible or bidirectional format character ({name})"
        return f"{quote(value)} contains {what}, {char!r}, at position {bad.start()}"
    return None


def _text(max_len: int) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    def check(_inst: Any, field: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, str):
            raise _fail(field, f"expected a string, got {type(value).__name__}")
        problem = text_problem(value, max_len)
        if problem is not None:
            raise _fail(field, problem)

    return check


def _optional(
    check: Callable[[Any, attrs.Attribute[Any], Any], None],
) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    def optional(inst: Any, field: attrs.Attribute[Any], value: Any) -> None:
        if value is not None:
            check(inst, field, value)

    return optional


def _instance(*types: type) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    names = " or ".join(t.__name__ for t in types)

    def check(_inst: Any, field: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, types) or isinstance(value, bool):
            raise _fail(field, f"expected {names}, got {type(value).__name__}")

    return check


def _each(
    check: Callable[[Any, attrs.Attribute[Any], Any], None],
    *,
    unique: bool = True,
) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    def each(inst: Any, field: attrs.Attribute[Any], value: Any) -> None:
        # The common case first, with no index and no dict of items seen (it
        # halves the cost); on any problem the loop below finds the first
        # one, in order, and words it.
        try:
            for item in value:
                check(inst, field, item)
        except Exception:  # noqa: BLE001, S110 - reported by the loop below
            pass
        else:
            if not unique or isinstance(value, frozenset) or len(set(value)) == len(value):
                return
        seen: dict[Any, int] = {}
        for i, item in enumerate(value):
            try:
                check(inst, field, item)
            except FieldError as exc:
                raise FieldError(f"{field.name}[{i}]", exc.reason) from None
            if unique and not isinstance(value, frozenset):
                if item in seen:
                    what = quote(item) if isinstance(item, str) else f"{field.name}[{seen[item]}]"
                    raise FieldError(f"{field.name}[{i}]", f"{what} is repeated")
                seen[item] = i

    return each


def _tuple(value: Iterable[_T]) -> tuple[_T, ...]:
    if isinstance(value, (str, bytes, dict)):
        msg = f"expected a sequence of items, got {type(value).__name__}"
        raise TypeError(msg)
    return value if type(value) is tuple else tuple(value)


def _frozenset(value: Iterable[_T]) -> frozenset[_T]:
    if isinstance(value, (str, bytes, dict)):
        msg = f"expected a collection of items, got {type(value).__name__}"
        raise TypeError(msg)
    return value if type(value) is frozenset else frozenset(value)


# One converter per element type, so that type checkers see what each
# field's __init__ parameter accepts.
def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return _tuple(value)


def _memberships(value: Iterable[Membership]) -> tuple[Membership, ...]:
    return _tuple(value)


def _participants(value: Iterable[Participant]) -> tuple[Participant, ...]:
    return _tuple(value)


def _organization_participants(
    value: Iterable[OrganizationParticipant],
) -> tuple[OrganizationParticipant, ...]:
    return _tuple(value)


def _identifiers(value: Iterable[Identifier]) -> tuple[Identifier, ...]:
    return _tuple(value)


def _technologies(value: Iterable[Technology]) -> frozenset[Technology]:
    return _frozenset(value)


def _sectors(value: Iterable[Sector]) -> frozenset[Sector]:
    return _frozenset(value)


_slug = _matches(_SLUG, "a slug (lowercase letters, digits, single hyphens)")
_alpha2 = _matches(_ALPHA2, "an ISO 3166-1 alpha-2 code (two capital letters)")
_name = _text(MAX_NAME)
_prose = _text(MAX_TEXT)
# Made once, not in every call of the validators that use them.
_is_int = _instance(int)
_is_number = _instance(int, float)


# -- PartialDate ---------------------------------------------------------------------


_ISO = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?\Z")


def _days_in_month(year: int, month: int) -> int:
    # calendar.monthrange(year, month)[1], without importing calendar and
    # locale (0.8 ms of `import sco_digital`).
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _year(_inst: Any, field: attrs.Attribute[Any], value: Any) -> None:
    _is_int(_inst, field, value)
    if not 1000 <= value <= 9999:
        raise _fail(field, f"{value} is not a four-digit year")


def _month(inst: Any, field: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    _is_int(inst, field, value)
    if not 1 <= value <= 12:
        raise _fail(field, f"{value} is not a month (1-12)")


def _day(inst: Any, field: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    _is_int(inst, field, value)
    if inst.month is None:
        raise _fail(field, "a day needs a month")
    if isinstance(inst.year, int) and isinstance(inst.month, int) and 1 <= inst.month <= 12:
        last = _days_in_month(inst.year, inst.month)
        if not 1 <= value <= last:
            raise _fail(field, f"{inst.year:04d}-{inst.month:02d} has no day {value}")


@attrs.frozen(kw_only=False, order=False)
class PartialDate:
    """
    A calendar date known to the year, the month or the day.

    "2025-03" is March 2025, not 1 March 2025: the precision is kept, and
    `earliest` / `latest` give the first and last day it may mean.
    Partial dates sort by their first day, and a less precise date sorts
    before a more precise one that starts on the same day
    ("2025" < "2025-01" < "2025-01-01").

    >>> PartialDate.parse("2025-03")
    PartialDate('2025-03')
    >>> PartialDate.parse("2025-03").latest()
    datetime.date(2025, 3, 31)

    Attributes:
        year: Four-digit year.
        month: 1-12, or None when only the year is known.
        day: Day of the month, or None when only the year or month is known.

    .. versionadded:: 0.1.0
    """

    year: int = attrs.field(validator=_year)
    month: int | None = attrs.field(default=None, validator=_month)
    day: int | None = attrs.field(default=None, validator=_day)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """
        Parse "YYYY", "YYYY-MM" or "YYYY-MM-DD".

        Raises:
            ValueError: *text* is not one of those forms, or no such date
                exists (2025-02-30, month 13).
        """
        match = _ISO.match(text) if isinstance(text, str) else None
        if match is None:
            msg = f"{quote(text)} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"
            raise ValueError(msg)
        year, month, day = match.groups()
        try:
            return cls(
                int(year),
                None if month is None else int(month),
                None if day is None else int(day),
            )
        except FieldError as exc:
            msg = f"{text!r} is not a valid date: {exc.reason}"
            raise ValueError(msg) from None

    @classmethod
    def from_date(cls, day: dt.date) -> PartialDate:
        """The day *day*, with day precision."""
        return cls(day.year, day.month, day.day)

    @property
    def precision(self) -> str:
        """``"year"``, ``"month"`` or ``"day"``."""
        if self.day is not None:
            return "day"
        return "year" if self.month is None else "month"

    def earliest(self) -> dt.date:
        """The first day this date may mean."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> dt.date:
        """The last day this date may mean."""
        if self.day is not None:
            return dt.date(self.year, self.month or 1, self.day)
        month = self.month or 12
        return dt.date(self.year, month, _days_in_month(self.year, month))

    def to_date(self) -> dt.date:
        """
        The exact day.

        Raises:
            ValueError: The date is only known to the month or year.
        """
        if self.day is None:
            msg = f"{self} is only known to the {self.precision}, not the day"
            raise ValueError(msg)
        return self.earliest()

    def __contains__(self, day: object) -> bool:
        """
        Whether *day* (a date, a datetime or "YYYY-MM-DD") falls within it.

        Raises:
            TypeError: *day* is none of these.
        """
        return self.earliest() <= as_day(day, "day") <= self.latest()

    def _key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() <= other._key()

    def __gt__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() > other._key()

    def __ge__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() >= other._key()

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def __repr__(self) -> str:
        return f"PartialDate({str(self)!r})"


_partial_date = _instance(PartialDate)


# -- records -----------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Source:
    """
    A publication that records cite.

    Attributes:
        id: Stable slug, e.g. ``"pd-seed-2025-08-29"``.
        title: The headline or page title; None where it could not be seen.
        publisher: The site or outlet that published the page.
        reprint_of: The outlet whose story this page reprints, summarises or
            credits, or None for original reporting. Two sources with the
            same `origin` are not independent.
        kind: What sort of publication it is.
        published: Publication date, as precise as known.
        url: Where it was read.
        language: BCP 47 tag of the page's language ("en", "ru", "zh-Hant").
        archived_url: A stable archived copy, where one exists.
        note: Caveats on reliability or content.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(validator=_slug)
    title: str | None = attrs.field(default=None, validator=_optional(_prose))
    publisher: str = attrs.field(validator=_name)
    reprint_of: str | None = attrs.field(default=None, validator=_optional(_name))
    kind: SourceKind = attrs.field(validator=_instance(SourceKind))
    published: PartialDate | None = attrs.field(default=None, validator=_optional(_partial_date))
    url: str = attrs.field(validator=_matches(_URL, "an http(s) URL", MAX_URL))
    language: str = attrs.field(
        validator=_matches(_LANGUAGE, "a BCP 47 language tag such as 'en' or 'zh-Hant'")
    )
    archived_url: str | None = attrs.field(
        default=None, validator=_optional(_matches(_URL, "an http(s) URL", MAX_URL))
    )
    note: str | None = attrs.field(default=None, validator=_optional(_prose))

    @property
    def origin(self) -> str:
        """The outlet ultimately responsible, `reprint_of` or else `publisher`."""
        return self.reprint_of or self.publisher


def _until_after_since(inst: Any, field: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    _partial_date(inst, field, value)
    since = inst.since
    if isinstance(since, PartialDate) and value.earliest() <= since.earliest():
        raise _fail(field, f"{value} is not after since ({since})")


@attrs.frozen(kw_only=True)
class Membership:
    """
    One period of a country's SCO status.

    The period runs from the first day `since` may mean up to, but not
    including, the first day `until` may mean; a status known only to the
    year (``since="2005"``) therefore counts from 1 January.

    Attributes:
        status: The status held.
        since: When it began.
        until: When it ended (the next status usually begins that day), or
            None if it still holds.
        sources: Ids of the sources that support it.
        note: Context: summit, memorandum, disputed dates.
        reviewed: The data version (CalVer, ``"2026.11.30"``) in which the
            record was last checked field by field against its sources, or
            None if it has not been reviewed yet.

    .. versionadded:: 0.1.0
    """

    status: Status = attrs.field(validator=_instance(Status))
    since: PartialDate = attrs.field(validator=_partial_date)
    until: PartialDate | None = attrs.field(default=None, validator=_until_after_since)
    sources: tuple[str, ...] = attrs.field(converter=_strings, validator=_each(_slug))
    note: str | None = attrs.field(default=None, validator=_optional(_prose))
    reviewed: str | None = attrs.field(default=None, validator=_optional(_data_version))

    def holds_on(self, day: dt.date | str) -> bool:
        """
        Whether this status held on *day* (a date, a datetime or
        "YYYY-MM-DD").

        Raises:
            TypeError: *day* is none of these.
        """
        day = as_day(day, "day")
        if day < self.since.earliest():
            return False
        return self.until is None or day < self.until.earliest()


@attrs.frozen(kw_only=True)
class CountryName:
    """
    A country's name in one language, as a cited reference gives it.

    Attributes:
        language: BCP 47 tag of the language and, where it has several, the
            script: ``"uz"`` (Latin), ``"uz-Cyrl"``, ``"zh-Hant"``.
        name: The name, as written in that language ("Oʻzbekiston").
        sources: Ids of the sources that give it: the Unicode CLDR for
            names in languages, the UN Statistics Division's M49 table, the
            World Bank and others for the forms statistical publishers use.

    .. versionadded:: 0.2.0
    """

    language: str = attrs.field(
        validator=_matches(_LANGUAGE, "a BCP 47 language tag such as 'en' or 'zh-Hant'")
    )
    name: str = attrs.field(validator=_name)
    sources: tuple[str, ...] = attrs.field(converter=_strings, validator=_each(_slug))


def _country_names(value: Iterable[CountryName]) -> tuple[CountryName, ...]:
    return _tuple(value)


@attrs.frozen(kw_only=True)
class Country:
    """
    A country with a status in the SCO, now or in the past.

    Attributes:
        code: ISO 3166-1 alpha-2 code, e.g. ``"UZ"``.
        alpha3: ISO 3166-1 alpha-3 code, e.g. ``"UZB"``.
        name: English short name.
        name_zh: Name in Chinese (simplified).
        name_ru: Name in Russian.
        aliases: Other names it is known by ("Kirgizia", "Türkiye").
        localized_names: Its names in its official languages and the six
            UN languages (from the Unicode CLDR), and the forms statistical
            publishers write ("Egypt, Arab Rep."), each with its language
            and sources; generated by scripts/country_names.py.
        region: UN M49 sub-region.
        memberships: Its statuses, in time order, never overlapping.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 *localized_names*.
    """

    code: str = attrs.field(validator=_alpha2)
    alpha3: str = attrs.field(
        validator=_matches(_ALPHA3, "an ISO 3166-1 alpha-3 code (three capital letters)")
    )
    name: str = attrs.field(validator=_name)
    name_zh: str = attrs.field(validator=_name)
    name_ru: str = attrs.field(validator=_name)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_strings, validator=_each(_name))
    localized_names: tuple[CountryName, ...] = attrs.field(
        default=(), converter=_country_names, validator=_each(_instance(CountryName))
    )
    region: Region = attrs.field(validator=_instance(Region))
    memberships: tuple[Membership, ...] = attrs.field(
        converter=_memberships, validator=_each(_instance(Membership), unique=False)
    )

    def status_on(self, day: dt.date | str) -> Status | None:
        """
        The country's status on *day* (a date, a datetime or "YYYY-MM-DD"),
        or None if it had none.

        >>> from datetime import date
        >>> import sco_digital as sd
        >>> sd.load().country("BY").status_on(date(2024, 7, 4))
        <Status.MEMBER: 'member'>
        >>> sd.load().country("BY").status_on("2024-07-03")
        <Status.OBSERVER: 'observer'>

        Raises:
            TypeError: *day* is none of these.
            ValueError: The string is not a real "YYYY-MM-DD" day.
        """
        day = as_day(day, "day")
        for membership in self.memberships:
            if membership.holds_on(day):
                return membership.status
        return None

    @property
    def names(self) -> tuple[str, ...]:
        """
        Every name and code the country can be looked up by, each once: the
        codes, the names in English, Chinese and Russian, the aliases, then
        the localized names.
        """
        every = (self.code, self.alpha3, self.name, self.name_zh, self.name_ru, *self.aliases)
        return tuple(dict.fromkeys((*every, *(n.name for n in self.localized_names))))


def _alpha2_of(country: object) -> str:
    if isinstance(country, Country):
        return country.code
    if not isinstance(country, str):
        raise wrong_type("country", "a Country or its alpha-2 code (a str)", country)
    code = country.upper()
    if not (len(code) == len("KZ") and code.isascii() and code.isalpha()):
        msg = (
            f"country must be a Country or an ISO 3166-1 alpha-2 code such as 'KZ',"
            f" got {quote(country)}; look a name up with Dataset.country() first"
        )
        raise ValueError(msg)
    return code


def _country_reference(_inst: Any, field: attrs.Attribute[Any], value: Any) -> None:
    _alpha2(_inst, field, value)


@attrs.frozen(kw_only=True)
class Organization:
    """
    A company, ministry, university or other body that takes part in projects.

    Attributes:
        id: Stable slug.
        name: Its name in English.
        kind: What sort of body it is.
        country: Where it is based (alpha-2 code), or None for
            international bodies.
        aliases: Abbreviations and other names ("CAICT").
        sources: Ids of the sources that name it.
        note: Context.
        reviewed: The data version (CalVer, ``"2026.11.30"``) in which the
            record was last checked field by field against its sources, or
            None if it has not been reviewed yet.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(validator=_slug)
    name: str = attrs.field(validator=_name)
    kind: OrganizationKind = attrs.field(validator=_instance(OrganizationKind))
    country: str | None = attrs.field(default=None, validator=_optional(_country_reference))
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_strings, validator=_each(_name))
    sources: tuple[str, ...] = attrs.field(converter=_strings, validator=_each(_slug))
    note: str | None = attrs.field(default=None, validator=_optional(_prose))
    reviewed: str | None = attrs.field(default=None, validator=_optional(_data_version))

    @property
    def names(self) -> tuple[str, ...]:
        """
        Every key the organisation can be looked up by: id, name, aliases.

        .. versionadded:: 0.1.0
        """
        return (self.id, self.name, *self.aliases)


@attrs.frozen(kw_only=True)
class Participant:
    """
    A country's part in a project.

    Attributes:
        country: Alpha-2 code.
        role: What the country does in the project.

    .. versionadded:: 0.1.0
    """

    country: str = attrs.field(validator=_country_reference)
    role: Role = attrs.field(validator=_instance(Role))


@attrs.frozen(kw_only=True)
class OrganizationParticipant:
    """
    An organisation's part in a project, recorded only where a cited source
    states it.

    Attributes:
        organization: The organisation's id; it is also listed in the
            project's ``organizations``.
        role: What the organisation does in the project.

    .. versionadded:: 0.1.0
    """

    organization: str = attrs.field(validator=_slug)
    role: OrganizationRole = attrs.field(validator=_instance(OrganizationRole))


@attrs.frozen(kw_only=True)
class Identifier:
    """
    The identifier another dataset gives a project, to join the two.

    Attributes:
        scheme: The dataset the identifier belongs to.
        id: The identifier as that dataset writes it, e.g. ``"42401"`` for
            an AidData GCDF 3.0 record.

    .. versionadded:: 0.1.0
    """

    scheme: IdentifierScheme = attrs.field(validator=_instance(IdentifierScheme))
    id: str = attrs.field(validator=_name)


def _ended_after_started(inst: Any, field: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    _partial_date(inst, field, value)
    started = inst.started
    if isinstance(started, PartialDate) and value.latest() < started.earliest():
        raise _fail(field, f"{value} is before started ({started})")


@attrs.frozen(kw_only=True)
class Project:
    """
    A digital cooperation project, programme, agreement, event or policy.

    Attributes:
        id: Stable slug.
        name: Its usual English name.
        aliases: Other names it goes by.
        summary: What it is, in a few sentences of our own.
        kind: What sort of project it is.
        status: Where it stood at its latest source.
        participants: The countries involved and their roles.
        organizations: Ids of the organisations involved.
        technologies: The technologies it uses or promotes.
        sectors: The sectors it serves.
        location: Where it is, as a place name, or None.
        started: When it began (launch, signature, adoption, opening).
        ended: When it ended, for finished events and projects.
        parent: Id of the umbrella project it belongs to, or None.
        sources: Ids of the sources that support it.
        note: Caveats, disputed details and what the sources leave open.
        reviewed: The data version (CalVer, ``"2026.11.30"``) in which the
            record was last checked field by field against its sources, or
            None if it has not been reviewed yet.
        organization_roles: What organisations do in the project (financier,
            contractor, operator...), only where a cited source states it;
            each is also in ``organizations``. Omitted from the JSON when
            empty.
        identifiers: The identifiers other datasets give the project (AidData
            GCDF 3.0 record ids: one per loan, grant or tranche), so the two
            can be joined. Omitted from the JSON when empty.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(validator=_slug)
    name: str = attrs.field(validator=_name)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_strings, validator=_each(_name))
    summary: str = attrs.field(validator=_prose)
    kind: ProjectKind = attrs.field(validator=_instance(ProjectKind))
    status: ProjectStatus = attrs.field(validator=_instance(ProjectStatus))
    participants: tuple[Participant, ...] = attrs.field(
        default=(), converter=_participants, validator=_each(_instance(Participant))
    )
    organizations: tuple[str, ...] = attrs.field(
        default=(), converter=_strings, validator=_each(_slug)
    )
    technologies: frozenset[Technology] = attrs.field(
        default=frozenset(), converter=_technologies, validator=_each(_instance(Technology))
    )
    sectors: frozenset[Sector] = attrs.field(
        default=frozenset(), converter=_sectors, validator=_each(_instance(Sector))
    )
    location: str | None = attrs.field(default=None, validator=_optional(_name))
    started: PartialDate | None = attrs.field(default=None, validator=_optional(_partial_date))
    ended: PartialDate | None = attrs.field(default=None, validator=_ended_after_started)
    parent: str | None = attrs.field(default=None, validator=_optional(_slug))
    sources: tuple[str, ...] = attrs.field(converter=_strings, validator=_each(_slug))
    note: str | None = attrs.field(default=None, validator=_optional(_prose))
    reviewed: str | None = attrs.field(default=None, validator=_optional(_data_version))
    organization_roles: tuple[OrganizationParticipant, ...] = attrs.field(
        default=(),
        converter=_organization_participants,
        validator=_each(_instance(OrganizationParticipant)),
    )
    identifiers: tuple[Identifier, ...] = attrs.field(
        default=(), converter=_identifiers, validator=_each(_instance(Identifier))
    )

    @property
    def countries(self) -> frozenset[str]:
        """The codes of all participating countries."""
        return frozenset(p.country for p in self.participants)

    def roles_of(self, country: str | Country) -> frozenset[Role]:
        """
        The roles *country* plays here (empty if it takes no part).

        A record knows no other records, so it takes a country as a
        `Country` or its ISO 3166-1 alpha-2 code (in any case), not a name:
        to go from a name, use ``ds.country("Kazakhstan")`` first. A name is
        refused, never silently answered with an empty set.

        >>> import sco_digital as sd
        >>> ds = sd.load()
        >>> project = ds.project("china-kyrgyzstan-uzbekistan-fiber-cable")
        >>> sorted(project.roles_of("kg")) == sorted(project.roles_of(ds.country("Kyrgyzstan")))
        True

        Raises:
            TypeError: *country* is neither a str nor a Country.
            ValueError: *country* is a str but not an alpha-2 code.
        """
        return frozenset(p.role for p in self.participants if p.country == _alpha2_of(country))

    def organization_roles_of(self, organization: str) -> frozenset[OrganizationRole]:
        """
        The roles the organisation with id *organization* plays here, as the
        sources state them; empty where they state none.

        .. versionadded:: 0.1.0
        """
        return frozenset(p.role for p in self.organization_roles if p.organization == organization)


@attrs.frozen(kw_only=True)
class Interval:
    """
    The values a qualified figure allows; a missing end is unbounded.

    ``300 in Interval(low=300, low_closed=False)`` is False: "more than 300"
    excludes 300.

    .. versionadded:: 0.1.0
    """

    low: float | None = None
    high: float | None = None
    low_closed: bool = True
    high_closed: bool = True

    def __contains__(self, value: object) -> bool:
        """
        Whether *value* lies in the interval. Any real number compares
        exactly (int, float, Fraction, Decimal, NumPy numbers); NaN lies in
        no interval.

        >>> from fractions import Fraction
        >>> Fraction(601, 2) in Interval(low=300, low_closed=False)
        True

        Raises:
            TypeError: *value* is a bool, a complex number, a str or no
                number at all.
        """
        number: Any = as_real(value)  # int, float, Fraction, Decimal, NumPy numbers
        if number != number:  # noqa: PLR0124 - NaN, which no interval holds
            return False
        if self.low is not None and (
            number < self.low or (number == self.low and not self.low_closed)
        ):
            return False
        return self.high is None or not (
            number > self.high or (number == self.high and not self.high_closed)
        )


def _value(inst: Any, field: attrs.Attribute[Any], value: Any) -> None:
    _is_number(inst, field, value)
    if not math.isfinite(value):
        raise _fail(field, f"{value!r} is not a finite number")
    unit = inst.unit
    if value < 0 and isinstance(unit, Unit) and not unit.can_be_negative:
        raise _fail(field, f"{value!r} is negative, which {unit.value!r} cannot be")


def _subject(_inst: Any, field: attrs.Attribute[Any], value: Any) -> None:
    if (
        isinstance(value, str)
        and (value == _SUBJECT_SCO or _ALPHA2.match(value) or _SLUG.match(value))
        and len(value) <= 100
    ):
        return
    raise _fail(
        field,
        f"{quote(value)} is not a project or organisation id, a country code or 'SCO'",
    )


def _period_end(inst: Any, field: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    _partial_date(inst, field, value)
    period = inst.period
    if period is None:
        raise _fail(field, "needs period (its start) to be set")
    if isinstance(period, PartialDate) and value.latest() <= period.latest():
        raise _fail(field, f"{value} is not after period ({period})")


def _format_number(value: float) -> str:
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


@attrs.frozen(kw_only=True)
class Indicator:
    """
    A figure reported about a project, a country, an organisation or the SCO
    as a whole, with its qualifier and dates kept as the source gives them.

    Attributes:
        id: Stable slug.
        subject: What the figure is about: a project or organisation id, a
            country code, or ``"SCO"``.
        metric: What is measured, as a snake_case slug
            (``"latency_reduction"``).
        label: The same in words.
        value: The number as reported, in whole units of `unit`.
        unit: The unit of `value`.
        qualifier: How the true value relates to `value`.
        period: The time the figure covers (a year, a month); with
            `period_end`, its first part.
        period_end: The last part of a period that spans several
            (January to July 2025), or None.
        as_of: The date a running total was counted, or None.
        sources: Ids of the sources that report it.
        note: Caveats: scope, conflicting figures, unclear periods.
        reviewed: The data version (CalVer, ``"2026.11.30"``) in which the
            record was last checked field by field against its sources, or
            None if it has not been reviewed yet.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(validator=_slug)
    subject: str = attrs.field(validator=_subject)
    metric: str = attrs.field(
        validator=_matches(_METRIC, "a snake_case metric name such as 'people_trained'")
    )
    label: str = attrs.field(validator=_name)
    value: float = attrs.field(validator=_value)
    unit: Unit = attrs.field(validator=_instance(Unit))
    qualifier: Qualifier = attrs.field(validator=_instance(Qualifier))
    period: PartialDate | None = attrs.field(default=None, validator=_optional(_partial_date))
    period_end: PartialDate | None = attrs.field(default=None, validator=_period_end)
    as_of: PartialDate | None = attrs.field(default=None, validator=_optional(_partial_date))
    sources: tuple[str, ...] = attrs.field(converter=_strings, validator=_each(_slug))
    note: str | None = attrs.field(default=None, validator=_optional(_prose))
    reviewed: str | None = attrs.field(default=None, validator=_optional(_data_version))

    def bounds(self) -> Interval | None:
        """
        The values the qualifier allows, or None where it sets no bound
        (`Qualifier.ABOUT`). Units that cannot be negative start at 0.

        >>> ind = Indicator(id="x", subject="SCO", metric="m", label="m",
        ...     value=300, unit=Unit.PEOPLE, qualifier=Qualifier.MORE_THAN,
        ...     sources=("s",))
        >>> ind.bounds()
        Interval(low=300, high=None, low_closed=False, high_closed=True)
        >>> 300 in ind.bounds(), 301 in ind.bounds()
        (False, True)
        """
        v = self.value
        floor = None if self.unit.can_be_negative else 0.0
        q = self.qualifier
        if q is Qualifier.EXACT:
            return Interval(low=v, high=v)
        if q is Qualifier.MORE_THAN:
            return Interval(low=v, low_closed=False)
        if q is Qualifier.AT_LEAST:
            return Interval(low=v)
        if q in (Qualifier.NEARLY, Qualifier.LESS_THAN):
            return Interval(low=floor, high=v, high_closed=False)
        if q is Qualifier.AT_MOST:
            return Interval(low=floor, high=v)
        return None

    @property
    def text(self) -> str:
        """The figure in words, such as "more than 300 people" or "USD 512.4 billion"."""
        value = self.value
        if self.unit in (Unit.USD, Unit.CNY):
            for scale, word in _SCALES:
                if abs(value) >= scale:
                    amount = f"{_format_number(value / scale)} {word}"
                    break
            else:
                amount = _format_number(value)
            words = f"{'USD' if self.unit is Unit.USD else 'CNY'} {amount}"
        elif self.unit is Unit.PERCENT:
            words = f"{_format_number(value)}%"
        elif self.unit is Unit.COUNT:
            words = _format_number(value)
        else:
            unit_word = self.unit.label.lower()
            if self.unit in (
                Unit.METRES,
                Unit.KILOMETRES,
                Unit.SQUARE_METRES,
                Unit.SQUARE_KILOMETRES,
            ):
                unit_word = str(self.unit.value).replace("2", "²")
            words = f"{_format_number(value)} {unit_word}"
        phrase = self.qualifier.phrase
        return f"{phrase} {words}" if phrase else words


@attrs.frozen(kw_only=True)
class Conflict:
    """
    A documented disagreement between sources about a date, a figure or an
    attribution.

    The records keep the best-supported value; the conflict names the
    alternatives and the sources behind each.

    Attributes:
        id: Stable slug.
        topic: A short title ("Belarus membership date").
        summary: What the sources disagree on and how the data resolves it.
        records: The ids (projects, organisations, indicators) and country
            codes of the records concerned.
        sources: Ids of the sources on every side.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(validator=_slug)
    topic: str = attrs.field(validator=_name)
    summary: str = attrs.field(validator=_prose)
    records: tuple[str, ...] = attrs.field(converter=_strings, validator=_each(_subject))
    sources: tuple[str, ...] = attrs.field(converter=_strings, validator=_each(_slug))
