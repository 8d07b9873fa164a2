"""Fixed labels of reports, in English, Russian, Kazakh and Uzbek, and how text shows.

Country names, numbers and currencies come from CLDR through babel; only the
report's own words are kept here. Kazakh and Uzbek tables cover the
headings; their other labels fall back to Russian, which both countries use
in official statistics, and any other language falls back to English.

:func:`visible` is the one rule for text a report or a notebook table shows:
it keeps every character that shows as itself and escapes the controls that
would act on a terminal or reorder the text around them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Final

from bilat._locale import LocaleLike, get_locale

__all__ = [
    "LABELS",
    "ControlTable",
    "is_control",
    "label",
    "out_of_range_text",
    "replace_controls",
    "visible",
]

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
    # An agreement's status with the date behind it
    "signed_on": "signed {date}",
    "in_force_since": "in force since {date}",
    "expired_after": "expired; in force until {date}",
    "terminated_on": "terminated {date}",
    "note": "note",
    # ActionKind
    "action_signature": "signature",
    "action_ratification": "ratification",
    "action_acceptance": "acceptance",
    "action_approval": "approval",
    "action_accession": "accession",
    "action_entry_into_force": "entry into force",
    "action_denunciation": "denunciation",
    "action_withdrawal": "withdrawal",
    # ProgressStatus
    "achieved": "achieved",
    "on_track": "on track",
    "needs_acceleration": "needs acceleration",
    "off_track": "off track",
    "regressing": "regressing",
    "insufficient_data": "insufficient data",
    "not_measured": "not measured",
    "no_rate": "no exchange rate from {base} to {quote}",
    "no_series": "no series of these parties and metric",
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
    "base": "base",
    "not_comparable": "values in {base}, the target in {quote}",
    "number": "plain numbers",
    # Claims, measures and trade metrics
    "claims": "Stated figures",
    "conflict": "figures disagree",
    "figure": "Figure",
    "said_by": "Said by",
    "stated": "Stated",
    "figure_used": "figure used: {figure} — {reason}",
    "figure_used_mark": "the figure a year's value is taken from",
    "reason_only": "the only figure for that year",
    "reason_reporter": "the reporter's own figure",
    "reason_exact": "an exact figure rather than an estimate",
    "reason_latest": "the latest statement",
    "reason_only_dated": "the only dated statement",
    "reason_earliest": "the earliest statement",
    "reason_precise": "the most precise figure",
    "reason_order": "equal on every rule; the first in bilat's order",
    "approximate": "approximate",
    "done_of": "{done} of {total}",
    "turnover": "turnover",
    "exports": "exports",
    "imports": "imports",
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
    "signed_on": "подписано {date}",
    "in_force_since": "действует с {date}",
    "expired_after": "истекло; действовало по {date}",
    "terminated_on": "прекращено {date}",
    "note": "примечание",
    "action_signature": "подписание",
    "action_ratification": "ратификация",
    "action_acceptance": "принятие",
    "action_approval": "утверждение",
    "action_accession": "присоединение",
    "action_entry_into_force": "вступление в силу",
    "action_denunciation": "денонсация",
    "action_withdrawal": "выход",
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
    "base": "база",
    "not_comparable": "единицы значений: {base}; единицы цели: {quote}",
    "number": "числа",
    # Claims, measures and trade metrics
    "claims": "Заявленные показатели",
    "conflict": "показатели расходятся",
    "figure": "Показатель",
    "said_by": "Кто заявил",
    "stated": "Когда",
    "figure_used": "использован показатель: {figure} — {reason}",
    "figure_used_mark": "показатель, взятый для значения года",
    "reason_only": "единственный показатель за этот год",
    "reason_reporter": "собственные данные отчитывающейся страны",
    "reason_exact": "точное значение, а не оценка",
    "reason_latest": "самое позднее заявление",
    "reason_only_dated": "единственное датированное заявление",
    "reason_earliest": "самое раннее заявление",
    "reason_precise": "самый точный показатель",
    "reason_order": "равны по всем правилам; первый в порядке bilat",
    "approximate": "приблизительно",
    "done_of": "{done} из {total}",
    "turnover": "товарооборот",
    "exports": "экспорт",
    "imports": "импорт",
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
    # Agreements and treaty actions
    "source": "дереккөз",
    "unknown_date": "күні белгісіз",
    "proposed": "ұсынылған",
    "signed": "қол қойылған",
    "in_force": "күшінде",
    "expired": "мерзімі өткен",
    "terminated": "тоқтатылған",
    "signed_on": "қол қойылған күні: {date}",
    "in_force_since": "күшінде, күшіне енген күні: {date}",
    "expired_after": "мерзімі өткен, соңғы қолданылған күні: {date}",
    "terminated_on": "тоқтатылған күні: {date}",
    "note": "ескертпе",
    "action_signature": "қол қою",
    "action_ratification": "ратификациялау",
    "action_acceptance": "қабылдау",
    "action_approval": "бекіту",
    "action_accession": "қосылу",
    "action_entry_into_force": "күшіне ену",
    "action_denunciation": "денонсациялау",
    "action_withdrawal": "шығу",
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
    "base": "база",
    "not_comparable": "мәндердің бірлігі: {base}; мақсаттың бірлігі: {quote}",
    "number": "сандар",
    # Claims, measures and trade metrics
    "claims": "Мәлімделген көрсеткіштер",
    "conflict": "көрсеткіштер сәйкес келмейді",
    "figure": "Көрсеткіш",
    "said_by": "Кім мәлімдеді",
    "stated": "Қашан",
    "figure_used": "пайдаланылған көрсеткіш: {figure} — {reason}",
    "figure_used_mark": "жыл мәні алынған көрсеткіш",
    "reason_only": "сол жылғы жалғыз көрсеткіш",
    "reason_reporter": "есеп беруші елдің өз көрсеткіші",
    "reason_exact": "бағалау емес, нақты көрсеткіш",
    "reason_latest": "ең соңғы мәлімдеме",
    "reason_only_dated": "күні көрсетілген жалғыз мәлімдеме",
    "reason_earliest": "ең алғашқы мәлімдеме",
    "reason_precise": "ең дәл көрсеткіш",
    "reason_order": "барлық ереже бойынша тең; bilat тәртібі бойынша бірінші",
    "approximate": "шамамен",
    "done_of": "{done} ({total} ішінен)",
    "turnover": "тауар айналымы",
    "exports": "экспорт",
    "imports": "импорт",
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
    # Agreements and treaty actions
    "source": "manba",
    "unknown_date": "sanasi noma’lum",
    "proposed": "taklif etilgan",
    "signed": "imzolangan",
    "in_force": "kuchda",
    "expired": "muddati tugagan",
    "terminated": "to‘xtatilgan",
    "signed_on": "imzolangan sana: {date}",
    "in_force_since": "kuchda, kuchga kirgan sana: {date}",
    "expired_after": "muddati tugagan, amal qilgan oxirgi kun: {date}",
    "terminated_on": "to‘xtatilgan sana: {date}",
    "note": "izoh",
    "action_signature": "imzolash",
    "action_ratification": "ratifikatsiya qilish",
    "action_acceptance": "qabul qilish",
    "action_approval": "tasdiqlash",
    "action_accession": "qo‘shilish",
    "action_entry_into_force": "kuchga kirish",
    "action_denunciation": "denonsatsiya qilish",
    "action_withdrawal": "chiqish",
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
    "base": "baza",
    "not_comparable": "qiymatlar birligi: {base}; maqsad birligi: {quote}",
    "number": "sonlar",
    # Claims, measures and trade metrics
    "claims": "Bayon qilingan ko‘rsatkichlar",
    "conflict": "ko‘rsatkichlar bir-biriga mos kelmaydi",
    "figure": "Ko‘rsatkich",
    "said_by": "Kim bayon qilgan",
    "stated": "Qachon",
    "figure_used": "foydalanilgan ko‘rsatkich: {figure} — {reason}",
    "figure_used_mark": "yil qiymati olingan ko‘rsatkich",
    "reason_only": "o‘sha yil uchun yagona ko‘rsatkich",
    "reason_reporter": "hisobot beruvchi mamlakatning o‘z ko‘rsatkichi",
    "reason_exact": "taxminiy emas, aniq ko‘rsatkich",
    "reason_latest": "eng so‘nggi bayonot",
    "reason_only_dated": "sanasi ko‘rsatilgan yagona bayonot",
    "reason_earliest": "eng birinchi bayonot",
    "reason_precise": "eng aniq ko‘rsatkich",
    "reason_order": "barcha qoidalar bo‘yicha teng; bilat tartibida birinchi",
    "approximate": "taxminan",
    "done_of": "{done} ({total} dan)",
    "turnover": "tovar aylanmasi",
    "exports": "eksport",
    "imports": "import",
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


# -- text as shown ---------------------------------------------------------------------

#: Unicode categories of characters that act instead of showing: controls
#: (C0, DEL, C1), format characters (bidi embeddings, overrides and
#: isolates, invisible operators, tags), lone surrogates, and the line and
#: paragraph separators.
_ACTING: Final = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})

#: Format characters that stay: the soft hyphen, the zero-width non-joiner
#: and joiner (which Persian, the Indic scripts and emoji sequences need),
#: and the implicit direction marks LRM, RLM and ALM, which act as one
#: invisible letter and reorder nothing beyond it (CLDR's number and date
#: formats hold them).
_KEPT: Final = frozenset("\u00ad\u200c\u200d\u200e\u200f\u061c")

#: What :meth:`str.splitlines` takes for a line break, and the tab.
_SPACES: Final = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029\t")

# An emoji flag of a region (England, Scotland, Wales): a black flag, tag
# letters and a cancel tag. The tags are format characters, kept in a flag.
_FLAG: Final = re.compile("(\U0001f3f4[\U000e0020-\U000e007e]+\U000e007f)")

#: Characters a :class:`ControlTable` remembers at most (the rest it works out
#: each time), so text of every code point cannot fill memory.
_TABLE_LIMIT: Final = 65536


def is_control(char: str) -> bool:
    r"""Whether ``char`` is a character that :func:`visible` escapes or blanks.

    Example:
        >>> from bilat._labels import is_control
        >>> is_control("\x1b"), is_control("\u202e"), is_control("\u200d")
        (True, True, False)
    """
    return unicodedata.category(char) in _ACTING and char not in _KEPT


class ControlTable(dict[int, str]):
    r"""A :meth:`str.translate` table: ``replace(char)`` for each control.

    The controls are the characters :func:`is_control` names; every other
    character maps to itself. Entries are made as characters are met.

    Example:
        >>> from bilat._labels import ControlTable
        >>> "a\x1bb".translate(ControlTable(lambda char: "?"))
        'a?b'
    """

    def __init__(self, replace: Callable[[str], str]) -> None:
        super().__init__()
        self._replace = replace

    def __missing__(self, code: int) -> str:
        char = chr(code)
        shown = self._replace(char) if is_control(char) else char
        if len(self) < _TABLE_LIMIT:
            self[code] = shown
        return shown


def replace_controls(text: str, table: ControlTable) -> str:
    r"""``text`` translated by ``table``, with emoji flags of regions kept whole.

    This is the rule behind :func:`visible` and the escapes of JSON reports.

    Example:
        >>> from bilat._labels import ControlTable, replace_controls
        >>> replace_controls("a\u202eb", ControlTable(lambda char: "?"))
        'a?b'
    """
    if text.isprintable():  # no control, format character or break at all
        return text
    if "\U0001f3f4" not in text:
        return text.translate(table)
    # split() with a group: flags at the odd places, text between them
    parts = _FLAG.split(text)
    return "".join(
        part if i % 2 else part.translate(table) for i, part in enumerate(parts)
    )


def _escape(char: str) -> str:
    if char in _SPACES:
        return " "
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


_VISIBLE: Final = ControlTable(_escape)


def visible(text: str) -> str:
    r"""``text`` as one line that shows each of its characters as itself.

    Line breaks (``\n``, ``\r``, ``\r\n``, U+2028, U+2029 and every other
    break :meth:`str.splitlines` knows) and tabs become one space each.
    Every other character that would act rather than show is written as
    its Python escape: C0 and C1 controls and DEL (``\x1b``, ``\x08``,
    ``\x9b``), format characters such as the bidi embeddings, overrides
    and isolates (``\u202e``, ``\u2066``) and tags, and lone surrogates.
    So text cannot move a terminal's cursor, recolour or clear it, overwrite
    a line, add a line, or reverse the text around it. Kept as they are:
    every letter, mark, digit, symbol and space (Cyrillic, ``ʻ``, CJK,
    emoji, no-break spaces), the zero-width joiner and non-joiner, the soft
    hyphen, the direction marks LRM, RLM and ALM, emoji flags of regions,
    and private-use and unassigned code points, which act on nothing. A
    backslash is not escaped, so ``\x1b`` typed as four characters shows
    as written too.

    Example:
        >>> from bilat._labels import visible
        >>> print(visible("\x1b[2J\x1b[31mFAKE\roops\u202eabc\ndone"))
        \x1b[2J\x1b[31mFAKE oops\u202eabc done
        >>> visible("Oʻzbekiston — Ташкент 👩\u200d💻") == "Oʻzbekiston — Ташкент 👩\u200d💻"
        True
    """
    return replace_controls(text.replace("\r\n", "\n"), _VISIBLE)
