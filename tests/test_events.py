"""Tests for bilat._events: officials, topics and meetings."""

from __future__ import annotations

import datetime as dt
import inspect
from collections.abc import Callable

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.strategies import meetings, officials

import bilat
from bilat import (
    Agreement,
    Country,
    Meeting,
    Official,
    Project,
    Source,
    Topic,
    TreatyAction,
    ValidationError,
)
from bilat._fields import DateOrYearLike

TOKAYEV = Official("Kassym-Jomart Tokayev", "President", "KZ")
SAIDOV = Official("Bakhtiyor Saidov", "Foreign Minister", "uzb")
NURTLEU = Official(
    "Murat Nurtleu", "Deputy Prime Minister and Foreign Minister", Country(398)
)
D = dt.date


class TestTopic:
    """Topics have readable lowercase values."""

    def test_values(self) -> None:
        """Every topic, in order."""
        assert [t.value for t in Topic] == [
            "trade",
            "economy",
            "investment",
            "industry",
            "agriculture",
            "energy",
            "water",
            "transport",
            "transit",
            "digital",
            "security",
            "culture",
            "humanitarian",
            "education",
            "health",
            "other",
        ]

    @given(st.sampled_from(Topic))
    def test_from_value(self, topic: Topic) -> None:
        """A topic's value gives the topic back."""
        assert Topic(topic.value) is topic


class TestOfficial:
    """An official is a name, a role and a country."""

    def test_fields(self) -> None:
        """The country may be given as any code; text is stripped."""
        o = Official(" Bakhtiyor Saidov ", "Foreign Minister ", 860)
        assert (o.name, o.role, o.country) == (
            "Bakhtiyor Saidov",
            "Foreign Minister",
            Country("UZ"),
        )
        assert o == SAIDOV

    def test_repr_and_str(self) -> None:
        """repr rebuilds; str reads as text."""
        assert repr(SAIDOV) == "Official('Bakhtiyor Saidov', 'Foreign Minister', 'UZ')"
        assert str(TOKAYEV) == "Kassym-Jomart Tokayev (President, Kazakhstan)"

    @pytest.mark.parametrize(
        ("args", "path", "message"),
        [
            (("", "President", "KZ"), "name", "non-empty string"),
            ((None, "President", "KZ"), "name", "expected a string"),
            (("Tokayev", " ", "KZ"), "role", "non-empty string"),
            (("Tokayev", 1, "KZ"), "role", "expected a string"),
            (("Tokayev", "President", "XX"), "country", "unknown country 'XX'"),
            (("Tokayev", "President", "SU"), "country", "did you mean"),
            (("Tokayev", "President", None), "country", "unknown country None"),
            (("Tokayev", "President", True), "country", "not a bool"),
        ],
    )
    def test_errors(self, args: tuple[object, ...], path: str, message: str) -> None:
        """Each invalid field is named."""
        with pytest.raises(ValidationError, match=message) as e:
            Official(*args)  # type: ignore[arg-type]
        assert e.value.path == path

    @given(officials())
    def test_round_trip(self, official: Official) -> None:
        """eval(repr(o)) == o."""
        assert eval(repr(official), {"Official": Official}) == official


class TestWhen:
    """A meeting's date is as precise as its source."""

    @pytest.mark.parametrize(
        ("when", "stored", "year", "date"),
        [
            (D(2024, 4, 10), D(2024, 4, 10), 2024, D(2024, 4, 10)),
            ("2024-04-10", D(2024, 4, 10), 2024, D(2024, 4, 10)),
            (2024, 2024, 2024, None),
            ("2024", 2024, 2024, None),
            (1, 1, 1, None),
            (9999, 9999, 9999, None),
            (None, None, None, None),
        ],
    )
    def test_forms(
        self,
        when: DateOrYearLike | None,
        stored: object,
        year: int | None,
        date: dt.date | None,
    ) -> None:
        """A day, a year (int or text), or nothing."""
        m = Meeting(when, (), ())
        assert m.when == stored
        assert type(m.when) is type(stored)
        assert (m.year, m.date) == (year, date)

    @pytest.mark.parametrize(
        ("when", "message"),
        [
            (True, "got True"),
            (0, "got 0"),
            (10000, "got 10000"),
            (-2024, "got -2024"),
            ("0000", "got '0000'"),
            ("2024-04", "got '2024-04'"),
            ("April 2024", "got 'April 2024'"),
            ("２０２４", "got '２０２４'"),
            (2024.0, "got 2024.0"),
            (dt.datetime(2024, 4, 10, 10), "datetime"),
        ],
    )
    def test_errors(self, when: object, message: str) -> None:
        """No month-only dates, no invented days, no floats or bools."""
        with pytest.raises(ValidationError, match=message) as e:
            Meeting(when, (), ())  # type: ignore[arg-type]
        assert e.value.path == "when"


class TestOneDateRule:
    """Every field that takes a day or a year reads it by the same rule."""

    @staticmethod
    def _readers() -> dict[str, Callable[[object], object]]:
        def project(v: object) -> object:
            return Project("Railway", ["KZ"], "underway", start=v).start  # type: ignore[arg-type]

        return {
            "Meeting.when": lambda v: Meeting(v, (), ()).when,  # type: ignore[arg-type]
            "Agreement.signed": lambda v: (
                Agreement("Treaty", ["KZ", "UZ"], "treaty", signed=v).signed  # type: ignore[arg-type]
            ),
            "TreatyAction.date": lambda v: TreatyAction("KZ", "signature", v).date,  # type: ignore[arg-type]
            "Project.start": project,
        }

    @pytest.mark.parametrize(
        "field",
        ["Meeting.when", "Agreement.signed", "TreatyAction.date", "Project.start"],
    )
    def test_year_as_text(self, field: str) -> None:
        """The four digits of a year are the int year in every field."""
        stored = self._readers()[field]("2024")
        assert stored == 2024
        assert type(stored) is int

    @given(
        st.one_of(
            st.integers(-10, 10_010),
            st.from_regex(r"[0-9]{1,5}", fullmatch=True),
            st.text(max_size=12),
            st.dates(),
            st.booleans(),
            st.floats(allow_nan=False),
        )
    )
    def test_fields_agree(self, value: object) -> None:
        """Each field keeps the same value, or refuses it with the same message."""
        outcomes = set()
        for read in self._readers().values():
            try:
                outcomes.add(("kept", type(stored := read(value)), stored))
            except ValidationError as e:
                outcomes.add(("refused", ValidationError, str(e).split(": ", 1)[1]))
        assert len(outcomes) == 1


class TestMeeting:
    """Participants, topics and the rest."""

    def test_fields(self) -> None:
        """Everything is converted and kept."""
        src = Source("Akorda press service")
        m = Meeting(
            "2024-04-10",
            [TOKAYEV, SAIDOV],
            ["trade", Topic.WATER, "security", Topic.TRADE, "water"],
            place=" Astana ",
            sources=[src],
            title="Tokayev receives Saidov",
            note="date from the press release",
        )
        assert m.participants == (TOKAYEV, SAIDOV)
        assert m.topics == (Topic.TRADE, Topic.WATER, Topic.SECURITY)
        assert m.place == "Astana"
        assert m.sources == (src,)
        assert m.title == "Tokayev receives Saidov"
        assert m.note == "date from the press release"

    def test_single_values(self) -> None:
        """One official or one topic stands for a sequence of one."""
        m = Meeting(2024, TOKAYEV, Topic.CULTURE)
        assert (m.participants, m.topics) == ((TOKAYEV,), (Topic.CULTURE,))

    def test_defaults(self) -> None:
        """Place, sources, title and note are optional."""
        m = Meeting(None, (), ())
        assert (m.place, m.sources, m.title, m.note) == (None, (), None, None)

    def test_countries(self) -> None:
        """The participants' countries, once each, in order."""
        m = Meeting(2024, [TOKAYEV, SAIDOV, NURTLEU], ())
        assert m.countries == (Country("KZ"), Country("UZ"))
        assert Meeting(2024, (), ()).countries == ()

    def test_frozen(self) -> None:
        """A meeting cannot be changed."""
        m = Meeting(2024, (), ())
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            m.when = 2025  # type: ignore[misc]

    @pytest.mark.parametrize(
        ("kwargs", "path", "message"),
        [
            ({"participants": "Tokayev"}, "participants", "sequence of Official"),
            ({"participants": 3}, "participants", "sequence of Official"),
            ({"participants": [TOKAYEV, "Saidov"]}, "participants[1]", "an Official"),
            (
                {"participants": [TOKAYEV, SAIDOV, TOKAYEV]},
                "participants[2]",
                "named twice",
            ),
            ({"topics": "trde"}, "topics", "unknown topic"),
            ({"topics": None}, "topics", "sequence of Topic"),
            ({"topics": ["trade", "weather"]}, "topics[1]", "unknown topic 'weather'"),
            ({"topics": [Topic.TRADE, 1]}, "topics[1]", "unknown topic 1"),
            ({"place": ""}, "place", "non-empty string"),
            ({"title": 5}, "title", "expected a string"),
            ({"note": "  "}, "note", "non-empty string"),
            ({"sources": "Akorda"}, "sources", "sequence of Source"),
            ({"sources": [Source("a"), None]}, "sources[1]", "expected a Source"),
        ],
    )
    def test_errors(self, kwargs: dict[str, object], path: str, message: str) -> None:
        """Each invalid field is named."""
        fields: dict[str, object] = {"when": 2024, "participants": (), "topics": ()}
        fields.update(kwargs)
        with pytest.raises(ValidationError, match=message) as e:
            Meeting(**fields)  # type: ignore[arg-type]
        assert e.value.path == path


class TestSorting:
    """Meeting.sort_key orders meetings in time."""

    def test_order(self) -> None:
        """Undated first, then by year; a year alone before that year's days."""
        undated = Meeting(None, (), ())
        y2023 = Meeting(2023, (), ())
        d2023 = Meeting("2023-09-22", (), ())
        y2024 = Meeting(2024, (), ())
        d2024a = Meeting("2024-01-15", (), ())
        d2024b = Meeting("2024-04-10", (), ())
        shuffled = [d2024b, y2024, undated, d2023, d2024a, y2023]
        assert sorted(shuffled, key=Meeting.sort_key) == [
            undated,
            y2023,
            d2023,
            y2024,
            d2024a,
            d2024b,
        ]
        recent = sorted(shuffled, key=Meeting.sort_key, reverse=True)
        assert recent[0] is d2024b

    @given(st.lists(meetings(), max_size=6))
    def test_sorted_in_time(self, ms: list[Meeting]) -> None:
        """Sorting never fails, and known years and days come out in order."""
        ordered = sorted(ms, key=Meeting.sort_key)
        years = [m.year for m in ordered if m.year is not None]
        days = [m.date for m in ordered if m.date is not None]
        assert years == sorted(years)
        assert days == sorted(days)
        known = [m.year is not None for m in ordered]
        assert known == sorted(known)


class TestRepr:
    """repr shows the call that rebuilds the meeting."""

    def test_repr(self) -> None:
        """ISO date, officials, topic members, then the keywords given."""
        m = Meeting("2024-04-10", [SAIDOV], ["trade", "water"], place="Astana")
        assert repr(m) == (
            "Meeting('2024-04-10', (Official('Bakhtiyor Saidov', 'Foreign Minister', "
            "'UZ'),), (Topic.TRADE, Topic.WATER), place='Astana')"
        )
        assert repr(Meeting(2024, (), [Topic.CULTURE])) == (
            "Meeting(2024, (), (Topic.CULTURE,))"
        )
        assert repr(Meeting(None, (), ())) == "Meeting(None, (), ())"

    @given(meetings())
    def test_round_trip(self, meeting: Meeting) -> None:
        """eval(repr(m)) == m."""
        names = {
            "Meeting": Meeting,
            "Official": Official,
            "Source": Source,
            "Topic": Topic,
        }
        assert eval(repr(meeting), names) == meeting


def test_exported() -> None:
    """The public names are importable from bilat."""
    assert (bilat.Meeting, bilat.Official, bilat.Topic) == (Meeting, Official, Topic)


class TestTypedConstructor:
    """The constructors say what each field accepts, so type checkers and IDEs can."""

    def test_official(self) -> None:
        """Each parameter of Official is annotated with what it accepts."""
        assert _annotations(Official) == {
            "name": "str",
            "role": "str",
            "country": "CountryLike",
        }

    def test_meeting(self) -> None:
        """Each parameter of Meeting is annotated with what it accepts."""
        assert _annotations(Meeting) == {
            "when": "DateOrYearLike | None",
            "participants": "Official | Iterable[Official]",
            "topics": "Topic | str | Iterable[Topic | str]",
            "place": "str | None",
            "sources": "Sources",
            "title": "str | None",
            "note": "str | None",
        }


def _annotations(cls: type) -> dict[str, object]:
    """The annotation of each parameter of ``cls``'s constructor, as written."""
    return {name: p.annotation for name, p in inspect.signature(cls).parameters.items()}


class TestOneTopic:
    """One topic alone, as a member or as its text, is a tuple of one."""

    @pytest.mark.parametrize("topic", [Topic.WATER, "water"])
    def test_alone(self, topic: Topic | str) -> None:
        """What the type annotation allows, the run time takes."""
        assert Meeting(2024, (), topic).topics == (Topic.WATER,)
