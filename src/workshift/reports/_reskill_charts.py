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
_LINK_ALPHA = 0.35


def flows_sankey(
    flows: pd.DataFrame, origins: list[str], targets: list[str], m: ReskillMessages
) -> Any:
    """Bands from today's occupations (left) to target roles (right), one per pair.

    ``flows`` has ``origin``, ``target`` (labels already in words), ``people`` and
    ``assigned`` (False for the "not assigned" target); ``origins`` and ``targets`` are the
    nodes of each side in the order drawn, top first. Every row of ``flows`` is a band.
    """
    import plotly.graph_objects as go

    left = {name: k for k, name in enumerate(origins)}
    right = {name: len(origins) + k for k, name in enumerate(targets)}
    unassigned = set(flows.loc[~flows["assigned"].astype(bool), "target"])
    labels = [_label(name, 45) for name in [*origins, *targets]]
    colours = [_COLOURS[0]] * len(origins) + [
        _NOT_ASSIGNED if name in unassigned else _COLOURS[2] for name in targets
    ]
    people = flows["people"].astype(float).tolist()
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
            arrangement="snap",
            node={
                "label": labels,
                "color": colours,
                "pad": 12,
                "thickness": 16,
                "line": {"width": 0},
                "hovertemplate": "%{label}: %{value}<extra></extra>",
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
    figure.update_layout(**_layout(m, max(320, 60 + 24 * max(len(origins), len(targets)))))
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
    figure.update_layout(**_layout(m, 120 + 30 * len(departments)))
    return figure
