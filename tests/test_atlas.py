"""Tests for Atlas: many dossiers' targets, agreements and progress at once."""

from __future__ import annotations

import copy
import datetime as dt
import pickle
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests import strategies as bst

import bilat
from bilat import (
    Agreement,
    ArgumentTypeError,
    Atlas,
    Country,
    Dossier,
    ExchangeRates,
    InvalidNumberError,
    InvalidOptionError,
    MissingExtraError,
    Money,
    ProgressStatus,
    TradeSeries,
    TradeTarget,
    ValidationError,
    progress_frame,
)
from bilat._atlas import atlas_columns, progress_rows
from bilat._present.frames import PROGRESS_COLUMNS, progress_row


def usd(amount: str | int) -> Money:
    return Money(amount, "USD")


# Numbers chosen so that every figure is exact by hand:
# KZ's series: 25 in 2020, 100 in 2022 -> actual growth (100/25)^(1/2) - 1 = 1;
# target 400 by 2024 -> planned (400/25)^(1/4) - 1 = 1, required
# (400/100)^(1/2) - 1 = 1, growth ratio 1 (on track), share 100/400 = 0.25.
# UZ's series: 100 in 2020, 81 in 2022 -> actual (81/100)^(1/2) - 1 = -0.1
# (regressing), share 81/400 = 0.2025.
TREATY = Agreement("Treaty on Allied Relations", ["KZ", "UZ"], "treaty")
SUMMIT = Agreement("Central Asia declaration", ["KZ", "UZ", "KG"], "joint_statement")
KZ_UZ_TARGET = TradeTarget(("KZ", "UZ"), usd(400), deadline=2024)
KZ_SERIES = TradeSeries(
    ("KZ", "UZ"), "turnover", {2020: usd(25), 2022: usd(100)}, reporter="KZ"
)
UZ_SERIES = TradeSeries(
    ("UZ", "KZ"), "turnover", {2020: usd(100), 2022: usd(81)}, reporter="UZ"
)
KZ_UZ = Dossier(
    "Kazakhstan–Uzbekistan",
    ["KZ", "UZ"],
    agreements=[TREATY, SUMMIT],
    targets=[KZ_UZ_TARGET],
    series=[KZ_SERIES, UZ_SERIES],
)

# KZ's exports to KG: 1,200 in 2022 against a target of 1,000: achieved,
# share 1.2. The KG-KZ turnover target has no series: not measured.
EXPORTS_TARGET = TradeTarget(("KZ", "KG"), usd(1000), deadline=2025, metric="exports")
TURNOVER_TARGET = TradeTarget(("KG", "KZ"), usd(5000), deadline=2030)
EXPORTS = TradeSeries(
    ("KZ", "KG"), "exports", {2021: usd(1000), 2022: usd(1200)}, reporter="KZ"
)
KZ_KG = Dossier(
    "Kazakhstan–Kyrgyzstan",
    ["KZ", "KG"],
    agreements=[SUMMIT],
    targets=[EXPORTS_TARGET, TURNOVER_TARGET],
    series=[EXPORTS],
)

ATLAS = Atlas([KZ_UZ, KZ_KG])


def _status_of(rows: list[dict[str, object]]) -> list[tuple[object, ...]]:
    return [(r["dossier"], r["reporter"], r["status"]) for r in rows]


class TestConstruction:
    """An atlas holds dossiers in the order given and is a value."""

    def test_order_kept(self) -> None:
        """The dossiers keep their order."""
        assert Atlas([KZ_KG, KZ_UZ]).dossiers == (KZ_KG, KZ_UZ)

    def test_one_dossier(self) -> None:
        """A single dossier is an atlas of one."""
        assert Atlas(KZ_UZ).dossiers == (KZ_UZ,)

    def test_generator(self) -> None:
        """Any iterable of dossiers is taken, once."""
        assert Atlas(d for d in (KZ_UZ, KZ_KG)) == ATLAS

    def test_item_not_a_dossier(self) -> None:
        """An item that is not a Dossier is named by its index."""
        with pytest.raises(ValidationError) as e:
            Atlas([KZ_UZ, "kz-kg.toml"])  # type: ignore[list-item]
        assert e.value.path == "dossiers[1]"
        assert "expected a Dossier, got 'kz-kg.toml'" in str(e.value)

    def test_text_is_not_dossiers(self) -> None:
        """A string is not a sequence of dossiers."""
        with pytest.raises(ValidationError, match="dossiers: expected a sequence"):
            Atlas("dossiers/")  # type: ignore[arg-type]

    def test_pickle_copy_repr(self) -> None:
        """An atlas pickles, copies and evaluates from its repr to an equal one."""
        assert pickle.loads(pickle.dumps(ATLAS)) == ATLAS
        assert copy.deepcopy(ATLAS) == ATLAS
        assert b"bilat._atlas" not in pickle.dumps(ATLAS)
        assert eval(repr(ATLAS), vars(bilat)) == ATLAS
        assert hash(Atlas([KZ_UZ, KZ_KG])) == hash(ATLAS)

    def test_frozen(self) -> None:
        """Fields cannot be set."""
        with pytest.raises(AttributeError):
            ATLAS.dossiers = ()  # type: ignore[misc]


class TestTargets:
    """Atlas.targets lists every target once, by party or by status."""

    def test_all(self) -> None:
        """Without filters: every target, in the order of dossiers and targets."""
        assert ATLAS.targets() == (KZ_UZ_TARGET, EXPORTS_TARGET, TURNOVER_TARGET)

    def test_party(self) -> None:
        """party= keeps the targets the country is party to."""
        assert ATLAS.targets(party="UZ") == (KZ_UZ_TARGET,)
        assert ATLAS.targets(party=Country("KGZ")) == (EXPORTS_TARGET, TURNOVER_TARGET)
        assert ATLAS.targets(party="TJ") == ()

    def test_each_once(self) -> None:
        """A target recorded in two dossiers is listed once, measured or not."""
        twice = Atlas([KZ_UZ, KZ_UZ])
        assert twice.targets() == (KZ_UZ_TARGET,)
        assert twice.targets("on_track", as_of=2023) == (KZ_UZ_TARGET,)
        assert len(progress_rows(twice, as_of=2023)) == 4  # two rows per dossier

    @pytest.mark.parametrize(
        ("status", "expected"),
        [
            ("on_track", (KZ_UZ_TARGET,)),  # KZ's figures
            (ProgressStatus.REGRESSING, (KZ_UZ_TARGET,)),  # UZ's figures
            ("achieved", (EXPORTS_TARGET,)),
            ("not_measured", (TURNOVER_TARGET,)),
            (["achieved", "not_measured"], (EXPORTS_TARGET, TURNOVER_TARGET)),
            ("off_track", ()),
            ((), ()),
        ],
    )
    def test_status(self, status: object, expected: tuple[TradeTarget, ...]) -> None:
        """status= keeps a target when one of its measurements stands so."""
        assert ATLAS.targets(status, as_of=2023) == expected  # type: ignore[arg-type]

    def test_status_with_series(self) -> None:
        """status= measures with series= when given, instead of the dossiers' own."""
        assert ATLAS.targets("not_measured", series=[KZ_SERIES], as_of=2023) == (
            EXPORTS_TARGET,
            TURNOVER_TARGET,
        )

    def test_status_and_party(self) -> None:
        """Both filters hold at once."""
        assert ATLAS.targets("not_measured", "UZ", as_of=2023) == ()

    def test_unknown_status(self) -> None:
        """An unknown status lists the choices."""
        with pytest.raises(InvalidOptionError, match="'not_measured'") as e:
            ATLAS.targets("late")
        assert "'off_track'" in str(e.value)

    def test_unknown_party(self) -> None:
        """An unknown country names the argument."""
        with pytest.raises(ValidationError) as e:
            ATLAS.targets(party="XX")
        assert e.value.path == "party"

    def test_as_of_checked_without_status(self) -> None:
        """as_of= is checked even when nothing is measured."""
        with pytest.raises(InvalidNumberError):
            ATLAS.targets(as_of="yesterday")


class TestAgreements:
    """Atlas.agreements lists every agreement once, by party."""

    def test_all_once(self) -> None:
        """An agreement in two dossiers is listed once, where first met."""
        assert ATLAS.agreements() == (TREATY, SUMMIT)

    def test_party(self) -> None:
        """party= keeps the agreements the country is party to."""
        assert ATLAS.agreements("KG") == (SUMMIT,)
        assert ATLAS.agreements(party="UZ") == (TREATY, SUMMIT)
        assert ATLAS.agreements(party="TM") == ()

    def test_bad_party(self) -> None:
        """A party that is no country is refused by name."""
        with pytest.raises(ValidationError) as e:
            ATLAS.agreements(party=3.5)  # type: ignore[arg-type]
        assert e.value.path == "party"


class TestProgress:
    """Atlas.progress measures every target against the series of its pair."""

    def test_rows_by_hand(self) -> None:
        """Each target gets one row per series that measures it, figures exact."""
        rows = progress_rows(ATLAS, as_of=2023)
        assert _status_of(rows) == [
            ("Kazakhstan–Uzbekistan", "KZ", "on_track"),
            ("Kazakhstan–Uzbekistan", "UZ", "regressing"),
            ("Kazakhstan–Kyrgyzstan", "KZ", "achieved"),
            ("Kazakhstan–Kyrgyzstan", None, "not_measured"),
        ]
        kz, uz, exports, missing = rows
        assert kz["share"] == Decimal("0.25")
        assert kz["gap"] == Decimal(300)
        assert kz["actual_cagr"] == kz["planned_cagr"] == kz["required_cagr"] == 1
        assert kz["growth_ratio"] == 1
        assert kz["year"] == 2022
        assert kz["as_of"] == 2023
        assert uz["share"] == Decimal("0.2025")
        assert uz["actual_cagr"] == Decimal("-0.1")
        assert uz["parties"] == ("UZ", "KZ")  # the series' own, as progress_frame
        assert exports["share"] == Decimal("1.2")
        assert exports["subject"] == "exports"
        assert missing["parties"] == ("KG", "KZ")
        assert missing["target"] == Decimal(5000)
        assert missing["currency"] == "USD"
        assert missing["deadline"] == 2030
        assert missing["reason"] == "no series of these parties and metric"
        assert all(missing[k] is None for k in ("share", "year", "current", "eta"))

    def test_frame(self) -> None:
        """The frame has the columns of progress_frame between dossier and reason."""
        df = ATLAS.progress(as_of=2023)
        assert list(df.columns) == ["dossier", *PROGRESS_COLUMNS, "reason"]
        assert list(df.columns) == list(atlas_columns())
        assert df["status"].tolist() == [
            "on_track",
            "regressing",
            "achieved",
            "not_measured",
        ]
        assert df["share"].dtype == "float64"
        assert df["share"].tolist()[0] == 0.25
        assert str(df["deadline"].dtype) == "Int64"

    def test_frame_exact(self) -> None:
        """exact=True keeps the shares and amounts as Decimals."""
        df = ATLAS.progress(as_of=2023, exact=True)
        share: object = df.loc[0, "share"]
        assert share == Decimal("0.25")
        assert type(share) is Decimal
        assert df["target"].dtype == object

    def test_frame_plots(self) -> None:
        """The shares plot as they are, without astype(float)."""
        import matplotlib.pyplot as plt

        df = ATLAS.progress(as_of=2023)
        try:
            ax = df.plot.bar(x="dossier", y="share")
            heights = [bar.get_height() for bar in ax.containers[0]]
            assert heights[0] == 0.25
        finally:
            plt.close("all")

    def test_frame_polars(self) -> None:
        """backend="polars" gives the same columns and rows as a polars frame."""
        import polars as pl

        df = ATLAS.progress(as_of=2023, backend="polars")
        assert isinstance(df, pl.DataFrame)
        assert df.columns == list(atlas_columns())
        assert df["status"].to_list() == [
            "on_track",
            "regressing",
            "achieved",
            "not_measured",
        ]
        assert df["share"].to_list()[0] == 0.25

    def test_same_as_progress_frame(self) -> None:
        """Measured rows hold what progress_frame shows for the same Progress."""
        df = ATLAS.progress(as_of=2023).iloc[:3]
        expected = progress_frame(
            [
                KZ_UZ_TARGET.progress(KZ_SERIES, 2023),
                KZ_UZ_TARGET.progress(UZ_SERIES, 2023),
                EXPORTS_TARGET.progress(EXPORTS, 2023),
            ]
        )
        got = df[list(PROGRESS_COLUMNS)].reset_index(drop=True)
        assert got.astype(object).where(got.notna(), None).values.tolist() == (
            expected.astype(object).where(expected.notna(), None).values.tolist()
        )

    def test_status_filter(self) -> None:
        """status= keeps only the rows with that status."""
        rows = progress_rows(ATLAS, as_of=2023, status=["regressing", "achieved"])
        assert [r["status"] for r in rows] == ["regressing", "achieved"]

    def test_party_filter(self) -> None:
        """party= keeps only the rows of targets of that country."""
        rows = progress_rows(ATLAS, as_of=2023, party="KG")
        assert [r["dossier"] for r in rows] == ["Kazakhstan–Kyrgyzstan"] * 2

    def test_as_of(self) -> None:
        """as_of= cuts each series at its year: before 2022 KZ's base is all."""
        rows = progress_rows(ATLAS, as_of=dt.date(2021, 12, 31), party="UZ")
        assert [(r["year"], r["status"]) for r in rows] == [
            (2020, "insufficient_data"),
            (2020, "insufficient_data"),
        ]

    def test_mapping_of_series(self) -> None:
        """A mapping such as read_comtrade's gives the series for every dossier."""
        comtrade = {
            (Country("KZ"), Country("UZ")): KZ_SERIES,
            (Country("KZ"), Country("KG")): EXPORTS,
        }
        rows = progress_rows(Atlas([KZ_KG, KZ_UZ]), comtrade, 2023)
        assert _status_of(rows) == [
            ("Kazakhstan–Kyrgyzstan", "KZ", "achieved"),
            ("Kazakhstan–Kyrgyzstan", None, "not_measured"),
            ("Kazakhstan–Uzbekistan", "KZ", "on_track"),
        ]

    def test_given_series_replace_own(self) -> None:
        """Series given replace the dossiers' own (UZ's figures are not used)."""
        rows = progress_rows(ATLAS, [KZ_SERIES], 2023, party="UZ")
        assert _status_of(rows) == [("Kazakhstan–Uzbekistan", "KZ", "on_track")]
        assert progress_rows(ATLAS, UZ_SERIES, 2023, party="UZ")[0]["share"] == (
            Decimal("0.2025")
        )

    def test_no_series_at_all(self) -> None:
        """An empty mapping leaves every target not measured."""
        rows = progress_rows(ATLAS, {}, 2023)
        assert [r["status"] for r in rows] == ["not_measured"] * 3

    def test_bad_series(self) -> None:
        """A mapping value or an item that is not a TradeSeries is named."""
        with pytest.raises(ValidationError) as e:
            ATLAS.progress({("KZ", "UZ"): "kz-uz.csv"}, 2023)  # type: ignore[arg-type]
        assert e.value.path == "series[('KZ', 'UZ')]"
        with pytest.raises(ValidationError) as e:
            ATLAS.progress([KZ_SERIES, 5], 2023)  # type: ignore[list-item]
        assert e.value.path == "series[1]"

    def test_other_currency_not_measured_without_rates(self) -> None:
        """A series in another currency is not measured without rates, as in reports."""
        kzt = TradeSeries(
            ("KZ", "UZ"),
            "turnover",
            {2020: Money(2500, "KZT"), 2022: Money(10000, "KZT")},
        )
        rows = progress_rows(ATLAS, [kzt], 2023, party="UZ")
        assert rows[0]["status"] == "not_measured"
        assert rows[0]["reason"] == "no exchange rate from KZT to USD"
        rates = ExchangeRates.from_records([(dt.date(2020, 1, 1), "USD", "KZT", "100")])
        measured = progress_rows(ATLAS, [kzt], 2023, rates, party="UZ")[0]
        # 10,000 KZT at 100 per USD is 100 USD: the figures of KZ's own series.
        assert measured["current"] == Decimal(100)
        assert measured["status"] == "on_track"

    def test_bad_arguments(self) -> None:
        """Each argument is checked, and named."""
        with pytest.raises(InvalidNumberError):
            ATLAS.progress(as_of="2023-13-01")
        with pytest.raises(ArgumentTypeError, match="rates"):
            ATLAS.progress(rates="rates.csv")  # type: ignore[call-overload]
        with pytest.raises(InvalidOptionError):
            ATLAS.progress(as_of=2023, status=[ProgressStatus.ON_TRACK, "late"])
        with pytest.raises(ArgumentTypeError, match="atlas"):
            progress_rows([KZ_UZ])  # type: ignore[arg-type]

    def test_missing_pandas(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without pandas the frame needs the pandas extra; the rows do not."""
        monkeypatch.setitem(sys.modules, "pandas", None)
        with pytest.raises(MissingExtraError, match=r"bilat\[pandas\]") as e:
            ATLAS.progress(as_of=2023)
        assert e.value.feature == "Atlas.progress()"
        assert len(progress_rows(ATLAS, as_of=2023)) == 4


def _same_pair(target: TradeTarget, series: TradeSeries) -> bool:
    """The report's rule, written out again for the property test."""
    if series.metric is not target.metric:
        return False
    if set(series.parties) != set(target.parties):
        return False
    return target.metric.value == "turnover" or series.parties[0] == target.parties[0]


@st.composite
def _measured_dossiers(draw: st.DrawFn) -> Dossier:
    """Dossiers whose targets are measured by some of their series."""
    series = draw(st.lists(bst.trade_series(), min_size=1, max_size=3))
    targets = [draw(bst.trade_targets(s)) for s in series]
    targets += draw(st.lists(bst.trade_targets(), max_size=1))
    return Dossier(
        draw(bst.texts()),
        ["KZ", "UZ"],
        targets=draw(st.permutations(targets)),
        series=series,
    )


class TestProgressLaw:
    """Atlas rows are the targets' own progress, pair by pair."""

    @settings(max_examples=20)
    @given(
        dossiers=st.lists(_measured_dossiers(), min_size=1, max_size=3),
        as_of=st.integers(1995, 2040),
    )
    def test_rows_are_target_progress(
        self, dossiers: list[Dossier], as_of: int
    ) -> None:
        """Each row is TradeTarget.progress of a matching series, in order."""
        expected: list[dict[str, object]] = []
        for d in dossiers:
            for t in d.targets:
                assert isinstance(t, TradeTarget)  # what the strategy draws
                matching = [
                    s
                    for s in d.series
                    if isinstance(s, TradeSeries) and _same_pair(t, s)
                ]
                for s in matching:
                    if s.currency == t.money.currency:
                        row = progress_row(t.progress(s, as_of))
                        expected.append({"dossier": d.title, **row, "reason": None})
                    else:
                        expected.append({"dossier": d.title, "status": "not_measured"})
                if not matching:
                    expected.append({"dossier": d.title, "status": "not_measured"})
        rows = progress_rows(Atlas(dossiers), as_of=as_of)
        assert len(rows) == len(expected)
        for got, want in zip(rows, expected, strict=True):
            assert {k: got[k] for k in want} == want

    @settings(max_examples=15)
    @given(
        dossiers=st.lists(_measured_dossiers(), min_size=1, max_size=3),
        as_of=st.integers(1995, 2040),
    )
    def test_given_series_measure_every_dossier(
        self, dossiers: list[Dossier], as_of: int
    ) -> None:
        """Series given are matched against the targets of every dossier."""
        pooled = [s for d in dossiers for s in d.series if isinstance(s, TradeSeries)]
        none: list[TradeSeries | None] = [None]
        expected = [
            (d.title, t, s)
            for d in dossiers
            for t in d.targets
            if isinstance(t, TradeTarget)  # what the strategy draws
            for s in ([s for s in pooled if _same_pair(t, s)] or none)
        ]
        rows = progress_rows(Atlas(dossiers), pooled, as_of)
        assert len(rows) == len(expected)
        for got, (title, target, series) in zip(rows, expected, strict=True):
            assert got["dossier"] == title
            if series is None or series.currency != target.money.currency:
                assert got["status"] == "not_measured"
            else:
                progress = target.progress(series, as_of)
                assert got["status"] == progress.status.value
                assert got["share"] == progress.share


class TestLoad:
    """Atlas.load reads every dossier file of a folder."""

    @pytest.fixture
    def folder(self, tmp_path: Path) -> Path:
        KZ_UZ.dump(tmp_path / "kz-uz.toml")
        KZ_KG.dump(tmp_path / "kg-kz.JSON")
        (tmp_path / "notes.txt").write_text("not a dossier", encoding="utf-8")
        (tmp_path / ".draft.toml").write_text("hidden", encoding="utf-8")
        (tmp_path / "old").mkdir()
        Dossier("Old", ["KZ", "TJ"]).dump(tmp_path / "old" / "kz-tj.toml")
        return tmp_path

    def test_sorted_by_name(self, folder: Path) -> None:
        """Dossier files are read in name order; others, hidden and sub-folders left."""
        assert Atlas.load(folder) == Atlas([KZ_KG, KZ_UZ])
        assert Atlas.load(str(folder)) == Atlas([KZ_KG, KZ_UZ])

    def test_pattern(self, folder: Path) -> None:
        """pattern= narrows the files by name."""
        assert Atlas.load(folder, pattern="kz-*").dossiers == (KZ_UZ,)

    def test_no_match(self, folder: Path) -> None:
        """A pattern that matches nothing is an error naming the folder."""
        with pytest.raises(ValidationError, match="matching 'tj-\\*'") as e:
            Atlas.load(folder, pattern="tj-*")
        assert e.value.file == str(folder)

    def test_empty_folder(self, tmp_path: Path) -> None:
        """A folder without dossier files is an error, not an empty atlas."""
        with pytest.raises(ValidationError, match="no dossier file") as e:
            Atlas.load(tmp_path)
        assert e.value.file == str(tmp_path)

    def test_one_broken_file(self, folder: Path) -> None:
        """The error of the one bad file is raised as bilat.load raises it."""
        bad = folder / "kz-tm.toml"
        bad.write_text('title = "KZ–TM"\nparties = ["KZ", "XX"]\n', encoding="utf-8")
        with pytest.raises(ValidationError) as e:
            Atlas.load(folder)
        assert e.value.file == str(bad)
        assert e.value.path == "parties[1]"

    def test_every_broken_file(self, folder: Path) -> None:
        """Several bad files give one error listing each file's problems."""
        (folder / "a.toml").write_text('title = "A"\nparties = [', encoding="utf-8")
        (folder / "b.json").write_text('{"title": "B"}', encoding="utf-8")
        with pytest.raises(ValidationError) as e:
            Atlas.load(folder)
        assert e.value.file == str(folder)
        paths = [path for path, _ in e.value.problems]
        assert paths[0] == "a.toml"
        assert "invalid TOML" in e.value.problems[0][1]
        assert paths[1:] == ["b.json: parties"]

    def test_not_a_folder(self, folder: Path) -> None:
        """A file is not a folder: the message points to bilat.load."""
        with pytest.raises(ValidationError, match=r"use bilat\.load") as e:
            Atlas.load(folder / "kz-uz.toml")
        assert e.value.file == str(folder / "kz-uz.toml")

    def test_missing_folder(self, tmp_path: Path) -> None:
        """A missing folder is named with the reason."""
        with pytest.raises(ValidationError, match="no such file or directory") as e:
            Atlas.load(tmp_path / "nowhere")
        assert e.value.file == str(tmp_path / "nowhere")

    def test_max_size(self, folder: Path) -> None:
        """max_size= applies to each file."""
        with pytest.raises(ValidationError, match="more than the limit of 10 bytes"):
            Atlas.load(folder, max_size=10)

    @pytest.mark.parametrize(
        ("arguments", "error"),
        [
            ({"pattern": None}, ArgumentTypeError),
            ({"pattern": ""}, ValidationError),
            ({"progress": "yes"}, ArgumentTypeError),
            ({"max_size": -1}, InvalidNumberError),
        ],
    )
    def test_bad_options(
        self, folder: Path, arguments: dict[str, object], error: type[Exception]
    ) -> None:
        """Each option is checked before any file is read."""
        with pytest.raises(error):
            Atlas.load(folder, **arguments)  # type: ignore[arg-type]

    def test_bad_directory(self) -> None:
        """A directory that is no path is refused by name."""
        with pytest.raises(ValidationError) as e:
            Atlas.load(None)  # type: ignore[arg-type]
        assert e.value.path == "directory"


class _Bar:
    """A stand-in progress bar that records what it is told."""

    def __init__(self, **options: object) -> None:
        self.options = options
        self.updates = 0
        self.closed = False

    def update(self, n: int = 1) -> None:
        self.updates += n

    def __enter__(self) -> _Bar:
        return self

    def __exit__(self, *exc: object) -> None:
        self.closed = True


class TestLoadProgress:
    """progress=True shows a bar over the files."""

    def test_bar_counts_files(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The bar is asked for one unit per file, and advanced once per file."""
        KZ_UZ.dump(tmp_path / "a.toml")
        KZ_KG.dump(tmp_path / "b.toml")
        bars: list[_Bar] = []

        def bar(**options: object) -> _Bar:
            bars.append(_Bar(**options))
            return bars[-1]

        monkeypatch.setattr("bilat._progress.bar", bar)
        Atlas.load(tmp_path, progress=True)
        (shown,) = bars
        assert shown.options == {
            "enabled": True,
            "total": 2,
            "desc": "dossiers",
            "unit": "file",
        }
        assert shown.updates == 2
        assert shown.closed

    def test_visible_bar(
        self,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """On a terminal, tqdm draws the bar on stderr; nothing without progress."""
        pytest.importorskip("tqdm")
        KZ_UZ.dump(tmp_path / "a.toml")
        monkeypatch.setattr("bilat._progress._visible", lambda: True)
        Atlas.load(tmp_path)
        assert capsys.readouterr().err == ""
        Atlas.load(tmp_path, progress=True)
        assert "dossiers" in capsys.readouterr().err
