"""Tests for TradeSeries.from_comtrade: UN Comtrade CSV exports and API JSON.

Every fixture is written here in Comtrade's own format: the 47 columns of the
website's CSV export (with its UTF-8 byte-order mark) or the API v1 response
``{"elapsedTime": …, "count": …, "data": [...], "error": ""}``. Each file mixes
national totals with breakdown rows that must be skipped, and the expected
totals are added up by hand in the comments.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.values import amount_at, amounts

from bilat import (
    BilatError,
    BilatWarning,
    Country,
    IncompleteDataWarning,
    InvalidOptionError,
    Money,
    TradeMetric,
    TradeSeries,
    UnknownCountryError,
    ValidationError,
)

KZ, UZ, US, CN = Country("KZ"), Country("UZ"), Country("US"), Country("CN")

#: The header of a CSV export from comtradeplus.un.org, in its order.
HEADER = [
    "typeCode",
    "freqCode",
    "refPeriodId",
    "refYear",
    "refMonth",
    "period",
    "reporterCode",
    "reporterISO",
    "reporterDesc",
    "flowCode",
    "flowDesc",
    "partnerCode",
    "partnerISO",
    "partnerDesc",
    "partner2Code",
    "partner2ISO",
    "partner2Desc",
    "classificationCode",
    "classificationSearchCode",
    "isOriginalClassification",
    "cmdCode",
    "cmdDesc",
    "aggrLevel",
    "isLeaf",
    "customsCode",
    "customsDesc",
    "mosCode",
    "motCode",
    "motDesc",
    "qtyUnitCode",
    "qtyUnitAbbr",
    "qty",
    "isQtyEstimated",
    "altQtyUnitCode",
    "altQtyUnitAbbr",
    "altQty",
    "isAltQtyEstimated",
    "netWgt",
    "isNetWgtEstimated",
    "grossWgt",
    "isGrossWgtEstimated",
    "cifvalue",
    "fobvalue",
    "primaryValue",
    "legacyEstimationFlag",
    "isReported",
    "isAggregate",
]

AREAS = {
    0: ("W00", "World"),
    156: ("CHN", "China"),
    398: ("KAZ", "Kazakhstan"),
    643: ("RUS", "Russian Federation"),
    840: ("USA", "USA"),
    842: ("USA", "USA"),
    860: ("UZB", "Uzbekistan"),
}
FLOWS = {
    "X": "Export",
    "M": "Import",
    "RX": "Re-export",
    "RM": "Re-import",
    "DX": "Domestic Export",
    "FM": "Foreign Import",
    "XIP": "Export of goods after inward processing",
    "MOP": "Import of goods after outward processing",
}
MOTS = {0: "TOTAL MOT", 3100: "Railway", 3200: "Road"}
CUSTOMS = {"C00": "TOTAL CPC", "C01": "Clearance for home use"}

#: JSON field types of an API v1 record (all others are strings).
INT_FIELDS = frozenset(
    {
        "refPeriodId",
        "refYear",
        "refMonth",
        "reporterCode",
        "partnerCode",
        "partner2Code",
        "aggrLevel",
        "motCode",
        "qtyUnitCode",
        "altQtyUnitCode",
        "legacyEstimationFlag",
    }
)
NUMBER_FIELDS = frozenset(
    {"qty", "altQty", "netWgt", "grossWgt", "cifvalue", "fobvalue", "primaryValue"}
)
BOOL_FIELDS = frozenset(
    {
        "isOriginalClassification",
        "isLeaf",
        "isQtyEstimated",
        "isAltQtyEstimated",
        "isNetWgtEstimated",
        "isGrossWgtEstimated",
        "isReported",
        "isAggregate",
    }
)


def record(
    flow: str,
    value: str,
    *,
    year: int = 2023,
    month: int | None = None,
    reporter: int = 398,
    partner: int = 860,
    cmd: str = "TOTAL",
    partner2: int = 0,
    mot: int = 0,
    customs: str = "C00",
    **fields: str,
) -> dict[str, str]:
    """One Comtrade record as the CSV export writes it (every cell as text)."""
    exports = flow in {"X", "RX", "DX", "XIP"}
    total = cmd == "TOTAL"
    row = {
        "typeCode": "C",
        "freqCode": "A" if month is None else "M",
        "refPeriodId": f"{year}{month or 1:02d}01",
        "refYear": str(year),
        "refMonth": "52" if month is None else str(month),
        "period": str(year) if month is None else f"{year}{month:02d}",
        "reporterCode": str(reporter),
        "reporterISO": AREAS[reporter][0],
        "reporterDesc": AREAS[reporter][1],
        "flowCode": flow,
        "flowDesc": FLOWS.get(flow, flow),
        "partnerCode": str(partner),
        "partnerISO": AREAS[partner][0],
        "partnerDesc": AREAS[partner][1],
        "partner2Code": str(partner2),
        "partner2ISO": AREAS[partner2][0],
        "partner2Desc": AREAS[partner2][1],
        "classificationCode": "H6",
        "classificationSearchCode": "HS",
        "isOriginalClassification": "True",
        "cmdCode": cmd,
        "cmdDesc": "All Commodities"
        if total
        else "Mineral fuels, mineral oils and products of their distillation",
        "aggrLevel": "0" if total else "2",
        "isLeaf": "False",
        "customsCode": customs,
        "customsDesc": CUSTOMS[customs],
        "mosCode": "0",
        "motCode": str(mot),
        "motDesc": MOTS[mot],
        "qtyUnitCode": "-1",
        "qtyUnitAbbr": "N/A",
        "qty": "0",
        "isQtyEstimated": "False",
        "altQtyUnitCode": "-1",
        "altQtyUnitAbbr": "N/A",
        "altQty": "0",
        "isAltQtyEstimated": "False",
        "netWgt": "0",
        "isNetWgtEstimated": "True",
        "grossWgt": "0",
        "isGrossWgtEstimated": "False",
        "cifvalue": "" if exports else value,
        "fobvalue": value if exports else "",
        "primaryValue": value,
        "legacyEstimationFlag": "0",
        "isReported": "True",
        "isAggregate": "True" if total else "False",
    }
    row.update(fields)
    return row


def write_csv(
    path: Path, records: list[dict[str, str]], *, bom: bool = True, header: Any = None
) -> Path:
    """A CSV export: header on line 1, records from line 2 on."""
    columns = HEADER if header is None else header
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(columns)
        writer.writerows([r.get(c, "") for c in columns] for r in records)
    return path


def json_record(row: dict[str, str], raw: dict[str, str] | None = None) -> str:
    """A record as the API writes it: numbers, booleans and nulls unquoted."""
    parts = []
    for key, text in row.items():
        if raw is not None and key in raw:
            value = raw[key]
        elif key in BOOL_FIELDS:
            value = text.lower()
        elif key in INT_FIELDS | NUMBER_FIELDS:
            value = text or "null"
        else:
            value = json.dumps(text)
        parts.append(f"{json.dumps(key)}: {value}")
    return "{" + ", ".join(parts) + "}"


def write_json(path: Path, records: list[str], *, error: str = "") -> Path:
    """An API v1 response around records already written as JSON."""
    path.write_text(
        '{"elapsedTime": "0.73 secs", "count": '
        f"{len(records)}, "
        '"data": [' + ",\n".join(records) + "], "
        f'"error": {json.dumps(error)}}}',
        encoding="utf-8",
    )
    return path


def annual_kz_uz() -> list[dict[str, str]]:
    """Kazakhstan's and Uzbekistan's rows for 2022–2023, breakdowns and all."""
    return [
        # Kazakhstan reports, partner Uzbekistan: the national totals ...
        record("X", "2345678901.10", year=2022),
        record("M", "1234567890.20", year=2022),
        record("X", "2800000000", year=2023),
        record("M", "1600000000.50", year=2023),
        # ... breakdowns of 2023 that must not be added ...
        record("X", "900000000", cmd="27"),
        record("X", "100000000", partner2=643),
        record("M", "700000000", mot=3200),
        record("M", "1500000000", customs="C01"),
        # ... re-exports and re-imports, already inside X and M ...
        record("RX", "120000000"),
        record("RM", "30000000"),
        # ... and another partner.
        record("X", "9000000000", partner=643),
        # Uzbekistan reports, partner Kazakhstan: the mirror view.
        record("X", "1500000000", year=2022, reporter=860, partner=398),
        record("M", "2300000000.75", year=2022, reporter=860, partner=398),
        record("X", "1700000000", reporter=860, partner=398),
        record("M", "2500000000.25", reporter=860, partner=398),
        record("X", "50000000", reporter=860, partner=398, mot=3100),
    ]


# Kazakhstan's turnover with Uzbekistan, by hand:
#   2022: 2,345,678,901.10 + 1,234,567,890.20 = 3,580,246,791.30
#   2023: 2,800,000,000.00 + 1,600,000,000.50 = 4,400,000,000.50
KZ_TURNOVER = {2022: Decimal("3580246791.30"), 2023: Decimal("4400000000.50")}
# Uzbekistan's, by hand:
#   2022: 1,500,000,000.00 + 2,300,000,000.75 = 3,800,000,000.75
#   2023: 1,700,000,000.00 + 2,500,000,000.25 = 4,200,000,000.25
UZ_TURNOVER = {2022: Decimal("3800000000.75"), 2023: Decimal("4200000000.25")}

# Twelve months of 2023, by hand:
#   exports 100.00000001 M … 210.00000012 M: 1,860,000,000 + 0.78 = 1,860,000,000.78
#   imports 12 × 50,000,000.50 = 600,000,006.00
#   turnover 1,860,000,000.78 + 600,000,006.00 = 2,460,000,006.78
MONTHLY_X = [
    "100000000.01",
    "110000000.02",
    "120000000.03",
    "130000000.04",
    "140000000.05",
    "150000000.06",
    "160000000.07",
    "170000000.08",
    "180000000.09",
    "190000000.10",
    "200000000.11",
    "210000000.12",
]
MONTHLY_M = ["50000000.50"] * 12
MONTHLY_TURNOVER_2023 = Decimal("2460000006.78")


def monthly(
    year: int, months: range | list[int], flows: tuple[str, ...] = ("X", "M")
) -> list[dict[str, str]]:
    values = {"X": MONTHLY_X, "M": MONTHLY_M}
    return [
        record(flow, values[flow][m - 1], year=year, month=m)
        for m in months
        for flow in flows
    ]


class TestFixtures:
    """The fixtures have the shape of Comtrade's files."""

    def test_header_has_all_columns(self) -> None:
        """The CSV header is Comtrade's 47 columns, and every record fills them."""
        assert len(HEADER) == 47
        assert set(record("X", "1")) == set(HEADER)

    def test_twelve_months(self) -> None:
        """The monthly fixtures have one value per month."""
        assert len(MONTHLY_X) == len(MONTHLY_M) == 12


class TestAnnualCsv:
    """The website's CSV export of annual data."""

    def test_turnover(self, tmp_path: Path) -> None:
        """Turnover is X + M of the national totals, breakdowns and RX/RM left aside."""
        path = write_csv(tmp_path / "kz-uz.csv", annual_kz_uz())
        assert path.read_bytes().startswith(b"\xef\xbb\xbftypeCode,freqCode,")
        series = TradeSeries.from_comtrade(path, KZ, UZ)
        assert amounts(series) == KZ_TURNOVER
        assert series.values[2023] == Money("4400000000.50", "USD")
        assert series.parties == (KZ, UZ)
        assert series.reporter == KZ
        assert series.metric is TradeMetric.TURNOVER

    def test_without_bom(self, tmp_path: Path) -> None:
        """A file without the byte-order mark reads the same."""
        path = write_csv(tmp_path / "kz-uz.csv", annual_kz_uz(), bom=False)
        assert amounts(TradeSeries.from_comtrade(path, KZ, UZ)) == KZ_TURNOVER

    def test_source(self, tmp_path: Path) -> None:
        """The source names the file, the publisher and the flow basis."""
        path = write_csv(tmp_path / "kz-uz.csv", annual_kz_uz())
        (source,) = TradeSeries.from_comtrade(str(path), "KAZ", 860).sources
        assert source.title == "UN Comtrade: kz-uz.csv"
        assert source.publisher == "United Nations Statistics Division (UN Comtrade)"
        assert source.url == "https://comtradeplus.un.org/"
        assert source.accessed is None
        assert source.note == "exports FOB + imports CIF, as reported by Kazakhstan."

    @pytest.mark.parametrize("accessed", ["2025-03-01", dt.date(2025, 3, 1)])
    def test_accessed(self, tmp_path: Path, accessed: str | dt.date) -> None:
        """The download date goes to the source."""
        path = write_csv(tmp_path / "kz-uz.csv", annual_kz_uz())
        series = TradeSeries.from_comtrade(path, KZ, UZ, accessed=accessed)
        assert series.sources[0].accessed == dt.date(2025, 3, 1)

    def test_re_flows_not_added(self, tmp_path: Path) -> None:
        """RX and RM totals are never added on top of X and M."""
        rows = [
            record("X", "1000"),
            record("RX", "300"),
            record("M", "2000"),
            record("RM", "50"),
        ]
        path = write_csv(tmp_path / "re.csv", rows)
        assert amounts(TradeSeries.from_comtrade(path, KZ, UZ)) == {2023: Decimal(3000)}

    def test_other_known_flows_skipped(self, tmp_path: Path) -> None:
        """DX, FM, XIP and MOP rows are skipped without error."""
        rows = [
            record("DX", "700"),
            record("FM", "1900"),
            record("XIP", "10"),
            record("MOP", "20"),
            record("X", "1000"),
            record("M", "2000"),
        ]
        path = write_csv(tmp_path / "flows.csv", rows)
        assert amounts(TradeSeries.from_comtrade(path, KZ, UZ)) == {2023: Decimal(3000)}

    def test_equal_duplicates_count_once(self, tmp_path: Path) -> None:
        """The same national total twice is counted once."""
        rows = [record("X", "1000"), record("X", "1000.00"), record("M", "2000")]
        path = write_csv(tmp_path / "dup.csv", rows)
        assert amounts(TradeSeries.from_comtrade(path, KZ, UZ)) == {2023: Decimal(3000)}

    def test_only_required_columns(self, tmp_path: Path) -> None:
        """Without breakdown columns every row counts; columns may come in any order."""
        text = (
            "primaryValue,flowCode,partnerCode,reporterCode,period,refYear,freqCode\n"
            "1000.5,X,860,398,2023,2023,A\n"
            "2000.25,M,860,398,2023,2023,A\n"
        )
        path = tmp_path / "short.csv"
        path.write_text(text, encoding="utf-8")
        assert amounts(TradeSeries.from_comtrade(path, KZ, UZ)) == {
            2023: Decimal("3000.75")
        }

    def test_blank_lines_skipped(self, tmp_path: Path) -> None:
        """Blank lines, such as one at the end, are skipped."""
        path = write_csv(tmp_path / "kz-uz.csv", annual_kz_uz())
        path.write_bytes(path.read_bytes() + b"\r\n\r\n")
        assert amounts(TradeSeries.from_comtrade(path, KZ, UZ)) == KZ_TURNOVER

    def test_comtrade_own_codes(self, tmp_path: Path) -> None:
        """Comtrade's 842 for the United States is accepted as well as ISO's 840."""
        rows = [
            record("X", "148000000000", reporter=842, partner=156),
            record("M", "427000000000", reporter=842, partner=156),
            record("X", "150000000000", year=2022, reporter=840, partner=156),
            record("M", "536000000000", year=2022, reporter=840, partner=156),
        ]
        path = write_csv(tmp_path / "us-cn.csv", rows)
        series = TradeSeries.from_comtrade(path, US, CN)
        # 148 + 427 = 575 and 150 + 536 = 686 billion.
        assert amounts(series) == {
            2022: Decimal(686000000000),
            2023: Decimal(575000000000),
        }


class TestApiJson:
    """The API v1 response, as saved from /data/v1/get or the public preview."""

    def test_turnover(self, tmp_path: Path) -> None:
        """The API response gives the same series as the CSV export."""
        path = write_json(
            tmp_path / "kz-uz.json", [json_record(r) for r in annual_kz_uz()]
        )
        series = TradeSeries.from_comtrade(path, KZ, UZ)
        assert amounts(series) == KZ_TURNOVER
        assert series.sources[0].title == "UN Comtrade: kz-uz.json"

    def test_bare_list(self, tmp_path: Path) -> None:
        """A list of records without the envelope is read too."""
        path = tmp_path / "records.json"
        path.write_text(
            "[" + ",".join(json_record(r) for r in annual_kz_uz()) + "]",
            encoding="utf-8",
        )
        assert amounts(TradeSeries.from_comtrade(path, KZ, UZ)) == KZ_TURNOVER

    def test_exact_decimals(self, tmp_path: Path) -> None:
        """Values are read as exact Decimals, beyond what a float can hold."""
        rows = [
            record("X", "4567890123.45", year=2022),
            record("M", "1234567890.55", year=2022),
            record("X", "12345678901234567.89"),
            record("M", "0.01"),
        ]
        for path in (
            write_csv(tmp_path / "exact.csv", rows),
            write_json(tmp_path / "exact.json", [json_record(r) for r in rows]),
        ):
            got = amounts(TradeSeries.from_comtrade(path, KZ, UZ))
            # 4,567,890,123.45 + 1,234,567,890.55 = 5,802,458,014.00
            assert str(got[2022]) == "5802458014.00"
            # 12,345,678,901,234,567.89 + 0.01 = 12,345,678,901,234,567.90
            assert str(got[2023]) == "12345678901234567.90"

    def test_exponent_numbers(self, tmp_path: Path) -> None:
        """JSON numbers with an exponent are read exactly."""
        rows = [
            json_record(record("X", "0"), raw={"primaryValue": "2.5e9"}),
            json_record(record("M", "0"), raw={"primaryValue": "1.25E+9"}),
        ]
        path = write_json(tmp_path / "exp.json", rows)
        assert amounts(TradeSeries.from_comtrade(path, KZ, UZ)) == {
            2023: Decimal(3750000000)
        }

    def test_missing_optional_field(self, tmp_path: Path) -> None:
        """A record without a breakdown field is not filtered on it."""
        row = record("X", "1000")
        del row["motCode"]
        rows = [json_record(row), json_record(record("M", "2000"))]
        path = write_json(tmp_path / "short.json", rows)
        assert amounts(TradeSeries.from_comtrade(path, KZ, UZ)) == {2023: Decimal(3000)}


class TestMonthly:
    """Monthly data is added up to complete years only."""

    def test_complete_year(self, tmp_path: Path) -> None:
        """Twelve months of X and M make a year; the note says so."""
        path = write_csv(tmp_path / "monthly.csv", monthly(2023, range(1, 13)))
        series = TradeSeries.from_comtrade(path, KZ, UZ)
        assert amounts(series) == {2023: MONTHLY_TURNOVER_2023}
        assert series.sources[0].note == (
            "exports FOB + imports CIF, as reported by Kazakhstan. "
            "Summed from twelve monthly figures: 2023."
        )

    def test_complete_year_json(self, tmp_path: Path) -> None:
        """The API's monthly records (period '202301') are added up the same way."""
        records = [json_record(r) for r in monthly(2023, range(1, 13))]
        path = write_json(tmp_path / "monthly.json", records)
        assert amounts(TradeSeries.from_comtrade(path, KZ, UZ)) == {
            2023: MONTHLY_TURNOVER_2023
        }

    def test_incomplete_year_left_out(self, tmp_path: Path) -> None:
        """A year with months 1–9 only is left out, noted and warned about."""
        rows = monthly(2023, range(1, 13)) + monthly(2024, range(1, 10))
        path = write_csv(tmp_path / "monthly.csv", rows)
        with pytest.warns(
            IncompleteDataWarning, match=r"2024: months 1–9 only; left out"
        ) as caught:
            series = TradeSeries.from_comtrade(path, KZ, UZ)
        assert amounts(series) == {2023: MONTHLY_TURNOVER_2023}
        assert series.sources[0].note == (
            "exports FOB + imports CIF, as reported by Kazakhstan. "
            "Summed from twelve monthly figures: 2023. "
            "2024: months 1–9 only; left out."
        )
        assert issubclass(caught[0].category, BilatWarning)
        assert caught[0].filename == __file__

    def test_flows_incomplete_differently(self, tmp_path: Path) -> None:
        """Each flow's missing months are named when they differ."""
        rows = monthly(2024, range(1, 13), ("X",)) + monthly(
            2024, [1, 2, 3, 5, 7, 8, 9, 10, 11, 12], ("M",)
        )
        rows += monthly(2023, range(1, 13))
        path = write_csv(tmp_path / "monthly.csv", rows)
        with pytest.warns(
            IncompleteDataWarning, match=r"2024: imports months 1–3, 5, 7–12 only"
        ):
            series = TradeSeries.from_comtrade(path, KZ, UZ)
        assert series.years == (2023,)

    def test_exports_metric_ignores_incomplete_imports(self, tmp_path: Path) -> None:
        """With EXPORTS, twelve months of X make the year whatever M has."""
        rows = monthly(2024, range(1, 13), ("X",)) + monthly(2024, [1], ("M",))
        path = write_csv(tmp_path / "monthly.csv", rows)
        series = TradeSeries.from_comtrade(path, KZ, UZ, metric=TradeMetric.EXPORTS)
        assert amounts(series) == {2024: Decimal("1860000000.78")}

    def test_every_year_incomplete(self, tmp_path: Path) -> None:
        """Nothing complete at all is an error listing what is missing."""
        path = write_csv(tmp_path / "monthly.csv", monthly(2024, range(1, 7)))
        with pytest.raises(
            ValidationError,
            match=r"no year with complete X and M data .*2024: months 1–6 only",
        ) as e:
            TradeSeries.from_comtrade(path, KZ, UZ)
        assert e.value.file == str(path)

    def test_annual_and_monthly_mixed(self, tmp_path: Path) -> None:
        """Annual and monthly rows for one year and flow are refused, naming both."""
        rows = [record("X", "1000"), record("X", "80", month=1)]
        path = write_csv(tmp_path / "mixed.csv", rows)
        with pytest.raises(ValidationError, match=r"line 2 is 'A'") as e:
            TradeSeries.from_comtrade(path, KZ, UZ)
        assert e.value.path == "line 3, column freqCode"

    def test_annual_and_monthly_in_different_years(self, tmp_path: Path) -> None:
        """Annual years and monthly years may share a file."""
        rows = annual_kz_uz()[:2] + monthly(2023, range(1, 13))
        path = write_csv(tmp_path / "mixed.csv", rows)
        assert amounts(TradeSeries.from_comtrade(path, KZ, UZ)) == {
            2022: KZ_TURNOVER[2022],
            2023: MONTHLY_TURNOVER_2023,
        }

    def test_conflicting_month(self, tmp_path: Path) -> None:
        """Two different values for one month are refused, naming the month."""
        rows = [*monthly(2023, range(1, 13)), record("X", "1", year=2023, month=4)]
        path = write_csv(tmp_path / "monthly.csv", rows)
        with pytest.raises(ValidationError, match=r"2023-04 exports .*line 8 has") as e:
            TradeSeries.from_comtrade(path, KZ, UZ)
        assert e.value.path == "line 26, column primaryValue"


class TestMirror:
    """The partner's rows give the partner's view of the same trade."""

    def test_both_views(self, tmp_path: Path) -> None:
        """One file gives Kazakhstan's series and Uzbekistan's, each from its rows."""
        path = write_csv(tmp_path / "kz-uz.csv", annual_kz_uz())
        kz = TradeSeries.from_comtrade(path, KZ, UZ)
        uz = TradeSeries.from_comtrade(path, UZ, KZ)
        assert amounts(kz) == KZ_TURNOVER
        assert amounts(uz) == UZ_TURNOVER
        assert uz.reporter == UZ
        assert uz.parties == (UZ, KZ)
        assert uz.sources[0].note == (
            "exports FOB + imports CIF, as reported by Uzbekistan."
        )

    def test_hint_when_only_mirror_rows(self, tmp_path: Path) -> None:
        """Asking for the side the file lacks points to the side it has."""
        rows = [r for r in annual_kz_uz() if r["reporterCode"] == "860"]
        path = write_csv(tmp_path / "uz-kz.csv", rows)
        with pytest.raises(
            ValidationError,
            match=r"5 rows reported by Uzbekistan for Kazakhstan: "
            r"use reporter='UZ', partner='KZ'",
        ):
            TradeSeries.from_comtrade(path, KZ, UZ)


class TestMetric:
    """The metric keyword chooses exports, imports or both."""

    def test_exports(self, tmp_path: Path) -> None:
        """EXPORTS reads flow X only."""
        path = write_csv(tmp_path / "kz-uz.csv", annual_kz_uz())
        series = TradeSeries.from_comtrade(path, KZ, UZ, metric=TradeMetric.EXPORTS)
        assert series.metric is TradeMetric.EXPORTS
        assert amounts(series) == {
            2022: Decimal("2345678901.10"),
            2023: Decimal(2800000000),
        }
        assert series.sources[0].note == "exports FOB, as reported by Kazakhstan."

    def test_imports_by_name(self, tmp_path: Path) -> None:
        """IMPORTS, given by its value, reads flow M only."""
        path = write_csv(tmp_path / "kz-uz.csv", annual_kz_uz())
        series = TradeSeries.from_comtrade(path, KZ, UZ, metric="imports")
        assert amounts(series) == {
            2022: Decimal("1234567890.20"),
            2023: Decimal("1600000000.50"),
        }
        assert series.sources[0].note == "imports CIF, as reported by Kazakhstan."

    def test_one_flow_missing(self, tmp_path: Path) -> None:
        """A year with X but no M has no turnover, yet has exports."""
        rows = [*annual_kz_uz(), record("X", "2100000000", year=2021)]
        path = write_csv(tmp_path / "kz-uz.csv", rows)
        with pytest.warns(IncompleteDataWarning, match="2021: no imports; left out"):
            turnover = TradeSeries.from_comtrade(path, KZ, UZ)
        assert turnover.years == (2022, 2023)
        exports = TradeSeries.from_comtrade(path, KZ, UZ, metric="exports")
        assert exports.values[2021] == Money("2100000000", "USD")

    def test_unknown_metric(self, tmp_path: Path) -> None:
        """An unknown metric is refused before the file is read."""
        with pytest.raises(ValidationError, match="unknown trade metric") as e:
            TradeSeries.from_comtrade(tmp_path / "absent.csv", KZ, UZ, metric="trade")
        assert e.value.path == "metric"


class TestValuation:
    """The note says how imports and exports are valued."""

    def test_imports_fob_in_one_year(self, tmp_path: Path) -> None:
        """A year whose imports are given FOB only is named."""
        rows = annual_kz_uz()
        rows[1].update(cifvalue="", fobvalue=rows[1]["primaryValue"])
        path = write_csv(tmp_path / "kz-uz.csv", rows)
        series = TradeSeries.from_comtrade(path, KZ, UZ)
        assert series.sources[0].note == (
            "exports FOB + imports CIF (FOB in 2022), as reported by Kazakhstan."
        )

    def test_imports_fob_throughout(self, tmp_path: Path) -> None:
        """A reporter that values all its imports FOB is described so."""
        rows = [
            record("M", "100", cifvalue="", fobvalue="100"),
            record("X", "50", fobvalue="", cifvalue="50"),
        ]
        path = write_csv(tmp_path / "fob.csv", rows)
        series = TradeSeries.from_comtrade(path, KZ, UZ)
        assert series.sources[0].note == (
            "exports CIF + imports FOB, as reported by Kazakhstan."
        )


class TestErrors:
    """Every problem is a BilatError naming the file and the place."""

    def test_missing_columns(self, tmp_path: Path) -> None:
        """Each missing column is reported on line 1."""
        header = [c for c in HEADER if c not in {"primaryValue", "refYear"}]
        path = write_csv(tmp_path / "cut.csv", annual_kz_uz(), header=header)
        with pytest.raises(ValidationError, match="missing column 'refYear'") as e:
            TradeSeries.from_comtrade(path, KZ, UZ)
        assert e.value.file == str(path)
        assert e.value.problems == (
            ("line 1", "missing column 'refYear': expected UN Comtrade's column names"),
            (
                "line 1",
                "missing column 'primaryValue': expected UN Comtrade's column names",
            ),
        )
        assert isinstance(e.value, BilatError)

    def test_missing_json_field(self, tmp_path: Path) -> None:
        """A record without a required field is named by its index."""
        row = record("M", "2000")
        del row["flowCode"]
        path = write_json(
            tmp_path / "cut.json", [json_record(record("X", "1")), json_record(row)]
        )
        with pytest.raises(ValidationError, match="missing field 'flowCode'") as e:
            TradeSeries.from_comtrade(path, KZ, UZ)
        assert e.value.path == "data[1]"

    def test_unknown_flow_code(self, tmp_path: Path) -> None:
        """A flow code outside Comtrade's list is refused."""
        rows = [record("X", "1"), record("M", "2"), record("Z", "3")]
        path = write_csv(tmp_path / "flow.csv", rows)
        with pytest.raises(ValidationError, match="unknown flow code 'Z'") as e:
            TradeSeries.from_comtrade(path, KZ, UZ)
        assert e.value.path == "line 4, column flowCode"

    @pytest.mark.parametrize(
        "value", ["n/a", "", "1,234.5", "NaN", "Infinity", "1e", "0x10", " 12", "1_000"]
    )
    def test_value_not_a_number(self, tmp_path: Path, value: str) -> None:
        """A primaryValue that is not a plain number is refused."""
        rows = [record("X", "1"), record("M", value)]
        path = write_csv(tmp_path / "value.csv", rows)
        with pytest.raises(ValidationError, match="expected a number") as e:
            TradeSeries.from_comtrade(path, KZ, UZ)
        assert e.value.path == "line 3, column primaryValue"
        assert repr(value) in str(e.value)

    @pytest.mark.parametrize(
        ("raw", "shown"),
        [
            ("null", "''"),
            ("true", "'true'"),
            ('"12,5"', "'12,5'"),
            ("[1.5]", r"'\[\.\.\.\]'"),
            ('{"usd": 1.5}', r"'\{\.\.\.\}'"),
        ],
    )
    def test_json_value_not_a_number(
        self, tmp_path: Path, raw: str, shown: str
    ) -> None:
        """A JSON primaryValue that is null, a bool or text is refused."""
        rows = [json_record(record("X", "1"), raw={"primaryValue": raw})]
        path = write_json(tmp_path / "value.json", rows)
        with pytest.raises(ValidationError, match=f"got {shown}") as e:
            TradeSeries.from_comtrade(path, KZ, UZ)
        assert e.value.path == "data[0].primaryValue"

    @pytest.mark.parametrize("year", ["20x3", "23", "", "0000", "2023.0"])
    def test_year_not_a_year(self, tmp_path: Path, year: str) -> None:
        """A refYear that is not a four-digit year is refused."""
        rows = [record("X", "1"), record("M", "2", refYear=year)]
        path = write_csv(tmp_path / "year.csv", rows)
        with pytest.raises(ValidationError, match="expected a year") as e:
            TradeSeries.from_comtrade(path, KZ, UZ)
        assert e.value.path == "line 3, column refYear"

    @pytest.mark.parametrize(
        ("fields", "message"),
        [
            ({"period": "2022"}, "expected the year '2023' of refYear"),
            ({"freqCode": "M", "period": "2023"}, "expected a month 'YYYYMM'"),
            ({"freqCode": "M", "period": "2023-1"}, "expected a month 'YYYYMM'"),
            ({"freqCode": "M", "period": "202213"}, "expected a month 'YYYYMM'"),
            ({"freqCode": "M", "period": "202313"}, "expected a month 01 to 12"),
            ({"freqCode": "M", "period": "202300"}, "expected a month 01 to 12"),
        ],
    )
    def test_period_not_a_period(
        self, tmp_path: Path, fields: dict[str, str], message: str
    ) -> None:
        """A period that does not match its frequency and year is refused."""
        row = record("X", "1")
        row.update(fields)
        path = write_csv(tmp_path / "period.csv", [row])
        with pytest.raises(ValidationError, match=message) as e:
            TradeSeries.from_comtrade(path, KZ, UZ)
        assert e.value.path == "line 2, column period"

    def test_unknown_frequency(self, tmp_path: Path) -> None:
        """A freqCode other than A and M is refused."""
        path = write_csv(tmp_path / "q.csv", [record("X", "1", freqCode="Q")])
        with pytest.raises(ValidationError, match="unknown frequency 'Q'") as e:
            TradeSeries.from_comtrade(path, KZ, UZ)
        assert e.value.path == "line 2, column freqCode"

    def test_no_matching_rows(self, tmp_path: Path) -> None:
        """No rows for the pair: the error names reporter, partner and file."""
        rows = [record("X", "9", partner=643), record("M", "9", partner=643)]
        path = write_csv(tmp_path / "kz-ru.csv", rows)
        with pytest.raises(
            ValidationError,
            match=r"kz-ru.csv: 1 problem\n  no national-total X and M rows reported "
            r"by Kazakhstan \(398\) for partner Uzbekistan \(860\): 2 rows read, 0 of "
            r"them for this pair",
        ) as e:
            TradeSeries.from_comtrade(path, KZ, UZ)
        assert e.value.file == str(path)

    def test_only_breakdowns(self, tmp_path: Path) -> None:
        """Rows for the pair that are all breakdowns are counted in the error."""
        rows = [record("X", "9", cmd="27"), record("M", "9", customs="C01")]
        path = write_csv(tmp_path / "kz-uz.csv", rows)
        with pytest.raises(ValidationError, match="2 of those breakdowns"):
            TradeSeries.from_comtrade(path, KZ, UZ)

    def test_only_other_flows(self, tmp_path: Path) -> None:
        """Exports asked for, imports only in the file: nothing found."""
        path = write_csv(tmp_path / "m.csv", [record("M", "9")])
        with pytest.raises(ValidationError, match="no national-total X rows"):
            TradeSeries.from_comtrade(path, KZ, UZ, metric="exports")

    def test_conflicting_duplicates(self, tmp_path: Path) -> None:
        """Two national totals for one year and flow that differ name both lines."""
        rows = [record("X", "1000"), record("M", "2000"), record("X", "1001")]
        path = write_csv(tmp_path / "dup.csv", rows)
        with pytest.raises(
            ValidationError,
            match=r"2023 exports \(X\) with '1001', but line 2 has '1000'",
        ) as e:
            TradeSeries.from_comtrade(path, KZ, UZ)
        assert e.value.path == "line 4, column primaryValue"

    def test_wrong_field_count(self, tmp_path: Path) -> None:
        """A line with fewer fields than the header is refused."""
        path = write_csv(tmp_path / "cut.csv", [record("X", "1")])
        with path.open("a", encoding="utf-8") as f:
            f.write("C,A,20230101,2023\r\n")
        with pytest.raises(
            ValidationError, match=r"expected 47 fields .* found 4"
        ) as e:
            TradeSeries.from_comtrade(path, KZ, UZ)
        assert e.value.path == "line 3"

    def test_empty_file(self, tmp_path: Path) -> None:
        """An empty file has no header."""
        path = tmp_path / "empty.csv"
        path.write_text("", encoding="utf-8")
        with pytest.raises(ValidationError, match="empty file") as e:
            TradeSeries.from_comtrade(path, KZ, UZ)
        assert e.value.path == "line 1"

    def test_bad_quoting(self, tmp_path: Path) -> None:
        """Malformed CSV quoting is reported with its line."""
        path = tmp_path / "quote.csv"
        path.write_text(
            "freqCode,refYear,period,reporterCode,partnerCode,flowCode,primaryValue\n"
            'A,2023,2023,398,860,X,"1"2\n',
            encoding="utf-8",
        )
        with pytest.raises(ValidationError, match="invalid CSV") as e:
            TradeSeries.from_comtrade(path, KZ, UZ)
        assert e.value.path == "line 2"

    def test_not_utf8(self, tmp_path: Path) -> None:
        """A file that is not UTF-8 is refused."""
        path = tmp_path / "latin.csv"
        path.write_bytes("reporterDesc\nCôte d'Ivoire\n".encode("latin-1"))
        with pytest.raises(
            ValidationError, match=r"not UTF-8 text: byte 14 is b'\\xf4'"
        ):
            TradeSeries.from_comtrade(path, KZ, UZ)

    @pytest.mark.parametrize(
        ("text", "path_", "message"),
        [
            ('{"count": 1, "data": [', "line 1, column 23", "invalid JSON"),
            ('{"count": 1, "data": [NaN]}', "line 1, column 23", "NaN is not a number"),
            ('"TradeData"', "", "expected a UN Comtrade API response"),
            ('{"count": 0}', "", r"found an object with keys \['count'\]"),
            ('{"count": 1, "data": {}}', "data", "expected a list of records"),
            ('{"count": 1, "data": [42]}', "data[0]", "expected a record"),
            (
                '{"count": 0, "data": [], "error": "Invalid period"}',
                "error",
                "API error response: 'Invalid period'",
            ),
            (
                '{"statusCode": 401, "message": "Access denied due to invalid key."}',
                "error",
                "'Access denied due to invalid key.'",
            ),
        ],
    )
    def test_bad_json(
        self, tmp_path: Path, text: str, path_: str, message: str
    ) -> None:
        """JSON that is not an API v1 response is refused."""
        path = tmp_path / "bad.json"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(ValidationError, match=message) as e:
            TradeSeries.from_comtrade(path, KZ, UZ)
        assert e.value.path == path_
        assert e.value.file == str(path)

    def test_unknown_suffix(self, tmp_path: Path) -> None:
        """Only .csv and .json files are read."""
        with pytest.raises(InvalidOptionError, match=r"unknown file suffix '\.xlsx'"):
            TradeSeries.from_comtrade(tmp_path / "TradeData.xlsx", KZ, UZ)

    def test_suffix_any_case(self, tmp_path: Path) -> None:
        """The suffix is recognised in any case."""
        path = write_csv(tmp_path / "KZ-UZ.CSV", annual_kz_uz())
        assert amounts(TradeSeries.from_comtrade(path, KZ, UZ)) == KZ_TURNOVER

    def test_missing_file(self, tmp_path: Path) -> None:
        """A file that does not exist is a ValidationError naming it."""
        path = tmp_path / "absent.csv"
        with pytest.raises(ValidationError, match="no such file") as info:
            TradeSeries.from_comtrade(path, KZ, UZ)
        assert info.value.file == str(path)

    def test_same_country(self, tmp_path: Path) -> None:
        """Reporter and partner must differ."""
        with pytest.raises(ValidationError, match="is the reporter") as e:
            TradeSeries.from_comtrade(tmp_path / "kz.csv", KZ, "KAZ")
        assert e.value.path == "partner"

    def test_unknown_country(self, tmp_path: Path) -> None:
        """A reporter that is no country is refused."""
        with pytest.raises(UnknownCountryError, match="'Kazakstan'"):
            TradeSeries.from_comtrade(tmp_path / "kz.csv", "Kazakstan", UZ)

    def test_bad_accessed(self, tmp_path: Path) -> None:
        """A download date that is not a date is refused before reading."""
        with pytest.raises(ValidationError, match="expected a date") as e:
            TradeSeries.from_comtrade(tmp_path / "kz.csv", KZ, UZ, accessed="March")
        assert e.value.path == "accessed"


class TestProperties:
    """Laws that hold for any values."""

    @given(
        st.lists(
            st.decimals(min_value=0, max_value=10**12, places=2),
            min_size=24,
            max_size=24,
        )
    )
    def test_months_add_up(self, values: list[Decimal]) -> None:
        """A year of monthly X and M is the exact sum of its 24 values."""
        rows = [
            record(flow, str(values[2 * (m - 1) + i]), month=m)
            for m in range(1, 13)
            for i, flow in enumerate(("X", "M"))
        ]
        with tempfile.TemporaryDirectory() as tmp:
            path = write_csv(Path(tmp, "monthly.csv"), rows)
            series = TradeSeries.from_comtrade(path, KZ, UZ)
        assert amount_at(series, 2023) == sum(values, Decimal(0))

    @given(
        st.decimals(min_value=0, max_value=10**15, places=3),
        st.decimals(min_value=0, max_value=10**15, places=3),
    )
    def test_turnover_is_exports_plus_imports(self, x: Decimal, m: Decimal) -> None:
        """Turnover equals the exports series plus the imports series, exactly."""
        rows = [json_record(record("X", str(x))), json_record(record("M", str(m)))]
        with tempfile.TemporaryDirectory() as tmp:
            path = write_json(Path(tmp, "kz-uz.json"), rows)
            turnover = TradeSeries.from_comtrade(path, KZ, UZ)
            exports = TradeSeries.from_comtrade(path, KZ, UZ, metric="exports")
            imports = TradeSeries.from_comtrade(path, KZ, UZ, metric="imports")
        assert amount_at(exports, 2023) == x
        assert amount_at(imports, 2023) == m
        assert amount_at(turnover, 2023) == x + m


class TestLimits:
    """Numbers beyond what can be added exactly are refused, naming the rows."""

    def test_exponent_beyond_decimal(self, tmp_path: Path) -> None:
        """A CSV value with an exponent Decimal cannot hold is refused, quoted."""
        value = "1e99999999999999999999"
        path = write_csv(tmp_path / "huge.csv", [record("X", value), record("M", "1")])
        with pytest.raises(ValidationError, match="expected a number of US dollars"):
            TradeSeries.from_comtrade(path, KZ, UZ)
        with pytest.raises(ValidationError, match=repr(value)) as e:
            TradeSeries.from_comtrade(path, KZ, UZ)
        assert e.value.path == "line 2, column primaryValue"

    def test_json_exponent_beyond_decimal(self, tmp_path: Path) -> None:
        """The same number unquoted in JSON is refused as invalid JSON, quoted."""
        raw = {"primaryValue": "1e99999999999999999999"}
        rows = [json_record(record("X", "1"), raw), json_record(record("M", "1"))]
        path = write_json(tmp_path / "huge.json", rows)
        with pytest.raises(
            ValidationError, match=r"number '1e99999999999999999999' is out of range"
        ) as e:
            TradeSeries.from_comtrade(path, KZ, UZ)
        assert re.fullmatch(r"line \d+, column \d+", e.value.path)

    def test_sum_needs_more_digits(self, tmp_path: Path) -> None:
        """1E+90 + 0.000000000000000000001 needs 112 digits: refused, both quoted."""
        rows = [record("X", "1E+90"), record("M", "0.000000000000000000001")]
        path = write_csv(tmp_path / "digits.csv", rows)
        with pytest.raises(ValidationError, match="do not add up to an exact") as e:
            TradeSeries.from_comtrade(path, KZ, UZ)
        assert "'1E+90' (line 2)" in str(e.value)
        assert "'0.000000000000000000001' (line 3)" in str(e.value)
        assert e.value.file == str(path)

    def test_sum_overflows(self, tmp_path: Path) -> None:
        """9E+99 + 9E+99 = 1.8E+100 is beyond bilat's range (below 1E+100)."""
        rows = [record("X", "9E+99"), record("M", "9E+99")]
        path = write_csv(tmp_path / "overflow.csv", rows)
        with pytest.raises(ValidationError, match="below 1E\\+100 and") as e:
            TradeSeries.from_comtrade(path, KZ, UZ)
        assert "at least 1E-100: '9E+99' (line 2), '9E+99' (line 3)" in str(e.value)

    def test_sum_too_small(self, tmp_path: Path) -> None:
        """1.5E-100 - 1.4E-100 = 1E-101 is below bilat's range: the bound is named."""
        rows = [record("X", "1.5E-100"), record("M", "-1.4E-100")]
        path = write_csv(tmp_path / "tiny.csv", rows)
        with pytest.raises(ValidationError, match="do not add up") as e:
            TradeSeries.from_comtrade(path, KZ, UZ)
        assert "unless zero, at least 1E-100: '1.5E-100' (line 2)" in str(e.value)

    def test_sixty_digits_add_up(self, tmp_path: Path) -> None:
        """A sum that fits in 60 digits is exact: 10**40 + 10**-19."""
        rows = [record("X", "1E+40"), record("M", "0.0000000000000000001")]
        path = write_csv(tmp_path / "fits.csv", rows)
        series = TradeSeries.from_comtrade(path, KZ, UZ)
        assert amount_at(series, 2023) == Decimal("1" + "0" * 40 + "." + "0" * 18 + "1")

    def test_deep_nesting(self, tmp_path: Path) -> None:
        """Arrays nested thousands deep are invalid JSON, not a RecursionError."""
        path = tmp_path / "deep.json"
        path.write_text('{"data": [' + "[" * 100_000 + "]" * 100_000 + "]}")
        with pytest.raises(ValidationError, match="nested too deeply") as e:
            TradeSeries.from_comtrade(path, KZ, UZ)
        assert e.value.path == "line 1, column 11"


class TestStreaming:
    """Files are read in pieces; the result and the error places do not change."""

    @pytest.fixture
    def small_chunks(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Read JSON seven characters at a time."""
        monkeypatch.setattr("bilat.io._comtrade_json._CHUNK", 7)

    @pytest.mark.usefixtures("small_chunks")
    def test_json_in_pieces(self, tmp_path: Path) -> None:
        """A response cut into 7-character pieces reads as a whole."""
        rows = [json_record(r) for r in annual_kz_uz()]
        path = write_json(tmp_path / "kz-uz.json", rows)
        series = TradeSeries.from_comtrade(path, KZ, UZ)
        assert amounts(series) == KZ_TURNOVER

    @pytest.mark.usefixtures("small_chunks")
    @pytest.mark.parametrize(
        "text",
        [
            '{"count": 1,\n "data": [\n    {"a" 1}]}',
            '{"count": 1,\n "data": [,]}',
            '{"count": 0, "data": []}    x',
            '{"count": 0,\n\n   "data": [] "error": ""}',
            '[\n\n\n  {"freqCode": "A",\n   "refYear": 2023 2024}]',
        ],
    )
    def test_json_error_places(self, tmp_path: Path, text: str) -> None:
        """Line and column of a syntax error are those json.loads gives."""
        with pytest.raises(json.JSONDecodeError) as expected:
            json.loads(text)
        path = tmp_path / "bad.json"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(ValidationError, match="invalid JSON") as e:
            TradeSeries.from_comtrade(path, KZ, UZ)
        place = f"line {expected.value.lineno}, column {expected.value.colno}"
        assert e.value.path == place
        assert expected.value.msg in str(e.value)

    def test_not_utf8_far_in(self, tmp_path: Path) -> None:
        """A bad byte after many good lines is named by its line and offset."""
        rows = [record("X", "1"), record("M", "2")] * 2000
        path = write_csv(tmp_path / "long.csv", rows, bom=False)
        data = path.read_bytes()
        at = data.index(b"Kazakhstan", 300_000)
        path.write_bytes(data[:at] + b"\xff" + data[at + 1 :])
        line = data[:at].count(b"\n") + 1
        with pytest.raises(ValidationError, match=rf"byte {at} is b'\\xff'") as e:
            TradeSeries.from_comtrade(path, KZ, UZ)
        assert e.value.path == f"line {line}"

    def test_duplicate_data(self, tmp_path: Path) -> None:
        """A response with two data fields is refused rather than half read."""
        path = tmp_path / "twice.json"
        path.write_text('{"data": [], "data": []}', encoding="utf-8")
        with pytest.raises(ValidationError, match="the field 'data' appears twice"):
            TradeSeries.from_comtrade(path, KZ, UZ)
