"""When a staff reduction alone is a *Betriebsänderung* (§111 BetrVG): the §17 (1) KSchG
scale as the case law uses it.

§111 sentence 3 no. 1 BetrVG names the *Einschränkung des Betriebs* as a
Betriebsänderung. Since BAG 22.5.1979 (1 AZR 848/76) and 2.8.1983 (1 AZR 516/81) the
Federal Labour Court treats a reduction of staff alone, with the plant and equipment
unchanged, as such a restriction when it reaches the numbers of §17 (1) KSchG (the
notification duty for mass dismissals), taken without its 30-day window. §17 (1) reads:
in establishments that usually employ

1. more than 20 and fewer than 60 employees: more than 5 employees;
2. at least 60 and fewer than 500: 10 % of the regularly employed, or more than 25;
3. at least 500: at least 30.

For large establishments the BAG adds a floor of at least 5 % of the workforce (applied
here from 500 on; it only bites above 600, where 5 % is more than 30). An establishment
of 20 or fewer has no number on the §17 scale; for such an establishment the BAG
(9.11.2010, 1 AZR 708/09) takes the number of §112a (1) sentence 1 no. 1 BetrVG instead:
at least 6 employees, provided the enterprise has more than 20 employees entitled to
vote. :func:`reduction_threshold` applies it: ``minimum`` is 6 for the ``"none"`` band,
and None where the enterprise (``enterprise``, when known) has 20 or fewer employees, as
§111 then does not apply at all. The BAG also measures the reduction against the whole
establishment (*Betrieb*), not a part of it or a site that is not one.

**How to count.** Employees count per head: part-time staff count fully, as in §17 KSchG
(the weighting by hours of §23 (1) KSchG does not apply). "Usually" (*in der Regel*) means
the establishment's normal staffing, looking back and ahead, not one reporting day. The
reduction counts the people the employer's plan lets go (dismissals, and departures it
brings about, such as termination agreements), not natural attrition; several steps of
one plan count together.

**What this is not.** The numbers are a guide value (*Richtschnur*), not a bright line,
and this is no legal advice. §111 applies only in enterprises with usually more than 20
employees entitled to vote (§7 BetrVG) and a works council; that counts the enterprise,
not the establishment. The BetrVG covers establishments in Germany only (the pack marks
sites abroad, :func:`workshift.council.site_countries`). A reduction below the scale may
still be a Betriebsänderung through other changes of §111 sentence 3 (closing a
department, a new organisation).

Examples
--------
>>> reduction_threshold(120)  # doctest: +NORMALIZE_WHITESPACE
ReductionThreshold(employees=120, band='60-499', minimum=12,
    basis='§17 (1) no. 2 KSchG: 10 % of 120 employees or more than 25',
    basis_key='kschg17.band2', note='', note_key='')
>>> reaches_threshold(120, 11.5), reaches_threshold(120, 12)
(False, True)
>>> reaches_threshold(18, 6), reaches_threshold(18, 6, enterprise=18) is None
(True, True)
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass

__all__ = ["ReductionThreshold", "reaches_threshold", "reduction_threshold"]

_SMALL = 20  # establishments (enterprises) of at most this many: not on the scale
_MEDIUM = 60
_LARGE = 500


@dataclass(frozen=True)
class ReductionThreshold:
    """The smallest staff reduction that is a Betriebsänderung by the §17 (1) KSchG scale
    (and, for 20 or fewer employees, by BAG 1 AZR 708/09).

    Attributes
    ----------
    employees : int
        The establishment size used (people usually employed, per head).
    band : str
        ``"none"`` (20 or fewer), ``"21-59"``, ``"60-499"`` or ``"500+"``.
    minimum : int or None
        The smallest reduction, in people, that reaches the threshold; None when none
        applies (an enterprise of 20 or fewer employees). For the ``"none"`` band it can
        exceed ``employees``: such an establishment cannot reach it.
    basis : str
        The rule applied, in English, with the numbers filled in.
    basis_key : str
        Message key of ``basis`` for translation: ``"bag.small"``, ``"kschg17.band1"``,
        ``"kschg17.band2"``, ``"kschg17.band3"`` or ``"betrvg111.small_enterprise"``.
    note : str
        What else to check, ``""`` if nothing: for the ``"none"`` band, that §111 needs
        an enterprise of more than 20 employees entitled to vote.
    note_key : str
        Message key of ``note`` (``"betrvg111.enterprise"``), ``""`` without a note.
    """

    employees: int
    band: str
    minimum: int | None
    basis: str
    basis_key: str
    note: str = ""
    note_key: str = ""


def _ceil_share(employees: int, parts: int) -> int:
    """``ceil(employees / parts)`` in integers: ``0.1 * 70`` is 7.000000000000001 in floats."""
    return -(-employees // parts)


def _size(employees: int, name: str = "employees") -> int:
    if isinstance(employees, bool) or not isinstance(employees, numbers.Integral):
        raise TypeError(f"{name} must be a whole number of people, got {employees!r}")
    if employees < 0:
        raise ValueError(f"{name} must be 0 or more, got {employees}")
    return int(employees)


_SMALL_MINIMUM = 6  # §112a (1) sentence 1 no. 1 BetrVG, as BAG 1 AZR 708/09 applies it
_ENTERPRISE_NOTE = (
    "§111 BetrVG applies only in enterprises with usually more than 20 employees entitled "
    "to vote: count the enterprise, not the establishment"
)


def reduction_threshold(employees: int, enterprise: int | None = None) -> ReductionThreshold:
    """The threshold for an establishment of ``employees`` people in an enterprise of
    ``enterprise`` people.

    Parameters
    ----------
    employees : int
        People usually employed in the establishment, per head (part-time staff count
        fully).
    enterprise : int, optional
        People usually employed in the whole enterprise (at least ``employees``); None
        when not known, which takes the enterprise to have more than 20 (the note says
        to check it). It counts people, not only those entitled to vote (§7 BetrVG).

    Returns
    -------
    ReductionThreshold
        ``minimum`` is 6 for 20 or fewer employees (BAG) and for 21-59,
        ``min(ceil(10 %), 26)`` for 60-499 and ``max(30, ceil(5 %))`` for 500 or more;
        None for an enterprise of 20 or fewer.

    Raises
    ------
    TypeError
        ``employees`` or ``enterprise`` is not an integer.
    ValueError
        ``employees`` is negative, or ``enterprise`` is smaller than ``employees``.

    Examples
    --------
    >>> [reduction_threshold(n).minimum for n in (20, 21, 59, 60, 259, 260, 499, 500, 601)]
    [6, 6, 6, 6, 26, 26, 26, 30, 31]
    >>> reduction_threshold(1000).basis
    '§17 (1) no. 3 KSchG: at least 30 of 1000 employees; BAG: at least 5 % (50)'
    >>> print(reduction_threshold(12).basis)  # doctest: +NORMALIZE_WHITESPACE
    BAG 9.11.2010, 1 AZR 708/09: at least 6 employees (§112a (1) sentence 1 no. 1 BetrVG)
    in an establishment of 20 or fewer (12)
    >>> print(reduction_threshold(12).note)  # doctest: +NORMALIZE_WHITESPACE
    §111 BetrVG applies only in enterprises with usually more than 20 employees entitled
    to vote: count the enterprise, not the establishment
    >>> reduction_threshold(12, enterprise=18).minimum is None
    True
    """
    n = _size(employees)
    whole = None if enterprise is None else _size(enterprise, "enterprise")
    if whole is not None and whole < n:
        raise ValueError(f"enterprise ({whole}) must be at least the establishment ({n})")
    if whole is not None and whole <= _SMALL:
        return ReductionThreshold(
            n,
            "none",
            None,
            f"§111 BetrVG: an enterprise of 20 or fewer employees ({whole}) has no "
            "Betriebsänderung through staff reduction",
            "betrvg111.small_enterprise",
            _ENTERPRISE_NOTE,
            "betrvg111.enterprise",
        )
    if n <= _SMALL:
        return ReductionThreshold(
            n,
            "none",
            _SMALL_MINIMUM,
            "BAG 9.11.2010, 1 AZR 708/09: at least 6 employees (§112a (1) sentence 1 no. 1 "
            f"BetrVG) in an establishment of 20 or fewer ({n})",
            "bag.small",
            _ENTERPRISE_NOTE,
            "betrvg111.enterprise",
        )
    if n < _MEDIUM:
        return ReductionThreshold(
            n, "21-59", 6, f"§17 (1) no. 1 KSchG: more than 5 of {n} employees", "kschg17.band1"
        )
    if n < _LARGE:
        return ReductionThreshold(
            n,
            "60-499",
            min(_ceil_share(n, 10), 26),
            f"§17 (1) no. 2 KSchG: 10 % of {n} employees or more than 25",
            "kschg17.band2",
        )
    five_percent = _ceil_share(n, 20)
    return ReductionThreshold(
        n,
        "500+",
        max(30, five_percent),
        f"§17 (1) no. 3 KSchG: at least 30 of {n} employees; BAG: at least 5 % ({five_percent})",
        "kschg17.band3",
    )


def reaches_threshold(
    employees: int, reduction: float, enterprise: int | None = None
) -> bool | None:
    """Does a reduction by ``reduction`` people reach the threshold of an establishment of
    ``employees`` (in an enterprise of ``enterprise``)? None where no threshold applies
    (an enterprise of 20 or fewer employees).

    ``reduction`` may be fractional (a projection's expected people); it reaches the
    threshold when it is at least :attr:`ReductionThreshold.minimum`.

    Raises
    ------
    TypeError, ValueError
        As :func:`reduction_threshold`; ``ValueError`` too for a negative or non-finite
        ``reduction``.

    Examples
    --------
    >>> reaches_threshold(45, 5), reaches_threshold(45, 6)
    (False, True)
    >>> reaches_threshold(300, 25.9), reaches_threshold(300, 26)
    (False, True)
    >>> reaches_threshold(15, 6, enterprise=300), reaches_threshold(15, 6, enterprise=15)
    (True, None)
    """
    minimum = reduction_threshold(employees, enterprise).minimum
    if isinstance(reduction, bool) or not isinstance(reduction, numbers.Real):
        raise TypeError(f"reduction must be a number of people, got {reduction!r}")
    if not math.isfinite(reduction) or reduction < 0:
        raise ValueError(f"reduction must be a finite number of people, 0 or more, got {reduction}")
    # bool(): a numpy reduction (a projection's P50) would give numpy.bool_, not a bool.
    return None if minimum is None else bool(reduction >= minimum)
