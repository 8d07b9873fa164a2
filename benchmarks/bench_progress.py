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

Then long series: ``--pairs`` targets (40,000 by default, 1,000 with
``--quick``), each with a series of thirty years (1994–2023), measured with
:meth:`TradeTarget.progress` as of 2024 (target: at most 5 s for 40,000
pairs), against the same share, growth rates and projection with plain
Decimal. And growth rates alone over 1, 10, 30 and 100 years: bilat's
correctly rounded rate (approximated, its rounding proved) against the
exact integer root it replaces for more than a few years, and against
Decimal's ``**``. Each comparison runs in the same process, interleaved,
best of ``--runs``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import platform
import random
import sys
import tempfile
import time
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


LONG_YEARS = range(1994, 2024)
#: The most seconds progress may take for 40,000 pairs of thirty-year series.
LONG_TARGET = 5.0


def long_pairs(n: int, seed: int = 11) -> list[tuple[TradeTarget, TradeSeries]]:
    """``n`` targets, each with a series of thirty years, for two countries."""
    rng = random.Random(seed)
    a, b = countries(2)
    made = []
    for _ in range(n):
        value = Decimal(rng.randrange(10**8, 10**10))
        values = {}
        for year in LONG_YEARS:
            value = (value * rng.randrange(90, 125) / 100).quantize(Decimal("0.01"))
            values[year] = Money(value, "USD")
        series = TradeSeries((a, b), "turnover", values)
        target = TradeTarget((a, b), Money(value * 3, "USD"), deadline=DEADLINE)
        made.append((target, series))
    return made


def plain_long(
    items: list[tuple[TradeTarget, TradeSeries]],
) -> list[tuple[Decimal, ...]]:
    """Share, the three growth rates and the projection with plain Decimal (``**``)."""
    one = Decimal(1)
    first, last = LONG_YEARS[0], LONG_YEARS[-1]
    found: list[tuple[Decimal, ...]] = []
    for target, series in items:
        base = series.values[first].amount
        current = series.values[last].amount
        goal = target.money.amount
        actual = (current / base) ** (one / (last - first)) - one
        found.append(
            (
                current / goal,
                actual,
                (goal / base) ** (one / (DEADLINE - first)) - one,
                (goal / current) ** (one / (DEADLINE - last)) - one,
                current * (one + actual) ** (DEADLINE - last),
            )
        )
    return found


def growth_cases(
    runs: int, count: int = 300, seed: int = 5
) -> list[tuple[str, float, float, float]]:
    """Per-rate µs over 1, 10, 30, 100 years: bilat, the exact root, Decimal ``**``."""
    from bilat._roots import exact_growth, growth_rate

    rng = random.Random(seed)
    amounts = [
        (
            Decimal(rng.randrange(10**8, 10**12)).scaleb(-2),
            Decimal(rng.randrange(10**8, 10**12)).scaleb(-2),
        )
        for _ in range(count)
    ]
    ratios = []
    for start, end in amounts:
        (a, b), (c, d) = end.as_integer_ratio(), start.as_integer_ratio()
        ratios.append((a * d, b * c))
    one = Decimal(1)
    rows = []
    for years in (1, 10, 30, 100):
        for (start, end), (top, bottom) in zip(amounts, ratios, strict=True):
            rate = growth_rate(start, end, years)
            if years > 1:
                assert rate == tidy(exact_growth(top, bottom, years)), (start, end)
        timed: dict[str, list[float]] = {"bilat": [], "exact": [], "plain": []}
        power = one / years

        def ours(y: int = years) -> object:
            return [growth_rate(s, e, y) for s, e in amounts]

        def exact(y: int = years) -> object:
            return [exact_growth(t, b, y) for t, b in ratios]

        def plain(p: Decimal = power) -> object:
            return [(e / s) ** p - one for s, e in amounts]

        for _ in range(runs):  # interleaved
            timed["bilat"].append(timeit.timeit(ours, number=1))
            if years > 1:
                timed["exact"].append(timeit.timeit(exact, number=1))
            timed["plain"].append(timeit.timeit(plain, number=1))
        rows.append(
            (
                f"{years} year{'s' if years > 1 else ''}",
                min(timed["bilat"]) / count * 1e6,
                min(timed["exact"]) / count * 1e6 if timed["exact"] else math.nan,
                min(timed["plain"]) / count * 1e6,
            )
        )
    return rows


def tidy(value: Decimal) -> Decimal:
    """A rate as growth rates are returned: without trailing zeros."""
    from bilat._roots import tidy as tidied

    return tidied(value)


def long_series(pairs: int, runs: int) -> int:
    """Time progress on thirty-year series; print the table; 1 if over the target."""
    items = long_pairs(pairs)

    def progress() -> list[Any]:
        return [target.progress(series, AS_OF) for target, series in items]

    found = progress()
    first, last = LONG_YEARS[0], LONG_YEARS[-1]
    for p, d in zip(found, plain_long(items), strict=True):
        assert p.base_year == first
        assert p.year == last
        mine = (p.share, p.actual_cagr, p.planned_cagr, p.required_cagr)
        for value, rough in zip(mine, d[:4], strict=True):
            assert abs(value - rough) <= abs(rough) * Decimal("1e-20"), (value, rough)
        assert abs(p.projected.amount - d[4]) <= abs(d[4]) * Decimal("1e-20")
    ours, theirs, cpu = [], [], []
    for _ in range(runs):  # interleaved
        ours.append(timeit.timeit(progress, number=1))
        cpu.append(timeit.timeit(progress, number=1, timer=time.process_time))
        theirs.append(timeit.timeit(lambda: plain_long(items), number=1))
    mine_s, plain_s = min(ours), min(theirs)
    scaled = min(mine_s, *cpu) * 40_000 / pairs
    print(
        f"\nLong series: {pairs:,} pairs × {len(LONG_YEARS)} years, "
        f"best of {runs}, interleaved (CPU time of progress: {min(cpu):.3f} s)\n"
    )
    print("| case | time | per pair | bilat / this |")
    print("|---|---:|---:|---:|")
    print(
        f"| TradeTarget.progress | {mine_s:.3f} s | {mine_s / pairs * 1e6:,.1f} µs | 1.00× |"
    )
    print(
        f"| share, three rates and projection, Decimal (28 digits, **) "
        f"| {plain_s:.3f} s | {plain_s / pairs * 1e6:,.1f} µs | {mine_s / plain_s:.2f}× |"
    )
    print(
        f"\nprogress for 40,000 pairs: {scaled:.2f} s "
        f"(target ≤ {LONG_TARGET:.0f} s){'' if scaled <= LONG_TARGET else ' MISSED'}"
    )
    print("\nGrowth rates, µs per rate, best of", runs, "interleaved\n")
    print(
        "| span | bilat | exact integer root | bilat / exact | Decimal ** (28 digits) |"
    )
    print("|---|---:|---:|---:|---:|")
    for span, bilat_us, exact_us, plain_us in growth_cases(runs):
        ratio = "" if math.isnan(exact_us) else f"{bilat_us / exact_us:.2f}×"
        exact = "" if math.isnan(exact_us) else f"{exact_us:.1f}"
        print(f"| {span} | {bilat_us:.1f} | {exact} | {ratio} | {plain_us:.1f} |")
    return 0 if scaled <= LONG_TARGET else 1


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
    parser.add_argument(
        "--pairs",
        type=int,
        default=None,
        help="pairs of thirty-year series (40,000; 1,000 with --quick)",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="exit with status 1 when long series miss 5 s for 40,000 pairs",
    )
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
    pairs_long = args.pairs or (1_000 if args.quick else 40_000)
    missed = long_series(pairs_long, args.runs)
    return missed if args.check else 0


if __name__ == "__main__":
    sys.exit(main())
