"""UN Comtrade's reporter and partner areas: which code is which country.

UN Comtrade numbers the areas it reports by UN M49 codes, but reports customs
areas rather than geographic ones, so some codes differ from ISO 3166
(Italy is 381, France 251 …) and some codes are aggregates (0 World, 97 EU,
899 Areas nes …) or areas that no longer exist.

This module is the one place that says what a Comtrade code means; the file
reader (:mod:`bilat.io._comtrade`) and the frame reader use it.
"""

from __future__ import annotations

import enum
from functools import cache
from typing import TYPE_CHECKING, Final, NamedTuple

from bilat._country import Country

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["Area", "AreaKind", "area", "codes_for"]


class AreaKind(enum.Enum):
    """What a Comtrade area code stands for."""

    COUNTRY = "country"
    AGGREGATE = "aggregate"


class Area(NamedTuple):
    """One Comtrade area: its code, Comtrade's name, its kind and its country."""

    code: int
    name: str
    kind: AreaKind
    #: The country for a COUNTRY area; None for an aggregate.
    country: Country | None


#: Countries whose Comtrade code is not the ISO 3166 numeric code.
_OWN_CODES: Final[Mapping[str, int]] = {
    "CH": 757,
    "FR": 251,
    "IN": 699,
    "NO": 579,
    "US": 842,
}


@cache
def _by_code() -> Mapping[int, Area]:
    found: dict[int, Area] = {}
    for alpha2, code in _OWN_CODES.items():
        country = Country(alpha2)
        found[code] = Area(code, country.name(), AreaKind.COUNTRY, country)
    return found


def area(code: int) -> Area | None:
    """The area a Comtrade code stands for; None for a code Comtrade does not list."""
    known = _by_code().get(code)
    if known is not None:
        return known
    try:
        country = Country(code)
    except Exception:  # noqa: BLE001 - placeholder until the full table lands
        return None
    return Area(code, country.name(), AreaKind.COUNTRY, country)


def codes_for(country: Country) -> frozenset[int]:
    """Every Comtrade code that may stand for ``country`` in a file."""
    codes = {country.numeric}
    own = _OWN_CODES.get(country.alpha2)
    if own is not None:
        codes.add(own)
    return frozenset(codes)
