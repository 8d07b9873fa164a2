"""Growth rates and projections are correctly rounded: rounded once, half even.

The fast method approximates a root and proves its rounding (see
``bilat._roots``). Its results are compared with the exact method (integer
roots), kept as the oracle, and, where the true value is a rational number
or an exact power, with values worked out here with fractions.
"""

from __future__ import annotations

import decimal
import math
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from bilat import Money, Progress, Series, Target, TradeSeries, TradeTarget, _roots
from bilat._assess import _years_to_reach
from bilat._decimal import CONTEXT
from bilat._roots import (
    exact_growth,
    exact_root,
    growth_and_root,
    growth_rate,
    projection,
    proved_growth,
)

DIGITS = 60


def rounded(value: Fraction) -> Decimal:
    """``value`` rounded half even to 60 significant digits, with fractions only."""
    if not value:
        return Decimal(0)
    size = abs(value)
    exponent = len(str(size.numerator)) - len(str(size.denominator))
    while Fraction(10) ** exponent > size:
        exponent -= 1
    while Fraction(10) ** (exponent + 1) <= size:
        exponent += 1
    scaled = size / Fraction(10) ** (exponent - DIGITS + 1)
    kept = math.floor(scaled)
    rest = scaled - kept
    if rest > Fraction(1, 2) or (rest == Fraction(1, 2) and kept % 2):
        kept += 1
    sign = "-" if value < 0 else ""
    return Decimal(f"{sign}{kept}E{exponent - DIGITS + 1}")


def oracle(start: Decimal, end: Decimal, years: int) -> Decimal:
    """The exact method's rate, from the two amounts."""
    (a, b), (c, d) = end.as_integer_ratio(), start.as_integer_ratio()
    return exact_growth(a * d, b * c, years)


@st.composite
def amounts(draw: st.DrawFn) -> Decimal:
    """Any positive amount bilat holds: up to 100 digits, 1E-100 to below 1E+100."""
    digits = draw(st.integers(1, 100))
    coefficient = draw(st.integers(1, 10**digits - 1))
    adjusted = draw(st.integers(-100, 99))
    return Decimal(f"{coefficient}E{adjusted - len(str(coefficient)) + 1}")


@st.composite
def everyday(draw: st.DrawFn) -> Decimal:
    """An amount in cents up to a trillion."""
    return Decimal(f"{draw(st.integers(1, 10**14))}E-2")


@st.composite
def near_pairs(draw: st.DrawFn) -> tuple[Decimal, Decimal]:
    """A start and an end that share many leading digits (a ratio near 1)."""
    start = draw(amounts())
    shift = draw(st.integers(1, 99))
    step = draw(st.integers(-9, 9).filter(bool))
    end = _roots._EXACT.add(start, Decimal(f"{step}E{start.adjusted() - shift}"))
    assume(Decimal("1E-100") <= end < Decimal("1E+100"))
    assume(len(end.as_tuple().digits) <= 100)
    return start, end


def _related(draw: st.DrawFn, start: Decimal) -> Decimal:
    """An amount anywhere in range, within a hair of ``start``, or within a decade of it.

    The rates of close amounts are where a rounded quotient loses digits
    (a ratio in (0.9, 2) or just above 10).
    """
    how = draw(st.sampled_from(("any", "near", "close")))
    if how == "any":
        return draw(amounts())
    if how == "near":
        shift = draw(st.integers(1, 99))
        step = draw(st.integers(-9, 9).filter(bool))
        end = _roots._EXACT.add(start, Decimal(f"{step}E{start.adjusted() - shift}"))
        assume(Decimal("1E-100") <= end < Decimal("1E+100"))
        assume(len(end.as_tuple().digits) <= 100)
        return end
    digits = draw(st.integers(1, 100))
    coefficient = draw(st.integers(1, 10**digits - 1))
    adjusted = start.adjusted() + draw(st.integers(-1, 1))
    assume(-100 <= adjusted <= 99)
    return Decimal(f"{coefficient}E{adjusted - len(str(coefficient)) + 1}")


@st.composite
def chains(draw: st.DrawFn) -> tuple[Decimal, Decimal, Decimal]:
    """Three amounts, each related to the one before as :func:`_related` draws."""
    first = draw(amounts())
    second = _related(draw, first)
    return first, second, _related(draw, second)


@pytest.fixture
def fallbacks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the calls of the exact method from the fast one."""
    calls: list[int] = []
    exact = _roots.exact_growth

    def counted(top: int, bottom: int, n: int) -> Decimal:
        calls.append(n)
        return exact(top, bottom, n)

    monkeypatch.setattr(_roots, "exact_growth", counted)
    return calls


@pytest.fixture
def attempts(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, bool]]:
    """Records each approximation's guard digits and whether it decided."""
    found: list[tuple[int, bool]] = []
    attempt = _roots._attempt

    def recorded(*args: Any, **kwargs: Any) -> Any:
        result = attempt(*args, **kwargs)
        found.append((kwargs["guard"], result is not None))
        return result

    monkeypatch.setattr(_roots, "_attempt", recorded)
    return found


def correctly_rounded(rate: Decimal, ratio: Fraction, years: int) -> bool:
    """Whether ``rate`` is ``ratio^(1/years) − 1`` rounded once, half even, to 60 digits.

    Checked with fractions only, without computing the root: ``rate`` is the
    rounding exactly when the true rate ``x`` lies in ``rate``'s rounding
    interval (half a unit in the last place either side; a twentieth of the
    unit below a power of ten, whose lower neighbour has a finer step), and,
    on an end of it, when ``rate``'s 60-digit coefficient is even. Since
    ``q ↦ q^years`` increases for ``q > 0``, ``x ≤ e`` exactly when
    ``ratio ≤ (1 + e)^years``.
    """
    if not rate:
        return ratio == 1
    _, digits, exponent = rate.as_tuple()
    assert isinstance(exponent, int)
    if len(digits) > DIGITS:
        return False
    coefficient: int = int("".join(map(str, digits))) * 10 ** (DIGITS - len(digits))
    unit = Fraction(10) ** (exponent - (DIGITS - len(digits)))
    value = Fraction(rate)
    away = unit / 2
    toward = unit / 20 if coefficient == 10 ** (DIGITS - 1) else unit / 2
    low, high = (
        (value - toward, value + away) if value > 0 else (value - away, value + toward)
    )

    def above(end: Fraction) -> int:
        """The sign of ``end − x``."""
        if 1 + end <= 0:
            return -1
        power: Fraction = (1 + end) ** years
        return (power > ratio) - (power < ratio)

    below_low, below_high = above(low), above(high)
    if below_low > 0 or below_high < 0:
        return False
    if 0 in (below_low, below_high):  # a tie: to the even coefficient
        return coefficient % 2 == 0
    return True


def double_rounded(start: Decimal, end: Decimal) -> Decimal:
    """One year's rate as (end/start rounded to 60 digits) − 1, rounded again."""
    return CONTEXT.subtract(CONTEXT.divide(end, start), Decimal(1))


class TestChecker:
    """The fraction check accepts the correct rounding and nothing else."""

    @pytest.mark.parametrize(
        ("start", "end"),
        [
            ("3", "4"),  # 4/3 rounds to 59 threes after the point
            ("3", "3.000000001"),  # a rate of 1/3·10^-9 loses 9 digits
            ("7", "7.00000000000000000000000000000000000001"),
            ("3", "31"),  # 31/3 keeps one digit fewer after the point
            ("7", "6.9999999999"),  # a fall of 1/7·10^-10
        ],
    )
    def test_catches_double_rounding(self, start: str, end: str) -> None:
        """(end/start rounded) − 1 is refused; the one rounding is accepted."""
        a, b = Decimal(start), Decimal(end)
        ratio = Fraction(b) / Fraction(a)
        assert not correctly_rounded(double_rounded(a, b), ratio, 1)
        assert correctly_rounded(rounded(ratio - 1), ratio, 1)
        assert correctly_rounded(_rate(growth_rate(a, b, 1)), ratio, 1)

    @settings(max_examples=60)
    @given(amounts(), amounts(), st.integers(1, 30))
    def test_neighbours_refused(self, start: Decimal, end: Decimal, years: int) -> None:
        """The 60-digit numbers next to the rate are refused: the check is tight."""
        assume(start != end)
        rate = _rate(growth_rate(start, end, years))
        ratio = Fraction(end) / Fraction(start)
        assert correctly_rounded(rate, ratio, years)
        up, down = CONTEXT.next_plus(rate), CONTEXT.next_minus(rate)
        assert not correctly_rounded(up, ratio, years)
        assert not correctly_rounded(down, ratio, years)

    def test_ties(self) -> None:
        """An exact tie is accepted only on the even side: 2^122 → 1 over two years."""
        ratio = Fraction(1, 2**122)
        exact = Fraction(1, 2**61) - 1  # 61 digits, ending in 5
        even = rounded(exact)
        odd = (
            CONTEXT.next_plus(even)
            if Fraction(even) < exact
            else CONTEXT.next_minus(even)
        )
        assert correctly_rounded(even, ratio, 2)
        assert not correctly_rounded(odd, ratio, 2)


class TestEveryGrowthFigure:
    """actual, planned and required rates, TradeSeries.cagr and Series.cagr are
    each their true rate rounded once, over one year and more, at any scale."""

    @settings(max_examples=100, deadline=None)
    @given(chains(), st.integers(1, 25), st.integers(1, 25))
    @example((Decimal(3), Decimal(4), Decimal("4.000000001")), 1, 1)
    @example((Decimal("5.01"), Decimal("5.01") + Decimal("1e-99"), Decimal(1)), 2, 1)
    @example((Decimal(1), Decimal(1), Decimal(1) + Decimal("1e-99")), 1, 10)
    def test_progress_and_series(
        self, chain: tuple[Decimal, Decimal, Decimal], n: int, k: int
    ) -> None:
        """Every rate of a progress and of both kinds of series, checked with fractions."""
        base, current, goal = chain
        first, year = 2000, 2000 + n
        deadline = year + k
        b, c, t = Fraction(base), Fraction(current), Fraction(goal)
        expected = {
            "actual_cagr": (c / b, n),
            "planned_cagr": (t / b, n + k),
            "required_cagr": (t / c, k),
        }
        trade = TradeSeries(
            ("KZ", "UZ"),
            "turnover",
            {first: Money(base, "USD"), year: Money(current, "USD")},
        )
        plain = Series(("KZ", "UZ"), "projects", {first: base, year: current})
        progresses: list[Progress[Any]] = [
            TradeTarget(("KZ", "UZ"), Money(goal, "USD"), deadline=deadline).progress(
                trade, year
            ),
            Target(("KZ", "UZ"), goal, deadline=deadline, subject="projects").progress(
                plain, year
            ),
        ]
        for p in progresses:
            for name, (ratio, years) in expected.items():
                found = getattr(p, name)
                if found is None:  # a rate beyond bilat's range, either way
                    # Only a ratio near 1 gives a rate below 1E-100 (about
                    # (ratio − 1)/years); only a huge one a rate of 1E+100.
                    tiny = abs(ratio - 1) < 1
                    reason = "too_small" if tiny else "too_large"
                    assert p.out_of_range[name] == reason, name
                    continue
                assert correctly_rounded(found, ratio, years), name
        for series in (trade, plain):
            found = series.cagr(first, year)
            assert found is not None
            assert correctly_rounded(found, c / b, n)

    @settings(max_examples=100)
    @given(chains())
    def test_one_year(self, chain: tuple[Decimal, Decimal, Decimal]) -> None:
        """One year's rate passes the check wherever the double rounding differs."""
        start, end, _ = chain
        ratio = Fraction(end) / Fraction(start)
        rate = _rate(growth_rate(start, end, 1))
        assert correctly_rounded(rate, ratio, 1)
        twice = double_rounded(start, end)
        assert correctly_rounded(twice, ratio, 1) == (twice == rate)


def _rate(value: Decimal | None) -> Decimal:
    """A rate that must be there."""
    assert value is not None
    return value


class TestOneYear:
    """One year's rate is the exact relative change, rounded once."""

    def test_third(self) -> None:
        """3 → 4 is exactly 1/3: sixty threes, not the 59 of 4/3 rounded then − 1."""
        assert growth_rate(Decimal(3), Decimal(4), 1) == Decimal("0." + "3" * 60)

    def test_series_and_progress(self) -> None:
        """TradeSeries.cagr and Progress.actual_cagr give the same sixty threes."""
        series = TradeSeries(
            ("KZ", "UZ"), "turnover", {2022: Money(3, "USD"), 2023: Money(4, "USD")}
        )
        thirds = Decimal("0." + "3" * 60)
        assert series.cagr(2022, 2023) == thirds
        target = TradeTarget(("KZ", "UZ"), Money(10, "USD"), deadline=2030)
        assert target.progress(series, 2023).actual_cagr == thirds

    @given(amounts(), amounts())
    def test_rounded_once(self, start: Decimal, end: Decimal) -> None:
        """Any one-year rate is (end − start)/start rounded half even once."""
        expected = rounded(Fraction(end) / Fraction(start) - 1)
        assert growth_rate(start, end, 1) == expected


class TestExactValues:
    """A root that is an exact decimal gives that decimal, with no fallback."""

    def test_ten_percent(self, fallbacks: list[int]) -> None:
        """1.21 over two years is exactly 0.1, decided by the approximation."""
        assert proved_growth(Decimal(100), Decimal(121), 2) == Decimal("0.1")
        assert fallbacks == []
        assert growth_rate(Decimal(100), Decimal(121), 2) == Decimal("0.1")

    @given(
        st.integers(1, 10**6),
        st.integers(-4, 0),
        st.integers(2, 40),
        everyday(),
    )
    def test_exact_powers(
        self, digits: int, shift: int, years: int, start: Decimal
    ) -> None:
        """start·q^n over n years gives q − 1 exactly, for a short decimal q."""
        q = Decimal(f"{digits}E{shift}")
        assume(q != 1)
        end_decimal = _decimal(Fraction(start) * Fraction(q) ** years)
        assume(end_decimal is not None)
        assert end_decimal is not None
        expected = rounded(Fraction(q) - 1)
        assert proved_growth(start, end_decimal, years) == expected
        assert growth_rate(start, end_decimal, years) == _tidy(expected)

    def test_no_growth(self) -> None:
        """An end equal to the start is exactly 0, over any span."""
        for years in (1, 2, 9, 30, 5000):
            assert growth_rate(Decimal("4.4E+9"), Decimal("4.40E+9"), years) == 0


class TestTies:
    """A true value exactly halfway between two results is rounded to even.
    No approximation at the first guard digits can decide it: more digits
    may (when the root itself is exact at them), else the exact method."""

    def test_two_to_the_minus_61(
        self, fallbacks: list[int], attempts: list[tuple[int, bool]]
    ) -> None:
        """2^122 → 1 over two years: 2^-61 − 1 has 61 digits and ends in 5."""
        start, end = Decimal(2**122), Decimal(1)
        exact = Fraction(1, 2**61) - 1
        expected = rounded(exact)
        # The tie: halfway between the two 60-digit neighbours.
        assert abs(Fraction(expected) - exact) == Fraction(1, 2) * Fraction(10) ** -60
        assert proved_growth(start, end, 2) == expected
        assert attempts[0] == (10, False)
        assert fallbacks == [2]

    def test_two_to_the_200(self, attempts: list[tuple[int, bool]]) -> None:
        """2^-100 → 2^300 over two years: 2^200 − 1 has 61 digits and ends in 5."""
        start, end = Decimal(f"{5**100}E-100"), Decimal(2**300)
        expected = rounded(Fraction(2**200 - 1))
        assert abs(Fraction(expected) - (2**200 - 1)) == 5  # the tie
        assert proved_growth(start, end, 2) == expected
        assert attempts[0] == (10, False)
        assert growth_rate(start, end, 2) == expected


class TestAgainstExact:
    """The fast method gives the exact method's result."""

    @settings(max_examples=150)
    @given(amounts(), amounts(), st.integers(2, 40))
    @example(Decimal("9.9E+99"), Decimal(1), 40)
    @example(Decimal("1E-100"), Decimal("9.9E+99"), 2)
    @example(Decimal("4.6"), Decimal("5E+9"), 9)
    def test_any_amounts(self, start: Decimal, end: Decimal, years: int) -> None:
        """Any two amounts of bilat's range, over 2 to 40 years."""
        assume(start != end)
        assert proved_growth(start, end, years) == oracle(start, end, years)

    @settings(max_examples=100)
    @given(near_pairs(), st.integers(2, 40))
    def test_near_one(self, pair: tuple[Decimal, Decimal], years: int) -> None:
        """Ratios within a hair of 1, up or down, keep all 60 digits of the rate."""
        start, end = pair
        assume(start != end)
        assert proved_growth(start, end, years) == oracle(start, end, years)

    @settings(max_examples=100)
    @given(everyday(), everyday(), st.integers(1, 120))
    def test_growth_rate(self, start: Decimal, end: Decimal, years: int) -> None:
        """growth_rate, whichever way it takes, is the exact rate tidied."""
        expected = (
            oracle(start, end, years)
            if years > 1
            else rounded(Fraction(end) / Fraction(start) - 1)
        )
        assert growth_rate(start, end, years) == _tidy(expected)

    @pytest.mark.parametrize("years", [100, 401, 1000])
    def test_long_spans(self, years: int) -> None:
        """Centuries are rounded once too (they once went through a power)."""
        start, end = Decimal("3.9"), Decimal("4.4")
        assert growth_rate(start, end, years) == _tidy(oracle(start, end, years))

    def test_falling_to_almost_nothing(self) -> None:
        """A fall to 1E-100 over 9998 years: a root below 1, rate near −0.02."""
        rate = growth_rate(Decimal("9.9E+99"), Decimal("1E-100"), 9998)
        assert rate is not None
        assert float(rate) == pytest.approx((1e-100 / 9.9e99) ** (1 / 9998) - 1)


class TestCallerContext:
    """The caller's decimal context changes nothing."""

    @settings(max_examples=40)
    @given(amounts(), amounts(), st.integers(1, 40))
    def test_hostile_context(self, start: Decimal, end: Decimal, years: int) -> None:
        """Three digits, rounding up and floats trapped: the same rate."""
        expected = (
            growth_rate(start, end, years),
            projection(start, end, years, 3, within=1e6),
        )
        hostile = decimal.Context(prec=3, rounding=decimal.ROUND_UP)
        hostile.traps[decimal.FloatOperation] = True
        with decimal.localcontext(hostile):
            found = (
                growth_rate(start, end, years),
                projection(start, end, years, 3, within=1e6),
            )
        assert found == expected


class TestProjection:
    """c·(c/b)^(k/n) is the n-th root of c^(n+k)/b^k, rounded once."""

    @settings(max_examples=80)
    @given(everyday(), everyday(), st.integers(1, 30), st.integers(1, 30))
    def test_against_exact(self, c: Decimal, b: Decimal, n: int, k: int) -> None:
        """The fast projection is the exact method's root."""
        (cn, cd), (bn, bd) = c.as_integer_ratio(), b.as_integer_ratio()
        expected = exact_root(cn ** (n + k) * bd**k, cd ** (n + k) * bn**k, n)
        assert projection(c, b, n, k, within=1e6) == expected

    @settings(max_examples=80)
    @given(everyday(), everyday(), st.integers(9, 40), st.integers(1, 30))
    def test_from_the_rate(self, c: Decimal, b: Decimal, n: int, k: int) -> None:
        """Bounded from the actual rate's root, the projection is still exact's."""
        assume(c != b)
        _, root = growth_and_root(b, c, n)
        assert root is not None
        assert root[0] <= root[1]
        (cn, cd), (bn, bd) = c.as_integer_ratio(), b.as_integer_ratio()
        expected = exact_root(cn ** (n + k) * bd**k, cd ** (n + k) * bn**k, n)
        assert projection(c, b, n, k, within=1e6, root=root) == expected

    def test_tie_from_the_rate(self) -> None:
        """A projection exactly halfway, 5^87·10^20, is rounded to even, not
        decided by the bounds from the rate: 5^107 → 5^97·10^10 doubles ten times."""
        b, c = Decimal(5**107), Decimal(f"{5**97}E10")
        rate, root = growth_and_root(b, c, 10)
        assert rate == 1
        assert root is not None
        expected = rounded(Fraction(5**87 * 10**20))
        assert abs(Fraction(expected) - 5**87 * 10**20) == 5 * 10**20  # the tie
        assert projection(c, b, 10, 10, within=1e6, root=root) == expected

    def test_worked_out(self) -> None:
        """5 → 7.2 billion over two years, six more: 7.2·1.2^6 = 21.4990848 billion."""
        assert projection(
            Decimal("7.2E+9"), Decimal("5E+9"), 2, 6, within=1e6
        ) == Decimal(21499084800)

    def test_progress(self) -> None:
        """Progress.projected is that number, in Money."""
        series = TradeSeries(
            ("KZ", "UZ"),
            "turnover",
            {2022: Money("5e9", "USD"), 2024: Money("7.2e9", "USD")},
        )
        p = TradeTarget(("KZ", "UZ"), Money("3e10", "USD"), deadline=2030).progress(
            series, 2024
        )
        assert p.projected == Money(21_499_084_800, "USD")
        assert p.actual_cagr == Decimal("0.2")


class TestYearsToReach:
    """The year a target is reached is the exact search's, whether floats or
    integers decide it."""

    @settings(max_examples=100)
    @given(everyday(), st.integers(5, 200), st.integers(1, 1000), st.integers(1, 10))
    def test_against_search(self, b: Decimal, up: int, more: int, n: int) -> None:
        """The least k with c^(k+n) ≥ t^n·b^k: reached at k, not at k − 1."""
        fb = Fraction(b)
        fc = fb * Fraction(100 + up, 100)
        ft = fc * Fraction(100 + more, 100)
        c, t = _decimal(fc), _decimal(ft)
        assert c is not None
        assert t is not None
        k = _years_to_reach(c, b, t, n)
        assert k is not None
        assert fc ** (k + n) >= ft**n * fb**k
        assert k == 1 or fc ** (k - 1 + n) < ft**n * fb ** (k - 1)

    @pytest.mark.parametrize(
        ("c", "b", "t", "n", "k"),
        [
            (2, 1, 8, 1, 2),
            (4, 2, 32, 1, 3),
            (9, 1, 81, 2, 2),
            ("1.21", 1, "1.61051", 2, 3),
        ],
    )
    def test_ties(self, c: int | str, b: int, t: int | str, n: int, k: int) -> None:
        """A target reached exactly at a whole year counts that year."""
        found = _years_to_reach(Decimal(c), Decimal(b), Decimal(t), n)
        assert found == k


def _tidy(value: Decimal) -> Decimal:
    """The rate as growth_rate returns it: the same number without trailing zeros."""
    from bilat._roots import tidy

    return tidy(value)


def _terminates(value: Fraction) -> bool:
    """Whether ``value`` is a terminating decimal."""
    d = value.denominator
    for p in (2, 5):
        while d % p == 0:
            d //= p
    return d == 1


def _decimal(value: Fraction) -> Decimal | None:
    """A terminating fraction as a Decimal of at most 100 digits in range, else None."""
    if not _terminates(value):
        return None
    places = 0
    while (value * 10**places).denominator != 1:
        places += 1
    result = Decimal(f"{int(value * 10**places)}E-{places}")
    digits = len(result.as_tuple().digits)
    if digits > 100 or not Decimal("1E-100") <= result < Decimal("1E+100"):
        return None
    return result
