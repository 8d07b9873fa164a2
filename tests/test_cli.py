"""Tests for the ``bilat`` command line (bilat._cli)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal
from importlib.metadata import version
from pathlib import Path

import pytest

import bilat
from bilat._cli import main

NBSP = "\xa0"


def run_script(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the installed ``bilat`` console script next to this interpreter."""
    script = Path(sys.executable).parent / "bilat"
    return subprocess.run(
        [str(script), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        check=False,
        timeout=60,
    )


class TestParse:
    """`bilat parse` prints the repr and the formatted text of an Estimate."""

    def test_qualified_amount(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A qualified amount shows its qualifier in both lines."""
        assert main(["parse", "nearly $1 billion"]) == 0
        out, err = capsys.readouterr()
        assert out == (
            "Estimate(Money('1000000000', 'USD'), Qualifier.NEARLY)\nnearly $1B\n"
        )
        assert err == ""

    def test_exact_amount(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An amount without qualifier is an exact Estimate."""
        assert main(["parse", "$156 million"]) == 0
        assert capsys.readouterr().out == "Estimate(Money('156000000', 'USD'))\n$156M\n"

    def test_locale_reads_and_writes(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--locale sets the decimal comma for reading and the output language."""
        assert main(["parse", "₸ 2,5 млрд", "--locale", "ru"]) == 0
        assert capsys.readouterr().out == (
            f"Estimate(Money('2500000000', 'KZT'))\n2,5{NBSP}млрд{NBSP}KZT\n"
        )

    def test_other_script_suggests_locale(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Cyrillic text that English cannot read suggests --locale ru."""
        assert main(["parse", "более 4,6 млрд долларов"]) == 1
        out, err = capsys.readouterr()
        assert out == ""
        assert err.startswith("bilat: error: cannot read 'более 4,6 млрд долларов'")
        assert err.rstrip().endswith(
            "the text is written in Cyrillic: pass --locale ru (or kk, uz_Cyrl)"
        )
        assert main(["parse", "более 4,6 млрд долларов", "--locale", "ru"]) == 0
        assert capsys.readouterr().out.startswith(
            "Estimate(Money('4600000000', 'USD'), Qualifier.OVER)\n"
        )

    def test_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--json gives amount, currency, qualifier and the bounds as exact text."""
        assert main(["parse", "--json", "nearly $1 billion"]) == 0
        record = json.loads(capsys.readouterr().out)
        assert set(record) == {"amount", "currency", "qualifier", "low", "high"}
        assert record["currency"] == "USD"
        assert record["qualifier"] == "nearly"
        # every amount is a string so that no JSON reader turns it into a float
        assert all(isinstance(record[k], str) for k in ("amount", "low", "high"))
        assert Decimal(record["amount"]) == Decimal(1_000_000_000)
        assert Decimal(record["low"]) == Decimal(900_000_000)  # 10 % below
        assert Decimal(record["high"]) == Decimal(1_000_000_000)

    def test_json_exact(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An exact amount has equal bounds in the JSON record."""
        assert main(["parse", "--json", "USD 10bn"]) == 0
        record = json.loads(capsys.readouterr().out)
        assert record["qualifier"] == "exact"
        assert Decimal(record["low"]) == Decimal(record["high"]) == Decimal(10**10)

    def test_argv_defaults_to_sys_argv(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Without argv, main reads the command line."""
        monkeypatch.setattr(sys, "argv", ["bilat", "parse", "about €8"])
        assert main() == 0
        assert capsys.readouterr().out.splitlines()[-1] == "about €8"


class TestErrors:
    """Refused input gives one line on stderr and status 1; bad usage status 2."""

    def test_unreadable_amount(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Text that is no amount names the text, without a traceback."""
        assert main(["parse", "a lot of money"]) == 1
        out, err = capsys.readouterr()
        assert out == ""
        assert err.startswith("bilat: error: cannot read 'a lot of money' as ")
        assert err.count("\n") == 1

    def test_unknown_locale(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown locale is a usage error naming the option and the value."""
        assert main(["parse", "$1", "--locale", "xx_YY"]) == 2
        err = capsys.readouterr().err
        assert "bilat parse: error: argument --locale: unknown locale 'xx_YY'" in err

    def test_line_breaks_in_field_names(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A field name with line breaks read from a file cannot forge a line."""
        path = tmp_path / "d.toml"
        path.write_text(
            'title = "x"\nparties = ["KZ", "UZ"]\n'
            '"a\\nbilat: forged\\r\\u2028b" = 1\n'
            '"c\\u001b[2J" = 2\n',
            encoding="utf-8",
        )
        assert main(["validate", str(path)]) == 1
        err = capsys.readouterr().err
        lines = err.splitlines()
        assert lines[0] == f"bilat: error: {path}: 2 problems"
        assert len(lines) == 3
        assert not any(line.startswith("bilat: forged") for line in lines)
        assert "\x1b" not in err
        assert "\u2028" not in err
        assert "\\x1b[2J" in err

    def test_missing_command(self, capsys: pytest.CaptureFixture[str]) -> None:
        """No subcommand is a usage error."""
        assert main([]) == 2
        err = capsys.readouterr().err
        assert err.startswith("usage: bilat ")
        assert "bilat: error: the following arguments are required: COMMAND" in err

    def test_unknown_command(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown subcommand is a usage error naming it."""
        assert main(["frobnicate"]) == 2
        assert "invalid choice: 'frobnicate'" in capsys.readouterr().err

    def test_unknown_option(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown option is a usage error naming it."""
        assert main(["parse", "$1", "--bogus"]) == 2
        assert "unrecognized arguments: --bogus" in capsys.readouterr().err

    def test_missing_text(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`bilat parse` needs the text to read."""
        assert main(["parse"]) == 2
        assert "the following arguments are required: text" in capsys.readouterr().err


class TestHelpAndVersion:
    """--help works on every level and --version names the installed release."""

    def test_version(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--version prints the version of the installed distribution."""
        assert main(["--version"]) == 0
        assert capsys.readouterr().out == f"bilat {version('bilat')}\n"

    def test_help(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--help lists the subcommands."""
        assert main(["--help"]) == 0
        out = capsys.readouterr().out
        assert out.startswith("usage: bilat ")
        assert "parse" in out
        assert "read an amount of money" in out

    def test_subcommand_help(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`bilat parse --help` documents its options."""
        assert main(["parse", "--help"]) == 0
        out = capsys.readouterr().out
        assert out.startswith("usage: bilat parse ")
        assert "--locale L" in out
        assert "--json" in out


class TestInstalledScript:
    """The console script and `python -m bilat` run the same command."""

    def test_console_script(self) -> None:
        """The installed `bilat` script parses an amount."""
        result = run_script("parse", "nearly $1 billion")
        assert result.returncode == 0, result.stderr
        assert result.stdout == (
            "Estimate(Money('1000000000', 'USD'), Qualifier.NEARLY)\nnearly $1B\n"
        )

    def test_console_script_error(self) -> None:
        """Refused input through the script: status 1, one line, no traceback."""
        result = run_script("parse", "a lot of money")
        assert result.returncode == 1
        assert result.stdout == ""
        assert result.stderr.startswith("bilat: error: cannot read 'a lot of money'")
        assert result.stderr.count("\n") == 1

    def test_console_script_usage_error(self) -> None:
        """A usage error through the script exits with status 2."""
        result = run_script("parse")
        assert result.returncode == 2
        assert "Traceback" not in result.stderr

    def test_python_m(self) -> None:
        """`python -m bilat --version` names the program `bilat`."""
        result = subprocess.run(
            [sys.executable, "-m", "bilat", "--version"],
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout == f"bilat {version('bilat')}\n"


SCRIPT = str(Path(sys.executable).parent / "bilat")


def run_raw(
    argv: list[str], *, env: dict[str, str] | None = None, **kwargs: object
) -> subprocess.CompletedProcess[bytes]:
    """Run ``argv`` with bytes output, a timeout and this environment changed by env."""
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        argv,
        env={**os.environ, **(env or {})},
        check=False,
        timeout=120,
        **kwargs,
    )


class TestOptionValues:
    """A bad option value names the option and the value, without a traceback."""

    @pytest.mark.parametrize(
        ("argv", "message"),
        [
            (["--currency", "XXX1"], "argument --currency: unknown currency 'XXX1'"),
            (["--locale", "xx_YY"], "argument --locale: unknown locale 'xx_YY'"),
            (["--as-of", "2025-13-01"], "argument --as-of: invalid date '2025-13-01'"),
            (
                ["--as-of", "20251231"],
                (
                    "argument --as-of: invalid date '20251231': "
                    "expected an ISO date such as '2025-12-31'"
                ),
            ),
            (["--format", "pdf"], "argument --format: invalid choice: 'pdf'"),
        ],
    )
    def test_usage_errors(
        self, argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Values the command line can check are usage errors (status 2)."""
        assert main(["report", *argv]) == 2
        out, err = capsys.readouterr()
        assert out == ""
        assert f"bilat report: error: {message}" in err
        assert "Traceback" not in err

    def test_rates_file(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A --rates file that cannot be read is named with the option (status 1)."""
        missing = tmp_path / "rates.csv"
        assert main(["report", "--rates", str(missing)]) == 1
        out, err = capsys.readouterr()
        assert out == ""
        assert err.startswith(f"bilat: error: --rates: {missing}")
        assert "no such file" in err


class TestFiles:
    """Files that are missing, or not regular files, give one clean error."""

    @pytest.mark.parametrize("command", ["validate", "report"])
    def test_missing(
        self, command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A missing file is named; status 1."""
        path = tmp_path / "none.toml"
        assert main([command, str(path)]) == 1
        out, err = capsys.readouterr()
        assert out == ""
        assert err.startswith(f"bilat: error: {path}")
        assert err.count("Traceback") == 0

    @pytest.mark.parametrize("command", ["validate", "report"])
    def test_directory(
        self, command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A directory, even one named like a dossier, is refused."""
        path = tmp_path / "dossier.toml"
        path.mkdir()
        assert main([command, str(path)]) == 1
        err = capsys.readouterr().err
        assert err.startswith(f"bilat: error: {path}")
        assert "directory" in err

    @pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
    @pytest.mark.parametrize("command", ["validate", "report"])
    def test_fifo(
        self, command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A named pipe is refused rather than waited on."""
        path = tmp_path / "dossier.toml"
        os.mkfifo(path)
        assert main([command, str(path)]) == 1
        err = capsys.readouterr().err
        assert err.startswith(f"bilat: error: {path}")
        assert "FIFO" in err


class TestInterrupt:
    """Ctrl-C ends the command with status 130 and no traceback."""

    def test_keyboard_interrupt(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An interrupt while working exits 130 quietly."""

        def interrupted(*args: object, **kwargs: object) -> None:
            raise KeyboardInterrupt

        monkeypatch.setattr(bilat.Estimate, "parse", interrupted)
        assert main(["parse", "$1"]) == 130
        assert capsys.readouterr() == ("", "")


class TestOutput:
    """Standard output that cannot be written: a clear line, or silence for a pipe."""

    def test_closed_stdout(self) -> None:
        """Standard output closed (`>&-`): one line on stderr, status 1."""
        done = run_raw(["sh", "-c", '"$0" "$@" >&-', SCRIPT, "parse", "$1"], stderr=-1)
        assert done.returncode == 1
        assert done.stderr == (
            b"bilat: error: cannot write the amount to standard output: it is closed\n"
        )

    def test_broken_pipe(self) -> None:
        """A reader that has gone (`| true`): status 1, nothing on stderr."""
        read, write = os.pipe()
        os.close(read)
        try:
            argv = [SCRIPT, "report", "--format", "json", "--as-of", "2025-12-31"]
            done = run_raw(argv, stdout=write, stderr=-1)
        finally:
            os.close(write)
        assert done.returncode == 1
        assert done.stderr == b""

    @pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
    def test_full_disk(self) -> None:
        """A full device is named with its errno; a closed stderr silences it."""
        with open("/dev/full", "wb") as full:  # noqa: PTH123
            done = run_raw([SCRIPT, "parse", "$1"], stdout=full, stderr=-1)
            assert done.returncode == 1
            assert done.stderr == (
                b"bilat: error: cannot write the amount to standard output: "
                b"No space left on device (errno 28)\n"
            )
            quiet = run_raw(
                ["sh", "-c", '"$0" "$@" 2>&-', SCRIPT, "parse", "$1"],
                stdout=full,
            )
            assert quiet.returncode == 1

    @pytest.mark.parametrize(
        ("encoding", "format"), [("ascii", "text"), ("latin-1", "json")]
    )
    def test_narrow_terminal(self, encoding: str, format: str) -> None:
        """A Russian report on an ASCII or Latin-1 terminal is escaped, not a crash."""
        argv = [SCRIPT, "report", "--locale", "ru", "--as-of", "2025-12-31"]
        env = {"PYTHONIOENCODING": encoding}
        done = run_raw([*argv, "--format", format], env=env, capture_output=True)
        assert done.returncode == 0, done.stderr
        assert done.stderr == b""
        shown = done.stdout.decode(encoding)
        if format == "text":  # Python's backslash escapes, as on its own stderr
            assert "\\u041e\\u0442\\u0447\\u0451\\u0442" in shown  # Отчёт
        else:  # JSON's own escapes: the document reads back the same
            document = json.loads(shown)
            assert document["parties"][0]["name"] == "Казахстан"
