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
from bilat._errors import BilatError, ValidationError, shown

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

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


def _date(text: str) -> object:
    import datetime as dt

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        msg = f"invalid date {shown(text)}: expected an ISO date such as 2025-12-31"
        raise argparse.ArgumentTypeError(msg) from None


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
        default="USD",
        type=_currency,
        metavar="C",
        help="ISO 4217 code totals are shown in (default: %(default)s)",
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
        help="output format (default: %(default)s)",
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
        as_of=args.as_of, currency=args.currency, locale=args.locale, rates=rates
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
    from bilat._labels import visible
    from bilat.io import load

    dossier = load(args.path)
    print(
        f"{visible(args.path)}: valid ({len(dossier.agreements)} agreements, "
        f"{len(dossier.projects)} projects, {len(dossier.targets)} targets, "
        f"{len(dossier.series)} series, {len(dossier.events)} meetings)",
        file=out,
    )
    return 0


_COMMANDS: tuple[_Command, ...] = (
    _Command(
        "report",
        "print a progress report of a dossier",
        _configure_report,
        _run_report,
        "the report",
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
    through :func:`~bilat._labels.visible` one by one, neither can start a
    line of its own.
    """
    from bilat._labels import visible

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


def _error(message: str) -> None:
    """Print ``bilat: error: message`` on stderr, if there is a stderr at all.

    Each line of the message is shown by :func:`~bilat._labels.visible`, so
    a field name read from a file cannot send a control to the terminal.
    """
    from bilat._labels import visible

    stderr = sys.stderr
    if stderr is None:  # started with stderr closed: nowhere to say it
        return
    shown = "\n".join(visible(line) for line in message.split("\n"))
    line = f"{PROG}: error: {shown}\n"
    with contextlib.suppress(OSError, ValueError):  # stderr is gone too
        try:
            stderr.write(line)
        except UnicodeEncodeError:  # a stderr set to fail on what it cannot show
            encoding = getattr(stderr, "encoding", None) or "ascii"
            stderr.write(line.encode(encoding, "backslashreplace").decode(encoding))
        stderr.flush()
