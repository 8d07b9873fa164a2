"""bilat's values and errors cross process boundaries.

The workers are started with ``spawn`` (the default on Windows and macOS), so
everything reaches them by pickling. The tasks are bilat's own callables and
standard-library ones, which a fresh interpreter can import without the test
directory on its path.
"""

from __future__ import annotations

import multiprocessing
import operator
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

import pytest

import bilat
from bilat import Money, ParseError

#: Seconds to wait for a worker; spawning one takes about a second.
TIMEOUT = 120


@pytest.fixture(scope="class")
def executor() -> Iterator[ProcessPoolExecutor]:
    """One spawned worker, shared by the tests of a class."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        yield pool


class TestProcessPoolExecutor:
    """Values go to a spawned worker and come back equal; errors arrive intact."""

    def test_dossier_round_trip(self, executor: ProcessPoolExecutor) -> None:
        """The bundled dossier, sent to a worker and returned, is equal."""
        dossier = bilat.examples.kazakhstan_uzbekistan()
        again = executor.submit(operator.itemgetter(0), [dossier]).result(TIMEOUT)
        assert again is not dossier
        assert again == dossier
        assert repr(again) == repr(dossier)

    def test_progress_in_worker(self, executor: ProcessPoolExecutor) -> None:
        """target.progress(series) computed in a worker equals the parent's."""
        dossier = bilat.examples.kazakhstan_uzbekistan()
        target, series = dossier.targets[0], dossier.all_series()[0]
        task = operator.methodcaller("progress", series, as_of=2024)
        there = executor.submit(task, target).result(TIMEOUT)
        here = target.progress(series, as_of=2024)
        assert there == here
        assert str(there) == str(here)

    def test_parse_error_arrives(self, executor: ProcessPoolExecutor) -> None:
        """A ParseError raised in a worker is raised in the parent, same message,
        and the pool keeps working."""
        with pytest.raises(ParseError) as caught:
            Money.parse("nearly $1 billion")
        failed = executor.submit(Money.parse, "nearly $1 billion")
        with pytest.raises(ParseError) as info:
            failed.result(TIMEOUT)
        assert str(info.value) == str(caught.value)
        assert info.value.text == "nearly $1 billion"
        after = executor.submit(Money.parse, "$156 million").result(TIMEOUT)
        assert after == Money(156_000_000, "USD")

    def test_error_in_map(self, executor: ProcessPoolExecutor) -> None:
        """executor.map gives the results before the error, then the error."""
        results = executor.map(Money.parse, ["$1", "USD 10bn", "about $5"])
        assert next(results) == Money(1, "USD")
        assert next(results) == Money(10_000_000_000, "USD")
        with pytest.raises(ParseError, match="'about \\$5'"):
            next(results)


class TestPool:
    """multiprocessing.Pool returns a worker's error instead of hanging."""

    def test_map_async_returns_the_error(self) -> None:
        """map_async(...).get() raises the worker's ParseError, then works again."""
        context = multiprocessing.get_context("spawn")
        with context.Pool(1) as pool:
            pending = pool.map_async(Money.parse, ["$1", "nearly $1 billion"])
            with pytest.raises(ParseError, match="'nearly \\$1 billion'"):
                pending.get(timeout=TIMEOUT)
            parsed = pool.map_async(Money.parse, ["$2", "₸ 3"]).get(timeout=TIMEOUT)
            assert parsed == [Money(2, "USD"), Money(3, "KZT")]
