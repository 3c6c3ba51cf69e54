"""Plans of any size and their next year's version, with the truth of which events continue.

For the diff's tests and benchmark: a plan's events get titles drawn from a Zipf-like
vocabulary (a few common words, many rare ones, as real plans have), editions, places,
organizers, sections and dates; the next year's plan renumbers them, advances
editions, moves some to other sections, rewords some, changes dates and places,
drops some and adds new ones. ``truth`` maps each continuing old id to its new id.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from parsers.roman import to_roman
from schemas.plan import DateSpan, Event, EventSource

KINDS = ("Конференция", "Форум", "Семинар", "Заседание", "Совещание", "Круглый стол", "Конкурс",
         "Фестиваль", "Выставка", "Сессия", "Встреча", "Съезд", "Мастер-класс", "Вебинар", "Олимпиада",
         "Турнир", "Презентация", "Школа", "Акция", "Марафон", "Чемпионат", "Ярмарка", "Симпозиум")
COMMON = ("международный", "городской", "развитие", "столиц", "крупных", "городов", "МАГ", "молодёжный",
          "совета", "комиссии", "по", "вопросам", "и", "в", "на", "сфере", "управления", "проект")
PLACES = ("Москва", "Минск", "Астана", "Ереван", "Баку", "Бишкек", "Душанбе", "Ташкент", "Кишинёв",
          "Санкт-Петербург", "Казань", "Новосибирск", "Екатеринбург", "Нижний Новгород", "Самара", "Уфа",
          "онлайн", "по согласованию")
ORGANIZERS = ("Исполком МАГ", "Мэрия Москвы", "Администрация Санкт-Петербурга", "Минский горисполком",
              "Акимат Астаны", "Мэрия Еревана", "Исполнительная власть Баку", "Мэрия Бишкека")
MONTHS = ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь",
          "ноябрь", "декабрь")
SYLLABLES = [c + v for c in "бвгдзклмнпрстфхцчшщ" for v in "аеиоуыэюя"]


@dataclass
class Variant:
    """A plan's events, its next year's events, and which old id continues as which new id."""

    old: list[Event]
    new: list[Event]
    truth: dict[str, str]


def vocabulary(size: int, generator: random.Random) -> list[str]:
    """``size`` made-up words of three or four syllables, no two with the same stem, in random order."""
    words: dict[str, str] = {}
    while len(words) < size:
        word = "".join(generator.choice(SYLLABLES) for _ in range(generator.choice((3, 4))))
        words.setdefault(word[:5], word)
    found = list(words.values())
    generator.shuffle(found)
    return found


def title(generator: random.Random, words: list[str]) -> str:
    """A title: a kind, an optional edition, common and rare words (rare ones Zipf-distributed)."""
    parts = [generator.choice(KINDS)]
    if generator.random() < 0.25:
        parts.insert(0, to_roman(generator.randint(2, 30)).upper())
    for _ in range(generator.randint(0, 2)):
        parts.append(generator.choice(COMMON))
    for _ in range(generator.randint(3, 7)):  # topic words, Zipf-distributed as in real text
        parts.append(words[_zipf_rank(len(words), generator)])
    return " ".join(parts)


def _zipf_rank(size: int, generator: random.Random, flatten: int = 50) -> int:
    """A rank in 0..size-1 with odds ∝ 1/(rank + flatten): Zipf-Mandelbrot, as topic words
    are spread in titles (the commonest function words are stopwords, set aside anyway)."""
    return min(size - 1, int(flatten ** (1 - (u := generator.random())) * (size + flatten) ** u) - flatten)


def event(year: int, number: int, title_text: str, generator: random.Random, section: str | None,
          crowded: bool = False) -> Event:
    """An event; ``crowded`` draws place, organizers and month from two each, so that most pairs
    share them (every kind of evidence at once, the hard case for blocking)."""
    places, organizers, months = (PLACES[:2], ORGANIZERS[:2], MONTHS[:2]) if crowded else (PLACES, ORGANIZERS, MONTHS)
    return Event(id=f"{year}-{number:02d}", number=number, section=section, title=title_text,
                 participation=False, place=generator.choice(places),
                 date=DateSpan(text=generator.choice(months), kind="unknown"),
                 organizers=generator.sample(organizers, generator.randint(0, 2)),
                 source=EventSource(row=number + 1))


def plan_events(count: int, year: int, generator: random.Random, words: list[str],
                crowded: bool = False) -> list[Event]:
    """``count`` events of a ``year`` plan, a section every 40 events (every 400 when crowded)."""
    every = 400 if crowded else 40
    return [event(year, number, title(generator, words), generator, f"Раздел {number // every + 1}", crowded)
            for number in range(1, count + 1)]


def variant(count: int, seed: int = 0, changed: float = 0.3, dropped: float = 0.1,
            added: float = 0.1, words: int = 20000, crowded: bool = False) -> Variant:
    """A ``count``-event plan and its next year's version with known truth; titles draw on
    ``words`` topic words (a few dozen make most titles alike, the hard case for pairing)."""
    generator = random.Random(seed)
    words = vocabulary(words, generator)
    old = plan_events(count, 2024, generator, words, crowded)
    kept = [e for e in old if generator.random() >= dropped]
    kept_ids = {e.id for e in kept}
    fresh = plan_events(int(count * added), 2025, generator, words, crowded)
    order = kept + fresh
    generator.shuffle(order)
    order.sort(key=lambda e: (e.section or "") if generator.random() < 0.9 else "")
    new, truth = [], {}
    for number, before in enumerate(order, start=1):
        continuing = before.id in kept_ids
        text = _next_title(before.title, generator) if continuing else before.title
        changes = {"id": f"2025-{number:02d}", "number": number, "title": text,
                   "source": EventSource(row=number + 1)}
        if continuing and generator.random() < changed:
            changes["place"] = generator.choice(PLACES[:2] if crowded else PLACES)
            changes["date"] = DateSpan(text=generator.choice(MONTHS[:2] if crowded else MONTHS), kind="unknown")
        if continuing and generator.random() < 0.1:
            changes["section"] = f"Раздел {generator.randint(1, count // 40 + 1)}"
        after = before.model_copy(update=changes)
        new.append(after)
        if continuing:
            truth[before.id] = after.id
    return Variant(old, new, truth)


def _next_title(text: str, generator: random.Random) -> str:
    """Next year's title of a continuing event: its edition one up, sometimes a word more or less."""
    words = text.split()
    if words and (value := _roman_value(words[0])):
        words[0] = to_roman(value + 1).upper()
    roll = generator.random()
    if roll < 0.1 and len(words) > 3:
        del words[generator.randrange(1, len(words))]
    elif roll < 0.2:
        words.insert(generator.randrange(1, len(words) + 1), generator.choice(COMMON))
    return " ".join(words)


def _roman_value(word: str) -> int | None:
    from parsers.roman import roman_value
    return roman_value(word) if word.isupper() and word.isalpha() else None
