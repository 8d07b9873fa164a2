"""Money, currencies, estimates, bags, unit prices and exchange rates.

A line ending in ``# E: <code>`` must be rejected by ``mypy --strict`` with
exactly that error code; every other line must be accepted
(tests/typing/test_must_fail.py checks both).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from bilat import (
    Q_,
    Currency,
    Estimate,
    ExchangeRates,
    Money,
    MoneyBag,
    ProjectStatus,
    Qualifier,
    UnitPrice,
    ureg,
)

usd = Money(156_000_000, "USD")
texts: list[str] = ["USD 156"]

# An amount is an int, a Decimal, its text or a float; a currency a code or a
# Currency.
Money("156_000_000", Currency("USD"))
Money(Decimal("0.1"), "usd")
Money(0.1, "USD")
Money(None, "USD")  # E: arg-type
Money(object(), "USD")  # E: arg-type
Money([156], "USD")  # E: arg-type
Money(156, 840)  # E: arg-type
Money(156, ProjectStatus.PLANNED)  # E: arg-type
Money(156)  # E: call-arg
Money.parse("$156 million")
Money.parse("156 млн долларов", "ru")
Money.parse(156_000_000)  # E: arg-type
Money.parse("$156 million", locale=7)  # E: arg-type

Currency("kzt")
Currency(Currency("KZT"))
Currency(398)  # E: arg-type
Currency(None)  # E: arg-type
Currency(["KZT"])  # E: arg-type

# A qualifier is a Qualifier or its value; a tolerance a number or its text.
Estimate(usd)
Estimate(usd, Qualifier.NEARLY, tolerance=Decimal("0.2"))
Estimate(usd, "nearly", tolerance="0.2")
Estimate(usd, "about", tolerance=0.05)
Estimate(usd, "up_to", tolerance=1, low=Money(0, "USD"), high=usd)
Estimate("$1bn", Qualifier.NEARLY)  # E: arg-type
Estimate(156_000_000, Qualifier.NEARLY)  # E: arg-type
Estimate(usd, 0.1)  # E: arg-type
Estimate(usd, ProjectStatus.PLANNED)  # E: arg-type
Estimate(usd, Qualifier.ABOUT, tolerance=[0.1])  # E: arg-type
Estimate(usd, Qualifier.ABOUT, tolerance=None)  # E: arg-type
Estimate(usd, Qualifier.NEARLY, low=150_000_000)  # E: arg-type
Estimate.parse("nearly $1 billion")
Estimate.parse(usd)  # E: arg-type

MoneyBag()
MoneyBag(usd, Money(500, "KZT"), MoneyBag(usd))
MoneyBag([usd, usd])
items: list[Money] = [usd, Money(500, "KZT")]
MoneyBag(items)
MoneyBag(156)  # E: arg-type
MoneyBag(texts)  # E: arg-type

# A unit is text pint reads or a pint Unit.
UnitPrice(usd, "t")
UnitPrice(usd, ureg.tonne)
UnitPrice(usd, Q_(1, "Mt / a").units)
UnitPrice(30, "t")  # E: arg-type
UnitPrice("$30", "t")  # E: arg-type
UnitPrice(usd, 5)  # E: arg-type
UnitPrice(usd, None)  # E: arg-type

# A record is (date or ISO text, currency, currency, rate as a number or text).
ExchangeRates.from_records([(dt.date(2025, 1, 2), "USD", "KZT", "500")])
ExchangeRates.from_records(
    [
        ("2025-01-02", Currency("USD"), "KZT", Decimal(500)),
        ("2025-01-03", "USD", Currency("KZT"), 501),
        ("2025-01-06", "USD", "KZT", 502.5),
    ]
)
records: list[tuple[str, str, str, str]] = [("2025-01-02", "USD", "KZT", "500")]
ExchangeRates.from_records(records)
ExchangeRates.from_records("USD,KZT,500")  # E: arg-type
ExchangeRates.from_records([(2025, "USD", "KZT", "500")])  # E: list-item
ExchangeRates.from_records([("2025-01-02", "USD", "KZT", object())])  # E: list-item
ExchangeRates.from_records([("2025-01-02", "USD", 398, "500")])  # E: list-item
ExchangeRates.from_records(texts)  # E: arg-type
ExchangeRates.from_csv(5)  # E: arg-type
ExchangeRates.from_ecb(5)  # E: arg-type
ExchangeRates.from_csv("rates.csv", max_size="1 MB")  # E: arg-type
