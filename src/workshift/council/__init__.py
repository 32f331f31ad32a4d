"""The works-council pack (Betriebsrat, issue 14): what employee representatives receive
about a generative-AI plan, every aggregate through one disclosure-control pass.

See ``docs/design/council.md`` for the modules and the sections of the pack.
"""

from __future__ import annotations

from workshift.council._inputs import COUNCIL, MANAGEMENT, PackInputs
from workshift.council._pack import (
    SECTIONS,
    CouncilPack,
    build_pack,
    check_skill_change_share,
    evaluation,
    occupation_groups,
    rename_groups,
)
from workshift.council._sections import SKILL_CHANGE_SHARE, covered_sites, site_countries
from workshift.council._tables import (
    ACCESS_GROUPS,
    NOT_PLACED,
    OLDER_FROM,
    PackTables,
    occupation_group,
    pack_tables,
    result_tables,
)
from workshift.council._thresholds import (
    ReductionThreshold,
    reaches_threshold,
    reduction_threshold,
)

__all__ = [
    "ACCESS_GROUPS",
    "COUNCIL",
    "MANAGEMENT",
    "NOT_PLACED",
    "OLDER_FROM",
    "SECTIONS",
    "SKILL_CHANGE_SHARE",
    "CouncilPack",
    "PackInputs",
    "PackTables",
    "ReductionThreshold",
    "build_pack",
    "check_skill_change_share",
    "covered_sites",
    "evaluation",
    "occupation_group",
    "occupation_groups",
    "pack_tables",
    "reaches_threshold",
    "reduction_threshold",
    "rename_groups",
    "result_tables",
    "site_countries",
]
