"""UN Comtrade's reporter and partner areas: which code is which country.

UN Comtrade numbers the areas it reports by UN M49 codes, but reports customs
areas rather than geographic ones, so some codes differ from ISO 3166
(France with Monaco is 251, India 699, Norway with Svalbard 579, Switzerland
with Liechtenstein 757, the USA with Puerto Rico 842; the legacy files gave
Italy 381) and some codes are aggregates (0 World, 97 EU, 899 Areas nes …)
or areas that no longer exist (810 USSR, 280 the Federal Republic of Germany
before 1991 …).

This module is the one place that says what a Comtrade code means; the file
reader (:mod:`bilat.io._comtrade`) and the frame reader use it. Its table,
``comtrade_areas.csv`` next to this file, is generated from Comtrade's own
reference files by ``scripts/comtrade_areas.py``; the file's header names the
files, their date and the copy read. It is read once, on first use.

Example:
    >>> from bilat import Country
    >>> from bilat.io._areas import area, codes_for
    >>> area(381).country, area(97).kind
    (Country('IT'), <AreaKind.AGGREGATE: 'aggregate'>)
    >>> sorted(codes_for(Country("IT")))
    [380, 381]
"""

from __future__ import annotations

import csv
import enum
import numbers
from importlib.resources import files
from types import MappingProxyType
from typing import TYPE_CHECKING, Final, NamedTuple

from bilat._cache import thread_safe_cache
from bilat._country import Country
from bilat._errors import InvalidNumberError, NumberTypeError
from bilat._fields import plain_str

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["DATA_FILE", "Area", "AreaKind", "area", "codes_for", "comtrade_area"]

#: The table's file name, in this package.
DATA_FILE: Final = "comtrade_areas.csv"

#: The columns the table must have.
_COLUMNS: Final = ("code", "name", "kind", "country")


class AreaKind(enum.Enum):
    """What a UN Comtrade area code stands for.

    ``COUNTRY``: one country, which may be one side of a pair.
    ``AGGREGATE``: anything else, which never is: the world, a group (the
    EU, ASEAN), a residual area "not elsewhere specified", bunkers, free
    zones, special categories, and areas that no longer exist (the USSR,
    Sudan before South Sudan's independence).

    Example:
        >>> from bilat.io import AreaKind, comtrade_area
        >>> comtrade_area(0).kind is AreaKind.AGGREGATE
        True
    """

    COUNTRY = "country"
    AGGREGATE = "aggregate"


class Area(NamedTuple):
    """One UN Comtrade area: its code, Comtrade's name, its kind and its country.

    Example:
        >>> from bilat.io import comtrade_area
        >>> comtrade_area(757)
        Area(code=757, name='Switzerland', kind=<AreaKind.COUNTRY: 'country'>, country=Country('CH'))
        >>> comtrade_area(899).country is None
        True
    """

    #: Comtrade's code (``reporterCode``, ``partnerCode``).
    code: int
    #: Comtrade's name for the area (``"USA"``, ``"Other Asia, nes"``).
    name: str
    #: Whether the code is one country or an aggregate.
    kind: AreaKind
    #: The country for a COUNTRY area; None for an aggregate.
    country: Country | None


# Public under bilat.io: reprs, pickles and the docs name that path. The
# doctests stay here, where doctest looks for objects of another module.
AreaKind.__module__ = Area.__module__ = "bilat.io"
__test__ = {"Area": Area, "AreaKind": AreaKind}


class _Table(NamedTuple):
    by_code: Mapping[int, Area]
    by_country: Mapping[str, frozenset[int]]


def _read_table(text: str) -> _Table:
    """Read the table's text, checking that it says one thing per code."""
    rows = csv.DictReader(
        line for line in text.splitlines() if not line.startswith("#")
    )
    missing = set(_COLUMNS) - set(rows.fieldnames or ())
    if missing:
        raise RuntimeError(f"{DATA_FILE}: missing columns {sorted(missing)}")
    by_code: dict[int, Area] = {}
    by_country: dict[str, set[int]] = {}
    for row in rows:
        code = int(row["code"])
        kind = AreaKind(row["kind"])
        country = Country(row["country"]) if kind is AreaKind.COUNTRY else None
        if code in by_code or (country is None and row["country"]):
            raise RuntimeError(f"{DATA_FILE}: code {code} is listed twice or badly")
        by_code[code] = Area(code, row["name"], kind, country)
        if country is not None:
            by_country.setdefault(country.alpha2, set()).add(code)
    return _Table(
        MappingProxyType(by_code),
        MappingProxyType({c: frozenset(codes) for c, codes in by_country.items()}),
    )


@thread_safe_cache
def _table() -> _Table:
    return _read_table(files(__package__).joinpath(DATA_FILE).read_text("utf-8"))


def area(code: int) -> Area | None:
    """The area a Comtrade code stands for; None for a code Comtrade does not list.

    The readers call this once per distinct code, so it only looks the code
    up: pass an ``int``. :func:`comtrade_area` is the public, checked form.

    Example:
        >>> from bilat.io._areas import area
        >>> area(842).country, area(12345)
        (Country('US'), None)
    """
    return _table().by_code.get(code)


def codes_for(country: Country) -> frozenset[int]:
    """Every Comtrade code that stands for ``country``; empty when none does.

    A country may have several: its ISO 3166 code and Comtrade's own
    (Italy 380 and 381, the USA 840 and 842, India 356 until 1974 and 699
    since). Monaco has none, since Comtrade reports it with France (251).

    Example:
        >>> from bilat import Country
        >>> from bilat.io._areas import codes_for
        >>> sorted(codes_for(Country("US"))), codes_for(Country("MC"))
        ([840, 842], frozenset())
    """
    return _table().by_country.get(country.alpha2, frozenset())


#: The longest code text read (M49 codes have three digits).
_MAX_DIGITS: Final = 6


def _code_of(text: str) -> int | None:
    """The code a code text holds (white space around it allowed), or None.

    The one rule for code texts, shared by :func:`comtrade_area` and the
    file readers: ASCII digits, at most ``_MAX_DIGITS`` of them.

    Example:
        >>> _code_of(" 040"), _code_of("4.0"), _code_of("1234567")
        (40, None, None)
    """
    digits = text.strip()
    if digits.isascii() and digits.isdigit() and len(digits) <= _MAX_DIGITS:
        return int(digits)
    return None


def comtrade_area(code: int | str) -> Area | None:
    """What a UN Comtrade reporter or partner code stands for.

    UN Comtrade reports customs areas, numbered by UN M49 codes, which are
    mostly but not always the ISO 3166 numeric codes: France with Monaco is
    251, India 699, Norway 579, Switzerland 757, the USA 842, and Italy was
    381 in Comtrade's legacy files (380 now). Other codes are aggregates,
    which the readers never take as a country: 0 World, 97 the EU, the
    "nes" areas (899 Areas nes, 490 Other Asia nes), 837 Bunkers, and areas
    that no longer exist (810 USSR). The table is Comtrade's own list of
    reporters and partner areas; see :doc:`/howto/comtrade` for the decisions
    on special codes.

    Args:
        code: Comtrade's code, as an int (``381``) or as text (``"381"``,
            ``"040"``), as in a ``reporterCode`` or ``partnerCode`` column.

    Returns:
        The :class:`Area`, or None when Comtrade lists no such code.

    Raises:
        NumberTypeError: ``code`` is neither an int nor text (a bool, a float).
        InvalidNumberError: ``code`` is text that is not a code of digits.

    Example:
        >>> from bilat.io import comtrade_area
        >>> comtrade_area(381)
        Area(code=381, name='Italy', kind=<AreaKind.COUNTRY: 'country'>, country=Country('IT'))
        >>> comtrade_area("490").kind, comtrade_area(490).name
        (<AreaKind.AGGREGATE: 'aggregate'>, 'Other Asia, nes')
        >>> comtrade_area(1000) is None
        True
    """
    expected = "a UN Comtrade area code of digits, such as 398 or '398'"
    if isinstance(code, bool) or not isinstance(code, numbers.Integral | str):
        raise NumberTypeError(code, "Comtrade area code", expected)
    text = plain_str(code)
    if text is None:
        return area(int(code))
    number = _code_of(text)
    if number is None:
        raise InvalidNumberError(text, "Comtrade area code", expected)
    return area(number)
