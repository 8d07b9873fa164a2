"""Caches that build each value once, even when several threads ask at once.

bilat builds its heavy tables on first use: the pint registry, the CLDR
indexes of country names and currency words, the cattrs converter, the ECB
rate table, the bundled dossier. :func:`functools.cache` alone lets threads
that miss together all call the function, and each keeps its own result:
several pint registries whose quantities cannot be added to each other, or a
name index over every locale built eight times over.

The decorators here keep :func:`functools.lru_cache` in front, so a hit
costs what it costs there and takes no lock. Behind it, a miss takes a lock
of its own key: one thread builds the value while the others wait, then
find it built. Errors are not cached, as with :mod:`functools`.
"""

from __future__ import annotations

import functools
import threading
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable

__all__ = ["thread_safe_cache", "thread_safe_lru_cache"]

_R = TypeVar("_R")


def _build_once(function: Callable[..., _R], maxsize: int | None) -> Callable[..., _R]:
    """``function``, run at most once at a time per key, keeping its results.

    The last ``maxsize`` results (all when None) are kept, so that a thread
    that missed the front cache while another was building finds the value.
    """
    guard = threading.Lock()  # held only to read and write the two tables
    locks: dict[Hashable, threading.RLock] = {}
    built: dict[Hashable, _R] = {}

    @functools.wraps(function)
    def build(*args: Any, **kwargs: Any) -> _R:
        key: Hashable = (args, tuple(kwargs.items())) if kwargs else args
        with guard:
            if key in built:
                return built[key]
            lock = locks.setdefault(key, threading.RLock())
        try:
            with lock:
                with guard:
                    if key in built:
                        return built[key]
                value = function(*args, **kwargs)
                with guard:
                    built[key] = value
                    if maxsize is not None and len(built) > maxsize:
                        del built[next(iter(built))]
                return value
        finally:
            with guard:
                if locks.get(key) is lock:
                    del locks[key]

    return build


def thread_safe_cache(
    function: Callable[..., _R],
) -> functools._lru_cache_wrapper[_R]:
    """:func:`functools.cache` that builds each value once across threads.

    Example:
        >>> from bilat._cache import thread_safe_cache
        >>> @thread_safe_cache
        ... def table() -> list[int]:
        ...     return [1, 2, 3]
        >>> table() is table(), table.cache_info().hits
        (True, 1)
    """
    return functools.cache(_build_once(function, None))


def thread_safe_lru_cache(
    maxsize: int,
) -> Callable[[Callable[..., _R]], functools._lru_cache_wrapper[_R]]:
    """:func:`functools.lru_cache` that builds each value once across threads.

    Example:
        >>> from bilat._cache import thread_safe_lru_cache
        >>> @thread_safe_lru_cache(maxsize=2)
        ... def square(n: int) -> int:
        ...     return n * n
        >>> square(3), square(3), square.cache_info().hits
        (9, 9, 1)
    """

    def decorate(function: Callable[..., _R]) -> functools._lru_cache_wrapper[_R]:
        return functools.lru_cache(maxsize=maxsize)(_build_once(function, maxsize))

    return decorate
