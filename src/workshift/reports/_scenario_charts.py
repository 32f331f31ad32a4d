"""The scenario report's charts: fan charts over years, the headcount waterfall, the tornado.

Drawn with plotly like the analysis report's charts (``_charts``): imported when a chart
is drawn, every label escaped before plotly sees it, the same layout and font, and the
numbers written the report language's way (hover texts by :class:`ScenarioMessages`,
axes by plotly's ``separators``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from workshift.reports._charts import _COLOURS, _label, _layout, _rgba
from workshift.reports._content import format_value
from workshift.reports._scenario_messages import ScenarioMessages

__all__ = [
    "TOP_INPUTS",
    "ZERO_STEP",
    "Panel",
    "fan_chart",
    "shown_steps",
    "tornado",
    "waterfall",
    "wrapped",
]

TOP_INPUTS = 12
"""Inputs the tornado shows (the largest swings); sensitivity.csv has all."""

_BAND_ALPHA = 0.18
_UP, _DOWN, _TOTAL = "#548235", "#c55a11", "#1f4e79"
_SCALES = ((1e9, "scale.billion"), (1e6, "scale.million"))
_QUANTILES = ("p10", "p50", "p90")


@dataclass(frozen=True)
class Panel:
    """One plot area of a fan chart: the metrics drawn in it, its axis unit, its format.

    ``from_zero`` starts the axis at zero (flows and money); a stock such as headcount
    is drawn where it is, so its band stays visible.
    """

    metrics: tuple[str, ...]
    unit: str
    money: bool = False
    from_zero: bool = True


def _scale(values: Sequence[float], unit: str, m: ScenarioMessages) -> tuple[float, str]:
    """A divisor that keeps axis ticks short (millions, billions) and the axis title."""
    finite = [abs(v) for v in values if np.isfinite(v)]
    largest = max(finite, default=0.0)
    for divisor, key in _SCALES:
        if largest >= divisor:
            return divisor, m(key, unit=unit)
    return 1.0, unit


def fan_chart(frame: pd.DataFrame, panels: Sequence[Panel], m: ScenarioMessages) -> Any:
    """P10-P90 bands and P50 lines over years, one plot area per panel.

    ``frame`` has ``year, metric, p10, p50, p90`` for one group (the organisation).
    """
    import plotly.graph_objects as go
    from plotly.subplots import make_subplots

    figure = make_subplots(rows=1, cols=len(panels), horizontal_spacing=0.1)
    colour = 0
    for column, panel in enumerate(panels, start=1):
        rows = frame.loc[frame["metric"].isin(panel.metrics)]
        divisor, title = _scale(
            rows[list(_QUANTILES)].to_numpy(dtype=float).ravel().tolist(), panel.unit, m
        )
        fmt: Callable[[Any], str] = m.money if panel.money else m.amount
        for metric in panel.metrics:
            data = rows.loc[rows["metric"] == metric].sort_values("year", kind="mergesort")
            if not len(data):
                continue
            shade = _COLOURS[colour % len(_COLOURS)]
            colour += 1
            years = [int(y) for y in data["year"]]
            name = _label(m.metric(metric))
            low, mid, high = (data[q].to_numpy(dtype=float) / divisor for q in _QUANTILES)
            common = {"x": years, "legendgroup": metric, "mode": "lines"}
            figure.add_trace(
                go.Scatter(
                    y=high.tolist(), line={"width": 0}, hoverinfo="skip", showlegend=False, **common
                ),
                row=1,
                col=column,
            )
            figure.add_trace(
                go.Scatter(
                    y=low.tolist(),
                    line={"width": 0},
                    fill="tonexty",
                    fillcolor=_rgba(shade, _BAND_ALPHA),
                    hoverinfo="skip",
                    name=m("band", metric=name),
                    **common,
                ),
                row=1,
                col=column,
            )
            hover = [
                f"{name}, {year}<br>P50: {fmt(p50)}"
                f"<br>{m('range_help', p10=fmt(p10), p90=fmt(p90))}"
                for year, p10, p50, p90 in zip(
                    years, data["p10"], data["p50"], data["p90"], strict=True
                )
            ]
            figure.add_trace(
                go.Scatter(
                    y=mid.tolist(),
                    line={"color": shade, "width": 2.5},
                    marker={"size": 6},
                    name=m("median", metric=name),
                    hovertext=hover,
                    hovertemplate="%{hovertext}<extra></extra>",
                    **{**common, "mode": "lines+markers"},
                ),
                row=1,
                col=column,
            )
        figure.update_yaxes(
            title_text=_label(title),
            tickformat=",.4~r",  # 19,000 not 19k; the language's separators
            rangemode="tozero" if panel.from_zero else "normal",
            row=1,
            col=column,
        )
        figure.update_xaxes(dtick=1, tickformat="d", row=1, col=column)
    figure.update_layout(
        **{**_layout(m, 430), "margin": {"l": 10, "r": 20, "t": 30, "b": 110}},
        # Below the plot area: the legend never meets the modebar (top right).
        legend={"orientation": "h", "yanchor": "top", "y": -0.15, "x": 0},
        hovermode="closest",
    )
    return figure


ZERO_STEP = 0.5
"""Waterfall steps smaller than this (in FTE) are left out of the chart and named below it."""


def wrapped(text: str, width: int = 18) -> str:
    """A chart label escaped and broken into lines of about ``width`` characters.

    >>> wrapped("AI: redeployed to new AI roles")
    'AI: redeployed to<br>new AI roles'
    """
    lines: list[str] = []
    for word in str(text).split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(_label(line, 200) for line in lines)


def shown_steps(frame: pd.DataFrame) -> pd.DataFrame:
    """The steps the waterfall draws: the first and last, and every other step that is not
    zero (``|value| >= ZERO_STEP``)."""
    values = frame["value"].astype(float)
    ends = pd.Series(False, index=frame.index)
    ends.iloc[[0, -1]] = True
    return frame.loc[ends | (values.abs() >= ZERO_STEP)]


def waterfall(frame: pd.DataFrame, m: ScenarioMessages) -> Any:
    """Today's headcount, the signed flows in the order given, and the projected headcount.

    Steps that are zero are left out (:func:`shown_steps`). With a ``part`` column, the
    steps of normal churn are grey and the AI services' steps coloured. The last bar is
    drawn at its own value (not as plotly's running total), so it shows the projection's
    figure even where the steps leave a rounding residual.
    """
    import plotly.graph_objects as go

    frame = shown_steps(frame)
    values = frame["value"].astype(float).tolist()
    count = len(values)
    measures = ["absolute" if i in (0, count - 1) else "relative" for i in range(count)]
    texts = [
        m.amount(v) if measure == "absolute" else ("+" if v > 0 else "") + m.amount(v)
        for v, measure in zip(values, measures, strict=True)
    ]
    names = [m.step(str(step)) for step in frame["step"]]
    labels = [wrapped(name) for name in names]
    figure = go.Figure(
        go.Waterfall(
            x=labels,
            y=values,
            measure=measures,
            text=texts,
            textposition="outside",
            cliponaxis=False,
            hovertext=[
                f"{_label(name, 80)}: {text}" for name, text in zip(names, texts, strict=True)
            ],
            hoverinfo="text",
            increasing={"marker": {"color": _UP}},
            decreasing={"marker": {"color": _DOWN}},
            totals={"marker": {"color": _TOTAL}},
            connector={"line": {"color": "#8a939c", "width": 1, "dash": "dot"}},
        )
    )
    if "part" in frame and (frame["part"] == "churn").any():
        # Shade normal churn apart from the AI effect.
        churn = [i for i, part in enumerate(frame["part"]) if part == "churn"]
        figure.add_vrect(
            x0=churn[0] - 0.5, x1=churn[-1] + 0.5, fillcolor="#8a939c", opacity=0.12,
            line_width=0, layer="below",
        )  # fmt: skip
    low = min(np.cumsum([values[0], *values[1:-1]]).min(), values[-1]) if count else 0.0
    high = max(np.cumsum([values[0], *values[1:-1]]).max(), values[-1]) if count else 0.0
    pad = max((high - low) * 0.25, 1.0)
    figure.update_layout(
        **{**_layout(m, 440), "margin": {"l": 10, "r": 20, "t": 40, "b": 40}},
        showlegend=False,
        yaxis={
            "title": {"text": _label(m("axis.headcount"))},
            # Around the flows, not from zero: an AI effect of a few hundred FTE next to
            # a headcount of thousands stays visible.
            "range": [low - pad, high + pad],
            "tickformat": ",d",
        },
        xaxis={"automargin": True, "tickangle": 0},
    )
    return figure


def tornado(frame: pd.DataFrame, metric: str, m: ScenarioMessages, *, money: bool) -> Any:
    """Bars from the base result to the result at each input's low and high value.

    ``frame`` holds one metric's rows of the sensitivity frame, largest swing first.
    """
    import plotly.graph_objects as go

    fmt: Callable[[Any], str] = m.money if money else m.amount
    inputs = [wrapped(name, 64) for name in frame["input"]]
    base = frame["base"].astype(float).to_numpy()
    figure = go.Figure()
    for side, key, colour in (("low", "tornado_low", _DOWN), ("high", "tornado_high", _UP)):
        values = frame[f"value_{side}"].astype(float).to_numpy()
        hover = [
            f"{name}<br>{m.column(side)}: {_label(format_value(setting, 'decimal', m))}"
            f"<br>{_label(m.metric(metric))}: {fmt(value)} ({fmt(origin)})"
            f"<br>{m.column('spread_share')}: {m.pct(share)}"
            for name, setting, value, origin, share in zip(
                inputs, frame[side], values, base, frame["spread_share"], strict=True
            )
        ]
        figure.add_trace(
            go.Bar(
                y=inputs,
                x=(values - base).tolist(),
                base=base.tolist(),
                orientation="h",
                name=m(key),
                marker={"color": colour},
                hovertext=hover,
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    centre = float(np.nanmedian(base)) if len(base) else 0.0
    figure.add_vline(x=centre, line={"color": "#3b434c", "width": 1})
    figure.update_layout(
        **{
            **_layout(m, 220 + 40 * len(frame)),
            "margin": {"l": 10, "r": 20, "t": 30, "b": 120},
        },
        barmode="overlay",
        xaxis={
            "title": {"text": _label(m("tornado_base", value=fmt(centre)), 80)},
            "automargin": True,
        },
        yaxis={"autorange": "reversed", "automargin": True},
        legend={"orientation": "h", "yanchor": "top", "y": -0.22, "x": 0},
    )
    return figure
