"""The Russian vocabulary of plan date phrases: data only, one table each.

``parsers.dates.tokens`` turns each word into a canonical token with these tables and the
readers parse the tokens with generic rules (as dateparser keeps each language's words in data files).
Every word is written lower case with "е" for "ё": the normaliser folds the text first.
Canonical tokens: ``M<n>`` a month, ``q`` quarter, ``h`` half-year, ``dk`` ten-day period,
``early``/``mid``/``late`` part of a period, a season name, ``yr`` year, ``from``/``to``/
``until``/``and`` joiners, ``during`` (in the course of), ``times`` (раз), ``dom`` (число),
``approx``, ``R:<recurrence>``, ``W<n>`` a weekday (0 Monday), ``L`` last, ``every`` (каждый),
``for`` (за: a reporting period), ``P0``/``P+1``/``P-1`` a year told from the plan year,
``syr`` school year, ``half`` (половина), ``term`` (a school term), ``hr`` (час),
``after_report`` (following the reporting period), ``workday``; ``""`` means the word carries no
meaning and is dropped.
"""

from __future__ import annotations

# Month number -> every form a plan writes: the six cases and the abbreviations.
MONTHS: dict[int, tuple[str, ...]] = {
    1: ("январь", "января", "январе", "январю", "январем", "янв"),
    2: ("февраль", "февраля", "феврале", "февралю", "февралем", "фев", "февр"),
    3: ("март", "марта", "марте", "марту", "мартом", "мар"),
    4: ("апрель", "апреля", "апреле", "апрелю", "апрелем", "апр"),
    5: ("май", "мая", "мае", "маю", "маем"),
    6: ("июнь", "июня", "июне", "июню", "июнем", "июн"),
    7: ("июль", "июля", "июле", "июлю", "июлем", "июл"),
    8: ("август", "августа", "августе", "августу", "августом", "авг"),
    9: ("сентябрь", "сентября", "сентябре", "сентябрю", "сентябрем", "сен", "сент"),
    10: ("октябрь", "октября", "октябре", "октябрю", "октябрем", "окт"),
    11: ("ноябрь", "ноября", "ноябре", "ноябрю", "ноябрем", "ноя", "нояб"),
    12: ("декабрь", "декабря", "декабре", "декабрю", "декабрем", "дек"),
}

# Seasons -> the months they cover, in order. Winter is the two months that open the
# plan year and the December that closes it (two pieces of the same year), so that a
# plan's "зима" never leaves the plan year; see docs/dates.md.
SEASON_MONTHS: dict[str, tuple[tuple[int, int], ...]] = {
    "winter": ((1, 2), (12, 12)),
    "spring": ((3, 5),),
    "summer": ((6, 8),),
    "autumn": ((9, 11),),
}
SEASONS: dict[str, tuple[str, ...]] = {
    "winter": ("зима", "зимы", "зиме", "зиму", "зимой", "зимою"),
    "spring": ("весна", "весны", "весне", "весну", "весной", "весною"),
    "summer": ("лето", "лета", "лете", "летом"),
    "autumn": ("осень", "осени", "осенью"),
}

# Period nouns -> canonical unit token.
UNITS: dict[str, tuple[str, ...]] = {
    "q": ("квартал", "квартала", "квартале", "кварталу", "кварталом", "кварталы", "кварталов",
          "кварталах", "кварталам", "кв"),
    "h": ("полугодие", "полугодия", "полугодии", "полугодию", "полугодием", "полугодий",
          "полугодиях", "полуг"),
    "dk": ("декада", "декады", "декаде", "декаду", "декадой", "декад"),
    "yr": ("год", "года", "году", "годом", "годы", "годов", "годах", "годам", "лет", "г", "гг", "период",
           "периода", "периоде"),
    "mon": ("месяц", "месяца", "месяце", "месяцу", "месяцев"),
    "week": ("неделя", "недели", "неделю", "неделе", "недель"),
    "day": ("день", "дня", "дней", "сутки"),
    "dom": ("число", "числа", "числу"),
    "half": ("половина", "половины", "половине", "половину", "половиной"),
    "syr": ("учгода",),  # "учебный год" in its cases, folded by PHRASES
    "term": ("четверть", "четверти", "четвертью", "четвертей", "четвертям", "триместр", "триместра",
             "триместре", "триместры", "триместров", "триместрам"),
    "hr": ("ч", "час", "часа", "часов"),
    "workday": ("рабочий", "рабочего", "рабочих", "рабочие", "рабочем", "рабочую", "рабочая"),
}

# Parts of a period: начало / середина / конец (see docs/dates.md for what each covers).
PARTS: dict[str, tuple[str, ...]] = {
    "early": ("начало", "начала", "начале", "началу"),
    "mid": ("середина", "середины", "середине", "середину"),
    "late": ("конец", "конца", "конце", "концу"),
}

# Ordinal words -> number ("первая декада", "второе полугодие").
ORDINALS: dict[int, tuple[str, ...]] = {
    1: ("первый", "первая", "первое", "первого", "первой", "первом", "первую", "первые"),
    2: ("второй", "вторая", "второе", "второго", "втором", "вторую", "вторые"),
    3: ("третий", "третья", "третье", "третьего", "третьей", "третьем", "третью"),
    4: ("четвертый", "четвертая", "четвертое", "четвертого", "четвертом", "четвертой",
        "четвертую"),
    5: ("пятый", "пятая", "пятое", "пятого", "пятом", "пятой", "пятую"),
}

# "Последний" in its forms: the last week, decade, quarter of a period ("последняя неделя мая").
LAST: tuple[str, ...] = ("последний", "последняя", "последнее", "последнего", "последней", "последнюю",
                         "последние", "последнем")

# Cardinal words -> number ("не реже одного раза в квартал", "раз в два года").
CARDINALS: dict[int, tuple[str, ...]] = {
    1: ("один", "одна", "одно", "одного", "одну", "одним"),
    2: ("два", "две", "двух"),
    3: ("три", "трех"),
    4: ("четыре", "четырех"),
    5: ("пять", "пяти"),
    6: ("шесть", "шести"),
}

# Weekday number (0 Monday) -> every form a plan writes: the cases and the abbreviations.
WEEKDAYS: dict[int, tuple[str, ...]] = {
    0: ("понедельник", "понедельника", "понедельнике", "пн"),
    1: ("вторник", "вторника", "вторнике", "вт"),
    2: ("среда", "среду", "среды", "среде", "ср"),
    3: ("четверг", "четверга", "четверге", "чт"),
    4: ("пятница", "пятницу", "пятницы", "пятнице", "пт"),
    5: ("суббота", "субботу", "субботы", "субботе", "сб"),
    6: ("воскресенье", "воскресенья", "воскресенью", "вс"),
}

# Years told from the plan year: "текущего года" is the plan year, "очередного года" the next.
RELATIVE_YEARS: dict[str, tuple[str, ...]] = {
    "P0": ("текущего", "текущий", "текущем", "текущему", "этого", "сего"),
    "P+1": ("очередного", "очередной", "очередном", "следующего", "следующий", "следующем", "будущего"),
    "P-1": ("прошлого", "прошлый", "прошлом", "предыдущего", "предыдущий", "предыдущем"),
}

# What is written after a digit to make it ordinal ("1-й", "2-го", "2-е", "3-я", "2го");
# the diff reads edition numerals with it too ("30-я сессия", "5-го конкурса").
ORDINAL_SUFFIXES: tuple[str, ...] = (
    "й", "ый", "ий", "ой", "го", "ого", "его", "я", "ая", "яя", "е", "ое", "ее", "ей", "м",
    "ом", "ем", "ему", "ю", "ую", "х", "ых",
)

# Recurrence words -> the contract's recurrence.
RECURRENCE_WORDS: dict[str, tuple[str, ...]] = {
    "continuous": ("постоянно", "постоянный", "постоянная", "постоянное", "непрерывно",
                   "круглогодично", "регулярно", "систематически"),
    "daily": ("ежедневно", "ежедн"),
    "weekly": ("еженедельно", "еженед"),
    "monthly": ("ежемесячно", "ежемес"),
    "quarterly": ("ежеквартально", "ежеквартал", "ежекв"),
    "yearly": ("ежегодно", "ежегод"),
}

# "раз в <unit>" / "каждый <unit>" -> the recurrence and how many of its periods one unit is:
# "раз в полугодие" is monthly every 6 months (the contract has no half-yearly value).
RECURRENCE_BY_UNIT: dict[str, tuple[str, int]] = {
    "day": ("daily", 1), "week": ("weekly", 1), "mon": ("monthly", 1), "q": ("quarterly", 1),
    "h": ("monthly", 6), "yr": ("yearly", 1),
}

# Function words -> canonical token ("" = dropped).
JOINERS: dict[str, tuple[str, ...]] = {
    "": ("в", "во", "на", "срок", "сроки", "дата", "даты", "мск"),  # "мск": Moscow time, after a time
    "from": ("с", "со", "от"),
    "to": ("по",),
    "until": ("до", "к"),
    "and": ("и",),
    "for": ("за",),
    "every": ("каждый", "каждая", "каждое", "каждого", "каждой", "каждую", "каждые", "каждом", "каждому"),
    "after_report": ("послеотчетного",),  # "следующего за отчетным", folded by PHRASES
    "during": ("течение", "весь", "всего", "целый", "круглый"),
    "times": ("раз", "раза"),
    "approx": ("ориентировочно", "примерно", "предположительно", "ориент", "предварительно", "предв",
               "уточняется"),
}

# Several words that mean one thing; replaced before the words are looked up (the longest first).
PHRASES: dict[str, str] = {
    "не позднее": "до",
    "не позже": "до",
    "в срок до": "до",
    "в течение": "течение",
    "в течении": "течение",
    "на протяжении": "течение",
    "в период": "",
    "по московскому времени": "",
    "не реже": "",
    "с нарастающим итогом": "",
    "нарастающим итогом": "",
    "следующего за отчетным периодом": "послеотчетного",
    "следующего за отчетным": "послеотчетного",
    "учебный год": "учгода",
    "учебного года": "учгода",
    "учебном году": "учгода",
    "учебному году": "учгода",
    "по понедельникам": "еженедельно",
    "по вторникам": "еженедельно",
    "по средам": "еженедельно",
    "по четвергам": "еженедельно",
    "по пятницам": "еженедельно",
    "по субботам": "еженедельно",
    "по воскресеньям": "еженедельно",
}

# Phrases that name no date at all (matched at the start of the folded text; a word of five or
# more letters may be cut to three or more and a dot, as "по отд. графику", "в установл. порядке").
UNSCHEDULED: tuple[str, ...] = (
    "по отдельному графику",
    "по отдельному плану",
    "по отдельному решению",
    "по согласованию",
    "дата уточняется",
    "даты уточняются",
    "сроки уточняются",
    "срок уточняется",
    "по мере поступления",
    "в сроки, установленные",
    "в сроки установленные",
    "в установленные сроки",
    "по плану",
    "по графику",
    "по запросу",
    "в установленном порядке",
    "в соответствии с",
    "по поручению",
    "по утвержденному графику",
    "по расписанию",
    "по отдельному расписанию",
    "по приглашению",
    "по заявкам",
    "по запросам",
    "по мере готовности",
    "в сроки, определяемые",
    "в сроки определяемые",
    "по решению",
)

# A cell holding only one of these (after folding) is unscheduled: empty, a dash.
EMPTY_MARKS: tuple[str, ...] = ("", "-", "--", "---", "нет", "х")

# Phrases meaning "whenever needed": recurrence as_needed over the plan year.
AS_NEEDED: tuple[str, ...] = (
    "по мере необходимости",
    "по необходимости",
    "при необходимости",
)

# Latin letters that look Cyrillic, folded in words that mix the two scripts ("Mай").
LATIN_LOOKALIKES: dict[str, str] = {
    "a": "а", "b": "в", "c": "с", "e": "е", "h": "н", "k": "к", "m": "м", "o": "о",
    "p": "р", "t": "т", "x": "х", "y": "у",
}

# Every dash a document uses, folded to "-".
DASHES: str = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"

# Every space a document uses, folded to " ".
SPACES: str = (
    "\t\n\r\v\f\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000"
)

# Invisible characters, removed.
INVISIBLE: str = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
