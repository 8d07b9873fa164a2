"""Opening files safely: regular files only, bounded reads, atomic writes.

Every reader and writer of bilat goes through this module, so every one
follows the same rule:

* A path is a ``str`` or an :class:`os.PathLike` giving a ``str``. Anything
  else (None, bytes, an int), text with a NUL byte, a missing file or
  folder, a directory, a FIFO, a socket, a device such as ``/dev/zero`` or
  ``/dev/full``, a symlink loop, a file that cannot be read or written, and
  a file larger than the limit given are all refused with a
  :class:`~bilat.ValidationError` whose ``file`` names the path and whose
  message gives the reason (the operating system's, when it has one; the
  :class:`OSError` is kept as ``__cause__``). No reader blocks on a FIFO and
  none reads without bound: the path is checked with :func:`os.stat`, opened
  with ``O_NONBLOCK`` and checked again on the open descriptor, so a file
  swapped for a FIFO in between is refused too.
* Reads are bounded: :func:`read_bytes` refuses a file larger than
  ``max_size`` before reading it, and reads at most one byte more than that
  (a file that grows while read is refused too).
* Writes are atomic: :func:`write_atomic` writes a temporary file in the
  same folder, flushes it to disk and renames it over the target, so the
  target holds either its old bytes or its new ones, even when the disk is
  full, a file-size limit is hit or the process is killed. The new file
  keeps the old one's permission bits; a new file gets the usual mode
  (``0o666`` less the umask). The temporary file is removed on any error,
  including :class:`KeyboardInterrupt`; only a process killed outright
  (``SIGKILL``, a power cut) can leave one behind, named
  ``.<name>.<random>.tmp`` next to the target.

This module is the bottom layer: it imports only :mod:`bilat._errors`,
:mod:`bilat._fields` and the standard library.
"""

# This module works with str paths and file descriptors, below pathlib.
# ruff: noqa: PTH105, PTH108, PTH116, PTH118, PTH120

from __future__ import annotations

import contextlib
import errno
import io
import os
import stat
import sys
from typing import BinaryIO, Final

from bilat._errors import InvalidNumberError, NumberTypeError, ValidationError, shown
from bilat._fields import plain_str

__all__ = [
    "MAX_FILE_SIZE",
    "MAX_PATH_LENGTH",
    "as_path",
    "check_max_size",
    "open_regular",
    "open_text",
    "read_bytes",
    "too_large",
    "write_atomic",
]

#: The largest file read unless told otherwise: 64 MiB, a thousand times the
#: bundled dossier and many times the ECB's whole history, and small enough
#: to parse in memory.
MAX_FILE_SIZE: Final = 64 * 1024 * 1024

#: The longest file path taken: Linux's ``PATH_MAX``; a longer one names no
#: file any system call could open.
MAX_PATH_LENGTH: Final = 4096

_CHUNK: Final = 1024 * 1024
_NONBLOCK: Final = getattr(os, "O_NONBLOCK", 0)
_BINARY: Final = getattr(os, "O_BINARY", 0)
_CLOEXEC: Final = getattr(os, "O_CLOEXEC", 0)


def _refuse(path: str, message: str) -> ValidationError:
    return ValidationError(message, file=path)


def as_path(path: object, what: str = "path") -> str:
    """The text of a file path, checked to be usable.

    Raises:
        ValidationError: ``path`` is not a ``str`` or an
            :class:`os.PathLike` of ``str``, is empty, or holds a NUL byte.

    Example:
        >>> import pathlib
        >>> from bilat._fs import as_path
        >>> as_path(pathlib.PurePosixPath("a", "b.toml"))
        'a/b.toml'
        >>> as_path(None)
        Traceback (most recent call last):
        ...
        bilat.ValidationError: path: expected a file path (a str or a pathlib.Path), got None
    """
    text: object = path
    if isinstance(path, os.PathLike):
        try:
            text = os.fspath(path)
        except Exception:  # noqa: BLE001 - any __fspath__ may fail
            text = None
    if isinstance(text, str):
        text = plain_str(text)
    if type(text) is not str:
        shape = "bytes: decode them first" if isinstance(text, bytes) else None
        raise ValidationError(
            [
                (
                    what,
                    "expected a file path (a str or a pathlib.Path), got "
                    + (shape or shown(path)),
                )
            ]
        )
    if not text:
        raise ValidationError([(what, "expected a file path, got an empty string")])
    if "\0" in text:
        raise ValidationError(
            [(what, f"{shown(text)} holds a NUL byte, which no file name can hold")]
        )
    if len(text) > MAX_PATH_LENGTH:
        raise ValidationError(
            [
                (
                    what,
                    (
                        f"expected a file path of at most {MAX_PATH_LENGTH:,} characters, "
                        f"got {len(text):,}: {shown(text, 100)}"
                    ),
                )
            ]
        )
    try:
        os.fsencode(text)
    except UnicodeEncodeError as e:
        raise ValidationError(
            [
                (
                    what,
                    (
                        f"{shown(text)} cannot be a file name on this system: "
                        f"{text[e.start]!r} at position {e.start} has no encoding in "
                        f"{sys.getfilesystemencoding()}"
                    ),
                )
            ]
        ) from None
    return text


def check_max_size(max_size: object) -> int:
    """``max_size`` if it is a non-negative int (a number of bytes).

    Raises:
        NumberTypeError: ``max_size`` is not an int.
        InvalidNumberError: ``max_size`` is negative.

    Example:
        >>> from bilat._fs import check_max_size
        >>> check_max_size(1024)
        1024
    """
    if type(max_size) is not int:
        raise NumberTypeError(max_size, "max_size", "an int (bytes)")
    if not 0 <= max_size < sys.maxsize:
        raise InvalidNumberError(
            max_size, "max_size", f"an int of bytes from 0 to {sys.maxsize - 1:,}"
        )
    return max_size


def _kind(mode: int) -> str:
    """What a file that is not a regular file is, for messages."""
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"  # pragma: no cover - doors, ports, whiteouts


def _not_regular(path: str, mode: int, doing: str) -> ValidationError:
    return _refuse(
        path,
        f"cannot {doing} {_kind(mode)}: bilat {doing}s regular files only",
    )


def _reason(error: OSError) -> str:
    reason = error.strerror or type(error).__name__
    if error.errno == errno.ENOENT:
        reason = "no such file or directory"
    elif error.errno == errno.ELOOP:
        reason = "too many levels of symbolic links (a symlink loop?)"
    elif error.errno in (errno.EACCES, errno.EPERM):
        reason = "permission denied"
    return reason


def _os_problem(path: str, error: OSError, doing: str) -> ValidationError:
    return _refuse(path, f"cannot {doing} the file: {_reason(error)}")


def open_regular(path: object, what: str = "path") -> BinaryIO:
    """Open a regular file for reading in binary mode, never blocking.

    Raises:
        ValidationError: the path is unusable, missing, unreadable, or not a
            regular file; ``file`` names it.

    Example:
        >>> import tempfile
        >>> from bilat._fs import open_regular
        >>> with tempfile.NamedTemporaryFile(suffix=".csv") as f:
        ...     with open_regular(f.name) as stream:
        ...         stream.read()
        b''
        >>> open_regular(".")
        Traceback (most recent call last):
        ...
        bilat.ValidationError: .: 1 problem
          cannot read a directory: bilat reads regular files only
    """
    name = as_path(path, what)
    try:
        # Refuse what is plainly no regular file before opening it: opening
        # some devices has effects of its own.
        mode = os.stat(name).st_mode
        if not stat.S_ISREG(mode):
            raise _not_regular(name, mode, "read")
        fd = os.open(name, os.O_RDONLY | _NONBLOCK | _BINARY | _CLOEXEC)
    except OSError as e:
        raise _os_problem(name, e, "read") from e
    try:
        # The path may have been swapped since the stat: check what was opened.
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise _not_regular(name, mode, "read")
        if _NONBLOCK:
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def open_text(path: object, what: str = "path") -> io.TextIOWrapper:
    """Open a regular file as UTF-8 text (a byte order mark is skipped).

    Lines are not translated (``newline=""``), as :mod:`csv` needs.

    Raises:
        ValidationError: as :func:`open_regular`.

    Example:
        >>> import tempfile
        >>> from bilat._fs import open_text
        >>> with tempfile.NamedTemporaryFile(suffix=".csv") as f:
        ...     with open_text(f.name) as stream:
        ...         stream.read()
        ''
    """
    return io.TextIOWrapper(open_regular(path, what), encoding="utf-8-sig", newline="")


def read_bytes(
    path: object, max_size: int = MAX_FILE_SIZE, what: str = "path"
) -> bytes:
    """The bytes of a regular file of at most ``max_size`` bytes.

    The size is checked before reading, and at most ``max_size + 1`` bytes
    are read, so a file that grows meanwhile is refused as well.

    Raises:
        ValidationError: the path is unusable, missing, unreadable, not a
            regular file, or larger than ``max_size``; ``file`` names it.
        NumberTypeError: ``max_size`` is not an int.
        InvalidNumberError: ``max_size`` is negative.

    Example:
        >>> import pathlib, tempfile
        >>> from bilat._fs import read_bytes
        >>> path = pathlib.Path(tempfile.mkdtemp(), "a.csv")
        >>> _ = path.write_bytes(b"12345")
        >>> read_bytes(path)
        b'12345'
        >>> read_bytes(path, max_size=4)
        Traceback (most recent call last):
        ...
        bilat.ValidationError: ...: 1 problem
          the file has 5 bytes, more than the limit of 4 bytes (pass a larger
          max_size= to read it, such as max_size=5; the default is
          bilat.io.MAX_FILE_SIZE, 64 MiB)
    """
    limit = check_max_size(max_size)
    name = as_path(path, what)
    with open_regular(name, what) as stream:
        try:
            size = os.fstat(stream.fileno()).st_size
            data = b"" if size > limit else _read_at_most(stream, size, limit)
        except OSError as e:
            raise _os_problem(name, e, "read") from e
    if size > limit or len(data) > limit:
        raise too_large(name, limit, size if size > limit else None)
    return data


def _read_at_most(stream: BinaryIO, size: int, limit: int) -> bytes:
    """The file's bytes, at most ``limit + 1``; ``size`` is its size when opened.

    ``stream.read(limit + 1)`` would ask for a buffer of ``limit`` bytes at
    once (a MemoryError for ``max_size=2**40``): the size as opened is read
    first, and a file that grew meanwhile is read on a chunk at a time.
    """
    data = stream.read(size + 1)
    if len(data) <= size:
        return data
    chunks = [data]
    total = len(data)
    while total <= limit and (chunk := stream.read(min(_CHUNK, limit + 1 - total))):
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def too_large(path: str, limit: int, size: int | None = None) -> ValidationError:
    """The error for a file (or an archive member) over its size limit.

    Example:
        >>> from bilat._fs import too_large
        >>> print(too_large("rates.csv", 10))
        rates.csv: 1 problem
          the file has more bytes than the limit of 10 bytes (pass a larger
          max_size= to read it; the default is bilat.io.MAX_FILE_SIZE, 64 MiB)
    """
    has = "more bytes" if size is None else f"{size:,} bytes, more"
    such = "" if size is None else f", such as max_size={size:_}"
    return _refuse(
        path,
        f"the file has {has} than the limit of {limit:,} bytes "
        f"(pass a larger max_size= to read it{such}; the default is "
        f"bilat.io.MAX_FILE_SIZE, {MAX_FILE_SIZE // 2**20} MiB)",
    )


def _target(name: str) -> tuple[str, int | None]:
    """The file to replace (symlinks followed) and its permission bits, if any."""
    real = os.path.realpath(name)
    try:
        st = os.stat(real)
    except (FileNotFoundError, NotADirectoryError):
        folder = os.path.dirname(real) or os.curdir
        try:
            folder_mode = os.stat(folder).st_mode
        except OSError as e:
            raise _refuse(
                name,
                f"cannot write the file: its folder {shown(folder)} "
                f"cannot be used ({_reason(e)})",
            ) from e
        if not stat.S_ISDIR(folder_mode):
            raise _refuse(
                name, f"cannot write the file: {shown(folder)} is not a folder"
            ) from None
        return real, None
    except OSError as e:
        raise _os_problem(name, e, "write") from e
    if not stat.S_ISREG(st.st_mode):
        raise _not_regular(name, st.st_mode, "write")
    return real, stat.S_IMODE(st.st_mode)


def _create_temporary(real: str) -> tuple[str, int]:
    folder, base = os.path.split(real)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY | _CLOEXEC
    while True:
        temporary = os.path.join(folder, f".{base}.{os.urandom(4).hex()}.tmp")
        try:
            # Mode 0o666 less the umask, as open() would give a new file.
            return temporary, os.open(temporary, flags, 0o666)
        except FileExistsError:  # pragma: no cover - 2**32 names to choose from
            continue


def write_atomic(path: object, data: bytes, what: str = "path") -> None:
    r"""Replace the file at ``path`` with ``data``, all at once or not at all.

    Symlinks are followed: the file they lead to is replaced, the link kept.

    Raises:
        ValidationError: the path is unusable, is a directory, a device or
            another file that is not a regular one, lies in a folder that is
            missing or cannot be written, or the data cannot be written (a
            full disk, a file-size limit); ``file`` names the path, and the
            file is left as it was.

    Example:
        >>> import pathlib, tempfile
        >>> from bilat._fs import write_atomic
        >>> path = pathlib.Path(tempfile.mkdtemp(), "a.toml")
        >>> write_atomic(path, b"x = 1\n")
        >>> path.read_bytes()
        b'x = 1\n'
        >>> write_atomic("/dev/full", b"x")
        Traceback (most recent call last):
        ...
        bilat.ValidationError: /dev/full: 1 problem
          cannot write a device: bilat writes regular files only
    """
    name = as_path(path, what)
    real, mode = _target(name)
    try:
        temporary, fd = _create_temporary(real)
    except OSError as e:
        raise _os_problem(name, e, "write") from e
    try:
        try:
            if mode is not None and hasattr(os, "fchmod"):
                os.fchmod(fd, mode)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view[:_CHUNK]) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temporary, real)
    except BaseException as e:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(e, OSError):
            raise _os_problem(name, e, "write") from e
        raise
    _sync_folder(os.path.dirname(real) or os.curdir)


def _sync_folder(folder: str) -> None:
    """Make the rename durable where the system allows syncing a folder."""
    try:
        fd = os.open(folder, os.O_RDONLY | _CLOEXEC)
    except OSError:  # pragma: no cover - e.g. Windows
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)
