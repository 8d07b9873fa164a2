"""ISO 4217 currencies: codes and minor units from ISO, names and symbols from CLDR."""

from __future__ import annotations

from typing import Any, final

import attrs
from babel.numbers import get_currency_name, get_currency_symbol

from bilat._cache import thread_safe_cache, thread_safe_lru_cache
from bilat._errors import UnknownCurrencyError
from bilat._locale import LocaleLike, get_locale
from bilat._pickling import public

__all__ = ["Currency", "CurrencyLike", "as_currency"]


@thread_safe_cache
def _iso(code: str) -> Any:
    from iso4217 import Currency as IsoCurrency  # imported on first use

    try:
        return IsoCurrency(code)
    except ValueError:
        raise UnknownCurrencyError(code) from None


def _normalise(code: object) -> str:
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
        _iso(normal)
    except UnknownCurrencyError:
        raise UnknownCurrencyError(code) from None  # name it as it was given
    return normal


@public
@final
@attrs.frozen(repr=False, eq=False)
class Currency:
    """An ISO 4217 currency.

    The code is normalised to upper case. ``digits`` (the minor unit) comes
    from ISO 4217 itself, which is what rounding and allocation use; names and
    symbols come from CLDR through babel. The two disagree for some currencies
    (CLDR shows Colombian pesos without cents, ISO 4217 has two digits), and
    bilat follows ISO 4217 for arithmetic.

    Args:
        code: An ISO 4217 alphabetic code, in any case.

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
    """

    code: str = attrs.field(converter=_normalise)

    @property
    def digits(self) -> int | None:
        """Number of decimal places of the minor unit (ISO 4217).

        ``None`` for units that have no minor unit, such as gold (``XAU``) or
        the IMF's special drawing right (``XDR``).
        """
        return _iso(self.code).exponent  # type: ignore[no-any-return]

    @property
    def numeric(self) -> int:
        """The ISO 4217 numeric code (``398`` for ``KZT``)."""
        return int(_iso(self.code).number)

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


def as_currency(value: CurrencyLike) -> Currency:
    """Return a shared :class:`Currency` for a code or a currency.

    Money built from the same code shares one Currency object, which makes the
    same-currency check in arithmetic an identity test.
    """
    if isinstance(value, Currency):
        return _cached(value.code)
    if isinstance(value, str):
        try:
            return _cached(str.__str__(value))  # not a subclass's own __hash__
        except TypeError:  # pragma: no cover - lru_cache never raises this for str
            raise UnknownCurrencyError(value) from None
    raise UnknownCurrencyError(value)
