"""Field conversion shared by the value classes: sequences, mappings and text.

Constructors take what callers give them, which may be anything: a string
where a list was meant, a pint quantity (iterable on paper, not in fact), an
object whose ``__iter__``, ``__len__`` or ``__hash__`` raises, a mapping whose
``items()`` fails half-way. The helpers here turn such input into plain
tuples and lists, or into a :class:`~bilat.ValidationError` at a field path,
and never let an error of the caller's object escape as something else.
"""

from __future__ import annotations

import enum
from collections.abc import Collection, Iterable, Mapping
from typing import Final, TypeVar

from bilat._errors import InvalidOptionError, ValidationError, shown

__all__ = [
    "MAX_ITEMS",
    "as_enum",
    "as_instances",
    "as_items",
    "as_option",
    "as_pairs",
    "plain_str",
]

E = TypeVar("E", bound=enum.Enum)
T = TypeVar("T")

#: The most items one sequence or mapping field takes: far more than any
#: dossier holds, and few enough that a generator without end is refused
#: instead of filling memory.
MAX_ITEMS: Final = 10_000_000


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
