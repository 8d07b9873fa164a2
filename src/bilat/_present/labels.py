"""Fixed labels of reports, in English, Russian, Kazakh and Uzbek, and how text shows.

Country names, numbers and currencies come from CLDR through babel; only the
report's own words are kept here, complete in English, Russian, Kazakh
(Cyrillic) and Uzbek (Latin); any other language falls back to English words
while its numbers, dates and names still come from CLDR. A count is written
with the noun's form for the CLDR plural category of the number
(:func:`counted`): "1 project", "2 projects"; "21 проект", "22 проекта",
"25 проектов".

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

from babel.numbers import format_decimal

from bilat._locale import LocaleLike, get_locale

__all__ = [
    "COUNTED",
    "LABELS",
    "ControlTable",
    "counted",
    "is_control",
    "label",
    "out_of_range_text",
    "plural_category",
    "replace_controls",
    "visible",
]

_EN: Final = {
    # Charts
    "chart_figures_used": "figures used",
    "chart_figures_used_by": "figures used ({who})",
    "chart_stated_by": "stated by {who}",
    "chart_other_sources": "stated by other sources",
    "chart_conflict": "years whose figures disagree",
    "chart_planned": "planned path from {year}",
    "chart_projected": "projected at the actual rate",
    "chart_band": "range of the projection (estimates)",
    "chart_target": "target {value}",
    "chart_deadline": "deadline {year}",
    "chart_as_of": "as of {when}",
    "chart_as_of_year": "as of {year}",
    "chart_status": "{status}, as of {year}",
    "chart_year": "Year",
    "chart_date": "Date",
    "chart_share": "Share of target reached",
    "chart_time_elapsed": "share of time elapsed",
    "chart_dashboard": "Targets: share reached and time elapsed, as of {year}",
    "chart_by_status": "Projects by status",
    "chart_by_sector": "Projects by sector",
    "chart_projects_count": "projects: {count}",
    "chart_value": "Value",
    "chart_value_in": "Value, {unit}",
    "chart_estimate_range": "range of the estimate",
    "chart_not_valued": "value not stated",
    "chart_no_sector": "sector not stated",
    "chart_status_axis": "Status",
    "chart_sector_axis": "Sector",
    "chart_timelines": "Project timelines",
    "chart_undated": "without dates, not shown: {count}",
    "chart_start": "start",
    "chart_end": "planned end",
    "chart_update": "progress update",
    "chart_done_axis": "{measure} done, {unit}",
    "chart_planned_measure": "planned {value}",
    "chart_done_share": "{share} done",
    "chart_no_update": "no progress reported",
    "chart_share_done": "Share done",
    "chart_not_measured": "not measured: {reason}",
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
    # Report lines as one phrase, in each language's word order
    "report_as_of": "Progress report, as of {date}",
    "series_by": "Series (reported by {reporter})",
    # A target's headline: the latest figure, share, gap, growth and status
    "headline": "{year}: {current}, reported by {who}",
    "headline_no_figure": "no figure by {year}",
    "share_of_target": "{share} of the target",
    "gap_of": "gap {gap}",
    "over_target": "{gap} above the target",
    "who_unknown": "an unnamed source",
    "needs_rate": "needs {rate} a year",
    "grew_since": "grew {rate} a year since {year}",
    "fell_since": "fell {rate} a year since {year}",
    "one_figure": "one figure only, no growth to compare",
    "status_as_of": "{status} as of {year}",
    "stale": "latest figure is from {year}, {age} before the report's date",
    "no_series_for": "no series of {subject} for {parties}",
    "outside_parties": "parties {parties} are not the dossier's parties",
    "converted_at": "amounts converted to {currency} at the rates of {date}",
    "not_converted": (
        "amounts in {base}, not converted to {quote}: "
        "no exchange rate from {base} to {quote}"
    ),
    # Topic of a meeting
    "topic_trade": "trade",
    "topic_economy": "economy",
    "topic_investment": "investment",
    "topic_industry": "industry",
    "topic_agriculture": "agriculture",
    "topic_energy": "energy",
    "topic_water": "water",
    "topic_transport": "transport",
    "topic_transit": "transit",
    "topic_digital": "digital",
    "topic_security": "security",
    "topic_culture": "culture",
    "topic_humanitarian": "humanitarian",
    "topic_education": "education",
    "topic_health": "health",
    "topic_other": "other",
    # AgreementKind
    "kind_treaty": "treaty",
    "kind_agreement": "agreement",
    "kind_memorandum": "memorandum",
    "kind_protocol": "protocol",
    "kind_programme": "programme",
    "kind_roadmap": "roadmap",
    "kind_joint_statement": "joint statement",
    "kind_declaration": "declaration",
    "kind_contract": "contract",
    "kind_other": "other",
    # The HTML page and notebook tables
    "charts_need_plot": (
        "The charts need the optional package {package}: install it with {command}."
    ),
    "as_of_day": "As of",
    "base_year": "Base year",
    "name": "Name",
    "sector": "Sector",
    "metric": "Metric",
    "subject": "Subject",
    "years": "Years",
    "latest_value": "Latest value",
    "reporter_heading": "Reporter",
    "treaty_actions": "Treaty actions",
    "several_currencies": "several currencies",
    "projects_in_lines": "{projects} in {lines}",
    "progress_caption": "{parties} {subject}: target {value} by {deadline} — {status}",
    "progress_caption_open": "{parties} {subject}: target {value} — {status}",
    # Tables of a report (projects, agreements) and citations
    "table_project": "Project",
    "table_completion": "Completion",
    "table_start": "Start",
    "table_end": "End",
    "table_title": "Title",
    "table_kind": "Kind",
    "table_signed": "Signed",
    "table_in_force": "In force since",
    "accessed_on": "accessed {date}",
    "stated_in": "stated {date}",
}

_RU: Final = {
    # Charts
    "chart_figures_used": "принятые значения",
    "chart_figures_used_by": "принятые значения ({who})",
    "chart_stated_by": "заявлено: {who}",
    "chart_other_sources": "другие источники",
    "chart_conflict": "годы с расходящимися данными",
    "chart_planned": "плановая траектория с {year} г.",
    "chart_projected": "прогноз при фактическом темпе",
    "chart_band": "диапазон прогноза (оценки)",
    "chart_target": "цель {value}",
    "chart_deadline": "срок {year}",
    "chart_as_of": "по состоянию на {when}",
    "chart_as_of_year": "по состоянию на {year} г.",
    "chart_status": "{status} (по состоянию на {year} г.)",
    "chart_year": "Год",
    "chart_date": "Дата",
    "chart_share": "Доля выполнения цели",
    "chart_time_elapsed": "доля прошедшего времени",
    "chart_dashboard": "Цели: выполнение и прошедшее время на {year} г.",
    "chart_by_status": "Проекты по статусу",
    "chart_by_sector": "Проекты по отраслям",
    "chart_projects_count": "проекты: {count}",
    "chart_value": "Стоимость",
    "chart_value_in": "Стоимость, {unit}",
    "chart_estimate_range": "диапазон оценки",
    "chart_not_valued": "стоимость не указана",
    "chart_no_sector": "отрасль не указана",
    "chart_status_axis": "Статус",
    "chart_sector_axis": "Отрасль",
    "chart_timelines": "Сроки проектов",
    "chart_undated": "без дат, не показаны: {count}",
    "chart_start": "начало",
    "chart_end": "плановое окончание",
    "chart_update": "данные о ходе работ",
    "chart_done_axis": "{measure}: выполнено, {unit}",
    "chart_planned_measure": "по плану {value}",
    "chart_done_share": "выполнено {share}",
    "chart_no_update": "данных о ходе работ нет",
    "chart_share_done": "Доля выполнения",
    "chart_not_measured": "не измерено: {reason}",
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
    # Labels the table lacked
    "no_series": "нет ряда данных по этим сторонам и показателю",
    # Report lines as one phrase, in each language's word order
    "report_as_of": "Отчёт о ходе выполнения на {date}",
    "series_by": "Ряд данных (по данным: {reporter})",
    # A target's headline: the latest figure, share, gap, growth and status
    "headline": "{year}: {current}, по данным: {who}",
    "headline_no_figure": "нет данных на {year} год",
    "share_of_target": "{share} от цели",
    "gap_of": "разрыв {gap}",
    "over_target": "на {gap} выше цели",
    "who_unknown": "не указано",
    "needs_rate": "нужен рост {rate} в год",
    "grew_since": "рост {rate} в год с {year} года",
    "fell_since": "снижение {rate} в год с {year} года",
    "one_figure": "только одно значение, рост не с чем сравнить",
    "status_as_of": "{status} по данным за {year} год",
    "stale": "последние данные — за {year} год, за {age} до даты отчёта",
    "no_series_for": "нет ряда данных по показателю «{subject}» ({parties})",
    "outside_parties": "стороны {parties} не являются сторонами досье",
    "converted_at": "суммы пересчитаны в {currency} по курсам на {date}",
    "not_converted": (
        "суммы в {base}, не пересчитаны в {quote}: нет обменного курса {base} → {quote}"
    ),
    # Topic of a meeting
    "topic_trade": "торговля",
    "topic_economy": "экономика",
    "topic_investment": "инвестиции",
    "topic_industry": "промышленность",
    "topic_agriculture": "сельское хозяйство",
    "topic_energy": "энергетика",
    "topic_water": "водные ресурсы",
    "topic_transport": "транспорт",
    "topic_transit": "транзит",
    "topic_digital": "цифровизация",
    "topic_security": "безопасность",
    "topic_culture": "культура",
    "topic_humanitarian": "гуманитарное сотрудничество",
    "topic_education": "образование",
    "topic_health": "здравоохранение",
    "topic_other": "другое",
    # AgreementKind
    "kind_treaty": "договор",
    "kind_agreement": "соглашение",
    "kind_memorandum": "меморандум",
    "kind_protocol": "протокол",
    "kind_programme": "программа",
    "kind_roadmap": "дорожная карта",
    "kind_joint_statement": "совместное заявление",
    "kind_declaration": "декларация",
    "kind_contract": "контракт",
    "kind_other": "другое",
    # The HTML page and notebook tables
    "charts_need_plot": (
        "Для графиков нужен дополнительный пакет {package}: "
        "установите его командой {command}."
    ),
    "as_of_day": "По состоянию на",
    "base_year": "Базовый год",
    "name": "Название",
    "sector": "Отрасль",
    "metric": "Показатель",
    "subject": "Предмет",
    "years": "Годы",
    "latest_value": "Последнее значение",
    "reporter_heading": "Источник данных",
    "treaty_actions": "Договорные действия",
    "several_currencies": "несколько валют",
    "projects_in_lines": "{projects} ({lines})",
    "progress_caption": "{parties}, {subject}: цель {value} к {deadline} г. — {status}",
    "progress_caption_open": "{parties}, {subject}: цель {value} — {status}",
    # Tables of a report (projects, agreements) and citations
    "table_project": "Проект",
    "table_completion": "Готовность",
    "table_start": "Начало",
    "table_end": "Окончание",
    "table_title": "Название",
    "table_kind": "Вид",
    "table_signed": "Подписано",
    "table_in_force": "В силе с",
    "accessed_on": "дата обращения {date}",
    "stated_in": "заявлено {date}",
}

_KK: Final = {
    # Charts
    "chart_figures_used": "қабылданған мәндер",
    "chart_figures_used_by": "қабылданған мәндер ({who})",
    "chart_stated_by": "мәлімдеген: {who}",
    "chart_other_sources": "басқа дереккөздер",
    "chart_conflict": "деректері сәйкес келмейтін жылдар",
    "chart_planned": "{year} жылдан бастап жоспарлы жол",
    "chart_projected": "нақты қарқынмен болжам",
    "chart_band": "болжам ауқымы (бағалаулар)",
    "chart_target": "мақсат {value}",
    "chart_deadline": "мерзімі {year}",
    "chart_as_of": "{when} жағдай бойынша",
    "chart_as_of_year": "{year} жылғы жағдай",
    "chart_status": "{status} ({year} жылғы жағдай)",
    "chart_year": "Жыл",
    "chart_date": "Күні",
    "chart_share": "Мақсаттың орындалу үлесі",
    "chart_time_elapsed": "өткен уақыт үлесі",
    "chart_dashboard": "Мақсаттар: {year} жылғы орындалуы және өткен уақыт",
    "chart_by_status": "Жобалар мәртебесі бойынша",
    "chart_by_sector": "Жобалар салалар бойынша",
    "chart_projects_count": "жобалар: {count}",
    "chart_value": "Құны",
    "chart_value_in": "Құны, {unit}",
    "chart_estimate_range": "бағалау ауқымы",
    "chart_not_valued": "құны көрсетілмеген",
    "chart_no_sector": "саласы көрсетілмеген",
    "chart_status_axis": "Мәртебесі",
    "chart_sector_axis": "Сала",
    "chart_timelines": "Жобалардың мерзімдері",
    "chart_undated": "күні жоқ, көрсетілмеген: {count}",
    "chart_start": "басталуы",
    "chart_end": "жоспарлы аяқталуы",
    "chart_update": "жұмыс барысы туралы дерек",
    "chart_done_axis": "{measure}: орындалғаны, {unit}",
    "chart_planned_measure": "жоспар бойынша {value}",
    "chart_done_share": "{share} орындалды",
    "chart_no_update": "жұмыс барысы туралы дерек жоқ",
    "chart_share_done": "Орындалу үлесі",
    "chart_not_measured": "өлшенбеген: {reason}",
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
    # Labels the table lacked
    "relationship": "Қарым-қатынас сипаты",
    "kind": "түрі",
    "not_valued": "құны көрсетілмеген",
    "deadline": "мерзімі",
    "no_deadline": "мерзімсіз",
    "series": "Деректер қатары",
    "reporter": "дерек беруші",
    "current": "Ағымдағы мән",
    "share": "Мақсаттың орындалуы",
    "gap": "Алшақтық",
    "actual_cagr": "Нақты жылдық өсім",
    "required_cagr": "Қажетті жылдық өсім",
    "growth_ratio": "Өсу коэффициенті",
    "eta": "Осы қарқынмен жететін жыл",
    "topics": "тақырыптар",
    "participants": "қатысушылар",
    "completion": "орындалуы",
    "none": "жоқ",
    "not_convertible": "айырбас бағамдарынсыз {currency} валютасына аударылмайды",
    "suspended": "тоқтатыла тұрған",
    "cancelled": "күші жойылған",
    "achieved": "қол жеткізілді",
    "on_track": "жоспар бойынша",
    "needs_acceleration": "жеделдету қажет",
    "off_track": "артта қалуда",
    "regressing": "кері кетуде",
    "insufficient_data": "деректер жеткіліксіз",
    "not_measured": "өлшенбеді",
    "no_rate": "{base} → {quote} айырбас бағамы жоқ",
    "no_series": "осы тараптар мен көрсеткіш бойынша деректер қатары жоқ",
    # Report lines as one phrase, in each language's word order
    "report_as_of": "Орындалу барысы туралы есеп ({date} жағдай бойынша)",
    "series_by": "Деректер қатары (дерек беруші: {reporter})",
    # A target's headline: the latest figure, share, gap, growth and status
    "headline": "{year}: {current}, дерек беруші: {who}",
    "headline_no_figure": "{year} жылға дейін дерек жоқ",
    "share_of_target": "мақсаттың орындалуы: {share}",
    "gap_of": "алшақтық: {gap}",
    "over_target": "мақсаттан {gap} асып түсті",
    "who_unknown": "көрсетілмеген",
    "needs_rate": "жылына {rate} өсім қажет",
    "grew_since": "{year} жылдан бері жылына {rate} өсті",
    "fell_since": "{year} жылдан бері жылына {rate} төмендеді",
    "one_figure": "тек бір мән бар, өсімді салыстыруға болмайды",
    "status_as_of": "{status} ({year} жылғы дерек бойынша)",
    "stale": "соңғы дерек {year} жылғы, есеп күнінен {age} бұрын",
    "no_series_for": "{subject} бойынша деректер қатары жоқ ({parties})",
    "outside_parties": "{parties} тараптары досьенің тараптары емес",
    "converted_at": "сомалар {date} бағамы бойынша {currency} валютасына аударылды",
    "not_converted": (
        "сомалар {base} валютасында, {quote} валютасына аударылмады: "
        "{base} → {quote} айырбас бағамы жоқ"
    ),
    # Topic of a meeting
    "topic_trade": "сауда",
    "topic_economy": "экономика",
    "topic_investment": "инвестициялар",
    "topic_industry": "өнеркәсіп",
    "topic_agriculture": "ауыл шаруашылығы",
    "topic_energy": "энергетика",
    "topic_water": "су ресурстары",
    "topic_transport": "көлік",
    "topic_transit": "транзит",
    "topic_digital": "цифрландыру",
    "topic_security": "қауіпсіздік",
    "topic_culture": "мәдениет",
    "topic_humanitarian": "гуманитарлық ынтымақтастық",
    "topic_education": "білім беру",
    "topic_health": "денсаулық сақтау",
    "topic_other": "басқа",
    # AgreementKind
    "kind_treaty": "шарт",
    "kind_agreement": "келісім",
    "kind_memorandum": "меморандум",
    "kind_protocol": "хаттама",
    "kind_programme": "бағдарлама",
    "kind_roadmap": "жол картасы",
    "kind_joint_statement": "бірлескен мәлімдеме",
    "kind_declaration": "декларация",
    "kind_contract": "келісімшарт",
    "kind_other": "басқа",
    # The HTML page and notebook tables
    "charts_need_plot": (
        "Диаграммалар үшін қосымша {package} пакеті керек: "
        "оны {command} командасымен орнатыңыз."
    ),
    "as_of_day": "Есептік күн",
    "base_year": "Базалық жыл",
    "name": "Атауы",
    "sector": "Сала",
    "metric": "Көрсеткіш",
    "subject": "Тақырып",
    "years": "Жылдар",
    "latest_value": "Соңғы мән",
    "reporter_heading": "Деректер көзі",
    "treaty_actions": "Шарттық әрекеттер",
    "several_currencies": "бірнеше валюта",
    "projects_in_lines": "{lines} ішінде {projects}",
    "progress_caption": (
        "{parties}, {subject}: мақсат {deadline} жылға қарай {value} — {status}"
    ),
    "progress_caption_open": "{parties}, {subject}: мақсат {value} — {status}",
    # Tables of a report (projects, agreements) and citations
    "table_project": "Жоба",
    "table_completion": "Орындалуы",
    "table_start": "Басталуы",
    "table_end": "Аяқталуы",
    "table_title": "Атауы",
    "table_kind": "Түрі",
    "table_signed": "Қол қойылған күні",
    "table_in_force": "Күшіне енген күні",
    "accessed_on": "қаралған күні {date}",
    "stated_in": "мәлімделген күні {date}",
}

_UZ: Final = {
    # Charts
    "chart_figures_used": "qabul qilingan qiymatlar",
    "chart_figures_used_by": "qabul qilingan qiymatlar ({who})",
    "chart_stated_by": "bayon qilgan: {who}",
    "chart_other_sources": "boshqa manbalar",
    "chart_conflict": "ma’lumotlari mos kelmaydigan yillar",
    "chart_planned": "{year}-yildan rejadagi yo‘l",
    "chart_projected": "haqiqiy sur’atda prognoz",
    "chart_band": "prognoz oralig‘i (taxminlar)",
    "chart_target": "maqsad {value}",
    "chart_deadline": "muddat {year}",
    "chart_as_of": "{when} holatiga",
    "chart_as_of_year": "{year}-yil holatiga",
    "chart_status": "{status} ({year}-yil holatiga)",
    "chart_year": "Yil",
    "chart_date": "Sana",
    "chart_share": "Maqsadning bajarilish ulushi",
    "chart_time_elapsed": "o‘tgan vaqt ulushi",
    "chart_dashboard": "Maqsadlar: {year}-yil holatiga bajarilishi va o‘tgan vaqt",
    "chart_by_status": "Loyihalar holati bo‘yicha",
    "chart_by_sector": "Loyihalar sohalar bo‘yicha",
    "chart_projects_count": "loyihalar: {count}",
    "chart_value": "Qiymati",
    "chart_value_in": "Qiymati, {unit}",
    "chart_estimate_range": "taxmin oralig‘i",
    "chart_not_valued": "qiymati ko‘rsatilmagan",
    "chart_no_sector": "sohasi ko‘rsatilmagan",
    "chart_status_axis": "Holati",
    "chart_sector_axis": "Soha",
    "chart_timelines": "Loyihalar muddatlari",
    "chart_undated": "sanasiz, ko‘rsatilmagan: {count}",
    "chart_start": "boshlanishi",
    "chart_end": "rejadagi tugashi",
    "chart_update": "ish borishi haqida ma’lumot",
    "chart_done_axis": "{measure}: bajarilgani, {unit}",
    "chart_planned_measure": "reja bo‘yicha {value}",
    "chart_done_share": "{share} bajarildi",
    "chart_no_update": "ish borishi haqida ma’lumot yo‘q",
    "chart_share_done": "Bajarilish ulushi",
    "chart_not_measured": "o‘lchanmagan: {reason}",
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
    # Labels the table lacked
    "as_of": "holatiga",
    "relationship": "Munosabatlar tavsifi",
    "kind": "turi",
    "not_valued": "qiymati ko‘rsatilmagan",
    "deadline": "muddati",
    "no_deadline": "muddatsiz",
    "series": "Ma’lumotlar qatori",
    "reporter": "ma’lumot beruvchi",
    "current": "Joriy qiymat",
    "share": "Maqsadning bajarilishi",
    "gap": "Farq",
    "actual_cagr": "Haqiqiy yillik o‘sish",
    "required_cagr": "Zarur yillik o‘sish",
    "growth_ratio": "O‘sish koeffitsiyenti",
    "eta": "Shu sur’atda erishiladigan yil",
    "topics": "mavzular",
    "participants": "ishtirokchilar",
    "completion": "bajarilishi",
    "none": "yo‘q",
    "not_convertible": "valyuta kurslarisiz {currency} valyutasiga o‘tkazib bo‘lmaydi",
    "suspended": "to‘xtatib turilgan",
    "cancelled": "bekor qilingan",
    "achieved": "erishildi",
    "on_track": "reja bo‘yicha",
    "needs_acceleration": "tezlashtirish kerak",
    "off_track": "ortda qolmoqda",
    "regressing": "pasaymoqda",
    "insufficient_data": "ma’lumotlar yetarli emas",
    "not_measured": "o‘lchanmagan",
    "no_rate": "{base} → {quote} ayirboshlash kursi yo‘q",
    "no_series": "bu tomonlar va ko‘rsatkich bo‘yicha ma’lumotlar qatori yo‘q",
    # Report lines as one phrase, in each language's word order
    "report_as_of": "Bajarilish holati haqida hisobot ({date} holatiga)",
    "series_by": "Ma’lumotlar qatori (ma’lumot beruvchi: {reporter})",
    # A target's headline: the latest figure, share, gap, growth and status
    "headline": "{year}: {current}, ma’lumot beruvchi: {who}",
    "headline_no_figure": "{year}-yilgacha ma’lumot yo‘q",
    "share_of_target": "maqsadning bajarilishi: {share}",
    "gap_of": "farq: {gap}",
    "over_target": "maqsaddan {gap} ortiq",
    "who_unknown": "ko‘rsatilmagan",
    "needs_rate": "yiliga {rate} o‘sish kerak",
    "grew_since": "{year}-yildan beri yiliga {rate} o‘sdi",
    "fell_since": "{year}-yildan beri yiliga {rate} kamaydi",
    "one_figure": "faqat bitta qiymat bor, o‘sishni solishtirib bo‘lmaydi",
    "status_as_of": "{status} ({year}-yil ma’lumotiga ko‘ra)",
    "stale": "so‘nggi ma’lumot {year}-yilga oid, hisobot sanasidan {age} oldin",
    "no_series_for": "{subject} bo‘yicha ma’lumotlar qatori yo‘q ({parties})",
    "outside_parties": "{parties} tomonlari dosye tomonlari emas",
    "converted_at": "summalar {date} kurslari bo‘yicha {currency} valyutasiga o‘tkazildi",
    "not_converted": (
        "summalar {base} valyutasida, {quote} valyutasiga o‘tkazilmadi: "
        "{base} → {quote} ayirboshlash kursi yo‘q"
    ),
    # Topic of a meeting
    "topic_trade": "savdo",
    "topic_economy": "iqtisodiyot",
    "topic_investment": "investitsiyalar",
    "topic_industry": "sanoat",
    "topic_agriculture": "qishloq xo‘jaligi",
    "topic_energy": "energetika",
    "topic_water": "suv resurslari",
    "topic_transport": "transport",
    "topic_transit": "tranzit",
    "topic_digital": "raqamlashtirish",
    "topic_security": "xavfsizlik",
    "topic_culture": "madaniyat",
    "topic_humanitarian": "gumanitar hamkorlik",
    "topic_education": "ta’lim",
    "topic_health": "sog‘liqni saqlash",
    "topic_other": "boshqa",
    # AgreementKind
    "kind_treaty": "shartnoma",
    "kind_agreement": "kelishuv",
    "kind_memorandum": "memorandum",
    "kind_protocol": "protokol",
    "kind_programme": "dastur",
    "kind_roadmap": "yo‘l xaritasi",
    "kind_joint_statement": "qo‘shma bayonot",
    "kind_declaration": "deklaratsiya",
    "kind_contract": "kontrakt",
    "kind_other": "boshqa",
    # The HTML page and notebook tables
    "charts_need_plot": (
        "Grafiklar uchun qo‘shimcha {package} paketi kerak: "
        "uni {command} buyrug‘i bilan o‘rnating."
    ),
    "as_of_day": "Hisobot sanasi",
    "base_year": "Bazaviy yil",
    "name": "Nomi",
    "sector": "Soha",
    "metric": "Ko‘rsatkich",
    "subject": "Mavzu",
    "years": "Yillar",
    "latest_value": "Oxirgi qiymat",
    "reporter_heading": "Ma’lumot manbai",
    "treaty_actions": "Shartnoma harakatlari",
    "several_currencies": "bir necha valyuta",
    "projects_in_lines": "{lines}da {projects}",
    "progress_caption": (
        "{parties}, {subject}: maqsad {deadline}-yilgacha {value} — {status}"
    ),
    "progress_caption_open": "{parties}, {subject}: maqsad {value} — {status}",
    # Tables of a report (projects, agreements) and citations
    "table_project": "Loyiha",
    "table_completion": "Bajarilishi",
    "table_start": "Boshlanishi",
    "table_end": "Tugashi",
    "table_title": "Nomi",
    "table_kind": "Turi",
    "table_signed": "Imzolangan sana",
    "table_in_force": "Kuchga kirgan sana",
    "accessed_on": "murojaat qilingan sana: {date}",
    "stated_in": "bildirilgan sanasi {date}",
}

LABELS: Final[Mapping[str, Mapping[str, str]]] = MappingProxyType(
    {"en": _EN, "ru": _RU, "kk": _KK, "uz": _UZ}
)


def label(key: str, locale: LocaleLike = "en") -> str:
    """The report label ``key`` in ``locale``.

    Example:
        >>> from bilat._present.labels import label
        >>> label("projects", "ru"), label("projects", "kk"), label("gap", "uz")
        ('Проекты', 'Жобалар', 'Farq')
        >>> label("projects", "de")  # other languages: English words
        'Projects'
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
        >>> from bilat._present.labels import out_of_range_text
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


# -- counts ------------------------------------------------------------------------------

#: Counted nouns: for each language, the text of a count in each CLDR plural
#: category the language has (``{n}`` is the number). English, Kazakh and
#: Uzbek have "one" and "other" (Kazakh and Uzbek keep the noun singular
#: after a number); Russian has "one", "few", "many" and "other" (fractions).
COUNTED: Final[Mapping[str, Mapping[str, Mapping[str, str]]]] = MappingProxyType(
    {
        "en": {
            "agreement": {"one": "{n} agreement", "other": "{n} agreements"},
            "claim": {"one": "{n} claim", "other": "{n} claims"},
            "line": {"one": "{n} line", "other": "{n} lines"},
            "meeting": {"one": "{n} meeting", "other": "{n} meetings"},
            "project": {"one": "{n} project", "other": "{n} projects"},
            "series": {"one": "{n} series", "other": "{n} series"},
            "target": {"one": "{n} target", "other": "{n} targets"},
            "year": {"one": "{n} year", "other": "{n} years"},
        },
        "ru": {
            "agreement": {
                "one": "{n} соглашение",
                "few": "{n} соглашения",
                "many": "{n} соглашений",
                "other": "{n} соглашения",
            },
            "claim": {
                "one": "{n} показатель",
                "few": "{n} показателя",
                "many": "{n} показателей",
                "other": "{n} показателя",
            },
            "line": {
                "one": "{n} строка",
                "few": "{n} строки",
                "many": "{n} строк",
                "other": "{n} строки",
            },
            "meeting": {
                "one": "{n} встреча",
                "few": "{n} встречи",
                "many": "{n} встреч",
                "other": "{n} встречи",
            },
            "project": {
                "one": "{n} проект",
                "few": "{n} проекта",
                "many": "{n} проектов",
                "other": "{n} проекта",
            },
            "series": {
                "one": "{n} ряд данных",
                "few": "{n} ряда данных",
                "many": "{n} рядов данных",
                "other": "{n} ряда данных",
            },
            "target": {
                "one": "{n} цель",
                "few": "{n} цели",
                "many": "{n} целей",
                "other": "{n} цели",
            },
            "year": {
                "one": "{n} год",
                "few": "{n} года",
                "many": "{n} лет",
                "other": "{n} года",
            },
        },
        "kk": {
            "agreement": {"one": "{n} келісім", "other": "{n} келісім"},
            "claim": {"one": "{n} көрсеткіш", "other": "{n} көрсеткіш"},
            "line": {"one": "{n} жол", "other": "{n} жол"},
            "meeting": {"one": "{n} кездесу", "other": "{n} кездесу"},
            "project": {"one": "{n} жоба", "other": "{n} жоба"},
            "series": {"one": "{n} деректер қатары", "other": "{n} деректер қатары"},
            "target": {"one": "{n} мақсат", "other": "{n} мақсат"},
            "year": {"one": "{n} жыл", "other": "{n} жыл"},
        },
        "uz": {
            "agreement": {"one": "{n} ta kelishuv", "other": "{n} ta kelishuv"},
            "claim": {"one": "{n} ta ko‘rsatkich", "other": "{n} ta ko‘rsatkich"},
            "line": {"one": "{n} ta qator", "other": "{n} ta qator"},
            "meeting": {"one": "{n} ta uchrashuv", "other": "{n} ta uchrashuv"},
            "project": {"one": "{n} ta loyiha", "other": "{n} ta loyiha"},
            "series": {
                "one": "{n} ta ma’lumotlar qatori",
                "other": "{n} ta ma’lumotlar qatori",
            },
            "target": {"one": "{n} ta maqsad", "other": "{n} ta maqsad"},
            "year": {"one": "{n} yil", "other": "{n} yil"},
        },
    }
)


def plural_category(count: int, locale: LocaleLike = "en") -> str:
    """The CLDR plural category of ``count`` in ``locale``: ``"one"``, ``"few"``, ….

    The rules are CLDR's, through babel (:attr:`babel.core.Locale.plural_form`).

    Example:
        >>> from bilat._present.labels import plural_category
        >>> [plural_category(n, "ru") for n in (1, 3, 5, 11, 21)]
        ['one', 'few', 'many', 'many', 'one']
        >>> plural_category(1, "en"), plural_category(0, "en")
        ('one', 'other')
    """
    return str(get_locale(locale).plural_form(count))


def counted(count: int, noun: str, locale: LocaleLike = "en") -> str:
    """``count`` and ``noun`` as a person writes them: "1 project", "22 проекта".

    The number is formatted by CLDR for ``locale`` and the noun takes the
    form of the number's plural category there (:func:`plural_category`).
    A language without a table of nouns uses English words, with the
    English rule, and the locale's digits.

    Args:
        count: How many.
        noun: A key of :data:`COUNTED` (``"project"``, ``"target"`` …).
        locale: The language of the words and the format of the number.

    Example:
        >>> from bilat._present.labels import counted
        >>> counted(1, "target"), counted(2, "target"), counted(1000, "meeting")
        ('1 target', '2 targets', '1,000 meetings')
        >>> counted(21, "project", "ru"), counted(22, "project", "ru"), counted(25, "project", "ru")
        ('21 проект', '22 проекта', '25 проектов')
        >>> counted(22, "project", "uz"), counted(1000, "project", "de")
        ('22 ta loyiha', '1.000 projects')
    """
    loc = get_locale(locale)
    tables = COUNTED.get(loc.language)
    rules = loc
    if tables is None:  # English words follow the English rule
        tables, rules = COUNTED["en"], get_locale("en")
    forms = tables[noun]
    form = forms.get(plural_category(count, rules), forms["other"])
    return form.format(n=format_decimal(count, locale=loc))


_CHAINS: Final = {
    "en": (_EN,),
    "ru": (_RU, _EN),
    "kk": (_KK, _EN),
    "uz": (_UZ, _EN),
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
        >>> from bilat._present.labels import is_control
        >>> is_control("\x1b"), is_control("\u202e"), is_control("\u200d")
        (True, True, False)
    """
    return unicodedata.category(char) in _ACTING and char not in _KEPT


class ControlTable(dict[int, str]):
    r"""A :meth:`str.translate` table: ``replace(char)`` for each control.

    The controls are the characters :func:`is_control` names; every other
    character maps to itself. Entries are made as characters are met.

    Example:
        >>> from bilat._present.labels import ControlTable
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
        >>> from bilat._present.labels import ControlTable, replace_controls
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
        >>> from bilat._present.labels import visible
        >>> print(visible("\x1b[2J\x1b[31mFAKE\roops\u202eabc\ndone"))
        \x1b[2J\x1b[31mFAKE oops\u202eabc done
        >>> visible("Oʻzbekiston — Ташкент 👩\u200d💻") == "Oʻzbekiston — Ташкент 👩\u200d💻"
        True
    """
    return replace_controls(text.replace("\r\n", "\n"), _VISIBLE)
