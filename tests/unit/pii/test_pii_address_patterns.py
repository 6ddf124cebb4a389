"""Street-address layouts the detector must find (and look-alikes it must leave alone).

The sentences are written for these tests; none is taken from a labelled data set.

Decisions: a unit on its own ("Apt. 5C", "Suite 300") is not an address (nothing
locates it); a street name without a number is one only after a residence cue
("lives on Elm Street"), not in running text ("Main Street businesses").
"""

from __future__ import annotations

import pytest

from pipelines.pii import detect


def _addresses(text: str) -> list[str]:
    return [text[s.start:s.end] for s in detect(text) if s.type == "ADDRESS"]


@pytest.mark.parametrize("text, value", [
    # units before and after the street line
    ("Please deliver to Flat 3, 12 Baker Street, London W1U 3BW.", "Flat 3, 12 Baker Street, London W1U 3BW"),
    ("My new address is Unit 4/22 King St, Newtown NSW 2042.", "Unit 4/22 King St, Newtown NSW 2042"),
    ("I live at 40 Elm Road, Apt. 5C, Denver, CO 80202.", "40 Elm Road, Apt. 5C, Denver, CO 80202"),
    ("Our office: 350 Fifth Avenue, Suite 300, New York, NY 10118.", "350 Fifth Avenue, Suite 300, New York, NY 10118"),
    ("Suite 300, 1200 Main Street, Dallas, TX 75202", "Suite 300, 1200 Main Street, Dallas, TX 75202"),
    ("It arrived at 350 5th Ave, 34th Floor, New York, NY 10118", "350 5th Ave, 34th Floor, New York, NY 10118"),
    ("12 Elm St #5, Boston, MA 02118", "12 Elm St #5, Boston, MA 02118"),
    # numbers: letters, ranges, slashes
    ("Ship to 221B Baker St., London.", "221B Baker St., London"),
    ("Our depot is at 12-14 Station Road, Reading RG1 1LX.", "12-14 Station Road, Reading RG1 1LX"),
    ("at 3/45 Collins Street, Melbourne VIC 3000", "3/45 Collins Street, Melbourne VIC 3000"),
    # ordinals and directions before and after the street name
    ("Visit us at 10 5th Ave, New York, NY 10011.", "10 5th Ave, New York, NY 10011"),
    ("He moved to 15 N. Main St, Ann Arbor, MI 48104.", "15 N. Main St, Ann Arbor, MI 48104"),
    ("Send to 4521 NE 23rd Ave, Portland, OR 97211", "4521 NE 23rd Ave, Portland, OR 97211"),
    ("Bill to: 88 Queen Street West, Toronto, ON M5H 2N2", "88 Queen Street West, Toronto, ON M5H 2N2"),
    ("The package went to 1200 Pine St NW, Washington, DC 20005.", "1200 Pine St NW, Washington, DC 20005"),
    # street types, ZIP+4, a state code without a ZIP
    ("The office is at 1600 Amphitheatre Pkwy, Mountain View, CA 94043.", "1600 Amphitheatre Pkwy, Mountain View, CA 94043"),
    ("Return it to 500 S Main Street, Springfield, IL 62704-1234.", "500 S Main Street, Springfield, IL 62704-1234"),
    ("12 Willow Creek Crossing, Austin, TX 78701", "12 Willow Creek Crossing, Austin, TX 78701"),
    ("Meet me at 88 Harbor Cove, Unit 5", "88 Harbor Cove, Unit 5"),
    ("Ship it to 9 Birch Road, Austin, TX today", "9 Birch Road, Austin, TX"),
    # multi-line
    ("Address:\n12 Baker Street\nLondon\nNW1 6XE", "12 Baker Street\nLondon\nNW1 6XE"),
    ("I am at 45 Oak Street\nApt 3\nSpringfield, IL 62704", "45 Oak Street\nApt 3\nSpringfield, IL 62704"),
    # post boxes
    ("Send the form to PO Box 1234, Austin, TX 78701.", "PO Box 1234, Austin, TX 78701"),
    ("Mail it to P.O. Box 88, Springfield, IL 62704", "P.O. Box 88, Springfield, IL 62704"),
    ("Write to RR 2 Box 152, Plainview, NE 68769", "RR 2 Box 152, Plainview, NE 68769"),
    ("Schreiben Sie an Postfach 1234, 80331 München", "Postfach 1234, 80331 München"),
    # Canada, UK, Ireland
    ("I'm at 1 Yonge St, Toronto ON M5E 1W7", "1 Yonge St, Toronto ON M5E 1W7"),
    ("Please update my address to 18 Kingfisher Close, Norwich NR4 7PT", "18 Kingfisher Close, Norwich NR4 7PT"),
    ("Unit 7, 88 Harbour Road, Cork T12 X70A", "Unit 7, 88 Harbour Road, Cork T12 X70A"),
    # continental Europe
    ("Ich wohne in der Hauptstraße 5, 10115 Berlin.", "Hauptstraße 5, 10115 Berlin"),
    ("Kaiserring 5, 50672 Köln", "Kaiserring 5, 50672 Köln"),
    ("The shop is at Rue de Rivoli 12, Paris.", "Rue de Rivoli 12, Paris"),
    ("Notre bureau: Avenue Louise 54, 1050 Bruxelles", "Avenue Louise 54, 1050 Bruxelles"),
    ("ul. Marszałkowska 10, 00-590 Warszawa", "ul. Marszałkowska 10, 00-590 Warszawa"),
    ("Rua Augusta 100, 1100-053 Lisboa", "Rua Augusta 100, 1100-053 Lisboa"),
    ("C/ Mayor 5, 28013 Madrid", "C/ Mayor 5, 28013 Madrid"),
    # India: a house/plot number and a PIN code
    ("My address: House No. 12, Sector 15, Gurgaon 122001", "House No. 12, Sector 15, Gurgaon 122001"),
    ("I stay at Plot 45, MG Road, Pune 411001", "Plot 45, MG Road, Pune 411001"),
    ("Send it to #12, 3rd Cross, 5th Main, Indiranagar, Bengaluru 560038",
     "#12, 3rd Cross, 5th Main, Indiranagar, Bengaluru 560038"),
    # chat style: lower case, and a street without a number after a residence cue
    ("my address is 45 elm street apt 2", "45 elm street apt 2"),
    ("send the refund to 45 oak street, springfield il 62704", "45 oak street, springfield il 62704"),
    ("deliver to 10 downing street", "10 downing street"),
    ("45 oak street is my place", "45 oak street"),
    ("I live on Elm Street.", "Elm Street"),
    ("We moved to Baker St last year.", "Baker St"),
])
def test_address_layouts(text, value):
    assert value in _addresses(text), (text, _addresses(text))


@pytest.mark.parametrize("text", [
    "Take 2 tablets daily with water.",
    "I waited 3 hours on the road.",
    "It is a 10 minute walk.",
    "Route 66 is famous.",
    "I'll send it to 3 people on the team.",
    "ship to 2 stores by the way",
    "I walked 3 blocks down the street",
    "Spring 2024 semester starts soon.",
    "The Colgate 360 toothbrush broke.",
    "Ticket #12, Priority High, Customer 123456",
    "Order #4521, shipped via UPS, tracking 123456",
    "No. 5, the last one, was 123456",
    "The 3/4 inch pipe on the main road",
    "Room 12 is on the 3rd floor.",
    "Apt. 5C",
    "Suite 300",
    "He lives on a farm.",
    "I live in Springfield.",
    "Main Street businesses reopened.",
])
def test_not_addresses(text):
    assert not _addresses(text), (text, _addresses(text))
