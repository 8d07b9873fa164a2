"""Reading and writing dossier files: TOML or JSON, chosen by the file's suffix.

A file is parsed completely, then turned into values completely; only when
every value was built is the dossier returned, so a bad file never leaves a
half-loaded dossier behind. Writing serialises the whole dossier before the
file is opened.

Reading is safe for files from anywhere: the parsers are :mod:`tomllib` and
:mod:`json`, which build only tables, lists, strings, numbers and dates, and
nothing in a file is ever executed or imported (there is no pickle and no
YAML). A file larger than :data:`MAX_FILE_SIZE` is refused before it is read,
and nesting too deep for the parsers, integers too long for Python, numbers
beyond bilat's range and text that is not UTF-8 are reported as
:class:`~bilat.ValidationError`, never as a Python error.

cattrs and tomli-w are imported here only when a file is read or written, so
``import bilat`` stays light.
"""

from __future__ import annotations

import decimal
import json
import os
import re
import sys
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal, TypeAlias

from bilat._errors import (
    InvalidNumberError,
    InvalidOptionError,
    NumberTypeError,
    ValidationError,
)

if TYPE_CHECKING:
    from bilat._dossier import Dossier

__all__ = [
    "MAX_FILE_SIZE",
    "SUFFIXES",
    "FileFormat",
    "dump",
    "dumps",
    "from_data",
    "load",
    "loads",
    "to_data",
]

#: The text formats a dossier can be written in.
FileFormat: TypeAlias = Literal["toml", "json"]

#: File suffixes and the format each stands for.
SUFFIXES: Final[dict[str, FileFormat]] = {".json": "json", ".toml": "toml"}

#: The largest file :func:`load` reads unless told otherwise: 64 MiB, a
#: thousand times the bundled dossier, and small enough to parse in memory.
MAX_FILE_SIZE: Final = 64 * 1024 * 1024

# The longest integer literal read: enough for any year, count or amount in
# bilat's range (100 digits), with a sign.
_MAX_INT_DIGITS: Final = 101

_FORMATS: Final = ("json", "toml")
_AT_END: Final = " (at end of document)"
_TOML_POSITION: Final = re.compile(
    r"(?P<msg>.*) \(at line (?P<line>\d+), column (?P<col>\d+)\)"
)

StrPath: TypeAlias = str | os.PathLike[str]


def _format_of(path: Path) -> FileFormat:
    try:
        return SUFFIXES[path.suffix.lower()]
    except KeyError:
        raise InvalidOptionError("file suffix", path.suffix, SUFFIXES) from None


def _check_format(format: str) -> FileFormat:
    if format not in _FORMATS:
        raise InvalidOptionError("format", format, _FORMATS)
    return format  # type: ignore[return-value]


# -- parsing text ------------------------------------------------------------


def _position(line: int, column: int) -> str:
    return f"line {line}, column {column}"


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number bilat accepts")


def _shorten(text: str) -> str:
    return text if len(text) <= 40 else f"{text[:30]}... ({len(text):,} characters)"


def _parse_int(text: str) -> int:
    """A JSON integer; refuses one far beyond any year, count or amount."""
    if len(text) > _MAX_INT_DIGITS:
        raise ValueError(
            f"the integer {text[:20]}... has {len(text.lstrip('-')):,} digits; "
            f"bilat reads numbers of at most {_MAX_INT_DIGITS - 1} digits"
        )
    return int(text)


def _parse_decimal(text: str) -> Decimal:
    """A number with a fraction or exponent, exactly (range checked later)."""
    try:
        return Decimal(text)
    except decimal.InvalidOperation:  # an exponent beyond any Decimal's
        raise ValueError(
            f"the number {_shorten(text)} is far beyond bilat's range "
            "(magnitudes below 1E+100 and, unless zero, at least 1E-100)"
        ) from None


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    table = dict(pairs)
    if len(table) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise ValueError(f"the key {key!r} appears twice in one object")
            seen.add(key)
    return table


def _toml_problem(message: str, text: str) -> str:
    """A tomllib error message with its position as line and column."""
    found = _TOML_POSITION.fullmatch(message)
    if found is not None:
        where = _position(int(found["line"]), int(found["col"]))
        return f"invalid TOML at {where}: {found['msg']}"
    if message.endswith(_AT_END):
        lines = text.split("\n")
        where = _position(len(lines), len(lines[-1]) + 1)
        return f"invalid TOML at {where} (the end): {message[: -len(_AT_END)]}"
    return f"invalid TOML: {message}"


_TOO_DEEP: Final = (
    "lists and tables are nested too deeply to read (a dossier needs fewer "
    "than ten levels)"
)


def _parse(text: str, format: FileFormat) -> Any:
    """Parse TOML or JSON text; numbers with a fraction become exact Decimals.

    Raises:
        ValidationError: the text is not valid TOML or JSON (the message
            gives the line and column when the parser knows them), nests
            lists and tables too deeply, or holds an integer too long for
            Python or a number beyond any Decimal's range.
    """
    # Both parsers recurse once per level of nesting; a file of many "[" ends
    # in a RecursionError, which unwinds cleanly and is reported as such.
    if format == "toml":
        try:
            return tomllib.loads(text, parse_float=_parse_decimal)
        except tomllib.TOMLDecodeError as e:
            raise ValidationError(_toml_problem(str(e), text)) from None
        except RecursionError:
            raise ValidationError(f"invalid TOML: {_TOO_DEEP}") from None
        except ValueError as e:  # an integer longer than Python reads
            raise ValidationError(f"invalid TOML: {_int_problem(e)}") from None
    try:
        return json.loads(
            text,
            parse_float=_parse_decimal,
            parse_int=_parse_int,
            parse_constant=_reject_constant,
            object_pairs_hook=_no_duplicates,
        )
    except json.JSONDecodeError as e:
        where = _position(e.lineno, e.colno)
        raise ValidationError(f"invalid JSON at {where}: {e.msg}") from None
    except RecursionError:
        raise ValidationError(f"invalid JSON: {_TOO_DEEP}") from None
    except ValueError as e:  # from the hooks: no position is known
        raise ValidationError(f"invalid JSON: {e}") from None


def _int_problem(error: ValueError) -> str:
    if "integer string conversion" in str(error):
        return (
            f"an integer has more than {sys.get_int_max_str_digits():,} digits; "
            f"bilat reads numbers of at most {_MAX_INT_DIGITS - 1} digits"
        )
    return str(error)  # pragma: no cover - tomllib raises no other ValueError


# -- plain data --------------------------------------------------------------


def to_data(dossier: Dossier) -> dict[str, Any]:
    """The plain data of a dossier file: tables, lists, strings and integers.

    The first key is ``format`` (``"bilat/1"``); fields equal to their
    default are left out.

    Example:
        >>> from bilat import Dossier
        >>> from bilat.io import to_data
        >>> to_data(Dossier("Kazakhstan and Uzbekistan", ["KZ", "UZ"]))
        {'format': 'bilat/1', 'title': 'Kazakhstan and Uzbekistan',
         'parties': ['KZ', 'UZ']}
    """
    from bilat.io._convert import unstructure
    from bilat.io._spec import FORMAT

    return {"format": FORMAT, **unstructure(dossier)}


def from_data(data: object) -> Dossier:
    """Build a dossier from plain data, checking all of it.

    The ``format`` key may be left out; when present it must be
    ``"bilat/1"``.

    Raises:
        ValidationError: listing every problem found, each with its path.

    Example:
        >>> from bilat.io import from_data
        >>> from_data({"title": "KZ–UZ", "parties": ["KZ", "UZ"]}).parties
        (Country('KZ'), Country('UZ'))
        >>> from_data({"title": "KZ–UZ", "parties": ["KZ", "XX"], "projets": []})
        Traceback (most recent call last):
        ...
        bilat.ValidationError: parties[1]: unknown country 'XX': ...
        projets: unknown field 'projets'; did you mean 'projects'?
    """
    from bilat._dossier import Dossier
    from bilat.io._convert import describe, structure
    from bilat.io._spec import FORMAT, FORMATS

    problems: list[tuple[str, str]] = []
    if type(data) is dict and "format" in data:
        data = dict(data)
        version = data.pop("format")
        if version not in FORMATS:
            problems.append(
                (
                    "format",
                    (
                        f"unknown format {describe(version)}: this version of "
                        f"bilat reads {FORMAT!r}"
                    ),
                )
            )
    try:
        dossier = structure(data, Dossier)
    except ValidationError as e:
        problems.extend(e.problems)
    if problems:
        raise ValidationError(problems)
    return dossier


# -- text --------------------------------------------------------------------


def loads(
    text: str,
    format: FileFormat = "toml",
    *,
    file: str | None = None,
) -> Dossier:
    r"""Read a dossier from TOML or JSON text.

    Nothing in the text is executed: it is parsed as data only. A leading
    byte order mark is ignored.

    Args:
        text: The text of a dossier file.
        format: ``"toml"`` or ``"json"``.
        file: A name for the text, used in error messages.

    Raises:
        ValidationError: the text is not valid TOML or JSON (the message
            gives line and column), nests lists and tables too deeply, or
            does not describe a valid dossier (one problem per field, each
            with its path).
        InvalidOptionError: ``format`` is neither ``"toml"`` nor ``"json"``.

    Example:
        >>> from bilat.io import loads
        >>> d = loads('title = "KZ–UZ"\nparties = ["KZ", "UZ"]\n')
        >>> d.title, d.parties
        ('KZ–UZ', (Country('KZ'), Country('UZ')))
        >>> loads('title = "KZ–UZ"\nparties = ["KZ" "UZ"]\n', file="kz-uz.toml")
        Traceback (most recent call last):
        ...
        bilat.ValidationError: kz-uz.toml: 1 problem
          invalid TOML at line 2, column 17: Unclosed array
    """
    fmt = _check_format(format)
    try:
        return from_data(_parse(text.removeprefix("\ufeff"), fmt))
    except ValidationError as e:
        if file is None:
            raise
        raise ValidationError(e.problems, file=file) from None


def dumps(dossier: Dossier, format: FileFormat = "toml") -> str:
    """Write a dossier as TOML or JSON text.

    ``loads(dumps(d, f), f) == d`` for every dossier and format.

    Raises:
        InvalidOptionError: ``format`` is neither ``"toml"`` nor ``"json"``.

    Example:
        >>> from bilat import Dossier, Money, Project
        >>> from bilat.io import dumps
        >>> d = Dossier("KZ–UZ", ["KZ", "UZ"])
        >>> print(dumps(d))
        format = "bilat/1"
        title = "KZ–UZ"
        parties = [
            "KZ",
            "UZ",
        ]
        <BLANKLINE>
        >>> print(dumps(d, "json"))
        {
          "format": "bilat/1",
          "title": "KZ–UZ",
          "parties": [
            "KZ",
            "UZ"
          ]
        }
        <BLANKLINE>
    """
    fmt = _check_format(format)
    data = to_data(dossier)
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    import tomli_w

    return tomli_w.dumps(data)


# -- files -------------------------------------------------------------------


def load(path: StrPath, *, max_size: int = MAX_FILE_SIZE) -> Dossier:
    """Read a dossier from a ``.toml`` or ``.json`` file.

    The whole file is checked: a :class:`~bilat.ValidationError` lists
    every problem, each with its field path (``projects[3].value.currency``),
    and names the file. Nothing is returned unless every value could be
    built.

    Reading is safe for files from anywhere: the file is parsed as data
    (:mod:`tomllib`, :mod:`json`) and nothing in it is executed. A file
    larger than ``max_size`` bytes is refused before it is read.

    Args:
        path: The file; its suffix (``.toml`` or ``.json``, in any case)
            says which format it is in.
        max_size: The largest file to read, in bytes; 64 MiB
            (:data:`MAX_FILE_SIZE`) unless given.

    Raises:
        ValidationError: the file is larger than ``max_size``, not UTF-8,
            not valid TOML or JSON (with line and column), or not a valid
            dossier.
        InvalidOptionError: the suffix is neither ``.toml`` nor ``.json``.
        InvalidNumberError: ``max_size`` is not a non-negative int.
        OSError: the file cannot be read, as :func:`open` reports it: a
            missing file raises :class:`FileNotFoundError`, a directory
            :class:`IsADirectoryError` (or :class:`PermissionError` on
            Windows).

    Example:
        >>> import pathlib, tempfile
        >>> from bilat import Dossier, load
        >>> d = Dossier("KZ–UZ", ["KZ", "UZ"], relationship="strategic partner")
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = pathlib.Path(tmp, "kz-uz.toml")
        ...     d.dump(path)
        ...     load(path) == d
        True
    """
    if type(max_size) is not int:
        raise NumberTypeError(max_size, "max_size", "an int (bytes)")
    if max_size < 0:
        raise InvalidNumberError(max_size, "max_size", "a non-negative int (bytes)")
    file = Path(path)
    fmt = _format_of(file)
    with file.open("rb") as stream:
        size = os.fstat(stream.fileno()).st_size
        # Files whose size the system does not know (pipes) are read up to
        # one byte past the limit.
        raw = b"" if size > max_size else stream.read(max_size + 1)
    if size > max_size or len(raw) > max_size:
        has = f"{size:,} bytes, more" if size > max_size else "more bytes"
        raise ValidationError(
            f"the file has {has} than the limit of {max_size:,} bytes "
            "(pass a larger max_size= to read it)",
            file=os.fspath(path),
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ValidationError(
            f"not UTF-8 text: the byte at offset {e.start} is "
            f"{raw[e.start : e.start + 1]!r}",
            file=os.fspath(path),
        ) from None
    return loads(text, fmt, file=os.fspath(path))


def dump(dossier: Dossier, path: StrPath) -> None:
    """Write a dossier to a ``.toml`` or ``.json`` file, replacing it.

    The text is built completely before the file is opened, so a dossier
    that cannot be written leaves the file as it was.

    Raises:
        InvalidOptionError: the suffix is neither ``.toml`` nor ``.json``.
        OSError: the file cannot be written.

    Example:
        >>> import pathlib, tempfile
        >>> from bilat import Dossier
        >>> from bilat.io import dump
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = pathlib.Path(tmp, "kz-uz.json")
        ...     dump(Dossier("KZ–UZ", ["KZ", "UZ"]), path)
        ...     path.read_text(encoding="utf-8").splitlines()[1]
        '  "format": "bilat/1",'
    """
    file = Path(path)
    text = dumps(dossier, _format_of(file))
    data = text.encode("utf-8")  # text fields refuse lone surrogates: always UTF-8
    with file.open("wb") as stream:
        stream.write(data)
