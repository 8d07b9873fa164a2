"""Caches that build each value once, even when several threads ask at once.

bilat builds its heavy tables on first use: the pint registry, the CLDR
indexes of country names and currency words, the cattrs converter, the ECB
rate table, the bundled dossier. :func:`functools.cache` alone lets threads
that miss together all call the function, and each keeps its own result:
several pint registries whose quantities cannot be added to each other, or a
name index over every locale built eight times over.

The decorators here keep :func:`functools.lru_cache` in front, so a hit
costs what it costs there and takes no lock. Behind it, a miss takes a lock
of its own key: one thread builds the value while the others wait, then
find it built. Errors are not cached, as with :mod:`functools`.

:func:`disk_cache_folder` names the folder where bilat may keep files that
are slow to build and quick to read back (pint's parsed unit definitions):
the user's cache directory, ``$BILAT_CACHE_DIR`` when set, none at all when
``$BILAT_NO_CACHE`` is set. Such files only save time: bilat computes the
same results without them.
"""

from __future__ import annotations

import functools
import os
import stat
import sys
import threading
from typing import TYPE_CHECKING, Any, Final, TypeVar

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable
    from pathlib import Path

__all__ = [
    "CACHE_DIR_VARIABLE",
    "NO_CACHE_VARIABLE",
    "disk_cache_folder",
    "save_atomically",
    "thread_safe_cache",
    "thread_safe_lru_cache",
]

#: The environment variable that names the folder of bilat's disk cache.
CACHE_DIR_VARIABLE: Final = "BILAT_CACHE_DIR"

#: The environment variable that turns the disk cache off (``1``; ``0`` or
#: empty leaves it on).
NO_CACHE_VARIABLE: Final = "BILAT_NO_CACHE"

_R = TypeVar("_R")


def _build_once(function: Callable[..., _R], maxsize: int | None) -> Callable[..., _R]:
    """``function``, run at most once at a time per key, keeping its results.

    The last ``maxsize`` results (all when None) are kept, so that a thread
    that missed the front cache while another was building finds the value.
    """
    guard = threading.Lock()  # held only to read and write the two tables
    locks: dict[Hashable, threading.RLock] = {}
    built: dict[Hashable, _R] = {}

    @functools.wraps(function)
    def build(*args: Any, **kwargs: Any) -> _R:
        key: Hashable = (args, tuple(kwargs.items())) if kwargs else args
        with guard:
            if key in built:
                return built[key]
            lock = locks.setdefault(key, threading.RLock())
        try:
            with lock:
                with guard:
                    if key in built:
                        return built[key]
                value = function(*args, **kwargs)
                with guard:
                    built[key] = value
                    if maxsize is not None and len(built) > maxsize:
                        del built[next(iter(built))]
                return value
        finally:
            with guard:
                if locks.get(key) is lock:
                    del locks[key]

    return build


def thread_safe_cache(
    function: Callable[..., _R],
) -> functools._lru_cache_wrapper[_R]:
    """:func:`functools.cache` that builds each value once across threads.

    Example:
        >>> from bilat._cache import thread_safe_cache
        >>> @thread_safe_cache
        ... def table() -> list[int]:
        ...     return [1, 2, 3]
        >>> table() is table(), table.cache_info().hits
        (True, 1)
    """
    return functools.cache(_build_once(function, None))


def thread_safe_lru_cache(
    maxsize: int,
) -> Callable[[Callable[..., _R]], functools._lru_cache_wrapper[_R]]:
    """:func:`functools.lru_cache` that builds each value once across threads.

    Example:
        >>> from bilat._cache import thread_safe_lru_cache
        >>> @thread_safe_lru_cache(maxsize=2)
        ... def square(n: int) -> int:
        ...     return n * n
        >>> square(3), square(3), square.cache_info().hits
        (9, 9, 1)
    """

    def decorate(function: Callable[..., _R]) -> functools._lru_cache_wrapper[_R]:
        return functools.lru_cache(maxsize=maxsize)(_build_once(function, maxsize))

    return decorate


def disk_cache_folder(name: str) -> Path | None:
    r"""The folder for bilat's cached files of kind ``name``, or None for no cache.

    The folder is ``name`` inside ``$BILAT_CACHE_DIR`` when that is set, and
    otherwise inside the user's cache directory as :mod:`platformdirs` gives
    it (``$XDG_CACHE_HOME/bilat``, by default ``~/.cache/bilat``, on Linux;
    ``~/Library/Caches/bilat`` on macOS; ``%LOCALAPPDATA%\bilat\Cache`` on
    Windows). It is created, readable and writable by the user alone, when
    missing.

    There is no cache folder (None) when ``$BILAT_NO_CACHE`` is set to
    anything but ``0``, when :mod:`platformdirs` is not installed and no
    folder is named, or when the folder cannot be created or is not private
    to the user (another user could write files that bilat would read back).
    Callers then build what they need each time, as fast as without a cache.

    Example:
        >>> import os
        >>> from unittest import mock
        >>> from bilat._cache import disk_cache_folder
        >>> with mock.patch.dict(os.environ, {"BILAT_NO_CACHE": "1"}):
        ...     print(disk_cache_folder("units"))
        None
    """
    from pathlib import Path  # only for the disk cache, which pint's users need

    if os.environ.get(NO_CACHE_VARIABLE, "").strip() not in {"", "0"}:
        return None
    named = os.environ.get(CACHE_DIR_VARIABLE, "")
    if named:
        base = Path(named)
    else:
        try:
            import platformdirs
        except ImportError:
            return None
        base = platformdirs.user_cache_path("bilat", appauthor=False)
    folder = base / name
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        return folder if _private(folder) else None
    except (OSError, ValueError):  # read-only, not a folder, a NUL in the name
        return None


def _private(folder: Path) -> bool:
    """Whether ``folder`` is a real folder that only this user can write to."""
    info = folder.lstat()
    if not stat.S_ISDIR(info.st_mode):
        return False
    if sys.platform == "win32":  # pragma: no cover - the profile folder is private
        return True
    writable_by_others = info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    return info.st_uid == os.geteuid() and not writable_by_others


def save_atomically(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` whole or not at all; whether it was written.

    The bytes go to a temporary file beside ``path``, which then replaces
    ``path`` in one step: a process reading ``path`` meanwhile finds the old
    file or the new one, never part of one, and two processes writing at
    once leave one whole file. A failure (a read-only or full disk) leaves
    nothing behind and returns False.

    Example:
        >>> import tempfile
        >>> from pathlib import Path
        >>> from bilat._cache import save_atomically
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     path = Path(folder, "table.pickle")
        ...     save_atomically(path, b"data"), path.read_bytes()
        (True, b'data')
    """
    import contextlib
    import tempfile
    from pathlib import Path

    try:
        handle, temporary = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
        )
    except OSError:
        return False
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        Path(temporary).replace(path)
    except OSError:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        return False
    return True
