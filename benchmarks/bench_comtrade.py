"""Loading UN Comtrade files: every pair in one pass, against csv, pandas and polars.

Run ``python benchmarks/bench_comtrade.py`` (``--rows N`` for another size,
1,000,000 by default; ``--quick`` for 10,000 rows; ``--check`` to exit with
status 1 when a target is missed). The script writes a CSV export and an API
JSON response with Comtrade's 47 columns, as a large download holds them: for
each year, 40 reporters × 39 partners × four flows (X, M, RX, RM), each a
national total and three breakdowns (by commodity, mode of transport and
customs procedure); 100,000 rows cover four years. The JSON file holds the
first 100,000 rows (``--json-rows``), the most the API returns per call.

Times are measured in this process, the cases interleaved run after run
(after one untimed warm-up run of each), and the best of ``--runs`` is
kept, so that a busy machine slows every case alike. The peak memory of
each case is measured in a fresh Python process, during one run traced with
:mod:`tracemalloc` (the Python heap, which includes pandas' and NumPy's
buffers but not polars' own):

* plain ``csv.reader`` over the file, the floor for a CSV reader in Python;
* :func:`bilat.io.read_comtrade` on the CSV file: every pair, one pass;
* ``TradeSeries.from_comtrade`` on the CSV file, for one pair;
* ``pandas.read_csv`` of the columns needed, then filtering national totals
  and ``groupby`` by pair and year (floats);
* ``polars.read_csv`` of the columns needed, the same filter and
  ``group_by`` (floats, on every core);
* ``json.load`` of the whole JSON file, the floor for a reader that parses
  the file at once, and :func:`bilat.io.read_comtrade` and
  ``TradeSeries.from_comtrade`` on it.

Every result is checked against the turnover of every pair computed while
writing the files (pandas' and polars' float sums to a relative 1e-12).
"""

from __future__ import annotations

import argparse
import csv
import gc
import json
import os
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
from bilat.io import comtrade_area, read_comtrade

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
AREAS = [398, 860, 4, 31, 51, 112, 156, 268, 276, 360, 364, 392, 410, 417, 496,
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


def rows(
    count: int, seed: int = 2024
) -> Iterator[tuple[list[str], tuple[int, int] | None, Decimal]]:
    """``count`` records; each with its pair when it is a national total X/M."""
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
                            (reporter, partner)
                            if flow in {"X", "M"}
                            and (cmd, mot, customs) == BREAKDOWNS[0]
                            else None
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


#: Turnover by pair ("398-860") and year ("2019"), as text.
Totals = dict[str, dict[str, str]]


def write_files(
    folder: Path, count: int, json_count: int | None = None
) -> tuple[Path, Path, Totals, Totals]:
    """The CSV file of ``count`` rows and the JSON file of the first
    ``json_count`` (all by default), with every pair's turnover by year."""
    json_count = count if json_count is None else min(json_count, count)
    csv_path, json_path = folder / "TradeData.csv", folder / "TradeData.json"
    sums: dict[tuple[int, int, int], Decimal] = {}
    flows: dict[tuple[int, int, int], int] = {}

    def complete() -> Totals:
        found: Totals = {}
        for (reporter, partner, year), total in sums.items():
            if flows[reporter, partner, year] == 2:
                key = f"{reporter}-{partner}"
                found.setdefault(key, {})[str(year)] = str(total)
        return found

    in_json: Totals = {}
    with (
        csv_path.open("w", encoding="utf-8-sig", newline="") as csv_file,
        json_path.open("w", encoding="utf-8") as json_file,
    ):
        writer = csv.writer(csv_file)
        writer.writerow(HEADER)
        json_file.write(
            f'{{"elapsedTime": "9.87 secs", "count": {json_count}, "data": [\n'
        )
        for i, (row, pair, value) in enumerate(rows(count)):
            writer.writerow(row)
            if pair is not None:
                key = (*pair, int(row[3]))
                sums[key] = sums.get(key, Decimal(0)) + value
                flows[key] = flows.get(key, 0) + 1
            if i < json_count:
                json_file.write(("" if i == 0 else ",\n") + _json_record(row))
                if i == json_count - 1:
                    in_json = complete()
        json_file.write('\n], "error": ""}\n')
    return csv_path, json_path, complete(), in_json


#: The columns a careful dataframe user reads.
FRAME_COLUMNS = [
    "refYear", "reporterCode", "partnerCode", "flowCode", "cmdCode",
    "partner2Code", "motCode", "customsCode", "primaryValue",
]  # fmt: skip


def _frame_totals(sums: dict[Any, Any], flows: dict[Any, Any]) -> Totals:
    found: Totals = {}
    for (reporter, partner, year), total in sums.items():
        if flows[reporter, partner, year] == 2:
            found.setdefault(f"{reporter}-{partner}", {})[str(year)] = repr(
                float(total)
            )
    return found


def pandas_pairs(path: Path) -> Totals:
    """Every pair's turnover by year with pandas: read, filter, group, sum (floats)."""
    import pandas as pd

    frame = pd.read_csv(path, encoding="utf-8-sig", usecols=FRAME_COLUMNS)
    rows = frame[
        frame["flowCode"].isin(["X", "M"])
        & (frame["cmdCode"] == "TOTAL")
        & (frame["partner2Code"] == 0)
        & (frame["motCode"] == 0)
        & (frame["customsCode"] == "C00")
    ]
    keys = ["reporterCode", "partnerCode", "refYear"]
    grouped = rows.groupby(keys).agg(
        total=("primaryValue", "sum"), flows=("flowCode", "nunique")
    )
    return _frame_totals(grouped["total"].to_dict(), grouped["flows"].to_dict())


def polars_pairs(path: Path) -> Totals:
    """Every pair's turnover by year with polars: read, filter, group, sum (floats)."""
    import polars as pl

    frame = pl.read_csv(path, columns=FRAME_COLUMNS)
    grouped = (
        frame.filter(
            pl.col("flowCode").is_in(["X", "M"])
            & (pl.col("cmdCode") == "TOTAL")
            & (pl.col("partner2Code") == 0)
            & (pl.col("motCode") == 0)
            & (pl.col("customsCode") == "C00")
        )
        .group_by(["reporterCode", "partnerCode", "refYear"])
        .agg(
            pl.col("primaryValue").sum().alias("total"),
            pl.col("flowCode").n_unique().alias("flows"),
        )
    )
    sums, flows = {}, {}
    for reporter, partner, year, total, count in grouped.iter_rows():
        sums[reporter, partner, year] = total
        flows[reporter, partner, year] = count
    return _frame_totals(sums, flows)


def plain_csv(path: Path) -> Totals:
    with path.open(encoding="utf-8-sig", newline="") as f:
        for _ in csv.reader(f):
            pass
    return {}


def plain_json(path: Path) -> Totals:
    with path.open(encoding="utf-8") as f:
        json.load(f, parse_float=Decimal)
    return {}


def _text(series: TradeSeries) -> dict[str, str]:
    return {str(year): str(m.amount) for year, m in series.values.items()}


def bilat_pairs(path: Path) -> Totals:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", bilat.IncompleteDataWarning)
        found = read_comtrade(path)
    return {
        f"{codes[r.alpha2]}-{codes[p.alpha2]}": _text(series)
        for (r, p), series in found.items()
    }


def bilat_one(path: Path) -> Totals:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", bilat.IncompleteDataWarning)
        series = TradeSeries.from_comtrade(path, "KZ", "UZ")
    return {"398-860": _text(series)}


#: alpha-2 code → the Comtrade code the generator uses for it.
codes = {
    area.country.alpha2: code
    for code in AREAS
    if (area := comtrade_area(code)) is not None and area.country is not None
}

#: Case name → (the file it reads, the function that reads it).
CASES: dict[str, tuple[str, Callable[[Path], Totals]]] = {
    "csv.reader only": ("csv", plain_csv),
    "bilat.io.read_comtrade, every pair, CSV": ("csv", bilat_pairs),
    "TradeSeries.from_comtrade, one pair, CSV": ("csv", bilat_one),
    "pandas.read_csv + groupby, every pair": ("csv", pandas_pairs),
    "polars.read_csv + group_by, every pair": ("csv", polars_pairs),
    "json.load only": ("json", plain_json),
    "bilat.io.read_comtrade, every pair, JSON": ("json", bilat_pairs),
    "TradeSeries.from_comtrade, one pair, JSON": ("json", bilat_one),
}
#: The case each one is compared with, in the ratio columns.
FLOOR = {"csv": "csv.reader only", "json": "json.load only"}
PAIRS_CSV = "bilat.io.read_comtrade, every pair, CSV"


def show_bytes(n: int) -> str:
    """A size in kB, MB or GB, three significant digits."""
    for unit, scale in (("GB", 1e9), ("MB", 1e6)):
        if n >= scale:
            return f"{n / scale:.3g} {unit}"
    return f"{n / 1e3:.3g} kB"


def child(case: str, path: Path) -> None:
    """Run one case in this fresh process under tracemalloc; print its peak."""
    _, func = CASES[case]
    func(path)  # load what is loaded once (modules, tables)
    gc.collect()
    tracemalloc.start()
    func(path)
    memory = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(json.dumps({"memory": memory}))


def peak_memory(case: str, path: Path) -> int:
    """The peak of one case's Python heap, measured in a fresh interpreter."""
    done = subprocess.run(
        [sys.executable, __file__, "--child", case, "--path", str(path)],
        check=True,
        capture_output=True,
        text=True,
    )
    memory: int = json.loads(done.stdout)["memory"]
    return memory


def available(case: str) -> bool:
    """Whether the case's library is installed."""
    for name in ("pandas", "polars"):
        if case.startswith(name):
            try:
                __import__(name)
            except ImportError:
                return False
    return True


def agrees(result: Totals, expected: Totals, *, one_pair: bool) -> bool:
    """Whether a case found the turnover written (floats to 1e-12)."""
    if one_pair:
        expected = {"398-860": expected["398-860"]}
    if result.keys() != expected.keys():
        return False
    for pair, years in expected.items():
        if result[pair].keys() != years.keys():
            return False
        for year, total in years.items():
            found = Decimal(result[pair][year])
            exact = Decimal(total)
            if found != exact and abs(float(found) / float(exact) - 1) > 1e-12:
                return False
    return True


def timed(
    cases: list[str], paths: dict[str, Path], runs: int
) -> dict[str, tuple[float, Totals]]:
    """Best time of each case over ``runs`` rounds, the cases interleaved."""
    results: dict[str, Totals] = {}
    best = dict.fromkeys(cases, float("inf"))
    for case in cases:  # warm-up, and the results to check
        kind, func = CASES[case]
        results[case] = func(paths[kind])
    for _ in range(runs):
        for case in cases:
            kind, func = CASES[case]
            gc.collect()
            start = time.perf_counter()
            func(paths[kind])
            best[case] = min(best[case], time.perf_counter() - start)
    return {case: (best[case], results[case]) for case in cases}


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
        "--no-memory", action="store_true", help="skip the peak-memory runs"
    )
    parser.add_argument(
        "--check", action="store_true", help="exit 1 when a target is missed"
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--path", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child, args.path)
        return 0
    count = 10_000 if args.quick else args.rows
    cases = [case for case in CASES if available(case)]

    with tempfile.TemporaryDirectory() as tmp:
        csv_path, json_path, in_csv, in_json = write_files(
            Path(tmp), count, args.json_rows
        )
        paths = {"csv": csv_path, "json": json_path}
        counts = {"csv": count, "json": min(count, args.json_rows)}
        expected = {"csv": in_csv, "json": in_json}
        sizes = {kind: p.stat().st_size / 1e6 for kind, p in paths.items()}
        figures = timed(cases, paths, args.runs)
        for case in cases:
            kind = CASES[case][0]
            found = figures[case][1]
            one_pair = "one pair" in case
            if "only" not in case and not agrees(
                found, expected[kind], one_pair=one_pair
            ):
                print(f"{case}: the totals differ from those written", file=sys.stderr)
                return 2
        memory = {
            case: None if args.no_memory else peak_memory(case, paths[CASES[case][0]])
            for case in cases
        }

    print(
        f"bilat {bilat.__version__}, Python {platform.python_version()}, "
        f"{platform.machine()}, {os.cpu_count()} cores; best of {args.runs}, the "
        "cases interleaved in one process; memory: peak of the Python heap while "
        "reading (tracemalloc, fresh process, after a first untraced run)\n"
    )
    pairs = len(in_csv)
    print(f"{pairs:,} pairs with a complete year in the CSV file\n")
    print("| case | rows | file | time | rows/s | × floor | peak memory |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for case in cases:
        kind = CASES[case][0]
        seconds = figures[case][0]
        floor = figures[FLOOR[kind]][0]
        peak = memory[case]
        print(
            f"| {case} | {counts[kind]:,} | {sizes[kind]:,.0f} MB | {seconds:.2f} s "
            f"| {counts[kind] / seconds:,.0f} | {seconds / floor:.2f}× "
            f"| {'–' if peak is None else show_bytes(peak)} |"
        )
    t_pairs = figures[PAIRS_CSV][0]
    ratios = {"csv.reader": figures["csv.reader only"][0]}
    for case in cases:
        if case.startswith(("pandas", "polars")):
            ratios[case.split(".")[0]] = figures[case][0]
    print()
    for name, seconds in ratios.items():
        print(f"read_comtrade (every pair, CSV) / {name}: {t_pairs / seconds:.2f}")
    missed = t_pairs > 1.5 * ratios["csv.reader"]
    print(f"\ntarget: every pair ≤ 1.5 × csv.reader: {'missed' if missed else 'met'}")
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
