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

__all__ = ["LABELS", "label", "out_of_range_text"]

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
    # Figures beyond bilat's range (Progress.out_of_range)
    "planned_cagr": "Planned growth a year",
    "projected": "Projected at the deadline",
    "anticipated": "Anticipated progress",
    "out_of_range": "not computed, beyond the numbers bilat holds",
    "too_large": "too large",
    "too_small": "too small",
    "too_many_digits": "more than 100 digits",
    "after_last_year": "after 9999",
    "converted_out_of_range": (
        "a value converted from {base} to {quote} is beyond the numbers bilat holds"
    ),
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
    "planned_cagr": "Плановый рост в год",
    "projected": "Прогноз к сроку",
    "anticipated": "Ожидаемый прогресс",
    "out_of_range": "не рассчитано, вне диапазона чисел bilat",
    "too_large": "слишком велико",
    "too_small": "слишком мало",
    "too_many_digits": "более 100 цифр",
    "after_last_year": "после 9999 года",
    "converted_out_of_range": (
        "значение в пересчёте из {base} в {quote} вне диапазона чисел bilat"
    ),
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
    "planned_cagr": "Жоспарлы жылдық өсім",
    "projected": "Мерзімге болжам",
    "anticipated": "Күтілетін прогресс",
    "out_of_range": "есептелмеді, bilat сандарының ауқымынан тыс",
    "too_large": "тым үлкен",
    "too_small": "тым кіші",
    "too_many_digits": "100-ден астам цифр",
    "after_last_year": "9999 жылдан кейін",
    "converted_out_of_range": (
        "{base} валютасынан {quote} валютасына аударылған мән bilat сандарының "
        "ауқымынан тыс"
    ),
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
    "planned_cagr": "Rejadagi yillik o‘sish",
    "projected": "Muddatga prognoz",
    "anticipated": "Kutilayotgan natija",
    "out_of_range": "hisoblanmadi, bilat sonlari oralig‘idan tashqarida",
    "too_large": "juda katta",
    "too_small": "juda kichik",
    "too_many_digits": "100 tadan ortiq raqam",
    "after_last_year": "9999-yildan keyin",
    "converted_out_of_range": (
        "{base} dan {quote} ga o‘tkazilgan qiymat bilat sonlari oralig‘idan tashqarida"
    ),
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


def out_of_range_text(
    reasons: Mapping[str, str], locale: LocaleLike = "en", *, heading: bool = True
) -> str | None:
    """Which figures of a Progress are beyond bilat's range, and why, or None.

    ``reasons`` is :attr:`Progress.out_of_range`: a figure's name and
    ``"too_large"``, ``"too_small"`` or ``"too_many_digits"``. With
    ``heading=False`` the list comes without the words that introduce it.

    Example:
        >>> from bilat._labels import out_of_range_text
        >>> out_of_range_text({"projected": "too_large", "eta": "too_large"})
        'not computed, beyond the numbers bilat holds: Projected at the deadline (too large), Reached at this pace (after 9999)'
        >>> out_of_range_text({}) is None
        True
    """
    if not reasons:
        return None
    parts = []
    for figure, reason in reasons.items():
        why = "after_last_year" if figure == "eta" and reason == "too_large" else reason
        parts.append(f"{label(figure, locale)} ({label(why, locale)})")
    listed = ", ".join(parts)
    return f"{label('out_of_range', locale)}: {listed}" if heading else listed


_CHAINS: Final = {
    "en": (_EN,),
    "ru": (_RU, _EN),
    "kk": (_KK, _RU, _EN),
    "uz": (_UZ, _RU, _EN),
}
