"""The redeployment report's charts: flows (Sankey), the gap heatmap, training by department.

Drawn with plotly like the other reports' charts (``_charts``): imported when a chart is
drawn, every label escaped before plotly sees it, the same layout and font, numbers
written the report language's way. Each chart draws exactly the rows it is given; which
rows (the largest occupations, the most frequent skills) the report decides.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from workshift.reports._charts import _COLOURS, _label, _layout, _rgba, grid_heatmap
from workshift.reports._reskill_messages import ReskillMessages

__all__ = ["department_bars", "flows_sankey", "gap_heatmap"]

_NOT_ASSIGNED = "#c55a11"
_BAR_MARGIN = {"l": 10, "r": 20, "t": 60, "b": 40}
_LINK_ALPHA = 0.35


_SANKEY_PAD = 30
"""Pixels between two nodes of a side: room for a two-line label (name, people)."""
_SANKEY_MARGIN = 12
_SANKEY_TOP = 40
_SANKEY_DOMAIN = (0.36, 0.64)
"""The bands' share of the width; the labels sit left and right of it, never on a band."""


def _node_centres(values: list[float], height: float, scale: float) -> list[float]:
    """Vertical centres (0 top, 1 bottom) of one side's nodes, top first: each node
    ``scale * value`` pixels tall, the free height shared evenly between them, so that no
    two labels are closer than :data:`_SANKEY_PAD`."""
    if len(values) == 1:
        return [0.5]
    sizes = [scale * v for v in values]
    gap = (height - sum(sizes)) / (len(values) - 1)
    centres, top = [], 0.0
    for size in sizes:
        centres.append((top + size / 2) / height)
        top += size + gap
    return centres


def flows_sankey(
    flows: pd.DataFrame, origins: list[str], targets: list[str], m: ReskillMessages
) -> Any:
    """Bands from today's occupations (left) to target roles (right), one per pair.

    ``flows`` has ``origin``, ``target`` (labels already in words), ``people`` and
    ``assigned`` (False for the "not assigned" target); ``origins`` and ``targets`` are the
    nodes of each side in the order drawn, top first. Every row of ``flows`` is a band.

    The nodes are placed here (``arrangement="fixed"``), not by plotly, so that each label
    (the name, then its people) can sit outside the bands: left of the left nodes, right of
    the right ones. Plotly would draw them on the bands.
    """
    import plotly.graph_objects as go

    left = {name: k for k, name in enumerate(origins)}
    right = {name: len(origins) + k for k, name in enumerate(targets)}
    unassigned = set(flows.loc[~flows["assigned"].astype(bool), "target"])
    colours = [_COLOURS[0]] * len(origins) + [
        _NOT_ASSIGNED if name in unassigned else _COLOURS[2] for name in targets
    ]
    people = flows["people"].astype(float).tolist()
    out = flows.groupby("origin")["people"].sum()
    into = flows.groupby("target")["people"].sum()
    sides = ([float(out[name]) for name in origins], [float(into[name]) for name in targets])
    height = max(360, 60 + (_SANKEY_PAD + 8) * max(len(origins), len(targets)))
    inner = height - _SANKEY_TOP - _SANKEY_MARGIN
    # d3-sankey's scale: the fullest side fills the height less the pads.
    scale = min((inner - (len(v) - 1) * _SANKEY_PAD) / sum(v) for v in sides if sum(v) > 0)
    ys = [*_node_centres(sides[0], inner, scale), *_node_centres(sides[1], inner, scale)]
    xs = [0.001] * len(origins) + [0.999] * len(targets)
    names = [*origins, *targets]
    totals = [*sides[0], *sides[1]]
    hover = [
        m(
            "flow_hover",
            origin=_label(origin, 80),
            target=_label(target, 80),
            people=m.number(count),
        )
        for origin, target, count in zip(flows["origin"], flows["target"], people, strict=True)
    ]
    figure = go.Figure(
        go.Sankey(
            arrangement="fixed",
            domain={"x": list(_SANKEY_DOMAIN), "y": [0, 1]},
            node={
                "label": [""] * len(names),
                "x": xs,
                "y": ys,
                "color": colours,
                "pad": _SANKEY_PAD,
                "thickness": 14,
                "line": {"width": 0},
                "customdata": [
                    m("node_hover", node=_label(n, 80), people=m.number(t))
                    for n, t in zip(names, totals, strict=True)
                ],
                "hovertemplate": "%{customdata}<extra></extra>",
            },
            link={
                "source": [left[name] for name in flows["origin"]],
                "target": [right[name] for name in flows["target"]],
                "value": people,
                "color": [
                    _rgba(_NOT_ASSIGNED if name in unassigned else _COLOURS[0], _LINK_ALPHA)
                    for name in flows["target"]
                ],
                "customdata": hover,
                "hovertemplate": "%{customdata}<extra></extra>",
            },
            valueformat=",.0f",
        )
    )
    for k, (name, total, y) in enumerate(zip(names, totals, ys, strict=True)):
        on_left = k < len(origins)
        figure.add_annotation(
            x=_SANKEY_DOMAIN[0] - 0.01 if on_left else _SANKEY_DOMAIN[1] + 0.01,
            y=1 - y,
            xref="paper",
            yref="paper",
            xanchor="right" if on_left else "left",
            yanchor="middle",
            align="right" if on_left else "left",
            showarrow=False,
            font={"size": 11},
            text=f"{_label(name, 34)}<br><span style='color:#5b6570'>"
            f"{m('node_person' if total == 1 else 'node_people', people=m.number(total))}</span>",
        )
    layout = _layout(m, height)
    # The top margin keeps the modebar (drawn top right) above the first label.
    layout["margin"] = {"l": 4, "r": 4, "t": _SANKEY_TOP, "b": _SANKEY_MARGIN}
    figure.update_layout(**layout)
    return figure


def gap_heatmap(
    gaps: pd.DataFrame, departments: list[str], skills: list[str], m: ReskillMessages
) -> Any:
    """People learning each skill (columns, most learnt first) per department (rows).

    ``gaps`` has ``department``, ``skill`` and ``people``; cells without anyone stay empty.
    """

    people = gaps.pivot_table(
        index="department", columns="skill", values="people", aggfunc="sum"
    ).reindex(index=departments, columns=skills)
    values = people.to_numpy(dtype=float)
    hover = [
        [
            m(
                "gap_hover",
                department=_label(department, 60),
                skill=_label(skill, 60),
                people=m.column("people"),
                count=m.number(count),
            )
            for skill, count in zip(skills, row, strict=True)
        ]
        for department, row in zip(departments, values, strict=True)
    ]
    return grid_heatmap(
        values, skills, departments, hover, m,
        height=260 + 26 * len(departments),
        colorbar={"title": {"text": m.column("people")}}, text="%{z}",
    )  # fmt: skip


def department_bars(departments: pd.DataFrame, m: ReskillMessages) -> Any:
    """Training hours and training cost per department, side by side, first row on top.

    ``departments`` has ``department`` (in words), ``training_hours`` and ``training_cost``.
    """
    import plotly.graph_objects as go
    from plotly.subplots import make_subplots

    names = [_label(name, 40) for name in departments["department"]]
    figure = make_subplots(
        rows=1,
        cols=2,
        shared_yaxes=True,
        horizontal_spacing=0.06,
        subplot_titles=[
            _label(m.column("training_hours")),
            _label(m.column("training_cost")),
        ],
    )
    panels = (("training_hours", m.number, _COLOURS[0]), ("training_cost", m.money, _COLOURS[1]))
    for column, (name, fmt, colour) in enumerate(panels, start=1):
        values = departments[name].astype(float).to_numpy()
        texts = [fmt(value) for value in values]
        figure.add_trace(
            go.Bar(
                x=np.nan_to_num(values).tolist(),
                y=names,
                orientation="h",
                marker={"color": colour},
                text=texts,
                textposition="auto",
                hovertext=[f"{label}: {text}" for label, text in zip(names, texts, strict=True)],
                hovertemplate="%{hovertext}<extra></extra>",
                showlegend=False,
            ),
            row=1,
            col=column,
        )
    figure.update_yaxes(autorange="reversed", automargin=True)
    figure.update_xaxes(rangemode="tozero")
    # Room above the panel titles for the modebar.
    figure.update_layout(**_layout(m, 150 + 30 * len(departments), margin=_BAR_MARGIN))
    return figure
