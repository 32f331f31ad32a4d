"""Draw the 320 English O*NET task statements behind ``tasks_de_dev.csv``.

The sample comes from the human-labelled tasks in the shipped reference bundle
(``eloundou_tasks``): rows with an O*NET 30.1 ``task_id`` and a human label, one row per
``task_id``, stratified so that every SOC major group (first two characters of the
O*NET-SOC code) contributes as near as possible the same number of tasks. A group with
fewer eligible tasks than its share gives all it has; the rest is spread over the others.
Groups that get one task more than the others are drawn with the same seed.

The labels are used only to select eligible rows; they are not written out, so the
translator does not see them.

Run: ``python benchmarks/data/make_tasks_de_sample.py`` (writes
``benchmarks/data/tasks_de_dev_sample.csv``, an intermediate file that is not committed).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from workshift.reference import ReferenceStore

SAMPLE_SIZE = 320
SEED = 20261125
OUT = Path(__file__).with_name("tasks_de_dev_sample.csv")


def quotas(available: pd.Series, total: int, rng: np.random.Generator) -> pd.Series:
    """Equal share per group, capped at what a group has; leftovers go to random groups."""
    quota = pd.Series(0, index=available.index)
    remaining = total
    open_groups = list(available.index)
    while remaining > 0 and open_groups:
        share, extra = divmod(remaining, len(open_groups))
        bonus = set(rng.choice(open_groups, size=extra, replace=False)) if extra else set()
        for group in open_groups:
            quota[group] += share + (1 if group in bonus else 0)
        overflow = (quota - available).clip(lower=0)
        quota -= overflow
        remaining = int(overflow.sum())
        open_groups = [g for g in open_groups if quota[g] < available[g]]
    return quota


def main() -> None:
    labelled = ReferenceStore().table("eloundou_tasks")
    eligible = labelled[labelled["task_id"].notna() & labelled["human_label"].notna()]
    eligible = eligible.drop_duplicates("task_id", keep="first")
    eligible = eligible[["task_id", "onet_soc_code", "task"]].assign(
        major_group=lambda d: d["onet_soc_code"].str[:2]
    )
    eligible = eligible.sort_values(["onet_soc_code", "task_id"]).reset_index(drop=True)

    rng = np.random.default_rng(SEED)
    available = eligible["major_group"].value_counts().sort_index()
    quota = quotas(available, SAMPLE_SIZE, rng)

    parts = [
        rows.sample(n=int(quota[group]), random_state=SEED)
        for group, rows in eligible.groupby("major_group", sort=True)
    ]
    sample = (
        pd.concat(parts)
        .sort_values(["onet_soc_code", "task_id"])
        .rename(columns={"task": "task_en"})[["task_id", "onet_soc_code", "task_en"]]
    )
    assert len(sample) == SAMPLE_SIZE and sample["task_id"].is_unique
    sample.to_csv(OUT, index=False, encoding="utf-8")
    print(f"wrote {len(sample)} rows to {OUT}")
    print(sample["onet_soc_code"].str[:2].value_counts().sort_index().to_string())


if __name__ == "__main__":
    main()
