"""Loading UN Comtrade files: TradeSeries.from_comtrade on 100,000 rows.

Run ``python benchmarks/bench_comtrade.py`` (``--rows N`` for another size,
``--quick`` for 10,000 rows, ``--check`` to exit with status 1 when a target
is missed). The script writes a CSV export and an API JSON response with
Comtrade's 47 columns, as a large download holds them: for each year, 40
reporters × 39 partners × four flows (X, M, RX, RM), each a national total
and three breakdowns (by commodity, mode of transport and customs
procedure); 100,000 rows cover four years. It then times, best of several
runs:

* plain ``csv.reader`` over the file, the floor for any CSV reader;
* ``TradeSeries.from_comtrade`` on the CSV file, for one pair;
* ``TradeSeries.from_comtrade`` on the JSON file, for the same pair;

and checks the series against the total computed while writing the file.
"""

from __future__ import annotations

import argparse
import csv
import json
import platform
import random
import sys
import tempfile
import time
import warnings
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

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


def write_files(folder: Path, count: int) -> tuple[Path, Path, dict[int, Decimal]]:
    """The CSV and JSON files, and the KZ–UZ turnover by year as written."""
    csv_path, json_path = folder / "TradeData.csv", folder / "TradeData.json"
    expected: dict[int, Decimal] = {}
    flows: dict[int, int] = {}
    with (
        csv_path.open("w", encoding="utf-8-sig", newline="") as csv_file,
        json_path.open("w", encoding="utf-8") as json_file,
    ):
        writer = csv.writer(csv_file)
        writer.writerow(HEADER)
        json_file.write(f'{{"elapsedTime": "9.87 secs", "count": {count}, "data": [\n')
        for i, (row, wanted, value) in enumerate(rows(count)):
            writer.writerow(row)
            json_file.write(("" if i == 0 else ",\n") + _json_record(row))
            if wanted:
                year = int(row[3])
                expected[year] = expected.get(year, Decimal(0)) + value
                flows[year] = flows.get(year, 0) + 1
        json_file.write('\n], "error": ""}\n')
    complete = {year: total for year, total in expected.items() if flows[year] == 2}
    return csv_path, json_path, complete


def best_of(runs: int, func: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--quick", action="store_true", help="10,000 rows")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--check", action="store_true", help="exit 1 when a target is missed"
    )
    args = parser.parse_args(argv)
    count = 10_000 if args.quick else args.rows

    with tempfile.TemporaryDirectory() as tmp:
        csv_path, json_path, expected = write_files(Path(tmp), count)

        def plain_csv() -> None:
            with csv_path.open(encoding="utf-8-sig", newline="") as f:
                for _ in csv.reader(f):
                    pass

        def load(path: Path) -> Callable[[], TradeSeries]:
            def run() -> TradeSeries:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", bilat.IncompleteDataWarning)
                    return TradeSeries.from_comtrade(path, "KZ", "UZ")

            return run

        for path in (csv_path, json_path):
            got = {y: m.amount for y, m in load(path)().values.items()}
            if got != expected:
                print(f"{path.name}: {got} != {expected}", file=sys.stderr)
                return 2

        size_csv = csv_path.stat().st_size / 1e6
        size_json = json_path.stat().st_size / 1e6
        floor = best_of(args.runs, plain_csv)
        t_csv = best_of(args.runs, load(csv_path))
        t_json = best_of(args.runs, load(json_path))

    per_row = t_csv / count * 1e6
    target = 1.0 * count / 100_000  # seconds: 1 s per 100,000 rows
    print(
        f"bilat {bilat.__version__}, Python {platform.python_version()}, "
        f"{platform.machine()}; {count:,} rows, best of {args.runs}\n"
    )
    print("| case | file | time | per row |")
    print("|---|---|---|---|")
    print(
        f"| csv.reader only | {size_csv:.1f} MB | {floor:.3f} s "
        f"| {floor / count * 1e6:.2f} µs |"
    )
    print(
        f"| from_comtrade, CSV | {size_csv:.1f} MB | {t_csv:.3f} s | {per_row:.2f} µs |"
    )
    print(
        f"| from_comtrade, JSON | {size_json:.1f} MB | {t_json:.3f} s "
        f"| {t_json / count * 1e6:.2f} µs |"
    )
    print(f"\ntarget: CSV ≤ {target:.2f} s")
    if args.check and t_csv > target:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
