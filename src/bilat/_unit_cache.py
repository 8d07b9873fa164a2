"""The disk cache of the unit registries, and the exact factors of units.

Reading pint's definition files takes most of the time of building a
registry (0.1-0.2 s); pint's parse of them, the table of root units built
from it, and the exact factors of the units used so far are kept in bilat's
disk cache (:func:`bilat._cache.disk_cache_folder`) and read back by the next
process in a few hundredths of a second. The cached files are written whole
or not at all (a process never reads a partly written one), a file that
cannot be read is worked out again, and a cache folder that cannot be
written is simply not used.

A unit's exact factor (:func:`root_factor`, how many of its base units it
holds, as a :class:`~fractions.Fraction`) comes from a second registry that
reads pint's definitions with fractions (:func:`exact_registry`), built only
for a unit whose factor is not yet on disk. :mod:`bilat._units` builds the
one Decimal registry of bilat and converts with these factors.
"""

from __future__ import annotations

import decimal
import functools
import json
import pickle
import threading
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Final

from bilat._cache import (
    disk_cache_folder,
    save_atomically,
    thread_safe_cache,
    thread_safe_lru_cache,
)
from bilat._decimal import CONTEXT

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    import pint

__all__ = [
    "DiskCachedRegistry",
    "build_root_units",
    "exact_registry",
    "root_factor",
    "use_disk_cache",
]


# -- pint's definitions ---------------------------------------------------------

#: Changed when what bilat's registries hold changes (definitions added, another
#: context), so that files cached by an older bilat are not read back.
_CACHE_LAYOUT: Final = 1


@thread_safe_cache
def _cache_folder() -> Path | None:
    """The folder of the cached definitions, or None when there is no cache.

    Its name holds all that the cached files depend on besides the definition
    files themselves (which pint's file names hash): pint's version, the
    layout above, and the precision and rounding of bilat's context, in which
    the Decimal registry reads and multiplies its factors. It is looked up
    once per process.
    """
    import pint

    return disk_cache_folder(
        f"pint-{pint.__version__}-{_CACHE_LAYOUT}-{CONTEXT.prec}-{CONTEXT.rounding}"
    )


@functools.cache
def _disk_cache_class(non_int_type: type) -> type[Any] | None:
    """The disk cache of pint for ``non_int_type``, safe for several processes.

    pint writes its cache files in place, so that a process starting while
    another writes could read half a file and fail; this one writes each
    file whole under a temporary name and renames it, and takes a file that
    cannot be read back for a missing one (it is then parsed again and
    rewritten). None when this pint has no disk cache of this shape.
    """
    try:
        from pint.delegates import build_disk_cache_class
    except ImportError:  # pragma: no cover - pint without a disk cache
        return None
    base: Any = build_disk_cache_class(non_int_type)

    class SafeDiskCache(base):  # type: ignore[misc]
        def rawload(self, header: Any, cache_path: Path | None = None) -> Any:
            try:
                return super().rawload(header, cache_path)
            except Exception:  # noqa: BLE001 - unreadable, truncated, another version
                return None

        def rawsave(
            self, header: Any, converted_object: Any, cache_path: Path | None = None
        ) -> Path:
            path: Path = (
                self.cache_path_for(header) if cache_path is None else cache_path
            )
            try:
                data = pickle.dumps(converted_object, protocol=pickle.HIGHEST_PROTOCOL)
            except Exception:  # noqa: BLE001 - not cached, still correct
                return path
            save_atomically(path, data)
            return path

    return SafeDiskCache


class DiskCachedRegistry:
    """Mixin of bilat's pint registries: definitions read through the disk cache.

    Put before the pint registry class among the bases
    (``class R(DiskCachedRegistry, pint.UnitRegistry[Decimal])``); it needs
    no pint itself. Its ``__init__`` calls :func:`use_disk_cache` once pint's
    has run, and its ``_build_cache`` reads the table of root units through
    :func:`build_root_units`.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        use_disk_cache(self)

    def _build_cache(self, loaded_files: Any = None) -> None:
        pint_registry: Any = super()
        build_root_units(self, loaded_files, pint_registry._build_cache)


def use_disk_cache(registry: Any) -> None:
    """Let ``registry`` read its definitions through bilat's disk cache.

    Called at the end of the registry's ``__init__``, before pint reads the
    definition files. Without a cache folder, or with a pint whose registry
    is built otherwise, the registry reads them itself.
    """
    parser: Any = getattr(registry, "_def_parser", None)
    if not hasattr(parser, "_diskcache") or not hasattr(registry, "_diskcache"):
        return  # pragma: no cover - another pint
    folder = _cache_folder()
    non_int_type: type = registry.non_int_type
    cache_class = None if folder is None else _disk_cache_class(non_int_type)
    if folder is None or cache_class is None:
        return
    try:
        cache = cache_class(folder)
    except OSError:  # pragma: no cover - the folder went away just now
        return
    registry._diskcache = parser._diskcache = cache


def build_root_units(
    registry: Any, loaded_files: Any, build: Callable[[Any], None]
) -> None:
    """Build ``registry``'s table of root units, or read it from the disk cache.

    ``build`` is pint's own ``_build_cache``. pint writes this table to its
    disk cache too, but drops it when reading it back and starts from an
    empty one, with which ``get_compatible_units`` finds nothing; the table
    read back here is the one used.
    """
    from pint.facets.plain.registry import RegistryCache

    disk = getattr(registry, "_diskcache", None)
    if not loaded_files or disk is None or not hasattr(registry, "_caches"):
        build(loaded_files)
        return
    cached, _ = disk.load(loaded_files, "build_cache")
    if isinstance(cached, RegistryCache):
        registry._cache = cached
        registry._caches[()] = cached  # the table used when no context is active
        return
    build(None)
    disk.save(registry._cache, loaded_files, "build_cache")


# -- exact factors --------------------------------------------------------------


@thread_safe_cache
def exact_registry() -> pint.UnitRegistry[Fraction]:
    """The pint definitions read with fractions: exact factors, used only for them.

    pint's Decimal registry rounds the ratios in its definitions
    (``inch = yard / 36``, ``knot = nautical_mile / hour``) when it reads
    them; this one keeps them as fractions.
    """
    import pint

    # mypy finds two of pint's own bases at odds once a mixin comes first.
    class ExactRegistry(DiskCachedRegistry, pint.UnitRegistry[Fraction]):  # type: ignore[misc]
        pass

    return ExactRegistry(non_int_type=Fraction)


@thread_safe_lru_cache(maxsize=256)
def root_factor(name: str) -> Fraction:
    """How many of its base units one unit (by its full name) holds, exactly.

    Units defined through non-integer powers (pint's Gaussian units) have no
    rational factor: their 60-digit Decimal factor is taken instead.

    A factor is worked out once: it is kept in the disk cache, so that later
    processes need not build the exact registry for units seen before.
    """
    stored = _stored_factors()
    factor = stored.get(name)
    if factor is None:
        factor = _work_out_factor(name)
        _store_factor(name, factor)
    return factor


#: The file of the cache folder that keeps the factors worked out so far.
_FACTORS_FILE: Final = "factors.json"

#: At most this many factors are stored, in memory and on disk; a dossier
#: uses a few units.
_FACTORS_KEPT: Final = 1000

_factors_lock = threading.Lock()


@thread_safe_cache
def _stored_factors() -> dict[str, Fraction]:
    """The factors of the disk cache, by unit name; new ones are added to it."""
    folder = _cache_folder()
    return {} if folder is None else _read_factors(folder / _FACTORS_FILE)


def _read_factors(path: Path) -> dict[str, Fraction]:
    """The factors in ``path``; none when it is missing, cut short or not ours."""
    try:
        data = json.loads(path.read_bytes())
        return {
            name: Fraction(text)
            for name, text in data.items()
            if isinstance(name, str) and isinstance(text, str)
        }
    except (OSError, ValueError, TypeError, AttributeError, ZeroDivisionError):
        return {}


def _store_factor(name: str, factor: Fraction) -> None:
    """Add ``factor`` to the stored factors and the disk cache, while there is room.

    Both hold at most :data:`_FACTORS_KEPT` factors: past that, a factor is
    kept only by :func:`root_factor`'s own cache of recent units.
    """
    folder = _cache_folder()
    if folder is None:
        return
    path = folder / _FACTORS_FILE
    with _factors_lock:
        stored = _stored_factors()
        if name not in stored and len(stored) >= _FACTORS_KEPT:
            return
        stored[name] = factor
        merged = {**_read_factors(path), **stored}  # and what others stored since
        if len(merged) <= _FACTORS_KEPT:
            text = json.dumps({n: str(f) for n, f in sorted(merged.items())})
            save_atomically(path, text.encode("ascii"))


def _work_out_factor(name: str) -> Fraction:
    """The factor of :func:`root_factor`, from the exact registry."""
    registry = exact_registry()
    try:
        units = registry.parse_units(name)._units
        factor = registry._get_root_units(units)[0]
    except Exception:  # noqa: BLE001 - fall back to the Decimal registry below
        factor = None
    if isinstance(factor, Fraction | int):
        return Fraction(factor)
    from bilat._units import get_registry  # the registry that uses this cache

    bilat_registry = get_registry()
    with decimal.localcontext(CONTEXT):
        units = bilat_registry.Unit(name)._units
        rounded: Any = bilat_registry._get_root_units(units)[0]
    return Fraction(Decimal(rounded))
