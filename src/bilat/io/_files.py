"""Reading and writing dossier files: TOML or JSON, chosen by the file's suffix.

A file is parsed completely, then turned into values completely; only when
every value was built is the dossier returned, so a bad file never leaves a
half-loaded dossier behind. Writing serialises the whole dossier first, then
replaces the file atomically (:func:`bilat._fs.write_atomic`), so a failed or
interrupted write leaves the old file as it was.

Reading is safe for files from anywhere: the parsers are :mod:`tomllib` and
:mod:`json`, which build only tables, lists, strings, numbers and dates, and
nothing in a file is ever executed or imported (there is no pickle and no
YAML). Only regular files are read (:mod:`bilat._fs` says why and how); a
file larger than :data:`MAX_FILE_SIZE` is refused before it is read (unless
a larger ``max_size=`` is given); keys, lists and tables nested more than
:data:`MAX_DEPTH` levels are refused (in TOML by a linear scan before
tomllib sees the text, since its time grows with the square of a dotted
key's length; in JSON on the parsed data, since the json parser's time is
linear and its recursion bounded); and integers too long for Python,
numbers beyond bilat's range and text that is not UTF-8 are reported as
:class:`~bilat.ValidationError`, never as a Python error.

Large files: the cyclic garbage collector is paused while a file is parsed
and its dossier built (:class:`_CollectorPause` says why and how), the
bytes and the text of a file are let go as soon as they are parsed, and the
converter checks the common forms (a Money table, a table keyed by year)
in one pass, taking the thorough path that lists every problem only when
something is wrong.

cattrs and tomli-w are imported here only when a file is read or written, so
``import bilat`` stays light.
"""

from __future__ import annotations

import contextlib
import decimal
import gc
import json
import os
import re
import sys
import threading
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal, TypeAlias

from bilat import _fs
from bilat._decimal import read_decimal
from bilat._errors import (
    ArgumentTypeError,
    InvalidOptionError,
    ValidationError,
    shown,
)
from bilat._fields import as_option

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from bilat._dossier import Dossier

__all__ = [
    "MAX_DEPTH",
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
MAX_FILE_SIZE: Final = _fs.MAX_FILE_SIZE

#: The deepest nesting read: parts of one dotted key or table header, and
#: lists and tables inside each other. A dossier needs fewer than ten; the
#: limit keeps the parsers' time linear in the size of the file.
MAX_DEPTH: Final = 16

# The longest integer literal read: enough for any year, count or amount in
# bilat's range (100 digits), with a sign.
_MAX_INT_DIGITS: Final = 101

_FORMATS: Final = ("json", "toml")
_AT_END: Final = " (at end of document)"
_TOML_POSITION: Final = re.compile(
    r"(?P<msg>.*) \(at line (?P<line>\d+), column (?P<col>\d+)\)"
)

StrPath: TypeAlias = str | os.PathLike[str]


def _format_of(path: str) -> FileFormat:
    try:
        return SUFFIXES[Path(path).suffix.lower()]
    except KeyError:
        raise InvalidOptionError("file suffix", Path(path).suffix, SUFFIXES) from None


def _check_format(format: object) -> FileFormat:
    return as_option(format, _FORMATS, "format")  # type: ignore[return-value]


def _check_dossier(dossier: object) -> None:
    """Refuse anything but a Dossier where one is to be written."""
    from bilat._dossier import Dossier

    if not isinstance(dossier, Dossier):
        raise ValidationError(
            [("dossier", f"expected a Dossier, got {shown(dossier)}")]
        )


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
        return read_decimal(text)  # whatever the caller's decimal context
    except decimal.DecimalException:  # an exponent beyond any Decimal's
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
                raise ValueError(f"the key {shown(key)} appears twice in one object")
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


# The pre-scan of _check_depth: strings and comments are skipped whole, so
# that only brackets and keys outside them count. Possessive quantifiers keep
# every match linear (no backtracking).
_KEY_PART: Final = r"""(?:[A-Za-z0-9_-]++|"(?:[^"\\\n]|\\.)*+"|'[^'\n]*+')"""
_TOML_TOKENS: Final = re.compile(
    r'"""(?:[^"\\]|\\.|"{1,2}+(?!"))*+"{3,5}+'  # multi-line basic string
    r"|'''(?:[^']|'{1,2}+(?!'))*+'{3,5}+"  # multi-line literal string
    rf"|(?P<key>{_KEY_PART}(?:[ \t]*+\.[ \t]*+{_KEY_PART})*+)"  # a (dotted) key
    r"|#[^\n]*+"  # a comment
    r"|(?P<open>[\[{])|(?P<close>[\]}])",
    re.DOTALL,
)
_JSON_TOKENS: Final = re.compile(
    r'"(?:[^"\\]|\\.)*+"|(?P<open>[\[{])|(?P<close>[\]}])', re.DOTALL
)
_KEY_PARTS: Final = re.compile(_KEY_PART)


def _check_depth(text: str, format: FileFormat) -> None:
    """Refuse text nested deeper than :data:`MAX_DEPTH`, before parsing it.

    tomllib takes time quadratic in the parts of a dotted key (50,000 parts
    take a minute), and both parsers recurse once per level of nesting; this
    scan is linear and stops at the first key or bracket too deep.

    Raises:
        ValidationError: giving the line of the key or bracket.
    """
    tokens = _TOML_TOKENS if format == "toml" else _JSON_TOKENS
    depth = 0
    for token in tokens.finditer(text):
        if token["open"]:
            depth += 1
            if depth > MAX_DEPTH:
                what = f"lists and tables are nested too deeply: more than {MAX_DEPTH} levels"
                break
        elif token["close"]:
            depth -= 1
        elif format == "toml" and token["key"]:
            key = token["key"]
            if key.count(".") >= MAX_DEPTH and len(_KEY_PARTS.findall(key)) > MAX_DEPTH:
                what = (
                    "a dotted key or table name is nested too deeply: more than "
                    f"{MAX_DEPTH} parts"
                )
                break
    else:
        return
    line = text.count("\n", 0, token.start()) + 1
    raise ValidationError(
        f"invalid {format.upper()} at line {line}: {what} "
        "(a dossier needs fewer than ten)"
    )


def _parse(text: str, format: FileFormat) -> Any:
    """Parse TOML or JSON text; numbers with a fraction become exact Decimals.

    Raises:
        ValidationError: the text is not valid TOML or JSON (the message
            gives the line and column when the parser knows them), nests
            lists and tables too deeply, or holds an integer too long for
            Python or a number beyond any Decimal's range.
    """
    if format == "toml":
        # tomllib's time grows with the square of a dotted key's length:
        # the scan runs first. Both parsers recurse once per level of
        # nesting; a RecursionError would be reported all the same.
        _check_depth(text, format)
        try:
            return tomllib.loads(text, parse_float=_parse_decimal)
        except tomllib.TOMLDecodeError as e:
            raise ValidationError(_toml_problem(str(e), text)) from None
        except RecursionError:
            raise ValidationError(f"invalid TOML: {_TOO_DEEP}") from None
        except ValueError as e:  # an integer longer than Python reads
            raise ValidationError(f"invalid TOML: {_int_problem(e)}") from None
    # The json parser's time is linear whatever the nesting, and it stops
    # with a RecursionError when lists and tables nest past the interpreter's
    # limit: the nesting is checked on the parsed data, some twenty times faster
    # than the scan. The scan runs only when something is wrong, so that a file
    # nested too deeply is reported with its line, as a TOML file is.
    try:
        data = json.loads(
            text,
            parse_float=_parse_decimal,
            parse_int=_parse_int,
            parse_constant=_reject_constant,
            object_pairs_hook=_no_duplicates,
        )
    except json.JSONDecodeError as e:
        _check_depth(text, format)
        where = _position(e.lineno, e.colno)
        raise ValidationError(f"invalid JSON at {where}: {e.msg}") from None
    except RecursionError:
        _check_depth(text, format)
        raise ValidationError(f"invalid JSON: {_TOO_DEEP}") from None
    except ValueError as e:  # from the hooks: no position is known
        _check_depth(text, format)
        raise ValidationError(f"invalid JSON: {e}") from None
    if _too_deep(data, 1):
        _check_depth(text, format)
        raise ValidationError(f"invalid JSON: {_TOO_DEEP}")  # pragma: no cover
    return data


def _too_deep(value: object, depth: int) -> bool:
    """Whether parsed data nests lists and tables past :data:`MAX_DEPTH`.

    ``depth`` is the level of ``value`` itself (1 for the whole document).
    The recursion stops at the limit.
    """
    if type(value) is dict:
        items: Iterable[object] = value.values()
    elif type(value) is list:
        items = value
    else:
        return False
    if depth > MAX_DEPTH:
        return True
    depth += 1
    for item in items:
        if (type(item) is dict or type(item) is list) and _too_deep(item, depth):
            return True
    return False


def _int_problem(error: ValueError) -> str:
    if "integer string conversion" in str(error):
        return (
            f"an integer has more than {sys.get_int_max_str_digits():,} digits; "
            f"bilat reads numbers of at most {_MAX_INT_DIGITS - 1} digits"
        )
    return str(error)  # pragma: no cover - tomllib raises no other ValueError


# -- pausing the cyclic garbage collector ------------------------------------


class _CollectorPause:
    """Pauses Python's cyclic garbage collector while dossiers are built.

    Reading a large file makes millions of small objects that all live on
    (tables, strings, Decimals, Money), and the collector would walk them
    again and again while they are made, for nothing: none of them is
    garbage. Pausing it for the parse and the build saves nearly a third
    of the time of a large load (:func:`gc.freeze` saves less: it spares
    only the objects made before the load). Nothing is lost: reference
    counting still frees every object that is no longer used, and the
    collector finds any cycle made meanwhile once it runs again.

    The collector's state is one per process, so the pause is counted: with
    loads in several threads at once, the collector runs again when the last
    of them ends, and only if it was running when the first one began. It
    is restored however the load ends (an error, an interrupt). A thread
    that calls :func:`gc.enable` or :func:`gc.disable` while a load is under
    way has its change undone when the loads end.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._count = 0
        self._was_enabled = False

    @contextlib.contextmanager
    def __call__(self) -> Iterator[None]:
        with self._lock:
            if self._count == 0:
                self._was_enabled = gc.isenabled()
                gc.disable()
            self._count += 1
        try:
            yield
        finally:
            with self._lock:
                self._count -= 1
                if self._count == 0 and self._was_enabled:
                    gc.enable()


_collector_paused: Final = _CollectorPause()


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

    _check_dossier(dossier)
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
    table = _check_table(data)
    with _collector_paused():
        return _from_data(table)


def _check_table(data: object) -> dict[Any, Any]:
    """``data`` if it is a table (a dict), else the ValidationError saying so."""
    if not isinstance(data, dict):
        from bilat.io._convert import describe

        raise ValidationError(
            [("", f"expected a table of Dossier fields, got {describe(data)}")]
        )
    return data


def _from_data(data: dict[Any, Any]) -> Dossier:
    from bilat._dossier import Dossier
    from bilat.io._convert import describe, structure
    from bilat.io._spec import FORMAT, FORMATS

    problems: list[tuple[str, str]] = []
    if "format" in data:
        data = dict(data)
        version = data.pop("format")
        if version not in FORMATS:
            problems.append(
                (
                    "format",
                    (
                        f"unknown format {describe(version)}: this version of "
                        f"bilat reads {shown(FORMAT)}"
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
    byte order mark is ignored. Empty text is a dossier with no fields (so
    its problems are the missing ``title`` and ``parties``).

    Args:
        text: The text of a dossier file.
        format: ``"toml"`` or ``"json"``.
        file: A name for the text, used in error messages.

    Raises:
        ValidationError: ``text`` is not a ``str`` (decode bytes first),
            is not valid TOML or JSON (the message gives line and column),
            nests keys, lists and tables more than 16 levels
            deep, or does not describe a valid dossier (one problem per
            field, each with its path).
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
    given: object = text
    if type(given) is not str:
        got = (
            "bytes: decode them first"
            if isinstance(given, bytes | bytearray)
            else shown(given)
        )
        raise ValidationError(
            [("text", f"expected the text of a dossier (a str), got {got}")]
        )
    if file is not None and type(file) is not str:
        raise ArgumentTypeError(
            [
                (
                    "file",
                    f"expected a name for the text (a str) or None, got {shown(file)}",
                )
            ]
        )
    return _read(text, fmt, file)


def _read(text: str, format: FileFormat, file: str | None) -> Dossier:
    """Parse ``text`` and build its dossier, with the collector paused.

    The text is let go once parsed: when the caller holds no other
    reference to it (as :func:`load` does not), its memory is free again
    before the values are built.
    """
    with _collector_paused():
        try:
            data = _parse(text.removeprefix("\ufeff"), format)
            del text
            return _from_data(_check_table(data))
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
    larger than ``max_size`` bytes is refused before it is read: the limit
    guards against reading a wrong file by accident. To read a larger
    dossier, pass its size or more (``load(path, max_size=2**30)``); loading
    takes about 45 ms of CPU time and 6 MB of memory per MB of JSON, and
    300 ms and 12 MB per MB of TOML (``docs/howto/files.md``).

    The cyclic garbage collector is paused during the load and restored
    afterwards, even when the load fails (see :func:`gc.disable`).

    Args:
        path: The file; its suffix (``.toml`` or ``.json``, in any case)
            says which format it is in.
        max_size: The largest file to read, in bytes; 64 MiB
            (:data:`MAX_FILE_SIZE`) unless given. Any int up to
            ``sys.maxsize - 1`` is accepted; only the file's own size is
            ever held in memory.

    Raises:
        ValidationError: the path is not a usable path (None, bytes, text
            with a NUL byte), the file is missing, cannot be read, is not a
            regular file (a directory, a FIFO, a device), is larger than
            ``max_size``, is not UTF-8, is not valid TOML or JSON (with line
            and column), nests keys, lists or tables more than
            16 levels deep, or is not a valid dossier.
        InvalidOptionError: the suffix is neither ``.toml`` nor ``.json``.
        InvalidNumberError: ``max_size`` is not a non-negative int.

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
    limit = _fs.check_max_size(max_size)
    name = _fs.as_path(path)
    fmt = _format_of(name)
    # No reference to the bytes or the text is kept here, so each is freed
    # as soon as the next step is done with it.
    return _read(_decode(_fs.read_bytes(name, limit), name), fmt, name)


def _decode(raw: bytes, name: str) -> str:
    """The text of a file's bytes: UTF-8, a leading byte order mark dropped."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ValidationError(
            f"not UTF-8 text: the byte at offset {e.start} is "
            f"{shown(raw[e.start : e.start + 1])}",
            file=name,
        ) from None


def dump(dossier: Dossier, path: StrPath) -> None:
    """Write a dossier to a ``.toml`` or ``.json`` file, replacing it atomically.

    The text is built completely, written to a temporary file in the same
    folder, flushed to disk and renamed over ``path``: the file holds either
    the old dossier or the new one, whatever happens meanwhile (a full
    disk, a file-size limit, a killed process). A file replaced keeps its
    permissions; a new one gets the usual mode for the umask.

    Raises:
        InvalidOptionError: the suffix is neither ``.toml`` nor ``.json``.
        ValidationError: the path is not a usable path, is a directory or
            another file that is not a regular one (``/dev/full``), lies in
            a missing folder, or the file cannot be written (no permission,
            a full disk); the file is then left as it was.

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
    name = _fs.as_path(path)
    text = dumps(dossier, _format_of(name))
    # Text fields refuse lone surrogates: the text is always UTF-8.
    _fs.write_atomic(name, text.encode("utf-8"))
