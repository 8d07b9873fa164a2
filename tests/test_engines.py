"""series_from_frame on a multi-process Dask cluster (slow: ``pytest -m engine``).

The cluster is real: two worker processes, one thread each, and a frame in
three partitions, so the filtering and grouping run in the workers and only
the grouped totals come back to the client.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from tests.test_series_from_frame import (
    EXPECTED_TURNOVER,
    HEADER,
    from_file,
    held_rows,
    same_series,
    write_csv,
)
from tests.values import amounts

from bilat import IncompleteDataWarning
from bilat.io import series_from_frame

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("dask.distributed")

pytestmark = [
    pytest.mark.engine,
    # narwhals 2 warns, each time it wraps a Dask frame, that its Dask support
    # will move to a separate package in a later release; nothing here can act
    # on it, and the test is about the results.
    pytest.mark.filterwarnings(
        "ignore:Dask support is moving out of Narwhals:FutureWarning"
    ),
]


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    """A client of a local cluster of two single-threaded worker processes."""
    with (
        distributed.LocalCluster(
            n_workers=2,
            processes=True,
            threads_per_worker=1,
            dashboard_address=None,
            silence_logs=40,  # logging.ERROR: the workers' start-up chatter
        ) as cluster,
        distributed.Client(cluster) as connected,
    ):
        connected.wait_for_workers(2, timeout=60)
        yield connected


@pytest.fixture(scope="module")
def held_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_csv(tmp_path_factory.mktemp("engines") / "held.csv", held_rows())


class TestDaskCluster:
    """A Dask frame on a two-process cluster gives the file reader's series."""

    @pytest.mark.parametrize("text", [False, True], ids=["inferred", "text"])
    def test_same_series(self, client: object, held_csv: Path, text: bool) -> None:
        """Inferred and text columns in three partitions: read_comtrade's series."""
        pandas_frame = (
            pd.read_csv(held_csv, dtype=str, keep_default_na=False)
            if text
            else pd.read_csv(held_csv)
        )
        assert list(pandas_frame.columns) == list(HEADER)
        frame = dd.from_pandas(pandas_frame, npartitions=3)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", IncompleteDataWarning)
            found = series_from_frame(frame)
        assert {pair: amounts(s) for pair, s in found.items()} == EXPECTED_TURNOVER
        expected = from_file(held_csv, None, "turnover")
        assert list(found) == list(expected)
        assert all(same_series(s, expected[p]) for p, s in found.items())
        assert found[next(iter(found))].sources[0].title == "A dask data frame"

    def test_work_runs_in_the_workers(self, client: object, held_csv: Path) -> None:
        """The partitions are read and grouped in both worker processes."""
        frame = dd.from_pandas(pd.read_csv(held_csv), npartitions=3)
        with (
            warnings.catch_warnings(),
            distributed.get_task_stream(client) as stream,
        ):
            warnings.simplefilter("ignore", IncompleteDataWarning)
            series_from_frame(frame)
        ran = {task["worker"] for task in stream.data}
        cluster = set(client.scheduler_info()["workers"])  # type: ignore[attr-defined]
        assert len(stream.data) >= 3
        assert len(cluster) == 2
        # Three partitions, two idle single-threaded workers: each gets some.
        assert ran == cluster
