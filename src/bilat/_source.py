"""Sources: where a figure or a fact came from."""

from __future__ import annotations

import datetime as dt
import re
import urllib.parse
from typing import Final, TypeAlias, final

import attrs

from bilat._errors import DATE_EXAMPLE, InvalidDateError, ValidationError, shown
from bilat._fields import as_instances, plain_str
from bilat._pickling import public

__all__ = [
    "DateOrYear",
    "Source",
    "as_date",
    "as_date_or_year",
    "as_optional_date",
    "as_optional_date_or_year",
    "as_sources",
    "as_text",
    "date_or_year_repr",
    "date_or_year_text",
    "date_repr",
    "date_span",
]

#: A day, or only its year (an ``int`` from 1 to 9999) when no day is known.
DateOrYear: TypeAlias = dt.date | int

_ISO_DATE: Final = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_YEAR: Final = re.compile(r"\d{4}", re.ASCII)
_DATE: Final = f"a date or an ISO date such as {DATE_EXAMPLE}"
_DATE_OR_YEAR: Final = (
    f"a date, an ISO date such as {DATE_EXAMPLE} or a year (an int such as 2025, "
    "or its digits '2025')"
)


# -- converters shared by the domain values ---------------------------------------


def as_date(value: object, path: str) -> dt.date:
    """A :class:`datetime.date` from a date or an ISO ``YYYY-MM-DD`` string.

    A :class:`datetime.datetime` is refused rather than cut to its date, since
    a date and a datetime never compare equal.

    Raises:
        InvalidDateError: ``value`` is neither; the path is ``path``.

    Example:
        >>> from bilat._source import as_date
        >>> as_date("2024-04-10", "published")
        datetime.date(2024, 4, 10)
        >>> as_date("10.04.2024", "published")
        Traceback (most recent call last):
        ...
        bilat.InvalidDateError: published: expected a date or an ISO date such as '2025-12-31', got '10.04.2024'
    """
    if isinstance(value, dt.datetime):
        raise InvalidDateError(value, path, "a date, not a datetime (pass its .date())")
    if isinstance(value, dt.date):
        return value
    text = plain_str(value)
    if text is not None and _ISO_DATE.fullmatch(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
    raise InvalidDateError(value, path, _DATE)


def as_optional_date(value: object, path: str) -> dt.date | None:
    """Like :func:`as_date`, but None stays None.

    Example:
        >>> from bilat._source import as_optional_date
        >>> as_optional_date(None, "signed") is None
        True
    """
    return None if value is None else as_date(value, path)


def as_date_or_year(value: object, path: str) -> DateOrYear:
    """A date (or an ISO string), or a year as an ``int`` when no day is known.

    A year may be an ``int`` or its four ASCII digits as a string (``"2025"``,
    as files and forms give it); either way it is stored as an ``int``. This
    is the one rule for every field of bilat that takes a day or a year.

    Raises:
        InvalidDateError: ``value`` is none of these, or a year outside 1 to
            9999; the path is ``path``.

    Example:
        >>> from bilat._source import as_date_or_year
        >>> as_date_or_year(2025, "date"), as_date_or_year("2025-02-05", "date")
        (2025, datetime.date(2025, 2, 5))
        >>> as_date_or_year("2025", "date")
        2025
    """
    if type(value) is int:
        if 1 <= value <= 9999:
            return value
        raise InvalidDateError(value, path, "a year from 1 to 9999")
    if isinstance(value, dt.date):
        return as_date(value, path)  # a datetime is refused, with advice
    text = plain_str(value)
    if text is not None and _YEAR.fullmatch(text) and text != "0000":
        return int(text)
    try:
        return as_date(value, path)
    except InvalidDateError:
        raise InvalidDateError(value, path, _DATE_OR_YEAR) from None


def as_optional_date_or_year(value: object, path: str) -> DateOrYear | None:
    """Like :func:`as_date_or_year`, but None (an unknown date) stays None.

    Example:
        >>> from bilat._source import as_optional_date_or_year
        >>> as_optional_date_or_year(None, "signed") is None
        True
        >>> as_optional_date_or_year("2022", "signed")
        2022
    """
    return None if value is None else as_date_or_year(value, path)


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


def as_text(value: object, path: str) -> str:
    r"""A non-empty string with surrounding whitespace removed.

    Text must be writable as UTF-8: a lone surrogate (such as U+D800, which a
    JSON escape or a broken decoder can produce) is refused here rather than
    when the dossier is written.

    Raises:
        ValidationError: ``value`` is not a string, is blank, or holds a
            lone surrogate.

    Example:
        >>> from bilat._source import as_text
        >>> as_text("  Akorda ", "publisher")
        'Akorda'
        >>> as_text("Akorda" + chr(0xD800), "publisher")
        Traceback (most recent call last):
        ...
        bilat.ValidationError: publisher: expected UTF-8 text, got 'Akorda\ud800' with the lone surrogate '\ud800' at position 6
    """
    if not isinstance(value, str):
        raise ValidationError([(path, f"expected a string, got {shown(value)}")])
    text = value.strip()
    if not text:
        raise ValidationError(
            [(path, f"expected a non-empty string, got {shown(value)}")]
        )
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as e:
            where = f"{shown(text[e.start])} at position {e.start}"
            raise ValidationError(
                [
                    (
                        path,
                        f"expected UTF-8 text, got {shown(value)} with the lone surrogate {where}",
                    )
                ]
            ) from None
    return text


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


# -- Source ------------------------------------------------------------------------


def _title(value: object) -> str:
    return as_text(value, "title")


def _publisher(value: object) -> str | None:
    return None if value is None else as_text(value, "publisher")


def _note(value: object) -> str | None:
    return None if value is None else as_text(value, "note")


def _published(value: object) -> dt.date | None:
    return as_optional_date(value, "published")


def _accessed(value: object) -> dt.date | None:
    return as_optional_date(value, "accessed")


def _url(value: object) -> str | None:
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
        raise ValidationError(
            [("url", f"expected an http(s) URL, got {shown(value)}: {problem}")]
        )
    return url


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
            raise ValidationError(
                [
                    (
                        "accessed",
                        (
                            f"accessed {self.accessed.isoformat()} is before "
                            f"published {self.published.isoformat()}"
                        ),
                    )
                ]
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
        parts = [self.publisher or self.title]
        if self.published is not None:
            parts.append(self.published.isoformat())
        elif self.accessed is not None:
            parts.append(f"accessed {self.accessed.isoformat()}")
        if self.url is not None:
            parts.append(self.url)
        return ", ".join(parts)

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
