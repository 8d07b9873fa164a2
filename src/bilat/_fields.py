"""Field conversion shared by the value classes: one home for every converter.

Constructors take what callers give them, which may be anything: a string
where a list was meant, a pint quantity (iterable on paper, not in fact), an
object whose ``__iter__``, ``__len__`` or ``__hash__`` raises, a mapping whose
``items()`` fails half-way. The helpers here turn such input into plain
tuples and lists, or into a :class:`~bilat.ValidationError` at a field path,
and never let an error of the caller's object escape as something else.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Final, TypeAlias, TypeVar

from bilat._errors import (
    DATE_EXAMPLE,
    InvalidDateError,
    InvalidOptionError,
    ValidationError,
    shown,
)

__all__ = [
    "MAX_ITEMS",
    "DateLike",
    "DateOrYear",
    "DateOrYearLike",
    "as_date",
    "as_date_or_year",
    "as_enum",
    "as_instances",
    "as_items",
    "as_option",
    "as_optional_date",
    "as_optional_date_or_year",
    "as_optional_text",
    "as_pairs",
    "as_text",
    "as_tuple",
    "invalid",
    "is_quantity",
    "plain_str",
]

E = TypeVar("E", bound=enum.Enum)
T = TypeVar("T")

#: The most items one sequence or mapping field takes: far more than any
#: dossier holds, and few enough that a generator without end is refused
#: instead of filling memory.
MAX_ITEMS: Final = 10_000_000

#: A day, or only its year (an ``int`` from 1 to 9999) when no day is known.
DateOrYear: TypeAlias = dt.date | int

#: What a date field accepts: a date, or its ISO text (``"2025-12-31"``).
DateLike: TypeAlias = dt.date | str

#: What a date-or-year field accepts: a date, its ISO text, or a year as an
#: ``int`` or its digits (``"2025"``); stored as a :data:`DateOrYear`.
DateOrYearLike: TypeAlias = dt.date | int | str

_ISO_DATE: Final = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_YEAR: Final = re.compile(r"\d{4}", re.ASCII)
_DATE: Final = f"a date or an ISO date such as {DATE_EXAMPLE}"
_DATE_OR_YEAR: Final = (
    f"a date, an ISO date such as {DATE_EXAMPLE} or a year (an int such as 2025, "
    "or its digits '2025')"
)


def invalid(path: str, message: str) -> ValidationError:
    """The error for one problem at a field path.

    Example:
        >>> from bilat._fields import invalid
        >>> raise invalid("count", "expected an int, got 'three'")
        Traceback (most recent call last):
        ...
        bilat.ValidationError: count: expected an int, got 'three'
    """
    return ValidationError([(path, message)])


def is_quantity(value: object) -> bool:
    """Whether ``value`` is a pint quantity (of any registry), without importing pint.

    Example:
        >>> from bilat._fields import is_quantity
        >>> is_quantity("152 km")
        False
    """
    return (
        type(value).__module__.startswith("pint")
        and hasattr(value, "magnitude")
        and hasattr(value, "units")
    )


def plain_str(value: object) -> str | None:
    """``value`` as an exact :class:`str` when it is a string, else None.

    A subclass of ``str`` may override ``__eq__``, ``__hash__`` or
    ``__str__``; the copy returned is a plain ``str`` with the same
    characters, safe to look up in tables.

    Example:
        >>> from bilat._fields import plain_str
        >>> class Code(str): ...
        >>> type(plain_str(Code("USD"))), plain_str(5)
        (<class 'str'>, None)
    """
    if type(value) is str:
        return value
    if isinstance(value, str):
        return str.__str__(value)  # a plain copy of a subclass's characters
    return None


def _unreadable(
    value: object, path: str, expected: str, error: Exception
) -> ValidationError:
    """The error for a sequence or mapping whose iteration raised ``error``."""
    message = f"expected {expected}, got {shown(value)}, which could not be read"
    return ValidationError([(path, f"{message} ({type(error).__name__})")])


def as_items(value: object, path: str, expected: str) -> tuple[object, ...]:
    """The items of a sequence given for the field at ``path``.

    Text, bytes and mappings are not sequences of items here (a string would
    be split into characters, a mapping into its keys).

    Raises:
        ValidationError: ``value`` is not a sequence, or iterating it failed;
            the message says it expected ``expected``.

    Example:
        >>> from bilat._fields import as_items
        >>> as_items(["KZ", "UZ"], "parties", "a sequence of countries")
        ('KZ', 'UZ')
        >>> as_items("KZ", "parties", "a sequence of countries")
        Traceback (most recent call last):
        ...
        bilat.ValidationError: parties: expected a sequence of countries, got 'KZ'
    """
    if isinstance(value, tuple) and type(value) is tuple:
        items: tuple[object, ...] = value
    elif isinstance(value, str | bytes | bytearray | memoryview | Mapping) or not (
        isinstance(value, Iterable)
    ):
        raise ValidationError([(path, f"expected {expected}, got {shown(value)}")])
    else:
        try:
            gathered: list[object] = []
            for item in value:
                gathered.append(item)
                if len(gathered) > MAX_ITEMS:
                    raise ValidationError(
                        [(path, f"expected {expected} of at most {MAX_ITEMS:,} items")]
                    )
        except ValidationError:
            raise
        except Exception as e:  # noqa: BLE001 - the caller's object failed
            raise _unreadable(value, path, expected, e) from None
        items = tuple(gathered)
    if len(items) > MAX_ITEMS:
        raise ValidationError(
            [(path, f"expected {expected} of at most {MAX_ITEMS:,} items")]
        )
    return items


def as_instances(value: object, cls: type[T], path: str) -> tuple[T, ...]:
    """A tuple of ``cls`` values: one value alone, or a sequence of them.

    Raises:
        ValidationError: ``value`` is not a sequence, or an item is not a
            ``cls``; the path names the item (``sources[1]``).

    Example:
        >>> from bilat import Source
        >>> from bilat._fields import as_instances
        >>> as_instances(Source("Akorda"), Source, "sources")
        (Source('Akorda'),)
        >>> as_instances([Source("Akorda"), "Kun.uz"], Source, "sources")
        Traceback (most recent call last):
        ...
        bilat.ValidationError: sources[1]: expected a Source, got 'Kun.uz'
    """
    if isinstance(value, cls):
        return (value,)
    name = cls.__name__
    items = as_items(value, path, f"a sequence of {name}")
    article = "an" if name[0] in "AEIOU" else "a"
    for i, item in enumerate(items):
        if not isinstance(item, cls):
            raise ValidationError(
                [(f"{path}[{i}]", f"expected {article} {name}, got {shown(item)}")]
            )
    return items  # type: ignore[return-value]  # every item was checked


def as_pairs(value: object, path: str, expected: str) -> list[tuple[object, object]]:
    """The ``(key, value)`` pairs of a mapping given for the field at ``path``.

    Raises:
        ValidationError: ``value`` is not a mapping, or reading it failed.

    Example:
        >>> from bilat._fields import as_pairs
        >>> as_pairs({2024: 1}, "values", "a mapping of year to Money")
        [(2024, 1)]
    """
    if not isinstance(value, Mapping):
        raise ValidationError([(path, f"expected {expected}, got {shown(value)}")])
    try:
        pairs = list(value.items())
    except Exception as e:  # noqa: BLE001 - the caller's mapping failed
        raise _unreadable(value, path, expected, e) from None
    if len(pairs) > MAX_ITEMS:
        raise ValidationError(
            [(path, f"expected {expected} of at most {MAX_ITEMS:,} entries")]
        )
    for pair in pairs:
        if len(pair) != 2:  # a broken items()
            raise ValidationError([(path, f"expected {expected}, got {shown(value)}")])
    return pairs


def as_enum(value: object, cls: type[E], path: str, what: str) -> E:
    """A member of the enum ``cls`` from a member or its value (``"planned"``).

    Only members and their exact string values are taken: a value of another
    type is refused without being compared or hashed, so an object whose
    ``__eq__`` or ``__hash__`` raises gets the same clear error as a typo.

    Raises:
        ValidationError: ``value`` names no member; the message names ``what``
            and lists the choices.

    Example:
        >>> from bilat import ProjectStatus
        >>> from bilat._fields import as_enum
        >>> as_enum("planned", ProjectStatus, "status", "project status")
        <ProjectStatus.PLANNED: 'planned'>
        >>> as_enum(["planned"], ProjectStatus, "status", "project status")
        Traceback (most recent call last):
        ...
        bilat.ValidationError: status: unknown project status ['planned']: expected one of 'planned', ...
    """
    if isinstance(value, cls):
        return value
    text = plain_str(value)
    if text is not None:
        for member in cls:
            if member.value == text:
                return member
    choices = ", ".join(repr(m.value) for m in cls)
    raise ValidationError(
        [(path, f"unknown {what} {shown(value)}: expected one of {choices}")]
    )


def as_option(value: object, choices: Collection[str], option: str) -> str:
    """``value`` if it is one of the strings in ``choices``.

    The value is compared only once it is known to be a string, so an object
    whose ``__eq__`` raises, a numpy array or ``pandas.NA`` gets the same
    clear error as a typo.

    Raises:
        InvalidOptionError: ``value`` is not one of ``choices``.

    Example:
        >>> from bilat._fields import as_option
        >>> as_option("json", ("json", "toml"), "format")
        'json'
        >>> as_option(None, ("json", "toml"), "format")
        Traceback (most recent call last):
        ...
        bilat.InvalidOptionError: unknown format None: expected one of 'json', 'toml'
    """
    text = plain_str(value)
    if text is None or text not in choices:
        raise InvalidOptionError(option, value, choices)
    return text


def as_tuple(
    value: object,
    path: str,
    expected: str,
    item: Callable[[object, str], T],
) -> tuple[T, ...]:
    """A tuple of ``item(x, path[i])`` for each item of a sequence.

    The one converter of every "sequence of X" field: ``item`` checks one
    item at its own path (``parties[1]``), so a bad item is named where it is.

    Raises:
        ValidationError: ``value`` is not a sequence, or ``item`` refused one.

    Example:
        >>> from bilat._fields import as_text, as_tuple
        >>> as_tuple([" a", "b "], "topics", "a sequence of text", as_text)
        ('a', 'b')
        >>> as_tuple(["a", 5], "topics", "a sequence of text", as_text)
        Traceback (most recent call last):
        ...
        bilat.ValidationError: topics[1]: expected a string, got 5
    """
    items = as_items(value, path, expected)
    return tuple(item(x, f"{path}[{i}]") for i, x in enumerate(items))


# -- dates and text -------------------------------------------------------------


def as_date(value: object, path: str) -> dt.date:
    """A :class:`datetime.date` from a date or an ISO ``YYYY-MM-DD`` string.

    A :class:`datetime.datetime` is refused rather than cut to its date, since
    a date and a datetime never compare equal.

    Raises:
        InvalidDateError: ``value`` is neither; the path is ``path``.

    Example:
        >>> from bilat._fields import as_date
        >>> as_date("2024-04-10", "published")
        datetime.date(2024, 4, 10)
        >>> as_date("10.04.2024", "published")
        Traceback (most recent call last):
        ...
        bilat.InvalidDateError: published: expected a date or an ISO date such as '2025-12-31', got '10.04.2024'
    """
    if isinstance(value, dt.datetime):
        raise InvalidDateError(value, path, "a date, not a datetime (pass its .date())")
    if isinstance(value, dt.date):
        return value
    text = plain_str(value)
    if text is not None and _ISO_DATE.fullmatch(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
    raise InvalidDateError(value, path, _DATE)


def as_optional_date(value: object, path: str) -> dt.date | None:
    """Like :func:`as_date`, but None stays None.

    Example:
        >>> from bilat._fields import as_optional_date
        >>> as_optional_date(None, "signed") is None
        True
    """
    return None if value is None else as_date(value, path)


def as_date_or_year(value: object, path: str) -> DateOrYear:
    """A date (or an ISO string), or a year as an ``int`` when no day is known.

    A year may be an ``int`` or its four ASCII digits as a string (``"2025"``,
    as files and forms give it); either way it is stored as an ``int``. This
    is the one rule for every field of bilat that takes a day or a year.

    Raises:
        InvalidDateError: ``value`` is none of these, or a year outside 1 to
            9999; the path is ``path``.

    Example:
        >>> from bilat._fields import as_date_or_year
        >>> as_date_or_year(2025, "date"), as_date_or_year("2025-02-05", "date")
        (2025, datetime.date(2025, 2, 5))
        >>> as_date_or_year("2025", "date")
        2025
    """
    if type(value) is int:
        if 1 <= value <= 9999:
            return value
        raise InvalidDateError(value, path, "a year from 1 to 9999")
    if isinstance(value, dt.date):
        return as_date(value, path)  # a datetime is refused, with advice
    text = plain_str(value)
    if text is not None and _YEAR.fullmatch(text) and text != "0000":
        return int(text)
    try:
        return as_date(value, path)
    except InvalidDateError:
        raise InvalidDateError(value, path, _DATE_OR_YEAR) from None


def as_optional_date_or_year(value: object, path: str) -> DateOrYear | None:
    """Like :func:`as_date_or_year`, but None (an unknown date) stays None.

    Example:
        >>> from bilat._fields import as_optional_date_or_year
        >>> as_optional_date_or_year(None, "signed") is None
        True
        >>> as_optional_date_or_year("2022", "signed")
        2022
    """
    return None if value is None else as_date_or_year(value, path)


def as_text(value: object, path: str) -> str:
    r"""A non-empty string with surrounding whitespace removed.

    Text must be writable as UTF-8: a lone surrogate (such as U+D800, which a
    JSON escape or a broken decoder can produce) is refused here rather than
    when the dossier is written.

    Raises:
        ValidationError: ``value`` is not a string, is blank, or holds a
            lone surrogate.

    Example:
        >>> from bilat._fields import as_text
        >>> as_text("  Akorda ", "publisher")
        'Akorda'
        >>> as_text("Akorda" + chr(0xD800), "publisher")
        Traceback (most recent call last):
        ...
        bilat.ValidationError: publisher: expected UTF-8 text, got 'Akorda\ud800' with the lone surrogate '\ud800' at position 6
    """
    if not isinstance(value, str):
        raise invalid(path, f"expected a string, got {shown(value)}")
    text = value.strip()
    if not text:
        raise ValidationError(
            [(path, f"expected a non-empty string, got {shown(value)}")]
        )
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as e:
            where = f"{shown(text[e.start])} at position {e.start}"
            raise ValidationError(
                [
                    (
                        path,
                        f"expected UTF-8 text, got {shown(value)} with the lone surrogate {where}",
                    )
                ]
            ) from None
    return text


def as_optional_text(value: object, path: str) -> str | None:
    """Like :func:`as_text`, but None (no text given) stays None.

    Example:
        >>> from bilat._fields import as_optional_text
        >>> as_optional_text(None, "note") is None, as_optional_text(" Akorda ", "note")
        (True, 'Akorda')
    """
    return None if value is None else as_text(value, path)
