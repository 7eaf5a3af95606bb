"""
The terms of the controlled vocabularies, as data: each member is its slug,
label, definition and aliases. The machinery is in `_vocabulary`.

Pure data, so longer than the other modules; mypy sees every member because
each vocabulary is a plain enum class.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from ._vocabulary import Vocabulary

__all__ = [
    "IdentifierScheme",
    "OrganizationKind",
    "OrganizationRole",
    "Precision",
    "ProjectKind",
    "ProjectStatus",
    "Qualifier",
    "Region",
    "Role",
    "Sector",
    "SourceKind",
    "Status",
    "Technology",
    "TechnologyGroup",
    "Unit",
]


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


class TechnologyGroup(Vocabulary):
    """
    Seven broad groups of technologies, for maps and charts where a colour
    per `Technology` would be too many. Each technology is in exactly one
    group (`Technology.group`); a group lists its own (`technologies`).

    .. versionadded:: 0.2.0
    """

    CONNECTIVITY = (
        "connectivity",
        "Connectivity",
        "Networks that carry data: fibre-optic cables, mobile networks and 5G.",
        ("telecommunications", "networks"),
    )
    SPACE = (
        "space",
        "Space and geospatial",
        (
            "Satellites for navigation, communication and Earth observation, and "
            "the surveying and mapping built on them."
        ),
        ("satellites", "space and geospatial"),
    )
    DATA = (
        "data",
        "Data, cloud and security",
        "Data centres, cloud computing, big data, data sharing and cybersecurity.",
        ("data and cloud", "data, cloud and security"),
    )
    EMERGING = (
        "emerging",
        "AI and emerging technologies",
        (
            "Artificial intelligence, blockchain, robotics, the Internet of Things, "
            "virtual reality, electronics and software."
        ),
        ("emerging technologies", "frontier technologies"),
    )
    ECONOMY = (
        "economy",
        "Digital economy and trade",
        "E-commerce, digital payments, digital trade facilitation, smart logistics and start-ups.",
        ("digital economy", "digital trade"),
    )
    PUBLIC = (
        "public",
        "Public services and digitalisation",
        (
            "E-government, electronic signatures, smart cities and transport, "
            "telemedicine, and broad programmes to digitise an economy or administration."
        ),
        ("public services", "digital government"),
    )
    SKILLS = (
        "skills",
        "Skills and education",
        "Vocational training and e-learning.",
        ("education", "training", "capacity building"),
    )

    @property
    def technologies(self) -> tuple[Technology, ...]:
        """
        The technologies in this group.

        >>> [t.label for t in TechnologyGroup.CONNECTIVITY.technologies]
        ['Fibre optics', 'Mobile networks', '5G']
        """
        return _TECHNOLOGIES[self]


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

    @property
    def group(self) -> TechnologyGroup:
        """
        The `TechnologyGroup` this technology belongs to.

        >>> Technology.FIBER_OPTICS.group.label
        'Connectivity'
        """
        return _GROUP_OF[self]


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


class Precision(Vocabulary):
    """
    How closely a place's coordinates locate what the record names.

    .. versionadded:: 0.2.0
    """

    EXACT = (
        "exact",
        "Exact site",
        "The coordinates are those of the site itself: a building, a station, a landing point.",
        ("site",),
    )
    CITY = (
        "city",
        "City",
        "The coordinates are those of the city, town or village the record names.",
        ("town", "populated place"),
    )
    REGION = (
        "region",
        "Region",
        (
            "The record names a region (a province, an economic zone); the coordinates are a"
            " point of it that the gazetteer gives."
        ),
        ("province", "admin area"),
    )
    COUNTRY = (
        "country",
        "Country",
        (
            "The record names only the country; the coordinates are its capital's, a marker"
            " for the country as a whole, not a site."
        ),
        ("national",),
    )


_TECHNOLOGIES: Mapping[TechnologyGroup, tuple[Technology, ...]] = MappingProxyType(
    {
        TechnologyGroup.CONNECTIVITY: (
            Technology.FIBER_OPTICS,
            Technology.MOBILE_NETWORKS,
            Technology.FIVE_G,
        ),
        TechnologyGroup.SPACE: (
            Technology.SATELLITE_NAVIGATION,
            Technology.SATELLITE_SERVICES,
            Technology.GEOSPATIAL,
        ),
        TechnologyGroup.DATA: (
            Technology.DATA_CENTERS,
            Technology.CLOUD_COMPUTING,
            Technology.BIG_DATA,
            Technology.DATA_SHARING,
            Technology.CYBERSECURITY,
        ),
        TechnologyGroup.EMERGING: (
            Technology.ARTIFICIAL_INTELLIGENCE,
            Technology.BLOCKCHAIN,
            Technology.BRAIN_COMPUTER_INTERFACE,
            Technology.ELECTRONICS,
            Technology.INDUSTRIAL_INTERNET,
            Technology.IOT,
            Technology.ROBOTICS,
            Technology.SOFTWARE,
            Technology.VIRTUAL_REALITY,
        ),
        TechnologyGroup.ECONOMY: (
            Technology.E_COMMERCE,
            Technology.LIVESTREAM_COMMERCE,
            Technology.DIGITAL_PAYMENTS,
            Technology.TRADE_FACILITATION,
            Technology.SMART_LOGISTICS,
            Technology.STARTUPS,
        ),
        TechnologyGroup.PUBLIC: (
            Technology.E_GOVERNMENT,
            Technology.E_SIGNATURE,
            Technology.SMART_CITY,
            Technology.INTELLIGENT_TRANSPORT,
            Technology.TELEMEDICINE,
            Technology.DIGITAL_TRANSFORMATION,
        ),
        TechnologyGroup.SKILLS: (
            Technology.VOCATIONAL_TRAINING,
            Technology.E_LEARNING,
        ),
    }
)
# Each technology's group, declared once; tests check every technology is in exactly one.
_GROUP_OF = {t: group for group, members in _TECHNOLOGIES.items() for t in members}
