"""Which person may take which opening: the same site, or a move both sides accept, to
another country only for people who accept that too.

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
    or booleans; empty means no). A move to another country (optional ``country`` column
    on both sides, ISO codes compared trimmed and case-insensitive; a country missing on
    either side counts as another country) also needs the person's ``relocation_abroad``
    (optional column, default no): a Berlin employee who accepts relocation moves to Munich, not to
    Seattle, unless they said so.

    Parameters
    ----------
    people : pandas.DataFrame
        ``employee_id``, ``location`` and, with ``relocation=True``, ``relocation``;
        optionally ``country`` and ``relocation_abroad``.
    openings : pandas.DataFrame
        ``opening_id``, ``location`` and, with ``relocation=True``, ``relocation``;
        optionally ``country``.
    relocation : bool, default True
        Consult the relocation columns; False allows same-location pairs only (and needs
        no relocation columns).

    Returns
    -------
    pandas.DataFrame
        ``employee_id``, ``opening_id``, ``relocates`` (True when the locations differ),
        ``abroad`` (True when the move crosses a country border), in the order of
        ``people``, then of ``openings``.

    Raises
    ------
    InputDataError
        A column is missing, an id repeats, or a relocation value is not yes or no.

    Examples
    --------
    >>> people = pd.DataFrame({"employee_id": ["a", "b"], "location": ["Berlin", "Leipzig"],
    ...                        "country": "DE", "relocation": ["no", "yes"]})
    >>> openings = pd.DataFrame({"opening_id": ["o1", "o2"], "location": ["berlin", "Hamburg"],
    ...                          "country": "DE", "relocation": ["yes", "no"]})
    >>> allowed_pairs(people, openings)
      employee_id opening_id  relocates  abroad
    0           a         o1      False   False
    1           b         o1       True   False

    The same move to Seattle needs ``relocation_abroad``; without a country it counts as
    abroad (only the same-site pair is left):

    >>> seattle = openings.assign(location=["Seattle", "Hamburg"], country=["US", "DE"])
    >>> len(allowed_pairs(people, seattle)), len(allowed_pairs(people.drop(columns="country"),
    ...                                                        openings))
    (0, 1)
    >>> allowed_pairs(people.assign(relocation_abroad=[False, True]), seattle)
      employee_id opening_id  relocates  abroad
    0           b         o1       True    True
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
        country = (
            frame["country"].astype("string").fillna("").str.strip().str.casefold()
            if "country" in frame
            else pd.Series("", index=frame.index, dtype="string")
        )
        side = pd.DataFrame(
            {
                "id": frame[key].to_numpy(),
                "position": np.arange(len(frame)),
                "location": location.mask(location == "").to_numpy(dtype=object),
                "country": country.mask(country == "").to_numpy(dtype=object),
                "abroad": yes_no(frame, "relocation_abroad", name)
                if "relocation_abroad" in frame
                else np.zeros(len(frame), bool),
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
    # The same site is in one country, whatever the country cells say.
    same["country_p"] = same["country_o"] = "same"
    pieces = [same.rename(columns={"location": "location_p"})]
    if relocation:  # an unknown location counts as different from every other
        moves = who[who["moves"]].merge(where[where["moves"]], how="cross", suffixes=("_p", "_o"))
        differ = moves["location_p"].isna() | moves["location_o"].isna()
        differ |= moves["location_p"] != moves["location_o"]
        moves = moves[differ.to_numpy(dtype=bool)].assign(relocates=True)
        pieces.append(moves)
    out = pd.concat(pieces, ignore_index=True)
    crosses = out["country_p"].isna() | out["country_o"].isna()
    crosses |= out["country_p"] != out["country_o"]
    out = out.assign(crosses=crosses.to_numpy(dtype=bool))
    out = out.loc[~out["crosses"] | out["abroad_p"].astype(bool)]
    out = out.sort_values(["position_p", "position_o"])
    return pd.DataFrame(
        {
            "employee_id": out["id_p"].to_numpy(),
            "opening_id": out["id_o"].to_numpy(),
            "relocates": out["relocates"].to_numpy(dtype=bool),
            "abroad": out["crosses"].to_numpy(dtype=bool),
        }
    )
