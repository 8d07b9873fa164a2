"""Countries, sources, officials, meetings, projects, agreements, portfolios, dossiers.

A line ending in ``# E: <code>`` must be rejected by ``mypy --strict`` with
exactly that error code; every other line must be accepted
(tests/typing/test_must_fail.py checks both).
"""

from __future__ import annotations

import datetime as dt

from bilat import (
    Q_,
    ActionKind,
    Agreement,
    AgreementKind,
    Country,
    Dossier,
    Estimate,
    Meeting,
    Money,
    Official,
    Portfolio,
    ProgressUpdate,
    Project,
    ProjectStatus,
    Qualifier,
    Source,
    Topic,
    TreatyAction,
)

kz_uz = ("KZ", "UZ")
akorda = Source("Akorda")
usd = Money(156_000_000, "USD")
ints: list[int] = [1, 2]
texts: list[str] = ["Akorda"]
anything: list[object] = ["KZ", object()]
lengths: dict[str, int] = {"length": 152}

# A country is a Country, an alpha-2 or alpha-3 code, or a numeric code.
Country("KZ")
Country("kaz")
Country(398)
Country("398")
Country(Country("KZ"))
Country(398.0)  # E: arg-type
Country(None)  # E: arg-type
Country(["KZ"])  # E: arg-type
Country(object())  # E: arg-type
Country.lookup("Kazakhstan")
Country.lookup("Казахстан", "ru")
Country.lookup(398)
Country.lookup(["Kazakhstan"])  # E: arg-type
Country.lookup("Kazakhstan", locale=5)  # E: arg-type

# Dates are dates or ISO text.
Source(
    "Akorda",
    publisher="Akorda press service",
    url="https://www.akorda.kz/en",
    published="2024-04-10",
    accessed=dt.date(2024, 4, 11),
    note="p. 2",
)
Source(2024)  # E: arg-type
Source("Akorda", publisher=5)  # E: arg-type
Source("Akorda", url=b"https://www.akorda.kz")  # E: arg-type
Source("Akorda", published=2024)  # E: arg-type
Source("Akorda", accessed=20240411)  # E: arg-type
Source("Akorda", note=["p. 2"])  # E: arg-type
Source("Akorda", publisher="Akorda", year=2024)  # E: call-arg

tokayev = Official("Tokayev", "President", "KZ")
Official("Saidov", "Foreign Minister", 860)
Official("Saidov", "Foreign Minister", Country("UZ"))
Official("Tokayev", "President", object())  # E: arg-type
Official("Tokayev", "President", None)  # E: arg-type
Official(1, "President", "KZ")  # E: arg-type
Official("Tokayev", ["President"], "KZ")  # E: arg-type

# When is a date, ISO text, a year (or its digits) or None; participants one
# Official or several; topics one Topic or several, each a Topic or its value.
Meeting("2024-04-10", [tokayev], [Topic.TRADE, "water"], place="Astana")
Meeting(2024, tokayev, Topic.TRADE, sources=akorda, title="Visit", note="first visit")
Meeting("2024", (tokayev,), ("culture",), sources=[akorda])
Meeting(dt.date(2024, 4, 10), [], [])
Meeting(None, [tokayev], [])
Meeting(2024.5, [tokayev], [])  # E: arg-type
Meeting(2024, texts, [])  # E: arg-type
Meeting(2024, "Tokayev", [])  # E: arg-type
Meeting(2024, [tokayev], ints)  # E: arg-type
Meeting(2024, [tokayev], ProjectStatus.PLANNED)  # E: arg-type
Meeting(2024, [tokayev], [], place=5)  # E: arg-type
Meeting(2024, [tokayev], [], sources="Akorda")  # E: arg-type
Meeting(2024, [tokayev], [], sources=ints)  # E: arg-type
Meeting(2024, [tokayev], [], title=1)  # E: arg-type
Meeting(2024, [tokayev], [], note=object())  # E: arg-type

# A project's measures are quantities or their text; its dates dates, ISO
# text or years; its status a ProjectStatus or its value.
update = ProgressUpdate("2025-06-30", "length", "106 km", sources=akorda)
railway = Project(
    "Darbaza–Maktaaral railway",
    ["KZ", 860, Country("TJ")],
    ProjectStatus.UNDERWAY,
    value=usd,
    sector="transport",
    count=12,
    start="2024",
    end=dt.date(2026, 12, 31),
    location="Darbaza",
    measures={"length": "152 km", "area": Q_(100, "ha")},
    updates=[update],
    sources=akorda,
)
planned = Project(
    "Planned joint projects",
    kz_uz,
    "planned",
    value=Estimate(Money(1_000_000_000, "USD"), Qualifier.NEARLY),
    count=21,
    start=2026,
    end="2030-12-31",
    measures={"length": Q_(152_000, "m")},
    updates=update,
    sources=[akorda],
)
Project("Railway", ["KZ", "UZ"], "underway", value="$1bn", count="three")  # E: arg-type
Project(42, kz_uz, "planned")  # E: arg-type
Project("Railway", object(), "planned")  # E: arg-type
Project("Railway", anything, "planned")  # E: arg-type
Project("Railway", kz_uz, 1)  # E: arg-type
Project("Railway", kz_uz, Topic.TRANSPORT)  # E: arg-type
Project("Railway", kz_uz, "planned", value=156_000_000)  # E: arg-type
Project("Railway", kz_uz, "planned", sector=5)  # E: arg-type
Project("Railway", kz_uz, "planned", count=1.5)  # E: arg-type
Project("Railway", kz_uz, "planned", count="12")  # E: arg-type
Project("Railway", kz_uz, "planned", start=2024.0)  # E: arg-type
Project("Railway", kz_uz, "planned", end=[2026])  # E: arg-type
Project("Railway", kz_uz, "planned", location=("Darbaza",))  # E: arg-type
Project("Railway", kz_uz, "planned", measures=lengths)  # E: arg-type
Project("Railway", kz_uz, "planned", measures=texts)  # E: arg-type
Project("Railway", kz_uz, "planned", updates=ints)  # E: arg-type
Project("Railway", kz_uz, "planned", updates="106 km")  # E: arg-type
Project("Railway", kz_uz, "planned", sources=ints)  # E: arg-type
Project("Railway", kz_uz, "planned", sources="Akorda")  # E: arg-type
Project("Railway", kz_uz, "planned", colour="red")  # E: call-arg

ProgressUpdate(dt.date(2025, 6, 30), "length", Q_(106, "km"), sources=[akorda])
ProgressUpdate(20250630, "length", "106 km")  # E: arg-type
ProgressUpdate("2025-06-30", 152, "106 km")  # E: arg-type
ProgressUpdate("2025-06-30", "length", 106)  # E: arg-type
ProgressUpdate("2025-06-30", "length", usd)  # E: arg-type
ProgressUpdate("2025-06-30", "length", "106 km", sources=ints)  # E: arg-type

# Agreement dates are dates, ISO text or years; kinds members or their values.
ratified = TreatyAction("KZ", "ratification", "2024-05-01")
TreatyAction(860, ActionKind.RATIFICATION, 2024, sources=akorda)
TreatyAction(Country("UZ"), "signature", "2024", sources=[akorda])
TreatyAction(object(), "ratification", 2024)  # E: arg-type
TreatyAction(1.5, "ratification", 2024)  # E: arg-type
TreatyAction("KZ", 1, 2024)  # E: arg-type
TreatyAction("KZ", AgreementKind.TREATY, 2024)  # E: arg-type
TreatyAction("KZ", "ratification", 2024.0)  # E: arg-type
TreatyAction("KZ", "ratification", None)  # E: arg-type
TreatyAction("KZ", "ratification", 2024, sources=ints)  # E: arg-type

treaty = Agreement(
    "Treaty on allied relations",
    ["KZ", 860],
    AgreementKind.TREATY,
    signed="2024",
    in_force=dt.date(2024, 5, 1),
    ends=2034,
    terminated=None,
    sources=[akorda],
    actions=[ratified],
    note="ratified by both",
)
Agreement("Roadmap", kz_uz, "roadmap", signed="2024-04-10", actions=ratified)
Agreement("Roadmap", (Country("KZ"), 860), "roadmap", sources=akorda)
Agreement(123, 456, object())  # E: arg-type
Agreement(123, kz_uz, "treaty")  # E: arg-type
Agreement("Treaty", kz_uz, "treaty", sources=ints)  # E: arg-type
Agreement("Treaty", anything, "treaty")  # E: arg-type
Agreement("Treaty", kz_uz, ActionKind.SIGNATURE)  # E: arg-type
Agreement("Treaty", kz_uz, 3)  # E: arg-type
Agreement("Treaty", kz_uz, "treaty", signed=2024.5)  # E: arg-type
Agreement("Treaty", kz_uz, "treaty", in_force=[2024])  # E: arg-type
Agreement("Treaty", kz_uz, "treaty", ends=object())  # E: arg-type
Agreement("Treaty", kz_uz, "treaty", terminated=dt.time(12))  # E: arg-type
Agreement("Treaty", kz_uz, "treaty", sources=akorda, actions="ratified")  # E: arg-type
Agreement("Treaty", kz_uz, "treaty", actions=ints)  # E: arg-type
Agreement("Treaty", kz_uz, "treaty", note=1)  # E: arg-type

Portfolio([railway, planned])
Portfolio(railway)
Portfolio()
Portfolio(ints)  # E: arg-type
Portfolio("railway")  # E: arg-type
Portfolio(usd)  # E: arg-type

# Collections held in variables of narrower types: lists and dicts are
# invariant, so an annotation of list[CountryLike] or dict[str, QuantityLike]
# would refuse them.
codes: list[str] = ["KZ", "UZ"]
numbers: list[int] = [398, 860]
cited: list[Source] = [akorda]
topic_values: list[str] = ["trade", "water"]
text_measures: dict[str, str] = {"length": "152 km"}
updates: list[ProgressUpdate] = [update]
Project("Railway", codes, "planned", measures=text_measures, updates=updates)
Project("Railway", numbers, "planned", sources=cited)
Meeting(2024, [tokayev], topic_values, sources=cited)
Agreement("Treaty", numbers, "treaty", sources=cited)
TreatyAction("KZ", "signature", 2024, sources=cited)
ProgressUpdate("2025-06-30", "length", "106 km", sources=cited)
Dossier("Dossier", codes, sources=cited)

# Sequences are lists or tuples; a list of ints goes nowhere.
Dossier(
    "Kazakhstan and Uzbekistan",
    ["KZ", 860],
    agreements=[treaty],
    projects=(railway, planned),
    events=[Meeting(2024, tokayev, [Topic.TRADE])],
    sources=[akorda],
    relationship="strategic partners",
    officials=[tokayev],
    note="first dossier",
)
Dossier(5, kz_uz)  # E: arg-type
Dossier("Dossier", object())  # E: arg-type
Dossier("Dossier", anything)  # E: arg-type
Dossier("Dossier", kz_uz, agreements=ints)  # E: arg-type
Dossier("Dossier", kz_uz, projects=ints)  # E: arg-type
Dossier("Dossier", kz_uz, projects="railway")  # E: arg-type
Dossier("Dossier", kz_uz, targets=ints)  # E: arg-type
Dossier("Dossier", kz_uz, series=ints)  # E: arg-type
Dossier("Dossier", kz_uz, events=ints)  # E: arg-type
Dossier("Dossier", kz_uz, sources=ints)  # E: arg-type
Dossier("Dossier", kz_uz, relationship=5)  # E: arg-type
Dossier("Dossier", kz_uz, officials=texts)  # E: arg-type
Dossier("Dossier", kz_uz, note=["a note"])  # E: arg-type
Dossier("Dossier", kz_uz, claims=ints)  # E: arg-type
