"""Caches built on first use are built once, even when eight threads race to them.

Each test runs a fresh interpreter (so every cache is cold) in which eight
threads wait at a barrier and then use one part of bilat at the same moment,
with a tiny thread switch interval to force interleaving. The child prints
what each thread saw as JSON: its results, compared here with values written
by hand or computed in this process, one thread at a time, and the identity
of each shared object (the pint registry, a CLDR index, the converter, a rate
table, the bundled dossier), which must be the same in every thread. Each
scenario runs in several fresh processes to make a race likely.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from decimal import Decimal
from typing import Any

import pytest
from tests.subprocess_helper import run_python

import bilat
from bilat import Country, Currency, ExchangeRates, Money

THREADS = 8
#: Fresh processes per scenario.
ROUNDS = 3

#: Runs eight threads at a barrier over ``work(i)``, then ``after()`` in the main
#: thread; prints the results, the identities seen and any exception.
HARNESS = """
import json, sys, threading, traceback
sys.setswitchinterval(1e-6)

THREADS = {threads}
barrier = threading.Barrier(THREADS)
results = [None] * THREADS
errors = []

{scenario}

def run(i):
    try:
        barrier.wait()
        results[i] = work(i)
    except BaseException:
        errors.append(traceback.format_exc())

threads = [threading.Thread(target=run, args=(i,)) for i in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
try:
    combined = after()
except BaseException:
    errors.append(traceback.format_exc())
    combined = None
print(json.dumps({{"errors": errors, "results": results, "after": combined}}))
"""


def race(scenario: str) -> tuple[list[dict[str, Any]], Any]:
    """Run ``scenario`` (defining ``work(i)`` and ``after()``) in eight threads.

    Returns what each thread returned and what ``after()`` returned, once
    no thread raised.
    """
    record = run_python(HARNESS.format(threads=THREADS, scenario=scenario))
    assert record["errors"] == [], "\n".join(record["errors"])
    results: list[dict[str, Any]] = record["results"]
    assert len(results) == THREADS
    return results, record["after"]


def shared(results: list[dict[str, Any]], key: str) -> None:
    """Every thread saw the same object under ``key`` (the same ``id``)."""
    ids = {str(r[key]) for r in results}
    assert len(ids) == 1, f"{key}: {len(ids)} different objects built"


rounds = pytest.mark.parametrize("round_", range(ROUNDS))


class TestUnitRegistry:
    """The pint registry is built once; quantities from all threads combine."""

    SCENARIO = """
import bilat
from bilat import Money

quantities = [None] * THREADS

def work(i):
    q = bilat.Q_(i + 1, "t")
    quantities[i] = q
    cost = (Money(30, "USD") / bilat.Q_(1, "t")) * bilat.Q_(i + 1, "kilotonne")
    return {
        "ureg": id(bilat.ureg),
        "registry": id(q._REGISTRY),
        "cost": repr(cost),
        "kg": str(q.to("kg").magnitude),
    }

def after():
    total = sum(quantities[1:], quantities[0])
    return str(total.to("kg").magnitude)
"""

    @rounds
    def test_one_registry(self, round_: int) -> None:
        """All threads get one registry, and the sum of their quantities is 36 t."""
        results, total = race(self.SCENARIO)
        shared(results, "ureg")
        shared(results, "registry")
        assert {r["ureg"] for r in results} == {r["registry"] for r in results}
        for i, r in enumerate(results):
            assert r["cost"] == f"Money('{30_000 * (i + 1)}', 'USD')"
            assert Decimal(r["kg"]) == 1000 * (i + 1)
        assert Decimal(total) == 36_000  # (1 + 2 + … + 8) t


#: Texts, their locale, and the amount and currency they say, by hand.
PARSED = [
    ("$156 million", "en", "156000000", "USD"),
    ("USD 10bn", "en", "10000000000", "USD"),
    ("10 billion US dollars", "en", "10000000000", "USD"),
    ("156 млн долларов", "ru", "156000000", "USD"),
    ("₸ 2,5 млрд", "ru", "2500000000", "KZT"),
    ("156 млн АҚШ доллары", "kk", "156000000", "USD"),
    ("156 mln AQSH dollari", "uz", "156000000", "USD"),
    ("2,5 mlrd soʻm", "uz", "2500000000", "UZS"),
]


class TestParse:
    """Money.parse builds each locale's tables once and reads alike in all threads."""

    SCENARIO = f"""
from bilat import Money
from bilat._parse import _grammar

TEXTS = {PARSED!r}

def work(i):
    # Each thread starts with another text, so the locales are first used together.
    order = TEXTS[i % len(TEXTS):] + TEXTS[:i % len(TEXTS)]
    found = {{}}
    for text, locale, _, _ in order:
        money = Money.parse(text, locale)
        found[text] = [str(money.amount), money.currency.code]
    found["grammars"] = [id(_grammar(l)) for l in ("en", "ru", "kk", "uz")]
    return found

def after():
    return None
"""

    @rounds
    def test_parse(self, round_: int) -> None:
        """Every thread reads every text as written by hand; one grammar per locale."""
        results, _ = race(self.SCENARIO)
        shared(results, "grammars")
        for r in results:
            for text, _, amount, code in PARSED:
                assert r[text] == [amount, code], text


#: Amounts and locales formatted in the threads.
FORMATTED = [
    (Money(156_000_000, "USD"), "en"),
    (Money(156_000_000, "USD"), "ru"),
    (Money("2500000000", "KZT"), "kk"),
    (Money("2500000000", "UZS"), "uz"),
    (Money("1234.5", "EUR"), "de"),
    (Money("1234.5", "TRY"), "tr"),
]

FORMATTED_TEXT = [(str(m.amount), m.currency.code, loc) for m, loc in FORMATTED]

#: (code, locale) → (name, symbol): CLDR's names and symbols, written out.
NAMES = {
    ("KZT", "en"): ("Kazakhstani Tenge", "KZT"),
    ("KZT", "ru"): ("казахский тенге", "KZT"),
    ("KZT", "kk"): ("Қазақстан теңгесі", "₸"),
    ("USD", "en"): ("US Dollar", "$"),
    ("EUR", "de"): ("Euro", "€"),
    ("UZS", "ru"): ("узбекский сум", "UZS"),
}


class TestFormatAndNames:
    """Money.format and Currency names and symbols agree across threads."""

    SCENARIO = f"""
from bilat import Currency, Money
from bilat._locale import get_locale

ITEMS = [(Money(a, c), l) for a, c, l in {FORMATTED_TEXT!r}]
NAMES = {list(NAMES)!r}

def work(i):
    order = ITEMS[i % len(ITEMS):] + ITEMS[:i % len(ITEMS)]
    found = {{}}
    for money, locale in order:
        key = f"{{money.amount}} {{money.currency.code}} {{locale}}"
        found[key] = [money.format(locale), money.format(locale, compact=True)]
    for code, locale in NAMES:
        c = Currency(code.lower())
        found[f"{{code}} {{locale}}"] = [c.name(locale), c.symbol(locale)]
    found["locales"] = [id(get_locale(l)) for l in ("en", "ru", "kk", "uz", "de")]
    return found

def after():
    return None
"""

    @rounds
    def test_format_and_names(self, round_: int) -> None:
        """Each thread formats as this process does alone, and names as CLDR does."""
        results, _ = race(self.SCENARIO)
        shared(results, "locales")
        for r in results:
            for money, locale in FORMATTED:
                key = f"{money.amount} {money.currency.code} {locale}"
                alone = [money.format(locale), money.format(locale, compact=True)]
                assert r[key] == alone, key
            for (code, locale), expected in NAMES.items():
                assert tuple(r[f"{code} {locale}"]) == expected, (code, locale)


#: Country names in several languages and the alpha-2 code they name.
COUNTRY_NAMES = {
    "Kazakhstan": "KZ",
    "Казахстан": "KZ",
    "Қазақстан": "KZ",
    "Qozogʻiston": "KZ",
    "Usbekistan": "UZ",
    "Ouzbékistan": "UZ",
    "Özbekistan": "UZ",
    "Kirgisistan": "KG",
}


class TestCountryLookup:
    """Country.lookup builds its index over every locale once."""

    SCENARIO = f"""
from bilat import Country
from bilat._country import _codes, _name_index

NAMES = {COUNTRY_NAMES!r}

def work(i):
    order = list(NAMES)[i % len(NAMES):] + list(NAMES)[:i % len(NAMES)]
    found = {{name: Country.lookup(name).alpha2 for name in order}}
    found["codes"] = [Country(c).alpha2 for c in ("kz", "KAZ", 398, "860")]
    found["index"] = id(_name_index())
    found["table"] = id(_codes())
    return found

def after():
    return None
"""

    @rounds
    def test_lookup(self, round_: int) -> None:
        """Every thread finds each country; all share one name index."""
        results, _ = race(self.SCENARIO)
        shared(results, "index")
        shared(results, "table")
        for r in results:
            assert {n: r[n] for n in COUNTRY_NAMES} == COUNTRY_NAMES
            assert r["codes"] == ["KZ", "KZ", "KZ", "UZ"]


class TestExchangeRates:
    """Rate tables answer alike in all threads; the ECB table is read once."""

    RECORDS = (
        ("2025-01-02", "USD", "KZT", "520.5"),
        ("2025-01-02", "USD", "UZS", "12950"),
        ("2025-02-03", "USD", "KZT", "518"),
    )

    SCENARIO = """
from bilat import ExchangeRates, Money

table = ExchangeRates.from_records({records!r})
ECB = {ecb!r}

def work(i):
    found = {{
        "kzt": str(table.rate("USD", "KZT", on="2025-01-31")),
        "uzs_per_kzt": str(table.rate("KZT", "UZS", on="2025-01-02")),
        "converted": repr(table.convert(Money(2, "USD"), "KZT")),
    }}
    if ECB:
        ecb = ExchangeRates.from_ecb()
        found["ecb"] = id(ecb)
        found["eur_usd"] = str(ecb.rate("EUR", "USD", on="2020-01-02"))
        found["eur_jpy"] = str(ecb.rate("EUR", "JPY", on="2020-01-02"))
        found["usd_jpy"] = str(ecb.rate("USD", "JPY", on="2020-01-02"))
    return found

def after():
    return None
"""

    def _check(self, results: list[dict[str, Any]]) -> None:
        alone = ExchangeRates.from_records(self.RECORDS)
        for r in results:
            assert Decimal(r["kzt"]) == Decimal("520.5")
            assert Decimal(r["uzs_per_kzt"]) == alone.rate(
                "KZT", "UZS", on="2025-01-02"
            )
            assert r["converted"] == "Money('1036', 'KZT')"  # 2 × 518

    @rounds
    def test_records(self, round_: int) -> None:
        """A table from records gives the rates this process computes alone."""
        scenario = self.SCENARIO.format(records=self.RECORDS, ecb=False)
        results, _ = race(scenario)
        self._check(results)

    @rounds
    def test_ecb(self, round_: int) -> None:
        """One ECB table is built; its rates are the published ones of 2 Jan 2020."""
        if importlib.util.find_spec("currency_converter") is None:
            pytest.skip("the optional 'ecb' extra (currencyconverter) is missing")
        results, _ = race(self.SCENARIO.format(records=self.RECORDS, ecb=True))
        self._check(results)
        shared(results, "ecb")
        usd_jpy = ExchangeRates.from_ecb().rate("USD", "JPY", on="2020-01-02")
        for r in results:
            # The ECB's reference rates of 2 January 2020.
            assert Decimal(r["eur_usd"]) == Decimal("1.1193")
            assert Decimal(r["eur_jpy"]) == Decimal("121.75")
            assert Decimal(r["usd_jpy"]) == usd_jpy


REPORT_LOCALES = ("en", "ru", "kk", "uz")
AS_OF = dt.date(2025, 12, 31)


class TestExampleAndReport:
    """The bundled dossier is loaded once; reports are alike in every thread."""

    SCENARIO = f"""
import bilat
from bilat.io._convert import converter

LOCALES = {REPORT_LOCALES!r}

def work(i):
    example = bilat.examples.kazakhstan_uzbekistan()
    loaded = bilat.load(bilat.examples.path())
    locale = LOCALES[i % len(LOCALES)]
    return {{
        "example": id(example),
        "converter": id(converter()),
        "equal": loaded == example,
        "locale": locale,
        "report": str(example.report(as_of={AS_OF.isoformat()!r}, locale=locale)),
        "json": loaded.report(as_of={AS_OF.isoformat()!r}).render("json"),
    }}

def after():
    return None
"""

    @rounds
    def test_example_and_report(self, round_: int) -> None:
        """One dossier and one converter; each report is the one made here alone."""
        results, _ = race(self.SCENARIO)
        shared(results, "example")
        shared(results, "converter")
        example = bilat.examples.kazakhstan_uzbekistan()
        alone = {
            locale: str(example.report(as_of=AS_OF, locale=locale))
            for locale in REPORT_LOCALES
        }
        as_json = example.report(as_of=AS_OF).render("json")
        for r in results:
            assert r["equal"] is True
            assert r["report"] == alone[r["locale"]]
            assert r["json"] == as_json


class TestSubjects:
    """The values the threads are checked against hold in this process too."""

    def test_hand_written_values(self) -> None:
        """The hand-written parses, names and lookups hold single-threaded."""
        for text, locale, amount, code in PARSED:
            assert Money.parse(text, locale) == Money(amount, code)
        for (code, locale), (name, symbol) in NAMES.items():
            assert (Currency(code).name(locale), Currency(code).symbol(locale)) == (
                name,
                symbol,
            )
        for name, code in COUNTRY_NAMES.items():
            assert Country.lookup(name) == Country(code)
