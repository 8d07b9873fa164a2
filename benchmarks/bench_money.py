"""Money arithmetic: bilat against plain Decimal and py-moneyed, in one run.

Run ``python benchmarks/bench_money.py`` (``--quick`` for small sizes,
``--check`` to exit with status 1 when a target is missed). Every case runs
the three libraries on the same data, checks that they agree on the result,
and times them interleaved (one run of each in turn, several rounds) so that
a busy machine slows all of them alike; each reports its best round.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import random
import subprocess
import sys
import tempfile
import time
import timeit
from dataclasses import dataclass
from decimal import Decimal
from importlib.metadata import version
from typing import TYPE_CHECKING, Any

import moneyed

import bilat
from bilat import Currency, ExchangeRates, Money, MoneyBag, Portfolio, Project

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

#: Rates to USD used for the conversion case (units of USD per unit).
RATES_TO_USD = {
    "USD": Decimal(1),
    "EUR": Decimal("1.0389"),
    "KZT": Decimal("0.001904"),
    "UZS": Decimal("0.0000775"),
    "RUB": Decimal("0.009852"),
}


@dataclass(frozen=True)
class Row:
    """One line of the results table (times in seconds)."""

    case: str
    bilat: float
    baseline: float
    moneyed: float
    target: float
    target_text: str

    @property
    def ratio(self) -> float:
        return self.bilat / self.baseline

    @property
    def met(self) -> bool:
        return self.ratio <= self.target


@dataclass(frozen=True)
class Sizes:
    """How much work each case does."""

    items: int
    repeat: int
    add_number: int
    import_repeat: int
    bulk: int
    projects: int


FULL = Sizes(
    items=1_000_000,
    repeat=5,
    add_number=200_000,
    import_repeat=5,
    bulk=500_000,
    projects=50_000,
)
QUICK = Sizes(
    items=10_000,
    repeat=3,
    add_number=20_000,
    import_repeat=3,
    bulk=5_000,
    projects=2_000,
)


def best(func: Callable[[], object], repeat: int) -> float:
    """The shortest of ``repeat`` timed calls of ``func``."""
    return min(timeit.repeat(func, number=1, repeat=repeat))


def interleaved(
    funcs: Sequence[Callable[[], object]], repeat: int, number: int = 1
) -> list[float]:
    """The best time per call of each of ``funcs``, timed in turn.

    Each round times every function once (``number`` calls), so a burst of
    load on a shared machine slows them all rather than one of them.
    """
    timers = [timeit.Timer(func) for func in funcs]
    times = [[] for _ in funcs]  # type: list[list[float]]
    for _ in range(repeat):
        for timer, found in zip(timers, times, strict=True):
            found.append(timer.timeit(number) / number)
    return [min(found) for found in times]


def amounts(n: int, seed: int) -> list[Decimal]:
    """``n`` reproducible amounts with two decimals, 0.01 to 99,999.99."""
    rng = random.Random(seed)
    return [Decimal(rng.randrange(1, 10_000_000)).scaleb(-2) for _ in range(n)]


def bench_add(sizes: Sizes) -> Row:
    """(a) one addition of two amounts in the same currency."""
    x, y = Decimal("1234.56"), Decimal("789.01")
    a, b = Money(x, "USD"), Money(y, "USD")
    ma, mb = moneyed.Money(x, "USD"), moneyed.Money(y, "USD")
    assert (a + b).amount == x + y == (ma + mb).amount

    # ``a + b`` compiled as timeit compiles it: no function call in the way.
    timers = [
        timeit.Timer("a + b", globals={"a": a, "b": b}),
        timeit.Timer("a + b", globals={"a": x, "b": y}),
        timeit.Timer("a + b", globals={"a": ma, "b": mb}),
    ]
    times: list[list[float]] = [[], [], []]
    for _ in range(9):
        for timer, found in zip(timers, times, strict=True):
            found.append(timer.timeit(sizes.add_number) / sizes.add_number)
    mine, plain, other = (min(found) for found in times)
    return Row("(a) Money + Money", mine, plain, other, 6.0, "≤ 6× Decimal +")


def bench_total(sizes: Sizes) -> tuple[Row, float]:
    """(b) the total of many amounts in one currency."""
    values = amounts(sizes.items, seed=1)
    usd = Currency("USD")
    items = [Money(v, usd) for v in values]
    moneyed_usd = moneyed.get_currency("USD")
    moneyed_items = [moneyed.Money(v, moneyed_usd) for v in values]

    expected = sum(values, Decimal(0))
    assert MoneyBag(items)["USD"].amount == expected
    assert MoneyBag(*items)["USD"].amount == expected
    moneyed_total = sum(moneyed_items)
    assert isinstance(moneyed_total, moneyed.Money)
    assert moneyed_total.amount == expected
    money_total = sum(items)
    assert isinstance(money_total, Money)
    assert money_total.amount == expected

    bag, plain, other, money_sum = interleaved(
        [
            lambda: MoneyBag(items)["USD"],
            lambda: sum(values),
            lambda: sum(moneyed_items),
            lambda: sum(items),
        ],
        sizes.repeat,
    )
    row = Row(
        f"(b) total of {sizes.items:,} USD amounts",
        bag,
        plain,
        other,
        2.0,
        "≤ 2× Decimal sum()",
    )
    return row, money_sum


def bench_convert(sizes: Sizes) -> list[Row]:
    """(c) converting amounts in five currencies to USD and adding them up.

    Through a bag of Money (``MoneyBag(items).to``) and through the column
    path (``MoneyBag.from_frame(frame).to``) on a polars frame of the same
    amounts (a ``Decimal`` column) and codes.
    """
    import polars as pl

    codes = list(RATES_TO_USD)
    rng = random.Random(2)
    values = amounts(sizes.items, seed=3)
    picks = [rng.choice(codes) for _ in values]
    currencies = {code: Currency(code) for code in codes}
    moneyed_currencies = {code: moneyed.get_currency(code) for code in codes}
    items = [Money(v, currencies[c]) for v, c in zip(values, picks, strict=True)]
    pairs = list(zip(values, picks, strict=True))
    moneyed_items = [
        moneyed.Money(v, moneyed_currencies[c])
        for v, c in zip(values, picks, strict=True)
    ]
    day = dt.date(2025, 1, 2)
    rates = ExchangeRates.from_records(
        [
            (day, code, "USD", rate)
            for code, rate in RATES_TO_USD.items()
            if code != "USD"
        ]
    )

    def with_bag() -> Money:
        return MoneyBag(items).to("USD", rates)

    def with_decimal() -> Decimal:
        rate = RATES_TO_USD
        total = Decimal(0)
        for amount, code in pairs:
            total += amount * rate[code]
        return total

    moneyed_usd = moneyed_currencies["USD"]

    def with_moneyed() -> moneyed.Money:
        rate = RATES_TO_USD
        total = moneyed.Money(0, moneyed_usd)
        for m in moneyed_items:
            total += moneyed.Money((m * rate[m.currency.code]).amount, moneyed_usd)
        return total

    frame = pl.DataFrame(
        {
            "amount": pl.Series(values, dtype=pl.Decimal(38, 2)),
            "currency": pl.Series(picks, dtype=pl.String),
        }
    )

    def with_columns() -> Money:
        return MoneyBag.from_frame(frame).to("USD", rates)

    expected = with_decimal()
    assert with_bag().amount == expected
    assert with_columns().amount == expected
    assert with_moneyed().amount == expected

    columns, bag, plain, other = interleaved(
        [with_columns, with_bag, with_decimal, with_moneyed], sizes.repeat
    )
    return [
        Row(
            f"(c) {sizes.items:,} amounts in 5 currencies → USD, column path",
            columns,
            plain,
            other,
            0.8,
            "≤ 0.8× Decimal loop",
        ),
        Row(
            f"(c) the same as {sizes.items:,} Money, MoneyBag(items).to",
            bag,
            plain,
            other,
            float("inf"),
            "(for comparison)",
        ),
    ]


def bench_portfolio(sizes: Sizes) -> Row:
    """(d) the total of a portfolio's projects in five currencies, in USD."""
    codes = list(RATES_TO_USD)
    rng = random.Random(6)
    n = sizes.projects
    values = amounts(n, seed=7)
    picks = [rng.choice(codes) for _ in values]
    pairs = list(zip(values, picks, strict=True))
    portfolio = Portfolio(
        [
            Project(f"Project {i}", ("KZ", "UZ"), "underway", value=Money(v, c))
            for i, (v, c) in enumerate(pairs)
        ]
    )
    moneyed_currencies = {code: moneyed.get_currency(code) for code in codes}
    moneyed_usd = moneyed_currencies["USD"]
    moneyed_items = [moneyed.Money(v, moneyed_currencies[c]) for v, c in pairs]
    day = dt.date(2025, 1, 2)
    rates = ExchangeRates.from_records(
        [
            (day, code, "USD", rate)
            for code, rate in RATES_TO_USD.items()
            if code != "USD"
        ]
    )

    def with_decimal() -> Decimal:
        rate = RATES_TO_USD
        total = Decimal(0)
        for amount, code in pairs:
            total += amount * rate[code]
        return total

    def with_moneyed() -> moneyed.Money:
        rate = RATES_TO_USD
        total = moneyed.Money(0, moneyed_usd)
        for m in moneyed_items:
            total += moneyed.Money(m.amount * rate[m.currency.code], moneyed_usd)
        return total

    def with_portfolio() -> Money | bilat.Estimate:
        return portfolio.total("USD", rates, day)

    expected = with_decimal()
    assert with_portfolio() == Money(expected, "USD")
    assert with_moneyed().amount == expected
    mine, plain, other = interleaved(
        [with_portfolio, with_decimal, with_moneyed], sizes.repeat
    )
    return Row(
        f"(d) Portfolio.total of {n:,} projects (5 currencies) → USD",
        mine,
        plain,
        other,
        1.5,
        "≤ 1.5× Decimal loop",
    )


@dataclass(frozen=True)
class BulkRow:
    """One line of the bulk table: bilat against four baselines (seconds)."""

    case: str
    bilat: float
    decimal: float
    moneyed: float
    pandas_object: float | None
    pandas_float: float | None


def bench_bulk(sizes: Sizes) -> list[BulkRow]:
    """(f) sums and conversions of many amounts, with pandas for reference.

    The amounts are the same in every library: Decimal objects for bilat,
    plain Decimal and py-moneyed, a pandas column of Decimal objects, and the
    same amounts as float64 (which is not exact: shown for scale only).
    """
    n = sizes.bulk
    codes = list(RATES_TO_USD)
    rng = random.Random(5)
    values = amounts(n, seed=4)
    picks = [rng.choice(codes) for _ in values]
    usd = Currency("USD")
    currencies = {code: Currency(code) for code in codes}
    same = [Money(v, usd) for v in values]
    mixed = [Money(v, currencies[c]) for v, c in zip(values, picks, strict=True)]
    pairs = list(zip(values, picks, strict=True))
    moneyed_currencies = {code: moneyed.get_currency(code) for code in codes}
    moneyed_usd = moneyed_currencies["USD"]
    moneyed_same = [moneyed.Money(v, moneyed_usd) for v in values]
    moneyed_mixed = [moneyed.Money(v, moneyed_currencies[c]) for v, c in pairs]
    day = dt.date(2025, 1, 2)
    rates = ExchangeRates.from_records(
        [
            (day, code, "USD", rate)
            for code, rate in RATES_TO_USD.items()
            if code != "USD"
        ]
    )
    count = max(1, n // 10)
    projects = [
        Project(f"Project {i}", ("KZ", "UZ"), "underway", value=m)
        for i, m in enumerate(mixed[:count])
    ]
    portfolio = Portfolio(projects)
    frame = pandas_frames(values, picks)

    def decimal_convert() -> list[Decimal]:
        rate = RATES_TO_USD
        return [amount * rate[code] for amount, code in pairs]

    def decimal_total(items: list[tuple[Decimal, str]]) -> Decimal:
        rate = RATES_TO_USD
        total = Decimal(0)
        for amount, code in items:
            total += amount * rate[code]
        return total

    def moneyed_convert() -> list[moneyed.Money]:
        rate = RATES_TO_USD
        return [
            moneyed.Money(m.amount * rate[m.currency.code], moneyed_usd)
            for m in moneyed_mixed
        ]

    def moneyed_total(items: list[moneyed.Money]) -> moneyed.Money:
        total = moneyed.Money(0, moneyed_usd)
        for m in items:
            total += moneyed.Money(
                m.amount * RATES_TO_USD[m.currency.code], moneyed_usd
            )
        return total

    # Every library finds the same results (floats: to 1e-9).
    expected_sum = sum(values, Decimal(0))
    expected_total = decimal_total(pairs)
    assert sum(same).amount == expected_sum  # type: ignore[union-attr]
    assert MoneyBag(*same)["USD"].amount == expected_sum
    assert MoneyBag(*mixed).to("USD", rates).amount == expected_total
    assert [rates.convert(m, usd, day).amount for m in mixed] == decimal_convert()
    assert portfolio.total("USD", rates, day) == Money(
        decimal_total(pairs[:count]), usd
    )
    assert sum(moneyed_same).amount == expected_sum  # type: ignore[union-attr]
    assert moneyed_total(moneyed_mixed).amount == expected_total

    r = sizes.repeat
    return [
        BulkRow(
            f"sum() of {n:,} USD Money",
            best(lambda: sum(same), r),
            best(lambda: sum(values), r),
            best(lambda: sum(moneyed_same), r),
            *pandas_times(frame, "sum", r, expected_sum),
        ),
        BulkRow(
            f'MoneyBag(*items)["USD"], {n:,} USD amounts',
            best(lambda: MoneyBag(*same)["USD"], r),
            best(lambda: sum(values), r),
            best(lambda: sum(moneyed_same), r),
            *pandas_times(frame, "sum", r, expected_sum),
        ),
        BulkRow(
            f"ExchangeRates.convert of each of {n:,} amounts (5 currencies)",
            best(lambda: [rates.convert(m, usd, day) for m in mixed], r),
            best(decimal_convert, r),
            best(moneyed_convert, r),
            *pandas_times(frame, "convert", r, None),
        ),
        BulkRow(
            f'MoneyBag(*items).to("USD"), {n:,} amounts (5 currencies)',
            best(lambda: MoneyBag(*mixed).to("USD", rates), r),
            best(lambda: decimal_total(pairs), r),
            best(lambda: moneyed_total(moneyed_mixed), r),
            *pandas_times(frame, "total", r, expected_total),
        ),
        BulkRow(
            f'Portfolio.total("USD", rates), {count:,} projects (5 currencies)',
            best(lambda: portfolio.total("USD", rates, day), r),
            best(lambda: decimal_total(pairs[:count]), r),
            best(lambda: moneyed_total(moneyed_mixed[:count]), r),
            *pandas_times(frame.head(count), "total", r, None),
        ),
    ]


def pandas_frames(values: list[Decimal], picks: list[str]) -> Any:
    """A frame with the amounts as Decimal objects and as float64, or None."""
    try:
        import pandas as pd
    except ImportError:  # pandas is optional: its columns show "—"
        return None
    return pd.DataFrame(
        {
            "amount": pd.Series(values, dtype=object),
            "amount_float": pd.Series([float(v) for v in values], dtype="float64"),
            "currency": pd.Series(picks, dtype="category"),
        }
    )


def pandas_times(
    frame: Any, case: str, repeat: int, expected: Decimal | None
) -> tuple[float | None, float | None]:
    """Best times of one case on the Decimal column and on the float64 one."""
    if frame is None:
        return None, None
    rate_object = dict(RATES_TO_USD.items())
    rate_float = {code: float(rate) for code, rate in RATES_TO_USD.items()}

    def run(column: str, rate: dict[str, Any]) -> Any:
        if case == "sum":
            return frame[column].sum()
        if case == "convert":
            return frame[column] * frame["currency"].map(rate).astype(
                frame[column].dtype
            )
        totals = frame.groupby("currency", observed=True)[column].sum()
        return sum(totals[code] * rate[code] for code in totals.index)

    if expected is not None:
        assert run("amount", rate_object) == expected
        assert float(run("amount_float", rate_float)) == pytest_approx(expected)
    return (
        best(lambda: run("amount", rate_object), repeat),
        best(lambda: run("amount_float", rate_float), repeat),
    )


def pytest_approx(expected: Decimal) -> Any:
    """A float comparable to ``expected`` to a relative 1e-9."""

    class Near:
        def __eq__(self, other: object) -> bool:
            return isinstance(other, float) and abs(other / float(expected) - 1) < 1e-9

        __hash__ = None  # type: ignore[assignment]

    return Near()


def bulk_table(rows: Sequence[BulkRow]) -> str:
    """The bulk results as a Markdown table, with ratios to each baseline."""

    def ratio(a: float, b: float | None) -> str:
        return "—" if b is None else f"{a / b:.2f}×"

    def maybe(t: float | None) -> str:
        return "—" if t is None else show(t)

    lines = [
        (
            "| case | bilat | Decimal | py-moneyed | pandas (Decimal) | pandas (float64)"
            " | bilat / Decimal | bilat / py-moneyed | bilat / pandas (Decimal) |"
        ),
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    lines.extend(
        f"| {r.case} | {show(r.bilat)} | {show(r.decimal)} | {show(r.moneyed)} "
        f"| {maybe(r.pandas_object)} | {maybe(r.pandas_float)} "
        f"| {ratio(r.bilat, r.decimal)} | {ratio(r.bilat, r.moneyed)} "
        f"| {ratio(r.bilat, r.pandas_object)} |"
        for r in rows
    )
    return "\n".join(lines)


def import_time(code: str, repeat: int) -> float:
    """Best wall time of ``python -c code`` in a fresh interpreter."""
    times = []
    with tempfile.TemporaryDirectory() as empty:  # nothing importable nearby
        for _ in range(repeat):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], cwd=empty, check=True)
            times.append(time.perf_counter() - start)
    return min(times)


def bench_import(sizes: Sizes) -> Row:
    """(e) ``import bilat`` against importing what it is built on."""
    n = sizes.import_repeat
    startup = import_time("pass", n)
    return Row(
        "(e) import (minus interpreter start-up)",
        import_time("import bilat", n) - startup,
        import_time("import attrs, babel.numbers", n) - startup,
        import_time("import moneyed", n) - startup,
        1.3,
        "≤ 1.3× attrs + babel.numbers",
    )


def show(seconds: float) -> str:
    """A duration with a unit that keeps three significant digits."""
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6)):
        if seconds >= scale:
            return f"{seconds / scale:.3g} {unit}"
    return f"{seconds / 1e-9:.3g} ns"


def table(rows: Sequence[Row]) -> str:
    """The results as a Markdown table."""
    lines = [
        (
            "| case | bilat | baseline | py-moneyed | bilat / baseline"
            " | bilat / py-moneyed | target | met |"
        ),
        "|---|---:|---:|---:|---:|---:|---|---|",
    ]
    lines.extend(
        f"| {r.case} | {show(r.bilat)} | {show(r.baseline)} | {show(r.moneyed)} "
        f"| {r.ratio:.2f}× | {r.bilat / r.moneyed:.2f}× | {r.target_text} "
        f"| {'—' if r.target == float('inf') else 'yes' if r.met else 'NO'} |"
        for r in rows
    )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes (seconds)")
    parser.add_argument(
        "--check", action="store_true", help="exit with status 1 if a target is missed"
    )
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else FULL

    print(
        f"bilat {bilat.__version__}, py-moneyed {version('py-moneyed')}, "
        f"{platform.python_implementation()} {platform.python_version()} "
        f"on {platform.machine()}; {sizes.items:,} items, best of {sizes.repeat} "
        f"(imports: best of {sizes.import_repeat})"
    )
    print(
        "baseline: (a)–(d) plain decimal.Decimal, (e) import attrs, babel.numbers;"
        " timed interleaved, best round\n"
    )
    total_row, money_sum = bench_total(sizes)
    rows = [
        bench_add(sizes),
        total_row,
        *bench_convert(sizes),
        bench_portfolio(sizes),
        bench_import(sizes),
    ]
    print(table(rows))
    print(
        f"\nfor comparison, sum() of the {sizes.items:,} bilat Money in (b): "
        f"{show(money_sum)} ({money_sum / total_row.baseline:.2f}× Decimal sum())"
    )
    print(
        f"\n(f) bulk sums and conversions, {sizes.bulk:,} amounts; pandas: a column"
        " of Decimal objects, and float64 for scale (not exact)\n"
    )
    print(bulk_table(bench_bulk(sizes)))
    missed = [r.case for r in rows if not r.met]
    if missed:
        print("\ntargets missed: " + "; ".join(missed))
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
