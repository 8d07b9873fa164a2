"""ISO 4217 currencies: codes and minor units from ISO, names and symbols from CLDR.

Current codes (ISO 4217 list one) come from the ``iso4217`` package. Codes
ISO 4217 has withdrawn (list three, "historic denominations") come from
``iso4217_historic.csv`` next to this file, which ``scripts/iso4217_historic.py``
generates from ISO's own list; its header names the file, its publication
date and the copy read. It is read once, the first time a code is not a
current one.
"""

from __future__ import annotations

import csv
import re
from importlib.resources import files
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, NamedTuple, final

import attrs
from babel.numbers import (
    get_currency_name,
    get_currency_precision,
    get_currency_symbol,
    list_currencies,
)

from bilat._cache import thread_safe_cache, thread_safe_lru_cache
from bilat._errors import UnknownCurrencyError
from bilat._locale import LocaleLike, get_locale
from bilat._pickling import public

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["Currency", "CurrencyLike", "as_currency"]

#: The table of withdrawn codes (ISO 4217 list three), in this package.
HISTORIC_FILE: Final = "iso4217_historic.csv"


class _Facts(NamedTuple):
    """What bilat knows of one code: minor unit, number, withdrawal."""

    digits: int | None
    numeric: int | None
    withdrawn: str | None  # None for a current code


class _Withdrawal(NamedTuple):
    numeric: int | None
    withdrawn: str
    end: tuple[int, int]  # the (year, month) the withdrawal ends, for ordering


# ISO writes a withdrawal as "2026-01", "1990", "1989-1990" or "1989 to 1990".
_END: Final = re.compile(r"(?:.* to )?(?:\d{4}-)?(\d{4})(?:-(\d{2}))?")


def _end(withdrawn: str) -> tuple[int, int]:
    """The year and month a withdrawal as ISO writes it ends (month 12 if none)."""
    match = _END.fullmatch(withdrawn)
    if match is None:
        raise RuntimeError(f"{HISTORIC_FILE}: unreadable withdrawal {withdrawn!r}")
    return int(match[1]), int(match[2] or 12)


def _read_historic(text: str) -> Mapping[str, _Withdrawal]:
    """The latest withdrawal of each code in the table's text."""
    latest: dict[str, _Withdrawal] = {}
    rows = csv.DictReader(
        line for line in text.splitlines() if not line.startswith("#")
    )
    for row in rows:
        code = row["code"]
        entry = _Withdrawal(
            int(row["numeric"]) if row["numeric"] else None,
            row["withdrawn"],
            _end(row["withdrawn"]),
        )
        if code not in latest or entry.end > latest[code].end:
            latest[code] = entry
    return MappingProxyType(latest)


@thread_safe_cache
def _historic() -> Mapping[str, _Withdrawal]:
    text = files("bilat").joinpath(HISTORIC_FILE).read_text(encoding="utf-8")
    return _read_historic(text)


@thread_safe_cache
def _cldr_codes() -> frozenset[str]:
    return frozenset(list_currencies())


@thread_safe_cache
def _facts(code: str) -> _Facts:
    """What ISO 4217 says of an upper-case code; UnknownCurrencyError if nothing."""
    from iso4217 import Currency as IsoCurrency  # imported on first use

    iso: Any
    try:
        iso = IsoCurrency(code)
    except ValueError:
        old = _historic().get(code)
        if old is None:
            raise UnknownCurrencyError(code) from None
        # List three gives no minor unit: CLDR's, where CLDR knows the code.
        digits = get_currency_precision(code) if code in _cldr_codes() else None
        return _Facts(digits, old.numeric, old.withdrawn)
    return _Facts(iso.exponent, int(iso.number), None)


def _normalise(code: CurrencyLike) -> str:
    return _code_of(code)


def _code_of(code: object) -> str:
    """The upper-case ISO 4217 code of a Currency or a code in any case."""
    if isinstance(code, Currency):
        return code.code
    if not isinstance(code, str):
        raise UnknownCurrencyError(code)
    stripped = str.__str__(code).strip()  # a str subclass may override anything
    # Check before upper-casing: "ſ".upper() is "S" and "ı".upper() is "I", so
    # "uſd" would otherwise pass as USD.
    if len(stripped) != 3 or not stripped.isascii() or not stripped.isalpha():
        raise UnknownCurrencyError(code)
    normal = stripped.upper()
    try:
        _facts(normal)
    except UnknownCurrencyError:
        raise UnknownCurrencyError(code) from None  # name it as it was given
    return normal


@public
@final
@attrs.frozen(repr=False, eq=False)
class Currency:
    """An ISO 4217 currency, current or withdrawn.

    The code is normalised to upper case. ``digits`` (the minor unit) comes
    from ISO 4217 itself, which is what rounding and allocation use; names and
    symbols come from CLDR through babel. The two disagree for some currencies
    (CLDR shows Colombian pesos without cents, ISO 4217 has two digits), and
    bilat follows ISO 4217 for arithmetic.

    Codes ISO 4217 has withdrawn (its list three, "historic denominations")
    are currencies too, so that amounts, rates and series from before a
    changeover can be written in the currency of their day: ``BGN`` (replaced
    by the euro in 2026), ``ANG`` (by the Caribbean guilder ``XCG`` in 2025),
    ``DEM``. :attr:`historic` tells them apart and :attr:`withdrawn` says
    when. A code that is neither current nor in list three, such as ones only
    CLDR uses (``CNH``), is refused.

    Args:
        code: An ISO 4217 alphabetic code, current or withdrawn, in any case.

    Raises:
        UnknownCurrencyError: ``code`` is not an ISO 4217 code.

    Example:
        >>> from bilat import Currency
        >>> Currency("kzt")
        Currency('KZT')
        >>> Currency("KZT").digits, Currency("KWD").digits, Currency("JPY").digits
        (2, 3, 0)
        >>> Currency("UZS").name("ru")
        'узбекский сум'
        >>> Currency("USD").symbol("en"), Currency("KZT").symbol("kk")
        ('$', '₸')
        >>> Currency("BGN").historic, Currency("BGN").withdrawn
        (True, '2026-01')
    """

    code: str = attrs.field(converter=_normalise)

    @property
    def digits(self) -> int | None:
        """Number of decimal places of the minor unit (ISO 4217).

        ``None`` for units that have no minor unit, such as gold (``XAU``) or
        the IMF's special drawing right (``XDR``).

        ISO 4217 gives no minor unit for withdrawn codes: for these it is
        CLDR's (through babel), and ``None`` for the few CLDR does not know.

        Example:
            >>> from bilat import Currency
            >>> Currency("BGN").digits, Currency("ITL").digits, Currency("BGK").digits
            (2, 0, None)
        """
        return _facts(self.code).digits

    @property
    def numeric(self) -> int | None:
        """The ISO 4217 numeric code (``398`` for ``KZT``).

        ``None`` for the three withdrawn codes ISO gives no number (``XFO``,
        ``XFU``, ``XRE``). ISO 4217 reuses some numbers: withdrawn ``ANG``
        and current ``XCG`` are both ``532``.
        """
        return _facts(self.code).numeric

    @property
    def historic(self) -> bool:
        """Whether ISO 4217 has withdrawn the code (it is only in list three).

        A code withdrawn in one country and current in another (``EUR`` in
        Serbia and Montenegro) is current.

        Example:
            >>> from bilat import Currency
            >>> Currency("ANG").historic, Currency("XCG").historic
            (True, False)
        """
        return _facts(self.code).withdrawn is not None

    @property
    def withdrawn(self) -> str | None:
        """When ISO 4217 withdrew the code, as ISO writes it; ``None`` if current.

        ISO gives a year and month (``"2026-01"``), and for a few codes
        withdrawn before 1991 a year or a span (``"1989 to 1990"``); bilat
        keeps it so rather than invent a day. Where ISO lists several
        withdrawals (one per country), this is the latest. For the day a
        country changed currency, see :meth:`Country.currency_on
        <bilat.Country.currency_on>`.

        Example:
            >>> from bilat import Currency
            >>> Currency("ANG").withdrawn, Currency("DEM").withdrawn
            ('2025-03', '2002-03')
            >>> Currency("EUR").withdrawn is None
            True
        """
        return _facts(self.code).withdrawn

    def name(self, locale: LocaleLike = "en") -> str:
        """The currency's name in ``locale`` (CLDR).

        Example:
            >>> from bilat import Currency
            >>> Currency("KZT").name(), Currency("KZT").name("kk")
            ('Kazakhstani Tenge', 'Қазақстан теңгесі')
        """
        return str(get_currency_name(self.code, locale=get_locale(locale)))

    def symbol(self, locale: LocaleLike = "en") -> str:
        """The currency's symbol in ``locale`` (CLDR).

        Example:
            >>> from bilat import Currency
            >>> Currency("USD").symbol("ru"), Currency("EUR").symbol("en")
            ('$', '€')
        """
        return str(get_currency_symbol(self.code, locale=get_locale(locale)))

    def __eq__(self, other: object) -> bool:
        if type(other) is Currency:
            return self.code == other.code
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.code)

    def __repr__(self) -> str:
        return f"Currency({self.code!r})"

    def __str__(self) -> str:
        return self.code


CurrencyLike = Currency | str


@thread_safe_lru_cache(maxsize=512)
def _cached(code: str) -> Currency:
    return Currency(code)


def as_currency(value: object) -> Currency:
    """Return a shared :class:`Currency` for a code or a currency.

    Money built from the same code shares one Currency object, which makes the
    same-currency check in arithmetic an identity test. Anything else (a
    file's cell, a record's field) is checked here and refused.

    Raises:
        UnknownCurrencyError: ``value`` is not a Currency or an ISO 4217 code.
    """
    if isinstance(value, Currency):
        return _cached(value.code)
    if isinstance(value, str):
        try:
            return _cached(str.__str__(value))  # not a subclass's own __hash__
        except TypeError:  # pragma: no cover - lru_cache never raises this for str
            raise UnknownCurrencyError(value) from None
    raise UnknownCurrencyError(value)
