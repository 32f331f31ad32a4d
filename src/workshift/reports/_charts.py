"""The report's charts (plotly) and their offline HTML.

Plotly is imported when a chart is drawn, not when ``workshift.reports`` is imported, so
``workshift analyze`` starts fast. Every label is HTML-escaped before it reaches plotly
(plotly.js reads a subset of HTML in labels), and every chart has a fixed ``div_id`` so
the same analysis gives the same report.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

import pandas as pd

from workshift.reports._messages import Messages

__all__ = [
    "MAX_HEATMAP_DEPARTMENTS",
    "MAX_HEATMAP_TASK_GROUPS",
    "disagreement_dots",
    "figure_html",
    "figures_html",
    "heatmap",
    "ranked_bars",
]

MAX_HEATMAP_DEPARTMENTS = 40
MAX_HEATMAP_TASK_GROUPS = 20  # columns; past that the labels no longer fit a page
_COLOURS = ["#1f4e79", "#c55a11", "#548235", "#7030a0"]  # ours, GPT-4, Microsoft, Anthropic
_SYMBOLS = ["circle", "diamond", "square", "triangle-up"]
_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"


def _label(text: Any, width: int = 50) -> str:
    """A safe, short label for a chart (escaped; long text cut with an ellipsis)."""
    value = "" if text is None or pd.isna(text) else str(text)
    if len(value) > width:
        value = value[: width - 1].rstrip() + "…"
    return html.escape(value, quote=False)


def _wrapped(text: Any, width: int = 38, lines: int = 2) -> str:
    """A safe axis label on up to ``lines`` lines of about ``width`` characters, broken
    between words; only what still does not fit is cut with an ellipsis.

    >>> _wrapped("Laborers and Freight, Stock, and Material Movers, Hand")
    'Laborers and Freight, Stock, and<br>Material Movers, Hand'
    >>> _wrapped("Short")
    'Short'
    """
    words = ("" if text is None or pd.isna(text) else str(text)).split()
    out: list[str] = []
    current = ""
    for word in words:
        if current and len(current) + 1 + len(word) > width:
            out.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    out.append(current)
    if len(out) > lines:
        out = [*out[: lines - 1], " ".join(out[lines - 1 :])]
    return "<br>".join(_label(line, width) for line in out)


def _row_height(labels: list[str]) -> int:
    """Pixels per chart row: more where a label takes two lines."""
    return 34 if any("<br>" in label for label in labels) else 26


def _rgba(colour: str, alpha: float) -> str:
    """``#rrggbb`` as a CSS ``rgba()`` with opacity ``alpha``."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red},{green},{blue},{alpha})"


def _layout(m: Messages, height: int, **extra: Any) -> dict[str, Any]:
    return {
        "template": "plotly_white",
        "height": height,
        "margin": {"l": 10, "r": 20, "t": 30, "b": 40},
        "font": {"family": _FONT, "size": 12},
        "separators": m.plotly_separators,
        **extra,
    }


def heatmap(
    department_task_groups: pd.DataFrame,
    departments: list[str],
    task_groups: list[str],
    m: Messages,
) -> Any:
    """Beta per department (rows, largest first) and task group (columns, most exposed first)."""

    frame = department_task_groups.assign(
        department=department_task_groups["department"].astype(str)
    )
    beta = frame.pivot_table(
        index="department", columns="task_group", values="beta", aggfunc="mean"
    )
    people = frame.pivot_table(
        index="department", columns="task_group", values="headcount", aggfunc="sum"
    )
    beta = beta.reindex(index=departments, columns=task_groups)
    people = people.reindex(index=departments, columns=task_groups)
    hover = [
        [
            f"{_label(d)}<br>{_label(g)}<br>{m.column('beta')}: {m.pct(b)}"
            f"<br>{m.column('task_time_headcount')}: {m.number(h)}"
            for g, b, h in zip(task_groups, beta.loc[d], people.loc[d], strict=True)
        ]
        for d in departments
    ]
    return grid_heatmap(
        beta.to_numpy(dtype=float), task_groups, departments, hover, m,
        height=220 + 26 * len(departments),
        colorbar={"title": {"text": m.column("beta")}, "tickformat": ".0%"},
        text="%{z:.0%}", zmax=1,
    )  # fmt: skip


def grid_heatmap(
    values: Any,
    columns: list[str],
    rows: list[str],
    hover: list[list[str]],
    m: Messages,
    *,
    height: int,
    colorbar: dict[str, Any],
    text: str,
    zmax: float | None = None,
) -> Any:
    """A heatmap of ``values`` (rows x columns) with labelled axes, columns below, the first
    row on top, the value in each cell and ``hover`` per cell: the one grid chart of the
    reports (exposure by department x task group, skills learnt by department)."""
    import plotly.graph_objects as go

    figure = go.Figure(
        go.Heatmap(
            z=values,
            x=[_label(c, 56) for c in columns],
            y=[_wrapped(r, 40, 1) for r in rows],
            zmin=0,
            zmax=zmax,
            colorscale="Blues",
            colorbar=colorbar,
            texttemplate=text,
            textfont={"size": 10},
            hovertext=hover,
            hovertemplate="%{hovertext}<extra></extra>",
            xgap=1,
            ygap=1,
        )
    )
    figure.update_layout(
        **_layout(m, height),
        # Column labels below the grid, slanted, one line each (the full name is in the
        # hover): above it they would run into plotly's toolbar.
        xaxis={"side": "bottom", "tickangle": -45, "automargin": True},
        yaxis={"autorange": "reversed", "automargin": True},
    )
    return figure


def ranked_bars(frame: pd.DataFrame, label: str, m: Messages, axis_title: str) -> Any:
    """Horizontal bars of ``beta`` per ``label``, first row on top; hover shows headcount."""
    import plotly.graph_objects as go

    hover = [
        f"{_label(name, 80)}<br>{m.column('beta')}: {m.pct(beta)}"
        f"<br>{m.column('headcount')}: {m.number(people)}"
        for name, beta, people in zip(frame[label], frame["beta"], frame["headcount"], strict=True)
    ]
    labels = [_wrapped(f"{i + 1}. {name}") for i, name in enumerate(frame[label])]
    figure = go.Figure(
        go.Bar(
            x=frame["beta"].astype(float).tolist(),
            y=labels,
            orientation="h",
            marker={"color": _COLOURS[0]},
            text=[m.pct(beta, 0) for beta in frame["beta"]],
            textposition="outside",
            hovertext=hover,
            hovertemplate="%{hovertext}<extra></extra>",
        )
    )
    figure.update_layout(
        **_layout(m, 80 + _row_height(labels) * len(frame)),
        xaxis={"range": [0, 1.08], "tickformat": ".0%", "title": {"text": axis_title}},
        yaxis={"autorange": "reversed", "automargin": True},
    )
    return figure


def disagreement_dots(frame: pd.DataFrame, m: Messages, rater: str) -> Any:
    """One row per role, one marker per source: the measures side by side, never averaged."""
    import plotly.graph_objects as go

    measures = [
        ("beta", m("source_ours", rater=rater), m.pct),
        ("beta_gpt4", m("source_gpt4"), m.pct),
        ("microsoft_ai_applicability", m("source_microsoft"), m.score),
        ("anthropic_observed_exposure", m("source_anthropic"), m.pct),
    ]
    roles = [_wrapped(name) for name in frame["occupation"]]
    figure = go.Figure()
    for (column, name, fmt), colour, symbol in zip(measures, _COLOURS, _SYMBOLS, strict=True):
        values = frame[column].astype(float)
        figure.add_trace(
            go.Scatter(
                x=values.tolist(),
                y=roles,
                mode="markers",
                name=html.escape(name, quote=False),
                marker={"color": colour, "symbol": symbol, "size": 10, "opacity": 0.85},
                hovertext=[
                    f"{_label(role, 80)}<br>{_label(name)}: {fmt(v)}"
                    for role, v in zip(frame["occupation"], values, strict=True)
                ],
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    layout = _layout(m, 190 + _row_height(roles) * len(frame))
    # The legend goes below the chart, clear of plotly's toolbar at the top right.
    layout["margin"] = {**layout["margin"], "b": 110}
    figure.update_layout(
        **layout,
        xaxis={"range": [-0.02, 1.02], "title": {"text": m("sources_axis")}},
        yaxis={"autorange": "reversed", "automargin": True},
        legend={
            "orientation": "h",
            "yref": "container",
            "y": 0,
            "yanchor": "bottom",
            "x": 0,
        },
    )
    return figure


def figure_html(figure: Any, div_id: str, *, include_plotlyjs: bool) -> str:
    """The chart as an HTML fragment; plotly.js inline only where ``include_plotlyjs``."""
    import plotly.io as pio

    return str(
        pio.to_html(
            figure,
            include_plotlyjs=include_plotlyjs,
            full_html=False,
            div_id=div_id,
            config={"displaylogo": False, "responsive": True},
        )
    )


def figures_html(figures: Mapping[str, Any], prefix: str = "workshift") -> dict[str, str]:
    """Each figure as markup safe for a template, plotly.js inline with the first only.

    The ``div_id`` is ``<prefix>-<name>``: fixed, so the same data gives the same bytes.
    Plotly writes the markup; every label in it was escaped when the figure was drawn.
    """
    from markupsafe import Markup

    return {
        name: Markup(figure_html(figure, f"{prefix}-{name}", include_plotlyjs=number == 0))
        for number, (name, figure) in enumerate(figures.items())
    }
