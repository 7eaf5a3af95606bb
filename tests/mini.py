"""
A small, hand-made dataset for tests that need exact expected values
independent of the bundled data. The facts are simplified from the bundled
data; they are test fixtures, not a source of truth.
"""

from __future__ import annotations

from sco_digital import (
    Conflict,
    Country,
    Dataset,
    Identifier,
    IdentifierScheme,
    Indicator,
    Membership,
    Organization,
    OrganizationKind,
    OrganizationParticipant,
    OrganizationRole,
    PartialDate,
    Participant,
    Place,
    Precision,
    Project,
    ProjectKind,
    ProjectStatus,
    Qualifier,
    Region,
    Role,
    Sector,
    Source,
    SourceKind,
    Status,
    Technology,
    Unit,
)

D = PartialDate.parse


def sources() -> list[Source]:
    return [
        Source(
            id="seed",
            title="Seed article",
            publisher="People's Daily Online",
            kind=SourceKind.NEWS,
            published=D("2025-08-29"),
            url="http://en.people.cn/n3/2025/0829/c98649-20359361.html",
            language="en",
        ),
        Source(
            id="reprint",
            title=None,
            publisher="Qiushi Journal",
            reprint_of="People's Daily Online",
            kind=SourceKind.NEWS,
            published=D("2025-09"),
            url="https://en.qstheory.cn/example",
            language="en",
        ),
        Source(
            id="tass",
            title="Партнёры ШОС",
            publisher="TASS",
            kind=SourceKind.NEWS,
            published=D("2025"),
            url="https://tass.ru/example",
            language="ru",
        ),
        Source(
            id="xinhua",
            title="上合组织",
            publisher="Xinhua",
            kind=SourceKind.NEWS,
            url="https://www.news.cn/example",
            language="zh",
            note="Title seen, date not.",
        ),
    ]


def countries() -> list[Country]:
    founding = Membership(status=Status.MEMBER, since=D("2001-06-15"), sources=("tass",))
    return [
        Country(
            code="CN",
            alpha3="CHN",
            name="China",
            name_zh="中国",
            name_ru="Китай",
            aliases=("People's Republic of China", "PRC"),
            region=Region.EASTERN_ASIA,
            memberships=(founding,),
        ),
        Country(
            code="KG",
            alpha3="KGZ",
            name="Kyrgyzstan",
            name_zh="吉尔吉斯斯坦",
            name_ru="Киргизия",
            aliases=("Kyrgyz Republic", "Kirgizia"),
            region=Region.CENTRAL_ASIA,
            memberships=(founding,),
        ),
        Country(
            code="UZ",
            alpha3="UZB",
            name="Uzbekistan",
            name_zh="乌兹别克斯坦",
            name_ru="Узбекистан",
            region=Region.CENTRAL_ASIA,
            memberships=(founding,),
        ),
        Country(
            code="BY",
            alpha3="BLR",
            name="Belarus",
            name_zh="白俄罗斯",
            name_ru="Белоруссия",
            aliases=("Republic of Belarus",),
            region=Region.EASTERN_EUROPE,
            memberships=(
                Membership(
                    status=Status.DIALOGUE_PARTNER,
                    since=D("2009-06"),
                    until=D("2015"),
                    sources=("tass",),
                    note="Some sources say 2010.",
                ),
                Membership(
                    status=Status.OBSERVER,
                    since=D("2015"),
                    until=D("2024-07-04"),
                    sources=("tass", "xinhua"),
                ),
                Membership(
                    status=Status.MEMBER,
                    since=D("2024-07-04"),
                    sources=("tass", "xinhua", "seed"),
                ),
            ),
        ),
        Country(
            code="LA",
            alpha3="LAO",
            name="Laos",
            name_zh="老挝",
            name_ru="Лаос",
            aliases=("Lao PDR",),
            region=Region.SOUTH_EASTERN_ASIA,
            memberships=(
                Membership(status=Status.PARTNER, since=D("2025-09-01"), sources=("tass",)),
            ),
        ),
    ]


def organizations() -> list[Organization]:
    return [
        Organization(
            id="caict",
            name="China Academy of Information and Communications Technology",
            kind=OrganizationKind.RESEARCH,
            country="CN",
            aliases=("CAICT",),
            sources=("seed",),
        ),
        Organization(
            id="sco-secretariat",
            name="SCO Secretariat",
            kind=OrganizationKind.INTERNATIONAL,
            sources=("xinhua",),
        ),
    ]


def projects() -> list[Project]:
    return [
        Project(
            id="cable",
            name="China-Kyrgyzstan-Uzbekistan fibre cable",
            summary="A cross-border optical cable linking three countries.",
            kind=ProjectKind.INFRASTRUCTURE,
            status=ProjectStatus.OPERATIONAL,
            participants=(
                Participant(country="CN", role=Role.PROVIDER),
                Participant(country="KG", role=Role.PARTNER),
                Participant(country="UZ", role=Role.PARTNER),
            ),
            technologies=frozenset({Technology.FIBER_OPTICS}),
            sectors=frozenset({Sector.TELECOMMUNICATIONS}),
            sources=("seed", "reprint"),
        ),
        Project(
            id="center",
            name="Big Data Cooperation Center",
            aliases=("Data Centre of the SCO",),
            summary="A centre for training and data cooperation.",
            kind=ProjectKind.PLATFORM,
            status=ProjectStatus.OPERATIONAL,
            participants=(
                Participant(country="CN", role=Role.HOST),
                Participant(country="CN", role=Role.PROVIDER),
            ),
            organizations=("caict", "sco-secretariat"),
            technologies=frozenset({Technology.BIG_DATA, Technology.ARTIFICIAL_INTELLIGENCE}),
            sectors=frozenset({Sector.GOVERNMENT}),
            location="Beijing, China",
            started=D("2023-05-23"),
            sources=("seed", "xinhua"),
        ),
        Project(
            id="center-branch",
            name="Karamay branch",
            summary="The centre's first regional branch, which trains officials.",
            kind=ProjectKind.PLATFORM,
            status=ProjectStatus.OPERATIONAL,
            participants=(
                Participant(country="CN", role=Role.HOST),
                Participant(country="UZ", role=Role.BENEFICIARY),
            ),
            organizations=("caict",),
            organization_roles=(
                OrganizationParticipant(
                    organization="caict", role=OrganizationRole.HOST_INSTITUTION
                ),
            ),
            identifiers=(Identifier(scheme=IdentifierScheme.AIDDATA_GCDF_3, id="90001"),),
            technologies=frozenset({Technology.BIG_DATA, Technology.VOCATIONAL_TRAINING}),
            sectors=frozenset({Sector.GOVERNMENT, Sector.EDUCATION}),
            location="Karamay, Xinjiang, China",
            started=D("2023-11"),
            parent="center",
            sources=("seed",),
        ),
        Project(
            id="forum-2021",
            name="Digital economy forum 2021",
            summary="A three-day forum on the digital economy.",
            kind=ProjectKind.EVENT,
            status=ProjectStatus.COMPLETED,
            participants=(
                Participant(country="CN", role=Role.HOST),
                Participant(country="BY", role=Role.PARTICIPANT),
            ),
            technologies=frozenset({Technology.E_COMMERCE, Technology.FIVE_G}),
            sectors=frozenset({Sector.TRADE}),
            started=D("2021-08-23"),
            ended=D("2021-08-25"),
            sources=("tass",),
        ),
    ]


def indicators() -> list[Indicator]:
    return [
        Indicator(
            id="latency",
            subject="cable",
            metric="latency_reduction",
            label="Cut in regional network latency",
            value=40.0,
            unit=Unit.PERCENT,
            qualifier=Qualifier.EXACT,
            sources=("seed", "reprint"),
            note="Other sources credit other cables.",
        ),
        Indicator(
            id="trainees",
            subject="center-branch",
            metric="people_trained",
            label="People trained",
            value=300.0,
            unit=Unit.PEOPLE,
            qualifier=Qualifier.MORE_THAN,
            as_of=D("2025-06"),
            sources=("seed",),
        ),
        Indicator(
            id="trade",
            subject="CN",
            metric="trade_with_sco",
            label="China's trade with SCO states",
            value=512_400_000_000.0,
            unit=Unit.USD,
            qualifier=Qualifier.ABOUT,
            period=D("2024"),
            sources=("xinhua",),
        ),
        Indicator(
            id="members-count",
            subject="SCO",
            metric="member_states",
            label="Member states",
            value=10.0,
            unit=Unit.COUNTRIES,
            qualifier=Qualifier.EXACT,
            as_of=D("2025-09-01"),
            sources=("tass",),
        ),
    ]


def conflicts() -> list[Conflict]:
    return [
        Conflict(
            id="c1-latency",
            topic="Attribution of the latency cut",
            summary="The seed credits one cable; other sources credit several.",
            records=("latency", "cable"),
            sources=("seed", "reprint"),
        ),
        Conflict(
            id="c2-belarus",
            topic="Belarus dialogue partner start",
            summary="2009 or 2010.",
            records=("BY",),
            sources=("tass",),
        ),
    ]


def places() -> list[Place]:
    return [
        Place(
            id="bishkek",
            name="Bishkek",
            country="KG",
            latitude=42.87,
            longitude=74.59,
            geonames_id=1528675,
            admin1="KG.01",
            precision=Precision.CITY,
            sources=("seed",),
        ),
        Place(
            id="tashkent",
            name="Tashkent",
            country="UZ",
            latitude=41.26465,
            longitude=69.21627,
            precision=Precision.CITY,
            sources=("tass",),
            note="No GeoNames id, to test its absence.",
        ),
    ]


def dataset() -> Dataset:
    return Dataset(
        sources=sources(),
        countries=countries(),
        organizations=organizations(),
        projects=projects(),
        indicators=indicators(),
        conflicts=conflicts(),
        places=places(),
        data_version="2025.08.29",
    )
