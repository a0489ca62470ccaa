"""Numbers and dates as people write them, in each interface language; doubts asked back."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from koprade_wizard.i18n.messages import t, word
from koprade_wizard.i18n.parsing import fold, read_date, read_number
from koprade_wizard.pack.kinds import AnswerAmbiguous, AnswerInvalid, check_value, from_text
from koprade_wizard.pack.tree import DecisionTree, Question, Validation

MONEY = Question(id="own_money", kind="decimal", label={"lv": "Nauda", "en": "Money"},
                 unit={"lv": "€", "en": "€"}, validate_=Validation(min=0, max=5_000_000))
COUNT = Question(id="people", kind="integer", label={"lv": "Cilvēki", "en": "People"},
                 validate_=Validation(min=0, max=100_000))


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("lv", "12 000", 12000),
        ("lv", "12\u00a0000", 12000),
        ("lv", "12 000,50", 12000.5),
        ("lv", "1,5", 1.5),
        ("lv", "1.5", 1.5),
        ("lv", "0,500", 0.5),
        ("lv", "8 000 €", 8000),
        ("en", "12,000", 12000),
        ("en", "8,000", 8000),
        ("en", "12,000.50", 12000.5),
        ("en", "1.5", 1.5),
        ("en", "12 000", 12000),
        ("en", "1,000,000", 1_000_000),
    ],
)
def test_a_number_is_stored_as_meant(lang: str, text: str, expected: float) -> None:
    value = from_text(MONEY, text, {}, lang)

    assert value == expected
    assert type(value) is type(expected)


@pytest.mark.parametrize(
    ("lang", "text", "readings"),
    [
        ("lv", "1,500", {1.5, 1500}),
        ("lv", "12,000", {12, 12000}),
        ("lv", "1.500", {1.5, 1500}),
        ("en", "1.500", {1.5, 1500}),
        ("en", "12.000", {12, 12000}),
    ],
)
def test_a_number_that_reads_two_ways_is_asked_back(
    lang: str, text: str, readings: set[float]
) -> None:
    with pytest.raises(AnswerAmbiguous) as caught:
        from_text(MONEY, text, {}, lang)

    assert set(caught.value.readings) == readings
    assert text in word(caught.value.message, lang)


def test_a_whole_number_question_keeps_only_whole_readings() -> None:
    assert from_text(COUNT, "1,500", {}, "lv") == 1500  # 1,5 is no count of people
    with pytest.raises(AnswerAmbiguous):
        from_text(COUNT, "12,000", {}, "lv")  # 12 or 12 000 people
    with pytest.raises(AnswerInvalid) as caught:
        from_text(COUNT, "1,5", {}, "en")
    assert word(caught.value.message, "en") == t("answer_not_integer", "en")


@pytest.mark.parametrize("text", ["1 2345", "12,5,1", "1,500.250.1", "12.", "nan", "€", "1e5"])
@pytest.mark.parametrize("lang", ["lv", "en"])
def test_malformed_numbers_are_refused(lang: str, text: str) -> None:
    assert read_number(text, lang) == []


def test_the_readings_are_exact_decimals() -> None:
    assert read_number("12 000,50", "lv") == [Decimal("12000.50")]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("lv", "01.09.2027"), ("lv", "1.9.2027"), ("lv", "2027-09-01"),
        ("lv", "1.9.2027."), ("lv", "2027. gada 1. septembris"), ("lv", "1. septembrī 2027"),
        ("en", "2027-09-01"), ("en", "1 September 2027"), ("en", "September 1, 2027"),
        ("en", "1 Sept 2027"), ("en", "01.09.2027"),
    ],
)
def test_dates_as_people_write_them(lang: str, text: str) -> None:
    assert read_date(text, lang) == [dt.date(2027, 9, 1)]


def test_a_slashed_date_in_english_is_asked_back() -> None:
    assert read_date("01/09/2027", "lv") == [dt.date(2027, 9, 1)]
    assert set(read_date("01/09/2027", "en")) == {dt.date(2027, 9, 1), dt.date(2027, 1, 9)}
    assert read_date("13/09/2027", "en") == [dt.date(2027, 9, 13)]


@pytest.mark.parametrize("text", ["31.02.2027", "1.9.27", "2027-13-01", "septembris", "soon"])
def test_impossible_dates_are_refused(text: str) -> None:
    assert read_date(text, "lv") == []


def test_folding_ignores_case_and_diacritics() -> None:
    assert fold("Rīgas valstspilsēta") == "rigas valstspilseta"
    assert fold("CĒSU") == "cesu"


@pytest.mark.parametrize(
    ("file_lang", "written", "expected"),
    [("lv", "12 000,50", 12000.5), ("en", "12,000.50", 12000.5), ("en", "8,000", 8000)],
)
def test_numbers_written_as_text_in_a_file_are_read_in_its_language(
    file_lang: str, written: str, expected: Any
) -> None:
    assert check_value(MONEY, written, {}, "en", read_lang=file_lang) == expected


def test_an_ambiguous_number_in_a_file_says_how_to_write_it() -> None:
    with pytest.raises(AnswerAmbiguous) as caught:
        check_value(MONEY, "1,500", {}, "en", read_lang="lv")
    assert word(caught.value.message, "en") == t("answer_ambiguous_file", "en", text="1,500")


def test_mini_pack_dates_accept_latvian_writing(mini_tree: DecisionTree) -> None:
    assert from_text(mini_tree.question("opening"), "01.05.2027", {}, "lv") == dt.date(2027, 5, 1)


def test_numbers_written_as_text_in_a_file_are_read_like_typed_ones(
    mini_tree: DecisionTree,
) -> None:
    # A trainer or founder who edits the file by hand writes "5" or "1 200,5".
    assert check_value(mini_tree.question("members"), "5", {}, "lv") == 5
    assert check_value(mini_tree.question("area"), "1 200,5", {}, "lv") == 1200.5
