"""Sources: where a figure or a fact came from."""

from __future__ import annotations

import datetime as dt
import urllib.parse
from collections.abc import Callable, Iterable
from typing import TypeAlias, final

import attrs

from bilat._errors import shown
from bilat._fields import (
    DateLike,
    DateOrYear,
    as_instances,
    as_optional_date,
    as_optional_text,
    as_text,
    invalid,
)
from bilat._pickling import public

__all__ = [
    "Source",
    "Sources",
    "as_sources",
    "citation",
    "date_or_year_repr",
    "date_or_year_text",
    "date_repr",
    "date_span",
    "to_sources",
]

#: What a ``sources`` field accepts: one :class:`Source`, or several.
Sources: TypeAlias = "Source | Iterable[Source]"


def date_span(value: DateOrYear) -> tuple[dt.date, dt.date]:
    """The first and the last day ``value`` may stand for.

    A day stands for itself; a year for 1 January to 31 December. Two values
    are certainly out of order only when the later one's last day comes
    before the earlier one's first day.

    Example:
        >>> import datetime
        >>> from bilat._source import date_span
        >>> date_span(2025)
        (datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))
        >>> date_span(datetime.date(2025, 2, 5))[1]
        datetime.date(2025, 2, 5)
    """
    if isinstance(value, int):
        return dt.date(value, 1, 1), dt.date(value, 12, 31)
    return value, value


def date_or_year_text(value: DateOrYear) -> str:
    """A date as ISO text, a year as its digits.

    Example:
        >>> from bilat._source import date_or_year_text
        >>> date_or_year_text(2025)
        '2025'
    """
    return str(value) if isinstance(value, int) else value.isoformat()


def date_or_year_repr(value: DateOrYear) -> str:
    """A date or a year as :func:`as_date_or_year` takes it back, for a repr.

    Example:
        >>> from bilat._source import date_or_year_repr
        >>> date_or_year_repr(2025)
        '2025'
    """
    return repr(value) if isinstance(value, int) else date_repr(value)


def date_repr(value: dt.date) -> str:
    """A date as the ISO string the converters accept, quoted for a repr.

    Example:
        >>> import datetime
        >>> from bilat._source import date_repr
        >>> date_repr(datetime.date(2024, 4, 10))
        "'2024-04-10'"
    """
    return repr(value.isoformat())


def as_sources(value: object, path: str = "sources") -> tuple[Source, ...]:
    """A tuple of :class:`Source` values (a single Source is a tuple of one).

    Raises:
        ValidationError: ``value`` is not a sequence of sources; the path
            names the offending item (``sources[1]``).

    Example:
        >>> from bilat import Source
        >>> from bilat._source import as_sources
        >>> as_sources([Source("Akorda")])
        (Source('Akorda'),)
    """
    return as_instances(value, Source, path)


def to_sources(value: Sources) -> tuple[Source, ...]:
    """The converter of every ``sources`` field: :func:`as_sources`, typed.

    Example:
        >>> from bilat import Source
        >>> from bilat._source import to_sources
        >>> to_sources(Source("Akorda"))
        (Source('Akorda'),)
    """
    return as_sources(value)


# -- Source ------------------------------------------------------------------------


def _title(value: str) -> str:
    return as_text(value, "title")


def _publisher(value: str | None) -> str | None:
    return as_optional_text(value, "publisher")


def _note(value: str | None) -> str | None:
    return as_optional_text(value, "note")


def _published(value: DateLike | None) -> dt.date | None:
    return as_optional_date(value, "published")


def _accessed(value: DateLike | None) -> dt.date | None:
    return as_optional_date(value, "accessed")


def _url(value: str | None) -> str | None:
    if value is None:
        return None
    url = as_text(value, "url")
    problem = None
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a malformed port
    except ValueError as e:
        problem = str(e)
    else:
        if parts.scheme.lower() not in {"http", "https"}:
            problem = "the scheme must be http or https"
        elif not parts.hostname:
            problem = "it has no host"
        elif any(c.isspace() or not c.isprintable() for c in url):
            problem = "it contains spaces or control characters"
    if problem is not None:
        raise invalid("url", f"expected an http(s) URL, got {shown(value)}: {problem}")
    return url


def citation(
    name: str,
    published: str | None,
    accessed: str | None,
    url: str | None,
    *,
    accessed_text: str = "accessed {date}",
    text: Callable[[str], str] = str,
    link: Callable[[str], str] = str,
) -> str:
    """The one citation rule of :meth:`Source.cite` and of reports.

    ``name`` (the publisher, else the title), then the publication date or,
    failing that, the access date written by ``accessed_text``, then the
    URL; each when known. A report passes its locale's ``accessed_text``,
    and for Markdown a ``text`` that escapes and a ``link`` that makes an
    autolink.

    Example:
        >>> from bilat._source import citation
        >>> citation("Kazinform", None, "2025-02-01", "https://x.kz")
        'Kazinform, accessed 2025-02-01, https://x.kz'
    """
    parts = [text(name)]
    if published is not None:
        parts.append(text(published))
    elif accessed is not None:
        parts.append(text(accessed_text.format(date=accessed)))
    if url is not None:
        parts.append(link(url))
    return ", ".join(parts)


@public
@final
@attrs.frozen(repr=False)
class Source:
    """Where a fact or a figure came from: a page, a report, a data set.

    Only the title is required; give whatever else is known. Text fields are
    stripped of surrounding whitespace, dates may be given as ISO strings.

    Args:
        title: The document's title (or a description, such as "Ministers'
            meeting").
        publisher: Who published it ("Akorda press service").
        url: Where it can be read; an ``http`` or ``https`` URL.
        published: The date it was published.
        accessed: The date it was read; not before ``published``.
        note: Anything else worth keeping (a page number, a caveat).

    Raises:
        ValidationError: a field is of the wrong type or empty, the URL is not
            an http(s) URL, or ``accessed`` is before ``published``; the
            error's path names the field.

    Example:
        >>> from bilat import Source
        >>> s = Source(
        ...     "President Tokayev receives Uzbek Foreign Minister",
        ...     publisher="Akorda press service",
        ...     url="https://www.akorda.kz/en",
        ...     published="2024-04-10",
        ... )
        >>> s.published
        datetime.date(2024, 4, 10)
        >>> s.cite()
        'Akorda press service, 2024-04-10, https://www.akorda.kz/en'
    """

    title: str = attrs.field(converter=_title)
    publisher: str | None = attrs.field(
        default=None, kw_only=True, converter=_publisher
    )
    url: str | None = attrs.field(default=None, kw_only=True, converter=_url)
    published: dt.date | None = attrs.field(
        default=None, kw_only=True, converter=_published
    )
    accessed: dt.date | None = attrs.field(
        default=None, kw_only=True, converter=_accessed
    )
    note: str | None = attrs.field(default=None, kw_only=True, converter=_note)

    def __attrs_post_init__(self) -> None:
        if (
            self.published is not None
            and self.accessed is not None
            and self.accessed < self.published
        ):
            raise invalid(
                "accessed",
                f"accessed {self.accessed.isoformat()} is before "
                f"published {self.published.isoformat()}",
            )

    def cite(self) -> str:
        """A short citation: who (or what), when, where.

        The publisher stands for the source when known, else the title; then
        the publication date (or, failing that, the date it was accessed) and
        the URL, each when known.

        Example:
            >>> from bilat import Source
            >>> Source("Trade statistics", accessed="2025-02-01").cite()
            'Trade statistics, accessed 2025-02-01'
        """
        return citation(
            self.publisher or self.title,
            self.published.isoformat() if self.published is not None else None,
            self.accessed.isoformat() if self.accessed is not None else None,
            self.url,
        )

    def __str__(self) -> str:
        return self.cite()

    def __repr__(self) -> str:
        args = [repr(self.title)]
        for name in ("publisher", "url", "published", "accessed", "note"):
            value = getattr(self, name)
            if value is None:
                continue
            text = date_repr(value) if isinstance(value, dt.date) else repr(value)
            args.append(f"{name}={text}")
        return f"Source({', '.join(args)})"
