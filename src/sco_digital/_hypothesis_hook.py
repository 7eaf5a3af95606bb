"""
Hypothesis' entry point (``[project.entry-points.hypothesis]``): registers
`sco_digital.strategies` for ``st.from_type``.

Hypothesis runs its entry points while ``import hypothesis`` is under way,
and `sco_digital.strategies` imports Hypothesis. So this hook must not import
`sco_digital.strategies`: when the user's first import is that module, it is
still half built at that moment. The hook registers, for each record type, a
function that Hypothesis calls only when it resolves the type, after every
import has finished; that function picks the strategy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .dataset import Dataset
from .models import (
    Conflict,
    Country,
    CountryName,
    Identifier,
    Indicator,
    Membership,
    Organization,
    OrganizationParticipant,
    PartialDate,
    Participant,
    Place,
    Project,
    Source,
)

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

# Each type st.from_type resolves, and the sco_digital.strategies function drawing it.
STRATEGIES: dict[type[Any], str] = {
    PartialDate: "partial_dates",
    Source: "sources",
    Membership: "memberships",
    CountryName: "country_names",
    Country: "countries",
    Organization: "organizations",
    Participant: "participants",
    OrganizationParticipant: "organization_participants",
    Identifier: "identifiers",
    Place: "places",
    Project: "projects",
    Indicator: "indicators",
    Conflict: "conflicts",
    Dataset: "datasets",
}


def _strategy_for(cls: type[Any]) -> SearchStrategy[Any]:
    """The strategy for *cls*, with its defaults; called by ``st.from_type``."""
    from . import strategies

    strategy: SearchStrategy[Any] = getattr(strategies, STRATEGIES[cls])()
    return strategy


def _hypothesis_setup_hook() -> None:
    """Register `_strategy_for` for every record type and `Dataset`."""
    from hypothesis import strategies as st

    for cls in STRATEGIES:
        st.register_type_strategy(cls, _strategy_for)
