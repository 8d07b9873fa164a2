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
from collections.abc import Mapping
from typing import Any, Final, final

import attrs

from bilat._cache import thread_safe_cache
from bilat._country import Country
from bilat._estimate import Estimate
from bilat._money import Money

__all__ = [
    "FORMAT",
    "FORMATS",
    "DateOrYear",
    "MoneyOrEstimate",
    "Quantity",
    "Record",
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


@attrs.frozen
class Record:
    """How one class is written: its plain field types, by field name.

    Attributes:
        cls: The class.
        fields: The plain type of each constructor argument, in order.
        nullable: Required arguments that may be None: absent from a file
            when None.
    """

    cls: type
    fields: Mapping[str, Any]
    nullable: frozenset[str] = frozenset()

    @property
    def name(self) -> str:
        """The class name, used for the schema's definitions."""
        return self.cls.__name__

    def attributes(self) -> list[attrs.Attribute[Any]]:
        """The class's attrs fields with plain types, in constructor order."""
        return [
            a.evolve(type=self.fields[a.name]) for a in attrs.fields(self.cls) if a.init
        ]


def _record(cls: type, nullable: frozenset[str] = frozenset(), **fields: Any) -> Record:
    return Record(cls, fields, nullable)


@thread_safe_cache
def records() -> tuple[Record, ...]:
    """Every record class of the format, dependencies before their users."""
    from bilat._agreement import Agreement, AgreementKind
    from bilat._dossier import Dossier
    from bilat._events import Meeting, Official, Topic
    from bilat._project import ProgressUpdate, Project, ProjectStatus
    from bilat._series import TradeMetric, TradeSeries
    from bilat._source import Source
    from bilat._target import TradeTarget

    sources = tuple[Source, ...]
    parties = tuple[Country, ...]
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
        _record(
            Agreement,
            title=str,
            parties=parties,
            kind=AgreementKind,
            signed=dt.date,
            in_force=dt.date,
            ends=dt.date,
            terminated=dt.date,
            sources=sources,
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
            values=Mapping[Year, Money],
            reporter=Country,
            sources=sources,
            value_sources=Mapping[Year, sources],
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
        _record(Official, name=str, role=str, country=Country),
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
            targets=tuple[TradeTarget, ...],
            series=tuple[TradeSeries, ...],
            events=tuple[Meeting, ...],
            sources=sources,
            relationship=str,
            officials=tuple[Official, ...],
            note=str,
        ),
    )
