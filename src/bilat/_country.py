"""Countries: ISO 3166 codes, with names and currencies from CLDR (through babel).

Every table here is built from babel's copy of CLDR on first use and then
kept; nothing is built at import.

* Codes come from CLDR's territory aliases, which map each alpha-3 and numeric
  code to its alpha-2 code (``'KAZ'`` and ``'398'`` to ``'KZ'``). A country is
  an alpha-2 code that has both an alpha-3 and a numeric code there and is not
  in the user-assigned ranges (``AA``, ``QM``–``QZ``, ``XA``–``XZ``, ``ZZ``)
  nor the reserved ``EU``: the 249 countries of ISO 3166-1, plus Kosovo.
* Kosovo is the one user-assigned code accepted (``XK``, see :class:`Country`).
* The aliases also hold old and reserved codes (``SU``, ``UK``, ``DDR``,
  ``280`` …). These are not accepted: the error suggests what replaced them.
* Names come from every locale babel ships, read once into an index on the
  first :meth:`Country.lookup` by name (about half a second).
"""

from __future__ import annotations

import datetime as dt
import difflib
import pickle
import re
import unicodedata
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any, Final, Literal, NamedTuple, TypeAlias, final

import attrs
from babel import Locale, localedata
from babel.core import get_global

from bilat._cache import thread_safe_cache
from bilat._currency import Currency
from bilat._errors import (
    BilatError,
    CurrencyNotFoundError,
    NumberTypeError,
    UnknownCountryError,
    UnknownCurrencyError,
    ValidationError,
    shown,
)
from bilat._fields import as_items
from bilat._locale import LocaleLike, get_locale
from bilat._pickling import public

__all__ = ["Country", "CountryLike", "as_country", "as_parties", "normalise_name"]

#: What ``Country()`` accepts: a Country, an ISO 3166 code as text, or a
#: numeric code as an int.
CountryLike: TypeAlias = "Country | str | int"

#: User-assigned alpha-2 codes that bilat treats as countries.
_USER_ASSIGNED_COUNTRIES: Final = frozenset({"XK"})

#: Codes in CLDR's aliases that ISO 3166-3 lists as formerly used: the
#: alpha-3 codes of Burma, East Timor, the German Democratic Republic,
#: Metropolitan France, South Yemen and Zaire, and the numeric codes of
#: Ethiopia before 1993, Metropolitan France, both German states before 1990,
#: Sudan before 2011 and both Yemeni states before 1990. CLDR marks them as
#: deprecated, but babel keeps only the replacement.
_WITHDRAWN: Final = frozenset(
    {"BUR", "DDR", "FXX", "TMP", "YMD", "ZAR"}
    | {"230", "249", "278", "280", "720", "736", "886"}
)


def _user_assigned(code: str) -> bool:
    return code in {"AA", "ZZ"} or code[0] == "X" or (code[0] == "Q" and code[1] >= "M")


class _Codes(NamedTuple):
    alpha3: Mapping[str, str]  # alpha-2 -> alpha-3
    numeric: Mapping[str, int]  # alpha-2 -> numeric
    by_alpha3: Mapping[str, str]  # alpha-3 -> alpha-2
    by_numeric: Mapping[str, str]  # zero-padded numeric -> alpha-2
    withdrawn: Mapping[str, tuple[str, ...]]  # withdrawn code -> successors


@thread_safe_cache
def _codes() -> _Codes:
    aliases: Mapping[str, list[str]] = get_global("territory_aliases")
    alpha3s: dict[str, list[str]] = {}
    numerics: dict[str, list[str]] = {}
    for old, new in aliases.items():
        if len(new) != 1 or old in _WITHDRAWN:
            continue
        if len(old) == 3 and old.isalpha():
            alpha3s.setdefault(new[0], []).append(old)
        elif len(old) == 3 and old.isdigit():
            numerics.setdefault(new[0], []).append(old)
    countries = sorted(
        code
        for code in alpha3s.keys() & numerics.keys()
        if len(code) == 2
        and code != "EU"
        and (not _user_assigned(code) or code in _USER_ASSIGNED_COUNTRIES)
    )
    # After the withdrawn codes are set aside each country has one code of
    # each kind; min() only makes the choice deterministic.
    alpha3 = {c: min(alpha3s[c]) for c in countries}
    numeric = {c: min(numerics[c]) for c in countries}
    current = {*alpha3.values(), *numeric.values()}  # a set: one look-up per alias
    withdrawn = {
        old: successors
        for old, new in aliases.items()
        if old not in current
        if (successors := tuple(c for c in new if c in alpha3))
    }
    return _Codes(
        alpha3=MappingProxyType(alpha3),
        numeric=MappingProxyType({c: int(n) for c, n in numeric.items()}),
        by_alpha3=MappingProxyType({a: c for c, a in alpha3.items()}),
        by_numeric=MappingProxyType({n: c for c, n in numeric.items()}),
        withdrawn=MappingProxyType(withdrawn),
    )


def _to_alpha2(value: CountryLike) -> str:
    """The alpha-2 code for a country code given in any of its forms."""
    obj: object = value
    if isinstance(obj, Country):
        return obj.alpha2
    if isinstance(obj, bool):
        raise NumberTypeError(obj, "country code", "an ISO 3166 code, not a bool")
    if isinstance(obj, int):
        text = f"{obj:03d}" if 0 <= obj <= 999 else ""
    elif isinstance(obj, str):
        text = obj.strip()
        # Upper-case only ASCII: "ß".upper() is "SS" and "ı".upper() is "I".
        if text.isascii():
            text = text.upper()
    else:
        raise UnknownCountryError(obj)
    codes = _codes()
    if text.isascii():
        if len(text) == 2 and text in codes.alpha3:
            return text
        if len(text) == 3 and text in codes.by_alpha3:
            return codes.by_alpha3[text]
        if 1 <= len(text) <= 3 and text.isdigit():
            found = codes.by_numeric.get(text.zfill(3))
            if found is not None:
                return found
    key = text.zfill(3) if text.isdigit() else text
    raise UnknownCountryError(value, codes.withdrawn.get(key, ()))


@public
@final
@attrs.frozen(repr=False, order=True)
class Country:
    """A country, identified by its ISO 3166-1 code.

    Any of the three ISO 3166-1 codes is accepted, in any case and with
    surrounding spaces: alpha-2 (``"KZ"``), alpha-3 (``"KAZ"``) or numeric
    (``398`` or ``"398"``). The value keeps the alpha-2 code, so all forms
    give equal countries, which sort by alpha-2 code.

    The countries are the 249 of ISO 3166-1 and Kosovo. Kosovo has no ISO
    code; bilat accepts the user-assigned ``XK`` that the European Union, the
    IMF and CLDR use, with CLDR's ``XKK`` and ``983`` as its alpha-3 and
    numeric codes. Regions and groupings (``001``, ``EU``, ``UN``), other
    user-assigned codes, and old or reserved codes (``SU``, ``UK``, ``DDR``,
    ``280``) are refused; for the last the error suggests what replaced them.

    Args:
        code: An ISO 3166-1 code, or a :class:`Country`.

    Raises:
        UnknownCountryError: ``code`` is not a country's code.
        NumberTypeError: ``code`` is a bool.

    Example:
        >>> from bilat import Country
        >>> Country("kaz"), Country(398), Country("  kz ")
        (Country('KZ'), Country('KZ'), Country('KZ'))
        >>> uz = Country("UZ")
        >>> uz.alpha3, uz.numeric, uz.name(), uz.name("uz"), uz.currency
        ('UZB', 860, 'Uzbekistan', 'Oʻzbekiston', Currency('UZS'))
        >>> try:
        ...     Country("UK")
        ... except LookupError as e:
        ...     print(e)
        unknown country 'UK': expected an ISO 3166 code or a country name;
        did you mean 'GB'?
    """

    alpha2: str = attrs.field(converter=_to_alpha2, alias="code")

    @classmethod
    def lookup(cls, value: CountryLike, locale: LocaleLike | None = None) -> Country:
        """Find a country by a code or by its name in any language CLDR knows.

        Codes are tried first (as in ``Country(value)``), then names. Names
        are compared without regard to case, accents and other combining
        marks, apostrophes (``'``, ``’``, the Uzbek ``ʻ`` …), dots, and the
        difference between hyphens and spaces; ``&`` and ``and`` are the same, and a
        name with a part in brackets (``Myanmar (Burma)``) is also found
        without it. The first lookup by name reads the territory names of
        every locale babel ships (about half a second); later lookups take
        microseconds.

        A few names mean different countries in different languages
        (``"Конго"``, ``"Saint-Martin"``): ``locale`` says which language the
        name is in, and without it such a name is refused.

        Args:
            value: A code, or a country's name.
            locale: The language of the name, used only to tell apart
                countries that share it.

        Raises:
            UnknownCountryError: no country has that code or name, or the
                name belongs to several countries and ``locale`` does not
                decide. The error's ``suggestions`` hold close matches
                (English names), or the candidates of a shared name.
            UnknownLocaleError: babel does not know ``locale``.
            NumberTypeError: ``value`` is a bool.

        Example:
            >>> from bilat import Country
            >>> Country.lookup("Казахстан"), Country.lookup("Oʻzbekiston")
            (Country('KZ'), Country('UZ'))
            >>> Country.lookup("ouzbekistan"), Country.lookup("KAZ")
            (Country('UZ'), Country('KZ'))
            >>> try:
            ...     Country.lookup("Kazakstn")
            ... except LookupError as e:
            ...     e.suggestions
            ('Kazakhstan',)
        """
        obj: object = value
        language = None if locale is None else get_locale(locale)
        if isinstance(obj, Country):
            return obj
        if not isinstance(obj, str):
            return cls(value)
        try:
            return cls(obj)
        except UnknownCountryError as e:
            replacements = e.suggestions
        index = _name_index()
        key = normalise_name(obj)
        found = index.names.get(key)
        if found is not None and len(found) > 1 and language is not None:
            found = _in_locale(index, key, language) or found
        if found is not None and len(found) == 1:
            return cls(next(iter(found)))
        if found is not None:
            suggestions = [index.english[c] for c in sorted(found)]
        else:
            suggestions = list(replacements) + _close_names(key)
        raise UnknownCountryError(value, suggestions)

    @property
    def alpha3(self) -> str:
        """The ISO 3166-1 alpha-3 code (``'KAZ'``).

        Example:
            >>> from bilat import Country
            >>> Country("KZ").alpha3
            'KAZ'
        """
        return _codes().alpha3[self.alpha2]

    @property
    def numeric(self) -> int:
        """The ISO 3166-1 numeric code (``398``), which is also the UN M49 code.

        UN Comtrade uses these codes for most countries, but has its own
        for a few (``842`` for the United States, where ISO has ``840``).

        Example:
            >>> from bilat import Country
            >>> Country("KZ").numeric, Country("AF").numeric
            (398, 4)
        """
        return _codes().numeric[self.alpha2]

    def name(self, locale: LocaleLike = "en") -> str:
        """The country's name in ``locale`` (CLDR).

        As in CLDR, a locale that has no name for the country gives its
        alpha-2 code.

        Raises:
            UnknownLocaleError: babel does not know ``locale``.

        Example:
            >>> from bilat import Country
            >>> kz = Country("KZ")
            >>> kz.name(), kz.name("ru"), kz.name("kk"), kz.name("uz")
            ('Kazakhstan', 'Казахстан', 'Қазақстан', 'Qozogʻiston')
        """
        name = get_locale(locale).territories.get(self.alpha2)
        return self.alpha2 if name is None else str(name)

    @property
    def currency(self) -> Currency:
        """The country's legal tender, as CLDR lists it today.

        This is a currency CLDR gives without an end date, so it does not
        depend on the clock (it can be one whose changeover is announced but
        not yet made). Where several are legal tender, the country's own
        currency (ISO 4217 code starting with the country's code) comes first,
        then the longest-standing one: Panama gives ``PAB``, not ``USD``.
        Use :meth:`currency_on` for a given date.

        Raises:
            CurrencyNotFoundError: CLDR lists no legal tender (Antarctica),
                or it is not an ISO 4217 currency.

        Example:
            >>> from bilat import Country
            >>> Country("KZ").currency, Country("XK").currency
            (Currency('KZT'), Currency('EUR'))
        """
        return _pick_currency(self.alpha2, None)

    def currency_on(self, on: dt.date) -> Currency:
        """The country's legal tender on ``on`` (CLDR).

        Where several were legal tender that day, the one that stayed longest
        comes first, then the country's own currency, then the
        longest-standing one.

        Raises:
            CurrencyNotFoundError: no legal tender that day, or it is not a
                current ISO 4217 currency (bilat's :class:`Currency` knows
                only those).
            ValidationError: ``on`` is not a date.

        Example:
            >>> import datetime
            >>> from bilat import Country
            >>> Country("LS").currency_on(datetime.date(1975, 6, 1))
            Currency('ZAR')
            >>> Country("LS").currency_on(datetime.date(2025, 6, 1))
            Currency('LSL')
        """
        if isinstance(on, dt.datetime) or not isinstance(on, dt.date):
            raise ValidationError([("on", f"expected a date, got {shown(on)}")])
        return _pick_currency(self.alpha2, on)

    def __repr__(self) -> str:
        return f"Country({self.alpha2!r})"

    def __str__(self) -> str:
        return self.alpha2


# -- currencies ----------------------------------------------------------------

_FAR_FUTURE: Final = dt.date.max


def _pick_currency(alpha2: str, on: dt.date | None) -> Currency:
    entries: Iterable[tuple[str, Any, Any, bool]] = get_global(
        "territory_currencies"
    ).get(alpha2, ())
    candidates: list[tuple[dt.date, bool, dt.date, str]] = []
    for code, start_t, end_t, tender in entries:
        start = dt.date(*start_t) if start_t else dt.date.min
        end = dt.date(*end_t) if end_t else _FAR_FUTURE
        if not tender:
            continue
        if on is None and end_t is not None:
            continue
        if on is not None and not start <= on <= end:
            continue
        # Sort key: latest end first, own currency first, earliest start first.
        candidates.append((end, code.startswith(alpha2), start, code))
    if not candidates:
        raise CurrencyNotFoundError(alpha2, on)
    candidates.sort(key=lambda c: (-c[0].toordinal(), not c[1], c[2]))
    code = candidates[0][3]
    try:
        return Currency(code)
    except UnknownCurrencyError:
        raise CurrencyNotFoundError(
            alpha2, on, f"{shown(code)} is not a current ISO 4217 currency"
        ) from None


# -- names -----------------------------------------------------------------------

_APOSTROPHES: Final = "'`´ʹʻʼʽʾʿ‘’‛′"
_SEPARATORS: Final = re.compile(r"[\s\-‐‑‒–—―_,/()\[\]·]+")
_BRACKETED: Final = re.compile(r"\s*\([^)]*\)")


def normalise_name(text: str) -> str:
    """A country name reduced to the form names are compared in.

    Example:
        >>> from bilat._country import normalise_name
        >>> normalise_name("  Oʻzbekiston "), normalise_name("Guinea-Bissau")
        ('ozbekiston', 'guinea bissau')
        >>> normalise_name("St. Kitts & Nevis"), normalise_name("Côte d’Ivoire")
        ('st kitts and nevis', 'cote divoire')
    """
    # Turkish and Azerbaijani write "I" for dotless "ı": fold it with "i" so
    # that "KIBRIS" and "ırak" find Cyprus and Iraq as "Kıbrıs" and "Irak" do.
    folded = text.casefold().replace("ı", "i")
    if not folded.isascii():
        folded = unicodedata.normalize("NFKD", folded)
    bare = folded.translate(_dropped()).replace("&", " and ")
    return _SEPARATORS.sub(" ", bare).strip()


@thread_safe_cache
def _dropped() -> Mapping[int, None]:
    """A translation table that drops combining marks, apostrophes and dots.

    Every character with a non-zero combining class lies in the first two
    Unicode planes.
    """
    marks = (c for c in range(0x20000) if unicodedata.combining(chr(c)))
    return dict.fromkeys([*marks, *map(ord, _APOSTROPHES), ord(".")], None)


class _NameIndex(NamedTuple):
    names: Mapping[str, frozenset[str]]  # normalised name -> alpha-2 codes
    # For names of several countries: alpha-2 code -> locales using the name.
    shared: Mapping[str, Mapping[str, frozenset[str]]]
    english: Mapping[str, str]  # alpha-2 -> English name
    by_length: Mapping[int, tuple[str, ...]]  # length -> normalised names


def _territory_names(identifier: str) -> Mapping[str, str]:
    """The territory names a locale's own data file defines.

    ``babel.localedata.load`` would keep every locale in babel's cache (some
    170 MB for all of them), and with ``merge_inherited=False`` it would cache
    a locale's unmerged data under its own name, which later ``Locale``
    objects would then see. Reading the file leaves babel's cache as it was.
    """
    path = localedata.resolve_locale_filename(identifier)
    with open(path, "rb") as file:  # noqa: PTH123 - babel hands out a str path
        # babel's own CLDR data, the same files babel.localedata.load unpickles.
        data = pickle.load(file)  # noqa: S301
    names = data.get("territories", {})
    return names if isinstance(names, Mapping) else {}


@thread_safe_cache
def _name_index() -> _NameIndex:
    countries = _codes().alpha3
    # Many locales share a spelling: normalise each spelling once.
    spellings: dict[tuple[str, str], list[str]] = {}
    for identifier in localedata.locale_identifiers():
        for code, name in _territory_names(identifier).items():
            if code in countries and isinstance(name, str):
                spellings.setdefault((code, name), []).append(identifier)
    # A name without its bracketed part ("Myanmar" for "Myanmar (Burma)")
    # counts only where no country has it as its whole name.
    found: dict[str, dict[str, set[str]]] = {}
    shortened: dict[str, dict[str, set[str]]] = {}
    for (code, name), identifiers in spellings.items():
        variants = [(name, found)]
        if "(" in name:
            variants.append((_BRACKETED.sub("", name), shortened))
        for variant, table in variants:
            key = normalise_name(variant)
            if key:
                table.setdefault(key, {}).setdefault(code, set()).update(identifiers)
    for key, users in shortened.items():
        found.setdefault(key, users)
    english = get_locale("en").territories
    return _NameIndex(
        names=MappingProxyType({k: frozenset(v) for k, v in found.items()}),
        shared=MappingProxyType(
            {
                k: MappingProxyType({c: frozenset(ids) for c, ids in v.items()})
                for k, v in found.items()
                if len(v) > 1
            }
        ),
        english=MappingProxyType({c: str(english.get(c, c)) for c in countries}),
        by_length=MappingProxyType(_by_length(found)),
    )


def _by_length(names: Iterable[str]) -> dict[int, tuple[str, ...]]:
    lengths: dict[int, list[str]] = {}
    for name in names:
        lengths.setdefault(len(name), []).append(name)
    return {n: tuple(group) for n, group in lengths.items()}


def _in_locale(index: _NameIndex, key: str, locale: Locale) -> frozenset[str]:
    """Which of the countries sharing the name ``key`` ``locale`` means by it.

    The locale's own data decides; failing that, any locale of its language.
    """
    users = index.shared[key]
    identifier = str(locale)
    exact = frozenset(code for code, ids in users.items() if identifier in ids)
    if exact:
        return exact
    return frozenset(
        code
        for code, ids in users.items()
        if any(i.partition("_")[0] == locale.language for i in ids)
    )


def _close_names(key: str, limit: int = 3) -> list[str]:
    """English names of the countries whose names are closest to ``key``."""
    index = _name_index()
    # difflib's ratio is 2·matches / (len(a) + len(b)), so a name shorter than
    # 0.6 or longer than 5/3 times the key can never reach 0.75: leave those
    # out before difflib looks at each of the 30,000 names.
    n = len(key)
    candidates = [
        name
        for length in range((3 * n + 4) // 5, 5 * n // 3 + 1)
        for name in index.by_length.get(length, ())
    ]
    result: list[str] = []
    for match in difflib.get_close_matches(key, candidates, n=10, cutoff=0.75):
        for code in sorted(index.names[match]):
            name = index.english[code]
            if name not in result:
                result.append(name)
    return result[:limit]


# -- converters for fields of other values ---------------------------------------


def as_country(value: object, path: str) -> Country:
    """A :class:`Country` for a field, with errors that name the field.

    Raises:
        ValidationError: ``value`` is not a country code; the path is
            ``path``.

    Example:
        >>> from bilat._country import as_country
        >>> as_country("kaz", "country")
        Country('KZ')
    """
    if isinstance(value, Country):
        return value
    try:
        return Country(value)  # type: ignore[arg-type]
    except BilatError as e:
        raise ValidationError([(path, str(e))]) from None


def as_parties(
    value: object, path: str = "parties", *, least: Literal[1, 2] = 2
) -> tuple[Country, ...]:
    """At least two (or ``least``) distinct countries, in the order given.

    Each item is a :class:`Country` or a code ``Country()`` accepts.

    Raises:
        ValidationError: fewer than two countries, an unknown one (path
            ``parties[i]``), or a country named twice.

    Example:
        >>> from bilat._country import as_parties
        >>> as_parties(["KZ", 860])
        (Country('KZ'), Country('UZ'))
    """
    wanted = "at least two countries" if least == 2 else "at least one country"
    items = as_items(value, path, f"a sequence of {wanted}")
    parties = tuple(as_country(item, f"{path}[{i}]") for i, item in enumerate(items))
    if len(parties) < least:
        raise ValidationError([(path, f"expected {wanted}, got {shown(parties)}")])
    for i, country in enumerate(parties):
        if country in parties[:i]:
            raise ValidationError(
                [
                    (
                        f"{path}[{i}]",
                        f"{shown(country)} is named twice; parties must differ",
                    )
                ]
            )
    return parties
