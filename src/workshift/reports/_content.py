"""What the reports show, computed once from an analysis: rankings, tables, sources.

The HTML report renders these; the charts draw from the same selections, so a bar and
the table beside it always list the same roles. Every table is a :class:`Table` of
already formatted strings (formatting is the language's business, see ``_messages``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from workshift.reports._contract import AnalysisLike, ColumnKind, check_analysis, column_kind
from workshift.reports._messages import Messages, messages
from workshift.reports._translate import translate_column

if TYPE_CHECKING:
    from workshift.reference import ReferenceStore

__all__ = [
    "Headline",
    "Table",
    "automation_note",
    "council_note",
    "data_sources",
    "department_order",
    "disagreement",
    "has_fractions",
    "headlines",
    "is_missing",
    "label_sources",
    "make_table",
    "method_limits",
    "plain_text",
    "prepare",
    "rankable",
    "reason_counts",
    "signed",
    "source_mix",
    "source_names",
    "task_group_exposure",
    "task_ranking_note",
    "top_model_roles",
    "top_roles",
    "top_tasks",
    "unmatched_titles",
    "with_time_share",
]

TOP_ROLES = 15
TOP_TASKS = 20
TOP_TABLE = 25
TOP_DISAGREEMENT = 20
MIN_HEADCOUNT = 5
"""Roles (and their tasks) below this headcount stay out of the rankings: a ranking is
about where many people's work changes, and a works council should not read one
person's situation from it. The workbook keeps them."""


@dataclass(frozen=True)
class Headline:
    """One headline figure: its summary key, label, formatted value and a short gloss."""

    key: str
    label: str
    value: str
    help: str


@dataclass(frozen=True)
class Table:
    """A table ready to print: column labels, whether each is numeric, formatted cells."""

    columns: list[str]
    numeric: list[bool]
    rows: list[list[str]]
    note: str = ""


def format_value(value: Any, kind: str, m: Messages) -> str:
    """One cell as text in the report's language."""
    if kind == "pct":
        return m.pct(value)
    if kind == "score":
        return m.score(value)
    if kind in ("count", "number", "int"):
        return m.number(value)
    if kind == "amount":
        return m.amount(value)
    if kind == "money":
        return m.money(value)
    if kind == "decimal":  # a parameter: a number, or a word such as "freeze"
        return m.decimal(value) if isinstance(value, int | float | np.number) else plain_text(value)
    return plain_text(value)


def is_missing(value: Any) -> bool:
    """None, NaN or pandas' NA (a list or array is a value, never missing)."""
    return value is None or (np.ndim(value) == 0 and bool(pd.isna(value)))


def plain_text(value: Any) -> str:
    """A value as text, ``''`` where it is missing."""
    return "" if is_missing(value) else str(value)


def signed(value: float, text: str) -> str:
    """``text`` (``value`` formatted) with a plus sign where ``value`` is positive.

    >>> signed(2.5, "2.5"), signed(-3, "-3"), signed(0, "0")
    ('+2.5', '-3', '0')
    """
    return f"+{text}" if value > 0 else text


def reason_counts(reasons: pd.Series[Any]) -> pd.DataFrame:
    """Reasons by kind (the text before the first colon, as in ``needs review: best guess
    ...``), most frequent first: ``reason`` (the kind), ``rows`` and ``example_reason`` (the
    first full reason of that kind).

    >>> reason_counts(pd.Series(["no title", "needs review: a", "needs review: b"]))
             reason  rows   example_reason
    0  needs review     2  needs review: a
    1      no title     1         no title
    """
    texts = reasons.map(plain_text)
    frame = pd.DataFrame(
        {"reason": texts.str.split(":", n=1).str[0].str.strip(), "example_reason": texts}
    )
    counts = frame.groupby("reason", sort=False).agg(
        rows=("reason", "size"), example_reason=("example_reason", "first")
    )
    return _ranked(counts.reset_index(), ["rows", "reason"], [False, True])


def make_table(
    frame: pd.DataFrame,
    columns: Sequence[str],
    m: Messages,
    *,
    total: int | None = None,
    labels: Mapping[str, str] | None = None,
    kinds: Mapping[str, ColumnKind] | None = None,
    more: str = "full_list_in_xlsx",
) -> Table:
    """Format ``columns`` of ``frame``; ``total`` > len(frame) adds a "first n of total" note.

    ``labels`` overrides the usual column labels where a table means something narrower,
    ``kinds`` the usual formats (:func:`column_kind`); ``more`` is the key of the note's
    text (which says where the full list is).
    """
    column_kinds = [(kinds or {}).get(column) or column_kind(column) for column in columns]
    cells = [translate_column(frame[column].tolist(), column, m) for column in columns]
    rows = (
        [
            [format_value(value, kind, m) for value, kind in zip(record, column_kinds, strict=True)]
            for record in zip(*cells, strict=True)
        ]
        if len(columns)
        else []
    )
    note = ""
    if total is not None and total > len(frame):
        note = m(more, shown=len(frame), total=total)
    return Table(
        columns=[(labels or {}).get(column) or m.column(column) for column in columns],
        numeric=[kind != "text" for kind in column_kinds],
        rows=rows,
        note=note,
    )


def headlines(summary: Mapping[str, Any], m: Messages) -> list[Headline]:
    """The headline figures in the order the report shows them, each share and mean with
    its coding range when the summary has one."""
    keys = (
        "headcount",
        "share_beta_ge_10pct",
        "share_beta_gt_50pct",
        "alpha_mean",
        "beta_mean",
        "zeta_mean",
        "confident_share",
        "unmatched_rows",
        "model_task_share",
    )
    counts = ("headcount", "unmatched_rows")
    helps = {
        "headcount": m(
            "headcount_help",
            fte=m.number(summary.get("fte")),
            unscored=m.number(summary["headcount_unscored"]),
            input=m.number(summary["headcount_input"]),
        ),
        "unmatched_rows": m(
            "unmatched_rows_help",
            analysed=m.number(summary["analysed_rows"]),
            input=m.number(summary["input_rows"]),
        ),
    }
    out: list[Headline] = []
    rater = m.rater(str(summary.get("rater", "human")))
    helps["model_task_share"] = m("model_task_share_help", rater=rater)
    mix = source_mix(summary, m)
    council = summary.get("audience") == "council"
    for key in keys:
        if key not in summary:
            continue
        if council and summary[key] is None:  # withheld by disclosure control
            out.append(Headline(key, m(key), "\u2014", m("withheld_help")))
            continue
        value = m.number(summary[key]) if key in counts else m.pct(summary[key])
        gloss = helps.get(key) or m(f"{key}_help")
        low, high = summary.get(f"{key}_low"), summary.get(f"{key}_high")
        if low is not None and high is not None:
            gloss = f"{gloss} {m('coding_range_help', low=m.pct(low), high=m.pct(high))}"
        if key in _EXPOSURE_HEADLINES and mix:
            gloss = f"{gloss} {m('scored_by_help', sources=mix)}"
        out.append(Headline(key, m(key), value, gloss))
    return out


_EXPOSURE_HEADLINES = (
    "share_beta_ge_10pct",
    "share_beta_gt_50pct",
    "alpha_mean",
    "beta_mean",
    "zeta_mean",
)


def source_mix(summary: Mapping[str, Any], m: Messages) -> str:
    """Which source scored how much of the task weight, largest first ("workshift model
    87.3%, Published, human annotators 12.7%"); ``''`` where the summary does not say.

    >>> source_mix({"label_sources": {"model": 0.873, "human": 0.127}}, messages("en"))
    'workshift model 87.3%, Published, human annotators 12.7%'
    """
    shares = summary.get("label_sources") or {}
    names = source_names(m)
    return ", ".join(f"{names.get(str(k), str(k))} {m.pct(v)}" for k, v in shares.items())


def council_note(summary: Mapping[str, Any], m: Messages) -> str:
    """The note a council report carries about its disclosure control ('' for HR)."""
    control = summary.get("disclosure") if summary.get("audience") == "council" else None
    if not control:
        return ""
    tables = control.get("tables", {})
    cells = sum(int(t.get("cells", 0)) for t in tables.values())
    hidden = int(control.get("suppressed_primary", 0)) + int(
        control.get("suppressed_complementary", 0)
    )
    ok = m("audit_passed") if control.get("audit", {}).get("ok") else m("audit_failed")
    return m(
        "council_note",
        k=m.number(control.get("min_people")),
        hidden=m.number(hidden),
        cells=m.number(cells),
        ok=ok,
    )


def method_limits(summary: Mapping[str, Any], m: Messages) -> str:
    """The method's statement of what was measured: O*NET's tasks, or the organisation's
    own for the occupations its task file covers."""
    own = int(summary.get("own_task_occupations") or 0)
    if own and summary.get("task_file"):
        return m("method_limits_own", own=m.number(own), file=str(summary["task_file"]))
    return m("method_limits")


def _ranked(frame: pd.DataFrame, by: list[str], ascending: list[bool]) -> pd.DataFrame:
    """Sorted stably (ties keep their input order), index reset."""
    return frame.sort_values(by, ascending=ascending, kind="mergesort").reset_index(drop=True)


def rankable(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows with a score and a headcount of at least :data:`MIN_HEADCOUNT`."""
    return frame.loc[frame["beta"].notna() & (frame["headcount"] >= MIN_HEADCOUNT)]


def top_roles(roles: pd.DataFrame, n: int = TOP_ROLES) -> pd.DataFrame:
    """Scored roles by beta, then headcount (most exposed first)."""
    scored = rankable(roles)
    return _ranked(scored, ["beta", "headcount"], [False, False]).head(n)


def top_tasks(tasks: pd.DataFrame, n: int = TOP_TASKS) -> pd.DataFrame:
    """Scored tasks by beta, then by the headcount of the roles doing them."""
    scored = rankable(tasks)
    return _ranked(scored, ["beta", "headcount"], [False, False]).head(n)


def has_fractions(values: pd.Series) -> bool:
    """Whether any value is not a whole number (expected people, FTE).

    >>> has_fractions(pd.Series([1.0, 2.5])), has_fractions(pd.Series([3.0, None]))
    (True, False)
    """
    numbers = pd.to_numeric(values, errors="coerce").dropna().astype(float)
    return bool(((numbers - numbers.round()).abs() > 1e-9).any())


def with_time_share(shown: pd.DataFrame, tasks: pd.DataFrame) -> pd.DataFrame:
    """``shown`` tasks with ``task_time_share``: each task's share of its role's task weight
    (all of the role's tasks in ``tasks``), so a task at beta 100% reads as the part of the
    role it is."""
    if not len(shown):
        return shown.assign(task_time_share=pd.Series(dtype=float))
    weight = pd.to_numeric(tasks["weight"], errors="coerce")
    totals = weight.groupby(tasks["onet_soc_code"]).sum()
    share = pd.to_numeric(shown["weight"], errors="coerce") / shown["onet_soc_code"].map(totals)
    return shown.assign(task_time_share=share.astype(float))


def task_ranking_note(tasks: pd.DataFrame, m: Messages) -> str:
    """What a task's beta means and how many tasks share the top value, from the data."""
    scored = rankable(tasks)
    if not len(scored):
        return ""
    top = float(scored["beta"].max())
    at_top = int((scored["beta"] >= top - 1e-9).sum())
    return m(
        "tasks_note",
        top=m.pct(top),
        at_top=m.number(at_top),
        total=m.number(len(scored)),
        e1=m.number(int((scored["label"] == "E1").sum())),
    )


def automation_note(roles: pd.DataFrame, m: Messages) -> str:
    """What the automation column means and why some of its cells are empty."""
    if not len(roles):
        return ""
    missing = int(roles["automation_share"].isna().sum())
    return m("automation_note", missing=m.number(missing), shown=m.number(len(roles)))


def _weighted_beta(frame: pd.DataFrame, by: str) -> pd.DataFrame:
    """Headcount and headcount-weighted beta per ``by`` (cells without beta left out)."""
    scored = frame.loc[frame["beta"].notna()]
    # Numbers, whatever dtype the frame came with (an object column cannot be ranked).
    scored = scored.assign(
        beta=pd.to_numeric(scored["beta"]).astype(float),
        headcount=pd.to_numeric(scored["headcount"]).astype(float),
    )
    sums = (
        scored.assign(weighted=scored["beta"] * scored["headcount"])
        .groupby(by, sort=False)[["headcount", "weighted"]]
        .sum()
    )
    sums["beta"] = sums["weighted"] / sums["headcount"].where(sums["headcount"] > 0)
    return sums.drop(columns="weighted").reset_index()


def task_group_exposure(department_task_groups: pd.DataFrame) -> pd.DataFrame:
    """Task groups by beta over all departments, weighted by headcount (most exposed first)."""
    groups = _weighted_beta(department_task_groups, "task_group")
    return _ranked(groups, ["beta", "headcount", "task_group"], [False, False, True])


def department_order(departments: pd.DataFrame, department_task_groups: pd.DataFrame) -> list[str]:
    """Departments of the heatmap, largest headcount first (as the departments frame has it)."""
    present = set(department_task_groups["department"].dropna().astype(str))
    ranked = _ranked(departments, ["headcount"], [False])["department"].astype(str)
    known = [d for d in ranked if d in present]
    return known + sorted(present - set(known))


def disagreement(roles: pd.DataFrame, n: int = TOP_DISAGREEMENT) -> pd.DataFrame:
    """The largest roles with at least one measure, for the side-by-side comparison."""
    measures = ["beta", "beta_gpt4", "microsoft_ai_applicability", "anthropic_observed_exposure"]
    some = roles.loc[roles[measures].notna().any(axis=1)]
    return _ranked(some, ["headcount", "onet_soc_code"], [False, True]).head(n)


def top_model_roles(roles: pd.DataFrame, n: int = 10) -> pd.DataFrame:
    """Roles where the model scored the largest share of task weight."""
    some = roles.loc[roles["model_task_share"].fillna(0) > 0]
    return _ranked(some, ["model_task_share", "headcount"], [False, False]).head(n)


def source_names(m: Messages) -> dict[str, str]:
    """What each value of the tasks' ``source`` column means, in the report's language."""
    return {"human": m("source_human"), "gpt4": m("source_gpt4_label"), "model": m("source_model")}


def label_sources(tasks: pd.DataFrame, m: Messages) -> Table:
    """How many task rows took their label from each source."""
    names = source_names(m)
    counts = tasks["source"].fillna("").astype(str).value_counts()
    order = [s for s in names if s in counts.index] + sorted(set(counts.index) - set(names))
    rows = [[names.get(str(source), str(source)), m.number(counts[source])] for source in order]
    return Table([m("label_source"), m("tasks_count")], [False, True], rows)


def unmatched_titles(unmatched: pd.DataFrame, m: Messages, n: int = 10) -> Table:
    """The most frequent job titles among rows not analysed, with the first row's reason."""
    frame = unmatched.assign(
        job_title=unmatched["job_title"].fillna("").astype(str).replace("", m("no_job_title"))
    )
    grouped = frame.groupby("job_title", sort=False).agg(
        rows=("input_row", "size"), example_reason=("reason", "first")
    )
    ranked = _ranked(grouped.reset_index(), ["rows", "job_title"], [False, True])
    return make_table(ranked.head(n), ["job_title", "rows", "example_reason"], m, total=len(ranked))


def data_sources(manifest: Mapping[str, Any]) -> list[dict[str, str]]:
    """The bundle's sources (name, version, publisher, licence, URLs, attribution).

    Taken from the manifest, which copies ``workshift.reference``'s source registry: the
    same text ``workshift reference info`` prints.
    """
    keys = ("key", "name", "version", "publisher", "licence", "licence_url", "url", "attribution")
    return [{key: str(source.get(key, "")) for key in keys} for source in manifest["sources"]]


def prepare(
    analysis: AnalysisLike, store: ReferenceStore | None, lang: str
) -> tuple[Messages, ReferenceStore]:
    """What every report starts with: its texts, a checked analysis and the store."""
    m = messages(lang)
    check_analysis(analysis)
    if store is None:
        from workshift.reference import ReferenceStore

        store = ReferenceStore()
    return m, store
