"""Public names of a package imported from their modules on first use (PEP 562).

``bilat`` and ``bilat.io`` list each public name with the module that
defines it; :func:`lazy_names` gives them the module ``__getattr__`` and
``__dir__`` that import that module when the name is first read, so that
importing the package imports nothing else. Type checkers and IDEs see the
same names through imports under ``if TYPE_CHECKING:``.
"""

from __future__ import annotations

import importlib
import sys

TYPE_CHECKING = False  # not typing's: importing typing takes longer than the rest
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence
    from typing import Any

__all__ = ["lazy_names"]


def lazy_names(
    package: str, homes: Mapping[str, str], public: Sequence[str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of ``package``, from a name → module table.

    ``homes`` maps each lazily loaded name to its module; a name that maps to
    ``f"{package}.{name}"`` is that sub-module itself. A name, once read, is
    stored in the package's namespace, so later reads are plain attribute
    reads. ``dir()`` lists ``public`` and the package's dunder names.

    Example:
        >>> import sys, types
        >>> from bilat._lazy import lazy_names
        >>> package = types.ModuleType("demo")
        >>> sys.modules["demo"] = package
        >>> package.__getattr__, package.__dir__ = lazy_names(
        ...     "demo", {"Fraction": "fractions"}, ["Fraction"]
        ... )
        >>> package.Fraction(1, 3)
        Fraction(1, 3)
        >>> "Fraction" in vars(package), [n for n in dir(package) if n[0] != "_"]
        (True, ['Fraction'])
        >>> package.Decimal
        Traceback (most recent call last):
        ...
        AttributeError: module 'demo' has no attribute 'Decimal'
        >>> del sys.modules["demo"]
    """
    namespace = vars(sys.modules[package])

    def __getattr__(name: str) -> Any:  # noqa: N807 - the module hook's own name
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        module = importlib.import_module(home)
        value = module if home == f"{package}.{name}" else getattr(module, name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:  # noqa: N807 - the module hook's own name
        return sorted({*public, *(n for n in namespace if n.startswith("__"))})

    return __getattr__, __dir__
