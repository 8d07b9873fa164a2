"""The ``bilat`` command line.

Each subcommand is one row of :data:`_COMMANDS`: a name, a one-line help text,
a function that adds its arguments to its parser and a function that runs it
and returns the exit status. A command writes into a buffer; :func:`main`
writes the buffer to standard output once the command has succeeded, so an
error in reading or computing and an error in writing are told apart.

Exit statuses: 0 on success; 1 when bilat refused the input
(:class:`~bilat.BilatError`), a file could not be read, or standard output
could not be written (closed, a broken pipe, a full disk), each with one line
on stderr (none for a broken pipe, as Python's documentation recommends);
2 for a usage error, as argparse does (a bad option value included); 130
when interrupted.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import re
import sys
from typing import TYPE_CHECKING, NamedTuple, TextIO

from bilat import __version__
from bilat._decimal import decimal_text
from bilat._errors import (
    DATE_EXAMPLE,
    BilatError,
    InvalidDateError,
    ParseError,
    ValidationError,
    shown,
)

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Iterator, Sequence

    from bilat._atlas import Atlas
    from bilat._trade_series import TradeSeries

__all__ = ["main"]

PROG = "bilat"

#: Exit status of a command that failed on a :class:`~bilat.BilatError`, a
#: file it could not read or an output it could not write.
EXIT_ERROR = 1

#: Exit status of a usage error (argparse's).
EXIT_USAGE = 2

#: Exit status after Ctrl-C, as shells report a SIGINT (128 + 2).
EXIT_INTERRUPTED = 130


class _Command(NamedTuple):
    """One subcommand: how to declare its arguments and how to run it."""

    name: str
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace, TextIO], int]
    output: str  # what it writes, for messages: "the report"


# -- option values --------------------------------------------------------
#
# Each checks its value when the command line is read, so that a bad value is
# a usage error naming the option and the value, like a bad --format.


def _locale(text: str) -> str:
    from bilat._locale import get_locale

    try:
        get_locale(text)
    except BilatError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return text


def _currency(text: str) -> str:
    from bilat._currency import as_currency

    try:
        as_currency(text)
    except BilatError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return text


# -- bilat parse ----------------------------------------------------------


def _configure_parse(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "text", help='the amount as written, e.g. "nearly $1 billion" or "₸ 2,5 млрд"'
    )
    parser.add_argument(
        "--locale",
        default="en",
        type=_locale,
        metavar="L",
        help="CLDR locale of the text and of the output (default: %(default)s)",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="print amount, currency, qualifier and bounds as JSON",
    )


def _run_parse(args: argparse.Namespace, out: TextIO) -> int:
    from bilat._estimate import Estimate

    estimate = Estimate.parse(args.text, args.locale)
    if args.json:
        record = {
            "amount": decimal_text(estimate.value.amount),
            "currency": estimate.currency.code,
            "qualifier": estimate.qualifier.value,
            "low": decimal_text(estimate.low.amount),
            "high": decimal_text(estimate.high.amount),
        }
        print(json.dumps(record, ensure_ascii=False, indent=2), file=out)
    else:
        print(repr(estimate), file=out)
        print(estimate.format(args.locale), file=out)
    return 0


# -- bilat report ---------------------------------------------------------


def _date(text: str) -> dt.date:
    """A ``--as-of`` day, read as every date argument of bilat is."""
    from bilat._fields import as_date

    try:
        return as_date(text, "")
    except InvalidDateError:
        msg = f"invalid date {shown(text)}: expected an ISO date such as {DATE_EXAMPLE}"
        raise argparse.ArgumentTypeError(msg) from None


def _years(text: str) -> int:
    """A ``--stale-after`` number of years: a whole number from 0 to 9999."""
    try:
        years = int(text.strip(), 10)
    except ValueError:
        years = -1
    if not 0 <= years <= 9999:  # the bounds of Dossier.report(stale_after=)
        msg = (
            f"invalid number of years {shown(text)}: "
            "expected a whole number from 0 to 9999"
        )
        raise argparse.ArgumentTypeError(msg)
    return years


def _configure_report(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "path",
        nargs="?",
        metavar="PATH",
        help="a dossier file (.toml or .json); the bundled "
        "Kazakhstan–Uzbekistan dossier when left out",
    )
    parser.add_argument(
        "--as-of",
        type=_date,
        metavar="DATE",
        help="date of the report, YYYY-MM-DD (default: today)",
    )
    parser.add_argument(
        "--currency",
        default=None,
        type=_currency,
        metavar="C",
        help="ISO 4217 code amounts are shown in (default: the dossier's own "
        "currency when all its money is in one, else USD)",
    )
    parser.add_argument(
        "--stale-after",
        default=2,
        type=_years,
        metavar="N",
        help="flag a target whose latest figure is more than N years older "
        "than the report's date (default: %(default)s)",
    )
    parser.add_argument(
        "--locale",
        default="en",
        type=_locale,
        metavar="L",
        help="language and number format: en, ru, kk, uz or any CLDR locale "
        "(default: %(default)s)",
    )
    parser.add_argument(
        "--rates",
        metavar="CSV",
        help="exchange rates, a CSV file with columns date,base,quote,rate",
    )
    parser.add_argument(
        "--format",
        choices=("text", "markdown", "json", "html"),
        default="text",
        help="output format; html is a page of its own, charts inline "
        "(default: %(default)s)",
    )


def _run_report(args: argparse.Namespace, out: TextIO) -> int:
    from bilat import examples
    from bilat._rates import ExchangeRates
    from bilat.io import load

    dossier = examples.kazakhstan_uzbekistan() if args.path is None else load(args.path)
    try:
        rates = ExchangeRates.from_csv(args.rates) if args.rates else None
    except BilatError as error:
        raise _OptionError("--rates", error) from None
    report = dossier.report(
        as_of=args.as_of,
        currency=args.currency,
        locale=args.locale,
        rates=rates,
        stale_after=args.stale_after,
    )
    text = _escaped(report.render(args.format), args.format, out)
    out.write(text if text.endswith("\n") else text + "\n")
    return 0


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _escaped(text: str, format: str, out: TextIO) -> str:
    r"""``text`` with what ``out``'s encoding cannot show escaped in ``format``'s way.

    JSON gets ``\u`` escapes and HTML character references, so that the
    document means the same in any encoding; text and Markdown get Python's
    backslash escapes, as on a stream set up by :func:`_escaping`.
    """
    encoding = getattr(out, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        pass
    else:
        return text
    if format == "json":
        return _NON_ASCII.sub(lambda m: json.dumps(m[0])[1:-1], text)
    errors = "xmlcharrefreplace" if format == "html" else "backslashreplace"
    return text.encode(encoding, errors).decode(encoding)


@contextlib.contextmanager
def _escaping(stream: TextIO) -> Iterator[None]:
    """Let ``stream`` escape what its encoding cannot show instead of failing.

    A Russian report or the help text sent to an ASCII terminal then shows
    backslash escapes, as Python's own stderr does, rather than a traceback.
    """
    errors = stream.errors if isinstance(stream, io.TextIOWrapper) else None
    if errors not in {"strict", "surrogateescape"}:
        yield
        return
    assert isinstance(stream, io.TextIOWrapper)
    stream.reconfigure(errors="backslashreplace")
    try:
        yield
    finally:
        stream.reconfigure(errors=errors)


# -- bilat validate -------------------------------------------------------


def _configure_validate(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="PATH", help="a dossier file (.toml or .json)")


def _run_validate(args: argparse.Namespace, out: TextIO) -> int:
    from bilat._present.labels import counted, visible
    from bilat.io import load

    dossier = load(args.path)
    parts = (
        counted(len(dossier.agreements), "agreement"),
        counted(len(dossier.projects), "project"),
        counted(len(dossier.targets), "target"),
        counted(len(dossier.series), "series"),
        counted(len(dossier.claims), "claim"),
        counted(len(dossier.events), "meeting"),
    )
    print(f"{visible(args.path)}: valid ({', '.join(parts)})", file=out)
    # Claims that disagree are valid data, and worth knowing about.
    try:
        found = dossier.conflicts()
    except BilatError as error:  # claims in two currencies, and no rates here
        print(f"  claims not compared: {visible(str(error))}", file=out)
        found = ()
    for conflict in found:
        figures = "; ".join(
            visible(c.text or str(c.value)) + f" ({visible(c.source.title)})"
            for c in conflict.claims
        )
        print(
            f"  figures disagree: {visible(conflict.subject)} {conflict.period}: "
            f"{figures}",
            file=out,
        )
    return 0


# -- bilat atlas ----------------------------------------------------------
#
# Rows are built as plain data (bilat._atlas.progress_rows) and printed here,
# so no format needs pandas.

#: Columns of the text and Markdown tables: the row's key, the heading, and
#: whether the column holds numbers (aligned right).
_ATLAS_TABLE: tuple[tuple[str, str, bool], ...] = (
    ("dossier", "Dossier", False),
    ("parties", "Parties", False),
    ("subject", "Subject", False),
    ("reporter", "Reporter", False),
    ("target", "Target", True),
    ("deadline", "Deadline", True),
    ("year", "Year", True),
    ("current", "Current", True),
    ("share", "Share", True),
    ("required_cagr", "Required", True),
    ("actual_cagr", "Actual", True),
    ("status", "Status", False),
    ("note", "Note", False),
)


def _progress_status(text: str) -> str:
    from bilat._atlas import _statuses

    try:
        _statuses(text)
    except BilatError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return text


def _country_code(text: str) -> str:
    from bilat._country import as_country

    try:
        as_country(text, "--party")
    except BilatError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return text


def _configure_atlas(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "directory",
        metavar="DIR",
        help="a folder of dossier files (.toml and .json; not its sub-folders)",
    )
    parser.add_argument(
        "--comtrade",
        nargs="+",
        action="extend",
        default=[],
        metavar="FILE",
        help="UN Comtrade files (CSV exports or API JSON) to measure every target "
        "with, instead of the dossiers' own series",
    )
    parser.add_argument(
        "--as-of",
        type=_date,
        metavar="DATE",
        help="date whose year is the latest read, YYYY-MM-DD (default: today)",
    )
    parser.add_argument(
        "--rates",
        metavar="CSV",
        help="exchange rates, a CSV file with columns date,base,quote,rate",
    )
    parser.add_argument(
        "--status",
        type=_progress_status,
        action="append",
        metavar="S",
        help="show only targets with this status: achieved, on_track, "
        "needs_acceleration, off_track, regressing, no_deadline, "
        "insufficient_data or not_measured (repeat for several)",
    )
    parser.add_argument(
        "--party",
        type=_country_code,
        metavar="C",
        help="show only targets of this country (a code such as KZ)",
    )
    parser.add_argument(
        "--format",
        choices=("text", "markdown", "json", "csv"),
        default="text",
        help="output format (default: %(default)s)",
    )


def _run_atlas(args: argparse.Namespace, out: TextIO) -> int:
    import warnings

    from bilat._atlas import Atlas, progress_rows
    from bilat._errors import BilatWarning
    from bilat._rates import ExchangeRates

    atlas = Atlas.load(args.directory, progress=True)
    try:
        rates = ExchangeRates.from_csv(args.rates) if args.rates else None
    except BilatError as error:
        raise _OptionError("--rates", error) from None
    series = None
    if args.comtrade:
        # Years left out of the files are worth knowing, as one line each,
        # not as Python's warning with a path into bilat's code.
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", BilatWarning)
            series = _comtrade_series(atlas, args.comtrade, args.party)
        for warning in caught:
            _error(str(warning.message), kind="warning")
    rows = progress_rows(
        atlas, series, args.as_of, rates, status=args.status, party=args.party
    )
    render = {
        "text": _atlas_text,
        "markdown": _atlas_markdown,
        "json": _atlas_json,
        "csv": _atlas_csv,
    }[args.format]
    out.write(_escaped(render(rows), args.format, out))
    return 0


def _comtrade_series(
    atlas: Atlas, files: Sequence[str], party: str | None
) -> list[TradeSeries]:
    """The series of ``files`` for the pairs and metrics of the atlas's targets.

    Only the targets of ``party`` (when given) count, as in the table. Each
    metric some target measures is read in one pass over the files (with a
    bar on stderr when it is a terminal); the series kept are those of the
    pairs some target is between, each country as reporter. A pair the
    files do not hold leaves its targets not measured, as in the table.
    """
    from bilat._target import TradeTarget
    from bilat.io import read_comtrade

    targets = [t for t in atlas.targets(party=party) if isinstance(t, TradeTarget)]
    found: list[TradeSeries] = []
    # A file's rows are added up into one metric per read (turnover is X + M,
    # exports X only …), so each metric the targets measure is its own pass;
    # all pairs are read and the targets' pairs kept, since asking
    # read_comtrade for a pair the files lack is an error, not a gap.
    for metric in dict.fromkeys(t.metric for t in targets):
        pairs = {
            (a, b)
            for t in targets
            if t.metric is metric and len(t.parties) == 2
            for a, b in (t.parties, t.parties[::-1])
        }
        if not pairs:
            continue
        try:
            read = read_comtrade(files, metric=metric, progress=True)
        except BilatError as error:
            raise _OptionError("--comtrade", error) from None
        found.extend(series for pair, series in read.items() if pair in pairs)
    return found


def _atlas_cells(row: dict[str, object]) -> dict[str, str]:
    """The cells of a text or Markdown table row, for people."""
    from decimal import Decimal

    from bilat._money import Money
    from bilat._present.labels import label, visible
    from bilat._present.report import _ratio_text

    def money(key: str) -> str:
        amount = row[key]
        if not isinstance(amount, Decimal):
            return "—"
        return Money(amount, str(row["currency"])).format("en", compact=True)

    def ratio(key: str) -> str:
        value = row[key]
        return _ratio_text(value if isinstance(value, Decimal) else None, "en")

    def plain(key: str) -> str:
        value = row[key]
        return "—" if value is None else str(value)

    parties = row["parties"]
    assert isinstance(parties, tuple)
    cells = {
        "dossier": str(row["dossier"]),
        "parties": "–".join(parties),
        "subject": str(row["subject"]),
        "reporter": plain("reporter"),
        "target": money("target"),
        "deadline": plain("deadline"),
        "year": plain("year"),
        "current": money("current"),
        "share": ratio("share"),
        "required_cagr": ratio("required_cagr"),
        "actual_cagr": ratio("actual_cagr"),
        "status": label(str(row["status"])),
        "note": str(row["reason"] or row["out_of_range"] or ""),
    }
    return {key: visible(text) for key, text in cells.items()}


def _atlas_text(rows: Sequence[dict[str, object]]) -> str:
    """The rows as a table of aligned columns, for a terminal."""
    from bilat._present.tables import display_width as _width

    table = [{key: heading for key, heading, _ in _ATLAS_TABLE}]
    table.extend(_atlas_cells(row) for row in rows)
    widths = {
        key: max(_width(line[key]) for line in table) for key, _, _ in _ATLAS_TABLE
    }
    lines = []
    for line in table:
        cells = []
        for key, _, numeric in _ATLAS_TABLE:
            pad = " " * (widths[key] - _width(line[key]))
            cells.append(pad + line[key] if numeric else line[key] + pad)
        lines.append("  ".join(cells).rstrip() + "\n")
    return "".join(lines)


def _atlas_markdown(rows: Sequence[dict[str, object]]) -> str:
    """The rows as a Markdown (GitHub) pipe table.

    A table cell holds inline text only, so only inline punctuation is
    escaped (``|`` included) and ``&``, ``<``, ``>`` become references.
    """
    from bilat._present.report import markdown_inline

    lines = [
        "| " + " | ".join(heading for _, heading, _ in _ATLAS_TABLE) + " |",
        "| "
        + " | ".join("---:" if numeric else "---" for _, _, numeric in _ATLAS_TABLE)
        + " |",
    ]
    for row in rows:
        cells = _atlas_cells(row)
        lines.append(
            "| "
            + " | ".join(markdown_inline(cells[key]) for key, _, _ in _ATLAS_TABLE)
            + " |"
        )
    return "".join(line + "\n" for line in lines)


def _atlas_value(value: object) -> object:
    """A cell as JSON: exact decimal text, lists of codes, ints, text or null."""
    from decimal import Decimal

    if isinstance(value, Decimal):
        return decimal_text(value)
    if isinstance(value, tuple):
        return list(value)
    return value


def _atlas_json(rows: Sequence[dict[str, object]]) -> str:
    """The rows as a JSON list of objects, one key per column of the frame."""
    from bilat._present.labels import replace_controls
    from bilat._present.report import _JSON_ESCAPES

    data = [{key: _atlas_value(value) for key, value in row.items()} for row in rows]
    document = json.dumps(data, ensure_ascii=False, indent=2)
    return replace_controls(document, _JSON_ESCAPES) + "\n"


def _atlas_csv(rows: Sequence[dict[str, object]]) -> str:
    """The rows as RFC 4180 CSV with a header: every column of the frame."""
    import csv

    from bilat._atlas import atlas_columns

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    columns = list(atlas_columns())
    writer.writerow(columns)
    for row in rows:
        cells = []
        for key in columns:
            value = _atlas_value(row[key])
            if isinstance(value, list):
                value = " ".join(value)
            cells.append("" if value is None else value)
        writer.writerow(cells)
    return buffer.getvalue()


_COMMANDS: tuple[_Command, ...] = (
    _Command(
        "report",
        "print a progress report of a dossier",
        _configure_report,
        _run_report,
        "the report",
    ),
    _Command(
        "atlas",
        "print the progress of every target in a folder of dossiers",
        _configure_atlas,
        _run_atlas,
        "the table",
    ),
    _Command(
        "validate",
        "check a dossier file and list every problem found",
        _configure_validate,
        _run_validate,
        "the result",
    ),
    _Command(
        "parse",
        "read an amount of money as written in news and reports",
        _configure_parse,
        _run_parse,
        "the amount",
    ),
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Treaty and target modelling with exact money.",
    )
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {__version__}"
    )
    subparsers = parser.add_subparsers(
        title="commands", dest="command", metavar="COMMAND", required=True
    )
    for command in _COMMANDS:
        sub = subparsers.add_parser(
            command.name, help=command.help, description=command.help
        )
        command.configure(sub)
        sub.set_defaults(run=command.run, output=command.output)
    return parser


class _OptionError(Exception):
    """A BilatError about an option's value (a file named by ``--rates``)."""

    def __init__(self, option: str, error: BilatError) -> None:
        super().__init__(f"{option}: {error}")


class _Buffer(io.StringIO):
    """What a command writes, kept until it has succeeded.

    It answers ``encoding`` with the encoding of the stream it is meant for,
    so that a command can escape what that stream cannot show.
    """

    def __init__(self, encoding: str | None) -> None:
        super().__init__()
        self._target_encoding = encoding

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._target_encoding or "utf-8"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``bilat`` command and return its exit status.

    Args:
        argv: The arguments after the program name; ``sys.argv[1:]`` when
            None.

    Returns:
        0 on success; 1 when bilat refused the input, a file could not be
        read or standard output could not be written (the reason is printed
        on stderr as ``bilat: error: …``; nothing for a reader that stopped
        reading, a broken pipe); 2 for a usage error; 130 when interrupted.

    Example:
        >>> from bilat._cli import main
        >>> main(["parse", "$156 million"])
        Estimate(Money('156000000', 'USD'))
        $156M
        0
    """
    try:
        return _main(argv)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED


def _main(argv: Sequence[str] | None) -> int:
    parser = _parser()
    stdout = sys.stdout  # None when the process was started with it closed
    with _escaping(stdout):
        try:
            args = parser.parse_args(argv)
        except SystemExit as exit_:  # --help, --version and usage errors
            return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
        run: Callable[[argparse.Namespace, TextIO], int] = args.run
        buffer = _Buffer(getattr(stdout, "encoding", None))
        try:
            status = run(args, buffer)
        except (BilatError, _OptionError) as error:
            _error(_message(error))
            return EXIT_ERROR
        except OSError as error:  # a file that cannot be read
            _error(_read_error(error))
            return EXIT_ERROR
        return _write(buffer.getvalue(), stdout, args.output) or status


def _write(text: str, stdout: TextIO | None, what: str) -> int:
    """Write ``text`` to standard output; 0, or the exit status of a failure.

    A reader that has gone away (a broken pipe, ``bilat report | head``)
    ends the command quietly with status 1, as Python's documentation on
    SIGPIPE recommends; any other failure is named on stderr.
    """
    if stdout is None:
        _error(f"cannot write {what} to standard output: it is closed")
        return EXIT_ERROR
    try:
        stdout.write(text)
        stdout.flush()  # inside the try: the error shows here, not at exit
    except BrokenPipeError:
        _discard(stdout)
        return EXIT_ERROR
    except (OSError, ValueError) as error:  # ValueError: a closed stream
        _discard(stdout)
        reason = _reason(error) if isinstance(error, OSError) else str(error)
        _error(f"cannot write {what} to standard output: {reason}")
        return EXIT_ERROR
    return 0


def _discard(stream: TextIO) -> None:
    """Send what is left of ``stream`` to the null device.

    Python flushes standard output at exit; after a failed write that would
    fail again and print a traceback-like warning.
    """
    try:
        fd = stream.fileno()
    except (OSError, ValueError):  # not a real file (a test's capture)
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)


def _reason(error: OSError) -> str:
    """What went wrong, as ``No space left on device (errno 28)``."""
    reason = error.strerror or str(error) or type(error).__name__
    return reason if error.errno is None else f"{reason} (errno {error.errno})"


def _read_error(error: OSError) -> str:
    """The message for a file that could not be read."""
    if error.filename is None:
        return f"cannot read a file: {_reason(error)}"
    return f"cannot read {shown(os.fsdecode(error.filename))}: {_reason(error)}"


def _message(error: Exception) -> str:
    """The message of ``error``, each problem of a ValidationError on one line.

    A field path or a problem read from a file may hold line breaks; shown
    through :func:`~bilat._present.labels.visible` one by one, neither can start a
    line of its own.
    """
    from bilat._present.labels import visible

    if isinstance(error, ParseError):  # a locale to try, as the option is written
        return error._message(option=True)
    if not isinstance(error, ValidationError):
        return str(error)
    lines = [
        f"{visible(path)}: {visible(problem)}" if path else visible(problem)
        for path, problem in error.problems
    ]
    if error.file is None:
        return "\n".join(lines)
    count = len(lines)
    head = f"{visible(error.file)}: {count} problem{'s' if count != 1 else ''}"
    return head + "".join(f"\n  {line}" for line in lines)


def _error(message: str, *, kind: str = "error") -> None:
    """Print ``bilat: error: message`` on stderr, if there is a stderr at all.

    ``kind="warning"`` prints ``bilat: warning: message`` instead.

    Each line of the message is shown by :func:`~bilat._present.labels.visible`, so
    a field name read from a file cannot send a control to the terminal.
    """
    from bilat._present.labels import visible

    stderr = sys.stderr
    if stderr is None:  # started with stderr closed: nowhere to say it
        return
    shown = "\n".join(visible(line) for line in message.split("\n"))
    line = f"{PROG}: {kind}: {shown}\n"
    with contextlib.suppress(OSError, ValueError):  # stderr is gone too
        try:
            stderr.write(line)
        except UnicodeEncodeError:  # a stderr set to fail on what it cannot show
            encoding = getattr(stderr, "encoding", None) or "ascii"
            stderr.write(line.encode(encoding, "backslashreplace").decode(encoding))
        stderr.flush()
