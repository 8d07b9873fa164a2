"""Progress towards trade targets for every pair of many countries.

Run ``python benchmarks/bench_progress.py`` (``--countries N``, 200 by default,
which makes 19,900 pairs; ``--quick`` for 20 countries). Every pair gets a
trade series of ten years (2014–2023) and a target of three times its last
value by 2030; the script times :meth:`TradeTarget.progress` for all pairs,
best of several runs, against the same growth rates computed

* with plain :class:`decimal.Decimal` in the default context (28 digits,
  ``**`` for the roots): the floor for exact arithmetic without bilat;
* with floats, one pair at a time (``math``);
* with pandas on float64 columns, all pairs at once.

It also writes all pairs to one dossier file (JSON) and times reading it
with :func:`bilat.load` and reporting on it with :meth:`Dossier.report`,
which measures every target against its series.

It checks that the three agree with bilat on every rate (to 1e-9).
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import platform
import random
import sys
import tempfile
import timeit
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from babel import Locale

import bilat
from bilat import BilatError, Country, Dossier, Money, TradeSeries, TradeTarget

if TYPE_CHECKING:
    from collections.abc import Callable

YEARS = range(2014, 2024)
DEADLINE = 2030
AS_OF = 2024
REPORT_DAY = dt.date(AS_OF, 12, 31)


def countries(n: int) -> list[Country]:
    """The first ``n`` countries, by alpha-2 code, that bilat knows."""
    found = []
    for code in sorted(Locale("en").territories):
        if len(code) != 2 or not code.isalpha():
            continue
        try:
            found.append(Country(code))
        except BilatError:
            continue
        if len(found) == n:
            break
    return found


def pairs(n: int, seed: int = 7) -> list[tuple[TradeTarget, TradeSeries]]:
    """A target and a ten-year series for every pair of ``n`` countries."""
    rng = random.Random(seed)
    areas = countries(n)
    made = []
    for i, a in enumerate(areas):
        for b in areas[i + 1 :]:
            value = Decimal(rng.randrange(10**8, 10**10))
            values = {}
            for year in YEARS:
                value = (value * rng.randrange(90, 125) / 100).quantize(Decimal("0.01"))
                values[year] = Money(value, "USD")
            series = TradeSeries((a, b), "turnover", values)
            target = TradeTarget((a, b), Money(value * 3, "USD"), deadline=DEADLINE)
            made.append((target, series))
    return made


def plain(
    items: list[tuple[TradeTarget, TradeSeries]],
) -> list[tuple[Decimal, Decimal, Decimal]]:
    """Actual, planned and required growth with Decimal in its default context."""
    one = Decimal(1)
    first, last = YEARS[0], YEARS[-1]
    rates = []
    for target, series in items:
        base = series.values[first].amount
        current = series.values[last].amount
        goal = target.money.amount
        rates.append(
            (
                (current / base) ** (one / (last - first)) - one,
                (goal / base) ** (one / (DEADLINE - first)) - one,
                (goal / current) ** (one / (DEADLINE - last)) - one,
            )
        )
    return rates


def floats(
    items: list[tuple[TradeTarget, TradeSeries]],
) -> list[tuple[float, float, float]]:
    """The same growth rates with floats."""
    first, last = YEARS[0], YEARS[-1]
    rates = []
    for target, series in items:
        base = float(series.values[first].amount)
        current = float(series.values[last].amount)
        goal = float(target.money.amount)
        rates.append(
            (
                math.pow(current / base, 1 / (last - first)) - 1,
                math.pow(goal / base, 1 / (DEADLINE - first)) - 1,
                math.pow(goal / current, 1 / (DEADLINE - last)) - 1,
            )
        )
    return rates


def frame(items: list[tuple[TradeTarget, TradeSeries]]) -> Any:
    """The base, current and target values as float64 columns, or None."""
    try:
        import pandas as pd
    except ImportError:
        return None
    first, last = YEARS[0], YEARS[-1]
    return pd.DataFrame(
        {
            "base": [float(s.values[first].amount) for _, s in items],
            "current": [float(s.values[last].amount) for _, s in items],
            "target": [float(t.money.amount) for t, _ in items],
        }
    )


def vectorised(df: Any) -> Any:
    """The same growth rates with pandas, all pairs at once."""
    first, last = YEARS[0], YEARS[-1]
    return (
        (df["current"] / df["base"]) ** (1 / (last - first)) - 1,
        (df["target"] / df["base"]) ** (1 / (DEADLINE - first)) - 1,
        (df["target"] / df["current"]) ** (1 / (DEADLINE - last)) - 1,
    )


def dossier_file(items: list[tuple[TradeTarget, TradeSeries]], folder: str) -> str:
    """Every pair's target and series in one JSON dossier file."""
    d = Dossier(
        "Every pair",
        items[0][0].parties,
        targets=tuple(target for target, _ in items),
        series=tuple(series for _, series in items),
    )
    path = f"{folder}/pairs.json"
    d.dump(path)
    return path


def best(func: Callable[[], object], repeat: int) -> float:
    """The shortest of ``repeat`` timed calls."""
    return min(timeit.repeat(func, number=1, repeat=repeat))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--countries", type=int, default=200)
    parser.add_argument("--quick", action="store_true", help="20 countries")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    items = pairs(20 if args.quick else args.countries)
    n = len(items)

    def progress() -> list[Any]:
        return [target.progress(series, AS_OF) for target, series in items]

    found = progress()
    for p, d, f in zip(found, plain(items), floats(items), strict=True):
        rates = (p.actual_cagr, p.planned_cagr, p.required_cagr)
        for mine, exact, rough in zip(rates, d, f, strict=True):
            assert abs(mine - exact) < Decimal("1e-20"), (mine, exact)
            assert math.isclose(float(mine), rough, rel_tol=1e-9, abs_tol=1e-12)
    df = frame(items)
    if df is not None:
        actual = vectorised(df)[0]
        assert all(
            math.isclose(float(p.actual_cagr), a, rel_tol=1e-9, abs_tol=1e-12)
            for p, a in zip(found, actual, strict=True)
        )

    cases = [
        ("TradeTarget.progress, every pair", best(progress, args.runs)),
        (
            "three growth rates, Decimal (28 digits, **)",
            best(lambda: plain(items), args.runs),
        ),
        ("three growth rates, floats", best(lambda: floats(items), args.runs)),
    ]
    if df is not None:
        cases.append(
            (
                "three growth rates, pandas float64",
                best(lambda: vectorised(df), args.runs),
            )
        )
    with tempfile.TemporaryDirectory() as folder:
        path = dossier_file(items, folder)
        loaded = bilat.load(path)
        report = loaded.report(as_of=REPORT_DAY).to_dict()
        assert sum(len(t["progress"]) for t in report["targets"]) == n
        cases.append(
            ("bilat.load of the dossier file", best(lambda: bilat.load(path), 1))
        )
        cases.append(
            (
                "Dossier.report of it (every target measured)",
                best(lambda: loaded.report(as_of=REPORT_DAY).to_dict(), 1),
            )
        )
    print(
        f"bilat {bilat.__version__}, Python {platform.python_version()}, "
        f"{platform.machine()}; {n:,} pairs, best of {args.runs}\n"
    )
    print("| case | time | per pair | bilat / this |")
    print("|---|---:|---:|---:|")
    ours = cases[0][1]
    for case, seconds in cases:
        print(
            f"| {case} | {seconds:.3f} s | {seconds / n * 1e6:,.1f} µs "
            f"| {ours / seconds:.2f}× |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
