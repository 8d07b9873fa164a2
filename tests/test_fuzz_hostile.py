"""Every public callable, given hostile arguments, raises only BilatError.

Each public function, constructor and method is called with valid arguments
except one, which takes a value from :data:`HOSTILE`: None, bools, NaN,
infinities, negative zero, ints of 5,000 digits, signalling NaN, text, bytes
and mappings where a sequence is expected, objects whose ``__eq__``,
``__hash__``, ``__str__`` or ``__repr__`` raise, numpy and pandas scalars.
The call may work or raise a :class:`bilat.BilatError` whose message can be
printed; any other exception, or a call that takes longer than
:data:`TIME_LIMIT` seconds, fails the test. Operators may also return
``NotImplemented`` (Python then raises its own ``TypeError``).

The exhaustive table runs in the normal test command; ``python
benchmarks/fuzz.py`` also runs :class:`TestSeveralAtOnce` long, with several
hostile arguments in one call.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import inspect
import math
import signal
from collections.abc import Callable, Iterator
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import numpy as np
import pandas as pd
import pint
import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.fuzzing import FUZZ, Hostile, HostileStr

import bilat
from bilat import (
    BilatError,
    Country,
    Currency,
    Dossier,
    Estimate,
    ExchangeRates,
    Money,
    MoneyBag,
    Portfolio,
    ProgressUpdate,
    Project,
    ProjectStatus,
    Source,
    TradeSeries,
    TradeTarget,
    UnitPrice,
)

#: Seconds one call may take before it counts as a hang.
TIME_LIMIT = 20.0


def _foreign_quantity() -> object:
    """A quantity of pint's default registry, not bilat's."""
    return pint.UnitRegistry().Quantity(5, "km")


def _deep_list() -> list[object]:
    """A list nested 5,000 deep: its repr raises RecursionError."""
    deep: list[object] = []
    for _ in range(5_000):
        deep = [deep]
    return deep


def _generator() -> Iterator[object]:
    yield from (1, "two", None)


#: Hostile values, each made afresh for every call.
HOSTILE: dict[str, Callable[[], object]] = {
    "None": lambda: None,
    "True": lambda: True,
    "False": lambda: False,
    "nan": lambda: math.nan,
    "inf": lambda: math.inf,
    "-inf": lambda: -math.inf,
    "-0.0": lambda: -0.0,
    "0": lambda: 0,
    "-1": lambda: -1,
    "2**63": lambda: 2**63,
    "10**5000": lambda: 10**5000,
    "-10**5000": lambda: -(10**5000),
    "Decimal(sNaN)": lambda: Decimal("sNaN"),
    "Decimal(NaN)": lambda: Decimal("NaN"),
    "Decimal(-Infinity)": lambda: Decimal("-Infinity"),
    "Decimal(1E+999999)": lambda: Decimal("1E+999999"),
    "Fraction": lambda: Fraction(1, 3),
    "complex": lambda: 1 + 1j,
    "empty str": lambda: "",
    "text": lambda: "85",
    "NUL": lambda: "a\x00b",
    "lone surrogate": lambda: "\ud800",
    "long text": lambda: "9" * 100_000,
    "bytes": lambda: b"85",
    "bytearray": lambda: bytearray(b"USD"),
    "dict": lambda: {"a": 1},
    "empty dict": dict,
    "list": list,
    "list of None": lambda: [None],
    "nested list": lambda: [[1, 2], [3]],
    "deep list": _deep_list,
    "set": lambda: {1, 2},
    "generator": _generator,
    "Ellipsis": lambda: ...,
    "object": object,
    "type": lambda: int,
    "function": lambda: print,
    "Evil": Hostile,
    "EvilStr": lambda: HostileStr("USD"),
    "date.max": lambda: dt.date.max,
    "datetime": lambda: dt.datetime(2025, 1, 1, tzinfo=dt.UTC),
    "timedelta": lambda: dt.timedelta(days=-1),
    "numpy int64": lambda: np.int64(5),
    "numpy float64 nan": lambda: np.float64("nan"),
    "numpy array": lambda: np.array([1, 2]),
    "pandas NA": lambda: pd.NA,
    "pandas NaT": lambda: pd.NaT,
    "pandas Series": lambda: pd.Series([1, 2]),
    "foreign quantity": _foreign_quantity,
    "Money": lambda: Money(1, "EUR"),
    "Path to a directory": lambda: Path("/"),
}


# -- valid receivers and arguments ------------------------------------------------


@functools.cache
def _dossier() -> Dossier:
    return bilat.examples.kazakhstan_uzbekistan()


@functools.cache
def _rates() -> ExchangeRates:
    return ExchangeRates.from_records(
        [
            (dt.date(2025, 1, 2), "USD", "KZT", "525.11"),
            (dt.date(2025, 1, 2), "EUR", "USD", "1.0321"),
        ]
    )


@functools.cache
def _rates_csv(tmp: str) -> str:
    path = Path(tmp) / "rates.csv"
    path.write_text("date,base,quote,rate\n2025-01-02,USD,KZT,525.11\n")
    return str(path)


@functools.cache
def _ecb_csv(tmp: str) -> str:
    path = Path(tmp) / "eurofxref-hist.csv"
    path.write_text("Date,USD,JPY,\n2 January 2025,1.0321,163.52,\n")
    return str(path)


@functools.cache
def _comtrade_csv(tmp: str) -> str:
    path = Path(tmp) / "comtrade.csv"
    path.write_text(
        "freqCode,refYear,period,reporterCode,partnerCode,partner2Code,flowCode,"
        "cmdCode,motCode,customsCode,primaryValue\n"
        "A,2023,2023,398,860,0,X,TOTAL,0,C00,100\n"
        "A,2023,2023,398,860,0,M,TOTAL,0,C00,50\n"
    )
    return str(path)


@functools.cache
def _dumped_path(tmp: str) -> str:
    path = Path(tmp) / "dossier.toml"
    _dossier().dump(path)
    return str(path)


def _bag_of_two(first: object, second: object) -> MoneyBag:
    return MoneyBag(first, second)  # type: ignore[arg-type]


def _money() -> Money:
    return Money("156000000", "USD")


def _estimate() -> Estimate:
    return Estimate.parse("nearly $1 billion")


def _series() -> TradeSeries:
    """The turnover the example dossier's claims give (2017 to 2025)."""
    series = _dossier().all_series()[0]
    assert isinstance(series, TradeSeries)
    return series


def _target() -> TradeTarget:
    return TradeTarget(("KZ", "UZ"), Money("10000000000", "USD"), deadline=2030)


def _track_claim() -> bilat.Claim:
    return bilat.Claim(
        "track laid", 2025, bilat.Q_("106 km"), Source("Baq.kz"), parties=("KZ", "UZ")
    )


def _any_series() -> bilat.Series:
    return bilat.Series(
        ("KZ", "UZ"),
        "track laid",
        {2024: bilat.Q_("40 km"), 2025: bilat.Q_("106000 m")},
        value_sources={2025: (Source("Baq.kz"),)},
    )


def _any_target() -> bilat.Target:
    return bilat.Target(
        ("KZ", "UZ"), bilat.Q_("152 km"), deadline=2026, subject="track laid"
    )


def _project() -> Project:
    return next(p for p in _dossier().projects if p.measures)


def _comtrade_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "reporterCode": [398, 398],
            "partnerCode": [860, 860],
            "refYear": [2023, 2023],
            "flowCode": ["X", "M"],
            "primaryValue": ["2500000000", "1400000000"],
        }
    )


def _claim(text: str = "$4.6 bn") -> bilat.Claim:
    return bilat.Claim("turnover", 2022, text, Source("News"), parties=("KZ", "UZ"))


def _atlas() -> bilat.Atlas:
    return bilat.Atlas([_dossier()])


@functools.cache
def _dossier_folder(tmp: str) -> str:
    folder = Path(tmp) / "atlas"
    folder.mkdir()
    _dossier().dump(folder / "kz-uz.toml")
    return str(folder)


#: Each public callable and the valid keyword arguments of one call. A
#: callable taken as ``(receiver, "method")`` is looked up afresh.
Spec = tuple[Callable[[], Callable[..., object]], dict[str, Callable[[str], object]]]


def _v(value: object) -> Callable[[str], object]:
    """A valid argument that needs no temporary directory."""
    return lambda _tmp: value


def _lazy(make: Callable[[], object]) -> Callable[[str], object]:
    return lambda _tmp: make()


DAY = dt.date(2025, 1, 2)

SPECS: dict[str, Spec] = {
    "Claim": (
        lambda: bilat.Claim,
        {
            "subject": _v("turnover"),
            "period": _v(2022),
            "value": _v("$4.6 bn"),
            "source": _v(Source("News")),
            "parties": _v(("KZ", "UZ")),
            "said_by": _v("KZ"),
            "stated": _v(DAY),
            "note": _v("A note."),
            "text": _v("4.6 billion dollars"),
            "precision": _v("1E+8"),
            "locale": _v("en"),
        },
    ),
    "Claim.overlaps": (
        lambda: _claim().overlaps,
        {"other": _lazy(lambda: _claim("$5.0 bn")), "rates": _lazy(_rates)},
    ),
    "Conflict": (
        lambda: bilat.Conflict,
        {
            "subject": _v("turnover"),
            "parties": _v(("KZ", "UZ")),
            "period": _v(2022),
            "claims": _lazy(lambda: (_claim(), _claim("$5.0 bn"))),
            "pairs": _lazy(lambda: [(_claim(), _claim("$5.0 bn"))]),
        },
    ),
    "conflicts": (
        lambda: bilat.conflicts,
        {
            "claims": _lazy(lambda: [_claim(), _claim("$5.0 bn")]),
            "rates": _lazy(_rates),
        },
    ),
    "Money": (lambda: Money, {"amount": _v("1.5"), "currency": _v("USD")}),
    "Money.parse": (lambda: Money.parse, {"text": _v("$1"), "locale": _v("en")}),
    "Money.format": (
        lambda: _money().format,
        {
            "locale": _v("ru"),
            "compact": _v(True),
            "rounding": _v("ROUND_HALF_UP"),
            "exact": _v(False),
        },
    ),
    "Money.round": (lambda: _money().round, {"rounding": _v("ROUND_DOWN")}),
    "Money.allocate": (lambda: _money().allocate, {"ratios": _v([1, 2])}),
    "Money.split": (lambda: _money().split, {"n": _v(3)}),
    "Money.to": (
        lambda: _money().to,
        {"currency": _v("KZT"), "rates": _lazy(_rates), "on": _v(DAY)},
    ),
    "Currency": (lambda: Currency, {"code": _v("KZT")}),
    "Currency.name": (lambda: Currency("KZT").name, {"locale": _v("kk")}),
    "Currency.symbol": (lambda: Currency("KZT").symbol, {"locale": _v("kk")}),
    "Estimate": (
        lambda: Estimate,
        {
            "value": _lazy(_money),
            "qualifier": _v("nearly"),
            "tolerance": _v(Decimal("0.1")),
            "low": _v(Money("140400000", "USD")),
            "high": _v(Money("156000000", "USD")),
        },
    ),
    "Estimate.parse": (
        lambda: Estimate.parse,
        {"text": _v("about $2 bn"), "locale": _v("en")},
    ),
    "Estimate.format": (
        lambda: _estimate().format,
        {"locale": _v("ru"), "compact": _v(True), "exact": _v(False)},
    ),
    "Estimate.to": (
        lambda: _estimate().to,
        {"currency": _v("KZT"), "rates": _lazy(_rates), "on": _v(DAY)},
    ),
    "MoneyBag": (
        lambda: _bag_of_two,
        {"first": _lazy(_money), "second": _v(Money(5, "KZT"))},
    ),
    "MoneyBag.format": (
        lambda: MoneyBag(_money(), Money(5, "KZT")).format,
        {"locale": _v("uz"), "compact": _v(False), "exact": _v(True)},
    ),
    "MoneyBag.to": (
        lambda: MoneyBag(_money(), Money(5, "KZT")).to,
        {"currency": _v("USD"), "rates": _lazy(_rates), "on": _v(DAY)},
    ),
    "MoneyBag.from_frame": (
        lambda: MoneyBag.from_frame,
        {
            "frame": _lazy(
                lambda: __import__("polars").DataFrame(
                    {"amount": [1, 2], "currency": ["USD", "KZT"]}
                )
            ),
            "amount": _v("amount"),
            "currency": _v("currency"),
        },
    ),
    "ExchangeRates": (lambda: ExchangeRates, {}),
    "ExchangeRates.from_records": (
        lambda: ExchangeRates.from_records,
        {"records": _v([(DAY, "USD", "KZT", "525.11")])},
    ),
    "ExchangeRates.from_csv": (
        lambda: ExchangeRates.from_csv,
        {"path": _rates_csv, "max_size": _v(10**6)},
    ),
    "ExchangeRates.from_ecb": (
        lambda: ExchangeRates.from_ecb,
        {"path": _ecb_csv, "max_size": _v(10**6)},
    ),
    "ExchangeRates.rate": (
        lambda: _rates().rate,
        {
            "base": _v("KZT"),
            "quote": _v("EUR"),
            "on": _v(DAY),
            "max_age": _v(dt.timedelta(days=3)),
        },
    ),
    "ExchangeRates.convert": (
        lambda: _rates().convert,
        {
            "money": _lazy(_money),
            "to": _v("KZT"),
            "on": _v(DAY),
            "max_age": _v(dt.timedelta(days=3)),
        },
    ),
    "ExchangeRates.merge": (lambda: _rates().merge, {"other": _lazy(_rates)}),
    "UnitPrice": (
        lambda: UnitPrice,
        {"price": _v(Money(30, "USD")), "unit": _v("t")},
    ),
    "UnitPrice.from_division": (
        lambda: UnitPrice.from_division,
        {"money": _lazy(_money), "quantity": _lazy(lambda: bilat.Q_(5, "t"))},
    ),
    "UnitPrice.to": (lambda: UnitPrice(Money(30, "USD"), "t").to, {"unit": _v("kg")}),
    "UnitPrice.format": (
        lambda: UnitPrice(Money(30, "USD"), "t").format,
        {"locale": _v("ru"), "compact": _v(True), "exact": _v(False)},
    ),
    "Country": (lambda: Country, {"code": _v("KZ")}),
    "Source.cite": (lambda: _dossier().sources[0].cite, {}),
    "Country.lookup": (
        lambda: Country.lookup,
        {"value": _v("Kazakhstan"), "locale": _v("en")},
    ),
    "Country.name": (lambda: Country("UZ").name, {"locale": _v("uz")}),
    "Country.currency_on": (lambda: Country("UZ").currency_on, {"on": _v(DAY)}),
    "Source": (
        lambda: Source,
        {
            "title": _v("A title"),
            "publisher": _v("Akorda"),
            "url": _v("https://akorda.kz/"),
            "published": _v(DAY),
            "accessed": _v(DAY),
            "note": _v("A note."),
        },
    ),
    "Agreement": (
        lambda: bilat.Agreement,
        {
            "title": _v("Agreement"),
            "parties": _v(("KZ", "UZ")),
            "kind": _v("treaty"),
            "signed": _v(dt.date(2020, 1, 1)),
            "in_force": _v(dt.date(2021, 1, 1)),
            "ends": _v(dt.date(2030, 1, 1)),
            "terminated": _v(None),
            "sources": _v(()),
            "actions": _lazy(
                lambda: (bilat.TreatyAction("KZ", "signature", dt.date(2020, 1, 1)),)
            ),
            "note": _v("A note."),
        },
    ),
    "Agreement.status": (
        lambda: _dossier().agreements[0].status,
        {"as_of": _v(DAY)},
    ),
    "Agreement.status_for": (
        lambda: _dossier().agreements[0].status_for,
        {"party": _v("UZ"), "as_of": _v(DAY)},
    ),
    "TreatyAction": (
        lambda: bilat.TreatyAction,
        {
            "party": _v("KZ"),
            "kind": _v("ratification"),
            "date": _v(2025),
            "sources": _v(()),
        },
    ),
    "Official": (
        lambda: bilat.Official,
        {"name": _v("A. Name"), "role": _v("Minister"), "country": _v("KZ")},
    ),
    "Meeting": (
        lambda: bilat.Meeting,
        {
            "when": _v(DAY),
            "participants": _lazy(lambda: _dossier().officials[:2]),
            "topics": _v(("trade",)),
            "place": _v("Astana"),
            "sources": _v(()),
            "title": _v("Talks"),
            "note": _v("A note."),
        },
    ),
    "Project": (
        lambda: Project,
        {
            "name": _v("Railway"),
            "parties": _v(("KZ", "UZ")),
            "status": _v("underway"),
            "value": _lazy(_money),
            "sector": _v("transport"),
            "count": _v(2),
            "start": _v(2023),
            "end": _v(2026),
            "location": _v("Border"),
            "measures": _lazy(lambda: {"length": bilat.Q_(152, "km")}),
            "updates": _v(()),
            "sources": _v(()),
        },
    ),
    "Project.completion": (
        lambda: _project().completion,
        {"as_of": _v(DAY), "measure": _v("length")},
    ),
    "Project.latest_update": (
        lambda: _project().latest_update,
        {"as_of": _v(DAY), "measure": _v("length")},
    ),
    "ProgressUpdate": (
        lambda: ProgressUpdate,
        {
            "date": _v(DAY),
            "measure": _v("length"),
            "done": _v("106 km"),
            "sources": _v(()),
        },
    ),
    "Portfolio": (
        lambda: Portfolio,
        {"projects": _lazy(lambda: _dossier().projects)},
    ),
    "Portfolio.where": (
        lambda: _dossier().portfolio.where,
        {
            "status": _v(ProjectStatus.PLANNED),
            "sector": _v("transport"),
            "party": _v("KZ"),
        },
    ),
    "Portfolio.total": (
        lambda: _dossier().portfolio.total,
        {"currency": _v("USD"), "rates": _lazy(_rates), "on": _v(DAY)},
    ),
    "Portfolio.by_status": (lambda: _dossier().portfolio.by_status, {}),
    "Portfolio.to_frame": (
        lambda: _dossier().portfolio.to_frame,
        {
            "exact": _v(True),
            "backend": _v("pandas"),
            "currency": _v("USD"),
            "rates": _lazy(_rates),
            "on": _v(DAY),
        },
    ),
    "TradeSeries": (
        lambda: TradeSeries,
        {
            "parties": _v(("KZ", "UZ")),
            "metric": _v("turnover"),
            "values": _v({2021: Money(1, "USD"), 2022: _estimate()}),
            "reporter": _v("KZ"),
            "sources": _v(()),
            "value_sources": _v({}),
            "claims": _lazy(lambda: {2022: _claim("nearly $1 billion")}),
        },
    ),
    "TradeSeries.from_claims": (
        lambda: TradeSeries.from_claims,
        {
            "claims": _lazy(lambda: [_claim(), _claim("about $5 bn")]),
            "prefer": _v(["exact", "latest"]),
            "reporter": _v("KZ"),
            "subject": _v("turnover"),
            "parties": _v(("UZ", "KZ")),
        },
    ),
    "TradeSeries.is_approximate": (
        lambda: _series().is_approximate,
        {"year": _v(2022)},
    ),
    "Series": (
        lambda: bilat.Series,
        {
            "parties": _v(("KZ", "UZ")),
            "subject": _v("track laid"),
            "values": _v({2024: bilat.Q_("40 km"), 2025: bilat.Q_("106000 m")}),
            "reporter": _v("UZ"),
            "sources": _v((Source("Akorda"),)),
            "value_sources": _v({2025: (Source("Baq.kz"),)}),
            "claims": _lazy(lambda: {2025: _track_claim()}),
        },
    ),
    "Series.from_claims": (
        lambda: bilat.Series.from_claims,
        {
            "claims": _lazy(lambda: [_track_claim()]),
            "prefer": _v(("precise",)),
            "reporter": _v(None),
            "subject": _v("track laid"),
            "parties": _v(("KZ", "UZ")),
        },
    ),
    "Series.from_project": (
        lambda: bilat.Series.from_project,
        {
            "project": _lazy(_project),
            "measure": _lazy(lambda: _project().updates[0].measure),
            "subject": _v("track laid"),
        },
    ),
    "Series.cagr": (
        lambda: _any_series().cagr,
        {"start": _v(2024), "end": _v(2025)},
    ),
    "Series.latest": (lambda: _any_series().latest, {"as_of": _v(DAY)}),
    "Series.to_frame": (
        lambda: _any_series().to_frame,
        {
            "exact": _v(True),
            "backend": _v("pandas"),
            "currency": _v("USD"),
            "rates": _lazy(_rates),
        },
    ),
    "Series.sources_for": (lambda: _any_series().sources_for, {"year": _v(2025)}),
    "Series.is_approximate": (
        lambda: _any_series().is_approximate,
        {"year": _v(2025)},
    ),
    "Target": (
        lambda: bilat.Target,
        {
            "parties": _v(("KZ", "UZ")),
            "value": _v(bilat.Q_("152 km")),
            "deadline": _v(2026),
            "subject": _v("track laid"),
            "baseline_year": _v(2023),
            "agreement": _v(None),
            "sources": _v(()),
        },
    ),
    "Target.progress": (
        lambda: _any_target().progress,
        {
            "series": _lazy(_any_series),
            "as_of": _v(DAY),
            "rates": _lazy(_rates),
            "on_track": _v(Decimal("0.95")),
            "needs_acceleration": _v(Decimal("0.6")),
            "off_track": _v(Decimal(0)),
            "after_deadline": _v("ratio"),
        },
    ),
    "TradeSeries.from_comtrade": (
        lambda: TradeSeries.from_comtrade,
        {
            "path": _comtrade_csv,
            "reporter": _v("KZ"),
            "partner": _v("UZ"),
            "metric": _v("turnover"),
            "accessed": _v(DAY),
        },
    ),
    "TradeSeries.cagr": (lambda: _series().cagr, {"start": _v(2021), "end": _v(2022)}),
    "TradeSeries.latest": (lambda: _series().latest, {"as_of": _v(2022)}),
    "TradeSeries.sources_for": (lambda: _series().sources_for, {"year": _v(2022)}),
    "TradeSeries.to_frame": (
        lambda: _series().to_frame,
        {
            "exact": _v(True),
            "backend": _v("pandas"),
            "currency": _v("USD"),
            "rates": _lazy(_rates),
        },
    ),
    "TradeTarget": (
        lambda: TradeTarget,
        {
            "parties": _v(("KZ", "UZ")),
            "value": _lazy(_money),
            "deadline": _v(2030),
            "metric": _v("turnover"),
            "baseline_year": _v(2021),
            "agreement": _v(None),
            "sources": _v(()),
        },
    ),
    "TradeTarget.progress": (
        lambda: _target().progress,
        {
            "series": _lazy(_series),
            "as_of": _v(DAY),
            "on_track": _v(Decimal("0.95")),
            "needs_acceleration": _v(Decimal("0.6")),
            "off_track": _v(Decimal(0)),
            "after_deadline": _v("missed"),
            "rates": _lazy(_rates),
        },
    ),
    "Dossier": (
        lambda: Dossier,
        {
            "title": _v("A dossier"),
            "parties": _v(("KZ", "UZ")),
            "agreements": _v(()),
            "projects": _lazy(lambda: _dossier().projects),
            "targets": _v(()),
            "series": _v(()),
            "events": _v(()),
            "sources": _v(()),
            "relationship": _v("Partners"),
            "officials": _v(()),
            "note": _v(None),
            "claims": _lazy(lambda: (_claim(), _track_claim())),
        },
    ),
    "Dossier.conflicts": (lambda: _dossier().conflicts, {"rates": _lazy(_rates)}),
    "Dossier.all_series": (
        lambda: _dossier().all_series,
        {"prefer": _v(("reporter", "exact", "latest"))},
    ),
    "Dossier.report": (
        lambda: _dossier().report,
        {
            "as_of": _v(DAY),
            "currency": _v("USD"),
            "locale": _v("ru"),
            "rates": _lazy(_rates),
            "stale_after": _v(2),
        },
    ),
    "Dossier.to_frame": (
        lambda: _dossier().to_frame,
        {
            "what": _v("projects"),
            "as_of": _v(DAY),
            "exact": _v(True),
            "backend": _v("pandas"),
            "currency": _v("USD"),
            "rates": _lazy(_rates),
            "on": _v(DAY),
        },
    ),
    "Dossier.dump": (
        lambda: _dossier().dump,
        {"path": lambda tmp: str(Path(tmp) / "out.toml")},
    ),
    "Report.render": (
        lambda: _dossier().report(as_of=DAY).render,
        {"format": _v("markdown")},
    ),
    "Report.to_json": (
        lambda: _dossier().report(as_of=DAY).to_json,
        {"indent": _v(2)},
    ),
    "load": (
        lambda: bilat.load,
        {
            "path": _dumped_path,
            "max_size": _v(10**6),
        },
    ),
    "io.loads": (
        lambda: bilat.io.loads,
        {
            "text": _lazy(lambda: bilat.io.dumps(_dossier())),
            "format": _v("toml"),
            "file": _v("memory.toml"),
        },
    ),
    "io.dumps": (
        lambda: bilat.io.dumps,
        {"dossier": _lazy(_dossier), "format": _v("json")},
    ),
    "io.from_data": (
        lambda: bilat.io.from_data,
        {"data": _lazy(lambda: bilat.io.to_data(_dossier()))},
    ),
    "io.to_data": (lambda: bilat.io.to_data, {"dossier": _lazy(_dossier)}),
    "io.read_comtrade": (
        lambda: bilat.io.read_comtrade,
        {
            "paths": _comtrade_csv,
            "pairs": _v([("KZ", "UZ")]),
            "metric": _v("turnover"),
            "accessed": _v(DAY),
            "progress": _v(False),
        },
    ),
    "io.series_from_frame": (
        lambda: bilat.io.series_from_frame,
        {
            "frame": _lazy(_comtrade_frame),
            "reporter": _v("reporterCode"),
            "partner": _v("partnerCode"),
            "year": _v("refYear"),
            "value": _v("primaryValue"),
            "flow": _v("flowCode"),
            "currency": _v("USD"),
            "metric": _v("turnover"),
            "pairs": _v([("KZ", "UZ")]),
            "source": _v("UN Comtrade"),
        },
    ),
    "io.comtrade_area": (lambda: bilat.io.comtrade_area, {"code": _v(381)}),
    "Atlas": (lambda: bilat.Atlas, {"dossiers": _lazy(lambda: [_dossier()])}),
    "Atlas.targets": (
        lambda: _atlas().targets,
        {
            "status": _v("on_track"),
            "party": _v("KZ"),
            "series": _lazy(lambda: [_series()]),
            "as_of": _v(DAY),
            "rates": _lazy(_rates),
        },
    ),
    "Atlas.agreements": (lambda: _atlas().agreements, {"party": _v("UZ")}),
    "Atlas.progress": (
        lambda: _atlas().progress,
        {
            "series": _lazy(lambda: {("KZ", "UZ"): _series()}),
            "as_of": _v(DAY),
            "rates": _lazy(_rates),
            "status": _v(["on_track", "not_measured"]),
            "party": _v("UZ"),
            "exact": _v(True),
            "backend": _v("pandas"),
        },
    ),
    "Atlas.load": (
        lambda: bilat.Atlas.load,
        {
            "directory": _dossier_folder,
            "pattern": _v("kz-*"),
            "progress": _v(False),
            "max_size": _v(10**6),
        },
    ),
    "progress_frame": (
        lambda: bilat.progress_frame,
        {
            "progresses": _lazy(lambda: [_target().progress(_series())]),
            "exact": _v(True),
            "backend": _v("pandas"),
        },
    ),
}


#: Methods whose arguments are not user input or that draw on a screen.
UNCHECKED: frozenset[str] = frozenset(
    {
        "Portfolio.plot",  # needs matplotlib axes; tested in test_plots.py
        "Portfolio.plot_timeline",
        "Project.plot",
        "Atlas.plot",
        "Target.plot",
        "TradeTarget.plot",
        "Report.to_dict",  # no arguments
        "Report.to_html",
        "Report.to_markdown",
        "Report.to_text",
        "Meeting.sort_key",
        "io.dump",  # Dossier.dump
        "io.load",  # bilat.load
        "io.json_schema",
        "Report",  # built by Dossier.report
        "Progress",  # built by TradeTarget.progress
    }
)


def _public_callables() -> dict[str, Callable[..., object]]:
    """Every public function, constructor and method, by dotted name."""
    found: dict[str, Callable[..., object]] = {}
    for name in bilat.__all__:
        obj = getattr(bilat, name)
        if name in {"Q_", "ureg"}:
            continue
        if inspect.isclass(obj):
            if issubclass(obj, BaseException | Warning) or issubclass(
                obj, __import__("enum").Enum
            ):
                continue
            found[name] = obj
            for attr in dir(obj):
                static = inspect.getattr_static(obj, attr)
                if attr.startswith("_"):
                    continue
                if callable(static) or isinstance(static, classmethod | staticmethod):
                    found[f"{name}.{attr}"] = getattr(obj, attr)
        elif inspect.isfunction(obj):
            found[name] = obj
    for name in bilat.io.__all__:
        obj = getattr(bilat.io, name)
        if inspect.isfunction(obj):
            found[f"io.{name}"] = obj
    return found


def _parameters(name: str) -> list[str]:
    """The parameters of a public callable that a caller can pass."""
    target = _public_callables()[name]
    signature = inspect.signature(target)
    if any(p.kind is p.VAR_POSITIONAL for p in signature.parameters.values()):
        return list(SPECS[name][1])  # called through a wrapper that names them
    return [
        p.name
        for p in signature.parameters.values()
        if p.kind not in {p.VAR_POSITIONAL, p.VAR_KEYWORD} and p.name != "self"
    ]


CASES: list[tuple[str, str]] = [
    (name, parameter)
    for name in sorted(SPECS)
    for parameter in _parameters(name)
    if name in _public_callables()
]


class _Hang(Exception):  # noqa: N818 - signals a hang inside this module only
    pass


@contextlib.contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    def alarm(signum: int, frame: object) -> None:
        raise _Hang

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _call(name: str, tmp: str, hostile: dict[str, str]) -> str | None:
    """Call ``name`` with valid arguments but for those named in ``hostile``.

    Returns what went wrong, or None when the call worked or raised a
    BilatError with a printable message.
    """
    make, valid = SPECS[name]
    arguments = {key: value(tmp) for key, value in valid.items()}
    for parameter, label in hostile.items():
        arguments[parameter] = HOSTILE[label]()
    target = make()
    try:
        with _time_limit(TIME_LIMIT):
            target(**arguments)
    except _Hang:
        return f"{name}({hostile}) took more than {TIME_LIMIT} s"
    except BilatError as error:
        message = str(error)  # must not raise
        if not message or len(message) > 20_000:
            return f"{name}({hostile}): a message of {len(message)} characters"
    except Exception as error:  # noqa: BLE001 - the point of the test
        return (
            f"{name}({hostile}) raised {type(error).__module__}."
            f"{type(error).__qualname__}: {error!s:.300}"
        )
    return None


@pytest.fixture(scope="module")
def tmp(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(tmp_path_factory.mktemp("hostile"))


class TestCoverage:
    """The table names every public callable and every parameter it takes."""

    def test_every_callable_has_a_spec(self) -> None:
        """A new public callable must be added to SPECS (or UNCHECKED)."""
        missing = set(_public_callables()) - set(SPECS) - UNCHECKED
        assert missing == set()

    @pytest.mark.parametrize("name", sorted(SPECS))
    def test_every_parameter_has_a_valid_value(self, name: str) -> None:
        """Each parameter of the callable has a valid value in its spec."""
        assert set(_parameters(name)) == set(SPECS[name][1])

    @pytest.mark.parametrize("name", sorted(SPECS))
    def test_valid_call_works(self, name: str, tmp: str) -> None:
        """With only valid arguments, the call succeeds."""
        make, valid = SPECS[name]
        make()(**{key: value(tmp) for key, value in valid.items()})


class TestOneHostileArgument:
    """Each parameter of each public callable, given each hostile value."""

    @pytest.mark.parametrize(("name", "parameter"), CASES)
    def test_only_bilat_errors(self, name: str, parameter: str, tmp: str) -> None:
        """The call works or raises a BilatError, for every hostile value."""
        problems = [_call(name, tmp, {parameter: label}) for label in HOSTILE]
        assert [p for p in problems if p] == []


class TestSeveralAtOnce:
    """Several parameters hostile at once, drawn at random (long in fuzz runs)."""

    @FUZZ
    @given(data=st.data())
    def test_only_bilat_errors(self, data: st.DataObject, tmp: str) -> None:
        """The call works or raises a BilatError."""
        name = data.draw(st.sampled_from(sorted(SPECS)))
        parameters = _parameters(name)
        if not parameters:
            return
        chosen = data.draw(
            st.lists(st.sampled_from(parameters), min_size=1, unique=True)
        )
        hostile = {p: data.draw(st.sampled_from(sorted(HOSTILE))) for p in chosen}
        assert _call(name, tmp, hostile) is None


#: Binary operators: each receiver's method for ``receiver op other`` and the
#: one Python calls for ``other op receiver``.
OPERATORS: dict[str, tuple[str, str]] = {
    "+": ("__add__", "__radd__"),
    "-": ("__sub__", "__rsub__"),
    "*": ("__mul__", "__rmul__"),
    "/": ("__truediv__", "__rtruediv__"),
    "<": ("__lt__", "__gt__"),
    "<=": ("__le__", "__ge__"),
    ">": ("__gt__", "__lt__"),
    ">=": ("__ge__", "__le__"),
    "==": ("__eq__", "__eq__"),
    "!=": ("__ne__", "__ne__"),
}

RECEIVERS: dict[str, Callable[[], object]] = {
    "Money": _money,
    "Estimate": _estimate,
    "MoneyBag": lambda: MoneyBag(_money(), Money(5, "KZT")),
    "UnitPrice": lambda: UnitPrice(Money(30, "USD"), "t"),
    "ExchangeRates": _rates,
    "Currency": lambda: Currency("USD"),
    "Country": lambda: Country("KZ"),
}


class TestOperators:
    """Operators with hostile operands: a result, NotImplemented or a BilatError.

    The receiver's own methods are called, on both sides, so that what the
    other operand's methods do (``str.__add__`` raising, pandas warning) is
    not held against bilat.
    """

    @pytest.mark.parametrize("receiver", sorted(RECEIVERS))
    @pytest.mark.parametrize("op", sorted(OPERATORS))
    def test_operands(self, receiver: str, op: str) -> None:
        """Only a result, NotImplemented or a BilatError, for every hostile value."""
        problems = [
            problem
            for label in HOSTILE
            for method in OPERATORS[op]
            if (problem := _operate(receiver, method, label))
        ]
        assert problems == []


def _operate(receiver: str, method: str, label: str) -> str | None:
    """Call the receiver's operator ``method`` on a hostile value; say what failed."""
    value = RECEIVERS[receiver]()
    function = getattr(value, method, None)
    if function is None:
        return None
    other = HOSTILE[label]()
    where = f"{receiver}.{method}({label})"
    try:
        with _time_limit(TIME_LIMIT):
            function(other)
    except _Hang:
        return f"{where} took more than {TIME_LIMIT} s"
    except BilatError as error:
        if not str(error):
            return f"{where}: an empty message"
    except Exception as error:  # noqa: BLE001 - the point of the test
        return f"{where} raised {type(error).__qualname__}: {error!s:.300}"
    return None
