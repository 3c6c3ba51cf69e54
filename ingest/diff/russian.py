"""The words of the HTML diff page in Russian, as data: field labels, headings, kinds of change,
and the reasons a pair was made (ingest/diff/matching.py writes them in English for the text,
Markdown and JSON outputs; the page translates them here, by pattern)."""

from __future__ import annotations

import re

FIELD_LABELS = {
    "number": "номер", "title": "название", "edition": "выпуск", "place": "место", "date": "дата",
    "organizers": "организаторы", "items": "пункты", "section": "раздел", "participation": "участие",
    "note": "примечание", "parts": "части", "anniversary": "годовщина", "age": "возраст",
}
HEADINGS = {"events": "Мероприятия", "jubilees": "Юбилеи городов", "city_days": "Дни городов"}
KINDS = {"changed": "изменено", "added": "добавлено", "removed": "удалено", "unchanged": "без изменений"}
WORDS = {
    "page": "Сравнение планов", "old": "Прежний план", "new": "Новый план", "city": "Город",
    "paired": "сопоставлено", "because": "сопоставлено ({score}), потому что", "events": "мероприятий",
    "year": "{year} год", "no_year": "год не указан", "no_title": "без названия",
    "warnings": "предупреждений", "none": "нет ни в одном плане",
}

# English reason (a full match) → its Russian; {name} fields are field names, translated too.
REASONS = tuple((re.compile(pattern), russian) for pattern, russian in (
    (r"same title", "то же название"),
    (r"same title apart from the edition", "то же название, кроме номера выпуска"),
    (r"same title words", "те же слова в названии"),
    (r"titles (?P<percent>\d+)% alike", "названия совпадают на {percent}%"),
    (r"edition (?P<old>.+) → (?P<new>.+)", "выпуск {old} → {new}"),
    (r"same place", "то же место"),
    (r"same section", "тот же раздел"),
    (r"same date", "та же дата"),
    (r"same organizers", "те же организаторы"),
    (r"same items", "те же пункты"),
    (r"(?P<name>\w+): (?P<shared>\d+) of (?P<union>\d+) shared", "{name}: общих {shared} из {union}"),
    (r"(?P<city>.+): (?P<name>anniversary|age) (?P<old>\d+) → (?P<new>\d+), expected (?P<expected>\d+) "
     r"\((?P<years>[+-]\d+) years?\)", "{city}: {name} {old} → {new}, ожидалось {expected} ({years} г.)"),
))


def label(field: str) -> str:
    """A field's label on the page ("organizers" → "организаторы"); an unknown field as it is."""
    return FIELD_LABELS.get(field, field)


def reason(text: str) -> str:
    """A reason or warning written in English, in Russian; a text no pattern knows stays as written."""
    for pattern, russian in REASONS:
        found = pattern.fullmatch(text)
        if found:
            values = found.groupdict()
            if "name" in values:
                values["name"] = label(values["name"])
            return russian.format(**values)
    return text
