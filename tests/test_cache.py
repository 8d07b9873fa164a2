"""Tests for bilat._cache: thread-safe caches, and the disk cache of pint's definitions."""

from __future__ import annotations

import functools
import json
import os
import pickle
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from tests.subprocess_helper import TIMEOUT, run_python

from bilat import _unit_cache
from bilat._cache import (
    disk_cache_folder,
    save_atomically,
    thread_safe_cache,
    thread_safe_lru_cache,
)

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


class TestDiskCacheFolder:
    """The disk cache lives in a private folder, or nowhere."""

    def test_named_folder(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """$BILAT_CACHE_DIR names the folder, created for the user alone."""
        monkeypatch.setenv("BILAT_CACHE_DIR", str(tmp_path / "cache"))
        monkeypatch.delenv("BILAT_NO_CACHE", raising=False)
        folder = disk_cache_folder("units")
        assert folder == tmp_path / "cache" / "units"
        assert folder.is_dir()
        assert folder.stat().st_mode & 0o077 == 0

    def test_user_cache_directory(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Without $BILAT_CACHE_DIR, the folder is in the user's cache directory."""
        monkeypatch.delenv("BILAT_CACHE_DIR", raising=False)
        monkeypatch.delenv("BILAT_NO_CACHE", raising=False)
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
        monkeypatch.setattr(sys, "platform", "linux")
        assert disk_cache_folder("units") == tmp_path / "bilat" / "units"

    @pytest.mark.parametrize(
        ("value", "off"), [("1", True), ("yes", True), ("0", False)]
    )
    def test_opt_out(
        self, value: str, off: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """$BILAT_NO_CACHE turns the cache off, unless it is 0."""
        monkeypatch.setenv("BILAT_CACHE_DIR", str(tmp_path))
        monkeypatch.setenv("BILAT_NO_CACHE", value)
        assert (disk_cache_folder("units") is None) is off

    def test_cannot_be_created(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A folder that cannot be created (a file is in the way) means no cache."""
        blocker = tmp_path / "file"
        blocker.write_text("not a folder", encoding="utf-8")
        monkeypatch.setenv("BILAT_CACHE_DIR", str(blocker))
        monkeypatch.delenv("BILAT_NO_CACHE", raising=False)
        assert disk_cache_folder("units") is None

    def test_shared_folder_refused(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A folder that other users may write to is not used: its files run as code."""
        shared = tmp_path / "units"
        shared.mkdir()
        shared.chmod(0o777)
        monkeypatch.setenv("BILAT_CACHE_DIR", str(tmp_path))
        monkeypatch.delenv("BILAT_NO_CACHE", raising=False)
        assert disk_cache_folder("units") is None

    def test_symlink_refused(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A folder that is a symbolic link is not used."""
        target = tmp_path / "elsewhere"
        target.mkdir(mode=0o700)
        (tmp_path / "units").symlink_to(target)
        monkeypatch.setenv("BILAT_CACHE_DIR", str(tmp_path))
        monkeypatch.delenv("BILAT_NO_CACHE", raising=False)
        assert disk_cache_folder("units") is None


class TestSuiteCacheFolder:
    """The tests keep bilat's disk cache in a folder of their own run."""

    def test_not_the_users_cache(self) -> None:
        """$BILAT_CACHE_DIR names a private folder made for this test run."""
        folder = Path(os.environ["BILAT_CACHE_DIR"])
        assert folder.name.startswith("bilat-test-cache-")
        assert folder.stat().st_mode & 0o077 == 0
        named = disk_cache_folder("units")
        assert named is None or named.parent == folder  # None: $BILAT_NO_CACHE


class TestSaveAtomically:
    """A cached file is written whole or not at all."""

    def test_writes_and_replaces(self, tmp_path: Path) -> None:
        """The bytes land at the path, replacing what was there; no temporary is left."""
        path = tmp_path / "table.pickle"
        path.write_bytes(b"old")
        assert save_atomically(path, b"new")
        assert path.read_bytes() == b"new"
        assert [p.name for p in tmp_path.iterdir()] == ["table.pickle"]

    def test_failure_leaves_nothing(self, tmp_path: Path) -> None:
        """A write that cannot happen returns False and leaves no file behind."""
        assert not save_atomically(tmp_path / "missing" / "table.pickle", b"data")
        assert list(tmp_path.iterdir()) == []

    def test_replacing_a_folder_fails_cleanly(self, tmp_path: Path) -> None:
        """A folder in the way is not replaced, and the temporary file is removed."""
        (tmp_path / "table.pickle").mkdir()
        assert not save_atomically(tmp_path / "table.pickle", b"data")
        assert [p.name for p in tmp_path.iterdir()] == ["table.pickle"]


#: What a child process reports of bilat's registries: figures checked by hand
#: below, and whether the registry read through the disk cache.
_REGISTRY_PROBE = """
import json
import bilat
from bilat._unit_cache import exact_registry, root_factor
from bilat._units import convert, get_registry

ureg = get_registry()
factors = {
    "inch": str(root_factor("inch")),
    "knot": str(root_factor("knot")),
    "mile": str(convert(bilat.Q_(1, "mile"), "km")),
}
print(json.dumps({
    **factors,
    "exact_built": exact_registry.cache_info().currsize,
    "cached": ureg._diskcache is not None,
    "compatible": sorted(str(u) for u in ureg.get_compatible_units("km")),
    "exact_compatible": len(exact_registry().get_compatible_units("km")),
    "energy": str(bilat.Q_(1, "kWh").to("MJ").magnitude),
}))
"""


#: What a child process reports of bilat's registry read without any disk cache.
_UNCACHED_PROBE = """
import json
from bilat._units import get_registry

ureg = get_registry()
print(json.dumps({
    "cached": ureg._diskcache is not None,
    "compatible": sorted(str(u) for u in ureg.get_compatible_units("km")),
}))
"""


def _probe_env(folder: Path) -> dict[str, str | None]:
    return {"BILAT_CACHE_DIR": str(folder), "BILAT_NO_CACHE": None}


def _cache_files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


class TestRegistryDiskCache:
    """pint's definitions, cached on disk, give the same registry, safely."""

    def test_same_registry_cold_warm_and_torn(self, tmp_path: Path) -> None:
        """Cold (two processes at once), warm and after torn files: the same registry."""
        cold = _together(_REGISTRY_PROBE, tmp_path, 2)
        expected = cold[0]
        assert expected["cached"] is True
        assert expected["exact_built"] == 1  # to work out the factors
        # Exact sizes by hand: 1 in = 2.54 cm, 1 kn = 1852 m/h, 1 mi = 1.609344 km.
        assert (expected["inch"], expected["knot"]) == ("127/5000", "463/900")
        assert expected["mile"] == "1.609344"
        assert Decimal(expected["energy"]) == Decimal("3.6")
        uncached = run_python(_UNCACHED_PROBE, {"BILAT_NO_CACHE": "1"})
        assert uncached["cached"] is False  # pint alone read the definitions
        assert expected["compatible"] == uncached["compatible"]
        assert "meter" in expected["compatible"]
        assert cold[1] == expected
        written = _cache_files(tmp_path)
        assert "factors.json" in written
        assert all(name.endswith((".pickle", ".json")) for name in written)  # whole

        warm = run_python(_REGISTRY_PROBE, _probe_env(tmp_path))
        # Read back: the exact registry is built only when asked for, and pint
        # alone would find no compatible units here.
        assert warm == {**expected, "exact_built": 0}
        assert _cache_files(tmp_path) == written  # not written again

        for path in filter(Path.is_file, tmp_path.rglob("*")):  # writers cut off
            path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
        torn = run_python(_REGISTRY_PROBE, _probe_env(tmp_path))
        assert torn == expected
        assert _cache_files(tmp_path).keys() == written.keys()
        for path in tmp_path.rglob("*.pickle"):  # written whole again
            with path.open("rb") as file:
                pickle.load(file)
        stored = json.loads(next(tmp_path.rglob("factors.json")).read_text("ascii"))
        assert stored["inch"] == "127/5000"


def _together(code: str, folder: Path, n: int) -> list[dict[str, Any]]:
    """Run ``code`` in ``n`` interpreters started at once, sharing ``folder``."""
    env = {**os.environ, "BILAT_CACHE_DIR": str(folder)}
    env.pop("BILAT_NO_CACHE", None)
    children = [
        subprocess.Popen(
            [sys.executable, "-c", textwrap.dedent(code)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for _ in range(n)
    ]
    outputs = [child.communicate(timeout=TIMEOUT) for child in children]
    assert [child.returncode for child in children] == [0] * n, outputs
    return [json.loads(out) for out, _ in outputs]


class TestStoredFactors:
    """The table of exact factors stays within its limit, in memory and on disk."""

    @pytest.fixture
    def stored(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> dict[str, Fraction]:
        """Two factors stored, room for three, the cache folder in tmp_path."""
        table = {"inch": Fraction(127, 5000), "foot": Fraction(381, 1250)}
        monkeypatch.setattr(_unit_cache, "_FACTORS_KEPT", 3)
        monkeypatch.setattr(_unit_cache, "_stored_factors", lambda: table)
        monkeypatch.setattr(_unit_cache, "_cache_folder", lambda: tmp_path)
        return table

    def test_stored_while_there_is_room(
        self, stored: dict[str, Fraction], tmp_path: Path
    ) -> None:
        """A factor within the limit is kept and written with the others."""
        _unit_cache._store_factor("yard", Fraction(1143, 1250))
        assert stored["yard"] == Fraction(1143, 1250)
        written = json.loads((tmp_path / "factors.json").read_text("ascii"))
        assert written == {"foot": "381/1250", "inch": "127/5000", "yard": "1143/1250"}

    def test_not_stored_past_the_limit(
        self, stored: dict[str, Fraction], tmp_path: Path
    ) -> None:
        """Once full, the table takes no new factor and nothing more is written."""
        _unit_cache._store_factor("yard", Fraction(1143, 1250))
        (tmp_path / "factors.json").unlink()
        _unit_cache._store_factor("mile", Fraction(201168, 125))
        assert sorted(stored) == ["foot", "inch", "yard"]
        assert not (tmp_path / "factors.json").exists()
