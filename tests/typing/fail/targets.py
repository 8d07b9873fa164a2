"""Targets, series, claims, conflicts, atlases and reports.

A line ending in ``# E: <code>`` must be rejected by ``mypy --strict`` with
exactly that error code; every other line must be accepted
(tests/typing/test_must_fail.py checks both).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from bilat import (
    Q_,
    Agreement,
    Atlas,
    Claim,
    Conflict,
    Country,
    Dossier,
    Estimate,
    Money,
    Official,
    Qualifier,
    Report,
    Series,
    Source,
    Target,
    Topic,
    TradeMetric,
    TradeSeries,
    TradeTarget,
    conflicts,
    progress_frame,
)

kz_uz = ("KZ", "UZ")
akorda = Source("Akorda")
usd = Money(10_000_000_000, "USD")
treaty = Agreement("Treaty", kz_uz, "treaty")
ints: list[int] = [1, 2]
texts: list[str] = ["Akorda"]
anything: list[object] = ["KZ", object()]
counts: dict[int, int] = {2024: 156}
by_text: dict[str, Money] = {"2024": usd}
floats: dict[int, float] = {2024: 4.6}

# A target's value is Money, an Estimate, a quantity or a number; its subject
# text or a TradeMetric; years are ints.
Target(
    ["KZ", 860, Country("TJ")],
    Q_(152, "km"),
    deadline=2026,
    subject="track laid",
    baseline_year=2024,
    agreement=treaty,
    sources=akorda,
)
Target(kz_uz, 100, subject="joint projects", sources=[akorda])
Target(kz_uz, Decimal("2.5"), subject=TradeMetric.EXPORTS, deadline=None)
Target(kz_uz, Estimate(usd, Qualifier.UP_TO), subject="investment")
Target(object(), 100, subject="projects")  # E: arg-type
Target(anything, 100, subject="projects")  # E: arg-type
Target(kz_uz, [100], subject="projects")  # E: arg-type
Target(kz_uz, 4.6, subject="projects")  # E: arg-type
Target(kz_uz, 100)  # E: call-arg
Target(kz_uz, 100, subject=5)  # E: arg-type
Target(kz_uz, 100, subject=Topic.TRADE)  # E: arg-type
Target(kz_uz, 100, subject="projects", deadline=2030.0)  # E: arg-type
Target(kz_uz, 100, subject="projects", deadline="2030")  # E: arg-type
Target(kz_uz, 100, subject="projects", baseline_year=dt.date(2024, 1, 1))  # E: arg-type
Target(kz_uz, 100, subject="projects", agreement="Treaty")  # E: arg-type
Target(kz_uz, 100, subject="projects", sources=ints)  # E: arg-type

TradeTarget(
    ["KZ", 860],
    usd,
    deadline=2030,
    metric="exports",
    baseline_year=2020,
    agreement=treaty,
    sources=[akorda],
)
TradeTarget(kz_uz, Estimate(usd, "up_to"), metric=TradeMetric.TURNOVER, sources=akorda)
TradeTarget(object(), usd)  # E: arg-type
TradeTarget(kz_uz, "$10 billion")  # E: arg-type
TradeTarget(kz_uz, 10_000_000_000)  # E: arg-type
TradeTarget(kz_uz, usd, deadline="2030")  # E: arg-type
TradeTarget(kz_uz, usd, metric=1)  # E: arg-type
TradeTarget(kz_uz, usd, metric=Topic.TRADE)  # E: arg-type
TradeTarget(kz_uz, usd, baseline_year=2020.0)  # E: arg-type
TradeTarget(kz_uz, usd, agreement=texts)  # E: arg-type
TradeTarget(kz_uz, usd, sources=ints)  # E: arg-type

# Values map int years to measures; per-year sources are one Source or several.
Series(
    ["KZ", 860],
    "track laid",
    {2024: Q_(40, "km"), 2025: Q_(106_000, "m")},
    reporter="KZ",
    sources=akorda,
    value_sources={2024: akorda, 2025: [akorda]},
    claims={},
)
Series(kz_uz, TradeMetric.EXPORTS, {2023: usd, 2024: Estimate(usd, "over")})
Series(["KZ"], "joint projects", {2024: 12, 2025: Decimal(33)}, reporter=398)
Series(object(), "projects", counts)  # E: arg-type
Series(kz_uz, 5, counts)  # E: arg-type
Series(kz_uz, "projects", ints)  # E: arg-type
Series(kz_uz, "projects", by_text)  # E: arg-type
Series(kz_uz, "projects", floats)  # E: arg-type
Series(kz_uz, "projects", counts, reporter=object())  # E: arg-type
Series(kz_uz, "projects", counts, sources=ints)  # E: arg-type
Series(kz_uz, "projects", counts, value_sources=ints)  # E: arg-type
Series(kz_uz, "projects", counts, claims=ints)  # E: arg-type

TradeSeries(
    ["KZ", 860],
    TradeMetric.TURNOVER,
    {2023: usd, 2024: Estimate(usd, Qualifier.OVER)},
    reporter=Country("KZ"),
    sources=[akorda],
    value_sources={2024: akorda},
)
TradeSeries(kz_uz, "exports", {2024: usd}, reporter=398, sources=akorda)
TradeSeries(object(), "turnover", {2024: usd})  # E: arg-type
TradeSeries(kz_uz, 1, {2024: usd})  # E: arg-type
TradeSeries(kz_uz, Qualifier.OVER, {2024: usd})  # E: arg-type
TradeSeries(kz_uz, "turnover", counts)  # E: arg-type
TradeSeries(kz_uz, "turnover", by_text)  # E: arg-type
TradeSeries(kz_uz, "turnover", ints)  # E: arg-type
TradeSeries(kz_uz, "turnover", {2024: usd}, reporter=1.5)  # E: arg-type
TradeSeries(kz_uz, "turnover", {2024: usd}, sources=ints)  # E: arg-type
TradeSeries(kz_uz, "turnover", {2024: usd}, value_sources=texts)  # E: arg-type
TradeSeries(kz_uz, "turnover", {2024: usd}, claims=ints)  # E: arg-type

# Collections held in variables of narrower types (lists and dicts are
# invariant).
codes: list[str] = ["KZ", "UZ"]
cited: list[Source] = [akorda]
amounts: dict[int, Money] = {2023: usd, 2024: usd}
per_year: dict[int, Source] = {2024: akorda}
Target(codes, 100, subject="joint projects", sources=cited)
TradeTarget(codes, usd, sources=cited)
Series(codes, "joint projects", counts, value_sources=per_year, sources=cited)
Series(codes, "turnover", amounts)
TradeSeries(codes, "turnover", amounts, value_sources=per_year, sources=cited)

# A claim's value is Money, an Estimate, a quantity, an int or Decimal, or the
# text as written; said_by an Official or a country.
tokayev = Official("Tokayev", "President", "KZ")
said = Claim(
    "turnover",
    2024,
    "over $4.6 billion",
    akorda,
    parties=kz_uz,
    said_by=tokayev,
    stated="2024-04-10",
    note="at the summit",
)
stated = Claim(
    TradeMetric.TURNOVER,
    2024,
    Money(4_000_000_000, "USD"),
    akorda,
    parties=["KZ", 860],
    said_by=398,
    stated=2024,
    precision="1e8",
)
Claim("track laid", 2025, Q_(106, "km"), akorda, parties=kz_uz, said_by="UZ")
Claim("projects", 2025, 12, akorda, parties=kz_uz, stated=dt.date(2025, 1, 1))
Claim("turnover", 2024, "более 4,6 млрд долларов", akorda, parties=kz_uz, locale="ru")
Claim(5, 2024, usd, akorda, parties=kz_uz)  # E: arg-type
Claim("turnover", "2024", usd, akorda, parties=kz_uz)  # E: arg-type
Claim("turnover", 2024, 4.6, akorda, parties=kz_uz)  # E: arg-type
Claim("turnover", 2024, [usd], akorda, parties=kz_uz)  # E: arg-type
Claim("turnover", 2024, usd, "Akorda", parties=kz_uz)  # E: arg-type
Claim("turnover", 2024, usd, akorda, parties=object())  # E: arg-type
Claim("turnover", 2024, usd, akorda, parties=anything)  # E: arg-type
Claim("turnover", 2024, usd, akorda, parties=kz_uz, said_by=1.5)  # E: arg-type
Claim("turnover", 2024, usd, akorda, parties=kz_uz, stated=2024.0)  # E: arg-type
Claim("turnover", 2024, usd, akorda, parties=kz_uz, note=5)  # E: arg-type
Claim("turnover", 2024, usd, akorda, parties=kz_uz, precision=0.1)  # E: arg-type
Claim("turnover", 2024, usd, akorda, parties=kz_uz, locale=5)  # E: arg-type
Claim("turnover", 2024, usd, akorda)  # E: call-arg

Conflict("turnover", kz_uz, 2024, [said, stated])
Conflict(
    TradeMetric.TURNOVER, ["KZ", 860], 2024, (said, stated), pairs=[(said, stated)]
)
Conflict(5, kz_uz, 2024, [said, stated])  # E: arg-type
Conflict("turnover", object(), 2024, [said, stated])  # E: arg-type
Conflict("turnover", kz_uz, "2024", [said, stated])  # E: arg-type
Conflict("turnover", kz_uz, 2024, ints)  # E: arg-type
Conflict("turnover", kz_uz, 2024, said)  # E: arg-type
Conflict("turnover", kz_uz, 2024, [said, stated], pairs=ints)  # E: arg-type

Series.from_claims([said, stated], ["exact", "latest"], reporter="KZ", parties=kz_uz)
TradeSeries.from_claims([said, stated], subject="turnover")
Series.from_claims(ints)  # E: arg-type
Series.from_claims([said, stated], prefer="exact")  # E: arg-type
Series.from_claims([said, stated], reporter=1.5)  # E: arg-type
TradeSeries.from_claims([said, stated], subject=5)  # E: arg-type
TradeSeries.from_comtrade(5, "KZ", "UZ")  # E: arg-type
TradeSeries.from_comtrade("comtrade.csv", object(), "UZ")  # E: arg-type
TradeSeries.from_comtrade("kz.csv", "KZ", "UZ", metric=Qualifier.OVER)  # E: arg-type

conflicts([said, stated])
conflicts(ints)  # E: arg-type
conflicts([said, stated], rates="rates.csv")  # E: arg-type

target = TradeTarget(kz_uz, usd, deadline=2030)
series = TradeSeries(kz_uz, "turnover", {2023: Money(3, "USD"), 2024: Money(4, "USD")})
progress_frame([target.progress(series)])
progress_frame(target.progress(series))  # E: call-overload
progress_frame(ints)  # E: arg-type
progress_frame([target.progress(series)], backend="pandas", exact=True)
progress_frame([target.progress(series)], backend="arrow")  # E: call-overload

dossier = Dossier("Kazakhstan and Uzbekistan", kz_uz, claims=[said, stated])
Atlas([dossier, dossier])
Atlas(dossier)
Atlas(ints)  # E: arg-type
Atlas("dossier.toml")  # E: arg-type

Report(dossier.report(as_of="2025-12-31").to_dict())
Report(5)  # E: arg-type
Report(["Kazakhstan"])  # E: arg-type
