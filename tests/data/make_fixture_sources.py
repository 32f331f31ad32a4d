"""Make the tiny raw-source fixtures in ``tests/data/sources`` from ``shared/data``.

Usage::

    .venv/bin/python tests/data/make_fixture_sources.py [SHARED_DATA]

``SHARED_DATA`` defaults to ``$WORKSHIFT_SHARED_DATA``, else the ``shared/data`` folder
beside the checkout. The output is committed: the tests never read ``shared/data``.

The fixture holds four occupations (43-4051.00 Customer Service Representatives,
15-1252.00 Software Developers, 43-3031.00 Bookkeeping clerks, 53-7065.00 Stockers and
Order Fillers) and the rows that link to them in every file that
:data:`workshift.reference._sources.SOURCES` lists (``Content Model Reference.txt``:
the Generalized Work Activities of the fixture's IWAs and DWAs, and their ancestors).
Each file keeps the original's header, delimiter, quoting, encoding (BOM or not), line
endings and final newline: selected records are copied byte for byte. The BLS
projections workbook is rewritten with openpyxl in the original layout (title row 1,
header row 2, data from row 3, the footnote rows at the end).

Rows injected on purpose so the tests can check the reconciliation report (the
constants below are imported by nothing; the tests repeat them):

(a) ``full_labelset.tsv`` / ``automation_gpt4_human_labels.tsv``: task 990001 of
    43-4051.00 with a text that no task has -> ``unmapped``;
(b) ``full_labelset.tsv`` / ``automation_gpt4_human_labels.tsv``: task 990002 of
    43-3031.00 whose text is a 43-3031.00 task of O*NET 30.1 in upper case without its
    final full stop -> ``remapped`` by text;
(c) ``isco08_soc2010_bls.tsv``: ISCO 2512 -> SOC 2010 15-1132, which the O*NET-SOC
    crosswalk renames to 15-1252 -> ``remapped`` / ``soc_match == "renamed"`` (a real
    BLS row; the script checks it is selected);
(d) ``task_penetration.csv``: a task text that matches no task -> ``unmapped``.

The script is deterministic: running it twice gives the same bytes.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import sys
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pandas as pd

HERE = Path(__file__).resolve().parent
OUT = HERE / "sources"
REPO = HERE.parents[1]

OCCUPATIONS = ("15-1252.00", "43-3031.00", "43-4051.00", "53-7065.00")
SOCS = tuple(code[:7] for code in OCCUPATIONS)

# (a) Eloundou label with a retired task ID and a text no task has.
UNMAPPED_TASK_ID = 990001
UNMAPPED_TASK_CODE = "43-4051.00"
UNMAPPED_TASK_TEXT = "Answer calls on the retired mail-order catalogue hotline."
# (b) Eloundou label with a retired task ID and the text of a 30.1 task (other case).
REMAPPED_TASK_ID = 990002
REMAPPED_TASK_CODE = "43-3031.00"
REMAPPED_TARGET_TASK_ID = 2487  # a 43-3031.00 task that Eloundou did not label
# (c) ISCO-08 2512 -> SOC 2010 15-1132 (renamed 15-1252 in SOC 2018).
RENAMED_ISCO = "2512"
RENAMED_SOC_2010 = "15-1132"
# (d) Anthropic task text that matches no task.
ANTHROPIC_UNMAPPED_TEXT = "Polish the brass on the retired catalogue hotline switchboard."

BOM = b"\xef\xbb\xbf"
ONET = "onet/db_30_1_text/"
CODE = "O*NET-SOC Code"


@dataclass
class RawFile:
    """A delimited text file split into its header and raw data records."""

    bom: bool
    newline: str
    final_newline: bool
    header: str
    records: list[str]
    sep: str
    quoted: bool

    @classmethod
    def read(cls, path: Path, sep: str) -> RawFile:
        data = path.read_bytes()
        bom = data.startswith(BOM)
        text = data[len(BOM) :].decode("utf-8") if bom else data.decode("utf-8")
        first = text.split("\n", 1)[0]
        newline = "\r\n" if first.endswith("\r") else "\n"
        final_newline = text.endswith(newline)
        lines = text.split(newline)
        if final_newline:
            lines.pop()
        # Quoted CSV fields may hold line breaks: join physical lines until quotes balance.
        quoted = sep == ","
        records: list[str] = []
        for line in lines:
            if quoted and records and records[-1].count('"') % 2 == 1:
                records[-1] += newline + line
            else:
                records.append(line)
        if any(not r.strip() for r in records):
            raise SystemExit(f"{path}: blank records are not supported")
        return cls(bom, newline, final_newline, records[0], records[1:], sep, quoted)

    def format_row(self, values: Iterable[str]) -> str:
        """A new record in this file's dialect."""
        buffer = io.StringIO()
        quoting = csv.QUOTE_MINIMAL if self.quoted else csv.QUOTE_NONE
        writer = csv.writer(
            buffer, delimiter=self.sep, lineterminator="", quoting=quoting, escapechar=None
        )
        writer.writerow(list(values))
        return buffer.getvalue()

    def write(self, path: Path, records: list[str]) -> None:
        body = self.newline.join([self.header, *records])
        if self.final_newline:
            body += self.newline
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes((BOM if self.bom else b"") + body.encode("utf-8"))


def read_frame(path: Path, sep: str) -> pd.DataFrame:
    """Read a file the way ``workshift.reference._raw.RawSources`` does."""
    frame = pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    frame.columns = [str(c).strip() for c in frame.columns]
    return frame


class Extractor:
    """Copy selected records of each source file, then check the copy parses the same."""

    def __init__(self, shared: Path, out: Path) -> None:
        self.shared = shared
        self.out = out
        self.frames: dict[str, pd.DataFrame] = {}
        self.written: list[str] = []

    def frame(self, rel: str, sep: str = ",") -> pd.DataFrame:
        if rel not in self.frames:
            self.frames[rel] = read_frame(self.shared / rel, sep)
        return self.frames[rel]

    def extract(
        self,
        rel: str,
        keep: pd.Series,
        *,
        sep: str = ",",
        extra: list[list[str]] | None = None,
    ) -> pd.DataFrame:
        """Write the rows of ``rel`` where ``keep`` is true, plus ``extra`` rows at the end."""
        frame = self.frame(rel, sep)
        raw = RawFile.read(self.shared / rel, sep)
        if len(raw.records) != len(frame):
            raise SystemExit(f"{rel}: {len(raw.records)} raw records but {len(frame)} rows")
        positions = [i for i, k in enumerate(keep.tolist()) if k]
        if not positions:
            raise SystemExit(f"{rel}: selection is empty")
        records = [raw.records[i] for i in positions]
        records += [raw.format_row(values) for values in extra or []]
        raw.write(self.out / rel, records)
        copy = read_frame(self.out / rel, sep)
        expected = frame.iloc[positions].reset_index(drop=True)
        pd.testing.assert_frame_equal(copy.iloc[: len(positions)], expected)
        if len(copy) != len(records):
            raise SystemExit(f"{rel}: injected rows did not parse as {len(extra or [])} rows")
        self.written.append(rel)
        return expected


def _template(frame: pd.DataFrame, mask: pd.Series) -> dict[str, str]:
    return dict(frame.loc[mask].iloc[0])


def make_onet(ex: Extractor) -> dict[str, pd.DataFrame]:
    kept = {}
    for name in (
        "Occupation Data.txt",
        "Job Zones.txt",
        "Task Statements.txt",
        "Tasks to DWAs.txt",
    ):
        frame = ex.frame(ONET + name, "\t")
        kept[name] = ex.extract(ONET + name, frame[CODE].isin(OCCUPATIONS), sep="\t")
    tasks = kept["Task Statements.txt"]
    dwa_ids = set(kept["Tasks to DWAs.txt"]["DWA ID"])
    dwas = ex.frame(ONET + "DWA Reference.txt", "\t")
    dwas = ex.extract(ONET + "DWA Reference.txt", dwas["DWA ID"].isin(dwa_ids), sep="\t")

    def first_per_occupation(name: str, n: int, extra: pd.Series | None = None) -> None:
        frame = ex.frame(ONET + name, "\t")
        mine = frame[CODE].isin(OCCUPATIONS)
        keep = mine & (frame.groupby(CODE).cumcount() < n)
        if extra is not None:
            # ... and the first row per occupation that has the feature.
            keep.loc[frame.loc[mine & extra].drop_duplicates(CODE).index] = True
        ex.extract(ONET + name, keep, sep="\t")

    alt = ex.frame(ONET + "Alternate Titles.txt", "\t")
    first_per_occupation("Alternate Titles.txt", 4, alt["Short Title"] != "n/a")
    first_per_occupation("Sample of Reported Titles.txt", 4)
    tech = ex.frame(ONET + "Technology Skills.txt", "\t")
    first_per_occupation("Technology Skills.txt", 4, tech["Hot Technology"] == "Y")
    ete = ex.frame(ONET + "Education, Training, and Experience.txt", "\t")
    ex.extract(
        ONET + "Education, Training, and Experience.txt",
        ete[CODE].isin(OCCUPATIONS) & (ete["Element ID"] == "2.D.1"),
        sep="\t",
    )
    cats = ex.frame(ONET + "Education, Training, and Experience Categories.txt", "\t")
    ex.extract(
        ONET + "Education, Training, and Experience Categories.txt",
        cats["Element ID"] == "2.D.1",
        sep="\t",
    )
    skills = ex.frame("onet/skills_v27/Skills.txt", "\t")
    first_elements = list(dict.fromkeys(skills["Element ID"]))[:3]
    ex.extract(
        "onet/skills_v27/Skills.txt",
        skills[CODE].isin(OCCUPATIONS) & skills["Element ID"].isin(first_elements),
        sep="\t",
    )
    return {"occupations": kept["Occupation Data.txt"], "tasks": tasks, "dwas": dwas}


def make_soc_and_crosswalks(ex: Extractor) -> dict[str, set[str]]:
    soc = ex.frame("labor/soc_structure_2018.csv")
    wanted = set()
    for code in SOCS:
        wanted |= {code[:2] + "-0000", code[:5] + "00", code[:6] + "0", code}
    levels = ["Major Group", "Minor Group", "Broad Occupation", "Detailed Occupation"]
    ex.extract("labor/soc_structure_2018.csv", soc[levels].isin(wanted).any(axis=1))

    walk = ex.frame("crosswalks/onet_soc_2010_to_2019.csv")
    walk = ex.extract(
        "crosswalks/onet_soc_2010_to_2019.csv", walk["O*NET-SOC 2019 Code"].isin(OCCUPATIONS)
    )
    onet_2010 = set(walk["O*NET-SOC 2010 Code"])
    soc_2010 = {c[:7] for c in onet_2010}

    isco = ex.frame("crosswalks/isco08_soc2010_bls.tsv", "\t")
    groups = set(isco.loc[isco["soc2010_code"].str.strip().isin(soc_2010), "isco08_code"])
    isco = ex.extract(
        "crosswalks/isco08_soc2010_bls.tsv", isco["isco08_code"].isin(groups), sep="\t"
    )
    renamed = (isco["isco08_code"] == RENAMED_ISCO) & (
        isco["soc2010_code"].str.strip() == RENAMED_SOC_2010
    )
    if not renamed.any() or RENAMED_SOC_2010 + ".00" not in onet_2010:
        raise SystemExit("injection (c): ISCO 2512 -> SOC 2010 15-1132 is not in the fixture")

    nesta = ex.frame("crosswalks/esco_onet_crosswalk_nesta_2020.csv")
    nesta = ex.extract(
        "crosswalks/esco_onet_crosswalk_nesta_2020.csv",
        nesta["onet_code"].isin(onet_2010) & nesta["isco_code"].isin(groups),
    )
    esco = ex.frame("esco/occupations_en.csv")
    esco = ex.extract(
        "esco/occupations_en.csv",
        esco["conceptUri"].isin(set(nesta["concept_uri"])) & esco["iscoGroup"].isin(groups),
    )
    if set(esco["conceptUri"]) != set(nesta["concept_uri"]):
        raise SystemExit("every Nesta row should point at a fixture ESCO occupation")
    ancestors = {g[:n] for g in groups | set(esco["iscoGroup"]) for n in range(1, 5)}
    isco_groups = ex.frame("esco/ISCOGroups_en.csv")
    ex.extract("esco/ISCOGroups_en.csv", isco_groups["code"].isin(ancestors))
    skills = ex.frame("esco/skills_label_description.csv")
    ex.extract("esco/skills_label_description.csv", skills.index.to_series() < 5)
    return {"isco_groups": groups}


def make_labour(ex: Extractor) -> None:
    codes = {"00-0000", *{c[:2] + "-0000" for c in SOCS}, *SOCS}
    for rel in ("labor/oews_national_may2024.csv", "labor/oews_national_may2021.csv"):
        frame = ex.frame(rel)
        ex.extract(rel, frame["OCC_CODE"].isin(codes))
    make_projections(ex.shared, ex.out, codes)
    ex.written.append(PROJECTIONS)


PROJECTIONS = "labor/bls_employment_projections_2024_34.xlsx"
_FIXED_TIME = "2025-01-01T00:00:00Z"


def make_projections(shared: Path, out: Path, codes: set[str]) -> None:
    """Tables 1.2 and 1.10 with the fixture's occupations, in the published layout."""
    source = openpyxl.load_workbook(shared / PROJECTIONS, read_only=True, data_only=True)
    book = openpyxl.Workbook()
    book.remove(book.active)
    for sheet in ("Table 1.2", "Table 1.10"):
        rows = list(source[sheet].iter_rows(values_only=True))
        title, header, body = rows[0], rows[1], rows[2:]
        last_code = max(i for i, r in enumerate(body) if r[1] is not None)
        data = [r for r in body[: last_code + 1] if r[1] in codes]
        notes = [r for r in body[last_code + 1 :] if any(v is not None for v in r)]
        if not notes:
            raise SystemExit(f"{sheet}: no footnote rows found")
        target = book.create_sheet(sheet)
        for row in (title, header, *data, *notes):
            target.append(list(row))
    source.close()
    path = out / PROJECTIONS
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    book.save(buffer)
    _deterministic_zip(buffer.getvalue(), path)


def _deterministic_zip(data: bytes, path: Path) -> None:
    """Rewrite an xlsx with fixed timestamps so the bytes do not depend on the clock."""
    stamp = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = stamp.sub(rb"\g<1>" + _FIXED_TIME.encode() + rb"\g<2>", content)
            fixed = zipfile.ZipInfo(info.filename, date_time=(2025, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, content)


def make_exposure(ex: Extractor, onet: dict[str, pd.DataFrame]) -> None:
    tasks = onet["tasks"]
    # Eloundou: every label of the fixture occupations, plus injections (a) and (b).
    rel = "exposure/eloundou/full_labelset.tsv"
    labels = ex.frame(rel, "\t")
    all_ids = set(ex.frame(ONET + "Task Statements.txt", "\t")["Task ID"].astype(int))
    for tid in (UNMAPPED_TASK_ID, REMAPPED_TASK_ID):
        if tid in all_ids:
            raise SystemExit(f"injected task ID {tid} exists in O*NET 30.1")
    target = tasks.loc[tasks["Task ID"].astype(int) == REMAPPED_TARGET_TASK_ID]
    if list(target[CODE]) != [REMAPPED_TASK_CODE]:
        raise SystemExit(f"task {REMAPPED_TARGET_TASK_ID} is not a {REMAPPED_TASK_CODE} task")
    remapped_text = target["Task"].iloc[0].upper().rstrip(".")
    mine = labels[CODE].isin(OCCUPATIONS)
    titles = dict(zip(onet["occupations"][CODE], onet["occupations"]["Title"], strict=True))
    next_index = int(labels.iloc[:, 0].astype(int).max()) + 1
    template = _template(labels, labels[CODE] == "43-4051.00")
    injected = []
    for offset, (tid, code, text, title) in enumerate(
        [
            (UNMAPPED_TASK_ID, UNMAPPED_TASK_CODE, UNMAPPED_TASK_TEXT, template["Title"]),
            (REMAPPED_TASK_ID, REMAPPED_TASK_CODE, remapped_text, titles[REMAPPED_TASK_CODE]),
        ]
    ):
        row = dict(template)
        row.update(
            {
                labels.columns[0]: str(next_index + offset),
                CODE: code,
                "Task ID": f"{tid}.0",
                "Task": text,
                "Task Type": "Core",
                "Title": title,
                "human_exposure_agg": "E1",
                "gpt4_exposure": "E2",
                "gpt4_exposure_alt_rubric": "E2",
                "gpt4_automation": "T2",
                "human_labels": "E1",
            }
        )
        injected.append([row[c] for c in labels.columns])
    labels = ex.extract(rel, mine, sep="\t", extra=injected)

    auto_rel = "exposure/eloundou/automation_gpt4_human_labels.tsv"
    auto = ex.frame(auto_rel, "\t")
    pairs = set(zip(labels[CODE], labels["Task ID"].astype(float).astype(int), strict=True))
    keep = pd.Series(
        [p in pairs for p in zip(auto[CODE], auto["Task ID"].astype(int), strict=True)],
        index=auto.index,
    )
    auto_template = _template(auto, auto[CODE] == "43-4051.00")
    auto_rows = []
    for tid, code, text, human in (
        (UNMAPPED_TASK_ID, UNMAPPED_TASK_CODE, UNMAPPED_TASK_TEXT, "T3"),
        (REMAPPED_TASK_ID, REMAPPED_TASK_CODE, remapped_text, "T1"),
    ):
        row = dict(auto_template)
        row.update(
            {
                "gpt4_automation": "T2",
                CODE: code,
                "Task ID": str(tid),
                "Task": text,
                "Task Type": "Core",
                "Title": titles[code],
                "human_automation": human,
            }
        )
        auto_rows.append([row[c] for c in auto.columns])
    ex.extract(auto_rel, keep, sep="\t", extra=auto_rows)
    occ_rel = "exposure/eloundou/occ_level.csv"
    ex.extract(occ_rel, ex.frame(occ_rel)[CODE].isin(OCCUPATIONS))

    # Microsoft: the fixture SOC codes, their first six IWAs, and those IWAs' metrics.
    ms = "exposure/microsoft/"
    for name in ("soc_ai_applicability_scores.csv", "soc_metrics.csv", "soc_iwa_weights.csv"):
        ex.extract(ms + name, ex.frame(ms + name)["SOC Code"].isin(SOCS))
    links = ex.frame(ms + "soc_to_iwas.csv")
    keep = links["SOC Code"].isin(SOCS) & (links.groupby("SOC Code").cumcount() < 6)
    links = ex.extract(ms + "soc_to_iwas.csv", keep)
    iwa_ids = set(links["IWA"])
    ex.extract(ms + "iwa_metrics.csv", ex.frame(ms + "iwa_metrics.csv")["IWA"].isin(iwa_ids))
    iwas = ex.frame(ONET + "IWA Reference.txt", "\t")
    iwa_ids |= set(onet["dwas"]["IWA ID"])
    iwas = ex.extract(ONET + "IWA Reference.txt", iwas["IWA ID"].isin(iwa_ids), sep="\t")
    make_content_model(ex, set(iwas["Element ID"]) | set(onet["dwas"]["Element ID"]))

    # Anthropic: texts of fixture tasks, plus injection (d) in task_penetration.csv.
    from_text = set(tasks["Task"].map(_norm))
    an = "exposure/anthropic/"
    usage = ex.frame(an + "onet_task_mappings.csv")
    ex.extract(an + "onet_task_mappings.csv", usage["task_name"].map(_norm).isin(from_text))
    pen = ex.frame(an + "task_penetration.csv")
    if _norm(ANTHROPIC_UNMAPPED_TEXT) in set(pen["task"].map(_norm)):
        raise SystemExit("injection (d) text exists in the Anthropic data")
    ex.extract(
        an + "task_penetration.csv",
        pen["task"].map(_norm).isin(from_text),
        extra=[[ANTHROPIC_UNMAPPED_TEXT, "0.25"]],
    )
    jobs = ex.frame(an + "job_exposure.csv")
    ex.extract(an + "job_exposure.csv", jobs["occ_code"].isin(SOCS))
    modes = ex.frame(an + "automation_vs_augmentation.csv")
    ex.extract(an + "automation_vs_augmentation.csv", modes["pct"] != "")


def make_content_model(ex: Extractor, gwa_ids: set[str]) -> None:
    """The GWAs that the fixture's IWAs and DWAs use, with every ancestor element.

    The ancestors (``4.A``, ``4.A.1``, ``4.A.1.a`` ...) give each GWA its category and
    let the tests check that the build keeps only the five-part GWA rows.
    """
    rel = ONET + "Content Model Reference.txt"
    model = ex.frame(rel, "\t")
    parts = [gwa.split(".") for gwa in gwa_ids]
    wanted = {".".join(p[:n]) for p in parts for n in range(2, len(p) + 1)}
    kept = ex.extract(rel, model["Element ID"].isin(wanted), sep="\t")
    if not gwa_ids <= set(kept["Element ID"]):
        raise SystemExit(f"{rel}: GWAs missing: {sorted(gwa_ids - set(kept['Element ID']))}")


def _norm(text: str) -> str:
    from workshift.reference._normalise import normalise_text

    return normalise_text(text)


def main(argv: list[str]) -> int:
    default = os.environ.get("WORKSHIFT_SHARED_DATA") or REPO.parent / "shared" / "data"
    shared = Path(argv[0]) if argv else Path(default)
    if not shared.is_dir():
        print(f"shared data not found: {shared}", file=sys.stderr)
        return 1
    # Build beside the output and swap at the end, so a failure leaves the old fixture.
    staging = OUT.with_name(OUT.name + ".new")
    if staging.exists():
        shutil.rmtree(staging)
    ex = Extractor(shared, staging)
    onet = make_onet(ex)
    make_soc_and_crosswalks(ex)
    make_labour(ex)
    make_exposure(ex, onet)

    from workshift.reference._sources import SOURCES

    expected = {f for source in SOURCES.values() for f in source.files}
    if set(ex.written) != expected:
        missing = sorted(expected - set(ex.written))
        extra = sorted(set(ex.written) - expected)
        raise SystemExit(f"fixture files differ from SOURCES: missing {missing}, extra {extra}")
    if OUT.exists():
        shutil.rmtree(OUT)
    staging.rename(OUT)
    total = sum((OUT / rel).stat().st_size for rel in ex.written)
    print(f"wrote {len(ex.written)} files, {total:,} bytes, to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
