"""The file format's one source of truth: what each class writes, and as what.

Every class stored in a dossier file is a *record*: a table (TOML) or an
object (JSON) with one key per constructor argument, spelled like the
argument. :func:`records` lists, for each class, the *plain type* of each
field: the type of the value as it is written in the file. The cattrs
converter (:mod:`bilat.io._convert`) and the JSON Schema
(:mod:`bilat.io._schema`) are both generated from this table, so the two
cannot drift apart.

Plain types are the builtins ``str`` and ``int``, :class:`~decimal.Decimal`
(written as a string), :class:`datetime.date` (an ISO string), bilat's value
classes with a scalar form (:class:`~bilat.Country` as ``"KZ"``,
:class:`~bilat.Currency` as ``"USD"``, :class:`~bilat.Money`,
:class:`~bilat.Estimate`), enums (by value), ``tuple[X, ...]`` (a list),
``Mapping[str, X]`` and ``Mapping[Year, X]`` (a table), the markers below,
and other records.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, Final, final

import attrs

from bilat._cache import thread_safe_cache
from bilat._country import Country
from bilat._estimate import Estimate
from bilat._money import Money

__all__ = [
    "FORMAT",
    "FORMATS",
    "AnySeries",
    "AnyTarget",
    "DateOrYear",
    "Measure",
    "MoneyOrEstimate",
    "Quantity",
    "Record",
    "SaidBy",
    "Year",
    "records",
]

#: The format written to every file, under the key ``format``.
FORMAT: Final = "bilat/1"

#: The formats :func:`bilat.load` reads.
FORMATS: Final = (FORMAT,)

#: A value that is Money, or an Estimate when it carries a ``qualifier``.
MoneyOrEstimate: Final = Money | Estimate


@final
class Quantity:
    """A physical quantity, written as magnitude and unit: ``"152 km"``."""


@final
class Year:
    """A year used as a table key, written as a string of digits: ``"2022"``."""


@final
class DateOrYear:
    """A date (``"2024-05-10"``), or a year alone (``2024``) when no day is known."""


@final
class Measure:
    """A value of any measure: a Money or Estimate table, a quantity, or a number.

    A quantity is text with a unit (``"152 km"``); a number is an integer or
    text without a unit (``78``, ``"0.5"``).
    """


@final
class SaidBy:
    """Who stated a claim: an official (a table) or a country (``"KZ"``)."""


@final
class AnyTarget:
    """A target: a :class:`~bilat.Target` when it has a ``subject``, else a trade target."""


@final
class AnySeries:
    """A series: a :class:`~bilat.Series` when it has a ``subject``, else a trade series."""


@attrs.frozen
class Record:
    """How one class is written: its plain field types, by field name.

    Attributes:
        cls: The class.
        fields: The plain type of each constructor argument, in order.
        nullable: Required arguments that may be None: absent from a file
            when None.
        defaults: The defaults of optional arguments the attrs fields do
            not know (a class with its own ``__init__``).
        stand_in: ``(absent, given)``: when a file's table has no
            ``absent`` key, the text of ``given`` is passed for it as
            written (a claim given only as ``text = "over $4.6 billion"``).
        read: How the class reads that text (raising a ValidationError
            whose path names the field): used only to report a text that
            cannot be read when another field of the record is bad too.
    """

    cls: type
    fields: Mapping[str, Any]
    nullable: frozenset[str] = frozenset()
    defaults: Mapping[str, Any] = attrs.field(factory=dict)
    stand_in: tuple[str, str] | None = None
    read: Callable[[str], object] | None = None

    @property
    def name(self) -> str:
        """The class name, used for the schema's definitions."""
        return self.cls.__name__

    def attributes(self) -> list[attrs.Attribute[Any]]:
        """The class's attrs fields with plain types, in constructor order.

        A class with its own ``__init__`` (whose attrs fields have no
        defaults) gives the defaults of its optional arguments in
        :attr:`defaults`.
        """
        return [
            a.evolve(type=self.fields[a.name])
            if a.name not in self.defaults
            else a.evolve(type=self.fields[a.name], default=self.defaults[a.name])
            for a in attrs.fields(self.cls)
            if a.init or a.name in self.defaults
        ]


def _record(
    cls: type,
    nullable: frozenset[str] = frozenset(),
    defaults: Mapping[str, Any] | None = None,
    stand_in: tuple[str, str] | None = None,
    read: Callable[[str], object] | None = None,
    **fields: Any,
) -> Record:
    return Record(cls, fields, nullable, defaults or {}, stand_in, read)


def _read_claim_text(text: str) -> object:
    """A claim's ``text`` read as a file's text is read: in English."""
    from bilat._claims import _read

    return _read(text, "en")


@thread_safe_cache
def records() -> tuple[Record, ...]:
    """Every record class of the format, dependencies before their users."""
    from bilat._agreement import ActionKind, Agreement, AgreementKind, TreatyAction
    from bilat._claims import Claim
    from bilat._dossier import Dossier
    from bilat._events import Meeting, Official, Topic
    from bilat._project import ProgressUpdate, Project, ProjectStatus
    from bilat._series import Series, TradeMetric
    from bilat._source import Source
    from bilat._target import Target, TradeTarget
    from bilat._trade_series import TradeSeries

    sources = tuple[Source, ...]
    parties = tuple[Country, ...]
    claim = _record(
        Claim,
        stand_in=("value", "text"),
        read=_read_claim_text,
        defaults=dict.fromkeys(
            ("value", "said_by", "stated", "note", "text", "precision")
        ),
        subject=str,
        period=int,
        value=Measure,
        source=Source,
        parties=parties,
        said_by=SaidBy,
        stated=DateOrYear,
        note=str,
        text=str,
        precision=Decimal,
    )
    return (
        _record(
            Source,
            title=str,
            publisher=str,
            url=str,
            published=dt.date,
            accessed=dt.date,
            note=str,
        ),
        _record(Official, name=str, role=str, country=Country),
        claim,
        _record(
            TreatyAction,
            party=Country,
            kind=ActionKind,
            date=DateOrYear,
            sources=sources,
        ),
        _record(
            Agreement,
            title=str,
            parties=parties,
            kind=AgreementKind,
            signed=DateOrYear,
            in_force=DateOrYear,
            ends=DateOrYear,
            terminated=DateOrYear,
            sources=sources,
            actions=tuple[TreatyAction, ...],
            note=str,
        ),
        _record(
            ProgressUpdate, date=dt.date, measure=str, done=Quantity, sources=sources
        ),
        _record(
            Project,
            name=str,
            parties=parties,
            status=ProjectStatus,
            value=MoneyOrEstimate,
            sector=str,
            count=int,
            start=DateOrYear,
            end=DateOrYear,
            location=str,
            measures=Mapping[str, Quantity],
            updates=tuple[ProgressUpdate, ...],
            sources=sources,
        ),
        _record(
            TradeSeries,
            parties=parties,
            metric=TradeMetric,
            values=Mapping[Year, MoneyOrEstimate],  # type: ignore[valid-type]
            reporter=Country,
            sources=sources,
            value_sources=Mapping[Year, sources],
            claims=Mapping[Year, Claim],
        ),
        _record(
            Series,
            parties=parties,
            subject=str,
            values=Mapping[Year, Measure],
            reporter=Country,
            sources=sources,
            value_sources=Mapping[Year, sources],
            claims=Mapping[Year, Claim],
        ),
        _record(
            TradeTarget,
            parties=parties,
            value=MoneyOrEstimate,
            deadline=int,
            metric=TradeMetric,
            baseline_year=int,
            agreement=Agreement,
            sources=sources,
        ),
        _record(
            Target,
            parties=parties,
            value=Measure,
            deadline=int,
            subject=str,
            baseline_year=int,
            agreement=Agreement,
            sources=sources,
        ),
        _record(
            Meeting,
            frozenset({"when"}),
            when=DateOrYear,
            participants=tuple[Official, ...],
            topics=tuple[Topic, ...],
            place=str,
            sources=sources,
            title=str,
            note=str,
        ),
        _record(
            Dossier,
            title=str,
            parties=parties,
            agreements=tuple[Agreement, ...],
            projects=tuple[Project, ...],
            targets=tuple[AnyTarget, ...],
            series=tuple[AnySeries, ...],
            events=tuple[Meeting, ...],
            sources=sources,
            relationship=str,
            officials=tuple[Official, ...],
            note=str,
            claims=tuple[Claim, ...],
        ),
    )
