"""General rules for customer-support, e-mail and chat text (UK/DE/FR/IN/US formats).

The sentences are written for these tests; they are not taken from any labelled data set.
"""

from __future__ import annotations

import pytest

from pipelines.pii import detect
from pipelines.pii._names import SURROGATE_FIRST_F, SURROGATE_FIRST_M, SURROGATE_LAST, gazetteer


def _found(text: str) -> list[tuple[str, str]]:
    return [(s.type, text[s.start:s.end]) for s in detect(text)]


@pytest.mark.parametrize("text, name", [
    ("Hi maria,\nthanks for reaching out.", "maria"),
    ("Dear Mr Okafor, your refund is on its way.", "Okafor"),
    ("Thanks, Jonas", "Jonas"),
    ("Kind regards\nPriya Nair\nCustomer Success", "Priya Nair"),
    ("My name is Sven Lindqvist and I can't log in.", "Sven Lindqvist"),
    ("my name is aisha okafor", "aisha okafor"),
    ("Customer Wojciech called about the router.", "Wojciech"),
    ("Agent: Hannah. Caller: Rahul Verma", "Rahul Verma"),
    ("HELLO, THIS IS DMITRI VOLKOV FROM SALES", "DMITRI VOLKOV"),
    ("I spoke with Søren Kierkegaard yesterday.", "Søren Kierkegaard"),
])
def test_names_in_greetings_signoffs_and_intros(text, name):
    assert ("PERSON", name) in _found(text)


@pytest.mark.parametrize("text", [
    "Hi team, the router keeps dropping.",
    "Thanks for your help!",
    "Best regards,\nThe Support Team",
    "I'm sorry to hear that.",
])
def test_greetings_without_a_name_find_no_person(text):
    assert not [v for t, v in _found(text) if t == "PERSON"]


def test_place_names_are_not_persons():
    assert ("CITY", "London") in _found("I moved from Leeds to London last year.") or \
        ("PERSON", "London") not in _found("I moved from Leeds to London last year.")


@pytest.mark.parametrize("text, value", [
    ("Please send it to 221B Baker Street, London NW1 6XE.", "221B Baker Street, London NW1 6XE"),
    ("I moved to Hauptstraße 12, 10115 Berlin last month.", "Hauptstraße 12, 10115 Berlin"),
    ("Address: 14 rue de Rivoli, 75008 Paris", "14 rue de Rivoli, 75008 Paris"),
    ("Flat 3, 45 MG Road, Bengaluru 560001", "Flat 3, 45 MG Road, Bengaluru 560001"),
    ("Ship to 12 High St, Manchester M1 1AE", "12 High St, Manchester M1 1AE"),
])
def test_uk_de_fr_in_addresses(text, value):
    assert ("ADDRESS", value) in _found(text)


@pytest.mark.parametrize("text, value", [
    ("I was there on 3rd March.", "3rd March"),
    ("It arrived on March 3rd.", "March 3rd"),
    ("Delivered 03.04.2024 at noon.", "03.04.2024"),
    ("Booked for 4 Mar, thanks.", "4 Mar"),
    ("on the 12th of May 2024 it broke", "12th of May 2024"),
    ("Invoice date 2024/03/04.", "2024/03/04"),
    ("Termin am 3. März 2024", "3. März 2024"),
    ("Livraison le 12 janvier 2024", "12 janvier 2024"),
])
def test_dates(text, value):
    assert ("DATE", value) in _found(text)


@pytest.mark.parametrize("text, value", [
    ("I'm 93 and live alone.", "93"), ("My mum is 91 years old.", "91"), ("She was aged 95.", "95"),
])
def test_ages_over_89(text, value):
    assert ("AGE", value) in _found(text)


def test_small_numbers_after_i_am_are_not_ages():
    assert not [v for t, v in _found("I'm 95% sure and I'm 45.") if t == "AGE"]


@pytest.mark.parametrize("value", [
    "020 7946 0958", "+44 (0)20 7946 0958", "+91 98765 43210", "0044 20 7946 0958", "98765 43210",
])
def test_phones_in_national_and_international_formats(value):
    assert ("PHONE", value) in _found(f"You can ring me on {value} after five.")


def test_labelled_personal_ids():
    text = ("Account no 12345678, customer number 9876543, Kundennummer 4711-0815, passport AB123456, "
            "driving licence MORGA753116SM9IJ")
    found = _found(text)
    for value in ("12345678", "9876543", "4711-0815", "AB123456", "MORGA753116SM9IJ"):
        assert ("ID", value) in found


def test_order_ticket_invoice_numbers_are_not_ids():
    # ("ref 1234" is a transaction reference too: see test_pii_recall_patterns.py)
    text = "Order 1234567 and ticket #998877, invoice INV-2024-0042, order ID 88776655, case 5566778"
    assert not [v for t, v in _found(text) if t == "ID"]


def test_iban_after_an_account_label_stays_an_iban():
    assert _found("account DE89370400440532013000") == [("IBAN", "DE89370400440532013000")]


def test_international_gazetteer_is_disjoint_from_surrogates_and_places():
    gaz = gazetteer()
    assert {"okafor", "priya", "wojciech", "søren"} <= gaz.intl | gaz.first | gaz.last
    pools = {n.lower() for n in SURROGATE_FIRST_F + SURROGATE_FIRST_M + SURROGATE_LAST}
    assert not pools & gaz.intl
    assert "london" not in gaz.intl and "paris" not in gaz.intl
