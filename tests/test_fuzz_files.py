"""Fuzz tests of dossier files: damaged files and random data never crash load.

:func:`bilat.load` reads files from anywhere. Whatever the bytes, it returns a
dossier or raises a :class:`bilat.BilatError` whose message names the file
and says what is wrong; never a ``RecursionError``, ``UnicodeDecodeError``,
``OverflowError`` or :mod:`decimal` signal. The same holds for
:func:`bilat.io.from_data` (the structuring step) fed random plain data.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import json
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import pytest
import tomli_w
from hypothesis import given
from hypothesis import strategies as st
from tests.fuzzing import FUZZ, damaged, number_texts

from bilat import BilatError, Dossier, ValidationError, examples, load
from bilat.io import dumps, from_data, to_data

if TYPE_CHECKING:
    from pathlib import Path

# -- what is thrown ----------------------------------------------------------


@functools.cache
def _bundled(fmt: str) -> bytes:
    return dumps(examples.kazakhstan_uzbekistan(), fmt).encode()  # type: ignore[arg-type]


@functools.cache
def _bundled_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_bundled("json"))
    return data


#: Byte strings that break parsers, decoders and number handling.
NASTY: tuple[bytes, ...] = (
    b"[",
    b"]",
    b"{",
    b"}",
    b'"',
    b"'",
    b'"""',
    b"=",
    b",",
    b":",
    b"#",
    b"\n",
    b"\r",
    b"\x00",
    b"\xff",
    b"\xc3",
    b"\xed\xa0\x80",  # an encoded surrogate: not UTF-8
    b"\xef\xbb\xbf",  # a byte order mark
    b"\\ud800",
    b"\\u0000",
    b"1e999999999",
    b"-1e-999999999",
    b"1e99999999999999999999999",
    b"9" * 5000,
    b"0x" + b"f" * 5000,
    b"NaN",
    b"Infinity",
    b"inf",
    b"nan",
    b"true",
    b"null",
    b"1979-05-27T07:32:00Z",
    b"9999-12-31",
    b"[" * 3000,
    b"{" * 3000,
    b"a = " + b"[" * 3000,
    b'{"a":' * 3000,
    b'projets = "typo"\n',
    b'"projets": [],',
    b'amount = "1e100"\n',
    b'"amount": "0.' + b"0" * 200 + b'1",',
    "Қазақстан–Oʻzbekiston".encode(),
    b"x" * 10_000,
)


def _chunk() -> st.SearchStrategy[bytes]:
    return st.one_of(
        st.sampled_from(NASTY),
        st.binary(max_size=8),
        number_texts().map(str.encode),
    )


# -- plain data --------------------------------------------------------------

_KEYS = (
    "format",
    "title",
    "parties",
    "projects",
    "projets",
    "name",
    "status",
    "value",
    "amount",
    "currency",
    "qualifier",
    "tolerance",
    "low",
    "high",
    "count",
    "measures",
    "updates",
    "date",
    "measure",
    "done",
    "sources",
    "targets",
    "deadline",
    "metric",
    "series",
    "values",
    "2022",
    "events",
    "when",
    "topics",
    "agreements",
    "kind",
    "signed",
)

_SCALARS: st.SearchStrategy[Any] = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(-(10**150), 10**150),
    st.sampled_from((10**4000, -(10**200), 2**63, -1, 0, 2022, 99999)),
    st.decimals(allow_nan=False, allow_infinity=False),
    st.sampled_from(
        (
            Decimal("1E+999999999"),
            Decimal("-1E-999999999"),
            Decimal("1E+100"),
            Decimal("9" * 101),
            Decimal("1E-101"),
        )
    ),
    st.dates(),
    st.text(max_size=20),
    number_texts(),
    st.sampled_from(
        (
            "KZ",
            "UZ",
            "USD",
            "KZT",
            "underway",
            "planned",
            "nearly",
            "turnover",
            "2024-02-30",
            "2024-05-10",
            "152 km",
            "1e999999 km",
            "bilat/1",
            "bilat/2",
            "\ud800",
            "x" * 100_000,
        )
    ),
)

_DATA: st.SearchStrategy[Any] = st.recursive(
    _SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(
            st.sampled_from(_KEYS) | st.text(max_size=8), children, max_size=5
        ),
    ),
    max_leaves=30,
)


def _deep(depth: int) -> Any:
    value: Any = "x"
    for _ in range(depth):
        value = [value]
    return value


def _paths(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(data, dict):
        for key, item in data.items():
            found += _paths(item, (*path, key))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            found += _paths(item, (*path, index))
    return found


@st.composite
def _mutated_data(draw: st.DrawFn) -> Any:
    """The bundled dossier's data with values swapped, keys added or removed."""
    data = copy.deepcopy(_bundled_data())
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_paths(data)))
        parent: Any = data
        for step in path[:-1]:
            parent = parent[step]
        operation = draw(st.sampled_from(("replace", "deep", "add key", "remove")))
        if not path:
            data = draw(_DATA) if operation == "replace" else data
            continue
        last = path[-1]
        if operation == "replace":
            parent[last] = draw(_DATA)
        elif operation == "deep":
            parent[last] = _deep(draw(st.integers(5, 60)))
        elif operation == "add key" and isinstance(parent[last], dict):
            parent[last][draw(st.sampled_from(_KEYS))] = draw(_DATA)
        elif isinstance(parent, dict):
            del parent[last]
        else:
            parent.pop(last)
    return data


def _json_default(value: object) -> object:
    if isinstance(value, Decimal | dt.date):
        return str(value)
    raise TypeError(value)  # pragma: no cover - the strategies make no others


def _check(error: BilatError, name: str) -> None:
    """The message names the file and at least one problem."""
    message = str(error)
    assert message.startswith(f"{name}: "), message
    assert isinstance(error, ValidationError), f"{type(error).__name__}: {message}"
    assert error.file == name
    assert error.problems
    for path, problem in error.problems:
        assert isinstance(path, str)
        assert problem.strip(), error.problems


def _from_data(data: Any) -> Dossier | None:
    """A dossier, or None after checking the ValidationError raised instead."""
    try:
        return from_data(data)
    except BilatError as e:
        error = e
    assert isinstance(error, ValidationError), f"{type(error).__name__}: {error}"
    assert error.problems
    return None


def _load(tmp_path: Path, raw: bytes, suffix: str) -> None:
    path = tmp_path / f"dossier{suffix}"
    path.write_bytes(raw)
    try:
        dossier = load(path)
    except BilatError as e:
        _check(e, str(path))
    else:
        assert isinstance(dossier, Dossier)


# -- the tests ---------------------------------------------------------------


class TestDamagedFiles:
    """A damaged dossier file is reported as a ValidationError naming the file."""

    @FUZZ
    @given(fmt=st.sampled_from(("toml", "json")), data=st.data())
    def test_damaged_bundled_dossier(
        self, tmp_path: Path, fmt: str, data: st.DataObject
    ) -> None:
        """Truncated, shortened, padded and overwritten bytes never crash load."""
        raw = data.draw(damaged(_bundled(fmt), _chunk()))
        _load(tmp_path, raw, f".{fmt}")

    @FUZZ
    @given(mutated=_mutated_data(), fmt=st.sampled_from(("toml", "json")))
    def test_mutated_values(self, tmp_path: Path, mutated: Any, fmt: str) -> None:
        """Swapped types, deep lists, unknown keys and huge numbers never crash load."""
        if fmt == "json":
            text = json.dumps(mutated, default=_json_default, ensure_ascii=False)
        else:
            try:
                text = tomli_w.dumps(mutated)
            except (TypeError, ValueError, AttributeError):  # not a table, a None
                text = json.dumps(mutated, default=_json_default)
                fmt = "json"
        _load(tmp_path, text.encode("utf-8", "surrogatepass"), f".{fmt}")

    @FUZZ
    @given(raw=st.binary(max_size=200), fmt=st.sampled_from(("toml", "json")))
    def test_random_bytes(self, tmp_path: Path, raw: bytes, fmt: str) -> None:
        """Random bytes never crash load."""
        _load(tmp_path, raw, f".{fmt}")


class TestRandomData:
    """The structuring step refuses any plain data with a ValidationError."""

    @FUZZ
    @given(data=_DATA)
    def test_random_plain_data(self, data: Any) -> None:
        """Random JSON-like data gives a dossier or a ValidationError."""
        dossier = _from_data(data)
        assert dossier is None or isinstance(dossier, Dossier)

    @FUZZ
    @given(data=_mutated_data())
    def test_mutated_plain_data(self, data: Any) -> None:
        """The bundled dossier's data, mutated, gives a dossier or a ValidationError."""
        dossier = _from_data(data)
        if dossier is not None:
            assert from_data(to_data(dossier)) == dossier


class TestKnownInputs:
    """Inputs that once crashed load, each with the message it gives now."""

    @pytest.mark.parametrize(
        ("suffix", "text", "problem"),
        [
            (".json", "[" * 100_000 + "]" * 100_000, "nested too deeply"),
            (".toml", "a = " + "[" * 100_000 + "]" * 100_000, "nested too deeply"),
            (".toml", "a = " + "{b=" * 5000 + "1" + "}" * 5000, "nested too deeply"),
            (".json", '{"title": 1' + "0" * 5000 + "}", "has 5,001 digits"),
            (".toml", "count = 1" + "0" * 5000, "more than 4,300 digits"),
            (".json", '{"a": 1e99999999999999999999}', "far beyond bilat's range"),
            (".toml", "a = 1e99999999999999999999", "far beyond bilat's range"),
            (".json", "", "Expecting value"),
            (".json", '{"title": "a", "title": "b"}', "appears twice"),
            (".toml", 'title = "a"\ntitle = "b"', "invalid TOML at line 2"),
        ],
    )
    def test_message(
        self, tmp_path: Path, suffix: str, text: str, problem: str
    ) -> None:
        """Deep nesting, long integers, huge exponents, duplicates: a ValidationError."""
        path = tmp_path / f"bad{suffix}"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(ValidationError, match=problem) as caught:
            load(path)
        assert str(caught.value).startswith(f"{path}: 1 problem")

    def test_amount_beyond_range(self, tmp_path: Path) -> None:
        """An amount of 1e999999999 is refused with its field path."""
        data = to_data(Dossier("KZ–UZ", ["KZ", "UZ"]))
        data["targets"] = [
            {
                "parties": ["KZ", "UZ"],
                "value": {"amount": "1e999999999", "currency": "USD"},
            }
        ]
        path = tmp_path / "range.toml"
        path.write_text(tomli_w.dumps(data), encoding="utf-8")
        with pytest.raises(
            ValidationError,
            match=r"targets\[0\]\.value\.amount: invalid amount '1e999999999': "
            r"expected a magnitude below 1E\+100",
        ):
            load(path)

    def test_lone_surrogate(self, tmp_path: Path) -> None:
        """A JSON escape of a lone surrogate is refused on reading, naming the field."""
        source = tmp_path / "surrogate.json"
        source.write_text('{"title": "KZ\\ud800", "parties": ["KZ", "UZ"]}')
        with pytest.raises(
            ValidationError,
            match=r"surrogate\.json: 1 problem\n  title: expected UTF-8 text, got "
            r"'KZ\\ud800' with the lone surrogate",
        ):
            load(source)

    def test_long_string_message_is_short(self) -> None:
        """A ten-million-character value is named by its beginning only."""
        with pytest.raises(ValidationError) as caught:
            from_data({"title": "KZ–UZ", "parties": ["KZ", "Q" * 10_000_000]})
        message = str(caught.value)
        assert message.startswith("parties[1]: unknown country 'QQQQ")
        assert len(message) < 1100
        assert "... (10,000,002 characters)" in message
