"""Tests for the charts: targets, the atlas dashboard, portfolios, timelines, completion.

Every chart is drawn headless (Agg) and checked against figures worked
out here by hand: what each line, bar and marker holds, where the text is,
and that the words and numbers are in the chart's locale.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import math
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from matplotlib.collections import PolyCollection
from matplotlib.container import BarContainer, ErrorbarContainer
from matplotlib.patches import Rectangle
from matplotlib.text import Annotation
from tests.strategies import portfolios, trade_series, trade_targets

import bilat
from bilat import (
    Q_,
    Atlas,
    Claim,
    CurrencyMismatchError,
    Dossier,
    Estimate,
    ExchangeRates,
    InvalidOptionError,
    MissingExtraError,
    Money,
    Portfolio,
    ProgressUpdate,
    Project,
    Qualifier,
    Series,
    Source,
    Target,
    TradeSeries,
    TradeTarget,
    ValidationError,
    examples,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D


@pytest.fixture(autouse=True)
def close_figures() -> Iterator[None]:
    """Close every figure a test opened, so none piles up."""
    yield
    plt.close("all")


def date2num(day: dt.date) -> float:
    """A date as matplotlib's number of days since 1970-01-01, worked out by hand."""
    return float((day - dt.date(1970, 1, 1)).days)


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


def legend_texts(ax: Axes) -> list[str]:
    legend = ax.get_legend()
    assert legend is not None
    return [t.get_text() for t in legend.get_texts()]


def figure(ax: Axes) -> Figure:
    fig = ax.get_figure()
    assert fig is not None
    return fig  # type: ignore[return-value]


def png(ax: Axes) -> bytes:
    """The chart saved with a plain savefig, as PNG bytes."""
    out = io.BytesIO()
    figure(ax).savefig(out, format="png")
    return out.getvalue()


def words(ax: Axes) -> list[str]:
    """Every piece of text a chart shows: title, labels, legend, annotations."""
    found = [ax.get_title(), ax.get_xlabel(), ax.get_ylabel()]
    found += [t.get_text() for t in ax.texts]
    found += [t.get_text() for t in ax.get_xticklabels() + ax.get_yticklabels()]
    legend = ax.get_legend()
    if legend is not None:
        found += [t.get_text() for t in legend.get_texts()]
    return [w for w in found if w]


class TestBackend:
    """The tests draw headless."""

    def test_agg(self) -> None:
        """matplotlib uses the Agg backend, which needs no display."""
        assert mpl.get_backend().lower() == "agg"


class TestTargetPlot:
    """TradeTarget.plot: actual, planned and projected paths, target, deadline, as of."""

    def plot(self, deadline: int | None = 2030) -> Axes:
        target = TradeTarget(("KZ", "UZ"), usd("1e10"), deadline=deadline)
        return target.plot(series(), as_of=2024)

    def test_actual(self) -> None:
        """The series' values, as floats, labelled with the reporter's name."""
        x, y = xy(lines(self.plot())["figures used (Kazakhstan)"])
        assert x == [2021, 2023]
        assert y == [3.9e9, 4.4e9]

    def test_planned(self) -> None:
        """From the base year's value to the target by the deadline, compounding."""
        x, y = xy(lines(self.plot())["planned path from 2021"])
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

    def test_target_deadline_and_as_of(self) -> None:
        """The target is a horizontal line; the deadline and as_of vertical ones."""
        found = lines(self.plot())
        assert xy(found["target $10B"])[1] == [1e10, 1e10]
        assert xy(found["deadline 2030"])[0] == [2030, 2030]
        assert xy(found["as of 2024"])[0] == [2024, 2024]

    def test_y_from_zero(self) -> None:
        """The value axis starts at zero and reaches above the target."""
        bottom, top = self.plot().get_ylim()
        assert bottom == 0
        assert top > 1e10

    def test_title_and_axes(self) -> None:
        """The title names the countries and the status; the y axis the currency."""
        ax = self.plot()
        assert (
            ax.get_title() == "Kazakhstan–Uzbekistan: Turnover\noff track, as of 2024"
        )
        assert ax.get_xlabel() == "Year"
        assert ax.get_ylabel() == "Turnover, USD"
        formatter = ax.yaxis.get_major_formatter()
        assert formatter(4.4e9, 0) == "$4.4B"
        assert formatter(1e10, 0) == "$10B"
        assert legend_texts(ax) == [
            "figures used (Kazakhstan)",
            "planned path from 2021",
            "projected at the actual rate",
            "target $10B",
            "deadline 2030",
            "as of 2024",
        ]

    def test_locale(self) -> None:
        """In Russian: names, words and compact amounts as CLDR writes them."""
        target = TradeTarget(("KZ", "UZ"), usd("1e10"), deadline=2030)
        ax = target.plot(series(), as_of=2024, locale="ru")
        assert ax.get_title() == (
            "Казахстан–Узбекистан: Товарооборот\nотставание (по состоянию на 2024 г.)"
        )
        assert ax.get_xlabel() == "Год"
        assert ax.get_ylabel() == "Товарооборот, USD"
        ten = "10\xa0млрд\xa0$"  # CLDR's Russian compact form, no-break spaces
        assert ax.yaxis.get_major_formatter()(1e10, 0) == ten
        assert legend_texts(ax) == [
            "принятые значения (Казахстан)",
            "плановая траектория с 2021 г.",
            "прогноз при фактическом темпе",
            f"цель {ten}",
            "срок 2030",
            "по состоянию на 2024 г.",
        ]

    def test_no_deadline(self) -> None:
        """No deadline: no plan and no deadline line; projected until it is reached."""
        ax = self.plot(deadline=None)
        found = lines(ax)
        assert set(found) == {
            "figures used (Kazakhstan)",
            "projected at the actual rate",
            "target $10B",
            "as of 2024",
        }
        # 4.4·(4.4/3.9)^(k/2) ≥ 10 first for k = 14 (k > 2·ln(10/4.4)/ln(4.4/3.9) = 13.6)
        assert xy(found["projected at the actual rate"])[0] == list(range(2023, 2038))
        assert ax.get_title().endswith("\nno deadline, as of 2024")

    def test_achieved(self) -> None:
        """A series past the target says so in the title."""
        target = TradeTarget(("KZ", "UZ"), usd("4e9"), deadline=2030)
        ax = target.plot(series(), as_of=2024)
        assert ax.get_title().endswith("\nachieved, as of 2024")

    def test_as_of_cuts_the_series(self) -> None:
        """Years after as_of are not drawn, and nothing is projected from one year."""
        target = TradeTarget(("KZ", "UZ"), usd("1e10"), deadline=2030)
        found = lines(target.plot(series(), as_of=2022))
        assert xy(found["figures used (Kazakhstan)"]) == ([2021], [3.9e9])
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
        assert xy(lines(ax)["figures used"]) == ([2022, 2023], [5e9, 5e9])
        assert ax.get_ylabel() == "Turnover, USD"
        with pytest.raises(CurrencyMismatchError):
            target.plot(kzt, as_of=2024)

    def test_given_axes(self) -> None:
        """Given an Axes, the chart is drawn on it and no figure is opened."""
        _, ax = plt.subplots()
        before = plt.get_fignums()
        target = TradeTarget(("KZ", "UZ"), usd("1e10"), deadline=2030)
        assert target.plot(series(), ax, as_of=2024) is ax
        assert plt.get_fignums() == before
        assert "figures used (Kazakhstan)" in lines(ax)


class TestProjectionBand:
    """An estimated base or latest value widens the projection into a band."""

    def test_band_edges(self) -> None:
        """'about $4B' (3.6–4.4) in 2021 and $5B in 2023: the band's ends in 2030."""
        s = TradeSeries(
            ("KZ", "UZ"),
            "turnover",
            {2021: Estimate(usd("4e9"), Qualifier.ABOUT), 2023: usd("5e9")},
        )
        ax = TradeTarget(("KZ", "UZ"), usd("1e10"), deadline=2030).plot(s, as_of=2023)
        (band,) = [c for c in ax.collections if isinstance(c, PolyCollection)]
        assert band.get_label() == "range of the projection (estimates)"
        points = np.asarray(band.get_paths()[0].vertices, dtype=float).tolist()
        at_deadline = sorted(y for x, y in points if x == 2030)
        # slowest: 5·(5/4.4)^(7/2); fastest: 5·(5/3.6)^(7/2) (billions)
        slow, fast = 5e9 * (5 / 4.4) ** 3.5, 5e9 * (5 / 3.6) ** 3.5
        assert at_deadline[0] == pytest.approx(slow, rel=1e-9)
        assert at_deadline[-1] == pytest.approx(fast, rel=1e-9)

    def test_exact_values_have_no_band(self) -> None:
        """Exact values give a single projected line, no band."""
        ax = TradeTarget(("KZ", "UZ"), usd("1e10"), deadline=2030).plot(
            series(), as_of=2024
        )
        assert not [c for c in ax.collections if isinstance(c, PolyCollection)]


def claims() -> list[Claim]:
    """Two claims on 2022 that disagree, one on 2021, and one on exports."""
    return [
        Claim("turnover", 2021, "$3.9 bn", Source("MENAFN"), parties=("KZ", "UZ")),
        Claim("turnover", 2022, "$4.6 bn", Source("MENAFN"), parties=("KZ", "UZ")),
        Claim(
            "turnover",
            2022,
            "$5.0 bn",
            Source("Kazinform"),
            parties=("UZ", "KZ"),
            said_by="KZ",
        ),
        Claim("exports", 2022, "$1 bn", Source("X"), parties=("KZ", "UZ")),
    ]


def errorbars(ax: Axes) -> dict[str, ErrorbarContainer]:
    return {
        str(c.get_label()): c for c in ax.containers if isinstance(c, ErrorbarContainer)
    }


def ranges(container: ErrorbarContainer) -> list[float]:
    """Each drawn range's low and high y values, one after the other."""
    _, _, collections = container.lines
    return [
        float(end[1]) for segment in collections[0].get_segments() for end in segment
    ]


class TestClaims:
    """Stated figures are drawn as ranges, by who stated them, conflicts shaded."""

    def plot(self) -> Axes:
        target = TradeTarget(("KZ", "UZ"), usd("1e10"), deadline=2030)
        return target.plot(series(), as_of=2024, claims=claims())

    def test_groups(self) -> None:
        """One group per speaker; the claim on exports is left out."""
        found = errorbars(self.plot())
        assert set(found) == {"stated by Kazakhstan", "stated by other sources"}

    def test_ranges(self) -> None:
        """'$5.0 bn' spans 4.95–5.05 bn, what its written precision allows."""
        found = errorbars(self.plot())
        assert ranges(found["stated by Kazakhstan"]) == pytest.approx([4.95e9, 5.05e9])
        assert ranges(found["stated by other sources"]) == pytest.approx(
            [3.85e9, 3.95e9, 4.55e9, 4.65e9]
        )

    def test_conflict_shaded(self) -> None:
        """The year whose figures disagree (2022) is shaded and named once."""
        ax = self.plot()
        spans = [
            p for p in ax.patches if p.get_label() == "years whose figures disagree"
        ]
        (span,) = spans
        assert isinstance(span, Rectangle)
        left, width = span.get_x(), span.get_width()
        assert (left, left + width) == pytest.approx((2021.6, 2022.4))

    def test_claims_after_as_of(self) -> None:
        """Claims on years after as_of are not drawn."""
        target = TradeTarget(("KZ", "UZ"), usd("1e10"), deadline=2030)
        ax = target.plot(series(), as_of=2021, claims=claims())
        assert set(errorbars(ax)) == {"stated by other sources"}
        assert "years whose figures disagree" not in legend_texts(ax)


def railway() -> Target:
    return Target(("KZ", "UZ"), Q_("152 km"), deadline=2026, subject="railway: length")


class TestQuantityTarget:
    """Target.plot on a quantity: the axis in the target's unit, from zero."""

    def test_in_the_targets_unit(self) -> None:
        """Metres are drawn as kilometres; the target line is at 152."""
        track = Series(
            ("KZ", "UZ"), "railway: length", {2024: Q_("60000 m"), 2025: Q_("106 km")}
        )
        ax = railway().plot(track, as_of=2025)
        assert xy(lines(ax)["figures used"]) == ([2024, 2025], [60.0, 106.0])
        assert xy(lines(ax)["target 152 km"])[1] == [152.0, 152.0]
        assert ax.get_ylabel() == "Railway: length, km"
        assert ax.get_ylim()[0] == 0
        assert ax.yaxis.get_major_formatter()(100.0, 0) == "100"

    def test_subject_as_written(self) -> None:
        """A subject that is not a trade metric is shown as written, in any locale."""
        target = Target(("KZ", "UZ"), 100, deadline=2030, subject="status")
        wells = Series(("KZ", "UZ"), "status", {2024: 69, 2025: 78})
        ax = target.plot(wells, as_of=2025, locale="ru")
        assert ax.get_title().startswith("Казахстан–Узбекистан: Status\n")
        assert ax.get_ylabel() == "Status"

    def test_date_as_of(self) -> None:
        """A date as_of marks its year."""
        ax = railway().plot(
            Series(("KZ", "UZ"), "railway: length", {2025: Q_("106 km")}),
            as_of="2025-06-30",
        )
        assert xy(lines(ax)["as of 2025"])[0] == [2025, 2025]

    def test_bundled_railway(self) -> None:
        """The bundled dossier's railway target draws its one figure, 106 km."""
        dossier = examples.kazakhstan_uzbekistan()
        target = dossier.targets[2]
        (track,) = [s for s in dossier.all_series() if s.subject == target.subject]
        assert isinstance(target, Target)
        ax = target.plot(track, as_of=2025, claims=dossier.claims, locale="ru")
        assert xy(lines(ax)["принятые значения"]) == ([2025], [106.0])
        assert ax.get_title().startswith("Казахстан–Узбекистан: ")


class TestAtlasPlot:
    """Atlas.plot: one bullet per target, share against time elapsed."""

    def plot(self, locale: str = "en") -> Axes:
        return Atlas([examples.kazakhstan_uzbekistan()]).plot(as_of=2025, locale=locale)

    def test_bars(self) -> None:
        """The bars are the shares: 4.97/10 twice, then 106/152 km."""
        ax = self.plot()
        widths = [float(p.get_width()) for p in ax.patches]  # type: ignore[attr-defined]
        assert widths == pytest.approx([0.497, 0.497, 106 / 152])

    def test_colours_and_legend(self) -> None:
        """One colour per status present, named in the legend."""
        ax = self.plot()
        colours = {p.get_facecolor() for p in ax.patches}
        assert len(colours) == 3
        assert legend_texts(ax) == [
            "share of time elapsed",
            "no deadline",
            "needs acceleration",
            "insufficient data",
        ]

    def test_time_elapsed(self) -> None:
        """The 2030 target from 2017, read in 2025: 8 of 13 years gone.

        The railway (2025 to 2026, its one figure of 2025) has none gone; the
        target without a deadline has no tick.
        """
        ticks = [ln for ln in self.plot().get_lines() if ln.get_linewidth() == 2.5]
        assert [xy(t)[0] for t in ticks] == [
            pytest.approx([8 / 13, 8 / 13]),
            [0.0, 0.0],
        ]

    def test_not_measured(self) -> None:
        """A target no series measures says so in its row."""
        lonely = Dossier(
            "KZ–KG",
            ["KZ", "KG"],
            targets=[TradeTarget(("KZ", "KG"), usd("1e9"), deadline=2030)],
        )
        ax = Atlas([lonely]).plot(as_of=2025)
        assert "not measured: no series of these parties and metric" in words(ax)
        assert legend_texts(ax) == ["not measured"]

    def test_locale(self) -> None:
        """In Russian the title, the axis, the rows and the percentages are Russian."""
        ax = self.plot("ru")
        assert ax.get_title() == "Цели: выполнение и прошедшее время на 2025 г."
        assert "Казахстан–Узбекистан: Товарооборот (10\xa0млрд\xa0$, 2030)" in words(ax)
        assert ax.xaxis.get_major_formatter()(0.5, 0) == "50\xa0%"


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
                sector="industry",
            ),
            Project(
                "Planned projects",
                ["KZ", "UZ"],
                "planned",
                value=Estimate(usd(1000000000), Qualifier.NEARLY),
                count=21,
                sector="Industry",
            ),
            Project("Heritage", ["KZ", "UZ"], "planned", sector="culture"),
        ]
    )


def bars(ax: Axes) -> list[float]:
    (container,) = [c for c in ax.containers if isinstance(c, BarContainer)]
    return [float(patch.get_height()) for patch in container.patches]


def bar_ranges(ax: Axes) -> list[list[tuple[float, float]]]:
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
    """Portfolio.plot: a bar per status (or sector), estimates drawn as ranges."""

    def test_bars(self) -> None:
        """Planned then underway (the order of ProjectStatus), as high as their totals."""
        ax = kz_uz_portfolio().plot()
        assert bars(ax) == [1e9, 1.56e8]
        assert [t.get_text() for t in ax.get_xticklabels()] == [
            "planned\nprojects: 22",
            "underway\nprojects: 12",
        ]
        assert [t.get_text() for t in ax.texts] == ["nearly $1B", "$156M"]
        assert ax.get_title() == "Projects by status"
        assert ax.get_ylabel() == "Value, USD"
        assert ax.yaxis.get_major_formatter()(2e8, 0) == "$200M"
        assert ax.get_ylim()[0] == 0

    def test_one_bar_per_status_present(self) -> None:
        """As many bars as statuses present, each in its status' colour."""
        ax = kz_uz_portfolio().where(status="underway").plot()
        assert bars(ax) == [1.56e8]

    def test_by_sector(self) -> None:
        """Sectors compare without case, alphabetically; the totals add up."""
        ax = kz_uz_portfolio().plot(by="sector")
        # culture: not valued; industry: $156M + nearly $1B = nearly $1.156B
        assert bars(ax) == [0.0, 1.156e9]
        ticks = [t.get_text() for t in ax.get_xticklabels()]
        assert ticks == ["culture\nprojects: 1", "industry\nprojects: 33"]
        assert ax.get_title() == "Projects by sector"
        assert ax.get_xlabel() == "Sector"
        # the range of 'nearly $1B' (0.9–1B) plus the exact $156M
        assert bar_ranges(ax) == [[(1.0, 1.056e9), (1.0, 1.156e9)]]

    def test_unknown_grouping(self) -> None:
        """Grouping by anything else names the choices."""
        with pytest.raises(InvalidOptionError, match="'sector', 'status'"):
            kz_uz_portfolio().plot(by="country")  # type: ignore[arg-type]

    def test_estimate_range(self) -> None:
        """'nearly $1B' is drawn from $900M to $1B; exact Money has no range."""
        ax = kz_uz_portfolio().plot()
        assert bar_ranges(ax) == [[(0.0, 9e8), (0.0, 1e9)]]
        assert legend_texts(ax) == ["range of the estimate"]
        exact = kz_uz_portfolio().where(status="underway").plot()
        assert bar_ranges(exact) == []
        assert exact.get_legend() is None

    def test_label_above_range(self) -> None:
        """A range above its bar ('about $5M' up to $5.5M) has its label on top."""
        p = Portfolio(
            [Project("A", ["KZ"], "planned", value=Estimate.parse("about $5 million"))]
        )
        ax = p.plot()
        assert bar_ranges(ax) == [[(0.0, 4.5e6), (0.0, 5.5e6)]]
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

    def test_nothing_valued(self) -> None:
        """Without any value the axis has no currency, unless one is given."""
        p = Portfolio([Project("Centre", ["KZ", "UZ"], "planned")])
        assert p.plot().get_ylabel() == "Value"
        assert p.plot(currency="EUR").get_ylabel() == "Value, EUR"
        assert Portfolio([]).plot().get_title() == "Projects by status"

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
        assert ax.get_ylabel() == "Value, USD"

    def test_locale(self) -> None:
        """In Russian the ticks, bars' labels and axis are Russian, amounts CLDR's."""
        ax = kz_uz_portfolio().plot(locale="ru")
        assert [t.get_text() for t in ax.get_xticklabels()] == [
            "планируется\nпроекты: 22",
            "реализуется\nпроекты: 12",
        ]
        assert ax.get_ylabel() == "Стоимость, USD"
        assert ax.yaxis.get_major_formatter()(2e8, 0) == "200\xa0млн\xa0$"

    def test_given_axes(self) -> None:
        """Given an Axes, the chart is drawn on it and no figure is opened."""
        _, ax = plt.subplots()
        before = plt.get_fignums()
        assert kz_uz_portfolio().plot(ax) is ax
        assert plt.get_fignums() == before


def rail_project(**kwargs: object) -> Project:
    return Project(
        "Railway",
        ["KZ", "UZ"],
        "underway",
        start="2023-11-27",
        end=2026,
        measures={"length": "152 km"},
        updates=[
            ProgressUpdate("2024-12-01", "length", "60000 m"),
            ProgressUpdate("2025-11-25", "length", "106 km"),
        ],
        **kwargs,  # type: ignore[arg-type]
    )


class TestTimeline:
    """Portfolio.plot_timeline: spans, updates with their share done, as of."""

    def plot(self, as_of: str | None = "2025-06-30") -> Axes:
        p = Portfolio(
            [
                rail_project(),
                Project("Centre", ["KZ", "UZ"], "planned", end=2027),
                Project("Research", ["KZ", "UZ"], "planned"),
            ]
        )
        return p.plot_timeline(as_of=as_of)

    def test_span(self) -> None:
        """The railway's bar runs from its start to the middle of its end year."""
        ax = self.plot()
        (bar,) = ax.patches
        left = date2num(dt.date(2023, 11, 27))
        assert bar.get_x() == pytest.approx(left)  # type: ignore[attr-defined]
        width = date2num(dt.date(2026, 7, 2)) - left
        assert bar.get_width() == pytest.approx(width)  # type: ignore[attr-defined]

    def test_updates_by_as_of(self) -> None:
        """Only the update dated by as_of shows, with its share: 60 of 152 km."""
        ax = self.plot()
        assert xy(lines(ax)["progress update"])[0] == [date2num(dt.date(2024, 12, 1))]
        assert "length: 39%" in words(ax)  # 60 / 152 = 0.395
        assert (
            xy(lines(ax)["as of June 30, 2025"])[0]
            == [date2num(dt.date(2025, 6, 30))] * 2
        )

    def test_rows_and_undated(self) -> None:
        """Dated projects are rows; the title counts those left out."""
        ax = self.plot(as_of=None)
        assert ax.get_title() == "Project timelines\nwithout dates, not shown: 1"
        assert [t.get_text() for t in ax.texts][-2:] == ["Railway", "Centre"]
        assert not [
            ln for ln in ax.get_lines() if str(ln.get_label()).startswith("as of")
        ]

    def test_locale(self) -> None:
        """In Kazakh the title and legend are not English."""
        english = self.plot()
        kazakh = self.plot_in("kk")
        assert kazakh.get_title() == "Жобалардың мерзімдері\nкүні жоқ, көрсетілмеген: 1"
        assert kazakh.get_xlabel() == "Жыл"
        assert not set(legend_texts(kazakh)) & set(legend_texts(english))

    def plot_in(self, locale: str) -> Axes:
        p = Portfolio(
            [
                rail_project(),
                Project("Centre", ["KZ", "UZ"], "planned", end=2027),
                Project("Research", ["KZ", "UZ"], "planned"),
            ]
        )
        return p.plot_timeline(as_of="2025-06-30", locale=locale)


class TestCompletion:
    """Project.plot: how much of a measure was done, from zero at the start."""

    def test_points(self) -> None:
        """Zero at the start, then 60 and 106 km, against 152 km planned."""
        ax = rail_project().plot()
        x, y = xy(lines(ax)["progress update"])
        assert y == [0.0, 60.0, 106.0]
        assert x == [
            date2num(dt.date(2023, 11, 27)),
            date2num(dt.date(2024, 12, 1)),
            date2num(dt.date(2025, 11, 25)),
        ]
        assert xy(lines(ax)["planned 152 km"])[1] == [152.0, 152.0]
        assert ax.get_ylim()[0] == 0
        assert ax.get_ylabel() == "length done, km"
        assert ax.get_title() == "Railway: length\n70% done, as of November 25, 2025"

    def test_as_of(self) -> None:
        """An update after as_of is left out and a line marks the day."""
        ax = rail_project().plot(as_of="2025-01-01")
        assert xy(lines(ax)["progress update"])[1] == [0.0, 60.0]
        assert (
            xy(lines(ax)["as of January 1, 2025"])[0]
            == [date2num(dt.date(2025, 1, 1))] * 2
        )

    def test_share_axis(self) -> None:
        """The right axis reads the share of the plan: 76 km is 50 %."""
        ax = rail_project().plot(locale="ru")
        (secondary,) = ax.child_axes
        formatter = secondary.yaxis.get_major_formatter()
        assert formatter(0.5, 0) == "50\xa0%"
        assert secondary.get_ylabel() == "Доля выполнения"

    def test_no_measures(self) -> None:
        """A project without measures cannot be drawn, and the error says why."""
        with pytest.raises(ValidationError, match="has no measures"):
            Project("Centre", ["KZ"], "planned").plot()


def every_chart(locale: str) -> dict[str, Axes]:
    """Each chart of the bundled dossier in ``locale``."""
    from bilat._target import match_series

    dossier = examples.kazakhstan_uzbekistan()
    charts: dict[str, Axes] = {}
    for i, (target, found) in enumerate(
        match_series(dossier.targets, dossier.all_series())
    ):
        charts[f"target {i}"] = target.plot(
            found[0], as_of="2025-12-31", claims=dossier.claims, locale=locale
        )
    charts["atlas"] = Atlas([dossier]).plot(as_of="2025-12-31", locale=locale)
    charts["status"] = dossier.portfolio.plot(locale=locale)
    charts["sector"] = dossier.portfolio.plot(by="sector", locale=locale)
    charts["timeline"] = dossier.portfolio.plot_timeline(
        as_of="2025-12-31", locale=locale
    )
    charts["completion"] = dossier.projects[0].plot(
        measure="length", as_of="2025-12-31", locale=locale
    )
    return charts


ENGLISH = re.compile(
    r"\b(figures|planned|projected|target|deadline|as of|stated|Projects|Value|"
    r"Year|Date|Share|share|range|progress|timelines|done|Turnover|Targets)\b"
)


class TestRendering:
    """Every chart of the bundled dossier saves to PNG, text inside the figure."""

    @pytest.mark.parametrize("locale", ["en", "ru"])
    def test_png_without_clipping(self, locale: str) -> None:
        """A plain savefig writes a PNG; no title, label or legend crosses the edge."""
        for name, ax in every_chart(locale).items():
            data = png(ax)
            assert data.startswith(b"\x89PNG"), name
            fig = figure(ax)
            renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
            edge = fig.bbox
            texts = [ax.title, ax.xaxis.label, ax.yaxis.label, *ax.texts]
            legend = ax.get_legend()
            boxes = [t.get_window_extent(renderer) for t in texts if t.get_text()]
            if legend is not None:
                boxes.append(legend.get_window_extent(renderer))
            for box in boxes:
                assert box.x0 >= -1, name
                assert box.y0 >= -1, name
                assert box.x1 <= edge.x1 + 1, name
                assert box.y1 <= edge.y1 + 1, name

    def test_legend_beside_the_data(self) -> None:
        """The target chart's legend lies outside the plotting area."""
        ax = every_chart("en")["target 1"]
        png(ax)
        legend = ax.get_legend()
        assert legend is not None
        renderer = figure(ax).canvas.get_renderer()  # type: ignore[attr-defined]
        assert legend.get_window_extent(renderer).x0 >= ax.get_window_extent().x1

    @pytest.mark.parametrize("locale", ["ru", "kk", "uz"])
    def test_no_english(self, locale: str) -> None:
        """Titles, axes and legends in other locales hold no English label word."""
        for name, ax in every_chart(locale).items():
            shown = [ax.get_title(), ax.get_xlabel(), ax.get_ylabel()]
            shown += legend_texts(ax) if ax.get_legend() is not None else []
            for text in shown:
                # the dossier's own words (project and subject names) are data
                ours = text.replace("Darbaza–Maktaaral railway", "")
                assert not ENGLISH.search(ours), (name, text)


class TestEmpty:
    """Charts of nothing draw empty, without a warning."""

    def test_empty_atlas(self) -> None:
        """An atlas of no dossier draws no bar."""
        ax = Atlas([]).plot(as_of=2025)
        assert png(ax).startswith(b"\x89PNG")
        assert len(ax.patches) == 0

    def test_undated_portfolio(self) -> None:
        """A portfolio with no dated project draws no row and says how many."""
        ax = Portfolio([Project("X", ["KZ"], "planned")]).plot_timeline()
        assert png(ax).startswith(b"\x89PNG")
        assert ax.get_title() == "Project timelines\nwithout dates, not shown: 1"

    def test_no_update(self) -> None:
        """A measure with no update yet draws its plan and says nothing is reported."""
        project = Project("X", ["KZ"], "planned", measures={"length": "10 km"})
        ax = project.plot()
        assert png(ax).startswith(b"\x89PNG")
        assert ax.get_title() == "X: length\nno progress reported"
        assert xy(lines(ax)["planned 10 km"])[1] == [10.0, 10.0]


class TestLaws:
    """What every chart holds, for any value the strategies draw."""

    @settings(
        max_examples=15,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(st.data())
    def test_target_lines(self, data: st.DataObject) -> None:
        """The figures drawn are the series' up to as_of; the target line is at its value."""
        s = data.draw(trade_series())
        target = data.draw(trade_targets(s))
        as_of = data.draw(st.integers(1990, 2040))
        ax = target.plot(s, as_of=as_of)
        try:
            drawn = xy(next(ln for ln in ax.get_lines() if ln.get_marker() == "o"))
            kept = [y for y in s.years if y <= as_of]
            assert drawn[0] == kept
            stated = [s.values[y] for y in kept]
            assert drawn[1] == [
                float((v.value if isinstance(v, Estimate) else v).amount)
                for v in stated
            ]
            goal = (
                target.value.value
                if isinstance(target.value, Estimate)
                else target.value
            )
            (line,) = [
                ln for ln in ax.get_lines() if str(ln.get_label()).startswith("target ")
            ]
            assert xy(line)[1] == [float(goal.amount)] * 2
            assert ax.get_ylim()[0] == 0
        finally:
            plt.close(figure(ax))

    @settings(max_examples=15, deadline=None)
    @given(portfolios())
    def test_bars_add_up(self, portfolio: Portfolio) -> None:
        """One bar per status present; the bars add up to the portfolio's total."""
        ax = portfolio.plot()
        try:
            heights = bars(ax)
            assert len(heights) == len({p.status for p in portfolio})
            if len(portfolio.unvalued) < len(portfolio):
                total = portfolio.total()
                stated = total.value if isinstance(total, Estimate) else total
                assert sum(heights) == pytest.approx(float(stated.amount), rel=1e-9)
        finally:
            plt.close(figure(ax))


EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


class TestNotebooksDraw:
    """Every example notebook draws one of bilat's charts (test_notebooks runs them)."""

    @pytest.mark.parametrize(
        "path", sorted(EXAMPLES.glob("*.ipynb")), ids=lambda p: p.name
    )
    def test_draws(self, path: Path) -> None:
        """A code cell calls a plot method and shows the figure."""
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        code = ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
        assert any(
            re.search(r"\.plot(_timeline)?\(", c) and "plt.show()" in c for c in code
        )


CALLS: dict[str, Callable[[], object]] = {
    "TradeTarget.plot()": lambda: TradeTarget(("KZ", "UZ"), usd("1e10")).plot(
        series(), as_of=2024
    ),
    "Target.plot()": lambda: railway().plot(
        Series(("KZ", "UZ"), "railway: length", {2025: Q_("106 km")}), as_of=2025
    ),
    "Portfolio.plot()": lambda: kz_uz_portfolio().plot(),
    "Portfolio.plot_timeline()": lambda: kz_uz_portfolio().plot_timeline(),
    "Project.plot()": lambda: rail_project().plot(),
    "Atlas.plot()": lambda: Atlas([examples.kazakhstan_uzbekistan()]).plot(as_of=2025),
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


class TestPathPastFloatRange:
    """A planned or projected path past what matplotlib can scale is left undrawn."""

    def test_overflow(self) -> None:
        """Points beyond 1e200 are NaN (matplotlib leaves them out), also when the power overflows."""
        from bilat._present.plots import _path

        points = _path(1e189, 99.0, 7)  # 1e189 · 100^k passes 1e200 at k = 6
        assert len(points) == 8
        assert all(math.isfinite(p) for p in points[:6])
        assert all(math.isnan(p) for p in points[6:])
        growth = _path(1.0, 1e10 - 1, 40)  # (1e10)^40 overflows the power itself
        assert growth[0] == 1.0
        assert math.isnan(growth[40])


class TestNothingLeftOpen:
    """A chart that fails leaves no pyplot figure open; a bad ax is a BilatError."""

    def test_failed_charts_close_their_figures(self) -> None:
        """A currency mismatch and a project without measures open no lasting figure."""
        target = bilat.TradeTarget(("KZ", "UZ"), bilat.Money(10, "USD"), deadline=2030)
        euros = bilat.TradeSeries(
            ("KZ", "UZ"),
            "turnover",
            {2021: bilat.Money(1, "EUR"), 2023: bilat.Money(2, "EUR")},
        )
        before = plt.get_fignums()
        with pytest.raises(bilat.CurrencyMismatchError):
            target.plot(euros)
        with pytest.raises(bilat.ValidationError):
            bilat.Project("Railway", ["KZ"], "planned").plot()
        assert plt.get_fignums() == before

    @pytest.mark.parametrize("ax", ["axes", 0, object()])
    def test_ax_not_axes(self, ax: object) -> None:
        """Anything but an Axes or None names ax and the call."""
        target = bilat.TradeTarget(("KZ", "UZ"), bilat.Money(10, "USD"))
        series = bilat.TradeSeries(
            ("KZ", "UZ"), "turnover", {2023: bilat.Money(2, "USD")}
        )
        with pytest.raises(
            bilat.ArgumentTypeError, match=r"ax: .*TradeTarget\.plot\(\)"
        ):
            target.plot(series, ax=ax)  # type: ignore[arg-type]
