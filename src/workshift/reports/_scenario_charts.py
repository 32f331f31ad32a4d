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

__all__ = ["TOP_INPUTS", "Panel", "fan_chart", "tornado", "waterfall"]

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
            rangemode="tozero" if panel.from_zero else "normal",
            row=1,
            col=column,
        )
        figure.update_xaxes(dtick=1, tickformat="d", row=1, col=column)
    figure.update_layout(
        **_layout(m, 380),
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
        hovermode="closest",
    )
    return figure


def waterfall(frame: pd.DataFrame, m: ScenarioMessages) -> Any:
    """Today's headcount, the signed flows in the order given, and the projected headcount.

    The last bar is drawn at its own value (not as plotly's running total), so it shows
    the projection's figure even where the steps leave a rounding residual.
    """
    import plotly.graph_objects as go

    values = frame["value"].astype(float).tolist()
    count = len(values)
    measures = ["absolute" if i in (0, count - 1) else "relative" for i in range(count)]
    texts = [
        m.amount(v) if measure == "absolute" else ("+" if v > 0 else "") + m.amount(v)
        for v, measure in zip(values, measures, strict=True)
    ]
    labels = [_label(m.step(str(step)), 30) for step in frame["step"]]
    figure = go.Figure(
        go.Waterfall(
            x=labels,
            y=values,
            measure=measures,
            text=texts,
            textposition="outside",
            hovertext=[f"{label}: {text}" for label, text in zip(labels, texts, strict=True)],
            hoverinfo="text",
            increasing={"marker": {"color": _UP}},
            decreasing={"marker": {"color": _DOWN}},
            totals={"marker": {"color": _TOTAL}},
            connector={"line": {"color": "#8a939c", "width": 1, "dash": "dot"}},
        )
    )
    figure.update_layout(
        **_layout(m, 420),
        showlegend=False,
        yaxis={"title": {"text": m("axis.headcount")}, "rangemode": "tozero"},
        xaxis={"automargin": True},
    )
    return figure


def tornado(frame: pd.DataFrame, metric: str, m: ScenarioMessages, *, money: bool) -> Any:
    """Bars from the base result to the result at each input's low and high value.

    ``frame`` holds one metric's rows of the sensitivity frame, largest swing first.
    """
    import plotly.graph_objects as go

    fmt: Callable[[Any], str] = m.money if money else m.amount
    inputs = [_label(name, 45) for name in frame["input"]]
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
        **_layout(m, 120 + 30 * len(frame)),
        barmode="overlay",
        xaxis={"title": {"text": _label(m("tornado_base", value=fmt(centre)), 80)}},
        yaxis={"autorange": "reversed", "automargin": True},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
    )
    return figure
