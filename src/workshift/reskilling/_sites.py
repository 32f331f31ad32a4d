"""Which person may take which opening: the same site, or a move both sides accept.

Examples
--------
See :func:`allowed_pairs`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from workshift.reskilling._checks import require_columns, unique_ids, yes_no

__all__ = ["allowed_pairs"]


def allowed_pairs(
    people: pd.DataFrame, openings: pd.DataFrame, *, relocation: bool = True
) -> pd.DataFrame:
    """Every (person, opening) pair that location and relocation rules allow.

    A pair is allowed when both are in the same ``location`` (compared trimmed and
    case-insensitive), or when ``relocation`` is on, the person accepts relocation and the
    opening allows it (``relocation`` column on both sides: yes/no, true/false, 1/0, ja/nein
    or booleans; empty means no).

    Parameters
    ----------
    people : pandas.DataFrame
        ``employee_id``, ``location`` and, with ``relocation=True``, ``relocation``.
    openings : pandas.DataFrame
        ``opening_id``, ``location`` and, with ``relocation=True``, ``relocation``.
    relocation : bool, default True
        Consult the relocation columns; False allows same-location pairs only (and needs
        no relocation columns).

    Returns
    -------
    pandas.DataFrame
        ``employee_id``, ``opening_id``, ``relocates`` (True when the locations differ), in
        the order of ``people``, then of ``openings``.

    Raises
    ------
    InputDataError
        A column is missing, an id repeats, or a relocation value is not yes or no.

    Examples
    --------
    >>> people = pd.DataFrame({"employee_id": ["a", "b"], "location": ["Berlin", "Leipzig"],
    ...                        "relocation": ["no", "yes"]})
    >>> openings = pd.DataFrame({"opening_id": ["o1", "o2"], "location": ["berlin", "Hamburg"],
    ...                          "relocation": ["yes", "no"]})
    >>> allowed_pairs(people, openings)
      employee_id opening_id  relocates
    0           a         o1      False
    1           b         o1       True
    """
    columns = ["location", "relocation"] if relocation else ["location"]
    hint = " (or pass relocation=False)" if relocation else ""
    sides = []
    for frame, key, name in (
        (people, "employee_id", "people"),
        (openings, "opening_id", "openings"),
    ):
        require_columns(frame, [key, *columns], name, hint)
        unique_ids(frame, key, name)
        location = frame["location"].astype("string").str.strip().str.casefold()
        side = pd.DataFrame(
            {
                "id": frame[key].to_numpy(),
                "position": np.arange(len(frame)),
                "location": location.mask(location == "").to_numpy(dtype=object),
                "moves": yes_no(frame, "relocation", name)
                if relocation
                else np.zeros(len(frame), bool),
            }
        )
        sides.append(side)
    who, where = sides
    known = [side[side["location"].notna()] for side in sides]
    same = known[0].merge(known[1], on="location", suffixes=("_p", "_o"))
    same["relocates"] = False
    pieces = [same.rename(columns={"location": "location_p"})]
    if relocation:  # an unknown location counts as different from every other
        moves = who[who["moves"]].merge(where[where["moves"]], how="cross", suffixes=("_p", "_o"))
        differ = moves["location_p"].isna() | moves["location_o"].isna()
        differ |= moves["location_p"] != moves["location_o"]
        moves = moves[differ.to_numpy(dtype=bool)].assign(relocates=True)
        pieces.append(moves)
    out = pd.concat(pieces, ignore_index=True).sort_values(["position_p", "position_o"])
    return pd.DataFrame(
        {
            "employee_id": out["id_p"].to_numpy(),
            "opening_id": out["id_o"].to_numpy(),
            "relocates": out["relocates"].to_numpy(dtype=bool),
        }
    )
