"""Tests for the charts: TradeTarget.plot and Portfolio.plot (matplotlib, Agg)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.container import BarContainer, ErrorbarContainer
from matplotlib.text import Annotation

from bilat import (
    CurrencyMismatchError,
    Estimate,
    ExchangeRates,
    MissingExtraError,
    Money,
    Portfolio,
    Project,
    Qualifier,
    TradeSeries,
    TradeTarget,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from matplotlib.axes import Axes
    from matplotlib.lines import Line2D


@pytest.fixture(autouse=True)
def close_figures() -> Iterator[None]:
    """Close every figure a test opened, so none piles up."""
    yield
    plt.close("all")


def usd(amount: str | int) -> Money:
    return Money(amount, "USD")


def series() -> TradeSeries:
    """Turnover reported by Kazakhstan: $3.9B in 2021, $4.4B in 2023."""
    return TradeSeries(
        ("KZ", "UZ"),
        "turnover",
        {2021: usd("3.9e9"), 2023: usd("4.4e9")},
        reporter="KZ",
    )


def lines(ax: Axes) -> dict[str, Line2D]:
    """The lines drawn, by legend label."""
    return {str(line.get_label()): line for line in ax.get_lines()}


def xy(line: Line2D) -> tuple[list[float], list[float]]:
    """A line's x and y data as lists of floats."""
    x: list[float] = np.asarray(line.get_xdata(), dtype=float).tolist()
    y: list[float] = np.asarray(line.get_ydata(), dtype=float).tolist()
    return x, y


class TestBackend:
    """The tests draw headless."""

    def test_agg(self) -> None:
        """matplotlib uses the Agg backend, which needs no display."""
        assert mpl.get_backend().lower() == "agg"


class TestTargetPlot:
    """TradeTarget.plot: actual, planned and projected paths, target and deadline."""

    def plot(self, deadline: int | None = 2030) -> Axes:
        target = TradeTarget(("KZ", "UZ"), usd("1e10"), deadline=deadline)
        return target.plot(series(), as_of=2024)

    def test_actual(self) -> None:
        """The series' values, as floats, labelled with the reporter."""
        x, y = xy(lines(self.plot())["actual (KZ)"])
        assert x == [2021, 2023]
        assert y == [3.9e9, 4.4e9]

    def test_planned(self) -> None:
        """From the base year's value to the target by the deadline, compounding."""
        x, y = xy(lines(self.plot())["planned from 2021"])
        assert x == list(range(2021, 2031))
        # 3.9e9 · (1e10 / 3.9e9)^(k/9), k = 0 … 9
        expected = [3.9e9 * (1e10 / 3.9e9) ** (k / 9) for k in range(10)]
        assert y == pytest.approx(expected, rel=1e-12)
        assert y[-1] == pytest.approx(1e10, rel=1e-12)

    def test_projected(self) -> None:
        """From the latest value to the deadline at the observed rate."""
        x, y = xy(lines(self.plot())["projected at the actual rate"])
        assert x == list(range(2023, 2031))
        # 4.4e9 · (4.4 / 3.9)^(k/2), k = 0 … 7
        expected = [4.4e9 * (4.4 / 3.9) ** (k / 2) for k in range(8)]
        assert y == pytest.approx(expected, rel=1e-12)

    def test_target_and_deadline(self) -> None:
        """The target is a horizontal line, the deadline a vertical one."""
        found = lines(self.plot())
        assert xy(found["target $10B"])[1] == [1e10, 1e10]
        assert xy(found["deadline 2030"])[0] == [2030, 2030]

    def test_title_and_axes(self) -> None:
        """The title gives the status; the y axis the currency, in compact amounts."""
        ax = self.plot()
        assert ax.get_title() == "KZ–UZ turnover as of 2024: off track"
        assert ax.get_xlabel() == "Year"
        assert ax.get_ylabel() == "Turnover (USD)"
        formatter = ax.yaxis.get_major_formatter()
        assert formatter(4.4e9, 0) == "$4.4B"
        assert formatter(1e10, 0) == "$10B"
        legend = ax.get_legend()
        assert legend is not None
        assert [t.get_text() for t in legend.get_texts()] == [
            "actual (KZ)",
            "planned from 2021",
            "projected at the actual rate",
            "target $10B",
            "deadline 2030",
        ]

    def test_no_deadline(self) -> None:
        """No deadline: no plan and no deadline line; projected until it is reached."""
        ax = self.plot(deadline=None)
        found = lines(ax)
        assert set(found) == {
            "actual (KZ)",
            "projected at the actual rate",
            "target $10B",
        }
        # 4.4·(4.4/3.9)^(k/2) ≥ 10 first for k = 14 (k > 2·ln(10/4.4)/ln(4.4/3.9) = 13.6)
        assert xy(found["projected at the actual rate"])[0] == list(range(2023, 2038))
        assert ax.get_title() == "KZ–UZ turnover as of 2024: no deadline"

    def test_achieved(self) -> None:
        """A series past the target says so in the title."""
        target = TradeTarget(("KZ", "UZ"), usd("4e9"), deadline=2030)
        ax = target.plot(series(), as_of=2024)
        assert ax.get_title() == "KZ–UZ turnover as of 2024: achieved"

    def test_as_of_cuts_the_series(self) -> None:
        """Years after as_of are not drawn, and nothing is projected from one year."""
        target = TradeTarget(("KZ", "UZ"), usd("1e10"), deadline=2030)
        found = lines(target.plot(series(), as_of=2022))
        assert xy(found["actual (KZ)"]) == ([2021], [3.9e9])
        assert "projected at the actual rate" not in found

    def test_converted(self) -> None:
        """A series in tenge is drawn in dollars at each year's end-of-year rate."""
        kzt = TradeSeries(
            ("KZ", "UZ"),
            "turnover",
            {2022: Money("2.3e12", "KZT"), 2023: Money("2.25e12", "KZT")},
        )
        rates = ExchangeRates.from_records(
            [("2022-12-30", "USD", "KZT", "460"), ("2023-12-29", "USD", "KZT", "450")]
        )
        target = TradeTarget(("KZ", "UZ"), usd("1e10"), deadline=2030)
        ax = target.plot(kzt, as_of=2024, rates=rates)
        # 2.3e12 / 460 = 2.25e12 / 450 = 5e9
        assert xy(lines(ax)["actual"]) == ([2022, 2023], [5e9, 5e9])
        assert ax.get_ylabel() == "Turnover (USD)"
        with pytest.raises(CurrencyMismatchError):
            target.plot(kzt, as_of=2024)

    def test_given_axes(self) -> None:
        """Given an Axes, the chart is drawn on it and no figure is opened."""
        _, ax = plt.subplots()
        before = plt.get_fignums()
        target = TradeTarget(("KZ", "UZ"), usd("1e10"), deadline=2030)
        assert target.plot(series(), ax, as_of=2024) is ax
        assert plt.get_fignums() == before
        assert "actual (KZ)" in lines(ax)


def kz_uz_portfolio() -> Portfolio:
    """The seed article's two lines of joint projects."""
    return Portfolio(
        [
            Project(
                "Joint projects",
                ["KZ", "UZ"],
                "underway",
                value=usd(156000000),
                count=12,
            ),
            Project(
                "Planned projects",
                ["KZ", "UZ"],
                "planned",
                value=Estimate(usd(1000000000), Qualifier.NEARLY),
                count=21,
            ),
        ]
    )


def bars(ax: Axes) -> list[float]:
    (container,) = [c for c in ax.containers if isinstance(c, BarContainer)]
    return [float(patch.get_height()) for patch in container.patches]


def ranges(ax: Axes) -> list[list[tuple[float, float]]]:
    """Each drawn range as its segment's two (x, y) ends."""
    found: list[list[tuple[float, float]]] = []
    for container in ax.containers:
        if isinstance(container, ErrorbarContainer):
            _, _, collections = container.lines
            found.extend(
                [(float(x), float(y)) for x, y in segment]
                for segment in collections[0].get_segments()
            )
    return found


class TestPortfolioPlot:
    """Portfolio.plot: a bar per status, estimates drawn as ranges."""

    def test_bars(self) -> None:
        """Planned then underway (the order of ProjectStatus), as high as their totals."""
        ax = kz_uz_portfolio().plot()
        assert bars(ax) == [1e9, 1.56e8]
        assert [t.get_text() for t in ax.get_xticklabels()] == [
            "planned\n21 projects",
            "underway\n12 projects",
        ]
        assert [t.get_text() for t in ax.texts] == ["nearly $1B", "$156M"]
        assert ax.get_title() == "Projects by status: 33 projects"
        assert ax.get_ylabel() == "Value (USD)"
        assert ax.yaxis.get_major_formatter()(2e8, 0) == "$200M"

    def test_estimate_range(self) -> None:
        """'nearly $1B' is drawn from $900M to $1B; exact Money has no range."""
        ax = kz_uz_portfolio().plot()
        assert ranges(ax) == [[(0.0, 9e8), (0.0, 1e9)]]
        legend = ax.get_legend()
        assert legend is not None
        assert [t.get_text() for t in legend.get_texts()] == ["range of the estimate"]
        exact = kz_uz_portfolio().where(status="underway").plot()
        assert ranges(exact) == []
        assert exact.get_legend() is None

    def test_label_above_range(self) -> None:
        """A range above its bar ('about $5M' up to $5.5M) has its label on top."""
        p = Portfolio(
            [Project("A", ["KZ"], "planned", value=Estimate.parse("about $5 million"))]
        )
        ax = p.plot()
        assert ranges(ax) == [[(0.0, 4.5e6), (0.0, 5.5e6)]]
        (label,) = ax.texts
        assert isinstance(label, Annotation)
        assert label.xy == (0, 5.5e6)

    def test_unvalued_group(self) -> None:
        """A status with no valued project has an empty bar that says so."""
        p = Portfolio(
            [
                Project("Road", ["KZ"], "underway", value=usd(5)),
                Project("Centre", ["KZ", "UZ"], "completed"),
            ]
        )
        ax = p.plot()
        assert bars(ax) == [5.0, 0.0]
        assert [t.get_text() for t in ax.texts] == ["$5", "value not stated"]
        assert ax.get_title() == "Projects by status: 2 projects"

    def test_nothing_valued(self) -> None:
        """Without any value the axis has no currency, unless one is given."""
        p = Portfolio([Project("Centre", ["KZ", "UZ"], "planned")])
        assert p.plot().get_ylabel() == "Value"
        assert p.plot(currency="EUR").get_ylabel() == "Value (EUR)"
        assert Portfolio([]).plot().get_title() == "Projects by status: 0 projects"

    def test_currencies(self) -> None:
        """Several currencies need rates; with them every bar is in one currency."""
        p = Portfolio(
            [
                Project("Road", ["KZ"], "underway", value=usd(100)),
                Project("Plant", ["UZ"], "planned", value=Money("52511", "KZT")),
            ]
        )
        with pytest.raises(CurrencyMismatchError):
            p.plot()
        rates = ExchangeRates.from_records([("2025-01-02", "USD", "KZT", "525.11")])
        ax = p.plot(currency="USD", rates=rates)
        # 52511 / 525.11 = 100
        assert bars(ax) == [100.0, 100.0]
        assert ax.get_ylabel() == "Value (USD)"

    def test_given_axes(self) -> None:
        """Given an Axes, the chart is drawn on it and no figure is opened."""
        _, ax = plt.subplots()
        before = plt.get_fignums()
        assert kz_uz_portfolio().plot(ax) is ax
        assert plt.get_fignums() == before


CALLS: dict[str, Callable[[], object]] = {
    "TradeTarget.plot()": lambda: TradeTarget(("KZ", "UZ"), usd("1e10")).plot(
        series(), as_of=2024
    ),
    "Portfolio.plot()": lambda: kz_uz_portfolio().plot(),
}


class TestMismatchHint:
    """A chart in two currencies names the plot() call that fixes it."""

    def test_portfolio_without_currency_or_rates(self) -> None:
        """Portfolio.plot() asks for currency= and rates= of plot, not total."""
        p = Portfolio(
            [
                Project("Road", ["KZ"], "underway", value=usd(100)),
                Project("Plant", ["UZ"], "planned", value=Money("52511", "KZT")),
            ]
        )
        with pytest.raises(CurrencyMismatchError) as info:
            p.plot()
        assert str(info.value).endswith(
            "(pass currency= and rates= to Portfolio.plot(): "
            "plot(currency='USD', rates=rates))"
        )
        assert (info.value.left, info.value.right) == ("USD", "KZT")

    def test_portfolio_without_rates(self) -> None:
        """With currency= given, only rates= is asked for, in that currency."""
        p = Portfolio([Project("Plant", ["UZ"], "planned", value=Money("1", "KZT"))])
        with pytest.raises(CurrencyMismatchError) as info:
            p.plot(currency="EUR")
        assert str(info.value).endswith(
            "(pass rates= to Portfolio.plot(): plot(currency='EUR', rates=rates))"
        )

    def test_target(self) -> None:
        """TradeTarget.plot() of a series in another currency asks rates= of plot."""
        target = TradeTarget(("KZ", "UZ"), usd("1e10"), deadline=2030)
        kzt = TradeSeries(("KZ", "UZ"), "turnover", {2023: Money("2e12", "KZT")})
        with pytest.raises(CurrencyMismatchError) as info:
            target.plot(kzt, as_of=2024)
        assert str(info.value).endswith("(pass rates= to TradeTarget.plot())")
        assert (info.value.left, info.value.right) == ("KZT", "USD")


class TestWithoutMatplotlib:
    """Without matplotlib, each chart names the extra to install."""

    @pytest.mark.parametrize("feature", sorted(CALLS))
    def test_missing_extra(self, feature: str, monkeypatch: pytest.MonkeyPatch) -> None:
        """MissingExtraError (an ImportError) says pip install 'bilat[plot]'."""
        monkeypatch.setitem(sys.modules, "matplotlib", None)
        monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
        with pytest.raises(
            MissingExtraError, match=r"pip install 'bilat\[plot\]'"
        ) as e:
            CALLS[feature]()
        assert isinstance(e.value, ImportError)
        assert e.value.extra == "plot"
        assert e.value.package == "matplotlib"
        assert e.value.feature == feature
