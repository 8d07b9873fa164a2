"""Large dossier files: many series read exactly, the collector paused, the size limit."""

from __future__ import annotations

import contextlib
import gc
import inspect
import io
import itertools
import json
import sys
import threading
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import bilat
from bilat import (
    Country,
    Dossier,
    Money,
    TradeMetric,
    TradeSeries,
    ValidationError,
    _fs,
)
from bilat.io import MAX_FILE_SIZE, _convert, _files, dump, from_data, load, loads
from bilat.io._convert import structure
from bilat.io._files import MAX_DEPTH

#: Codes of 72 countries: their 2,556 pairs make a dossier of thousands of series.
CODE_TABLE = """
AE AF AL AM AO AR AT AU AZ BA BD BE BG BH BR BY CA CH CL CN CO CZ DE DK DZ
EE EG ES FI FR GB GE GR HR HU ID IE IL IN IQ IR IT JO JP KG KR KW KZ LB LT
LV MA MN MX MY NL NO PK PL PT QA RO RS RU SA SE TJ TM TR UA US UZ
"""
CODES = tuple(CODE_TABLE.split())
YEARS = range(2020, 2025)


def amount_text(pair: int, year: int) -> str:
    """The amount of ``pair`` in ``year`` as written in the file: cents, distinct."""
    cents = 100_000_000_003 + 1_000_003 * pair + 7_919 * year
    return f"{cents // 100}.{cents % 100:02d}"


def plain_dossier(pairs: int) -> dict[str, Any]:
    """The plain data of a dossier of ``pairs`` turnover series, written by hand."""
    series = [
        {
            "parties": [a, b],
            "metric": "turnover",
            "reporter": a,
            "values": {
                str(year): {"amount": amount_text(i, year), "currency": "USD"}
                for year in YEARS
            },
        }
        for i, (a, b) in enumerate(itertools.combinations(CODES, 2))
        if i < pairs
    ]
    return {
        "format": "bilat/1",
        "title": "Pairs",
        "parties": ["KZ", "UZ"],
        "series": series,
    }


def built_dossier(pairs: int) -> Dossier:
    """The same dossier built with the constructors, from Decimals of the cents."""
    series = [
        TradeSeries(
            (Country(a), Country(b)),
            TradeMetric.TURNOVER,
            {
                year: Money(
                    Decimal(100_000_000_003 + 1_000_003 * i + 7_919 * year)
                    / Decimal(100),
                    "USD",
                )
                for year in YEARS
            },
            reporter=Country(a),
        )
        for i, (a, b) in enumerate(itertools.combinations(CODES, 2))
        if i < pairs
    ]
    return Dossier("Pairs", (Country("KZ"), Country("UZ")), series=series)


@pytest.fixture(scope="module")
def many_pairs() -> Dossier:
    """2,000 series of five years each, built with the constructors."""
    return built_dossier(2_000)


@pytest.fixture
def collector_on() -> Iterator[None]:
    """The collector running before the test, and running again after it."""
    was = gc.isenabled()
    gc.enable()
    yield
    if was:
        gc.enable()
    else:  # pragma: no cover - pytest runs with the collector on
        gc.disable()


class TestManySeries:
    """A dossier of thousands of series is read exactly, in both formats."""

    def test_json_written_by_hand_equals_built(
        self, many_pairs: Dossier, tmp_path: Path
    ) -> None:
        """A JSON file written without bilat loads as the dossier built by hand."""
        path = tmp_path / "pairs.json"
        path.write_text(json.dumps(plain_dossier(2_000)), encoding="utf-8")
        loaded = load(path)
        assert loaded == many_pairs
        first = loaded.series[0]
        assert first.parties == (Country("AE"), Country("AF"))
        # 100,000,000,003 + 7,919 × 2020 cents
        assert first.values[2020] == Money(Decimal("1000159963.83"), "USD")
        assert len(loaded.series) == 2_000

    @pytest.mark.parametrize("fmt", ["toml", "json"])
    def test_round_trip(self, many_pairs: Dossier, tmp_path: Path, fmt: str) -> None:
        """Dumping and loading 2,000 series gives the same dossier back."""
        path = tmp_path / f"pairs.{fmt}"
        dump(many_pairs, path)
        assert load(path) == many_pairs

    def test_one_bad_value_among_thousands(self) -> None:
        """A bad amount, a bad key and a bad currency deep in a file are each named."""
        data = plain_dossier(300)
        values = data["series"][250]["values"]
        values["2021"]["amount"] = "12,5"
        values["2022"]["currency"] = "USX"
        values["022"] = values.pop("2023")
        with pytest.raises(ValidationError) as info:
            from_data(data)
        paths = {path for path, _ in info.value.problems}
        assert paths == {
            "series[250].values[2021].amount",
            "series[250].values[2022].currency",
            "series[250].values['022']",
        }

    def test_same_year_written_twice(self) -> None:
        """Keys "2021" and 2021 in one table are refused, as in a small table."""
        data = plain_dossier(3)
        values = data["series"][2]["values"]
        values[2021] = values["2021"]
        with pytest.raises(ValidationError, match="both stand for 2021"):
            from_data(data)


class TestCollectorPause:
    """The cyclic garbage collector is off while a dossier is built, and restored."""

    def test_paused_while_parsing_and_building(
        self, collector_on: None, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Parsing and building run with the collector off; it runs again after."""
        seen: list[bool] = []
        parse = _files._parse

        def spy(text: str, format: Any) -> Any:
            seen.append(gc.isenabled())
            return parse(text, format)

        monkeypatch.setattr(_files, "_parse", spy)
        loads('title = "t"\nparties = ["KZ", "UZ"]\n')
        assert seen == [False]
        assert gc.isenabled()

    @pytest.mark.parametrize(
        "text",
        [
            'title = "t"\nparties = ["KZ" "UZ"]\n',  # not TOML
            'title = "t"\nparties = ["KZ", "XX"]\n',  # not a dossier
            "x = " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1),  # too deep
        ],
        ids=["malformed", "invalid", "too-deep"],
    )
    def test_restored_after_a_failed_load(
        self, collector_on: None, tmp_path: Path, text: str
    ) -> None:
        """A file that fails to load leaves the collector running."""
        path = tmp_path / "bad.toml"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(ValidationError):
            load(path)
        assert gc.isenabled()

    def test_restored_after_an_interrupt(
        self, collector_on: None, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """An interrupt in the middle of a load leaves the collector running."""

        def interrupted(text: str, format: Any) -> Any:
            raise KeyboardInterrupt

        monkeypatch.setattr(_files, "_parse", interrupted)
        with pytest.raises(KeyboardInterrupt):
            loads('title = "t"\nparties = ["KZ", "UZ"]\n')
        assert gc.isenabled()

    def test_left_off_when_it_was_off(self) -> None:
        """A caller that turned the collector off finds it off after any load."""
        gc.disable()
        try:
            loads('title = "t"\nparties = ["KZ", "UZ"]\n')
            assert not gc.isenabled()
            with pytest.raises(ValidationError):
                loads("title = ")
            assert not gc.isenabled()
        finally:
            gc.enable()

    def test_from_data_pauses_too(
        self, collector_on: None, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Building from plain data runs with the collector off as well."""
        seen: list[bool] = []
        build = _files._from_data

        def spy(data: dict[str, Any]) -> Dossier:
            seen.append(gc.isenabled())
            return build(data)

        monkeypatch.setattr(_files, "_from_data", spy)
        from_data({"title": "t", "parties": ["KZ", "UZ"]})
        assert seen == [False]
        assert gc.isenabled()

    def test_one_pause_per_load(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A load pauses the collector once, for the parse and the build together."""
        pauses: list[str] = []
        pause = _files._collector_paused

        @contextlib.contextmanager
        def counted() -> Iterator[None]:
            pauses.append("pause")
            with pause():
                yield

        monkeypatch.setattr(_files, "_collector_paused", counted)
        loads('title = "t"\nparties = ["KZ", "UZ"]\n')
        assert pauses == ["pause"]
        from_data({"title": "t", "parties": ["KZ", "UZ"]})
        assert pauses == ["pause", "pause"]

    def test_loads_in_threads(self, collector_on: None, many_pairs: Dossier) -> None:
        """Overlapping loads in several threads leave the collector running."""
        text = json.dumps(plain_dossier(200))
        expected = Dossier("Pairs", ("KZ", "UZ"), series=many_pairs.series[:200])
        results: list[bool] = []
        start = threading.Barrier(4)

        def work() -> None:
            start.wait()
            for _ in range(3):
                results.append(loads(text, "json") == expected)
                with pytest.raises(ValidationError):
                    loads("{", "json")

        threads = [threading.Thread(target=work) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert results == [True] * 12
        assert gc.isenabled()


class TestSizeLimit:
    """Files over max_size are refused with the way to read them."""

    def test_default_limit(self) -> None:
        """The default limit is 64 MiB, for load as for bilat.io.MAX_FILE_SIZE."""
        assert MAX_FILE_SIZE == 64 * 1024 * 1024
        default = inspect.signature(load).parameters["max_size"].default
        assert default == MAX_FILE_SIZE

    def test_refusal_says_how_to_read_it(self, tmp_path: Path) -> None:
        """The refusal gives the size, the limit, max_size= and MAX_FILE_SIZE."""
        path = tmp_path / "big.json"
        path.write_text(json.dumps(plain_dossier(20)), encoding="utf-8")
        size = path.stat().st_size
        with pytest.raises(ValidationError) as info:
            load(path, max_size=1_000)
        message = str(info.value)
        assert info.value.file == str(path)
        assert f"the file has {size:,} bytes, more than the limit of 1,000 bytes" in (
            message
        )
        assert f"max_size={size:_}" in message
        assert "bilat.io.MAX_FILE_SIZE, 64 MiB" in message

    def test_larger_limit_reads_it(self, tmp_path: Path) -> None:
        """The file refused under a small limit loads with max_size of its size."""
        path = tmp_path / "big.json"
        path.write_text(json.dumps(plain_dossier(20)), encoding="utf-8")
        assert load(path, max_size=path.stat().st_size) == built_dossier(20)

    def test_largest_limit(self, tmp_path: Path) -> None:
        """The largest max_size accepted reads a small file (no huge buffer)."""
        path = tmp_path / "small.toml"
        dump(Dossier("t", ["KZ", "UZ"]), path)
        assert load(path, max_size=sys.maxsize - 1) == Dossier("t", ["KZ", "UZ"])

    @pytest.mark.parametrize(
        ("size", "limit", "expected"),
        [(10, 20, 10), (4, 20, 10), (4, 8, 9), (0, 3, 4)],
        ids=["as-opened", "grown-within", "grown-past", "empty-then-grown"],
    )
    def test_a_file_that_grows(self, size: int, limit: int, expected: int) -> None:
        """A file longer than when opened is read on, to one byte past the limit."""
        stream = io.BytesIO(b"x" * 10)
        assert len(_fs._read_at_most(stream, size, limit)) == expected


def nesting_of(value: object) -> int:
    """How deeply lists and dicts nest in ``value`` (0 for a scalar)."""
    if isinstance(value, list):
        return 1 + max(map(nesting_of, value), default=0)
    if isinstance(value, dict):
        return 1 + max(map(nesting_of, value.values()), default=0)
    return 0


NESTED = st.recursive(
    st.integers(0, 9) | st.text('ab[]{}"\\', max_size=3),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.text("ab[", max_size=2), inner, max_size=3)
    ),
    max_leaves=30,
)


def wrapped(value: object, levels: int, list_first: bool) -> object:
    """``value`` inside ``levels`` more lists and dicts, taking turns."""
    for level in range(levels):
        value = [value] if (level % 2 == 0) == list_first else {"a": value}
    return value


#: Nested values on both sides of MAX_DEPTH: NESTED alone stays well under it.
DEEP = st.tuples(NESTED, st.integers(0, MAX_DEPTH + 3), st.booleans()).map(
    lambda drawn: wrapped(*drawn)
)


class TestJsonNesting:
    """JSON nested past MAX_DEPTH is refused, judged on the parsed data."""

    def test_wrapped_nests_deeper(self) -> None:
        """Each wrapping level adds one to the nesting, list or dict."""
        assert nesting_of(wrapped(1, 3, True)) == 3
        assert wrapped([], 2, False) == [{"a": []}]

    @given(DEEP)
    def test_refused_exactly_past_the_limit(self, value: object) -> None:
        """A JSON document is refused as too deep exactly when it nests past 16."""
        text = json.dumps(value)
        if nesting_of(value) > MAX_DEPTH:
            with pytest.raises(ValidationError, match="nested too deeply"):
                _files._parse(text, "json")
        else:
            assert _files._parse(text, "json") == value

    def test_deep_value_reported_with_its_line(self) -> None:
        """The refusal of a deep JSON value gives its line, as the scan does."""
        deep = "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1)
        text = '{\n"title": "t",\n"note": [\n' + deep + "\n]}"
        with pytest.raises(ValidationError, match="line 4: lists and tables"):
            loads(text, "json")

    def test_limit_itself_is_read(self) -> None:
        """Nesting of exactly 16 levels is read."""
        text = "[" * MAX_DEPTH + "]" * MAX_DEPTH
        assert nesting_of(_files._parse(text, "json")) == MAX_DEPTH

    def test_bilat_error(self) -> None:
        """The refusal is a bilat error and a ValueError."""
        with pytest.raises(bilat.BilatError) as info:
            loads("[" * 40 + "]" * 40, "json")
        assert isinstance(info.value, ValueError)


AMOUNTS = st.one_of(
    st.sampled_from(["1", "1.50", "-0", "1e3", "1_000", "12,5", "", "NaN", "1e999"]),
    st.integers(-(10**3), 10**3),
    st.decimals(allow_nan=True, places=2),
    st.none(),
    st.booleans(),
    st.floats(allow_nan=False, width=32),
)
CURRENCIES = st.one_of(st.sampled_from(["USD", "KZT", "usd", "USX", ""]), st.none())
MONEY_TABLES = st.one_of(
    st.fixed_dictionaries({"amount": AMOUNTS, "currency": CURRENCIES}),
    st.fixed_dictionaries(
        {"amount": AMOUNTS},
        optional={"currency": CURRENCIES, "qualifier": st.just("nearly"), "x": AMOUNTS},
    ),
    st.lists(st.just("USD"), max_size=2),
)
YEAR_KEYS = st.one_of(
    st.sampled_from(["2020", "2021", "022", "22", "+2021", "0", "10000", "٢٠٢٠"]),
    st.integers(2019, 2022),
)


def outcome(data: object, cls: type) -> tuple[str, object]:
    """What structuring gives: the value's repr, or the problems listed."""
    try:
        return "value", repr(structure(data, cls))
    except ValidationError as error:
        return "problems", error.problems


def thorough_outcome(data: object, cls: type) -> tuple[str, object]:
    """The same, with the one-pass forms turned off: the full path only."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_convert, "_valid_money", lambda value: None)
        patch.setattr(_convert, "_year_key", lambda raw: None)
        return outcome(data, cls)


class TestOnePassForms:
    """The one-pass forms accept and refuse exactly what the full path does."""

    @given(MONEY_TABLES)
    def test_money(self, data: object) -> None:
        """A Money table gives the same Money or the same problems either way."""
        assert outcome(data, Money) == thorough_outcome(data, Money)

    @given(st.dictionaries(YEAR_KEYS, MONEY_TABLES, max_size=4))
    def test_year_tables(self, values: dict[object, object]) -> None:
        """A series' table of years gives the same series or the same problems."""
        data = {"parties": ["KZ", "UZ"], "metric": "exports", "values": values}
        assert outcome(data, TradeSeries) == thorough_outcome(data, TradeSeries)


class TestSeriesYears:
    """A series refuses a year that is not one, naming the key as given."""

    @pytest.mark.parametrize(
        ("key", "path"),
        [(0, "values[0]"), ("2020", "values['2020']"), (10_000, "values[10000]")],
        ids=["zero", "text", "too-late"],
    )
    def test_refused_key_named(self, key: object, path: str) -> None:
        """The problem's path shows the refused key."""
        with pytest.raises(ValidationError, match="a year as an int") as info:
            TradeSeries(("KZ", "UZ"), "turnover", {key: Money(1, "USD")})  # type: ignore[dict-item]
        assert info.value.path == path
