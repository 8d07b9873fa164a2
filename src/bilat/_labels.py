"""Fixed labels of reports, in English, Russian, Kazakh and Uzbek.

Country names, numbers and currencies come from CLDR through babel; only the
report's own words are kept here. Kazakh and Uzbek tables cover the
headings; their other labels fall back to Russian, which both countries use
in official statistics, and any other language falls back to English.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from bilat._locale import LocaleLike, get_locale

__all__ = ["LABELS", "label"]

_EN: Final = {
    "report": "Progress report",
    "as_of": "as of",
    "parties": "Parties",
    "relationship": "Relationship",
    "agreements": "Agreements",
    "kind": "kind",
    "status": "Status",
    "signed": "signed",
    "in_force": "in force",
    "projects": "Projects",
    "count": "Count",
    "value": "Value",
    "total": "Total",
    "not_valued": "value not stated",
    "targets": "Targets",
    "target": "Target",
    "deadline": "deadline",
    "no_deadline": "no deadline",
    "series": "Series",
    "reporter": "reported by",
    "year": "Year",
    "current": "Current",
    "share": "Share of target",
    "gap": "Gap",
    "actual_cagr": "Actual growth a year",
    "required_cagr": "Required growth a year",
    "growth_ratio": "Growth ratio",
    "eta": "Reached at this pace",
    "meetings": "Meetings",
    "topics": "topics",
    "participants": "participants",
    "sources": "Sources",
    "source": "source",
    "completion": "completion",
    "none": "none",
    "unknown_date": "date unknown",
    "not_convertible": "not convertible to {currency} without exchange rates",
    # ProjectStatus
    "planned": "planned",
    "underway": "underway",
    "completed": "completed",
    "suspended": "suspended",
    "cancelled": "cancelled",
    # AgreementStatus
    "proposed": "proposed",
    "expired": "expired",
    "terminated": "terminated",
    # ProgressStatus
    "achieved": "achieved",
    "on_track": "on track",
    "needs_acceleration": "needs acceleration",
    "off_track": "off track",
    "regressing": "regressing",
    "insufficient_data": "insufficient data",
    "not_measured": "not measured",
    "no_rate": "no exchange rate from {base} to {quote}",
}

_RU: Final = {
    "report": "Отчёт о ходе выполнения",
    "as_of": "на",
    "parties": "Стороны",
    "relationship": "Характер отношений",
    "agreements": "Соглашения",
    "kind": "вид",
    "status": "Статус",
    "signed": "подписано",
    "in_force": "в силе",
    "projects": "Проекты",
    "count": "Количество",
    "value": "Стоимость",
    "total": "Итого",
    "not_valued": "стоимость не указана",
    "targets": "Цели",
    "target": "Цель",
    "deadline": "срок",
    "no_deadline": "без срока",
    "series": "Ряд данных",
    "reporter": "по данным",
    "year": "Год",
    "current": "Текущее значение",
    "share": "Доля от цели",
    "gap": "Разрыв",
    "actual_cagr": "Фактический рост в год",
    "required_cagr": "Необходимый рост в год",
    "growth_ratio": "Коэффициент роста",
    "eta": "Достижение при текущем темпе",
    "meetings": "Встречи",
    "topics": "темы",
    "participants": "участники",
    "sources": "Источники",
    "source": "источник",
    "completion": "готовность",
    "none": "нет",
    "unknown_date": "дата неизвестна",
    "not_convertible": "не пересчитывается в {currency} без курсов валют",
    "planned": "планируется",
    "underway": "реализуется",
    "completed": "завершён",
    "suspended": "приостановлен",
    "cancelled": "отменён",
    "proposed": "предложено",
    "expired": "истекло",
    "terminated": "прекращено",
    "achieved": "достигнута",
    "on_track": "в графике",
    "needs_acceleration": "нужно ускорение",
    "off_track": "отставание",
    "regressing": "регресс",
    "insufficient_data": "недостаточно данных",
    "not_measured": "не измерено",
    "no_rate": "нет обменного курса {base} → {quote}",
}

_KK: Final = {
    "report": "Орындалу барысы туралы есеп",
    "as_of": "жағдай бойынша",
    "parties": "Тараптар",
    "agreements": "Келісімдер",
    "status": "Мәртебесі",
    "projects": "Жобалар",
    "count": "Саны",
    "value": "Құны",
    "total": "Барлығы",
    "targets": "Мақсаттар",
    "target": "Мақсат",
    "year": "Жыл",
    "meetings": "Кездесулер",
    "sources": "Дереккөздер",
    "planned": "жоспарланған",
    "underway": "іске асырылуда",
    "completed": "аяқталған",
}

_UZ: Final = {
    "report": "Bajarilish holati haqida hisobot",
    "parties": "Tomonlar",
    "agreements": "Kelishuvlar",
    "status": "Holati",
    "projects": "Loyihalar",
    "count": "Soni",
    "value": "Qiymati",
    "total": "Jami",
    "targets": "Maqsadlar",
    "target": "Maqsad",
    "year": "Yil",
    "meetings": "Uchrashuvlar",
    "sources": "Manbalar",
    "planned": "rejalashtirilgan",
    "underway": "amalga oshirilmoqda",
    "completed": "yakunlangan",
}

LABELS: Final[Mapping[str, Mapping[str, str]]] = MappingProxyType(
    {"en": _EN, "ru": _RU, "kk": _KK, "uz": _UZ}
)


def label(key: str, locale: LocaleLike = "en") -> str:
    """The report label ``key`` in ``locale``.

    Example:
        >>> from bilat._labels import label
        >>> label("projects", "ru"), label("projects", "kk"), label("gap", "kk")
        ('Проекты', 'Жобалар', 'Разрыв')
    """
    language = get_locale(locale).language
    for table in _CHAINS.get(language, (_EN,)):
        if key in table:
            return table[key]
    return _EN[key]


_CHAINS: Final = {
    "en": (_EN,),
    "ru": (_RU, _EN),
    "kk": (_KK, _RU, _EN),
    "uz": (_UZ, _RU, _EN),
}
