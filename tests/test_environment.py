"""Results do not depend on the process locale, the output encoding or the time zone.

Each check runs a fresh interpreter with ``LANG``, ``LC_ALL`` and
``LANGUAGE`` set to one locale (installed or not: an unknown one leaves the C
locale, which is worth checking too), calls ``locale.setlocale(LC_ALL, "")``
as an application would, and then formats, parses, looks up codes and names
and runs ``bilat report``. Its output must be byte for byte what a child
with none of these variables prints. Every child also gets another
``PYTHONHASHSEED``, so nothing may follow the order of a set of strings.
"""

from __future__ import annotations

import functools
import html
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from tests.subprocess_helper import run

#: Variables that choose a locale, an encoding or a time zone: all unset in the
#: reference child; COLUMNS fixes the width of argparse's help.
NEUTRAL: dict[str, str | None] = {
    "LANG": None,
    "LANGUAGE": None,
    "LC_ALL": None,
    "LC_CTYPE": None,
    "LC_NUMERIC": None,
    "LC_MONETARY": None,
    "LC_TIME": None,
    "LC_COLLATE": None,
    "LC_MESSAGES": None,
    "TZ": None,
    "PYTHONIOENCODING": None,
    "PYTHONUTF8": None,
    "PYTHONHASHSEED": "0",
    "COLUMNS": "80",
}


def _installed() -> set[str]:
    """The locales ``locale -a`` lists, when the command exists."""
    command = shutil.which("locale")
    if command is None:
        return set()
    done = subprocess.run(
        [command, "-a"], capture_output=True, text=True, check=False, timeout=30
    )
    return set(done.stdout.split()) if done.returncode == 0 else set()


#: The locales tried: the usual suspects whether installed or not, and every
#: installed one. Turkish upper-cases "i" to "İ" and lower-cases "I" to "ı".
LOCALES = sorted(
    {"C", "POSIX", "C.UTF-8", "ru_RU.UTF-8", "tr_TR.UTF-8", "de_DE.UTF-8"}
    | _installed()
)


def locale_env(name: str, seed: int) -> dict[str, str | None]:
    """The environment of a child run in locale ``name``."""
    language = name.partition(".")[0]
    return {
        **NEUTRAL,
        "LANG": name,
        "LC_ALL": name,
        "LANGUAGE": language if "_" in language else None,
        "PYTHONHASHSEED": str(seed),
    }


#: Amounts of money written in news, with their locale.
TEXTS = [
    ("$156 million", "en"),
    ("nearly $1 billion", "en"),
    ("USD 10bn", "en"),
    ("156 млн долларов", "ru"),
    ("почти 1 млрд долларов", "ru"),
    ("₸ 2,5 млрд", "ru"),
    ("156 mln AQSH dollari", "uz"),
    ("1.234,5 ₺", "tr"),
    ("1,5 Mrd. Euro", "de"),
]

#: Currency codes in any case, and the code each means.
CURRENCY_CODES = {
    "usd": "USD",
    "Usd": "USD",
    " kzt ": "KZT",
    "try": "TRY",
    "inr": "INR",
    "idr": "IDR",
    "isk": "ISK",
    "chf": "CHF",
}

#: Country codes in any case, and the alpha-2 code each means.
COUNTRY_CODES = {
    "kz": "KZ",
    "Kaz": "KZ",
    "it": "IT",
    "ita": "IT",
    "in": "IN",
    "ind": "IN",
    "ci": "CI",
    "civ": "CI",
    "li": "LI",
    "fi": "FI",
    "tr": "TR",
    "tur": "TR",
}

#: Country names in several cases, Turkish ones with dotted and dotless i.
COUNTRY_NAMES = {
    "italy": "IT",
    "ITALY": "IT",
    "İtalya": "IT",
    "İTALYA": "IT",
    "Irak": "IQ",
    "IRAK": "IQ",
    "ırak": "IQ",
    "Kıbrıs": "CY",
    "KIBRIS": "CY",
    "HIRVATİSTAN": "HR",
    "Türkiye": "TR",
    "TÜRKİYE": "TR",
    "kazakhstan": "KZ",
    "КАЗАХСТАН": "KZ",
}

SEPARATOR = "\n--- probe ---\n"

#: The child: sets the locale from the environment as an application would,
#: prints the ``bilat report`` outputs (ru text, en JSON) through the command
#: line's main(), then the results of the library calls as ASCII JSON.
PROBE = f"""
import json, locale, sys
try:
    locale.setlocale(locale.LC_ALL, "")
except locale.Error:
    pass
from bilat import Country, Currency, Estimate, Money
from bilat._cli import main

status = []
status.append(main(["report", "--as-of", "2025-12-31", "--locale", "ru"]))
sys.stdout.write({SEPARATOR!r})
status.append(main(["report", "--as-of", "2025-12-31", "--format", "json"]))
sys.stdout.write({SEPARATOR!r})
amounts = [
    Money("156000000", "USD"), Money("-1234.5", "KZT"), Money("2500000000", "UZS"),
    Money("0.5", "TRY"), Money("1234567.891", "KWD"),
]
locales = ["en", "ru", "kk", "uz", "tr", "de"]
record = {{
    "status": status,
    "format": [[m.format(l), m.format(l, compact=True)] for m in amounts for l in locales],
    "parse": [repr(Estimate.parse(t, l)) for t, l in {TEXTS!r}],
    "currencies": {{c: Currency(c).code for c in {list(CURRENCY_CODES)!r}}},
    "countries": {{c: Country(c).alpha2 for c in {list(COUNTRY_CODES)!r}}},
    "names": {{n: Country.lookup(n).alpha2 for n in {list(COUNTRY_NAMES)!r}}},
    "labels": [
        [Country("TR").name(l), Currency("TRY").name(l), Currency("TRY").symbol(l)]
        for l in locales
    ],
}}
print(json.dumps(record))
"""


class Probe:
    """What one child printed: the two reports as bytes, and the library results."""

    def __init__(self, stdout: bytes) -> None:
        text_report, json_report, record = stdout.split(SEPARATOR.encode())
        self.text_report = text_report
        self.json_report = json_report
        self.record: dict[str, Any] = json.loads(record)


def probe(env: dict[str, str | None]) -> Probe:
    """Run the probe in a child with ``env``."""
    done = run([sys.executable, "-c", PROBE], env)
    assert done.returncode == 0, done.stderr.decode("utf-8", "backslashreplace")
    assert done.stderr == b""
    return Probe(done.stdout)


@functools.cache
def reference() -> Probe:
    """The probe with no locale, encoding or time zone variable set."""
    return probe(NEUTRAL)


class TestReference:
    """The reference child's results are the right ones."""

    def test_library_results(self) -> None:
        """Codes in any case, names in any casing, all found; both reports made."""
        record = reference().record
        assert record["status"] == [0, 0]
        assert record["currencies"] == CURRENCY_CODES
        assert record["countries"] == COUNTRY_CODES
        assert record["names"] == COUNTRY_NAMES
        assert record["parse"][:2] == [
            "Estimate(Money('156000000', 'USD'))",
            "Estimate(Money('1000000000', 'USD'), Qualifier.NEARLY)",
        ]
        assert record["format"][:2] == [
            ["$156,000,000.00", "$156M"],
            ["156\xa0000\xa0000,00\xa0$", "156\xa0млн\xa0$"],
        ]

    def test_reports_are_utf8(self) -> None:
        """The reports are UTF-8: the Russian text and the JSON with its title."""
        probe = reference()
        assert "Отчёт о ходе выполнения" in probe.text_report.decode("utf-8")
        data = json.loads(probe.json_report)
        assert data["title"] == "Kazakhstan–Uzbekistan"
        assert data["as_of"] == "2025-12-31"


class TestLocale:
    """LANG, LC_ALL and LANGUAGE change nothing, whatever setlocale() makes of them."""

    @pytest.mark.parametrize(
        ("name", "seed"), [(name, seed) for seed, name in enumerate(LOCALES, 1)]
    )
    def test_same_as_reference(self, name: str, seed: int) -> None:
        """Formatting, parsing, lookups and both reports are byte for byte the same."""
        found = probe(locale_env(name, seed))
        expected = reference()
        assert found.record == expected.record
        assert found.text_report == expected.text_report
        assert found.json_report == expected.json_report


class TestUtf8Encodings:
    """Spellings of UTF-8 in PYTHONIOENCODING give the same bytes."""

    @pytest.mark.parametrize(
        "encoding", ["utf-8", "UTF-8:strict", "utf8:surrogateescape"]
    )
    def test_same_bytes(self, encoding: str) -> None:
        """The reports are the reference's bytes in the C locale too."""
        env = {**locale_env("C", 99), "PYTHONIOENCODING": encoding}
        found = probe(env)
        assert found.text_report == reference().text_report
        assert found.json_report == reference().json_report


BILAT = str(Path(sys.executable).parent / "bilat")
#: A backslash escape as ``backslashreplace`` writes it.
ESCAPE = re.compile(r"\\(x[0-9a-f]{2}|u[0-9a-f]{4}|U[0-9a-f]{8})")


def unescape(text: str) -> str:
    """Undo ``backslashreplace`` (the reports contain no backslash of their own)."""
    return ESCAPE.sub(lambda m: chr(int(m[1][1:], 16)), text)


def cli(*args: str, env: dict[str, str | None]) -> bytes:
    """Run the ``bilat`` console script; it must succeed and write no error."""
    done = run([BILAT, *args], env)
    assert done.returncode == 0, done.stderr.decode("utf-8", "backslashreplace")
    assert done.stderr == b""
    return done.stdout


@functools.cache
def neutral_cli(*args: str) -> bytes:
    """What the ``bilat`` console script prints with no locale variables set."""
    return cli(*args, env=NEUTRAL)


class TestNarrowEncodings:
    """With an output encoding that lacks Cyrillic, bilat escapes instead of failing."""

    ENCODINGS = ("ascii", "ascii:strict", "latin-1", "cp1251")
    REPORT = ("report", "--as-of", "2025-12-31", "--locale", "ru")

    @pytest.mark.parametrize("encoding", ENCODINGS)
    def test_text_report(self, encoding: str) -> None:
        """The text report comes out with backslash escapes that give back the text."""
        env = {**NEUTRAL, "PYTHONIOENCODING": encoding}
        out = cli(*self.REPORT, env=env).decode(encoding.partition(":")[0])
        expected = reference().text_report.decode("utf-8")
        assert "\\" not in expected
        assert "\\x" in out or "\\u" in out
        assert unescape(out) == expected

    @pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
    def test_json_report(self, encoding: str) -> None:
        """The JSON report stays valid JSON, with \\u escapes, equal to the reference."""
        env = {**NEUTRAL, "PYTHONIOENCODING": encoding}
        out = cli(*self.REPORT, "--format", "json", env=env)
        assert out.isascii()
        expected = neutral_cli(*self.REPORT, "--format", "json")
        assert not expected.isascii()
        assert json.loads(out) == json.loads(expected)

    def test_html_report(self) -> None:
        """The HTML report uses character references, which mean the same text."""
        env = {**NEUTRAL, "PYTHONIOENCODING": "ascii"}
        out = cli(*self.REPORT, "--format", "html", env=env).decode("ascii")
        expected = neutral_cli(*self.REPORT, "--format", "html").decode("utf-8")
        assert "&#1054;" in out  # О
        assert html.unescape(out) == html.unescape(expected)

    def test_parse_and_help(self) -> None:
        """`bilat parse` and `bilat report --help` escape too."""
        env = {**NEUTRAL, "PYTHONIOENCODING": "ascii"}
        parse = ("parse", "почти 1 млрд долларов", "--locale", "ru")
        out = cli(*parse, env=env).decode("ascii")
        assert unescape(out) == neutral_cli(*parse).decode("utf-8")
        assert unescape(out).splitlines()[1] == "почти 1\xa0млрд\xa0$"
        helped = cli("report", "--help", env=env).decode("ascii")
        assert "Kazakhstan\\u2013Uzbekistan" in helped
        assert unescape(helped) == neutral_cli("report", "--help").decode()

    def test_escapes_only_what_does_not_fit(self) -> None:
        """In cp1251 Cyrillic and the en dash stay; only what cp1251 lacks is escaped."""
        env = {**NEUTRAL, "PYTHONIOENCODING": "cp1251"}
        out = cli(*self.REPORT, env=env).decode("cp1251")
        expected = reference().text_report.decode("utf-8")
        missing = {c for c in expected if not _fits(c, "cp1251")}
        assert missing >= {"✓", "\u202f"}  # the check mark; CLDR's narrow space
        for char in missing:
            expected = expected.replace(
                char, char.encode("ascii", "backslashreplace").decode()
            )
        assert out == expected
        assert "Kazakhstan–Uzbekistan" in out
        assert "✓" in reference().text_report.decode("utf-8")


def _fits(char: str, encoding: str) -> bool:
    try:
        char.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


class TestTimeZone:
    """With --as-of, the report does not depend on TZ."""

    @pytest.mark.parametrize(
        "zone",
        ["UTC", "Pacific/Kiritimati", "Etc/GMT+12", "No/Such_Zone"],
    )
    def test_same_bytes(self, zone: str) -> None:
        """Text and JSON reports are the reference's bytes in any time zone."""
        env = {**NEUTRAL, "TZ": zone}
        args = ("report", "--as-of", "2025-12-31", "--locale", "ru")
        assert cli(*args, env=env) == reference().text_report
        assert cli("report", "--as-of", "2025-12-31", "--format", "json", env=env) == (
            reference().json_report
        )
