import pytest

from parsers.plan.organizers import organizers_from_note


@pytest.mark.parametrize("note, expected", [
    ("Организатор: МАГ", ["МАГ"]),
    ("Организаторы: Исполком СНГ, Деловой центр экономического развития СНГ, МАГ",
     ["Исполком СНГ", "Деловой центр экономического развития СНГ", "МАГ"]),
    ("Организаторы: НОК «Российская семья»", ["НОК «Российская семья»"]),
    ("Организаторы: A, B, НП «C, D»", ["A", "B", "НП «C, D»"]),
    ('Организаторы: ООО "Рога, копыта", МАГ', ['ООО "Рога, копыта"', "МАГ"]),
    ("Организаторы: МАГ; Мэрия (г. Москва, ЦАО).", ["МАГ", "Мэрия (г. Москва, ЦАО)"]),
    ("организаторы - МАГ,  АСДГ", ["МАГ", "АСДГ"]),
    ("Организатор:\nМАГ\nАСДГ", ["МАГ", "АСДГ"]),
    ("Организаторы: МАГ и др.", ["МАГ и др."]),
    ("Организаторы: МАГ и др..", ["МАГ и др."]),
    ("Организаторы: МАГ, т.п. ;", ["МАГ", "т.п."]),
    ("Организатор: кадр. .", ["кадр"]),
    ("Организатор: МАГ" + "." * 50_000, ["МАГ"]),  # trimmed in one pass (bench/hostile.py times it)
    ("Организаторы МАГ, АСДГ", ["МАГ", "АСДГ"]),  # the colon lost (OCR)
    ("Организатор «Российская семья»", ["«Российская семья»"]),
    ("Организаторы определяются позже", []),  # no name after the word: no label
    ("По плану Правительства Москвы", []),
    # abbreviated labels: the label is no organiser's name
    ("Отв.: Исполком МАГ, АСДГ", ["Исполком МАГ", "АСДГ"]),
    ("Отв. – Исполком МАГ", ["Исполком МАГ"]),
    ("отв. Исполком МАГ", ["Исполком МАГ"]),
    ("Ответств.: пресс-служба", ["пресс-служба"]),
    ("Орг.: МАГ", ["МАГ"]),
    ("Отвечает Исполком МАГ", []),  # a word, not the abbreviation
    ("", []),
])
def test_organizers_are_named_after_the_label_and_split_outside_quotes(note, expected):
    assert organizers_from_note(note) == expected


@pytest.mark.parametrize("cell, expected", [
    ("МАГ, АСДГ", ["МАГ", "АСДГ"]),
    ("Отв.: Исполком МАГ", ["Исполком МАГ"]),  # a label in the column is still a label
    ("По плану Правительства Москвы", []),  # how the event is set, no organiser
    ("в соответствии с планом Исполкома СНГ", []),
])
def test_a_responsible_column_lists_organizers_without_a_label(cell, expected):
    assert organizers_from_note(cell, whole_cell=True) == expected
