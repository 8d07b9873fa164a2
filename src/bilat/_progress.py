"""Progress bars for long work: reading big files, loading many dossiers.

A bar is shown only when the caller asks for one (``progress=True``), tqdm
is installed (``pip install 'bilat[progress]'``) and someone can see it: the
bar goes to standard error when that is a terminal, or to the notebook's
output when running in a Jupyter kernel. Otherwise nothing is printed and
the work goes on at the same speed. A bar never raises: a failing display
is switched off.
"""

from __future__ import annotations

import contextlib
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from types import TracebackType

__all__ = ["Bar", "bar", "check_progress"]


def check_progress(value: object) -> bool:
    """``progress=`` as a bool; anything else is an :class:`ArgumentTypeError`."""
    if isinstance(value, bool):
        return value
    from bilat._errors import ArgumentTypeError, shown

    raise ArgumentTypeError(
        f"progress={shown(value)}: expected True or False "
        "(True shows a bar when tqdm is installed and the output is a terminal "
        "or a notebook)"
    )


def _in_notebook() -> bool:
    shell = sys.modules.get("IPython")
    if shell is None or "ipykernel" not in sys.modules:
        return False
    try:
        ip = shell.get_ipython()
    except Exception:  # noqa: BLE001 - any failure means: not a notebook
        return False
    return ip is not None and getattr(ip, "kernel", None) is not None


def _visible() -> bool:
    if _in_notebook():
        return True
    stream = sys.stderr
    try:
        return stream is not None and stream.isatty()
    except (AttributeError, OSError, ValueError):
        return False


class Bar:
    """A progress bar, or nothing; a context manager that closes the bar."""

    __slots__ = ("_bar",)

    def __init__(self, inner: Any = None) -> None:
        self._bar = inner

    @property
    def shown(self) -> bool:
        """Whether a bar is being drawn."""
        return self._bar is not None

    def update(self, n: int = 1) -> None:
        """Advance the bar by ``n`` units."""
        if self._bar is not None:
            try:
                self._bar.update(n)
            except Exception:  # noqa: BLE001 - a display problem never stops the work
                self._bar = None

    def close(self) -> None:
        """Finish the bar (idempotent)."""
        inner, self._bar = self._bar, None
        if inner is not None:
            with contextlib.suppress(Exception):  # as in update
                inner.close()

    def __enter__(self) -> Bar:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def bar(
    *,
    enabled: bool,
    total: int | None,
    desc: str,
    unit: str = "it",
    scale: bool = False,
) -> Bar:
    """A bar for ``total`` units (None when unknown), or a silent one.

    Args:
        enabled: The caller's ``progress=`` flag.
        total: How many units the work has, if known.
        desc: A short label (a file name).
        unit: The unit counted (``"B"`` for bytes, ``"file"``).
        scale: Show large counts as k, M, G (for bytes).
    """
    if not enabled or not _visible():
        return Bar()
    try:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # tqdm.auto's notice in some kernels
            from tqdm.auto import tqdm
    except ImportError:
        return Bar()
    try:
        inner = tqdm(
            total=total,
            desc=desc,
            unit=unit,
            unit_scale=scale,
            unit_divisor=1024 if scale else 1000,
            leave=False,
            file=None if _in_notebook() else sys.stderr,
            dynamic_ncols=True,
        )
    except Exception:  # noqa: BLE001 - no bar is better than a failed read
        return Bar()
    return Bar(inner)
