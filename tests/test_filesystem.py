"""Files that are not what they seem: every reader and writer on hostile paths.

Each reader (``bilat.load``, ``ExchangeRates.from_csv``,
``ExchangeRates.from_ecb(path)``, ``TradeSeries.from_comtrade``) and the
writer (``bilat.dump``) refuses FIFOs, directories, devices, symlink loops,
unreadable and missing files, and paths that are no paths, with a
``ValidationError`` naming the path; none blocks and none reads without
bound. Writing is atomic: a full disk, a file-size limit or a killed process
leaves the old file as it was.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import textwrap
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import bilat
from bilat import (
    BilatError,
    Dossier,
    ExchangeRates,
    InvalidNumberError,
    TradeSeries,
    ValidationError,
)
from bilat._fs import as_path, open_regular, read_bytes, write_atomic
from bilat.io import dump, load

POSIX = pytest.mark.skipif(os.name != "posix", reason="FIFOs and devices are POSIX")

#: A reader: a name, the suffix its files have, and the call that reads one.
Reader = tuple[str, str, Callable[[Any], object]]

READERS: list[Reader] = [
    ("load-toml", ".toml", load),
    ("load-json", ".json", load),
    ("from_csv", ".csv", ExchangeRates.from_csv),
    ("from_ecb-csv", ".csv", ExchangeRates.from_ecb),
    ("from_ecb-zip", ".zip", ExchangeRates.from_ecb),
    ("comtrade-csv", ".csv", lambda p: TradeSeries.from_comtrade(p, "KZ", "UZ")),
    ("comtrade-json", ".json", lambda p: TradeSeries.from_comtrade(p, "KZ", "UZ")),
]
READER_IDS = [name for name, _, _ in READERS]

DOSSIER = Dossier("Kazakhstan and Uzbekistan", ["KZ", "UZ"])
OTHER = Dossier("Kazakhstan and Uzbekistan", ["KZ", "UZ"], note="x" * 200_000)


@pytest.fixture
def alarm() -> Iterator[None]:
    """Fail, instead of hanging, when a call blocks for five seconds."""

    def expire(signum: int, frame: object) -> None:
        raise TimeoutError("the call blocked")

    if not hasattr(signal, "SIGALRM"):  # pragma: no cover - Windows
        yield
        return
    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(5)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def refused(read: Callable[[Any], object], path: object) -> ValidationError:
    """The ValidationError that reading ``path`` raises."""
    with pytest.raises(ValidationError) as caught:
        read(path)
    return caught.value


def leftovers(folder: Path) -> list[str]:
    """Temporary files left in ``folder`` by a write."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# -- readers -----------------------------------------------------------------------


@POSIX
class TestReadersRefuseSpecialFiles:
    """Every reader refuses what is not a regular file, naming the path."""

    @pytest.mark.parametrize(("name", "suffix", "read"), READERS, ids=READER_IDS)
    @pytest.mark.usefixtures("alarm")
    def test_fifo(
        self, tmp_path: Path, name: str, suffix: str, read: Callable[[Any], object]
    ) -> None:
        """A FIFO with no writer is refused at once, not waited on."""
        path = tmp_path / f"pipe{suffix}"
        os.mkfifo(path)
        error = refused(read, path)
        assert error.file == str(path)
        assert "FIFO" in str(error)

    @pytest.mark.parametrize(("name", "suffix", "read"), READERS, ids=READER_IDS)
    def test_directory(
        self, tmp_path: Path, name: str, suffix: str, read: Callable[[Any], object]
    ) -> None:
        """A directory named like a file is refused as a directory."""
        path = tmp_path / f"folder{suffix}"
        path.mkdir()
        error = refused(read, path)
        assert error.file == str(path)
        assert "directory" in str(error)

    @pytest.mark.parametrize(("name", "suffix", "read"), READERS, ids=READER_IDS)
    @pytest.mark.usefixtures("alarm")
    def test_dev_zero(
        self, tmp_path: Path, name: str, suffix: str, read: Callable[[Any], object]
    ) -> None:
        """/dev/zero, behind a link with the right suffix, is refused as a device."""
        if not Path("/dev/zero").exists():  # pragma: no cover
            pytest.skip("no /dev/zero")
        path = tmp_path / f"zero{suffix}"
        path.symlink_to("/dev/zero")
        error = refused(read, path)
        assert error.file == str(path)
        assert "device" in str(error)

    @pytest.mark.parametrize(("name", "suffix", "read"), READERS, ids=READER_IDS)
    def test_symlink_loop(
        self, tmp_path: Path, name: str, suffix: str, read: Callable[[Any], object]
    ) -> None:
        """A link to itself is reported as a symlink loop."""
        path = tmp_path / f"loop{suffix}"
        path.symlink_to(path)
        error = refused(read, path)
        assert error.file == str(path)
        assert "symbolic links" in str(error)


class TestReadersRefuseBadPaths:
    """Missing files and paths that are no paths are ValidationErrors."""

    @pytest.mark.parametrize(("name", "suffix", "read"), READERS, ids=READER_IDS)
    def test_missing(
        self, tmp_path: Path, name: str, suffix: str, read: Callable[[Any], object]
    ) -> None:
        """A missing file is named, with the reason."""
        path = tmp_path / f"missing{suffix}"
        error = refused(read, path)
        assert error.file == str(path)
        assert "no such file" in str(error)

    @pytest.mark.parametrize(("name", "suffix", "read"), READERS, ids=READER_IDS)
    def test_missing_folder(
        self, tmp_path: Path, name: str, suffix: str, read: Callable[[Any], object]
    ) -> None:
        """A file in a missing folder is missing too."""
        path = tmp_path / "nowhere" / f"file{suffix}"
        assert refused(read, path).file == str(path)

    @pytest.mark.parametrize(("name", "suffix", "read"), READERS, ids=READER_IDS)
    def test_nul_byte(
        self, name: str, suffix: str, read: Callable[[Any], object]
    ) -> None:
        """A NUL byte in a path is refused, not passed to the system."""
        error = refused(read, f"a\0b{suffix}")
        assert error.path == "path"
        assert "NUL" in str(error)
        assert "'a\\x00b" in str(error)

    @pytest.mark.parametrize("path", [None, 42, object(), b"rates.csv", ["a.toml"]])
    @pytest.mark.parametrize(("name", "suffix", "read"), READERS, ids=READER_IDS)
    def test_not_a_path(
        self, path: object, name: str, suffix: str, read: Callable[[Any], object]
    ) -> None:
        """None, numbers, bytes and lists are refused as paths."""
        if path is None and name.startswith("from_ecb"):
            pytest.skip("from_ecb(None) reads the bundled history")
        error = refused(read, path)
        assert error.path == "path"
        assert "expected a file path" in str(error)

    @pytest.mark.parametrize(("name", "suffix", "read"), READERS, ids=READER_IDS)
    def test_unreadable(
        self, tmp_path: Path, name: str, suffix: str, read: Callable[[Any], object]
    ) -> None:
        """A file without read permission is refused as such."""
        if os.name != "posix" or os.geteuid() == 0:
            pytest.skip("root reads every file; permissions need POSIX")
        path = tmp_path / f"secret{suffix}"
        path.write_bytes(b"")
        path.chmod(0)
        try:
            error = refused(read, path)
        finally:
            path.chmod(0o600)
        assert error.file == str(path)
        assert "permission denied" in str(error)

    @pytest.mark.parametrize(("name", "suffix", "read"), READERS, ids=READER_IDS)
    def test_open_refused(
        self,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        name: str,
        suffix: str,
        read: Callable[[Any], object],
    ) -> None:
        """A file the system will not open (as for root) is refused with the reason."""
        path = tmp_path / f"secret{suffix}"
        path.write_bytes(b"")

        def deny(*args: object) -> int:
            raise PermissionError(13, "Permission denied", str(path))

        monkeypatch.setattr(os, "open", deny)
        error = refused(read, path)
        assert error.file == str(path)
        assert "permission denied" in str(error)
        assert isinstance(error.__cause__, PermissionError)

    def test_errors_keep_the_os_error(self, tmp_path: Path) -> None:
        """The operating system's error is the cause, for those who need it."""
        error = refused(load, tmp_path / "missing.toml")
        assert isinstance(error.__cause__, FileNotFoundError)


class TestHelpers:
    """The helpers of bilat._fs that every reader and writer uses."""

    def test_as_path(self, tmp_path: Path) -> None:
        """A pathlib.Path and a str give the same text; an empty one is refused."""
        assert as_path(tmp_path) == str(tmp_path)
        assert as_path("a.toml") == "a.toml"
        with pytest.raises(ValidationError, match="empty"):
            as_path("")

    def test_failing_fspath(self) -> None:
        """An os.PathLike whose __fspath__ raises is refused, not followed."""

        class Broken(os.PathLike[str]):
            def __fspath__(self) -> str:
                raise RuntimeError("broken")

        with pytest.raises(ValidationError, match="expected a file path"):
            as_path(Broken())

    def test_opened_file_is_blocking_and_regular(self, tmp_path: Path) -> None:
        """open_regular gives an ordinary blocking binary stream."""
        path = tmp_path / "a.csv"
        path.write_bytes(b"abc")
        with open_regular(path) as stream:
            assert os.get_blocking(stream.fileno())
            assert stream.read() == b"abc"

    @POSIX
    @pytest.mark.usefixtures("alarm")
    def test_swapped_for_a_fifo(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A file swapped for a FIFO between the check and the open is refused."""
        regular, pipe = tmp_path / "a.csv", tmp_path / "b.csv"
        regular.write_bytes(b"")
        os.mkfifo(pipe)
        real_open = os.open
        # The check sees the regular file; the open gets the FIFO.
        monkeypatch.setattr(os, "open", lambda name, *args: real_open(str(pipe), *args))
        with pytest.raises(ValidationError, match="FIFO"):
            open_regular(regular)


# -- size limits -----------------------------------------------------------------


class TestSizeLimits:
    """Rate files have a size limit like dossier files; zips one on unpacking."""

    def test_read_bytes_limit(self, tmp_path: Path) -> None:
        """A file one byte over the limit is refused; at the limit it is read."""
        path = tmp_path / "a.csv"
        path.write_bytes(b"x" * 10)
        assert read_bytes(path, 10) == b"x" * 10
        with pytest.raises(ValidationError, match="10 bytes, more than the limit of 9"):
            read_bytes(path, 9)

    def test_from_csv_max_size(self, tmp_path: Path) -> None:
        """from_csv refuses a file over max_size before reading it."""
        path = tmp_path / "rates.csv"
        text = "date,base,quote,rate\n2025-01-02,USD,KZT,525.11\n"
        path.write_text(text, encoding="utf-8")
        size = len(text.encode())
        assert ExchangeRates.from_csv(path, max_size=size).rate("USD", "KZT")
        with pytest.raises(ValidationError, match="pass a larger max_size="):
            ExchangeRates.from_csv(path, max_size=size - 1)

    def test_from_ecb_max_size(self, tmp_path: Path) -> None:
        """from_ecb(path) refuses a CSV over max_size."""
        path = tmp_path / "hist.csv"
        path.write_text("Date,USD,\n2025-01-02,1.0321,\n", encoding="utf-8")
        with pytest.raises(ValidationError, match="limit of 10 bytes"):
            ExchangeRates.from_ecb(path, max_size=10)

    def test_zip_bomb(self, tmp_path: Path) -> None:
        """A small zip whose CSV unpacks past max_size is refused while unpacking."""
        path = tmp_path / "hist.zip"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("hist.csv", b"Date,USD,\n" + b" " * (4 * 1024 * 1024))
        assert path.stat().st_size < 64 * 1024
        with pytest.raises(ValidationError, match="unpacks to more than the limit"):
            ExchangeRates.from_ecb(path, max_size=1024 * 1024)

    @pytest.mark.parametrize("max_size", [-1, 1.5, "1", None, True])
    def test_bad_max_size(self, tmp_path: Path, max_size: object) -> None:
        """max_size must be a non-negative int, for every reader."""
        path = tmp_path / "rates.csv"
        for read in (ExchangeRates.from_csv, ExchangeRates.from_ecb, load):
            with pytest.raises(InvalidNumberError, match="max_size"):
                read(path, max_size=max_size)  # type: ignore[arg-type]

    def test_default_is_the_dossier_limit(self) -> None:
        """The rate readers' default is bilat.io.MAX_FILE_SIZE, 64 MiB."""
        import inspect

        for read in (ExchangeRates.from_csv, ExchangeRates.from_ecb, load):
            default = inspect.signature(read).parameters["max_size"].default
            assert default == bilat.io.MAX_FILE_SIZE == 64 * 2**20


# -- writing ---------------------------------------------------------------------


class TestDumpRefuses:
    """dump refuses targets that are no regular file, leaving them alone."""

    def test_directory(self, tmp_path: Path) -> None:
        """A directory named like a dossier is not replaced."""
        path = tmp_path / "folder.toml"
        path.mkdir()
        with pytest.raises(ValidationError, match="directory") as caught:
            dump(DOSSIER, path)
        assert caught.value.file == str(path)
        assert path.is_dir()
        assert leftovers(tmp_path) == []

    def test_missing_folder(self, tmp_path: Path) -> None:
        """A file in a missing folder is refused, naming the folder."""
        path = tmp_path / "nowhere" / "d.toml"
        with pytest.raises(ValidationError, match="nowhere") as caught:
            dump(DOSSIER, path)
        assert caught.value.file == str(path)

    def test_folder_is_a_file(self, tmp_path: Path) -> None:
        """A 'folder' that is a file is refused."""
        (tmp_path / "file").write_bytes(b"")
        with pytest.raises(ValidationError, match="not a folder"):
            dump(DOSSIER, tmp_path / "file" / "d.toml")

    @POSIX
    def test_dev_full(self, tmp_path: Path) -> None:
        """/dev/full, behind a link with the right suffix, is a device: refused."""
        if not Path("/dev/full").exists():  # pragma: no cover
            pytest.skip("no /dev/full")
        path = tmp_path / "full.toml"
        path.symlink_to("/dev/full")
        with pytest.raises(ValidationError, match="device"):
            dump(DOSSIER, path)
        assert path.is_symlink()

    @POSIX
    @pytest.mark.usefixtures("alarm")
    def test_fifo(self, tmp_path: Path) -> None:
        """A FIFO is refused, not written to (which would block)."""
        path = tmp_path / "pipe.json"
        os.mkfifo(path)
        with pytest.raises(ValidationError, match="FIFO"):
            dump(DOSSIER, path)
        assert stat.S_ISFIFO(path.stat().st_mode)

    @POSIX
    def test_symlink_loop(self, tmp_path: Path) -> None:
        """A link to itself is refused as a symlink loop, and left in place."""
        path = tmp_path / "loop.toml"
        path.symlink_to(path)
        with pytest.raises(ValidationError, match="symbolic links"):
            dump(DOSSIER, path)
        assert path.is_symlink()
        assert leftovers(tmp_path) == []

    @pytest.mark.parametrize("path", [None, 3, b"d.toml", "d\0.toml"])
    def test_not_a_path(self, path: object) -> None:
        """Paths that are no paths are refused before anything is written."""
        with pytest.raises(ValidationError) as caught:
            dump(DOSSIER, path)  # type: ignore[arg-type]
        assert caught.value.path == "path"

    def test_unwritable_folder(self, tmp_path: Path) -> None:
        """A folder without write permission is refused, the old file kept."""
        if os.name != "posix" or os.geteuid() == 0:
            pytest.skip("root writes everywhere; permissions need POSIX")
        path = tmp_path / "d.toml"
        dump(DOSSIER, path)
        tmp_path.chmod(0o500)
        try:
            with pytest.raises(ValidationError, match="permission denied"):
                dump(OTHER, path)
        finally:
            tmp_path.chmod(0o700)
        assert load(path) == DOSSIER

    def test_creation_refused(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A temporary file the system will not create (as for root) is refused,
        the old file kept and nothing left behind."""
        path = tmp_path / "d.toml"
        dump(DOSSIER, path)

        def deny(*args: object) -> int:
            raise PermissionError(13, "Permission denied", str(tmp_path))

        monkeypatch.setattr(os, "open", deny)
        with pytest.raises(ValidationError, match="permission denied") as caught:
            dump(OTHER, path)
        monkeypatch.undo()
        assert isinstance(caught.value.__cause__, PermissionError)
        assert load(path) == DOSSIER
        assert sorted(p.name for p in tmp_path.iterdir()) == ["d.toml"]


class TestAtomicDump:
    """dump replaces a file all at once, keeping its permissions."""

    def test_keeps_permissions(self, tmp_path: Path) -> None:
        """A replaced file keeps its permission bits."""
        path = tmp_path / "d.toml"
        dump(DOSSIER, path)
        path.chmod(0o640)
        dump(OTHER, path)
        assert stat.S_IMODE(path.stat().st_mode) == 0o640
        assert load(path) == OTHER

    @POSIX
    def test_new_file_mode_follows_umask(self, tmp_path: Path) -> None:
        """A new file gets 0o666 less the umask, as open() gives, not 0o600."""
        old = os.umask(0o022)
        try:
            dump(DOSSIER, tmp_path / "a.toml")
            os.umask(0o002)
            dump(DOSSIER, tmp_path / "b.toml")
        finally:
            os.umask(old)
        assert stat.S_IMODE((tmp_path / "a.toml").stat().st_mode) == 0o644
        assert stat.S_IMODE((tmp_path / "b.toml").stat().st_mode) == 0o664

    def test_no_temporary_file_left(self, tmp_path: Path) -> None:
        """After a write, the folder holds the dossier only."""
        dump(DOSSIER, tmp_path / "d.json")
        assert [p.name for p in tmp_path.iterdir()] == ["d.json"]

    @POSIX
    def test_symlink_kept(self, tmp_path: Path) -> None:
        """Writing through a link replaces the file it leads to; the link stays."""
        target = tmp_path / "real.toml"
        link = tmp_path / "link.toml"
        dump(DOSSIER, target)
        link.symlink_to(target)
        dump(OTHER, link)
        assert link.is_symlink()
        assert load(target) == OTHER

    @pytest.mark.parametrize(
        "error", [OSError(28, "No space left on device"), KeyboardInterrupt()]
    )
    def test_failure_keeps_old_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: BaseException
    ) -> None:
        """A failure while writing (a full disk, Ctrl-C) leaves the old file
        and no temporary file."""
        path = tmp_path / "d.toml"
        dump(DOSSIER, path)
        before = path.read_bytes()

        def fail(fd: int) -> None:
            raise error

        monkeypatch.setattr(os, "fsync", fail)
        expected = ValidationError if isinstance(error, OSError) else KeyboardInterrupt
        with pytest.raises(expected) as caught:
            dump(OTHER, path)
        if isinstance(caught.value, ValidationError):
            assert "No space left on device" in str(caught.value)
            assert caught.value.file == str(path)
        assert path.read_bytes() == before
        assert leftovers(tmp_path) == []

    def test_write_atomic_bytes(self, tmp_path: Path) -> None:
        """write_atomic writes exactly the bytes given, large or empty."""
        path = tmp_path / "a.bin"
        data = bytes(range(256)) * 10_000
        write_atomic(path, data)
        assert path.read_bytes() == data
        write_atomic(path, b"")
        assert path.read_bytes() == b""


def _child(code: str) -> list[str]:
    return [sys.executable, "-c", textwrap.dedent(code)]


@POSIX
class TestInterruptedDump:
    """A file-size limit or a killed process never leaves a broken dossier."""

    def test_file_size_limit(self, tmp_path: Path) -> None:
        """With RLIMIT_FSIZE below the new file's size, dump fails cleanly."""
        path = tmp_path / "d.toml"
        dump(DOSSIER, path)
        before = path.read_bytes()
        code = f"""
            import json, resource, bilat
            resource.setrlimit(resource.RLIMIT_FSIZE, (50_000, 50_000))
            big = bilat.Dossier("Kazakhstan and Uzbekistan", ["KZ", "UZ"], note="x" * 200_000)
            try:
                big.dump({str(path)!r})
            except bilat.ValidationError as e:
                print(json.dumps({{"error": str(e)}}))
            """
        result = subprocess.run(
            _child(code), capture_output=True, check=False, timeout=120
        )
        assert result.returncode == 0, result.stderr.decode()
        error = json.loads(result.stdout)["error"]
        assert str(path) in error
        assert "File too large" in error
        assert path.read_bytes() == before
        assert load(path) == DOSSIER
        assert leftovers(tmp_path) == []

    def test_killed_mid_write(self, tmp_path: Path) -> None:
        """SIGKILL halfway through writing leaves the old file loading unchanged."""
        path = tmp_path / "d.json"
        dump(DOSSIER, path)
        before = path.read_bytes()
        code = f"""
            import os, sys, time, bilat
            real_write = os.write
            def half_then_wait(fd, data):
                real_write(fd, bytes(data[: len(data) // 2]))
                print("writing", flush=True)
                time.sleep(60)
            big = bilat.Dossier("Kazakhstan and Uzbekistan", ["KZ", "UZ"], note="x" * 200_000)
            os.write = half_then_wait
            big.dump({str(path)!r})
            """
        with subprocess.Popen(_child(code), stdout=subprocess.PIPE) as child:
            try:
                assert child.stdout is not None
                assert child.stdout.readline() == b"writing\n"
                assert path.read_bytes() == before  # not truncated meanwhile
            finally:
                child.send_signal(signal.SIGKILL)
                child.wait(timeout=60)
        assert child.returncode == -signal.SIGKILL
        assert path.read_bytes() == before
        assert load(path) == DOSSIER


# -- the command line -------------------------------------------------------------


@POSIX
class TestCommandLine:
    """bilat validate and bilat report --rates refuse FIFOs instead of waiting."""

    @pytest.mark.usefixtures("alarm")
    def test_validate_fifo(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """bilat validate on a FIFO exits with status 1 and names it."""
        from bilat._cli import main

        path = tmp_path / "pipe.toml"
        os.mkfifo(path)
        assert main(["validate", str(path)]) == 1
        assert str(path) in capsys.readouterr().err

    @pytest.mark.usefixtures("alarm")
    def test_report_rates_fifo(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """bilat report --rates on a FIFO exits with status 1 and names it."""
        from bilat._cli import main

        path = tmp_path / "rates.csv"
        os.mkfifo(path)
        assert main(["report", "--rates", str(path)]) == 1
        err = capsys.readouterr().err
        assert str(path) in err
        assert "FIFO" in err


def test_every_error_is_a_bilat_error(tmp_path: Path) -> None:
    """A refusal of a path is a BilatError and a ValueError, as documented."""
    error = refused(load, tmp_path / "missing.toml")
    assert isinstance(error, BilatError)
    assert isinstance(error, ValueError)
