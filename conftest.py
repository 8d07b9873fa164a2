"""Test-session setup shared by the tests and the doctests in src/bilat.

The suite tests the ``bilat`` that is installed: an editable install during
development, the built wheel in continuous integration. pytest collects the
doctests from the files under src/bilat; a module that nothing had imported yet
would then be loaded from that file, beside the installed package. Importing
every module of the installed package first makes pytest read each doctest
from the installed module, so one copy of bilat is tested.

bilat's disk cache goes to a folder of the test run, removed at its end, so
that the tests neither read nor write the user's own cache; child processes
the tests start inherit it. A test that names another folder uses that one.
"""

from __future__ import annotations

import atexit
import importlib
import os
import pkgutil
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import bilat

if TYPE_CHECKING:
    import pytest


def _import_installed_modules() -> None:
    """Import every module of the installed package (``__main__`` excepted).

    A module that fails to import is left alone here: collecting its doctests
    reports the failure as an error of that module alone.
    """
    for info in pkgutil.walk_packages(bilat.__path__, prefix="bilat."):
        if info.name.rpartition(".")[2] == "__main__":
            continue
        try:
            importlib.import_module(info.name)
        except Exception:  # noqa: BLE001, S112 - reported by doctest collection
            continue


def _use_a_cache_of_the_run() -> None:
    """Point ``$BILAT_CACHE_DIR`` at a new private folder, removed at exit.

    Each process that loads this file (each worker of a parallel run) gets
    its own folder.
    """
    folder = tempfile.mkdtemp(prefix="bilat-test-cache-")  # private: mode 0o700
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    os.environ["BILAT_CACHE_DIR"] = folder


_use_a_cache_of_the_run()
_import_installed_modules()


def pytest_report_header(config: pytest.Config) -> str:
    """Name the bilat under test and where it was imported from."""
    del config
    return f"bilat {bilat.__version__} from {Path(bilat.__file__).parent}"
