r"""Build bilat's table of UN Comtrade area codes from Comtrade's reference files.

UN Comtrade publishes its reporters and partner areas as JSON reference
files. This script reads them and writes ``src/bilat/io/comtrade_areas.csv``:
one row per code, with Comtrade's name, its ISO alpha codes, its years, and
what bilat reads the code as (a country, or an aggregate that is never one
side of a pair). Run it again on newer reference files to update the table::

    python scripts/comtrade_areas.py \
        --reporters Reporters.json --partners partnerAreas.json \
        --date 2025-06-05 --copy "downloaded from comtradeapi.un.org" \
        --legacy reporterAreas.json --legacy partnerAreas.json \
        --legacy-date 2018-07-19 --legacy-copy "downloaded from comtrade.un.org"

Inputs:

* ``--reporters`` and ``--partners``: the reference files of the Comtrade
  API v1, ``https://comtradeapi.un.org/files/v1/app/reference/Reporters.json``
  and ``.../partnerAreas.json`` (fields ``reporterCode``/``PartnerCode``,
  ``text``, ``…CodeIsoAlpha2``, ``…CodeIsoAlpha3``, ``entryEffectiveDate``,
  ``entryExpiredDate``, ``isGroup``). A copy saved by the R package comtradr
  (its ``inst/extdata/reporter.rds`` and ``partner.rds``, with columns
  ``id``, ``country``, ``iso_3``, ``iso_2``, ``entry_year``, ``exit_year``,
  ``group``) is read too when the ``pyreadr`` package is installed.
* ``--legacy``: the reference files of the retired Comtrade site,
  ``https://comtrade.un.org/Data/cache/reporterAreas.json`` and
  ``partnerAreas.json`` (``id`` and ``text`` only). They add the codes the
  v1 files no longer list; each such code needs a decision in
  :data:`DECIDED`, since these files carry no ISO codes.
* ``--date``, ``--legacy-date``: the date of the files (their
  ``Last-Modified`` date, or when the copy read was taken); ``--copy``,
  ``--legacy-copy``: where the copy read came from. Both go into the table's
  header.

How each code is read, in this order (the ``rule`` column names the step):

1. ``decided``: a code listed in :data:`DECIDED`, with its reason there.
2. ``group``: Comtrade marks the code as a group (``isGroup``) in either file.
3. ``nes``: a residual area, "not elsewhere specified" (a name ending in
   ``nes``), such as 899 "Areas, nes".
4. ``no-iso``: the alpha codes Comtrade gives are not those of one ISO 3166
   country that bilat knows (missing, Comtrade's own such as ``X1`` or
   ``_X``, withdrawn such as ``SUN``, or alpha-2 and alpha-3 disagreeing).
5. ``former``: an area Comtrade no longer uses (it has an end year) whose
   code is not the ISO numeric code of the country its alpha codes name: a
   union or a state before a partition or a merger (Belgium-Luxembourg,
   Sudan before 2012, the Federal Republic of Germany before 1991).
6. ``iso``: otherwise the code is that country. Current customs areas that
   include a neighbour (251 France with Monaco, 757 Switzerland with
   Liechtenstein, 842 USA with Puerto Rico) are the country that reports.

Rules 2 to 5 make aggregates, rules 1 and 6 countries. The script needs
bilat (for :class:`bilat.Country`) and, for ``.rds`` input, pyreadr.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import math
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Final

from bilat import BilatError, Country

#: Where Comtrade publishes the reference files.
REPORTERS_URL: Final = (
    "https://comtradeapi.un.org/files/v1/app/reference/Reporters.json"
)
PARTNERS_URL: Final = (
    "https://comtradeapi.un.org/files/v1/app/reference/partnerAreas.json"
)
LEGACY_URLS: Final = (
    "https://comtrade.un.org/Data/cache/reporterAreas.json",
    "https://comtrade.un.org/Data/cache/partnerAreas.json",
)

#: Codes read by decision rather than by rule: code -> (alpha-2 or "" for an
#: aggregate, the reason).
DECIDED: Final[Mapping[int, tuple[str, str]]] = {
    381: (
        "IT",
        (
            "Italy's code in the legacy reference files, which give no ISO codes;"
            " the v1 files list Italy as 380"
        ),
    ),
    412: (
        "XK",
        "Kosovo; Comtrade gives only its own code _KS, bilat's Kosovo is XK",
    ),
}

COLUMNS: Final = (
    "code",
    "name",
    "iso2",
    "iso3",
    "is_group",
    "from_year",
    "until_year",
    "tables",
    "kind",
    "country",
    "rule",
)

DEFAULT_OUTPUT: Final = (
    Path(__file__).resolve().parent.parent
    / "src"
    / "bilat"
    / "io"
    / "comtrade_areas.csv"
)


@dataclass(frozen=True)
class Row:
    """One code as a reference file lists it."""

    code: int
    name: str
    iso2: str = ""
    iso3: str = ""
    is_group: bool = False
    from_year: int | None = None
    until_year: int | None = None
    tables: tuple[str, ...] = field(default=())


def _text(value: object) -> str:
    """A cell as stripped text; missing values (None, NaN) as ""."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def _year(value: object) -> int | None:
    """The year of a date text (``1992-01-01T00:00:00``) or a number."""
    text = _text(value)
    if not text:
        return None
    return int(text[:4]) if "-" in text else int(float(text))


def _alpha(value: object) -> str:
    """An alpha code as given, or "" for a longer text (comtradr writes ``World``)."""
    text = _text(value)
    return text if len(text) <= 3 else ""


def _records(path: Path) -> list[dict[str, Any]]:
    """The records of a reference file: JSON ``results``, or a comtradr .rds."""
    if path.suffix.lower() == ".rds":
        try:
            import pyreadr  # type: ignore[import-not-found,import-untyped,unused-ignore]
        except ImportError:
            sys.exit(f"{path}: reading .rds files needs pyreadr (pip install pyreadr)")
        frame = pyreadr.read_r(str(path))[None]
        records: list[dict[str, Any]] = frame.to_dict("records")
        return records
    data = json.loads(path.read_text(encoding="utf-8-sig"))
    results = data["results"] if isinstance(data, dict) else data
    return [r for r in results if isinstance(r, dict)]


def _get(record: Mapping[str, Any], *keys: str) -> object:
    for key in keys:
        if key in record:
            return record[key]
    return None


def read_table(path: Path, table: str) -> Iterator[Row]:
    """The rows of one reference file (v1 JSON, comtradr .rds or legacy JSON)."""
    for record in _records(path):
        code_text = _text(_get(record, "reporterCode", "PartnerCode", "id"))
        if not code_text.lstrip("-").replace(".", "", 1).isdigit():
            continue  # the legacy files' "all"
        yield Row(
            code=int(float(code_text)),
            name=_text(_get(record, "text", "country", "reporterDesc", "PartnerDesc")),
            iso2=_alpha(
                _get(record, "reporterCodeIsoAlpha2", "PartnerCodeIsoAlpha2", "iso_2")
            ),
            iso3=_alpha(
                _get(record, "reporterCodeIsoAlpha3", "PartnerCodeIsoAlpha3", "iso_3")
            ),
            is_group=str(_get(record, "isGroup", "group")).lower() in {"true", "1"},
            from_year=_year(_get(record, "entryEffectiveDate", "entry_year")),
            until_year=_year(_get(record, "entryExpiredDate", "exit_year")),
            tables=(table,),
        )


def merge(tables: Iterable[Iterable[Row]], legacy: Iterable[Row]) -> list[Row]:
    """One row per code: the v1 files first, the legacy files for codes they lack."""
    merged: dict[int, Row] = {}
    for rows in tables:
        for row in rows:
            seen = merged.get(row.code)
            if seen is None:
                merged[row.code] = row
                continue
            merged[row.code] = replace(
                seen,
                name=seen.name or row.name,
                iso2=seen.iso2 or row.iso2,
                iso3=seen.iso3 or row.iso3,
                is_group=seen.is_group or row.is_group,
                tables=seen.tables + row.tables,
            )
    for row in legacy:
        seen = merged.get(row.code)
        if seen is None:
            merged[row.code] = row
        elif "legacy" not in seen.tables:
            merged[row.code] = replace(seen, tables=(*seen.tables, "legacy"))
    return sorted(merged.values(), key=lambda r: r.code)


def _country(code: str) -> Country | None:
    try:
        return Country(code)
    except BilatError:
        return None


def decide(row: Row) -> tuple[str, str, str]:
    """``(kind, alpha-2 or "", rule)`` for one code; see the module's rules."""
    if row.code in DECIDED:
        alpha2, _reason = DECIDED[row.code]
        return ("country" if alpha2 else "aggregate", alpha2, "decided")
    if "reporter" not in row.tables and "partner" not in row.tables:
        sys.exit(
            f"code {row.code} ({row.name}) is only in the legacy files: add it to DECIDED"
        )
    if row.is_group:
        return ("aggregate", "", "group")
    if row.name.endswith((" nes", ",nes")):
        return ("aggregate", "", "nes")
    given = [c for c in (row.iso2, row.iso3) if c]
    found = {_country(c) for c in given}
    if not given or None in found or len(found) != 1:
        return ("aggregate", "", "no-iso")
    (country,) = found
    assert country is not None
    if row.until_year is not None and row.code != country.numeric:
        return ("aggregate", "", "former")
    return ("country", country.alpha2, "iso")


def render(rows: Sequence[Row], header: Sequence[str]) -> str:
    """The CSV text: ``#`` header lines, the column names, one line per code."""
    out = io.StringIO()
    for line in header:
        out.write(f"# {line}\n" if line else "#\n")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        kind, alpha2, rule = decide(row)
        writer.writerow(
            (
                row.code,
                row.name,
                row.iso2,
                row.iso3,
                "true" if row.is_group else "false",
                "" if row.from_year is None else row.from_year,
                "" if row.until_year is None else row.until_year,
                "+".join(row.tables),
                kind,
                alpha2,
                rule,
            )
        )
    return out.getvalue()


def header_lines(args: argparse.Namespace) -> list[str]:
    """The header: publisher, files, dates and copies, and how to read the table."""
    lines = [
        "UN Comtrade reporter and partner area codes, and how bilat reads each one.",
        "Publisher: United Nations Statistics Division, UN Comtrade (https://comtradeplus.un.org/).",
        f"Source: {REPORTERS_URL}",
        f"    and {PARTNERS_URL}",
        f"    as of {args.date}; copy read: {args.copy}",
    ]
    if args.legacy:
        lines += [
            f"Codes the v1 files no longer list: {LEGACY_URLS[0]}",
            f"    and {LEGACY_URLS[1]}",
            f"    as of {args.legacy_date}; copy read: {args.legacy_copy}",
        ]
    lines += [
        "Generated by scripts/comtrade_areas.py; do not edit by hand, run it again.",
        "Columns: code, name, iso2, iso3, is_group and the years (from_year, until_year)",
        "are Comtrade's; tables lists the files naming the code; kind (country or",
        "aggregate), country (ISO alpha-2) and rule (why) are bilat's reading.",
    ]
    lines += [
        f"Decided: {code} -> {a2 or 'aggregate'}: {why}"
        for code, (a2, why) in DECIDED.items()
    ]
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    """Read the reference files and write the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--reporters", type=Path, required=True)
    parser.add_argument("--partners", type=Path, required=True)
    parser.add_argument("--date", type=dt.date.fromisoformat, required=True)
    parser.add_argument("--copy", required=True)
    parser.add_argument("--legacy", type=Path, action="append", default=[])
    parser.add_argument("--legacy-date", type=dt.date.fromisoformat)
    parser.add_argument("--legacy-copy", default="")
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    if args.legacy and (args.legacy_date is None or not args.legacy_copy):
        parser.error("--legacy needs --legacy-date and --legacy-copy")
    rows = merge(
        [read_table(args.reporters, "reporter"), read_table(args.partners, "partner")],
        (row for path in args.legacy for row in read_table(path, "legacy")),
    )
    text = render(rows, header_lines(args))
    args.output.write_text(text, encoding="utf-8")
    kinds: dict[str, int] = {}
    for row in rows:
        kind = decide(row)[0]
        kinds[kind] = kinds.get(kind, 0) + 1
    summary = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
    sys.stderr.write(f"{args.output}: {len(rows)} codes ({summary})\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
