"""Exposure aggregated over an organisation: by role (occupation), department, location and
department x task group, weighted by people.

A row of the workforce coded over several candidate occupations counts for each with its
share (:func:`occupation_shares`), so every aggregate adds up to the people analysed.
Published indices stand beside the role scores (:func:`role_exposure`), never averaged
in. Department and location aggregates with coding ranges are :func:`exposure_by`.

Examples
--------
>>> import pandas as pd
>>> rows = pd.DataFrame({"input_row": [0, 1], "department": ["IT", "IT"],
...                      "location": ["", ""], "headcount": [2.0, 1.0], "fte": [2.0, 0.5],
...                      "decided_by": ["occupation_code", "candidates"]})
>>> matches = pd.DataFrame({"input_row": [0, 1, 1], "onet_soc_code": ["a", "a", "b"],
...                         "share": [1.0, 0.5, 0.5]})
>>> people = occupation_shares(rows, matches)
>>> occupation_headcount(people)
  onet_soc_code  headcount   fte  headcount_confident
0             a        2.5  2.25                  2.0
1             b        0.5  0.25                  0.0
>>> tasks = pd.DataFrame({"onet_soc_code": ["a", "a", "b"], "task_group": ["x", "y", "x"],
...                       "weight": [1.0, 3.0, 1.0], "beta": [1.0, 0.0, 0.5]})
>>> department_task_group_exposure(people, tasks)
  department task_group  headcount      beta
0         IT          x      1.125  0.777778
1         IT          y      1.875  0.000000
"""

from __future__ import annotations

import pandas as pd

from workshift.reference import ReferenceStore

__all__ = [
    "department_task_group_exposure",
    "occupation_headcount",
    "occupation_shares",
    "role_exposure",
]

_SCORES = ["alpha", "beta", "zeta"]


def occupation_shares(rows: pd.DataFrame, matches: pd.DataFrame) -> pd.DataFrame:
    """One row per input row and candidate occupation: its ``department``, ``location``,
    ``decided_by`` and its people (``headcount_share``) and FTE (``fte_share``) times the
    candidate's ``share``.

    ``rows`` has ``input_row``, ``department``, ``location``, ``headcount``, ``fte`` and
    ``decided_by``; ``matches`` has ``input_row``, ``onet_soc_code`` and ``share``.
    """
    people = rows[["input_row", "department", "location", "headcount", "fte", "decided_by"]]
    people = people.merge(matches[["input_row", "onet_soc_code", "share"]], on="input_row")
    people["headcount_share"] = people["headcount"] * people["share"]
    people["fte_share"] = people["fte"] * people["share"]
    return people


def occupation_headcount(people: pd.DataFrame) -> pd.DataFrame:
    """People, FTE and the people coded with confidence (not by ``candidates``) per
    occupation, from :func:`occupation_shares`."""
    confident = people["decided_by"] != "candidates"
    return (
        people.assign(headcount_confident=people["headcount_share"].where(confident, 0.0))
        .groupby("onet_soc_code")[["headcount_share", "fte_share", "headcount_confident"]]
        .sum()
        .rename(columns={"headcount_share": "headcount", "fte_share": "fte"})
        .reset_index()
    )


def role_exposure(
    store: ReferenceStore, tasks: pd.DataFrame, scores: pd.DataFrame, people: pd.DataFrame
) -> pd.DataFrame:
    """One row per occupation held: its people (:func:`occupation_headcount`), its
    ``scores`` (:func:`exposure_scores` of ``tasks``), the task-weight shares scored by the
    model (``model_task_share``) and rated automatable (``automation_share``), and the
    published indices beside them; most people first."""
    scores = scores.copy()
    weight = tasks.groupby("onet_soc_code")["weight"]
    model_weight = tasks["weight"].where(tasks["source"] == "model", 0.0)
    scores["model_task_share"] = scores["onet_soc_code"].map(
        model_weight.groupby(tasks["onet_soc_code"]).sum() / weight.sum()
    )
    rated = tasks.dropna(subset=["automation"])
    automated = rated["weight"].where(rated["automation"].isin(["T3", "T4"]), 0.0)
    scores["automation_share"] = scores["onet_soc_code"].map(
        automated.groupby(rated["onet_soc_code"]).sum()
        / rated.groupby("onet_soc_code")["weight"].sum()
    )
    indices = store.indices(scores["onet_soc_code"].tolist())[
        [
            "onet_soc_code",
            "title",
            "gpt4_beta",
            "microsoft_ai_applicability",
            "anthropic_observed_exposure",
        ]
    ].rename(columns={"title": "occupation", "gpt4_beta": "beta_gpt4"})
    roles = (
        occupation_headcount(people)
        .merge(scores, on="onet_soc_code", how="left")
        .merge(indices, on="onet_soc_code", how="left")
    )
    first = ["onet_soc_code", "occupation", "headcount", *_SCORES, "tasks", "model_task_share"]
    roles = roles[first + [c for c in roles.columns if c not in first and c != "weight"]]
    roles = roles.sort_values(["headcount", "onet_soc_code"], ascending=[False, True])
    return roles.reset_index(drop=True)


def department_task_group_exposure(people: pd.DataFrame, tasks: pd.DataFrame) -> pd.DataFrame:
    """Headcount-weighted beta per department and task group.

    ``headcount`` is the task-time headcount: people (:func:`occupation_shares`) times the
    share of their occupation's task weight that falls into the group.
    """
    share = tasks["weight"] / tasks.groupby("onet_soc_code")["weight"].transform("sum")
    per_group = (
        tasks.assign(time=share, beta_time=share * tasks["beta"])
        .groupby(["onet_soc_code", "task_group"], as_index=False)[["time", "beta_time"]]
        .sum()
    )
    staff = people.groupby(["department", "onet_soc_code"], as_index=False)["headcount_share"].sum()
    frame = staff.merge(per_group, on="onet_soc_code")
    frame["headcount"] = frame["headcount_share"] * frame["time"]
    frame["beta_w"] = frame["headcount_share"] * frame["beta_time"]
    out: pd.DataFrame = frame.groupby(["department", "task_group"], as_index=False)[
        ["headcount", "beta_w"]
    ].sum()
    out["beta"] = out.pop("beta_w") / out["headcount"].where(out["headcount"] > 0)
    return out.sort_values(["department", "task_group"]).reset_index(drop=True)
