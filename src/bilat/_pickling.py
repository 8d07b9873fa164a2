"""Public names and pickling for bilat's classes, in one place.

:func:`public` marks a class that ``bilat`` exports. It names the class
``bilat.<Name>``, so reprs, documentation and pickles refer to the public path
rather than to a private module that may move, and it makes an attrs value
pickle (and copy) as a call of its public constructor with the arguments that
rebuild it:

* read-only mappings are passed as plain dicts, since ``mappingproxy`` cannot
  be pickled;
* pint quantities are passed as text (``"152 kilometer"``), so that they come
  back in bilat's own registry (:data:`bilat.ureg`) rather than in pint's
  application registry, which pint's own pickling would use;
* keyword-only arguments that hold their default are left out.

A value that holds a quantity where its constructor takes no text (a
:class:`~bilat.Series` of kilometres, a :class:`~bilat.Target` of ``Q_("152
km")``) pickles the same arguments as state, with the places of its
quantities: loading reads each back with :func:`bilat._units.parse_quantity`
and then calls the constructor.

A pickle therefore names only public classes of ``bilat`` and standard-library
callables (``functools.partial`` for keyword arguments, ``decimal.Decimal``,
``datetime.date``), and loading it runs the same validation as building the
value by hand. A class that needs another recipe defines ``__reduce__``
itself (:class:`~bilat.MoneyBag`, :class:`~bilat.ExchangeRates`,
:class:`~bilat.Report`); :func:`public` leaves it alone.

Because ``typing.get_type_hints`` reads annotations in the namespace that
``__module__`` names, :func:`public` first resolves the class's annotations in
the module that defines it.
"""

from __future__ import annotations

import contextlib
import copyreg
import datetime as dt
import enum
import functools
import inspect
import sys
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, TypeVar

import attrs

from bilat._fields import is_quantity

__all__ = ["public", "reduce_to_constructor"]

_C = TypeVar("_C", bound=type)


def public(cls: _C) -> _C:
    """Mark ``cls`` as exported by ``bilat``: its public path and its pickling.

    Sets ``__module__`` to ``"bilat"`` (the class keeps its doctests: they are
    listed in its module's ``__test__``, where doctest looks for classes that
    name another module), and gives an attrs class without a ``__reduce__``
    of its own :func:`reduce_to_constructor` as ``__reduce__``. Enums keep
    their standard pickling (by value, the same value files use).
    Apply it above ``@attrs.frozen``, which creates a new class.

    Example:
        >>> import pickle
        >>> from bilat import Money
        >>> Money.__module__
        'bilat'
        >>> b"bilat._money" in pickle.dumps(Money(1, "USD"))
        False
    """
    home = sys.modules[cls.__module__]
    tests = home.__dict__.setdefault("__test__", {})
    tests[cls.__name__] = cls
    _resolve_annotations(cls, vars(home))
    cls.__module__ = "bilat"
    if attrs.has(cls) and "__reduce__" not in cls.__dict__:
        if hasattr(cls, "__attrs_init__"):  # its own __init__: no generic recipe
            raise TypeError(f"{cls.__name__} must define __reduce__")
        cls.__reduce__ = reduce_to_constructor  # type: ignore[method-assign]
        cls.__setstate__ = _setstate_through_constructor  # type: ignore[attr-defined]
    return cls


def _resolve_annotations(cls: type, namespace: dict[str, Any]) -> None:
    """Turn ``cls``'s annotation texts into objects, read in its own module.

    ``typing.get_type_hints`` (and cattrs, through it) reads annotation texts
    in the namespace of ``cls.__module__``; once that is ``bilat``, names the
    defining module imported (``Decimal``, ``Mapping``) would no longer be
    found. A name imported for type checking only stays text.
    """
    scope = {**namespace, cls.__name__: cls}
    resolved: dict[str, Any] = {}
    for name, text in inspect.get_annotations(cls).items():
        resolved[name] = text
        if isinstance(text, str):
            with contextlib.suppress(NameError):
                resolved[name] = eval(text, scope)  # noqa: S307 - bilat's own annotations
    cls.__annotations__ = resolved
    if attrs.has(cls) and not any(isinstance(v, str) for v in resolved.values()):
        attrs.resolve_types(cls)


def reduce_to_constructor(self: Any) -> tuple[Any, ...]:
    """A ``__reduce__`` that rebuilds an attrs value through its constructor.

    Positional fields are passed positionally, keyword-only fields by name
    (left out when they hold their default), each made picklable by
    :func:`plain`. When the fields hold quantities, the arguments travel as
    state with the places of the quantities, which loading reads back before
    it calls the constructor (a field that takes measures takes no text).

    Example:
        >>> from bilat import Money, Source
        >>> reduce_to_constructor(Money("1.50", "USD"))
        (<class 'bilat.Money'>, (Decimal('1.50'), Currency('USD')))
        >>> call, args = reduce_to_constructor(Source("Akorda", note="press"))
        >>> call.func, call.args, call.keywords, args
        (<class 'bilat.Source'>, ('Akorda',), {'note': 'press'}, ())
    """
    cls: type = type(self)
    args: list[Any] = []
    keywords: dict[str, Any] = {}
    quantities: list[tuple[Any, ...]] = []
    for name, keyword, default in _arguments(cls):
        field = getattr(self, name)
        value = plain(field)
        where: int | str
        if keyword is None:
            where = len(args)
            args.append(value)
        elif default is _NO_DEFAULT or not _same(value, default):
            where = keyword
            keywords[keyword] = value
        else:
            continue
        quantities.extend((where, *path) for path in _quantity_paths(field))
    if quantities:
        state = (tuple(args), keywords, tuple(quantities))
        return copyreg.__newobj__, (cls,), state  # type: ignore[attr-defined]
    if keywords:
        build: Callable[..., Any] = cls
        return functools.partial(build, *args, **keywords), ()
    return cls, tuple(args)


def _quantity_paths(value: object) -> list[tuple[Any, ...]]:
    """Where :func:`plain` turns a quantity into text: keys and indexes, outermost first."""
    kind = type(value)
    if kind in _AS_IS or attrs.has(kind) or isinstance(value, enum.Enum):
        return []
    if is_quantity(value):
        return [()]
    if kind is tuple:
        items: Any = enumerate(value)  # type: ignore[arg-type]
    elif isinstance(value, Mapping):
        items = value.items()
    else:
        return []
    return [(key, *path) for key, item in items for path in _quantity_paths(item)]


def _read_back(value: Any, path: tuple[Any, ...]) -> Any:
    """``value`` with the quantity text at ``path`` read back as a quantity."""
    if not path:
        from bilat._units import parse_quantity

        return parse_quantity(value)
    key, rest = path[0], path[1:]
    if type(value) is tuple:
        items = list(value)
        items[key] = _read_back(items[key], rest)
        return tuple(items)
    changed = dict(value)
    changed[key] = _read_back(changed[key], rest)
    return changed


def _setstate_through_constructor(self: Any, state: Any) -> None:
    """Rebuild a value from the state :func:`reduce_to_constructor` gives."""
    given, named, quantities = state
    args, keywords = list(given), dict(named)
    for where, *path in quantities:
        if isinstance(where, int):
            args[where] = _read_back(args[where], tuple(path))
        else:
            keywords[where] = _read_back(keywords[where], tuple(path))
    type(self).__init__(self, *args, **keywords)


def _same(value: object, default: object) -> bool:
    """Whether ``value`` is its default, digits included (``0.10`` is not ``0.1``)."""
    if type(value) is not type(default) or value != default:
        return False
    if isinstance(value, Decimal) and isinstance(default, Decimal):
        return value.as_tuple() == default.as_tuple()
    return True


#: Marks an argument that is always passed.
_NO_DEFAULT: Any = object()


@functools.cache
def _arguments(cls: type) -> tuple[tuple[str, str | None, Any], ...]:
    """The constructor arguments of an attrs class, as pickling needs them.

    For each: the field's name, the keyword (None for a positional argument)
    and the default as :func:`plain` gives it (``_NO_DEFAULT`` when there is
    none, or when it depends on the instance).
    """
    found = []
    for field in attrs.fields(cls):
        if not field.init:
            continue
        default: Any = field.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            default = _NO_DEFAULT if default.takes_self else plain(default.factory())
        elif default is attrs.NOTHING:
            default = _NO_DEFAULT
        else:
            default = plain(default)
        found.append((field.name, field.alias if field.kw_only else None, default))
    return tuple(found)


#: Types that :func:`plain` returns as they are, without a closer look.
_AS_IS: frozenset[type] = frozenset(
    {str, int, bool, Decimal, dt.date, type(None), frozenset}
)


def plain(value: object) -> object:
    """``value`` as a constructor accepts it and pickle can write it.

    Read-only mappings become dicts and tuples stay tuples (their items
    converted too), and pint quantities become text that reads back exactly;
    anything else, bilat's values included, is itself.

    Example:
        >>> import bilat
        >>> from types import MappingProxyType
        >>> plain(MappingProxyType({"length": bilat.Q_("152.5 km")}))
        {'length': '152.5 kilometer'}
    """
    kind = type(value)
    if kind in _AS_IS or attrs.has(kind) or isinstance(value, enum.Enum):
        return value
    if kind is tuple:
        return tuple(map(plain, value))  # type: ignore[call-overload]
    if isinstance(value, Mapping):
        return {key: plain(item) for key, item in value.items()}
    if is_quantity(value):
        from bilat._decimal import decimal_text
        from bilat._units import magnitude

        number = decimal_text(magnitude(value))  # not the caller's `capitals`
        return f"{number} {value.units:D}"  # type: ignore[attr-defined]
    return value
