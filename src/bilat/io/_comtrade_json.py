"""UN Comtrade API responses (JSON), streamed record by record.

A response ``{"count": …, "data": [{…}, …], "error": …}`` (or a bare list
of records) is read 64 KiB of text at a time: each record is parsed whole by
:mod:`json`, with numbers as exact Decimals, and dropped once handed on. The
rules are stated in :mod:`bilat.io._comtrade`.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final, NoReturn, TextIO

from bilat._decimal import read_decimal
from bilat._errors import ValidationError, shown
from bilat.io._comtrade_rows import _CHUNK, _MAX_RECORD, _REQUIRED, _TOTALS, _fail

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

    from bilat.io._comtrade_rows import _Collector


def _json_text(value: object) -> str:
    """A JSON value as the text a CSV cell would hold (null is empty).

    Arrays and objects, which no Comtrade field holds, become ``[...]`` and
    ``{...}`` so that any check of them fails with a readable message.
    """
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | Decimal):
        return str(value)
    return "[...]" if isinstance(value, list) else "{...}"


def _reject_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not a number")


def _number(text: str) -> Decimal:
    try:
        return read_decimal(text)  # whatever the caller's context
    except ArithmeticError:  # an exponent beyond what Decimal can hold
        raise ValueError(f"the number {shown(text)} is out of range") from None


_DECODER: Final = json.JSONDecoder(parse_float=_number, parse_constant=_reject_constant)
_SPACE: Final = re.compile(r"[ \t\n\r]*")
#: A decoding error this close to the end of the text read so far may only
#: mean that the value goes on in the next chunk.
_MARGIN: Final = 64


class _JsonStream:
    """JSON values read one at a time from a text stream.

    Only a window of the text is held: what has been parsed is dropped when
    the next chunk is read. Positions in error messages count from the start
    of the file, as :func:`json.loads` would give them.
    """

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.text = ""
        self.pos = 0
        self.end = False
        #: Line (1-based) and column (0-based) of ``text[0]`` in the file.
        self.line = 1
        self.column = 0

    def more(self, size: int = 0) -> bool:
        """Read the next ``size`` characters (``_CHUNK`` if 0), dropping those parsed."""
        if self.end:
            return False
        chunk = self.stream.read(size or _CHUNK)
        if not chunk:
            self.end = True
            return False
        text, pos = self.text, self.pos
        lines = text.count("\n", 0, pos)
        if lines:
            self.line += lines
            self.column = pos - text.rfind("\n", 0, pos) - 1
        else:
            self.column += pos
        self.text = text[pos:] + chunk
        self.pos = 0
        return True

    def where(self, pos: int) -> str:
        """``line 3, column 17`` for a position in the window."""
        text = self.text
        lines = text.count("\n", 0, pos)
        if lines:
            return (
                f"line {self.line + lines}, column {pos - text.rfind(chr(10), 0, pos)}"
            )
        return f"line {self.line}, column {self.column + pos + 1}"

    def invalid(self, message: str, pos: int | None = None) -> NoReturn:
        where = self.where(self.pos if pos is None else pos)
        raise ValidationError([(where, f"invalid JSON: {message}")])

    def peek(self) -> str:
        """The next character that is not white space, or ``""`` at the end."""
        while True:
            self.pos = _SPACE.match(self.text, self.pos).end()  # type: ignore[union-attr]
            if self.pos < len(self.text):
                return self.text[self.pos]
            if not self.more():
                return ""

    def value(self) -> object:
        """Parse the next value whole (a record, a key, a small field).

        A value cut by the end of the window is parsed again with more text;
        the text added each time is as long as the part already held, so a
        long value costs time in proportion to its length. A value of more
        than ``_MAX_RECORD + 1`` characters is refused (the window never
        holds more of it than that).
        """
        self.peek()
        while True:
            try:
                value, end = _DECODER.raw_decode(self.text, self.pos)
            except json.JSONDecodeError as e:
                cut = e.pos >= len(self.text) - _MARGIN or e.msg.startswith(
                    "Unterminated"
                )
                if cut and self.grow():
                    continue
                self.invalid(e.msg, e.pos)
            except ValueError as e:
                raise ValidationError(
                    [(self.where(self.pos), f"invalid JSON: {e}")]
                ) from None
            except RecursionError:
                where = self.where(self.pos)
                problem = "invalid JSON: arrays or objects nested too deeply"
                raise ValidationError([(where, problem)]) from None
            # A number that ends the window may go on in the next chunk.
            if end == len(self.text) and self.grow():
                continue
            self.pos = end
            return value

    def grow(self) -> bool:
        """Read more of a value cut by the end of the window (see :meth:`value`)."""
        held = len(self.text) - self.pos
        if held > _MAX_RECORD:
            problem = (
                f"a JSON value of more than {_MAX_RECORD:,} characters: "
                "expected UN Comtrade records of a few hundred characters"
            )
            raise ValidationError([(self.where(self.pos), problem)])
        return self.more(min(max(held, _CHUNK), _MAX_RECORD + 1 - held))

    def expect(self, chars: str, message: str) -> str:
        """Take the next character, which must be one of ``chars``."""
        char = self.peek()
        if not char or char not in chars:
            self.invalid(message)
        self.pos += 1
        return char

    def finish(self) -> None:
        """Check that nothing but white space follows the value read."""
        if self.peek():
            self.invalid("Extra data")


def _json_records(stream: _JsonStream) -> Iterator[tuple[int, dict[str, Any]]]:
    """The records of the array that starts at the stream's position."""
    stream.expect("[", "Expecting '['")
    if stream.peek() == "]":
        stream.pos += 1
        return
    number = 0
    while True:
        record = stream.value()
        if not isinstance(record, dict):
            _fail(
                f"data[{number}]", f"expected a record (an object), got {shown(record)}"
            )
        for name in _REQUIRED:
            if name not in record:
                _fail(
                    f"data[{number}]",
                    f"missing field {shown(name)}: expected UN Comtrade's field names",
                )
        yield number, record
        number += 1
        if stream.expect(",]", "Expecting ',' delimiter") == "]":
            break


def _api_error(error: object) -> NoReturn:
    raise ValidationError(
        [("error", f"the file is a UN Comtrade API error response: {shown(error)}")]
    )


def _json_rows(text: TextIO) -> Iterator[tuple[int, dict[str, Any]]]:
    """The records of an API response (or a bare list), one at a time.

    The response's other fields are read whole; an ``error`` field that is
    not empty makes the file an error response wherever it stands.
    """
    stream = _JsonStream(text)
    first = stream.peek()
    if first == "[":
        yield from _json_records(stream)
        stream.finish()
        return
    if first != "{":
        data = stream.value()
        stream.finish()
        raise ValidationError(
            "expected a UN Comtrade API response {'count': …, 'data': [...]}, "
            f"got {shown(data)}"
        )
    stream.pos += 1
    keys: list[str] = []
    message: object = None
    if stream.peek() == "}":
        stream.pos += 1
    else:
        while True:
            if stream.peek() != '"':
                stream.invalid("Expecting property name enclosed in double quotes")
            key = stream.value()
            assert isinstance(key, str)
            stream.expect(":", "Expecting ':' delimiter")
            if key in keys:
                raise ValidationError([(key, f"the field {shown(key)} appears twice")])
            keys.append(key)
            if key == "data" and stream.peek() == "[":
                yield from _json_records(stream)
            else:
                value = stream.value()
                if key == "error" and value:
                    _api_error(value)
                if key == "message":
                    message = value
                if key == "data":
                    raise ValidationError(
                        [("data", f"expected a list of records, got {shown(value)}")]
                    )
            if stream.expect(",}", "Expecting ',' delimiter") == "}":
                break
    stream.finish()
    if "data" not in keys:
        if message:
            _api_error(message)
        raise ValidationError(
            "expected a UN Comtrade API response {'count': …, 'data': [...]}, "
            f"found an object with keys {shown(sorted(keys))}"
        )


def _national(record: Mapping[str, object]) -> bool:
    """Whether a JSON record is a national total (its breakdown fields say so)."""
    for name, total in _TOTALS.items():
        if name in record and _json_text(record[name]) != total:
            return False
    return True


def read_json(stream: TextIO, collector: _Collector) -> None:
    """Hand every national total of an API response to ``collector``."""
    take = collector.take
    for number, record in _json_rows(stream):
        if not _national(record):
            continue
        cif, fob = record.get("cifvalue", _ABSENT), record.get("fobvalue", _ABSENT)
        freq, year, period, reporter, partner, flow, text = (
            _json_text(record[name]) for name in _REQUIRED
        )
        take(
            number,
            freq,
            year,
            period,
            reporter,
            partner,
            flow,
            text,
            None if cif is _ABSENT else _json_text(cif),
            None if fob is _ABSENT else _json_text(fob),
        )


_ABSENT: Final = object()
