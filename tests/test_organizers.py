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
    ("По плану Правительства Москвы", []),
    ("", []),
])
def test_organizers_are_named_after_the_label_and_split_outside_quotes(note, expected):
    assert organizers_from_note(note) == expected


def test_a_responsible_column_lists_organizers_without_a_label():
    assert organizers_from_note("МАГ, АСДГ", whole_cell=True) == ["МАГ", "АСДГ"]
