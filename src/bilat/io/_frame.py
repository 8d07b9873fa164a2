"""Trade series from a dataframe of any engine that narwhals supports.

:func:`series_from_frame` reads UN Comtrade-shaped data that is already in a
dataframe (pandas, polars, pyarrow, DuckDB, Dask …) and gives the same
series as :func:`bilat.io.read_comtrade` gives for the same rows.

Where the work happens
----------------------
The frame is wrapped with :func:`narwhals.from_native` and stays in its
engine, lazily where the engine is lazy (a polars ``LazyFrame``, a DuckDB
relation, a Dask frame): the engine filters the national totals of the
flows needed and groups them by reporter, partner, year, flow (and
frequency and period, when the frame has them). Per group it counts the rows
and the distinct values and takes the smallest and largest value; only
these group rows come back to Python, a few per pair and year however large
the frame. Python then reads each group's one value, checks it, and adds
months and flows up to years.

Exactness
---------
The engine never adds values; it only compares them. A year's value is the
exact :class:`~decimal.Decimal` sum, made by bilat, of the single value of
each national-total group (one per flow, or twelve per flow for monthly
data). What that single value is depends on the value column's type:

* text: read exactly as written, with UN Comtrade's number syntax
  (``1234567.89``, ``-5``, ``1.5E+9``), as the file reader reads it;
* integers and decimals (polars ``Decimal``, Arrow ``decimal128``, DuckDB
  ``DECIMAL``, Python ``Decimal`` objects in a pandas object column):
  exactly the number held;
* floats: the shortest decimal that reads back as the same float (its
  ``repr``, as :class:`~bilat.Money` takes floats), which is the number as
  written for any value of up to 15 significant digits. A float column
  cannot hold more than that; read the value column as text or decimal to
  keep every digit of longer values.

Duplicates are compared in the engine too: rows of one group with equal
values (equal floats, decimals or integers; equal text) count once. Text
that differs but spells the same number (``100`` and ``100.0``) counts once
as well: such groups are fetched and their values compared as Decimals.

Codes and what is skipped
-------------------------
Reporter and partner codes are looked up once per distinct code, through
:mod:`bilat.io._areas` for numbers (UN Comtrade's own list, so both codes of
France, India, Norway, Switzerland and the United States count) and
:class:`~bilat.Country` for ISO 3166 alpha-2 and alpha-3 text in capitals.
Text is taken as Comtrade and ISO write it: digits without spaces (leading
zeros up to three digits), capitals. As in the file reader, national totals
of an aggregate area (0 World, 97 EU, 899 Areas nes …) or of one country on
itself are never a pair and are skipped; those of a code that is neither
are skipped and, when every pair is read, named in one
:class:`~bilat.IncompleteDataWarning`. With ``pairs=`` the engine keeps only
rows whose codes may stand for the countries asked for. The flow code,
frequency, year, period and value are checked in the national totals of the
pairs read.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Final

from bilat._country import Country, CountryLike, as_country
from bilat._currency import Currency, CurrencyLike, as_currency
from bilat._errors import (
    ArgumentTypeError,
    MissingExtraError,
    ValidationError,
    shown,
)
from bilat._fields import as_items, plain_str
from bilat._series import TradeMetric, as_metric
from bilat._source import Source
from bilat._trade_series import TradeSeries
from bilat.io._areas import codes_for

# The file reader's rules: which flows a metric needs, what a national total is.
from bilat.io._comtrade_rows import _METRIC_FLOWS, _TOTALS
from bilat.io._frame_read import (
    FLOW_ORDER,
    FREQ,
    PERIOD,
    Columns,
    Group,
    Pair,
    Reader,
    build,
    cell_text,
)

__all__ = ["series_from_frame"]

#: Names of the aggregates computed per group (prefixed so that they do not
#: meet the frame's own column names).
_AGGREGATES: Final = ("_bilat_rows", "_bilat_count", "_bilat_distinct")
_LOW, _HIGH = "_bilat_low", "_bilat_high"
#: Groups whose distinct texts are fetched at once to compare them as numbers.
_BATCH: Final = 50


def _narwhals(frame: object) -> Any:
    """The narwhals module, or the error naming the extra to install."""
    try:
        import narwhals
    except ImportError as e:
        engine = type(frame).__module__.partition(".")[0]
        extra = engine if engine in {"pandas", "polars", "duckdb", "dask"} else "pandas"
        raise MissingExtraError(extra, "narwhals", "series_from_frame()") from e
    return narwhals


def _column(value: object, keyword: str) -> str:
    text = plain_str(value)
    if text is None:
        raise ArgumentTypeError(
            [(keyword, f"expected the name of a column (a str), got {shown(value)}")]
        )
    return text


def _pairs(value: object) -> tuple[Pair, ...]:
    expected = "(reporter, partner) pairs of countries such as [('KZ', 'UZ')]"
    items = as_items(value, "pairs", expected)
    pairs: list[Pair] = []
    for i, item in enumerate(items):
        two = as_items(item, f"pairs[{i}]", "a (reporter, partner) pair")
        if len(two) != 2:
            raise ValidationError(
                [(f"pairs[{i}]", f"expected {expected}, got {shown(item)}")]
            )
        reporter = as_country(two[0], f"pairs[{i}][0]")
        partner = as_country(two[1], f"pairs[{i}][1]")
        if reporter == partner:
            raise ValidationError(
                [
                    (
                        f"pairs[{i}]",
                        f"{shown(reporter)} is the reporter: expected another partner",
                    )
                ]
            )
        if (reporter, partner) not in pairs:
            pairs.append((reporter, partner))
    if not pairs:
        raise ValidationError([("pairs", f"expected {expected}, got none")])
    return tuple(pairs)


def _source(value: object) -> Source | str | None:
    if value is None or isinstance(value, Source):
        return value
    text = plain_str(value)
    if text is None:
        raise ArgumentTypeError(
            [
                (
                    "source",
                    f"expected a Source, a title (str) or None, got {shown(value)}",
                )
            ]
        )
    Source(text)  # the title's own checks
    return text


# -- the engine's part -------------------------------------------------------------


def _kind(dtype: Any, nw: Any) -> str:
    """``int``, ``float``, ``decimal``, ``text``, ``object`` or ``other``."""
    if dtype.is_integer():
        return "int"
    if dtype.is_float():
        return "float"
    if dtype.is_decimal():
        return "decimal"
    if dtype in (nw.String, nw.Categorical, nw.Enum):
        return "text"
    if dtype == nw.Object:
        return "object"
    return "other"


def _equals(nw: Any, name: str, kind: str, text: str) -> Any:
    """``column == text`` (or the number it spells, in a column of numbers)."""
    column = nw.col(name)
    tests = []
    if kind in {"text", "object"}:
        tests.append(column == text)
    if kind in {"int", "float", "decimal", "object"} and text.isdigit():
        tests.append(column == int(text))
    if not tests:
        return nw.lit(value=False)
    found = tests[0].fill_null(value=False)
    for test in tests[1:]:
        found = found | test.fill_null(value=False)
    return found


def _codes_in(nw: Any, name: str, kind: str, countries: Iterable[Country]) -> Any:
    """The rows whose code in ``name`` may stand for one of ``countries``."""
    numbers = sorted({code for c in countries for code in codes_for(c)})
    texts = {str(n) for n in numbers} | {f"{n:03d}" for n in numbers}
    texts |= {t for c in countries for t in (c.alpha2, c.alpha3)}
    wanted: list[object]
    if kind == "text":
        wanted = [*sorted(texts)]
    elif kind == "float":  # polars compares like types only
        wanted = [float(n) for n in numbers]
    elif kind == "object":
        wanted = [*numbers, *sorted(texts)]
    else:
        wanted = [*numbers]
    return nw.col(name).is_in(wanted).fill_null(value=False)


def _query(
    nw: Any,
    *,
    lf: Any,
    columns: Columns,
    kinds: Mapping[str, str],
    flows: tuple[str, ...],
    pairs: tuple[Pair, ...] | None,
) -> tuple[Any, list[str]]:
    """The rows to group (national totals of ``flows``, and unknown flows) and the keys."""
    flow = nw.col(columns.flow)
    known = flow.is_in(list(FLOW_ORDER)).fill_null(value=False)
    keep = flow.is_in(list(flows)).fill_null(value=False) | ~known
    for name, text in _TOTALS.items():
        if name in kinds:
            keep = keep & _equals(nw, name, kinds[name], text)
    if pairs is not None:
        keep = (
            keep
            & _codes_in(
                nw, columns.reporter, kinds[columns.reporter], {r for r, _ in pairs}
            )
            & _codes_in(
                nw, columns.partner, kinds[columns.partner], {p for _, p in pairs}
            )
        )
    keys = [columns.reporter, columns.partner, columns.year, columns.flow]
    if FREQ in kinds:
        keys += [FREQ, PERIOD]
    unique = list(dict.fromkeys(keys))
    return lf.filter(keep), unique


def _collect(query: Any) -> Any:
    """Run a query in its engine; the engine's own failure is a ValidationError.

    A lazy frame is only read here, so this is where a file behind it turns
    out to be missing or malformed, or a cast in the user's query fails.
    """
    try:
        return query.collect()
    except Exception as e:  # any engine's own error; kept as the cause
        raise ValidationError(
            [("frame", f"the {query.implementation} engine failed: {shown(e)}")]
        ) from e


def _groups(nw: Any, rows: Any, keys: list[str], columns: Columns) -> list[Group]:
    """Group the rows in the engine; only the groups come back."""
    value = columns.value
    grouped = rows.group_by(*keys, drop_null_keys=False).agg(
        nw.len().alias(_AGGREGATES[0]),
        nw.col(value).count().alias(_AGGREGATES[1]),
        nw.col(value).n_unique().alias(_AGGREGATES[2]),
        nw.col(value).min().alias(_LOW),
        nw.col(value).max().alias(_HIGH),
    )
    found = _collect(grouped)
    at = {name: i for i, name in enumerate(keys)}
    n = len(keys)
    groups = []
    for row in found.rows():
        freq = row[at[FREQ]] if FREQ in at else None
        period = row[at[PERIOD]] if PERIOD in at else None
        groups.append(
            Group(
                tuple(row[:n]),
                row[at[columns.reporter]],
                row[at[columns.partner]],
                row[at[columns.year]],
                row[at[columns.flow]],
                freq,
                period,
                row[n],
                row[n + 1],
                row[n + 2],
                row[n + 3],
                row[n + 4],
            )
        )
    return groups


def _distinct_values(
    nw: Any, rows: Any, keys: list[str], value: str, groups: list[Group]
) -> dict[tuple[object, ...], list[object]]:
    """The distinct values of a few groups, fetched to compare them as numbers."""
    found: dict[tuple[object, ...], list[object]] = {}
    for start in range(0, len(groups), _BATCH):
        match = nw.lit(value=False)
        for group in groups[start : start + _BATCH]:
            test = nw.lit(value=True)
            for name, cell in zip(keys, group.cells, strict=True):
                test = test & (nw.col(name) == cell).fill_null(value=False)
            match = match | test
        picked = _collect(rows.filter(match).select(*keys, value).unique())
        for row in picked.iter_rows():
            found.setdefault(tuple(row[:-1]), []).append(row[-1])
    return found


# -- the public function -----------------------------------------------------------


def series_from_frame(
    frame: object,
    *,
    reporter: str = "reporterCode",
    partner: str = "partnerCode",
    year: str = "refYear",
    value: str = "primaryValue",
    flow: str = "flowCode",
    currency: CurrencyLike = "USD",
    metric: TradeMetric | str = TradeMetric.TURNOVER,
    pairs: Iterable[tuple[CountryLike, CountryLike]] | None = None,
    source: Source | str | None = None,
) -> dict[tuple[Country, Country], TradeSeries]:
    """Build trade series from a dataframe, every pair at once, in its engine.

    The frame may be of any engine narwhals supports: pandas, polars (eager
    or lazy), pyarrow, DuckDB, Dask, and the others narwhals lists. The
    filtering and grouping run in that engine, lazily where it is lazy; only
    a few totals per pair and year come back (see
    :mod:`bilat.io._frame`). The same rows give the same series as
    :func:`bilat.io.read_comtrade`.

    The rules are UN Comtrade's, as the file reader applies them: only
    national totals count (``cmdCode`` TOTAL, ``partner2Code`` 0,
    ``motCode`` 0, ``customsCode`` C00, each where the frame has that
    column); only flows X and M are used, the other Comtrade flow codes are
    skipped and any other code is an error; with ``freqCode`` and
    ``period`` columns, monthly rows make a year only when all twelve months
    are there; equal duplicate rows count once and different ones are an
    error. Codes may be numbers or text: UN Comtrade's area codes (both of
    its codes for France, India, Norway, Switzerland and the United States),
    or ISO 3166 alpha-2 or alpha-3 codes in capitals. Aggregates such as
    World (0) are skipped, and so are codes that are neither (named in a
    warning).

    Values are exact: the engine only compares them and bilat adds them up
    as Decimals. Text, integer and decimal columns give every digit; a float
    column gives each float's shortest repr (exact for values of up to 15
    significant digits).

    Args:
        frame: The dataframe (or lazy frame, or DuckDB relation).
        reporter: The column of reporter codes.
        partner: The column of partner codes.
        year: The column of years (numbers or text).
        value: The column of values (text, integers, decimals or floats).
        flow: The column of UN Comtrade flow codes (text: ``X``, ``M`` …).
        currency: The currency of every value, a code such as ``"EUR"`` or a
            :class:`~bilat.Currency`; it never names a column. For a frame
            with a currency column, filter it to one currency first.
        metric: ``TURNOVER`` (exports plus imports, both needed in a year),
            or the reporter's ``EXPORTS`` or ``IMPORTS``.
        pairs: The (reporter, partner) pairs wanted, or None for every pair
            of two countries in the frame. Only their rows are grouped.
        source: The source of every series, or its title; by default a
            source titled after the engine. The note on the flows and the
            years left out is added to it.

    Returns:
        ``{(reporter, partner): TradeSeries}``, as :func:`read_comtrade`
        gives: pairs asked for in their order, otherwise sorted by the
        countries' alpha-2 codes. With ``pairs=None``, a pair whose every
        year is incomplete is left out (and named in the warning).

    Raises:
        ArgumentTypeError: ``frame`` is not a frame narwhals knows, or a
            column name is not a str.
        ValidationError: a column is missing (the error names it and the
            keyword argument to change) or holds values of the wrong type; a
            flow, frequency, year, period or value is not one; duplicate
            rows conflict; a pair asked for has no complete year; or the
            frame has no pair of countries at all.
        UnknownCurrencyError: ``currency`` is no ISO 4217 code.
        MissingExtraError: narwhals is not installed.

    Warns:
        IncompleteDataWarning: once for all the years and pairs left out
            (each series' note names its own years), once for codes that
            are neither UN Comtrade's nor ISO's.

    Example:
        >>> import polars as pl
        >>> from bilat import Country
        >>> from bilat.io import series_from_frame
        >>> frame = pl.DataFrame({
        ...     "reporterCode": [398, 398, 860],
        ...     "partnerCode": [860, 860, 398],
        ...     "refYear": [2023, 2023, 2023],
        ...     "flowCode": ["X", "M", "X"],
        ...     "primaryValue": ["2500000000", "1400000000.5", "1600000000"],
        ... }).lazy()
        >>> found = series_from_frame(frame, metric="exports")
        >>> sorted((r.alpha2, p.alpha2) for r, p in found)
        [('KZ', 'UZ'), ('UZ', 'KZ')]
        >>> found[Country("KZ"), Country("UZ")].values
        mappingproxy({2023: Money('2500000000', 'USD')})
    """
    nw = _narwhals(frame)
    columns = Columns(
        _column(reporter, "reporter"),
        _column(partner, "partner"),
        _column(year, "year"),
        _column(flow, "flow"),
        _column(value, "value"),
    )
    chosen = as_metric(metric)
    money_currency: Currency = as_currency(currency)
    wanted = None if pairs is None else _pairs(pairs)
    given_source = _source(source)
    flows = _METRIC_FLOWS[chosen]
    try:
        wrapped = nw.from_native(frame)
    except TypeError:
        raise ArgumentTypeError(
            [
                (
                    "frame",
                    (
                        "expected a dataframe of an engine narwhals supports (pandas, "
                        f"polars, pyarrow, DuckDB, Dask …), got {shown(type(frame))}"
                    ),
                )
            ]
        ) from None
    except nw.exceptions.DuplicateError as e:
        said = " ".join(str(e).split())
        raise ValidationError(
            [("frame", f"{said}: give each column of the frame its own name")]
        ) from None
    lf = wrapped.lazy() if isinstance(wrapped, nw.DataFrame) else wrapped
    kinds = _check_columns(nw, lf, columns)
    rows, keys = _query(
        nw, lf=lf, columns=columns, kinds=kinds, flows=flows, pairs=wanted
    )
    groups = _groups(nw, rows, keys, columns)
    has_freq = FREQ in kinds
    # Text that differs may spell one number ("100", "100.0"): fetch those
    # groups' values. Distinct numbers of another type conflict for sure, and
    # two distinct texts are the smallest and the largest.
    unclear = [
        g
        for g in groups
        if g.distinct > 2
        and kinds[columns.value] in {"text", "object"}
        and all(cell_text(cell) for cell in g.cells)
    ]
    fetched = (
        _distinct_values(nw, rows, keys, columns.value, unclear) if unclear else {}
    )
    reader = Reader(columns, flows, wanted)
    for group in groups:
        values = fetched.get(group.cells) if group.distinct > 2 else None
        reader.read(group, has_freq, values)
    return build(
        reader,
        wanted=wanted,
        flows=flows,
        columns=columns,
        metric=chosen,
        currency=money_currency,
        given=given_source,
        lf=lf,
    )


def _check_columns(nw: Any, lf: Any, columns: Columns) -> dict[str, str]:
    """Each column's kind; a missing column or a wrong type is an error."""
    schema = dict(lf.collect_schema())
    names = list(schema)
    keywords = dict(zip(Columns._fields, columns, strict=True))
    problems = []
    for keyword, name in keywords.items():
        if name not in schema:
            problems.append(
                (
                    f"{keyword}=",
                    (
                        f"the frame has no column {shown(name)}: name the column that "
                        f"holds the {keyword} with {keyword}='…' (its columns are "
                        f"{shown(names)})"
                    ),
                )
            )
    if FREQ in schema and PERIOD not in schema:
        problems.append(
            (PERIOD, f"the frame has a {FREQ} column but no {PERIOD} column")
        )
    if problems:
        raise ValidationError(problems)
    if len(set(columns)) < len(columns):
        raise ValidationError(
            [("", f"one column is named for two arguments: {shown(dict(keywords))}")]
        )
    kinds = {name: _kind(dtype, nw) for name, dtype in schema.items()}
    allowed = {
        "reporter": {"int", "float", "text", "object"},
        "partner": {"int", "float", "text", "object"},
        "year": {"int", "float", "text", "object"},
        "flow": {"text", "object"},
        "value": {"int", "float", "decimal", "text", "object"},
    }
    expected = {
        "flow": "text",
        "value": "numbers or text",
        "year": "years as numbers or text",
    }
    for keyword, name in keywords.items():
        if kinds[name] not in allowed[keyword]:
            wanted = expected.get(keyword, "codes as numbers or text")
            problem = (
                f"the column {shown(name)} holds {schema[name]}: expected {wanted}"
            )
            raise ValidationError([(f"{keyword}=", problem)])
    return kinds
