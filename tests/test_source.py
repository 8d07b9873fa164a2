"""Tests for bilat._source: sources and the shared date and text converters."""

from __future__ import annotations

import datetime as dt
import inspect

import attrs
import pytest
from hypothesis import given
from tests.strategies import sources

import bilat
from bilat import Source, ValidationError
from bilat._fields import as_date, as_optional_date, as_text
from bilat._source import as_sources, date_repr, to_sources

AKORDA = Source(
    "President Tokayev receives Uzbek Foreign Minister",
    publisher="Akorda press service",
    url="https://www.akorda.kz/en",
    published="2024-04-10",
)


class TestConstruction:
    """Fields are converted once, at construction."""

    def test_title_only(self) -> None:
        """Only the title is required; the rest is unknown."""
        s = Source("Trade statistics")
        assert s.title == "Trade statistics"
        assert (s.publisher, s.url, s.published, s.accessed, s.note) == (None,) * 5

    def test_all_fields(self) -> None:
        """Every field is kept; ISO strings become dates."""
        s = Source(
            " Mutual trade ",
            publisher=" stat.gov.kz ",
            url="http://stat.gov.kz/en/",
            published="2025-02-03",
            accessed=dt.date(2025, 2, 4),
            note=" p. 12 ",
        )
        assert s.title == "Mutual trade"
        assert s.publisher == "stat.gov.kz"
        assert s.url == "http://stat.gov.kz/en/"
        assert s.published == dt.date(2025, 2, 3)
        assert s.accessed == dt.date(2025, 2, 4)
        assert s.note == "p. 12"

    def test_same_day(self) -> None:
        """A page may be read the day it is published."""
        s = Source("x", published="2024-04-10", accessed="2024-04-10")
        assert s.accessed == s.published

    @pytest.mark.parametrize(
        "url",
        [
            "https://www.akorda.kz/en",
            "HTTPS://AKORDA.KZ",
            "http://127.0.0.1:8080/a?b=c#d",
            "https://[::1]/x",
            "https://menafn.com/1107125650/Kazakhstan-Uzbekistan",
        ],
    )
    def test_urls(self, url: str) -> None:
        """http and https URLs with a host are accepted as given."""
        assert Source("x", url=url).url == url

    def test_frozen_and_hashable(self) -> None:
        """A source cannot be changed and can be a set member."""
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            AKORDA.title = "y"  # type: ignore[misc]
        assert len({AKORDA, attrs.evolve(AKORDA)}) == 1

    def test_keyword_only(self) -> None:
        """Only the title is positional."""
        with pytest.raises(TypeError):
            Source("x", "publisher")  # type: ignore[call-arg]


class TestErrors:
    """Each invalid field is a ValidationError that names the field."""

    @pytest.mark.parametrize(
        ("kwargs", "path", "message"),
        [
            ({"title": ""}, "title", "expected a non-empty string, got ''"),
            ({"title": "   "}, "title", "non-empty string"),
            ({"title": 5}, "title", "expected a string, got 5"),
            ({"title": None}, "title", "expected a string, got None"),
            ({"publisher": ""}, "publisher", "non-empty string"),
            ({"publisher": 1}, "publisher", "expected a string"),
            ({"note": " "}, "note", "non-empty string"),
            ({"url": "ftp://akorda.kz"}, "url", "scheme must be http or https"),
            ({"url": "www.akorda.kz"}, "url", "scheme must be http or https"),
            ({"url": "https://"}, "url", "has no host"),
            ({"url": "https:///path"}, "url", "has no host"),
            ({"url": "https://akorda .kz"}, "url", "spaces or control characters"),
            ({"url": "https://akorda.kz/\x00"}, "url", "control characters"),
            ({"url": "https://[::1"}, "url", "expected an http"),
            ({"url": "https://akorda.kz:port/"}, "url", "expected an http"),
            ({"url": ""}, "url", "non-empty string"),
            ({"url": 5}, "url", "expected a string"),
            ({"published": "2024-4-10"}, "published", "ISO date such as '2025-12-31'"),
            ({"published": "20240410"}, "published", "ISO date"),
            ({"published": "2024-02-30"}, "published", "got '2024-02-30'"),
            ({"published": 20240410}, "published", "got 20240410"),
            (
                {"published": dt.datetime(2024, 4, 10, 9, 30)},
                "published",
                r"not a datetime \(pass its \.date\(\)\), got datetime\.datetime\(",
            ),
            ({"accessed": "yesterday"}, "accessed", "got 'yesterday'"),
        ],
    )
    def test_field(self, kwargs: dict[str, object], path: str, message: str) -> None:
        """Wrong types, blanks, bad URLs and bad dates."""
        fields: dict[str, object] = {"title": "x", **kwargs}
        with pytest.raises(ValidationError, match=message) as e:
            Source(**fields)  # type: ignore[arg-type]
        assert e.value.path == path

    def test_accessed_before_published(self) -> None:
        """The message names both dates."""
        with pytest.raises(
            ValidationError,
            match="accessed 2024-04-09 is before published 2024-04-10",
        ) as e:
            Source("x", published="2024-04-10", accessed="2024-04-09")
        assert e.value.path == "accessed"

    def test_is_value_error(self) -> None:
        """ValidationError is a ValueError and a BilatError."""
        with pytest.raises(ValueError, match="title"):
            Source("")
        assert issubclass(ValidationError, bilat.BilatError)


class TestCite:
    """cite() gives who, when and where, whatever is known."""

    @pytest.mark.parametrize(
        ("source", "text"),
        [
            (AKORDA, "Akorda press service, 2024-04-10, https://www.akorda.kz/en"),
            (Source("Trade statistics"), "Trade statistics"),
            (Source("T", publisher="P"), "P"),
            (Source("T", url="https://a.kz"), "T, https://a.kz"),
            (Source("T", accessed="2025-02-01"), "T, accessed 2025-02-01"),
            (
                Source("T", published="2025-01-01", accessed="2025-02-01"),
                "T, 2025-01-01",
            ),
            (Source("T", note="n"), "T"),
        ],
    )
    def test_cite(self, source: Source, text: str) -> None:
        """Publisher (or title), date, URL."""
        assert source.cite() == text
        assert str(source) == text


class TestRepr:
    """repr shows the call that rebuilds the source."""

    def test_repr(self) -> None:
        """Known fields only, dates as ISO strings."""
        assert repr(AKORDA) == (
            "Source('President Tokayev receives Uzbek Foreign Minister', "
            "publisher='Akorda press service', url='https://www.akorda.kz/en', "
            "published='2024-04-10')"
        )
        assert repr(Source("x", note="it's")) == "Source('x', note=\"it's\")"

    @given(sources())
    def test_round_trip(self, source: Source) -> None:
        """eval(repr(s)) == s."""
        assert eval(repr(source), {"Source": Source}) == source


class TestConverters:
    """The converters other values share."""

    def test_as_date(self) -> None:
        """Dates and ISO strings; None only where optional."""
        assert as_date(dt.date(2024, 4, 10), "d") == dt.date(2024, 4, 10)
        assert as_date("2024-04-10", "d") == dt.date(2024, 4, 10)
        assert as_optional_date(None, "d") is None
        with pytest.raises(ValidationError, match="got None") as e:
            as_date(None, "signed")
        assert e.value.path == "signed"

    def test_as_text(self) -> None:
        """Stripped, non-empty text."""
        assert as_text(" a b ", "name") == "a b"
        with pytest.raises(ValidationError) as e:
            as_text("\n", "name")
        assert e.value.path == "name"

    def test_date_repr(self) -> None:
        """A quoted ISO date."""
        assert date_repr(dt.date(2024, 1, 2)) == "'2024-01-02'"

    def test_as_sources(self) -> None:
        """A sequence of sources becomes a tuple; one source a tuple of one."""
        assert as_sources([AKORDA]) == (AKORDA,)
        assert as_sources(AKORDA) == (AKORDA,)
        assert as_sources(()) == ()

    @pytest.mark.parametrize(
        ("value", "path", "message"),
        [
            ("Akorda", "sources", "expected a sequence of Source, got 'Akorda'"),
            (5, "sources", "expected a sequence of Source"),
            ([AKORDA, "x"], "sources[1]", "expected a Source, got 'x'"),
        ],
    )
    def test_as_sources_errors(self, value: object, path: str, message: str) -> None:
        """Text is not a source, nor a list of them."""
        with pytest.raises(ValidationError, match=message) as e:
            as_sources(value)
        assert e.value.path == path


def test_exported() -> None:
    """Source is importable from bilat."""
    assert bilat.Source is Source


class TestTypedConstructor:
    """The constructor says what each field accepts, so type checkers and IDEs can."""

    def test_source(self) -> None:
        """Each parameter of Source is annotated with what it accepts."""
        parameters = inspect.signature(Source).parameters.items()
        assert {name: p.annotation for name, p in parameters} == {
            "title": "str",
            "publisher": "str | None",
            "url": "str | None",
            "published": "DateLike | None",
            "accessed": "DateLike | None",
            "note": "str | None",
        }

    def test_to_sources(self) -> None:
        """The shared sources converter takes one Source or several, as as_sources."""
        akorda = Source("Akorda")
        assert to_sources(akorda) == (akorda,)
        assert to_sources([akorda, akorda]) == (akorda, akorda)
        with pytest.raises(ValidationError, match="expected a Source") as e:
            to_sources(["Akorda"])  # type: ignore[list-item]
        assert e.value.path == "sources[0]"
