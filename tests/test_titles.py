"""Titles as the matcher sees them: edition numerals set aside, similarity of what is left."""

from __future__ import annotations

import pytest

from ingest.diff.titles import editions, masked, title_similarity


@pytest.mark.parametrize("title, found", [
    ("XXX сессия МАГ", [("XXX", 30, "сесси")]),
    ("Подведение итогов XII конкурса «Город в зеркале СМИ»", [("XII", 12, "конку")]),
    ("XVII смотр-конкурс и XIII конкурс «Город в зеркале СМИ»", [("XVII", 17, "смотр"), ("XIII", 13, "конку")]),
    ("30-я сессия МАГ", [("30-я", 30, "сесси")]),
    ("8-й форум", [("8-й", 8, "форум")]),
    ("25 сессия МАГ", [("25", 25, "сесси")]),
    ("ХХХI сессия МАГ", [("ХХХI", 31, "сесси")]),
    ("Итоги XVI «Международного» конкурса", [("XVI", 16, "между")]),  # a quote before the word
    ("мир и взаимопонимание в XXI веке", []),      # a century, not an edition
    ("Форум «Москва 2030»", []),                    # a number ending the title counts nothing
    ("План на 2025 год", []),                       # a year
    ("с электронной версией на CD", []),            # CD is not 400
    ("Выпуск журнала «Вестник МАГ»", []),
])
def test_edition_numerals_are_found_with_the_word_they_count(title, found):
    assert [(n.text, n.value, n.next_word) for n in editions(title)] == found


@pytest.mark.parametrize("title, result", [
    ("XXX сессия МАГ", "# сессия МАГ"),
    ("Подведение итогов XII конкурса", "Подведение итогов # конкурса"),
    ("XVII смотр-конкурс  и XIII конкурс", "# смотр-конкурс и # конкурс"),
    ("в XXI веке", "в XXI веке"),
])
def test_masked_titles_hide_only_editions(title, result):
    assert masked(title) == result


SIMILAR = [  # (old, new): must count as the same title
    ("XXX сессия МАГ", "XXXI сессия МАГ"),
    ("Подведение итогов XII конкурса «Город в зеркале СМИ»",
     "Подведение итогов XIII конкурса \"Город в зеркале СМИ\""),
    ("VIII международный форум-выставка «ГОРОДСКИЕ ТЕХНОЛОГИИ».", "IX Международный форум-выставка «Городские технологии»"),
    ("Участие в XIX Общероссийском форуме", "XX Общероссийский форум"),  # "Участие в" set aside, case endings
    ("30-я сессия МАГ", "XXXI сессия МАГ"),
]
DIFFERENT = [  # (a, b, most): at most this alike
    ("Выпуск информационно-аналитического журнала «Вестник МАГ»",
     "Выпуск сборников лучших практик городов-членов МАГ", 0.35),
    ("Участие в пленарном заседании Межпарламентской Ассамблеи СНГ",
     "Участие в Петербургском международном экономическом форуме", 0.1),
    ("Мероприятия по проектам ООН-Хабитат", "Сбор и подготовка информационных материалов к мероприятиям МАГ", 0.3),
]


@pytest.mark.parametrize("old, new", SIMILAR)
def test_the_same_title_across_editions_quotes_case_and_punctuation(old, new):
    assert title_similarity(old, new) == pytest.approx(1.0)


@pytest.mark.parametrize("a, b, most", DIFFERENT)
def test_different_titles_stay_apart(a, b, most):
    assert title_similarity(a, b) <= most


@pytest.mark.parametrize("old, new, least, most", [
    ("Международная конференция МАГ", "Международная научно-практическая конференция МАГ «Города будущего»", 0.7, 0.9),
    ("Участие в годовых собраниях ассоциаций муниципальных образований:",
     "Участие в годовых собраниях межгородских объединений:", 0.4, 0.6),
])
def test_retitled_events_stay_partly_alike(old, new, least, most):
    assert least <= title_similarity(old, new) <= most


def test_similarity_is_symmetric():
    for old, new in SIMILAR:
        assert title_similarity(old, new) == title_similarity(new, old)
