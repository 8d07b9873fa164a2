"""The ``bilat`` command line.

Each subcommand is one row of :data:`_COMMANDS`: a name, a one-line help text,
a function that adds its arguments to its parser and a function that runs it
and returns the exit status. Errors that bilat raises on purpose
(:class:`~bilat.BilatError`) end the command with one line on stderr and exit
status 1; usage errors exit with status 2, as argparse does.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import re
import sys
from typing import TYPE_CHECKING, NamedTuple, TextIO

from bilat import __version__
from bilat._decimal import decimal_text
from bilat._errors import BilatError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

__all__ = ["main"]

PROG = "bilat"

#: Exit status of a command that failed on a :class:`~bilat.BilatError`.
EXIT_ERROR = 1


class _Command(NamedTuple):
    """One subcommand: how to declare its arguments and how to run it."""

    name: str
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace, TextIO], int]


# -- bilat parse ----------------------------------------------------------


def _configure_parse(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "text", help='the amount as written, e.g. "nearly $1 billion" or "₸ 2,5 млрд"'
    )
    parser.add_argument(
        "--locale",
        default="en",
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
        msg = f"invalid date {text!r}: expected an ISO date such as 2025-12-31"
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
        metavar="C",
        help="ISO 4217 code totals are shown in (default: %(default)s)",
    )
    parser.add_argument(
        "--locale",
        default="en",
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
    rates = ExchangeRates.from_csv(args.rates) if args.rates else None
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
    from bilat.io import load

    dossier = load(args.path)
    print(
        f"{args.path}: valid ({len(dossier.agreements)} agreements, "
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
    ),
    _Command(
        "validate",
        "check a dossier file and list every problem found",
        _configure_validate,
        _run_validate,
    ),
    _Command(
        "parse",
        "read an amount of money as written in news and reports",
        _configure_parse,
        _run_parse,
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
        sub.set_defaults(run=command.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``bilat`` command and return its exit status.

    Args:
        argv: The arguments after the program name; ``sys.argv[1:]`` when
            None.

    Returns:
        0 on success, 1 when bilat refused the input (the reason is printed
        on stderr as ``bilat: error: …``), 2 for a usage error.

    Example:
        >>> from bilat._cli import main
        >>> main(["parse", "$156 million"])
        Estimate(Money('156000000', 'USD'))
        $156M
        0
    """
    parser = _parser()
    with _escaping(sys.stdout):
        try:
            args = parser.parse_args(argv)
        except SystemExit as exit_:  # --help, --version and usage errors
            return exit_.code if isinstance(exit_.code, int) else EXIT_ERROR
        run: Callable[[argparse.Namespace, TextIO], int] = args.run
        try:
            return run(args, sys.stdout)
        except BilatError as error:
            sys.stderr.write(f"{PROG}: error: {error}\n")
            return EXIT_ERROR
        except OSError as error:  # a file that cannot be read or written
            sys.stderr.write(f"{PROG}: error: {error.strerror}: {error.filename!r}\n")
            return EXIT_ERROR
