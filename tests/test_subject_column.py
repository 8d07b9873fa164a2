"""Every frame and report row names what its figures are of `subject`."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from bilat import (
    Q_,
    Atlas,
    Dossier,
    Money,
    Series,
    Target,
    TradeSeries,
    examples,
    progress_frame,
)
from bilat._atlas import progress_rows
from bilat._present.frames import (
    _CLAIM_COLUMNS,
    _SERIES_COLUMNS,
    _TARGET_COLUMNS,
    PROGRESS_COLUMNS,
    DossierFrame,
)

AS_OF = "2025-12-31"


#: A trade series and a series of track laid, of the bundled parties.
SERIES = (
    TradeSeries(("KZ", "UZ"), "exports", {2024: Money("2e9", "USD")}, reporter="KZ"),
    Series(("KZ", "UZ"), "track laid", {2024: Q_("40 km"), 2025: Q_("106 km")}),
)


def bundled() -> Dossier:
    """The bundled dossier, with the series above added."""
    dossier = examples.kazakhstan_uzbekistan()
    return attrs.evolve(dossier, series=[*dossier.series, *SERIES])


def keys(value: Any) -> set[str]:
    """Every key of nested JSON-like data."""
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in keys(v)}
    if isinstance(value, list | tuple):
        return {k for v in value for k in keys(v)}
    return set()


class TestColumnTables:
    """The column tables of the frames that name a subject say `subject`."""

    @pytest.mark.parametrize(
        "columns",
        [_SERIES_COLUMNS, _CLAIM_COLUMNS, _TARGET_COLUMNS, PROGRESS_COLUMNS],
        ids=["series", "claims", "targets", "progress"],
    )
    def test_subject_not_metric(self, columns: dict[str, str]) -> None:
        """Each has a `subject` text column and no `metric` column."""
        assert columns["subject"] == "object"
        assert "metric" not in columns


class TestDossierFrames:
    """Dossier.to_frame gives each row's subject in the `subject` column."""

    @pytest.mark.parametrize("what", ["series", "targets", "claims"])
    def test_column(self, what: DossierFrame) -> None:
        """The subjects of the frame are those of the dossier's objects."""
        dossier = bundled()
        objects = {
            "series": dossier.series,
            "targets": dossier.targets,
            "claims": dossier.claims,
        }[what]
        df = dossier.to_frame(what)
        assert "metric" not in df.columns
        assert set(df["subject"]) == {o.subject for o in objects}
        assert len(set(df["subject"])) >= 1

    def test_series_of_any_subject(self) -> None:
        """A series of track laid says 'track laid', as a trade series says 'exports'."""
        exports, track = SERIES
        assert track.to_frame()["subject"].tolist() == ["track laid"] * 2
        assert exports.to_frame()["subject"].tolist() == ["exports"]


class TestProgressRows:
    """progress_frame, Atlas.progress and the atlas rows say `subject`."""

    def test_progress_frame(self) -> None:
        """The subject of a target of any measure is in its progress row."""
        target = Target(("KZ", "UZ"), Q_("152 km"), deadline=2026, subject="track")
        track = Series(("KZ", "UZ"), "track", {2024: Q_("40 km"), 2025: Q_("106 km")})
        df = progress_frame([target.progress(track, 2025)])
        assert df["subject"].tolist() == ["track"]
        assert "metric" not in df.columns

    def test_atlas(self) -> None:
        """Atlas.progress and the rows the command line prints carry `subject`."""
        atlas = Atlas([bundled()])
        df = atlas.progress(as_of=2025)
        subjects = {t.subject for t in bundled().targets}
        assert set(df["subject"]) == subjects
        rows = progress_rows(atlas, as_of=2025)
        assert {row["subject"] for row in rows} == subjects
        assert all("metric" not in row for row in rows)


class TestReportRows:
    """A report's targets and series say `subject`, and no key says `metric`."""

    def test_targets_and_series(self) -> None:
        """Each target and each measured series gives its subject."""
        data = bundled().report(as_of=AS_OF).to_dict()
        subjects = {t.subject for t in bundled().targets}
        assert {t["subject"] for t in data["targets"]} == subjects
        for target in data["targets"]:
            for progress in target["progress"]:
                assert progress["series"]["subject"] == target["subject"]

    def test_no_metric_key(self) -> None:
        """No key anywhere in the report data is `metric`."""
        assert "metric" not in keys(bundled().report(as_of=AS_OF).to_dict())
