"""series_from_frame against each engine's own group-by, on the same frame.

Run ``python benchmarks/bench_frames.py`` (``--rows N`` for another size,
1,000,000 by default; ``--quick`` for 20,000 rows; ``--repeat N`` for the
number of timed rounds, 5 by default). The script builds one UN
Comtrade-shaped table with NumPy: for each year, 100 reporters × 99 partners
× four flows (X, M, RX, RM), each a national total and three breakdowns (by
commodity, mode of transport and customs procedure), values as floats with
two decimals, as an engine's CSV reader infers them. The same table is then
held by pandas, polars and DuckDB, and for each engine, in one process,
rounds alternate between:

* the engine's own filter and group-by: national totals of X and M, summed
  in floats per reporter, partner, year and flow, collected;
* ``series_from_frame(frame)``: every pair at once (9,900 series);
* ``series_from_frame(frame, pairs=[one pair])``.

Each case reports its best and median time over the rounds; the ratio is
bilat's best over the engine's best. The machine may be shared, so only the
ratios within one run mean much. The totals found are checked against the
engine's float sums (to a relative 1e-9).
"""

from __future__ import annotations

import argparse
import platform
import statistics
import time
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import duckdb
import numpy as np
import pandas as pd
import polars as pl

import bilat
from bilat import Country
from bilat.io import series_from_frame

if TYPE_CHECKING:
    from collections.abc import Callable

REPORTERS = 100
FLOWS = np.array(["X", "M", "RX", "RM"])
KEYS = ["reporterCode", "partnerCode", "refYear", "flowCode"]


def _country_codes(count: int) -> np.ndarray[Any, Any]:
    """Numeric ISO codes of ``count`` countries, as Comtrade uses them."""
    codes: list[int] = []
    for number in range(4, 900):
        try:
            Country(number)
        except bilat.UnknownCountryError:
            continue
        codes.append(number)
        if len(codes) == count:
            break
    return np.array(codes)


def make_table(rows: int) -> pd.DataFrame:
    """A Comtrade-shaped table of ``rows`` rows, one national total in four."""
    codes = _country_codes(REPORTERS)
    i = np.arange(rows)
    variant = i % 4
    flow = (i // 4) % 4
    pair = (i // 16) % (REPORTERS * (REPORTERS - 1))
    year = 2000 + i // (16 * REPORTERS * (REPORTERS - 1))
    reporter = pair // (REPORTERS - 1)
    partner = pair % (REPORTERS - 1)
    partner = partner + (partner >= reporter)  # never the reporter itself
    rng = np.random.default_rng(7)
    cents = rng.integers(1, 10**12, size=rows)
    return pd.DataFrame(
        {
            "freqCode": "A",
            "refYear": year,
            "period": year,
            "reporterCode": codes[reporter],
            "partnerCode": codes[partner],
            "flowCode": FLOWS[flow],
            "cmdCode": np.where(variant == 1, "27", "TOTAL"),
            "partner2Code": 0,
            "motCode": np.where(variant == 2, 2100, 0),
            "customsCode": np.where(variant == 3, "C01", "C00"),
            "primaryValue": cents / 100,
        }
    )


def _pandas_groupby(frame: pd.DataFrame) -> pd.Series[float]:
    totals = frame[
        (frame["cmdCode"] == "TOTAL")
        & (frame["partner2Code"] == 0)
        & (frame["motCode"] == 0)
        & (frame["customsCode"] == "C00")
        & frame["flowCode"].isin(["X", "M"])
    ]
    return totals.groupby(KEYS)["primaryValue"].sum()


def _polars_groupby(frame: pl.DataFrame) -> pl.DataFrame:
    return (
        frame.lazy()
        .filter(
            (pl.col("cmdCode") == "TOTAL")
            & (pl.col("partner2Code") == 0)
            & (pl.col("motCode") == 0)
            & (pl.col("customsCode") == "C00")
            & pl.col("flowCode").is_in(["X", "M"])
        )
        .group_by(KEYS)
        .agg(pl.col("primaryValue").sum())
        .collect()
    )


_SQL = """
select reporterCode, partnerCode, refYear, flowCode, sum(primaryValue)
from t
where cmdCode = 'TOTAL' and partner2Code = 0 and motCode = 0
  and customsCode = 'C00' and flowCode in ('X', 'M')
group by all
"""


def _time(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def _check(
    found: dict[tuple[Country, Country], bilat.TradeSeries], table: pd.DataFrame
) -> None:
    """Each pair-year's turnover is the float sum, to a relative 1e-9."""
    sums = _pandas_groupby(table).groupby(level=[0, 1, 2]).sum()
    assert len(found) == REPORTERS * (REPORTERS - 1)
    for (reporter, partner), series in list(found.items())[:200]:
        for year, money in series.values.items():
            expected = sums[reporter.numeric, partner.numeric, year]
            assert abs(float(money.amount) - expected) <= 1e-9 * abs(expected)
            assert isinstance(money.amount, Decimal)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--quick", action="store_true", help="20,000 rows")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    rows = 20_000 if args.quick else args.rows
    repeat = 2 if args.quick else args.repeat

    table = make_table(rows)
    connection = duckdb.connect()
    connection.register("t", table)
    engines: dict[str, tuple[object, Callable[[], object]]] = {
        "pandas": (table, lambda: _pandas_groupby(table)),
        "polars": (
            polars_frame := pl.from_pandas(table),
            lambda: _polars_groupby(polars_frame),
        ),
        "DuckDB": (
            connection.table("t"),
            lambda: connection.sql(_SQL).fetchall(),
        ),
    }
    one_pair = [
        (Country(int(table["reporterCode"][0])), Country(int(table["partnerCode"][0])))
    ]
    print(
        f"{rows:,} rows, "
        f"{len(table[['reporterCode', 'partnerCode']].drop_duplicates()):,} pairs, "
        f"{table['refYear'].nunique()} years; best of {repeat} interleaved rounds; "
        f"Python {platform.python_version()}, pandas {pd.__version__}, "
        f"polars {pl.__version__}, DuckDB {duckdb.__version__}"
    )
    print()
    print(
        "| engine | engine's group-by | series_from_frame, all pairs | ratio | one pair | ratio |"
    )
    print("|---|---|---|---|---|---|")
    for name, (frame, baseline) in engines.items():
        found = series_from_frame(frame)
        if not args.quick:
            _check(found, table)
        times: dict[str, list[float]] = {"engine": [], "all": [], "one": []}
        for _ in range(repeat):
            times["engine"].append(_time(baseline))
            times["all"].append(_time(lambda frame=frame: series_from_frame(frame)))
            times["one"].append(
                _time(lambda frame=frame: series_from_frame(frame, pairs=one_pair))
            )
        best = {k: min(v) for k, v in times.items()}
        median = {k: statistics.median(v) for k, v in times.items()}

        def cell(
            key: str, best: dict[str, float] = best, median: dict[str, float] = median
        ) -> str:
            return f"{best[key] * 1000:,.0f} ms (median {median[key] * 1000:,.0f})"

        print(
            f"| {name} | {cell('engine')} | {cell('all')} | "
            f"{best['all'] / best['engine']:.2f}× | {cell('one')} | "
            f"{best['one'] / best['engine']:.2f}× |"
        )


if __name__ == "__main__":
    main()
