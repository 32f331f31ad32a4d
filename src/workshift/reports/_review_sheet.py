"""The review sheet of ``workshift review``: one row per matcher-coded title, as XLSX or CSV.

Titles come in the order of :func:`workshift.exposure.title_review` (those whose settling
narrows the headline range most come first). The ``code`` column is left empty for the
user: a code, a candidate number or ``ok``. The filled sheet is read back, as it is, by
``--overrides`` (:meth:`workshift.matching.Overrides.load`). Headers and the coded-by
values are English or German; numbers stay numbers (confidences and betas as
percentages in the workbook). A title beginning with ``=``, ``+``, ``-`` or ``@`` is never
a formula: text in the workbook, quoted with ``'`` in the CSV (and unquoted on reading).

Examples
--------
>>> import tempfile, pathlib
>>> import pandas as pd
>>> titles = pd.DataFrame({"title": ["Picker"], "rows": [3], "headcount": [3.0],
...     "fte": [2.5], "decided_by": ["candidates"], "occupation_confidence": [0.4],
...     "exposure_confidence": [0.7], "beta": [0.2], "beta_low": [0.1], "beta_high": [0.3],
...     "narrows_share_gt_50pct": [0.0], "narrows_beta_mean": [0.01],
...     "candidate_1_code": ["53-7065.00"], "candidate_1_occupation": ["Stockers"],
...     "candidate_1_confidence": [0.4], "candidate_1_beta": [0.2]})
>>> path = pathlib.Path(tempfile.mkdtemp()) / "review.csv"
>>> _ = write_review_sheet(titles, path, lang="de")
>>> path.read_text(encoding="utf-8-sig").splitlines()[0].split(";")[:4]
['Titel', 'Code', 'Zeilen', 'Köpfe (Personen)']
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from workshift.exceptions import ConfigError
from workshift.exposure import TITLE_COLUMNS
from workshift.matching import review_label

__all__ = ["REVIEW_ORDER", "write_review_sheet"]

REVIEW_ORDER = ("title", "code", *TITLE_COLUMNS[1:])
"""The sheet's first columns; the candidate columns follow."""

_DECIDED = {
    "en": {"candidates": "candidates (unsure)", "model": "model", "exact_title": "exact title"},
    "de": {
        "candidates": "Kandidaten (unsicher)",
        "model": "Modell",
        "exact_title": "exakter Titel",
    },
}
_HELP = {
    "en": [
        "How to fill this sheet",
        "One row per distinct job title the matcher coded, the titles whose settling narrows "
        "the headline range most first.",
        "In the column 'code' type: ok (accept candidate 1), a candidate number (1-5), or "
        "any O*NET-SOC or SOC code. Leave it blank to keep the matcher's candidates.",
        "Then run the analysis again with --overrides and this file: settled titles count "
        "as decided, and the ranges narrow.",
        "occupation confidence: probability that candidate 1 is the right occupation. "
        "exposure confidence: probability that the true occupation's beta is within 0.10 "
        "of the beta used. headcount counts people; FTE are full-time equivalents.",
        "beta: share of task time an LLM could speed up by half or more at equal quality "
        "(GPTs are GPTs rubric); exposure is not job loss.",
    ],
    "de": [
        "So füllen Sie diese Tabelle aus",
        "Eine Zeile je Stellenbezeichnung, die der Abgleich codiert hat; zuerst die Titel, "
        "deren Klärung die Spanne der Kennzahlen am stärksten verengt.",
        "In der Spalte 'Code' eintragen: ok (Kandidat 1 übernehmen), eine Kandidatennummer "
        "(1-5) oder einen O*NET-SOC- bzw. SOC-Code. Leer lassen, um die Kandidaten des "
        "Abgleichs zu behalten.",
        "Dann die Analyse mit --overrides und dieser Datei erneut ausführen: geklärte Titel "
        "gelten als entschieden, die Spannen werden enger.",
        "Sicherheit Beruf: Wahrscheinlichkeit, dass Kandidat 1 der richtige Beruf ist. "
        "Sicherheit Exposition: Wahrscheinlichkeit, dass das Beta des richtigen Berufs "
        "höchstens 0,10 vom verwendeten abweicht. Köpfe zählen Personen; VZÄ sind "
        "Vollzeitäquivalente.",
        "Beta: Anteil der Arbeitszeit, den ein Sprachmodell bei gleicher Qualität um "
        "mindestens die Hälfte verkürzen könnte (Rubrik von GPTs are GPTs); Exposition ist "
        "kein Stellenabbau.",
    ],
}
_PCT = ("confidence", "beta", "narrows")
_UNSAFE = ("=", "+", "-", "@")


def _columns(frame: pd.DataFrame) -> list[str]:
    rest = [str(c) for c in frame.columns if str(c).startswith("candidate_")]
    return [*REVIEW_ORDER, *rest]


def _prepared(titles: pd.DataFrame, lang: str) -> pd.DataFrame:
    frame = titles.copy()
    frame["code"] = ""
    frame["decided_by"] = frame["decided_by"].map(lambda v: _DECIDED[lang].get(v, v))
    return frame[_columns(frame)]


def _csv_safe(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_UNSAFE):
        return "'" + value
    return value


def write_review_sheet(
    titles: pd.DataFrame,
    path: str | Path,
    *,
    lang: str = "en",
    summary: Mapping[str, Any] | None = None,
) -> Path:
    """Write the review sheet to ``path`` (``.xlsx`` or ``.csv``, by its suffix).

    ``titles`` is :attr:`workshift.pipeline.Analysis.titles`; ``summary`` (the analysis
    summary) adds the headline range to the workbook's help sheet. German CSVs use ``;``
    and decimal commas, as German Excel reads them.
    """
    if lang not in _HELP:
        raise ConfigError(f"unknown language {lang!r}; use one of {', '.join(_HELP)}")
    out = Path(path)
    frame = _prepared(titles, lang)
    labels = [review_label(c, lang) for c in frame.columns]
    out.parent.mkdir(parents=True, exist_ok=True)
    suffix = out.suffix.lower()
    if suffix == ".csv":
        text = frame.map(_csv_safe)
        text.columns = labels
        sep, decimal = (";", ",") if lang == "de" else (",", ".")
        text.to_csv(out, index=False, sep=sep, decimal=decimal, encoding="utf-8-sig")
    elif suffix == ".xlsx":
        _write_xlsx(frame, labels, out, lang, summary or {})
    else:
        raise ConfigError(f"the review sheet is .xlsx or .csv, not {out.suffix or '(none)'!r}")
    return out


def _write_xlsx(
    frame: pd.DataFrame, labels: list[str], out: Path, lang: str, summary: Mapping[str, Any]
) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(
        str(out), {"strings_to_formulas": False, "strings_to_numbers": False}
    )
    header = book.add_format({"bold": True, "text_wrap": True, "valign": "top",
                              "bg_color": "#F1F4F7"})  # fmt: skip
    fill = book.add_format({"bold": True, "text_wrap": True, "valign": "top",
                            "bg_color": "#FFE699", "border": 1})  # fmt: skip
    entry = book.add_format({"bg_color": "#FFF6D5", "border": 1})
    pct = book.add_format({"num_format": "0.0%"})
    number = book.add_format({"num_format": "#,##0.##"})
    sheet = book.add_worksheet("Review" if lang == "en" else "Prüfung")
    for i, (column, label) in enumerate(zip(frame.columns, labels, strict=True)):
        width = 44 if column in ("title",) or column.endswith("_occupation") else 14
        if column == "code":
            width = 16
        style = pct if any(k in column for k in _PCT) else None
        if column in ("headcount", "fte", "rows"):
            style = number
        sheet.set_column(i, i, width, entry if column == "code" else style)
        sheet.write(0, i, label, fill if column == "code" else header)
    for r, record in enumerate(frame.itertuples(index=False), start=1):
        for c, value in enumerate(record):
            if value is None or (isinstance(value, float) and value != value):
                if frame.columns[c] == "code":
                    sheet.write_blank(r, c, None, entry)
                continue
            sheet.write(r, c, value)
    sheet.freeze_panes(1, 2)
    sheet.autofilter(0, 0, max(len(frame), 1), len(frame.columns) - 1)
    help_sheet = book.add_worksheet("How to fill" if lang == "en" else "Ausfüllhinweise")
    help_sheet.set_column(0, 0, 110, book.add_format({"text_wrap": True, "valign": "top"}))
    lines = list(_HELP[lang])
    if summary.get("share_beta_gt_50pct") is not None:
        low, high = summary["share_beta_gt_50pct_low"], summary["share_beta_gt_50pct_high"]
        point, sure = summary["share_beta_gt_50pct"], summary.get("confident_share") or 0.0
        if lang == "de":

            def de(x: float) -> str:
                return f"{x * 100:.1f} %".replace(".", ",")

            lines.append(
                f"Heute: Anteil der Personen mit Beta > 50 %: {de(point)} (Spanne {de(low)} "
                f"bis {de(high)}); sicher codiert: {de(sure)} der Personen."
            )
        else:
            lines.append(
                f"Now: share of people with beta > 50%: {point:.1%} (range {low:.1%} to "
                f"{high:.1%}); coded with confidence: {sure:.1%} of people."
            )
    for i, line in enumerate(lines):
        help_sheet.write(i, 0, line, header if i == 0 else None)
    book.close()
