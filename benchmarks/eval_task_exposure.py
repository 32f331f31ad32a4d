"""Evaluate the TaskExposureModel on occupation groups it never saw.

For each SOC major group, the model is trained without that group's labels and scores
the group's tasks (as free text with their occupation). Reported: exact E-label
agreement with the human annotators, occupation-level beta Pearson r (task weights core
2 / supplemental 1), expected calibration error, and the same-run baselines (GPT-4's
labels; TF-IDF + logistic regression). German: the hand-written translations in
``benchmarks/data/tasks_de_dev.csv`` are scored by the model that did not see their group
and compared with the model's score of the English original.

    python benchmarks/eval_task_exposure.py [--groups 43 15] [--no-write]
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.stats import pearsonr
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, str(Path(__file__).parent))
from _results import write_section

from workshift.exposure import LABELS, TaskExposureModel
from workshift.reference import ReferenceStore

HERE = Path(__file__).parent
_INDEX = {name: i for i, name in enumerate(LABELS)}


def beta_r(tasks: pd.DataFrame, proba: np.ndarray) -> float:
    """Pearson r of occupation beta (weighted) between predictions and human labels."""
    truth = np.eye(3)[tasks["label"].map(_INDEX).to_numpy()]
    frame = (
        pd.DataFrame(
            {
                "o": tasks["onet_soc_code"],
                "w": tasks["weight"],
                "p": (proba[:, 1] + 0.5 * proba[:, 2]) * tasks["weight"],
                "t": (truth[:, 1] + 0.5 * truth[:, 2]) * tasks["weight"],
            }
        )
        .groupby("o")
        .sum()
    )
    return float(pearsonr(frame["p"] / frame["w"], frame["t"] / frame["w"])[0])


def ece(proba: np.ndarray, truth: np.ndarray, bins: int = 10) -> float:
    """Expected calibration error of the top-label confidence."""
    confidence = proba.max(axis=1)
    correct = proba.argmax(axis=1) == truth
    edges = np.linspace(0, 1, bins + 1)
    total = 0.0
    for low, high in itertools.pairwise(edges):
        inside = (confidence > low) & (confidence <= high)
        if inside.any():
            total += inside.mean() * abs(correct[inside].mean() - confidence[inside].mean())
    return float(total)


def tfidf_baseline(tasks: pd.DataFrame, train: np.ndarray) -> LogisticRegression:
    vectoriser = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    model = LogisticRegression(C=10.0, max_iter=3000)
    model.fit(vectoriser.fit_transform(tasks.loc[train, "task"]), tasks.loc[train, "label"])
    model.vectoriser = vectoriser  # type: ignore[attr-defined]
    return model


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groups", nargs="*", help="only these SOC major groups")
    parser.add_argument("--no-write", action="store_true", help="do not update RESULTS.md")
    args = parser.parse_args(argv)

    store = ReferenceStore()
    tasks = TaskExposureModel.training_tasks(store)
    weights = store.table("eloundou_tasks").drop_duplicates(["onet_soc_code", "task"])
    weights = weights.set_index(["onet_soc_code", "task"])["task_type"]
    key = pd.MultiIndex.from_frame(tasks[["onet_soc_code", "task"]])
    tasks["weight"] = weights.reindex(key).map({"Core": 2.0}).fillna(1.0).to_numpy()
    gpt4 = store.table("eloundou_tasks").drop_duplicates(["onet_soc_code", "task"])
    tasks["gpt4"] = gpt4.set_index(["onet_soc_code", "task"])["gpt4_label"].reindex(key).to_numpy()
    german = pd.read_csv(HERE / "data" / "tasks_de_dev.csv", dtype={"task_id": "Int64"})
    german["group"] = german["onet_soc_code"].str[:2]

    groups = sorted(args.groups or tasks["group"].unique())
    proba = np.full((len(tasks), 3), np.nan)
    baseline = np.full((len(tasks), 3), np.nan)
    free = np.full((len(tasks), 3), np.nan)
    de_en, de_de = [], []
    started = time.perf_counter()
    for group in groups:
        test = (tasks["group"] == group).to_numpy()
        model = TaskExposureModel().fit(store, exclude_groups=[group])
        proba[test] = model.predict_proba(
            tasks.loc[test, "task"].tolist(),
            tasks.loc[test, "onet_soc_code"].tolist(),
            tasks.loc[test, "task_id"].tolist(),
        )
        free[test] = model.predict_proba(
            tasks.loc[test, "task"].tolist(), tasks.loc[test, "onet_soc_code"].tolist()
        )
        tfidf = tfidf_baseline(tasks, ~test)
        baseline[test] = tfidf.predict_proba(
            tfidf.vectoriser.transform(tasks.loc[test, "task"])  # type: ignore[attr-defined]
        )
        rows = german.loc[german["group"] == group]
        if len(rows):
            codes = rows["onet_soc_code"].tolist()
            de_en.append(model.predict_proba(rows["task_en"].tolist(), codes))
            de_de.append(model.predict_proba(rows["task_de"].tolist(), codes))
        print(f"group {group}: {test.sum()} tasks, {time.perf_counter() - started:.0f} s")

    done = ~np.isnan(proba[:, 0])
    held = tasks.loc[done].reset_index(drop=True)
    truth = held["label"].map(_INDEX).to_numpy()
    ours, base = proba[done], baseline[done]
    labelled = held["gpt4"].notna().to_numpy()
    gpt4_onehot = np.eye(3)[held.loc[labelled, "gpt4"].map(_INDEX).to_numpy()]
    figures = {
        "agreement": float((ours.argmax(1) == truth).mean()),
        "beta_r": beta_r(held, ours),
        "ece": ece(ours, truth),
        "tfidf_agreement": float((base.argmax(1) == truth).mean()),
        "tfidf_beta_r": beta_r(held, base),
        "gpt4_agreement": float((gpt4_onehot.argmax(1) == truth[labelled]).mean()),
        "gpt4_beta_r": beta_r(held.loc[labelled], gpt4_onehot),
    }
    lines = [
        f"Held-out SOC major groups: {len(groups)}; tasks scored: {len(held):,} "
        "(each by the model trained without its group).",
        "",
        "| model | exact E-label agreement | occupation beta r |",
        "|---|---|---|",
        f"| TaskExposureModel | {figures['agreement']:.3f} | {figures['beta_r']:.3f} |",
        f"| same, as free text (work activities unknown) | "
        f"{(free[done].argmax(1) == truth).mean():.3f} | {beta_r(held, free[done]):.3f} |",
        f"| TF-IDF + logistic regression (same folds) | {figures['tfidf_agreement']:.3f} "
        f"| {figures['tfidf_beta_r']:.3f} |",
        f"| GPT-4 labels (published) | {figures['gpt4_agreement']:.3f} "
        f"| {figures['gpt4_beta_r']:.3f} |",
        "",
        f"Targets: agreement >= 0.75, r >= 0.94. ECE of the model's top label: "
        f"{figures['ece']:.3f}.",
    ]
    if de_en:
        en, de = np.vstack(de_en), np.vstack(de_de)
        same = float((en.argmax(1) == de.argmax(1)).mean())
        gap = float(np.abs((en[:, 1] + 0.5 * en[:, 2]) - (de[:, 1] + 0.5 * de[:, 2])).mean())
        lines += [
            "",
            f"German translations ({len(en)} hand-translated held-out tasks): same E-label as "
            f"the English original {same:.3f} (target >= 0.85); mean |beta_de - beta_en| "
            f"{gap:.3f} (target <= 0.08).",
        ]
    lines.append(f"\nWall time {time.perf_counter() - started:.0f} s.")
    print("\n".join(lines))
    if not args.no_write and not args.groups:
        write_section("Task exposure model (held-out occupation groups)", "\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
