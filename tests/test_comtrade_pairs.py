"""Tests for bilat.io.read_comtrade: every pair of UN Comtrade files in one pass.

The files are written in Comtrade's own layouts (the 47 columns of the
website's CSV export, the API v1 JSON response) with the helpers of
tests/test_comtrade.py. Expected series are added up by hand in comments, or
computed from the model that wrote the file; the one-pair reader,
``TradeSeries.from_comtrade``, is the reference each pair must equal.
"""

from __future__ import annotations

import csv
import io
import sys
import tempfile
import tracemalloc
import warnings
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, ClassVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.test_comtrade import (
    HEADER,
    KZ_TURNOVER,
    MONTHLY_TURNOVER_2023,
    UZ_TURNOVER,
    annual_kz_uz,
    json_record,
    monthly,
    record,
    write_csv,
    write_json,
)
from tests.values import amounts

import bilat
import bilat._progress
from bilat import (
    ArgumentTypeError,
    Country,
    IncompleteDataWarning,
    InvalidOptionError,
    TradeMetric,
    TradeSeries,
    UnknownCountryError,
    ValidationError,
)
from bilat.io import read_comtrade

KZ, UZ, US, CN, RU = (Country(c) for c in ("KZ", "UZ", "US", "CN", "RU"))


def every_pair(*args: Any, **kwargs: Any) -> dict[tuple[Country, Country], TradeSeries]:
    """read_comtrade with its warnings of left-out data silenced."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", IncompleteDataWarning)
        return read_comtrade(*args, **kwargs)


class TestEveryPair:
    """pairs=None: every pair of countries in the files, each as its reporter gives it."""

    def test_both_views(self, tmp_path: Path) -> None:
        """One pass gives Kazakhstan's and Uzbekistan's views, added up by hand."""
        path = write_csv(tmp_path / "kz-uz.csv", annual_kz_uz())
        found = every_pair(path)
        assert amounts(found[KZ, UZ]) == KZ_TURNOVER
        assert amounts(found[UZ, KZ]) == UZ_TURNOVER
        assert found[UZ, KZ].reporter == UZ
        assert found[KZ, UZ].parties == (KZ, UZ)

    def test_same_series_as_one_pair(self, tmp_path: Path) -> None:
        """Each series equals TradeSeries.from_comtrade's, source note and all."""
        path = write_csv(tmp_path / "kz-uz.csv", annual_kz_uz())
        found = every_pair(path, accessed="2025-03-01")
        for reporter, partner in [(KZ, UZ), (UZ, KZ)]:
            one = TradeSeries.from_comtrade(
                path, reporter, partner, accessed="2025-03-01"
            )
            assert found[reporter, partner] == one
            assert found[reporter, partner].sources == one.sources

    def test_pair_without_complete_year_left_out(self, tmp_path: Path) -> None:
        """Kazakhstan's exports to Russia alone make no turnover: left out, warned once."""
        path = write_csv(tmp_path / "kz-uz.csv", annual_kz_uz())
        with pytest.warns(IncompleteDataWarning) as caught:
            found = read_comtrade(path)
        assert set(found) == {(KZ, UZ), (UZ, KZ)}
        assert len(caught) == 1
        assert "1 pair with no complete year" in str(caught[0].message)
        assert "Kazakhstan–Russia (2023: no imports; left out)" in str(
            caught[0].message
        )
        assert caught[0].filename == __file__

    def test_exports_metric(self, tmp_path: Path) -> None:
        """With EXPORTS, Kazakhstan's exports to Russia are a series too."""
        path = write_csv(tmp_path / "kz-uz.csv", annual_kz_uz())
        found = read_comtrade(path, metric="exports")
        assert amounts(found[KZ, RU]) == {2023: Decimal(9000000000)}
        assert found[KZ, RU].metric is TradeMetric.EXPORTS
        # 2022: 2,345,678,901.10 and 2023: 2,800,000,000 (breakdowns left aside).
        assert amounts(found[KZ, UZ]) == {
            2022: Decimal("2345678901.10"),
            2023: Decimal(2800000000),
        }

    def test_sorted_by_countries(self, tmp_path: Path) -> None:
        """Pairs come sorted by reporter, then partner, whatever the file's order."""
        rows = [
            record(flow, "5", reporter=r, partner=p)
            for r, p in [(860, 398), (156, 398), (398, 860), (398, 156)]
            for flow in ("X", "M")
        ]
        found = read_comtrade(write_csv(tmp_path / "four.csv", rows))
        assert list(found) == [(CN, KZ), (KZ, CN), (KZ, UZ), (UZ, KZ)]

    def test_json(self, tmp_path: Path) -> None:
        """An API response reads as the CSV export does."""
        path = write_json(
            tmp_path / "kz-uz.json", [json_record(r) for r in annual_kz_uz()]
        )
        found = every_pair(path)
        assert amounts(found[KZ, UZ]) == KZ_TURNOVER
        assert amounts(found[UZ, KZ]) == UZ_TURNOVER
        assert found[KZ, UZ].sources[0].title == "UN Comtrade: kz-uz.json"

    def test_both_us_codes_are_one_pair(self, tmp_path: Path) -> None:
        """Rows under 840 and 842 are the United States' one series."""
        rows = [
            record("X", "148000000000", reporter=842, partner=156),
            record("M", "427000000000", reporter=842, partner=156),
            record("X", "150000000000", year=2022, reporter=840, partner=156),
            record("M", "536000000000", year=2022, reporter=840, partner=156),
            # the same 2023 exports under the other code: counted once
            record("X", "148000000000", reporter=840, partner=156),
        ]
        found = read_comtrade(write_csv(tmp_path / "us-cn.csv", rows))
        # 148 + 427 = 575 and 150 + 536 = 686 billion.
        assert amounts(found[US, CN]) == {
            2022: Decimal(686000000000),
            2023: Decimal(575000000000),
        }


class TestPairsAskedFor:
    """pairs=[...] keeps only those pairs, in the order given."""

    def test_only_those(self, tmp_path: Path) -> None:
        """The pairs asked for, in their order, and nothing else."""
        path = write_csv(tmp_path / "kz-uz.csv", annual_kz_uz())
        found = read_comtrade(path, [("UZ", "KAZ"), (398, "UZB")])
        assert list(found) == [(UZ, KZ), (KZ, UZ)]
        assert amounts(found[KZ, UZ]) == KZ_TURNOVER

    def test_twice_is_once(self, tmp_path: Path) -> None:
        """A pair named twice is read once."""
        path = write_csv(tmp_path / "kz-uz.csv", annual_kz_uz())
        assert list(read_comtrade(path, [(KZ, UZ), ("KZ", "UZ")])) == [(KZ, UZ)]

    def test_missing_pair(self, tmp_path: Path) -> None:
        """A pair with no rows is an error with the counts and the reverse-pair hint."""
        rows = [r for r in annual_kz_uz() if r["reporterCode"] == "860"]
        path = write_csv(tmp_path / "uz-kz.csv", rows)
        with pytest.raises(
            ValidationError,
            match=r"no national-total X and M rows reported by Kazakhstan \(398\) "
            r"for partner Uzbekistan \(860\): 5 rows read, 0 of them for this pair; "
            r"the file has 5 rows reported by Uzbekistan for Kazakhstan: "
            r"use reporter='UZ', partner='KZ'",
        ) as e:
            read_comtrade(path, [(UZ, KZ), (KZ, UZ)])
        assert e.value.file == str(path)
        assert len(e.value.problems) == 1

    def test_lone_carriage_return_in_a_cell(self, tmp_path: Path) -> None:
        """A lone \\r inside a cell ends no line for the count of rows either."""
        rows = [r for r in annual_kz_uz() if r["reporterCode"] == "860"]
        path = write_csv(tmp_path / "uz-kz.csv", rows)
        data = path.read_bytes()
        assert data.count(b",Uzbekistan,") == 5  # reporterDesc, unquoted
        path.write_bytes(data.replace(b",Uzbekistan,", b",Uzbek\rstan,"))
        with pytest.raises(
            ValidationError,
            match=r"5 rows read, 0 of them for this pair; "
            r"the file has 5 rows reported by Uzbekistan",
        ):
            read_comtrade(path, [(KZ, UZ)])

    def test_every_missing_pair_named(self, tmp_path: Path) -> None:
        """Each pair with nothing is one problem of the same error."""
        path = write_csv(tmp_path / "kz-uz.csv", annual_kz_uz())
        with pytest.raises(ValidationError, match="2 problems") as e:
            read_comtrade(path, [(KZ, CN), (KZ, UZ), (CN, US)])
        assert [m.split(":")[0] for _, m in e.value.problems] == [
            (
                "no national-total X and M rows reported by Kazakhstan (398) for "
                "partner China (156)"
            ),
            (
                "no national-total X and M rows reported by China (156) for "
                "partner United States (840 or 842)"
            ),
        ]

    def test_file_of_another_pair(self, tmp_path: Path) -> None:
        """A file that holds only another pair is an error counting its rows."""
        rows = [record("X", "9", partner=643), record("M", "9", partner=643)]
        path = write_csv(tmp_path / "kz-ru.csv", rows)
        with pytest.raises(ValidationError, match="2 rows read, 0 of them"):
            read_comtrade(path, [(KZ, UZ)])

    def test_breakdowns_counted(self, tmp_path: Path) -> None:
        """A pair with breakdown rows only: the error counts them."""
        rows = [record("X", "9", cmd="27"), record("M", "9", customs="C01")]
        path = write_csv(tmp_path / "kz-uz.csv", rows)
        with pytest.raises(ValidationError, match="2 of those breakdowns"):
            read_comtrade(path, [(KZ, UZ)])

    def test_pair_with_incomplete_years_only(self, tmp_path: Path) -> None:
        """A pair asked for without a complete year is an error naming the gaps."""
        path = write_csv(tmp_path / "m.csv", monthly(2024, range(1, 7)))
        with pytest.raises(ValidationError, match="2024: months 1–6 only"):
            read_comtrade(path, [(KZ, UZ)])

    @pytest.mark.parametrize(
        ("pairs", "path", "message"),
        [
            ("KZUZ", "pairs", "expected an iterable of"),
            ([], "pairs", "at least one"),
            (["KZ"], "pairs[0]", "expected a .reporter, partner. pair"),
            ([("KZ", "UZ", "CN")], "pairs[0]", "expected a .reporter, partner. pair"),
            ([("KZ", "KAZ")], "pairs[0]", "both reporter and partner"),
        ],
    )
    def test_bad_pairs(
        self, tmp_path: Path, pairs: object, path: str, message: str
    ) -> None:
        """pairs= that are not distinct country pairs are refused before reading."""
        with pytest.raises(ValidationError, match=message) as e:
            read_comtrade(tmp_path / "absent.csv", pairs)  # type: ignore[arg-type]
        assert e.value.path == path

    def test_unknown_country(self, tmp_path: Path) -> None:
        """A country that is none is refused."""
        with pytest.raises(UnknownCountryError, match="'Kazakstan'"):
            read_comtrade(tmp_path / "a.csv", [("Kazakstan", "UZ")])


class TestAreas:
    """Aggregates are never a pair; codes Comtrade does not list are warned about."""

    def test_aggregates_skipped(self, tmp_path: Path) -> None:
        """Rows with World (0) or the EU (97) as an area are no pair."""
        rows = [
            *annual_kz_uz()[:4],
            record("X", "7", partner=0),
            record("M", "7", partner=0),
            record("X", "7", reporter=0, reporterCode="97"),
            record("M", "7", reporter=0, reporterCode="97"),
        ]
        found = read_comtrade(write_csv(tmp_path / "world.csv", rows))
        assert list(found) == [(KZ, UZ)]
        assert amounts(found[KZ, UZ]) == KZ_TURNOVER

    def test_only_aggregates(self, tmp_path: Path) -> None:
        """A file of aggregates only has no pair: the error says why."""
        rows = [record("X", "7", partner=0), record("M", "7", partner=0)]
        with pytest.raises(
            ValidationError,
            match=r"no national-total X and M rows of a pair of countries: 2 rows "
            r"read, 2 national totals with an aggregate area",
        ):
            read_comtrade(write_csv(tmp_path / "world.csv", rows))

    def test_unknown_codes_warned_once(self, tmp_path: Path) -> None:
        """Codes Comtrade does not list: one warning naming them and their rows."""
        rows = [
            *annual_kz_uz()[:4],
            *(record(f, "1", partnerCode="1234") for f in ("X", "M", "X")),
            *(record(f, "1", reporterCode="Kazakhstan") for f in ("X", "M")),
        ]
        path = write_csv(tmp_path / "odd.csv", rows)
        with pytest.warns(IncompleteDataWarning) as caught:
            found = read_comtrade(path)
        assert list(found) == [(KZ, UZ)]
        assert [str(w.message) for w in caught] == [
            (
                "odd.csv: national totals with codes UN Comtrade does not list were "
                "skipped: '1234' (3 rows); 'Kazakhstan' (2 rows)"
            )
        ]

    def test_unknown_codes_not_warned_for_pairs(self, tmp_path: Path) -> None:
        """With pairs asked for, other rows' codes do not matter."""
        rows = [*annual_kz_uz()[:4], record("X", "1", partnerCode="1234")]
        path = write_csv(tmp_path / "odd.csv", rows)
        assert amounts(read_comtrade(path, [(KZ, UZ)])[KZ, UZ]) == KZ_TURNOVER

    def test_codes_looked_up_once(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Each distinct code text is looked up once, not once per row."""
        from bilat.io._areas import area

        asked: list[int] = []

        def counting(code: int) -> Any:
            asked.append(code)
            return area(code)

        monkeypatch.setattr("bilat.io._comtrade_rows.area", counting)
        rows = [record(f, "1", year=y) for y in range(2000, 2020) for f in "XM"]
        read_comtrade(write_csv(tmp_path / "kz-uz.csv", rows))
        assert sorted(asked) == [398, 860]


class TestFlowCodes:
    """An unknown flow code matters in the pairs read only."""

    def test_refused_when_every_pair_is_read(self, tmp_path: Path) -> None:
        """A national total with flow 'XX' of any pair is refused, with its place."""
        rows = [*annual_kz_uz()[:4], record("XX", "1", partner=643)]
        path = write_csv(tmp_path / "xx.csv", rows)
        with pytest.raises(ValidationError, match="unknown flow code 'XX'") as e:
            read_comtrade(path)
        assert e.value.path == "line 6, column flowCode"

    def test_ignored_in_a_pair_not_asked_for(self, tmp_path: Path) -> None:
        """The same row is no concern when only Kazakhstan–Uzbekistan is read."""
        rows = [*annual_kz_uz()[:4], record("XX", "1", partner=643)]
        path = write_csv(tmp_path / "xx.csv", rows)
        assert amounts(read_comtrade(path, [(KZ, UZ)])[KZ, UZ]) == KZ_TURNOVER


class TestOldNames:
    """COMTRADE_CODES, no longer used by the readers, still answers."""

    def test_comtrade_codes(self) -> None:
        """Comtrade's own codes of the five countries named in its documentation."""
        from bilat.io import _comtrade

        codes = _comtrade.COMTRADE_CODES
        assert isinstance(codes, dict)
        expected = {"CH": 757, "FR": 251, "IN": 699, "NO": 579, "US": 842}
        assert {k: codes[k] for k in expected} == expected


class TestRealLayout:
    """The website's 47-column export, quoted cells and all."""

    def test_quoted_cells(self, tmp_path: Path) -> None:
        """Descriptions with commas, quotes and line breaks are read as csv does."""
        rows = [
            record("X", "1000", reporterDesc="Kazakhstan, Rep. of"),
            record("M", "2000", partnerDesc='The "Uzbek"\r\nRepublic'),
            record("X", "5", cmd="27"),  # a quoted breakdown: skipped
            record("X", "7", year=2022, reporterDesc="a, b"),
            record("M", "8", year=2022),
        ]
        path = write_csv(tmp_path / "quoted.csv", rows)
        assert len(HEADER) == 47
        assert b'"Kazakhstan, Rep. of"' in path.read_bytes()
        found = read_comtrade(path)
        # 2022: 7 + 8 = 15; 2023: 1000 + 2000 = 3000.
        assert amounts(found[KZ, UZ]) == {2022: Decimal(15), 2023: Decimal(3000)}

    def test_line_numbers_after_a_line_break(self, tmp_path: Path) -> None:
        """A record after a cell with a line break is named by its own line."""
        rows = [
            record("X", "1000", partnerDesc="two\nlines"),
            record("M", "oops"),
        ]
        path = write_csv(tmp_path / "broken.csv", rows)
        with pytest.raises(ValidationError) as e:
            read_comtrade(path)
        assert e.value.path == "line 4, column primaryValue"

    def test_quoted_line_cut_short(self, tmp_path: Path) -> None:
        """A last line cut short is refused even when it lacks the total's cells."""
        path = write_csv(tmp_path / "cut.csv", annual_kz_uz())
        path.write_bytes(path.read_bytes() + b'C,A,"20230101",2023')
        with pytest.raises(ValidationError, match="found 4") as e:
            read_comtrade(path)
        line = path.read_bytes().count(b"\n") + 1
        assert e.value.path == f"line {line}"

    def test_quote_never_closed(self, tmp_path: Path) -> None:
        """A quoted cell that never ends is invalid CSV, at its first line."""
        path = write_csv(tmp_path / "open.csv", annual_kz_uz()[:2])
        path.write_bytes(path.read_bytes() + b'C,"A\r\n')
        with pytest.raises(ValidationError, match="a quoted field never ends") as e:
            read_comtrade(path)
        assert e.value.path == "line 4"


class TestSeveralFiles:
    """Rows of one pair may be spread over several files, CSV or JSON."""

    def test_years_in_two_files(self, tmp_path: Path) -> None:
        """2022 in one file, 2023 in another: one series, both files named."""
        rows = annual_kz_uz()
        first = write_csv(
            tmp_path / "2022.csv", [r for r in rows if r["refYear"] == "2022"]
        )
        second = write_json(
            tmp_path / "2023.json",
            [json_record(r) for r in rows if r["refYear"] == "2023"],
        )
        found = every_pair([first, str(second)])
        assert amounts(found[KZ, UZ]) == KZ_TURNOVER
        assert found[KZ, UZ].sources[0].title == "UN Comtrade: 2022.csv, 2023.json"

    def test_equal_rows_in_two_files(self, tmp_path: Path) -> None:
        """Overlapping downloads: rows equal in both files count once."""
        first = write_csv(tmp_path / "a.csv", annual_kz_uz())
        second = write_csv(tmp_path / "b.csv", annual_kz_uz()[:4])
        found = every_pair((p for p in (first, second)), [(KZ, UZ)])
        assert amounts(found[KZ, UZ]) == KZ_TURNOVER

    def test_conflict_between_files(self, tmp_path: Path) -> None:
        """A national total that differs between files names both places."""
        first = write_csv(tmp_path / "a.csv", annual_kz_uz())
        second = write_csv(tmp_path / "b.csv", [record("X", "1", year=2022)])
        with pytest.raises(
            ValidationError,
            match=r"2022 exports \(X\) with '1', but line 2 of a.csv has "
            r"'2345678901.10'",
        ) as e:
            read_comtrade([first, second])
        assert e.value.file == str(second)
        assert e.value.path == "line 2, column primaryValue"

    def test_months_in_two_files(self, tmp_path: Path) -> None:
        """January to June in one file and July to December in another make a year."""
        first = write_csv(tmp_path / "h1.csv", monthly(2023, range(1, 7)))
        second = write_csv(tmp_path / "h2.csv", monthly(2023, range(7, 13)))
        found = read_comtrade([first, second])
        assert amounts(found[KZ, UZ]) == {2023: MONTHLY_TURNOVER_2023}

    def test_no_files(self) -> None:
        """An empty list of files is refused."""
        with pytest.raises(ValidationError, match="at least one file") as e:
            read_comtrade([])
        assert e.value.path == "paths"

    def test_bad_suffix(self, tmp_path: Path) -> None:
        """Every file must be .csv or .json."""
        with pytest.raises(InvalidOptionError, match=r"'\.xlsx'"):
            read_comtrade([tmp_path / "a.csv", tmp_path / "b.xlsx"])

    def test_bad_path(self) -> None:
        """A path that is none is named by its index."""
        with pytest.raises(ValidationError) as e:
            read_comtrade(["a.csv", None])  # type: ignore[list-item]
        assert e.value.path == "paths[1]"


class TestIncompleteYears:
    """Years left out: one warning for the call, the details in each note."""

    def test_one_warning_for_many_pairs(self, tmp_path: Path) -> None:
        """Two pairs short of months: one warning; each note names its years."""
        rows = monthly(2023, range(1, 13)) + monthly(2024, range(1, 10))
        rows += [
            {**r, "reporterCode": "860", "partnerCode": "398"}
            for r in monthly(2023, range(1, 13)) + monthly(2024, range(1, 4))
        ]
        path = write_csv(tmp_path / "monthly.csv", rows)
        with pytest.warns(IncompleteDataWarning) as caught:
            found = read_comtrade(path)
        assert len(caught) == 1
        assert str(caught[0].message).startswith(
            "monthly.csv: 2 years left out of 2 series"
        )
        kz_note, uz_note = (found[pair].sources[0].note or "" for pair in found)
        assert kz_note.endswith("2024: months 1–9 only; left out.")
        assert uz_note.endswith("2024: months 1–3 only; left out.")
        assert amounts(found[UZ, KZ]) == {2023: MONTHLY_TURNOVER_2023}

    def test_one_pair_message(self, tmp_path: Path) -> None:
        """With one pair short, the warning is the one-pair reader's."""
        rows = monthly(2023, range(1, 13)) + monthly(2024, range(1, 10))
        path = write_csv(tmp_path / "monthly.csv", rows)
        with pytest.warns(IncompleteDataWarning) as caught:
            read_comtrade(path)
        assert [str(w.message) for w in caught] == [
            (
                "monthly.csv: Kazakhstan's turnover with Uzbekistan: "
                "2024: months 1–9 only; left out"
            )
        ]

    def test_no_pair_has_a_complete_year(self, tmp_path: Path) -> None:
        """January alone, for the only pair: the error names the pair and months."""
        path = write_csv(tmp_path / "january.csv", monthly(2023, [1]))
        with pytest.raises(ValidationError) as e:
            read_comtrade(path)
        assert e.value.file == str(path)
        expected = (
            "no year with complete X and M data for any pair of countries: "
            "1 pair with no complete year: "
            "Kazakhstan–Uzbekistan (2023: months 1 only; left out)"
        )
        assert e.value.problems == (("", expected),)


class _Bar:
    """A stand-in for tqdm that records what it is told."""

    made: ClassVar[list[_Bar]] = []

    def __init__(self, **kwargs: Any) -> None:
        self.kwargs = kwargs
        self.updates: list[int] = []
        self.closed = False
        _Bar.made.append(self)

    def update(self, n: int) -> None:
        self.updates.append(n)

    def close(self) -> None:
        self.closed = True


class TestProgress:
    """progress=True advances a bar by the bytes read."""

    def test_bar_counts_bytes(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The bar's total is the files' size, and its updates add up to it."""
        import tqdm.auto

        monkeypatch.setattr(bilat._progress, "_visible", lambda: True)
        monkeypatch.setattr(tqdm.auto, "tqdm", _Bar)
        monkeypatch.setattr(_Bar, "made", [])
        rows = annual_kz_uz() * 40
        first = write_csv(tmp_path / "a.csv", rows)
        second = write_json(tmp_path / "b.json", [json_record(r) for r in rows])
        found = every_pair([first, second], progress=True)
        assert amounts(found[KZ, UZ]) == KZ_TURNOVER
        (made,) = _Bar.made
        size = first.stat().st_size + second.stat().st_size
        assert made.kwargs["total"] == size
        assert made.kwargs["unit"] == "B"
        assert made.kwargs["desc"] == "2 files"
        assert sum(made.updates) == size
        assert made.closed

    def test_without_tqdm(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Without tqdm, progress=True reads silently."""
        monkeypatch.setattr(bilat._progress, "_visible", lambda: True)
        monkeypatch.setitem(sys.modules, "tqdm.auto", None)
        path = write_csv(tmp_path / "kz-uz.csv", annual_kz_uz())
        assert amounts(every_pair(path, progress=True)[KZ, UZ]) == KZ_TURNOVER

    @pytest.mark.parametrize("value", [1, "yes", None])
    def test_not_a_bool(self, tmp_path: Path, value: object) -> None:
        """progress= takes True or False only."""
        with pytest.raises(ArgumentTypeError, match="expected True or False"):
            read_comtrade(tmp_path / "a.csv", progress=value)  # type: ignore[arg-type]


class TestMemory:
    """Memory grows with the pairs and years kept, not with the file."""

    def test_peak_far_below_file_size(self, tmp_path: Path) -> None:
        """200,000 rows (about 50 MB): the peak is a small fraction of the file."""
        path = tmp_path / "big.csv"

        def line(row: dict[str, str]) -> str:
            out = io.StringIO()
            csv.writer(out, lineterminator="").writerow([row[c] for c in HEADER])
            return out.getvalue()

        national = {
            (year, flow): line(record(flow, "1", year=year))
            for year in range(2000, 2025)
            for flow in "XM"
        }
        breakdown = line(record("X", "1", cmd="27"))  # quoted: it has commas
        with path.open("w", encoding="utf-8", newline="") as f:
            f.write(",".join(HEADER) + "\r\n")
            for i in range(200_000):
                if i % 20:
                    f.write(breakdown + "\r\n")
                else:  # 25 years of X and M, each written 200 times (equal)
                    k = i // 20
                    f.write(national[2000 + k % 25, "XM"[k // 25 % 2]] + "\r\n")
        size = path.stat().st_size
        tracemalloc.start()
        try:
            found = read_comtrade(path)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert list(found) == [(KZ, UZ)]
        assert len(found[KZ, UZ].values) == 25
        assert size > 40_000_000
        assert peak < min(1_000_000, size // 50), peak


# -- every pair equals the one-pair reader, on generated files ---------------------

#: The countries drawn, with every Comtrade code each may have in a file.
CODES = {"KZ": (398,), "UZ": (860,), "US": (840, 842), "CN": (156,)}
PAIRS = [(r, p) for r in CODES for p in CODES if r != p]


@dataclass
class Model:
    """What a generated set of files holds, and the series it must give."""

    rows: list[tuple[dict[str, str], bool]] = field(default_factory=list)
    #: (reporter, partner, year, flow, month) -> value; month 0 for a year
    values: dict[tuple[str, str, int, str, int], Decimal] = field(default_factory=dict)

    def expected(self) -> dict[tuple[str, str], dict[int, Decimal]]:
        """Turnover by pair and year, for years with both flows complete."""
        found: dict[tuple[str, str], dict[int, Decimal]] = {}
        for r, p in PAIRS:
            for year in (2021, 2022):
                total = Decimal(0)
                for flow in ("X", "M"):
                    annual = self.values.get((r, p, year, flow, 0))
                    months = [
                        self.values.get((r, p, year, flow, m)) for m in range(1, 13)
                    ]
                    if annual is not None:
                        total += annual
                    elif all(v is not None for v in months):
                        total += sum(v for v in months if v is not None)
                    else:
                        break
                else:
                    found.setdefault((r, p), {})[year] = total
        return found


@st.composite
def models(draw: st.DrawFn) -> Model:
    """Files of a few pairs: annual or monthly years, breakdowns, re-exports,
    aggregates, equal duplicates under either code of a country."""
    model = Model()
    monthly_year = {year: draw(st.booleans()) for year in (2021, 2022)}
    for r, p in draw(st.lists(st.sampled_from(PAIRS), max_size=4, unique=True)):
        for year in (2021, 2022):
            for flow in ("X", "M"):
                if not draw(st.booleans()):
                    continue
                months = (
                    draw(
                        st.sets(st.integers(1, 12), min_size=1).map(sorted)
                        | st.just(list(range(1, 13)))
                    )
                    if monthly_year[year]
                    else [0]
                )
                for month in months:
                    value = Decimal(draw(st.integers(0, 10**12))).scaleb(-2)
                    model.values[r, p, year, flow, month] = value
                    fields = {
                        "reporterCode": str(draw(st.sampled_from(CODES[r]))),
                        "partnerCode": str(draw(st.sampled_from(CODES[p]))),
                    }
                    row = record(
                        flow,
                        str(value),
                        year=year,
                        month=month or None,
                        reporterCode=fields["reporterCode"],
                        partnerCode=fields["partnerCode"],
                    )
                    model.rows.append((row, True))
                    if draw(st.booleans()):  # an equal duplicate, maybe re-coded
                        again = dict(row)
                        again["reporterCode"] = str(draw(st.sampled_from(CODES[r])))
                        model.rows.append((again, True))
                    extra = draw(
                        st.sampled_from(
                            [
                                None,
                                {"cmd": "27"},
                                {"mot": 3200},
                                {"customs": "C01"},
                                {"partner2": 643},
                                {"flow": "RX"},
                                {"partner": 0},
                            ]
                        )
                    )
                    if extra is not None:
                        args: dict[str, Any] = {
                            "year": year,
                            "month": month or None,
                            **fields,
                            **extra,
                        }
                        if "partner" in extra:
                            args.pop("partnerCode")
                        flow_of = args.pop("flow", flow)
                        model.rows.append((record(flow_of, "999", **args), False))
    return model


def write(folder: Path, name: str, rows: list[dict[str, str]], as_json: bool) -> Path:
    if as_json:
        return write_json(folder / f"{name}.json", [json_record(r) for r in rows])
    return write_csv(folder / f"{name}.csv", rows)


class TestSameAsOnePair:
    """On any generated files, every pair equals the one-pair reader's series."""

    @settings(max_examples=40)
    @given(
        model=models(),
        order=st.randoms(use_true_random=False),
        as_json=st.booleans(),
        parts=st.integers(1, 3),
        part_json=st.lists(st.booleans(), min_size=3, max_size=3),
    )
    def test_every_pair(
        self,
        model: Model,
        order: Any,
        as_json: bool,
        parts: int,
        part_json: list[bool],
    ) -> None:
        """Same pairs, same series, in one file or spread over several."""
        rows = [row for row, _ in model.rows]
        order.shuffle(rows)
        expected = model.expected()
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            whole = write(folder, "whole", rows, as_json)
            pieces = [
                write(folder, f"part{i}", rows[i::parts], part_json[i])
                for i in range(parts)
            ]
            if not expected:
                with pytest.raises(ValidationError):
                    every_pair(whole)
                return
            found = every_pair(whole)
            spread = every_pair(pieces)
            assert {(r.alpha2, p.alpha2) for r, p in found} == set(expected)
            for (r, p), series in found.items():
                assert amounts(series) == expected[r.alpha2, p.alpha2]
                assert amounts(spread[r, p]) == amounts(series)
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", IncompleteDataWarning)
                    one = TradeSeries.from_comtrade(whole, r, p)
                assert series == one
                assert series.sources == one.sources
            for reporter, partner in sorted(set(PAIRS) - set(expected)):
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", IncompleteDataWarning)
                    with pytest.raises(ValidationError):
                        TradeSeries.from_comtrade(whole, reporter, partner)


def test_public() -> None:
    """read_comtrade is public in bilat.io."""
    assert "read_comtrade" in bilat.io.__all__
    assert bilat.io.read_comtrade is read_comtrade
