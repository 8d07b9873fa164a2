"""Loading UN Comtrade files: time and peak memory, against csv, json and pandas.

Run ``python benchmarks/bench_comtrade.py`` (``--rows N`` for another size,
1,000,000 by default; ``--quick`` for 10,000 rows; ``--check`` to exit with
status 1 when a target is missed). The script writes a CSV export and an API
JSON response with Comtrade's 47 columns, as a large download holds them: for
each year, 40 reporters × 39 partners × four flows (X, M, RX, RM), each a
national total and three breakdowns (by commodity, mode of transport and
customs procedure); 100,000 rows cover four years. The JSON file holds the
first 100,000 rows (``--json-rows``), the most the API returns per call. Each
case then runs in a fresh Python process, which reports its best time of
several runs and the peak of the Python heap during one more run (traced with
:mod:`tracemalloc`, which also sees pandas' and NumPy's buffers):

* plain ``csv.reader`` over the file, the floor for any CSV reader;
* ``TradeSeries.from_comtrade`` on the CSV file, for one pair;
* ``pandas.read_csv`` of the seven columns needed, then filtering and
  ``groupby("refYear").sum()`` (floats), and the same reading every column,
  as a notebook would do it;
* ``json.load`` of the whole JSON file, the floor for a reader that parses
  the file at once;
* ``TradeSeries.from_comtrade`` on the JSON file, for the same pair.

The series read are checked against the totals computed while writing the
files (pandas' float sums to a relative 1e-12).
"""

from __future__ import annotations

import argparse
import csv
import gc
import json
import platform
import random
import subprocess
import sys
import tempfile
import time
import tracemalloc
import warnings
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import bilat
from bilat import TradeSeries

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

HEADER = [
    "typeCode", "freqCode", "refPeriodId", "refYear", "refMonth", "period",
    "reporterCode", "reporterISO", "reporterDesc", "flowCode", "flowDesc",
    "partnerCode", "partnerISO", "partnerDesc", "partner2Code", "partner2ISO",
    "partner2Desc", "classificationCode", "classificationSearchCode",
    "isOriginalClassification", "cmdCode", "cmdDesc", "aggrLevel", "isLeaf",
    "customsCode", "customsDesc", "mosCode", "motCode", "motDesc", "qtyUnitCode",
    "qtyUnitAbbr", "qty", "isQtyEstimated", "altQtyUnitCode", "altQtyUnitAbbr",
    "altQty", "isAltQtyEstimated", "netWgt", "isNetWgtEstimated", "grossWgt",
    "isGrossWgtEstimated", "cifvalue", "fobvalue", "primaryValue",
    "legacyEstimationFlag", "isReported", "isAggregate",
]  # fmt: skip

#: Comtrade codes of the reporters and partners drawn (Kazakhstan and
#: Uzbekistan first: the pair that is read).
AREAS = [398, 860, 4, 31, 51, 112, 156, 268, 276, 356, 364, 392, 410, 417, 496,
         528, 586, 616, 643, 699, 703, 724, 752, 757, 762, 764, 784, 792, 795,
         804, 826, 842, 36, 40, 56, 76, 124, 152, 208, 251]  # fmt: skip
FLOWS = {"X": "Export", "M": "Import", "RX": "Re-export", "RM": "Re-import"}
BREAKDOWNS = [
    # (cmdCode, motCode, customsCode): the national total first
    ("TOTAL", 0, "C00"),
    ("27", 0, "C00"),
    ("TOTAL", 3200, "C00"),
    ("TOTAL", 0, "C01"),
]
FIRST_YEAR = 2019


def rows(count: int, seed: int = 2024) -> Iterator[tuple[list[str], bool, Decimal]]:
    """``count`` records; each with whether it is a KZ–UZ national total X/M."""
    rng = random.Random(seed)
    made = 0
    year = FIRST_YEAR
    while True:
        for reporter in AREAS:
            for partner in AREAS:
                if partner == reporter:
                    continue
                for flow in FLOWS:
                    for cmd, mot, customs in BREAKDOWNS:
                        value = Decimal(rng.randrange(1, 10**14)).scaleb(-2)
                        wanted = (
                            (reporter, partner) == (398, 860)
                            and flow in {"X", "M"}
                            and (cmd, mot, customs) == BREAKDOWNS[0]
                        )
                        row = _row(
                            year, reporter, partner, flow, cmd, mot, customs, value
                        )
                        yield row, wanted, value
                        made += 1
                        if made == count:
                            return
        year += 1


def _row(
    year: int,
    reporter: int,
    partner: int,
    flow: str,
    cmd: str,
    mot: int,
    customs: str,
    value: Decimal,
) -> list[str]:
    exports = flow in {"X", "RX"}
    cells = {
        "typeCode": "C",
        "freqCode": "A",
        "refPeriodId": f"{year}0101",
        "refYear": str(year),
        "refMonth": "52",
        "period": str(year),
        "reporterCode": str(reporter),
        "reporterISO": "",
        "reporterDesc": f"Reporter {reporter}",
        "flowCode": flow,
        "flowDesc": FLOWS[flow],
        "partnerCode": str(partner),
        "partnerISO": "",
        "partnerDesc": f"Partner {partner}",
        "partner2Code": "0",
        "partner2ISO": "W00",
        "partner2Desc": "World",
        "classificationCode": "H6",
        "classificationSearchCode": "HS",
        "isOriginalClassification": "True",
        "cmdCode": cmd,
        "cmdDesc": "All Commodities"
        if cmd == "TOTAL"
        else "Mineral fuels, mineral oils and products of their distillation",
        "aggrLevel": "0" if cmd == "TOTAL" else "2",
        "isLeaf": "False",
        "customsCode": customs,
        "customsDesc": "TOTAL CPC" if customs == "C00" else "Clearance for home use",
        "mosCode": "0",
        "motCode": str(mot),
        "motDesc": "TOTAL MOT" if mot == 0 else "Road",
        "qtyUnitCode": "-1",
        "qtyUnitAbbr": "N/A",
        "qty": "0",
        "isQtyEstimated": "False",
        "altQtyUnitCode": "-1",
        "altQtyUnitAbbr": "N/A",
        "altQty": "0",
        "isAltQtyEstimated": "False",
        "netWgt": "0",
        "isNetWgtEstimated": "True",
        "grossWgt": "0",
        "isGrossWgtEstimated": "False",
        "cifvalue": "" if exports else str(value),
        "fobvalue": str(value) if exports else "",
        "primaryValue": str(value),
        "legacyEstimationFlag": "0",
        "isReported": "True",
        "isAggregate": "True" if cmd == "TOTAL" else "False",
    }
    return [cells[name] for name in HEADER]


_JSON_INTS = {"refPeriodId", "refYear", "refMonth", "reporterCode", "partnerCode",
              "partner2Code", "aggrLevel", "motCode", "qtyUnitCode",
              "altQtyUnitCode", "legacyEstimationFlag", "qty", "altQty", "netWgt",
              "grossWgt", "cifvalue", "fobvalue", "primaryValue"}  # fmt: skip


def _json_record(row: list[str]) -> str:
    parts = []
    for name, text in zip(HEADER, row, strict=True):
        if name in _JSON_INTS:
            value = text or "null"
        elif text in {"True", "False"}:
            value = text.lower()
        else:
            value = json.dumps(text)
        parts.append(f'"{name}": {value}')
    return "{" + ", ".join(parts) + "}"


def write_files(
    folder: Path, count: int, json_count: int | None = None
) -> tuple[Path, Path, dict[int, Decimal], dict[int, Decimal]]:
    """The CSV file of ``count`` rows and the JSON file of the first
    ``json_count`` (all by default), with the KZ–UZ turnover by year of each."""
    json_count = count if json_count is None else min(json_count, count)
    csv_path, json_path = folder / "TradeData.csv", folder / "TradeData.json"
    expected: dict[int, Decimal] = {}
    flows: dict[int, int] = {}

    def complete() -> dict[int, Decimal]:
        return {year: total for year, total in expected.items() if flows[year] == 2}

    in_json: dict[int, Decimal] = {}
    with (
        csv_path.open("w", encoding="utf-8-sig", newline="") as csv_file,
        json_path.open("w", encoding="utf-8") as json_file,
    ):
        writer = csv.writer(csv_file)
        writer.writerow(HEADER)
        json_file.write(
            f'{{"elapsedTime": "9.87 secs", "count": {json_count}, "data": [\n'
        )
        for i, (row, wanted, value) in enumerate(rows(count)):
            writer.writerow(row)
            if wanted:
                year = int(row[3])
                expected[year] = expected.get(year, Decimal(0)) + value
                flows[year] = flows.get(year, 0) + 1
            if i < json_count:
                json_file.write(("" if i == 0 else ",\n") + _json_record(row))
                if i == json_count - 1:
                    in_json = complete()
        json_file.write('\n], "error": ""}\n')
    return csv_path, json_path, complete(), in_json


def best_of(runs: int, func: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


#: The columns a careful pandas user reads, and the national-total filter.
PANDAS_COLUMNS = [
    "refYear", "reporterCode", "partnerCode", "flowCode", "cmdCode",
    "partner2Code", "motCode", "customsCode", "primaryValue",
]  # fmt: skip


def pandas_total(path: Path, *, every_column: bool) -> dict[int, object]:
    """KZ–UZ turnover by year with pandas: read, filter, group, sum (floats)."""
    import pandas as pd

    frame = pd.read_csv(
        path, encoding="utf-8-sig", usecols=None if every_column else PANDAS_COLUMNS
    )
    rows = frame[
        (frame["reporterCode"] == 398)
        & (frame["partnerCode"] == 860)
        & frame["flowCode"].isin(["X", "M"])
        & (frame["cmdCode"] == "TOTAL")
        & (frame["partner2Code"] == 0)
        & (frame["motCode"] == 0)
        & (frame["customsCode"] == "C00")
    ]
    sums = rows.groupby("refYear")["primaryValue"].sum().to_dict()
    flows = rows.groupby("refYear")["flowCode"].nunique().to_dict()
    return {int(y): float(v) for y, v in sums.items() if flows[y] == 2}  # type: ignore[call-overload]


def plain_csv(path: Path) -> dict[int, object]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        for _ in csv.reader(f):
            pass
    return {}


def plain_json(path: Path) -> dict[int, object]:
    with path.open(encoding="utf-8") as f:
        json.load(f, parse_float=Decimal)
    return {}


def bilat_total(path: Path) -> dict[int, object]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", bilat.IncompleteDataWarning)
        series = TradeSeries.from_comtrade(path, "KZ", "UZ")
    return {year: str(m.amount) for year, m in series.values.items()}


#: Case name → (the file it reads, the function that reads it).
CASES: dict[str, tuple[str, Callable[[Path], dict[int, object]]]] = {
    "csv.reader only": ("csv", plain_csv),
    "TradeSeries.from_comtrade, CSV": ("csv", bilat_total),
    "pandas.read_csv, 9 columns + groupby": (
        "csv",
        lambda p: pandas_total(p, every_column=False),
    ),
    "pandas.read_csv, all columns + groupby": (
        "csv",
        lambda p: pandas_total(p, every_column=True),
    ),
    "json.load only": ("json", plain_json),
    "TradeSeries.from_comtrade, JSON": ("json", bilat_total),
}


def show_bytes(n: int) -> str:
    """A size in kB, MB or GB, three significant digits."""
    for unit, scale in (("GB", 1e9), ("MB", 1e6)):
        if n >= scale:
            return f"{n / scale:.3g} {unit}"
    return f"{n / 1e3:.3g} kB"


def child(case: str, path: Path, runs: int) -> None:
    """Run one case in this process and print its figures as JSON.

    The first run is timed too and warms what is loaded once (modules,
    locale data); the second runs under tracemalloc for the peak memory and
    is not timed.
    """
    _, func = CASES[case]
    start = time.perf_counter()
    result = func(path)
    times = [time.perf_counter() - start]
    gc.collect()
    tracemalloc.start()
    func(path)
    memory = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    times.append(best_of(runs - 1, lambda: func(path)) if runs > 1 else times[0])
    print(
        json.dumps(
            {
                "seconds": min(times),
                "memory": memory,
                "result": {str(k): str(v) for k, v in result.items()},
            }
        )
    )


def run_case(case: str, path: Path, runs: int) -> dict[str, Any]:
    """Run one case in a fresh interpreter; its figures."""
    done = subprocess.run(
        [
            sys.executable,
            __file__,
            "--child",
            case,
            "--path",
            str(path),
            "--runs",
            str(runs),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    figures: dict[str, Any] = json.loads(done.stdout)
    return figures


def agrees(result: dict[str, str], expected: dict[int, Decimal]) -> bool:
    """Whether a case found the turnover written (floats to 1e-12)."""
    if result.keys() != {str(y) for y in expected}:
        return False
    for year, total in expected.items():
        exact = Decimal(result[str(year)])
        if exact != total and abs(float(exact) / float(total) - 1) > 1e-12:
            return False
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument(
        "--json-rows",
        type=int,
        default=100_000,
        help="rows in the JSON file (the API returns at most 100,000 per call)",
    )
    parser.add_argument("--quick", action="store_true", help="10,000 rows")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--check", action="store_true", help="exit 1 when a target is missed"
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--path", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child, args.path, args.runs)
        return 0
    count = 10_000 if args.quick else args.rows

    with tempfile.TemporaryDirectory() as tmp:
        csv_path, json_path, in_csv, in_json = write_files(
            Path(tmp), count, args.json_rows
        )
        paths = {"csv": csv_path, "json": json_path}
        counts = {"csv": count, "json": min(count, args.json_rows)}
        expected = {"csv": in_csv, "json": in_json}
        sizes = {kind: p.stat().st_size / 1e6 for kind, p in paths.items()}
        figures = {}
        for case, (kind, _) in CASES.items():
            figures[case] = run_case(case, paths[kind], args.runs)
            found = figures[case]["result"]
            if "only" not in case and not agrees(found, expected[kind]):
                print(f"{case}: {found} != {expected[kind]}", file=sys.stderr)
                return 2

    print(
        f"bilat {bilat.__version__}, Python {platform.python_version()}, "
        f"{platform.machine()}; best of {args.runs}; memory: peak of the Python "
        "heap while reading (tracemalloc, after a first untraced run)\n"
    )
    floors = {
        "csv": figures["csv.reader only"]["seconds"],
        "json": figures["json.load only"]["seconds"],
    }
    print("| case | rows | file | time | per row | × floor | peak memory |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for case, (kind, _) in CASES.items():
        f = figures[case]
        n = counts[kind]
        print(
            f"| {case} | {n:,} | {sizes[kind]:,.0f} MB | {f['seconds']:.2f} s "
            f"| {f['seconds'] / n * 1e6:.2f} µs "
            f"| {f['seconds'] / floors[kind]:.2f}× | {show_bytes(f['memory'])} |"
        )
    t_csv = figures["TradeSeries.from_comtrade, CSV"]["seconds"]
    target = 1.0 * count / 100_000  # seconds: 1 s per 100,000 rows
    print(f"\ntarget: CSV ≤ {target:.2f} s")
    if args.check and t_csv > target:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
