"""Tests for ``bilat atlas``: every target of a folder of dossiers in one table."""

from __future__ import annotations

import csv
import io
import json
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from tests.test_atlas import KZ_KG, KZ_UZ
from tests.test_cli import run_script

from bilat._atlas import atlas_columns
from bilat._cli import main

# The figures of tests/test_atlas.py: KZ's turnover with UZ reached 100 of a
# target of 400 (25.0 %), growing 100 % a year as planned (on track); UZ's
# figures fell 10 % a year to 81 (20.25 %, regressing; it needs
# (400/81)^(1/2) - 1 = 20/9 - 1, 122.2 %, a year from now on); KZ's exports to KG
# reached 1,200 of 1,000 (achieved); the KG-KZ turnover target has no series.


@pytest.fixture
def folder(tmp_path: Path) -> str:
    KZ_UZ.dump(tmp_path / "kz-uz.toml")
    KZ_KG.dump(tmp_path / "kg-kz.json")
    return str(tmp_path)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["atlas", *args])
    out, err = capsys.readouterr()
    return status, out, err


class TestText:
    """The default output is a table of aligned columns."""

    def test_rows(self, folder: str, capsys: pytest.CaptureFixture[str]) -> None:
        """One line per target and series, with the figures for people."""
        status, out, err = run(capsys, folder, "--as-of", "2023-06-30")
        assert (status, err) == (0, "")
        header, *lines = out.splitlines()
        assert header.split() == [
            "Dossier",
            "Parties",
            "Subject",
            "Reporter",
            "Target",
            "Deadline",
            "Year",
            "Current",
            "Share",
            "Required",
            "Actual",
            "Status",
            "Note",
        ]
        kg_exports, kg_turnover, kz, uz = lines  # kg-kz.json is read first
        assert kz.split()[1:] == [
            "KZ–UZ",
            "turnover",
            "KZ",
            "$400",
            "2024",
            "2022",
            "$100",
            "25.0%",
            "100.0%",
            "100.0%",
            "on",
            "track",
        ]
        assert uz.split()[1:] == [
            "UZ–KZ",
            "turnover",
            "UZ",
            "$400",
            "2024",
            "2022",
            "$81",
            "20.2%",
            "122.2%",
            "-10.0%",
            "regressing",
        ]
        assert "achieved" in kg_exports
        assert kg_turnover.split()[-11:] == [
            "—",
            "—",
            "not",
            "measured",
            "no",
            "series",
            "of",
            "these",
            "parties",
            "and",
            "metric",
        ]

    def test_numbers_aligned_right(
        self, folder: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Numbers end under the end of their heading; text starts under its start."""
        _, out, _ = run(capsys, folder, "--as-of", "2023-06-30")
        header, *lines = out.splitlines()
        end = header.index("Target") + len("Target")
        assert [line[:end].split()[-1] for line in lines] == [
            "$1K",
            "$5K",
            "$400",
            "$400",
        ]
        start = header.index("Status")
        assert lines[2][start:].startswith("on track")


class TestMarkdown:
    """--format markdown gives a pipe table."""

    def test_table(self, folder: str, capsys: pytest.CaptureFixture[str]) -> None:
        """A heading row, an alignment row and one row per line of the table."""
        status, out, _ = run(
            capsys, folder, "--as-of", "2023-06-30", "--format", "markdown"
        )
        assert status == 0
        lines = out.splitlines()
        cells = [line.strip("| ").split(" | ") for line in lines]
        assert cells[0][0] == "Dossier"
        assert cells[1] == ["---"] * 4 + ["---:"] * 7 + ["---"] * 2
        assert len(lines) == 6
        assert cells[4][:9] == [
            "Kazakhstan–Uzbekistan",
            "KZ–UZ",
            "turnover",
            "KZ",
            "$400",
            "2024",
            "2022",
            "$100",
            "25.0%",
        ]

    def test_escaped(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A title cannot break out of its cell or bring HTML."""
        from bilat import Dossier

        Dossier("A | <b>B</b>", ["KZ", "UZ"], targets=KZ_UZ.targets).dump(
            tmp_path / "a.toml"
        )
        _, out, _ = run(capsys, str(tmp_path), "--format", "markdown")
        row = out.splitlines()[2]
        assert row.startswith("| A \\| &lt;b&gt;B&lt;/b&gt; | KZ–UZ |")


class TestJson:
    """--format json gives a list of objects with exact decimal text."""

    def test_parsed_back(self, folder: str, capsys: pytest.CaptureFixture[str]) -> None:
        """Every column of the frame, amounts as strings that read back exactly."""
        status, out, _ = run(
            capsys, folder, "--as-of", "2023-06-30", "--format", "json"
        )
        assert status == 0
        rows = json.loads(out)
        assert [list(row) for row in rows] == [list(atlas_columns())] * 4
        kz = rows[2]
        assert kz["parties"] == ["KZ", "UZ"]
        assert kz["as_of"] == 2023
        assert kz["share"] == "0.25"
        assert Decimal(kz["gap"]) == 300
        assert Decimal(kz["actual_cagr"]) == 1
        assert kz["status"] == "on_track"
        assert kz["reason"] is None
        assert rows[1]["status"] == "not_measured"
        assert rows[1]["share"] is None


class TestCsv:
    """--format csv gives RFC 4180 CSV with a header."""

    def test_parsed_back(self, folder: str, capsys: pytest.CaptureFixture[str]) -> None:
        """The csv module reads every column back; lines end in CRLF."""
        status, out, _ = run(capsys, folder, "--as-of", "2023-06-30", "--format", "csv")
        assert status == 0
        assert out.count("\r\n") == 5
        assert out.endswith("\r\n")
        reader = csv.DictReader(io.StringIO(out, newline=""))
        assert reader.fieldnames == list(atlas_columns())
        rows = list(reader)
        assert len(rows) == 4
        uz = rows[3]
        assert uz["parties"] == "UZ KZ"
        assert uz["reporter"] == "UZ"
        assert Decimal(uz["share"]) == Decimal("0.2025")
        assert Decimal(uz["actual_cagr"]) == Decimal("-0.1")
        assert uz["reason"] == ""
        assert rows[1]["year"] == ""


class TestFilters:
    """--status, --party and --as-of narrow the table."""

    def test_status(self, folder: str, capsys: pytest.CaptureFixture[str]) -> None:
        """--status may be repeated; only those rows are printed."""
        _, out, _ = run(
            capsys,
            folder,
            "--as-of",
            "2023-06-30",
            "--status",
            "regressing",
            "--status",
            "not_measured",
            "--format",
            "json",
        )
        assert [(r["reporter"], r["status"]) for r in json.loads(out)] == [
            (None, "not_measured"),
            ("UZ", "regressing"),
        ]

    def test_party(self, folder: str, capsys: pytest.CaptureFixture[str]) -> None:
        """--party keeps the targets of that country."""
        _, out, _ = run(capsys, folder, "--party", "UZB", "--format", "json")
        assert {r["dossier"] for r in json.loads(out)} == {"Kazakhstan–Uzbekistan"}

    def test_no_rows(self, folder: str, capsys: pytest.CaptureFixture[str]) -> None:
        """No row matching leaves the header alone (and [] in JSON)."""
        _, out, _ = run(capsys, folder, "--party", "TM", "--format", "json")
        assert json.loads(out) == []
        _, out, _ = run(capsys, folder, "--party", "TM", "--format", "csv")
        assert out == ",".join(atlas_columns()) + "\r\n"

    @pytest.mark.parametrize(
        ("option", "value", "message"),
        [
            ("--status", "late", "argument --status: unknown progress status 'late'"),
            ("--party", "XX", "argument --party: "),
            ("--as-of", "2023", "argument --as-of: invalid date '2023'"),
            ("--format", "html", "argument --format: invalid choice: 'html'"),
        ],
    )
    def test_bad_values(
        self,
        folder: str,
        capsys: pytest.CaptureFixture[str],
        option: str,
        value: str,
        message: str,
    ) -> None:
        """A bad option value is a usage error (status 2) naming the option."""
        status, out, err = run(capsys, folder, option, value)
        assert (status, out) == (2, "")
        assert f"bilat atlas: error: {message}" in err


class TestErrors:
    """Refused input gives the reason on stderr, status 1 and no output."""

    def test_broken_file(self, folder: str, capsys: pytest.CaptureFixture[str]) -> None:
        """A bad dossier file is named with its problem."""
        bad = Path(folder, "kz-tm.toml")
        bad.write_text('title = "KZ–TM"\nparties = ["KZ", "XX"]\n', encoding="utf-8")
        status, out, err = run(capsys, folder)
        assert (status, out) == (1, "")
        assert err.splitlines()[0] == f"bilat: error: {bad}: 1 problem"
        assert err.splitlines()[1].startswith("  parties[1]: ")

    def test_every_broken_file(
        self, folder: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Several bad files are listed at once, under the folder."""
        Path(folder, "a.toml").write_text("title = ", encoding="utf-8")
        Path(folder, "b.json").write_text("{}", encoding="utf-8")
        status, _, err = run(capsys, folder)
        assert status == 1
        lines = err.splitlines()
        assert lines[0] == f"bilat: error: {folder}: 3 problems"
        assert [line.split(":")[0] for line in lines[1:]] == [
            "  a.toml",
            "  b.json",  # no title
            "  b.json",  # no parties
        ]

    def test_missing_folder(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A missing folder is named with the reason."""
        status, out, err = run(capsys, str(tmp_path / "none"))
        assert (status, out) == (1, "")
        assert "cannot list the folder: no such file or directory" in err

    def test_missing_rates(
        self, folder: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A rates file that cannot be read is named after its option."""
        status, out, err = run(capsys, folder, "--rates", str(Path(folder, "no.csv")))
        assert (status, out) == (1, "")
        assert err.startswith("bilat: error: --rates: ")


class TestWithoutPandas:
    """Every format works with the core install, which has no pandas."""

    @pytest.mark.parametrize("format", ["text", "markdown", "json", "csv"])
    def test_format(
        self,
        folder: str,
        format: str,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        """The table is printed although pandas cannot be imported."""
        monkeypatch.setitem(sys.modules, "pandas", None)
        status, out, err = run(capsys, folder, "--format", format)
        assert (status, err) == (0, "")
        assert "Kazakhstan–Uzbekistan" in out


class TestProgressBar:
    """A bar over the dossier files goes to stderr when it is a terminal."""

    def test_bar_on_terminal(
        self,
        folder: str,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        """The bar is drawn on stderr; standard output holds the table only."""
        pytest.importorskip("tqdm")
        monkeypatch.setattr("bilat._progress._visible", lambda: True)
        status, out, err = run(capsys, folder, "--format", "json")
        assert status == 0
        assert "dossiers" in err
        assert len(json.loads(out)) == 4

    def test_no_bar_otherwise(
        self, folder: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Without a terminal nothing is drawn."""
        assert run(capsys, folder)[2] == ""


COMTRADE_HEADER = (
    "freqCode,refYear,period,reporterCode,partnerCode,partner2Code,flowCode,"
    "cmdCode,motCode,customsCode,primaryValue\n"
)


class TestComtrade:
    """--comtrade measures every target with UN Comtrade figures."""

    def test_comtrade_replaces_own_series(
        self, folder: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Kazakhstan's reported exports plus imports are its turnover with Uzbekistan."""
        path = tmp_path / "comtrade.csv"
        path.write_text(
            COMTRADE_HEADER
            + "A,2020,2020,398,860,0,X,TOTAL,0,C00,15\n"
            + "A,2020,2020,398,860,0,M,TOTAL,0,C00,10\n"
            + "A,2022,2022,398,860,0,X,TOTAL,0,C00,60\n"
            + "A,2022,2022,398,860,0,M,TOTAL,0,C00,40\n",
            encoding="utf-8",
        )
        status, out, err = run(
            capsys,
            folder,
            "--comtrade",
            str(path),
            "--as-of",
            "2023-01-01",
            "--party",
            "UZ",
            "--format",
            "json",
        )
        assert (status, err) == (0, "")
        (row,) = json.loads(out)
        # 15 + 10 = 25 in 2020, 60 + 40 = 100 in 2022: the figures of KZ_SERIES.
        assert (row["reporter"], row["year"], row["current"]) == ("KZ", 2022, "100")
        assert row["status"] == "on_track"

    def test_pairs_not_in_files(
        self, folder: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Targets of pairs the files do not hold are not measured, not an error."""
        path = tmp_path / "comtrade.csv"
        path.write_text(
            COMTRADE_HEADER + "A,2022,2022,398,860,0,X,TOTAL,0,C00,60\n"
            "A,2022,2022,398,860,0,M,TOTAL,0,C00,40\n",
            encoding="utf-8",
        )
        status, out, _ = run(
            capsys, folder, "--comtrade", str(path), "--format", "json"
        )
        assert status == 0
        assert [
            (r["dossier"], r["reporter"], r["status"]) for r in json.loads(out)
        ] == [
            ("Kazakhstan–Kyrgyzstan", None, "not_measured"),
            ("Kazakhstan–Kyrgyzstan", None, "not_measured"),
            ("Kazakhstan–Uzbekistan", "KZ", "insufficient_data"),
        ]

    def test_incomplete_year_warned(
        self, folder: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A year left out of the files is one warning line on stderr."""
        path = tmp_path / "comtrade.csv"
        path.write_text(
            COMTRADE_HEADER + "A,2020,2020,398,860,0,X,TOTAL,0,C00,15\n"
            "A,2020,2020,398,860,0,M,TOTAL,0,C00,10\n"
            "M,2022,202201,398,860,0,X,TOTAL,0,C00,5\n"
            "M,2022,202201,398,860,0,M,TOTAL,0,C00,5\n",
            encoding="utf-8",
        )
        status, out, err = run(
            capsys, folder, "--comtrade", str(path), "--party", "UZ", "--format", "json"
        )
        assert status == 0
        # one line per metric read (turnover, and exports for the KZ-KG target)
        lines = err.splitlines()
        assert lines
        assert all(line.startswith("bilat: warning: comtrade.csv: ") for line in lines)
        assert all("2022" in line for line in lines)
        assert any("turnover with Uzbekistan" in line for line in lines)
        (row,) = json.loads(out)
        assert (row["year"], row["current"]) == (2020, "25")

    def test_unreadable_comtrade(
        self, folder: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A Comtrade file that cannot be read is named after its option."""
        status, out, err = run(
            capsys, folder, "--comtrade", str(tmp_path / "missing.csv")
        )
        assert (status, out) == (1, "")
        assert err.startswith("bilat: error: --comtrade: ")


class TestInstalledScript:
    """The console script runs the command."""

    def test_exit_status(self, folder: str) -> None:
        """bilat atlas prints JSON and exits 0."""
        done = run_script("atlas", folder, "--as-of", "2023-06-30", "--format", "json")
        assert done.returncode == 0, done.stderr
        assert len(json.loads(done.stdout)) == 4
