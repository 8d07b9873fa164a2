"""Tests for bilat._cache: caches that build each value once across threads."""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Callable
from typing import Any

import pytest

from bilat._cache import thread_safe_cache, thread_safe_lru_cache

THREADS = 8


def race(function: Callable[[], object]) -> list[object]:
    """Call ``function`` from eight threads released together; return the results."""
    barrier = threading.Barrier(THREADS)
    results: list[object] = [None] * THREADS

    def run(i: int) -> None:
        barrier.wait()
        results[i] = function()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    return results


def slow_builder(calls: list[int]) -> Callable[[], object]:
    """A builder that takes 0.2 s, long enough for every thread to miss the cache."""

    def build() -> object:
        calls.append(1)
        time.sleep(0.2)
        return object()

    return build


class TestOneBuild:
    """Threads that miss together share one value, built once."""

    @pytest.mark.parametrize(
        "decorate", [thread_safe_cache, thread_safe_lru_cache(maxsize=4)]
    )
    def test_built_once(self, decorate: Callable[[Any], Any]) -> None:
        """Eight threads get the same object; the builder ran once."""
        calls: list[int] = []
        cached = decorate(slow_builder(calls))
        results = race(cached)
        assert len(calls) == 1
        assert len({id(r) for r in results}) == 1
        assert cached() is results[0]

    def test_functools_cache_builds_several(self) -> None:
        """The check above can fail: functools.cache alone builds once per thread."""
        calls: list[int] = []
        results = race(functools.cache(slow_builder(calls)))
        assert len(calls) > 1
        assert len({id(r) for r in results}) > 1

    def test_other_keys_do_not_wait(self) -> None:
        """A slow build of one key does not hold up another key."""
        second_done = threading.Event()
        waited: list[bool] = []

        @thread_safe_cache
        def value(key: int) -> int:
            if key == 1:
                waited.append(second_done.wait(timeout=5))
            return key * 10

        first = threading.Thread(target=value, args=(1,))
        first.start()
        time.sleep(0.05)  # key 1 is being built now
        assert value(2) == 20
        second_done.set()
        first.join(timeout=10)
        assert waited == [True]  # key 2 was built while key 1 was being built
        assert value(1) == 10


class TestLikeFunctools:
    """Apart from threads, the caches behave as functools' own."""

    def test_errors_are_not_cached(self) -> None:
        """A call that raised is tried again."""
        attempts: list[int] = []

        @thread_safe_cache
        def flaky(key: str) -> str:
            attempts.append(1)
            if len(attempts) == 1:
                raise LookupError(key)
            return key.upper()

        with pytest.raises(LookupError, match="usd"):
            flaky("usd")
        assert flaky("usd") == "USD"
        assert flaky("usd") == "USD"
        assert len(attempts) == 2

    def test_bounded(self) -> None:
        """An LRU cache keeps at most ``maxsize`` values and counts hits."""

        @thread_safe_lru_cache(maxsize=2)
        def square(n: int) -> int:
            return n * n

        assert [square(n) for n in (1, 2, 3, 3)] == [1, 4, 9, 9]
        info = square.cache_info()
        assert (info.hits, info.misses, info.currsize, info.maxsize) == (1, 3, 2, 2)

    def test_keywords(self) -> None:
        """Keyword arguments are part of the key."""

        @thread_safe_cache
        def pair(a: int, b: int = 0) -> tuple[int, int]:
            return (a, b)

        assert pair(1, b=2) == (1, 2)
        assert pair(1) == (1, 0)
        assert pair(1, b=2) is pair(1, b=2)

    def test_wraps(self) -> None:
        """The cached function keeps its name and docstring, for doctests."""

        @thread_safe_cache
        def named() -> int:
            """Docstring."""
            return 1

        assert named.__name__ == "named"
        assert named.__doc__ == "Docstring."
