"""Amounts in euros as babel's CLDR data writes them, for any amount."""

from __future__ import annotations

import pytest
from babel.numbers import format_currency
from hypothesis import given
from hypothesis import strategies as st

from koprade_wizard.i18n import formatting

AMOUNTS = st.one_of(st.integers(-10**9, 10**9), st.floats(-1, 1),
                    st.floats(-1e9, 1e9, allow_nan=False, allow_infinity=False),
                    st.decimals(-10**6, 10**6, places=3).map(float))


@pytest.mark.parametrize(("lang", "code"), [("lv", "lv_LV"), ("en", "en_IE")])
@given(amount=AMOUNTS)
def test_an_amount_reads_as_babels_currency_format(lang: str, code: str, amount: float) -> None:
    whole = "#,##0\u00a0¤" if lang == "lv" else "¤#,##0"  # CLDR's, without the cents
    # ... except that a sum which rounds to nothing is written without a minus.
    euros = 0.0 if round(amount) == 0 else amount
    cents = 0.0 if round(amount, 2) == 0 else amount
    assert formatting.money(amount, lang) == format_currency(euros, "EUR", format=whole,
                                                             locale=code,
                                                             currency_digits=False)
    assert formatting.money(amount, lang, cents=True) == format_currency(cents, "EUR",
                                                                         locale=code)


def test_the_two_languages_write_euros_their_own_way() -> None:
    assert formatting.money(1234.5, "lv", cents=True) == "1\u00a0234,50\u00a0€"
    assert formatting.money(1234.5, "en", cents=True) == "€1,234.50"
    assert formatting.money(-20500, "lv") == "-20\u00a0500\u00a0€"
    assert formatting.money(None, "lv") == "—"
    assert formatting.money(-0.0, "en") == formatting.money(-0.3, "en") == "€0"
    assert formatting.money(-0.004, "lv", cents=True) == "0,00\u00a0€"
