"""What CLDR writes for amounts of money in one locale, as plain text.

The reader of :mod:`bilat._parse` is a grammar driven by tables of words;
the words it does not write by hand come from CLDR, through babel, and are
gathered here: the ISO 4217 codes CLDR knows, the names of each currency in
every plural form of a locale, its currency symbols, the currencies a
locale's country uses, and the compact-number words (``млн``, ``Mrd.``,
``lakh``, ``億``) with their powers of ten. Everything here is text as CLDR
writes it; the grammar cuts it into the tokens it compares.

Each table is built on first use, once per locale, and never at import.

Example:
    >>> from bilat._parse_cldr import compact_words, currency_names
    >>> sorted(currency_names("en")["PLN"])
    ['Polish Zloty', 'Polish zloty', 'Polish zlotys']
    >>> dict(compact_words("en_IN"))["crore"]
    7
"""

from __future__ import annotations

import types
from decimal import Decimal
from typing import TYPE_CHECKING, Final

from bilat._cache import thread_safe_lru_cache
from bilat._errors import UnknownCurrencyError
from bilat._locale import get_locale

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "NOT_CURRENCIES",
    "compact_words",
    "currency_names",
    "currency_phrases",
    "current_codes",
    "iso_codes",
    "plural_samples",
    "territory_currencies",
]

#: Codes CLDR lists that are not read as currencies: no currency and the
#: code for testing.
NOT_CURRENCIES: Final = frozenset({"XXX", "XTS"})
#: Numbers tried, in order, to find one sample of each plural category of a
#: locale: integers reach most categories, the decimals those of fractions
#: (``1.5``), of written decimals (``1.0``) and of large round numbers.
_PLURAL_CANDIDATES: Final = (
    *range(202),
    *(Decimal(t) for t in ("1.5", "0.5", "0.1", "1.0", "2.5", "0.0", "10.0")),
    1000,
    10**5,
    10**6,
    10**7,
    Decimal("1000000.0"),
)


@thread_safe_lru_cache(maxsize=1)
def iso_codes() -> tuple[str, ...]:
    """The ISO 4217 codes CLDR lists and :class:`~bilat.Currency` accepts.

    >>> "USD" in iso_codes(), "XXX" in iso_codes()
    (True, False)
    """
    from babel.numbers import list_currencies

    from bilat._currency import Currency

    codes = []
    for code in sorted(list_currencies()):
        try:
            Currency(code)
        except UnknownCurrencyError:
            continue
        if code not in NOT_CURRENCIES:
            codes.append(code)
    return tuple(codes)


@thread_safe_lru_cache(maxsize=16)
def plural_samples(locale_id: str) -> tuple[int | Decimal, ...]:
    """One number of each plural category of a locale, by its CLDR rules.

    >>> plural_samples("lt")
    (0, 1, 2, Decimal('1.5'))
    """
    rule = get_locale(locale_id).plural_form
    wanted = set(rule.tags) | {"other"}
    samples: dict[str, int | Decimal] = {}
    for number in _PLURAL_CANDIDATES:
        samples.setdefault(rule(number), number)
        if len(samples) == len(wanted):
            break
    return tuple(samples.values())


@thread_safe_lru_cache(maxsize=16)
def currency_names(locale_id: str) -> Mapping[str, frozenset[str]]:
    """CLDR's names of each currency in one locale, in every plural form.

    >>> sorted(currency_names("ru")["KGS"])
    ['киргизский сом', 'киргизских сома', 'киргизских сомов', 'киргизского сома']
    """
    from babel.numbers import get_currency_name

    loc = get_locale(locale_id)
    samples = plural_samples(locale_id)
    names: dict[str, frozenset[str]] = {}
    for code in iso_codes():
        phrases = {get_currency_name(code, count, loc) for count in samples}
        name = loc.currencies.get(code)
        if name:
            phrases.add(name)
        names[code] = frozenset(phrases)
    return types.MappingProxyType(names)


def currency_phrases(locale_id: str) -> Mapping[str, frozenset[str]]:
    """CLDR's currency names (all plural forms) and symbols in one locale.

    Each phrase maps to the currencies it names; a symbol equal to the code
    is left out.

    >>> sorted(currency_phrases("en")["A$"])
    ['AUD']
    """
    loc = get_locale(locale_id)
    found: dict[str, set[str]] = {}
    for code, names in currency_names(locale_id).items():
        phrases = set(names)
        symbol = loc.currency_symbols.get(code)
        if symbol and symbol != code:
            phrases.add(symbol)
        for phrase in phrases:
            found.setdefault(phrase, set()).add(code)
    return types.MappingProxyType({k: frozenset(v) for k, v in found.items()})


@thread_safe_lru_cache(maxsize=1)
def current_codes() -> frozenset[str]:
    """The currencies CLDR says some country uses, with no end date.

    >>> "PLN" in current_codes(), "DEM" in current_codes()
    (True, False)
    """
    from babel.core import get_global

    return frozenset(
        code
        for spans in get_global("territory_currencies").values()
        for code, _start, end, _tender in spans
        if end is None
    )


def territory_currencies(locale_id: str) -> tuple[str, ...]:
    """The currencies in use in a locale's country that CLDR names.

    The country is the locale's territory, or the one CLDR finds likeliest
    for its language (Poland for ``pl``); its currencies are those in use
    with no end date. A language with no likely country has none.

    >>> territory_currencies("pl"), territory_currencies("en_PK")
    (('PLN',), ('PKR',))
    """
    from datetime import date

    from babel.core import get_global
    from babel.numbers import get_territory_currencies

    loc = get_locale(locale_id)
    territory = loc.territory
    if territory is None:
        likely = get_global("likely_subtags").get(loc.language, "")
        territory = likely.split("_")[-1] if "_" in likely else None
    if territory is None:
        return ()
    names = currency_names(locale_id)
    return tuple(
        code for code in get_territory_currencies(territory, date.max) if code in names
    )


def compact_words(locale_id: str) -> tuple[tuple[str, int], ...]:
    """CLDR's compact-number words in one locale, with their power of ten.

    The words come in CLDR's order, short forms before long ones; a pattern
    with no digits gives no word.

    >>> dict(compact_words("de"))["Mrd."]
    9
    """
    loc = get_locale(locale_id)
    words: list[tuple[str, int]] = []
    for length in ("short", "long"):
        for patterns in loc.compact_decimal_formats.get(length, {}).values():
            for magnitude, pattern in patterns.items():
                text = pattern.pattern.split(";")[0]
                zeros = text.count("0")
                word = text.replace("0", "").replace("'", "").strip()
                if zeros:
                    words.append((word, len(magnitude) - zeros))
    return tuple(words)
