"""Round 7 of address rules, found on the development sets (data/dev_customer, dev_finance_hr,
dev_identity): street-first lines with a European postcode and town, lines that open with a flat,
block or house and end in a postcode (India, Singapore, the Philippines, Hong Kong), and a country
after an address; and the look-alikes that must not become addresses."""

from __future__ import annotations

import pytest

from pipelines.pii import detect
from pipelines.pii import recognizers as R


def _addresses(text: str) -> list[str]:
    return [text[s.start:s.end] for s in detect(text) if s.type == "ADDRESS"]


@pytest.mark.parametrize(
    "text, address",
    [
        # street first, number, then ", <postcode> <Town>" (NL, DE, IT, PL, AT, PT)
        ("JANSEN, PIETER\nBloemgracht 12, 1015 TK Amsterdam\n05.11.2025", "Bloemgracht 12, 1015 TK Amsterdam"),
        ("i moved to Hans-Sachs-Ring 41, 50667 Köln on 18/08/2024", "Hans-Sachs-Ring 41, 50667 Köln"),
        ("please write to Am Lindenhof 7, 24103 Kiel", "Am Lindenhof 7, 24103 Kiel"),
        ("new address: Via dei Fiori 110, 20121 Milano", "Via dei Fiori 110, 20121 Milano"),
        ("Letter to aleja Lipowa 62, 17-803 Kluczbork. Handled at the branch.", "aleja Lipowa 62, 17-803 Kluczbork"),
        ("we live at Mariahilfer Gasse 8/3, 1060 Wien now", "Mariahilfer Gasse 8/3, 1060 Wien"),
        ("moved to Rotonda Sole 62, 69463 Reggio di Calabria", "Rotonda Sole 62, 69463 Reggio di Calabria"),
        ("i now live at Freiburger Weg 2, 79098 Freiburg im Breisgau.", "Freiburger Weg 2, 79098 Freiburg im Breisgau"),
        # a flat, block or house first, parts, then a postcode at the end
        ("Ravi Kumar\nFlat 302, Lake View Residency, MG Road, Bengaluru - 560 001\n2 Dec", "Flat 302, Lake View Residency, MG Road, Bengaluru - 560 001"),
        ("Home: Flat 12, Shanti Apartments, 5th Cross, Indiranagar, Pune 411023 (since 2009)",
         "Flat 12, Shanti Apartments, 5th Cross, Indiranagar, Pune 411023"),
        ("send it to Blk 123 Tampines Street 11, #04-56, Singapore 521123 please", "Blk 123 Tampines Street 11, #04-56, Singapore 521123"),
        ("Maria Santos\nBlk 4 Lot 2, Mabini Street, Brgy. San Roque, Quezon City 1103\nmaria@example.com",
         "Blk 4 Lot 2, Mabini Street, Brgy. San Roque, Quezon City 1103"),
        # after "post it to" and a misspelt "adress:"
        ("pls post it to 4 Abbey Road, Leeds, LS1 4AP please. cheers", "4 Abbey Road, Leeds, LS1 4AP"),
        ("- adress: Sarahdreef 671, Garrelsweer\nit was late", "Sarahdreef 671, Garrelsweer"),
        # a country after the address, at the end of its line
        ("Current residential address: ul. Długa 12, 80-827 Gdańsk, Polska\nTown of birth: Gdynia",
         "ul. Długa 12, 80-827 Gdańsk, Polska"),
        ("Previous address: 10 Downing Street, London, SW1A 2AA, United Kingdom\nOrder no. 1",
         "10 Downing Street, London, SW1A 2AA, United Kingdom"),
    ],
)
def test_address_layouts(text, address):
    assert address in _addresses(text), _addresses(text)


@pytest.mark.parametrize(
    "text, not_address",
    [
        ("Invoice 2024, 10115 Berlin is our office", "Invoice"),     # a document word is no street
        ("Order 552, 3000 Bern", "Order"),
        ("Room 4, 1010 Wien", "Room"),
        ("the flat 3 rooms, 2 baths, 1200 sq ft", "flat"),            # lower case: no unit-first line
        ("Block 5 is closed, see Notice 2231", "Block"),              # no postcode at the end
    ],
)
def test_look_alikes_stay_unmasked(text, not_address):
    assert not any(not_address in a for a in _addresses(text)), _addresses(text)


def test_country_only_after_an_address_at_a_line_end():
    text = "Ship to 12 Main St, Springfield, IL 62704, USA\nThanks, from France"
    assert "12 Main St, Springfield, IL 62704, USA" in _addresses(text)
    assert not any("France" in a for a in _addresses(text))


@pytest.mark.timeout(60)
def test_long_title_case_lines_after_a_unit_word_do_not_backtrack_for_ever():
    # parts after the first are comma-separated, so a long run of capitalised words with no
    # postcode fails in linear time (with optional commas the partitions grew exponentially)
    for sep in (" ", ", "):
        text = "Flat 5 " + sep.join(["Green Park Residency"] * 150) + " and nothing else"
        assert list(R._UNIT_LED_RE.finditer(text)) == []
        detect(text)  # (the whole engine finishes too)
