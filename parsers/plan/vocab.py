"""The words plan documents use, one table each.

The extractor's machinery is generic; what a header, a note or a heading says
is data, kept here (as dateparser keeps each language's words in data files).
All entries are lower-case word stems matched against lower-cased text.
The bullet glyphs, which the PDF reader reads too, are in parsers/vocab.py.
"""

# Event-table column roles, recognised from the header cell's text. A cell that
# names both a place and a date ("Место, дата", "Место и сроки") is place_date.
COLUMN_ROLES: dict[str, tuple[str, ...]] = {
    "number": ("№", "n п/п", "п/п", "номер"),
    "title": ("мероприят", "наименован", "название", "содержание", "тема"),
    "place": ("место", "город", "локац"),
    "date": ("дата", "срок", "период", "время проведения", "когда"),
    "organizers": ("ответствен", "организатор", "исполнител", "соисполнител"),
    "note": ("примечан", "комментар", "дополнител"),
}

# Roles an event table must have: a title, and somewhere to read a date.
REQUIRED_ROLES = ("title",)
DATE_ROLES = ("date", "place_date")

# A note naming organisers: "Организатор: МАГ", "Организаторы: A, B".
ORGANIZER_LABELS: tuple[str, ...] = (
    "организаторы",
    "организатор",
    "соорганизаторы",
    "соорганизатор",
    "ответственные",
    "ответственный",
    "исполнители",
    "исполнитель",
    # abbreviated, as a note column short of room writes them: "Отв.: МАГ", "Отв. – МАГ"
    "ответств.",
    "отв.",
    "орг.",
)

# A responsible column's cell opening so names no organiser but how the event is set
# ("По плану Правительства Москвы"), as such a note does.
NOT_ORGANIZER_OPENINGS: tuple[str, ...] = ("по плану", "по согласованию", "по приглашению", "в соответствии",
                                           "по отдельному")

# Pairs of quotes inside which a comma does not separate organisers.
QUOTE_PAIRS: dict[str, str] = {"«": "»", "„": "“", "“": "”", '"': '"', "(": ")"}

# Separators between organisers in a note.
ORGANIZER_SEPARATORS = (",", ";", "\n")

# Words that may open a section's number written in the number column ("Раздел I", "Часть 2").
SECTION_WORDS: tuple[str, ...] = ("раздел", "часть", "глава")

# Title openings that mean the organisation takes part rather than organises.
PARTICIPATION_OPENINGS: tuple[str, ...] = ("участие в ", "участие во ")

# Headings of the tables that follow the event table.
TABLE_KINDS: dict[str, tuple[str, ...]] = {
    "jubilees": ("юбиле",),
    "city_days": ("дни город", "день город", "дни столиц", "день столиц"),
}

# Column roles of a jubilee or city-day table, from its header row when it has one
# ("№ | Город | Дата | Возраст", "Город | Год основания | Юбилей | Дата"). Tried in this
# order: "День города" is a date column, "Город" a city one. Each stem is matched at a word's
# start ("Юбилей", "850-летие"); one ending in a space is a whole word ("лет ", not "бюллетень").
CITY_COLUMN_ROLES: dict[str, tuple[str, ...]] = {
    "number": ("№", "п/п"),
    "founded": ("основан",),
    "date": ("дата", "день", "дни", "срок", "когда"),
    "age": ("юбиле", "годовщин", "возраст", "лет ", "исполняется", "летие"),
    "city": ("город", "столиц", "наименован", "название"),
}
# The city column's words that name a city: a header whose city column only says
# "Наименование мероприятия" heads an event table, whatever its other columns say.
CITY_WORDS: tuple[str, ...] = ("город", "столиц")

# Footnote wording that makes a table's dates approximate.
APPROXIMATE_WORDS: tuple[str, ...] = ("ориентировочн", "приблизительн", "предварительн", "примерн")

# The plan year in a title: "на 2024 год", "на 2024 г.".
YEAR_PHRASE = r"на\s+(?P<year>\d{4})\s*(?:год|г\.?)"

# Ages in the city-day table: "146 лет", "1762 года", "1 год".
AGE_WORDS: tuple[str, ...] = ("лет", "года", "год")
