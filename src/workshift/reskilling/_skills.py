"""Skill profiles: what each occupation's work requires, in one shape for every comparison.

A profile holds, per occupation (O*NET-SOC) or emerging role, the required level (0-7, O*NET's
level scale) and importance (0-1) of every skill in the vocabulary: the 35 O*NET skills
(``onet:<element_id>``; occupations O*NET has not rated take their SOC group's mean) and
the technology categories the occupation uses (``tech:<commodity title>``: level 4 when
one of its products is a hot or in-demand technology, else 3; importance 0.6 with two or
more such products, 0.45 with one, else 0.3), the detailed work activities
(DWA) of its tasks weighted by how many tasks perform them, and the job zone.

Examples
--------
>>> profiles = occupation_profiles()
>>> programming = "onet:2.B.3.e"
>>> profiles.level_of("15-1252.00", programming) > profiles.level_of("43-4051.00", programming)
True
>>> gap = profiles.gap("43-4051.00", "15-1252.00")
>>> "onet:2.B.3.e" in set(gap["skill_id"])  # a customer service rep lacks programming
True
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import sparse

from workshift.reference import ReferenceStore

__all__ = [
    "GAP_COLUMNS",
    "IMPORTANT",
    "MIN_GAP",
    "SkillProfiles",
    "education_levels",
    "occupation_profiles",
    "profile_skill_ids",
]

IMPORTANT = 0.5
"""Importance (0-1; O*NET importance 3 of 5) from which a required skill counts in a gap."""
MIN_GAP = 0.5
"""Level points (of 7) below which a difference is rating noise, not a gap."""
GAP_COLUMNS = ["skill_id", "skill", "from_level", "to_level", "importance"]


@dataclass
class SkillProfiles:
    """Profiles as aligned arrays: rows ``codes``, skill columns ``skill_ids``, activity
    columns ``activity_ids``."""

    codes: list[str]
    titles: list[str]
    skill_ids: list[str]
    skill_names: list[str]
    level: np.ndarray  # profiles x skills, 0-7
    importance: np.ndarray  # profiles x skills, 0-1
    activities: sparse.csr_matrix  # profiles x DWAs, task counts
    activity_ids: list[str]
    activity_names: list[str]
    job_zone: np.ndarray  # profiles, NaN when unknown
    education: np.ndarray | None = None  # profiles: O*NET's modal required level (1-12), NaN
    education_names: dict[int, str] = field(default_factory=dict)
    _row: dict[str, int] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._row = {code: i for i, code in enumerate(self.codes)}

    def row(self, code: str) -> int:
        """The row of ``code`` (KeyError when it has no profile)."""
        return self._row[code]

    def __contains__(self, code: object) -> bool:
        return code in self._row

    def level_of(self, code: str, skill_id: str) -> float:
        """The level ``code`` requires of ``skill_id``."""
        return float(self.level[self.row(code), self.skill_ids.index(skill_id)])

    def gap(self, origin: str, target: str) -> pd.DataFrame:
        """What ``target`` requires that ``origin`` lacks, by level (GAP_COLUMNS), most
        important first; only skills the target rates important count."""
        o, t = self.row(origin), self.row(target)
        need = self.level[t] - self.level[o]
        chosen = np.flatnonzero((need >= MIN_GAP) & (self.importance[t] >= IMPORTANT))
        frame = pd.DataFrame(
            {
                "skill_id": pd.Series([self.skill_ids[k] for k in chosen], dtype=object),
                "skill": pd.Series([self.skill_names[k] for k in chosen], dtype=object),
                "from_level": self.level[o, chosen].round(2),
                "to_level": self.level[t, chosen].round(2),
                "importance": self.importance[t, chosen].round(2),
            }
        )
        return frame.sort_values(["importance", "skill_id"], ascending=[False, True]).reset_index(
            drop=True
        )

    def shared_activities(self, origin: str, target: str, limit: int = 3) -> list[str]:
        """Names of the work activities both perform, most performed first."""
        a = self.activities[self.row(origin)].toarray().ravel()
        b = self.activities[self.row(target)].toarray().ravel()
        both = np.flatnonzero((a > 0) & (b > 0))
        order = both[np.lexsort((both, -(a[both] + b[both])))]
        return [self.activity_names[k] for k in order[:limit]]

    def strengths(self, origin: str, target: str, limit: int = 3) -> list[str]:
        """Names of the skills ``target`` rates important that ``origin`` already brings at
        (nearly) the level required, most important first.

        >>> occupation_profiles().strengths("43-4051.00", "13-1071.00")
        ['Speaking', 'Active Listening', 'Data base user interface and query software']
        """
        o, t = self.row(origin), self.row(target)
        met = self.level[o] > self.level[t] - MIN_GAP
        chosen = np.flatnonzero(met & (self.importance[t] >= IMPORTANT) & (self.level[t] > 0))
        order = chosen[np.lexsort((chosen, -self.importance[t, chosen]))]
        return [self.skill_names[k] for k in order[:limit]]

    def education_step(self, origin: str, target: str) -> str:
        """The education ``target`` usually requires when it is above ``origin``'s (O*NET's
        most frequent required level of each), else ``""``.

        >>> occupation_profiles().education_step("43-4051.00", "15-1252.00")
        "Bachelor's Degree (today's occupation: High School Diploma)"
        """
        if self.education is None:
            return ""
        have, need = self.education[self.row(origin)], self.education[self.row(target)]
        if not (np.isfinite(have) and np.isfinite(need)) or need <= have:
            return ""
        name = self.education_names
        return f"{name[int(need)]} (today's occupation: {name[int(have)]})"

    def extended(self, other: SkillProfiles) -> SkillProfiles:
        """These profiles followed by ``other``'s (same skill and activity columns)."""
        if other.skill_ids != self.skill_ids or other.activity_ids != self.activity_ids:
            raise ValueError("profiles must share skill and activity columns")
        return SkillProfiles(
            self.codes + other.codes,
            self.titles + other.titles,
            self.skill_ids,
            self.skill_names,
            np.vstack([self.level, other.level]),
            np.vstack([self.importance, other.importance]),
            sparse.vstack([self.activities, other.activities], format="csr"),
            self.activity_ids,
            self.activity_names,
            np.concatenate([self.job_zone, other.job_zone]),
            _stack(self.education, other.education, len(self.codes), len(other.codes)),
            {**self.education_names, **other.education_names},
        )


def _stack(a: np.ndarray | None, b: np.ndarray | None, n_a: int, n_b: int) -> np.ndarray | None:
    if a is None and b is None:
        return None
    first = a if a is not None else np.full(n_a, np.nan)
    return np.concatenate([first, b if b is not None else np.full(n_b, np.nan)])


def education_levels(store: ReferenceStore) -> tuple[pd.Series, dict[int, str]]:
    """Per O*NET-SOC code, the required level of education most respondents named (1-12),
    and the short name of each level ("Bachelor's Degree")."""
    required = store.table("education")
    required = required.loc[required["scale_id"] == "RL"]
    modal = (
        required.sort_values(["onet_soc_code", "percent", "category"],
                             ascending=[True, False, True])
        .drop_duplicates("onet_soc_code")
        .set_index("onet_soc_code")["category"]
        .astype(float)
    )  # fmt: skip
    names = required.drop_duplicates("category").set_index("category")["category_description"]
    short = {
        int(str(category)): str(text).split(" - ")[0].split(" (")[0].strip()
        for category, text in names.items()
    }
    return modal, short


def profile_skill_ids(store: ReferenceStore) -> dict[str, str]:
    """Technology product ids (``tech:python``) -> their category's id in profiles
    (``tech:object or component oriented development software``); a course or a role that
    names a product then covers or needs its category."""
    technology = store.table("technology_skills")
    products = "tech:" + technology["example"].str.lower().str.strip()
    categories = "tech:" + technology["commodity_title"].str.lower().str.strip()
    pairs = pd.DataFrame({"product": products, "category": categories}).drop_duplicates("product")
    return dict(zip(pairs["product"], pairs["category"], strict=True))


def _impute(rated: pd.DataFrame, rows: pd.Index) -> pd.DataFrame:
    """Ratings for every row: an occupation O*NET has not rated (e.g. 15-1252.00 in the
    skills release) takes the mean of the rated ones in its SOC broad group, else minor
    group, else major group."""
    out = rated.reindex(rows)
    missing = out.index[out.isna().all(axis=1)]
    for width in (6, 4, 2):  # "15-125", "15-1", "15"
        if not len(missing):
            break
        groups = rated.groupby(rated.index.str[:width]).mean()
        found = groups.reindex(missing.str[:width])
        found.index = missing
        out.loc[missing] = found.to_numpy()
        missing = out.index[out.isna().all(axis=1)]
    return out.fillna(0.0)


def occupation_profiles(store: ReferenceStore | None = None) -> SkillProfiles:
    """Profiles of every O*NET occupation that has tasks or skill ratings."""
    store = store or ReferenceStore()
    occupations = store.occupations()
    skills = store.table("skills")
    technology = store.table("technology_skills")
    links = store.sql(
        "SELECT t.onet_soc_code, t.dwa_id, d.title, count(*) AS tasks "
        "FROM task_dwas t JOIN dwas d USING (dwa_id) GROUP BY 1, 2, 3"
    )
    keep = occupations["has_tasks"] | occupations["onet_soc_code"].isin(skills["onet_soc_code"])
    occupations = occupations.loc[keep].reset_index(drop=True)
    codes = occupations["onet_soc_code"].tolist()
    rows = pd.Index(codes)

    onet = skills.drop_duplicates("element_id").sort_values("element_id")
    onet_ids = [f"onet:{e}" for e in onet["element_id"]]
    level = skills.pivot_table(index="onet_soc_code", columns="element_id", values="level")
    importance = skills.pivot_table(
        index="onet_soc_code", columns="element_id", values="importance"
    )
    # O*NET importance runs 1-5: 1 means "not important" (0 here), 5 "extremely" (1 here).
    importance = (importance - 1) / 4
    level = _impute(level.reindex(columns=onet["element_id"]), rows)
    importance = _impute(importance.reindex(columns=onet["element_id"]), rows)

    # Technologies by O*NET commodity category ("Development environment software"): an
    # occupation lists dozens of products, a transition needs the kind of tool, not each one.
    tech_frame = technology.loc[technology["onet_soc_code"].isin(rows)].copy()
    tech_frame["skill_id"] = "tech:" + tech_frame["commodity_title"].str.lower().str.strip()
    tech_frame["hot"] = (tech_frame["hot_technology"] | tech_frame["in_demand"]).astype(float)
    grouped = tech_frame.groupby(["onet_soc_code", "skill_id"])["hot"]
    hot = grouped.sum().unstack(fill_value=0)
    tech = (3.0 + (hot > 0)).where(grouped.size().unstack(fill_value=0) > 0, 0.0)
    # Central when several of its products are hot: 0.6 from two, 0.45 for one, else 0.3.
    tech_weight = (0.3 + 0.15 * hot.clip(upper=2)).where(tech > 0, 0.0)
    tech_names = tech_frame.drop_duplicates("skill_id").set_index("skill_id")["commodity_title"]
    columns = sorted(tech.columns)
    tech = tech.reindex(index=rows, columns=columns, fill_value=0.0)
    tech_weight = tech_weight.reindex(index=rows, columns=columns, fill_value=0.0)

    modal, education_names = education_levels(store)
    links = links.loc[links["onet_soc_code"].isin(rows)]
    activity_ids = sorted(links["dwa_id"].unique())
    names = links.drop_duplicates("dwa_id").set_index("dwa_id")["title"]
    activities = sparse.csr_matrix(
        (
            links["tasks"].astype(float),
            (rows.get_indexer(pd.Index(links["onet_soc_code"])),
             pd.Index(activity_ids).get_indexer(pd.Index(links["dwa_id"]))),
        ),
        shape=(len(codes), len(activity_ids)),
    )  # fmt: skip
    return SkillProfiles(
        codes=codes,
        titles=occupations["title"].tolist(),
        skill_ids=onet_ids + list(tech.columns),
        skill_names=onet["skill"].tolist() + [str(tech_names[c]) for c in tech.columns],
        level=np.hstack([level.to_numpy(), tech.to_numpy()]),
        importance=np.hstack([importance.to_numpy(), tech_weight.to_numpy()]),
        activities=activities,
        activity_ids=activity_ids,
        activity_names=[str(names[d]) for d in activity_ids],
        job_zone=pd.to_numeric(occupations["job_zone"], errors="coerce").to_numpy(dtype=float),
        education=modal.reindex(rows).to_numpy(dtype=float),
        education_names=education_names,
    )
